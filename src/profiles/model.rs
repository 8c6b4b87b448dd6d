//! The master-profile document: the engine's [`jobwise_engine::profile`] types (one type for
//! the API, the parsers and the pipeline), plus what only the service does with them: id
//! assignment for sub-items and every field rule of the contract (one pass that reports each
//! bad field by path).

use std::collections::HashSet;

pub use jobwise_engine::profile::{
    Certification, Education, Experience, Language, PersonalInfo, Proficiency, Project, Skills,
};

use crate::error::FieldError;
use crate::http::json::rules;

/// Upper bounds from the contract.
pub mod limits {
    /// Name-like fields.
    pub const NAME: usize = 100;
    /// One bullet.
    pub const BULLET: usize = 300;
    /// Descriptions and the summary.
    pub const DESCRIPTION: usize = 2000;
    /// Experiences per profile.
    pub const EXPERIENCES: usize = 30;
    /// Education entries.
    pub const EDUCATION: usize = 10;
    /// Projects.
    pub const PROJECTS: usize = 20;
    /// Certifications.
    pub const CERTIFICATIONS: usize = 20;
    /// Achievements per experience (and honours per degree).
    pub const ACHIEVEMENTS: usize = 20;
    /// Technical skills.
    pub const TECHNICAL: usize = 100;
    /// Soft skills.
    pub const SOFT: usize = 50;
    /// Languages.
    pub const LANGUAGES: usize = 20;
    /// Custom fields.
    pub const CUSTOM_FIELDS: usize = 50;
}

/// The editable content of a master profile (what PUT sends and PATCH merges into): the
/// engine's profile, named as the API names it.
pub type ProfileContent = jobwise_engine::Profile;

/// The service's rules on a profile: server-assigned ids and the contract's field checks.
pub trait ProfileRules {
    /// Gives every sub-item without an id a fresh UUID v7; existing ids are kept.
    fn assign_ids(&mut self);
    /// Every rule of the contract; field paths use dots and indexes (`experiences[0].title`).
    fn problems(&self) -> Vec<FieldError>;
}

impl ProfileRules for ProfileContent {
    fn assign_ids(&mut self) {
        let fresh = || uuid::Uuid::now_v7().to_string();
        for e in &mut self.experiences {
            if e.id.is_empty() {
                e.id = fresh();
            }
        }
        for e in &mut self.education {
            if e.id.is_empty() {
                e.id = fresh();
            }
        }
        for p in &mut self.projects {
            if p.id.is_empty() {
                p.id = fresh();
            }
        }
        for c in &mut self.skills.certifications {
            if c.id.is_empty() {
                c.id = fresh();
            }
        }
    }

    fn problems(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let p = &self.personal_info;
        rules::required_text(e, "personal_info.full_name", &p.full_name, limits::NAME);
        if !p.email.is_empty() && !rules::is_email(&p.email) {
            e.push(FieldError::new(
                "personal_info.email",
                "must be a valid email address",
            ));
        }
        optional_text(e, "personal_info.phone", &p.phone, 50);
        optional_text(e, "personal_info.location", &p.location, limits::NAME);
        for (name, value) in [
            ("linkedin", &p.linkedin),
            ("github", &p.github),
            ("website", &p.website),
        ] {
            url(e, &format!("personal_info.{name}"), value);
        }
        optional_text(
            e,
            "professional_summary",
            &self.professional_summary,
            limits::DESCRIPTION,
        );

        max_items(
            e,
            "experiences",
            self.experiences.len(),
            limits::EXPERIENCES,
        );
        for (i, x) in self.experiences.iter().enumerate() {
            experience_problems(e, &format!("experiences[{i}]"), x);
        }
        max_items(e, "education", self.education.len(), limits::EDUCATION);
        for (i, x) in self.education.iter().enumerate() {
            education_problems(e, &format!("education[{i}]"), x);
        }
        let s = &self.skills;
        string_list(
            e,
            "skills.technical",
            &s.technical,
            limits::TECHNICAL,
            limits::NAME,
        );
        string_list(e, "skills.soft", &s.soft, limits::SOFT, limits::NAME);
        max_items(e, "skills.languages", s.languages.len(), limits::LANGUAGES);
        for (i, l) in s.languages.iter().enumerate() {
            rules::required_text(
                e,
                &format!("skills.languages[{i}].name"),
                &l.name,
                limits::NAME,
            );
        }
        max_items(
            e,
            "skills.certifications",
            s.certifications.len(),
            limits::CERTIFICATIONS,
        );
        for (i, c) in s.certifications.iter().enumerate() {
            certification_problems(e, &format!("skills.certifications[{i}]"), c);
        }
        max_items(e, "projects", self.projects.len(), limits::PROJECTS);
        for (i, x) in self.projects.iter().enumerate() {
            project_problems(e, &format!("projects[{i}]"), x);
        }
        if self.custom_fields.len() > limits::CUSTOM_FIELDS {
            e.push(FieldError::new(
                "custom_fields",
                format!("must have at most {} entries", limits::CUSTOM_FIELDS),
            ));
        }
        for (key, value) in &self.custom_fields {
            let path = format!("custom_fields.{key}");
            if key.trim().is_empty() || key.chars().count() > limits::NAME {
                e.push(FieldError::new(&path, "keys must be 1 to 100 characters"));
            }
            rules::max_len(e, &path, value, 20_000);
        }
        id_problems(self, e);
        errors
    }
}

