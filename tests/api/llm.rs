//! The LLM engine against a fake OpenAI-compatible server on loopback: success, 429 with
//! Retry-After, 500s, timeout, malformed output, invented facts (caught and never shipped),
//! an exhausted token budget and an open circuit — each ending in a completed generation.

use jobwise_llm::fake::{FakeReply, FakeServer};
use serde_json::{Value, json};

use crate::generations::{setup, start_resume, wait_finished};
use crate::helpers::TestApp;

/// An app whose LLM is the fake server, with quick retries.
async fn app_with(fake: &FakeServer, extra: &[(&str, &str)]) -> TestApp {
    let base = fake.base_url();
    let mut env: Vec<(&str, &str)> = vec![
        ("JOBWISE_LLM_BASE_URL", base.as_str()),
        ("JOBWISE_LLM_MODEL", "fake-model"),
        ("JOBWISE_LLM_API_KEY", "sk-test-secret-123"),
        ("JOBWISE_LLM_BACKOFF_MS", "5"),
        ("JOBWISE_LLM_MAX_RETRIES", "2"),
    ];
    env.extend_from_slice(extra);
    TestApp::with_env(&env).await
}

/// Runs one resume generation to its end; returns (generation, resume structured content).
async fn generate(app: &TestApp, email: &str) -> (Value, Value) {
    let (token, profile_id, job_id) = setup(app, email).await;
    let response = app
        .post(
            "/api/v1/generations/resume",
            json!({"profile_id": profile_id, "job_id": job_id, "options": {"template": "ats_optimized"}}),
            Some(&token),
        )
        .await;
    assert_eq!(response.status.as_u16(), 202);
    let id = response.json()["generation_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let done = wait_finished(app, &id, &token).await;
    assert_eq!(done["status"], "completed", "{done}");
    let doc_id = done["result"]["document_ids"][0]
        .as_str()
        .unwrap()
        .to_owned();
    let structured: String = sqlx::query_scalar("SELECT structured FROM documents WHERE id = $1")
        .bind(&doc_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    (done, serde_json::from_str(&structured).unwrap())
}

const SUMMARY: &str =
    "Backend engineer who builds observable, data-heavy services in Rust, Go and PostgreSQL.";

fn rewrite(path: &str, text: &str) -> FakeReply {
    FakeReply::json_content(json!({"lines": [{"path": path, "text": text}]}), 300)
}

#[tokio::test]
async fn a_valid_rewrite_is_used_and_its_tokens_recorded() {
    let fake = FakeServer::start(vec![rewrite("summary", SUMMARY)]).await;
    let app = app_with(&fake, &[]).await;
    let (done, resume) = generate(&app, "llm-ok@example.com").await;
    assert_eq!(done["engine"], "llm:fake-model");
    assert_eq!(done["tokens_used"], 300);
    assert_eq!(resume["summary"]["text"], SUMMARY);
    assert_eq!(resume["summary"]["changed"], true);
    assert_eq!(
        resume["summary"]["source"]["item_id"], "summary",
        "provenance kept"
    );
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].path, "/v1/chat/completions");
    assert_eq!(
        requests[0].authorization.as_deref(),
        Some("Bearer sk-test-secret-123")
    );
    let body = &requests[0].body;
    assert_eq!(body["model"], "fake-model");
    assert_eq!(body["response_format"]["type"], "json_schema");
    let prompt = body["messages"][1]["content"].as_str().unwrap();
    assert!(
        prompt.contains("experience[0].bullets[0]") && prompt.contains("Senior Backend Engineer")
    );
    assert!(!done.to_string().contains("sk-test-secret-123"));
}

#[tokio::test]
async fn a_429_with_retry_after_is_waited_out() {
    let fake = FakeServer::start(vec![
        FakeReply::status(429).with_header("retry-after", "1"),
        rewrite("summary", SUMMARY),
    ])
    .await;
    let app = app_with(&fake, &[]).await;
    let (done, resume) = generate(&app, "llm-429@example.com").await;
    assert_eq!(done["engine"], "llm:fake-model");
    assert_eq!(resume["summary"]["text"], SUMMARY);
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    let waited = requests[1].received_at - requests[0].received_at;
    assert!(
        waited.as_millis() >= 900,
        "Retry-After honoured ({waited:?})"
    );
}

