//! Titles written in prose: "we are looking for a Finance Assistant", "the role of Site
//! Manager", "The preschool educator is responsible for …", when no header line names the role.

use super::*;

/// Words that may precede a title in "looking for a talented X".
const TITLE_ADJECTIVES: &[&str] = &[
    "talented",
    "passionate",
    "motivated",
    "experienced",
    "skilled",
    "driven",
    "great",
    "new",
    "curious",
    "dedicated",
    "seasoned",
    "creative",
    "detail-oriented",
    "full-time",
    "part-time",
    "hands-on",
    "first",
    "founding",
    "dynamic",
    "strong",
    "brilliant",
    "highly",
    "proactive",
    "enthusiastic",
    "energetic",
    "reliable",
    "ambitious",
    "organised",
    "organized",
    "friendly",
    "hardworking",
    "hard-working",
    "committed",
    "capable",
    "qualified",
    "results-driven",
    "self-motivated",
    "innovative",
    "versatile",
    "confident",
    "exceptional",
    "outstanding",
    "competent",
    "meticulous",
    "dependable",
    "caring",
    "compassionate",
    "diligent",
    "resourceful",
];

/// Words that end a title phrase.
const TITLE_STOPS: &[&str] = &[
    "to",
    "who",
    "with",
    "at",
    "in",
    "on",
    "for",
    "that",
    "based",
    "and",
    "which",
    "from",
    "-",
    "–",
    "—",
    "joining",
    "working",
    "ready",
    "eager",
    "like",
    "remote",
    "this",
    "our",
    "is",
    "as",
    "will",
    "would",
    "role",
    "position",
    "opening",
    "vacancy",
    "opportunity",
    "job",
];

static TITLE_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)(?:(?:is hiring|are hiring|'re hiring|’re hiring)\s+(?:an?\s+|our\s+)?|(?:hiring(?: for)?|looking for|seeking|in search of|join (?:us|our team|the team) as|opening for|vacancy for|vacancies for|advertisement for|(?:candidates|applicants|applications) for(?: the (?:position|role|post) of)?)\s+(?:(?:an?|our)\s+)?|(?:role|position|post|posts) of\s+(?:an?\s+|the\s+)?|(?-u:\b)join (?-i:\p{Lu})[^.!?\n]{0,79}? as (?:an?|our)\s+|^as an?\s+|(?:looking|seeking|wishes|wants) to (?:recruit|hire|appoint)\s+(?:an?\s+|the\s+)?|(?:is|are) recruiting(?: for)?\s+(?:an?\s+|the\s+)|(?:opens|announces|has) an? (?:vacancy|opening) for\s+(?:an?\s+|the\s+)?|(?:applications|candidates) are invited for(?: the (?:post|position|role) of)?\s+(?:an?\s+|the\s+)?|invites applications for(?: the (?:post|position|role) of)?\s+(?:an?\s+|the\s+)?|following (?:[a-z]+ ){0,2}(?:posts?|positions?|vacanc(?:y|ies)|roles?|openings?)(?-u:\b)[^:\n]{0,120}?:\s*)|(?:^|[.!?][ \t]+|\n[ \t]*)as (?:an?|the|our)\s+)",
    )
    .expect("title trigger regex is valid")
});
static TITLE_BEFORE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:[Aa]n?|[Tt]he|[Oo]ur)\s+((?:[A-Z][\w+#/&.-]*\s+){0,5}[A-Z][\w+#/&.-]*)\s+(?:role|position|opening|vacancy|opportunity)(?-u:\b)",
    )
    .expect("title-before-role regex is valid")
});

static TITLE_THIS_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:This|The)[ ]+((?:[\w-]+[ ]+){0,3}[\w-]+)[ ]+(?:position|role|job|vacancy)[ ]+(?:at|with|in|is|will)(?-u:\b)",
    )
    .expect("this-role regex is valid")
});

static TITLE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^|[.!?][ ]+|,[ ]+[Tt]he[ ]+)(?:[A-Z][\w ]{0,30}:[ ]*)?(?:The[ ]+)?((?:(?:[A-Z][\w+#/&.-]*|to|of|the|and|for|de|du|des|la|&|-|–)[ ]+){0,5}[A-Z][\w+#/&.-]*(?:[ ]+\([A-Z][\w &/-]{0,25}\))?)[ ]+(?:is[ ]+responsible|is[ ]+accountable|is[ ]+required[ ]+to|is[ ]+to|is[ ]+part[ ]+of|holds|will|supports|works|reports|provides|plays|assists|helps|serves|leads|manages|oversees|delivers|coordinates)(?-u:\b)",
    )
    .expect("title-subject regex is valid")
});

/// "The preschool educator is responsible for …": a role written in lower case as the subject
/// of its duties (title-cased when taken).
static TITLE_SUBJECT_LOWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^|[.!?][ ]+)The[ ]+((?:[a-z][\w-]*[ ]+){0,3}[a-z][\w-]*)[ ]+(?:(?:is|will[ ]+be)[ ]+(?:responsible|accountable)|must|shall)(?-u:\b)",
    )
    .expect("lower-case title-subject regex is valid")
});

