//! Header extraction: which line is the title, and what the title line and the short lines
//! under it say. This file finds the title line and reads the header as a whole; its parts
//! read the title line's segments (`segments`), one-line `|` headers (`pipe`) and the lines
//! under the title (`meta_lines`). What the prose says when the header does not name the
//! title, the company or the place is read in `prose_title`, `prose_company` and
//! `prose_place`; `company_names` says what can be an employer's name.

use super::attributes::{detect_arrangement, detect_job_type_short, level_from_phrase};
use super::lines::{FieldKey, Line, LineKind, Section};
use super::salary::parse_salary;
use super::text::{
    collapse_ws, ends_like_sentence, fold, has_role_word, is_known_place, is_listed_place,
    is_place, starts_uppercase, strip_decorations, strip_markdown, whole_word_count, word_count,
};
use regex::Regex;
use std::sync::LazyLock;

mod company_names;
mod meta_lines;
mod pipe;
mod prose_company;
mod prose_place;
mod prose_title;
mod segments;
mod tags;

pub(crate) use company_names::*;
pub(crate) use meta_lines::*;
use pipe::*;
pub(crate) use prose_company::*;
pub(crate) use prose_place::*;
pub(crate) use prose_title::*;
pub(crate) use segments::*;
use tags::*;

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
    /// The company is only a guess from a "Title - X" (or "X - Title") title line.
    pub tentative_company: bool,
    /// The guessed company stood before the title ("X - Title"): a company line replacing
    /// it does not give it back to the title.
    pub tentative_before_title: bool,
    /// The guess was split off the title at a dash (not a bar or a dot): when it is not the
    /// company it goes back into the title ("Distinguished Engineer - Search").
    pub tentative_after_dash: bool,
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
/// such as "We're hiring!") and the metadata lines right below it. Which line is the title
/// is the title-line model's choice, which weighs the rules' own pick (`find_title_line`)
/// with the traits of every line near the top; `folded_text` is the whole text, folded.
pub(crate) fn read_header(lines: &[Line], folded_text: &str) -> Header {
    let mut header = Header::default();
    if let Some((index, line)) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.kind != LineKind::Blank)
        && let Some(pipe_header) = read_pipe_header(line.raw.trim())
    {
        header = pipe_header;
        header.consumed.push(index);
        read_meta_lines(lines, index + 1, &mut header);
        return header;
    }
    let ruled = find_title_line(lines);
    let chosen = super::title_model::choose(lines, folded_text, ruled.map(|(index, _)| index));
    match (ruled, chosen) {
        // The rules' line still gives the company, the place and the details under it; the
        // model's line gives the title.
        (Some((index, preamble)), Some(chosen)) if index != chosen => {
            let mut header = read_from_line(lines, index, preamble);
            let mut titled = Header::default();
            apply_title_line(&title_line_text(&lines[chosen]), &mut titled);
            if titled.title.is_some() {
                header.title = titled.title;
                header.consumed.push(chosen);
            }
            header
        }
        (Some((index, preamble)), _) => read_from_line(lines, index, preamble),
        (None, Some(chosen)) => {
            let mut header = read_from_line(lines, chosen, line_above(lines, chosen));
            // A title line the rules did not find sits in a page's chrome, where the short
            // line under it is as often a panel's caption ("Read more about this company")
            // as the employer: the name stands only if the text confirms it
            // (`withdraw_tentative_company`).
            if header.company.is_some() && !header.tentative_company {
                header.tentative_company = true;
                header.tentative_before_title = true;
            }
            header
        }
        (None, None) => header,
    }
}

/// The text a title is read from: a field's value, or the line (its head when it runs on
/// into the description).
fn title_line_text(line: &Line) -> String {
    match &line.kind {
        LineKind::Field { value, .. } => value.clone(),
        _ => {
            let raw = line.raw.trim();
            leading_title_clause(raw).unwrap_or(raw).to_string()
        }
    }
}

/// Reads the title from the line at `title_index`, the place or name above it, and the
/// metadata lines under it.
fn read_from_line(lines: &[Line], title_index: usize, preamble: Option<usize>) -> Header {
    let mut header = Header::default();
    // "San Jose" ⏎ "Electrician I/II": a page that names the place above the title.
    if let Some(place) = preamble
        .map(|index| lines[index].raw.trim())
        .filter(|text| is_place(text))
    {
        header.location = Some(place.to_string());
    }
    header.consumed.extend(preamble);
    apply_title_line(&title_line_text(&lines[title_index]), &mut header);
    if header.company.is_none() {
        header.company = company_above_title(&lines[..title_index]);
    }
    header.consumed.push(title_index);
    read_meta_lines(lines, title_index + 1, &mut header);
    if header.company.is_none() && header.location.is_some() {
        header.company = name_above_title(lines, title_index, preamble);
    }
    header
}

/// The nearest non-blank line above `index`, when it is short (a preamble to the title).
fn line_above(lines: &[Line], index: usize) -> Option<usize> {
    let above = lines[..index]
        .iter()
        .rposition(|line| line.kind != LineKind::Blank)?;
    (word_count(lines[above].raw.trim()) <= 5).then_some(above)
}

/// "UNHCR" ⏎ "Associate Operations Officer" ⏎ "Kigali, Rwanda": a short name on the only line
/// above the title, when the lines under the title state the place, is the employer.
fn name_above_title(lines: &[Line], title_index: usize, preamble: Option<usize>) -> Option<String> {
    let index = preamble?;
    let only_line = lines[..title_index]
        .iter()
        .enumerate()
        .all(|(at, line)| at == index || line.kind == LineKind::Blank);
    let text = collapse_ws(strip_decorations(lines[index].raw.trim()));
    let name_shaped = (1..=4).contains(&word_count(&text))
        && text
            .split_whitespace()
            .all(|w| starts_uppercase(w) || matches!(w, "of" | "and" | "&" | "the" | "de"));
    (only_line
        && name_shaped
        && !is_place(&text)
        && !has_role_word(&text)
        && plausible_company(&text))
    .then_some(text)
}

