//! SQL of the generation queue: enqueue (with idempotency keys and the hourly quota), claim
//! (PostgreSQL `FOR UPDATE SKIP LOCKED`; SQLite under its single-writer lock), heartbeat,
//! per-stage persistence guarded by the claim, completion with its documents (written by the
//! documents feature in the same transaction), cancel, reads.

use std::time::Duration;

use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use super::model::{GenerationResult, GenerationView, Progress};
use super::options::{GenerationStatus, GenerationType};
use super::pipeline::{GenerationRequest, PipelineInputs};
use crate::db::{Backend, Db, Timestamp, parse_uuid};
use crate::documents::store::{NewDocument, Origin};
use crate::error::{AppError, AppResult};
use jobwise_engine::{CompiledProfile, JobAnalysis};

/// Idempotency keys are honoured for this long.
pub const IDEMPOTENCY_WINDOW: Duration = Duration::from_secs(24 * 3600);

const VIEW_COLUMNS: &str = "id, kind, status, current_stage, stages_done, tokens_used, engine, \
    result, error, profile_id, job_id, request, created_at, updated_at, completed_at";

/// Builds the API view of a generation row (selected with `VIEW_COLUMNS`).
pub fn view_from_row(row: &AnyRow) -> anyhow::Result<GenerationView> {
    let request: GenerationRequest = serde_json::from_str(&row.try_get::<String, _>("request")?)?;
    let status: String = row.try_get("status")?;
    let status = GenerationStatus::parse(&status)
        .ok_or_else(|| anyhow::anyhow!("unknown generation status {status:?}"))?;
    let current: i64 = row.try_get("current_stage")?;
    let done: i64 = row.try_get("stages_done")?;
    let result: Option<String> = row.try_get("result")?;
    Ok(GenerationView {
        generation_id: parse_uuid(&row.try_get::<String, _>("id")?)?,
        kind: request.kind(),
        status,
        progress: Progress::new(status, current.clamp(0, 5) as u8, done.clamp(0, 5) as u8),
        tokens_used: row.try_get("tokens_used")?,
        engine: row.try_get("engine")?,
        result: result
            .map(|r| serde_json::from_str::<GenerationResult>(&r))
            .transpose()?,
        error: row.try_get("error")?,
        profile_id: parse_uuid(&row.try_get::<String, _>("profile_id")?)?,
        job_id: parse_uuid(&row.try_get::<String, _>("job_id")?)?,
        options: request.options_json()?,
        created_at: Timestamp(row.try_get("created_at")?),
        updated_at: Timestamp(row.try_get("updated_at")?),
        completed_at: row
            .try_get::<Option<i64>, _>("completed_at")?
            .map(Timestamp),
    })
}

/// One of the user's generations (404 for anyone else's).
pub async fn load_view(db: &Db, user_id: Uuid, id: Uuid) -> AppResult<GenerationView> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {VIEW_COLUMNS} FROM generations WHERE id = $1 AND user_id = $2"
    )))
    .bind(id.to_string())
    .bind(user_id.to_string())
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("generation"))?;
    Ok(view_from_row(&row)?)
}

/// A generation by id, whoever owns it (workers and event streams).
pub async fn load_view_any(db: &Db, id: Uuid) -> anyhow::Result<Option<GenerationView>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {VIEW_COLUMNS} FROM generations WHERE id = $1"
    )))
    .bind(id.to_string())
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(view_from_row).transpose()
}

/// Filters of `GET /generations`.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    /// Only for this job.
    pub job_id: Option<Uuid>,
    /// Only this type.
    pub kind: Option<GenerationType>,
    /// Only this status.
    pub status: Option<GenerationStatus>,
}

