//! `POST /profiles/import`: a profile from the résumé a person already has.
//!
//! The body is a JSON Resume document (`application/json`), or `multipart/form-data` with a
//! `file`: `.json` (JSON Resume), `.zip` (LinkedIn's "Download your data" export), `.pdf`,
//! `.docx`, `.txt` or `.md` (a résumé, read by `jobwise_engine::resume`). Files are at most
//! [`MAX_UPLOAD_BYTES`]; PDFs at most [`MAX_PDF_PAGES`] pages; zip containers are read with
//! `jobwise_extract`'s caps. Every import answers with the profile and an [`ImportReport`]
//! saying what was normalised, truncated, dropped or uncertain; `?dry_run=true` answers 200
//! and stores nothing.
//!
//! Whatever the source, [`fit`] then makes the profile valid without refusing it: texts over
//! their limit are cut, lists over their limit keep their first items, URLs get `https://`,
//! dates are normalised, and items the model cannot hold (a job without an employer, a title
//! or a start date) are dropped — each change reported.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jobwise_engine::profile::{Certification, Education, Experience, Project, Skills};
use jobwise_engine::resume::{self as parser, DateValue, ParsedResume};
use jobwise_extract::{Cancel, CancelOnDrop, ExtractError, SampleFormat};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::json_resume;
use super::model::{
    ProfileContent, ProfileRules, is_url, limits, parse_partial_date, valid_item_id,
};
use super::store::{self, Profile};
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::http::AuthUser;
use crate::http::json::{body_rejection, parse_json, rules};

/// Largest accepted upload.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Most pages read from a PDF résumé.
pub const MAX_PDF_PAGES: usize = 20;

/// The import route, with its own body limit (room for the file and the multipart envelope).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(import_profile))
        .route_layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES + 64 * 1024))
}

/// Where an import came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    /// A JSON Resume document (body or `.json` file).
    JsonResume,
    /// A LinkedIn data export (`.zip`).
    Linkedin,
    /// A PDF résumé.
    Pdf,
    /// A Word résumé.
    Docx,
    /// A plain-text résumé.
    Txt,
    /// A Markdown résumé.
    Md,
}

/// One change or doubt, by field path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ReportEntry {
    /// Path in the source (`work[2].startDate`) or, for parsed files, in the profile
    /// (`experiences[0].end_date`).
    pub field: String,
    /// What happened, in a sentence.
    pub message: String,
}

/// What an import changed or could not place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportReport {
    /// What the profile was read from.
    pub source: ImportSource,
    /// Values rewritten to the profile's form (dates, URLs without a scheme).
    pub normalized: Vec<ReportEntry>,
    /// Lists and texts cut to the profile's limits.
    pub truncated: Vec<ReportEntry>,
    /// Values and items left out of the profile.
    pub dropped: Vec<ReportEntry>,
    /// Doubts: values kept as read, or read with low confidence.
    pub warnings: Vec<ReportEntry>,
}

