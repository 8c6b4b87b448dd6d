//! JobWise document rendering: a typed resume / cover-letter model ([`model`]) and renderers to
//! plain text, Markdown, standalone HTML, PDF (Typst in-process, embedded fonts) and DOCX.
//!
//! Every renderer is pure and deterministic: the same document gives the same bytes. User text
//! is always treated as data (escaped for HTML/Markdown, passed to Typst as JSON).

pub mod docx;
pub mod fit;
pub mod html;
pub mod markdown;
pub mod model;
pub mod pdf;
pub mod text;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use docx::render_docx;
pub use fit::{DropReason, Dropped, FitOutcome, Ranking, fit_to_pages};
pub use html::render_html;
pub use markdown::render_markdown;
pub use model::*;
pub use pdf::{DEFAULT_FONT_SIZE, MIN_FONT_SIZE, PdfOptions, RenderedPdf, Renderer};
pub use text::render_text;

/// A visual design. Every template keeps one reading order; `ats_optimized` is the strictest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    AtsOptimized,
    Modern,
    Classic,
    Minimal,
    Creative,
}

impl Template {
    pub const ALL: [Template; 5] = [
        Template::AtsOptimized,
        Template::Modern,
        Template::Classic,
        Template::Minimal,
        Template::Creative,
    ];

    /// The `snake_case` name used in JSON and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Template::AtsOptimized => "ats_optimized",
            Template::Modern => "modern",
            Template::Classic => "classic",
            Template::Minimal => "minimal",
            Template::Creative => "creative",
        }
    }
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Template {
    type Err = RenderError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Template::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| RenderError::UnknownTemplate(s.to_owned()))
    }
}

/// Paper size for paginated output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    #[default]
    A4,
    Letter,
}

impl PaperSize {
    /// The Typst paper name.
    pub fn typst_name(self) -> &'static str {
        match self {
            PaperSize::A4 => "a4",
            PaperSize::Letter => "us-letter",
        }
    }
}

/// Everything that can go wrong while rendering.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("unknown template {0:?}")]
    UnknownTemplate(String),
    /// The Typst compiler rejected the template with this document (a bug in a template, or
    /// a document it cannot lay out).
    #[error("typst compilation failed: {0}")]
    Typst(String),
    #[error("pdf export failed: {0}")]
    PdfExport(String),
    #[error("docx export failed: {0}")]
    Docx(String),
    #[error("serialising the document failed: {0}")]
    Json(#[from] serde_json::Error),
}

/// Result alias for this crate.
pub type Result<T, E = RenderError> = std::result::Result<T, E>;
