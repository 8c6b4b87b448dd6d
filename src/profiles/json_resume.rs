//! JSON Resume (jsonresume.org schema v1) import and export.
//!
//! Mapping: `basics` → `personal_info` + `professional_summary` (LinkedIn and GitHub from
//! `basics.profiles`); `work` → `experiences` (`highlights` → achievements, `summary` or
//! `description` → description, no `endDate` → current); `education` → `education`
//! (`studyType` → degree, `area` → field of study, a `score` of 0–4 → gpa); `skills` groups →
//! technical skills (their keywords, or the group name when it has none; a group named
//! "Soft skills" → soft skills); `languages` → languages; `projects`; `certificates` →
//! certifications. Everything without a place in our model (volunteer, awards, publications,
//! interests, references, URLs of jobs, skill levels, original fluency wording, unknown fields…)
//! is kept verbatim in `custom_fields["json_resume"]` (canonical JSON) and written back on
//! export, and item ids travel as `id` fields, so import → export → import gives the same
//! profile. Partial dates (`2019`, `2019-05`) are kept as they are.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::handlers::profile_response;
use super::model::{
    Certification, Education, Experience, Language, PersonalInfo, Proficiency, ProfileContent,
    Project, Skills, valid_item_id,
};
use super::store::{self, Profile};
use crate::app::AppState;
use crate::auth::api_keys::parse_path_id;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::AuthUser;
use crate::http::json::{parse_json, require_json_content_type};

/// `custom_fields` key holding what our model has no place for.
pub const EXTRA_KEY: &str = "json_resume";
/// Top-level JSON Resume key carrying our other custom fields.
const CUSTOM_FIELDS_KEY: &str = "x_jobwise_custom_fields";
const SOFT_SKILLS_GROUP: &str = "Soft skills";

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Keys of `item` not in `known`, as an object (empty objects are dropped by the caller).
fn leftovers(item: &Value, known: &[&str]) -> Map<String, Value> {
    item.as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| !known.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default()
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

fn item_id(item: &Value) -> String {
    text(item, "id")
        .filter(|id| valid_item_id(id))
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string())
}

