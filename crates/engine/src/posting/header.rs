//! Header extraction: the title line and the short metadata lines under it
//! ("Acme · Berlin, Germany (Hybrid)"), plus text patterns that name the
//! title, company or location when the header does not.

use super::attributes::{detect_arrangement, detect_job_type_short, level_from_phrase};
use super::lines::{FieldKey, Line, LineKind, Section};
use super::salary::parse_salary;
use super::text::{
    collapse_ws, ends_like_sentence, fold, has_role_word, is_place, starts_uppercase,
    strip_decorations, strip_markdown, word_count,
};
use regex::Regex;
use std::sync::LazyLock;

/// What the header lines say.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    /// Short strings (segments, parentheticals) that state the arrangement,
    /// job type, salary or level; scanned before the body.
    pub meta: Vec<String>,
    /// Indexes of lines used by the header; they are not part of the body.
    pub consumed: Vec<usize>,
    /// The company is only a guess from a "Title - X" title line.
    pub tentative_company: bool,
}

/// One piece of a header line, split on `|`, `·`, ` - `, `@`.
#[derive(Debug, PartialEq)]
enum Segment {
    /// A location and/or an attribute (arrangement, type, salary, level).
    Known {
        location: Option<String>,
        attribute: Option<String>,
    },
    /// "(m/f/d)" and similar markers.
    Gender,
    Unknown,
}

/// Reads the title line (first line, or the line after a short preamble
/// such as "We're hiring!") and the metadata lines right below it.
pub(crate) fn read_header(lines: &[Line]) -> Header {
    let mut header = Header::default();
    let Some((title_index, preamble)) = find_title_line(lines) else {
        return header;
    };
    header.consumed.extend(preamble);
    let text = match &lines[title_index].kind {
        LineKind::Field { value, .. } => value.clone(),
        _ => lines[title_index].raw.trim().to_string(),
    };
    apply_title_line(&text, &mut header);
    header.consumed.push(title_index);
    read_meta_lines(lines, title_index + 1, &mut header);
    header
}

/// The title line's index and, if one was skipped, the short preamble line
/// before it ("We're hiring!", "Job Description").
fn find_title_line(lines: &[Line]) -> Option<(usize, Option<usize>)> {
    let mut preamble: Option<usize> = None;
    for (index, line) in lines.iter().enumerate() {
        let candidate = line.raw.trim();
        match &line.kind {
            LineKind::Blank => continue,
            LineKind::Field {
                key: FieldKey::Title,
                ..
            } => return Some((index, preamble)),
            LineKind::Field { .. } => return None,
            LineKind::Heading(h) if h.section != Section::Unknown => {
                let generic = h.section == Section::Role && h.inline.is_none();
                if generic && preamble.is_none() {
                    preamble = Some(index);
                    continue;
                }
                return None;
            }
            _ if is_greeting(candidate) => return None,
            _ if looks_like_title(candidate) => return Some((index, preamble)),
            _ if preamble.is_none() && word_count(candidate) <= 5 => preamble = Some(index),
            _ => return None,
        }
    }
    None
}

/// Parses a title given as a field value ("Title: Senior Engineer (Remote)").
pub(crate) fn header_from_title_text(text: &str) -> Header {
    let mut header = Header::default();
    apply_title_line(text, &mut header);
    header
}

/// "Hi Jane,", "Hello there!", "Dear Sam" — the start of an email.
pub(crate) fn is_greeting(line: &str) -> bool {
    let folded = fold(strip_decorations(line));
    let first = folded
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let greeting = ["hi", "hello", "hey", "dear", "greetings", "howdy"].contains(&first)
        || folded.starts_with("good morning")
        || folded.starts_with("good afternoon");
    greeting && word_count(line) <= 8
}

/// Connector words allowed in lower case inside a title.
const TITLE_CONNECTORS: &[&str] = &[
    "of", "and", "for", "&", "the", "in", "de", "to", "with", "/", "-", "–",
];

