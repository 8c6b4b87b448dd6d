//! `/api/v1/documents`: list, get, edit (new version, re-validated), versions, delete, and
//! downloads in every format.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jobwise_render::{Document, Template};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;
use utoipa::ToSchema;
use uuid::Uuid;

use super::files::{self, Format};
use super::model::{Content, DocumentList, DocumentView, PdfInfo, ValidationSummary, provenance};
use crate::app::AppState;
use crate::db::{Timestamp, parse_uuid};
use crate::documents::model::DocumentType;
use crate::error::{AppError, AppResult, FieldError};
use crate::generation::pipeline;
use crate::generation::validate::ValidationReport;
use crate::http::AuthUser;
use crate::http::json::{ValidJson, Validate};
use crate::http::pagination::Pagination;
use crate::http::parse_path_id;

const COLUMNS: &str = "id, user_id, generation_id, document_type, title, version, template, \
    structured, validation, metadata, pdf_size, pdf_pages, created_at, updated_at";

/// A document row.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    /// Id.
    pub id: Uuid,
    /// Generation that wrote it.
    pub generation_id: Option<Uuid>,
    /// resume or cover_letter.
    pub document_type: DocumentType,
    /// Title.
    pub title: String,
    /// Current version.
    pub version: i64,
    /// Template of the stored PDF.
    pub template: Template,
    /// Structured content.
    pub structured: Document,
    /// Validation report.
    pub validation: ValidationReport,
    /// Metadata.
    pub metadata: serde_json::Value,
    /// PDF size and pages.
    pub pdf: Option<PdfInfo>,
    /// Created.
    pub created_at: Timestamp,
    /// Updated.
    pub updated_at: Timestamp,
}

fn from_row(row: &AnyRow) -> anyhow::Result<StoredDocument> {
    let template: String = row.try_get("template")?;
    let size: Option<i64> = row.try_get("pdf_size")?;
    let pages: Option<i64> = row.try_get("pdf_pages")?;
    Ok(StoredDocument {
        id: parse_uuid(&row.try_get::<String, _>("id")?)?,
        generation_id: row
            .try_get::<Option<String>, _>("generation_id")?
            .map(|g| parse_uuid(&g))
            .transpose()?,
        document_type: DocumentType::parse(&row.try_get::<String, _>("document_type")?)
            .ok_or_else(|| anyhow::anyhow!("stored document type"))?,
        title: row.try_get("title")?,
        version: row.try_get("version")?,
        template: template
            .parse()
            .map_err(|e| anyhow::anyhow!("stored template: {e}"))?,
        structured: serde_json::from_str(&row.try_get::<String, _>("structured")?)?,
        validation: serde_json::from_str(&row.try_get::<String, _>("validation")?)?,
        metadata: serde_json::from_str(&row.try_get::<String, _>("metadata")?)?,
        pdf: size.zip(pages).map(|(size_bytes, page_count)| PdfInfo {
            size_bytes,
            page_count,
        }),
        created_at: Timestamp(row.try_get("created_at")?),
        updated_at: Timestamp(row.try_get("updated_at")?),
    })
}

/// One of the user's documents (404 for anyone else's).
pub async fn load(state: &AppState, user_id: Uuid, id: Uuid) -> AppResult<StoredDocument> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM documents WHERE id = $1 AND user_id = $2"
    )))
    .bind(id.to_string())
    .bind(user_id.to_string())
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("document"))?;
    Ok(from_row(&row)?)
}

fn summary(report: &ValidationReport) -> ValidationSummary {
    ValidationSummary {
        ats_score: report.ats_score,
        keyword_coverage: report.keyword_coverage,
        factuality_issues: report.factuality_issues.clone(),
        issues: report.issues.clone(),
    }
}