/// Ids must be well formed and unique across the profile's items.
fn id_problems(profile: &ProfileContent, e: &mut Vec<FieldError>) {
    let mut seen = HashSet::new();
    let ids = profile
        .experiences
        .iter()
        .enumerate()
        .map(|(i, x)| (format!("experiences[{i}].id"), &x.id))
        .chain(
            profile
                .education
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("education[{i}].id"), &x.id)),
        )
        .chain(
            profile
                .projects
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("projects[{i}].id"), &x.id)),
        )
        .chain(
            profile
                .skills
                .certifications
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("skills.certifications[{i}].id"), &x.id)),
        );
    for (path, id) in ids {
        if id.is_empty() {
            continue;
        }
        if !valid_item_id(id) {
            e.push(FieldError::new(
                &path,
                "ids are 1 to 64 letters, digits, '-' or '_'",
            ));
        } else if !seen.insert(id.as_str()) {
            e.push(FieldError::new(
                &path,
                "duplicates another item's id in this profile",
            ));
        }
    }
}

/// Item ids clients may choose: 1–64 of `[A-Za-z0-9_-]`.
pub fn valid_item_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Rules for one experience, under `prefix` (e.g. `experiences[2]`, or empty for an item body).
pub fn experience_problems(e: &mut Vec<FieldError>, prefix: &str, x: &Experience) {
    let at = |f: &str| join(prefix, f);
    if x.title.trim().is_empty() && x.company.trim().is_empty() {
        e.push(FieldError::new(
            at("title"),
            "a job needs a title or a company",
        ));
    }
    rules::max_len(e, &at("title"), &x.title, limits::NAME);
    rules::max_len(e, &at("company"), &x.company, limits::NAME);
    optional_text(e, &at("location"), &x.location, limits::NAME);
    if !x.start_date.is_empty() {
        date(e, &at("start_date"), &Some(x.start_date.clone()));
    }
    date(e, &at("end_date"), &x.end_date);
    if x.is_current && x.end_date.is_some() {
        e.push(FieldError::new(
            at("end_date"),
            "must be empty while is_current is true",
        ));
    }
    date_order(e, &at("end_date"), Some(&x.start_date), x.end_date.as_ref());
    optional_text(e, &at("description"), &x.description, limits::DESCRIPTION);
    string_list(
        e,
        &at("achievements"),
        &x.achievements,
        limits::ACHIEVEMENTS,
        limits::BULLET,
    );
}

/// Rules for one education entry.
pub fn education_problems(e: &mut Vec<FieldError>, prefix: &str, x: &Education) {
    let at = |f: &str| join(prefix, f);
    rules::required_text(e, &at("institution"), &x.institution, limits::NAME);
    rules::max_len(e, &at("degree"), &x.degree, limits::NAME);
    optional_text(e, &at("field_of_study"), &x.field_of_study, limits::NAME);
    date(e, &at("start_date"), &x.start_date);
    date(e, &at("end_date"), &x.end_date);
    date_order(
        e,
        &at("end_date"),
        x.start_date.as_ref(),
        x.end_date.as_ref(),
    );
    if let Some(gpa) = x.gpa
        && !(0.0..=4.0).contains(&gpa)
    {
        e.push(FieldError::new(at("gpa"), "must be between 0 and 4"));
    }
    string_list(
        e,
        &at("honors"),
        &x.honors,
        limits::ACHIEVEMENTS,
        limits::BULLET,
    );
}

/// Rules for one certification.
pub fn certification_problems(e: &mut Vec<FieldError>, prefix: &str, x: &Certification) {
    let at = |f: &str| join(prefix, f);
    rules::required_text(e, &at("name"), &x.name, limits::NAME);
    rules::max_len(e, &at("issuer"), &x.issuer, limits::NAME);
    date(e, &at("date_obtained"), &x.date_obtained);
    date(e, &at("expiry_date"), &x.expiry_date);
    date_order(
        e,
        &at("expiry_date"),
        x.date_obtained.as_ref(),
        x.expiry_date.as_ref(),
    );
    optional_text(e, &at("credential_id"), &x.credential_id, limits::NAME);
    url(e, &at("verification_url"), &x.verification_url);
}

