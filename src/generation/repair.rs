//! Self-repair of offline drafts: a generation never fails because of a sentence the service
//! wrote itself.
//!
//! Stage 3's offline drafter only composes profile facts, so a factuality issue in its output
//! is the drafter's own bug, not the user's. [`repair_document`] validates the draft (stage 4's
//! check), and for each flagged statement, in order:
//!
//! 1. **rebuilds** a line of several sentences without the sentence that carries the issue
//!    (the first sentence whose removal lowers the issues at that location);
//! 2. otherwise **drops** the line (a summary, skill, bullet, paragraph, detail) or the entry
//!    it belongs to (an experience, project, education entry, certification, language);
//!
//! then validates again, until the document is clean. Each change is returned as a
//! [`Repair`] so callers can log it (and the evaluation test can insist there are none). Only
//! an issue at a location that names no part of the document is left in place, and that
//! fails the generation at stage 4 as before.

use jobwise_render::{CoverLetter, Document, Line, Resume};

use super::draft::sentences;
use super::validate::ValidationReport;

/// One statement the repair changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// Where, as stage 4 reports it (`paragraphs[1]`, `skills[0].items[3]`).
    pub location: String,
    /// The factuality issue that triggered it.
    pub issue: String,
    /// What was done: `dropped sentence: …`, `dropped line` or `dropped entry`.
    pub action: String,
}

/// Upper bound on validate-and-fix rounds (each removes at least one sentence or line).
const MAX_ROUNDS: usize = 200;

/// Validates `document` with `validate` and repairs it until it has no factuality issue (or
/// nothing more can be repaired). Returns what was changed, in order.
pub fn repair_document(
    document: &mut Document,
    validate: impl Fn(&Document) -> ValidationReport,
) -> Vec<Repair> {
    let mut repairs = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let report = validate(document);
        let Some(issue) = report.factuality_issues.first() else {
            break;
        };
        let location = issue.location.clone();
        let at_location = |r: &ValidationReport| {
            r.factuality_issues
                .iter()
                .filter(|i| i.location == location)
                .count()
        };
        let before = at_location(&report);
        if let Some(removed) =
            drop_one_sentence(document, &location, |d| at_location(&validate(d)) < before)
        {
            repairs.push(Repair {
                location,
                issue: issue.message.clone(),
                action: format!("dropped sentence: {removed}"),
            });
            continue;
        }
        match drop_at(document, &location) {
            Some(action) => repairs.push(Repair {
                location,
                issue: issue.message.clone(),
                action: action.to_owned(),
            }),
            None => break,
        }
    }
    repairs
}

/// A location such as `experience[2].bullets[0]` as (name, index) segments.
fn segments(location: &str) -> Vec<(&str, Option<usize>)> {
    location
        .split('.')
        .map(|part| match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (part, None),
        })
        .collect()
}

/// The line a location names, when it names one.
fn line_mut<'a>(document: &'a mut Document, location: &str) -> Option<&'a mut Line> {
    let parts = segments(location);
    match document {
        Document::Resume(resume) => resume_line(resume, &parts),
        Document::CoverLetter(letter) => letter_line(letter, &parts),
    }
}

fn resume_line<'a>(
    resume: &'a mut Resume,
    parts: &[(&str, Option<usize>)],
) -> Option<&'a mut Line> {
    match parts {
        [("summary", None)] => resume.summary.as_mut(),
        [("skills", Some(g)), ("items", Some(i))] => resume.skills.get_mut(*g)?.items.get_mut(*i),
        [("experience", Some(e)), ("bullets", Some(i))] => {
            resume.experience.get_mut(*e)?.bullets.get_mut(*i)
        }
        [("projects", Some(p)), ("description", None)] => {
            Some(&mut resume.projects.get_mut(*p)?.description)
        }
        [("projects", Some(p)), ("bullets", Some(i))] => {
            resume.projects.get_mut(*p)?.bullets.get_mut(*i)
        }
        [("education", Some(e)), ("details", Some(i))] => {
            resume.education.get_mut(*e)?.details.get_mut(*i)
        }
        [("extra_sections", Some(s)), ("items", Some(i))] => {
            resume.extra_sections.get_mut(*s)?.items.get_mut(*i)
        }
        _ => None,
    }
}

