//! Small text helpers shared by the posting parser: normalisation, folding,
//! Markdown stripping, role-word and place detection.

/// Normalises line endings and invisible characters so later stages can work
/// line by line. Visible text is left untouched.
pub(crate) fn normalize_input(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
        .map(|c| match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
            '\t' => ' ',
            other => other,
        })
        .collect()
}

/// Lower-cases and replaces typographic apostrophes/quotes, for matching only.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Collapses runs of whitespace to single spaces and trims the ends.
pub(crate) fn collapse_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes Markdown bold/underline markers (`**`, `__`) and leading `#`s.
pub(crate) fn strip_markdown(text: &str) -> String {
    let without_hashes = text.trim_start().trim_start_matches('#');
    collapse_ws(&without_hashes.replace("**", "").replace("__", ""))
}

/// Whether a character is decoration (emoji, dingbats, stray symbols) rather
/// than meaningful text at the edge of a line.
pub(crate) fn is_decoration(c: char) -> bool {
    if c.is_alphanumeric() {
        return false;
    }
    !matches!(
        c,
        '(' | ')'
            | '+'
            | '#'
            | '.'
            | '!'
            | '?'
            | '$'
            | '€'
            | '£'
            | '₹'
            | '¥'
            | '\''
            | '"'
            | '&'
            | '/'
    ) && !c.is_whitespace()
}

/// Trims decorations (emoji, bullets, `*`, `:`…) from both ends of a string.
pub(crate) fn strip_decorations(text: &str) -> &str {
    let start_trimmed =
        text.trim_start_matches(|c: char| is_decoration(c) || c.is_whitespace() || c == '#');
    start_trimmed.trim_end_matches(|c: char| is_decoration(c) || c.is_whitespace())
}

/// Splits text into lower-cased alphanumeric words (apostrophes kept inside).
pub(crate) fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '+' || c == '#'))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether the text (ignoring leading whitespace) starts with a lower-case letter.
pub(crate) fn starts_lowercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whether the first character is an upper-case letter or a digit.
pub(crate) fn starts_uppercase(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the text ends like a sentence (`.`, `!`, `?`).
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
    trimmed.ends_with(['.', '!', '?'])
}

/// Whether all letters are upper-case and there are at least three of them.
pub(crate) fn is_all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
}

/// Nouns and titles that mark a phrase as a job title.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "designer",
    "manager",
    "analyst",
    "scientist",
    "architect",
    "administrator",
    "admin",
    "specialist",
    "consultant",
    "coordinator",
    "lead",
    "director",
    "officer",
    "representative",
    "rep",
    "associate",
    "assistant",
    "intern",
    "internship",
    "writer",
    "editor",
    "marketer",
    "recruiter",
    "accountant",
    "advisor",
    "adviser",
    "technician",
    "researcher",
    "strategist",
    "owner",
    "head",
    "vp",
    "president",
    "nurse",
    "teacher",
    "executive",
    "agent",
    "operator",
    "programmer",
    "tester",
    "sre",
    "devops",
    "qa",
    "copywriter",
    "producer",
    "generalist",
    "coach",
    "counsel",
    "lawyer",
    "paralegal",
    "clerk",
    "cashier",
    "driver",
    "chef",
    "cook",
    "barista",
    "mechanic",
    "electrician",
    "pharmacist",
    "physician",
    "therapist",
    "artist",
    "illustrator",
    "animator",
    "planner",
    "buyer",
    "controller",
    "auditor",
    "economist",
    "statistician",
    "supervisor",
    "trainer",
    "instructor",
    "tutor",
    "lecturer",
    "professor",
    "apprentice",
    "trainee",
    "graduate",
    "contractor",
    "freelancer",
    "cto",
    "cfo",
    "ceo",
    "coo",
    "cmo",
    "cpo",
    "ciso",
    "bookkeeper",
    "receptionist",
    "secretary",
    "partner",
    "principal",
    "staff",
    "translator",
    "photographer",
    "videographer",
    "support",
    "success",
    "sales",
    "hacker",
    "mathematician",
    "machinist",
    "welder",
    "carpenter",
    "plumber",
    "pilot",
];

/// Whether any word of the phrase is a role noun (engineer, manager, …).
pub(crate) fn has_role_word(text: &str) -> bool {
    words(text).iter().any(|w| is_role_word(w))
}

fn is_role_word(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    ROLE_WORDS.contains(&word)
        || ROLE_WORDS.contains(&singular)
        || (word.len() > 5 && (word.ends_with("ist") || word.ends_with("ician")))
        || word.ends_with("engineer")
        || word.ends_with("developer")
}

