//! Scripted fake chat-completions server for tests (feature `fake`).
//!
//! [`FakeServer::start`] serves a script of [`FakeReply`]s on `127.0.0.1` with a random port,
//! one per request, in order; once the script is used up **the last reply repeats** (an empty
//! script answers 500). Every request is recorded so tests can check what was sent.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::Response;
use serde_json::{Value, json};

use crate::Usage;

/// One scripted answer of the fake server.
#[derive(Debug, Clone)]
pub struct FakeReply {
    status: u16,
    headers: Vec<(String, String)>,
    delay: Duration,
    body: FakeBody,
}

#[derive(Debug, Clone)]
enum FakeBody {
    /// A chat completion whose first choice has this content.
    Completion { content: String, usage: Usage },
    /// Exactly these bytes.
    Raw(String),
}

impl FakeReply {
    /// A 200 chat completion whose content is `value` serialised, reporting `usage_tokens` in
    /// total (split half prompt, half completion).
    pub fn json_content(value: impl serde::Serialize, usage_tokens: u32) -> Self {
        let content = serde_json::to_string(&value).expect("fake reply value serialises");
        let prompt = usage_tokens / 2;
        Self::completion(content, Usage::new(prompt, usage_tokens - prompt))
    }

    /// A 200 chat completion with this text as content, reporting 10 prompt + 10 completion
    /// tokens (change with [`FakeReply::with_usage`]).
    pub fn text_content(text: impl Into<String>) -> Self {
        Self::completion(text.into(), Usage::new(10, 10))
    }

    /// An error reply with this status and an OpenAI-style error body.
    pub fn status(code: u16) -> Self {
        let body = json!({"error": {"message": format!("fake error {code}"), "type": "fake"}});
        Self::raw(code, body.to_string())
            .with_header(header::CONTENT_TYPE.as_str(), "application/json")
    }

    /// A reply with exactly this status and body (no content type unless added).
    pub fn raw(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            delay: Duration::ZERO,
            body: FakeBody::Raw(body.into()),
        }
    }

    /// Adds a response header (e.g. `Retry-After`).
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Waits this long before answering (to trigger client timeouts).
    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Sets the usage a completion reply reports (no effect on raw replies).
    pub fn with_usage(mut self, prompt_tokens: u32, completion_tokens: u32) -> Self {
        if let FakeBody::Completion { usage, .. } = &mut self.body {
            *usage = Usage::new(prompt_tokens, completion_tokens);
        }
        self
    }

    fn completion(content: String, usage: Usage) -> Self {
        Self {
            status: 200,
            headers: vec![(
                header::CONTENT_TYPE.as_str().to_owned(),
                "application/json".to_owned(),
            )],
            delay: Duration::ZERO,
            body: FakeBody::Completion { content, usage },
        }
    }

    fn render(&self, request_number: usize, requested_model: Option<&str>) -> Response {
        let body = match &self.body {
            FakeBody::Raw(text) => text.clone(),
            FakeBody::Completion { content, usage } => json!({
                "id": format!("chatcmpl-fake-{request_number}"),
                "object": "chat.completion",
                "created": 0,
                "model": requested_model.unwrap_or("fake-model"),
                "choices": [{
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop"
                }],
                "usage": usage,
            })
            .to_string(),
        };
        let mut response = Response::new(Body::from(body));
        *response.status_mut() =
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        for (name, value) in &self.headers {
            if let (Ok(name), Ok(value)) = (
                header::HeaderName::try_from(name.as_str()),
                header::HeaderValue::try_from(value.as_str()),
            ) {
                response.headers_mut().append(name, value);
            }
        }
        response
    }
}

/// A request the fake server received.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// HTTP method.
    pub method: String,
    /// Path, e.g. `/v1/chat/completions`.
    pub path: String,
    /// The `Authorization` header, if sent.
    pub authorization: Option<String>,
    /// The body as JSON (`Value::Null` if it was not JSON).
    pub body: Value,
    /// When it arrived.
    pub received_at: Instant,
}

#[derive(Debug, Default)]
struct Shared {
    script: Vec<FakeReply>,
    served: usize,
    requests: Vec<RecordedRequest>,
}

/// A running fake server; stops when dropped.
#[derive(Debug)]
pub struct FakeServer {
    port: u16,
    shared: Arc<Mutex<Shared>>,
    task: tokio::task::JoinHandle<()>,
}

impl FakeServer {
    /// Starts serving `script` on `127.0.0.1:0` in the current tokio runtime.
    ///
    /// # Panics
    /// If no loopback port can be bound (a test environment problem).
    pub async fn start(script: Vec<FakeReply>) -> FakeServer {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("fake LLM server binds a loopback port");
        let port = listener.local_addr().expect("bound address").port();
        let shared = Arc::new(Mutex::new(Shared {
            script,
            ..Shared::default()
        }));
        let state = Arc::clone(&shared);
        let app = Router::new().fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let state = Arc::clone(&state);
                async move { answer(&state, method, uri, headers, body).await }
            },
        );
        let task = tokio::spawn(async move {
            // Serving ends when the task is aborted on drop.
            let _ = axum::serve(listener, app).await;
        });
        FakeServer { port, shared, task }
    }

    /// `http://127.0.0.1:PORT/v1`, to use as the client's base URL.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().requests.clone()
    }

    /// How many requests were received.
    pub fn request_count(&self) -> usize {
        self.lock().requests.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(
    state: &Mutex<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let requested_model = body.get("model").and_then(Value::as_str).map(str::to_owned);
    let (reply, number) = {
        let mut shared = state.lock().unwrap_or_else(|e| e.into_inner());
        shared.requests.push(RecordedRequest {
            method: method.to_string(),
            path: uri.path().to_owned(),
            authorization: headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            body,
            received_at: Instant::now(),
        });
        let index = shared.served.min(shared.script.len().saturating_sub(1));
        shared.served += 1;
        (shared.script.get(index).cloned(), shared.served)
    };
    let Some(reply) = reply else {
        return FakeReply::raw(500, "fake script is empty").render(number, None);
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    reply.render(number, requested_model.as_deref())
}
