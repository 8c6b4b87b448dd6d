//! JobWise's LLM client: an OpenAI-compatible chat-completions client behind the small
//! [`ChatProvider`] trait, with retries, a circuit breaker, a per-generation token budget and
//! JSON outputs, plus (feature `fake`) a scripted fake server for tests.
//!
//! It knows nothing of users or databases: the pipeline builds [`ChatRequest`]s, calls
//! [`complete_json`], and on any [`LlmError`] falls back to the offline engine, storing
//! [`LlmError::reason`].
#![warn(missing_docs)]

mod breaker;
mod budget;
mod client;
mod config;
mod error;
#[cfg(feature = "fake")]
pub mod fake;
mod json;
mod provider;
mod retry;
mod types;

pub use breaker::CircuitState;
pub use budget::{Reservation, TokenBudget};
pub use client::OpenAiClient;
pub use config::LlmConfig;
pub use error::LlmError;
pub use json::{complete_json, parse_json_content, until_cancelled};
pub use provider::{BoxFuture, ChatProvider};
pub use types::{ChatRequest, ChatResponse, JsonSchema, Message, Role, Usage};