impl ImportReport {
    /// An empty report.
    pub fn new(source: ImportSource) -> Self {
        Self {
            source,
            normalized: Vec::new(),
            truncated: Vec::new(),
            dropped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn entry(field: impl Into<String>, message: impl Into<String>) -> ReportEntry {
        ReportEntry {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Records a normalised value.
    pub fn normalized(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.normalized.push(Self::entry(field, message));
    }

    /// Records a truncation.
    pub fn truncated(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.truncated.push(Self::entry(field, message));
    }

    /// Keeps the first `limit` items of `list` (the profile's limit for `field`), reporting
    /// how many there were when it cuts.
    pub fn cap<T>(&mut self, field: &str, list: &mut Vec<T>, limit: usize) {
        if list.len() > limit {
            self.truncated(field, format!("kept the first {limit} of {}", list.len()));
            list.truncate(limit);
        }
    }

    /// Records something left out.
    pub fn dropped(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.dropped.push(Self::entry(field, message));
    }

    /// Records a doubt.
    pub fn warning(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Self::entry(field, message));
    }

    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.normalized.is_empty()
            && self.truncated.is_empty()
            && self.dropped.is_empty()
            && self.warnings.is_empty()
    }
}

/// How a date text reads in the profile's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFix {
    /// Already `YYYY[-MM[-DD]]`.
    Same(String),
    /// Rewritten to `YYYY[-MM[-DD]]`.
    Normalized(String),
    /// Only part could be read (`Summer 2014` → `2014`).
    Inexact(String),
    /// Means "still going on" (`Present`, `Ongoing`, `current`).
    Present,
    /// No date in it.
    Unreadable,
}

/// Reads a free-form date (see `jobwise_engine::resume::dates`).
pub fn read_date(text: &str) -> DateFix {
    let t = text.trim();
    if parse_partial_date(t).is_some() {
        return DateFix::Same(t.to_owned());
    }
    match parser::parse_date(t) {
        Some(DateValue::Date { iso, exact: true }) if parse_partial_date(&iso).is_some() => {
            DateFix::Normalized(iso)
        }
        Some(DateValue::Date { iso, exact: false }) if parse_partial_date(&iso).is_some() => {
            DateFix::Inexact(iso)
        }
        Some(DateValue::Present) => DateFix::Present,
        _ => DateFix::Unreadable,
    }
}

/// A usable URL: `(url, changed)`; `https://` is added to a scheme-less address
/// (`linkedin.com/in/jane`, `//example.com`). `None` when it is no web address.
pub fn fix_url(text: &str) -> Option<(String, bool)> {
    let t = text.trim();
    if is_url(t) {
        return Some((t.to_owned(), false));
    }
    if t.contains("://") {
        return None;
    }
    let candidate = format!("https://{}", t.trim_start_matches('/'));
    is_url(&candidate).then_some((candidate, true))
}

fn cut(text: &mut String, max: usize) -> bool {
    if text.chars().count() > max {
        *text = text
            .chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_owned();
        true
    } else {
        false
    }
}

/// Makes `content` valid against every profile rule, changing (and reporting) rather than
/// refusing. Paths are profile paths.
pub fn fit(content: &mut ProfileContent, report: &mut ImportReport) {
    content.tidy();
    let mut f = Fitter(report);
    f.personal_info(content);
    content.experiences = f.entries(
        "experiences",
        std::mem::take(&mut content.experiences),
        limits::EXPERIENCES,
        Fitter::experience,
    );
    content.education = f.entries(
        "education",
        std::mem::take(&mut content.education),
        limits::EDUCATION,
        Fitter::education,
    );
    f.skills(&mut content.skills);
    content.projects = f.entries(
        "projects",
        std::mem::take(&mut content.projects),
        limits::PROJECTS,
        Fitter::project,
    );
    f.custom_fields(&mut content.custom_fields);
    keep_valid_ids(content);
}

/// The fitting rules, each recording what it changed in the import report.
struct Fitter<'r>(&'r mut ImportReport);

