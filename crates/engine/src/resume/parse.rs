//! The résumé parser: lines in reading order → a structured [`Profile`].
//!
//! 1. Bullet markers are stripped (the line is remembered as a bullet) and wrapped bullet
//!    lines are joined (a hanging indent in a PDF, or a lower-case start).
//! 2. Sections start at heading lines ([`section_of`]: every common synonym, any case).
//!    What comes before the first heading is the header.
//! 3. The name is the header's most prominent name-like line; e-mail, phone, links and
//!    location come from the header and any contact section (else from anywhere).
//! 4. Experience, education and projects are split into entries: a run of short "head"
//!    lines (title, employer, dates, location in any order, separated by tabs, `|`, dashes,
//!    commas, `at` or line breaks) followed by bullets and prose. Which head part is the title
//!    and which the employer is decided by the words in them ([`title_score`],
//!    [`org_score`]); when the words do not tell, the order most entries of the section use
//!    decides.
//! 5. Skills, languages and certifications are read as lists.

use regex::Regex;
use std::sync::LazyLock;

use super::dates::find_range;
use super::layout::SourceLine;
use super::vocab::{
    Section, degree_score, has_org_words, is_location, org_score, school_score, section_of,
    title_score,
};
use crate::profile::{
    Certification, Education, Experience, Language, Proficiency, Profile, Project,
};

/// A note about something the parser could not read with confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseNote {
    /// Profile field path the note is about (`experiences[2].start_date`, `personal_info.email`).
    pub field: String,
    /// What happened.
    pub message: String,
}

/// A parsed résumé: the profile (item ids empty) and notes for the import report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedResume {
    /// What was read.
    pub profile: Profile,
    /// Warnings: parts that could not be placed.
    pub notes: Vec<ParseNote>,
}

#[derive(Debug, Clone)]
struct Line {
    text: String,
    bullet: bool,
    gap: bool,
    column_start: bool,
    size: Option<f32>,
}

const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '●', '○', '■', '□', '➢', '➤', '►', '▸', '‣', '⁃', '∙', '·', '✓', '✔', '❖',
    '→', '»', '◆', '◇', '♦',
];

fn strip_bullet(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    if BULLETS.contains(&first) {
        return Some(chars.as_str().trim_start());
    }
    if matches!(first, '-' | '*' | '–' | '+') && chars.as_str().starts_with([' ', '\t']) {
        return Some(chars.as_str().trim_start());
    }
    None
}

/// True when a line cannot end there: a trailing conjunction, preposition or comma.
fn ends_with_connector(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with([',', '&', '/']) || t.ends_with(" -") {
        return true;
    }
    if t.matches('(').count() > t.matches(')').count() {
        return true;
    }
    let last = t.rsplit(' ').next().unwrap_or_default().to_lowercase();
    t.contains(' ')
        && matches!(
            last.as_str(),
            "and"
                | "of"
                | "for"
                | "in"
                | "the"
                | "at"
                | "to"
                | "with"
                | "on"
                | "de"
                | "du"
                | "des"
                | "la"
                | "le"
                | "et"
                | "y"
                | "und"
                | "für"
                | "van"
                | "von"
        )
}

/// The most words a head line (title, employer, school) that wrapped onto a next line has.
const MAX_WRAPPED_HEAD_WORDS: usize = 20;

fn prepare(lines: &[SourceLine]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut bullet_text_x: Option<f32> = None;
    for l in lines {
        let raw = l.text.trim();
        if raw.is_empty() {
            continue;
        }
        if let Some(rest) = strip_bullet(raw) {
            if rest.is_empty() {
                continue;
            }
            bullet_text_x = l.x;
            out.push(Line {
                text: rest.to_owned(),
                bullet: true,
                gap: l.gap_before,
                column_start: l.column_start,
                size: l.size,
            });
            continue;
        }
        // The rest of a wrapped bullet: indented under its text, or starting in lower case.
        // A lower-case line with a tab (dates set right) or further left than the bullet is
        // the next entry's head ("ti&m AG, Zurich\tApr 2024 – Present").
        let (indented, outdented) = match (l.x, bullet_text_x) {
            (Some(x), Some(bx)) => (x > bx + 2.0, x < bx - 2.0),
            _ => (false, false),
        };
        let lower = raw.starts_with(|c: char| c.is_lowercase()) && !outdented;
        // A heading word indented under the bullet's text is the bullet's last word
        // ("… integration with Sand" + "Technologies").
        let continues = out.last().is_some_and(|prev| {
            prev.bullet
                && !l.gap_before
                && !l.column_start
                && (section_of(raw).is_none() || indented)
                && !raw.contains('\t')
                && (lower || indented)
        });
        if continues {
            let prev = out.last_mut().expect("checked above");
            if prev.text.ends_with('-') && !prev.text.ends_with(" -") {
                prev.text.push_str(raw);
            } else {
                prev.text.push(' ');
                prev.text.push_str(raw);
            }
            continue;
        }
        // A head line wrapped in a narrow column ends with a word that needs a next one:
        // "Quantic School of Business and" + "Technology". Only a short line is a wrapped head
        // line: a paragraph with an open parenthesis (a ":(" smiley) takes no next line.
        // Whether the previous line is a short head line the present one may continue.
        let head_line = |prev: &Line| {
            !prev.bullet
                && prev.text.split_whitespace().count() <= MAX_WRAPPED_HEAD_WORDS
                && !l.gap_before
                && !l.column_start
                && section_of(raw).is_none()
                && section_of(&prev.text).is_none()
        };
        // "… Interaction Lab, Amrita" + "University": a long name wrapped before its last
        // word, a word that names an organisation. A short list, not `has_org_words`: its
        // broader words ("Self-employed", "Freelance", "Cloud"…) stand as names of their own.
        let org_tail = matches!(
            raw.trim_end_matches(['.', ',']),
            "University"
                | "College"
                | "Institute"
                | "School"
                | "Hospital"
                | "Laboratory"
                | "Foundation"
                | "Academy"
                | "Inc"
                | "Ltd"
                | "Limited"
                | "GmbH"
                | "Corporation"
                | "Universität"
                | "Université"
                | "Universidad"
        );
        let wrapped = out.last().is_some_and(|prev| {
            head_line(prev)
                && (ends_with_connector(&prev.text)
                    || (raw.starts_with('(') && raw.ends_with(')') && raw.len() <= 24)
                    || (org_tail
                        && !prev.text.contains('\t')
                        && find_range(&prev.text).is_none()
                        && prev.text.split_whitespace().count() >= 5))
        });
        if wrapped {
            let prev = out.last_mut().expect("checked above");
            prev.text.push(' ');
            prev.text.push_str(raw);
            continue;
        }
        // A head line with its dates set right wraps before the tab: "Head of Client Delivery
        // and Head of\tJan 2026 – Present" + "Delivery Enablement".
        let wrapped_left = out.last().is_some_and(|prev| {
            let left = prev.text.split('\t').next().unwrap_or_default();
            head_line(prev)
                && prev.text.contains('\t')
                && !raw.contains('\t')
                && find_range(left).is_none()
                && left.split_whitespace().count() >= 6
                && ends_with_connector(left)
        });
        // A narrow date column wraps its range: "2012, October – 2015,\tSoftware Engineer" +
        // "September".
        let wrapped_date = out.last().is_some_and(|prev| {
            let left = prev.text.split('\t').next().unwrap_or_default().trim_end();
            head_line(prev)
                && prev.text.contains('\t')
                && left.ends_with([',', '–', '-', '—'])
                && find_range(left).is_some()
                && crate::resume::dates::month_number(raw).is_some()
        });
        if wrapped_left || wrapped_date {
            let prev = out.last_mut().expect("checked above");
            let at = prev.text.find('\t').unwrap_or(prev.text.len());
            prev.text.insert_str(at, &format!(" {raw}"));
            continue;
        }
        bullet_text_x = None;
        out.push(Line {
            text: raw.to_owned(),
            bullet: false,
            gap: l.gap_before,
            column_start: l.column_start,
            size: l.size,
        });
    }
    out
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}").expect("valid email regex")
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\(\+\d{1,3}\)[\s.\-]?|\+\s?\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d[\d\s.\-]{5,}\d",
    )
    .expect("valid phone regex")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:com|io|dev|org|net|me|co|ai|app|tech|info|xyz|page|site|us|uk|de|fr|es|it|nl|ca|in|br|pt|se|ch|eu|ly|gg|sh|so|tv|blog|design|codes|studio)(?:/[^\s|,;]*)?")
        .expect("valid url regex")
});
static GPA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:c?gpa|grade)(?-u:\b)[:\s]*([0-4](?:\.\d{1,2})?)(?:\s*/\s*4(?:\.0+)?)?",
    )
    .expect("valid gpa regex")
});

