//! What goes into a chat call and what comes back, independent of the wire format.

use serde::{Deserialize, Serialize};

/// Who wrote a message in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Instructions that frame the task.
    System,
    /// The input to work on.
    User,
    /// An earlier model answer (for few-shot examples or feedback rounds).
    Assistant,
}

/// One message of the conversation sent to the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Author of the message.
    pub role: Role,
    /// Plain-text content.
    pub content: String,
}

impl Message {
    /// A system message.
    pub fn system(content: impl Into<String>) -> Self {
        Self {
            role: Role::System,
            content: content.into(),
        }
    }

    /// A user message.
    pub fn user(content: impl Into<String>) -> Self {
        Self {
            role: Role::User,
            content: content.into(),
        }
    }

    /// An assistant message.
    pub fn assistant(content: impl Into<String>) -> Self {
        Self {
            role: Role::Assistant,
            content: content.into(),
        }
    }
}

/// A JSON Schema the answer must follow, sent as a strict `json_schema` response format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonSchema {
    /// Short identifier of the schema (letters, digits, `_`, `-`), e.g. `job_analysis`.
    pub name: String,
    /// The schema itself.
    pub schema: serde_json::Value,
}

/// One chat-completion request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatRequest {
    /// The conversation, oldest first.
    pub messages: Vec<Message>,
    /// Structured-output schema; `None` lets the model answer freely.
    pub schema: Option<JsonSchema>,
    /// Upper bound on completion tokens (also what the token budget reserves).
    pub max_tokens: u32,
    /// Sampling temperature.
    pub temperature: f32,
}

impl ChatRequest {
    /// Default completion limit of [`ChatRequest::new`].
    pub const DEFAULT_MAX_TOKENS: u32 = 1024;
    /// Default temperature of [`ChatRequest::new`]: low, since outputs are structured.
    pub const DEFAULT_TEMPERATURE: f32 = 0.2;

    /// A free-form request with the default limits.
    pub fn new(messages: Vec<Message>) -> Self {
        Self {
            messages,
            schema: None,
            max_tokens: Self::DEFAULT_MAX_TOKENS,
            temperature: Self::DEFAULT_TEMPERATURE,
        }
    }

    /// The same request, asking for output that follows `schema`.
    pub fn with_schema(mut self, name: impl Into<String>, schema: serde_json::Value) -> Self {
        self.schema = Some(JsonSchema {
            name: name.into(),
            schema,
        });
        self
    }

    /// The same request with another completion limit.
    pub fn with_max_tokens(mut self, max_tokens: u32) -> Self {
        self.max_tokens = max_tokens;
        self
    }

    /// The same request with another temperature.
    pub fn with_temperature(mut self, temperature: f32) -> Self {
        self.temperature = temperature;
        self
    }

    /// Rough prompt size in tokens (characters / 4, plus a few per message and the schema),
    /// used to reserve budget before the provider reports real usage.
    pub fn estimated_prompt_tokens(&self) -> u32 {
        const PER_MESSAGE_OVERHEAD: usize = 4;
        let text: usize = self
            .messages
            .iter()
            .map(|m| m.content.chars().count() + PER_MESSAGE_OVERHEAD * 4)
            .sum();
        let schema = self
            .schema
            .as_ref()
            .map_or(0, |s| s.schema.to_string().len() + s.name.len());
        u32::try_from((text + schema).div_ceil(4)).unwrap_or(u32::MAX)
    }
}

/// Tokens a call consumed, as reported by the provider.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Usage {
    /// Tokens of the prompt (messages and schema).
    pub prompt_tokens: u32,
    /// Tokens generated.
    pub completion_tokens: u32,
    /// Their sum, as the provider counts it.
    pub total_tokens: u32,
}

impl Usage {
    /// Usage from its two parts, with the total computed.
    pub fn new(prompt_tokens: u32, completion_tokens: u32) -> Self {
        Self {
            prompt_tokens,
            completion_tokens,
            total_tokens: prompt_tokens.saturating_add(completion_tokens),
        }
    }
}

/// The model's answer to a [`ChatRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatResponse {
    /// Text of the first choice.
    pub content: String,
    /// Tokens consumed (zeros when the provider does not report usage).
    pub usage: Usage,
    /// Model that answered, as the provider names it.
    pub model: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_serialize_lowercase() {
        let json = serde_json::to_value(Message::system("hi")).unwrap();
        assert_eq!(json, serde_json::json!({"role": "system", "content": "hi"}));
    }

    #[test]
    fn estimate_grows_with_text_and_schema() {
        let plain = ChatRequest::new(vec![Message::user("x".repeat(400))]);
        let with_schema = plain
            .clone()
            .with_schema("s", serde_json::json!({"type": "object"}));
        assert!(plain.estimated_prompt_tokens() >= 100);
        assert!(with_schema.estimated_prompt_tokens() > plain.estimated_prompt_tokens());
    }
}
