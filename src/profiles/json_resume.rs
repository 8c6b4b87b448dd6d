//! JSON Resume (jsonresume.org schema v1) import and export.
//!
//! **Import** reads the document into typed structs whose every field is lenient: absent,
//! `null`, a number where text was expected, or an unknown key never fails. Only
//! `basics.name` is required; everything else the schema allows is accepted, and what our
//! model cannot hold is kept (see below) or reported in the [`ImportReport`]:
//!
//! - `basics` → `personal_info` + `professional_summary` (LinkedIn and GitHub from
//!   `basics.profiles`; a missing e-mail is fine); `work` → `experiences` (`highlights` →
//!   achievements, `summary` or `description` → description, no `endDate` or an end such as
//!   `Present`/`Ongoing`/`current` → current); `education` → `education` (`studyType` → degree,
//!   else `area`; a `score` of 0–4 → gpa); `skills` groups → technical skills (their keywords,
//!   or the group name when it has none; a group named "Soft skills" → soft skills);
//!   `languages`; `projects`; `certificates` (an issuer is optional).
//! - Dates in any common form (`2014`, `2014-05`, `March 2014`, `March-24-2014`, `05/2014`) are
//!   normalised to `YYYY[-MM[-DD]]` (reported under `normalized`); a date that cannot be read
//!   is left out of the profile, kept as written for export, and reported as a warning.
//! - URLs without a scheme (`linkedin.com/in/jane`) get `https://` (reported).
//! - A list over its limit keeps its first items; the rest are reported under `truncated`
//!   and kept for export. A job without an employer, a title or any readable start date has
//!   no place in the profile: it is reported under `dropped` and kept for export.
//!
//! Everything without a place in our model (volunteer, awards, publications, interests,
//! references, URLs of jobs, skill levels, original fluency wording, unknown fields, the items
//! above) is kept verbatim in `custom_fields["json_resume"]` (canonical JSON) and written back
//! on export, and item ids travel as `id` fields, so import → export → import gives the same
//! profile.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value, json};

use super::import::{DateFix, ImportReport, ImportSource, fix_url, read_date};
use super::model::{
    Certification, Education, Experience, Language, PersonalInfo, Proficiency, ProfileContent,
    Project, Skills, limits, valid_item_id,
};
use super::store;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::http::AuthUser;
use crate::http::parse_path_id;

/// `custom_fields` key holding what our model has no place for.
pub const EXTRA_KEY: &str = "json_resume";
/// Top-level JSON Resume key carrying our other custom fields.
const CUSTOM_FIELDS_KEY: &str = "x_jobwise_custom_fields";
const SOFT_SKILLS_GROUP: &str = "Soft skills";
/// Key (inside the extra JSON) of items kept for export only: `{"work": [...], ...}`.
const UNPLACED_KEY: &str = "unplaced";

/// A lenient text value: strings are trimmed (blank is absent), numbers and booleans become
/// their text, anything else (null, arrays, objects) is absent.
#[derive(Debug, Clone, Default, PartialEq)]
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Text(match Value::deserialize(d)? {
            Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }))
    }
}

impl Text {
    fn get(&self) -> Option<String> {
        self.0.clone()
    }
}

/// A lenient list: an array (elements that do not fit `T` are skipped and counted), a single
/// value (read as a one-element list), or nothing.
#[derive(Debug, Clone)]
struct Many<T> {
    items: Vec<T>,
    skipped: usize,
}

impl<T> Default for Many<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            skipped: 0,
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Many<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let values = match Value::deserialize(d)? {
            Value::Array(a) => a,
            Value::Null => Vec::new(),
            other => vec![other],
        };
        let mut out = Many::default();
        for v in values {
            match T::deserialize(v) {
                Ok(t) => out.items.push(t),
                Err(_) => out.skipped += 1,
            }
        }
        Ok(out)
    }
}

fn texts(list: &Many<Text>) -> Vec<String> {
    list.items.iter().filter_map(Text::get).collect()
}

