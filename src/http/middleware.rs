//! Middleware: request ids, the contract's error body on every error response, and
//! per-route request metrics.

use std::time::Instant;

use axum::Json;
use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{PendingErrorBody, body_for_status};

/// The `X-Request-Id` header name.
pub static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The id of the current request, as sent by the client (when sane) or generated (UUID v7).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Accepts a client-sent request id of 1–128 visible ASCII characters.
fn acceptable_request_id(value: &HeaderValue) -> Option<String> {
    let s = value.to_str().ok()?;
    (!s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_graphic()))
        .then(|| s.to_owned())
}

/// Outermost middleware: fixes the request id, exposes it to inner layers (extension and
/// header, so the trace span can record it) and echoes it on the response.
pub async fn request_id(mut req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(&X_REQUEST_ID)
        .and_then(acceptable_request_id)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let header_value = HeaderValue::from_str(&id).expect("request ids are visible ASCII");
    req.headers_mut()
        .insert(X_REQUEST_ID.clone(), header_value.clone());
    req.extensions_mut().insert(RequestId(id));
    let mut response = next.run(req).await;
    response
        .headers_mut()
        .insert(X_REQUEST_ID.clone(), header_value);
    response
}

/// Gives every error response the contract's JSON body with the request id: bodies built from
/// `AppError` get their id filled in; framework-made errors (unknown route, 405, 413, timeout)
/// are rewritten into the same shape.
pub async fn finish_errors(req: Request, next: Next) -> Response {
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let mut response = next.run(req).await;
    let status = response.status();
    if let Some(PendingErrorBody(mut body)) = response.extensions_mut().remove::<PendingErrorBody>()
    {
        body.request_id = request_id;
        return replace_body(response, body);
    }
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let body = body_for_status(status, &request_id);
        return replace_body(response, body);
    }
    response
}

fn replace_body(response: Response, body: crate::error::ErrorBody) -> Response {
    let (mut parts, _old) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_ENCODING);
    let fresh = Json(body).into_response();
    let (fresh_parts, fresh_body) = fresh.into_parts();
    if let Some(ct) = fresh_parts.headers.get(header::CONTENT_TYPE) {
        parts.headers.insert(header::CONTENT_TYPE, ct.clone());
    }
    Response::from_parts(parts, Body::new(fresh_body))
}

/// Refuses, with a 422 naming the parameter, a query string carrying text PostgreSQL cannot
/// store (U+0000): the one rule for every route's query parameters, as
/// [`crate::http::json::parse_json`] is for every JSON body.
pub async fn reject_unstorable_query(req: Request, next: Next) -> Response {
    if let Some(query) = req.uri().query() {
        let problems = crate::http::json::unstorable_query(query);
        if !problems.is_empty() {
            return crate::error::AppError::Validation(problems).into_response();
        }
    }
    next.run(req).await
}

/// Records `http_requests_total` and `http_request_duration_seconds` by method, route template
/// and status.
pub async fn record_metrics(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = req.method().as_str().to_owned();
    let response = next.run(req).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}
