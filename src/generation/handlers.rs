//! `/api/v1/generations`: request a resume or cover letter (202, queued), follow it (GET, SSE
//! events), cancel it, list history.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::IntoResponse;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::model::{GenerationList, GenerationView};
use super::options::{CoverLetterRequest, GenerationStatus, GenerationType, ResumeRequest};
use super::pipeline::{GenerationRequest, PipelineInputs};
use super::store::{self, Enqueued, ListFilter, NewGeneration};
use crate::app::AppState;
use crate::db::Timestamp;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::AuthUser;
use crate::http::json::{Validate, body_rejection, parse_json, require_json_content_type};
use crate::http::middleware::X_REQUEST_ID;
use crate::http::pagination::Pagination;
use crate::http::parse_path_id;

/// `Idempotency-Key` request header.
pub static IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");

/// A 202 answer: the generation, with `Location`.
type Accepted = (StatusCode, [(HeaderName, String); 1], Json<GenerationView>);

fn parse_body<T: serde::de::DeserializeOwned + Validate>(
    headers: &HeaderMap,
    body: &Bytes,
) -> AppResult<T> {
    require_json_content_type(headers)?;
    let value: T = parse_json(body)?;
    let problems = value.validate();
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(AppError::Validation(problems))
    }
}

fn idempotency_key(headers: &HeaderMap) -> AppResult<Option<String>> {
    let Some(raw) = headers.get(&IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let key = raw.to_str().map(str::trim).unwrap_or("");
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(AppError::invalid_field(
            "Idempotency-Key",
            "must be 1 to 255 visible ASCII characters",
        ));
    }
    Ok(Some(key.to_owned()))
}

/// Hash of what was asked (type, profile, job, options as canonical JSON): a reused
/// idempotency key must come with the same one.
fn request_hash(request: &GenerationRequest, profile_id: Uuid, job_id: Uuid) -> AppResult<String> {
    let options = request.options_json().map_err(anyhow::Error::from)?;
    let mut hasher = Sha256::new();
    hasher.update(request.kind().as_str());
    hasher.update(b"\n");
    hasher.update(profile_id.as_bytes());
    hasher.update(job_id.as_bytes());
    hasher.update(options.to_string());
    Ok(hex::encode(hasher.finalize()))
}

/// Loads what the pipeline needs (404 for a foreign profile or job), freezes it, and enqueues.
async fn enqueue(
    state: &AppState,
    user: &AuthUser,
    headers: &HeaderMap,
    profile_id: Uuid,
    job_id: Uuid,
    request: GenerationRequest,
) -> AppResult<Accepted> {
    let key = idempotency_key(headers)?;
    let profile = crate::profiles::store::load(&state.db, user.id, profile_id).await?;
    let job = crate::jobs::store::load_visible(&state.db, user.id, job_id).await?;
    let style = crate::samples::style(&state.db, user.id).await?;
    let style = (style.sample_count > 0).then_some(style);
    let today = Timestamp::now().to_datetime();
    let inputs = PipelineInputs {
        profile: profile.content,
        job: job.posting(),
        style,
        today: (today.year(), u8::from(today.month()), today.day()),
    };
    let kind = request.kind();
    let new = NewGeneration {
        user_id: user.id,
        profile_id,
        job_id,
        request_hash: request_hash(&request, profile_id, job_id)?,
        request,
        inputs: serde_json::to_string(&inputs).map_err(anyhow::Error::from)?,
        idempotency_key: key,
        request_id: headers
            .get(&X_REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    let id = match store::enqueue(&state.db, new, state.config.generations_per_hour).await? {
        Enqueued::Created(id) => {
            state.queue.wake.notify_one();
            metrics::counter!("jobwise_generations_requested_total", "type" => kind.as_str())
                .increment(1);
            id
        }
        Enqueued::Replayed(id) => id,
    };
    let view = store::load_view(&state.db, user.id, id).await?;
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, format!("/api/v1/generations/{id}"))],
        Json(view),
    ))
}

/// Queue a tailored resume (and optionally its cover letter) for a job. Answers 202 at once
/// with the generation; follow it with GET or the events stream. Honours `Idempotency-Key`;
/// at most 10 generations per hour per user (configurable).
#[utoipa::path(post, path = "/resume", tag = "generations", request_body = ResumeRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays within 24 h return the same generation")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 202, description = "Queued", body = GenerationView,
        headers(("Location" = String, description = "The generation's URL"))),
        (status = 404, description = "No such profile of yours, or no such job you can see", body = crate::error::ErrorBody)))]
