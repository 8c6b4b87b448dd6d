//! Share links: a random token (256 bits, stored as a SHA-256 hash) that serves a document's
//! PDF without a login, with an expiry, an optional password (argon2id) and an optional
//! download limit counted atomically.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Row;
use utoipa::ToSchema;
use uuid::Uuid;

use super::files::Format;
use super::handlers::{download_file, file_response, load};
use crate::app::AppState;
use crate::db::{Timestamp, parse_uuid};
use crate::error::{AppError, AppResult, FieldError};
use crate::http::AuthUser;
use crate::http::json::{ValidJson, Validate};
use crate::http::pagination::Pagination;
use crate::http::parse_path_id;

/// Password header of `GET /shared/{token}`.
pub static SHARE_PASSWORD: HeaderName = HeaderName::from_static("x-share-password");

/// Default lifetime of a link.
pub const DEFAULT_HOURS: u32 = 168;

/// `POST /documents/{id}/share` body.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ShareRequest {
    /// 1–720 hours (default 168).
    pub expires_in_hours: Option<u32>,
    /// Required to open the link, when set (8–128 characters).
    pub password: Option<String>,
    /// Downloads allowed (1–10,000); unlimited when absent.
    pub download_limit: Option<u32>,
}

impl Validate for ShareRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(h) = self.expires_in_hours
            && !(1..=720).contains(&h)
        {
            errors.push(FieldError::new("expires_in_hours", "must be 1 to 720"));
        }
        if let Some(p) = &self.password
            && !(8..=128).contains(&p.chars().count())
        {
            errors.push(FieldError::new("password", "must be 8 to 128 characters"));
        }
        if let Some(n) = self.download_limit
            && !(1..=10_000).contains(&n)
        {
            errors.push(FieldError::new("download_limit", "must be 1 to 10000"));
        }
        errors
    }
}

/// A share link.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShareView {
    /// Share id (for revoking).
    pub id: Uuid,
    /// The secret token: only in the creation response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The public URL: only in the creation response (it contains the token).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Expiry.
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: Timestamp,
    /// Downloads allowed (null: unlimited).
    pub download_limit: Option<i64>,
    /// Downloads so far.
    pub downloads: i64,
    /// Whether a password is required.
    pub password_protected: bool,
    /// active, expired, revoked or used_up.
    pub status: String,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

/// A page of share links.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ShareList {
    /// Newest first.
    pub shares: Vec<ShareView>,
    /// Paging.
    pub pagination: crate::http::pagination::Page,
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn status(
    revoked: bool,
    expires_at: i64,
    limit: Option<i64>,
    downloads: i64,
    now: i64,
) -> &'static str {
    if revoked {
        "revoked"
    } else if expires_at <= now {
        "expired"
    } else if limit.is_some_and(|l| downloads >= l) {
        "used_up"
    } else {
        "active"
    }
}

fn share_from_row(row: &sqlx::any::AnyRow, now: i64) -> anyhow::Result<ShareView> {
    let expires_at: i64 = row.try_get("expires_at")?;
    let limit: Option<i64> = row.try_get("download_limit")?;
    let downloads: i64 = row.try_get("downloads")?;
    let revoked: Option<i64> = row.try_get("revoked_at")?;
    Ok(ShareView {
        id: parse_uuid(&row.try_get::<String, _>("id")?)?,
        token: None,
        url: None,
        expires_at: Timestamp(expires_at),
        download_limit: limit,
        downloads,
        password_protected: row.try_get::<Option<String>, _>("password_hash")?.is_some(),
        status: status(revoked.is_some(), expires_at, limit, downloads, now).to_owned(),
        created_at: Timestamp(row.try_get("created_at")?),
    })
}

/// The public base URL: `JOBWISE_PUBLIC_URL`, else the request's `Host`.
fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.config.public_url {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// Create a share link for a document's PDF → 201 with the token and URL (shown once).
#[utoipa::path(post, path = "/{id}/share", tag = "documents", request_body = ShareRequest,
    params(("id" = Uuid, Path, description = "Document id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 201, description = "Created", body = ShareView)))]
pub async fn create_share(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    ValidJson(request): ValidJson<ShareRequest>,
) -> AppResult<(StatusCode, [(HeaderName, String); 1], Json<ShareView>)> {
    let id = parse_path_id(&id, "document")?;
    load(&state, user.id, id).await?;
    let token = hex::encode(crate::auth::tokens::random_bytes::<32>());
    let password_hash = match request.password {
        Some(p) => Some(state.passwords.hash(p).await?),
        None => None,
    };
    let now = Timestamp::now();
    let hours = request.expires_in_hours.unwrap_or(DEFAULT_HOURS);
    let expires_at = now.plus(std::time::Duration::from_secs(u64::from(hours) * 3600));
    let share_id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO document_shares (id, document_id, user_id, token_hash, password_hash, \
         expires_at, download_limit, downloads, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)",
    )
    .bind(share_id.to_string())
    .bind(id.to_string())
    .bind(user.id.to_string())
    .bind(token_hash(&token))
    .bind(password_hash.clone())
    .bind(expires_at.millis())
    .bind(request.download_limit.map(i64::from))
    .bind(now.millis())
    .execute(&state.db.pool)
    .await?;
    let url = format!("{}/shared/{token}", base_url(&state, &headers));
    Ok((
        StatusCode::CREATED,
        [(
            header::LOCATION,
            format!("/api/v1/documents/{id}/shares/{share_id}"),
        )],
        Json(ShareView {
            id: share_id,
            token: Some(token),
            url: Some(url),
            expires_at,
            download_limit: request.download_limit.map(i64::from),
            downloads: 0,
            password_protected: password_hash.is_some(),
            status: "active".into(),
            created_at: now,
        }),
    ))
}

/// The document's share links, newest first (tokens are never shown again).
#[utoipa::path(get, path = "/{id}/shares", tag = "documents",
    params(("id" = Uuid, Path, description = "Document id"), Pagination),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Share links", body = ShareList)))]
pub async fn list_shares(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    page: Pagination,
) -> AppResult<Json<ShareList>> {
    let id = parse_path_id(&id, "document")?;
    load(&state, user.id, id).await?;
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM document_shares WHERE document_id = $1 AND user_id = $2",
    )
    .bind(id.to_string())
    .bind(user.id.to_string())
    .fetch_one(&state.db.pool)
    .await?;
    let rows = sqlx::query(
        "SELECT id, expires_at, download_limit, downloads, revoked_at, password_hash, created_at \
         FROM document_shares WHERE document_id = $1 AND user_id = $2 \
         ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4",
    )
    .bind(id.to_string())
    .bind(user.id.to_string())
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&state.db.pool)
    .await?;
    let now = Timestamp::now().millis();
    let shares = rows
        .iter()
        .map(|r| share_from_row(r, now))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Json(ShareList {
        shares,
        pagination: page.page(total),
    }))
}

