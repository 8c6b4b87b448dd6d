//! Documents (`/api/v1/documents`): what generations produce. List, get (text, HTML, structure,
//! provenance, validation), edit as new versions, delete (files and share links too), downloads
//! in five formats rendered once per version and served from storage, ZIP export, and share
//! links (`/shared/{token}`, public).

pub mod export;
pub mod files;
pub mod handlers;
pub mod model;
pub mod shares;
pub mod store;

use axum::middleware::from_fn_with_state;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

/// Routes under `/api/v1/documents`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::list_documents))
        .routes(routes!(export::export_documents))
        .routes(routes!(
            handlers::get_document,
            handlers::patch_document,
            handlers::delete_document
        ))
        .routes(routes!(handlers::list_versions))
        .routes(routes!(handlers::download_document))
        .routes(routes!(shares::create_share))
        .routes(routes!(shares::list_shares))
        .routes(routes!(shares::revoke_share))
}

/// `GET /shared/{token}` (no credentials; rate-limited per client IP).
pub fn shared_router(state: AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(shares::open_share))
        .route_layer(from_fn_with_state(state, crate::app::anonymous_rate_limit))
}