/// A page of the user's generations, newest first, and the total.
pub async fn list(
    db: &Db,
    user_id: Uuid,
    filter: &ListFilter,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<GenerationView>, i64)> {
    let mut clauses = vec!["user_id = $1".to_owned()];
    let mut binds: Vec<String> = vec![user_id.to_string()];
    if let Some(job) = filter.job_id {
        binds.push(job.to_string());
        clauses.push(format!("job_id = ${}", binds.len()));
    }
    if let Some(kind) = filter.kind {
        binds.push(kind.as_str().to_owned());
        clauses.push(format!("kind = ${}", binds.len()));
    }
    if let Some(status) = filter.status {
        binds.push(status.as_str().to_owned());
        clauses.push(format!("status = ${}", binds.len()));
    }
    let clause = clauses.join(" AND ");
    let mut count = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM generations WHERE {clause}"
    )));
    for b in &binds {
        count = count.bind(b.clone());
    }
    let total = count.fetch_one(&db.pool).await?;
    let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {VIEW_COLUMNS} FROM generations WHERE {clause} \
         ORDER BY created_at DESC, id DESC LIMIT ${} OFFSET ${}",
        binds.len() + 1,
        binds.len() + 2
    )));
    for b in &binds {
        query = query.bind(b.clone());
    }
    let rows = query.bind(limit).bind(offset).fetch_all(&db.pool).await?;
    let views = rows
        .iter()
        .map(view_from_row)
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok((views, total))
}

/// A new generation to enqueue.
#[derive(Debug, Clone)]
pub struct NewGeneration {
    /// Owner.
    pub user_id: Uuid,
    /// The profile.
    pub profile_id: Uuid,
    /// The job.
    pub job_id: Uuid,
    /// What to generate, as requested (stored whole).
    pub request: GenerationRequest,
    /// The frozen pipeline inputs (JSON).
    pub inputs: String,
    /// `Idempotency-Key`, if sent.
    pub idempotency_key: Option<String>,
    /// Hash of the request body (type + canonical JSON).
    pub request_hash: String,
    /// Request id, for logs.
    pub request_id: Option<String>,
}

/// What enqueueing did.
#[derive(Debug)]
pub enum Enqueued {
    /// A new generation.
    Created(Uuid),
    /// An earlier request with the same idempotency key and body.
    Replayed(Uuid),
}

