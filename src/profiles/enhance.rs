//! `POST /profiles/{id}/enhance`: suggested rewrites of the summary, descriptions and bullets
//! (action verb first, no filler, figures the profile already has). Nothing is applied; the
//! client PATCHes what it accepts. Offline rules from `crates/engine::enhance`.

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::store;
use crate::app::AppState;
use crate::auth::api_keys::parse_path_id;
use crate::error::{AppError, AppResult};
use crate::http::AuthUser;

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
}

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
    let engine_profile: jobwise_engine::Profile = serde_json::from_value(
        serde_json::to_value(&profile.content).map_err(anyhow::Error::from)?,
    )
    .map_err(anyhow::Error::from)?;
    let suggestions =
        tokio::task::spawn_blocking(move || jobwise_engine::suggest_improvements(&engine_profile))
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
    Ok(Json(EnhanceResponse {
        suggestions: suggestions
            .into_iter()
            .map(|s| SuggestionView {
                field: s.field,
                item_id: s.item_id,
                original: s.original,
                suggested: s.suggested,
                reason: s.reason,
            })
            .collect(),
    }))
}
