//! Writing samples (`/api/v1/samples`) and the writing-style profile learned from them
//! (`/api/v1/style`). Samples are past resumes or cover letters, uploaded as a file (multipart
//! `.txt`, `.md`, `.docx`, `.pdf` ≤ 1 MiB; text is really extracted) or sent as JSON text.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use jobwise_extract::{Cancel, CancelOnDrop, SampleFormat, extract_text_with};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::{Timestamp, parse_uuid};
use crate::error::{AppError, AppResult, ErrorBody, FieldError};
use crate::http::json::parse_json;
use crate::http::parse_path_id;
use crate::http::{AuthUser, Page, Pagination};

/// Largest accepted sample file.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Longest stored sample text (characters).
const MAX_TEXT_CHARS: usize = 1024 * 1024;

/// Routes under `/api/v1/samples`, plus `/api/v1/style`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_samples, create_sample))
        .routes(routes!(get_sample, delete_sample))
        // Room for a 1 MiB file plus the multipart envelope.
        .route_layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 64 * 1024))
}

/// Routes at `/api/v1/style`.
pub fn style_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_style))
}

pub use crate::documents::model::DocumentType;

/// A stored sample.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Sample {
    /// Sample id.
    pub id: Uuid,
    /// Resume or cover letter.
    pub document_type: DocumentType,
    /// Uploaded file name (null for JSON text).
    pub filename: Option<String>,
    /// `txt`, `md`, `docx`, `pdf` or `json`.
    pub source_format: String,
    /// Size of what was uploaded.
    pub size_bytes: i64,
    /// Words in the extracted text.
    pub word_count: i64,
    /// The extracted text (in lists: the first 280 characters).
    pub text: String,
    /// Upload time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

/// A page of samples.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SampleList {
    /// Samples, newest first (text shortened).
    pub samples: Vec<Sample>,
    /// Paging.
    pub pagination: Page,
}

/// JSON body of `POST /samples`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct TextSample {
    /// Resume or cover letter.
    pub document_type: DocumentType,
    /// The text, 1 to 1,048,576 characters.
    pub text: String,
}

/// The writing-style profile (the engine's type; the API serves it as is).
pub use jobwise_engine::StyleProfile;

fn from_row(row: &sqlx::any::AnyRow) -> AppResult<Sample> {
    Ok(Sample {
        id: parse_uuid(row.try_get("id")?)?,
        document_type: DocumentType::parse(&row.try_get::<String, _>("document_type")?)
            .unwrap_or(DocumentType::Resume),
        filename: row.try_get("filename")?,
        source_format: row.try_get("source_format")?,
        size_bytes: row.try_get("size_bytes")?,
        word_count: row.try_get("word_count")?,
        text: row.try_get("text")?,
        created_at: Timestamp(row.try_get("created_at")?),
    })
}

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(280) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

struct Upload {
    document_type: DocumentType,
    filename: Option<String>,
    source_format: &'static str,
    size_bytes: usize,
    text: String,
}

fn format_name(format: SampleFormat) -> &'static str {
    match format {
        SampleFormat::Text => "txt",
        SampleFormat::Markdown => "md",
        SampleFormat::Docx => "docx",
        SampleFormat::Pdf => "pdf",
    }
}

