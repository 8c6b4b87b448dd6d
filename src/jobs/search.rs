//! Job search: ranked full text (SQLite FTS5 with BM25; PostgreSQL weighted tsvector with
//! `ts_rank`), every contract filter, facets counted over the filtered set, stable paging.
//! The query text is parsed once by [`super::grammar`] (words, phrases, `-`/`NOT`, `OR`) and
//! rendered for each engine, so both return the same jobs; ties are broken by recency, then id.

use serde::Serialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::model::{ExperienceLevel, Job, JobSource, JobType};
use super::store::{COLUMNS, from_row};
use crate::db::{Backend, Db};
use crate::error::{AppError, AppResult, FieldError};
use crate::http::{Page, Pagination};

/// Search parameters (`GET /jobs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct JobQuery {
    /// Full-text query, ranked by relevance then recency: words (AND-ed), `"quoted phrases"`,
    /// `-word` or `NOT word` to exclude, `a OR b` for either (operators in upper case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Case-insensitive substring of the location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Seniority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience_level: Option<ExperienceLevel>,
    /// Employment type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_type: Option<JobType>,
    /// Only remote (true) or only non-remote (false) jobs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote: Option<bool>,
    /// Keep jobs whose salary range reaches at least this much.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary_min: Option<i64>,
    /// Keep jobs whose salary range starts at most at this much.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary_max: Option<i64>,
    /// catalog, user or imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<JobSource>,
}

impl JobQuery {
    /// Parses the query string; every bad parameter is reported (422).
    pub fn from_query(raw: &str) -> AppResult<Self> {
        let mut q = JobQuery::default();
        let mut errors = Vec::new();
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let value = value.trim().to_owned();
            let bad = |errors: &mut Vec<FieldError>, msg: &str| {
                errors.push(FieldError::new(key.as_ref(), msg))
            };
            match key.as_ref() {
                "query" | "q" => q.query = (!value.is_empty()).then_some(value),
                "location" => q.location = (!value.is_empty()).then_some(value),
                "experience_level" => match ExperienceLevel::parse(&value) {
                    Some(v) => q.experience_level = Some(v),
                    None => bad(
                        &mut errors,
                        "must be one of entry, mid, senior, lead, executive",
                    ),
                },
                "job_type" => match JobType::parse(&value) {
                    Some(v) => q.job_type = Some(v),
                    None => bad(
                        &mut errors,
                        "must be one of full_time, part_time, contract, freelance, internship",
                    ),
                },
                "source" => match JobSource::parse(&value) {
                    Some(v) => q.source = Some(v),
                    None => bad(&mut errors, "must be one of catalog, user, imported"),
                },
                "remote" => match value.as_str() {
                    "true" | "1" => q.remote = Some(true),
                    "false" | "0" => q.remote = Some(false),
                    _ => bad(&mut errors, "must be true or false"),
                },
                "salary_min" | "salary_max" => match value.parse::<i64>() {
                    Ok(n) if n >= 0 => {
                        if key == "salary_min" {
                            q.salary_min = Some(n)
                        } else {
                            q.salary_max = Some(n)
                        }
                    }
                    _ => bad(&mut errors, "must be a whole number of 0 or more"),
                },
                _ => {}
            }
        }
        if let Some(query) = &q.query
            && query.chars().count() > 200
        {
            errors.push(FieldError::new("query", "must be at most 200 characters"));
        }
        if let (Some(min), Some(max)) = (q.salary_min, q.salary_max)
            && max < min
        {
            errors.push(FieldError::new(
                "salary_max",
                "must not be below salary_min",
            ));
        }
        if errors.is_empty() {
            Ok(q)
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

/// One facet value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Jobs in the filtered result with it.
    pub count: i64,
}

/// Facets over the filtered result (ignoring paging).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AvailableFilters {
    /// Locations.
    pub locations: Vec<FacetCount>,
    /// Companies.
    pub companies: Vec<FacetCount>,
    /// Seniority levels.
    pub experience_levels: Vec<FacetCount>,
    /// Employment types.
    pub job_types: Vec<FacetCount>,
}

/// The `filters` object of the search response.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SearchFilters {
    /// The parameters as understood.
    pub applied_filters: JobQuery,
    /// Facet counts.
    pub available_filters: AvailableFilters,
}

/// The search response.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct JobList {
    /// Matching jobs.
    pub jobs: Vec<Job>,
    /// Paging.
    pub pagination: Page,
    /// Filters and facets.
    pub filters: SearchFilters,
}