/// The title line's index and, if one was skipped, the short preamble line
/// before it ("We're hiring!", "Job Description").
pub(crate) fn find_title_line(lines: &[Line]) -> Option<(usize, Option<usize>)> {
    let mut preamble: Option<usize> = None;
    // Short lines before the title: a "We're hiring!" banner, or an employer's name and
    // address block ("Australian Consulate-General" / "Noumea, New Caledonia").
    let mut skipped = 0;
    for (index, line) in lines.iter().enumerate() {
        let candidate = line.raw.trim();
        match &line.kind {
            LineKind::Blank => continue,
            LineKind::Field {
                key: FieldKey::Title,
                ..
            } => return Some((index, preamble)),
            // Metadata fields ("Job ID:", "Company:", "Location:") may come before the title.
            LineKind::Field { .. } => continue,
            LineKind::Heading(h) if h.section != Section::Unknown => {
                let generic = h.section == Section::Role && h.inline.is_none();
                if generic && preamble.is_none() {
                    preamble = Some(index);
                    skipped += 1;
                    continue;
                }
                return None;
            }
            _ if is_greeting(candidate) => return None,
            // "Stellenmarkt-direkt.de - Jobbörse, Stellenangebote, Jobs": the board's own
            // heading, named by its domain.
            _ if is_site_heading(candidate) && skipped < 3 => {
                preamble.get_or_insert(index);
                skipped += 1;
            }
            // "Division & Section: City Clerk's Office, Toronto Elections": read like a
            // metadata field.
            _ if is_labelled_detail(&clean_title_text(candidate)) => continue,
            _ if looks_like_title(candidate)
                || is_tagged_title(candidate)
                || is_hiring_sentence(candidate)
                || leading_title_clause(candidate).is_some() =>
            {
                return Some((index, preamble));
            }
            _ if skipped < 3 && (word_count(candidate) <= 5 || is_place(candidate)) => {
                preamble.get_or_insert(index);
                skipped += 1;
            }
            _ => return None,
        }
    }
    None
}

/// "Technical Product Marketer at Inferless.com - You will be taking care of …": a first line
/// that runs on into the description after a dash; its head is the title line.
fn leading_title_clause(line: &str) -> Option<&str> {
    if let Some(head) = role_before_gender_marker(line) {
        return Some(head);
    }
    if word_count(line) <= 12 {
        return None;
    }
    let cut = [" - ", " – ", " — "]
        .iter()
        .filter_map(|dash| line.find(dash))
        .min()?;
    let head = line[..cut].trim();
    let rest = line[cut..].trim_start_matches([' ', '-', '–', '—']);
    let prose = word_count(rest) >= 8
        && (rest.contains(". ") || rest.trim_end().ends_with(['.', '!', '?']));
    (prose && word_count(head) <= 10 && has_role_word(head) && looks_like_title(head))
        .then_some(head)
}

/// "Kfz-Mechatroniker (m/w/d) für unser Fleet-Servicecenter in Neuwied gesucht!": a role and its
/// gender marker, with the rest of the headline after it; the role and the marker are the title
/// line.
fn role_before_gender_marker(line: &str) -> Option<&str> {
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let after = line[close + 1..].trim();
    // The rest is the headline's sentence ("… gesucht!"), not a specialty that belongs to the
    // role ("Teacher (M/F/D) for Estonian language - Secondary cycle").
    let headline = after.ends_with(['!', '.']) && word_count(after) >= 3;
    if !headline || !is_gender_marker(&line[open..=close]) {
        return None;
    }
    let head = line[..open].trim();
    (!head.is_empty() && word_count(head) <= 8 && lower_case_words(head) <= 1)
        .then(|| line[..=close].trim())
}

/// How many words of a title candidate start in lower case, not counting connectors ("of",
/// "and", "-"): a title capitalises its words, a sentence does not.
fn lower_case_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !TITLE_CONNECTORS.contains(w))
        .count()
}

/// "February 19, 2025", "19/02/2025", "2025-02-19": a line that is only a date.
pub(crate) fn is_date_line(text: &str) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})$")
            .expect("date-line regex is valid")
    });
    DATE.is_match(text.trim())
}

/// "Stellenmarkt-direkt.de - Jobbörse, Stellenangebote, Jobs": a board's own heading, named by
/// its domain, that names no role.
pub(crate) fn is_site_heading(line: &str) -> bool {
    !has_role_word(line)
        && line
            .split([' ', '|'])
            .next()
            .is_some_and(|first| is_domain(&fold(first)))
}

/// "Job Types: Part-time, Permanent", "Division & Section: …": a detail of the post under a
/// short label that names no role (a title's own label, "Job Title:", is cleaned off first).
pub(crate) fn is_labelled_detail(cleaned: &str) -> bool {
    cleaned
        .split_once(": ")
        .is_some_and(|(label, _)| word_count(label) <= 3 && !has_role_word(label))
}

/// "March", "mar", "Sept.": a month's name or its usual short form.
fn month_word(word: &str) -> bool {
    crate::resume::dates::month_number(word.trim_end_matches(',')).is_some()
}

