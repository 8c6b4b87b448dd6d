//! Templates: public list, one template, and PDF previews from the built-in samples.

use axum::http::StatusCode;

use crate::helpers::TestApp;

#[tokio::test]
async fn list_and_get_are_public() {
    let app = TestApp::new().await;
    let list = app.get("/api/v1/templates", None).await;
    assert_eq!(list.status, StatusCode::OK);
    let list = list.json();
    let ids: Vec<&str> = list["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["ats_optimized", "modern", "classic", "minimal", "creative"]
    );
    assert!(
        list.get("pagination").is_none(),
        "templates are not paginated"
    );
    let one = app
        .get("/api/v1/templates/ats_optimized", None)
        .await
        .json();
    assert_eq!(one["ats_friendly"], true);
    assert_eq!(
        one["supports"],
        serde_json::json!(["resume", "cover_letter"])
    );
    app.get("/api/v1/templates/comic_sans", None)
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn previews_are_pdfs() {
    let app = TestApp::new().await;
    for (query, ok) in [
        ("", true),
        ("?document_type=cover_letter", true),
        ("?paper=letter", true),
        ("?document_type=poem", false),
        ("?paper=a3", false),
    ] {
        let r = app
            .get(&format!("/api/v1/templates/modern/preview{query}"), None)
            .await;
        if ok {
            assert_eq!(
                r.status,
                StatusCode::OK,
                "{query}: {}",
                String::from_utf8_lossy(&r.body)
            );
            assert_eq!(r.header("content-type"), Some("application/pdf"));
            assert!(r.body.starts_with(b"%PDF-"), "{query}");
        } else {
            r.assert_error(422, "validation_error");
        }
    }
    app.get("/api/v1/templates/nope/preview", None)
        .await
        .assert_error(404, "not_found");
}
