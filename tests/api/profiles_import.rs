//! `POST /profiles/import`: JSON Resume bodies that used to be refused, multipart uploads of
//! every supported file type (rendered here with JobWise's own renderers), `?dry_run=true`,
//! and the refusals that remain (no text layer, too big, unsupported type).

use std::io::Write;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestResponse};

#[path = "../support/resume_render.rs"]
mod resume_render;

fn file(path: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

async fn upload(app: &TestApp, token: &str, query: &str, name: &str, bytes: &[u8]) -> TestResponse {
    let boundary = "----jobwise-import-boundary";
    let mut body = Vec::new();
    body.extend(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/profiles/import{query}"))
        .header("authorization", format!("Bearer {token}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

fn created(r: &TestResponse) -> Value {
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

fn fields(report: &Value, kind: &str) -> Vec<String> {
    report[kind]
        .as_array()
        .unwrap_or_else(|| panic!("no {kind} in {report}"))
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

/// The causes of the eleven refusals reported in issue 11.
fn refused_before() -> Value {
    let schools: Vec<Value> = (0..11)
        .map(|i| json!({"institution": format!("School {i}"), "area": "Physics", "startDate": "2000"}))
        .collect();
    json!({
        "basics": {"name": "Ines Duarte", "email": "ines@example.com",
            "profiles": [{"network": "LinkedIn", "url": "linkedin.com/in/inesduarte"}]},
        "work": [
            {"name": "Acme", "position": "Engineer", "startDate": "2014", "endDate": "March-24-2016"},
            {"name": "Beta", "position": "Lead", "startDate": "2016-04", "endDate": "Ongoing"}
        ],
        "education": schools,
        "certificates": [{"name": "CKA", "date": "2021"}]
    })
}

#[tokio::test]
async fn json_resume_refusal_causes_now_import_with_a_report() {
    let app = TestApp::new().await;
    let token = app.access_token("import1@example.com").await;
    let r = app
        .post("/api/v1/profiles/import", refused_before(), Some(&token))
        .await;
    let body = created(&r);
    assert!(r.header("location").is_some());
    assert_eq!(
        body["personal_info"]["linkedin"],
        "https://linkedin.com/in/inesduarte"
    );
    assert_eq!(body["experiences"][0]["end_date"], "2016-03-24");
    assert_eq!(body["experiences"][1]["is_current"], true);
    assert_eq!(body["education"].as_array().unwrap().len(), 10);
    assert_eq!(body["education"][0]["degree"], "Physics");
    assert_eq!(body["skills"]["certifications"][0]["issuer"], "");
    let report = &body["import_report"];
    assert_eq!(report["source"], "json_resume");
    assert_eq!(fields(report, "truncated"), ["education"]);
    let normalized = fields(report, "normalized");
    for path in [
        "basics.profiles[0].url",
        "work[0].endDate",
        "work[1].endDate",
    ] {
        assert!(normalized.iter().any(|f| f == path), "{path}: {report}");
    }
    // The stored profile is a normal one: it reads back and exports the 11th school.
    let id = body["id"].as_str().unwrap();
    let exported = app
        .get(&format!("/api/v1/profiles/{id}/export"), Some(&token))
        .await
        .json();
    assert_eq!(exported["education"].as_array().unwrap().len(), 11);
}

#[tokio::test]
async fn a_profile_without_email_is_created_and_analytics_flags_it() {
    let app = TestApp::new().await;
    let token = app.access_token("import2@example.com").await;
    let r = app
        .post(
            "/api/v1/profiles/import",
            json!({"basics": {"name": "No Email"}, "unknown": {"x": 1}}),
            Some(&token),
        )
        .await;
    let body = created(&r);
    assert_eq!(body["personal_info"]["email"], "");
    assert!(fields(&body["import_report"], "warnings").contains(&"basics.email".to_owned()));
    let id = body["id"].as_str().unwrap();
    let analytics = app
        .get(&format!("/api/v1/profiles/{id}/analytics"), Some(&token))
        .await
        .json();
    assert!(
        analytics["sections"]["contact"]["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("Add an e-mail address"))
    );
    // Still refused: no name at all.
    app.post(
        "/api/v1/profiles/import",
        json!({"basics": {"email": "x@example.com"}}),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");
}

#[tokio::test]
async fn dry_run_answers_200_and_stores_nothing() {
    let app = TestApp::new().await;
    let token = app.access_token("import3@example.com").await;
    let r = app
        .post(
            "/api/v1/profiles/import?dry_run=true",
            refused_before(),
            Some(&token),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let body = r.json();
    assert!(body.get("id").is_none());
    assert_eq!(body["personal_info"]["full_name"], "Ines Duarte");
    assert_eq!(body["import_report"]["source"], "json_resume");
    let txt = upload(
        &app,
        &token,
        "?dry_run=true",
        "cv.txt",
        &file("crates/engine/tests/fixtures/resumes/title_case.txt"),
    )
    .await;
    assert_eq!(txt.status, StatusCode::OK);
    let list = app.get("/api/v1/profiles", Some(&token)).await.json();
    assert_eq!(list["pagination"]["total"], 0);
    app.post(
        "/api/v1/profiles/import?dry_run=maybe",
        refused_before(),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");
}

fn known_profile() -> jobwise::profiles::model::ProfileContent {
    serde_json::from_value(json!({
        "personal_info": {"full_name": "Rosa Marquez", "email": "rosa.marquez@example.com",
            "phone": "+1 415 555 0188", "location": "Austin, TX",
            "linkedin": "https://www.linkedin.com/in/rosamarquez"},
        "professional_summary": "Registered nurse with eight years in emergency and critical care.",
        "experiences": [
            {"id": "e1", "title": "Charge Nurse", "company": "St. David's Medical Center", "location": "Austin, TX",
             "start_date": "2019-04", "is_current": true,
             "achievements": ["Coordinated a 14-bed emergency unit on night shifts", "Trained 20 new graduate nurses"]},
            {"id": "e2", "title": "Registered Nurse", "company": "Seton Healthcare", "start_date": "2015-06",
             "end_date": "2019-03", "achievements": ["Cared for 5 critical patients per shift"]}
        ],
        "education": [{"id": "s1", "institution": "University of Texas at Austin", "degree": "Bachelor of Science in Nursing",
            "start_date": "2011", "end_date": "2015"}],
        "skills": {"technical": ["Triage", "ACLS", "Epic EHR"], "languages": [{"name": "Spanish", "proficiency": "native"}],
            "certifications": [{"id": "c1", "name": "BLS", "issuer": "American Heart Association", "date_obtained": "2022-01"}]}
    }))
    .unwrap()
}

fn assert_known(body: &Value, source: &str) {
    assert_eq!(body["import_report"]["source"], source, "{body}");
    assert_eq!(body["personal_info"]["full_name"], "Rosa Marquez", "{body}");
    assert_eq!(body["personal_info"]["email"], "rosa.marquez@example.com");
    let jobs: Vec<(String, String)> = body["experiences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap().to_owned(),
                e["company"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        jobs,
        [
            (
                "Charge Nurse".to_owned(),
                "St. David's Medical Center".to_owned()
            ),
            ("Registered Nurse".to_owned(), "Seton Healthcare".to_owned())
        ],
        "{body}"
    );
    assert_eq!(
        body["education"][0]["institution"],
        "University of Texas at Austin"
    );
}

fn linkedin_zip() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        (
            "Profile.csv",
            "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nRosa,Marquez,,,,Charge Nurse,,,,\"Austin, Texas\",,,\n",
        ),
        (
            "Email Addresses.csv",
            "Email Address,Confirmed,Primary,Updated On\nrosa.marquez@example.com,Yes,Yes,\n",
        ),
        (
            "Positions.csv",
            "Company Name,Title,Description,Location,Started On,Finished On\nSt. David's Medical Center,Charge Nurse,,\"Austin, TX\",Apr 2019,\nSeton Healthcare,Registered Nurse,,,Jun 2015,Mar 2019\n",
        ),
        (
            "Education.csv",
            "School Name,Start Date,End Date,Notes,Degree Name,Activities\nUniversity of Texas at Austin,2011,2015,,Bachelor of Science in Nursing,\n",
        ),
        ("media/photo.jpg", "not read"),
    ] {
        w.start_file(format!("Basic_LinkedInDataExport/{name}"), options)
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[tokio::test]
async fn multipart_reads_every_file_type() {
    let app = TestApp::new().await;
    let token = app.access_token("import4@example.com").await;
    let profile = known_profile();
    let doc = resume_render::resume_document(&profile);
    let renderer = jobwise_render::Renderer::new();
    let pdf = renderer
        .render_pdf(
            &doc,
            jobwise_render::Template::Modern,
            jobwise_render::PaperSize::A4,
        )
        .unwrap()
        .bytes;
    let docx = jobwise_render::render_docx(&doc, jobwise_render::PaperSize::A4).unwrap();
    let text = jobwise_render::render_text(&doc);
    let markdown = jobwise_render::render_markdown(&doc);
    let json_resume =
        serde_json::to_vec(&jobwise::profiles::json_resume::export(&profile)).unwrap();
    for (name, bytes, source) in [
        ("resume.pdf", pdf, "pdf"),
        ("resume.DOCX", docx, "docx"),
        ("resume.txt", text.into_bytes(), "txt"),
        ("resume.md", markdown.into_bytes(), "md"),
        ("resume.json", json_resume, "json_resume"),
        ("Basic_LinkedInDataExport.zip", linkedin_zip(), "linkedin"),
    ] {
        let r = upload(&app, &token, "", name, &bytes).await;
        let body = created(&r);
        assert_known(&body, source);
    }
    let list = app.get("/api/v1/profiles", Some(&token)).await.json();
    assert_eq!(list["pagination"]["total"], 6);
}

#[tokio::test]
async fn refusals_name_their_reason() {
    let app = TestApp::new().await;
    let token = app.access_token("import5@example.com").await;
    let scanned = upload(
        &app,
        &token,
        "",
        "scan.pdf",
        &file("crates/extract/tests/fixtures/scanned.pdf"),
    )
    .await;
    let body = scanned.assert_error(422, "validation_error");
    assert!(
        body["details"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no text layer"),
        "{body}"
    );
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    upload(&app, &token, "", "huge.txt", &big)
        .await
        .assert_error(413, "payload_too_large");
    upload(&app, &token, "", "photo.png", b"\x89PNG")
        .await
        .assert_error(415, "unsupported_media_type");
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/profiles/import")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "text/plain")
        .body(Body::from("Jane Doe"))
        .unwrap();
    app.send(request)
        .await
        .assert_error(415, "unsupported_media_type");
    upload(&app, &token, "", "export.zip", b"PK\x03\x04 not really")
        .await
        .assert_error(422, "validation_error");
}

/// A real LinkedIn "Download your data" export (2023; the nine résumé files of it, contact
/// details scrubbed; see `tests/corpus/resumes/linkedin/README.md`): every field it has that a
/// profile holds is imported, field for field.
#[tokio::test]
async fn real_linkedin_export_imports_every_field() {
    let app = TestApp::new().await;
    let token = app.access_token("import-linkedin-real@example.com").await;
    let zip = file("tests/corpus/resumes/linkedin/Basic_LinkedInDataExport_07-11-2023.zip");
    let r = upload(
        &app,
        &token,
        "?dry_run=true",
        "Basic_LinkedInDataExport_07-11-2023.zip",
        &zip,
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let body = r.json();
    assert_eq!(body["import_report"]["source"], "linkedin");
    let info = &body["personal_info"];
    assert_eq!(info["full_name"], "Muhammed Ewies");
    // The primary address of three.
    assert_eq!(info["email"], "mohamedeways8@example.com");
    // Blank rows first, then the number with a leading space and no type.
    assert_eq!(info["phone"], "+20 555 555 0199");
    assert_eq!(info["location"], "Cairo, Egypt");
    assert_eq!(info["website"], "https://trailblazer.me/id/meways");
    assert!(
        body["professional_summary"]
            .as_str()
            .unwrap()
            .starts_with("Experienced Salesforce Administrator & Development")
    );
    let s = |v: &Value| v.as_str().map(str::to_owned);
    let jobs: Vec<_> = body["experiences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                s(&e["company"]),
                s(&e["title"]),
                s(&e["location"]),
                s(&e["start_date"]),
                s(&e["end_date"]),
                e["is_current"].as_bool(),
            )
        })
        .collect();
    let job = |c: &str, t: &str, l: Option<&str>, from: &str, to: Option<&str>, now: bool| {
        (
            Some(c.to_owned()),
            Some(t.to_owned()),
            l.map(str::to_owned),
            Some(from.to_owned()),
            to.map(str::to_owned),
            Some(now),
        )
    };
    assert_eq!(
        jobs,
        [
            job(
                "Hmto - همتو",
                "Business Application Support",
                Some("Giza, Al Jizah, Egypt"),
                "2022-11",
                None,
                true
            ),
            job(
                "zCloud Consultancy",
                "Junior Salesforce Developer",
                Some("United Arab Emirates"),
                "2022-03",
                Some("2022-08"),
                false
            ),
            job(
                "Trailhead",
                "Salesforce Administrator",
                None,
                "2022-02",
                Some("2022-05"),
                false
            ),
            job(
                "Cloud11",
                "Front End Developer",
                Some("6 El-Sahaba Mosque, Ad Doqi, Giza Governorate"),
                "2018-05",
                Some("2019-04"),
                false
            ),
        ]
    );
    let schools: Vec<_> = body["education"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                s(&e["institution"]),
                s(&e["degree"]),
                s(&e["start_date"]),
                s(&e["end_date"]),
            )
        })
        .collect();
    let some = |v: &str| Some(v.to_owned());
    assert_eq!(
        schools,
        [
            (
                some("Faculty Of Computer And Information"),
                some("Master of Computer Applications - MCA"),
                some("2015"),
                some("2020")
            ),
            (
                some("Trailhead by Salesforce"),
                some(""),
                some("2021-11"),
                None
            ),
        ]
    );
    let skills: Vec<&str> = body["skills"]["technical"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(skills.len(), 27, "{skills:?}");
    assert_eq!(skills[0], "Enterprise Resource Planning (ERP)");
    assert_eq!(skills[4], "css3");
    assert_eq!(skills[26], "Aura");
    let languages: Vec<_> = body["skills"]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (s(&l["name"]), s(&l["proficiency"])))
        .collect();
    assert_eq!(
        languages,
        [
            (some("English"), some("fluent")),
            (some("Arabic"), some("native"))
        ]
    );
    let certs: Vec<_> = body["skills"]["certifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (s(&c["name"]), s(&c["issuer"]), s(&c["date_obtained"])))
        .collect();
    let issuer = some("Salesforce Trailhead Superbadges");
    assert_eq!(
        certs,
        [
            (
                some("Superbadge Lightning Experience Reports & Dashboards Specialist"),
                issuer.clone(),
                some("2022-01")
            ),
            (some("Security Specialist"), issuer.clone(), None),
            (some("Process Automation Specialist"), issuer, None),
        ]
    );
    let projects: Vec<_> = body["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                s(&p["name"]),
                s(&p["url"]),
                s(&p["start_date"]),
                s(&p["end_date"]),
            )
        })
        .collect();
    assert_eq!(
        projects,
        [
            (some("HRMS"), None, some("2018-05"), some("2018-08")),
            (
                some("Build a Visualforce App with the Lightning Design System"),
                some("https://trailblazer.me/id/meways"),
                some("2022-01"),
                None
            ),
        ]
    );
    assert!(
        body["projects"][0]["description"]
            .as_str()
            .unwrap()
            .starts_with("A Human Resource Management System")
    );
}