/// Countries, regions and big cities recognised as locations.
const PLACES: &[&str] = &[
    // regions and catch-alls
    "anywhere",
    "worldwide",
    "global",
    "europe",
    "eu",
    "emea",
    "apac",
    "latam",
    "north america",
    "south america",
    "asia",
    "africa",
    "middle east",
    "nordics",
    "dach",
    "benelux",
    "us",
    "usa",
    "u.s.",
    "uk",
    "u.k.",
    "uae",
    // countries
    "united states",
    "united kingdom",
    "germany",
    "france",
    "spain",
    "portugal",
    "italy",
    "netherlands",
    "belgium",
    "switzerland",
    "austria",
    "ireland",
    "poland",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "estonia",
    "czech republic",
    "czechia",
    "romania",
    "greece",
    "canada",
    "mexico",
    "brazil",
    "argentina",
    "colombia",
    "chile",
    "india",
    "pakistan",
    "singapore",
    "japan",
    "china",
    "hong kong",
    "south korea",
    "australia",
    "new zealand",
    "south africa",
    "nigeria",
    "kenya",
    "egypt",
    "israel",
    "turkey",
    "ukraine",
    "philippines",
    "indonesia",
    "vietnam",
    "malaysia",
    "thailand",
    "luxembourg",
    "hungary",
    "croatia",
    "serbia",
    "lithuania",
    "latvia",
    "scotland",
    "england",
    "wales",
    // cities
    "berlin",
    "munich",
    "hamburg",
    "frankfurt",
    "cologne",
    "stuttgart",
    "london",
    "manchester",
    "edinburgh",
    "bristol",
    "cambridge",
    "oxford",
    "dublin",
    "paris",
    "lyon",
    "amsterdam",
    "rotterdam",
    "utrecht",
    "brussels",
    "zurich",
    "zürich",
    "geneva",
    "basel",
    "vienna",
    "madrid",
    "barcelona",
    "valencia",
    "lisbon",
    "porto",
    "milan",
    "rome",
    "warsaw",
    "krakow",
    "kraków",
    "prague",
    "budapest",
    "bucharest",
    "stockholm",
    "oslo",
    "copenhagen",
    "helsinki",
    "tallinn",
    "vilnius",
    "riga",
    "athens",
    "new york",
    "new york city",
    "nyc",
    "san francisco",
    "sf",
    "bay area",
    "los angeles",
    "seattle",
    "austin",
    "boston",
    "chicago",
    "denver",
    "atlanta",
    "miami",
    "washington",
    "portland",
    "san diego",
    "san jose",
    "dallas",
    "houston",
    "philadelphia",
    "toronto",
    "vancouver",
    "montreal",
    "montréal",
    "ottawa",
    "calgary",
    "bangalore",
    "bengaluru",
    "mumbai",
    "pune",
    "hyderabad",
    "chennai",
    "delhi",
    "new delhi",
    "gurgaon",
    "gurugram",
    "noida",
    "kolkata",
    "sydney",
    "melbourne",
    "brisbane",
    "auckland",
    "tokyo",
    "seoul",
    "shanghai",
    "beijing",
    "tel aviv",
    "dubai",
    "cape town",
    "lagos",
    "nairobi",
    "são paulo",
    "sao paulo",
    "mexico city",
    "buenos aires",
    "bogotá",
    "bogota",
];

/// Whether the text names a place: a known city/country/region, a
/// "City, Region" pair, or "Remote (…)".
pub(crate) fn is_place(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.len() > 60 {
        return false;
    }
    let folded = fold(trimmed);
    if PLACES.contains(&folded.as_str()) {
        return true;
    }
    let parts: Vec<&str> = trimmed.split(',').map(str::trim).collect();
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    let known_part = parts.iter().any(|p| PLACES.contains(&fold(p).as_str()));
    let shaped_pair =
        parts.len() >= 2 && parts.len() <= 3 && parts.iter().all(|p| is_place_name(p));
    let has_code = parts.len() >= 2
        && parts
            .last()
            .is_some_and(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()));
    (known_part && parts.iter().all(|p| is_place_name(p))) || (shaped_pair && has_code)
}

/// A capitalised name of at most four words, e.g. "New York" or "NY".
fn is_place_name(part: &str) -> bool {
    let count = part.split_whitespace().count();
    (1..=4).contains(&count)
        && part
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "of" || w == "am")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_places() {
        assert!(is_place("Berlin, Germany"));
        assert!(is_place("New York, NY"));
        assert!(is_place("Austin, TX"));
        assert!(is_place("London"));
        assert!(!is_place("Acme Corp"));
        assert!(!is_place("Payments"));
    }

    #[test]
    fn finds_role_words() {
        assert!(has_role_word("Senior Backend Engineer"));
        assert!(has_role_word("Data Scientist"));
        assert!(has_role_word("Head of Growth"));
        assert!(!has_role_word("Acme Corp"));
        assert!(!has_role_word("Hi Jane"));
    }

    #[test]
    fn strips_decorations_but_keeps_symbols_that_matter() {
        assert_eq!(
            strip_decorations("🚀 Senior C++ Developer ✨"),
            "Senior C++ Developer"
        );
        assert_eq!(strip_decorations("**Requirements:**"), "Requirements");
    }
}
