//! Per-user and per-IP request limits, in process and (when `JOBWISE_TEST_REDIS_URL` is set)
//! shared between instances through Redis.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use jobwise::rate_limit::RateLimiter;
use serde_json::json;

use crate::helpers::{TestApp, redis_url};

#[tokio::test]
async fn authenticated_users_are_limited_per_minute() {
    let app = TestApp::with_env(&[("JOBWISE_RATE_LIMIT_PER_MINUTE", "3")]).await;
    let alice = app.access_token("alice@example.com").await;
    let bob = app.access_token("bob@example.com").await;
    for _ in 0..3 {
        assert_eq!(
            app.get("/api/v1/auth/me", Some(&alice)).await.status,
            StatusCode::OK
        );
    }
    let limited = app.get("/api/v1/auth/me", Some(&alice)).await;
    let body = limited.assert_error(429, "rate_limit_exceeded");
    let retry: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(body["retry_after"], retry);
    // Other users have their own budget.
    assert_eq!(
        app.get("/api/v1/auth/me", Some(&bob)).await.status,
        StatusCode::OK
    );
    // Public endpoints are not limited.
    assert_eq!(app.get("/health", None).await.status, StatusCode::OK);
}

fn register_from(ip: &str, email: &str) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/register")
        .header("content-type", "application/json")
        .header("x-forwarded-for", ip)
        .body(Body::from(
            json!({"email": email, "password": "Passw0rd!", "full_name": "X"}).to_string(),
        ))
        .unwrap()
}

#[tokio::test]
async fn anonymous_routes_are_limited_per_ip() {
    let app = TestApp::with_env(&[
        ("JOBWISE_ANON_RATE_LIMIT_PER_MINUTE", "2"),
        ("JOBWISE_TRUST_PROXY_HEADERS", "true"),
    ])
    .await;
    assert_eq!(
        app.send(register_from("192.0.2.1", "a1@example.com"))
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.send(register_from("192.0.2.1", "a2@example.com"))
            .await
            .status,
        StatusCode::CREATED
    );
    app.send(register_from("192.0.2.1", "a3@example.com"))
        .await
        .assert_error(429, "rate_limit_exceeded");
    assert_eq!(
        app.send(register_from("192.0.2.2", "b1@example.com"))
            .await
            .status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn redis_counters_are_shared_between_instances() {
    let Some(url) = redis_url() else {
        eprintln!(
            "SKIPPED redis_counters_are_shared_between_instances: JOBWISE_TEST_REDIS_URL is not set"
        );
        return;
    };
    let prefix = format!("jobwise-test:{}:", uuid::Uuid::now_v7());
    let env = [
        ("JOBWISE_ANON_RATE_LIMIT_PER_MINUTE", "3"),
        ("JOBWISE_TRUST_PROXY_HEADERS", "true"),
    ];
    let mut first = TestApp::with_env(&env).await;
    let mut second = TestApp::with_env(&env).await;
    first.state = first
        .state
        .clone()
        .with_limiter(RateLimiter::redis(&url, prefix.clone()).await.unwrap());
    second.state = second
        .state
        .clone()
        .with_limiter(RateLimiter::redis(&url, prefix.clone()).await.unwrap());
    first.rebuild_router();
    second.rebuild_router();

    assert_eq!(
        first
            .send(register_from("192.0.2.9", "r1@example.com"))
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        second
            .send(register_from("192.0.2.9", "r2@example.com"))
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        first
            .send(register_from("192.0.2.9", "r3@example.com"))
            .await
            .status,
        StatusCode::CREATED
    );
    // The fourth request in the window is refused by whichever instance gets it.
    second
        .send(register_from("192.0.2.9", "r4@example.com"))
        .await
        .assert_error(429, "rate_limit_exceeded");
    first
        .send(register_from("192.0.2.9", "r5@example.com"))
        .await
        .assert_error(429, "rate_limit_exceeded");

    let health = first.get("/health", None).await.json();
    assert_eq!(health["checks"]["rate_limiter"]["backend"], "redis");
    assert_eq!(health["checks"]["rate_limiter"]["status"], "ok");
    eprintln!("redis shared-counter test ran against {url}");
}

#[tokio::test]
async fn redis_limiter_peek_hit_and_reset() {
    let Some(url) = redis_url() else {
        eprintln!("SKIPPED redis_limiter_peek_hit_and_reset: JOBWISE_TEST_REDIS_URL is not set");
        return;
    };
    let limiter = RateLimiter::redis(&url, format!("jobwise-test:{}:", uuid::Uuid::now_v7()))
        .await
        .unwrap();
    let minute = Duration::from_secs(60);
    assert!(limiter.hit("k", 2, minute).await.allowed);
    assert!(limiter.hit("k", 2, minute).await.allowed);
    assert!(!limiter.peek("k", 2, minute).await.allowed);
    assert!(!limiter.hit("k", 2, minute).await.allowed);
    limiter.reset("k", minute).await;
    assert!(limiter.peek("k", 2, minute).await.allowed);
    eprintln!("redis limiter test ran against {url}");
}
