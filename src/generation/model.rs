//! The generation resource as the API shows it, built from its row.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::options::{GenerationStatus, GenerationType};
use super::pipeline::{STAGE_DESCRIPTIONS, STAGE_NAMES};
use crate::db::Timestamp;

/// Where the pipeline is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Progress {
    /// 0 while pending, 1–5 while running, 5 when completed.
    pub current_stage: u8,
    /// Always 5.
    pub total_stages: u8,
    /// 0–100.
    pub percentage: u8,
    /// Name of the current stage (null while pending).
    pub stage_name: Option<String>,
    /// What the current stage does.
    pub stage_description: Option<String>,
}

impl Progress {
    /// Progress for a status and the stage being run / the stages finished.
    pub fn new(status: GenerationStatus, current_stage: u8, stages_done: u8) -> Progress {
        let stage = if status == GenerationStatus::Completed {
            5
        } else {
            current_stage.min(5)
        };
        let percentage = if status == GenerationStatus::Completed {
            100
        } else {
            stages_done.min(5) * 20
        };
        let (stage_name, stage_description) = match stage {
            1..=5 => (
                Some(STAGE_NAMES[usize::from(stage) - 1].to_owned()),
                Some(STAGE_DESCRIPTIONS[usize::from(stage) - 1].to_owned()),
            ),
            _ => (None, None),
        };
        Progress {
            current_stage: stage,
            total_stages: 5,
            percentage,
            stage_name,
            stage_description,
        }
    }
}

/// What a completed generation produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GenerationResult {
    /// The documents (the resume first when a cover letter was included).
    pub document_ids: Vec<Uuid>,
    /// ATS score of the first document, 0–100.
    pub ats_score: u8,
    /// How well the profile matches the job, 0–100.
    pub match_percentage: u8,
    /// Share of the required keywords the profile has that the first document shows, 0–1.
    pub keyword_coverage: f64,
}

/// A generation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GenerationView {
    /// Generation id.
    pub generation_id: Uuid,
    /// resume or cover_letter.
    #[serde(rename = "type")]
    pub kind: GenerationType,
    /// pending, running, completed, failed or cancelled.
    pub status: GenerationStatus,
    /// Progress through the five stages.
    pub progress: Progress,
    /// LLM tokens spent (0 offline).
    pub tokens_used: i64,
    /// `offline`, `llm:<model>` or `offline (fallback: <reason>)`.
    pub engine: String,
    /// Set when completed.
    pub result: Option<GenerationResult>,
    /// Why it failed.
    pub error: Option<String>,
    /// The profile used.
    pub profile_id: Uuid,
    /// The job targeted.
    pub job_id: Uuid,
    /// The options requested.
    #[schema(value_type = Object)]
    pub options: serde_json::Value,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Last change.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
    /// When it finished (completed, failed or cancelled).
    #[schema(value_type = Option<String>, format = DateTime)]
    pub completed_at: Option<Timestamp>,
}

/// A page of generations.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GenerationList {
    /// Newest first.
    pub generations: Vec<GenerationView>,
    /// Paging.
    pub pagination: crate::http::pagination::Page,
}