fn digits(s: &str) -> usize {
    s.chars().filter(char::is_ascii_digit).count()
}

/// A phone number in `text`: 7–15 digits, not a date range.
fn find_phone(text: &str) -> Option<String> {
    for m in PHONE.find_iter(text) {
        let s = m.as_str().trim();
        let n = digits(s);
        if !(7..=15).contains(&n) {
            continue;
        }
        if let Some(r) = find_range(s)
            && r.span.1 - r.span.0 + 2 >= s.len()
        {
            continue;
        }
        // Keep an opening parenthesis just before the match: "(555) 123-4567".
        let start = m.start();
        let with_paren = text[..start].ends_with('(');
        let mut out = String::new();
        if with_paren {
            out.push('(');
        }
        out.push_str(s);
        return Some(out);
    }
    None
}

fn with_scheme(url: &str) -> String {
    let u = url.trim_end_matches(['.', ')', ',']);
    if u.to_ascii_lowercase().starts_with("http://")
        || u.to_ascii_lowercase().starts_with("https://")
    {
        u.to_owned()
    } else {
        format!("https://{u}")
    }
}

fn is_name_like(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || t.chars().count() > 60 {
        return false;
    }
    if t.contains('@') || t.contains("://") || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if section_of(t).is_some() || t.contains('|') || t.contains('\t') {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let total = t.chars().filter(|c| !c.is_whitespace()).count();
    // A capital, or a letter of a script without case (王明海, 김민수, محمد).
    letters * 10 >= total * 8
        && t.starts_with(|c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// Splits a contact line into its items.
fn contact_items(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    for part in text.split(['|', '•', '·', '\t', '⋅', '✉', '☎', '◆', '♦']) {
        for p in part.split("  ") {
            let p = p.trim().trim_matches(|c: char| c == ',' || c == ';');
            if !p.is_empty() {
                items.push(p.to_owned());
            }
        }
    }
    items
}

fn strip_label(item: &str) -> &str {
    for label in [
        "email:",
        "e-mail:",
        "mail:",
        "phone:",
        "tel:",
        "mobile:",
        "cell:",
        "telephone:",
        "location:",
        "address:",
        "linkedin:",
        "github:",
        "website:",
        "web:",
        "portfolio:",
        "site:",
        "url:",
    ] {
        if let Some(head) = item.get(..label.len())
            && head.eq_ignore_ascii_case(label)
        {
            return item[label.len()..].trim();
        }
    }
    item
}

fn read_contacts(p: &mut Profile, lines: &[&Line]) {
    let info = &mut p.personal_info;
    for l in lines {
        for item in contact_items(&l.text) {
            let item = strip_label(&item);
            if let Some(m) = EMAIL.find(item) {
                if info.email.is_empty() {
                    info.email = m.as_str().trim_end_matches('.').to_owned();
                }
                continue;
            }
            let lower = item.to_ascii_lowercase();
            if let Some(m) = URL.find(item)
                && m.as_str().len() * 2 >= item.len()
            {
                let url = with_scheme(m.as_str());
                if lower.contains("linkedin.com") {
                    info.linkedin.get_or_insert(url);
                } else if lower.contains("github.com") {
                    info.github.get_or_insert(url);
                } else {
                    info.website.get_or_insert(url);
                }
                continue;
            }
            if let Some(phone) = find_phone(item)
                && digits(item) * 2 >= item.chars().filter(|c| c.is_alphanumeric()).count()
            {
                if info.phone.is_none() {
                    info.phone = Some(phone);
                }
                continue;
            }
            if info.location.is_none()
                && (is_location(item)
                    || (item.contains(',')
                        && item.split_whitespace().count() <= 6
                        && !item.chars().any(|c| c.is_ascii_digit())
                        && item.starts_with(|c: char| c.is_uppercase())
                        && lines.len() <= 12))
            {
                info.location = Some(item.to_owned());
            }
        }
    }
}

/// One part of a head line, as [`split_head`] cut it.
#[derive(Debug, Clone, PartialEq)]
struct HeadPart {
    text: String,
    /// The part followed " at " / " @ " (title at company).
    after_at: bool,
    /// The part followed a spaced dash in the same piece ("TV Channel — News Desk"): it may
    /// be the rest of a name that has a dash inside.
    after_dash: bool,
}

/// Splits a head line into parts at tabs, bars, bullets, spaced dashes, `at` and `@`.
fn split_head(text: &str, split_at: bool, hyphens: bool) -> Vec<HeadPart> {
    let mut out = Vec::new();
    // What is in parentheses belongs to one name: "Cloud Solutions (CEBS | Matas)".
    let protected = protect_parens(text);
    let text = protected.as_str();
    // A spaced ASCII hyphen separates parts only in a line that has no other separator: with
    // bars or dashes around, it belongs to a name ("Technion - Israel Institute of Technology").
    let other_separators = !hyphens
        || ['\t', '|', '•', '·', '⋅', '◆', '♦', '—', '–', '―']
            .iter()
            .any(|c| text.contains(*c));
    for piece in text.split(['\t', '|', '•', '·', '⋅', '◆', '♦']) {
        let mut rest = piece.to_owned();
        for sep in [" — ", " – ", " -- ", " ― "] {
            rest = rest.replace(sep, "\u{1}");
        }
        if !other_separators {
            rest = rest.replace(" - ", "\u{1}");
        }
        for (k, part) in rest.split('\u{1}').enumerate() {
            let part = part.trim();
            let at = [" at ", " At ", " AT ", " @ "]
                .iter()
                .filter(|_| split_at)
                .find_map(|s| part.find(s).map(|i| (i, s.len())));
            match at {
                Some((i, n)) if i > 0 => {
                    out.push((part[..i].to_owned(), false, k > 0));
                    out.push((part[i + n..].to_owned(), true, false));
                }
                _ => out.push((part.to_owned(), false, k > 0)),
            }
        }
    }
    out.into_iter()
        .map(|(p, after_at, after_dash)| HeadPart {
            text: clean_part(&unprotect(&p)),
            after_at,
            after_dash,
        })
        .filter(|p| !p.text.is_empty())
        .collect()
}

/// Separators that [`split_head`] splits at, and the private-use characters that stand for
/// them inside parentheses while it splits (a tab always splits: it stands for a column gap or
/// a date taken out).
const PROTECTED: [(char, char); 7] = [
    ('|', '\u{E000}'),
    ('•', '\u{E001}'),
    ('·', '\u{E002}'),
    ('—', '\u{E003}'),
    ('–', '\u{E004}'),
    ('-', '\u{E005}'),
    ('@', '\u{E006}'),
];

/// Hides the separators inside balanced parentheses (an unclosed one protects nothing).
fn protect_parens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' if chars[i + 1..].contains(&')') => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ => {}
        }
        let hidden = (depth > 0)
            .then(|| PROTECTED.iter().find(|(sep, _)| *sep == c).map(|(_, h)| *h))
            .flatten();
        out.push(hidden.unwrap_or(c));
    }
    out
}

