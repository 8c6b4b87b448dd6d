//! Job endpoints: search, get, create (structured or pasted text), replace, merge, delete.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use uuid::Uuid;

use super::fetch::{FetchError, fetch_page};
use super::import::{PageSource, read_job_page};
use super::model::{ALWAYS_ACCEPTED_CHARS, ImportedJob, Job, JobInput, JobSource, ParseWarning};
use super::search::{JobList, JobQuery, search};
use super::store::{self, Provenance};
use crate::app::AppState;
use crate::db::Timestamp;
use crate::error::{AppError, AppResult, ErrorBody, FieldError};
use crate::http::json::{apply_merge_patch, parse_json, require_json_content_type};
use crate::http::parse_path_id;
use crate::http::{AuthUser, Pagination};

/// Longest pasted posting read; a longer paste (a whole page with its menus and footers, up to
/// the body limit) is read up to here, at a line break, with a warning.
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

/// A job from a parsed posting (pasted text or an imported page), never refused when the text
/// is long enough: the parser's guesses and cuts become warnings. Text under
/// [`ALWAYS_ACCEPTED_CHARS`] in which no title was found is a 422 on `field`. An empty
/// description is the whole text. The import route and the corpus test call it too.
pub fn posting_input(
    parsed: jobwise_engine::ParsedPosting,
    text: &str,
    field: &str,
) -> AppResult<(JobInput, Vec<ParseWarning>)> {
    let guessed_title = parsed.warnings.iter().any(|w| w.field == "title");
    let refused = || {
        AppError::invalid_field(
            field,
            format!(
                "no job posting could be read: no title was found (a posting of at least \
                 {ALWAYS_ACCEPTED_CHARS} characters is always accepted)"
            ),
        )
    };
    if guessed_title && text.chars().count() < ALWAYS_ACCEPTED_CHARS {
        return Err(refused());
    }
    let (mut input, mut warnings) = JobInput::from_parsed(parsed).ok_or_else(refused)?;
    if input.description.trim().is_empty() {
        input.description = text.to_owned();
        input.fit_to_limits(&mut warnings);
    }
    Ok((validated(input)?, warnings))
}

/// A job from pasted text, as `POST /jobs {"text"}` makes it: empty text is a 422 on `text`;
/// text over [`MAX_PASTED_CHARS`] is read up to a line break before that, with a warning.
pub fn job_from_text(text: &str) -> AppResult<(JobInput, Vec<ParseWarning>)> {
    if text.trim().is_empty() {
        return Err(AppError::invalid_field("text", "must not be empty"));
    }
    let (text, cut) = match text.char_indices().nth(MAX_PASTED_CHARS) {
        Some((end, _)) => {
            // The last line break in the second half of what is kept, else the limit.
            let head = &text[..end];
            let head = head
                .rfind('\n')
                .filter(|&at| at > end / 2)
                .map_or(head, |at| &head[..at]);
            let warning = ParseWarning::new(
                "text",
                format!(
                    "the pasted text has {} characters; only the first {MAX_PASTED_CHARS} (up \
                     to a line break) were read",
                    text.chars().count()
                ),
            );
            (head, Some(warning))
        }
        None => (text, None),
    };
    let parsed = jobwise_engine::parse_posting(text);
    let (input, mut warnings) = posting_input(parsed, text.trim(), "text")?;
    if let Some(cut) = cut {
        warnings.insert(0, cut);
    }
    Ok((input, warnings))
}

