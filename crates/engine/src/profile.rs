//! The master profile: the one type the service stores and serves (as `ProfileContent` in the
//! API), the résumé parsers produce, and the pipeline reads.
//!
//! The serde attributes are the API contract: fields marked required here are required in a
//! request body. With the `openapi` feature the types also describe themselves as OpenAPI
//! schemas; the field comments are the descriptions clients read. The service adds the field
//! rules (lengths, dates, URLs, ids) on top. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
//! strings; see [`parse_date`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Contact details.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalInfo {
    /// Full name (required, ≤ 100).
    #[cfg_attr(feature = "openapi", schema(example = "Jane Doe"))]
    pub full_name: String,
    /// Email; empty when the person has not given one (analytics then recommends adding it).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "jane.doe@example.com"))]
    pub email: String,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// City, region, country.
    #[serde(default)]
    pub location: Option<String>,
    /// LinkedIn profile URL.
    #[serde(default)]
    pub linkedin: Option<String>,
    /// GitHub profile URL.
    #[serde(default)]
    pub github: Option<String>,
    /// Personal website URL.
    #[serde(default)]
    pub website: Option<String>,
}

/// One job held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Experience {
    /// Stable item id (server-assigned when omitted).
    #[serde(default)]
    pub id: String,
    /// Job title (≤ 100); a job needs a title or an employer.
    #[serde(default)]
    pub title: String,
    /// Employer (≤ 100); a job needs a title or an employer.
    #[serde(default)]
    pub company: String,
    /// Where the job was.
    #[serde(default)]
    pub location: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; empty when the source gives no readable start.
    #[serde(default)]
    pub start_date: String,
    /// Same formats; absent while `is_current`.
    #[serde(default)]
    pub end_date: Option<String>,
    /// Still in this job.
    #[serde(default)]
    pub is_current: bool,
    /// Free text, ≤ 2000.
    #[serde(default)]
    pub description: Option<String>,
    /// Bullets, ≤ 20, each ≤ 300.
    #[serde(default)]
    pub achievements: Vec<String>,
}

/// One degree or programme.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Education {
    /// Stable item id.
    #[serde(default)]
    pub id: String,
    /// School (required, ≤ 100).
    pub institution: String,
    /// Degree (≤ 100); empty when the source names none.
    #[serde(default)]
    pub degree: String,
    /// Field of study.
    #[serde(default)]
    pub field_of_study: Option<String>,
    /// Start date.
    #[serde(default)]
    pub start_date: Option<String>,
    /// End date.
    #[serde(default)]
    pub end_date: Option<String>,
    /// Grade point average, 0–4.
    #[serde(default)]
    pub gpa: Option<f64>,
    /// Honours and awards, ≤ 20, each ≤ 300.
    #[serde(default)]
    pub honors: Vec<String>,
}

/// Spoken-language proficiency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Proficiency {
    /// Basic.
    Basic,
    /// Conversational.
    Conversational,
    /// Fluent.
    Fluent,
    /// Native.
    Native,
}

impl Proficiency {
    /// The serialised name (`basic`, `conversational`, `fluent`, `native`).
    pub fn as_str(self) -> &'static str {
        match self {
            Proficiency::Basic => "basic",
            Proficiency::Conversational => "conversational",
            Proficiency::Fluent => "fluent",
            Proficiency::Native => "native",
        }
    }
}

/// A spoken language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Language {
    /// Language name.
    pub name: String,
    /// How well.
    pub proficiency: Proficiency,
}

/// A certification or licence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certification {
    /// Stable item id.
    #[serde(default)]
    pub id: String,
    /// Name (required, ≤ 100).
    pub name: String,
    /// Issuing body (≤ 100); empty when the source names none.
    #[serde(default)]
    pub issuer: String,
    /// When obtained.
    #[serde(default)]
    pub date_obtained: Option<String>,
    /// When it expires.
    #[serde(default)]
    pub expiry_date: Option<String>,
    /// Credential number.
    #[serde(default)]
    pub credential_id: Option<String>,
    /// Where to verify it.
    #[serde(default)]
    pub verification_url: Option<String>,
}

/// Skills.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Skills {
    /// Technical skills, ≤ 100.
    #[serde(default)]
    pub technical: Vec<String>,
    /// Soft skills, ≤ 50.
    #[serde(default)]
    pub soft: Vec<String>,
    /// Languages, ≤ 20.
    #[serde(default)]
    pub languages: Vec<Language>,
    /// Certifications, ≤ 20.
    #[serde(default)]
    pub certifications: Vec<Certification>,
}

/// A project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Project {
    /// Stable item id.
    #[serde(default)]
    pub id: String,
    /// Name (required, ≤ 100).
    pub name: String,
    /// Description (≤ 2000); may be empty.
    #[serde(default)]
    pub description: String,
    /// Technologies used.
    #[serde(default)]
    pub technologies: Vec<String>,
    /// Link.
    #[serde(default)]
    pub url: Option<String>,
    /// Start date.
    #[serde(default)]
    pub start_date: Option<String>,
    /// End date.
    #[serde(default)]
    pub end_date: Option<String>,
}

