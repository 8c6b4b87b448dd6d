//! Liveness with dependency status (`GET /health`) and Prometheus metrics (`GET /metrics`).

use std::collections::BTreeMap;
use std::time::Instant;

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

/// Routes outside `/api/v1`: `/health` and `/metrics`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(health))
        .routes(routes!(metrics))
}

/// Status of one dependency.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DependencyStatus {
    /// `ok` or `error`.
    #[schema(example = "ok")]
    pub status: &'static str,
    /// What backs it (`sqlite`, `postgres`, `memory`, `redis`, a directory).
    pub backend: String,
    /// Round-trip time of the check.
    pub latency_ms: f64,
    /// The failure, when `status` is `error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The health report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HealthReport {
    /// `ok`, `degraded` (a non-essential dependency fails) or `unavailable` (the database fails).
    #[schema(example = "ok")]
    pub status: &'static str,
    /// Service version.
    #[schema(example = "0.1.0")]
    pub version: &'static str,
    /// Per dependency: `database`, `rate_limiter`, `storage`, `llm`.
    pub checks: BTreeMap<&'static str, DependencyStatus>,
}

fn check(backend: String, started: Instant, result: Result<(), String>) -> DependencyStatus {
    DependencyStatus {
        status: if result.is_ok() { "ok" } else { "error" },
        backend,
        latency_ms: (started.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
        error: result.err(),
    }
}

/// Liveness and dependency status. 200 when the database answers, 503 (same body) when not.
#[utoipa::path(get, path = "/health", tag = "operations",
    responses(
        (status = 200, description = "Healthy (or degraded but serving)", body = HealthReport),
        (status = 503, description = "The database is unreachable", body = HealthReport),
    ))]
pub async fn health(State(state): State<AppState>) -> impl IntoResponse {
    let mut checks = BTreeMap::new();

    let started = Instant::now();
    let db = tokio::time::timeout(std::time::Duration::from_secs(3), state.db.ping())
        .await
        .map_err(|_| "timed out after 3 s".to_owned())
        .and_then(|r| r.map_err(|e| e.to_string()));
    let db_ok = db.is_ok();
    let backend = match state.db.backend {
        crate::db::Backend::Sqlite => "sqlite",
        crate::db::Backend::Postgres => "postgres",
    };
    checks.insert("database", check(backend.into(), started, db));

    let started = Instant::now();
    let limiter = tokio::time::timeout(std::time::Duration::from_secs(3), state.limiter.ping())
        .await
        .map_err(|_| "timed out after 3 s".to_owned())
        .and_then(|r| r);
    let limiter_ok = limiter.is_ok();
    checks.insert(
        "rate_limiter",
        check(state.limiter.backend().into(), started, limiter),
    );

    let started = Instant::now();
    let storage = tokio::time::timeout(std::time::Duration::from_secs(3), state.storage.ping())
        .await
        .map_err(|_| "timed out after 3 s".to_owned())
        .and_then(|r| r);
    let storage_ok = storage.is_ok();
    checks.insert(
        "storage",
        check(state.storage.description().to_owned(), started, storage),
    );

    // The LLM is optional and never called here (calls cost money): its circuit breaker tells
    // whether recent calls failed. Offline is a healthy state.
    let started = Instant::now();
    let (backend, llm) = match &state.llm {
        None => ("offline".to_owned(), Ok(())),
        Some(llm) if llm.circuit_open() => (
            format!("llm:{}", llm.model()),
            Err("circuit open after repeated failures; generations use the offline engine".into()),
        ),
        Some(llm) => (format!("llm:{}", llm.model()), Ok(())),
    };
    let llm_ok = llm.is_ok();
    checks.insert("llm", check(backend, started, llm));

    let (code, status) = match (db_ok, limiter_ok && storage_ok && llm_ok) {
        (false, _) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
        (true, false) => (StatusCode::OK, "degraded"),
        (true, true) => (StatusCode::OK, "ok"),
    };
    (
        code,
        Json(HealthReport {
            status,
            version: env!("CARGO_PKG_VERSION"),
            checks,
        }),
    )
}

/// Prometheus metrics in the text exposition format: request counts and latency histograms by
/// method, route template and status.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain")))]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
}