impl Fitter<'_> {
    /// Keeps each entry the rule `fit_one` accepts (it reports the ones it drops), fitted, and
    /// then at most `limit` of them. `fit_one` gets the entry's path (`experiences[3]`).
    fn entries<T>(
        &mut self,
        section: &str,
        items: Vec<T>,
        limit: usize,
        mut fit_one: impl FnMut(&mut Self, &str, &mut T) -> bool,
    ) -> Vec<T> {
        let mut kept = Vec::new();
        for (i, mut item) in items.into_iter().enumerate() {
            if fit_one(self, &format!("{section}[{i}]"), &mut item) {
                kept.push(item);
            }
        }
        self.0.cap(section, &mut kept, limit);
        kept
    }

    fn text(&mut self, path: &str, value: &mut String, max: usize) {
        if cut(value, max) {
            self.0.truncated(path, format!("cut to {max} characters"));
        }
    }

    fn opt_text(&mut self, path: &str, value: &mut Option<String>, max: usize) {
        if let Some(v) = value {
            self.text(path, v, max);
        }
    }

    fn url(&mut self, path: &str, value: &mut Option<String>) {
        if let Some(v) = value.take() {
            match fix_url(&v) {
                Some((u, false)) => *value = Some(u),
                Some((u, true)) => {
                    self.0.normalized(path, format!("added https:// to {v:?}"));
                    *value = Some(u);
                }
                None => self.0.dropped(path, format!("{v:?} is not a web address")),
            }
        }
    }

    /// Reads a date, reporting how; `Present` is returned as such.
    fn date(&mut self, path: &str, value: &str) -> DateFix {
        let fix = read_date(value);
        match &fix {
            DateFix::Same(_) | DateFix::Present => {}
            DateFix::Normalized(d) => self.0.normalized(path, format!("read {value:?} as {d}")),
            DateFix::Inexact(d) => self.0.warning(
                path,
                format!("only the year could be read from {value:?}; kept as {d}"),
            ),
            DateFix::Unreadable => self.0.dropped(path, format!("{value:?} is not a date")),
        }
        fix
    }

    fn opt_date(&mut self, path: &str, value: &mut Option<String>) {
        if let Some(v) = value.take() {
            *value = match self.date(path, &v) {
                DateFix::Same(d) | DateFix::Normalized(d) | DateFix::Inexact(d) => Some(d),
                DateFix::Present | DateFix::Unreadable => None,
            };
        }
    }

    /// Drops an end date before its start date, with `message` as the reason.
    fn end_after_start(
        &mut self,
        path: &str,
        start: Option<&str>,
        end: &mut Option<String>,
        message: &str,
    ) {
        if let (Some(s), Some(e)) = (
            start.and_then(parse_partial_date),
            end.as_deref().and_then(parse_partial_date),
        ) && e < s
        {
            self.0.dropped(path, message);
            *end = None;
        }
    }

    fn list(&mut self, path: &str, items: &mut Vec<String>, max: usize, len: usize) {
        items.retain(|s| !s.trim().is_empty());
        if items.len() > max {
            self.0.truncated(
                path,
                format!("kept the first {max} of {} entries", items.len()),
            );
            items.truncate(max);
        }
        for (i, item) in items.iter_mut().enumerate() {
            if cut(item, len) {
                self.0
                    .truncated(format!("{path}[{i}]"), format!("cut to {len} characters"));
            }
        }
    }

    fn personal_info(&mut self, content: &mut ProfileContent) {
        let p = &mut content.personal_info;
        self.text("personal_info.full_name", &mut p.full_name, limits::NAME);
        if !p.email.is_empty() && !rules::is_email(&p.email) {
            self.0.dropped(
                "personal_info.email",
                format!("{:?} is not an e-mail address", p.email),
            );
            p.email.clear();
        }
        if p.email.is_empty() {
            self.0.warning(
                "personal_info.email",
                "no e-mail address: the profile has none (add it before applying)",
            );
        }
        self.opt_text("personal_info.phone", &mut p.phone, 50);
        self.opt_text("personal_info.location", &mut p.location, limits::NAME);
        self.url("personal_info.linkedin", &mut p.linkedin);
        self.url("personal_info.github", &mut p.github);
        self.url("personal_info.website", &mut p.website);
        self.opt_text(
            "professional_summary",
            &mut content.professional_summary,
            limits::DESCRIPTION,
        );
    }

    fn experience(&mut self, path: &str, x: &mut Experience) -> bool {
        let at = |f: &str| format!("{path}.{f}");
        if x.title.is_empty() && x.company.is_empty() {
            self.0.dropped(
                path,
                "has neither a title nor an employer, which a job in the profile needs",
            );
            return false;
        }
        if !x.start_date.is_empty() {
            x.start_date = match self.date(&at("start_date"), &x.start_date) {
                DateFix::Same(d) | DateFix::Normalized(d) | DateFix::Inexact(d) => d,
                DateFix::Present | DateFix::Unreadable => String::new(),
            };
        }
        for (field, value) in [("title", &x.title), ("company", &x.company)] {
            if value.is_empty() {
                self.0
                    .warning(at(field), "not given: the job is kept without it");
            }
        }
        if let Some(end) = x.end_date.take() {
            match self.date(&at("end_date"), &end) {
                DateFix::Same(d) | DateFix::Normalized(d) | DateFix::Inexact(d) => {
                    x.end_date = Some(d);
                    x.is_current = false;
                }
                DateFix::Present => x.is_current = true,
                DateFix::Unreadable => {}
            }
        }
        let before_start = format!(
            "{:?} is before the start date",
            x.end_date.clone().unwrap_or_default()
        );
        self.end_after_start(
            &at("end_date"),
            Some(x.start_date.as_str()),
            &mut x.end_date,
            &before_start,
        );
        self.text(&at("title"), &mut x.title, limits::NAME);
        self.text(&at("company"), &mut x.company, limits::NAME);
        self.opt_text(&at("location"), &mut x.location, limits::NAME);
        self.opt_text(&at("description"), &mut x.description, limits::DESCRIPTION);
        self.list(
            &at("achievements"),
            &mut x.achievements,
            limits::ACHIEVEMENTS,
            limits::BULLET,
        );
        true
    }

    fn education(&mut self, path: &str, x: &mut Education) -> bool {
        let at = |f: &str| format!("{path}.{f}");
        if x.institution.is_empty() {
            self.0.dropped(
                path,
                format!(
                    "{:?} has no school, which an education entry needs",
                    x.degree
                ),
            );
            return false;
        }
        self.text(&at("institution"), &mut x.institution, limits::NAME);
        self.text(&at("degree"), &mut x.degree, limits::NAME);
        self.opt_text(&at("field_of_study"), &mut x.field_of_study, limits::NAME);
        self.opt_date(&at("start_date"), &mut x.start_date);
        self.opt_date(&at("end_date"), &mut x.end_date);
        self.end_after_start(
            &at("end_date"),
            x.start_date.as_deref(),
            &mut x.end_date,
            "is before the start date",
        );
        if x.gpa.is_some_and(|g| !(0.0..=4.0).contains(&g)) {
            self.0.dropped(at("gpa"), "is not between 0 and 4");
            x.gpa = None;
        }
        self.list(
            &at("honors"),
            &mut x.honors,
            limits::ACHIEVEMENTS,
            limits::BULLET,
        );
        true
    }

    fn skills(&mut self, s: &mut Skills) {
        self.list(
            "skills.technical",
            &mut s.technical,
            limits::TECHNICAL,
            limits::NAME,
        );
        self.list("skills.soft", &mut s.soft, limits::SOFT, limits::NAME);
        s.languages.retain(|l| !l.name.is_empty());
        self.0
            .cap("skills.languages", &mut s.languages, limits::LANGUAGES);
        for (i, l) in s.languages.iter_mut().enumerate() {
            self.text(
                &format!("skills.languages[{i}].name"),
                &mut l.name,
                limits::NAME,
            );
        }
        s.certifications = self.entries(
            "skills.certifications",
            std::mem::take(&mut s.certifications),
            limits::CERTIFICATIONS,
            Fitter::certification,
        );
    }

    fn certification(&mut self, path: &str, c: &mut Certification) -> bool {
        let at = |f: &str| format!("{path}.{f}");
        if c.name.is_empty() {
            self.0.dropped(path, "has no name");
            return false;
        }
        self.text(&at("name"), &mut c.name, limits::NAME);
        self.text(&at("issuer"), &mut c.issuer, limits::NAME);
        self.opt_date(&at("date_obtained"), &mut c.date_obtained);
        self.opt_date(&at("expiry_date"), &mut c.expiry_date);
        self.end_after_start(
            &at("expiry_date"),
            c.date_obtained.as_deref(),
            &mut c.expiry_date,
            "is before the date obtained",
        );
        self.opt_text(&at("credential_id"), &mut c.credential_id, limits::NAME);
        self.url(&at("verification_url"), &mut c.verification_url);
        true
    }

    fn project(&mut self, path: &str, x: &mut Project) -> bool {
        let at = |f: &str| format!("{path}.{f}");
        if x.name.is_empty() {
            self.0.dropped(path, "has no name");
            return false;
        }
        self.text(&at("name"), &mut x.name, limits::NAME);
        self.text(&at("description"), &mut x.description, limits::DESCRIPTION);
        self.list(&at("technologies"), &mut x.technologies, 50, limits::NAME);
        self.url(&at("url"), &mut x.url);
        self.opt_date(&at("start_date"), &mut x.start_date);
        self.opt_date(&at("end_date"), &mut x.end_date);
        self.end_after_start(
            &at("end_date"),
            x.start_date.as_deref(),
            &mut x.end_date,
            "is before the start date",
        );
        true
    }

    fn custom_fields(&mut self, fields: &mut BTreeMap<String, String>) {
        let too_long: Vec<String> = fields
            .iter()
            .filter(|(_, v)| v.chars().count() > 20_000)
            .map(|(k, _)| k.clone())
            .collect();
        for key in too_long {
            fields.remove(&key);
            self.0.dropped(
                format!("custom_fields.{key}"),
                if key == json_resume::EXTRA_KEY {
                    "the parts of the document without a place in the profile are over 20,000 \
                     characters, so they are not kept (exports will not include them)"
                        .to_owned()
                } else {
                    "is over 20,000 characters".to_owned()
                },
            );
        }
        while fields.len() > limits::CUSTOM_FIELDS {
            let Some(key) = fields.keys().next_back().cloned() else {
                break;
            };
            fields.remove(&key);
            self.0
                .dropped(format!("custom_fields.{key}"), "over 50 custom fields");
        }
    }
}