/// Puts back what [`protect_parens`] hid.
fn unprotect(text: &str) -> String {
    text.chars()
        .map(|c| {
            PROTECTED
                .iter()
                .find(|(_, h)| *h == c)
                .map_or(c, |(sep, _)| *sep)
        })
        .collect()
}

/// Trims separators and unbalanced parentheses from the ends of a part.
fn clean_part(part: &str) -> String {
    let mut p = part.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | ' '));
    loop {
        let opens = p.matches('(').count();
        let closes = p.matches(')').count();
        let next = if p.ends_with('(') || (p.ends_with(')') && closes > opens) {
            &p[..p.len() - 1]
        } else if p.starts_with(')') || (p.starts_with('(') && opens > closes) {
            &p[1..]
        } else {
            break;
        };
        p = next.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | ' '));
    }
    p.to_owned()
}

const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "llc",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "co.",
    "gmbh",
    "ag",
    "s.a.",
    "sa",
    "plc",
    "llp",
    "b.v.",
    "bv",
    "pty ltd",
    "limited",
    "l.p.",
    "lp",
    "s.r.o.",
    "a.s.",
    "d.o.o.",
    "sp. z o.o.",
    "kft.",
    "oy",
    "ab",
    "as",
    "aps",
    "srl",
    "s.r.l.",
    "sarl",
    "s.a.s.",
    "sas",
    "spa",
    "s.p.a.",
    "nv",
    "n.v.",
    "ltda",
    "pvt. ltd.",
    "pvt ltd",
    "n.a.",
    "s.l.",
    "s.a. de c.v.",
    "kg",
    "e.v.",
];

/// Splits at `sep` outside parentheses: "Engineer (Freelance, Part-time), Acme" → 2 pieces.
fn split_outside_parens<'a>(text: &'a str, sep: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().expect("in bounds");
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && rest.starts_with(sep) {
            out.push(&text[start..i]);
            i += sep.len();
            start = i;
            continue;
        }
        i += c.len_utf8();
    }
    out.push(&text[start..]);
    out
}

/// Removes a trailing place after the first comma-separated piece (`Acme Inc., Berlin,
/// Germany` → `Acme Inc.`); the first piece always stays.
fn split_tail_location(part: &str) -> (String, Option<String>) {
    let pieces: Vec<&str> = split_outside_parens(part, ", ");
    for k in 1..pieces.len() {
        let tail = pieces[k..].join(", ");
        if is_location(&tail) {
            let k = place_start(&pieces, k);
            return (pieces[..k].join(", "), Some(pieces[k..].join(", ")));
        }
    }
    (part.to_owned(), None)
}

/// Removes a trailing place from `part` (`Acme Inc., Berlin, Germany` → `Acme Inc.`).
fn split_location(part: &str) -> (String, Option<String>) {
    if is_location(part) {
        return (String::new(), Some(part.to_owned()));
    }
    split_tail_location(part)
}

/// Where the place starts in comma pieces whose tail from `k` is a known place: a town the
/// word lists do not know, written just before it, belongs to it ("Globex, Smallville, Texas"
/// is Globex in "Smallville, Texas"). The first piece always stays the name.
fn place_start(pieces: &[&str], mut k: usize) -> usize {
    while k > 1 && reads_as_place(pieces[k - 1]) {
        k -= 1;
    }
    k
}

/// True when a comma piece after a name can be a place: one to three capitalised words
/// without digits that name no organisation or role, no company suffix and no brand
/// written in `CamelCase` ("Belval", "Melbourne CBD"; not "EnterpriseAI").
fn reads_as_place(piece: &str) -> bool {
    // "N'Djamena - Tchad", "La Paz - Bolivia", "VA - Remoto": a place and its country.
    if let Some((a, b)) = piece.split_once(" - ") {
        return reads_as_place(a) && (reads_as_place(b) || is_location(b));
    }
    if is_location(piece) {
        return true;
    }
    // "EnterpriseAI" is a brand; "N'Djamena" and "Saint-Étienne" are not.
    let camel = piece
        .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '-'))
        .any(|w| w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase));
    // "Santa Cruz de Tenerife": lower-case connectors do not count.
    piece
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count()
        <= 3
        && piece.split_whitespace().count() <= 5
        && piece.starts_with(|c: char| c.is_uppercase())
        && !piece.chars().any(|c| c.is_ascii_digit())
        && !has_org_words(piece)
        && title_score(piece) <= 0.0
        && !COMPANY_SUFFIXES.contains(&piece.to_lowercase().as_str())
        && !camel
}

#[derive(Debug, Default)]
struct Block {
    head: Vec<Line>,
    body: Vec<Line>,
}

/// Share of words that start with a capital letter (head lines are mostly capitalised).
fn capitalised_share(text: &str) -> f32 {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return 0.0;
    }
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    caps as f32 / words.len() as f32
}

/// Characters of scripts written without spaces between words (Chinese, Japanese).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn is_prose(l: &Line) -> bool {
    // Chinese and Japanese put no spaces between words: about two characters make a word.
    let cjk = l.text.chars().filter(|&c| is_cjk(c)).count();
    let words = l.text.split_whitespace().count() + cjk / 2;
    // A long line is prose, whatever dates or bars it mentions ("… the team at Telstra.
    // Primarily focused on AWS …", "… (Things I do daily) - Automate, …"): a head line is
    // short. From 20 words a sentence break inside tells; from 30 the length alone.
    if !l.text.contains('\t') && (words >= 30 || (words >= 20 && has_sentence_break(&l.text))) {
        return true;
    }
    // Bars and bullets between parts make a head line, however long ("Title | Employer | Place").
    if [" | ", " · ", " • "].iter().any(|sep| l.text.contains(sep)) {
        return false;
    }
    if capitalised_share(&l.text) >= 0.7 && !l.text.trim_end().ends_with('.') {
        return false;
    }
    !l.text.contains('\t')
        && find_range(&l.text).is_none()
        && (words >= 14
            || (words >= 5
                && l.text.trim_end().ends_with(['.', '!', '?'])
                && !COMPANY_SUFFIXES
                    .iter()
                    .any(|s| l.text.to_lowercase().trim_end().ends_with(s))))
}