enum Arg {
    Text(String),
    Int(i64),
}

struct Built {
    /// `FROM … WHERE …` of the candidate query.
    from_where: String,
    /// Relevance expression (lower is better); a constant without a text query.
    rank: String,
    args: Vec<Arg>,
}

fn build(backend: Backend, user_id: Uuid, q: &JobQuery) -> Built {
    let mut args = vec![Arg::Text(user_id.to_string())];
    let mut conditions = vec!["(jobs.owner_id IS NULL OR jobs.owner_id = $1)".to_owned()];
    let mut from = "jobs".to_owned();
    let mut rank = "0.0".to_owned();
    let push = |args: &mut Vec<Arg>, arg: Arg| -> String {
        args.push(arg);
        format!("${}", args.len())
    };
    let parsed = q
        .query
        .as_deref()
        .map(super::grammar::parse)
        .unwrap_or_default();
    match backend {
        Backend::Sqlite => {
            if let Some(expression) = parsed.fts5_positive() {
                let p = push(&mut args, Arg::Text(expression));
                // CROSS JOIN makes SQLite drive the join from the (few) full-text matches;
                // `LIMIT -1` (no limit) keeps the subquery from being flattened into the
                // aggregate, where bm25() cannot run.
                from = format!(
                    "(SELECT rowid AS fts_rowid, bm25(jobs_fts, 10.0, 4.0, 1.0, 3.0) AS rank \
                     FROM jobs_fts WHERE jobs_fts MATCH {p} LIMIT -1) AS fts CROSS JOIN jobs ON jobs.rowid = fts.fts_rowid"
                );
                rank = "fts.rank".to_owned();
            }
            if let Some(expression) = parsed.fts5_negative() {
                let p = push(&mut args, Arg::Text(expression));
                conditions.push(format!(
                    "jobs.rowid NOT IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH {p})"
                ));
            }
        }
        Backend::Postgres => {
            if let Some(expression) = parsed.tsquery() {
                let p = push(&mut args, Arg::Text(expression));
                conditions.push(format!("jobs.search_vector @@ to_tsquery('english', {p})"));
            }
            if let Some(positive) = parsed.tsquery_positive() {
                let p = push(&mut args, Arg::Text(positive));
                rank = format!("-ts_rank(jobs.search_vector, to_tsquery('english', {p}))");
            }
        }
    }
    if let Some(location) = &q.location {
        let escaped = location
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let p = push(&mut args, Arg::Text(format!("%{escaped}%")));
        conditions.push(format!("LOWER(jobs.location) LIKE {p} ESCAPE '\\'"));
    }
    if let Some(level) = q.experience_level {
        let p = push(&mut args, Arg::Text(level.as_str().to_owned()));
        conditions.push(format!("jobs.experience_level = {p}"));
    }
    if let Some(job_type) = q.job_type {
        let p = push(&mut args, Arg::Text(job_type.as_str().to_owned()));
        conditions.push(format!("jobs.job_type = {p}"));
    }
    if let Some(source) = q.source {
        let p = push(&mut args, Arg::Text(source.as_str().to_owned()));
        conditions.push(format!("jobs.source = {p}"));
    }
    if let Some(remote) = q.remote {
        let p = push(&mut args, Arg::Int(i64::from(remote)));
        conditions.push(format!("jobs.remote = {p}"));
    }
    // Ranges overlap: the job's top reaches the wanted minimum, its bottom is under the maximum.
    if let Some(min) = q.salary_min {
        let p = push(&mut args, Arg::Int(min));
        conditions.push(format!("COALESCE(jobs.salary_max, jobs.salary_min) >= {p}"));
    }
    if let Some(max) = q.salary_max {
        let p = push(&mut args, Arg::Int(max));
        conditions.push(format!("COALESCE(jobs.salary_min, jobs.salary_max) <= {p}"));
    }
    Built {
        from_where: format!("FROM {from} WHERE {}", conditions.join(" AND ")),
        rank,
        args,
    }
}

fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    args: &'q [Arg],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    for arg in args {
        query = match arg {
            Arg::Text(s) => query.bind(s.as_str()),
            Arg::Int(n) => query.bind(*n),
        };
    }
    query
}

/// One matching job, with just what ranking, paging and facets need.
struct Candidate {
    id: String,
    rank: f64,
    posted_date: Option<String>,
    created_at: i64,
    location: Option<String>,
    company: Option<String>,
    experience_level: Option<String>,
    job_type: Option<String>,
}

