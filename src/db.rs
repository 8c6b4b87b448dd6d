//! The database handle: one `sqlx` Any pool over SQLite (the embedded default, WAL mode) or
//! PostgreSQL, chosen by URL, with the embedded migrations of each dialect.
//!
//! Portable SQL uses `$1` placeholders; ids are TEXT (UUID v7), timestamps BIGINT (Unix
//! milliseconds, converted at the edge by [`Timestamp`]), JSON documents TEXT. Dialect-specific
//! SQL lives behind [`Backend`] checks in the few places that need it.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use time::OffsetDateTime;

/// Migrations for SQLite, embedded in the binary.
static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
/// Migrations for PostgreSQL, embedded in the binary.
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// The shared database handle (cheap to clone).
#[derive(Debug, Clone)]
pub struct Db {
    /// The connection pool.
    pub pool: AnyPool,
    /// The engine behind it.
    pub backend: Backend,
}

impl Db {
    /// Connects to `url`, creating the SQLite file (and its directory) when needed.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Db> {
        install_default_drivers();
        let backend = if url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        if backend == Backend::Sqlite {
            ensure_sqlite_dir(url)?;
        }
        let options = AnyPoolOptions::new()
            .max_connections(max_connections)
            .min_connections(if backend == Backend::Sqlite { 1 } else { 0 })
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the single writer; the busy timeout makes
                        // concurrent writers wait instead of failing.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                             PRAGMA mmap_size = 268435456; PRAGMA cache_size = -8000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            });
        let pool = options
            .connect(url)
            .await
            .with_context(|| format!("cannot connect to the {backend:?} database"))?;
        Ok(Db { pool, backend })
    }

    /// Applies the embedded migrations that have not run yet.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .context("running database migrations")?;
        Ok(())
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock up front
    /// (`BEGIN IMMEDIATE`) so two writers queue on the busy timeout instead of failing when a
    /// read transaction tries to upgrade.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// A cheap round trip, for health checks.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}

fn ensure_sqlite_dir(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(dir) = std::path::Path::new(path).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("creating the data directory {}", dir.display()))?;
    }
    Ok(())
}

/// Deletes row `id` of `table` if it belongs to `user_id`; a 404 naming `what` when there is
/// no such row for this user. `table` must be one of the service's own (static) table names.
pub async fn delete_owned(
    db: &Db,
    table: &'static str,
    id: uuid::Uuid,
    user_id: uuid::Uuid,
    what: &str,
) -> Result<(), crate::error::AppError> {
    let deleted = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DELETE FROM {table} WHERE id = $1 AND user_id = $2"
    )))
    .bind(id.to_string())
    .bind(user_id.to_string())
    .execute(&db.pool)
    .await?
    .rows_affected();
    if deleted == 0 {
        return Err(crate::error::AppError::not_found(what));
    }
    Ok(())
}

/// True when the error is a unique-constraint violation (both engines).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => {
            db.kind() == sqlx::error::ErrorKind::UniqueViolation
                || db
                    .code()
                    .is_some_and(|c| c == "23505" || c == "2067" || c == "1555")
        }
        _ => false,
    }
}

/// A UTC instant stored as Unix milliseconds and shown as RFC 3339 (`…Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The current time.
    pub fn now() -> Self {
        Self::from_datetime(OffsetDateTime::now_utc())
    }

    /// From a `time` value.
    pub fn from_datetime(dt: OffsetDateTime) -> Self {
        Timestamp((dt.unix_timestamp_nanos() / 1_000_000) as i64)
    }

    /// Milliseconds since the Unix epoch.
    pub fn millis(self) -> i64 {
        self.0
    }

    /// Whole seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0.div_euclid(1000)
    }

    /// This instant plus a duration.
    pub fn plus(self, d: Duration) -> Self {
        Timestamp(self.0 + d.as_millis() as i64)
    }

    /// As a `time` value.
    pub fn to_datetime(self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp_nanos(self.0 as i128 * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// RFC 3339 in UTC with millisecond precision, e.g. `2026-11-29T10:30:00.123Z`.
    pub fn to_rfc3339(self) -> String {
        let dt = self.to_datetime();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            dt.year(),
            u8::from(dt.month()),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second(),
            dt.millisecond()
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        let dt = OffsetDateTime::parse(&raw, &time::format_description::well_known::Rfc3339)
            .map_err(serde::de::Error::custom)?;
        Ok(Timestamp::from_datetime(dt))
    }
}

/// Parses a UUID column stored as TEXT.
pub fn parse_uuid(raw: &str) -> anyhow::Result<uuid::Uuid> {
    uuid::Uuid::from_str(raw).with_context(|| format!("bad uuid in database: {raw:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_render_rfc3339_utc() {
        let ts = Timestamp(1_796_034_600_123);
        assert_eq!(ts.to_rfc3339(), "2026-11-30T10:30:00.123Z");
        let back: Timestamp = serde_json::from_str("\"2026-11-30T10:30:00.123Z\"").unwrap();
        assert_eq!(back, ts);
    }

    /// Migration 0010 folds each generation's `kind` and `options` into one typed `request`.
    #[tokio::test]
    async fn the_request_migration_keeps_existing_generations() {
        use crate::generation::options::{LetterLength, Tone};
        use crate::generation::pipeline::GenerationRequest;

        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/m.db?mode=rwc", dir.path().display());
        let db = Db::connect(&url, 1).await.unwrap();
        let before: Vec<_> = SQLITE_MIGRATIONS
            .migrations
            .iter()
            .filter(|m| m.version < 10)
            .cloned()
            .collect();
        Migrator::with_migrations(before)
            .run(&db.pool)
            .await
            .unwrap();
        sqlx::query("PRAGMA foreign_keys = OFF")
            .execute(&db.pool)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO generations (id, user_id, kind, profile_id, job_id, options, inputs, \
             status, created_at, updated_at) VALUES ('g', 'u', 'cover_letter', 'p', 'j', \
             '{\"tone\":\"humble\",\"length\":\"short\"}', '{}', 'pending', 1, 1)",
        )
        .execute(&db.pool)
        .await
        .unwrap();
        db.migrate().await.unwrap();
        let stored: String = sqlx::query_scalar("SELECT request FROM generations WHERE id = 'g'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        let GenerationRequest::CoverLetter(options) = serde_json::from_str(&stored).unwrap() else {
            panic!("a cover letter request: {stored}");
        };
        assert_eq!(options.length, LetterLength::Short);
        assert_eq!(options.tone, Tone::Humble);
    }

    #[test]
    fn sqlite_dir_is_derived_from_url() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/nested/x.db?mode=rwc", dir.path().display());
        ensure_sqlite_dir(&url).unwrap();
        assert!(dir.path().join("nested").is_dir());
    }
}
