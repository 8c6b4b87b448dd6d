//! Whether a short text can be an employer's name: the words and shapes that never are one
//! (a count, a date, a street address, a team, a withheld name), and the legal-form and sector
//! words that mark one ("Ltd", "Hospital", "Council").

use super::*;

/// Words that are never a company name on their own.
pub(super) const NOT_COMPANIES: &[&str] = &[
    // Departments, as an applicant-tracking line names the team ("Remote · Operations ·
    // Full time").
    "operations",
    "engineering",
    "sales",
    "marketing",
    "finance",
    "legal",
    "human resources",
    "people",
    "product",
    "design",
    "customer success",
    "customer support",
    "research",
    "administration",
    "careers",
    "jobs",
    "job",
    "hiring",
    "we",
    "our team",
    "the team",
    "team",
    "our client",
    "client",
    "company",
    "this",
    "it",
    "there",
    "apply now",
    "urgent",
    "new",
    "remote",
    "everyone",
    "you",
    "the company",
    "our company",
    "they",
    "he",
    "she",
    // A board's or an employer's hiring banner where a name was expected.
    "accepting applications",
    "now accepting applications",
    "now hiring",
    "hiring now",
    "we are hiring",
    "we're hiring",
    "apply today",
    "job opening",
    "job openings",
    "open positions",
    // Sentence adverbs before a comma ("Currently, NFN is looking for").
    "currently",
    "presently",
    "recently",
    "however",
    "therefore",
    "additionally",
    "also",
    "today",
    "now",
    "i",
    // "Se contrata", "Wir suchen", "Nous recrutons": the pronouns of other languages.
    "se",
    "nous",
    "notre",
    "wir",
    "wij",
    // "Elle recrute", "Ella busca", "Sie sucht": she, he, it and they.
    "elle",
    "elles",
    "il",
    "ils",
    "on",
    "ella",
    "ellas",
    "ellos",
    "él",
    "ela",
    "ele",
    "eles",
    "elas",
    "sie",
    "er",
    "es",
    "zij",
    "hij",
    "ze",
    // Dutch "Je bent", "Jij"; the Nordic "Vi søker".
    "je",
    "jij",
    "vi",
    // A kind of organisation without its name (councils, hospitals, schools and the like are
    // in `not_a_name`'s generic names).
    "government",
    "agency",
    "organisation",
    "organization",
    "the organisation",
    "the organization",
    "foundation",
    "institute",
    "bank",
    "group",
    "firm",
    "the firm",
    "business",
    "employer",
    "the employer",
];

/// First words of a description that stands in for a withheld name ("Luxury Lodge",
/// "Leading Investment Bank", "Confidential").
pub(super) const DESCRIPTORS: &[&str] = &[
    "confidential",
    "luxury",
    "leading",
    "established",
    "prestigious",
    "reputable",
    "well-known",
    "renowned",
    "growing",
    "global",
    "international",
    "boutique",
    "award-winning",
    "fast-growing",
    "large",
    "major",
    "top",
    "private",
    "anonymous",
    "undisclosed",
    "unnamed",
];

