//! Test support: a profile rendered as a résumé with every item (no selection, no rewording),
//! so import tests can render a known profile with JobWise's own templates and read it back.

use jobwise::profiles::model::ProfileContent;
use jobwise_render::{
    Certification, Document, Education, Experience, Header, Language, Line, Link, Project, Resume,
    SkillGroup,
};

/// The whole profile as a render document.
pub fn resume_document(p: &ProfileContent) -> Document {
    let info = &p.personal_info;
    let links = [
        ("LinkedIn", &info.linkedin),
        ("GitHub", &info.github),
        ("Website", &info.website),
    ]
    .into_iter()
    .filter_map(|(label, url)| {
        url.as_ref().map(|u| Link {
            label: label.to_owned(),
            url: u.clone(),
        })
    })
    .collect();
    let mut skills = Vec::new();
    if !p.skills.technical.is_empty() {
        skills.push(SkillGroup {
            name: "Technical".into(),
            items: p
                .skills
                .technical
                .iter()
                .map(|s| Line::new(s.as_str()))
                .collect(),
        });
    }
    if !p.skills.soft.is_empty() {
        skills.push(SkillGroup {
            name: "Soft skills".into(),
            items: p
                .skills
                .soft
                .iter()
                .map(|s| Line::new(s.as_str()))
                .collect(),
        });
    }
    Document::Resume(Resume {
        header: Header {
            full_name: info.full_name.clone(),
            headline: None,
            email: Some(info.email.clone()).filter(|e| !e.is_empty()),
            phone: info.phone.clone(),
            location: info.location.clone(),
            links,
        },
        summary: p.professional_summary.as_deref().map(Line::new),
        skills,
        experience: p
            .experiences
            .iter()
            .map(|e| Experience {
                title: Line::new(e.title.as_str()),
                company: Line::new(e.company.as_str()),
                location: e.location.clone(),
                start_date: e.start_date.clone(),
                end_date: e.end_date.clone(),
                bullets: e
                    .achievements
                    .iter()
                    .map(|b| Line::new(b.as_str()))
                    .collect(),
                source_id: e.id.clone(),
            })
            .collect(),
        projects: p
            .projects
            .iter()
            .map(|x| Project {
                name: Line::new(x.name.as_str()),
                description: Line::new(x.description.as_str()),
                technologies: x.technologies.clone(),
                url: x.url.clone(),
                bullets: Vec::new(),
            })
            .collect(),
        education: p
            .education
            .iter()
            .map(|e| Education {
                institution: e.institution.clone(),
                degree: e.degree.clone(),
                field_of_study: e.field_of_study.clone(),
                start_date: e.start_date.clone(),
                end_date: e.end_date.clone(),
                details: e.honors.iter().map(|h| Line::new(h.as_str())).collect(),
            })
            .collect(),
        certifications: p
            .skills
            .certifications
            .iter()
            .map(|c| Certification {
                name: c.name.clone(),
                issuer: c.issuer.clone(),
                date: c.date_obtained.clone(),
            })
            .collect(),
        languages: p
            .skills
            .languages
            .iter()
            .map(|l| Language {
                name: l.name.clone(),
                proficiency: format!("{:?}", l.proficiency),
            })
            .collect(),
        extra_sections: Vec::new(),
    })
}