pub async fn create_resume(
    State(state): State<AppState>,
    user: AuthUser,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> AppResult<Accepted> {
    let body = body.map_err(body_rejection)?;
    let mut request: ResumeRequest = parse_body(&headers, &body)?;
    // Stored (and shown) options carry the defaults they ran with.
    request.options.template = Some(request.options.template());
    enqueue(
        &state,
        &user,
        &headers,
        request.profile_id,
        request.job_id,
        GenerationRequest::Resume(request.options),
    )
    .await
}

/// Queue a tailored cover letter for a job (202, as for resumes).
#[utoipa::path(post, path = "/cover-letter", tag = "generations", request_body = CoverLetterRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays within 24 h return the same generation")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 202, description = "Queued", body = GenerationView,
        headers(("Location" = String, description = "The generation's URL"))),
        (status = 404, description = "No such profile of yours, or no such job you can see", body = crate::error::ErrorBody)))]
pub async fn create_cover_letter(
    State(state): State<AppState>,
    user: AuthUser,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> AppResult<Accepted> {
    let body = body.map_err(body_rejection)?;
    let mut request: CoverLetterRequest = parse_body(&headers, &body)?;
    // Stored (and shown) options carry the defaults they ran with.
    request.options.template = Some(request.options.template());
    enqueue(
        &state,
        &user,
        &headers,
        request.profile_id,
        request.job_id,
        GenerationRequest::CoverLetter(request.options),
    )
    .await
}

/// One generation: status, progress, engine, tokens and, when completed, the documents.
#[utoipa::path(get, path = "/{id}", tag = "generations",
    params(("id" = Uuid, Path, description = "Generation id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The generation", body = GenerationView)))]
pub async fn get_generation(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<GenerationView>> {
    let id = parse_path_id(&id, "generation")?;
    Ok(Json(store::load_view(&state.db, user.id, id).await?))
}

/// Progress as Server-Sent Events: `stage` (data: the progress object) on each stage change,
/// then one of `completed`, `failed`, `cancelled` (data: the generation) and the stream ends.
/// A late subscriber first receives the current state. Keep-alive comments every 15 s.
#[utoipa::path(get, path = "/{id}/events", tag = "generations",
    params(("id" = Uuid, Path, description = "Generation id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "An event stream", content_type = "text/event-stream", body = String)))]
pub async fn generation_events(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<impl IntoResponse> {
    let id = parse_path_id(&id, "generation")?;
    // Subscribe before reading, so a change between the two is not missed.
    let rx = state.queue.hub.subscribe(id);
    let current = store::load_view(&state.db, user.id, id).await?;
    Ok(super::events::stream(state.db.clone(), rx, current))
}

/// Cancel a pending or running generation (204). A finished one answers 409.
#[utoipa::path(delete, path = "/{id}", tag = "generations",
    params(("id" = Uuid, Path, description = "Generation id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 204, description = "Cancelled")))]
pub async fn cancel_generation(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_path_id(&id, "generation")?;
    store::cancel(&state.db, user.id, id).await?;
    let view = store::load_view(&state.db, user.id, id).await?;
    state.queue.hub.publish(&view);
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's generations, newest first; filters `job_id`, `type`, `status`.
#[utoipa::path(get, path = "", tag = "generations",
    params(Pagination,
        ("job_id" = Option<Uuid>, Query, description = "Only for this job"),
        ("type" = Option<GenerationType>, Query, description = "resume or cover_letter"),
        ("status" = Option<GenerationStatus>, Query, description = "pending, running, completed, failed or cancelled")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Generations", body = GenerationList)))]
pub async fn list_generations(
    State(state): State<AppState>,
    user: AuthUser,
    page: Pagination,
    uri: axum::http::Uri,
) -> AppResult<Json<GenerationList>> {
    let mut filter = ListFilter::default();
    let mut errors = Vec::new();
    for (key, value) in form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "job_id" => match Uuid::parse_str(&value) {
                Ok(id) => filter.job_id = Some(id),
                Err(_) => errors.push(FieldError::new("job_id", "must be a job id")),
            },
            "type" => match GenerationType::parse(&value) {
                Some(kind) => filter.kind = Some(kind),
                None => errors.push(FieldError::new("type", "must be resume or cover_letter")),
            },
            "status" => match GenerationStatus::parse(&value) {
                Some(status) => filter.status = Some(status),
                None => errors.push(FieldError::new(
                    "status",
                    "must be pending, running, completed, failed or cancelled",
                )),
            },
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (generations, total) =
        store::list(&state.db, user.id, &filter, page.limit, page.offset).await?;
    Ok(Json(GenerationList {
        generations,
        pagination: page.page(total),
    }))
}
