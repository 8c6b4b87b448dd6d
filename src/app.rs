//! Application state (built once from config) and the full router with its middleware stack.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use tower::ServiceBuilder;
use tower_http::LatencyUnit;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use utoipa_axum::router::OpenApiRouter;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::password::PasswordHasher;
use crate::auth::tokens::{TokenKeys, random_bytes};
use crate::config::{Config, CorsOrigins};
use crate::db::Db;
use crate::error::AppError;
use crate::http::ClientIp;
use crate::http::middleware::{
    RequestId, finish_errors, record_metrics, reject_unstorable_query, request_id,
};
use crate::rate_limit::RateLimiter;

/// Everything a handler needs, shared by the server, the worker and the tests.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Configuration read at start-up.
    pub config: Arc<Config>,
    /// Database handle.
    pub db: Db,
    /// JWT keys and lifetimes.
    pub tokens: Arc<TokenKeys>,
    /// Password hashing.
    pub passwords: PasswordHasher,
    /// Rate-limit counters.
    pub limiter: Arc<RateLimiter>,
    /// PDF renderer (Typst world with fonts), loaded on first use.
    pub renderer: crate::templates::SharedRenderer,
    /// Prometheus exporter handle (renders `/metrics`).
    pub metrics: metrics_exporter_prometheus::PrometheusHandle,
    /// Generated files.
    pub storage: crate::storage::Storage,
    /// Generation queue wake-ups and progress fan-out.
    pub queue: crate::generation::worker::Queue,
    /// The LLM engine, when one is configured.
    pub llm: Option<crate::generation::llm::LlmEngine>,
}

impl AppState {
    /// Connects to the database, applies migrations and prepares keys and limiters.
    pub async fn build(config: Config) -> anyhow::Result<AppState> {
        let db = Db::connect(config.database_url.expose(), config.db_max_connections).await?;
        db.migrate().await?;
        let seeded = crate::jobs::store::seed_catalog(&db).await?;
        if seeded > 0 {
            tracing::info!(postings = seeded, "job catalog seeded");
        }
        let secret = match &config.jwt_secret {
            Some(secret) => secret.expose().as_bytes().to_vec(),
            None => load_or_create_secret(&config.data_dir)?,
        };
        let tokens = TokenKeys::new(&secret, config.access_token_ttl, config.refresh_token_ttl)?;
        let passwords = PasswordHasher::new(config.password_hash_cost)?;
        let limiter = match &config.redis_url {
            Some(url) => RateLimiter::redis_with(url.expose(), "jobwise:rl:", config.redis)
                .await
                .context("connecting to Redis (REDIS_URL)")?,
            None => RateLimiter::in_memory(),
        };
        let storage = crate::storage::Storage::from_config(&config)?;
        let llm = config
            .llm
            .as_ref()
            .map(crate::generation::llm::LlmEngine::new)
            .transpose()?;
        Ok(AppState {
            llm,
            storage,
            queue: crate::generation::worker::Queue::default(),
            config: Arc::new(config),
            db,
            tokens: Arc::new(tokens),
            passwords,
            limiter: Arc::new(limiter),
            renderer: crate::templates::SharedRenderer::default(),
            metrics: crate::telemetry::metrics_handle(),
        })
    }

    /// Replaces the rate limiter (tests point several app instances at one Redis prefix).
    pub fn with_limiter(mut self, limiter: RateLimiter) -> Self {
        self.limiter = Arc::new(limiter);
        self
    }
}

