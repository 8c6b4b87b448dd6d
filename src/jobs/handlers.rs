//! Job endpoints: search, get, create (structured or pasted text), replace, merge, delete.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde_json::Value;
use uuid::Uuid;

use super::model::{Job, JobInput, JobSource};
use super::search::{JobList, JobQuery, search};
use super::store;
use crate::app::AppState;
use crate::auth::api_keys::parse_path_id;
use crate::db::Timestamp;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::http::json::{apply_merge_patch, parse_json, require_json_content_type};
use crate::http::{AuthUser, Pagination};

/// Longest pasted posting accepted.
const MAX_PASTED_CHARS: usize = 50_000;

fn validated(mut input: JobInput) -> AppResult<JobInput> {
    input.tidy();
    let problems = input.problems();
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(AppError::Validation(problems))
    }
}

/// Reads a create body: `{"text": "<pasted posting>"}` is parsed; anything else is structured.
fn input_from_body(body: &Value) -> AppResult<JobInput> {
    if let Some(text) = body.get("text").filter(|_| body.get("title").is_none()) {
        let Some(text) = text.as_str() else {
            return Err(AppError::invalid_field("text", "must be a string"));
        };
        if text.trim().is_empty() {
            return Err(AppError::invalid_field("text", "must not be empty"));
        }
        if text.chars().count() > MAX_PASTED_CHARS {
            return Err(AppError::invalid_field(
                "text",
                format!("must be at most {MAX_PASTED_CHARS} characters"),
            ));
        }
        let parsed = jobwise_engine::parse_posting(text);
        let mut input = JobInput::from_parsed(parsed).ok_or_else(|| {
            AppError::invalid_field("text", "no job title could be found in the posting")
        })?;
        if input.description.trim().is_empty() {
            input.description = text.trim().to_owned();
        }
        return validated(input);
    }
    let bytes = serde_json::to_vec(body).map_err(anyhow::Error::from)?;
    validated(parse_json::<JobInput>(&bytes)?)
}

/// Search the catalog and the caller's own jobs.
#[utoipa::path(get, path = "", tag = "jobs", params(JobQuery, Pagination),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Ranked results with facets", body = JobList)))]
pub async fn list_jobs(
    State(state): State<AppState>,
    user: AuthUser,
    uri: axum::http::Uri,
) -> AppResult<Json<JobList>> {
    let raw = uri.query().unwrap_or("");
    let page = Pagination::from_query(raw);
    let query = JobQuery::from_query(raw);
    let (page, query) = match (page, query) {
        (Ok(p), Ok(q)) => (p, q),
        (Err(AppError::Validation(mut a)), Err(AppError::Validation(b))) => {
            a.extend(b);
            return Err(AppError::Validation(a));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    Ok(Json(search(&state.db, user.id, query, page).await?))
}

/// One job (a catalog job or one of the caller's).
#[utoipa::path(get, path = "/{id}", tag = "jobs", params(("id" = Uuid, Path, description = "Job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The job", body = Job)))]
pub async fn get_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<Job>> {
    let id = parse_path_id(&id, "job")?;
    Ok(Json(store::load_visible(&state.db, user.id, id).await?))
}

/// Create a job from structured fields, or from `{"text": "<pasted posting>"}` which is parsed
/// into the fields (title, company, location, arrangement, type, level, salary, requirement and
/// preferred lists). Fields the text does not state stay null.
#[utoipa::path(post, path = "", tag = "jobs",
    request_body(content = JobInput, description = "Structured job, or {\"text\": \"…\"}",
        example = json!({"text": "Senior Data Engineer at Lumen Health\nRemote (US)\n$150k–$180k\n\nRequirements:\n- 5+ years of Python and SQL\n\nNice to have:\n- dbt"})),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 201, description = "Created (source user)", body = Job,
        headers(("Location" = String, description = "URL of the job")))))]
pub async fn create_job(
    State(state): State<AppState>,
    user: AuthUser,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<impl IntoResponse> {
    require_json_content_type(&headers)?;
    let value: Value = parse_json(&body)?;
    if !value.is_object() {
        return Err(AppError::invalid_field("body", "must be a JSON object"));
    }
    let input = input_from_body(&value)?;
    let id = Uuid::now_v7();
    store::insert(
        &state.db.pool,
        id,
        Some(user.id),
        JobSource::User,
        &input,
        Timestamp::now(),
    )
    .await?;
    let job = store::load_visible(&state.db, user.id, id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/jobs/{id}"))],
        Json(job),
    ))
}

/// Replace one of the caller's jobs.
#[utoipa::path(put, path = "/{id}", tag = "jobs", request_body = JobInput,
    params(("id" = Uuid, Path, description = "Job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Replaced", body = Job),
        (status = 403, description = "Catalog jobs are read-only", body = ErrorBody)))]
pub async fn put_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<Job>> {
    require_json_content_type(&headers)?;
    let id = parse_path_id(&id, "job")?;
    store::load_editable(&state.db, user.id, id).await?;
    let input = validated(parse_json::<JobInput>(&body)?)?;
    store::replace(&state.db, user.id, id, &input).await?;
    Ok(Json(store::load_visible(&state.db, user.id, id).await?))
}

/// Merge fields into one of the caller's jobs (RFC 7396).
#[utoipa::path(patch, path = "/{id}", tag = "jobs",
    request_body(content = Object, content_type = "application/merge-patch+json", example = json!({"location": "Remote (EU)", "work_arrangement": "remote"})),
    params(("id" = Uuid, Path, description = "Job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Merged", body = Job),
        (status = 403, description = "Catalog jobs are read-only", body = ErrorBody)))]
pub async fn patch_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<Job>> {
    require_json_content_type(&headers)?;
    let id = parse_path_id(&id, "job")?;
    let current = store::load_editable(&state.db, user.id, id).await?;
    let input = validated(apply_merge_patch(&current.input(), &body, &[])?)?;
    store::replace(&state.db, user.id, id, &input).await?;
    Ok(Json(store::load_visible(&state.db, user.id, id).await?))
}

/// Delete one of the caller's jobs (its saved-job entries go too).
#[utoipa::path(delete, path = "/{id}", tag = "jobs", params(("id" = Uuid, Path, description = "Job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 204, description = "Deleted"),
        (status = 403, description = "Catalog jobs are read-only", body = ErrorBody)))]
pub async fn delete_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_path_id(&id, "job")?;
    store::load_editable(&state.db, user.id, id).await?;
    let mut tx = state.db.begin_write().await?;
    sqlx::query("DELETE FROM saved_jobs WHERE job_id = $1")
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM jobs WHERE id = $1 AND owner_id = $2")
        .bind(id.to_string())
        .bind(user.id.to_string())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