/// Whether a line reads like a job title rather than a sentence.
fn looks_like_title(line: &str) -> bool {
    let cleaned = clean_title_text(line);
    if cleaned.is_empty() || cleaned.chars().count() > 120 || ends_like_sentence(&cleaned) {
        return false;
    }
    let segments = split_segments(&cleaned);
    segments.iter().any(|segment| {
        let core = strip_parentheticals_text(segment);
        let lowercase_words = core
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .filter(|w| !TITLE_CONNECTORS.contains(w))
            .count();
        has_role_word(&core) && word_count(&core) <= 10 && lowercase_words <= 2
    })
}

/// Removes Markdown, emoji and "Job Title:"-style prefixes.
fn clean_title_text(line: &str) -> String {
    let plain = strip_markdown(line);
    let mut text = strip_decorations(&plain).to_string();
    const PREFIXES: &[&str] = &[
        "job title:",
        "title:",
        "position:",
        "role:",
        "we're hiring:",
        "we are hiring:",
        "now hiring:",
        "hiring:",
        "job opening:",
        "opening:",
        "vacancy:",
        "job:",
    ];
    let folded = fold(&text);
    if let Some(prefix) = PREFIXES.iter().find(|p| folded.starts_with(*p)) {
        // `fold` maps characters one to one, so count characters, not bytes.
        let skip = prefix.chars().count();
        text = text
            .chars()
            .skip(skip)
            .collect::<String>()
            .trim()
            .to_string();
    }
    collapse_ws(strip_decorations(&text))
}

fn apply_title_line(line: &str, header: &mut Header) {
    let cleaned = clean_title_text(line);
    let segments = split_segments(&cleaned);
    let title_position = segments.iter().position(|s| has_role_word(s)).unwrap_or(0);
    let mut unknown: Vec<&str> = Vec::new();
    for (index, segment) in segments.iter().enumerate() {
        if index != title_position && absorb_segment(segment, header) == Segment::Unknown {
            unknown.push(segment);
        }
    }
    let title = segments.get(title_position).map_or("", String::as_str);
    let title = strip_known_parentheticals(title, header);
    let title = strip_known_comma_tail(&title, header);
    let (title, at_company) = split_at_company(&title);
    let title = strip_known_parentheticals(&title, header);
    let segment_company = unknown
        .last()
        .filter(|c| plausible_company(c))
        .map(|c| c.to_string());
    header.tentative_company = segment_company.is_some() && title_position == 0;
    header.company = segment_company.or(at_company);
    let title = collapse_ws(title.trim_end_matches([',', '-', '–', '|']));
    header.title = (!title.is_empty()).then_some(title);
}

/// A company stated on a metadata line replaces a "Title - X" guess from
/// the title line; X then goes back into the title
/// ("REGISTERED NURSE - ICU NIGHT SHIFT").
fn replace_tentative_company(company: &str, header: &mut Header) {
    let previous = header.company.replace(company.to_string());
    header.tentative_company = false;
    let Some(previous) = previous else {
        return;
    };
    let same = fold(&previous).contains(&fold(company)) || fold(company).contains(&fold(&previous));
    if let (false, Some(title)) = (same, header.title.as_mut()) {
        *title = format!("{title} - {previous}");
    }
}

/// Classifies a segment and records its location/attribute in the header.
fn absorb_segment(segment: &str, header: &mut Header) -> Segment {
    let classified = classify_segment(segment);
    if let Segment::Known {
        location,
        attribute,
    } = &classified
    {
        if let Some(location) = location {
            header.location.get_or_insert_with(|| location.clone());
        }
        if let Some(attribute) = attribute {
            header.meta.push(attribute.clone());
        }
    }
    classified
}

