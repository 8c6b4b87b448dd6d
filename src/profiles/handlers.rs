//! Profile endpoints: list, create, get, replace (PUT), merge (PATCH, RFC 7396), delete,
//! history, old versions and restore.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;
use sqlx::Row;
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{ProfileContent, ProfileRules};
use super::store::{self, Profile, VersionEntry};
use crate::app::AppState;
use crate::db::{Timestamp, parse_uuid};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::http::json::{apply_merge_patch, require_json_content_type};
use crate::http::parse_path_id;
use crate::http::{AuthUser, IfMatch, Page, Pagination, ValidJson, Validate, etag};

impl Validate for ProfileContent {
    fn validate(&self) -> Vec<crate::error::FieldError> {
        self.problems()
    }
}

/// A profile in lists.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileSummary {
    /// Profile id.
    pub id: Uuid,
    /// Name on the profile.
    pub full_name: String,
    /// Email on the profile.
    pub email: String,
    /// Title of the first (most recent) experience, if any.
    pub current_title: Option<String>,
    /// Number of experiences.
    pub experience_count: usize,
    /// Current version.
    pub version: i64,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Last change.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

/// A page of profiles.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileList {
    /// Profiles, newest first.
    pub profiles: Vec<ProfileSummary>,
    /// Paging.
    pub pagination: Page,
}

/// A page of history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionList {
    /// Versions, newest first (the creation is version 1).
    pub versions: Vec<VersionEntry>,
    /// Paging.
    pub pagination: Page,
}

/// A profile as it was at one version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfileVersion {
    /// Profile id.
    pub profile_id: Uuid,
    /// The version shown.
    pub version: i64,
    /// The document at that version.
    #[serde(flatten)]
    pub content: ProfileContent,
    /// When that version was made.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

/// 200/201 with the profile and its `ETag`.
pub fn profile_response(status: StatusCode, profile: Profile) -> impl IntoResponse {
    let mut headers = HeaderMap::new();
    let (name, value) = etag(profile.version);
    headers.insert(name, value.parse().expect("digits and quotes"));
    if status == StatusCode::CREATED {
        let location = format!("/api/v1/profiles/{}", profile.id);
        headers.insert(header::LOCATION, location.parse().expect("ascii path"));
    }
    (status, headers, Json(profile))
}

/// List the caller's profiles.
#[utoipa::path(get, path = "", tag = "profiles", params(Pagination),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Profiles, newest first", body = ProfileList)))]
pub async fn list_profiles(
    State(state): State<AppState>,
    user: AuthUser,
    page: Pagination,
) -> AppResult<Json<ProfileList>> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles WHERE user_id = $1")
        .bind(user.id.to_string())
        .fetch_one(&state.db.pool)
        .await?;
    let rows = sqlx::query(
        "SELECT id, version, content, created_at, updated_at FROM profiles WHERE user_id = $1 \
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(user.id.to_string())
    .bind(page.limit)
    .bind(page.offset)
    .fetch_all(&state.db.pool)
    .await?;
    let profiles = rows
        .iter()
        .map(|row| -> AppResult<ProfileSummary> {
            let content: ProfileContent =
                serde_json::from_str(&row.try_get::<String, _>("content")?)
                    .map_err(anyhow::Error::from)?;
            Ok(ProfileSummary {
                id: parse_uuid(row.try_get("id")?)?,
                current_title: content.experiences.first().map(|e| e.title.clone()),
                experience_count: content.experiences.len(),
                full_name: content.personal_info.full_name,
                email: content.personal_info.email,
                version: row.try_get("version")?,
                created_at: Timestamp(row.try_get("created_at")?),
                updated_at: Timestamp(row.try_get("updated_at")?),
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(Json(ProfileList {
        profiles,
        pagination: page.page(total),
    }))
}

/// Create a profile. Only `personal_info.full_name` is required (`email` is recommended).
#[utoipa::path(post, path = "", tag = "profiles", request_body = ProfileContent,
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 201, description = "Created at version 1", body = Profile,
        headers(("Location" = String, description = "URL of the profile"), ("ETag" = String, description = "\"1\"")))))]
pub async fn create_profile(
    State(state): State<AppState>,
    user: AuthUser,
    ValidJson(content): ValidJson<ProfileContent>,
) -> AppResult<impl IntoResponse> {
    let profile = store::create(&state.db, user.id, content).await?;
    Ok(profile_response(StatusCode::CREATED, profile))
}

/// One profile.
#[utoipa::path(get, path = "/{id}", tag = "profiles", params(("id" = Uuid, Path, description = "Profile id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The profile; `ETag` carries its version", body = Profile)))]
pub async fn get_profile(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<impl IntoResponse> {
    let id = parse_path_id(&id, "profile")?;
    let profile = store::load(&state.db, user.id, id).await?;
    Ok(profile_response(StatusCode::OK, profile))
}

/// Replace a profile's content. Items sent with their ids keep them; new items get ids.
#[utoipa::path(put, path = "/{id}", tag = "profiles", request_body = ProfileContent,
    params(("id" = Uuid, Path, description = "Profile id"),
        ("If-Match" = Option<String>, Header, description = "Expected version, e.g. \"3\"")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Replaced; version + 1", body = Profile),
        (status = 412, description = "Stale If-Match", body = ErrorBody)))]