/// "5", "Regular > Regular Assignment", "Effective March 14, 2023", "260 Brays Landing Road":
/// a count, a breadcrumb, a date or a street address, which no organisation is named as.
pub(crate) fn not_a_name(text: &str) -> bool {
    let text = text.trim();
    let folded = fold(text.trim_end_matches(':'));
    if text.chars().filter(|c| c.is_alphabetic()).count() < 2 || text.contains('>') {
        return true;
    }
    // "County Council", "Teaching Council": a kind of organisation with no name of its own.
    const GENERIC: &[&str] = &[
        "the",
        "county",
        "city",
        "district",
        "town",
        "parish",
        "borough",
        "municipal",
        "regional",
        "local",
        "teaching",
        "council",
        "hospital",
        "school",
        "college",
        "university",
        "department",
        "ministry",
        "health",
        "service",
        "services",
    ];
    if folded.split_whitespace().all(|w| GENERIC.contains(&w)) {
        return true;
    }
    // "5 to 15 years": an experience requirement on a stacked line.
    if text.starts_with(|c: char| c.is_ascii_digit())
        && folded
            .split_whitespace()
            .any(|w| matches!(w, "year" | "years" | "yrs" | "month" | "months"))
    {
        return true;
    }
    // "3 days per week", "40 hours per week": a schedule on a stacked line (not "24 Hour
    // Fitness").
    if text.starts_with(|c: char| c.is_ascii_digit())
        && folded.split_whitespace().any(|w| w == "per")
        && folded
            .split_whitespace()
            .any(|w| matches!(w, "day" | "days" | "hour" | "hours" | "week" | "weeks"))
    {
        return true;
    }
    // "؋90000 - ؋110000 monthly", "$55,000", "3.000 € brutto": pay on a stacked line, as the
    // salary reader reads it.
    if parse_salary(text).is_some() {
        return true;
    }
    // "IMU. We": a sentence's end and the next one's subject, not a name.
    if folded.split(". ").skip(1).any(|rest| {
        rest.split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "we" | "our" | "they" | "you" | "this" | "it" | "i"))
    }) {
        return true;
    }
    // "FMCG", "SaaS": a sector, not a name; "PSAC Bargaining Unit Position": a description of
    // the post.
    if matches!(
        folded.as_str(),
        "fmcg" | "b2b" | "b2c" | "saas" | "ngo" | "ict" | "bpo" | "kpo" | "it" | "hr"
    ) || folded
        .split_whitespace()
        .any(|w| matches!(w, "position" | "vacancy" | "vacancies" | "role"))
    {
        return true;
    }
    // "What", "BC", "PT-HHS-04": a question word, a province code or a reference code.
    if matches!(
        folded.as_str(),
        "what" | "who" | "why" | "how" | "when" | "where" | "this" | "that" | "these" | "those"
    ) || crate::posting::text::is_state_code(text)
        || (!text.contains(' ')
            && text.contains('-')
            && text.chars().any(|c| c.is_ascii_digit())
            && !text.chars().any(char::is_lowercase))
    {
        return true;
    }
    // "Summary", "Job Details": a section heading where a name was expected.
    if matches!(
        folded.as_str(),
        "summary"
            | "overview"
            | "description"
            | "job description"
            | "details"
            | "job details"
            | "responsibilities"
            | "requirements"
            | "benefits"
            | "about"
            | "about us"
            | "about the company"
            | "about company"
            | "about the employer"
            | "about the organisation"
            | "about the organization"
            | "company overview"
            | "company description"
            | "apply"
            | "share"
            | "id"
            | "job id"
            | "ref"
            | "job ref"
            | "reference"
    ) {
        return true;
    }
    // "DEPARTMENT: Health": a labelled detail, not a name.
    if text.contains(": ") {
        return true;
    }
    // "Key Accountabilities and Impact on the Business", "Main Responsibilities": a section's
    // heading, in words no organisation is named with.
    if [
        "accountabilit",
        "responsibilit",
        "requirement",
        "qualification",
    ]
    .iter()
    .any(|w| folded.contains(w))
    {
        return true;
    }
    // "Read more about this company", "16 Min Read", "Direct solliciteren", "Legal Jobs",
    // "Job Specifications", "Conditions of Service": a page's links, reading times, apply
    // buttons (in several languages), a board's job category and a document's headings.
    let words: Vec<&str> = folded.split_whitespace().collect();
    // "Verified Pay check_circle", "business_centerFull Time": an icon font's ligature names.
    let chrome = folded.starts_with("read more")
        || text.contains('_')
        || matches!(
            folded.as_str(),
            "sponsored" | "promoted" | "featured" | "verified"
        )
        || words.ends_with(&["min", "read"])
        || words.ends_with(&["minute", "read"])
        || words.iter().any(|w| {
            matches!(
                *w,
                "solliciteren" | "postuler" | "postular" | "candidatar" | "bewerben"
            )
        })
        || words
            .last()
            .is_some_and(|w| matches!(*w, "jobs" | "vacancies" | "careers" | "specifications"))
        || folded.contains("conditions of service")
        || folded.contains("terms of reference")
        || folded.contains("job specification");
    if chrome {
        return true;
    }
    // "Kenya Country Office", "Gaza Field Office": an office of the employer, not the employer.
    if let Some(head) = folded.strip_suffix(" office")
        && head
            .split_whitespace()
            .last()
            .is_some_and(|w| matches!(w, "country" | "field" | "regional" | "area" | "sub"))
    {
        return true;
    }
    // "Stellenmarkt-direkt.de - Jobbörse, Stellenangebote": a board's heading after its domain.
    if let Some((first, _)) = text.split_once(" - ")
        && is_domain(&fold(first))
    {
        return true;
    }
    let has_digit_word = text
        .split_whitespace()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()));
    if has_digit_word && text.split_whitespace().any(month_word) {
        return true;
    }
    text.split_once(' ').is_some_and(|(number, rest)| {
        number.chars().all(|c| c.is_ascii_digit())
            && rest.split_whitespace().last().is_some_and(|w| {
                matches!(
                    fold(w.trim_end_matches(['.', ','])).as_str(),
                    "road"
                        | "rd"
                        | "street"
                        | "st"
                        | "avenue"
                        | "ave"
                        | "drive"
                        | "dr"
                        | "lane"
                        | "ln"
                        | "boulevard"
                        | "blvd"
                        | "way"
                        | "highway"
                        | "hwy"
                        | "court"
                        | "place"
                )
            })
    })
}