/// The API view; `full` adds content and provenance.
pub fn view(row: StoredDocument, full: bool) -> DocumentView {
    let (content, prov) = if full {
        (
            Some(Content {
                text: jobwise_render::render_text(&row.structured),
                html: jobwise_render::render_html(&row.structured),
                structured: row.structured.clone(),
            }),
            Some(provenance(&row.structured)),
        )
    } else {
        (None, None)
    };
    DocumentView {
        id: row.id,
        document_type: row.document_type,
        title: row.title,
        version: row.version,
        content,
        provenance: prov,
        validation: summary(&row.validation),
        metadata: row.metadata,
        pdf: row.pdf,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// The caller's documents, newest first; filters `document_type`, `job_id`, `profile_id`,
/// `created_after` (RFC 3339 time or `YYYY-MM-DD`).
#[utoipa::path(get, path = "", tag = "documents",
    params(Pagination,
        ("document_type" = Option<String>, Query, description = "resume or cover_letter"),
        ("job_id" = Option<Uuid>, Query, description = "Only for this job"),
        ("profile_id" = Option<Uuid>, Query, description = "Only from this profile"),
        ("created_after" = Option<String>, Query, description = "RFC 3339 time or YYYY-MM-DD")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Documents", body = DocumentList)))]
pub async fn list_documents(
    State(state): State<AppState>,
    user: AuthUser,
    page: Pagination,
    uri: axum::http::Uri,
) -> AppResult<Json<DocumentList>> {
    let ListFilter {
        mut clauses,
        text_binds,
        after,
    } = list_filter(user.id, uri.query().unwrap_or(""))?;
    if after.is_some() {
        clauses.push(format!("created_at > ${}", text_binds.len() + 1));
    }
    let clause = clauses.join(" AND ");
    let mut count = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM documents WHERE {clause}"
    )));
    for b in &text_binds {
        count = count.bind(b.clone());
    }
    if let Some(ms) = after {
        count = count.bind(ms);
    }
    let total = count.fetch_one(&state.db.pool).await?;
    let n = text_binds.len() + usize::from(after.is_some());
    let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM documents WHERE {clause} \
         ORDER BY created_at DESC, id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    )));
    for b in &text_binds {
        query = query.bind(b.clone());
    }
    if let Some(ms) = after {
        query = query.bind(ms);
    }
    let rows = query
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(&state.db.pool)
        .await?;
    let documents = rows
        .iter()
        .map(|r| from_row(r).map(|row| view(row, false)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Json(DocumentList {
        documents,
        pagination: page.page(total),
    }))
}

/// The list's filters as SQL clauses over `documents` and their binds (the text ones, then
/// `created_after`).
struct ListFilter {
    clauses: Vec<String>,
    text_binds: Vec<String>,
    after: Option<i64>,
}

/// Reads the list's query string; 422 with every bad filter.
fn list_filter(user_id: Uuid, query: &str) -> AppResult<ListFilter> {
    let mut clauses = vec!["user_id = $1".to_owned()];
    let mut text_binds = vec![user_id.to_string()];
    let mut after: Option<i64> = None;
    let mut errors = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "document_type" if value == "resume" || value == "cover_letter" => {
                text_binds.push(value.into_owned());
                clauses.push(format!("document_type = ${}", text_binds.len()));
            }
            "document_type" => errors.push(FieldError::new(
                "document_type",
                "must be resume or cover_letter",
            )),
            "job_id" | "profile_id" => match Uuid::parse_str(&value) {
                Ok(id) => {
                    text_binds.push(id.to_string());
                    clauses.push(format!("{key} = ${}", text_binds.len()));
                }
                Err(_) => errors.push(FieldError::new(key.as_ref(), "must be an id")),
            },
            "created_after" => match parse_instant(&value) {
                Some(ms) => after = Some(ms),
                None => errors.push(FieldError::new(
                    "created_after",
                    "must be an RFC 3339 time or a YYYY-MM-DD date",
                )),
            },
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(ListFilter {
        clauses,
        text_binds,
        after,
    })
}

fn parse_instant(value: &str) -> Option<i64> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(dt) = time::OffsetDateTime::parse(value, &Rfc3339) {
        return Some(Timestamp::from_datetime(dt).millis());
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(value, &format)
        .ok()
        .map(|d| Timestamp::from_datetime(d.midnight().assume_utc()).millis())
}

/// One document with its content (text, HTML, structure), provenance, validation, metadata.
#[utoipa::path(get, path = "/{id}", tag = "documents",
    params(("id" = Uuid, Path, description = "Document id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The document", body = DocumentView)))]
pub async fn get_document(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<DocumentView>> {
    let id = parse_path_id(&id, "document")?;
    let row = load(&state, user.id, id).await?;
    Ok(Json(view(row, true)))
}

/// `PATCH /documents/{id}` body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentPatch {
    /// The new content.
    pub content: PatchContent,
}

/// The editable part of the content.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchContent {
    /// The whole structured document (same kind as before).
    #[schema(value_type = Object)]
    pub structured: Document,
}

impl Validate for DocumentPatch {
    fn validate(&self) -> Vec<FieldError> {
        match self.content.structured.validate() {
            Ok(()) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| FieldError::new(format!("content.structured.{}", e.path), e.message))
                .collect(),
        }
    }
}

/// Pages a document may have: its generation's length option for a resume, one for a letter.
async fn page_budget(state: &AppState, row: &StoredDocument) -> AppResult<usize> {
    if row.document_type != DocumentType::Resume {
        return Ok(1);
    }
    let Some(generation_id) = row.generation_id else {
        return Ok(1);
    };
    let request = crate::generation::store::request_of(&state.db, generation_id).await?;
    Ok(request.map_or(1, |r| r.max_pages(&row.structured)))
}