/// Ids: keeps valid unique ones and clears the rest, which the server then assigns.
fn keep_valid_ids(content: &mut ProfileContent) {
    let mut seen = std::collections::HashSet::new();
    let mut check = |id: &mut String| {
        if !id.is_empty() && (!valid_item_id(id) || !seen.insert(id.clone())) {
            id.clear();
        }
    };
    content
        .experiences
        .iter_mut()
        .for_each(|x| check(&mut x.id));
    content.education.iter_mut().for_each(|x| check(&mut x.id));
    content.projects.iter_mut().for_each(|x| check(&mut x.id));
    content
        .skills
        .certifications
        .iter_mut()
        .for_each(|x| check(&mut x.id));
}

/// A parsed résumé (engine profile) as service profile content, with its notes as warnings.
pub fn from_parsed(parsed: ParsedResume, report: &mut ImportReport) -> AppResult<ProfileContent> {
    for note in parsed.notes {
        report.warning(note.field, note.message);
    }
    let mut content = parsed.profile;
    content.custom_fields.clear();
    Ok(content)
}

/// The file types the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Json,
    Zip,
    Resume(SampleFormat),
}

fn file_kind(name: &str) -> Option<FileKind> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".json") {
        Some(FileKind::Json)
    } else if lower.ends_with(".zip") {
        Some(FileKind::Zip)
    } else {
        SampleFormat::from_file_name(name).map(FileKind::Resume)
    }
}

