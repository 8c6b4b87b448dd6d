//! Personal API keys for scripts (`X-API-Key`). The secret is shown once at creation and
//! stored only as a SHA-256 digest; keys can expire and be revoked. Managing keys needs a
//! login session, so a leaked key cannot mint more keys.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use utoipa::ToSchema;
use uuid::Uuid;

use super::tokens::{random_bytes, secret_digest};
use crate::app::AppState;
use crate::db::{Db, Timestamp, parse_uuid};
use crate::error::{AppError, AppResult, ErrorBody, FieldError};
use crate::http::json::rules;
use crate::http::parse_path_id;
use crate::http::{AuthUser, Page, Pagination, ValidJson, Validate};

/// Prefix of every key, so leaked keys are easy to recognise in code and logs scanners.
const KEY_PREFIX: &str = "jw_";

/// `POST /auth/api-keys` body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({"name": "nightly export script", "expires_in_days": 90}))]
pub struct CreateApiKeyRequest {
    /// A label, 1–100 characters.
    pub name: String,
    /// Lifetime in days (1–3650); omitted means the key does not expire.
    pub expires_in_days: Option<i64>,
}

impl Validate for CreateApiKeyRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        rules::required_text(&mut errors, "name", &self.name, 100);
        if let Some(days) = self.expires_in_days
            && !(1..=3650).contains(&days)
        {
            errors.push(FieldError::new("expires_in_days", "must be from 1 to 3650"));
        }
        errors
    }
}

/// Key metadata (never the secret).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyView {
    /// Key id.
    pub id: Uuid,
    /// Label.
    pub name: String,
    /// First characters of the key, to recognise it.
    #[schema(example = "jw_3f9a1c2b")]
    pub prefix: String,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Expiry, or null for none.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub expires_at: Option<Timestamp>,
    /// Last time the key authenticated a request (to the minute), or null.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<Timestamp>,
}

/// The creation answer: the metadata plus the secret, shown this once.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyCreated {
    /// Key id.
    pub id: Uuid,
    /// Label.
    pub name: String,
    /// First characters of the key.
    pub prefix: String,
    /// The secret to send as `X-API-Key`; it cannot be shown again.
    #[schema(example = "jw_3f9a1c2b0d4e5f60718293a4b5c6d7e8f9012345")]
    pub key: String,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Expiry, or null.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub expires_at: Option<Timestamp>,
}

/// A page of keys.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyList {
    /// The caller's keys, newest first.
    pub api_keys: Vec<ApiKeyView>,
    /// Paging.
    pub pagination: Page,
}

fn view_from_row(row: &sqlx::any::AnyRow) -> AppResult<ApiKeyView> {
    Ok(ApiKeyView {
        id: parse_uuid(row.try_get("id")?)?,
        name: row.try_get("name")?,
        prefix: row.try_get("prefix")?,
        created_at: Timestamp(row.try_get("created_at")?),
        expires_at: row.try_get::<Option<i64>, _>("expires_at")?.map(Timestamp),
        last_used_at: row
            .try_get::<Option<i64>, _>("last_used_at")?
            .map(Timestamp),
    })
}

/// Resolves an `X-API-Key` secret to its owner, refusing expired keys; records last use at
/// most once a minute.
pub async fn authenticate(db: &Db, secret: &str) -> AppResult<Option<Uuid>> {
    if !secret.starts_with(KEY_PREFIX) {
        return Ok(None);
    }
    let digest = secret_digest(secret);
    let row = sqlx::query(
        "SELECT id, user_id, expires_at, last_used_at FROM api_keys WHERE key_hash = $1",
    )
    .bind(&digest)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let now = Timestamp::now();
    if row
        .try_get::<Option<i64>, _>("expires_at")?
        .is_some_and(|at| at <= now.millis())
    {
        return Ok(None);
    }
    let last_used: Option<i64> = row.try_get("last_used_at")?;
    if last_used.is_none_or(|at| now.millis() - at > 60_000) {
        sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2")
            .bind(now.millis())
            .bind(row.try_get::<String, _>("id")?)
            .execute(&db.pool)
            .await?;
    }
    Ok(Some(parse_uuid(row.try_get("user_id")?)?))
}