/// When no line reads like a title: the first short line that is not a greeting or a heading,
/// cleaned like a title line; else the start of the first line. The caller warns the user.
pub(crate) fn best_title_candidate(lines: &[Line]) -> Option<String> {
    let short_lines: Vec<String> = lines
        .iter()
        .filter_map(|line| {
            let LineKind::Text(text) = &line.kind else {
                return None;
            };
            // "Member of the Technical Staff (Full-time, Hybrid, $270-325k, Offers Equity)".
            let cleaned = title_head(text);
            // A one-line header already read for its company is not a title.
            let header_line = text.matches('|').count() >= 2;
            // "OF" between two lists of conditions: a connector alone is no title.
            let connector = cleaned.split_whitespace().all(|w| {
                [
                    "of", "or", "and", "ou", "et", "o", "y", "oder", "und", "en", "og", "eller",
                ]
                .contains(&fold(w).as_str())
            });
            let usable = !cleaned.is_empty()
                && !connector
                && !header_line
                && !is_site_heading(&cleaned)
                && !is_labelled_detail(&cleaned)
                && !cleaned.contains("://")
                && !is_date_line(&cleaned)
                && !is_greeting(text)
                && word_count(&cleaned) <= 12
                && cleaned.chars().count() <= 120
                && !ends_like_sentence(&cleaned);
            usable.then_some(cleaned)
        })
        .collect();
    // A short line naming a role beats an earlier one that does not ("Hourly" / "Dishwasher");
    // one the page repeats (its heading and its share text or breadcrumb) beats both.
    let repeated = short_lines.iter().find(|line| {
        has_role_word(line) && short_lines.iter().filter(|other| other == line).count() >= 2
    });
    let short = repeated
        .or_else(|| short_lines.iter().find(|line| has_role_word(line)))
        .or(short_lines.first())
        .cloned();
    short.or_else(|| {
        // The first line that is not a labelled field ("Location: Meyerton"), else the first.
        let first_of = |skip_fields: bool| {
            lines.iter().find_map(|line| {
                if skip_fields && matches!(line.kind, LineKind::Field { .. }) {
                    return None;
                }
                let raw = collapse_ws(strip_decorations(&strip_markdown(line.raw.trim())));
                (!raw.is_empty()).then_some(raw)
            })
        };
        let first = first_of(true).or_else(|| first_of(false))?;
        let mut title = String::new();
        for word in first.split_whitespace() {
            if title.chars().count() + word.chars().count() + 1 > 100 {
                break;
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(word);
        }
        (!title.is_empty()).then_some(title)
    })
}

/// Role nouns too generic to stand alone as a guessed title ("the Manager", "our Staff").
const GENERIC_ROLE_WORDS: &[&str] = &[
    "staff",
    "partner",
    "support",
    "success",
    "sales",
    "head",
    "lead",
    "chief",
    "principal",
    "owner",
    "agent",
    "host",
    "crew",
    "member",
    "expert",
    "champion",
    "deputy",
    "associate",
    "executive",
    "assistant",
    "graduate",
    "fellow",
    "scholar",
    "manager",
    "officer",
    "director",
    "supervisor",
    "president",
    "founder",
    "team",
];

/// The role the text keeps naming, when no line reads like a title: the capitalised phrase
/// ending in a role noun that occurs most often (at least twice) in the opening of the text
/// ("… the Support Functions Manager is responsible …", "The Support Functions Manager
/// coordinates …"). Ties go to the earliest.
pub(crate) fn repeated_role_phrase(text: &str) -> Option<String> {
    static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)[A-Z][\w&'’-]*(?:[ ](?:[A-Z][\w&'’-]*|of|and|&|de|for)){0,5}")
            .expect("role-phrase regex is valid")
    });
    let head: String = text.chars().take(4000).collect();
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for found in PHRASE.find_iter(&head) {
        let mut words: Vec<&str> = found.as_str().split(' ').collect();
        let previous = head[..found.start()]
            .split_whitespace()
            .next_back()
            .map(fold)
            .unwrap_or_default();
        let mut after_article = matches!(
            previous.as_str(),
            "the" | "a" | "an" | "our" | "this" | "your" | "as"
        );
        while words
            .first()
            .is_some_and(|w| matches!(*w, "The" | "A" | "An" | "Our" | "This" | "Your" | "As"))
        {
            words.remove(0);
            after_article = true;
        }
        // The phrase ends at its last role noun ("Support Functions Manager Liberia").
        let Some(last_role) = words.iter().rposition(|w| has_role_word(w)) else {
            continue;
        };
        words.truncate(last_role + 1);
        while words
            .last()
            .is_some_and(|w| matches!(*w, "of" | "and" | "&" | "de" | "for"))
        {
            words.pop();
        }
        let phrase = words.join(" ");
        // One word stands as a role only after an article ("the Cleaner"), not as a bullet's
        // verb ("Assist the Principal").
        let generic = words.len() == 1
            && (!after_article || GENERIC_ROLE_WORDS.contains(&fold(&phrase).as_str()));
        if phrase.is_empty() || generic || !has_role_word(words.last().unwrap_or(&"")) {
            continue;
        }
        match counts.iter_mut().find(|(p, _, _)| *p == phrase) {
            Some(entry) => entry.1 += 1,
            None => counts.push((phrase, 1, found.start())),
        }
    }
    counts
        .into_iter()
        .filter(|(_, count, _)| *count >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(phrase, _, _)| phrase)
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
pub(crate) fn looks_like_title(line: &str) -> bool {
    // "Senior Embedded Engineer (C/C++, Yocto, hybrid …, Where: Ruggell)": the role before
    // a long bracket of details.
    let cleaned = title_head(line);
    if cleaned.is_empty() || cleaned.chars().count() > 120 || ends_like_sentence(&cleaned) {
        return false;
    }
    // "CHAMBER SECRETARY’S DEPARTMENT": a unit of the organisation, not a role.
    let last = fold(cleaned.split_whitespace().last().unwrap_or_default());
    if matches!(
        last.as_str(),
        "department" | "division" | "directorate" | "unit" | "section" | "ministry"
    ) {
        return false;
    }
    // "Inhouse SAP HCM Key User (m/w/d)", "CAP petite enfance (H/F)": only a job title
    // carries a gender marker, and French titles are written in lower case; "Wir suchen eine
    // Pflegefachkraft (m/w/d)" is a hiring sentence.
    let hiring_sentence = cleaned.split_whitespace().take(3).any(|w| {
        matches!(
            fold(w).as_str(),
            "wir"
                | "ich"
                | "we"
                | "we're"
                | "nous"
                | "on"
                | "nosotros"
                | "buscamos"
                | "recrutons"
                | "recherchons"
                | "recrute"
                | "suchen"
                | "sucht"
                | "rejoignez"
                | "join"
                | "zoeken"
                | "zoekt"
        )
    });
    if let Some(open) = cleaned.rfind('(')
        && !hiring_sentence
        && cleaned.ends_with(')')
        && is_gender_marker(&cleaned[open..])
        && word_count(&cleaned[..open]) <= 10
        && lower_case_words(&cleaned[..open]) <= 3
    {
        return true;
    }
    let segments = split_segments(&cleaned);
    segments.iter().any(|segment| {
        let core = strip_parentheticals_text(segment);
        has_role_word(&core) && word_count(&core) <= 10 && lower_case_words(&core) <= 2
    })
}