async fn read_multipart(
    mut multipart: Multipart,
    timeout: std::time::Duration,
) -> AppResult<Upload> {
    let too_large = || {
        AppError::PayloadTooLarge(format!(
            "sample files are limited to {} bytes",
            MAX_FILE_BYTES
        ))
    };
    let mut document_type = None;
    let mut file: Option<(String, Bytes)> = None;
    while let Some(field) = multipart.next_field().await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            AppError::BadRequest {
                message: format!("Malformed multipart body: {}.", e.body_text()),
                details: Vec::new(),
            }
        }
    })? {
        match field.name().unwrap_or_default() {
            "document_type" => {
                let value = field
                    .text()
                    .await
                    .map_err(|_| AppError::invalid_field("document_type", "must be text"))?;
                document_type = Some(DocumentType::parse(value.trim()).ok_or_else(|| {
                    AppError::invalid_field("document_type", "must be resume or cover_letter")
                })?);
            }
            "file" => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let bytes = field.bytes().await.map_err(|e| {
                    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        too_large()
                    } else {
                        AppError::invalid_field("file", "could not be read")
                    }
                })?;
                file = Some((name, bytes));
            }
            _ => {}
        }
    }
    let mut errors = Vec::new();
    if document_type.is_none() {
        errors.push(FieldError::new(
            "document_type",
            "is required (resume or cover_letter)",
        ));
    }
    if file.is_none() {
        errors.push(FieldError::new("file", "is required"));
    }
    let (Some(document_type), Some((name, bytes))) = (document_type, file) else {
        return Err(AppError::Validation(errors));
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    if name.contains('\0') {
        return Err(AppError::invalid_field(
            "file",
            format!("file name {}", crate::http::json::NUL_MESSAGE),
        ));
    }
    let format = SampleFormat::from_file_name(&name).ok_or_else(|| {
        AppError::UnsupportedMediaType("sample files must be .txt, .md, .docx or .pdf".into())
    })?;
    let size_bytes = bytes.len();
    // The extraction stops at the request's deadline, or as soon as the request is dropped;
    // it runs in the request's span, so library log lines carry the request id.
    let cancel = Cancel::with_deadline(std::time::Instant::now() + timeout);
    let _guard = CancelOnDrop(cancel.clone());
    let span = tracing::Span::current();
    let text = tokio::task::spawn_blocking(move || {
        span.in_scope(|| extract_text_with(format, &bytes, &cancel))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))??;
    Ok(Upload {
        document_type,
        filename: Some(name),
        source_format: format_name(format),
        size_bytes,
        text,
    })
}

/// Upload a writing sample: multipart (`file` + `document_type`) or JSON
/// `{document_type, text}`.
#[utoipa::path(post, path = "", tag = "samples",
    request_body(content(
        (TextSample = "application/json"),
        (Object = "multipart/form-data", example = json!({"document_type": "cover_letter", "file": "(binary .txt/.md/.docx/.pdf, at most 1 MiB)"}))
    )),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 201, description = "Stored with its extracted text", body = Sample,
            headers(("Location" = String, description = "URL of the sample"))),
        (status = 413, description = "File over 1 MiB", body = ErrorBody),
        (status = 415, description = "Not .txt, .md, .docx or .pdf (or not multipart/JSON)", body = ErrorBody)))]
pub async fn create_sample(
    State(state): State<AppState>,
    user: AuthUser,
    request: Request,
) -> AppResult<impl IntoResponse> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let upload = if content_type.starts_with("multipart/form-data") {
        let multipart = Multipart::from_request(request, &state)
            .await
            .map_err(|e| AppError::BadRequest {
                message: format!("Malformed multipart body: {}.", e.body_text()),
                details: Vec::new(),
            })?;
        read_multipart(multipart, state.config.request_timeout).await?
    } else if content_type.starts_with("application/json") {
        let bytes = Bytes::from_request(request, &state)
            .await
            .map_err(crate::http::json::body_rejection)?;
        let body: TextSample = parse_json(&bytes)?;
        let text = jobwise_extract::normalize(&body.text);
        if text.is_empty() {
            return Err(AppError::invalid_field("text", "must not be empty"));
        }
        Upload {
            document_type: body.document_type,
            filename: None,
            source_format: "json",
            size_bytes: body.text.len(),
            text,
        }
    } else {
        return Err(AppError::UnsupportedMediaType(
            "send multipart/form-data (file + document_type) or application/json ({document_type, text})".into(),
        ));
    };
    if upload.text.chars().count() > MAX_TEXT_CHARS {
        return Err(AppError::invalid_field(
            "text",
            format!("the text is longer than {MAX_TEXT_CHARS} characters"),
        ));
    }
    let id = Uuid::now_v7();
    let now = Timestamp::now();
    sqlx::query(
        "INSERT INTO writing_samples (id, user_id, document_type, filename, source_format, size_bytes, word_count, text, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id.to_string())
    .bind(user.id.to_string())
    .bind(upload.document_type.as_str())
    .bind(&upload.filename)
    .bind(upload.source_format)
    .bind(upload.size_bytes as i64)
    .bind(upload.text.split_whitespace().count() as i64)
    .bind(&upload.text)
    .bind(now.millis())
    .execute(&state.db.pool)
    .await?;
    let sample = load(&state, user.id, id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/samples/{id}"))],
        Json(sample),
    ))
}

