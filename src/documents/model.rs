//! The document resource as the API shows it.

use jobwise_render::{Document, Line};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::Timestamp;
use crate::generation::validate::Issue;

/// A document's content in three forms.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Content {
    /// Plain text, as an ATS would read it.
    pub text: String,
    /// Standalone, print-friendly HTML.
    pub html: String,
    /// The structured document (a resume or a cover letter; every line with its source).
    #[schema(value_type = Object)]
    pub structured: Document,
}

/// Where one line came from.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ProvenanceEntry {
    /// Path of the line in `content.structured` (`experience[0].bullets[1]`).
    pub path: String,
    /// The profile item: `{kind, item_id, field}`; null for lines with no profile source.
    #[schema(value_type = Option<Object>)]
    pub source: Option<jobwise_render::Source>,
    /// The wording differs from the profile's.
    pub changed: bool,
}

/// Quality of the current version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ValidationSummary {
    /// 0–100.
    pub ats_score: u8,
    /// 0–1.
    pub keyword_coverage: f64,
    /// Statements not supported by the profile.
    pub factuality_issues: Vec<Issue>,
    /// ATS, coverage and readability findings.
    pub issues: Vec<Issue>,
}

/// Size and pages of the stored PDF of the current version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PdfInfo {
    /// Bytes.
    pub size_bytes: i64,
    /// Pages.
    pub page_count: i64,
}

text_enum!(
    /// What kind of document: a generated one, or a writing sample.
    DocumentType {
        /// A resume.
        Resume = "resume",
        /// A cover letter.
        CoverLetter = "cover_letter",
    }
);

impl DocumentType {
    /// The kind of a structured document.
    pub fn of(document: &jobwise_render::Document) -> Self {
        match document {
            jobwise_render::Document::Resume(_) => DocumentType::Resume,
            jobwise_render::Document::CoverLetter(_) => DocumentType::CoverLetter,
        }
    }
}

/// A generated document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentView {
    /// Document id.
    pub id: Uuid,
    /// resume or cover_letter.
    #[schema(value_type = String)]
    pub document_type: DocumentType,
    /// "Resume – Senior Backend Engineer at Acme".
    pub title: String,
    /// 1 when generated; each edit adds 1.
    pub version: i64,
    /// Text, HTML and structure (omitted in lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<Content>,
    /// Source of every line (omitted in lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Vec<ProvenanceEntry>>,
    /// Validation of the current version.
    pub validation: ValidationSummary,
    /// generation_id, profile_id, job_id, job_title, company, template, match_percentage,
    /// tokens_used, generation_time_ms, engine, prompt_version.
    #[schema(value_type = Object)]
    pub metadata: serde_json::Value,
    /// The stored PDF.
    pub pdf: Option<PdfInfo>,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Last edit.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

/// A page of documents.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentList {
    /// Newest first, without `content` and `provenance`.
    pub documents: Vec<DocumentView>,
    /// Paging.
    pub pagination: crate::http::pagination::Page,
}

/// Every line of a document with its path.
pub fn provenance(document: &Document) -> Vec<ProvenanceEntry> {
    let mut out = Vec::new();
    let mut push = |path: String, line: &Line| {
        out.push(ProvenanceEntry {
            path,
            source: line.source.clone(),
            changed: line.changed,
        })
    };
    match document {
        Document::Resume(r) => {
            if let Some(s) = &r.summary {
                push("summary".into(), s);
            }
            for (g, group) in r.skills.iter().enumerate() {
                for (i, item) in group.items.iter().enumerate() {
                    push(format!("skills[{g}].items[{i}]"), item);
                }
            }
            for (e, entry) in r.experience.iter().enumerate() {
                push(format!("experience[{e}].title"), &entry.title);
                push(format!("experience[{e}].company"), &entry.company);
                for (i, b) in entry.bullets.iter().enumerate() {
                    push(format!("experience[{e}].bullets[{i}]"), b);
                }
            }
            for (p, project) in r.projects.iter().enumerate() {
                push(format!("projects[{p}].name"), &project.name);
                push(format!("projects[{p}].description"), &project.description);
                for (i, b) in project.bullets.iter().enumerate() {
                    push(format!("projects[{p}].bullets[{i}]"), b);
                }
            }
            for (e, entry) in r.education.iter().enumerate() {
                for (i, d) in entry.details.iter().enumerate() {
                    push(format!("education[{e}].details[{i}]"), d);
                }
            }
            for (s, section) in r.extra_sections.iter().enumerate() {
                for (i, item) in section.items.iter().enumerate() {
                    push(format!("extra_sections[{s}].items[{i}]"), item);
                }
            }
        }
        Document::CoverLetter(l) => {
            for (i, p) in l.paragraphs.iter().enumerate() {
                push(format!("paragraphs[{i}]"), p);
            }
        }
    }
    out
}
