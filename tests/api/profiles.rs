//! Master profiles: CRUD, merge patch, optimistic concurrency, history and restore, item
//! endpoints, limits, analytics, JSON Resume, and ownership on every route.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestResponse};

fn full_profile() -> Value {
    json!({
        "personal_info": {"full_name": "Jane Doe", "email": "jane@example.com", "phone": "+1 555 0100",
            "location": "Austin, TX", "linkedin": "https://www.linkedin.com/in/janedoe"},
        "professional_summary": "Backend engineer with 8 years of experience in payments.",
        "experiences": [
            {"title": "Senior Engineer", "company": "Acme Pay", "start_date": "2021-03", "is_current": true,
             "achievements": ["Cut p99 latency from 900 ms to 250 ms", "Led the move to Kubernetes"]},
            {"id": "legacy-job", "title": "Engineer", "company": "Globex", "start_date": "2016-06", "end_date": "2021-02"}
        ],
        "education": [{"institution": "UT Austin", "degree": "BS", "field_of_study": "Computer Science", "gpa": 3.7}],
        "skills": {"technical": ["Rust", "PostgreSQL"], "soft": ["Mentoring"],
            "languages": [{"name": "English", "proficiency": "native"}],
            "certifications": [{"name": "CKA", "issuer": "CNCF", "date_obtained": "2022-05"}]},
        "projects": [{"name": "ledger-rs", "description": "Double-entry ledger library", "technologies": ["Rust"]}],
        "custom_fields": {"pronouns": "she/her"}
    })
}

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let r = app.post("/api/v1/profiles", body, Some(token)).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

