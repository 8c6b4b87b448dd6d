//! Profile persistence: load, create, change (one transaction: check `If-Match`, apply the
//! edit, validate, bump the version, keep the snapshot and its changes) and delete. Every
//! query filters by the owner's id.

use serde::Serialize;
use sqlx::Row;
use utoipa::ToSchema;
use uuid::Uuid;

use super::diff::{Change, diff};
use super::model::{ProfileContent, ProfileRules};
use crate::db::{Db, Timestamp, parse_uuid};
use crate::error::{AppError, AppResult};

/// A stored profile as the API returns it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Profile {
    /// Profile id.
    pub id: Uuid,
    /// Owner.
    pub user_id: Uuid,
    /// Starts at 1; +1 on every change.
    pub version: i64,
    /// The document.
    #[serde(flatten)]
    pub content: ProfileContent,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Last change.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

fn from_row(row: &sqlx::any::AnyRow) -> AppResult<Profile> {
    let content: String = row.try_get("content")?;
    Ok(Profile {
        id: parse_uuid(row.try_get("id")?)?,
        user_id: parse_uuid(row.try_get("user_id")?)?,
        version: row.try_get("version")?,
        content: serde_json::from_str(&content).map_err(anyhow::Error::from)?,
        created_at: Timestamp(row.try_get("created_at")?),
        updated_at: Timestamp(row.try_get("updated_at")?),
    })
}

const COLUMNS: &str = "id, user_id, version, content, created_at, updated_at";

/// The caller's profile, or 404.
pub async fn load(db: &Db, user_id: Uuid, id: Uuid) -> AppResult<Profile> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM profiles WHERE id = $1 AND user_id = $2"
    )))
    .bind(id.to_string())
    .bind(user_id.to_string())
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("profile"))?;
    from_row(&row)
}

/// Cleans, assigns ids and validates; 422 with every problem.
fn prepare(content: &mut ProfileContent) -> AppResult<()> {
    content.tidy();
    let problems = content.problems();
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }
    content.assign_ids();
    Ok(())
}

/// Creates a profile at version 1 (its history starts with the creation).
pub async fn create(db: &Db, user_id: Uuid, mut content: ProfileContent) -> AppResult<Profile> {
    prepare(&mut content)?;
    let now = Timestamp::now();
    let profile = Profile {
        id: Uuid::now_v7(),
        user_id,
        version: 1,
        content,
        created_at: now,
        updated_at: now,
    };
    let changes = diff(&ProfileContent::default(), &profile.content);
    let json = serde_json::to_string(&profile.content).map_err(anyhow::Error::from)?;
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO profiles (id, user_id, version, full_name, content, created_at, updated_at) \
         VALUES ($1, $2, 1, $3, $4, $5, $5)",
    )
    .bind(profile.id.to_string())
    .bind(user_id.to_string())
    .bind(&profile.content.personal_info.full_name)
    .bind(&json)
    .bind(now.millis())
    .execute(&mut *tx)
    .await?;
    insert_version(&mut tx, profile.id, 1, &json, &changes, now).await?;
    tx.commit().await?;
    Ok(profile)
}

