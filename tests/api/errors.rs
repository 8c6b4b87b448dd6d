//! Framework-level errors all come back in the contract's error shape with the request id.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn malformed_json_is_400() {
    let app = TestApp::new().await;
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/register")
        .header("content-type", "application/json")
        .body(Body::from("{\"email\": \"a@b.co\", "))
        .unwrap();
    let body = app
        .send(request)
        .await
        .assert_error(400, "validation_error");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("Malformed JSON")
    );
}

#[tokio::test]
async fn wrong_or_missing_content_type_is_415() {
    let app = TestApp::new().await;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut builder = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/auth/login");
        if let Some(ct) = content_type {
            builder = builder.header("content-type", ct);
        }
        let request = builder
            .body(Body::from(
                json!({"email": "a@b.co", "password": "x"}).to_string(),
            ))
            .unwrap();
        app.send(request)
            .await
            .assert_error(415, "unsupported_media_type");
    }
    // A charset parameter is fine.
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/login")
        .header("content-type", "application/json; charset=utf-8")
        .body(Body::from(
            json!({"email": "a@b.co", "password": "Passw0rd!"}).to_string(),
        ))
        .unwrap();
    app.send(request).await.assert_error(401, "unauthorized");
}

#[tokio::test]
async fn oversized_body_is_413() {
    let app = TestApp::with_env(&[("JOBWISE_BODY_LIMIT_BYTES", "2048")]).await;
    let big = json!({"email": "a@b.co", "password": "Passw0rd!", "full_name": "x".repeat(5000)})
        .to_string();
    // With Content-Length (rejected before the handler) …
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/register")
        .header("content-type", "application/json")
        .header("content-length", big.len())
        .body(Body::from(big.clone()))
        .unwrap();
    app.send(request)
        .await
        .assert_error(413, "payload_too_large");
    // … and streamed without one (rejected while reading).
    let stream = futures_stream(big);
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/register")
        .header("content-type", "application/json")
        .body(stream)
        .unwrap();
    app.send(request)
        .await
        .assert_error(413, "payload_too_large");
}

fn futures_stream(text: String) -> Body {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = text
        .into_bytes()
        .chunks(512)
        .map(|c| Ok(c.to_vec()))
        .collect();
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test]
async fn unknown_route_and_wrong_method() {
    let app = TestApp::new().await;
    app.get("/api/v1/nothing-here", None)
        .await
        .assert_error(404, "not_found");
    app.get("/completely/unknown", None)
        .await
        .assert_error(404, "not_found");
    let r = app
        .call(Method::DELETE, "/api/v1/auth/login", None, None)
        .await;
    r.assert_error(405, "method_not_allowed");
}

#[tokio::test]
async fn request_ids_are_echoed_or_generated() {
    let app = TestApp::new().await;
    let request = Request::builder()
        .uri("/health")
        .header("x-request-id", "client-abc-123")
        .body(Body::empty())
        .unwrap();
    let r = app.send(request).await;
    assert_eq!(r.header("x-request-id"), Some("client-abc-123"));

    let r = app.get("/health", None).await;
    let generated = r.header("x-request-id").unwrap();
    assert!(uuid::Uuid::parse_str(generated).is_ok(), "{generated}");

    // An unusable client id (too long) is replaced, and errors carry the id in the body.
    let request = Request::builder()
        .uri("/nope")
        .header("x-request-id", "x".repeat(300))
        .body(Body::empty())
        .unwrap();
    let r = app.send(request).await;
    let body = r.assert_error(404, "not_found");
    assert_eq!(body["request_id"].as_str().unwrap().len(), 36);
}

#[tokio::test]
async fn error_bodies_always_have_details() {
    let app = TestApp::new().await;
    let body = app
        .get("/api/v1/auth/me", None)
        .await
        .assert_error(401, "unauthorized");
    assert_eq!(body["details"], json!([]));
    assert!(body.get("retry_after").is_none());
    assert_eq!(
        app.get("/api/v1/auth/me", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// Text PostgreSQL cannot store (U+0000) is a 422 naming the field on every route, through the
/// JSON extractor and the query-string rule (it was a 500 on PostgreSQL on these nine).
#[tokio::test]
async fn nul_text_is_a_422_naming_the_field() {
    let app = TestApp::new().await;
    let token = app.access_token("nul@example.com").await;
    let fields_of = |response: &crate::helpers::TestResponse| -> Vec<String> {
        response.assert_error(422, "validation_error")["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["field"].as_str().unwrap().to_owned())
            .collect()
    };
    let cases: Vec<(&str, serde_json::Value, Option<&str>, &str)> = vec![
        (
            "/api/v1/auth/register",
            json!({"email": "a\u{0}@example.com", "password": "Passw0rd!", "full_name": "A"}),
            None,
            "email",
        ),
        (
            "/api/v1/auth/login",
            json!({"email": "nul@example.com", "password": "Pass\u{0}w0rd!"}),
            None,
            "password",
        ),
        (
            "/api/v1/auth/api-keys",
            json!({"name": "key\u{0}"}),
            Some(&token),
            "name",
        ),
        (
            "/api/v1/jobs",
            json!({"title": "Welder", "description": "TIG\u{0} welding"}),
            Some(&token),
            "description",
        ),
        (
            "/api/v1/jobs",
            json!({"text": "Welder at Acme\n\nWe need TIG\u{0} welding."}),
            Some(&token),
            "text",
        ),
        (
            "/api/v1/profiles",
            json!({"personal_info": {"full_name": "Jane\u{0} Doe", "email": "jane@example.com"}}),
            Some(&token),
            "personal_info.full_name",
        ),
    ];
    for (path, body, auth, field) in cases {
        let response = app.post(path, body, auth).await;
        assert_eq!(fields_of(&response), [field], "{path}");
    }
    for (param, value) in [
        ("query", "rust%00"),
        ("q", "%00"),
        ("location", "Ber%00lin"),
    ] {
        let response = app
            .get(&format!("/api/v1/jobs?{param}={value}"), Some(&token))
            .await;
        assert_eq!(fields_of(&response), [param], "{param}");
    }
    // Nothing was stored, and the service still answers.
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(users, 1);
    let ok = app.get("/api/v1/jobs?query=rust", Some(&token)).await;
    assert_eq!(ok.status, StatusCode::OK);
}