/// Reads a create body: `{"text": "<pasted posting>"}` is parsed; anything else is structured.
fn input_from_body(body: &Value) -> AppResult<(JobInput, Vec<ParseWarning>)> {
    if let Some(text) = body.get("text").filter(|_| body.get("title").is_none()) {
        let Some(text) = text.as_str() else {
            return Err(AppError::invalid_field("text", "must be a string"));
        };
        return job_from_text(text);
    }
    let bytes = serde_json::to_vec(body).map_err(anyhow::Error::from)?;
    Ok((validated(parse_json::<JobInput>(&bytes)?)?, Vec::new()))
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
    let (input, parse_warnings) = input_from_body(&value)?;
    let id = Uuid::now_v7();
    let provenance = Provenance {
        parse_warnings,
        ..Provenance::default()
    };
    store::insert(
        &state.db.pool,
        id,
        Some(user.id),
        JobSource::User,
        &input,
        &provenance,
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
    let current = store::load_editable(&state.db, user.id, id).await?;
    let input = validated(parse_json::<JobInput>(&body)?)?;
    save_edit(&state, user.id, &current, &input).await
}

/// Stores an edit. The parse warnings of the fields it changed are dropped: the user has
/// looked at them.
async fn save_edit(
    state: &AppState,
    owner: Uuid,
    current: &Job,
    input: &JobInput,
) -> AppResult<Json<Job>> {
    store::replace(&state.db, owner, current.id, input).await?;
    if !current.parse_warnings.is_empty() {
        let (before, after) = (
            serde_json::to_value(current.input()).map_err(anyhow::Error::from)?,
            serde_json::to_value(input).map_err(anyhow::Error::from)?,
        );
        let remaining: Vec<ParseWarning> = current
            .parse_warnings
            .iter()
            .filter(|w| before.get(&w.field) == after.get(&w.field))
            .cloned()
            .collect();
        if remaining.len() != current.parse_warnings.len() {
            store::set_parse_warnings(&state.db, owner, current.id, &remaining).await?;
        }
    }
    Ok(Json(
        store::load_visible(&state.db, owner, current.id).await?,
    ))
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
    save_edit(&state, user.id, &current, &input).await
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

/// `POST /jobs/import`: a page's HTML, or a URL to fetch it from.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://careers.example.com/jobs/4411-payroll-officer"}))]
pub struct ImportRequest {
    /// The job page's HTML (up to 5 MiB); give this or `url`.
    #[serde(default)]
    pub html: Option<String>,
    /// The page's address, with `html`: stored so importing it again finds this job.
    #[serde(default)]
    pub source_url: Option<String>,
    /// An http(s) address to fetch the page from; give this or `html`.
    #[serde(default)]
    pub url: Option<String>,
}

/// Largest `POST /jobs/import` body: a 5 MiB page plus JSON escaping.
pub const MAX_IMPORT_BODY_BYTES: usize = 12 * 1024 * 1024;
/// Largest page given as `html`.
const MAX_IMPORT_HTML_BYTES: usize = 5 * 1024 * 1024;

/// The canonical form of a page address: parsed, without its `#fragment`.
fn canonical_url(field: &str, raw: &str) -> AppResult<String> {
    let mut url = reqwest::Url::parse(raw.trim())
        .map_err(|e| AppError::invalid_field(field, format!("must be an http(s) URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(AppError::invalid_field(field, "must be an http(s) URL"));
    }
    url.set_fragment(None);
    Ok(url.to_string())
}

/// Import a job from a page: `{"html": "<page>", "source_url"?: "https://…"}`, or
/// `{"url": "https://…"}` which is fetched (http/https only, public addresses only unless
/// `JOBWISE_FETCH_ALLOW_PRIVATE`, 10 s, 5 MiB, 3 redirects). The page's schema.org
/// `JobPosting` (JSON-LD, then microdata) is read first, then its readable text. The same user
/// importing the same page again gets the existing job (200).
#[utoipa::path(post, path = "/import", tag = "jobs", request_body = ImportRequest,
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 201, description = "Imported", body = ImportedJob,
            headers(("Location" = String, description = "URL of the job"))),
        (status = 200, description = "This page was imported before: the existing job", body = ImportedJob),
        (status = 422, description = "Bad input, a refused URL (private address, not HTML, too large) or no posting on the page", body = ErrorBody),
        (status = 502, description = "The page could not be fetched (`fetch_failed`)", body = ErrorBody)))]