/// Whether a string can be a company name: 1–6 capitalised words that are
/// not a place, arrangement, job type, generic word or a description that stands in for a
/// withheld name.
pub(crate) fn plausible_company(text: &str) -> bool {
    let trimmed = text.trim();
    let first = fold(trimmed.split_whitespace().next().unwrap_or(""));
    if DESCRIPTORS.contains(&first.as_str()) {
        return false;
    }
    if not_a_name(trimmed) {
        return false;
    }
    let words = word_count(trimmed);
    // "Ministry of Local Government and Community Development": an organisation's shape
    // allows a longer name.
    let longest = if organisation_shaped(trimmed) { 10 } else { 6 };
    (1..=longest).contains(&words)
        && trimmed.chars().count() <= 90
        && starts_uppercase(trimmed)
        && !ends_like_sentence(trimmed)
        && !NOT_COMPANIES.contains(&fold(trimmed).as_str())
        && !is_listed_place(trimmed)
        && detect_arrangement(trimmed).is_none()
        && detect_job_type_short(trimmed).is_none()
        && parse_salary(trimmed).is_none()
}

/// Legal forms, folded and without their full stop ("Inc.", "Ltd", "GmbH", "B.V.").
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "ag",
    "se",
    "sa",
    "s.a",
    "bv",
    "b.v",
    "nv",
    "corp",
    "corporation",
    "co",
    "pty",
    "berhad",
    "llp",
    "lp",
    "pvt",
];

/// Legal forms of Malaysia, Singapore, Indonesia, Latin America, Turkey and Europe, matched as
/// written: "Spa", "Kg" or "Sas" in another case is a word ("Day Spa"), not a legal form.
const CASED_LEGAL_FORMS: &[&str] = &[
    "Bhd", "Bhd.", "BHD", "Pte", "Pte.", "PTE", "Tbk", "Tbk.", "Ltda", "Ltda.", "LTDA", "SRL",
    "S.R.L.", "Srl", "SARL", "S.A.R.L.", "SAS", "S.A.S.", "SpA", "S.p.A.", "Oy", "Oyj", "ASA",
    "A/S", "ApS", "Kft", "Kft.", "s.r.o.", "a.s.", "d.o.o.", "KG", "A.Ş.", "A.Ş", "AŞ",
];

/// Sector and kind words that end an organisation's name ("… Trust", "… Labs", "… Hospital").
const ORGANISATION_WORDS: &[&str] = &[
    "company",
    "group",
    "holdings",
    "private",
    "trust",
    "foundation",
    "university",
    "college",
    "council",
    "hospital",
    "hospitals",
    "school",
    "academy",
    "bank",
    "labs",
    "technologies",
    "solutions",
    "services",
    "partners",
    "associates",
    "consulting",
    "systems",
    "software",
    "analytics",
    "health",
    "healthcare",
    "insurance",
    "capital",
    "ventures",
    "studios",
    "agency",
    "institute",
    "nhs",
    "unit",
    "authority",
    "ministry",
    "board",
    "commission",
    "service",
];

/// Whether a word is a company's legal form ("Inc.", "GmbH", "Sdn. Bhd." ends in one).
pub(crate) fn is_legal_form(word: &str) -> bool {
    let raw = word.trim_end_matches([',', ')']);
    LEGAL_FORMS.contains(&fold(raw).trim_end_matches('.')) || CASED_LEGAL_FORMS.contains(&raw)
}

/// Whether a name ends in a legal form or a word only organisations end in.
pub(crate) fn has_company_suffix(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or("");
    is_legal_form(last) || ORGANISATION_WORDS.contains(&fold(last).trim_end_matches([',', ')']))
}

/// A company name on a line of its own: capitalised, not a role, up to ten words.
pub(crate) fn company_line(text: &str) -> bool {
    let words = word_count(text);
    let first = fold(text.split_whitespace().next().unwrap_or(""));
    let last = fold(text.split_whitespace().last().unwrap_or(""));
    // "Finance Department", "Platform Team": a part of the employer, not its name.
    if DESCRIPTORS.contains(&first.as_str())
        || ["department", "team", "division", "dept", "dept."].contains(&last.as_str())
    {
        return false;
    }
    // "To view the complete job description and apply, please visit": a sentence, not a name
    // (names keep their small words to "of", "and", "the"…).
    let lowercase_words = text
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .filter(|w| {
            ![
                "of", "and", "&", "the", "for", "de", "to", "du", "la", "van", "der",
            ]
            .contains(w)
        })
        .count();
    (1..=10).contains(&words)
        && lowercase_words <= 1
        && text.chars().count() <= 100
        && (starts_uppercase(text) || text.starts_with(|c: char| c.is_ascii_digit()))
        && (!has_role_word(text) || has_company_suffix(text))
        && !NOT_COMPANIES.contains(&fold(text).as_str())
        && detect_arrangement(text).is_none()
        && parse_salary(text).is_none()
}
