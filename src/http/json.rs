//! `ValidJson<T>`: reads a JSON body, maps every failure to the contract's errors (415 wrong
//! content type, 413 too large, 400 malformed JSON, 422 wrong shape with the field path) and
//! then runs the type's own validation, so handlers only ever see valid values.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldError};

/// Business validation of a deserialized request; collects every bad field at once.
pub trait Validate {
    /// Returns every problem found, with field paths; empty means valid.
    fn validate(&self) -> Vec<FieldError>;
}

/// A JSON body that parsed and validated.
#[derive(Debug, Clone)]
pub struct ValidJson<T>(pub T);

impl<S, T> FromRequest<S> for ValidJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Validate,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        require_json_content_type(req.headers())?;
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(body_rejection)?;
        let value: T = parse_json(&bytes)?;
        let problems = value.validate();
        if problems.is_empty() {
            Ok(ValidJson(value))
        } else {
            Err(AppError::Validation(problems))
        }
    }
}

/// 415 unless the request says it carries JSON (`application/json`, or any `+json` type such
/// as `application/merge-patch+json`).
pub fn require_json_content_type(headers: &axum::http::HeaderMap) -> Result<(), AppError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
    {
        Ok(())
    } else {
        Err(AppError::UnsupportedMediaType(
            "expected a JSON body with Content-Type: application/json".into(),
        ))
    }
}

/// Maps a body-reading failure (mostly: over the size limit) to the contract.
pub fn body_rejection(rejection: BytesRejection) -> AppError {
    if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge("the request body is larger than the limit".into())
    } else {
        AppError::BadRequest {
            message: "The request body could not be read.".into(),
            details: Vec::new(),
        }
    }
}

/// What a field holding text PostgreSQL cannot store is told.
pub const NUL_MESSAGE: &str = "must not contain the NUL character (\\u0000)";

/// Deserializes JSON, telling syntax errors (400) from shape errors (422 with the path). Text
/// PostgreSQL cannot store (U+0000, in a value or a key, anywhere in the document) is a 422
/// naming the field on both databases: this is the one rule every JSON body goes through.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let problems = unstorable_text(bytes);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let err = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(value) => {
            return match de.end() {
                Ok(()) => Ok(value),
                Err(trailing) => Err(AppError::BadRequest {
                    message: format!("Malformed JSON: {trailing}."),
                    details: Vec::new(),
                }),
            };
        }
        Err(err) => err,
    };
    let inner = err.inner();
    match inner.classify() {
        serde_json::error::Category::Syntax
        | serde_json::error::Category::Eof
        | serde_json::error::Category::Io => Err(AppError::BadRequest {
            message: format!("Malformed JSON: {inner}."),
            details: Vec::new(),
        }),
        serde_json::error::Category::Data => {
            let path = err.path().to_string();
            let path = if path == "." { String::new() } else { path };
            let message = strip_position(&inner.to_string());
            // serde reports a missing field at its parent; point at the field itself.
            let field = match missing_field_name(&message) {
                Some(name) if path.is_empty() => name.to_owned(),
                Some(name) => format!("{path}.{name}"),
                None if path.is_empty() => "body".to_owned(),
                None => path,
            };
            let message = if missing_field_name(&message).is_some() {
                "is required".to_owned()
            } else {
                message
            };
            Err(AppError::Validation(vec![FieldError::new(field, message)]))
        }
    }
}

/// Fields of a JSON document whose text contains U+0000, with paths in the same notation as
/// the shape errors (`a.b[0].c`; `body` for the document itself). JSON can only carry a NUL as
/// the escape `\u0000`, so bodies without that byte sequence (nearly all) are not parsed twice.
/// Bodies that are not valid JSON report nothing here and get their syntax error instead.
fn unstorable_text(bytes: &[u8]) -> Vec<FieldError> {
    const ESCAPE: &[u8] = b"\\u0000";
    if !bytes.windows(ESCAPE.len()).any(|w| w == ESCAPE) {
        return Vec::new();
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    find_nul(&value, String::new(), &mut found);
    found
        .into_iter()
        .map(|path| {
            let field = if path.is_empty() { "body".into() } else { path };
            FieldError::new(field, NUL_MESSAGE)
        })
        .collect()
}

fn find_nul(value: &serde_json::Value, path: String, found: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::String(text) if text.contains('\0') => found.push(path),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                find_nul(item, format!("{path}[{i}]"), found);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let shown = key.replace('\0', "\\u0000");
                let child = if path.is_empty() {
                    shown
                } else {
                    format!("{path}.{shown}")
                };
                if key.contains('\0') {
                    found.push(child.clone());
                }
                find_nul(item, child, found);
            }
        }
        _ => {}
    }
}