fn classify_segment(segment: &str) -> Segment {
    let segment = collapse_ws(segment.trim());
    if segment.is_empty() {
        return Segment::Unknown;
    }
    if is_gender_marker(&segment) {
        return Segment::Gender;
    }
    let attribute = is_attribute(&segment).then(|| segment.clone());
    let location = location_of_segment(&segment);
    if attribute.is_none() && location.is_none() {
        return Segment::Unknown;
    }
    Segment::Known {
        location,
        attribute,
    }
}

fn is_attribute(segment: &str) -> bool {
    let short = word_count(segment) <= 6;
    parse_salary(segment).is_some()
        || (short && detect_arrangement(segment).is_some())
        || (short && detect_job_type_short(segment).is_some())
        || matches!(fold(segment).as_str(), "online" | "virtual")
        || (short && level_from_phrase(segment).is_some())
}

/// "Berlin, Germany (Hybrid)" → "Berlin, Germany"; "Remote (US)" stays;
/// "On-site in Munich" → "Munich".
fn location_of_segment(segment: &str) -> Option<String> {
    let folded = fold(segment);
    if (folded.starts_with("remote") || folded.starts_with("fully remote")) && segment.contains('(')
    {
        return Some(segment.to_string());
    }
    let without_parens = strip_parentheticals_text(segment);
    if is_place(&without_parens) {
        return Some(without_parens);
    }
    let (_, tail) = segment.rsplit_once(" in ")?;
    let tail = strip_parentheticals_text(tail);
    is_place(&tail).then_some(tail)
}

static GENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*(?:(?:[mfwdxh]|div)\s*/\s*){1,3}(?:[mfwdxh]|div)\s*\)?$|^\(?\s*all genders?\s*\)?$")
        .expect("gender regex is valid")
});

fn is_gender_marker(text: &str) -> bool {
    GENDER.is_match(text.trim())
}

/// Drops trailing "(…)" groups that are gender markers, locations or
/// attributes, recording what they say.
fn strip_known_parentheticals(title: &str, header: &mut Header) -> String {
    let mut current = title.trim().to_string();
    while current.ends_with(')') {
        let Some(open) = current.rfind('(') else {
            break;
        };
        let inner = current[open + 1..current.len() - 1].to_string();
        if !is_gender_marker(&inner) && !absorb_parenthetical(&inner, header) {
            break;
        }
        current = current[..open].trim_end().to_string();
    }
    current
}

/// Records "(Remote, EU)", "(Berlin, Hybrid)", "(Contract)" when every
/// part is a location or attribute; returns whether it did.
fn absorb_parenthetical(inner: &str, header: &mut Header) -> bool {
    let separated = inner
        .replace(" - ", ",")
        .replace(" – ", ",")
        .replace(" / ", ",");
    let parts: Vec<&str> = separated.split([',', ';']).map(str::trim).collect();
    let all_known = parts
        .iter()
        .all(|part| matches!(classify_segment(part), Segment::Known { .. }));
    if !all_known {
        return false;
    }
    let folded = fold(inner);
    if folded.starts_with("remote") && parts.len() > 1 {
        header
            .location
            .get_or_insert_with(|| format!("Remote ({})", parts[1..].join(", ")));
    }
    for part in parts {
        absorb_segment(part, header);
    }
    true
}

/// "Backend Engineer, Remote" → "Backend Engineer".
fn strip_known_comma_tail(title: &str, header: &mut Header) -> String {
    let mut current = title.to_string();
    while let Some((head, tail)) = current.rsplit_once(", ") {
        if matches!(classify_segment(tail), Segment::Unknown | Segment::Gender)
            || !has_role_word(head)
        {
            break;
        }
        absorb_segment(tail, header);
        current = head.to_string();
    }
    current
}

/// "Senior Engineer at Acme" → ("Senior Engineer", Some("Acme")).
fn split_at_company(title: &str) -> (String, Option<String>) {
    for separator in [" at ", " @ "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && has_role_word(head)
            && plausible_company(tail)
        {
            return (head.to_string(), Some(tail.trim().to_string()));
        }
    }
    (title.to_string(), None)
}

