//! The one error type of the service. Each variant knows its HTTP status and stable code and
//! renders the contract's error body; server errors are logged once (inside the request span)
//! and stay opaque to clients.
//!
//! The body's `request_id` is filled in by [`crate::http::middleware::finish_errors`], which
//! also rewrites framework-made error responses (unknown route, 405, 413, timeouts) into the
//! same shape, so every error a client sees looks alike.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// One field-level problem: the dotted/indexed path and a human sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// Path of the offending field, e.g. `experiences[0].title`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The error body every non-2xx response carries.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "error": "validation_error",
    "message": "The request body has invalid fields.",
    "details": [{"field": "email", "message": "must be a valid email address"}],
    "request_id": "0193a5b2-7c4e-7d3a-9f1e-2b3c4d5e6f70"
}))]
pub struct ErrorBody {
    /// Stable, machine-readable code.
    pub error: &'static str,
    /// Human sentence.
    pub message: String,
    /// Field-level details; empty when the error is not about fields.
    pub details: Vec<FieldError>,
    /// Same value as the `X-Request-Id` response header.
    pub request_id: String,
    /// Seconds to wait; only on `rate_limit_exceeded`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

/// Everything that can go wrong while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The body is not JSON, or not the JSON shape expected at a given place (400).
    #[error("{message}")]
    BadRequest {
        /// Sentence for the client.
        message: String,
        /// Field-level details.
        details: Vec<FieldError>,
    },
    /// One or more fields fail validation (422).
    #[error("the request has invalid fields")]
    Validation(Vec<FieldError>),
    /// Missing or bad credentials (401).
    #[error("{0}")]
    Unauthorized(String),
    /// Authenticated but not allowed (403).
    #[error("{0}")]
    Forbidden(String),
    /// No such resource for this caller (404).
    #[error("{0}")]
    NotFound(String),
    /// The method is not allowed on this path (405).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// State conflict, e.g. a duplicate (409).
    #[error("{0}")]
    Conflict(String),
    /// The resource is gone for good (410).
    #[error("{0}")]
    Gone(String),
    /// `If-Match` did not match (412).
    #[error("{0}")]
    PreconditionFailed(String),
    /// Body over the limit (413).
    #[error("{0}")]
    PayloadTooLarge(String),
    /// Wrong `Content-Type` (415).
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Too many requests; retry after this many seconds (429).
    #[error("rate limit exceeded")]
    RateLimited {
        /// Seconds until the window resets.
        retry_after: u64,
    },
    /// A page the client asked us to fetch could not be had: unreachable, an error answer or a
    /// time-out (502, `fetch_failed`).
    #[error("{0}")]
    FetchFailed(String),
    /// A dependency (database, Redis) is unavailable, or the request timed out (503).
    #[error("{0}")]
    ServiceUnavailable(String),
    /// A bug or an unexpected failure (500); the cause is logged, never shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// Shorthand for a 422 on a single field.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    /// Shorthand for the standard 404.
    pub fn not_found(what: &str) -> Self {
        AppError::NotFound(format!("{what} not found"))
    }

    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::FetchFailed(_) => StatusCode::BAD_GATEWAY,
            AppError::ServiceUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The body without its request id (filled in by the error middleware).
    fn body(&self) -> ErrorBody {
        let (message, details) = match self {
            AppError::BadRequest { message, details } => (message.clone(), details.clone()),
            AppError::Validation(details) => (
                "The request has invalid fields.".to_owned(),
                details.clone(),
            ),
            AppError::RateLimited { retry_after } => (
                format!("Too many requests; retry in {retry_after} s."),
                Vec::new(),
            ),
            AppError::Internal(_) => ("Something went wrong on our side.".to_owned(), Vec::new()),
            AppError::MethodNotAllowed => (
                "This method is not allowed on this path.".to_owned(),
                Vec::new(),
            ),
            AppError::FetchFailed(reason) => (
                sentence(&format!("the page could not be fetched: {reason}")),
                Vec::new(),
            ),
            other => (sentence(&other.to_string()), Vec::new()),
        };
        ErrorBody {
            error: code_for_status(self.status()),
            message,
            details,
            request_id: String::new(),
            retry_after: match self {
                AppError::RateLimited { retry_after } => Some(*retry_after),
                _ => None,
            },
        }
    }
}