/// True when a sentence ends inside `text`: ". " (or "! ", "? ") between two words, the next
/// one capitalised, the one before no initial or abbreviation ("Sr.", "J. D.").
fn has_sentence_break(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| {
        let before = w[0].trim_end_matches(['.', '!', '?']);
        w[0].ends_with(['.', '!', '?'])
            && before.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && w[1].starts_with(|c: char| c.is_uppercase())
    })
}

const BODY_LABELS: &[&str] = &[
    "score:",
    "gpa:",
    "cgpa:",
    "grade:",
    "grades:",
    "courses:",
    "coursework:",
    "relevant coursework:",
    "honors:",
    "honours:",
    "thesis:",
    "activities:",
    "minor:",
    "awards:",
    "keywords:",
    "technologies:",
    "technology:",
    "tech:",
    "tech stack:",
    "stack:",
    "built with:",
    "tools:",
];

fn body_label(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    BODY_LABELS
        .iter()
        .find(|k| lower.starts_with(*k))
        .map(|k| k.len())
}

fn has_date(l: &Line) -> bool {
    find_range(&l.text).is_some()
}

/// A single date inside brackets with words around it: "Occasional trainer (October 2019 and
/// January 2020)", "Promoted to lead (March 2018)". After an entry that already has its dates
/// this is a line of its text, not the head of another entry.
fn aside_with_date(l: &Line) -> bool {
    let Some(r) = find_range(&l.text) else {
        return false;
    };
    let open = l.text[..r.span.0].rfind('(');
    let closed_before = l.text[..r.span.0].rfind(')');
    let inside = open.is_some_and(|o| closed_before.is_none_or(|c| c < o))
        && l.text[r.span.1..].contains(')');
    inside && r.end.is_none() && !r.current && open.is_some_and(|o| o > 0)
}

/// True when a line holds a name or title besides its dates: "Acme\tJan 2019 – Present" does,
/// "Jan 2019 – Present" alone does not. An entry's shape counts these lines, so a layout that
/// puts the employer and the dates on one line ("Acme\tdates", "Title") has two-line entries.
fn has_words_besides_date(l: &Line) -> bool {
    let rest = match find_range(&l.text) {
        Some(r) => format!("{}{}", &l.text[..r.span.0], &l.text[r.span.1..]),
        None => l.text.clone(),
    };
    rest.chars().any(char::is_alphabetic)
}

fn blocks(lines: &[Line]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let prose = is_prose(l) || body_label(&l.text).is_some();
        let long_after_date = |b: &Block| {
            b.head.iter().any(has_date)
                && !has_date(l)
                && l.text.split_whitespace().count() >= 10
                && capitalised_share(&l.text) < 0.7
                && ![" | ", " — ", " – ", " · ", "\t"]
                    .iter()
                    .any(|sep| l.text.contains(sep))
        };
        // Entries whose date comes after their first line (`Title`, `Company`, `Dates`): a
        // dateless line whose entry-shaped run ends in a date `d` lines on starts a new entry.
        let starts_like_previous = |b: &Block| {
            let Some(d) = b.head.iter().position(has_date) else {
                return false;
            };
            d > 0
                && !has_date(l)
                && lines.get(i + d).is_some_and(|n| !n.bullet && has_date(n))
                && lines[i..i + d].iter().all(|n| !n.bullet && !has_date(n))
        };
        // The rest of a wrapped paragraph: a line that starts in lower case after the body.
        let continues_prose = |b: &Block| {
            !b.head.is_empty()
                && !has_date(l)
                && !b.body.is_empty()
                && l.text.starts_with(|c: char| c.is_lowercase())
        };
        // Another head line of the same entry: the entry has no body yet, and this line does
        // not bring a second date (or follow a gap after the first).
        let continues_head = |b: &Block| {
            let dated = b.head.iter().any(has_date);
            b.body.is_empty() && !(dated && (has_date(l) || l.gap)) && b.head.len() < 4
        };
        let aside = |b: &Block| b.head.iter().any(has_date) && aside_with_date(l);
        // `Title` / `Employer` / `Dates`: a date-only line after the names closes the head, so
        // a short line after it, with the entry's bullets right below, is the entry's text
        // ("Research focused on robotics").
        let closed_by_date = |b: &Block| {
            b.body.is_empty()
                && lines.get(i + 1).is_some_and(|n| n.bullet)
                && b.head
                    .last()
                    .is_some_and(|last| has_date(last) && !has_words_besides_date(last))
                && b.head.iter().filter(|h| has_words_besides_date(h)).count() >= 2
                && !has_date(l)
        };
        match out.last_mut() {
            Some(b) if !l.bullet && (long_after_date(b) || continues_prose(b) || aside(b)) => {
                b.body.push(l.clone())
            }
            Some(b) if l.bullet || (prose && !b.head.is_empty()) => b.body.push(l.clone()),
            Some(b) if closed_by_date(b) && !starts_like_previous(b) => b.body.push(l.clone()),
            Some(b) if continues_head(b) && !starts_like_previous(b) => b.head.push(l.clone()),
            _ => {
                let mut b = Block::default();
                if l.bullet {
                    b.body.push(l.clone());
                } else {
                    b.head.push(l.clone());
                }
                out.push(b);
            }
        }
    }
    reshape(out)
}

/// Uses the section's usual entry shape (how many head lines hold a name or title) to split heads
/// that swallowed undated entries: `[Title, Company, Title2, Company2]` becomes two entries, and
/// a date left alone takes the lines of its entry back from the block before it.
fn reshape(blocks: Vec<Block>) -> Vec<Block> {
    let mut counts = [0usize; 4];
    for b in &blocks {
        let dated = b.head.iter().any(has_date);
        let n = b.head.iter().filter(|l| has_words_besides_date(l)).count();
        if dated && (1..4).contains(&n) {
            counts[n] += 1;
        }
    }
    let Some(shape) = (1..4).max_by_key(|&n| (counts[n], std::cmp::Reverse(n))) else {
        return blocks;
    };
    if counts[shape] < 2 {
        return blocks;
    }
    let mut out: Vec<Block> = Vec::new();
    for mut b in blocks {
        let dated = b.head.iter().any(has_date);
        let undated_lines = b.head.len();
        if !dated && undated_lines > shape && undated_lines % shape == 0 {
            let body = std::mem::take(&mut b.body);
            let chunks: Vec<Vec<Line>> = b.head.chunks(shape).map(<[Line]>::to_vec).collect();
            let last = chunks.len() - 1;
            for (i, head) in chunks.into_iter().enumerate() {
                out.push(Block {
                    head,
                    body: if i == last { body.clone() } else { Vec::new() },
                });
            }
            continue;
        }
        if dated && b.head.len() == 1 {
            // A lone date: its entry's lines ended the block before.
            // (A date that shares its line with a name already holds one line of the shape.)
            let wanted = shape - usize::from(has_words_besides_date(&b.head[0]));
            if let Some(prev) = out.last_mut()
                && wanted > 0
                && prev.body.is_empty()
                && !prev.head.iter().any(has_date)
                && prev.head.len() >= wanted
            {
                let cut = prev.head.len() - wanted;
                let mut head: Vec<Line> = prev.head.drain(cut..).collect();
                head.append(&mut b.head);
                b.head = head;
                if prev.head.is_empty() {
                    out.pop();
                }
            }
        }
        out.push(b);
    }
    out
}

