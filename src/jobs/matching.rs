//! `GET /jobs/{id}/analysis` (pipeline stage 1) and `GET /jobs/{id}/match?profile_id=`
//! (stages 1 + 2 on demand), computed by `crates/engine` with the shipped skills taxonomy and
//! asked of the generation feature ([`crate::generation::on_demand`]).

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::store;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::generation::on_demand;
use crate::http::AuthUser;
use crate::http::parse_path_id;

/// A keyword the posting asks for.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct KeywordView {
    /// Canonical name from the taxonomy (e.g. `Kubernetes` for "k8s").
    pub term: String,
    /// How the posting wrote it.
    pub surface_forms: Vec<String>,
    /// hard_skill, tool, soft_skill, certification, domain, education or language.
    pub category: String,
    /// Importance, 0–1.
    pub weight: f64,
    /// Terms the posting accepts instead ("Python or Go").
    pub alternatives: Vec<String>,
}

/// Stage-1 output.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct JobAnalysisView {
    /// Job id.
    pub job_id: Uuid,
    /// Must-have keywords, most important first.
    pub required: Vec<KeywordView>,
    /// Nice-to-have keywords.
    pub preferred: Vec<KeywordView>,
    /// entry, mid, senior, lead or executive.
    pub seniority: Option<String>,
    /// Minimum years asked.
    pub years_experience: Option<u8>,
    /// Minimum degree asked: high_school, associate, bachelor, master or phd.
    pub education: Option<String>,
    /// What the person will do.
    pub responsibilities: Vec<String>,
}

/// Where a requirement is met in the profile.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EvidenceView {
    /// experience, achievement, project, skill, education, certification or summary.
    pub item_kind: String,
    /// Profile item id (an achievement's id is `<experience_id>#<index>`).
    pub item_id: String,
    /// The matching text as written in the profile.
    pub text: String,
}

/// One requirement of the posting.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RequirementView {
    /// The keyword.
    pub requirement: String,
    /// Required (true) or preferred.
    pub required: bool,
    /// Whether the profile has it (or an accepted alternative).
    pub met: bool,
    /// Where.
    pub evidence: Vec<EvidenceView>,
}

/// A ranked profile item.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RankedView {
    /// Item id (for skills: the skill text).
    pub item_id: String,
    /// Relevance to this job, 0–100.
    pub score: u8,
    /// Why.
    pub reasons: Vec<String>,
}

/// Ranked items by kind.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RankedItems {
    /// Experiences, most relevant first.
    pub experiences: Vec<RankedView>,
    /// Projects.
    pub projects: Vec<RankedView>,
    /// Skills.
    pub skills: Vec<RankedView>,
}

/// The match report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MatchReport {
    /// Job id.
    pub job_id: Uuid,
    /// Profile id.
    pub profile_id: Uuid,
    /// Weighted share of the posting's keywords the profile really has, 0–100.
    pub match_percentage: u8,
    /// Per requirement, with evidence.
    pub requirements: Vec<RequirementView>,
    /// Asked for and absent from the profile (required first).
    pub missing_keywords: Vec<String>,
    /// Items ranked by relevance.
    pub ranked: RankedItems,
    /// Years of experience computed from the profile's dates.
    pub years_of_experience: f64,
    /// What to lead with.
    pub emphasis: Vec<String>,
}

fn keyword(k: jobwise_engine::Keyword) -> KeywordView {
    KeywordView {
        term: k.term,
        surface_forms: k.surface_forms,
        category: k.category.as_str().to_owned(),
        weight: k.weight,
        alternatives: k.alternatives,
    }
}

fn ranked(items: Vec<jobwise_engine::RankedItem>) -> Vec<RankedView> {
    items
        .into_iter()
        .map(|r| RankedView {
            item_id: r.item_id,
            score: r.score,
            reasons: r.reasons,
        })
        .collect()
}

/// Stage 1: the keywords, seniority, years and degree the posting asks for.
#[utoipa::path(get, path = "/{id}/analysis", tag = "jobs", params(("id" = Uuid, Path, description = "Job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Job analysis", body = JobAnalysisView)))]
pub async fn job_analysis(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<JobAnalysisView>> {
    let id = parse_path_id(&id, "job")?;
    let job = store::load_visible(&state.db, user.id, id).await?;
    let analysis = on_demand::analyze(&state, job.posting()).await?;
    let analysis = jobwise_engine::JobAnalysis::clone(&analysis);
    Ok(Json(JobAnalysisView {
        job_id: id,
        required: analysis.required.into_iter().map(keyword).collect(),
        preferred: analysis.preferred.into_iter().map(keyword).collect(),
        seniority: analysis.seniority,
        years_experience: analysis.years_experience,
        education: analysis.education,
        responsibilities: analysis.responsibilities,
    }))
}

/// How well one of the caller's profiles matches this job: per-requirement evidence with real
/// item ids, missing keywords, ranked experiences, projects and skills.
#[utoipa::path(get, path = "/{id}/match", tag = "jobs",
    params(("id" = Uuid, Path, description = "Job id"), ("profile_id" = Uuid, Query, description = "One of your profiles")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Match report", body = MatchReport)))]
pub async fn job_match(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    uri: axum::http::Uri,
) -> AppResult<Json<MatchReport>> {
    let id = parse_path_id(&id, "job")?;
    let raw = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "profile_id")
        .map(|(_, v)| v.into_owned());
    let profile_id = match raw {
        None => return Err(AppError::invalid_field("profile_id", "is required")),
        Some(v) => Uuid::parse_str(&v)
            .map_err(|_| AppError::invalid_field("profile_id", "must be a profile id"))?,
    };
    let job = store::load_visible(&state.db, user.id, id).await?;
    let profile = crate::profiles::store::load(&state.db, user.id, profile_id).await?;
    let report = on_demand::compile(&state, job.posting(), profile.content).await?;
    Ok(Json(MatchReport {
        job_id: id,
        profile_id,
        match_percentage: report.match_percentage,
        requirements: report
            .requirements
            .into_iter()
            .map(|r| RequirementView {
                requirement: r.requirement,
                required: r.required,
                met: r.met,
                evidence: r
                    .evidence
                    .into_iter()
                    .map(|e| EvidenceView {
                        item_kind: e.item_kind.as_str().to_owned(),
                        item_id: e.item_id,
                        text: e.text,
                    })
                    .collect(),
            })
            .collect(),
        missing_keywords: report.missing_keywords,
        ranked: RankedItems {
            experiences: ranked(report.experiences),
            projects: ranked(report.projects),
            skills: ranked(report.skills),
        },
        years_of_experience: report.years_of_experience,
        emphasis: report.emphasis,
    }))
}