/// Text without any "(…)" groups.
fn strip_parentheticals_text(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    collapse_ws(&out)
}

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[|·•—–-]\s+|\s*\|\s*|\s*·\s*|\s*•\s*|\s+@\s+")
        .expect("separator regex is valid")
});
static ENDS_WITH_AMOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d[kK]?$").expect("amount-end regex is valid"));
static STARTS_WITH_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[$€£₹¥]|[A-Z]{2,3}\$?\s?\d|\d)").expect("amount-start regex is valid")
});

/// Splits a header line on `|`, `·`, `•`, ` - `, ` – `, ` @ `, keeping
/// parentheses and salary ranges ("$120k - $150k") intact.
fn split_segments(line: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut last = 0;
    for found in SEPARATOR.find_iter(line) {
        let before = &line[last..found.start()];
        let after = &line[found.end()..];
        let inside_parens = before.matches('(').count() > before.matches(')').count();
        let is_dash = found
            .as_str()
            .trim()
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—'));
        let in_range =
            is_dash && ENDS_WITH_AMOUNT.is_match(before) && STARTS_WITH_AMOUNT.is_match(after);
        if inside_parens || in_range {
            continue;
        }
        segments.push(before.trim().to_string());
        last = found.end();
    }
    segments.push(line[last..].trim().to_string());
    segments.retain(|s| !s.is_empty());
    segments
}

/// Words that are never a company name on their own.
const NOT_COMPANIES: &[&str] = &[
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
    "i",
];

/// Whether a string can be a company name: 1–6 capitalised words that are
/// not a place, arrangement, job type or generic word.
pub(crate) fn plausible_company(text: &str) -> bool {
    let trimmed = text.trim();
    let words = word_count(trimmed);
    (1..=6).contains(&words)
        && trimmed.chars().count() <= 60
        && starts_uppercase(trimmed)
        && !ends_like_sentence(trimmed)
        && !NOT_COMPANIES.contains(&fold(trimmed).as_str())
        && !is_place(trimmed)
        && detect_arrangement(trimmed).is_none()
        && detect_job_type_short(trimmed).is_none()
        && parse_salary(trimmed).is_none()
}

/// Reads "Acme · Berlin, Germany (Hybrid)" and "Full-time · Mid-Senior
/// level" lines under the title. The first such line may name the company
/// in one segment that is not a place or attribute.
fn read_meta_lines(lines: &[Line], start: usize, header: &mut Header) {
    let mut first = true;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let text = match &line.kind {
            LineKind::Blank | LineKind::Field { .. } => continue,
            LineKind::Text(text) => text.as_str(),
            LineKind::Heading(h) if h.section == Section::Unknown => line.raw.trim(),
            _ => break,
        };
        if !absorb_meta_line(text, first, header) {
            break;
        }
        header.consumed.push(index);
        first = false;
    }
}