/// The editable content of a master profile (what PUT sends and PATCH merges into).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = ProfileContent, example = json!({
    "personal_info": {"full_name": "Jane Doe", "email": "jane.doe@example.com", "location": "Berlin, Germany"},
    "professional_summary": "Backend engineer with 6 years of experience building payment systems.",
    "experiences": [{"title": "Senior Backend Engineer", "company": "Acme Pay", "start_date": "2021-03",
        "is_current": true, "achievements": ["Cut p99 checkout latency from 900 ms to 250 ms"]}],
    "skills": {"technical": ["Rust", "PostgreSQL", "Kubernetes"], "soft": ["Mentoring"]}
})))]
pub struct Profile {
    /// Contact details.
    pub personal_info: PersonalInfo,
    /// Summary, ≤ 2000.
    #[serde(default)]
    pub professional_summary: Option<String>,
    /// Jobs, ≤ 30, in the client's order.
    #[serde(default)]
    pub experiences: Vec<Experience>,
    /// Degrees, ≤ 10.
    #[serde(default)]
    pub education: Vec<Education>,
    /// Skills, languages and certifications.
    #[serde(default)]
    pub skills: Skills,
    /// Projects, ≤ 20.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// Free key/value pairs, ≤ 50.
    #[serde(default)]
    pub custom_fields: BTreeMap<String, String>,
}

impl Profile {
    /// Trims surrounding white space of every text and drops blank optional values, so stored
    /// profiles are clean.
    pub fn tidy(&mut self) {
        fn opt(v: &mut Option<String>) {
            if let Some(s) = v {
                let t = s.trim();
                *v = (!t.is_empty()).then(|| t.to_owned());
            }
        }
        fn req(s: &mut String) {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_owned();
            }
        }
        fn list(items: &mut [String]) {
            for item in items {
                req(item);
            }
        }
        let p = &mut self.personal_info;
        req(&mut p.full_name);
        req(&mut p.email);
        for f in [
            &mut p.phone,
            &mut p.location,
            &mut p.linkedin,
            &mut p.github,
            &mut p.website,
        ] {
            opt(f);
        }
        opt(&mut self.professional_summary);
        for e in &mut self.experiences {
            req(&mut e.id);
            req(&mut e.title);
            req(&mut e.company);
            req(&mut e.start_date);
            for f in [&mut e.location, &mut e.end_date, &mut e.description] {
                opt(f);
            }
            list(&mut e.achievements);
        }
        for e in &mut self.education {
            req(&mut e.id);
            req(&mut e.institution);
            req(&mut e.degree);
            for f in [&mut e.field_of_study, &mut e.start_date, &mut e.end_date] {
                opt(f);
            }
            list(&mut e.honors);
        }
        list(&mut self.skills.technical);
        list(&mut self.skills.soft);
        for l in &mut self.skills.languages {
            req(&mut l.name);
        }
        for c in &mut self.skills.certifications {
            req(&mut c.id);
            req(&mut c.name);
            req(&mut c.issuer);
            for f in [
                &mut c.date_obtained,
                &mut c.expiry_date,
                &mut c.credential_id,
                &mut c.verification_url,
            ] {
                opt(f);
            }
        }
        for p in &mut self.projects {
            req(&mut p.id);
            req(&mut p.name);
            req(&mut p.description);
            list(&mut p.technologies);
            for f in [&mut p.url, &mut p.start_date, &mut p.end_date] {
                opt(f);
            }
        }
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into (year, month); the month
/// is `None` for a bare year. Anything else (including month 13) is `None`.
pub fn parse_date(text: &str) -> Option<(i32, Option<u8>)> {
    let mut parts = text.trim().split('-');
    let year_text = parts.next()?;
    if year_text.len() != 4 || !year_text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    let month = match parts.next() {
        None => None,
        Some(m) if m.len() == 2 && m.chars().all(|c| c.is_ascii_digit()) => {
            let month: u8 = m.parse().ok()?;
            if !(1..=12).contains(&month) {
                return None;
            }
            Some(month)
        }
        Some(_) => return None,
    };
    match parts.next() {
        None => {}
        Some(d) if month.is_some() && d.len() == 2 && d.chars().all(|c| c.is_ascii_digit()) => {}
        Some(_) => return None,
    }
    parts.next().is_none().then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2021"), Some((2021, None)));
        assert_eq!(parse_date("2021-04"), Some((2021, Some(4))));
        assert_eq!(parse_date(" 2021-04-30 "), Some((2021, Some(4))));
        assert_eq!(parse_date("2021-13"), None);
        assert_eq!(parse_date("April 2021"), None);
        assert_eq!(parse_date("2021-04-30-1"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn contract_deserialization() {
        let json = r#"{
            "personal_info": {"full_name": "Jane"},
            "experiences": [{"id": "e1", "title": "Nurse"}],
            "skills": {"technical": ["Go"], "languages": [{"name": "Spanish", "proficiency": "fluent"}]},
            "unknown": 1
        }"#;
        let profile: Profile = serde_json::from_str(json).expect("defaults fill the rest");
        assert_eq!(profile.experiences[0].company, "");
        assert!(profile.experiences[0].achievements.is_empty());
        assert_eq!(profile.skills.languages[0].proficiency, Proficiency::Fluent);
        assert!(profile.projects.is_empty());
        assert!(
            serde_json::from_str::<Profile>("{}").is_err(),
            "personal_info is required"
        );
        assert!(
            serde_json::from_str::<Profile>(r#"{"personal_info": {"full_name": null}}"#).is_err()
        );
    }
}