/// A line cleaned like a title (`clean_title_text`), without a long bracket of details after
/// the role (`long_details_bracket`).
pub(crate) fn title_head(line: &str) -> String {
    let cleaned = clean_title_text(line);
    match long_details_bracket(&cleaned) {
        Some((head, _)) => head.to_string(),
        None => cleaned,
    }
}

/// Removes Markdown, emoji and "Job Title:"-style prefixes.
fn clean_title_text(line: &str) -> String {
    let plain = strip_markdown(line);
    let mut text = strip_decorations(&plain).to_string();
    const PREFIXES: &[&str] = &[
        "job title:",
        "titre du poste :",
        "titre du poste:",
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
        "employment opportunity:",
        "job opportunity:",
        "career opportunity:",
        "new vacancy:",
        "new vacancy -",
        "new vacancy –",
        "job vacancy:",
        "vacancy -",
        "vacancy –",
        "open position:",
        "open position -",
        "open position –",
        "vacancy announcement:",
        "job announcement:",
        "vacancy notice:",
        "position title:",
        "position title -",
        "position title –",
        "job title -",
        "job posting:",
        "application for ",
        "application form for ",
        "invites applications for the post of ",
        "invites applications for the position of ",
        "invites applications for ",
        "applications are invited for the post of ",
        "applications are invited for the position of ",
        "applications are invited for ",
        "post of:",
        "post of ",
        "post:",
        // A blog's comment heading copied with the post ("One thought on “CLEANER: …").
        "one thought on “",
        "one thought on \"",
        // French internship notices ("Stage PFE : Digital Marketing & Admin").
        "stage pfe :",
        "stage pfe:",
        "stage pfe -",
        "stage pfe –",
        "stage :",
        "stage -",
        "stage –",
        // A picture's alternative text copied with the page.
        "image with the words ",
        "image of ",
        // A board's breadcrumb run into the title ("Job Openings Senior Backend Engineer").
        "job openings ",
        "current openings ",
        "open positions ",
        "current vacancies ",
    ];
    // "POSITION DESCRIPTION Position title: Legal Personal Assistant": the title's label after
    // a heading on the same line.
    static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:position|job) title:").expect("title-label regex is valid")
    });
    if let Some(label) = TITLE_LABEL.find(&text).filter(|label| label.end() <= 60)
        && has_role_word(&text[label.end()..])
    {
        text = text[label.end()..].trim().to_string();
    }
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
    let mut text = collapse_ws(strip_decorations(&text));
    // "Advert View :: Accountant | Nairobi": a breadcrumb; the role is in its last part.
    if let Some((_, last)) = text.rsplit_once(" :: ")
        && has_role_word(last)
    {
        text = last.trim().to_string();
    }
    // "10-12 summer interns", "3 dossierbehandelaars", "2 x Chefs": how many are hired.
    {
        static COUNT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^(?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?|two|three|four|five)\s+(?:x\s+)?")
                .expect("count regex is valid")
        });
        if let Some(found) = COUNT.find(&text)
            && has_role_word(&text[found.end()..])
            && !text[found.end()..].starts_with(|c: char| c.is_ascii_digit())
        {
            text = text[found.end()..].to_string();
        }
    }
    // "2026/034 Physiotherapy Manager": a leading reference number.
    if let Some((first, rest)) = text.split_once(' ')
        && first.chars().filter(char::is_ascii_digit).count() >= 3
        && first.chars().any(|c| matches!(c, '/' | '-' | '_' | '.'))
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'))
        && has_role_word(rest)
    {
        text = rest.trim().to_string();
    }
    // "Laboratory Technical Officer [M/F]": the gender marker in square brackets.
    text = text.replace('[', "(").replace(']', ")");
    // "ACCOUNTANT II, JOB GRADE - EACC 8 (1 POST), REF: EACC/FP/4": the grade and the
    // reference after the role.
    let folded_text = fold(&text);
    if let Some(cut) = [
        ", job grade",
        " - job grade",
        ", grade ",
        " ref:",
        ", ref.",
        " reference:",
    ]
    .iter()
    .filter_map(|marker| folded_text.find(marker))
    .min()
        && has_role_word(&text[..cut])
        && text.is_char_boundary(cut)
    {
        text = text[..cut].trim().to_string();
    }
    // "… - 1 vacancy - CCMAR/TS_BIOM/09/2019": a post count or a reference code after a dash.
    while let Some((head, tail)) = [" - ", " – "]
        .iter()
        .filter_map(|dash| text.rsplit_once(dash))
        .max_by_key(|(head, _)| head.len())
    {
        let tail = tail.trim();
        let folded = fold(tail);
        // "1 vacancy", "TWO HUNDRED AND FIFTY (250) POSTS": how many posts, in figures.
        let figures = (folded.split_whitespace().count() == 2
            && folded
                .split_whitespace()
                .next()
                .is_some_and(|n| n.parse::<u32>().is_ok()))
            || (folded.split_whitespace().count() <= 8
                && folded.contains('(')
                && folded
                    .split(['(', ')'])
                    .nth(1)
                    .is_some_and(|n| n.trim().parse::<u32>().is_ok()));
        let count = figures
            && [
                "vacancy",
                "vacancies",
                "post",
                "posts",
                "position",
                "positions",
            ]
            .iter()
            .any(|w| folded.ends_with(w));
        // "CCMAR/TS_BIOM/09/2019", "V/NO. 7/2021": a reference, without lower-case words.
        let code = word_count(tail) <= 3
            && tail.chars().any(|c| c.is_ascii_digit())
            && tail.chars().any(|c| matches!(c, '/' | '_'))
            && !tail.chars().any(char::is_lowercase);
        // "Chef de Partie x4 - Summer 23/24": the season the post is for.
        let season = ["summer ", "winter ", "spring ", "autumn ", "fall "]
            .iter()
            .any(|s| folded.starts_with(s))
            && folded.chars().any(|c| c.is_ascii_digit())
            && word_count(tail) <= 3;
        // "Mathematics Teacher Job Opportunity - December 2025": the month it was posted.
        let dated = {
            let words: Vec<&str> = folded.split_whitespace().collect();
            let year = |w: &str| w.len() == 4 && w.starts_with("20") && w.parse::<u32>().is_ok();
            match words.as_slice() {
                [y] => year(y),
                [m, y] => year(y) && month_word(m),
                _ => false,
            }
        };
        if !(count || code || season || dated) || !has_role_word(head) {
            break;
        }
        text = head.trim().to_string();
    }
    // "LEGAL MANAGER GRADE 13", "Legal Administrative Officer (MR-5)": a grade at the end (a
    // post count, "(2 Positions)", comes off every title in `title::tidy_title`).
    {
        static GRADE_OR_COUNT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?:\s+(?i:grade\s+[a-z]?\d{1,2}[a-z]?|x\s?\d{1,3})|\s*\([A-Z]{1,4}\d{0,2}\s?[-–]\s?[A-Z]{0,4}\d{1,2}\))$",
            )
            .expect("grade-or-count regex is valid")
        });
        while let Some(found) = GRADE_OR_COUNT.find(&text)
            && has_role_word(&text[..found.start()])
        {
            text.truncate(found.start());
        }
    }
    // "Sous Chef, £28,000 to £32,000 per annum plus Tronc": the pay after a comma (the body
    // states it too, so the salary is read from there).
    if let Some((head, tail)) = text.split_once(", ")
        && tail.starts_with(['$', '€', '£', '₹', '¥'])
        && parse_salary(tail).is_some()
        && has_role_word(head)
    {
        text = head.trim().to_string();
    }
    // "Band 2 Health Care Support Worker": the pay band before the role.
    {
        static BAND: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^band\s+\d[a-d]?\s*(?:[-–:]\s*)?").expect("band regex is valid")
        });
        if let Some(found) = BAND.find(&text)
            && has_role_word(&text[found.end()..])
        {
            text = text[found.end()..].to_string();
        }
    }
    // "Candidate Legal Practitioner (TB00159) x4 Positions": a reference code in brackets
    // and how many posts.
    {
        static CODE_AND_COUNT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\s*\([A-Z]{0,4}\d{3,}[A-Z0-9/-]*\)|\s+x\s?\d{1,3}\s+(?:positions?|posts?|vacanc(?:y|ies))(?-u:\b)|\s*\(\s*x\s?\d{1,3}\s+(?:positions?|posts?|vacanc(?:y|ies))\s*\)")
                .expect("code-and-count regex is valid")
        });
        let stripped = CODE_AND_COUNT.replace_all(&text, "").trim().to_string();
        if stripped != text && has_role_word(&stripped) {
            text = stripped;
        }
    }
    // "Teacher, Elementary Dual Language Spanish Immersion(100)(187": a board's numeric codes
    // run onto the end of the title.
    {
        static TRAILING_CODES: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:\s*\(\d{1,6}\)?)+$").expect("trailing-codes regex is valid")
        });
        if let Some(found) = TRAILING_CODES.find(&text)
            && has_role_word(&text[..found.start()])
        {
            text.truncate(found.start());
        }
    }
    // "Deputy Director (Finance) Vacancies 2026 - Parliament of Sri Lanka": the notice and
    // its year inside the line.
    {
        static NOTICE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\s+(?:job\s+)?(?:vacanc(?:y|ies)|jobs?|opportunit(?:y|ies)|openings?|recruitment)\s+20\d\d(?-u:\b)(?:\s*$)?")
                .expect("notice-year regex is valid")
        });
        if let Some(found) = NOTICE_YEAR.find(&text)
            && has_role_word(&text[..found.start()])
        {
            let rest = text[found.end()..].to_string();
            text = format!("{}{}", &text[..found.start()], rest);
        }
    }
    // "HCP&R Hiring Part-Time Seasonal Maintenance Technicians": an employer's short name, then
    // the notice, then the role.
    if let Some(at) = text.find(" Hiring ").or_else(|| text.find(" HIRING "))
        && word_count(&text[..at]) <= 4
        && !has_role_word(&text[..at])
        && has_role_word(&text[at + 8..])
    {
        text = text[at + 8..].trim().to_string();
    }
    // "Full time Sous Chef required for the The Keys Preston. We are …": the role before
    // "required".
    if let Some(at) = text.find(" required")
        && word_count(&text[..at]) <= 8
        && has_role_word(&text[..at])
        && !fold(&text[..at]).starts_with("the ")
        && !text[..at]
            .split_whitespace()
            .last()
            .is_some_and(|w| matches!(w, "is" | "are" | "be" | "was" | "not"))
    {
        text = text[..at].trim().to_string();
    }
    // "Seasonal Laborer Position Available", "Line Cook Wanted": the role without the notice.
    const SUFFIXES: &[&str] = &[
        " job posting",
        " job description",
        " job opportunity",
        " job advert",
        " jobs",
        " job",
        " position available",
        " positions available",
        " position open",
        " job opening",
        " vacancy",
        " opening",
        " wanted",
        " needed",
        // A board's note that the post is no longer open ("Project Officer - CLOSED").
        " - closed",
        " – closed",
        " (closed)",
        " - expired",
        " (expired)",
        " - filled",
        " (filled)",
        // Rolling recruitment ("Health Care Support Worker - Rolling").
        " - rolling",
        " (rolling)",
    ];
    loop {
        let folded = fold(&text);
        let Some(suffix) = SUFFIXES.iter().find(|s| folded.ends_with(*s)) else {
            break;
        };
        let keep = text.chars().count() - suffix.chars().count();
        let head: String = text.chars().take(keep).collect();
        let head = head.trim_end_matches([' ', '-', '–', ',']).to_string();
        if !has_role_word(&head) {
            break;
        }
        text = head;
    }
    text
}

