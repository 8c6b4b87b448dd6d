//! Saved jobs (`/api/v1/saved-jobs`): application tracking. A saved job embeds the job, has one
//! of eight statuses with a history of changes, notes and an applied date.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::{Db, Timestamp, is_unique_violation, parse_uuid};
use crate::error::{AppError, AppResult, ErrorBody, FieldError};
use crate::http::json::{apply_merge_patch, parse_json, require_json_content_type, rules};
use crate::http::parse_path_id;
use crate::http::{AuthUser, Page, Pagination};
use crate::jobs::model::Job;
use crate::jobs::store as jobs;

/// Routes under `/api/v1/saved-jobs`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_saved_jobs, create_saved_job))
        .routes(routes!(
            get_saved_job,
            put_saved_job,
            patch_saved_job,
            delete_saved_job
        ))
}

text_enum!(
    /// Where an application stands.
    Status {
        /// Saved for later (the default).
        Interested = "interested",
        /// Preparing documents.
        Preparing = "preparing",
        /// Applied.
        Applied = "applied",
        /// Interviewing.
        Interviewing = "interviewing",
        /// Offer received.
        Offered = "offered",
        /// Offer accepted.
        Accepted = "accepted",
        /// Rejected.
        Rejected = "rejected",
        /// Withdrawn.
        Withdrawn = "withdrawn",
    }
);

/// One status change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatusChange {
    /// The new status.
    pub status: Status,
    /// When.
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
}

/// A saved job.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SavedJob {
    /// Saved-job id.
    pub id: Uuid,
    /// The job itself.
    pub job: Job,
    /// Current status.
    pub status: Status,
    /// Notes, ≤ 2000.
    pub notes: Option<String>,
    /// `YYYY-MM-DD`; set to today when the status becomes `applied` without one.
    pub applied_date: Option<String>,
    /// Status changes, oldest first.
    pub status_history: Vec<StatusChange>,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Last change.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

/// `POST /saved-jobs` body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CreateSavedJob {
    /// The job to save (catalog or one of yours).
    pub job_id: Uuid,
    /// Initial status (default `interested`).
    #[serde(default)]
    pub status: Option<Status>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Applied date.
    #[serde(default)]
    pub applied_date: Option<String>,
}

/// The editable fields (PUT body; PATCH merges into them).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SavedJobUpdate {
    /// Status.
    pub status: Status,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// Applied date.
    #[serde(default)]
    pub applied_date: Option<String>,
}

/// A page of saved jobs.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SavedJobList {
    /// Saved jobs, newest first.
    pub saved_jobs: Vec<SavedJob>,
    /// Paging.
    pub pagination: Page,
    /// Count per status over all the caller's saved jobs (every status present).
    pub status_counts: BTreeMap<Status, i64>,
}