/// Query-string parameters whose decoded name or value contains U+0000 (PostgreSQL cannot
/// store or compare such text): one [`FieldError`] per parameter, named by the parameter.
pub fn unstorable_query(query: &str) -> Vec<FieldError> {
    if !query.contains("%00") && !query.contains('\0') {
        return Vec::new();
    }
    form_urlencoded::parse(query.as_bytes())
        .filter(|(key, value)| key.contains('\0') || value.contains('\0'))
        .map(|(key, _)| FieldError::new(key.replace('\0', "\\u0000"), NUL_MESSAGE))
        .collect()
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn missing_field_name(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next()
}

/// RFC 7396 JSON merge patch of `patch` into `target`: objects merge, everything else
/// replaces, `null` removes.
pub fn merge_patch(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::{Map, Value};
    match patch {
        Value::Object(fields) => {
            if !target.is_object() {
                *target = Value::Object(Map::new());
            }
            let object = target.as_object_mut().expect("made an object above");
            for (key, value) in fields {
                if value.is_null() {
                    object.remove(key);
                } else {
                    merge_patch(object.entry(key.clone()).or_insert(Value::Null), value);
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// Applies a merge-patch request body to `current` and parses the result back into `T`
/// (400 for malformed JSON, 422 for a body that is not an object or a result of the wrong
/// shape, with field paths). Keys in `read_only` are ignored.
pub fn apply_merge_patch<T>(current: &T, body: &[u8], read_only: &[&str]) -> Result<T, AppError>
where
    T: serde::Serialize + DeserializeOwned,
{
    let mut patch: serde_json::Value = parse_json(body)?;
    let Some(fields) = patch.as_object_mut() else {
        return Err(AppError::Validation(vec![FieldError::new(
            "body",
            "a merge patch must be a JSON object",
        )]));
    };
    for key in read_only {
        fields.remove(*key);
    }
    let mut document = serde_json::to_value(current).map_err(anyhow::Error::from)?;
    merge_patch(&mut document, &patch);
    parse_json(&serde_json::to_vec(&document).map_err(anyhow::Error::from)?)
}

/// Validation helpers shared by the features.
pub mod rules {
    use crate::error::FieldError;

    /// A plausible email address (one `@`, a dotted domain, no spaces, ≤ 254 characters).
    pub fn is_email(value: &str) -> bool {
        if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return false;
        }
        let Some((local, domain)) = value.split_once('@') else {
            return false;
        };
        !local.is_empty()
            && local.len() <= 64
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
    }

    /// Pushes an error when a required text is blank or longer than `max` characters.
    pub fn required_text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            errors.push(FieldError::new(field, "must not be empty"));
        } else {
            max_len(errors, field, value, max);
        }
    }

    /// Pushes an error when a text is longer than `max` characters.
    pub fn max_len(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            errors.push(FieldError::new(
                field,
                format!("must be at most {max} characters"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        title: String,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
    }

    fn field_of(err: AppError) -> (u16, String) {
        let status = err.status().as_u16();
        match err {
            AppError::Validation(d) => (status, d[0].field.clone()),
            _ => (status, String::new()),
        }
    }

    #[test]
    fn syntax_errors_are_400() {
        assert_eq!(
            field_of(parse_json::<Outer>(b"{\"name\": ").unwrap_err()).0,
            400
        );
        assert_eq!(
            field_of(parse_json::<Outer>(br#"{"name": "a", "items": []} trailing"#).unwrap_err()).0,
            400
        );
    }

    #[test]
    fn shape_errors_carry_paths() {
        let (status, field) =
            field_of(parse_json::<Outer>(br#"{"name": 5, "items": []}"#).unwrap_err());
        assert_eq!((status, field.as_str()), (422, "name"));
        let (_, field) = field_of(
            parse_json::<Outer>(br#"{"name": "a", "items": [{"title": "x"}, {}]}"#).unwrap_err(),
        );
        assert_eq!(field, "items[1].title");
        let (_, field) = field_of(parse_json::<Outer>(br#"{"items": []}"#).unwrap_err());
        assert_eq!(field, "name");
    }

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Validation(d) => d.into_iter().map(|e| e.field).collect(),
            other => panic!("expected a 422, got {other:?}"),
        }
    }

    #[test]
    fn nul_anywhere_is_a_422_naming_the_field() {
        let err = parse_json::<Outer>(
            br#"{"name": "a\u0000b", "items": [{"title": "x"}, {"title": "\u0000"}]}"#,
        )
        .unwrap_err();
        let mut found = fields(err);
        found.sort();
        assert_eq!(found, ["items[1].title", "name"]);
        // Even where the target type would ignore or reject the field.
        let err = parse_json::<serde_json::Value>(br#"{"a": {"k\u0000": 1}}"#).unwrap_err();
        assert_eq!(fields(err), ["a.k\\u0000"]);
        let err = parse_json::<String>(br#""\u0000""#).unwrap_err();
        assert_eq!(fields(err), ["body"]);
        // An escaped backslash followed by "u0000" is not a NUL.
        let ok: Outer = parse_json(br#"{"name": "\\u0000", "items": []}"#).unwrap();
        assert_eq!(ok.name, "\\u0000");
    }

    #[test]
    fn nul_in_a_query_string_names_the_parameter() {
        assert!(unstorable_query("q=rust&location=berlin").is_empty());
        let found = unstorable_query("q=a%00b&location=x&%00=1");
        let names: Vec<_> = found.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(names, ["q", "\\u0000"]);
    }

    #[test]
    fn emails() {
        assert!(rules::is_email("jane.doe+jobs@example.co.uk"));
        for bad in [
            "",
            "jane",
            "jane@",
            "@example.com",
            "jane@example",
            "ja ne@example.com",
            "a@b@c.com",
            "a@.com",
        ] {
            assert!(!rules::is_email(bad), "{bad:?}");
        }
    }
}