fn proficiency(fluency: Option<&str>) -> Proficiency {
    let f = fluency.unwrap_or("").to_lowercase();
    if f.contains("native") || f.contains("bilingual") || f.contains("mother") {
        Proficiency::Native
    } else if f.contains("fluent")
        || f.contains("full professional")
        || f.contains("advanced")
        || f.contains("c1")
        || f.contains("c2")
    {
        Proficiency::Fluent
    } else if f.contains("conversational")
        || f.contains("working")
        || f.contains("intermediate")
        || f.contains("b1")
        || f.contains("b2")
    {
        Proficiency::Conversational
    } else {
        Proficiency::Basic
    }
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

/// Maps a JSON Resume document to profile content (422 naming the JSON Resume path when a
/// field our model requires is missing).
pub fn import(doc: &Value) -> AppResult<ProfileContent> {
    if !doc.is_object() {
        return Err(AppError::invalid_field(
            "body",
            "a JSON Resume document is a JSON object",
        ));
    }
    let mut errors = Vec::new();
    let mut extra = Map::new();
    let basics = doc.get("basics").cloned().unwrap_or(Value::Null);
    let mut info = PersonalInfo {
        full_name: text(&basics, "name").unwrap_or_default(),
        email: text(&basics, "email").unwrap_or_default(),
        phone: text(&basics, "phone"),
        website: text(&basics, "url").or_else(|| text(&basics, "website")),
        ..Default::default()
    };
    if info.full_name.is_empty() {
        errors.push(FieldError::new("basics.name", "is required"));
    }
    if info.email.is_empty() {
        errors.push(FieldError::new("basics.email", "is required"));
    }
    let mut basics_extra = leftovers(
        &basics,
        &[
            "name", "email", "phone", "url", "website", "summary", "profiles", "location",
        ],
    );
    if let Some(location) = basics.get("location").filter(|l| l.is_object()) {
        let parts: Vec<String> = ["city", "region", "countryCode"]
            .iter()
            .filter_map(|k| text(location, k))
            .collect();
        info.location = if parts.is_empty() {
            text(location, "address")
        } else {
            Some(parts.join(", "))
        };
        // Our own export writes `{"city": <location>}`; only richer objects need keeping.
        if info
            .location
            .as_ref()
            .is_none_or(|l| *location != json!({ "city": l }))
        {
            basics_extra.insert("location".into(), location.clone());
        }
    }
    let mut other_profiles = Vec::new();
    for profile in array(&basics, "profiles") {
        let network = text(profile, "network").unwrap_or_default().to_lowercase();
        let url = text(profile, "url").or_else(|| {
            text(profile, "username").map(|u| match network.as_str() {
                "linkedin" => format!("https://www.linkedin.com/in/{u}"),
                "github" => format!("https://github.com/{u}"),
                _ => u,
            })
        });
        match network.as_str() {
            "linkedin" if info.linkedin.is_none() => info.linkedin = url,
            "github" if info.github.is_none() => info.github = url,
            _ => other_profiles.push(profile.clone()),
        }
    }
    if !other_profiles.is_empty() {
        basics_extra.insert("profiles".into(), Value::from(other_profiles));
    }
    if !basics_extra.is_empty() {
        extra.insert("basics".into(), Value::Object(basics_extra));
    }

    fn by_id(extra: &mut Map<String, Value>, section: &str, id: &str, rest: Map<String, Value>) {
        if !rest.is_empty() {
            let entry = extra.entry(section.to_owned()).or_insert_with(|| json!({}));
            entry[id] = Value::Object(rest);
        }
    }

    let mut experiences = Vec::new();
    for (i, work) in array(doc, "work").iter().enumerate() {
        let id = item_id(work);
        let start = text(work, "startDate");
        for (key, value) in [
            ("name", text(work, "name").or_else(|| text(work, "company"))),
            ("position", text(work, "position")),
            ("startDate", start.clone()),
        ] {
            if value.is_none() {
                errors.push(FieldError::new(format!("work[{i}].{key}"), "is required"));
            }
        }
        let end = text(work, "endDate");
        experiences.push(Experience {
            id: id.clone(),
            title: text(work, "position").unwrap_or_default(),
            company: text(work, "name")
                .or_else(|| text(work, "company"))
                .unwrap_or_default(),
            location: text(work, "location"),
            start_date: start.unwrap_or_default(),
            is_current: end.is_none(),
            end_date: end,
            description: text(work, "summary").or_else(|| text(work, "description")),
            achievements: strings(work, "highlights"),
        });
        by_id(
            &mut extra,
            "work",
            &id,
            leftovers(
                work,
                &[
                    "id",
                    "name",
                    "company",
                    "position",
                    "location",
                    "startDate",
                    "endDate",
                    "summary",
                    "description",
                    "highlights",
                ],
            ),
        );
    }

    let mut education = Vec::new();
    for (i, edu) in array(doc, "education").iter().enumerate() {
        let id = item_id(edu);
        if text(edu, "institution").is_none() {
            errors.push(FieldError::new(
                format!("education[{i}].institution"),
                "is required",
            ));
        }
        let degree = text(edu, "studyType").or_else(|| text(edu, "area"));
        if degree.is_none() {
            errors.push(FieldError::new(
                format!("education[{i}].studyType"),
                "is required",
            ));
        }
        let score = text(edu, "score");
        let gpa = score.as_deref().and_then(parse_gpa);
        let mut rest = leftovers(
            edu,
            &[
                "id",
                "institution",
                "studyType",
                "area",
                "startDate",
                "endDate",
                "score",
            ],
        );
        if gpa.is_none()
            && let Some(score) = score
        {
            rest.insert("score".into(), Value::from(score));
        }
        if text(edu, "studyType").is_none()
            && let Some(area) = text(edu, "area")
        {
            rest.insert("area_as_degree".into(), Value::from(area));
        }
        education.push(Education {
            id: id.clone(),
            institution: text(edu, "institution").unwrap_or_default(),
            degree: degree.unwrap_or_default(),
            field_of_study: text(edu, "studyType").and(text(edu, "area")),
            start_date: text(edu, "startDate"),
            end_date: text(edu, "endDate"),
            gpa,
            honors: Vec::new(),
        });
        by_id(&mut extra, "education", &id, rest);
    }

    let mut skills = Skills::default();
    let mut groups = Vec::new();
    for group in array(doc, "skills") {
        let name = text(group, "name");
        let keywords = strings(group, "keywords");
        let target = if name.as_deref() == Some(SOFT_SKILLS_GROUP) {
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
        let plain = group
            .as_object()
            .is_some_and(|o| o.len() == 1 && o.contains_key("name"));
        if name.as_deref() != Some(SOFT_SKILLS_GROUP) && !plain {
            groups.push(group.clone());
        }
    }
    if !groups.is_empty() {
        extra.insert("skills".into(), Value::from(groups));
    }
    let mut fluencies = Map::new();
    for (i, lang) in array(doc, "languages").iter().enumerate() {
        let Some(name) = text(lang, "language").or_else(|| text(lang, "name")) else {
            errors.push(FieldError::new(
                format!("languages[{i}].language"),
                "is required",
            ));
            continue;
        };
        let fluency = text(lang, "fluency");
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
        extra.insert("fluency".into(), Value::Object(fluencies));
    }
    for (i, cert) in array(doc, "certificates").iter().enumerate() {
        let id = item_id(cert);
        for key in ["name", "issuer"] {
            if text(cert, key).is_none() {
                errors.push(FieldError::new(
                    format!("certificates[{i}].{key}"),
                    "is required",
                ));
            }
        }
        skills.certifications.push(Certification {
            id: id.clone(),
            name: text(cert, "name").unwrap_or_default(),
            issuer: text(cert, "issuer").unwrap_or_default(),
            date_obtained: text(cert, "date"),
            expiry_date: None,
            credential_id: None,
            verification_url: text(cert, "url"),
        });
        by_id(
            &mut extra,
            "certificates",
            &id,
            leftovers(cert, &["id", "name", "issuer", "date", "url"]),
        );
    }

    let mut projects = Vec::new();
    for (i, project) in array(doc, "projects").iter().enumerate() {
        let id = item_id(project);
        let highlights = strings(project, "highlights");
        let description = text(project, "description")
            .or_else(|| (!highlights.is_empty()).then(|| highlights.join("; ")));
        if text(project, "name").is_none() {
            errors.push(FieldError::new(
                format!("projects[{i}].name"),
                "is required",
            ));
        }
        if description.is_none() {
            errors.push(FieldError::new(
                format!("projects[{i}].description"),
                "is required (or highlights)",
            ));
        }
        projects.push(Project {
            id: id.clone(),
            name: text(project, "name").unwrap_or_default(),
            description: description.unwrap_or_default(),
            technologies: strings(project, "keywords"),
            url: text(project, "url"),
            start_date: text(project, "startDate"),
            end_date: text(project, "endDate"),
        });
        let mut rest = leftovers(
            project,
            &[
                "id",
                "name",
                "description",
                "keywords",
                "url",
                "startDate",
                "endDate",
            ],
        );
        if text(project, "description").is_none() {
            rest.remove("highlights");
            rest.insert("description_from_highlights".into(), Value::Bool(true));
            rest.insert("highlights".into(), Value::from(highlights));
        }
        by_id(&mut extra, "projects", &id, rest);
    }

    let mut custom_fields = std::collections::BTreeMap::new();
    if let Some(Value::Object(fields)) = doc.get(CUSTOM_FIELDS_KEY) {
        for (k, v) in fields {
            if let Some(s) = v.as_str() {
                custom_fields.insert(k.clone(), s.to_owned());
            }
        }
    }
    let rest = leftovers(
        doc,
        &[
            "$schema",
            "basics",
            "work",
            "education",
            "skills",
            "languages",
            "certificates",
            "projects",
            CUSTOM_FIELDS_KEY,
        ],
    );
    if !rest.is_empty() {
        extra.insert("rest".into(), Value::Object(rest));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    if !extra.is_empty() {
        custom_fields.insert(
            EXTRA_KEY.to_owned(),
            canonical(&Value::Object(extra)).to_string(),
        );
    }
    Ok(ProfileContent {
        personal_info: info,
        professional_summary: text(&basics, "summary"),
        experiences,
        education,
        skills,
        projects,
        custom_fields,
    })
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
    basics.insert("email".into(), Value::from(info.email.clone()));
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
            w.insert("name".into(), Value::from(x.company.clone()));
            w.insert("position".into(), Value::from(x.title.clone()));
            put(&mut w, "location", x.location.as_ref());
            w.insert("startDate".into(), Value::from(x.start_date.clone()));
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
                e.insert("studyType".into(), Value::from(x.degree.clone()));
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
        let keywords = strings(&group, "keywords");
        let members: Vec<String> = if keywords.is_empty() {
            text(&group, "name").into_iter().collect()
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
            m.insert("issuer".into(), Value::from(c.issuer.clone()));
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
            if !from_highlights {
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

/// Create a profile from a JSON Resume document.
#[utoipa::path(post, path = "/import", tag = "profiles",
    request_body(content = Object, description = "A JSON Resume v1 document",
        example = json!({"basics": {"name": "Jane Doe", "email": "jane@example.com"},
            "work": [{"name": "Acme", "position": "Engineer", "startDate": "2019-05", "highlights": ["Cut costs 20%"]}]})),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 201, description = "Profile created from the document", body = Profile)))]
pub async fn import_profile(
    State(state): State<AppState>,
    user: AuthUser,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<impl IntoResponse> {
    require_json_content_type(&headers)?;
    let doc: Value = parse_json(&body)?;
    let content = import(&doc)?;
    let profile = store::create(&state.db, user.id, content).await?;
    Ok(profile_response(StatusCode::CREATED, profile))
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
        let p = import(&sample()).unwrap();
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
        let mut first = import(&sample()).unwrap();
        first.tidy();
        assert!(first.problems().is_empty(), "{:?}", first.problems());
        let exported = export(&first);
        assert_eq!(exported["volunteer"][0]["organization"], "PyLadies");
        assert_eq!(exported["work"][0]["url"], "https://loja.example");
        assert_eq!(exported["education"][0]["courses"][0], "Databases");
        let mut second = import(&exported).unwrap();
        second.tidy();
        assert_eq!(
            serde_json::to_value(&first).unwrap(),
            serde_json::to_value(&second).unwrap()
        );
    }

    #[test]
    fn missing_required_fields_name_json_resume_paths() {
        let err =
            import(&json!({"basics": {"name": "X"}, "work": [{"name": "Acme"}]})).unwrap_err();
        let AppError::Validation(details) = err else {
            panic!()
        };
        let fields: Vec<&str> = details.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(
            fields,
            ["basics.email", "work[0].position", "work[0].startDate"]
        );
    }
}
