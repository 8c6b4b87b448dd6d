//! Generations: the five-stage pipeline through the API — 202 and polling, documents and PDFs
//! stored, SSE progress, cancel, idempotency, the hourly limit, ownership, and a worker that
//! dies mid-generation.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use jobwise::generation::store;
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::helpers::TestApp;

const PROFILE: &str = include_str!("../../assets/eval/profiles/01_backend_senior.json");

fn job_body() -> Value {
    json!({
        "title": "Senior Backend Engineer",
        "company": "Tessary Labs",
        "description": "We build telemetry ingestion in Rust and Go on PostgreSQL and Kafka.",
        "requirements": [
            "5+ years of backend development experience",
            "Strong Rust or Go skills",
            "Experience with PostgreSQL and Kafka",
            "Kubernetes in production"
        ],
        "preferred": ["gRPC and Protobuf API design", "ClickHouse"],
        "responsibilities": ["Design and operate high-throughput ingestion services"]
    })
}

/// A user with a profile and a job: (token, profile id, job id).
pub async fn setup(app: &TestApp, email: &str) -> (String, String, String) {
    let token = app.access_token(email).await;
    let profile: Value = serde_json::from_str(PROFILE).unwrap();
    let created = app.post("/api/v1/profiles", profile, Some(&token)).await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let job = app.post("/api/v1/jobs", job_body(), Some(&token)).await;
    assert_eq!(job.status, StatusCode::CREATED);
    (
        token,
        created.json()["id"].as_str().unwrap().to_owned(),
        job.json()["id"].as_str().unwrap().to_owned(),
    )
}

