//! Registration, login, refresh rotation and reuse detection, logout, me, change-password.

use axum::http::{Method, StatusCode};
use jobwise::auth::tokens::TokenType;
use jobwise::db::Timestamp;
use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn register_returns_tokens_and_location() {
    let app = TestApp::new().await;
    let response = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "  Jane.Doe@Example.com ", "password": "Correct-horse-7", "full_name": "Jane Doe"}),
            None,
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED);
    assert_eq!(response.header("location"), Some("/api/v1/auth/me"));
    let body = response.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["user"]["email"], "Jane.Doe@Example.com");
    assert_eq!(body["user"]["full_name"], "Jane Doe");
    assert!(body["user"]["created_at"].as_str().unwrap().ends_with('Z'));
    let access = body["access_token"].as_str().unwrap();
    let me = app.get("/api/v1/auth/me", Some(access)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["id"], body["user"]["id"]);
}

#[tokio::test]
async fn duplicate_email_is_409_case_insensitively() {
    let app = TestApp::new().await;
    app.register("sam@example.com").await;
    let response = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "SAM@example.COM", "password": "Passw0rd!", "full_name": "Sam"}),
            None,
        )
        .await;
    response.assert_error(409, "conflict");
}

#[tokio::test]
async fn register_lists_every_bad_field() {
    let app = TestApp::new().await;
    let response = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "not-an-email", "password": "short", "full_name": "   "}),
            None,
        )
        .await;
    let body = response.assert_error(422, "validation_error");
    let fields: Vec<&str> = body["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "password", "full_name"]);

    for (password, ok) in [
        ("alllowercase", false),
        ("12345678", false),
        ("lower123", true),
        ("Upper-case", true),
    ] {
        let r = app
            .post(
                "/api/v1/auth/register",
                json!({"email": format!("{password}@example.com"), "password": password, "full_name": "P"}),
                None,
            )
            .await;
        assert_eq!(
            r.status == StatusCode::CREATED,
            ok,
            "{password}: {}",
            String::from_utf8_lossy(&r.body)
        );
    }
    let long_name = "x".repeat(101);
    let r = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "long@example.com", "password": "Passw0rd!", "full_name": long_name}),
            None,
        )
        .await;
    assert_eq!(
        r.assert_error(422, "validation_error")["details"][0]["field"],
        "full_name"
    );
}

#[tokio::test]
async fn missing_and_mistyped_fields_name_the_path() {
    let app = TestApp::new().await;
    let r = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "a@b.co", "password": "Passw0rd!"}),
            None,
        )
        .await;
    let body = r.assert_error(422, "validation_error");
    assert_eq!(body["details"][0]["field"], "full_name");
    assert_eq!(body["details"][0]["message"], "is required");

    let r = app
        .post(
            "/api/v1/auth/register",
            json!({"email": 42, "password": "Passw0rd!", "full_name": "A"}),
            None,
        )
        .await;
    let body = r.assert_error(422, "validation_error");
    assert_eq!(body["details"][0]["field"], "email");
    assert!(
        body["details"][0]["message"]
            .as_str()
            .unwrap()
            .contains("invalid type")
    );

    let r = app
        .post(
            "/api/v1/auth/register",
            json!(["not", "an", "object"]),
            None,
        )
        .await;
    r.assert_error(422, "validation_error");
}

#[tokio::test]
async fn login_is_case_insensitive_and_failures_look_identical() {
    let app = TestApp::new().await;
    app.register("kim@example.com").await;
    let ok = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "KIM@example.com", "password": "Passw0rd!"}),
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.json()["user"]["email"], "kim@example.com");

    let wrong_password = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "kim@example.com", "password": "Wrong-pass1"}),
            None,
        )
        .await
        .assert_error(401, "unauthorized");
    let unknown_email = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "nobody@example.com", "password": "Wrong-pass1"}),
            None,
        )
        .await
        .assert_error(401, "unauthorized");
    assert_eq!(wrong_password["message"], unknown_email["message"]);
    assert_eq!(wrong_password["details"], unknown_email["details"]);

    app.post(
        "/api/v1/auth/login",
        json!({"email": "", "password": ""}),
        None,
    )
    .await
    .assert_error(422, "validation_error");
}