/// Re-validates a document against the profile and job its generation used.
async fn revalidate(
    state: &AppState,
    row: &StoredDocument,
    document: &Document,
) -> AppResult<ValidationReport> {
    let Some(generation_id) = row.generation_id else {
        return Ok(row.validation.clone());
    };
    let basis = crate::generation::store::validation_basis(&state.db, generation_id).await?;
    let Some((inputs, analysis, compiled)) = basis else {
        return Ok(row.validation.clone());
    };
    let template = row.template;
    let document = document.clone();
    let report = tokio::task::spawn_blocking(move || {
        pipeline::validate_one(
            &inputs,
            &analysis,
            &compiled,
            template,
            &document,
            jobwise_engine::Taxonomy::shipped(),
        )
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    Ok(report)
}

/// Edit the structured content: a new version (old ones stay readable), validated again and
/// re-rendered. Factuality issues the edit introduces are reported, never blocking.
#[utoipa::path(patch, path = "/{id}", tag = "documents", request_body = DocumentPatch,
    params(("id" = Uuid, Path, description = "Document id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The new version", body = DocumentView)))]
pub async fn patch_document(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    ValidJson(patch): ValidJson<DocumentPatch>,
) -> AppResult<Json<DocumentView>> {
    let id = parse_path_id(&id, "document")?;
    let row = load(&state, user.id, id).await?;
    let document = patch.content.structured;
    if DocumentType::of(&document) != row.document_type {
        return Err(AppError::invalid_field(
            "content.structured.kind",
            format!(
                "must be {} (a document keeps its type)",
                row.document_type.as_str()
            ),
        ));
    }
    let mut report = revalidate(&state, &row, &document).await?;
    let version = row.version + 1;
    let key = files::key(id, version, row.template, Format::Pdf);
    let renderer = state.renderer.clone();
    let (doc, template) = (document.clone(), row.template);
    let pdf = tokio::task::spawn_blocking(move || {
        renderer
            .get()
            .render_pdf(&doc, template, jobwise_render::PaperSize::A4)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .map_err(anyhow::Error::from)?;
    report.set_page_fit(pdf.page_count <= page_budget(&state, &row).await?);
    state.storage.put(&key, pdf.bytes.clone()).await?;
    let structured = serde_json::to_string(&document).map_err(anyhow::Error::from)?;
    let validation = serde_json::to_string(&report).map_err(anyhow::Error::from)?;
    let now = Timestamp::now().millis();
    let mut tx = state.db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE documents SET version = $3, structured = $4, validation = $5, pdf_key = $6, \
         pdf_size = $7, pdf_pages = $8, updated_at = $9 \
         WHERE id = $1 AND user_id = $2 AND version = $10",
    )
    .bind(id.to_string())
    .bind(user.id.to_string())
    .bind(version)
    .bind(&structured)
    .bind(&validation)
    .bind(&key)
    .bind(pdf.bytes.len() as i64)
    .bind(pdf.page_count as i64)
    .bind(now)
    .bind(row.version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        tx.rollback().await?;
        return Err(AppError::Conflict(
            "The document was edited at the same time; reload it and try again.".into(),
        ));
    }
    sqlx::query(
        "INSERT INTO document_versions (document_id, version, structured, validation, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.to_string())
    .bind(version)
    .bind(&structured)
    .bind(&validation)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Json(view(load(&state, user.id, id).await?, true)))
}

/// One version of a document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentVersion {
    /// Version number.
    pub version: i64,
    /// The structured content of that version.
    #[schema(value_type = Object)]
    pub structured: Document,
    /// Its validation.
    pub validation: ValidationSummary,
    /// When it was written.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

/// The versions of a document, newest first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentVersionList {
    /// Newest first.
    pub versions: Vec<DocumentVersion>,
    /// Paging.
    pub pagination: crate::http::pagination::Page,
}

/// Every version of a document (1 is what the pipeline wrote), newest first.
#[utoipa::path(get, path = "/{id}/versions", tag = "documents",
    params(("id" = Uuid, Path, description = "Document id"), Pagination),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Versions", body = DocumentVersionList)))]