async fn send_with(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> TestResponse {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {token}"));
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    let body = match body {
        Some(b) => {
            if !headers.iter().any(|(k, _)| *k == "content-type") {
                builder = builder.header("content-type", "application/json");
            }
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    app.send(builder.body(body).unwrap()).await
}

#[tokio::test]
async fn create_get_and_list() {
    let app = TestApp::new().await;
    let token = app.access_token("p1@example.com").await;
    let r = app
        .post("/api/v1/profiles", full_profile(), Some(&token))
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.header("etag"), Some("\"1\""));
    let profile = r.json();
    let id = profile["id"].as_str().unwrap();
    assert_eq!(
        r.header("location").unwrap(),
        format!("/api/v1/profiles/{id}")
    );
    assert_eq!(profile["version"], 1);
    assert_eq!(
        profile["experiences"][0]["id"].as_str().unwrap().len(),
        36,
        "server id assigned"
    );
    assert_eq!(
        profile["experiences"][1]["id"], "legacy-job",
        "client id kept"
    );
    assert!(profile["skills"]["certifications"][0]["id"].is_string());
    assert_eq!(profile["custom_fields"]["pronouns"], "she/her");

    let got = app
        .get(&format!("/api/v1/profiles/{id}"), Some(&token))
        .await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.header("etag"), Some("\"1\""));
    assert_eq!(got.json(), profile);

    let minimal = create(
        &app,
        &token,
        json!({"personal_info": {"full_name": "J D", "email": "jd@example.com"}}),
    )
    .await;
    assert_eq!(minimal["experiences"], json!([]));
    let list = app
        .get("/api/v1/profiles?limit=1", Some(&token))
        .await
        .json();
    assert_eq!(
        list["pagination"],
        json!({"total": 2, "limit": 1, "offset": 0, "has_next": true})
    );
    assert_eq!(list["profiles"][0]["id"], minimal["id"], "newest first");
    let second = app
        .get("/api/v1/profiles?limit=1&offset=1", Some(&token))
        .await
        .json();
    assert_eq!(second["profiles"][0]["current_title"], "Senior Engineer");
    assert_eq!(second["profiles"][0]["experience_count"], 2);
}

#[tokio::test]
async fn every_rule_is_reported_by_path() {
    let app = TestApp::new().await;
    let token = app.access_token("p2@example.com").await;
    let body = json!({
        "personal_info": {"full_name": "", "email": "nope", "linkedin": "linkedin.com/in/x"},
        "experiences": [
            {"title": "T", "company": "C", "start_date": "2020-05", "end_date": "2019-01"},
            {"title": "x".repeat(101), "company": "C", "start_date": "2020", "is_current": true, "end_date": "2021",
             "achievements": ["y".repeat(301)]}
        ],
        "education": [{"institution": "U", "degree": "BS", "gpa": 4.5}],
        "skills": {"technical": ["ok", ""]},
        "projects": [{"name": "P", "description": "D", "url": "not a url"}]
    });
    let r = app.post("/api/v1/profiles", body, Some(&token)).await;
    let body = r.assert_error(422, "validation_error");
    let fields: Vec<&str> = body["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "personal_info.full_name",
            "personal_info.email",
            "personal_info.linkedin",
            "experiences[0].end_date",
            "experiences[1].title",
            "experiences[1].end_date",
            "experiences[1].achievements[0]",
            "education[0].gpa",
            "skills.technical[1]",
            "projects[0].url",
        ]
    );
    // Shape errors carry paths too.
    let r = app
        .post(
            "/api/v1/profiles",
            json!({"personal_info": {"full_name": "A", "email": "a@b.co"}, "skills": {"languages": [{"name": "Klingon", "proficiency": "expert"}]}}),
            Some(&token),
        )
        .await;
    let body = r.assert_error(422, "validation_error");
    assert_eq!(
        body["details"][0]["field"],
        "skills.languages[0].proficiency"
    );
    // E-mail is optional (imports may lack one); the name is not.
    app.post(
        "/api/v1/profiles",
        json!({"personal_info": {"email": "a@b.co"}}),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");
}

#[tokio::test]
async fn count_limits() {
    let app = TestApp::new().await;
    let token = app.access_token("p3@example.com").await;
    let experiences: Vec<Value> = (0..31)
        .map(|i| json!({"title": format!("Role {i}"), "company": "C", "start_date": "2020"}))
        .collect();
    let r = app
        .post("/api/v1/profiles", json!({"personal_info": {"full_name": "A", "email": "a@b.co"}, "experiences": experiences}), Some(&token))
        .await;
    assert_eq!(
        r.assert_error(422, "validation_error")["details"][0]["field"],
        "experiences"
    );
}

#[tokio::test]
async fn put_patch_and_if_match() {
    let app = TestApp::new().await;
    let token = app.access_token("p4@example.com").await;
    let profile = create(&app, &token, full_profile()).await;
    let id = profile["id"].as_str().unwrap();
    let path = format!("/api/v1/profiles/{id}");

    let mut replaced = full_profile();
    replaced["professional_summary"] = json!("Staff engineer.");
    replaced["experiences"][0]["id"] = profile["experiences"][0]["id"].clone();
    send_with(
        &app,
        Method::PUT,
        &path,
        &token,
        Some(replaced.clone()),
        &[("if-match", "\"7\"")],
    )
    .await
    .assert_error(412, "precondition_failed");
    let r = send_with(
        &app,
        Method::PUT,
        &path,
        &token,
        Some(replaced),
        &[("if-match", "\"1\"")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("etag"), Some("\"2\""));
    let put = r.json();
    assert_eq!(put["version"], 2);
    assert_eq!(
        put["experiences"][0]["id"], profile["experiences"][0]["id"],
        "ids stable across PUT"
    );

    let patch = json!({"personal_info": {"phone": null, "website": "https://jane.example.com"}, "version": 99, "id": "ignored"});
    let r = send_with(
        &app,
        Method::PATCH,
        &path,
        &token,
        Some(patch),
        &[("content-type", "application/merge-patch+json")],
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let patched = r.json();
    assert_eq!(patched["version"], 3);
    assert_eq!(patched["id"], id);
    assert!(
        patched["personal_info"]
            .get("phone")
            .is_none_or(Value::is_null)
    );
    assert_eq!(
        patched["personal_info"]["website"],
        "https://jane.example.com"
    );
    assert_eq!(
        patched["personal_info"]["full_name"], "Jane Doe",
        "untouched fields stay"
    );

    let r = send_with(
        &app,
        Method::PATCH,
        &path,
        &token,
        Some(json!({"skills": {"technical": "Rust"}})),
        &[],
    )
    .await;
    assert_eq!(
        r.assert_error(422, "validation_error")["details"][0]["field"],
        "skills.technical"
    );
    let r = send_with(
        &app,
        Method::PATCH,
        &path,
        &token,
        Some(json!({"personal_info": {"email": "bad"}})),
        &[("if-match", "\"3\"")],
    )
    .await;
    assert_eq!(
        r.assert_error(422, "validation_error")["details"][0]["field"],
        "personal_info.email"
    );
    send_with(
        &app,
        Method::PATCH,
        &path,
        &token,
        Some(json!({"professional_summary": "x"})),
        &[("if-match", "\"2\"")],
    )
    .await
    .assert_error(412, "precondition_failed");
    let unchanged = send_with(&app, Method::PATCH, &path, &token, Some(json!({})), &[])
        .await
        .json();
    assert_eq!(
        unchanged["version"], 3,
        "a no-op patch is not a new version"
    );

    let text = Request::builder()
        .method(Method::PATCH)
        .uri(&path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "text/plain")
        .body(Body::from("{}"))
        .unwrap();
    app.send(text)
        .await
        .assert_error(415, "unsupported_media_type");

    send_with(
        &app,
        Method::DELETE,
        &path,
        &token,
        None,
        &[("if-match", "\"1\"")],
    )
    .await
    .assert_error(412, "precondition_failed");
    let r = send_with(
        &app,
        Method::DELETE,
        &path,
        &token,
        None,
        &[("if-match", "\"3\"")],
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    app.get(&path, Some(&token))
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn history_versions_and_restore() {
    let app = TestApp::new().await;
    let token = app.access_token("p5@example.com").await;
    let profile = create(&app, &token, full_profile()).await;
    let id = profile["id"].as_str().unwrap();
    let exp_id = profile["experiences"][0]["id"].as_str().unwrap();
    let path = format!("/api/v1/profiles/{id}");
    let patch = json!({"experiences": [
        {"id": exp_id, "title": "Principal Engineer", "company": "Acme Pay", "start_date": "2021-03", "is_current": true},
        profile["experiences"][1].clone()
    ]});
    assert_eq!(
        send_with(&app, Method::PATCH, &path, &token, Some(patch), &[])
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        send_with(
            &app,
            Method::PATCH,
            &path,
            &token,
            Some(json!({"personal_info": {"email": "new@example.com"}})),
            &[]
        )
        .await
        .status,
        StatusCode::OK
    );

    let history = app
        .get(&format!("{path}/history"), Some(&token))
        .await
        .json();
    assert_eq!(history["pagination"]["total"], 3);
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| v["version"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [3, 2, 1]
    );
    assert_eq!(
        versions[0]["changes"][0],
        json!({"field": "personal_info.email", "old_value": "jane@example.com", "new_value": "new@example.com"})
    );
    let v2_fields: Vec<&str> = versions[1]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(
        v2_fields.contains(&format!("experiences[id={exp_id}].title").as_str()),
        "{v2_fields:?}"
    );
    assert!(
        versions[2]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["field"] == "personal_info.full_name")
    );

    let v1 = app.get(&format!("{path}/versions/1"), Some(&token)).await;
    assert_eq!(v1.status, StatusCode::OK);
    let v1 = v1.json();
    assert_eq!(v1["version"], 1);
    assert_eq!(v1["experiences"][0]["title"], "Senior Engineer");
    app.get(&format!("{path}/versions/9"), Some(&token))
        .await
        .assert_error(404, "not_found");
    app.get(&format!("{path}/versions/abc"), Some(&token))
        .await
        .assert_error(404, "not_found");

    let restored = send_with(
        &app,
        Method::POST,
        &format!("{path}/versions/1/restore"),
        &token,
        None,
        &[("if-match", "\"3\"")],
    )
    .await;
    assert_eq!(restored.status, StatusCode::OK);
    assert_eq!(restored.header("etag"), Some("\"4\""));
    let restored = restored.json();
    assert_eq!(restored["version"], 4);
    assert_eq!(restored["experiences"][0]["title"], "Senior Engineer");
    assert_eq!(restored["personal_info"]["email"], "jane@example.com");
}

#[tokio::test]
async fn item_endpoints() {
    let app = TestApp::new().await;
    let token = app.access_token("p6@example.com").await;
    let profile = create(&app, &token, full_profile()).await;
    let id = profile["id"].as_str().unwrap();
    let base = format!("/api/v1/profiles/{id}");

    let r = app
        .post(&format!("{base}/experiences"), json!({"title": "Intern", "company": "Initech", "start_date": "2015-06", "end_date": "2015-09"}), Some(&token))
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.header("etag"), Some("\"2\""));
    let item = r.json();
    let item_id = item["id"].as_str().unwrap();
    assert_eq!(
        r.header("location").unwrap(),
        format!("{base}/experiences/{item_id}")
    );

    let r = send_with(
        &app,
        Method::PUT,
        &format!("{base}/experiences/{item_id}"),
        &token,
        Some(json!({"title": "Software Intern", "company": "Initech", "start_date": "2015-06", "end_date": "2015-09"})),
        &[("if-match", "\"2\"")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("etag"), Some("\"3\""));
    assert_eq!(r.json()["id"], item_id);
    let current = app.get(&base, Some(&token)).await.json();
    assert_eq!(
        current["experiences"][2]["title"], "Software Intern",
        "position kept"
    );

    let bad = app
        .post(
            &format!("{base}/experiences"),
            // A job needs a title or a company (either alone is fine since issue 11).
            json!({"title": "", "company": " ", "start_date": "2020-13"}),
            Some(&token),
        )
        .await;
    let fields: Vec<String> = bad.assert_error(422, "validation_error")["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["title", "start_date"]);
    let dup = app
        .post(
            &format!("{base}/projects"),
            json!({"id": "legacy-job", "name": "N", "description": "D"}),
            Some(&token),
        )
        .await;
    dup.assert_error(422, "validation_error");

    for (segment, body) in [
        ("education", json!({"institution": "MIT", "degree": "MS"})),
        (
            "projects",
            json!({"id": "my-proj", "name": "CLI", "description": "A tool"}),
        ),
        (
            "certifications",
            json!({"name": "AWS SAA", "issuer": "Amazon Web Services"}),
        ),
    ] {
        let r = app
            .post(&format!("{base}/{segment}"), body, Some(&token))
            .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{segment}: {}",
            String::from_utf8_lossy(&r.body)
        );
        let item_id = r.json()["id"].as_str().unwrap().to_owned();
        let d = send_with(
            &app,
            Method::DELETE,
            &format!("{base}/{segment}/{item_id}"),
            &token,
            None,
            &[],
        )
        .await;
        assert_eq!(d.status, StatusCode::NO_CONTENT, "{segment}");
        assert!(d.header("etag").is_some());
    }
    assert_eq!(app.get(&base, Some(&token)).await.json()["version"], 9);

    send_with(
        &app,
        Method::DELETE,
        &format!("{base}/experiences/nope"),
        &token,
        None,
        &[],
    )
    .await
    .assert_error(404, "not_found");
    send_with(
        &app,
        Method::DELETE,
        &format!("{base}/experiences/{item_id}"),
        &token,
        None,
        &[("if-match", "\"1\"")],
    )
    .await
    .assert_error(412, "precondition_failed");
}

#[tokio::test]
async fn analytics_and_json_resume() {
    let app = TestApp::new().await;
    let token = app.access_token("p7@example.com").await;
    let profile = create(&app, &token, full_profile()).await;
    let id = profile["id"].as_str().unwrap();
    let report = app
        .get(&format!("/api/v1/profiles/{id}/analytics"), Some(&token))
        .await
        .json();
    assert_eq!(report["profile_id"], id);
    let completeness = report["completeness"].as_u64().unwrap();
    assert!((40..100).contains(&completeness), "{completeness}");
    for section in [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
        "projects",
        "certifications",
    ] {
        assert!(report["sections"][section]["score"].is_u64(), "{section}");
    }
    assert!(
        report["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().contains("technical skills"))
    );

    let exported = app
        .get(
            &format!("/api/v1/profiles/{id}/export?format=json_resume"),
            Some(&token),
        )
        .await;
    assert_eq!(exported.status, StatusCode::OK);
    let doc = exported.json();
    assert_eq!(doc["basics"]["name"], "Jane Doe");
    assert_eq!(doc["work"][0]["position"], "Senior Engineer");
    app.get(
        &format!("/api/v1/profiles/{id}/export?format=pdf"),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");

    let imported = app.post("/api/v1/profiles/import", doc, Some(&token)).await;
    assert_eq!(
        imported.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&imported.body)
    );
    let imported = imported.json();
    for key in [
        "personal_info",
        "professional_summary",
        "experiences",
        "education",
        "skills",
        "projects",
        "custom_fields",
    ] {
        assert_eq!(
            imported[key], profile[key],
            "{key} survives export → import"
        );
    }
    // Only `basics.name` is required: a document without an e-mail imports, with a warning.
    let no_email = app
        .post(
            "/api/v1/profiles/import",
            json!({"basics": {"name": "No Email"}}),
            Some(&token),
        )
        .await;
    assert_eq!(no_email.status, StatusCode::CREATED);
    assert_eq!(
        no_email.json()["import_report"]["warnings"][0]["field"],
        "basics.email"
    );
    let bad = app
        .post(
            "/api/v1/profiles/import",
            json!({"basics": {"email": "x@example.com"}}),
            Some(&token),
        )
        .await;
    assert_eq!(
        bad.assert_error(422, "validation_error")["details"][0]["field"],
        "basics.name"
    );
}

#[tokio::test]
async fn another_users_profile_is_404_everywhere() {
    let app = TestApp::new().await;
    let alice = app.access_token("alice-p@example.com").await;
    let bob = app.access_token("bob-p@example.com").await;
    let profile = create(&app, &alice, full_profile()).await;
    let id = profile["id"].as_str().unwrap();
    let exp = profile["experiences"][0]["id"].as_str().unwrap();
    let base = format!("/api/v1/profiles/{id}");
    let item = json!({"title": "T", "company": "C", "start_date": "2020"});
    let cases: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, base.clone(), None),
        (Method::PUT, base.clone(), Some(full_profile())),
        (
            Method::PATCH,
            base.clone(),
            Some(json!({"professional_summary": "hijack"})),
        ),
        (Method::DELETE, base.clone(), None),
        (Method::GET, format!("{base}/history"), None),
        (Method::GET, format!("{base}/versions/1"), None),
        (Method::POST, format!("{base}/versions/1/restore"), None),
        (Method::GET, format!("{base}/analytics"), None),
        (Method::GET, format!("{base}/export"), None),
        (
            Method::POST,
            format!("{base}/experiences"),
            Some(item.clone()),
        ),
        (Method::PUT, format!("{base}/experiences/{exp}"), Some(item)),
        (Method::DELETE, format!("{base}/experiences/{exp}"), None),
    ];
    for (method, path, body) in cases {
        let r = send_with(&app, method.clone(), &path, &bob, body, &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}");
    }
    let list = app.get("/api/v1/profiles", Some(&bob)).await.json();
    assert_eq!(list["pagination"]["total"], 0);
    let still = app.get(&base, Some(&alice)).await.json();
    assert_eq!(still["version"], 1, "nothing changed for the owner");
    app.get("/api/v1/profiles/not-a-uuid", Some(&alice))
        .await
        .assert_error(404, "not_found");
    app.get("/api/v1/profiles", None)
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn enhance_suggests_without_applying() {
    let app = TestApp::new().await;
    let token = app.access_token("enhance@example.com").await;
    let profile = create(
        &app,
        &token,
        json!({"personal_info": {"full_name": "Rae", "email": "rae@example.com"},
            "professional_summary": "I am a warehouse supervisor who successfully runs night shifts.",
            "experiences": [{"id": "wh", "title": "Shift Supervisor", "company": "Northline", "start_date": "2019", "is_current": true,
                "description": "Supervised a night shift of 24 associates.",
                "achievements": ["Responsible for training new associates on the night shift", "Cut picking errors by 18%"]}]}),
    )
    .await;
    let path = format!(
        "/api/v1/profiles/{}/enhance",
        profile["id"].as_str().unwrap()
    );
    let r = app.call(Method::POST, &path, None, Some(&token)).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.json()["engine"], "offline");
    let suggestions = r.json()["suggestions"].as_array().unwrap().clone();
    assert_eq!(suggestions.len(), 2, "{suggestions:?}");
    assert_eq!(suggestions[0]["field"], "professional_summary");
    assert_eq!(
        suggestions[0]["suggested"],
        "Warehouse supervisor who runs night shifts."
    );
    assert_eq!(suggestions[1]["item_id"], "wh#0");
    assert_eq!(
        suggestions[1]["suggested"],
        "Trained new associates on the night shift (supervised a night shift of 24 associates)"
    );
    assert!(
        suggestions[1]["reason"]
            .as_str()
            .unwrap()
            .contains("action verb")
    );
    // Nothing was applied.
    let after = app
        .get(
            &format!("/api/v1/profiles/{}", profile["id"].as_str().unwrap()),
            Some(&token),
        )
        .await
        .json();
    assert_eq!(after["version"], 1);
    let other = app.access_token("enhance-other@example.com").await;
    app.call(Method::POST, &path, None, Some(&other))
        .await
        .assert_error(404, "not_found");
}