/// LinkedIn export files the import reads (`Phone Numbers.csv` is the 2018 export's name for
/// `PhoneNumbers.csv`).
const LINKEDIN_FILES: [&str; 10] = [
    "Profile.csv",
    "Positions.csv",
    "Education.csv",
    "Skills.csv",
    "Email Addresses.csv",
    "PhoneNumbers.csv",
    "Phone Numbers.csv",
    "Certifications.csv",
    "Projects.csv",
    "Languages.csv",
];

/// Reads an uploaded file into profile content and its report (CPU work: run it off the
/// async threads).
fn read_file(
    kind: FileKind,
    bytes: &[u8],
    cancel: &Cancel,
) -> AppResult<(ProfileContent, ImportReport)> {
    match kind {
        FileKind::Json => {
            let doc: Value = parse_json(bytes)?;
            json_resume::import(&doc)
        }
        FileKind::Zip => {
            let entries = jobwise_extract::read_zip_entries(bytes, |name| {
                let base = name.rsplit('/').next().unwrap_or(name);
                LINKEDIN_FILES.iter().any(|f| f.eq_ignore_ascii_case(base))
            })
            .map_err(AppError::from)?;
            if entries.is_empty() {
                return Err(AppError::invalid_field(
                    "file",
                    "the zip holds none of LinkedIn's export files (Profile.csv, Positions.csv, …)",
                ));
            }
            let files: Vec<(String, String)> = entries
                .into_iter()
                .map(|(name, data)| (name, String::from_utf8_lossy(&data).into_owned()))
                .collect();
            let mut report = ImportReport::new(ImportSource::Linkedin);
            let content = from_parsed(parser::from_linkedin(&files), &mut report)?;
            Ok((content, report))
        }
        FileKind::Resume(format) => {
            let source = match format {
                SampleFormat::Pdf => ImportSource::Pdf,
                SampleFormat::Docx => ImportSource::Docx,
                SampleFormat::Markdown => ImportSource::Md,
                SampleFormat::Text => ImportSource::Txt,
            };
            let parsed = parse_resume_file(format, bytes, cancel).map_err(AppError::from)?;
            let mut report = ImportReport::new(source);
            let content = from_parsed(parsed, &mut report)?;
            Ok((content, report))
        }
    }
}

