//! Documents: list with filters, get with content and provenance, downloads in every format
//! (names, ETag, 304, cached in storage), edits as new versions, ZIP export, share links
//! (password, limits under concurrency, revoke, expiry), delete with storage clean-up, and
//! ownership on every route.

use std::io::Read as _;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::{Value, json};

use crate::generations::{setup, wait_finished};
use crate::helpers::TestApp;

/// A completed resume + cover letter: (token, [resume id, letter id], job id, profile id).
async fn generated(app: &TestApp, email: &str) -> (String, Vec<String>, String, String) {
    let (token, profile_id, job_id) = setup(app, email).await;
    let response = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": job_id,
                   "options": {"template": "ats_optimized", "include_cover_letter": true}}),
            Some(&token),
        )
        .await;
    let id = response.json()["generation_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = wait_finished(app, &id, &token).await;
    assert_eq!(done["status"], "completed", "{done}");
    let ids = done["result"]["document_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    (token, ids, job_id, profile_id)
}

async fn get_with(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> crate::helpers::TestResponse {
    let mut builder = Request::builder().uri(path);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    app.send(builder.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn documents_are_listed_read_and_downloaded_in_every_format() {
    let app = TestApp::new().await;
    let (token, ids, job_id, profile_id) = generated(&app, "docs@example.com").await;
    let auth = format!("Bearer {token}");

    let all = app.get("/api/v1/documents", Some(&token)).await;
    assert_eq!(all.status, StatusCode::OK);
    let all = all.json();
    assert_eq!(all["pagination"]["total"], 2);
    assert!(
        all["documents"][0].get("content").is_none(),
        "lists carry no content"
    );
    let resumes = app
        .get(
            &format!(
                "/api/v1/documents?document_type=resume&job_id={job_id}&profile_id={profile_id}"
            ),
            Some(&token),
        )
        .await
        .json();
    assert_eq!(resumes["pagination"]["total"], 1);
    assert_eq!(resumes["documents"][0]["id"], ids[0].as_str());
    let later = app
        .get("/api/v1/documents?created_after=2999-01-01", Some(&token))
        .await
        .json();
    assert_eq!(later["pagination"]["total"], 0);
    let earlier = app
        .get(
            "/api/v1/documents?created_after=2020-01-01T00:00:00Z",
            Some(&token),
        )
        .await
        .json();
    assert_eq!(earlier["pagination"]["total"], 2);
    let bad = app
        .get(
            "/api/v1/documents?document_type=poem&created_after=yesterday",
            Some(&token),
        )
        .await;
    assert_eq!(
        bad.assert_error(422, "validation_error")["details"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let resume = app
        .get(&format!("/api/v1/documents/{}", ids[0]), Some(&token))
        .await
        .json();
    assert_eq!(resume["document_type"], "resume");
    assert_eq!(resume["version"], 1);
    assert!(
        resume["content"]["text"]
            .as_str()
            .unwrap()
            .contains("Łukasz Wiśniewski")
    );
    assert!(
        resume["content"]["html"]
            .as_str()
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    assert_eq!(resume["content"]["structured"]["kind"], "resume");
    let provenance = resume["provenance"].as_array().unwrap();
    assert!(
        provenance
            .iter()
            .any(|p| p["path"] == "experience[0].bullets[0]"
                && p["source"]["item_id"].as_str().unwrap().starts_with("exp-"))
    );
    assert_eq!(resume["pdf"]["page_count"], 1);
    assert_eq!(resume["metadata"]["company"], "Tessary Labs");
    assert!(resume["validation"]["ats_score"].as_u64().unwrap() > 0);
    assert_eq!(resume["validation"]["factuality_issues"], json!([]));

    let base = format!("/api/v1/documents/{}/download", ids[0]);
    let pdf = get_with(&app, &base, &[("authorization", &auth)]).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(pdf.body.starts_with(b"%PDF"));
    assert_eq!(
        pdf.header("content-length")
            .map(|l| l.parse::<usize>().unwrap()),
        Some(pdf.body.len())
    );
    let disposition = pdf.header("content-disposition").unwrap();
    assert!(
        disposition
            .starts_with("attachment; filename=\"Lukasz_Wisniewski_Resume_Tessary_Labs.pdf\""),
        "{disposition}"
    );
    assert!(
        disposition
            .contains("filename*=UTF-8''%C5%81ukasz_Wi%C5%9Bniewski_Resume_Tessary_Labs.pdf"),
        "{disposition}"
    );
    let etag = pdf.header("etag").unwrap().to_owned();
    let again = get_with(
        &app,
        &base,
        &[("authorization", &auth), ("if-none-match", &etag)],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    let classic = get_with(
        &app,
        &format!("{base}?template=classic"),
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(classic.status, StatusCode::OK);
    assert_ne!(classic.header("etag").unwrap(), etag);

    for (format, content_type) in [
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("html", "text/html; charset=utf-8"),
        ("md", "text/markdown; charset=utf-8"),
        ("txt", "text/plain; charset=utf-8"),
    ] {
        let file = get_with(
            &app,
            &format!("{base}?format={format}"),
            &[("authorization", &auth)],
        )
        .await;
        assert_eq!(file.status, StatusCode::OK, "{format}");
        assert_eq!(file.header("content-type"), Some(content_type));
        assert!(
            file.header("content-disposition")
                .unwrap()
                .contains(&format!("Tessary_Labs.{format}\""))
        );
    }
    // Every rendering is stored once per version, template and format.
    let stored = app
        .state
        .storage
        .list(&format!("documents/{}", ids[0]))
        .await
        .unwrap();
    for suffix in [
        "v1/ats_optimized.pdf",
        "v1/classic.pdf",
        "v1/default.docx",
        "v1/default.html",
        "v1/default.md",
        "v1/default.txt",
    ] {
        assert!(
            stored.iter().any(|k| k.ends_with(suffix)),
            "{suffix} in {stored:?}"
        );
    }
    get_with(
        &app,
        &format!("{base}?format=xls"),
        &[("authorization", &auth)],
    )
    .await
    .assert_error(422, "validation_error");
    get_with(
        &app,
        &format!("{base}?template=fancy"),
        &[("authorization", &auth)],
    )
    .await
    .assert_error(422, "validation_error");

    // Someone else sees none of it.
    let other = app.access_token("nosy@example.com").await;
    let other_auth = format!("Bearer {other}");
    assert_eq!(
        app.get("/api/v1/documents", Some(&other)).await.json()["pagination"]["total"],
        0
    );
    for path in [
        format!("/api/v1/documents/{}", ids[0]),
        base.clone(),
        format!("/api/v1/documents/{}/shares", ids[0]),
        format!("/api/v1/documents/{}/versions", ids[0]),
    ] {
        get_with(&app, &path, &[("authorization", &other_auth)])
            .await
            .assert_error(404, "not_found");
    }
    app.call(
        Method::DELETE,
        &format!("/api/v1/documents/{}", ids[0]),
        None,
        Some(&other),
    )
    .await
    .assert_error(404, "not_found");
    app.call(
        Method::PATCH,
        &format!("/api/v1/documents/{}", ids[0]),
        Some(json!({"content": {"structured": resume["content"]["structured"]}})),
        Some(&other),
    )
    .await
    .assert_error(404, "not_found");
    app.post(
        &format!("/api/v1/documents/{}/share", ids[0]),
        json!({}),
        Some(&other),
    )
    .await
    .assert_error(404, "not_found");
    app.post(
        "/api/v1/documents/export",
        json!({"document_ids": [ids[0]]}),
        Some(&other),
    )
    .await
    .assert_error(404, "not_found");
}

#[tokio::test]
async fn edits_make_versions_and_report_new_factuality_issues() {
    let app = TestApp::new().await;
    let (token, ids, _, _) = generated(&app, "edit@example.com").await;
    let path = format!("/api/v1/documents/{}", ids[0]);
    let original = app.get(&path, Some(&token)).await.json();
    let mut structured = original["content"]["structured"].clone();
    structured["summary"]["text"] = json!("Backend engineer who grew revenue by 937% at Globex.");
    let edited = app
        .call(
            Method::PATCH,
            &path,
            Some(json!({"content": {"structured": structured}})),
            Some(&token),
        )
        .await;
    assert_eq!(
        edited.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&edited.body)
    );
    let edited = edited.json();
    assert_eq!(edited["id"], ids[0].as_str());
    assert_eq!(edited["version"], 2);
    let issues = edited["validation"]["factuality_issues"]
        .as_array()
        .unwrap();
    assert!(
        issues
            .iter()
            .any(|i| i["message"].as_str().unwrap().contains("937")),
        "{issues:?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i["message"].as_str().unwrap().contains("Globex")),
        "{issues:?}"
    );
    assert!(edited["content"]["text"].as_str().unwrap().contains("937%"));
    // The new version is what downloads serve; version 1 stays readable.
    let text = app
        .get(&format!("{path}/download?format=txt"), Some(&token))
        .await;
    assert!(String::from_utf8_lossy(&text.body).contains("937%"));
    let versions = app
        .get(&format!("{path}/versions"), Some(&token))
        .await
        .json();
    assert_eq!(versions["pagination"]["total"], 2);
    assert_eq!(versions["versions"][0]["version"], 2);
    assert_eq!(versions["versions"][1]["version"], 1);
    assert!(
        !versions["versions"][1]["structured"]
            .to_string()
            .contains("937")
    );

    // A resume stays a resume; malformed content is a 422 with paths.
    let letter = app
        .get(&format!("/api/v1/documents/{}", ids[1]), Some(&token))
        .await
        .json();
    let wrong_kind = app
        .call(
            Method::PATCH,
            &path,
            Some(json!({"content": {"structured": letter["content"]["structured"]}})),
            Some(&token),
        )
        .await;
    assert_eq!(
        wrong_kind.assert_error(422, "validation_error")["details"][0]["field"],
        "content.structured.kind"
    );
    let mut bad = original["content"]["structured"].clone();
    bad["experience"][0]["start_date"] = json!("last spring");
    let bad = app
        .call(
            Method::PATCH,
            &path,
            Some(json!({"content": {"structured": bad}})),
            Some(&token),
        )
        .await;
    assert_eq!(
        bad.assert_error(422, "validation_error")["details"][0]["field"],
        "content.structured.experience[0].start_date"
    );
}

#[tokio::test]
async fn export_zips_documents_with_download_names() {
    let app = TestApp::new().await;
    let (token, ids, _, _) = generated(&app, "zip@example.com").await;
    let response = app
        .post(
            "/api/v1/documents/export",
            json!({"document_ids": [ids[0], ids[1], ids[0]], "format": "pdf"}),
            Some(&token),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(response.body.clone())).unwrap();
    let mut names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().to_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "Lukasz_Wisniewski_Cover_Letter_Tessary_Labs.pdf",
            "Lukasz_Wisniewski_Resume_Tessary_Labs.pdf"
        ]
    );
    let mut first = Vec::new();
    archive
        .by_index(0)
        .unwrap()
        .read_to_end(&mut first)
        .unwrap();
    assert!(first.starts_with(b"%PDF"));

    let unknown = app
        .post(
            "/api/v1/documents/export",
            json!({"document_ids": [ids[0], "0190aaaa-0000-7000-8000-000000000000"]}),
            Some(&token),
        )
        .await;
    unknown.assert_error(404, "not_found");
    let empty = app
        .post(
            "/api/v1/documents/export",
            json!({"document_ids": [], "format": "xls"}),
            Some(&token),
        )
        .await;
    assert_eq!(
        empty.assert_error(422, "validation_error")["details"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn share_links_enforce_password_limit_revocation_and_expiry() {
    let app = TestApp::new().await;
    let (token, ids, _, _) = generated(&app, "share@example.com").await;
    let share_path = format!("/api/v1/documents/{}/share", ids[0]);
    let bad = app
        .post(
            &share_path,
            json!({"expires_in_hours": 0, "password": "short", "download_limit": 0}),
            Some(&token),
        )
        .await;
    assert_eq!(
        bad.assert_error(422, "validation_error")["details"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    let created = app
        .post(
            &share_path,
            json!({"expires_in_hours": 2, "password": "open sesame", "download_limit": 3}),
            Some(&token),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let share = created.json();
    let secret = share["token"].as_str().unwrap().to_owned();
    assert!(secret.len() >= 32);
    assert!(
        share["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/shared/{secret}"))
    );
    assert_eq!(share["downloads"], 0);
    assert_eq!(share["password_protected"], true);
    let shared = format!("/shared/{secret}");

    // Password: missing or wrong → 401 and not counted.
    get_with(&app, &shared, &[])
        .await
        .assert_error(401, "unauthorized");
    get_with(&app, &shared, &[("x-share-password", "wrong one")])
        .await
        .assert_error(401, "unauthorized");
    let ok = get_with(&app, &shared, &[("x-share-password", "open sesame")]).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(ok.body.starts_with(b"%PDF"));
    assert_eq!(ok.header("content-type"), Some("application/pdf"));

    // Two downloads are left; six at once get exactly two.
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let router = app.router.clone();
        let shared = shared.clone();
        tasks.push(tokio::spawn(async move {
            use tower::ServiceExt;
            let request = Request::builder()
                .uri(&shared)
                .header("x-share-password", "open sesame")
                .body(Body::empty())
                .unwrap();
            router.oneshot(request).await.unwrap().status()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::GONE).count(),
        4,
        "{statuses:?}"
    );
    get_with(&app, &shared, &[("x-share-password", "open sesame")])
        .await
        .assert_error(410, "gone");
    let list = app
        .get(
            &format!("/api/v1/documents/{}/shares", ids[0]),
            Some(&token),
        )
        .await
        .json();
    assert_eq!(list["shares"][0]["downloads"], 3);
    assert_eq!(list["shares"][0]["status"], "used_up");
    assert!(
        list["shares"][0].get("token").is_none(),
        "tokens are shown once"
    );

    // Revoked → 410; expired → 410; unknown → 404.
    let open = app.post(&share_path, json!({}), Some(&token)).await.json();
    let open_path = format!("/shared/{}", open["token"].as_str().unwrap());
    assert_eq!(get_with(&app, &open_path, &[]).await.status, StatusCode::OK);
    let revoke = app
        .call(
            Method::DELETE,
            &format!(
                "/api/v1/documents/{}/shares/{}",
                ids[0],
                open["id"].as_str().unwrap()
            ),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(revoke.status, StatusCode::NO_CONTENT);
    get_with(&app, &open_path, &[])
        .await
        .assert_error(410, "gone");
    let expiring = app
        .post(&share_path, json!({"expires_in_hours": 1}), Some(&token))
        .await
        .json();
    sqlx::query("UPDATE document_shares SET expires_at = 1 WHERE id = $1")
        .bind(expiring["id"].as_str().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    get_with(
        &app,
        &format!("/shared/{}", expiring["token"].as_str().unwrap()),
        &[],
    )
    .await
    .assert_error(410, "gone");
    get_with(&app, "/shared/not-a-real-token", &[])
        .await
        .assert_error(404, "not_found");
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM document_shares")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert!(
        stored.iter().all(|h| h != &secret && h.len() == 64),
        "tokens are stored hashed"
    );
}

/// A wrong or missing password gets 401 whatever the link's state: the state (used up,
/// revoked, expired) is only revealed to a caller who knows the password.
#[tokio::test]
async fn share_link_password_is_checked_before_its_state_is_revealed() {
    let app = TestApp::new().await;
    let (token, ids, _, _) = generated(&app, "share-state@example.com").await;
    let share_path = format!("/api/v1/documents/{}/share", ids[0]);
    let mut links = Vec::new();
    for _ in 0..3 {
        let created = app
            .post(
                &share_path,
                json!({"password": "open sesame", "download_limit": 1}),
                Some(&token),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED);
        links.push(created.json());
    }
    let path_of = |share: &Value| format!("/shared/{}", share["token"].as_str().unwrap());
    // Used up: one download with the password.
    let used = path_of(&links[0]);
    assert_eq!(
        get_with(&app, &used, &[("x-share-password", "open sesame")])
            .await
            .status,
        StatusCode::OK
    );
    // Revoked.
    let revoke = app
        .call(
            Method::DELETE,
            &format!(
                "/api/v1/documents/{}/shares/{}",
                ids[0],
                links[1]["id"].as_str().unwrap()
            ),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(revoke.status, StatusCode::NO_CONTENT);
    // Expired.
    sqlx::query("UPDATE document_shares SET expires_at = 1 WHERE id = $1")
        .bind(links[2]["id"].as_str().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    for share in &links {
        let path = path_of(share);
        get_with(&app, &path, &[])
            .await
            .assert_error(401, "unauthorized");
        get_with(&app, &path, &[("x-share-password", "wrong password")])
            .await
            .assert_error(401, "unauthorized");
        get_with(&app, &path, &[("x-share-password", "open sesame")])
            .await
            .assert_error(410, "gone");
    }
}

#[tokio::test]
async fn deleting_a_document_removes_its_files_versions_and_shares() {
    let app = TestApp::new().await;
    let (token, ids, _, _) = generated(&app, "delete@example.com").await;
    let path = format!("/api/v1/documents/{}", ids[0]);
    for format in ["pdf", "docx", "txt"] {
        assert_eq!(
            app.get(&format!("{path}/download?format={format}"), Some(&token))
                .await
                .status,
            StatusCode::OK
        );
    }
    let share = app
        .post(&format!("{path}/share"), json!({}), Some(&token))
        .await
        .json();
    assert!(
        !app.state
            .storage
            .list(&format!("documents/{}", ids[0]))
            .await
            .unwrap()
            .is_empty()
    );

    let deleted = app.call(Method::DELETE, &path, None, Some(&token)).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(
        app.state
            .storage
            .list(&format!("documents/{}", ids[0]))
            .await
            .unwrap()
            .is_empty(),
        "no file left behind"
    );
    app.get(&path, Some(&token))
        .await
        .assert_error(404, "not_found");
    get_with(
        &app,
        &format!("/shared/{}", share["token"].as_str().unwrap()),
        &[],
    )
    .await
    .assert_error(404, "not_found");
    for table in ["document_versions", "document_shares"] {
        let left: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM {table} WHERE document_id = $1"
        )))
        .bind(&ids[0])
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        assert_eq!(left, 0, "{table}");
    }
    // The other document is untouched.
    assert_eq!(
        app.get(&format!("/api/v1/documents/{}", ids[1]), Some(&token))
            .await
            .status,
        StatusCode::OK
    );
    app.call(Method::DELETE, &path, None, Some(&token))
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn shared_links_are_rate_limited_per_ip() {
    let app = TestApp::with_env(&[("JOBWISE_ANON_RATE_LIMIT_PER_MINUTE", "3")]).await;
    let mut last = StatusCode::OK;
    for _ in 0..5 {
        last = get_with(&app, "/shared/unknown", &[]).await.status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}
