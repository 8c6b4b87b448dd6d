//! The typed document every renderer consumes: a resume or a cover letter whose lines carry
//! provenance (`source`, `changed`). The JSON shape is stable, `snake_case`, and tagged by
//! `kind`; optional fields are omitted when absent, lists are always present.

use serde::{Deserialize, Serialize};

/// A renderable document: `{"kind": "resume", ...}` or `{"kind": "cover_letter", ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Document {
    Resume(Resume),
    CoverLetter(CoverLetter),
}

impl Document {
    /// The person the document belongs to (PDF author).
    pub fn author(&self) -> &str {
        match self {
            Document::Resume(r) => &r.header.full_name,
            Document::CoverLetter(l) => &l.sender.full_name,
        }
    }

    /// A human title, e.g. "Jane Doe – Resume" (PDF title, HTML `<title>`).
    pub fn title(&self) -> String {
        match self {
            Document::Resume(r) => format!("{} – Resume", clean(&r.header.full_name)),
            Document::CoverLetter(l) => format!(
                "{} – Cover Letter – {}",
                clean(&l.sender.full_name),
                clean(&l.recipient.company)
            ),
        }
    }

    /// A one-line description (PDF subject).
    pub fn subject(&self) -> String {
        match self {
            Document::Resume(r) => match &r.header.headline {
                Some(h) if !h.trim().is_empty() => format!("Resume: {}", clean(h)),
                _ => "Resume".to_owned(),
            },
            Document::CoverLetter(l) => format!("Cover letter to {}", clean(&l.recipient.company)),
        }
    }

    /// Keywords for metadata: skill items for a resume, the company for a letter.
    pub fn keywords(&self) -> Vec<String> {
        match self {
            Document::Resume(r) => {
                let mut out: Vec<String> = Vec::new();
                for group in &r.skills {
                    for item in &group.items {
                        let k = clean(&item.text);
                        if !k.is_empty() && !out.contains(&k) {
                            out.push(k);
                        }
                    }
                }
                out
            }
            Document::CoverLetter(l) => vec![clean(&l.recipient.company)],
        }
    }

    /// Checks the document for values renderers cannot represent faithfully: malformed dates
    /// and empty required names. Returns every problem with a field path.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut need = |path: String, value: &str| {
            if value.trim().is_empty() {
                errors.push(ValidationError {
                    path,
                    message: "must not be empty".into(),
                });
            }
        };
        match self {
            Document::Resume(r) => {
                need("header.full_name".into(), &r.header.full_name);
                for (i, e) in r.experience.iter().enumerate() {
                    need(format!("experience[{i}].title"), &e.title.text);
                    need(format!("experience[{i}].company"), &e.company.text);
                }
                for (i, e) in r.education.iter().enumerate() {
                    need(format!("education[{i}].institution"), &e.institution);
                }
            }
            Document::CoverLetter(l) => {
                need("sender.full_name".into(), &l.sender.full_name);
                need("recipient.company".into(), &l.recipient.company);
            }
        }
        let mut check_date = |path: String, value: Option<&str>| {
            if let Some(v) = value
                && parse_date(v).is_none()
            {
                errors.push(ValidationError {
                    path,
                    message: format!("invalid date {v:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"),
                });
            }
        };
        if let Document::Resume(r) = self {
            for (i, e) in r.experience.iter().enumerate() {
                check_date(format!("experience[{i}].start_date"), Some(&e.start_date));
                check_date(format!("experience[{i}].end_date"), e.end_date.as_deref());
            }
            for (i, e) in r.education.iter().enumerate() {
                check_date(
                    format!("education[{i}].start_date"),
                    e.start_date.as_deref(),
                );
                check_date(format!("education[{i}].end_date"), e.end_date.as_deref());
            }
            for (i, c) in r.certifications.iter().enumerate() {
                check_date(format!("certifications[{i}].date"), c.date.as_deref());
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// One problem found by [`Document::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub path: String,
    pub message: String,
}

/// A piece of generated text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// True when the wording differs from the profile it came from.
    #[serde(default)]
    pub changed: bool,
}

impl Line {
    /// A line with no recorded provenance.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            source: None,
            changed: false,
        }
    }

    /// A line copied or derived from a profile item.
    pub fn sourced(
        text: impl Into<String>,
        kind: impl Into<String>,
        item_id: impl Into<String>,
        field: impl Into<String>,
    ) -> Self {
        Self {
            text: text.into(),
            source: Some(Source {
                kind: kind.into(),
                item_id: item_id.into(),
                field: field.into(),
            }),
            changed: false,
        }
    }
}

impl From<&str> for Line {
    fn from(text: &str) -> Self {
        Line::new(text)
    }
}

/// Provenance of a [`Line`]: which profile item and field it was built from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    /// e.g. `experience`, `bullet`, `project`, `skill`, `education`, `profile`.
    pub kind: String,
    pub item_id: String,
    pub field: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    pub header: Header,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Line>,
    #[serde(default)]
    pub skills: Vec<SkillGroup>,
    #[serde(default)]
    pub experience: Vec<Experience>,
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub education: Vec<Education>,
    #[serde(default)]
    pub certifications: Vec<Certification>,
    #[serde(default)]
    pub languages: Vec<Language>,
    #[serde(default)]
    pub extra_sections: Vec<ExtraSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub full_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default)]
    pub links: Vec<Link>,
}

