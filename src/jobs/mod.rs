//! Jobs (`/api/v1/jobs`): the seeded catalog plus each user's own postings (structured or
//! pasted text), with ranked full-text search and facets, and the stage-1 analysis and
//! profile match of a job.

pub mod fetch;
pub mod grammar;
pub mod handlers;
pub mod import;
pub mod matching;
pub mod model;
pub mod search;
pub mod store;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

/// Routes under `/api/v1/jobs`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::list_jobs, handlers::create_job))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(handlers::import_job))
                .route_layer(axum::extract::DefaultBodyLimit::max(
                    handlers::MAX_IMPORT_BODY_BYTES,
                )),
        )
        .routes(routes!(
            handlers::get_job,
            handlers::put_job,
            handlers::patch_job,
            handlers::delete_job
        ))
        .routes(routes!(matching::job_analysis))
        .routes(routes!(matching::job_match))
}