fn check_fields(notes: &Option<String>, applied_date: &Option<String>) -> AppResult<()> {
    let mut errors = Vec::new();
    if let Some(n) = notes {
        rules::max_len(&mut errors, "notes", n, 2000);
    }
    if let Some(d) = applied_date
        && time::Date::parse(
            d,
            &time::macros::format_description!("[year]-[month]-[day]"),
        )
        .is_err()
    {
        errors.push(FieldError::new("applied_date", "must be a date YYYY-MM-DD"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

fn today() -> String {
    let d = Timestamp::now().to_datetime().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

async fn load(db: &Db, user_id: Uuid, id: Uuid) -> AppResult<SavedJob> {
    let row = sqlx::query(
        "SELECT id, job_id, status, notes, applied_date, status_history, created_at, updated_at \
         FROM saved_jobs WHERE id = $1 AND user_id = $2",
    )
    .bind(id.to_string())
    .bind(user_id.to_string())
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("saved job"))?;
    let job_id = parse_uuid(row.try_get("job_id")?)?;
    let job = jobs::load_visible(db, user_id, job_id).await?;
    from_row(&row, job)
}

fn from_row(row: &sqlx::any::AnyRow, job: Job) -> AppResult<SavedJob> {
    Ok(SavedJob {
        id: parse_uuid(row.try_get("id")?)?,
        job,
        status: Status::parse(&row.try_get::<String, _>("status")?).unwrap_or(Status::Interested),
        notes: row.try_get("notes")?,
        applied_date: row.try_get("applied_date")?,
        status_history: serde_json::from_str(&row.try_get::<String, _>("status_history")?)
            .map_err(anyhow::Error::from)?,
        created_at: Timestamp(row.try_get("created_at")?),
        updated_at: Timestamp(row.try_get("updated_at")?),
    })
}

/// List saved jobs (optionally one status) with counts per status.
#[utoipa::path(get, path = "", tag = "saved-jobs",
    params(("status" = Option<Status>, Query, description = "Only this status"), Pagination),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Saved jobs and status counts", body = SavedJobList)))]
pub async fn list_saved_jobs(
    State(state): State<AppState>,
    user: AuthUser,
    uri: axum::http::Uri,
) -> AppResult<Json<SavedJobList>> {
    let raw = uri.query().unwrap_or("");
    let page = Pagination::from_query(raw)?;
    let mut status = None;
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        if key == "status" {
            status = Some(Status::parse(&value).ok_or_else(|| {
                AppError::invalid_field("status", "must be one of interested, preparing, applied, interviewing, offered, accepted, rejected, withdrawn")
            })?);
        }
    }
    let uid = user.id.to_string();
    let mut status_counts: BTreeMap<Status, i64> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    let counts = sqlx::query(
        "SELECT status, COUNT(*) AS n FROM saved_jobs WHERE user_id = $1 GROUP BY status",
    )
    .bind(&uid)
    .fetch_all(&state.db.pool)
    .await?;
    for row in counts {
        if let Some(s) = Status::parse(&row.try_get::<String, _>("status")?) {
            status_counts.insert(s, row.try_get("n")?);
        }
    }
    let filter = status.map(Status::as_str);
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM saved_jobs WHERE user_id = $1 AND ($2 IS NULL OR status = $2)",
    )
    .bind(&uid)
    .bind(filter)
    .fetch_one(&state.db.pool)
    .await?;
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT saved_jobs.id, saved_jobs.status, saved_jobs.notes, saved_jobs.applied_date, saved_jobs.status_history, \
         saved_jobs.created_at AS saved_created_at, saved_jobs.updated_at AS saved_updated_at, {} \
         FROM saved_jobs JOIN jobs ON jobs.id = saved_jobs.job_id \
         WHERE saved_jobs.user_id = $1 AND ($2 IS NULL OR saved_jobs.status = $2) \
         ORDER BY saved_jobs.created_at DESC, saved_jobs.id DESC LIMIT $3 OFFSET $4",
        jobs::COLUMNS.replace("jobs.id,", "jobs.id AS job_row_id,")
    )))
    .bind(&uid)
    .bind(filter)
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&state.db.pool)
    .await?;
    let saved_jobs = rows
        .iter()
        .map(|row| -> AppResult<SavedJob> {
            let job = jobs::from_row_with_id(row, "job_row_id")?;
            Ok(SavedJob {
                id: parse_uuid(row.try_get("id")?)?,
                job,
                status: Status::parse(&row.try_get::<String, _>("status")?)
                    .unwrap_or(Status::Interested),
                notes: row.try_get("notes")?,
                applied_date: row.try_get("applied_date")?,
                status_history: serde_json::from_str(&row.try_get::<String, _>("status_history")?)
                    .map_err(anyhow::Error::from)?,
                created_at: Timestamp(row.try_get("saved_created_at")?),
                updated_at: Timestamp(row.try_get("saved_updated_at")?),
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(Json(SavedJobList {
        saved_jobs,
        pagination: page.page(total),
        status_counts,
    }))
}

/// Save a job.
#[utoipa::path(post, path = "", tag = "saved-jobs", request_body = CreateSavedJob,
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 201, description = "Saved", body = SavedJob,
            headers(("Location" = String, description = "URL of the saved job"))),
        (status = 404, description = "No such job you can see", body = ErrorBody),
        (status = 409, description = "Already saved", body = ErrorBody)))]
