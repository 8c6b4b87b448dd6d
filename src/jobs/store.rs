//! Job persistence: insert, load (catalog or own), replace, delete, and the seeded catalog.

use sqlx::Row;
use uuid::Uuid;

use super::import::PageSource;
use super::model::{
    ExperienceLevel, Job, JobInput, JobSource, JobType, ParseWarning, SalaryPeriod, SalaryRange,
    WorkArrangement,
};
use crate::db::{Db, Timestamp, parse_uuid};
use crate::error::{AppError, AppResult};

/// The catalog shipped with the service.
const CATALOG: &str = include_str!("../../assets/catalog/jobs.json");

/// Columns selected for a [`Job`].
pub const COLUMNS: &str = "jobs.id, jobs.owner_id, jobs.source, jobs.title, jobs.company, jobs.location, \
    jobs.remote, jobs.work_arrangement, jobs.job_type, jobs.experience_level, jobs.salary_min, jobs.salary_max, \
    jobs.salary_currency, jobs.salary_period, jobs.description, jobs.details, jobs.application_url, \
    jobs.posted_date, jobs.expires_date, jobs.created_at, jobs.updated_at, jobs.source_url, \
    jobs.parse_warnings, jobs.import_source";

/// Where a job came from beyond its fields: the imported page, how it was read, and what the
/// parser had to guess. Empty for structured and catalog jobs.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// The page's URL (one job per user and URL).
    pub source_url: Option<String>,
    /// How an imported page was read.
    pub import_source: Option<PageSource>,
    /// The parser's warnings.
    pub parse_warnings: Vec<ParseWarning>,
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Details {
    #[serde(default)]
    responsibilities: Vec<String>,
    #[serde(default)]
    requirements: Vec<String>,
    #[serde(default)]
    preferred: Vec<String>,
    #[serde(default)]
    benefits: Vec<String>,
}

/// Builds a job from a row selected with [`COLUMNS`].
pub fn from_row(row: &sqlx::any::AnyRow) -> AppResult<Job> {
    from_row_with_id(row, "id")
}

/// Like [`from_row`], reading the job id from `id_column` (for joins that alias it).
pub fn from_row_with_id(row: &sqlx::any::AnyRow, id_column: &str) -> AppResult<Job> {
    let details: Details =
        serde_json::from_str(&row.try_get::<String, _>("details")?).map_err(anyhow::Error::from)?;
    let text =
        |name: &str| -> AppResult<Option<String>> { Ok(row.try_get::<Option<String>, _>(name)?) };
    let currency = text("salary_currency")?;
    let salary_range = match currency {
        Some(currency) => Some(SalaryRange {
            min: row.try_get("salary_min")?,
            max: row.try_get("salary_max")?,
            currency,
            period: text("salary_period")?
                .as_deref()
                .and_then(SalaryPeriod::parse)
                .unwrap_or(SalaryPeriod::Year),
        }),
        None => None,
    };
    Ok(Job {
        id: parse_uuid(row.try_get(id_column)?)?,
        owner: text("owner_id")?.as_deref().map(parse_uuid).transpose()?,
        source: JobSource::parse(&row.try_get::<String, _>("source")?).unwrap_or(JobSource::User),
        title: row.try_get("title")?,
        company: text("company")?,
        location: text("location")?,
        remote: row.try_get::<i64, _>("remote")? != 0,
        work_arrangement: text("work_arrangement")?
            .as_deref()
            .and_then(WorkArrangement::parse),
        job_type: text("job_type")?.as_deref().and_then(JobType::parse),
        experience_level: text("experience_level")?
            .as_deref()
            .and_then(ExperienceLevel::parse),
        salary_range,
        description: row.try_get("description")?,
        responsibilities: details.responsibilities,
        requirements: details.requirements,
        preferred: details.preferred,
        benefits: details.benefits,
        application_url: text("application_url")?,
        posted_date: text("posted_date")?,
        expires_date: text("expires_date")?,
        source_url: text("source_url")?,
        parse_warnings: serde_json::from_str(&row.try_get::<String, _>("parse_warnings")?)
            .map_err(anyhow::Error::from)?,
        created_at: Timestamp(row.try_get("created_at")?),
        updated_at: Timestamp(row.try_get("updated_at")?),
    })
}