fn absorb_meta_line(text: &str, allow_company: bool, header: &mut Header) -> bool {
    let cleaned = collapse_ws(strip_decorations(&strip_markdown(text)));
    if cleaned.chars().count() > 100 || ends_like_sentence(&cleaned) {
        return false;
    }
    let segments = split_segments(&cleaned);
    let classified: Vec<Segment> = segments.iter().map(|s| classify_segment(s)).collect();
    let unknown: Vec<&String> = segments
        .iter()
        .zip(&classified)
        .filter(|(_, c)| **c == Segment::Unknown)
        .map(|(s, _)| s)
        .collect();
    let known = classified.len() - unknown.len();
    let company_ok = allow_company
        && unknown.len() == 1
        && (header.company.is_none() || header.tentative_company)
        && unknown.iter().all(|c| plausible_company(c));
    if known == 0 || (!unknown.is_empty() && !company_ok) {
        return false;
    }
    for segment in &segments {
        absorb_segment(segment, header);
    }
    if let (true, Some(company)) = (company_ok, unknown.first()) {
        replace_tentative_company(company, header);
    }
    true
}

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
        r"(?i)\b(?:(?:hiring(?: for)?|looking for|seeking|in search of|join (?:us|our team|the team) as|opening for|vacancy for)\s+(?:an?|our)\s+|(?:role|position) of\s+(?:an?\s+|the\s+)?)",
    )
    .expect("title trigger regex is valid")
});
static TITLE_BEFORE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Aa]n?|[Tt]he|[Oo]ur)\s+((?:[A-Z][\w+#/&.-]*\s+){0,5}[A-Z][\w+#/&.-]*)\s+(?:role|position|opening|vacancy|opportunity)\b",
    )
    .expect("title-before-role regex is valid")
});

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
    match (triggered, before_role) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|(_, title)| title),
    }
}

/// Collects up to eight title words after a trigger, skipping leading
/// adjectives and stopping at punctuation or a stop word.
fn title_words_after(rest: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for raw_word in rest.split_whitespace().take(12) {
        if raw_word.starts_with('(') {
            break;
        }
        let word = raw_word.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        let folded = fold(word);
        if words.is_empty() && TITLE_ADJECTIVES.contains(&folded.as_str()) {
            continue;
        }
        if TITLE_STOPS.contains(&folded.as_str()) || word.is_empty() || words.len() >= 8 {
            break;
        }
        words.push(word.to_string());
        if word.len() != raw_word.len() {
            break;
        }
    }
    let title = words.join(" ");
    has_role_word(&title).then_some(title)
}

const COMPANY_NAME: &str = r"([A-Z][\w&'.-]*(?:[ ]+(?:[A-Z][\w&'.-]*|&|of|and|de)){0,3})";

static COMPANY_IS_HIRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{COMPANY_NAME}[ ]+(?:is|are)[ ]+(?:hiring|looking for|seeking|recruiting|searching for|growing)\b"
    ))
    .expect("is-hiring regex is valid")
});
static COMPANY_AT_WE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)(?:^|[.!?][ ]+)At[ ]+{COMPANY_NAME},[ ]+(?:we|our)\b"
    ))
    .expect("at-we regex is valid")
});
static COMPANY_AFTER_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(\w+)[ ]+at[ ]+{COMPANY_NAME}")).expect("after-at regex is valid")
});
static COMPANY_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b[Jj]oin[ ]+(?:us[ ]+at[ ]+{COMPANY_NAME}|{COMPANY_NAME}[ ]+(?:as|and|in|to)\b)"
    ))
    .expect("join regex is valid")
});

/// Words before "at Acme" that make "Acme" an employer.
const AT_COMPANY_CONTEXT: &[&str] = &[
    "role",
    "position",
    "opening",
    "opportunity",
    "job",
    "career",
    "careers",
    "team",
    "work",
    "working",
    "vacancy",
    "engineers",
    "colleagues",
];

/// Finds a company the text states: "Acme is hiring", "At Acme, we …",
/// "a role at Acme", "Join Acme as …". Never guesses otherwise.
pub(crate) fn company_from_text(text: &str) -> Option<String> {
    let patterns: [&LazyLock<Regex>; 3] = [&COMPANY_IS_HIRING, &COMPANY_AT_WE, &COMPANY_JOIN];
    let simple = patterns.iter().find_map(|pattern| {
        pattern
            .captures_iter(text)
            .filter_map(|caps| {
                caps.get(1)
                    .or_else(|| caps.get(2))
                    .map(|m| clean_company(m.as_str()))
            })
            .find(|name| plausible_company(name))
    });
    simple.or_else(|| company_after_at(text))
}