/// Reads the JWT secret kept in the data dir, creating it (mode 0600) on first start.
fn load_or_create_secret(data_dir: &Path) -> anyhow::Result<Vec<u8>> {
    let path = data_dir.join("jwt_secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let trimmed = existing.trim();
        anyhow::ensure!(
            trimmed.len() >= 32,
            "{} is shorter than 32 characters",
            path.display()
        );
        return Ok(trimmed.as_bytes().to_vec());
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let secret = hex::encode(random_bytes::<32>());
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(secret.as_bytes())?;
    file.sync_all()?;
    tracing::warn!(
        path = %path.display(),
        "JOBWISE_JWT_SECRET is not set: generated a signing secret and stored it in the data dir; \
         set JOBWISE_JWT_SECRET in production (all instances must share it)"
    );
    Ok(secret.into_bytes())
}

/// The versioned API (`/api/v1`) as an OpenAPI-aware router.
pub fn api_router(state: AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(crate::openapi::base_document())
        .nest("/api/v1/auth", crate::auth::router(state.clone()))
        .nest("/api/v1/profiles", crate::profiles::router())
        .nest("/api/v1/jobs", crate::jobs::router())
        .nest("/api/v1/saved-jobs", crate::saved_jobs::router())
        .nest("/api/v1/samples", crate::samples::router())
        .nest("/api/v1/style", crate::samples::style_router())
        .nest("/api/v1/templates", crate::templates::router())
        .nest("/api/v1/generations", crate::generation::router())
        .nest("/api/v1/documents", crate::documents::router())
        .merge(crate::documents::shared_router(state.clone()))
        .merge(crate::health::router())
}

/// The OpenAPI document of the whole service (what `/openapi.json` serves).
pub fn openapi_document(state: AppState) -> utoipa::openapi::OpenApi {
    let (_, mut doc) = api_router(state).split_for_parts();
    crate::openapi::finish_document(&mut doc);
    doc
}

/// Builds the complete application: routes, docs, fallbacks and the middleware stack.
pub fn router(state: AppState) -> Router {
    let (api, mut doc) = api_router(state.clone()).split_for_parts();
    crate::openapi::finish_document(&mut doc);
    let config = &state.config;

    let cors = match &config.cors_origins {
        CorsOrigins::None => None,
        CorsOrigins::Any => Some(CorsLayer::new().allow_origin(AllowOrigin::any())),
        CorsOrigins::List(origins) => Some(CorsLayer::new().allow_origin(AllowOrigin::list(
            origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()),
        ))),
    }
    .map(|cors| {
        cors.allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            "x-api-key".parse().expect("static header name"),
            "x-request-id".parse().expect("static header name"),
            "idempotency-key".parse().expect("static header name"),
        ])
        .expose_headers([
            header::LOCATION,
            header::ETAG,
            header::RETRY_AFTER,
            header::CONTENT_DISPOSITION,
            "x-request-id".parse().expect("static header name"),
        ])
    });

    let trace = TraceLayer::new_for_http().make_span_with(|req: &Request| {
        let request_id = req
            .extensions()
            .get::<RequestId>()
            .map(|r| r.0.as_str())
            .unwrap_or_default();
        tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id)
    })
    .on_response(
        DefaultOnResponse::new()
            .level(tracing::Level::INFO)
            .latency_unit(LatencyUnit::Micros),
    );

    let mut app = Router::new()
        .merge(api)
        .merge(SwaggerUi::new("/docs").url("/openapi.json", doc))
        .fallback(unknown_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn(reject_unstorable_query))
        .layer(from_fn(record_metrics))
        .layer(DefaultBodyLimit::max(config.body_limit_bytes))
        .layer(
            ServiceBuilder::new()
                .layer(trace)
                .layer(CompressionLayer::new())
                .layer(from_fn(finish_errors))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::SERVICE_UNAVAILABLE,
                    config.request_timeout,
                )),
        );
    // Outermost first on the way in: request id, then CORS, then the stack above.
    if let Some(cors) = cors {
        app = app.layer(cors);
    }
    app.layer(from_fn(request_id)).with_state(state)
}

async fn unknown_route() -> AppError {
    AppError::NotFound("no such route".into())
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}

/// Per-IP limit for anonymous routes (register, login, refresh).
pub async fn anonymous_rate_limit(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let ip = ClientIp::from_parts(&parts, state.config.trust_proxy_headers);
    let decision = state
        .limiter
        .hit(
            &format!("anon:{}", ip.0),
            state.config.rate_limits.anonymous_per_minute,
            std::time::Duration::from_secs(60),
        )
        .await;
    if let Err(err) = decision.into_result() {
        return axum::response::IntoResponse::into_response(err);
    }
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_secret_is_private_and_stable() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create_secret(dir.path()).unwrap();
        assert_eq!(first.len(), 64);
        let second = load_or_create_secret(dir.path()).unwrap();
        assert_eq!(first, second, "the secret survives restarts");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("jwt_secret"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn short_stored_secret_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("jwt_secret"), "short").unwrap();
        assert!(load_or_create_secret(dir.path()).is_err());
    }
}
