//! Health, metrics, interactive docs, the OpenAPI snapshot, CORS and compression.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};

use crate::helpers::TestApp;

#[tokio::test]
async fn health_reports_dependencies() {
    let app = TestApp::new().await;
    let r = app.get("/health", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["checks"]["database"]["status"], "ok");
    let expected = if crate::helpers::postgres_url().is_some() {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(body["checks"]["database"]["backend"], expected);
    assert_eq!(body["checks"]["rate_limiter"]["backend"], "memory");
    assert_eq!(body["checks"]["storage"]["status"], "ok");
    assert!(
        body["checks"]["storage"]["backend"]
            .as_str()
            .unwrap()
            .starts_with("file://")
    );
    assert_eq!(body["checks"]["llm"]["status"], "ok");
    assert_eq!(body["checks"]["llm"]["backend"], "offline");
}

#[tokio::test]
async fn health_is_503_when_the_database_is_gone() {
    let app = TestApp::new().await;
    app.state.db.pool.close().await;
    let r = app.get("/health", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    let body = r.json();
    assert_eq!(body["status"], "unavailable");
    assert_eq!(body["checks"]["database"]["status"], "error");
    assert!(body["checks"]["database"]["error"].is_string());
}

#[tokio::test]
async fn metrics_count_requests_by_route_template() {
    let app = TestApp::new().await;
    let token = app.access_token("metrics@example.com").await;
    assert_eq!(
        app.get("/api/v1/auth/me", Some(&token)).await.status,
        StatusCode::OK
    );
    let r = app.get("/metrics", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").unwrap().starts_with("text/plain"));
    let text = String::from_utf8(r.body).unwrap();
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("http_requests_total")
                && l.contains("route=\"/api/v1/auth/me\"")
                && l.contains("status=\"200\"")
        })
        .unwrap_or_else(|| panic!("no counter for /api/v1/auth/me in:\n{text}"));
    assert!(line.contains("method=\"GET\""));
    assert!(text.contains("http_request_duration_seconds_bucket"));
    // Path ids never become labels: api-key lookups are counted under the template.
    app.get(
        "/api/v1/auth/api-keys/0193a5b2-7c4e-7d3a-9f1e-2b3c4d5e6f70",
        Some(&token),
    )
    .await;
    let text = String::from_utf8(app.get("/metrics", None).await.body).unwrap();
    assert!(text.contains("route=\"/api/v1/auth/api-keys/{id}\""));
    assert!(!text.contains("0193a5b2-7c4e"));
}

#[tokio::test]
async fn docs_are_served_offline() {
    let app = TestApp::new().await;
    let redirect = app.get("/docs", None).await;
    assert!(redirect.status.is_redirection());
    let page = app.get("/docs/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&page.body).contains("swagger"));
    let init = app.get("/docs/swagger-initializer.js", None).await;
    assert_eq!(init.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&init.body).contains("/openapi.json"));
    let bundle = app.get("/docs/swagger-ui-bundle.js", None).await;
    assert_eq!(bundle.status, StatusCode::OK);
    assert!(
        bundle.body.len() > 100_000,
        "the Swagger UI bundle is vendored"
    );
}

#[tokio::test]
async fn openapi_lists_every_route_and_matches_the_snapshot() {
    let app = TestApp::new().await;
    let r = app.get("/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    for path in [
        "/api/v1/auth/register",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/auth/me",
        "/api/v1/auth/change-password",
        "/api/v1/auth/api-keys",
        "/api/v1/auth/api-keys/{id}",
        "/health",
        "/metrics",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    let me = &doc["paths"]["/api/v1/auth/me"]["get"];
    assert_eq!(
        me["responses"]["401"]["$ref"],
        "#/components/responses/Unauthorized"
    );
    let register = &doc["paths"]["/api/v1/auth/register"]["post"];
    assert!(register["responses"]["422"].is_object());
    assert!(register["responses"]["409"].is_object());

    let pretty = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    let snapshot =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::write(&snapshot, &pretty).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot)
        .expect("tests/snapshots/openapi.json missing: run with UPDATE_SNAPSHOTS=1 once");
    assert!(
        expected == pretty,
        "the OpenAPI document changed; if deliberate, run `UPDATE_SNAPSHOTS=1 cargo test --test api openapi` and commit the snapshot"
    );
}

#[tokio::test]
async fn cors_follows_configuration() {
    let app = TestApp::with_env(&[("JOBWISE_CORS_ORIGINS", "https://app.example.com")]).await;
    let preflight = |origin: &str| {
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/api/v1/auth/login")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let allowed = app.send(preflight("https://app.example.com")).await;
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://app.example.com")
    );
    let denied = app.send(preflight("https://evil.example.com")).await;
    assert_eq!(denied.header("access-control-allow-origin"), None);

    let closed = TestApp::new().await;
    let r = closed.send(preflight("https://app.example.com")).await;
    assert_eq!(r.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let app = TestApp::new().await;
    for encoding in ["gzip", "br"] {
        let request = Request::builder()
            .uri("/openapi.json")
            .header("accept-encoding", encoding)
            .body(Body::empty())
            .unwrap();
        let r = app.send(request).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.header("content-encoding"), Some(encoding));
    }
}