#[tokio::test]
async fn repeated_login_failures_lock_the_account_for_a_while() {
    let app = TestApp::with_env(&[("JOBWISE_LOGIN_FAILURES_PER_ACCOUNT", "3")]).await;
    app.register("lock@example.com").await;
    for _ in 0..3 {
        app.post(
            "/api/v1/auth/login",
            json!({"email": "lock@example.com", "password": "Bad-pass-1"}),
            None,
        )
        .await
        .assert_error(401, "unauthorized");
    }
    // Even the right password is refused while the account is locked out.
    let r = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "lock@example.com", "password": "Passw0rd!"}),
            None,
        )
        .await;
    let body = r.assert_error(429, "rate_limit_exceeded");
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!(retry >= 1);
    assert_eq!(body["retry_after"], retry);
    // Other accounts are unaffected.
    app.register("free@example.com").await;
    let ok = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "free@example.com", "password": "Passw0rd!"}),
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
}

#[tokio::test]
async fn failed_logins_are_limited_per_ip() {
    let app = TestApp::with_env(&[
        ("JOBWISE_LOGIN_FAILURES_PER_IP", "2"),
        ("JOBWISE_TRUST_PROXY_HEADERS", "true"),
    ])
    .await;
    let attempt = |email: &'static str, ip: &'static str| {
        let request = axum::http::Request::builder()
            .method(Method::POST)
            .uri("/api/v1/auth/login")
            .header("content-type", "application/json")
            .header("x-forwarded-for", ip)
            .body(axum::body::Body::from(
                json!({"email": email, "password": "Bad-pass-1"}).to_string(),
            ))
            .unwrap();
        app.send(request)
    };
    attempt("a@example.com", "203.0.113.5")
        .await
        .assert_error(401, "unauthorized");
    attempt("b@example.com", "203.0.113.5")
        .await
        .assert_error(401, "unauthorized");
    attempt("c@example.com", "203.0.113.5")
        .await
        .assert_error(429, "rate_limit_exceeded");
    attempt("c@example.com", "198.51.100.7")
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::new().await;
    let first = app.register("rot@example.com").await;
    let r0 = first["refresh_token"].as_str().unwrap();

    let second = app
        .post("/api/v1/auth/refresh", json!({"refresh_token": r0}), None)
        .await;
    assert_eq!(second.status, StatusCode::OK);
    let second = second.json();
    let r1 = second["refresh_token"].as_str().unwrap();
    assert_ne!(r0, r1);
    assert_eq!(second["user"]["email"], "rot@example.com");
    let me = app
        .get("/api/v1/auth/me", second["access_token"].as_str())
        .await;
    assert_eq!(me.status, StatusCode::OK);

    // Spending r0 again after the grace window is reuse: refused, and the whole family (r1
    // too) is revoked.
    age_rotations(&app, 11_000).await;
    app.post("/api/v1/auth/refresh", json!({"refresh_token": r0}), None)
        .await
        .assert_error(401, "unauthorized");
    app.post("/api/v1/auth/refresh", json!({"refresh_token": r1}), None)
        .await
        .assert_error(401, "unauthorized");

    // A separate login is a separate family and still works.
    let other = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "rot@example.com", "password": "Passw0rd!"}),
            None,
        )
        .await
        .json();
    let r = app
        .post(
            "/api/v1/auth/refresh",
            json!({"refresh_token": other["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

/// Moves every rotation `ms` into the past, as if the grace window had gone by.
async fn age_rotations(app: &TestApp, ms: i64) {
    sqlx::query("UPDATE refresh_tokens SET used_at = used_at - $1 WHERE used_at IS NOT NULL")
        .bind(ms)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

/// Two tabs refreshing at once must not log the user out: 8 concurrent refreshes of one token
/// all get the same new pair, which keeps working; after the grace window, presenting the
/// old token again is reuse and revokes the family.
#[tokio::test]
async fn concurrent_refreshes_share_one_new_pair_within_the_grace_window() {
    let app = TestApp::new().await;
    let first = app.register("tabs@example.com").await;
    let r0 = first["refresh_token"].as_str().unwrap().to_owned();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let router = app.router.clone();
        let r0 = r0.clone();
        tasks.push(tokio::spawn(async move {
            use http_body_util::BodyExt as _;
            use tower::ServiceExt as _;
            let request = axum::http::Request::builder()
                .method(Method::POST)
                .uri("/api/v1/auth/refresh")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    json!({"refresh_token": r0}).to_string(),
                ))
                .unwrap();
            let response = router.oneshot(request).await.unwrap();
            let status = response.status();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (
                status,
                serde_json::from_slice::<serde_json::Value>(&body).unwrap(),
            )
        }));
    }
    let mut pairs = Vec::new();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        pairs.push((
            body["access_token"].as_str().unwrap().to_owned(),
            body["refresh_token"].as_str().unwrap().to_owned(),
        ));
    }
    assert!(
        pairs.iter().all(|p| p == &pairs[0]),
        "every concurrent refresh returns the same pair"
    );
    let (access, r1) = pairs[0].clone();
    assert_ne!(r1, r0);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM refresh_tokens")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(rows, 2, "one rotation, not eight");
    assert_eq!(
        app.get("/api/v1/auth/me", Some(&access)).await.status,
        StatusCode::OK
    );

    // Still inside the window, one more late tab gets the same pair.
    let late = app
        .post("/api/v1/auth/refresh", json!({"refresh_token": r0}), None)
        .await;
    assert_eq!(late.status, StatusCode::OK);
    assert_eq!(late.json()["refresh_token"], r1.as_str());

    // Past the window, r0 is reuse: refused, and r1 is revoked with its family.
    age_rotations(&app, 10_001).await;
    app.post("/api/v1/auth/refresh", json!({"refresh_token": r0}), None)
        .await
        .assert_error(401, "unauthorized");
    app.post("/api/v1/auth/refresh", json!({"refresh_token": r1}), None)
        .await
        .assert_error(401, "unauthorized");
}

/// With the grace window turned off, a second presentation is reuse at once.
#[tokio::test]
async fn refresh_grace_can_be_turned_off() {
    let app = TestApp::with_env(&[("JOBWISE_REFRESH_GRACE_SECS", "0")]).await;
    let first = app.register("nograce@example.com").await;
    let r0 = first["refresh_token"].as_str().unwrap();
    let second = app
        .post("/api/v1/auth/refresh", json!({"refresh_token": r0}), None)
        .await;
    assert_eq!(second.status, StatusCode::OK);
    app.post("/api/v1/auth/refresh", json!({"refresh_token": r0}), None)
        .await
        .assert_error(401, "unauthorized");
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": second.json()["refresh_token"]}),
        None,
    )
    .await
    .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn token_types_do_not_mix() {
    let app = TestApp::new().await;
    let tokens = app.register("mix@example.com").await;
    let access = tokens["access_token"].as_str().unwrap();
    let refresh = tokens["refresh_token"].as_str().unwrap();
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": access}),
        None,
    )
    .await
    .assert_error(401, "unauthorized");
    app.get("/api/v1/auth/me", Some(refresh))
        .await
        .assert_error(401, "unauthorized");
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": "garbage"}),
        None,
    )
    .await
    .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn bad_credentials_are_401() {
    let app = TestApp::new().await;
    let tokens = app.register("creds@example.com").await;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let user_id = uuid::Uuid::parse_str(tokens["user"]["id"].as_str().unwrap()).unwrap();

    app.get("/api/v1/auth/me", None)
        .await
        .assert_error(401, "unauthorized");
    app.get("/api/v1/auth/me", Some("not.a.jwt"))
        .await
        .assert_error(401, "unauthorized");

    let mut tampered = access.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'x' { 'y' } else { 'x' });
    app.get("/api/v1/auth/me", Some(&tampered))
        .await
        .assert_error(401, "unauthorized");

    // A token whose payload was edited (another user id) fails the signature check.
    let parts: Vec<&str> = access.split('.').collect();
    let forged = format!("{}.{}.{}", parts[0], parts[1].replace('A', "B"), parts[2]);
    if forged != access {
        app.get("/api/v1/auth/me", Some(&forged))
            .await
            .assert_error(401, "unauthorized");
    }

    let hour_ago = Timestamp(Timestamp::now().millis() - 3_600_000);
    let expired = app
        .state
        .tokens
        .sign(user_id, TokenType::Access, uuid::Uuid::now_v7(), hour_ago)
        .unwrap();
    app.get("/api/v1/auth/me", Some(&expired.token))
        .await
        .assert_error(401, "unauthorized");

    let basic = axum::http::Request::builder()
        .uri("/api/v1/auth/me")
        .header("authorization", "Basic dXNlcjpwYXNz")
        .body(axum::body::Body::empty())
        .unwrap();
    app.send(basic).await.assert_error(401, "unauthorized");
}

