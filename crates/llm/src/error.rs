//! Why an LLM call did not produce a usable answer.

use std::time::Duration;

/// Every way a call can fail; callers fall back to the offline engine and store
/// [`LlmError::reason`].
///
/// Messages never contain the API key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LlmError {
    /// The circuit breaker is open: the provider failed repeatedly, so the call was not tried.
    #[error("LLM circuit breaker is open")]
    CircuitOpen,
    /// An attempt exceeded the request timeout (after any retries).
    #[error("LLM request timed out")]
    Timeout,
    /// The provider answered 429 (after any retries), or asked to wait longer than allowed.
    #[error("LLM provider rate limited the request (retry after {retry_after:?})")]
    RateLimited {
        /// The provider's `Retry-After`, when it sent one.
        retry_after: Option<Duration>,
    },
    /// The provider answered 5xx (after any retries).
    #[error("LLM provider failed with HTTP {status}")]
    Server {
        /// HTTP status code.
        status: u16,
    },
    /// The provider rejected the request with a 4xx other than 429; not retried.
    #[error("LLM provider rejected the request with HTTP {status}: {message}")]
    Http {
        /// HTTP status code.
        status: u16,
        /// The provider's error message, shortened.
        message: String,
    },
    /// The request could not be sent or the response not read (connection refused, reset, TLS…).
    #[error("LLM transport error: {0}")]
    Transport(String),
    /// The answer was not a chat completion, or its content was not the JSON expected.
    #[error("malformed LLM response: {0}")]
    Malformed(String),
    /// The generation's token budget cannot cover this call; nothing was sent.
    #[error("LLM token budget exceeded: needs {needed}, {remaining} left")]
    BudgetExceeded {
        /// Tokens the call would reserve.
        needed: u32,
        /// Tokens still available.
        remaining: u32,
    },
    /// The caller gave up on the call (see [`crate::until_cancelled`]).
    #[error("LLM call cancelled")]
    Cancelled,
    /// The configuration cannot work (bad base URL, empty model, key unusable in a header).
    #[error("invalid LLM configuration: {0}")]
    InvalidConfig(String),
}

impl LlmError {
    /// Short, stable snake_case reason, stored as `offline (fallback: <reason>)`.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::CircuitOpen => "circuit_open",
            Self::Timeout => "timeout",
            Self::RateLimited { .. } => "rate_limited",
            Self::Server { .. } => "server_error",
            Self::Http { .. } => "http_error",
            Self::Transport(_) => "transport_error",
            Self::Malformed(_) => "malformed_response",
            Self::BudgetExceeded { .. } => "budget_exceeded",
            Self::Cancelled => "cancelled",
            Self::InvalidConfig(_) => "invalid_config",
        }
    }

    /// Whether another attempt of the same request may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Timeout | Self::RateLimited { .. } | Self::Server { .. } | Self::Transport(_)
        )
    }

    /// Whether this outcome says the provider is unhealthy (counts towards opening the
    /// circuit). A 4xx other than 429 means the provider is up and answering.
    pub(crate) fn is_provider_failure(&self) -> bool {
        self.is_retryable() || matches!(self, Self::Malformed(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_stable_snake_case() {
        let all = [
            LlmError::CircuitOpen,
            LlmError::Timeout,
            LlmError::RateLimited { retry_after: None },
            LlmError::Server { status: 500 },
            LlmError::Http {
                status: 400,
                message: String::new(),
            },
            LlmError::Transport(String::new()),
            LlmError::Malformed(String::new()),
            LlmError::BudgetExceeded {
                needed: 1,
                remaining: 0,
            },
            LlmError::Cancelled,
            LlmError::InvalidConfig(String::new()),
        ];
        for error in all {
            let reason = error.reason();
            assert!(
                reason.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{reason}"
            );
        }
        assert_eq!(LlmError::Server { status: 503 }.reason(), "server_error");
    }

    #[test]
    fn only_transient_errors_are_retried() {
        assert!(LlmError::Server { status: 502 }.is_retryable());
        assert!(LlmError::Timeout.is_retryable());
        assert!(
            !LlmError::Http {
                status: 400,
                message: String::new()
            }
            .is_retryable()
        );
        assert!(!LlmError::Malformed(String::new()).is_retryable());
    }
}
