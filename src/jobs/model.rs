//! Job types: the API shape of a job, the input of create/replace, their validation, and the
//! mapping from a parsed pasted posting.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::Timestamp;
use crate::error::FieldError;
use crate::http::json::rules;
use crate::profiles::model::is_url;

text_enum!(
    /// Employment type.
    JobType {
        /// Full time.
        FullTime = "full_time",
        /// Part time.
        PartTime = "part_time",
        /// Contract.
        Contract = "contract",
        /// Freelance.
        Freelance = "freelance",
        /// Internship.
        Internship = "internship",
    }
);

text_enum!(
    /// Seniority.
    ExperienceLevel {
        /// Entry level.
        Entry = "entry",
        /// Mid level.
        Mid = "mid",
        /// Senior.
        Senior = "senior",
        /// Lead / staff / principal.
        Lead = "lead",
        /// Director and above.
        Executive = "executive",
    }
);

text_enum!(
    /// Where the work happens.
    WorkArrangement {
        /// Fully remote.
        Remote = "remote",
        /// Part office, part remote.
        Hybrid = "hybrid",
        /// In the office.
        OnSite = "on_site",
    }
);

text_enum!(
    /// What a salary figure is per.
    SalaryPeriod {
        /// Per year.
        Year = "year",
        /// Per month.
        Month = "month",
        /// Per day.
        Day = "day",
        /// Per hour.
        Hour = "hour",
    }
);

text_enum!(
    /// Where a job came from.
    JobSource {
        /// The seeded catalog (read-only).
        Catalog = "catalog",
        /// Entered by a user.
        User = "user",
        /// Imported from elsewhere.
        Imported = "imported",
    }
);

/// A field the posting parser had to guess, or cut to fit the limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ParseWarning {
    /// The job field concerned, e.g. `title` or `requirements`.
    pub field: String,
    /// What happened and what to check.
    pub message: String,
}

impl ParseWarning {
    /// A warning on `field`.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        ParseWarning {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// A salary range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SalaryRange {
    /// Lower bound (whole currency units).
    pub min: Option<i64>,
    /// Upper bound.
    pub max: Option<i64>,
    /// ISO 4217 code, e.g. `USD`.
    #[schema(example = "USD")]
    pub currency: String,
    /// Per year (default), month, day or hour.
    #[serde(default = "default_period")]
    pub period: SalaryPeriod,
}

fn default_period() -> SalaryPeriod {
    SalaryPeriod::Year
}

/// The editable fields of a job (create, replace, merge-patch target).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "title": "Senior Backend Engineer", "company": "Northwind", "location": "Berlin, Germany",
    "work_arrangement": "hybrid", "job_type": "full_time", "experience_level": "senior",
    "salary_range": {"min": 85000, "max": 110000, "currency": "EUR", "period": "year"},
    "description": "Build the payments platform.", "requirements": ["5+ years of Go or Rust"],
    "preferred": ["Kubernetes"], "benefits": ["30 days of leave"]
}))]
pub struct JobInput {
    /// Title (required, ≤ 200).
    pub title: String,
    /// Company (≤ 200).
    #[serde(default)]
    pub company: Option<String>,
    /// Location (≤ 200).
    #[serde(default)]
    pub location: Option<String>,
    /// True when fully remote (defaults from `work_arrangement`).
    #[serde(default)]
    pub remote: Option<bool>,
    /// Remote, hybrid or on-site.
    #[serde(default)]
    pub work_arrangement: Option<WorkArrangement>,
    /// Employment type.
    #[serde(default)]
    pub job_type: Option<JobType>,
    /// Seniority.
    #[serde(default)]
    pub experience_level: Option<ExperienceLevel>,
    /// Pay.
    #[serde(default)]
    pub salary_range: Option<SalaryRange>,
    /// The posting text (required, ≤ 50,000).
    pub description: String,
    /// What the job involves.
    #[serde(default)]
    pub responsibilities: Vec<String>,
    /// Required qualifications.
    #[serde(default)]
    pub requirements: Vec<String>,
    /// Nice-to-haves.
    #[serde(default)]
    pub preferred: Vec<String>,
    /// Benefits.
    #[serde(default)]
    pub benefits: Vec<String>,
    /// Where to apply.
    #[serde(default)]
    pub application_url: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub posted_date: Option<String>,
    /// `YYYY-MM-DD`, not before `posted_date`.
    #[serde(default)]
    pub expires_date: Option<String>,
}