/// List the caller's API keys.
#[utoipa::path(get, path = "/api-keys", tag = "auth",
    params(Pagination),
    security(("bearer" = [])),
    responses((status = 200, description = "Keys, newest first", body = ApiKeyList)))]
pub async fn list_api_keys(
    State(state): State<AppState>,
    user: AuthUser,
    page: Pagination,
) -> AppResult<Json<ApiKeyList>> {
    user.require_session()?;
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM api_keys WHERE user_id = $1")
        .bind(user.id.to_string())
        .fetch_one(&state.db.pool)
        .await?;
    let rows = sqlx::query(
        "SELECT id, name, prefix, created_at, expires_at, last_used_at FROM api_keys \
         WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(user.id.to_string())
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&state.db.pool)
    .await?;
    let api_keys = rows.iter().map(view_from_row).collect::<AppResult<_>>()?;
    Ok(Json(ApiKeyList {
        api_keys,
        pagination: page.page(total),
    }))
}

/// Create an API key; the secret is in this response only.
#[utoipa::path(post, path = "/api-keys", tag = "auth",
    request_body = CreateApiKeyRequest,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Key created", body = ApiKeyCreated,
            headers(("Location" = String, description = "URL of the key's metadata"))),
        (status = 403, description = "API keys cannot create API keys", body = ErrorBody),
    ))]
pub async fn create_api_key(
    State(state): State<AppState>,
    user: AuthUser,
    ValidJson(body): ValidJson<CreateApiKeyRequest>,
) -> AppResult<impl IntoResponse> {
    user.require_session()?;
    let secret = format!("{KEY_PREFIX}{}", hex::encode(random_bytes::<20>()));
    let now = Timestamp::now();
    let created = ApiKeyCreated {
        id: Uuid::now_v7(),
        name: body.name.trim().to_owned(),
        prefix: secret[..KEY_PREFIX.len() + 8].to_owned(),
        created_at: now,
        expires_at: body
            .expires_in_days
            .map(|days| now.plus(std::time::Duration::from_secs(days as u64 * 86_400))),
        key: secret,
    };
    sqlx::query(
        "INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(created.id.to_string())
    .bind(user.id.to_string())
    .bind(&created.name)
    .bind(&created.prefix)
    .bind(secret_digest(&created.key))
    .bind(now.millis())
    .bind(created.expires_at.map(Timestamp::millis))
    .execute(&state.db.pool)
    .await?;
    let location = format!("/api/v1/auth/api-keys/{}", created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(created),
    ))
}

/// One API key's metadata.
#[utoipa::path(get, path = "/api-keys/{id}", tag = "auth",
    params(("id" = Uuid, Path, description = "Key id")),
    security(("bearer" = [])),
    responses((status = 200, description = "Key metadata (never the secret)", body = ApiKeyView)))]
pub async fn get_api_key(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<ApiKeyView>> {
    user.require_session()?;
    let id = parse_path_id(&id, "API key")?;
    let row = sqlx::query(
        "SELECT id, name, prefix, created_at, expires_at, last_used_at FROM api_keys WHERE id = $1 AND user_id = $2",
    )
    .bind(id.to_string())
    .bind(user.id.to_string())
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("API key"))?;
    Ok(Json(view_from_row(&row)?))
}

/// Revoke an API key.
#[utoipa::path(delete, path = "/api-keys/{id}", tag = "auth",
    params(("id" = Uuid, Path, description = "Key id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Key revoked")))]
pub async fn delete_api_key(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    user.require_session()?;
    let id = parse_path_id(&id, "API key")?;
    crate::db::delete_owned(&state.db, "api_keys", id, user.id, "API key").await?;
    Ok(StatusCode::NO_CONTENT)
}