/// The parts of an entry head.
#[derive(Debug, Default)]
struct Head {
    parts: Vec<String>,
    /// Index of a part that followed " at ".
    after_at: Option<usize>,
    /// For each part: it followed a spaced dash in the same piece of its line.
    after_dash: Vec<bool>,
    /// The head's lines as written, one per line.
    text: String,
    start: Option<String>,
    end: Option<String>,
    current: bool,
    location: Option<String>,
    /// The location was a whole part of the head ("Remote" on a line of its own), not the tail
    /// of one ("Acme, Berlin").
    location_whole: bool,
    url: Option<String>,
    gpa: Option<f64>,
}

fn read_head(lines: &[Line], split_at: bool, places: bool) -> Head {
    let mut h = Head::default();
    let mut raw: Vec<HeadPart> = Vec::new();
    for l in lines {
        h.text.push_str(&l.text);
        h.text.push('\n');
        let mut text = l.text.clone();
        if h.start.is_none()
            && h.end.is_none()
            && let Some(r) = find_range(&text)
        {
            h.start = r.start.clone();
            h.end = r.end.clone();
            h.current = r.current;
            text.replace_range(r.span.0..r.span.1, "\t");
        }
        if let Some(c) = GPA.captures(&text) {
            h.gpa = c[1].parse().ok();
            let span = c.get(0).expect("group 0").range();
            text.replace_range(span, "\t");
        }
        // In a head of several lines each line holds one thing; only a one-line head uses a
        // spaced hyphen as a separator ("Engineer - Acme - 2019").
        for part in split_head(&text, split_at, lines.len() == 1) {
            // A part that is a link (not a name with a link inside, "[Acme](https://…)").
            if let Some(m) = URL.find(&part.text)
                && m.start() == 0
                && m.as_str().len() * 2 >= part.text.len()
                && (m.as_str().contains('/') || m.as_str().starts_with("www."))
            {
                h.url.get_or_insert(with_scheme(m.as_str()));
                continue;
            }
            raw.push(part);
        }
    }
    // With three or more parts a whole part may be the place ("Title | Acme | Berlin,
    // Germany"); with fewer, the first piece of a comma list is a name ("Acme, Berlin, Germany").
    let whole_places = raw.len() >= 3;
    for HeadPart {
        text: part,
        after_at: at,
        after_dash,
    } in raw
    {
        let (rest, place) = if !places {
            (part.clone(), None)
        } else if whole_places || !part.contains(", ") {
            split_location(&part)
        } else {
            split_tail_location(&part)
        };
        if let Some(place) = place {
            if h.location.is_none() {
                h.location = Some(place);
                h.location_whole = rest.is_empty();
            } else if rest.is_empty() {
                // A second place-like part is more likely a name ("Berlin Partner").
                h.parts.push(part.clone());
                continue;
            }
        }
        if !rest.is_empty() {
            // "Acme, Inc." stays one part.
            if COMPANY_SUFFIXES.contains(&rest.to_lowercase().as_str())
                && let Some(prev) = h.parts.last_mut()
            {
                prev.push_str(", ");
                prev.push_str(&rest);
                continue;
            }
            if at {
                h.after_at = Some(h.parts.len());
            }
            h.after_dash.push(after_dash);
            h.parts.push(rest);
        }
    }
    // One part with a comma: "Software Engineer, Acme"; in a school entry only a school and a
    // degree ("Faculty of Mathematics and Physics, University of Ljubljana" stays whole).
    if h.parts.len() == 1 {
        let p = h.parts[0].clone();
        if let [a, b] = split_outside_parens(&p, ", ")[..]
            && !COMPANY_SUFFIXES.contains(&b.to_lowercase().as_str())
            && (split_at
                || (degree_score(a) > 0.0 && school_score(b) > 0.0)
                || (school_score(a) > 0.0 && degree_score(b) > 0.0))
        {
            h.parts = vec![a.to_owned(), b.to_owned()];
            h.after_dash = vec![false, false];
        }
    }
    h
}

impl Head {
    /// `a` and `b` joined by the dash the head has between them ("TV Channel — News Desk"),
    /// an em dash when the head does not show one.
    fn dashed(&self, a: &str, b: &str) -> String {
        [" — ", " – ", " -- ", " ― ", " - "]
            .iter()
            .map(|d| format!("{a}{d}{b}"))
            .find(|joined| self.text.contains(joined.as_str()))
            .unwrap_or_else(|| format!("{a} — {b}"))
    }
}

/// Orders votes: `Some(true)` when the first part is the title.
fn title_first(parts: &[String]) -> Option<bool> {
    if parts.len() < 2 {
        return None;
    }
    let lean = |p: &str| title_score(p) - org_score(p);
    let d = lean(&parts[0]) - lean(&parts[1]);
    if d > 0.5 {
        Some(true)
    } else if d < -0.5 {
        Some(false)
    } else {
        None
    }
}

fn body_text(lines: &[Line]) -> (Option<String>, Vec<String>) {
    let prose: Vec<&str> = lines
        .iter()
        .filter(|l| !l.bullet)
        .map(|l| l.text.as_str())
        .collect();
    let description = (!prose.is_empty()).then(|| prose.join(" "));
    let bullets = lines
        .iter()
        .filter(|l| l.bullet)
        .map(|l| l.text.clone())
        .collect();
    (description, bullets)
}

fn experiences(lines: &[Line], notes: &mut Vec<ParseNote>, offset: usize) -> Vec<Experience> {
    let blocks = blocks(lines);
    let heads: Vec<Head> = blocks
        .iter()
        .map(|b| rejoin_at_in_name(read_head(&b.head, true, true)))
        .collect();
    let votes: Vec<bool> = heads.iter().filter_map(|h| title_first(&h.parts)).collect();
    let places_after_comma = heads
        .iter()
        .any(|h| h.location.is_some() && !h.location_whole);
    let firsts = votes.iter().filter(|v| **v).count();
    let majority_title_first = firsts * 2 >= votes.len();
    // One résumé lays out every entry the same way: when most entries agree, the order holds
    // for all of them, even where an entry's own words would point the other way.
    let agreed = votes.len() >= 2 && {
        let majority = firsts.max(votes.len() - firsts);
        majority * 10 >= votes.len() * 6
    };
    let mut out: Vec<Experience> = Vec::new();
    for (b, h) in blocks.iter().zip(heads) {
        let (description, bullets) = body_text(&b.body);
        if h.parts.is_empty() {
            // Bullets with no head of their own belong to the entry before.
            if let Some(prev) = out.last_mut() {
                prev.achievements.extend(bullets);
                if let Some(d) = description {
                    prev.description = Some(match prev.description.take() {
                        Some(p) => format!("{p} {d}"),
                        None => d,
                    });
                }
            }
            continue;
        }
        if h.start.is_none()
            && h.end.is_none()
            && b.body.is_empty()
            && h.parts.len() == 1
            && !out.is_empty()
        {
            // A stray short line (a wrapped title, a tagline) without dates: keep it as text.
            let prev = out.last_mut().expect("checked");
            let extra = h.parts.join(" ");
            prev.description = Some(match prev.description.take() {
                Some(p) => format!("{p} {extra}"),
                None => extra,
            });
            continue;
        }
        let (title, company) = match (h.after_at, h.parts.len()) {
            (Some(i), _) if i > 0 => (h.parts[i - 1].clone(), h.parts[i].clone()),
            (_, 1) => {
                let p = &h.parts[0];
                if title_score(p) > org_score(p) {
                    (p.clone(), String::new())
                } else {
                    (String::new(), p.clone())
                }
            }
            _ => {
                let first_is_title = if agreed {
                    majority_title_first
                } else {
                    title_first(&h.parts).unwrap_or(majority_title_first)
                };
                if first_is_title {
                    (h.parts[0].clone(), h.parts[1].clone())
                } else {
                    (h.parts[1].clone(), h.parts[0].clone())
                }
            }
        };
        let (title, company) = title_with_two_roles(&h.parts, title, company);
        let (title, company) = own_words_employer(&h, title, company);
        let (company, location) = place_in_employer_slot(title.as_str(), company, &h);
        let i = offset + out.len();
        if h.start.is_none() {
            notes.push(ParseNote {
                field: format!("experiences[{i}].start_date"),
                message: "no dates found for this entry".into(),
            });
        }
        out.push(Experience {
            id: String::new(),
            title,
            company,
            location,
            start_date: h.start.clone().or(h.end.clone()).unwrap_or_default(),
            end_date: if h.current || h.start.is_none() {
                None
            } else {
                h.end
            },
            is_current: h.current,
            description,
            achievements: bullets,
        });
    }
    places_by_layout(&mut out, places_after_comma);
    out
}

