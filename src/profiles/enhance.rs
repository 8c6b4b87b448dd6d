//! `POST /profiles/{id}/enhance`: suggested rewrites of the summary, descriptions and bullets
//! (action verb first, no filler, figures the profile already has). Nothing is applied; the
//! client PATCHes what it accepts. Offline rules from `crates/engine::enhance`.

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::store;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::http::AuthUser;
use crate::http::parse_path_id;

/// One suggested rewrite.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SuggestionView {
    /// `professional_summary`, `experiences.description`, `experiences.achievements` or
    /// `projects.description`.
    pub field: String,
    /// Experience or project id; `<experience_id>#<index>` for a bullet; null for the summary.
    pub item_id: Option<String>,
    /// The current text.
    pub original: String,
    /// The proposed text.
    pub suggested: String,
    /// Why.
    pub reason: String,
}

/// The enhance answer.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct EnhanceResponse {
    /// Suggestions in profile order (empty when there is nothing to improve).
    pub suggestions: Vec<SuggestionView>,
    /// `offline`, `llm:<model>` (bullets worded by the model, facts checked) or
    /// `offline (fallback: <reason>)`.
    pub engine: String,
}

/// Most bullets sent to the model in one request.
const MAX_LLM_BULLETS: usize = 60;

/// Suggest stronger wording for the summary and bullets, without applying it.
#[utoipa::path(post, path = "/{id}/enhance", tag = "profiles",
    params(("id" = uuid::Uuid, Path, description = "Profile id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Suggestions (nothing is changed)", body = EnhanceResponse)))]
pub async fn enhance_profile(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<EnhanceResponse>> {
    let id = parse_path_id(&id, "profile")?;
    let profile = store::load(&state.db, user.id, id).await?;
    let content = profile.content.clone();
    let suggestions =
        tokio::task::spawn_blocking(move || jobwise_engine::suggest_improvements(&content))
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
    let mut suggestions: Vec<SuggestionView> = suggestions
        .into_iter()
        .map(|s| SuggestionView {
            field: s.field,
            item_id: s.item_id,
            original: s.original,
            suggested: s.suggested,
            reason: s.reason,
        })
        .collect();
    let mut engine = "offline".to_owned();
    if let Some(llm) = &state.llm {
        // Bullets the offline rules left alone go to the model; its wordings are kept only
        // when they add no number, skill or organisation to the original.
        let covered: std::collections::HashSet<String> = suggestions
            .iter()
            .filter_map(|s| s.item_id.clone())
            .collect();
        let bullets: Vec<(String, String)> = profile
            .content
            .experiences
            .iter()
            .flat_map(|e| {
                e.achievements
                    .iter()
                    .enumerate()
                    .map(move |(i, text)| (format!("{}#{i}", e.id), text.clone()))
            })
            .filter(|(id, _)| !covered.contains(id))
            .take(MAX_LLM_BULLETS)
            .collect();
        if !bullets.is_empty() {
            match llm.suggest_bullets(&bullets).await {
                Ok((proposed, tokens)) => {
                    metrics::counter!("jobwise_llm_tokens_total").increment(u64::from(tokens));
                    engine = format!("llm:{}", llm.model());
                    let taxonomy = jobwise_engine::Taxonomy::shipped();
                    for p in proposed {
                        let Some((_, original)) = bullets.iter().find(|(id, _)| *id == p.item_id)
                        else {
                            continue;
                        };
                        let suggested = p.suggested.trim();
                        if suggested.is_empty()
                            || suggested == original.trim()
                            || suggested.chars().count() > 300
                            || !crate::generation::validate::added_facts(
                                original, suggested, taxonomy,
                            )
                            .is_empty()
                        {
                            continue;
                        }
                        suggestions.push(SuggestionView {
                            field: "experiences.achievements".into(),
                            item_id: Some(p.item_id.clone()),
                            original: original.clone(),
                            suggested: suggested.to_owned(),
                            reason: if p.reason.trim().is_empty() {
                                "Reworded by the language model; no fact added.".into()
                            } else {
                                p.reason.trim().to_owned()
                            },
                        });
                    }
                }
                Err(err) => engine = format!("offline (fallback: {})", err.reason()),
            }
        }
    }
    Ok(Json(EnhanceResponse {
        suggestions,
        engine,
    }))
}