/// A job as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Job {
    /// Job id.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Company, when known (a pasted posting that names none keeps null).
    pub company: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Fully remote.
    pub remote: bool,
    /// Remote, hybrid or on-site.
    pub work_arrangement: Option<WorkArrangement>,
    /// Employment type.
    pub job_type: Option<JobType>,
    /// Seniority.
    pub experience_level: Option<ExperienceLevel>,
    /// Pay.
    pub salary_range: Option<SalaryRange>,
    /// The posting text.
    pub description: String,
    /// What the job involves.
    pub responsibilities: Vec<String>,
    /// Required qualifications.
    pub requirements: Vec<String>,
    /// Nice-to-haves.
    pub preferred: Vec<String>,
    /// Benefits.
    pub benefits: Vec<String>,
    /// Where to apply.
    pub application_url: Option<String>,
    /// `YYYY-MM-DD`.
    pub posted_date: Option<String>,
    /// `YYYY-MM-DD`.
    pub expires_date: Option<String>,
    /// catalog, user or imported.
    pub source: JobSource,
    /// The page an imported job came from (null for other jobs).
    pub source_url: Option<String>,
    /// Where the parser of a pasted or imported posting had to guess or cut something, for
    /// the user to check (empty for structured jobs).
    pub parse_warnings: Vec<ParseWarning>,
    /// Owner's user id; null for catalog jobs.
    pub owner: Option<Uuid>,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Last change.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

impl Job {
    /// The editable part of this job.
    pub fn input(&self) -> JobInput {
        JobInput {
            title: self.title.clone(),
            company: self.company.clone(),
            location: self.location.clone(),
            remote: Some(self.remote),
            work_arrangement: self.work_arrangement,
            job_type: self.job_type,
            experience_level: self.experience_level,
            salary_range: self.salary_range.clone(),
            description: self.description.clone(),
            responsibilities: self.responsibilities.clone(),
            requirements: self.requirements.clone(),
            preferred: self.preferred.clone(),
            benefits: self.benefits.clone(),
            application_url: self.application_url.clone(),
            posted_date: self.posted_date.clone(),
            expires_date: self.expires_date.clone(),
        }
    }

    /// The part of this job the pipeline reads (stage 1 and the drafts).
    pub fn posting(&self) -> jobwise_engine::JobPosting {
        jobwise_engine::JobPosting {
            title: self.title.clone(),
            company: self.company.clone(),
            description: self.description.clone(),
            requirements: self.requirements.clone(),
            preferred: self.preferred.clone(),
            responsibilities: self.responsibilities.clone(),
        }
    }
}

fn calendar_date(value: &str) -> Option<time::Date> {
    time::Date::parse(
        value,
        &time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// Longest description (the same as the longest pasted posting).
pub const MAX_DESCRIPTION_CHARS: usize = 50_000;
/// Posting text at least this long always creates a job (with warnings where the parser
/// guessed); shorter text needs a recognisable title.
pub const ALWAYS_ACCEPTED_CHARS: usize = 200;
/// Most items in each list (responsibilities, requirements, preferred, benefits).
pub const MAX_LIST_ITEMS: usize = 50;
/// Longest list item.
pub const MAX_ITEM_CHARS: usize = 1000;
/// Longest title, company or location.
pub const MAX_NAME_CHARS: usize = 200;

fn list(errors: &mut Vec<FieldError>, field: &str, items: &[String]) {
    if items.len() > MAX_LIST_ITEMS {
        errors.push(FieldError::new(
            field,
            format!("must have at most {MAX_LIST_ITEMS} items"),
        ));
    }
    for (i, item) in items.iter().enumerate() {
        rules::required_text(errors, &format!("{field}[{i}]"), item, MAX_ITEM_CHARS);
    }
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max - 1).collect();
    }
    out.push('…');
    out
}