/// "The Coding Bootcamp at UT Austin" on the employer line with "Teaching Assistant" on the
/// next: when another part of the head reads more like the role than the part before "at",
/// the "at" is inside the employer's name.
fn rejoin_at_in_name(mut h: Head) -> Head {
    let Some(i) = h.after_at.filter(|&i| i > 0 && h.parts.len() > 2) else {
        return h;
    };
    let before = title_score(&h.parts[i - 1]);
    let other_role = h
        .parts
        .iter()
        .enumerate()
        .any(|(j, p)| j != i && j != i - 1 && title_score(p) > before && title_score(p) > 0.0);
    if other_role {
        let joined = format!("{} at {}", h.parts[i - 1], h.parts[i]);
        h.parts.splice(i - 1..=i, [joined]);
        if h.after_dash.len() > i {
            h.after_dash.remove(i);
        }
        h.after_at = None;
    }
    h
}

/// A role with no employer beside it, and a place-like word on a part of its own: that word
/// sits where the employer goes, and it is the person's employer as they wrote it ("Staff
/// Engineer" / "Remote", where Remote is the company). Returns the employer and the location.
fn place_in_employer_slot(title: &str, company: String, h: &Head) -> (String, Option<String>) {
    match &h.location {
        Some(place) if company.is_empty() && !title.is_empty() && h.location_whole => {
            (place.clone(), None)
        }
        _ => (company, h.location.clone()),
    }
}

/// Words a person writes in the employer slot when they worked for themselves.
const SELF_EMPLOYED: &[&str] = &[
    "freelance",
    "freelancer",
    "self-employed",
    "self employed",
    "independent",
    "indépendant",
    "independiente",
    "autónomo",
    "autonomo",
    "selbstständig",
    "selbständig",
    "freiberuflich",
];

/// True when a head part is a self-employment word ("Freelance", "Self-employed").
fn is_self_employed(part: &str) -> bool {
    SELF_EMPLOYED.contains(&part.trim().to_lowercase().as_str())
}

/// The employer as the person wrote it, where the parts of the head say more than the title
/// and employer picked from them (title first):
/// - a self-employment word after the title ("Consultant — AI Readiness — Freelance") is the
///   employer, and what stands between them belongs to the title;
/// - a part that followed the employer after a spaced dash in the same piece and reads as no
///   role is the rest of its name ("TV Channel — News Desk").
fn own_words_employer(h: &Head, title: String, company: String) -> (String, String) {
    let index = |s: &str| h.parts.iter().position(|p| p == s);
    let (Some(ti), Some(ci)) = (index(&title), index(&company)) else {
        return (title, company);
    };
    if !is_self_employed(&company)
        && let Some(si) = (ti + 1..h.parts.len()).find(|&i| is_self_employed(&h.parts[i]))
    {
        let mut joined = h.parts[ti].clone();
        for i in ti + 1..si {
            if h.after_dash[i] {
                joined = h.dashed(&joined, &h.parts[i]);
            } else {
                joined = format!("{joined} {}", h.parts[i]);
            }
        }
        return (joined, h.parts[si].clone());
    }
    let next = ci + 1;
    if ti < ci
        && next < h.parts.len()
        && h.after_dash.get(next) == Some(&true)
        && title_score(&h.parts[next]) <= 0.0
    {
        return (title, h.dashed(&company, &h.parts[next]));
    }
    (title, company)
}

/// True when a head part reads as a role and not at all as an organisation ("Team Lead").
fn reads_as_role(part: &str) -> bool {
    title_score(part) >= 1.0 && org_score(part) == 0.0
}

/// "Title | Title | Employer": when the part taken as the employer reads as a role and the part
/// after it as an organisation, the two roles are the title ("Sr. Android Engineer | Team
/// Lead" at "VentureDive"). Otherwise `(title, company)` is returned as it was.
fn title_with_two_roles(parts: &[String], title: String, company: String) -> (String, String) {
    if parts.len() < 3 || parts[0] != title || parts[1] != company {
        return (title, company);
    }
    let next = &parts[2];
    // The third part names no role ("RIVS", "Acme GmbH"): it is the employer.
    // The second part names a role, even with a brand-shaped word ("C#/WPF Desktop Software
    // Developer").
    let second_is_role =
        title_score(&company) >= 1.0 && title_score(&company) > org_score(&company);
    if second_is_role
        && !reads_as_role(next)
        && (org_score(next) > title_score(next) || title_score(next) <= 0.0)
    {
        (format!("{title} | {company}"), next.clone())
    } else {
        (title, company)
    }
}

/// The place in "Employer, Place[, Region[, Country]]" when every piece after the employer
/// reads like a place (one to three capitalised words that name no organisation or role).
fn trailing_place(company: &str) -> Option<(String, String)> {
    let pieces = split_outside_parens(company, ", ");
    if !(2..=4).contains(&pieces.len()) {
        return None;
    }
    // "Savoir Technologies, Inc, Remoto": a legal form after the first comma stays with the name.
    (1..pieces.len()).find_map(|k| {
        let name_rest = pieces[1..k]
            .iter()
            .all(|p| COMPANY_SUFFIXES.contains(&p.to_lowercase().trim_end_matches('.')));
        (name_rest && pieces[k..].iter().all(|p| reads_as_place(p)))
            .then(|| (pieces[..k].join(", "), pieces[k..].join(", ")))
    })
}

/// A layout that writes "Employer, Place" for every job: when most jobs without a known
/// place have that shape, the part after the comma is their place (`Gong.io, Ramat Gan`).
/// When the section already wrote a known place after an employer's comma (`Acme, Berlin`),
/// that is its layout, and every other employer's comma tail that reads as a place is one too
/// (`Globex, Belval`), however few jobs have a place at all.
fn places_by_layout(jobs: &mut [Experience], places_after_comma: bool) {
    let without: Vec<usize> = (0..jobs.len())
        .filter(|&i| jobs[i].location.is_none() && !jobs[i].company.is_empty())
        .collect();
    let shaped: Vec<usize> = without
        .iter()
        .copied()
        .filter(|&i| trailing_place(&jobs[i].company).is_some())
        .collect();
    let layout_wide = shaped.len() >= 2 && shaped.len() * 10 >= without.len() * 8;
    if !layout_wide && !places_after_comma {
        return;
    }
    for i in shaped {
        if let Some((company, place)) = trailing_place(&jobs[i].company) {
            jobs[i].company = company;
            jobs[i].location = Some(place);
        }
    }
}