impl Header {
    /// Contact items in display order (email, phone, location, then links as `url`).
    pub fn contact_items(&self) -> Vec<ContactItem> {
        let mut out = Vec::new();
        let mut push = |kind, v: &Option<String>| {
            if let Some(v) = v.as_deref().map(clean).filter(|v| !v.is_empty()) {
                out.push(ContactItem {
                    kind,
                    text: v,
                    url: None,
                });
            }
        };
        push(ContactKind::Email, &self.email);
        push(ContactKind::Phone, &self.phone);
        push(ContactKind::Location, &self.location);
        for l in &self.links {
            let url = clean(&l.url);
            if url.is_empty() {
                continue;
            }
            out.push(ContactItem {
                kind: ContactKind::Link,
                text: display_url(&url),
                url: safe_url(&url),
            });
        }
        if let Some(email) = out.iter_mut().find(|c| c.kind == ContactKind::Email) {
            email.url = Some(format!("mailto:{}", email.text));
        }
        out
    }
}

/// One contact detail prepared for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactItem {
    pub kind: ContactKind,
    /// Text to show (links show their URL without the scheme, so a parser reads it).
    pub text: String,
    /// A safe target (`https:`, `http:` or `mailto:`), if any.
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    Email,
    Phone,
    Location,
    Link,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A group of skills, e.g. "Technical": Rust, PostgreSQL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillGroup {
    pub name: String,
    #[serde(default)]
    pub items: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Experience {
    pub title: Line,
    pub company: Line,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub start_date: String,
    /// `None` means the role is current ("Present").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default)]
    pub bullets: Vec<Line>,
    pub source_id: String,
}

impl Experience {
    /// "Jan 2020 – Present".
    pub fn dates(&self) -> String {
        format_range(Some(&self.start_date), self.end_date.as_deref(), true)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub name: Line,
    pub description: Line,
    #[serde(default)]
    pub technologies: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub bullets: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    pub institution: String,
    pub degree: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_of_study: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default)]
    pub details: Vec<Line>,
}

impl Education {
    /// "BSc, Computer Science" (degree and field joined).
    pub fn degree_line(&self) -> String {
        match self
            .field_of_study
            .as_deref()
            .map(clean)
            .filter(|f| !f.is_empty())
        {
            Some(f) if !self.degree.trim().is_empty() => format!("{}, {}", clean(&self.degree), f),
            Some(f) => f,
            None => clean(&self.degree),
        }
    }