#[tokio::test]
async fn an_invented_metric_is_caught_retried_with_feedback_and_never_shipped() {
    let fake = FakeServer::start(vec![rewrite(
        "experience[0].bullets[0]",
        "Grew platform revenue by 937% in a single quarter",
    )])
    .await;
    let app = app_with(&fake, &[]).await;
    let (done, resume) = generate(&app, "llm-metric@example.com").await;
    assert_eq!(done["engine"], "offline (fallback: factuality)");
    assert!(!resume.to_string().contains("937"));
    let requests = fake.requests();
    assert_eq!(requests.len(), 3, "one attempt and two repair rounds");
    let feedback = requests[1].body["messages"][1]["content"].as_str().unwrap();
    assert!(
        feedback.contains("937"),
        "the issue is sent back: {feedback}"
    );
}

#[tokio::test]
async fn an_invented_employer_is_caught() {
    let fake = FakeServer::start(vec![rewrite(
        "experience[0].bullets[0]",
        "Led the ingestion rewrite while consulting at Globex Corporation",
    )])
    .await;
    let app = app_with(&fake, &[]).await;
    let (done, resume) = generate(&app, "llm-employer@example.com").await;
    assert_eq!(done["engine"], "offline (fallback: factuality)");
    assert!(!resume.to_string().contains("Globex"));
}

#[tokio::test]
async fn server_errors_timeouts_and_malformed_output_fall_back_offline() {
    type Case = (
        Vec<FakeReply>,
        &'static [(&'static str, &'static str)],
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            vec![
                FakeReply::status(500),
                FakeReply::status(502),
                FakeReply::status(503),
            ],
            &[],
            "server_error",
        ),
        (
            vec![rewrite("summary", SUMMARY).with_delay(std::time::Duration::from_secs(3))],
            &[
                ("JOBWISE_LLM_TIMEOUT_SECS", "1"),
                ("JOBWISE_LLM_MAX_RETRIES", "0"),
            ],
            "timeout",
        ),
        (
            vec![FakeReply::text_content("Sure! Here is your resume: ...")],
            &[],
            "malformed_response",
        ),
        (
            vec![FakeReply::raw(200, "<html>not an API</html>")],
            &[("JOBWISE_LLM_MAX_RETRIES", "0")],
            "malformed_response",
        ),
    ];
    for (i, (script, extra, reason)) in cases.into_iter().enumerate() {
        let fake = FakeServer::start(script).await;
        let app = app_with(&fake, extra).await;
        let (done, resume) = generate(&app, &format!("llm-fail-{i}@example.com")).await;
        assert_eq!(
            done["engine"],
            format!("offline (fallback: {reason})"),
            "case {i}"
        );
        assert_eq!(resume["kind"], "resume");
    }
}

#[tokio::test]
async fn an_exhausted_budget_makes_no_call() {
    let fake = FakeServer::start(vec![rewrite("summary", SUMMARY)]).await;
    let app = app_with(&fake, &[("JOBWISE_LLM_TOKEN_BUDGET", "100")]).await;
    let (done, _) = generate(&app, "llm-budget@example.com").await;
    assert_eq!(done["engine"], "offline (fallback: budget_exceeded)");
    assert_eq!(fake.request_count(), 0);
}

#[tokio::test]
async fn an_open_circuit_goes_offline_without_calling() {
    let fake = FakeServer::start(vec![FakeReply::status(500)]).await;
    let app = app_with(
        &fake,
        &[
            ("JOBWISE_LLM_BREAKER_THRESHOLD", "1"),
            ("JOBWISE_LLM_MAX_RETRIES", "0"),
        ],
    )
    .await;
    let (first, _) = generate(&app, "llm-breaker-1@example.com").await;
    assert_eq!(first["engine"], "offline (fallback: server_error)");
    assert_eq!(fake.request_count(), 1);
    let (second, _) = generate(&app, "llm-breaker-2@example.com").await;
    assert_eq!(second["engine"], "offline (fallback: circuit_open)");
    assert_eq!(fake.request_count(), 1, "the open circuit sent nothing");
    let health = app.get("/health", None).await.json();
    assert_eq!(health["status"], "degraded");
    assert_eq!(health["checks"]["llm"]["status"], "error");
    assert_eq!(health["checks"]["llm"]["backend"], "llm:fake-model");
}

