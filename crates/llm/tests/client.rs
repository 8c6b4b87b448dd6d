//! Black-box tests of `OpenAiClient` and `complete_json` against the fake server on loopback.

use std::time::Duration;

use jobwise_llm::fake::{FakeReply, FakeServer};
use jobwise_llm::{
    ChatProvider, ChatRequest, CircuitState, LlmConfig, LlmError, Message, OpenAiClient,
    TokenBudget, Usage, complete_json, until_cancelled,
};
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize, PartialEq)]
struct Summary {
    summary: String,
}

/// A config with tiny backoffs so retries cost milliseconds.
fn config(server: &FakeServer) -> LlmConfig {
    let mut config = LlmConfig::new(server.base_url(), "test-model", None);
    config.request_timeout = Duration::from_secs(5);
    config.backoff_base = Duration::from_millis(1);
    config.backoff_max = Duration::from_millis(10);
    config
}

fn client(config: LlmConfig) -> OpenAiClient {
    OpenAiClient::new(config).expect("valid config")
}

fn request() -> ChatRequest {
    ChatRequest::new(vec![
        Message::system("Rewrite the summary."),
        Message::user("Backend engineer, 6 years of Rust."),
    ])
    .with_max_tokens(200)
}

fn summary_reply() -> FakeReply {
    FakeReply::json_content(json!({"summary": "Rust backend engineer"}), 42)
}

#[tokio::test]
async fn success_records_usage_and_sends_schema() {
    let server = FakeServer::start(vec![summary_reply()]).await;
    let client = client(config(&server));
    let schema = json!({
        "type": "object",
        "properties": {"summary": {"type": "string"}},
        "required": ["summary"],
        "additionalProperties": false
    });
    let request = request().with_schema("summary", schema.clone());
    let budget = TokenBudget::new(8000);

    let (out, usage) = complete_json::<Summary>(&client, &request, &budget)
        .await
        .expect("call succeeds");

    assert_eq!(out.summary, "Rust backend engineer");
    assert_eq!(usage, Usage::new(21, 21));
    assert_eq!(budget.used(), 42);
    assert_eq!(budget.remaining(), 8000 - 42);

    let sent = server.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method, "POST");
    assert_eq!(sent[0].path, "/v1/chat/completions");
    assert_eq!(sent[0].authorization, None);
    let body = &sent[0].body;
    assert_eq!(body["model"], "test-model");
    assert_eq!(body["max_tokens"], 200);
    assert_eq!(body["temperature"], json!(0.2));
    assert_eq!(
        body["messages"][0],
        json!({"role": "system", "content": "Rewrite the summary."})
    );
    assert_eq!(body["messages"][1]["role"], "user");
    assert_eq!(
        body["response_format"],
        json!({
            "type": "json_schema",
            "json_schema": {"name": "summary", "schema": schema, "strict": true}
        })
    );
}

#[tokio::test]
async fn trailing_slash_and_fenced_content_are_tolerated() {
    let fenced = "```json\n{\"summary\": \"fenced\"}\n```";
    let server = FakeServer::start(vec![FakeReply::text_content(fenced)]).await;
    let mut config = config(&server);
    config.base_url.push('/');
    let client = client(config);
    let budget = TokenBudget::new(8000);

    let (out, _) = complete_json::<Summary>(&client, &request(), &budget)
        .await
        .unwrap();

    assert_eq!(out.summary, "fenced");
    assert_eq!(server.requests()[0].path, "/v1/chat/completions");
    assert!(server.requests()[0].body.get("response_format").is_none());
}

