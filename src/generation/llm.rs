//! The LLM engine of stage 3: an OpenAI-compatible model rewrites the *wording* of the offline
//! draft's lines (summary, bullets, project descriptions, letter paragraphs). Structure, the
//! choice of items and every line's `source` stay the offline engine's, so each rewritten line
//! still points at the profile item it came from.
//!
//! The result must pass stage 4's factuality check; when it does not, the model gets the issues
//! and tries again (at most [`MAX_REPAIR_ROUNDS`] more times); then, or on any client error
//! (circuit open, timeout, 429/5xx after retries, malformed output, token budget spent), the
//! offline draft is used and the generation records `offline (fallback: <reason>)`.

use std::collections::HashMap;
use std::sync::Arc;

use jobwise_llm::{
    ChatProvider, ChatRequest, LlmConfig, LlmError, Message, OpenAiClient, TokenBudget,
    complete_json,
};
use jobwise_render::{Document, Line};
use serde::{Deserialize, Serialize};

use super::pipeline::PipelineInputs;
use super::validate::Issue;

/// Version of the prompt in `prompts/`; stored with every document the LLM worded.
pub const PROMPT_VERSION: &str = "rewrite.v1";
const SYSTEM_PROMPT: &str = include_str!("../../prompts/rewrite.v1.md");

/// Version of the enhance prompt.
pub const ENHANCE_PROMPT_VERSION: &str = "enhance.v1";
const ENHANCE_PROMPT: &str = include_str!("../../prompts/enhance.v1.md");

/// Rounds of "here are the problems, try again" after a draft fails the factuality check.
pub const MAX_REPAIR_ROUNDS: usize = 2;

/// Longest line accepted from the model (longer ones keep the offline wording).
const MAX_LINE_CHARS: usize = 400;

/// The configured LLM engine.
#[derive(Clone)]
pub struct LlmEngine {
    provider: Arc<dyn ChatProvider>,
    /// The HTTP client behind `provider` (for its circuit state), when it is one.
    client: Option<Arc<OpenAiClient>>,
    /// Tokens one generation may spend (`JOBWISE_LLM_TOKEN_BUDGET`).
    pub token_budget: u32,
    /// `max_tokens` of one call (`JOBWISE_LLM_MAX_TOKENS_PER_CALL`).
    pub max_tokens_per_call: u32,
}

impl std::fmt::Debug for LlmEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LlmEngine")
            .field("model", &self.provider.model())
            .field("token_budget", &self.token_budget)
            .finish()
    }
}

/// LLM settings from the environment.
#[derive(Clone, Debug)]
pub struct LlmSettings {
    /// Client settings (base URL, model, key, retries, breaker).
    pub client: LlmConfig,
    /// Per-generation token budget.
    pub token_budget: u32,
    /// Per-call `max_tokens`.
    pub max_tokens_per_call: u32,
}

impl LlmEngine {
    /// Builds the engine from its settings.
    pub fn new(settings: &LlmSettings) -> anyhow::Result<LlmEngine> {
        let client = Arc::new(
            OpenAiClient::new(settings.client.clone())
                .map_err(|e| anyhow::anyhow!("JOBWISE_LLM_*: {e}"))?,
        );
        Ok(LlmEngine {
            provider: client.clone(),
            client: Some(client),
            token_budget: settings.token_budget,
            max_tokens_per_call: settings.max_tokens_per_call,
        })
    }

    /// An engine over any provider (tests use a scripted one).
    pub fn with_provider(provider: Arc<dyn ChatProvider>, token_budget: u32) -> LlmEngine {
        LlmEngine {
            provider,
            client: None,
            token_budget,
            max_tokens_per_call: 2000,
        }
    }

    /// Whether the circuit breaker is open (recent calls kept failing).
    pub fn circuit_open(&self) -> bool {
        self.client
            .as_ref()
            .is_some_and(|c| c.circuit_state() == jobwise_llm::CircuitState::Open)
    }

    /// The model name (`engine: llm:<model>`).
    pub fn model(&self) -> &str {
        self.provider.model()
    }

    /// Rewrites the wording of the documents (one call per document), spending from `budget`.
    pub async fn rewrite(
        &self,
        budget: &TokenBudget,
        job: &Rewrite<'_>,
    ) -> Result<Vec<Document>, LlmError> {
        let Rewrite {
            documents,
            inputs,
            keywords,
            instructions,
            tone,
            feedback,
        } = *job;
        let mut out = Vec::with_capacity(documents.len());
        for (index, document) in documents.iter().enumerate() {
            let mut document = document.clone();
            let lines: Vec<LineIn> = editable_lines(&mut document)
                .into_iter()
                .map(|(path, line)| LineIn {
                    path,
                    text: line.text.clone(),
                })
                .collect();
            if lines.is_empty() {
                out.push(document);
                continue;
            }
            let own_feedback: Vec<String> = feedback
                .iter()
                .filter(|i| i.location.starts_with(&format!("{index}:")))
                .map(|i| {
                    format!(
                        "{} ({})",
                        i.message,
                        i.location.split_once(':').map_or("", |p| p.1)
                    )
                })
                .collect();
            let kind = match document {
                Document::Resume(_) => "resume",
                Document::CoverLetter(_) => "cover_letter",
            };
            let user = serde_json::json!({
                "document_type": kind,
                "job": {
                    "title": inputs.job.title,
                    "company": inputs.job.company,
                    "keywords_the_candidate_has": keywords,
                },
                "tone": tone,
                "instructions": instructions,
                "feedback": own_feedback,
                "lines": lines,
            });
            let request = ChatRequest::new(vec![
                Message::system(SYSTEM_PROMPT),
                Message::user(user.to_string()),
            ])
            .with_schema("rewritten_lines", schema())
            .with_max_tokens(self.max_tokens_per_call)
            .with_temperature(0.3);
            let (rewrite, _usage): (RewriteOut, _) =
                complete_json(self.provider.as_ref(), &request, budget).await?;
            let by_path: HashMap<String, String> = rewrite
                .lines
                .into_iter()
                .map(|l| (l.path, l.text.trim().to_owned()))
                .collect();
            for (path, line) in editable_lines(&mut document) {
                if let Some(text) = by_path.get(&path)
                    && !text.is_empty()
                    && text.chars().count() <= MAX_LINE_CHARS
                    && *text != line.text
                {
                    line.text = text.clone();
                    line.changed = true;
                }
            }
            out.push(document);
        }
        Ok(out)
    }
}