static COMPANY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)(?:^|[.!?][ ]+){COMPANY_NAME}[ ]+(?:is[ ]+(?:a|an|the)\b|was[ ]+founded\b|(?:builds|helps|makes|runs|operates|designs|develops|creates|provides|offers|plans|connects|processes|powers|serves|sells|delivers|brings|turns|gives|lets|enables)\b)"
    ))
    .expect("subject regex is valid")
});

/// A company introduced as the subject of a sentence in an "About"
/// paragraph or the opening paragraph: "Klarblick builds …",
/// "Alpenbank is a private bank …".
pub(crate) fn company_from_subject(paragraph: &str) -> Option<String> {
    COMPANY_SUBJECT
        .captures_iter(paragraph)
        .filter_map(|caps| caps.get(1).map(|m| clean_company(m.as_str())))
        .find(|name| plausible_company(name))
}

fn company_after_at(text: &str) -> Option<String> {
    COMPANY_AFTER_AT.captures_iter(text).find_map(|caps| {
        let context = fold(caps.get(1)?.as_str());
        let name = clean_company(caps.get(2)?.as_str());
        let employer_context =
            AT_COMPANY_CONTEXT.contains(&context.as_str()) || has_role_word(&context);
        (employer_context && plausible_company(&name)).then_some(name)
    })
}

/// Trims possessives and trailing punctuation from a company name.
fn clean_company(name: &str) -> String {
    let trimmed = name.trim().trim_end_matches(['.', ',', '\'']);
    let trimmed = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("’s"))
        .unwrap_or(trimmed);
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let leading_generic = ["We", "Our", "The", "This", "At", "Here", "Today", "Now"];
    let start = usize::from(words.len() > 1 && leading_generic.contains(&words[0]));
    words[start..].join(" ")
}

const PLACE_NAME: &str =
    r"([A-Z][\w.'-]*(?:[ ]+[A-Z][\w.'-]*){0,2}(?:,[ ]*[A-Z][\w.'-]*(?:[ ]+[A-Z][\w.'-]*){0,2})?)";

static LOCATION_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:\b(based in|located in|on-?site in|in-office in|offices? in|hybrid in|remote in|relocate to|in our)[ ]+(?:the[ ]+)?){PLACE_NAME}"
    ))
    .expect("location regex is valid")
});

/// Triggers after which any capitalised name is taken as a place.
const STRONG_LOCATION_TRIGGERS: &[&str] = &[
    "based in",
    "located in",
    "on-site in",
    "onsite in",
    "office in",
];
static REMOTE_REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Fully\s+)?[Rr]emote\s*\(([^)\d]{2,40})\)")
        .expect("remote-region regex is valid")
});

/// Finds a location the text states: "based in Berlin", "On-site in
/// Munich, Germany", "Remote (EU time zones)".
pub(crate) fn location_from_text(text: &str) -> Option<String> {
    let stated = LOCATION_IN.captures_iter(text).find_map(|caps| {
        let trigger = fold(caps.get(1)?.as_str());
        let place = trim_place(caps.get(2)?.as_str());
        let strong =
            STRONG_LOCATION_TRIGGERS.contains(&trigger.as_str()) && word_count(&place) <= 3;
        (is_place(&place) || (strong && plausible_company(&place))).then_some(place)
    });
    stated.or_else(|| {
        let found = REMOTE_REGION.find(text)?;
        Some(collapse_ws(found.as_str()))
    })
}