pub async fn list_versions(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    page: Pagination,
) -> AppResult<Json<DocumentVersionList>> {
    let id = parse_path_id(&id, "document")?;
    let row = load(&state, user.id, id).await?;
    let rows = sqlx::query(
        "SELECT version, structured, validation, created_at FROM document_versions \
         WHERE document_id = $1 ORDER BY version DESC LIMIT $2 OFFSET $3",
    )
    .bind(id.to_string())
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&state.db.pool)
    .await?;
    let versions = rows
        .iter()
        .map(|r| -> anyhow::Result<DocumentVersion> {
            let report: ValidationReport =
                serde_json::from_str(&r.try_get::<String, _>("validation")?)?;
            Ok(DocumentVersion {
                version: r.try_get("version")?,
                structured: serde_json::from_str(&r.try_get::<String, _>("structured")?)?,
                validation: summary(&report),
                created_at: Timestamp(r.try_get("created_at")?),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Json(DocumentVersionList {
        versions,
        pagination: page.page(row.version),
    }))
}

/// Delete a document, its versions, its stored files and its share links.
#[utoipa::path(delete, path = "/{id}", tag = "documents",
    params(("id" = Uuid, Path, description = "Document id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 204, description = "Deleted")))]
pub async fn delete_document(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_path_id(&id, "document")?;
    let mut tx = state.db.begin_write().await?;
    sqlx::query("DELETE FROM document_shares WHERE document_id = $1 AND user_id = $2")
        .bind(id.to_string())
        .bind(user.id.to_string())
        .execute(&mut *tx)
        .await?;
    let deleted = sqlx::query("DELETE FROM documents WHERE id = $1 AND user_id = $2")
        .bind(id.to_string())
        .bind(user.id.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if deleted == 0 {
        tx.rollback().await?;
        return Err(AppError::not_found("document"));
    }
    tx.commit().await?;
    // After the commit: a failure here leaves unreachable files, never a row without files.
    if let Err(err) = state.storage.delete_prefix(&files::prefix(id)).await {
        tracing::warn!(document = %id, error = %err, "deleting stored files failed");
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The download of a document version: bytes, headers, ETag.
pub struct Download {
    /// File bytes.
    pub bytes: Vec<u8>,
    /// Format.
    pub format: Format,
    /// ASCII and Unicode file names.
    pub names: (String, String),
    /// Strong validator of this exact file.
    pub etag: String,
}

/// Gets (or renders once and stores) a document file.
pub async fn download_file(
    state: &AppState,
    row: &StoredDocument,
    format: Format,
    template: Option<Template>,
) -> AppResult<Download> {
    let template = template.unwrap_or(row.template);
    let key = files::key(row.id, row.version, template, format);
    let bytes = files::get_or_render(state, &key, &row.structured, template, format).await?;
    let company = row.metadata["company"].as_str();
    let names = files::file_name(row.structured.author(), row.document_type, company, format);
    let etag = format!(
        "\"{}-v{}-{}-{}\"",
        row.id.simple(),
        row.version,
        if format == Format::Pdf {
            template.as_str()
        } else {
            "default"
        },
        format.as_str()
    );
    Ok(Download {
        bytes,
        format,
        names,
        etag,
    })
}

/// The HTTP response of a download (304 when `If-None-Match` matches).
pub fn file_response(download: Download, headers: &HeaderMap) -> Response {
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == download.etag || t.trim() == "*")
        });
    let etag = HeaderValue::from_str(&download.etag).expect("ETag is ASCII");
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let disposition = files::content_disposition(&download.names.0, &download.names.1);
    let mut response = Response::new(Body::from(download.bytes));
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(download.format.content_type()),
    );
    h.insert(header::ETAG, etag);
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

fn query_param(uri: &axum::http::Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The file: `?format=pdf|docx|html|md|txt` (default pdf) and, for PDFs, `?template=` (default
/// the document's). Rendered once per version, template and format, then served from storage;
/// `If-None-Match` answers 304.
#[utoipa::path(get, path = "/{id}/download", tag = "documents",
    params(("id" = Uuid, Path, description = "Document id"),
        ("format" = Option<String>, Query, description = "pdf (default), docx, html, md or txt"),
        ("template" = Option<String>, Query, description = "PDF template (default: the document's)")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The file", content_type = "application/pdf", body = Vec<u8>),
        (status = 304, description = "Not modified")))]
pub async fn download_document(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> AppResult<Response> {
    let id = parse_path_id(&id, "document")?;
    let format = Format::from_query(query_param(&uri, "format").as_deref())?;
    let template = match query_param(&uri, "template") {
        None => None,
        Some(t) => Some(t.parse::<Template>().map_err(|_| {
            AppError::invalid_field(
                "template",
                "must be ats_optimized, modern, classic, minimal or creative",
            )
        })?),
    };
    let row = load(&state, user.id, id).await?;
    let download = download_file(&state, &row, format, template).await?;
    Ok(file_response(download, &headers))
}