/// A French public-service vacancy notice (the Journal officiel's "Avis de vacance d'un emploi
/// de sous-directeur", republished by many sites) names the post in a set sentence: "Le
/// titulaire de l'emploi exercera les fonctions de sous-directeur des publics et des produits",
/// "… exerce en tant qu'adjoint au délégué … auprès du secrétaire général". The post is that
/// function, with its first letter capitalised.
pub(crate) fn official_notice_role(text: &str) -> Option<String> {
    static FUNCTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)titulaire\s+de\s+(?:l['’]\s*|cet\s+)emploi\s+(?:exerce|exercera)\s+(?:les\s+fonctions\s+d(?:e\s+|['’]\s*)|en\s+tant\s+qu['’]\s*|en\s+qualité\s+d(?:e\s+|['’]\s*))([^.;]{3,160}?)(?:,?\s+(?:placée?s?|auprès|au\s+sein|sous\s+l['’]autorité|à\s+compter)\s[^.;]*)?(?:[.;]|\n\s*\n|$)")
            .expect("notice function regex is valid")
    });
    let role = FUNCTION.captures(text)?.get(1)?.as_str();
    Some(crate::enhance::capitalize(&collapse_ws(role)))
}

/// Whether a header title is a notice's heading rather than a post: "Avis de vacance d'un
/// emploi de sous-directeur", "JORF n°0073 du 27 mars 2024", "JO du 15 février 2020".
pub(crate) fn is_notice_heading(title: &str) -> bool {
    let folded = fold(title);
    folded.starts_with("avis de vacance")
        || folded.starts_with("jorf")
        || folded.starts_with("jo du ")
}

/// Finds a title in prose: "role of X", "position of X", "hiring a X",
/// "looking for a X", "a X role". The earliest phrase naming a role wins.
pub(crate) fn title_from_text(text: &str) -> Option<String> {
    let triggered = TITLE_TRIGGER.find_iter(text).find_map(|m| {
        let title = title_words_after(&text[m.end()..])?;
        Some((m.start(), title))
    });
    let before_role = TITLE_BEFORE_ROLE.captures_iter(text).find_map(|caps| {
        let found = caps.get(1)?;
        let title = found.as_str().trim().to_string();
        has_role_word(&title).then_some((found.start(), title))
    });
    // "The Bookkeeper is responsible for …", "Position Overview: The Lab Aide supports …".
    let subject = TITLE_SUBJECT.captures_iter(text).find_map(|caps| {
        let found = caps.get(1)?;
        let title = found.as_str().trim().to_string();
        // "The Purpose of the Staff Nurse is to …", "Our Sales Goal is to …": what the role is
        // for, not its name.
        let about_the_role = title.split_whitespace().next().is_some_and(|first| {
            matches!(
                fold(first).as_str(),
                "purpose" | "aim" | "goal" | "objective" | "mission" | "role" | "our" | "main"
            )
        });
        (has_role_word(&title) && !about_the_role).then_some((found.start(), title))
    });
    let subject_lower = TITLE_SUBJECT_LOWER.captures_iter(text).find_map(|caps| {
        let found = caps.get(1)?;
        let title = found.as_str().trim();
        let role_last = title.rsplit(' ').next().is_some_and(has_role_word);
        role_last.then(|| (found.start(), capitalise_words(title)))
    });
    // "This dishwasher position at Olive Garden is …".
    let this_role = TITLE_THIS_ROLE.captures_iter(text).find_map(|caps| {
        let found = caps.get(1)?;
        let title = found.as_str().trim().to_string();
        has_role_word(&title).then_some((found.start(), title))
    });
    [triggered, before_role, subject, subject_lower, this_role]
        .into_iter()
        .flatten()
        .min_by_key(|(start, _)| *start)
        .map(|(_, title)| title)
}

/// "preschool educator" → "Preschool Educator".
fn capitalise_words(text: &str) -> String {
    text.split(' ')
        .map(crate::enhance::capitalize)
        .collect::<Vec<String>>()
        .join(" ")
}