/// Inserts a pending generation in one write transaction: replays a matching idempotency key,
/// refuses a reused key with another body (422), and enforces `per_hour` (429).
pub async fn enqueue(db: &Db, new: NewGeneration, per_hour: u32) -> AppResult<Enqueued> {
    let now = Timestamp::now();
    let mut tx = db.begin_write().await?;
    if let Some(key) = &new.idempotency_key {
        let existing = sqlx::query(
            "SELECT id, request_hash, created_at FROM generations \
             WHERE user_id = $1 AND idempotency_key = $2",
        )
        .bind(new.user_id.to_string())
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = existing {
            let id: String = row.try_get("id")?;
            let hash: Option<String> = row.try_get("request_hash")?;
            let created: i64 = row.try_get("created_at")?;
            if created > now.millis() - IDEMPOTENCY_WINDOW.as_millis() as i64 {
                tx.rollback().await?;
                if hash.as_deref() == Some(new.request_hash.as_str()) {
                    return Ok(Enqueued::Replayed(parse_uuid(&id)?));
                }
                return Err(AppError::invalid_field(
                    "Idempotency-Key",
                    "was already used with a different request body",
                ));
            }
            // An expired key may be used again: the old generation forgets it.
            sqlx::query("UPDATE generations SET idempotency_key = NULL WHERE id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?;
        }
    }
    let hour_ago = now.millis() - 3_600_000;
    let recent: Vec<i64> = sqlx::query_scalar(
        "SELECT created_at FROM generations WHERE user_id = $1 AND created_at > $2 \
         ORDER BY created_at",
    )
    .bind(new.user_id.to_string())
    .bind(hour_ago)
    .fetch_all(&mut *tx)
    .await?;
    if recent.len() >= per_hour as usize {
        tx.rollback().await?;
        let oldest = recent.first().copied().unwrap_or(now.millis());
        let retry_after = ((oldest + 3_600_000 - now.millis()) / 1000).max(1) as u64;
        return Err(AppError::RateLimited { retry_after });
    }
    let id = Uuid::now_v7();
    let inserted = sqlx::query(
        "INSERT INTO generations (id, user_id, kind, profile_id, job_id, request, inputs, status, \
         idempotency_key, request_hash, request_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10, $11, $11)",
    )
    .bind(id.to_string())
    .bind(new.user_id.to_string())
    .bind(new.request.kind().as_str())
    .bind(new.profile_id.to_string())
    .bind(new.job_id.to_string())
    .bind(serde_json::to_string(&new.request).map_err(anyhow::Error::from)?)
    .bind(&new.inputs)
    .bind(new.idempotency_key.clone())
    .bind(&new.request_hash)
    .bind(new.request_id.clone())
    .bind(now.millis())
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {
            tx.commit().await?;
            Ok(Enqueued::Created(id))
        }
        // A concurrent request with the same key won the race: answer as a replay.
        Err(e) if crate::db::is_unique_violation(&e) => {
            tx.rollback().await?;
            Box::pin(enqueue(db, new, per_hour)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Cancels a pending or running generation; 409 when it has finished, 404 when not the user's.
pub async fn cancel(db: &Db, user_id: Uuid, id: Uuid) -> AppResult<()> {
    let now = Timestamp::now().millis();
    let changed = sqlx::query(
        "UPDATE generations SET status = 'cancelled', updated_at = $3, completed_at = $3, \
         claimed_by = NULL, claim_expires_at = NULL \
         WHERE id = $1 AND user_id = $2 AND status IN ('pending', 'running')",
    )
    .bind(id.to_string())
    .bind(user_id.to_string())
    .bind(now)
    .execute(&db.pool)
    .await?
    .rows_affected();
    if changed == 1 {
        return Ok(());
    }
    let view = load_view(db, user_id, id).await?;
    Err(AppError::Conflict(format!(
        "The generation is already {}.",
        view.status.as_str()
    )))
}

/// A claimed generation, as a worker needs it.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// Generation id.
    pub id: Uuid,
    /// Owner.
    pub user_id: Uuid,
    /// The profile id.
    pub profile_id: Uuid,
    /// The job id.
    pub job_id: Uuid,
    /// The request (a [`GenerationRequest`] as JSON; the run reads it typed).
    pub request: String,
    /// Frozen inputs JSON.
    pub inputs: String,
    /// Last finished stage.
    pub stages_done: u8,
    /// Stored stage outputs.
    pub analysis: Option<String>,
    /// Stage 2 output.
    pub compiled: Option<String>,
    /// Stage 3 output.
    pub drafts: Option<String>,
    /// Stage 4 output.
    pub reports: Option<String>,
    /// Engine recorded so far.
    pub engine: String,
    /// Tokens spent so far.
    pub tokens_used: i64,
    /// Stage timings so far (JSON object, stage → ms).
    pub timings: String,
    /// How many times it was claimed (this claim included).
    pub attempts: i64,
    /// The request id of the POST, for logs.
    pub request_id: Option<String>,
    /// Creation time.
    pub created_at: Timestamp,
}

/// Atomically claims the oldest runnable generation: pending, or running with an expired claim
/// (its worker died). Returns `None` when the queue is empty.
pub async fn claim_next(db: &Db, worker: &str, ttl: Duration) -> anyhow::Result<Option<Claimed>> {
    let now = Timestamp::now();
    let expires = now.plus(ttl).millis();
    let pick = match db.backend {
        Backend::Postgres => {
            "SELECT id FROM generations WHERE status IN ('pending', 'running') \
             AND (claim_expires_at IS NULL OR claim_expires_at < $3) \
             ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED"
        }
        Backend::Sqlite => {
            "SELECT id FROM generations WHERE status IN ('pending', 'running') \
             AND (claim_expires_at IS NULL OR claim_expires_at < $3) \
             ORDER BY created_at LIMIT 1"
        }
    };
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE generations SET status = 'running', claimed_by = $1, claim_expires_at = $2, \
         attempts = attempts + 1, updated_at = $3 \
         WHERE id = ({pick}) \
         RETURNING id, user_id, profile_id, job_id, request, inputs, stages_done, analysis, \
         compiled, drafts, reports, engine, tokens_used, timings, attempts, request_id, created_at"
    )))
    .bind(worker)
    .bind(expires)
    .bind(now.millis())
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(Claimed {
        id: parse_uuid(&row.try_get::<String, _>("id")?)?,
        user_id: parse_uuid(&row.try_get::<String, _>("user_id")?)?,
        profile_id: parse_uuid(&row.try_get::<String, _>("profile_id")?)?,
        job_id: parse_uuid(&row.try_get::<String, _>("job_id")?)?,
        request: row.try_get("request")?,
        inputs: row.try_get("inputs")?,
        stages_done: row.try_get::<i64, _>("stages_done")?.clamp(0, 5) as u8,
        analysis: row.try_get("analysis")?,
        compiled: row.try_get("compiled")?,
        drafts: row.try_get("drafts")?,
        reports: row.try_get("reports")?,
        engine: row.try_get("engine")?,
        tokens_used: row.try_get("tokens_used")?,
        timings: row.try_get("timings")?,
        attempts: row.try_get("attempts")?,
        request_id: row.try_get("request_id")?,
        created_at: Timestamp(row.try_get("created_at")?),
    }))
}