fn letter_line<'a>(
    letter: &'a mut CoverLetter,
    parts: &[(&str, Option<usize>)],
) -> Option<&'a mut Line> {
    match parts {
        [("paragraphs", Some(i))] => letter.paragraphs.get_mut(*i),
        _ => None,
    }
}

/// Rebuilds the line at `location` without one of its sentences: the first whose removal
/// `better` accepts. Returns the sentence removed.
fn drop_one_sentence(
    document: &mut Document,
    location: &str,
    better: impl Fn(&Document) -> bool,
) -> Option<String> {
    let original = line_mut(document, location)?.text.clone();
    let parts = sentences(&original);
    if parts.len() < 2 {
        return None;
    }
    for skip in 0..parts.len() {
        let rebuilt: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, s)| s.as_str())
            .collect();
        let line = line_mut(document, location)?;
        line.text = rebuilt.join(" ");
        let changed = line.changed;
        line.changed = true;
        if better(document) {
            return Some(parts[skip].clone());
        }
        let line = line_mut(document, location)?;
        line.text = original.clone();
        line.changed = changed;
    }
    None
}

/// Removes what `location` names: the line, or the entry it belongs to. Returns the action,
/// or `None` when the location names nothing in the document.
fn drop_at(document: &mut Document, location: &str) -> Option<&'static str> {
    let parts = segments(location);
    fn remove<T>(list: &mut Vec<T>, index: Option<usize>) -> Option<()> {
        let index = index.filter(|&i| i < list.len())?;
        list.remove(index);
        Some(())
    }
    match document {
        Document::CoverLetter(letter) => match parts.as_slice() {
            [("paragraphs", i)] => remove(&mut letter.paragraphs, *i).map(|()| "dropped line"),
            _ => None,
        },
        Document::Resume(resume) => match parts.as_slice() {
            [("summary", None)] => resume.summary.take().map(|_| "dropped line"),
            [("header", None), ("headline", None)] => {
                resume.header.headline.take().map(|_| "dropped line")
            }
            [("skills", Some(g)), ("items", i)] => {
                let group = resume.skills.get_mut(*g)?;
                remove(&mut group.items, *i)?;
                if group.items.is_empty() {
                    resume.skills.remove(*g);
                }
                Some("dropped line")
            }
            [("experience", Some(e)), ("bullets", i)] => {
                remove(&mut resume.experience.get_mut(*e)?.bullets, *i).map(|()| "dropped line")
            }
            [("experience", e), ..] => remove(&mut resume.experience, *e).map(|()| "dropped entry"),
            [("projects", p), ..] => remove(&mut resume.projects, *p).map(|()| "dropped entry"),
            [("education", Some(e)), ("details", i)] => {
                remove(&mut resume.education.get_mut(*e)?.details, *i).map(|()| "dropped line")
            }
            [("education", e), ..] => remove(&mut resume.education, *e).map(|()| "dropped entry"),
            [("extra_sections", Some(s)), ("items", i)] => {
                remove(&mut resume.extra_sections.get_mut(*s)?.items, *i).map(|()| "dropped line")
            }
            [("certifications", c), ..] => {
                remove(&mut resume.certifications, *c).map(|()| "dropped entry")
            }
            [("languages", l), ..] => remove(&mut resume.languages, *l).map(|()| "dropped entry"),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generation::testing::{Run, job};

    const ANALYST: &str = r#"{
        "personal_info": {"full_name": "Priya Raman", "email": "priya@example.com", "location": "Leeds"},
        "professional_summary": "Data analyst who turns messy exports into weekly dashboards.",
        "experiences": [{
            "id": "exp-1", "title": "Data Analyst", "company": "Brackley Foods",
            "start_date": "2019-02", "is_current": true,
            "achievements": [
                "Built 12 weekly dashboards in Tableau for store managers",
                "Automated the stock report with SQL, saving 6 hours a week"
            ]
        }],
        "skills": {"technical": ["SQL", "Tableau"], "soft": ["Communication"]}
    }"#;

    fn run() -> Run {
        Run::new(
            ANALYST,
            job("Data Analyst", Some("Maplecroft"), &["SQL", "Tableau"]),
        )
    }

    #[test]
    fn a_clean_draft_is_left_alone() {
        let run = run();
        for mut document in run.drafts() {
            let before = document.clone();
            assert_eq!(repair_document(&mut document, |d| run.validate(d)), vec![]);
            assert_eq!(document, before);
        }
    }

    #[test]
    fn a_flagged_sentence_is_dropped_and_the_rest_of_the_paragraph_kept() {
        let run = run();
        let mut drafts = run.drafts();
        let Document::CoverLetter(letter) = &mut drafts[1] else {
            panic!("the second draft is the letter");
        };
        let original = letter.paragraphs[1].text.clone();
        letter.paragraphs[1].text = format!("{original} I also worked for Lakeside Clinic.");
        let paragraphs = letter.paragraphs.len();
        let repairs = repair_document(&mut drafts[1], |d| run.validate(d));
        assert_eq!(repairs.len(), 1, "{repairs:?}");
        assert_eq!(repairs[0].location, "paragraphs[1]");
        assert_eq!(
            repairs[0].action,
            "dropped sentence: I also worked for Lakeside Clinic."
        );
        let Document::CoverLetter(letter) = &drafts[1] else {
            unreachable!()
        };
        assert_eq!(letter.paragraphs.len(), paragraphs);
        assert_eq!(letter.paragraphs[1].text, original);
        assert!(run.validate(&drafts[1]).is_factual());
    }

    #[test]
    fn a_flagged_line_of_one_sentence_is_dropped() {
        let run = run();
        let mut drafts = run.drafts();
        let Document::Resume(resume) = &mut drafts[0] else {
            panic!("the first draft is the resume");
        };
        resume.skills[0]
            .items
            .push(Line::sourced("Kubernetes", "skill", "SQL", "technical"));
        resume.experience[0].bullets.push(Line::sourced(
            "Cut costs by 45%",
            "achievement",
            "exp-1#0",
            "achievements",
        ));
        let skills = resume.skills[0].items.len();
        let repairs = repair_document(&mut drafts[0], |d| run.validate(d));
        let actions: Vec<(&str, &str)> = repairs
            .iter()
            .map(|r| (r.location.as_str(), r.action.as_str()))
            .collect();
        assert_eq!(actions.len(), 2, "{repairs:?}");
        assert!(
            actions.iter().all(|(_, a)| *a == "dropped line"),
            "{repairs:?}"
        );
        let Document::Resume(resume) = &drafts[0] else {
            unreachable!()
        };
        assert_eq!(resume.skills[0].items.len(), skills - 1);
        assert!(
            resume.experience[0]
                .bullets
                .iter()
                .all(|b| !b.text.contains("45%"))
        );
        assert!(run.validate(&drafts[0]).is_factual());
    }

    #[test]
    fn an_invented_employer_entry_is_dropped() {
        let run = run();
        let mut drafts = run.drafts();
        let Document::Resume(resume) = &mut drafts[0] else {
            panic!("the first draft is the resume");
        };
        let mut invented = resume.experience[0].clone();
        invented.company.text = "Lakeside Clinic".to_owned();
        resume.experience.push(invented);
        let repairs = repair_document(&mut drafts[0], |d| run.validate(d));
        assert_eq!(repairs.len(), 1, "{repairs:?}");
        assert_eq!(repairs[0].action, "dropped entry");
        let Document::Resume(resume) = &drafts[0] else {
            unreachable!()
        };
        assert_eq!(resume.experience.len(), 1);
    }

    #[test]
    fn locations_parse_into_segments() {
        assert_eq!(
            segments("experience[2].bullets[10]"),
            vec![("experience", Some(2)), ("bullets", Some(10))]
        );
        assert_eq!(segments("summary"), vec![("summary", None)]);
    }
}
