//! Real-world job intake: pasted postings are never refused (warnings instead of 422s), and
//! `POST /jobs/import` reads pages (JSON-LD, microdata, readable text) given as HTML or fetched
//! from a URL, with every SSRF rule tested against a page server the test starts on loopback.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use serde_json::{Value, json};

use crate::helpers::TestApp;

const JSON_LD_PAGE: &str = r##"<!doctype html><html><head><title>Careers</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Wrong Co"}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","@id":"#org","name":"Tandem Bank"},
 {"@type":"JobPosting","title":"Senior Credit Risk Analyst","hiringOrganization":{"@id":"#org"},
  "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Manchester","addressRegion":"Greater Manchester","addressCountry":"United Kingdom"}},
  "baseSalary":{"@type":"MonetaryAmount","currency":"GBP","value":{"@type":"QuantitativeValue","minValue":55000,"maxValue":65000,"unitText":"YEAR"}},
  "employmentType":["FULL_TIME"],"datePosted":"2026-11-20","validThrough":"2026-12-31T23:59",
  "description":"&lt;p&gt;Own the credit models.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;SQL and Python&lt;/li&gt;&lt;li&gt;IFRS 9&lt;/li&gt;&lt;/ul&gt;"}
]}</script></head><body><nav>Jobs Home</nav><h1>Senior Credit Risk Analyst</h1></body></html>"##;

const TEXT_PAGE: &str = r#"<html><body><header><nav><ul><li>Home</li><li>Jobs</li></ul></nav></header>
<main><h1>Warehouse Team Leader</h1><p>Company: Northgate Logistics</p><p>Location: Leeds, West Yorkshire</p>
<p>Salary: £32,000 - £35,000 per annum</p>
<p>We are looking for a warehouse team leader to run our night shift and keep the site safe and on time.</p>
<h2>Requirements</h2><ul><li>Two years leading a warehouse team</li><li>Counterbalance licence</li></ul></main>
<footer>Cookie settings</footer></body></html>"#;