/// Extends a claim; false when the claim was lost (expired and taken) or the generation was
/// cancelled.
pub async fn heartbeat(db: &Db, id: Uuid, worker: &str, ttl: Duration) -> anyhow::Result<bool> {
    let now = Timestamp::now();
    let changed = sqlx::query(
        "UPDATE generations SET claim_expires_at = $3 \
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'",
    )
    .bind(id.to_string())
    .bind(worker)
    .bind(now.plus(ttl).millis())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Marks the stage a worker is starting; false when the claim was lost or cancelled.
pub async fn start_stage(db: &Db, id: Uuid, worker: &str, stage: u8) -> anyhow::Result<bool> {
    let changed = sqlx::query(
        "UPDATE generations SET current_stage = $3, updated_at = $4 \
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'",
    )
    .bind(id.to_string())
    .bind(worker)
    .bind(i64::from(stage))
    .bind(Timestamp::now().millis())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// The stage-output column of stages 1–4.
fn stage_column(stage: u8) -> &'static str {
    match stage {
        1 => "analysis",
        2 => "compiled",
        3 => "drafts",
        _ => "reports",
    }
}

/// What a worker records with each stage: the engine so far, tokens spent, stage timings.
#[derive(Debug, Clone, Copy)]
pub struct RunRecord<'a> {
    /// `offline`, `llm:<model>` or `offline (fallback: …)`.
    pub engine: &'a str,
    /// LLM tokens spent so far.
    pub tokens_used: i64,
    /// Stage timings (JSON object, stage → ms).
    pub timings: &'a str,
}

