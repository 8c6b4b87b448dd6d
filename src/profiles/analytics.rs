//! Profile completeness: a 0–100 score from weighted per-section scores, with concrete
//! recommendations ("3 of 5 bullets in your latest role have no number").
//!
//! Weights: contact 15, summary 10, experience 35, education 10, skills 20, projects 5,
//! certifications 5. Each section scores 0–100 by the rules in its function below.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::ProfileContent;
use super::store;
use crate::app::AppState;
use crate::error::AppResult;
use crate::http::AuthUser;
use crate::http::parse_path_id;

/// One section's score.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SectionScore {
    /// 0–100.
    pub score: u32,
    /// Weight of the section in the overall score (the weights add up to 100).
    pub weight: u32,
    /// What would raise it.
    pub recommendations: Vec<String>,
}

/// The analytics report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ProfileAnalytics {
    /// Profile id.
    pub profile_id: Uuid,
    /// Weighted completeness, 0–100.
    pub completeness: u32,
    /// Per section: contact, summary, experience, education, skills, projects, certifications.
    pub sections: BTreeMap<&'static str, SectionScore>,
    /// The most valuable recommendations first (by the points they can add).
    pub recommendations: Vec<String>,
}

fn has_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

fn contact(p: &ProfileContent) -> (u32, Vec<String>) {
    let info = &p.personal_info;
    let mut recs = Vec::new();
    // The name is required; e-mail is not (imports may lack it), so it is scored like the rest.
    let mut present = 1;
    if info.email.trim().is_empty() {
        recs.push("Add an e-mail address: recruiters reply by e-mail, and a résumé without one is often discarded.".to_owned());
    } else {
        present += 1;
    }
    for (value, advice) in [
        (
            &info.phone,
            "Add a phone number so recruiters can call you.",
        ),
        (
            &info.location,
            "Add your location (city and country); many searches filter on it.",
        ),
        (&info.linkedin, "Add your LinkedIn profile URL."),
    ] {
        if value.is_some() {
            present += 1;
        } else {
            recs.push(advice.to_owned());
        }
    }
    if info.github.is_some() || info.website.is_some() {
        present += 1;
    } else {
        recs.push("Add a portfolio, website or GitHub link that shows your work.".to_owned());
    }
    (present * 100 / 6, recs)
}

fn summary(p: &ProfileContent) -> (u32, Vec<String>) {
    let Some(text) = &p.professional_summary else {
        return (
            0,
            vec!["Add a professional summary of 2–4 sentences (40–80 words).".to_owned()],
        );
    };
    let words = text.split_whitespace().count();
    if words < 25 {
        (
            50,
            vec![format!(
                "Your summary has {words} words; 40–80 words give recruiters enough to go on."
            )],
        )
    } else if words > 120 {
        (
            70,
            vec![format!(
                "Your summary has {words} words; trim it to about 80 so it is read in full."
            )],
        )
    } else {
        (100, Vec::new())
    }
}

fn experience(p: &ProfileContent) -> (u32, Vec<String>) {
    if p.experiences.is_empty() {
        return (
            0,
            vec!["Add your work experience, most recent first.".to_owned()],
        );
    }
    let mut recs = Vec::new();
    let mut total = 0;
    for (i, x) in p.experiences.iter().enumerate() {
        let role = if i == 0 {
            format!("your latest role ({} at {})", x.title, x.company)
        } else {
            format!("your role as {} at {}", x.title, x.company)
        };
        let bullets = x.achievements.len();
        let quantified = x.achievements.iter().filter(|b| has_number(b)).count();
        let mut score = 0;
        if x.description.is_some() || bullets > 0 {
            score += 20;
        }
        score += match bullets {
            0 => 0,
            1 => 20,
            _ => 40,
        };
        score += (40 * quantified).checked_div(bullets).unwrap_or(0) as u32;
        total += score;
        if bullets == 0 {
            recs.push(format!("Add 3–5 achievements to {role}."));
        } else if bullets == 1 {
            recs.push(format!("Add at least one more achievement to {role}."));
        }
        if bullets > 0 && quantified < bullets {
            recs.push(format!(
                "{} of {bullets} bullets in {role} have no number; add the figure where you have one (%, time, money, users).",
                bullets - quantified
            ));
        }
    }
    (total / p.experiences.len() as u32, recs)
}

fn education(p: &ProfileContent) -> (u32, Vec<String>) {
    if p.education.is_empty() {
        return (
            0,
            vec!["Add your education (degree, school, field of study).".to_owned()],
        );
    }
    let incomplete: Vec<&str> = p
        .education
        .iter()
        .filter(|e| e.field_of_study.is_none() || e.end_date.is_none())
        .map(|e| e.institution.as_str())
        .collect();
    if incomplete.is_empty() {
        (100, Vec::new())
    } else {
        (
            80,
            incomplete
                .into_iter()
                .map(|school| format!("Add the field of study and end date for {school}."))
                .collect(),
        )
    }
}