async fn insert_version(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: Uuid,
    version: i64,
    content_json: &str,
    changes: &[Change],
    now: Timestamp,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO profile_versions (profile_id, version, content, changes, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.to_string())
    .bind(version)
    .bind(content_json)
    .bind(serde_json::to_string(changes).map_err(anyhow::Error::from)?)
    .bind(now.millis())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// `If-Match` check: `None` (header absent or `*`) matches any version.
pub fn check_version(expected: Option<i64>, actual: i64) -> AppResult<()> {
    match expected {
        Some(v) if v != actual => Err(AppError::PreconditionFailed(format!(
            "the profile is at version {actual}, not {v}; reload it and retry"
        ))),
        _ => Ok(()),
    }
}

/// Applies `edit` to the caller's profile in one transaction: `If-Match` check, edit,
/// validation, version bump with snapshot and changes. An edit that changes nothing keeps the
/// version. Returns the profile and whatever the edit returned.
pub async fn change<T>(
    db: &Db,
    user_id: Uuid,
    id: Uuid,
    expected_version: Option<i64>,
    edit: impl FnOnce(&mut ProfileContent) -> AppResult<T>,
) -> AppResult<(Profile, T)> {
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM profiles WHERE id = $1 AND user_id = $2"
    )))
    .bind(id.to_string())
    .bind(user_id.to_string())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::not_found("profile"))?;
    let mut profile = from_row(&row)?;
    check_version(expected_version, profile.version)?;
    let before = profile.content.clone();
    let output = edit(&mut profile.content)?;
    prepare(&mut profile.content)?;
    let changes = diff(&before, &profile.content);
    if changes.is_empty() {
        return Ok((profile, output));
    }
    let now = Timestamp::now();
    let json = serde_json::to_string(&profile.content).map_err(anyhow::Error::from)?;
    let updated = sqlx::query(
        "UPDATE profiles SET version = version + 1, full_name = $1, content = $2, updated_at = $3 \
         WHERE id = $4 AND user_id = $5 AND version = $6",
    )
    .bind(&profile.content.personal_info.full_name)
    .bind(&json)
    .bind(now.millis())
    .bind(id.to_string())
    .bind(user_id.to_string())
    .bind(profile.version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated != 1 {
        return Err(AppError::Conflict(
            "the profile was changed by another request at the same time; retry".into(),
        ));
    }
    profile.version += 1;
    profile.updated_at = now;
    insert_version(&mut tx, id, profile.version, &json, &changes, now).await?;
    tx.commit().await?;
    Ok((profile, output))
}

/// Deletes the caller's profile (and its versions) after the `If-Match` check.
pub async fn delete(
    db: &Db,
    user_id: Uuid,
    id: Uuid,
    expected_version: Option<i64>,
) -> AppResult<()> {
    let mut tx = db.begin_write().await?;
    let version: Option<i64> =
        sqlx::query_scalar("SELECT version FROM profiles WHERE id = $1 AND user_id = $2")
            .bind(id.to_string())
            .bind(user_id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
    let version = version.ok_or_else(|| AppError::not_found("profile"))?;
    check_version(expected_version, version)?;
    sqlx::query("DELETE FROM profile_versions WHERE profile_id = $1")
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM profiles WHERE id = $1 AND user_id = $2")
        .bind(id.to_string())
        .bind(user_id.to_string())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// One stored version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionEntry {
    /// Version number.
    pub version: i64,
    /// What changed in this version.
    pub changes: Vec<Change>,
    /// When.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
}

/// A page of the history, newest first, and the total count.
pub async fn history(
    db: &Db,
    user_id: Uuid,
    id: Uuid,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<VersionEntry>, i64)> {
    load(db, user_id, id).await?;
    let total: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM profile_versions WHERE profile_id = $1")
            .bind(id.to_string())
            .fetch_one(&db.pool)
            .await?;
    let rows = sqlx::query(
        "SELECT version, changes, created_at FROM profile_versions WHERE profile_id = $1 \
         ORDER BY version DESC LIMIT $2 OFFSET $3",
    )
    .bind(id.to_string())
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    let entries = rows
        .iter()
        .map(|row| -> AppResult<VersionEntry> {
            let changes: String = row.try_get("changes")?;
            Ok(VersionEntry {
                version: row.try_get("version")?,
                changes: serde_json::from_str(&changes).map_err(anyhow::Error::from)?,
                created_at: Timestamp(row.try_get("created_at")?),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok((entries, total))
}

/// The document as it was at `version` (404 for an unknown version).
pub async fn version_content(
    db: &Db,
    user_id: Uuid,
    id: Uuid,
    version: i64,
) -> AppResult<(ProfileContent, Timestamp)> {
    load(db, user_id, id).await?;
    let row = sqlx::query(
        "SELECT content, created_at FROM profile_versions WHERE profile_id = $1 AND version = $2",
    )
    .bind(id.to_string())
    .bind(version)
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("profile version"))?;
    let content: String = row.try_get("content")?;
    Ok((
        serde_json::from_str(&content).map_err(anyhow::Error::from)?,
        Timestamp(row.try_get("created_at")?),
    ))
}