/// Stores a finished stage's output (stages 1–4) with the run record; false when the claim was
/// lost or the generation cancelled.
pub async fn finish_stage(
    db: &Db,
    id: Uuid,
    worker: &str,
    stage: u8,
    output: &str,
    run: RunRecord<'_>,
) -> anyhow::Result<bool> {
    let changed = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE generations SET {} = $3, stages_done = $4, engine = $5, tokens_used = $6, \
         timings = $7, updated_at = $8 \
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'",
        stage_column(stage)
    )))
    .bind(id.to_string())
    .bind(worker)
    .bind(output)
    .bind(i64::from(stage))
    .bind(run.engine)
    .bind(run.tokens_used)
    .bind(run.timings)
    .bind(Timestamp::now().millis())
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Completes a generation and writes its documents in one transaction. Returns false (and
/// writes nothing) when the claim was lost or the generation cancelled meanwhile.
pub async fn complete(
    db: &Db,
    claimed: &Claimed,
    worker: &str,
    documents: &[NewDocument],
    result: &GenerationResult,
    run: RunRecord<'_>,
) -> anyhow::Result<bool> {
    let now = Timestamp::now().millis();
    let mut tx = db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE generations SET status = 'completed', current_stage = 5, stages_done = 5, \
         result = $3, engine = $4, tokens_used = $5, timings = $6, updated_at = $7, \
         completed_at = $7, claimed_by = NULL, claim_expires_at = NULL \
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'",
    )
    .bind(claimed.id.to_string())
    .bind(worker)
    .bind(serde_json::to_string(result)?)
    .bind(run.engine)
    .bind(run.tokens_used)
    .bind(run.timings)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    let origin = Origin {
        user_id: claimed.user_id,
        generation_id: claimed.id,
        profile_id: claimed.profile_id,
        job_id: claimed.job_id,
    };
    for d in documents {
        crate::documents::store::insert_generated(&mut tx, origin, d, now).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Marks a generation failed (only while this worker holds it).
pub async fn fail(db: &Db, id: Uuid, worker: &str, error: &str) -> anyhow::Result<bool> {
    let now = Timestamp::now().millis();
    let changed = sqlx::query(
        "UPDATE generations SET status = 'failed', error = $3, updated_at = $4, completed_at = $4, \
         claimed_by = NULL, claim_expires_at = NULL \
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'",
    )
    .bind(id.to_string())
    .bind(worker)
    .bind(error)
    .bind(now)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Gives a claim back (graceful shutdown): the generation is runnable again at once and
/// resumes at its first unfinished stage.
pub async fn release(db: &Db, id: Uuid, worker: &str) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE generations SET claimed_by = NULL, claim_expires_at = NULL, updated_at = $3 \
         WHERE id = $1 AND claimed_by = $2 AND status = 'running'",
    )
    .bind(id.to_string())
    .bind(worker)
    .bind(Timestamp::now().millis())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The request of a generation, read typed; `None` when there is no such generation or its
/// request is unreadable. (Other features ask this instead of reading the table.)
pub async fn request_of(db: &Db, id: Uuid) -> AppResult<Option<GenerationRequest>> {
    let request: Option<String> =
        sqlx::query_scalar("SELECT request FROM generations WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(&db.pool)
            .await?;
    Ok(request.and_then(|r| serde_json::from_str(&r).ok()))
}

/// What stage 4 of a generation checked against: its frozen inputs and the outputs of stages 1
/// and 2. `None` when the generation is gone or did not get past stage 2.
pub async fn validation_basis(
    db: &Db,
    id: Uuid,
) -> AppResult<Option<(PipelineInputs, JobAnalysis, CompiledProfile)>> {
    let stored = sqlx::query("SELECT inputs, analysis, compiled FROM generations WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&db.pool)
        .await?;
    let Some(stored) = stored else {
        return Ok(None);
    };
    let (Some(analysis), Some(compiled)) = (
        stored.try_get::<Option<String>, _>("analysis")?,
        stored.try_get::<Option<String>, _>("compiled")?,
    ) else {
        return Ok(None);
    };
    let inputs = serde_json::from_str(&stored.try_get::<String, _>("inputs")?)
        .map_err(anyhow::Error::from)?;
    let analysis = serde_json::from_str(&analysis).map_err(anyhow::Error::from)?;
    let compiled = serde_json::from_str(&compiled).map_err(anyhow::Error::from)?;
    Ok(Some((inputs, analysis, compiled)))
}
