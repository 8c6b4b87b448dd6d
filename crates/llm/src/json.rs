//! Structured calls: budget check, call, usage accounting, and parsing the answer as JSON.

use std::future::Future;

use serde::de::DeserializeOwned;

use crate::{ChatProvider, ChatRequest, LlmError, TokenBudget, Usage};

/// Asks `provider` for JSON and parses it into `T`.
///
/// Reserves `max_tokens` plus the estimated prompt tokens in `budget` first (failing with
/// `BudgetExceeded` before anything is sent), records the provider's reported usage after the
/// call (also when parsing fails; an estimate when the provider reports none), then parses the
/// content, tolerating a Markdown code fence around it. A parse failure is `Malformed`.
pub async fn complete_json<T: DeserializeOwned>(
    provider: &dyn ChatProvider,
    request: &ChatRequest,
    budget: &TokenBudget,
) -> Result<(T, Usage), LlmError> {
    let prompt_estimate = request.estimated_prompt_tokens();
    let reservation = budget.reserve(request.max_tokens.saturating_add(prompt_estimate))?;
    let response = provider.chat(request).await?;
    let usage = if response.usage.total_tokens == 0 && !response.content.is_empty() {
        // Some local servers omit usage; count something rather than nothing.
        let completion =
            u32::try_from(response.content.chars().count().div_ceil(4)).unwrap_or(u32::MAX);
        Usage::new(prompt_estimate, completion)
    } else {
        response.usage
    };
    reservation.commit(&usage);
    let value = parse_json_content(&response.content)?;
    Ok((value, usage))
}

/// Parses model output as JSON into `T`: accepts bare JSON, JSON inside a ```` ```json ````
/// fence, or one JSON object/array surrounded by prose.
pub fn parse_json_content<T: DeserializeOwned>(content: &str) -> Result<T, LlmError> {
    let unfenced = strip_code_fence(content);
    let first_error = match serde_json::from_str::<T>(unfenced) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    if let Some(inner) = embedded_json(unfenced)
        && let Ok(value) = serde_json::from_str::<T>(inner)
    {
        return Ok(value);
    }
    Err(LlmError::Malformed(format!(
        "content is not the expected JSON: {first_error}"
    )))
}

/// The text inside a Markdown code fence (with or without a language tag), or the trimmed text.
fn strip_code_fence(content: &str) -> &str {
    let trimmed = content.trim();
    let Some(rest) = trimmed.strip_prefix("```") else {
        return trimmed;
    };
    // Skip the info string (`json`, `JSON`, nothing) up to the end of the opening line.
    let body = match rest.find('\n') {
        Some(newline) => &rest[newline + 1..],
        None => rest,
    };
    body.trim_end().strip_suffix("```").unwrap_or(body).trim()
}

/// The span from the first `{` or `[` to the matching last `}` or `]`, if any.
fn embedded_json(text: &str) -> Option<&str> {
    let start = text.find(['{', '['])?;
    let close = if text[start..].starts_with('{') {
        '}'
    } else {
        ']'
    };
    let end = text.rfind(close)?;
    (end > start).then(|| &text[start..=end])
}

/// Runs `call` unless `cancel` completes first, in which case the call is dropped (its budget
/// reservation and any breaker probe are released) and the result is `Cancelled`.
///
/// `cancel` is any future, e.g. a cancellation token's `cancelled()`.
pub async fn until_cancelled<T>(
    cancel: impl Future<Output = ()>,
    call: impl Future<Output = Result<T, LlmError>>,
) -> Result<T, LlmError> {
    tokio::select! {
        biased;
        () = cancel => Err(LlmError::Cancelled),
        result = call => result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Out {
        a: u32,
    }

    #[test]
    fn accepts_bare_fenced_and_embedded_json() {
        let cases = [
            r#"{"a": 1}"#,
            "  {\"a\": 1}\n",
            "```json\n{\"a\": 1}\n```",
            "```JSON\n{\"a\": 1}\n```\n",
            "```\n{\"a\": 1}\n```",
            "Here you go:\n{\"a\": 1}\nHope that helps.",
            "```json\n{\"a\": 1}",
        ];
        for case in cases {
            assert_eq!(
                parse_json_content::<Out>(case).unwrap(),
                Out { a: 1 },
                "{case:?}"
            );
        }
        let list: Vec<u32> = parse_json_content("```json\n[1, 2]\n```").unwrap();
        assert_eq!(list, [1, 2]);
    }

    #[test]
    fn rejects_wrong_shapes() {
        for case in [
            "",
            "not json",
            r#"{"b": 1}"#,
            r#"{"a": "one"}"#,
            "```json\n```",
        ] {
            let error = parse_json_content::<Out>(case).unwrap_err();
            assert_eq!(error.reason(), "malformed_response", "{case:?}");
        }
    }

    #[tokio::test]
    async fn cancellation_wins_over_a_pending_call() {
        let result: Result<(), _> =
            until_cancelled(async {}, std::future::pending::<Result<(), LlmError>>()).await;
        assert_eq!(result, Err(LlmError::Cancelled));
        let result = until_cancelled(std::future::pending(), async { Ok(7) }).await;
        assert_eq!(result, Ok(7));
    }
}