impl JobInput {
    /// Trims texts and drops blank optional values.
    pub fn tidy(&mut self) {
        fn opt(v: &mut Option<String>) {
            if let Some(s) = v {
                let t = s.trim();
                *v = (!t.is_empty()).then(|| t.to_owned());
            }
        }
        self.title = self.title.trim().to_owned();
        self.description = self.description.trim().to_owned();
        for f in [
            &mut self.company,
            &mut self.location,
            &mut self.application_url,
            &mut self.posted_date,
            &mut self.expires_date,
        ] {
            opt(f);
        }
        for l in [
            &mut self.responsibilities,
            &mut self.requirements,
            &mut self.preferred,
            &mut self.benefits,
        ] {
            for item in l.iter_mut() {
                *item = item.trim().to_owned();
            }
        }
        if let Some(s) = &mut self.salary_range {
            s.currency = s.currency.trim().to_ascii_uppercase();
        }
    }

    /// Every rule, with field paths.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        rules::required_text(&mut e, "title", &self.title, 200);
        rules::required_text(
            &mut e,
            "description",
            &self.description,
            MAX_DESCRIPTION_CHARS,
        );
        for (field, value) in [("company", &self.company), ("location", &self.location)] {
            if let Some(v) = value {
                rules::max_len(&mut e, field, v, 200);
            }
        }
        list(&mut e, "responsibilities", &self.responsibilities);
        list(&mut e, "requirements", &self.requirements);
        list(&mut e, "preferred", &self.preferred);
        list(&mut e, "benefits", &self.benefits);
        if let Some(url) = &self.application_url
            && !is_url(url)
        {
            e.push(FieldError::new(
                "application_url",
                "must be a valid http(s) URL",
            ));
        }
        if let Some(s) = &self.salary_range {
            if s.currency.len() != 3 || !s.currency.bytes().all(|b| b.is_ascii_uppercase()) {
                e.push(FieldError::new(
                    "salary_range.currency",
                    "must be a three-letter ISO 4217 code",
                ));
            }
            if s.min.is_some_and(|m| m < 0) {
                e.push(FieldError::new("salary_range.min", "must not be negative"));
            }
            if s.min.is_none() && s.max.is_none() {
                e.push(FieldError::new("salary_range", "needs min, max or both"));
            }
            if let (Some(min), Some(max)) = (s.min, s.max)
                && max < min
            {
                e.push(FieldError::new("salary_range.max", "must not be below min"));
            }
        }
        let posted = self.posted_date.as_deref().map(|d| (d, calendar_date(d)));
        let expires = self.expires_date.as_deref().map(|d| (d, calendar_date(d)));
        if let Some((_, None)) = posted {
            e.push(FieldError::new("posted_date", "must be a date YYYY-MM-DD"));
        }
        if let Some((_, None)) = expires {
            e.push(FieldError::new("expires_date", "must be a date YYYY-MM-DD"));
        }
        if let (Some((_, Some(p))), Some((_, Some(x)))) = (posted, expires)
            && x < p
        {
            e.push(FieldError::new(
                "expires_date",
                "must not be before posted_date",
            ));
        }
        if self.remote == Some(true)
            && matches!(
                self.work_arrangement,
                Some(WorkArrangement::Hybrid | WorkArrangement::OnSite)
            )
        {
            e.push(FieldError::new("remote", "contradicts work_arrangement"));
        }
        e
    }

    /// `remote`, defaulting from the arrangement.
    pub fn is_remote(&self) -> bool {
        self.remote
            .unwrap_or(self.work_arrangement == Some(WorkArrangement::Remote))
    }

    /// Builds the input from a parsed posting, fitted to the limits (see
    /// [`JobInput::fit_to_limits`]), with the parser's warnings. `None` only when the parser
    /// found no title at all (an empty text).
    pub fn from_parsed(
        parsed: jobwise_engine::ParsedPosting,
    ) -> Option<(JobInput, Vec<ParseWarning>)> {
        use jobwise_engine::{
            ExperienceLevel as L, JobType as T, SalaryPeriod as P, WorkArrangement as W,
        };
        let mut warnings: Vec<ParseWarning> = parsed
            .warnings
            .iter()
            .map(|w| ParseWarning::new(&w.field, w.message.clone()))
            .collect();
        let title = parsed.title?;
        let work_arrangement = parsed.work_arrangement.map(|w| match w {
            W::Remote => WorkArrangement::Remote,
            W::Hybrid => WorkArrangement::Hybrid,
            W::OnSite => WorkArrangement::OnSite,
        });
        Some(JobInput {
            title,
            company: parsed.company,
            location: parsed.location,
            remote: Some(work_arrangement == Some(WorkArrangement::Remote)),
            work_arrangement,
            job_type: parsed.job_type.map(|t| match t {
                T::FullTime => JobType::FullTime,
                T::PartTime => JobType::PartTime,
                T::Contract => JobType::Contract,
                T::Freelance => JobType::Freelance,
                T::Internship => JobType::Internship,
            }),
            experience_level: parsed.experience_level.map(|l| match l {
                L::Entry => ExperienceLevel::Entry,
                L::Mid => ExperienceLevel::Mid,
                L::Senior => ExperienceLevel::Senior,
                L::Lead => ExperienceLevel::Lead,
                L::Executive => ExperienceLevel::Executive,
            }),
            salary_range: parsed.salary.map(|s| SalaryRange {
                min: s.min,
                max: s.max,
                currency: s.currency,
                period: match s.period {
                    P::Year => SalaryPeriod::Year,
                    P::Month => SalaryPeriod::Month,
                    P::Day => SalaryPeriod::Day,
                    P::Hour => SalaryPeriod::Hour,
                },
            }),
            description: parsed.description,
            responsibilities: parsed.responsibilities,
            requirements: parsed.requirements,
            preferred: parsed.preferred,
            benefits: parsed.benefits,
            application_url: parsed.application_url.filter(|url| is_url(url)),
            posted_date: parsed.posted_date,
            expires_date: parsed.expires_date,
        })
        .map(|mut input| {
            input.tidy();
            input.fit_to_limits(&mut warnings);
            (input, warnings)
        })
    }

    /// Fits parsed fields into the limits instead of refusing them: long lists keep their
    /// first items, long texts are cut at a word, an over-long company or location is left
    /// out, an impossible salary or date is dropped; each change is a warning.
    pub fn fit_to_limits(&mut self, warnings: &mut Vec<ParseWarning>) {
        if self.title.chars().count() > MAX_NAME_CHARS {
            self.title = shorten(&self.title, MAX_NAME_CHARS);
            warnings.push(ParseWarning::new(
                "title",
                "the title was cut to 200 characters",
            ));
        }
        for (field, value) in [
            ("company", &mut self.company),
            ("location", &mut self.location),
        ] {
            if value
                .as_ref()
                .is_some_and(|v| v.chars().count() > MAX_NAME_CHARS)
            {
                *value = None;
                warnings.push(ParseWarning::new(
                    field,
                    format!(
                        "the {field} read from the posting was over 200 characters and was left out"
                    ),
                ));
            }
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            self.description = shorten(&self.description, MAX_DESCRIPTION_CHARS);
            warnings.push(ParseWarning::new(
                "description",
                format!("the description was cut to {MAX_DESCRIPTION_CHARS} characters"),
            ));
        }
        self.cap_lists(warnings);
        let fixable: Vec<FieldError> = self.problems();
        for problem in fixable {
            let field = problem
                .field
                .split(['.', '['])
                .next()
                .unwrap_or("")
                .to_owned();
            match field.as_str() {
                "salary_range" => self.salary_range = None,
                "posted_date" => self.posted_date = None,
                "expires_date" => self.expires_date = None,
                "application_url" => self.application_url = None,
                _ => continue,
            }
            warnings.push(ParseWarning::new(
                &field,
                format!("{} ({}); it was left out", problem.message, problem.field),
            ));
        }
    }

    /// Lists keep their first [`MAX_LIST_ITEMS`] non-empty items, each cut to
    /// [`MAX_ITEM_CHARS`], with a warning per list changed.
    fn cap_lists(&mut self, warnings: &mut Vec<ParseWarning>) {
        for (field, items) in [
            ("responsibilities", &mut self.responsibilities),
            ("requirements", &mut self.requirements),
            ("preferred", &mut self.preferred),
            ("benefits", &mut self.benefits),
        ] {
            items.retain(|item| !item.is_empty());
            if items.len() > MAX_LIST_ITEMS {
                warnings.push(ParseWarning::new(
                    field,
                    format!(
                        "the posting lists {} {field}; the first {MAX_LIST_ITEMS} were kept",
                        items.len()
                    ),
                ));
                items.truncate(MAX_LIST_ITEMS);
            }
            let mut cut = false;
            for item in items.iter_mut() {
                if item.chars().count() > MAX_ITEM_CHARS {
                    *item = shorten(item, MAX_ITEM_CHARS);
                    cut = true;
                }
            }
            if cut {
                warnings.push(ParseWarning::new(
                    field,
                    format!("items over {MAX_ITEM_CHARS} characters were cut"),
                ));
            }
        }
    }
}