    /// "2014 – 2018", "2018", or "" when no dates are known. A missing end date is not
    /// "Present" here: schools are usually finished.
    pub fn dates(&self) -> String {
        format_range(self.start_date.as_deref(), self.end_date.as_deref(), false)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    pub name: String,
    pub issuer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    pub name: String,
    pub proficiency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraSection {
    pub heading: String,
    #[serde(default)]
    pub items: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverLetter {
    pub sender: Sender,
    pub date: String,
    pub recipient: Recipient,
    pub salutation: String,
    #[serde(default)]
    pub paragraphs: Vec<Line>,
    pub closing: String,
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    pub full_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

impl Sender {
    /// Contact items (email, phone, location) in display order.
    pub fn contact_items(&self) -> Vec<ContactItem> {
        Header {
            full_name: self.full_name.clone(),
            headline: None,
            email: self.email.clone(),
            phone: self.phone.clone(),
            location: self.location.clone(),
            links: Vec::new(),
        }
        .contact_items()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub company: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hiring_manager: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Shared text helpers used by every renderer.

/// The separator between contact items.
pub const CONTACT_SEPARATOR: &str = " | ";
/// The separator between two dates of a range (an en dash with spaces).
pub const DATE_RANGE_SEPARATOR: &str = " – ";

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A parsed `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (day is validated, then ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else.
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let mut parts = s.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let year: u16 = year.parse().ok()?;
    let month = match parts.next() {
        None => None,
        Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            let m: u8 = m.parse().ok()?;
            if !(1..=12).contains(&m) {
                return None;
            }
            Some(m)
        }
        Some(_) => return None,
    };
    if let Some(d) = parts.next() {
        let day: u8 = (d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
            .then(|| d.parse().ok())
            .flatten()?;
        if month.is_none() || !(1..=31).contains(&day) {
            return None;
        }
    }
    if parts.next().is_some() {
        return None;
    }
    Some(PartialDate { year, month })
}

/// Formats one date as `Mon YYYY` or `YYYY`. Malformed input is shown as given (trimmed).
pub fn format_date(s: &str) -> String {
    match parse_date(s) {
        Some(PartialDate {
            year,
            month: Some(m),
        }) => format!("{} {year}", MONTHS[usize::from(m) - 1]),
        Some(PartialDate { year, month: None }) => year.to_string(),
        None => clean(s),
    }
}

/// Formats a date range: `Jan 2020 – Mar 2022`, `2019 – Present`. With `open_is_present`
/// a missing end renders as `Present`; otherwise a lone date renders alone.
pub fn format_range(start: Option<&str>, end: Option<&str>, open_is_present: bool) -> String {
    let start = start.map(format_date).filter(|s| !s.is_empty());
    let end = match end.map(format_date).filter(|s| !s.is_empty()) {
        Some(e) => Some(e),
        None if open_is_present && start.is_some() => Some("Present".to_owned()),
        None => None,
    };
    match (start, end) {
        (Some(s), Some(e)) if s == e => s,
        (Some(s), Some(e)) => format!("{s}{DATE_RANGE_SEPARATOR}{e}"),
        (Some(s), None) => s,
        (None, Some(e)) => e,
        (None, None) => String::new(),
    }
}

/// Collapses every run of whitespace (newlines and tabs included) to one space and trims.
/// Renderers show user text through this so a stray newline cannot break the layout.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Returns a link target that is safe to make clickable: `http(s)://` and `mailto:` are kept,
/// a bare host such as `github.com/jane` gets `https://`, anything else (`javascript:`, `data:`,
/// `file:`) is refused.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        return Some(url.to_owned());
    }
    match lower.find(':') {
        // `host:port/...` has a digit after the colon; `scheme:` does not.
        Some(i) if !lower[i + 1..].starts_with(|c: char| c.is_ascii_digit()) => None,
        _ if lower.contains('.') && !lower.starts_with('/') => Some(format!("https://{url}")),
        _ => None,
    }
}

/// The URL as shown in text: without `https://`, `http://`, `mailto:` or a trailing slash.
pub fn display_url(url: &str) -> String {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(url, |p| &url[p.len()..]);
    rest.strip_suffix('/').unwrap_or(rest).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_format() {
        assert_eq!(format_date("2020-01"), "Jan 2020");
        assert_eq!(format_date("2020-12-31"), "Dec 2020");
        assert_eq!(format_date("2019"), "2019");
        assert_eq!(format_date(" soon "), "soon");
        assert_eq!(
            format_range(Some("2020-01"), None, true),
            "Jan 2020 – Present"
        );
        assert_eq!(
            format_range(Some("2014"), Some("2018"), false),
            "2014 – 2018"
        );
        assert_eq!(format_range(None, Some("2018-06"), false), "Jun 2018");
        assert_eq!(format_range(None, None, true), "");
        assert!(parse_date("2020-13").is_none());
        assert!(parse_date("2020-1").is_none());
        assert!(parse_date("2020-02-32").is_none());
        assert!(parse_date("2020-02-03-04").is_none());
        assert!(parse_date("20201").is_none());
    }

    #[test]
    fn urls_are_sanitised() {
        assert_eq!(
            safe_url("github.com/jane").as_deref(),
            Some("https://github.com/jane")
        );
        assert_eq!(safe_url("https://x.dev").as_deref(), Some("https://x.dev"));
        assert_eq!(
            safe_url("localhost:8080/x.y").as_deref(),
            Some("https://localhost:8080/x.y")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("JavaScript:alert(1).x"), None);
        assert_eq!(safe_url("data:text/html,hi"), None);
        assert_eq!(safe_url("/etc/passwd"), None);
        assert_eq!(display_url("https://github.com/jane/"), "github.com/jane");
    }

    #[test]
    fn json_shape_is_tagged_snake_case() {
        let doc = Document::CoverLetter(CoverLetter {
            sender: Sender {
                full_name: "A".into(),
                email: None,
                phone: None,
                location: None,
            },
            date: "2026-01-02".into(),
            recipient: Recipient {
                company: "C".into(),
                hiring_manager: None,
                address: None,
            },
            salutation: "Dear team,".into(),
            paragraphs: vec![Line::sourced("p", "profile", "p1", "summary")],
            closing: "Sincerely,".into(),
            signature: "A".into(),
        });
        let json = serde_json::to_string(&doc).unwrap();
        assert!(
            json.starts_with(r#"{"kind":"cover_letter","sender":{"full_name":"A"}"#),
            "{json}"
        );
        assert!(json.contains(r#"{"text":"p","source":{"kind":"profile","item_id":"p1","field":"summary"},"changed":false}"#));
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        // `changed` defaults to false and lists default to empty.
        let min: Document = serde_json::from_str(
            r#"{"kind":"resume","header":{"full_name":"X"},"summary":{"text":"s"}}"#,
        )
        .unwrap();
        let Document::Resume(r) = &min else { panic!() };
        assert!(!r.summary.as_ref().unwrap().changed);
        assert!(r.experience.is_empty());
        assert!(min.validate().is_ok());
    }

    #[test]
    fn validate_reports_paths() {
        let doc: Document = serde_json::from_str(
            r#"{"kind":"resume","header":{"full_name":" "},"experience":[{"title":{"text":"T"},
            "company":{"text":"C"},"start_date":"2020-13","source_id":"e1"}]}"#,
        )
        .unwrap();
        let errs = doc.validate().unwrap_err();
        let paths: Vec<_> = errs.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["header.full_name", "experience[0].start_date"]);
    }
}