/// A page server on loopback for the fetch tests.
async fn page_server() -> SocketAddr {
    let html = |body: &'static str| ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body);
    let app = Router::new()
        .route("/job", get(move || async move { html(JSON_LD_PAGE) }))
        .route("/text-job", get(move || async move { html(TEXT_PAGE) }))
        .route(
            "/hop/{n}",
            get(
                |axum::extract::Path(n): axum::extract::Path<u32>| async move {
                    if n == 0 {
                        Redirect::temporary("/job").into_response()
                    } else {
                        Redirect::temporary(&format!("/hop/{}", n - 1)).into_response()
                    }
                },
            ),
        )
        .route(
            "/to-file",
            get(|| async { Redirect::temporary("file:///etc/passwd") }),
        )
        .route(
            "/pdf",
            get(|| async { ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.7") }),
        )
        .route(
            "/big",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html")],
                    format!("<html><body>{}</body></html>", "x".repeat(8192)),
                )
            }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                ([(header::CONTENT_TYPE, "text/html")], "<html></html>")
            }),
        )
        .route(
            // An older site's page in ISO-8859-1, saying so only in a <meta> tag.
            "/latin1",
            get(|| async {
                let page: &[u8] = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><h1>T\xe9cnico de Mantenimiento</h1><p>Empresa: Minera Andina S.A.</p><p>Lugar: Arequipa, Per\xfa</p><p>Buscamos un t\xe9cnico con experiencia en mantenimiento de equipos pesados para la operaci\xf3n de la mina, con turnos rotativos y disponibilidad para viajar.</p></body></html>";
                ([(header::CONTENT_TYPE, "text/html")], page)
            }),
        )
        .route(
            "/gone",
            get(|| async { (StatusCode::NOT_FOUND, "no such job") }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

fn field_of(body: &Value) -> &str {
    body["details"][0]["field"].as_str().unwrap_or("")
}

#[tokio::test]
async fn long_pasted_postings_are_never_refused() {
    let app = TestApp::new().await;
    let token = app.access_token("paste-real@example.com").await;

    // No line reads like a title: the best candidate is used, with a warning.
    let text = "Our family-run bakery in Bristol needs someone for early mornings.\n\n\
        You will bake bread, laminate croissant dough, keep the ovens clean and help in the shop when \
        it is busy. Experience in a commercial kitchen is helpful but we will train the right person. \
        Four days a week, 5am to 1pm.";
    let created = app
        .post("/api/v1/jobs", json!({"text": text}), Some(&token))
        .await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let job = created.json();
    assert!(!job["title"].as_str().unwrap().is_empty());
    let warnings = job["parse_warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w["field"] == "title"),
        "{warnings:?}"
    );

    // 80 requirement lines and 25,000 characters of prose: capped, not refused.
    let mut long = String::from("Site Reliability Engineer\nAcme Cloud\nDublin, Ireland\n\n");
    long.push_str(&"We run the platform that thousands of teams rely on every day. ".repeat(400));
    long.push_str("\n\nRequirements:\n");
    for i in 0..80 {
        long.push_str(&format!(
            "- Operational experience with system number {i}\n"
        ));
    }
    let created = app
        .post("/api/v1/jobs", json!({"text": long}), Some(&token))
        .await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let job = created.json();
    assert_eq!(job["requirements"].as_array().unwrap().len(), 50);
    assert!(
        job["parse_warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["field"] == "requirements" && w["message"].as_str().unwrap().contains("80")),
        "{}",
        job["parse_warnings"]
    );

    // Editing a warned field drops its warning.
    let id = job["id"].as_str().unwrap().to_owned();
    let patched = app
        .call(
            axum::http::Method::PATCH,
            &format!("/api/v1/jobs/{id}"),
            Some(json!({"requirements": ["Linux"]})),
            Some(&token),
        )
        .await;
    assert_eq!(patched.status, StatusCode::OK);
    assert!(
        !patched.json()["parse_warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["field"] == "requirements")
    );

    // Short text with no title is still a 422 on `text`; empty text too.
    let short = app
        .post(
            "/api/v1/jobs",
            json!({"text": "we pay well and have snacks"}),
            Some(&token),
        )
        .await;
    assert_eq!(
        field_of(&short.assert_error(422, "validation_error")),
        "text"
    );
    let empty = app
        .post("/api/v1/jobs", json!({"text": "  "}), Some(&token))
        .await;
    assert_eq!(
        field_of(&empty.assert_error(422, "validation_error")),
        "text"
    );
}

#[tokio::test]
async fn html_pages_import_from_json_ld_microdata_or_text() {
    let app = TestApp::new().await;
    let token = app.access_token("import-html@example.com").await;

    let created = app
        .post(
            "/api/v1/jobs/import",
            json!({"html": JSON_LD_PAGE, "source_url": "https://careers.example.com/jobs/77#apply"}),
            Some(&token),
        )
        .await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let location = created.header("location").unwrap().to_owned();
    let job = created.json();
    assert_eq!(job["source"], "json_ld");
    assert_eq!(job["source_url"], "https://careers.example.com/jobs/77");
    assert_eq!(job["title"], "Senior Credit Risk Analyst");
    assert_eq!(job["company"], "Tandem Bank");
    assert_eq!(
        job["location"],
        "Manchester, Greater Manchester, United Kingdom"
    );
    assert_eq!(
        job["salary_range"],
        json!({"min": 55000, "max": 65000, "currency": "GBP", "period": "year"})
    );
    assert_eq!(job["job_type"], "full_time");
    assert_eq!(job["posted_date"], "2026-11-20");
    assert_eq!(job["expires_date"], "2026-12-31");
    assert_eq!(job["requirements"], json!(["SQL and Python", "IFRS 9"]));

    // The stored job is an ordinary job of source `imported`.
    let stored = app.get(&location, Some(&token)).await.json();
    assert_eq!(stored["source"], "imported");
    assert_eq!(stored["source_url"], "https://careers.example.com/jobs/77");

    // The same page again: the existing job, 200, not a copy.
    let again = app
        .post(
            "/api/v1/jobs/import",
            json!({"html": JSON_LD_PAGE, "source_url": "https://careers.example.com/jobs/77"}),
            Some(&token),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], job["id"]);
    // Another user gets their own copy.
    let other = app.access_token("import-other@example.com").await;
    let theirs = app
        .post(
            "/api/v1/jobs/import",
            json!({"html": JSON_LD_PAGE, "source_url": "https://careers.example.com/jobs/77"}),
            Some(&other),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::CREATED);
    assert_ne!(theirs.json()["id"], job["id"]);

    let text = app
        .post(
            "/api/v1/jobs/import",
            json!({"html": TEXT_PAGE}),
            Some(&token),
        )
        .await;
    assert_eq!(
        text.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&text.body)
    );
    let text = text.json();
    assert_eq!(text["source"], "html_text");
    assert!(text["source_url"].is_null());
    assert_eq!(text["title"], "Warehouse Team Leader");
    assert_eq!(text["company"], "Northgate Logistics");
    assert_eq!(text["location"], "Leeds, West Yorkshire");
    assert_eq!(text["salary_range"]["min"], 32000);
    assert!(!text["description"].as_str().unwrap().contains("Cookie"));

    let microdata = r#"<html><body><div itemscope itemtype="http://schema.org/JobPosting">
        <h1 itemprop="title">Primary School Teacher</h1>
        <span itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">Riverside Academy</span></span>
        <span itemprop="jobLocation" itemscope itemtype="http://schema.org/Place"><span itemprop="address" itemscope itemtype="http://schema.org/PostalAddress"><span itemprop="addressLocality">Cardiff</span></span></span>
        <div itemprop="description"><p>Teach a Year 4 class from September.</p></div></div></body></html>"#;
    let micro = app
        .post(
            "/api/v1/jobs/import",
            json!({"html": microdata}),
            Some(&token),
        )
        .await;
    assert_eq!(
        micro.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&micro.body)
    );
    let micro = micro.json();
    assert_eq!(micro["source"], "microdata");
    assert_eq!(micro["company"], "Riverside Academy");
    assert_eq!(micro["location"], "Cardiff");

    // Bad bodies: field-level 422s.
    for (body, field) in [
        (json!({}), "html"),
        (
            json!({"html": "<p>x</p>", "url": "https://example.com/"}),
            "url",
        ),
        (json!({"html": "   "}), "html"),
        (
            json!({"html": TEXT_PAGE, "source_url": "javascript:alert(1)"}),
            "source_url",
        ),
        (
            json!({"url": "https://example.com/", "source_url": "https://example.com/"}),
            "source_url",
        ),
        (
            json!({"html": "<html><body><p>Hello</p></body></html>"}),
            "html",
        ),
    ] {
        let refused = app
            .post("/api/v1/jobs/import", body.clone(), Some(&token))
            .await;
        assert_eq!(
            field_of(&refused.assert_error(422, "validation_error")),
            field,
            "{body}"
        );
    }
    let unknown = app
        .post("/api/v1/jobs/import", json!({"page": "x"}), Some(&token))
        .await;
    assert!(unknown.status.is_client_error());
    let anonymous = app
        .post("/api/v1/jobs/import", json!({"html": TEXT_PAGE}), None)
        .await;
    anonymous.assert_error(401, "unauthorized");
}

#[tokio::test]
async fn urls_are_fetched_within_limits() {
    let server = page_server().await;
    let app = TestApp::with_env(&[
        ("JOBWISE_FETCH_ALLOW_PRIVATE", "true"),
        ("JOBWISE_FETCH_TIMEOUT_SECS", "1"),
        ("JOBWISE_FETCH_MAX_BYTES", "4096"),
    ])
    .await;
    let token = app.access_token("import-url@example.com").await;
    let import = |path: String| {
        let token = token.clone();
        let app = &app;
        async move {
            app.post(
                "/api/v1/jobs/import",
                json!({"url": format!("http://{server}{path}")}),
                Some(&token),
            )
            .await
        }
    };

    let created = import("/hop/2".into()).await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let job = created.json();
    assert_eq!(job["source"], "json_ld");
    assert_eq!(job["company"], "Tandem Bank");
    assert_eq!(job["source_url"], format!("http://{server}/hop/2"));
    // Same URL again: the existing job, without a second job.
    let again = import("/hop/2".into()).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], job["id"]);

    let text = import("/text-job".into()).await;
    assert_eq!(text.status, StatusCode::CREATED);
    assert_eq!(text.json()["source"], "html_text");

    // A page in a legacy encoding is decoded by its declaration, not as broken UTF-8.
    let latin = import("/latin1".into()).await;
    assert_eq!(latin.status, StatusCode::CREATED);
    let latin = latin.json();
    assert_eq!(latin["title"], "Técnico de Mantenimiento", "{latin}");
    assert!(
        latin["description"].as_str().unwrap().contains("operación"),
        "{latin}"
    );

    // More than 3 redirects, an error answer, a time-out, a closed port: 502 fetch_failed.
    for path in ["/hop/4", "/gone", "/slow"] {
        let failed = import(path.into()).await;
        let body = failed.assert_error(502, "fetch_failed");
        assert!(body["message"].as_str().unwrap().len() > 20, "{body}");
    }
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    app.post(
        "/api/v1/jobs/import",
        json!({"url": format!("http://{closed}/job")}),
        Some(&token),
    )
    .await
    .assert_error(502, "fetch_failed");

    // Not HTML, too large, a redirect to another scheme: refused, 422 on `url`.
    for path in ["/pdf", "/big", "/to-file"] {
        let refused = import(path.into()).await;
        assert_eq!(
            field_of(&refused.assert_error(422, "validation_error")),
            "url",
            "{path}"
        );
    }
}