/// An object, or nothing (anything else is ignored).
#[derive(Debug, Clone, Default)]
struct Object(Map<String, Value>);

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Object(match Value::deserialize(d)? {
            Value::Object(o) => o,
            _ => Map::new(),
        }))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Doc {
    basics: Object,
    work: Many<Value>,
    education: Many<Value>,
    skills: Many<Value>,
    languages: Many<Value>,
    certificates: Many<Value>,
    projects: Many<Value>,
    #[serde(rename = "x_jobwise_custom_fields")]
    custom_fields: Object,
    #[serde(rename = "$schema")]
    _schema: Option<Value>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Basics {
    name: Text,
    email: Text,
    phone: Text,
    url: Text,
    website: Text,
    summary: Text,
    location: Option<Value>,
    profiles: Many<Value>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SocialProfile {
    network: Text,
    username: Text,
    url: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Work {
    id: Text,
    name: Text,
    company: Text,
    employer: Text,
    organization: Text,
    position: Text,
    location: Text,
    #[serde(rename = "startDate")]
    start_date: Text,
    #[serde(rename = "endDate")]
    end_date: Text,
    summary: Text,
    description: Text,
    highlights: Many<Text>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct School {
    id: Text,
    institution: Text,
    #[serde(rename = "studyType")]
    study_type: Text,
    area: Text,
    #[serde(rename = "startDate")]
    start_date: Text,
    #[serde(rename = "endDate")]
    end_date: Text,
    score: Text,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SkillGroup {
    name: Text,
    keywords: Many<Text>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SpokenLanguage {
    language: Text,
    name: Text,
    fluency: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Certificate {
    id: Text,
    name: Text,
    issuer: Text,
    date: Text,
    url: Text,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProjectEntry {
    id: Text,
    name: Text,
    description: Text,
    highlights: Many<Text>,
    keywords: Many<Text>,
    url: Text,
    #[serde(rename = "startDate")]
    start_date: Text,
    #[serde(rename = "endDate")]
    end_date: Text,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// Rebuilds objects with sorted keys, so the stored extra text does not depend on input order.
fn canonical(v: &Value) -> Value {
    match v {
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), canonical(&o[k])))
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.iter().map(canonical).collect()),
        other => other.clone(),
    }
}

fn item_id(id: &Text) -> String {
    id.get()
        .filter(|id| valid_item_id(id))
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string())
}

fn proficiency(fluency: Option<&str>) -> Proficiency {
    jobwise_engine::resume::fluency_level(fluency.unwrap_or(""))
}

fn fluency_label(p: Proficiency) -> &'static str {
    match p {
        Proficiency::Native => "Native speaker",
        Proficiency::Fluent => "Fluent",
        Proficiency::Conversational => "Conversational",
        Proficiency::Basic => "Basic",
    }
}

fn parse_gpa(score: &str) -> Option<f64> {
    let first = score.split('/').next()?.trim();
    first
        .parse::<f64>()
        .ok()
        .filter(|g| (0.0..=4.0).contains(g))
}

/// State shared by the section readers: the report and the extras being collected.
struct Reader {
    report: ImportReport,
    extra: Map<String, Value>,
    unplaced: Map<String, Value>,
}

impl Reader {
    /// Keeps `rest` (fields without a place) for item `id` of `section`.
    fn keep(&mut self, section: &str, id: &str, rest: Map<String, Value>) {
        if !rest.is_empty() {
            let entry = self
                .extra
                .entry(section.to_owned())
                .or_insert_with(|| json!({}));
            entry[id] = Value::Object(rest);
        }
    }

    /// Keeps a whole item for export only.
    fn unplace(&mut self, section: &str, item: Value) {
        let list = self
            .unplaced
            .entry(section.to_owned())
            .or_insert_with(|| json!([]));
        if let Value::Array(a) = list {
            a.push(item);
        }
    }

    /// A date field: normalised when needed; unreadable text goes to `rest` under `key`.
    /// Returns the date and whether the text meant "still going on".
    fn date(
        &mut self,
        path: &str,
        key: &str,
        value: &Text,
        rest: &mut Map<String, Value>,
    ) -> (Option<String>, bool) {
        let Some(text) = value.get() else {
            return (None, false);
        };
        match read_date(&text) {
            DateFix::Same(d) => (Some(d), false),
            DateFix::Normalized(d) => {
                self.report
                    .normalized(path, format!("read {text:?} as {d}"));
                (Some(d), false)
            }
            DateFix::Inexact(d) => {
                self.report.warning(
                    path,
                    format!("only the year could be read from {text:?}; kept as {d}"),
                );
                (Some(d), false)
            }
            DateFix::Present => {
                self.report
                    .normalized(path, format!("{text:?} means the entry is still current"));
                rest.insert(key.to_owned(), Value::from(text.clone()));
                (None, true)
            }
            DateFix::Unreadable => {
                self.report.warning(
                    path,
                    format!("{text:?} is not a date we can read; kept as text for export only"),
                );
                rest.insert(key.to_owned(), Value::from(text.clone()));
                (None, false)
            }
        }
    }

    /// A URL field: `https://` added when the scheme is missing; an unusable one is kept for
    /// export only.
    fn url(
        &mut self,
        path: &str,
        key: &str,
        value: Option<String>,
        rest: &mut Map<String, Value>,
    ) -> Option<String> {
        let text = value?;
        match fix_url(&text) {
            Some((url, false)) => Some(url),
            Some((url, true)) => {
                self.report
                    .normalized(path, format!("added https:// to {text:?}"));
                Some(url)
            }
            None => {
                self.report.warning(
                    path,
                    format!("{text:?} is not a web address; kept for export only"),
                );
                rest.insert(key.to_owned(), Value::from(text));
                None
            }
        }
    }

    /// Keeps the first `limit` items of a list; reports and keeps the rest for export.
    fn limit(&mut self, section: &str, items: Vec<Value>, limit: usize) -> Vec<Value> {
        let total = items.len();
        if total <= limit {
            return items;
        }
        let mut items = items;
        let rest = items.split_off(limit);
        self.report.truncated(
            section,
            format!(
                "kept the first {limit} of {total} entries (the profile holds at most {limit}); \
                 the other {} are kept for export",
                rest.len()
            ),
        );
        for item in rest {
            self.unplace(section, item);
        }
        items
    }

    fn skipped(&mut self, section: &str, n: usize) {
        if n > 0 {
            self.report.dropped(
                section,
                format!("{n} entries are not JSON objects and were ignored"),
            );
        }
    }
}

/// The objects of a list, and how many entries were not objects.
fn objects(list: Many<Value>) -> (Vec<Value>, usize) {
    let total = list.items.len() + list.skipped;
    let items: Vec<Value> = list.items.into_iter().filter(Value::is_object).collect();
    let bad = total - items.len();
    (items, bad)
}

/// `"skills": {"backend": ["Java", "SQL"], "devops": ["Docker"]}`, a shape people publish
/// instead of the schema's list: one object whose every value is a list of skills (or one skill)
/// and that has none of a skill group's own keys. Returns the groups in the schema's shape.
fn skill_group_map(items: &[Value]) -> Option<Vec<Value>> {
    let [Value::Object(map)] = items else {
        return None;
    };
    let own_keys = ["name", "level", "keywords"];
    let shaped = !map.is_empty()
        && map.keys().all(|k| !own_keys.contains(&k.as_str()))
        && map.values().all(|v| match v {
            Value::Array(a) => a.iter().all(Value::is_string),
            Value::String(_) => true,
            _ => false,
        });
    shaped.then(|| {
        map.iter()
            .map(|(name, v)| {
                let keywords = match v {
                    Value::Array(a) => a.clone(),
                    other => vec![other.clone()],
                };
                serde_json::json!({"name": name, "keywords": keywords})
            })
            .collect()
    })
}

/// Skill groups written with other keys than the schema's `name` and `keywords`
/// (`{"Title": "Frameworks", "Items": ["React"]}`, `category`/`skills`, `group`/`list`): the
/// keys are renamed, so the skills are imported and export writes the schema's shape. Returns
/// the groups and whether any was renamed.
fn skill_group_aliases(items: Vec<Value>) -> (Vec<Value>, bool) {
    const NAMES: [&str; 4] = ["title", "category", "group", "label"];
    const LISTS: [&str; 4] = ["items", "skills", "list", "values"];
    let mut renamed = false;
    let items = items
        .into_iter()
        .map(|mut value| {
            let Some(map) = value.as_object_mut() else {
                return value;
            };
            let find = |map: &Map<String, Value>, keys: &[&str], want: fn(&Value) -> bool| {
                map.iter()
                    .find(|(k, v)| keys.contains(&k.to_lowercase().as_str()) && want(v))
                    .map(|(k, _)| k.clone())
            };
            if !map.contains_key("name")
                && let Some(k) = find(map, &NAMES, Value::is_string)
                && let Some(v) = map.remove(&k)
            {
                map.insert("name".into(), v);
                renamed = true;
            }
            if !map.contains_key("keywords")
                && let Some(k) = find(map, &LISTS, Value::is_array)
                && let Some(v) = map.remove(&k)
            {
                map.insert("keywords".into(), v);
                renamed = true;
            }
            value
        })
        .collect();
    (items, renamed)
}

fn parse<T: serde::de::DeserializeOwned + Default>(v: &Value) -> T {
    T::deserialize(v).unwrap_or_default()
}

/// Maps a JSON Resume document to profile content and an import report. The only refusal
/// is a document that is not an object or has no `basics.name` (422 naming the path).
pub fn import(doc: &Value) -> AppResult<(ProfileContent, ImportReport)> {
    if !doc.is_object() {
        return Err(AppError::invalid_field(
            "body",
            "a JSON Resume document is a JSON object",
        ));
    }
    let mut doc: Doc = Doc::deserialize(doc)
        .map_err(|e| AppError::invalid_field("body", format!("not a JSON Resume document: {e}")))?;
    let basics_value = Value::Object(doc.basics.0.clone());
    let basics: Basics = parse(&basics_value);
    let Some(full_name) = basics.name.get() else {
        return Err(AppError::invalid_field(
            "basics.name",
            "is required (the person's name)",
        ));
    };
    let mut r = Reader {
        report: ImportReport::new(ImportSource::JsonResume),
        extra: Map::new(),
        unplaced: Map::new(),
    };
    let mut basics_extra = basics.rest.clone();
    let email = basics.email.get();
    if email.is_none() {
        r.report.warning(
            "basics.email",
            "no e-mail address: the profile was created without one (add it before applying)",
        );
    }
    let website_key = if basics.url.get().is_some() {
        "url"
    } else {
        "website"
    };
    let website = r.url(
        "basics.url",
        website_key,
        basics.url.get().or(basics.website.get()),
        &mut basics_extra,
    );
    let mut info = PersonalInfo {
        full_name,
        email: email.unwrap_or_default(),
        phone: basics.phone.get(),
        website,
        ..Default::default()
    };
    match &basics.location {
        Some(Value::Object(location)) => {
            let part = |k: &str| {
                location
                    .get(k)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
            };
            let parts: Vec<String> = ["city", "region", "countryCode"]
                .iter()
                .filter_map(|k| part(k))
                .collect();
            info.location = if parts.is_empty() {
                part("address")
            } else {
                Some(parts.join(", "))
            };
            // Our own export writes `{"city": <location>}`; only richer objects need keeping.
            let plain = info
                .location
                .as_ref()
                .is_some_and(|l| Value::Object(location.clone()) == json!({ "city": l }));
            if !plain {
                basics_extra.insert("location".into(), Value::Object(location.clone()));
            }
        }
        Some(Value::String(s)) if !s.trim().is_empty() => {
            info.location = Some(s.trim().to_owned());
            basics_extra.insert("location".into(), Value::from(s.clone()));
        }
        _ => {}
    }
    let mut other_profiles = Vec::new();
    for (i, value) in basics.profiles.items.iter().enumerate() {
        let profile: SocialProfile = parse(value);
        let network = profile.network.get().unwrap_or_default().to_lowercase();
        let url = profile.url.get().or_else(|| {
            profile.username.get().map(|u| match network.as_str() {
                "linkedin" => format!("https://www.linkedin.com/in/{u}"),
                "github" => format!("https://github.com/{u}"),
                _ => u,
            })
        });
        let slot = match network.as_str() {
            "linkedin" if info.linkedin.is_none() => Some(&mut info.linkedin),
            "github" if info.github.is_none() => Some(&mut info.github),
            _ => None,
        };
        let Some(slot) = slot else {
            other_profiles.push(value.clone());
            continue;
        };
        let path = format!("basics.profiles[{i}].url");
        let mut kept = Map::new();
        *slot = r.url(&path, "url", url, &mut kept);
        if !kept.is_empty() {
            other_profiles.push(value.clone());
        }
    }
    if !other_profiles.is_empty() {
        basics_extra.insert("profiles".into(), Value::from(other_profiles));
    }
    if !basics_extra.is_empty() {
        r.extra.insert("basics".into(), Value::Object(basics_extra));
    }

    let (work_items, bad) = objects(std::mem::take(&mut doc.work));
    r.skipped("work", bad);
    let work_items = r.limit("work", work_items, limits::EXPERIENCES);
    let mut experiences = Vec::new();
    for (i, value) in work_items.into_iter().enumerate() {
        let work: Work = parse(&value);
        let path = |f: &str| format!("work[{i}].{f}");
        let id = item_id(&work.id);
        let mut rest = work.rest;
        let (start, _) = r.date(&path("startDate"), "startDate", &work.start_date, &mut rest);
        let (end, end_present) = r.date(&path("endDate"), "endDate", &work.end_date, &mut rest);
        // `name` in v1; `company` in older files; `employer` or `organization` in some.
        let company = work
            .name
            .get()
            .or(work.company.get())
            .or(work.employer.get())
            .or(work.organization.get());
        if company.is_none() && work.position.get().is_none() {
            r.report.dropped(
                format!("work[{i}]"),
                "has neither an employer (name) nor a position, which a job in the profile \
                 needs; kept for export",
            );
            r.unplace("work", value);
            continue;
        }
        for (key, missing) in [
            ("name", company.is_none()),
            ("position", work.position.get().is_none()),
        ] {
            if missing {
                r.report
                    .warning(path(key), "not given: the job is imported without it");
            }
        }
        experiences.push(Experience {
            id: id.clone(),
            title: work.position.get().unwrap_or_default(),
            company: company.unwrap_or_default(),
            location: work.location.get(),
            start_date: start.unwrap_or_default(),
            is_current: end.is_none() && (end_present || work.end_date.get().is_none()),
            end_date: end,
            description: work.summary.get().or(work.description.get()),
            achievements: texts(&work.highlights),
        });
        r.keep("work", &id, rest);
    }

    let (education_items, bad) = objects(std::mem::take(&mut doc.education));
    r.skipped("education", bad);
    let school_items = r.limit("education", education_items, limits::EDUCATION);
    let mut education = Vec::new();
    for (i, value) in school_items.into_iter().enumerate() {
        let edu: School = parse(&value);
        let path = |f: &str| format!("education[{i}].{f}");
        let Some(institution) = edu.institution.get() else {
            r.report.dropped(
                format!("education[{i}]"),
                "has no institution, which an education entry needs; kept for export",
            );
            r.unplace("education", value);
            continue;
        };
        let id = item_id(&edu.id);
        let mut rest = edu.rest;
        let (start, _) = r.date(&path("startDate"), "startDate", &edu.start_date, &mut rest);
        let (end, _) = r.date(&path("endDate"), "endDate", &edu.end_date, &mut rest);
        let score = edu.score.get();
        let gpa = score.as_deref().and_then(parse_gpa);
        if gpa.is_none()
            && let Some(score) = score
        {
            rest.insert("score".into(), Value::from(score));
        }
        let degree = edu.study_type.get().or(edu.area.get());
        if edu.study_type.get().is_none()
            && let Some(area) = edu.area.get()
        {
            rest.insert("area_as_degree".into(), Value::from(area));
        }
        education.push(Education {
            id: id.clone(),
            institution,
            degree: degree.unwrap_or_default(),
            field_of_study: edu.study_type.get().and(edu.area.get()),
            start_date: start,
            end_date: end,
            gpa,
            honors: Vec::new(),
        });
        r.keep("education", &id, rest);
    }

    let (skills_items, bad) = objects(std::mem::take(&mut doc.skills));
    r.skipped("skills", bad);
    let skills_items = match skill_group_map(&skills_items) {
        Some(groups) => {
            r.report.normalized(
                "skills",
                "an object of skill groups (group name → skills) was read as a list of groups",
            );
            groups
        }
        None => skills_items,
    };
    let (skills_items, renamed) = skill_group_aliases(skills_items);
    if renamed {
        r.report.normalized(
            "skills",
            "skill groups written with other keys (Title/Items, category/skills…) were read as name and keywords",
        );
    }
    let mut skills = Skills::default();
    let mut groups = Vec::new();
    for value in &skills_items {
        let group: SkillGroup = parse(value);
        let name = group.name.get();
        let keywords = texts(&group.keywords);
        let soft = name.as_deref() == Some(SOFT_SKILLS_GROUP);
        let target = if soft {
            &mut skills.soft
        } else {
            &mut skills.technical
        };
        let entries = if keywords.is_empty() {
            name.clone().into_iter().collect()
        } else {
            keywords
        };
        for skill in entries {
            if !target.iter().any(|s| s.eq_ignore_ascii_case(&skill)) {
                target.push(skill);
            }
        }
        let plain = value
            .as_object()
            .is_some_and(|o| o.len() == 1 && o.contains_key("name"));
        if !soft && !plain {
            groups.push(value.clone());
        }
    }
    for (list, limit, path) in [
        (&mut skills.technical, limits::TECHNICAL, "skills"),
        (&mut skills.soft, limits::SOFT, "skills (Soft skills)"),
    ] {
        if list.len() > limit {
            let total = list.len();
            list.truncate(limit);
            r.report.truncated(
                path,
                format!("kept the first {limit} of {total} skills; the rest were not imported"),
            );
        }
    }
    if !groups.is_empty() {
        r.extra.insert("skills".into(), Value::from(groups));
    }

    let mut fluencies = Map::new();
    let (languages_items, bad) = objects(std::mem::take(&mut doc.languages));
    r.skipped("languages", bad);
    let language_items = r.limit("languages", languages_items, limits::LANGUAGES);
    for (i, value) in language_items.into_iter().enumerate() {
        let lang: SpokenLanguage = parse(&value);
        let Some(name) = lang.language.get().or(lang.name.get()) else {
            r.report.dropped(
                format!("languages[{i}]"),
                "has no language name; kept for export",
            );
            r.unplace("languages", value);
            continue;
        };
        let fluency = lang.fluency.get();
        let level = proficiency(fluency.as_deref());
        if let Some(f) = fluency
            && f != fluency_label(level)
        {
            fluencies.insert(name.clone(), Value::from(f));
        }
        skills.languages.push(Language {
            name,
            proficiency: level,
        });
    }
    if !fluencies.is_empty() {
        r.extra.insert("fluency".into(), Value::Object(fluencies));
    }

    let (certificates_items, bad) = objects(std::mem::take(&mut doc.certificates));
    r.skipped("certificates", bad);
    let cert_items = r.limit("certificates", certificates_items, limits::CERTIFICATIONS);
    for (i, value) in cert_items.into_iter().enumerate() {
        let cert: Certificate = parse(&value);
        let path = |f: &str| format!("certificates[{i}].{f}");
        let Some(name) = cert.name.get() else {
            r.report
                .dropped(format!("certificates[{i}]"), "has no name; kept for export");
            r.unplace("certificates", value);
            continue;
        };
        let id = item_id(&cert.id);
        let mut rest = cert.rest;
        let (date, _) = r.date(&path("date"), "date", &cert.date, &mut rest);
        let url = r.url(&path("url"), "url", cert.url.get(), &mut rest);
        skills.certifications.push(Certification {
            id: id.clone(),
            name,
            issuer: cert.issuer.get().unwrap_or_default(),
            date_obtained: date,
            expiry_date: None,
            credential_id: None,
            verification_url: url,
        });
        r.keep("certificates", &id, rest);
    }

    let (projects_items, bad) = objects(std::mem::take(&mut doc.projects));
    r.skipped("projects", bad);
    let project_items = r.limit("projects", projects_items, limits::PROJECTS);
    let mut projects = Vec::new();
    for (i, value) in project_items.into_iter().enumerate() {
        let project: ProjectEntry = parse(&value);
        let path = |f: &str| format!("projects[{i}].{f}");
        // `title` is a common stand-in for `name`; it stays as written for export.
        let titled = project
            .rest
            .get("title")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        let name = match (project.name.get(), titled) {
            (Some(name), _) => Some(name),
            (None, Some(title)) => {
                r.report.normalized(
                    path("name"),
                    format!("read the project's title {title:?} as its name"),
                );
                Some(title)
            }
            (None, None) => None,
        };
        let Some(name) = name else {
            r.report
                .dropped(format!("projects[{i}]"), "has no name; kept for export");
            r.unplace("projects", value);
            continue;
        };
        let id = item_id(&project.id);
        let highlights = texts(&project.highlights);
        let mut rest = project.rest;
        let description = match project.description.get() {
            Some(d) => d,
            None => {
                rest.insert("description_from_highlights".into(), Value::Bool(true));
                rest.insert("highlights".into(), Value::from(highlights.clone()));
                highlights.join("; ")
            }
        };
        let (start, _) = r.date(
            &path("startDate"),
            "startDate",
            &project.start_date,
            &mut rest,
        );
        let (end, _) = r.date(&path("endDate"), "endDate", &project.end_date, &mut rest);
        let url = r.url(&path("url"), "url", project.url.get(), &mut rest);
        projects.push(Project {
            id: id.clone(),
            name,
            description,
            technologies: texts(&project.keywords),
            url,
            start_date: start,
            end_date: end,
        });
        r.keep("projects", &id, rest);
    }

    let mut custom_fields = BTreeMap::new();
    for (k, v) in &doc.custom_fields.0 {
        if let Some(s) = v.as_str() {
            custom_fields.insert(k.clone(), s.to_owned());
        }
    }
    if !doc.rest.is_empty() {
        r.extra.insert("rest".into(), Value::Object(doc.rest));
    }
    if !r.unplaced.is_empty() {
        let unplaced = std::mem::take(&mut r.unplaced);
        r.extra.insert(UNPLACED_KEY.into(), Value::Object(unplaced));
    }
    if !r.extra.is_empty() {
        let text = canonical(&Value::Object(std::mem::take(&mut r.extra))).to_string();
        custom_fields.insert(EXTRA_KEY.to_owned(), text);
    }
    let content = ProfileContent {
        personal_info: info,
        professional_summary: basics.summary.get(),
        experiences,
        education,
        skills,
        projects,
        custom_fields,
    };
    Ok((content, r.report))
}

fn put(target: &mut Map<String, Value>, key: &str, value: Option<&String>) {
    if let Some(v) = value {
        target.insert(key.to_owned(), Value::from(v.clone()));
    }
}

fn merged(base: Map<String, Value>, extra: Option<&Value>) -> Value {
    let mut out = base;
    if let Some(Value::Object(rest)) = extra {
        for (k, v) in rest {
            out.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    Value::Object(out)
}

/// Builds a JSON Resume v1 document from a profile.
pub fn export(content: &ProfileContent) -> Value {
    let extra: Value = content
        .custom_fields
        .get(EXTRA_KEY)
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or(Value::Null);
    let of = |section: &str, id: &str| extra.get(section).and_then(|s| s.get(id)).cloned();
    let info = &content.personal_info;

    let mut basics = Map::new();
    basics.insert("name".into(), Value::from(info.full_name.clone()));
    if !info.email.is_empty() {
        basics.insert("email".into(), Value::from(info.email.clone()));
    }
    put(&mut basics, "phone", info.phone.as_ref());
    put(&mut basics, "url", info.website.as_ref());
    put(
        &mut basics,
        "summary",
        content.professional_summary.as_ref(),
    );
    let basics_extra = extra.get("basics").cloned().unwrap_or(Value::Null);
    match (basics_extra.get("location"), &info.location) {
        (Some(original), Some(_)) => {
            basics.insert("location".into(), original.clone());
        }
        (None, Some(location)) => {
            basics.insert("location".into(), json!({"city": location}));
        }
        _ => {}
    }
    let mut profiles = Vec::new();
    if let Some(url) = &info.linkedin {
        profiles.push(json!({"network": "LinkedIn", "url": url}));
    }
    if let Some(url) = &info.github {
        profiles.push(json!({"network": "GitHub", "url": url}));
    }
    profiles.extend(
        basics_extra
            .get("profiles")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
    );
    if !profiles.is_empty() {
        basics.insert("profiles".into(), Value::from(profiles));
    }
    let mut basics_rest = basics_extra.clone();
    if let Some(o) = basics_rest.as_object_mut() {
        o.remove("location");
        o.remove("profiles");
    }

    let work: Vec<Value> = content
        .experiences
        .iter()
        .map(|x| {
            let mut w = Map::new();
            w.insert("id".into(), Value::from(x.id.clone()));
            for (key, value) in [
                ("name", &x.company),
                ("position", &x.title),
                ("startDate", &x.start_date),
            ] {
                if !value.is_empty() {
                    w.insert(key.into(), Value::from(value.clone()));
                }
            }
            put(&mut w, "location", x.location.as_ref());
            put(&mut w, "endDate", x.end_date.as_ref());
            put(&mut w, "summary", x.description.as_ref());
            if !x.achievements.is_empty() {
                w.insert("highlights".into(), Value::from(x.achievements.clone()));
            }
            merged(w, of("work", &x.id).as_ref())
        })
        .collect();

    let education: Vec<Value> = content
        .education
        .iter()
        .map(|x| {
            let rest = of("education", &x.id);
            let degree_was_area = rest
                .as_ref()
                .and_then(|r| r.get("area_as_degree"))
                .is_some();
            let mut e = Map::new();
            e.insert("id".into(), Value::from(x.id.clone()));
            e.insert("institution".into(), Value::from(x.institution.clone()));
            if degree_was_area {
                e.insert("area".into(), Value::from(x.degree.clone()));
            } else {
                if !x.degree.is_empty() {
                    e.insert("studyType".into(), Value::from(x.degree.clone()));
                }
                put(&mut e, "area", x.field_of_study.as_ref());
            }
            put(&mut e, "startDate", x.start_date.as_ref());
            put(&mut e, "endDate", x.end_date.as_ref());
            if let Some(gpa) = x.gpa {
                e.insert("score".into(), Value::from(gpa.to_string()));
            }
            let mut rest = rest.unwrap_or(Value::Null);
            if let Some(o) = rest.as_object_mut() {
                o.remove("area_as_degree");
            }
            merged(e, Some(&rest))
        })
        .collect();

    let mut skills: Vec<Value> = Vec::new();
    let mut covered = std::collections::HashSet::new();
    for group in extra
        .get("skills")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let parsed: SkillGroup = parse(&group);
        let keywords = texts(&parsed.keywords);
        let members: Vec<String> = if keywords.is_empty() {
            parsed.name.get().into_iter().collect()
        } else {
            keywords
        };
        let kept: Vec<&String> = members
            .iter()
            .filter(|m| content.skills.technical.contains(m))
            .collect();
        if kept.len() == members.len() && !members.is_empty() {
            covered.extend(members.iter().cloned());
            skills.push(group.clone());
        }
    }
    for skill in &content.skills.technical {
        if !covered.contains(skill) {
            skills.push(json!({"name": skill}));
        }
    }
    if !content.skills.soft.is_empty() {
        skills.push(json!({"name": SOFT_SKILLS_GROUP, "keywords": content.skills.soft}));
    }
    let languages: Vec<Value> = content
        .skills
        .languages
        .iter()
        .map(|l| {
            let original = extra
                .get("fluency")
                .and_then(|f| f.get(&l.name))
                .and_then(Value::as_str);
            let fluency = match original {
                Some(o) if proficiency(Some(o)) == l.proficiency => o.to_owned(),
                _ => fluency_label(l.proficiency).to_owned(),
            };
            json!({"language": l.name, "fluency": fluency})
        })
        .collect();
    let certificates: Vec<Value> = content
        .skills
        .certifications
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("id".into(), Value::from(c.id.clone()));
            m.insert("name".into(), Value::from(c.name.clone()));
            if !c.issuer.is_empty() {
                m.insert("issuer".into(), Value::from(c.issuer.clone()));
            }
            put(&mut m, "date", c.date_obtained.as_ref());
            put(&mut m, "url", c.verification_url.as_ref());
            merged(m, of("certificates", &c.id).as_ref())
        })
        .collect();
    let projects: Vec<Value> = content
        .projects
        .iter()
        .map(|p| {
            let rest = of("projects", &p.id).unwrap_or(Value::Null);
            let from_highlights = rest.get("description_from_highlights").is_some();
            let mut m = Map::new();
            m.insert("id".into(), Value::from(p.id.clone()));
            m.insert("name".into(), Value::from(p.name.clone()));
            if !from_highlights && !p.description.is_empty() {
                m.insert("description".into(), Value::from(p.description.clone()));
            }
            if !p.technologies.is_empty() {
                m.insert("keywords".into(), Value::from(p.technologies.clone()));
            }
            put(&mut m, "url", p.url.as_ref());
            put(&mut m, "startDate", p.start_date.as_ref());
            put(&mut m, "endDate", p.end_date.as_ref());
            let mut rest = rest;
            if let Some(o) = rest.as_object_mut() {
                o.remove("description_from_highlights");
            }
            merged(m, Some(&rest))
        })
        .collect();

    // Items the profile had no place for go back where they came from.
    let unplaced = |section: &str| -> Vec<Value> {
        extra
            .get(UNPLACED_KEY)
            .and_then(|u| u.get(section))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut work = work;
    work.extend(unplaced("work"));
    let mut education = education;
    education.extend(unplaced("education"));
    let mut languages = languages;
    languages.extend(unplaced("languages"));
    let mut certificates = certificates;
    certificates.extend(unplaced("certificates"));
    let mut projects = projects;
    projects.extend(unplaced("projects"));

    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        Value::from(
            "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        ),
    );
    doc.insert("basics".into(), merged(basics, Some(&basics_rest)));
    for (key, list) in [
        ("work", work),
        ("education", education),
        ("skills", skills),
        ("languages", languages),
        ("certificates", certificates),
        ("projects", projects),
    ] {
        if !list.is_empty() {
            doc.insert(key.into(), Value::from(list));
        }
    }
    if let Some(Value::Object(rest)) = extra.get("rest") {
        for (k, v) in rest {
            if k != "$schema" {
                doc.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    }
    let own_fields: Map<String, Value> = content
        .custom_fields
        .iter()
        .filter(|(k, _)| k.as_str() != EXTRA_KEY)
        .map(|(k, v)| (k.clone(), Value::from(v.clone())))
        .collect();
    if !own_fields.is_empty() {
        doc.insert(CUSTOM_FIELDS_KEY.into(), Value::Object(own_fields));
    }
    Value::Object(doc)
}

/// `?format=` of the export.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only `json_resume` for now.
    pub format: Option<String>,
}

/// Export a profile (JSON Resume v1).
#[utoipa::path(get, path = "/{id}/export", tag = "profiles",
    params(("id" = uuid::Uuid, Path, description = "Profile id"), ExportQuery),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The JSON Resume document", body = Object)))]
pub async fn export_profile(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
) -> AppResult<Json<Value>> {
    let id = parse_path_id(&id, "profile")?;
    match query.format.as_deref() {
        None | Some("json_resume") => {}
        Some(_) => return Err(AppError::invalid_field("format", "must be json_resume")),
    }
    let profile = store::load(&state.db, user.id, id).await?;
    Ok(Json(export(&profile.content)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::model::ProfileRules;

    fn sample() -> Value {
        json!({
            "basics": {
                "name": "Ana Souza", "label": "Data Engineer", "email": "ana@example.com",
                "phone": "+55 11 5555-0100", "url": "https://ana.example.com",
                "summary": "Data engineer with 7 years of experience.",
                "location": {"city": "São Paulo", "countryCode": "BR", "region": "SP"},
                "profiles": [
                    {"network": "LinkedIn", "username": "anasouza"},
                    {"network": "GitHub", "url": "https://github.com/anasouza"},
                    {"network": "Mastodon", "url": "https://mastodon.example/@ana"}
                ]
            },
            "work": [
                {"name": "Loja Rápida", "position": "Senior Data Engineer", "url": "https://loja.example",
                 "startDate": "2021-03", "summary": "Owns the lakehouse.", "highlights": ["Cut pipeline cost by 40%", "Led 3 engineers"]},
                {"company": "Banco Azul", "position": "Data Engineer", "startDate": "2017", "endDate": "2021-02",
                 "description": "Batch ETL on Spark."}
            ],
            "volunteer": [{"organization": "PyLadies", "position": "Mentor", "startDate": "2019"}],
            "education": [{"institution": "USP", "area": "Computer Science", "studyType": "BSc", "startDate": "2012", "endDate": "2016", "score": "3.6", "courses": ["Databases"]}],
            "awards": [{"title": "Hackathon winner", "date": "2020"}],
            "certificates": [{"name": "AWS Certified Data Analytics", "issuer": "Amazon Web Services", "date": "2022-06"}],
            "skills": [{"name": "Data", "level": "Master", "keywords": ["Spark", "Airflow", "SQL"]}, {"name": "Python"}],
            "languages": [{"language": "Portuguese", "fluency": "Native speaker"}, {"language": "English", "fluency": "Full professional proficiency"}],
            "interests": [{"name": "Cycling"}],
            "projects": [{"name": "OpenETL", "highlights": ["Streaming CDC connector"], "keywords": ["Rust"]}]
        })
    }

    #[test]
    fn import_maps_every_section() {
        let (p, report) = import(&sample()).unwrap();
        assert!(report.is_empty(), "{report:?}");
        assert_eq!(
            p.personal_info.location.as_deref(),
            Some("São Paulo, SP, BR")
        );
        assert_eq!(
            p.personal_info.linkedin.as_deref(),
            Some("https://www.linkedin.com/in/anasouza")
        );
        assert_eq!(p.experiences.len(), 2);
        assert!(p.experiences[0].is_current);
        assert_eq!(p.experiences[1].company, "Banco Azul");
        assert_eq!(
            p.experiences[1].description.as_deref(),
            Some("Batch ETL on Spark.")
        );
        assert_eq!(p.education[0].gpa, Some(3.6));
        assert_eq!(p.skills.technical, ["Spark", "Airflow", "SQL", "Python"]);
        assert_eq!(p.skills.languages[1].proficiency, Proficiency::Fluent);
        assert_eq!(p.projects[0].description, "Streaming CDC connector");
        let extra: Value = serde_json::from_str(&p.custom_fields[EXTRA_KEY]).unwrap();
        assert!(extra["rest"]["volunteer"].is_array());
        assert!(extra["rest"]["awards"].is_array());
    }

    #[test]
    fn import_export_import_is_stable() {
        let (mut first, _) = import(&sample()).unwrap();
        first.tidy();
        assert!(first.problems().is_empty(), "{:?}", first.problems());
        let exported = export(&first);
        assert_eq!(exported["volunteer"][0]["organization"], "PyLadies");
        assert_eq!(exported["work"][0]["url"], "https://loja.example");
        assert_eq!(exported["education"][0]["courses"][0], "Databases");
        let (mut second, _) = import(&exported).unwrap();
        second.tidy();
        assert_eq!(
            serde_json::to_value(&first).unwrap(),
            serde_json::to_value(&second).unwrap()
        );
    }

    fn fields(entries: &[super::super::import::ReportEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn only_the_name_is_required() {
        let err = import(&json!({"basics": {"email": "x@example.com"}})).unwrap_err();
        let AppError::Validation(details) = err else {
            panic!()
        };
        assert_eq!(details[0].field, "basics.name");
        let (p, report) = import(&json!({"basics": {"name": "X"}})).unwrap();
        assert_eq!(p.personal_info.full_name, "X");
        assert_eq!(p.personal_info.email, "");
        assert_eq!(fields(&report.warnings), ["basics.email"]);
        assert!(p.problems().is_empty(), "{:?}", p.problems());
    }

    #[test]
    fn a_project_titled_instead_of_named_is_kept() {
        let doc = json!({"basics": {"name": "X"},
            "projects": [{"title": "Election night maps", "description": "Live results."}, {"description": "No name"}]});
        let (p, report) = import(&doc).unwrap();
        assert_eq!(p.projects.len(), 1);
        assert_eq!(p.projects[0].name, "Election night maps");
        assert!(fields(&report.normalized).contains(&"projects[0].name"));
        assert_eq!(fields(&report.dropped), ["projects[1]"]);
        let exported = export(&p);
        assert_eq!(exported["projects"][0]["name"], "Election night maps");
        assert_eq!(exported["projects"][0]["title"], "Election night maps");
    }

    /// The causes of the eleven refusals in issue 11, all in one document.
    fn refused_before() -> Value {
        let schools: Vec<Value> = (0..11)
            .map(|i| json!({"institution": format!("School {i}"), "area": "Physics"}))
            .collect();
        json!({
            "basics": {"name": "Sam Lee", "email": "sam@example.com",
                "profiles": [{"network": "LinkedIn", "url": "linkedin.com/in/samlee"}],
                "url": "samlee.dev"},
            "work": [
                {"name": "Acme", "position": "Engineer", "startDate": "2014", "endDate": "March-24-2016"},
                {"name": "Beta", "position": "Lead", "startDate": "March 2016", "endDate": "Ongoing"},
                {"name": "Gamma", "position": "Advisor", "startDate": "05/2012", "endDate": "current"},
                {"name": "Delta", "position": "Consultant", "startDate": "sometime", "unknownField": [1, 2]}
            ],
            "education": schools,
            "certificates": [{"name": "CKA"}],
            "projects": [{"name": "Tiny", "url": "github.com/sam/tiny"}],
            "skills": [{"name": "Rust", "level": 3}],
            "volunteer": [{"organization": "Food bank"}]
        })
    }

    #[test]
    fn the_refusal_causes_of_issue_11_now_import() {
        let doc = refused_before();
        let (mut p, report) = import(&doc).unwrap();
        p.tidy();
        assert!(p.problems().is_empty(), "{:?}", p.problems());
        assert_eq!(
            p.personal_info.linkedin.as_deref(),
            Some("https://linkedin.com/in/samlee")
        );
        assert_eq!(
            p.personal_info.website.as_deref(),
            Some("https://samlee.dev")
        );
        let jobs: Vec<(&str, Option<&str>, bool)> = p
            .experiences
            .iter()
            .map(|e| (e.start_date.as_str(), e.end_date.as_deref(), e.is_current))
            .collect();
        assert_eq!(
            jobs,
            [
                ("2014", Some("2016-03-24"), false),
                ("2016-03", None, true),
                ("2012-05", None, true),
                ("", None, true)
            ]
        );
        assert_eq!(p.education.len(), 10);
        assert_eq!(p.education[0].degree, "Physics");
        assert_eq!(p.skills.certifications[0].issuer, "");
        assert_eq!(
            p.projects[0].url.as_deref(),
            Some("https://github.com/sam/tiny")
        );
        assert_eq!(p.projects[0].description, "");
        assert_eq!(fields(&report.truncated), ["education"]);
        assert!(report.dropped.is_empty(), "{:?}", report.dropped);
        assert!(fields(&report.warnings).contains(&"work[3].startDate"));
        for path in [
            "basics.url",
            "basics.profiles[0].url",
            "work[0].endDate",
            "work[1].startDate",
            "work[1].endDate",
            "work[2].startDate",
            "projects[0].url",
        ] {
            assert!(
                fields(&report.normalized).contains(&path),
                "{path}: {report:?}"
            );
        }
        // What had no place comes back on export: the 11th school, the unreadable date.
        let exported = export(&p);
        assert_eq!(exported["education"].as_array().unwrap().len(), 11);
        assert_eq!(exported["work"].as_array().unwrap().len(), 4);
        assert_eq!(exported["work"][3]["startDate"], "sometime");
        assert_eq!(exported["work"][1]["endDate"], "Ongoing");
        assert_eq!(exported["volunteer"][0]["organization"], "Food bank");
        assert!(exported["basics"].get("email").is_some());
        let (again, _) = import(&exported).unwrap();
        assert_eq!(again.experiences.len(), 4);
        assert_eq!(again.education.len(), 10);
    }

    /// Skills published as an object of groups (not the schema's list) are all imported, and
    /// export writes them back as the schema's groups.
    #[test]
    fn skills_as_an_object_of_groups() {
        let doc = json!({
            "basics": {"name": "Ola"},
            "skills": {"backend": ["Java", "SQL"], "devops": ["Docker"], "agile": "Scrum"}
        });
        let (p, report) = import(&doc).unwrap();
        // Groups come in the order the JSON object holds its keys (by name).
        assert_eq!(p.skills.technical, ["Scrum", "Java", "SQL", "Docker"]);
        assert_eq!(fields(&report.normalized), ["skills"]);
        let exported = export(&p);
        assert_eq!(exported["skills"][0]["name"], "agile");
        assert_eq!(exported["skills"][2]["keywords"][0], "Docker");
        // Groups written as {"Title", "Items"} are read as name and keywords.
        let (p, report) = import(&json!({"basics": {"name": "Eli"}, "skills": [
            {"Title": "Frameworks", "Items": ["React", ".Net"]}, {"category": "Cloud", "skills": ["Azure"]}
        ]}))
        .unwrap();
        assert_eq!(p.skills.technical, ["React", ".Net", "Azure"]);
        assert_eq!(fields(&report.normalized), ["skills"]);
        assert_eq!(export(&p)["skills"][0]["name"], "Frameworks");
        // A single ordinary group object is still one group.
        let (p, report) =
            import(&json!({"basics": {"name": "Kim"}, "skills": {"name": "Go"}})).unwrap();
        assert_eq!(p.skills.technical, ["Go"]);
        assert!(report.normalized.is_empty());
    }

    #[test]
    fn lenient_values_never_fail() {
        let doc = json!({
            "basics": {"name": "Kim", "phone": 5550100, "profiles": "not a list",
                "location": "Seoul"},
            "work": [42, {"name": "Acme", "position": "Dev", "startDate": "2020", "highlights": ["a", 7, null]}],
            "skills": {"name": "Go"},
            "languages": [{"language": "Korean", "fluency": null}],
            "certificates": null,
            "meta": {"theme": "even"}
        });
        let (p, report) = import(&doc).unwrap();
        assert_eq!(p.personal_info.phone.as_deref(), Some("5550100"));
        assert_eq!(p.personal_info.location.as_deref(), Some("Seoul"));
        assert_eq!(p.experiences[0].achievements, ["a", "7"]);
        assert_eq!(p.skills.technical, ["Go"]);
        assert_eq!(p.skills.languages[0].proficiency, Proficiency::Basic);
        assert_eq!(fields(&report.dropped), ["work"]);
        assert_eq!(export(&p)["meta"]["theme"], "even");
    }
}