/// Revoke a share link (204); the link then answers 410.
#[utoipa::path(delete, path = "/{id}/shares/{share_id}", tag = "documents",
    params(("id" = Uuid, Path, description = "Document id"), ("share_id" = Uuid, Path, description = "Share id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 204, description = "Revoked")))]
pub async fn revoke_share(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, share_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let id = parse_path_id(&id, "document")?;
    let share_id = parse_path_id(&share_id, "share")?;
    let changed = sqlx::query(
        "UPDATE document_shares SET revoked_at = COALESCE(revoked_at, $4) \
         WHERE id = $1 AND document_id = $2 AND user_id = $3",
    )
    .bind(share_id.to_string())
    .bind(id.to_string())
    .bind(user.id.to_string())
    .bind(Timestamp::now().millis())
    .execute(&state.db.pool)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(AppError::not_found("share"));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// A shared document's PDF, without a login. `X-Share-Password` when the link has a password
/// (missing or wrong → 401, not counted, whatever the link's state: the state is only revealed
/// to a caller with the password); expired, revoked or used-up links → 410.
#[utoipa::path(get, path = "/shared/{token}", tag = "documents",
    params(("token" = String, Path, description = "The share token"),
        ("X-Share-Password" = Option<String>, Header, description = "The link's password, if it has one")),
    responses((status = 200, description = "The PDF", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "Missing or wrong X-Share-Password (checked before the state)", body = crate::error::ErrorBody),
        (status = 410, description = "Expired, revoked or used up", body = crate::error::ErrorBody)))]
pub async fn open_share(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    if token.len() > 100 {
        return Err(AppError::not_found("share"));
    }
    let row = sqlx::query(
        "SELECT id, document_id, user_id, password_hash, expires_at, download_limit, downloads, \
         revoked_at FROM document_shares WHERE token_hash = $1",
    )
    .bind(token_hash(&token))
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("share"))?;
    let now = Timestamp::now().millis();
    let share_id: String = row.try_get("id")?;
    let expires_at: i64 = row.try_get("expires_at")?;
    let limit: Option<i64> = row.try_get("download_limit")?;
    let downloads: i64 = row.try_get("downloads")?;
    let revoked = row.try_get::<Option<i64>, _>("revoked_at")?.is_some();
    if let Some(hash) = row.try_get::<Option<String>, _>("password_hash")? {
        let given = headers
            .get(&SHARE_PASSWORD)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let ok = match given {
            Some(p) => state.passwords.verify(p, Some(hash)).await?,
            None => false,
        };
        if !ok {
            return Err(AppError::Unauthorized(
                "This link needs the right X-Share-Password.".into(),
            ));
        }
    }
    // Only a caller who passed the password learns the link's state (expired, revoked, used up).
    let state_now = status(revoked, expires_at, limit, downloads, now);
    if state_now != "active" {
        return Err(AppError::Gone(format!(
            "This link is {}.",
            state_now.replace('_', " ")
        )));
    }
    // Count the download atomically: two concurrent requests cannot pass the limit.
    let counted = sqlx::query(
        "UPDATE document_shares SET downloads = downloads + 1 \
         WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2 \
         AND (download_limit IS NULL OR downloads < download_limit)",
    )
    .bind(&share_id)
    .bind(now)
    .execute(&state.db.pool)
    .await?
    .rows_affected();
    if counted != 1 {
        return Err(AppError::Gone("This link is used up.".into()));
    }
    let owner = parse_uuid(&row.try_get::<String, _>("user_id")?)?;
    let document_id = parse_uuid(&row.try_get::<String, _>("document_id")?)?;
    let document = load(&state, owner, document_id).await?;
    let download = download_file(&state, &document, Format::Pdf, None).await?;
    Ok(file_response(download, &HeaderMap::new()))
}