/// The stable code of a status, as listed in the contract.
pub fn code_for_status(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => "validation_error",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        410 => "gone",
        412 => "precondition_failed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limit_exceeded",
        502 => "fetch_failed",
        503 | 504 | 408 => "service_unavailable",
        _ if status.is_client_error() => "bad_request",
        _ => "internal_error",
    }
}

/// Capitalises the first letter and ends with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Marker placed in the extensions of responses built from an [`AppError`]; the error
/// middleware turns it into the final JSON body with the request id.
#[derive(Debug, Clone)]
pub struct PendingErrorBody(pub ErrorBody);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(error = ?cause, "request failed with an internal error");
        }
        let status = self.status();
        let body = self.body();
        let mut response = status.into_response();
        if let Some(seconds) = body.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(PendingErrorBody(body));
        response
    }
}

/// An uploaded file (writing sample, résumé) that could not be read: a 422 on `file`, a 413
/// when it expands past the limits, a 503 when reading outlived its request.
impl From<jobwise_extract::ExtractError> for AppError {
    fn from(e: jobwise_extract::ExtractError) -> Self {
        use jobwise_extract::ExtractError as E;
        match e {
            E::TooLarge => AppError::PayloadTooLarge(
                "the file expands to more than 10 MiB of content, or has too many pages".into(),
            ),
            E::NoText => AppError::invalid_field(
                "file",
                "the file has no text layer (a scanned, image-only PDF?): there is no text to \
                 read; upload a PDF with selectable text, a .docx or a .txt",
            ),
            E::NotUtf8 => {
                AppError::invalid_field("file", "text files must be UTF-8 (or UTF-16 with a BOM)")
            }
            E::NotADocx(why) => {
                AppError::invalid_field("file", format!("not a readable .docx or .zip file: {why}"))
            }
            E::NotAPdf(why) => {
                AppError::invalid_field("file", format!("not a readable PDF: {why}"))
            }
            E::TooComplex(why) => AppError::invalid_field(
                "file",
                format!("the document is too complex to process: {why}"),
            ),
            E::Cancelled => AppError::ServiceUnavailable(
                "reading the file took longer than the request time limit".into(),
            ),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::error!(error = %err, "database unavailable");
                AppError::ServiceUnavailable(
                    "the database is unavailable, try again shortly".into(),
                )
            }
            _ => AppError::Internal(err.into()),
        }
    }
}

/// Builds the final error body for a status with a request id (used by the middleware for
/// framework-made errors).
pub fn body_for_status(status: StatusCode, request_id: &str) -> ErrorBody {
    let message = match status.as_u16() {
        404 => "No such resource.".to_owned(),
        405 => "This method is not allowed on this path.".to_owned(),
        408 | 503 | 504 => {
            "The request took too long or the service is unavailable; try again.".to_owned()
        }
        413 => "The request body is too large.".to_owned(),
        415 => "Unsupported content type.".to_owned(),
        _ => status
            .canonical_reason()
            .map(|r| format!("{r}."))
            .unwrap_or_else(|| "Request failed.".to_owned()),
    };
    ErrorBody {
        error: code_for_status(status),
        message,
        details: Vec::new(),
        request_id: request_id.to_owned(),
        retry_after: None,
    }
}

/// Result alias used by handlers.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_contract() {
        assert_eq!(
            AppError::Validation(vec![]).status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            code_for_status(StatusCode::UNPROCESSABLE_ENTITY),
            "validation_error"
        );
        assert_eq!(code_for_status(StatusCode::BAD_REQUEST), "validation_error");
        assert_eq!(
            code_for_status(StatusCode::TOO_MANY_REQUESTS),
            "rate_limit_exceeded"
        );
        assert_eq!(
            code_for_status(StatusCode::INTERNAL_SERVER_ERROR),
            "internal_error"
        );
    }

    #[test]
    fn internal_errors_are_opaque() {
        let body = AppError::Internal(anyhow::anyhow!("password=hunter2 leaked")).body();
        assert!(!body.message.contains("hunter2"));
        assert_eq!(body.error, "internal_error");
    }

    #[test]
    fn messages_are_sentences() {
        assert_eq!(
            AppError::not_found("profile").body().message,
            "Profile not found."
        );
    }
}
