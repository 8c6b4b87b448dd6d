//! The real provider: an HTTP client for OpenAI-compatible `/chat/completions` endpoints, with
//! per-attempt timeouts, retries with backoff and jitter, and a circuit breaker.

use std::fmt;
use std::time::{Duration, SystemTime};

use reqwest::header::{self, HeaderValue};
use serde::{Deserialize, Serialize};

use crate::breaker::{CircuitBreaker, CircuitState};
use crate::retry::{backoff_delay, parse_retry_after};
use crate::{
    BoxFuture, ChatProvider, ChatRequest, ChatResponse, LlmConfig, LlmError, Message, Usage,
};

/// Longest provider error message kept in [`LlmError::Http`].
const MAX_ERROR_MESSAGE_CHARS: usize = 300;

/// [`ChatProvider`] for any OpenAI-compatible chat-completions API (OpenAI, Groq, OpenRouter,
/// Ollama, vLLM, llama.cpp server, LM Studio).
///
/// Cheap to share behind an `Arc`; its circuit breaker is shared by all calls made through it.
pub struct OpenAiClient {
    http: reqwest::Client,
    endpoint: reqwest::Url,
    authorization: Option<HeaderValue>,
    config: LlmConfig,
    breaker: CircuitBreaker,
}

impl OpenAiClient {
    /// Builds a client; fails with `InvalidConfig` on an unusable base URL, model or key.
    pub fn new(config: LlmConfig) -> Result<Self, LlmError> {
        if config.model.trim().is_empty() {
            return Err(LlmError::InvalidConfig("model is empty".into()));
        }
        let endpoint = chat_completions_url(&config.base_url)?;
        let authorization = match config.effective_api_key() {
            None => None,
            Some(key) => {
                let mut value = HeaderValue::from_str(&format!("Bearer {key}")).map_err(|_| {
                    LlmError::InvalidConfig(
                        "API key contains characters not allowed in an HTTP header".into(),
                    )
                })?;
                value.set_sensitive(true);
                Some(value)
            }
        };
        let http = reqwest::Client::builder()
            .user_agent(concat!("jobwise-llm/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(config.request_timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|e| LlmError::InvalidConfig(format!("HTTP client: {}", error_chain(&e))))?;
        let breaker = CircuitBreaker::new(config.breaker_threshold, config.breaker_cooldown);
        Ok(Self {
            http,
            endpoint,
            authorization,
            config,
            breaker,
        })
    }

    /// The configuration the client was built with.
    pub fn config(&self) -> &LlmConfig {
        &self.config
    }

    /// Current circuit-breaker state, for health checks and metrics.
    pub fn circuit_state(&self) -> CircuitState {
        self.breaker.state()
    }

    /// One call: breaker check, then attempts with retries.
    async fn call(&self, request: &ChatRequest) -> Result<ChatResponse, LlmError> {
        let Some(permit) = self.breaker.try_acquire() else {
            tracing::debug!(model = %self.config.model, "LLM call refused: circuit open");
            return Err(LlmError::CircuitOpen);
        };
        let body = serde_json::to_vec(&WireRequest::new(&self.config.model, request))
            .map_err(|e| LlmError::InvalidConfig(format!("request not serialisable: {e}")))?;
        let outcome = self.call_with_retries(body).await;
        permit.record(match &outcome {
            Ok(_) => true,
            Err(error) => !error.is_provider_failure(),
        });
        outcome
    }

    async fn call_with_retries(&self, body: Vec<u8>) -> Result<ChatResponse, LlmError> {
        let mut retry = 0;
        loop {
            let failure = match self.attempt(body.clone()).await {
                Ok(response) => return Ok(response),
                Err(failure) => failure,
            };
            let error = failure.error;
            if !error.is_retryable() || retry >= self.config.max_retries {
                tracing::warn!(
                    model = %self.config.model,
                    attempts = retry + 1,
                    reason = error.reason(),
                    error = %error,
                    "LLM call failed"
                );
                return Err(error);
            }
            let delay = match failure.retry_after {
                Some(wait) if wait > self.config.max_retry_after => {
                    tracing::warn!(
                        model = %self.config.model,
                        retry_after_ms = wait.as_millis() as u64,
                        "LLM provider asked to wait longer than allowed; giving up"
                    );
                    return Err(match error {
                        LlmError::RateLimited { .. } => LlmError::RateLimited {
                            retry_after: Some(wait),
                        },
                        other => other,
                    });
                }
                Some(wait) => wait,
                None => backoff_delay(self.config.backoff_base, self.config.backoff_max, retry),
            };
            tracing::info!(
                model = %self.config.model,
                retry = retry + 1,
                reason = error.reason(),
                delay_ms = delay.as_millis() as u64,
                "retrying LLM call"
            );
            tokio::time::sleep(delay).await;
            retry += 1;
        }
    }

    /// One HTTP attempt under the request timeout.
    async fn attempt(&self, body: Vec<u8>) -> Result<ChatResponse, AttemptFailure> {
        match tokio::time::timeout(self.config.request_timeout, self.send(body)).await {
            Ok(result) => result,
            Err(_elapsed) => Err(AttemptFailure::from(LlmError::Timeout)),
        }
    }

    async fn send(&self, body: Vec<u8>) -> Result<ChatResponse, AttemptFailure> {
        let mut builder = self
            .http
            .post(self.endpoint.clone())
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .body(body);
        if let Some(authorization) = &self.authorization {
            builder = builder.header(header::AUTHORIZATION, authorization.clone());
        }
        let response = builder.send().await.map_err(transport_error)?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, SystemTime::now()));
        let bytes = response.bytes().await.map_err(transport_error)?;

        if status.is_success() {
            return parse_completion(&bytes, &self.config.model).map_err(AttemptFailure::from);
        }
        let code = status.as_u16();
        let error = if code == 429 {
            LlmError::RateLimited { retry_after }
        } else if status.is_server_error() {
            LlmError::Server { status: code }
        } else {
            LlmError::Http {
                status: code,
                message: self.error_message(&bytes),
            }
        };
        Err(AttemptFailure { error, retry_after })
    }

