//! Personal API keys: creation (secret shown once), use via `X-API-Key`, listing, ownership,
//! revocation and expiry.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use crate::helpers::TestApp;

fn with_key(path: &str, key: &str) -> Request<Body> {
    Request::builder()
        .uri(path)
        .header("x-api-key", key)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn create_use_list_and_revoke() {
    let app = TestApp::new().await;
    let token = app.access_token("keys@example.com").await;
    let created = app
        .post(
            "/api/v1/auth/api-keys",
            json!({"name": "export script", "expires_in_days": 30}),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let body = created.json();
    let id = body["id"].as_str().unwrap();
    assert_eq!(
        created.header("location").unwrap(),
        format!("/api/v1/auth/api-keys/{id}")
    );
    let key = body["key"].as_str().unwrap();
    assert!(key.starts_with("jw_") && key.len() == 43, "{key}");
    assert!(key.starts_with(body["prefix"].as_str().unwrap()));
    assert!(body["expires_at"].is_string());

    let me = app.send(with_key("/api/v1/auth/me", key)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["email"], "keys@example.com");

    let one = app
        .get(&format!("/api/v1/auth/api-keys/{id}"), Some(&token))
        .await;
    assert_eq!(one.status, StatusCode::OK);
    let one = one.json();
    assert!(one.get("key").is_none(), "the secret is never shown again");
    assert_eq!(one["name"], "export script");
    assert!(one["last_used_at"].is_string());

    let list = app.get("/api/v1/auth/api-keys", Some(&token)).await.json();
    assert_eq!(list["api_keys"].as_array().unwrap().len(), 1);
    assert_eq!(
        list["pagination"],
        json!({"total": 1, "limit": 20, "offset": 0, "has_next": false})
    );
    assert!(!list.to_string().contains(key));

    // Stored hashed, not in clear.
    let stored: String = sqlx::query_scalar("SELECT key_hash FROM api_keys WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_ne!(stored, key);

    let deleted = app
        .call(
            Method::DELETE,
            &format!("/api/v1/auth/api-keys/{id}"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    app.send(with_key("/api/v1/auth/me", key))
        .await
        .assert_error(401, "unauthorized");
    app.call(
        Method::DELETE,
        &format!("/api/v1/auth/api-keys/{id}"),
        None,
        Some(&token),
    )
    .await
    .assert_error(404, "not_found");
}

#[tokio::test]
async fn api_keys_cannot_manage_credentials() {
    let app = TestApp::new().await;
    let token = app.access_token("esc@example.com").await;
    let key = app
        .post("/api/v1/auth/api-keys", json!({"name": "k"}), Some(&token))
        .await
        .json()["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/api-keys")
        .header("x-api-key", &key)
        .header("content-type", "application/json")
        .body(Body::from(json!({"name": "escalate"}).to_string()))
        .unwrap();
    app.send(request).await.assert_error(403, "forbidden");
    app.send(with_key("/api/v1/auth/api-keys", &key))
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn other_users_keys_are_404() {
    let app = TestApp::new().await;
    let alice = app.access_token("alice@example.com").await;
    let bob = app.access_token("bob@example.com").await;
    let id = app
        .post(
            "/api/v1/auth/api-keys",
            json!({"name": "alice's"}),
            Some(&alice),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.get(&format!("/api/v1/auth/api-keys/{id}"), Some(&bob))
        .await
        .assert_error(404, "not_found");
    app.call(
        Method::DELETE,
        &format!("/api/v1/auth/api-keys/{id}"),
        None,
        Some(&bob),
    )
    .await
    .assert_error(404, "not_found");
    let bobs = app.get("/api/v1/auth/api-keys", Some(&bob)).await.json();
    assert_eq!(bobs["pagination"]["total"], 0);
    // Still there for Alice.
    assert_eq!(
        app.get(&format!("/api/v1/auth/api-keys/{id}"), Some(&alice))
            .await
            .status,
        StatusCode::OK
    );
    // Not-an-id is a 404 too.
    app.get("/api/v1/auth/api-keys/not-a-uuid", Some(&alice))
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn validation_and_pagination() {
    let app = TestApp::new().await;
    let token = app.access_token("page@example.com").await;
    let bad = app
        .post(
            "/api/v1/auth/api-keys",
            json!({"name": "", "expires_in_days": 0}),
            Some(&token),
        )
        .await
        .assert_error(422, "validation_error");
    let fields: Vec<&str> = bad["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "expires_in_days"]);

    for i in 0..3 {
        let r = app
            .post(
                "/api/v1/auth/api-keys",
                json!({"name": format!("k{i}")}),
                Some(&token),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let page = app
        .get("/api/v1/auth/api-keys?limit=2", Some(&token))
        .await
        .json();
    assert_eq!(page["api_keys"].as_array().unwrap().len(), 2);
    assert_eq!(page["api_keys"][0]["name"], "k2", "newest first");
    assert_eq!(page["pagination"]["has_next"], true);
    let last = app
        .get("/api/v1/auth/api-keys?limit=2&offset=2", Some(&token))
        .await
        .json();
    assert_eq!(last["api_keys"].as_array().unwrap().len(), 1);
    assert_eq!(last["pagination"]["has_next"], false);
    let beyond = app
        .get("/api/v1/auth/api-keys?offset=50", Some(&token))
        .await
        .json();
    assert_eq!(beyond["api_keys"].as_array().unwrap().len(), 0);

    for query in ["limit=0", "limit=101", "limit=ten", "offset=-1"] {
        app.get(&format!("/api/v1/auth/api-keys?{query}"), Some(&token))
            .await
            .assert_error(422, "validation_error");
    }
}

#[tokio::test]
async fn expired_and_unknown_keys_are_refused() {
    let app = TestApp::new().await;
    let token = app.access_token("exp@example.com").await;
    let created = app
        .post(
            "/api/v1/auth/api-keys",
            json!({"name": "old", "expires_in_days": 1}),
            Some(&token),
        )
        .await
        .json();
    sqlx::query("UPDATE api_keys SET expires_at = $1 WHERE id = $2")
        .bind(jobwise::db::Timestamp::now().millis() - 1000)
        .bind(created["id"].as_str().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    app.send(with_key(
        "/api/v1/auth/me",
        created["key"].as_str().unwrap(),
    ))
    .await
    .assert_error(401, "unauthorized");
    app.send(with_key(
        "/api/v1/auth/me",
        "jw_0000000000000000000000000000000000000000",
    ))
    .await
    .assert_error(401, "unauthorized");
    app.send(with_key("/api/v1/auth/me", "something-else"))
        .await
        .assert_error(401, "unauthorized");
}