pub async fn put_profile(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    IfMatch(expected): IfMatch,
    ValidJson(content): ValidJson<ProfileContent>,
) -> AppResult<impl IntoResponse> {
    let id = parse_path_id(&id, "profile")?;
    let (profile, ()) = store::change(&state.db, user.id, id, expected, |current| {
        *current = content;
        Ok(())
    })
    .await?;
    Ok(profile_response(StatusCode::OK, profile))
}

/// Merge a partial document into the profile (RFC 7396: objects merge, arrays and values
/// replace, `null` removes). `application/json` or `application/merge-patch+json`.
#[utoipa::path(patch, path = "/{id}", tag = "profiles",
    request_body(content = Object, content_type = "application/merge-patch+json",
        example = json!({"professional_summary": "Staff engineer focused on payments.", "personal_info": {"phone": "+49 30 1234567"}})),
    params(("id" = Uuid, Path, description = "Profile id"),
        ("If-Match" = Option<String>, Header, description = "Expected version")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Merged; version + 1", body = Profile),
        (status = 412, description = "Stale If-Match", body = ErrorBody)))]
pub async fn patch_profile(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    IfMatch(expected): IfMatch,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<impl IntoResponse> {
    require_json_content_type(&headers)?;
    let id = parse_path_id(&id, "profile")?;
    let (profile, ()) = store::change(&state.db, user.id, id, expected, |current| {
        *current = apply_merge_patch(
            &*current,
            &body,
            &["id", "user_id", "version", "created_at", "updated_at"],
        )?;
        Ok(())
    })
    .await?;
    Ok(profile_response(StatusCode::OK, profile))
}

/// Delete a profile and its history.
#[utoipa::path(delete, path = "/{id}", tag = "profiles",
    params(("id" = Uuid, Path, description = "Profile id"),
        ("If-Match" = Option<String>, Header, description = "Expected version")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 204, description = "Deleted"), (status = 412, description = "Stale If-Match", body = ErrorBody)))]
pub async fn delete_profile(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    IfMatch(expected): IfMatch,
) -> AppResult<StatusCode> {
    let id = parse_path_id(&id, "profile")?;
    store::delete(&state.db, user.id, id, expected).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Versions with their field-level changes, newest first.
#[utoipa::path(get, path = "/{id}/history", tag = "profiles",
    params(("id" = Uuid, Path, description = "Profile id"), Pagination),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "History", body = VersionList)))]
pub async fn profile_history(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    page: Pagination,
) -> AppResult<Json<VersionList>> {
    let id = parse_path_id(&id, "profile")?;
    let (versions, total) = store::history(&state.db, user.id, id, page.limit, page.offset).await?;
    Ok(Json(VersionList {
        versions,
        pagination: page.page(total),
    }))
}

fn parse_version(raw: &str) -> AppResult<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| AppError::not_found("profile version"))
}

/// The profile as it was at a version.
#[utoipa::path(get, path = "/{id}/versions/{version}", tag = "profiles",
    params(("id" = Uuid, Path, description = "Profile id"), ("version" = i64, Path, description = "Version number")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The old document", body = ProfileVersion)))]
pub async fn get_profile_version(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, version)): Path<(String, String)>,
) -> AppResult<Json<ProfileVersion>> {
    let id = parse_path_id(&id, "profile")?;
    let version = parse_version(&version)?;
    let (content, created_at) = store::version_content(&state.db, user.id, id, version).await?;
    Ok(Json(ProfileVersion {
        profile_id: id,
        version,
        content,
        created_at,
    }))
}

/// Make an old version current again (as a new version).
#[utoipa::path(post, path = "/{id}/versions/{version}/restore", tag = "profiles",
    params(("id" = Uuid, Path, description = "Profile id"), ("version" = i64, Path, description = "Version to restore"),
        ("If-Match" = Option<String>, Header, description = "Expected current version")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Restored as a new version", body = Profile),
        (status = 412, description = "Stale If-Match", body = ErrorBody)))]
pub async fn restore_profile_version(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, version)): Path<(String, String)>,
    IfMatch(expected): IfMatch,
) -> AppResult<impl IntoResponse> {
    let id = parse_path_id(&id, "profile")?;
    let version = parse_version(&version)?;
    let (old, _) = store::version_content(&state.db, user.id, id, version).await?;
    let (profile, ()) = store::change(&state.db, user.id, id, expected, |current| {
        *current = old;
        Ok(())
    })
    .await?;
    Ok(profile_response(StatusCode::OK, profile))
}