#[tokio::test]
async fn a_slow_llm_hits_the_stage_timeout_and_falls_back() {
    let fake = FakeServer::start(vec![
        rewrite("summary", SUMMARY).with_delay(std::time::Duration::from_secs(5)),
    ])
    .await;
    let app = app_with(
        &fake,
        &[
            ("JOBWISE_STAGE_TIMEOUT_SECS", "1"),
            ("JOBWISE_LLM_TIMEOUT_SECS", "30"),
        ],
    )
    .await;
    let (done, resume) = generate(&app, "llm-slow@example.com").await;
    assert_eq!(done["engine"], "offline (fallback: stage_timeout)");
    assert_ne!(resume["summary"]["text"], SUMMARY);
}

#[tokio::test]
async fn cancelling_during_an_llm_call_stops_the_worker_and_ships_nothing() {
    let fake = FakeServer::start(vec![
        rewrite("summary", SUMMARY).with_delay(std::time::Duration::from_secs(4)),
    ])
    .await;
    let app = app_with(&fake, &[("JOBWISE_CLAIM_TTL_SECS", "2")]).await;
    let (token, profile_id, job_id) = setup(&app, "llm-cancel@example.com").await;
    let id = start_resume(&app, &token, &profile_id, &job_id).await;
    let path = format!("/api/v1/generations/{id}");
    // Wait until the worker is inside stage 3 (the LLM call).
    for _ in 0..200 {
        let view = app.get(&path, Some(&token)).await.json();
        if view["progress"]["current_stage"] == 3 && fake.request_count() == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(fake.request_count(), 1, "the LLM call is under way");
    let cancelled = app
        .call(axum::http::Method::DELETE, &path, None, Some(&token))
        .await;
    assert_eq!(cancelled.status.as_u16(), 204);
    // Well past the LLM's answer: the worker gave up and wrote nothing more.
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    let view = app.get(&path, Some(&token)).await.json();
    assert_eq!(view["status"], "cancelled");
    assert!(view["result"].is_null());
    let documents: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM documents")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(documents, 0);
    assert!(
        app.state
            .storage
            .list("documents")
            .await
            .unwrap()
            .is_empty()
    );
    let stages_done: i64 = sqlx::query_scalar("SELECT stages_done FROM generations WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(stages_done, 2, "stage 3 was never recorded");
}

#[tokio::test]
async fn enhance_uses_the_llm_but_drops_suggestions_that_add_facts() {
    let fake = FakeServer::start(vec![FakeReply::json_content(
        json!({"suggestions": [
            {"item_id": "exp-1#1", "suggested": "Reduced p99 latency of the tracking API from 850 ms to 120 ms by redesigning PostgreSQL indexes and adding a read replica", "reason": "Stronger verb."},
            {"item_id": "exp-1#0", "suggested": "Led a Rust rewrite that tripled revenue to $9M", "reason": "Adds impact."},
            {"item_id": "nope#3", "suggested": "Did things", "reason": ""}
        ]}),
        200,
    )])
    .await;
    let app = app_with(&fake, &[]).await;
    let (token, profile_id, _) = setup(&app, "llm-enhance@example.com").await;
    let response = app
        .post(
            &format!("/api/v1/profiles/{profile_id}/enhance"),
            json!({}),
            Some(&token),
        )
        .await;
    assert_eq!(response.status.as_u16(), 200);
    let body = response.json();
    assert_eq!(body["engine"], "llm:fake-model");
    let suggestions = body["suggestions"].as_array().unwrap();
    let from_model: Vec<&Value> = suggestions
        .iter()
        .filter(|s| s["item_id"] == "exp-1#1" || s["item_id"] == "exp-1#0")
        .collect();
    assert!(
        from_model
            .iter()
            .any(|s| s["suggested"].as_str().unwrap().starts_with("Reduced p99"))
    );
    assert!(
        !body.to_string().contains("$9M"),
        "a suggestion inventing a figure is dropped"
    );
    assert!(
        !body.to_string().contains("Did things"),
        "unknown ids are ignored"
    );
    // Nothing was applied.
    let profile = app
        .get(&format!("/api/v1/profiles/{profile_id}"), Some(&token))
        .await
        .json();
    assert_eq!(profile["version"], 1);
}