/// "Berlin Office" → "Berlin"; trims trailing words that are not part of
/// the place.
fn trim_place(place: &str) -> String {
    let mut words: Vec<&str> = place.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| ["office", "Office", "HQ", "Headquarters", "Area", "Metro"].contains(w))
    {
        words.pop();
    }
    words.join(" ").trim_end_matches([',', '.']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::lines::classify_lines;

    fn header_of(text: &str) -> Header {
        read_header(&classify_lines(text))
    }

    #[test]
    fn title_dash_company_pipe_location() {
        let header = header_of("Senior Rust Engineer - Ferrocene | Berlin, Germany");
        assert_eq!(header.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(header.company.as_deref(), Some("Ferrocene"));
        assert_eq!(header.location.as_deref(), Some("Berlin, Germany"));
    }

    #[test]
    fn parenthetical_remote_region_becomes_location() {
        let header = header_of("Account Executive (Remote - US)");
        assert_eq!(header.title.as_deref(), Some("Account Executive"));
        assert_eq!(header.location.as_deref(), Some("Remote (US)"));
    }

    #[test]
    fn title_at_company_with_parenthetical() {
        let header = header_of("Product Designer at Lumio (Remote, EU) (m/f/d)");
        assert_eq!(header.title.as_deref(), Some("Product Designer"));
        assert_eq!(header.company.as_deref(), Some("Lumio"));
        assert!(header.meta.iter().any(|m| m == "Remote"));
    }

    #[test]
    fn linkedin_meta_lines() {
        let header = header_of(
            "Data Engineer\nQuantico Labs · Amsterdam, Netherlands (Hybrid)\nFull-time · Mid-Senior level\n\nAbout the job",
        );
        assert_eq!(header.title.as_deref(), Some("Data Engineer"));
        assert_eq!(header.company.as_deref(), Some("Quantico Labs"));
        assert_eq!(header.location.as_deref(), Some("Amsterdam, Netherlands"));
        assert_eq!(header.consumed, vec![0, 1, 2]);
    }

    #[test]
    fn greeting_is_not_a_title() {
        assert!(header_of("Hi Jane,\n\nHope you're well.").title.is_none());
    }

    #[test]
    fn sentence_is_not_a_title() {
        assert!(
            header_of("We're hiring a designer to join our small team")
                .title
                .is_none()
        );
    }

    #[test]
    fn title_phrases_in_prose() {
        assert_eq!(
            title_from_text("We're looking for a talented Senior Backend Engineer to join us.")
                .as_deref(),
            Some("Senior Backend Engineer")
        );
        assert_eq!(
            title_from_text("I'm reaching out about a Staff Data Engineer role at Lumen.")
                .as_deref(),
            Some("Staff Data Engineer")
        );
        assert_eq!(
            title_from_text("for the position of Customer Support Specialist.").as_deref(),
            Some("Customer Support Specialist")
        );
        assert_eq!(title_from_text("We're looking for someone to help."), None);
    }

    #[test]
    fn companies_in_prose() {
        assert_eq!(
            company_from_text("Nimbus Labs is hiring!").as_deref(),
            Some("Nimbus Labs")
        );
        assert_eq!(
            company_from_text("At Fieldnote, we build maps.").as_deref(),
            Some("Fieldnote")
        );
        assert_eq!(
            company_from_text("a new role at Orbital Freight.").as_deref(),
            Some("Orbital Freight")
        );
        assert_eq!(company_from_text("We are hiring a designer."), None);
        assert_eq!(company_from_text("Meet us at Berlin Central."), None);
    }

    #[test]
    fn locations_in_prose() {
        assert_eq!(
            location_from_text("This role is on-site in Munich, Germany.").as_deref(),
            Some("Munich, Germany")
        );
        assert_eq!(
            location_from_text("based in our Berlin office").as_deref(),
            Some("Berlin")
        );
        assert_eq!(
            location_from_text("Remote (EU time zones)").as_deref(),
            Some("Remote (EU time zones)")
        );
        assert_eq!(location_from_text("We value kindness"), None);
    }

    #[test]
    fn segments_keep_salary_ranges() {
        assert_eq!(
            split_segments("Engineer | $120k - $150k | Remote"),
            vec!["Engineer", "$120k - $150k", "Remote"]
        );
        assert_eq!(
            split_segments("Engineer (Remote - US) - Acme"),
            vec!["Engineer (Remote - US)", "Acme"]
        );
    }
}
