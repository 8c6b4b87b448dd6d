//! The seam between the pipeline and whatever answers chat requests.

use std::future::Future;
use std::pin::Pin;

use crate::{ChatRequest, ChatResponse, LlmError};

/// A boxed, `Send` future, so [`ChatProvider`] stays usable as `dyn ChatProvider`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Something that answers chat requests: the real [`crate::OpenAiClient`], or a stand-in in tests.
pub trait ChatProvider: Send + Sync {
    /// Model name used for requests (stored with results next to the prompt version).
    fn model(&self) -> &str;

    /// Sends one request and returns the first choice. Implementations do their own retries;
    /// dropping the future abandons the call.
    fn chat<'a>(
        &'a self,
        request: &'a ChatRequest,
    ) -> BoxFuture<'a, Result<ChatResponse, LlmError>>;
}