/// Splits "Bachelor of Science in Computer Science" / "BSc, Computer Science" into degree
/// and field.
fn split_degree(text: &str) -> (String, Option<String>) {
    for sep in [" in ", ", ", " - ", ": "] {
        if let Some((a, b)) = text.split_once(sep)
            && !a.trim().is_empty()
            && !b.trim().is_empty()
        {
            return (a.trim().to_owned(), Some(b.trim().to_owned()));
        }
    }
    (text.trim().to_owned(), None)
}

fn education(lines: &[Line]) -> Vec<Education> {
    let blocks = blocks(lines);
    let heads: Vec<Head> = blocks
        .iter()
        .map(|b| read_head(&b.head, false, false))
        .collect();
    // Which position holds the school when the words do not tell.
    let votes: Vec<bool> = heads
        .iter()
        .filter(|h| h.parts.len() >= 2)
        .filter_map(|h| {
            let lean = |p: &str| school_score(p) - degree_score(p);
            let d = lean(&h.parts[0]) - lean(&h.parts[1]);
            (d.abs() > 0.5).then_some(d > 0.0)
        })
        .collect();
    let school_first = votes.iter().filter(|v| **v).count() * 2 >= votes.len();
    let mut out: Vec<Education> = Vec::new();
    for (b, h) in blocks.iter().zip(heads) {
        let (_, bullets) = body_text(&b.body);
        if h.parts.is_empty() {
            if let Some(prev) = out.last_mut() {
                prev.honors.extend(bullets);
            }
            continue;
        }
        let school_idx = match h.parts.len() {
            1 => 0,
            _ => {
                let best = (0..h.parts.len())
                    .max_by(|&a, &b| {
                        let s = |i: usize| school_score(&h.parts[i]) - degree_score(&h.parts[i]);
                        s(a).total_cmp(&s(b)).then(b.cmp(&a))
                    })
                    .unwrap_or(0);
                let lean = |p: &str| school_score(p) - degree_score(p);
                let clear = (0..h.parts.len())
                    .filter(|&i| i != best)
                    .all(|i| lean(&h.parts[best]) - lean(&h.parts[i]) > 0.5);
                if clear {
                    best
                } else if school_first {
                    0
                } else {
                    1
                }
            }
        };
        let institution = h.parts[school_idx].clone();
        let degree_text = h
            .parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != school_idx)
            .map(|(_, p)| p.as_str())
            .max_by(|a, b| degree_score(a).total_cmp(&degree_score(b)))
            .unwrap_or_default();
        let (degree, field_of_study) = split_degree(degree_text);
        if h.parts.len() == 1
            && !out.is_empty()
            && h.start.is_none()
            && b.body.is_empty()
            && degree_score(&institution) > school_score(&institution)
        {
            // A lone line under an entry: its degree when the entry has none.
            let prev = out.last_mut().expect("checked");
            if prev.degree.is_empty() {
                let (d, f) = split_degree(&institution);
                prev.degree = d;
                prev.field_of_study = f;
                continue;
            }
        }
        out.push(Education {
            id: String::new(),
            institution,
            degree,
            field_of_study,
            start_date: h.start.clone().filter(|_| h.end.is_some() || h.current),
            end_date: h.end.or(h.start.filter(|_| !h.current)),
            gpa: h.gpa,
            honors: bullets,
        });
    }
    out
}

fn list_items(text: &str) -> Vec<String> {
    text.split([',', ';', '|', '•', '·', '\t'])
        .map(|s| s.trim().trim_end_matches('.').trim())
        .filter(|s| !s.is_empty() && s.chars().count() <= 100)
        .map(str::to_owned)
        .collect()
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.iter().any(|s| s.eq_ignore_ascii_case(&item)) {
        list.push(item);
    }
}

fn skills(lines: &[Line], p: &mut Profile) {
    for l in lines {
        let (label, rest) = match l.text.split_once(':') {
            Some((a, b)) if a.split_whitespace().count() <= 4 && !b.trim().is_empty() => {
                (Some(a.trim().to_lowercase()), b)
            }
            _ => (None, l.text.as_str()),
        };
        let soft = label
            .as_deref()
            .is_some_and(|a| a.contains("soft") || a.contains("interpersonal"));
        let items = list_items(rest);
        if items.is_empty()
            && let Some(label) = &label
        {
            push_unique(&mut p.skills.technical, label.clone());
        }
        for item in items {
            if soft {
                push_unique(&mut p.skills.soft, item);
            } else {
                push_unique(&mut p.skills.technical, item);
            }
        }
    }
}

/// The proficiency a fluency text states ("Native speaker", "Full professional proficiency",
/// "B2"…); basic when it says nothing known.
pub fn fluency_level(text: &str) -> Proficiency {
    let f = text.to_lowercase();
    if f.contains("native") || f.contains("bilingual") || f.contains("mother") {
        Proficiency::Native
    } else if f.contains("fluent")
        || f.contains("professional")
        || f.contains("advanced")
        || f.contains("proficient")
        || f.contains("c1")
        || f.contains("c2")
    {
        Proficiency::Fluent
    } else if f.contains("conversational")
        || f.contains("working")
        || f.contains("intermediate")
        || f.contains("b1")
        || f.contains("b2")
    {
        Proficiency::Conversational
    } else {
        Proficiency::Basic
    }
}

fn languages(lines: &[Line], p: &mut Profile) {
    static LEVEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>[\p{L} ]+?)\s*(?:[:(–—\-]\s*(?P<level>[^)]*)\)?)?$")
            .expect("valid language regex")
    });
    for l in lines {
        // "English: Native" on one line, or a list "English (Native), Spanish (B2)".
        let items: Vec<String> = if l.text.contains(':') && !l.text.contains(',') {
            vec![l.text.clone()]
        } else {
            l.text
                .split([',', ';', '|', '•', '·', '\t'])
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        for item in items {
            let Some(c) = LEVEL.captures(item.trim()) else {
                continue;
            };
            let name = c["name"].trim().to_owned();
            if name.is_empty() || name.split_whitespace().count() > 3 {
                continue;
            }
            let level = c.name("level").map_or("", |m| m.as_str());
            if !p
                .skills
                .languages
                .iter()
                .any(|x| x.name.eq_ignore_ascii_case(&name))
            {
                p.skills.languages.push(Language {
                    name,
                    proficiency: fluency_level(level),
                });
            }
        }
    }
}

fn certifications(lines: &[Line], p: &mut Profile) {
    for l in lines {
        if is_prose(l) {
            continue;
        }
        let h = read_head(std::slice::from_ref(l), false, false);
        let Some(name) = h.parts.first().cloned() else {
            continue;
        };
        p.skills.certifications.push(Certification {
            id: String::new(),
            name,
            issuer: h.parts.get(1).cloned().unwrap_or_default(),
            date_obtained: h.start.or(h.end),
            expiry_date: None,
            credential_id: None,
            verification_url: h.url,
        });
    }
}