/// One rewrite job: the drafts and what the model should know.
#[derive(Debug, Clone, Copy)]
pub struct Rewrite<'a> {
    /// The offline drafts (their lines are reworded, their structure kept).
    pub documents: &'a [Document],
    /// The frozen inputs (job title and company).
    pub inputs: &'a PipelineInputs,
    /// Asked-for terms the profile has.
    pub keywords: &'a [String],
    /// The user's instructions.
    pub instructions: Option<&'a str>,
    /// The letter's tone.
    pub tone: Option<&'a str>,
    /// Problems of the previous attempt, located as `<document index>:<path>`.
    pub feedback: &'a [Issue],
}

/// One bullet suggestion from the model (checked by the caller before it is shown).
#[derive(Debug, Clone, Deserialize)]
pub struct BulletSuggestion {
    /// `<experience_id>#<index>`.
    pub item_id: String,
    /// The proposed wording.
    pub suggested: String,
    /// Why, in the model's words.
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Deserialize)]
struct SuggestionsOut {
    suggestions: Vec<BulletSuggestion>,
}

impl LlmEngine {
    /// Asks the model for stronger wordings of `bullets` (id, text), within a fresh budget.
    pub async fn suggest_bullets(
        &self,
        bullets: &[(String, String)],
    ) -> Result<(Vec<BulletSuggestion>, u32), LlmError> {
        let budget = TokenBudget::new(self.token_budget);
        let lines: Vec<serde_json::Value> = bullets
            .iter()
            .map(|(id, text)| serde_json::json!({"item_id": id, "text": text}))
            .collect();
        let schema = serde_json::json!({
            "type": "object",
            "properties": {"suggestions": {"type": "array", "items": {
                "type": "object",
                "properties": {
                    "item_id": {"type": "string"},
                    "suggested": {"type": "string"},
                    "reason": {"type": "string"}
                },
                "required": ["item_id", "suggested", "reason"],
                "additionalProperties": false
            }}},
            "required": ["suggestions"],
            "additionalProperties": false
        });
        let request = ChatRequest::new(vec![
            Message::system(ENHANCE_PROMPT),
            Message::user(serde_json::json!({ "bullets": lines }).to_string()),
        ])
        .with_schema("bullet_suggestions", schema)
        .with_max_tokens(self.max_tokens_per_call)
        .with_temperature(0.3);
        let (out, _): (SuggestionsOut, _) =
            complete_json(self.provider.as_ref(), &request, &budget).await?;
        Ok((out.suggestions, budget.used()))
    }
}

#[derive(Debug, Serialize)]
struct LineIn {
    path: String,
    text: String,
}

#[derive(Debug, Deserialize)]
struct RewriteOut {
    lines: Vec<LineOut>,
}

#[derive(Debug, Deserialize)]
struct LineOut {
    path: String,
    text: String,
}

fn schema() -> serde_json::Value {
    serde_json::json!({
        "type": "object",
        "properties": {
            "lines": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "path": {"type": "string"},
                        "text": {"type": "string"}
                    },
                    "required": ["path", "text"],
                    "additionalProperties": false
                }
            }
        },
        "required": ["lines"],
        "additionalProperties": false
    })
}

/// The lines whose wording the model may change, with their paths.
fn editable_lines(document: &mut Document) -> Vec<(String, &mut Line)> {
    let mut out = Vec::new();
    match document {
        Document::Resume(resume) => {
            if let Some(summary) = resume.summary.as_mut() {
                out.push(("summary".to_owned(), summary));
            }
            for (e, entry) in resume.experience.iter_mut().enumerate() {
                for (b, bullet) in entry.bullets.iter_mut().enumerate() {
                    out.push((format!("experience[{e}].bullets[{b}]"), bullet));
                }
            }
            for (p, project) in resume.projects.iter_mut().enumerate() {
                out.push((
                    format!("projects[{p}].description"),
                    &mut project.description,
                ));
            }
        }
        Document::CoverLetter(letter) => {
            for (p, paragraph) in letter.paragraphs.iter_mut().enumerate() {
                out.push((format!("paragraphs[{p}]"), paragraph));
            }
        }
    }
    out
}