pub async fn import_job(
    State(state): State<AppState>,
    user: AuthUser,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    require_json_content_type(&headers)?;
    let target = ImportTarget::from_request(parse_json(&body)?)?;
    if let Some(url) = &target.source_url
        && let Some(found) = store::find_imported(&state.db, user.id, url).await?
    {
        return Ok(already_imported(found));
    }
    let (field, html) = match target.html {
        Some(html) => ("html", html),
        None => (
            "url",
            fetched(&state, target.source_url.as_deref().unwrap_or_default()).await?,
        ),
    };
    let reading = tokio::task::spawn_blocking(move || read_job_page(&html))
        .await
        .map_err(anyhow::Error::from)?;
    let source = reading.source;
    let (input, parse_warnings) = posting_input(reading.parsed, &reading.text, field)?;
    let id = Uuid::now_v7();
    let provenance = Provenance {
        source_url: target.source_url.clone(),
        import_source: Some(source),
        parse_warnings,
    };
    let written = store::insert(
        &state.db.pool,
        id,
        Some(user.id),
        JobSource::Imported,
        &input,
        &provenance,
        Timestamp::now(),
    )
    .await?;
    if !written
        && let Some(url) = &target.source_url
        && let Some(found) = store::find_imported(&state.db, user.id, url).await?
    {
        // Imported by a concurrent request in the meantime.
        return Ok(already_imported(found));
    }
    let job = store::load_visible(&state.db, user.id, id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/jobs/{id}"))],
        Json(ImportedJob::new(job, source)),
    )
        .into_response())
}

/// What to import: the page's HTML (with its address when known), or an address to fetch.
struct ImportTarget {
    html: Option<String>,
    /// Canonical address: the fetched URL, or the given `source_url`.
    source_url: Option<String>,
}

impl ImportTarget {
    /// Checks the body: exactly one of `html` and `url`; `source_url` only with `html`.
    fn from_request(request: ImportRequest) -> AppResult<Self> {
        match (request.html, request.url) {
            (Some(_), Some(_)) => Err(AppError::invalid_field(
                "url",
                "give either html or url, not both",
            )),
            (None, None) => Err(AppError::Validation(vec![
                FieldError::new("html", "give the page's html, or its url"),
                FieldError::new("url", "give the page's html, or its url"),
            ])),
            (Some(html), None) => {
                if html.trim().is_empty() {
                    return Err(AppError::invalid_field("html", "must not be empty"));
                }
                if html.len() > MAX_IMPORT_HTML_BYTES {
                    return Err(AppError::invalid_field("html", "must be at most 5 MiB"));
                }
                let source_url = request
                    .source_url
                    .as_deref()
                    .map(|u| canonical_url("source_url", u))
                    .transpose()?;
                Ok(ImportTarget {
                    html: Some(html),
                    source_url,
                })
            }
            (None, Some(url)) => {
                if request.source_url.is_some() {
                    return Err(AppError::invalid_field(
                        "source_url",
                        "is only used with html; a fetched page's source is its url",
                    ));
                }
                Ok(ImportTarget {
                    html: None,
                    source_url: Some(canonical_url("url", &url)?),
                })
            }
        }
    }
}

/// The page at `url`: a refused address or answer is a 422 on `url`, a failed fetch a 502.
async fn fetched(state: &AppState, url: &str) -> AppResult<String> {
    match fetch_page(&state.config.fetch, url).await {
        Ok(page) => Ok(page.html),
        Err(FetchError::Refused(reason)) => Err(AppError::invalid_field("url", reason)),
        Err(FetchError::Failed(reason)) => {
            tracing::info!(%reason, "job page fetch failed");
            Err(AppError::FetchFailed(reason))
        }
    }
}

/// `200` with a job this user imported from the same page before.
fn already_imported((job, source): (Job, PageSource)) -> Response {
    (StatusCode::OK, Json(ImportedJob::new(job, source))).into_response()
}