static HIRING_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{COMPANY_NAME}[ ]+(?:is|are)[ ]+(?:now[ ]+|currently[ ]+)?hiring(?:[ ]+(?:an?|for|several|two|three))?[ ]+(?P<title>[^.!?()]+?)(?:[ ]+in[ ]+(?P<place>[^.!?()]+?))?(?:[ ]*\((?P<paren>[^)]*)\))?[ ]*[.!]?$"
    ))
    .expect("hiring-line regex is valid")
});

pub(crate) fn is_hiring_sentence(line: &str) -> bool {
    apply_hiring_sentence(&clean_title_text(line), &mut Header::default())
}

/// "Microsoft Research is hiring Senior MLEs in Cambridge, MA (ONSITE).": a title line that
/// is a sentence naming the employer, the role and the place.
fn apply_hiring_sentence(line: &str, header: &mut Header) -> bool {
    let Some(caps) = HIRING_LINE.captures(line.trim()) else {
        return false;
    };
    let title = caps.name("title").map_or("", |m| m.as_str()).trim();
    let company = clean_company(caps.get(1).map_or("", |m| m.as_str()));
    if !has_role_word(title) || word_count(title) > 8 || !plausible_company(&company) {
        return false;
    }
    header.title = Some(collapse_ws(title));
    header.company = Some(company);
    if let Some(place) = caps.name("place").map(|m| m.as_str().trim()) {
        header.location = Some(place.to_string());
    }
    if let Some(paren) = caps.name("paren") {
        absorb_parenthetical(paren.as_str(), header);
    }
    true
}