/// Queues a resume generation with default options; returns its id (after checking the 202).
pub async fn start_resume(app: &TestApp, token: &str, profile_id: &str, job_id: &str) -> String {
    let response = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": job_id}),
            Some(token),
        )
        .await;
    assert_eq!(
        response.status,
        StatusCode::ACCEPTED,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    assert_eq!(
        response.json()["options"]["template"],
        "modern",
        "stored options show the default template"
    );
    response.json()["generation_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Polls until the generation is finished (bounded, so a broken worker fails the test).
pub async fn wait_finished(app: &TestApp, id: &str, token: &str) -> Value {
    for _ in 0..600 {
        let view = app
            .get(&format!("/api/v1/generations/{id}"), Some(token))
            .await
            .json();
        if ["completed", "failed", "cancelled"].contains(&view["status"].as_str().unwrap()) {
            return view;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("generation {id} did not finish");
}

#[tokio::test]
async fn resume_with_cover_letter_is_generated_stored_and_listed() {
    let app = TestApp::new().await;
    let (token, profile_id, job_id) = setup(&app, "gen@example.com").await;
    let response = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": job_id,
                   "options": {"template": "ats_optimized", "length": "one_page", "include_cover_letter": true}}),
            Some(&token),
        )
        .await;
    assert_eq!(
        response.status,
        StatusCode::ACCEPTED,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    let accepted = response.json();
    let id = accepted["generation_id"].as_str().unwrap().to_owned();
    assert_eq!(
        response.header("location"),
        Some(format!("/api/v1/generations/{id}").as_str())
    );
    assert_eq!(accepted["type"], "resume");
    assert_eq!(accepted["progress"]["total_stages"], 5);

    let done = wait_finished(&app, &id, &token).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["progress"]["current_stage"], 5);
    assert_eq!(done["progress"]["percentage"], 100);
    assert_eq!(done["progress"]["stage_name"], "PDF Export");
    assert_eq!(done["engine"], "offline");
    assert_eq!(done["tokens_used"], 0);
    assert!(done["completed_at"].as_str().unwrap().ends_with('Z'));
    let result = &done["result"];
    let ids: Vec<&str> = result["document_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "resume and cover letter");
    assert!(result["ats_score"].as_u64().unwrap() >= 80, "{result}");
    assert!(
        result["match_percentage"].as_u64().unwrap() > 50,
        "{result}"
    );
    assert!(
        result["keyword_coverage"].as_f64().unwrap() >= 0.9,
        "{result}"
    );

    // The documents are stored with their PDFs; the resume is one page.
    let rows = sqlx::query_as::<_, (String, String, String, i64, i64)>(
        "SELECT id, document_type, pdf_key, pdf_size, pdf_pages FROM documents WHERE generation_id = $1 ORDER BY id",
    )
    .bind(&id)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2);
    for (doc_id, kind, key, size, pages) in &rows {
        assert!(ids.contains(&doc_id.as_str()));
        assert_eq!(*pages, 1, "{kind} fits one page");
        let bytes = app
            .state
            .storage
            .get(key)
            .await
            .unwrap()
            .expect("PDF stored");
        assert_eq!(bytes.len() as i64, *size);
        assert!(bytes.starts_with(b"%PDF"));
    }
    assert_eq!(
        rows.iter().find(|r| r.0 == ids[0]).unwrap().1,
        "resume",
        "resume first"
    );

    // Stage outputs were persisted.
    let (analysis, timings): (Option<String>, String) =
        sqlx::query_as("SELECT analysis, timings FROM generations WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(analysis.unwrap().contains("Kafka"));
    let timings: Value = serde_json::from_str(&timings).unwrap();
    for stage in ["1", "2", "3", "4", "5"] {
        assert!(timings[stage].is_u64(), "{timings}");
    }

    // History with filters.
    let list = app
        .get(
            &format!("/api/v1/generations?job_id={job_id}&type=resume&status=completed"),
            Some(&token),
        )
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let list = list.json();
    assert_eq!(list["pagination"]["total"], 1);
    assert_eq!(list["generations"][0]["generation_id"], id.as_str());
    let none = app
        .get("/api/v1/generations?status=failed", Some(&token))
        .await
        .json();
    assert_eq!(none["pagination"]["total"], 0);
    let bad = app
        .get("/api/v1/generations?status=done&type=poem", Some(&token))
        .await;
    let body = bad.assert_error(422, "validation_error");
    assert_eq!(body["details"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn cover_letter_generation_names_company_and_role() {
    let app = TestApp::new().await;
    let (token, profile_id, job_id) = setup(&app, "letter@example.com").await;
    let response = app
        .post(
            "/api/v1/generations/cover-letter",
            json!({"profile_id": profile_id, "job_id": job_id, "options": {"tone": "enthusiastic", "length": "short"}}),
            Some(&token),
        )
        .await;
    assert_eq!(response.status, StatusCode::ACCEPTED);
    // Stored options carry the defaults they ran with (the template was `null` before).
    assert_eq!(response.json()["options"]["template"], "modern");
    let id = response.json()["generation_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = wait_finished(&app, &id, &token).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["type"], "cover_letter");
    assert_eq!(done["options"]["template"], "modern");
    let doc_id = done["result"]["document_ids"][0]
        .as_str()
        .unwrap()
        .to_owned();
    let structured: String = sqlx::query_scalar("SELECT structured FROM documents WHERE id = $1")
        .bind(&doc_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let letter: Value = serde_json::from_str(&structured).unwrap();
    assert_eq!(letter["kind"], "cover_letter");
    let text: String = letter["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        text.contains("Tessary Labs") && text.contains("Senior Backend Engineer"),
        "{text}"
    );
    assert!(text.contains("excited"), "enthusiastic tone: {text}");
}

#[tokio::test]
async fn bad_requests_are_rejected_without_counting() {
    let app = TestApp::with_env(&[("JOBWISE_GENERATIONS_PER_HOUR", "1")]).await;
    let (token, profile_id, job_id) = setup(&app, "bad@example.com").await;
    let other = app.access_token("other@example.com").await;

    let cases = [
        (
            json!({"profile_id": profile_id, "job_id": job_id, "options": {"template": "fancy"}}),
            "options.template",
        ),
        (
            json!({"profile_id": profile_id, "job_id": job_id, "options": {"length": "ten_pages"}}),
            "options.length",
        ),
        (
            json!({"profile_id": profile_id, "job_id": job_id, "options": {"custom_instructions": "x".repeat(501)}}),
            "options.custom_instructions",
        ),
        (json!({"job_id": job_id}), "profile_id"),
    ];
    for (body, field) in cases {
        let response = app
            .post("/api/v1/generations/resume", body, Some(&token))
            .await;
        let error = response.assert_error(422, "validation_error");
        assert_eq!(error["details"][0]["field"], field, "{error}");
    }
    // Someone else's profile, an unknown job: 404.
    let foreign = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": job_id}),
            Some(&other),
        )
        .await;
    foreign.assert_error(404, "not_found");
    let unknown_job = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": "0190aaaa-0000-7000-8000-000000000000"}),
            Some(&token),
        )
        .await;
    unknown_job.assert_error(404, "not_found");
    let no_auth = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": job_id}),
            None,
        )
        .await;
    no_auth.assert_error(401, "unauthorized");

    // None of those counted: the quota of 1 is still there, then it is spent.
    let ok = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": job_id}),
            Some(&token),
        )
        .await;
    assert_eq!(ok.status, StatusCode::ACCEPTED);
    let limited = app
        .post(
            "/api/v1/generations/cover-letter",
            json!({"profile_id": profile_id, "job_id": job_id}),
            Some(&token),
        )
        .await;
    let body = limited.assert_error(429, "rate_limit_exceeded");
    let retry: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((3500..=3600).contains(&retry), "{retry}");
    assert_eq!(body["retry_after"], retry);
}

async fn post_with_key(app: &TestApp, token: &str, key: &str, body: Value) -> (StatusCode, Value) {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/generations/resume")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Body::from(body.to_string()))
        .unwrap();
    let response = app.send(request).await;
    let status = response.status;
    (status, response.json())
}

#[tokio::test]
async fn idempotency_key_replays_the_same_generation() {
    let app = TestApp::with_env(&[
        ("JOBWISE_WORKERS", "0"),
        ("JOBWISE_GENERATIONS_PER_HOUR", "2"),
    ])
    .await;
    let (token, profile_id, job_id) = setup(&app, "idem@example.com").await;
    let body =
        json!({"profile_id": profile_id, "job_id": job_id, "options": {"template": "classic"}});
    let (s1, first) = post_with_key(&app, &token, "key-1", body.clone()).await;
    let (s2, second) = post_with_key(&app, &token, "key-1", body.clone()).await;
    assert_eq!((s1, s2), (StatusCode::ACCEPTED, StatusCode::ACCEPTED));
    assert_eq!(first["generation_id"], second["generation_id"]);
    // Same key, different body: 422.
    let (s3, error) = post_with_key(
        &app,
        &token,
        "key-1",
        json!({"profile_id": profile_id, "job_id": job_id, "options": {"template": "minimal"}}),
    )
    .await;
    assert_eq!(s3, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["details"][0]["field"], "Idempotency-Key");
    // Keys are per user; replays did not use the quota (2): one more new generation fits.
    let (s4, third) = post_with_key(&app, &token, "key-2", body.clone()).await;
    assert_eq!(s4, StatusCode::ACCEPTED);
    assert_ne!(third["generation_id"], first["generation_id"]);
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM generations")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(total, 2);
}

#[tokio::test]
async fn cancel_pending_then_conflict_and_ownership() {
    let app = TestApp::with_env(&[("JOBWISE_WORKERS", "0")]).await;
    let (token, profile_id, job_id) = setup(&app, "cancel@example.com").await;
    let other = app.access_token("stranger@example.com").await;
    let id = start_resume(&app, &token, &profile_id, &job_id).await;
    let pending = app
        .get(&format!("/api/v1/generations/{id}"), Some(&token))
        .await
        .json();
    assert_eq!(pending["status"], "pending");
    assert_eq!(pending["progress"]["current_stage"], 0);
    assert!(pending["progress"]["stage_name"].is_null());

    let path = format!("/api/v1/generations/{id}");
    app.get(&path, Some(&other))
        .await
        .assert_error(404, "not_found");
    app.call(Method::DELETE, &path, None, Some(&other))
        .await
        .assert_error(404, "not_found");
    app.get(&format!("{path}/events"), Some(&other))
        .await
        .assert_error(404, "not_found");

    let cancelled = app.call(Method::DELETE, &path, None, Some(&token)).await;
    assert_eq!(cancelled.status, StatusCode::NO_CONTENT);
    let view = app.get(&path, Some(&token)).await.json();
    assert_eq!(view["status"], "cancelled");
    assert!(view["completed_at"].is_string());
    app.call(Method::DELETE, &path, None, Some(&token))
        .await
        .assert_error(409, "conflict");
    app.get("/api/v1/generations/not-an-id", Some(&token))
        .await
        .assert_error(404, "not_found");

    // A cancelled generation is never picked up.
    assert!(
        store::claim_next(&app.state.db, "w", Duration::from_secs(30))
            .await
            .unwrap()
            .is_none()
    );
}

/// Reads an SSE response to its end and returns (event name, data) pairs.
async fn read_events(app: &TestApp, path: &str, token: &str) -> Vec<(String, Value)> {
    let request = Request::builder()
        .uri(path)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let body = tokio::time::timeout(Duration::from_secs(60), response.into_body().collect())
        .await
        .expect("the stream ends")
        .unwrap()
        .to_bytes();
    let text = String::from_utf8(body.to_vec()).unwrap();
    text.split("\n\n")
        .filter(|block| !block.trim().is_empty() && !block.starts_with(':'))
        .map(|block| {
            let mut name = String::new();
            let mut data = String::new();
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("event: ") {
                    name = v.to_owned();
                } else if let Some(v) = line.strip_prefix("data: ") {
                    data.push_str(v);
                }
            }
            (name, serde_json::from_str(&data).unwrap())
        })
        .collect()
}

#[tokio::test]
async fn events_stream_progress_then_completion() {
    let mut app = TestApp::with_env(&[("JOBWISE_WORKERS", "0")]).await;
    let (token, profile_id, job_id) = setup(&app, "sse@example.com").await;
    let id = start_resume(&app, &token, &profile_id, &job_id).await;
    let path = format!("/api/v1/generations/{id}/events");
    // Subscribe while pending, then start a worker.
    let reader = {
        let router = app.router.clone();
        let token = token.clone();
        let path = path.clone();
        tokio::spawn(async move {
            let request = Request::builder()
                .uri(&path)
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap();
            let response = router.oneshot(request).await.unwrap();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            String::from_utf8(body.to_vec()).unwrap()
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    app.workers = Some(jobwise::generation::worker::WorkerPool::start(
        &app.state, 1,
    ));
    let text = tokio::time::timeout(Duration::from_secs(60), reader)
        .await
        .expect("stream ends")
        .unwrap();
    let names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("event: "))
        .collect();
    assert_eq!(names.first(), Some(&"stage"), "{text}");
    assert_eq!(names.last(), Some(&"completed"), "{text}");
    assert_eq!(names.iter().filter(|n| **n == "completed").count(), 1);
    // Stage events report increasing stages: pending (0), then each of 1..=5.
    let stages: Vec<u64> = text
        .split("\n\n")
        .filter(|b| b.contains("event: stage"))
        .filter_map(|b| b.lines().find_map(|l| l.strip_prefix("data: ")))
        .map(|d| {
            serde_json::from_str::<Value>(d).unwrap()["current_stage"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert!(stages.windows(2).all(|w| w[0] < w[1]), "{stages:?}");
    assert_eq!(
        stages,
        vec![0, 1, 2, 3, 4, 5],
        "in-process subscribers see every stage"
    );

    // A late subscriber gets the terminal event at once, then the stream closes.
    let late = read_events(&app, &path, &token).await;
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].0, "completed");
    assert_eq!(late[0].1["generation_id"], id.as_str());
    assert_eq!(late[0].1["status"], "completed");
}

#[tokio::test]
async fn a_dead_workers_generation_is_resumed_once_at_its_first_unfinished_stage() {
    let mut app = TestApp::with_env(&[("JOBWISE_WORKERS", "0")]).await;
    let (token, profile_id, job_id) = setup(&app, "crash@example.com").await;
    let id = start_resume(&app, &token, &profile_id, &job_id).await;
    let db = &app.state.db;

    // Worker "dead" claims it, runs stages 1 and 2, persists them, and dies (no heartbeat).
    let claimed = store::claim_next(db, "dead", Duration::from_millis(300))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(claimed.id.to_string(), id);
    let inputs: jobwise::generation::pipeline::PipelineInputs =
        serde_json::from_str(&claimed.inputs).unwrap();
    let taxonomy = jobwise_engine::Taxonomy::shipped();
    let analysis = jobwise::generation::pipeline::analyze(&inputs, taxonomy);
    let compiled = jobwise::generation::pipeline::compile(&inputs, &analysis, taxonomy);
    let analysis_json = serde_json::to_string(&analysis).unwrap();
    for (stage, output) in [
        (1, analysis_json.clone()),
        (2, serde_json::to_string(&compiled).unwrap()),
    ] {
        assert!(
            store::start_stage(db, claimed.id, "dead", stage)
                .await
                .unwrap()
        );
        let run = store::RunRecord {
            engine: "offline",
            tokens_used: 0,
            timings: r#"{"1":1,"2":1}"#,
        };
        assert!(
            store::finish_stage(db, claimed.id, "dead", stage, &output, run)
                .await
                .unwrap()
        );
    }
    // While the claim is live nobody else can take it.
    assert!(
        store::claim_next(db, "other", Duration::from_secs(30))
            .await
            .unwrap()
            .is_none()
    );
    let view = app
        .get(&format!("/api/v1/generations/{id}"), Some(&token))
        .await
        .json();
    assert_eq!(view["status"], "running");
    assert_eq!(view["progress"]["percentage"], 40);

    // The claim expires; a live worker resumes at stage 3 and completes it.
    tokio::time::sleep(Duration::from_millis(400)).await;
    app.workers = Some(jobwise::generation::worker::WorkerPool::start(
        &app.state, 2,
    ));
    let done = wait_finished(&app, &id, &token).await;
    assert_eq!(done["status"], "completed", "{done}");
    let (attempts, analysis_after, timings): (i64, String, String) =
        sqlx::query_as("SELECT attempts, analysis, timings FROM generations WHERE id = $1")
            .bind(&id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(attempts, 2);
    assert_eq!(analysis_after, analysis_json, "stage 1 was not run again");
    let timings: Value = serde_json::from_str(&timings).unwrap();
    assert_eq!(timings["1"], 1, "stage 1 timing is the dead worker's");
    assert!(timings["5"].is_u64());

    // The dead worker wakes up and tries to write: every write is refused, no duplicate.
    assert!(!store::start_stage(db, claimed.id, "dead", 3).await.unwrap());
    assert!(
        !store::heartbeat(db, claimed.id, "dead", Duration::from_secs(30))
            .await
            .unwrap()
    );
    let result: jobwise::generation::model::GenerationResult =
        serde_json::from_value(done["result"].clone()).unwrap();
    let run = store::RunRecord {
        engine: "offline",
        tokens_used: 0,
        timings: "{}",
    };
    assert!(
        !store::complete(db, &claimed, "dead", &[], &result, run)
            .await
            .unwrap()
    );
    let documents: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM documents WHERE generation_id = $1")
            .bind(&id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(documents, 1);
    let files = app.state.storage.list("documents").await.unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
}