async fn load(state: &AppState, user_id: Uuid, id: Uuid) -> AppResult<Sample> {
    let row = sqlx::query(
        "SELECT id, document_type, filename, source_format, size_bytes, word_count, text, created_at \
         FROM writing_samples WHERE id = $1 AND user_id = $2",
    )
    .bind(id.to_string())
    .bind(user_id.to_string())
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("sample"))?;
    from_row(&row)
}

/// List the caller's samples (text shortened to 280 characters).
#[utoipa::path(get, path = "", tag = "samples", params(Pagination),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Samples, newest first", body = SampleList)))]
pub async fn list_samples(
    State(state): State<AppState>,
    user: AuthUser,
    page: Pagination,
) -> AppResult<Json<SampleList>> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM writing_samples WHERE user_id = $1")
        .bind(user.id.to_string())
        .fetch_one(&state.db.pool)
        .await?;
    let rows = sqlx::query(
        "SELECT id, document_type, filename, source_format, size_bytes, word_count, text, created_at \
         FROM writing_samples WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(user.id.to_string())
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&state.db.pool)
    .await?;
    let samples = rows
        .iter()
        .map(|r| {
            from_row(r).map(|mut s| {
                s.text = excerpt(&s.text);
                s
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(Json(SampleList {
        samples,
        pagination: page.page(total),
    }))
}

/// One sample with its full text.
#[utoipa::path(get, path = "/{id}", tag = "samples", params(("id" = Uuid, Path, description = "Sample id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The sample", body = Sample)))]
pub async fn get_sample(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<Sample>> {
    let id = parse_path_id(&id, "sample")?;
    Ok(Json(load(&state, user.id, id).await?))
}

/// Delete a sample.
#[utoipa::path(delete, path = "/{id}", tag = "samples", params(("id" = Uuid, Path, description = "Sample id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_sample(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_path_id(&id, "sample")?;
    crate::db::delete_owned(&state.db, "writing_samples", id, user.id, "sample").await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The writing-style profile learned from the caller's samples (deterministic; each measure
/// explains how it was computed). With no samples: `sample_count: 0` and null measures.
#[utoipa::path(get, path = "", tag = "samples",
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Style profile", body = StyleProfile)))]
pub async fn get_style(
    State(state): State<AppState>,
    user: AuthUser,
) -> AppResult<Json<StyleProfile>> {
    Ok(Json(style(&state.db, user.id).await?))
}

/// The writing style learned from a user's samples (`sample_count: 0` and no measures when
/// there are none). The one way other features read the samples table.
pub async fn style(db: &crate::db::Db, user_id: Uuid) -> AppResult<StyleProfile> {
    let texts: Vec<String> = sqlx::query_scalar(
        "SELECT text FROM writing_samples WHERE user_id = $1 ORDER BY created_at, id",
    )
    .bind(user_id.to_string())
    .fetch_all(&db.pool)
    .await?;
    tokio::task::spawn_blocking(move || {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        jobwise_engine::analyze_style(&refs)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}