/// Reads a résumé file (PDF with positions, so two-column layouts are read column by
/// column; DOCX, TXT and Markdown as text) and parses it. Pure CPU work, within the same
/// budgets as writing samples (pages, content operators, glyphs, inflated bytes) and stopped
/// when `cancel` fires.
pub fn parse_resume_file(
    format: SampleFormat,
    bytes: &[u8],
    cancel: &Cancel,
) -> Result<ParsedResume, ExtractError> {
    let lines = match format {
        SampleFormat::Pdf => {
            let pages = jobwise_extract::extract_pdf_layout(bytes, MAX_PDF_PAGES, cancel)?;
            parser::reading_order(&to_engine_pages(pages))
        }
        other => {
            let text = jobwise_extract::extract_text_with(other, bytes, cancel)?;
            // Every DOCX paragraph is followed by a blank line, so a gap means nothing there.
            let text = if other == SampleFormat::Docx {
                text.replace("\n\n", "\n")
            } else {
                text
            };
            parser::text_lines(&text)
        }
    };
    Ok(parser::parse_resume(&lines))
}

/// The extractor's positioned pages in the parser's terms.
pub fn to_engine_pages(pages: Vec<jobwise_extract::LayoutPage>) -> Vec<parser::PositionedPage> {
    pages
        .into_iter()
        .map(|p| parser::PositionedPage {
            lines: p
                .lines
                .into_iter()
                .map(|l| parser::PositionedLine {
                    y: l.y,
                    size: l.size,
                    spans: l
                        .spans
                        .into_iter()
                        .map(|s| parser::Span {
                            text: s.text,
                            x0: s.x0,
                            x1: s.x1,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// `?dry_run=`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `true`: answer 200 with what was read and store nothing.
    #[serde(default)]
    pub dry_run: Option<String>,
}

/// A created profile with its import report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportedProfile {
    /// The stored profile.
    #[serde(flatten)]
    pub profile: Profile,
    /// What the import changed or could not place.
    pub import_report: ImportReport,
}

/// What a dry run read (nothing stored: no id or version).
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportPreview {
    /// The profile as it would be stored.
    #[serde(flatten)]
    pub content: ProfileContent,
    /// What the import changed or could not place.
    pub import_report: ImportReport,
}

async fn read_upload(mut multipart: Multipart) -> AppResult<(String, Bytes)> {
    let too_large =
        || AppError::PayloadTooLarge(format!("files are limited to {MAX_UPLOAD_BYTES} bytes"));
    while let Some(field) = multipart.next_field().await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            AppError::BadRequest {
                message: format!("Malformed multipart body: {}.", e.body_text()),
                details: Vec::new(),
            }
        }
    })? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                AppError::invalid_field("file", "could not be read")
            }
        })?;
        if bytes.len() > MAX_UPLOAD_BYTES {
            return Err(too_large());
        }
        return Ok((name, bytes));
    }
    Err(AppError::invalid_field("file", "is required"))
}