#[tokio::test]
async fn api_key_is_sent_as_bearer_and_never_shown() {
    let key = "sk-test-do-not-leak-1234";
    let server = FakeServer::start(vec![
        summary_reply(),
        FakeReply::raw(401, format!(r#"{{"error":{{"message":"bad key {key}"}}}}"#)),
    ])
    .await;
    let mut config = config(&server);
    config.api_key = Some(key.to_owned());

    assert!(!format!("{config:?}").contains(key));
    let client = client(config);
    assert!(!format!("{client:?}").contains(key));

    client.chat(&request()).await.expect("first call succeeds");
    assert_eq!(
        server.requests()[0].authorization.as_deref(),
        Some(format!("Bearer {key}").as_str())
    );

    let error = client.chat(&request()).await.unwrap_err();
    assert!(
        matches!(error, LlmError::Http { status: 401, .. }),
        "{error:?}"
    );
    assert!(!error.to_string().contains(key), "{error}");
    assert!(!format!("{error:?}").contains(key));
}

#[tokio::test]
async fn waits_for_retry_after_on_429_then_succeeds() {
    let server = FakeServer::start(vec![
        FakeReply::status(429).with_header("Retry-After", "1"),
        summary_reply(),
    ])
    .await;
    let client = client(config(&server));

    let response = client
        .chat(&request())
        .await
        .expect("retried call succeeds");

    assert!(response.content.contains("Rust backend engineer"));
    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    let waited = sent[1].received_at - sent[0].received_at;
    assert!(
        waited >= Duration::from_millis(900),
        "waited only {waited:?}"
    );
}

#[tokio::test]
async fn retry_after_beyond_the_limit_gives_up_at_once() {
    let server = FakeServer::start(vec![
        FakeReply::status(429).with_header("Retry-After", "120"),
    ])
    .await;
    let client = client(config(&server));

    let error = client.chat(&request()).await.unwrap_err();

    assert_eq!(
        error,
        LlmError::RateLimited {
            retry_after: Some(Duration::from_secs(120))
        }
    );
    assert_eq!(error.reason(), "rate_limited");
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn server_errors_are_retried_until_success() {
    let server = FakeServer::start(vec![
        FakeReply::status(500),
        FakeReply::status(502),
        FakeReply::status(503),
        summary_reply(),
    ])
    .await;
    let client = client(config(&server));

    client
        .chat(&request())
        .await
        .expect("fourth attempt succeeds");

    assert_eq!(server.request_count(), 4);
}

#[tokio::test]
async fn persistent_server_errors_fail_after_all_retries() {
    let server = FakeServer::start(vec![FakeReply::status(500)]).await;
    let client = client(config(&server));

    let error = client.chat(&request()).await.unwrap_err();

    assert_eq!(error, LlmError::Server { status: 500 });
    assert_eq!(error.reason(), "server_error");
    assert_eq!(server.request_count(), 4, "max_retries (3) + 1 attempts");
}

#[tokio::test]
async fn slow_answers_time_out() {
    let server = FakeServer::start(vec![summary_reply().with_delay(Duration::from_secs(5))]).await;
    let mut config = config(&server);
    config.request_timeout = Duration::from_millis(200);
    config.max_retries = 1;
    let client = client(config);

    let error = client.chat(&request()).await.unwrap_err();

    assert_eq!(error, LlmError::Timeout);
    assert_eq!(server.request_count(), 2, "a timeout is retried");
}

#[tokio::test]
async fn a_body_that_is_not_a_completion_is_malformed() {
    let server = FakeServer::start(vec![FakeReply::raw(200, "<html>proxy login</html>")]).await;
    let client = client(config(&server));

    let error = client.chat(&request()).await.unwrap_err();

    assert!(matches!(error, LlmError::Malformed(_)), "{error:?}");
    assert_eq!(server.request_count(), 1, "not retried");
}

#[tokio::test]
async fn content_of_the_wrong_shape_is_malformed_and_still_counted() {
    let server = FakeServer::start(vec![
        FakeReply::text_content("I cannot answer in JSON").with_usage(30, 5),
        FakeReply::json_content(json!({"headline": "wrong field"}), 12),
    ])
    .await;
    let client = client(config(&server));
    let budget = TokenBudget::new(8000);

    let error = complete_json::<Summary>(&client, &request(), &budget)
        .await
        .unwrap_err();
    assert!(matches!(error, LlmError::Malformed(_)), "{error:?}");
    assert_eq!(budget.used(), 35);

    let error = complete_json::<Summary>(&client, &request(), &budget)
        .await
        .unwrap_err();
    assert_eq!(error.reason(), "malformed_response");
    assert_eq!(budget.used(), 47);
    assert_eq!(budget.remaining(), 8000 - 47, "reservations released");
}

#[tokio::test]
async fn client_errors_are_not_retried_and_do_not_open_the_circuit() {
    let server = FakeServer::start(vec![FakeReply::status(400)]).await;
    let mut config = config(&server);
    config.breaker_threshold = 1;
    let client = client(config);

    for _ in 0..2 {
        let error = client.chat(&request()).await.unwrap_err();
        assert_eq!(
            error,
            LlmError::Http {
                status: 400,
                message: "fake error 400".into()
            }
        );
    }
    assert_eq!(server.request_count(), 2, "one request per call");
    assert_eq!(client.circuit_state(), CircuitState::Closed);
}

#[tokio::test]
async fn circuit_opens_fails_fast_then_half_opens_after_cooldown() {
    let server = FakeServer::start(vec![
        FakeReply::status(500),
        FakeReply::status(500),
        summary_reply(),
    ])
    .await;
    let mut config = config(&server);
    config.max_retries = 0;
    config.breaker_threshold = 2;
    config.breaker_cooldown = Duration::from_millis(300);
    let client = client(config);

    for _ in 0..2 {
        let error = client.chat(&request()).await.unwrap_err();
        assert_eq!(error, LlmError::Server { status: 500 });
    }
    assert_eq!(client.circuit_state(), CircuitState::Open);

    let error = client.chat(&request()).await.unwrap_err();
    assert_eq!(error, LlmError::CircuitOpen);
    assert_eq!(error.reason(), "circuit_open");
    assert_eq!(server.request_count(), 2, "an open circuit sends nothing");

    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(client.circuit_state(), CircuitState::HalfOpen);
    client.chat(&request()).await.expect("probe succeeds");
    assert_eq!(server.request_count(), 3);
    assert_eq!(client.circuit_state(), CircuitState::Closed);
}

#[tokio::test]
async fn an_exhausted_budget_sends_nothing() {
    let server = FakeServer::start(vec![summary_reply()]).await;
    let client = client(config(&server));
    let budget = TokenBudget::new(100);

    let error = complete_json::<Summary>(&client, &request(), &budget)
        .await
        .unwrap_err();

    let LlmError::BudgetExceeded { needed, remaining } = error else {
        panic!("expected BudgetExceeded, got {error:?}");
    };
    assert!(
        needed > 200,
        "max_tokens plus prompt estimate, got {needed}"
    );
    assert_eq!(remaining, 100);
    assert_eq!(error.reason(), "budget_exceeded");
    assert_eq!(server.request_count(), 0);
    assert_eq!(budget.used(), 0);
}

#[tokio::test]
async fn connection_errors_are_retried_then_reported() {
    // A port that was just free: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut config = LlmConfig::new(format!("http://127.0.0.1:{port}/v1"), "m", None);
    config.max_retries = 1;
    config.backoff_base = Duration::from_millis(1);
    let client = client(config);

    let error = client.chat(&request()).await.unwrap_err();

    assert!(matches!(error, LlmError::Transport(_)), "{error:?}");
    assert_eq!(error.reason(), "transport_error");
}

#[tokio::test]
async fn cancelling_a_call_releases_its_reservation() {
    let server = FakeServer::start(vec![summary_reply().with_delay(Duration::from_secs(5))]).await;
    let client = client(config(&server));
    let budget = TokenBudget::new(8000);

    let result = until_cancelled(
        tokio::time::sleep(Duration::from_millis(100)),
        complete_json::<Summary>(&client, &request(), &budget),
    )
    .await;

    assert_eq!(result.unwrap_err(), LlmError::Cancelled);
    assert_eq!(budget.remaining(), 8000);
    assert_eq!(budget.used(), 0);
}

#[tokio::test]
async fn works_as_a_shared_trait_object() {
    let server = FakeServer::start(vec![summary_reply()]).await;
    let provider: std::sync::Arc<dyn ChatProvider> = std::sync::Arc::new(client(config(&server)));
    assert_eq!(provider.model(), "test-model");
    let budget = TokenBudget::new(TokenBudget::DEFAULT_TOTAL);

    let handle = tokio::spawn({
        let provider = provider.clone();
        async move {
            let budget = budget;
            complete_json::<Summary>(provider.as_ref(), &request(), &budget)
                .await
                .map(|(out, _)| out)
        }
    });

    assert_eq!(
        handle.await.unwrap().unwrap().summary,
        "Rust backend engineer"
    );
}

#[test]
fn bad_configs_are_rejected() {
    for (base_url, model, key) in [
        ("localhost:11434", "m", None),
        ("http://127.0.0.1:1/v1", " ", None),
        ("http://127.0.0.1:1/v1", "m", Some("bad\nkey")),
    ] {
        let config = LlmConfig::new(base_url, model, key.map(str::to_owned));
        let error = OpenAiClient::new(config).unwrap_err();
        assert_eq!(error.reason(), "invalid_config");
        assert!(!error.to_string().contains("bad\nkey"));
    }
}