fn skills(p: &ProfileContent) -> (u32, Vec<String>) {
    let s = &p.skills;
    let mut recs = Vec::new();
    let technical = s.technical.len().min(8) as u32;
    let mut score = 60 * technical / 8;
    if technical < 8 {
        recs.push(format!(
            "List at least 8 technical skills (you have {}); job matching works on them.",
            s.technical.len()
        ));
    }
    if s.soft.len() >= 3 {
        score += 20;
    } else {
        score += 20 * s.soft.len() as u32 / 3;
        recs.push(format!(
            "Add a few soft skills (you have {}).",
            s.soft.len()
        ));
    }
    if s.languages.is_empty() {
        recs.push("Add the languages you speak and how well.".to_owned());
    } else {
        score += 20;
    }
    (score, recs)
}

fn projects(p: &ProfileContent) -> (u32, Vec<String>) {
    if p.projects.is_empty() {
        (
            0,
            vec!["Add a project that shows your work beyond job duties.".to_owned()],
        )
    } else {
        (100, Vec::new())
    }
}

fn certifications(p: &ProfileContent) -> (u32, Vec<String>) {
    if p.skills.certifications.is_empty() {
        (
            0,
            vec!["Add certifications or licences you hold, with issuer and date.".to_owned()],
        )
    } else {
        (100, Vec::new())
    }
}

/// Scores a profile.
pub fn analyze(profile_id: Uuid, p: &ProfileContent) -> ProfileAnalytics {
    type Rule = fn(&ProfileContent) -> (u32, Vec<String>);
    let rules: [(&'static str, u32, Rule); 7] = [
        ("contact", 15, contact),
        ("summary", 10, summary),
        ("experience", 35, experience),
        ("education", 10, education),
        ("skills", 20, skills),
        ("projects", 5, projects),
        ("certifications", 5, certifications),
    ];
    let mut sections = BTreeMap::new();
    let mut weighted = 0;
    let mut ranked: Vec<(u32, usize, String)> = Vec::new();
    for (order, (name, weight, rule)) in rules.into_iter().enumerate() {
        let (score, recommendations) = rule(p);
        weighted += score * weight;
        let gain = (100 - score) * weight;
        for (i, rec) in recommendations.iter().enumerate() {
            ranked.push((gain, order * 100 + i, rec.clone()));
        }
        sections.insert(
            name,
            SectionScore {
                score,
                weight,
                recommendations,
            },
        );
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ProfileAnalytics {
        profile_id,
        completeness: (weighted + 50) / 100,
        sections,
        recommendations: ranked.into_iter().take(10).map(|(_, _, r)| r).collect(),
    }
}

/// Completeness with per-section scores and recommendations.
#[utoipa::path(get, path = "/{id}/analytics", tag = "profiles",
    params(("id" = Uuid, Path, description = "Profile id")),
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "Completeness report", body = ProfileAnalytics)))]
pub async fn profile_analytics(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<String>,
) -> AppResult<Json<ProfileAnalytics>> {
    let id = parse_path_id(&id, "profile")?;
    let profile = store::load(&state.db, user.id, id).await?;
    Ok(Json(analyze(profile.id, &profile.content)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::model::{Experience, PersonalInfo};

    fn bare() -> ProfileContent {
        ProfileContent {
            personal_info: PersonalInfo {
                full_name: "Jane".into(),
                email: "j@example.com".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn bare_profile_scores_low_with_advice() {
        let report = analyze(Uuid::nil(), &bare());
        assert!(report.completeness < 10, "{}", report.completeness);
        assert!(report.recommendations[0].contains("work experience"));
    }

    #[test]
    fn a_missing_email_is_flagged() {
        let with = analyze(Uuid::nil(), &bare());
        let mut p = bare();
        p.personal_info.email.clear();
        let without = analyze(Uuid::nil(), &p);
        assert!(without.sections["contact"].score < with.sections["contact"].score);
        assert!(
            without.sections["contact"]
                .recommendations
                .iter()
                .any(|r| r.starts_with("Add an e-mail address"))
        );
        assert!(
            !with.sections["contact"]
                .recommendations
                .iter()
                .any(|r| r.contains("e-mail"))
        );
    }

    #[test]
    fn unquantified_bullets_are_counted() {
        let mut p = bare();
        p.experiences.push(Experience {
            id: "e".into(),
            title: "Engineer".into(),
            company: "Acme".into(),
            start_date: "2020".into(),
            achievements: vec![
                "Cut costs by 30%".into(),
                "Led the migration".into(),
                "Mentored juniors".into(),
                "Shipped 4 releases".into(),
                "Improved docs".into(),
            ],
            ..Default::default()
        });
        let report = analyze(Uuid::nil(), &p);
        let recs = &report.sections["experience"].recommendations;
        assert!(
            recs.iter().any(|r| r.starts_with(
                "3 of 5 bullets in your latest role (Engineer at Acme) have no number"
            )),
            "{recs:?}"
        );
        assert_eq!(report.sections["experience"].score, 20 + 40 + 16);
    }
}