#[tokio::test]
async fn logout_revokes_the_session() {
    let app = TestApp::new().await;
    let tokens = app.register("bye@example.com").await;
    let access = tokens["access_token"].as_str().unwrap();
    let refresh = tokens["refresh_token"].as_str().unwrap();

    app.post(
        "/api/v1/auth/logout",
        json!({"refresh_token": refresh}),
        None,
    )
    .await
    .assert_error(401, "unauthorized");
    let r = app
        .post(
            "/api/v1/auth/logout",
            json!({"refresh_token": refresh}),
            Some(access),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": refresh}),
        None,
    )
    .await
    .assert_error(401, "unauthorized");
    // Logging out again is harmless.
    let again = app
        .post(
            "/api/v1/auth/logout",
            json!({"refresh_token": refresh}),
            Some(access),
        )
        .await;
    assert_eq!(again.status, StatusCode::NO_CONTENT);

    // Someone else's refresh token cannot be used to log them out.
    let other = app.register("other@example.com").await;
    app.post(
        "/api/v1/auth/logout",
        json!({"refresh_token": other["refresh_token"]}),
        Some(access),
    )
    .await
    .assert_error(401, "unauthorized");
    let still = app
        .post(
            "/api/v1/auth/refresh",
            json!({"refresh_token": other["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(still.status, StatusCode::OK);
}

#[tokio::test]
async fn change_password_revokes_other_sessions() {
    let app = TestApp::new().await;
    let first = app.register("pw@example.com").await;
    let second = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "pw@example.com", "password": "Passw0rd!"}),
            None,
        )
        .await
        .json();
    let access = first["access_token"].as_str().unwrap();

    app.post(
        "/api/v1/auth/change-password",
        json!({"current_password": "Wrong-one-1", "new_password": "N3w-password"}),
        Some(access),
    )
    .await
    .assert_error(403, "forbidden");
    let weak = app
        .post(
            "/api/v1/auth/change-password",
            json!({"current_password": "Passw0rd!", "new_password": "weak"}),
            Some(access),
        )
        .await
        .assert_error(422, "validation_error");
    assert_eq!(weak["details"][0]["field"], "new_password");

    let changed = app
        .post(
            "/api/v1/auth/change-password",
            json!({"current_password": "Passw0rd!", "new_password": "N3w-password"}),
            Some(access),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    let changed = changed.json();

    for old in [&first["refresh_token"], &second["refresh_token"]] {
        app.post("/api/v1/auth/refresh", json!({"refresh_token": old}), None)
            .await
            .assert_error(401, "unauthorized");
    }
    let fresh = app
        .post(
            "/api/v1/auth/refresh",
            json!({"refresh_token": changed["refresh_token"]}),
            None,
        )
        .await;
    assert_eq!(fresh.status, StatusCode::OK);
    app.post(
        "/api/v1/auth/login",
        json!({"email": "pw@example.com", "password": "Passw0rd!"}),
        None,
    )
    .await
    .assert_error(401, "unauthorized");
    let login = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "pw@example.com", "password": "N3w-password"}),
            None,
        )
        .await;
    assert_eq!(login.status, StatusCode::OK);
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id() {
    let app = TestApp::new().await;
    app.register("hash@example.com").await;
    let stored: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email_normalized = $1")
            .bind("hash@example.com")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(stored.starts_with("$argon2id$"), "{stored}");
    assert!(!stored.contains("Passw0rd!"));
}
