//! Header extraction: the title line and the short metadata lines under it
//! ("Acme · Berlin, Germany (Hybrid)"). What the prose says when the header does not name the
//! title, the company or the place is read in `prose_title`, `prose_company` and
//! `prose_place`.

use super::attributes::{detect_arrangement, detect_job_type_short, level_from_phrase};
use super::lines::{FieldKey, Line, LineKind, Section};
use super::salary::parse_salary;
use super::text::{
    collapse_ws, ends_like_sentence, fold, has_role_word, is_known_place, is_place,
    starts_uppercase, strip_decorations, strip_markdown, whole_word_count, word_count,
};
use regex::Regex;
use std::sync::LazyLock;

mod company_names;
mod prose_company;
mod prose_place;
mod prose_title;

pub(crate) use company_names::*;
pub(crate) use prose_company::*;
pub(crate) use prose_place::*;
pub(crate) use prose_title::*;

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

/// A one-line header of three or more `|`-separated parts, as on Hacker News "Who is hiring"
/// threads: `Company | Role | Location | REMOTE | $150k–$180k | https://…`. The company is
/// the first part when the role is not; links, attributes and places are recognised; the
/// role is the first part with a role word, else the first unknown part after the company.
fn read_pipe_header(line: &str) -> Option<Header> {
    let plain = collapse_ws(strip_decorations(&strip_markdown(line)));
    // "Spruce (London, UK) — Lead Engineer — £85–120k — Hybrid" and "Acme -- Engineer --
    // onsite" are the same header with dashes: taken only when at least two such dashes
    // split the line and it also states a place, pay, arrangement or link.
    let dashed = !plain.contains('|')
        && [" — ", " -- "]
            .iter()
            .any(|dash| plain.matches(dash).count() >= 2);
    let dashes = plain.replace(" -- ", " — ");
    let parts: Vec<&str> = if dashed {
        dashes
            .split(" — ")
            // "Remote (EU) - https://acme.com": a link after a plain dash is a part too.
            .flat_map(|p| match p.split_once(" - ") {
                Some((head, link)) if link.contains("://") || link.starts_with("www.") => {
                    vec![head, link]
                }
                _ => vec![p],
            })
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        plain
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    };
    if dashed
        && !parts.iter().skip(1).any(|p| {
            p.contains("://")
                || matches!(classify_segment(p), Segment::Known { .. })
                || place_in_arrangement(p).is_some()
        })
    {
        return None;
    }
    // A header that runs on into the body (one long line): parts of more than twelve words
    // are body text.
    // A list of places ("REMOTE or San Francisco, Los Angeles, Chicago, Boston, New York, or
    // Washington DC") may be longer, but it is a list, not a sentence.
    let parts: Vec<&str> = parts
        .into_iter()
        .take_while(|p| {
            word_count(p) <= 12
                || (word_count(p) <= 25 && !p.contains(". ") && p.matches(',').count() >= 2)
        })
        .collect();
    if parts.len() < 3 {
        return None;
    }
    let mut header = Header::default();
    let mut unknown: Vec<(usize, &str)> = Vec::new();
    // The role is the first part after the first with a role word ("ChatGPT Writer | React
    // Dev" names a company first); the first part only when no other part has one.
    // "Snout https://snout.com/": a link written after the name is not part of it.
    let parts: Vec<String> = parts
        .iter()
        .map(|p| {
            p.split_whitespace()
                .filter(|w| !(w.contains("://") || w.starts_with("www.")))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    // "Virtasant (1099 contractor for a client of ours)": a bracket does not make a role, and
    // "Multiple Engineering + Product Roles" names none.
    let names_role =
        |p: &str| has_role_word(&strip_parentheticals_text(p)) && !names_several_roles(p);
    let title_at = parts
        .iter()
        .skip(1)
        .position(|p| names_role(p))
        .map(|p| p + 1)
        .or_else(|| names_role(parts[0]).then_some(0))
        .unwrap_or(usize::MAX);
    for (position, part) in parts.iter().enumerate() {
        let is_link =
            part.contains("://") || part.starts_with("www.") || (position > 0 && is_domain(part));
        if is_link {
            continue;
        }
        if position == title_at {
            header.title = Some(collapse_ws(part));
            continue;
        }
        match classify_segment(part) {
            Segment::Known {
                location,
                attribute,
            } => {
                if let Some(location) = location {
                    header.location.get_or_insert(location);
                }
                if let Some(attribute) = attribute {
                    header.meta.push(attribute);
                }
                if header.location.is_none()
                    && let Some(place) = place_in_arrangement(part)
                {
                    header.location = Some(place);
                }
            }
            Segment::Gender => {}
            Segment::Unknown => match place_in_arrangement(part) {
                Some(place) if header.location.is_none() && position > 0 => {
                    header.location = Some(place);
                }
                _ => unknown.push((position, part)),
            },
        }
    }
    let mut unknown = unknown.into_iter();
    if header.title.is_none() {
        // No part has a role word: the company comes first, the role second.
        let (first, second) = (unknown.next(), unknown.next());
        match (first, second) {
            (Some((0, company)), Some((_, title))) if !names_several_roles(title) => {
                header.company = Some(company_with_place(company, &mut header));
                header.title = Some(title.to_string());
            }
            // "yeet | Chicago, IL / Remote | Full-Time": the company, with the role left to the
            // text.
            (Some((0, company)), _)
                if plausible_pipe_company(&strip_parentheticals_text(company)) =>
            {
                header.company = Some(company_with_place(company, &mut header));
                return Some(header);
            }
            (Some((_, title)), _) => header.title = Some(title.to_string()),
            _ => return None,
        }
    } else if let Some((_, company)) = unknown.next().filter(|(_, c)| plausible_pipe_company(c)) {
        header.company = Some(company_with_place(company, &mut header));
    }
    let title = header.title.take().map(|t| {
        let t = cut_pay_and_dates(&t, &mut header);
        let t = strip_known_parentheticals(&t, &mut header);
        first_of_role_list(&strip_tech_list(&collapse_ws(&t)))
    });
    header.title = title.filter(|t| !t.is_empty());
    header.title.is_some().then_some(header)
}

/// "Spruce (London/Bristol, UK)": a header's company part that names its place in brackets;
/// the place becomes the location (when none is known yet) and the name the company.
fn company_with_place(part: &str, header: &mut Header) -> String {
    let (Some(open), true) = (part.find('('), part.ends_with(')')) else {
        return part.to_string();
    };
    let (name, inner) = (part[..open].trim(), part[open + 1..part.len() - 1].trim());
    let names_place = inner.split([',', '/', ';']).map(str::trim).any(is_place)
        || place_in_arrangement(inner).is_some();
    if name.is_empty() {
        return part.to_string();
    }
    // "Anterior (Sequoia-backed, Series B)", "Acme (YC W22)": a note about the company.
    if !names_place {
        return name.to_string();
    }
    if header.location.is_none() {
        header.location = place_in_arrangement(inner).or_else(|| Some(inner.to_string()));
    }
    name.to_string()
}

/// "Multiple Engineering + Product Roles", "Various positions", "Several roles": a header part
/// that names no single role.
fn names_several_roles(part: &str) -> bool {
    let folded = fold(part);
    let first = folded.split_whitespace().next().unwrap_or("");
    ["multiple", "various", "several", "many", "numerous"].contains(&first)
        || folded.ends_with(" roles")
        || folded.ends_with(" positions")
        || folded.ends_with(" openings")
}

/// "levels.fyi", "val.town": one word with a dot and a lowercase top-level domain.
fn is_domain(part: &str) -> bool {
    !part.contains(' ')
        && part.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

fn plausible_pipe_company(text: &str) -> bool {
    let words = word_count(text);
    // "Unnamed AI research lab | ML research engineer | Zurich": a name withheld.
    let withheld = matches!(
        fold(text.split_whitespace().next().unwrap_or("")).as_str(),
        "unnamed" | "undisclosed" | "confidential" | "anonymous"
    );
    !withheld
        && (1..=6).contains(&words)
        && text.chars().count() <= 60
        && !NOT_COMPANIES.contains(&fold(text).as_str())
        && detect_arrangement(text).is_none()
        && parse_salary(text).is_none()
}

/// The office named in an arrangement phrase: "ONSITE (Brooklyn)" → Brooklyn, "Remote or
/// Hybrid Chicago" → Chicago, "Bregenz (AT) or remote in AT/DE" → Bregenz (AT). "Remote (EU)"
/// names no office.
fn place_in_arrangement(part: &str) -> Option<String> {
    let folded_part = fold(part);
    let cue = detect_arrangement(part).is_some()
        || ["onsite", "on-site", "in office", "in-office", "based"]
            .iter()
            .any(|c| folded_part.contains(c));
    const ARRANGEMENT_WORDS: &[&str] = &[
        "remote",
        "onsite",
        "on-site",
        "on",
        "site",
        "hybrid",
        "in-office",
        "office",
        "in",
        "or",
        "and",
        "only",
        "fully",
        "partially",
        "/",
        "&",
        "-",
        "–",
        "based",
    ];
    for piece in part
        .split(" or ")
        .flat_map(|p| p.split(" / "))
        .map(str::trim)
    {
        let folded = fold(piece);
        if folded.starts_with("remote") {
            continue;
        }
        let (outer, inner) = match (piece.find('('), piece.rfind(')')) {
            (Some(open), Some(close)) if close > open => {
                (piece[..open].trim(), Some(piece[open + 1..close].trim()))
            }
            _ => (piece, None),
        };
        let outer_words: Vec<&str> = outer
            .split_whitespace()
            .filter(|w| !ARRANGEMENT_WORDS.contains(&fold(w).as_str()))
            .collect();
        let outer_is_arrangement = outer_words.is_empty();
        let candidate = if outer_is_arrangement {
            inner.map(str::to_string)
        } else if outer_words.len() == outer.split_whitespace().count() {
            Some(piece.to_string())
        } else {
            Some(outer_words.join(" "))
        };
        // "Cincinnati, OH (your choice).": the place without an aside or a full stop.
        let Some(candidate) = candidate.map(|c| {
            collapse_ws(strip_parentheticals_text(&c).trim_end_matches(['.', ',', ';', ' ']))
        }) else {
            continue;
        };
        // "stockholm ONSITE": a known place keeps the case it was typed in.
        let shaped = word_count(&candidate) <= 5
            && (starts_uppercase(&candidate) || is_place(&candidate))
            && !has_role_word(&candidate)
            && detect_job_type_short(&candidate).is_none()
            && parse_salary(&candidate).is_none();
        if shaped && (cue || is_place(&strip_parentheticals_text(&candidate))) {
            return Some(candidate);
        }
    }
    None
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
            let usable = !cleaned.is_empty()
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
    // "Inhouse SAP HCM Key User (m/w/d)": only a job title carries a gender marker.
    if let Some(open) = cleaned.rfind('(')
        && cleaned.ends_with(')')
        && is_gender_marker(&cleaned[open..])
        && word_count(&cleaned[..open]) <= 10
        && cleaned[..open]
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .filter(|w| !TITLE_CONNECTORS.contains(w))
            .count()
            <= 1
    {
        return true;
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
    // "LEGAL MANAGER GRADE 13", "Project Officer (2 Positions)", "Legal Administrative Officer
    // (MR-5)": a grade or a post count at the end.
    {
        static GRADE_OR_COUNT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?:\s+(?i:grade\s+[a-z]?\d{1,2}[a-z]?|x\s?\d{1,3}|\(\s*\d{1,3}\s+(?:positions?|posts?|vacanc(?:y|ies)|openings?)\s*\))|\s*\([A-Z]{1,4}\d{0,2}\s?[-–]\s?[A-Z]{0,4}\d{1,2}\))$",
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

/// A bracket of details after a role ("(C/C++, Yocto, hybrid model 3 days in office, Where:
/// Ruggell - Liechtenstein)"): more than five words, or a `Label:` inside. Returns the role
/// and the bracket's text.
fn long_details_bracket(line: &str) -> Option<(&str, &str)> {
    // The last bracket, when it closes the line (or is left open by a cut).
    let open = line.rfind('(')?;
    let (head, rest) = (line[..open].trim(), &line[open + 1..]);
    let inner = match rest.split_once(')') {
        Some((inner, after)) if after.trim().is_empty() => inner,
        Some(_) => return None,
        None => rest,
    };
    let long = word_count(inner) > 5 || inner.contains(": ");
    (long && has_role_word(head) && !is_gender_marker(inner)).then_some((head, inner))
}

fn apply_title_line(line: &str, header: &mut Header) {
    let cleaned = clean_title_text(line);
    let cleaned = match long_details_bracket(&cleaned) {
        Some((head, inner)) => {
            // "Where: Ruggell - Liechtenstein" names the place.
            if let Some((_, place)) = inner.split_once("Where:") {
                let place = place.split([',', ';']).next().unwrap_or("").trim();
                if !place.is_empty() && word_count(place) <= 6 {
                    header.location.get_or_insert_with(|| place.to_string());
                }
            }
            header.meta.push(inner.to_string());
            head.to_string()
        }
        None => cleaned,
    };
    if apply_hiring_sentence(&cleaned, header) {
        return;
    }
    let mut segments = split_segments(&cleaned);
    // "Senior ML Engineer – LLM & Reinforcement Learning (m/f/d)": a part that ends in a
    // gender marker is the end of the title, whatever the separator before it.
    if let Some(marked) = segments.iter().position(|s| {
        s.rfind('(')
            .is_some_and(|open| is_gender_marker(&s[open..]) && open > 0)
    }) && marked > 0
    {
        let joined = segments[..=marked].join(" – ");
        segments.splice(..=marked, [joined]);
    }
    let title_position = segments.iter().position(|s| has_role_word(s)).unwrap_or(0);
    // "Assistant Accountant General Job in Kenya", "Mechanical Engineer Jobs in Mumbai": a job
    // board's page title names the role, then the place.
    if let Some(segment) = segments.get_mut(title_position)
        && let Some((role, place)) = seo_job_in_place(segment)
    {
        header.location.get_or_insert(place);
        *segment = role;
    }
    // "Founding Engineer @ Conductor (San Francisco, ONSITE)": a company segment's known
    // parenthetical states the place and arrangement.
    let segments: Vec<String> = segments
        .iter()
        .enumerate()
        .map(|(index, segment)| {
            if index == title_position {
                segment.clone()
            } else {
                strip_known_parentheticals(segment, header)
            }
        })
        .collect();
    let mut unknown: Vec<&str> = Vec::new();
    for (index, segment) in segments.iter().enumerate() {
        if index != title_position && absorb_segment(segment, header) == Segment::Unknown {
            unknown.push(segment);
        }
    }
    let title = segments.get(title_position).map_or("", String::as_str);
    let title = strip_known_parentheticals(title, header);
    let title = strip_known_comma_tail(&title, header);
    let title = cut_pay_and_dates(&title, header);
    let (title, at_company) = split_at_company(&title);
    let title = strip_known_parentheticals(&title, header);
    // "Acme | Senior Engineer | Berlin" names the company before the title; "Senior Engineer
    // - Acme" after it.
    let before_title: Vec<&&str> = unknown
        .iter()
        .filter(|u| {
            segments
                .iter()
                .position(|s| s.as_str() == **u)
                .is_some_and(|p| p < title_position)
        })
        .collect();
    let segment_company = before_title
        .first()
        .copied()
        .or(unknown.last())
        .filter(|c| plausible_company(c))
        .map(|c| c.to_string());
    header.tentative_company = segment_company.is_some();
    header.tentative_before_title = !before_title.is_empty() && title_position > 0;
    // "Accountant | Nairobi | Accounting / Auditing": a part after a bar or a dot is a
    // category, never the title's own words; only a dash part goes back into the title.
    header.tentative_after_dash = [" - ", " – ", " — "]
        .iter()
        .any(|dash| cleaned.contains(dash))
        && !cleaned.contains('|')
        && !cleaned.contains('·');
    // "Acme Robotics - Senior Backend Engineer - Remote (US)": a name before the title on a
    // line that also states a place, pay or arrangement is the usual one-line header, not a
    // guess.
    if header.tentative_before_title && segments.len() >= 3 && segments.len() > unknown.len() + 1 {
        header.tentative_company = false;
    }
    header.company = segment_company.or(at_company);
    // "Pacific Horticulture College, Permaculture Instructor": the organisation, then the role.
    let title = match title.split_once(", ") {
        Some((head, tail))
            if organisation_shaped(head) && !has_role_word(head) && has_role_word(tail) =>
        {
            header
                .company
                .get_or_insert_with(|| head.trim().to_string());
            tail.to_string()
        }
        _ => title,
    };
    let title = collapse_ws(title.trim_end_matches([',', '-', '–', '|']));
    let title = first_of_role_list(&strip_tech_list(&title));
    header.title = (!title.is_empty()).then_some(title);
}

/// A company stated on a metadata line replaces a "Title - X" guess from
/// the title line; X then goes back into the title
/// ("REGISTERED NURSE - ICU NIGHT SHIFT").
fn replace_tentative_company(company: &str, header: &mut Header) {
    let previous = header.company.replace(company.to_string());
    header.tentative_company = false;
    let Some(previous) = previous.filter(|_| !header.tentative_before_title) else {
        return;
    };
    let same = fold(&previous).contains(&fold(company)) || fold(company).contains(&fold(&previous));
    if let (false, false, Some(title)) = (same, is_site_name(&previous), header.title.as_mut()) {
        *title = format!("{title} - {previous}");
    }
}

/// "NEW HALL INDEPENDENT HOSPITAL", "ST DAVIDS", "Leeds": the site of a "Title - X" title is
/// the workplace, not part of the role.
pub(crate) fn is_site_name(text: &str) -> bool {
    const SITE_WORDS: &[&str] = &[
        "hospital",
        "centre",
        "center",
        "clinic",
        "campus",
        "site",
        "surgery",
        "home",
        "house",
        "infirmary",
        "hospice",
        "depot",
        "warehouse",
        "store",
        "branch",
    ];
    let folded = fold(text);
    let last = folded.split_whitespace().last().unwrap_or("");
    SITE_WORDS.contains(&last)
        || folded.starts_with("st ")
        || folded.starts_with("st. ")
        || is_place(text)
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

pub(crate) fn is_attribute(segment: &str) -> bool {
    let short = word_count(segment) <= 6;
    let folded = fold(segment);
    // "To start ASAP", "Immediate start": when, not who.
    if short && (folded.contains("asap") || folded.contains("immediate start")) {
        return true;
    }
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
    // "Remote-Kuala Lumpur", "Remote - Poland": remote from a named place.
    if let Some(rest) = folded.strip_prefix("remote") {
        let place = rest.trim_start_matches([' ', '-', '–', ',', ':']);
        if place.len() < rest.len() && !place.is_empty() && is_place(place) {
            let at = segment.len() - place.len();
            return segment.get(at..).map(str::to_string);
        }
    }
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

pub(crate) fn is_gender_marker(text: &str) -> bool {
    GENDER.is_match(text.trim())
}

/// The first role of a list ("Robotics Engineer, Data Scientist", "Mobile Engineers, DevOps
/// Engineers and Engineering Managers"): split on ", ", " & " and " and " only when every
/// side names a role in two words or more, so "Head of Sales and Marketing" stays whole.
fn first_of_role_list(title: &str) -> String {
    first_role(title, false)
}

/// `first_of_role_list`, and with `lenient` also a whole first role followed by any other role
/// after a plus or a comma ("Full-Stack Engineer + PM + DevOps/Infra", "Backend Engineers,
/// Frontend Engineers,"): the last pass over a finished title is lenient, the header reading
/// is not, as a part after a comma in a header line may still be the team.
pub(crate) fn first_role(title: &str, lenient: bool) -> String {
    // "Software engineer, senior, also looking for an intern": the first role, not the aside.
    if let Some(at) = fold(title).find(", also ")
        && title.is_char_boundary(at)
        && has_role_word(&title[..at])
    {
        return title[..at].trim().to_string();
    }
    for separator in [", ", " & ", " and ", " + "] {
        let sides: Vec<&str> = title.split(separator).map(str::trim).collect();
        if sides.len() < 2 {
            continue;
        }
        let all_roles = sides
            .iter()
            .all(|side| word_count(side) >= 2 && has_role_word(side) && starts_uppercase(side));
        // "Director of Sales, Marketing" names one role and stays whole.
        let first = sides[0];
        let first_leads = lenient
            && matches!(separator, ", " | " + ")
            && word_count(first) >= 2
            && has_role_word(first)
            && first.matches('(').count() == first.matches(')').count()
            && sides[1..].iter().any(|side| has_role_word(side));
        if all_roles || first_leads {
            return first.to_string();
        }
    }
    title.to_string()
}

/// Drops a trailing "(…)" list of technologies ("Senior Developer (Node.js / Laravel / React)").
fn strip_tech_list(title: &str) -> String {
    let trimmed = title.trim();
    if !trimmed.ends_with(')') {
        return trimmed.to_string();
    }
    let Some(open) = trimmed.rfind('(') else {
        return trimmed.to_string();
    };
    let inner = &trimmed[open + 1..trimmed.len() - 1];
    let items = inner
        .split(['/', ',', '|'])
        .filter(|i| !i.trim().is_empty())
        .count();
    let head = trimmed[..open].trim();
    if items >= 3 && has_role_word(head) && !is_gender_marker(inner) {
        head.to_string()
    } else {
        trimmed.to_string()
    }
}

/// "Closing 12/03/2025", "Season is May 15 to October 12", "6/30": a bracket's date.
fn states_a_date(inner: &str) -> bool {
    let numeric_date = inner.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.split(['/', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    }) || inner.split_whitespace().any(month_and_day);
    numeric_date
        || (inner.chars().any(|c| c.is_ascii_digit())
            && inner.split(|c: char| !c.is_alphabetic()).any(month_word))
}

/// "FSN-11", "GS-12", "APS 4", "P-3": a pay grade's code, every word of it capitals and
/// digits with a digit somewhere.
fn is_grade_code(text: &str) -> bool {
    let words: Vec<&str> = text
        .split([' ', ';', ',', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && words.iter().all(|w| {
            w.len() <= 6
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        })
}

/// Cuts a title at a "(…)" group that states pay or dates ("Software Engineer (£80k) + 0.5%
/// equity", "Seasonal Laborer (Season is May 15, 2024 to October 12, 2024)"), or at a known
/// attribute group followed by prose ("Administrator (Permanent) For an IT specialist."); the
/// pay goes to the attributes.
fn cut_pay_and_dates(title: &str, header: &mut Header) -> String {
    let mut search_from = 0;
    while let Some(offset) = title[search_from..].find('(') {
        let open = search_from + offset;
        let Some(close) = title[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &title[open + 1..close];
        let pay = parse_salary(inner).is_some();
        let dated = states_a_date(inner);
        let rest_words = word_count(&title[close + 1..]);
        let attribute_then_prose =
            rest_words >= 3 && matches!(classify_segment(inner), Segment::Known { .. });
        let head = title[..open].trim();
        if (pay || dated || attribute_then_prose) && has_role_word(head) {
            if pay || attribute_then_prose {
                header.meta.push(inner.to_string());
            }
            return head.to_string();
        }
        search_from = close + 1;
    }
    title.to_string()
}

/// "6/30", "30/6": a closing date written as a month and a day alone.
fn month_and_day(text: &str) -> bool {
    let Some((a, b)) = text.split_once('/') else {
        return false;
    };
    let number =
        |p: &str| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) && p != "0";
    if !(number(a) && number(b)) {
        return false;
    }
    let (a, b): (u32, u32) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
    (a <= 12 && (13..=31).contains(&b)) || (b <= 12 && (13..=31).contains(&a))
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

/// The qualifier in `rest`, what a labelled title holds after the role read from it
/// (" – Practice Tutor", " (Primary School)", ": Communication and Marketing"), when it
/// narrows the role rather than stating a detail of the post: a place, an arrangement, the
/// contract, a grade, a gender marker or `company`.
pub(crate) fn role_qualifier<'a>(rest: &'a str, company: Option<&str>) -> Option<&'a str> {
    // A cut inside a word ("Nurse" from "Nursery Nurse") is no role read from the field.
    if rest.chars().next().is_none_or(char::is_alphanumeric) {
        return None;
    }
    let inner = rest
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | ','))
        .trim();
    let inner = match inner.strip_prefix('(') {
        Some(bracketed) => match bracketed.strip_suffix(')') {
            Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
            _ => return None,
        },
        None => inner,
    };
    if inner.is_empty() || word_count(inner) > 10 || is_gender_marker(inner) {
        return None;
    }
    let names_company = company.is_some_and(|c| fold(c) == fold(inner));
    let detail = absorb_parenthetical(inner, &mut Header::default())
        || parse_salary(inner).is_some()
        || states_a_date(inner)
        || is_grade_code(inner)
        || is_domain(&fold(inner));
    (!names_company && !detail && !is_site_name(inner)).then_some(inner)
}

/// Records "(Remote, EU)", "(Berlin, Hybrid)", "(Contract)" when every
/// part is a location or attribute; returns whether it did.
fn absorb_parenthetical(inner: &str, header: &mut Header) -> bool {
    let folded = fold(inner);
    // "(GRADE 10: – 1 POST)", "(Band 5)", "(2 posts)": the grade or the number of posts.
    let grade_or_posts = inner.chars().any(|c| c.is_ascii_digit())
        && folded.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "grade" | "band" | "post" | "posts" | "vacancy" | "vacancies"
            )
        });
    if grade_or_posts {
        header.meta.push(inner.to_string());
        return true;
    }
    // "(Zambian Nationals Only)", "(US only)": who may apply, not the role.
    if folded.ends_with(" only") && word_count(inner) <= 5 {
        header.meta.push(inner.to_string());
        return true;
    }
    // "(THORNGROVE INFECTIOUS DISEASES HOSPITAL)": the site is where the job is.
    if is_site_name(inner)
        && !is_place(inner)
        && detect_arrangement(inner).is_none()
        && !inner.contains(',')
        && word_count(inner) <= 6
        && !has_role_word(inner)
    {
        header.location.get_or_insert_with(|| collapse_ws(inner));
        return true;
    }
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
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        // "Chef vacancy at the Department of Economic Development".
        let tail = tail.trim();
        let tail = tail.strip_prefix("the ").unwrap_or(tail);
        let head = clean_title_text(head);
        if has_role_word(&head) && plausible_company(tail) {
            return (head, Some(tail.to_string()));
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
    Regex::new(r"^(?:[$€£₹¥₦]|[A-Z]{2,3}\$?\s?\d|[A-Z][a-z]{1,3}\.?\s?\d|\d)")
        .expect("amount-start regex is valid")
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

/// Reads "Acme · Berlin, Germany (Hybrid)" and "Full-time · Mid-Senior
/// level" lines under the title. The first such line may name the company
/// in one segment that is not a place or attribute.
fn read_meta_lines(lines: &[Line], start: usize, header: &mut Header) {
    let mut first = true;
    // Short lines right under the title that are neither a place nor an attribute: in a
    // stacked header ("Title / Company / Site / Salary / Full time") the company and the
    // location, in that order.
    let mut stacked: Vec<(usize, String)> = Vec::new();
    let mut known_lines = 0;
    let mut unknown_bullets = 0;
    let mut bullet_name: Option<String> = None;
    let mut known_after_stacked = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let text = match &line.kind {
            // Blank lines are layout (a page's paragraphs come out one blank line apart).
            LineKind::Blank => continue,
            LineKind::Field {
                key: FieldKey::Company | FieldKey::Location | FieldKey::Attribute,
                ..
            } => {
                known_lines += 1;
                continue;
            }
            LineKind::Field { .. } => continue,
            LineKind::Text(text) => text.as_str(),
            LineKind::Heading(h) if h.section == Section::Unknown => line.raw.trim(),
            // "- Dublin, Ireland" / "- Full Time": a job board's facts as a short list.
            LineKind::Bullet(item) if word_count(item) <= 6 => {
                let had_place = header.location.is_some();
                if absorb_meta_line(item, false, header) {
                    header.consumed.push(index);
                    known_lines += 1;
                    // "• MUSC" ⏎ "• Lancaster, South Carolina": a short name in the bullet
                    // right before the place is the employer.
                    if !had_place
                        && header.location.is_some()
                        && (header.company.is_none() || header.tentative_company)
                        && let Some(name) = bullet_name.take()
                    {
                        replace_tentative_company(&name, header);
                    }
                    continue;
                }
                bullet_name = Some(item.trim().to_string()).filter(|name| {
                    (1..=4).contains(&word_count(name))
                        && starts_uppercase(name)
                        && !has_role_word(name)
                        && !is_place(name)
                        && plausible_company(name)
                });
                // "• City of Arcata" / "• Arcata, California": a short unknown fact may come
                // before the place; an organisation's name there is the employer.
                if header.company.is_none()
                    && (has_company_suffix(item) || organisation_shaped(item))
                    && plausible_company(item)
                {
                    header.company = Some(item.trim().to_string());
                    header.consumed.push(index);
                }
                unknown_bullets += 1;
                if unknown_bullets > 2 {
                    break;
                }
                continue;
            }
            _ => break,
        };
        // "Legal Affairs Officer - P3" twice: the page's heading and its title line.
        if repeats_title_line(lines, start, index) {
            header.consumed.push(index);
            continue;
        }
        if absorb_meta_line(text, first && stacked.is_empty(), header) {
            header.consumed.push(index);
            known_lines += 1;
            known_after_stacked |= !stacked.is_empty();
            first = false;
            continue;
        }
        // "Company / Site / £… / Full time / What We Do": once metadata has followed the
        // stacked lines, the next unknown line starts the body.
        if known_after_stacked {
            break;
        }
        let cleaned = collapse_ws(strip_decorations(&strip_markdown(text)));
        // "Announcement Type: External Agency": a label the parser does not know is a fact
        // about the job, never the employer's name or the place.
        let labelled = text.trim_end().ends_with(':')
            || cleaned
                .split_once(": ")
                .is_some_and(|(key, _)| word_count(key) <= 4);
        let short = word_count(&cleaned) <= 10
            && cleaned.chars().count() <= 100
            && !ends_like_sentence(&cleaned)
            && !labelled
            && !cleaned.contains("http");
        if short && stacked.len() < 2 {
            stacked.push((index, cleaned));
            first = false;
            continue;
        }
        break;
    }
    let recurs = stacked.first().is_some_and(|(index, name)| {
        lines[index + 1..]
            .iter()
            .any(|line| mentions(&line.raw, name))
    });
    resolve_stacked_lines(&stacked, known_lines, recurs, header);
}

/// Whether `lines[index]` repeats the title line just above the metadata (`start - 1`), with
/// nothing between them.
fn repeats_title_line(lines: &[Line], start: usize, index: usize) -> bool {
    let Some(title_line) = start.checked_sub(1).and_then(|at| lines.get(at)) else {
        return false;
    };
    let nothing_between = lines[start..index]
        .iter()
        .all(|line| line.kind == LineKind::Blank);
    nothing_between && lines[index].raw.trim() == title_line.raw.trim()
}

/// Whether `text` names `name` as a whole word sequence, in the same letters and case
/// ("Naijazone Online Shopping Mall Ltd. operates …" names "Naijazone Online Shopping Mall").
fn mentions(text: &str, name: &str) -> bool {
    whole_word_count(text, name) > 0
}

/// "Ecole Européenne Luxembourg I logo": a copied page keeps the employer's logo as its
/// alternative text, on a line of its own near the top.
pub(crate) fn company_from_logo(lines: &[Line]) -> Option<String> {
    lines.iter().take(40).find_map(|line| {
        let text = line.raw.trim();
        let name = text
            .strip_suffix(" logo")
            .or_else(|| text.strip_suffix(" Logo"))
            .or_else(|| text.strip_prefix("Logo for "))
            .or_else(|| text.strip_prefix("Logo of "))?
            .trim();
        (plausible_company(name) && !has_role_word(name)).then(|| name.to_string())
    })
}

/// A site or place on a line of its own ("Harrogate District Hospital, Harrogate",
/// "GLOUCESTER", "Various Locations"): capitalised words, at most eight.
fn place_line(text: &str) -> bool {
    is_place(text)
        || (word_count(text) <= 8
            && text.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || TITLE_CONNECTORS.contains(&w)
                    || w == "upon"
            }))
}

/// Takes the stacked lines as company and location when the block is clearly a header: it
/// also holds an attribute line (salary, job type…), or its second line is a place, or the
/// company line ends in a legal-form or sector word.
/// A company line that the body names again ("Naijazone Online Shopping Mall" / … /
/// "Naijazone Online Shopping Mall Ltd. operates …") is evidence too, but then only a known
/// place is taken as the location.
fn resolve_stacked_lines(
    stacked: &[(usize, String)],
    known_lines: usize,
    recurs: bool,
    header: &mut Header,
) {
    let Some((company_index, company)) = stacked.first() else {
        return;
    };
    if !company_line(company) || (header.company.is_some() && !header.tentative_company) {
        return;
    }
    let strong = known_lines > 0 || has_company_suffix(company);
    let location = stacked.get(1).filter(|(_, text)| {
        header.location.is_none()
            && if strong {
                place_line(text)
            } else {
                is_place(text)
            }
    });
    let evidence = strong || recurs || location.is_some_and(|(_, text)| is_place(text));
    if !evidence || (stacked.len() == 2 && location.is_none() && !recurs) {
        return;
    }
    replace_tentative_company(company, header);
    header.consumed.push(*company_index);
    if let Some((index, text)) = location {
        header.location = Some(text.clone());
        header.consumed.push(*index);
    }
}

/// "Kigali, Rwanda Full time": a board's place and job type run together without a
/// separator; given one ("Kigali, Rwanda | Full time") so each part is read.
fn split_glued_job_type(line: &str) -> String {
    const JOB_TYPES: &[&str] = &[
        " full time",
        " full-time",
        " part time",
        " part-time",
        " permanent",
        " temporary",
        " contract",
        " casual",
    ];
    let folded = line.to_lowercase();
    JOB_TYPES
        .iter()
        .find_map(|job_type| {
            let at = folded.strip_suffix(job_type)?.len();
            let place = line[..at].trim_end_matches([',', ' ']);
            is_place(place).then(|| format!("{place} | {}", line[at..].trim()))
        })
        .unwrap_or_else(|| line.to_string())
}

fn absorb_meta_line(text: &str, allow_company: bool, header: &mut Header) -> bool {
    let cleaned = collapse_ws(strip_decorations(&strip_markdown(text)));
    if cleaned.chars().count() > 100 || ends_like_sentence(&cleaned) {
        return false;
    }
    let cleaned = split_glued_job_type(&cleaned);
    let segments = split_segments(&cleaned);
    let classified: Vec<Segment> = segments.iter().map(|s| classify_segment(s)).collect();
    // "Luxury Lodge – Paterson, Eastern Cape": a description standing in for the employer's
    // name is neither the company nor a reason to reject the line.
    let is_descriptor =
        |s: &str| DESCRIPTORS.contains(&fold(s.split_whitespace().next().unwrap_or("")).as_str());
    let unknown: Vec<&String> = segments
        .iter()
        .zip(&classified)
        .filter(|(s, c)| **c == Segment::Unknown && !is_descriptor(s))
        .map(|(s, _)| s)
        .collect();
    let descriptors = segments
        .iter()
        .zip(&classified)
        .filter(|(s, c)| **c == Segment::Unknown && is_descriptor(s))
        .count();
    let known = classified.len() - unknown.len() - descriptors;
    // "Seattle · Business Analytics · Full-time · Hybrid" (the applicant-tracking page's
    // line): a part after the place is the team, never the company.
    let first_place = classified.iter().position(|c| {
        matches!(
            c,
            Segment::Known {
                location: Some(_),
                ..
            }
        )
    });
    let team_after_place = unknown.len() == 1
        && first_place.is_some_and(|place| {
            segments
                .iter()
                .position(|s| s == unknown[0])
                .is_some_and(|at| at > place)
        });
    if team_after_place && known > 0 {
        for segment in &segments {
            absorb_segment(segment, header);
        }
        return true;
    }
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
            "A Bachelor’s degree in accounting is required.",
            "You hold a valid Driver's licence.",
            "Here’s what you will do.",
            "Catalogue the Museum’s collections and loans.",
            "We are backed by Northgate and Europe’s leading investors.",
            "iv. Reporting and Accounting for Commission’s finances and assets.",
            "Support the Children’s services team.",
        ] {
            assert_eq!(company_from_possessive(text), None, "{text}");
        }
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
        // Ordinary words that are also cities, short codes and countries are not taken.
        for text in [
            "Nice to have: Python. Reading and writing Spanish.",
            "LA and NY are not cities here.",
            "Candidates from Kenya and Uganda may apply.",
        ] {
            assert_eq!(city_named_most(text), None, "{text}");
        }
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