    /// The provider's error message (OpenAI shape `{"error":{"message":…}}` or plain text),
    /// shortened, with the API key scrubbed in case the provider echoes it.
    fn error_message(&self, body: &[u8]) -> String {
        let text = String::from_utf8_lossy(body);
        let message = serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .and_then(|json| {
                let error = json.get("error")?;
                error
                    .get("message")
                    .and_then(|m| m.as_str())
                    .or_else(|| error.as_str())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| text.trim().to_owned());
        let message = match self.config.effective_api_key() {
            Some(key) => message.replace(key, "<redacted>"),
            None => message,
        };
        shorten(&message, MAX_ERROR_MESSAGE_CHARS)
    }
}

impl ChatProvider for OpenAiClient {
    fn model(&self) -> &str {
        &self.config.model
    }

    fn chat<'a>(
        &'a self,
        request: &'a ChatRequest,
    ) -> BoxFuture<'a, Result<ChatResponse, LlmError>> {
        Box::pin(self.call(request))
    }
}

impl fmt::Debug for OpenAiClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenAiClient")
            .field("endpoint", &self.endpoint.as_str())
            .field("config", &self.config)
            .field("circuit", &self.breaker.state())
            .finish_non_exhaustive()
    }
}

/// A failed attempt and the wait the provider asked for, if any.
struct AttemptFailure {
    error: LlmError,
    retry_after: Option<Duration>,
}

impl From<LlmError> for AttemptFailure {
    fn from(error: LlmError) -> Self {
        Self {
            error,
            retry_after: None,
        }
    }
}

fn transport_error(error: reqwest::Error) -> AttemptFailure {
    if error.is_timeout() {
        return LlmError::Timeout.into();
    }
    // Without the URL: a base URL may carry credentials in its user-info part.
    LlmError::Transport(error_chain(&error.without_url())).into()
}

/// An error and its sources, joined: reqwest's own message alone ("error sending request")
/// hides the useful part ("connection refused").
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// `{base_url}/chat/completions`, tolerating a trailing slash.
fn chat_completions_url(base_url: &str) -> Result<reqwest::Url, LlmError> {
    let base = base_url.trim().trim_end_matches('/');
    let url = reqwest::Url::parse(&format!("{base}/chat/completions"))
        .map_err(|e| LlmError::InvalidConfig(format!("base URL is not a valid URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(LlmError::InvalidConfig(
            "base URL must start with http:// or https://".into(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(LlmError::InvalidConfig(
            "base URL must not have a query or fragment".into(),
        ));
    }
    Ok(url)
}

/// Body of `POST /chat/completions`.
#[derive(Serialize)]
struct WireRequest<'a> {
    model: &'a str,
    messages: &'a [Message],
    max_tokens: u32,
    temperature: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_format: Option<WireResponseFormat<'a>>,
}

#[derive(Serialize)]
struct WireResponseFormat<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    json_schema: WireJsonSchema<'a>,
}

#[derive(Serialize)]
struct WireJsonSchema<'a> {
    name: &'a str,
    schema: &'a serde_json::Value,
    strict: bool,
}

impl<'a> WireRequest<'a> {
    fn new(model: &'a str, request: &'a ChatRequest) -> Self {
        Self {
            model,
            messages: &request.messages,
            max_tokens: request.max_tokens,
            temperature: request.temperature,
            response_format: request.schema.as_ref().map(|schema| WireResponseFormat {
                kind: "json_schema",
                json_schema: WireJsonSchema {
                    name: &schema.name,
                    schema: &schema.schema,
                    strict: true,
                },
            }),
        }
    }
}