/// Rules for one project.
pub fn project_problems(e: &mut Vec<FieldError>, prefix: &str, x: &Project) {
    let at = |f: &str| join(prefix, f);
    rules::required_text(e, &at("name"), &x.name, limits::NAME);
    rules::max_len(e, &at("description"), &x.description, limits::DESCRIPTION);
    string_list(e, &at("technologies"), &x.technologies, 50, limits::NAME);
    url(e, &at("url"), &x.url);
    date(e, &at("start_date"), &x.start_date);
    date(e, &at("end_date"), &x.end_date);
    date_order(
        e,
        &at("end_date"),
        x.start_date.as_ref(),
        x.end_date.as_ref(),
    );
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

fn optional_text(e: &mut Vec<FieldError>, path: &str, value: &Option<String>, max: usize) {
    if let Some(v) = value {
        rules::max_len(e, path, v, max);
    }
}

fn max_items(e: &mut Vec<FieldError>, path: &str, len: usize, max: usize) {
    if len > max {
        e.push(FieldError::new(
            path,
            format!("must have at most {max} items"),
        ));
    }
}

fn string_list(
    e: &mut Vec<FieldError>,
    path: &str,
    items: &[String],
    max_items_allowed: usize,
    max_len: usize,
) {
    max_items(e, path, items.len(), max_items_allowed);
    for (i, item) in items.iter().enumerate() {
        rules::required_text(e, &format!("{path}[{i}]"), item, max_len);
    }
}

fn url(e: &mut Vec<FieldError>, path: &str, value: &Option<String>) {
    if let Some(v) = value
        && !is_url(v)
    {
        e.push(FieldError::new(path, "must be a valid http(s) URL"));
    }
}

/// An absolute http(s) URL with a host and no spaces, ≤ 500 characters.
pub fn is_url(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_name = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host_name = host_name.split(':').next().unwrap_or("");
    value.len() <= 500
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && !host_name.is_empty()
        && (host_name.contains('.') || host_name == "localhost")
        && !host_name.starts_with('.')
        && !host_name.ends_with('.')
}

fn date(e: &mut Vec<FieldError>, path: &str, value: &Option<String>) {
    if let Some(v) = value
        && parse_partial_date(v).is_none()
    {
        e.push(FieldError::new(
            path,
            "must be a date: YYYY-MM-DD, YYYY-MM or YYYY",
        ));
    }
}

fn date_order(e: &mut Vec<FieldError>, path: &str, start: Option<&String>, end: Option<&String>) {
    if let (Some(start), Some(end)) = (start, end)
        && let (Some(s), Some(f)) = (parse_partial_date(start), parse_partial_date(end))
        && f < s
    {
        e.push(FieldError::new(path, "must not be before the start date"));
    }
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` into a comparable `(year, month, day)`; missing
/// parts count as the earliest possible value.
pub fn parse_partial_date(value: &str) -> Option<(i32, u8, u8)> {
    let mut parts = value.split('-');
    let year_text = parts.next()?;
    if year_text.len() != 4 {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    let month = match parts.next() {
        None => 1,
        Some(m) if m.len() == 2 => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
        Some(_) => return None,
    };
    let day = match parts.next() {
        None => 1,
        Some(d) if d.len() == 2 => {
            let d: u8 = d.parse().ok()?;
            let month_enum = time::Month::try_from(month).ok()?;
            time::Date::from_calendar_date(year, month_enum, d).ok()?;
            d
        }
        Some(_) => return None,
    };
    if parts.next().is_some() || !(1900..=2100).contains(&year) {
        return None;
    }
    Some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> ProfileContent {
        ProfileContent {
            personal_info: PersonalInfo {
                full_name: "Jane Doe".into(),
                email: "jane@example.com".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_partial_date("2019"), Some((2019, 1, 1)));
        assert_eq!(parse_partial_date("2019-05"), Some((2019, 5, 1)));
        assert_eq!(parse_partial_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "19",
            "2019-5",
            "2019-13",
            "2019-05-01-01",
            "May 2019",
            "",
        ] {
            assert_eq!(parse_partial_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert!(is_url("https://www.linkedin.com/in/jane"));
        assert!(is_url("http://localhost:3000/x"));
        for bad in [
            "linkedin.com/in/jane",
            "https://",
            "https://no spaces.com",
            "ftp://x.com",
            "https://.com",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
    }

    #[test]
    fn minimal_profile_is_valid_and_gets_ids() {
        let mut p = minimal();
        p.experiences.push(Experience {
            title: "Engineer".into(),
            company: "Acme".into(),
            start_date: "2020-01".into(),
            ..Default::default()
        });
        assert!(p.problems().is_empty());
        p.assign_ids();
        assert_eq!(p.experiences[0].id.len(), 36);
    }

    #[test]
    fn cross_field_rules_report_the_later_field() {
        let mut p = minimal();
        p.experiences.push(Experience {
            title: "Engineer".into(),
            company: "Acme".into(),
            start_date: "2021-06".into(),
            end_date: Some("2020-01".into()),
            is_current: true,
            ..Default::default()
        });
        let fields: Vec<String> = p.problems().into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["experiences[0].end_date", "experiences[0].end_date"]
        );
    }

    #[test]
    fn duplicate_and_malformed_ids() {
        let mut p = minimal();
        for id in ["same", "same", "bad id!"] {
            p.projects.push(Project {
                id: id.into(),
                name: "P".into(),
                description: "D".into(),
                ..Default::default()
            });
        }
        let fields: Vec<String> = p.problems().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["projects[1].id", "projects[2].id"]);
    }
}