/// Create a profile from an existing résumé: a JSON Resume document as the body, or a file
/// (multipart `file`: `.json`, LinkedIn `.zip`, `.pdf`, `.docx`, `.txt`, `.md`).
#[utoipa::path(post, path = "/import", tag = "profiles", params(ImportQuery),
    request_body(description = "A JSON Resume v1 document (only basics.name is required), or multipart/form-data with a file",
        content(
        (Object = "application/json", example = json!({"basics": {"name": "Jane Doe", "email": "jane@example.com"},
                "work": [{"name": "Acme", "position": "Engineer", "startDate": "May 2019", "highlights": ["Cut costs 20%"]}]})),
        (Object = "multipart/form-data", example = json!({"file": "(binary .json, .zip, .pdf, .docx, .txt or .md; at most 10 MiB)"}))
    )),
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 201, description = "Profile created, with the import report", body = ImportedProfile,
            headers(("Location" = String, description = "URL of the profile"))),
        (status = 200, description = "Dry run: what would be stored, with the report", body = ImportPreview),
        (status = 413, description = "File over 10 MiB, or over the page or zip caps", body = ErrorBody),
        (status = 415, description = "Not JSON or multipart, or a file type other than .json, .zip, .pdf, .docx, .txt, .md", body = ErrorBody),
        (status = 422, description = "No basics.name, an unreadable file, or a PDF without a text layer", body = ErrorBody)))]