#[tokio::test]
async fn private_and_special_addresses_are_refused() {
    let server = page_server().await;
    // The default: only public addresses.
    let app = TestApp::new().await;
    let token = app.access_token("import-ssrf@example.com").await;
    let port = server.port();
    for url in [
        format!("http://127.0.0.1:{port}/job"),
        format!("http://localhost:{port}/job"),
        format!("http://[::1]:{port}/job"),
        format!("http://[::ffff:127.0.0.1]:{port}/job"),
        format!("http://2130706433:{port}/job"),
        format!("http://0.0.0.0:{port}/job"),
        "http://169.254.169.254/latest/meta-data/".to_string(),
        "http://[fe80::1]/".to_string(),
        "http://10.0.0.1/".to_string(),
        "http://172.16.5.4/".to_string(),
        "http://192.168.0.1/".to_string(),
        "http://100.64.0.1/".to_string(),
        "http://224.0.0.1/".to_string(),
        "http://[fd00::1]/".to_string(),
        "http://[64:ff9b::7f00:1]/".to_string(),
        "ftp://example.com/job".to_string(),
        "file:///etc/passwd".to_string(),
        "not a url".to_string(),
    ] {
        let refused = app
            .post("/api/v1/jobs/import", json!({"url": url}), Some(&token))
            .await;
        let body = refused.assert_error(422, "validation_error");
        assert_eq!(field_of(&body), "url", "{url}: {body}");
        assert!(
            !body["details"][0]["message"].as_str().unwrap().is_empty(),
            "{url}"
        );
    }
    // A name that resolves to loopback is refused at connection time by the resolver, which
    // is what stops DNS rebinding: the client only ever connects to addresses it checked.
    let by_name = app
        .post(
            "/api/v1/jobs/import",
            json!({"url": format!("http://localhost:{port}/job")}),
            Some(&token),
        )
        .await
        .json();
    assert!(
        by_name["details"][0]["message"]
            .as_str()
            .unwrap()
            .contains("resolves to"),
        "{by_name}"
    );
    // A server configured to make no outbound requests refuses every URL, public ones too.
    let offline = TestApp::with_env(&[("JOBWISE_FETCH_ENABLED", "false")]).await;
    let token_offline = offline.access_token("import-offline@example.com").await;
    let refused = offline
        .post(
            "/api/v1/jobs/import",
            json!({"url": "https://careers.example.com/jobs/1"}),
            Some(&token_offline),
        )
        .await;
    let body = refused.assert_error(422, "validation_error");
    assert_eq!(field_of(&body), "url");
    assert!(
        body["details"][0]["message"]
            .as_str()
            .unwrap()
            .contains("does not fetch")
    );

    // Nothing was created by any of these.
    let mine = app
        .get("/api/v1/jobs?source=imported", Some(&token))
        .await
        .json();
    assert_eq!(mine["pagination"]["total"], 0, "{mine}");
}