/// A job the caller may see: a catalog job or one of their own (404 otherwise).
pub async fn load_visible(db: &Db, user_id: Uuid, id: Uuid) -> AppResult<Job> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM jobs WHERE id = $1 AND (owner_id IS NULL OR owner_id = $2)"
    )))
    .bind(id.to_string())
    .bind(user_id.to_string())
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("job"))?;
    from_row(&row)
}

/// A job the caller may change: 404 when unseen, 403 for catalog jobs.
pub async fn load_editable(db: &Db, user_id: Uuid, id: Uuid) -> AppResult<Job> {
    let job = load_visible(db, user_id, id).await?;
    if job.owner.is_none() {
        return Err(AppError::Forbidden(
            "catalog jobs are read-only; save it or paste your own copy".into(),
        ));
    }
    Ok(job)
}

fn requirements_text(input: &JobInput) -> String {
    input
        .requirements
        .iter()
        .chain(&input.preferred)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

fn details_json(input: &JobInput) -> AppResult<String> {
    Ok(serde_json::to_string(&Details {
        responsibilities: input.responsibilities.clone(),
        requirements: input.requirements.clone(),
        preferred: input.preferred.clone(),
        benefits: input.benefits.clone(),
    })
    .map_err(anyhow::Error::from)?)
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

/// Binds the 17 editable columns, in the order `title, company, location, remote,
/// work_arrangement, job_type, experience_level, salary_min, salary_max, salary_currency,
/// salary_period, description, details, requirements_text, application_url, posted_date,
/// expires_date` (the order of both statements below).
fn bind_fields<'q>(query: AnyQuery<'q>, input: &'q JobInput) -> AppResult<AnyQuery<'q>> {
    let salary = input.salary_range.as_ref();
    Ok(query
        .bind(&input.title)
        .bind(&input.company)
        .bind(&input.location)
        .bind(i64::from(input.is_remote()))
        .bind(input.work_arrangement.map(WorkArrangement::as_str))
        .bind(input.job_type.map(JobType::as_str))
        .bind(input.experience_level.map(ExperienceLevel::as_str))
        .bind(salary.and_then(|s| s.min))
        .bind(salary.and_then(|s| s.max))
        .bind(salary.map(|s| s.currency.clone()))
        .bind(salary.map(|s| s.period.as_str()))
        .bind(&input.description)
        .bind(details_json(input)?)
        .bind(requirements_text(input))
        .bind(&input.application_url)
        .bind(&input.posted_date)
        .bind(&input.expires_date))
}

/// Inserts a job; returns whether a row was written. A clash on the id (seeding twice) or on
/// the owner's `source_url` (the same page imported twice at once) writes nothing.
pub async fn insert<'c, E>(
    exec: E,
    id: Uuid,
    owner: Option<Uuid>,
    source: JobSource,
    input: &JobInput,
    provenance: &Provenance,
    now: Timestamp,
) -> AppResult<bool>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let query = sqlx::query(
        "INSERT INTO jobs (title, company, location, remote, work_arrangement, job_type, experience_level, \
         salary_min, salary_max, salary_currency, salary_period, description, details, requirements_text, \
         application_url, posted_date, expires_date, id, owner_id, source, created_at, updated_at, \
         source_url, import_source, parse_warnings) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21, \
         $22, $23, $24) \
         ON CONFLICT DO NOTHING",
    );
    let written = bind_fields(query, input)?
        .bind(id.to_string())
        .bind(owner.map(|o| o.to_string()))
        .bind(source.as_str())
        .bind(now.millis())
        .bind(provenance.source_url.clone())
        .bind(provenance.import_source.map(PageSource::as_str))
        .bind(serde_json::to_string(&provenance.parse_warnings).map_err(anyhow::Error::from)?)
        .execute(exec)
        .await?
        .rows_affected();
    Ok(written == 1)
}