fn seo_job_in_place(segment: &str) -> Option<(String, String)> {
    static JOB_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(.+?)[ ]+(?i:jobs?|vacanc(?:y|ies))[ ]+(?:in|at)[ ]+(.+)$")
            .expect("job-in regex is valid")
    });
    let caps = JOB_IN.captures(segment.trim())?;
    let (role, place) = (caps[1].trim(), caps[2].trim());
    (has_role_word(role) && word_count(place) <= 4 && starts_uppercase(place))
        .then(|| (role.to_string(), place.to_string()))
}

/// "Pacific Salmon Foundation Careers" or "Ministry of Health" above the title: a careers
/// site's heading names the employer.
fn company_above_title(lines: &[Line]) -> Option<String> {
    lines.iter().find_map(|line| {
        let text = collapse_ws(strip_decorations(line.raw.trim()));
        let folded = fold(&text);
        let site_heading = [
            " careers",
            " jobs",
            " career opportunities",
            " vacancies",
            " recruitment",
        ]
        .iter()
        .find(|suffix| folded.ends_with(*suffix))
        .map(|suffix| text[..text.len() - suffix.len()].trim().to_string());
        let name = match site_heading {
            Some(name) => name,
            None if has_company_suffix(&text) || organisation_shaped(&text) => text,
            None => return None,
        };
        (word_count(&name) >= 1 && plausible_company(&name) && !has_role_word(&name))
            .then_some(name)
    })
}

/// When the title was only found later (a line below the page's opening prose), the short
/// lines under that line are read like a header's: "Maintenance Technician" ⏎ "Evergreen
/// Cooperatives" ⏎ "Cleveland, OH, USA". Fills only what is still unknown.
pub(crate) fn read_lines_under(lines: &[Line], title: &str, header: &mut Header) {
    let Some(index) = lines
        .iter()
        .position(|line| clean_title_text(line.raw.trim()) == title)
    else {
        return;
    };
    let mut found = Header::default();
    read_meta_lines(lines, index + 1, &mut found);
    if header.company.is_none() && !found.tentative_company {
        header.company = found.company;
    }
    if header.location.is_none() {
        header.location = found.location;
    }
    header.meta.extend(found.meta);
}

/// "- Lead Engineer: https://jobs.lever.co/…": the first role listed with its link.
pub(crate) fn role_with_link(lines: &[Line]) -> Option<String> {
    lines.iter().find_map(|line| {
        let (LineKind::Bullet(text) | LineKind::Text(text)) = &line.kind else {
            return None;
        };
        let (role, rest) = text.split_once(": ")?;
        let role = collapse_ws(strip_decorations(&strip_markdown(role)));
        (rest.trim_start().starts_with("http")
            && (1..=8).contains(&word_count(&role))
            && has_role_word(&role))
        .then_some(role)
    })
}

