//! The master profile as the service stores it, mirrored field for field so
//! the service can convert its JSON with `serde_json`.
//!
//! Every field has a default and `null` is accepted wherever the service
//! might send it, so partial or older documents still deserialize. Dates are
//! `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strings; see [`parse_date`].

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// Deserializes `null` as the type's default.
fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// A user's master profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Contact details.
    #[serde(deserialize_with = "nullable")]
    pub personal_info: PersonalInfo,
    /// Summary paragraph.
    pub professional_summary: Option<String>,
    /// Jobs held, in the user's order.
    #[serde(deserialize_with = "nullable")]
    pub experiences: Vec<Experience>,
    /// Degrees and programmes.
    #[serde(deserialize_with = "nullable")]
    pub education: Vec<Education>,
    /// Skills, languages and certifications.
    #[serde(deserialize_with = "nullable")]
    pub skills: Skills,
    /// Projects.
    #[serde(deserialize_with = "nullable")]
    pub projects: Vec<Project>,
    /// Free key/value pairs (not used for matching).
    #[serde(deserialize_with = "nullable")]
    pub custom_fields: BTreeMap<String, serde_json::Value>,
}

/// Contact details.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonalInfo {
    /// Full name.
    #[serde(deserialize_with = "nullable")]
    pub full_name: String,
    /// Email address.
    #[serde(deserialize_with = "nullable")]
    pub email: String,
    /// Phone number.
    pub phone: Option<String>,
    /// City, region, country.
    pub location: Option<String>,
    /// LinkedIn URL.
    pub linkedin: Option<String>,
    /// GitHub URL.
    pub github: Option<String>,
    /// Personal website.
    pub website: Option<String>,
}

/// One job held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    /// Stable item id.
    #[serde(deserialize_with = "nullable")]
    pub id: String,
    /// Job title.
    #[serde(deserialize_with = "nullable")]
    pub title: String,
    /// Employer.
    #[serde(deserialize_with = "nullable")]
    pub company: String,
    /// Where the job was.
    pub location: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(deserialize_with = "nullable")]
    pub start_date: String,
    /// Same formats; absent while current.
    pub end_date: Option<String>,
    /// Still in this job.
    #[serde(deserialize_with = "nullable")]
    pub is_current: bool,
    /// Free text.
    pub description: Option<String>,
    /// Bullets.
    #[serde(deserialize_with = "nullable")]
    pub achievements: Vec<String>,
}

/// One degree or programme.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Education {
    /// Stable item id.
    #[serde(deserialize_with = "nullable")]
    pub id: String,
    /// School.
    #[serde(deserialize_with = "nullable")]
    pub institution: String,
    /// Degree (`BSc`, `Bachelor of Science in Nursing`, `MBA`).
    #[serde(deserialize_with = "nullable")]
    pub degree: String,
    /// Field of study.
    pub field_of_study: Option<String>,
    /// Start date.
    pub start_date: Option<String>,
    /// End date.
    pub end_date: Option<String>,
    /// Grade point average, 0–4.
    pub gpa: Option<f64>,
    /// Honours and awards.
    #[serde(deserialize_with = "nullable")]
    pub honors: Vec<String>,
}

/// Skills, languages and certifications.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Skills {
    /// Technical skills.
    #[serde(deserialize_with = "nullable")]
    pub technical: Vec<String>,
    /// Soft skills.
    #[serde(deserialize_with = "nullable")]
    pub soft: Vec<String>,
    /// Spoken languages.
    #[serde(deserialize_with = "nullable")]
    pub languages: Vec<Language>,
    /// Certifications and licences.
    #[serde(deserialize_with = "nullable")]
    pub certifications: Vec<Certification>,
}

/// A spoken language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Language {
    /// Language name.
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    /// `basic`, `conversational`, `fluent` or `native`.
    #[serde(deserialize_with = "nullable")]
    pub proficiency: String,
}

/// A certification or licence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Certification {
    /// Stable item id.
    #[serde(deserialize_with = "nullable")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    /// Issuing body.
    #[serde(deserialize_with = "nullable")]
    pub issuer: String,
    /// When obtained.
    pub date_obtained: Option<String>,
    /// When it expires.
    pub expiry_date: Option<String>,
    /// Credential number.
    pub credential_id: Option<String>,
    /// Where to verify it.
    pub verification_url: Option<String>,
}

/// A project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// Stable item id.
    #[serde(deserialize_with = "nullable")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    /// Description.
    #[serde(deserialize_with = "nullable")]
    pub description: String,
    /// Technologies used.
    #[serde(deserialize_with = "nullable")]
    pub technologies: Vec<String>,
    /// Link.
    pub url: Option<String>,
    /// Start date.
    pub start_date: Option<String>,
    /// End date.
    pub end_date: Option<String>,
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
    fn tolerant_deserialization() {
        let json = r#"{
            "personal_info": null,
            "professional_summary": null,
            "experiences": [{"id": "e1", "title": "Nurse", "company": null, "achievements": null}],
            "skills": {"technical": ["Go"], "languages": [{"name": "Spanish"}]},
            "unknown": 1
        }"#;
        let profile: Profile = serde_json::from_str(json).expect("tolerant");
        assert_eq!(profile.experiences[0].company, "");
        assert!(profile.experiences[0].achievements.is_empty());
        assert_eq!(profile.skills.languages[0].proficiency, "");
        assert!(profile.projects.is_empty());
        let empty: Profile = serde_json::from_str("{}").expect("empty object");
        assert_eq!(empty, Profile::default());
    }
}