/// Collects up to eight title words after a trigger, skipping leading
/// adjectives and stopping at punctuation or a stop word.
fn title_words_after(rest: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut skipped = 0;
    // The title ends with its line.
    let rest = rest.split('\n').next().unwrap_or(rest);
    let raw_words: Vec<&str> = rest.split_whitespace().take(12).collect();
    // "curious and motivated full-stack or back-end engineers", "a proactive and dedicated
    // Regional Vendor & Construction Project Manager": two adjectives joined by "and" before
    // the role.
    let plain_lower = |w: &str| {
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && !has_role_word(w)
            && !TITLE_STOPS.contains(&fold(w).as_str())
    };
    let mut resume_at = 0;
    if raw_words.len() > 3
        && raw_words[1] == "and"
        && plain_lower(raw_words[0].trim_end_matches(','))
        && plain_lower(raw_words[2])
        && raw_words[3..]
            .iter()
            .take(7)
            .any(|w| has_role_word(w.trim_end_matches([',', '.', ';', ':', '!', '?'])))
    {
        resume_at = 3;
    }
    for (at, raw_word) in raw_words.iter().copied().enumerate() {
        if at < resume_at {
            continue;
        }
        // A capitalised word soon after: the lowercase words before it are adjectives
        // ("an outstanding, experienced Sous Chef"), not part of a lowercase title
        // ("a founding product engineer").
        let capital_follows =
            raw_word.ends_with(',') || raw_words.get(at + 1).is_some_and(|w| starts_uppercase(w));
        if raw_word.starts_with('(') {
            // "a senior Python (backend or systems programming) engineer": a short bracket
            // inside the title, before its role word.
            let close = raw_words[at..]
                .iter()
                .take(6)
                .position(|w| w.trim_end_matches([',', '.', ':', ';']).ends_with(')'))
                .map(|offset| at + offset);
            let inside = close.filter(|&close| {
                !words.is_empty()
                    && !has_role_word(&words.join(" "))
                    && raw_words.get(close + 1).is_some_and(|next| {
                        has_role_word(next.trim_end_matches([',', '.', ':', ';', '!', '?']))
                    })
            });
            let Some(close) = inside else {
                break;
            };
            words.extend(raw_words[at..=close].iter().map(|w| w.to_string()));
            resume_at = close + 1;
            continue;
        }
        let word = raw_word.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        let folded = fold(word);
        // "a talented engineer" drops the adjective; "a Part-Time Road Worker" keeps the
        // capitalised word, which is part of the title.
        // "an outstanding, experienced Sous Chef": up to three lowercase words before the
        // role that are not role words themselves are adjectives too.
        let leading_adjective = TITLE_ADJECTIVES.contains(&folded.as_str())
            || (skipped < 3
                && capital_follows
                && !has_role_word(word)
                && level_from_phrase(word).is_none()
                && !matches!(
                    folded.as_str(),
                    "senior" | "junior" | "mid-level" | "mid" | "lead" | "staff" | "principal"
                )
                && !TITLE_STOPS.contains(&folded.as_str())
                && word.chars().all(|c| c.is_lowercase() || c == '-'));
        if words.is_empty() && leading_adjective && !starts_uppercase(word) {
            skipped += 1;
            continue;
        }
        // "a fully remote mid-level developer": how and where the job is done, not its name.
        if words.is_empty()
            && !starts_uppercase(word)
            && matches!(
                folded.as_str(),
                "fully"
                    | "remote"
                    | "hybrid"
                    | "onsite"
                    | "on-site"
                    | "full-time"
                    | "part-time"
                    | "permanent"
                    | "temporary"
                    | "contract"
                    | "freelance"
            )
        {
            continue;
        }
        // "hiring 10-12 summer interns": how many, not the role.
        if words.is_empty()
            && !word.is_empty()
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
        {
            continue;
        }
        // "a Bay Area-based BD/operator": the place it is based in goes with "-based".
        if folded.ends_with("-based") {
            words.clear();
            continue;
        }
        // "a Finance and Accounts Officer", "a Head of Sales": a connector between capitalised
        // words inside the title, before its role word.
        let inner_connector = !words.is_empty()
            && matches!(folded.as_str(), "and" | "of" | "for" | "&")
            && raw_words.get(at + 1).is_some_and(|w| starts_uppercase(w))
            && !has_role_word(&words.join(" "));
        if inner_connector {
            words.push(word.to_string());
            continue;
        }
        // "a Finance Assistant under the guidance of …": once the role word is in, a
        // lowercase word that is not part of a name ends the title.
        let ends_after_role = !words.is_empty()
            && has_role_word(&words.join(" "))
            && word.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                folded.as_str(),
                "of" | "and" | "for" | "&" | "in" | "de" | "du" | "des" | "la" | "to" | "the"
            );
        if ends_after_role {
            break;
        }
        if TITLE_STOPS.contains(&folded.as_str()) || word.is_empty() || words.len() >= 8 {
            break;
        }
        // "a Sr. Software Engineer": the period of an abbreviation does not end the title.
        if raw_word.len() == word.len() + 1
            && raw_word.ends_with('.')
            && matches!(folded.as_str(), "sr" | "jr" | "snr" | "asst" | "assoc")
        {
            words.push(raw_word.to_string());
            continue;
        }
        words.push(word.to_string());
        if word.len() != raw_word.len() {
            break;
        }
    }
    let title = words.join(" ");
    has_role_word(&title).then_some(title)
}
