//! Client configuration: where the provider is, which model, and the retry / breaker limits.

use std::fmt;
use std::time::Duration;

/// Settings for one OpenAI-compatible provider.
///
/// Every field is public so the service can fill it from its own typed config; start from
/// [`LlmConfig::new`] to get the documented defaults. `Debug` never shows the API key.
#[derive(Clone, PartialEq)]
pub struct LlmConfig {
    /// Base URL of the API, up to and including the version segment, e.g.
    /// `http://127.0.0.1:11434/v1`. A trailing slash is tolerated.
    pub base_url: String,
    /// Model name sent with every request.
    pub model: String,
    /// Bearer token; `None` (or an empty string) sends no `Authorization` header.
    pub api_key: Option<String>,
    /// Time limit for one HTTP attempt, from sending to the last byte of the body (default 30 s).
    pub request_timeout: Duration,
    /// Retries after the first attempt on 429, 5xx, timeouts and connection errors (default 3).
    pub max_retries: u32,
    /// First backoff step; the cap doubles every retry (default 500 ms).
    pub backoff_base: Duration,
    /// Largest backoff cap (default 8 s).
    pub backoff_max: Duration,
    /// Longest `Retry-After` the client will wait; a longer one ends the call with
    /// `RateLimited` (or the server error) at once (default 20 s).
    pub max_retry_after: Duration,
    /// Consecutive failed calls (each with all its retries) that open the circuit (default 5;
    /// 0 disables the breaker).
    pub breaker_threshold: u32,
    /// How long an open circuit fails fast before letting one probe call through (default 30 s).
    pub breaker_cooldown: Duration,
}

impl LlmConfig {
    /// Default time limit for one HTTP attempt.
    pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
    /// Default number of retries after the first attempt.
    pub const DEFAULT_MAX_RETRIES: u32 = 3;
    /// Default first backoff step.
    pub const DEFAULT_BACKOFF_BASE: Duration = Duration::from_millis(500);
    /// Default backoff cap.
    pub const DEFAULT_BACKOFF_MAX: Duration = Duration::from_secs(8);
    /// Default longest `Retry-After` honoured.
    pub const DEFAULT_MAX_RETRY_AFTER: Duration = Duration::from_secs(20);
    /// Default consecutive failed calls that open the circuit.
    pub const DEFAULT_BREAKER_THRESHOLD: u32 = 5;
    /// Default open-circuit cooldown.
    pub const DEFAULT_BREAKER_COOLDOWN: Duration = Duration::from_secs(30);

    /// A config for `base_url` and `model` with the default limits.
    pub fn new(
        base_url: impl Into<String>,
        model: impl Into<String>,
        api_key: Option<String>,
    ) -> Self {
        Self {
            base_url: base_url.into(),
            model: model.into(),
            api_key,
            request_timeout: Self::DEFAULT_REQUEST_TIMEOUT,
            max_retries: Self::DEFAULT_MAX_RETRIES,
            backoff_base: Self::DEFAULT_BACKOFF_BASE,
            backoff_max: Self::DEFAULT_BACKOFF_MAX,
            max_retry_after: Self::DEFAULT_MAX_RETRY_AFTER,
            breaker_threshold: Self::DEFAULT_BREAKER_THRESHOLD,
            breaker_cooldown: Self::DEFAULT_BREAKER_COOLDOWN,
        }
    }

    /// The key to send, if any: blank keys count as absent (an empty env var means "no key").
    pub(crate) fn effective_api_key(&self) -> Option<&str> {
        self.api_key
            .as_deref()
            .map(str::trim)
            .filter(|key| !key.is_empty())
    }
}

impl fmt::Debug for LlmConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = self.effective_api_key().map(|_| "<redacted>");
        f.debug_struct("LlmConfig")
            .field("base_url", &self.base_url)
            .field("model", &self.model)
            .field("api_key", &key)
            .field("request_timeout", &self.request_timeout)
            .field("max_retries", &self.max_retries)
            .field("backoff_base", &self.backoff_base)
            .field("backoff_max", &self.backoff_max)
            .field("max_retry_after", &self.max_retry_after)
            .field("breaker_threshold", &self.breaker_threshold)
            .field("breaker_cooldown", &self.breaker_cooldown)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_key() {
        let config = LlmConfig::new("http://x/v1", "m", Some("sk-very-secret".into()));
        let shown = format!("{config:?} {config:#?}");
        assert!(!shown.contains("sk-very-secret"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn blank_key_counts_as_absent() {
        let config = LlmConfig::new("http://x/v1", "m", Some("  ".into()));
        assert_eq!(config.effective_api_key(), None);
        assert!(format!("{config:?}").contains("api_key: None"));
    }
}
