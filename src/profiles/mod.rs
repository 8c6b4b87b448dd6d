//! Master profiles (`/api/v1/profiles`): the whole career of a user as one versioned document,
//! with item-level edits, history and restore, completeness analytics, wording suggestions
//! and import (JSON Resume, LinkedIn export, PDF/DOCX/TXT/MD résumés) and JSON Resume export.

pub mod analytics;
pub mod diff;
pub mod enhance;
pub mod handlers;
pub mod import;
pub mod items;
pub mod json_resume;
pub mod model;
pub mod store;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

/// Routes under `/api/v1/profiles`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::list_profiles, handlers::create_profile))
        .merge(import::router())
        .routes(routes!(
            handlers::get_profile,
            handlers::put_profile,
            handlers::patch_profile,
            handlers::delete_profile
        ))
        .routes(routes!(handlers::profile_history))
        .routes(routes!(handlers::get_profile_version))
        .routes(routes!(handlers::restore_profile_version))
        .routes(routes!(analytics::profile_analytics))
        .routes(routes!(enhance::enhance_profile))
        .routes(routes!(json_resume::export_profile))
        .routes(routes!(items::create_experience))
        .routes(routes!(items::replace_experience, items::delete_experience))
        .routes(routes!(items::create_education))
        .routes(routes!(items::replace_education, items::delete_education))
        .routes(routes!(items::create_project))
        .routes(routes!(items::replace_project, items::delete_project))
        .routes(routes!(items::create_certification))
        .routes(routes!(
            items::replace_certification,
            items::delete_certification
        ))
}
