//! Test harness: a fresh application per test on a fresh database — a temporary SQLite file,
//! or, when `JOBWISE_TEST_POSTGRES_URL` is set, a new PostgreSQL database created for the test
//! and dropped afterwards. Requests go through the real router with `oneshot`.

use std::collections::HashMap;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use jobwise::{AppState, Config};
use serde_json::{Value, json};
use sqlx::Connection;
use tower::ServiceExt;

/// PostgreSQL admin URL for tests, when configured.
pub fn postgres_url() -> Option<String> {
    std::env::var("JOBWISE_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// Redis URL for tests, when configured.
pub fn redis_url() -> Option<String> {
    std::env::var("JOBWISE_TEST_REDIS_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    /// In-process generation workers (`JOBWISE_WORKERS`, 1 in tests unless overridden).
    pub workers: Option<jobwise::generation::worker::WorkerPool>,
    _dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "response is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts the contract's error shape and code, returning the body.
    pub fn assert_error(&self, status: u16, code: &str) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        let body = self.json();
        assert_eq!(body["error"], code, "{body}");
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{body}"
        );
        assert!(body["details"].is_array(), "{body}");
        let request_id = self.header("x-request-id").expect("x-request-id header");
        assert_eq!(body["request_id"], request_id, "{body}");
        body
    }
}

/// Default test settings: cheap argon2, generous anonymous limits, a fixed JWT secret.
const BASE_ENV: &[(&str, &str)] = &[
    (
        "JOBWISE_JWT_SECRET",
        "test-secret-test-secret-test-secret-0123",
    ),
    ("JOBWISE_ARGON2_MEMORY_KIB", "256"),
    ("JOBWISE_ARGON2_ITERATIONS", "1"),
    ("JOBWISE_ANON_RATE_LIMIT_PER_MINUTE", "100000"),
    ("JOBWISE_RATE_LIMIT_PER_MINUTE", "100000"),
    ("JOBWISE_LOG_FORMAT", "pretty"),
    ("JOBWISE_WORKERS", "1"),
    ("JOBWISE_WORKER_POLL_MS", "100"),
];

impl TestApp {
    pub async fn new() -> TestApp {
        Self::with_env(&[]).await
    }

    /// A fresh app whose configuration is the base test settings overridden by `extra`.
    pub async fn with_env(extra: &[(&str, &str)]) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut vars: HashMap<String, String> = BASE_ENV
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        vars.insert("JOBWISE_DATA_DIR".into(), dir.path().display().to_string());
        let mut pg = None;
        if let Some(admin) = postgres_url() {
            let name = format!("jobwise_t_{}", uuid::Uuid::now_v7().simple());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("connect to JOBWISE_TEST_POSTGRES_URL");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let _ = conn.close().await;
            let base = admin.split('?').next().unwrap();
            let url = format!("{}/{name}", &base[..base.rfind('/').unwrap()]);
            vars.insert("DATABASE_URL".into(), url);
            pg = Some((admin, name));
        }
        for (k, v) in extra {
            vars.insert(k.to_string(), v.to_string());
        }
        let config = Config::from_lookup(|k| vars.get(k).cloned()).expect("test config");
        let state = AppState::build(config).await.expect("build app state");
        let workers =
            jobwise::generation::worker::WorkerPool::start(&state, state.config.workers.workers);
        TestApp {
            router: jobwise::router(state.clone()),
            workers: Some(workers),
            state,
            _dir: dir,
            pg,
        }
    }

    /// A second router over the same state but a different rate limiter (multi-instance tests).
    pub fn rebuild_router(&mut self) {
        self.router = jobwise::router(self.state.clone());
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    /// A JSON request with optional bearer token.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> TestResponse {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => builder
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
            None => builder.body(Body::empty()).unwrap(),
        };
        self.send(request).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> TestResponse {
        self.call(Method::GET, path, None, token).await
    }

    pub async fn post(&self, path: &str, body: Value, token: Option<&str>) -> TestResponse {
        self.call(Method::POST, path, Some(body), token).await
    }

    /// Registers a user and returns the token response.
    pub async fn register(&self, email: &str) -> Value {
        let response = self
            .post(
                "/api/v1/auth/register",
                json!({"email": email, "password": "Passw0rd!", "full_name": "Test User"}),
                None,
            )
            .await;
        assert_eq!(
            response.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&response.body)
        );
        response.json()
    }

    /// Registers a user and returns its access token.
    pub async fn access_token(&self, email: &str) -> String {
        self.register(email).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(workers) = self.workers.take() {
            workers.signal_stop();
        }
        let Some((admin, name)) = self.pg.take() else {
            return;
        };
        // Drop the per-test database on a separate thread (Drop cannot await); FORCE ends the
        // pool's remaining connections server-side.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                }
            });
        })
        .join();
    }
}