/// Counts values, most frequent first (ties by value), at most 50.
fn count_values<'a>(values: impl Iterator<Item = &'a Option<String>>) -> Vec<FacetCount> {
    let mut counts: std::collections::BTreeMap<&str, i64> = std::collections::BTreeMap::new();
    for value in values.flatten() {
        *counts.entry(value.as_str()).or_default() += 1;
    }
    let mut facets: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount {
            value: value.to_owned(),
            count,
        })
        .collect();
    facets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    facets.truncate(50);
    facets
}

/// Runs a search for the caller (catalog jobs plus their own).
///
/// Two queries: the first reads the narrow columns of every match (ranking, facets and the
/// total come from it, so they always agree); the second loads the full rows of one page.
pub async fn search(db: &Db, user_id: Uuid, q: JobQuery, page: Pagination) -> AppResult<JobList> {
    use sqlx::Row;
    let built = build(db.backend, user_id, &q);
    // The candidates come back as one JSON array (one row): per-row driver overhead, not the
    // database, dominated this query on 10,000 postings.
    let row_json = "jobs.id, {rank}, jobs.posted_date, jobs.created_at, jobs.location, jobs.company, \
                    jobs.experience_level, jobs.job_type";
    let aggregate = match db.backend {
        Backend::Sqlite => format!("COALESCE(json_group_array(json_array({row_json})), '[]')"),
        Backend::Postgres => {
            format!("COALESCE(json_agg(json_build_array({row_json}))::text, '[]')")
        }
    }
    .replace("{rank}", &built.rank);
    let sql = format!("SELECT {aggregate} AS data {}", built.from_where);
    let data: String = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), &built.args)
        .fetch_one(&db.pool)
        .await?
        .try_get("data")?;
    type Tuple = (
        String,
        f64,
        Option<String>,
        i64,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let tuples: Vec<Tuple> = serde_json::from_str(&data).map_err(anyhow::Error::from)?;
    let mut candidates: Vec<Candidate> = tuples
        .into_iter()
        .map(
            |(id, rank, posted_date, created_at, location, company, experience_level, job_type)| {
                Candidate {
                    id,
                    rank,
                    posted_date,
                    created_at,
                    location,
                    company,
                    experience_level,
                    job_type,
                }
            },
        )
        .collect();
    // Relevance, then recency (undated last), then id: a total order, so pages are stable.
    candidates.sort_by(|a, b| {
        a.rank
            .total_cmp(&b.rank)
            .then_with(|| match (&a.posted_date, &b.posted_date) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| b.created_at.cmp(&a.created_at))
            .then_with(|| a.id.cmp(&b.id))
    });
    let total = candidates.len() as i64;
    let available_filters = AvailableFilters {
        locations: count_values(candidates.iter().map(|c| &c.location)),
        companies: count_values(candidates.iter().map(|c| &c.company)),
        experience_levels: count_values(candidates.iter().map(|c| &c.experience_level)),
        job_types: count_values(candidates.iter().map(|c| &c.job_type)),
    };
    let page_ids: Vec<&str> = candidates
        .iter()
        .skip(page.offset as usize)
        .take(page.limit as usize)
        .map(|c| c.id.as_str())
        .collect();
    let mut jobs = Vec::with_capacity(page_ids.len());
    if !page_ids.is_empty() {
        let placeholders: Vec<String> = (1..=page_ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {COLUMNS} FROM jobs WHERE jobs.id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in &page_ids {
            query = query.bind(*id);
        }
        let mut by_id: std::collections::HashMap<Uuid, Job> = query
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| from_row(r).map(|j| (j.id, j)))
            .collect::<AppResult<_>>()?;
        for id in page_ids {
            if let Some(job) = Uuid::parse_str(id).ok().and_then(|id| by_id.remove(&id)) {
                jobs.push(job);
            }
        }
    }
    Ok(JobList {
        jobs,
        pagination: page.page(total),
        filters: SearchFilters {
            applied_filters: q,
            available_filters,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parsing_reports_each_bad_parameter() {
        let q = JobQuery::from_query("query=rust&remote=true&salary_min=100000&job_type=full_time")
            .unwrap();
        assert_eq!(q.query.as_deref(), Some("rust"));
        assert_eq!(q.remote, Some(true));
        let AppError::Validation(errors) =
            JobQuery::from_query("remote=maybe&salary_min=-5&experience_level=guru").unwrap_err()
        else {
            panic!()
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["remote", "salary_min", "experience_level"]);
    }
}