/// Real pages put their posting where chrome usually is: an ASP.NET page wraps its whole body
/// in one `<form>`, another board leaves the main column empty and the posting in an aside.
/// Both are imported, not refused.
#[tokio::test]
async fn pages_whose_posting_sits_in_a_form_or_an_aside_are_imported() {
    let app = TestApp::new().await;
    let token = app.access_token("import-form@example.com").await;
    let form_page = r#"<html><body><form id="aspnetForm" method="post">
        <input type="hidden" name="__VIEWSTATE" value="x">
        <table><tr><td><h1>Senior Maintenance Manager II</h1></td></tr>
        <tr><td>Location</td><td>Seattle, Washington</td></tr></table>
        <p>Archstone is looking for a maintenance manager to run the repair team of a large
        apartment community and keep every building safe and in good order.</p>
        </form></body></html>"#;
    let aside_page = r#"<html><body><main><p>Welcome</p></main>
        <aside><h2>Night Shift Security Officer</h2><p>Northgate Logistics is hiring a security
        officer for its Leeds warehouse. You will patrol the site, check deliveries and keep the
        logbook; we train you, pay weekly and provide the uniform.</p></aside></body></html>"#;
    for (page, title) in [
        (form_page, "Senior Maintenance Manager II"),
        (aside_page, "Night Shift Security Officer"),
    ] {
        let created = app
            .post("/api/v1/jobs/import", json!({"html": page}), Some(&token))
            .await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&created.body)
        );
        let job = created.json();
        assert_eq!(job["source"], "html_text");
        assert_eq!(job["title"], title);
    }
}
