//! Generation requests and their options: the bodies of `POST /generations/resume` and
//! `POST /generations/cover-letter`, validated at the edge, with the defaults documented in
//! `docs/api-decisions.md`.

use jobwise_render::Template;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::FieldError;
use crate::http::json::Validate;

text_enum!(
    /// What a generation produces.
    GenerationType {
        /// A resume (and optionally its cover letter).
        Resume = "resume",
        /// A cover letter.
        CoverLetter = "cover_letter",
    }
);

text_enum!(
    /// Where a generation is.
    GenerationStatus {
        /// Waiting for a worker.
        Pending = "pending",
        /// A worker is running its stages.
        Running = "running",
        /// Documents are ready.
        Completed = "completed",
        /// It stopped with an error.
        Failed = "failed",
        /// The user cancelled it.
        Cancelled = "cancelled",
    }
);

impl GenerationStatus {
    /// Completed, failed or cancelled.
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            GenerationStatus::Completed | GenerationStatus::Failed | GenerationStatus::Cancelled
        )
    }
}

text_enum!(
    /// Resume length budget.
    ResumeLength {
        /// Exactly one page.
        OnePage = "one_page",
        /// At most two pages.
        TwoPage = "two_page",
        /// Everything relevant, at most four pages.
        Comprehensive = "comprehensive",
    }
);

#[allow(clippy::derivable_impls)] // the enum is declared by text_enum!
impl Default for ResumeLength {
    fn default() -> Self {
        ResumeLength::OnePage
    }
}

impl ResumeLength {
    /// The page budget stage 5 enforces.
    pub fn max_pages(self) -> usize {
        match self {
            ResumeLength::OnePage => 1,
            ResumeLength::TwoPage => 2,
            ResumeLength::Comprehensive => 4,
        }
    }
}

text_enum!(
    /// Cover-letter length.
    LetterLength {
        /// One evidence paragraph.
        Short = "short",
        /// Two evidence paragraphs.
        Standard = "standard",
        /// Three evidence paragraphs.
        Detailed = "detailed",
    }
);

#[allow(clippy::derivable_impls)] // the enum is declared by text_enum!
impl Default for LetterLength {
    fn default() -> Self {
        LetterLength::Standard
    }
}

text_enum!(
    /// Cover-letter tone.
    Tone {
        /// Plain and courteous.
        Professional = "professional",
        /// Warm and eager.
        Enthusiastic = "enthusiastic",
        /// Direct, results first.
        Confident = "confident",
        /// Modest.
        Humble = "humble",
    }
);

#[allow(clippy::derivable_impls)] // the enum is declared by text_enum!
impl Default for Tone {
    fn default() -> Self {
        Tone::Professional
    }
}

/// Longest `custom_instructions`.
pub const MAX_INSTRUCTIONS: usize = 500;
/// Most `focus_areas`, and the longest one.
pub const MAX_FOCUS_AREAS: usize = 10;
const MAX_FOCUS_LEN: usize = 100;

/// Options of a resume generation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ResumeOptions {
    /// Template (default `modern`; stored options show the one used).
    #[schema(value_type = String, default = "modern", example = "ats_optimized")]
    pub template: Option<Template>,
    /// Length budget (default `one_page`).
    pub length: ResumeLength,
    /// Topics to lead with (≤ 10, each ≤ 100 characters).
    pub focus_areas: Vec<String>,
    /// Also write the matching cover letter (a second document).
    pub include_cover_letter: bool,
    /// Free instructions (≤ 500 characters). The LLM engine follows them; the offline engine
    /// uses the skills they name as focus areas.
    pub custom_instructions: Option<String>,
    /// Tone of the cover letter when `include_cover_letter` is set.
    pub tone: Tone,
}

impl ResumeOptions {
    /// The template, defaulting to `modern`.
    pub fn template(&self) -> Template {
        self.template.unwrap_or(Template::Modern)
    }
}

/// Options of a cover-letter generation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CoverLetterOptions {
    /// Phrasing (default `professional`).
    pub tone: Tone,
    /// Evidence paragraphs (default `standard`).
    pub length: LetterLength,
    /// Free instructions (≤ 500 characters).
    pub custom_instructions: Option<String>,
    /// Template (default `modern`; stored options show the one used).
    #[schema(value_type = String, default = "modern", example = "modern")]
    pub template: Option<Template>,
}

impl CoverLetterOptions {
    /// The template, defaulting to `modern`.
    pub fn template(&self) -> Template {
        self.template.unwrap_or(Template::Modern)
    }
}

/// Body of `POST /generations/resume`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResumeRequest {
    /// One of your profiles.
    pub profile_id: Uuid,
    /// A job you can see.
    pub job_id: Uuid,
    /// Options.
    #[serde(default)]
    pub options: ResumeOptions,
}

/// Body of `POST /generations/cover-letter`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CoverLetterRequest {
    /// One of your profiles.
    pub profile_id: Uuid,
    /// A job you can see.
    pub job_id: Uuid,
    /// Options.
    #[serde(default)]
    pub options: CoverLetterOptions,
}

fn check_instructions(errors: &mut Vec<FieldError>, value: &Option<String>) {
    if let Some(text) = value
        && text.chars().count() > MAX_INSTRUCTIONS
    {
        errors.push(FieldError::new(
            "options.custom_instructions",
            format!("must be at most {MAX_INSTRUCTIONS} characters"),
        ));
    }
}

impl Validate for ResumeRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.options.focus_areas.len() > MAX_FOCUS_AREAS {
            errors.push(FieldError::new(
                "options.focus_areas",
                format!("at most {MAX_FOCUS_AREAS} focus areas"),
            ));
        }
        for (i, area) in self.options.focus_areas.iter().enumerate() {
            let len = area.trim().chars().count();
            if len == 0 || len > MAX_FOCUS_LEN {
                errors.push(FieldError::new(
                    format!("options.focus_areas[{i}]"),
                    format!("must be 1 to {MAX_FOCUS_LEN} characters"),
                ));
            }
        }
        check_instructions(&mut errors, &self.options.custom_instructions);
        errors
    }
}

impl Validate for CoverLetterRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_instructions(&mut errors, &self.options.custom_instructions);
        errors
    }
}