pub async fn import_profile(
    State(state): State<AppState>,
    user: AuthUser,
    Query(query): Query<ImportQuery>,
    request: Request,
) -> AppResult<Response> {
    let dry_run = match query.dry_run.as_deref() {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") | Some("") => true,
        Some(_) => return Err(AppError::invalid_field("dry_run", "must be true or false")),
    };
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (content, mut report) = if content_type.starts_with("multipart/form-data") {
        let multipart = Multipart::from_request(request, &state)
            .await
            .map_err(|e| AppError::BadRequest {
                message: format!("Malformed multipart body: {}.", e.body_text()),
                details: Vec::new(),
            })?;
        let (name, bytes) = read_upload(multipart).await?;
        let kind = file_kind(&name).ok_or_else(|| {
            AppError::UnsupportedMediaType(
                "import files must be .json, .zip (LinkedIn export), .pdf, .docx, .txt or .md"
                    .into(),
            )
        })?;
        // Stops at the request's deadline, or as soon as the request is dropped; library log
        // lines carry the request id.
        let cancel =
            Cancel::with_deadline(std::time::Instant::now() + state.config.request_timeout);
        let _guard = CancelOnDrop(cancel.clone());
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(|| read_file(kind, &bytes, &cancel)))
            .await
            .map_err(|e| AppError::Internal(e.into()))??
    } else if content_type.starts_with("application/json") || content_type.contains("+json") {
        let headers: HeaderMap = request.headers().clone();
        crate::http::json::require_json_content_type(&headers)?;
        let bytes = Bytes::from_request(request, &state)
            .await
            .map_err(body_rejection)?;
        let doc: Value = parse_json(&bytes)?;
        json_resume::import(&doc)?
    } else {
        return Err(AppError::UnsupportedMediaType(
            "send a JSON Resume document (application/json) or multipart/form-data with a file"
                .into(),
        ));
    };
    let mut content = content;
    if content.personal_info.full_name.trim().is_empty() {
        return Err(AppError::invalid_field(
            "personal_info.full_name",
            "no name could be read from the file; it is the one thing a profile needs",
        ));
    }
    fit(&mut content, &mut report);
    if dry_run {
        let problems = content.problems();
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        return Ok((
            StatusCode::OK,
            Json(ImportPreview {
                content,
                import_report: report,
            }),
        )
            .into_response());
    }
    let profile = store::create(&state.db, user.id, content).await?;
    let location = format!("/api/v1/profiles/{}", profile.id);
    let (etag_name, etag_value) = crate::http::etag(profile.version);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location), (etag_name, etag_value)],
        Json(ImportedProfile {
            profile,
            import_report: report,
        }),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::model::{Experience, PersonalInfo, Project};

    #[test]
    fn dates_and_urls() {
        assert_eq!(read_date("2014-05"), DateFix::Same("2014-05".into()));
        assert_eq!(
            read_date("March 2014"),
            DateFix::Normalized("2014-03".into())
        );
        assert_eq!(read_date("Summer 2014"), DateFix::Inexact("2014".into()));
        assert_eq!(read_date("Ongoing"), DateFix::Present);
        assert_eq!(read_date("soon"), DateFix::Unreadable);
        assert_eq!(
            fix_url("linkedin.com/in/x"),
            Some(("https://linkedin.com/in/x".into(), true))
        );
        assert_eq!(
            fix_url("https://x.io"),
            Some(("https://x.io".into(), false))
        );
        assert_eq!(fix_url("ftp://x.io"), None);
        assert_eq!(fix_url("not a url"), None);
    }

    #[test]
    fn fit_repairs_instead_of_refusing() {
        let mut content = ProfileContent {
            personal_info: PersonalInfo {
                full_name: "N".repeat(120),
                email: "not-an-email".into(),
                linkedin: Some("linkedin.com/in/n".into()),
                ..Default::default()
            },
            experiences: vec![
                Experience {
                    title: "Engineer".into(),
                    company: "Acme".into(),
                    start_date: "Jan 2020".into(),
                    end_date: Some("Present".into()),
                    achievements: vec!["x".repeat(400), String::new()],
                    ..Default::default()
                },
                Experience {
                    company: "No Title Inc".into(),
                    start_date: "2019".into(),
                    ..Default::default()
                },
                Experience {
                    description: Some("Neither a title nor an employer".into()),
                    ..Default::default()
                },
                Experience {
                    id: "same".into(),
                    title: "A".into(),
                    company: "B".into(),
                    start_date: "2018".into(),
                    end_date: Some("2017".into()),
                    ..Default::default()
                },
            ],
            projects: (0..25)
                .map(|i| Project {
                    id: "same".into(),
                    name: format!("P{i}"),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let mut report = ImportReport::new(ImportSource::Pdf);
        fit(&mut content, &mut report);
        assert!(content.problems().is_empty(), "{:?}", content.problems());
        assert_eq!(content.personal_info.full_name.chars().count(), 100);
        assert_eq!(content.personal_info.email, "");
        assert_eq!(content.experiences.len(), 3);
        assert_eq!(content.experiences[0].start_date, "2020-01");
        assert!(content.experiences[0].is_current);
        assert_eq!(content.experiences[0].achievements.len(), 1);
        assert_eq!(content.experiences[1].title, "");
        assert_eq!(content.experiences[2].end_date, None);
        assert_eq!(content.projects.len(), 20);
        assert_eq!(content.experiences[2].id, "same");
        assert!(content.projects.iter().all(|p| p.id.is_empty()));
        let dropped: Vec<&str> = report.dropped.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            dropped,
            [
                "personal_info.email",
                "experiences[2]",
                "experiences[3].end_date"
            ]
        );
        assert!(report.truncated.iter().any(|e| e.field == "projects"));
        assert!(
            report
                .normalized
                .iter()
                .any(|e| e.field == "personal_info.linkedin")
        );
    }
}
