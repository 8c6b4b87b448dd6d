//! Writing samples: multipart uploads with real text extraction (.txt, .md, .docx, .pdf), JSON
//! text, the 1 MiB and file-type limits, ownership, and the style profile.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use crate::helpers::{TestApp, TestResponse};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/extract/tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

async fn upload(
    app: &TestApp,
    token: &str,
    document_type: Option<&str>,
    file: Option<(&str, &[u8])>,
) -> TestResponse {
    let boundary = "----jobwise-test-boundary";
    let mut body = Vec::new();
    if let Some(kind) = document_type {
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\n{kind}\r\n").as_bytes());
    }
    if let Some((name, bytes)) = file {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .as_bytes(),
        );
        body.extend(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/samples")
        .header("authorization", format!("Bearer {token}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn uploads_extract_real_text() {
    let app = TestApp::new().await;
    let token = app.access_token("samples@example.com").await;

    let pdf = upload(
        &app,
        &token,
        Some("resume"),
        Some(("Resume.PDF", &fixture("resume.pdf"))),
    )
    .await;
    assert_eq!(
        pdf.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&pdf.body)
    );
    let pdf = pdf.json();
    assert_eq!(pdf["source_format"], "pdf");
    assert_eq!(pdf["document_type"], "resume");
    assert!(
        pdf["text"]
            .as_str()
            .unwrap()
            .contains("Built a payments platform serving 2M users."),
        "{}",
        pdf["text"]
    );

    let docx = upload(
        &app,
        &token,
        Some("cover_letter"),
        Some(("letter.docx", &fixture("cover_letter.docx"))),
    )
    .await;
    assert_eq!(
        docx.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&docx.body)
    );
    let docx = docx.json();
    assert!(
        docx["text"]
            .as_str()
            .unwrap()
            .contains("Reduced costs by 30% & on-call pages by half"),
        "{}",
        docx["text"]
    );

    let md = upload(
        &app,
        &token,
        Some("resume"),
        Some(("cv.md", &fixture("resume.md"))),
    )
    .await;
    assert_eq!(md.status, StatusCode::CREATED);
    assert!(!md.json()["text"].as_str().unwrap().contains("##"));

    let txt = upload(
        &app,
        &token,
        Some("cover_letter"),
        Some((
            "note.txt",
            "Dear team,\n\nI am excited to apply.".as_bytes(),
        )),
    )
    .await;
    assert_eq!(txt.status, StatusCode::CREATED);
    assert_eq!(txt.json()["word_count"], 7);

    let json_sample = app
        .post("/api/v1/samples", json!({"document_type": "cover_letter", "text": "I led the team. I shipped the product."}), Some(&token))
        .await;
    assert_eq!(json_sample.status, StatusCode::CREATED);
    assert_eq!(json_sample.json()["source_format"], "json");

    let list = app
        .get("/api/v1/samples?limit=2", Some(&token))
        .await
        .json();
    assert_eq!(
        list["pagination"],
        json!({"total": 5, "limit": 2, "offset": 0, "has_next": true})
    );
    assert_eq!(list["samples"].as_array().unwrap().len(), 2);
    let last = app
        .get("/api/v1/samples?limit=2&offset=4", Some(&token))
        .await
        .json();
    assert_eq!(last["pagination"]["has_next"], false);
    assert_eq!(last["samples"].as_array().unwrap().len(), 1);
    app.get("/api/v1/samples?offset=-1", Some(&token))
        .await
        .assert_error(422, "validation_error");
    let one = app
        .get(
            &format!("/api/v1/samples/{}", pdf["id"].as_str().unwrap()),
            Some(&token),
        )
        .await;
    assert_eq!(one.status, StatusCode::OK);
}

#[tokio::test]
async fn bad_uploads_are_refused_clearly() {
    let app = TestApp::new().await;
    let token = app.access_token("bad-samples@example.com").await;
    upload(
        &app,
        &token,
        Some("resume"),
        Some(("photo.png", b"\x89PNG....")),
    )
    .await
    .assert_error(415, "unsupported_media_type");
    let big = vec![b'a'; 1024 * 1024 + 10];
    upload(&app, &token, Some("resume"), Some(("big.txt", &big)))
        .await
        .assert_error(413, "payload_too_large");
    let exactly = vec![b'a'; 1024 * 1024];
    let ok = upload(&app, &token, Some("resume"), Some(("max.txt", &exactly))).await;
    assert_eq!(
        ok.status,
        StatusCode::CREATED,
        "a file of exactly 1 MiB is accepted"
    );
    let body = upload(&app, &token, None, None)
        .await
        .assert_error(422, "validation_error");
    let fields: Vec<&str> = body["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["document_type", "file"]);
    upload(&app, &token, Some("poem"), Some(("a.txt", b"x")))
        .await
        .assert_error(422, "validation_error");
    let scanned = upload(
        &app,
        &token,
        Some("resume"),
        Some(("scan.pdf", &fixture("scanned.pdf"))),
    )
    .await;
    assert!(
        scanned.assert_error(422, "validation_error")["details"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no text")
    );
    upload(
        &app,
        &token,
        Some("resume"),
        Some(("fake.docx", b"not a zip")),
    )
    .await
    .assert_error(422, "validation_error");
    upload(
        &app,
        &token,
        Some("resume"),
        Some(("fake.pdf", b"%PDF-garbage")),
    )
    .await
    .assert_error(422, "validation_error");
    let form = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/samples")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "text/plain")
        .body(Body::from("hello"))
        .unwrap();
    app.send(form)
        .await
        .assert_error(415, "unsupported_media_type");
    app.post(
        "/api/v1/samples",
        json!({"document_type": "resume", "text": "   "}),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");
}

#[tokio::test]
async fn samples_are_private() {
    let app = TestApp::new().await;
    let alice = app.access_token("alice-s@example.com").await;
    let bob = app.access_token("bob-s@example.com").await;
    let sample = app
        .post(
            "/api/v1/samples",
            json!({"document_type": "resume", "text": "Alice's resume."}),
            Some(&alice),
        )
        .await
        .json();
    let path = format!("/api/v1/samples/{}", sample["id"].as_str().unwrap());
    app.get(&path, Some(&bob))
        .await
        .assert_error(404, "not_found");
    app.call(Method::DELETE, &path, None, Some(&bob))
        .await
        .assert_error(404, "not_found");
    assert_eq!(
        app.get("/api/v1/samples", Some(&bob)).await.json()["pagination"]["total"],
        0
    );
    assert_eq!(
        app.get("/api/v1/style", Some(&bob)).await.json()["sample_count"],
        0
    );
    assert_eq!(
        app.call(Method::DELETE, &path, None, Some(&alice))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    app.get(&path, Some(&alice))
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn style_profile_from_samples() {
    let app = TestApp::new().await;
    let token = app.access_token("style@example.com").await;
    let empty = app.get("/api/v1/style", Some(&token)).await.json();
    assert_eq!(empty["sample_count"], 0);
    assert!(empty["formality"].is_null());
    assert_eq!(empty["favorite_phrases"], json!([]));

    let letters = [
        "Dear Hiring Manager,\n\nI am writing to apply for the Data Analyst role. In my current position I built dashboards that the leadership team uses every week. I am confident that my experience with SQL and Python would help your team. I led a project that reduced reporting time by 40 percent.\n\nSincerely,\nSam",
        "Dear Hiring Manager,\n\nI am writing to express my interest in the Analytics Engineer position. I built data models in dbt and I led the migration to a modern warehouse. I am confident that my experience would help your team deliver reliable data.\n\nSincerely,\nSam",
    ];
    for text in letters {
        let r = app
            .post(
                "/api/v1/samples",
                json!({"document_type": "cover_letter", "text": text}),
                Some(&token),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let style = app.get("/api/v1/style", Some(&token)).await;
    assert_eq!(style.status, StatusCode::OK);
    let style = style.json();
    assert_eq!(style["sample_count"], 2);
    assert!(style["avg_sentence_length"].as_f64().unwrap() > 5.0);
    assert!(style["first_person_rate"].as_f64().unwrap() > 0.5);
    assert!(style["tone"].is_string());
    let phrases: Vec<&str> = style["favorite_phrases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        phrases
            .iter()
            .any(|p| p.contains("hiring manager") || p.contains("am confident")),
        "{phrases:?}"
    );
    assert!(!style["explanation"].as_array().unwrap().is_empty());
    // Deterministic.
    assert_eq!(app.get("/api/v1/style", Some(&token)).await.json(), style);
}

/// A 10 KB PDF whose page content decodes to five million operators (it drove the server to
/// 2.8 GB before the operator cap): refused with a 422 that says why, quickly.
#[tokio::test]
async fn a_pdf_with_millions_of_operators_is_refused_quickly() {
    use std::io::Write as _;
    let app = TestApp::new().await;
    let token = app.access_token("pdf-bomb@example.com").await;
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    zlib.write_all(&b"q\n".repeat(5_000_000)).unwrap();
    let content = zlib.finish().unwrap();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        [
            format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                content.len()
            )
            .as_bytes(),
            &content,
            b"\nendstream",
        ]
        .concat(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    assert!(pdf.len() < 20 * 1024, "{} bytes", pdf.len());
    let started = std::time::Instant::now();
    let refused = upload(&app, &token, Some("resume"), Some(("bomb.pdf", &pdf))).await;
    let elapsed = started.elapsed();
    let body = refused.assert_error(422, "validation_error");
    assert_eq!(body["details"][0]["field"], "file");
    assert!(
        body["details"][0]["message"]
            .as_str()
            .unwrap()
            .contains("too complex"),
        "{body}"
    );
    assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
}