/// "Open Roles:" ⏎ "Member of the Technical Staff, AI Harness (Full-time, …) - https://…": when
/// the header names no role, the first item of the posting's list of open roles is the title.
pub(crate) fn title_from_role_list(lines: &[Line]) -> Option<String> {
    const LIST_HEADS: &[&str] = &[
        "open roles",
        "open positions",
        "current openings",
        "openings",
        "roles",
        "positions",
        "we're hiring",
        "we are hiring",
        "hiring for",
        "we're hiring for",
        "we are hiring for",
    ];
    let head_at = lines.iter().position(|line| {
        let folded = fold(line.raw.trim());
        let Some(head) = folded.strip_suffix(':') else {
            return false;
        };
        // "Roles currently available:", "Open positions in London:": a short head naming roles.
        let names_roles = word_count(head) <= 5
            && head.split_whitespace().any(|w| {
                matches!(
                    w,
                    "roles" | "positions" | "openings" | "vacancies" | "jobs" | "hiring"
                )
            });
        names_roles
            || LIST_HEADS
                .iter()
                .any(|h| head == *h || head.ends_with(&format!(". {h}")))
    })?;
    let item = lines[head_at + 1..]
        .iter()
        .find_map(|line| match &line.kind {
            LineKind::Blank => None,
            LineKind::Bullet(text) | LineKind::Text(text) => Some(text.clone()),
            _ => Some(String::new()),
        })?;
    let item = collapse_ws(strip_decorations(&strip_markdown(&item)));
    let item = match long_details_bracket(&item) {
        Some((head, _)) => head.to_string(),
        None => item,
    };
    let role = [" - ", " – ", " — ", " | ", ": "]
        .iter()
        .filter_map(|separator| item.find(separator))
        .min()
        .map_or(item.as_str(), |at| &item[..at])
        .trim();
    let role = strip_parentheticals_text(role);
    (has_role_word(&role) && word_count(&role) <= 10).then_some(role)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::lines::classify_lines;

    #[test]
    fn what_qualifies_a_labelled_role_and_what_states_a_detail() {
        assert_eq!(
            role_qualifier(" – Practice Tutor", None),
            Some("Practice Tutor")
        );
        for rest in [
            " - Early Years Outreach",
            " (Primary School)",
            ": Communication and Marketing",
            " (Backend - Payments)",
        ] {
            assert!(role_qualifier(rest, None).is_some(), "{rest}");
        }
        for rest in [
            " - Remote",
            " (Full-time)",
            " (Leeds)",
            " - FSN-11",
            " (Band 5)",
            " (closing 6/30)",
            " (m/f/d)",
            " - Acme Ltd",
            "ry Nurse",
            "",
        ] {
            assert_eq!(role_qualifier(rest, Some("Acme Ltd")), None, "{rest}");
        }
        assert!(is_grade_code("GS-12"));
        assert!(is_grade_code("FSN-03; FP-BB"));
        assert!(!is_grade_code("Payments"));
        assert!(!is_grade_code("NHS"));
        assert!(states_a_date("Season is May 15 to October 12"));
        assert!(!states_a_date("2/3"));
        // A word that begins like a month is not one.
        assert!(!states_a_date("Marketing 2"));
    }

    #[test]
    fn an_unnamed_client_is_found_in_any_case_and_only_with_the_word() {
        assert!(for_unnamed_client(
            "OUR CLIENT IS SEEKING a payroll officer."
        ));
        assert!(for_unnamed_client(
            "We are hiring on behalf of our Client in Leeds."
        ));
        assert!(!for_unnamed_client(
            "“Acme” is seeking a payroll officer • Leeds"
        ));
        assert!(!for_unnamed_client(
            "We collect debt on behalf of our client."
        ));
    }

    fn header_of(text: &str) -> Header {
        read_header(&classify_lines(text), &fold(text))
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
    fn an_at_line_under_the_title_names_the_employer() {
        let header = header_of(
            "Assistant Island Manager\n\nat Chumbe Island Coral Park\nLocation Zanzibar, Tanzania\n\nDescription",
        );
        assert_eq!(header.company.as_deref(), Some("Chumbe Island Coral Park"));
        for line in [
            "@ Chumbe Island Coral Park",
            "at Chumbe Island Coral Park · Zanzibar",
        ] {
            let header = header_of(&format!("Island Manager\n\n{line}\n\nWe run a park."));
            assert_eq!(
                header.company.as_deref(),
                Some("Chumbe Island Coral Park"),
                "{line}"
            );
        }
        // A place or a sentence after "at" names no employer.
        for line in ["at London, UK", "at the heart of our team we value trust."] {
            let header = header_of(&format!("Payroll Officer\n\n{line}\n\nWe pay people."));
            assert_eq!(header.company, None, "{line}");
        }
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
        // "contrata" must end its word: "Modalidade de contratação PJ" is how the post is
        // contracted, not "Modalidade" hiring.
        assert_eq!(
            company_from_text("Loja Azul contrata vendedor.").as_deref(),
            Some("Loja Azul")
        );
        assert_eq!(company_from_text("Modalidade de contratação PJ"), None);
        assert_eq!(company_from_text("Meet us at Berlin Central."), None);
        // An acronym in brackets or square brackets between the name and its verb.
        assert_eq!(
            company_from_text("The Harbour Arts Trust [HAT] is seeking a curator.").as_deref(),
            Some("Harbour Arts Trust")
        );
        assert_eq!(
            company_from_text("Ridgeway Water (RWL) has an immediate vacancy for a fitter.")
                .as_deref(),
            Some("Ridgeway Water")
        );
        assert_eq!(
            company_from_text("Millbrook Parks & Recreation currently has openings for two.")
                .as_deref(),
            Some("Millbrook Parks & Recreation")
        );
        assert_eq!(
            company_from_text("Read about the benefits at Quarry Bay Clinic.").as_deref(),
            Some("Quarry Bay Clinic")
        );
        assert_eq!(
            company_from_text("We have several vacancies in the kitchen."),
            None
        );
        // A labelled detail or an office of the employer is no name.
        assert!(not_a_name("DEPARTMENT: Health"));
        assert!(not_a_name(
            "Key Accountabilities and Impact on the Business"
        ));
        assert!(not_a_name("Main Responsibilities"));
        assert!(not_a_name("Kenya Country Office"));
        assert!(not_a_name("Gaza Field Office"));
        assert!(!not_a_name("Foreign Office"));
        assert!(!not_a_name("Harbour Arts Trust"));
        for chrome in [
            "Read more about this company",
            "16 Min Read",
            "Direct solliciteren",
            "Legal Jobs",
            "Job Specifications",
            "Conditions Of Service",
        ] {
            assert!(not_a_name(chrome), "{chrome}");
        }
        assert!(!not_a_name("Jobs for Humanity Foundation"));
        assert!(!not_a_name("Apply Digital"));
        // A schedule, pay, a heading or two sentences' edges on a stacked line is no name.
        for line in [
            "3 days per week",
            "40 hours per week",
            "؋90000 - ؋110000 monthly",
            "€ 20,400",
            "3.000 € brutto",
            "About the Company:",
            "IMU. We",
        ] {
            assert!(not_a_name(line), "{line}");
        }
        assert!(!not_a_name("24 Hour Fitness"));
        assert!(!not_a_name("Sawara Solutions Pvt. Ltd."));
        assert!(!not_a_name("Ke$ha Touring"));
        assert!(organisation_shaped("Ministère de la Santé"));
        assert!(organisation_shaped("Banco del Pacífico"));
        // A hiring banner is no name.
        assert!(!plausible_company("Accepting Applications"));
        // A sentence adverb is no name.
        assert!(!plausible_company("Currently"));
        assert!(!plausible_company("However"));
        assert!(plausible_company("Harbour Arts Trust"));
    }

    #[test]
    fn an_organisation_in_front_of_the_role() {
        assert_eq!(
            organisation_before_role("Hillcrest Food Co-op Store Manager").as_deref(),
            Some("Hillcrest Food Co-op")
        );
        assert_eq!(
            organisation_before_role("St Anne's Parish Church Parish Administrator").as_deref(),
            Some("St Anne's Parish Church")
        );
        for title in [
            "Primary School Teacher",
            "Senior College Lecturer",
            "Micro Plus Trust Staff",
            "Hospital Pharmacist",
            "Harbour Arts Trust",
        ] {
            assert_eq!(organisation_before_role(title), None, "{title}");
        }
    }

    #[test]
    fn an_organisation_the_text_speaks_of_as_owning_something() {
        let text = "You will keep the accounts in line with Tideway Relief’s rules and report \
                    to Tideway Relief's country director.";
        assert_eq!(
            company_from_possessive(text).as_deref(),
            Some("Tideway Relief")
        );
        // Of several, the one named most often.
        let text = "You will answer Harbour Bank’s auditors and support Kestrel Foods’s \
                    sales team. Kestrel Foods sells to grocers.";
        assert_eq!(
            company_from_possessive(text).as_deref(),
            Some("Kestrel Foods")
        );
        // Degrees, licences, sentence openers, a common noun, a conjunct and a duty's heading
        // name nobody.
        for text in [
            "You need a Bachelor’s degree in accounting.",
            "You hold a valid Driver's licence.",
            "Here’s what you will do.",
            "Catalogue the Museum’s collections and loans.",
            "The Trust’s values guide our work.",
            "We are backed by Northgate and Europe’s leading investors.",
            "iv. Reporting and Accounting for Commission’s finances and assets.",
            "a) Review Kestrel’s budget each month.",
            "We run Children’s services across the county.",
            "You will care for residents with Alzheimer’s disease.",
        ] {
            assert_eq!(company_from_possessive(text), None, "{text}");
        }
        // Two joined names that are no place stay one name.
        assert_eq!(
            company_from_possessive("Stock the shelves to Marks and Spencer’s standards.")
                .as_deref(),
            Some("Marks and Spencer")
        );
    }

    #[test]
    fn the_city_a_text_names_most() {
        let text = "Send your letter to the school office in Bristol. Our pupils come from \
                    Bristol and Bath.";
        assert_eq!(city_named_most(text).as_deref(), Some("Bristol"));
        // A city named once still counts; a two-word city before its first word.
        assert_eq!(
            city_named_most("Interviews will be held in San Jose.").as_deref(),
            Some("San Jose")
        );
        // Ordinary words that are also cities, short codes, countries, a city inside a longer
        // name and a person's name are not taken.
        for text in [
            "Nice to have: Python. Reading and writing Spanish.",
            "LA and SF teams meet weekly.",
            "Candidates from Kenya and Uganda may apply.",
            "You will join the Boston Consulting Group alumni network.",
            "Please contact Austin Lee with questions.",
            "Our New York office is closed on Fridays.",
        ] {
            assert_eq!(city_named_most(text), None, "{text}");
        }
        // A run's opening word ("In", "Our") is not part of the city; a full stop ends a run.
        assert_eq!(
            city_named_most("Our Bristol office. Bristol is home.").as_deref(),
            Some("Bristol")
        );
        assert_eq!(
            city_named_most("We met in Porto. Lisbon came later. Lisbon won.").as_deref(),
            Some("Lisbon")
        );
        // Every ordinary-word city is a gazetteer city, so the list is not dead.
        for city in ORDINARY_WORD_CITIES {
            assert!(crate::posting::is_listed_city(city), "{city}");
        }
        // The cities under a heading written over two comment lines are cities too.
        assert!(crate::posting::is_listed_city("Mombasa"));
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
            location_from_text("to fill the post, with the duty station in Nairobi, Kenya.")
                .as_deref(),
            Some("Nairobi, Kenya")
        );
        assert_eq!(
            location_from_text("The nurse will be stationed at Mercy Hospital.").as_deref(),
            Some("Mercy Hospital")
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

#[cfg(test)]
mod real_world_tests {
    use super::*;

    #[test]
    fn links_confirm_a_company_written_in_the_text() {
        let text =
            "Qualcomm is growing its platform group.\nApply: https://careers.qualcomm.com/jobs/123";
        assert_eq!(company_from_links(text).as_deref(), Some("Qualcomm"));
        let ats = "We are Lightdash, an open-source BI tool. https://jobs.lever.co/lightdash/42";
        assert_eq!(company_from_links(ats).as_deref(), Some("Lightdash"));
        // A domain alone names nothing; generic hosts never count.
        assert_eq!(
            company_from_links("Apply at https://acme-robotics.com/jobs"),
            None
        );
        assert_eq!(
            company_from_links("Github is great https://github.com/x"),
            None
        );
    }

    #[test]
    fn site_names_and_role_lists() {
        assert!(is_site_name("NEW HALL INDEPENDENT HOSPITAL"));
        assert!(is_site_name("ST DAVIDS"));
        assert!(!is_site_name("Communications and Engagement"));
        assert_eq!(
            first_of_role_list("Robotics Engineer, Data Scientist"),
            "Robotics Engineer"
        );
        assert_eq!(
            first_of_role_list("Head of Sales and Marketing"),
            "Head of Sales and Marketing"
        );
        assert_eq!(
            strip_tech_list("Senior Developer (Node.js / Laravel / React)"),
            "Senior Developer"
        );
        assert_eq!(
            place_in_arrangement("Remote or Hybrid Chicago").as_deref(),
            Some("Chicago")
        );
        assert_eq!(
            place_in_arrangement("ONSITE (Brooklyn)").as_deref(),
            Some("Brooklyn")
        );
        assert_eq!(place_in_arrangement("Founding DevRel"), None);
    }
}