pub async fn create_saved_job(
    State(state): State<AppState>,
    user: AuthUser,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<impl IntoResponse> {
    require_json_content_type(&headers)?;
    let body: CreateSavedJob = parse_json(&body)?;
    check_fields(&body.notes, &body.applied_date)?;
    jobs::load_visible(&state.db, user.id, body.job_id).await?;
    let status = body.status.unwrap_or(Status::Interested);
    let now = Timestamp::now();
    let applied_date = body
        .applied_date
        .or_else(|| (status == Status::Applied).then(today));
    let history = vec![StatusChange { status, at: now }];
    let id = Uuid::now_v7();
    let inserted = sqlx::query(
        "INSERT INTO saved_jobs (id, user_id, job_id, status, notes, applied_date, status_history, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(id.to_string())
    .bind(user.id.to_string())
    .bind(body.job_id.to_string())
    .bind(status.as_str())
    .bind(body.notes.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()))
    .bind(applied_date)
    .bind(serde_json::to_string(&history).map_err(anyhow::Error::from)?)
    .bind(now.millis())
    .execute(&state.db.pool)
    .await;
    match inserted {
        Err(err) if is_unique_violation(&err) => {
            return Err(AppError::Conflict("this job is already saved".into()));
        }
        other => other?,
    };
    let saved = load(&state.db, user.id, id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/saved-jobs/{id}"))],
        Json(saved),
    ))
}

/// One saved job.
#[utoipa::path(get, path = "/{id}", tag = "saved-jobs", params(("id" = Uuid, Path, description = "Saved-job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The saved job", body = SavedJob)))]
pub async fn get_saved_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<SavedJob>> {
    let id = parse_path_id(&id, "saved job")?;
    Ok(Json(load(&state.db, user.id, id).await?))
}

async fn apply_update(
    state: &AppState,
    user: AuthUser,
    current: SavedJob,
    update: SavedJobUpdate,
) -> AppResult<SavedJob> {
    check_fields(&update.notes, &update.applied_date)?;
    let now = Timestamp::now();
    let mut history = current.status_history.clone();
    if update.status != current.status {
        history.push(StatusChange {
            status: update.status,
            at: now,
        });
    }
    let applied_date = match (&update.applied_date, update.status) {
        (Some(d), _) => Some(d.clone()),
        (None, Status::Applied) if current.status != Status::Applied => Some(today()),
        (None, _) => None,
    };
    sqlx::query(
        "UPDATE saved_jobs SET status = $1, notes = $2, applied_date = $3, status_history = $4, updated_at = $5 \
         WHERE id = $6 AND user_id = $7",
    )
    .bind(update.status.as_str())
    .bind(update.notes.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()))
    .bind(applied_date)
    .bind(serde_json::to_string(&history).map_err(anyhow::Error::from)?)
    .bind(now.millis())
    .bind(current.id.to_string())
    .bind(user.id.to_string())
    .execute(&state.db.pool)
    .await?;
    load(&state.db, user.id, current.id).await
}

/// Replace status, notes and applied date.
#[utoipa::path(put, path = "/{id}", tag = "saved-jobs", request_body = SavedJobUpdate,
    params(("id" = Uuid, Path, description = "Saved-job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Updated", body = SavedJob)))]
pub async fn put_saved_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<SavedJob>> {
    require_json_content_type(&headers)?;
    let id = parse_path_id(&id, "saved job")?;
    let current = load(&state.db, user.id, id).await?;
    let update: SavedJobUpdate = parse_json(&body)?;
    Ok(Json(apply_update(&state, user, current, update).await?))
}

/// Merge status, notes or applied date (RFC 7396).
#[utoipa::path(patch, path = "/{id}", tag = "saved-jobs",
    request_body(content = Object, content_type = "application/merge-patch+json", example = json!({"status": "applied"})),
    params(("id" = Uuid, Path, description = "Saved-job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Updated", body = SavedJob)))]
pub async fn patch_saved_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<SavedJob>> {
    require_json_content_type(&headers)?;
    let id = parse_path_id(&id, "saved job")?;
    let current = load(&state.db, user.id, id).await?;
    let editable = SavedJobUpdate {
        status: current.status,
        notes: current.notes.clone(),
        applied_date: current.applied_date.clone(),
    };
    let update = apply_merge_patch(&editable, &body, &[])?;
    Ok(Json(apply_update(&state, user, current, update).await?))
}

/// Remove a saved job.
#[utoipa::path(delete, path = "/{id}", tag = "saved-jobs", params(("id" = Uuid, Path, description = "Saved-job id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 204, description = "Removed")))]
pub async fn delete_saved_job(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_path_id(&id, "saved job")?;
    crate::db::delete_owned(&state.db, "saved_jobs", id, user.id, "saved job").await?;
    Ok(StatusCode::NO_CONTENT)
}