fn projects(lines: &[Line]) -> Vec<Project> {
    let mut out: Vec<Project> = Vec::new();
    for b in blocks(lines) {
        let h = read_head(&b.head, false, true);
        let mut technologies = Vec::new();
        let mut prose = Vec::new();
        let mut bullets = Vec::new();
        let mut url = h.url.clone();
        for l in &b.body {
            if let Some(n) = body_label(&l.text) {
                technologies.extend(list_items(l.text.get(n..).unwrap_or_default()));
            } else if url.is_none()
                && let Some(m) = URL.find(&l.text)
                && m.as_str().len() * 2 >= l.text.len()
            {
                url = Some(with_scheme(m.as_str()));
            } else if l.bullet {
                bullets.push(l.text.clone());
            } else {
                prose.push(l.text.clone());
            }
        }
        let mut parts = h.parts.into_iter();
        let Some(name) = parts.next() else {
            if let Some(prev) = out.last_mut() {
                prev.technologies.extend(technologies);
            }
            continue;
        };
        let rest: Vec<String> = parts.collect();
        let description = if !prose.is_empty() {
            prose.join(" ")
        } else if !rest.is_empty() {
            rest.join(" ")
        } else {
            bullets.join("; ")
        };
        out.push(Project {
            id: String::new(),
            name,
            description,
            technologies,
            url,
            start_date: h.start.clone().filter(|_| h.end.is_some() || h.current),
            end_date: h.end.or(h.start.filter(|_| !h.current)),
        });
    }
    out
}

type Sections = Vec<(Option<Section>, Vec<Line>)>;

/// Splits lines into sections at headings; a column start without a heading opens a header
/// part of its own.
fn split_sections(lines: &[Line]) -> Sections {
    let mut sections: Sections = vec![(None, Vec::new())];
    for (i, l) in lines.iter().enumerate() {
        // In a PDF a heading stands apart: after a gap, in capitals, or in another size than
        // the line before. A word like "Technologies" that merely wraps is no heading.
        let wrapped_word = i > 0 && {
            let prev = &lines[i - 1];
            !l.gap
                && !l.column_start
                && !prev.bullet
                && l.text.chars().any(char::is_lowercase)
                && matches!((l.size, prev.size), (Some(a), Some(b)) if (a - b).abs() < 0.3)
        };
        if !l.bullet
            && !wrapped_word
            && let Some(s) = section_of(&l.text)
        {
            sections.push((Some(s), Vec::new()));
            continue;
        }
        if l.column_start && !sections.last().expect("never empty").1.is_empty() {
            sections.push((None, Vec::new()));
        }
        sections.last_mut().expect("never empty").1.push(l.clone());
    }
    sections
}

fn name_candidate(l: &Line) -> bool {
    !l.bullet && is_name_like(&l.text) && !l.text.contains(',') && !is_location(&l.text)
}

/// Parses résumé lines in reading order into a profile.
pub fn parse_resume(source: &[SourceLine]) -> ParsedResume {
    let mut lines = prepare(source);
    let mut notes = Vec::new();
    let mut sections = split_sections(&lines);
    let header_has_name = |sections: &Sections| {
        sections
            .iter()
            .filter(|(s, _)| s.is_none())
            .flat_map(|(_, ls)| ls.iter().take(8))
            .any(name_candidate)
    };
    if !header_has_name(&sections) {
        // No name at the top (a sidebar first, as in a two-column DOCX table): the name-like
        // line just before the main column's first heading starts the main column.
        let found = (0..lines.len()).find(|&i| {
            let l = &lines[i];
            name_candidate(l)
                && !has_org_words(&l.text)
                && school_score(&l.text) == 0.0
                && title_score(&l.text) <= 0.0
                && lines[i + 1..].iter().take(3).any(|n| {
                    matches!(
                        section_of(&n.text),
                        Some(Section::Summary | Section::Experience)
                    )
                })
        });
        if let Some(i) = found {
            lines[i].column_start = true;
            sections = split_sections(&lines);
        }
    }

    let mut p = Profile::default();
    // The name: the most prominent name-like line of the header parts (the top of the page
    // and the top of each column), else of the first lines.
    let header: Vec<&Line> = sections
        .iter()
        .filter(|(s, _)| s.is_none())
        .flat_map(|(_, ls)| ls.iter().take(8))
        .collect();
    let pool: Vec<&Line> = if header.iter().any(|l| name_candidate(l)) {
        header.clone()
    } else {
        lines.iter().take(6).collect()
    };
    let name_line = pool
        .iter()
        .enumerate()
        .filter(|(_, l)| name_candidate(l))
        .max_by(|(ia, a), (ib, b)| {
            a.size
                .unwrap_or(0.0)
                .total_cmp(&b.size.unwrap_or(0.0))
                .then(ib.cmp(ia))
        })
        .map(|(_, l)| *l);
    match name_line {
        Some(l) => p.personal_info.full_name = l.text.trim().to_owned(),
        None => notes.push(ParseNote {
            field: "personal_info.full_name".into(),
            message: "no name found at the top of the résumé".into(),
        }),
    }
    let mut contact_lines: Vec<&Line> = header
        .iter()
        .filter(|l| name_line.is_none_or(|n| !std::ptr::eq(**l, n)))
        .copied()
        .collect();
    for (s, ls) in &sections {
        if *s == Some(Section::Contact) {
            contact_lines.extend(ls.iter());
        }
    }
    read_contacts(&mut p, &contact_lines);
    // Fall back to the whole text for e-mail and phone (footers, sidebars).
    if p.personal_info.email.is_empty()
        && let Some(m) = lines.iter().find_map(|l| EMAIL.find(&l.text))
    {
        p.personal_info.email = m.as_str().to_owned();
    }
    if p.personal_info.phone.is_none() {
        p.personal_info.phone = lines
            .iter()
            .filter(|l| !l.bullet && l.text.chars().count() < 80)
            .find_map(|l| {
                contact_items(&l.text).into_iter().find_map(|i| {
                    let i = strip_label(&i).to_owned();
                    find_phone(&i).filter(|_| digits(&i) * 2 >= i.len().min(40))
                })
            });
    }

    for (section, ls) in &sections[1..] {
        match section {
            Some(Section::Summary) => {
                let text = ls
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !text.is_empty() && p.professional_summary.is_none() {
                    p.professional_summary = Some(text);
                }
            }
            Some(Section::Experience) => {
                let offset = p.experiences.len();
                let found = experiences(ls, &mut notes, offset);
                p.experiences.extend(found);
            }
            Some(Section::Education) => p.education.extend(education(ls)),
            Some(Section::Skills) => skills(ls, &mut p),
            Some(Section::Languages) => languages(ls, &mut p),
            Some(Section::Certifications) => certifications(ls, &mut p),
            Some(Section::Projects) => p.projects.extend(projects(ls)),
            Some(Section::Contact) | Some(Section::Other) | None => {}
        }
    }
    if p.experiences.is_empty() {
        notes.push(ParseNote {
            field: "experiences".into(),
            message: "no work experience section was recognised".into(),
        });
    }
    ParsedResume { profile: p, notes }
}

/// Parses plain résumé text (TXT, Markdown, DOCX text).
pub fn parse_resume_text(text: &str) -> ParsedResume {
    parse_resume(&super::layout::text_lines(text))
}

#[cfg(test)]
mod tests;
