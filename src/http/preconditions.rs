//! Optimistic concurrency: the `If-Match` request header and the `ETag` response header, both
//! carrying a resource version as `"<n>"`.

use axum::extract::FromRequestParts;
use axum::http::header::{ETAG, HeaderName, IF_MATCH};
use axum::http::request::Parts;

use crate::error::AppError;

/// The version the client expects (`None` when the header is absent or `*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub Option<i64>);

impl IfMatch {
    /// Parses `"3"`, `W/"3"` or `3`; anything else is a version that cannot match (412).
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let raw = raw.trim();
        if raw == "*" {
            return Ok(IfMatch(None));
        }
        let bare = raw.strip_prefix("W/").unwrap_or(raw).trim_matches('"');
        bare.parse::<i64>().map(|v| IfMatch(Some(v))).map_err(|_| {
            AppError::PreconditionFailed(format!(
                "If-Match {raw:?} is not a version this API issued"
            ))
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match parts.headers.get(IF_MATCH) {
            None => Ok(IfMatch(None)),
            Some(value) => IfMatch::parse(value.to_str().unwrap_or("invalid")),
        }
    }
}

/// The `ETag` header for a version.
pub fn etag(version: i64) -> (HeaderName, String) {
    (ETAG, format!("\"{version}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(IfMatch::parse("\"3\"").unwrap(), IfMatch(Some(3)));
        assert_eq!(IfMatch::parse("W/\"3\"").unwrap(), IfMatch(Some(3)));
        assert_eq!(IfMatch::parse("3").unwrap(), IfMatch(Some(3)));
        assert_eq!(IfMatch::parse("*").unwrap(), IfMatch(None));
        assert!(IfMatch::parse("\"abc\"").is_err());
    }
}