/// The caller's job imported from `source_url`, with how it was read.
pub async fn find_imported(
    db: &Db,
    owner: Uuid,
    source_url: &str,
) -> AppResult<Option<(Job, PageSource)>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM jobs WHERE owner_id = $1 AND source_url = $2"
    )))
    .bind(owner.to_string())
    .bind(source_url)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let source = row
        .try_get::<Option<String>, _>("import_source")?
        .as_deref()
        .and_then(PageSource::parse)
        .unwrap_or(PageSource::HtmlText);
    Ok(Some((from_row(&row)?, source)))
}

/// Replaces the parse warnings of an owned job (edits drop the warnings of the fields they
/// set).
pub async fn set_parse_warnings(
    db: &Db,
    owner: Uuid,
    id: Uuid,
    warnings: &[ParseWarning],
) -> AppResult<()> {
    sqlx::query("UPDATE jobs SET parse_warnings = $1 WHERE id = $2 AND owner_id = $3")
        .bind(serde_json::to_string(warnings).map_err(anyhow::Error::from)?)
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Replaces an owned job's fields.
pub async fn replace(db: &Db, owner: Uuid, id: Uuid, input: &JobInput) -> AppResult<()> {
    let query = sqlx::query(
        "UPDATE jobs SET title = $1, company = $2, location = $3, remote = $4, work_arrangement = $5, job_type = $6, \
         experience_level = $7, salary_min = $8, salary_max = $9, salary_currency = $10, salary_period = $11, \
         description = $12, details = $13, requirements_text = $14, application_url = $15, posted_date = $16, \
         expires_date = $17, updated_at = $18 WHERE id = $19 AND owner_id = $20",
    );
    bind_fields(query, input)?
        .bind(Timestamp::now().millis())
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A stable id for a catalog posting (so seeding twice, or from two instances, inserts once).
fn catalog_id(input: &JobInput) -> Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!(
        "catalog\n{}\n{}",
        input.title,
        input.company.as_deref().unwrap_or("")
    ));
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Uuid::new_v8(bytes)
}

/// Parses the shipped catalog.
pub fn catalog() -> anyhow::Result<Vec<JobInput>> {
    let mut jobs: Vec<JobInput> = serde_json::from_str(CATALOG)?;
    for (i, job) in jobs.iter_mut().enumerate() {
        job.tidy();
        let problems = job.problems();
        anyhow::ensure!(
            problems.is_empty(),
            "catalog posting {i} is invalid: {problems:?}"
        );
    }
    Ok(jobs)
}

/// Inserts the catalog postings that are missing; returns how many were added.
pub async fn seed_catalog(db: &Db) -> anyhow::Result<usize> {
    let jobs = catalog()?;
    let now = Timestamp::now();
    let mut tx = db.begin_write().await?;
    let mut added = 0;
    for job in &jobs {
        if insert(
            &mut *tx,
            catalog_id(job),
            None,
            JobSource::Catalog,
            job,
            &Provenance::default(),
            now,
        )
        .await
        .map_err(|e| anyhow::anyhow!("seeding the catalog: {e}"))?
        {
            added += 1;
        }
    }
    tx.commit().await?;
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_catalog_is_valid_and_varied() {
        let jobs = catalog().unwrap();
        assert!(jobs.len() >= 150, "{}", jobs.len());
        let ids: std::collections::HashSet<Uuid> = jobs.iter().map(catalog_id).collect();
        assert_eq!(ids.len(), jobs.len(), "catalog ids are unique");
        for level in ExperienceLevel::ALL {
            assert!(
                jobs.iter().any(|j| j.experience_level == Some(*level)),
                "{level:?}"
            );
        }
    }
}