/// `POST /jobs/import`'s answer: the job, with `source` saying how the page was read (the
/// stored job's own `source` is `imported`, as `GET /jobs/{id}` shows).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ImportedJob {
    /// Job id.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Company, when the page names one.
    pub company: Option<String>,
    /// Location, when the page states one.
    pub location: Option<String>,
    /// Fully remote.
    pub remote: bool,
    /// Remote, hybrid or on-site.
    pub work_arrangement: Option<WorkArrangement>,
    /// Employment type.
    pub job_type: Option<JobType>,
    /// Seniority.
    pub experience_level: Option<ExperienceLevel>,
    /// Pay.
    pub salary_range: Option<SalaryRange>,
    /// The posting text.
    pub description: String,
    /// What the job involves.
    pub responsibilities: Vec<String>,
    /// Required qualifications.
    pub requirements: Vec<String>,
    /// Nice-to-haves.
    pub preferred: Vec<String>,
    /// Benefits.
    pub benefits: Vec<String>,
    /// Where to apply.
    pub application_url: Option<String>,
    /// `YYYY-MM-DD`.
    pub posted_date: Option<String>,
    /// `YYYY-MM-DD`.
    pub expires_date: Option<String>,
    /// How the page was read: `json_ld`, `microdata` or `html_text`.
    pub source: crate::jobs::import::PageSource,
    /// The page the job came from, when known.
    pub source_url: Option<String>,
    /// Fields the parser had to guess or cut.
    pub parse_warnings: Vec<ParseWarning>,
    /// Owner's user id.
    pub owner: Option<Uuid>,
    /// Creation time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    /// Last change.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

impl ImportedJob {
    /// The import answer for a stored job read through `source`.
    pub fn new(job: Job, source: crate::jobs::import::PageSource) -> Self {
        ImportedJob {
            id: job.id,
            title: job.title,
            company: job.company,
            location: job.location,
            remote: job.remote,
            work_arrangement: job.work_arrangement,
            job_type: job.job_type,
            experience_level: job.experience_level,
            salary_range: job.salary_range,
            description: job.description,
            responsibilities: job.responsibilities,
            requirements: job.requirements,
            preferred: job.preferred,
            benefits: job.benefits,
            application_url: job.application_url,
            posted_date: job.posted_date,
            expires_date: job.expires_date,
            source,
            source_url: job.source_url,
            parse_warnings: job.parse_warnings,
            owner: job.owner,
            created_at: job.created_at,
            updated_at: job.updated_at,
        }
    }
}