/// The parts of a chat completion this client reads.
#[derive(Deserialize)]
struct WireResponse {
    choices: Vec<WireChoice>,
    #[serde(default)]
    usage: Option<WireUsage>,
    #[serde(default)]
    model: Option<String>,
}

#[derive(Deserialize)]
struct WireChoice {
    message: WireMessage,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct WireMessage {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    refusal: Option<String>,
}

#[derive(Deserialize)]
struct WireUsage {
    #[serde(default)]
    prompt_tokens: u32,
    #[serde(default)]
    completion_tokens: u32,
    #[serde(default)]
    total_tokens: Option<u32>,
}

fn parse_completion(body: &[u8], requested_model: &str) -> Result<ChatResponse, LlmError> {
    let wire: WireResponse = serde_json::from_slice(body)
        .map_err(|e| LlmError::Malformed(format!("not a chat completion: {e}")))?;
    let choice = wire
        .choices
        .into_iter()
        .next()
        .ok_or_else(|| LlmError::Malformed("chat completion has no choices".into()))?;
    let content = match (choice.message.content, choice.message.refusal) {
        (_, Some(refusal)) if !refusal.is_empty() => {
            return Err(LlmError::Malformed(format!(
                "model refused: {}",
                shorten(&refusal, MAX_ERROR_MESSAGE_CHARS)
            )));
        }
        (Some(content), _) => content,
        (None, _) => {
            return Err(LlmError::Malformed(format!(
                "chat completion has no content (finish_reason: {})",
                choice.finish_reason.as_deref().unwrap_or("none")
            )));
        }
    };
    let usage = wire.usage.map_or_else(Usage::default, |u| Usage {
        prompt_tokens: u.prompt_tokens,
        completion_tokens: u.completion_tokens,
        total_tokens: u
            .total_tokens
            .unwrap_or_else(|| u.prompt_tokens.saturating_add(u.completion_tokens)),
    });
    Ok(ChatResponse {
        content,
        usage,
        model: wire
            .model
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| requested_model.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn endpoint_tolerates_trailing_slash() {
        for base in [
            "http://127.0.0.1:1234/v1",
            "http://127.0.0.1:1234/v1/",
            " http://127.0.0.1:1234/v1// ",
        ] {
            assert_eq!(
                chat_completions_url(base).unwrap().as_str(),
                "http://127.0.0.1:1234/v1/chat/completions"
            );
        }
        assert!(chat_completions_url("localhost:11434").is_err());
        assert!(chat_completions_url("ftp://host/v1").is_err());
        assert!(chat_completions_url("").is_err());
    }

    #[test]
    fn wire_request_shape() {
        let request = ChatRequest::new(vec![Message::system("s"), Message::user("u")])
            .with_max_tokens(50)
            .with_temperature(0.5)
            .with_schema("out", json!({"type": "object"}));
        let wire = serde_json::to_value(WireRequest::new("m", &request)).unwrap();
        assert_eq!(
            wire,
            json!({
                "model": "m",
                "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}],
                "max_tokens": 50,
                "temperature": 0.5,
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": "out", "schema": {"type": "object"}, "strict": true}
                }
            })
        );
        let free = ChatRequest::new(vec![Message::user("u")]);
        let wire = serde_json::to_value(WireRequest::new("m", &free)).unwrap();
        assert!(wire.get("response_format").is_none());
    }

    #[test]
    fn parses_completions_and_rejects_others() {
        let body = json!({
            "choices": [{"message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 2},
            "model": "served-model"
        });
        let response = parse_completion(body.to_string().as_bytes(), "m").unwrap();
        assert_eq!(response.content, "hi");
        assert_eq!(response.usage, Usage::new(3, 2));
        assert_eq!(response.model, "served-model");

        let no_usage = json!({"choices": [{"message": {"content": "x"}}]});
        let response = parse_completion(no_usage.to_string().as_bytes(), "m").unwrap();
        assert_eq!(response.usage, Usage::default());
        assert_eq!(response.model, "m");

        for bad in [
            "<html>".to_owned(),
            json!({"choices": []}).to_string(),
            json!({"choices": [{"message": {"content": null}, "finish_reason": "length"}]})
                .to_string(),
            json!({"choices": [{"message": {"content": null, "refusal": "no"}}]}).to_string(),
        ] {
            let error = parse_completion(bad.as_bytes(), "m").unwrap_err();
            assert_eq!(error.reason(), "malformed_response", "{bad}");
        }
    }

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("héllo", 10), "héllo");
        assert_eq!(shorten("héllo", 2), "hé…");
    }
}
