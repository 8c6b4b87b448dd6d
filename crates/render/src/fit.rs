//! The page budget: make a resume fit `max_pages` by dropping the least valuable optional
//! content, re-laying it out after each step, and reporting exactly what was dropped.
//!
//! Order of sacrifice (each step lowest-ranked first, ties broken oldest first):
//! 1. bullets beyond the two best-ranked of each role (earlier bullets win ties);
//! 2. project bullets, then whole projects;
//! 3. extra sections;
//! 4. skills beyond the first six items;
//! 5. a smaller body size, 10 pt then 9.5 pt (never smaller);
//! 6. languages, then certifications (oldest first);
//! 7. education details (the education entries themselves always stay);
//! 8. bullets of earlier roles down to the best one each, then earlier roles, oldest first.
//!
//! The header, the latest role and education entries are never dropped. A cover letter only
//! gets the smaller body size. When nothing more can go the outcome says `fits: false`.

use std::collections::HashMap;

use crate::model::{Document, Line, Resume, Source, clean};
use crate::pdf::{DEFAULT_FONT_SIZE, MIN_FONT_SIZE, PdfOptions, RenderedPdf, Renderer};
use crate::{PaperSize, Result, Template};

/// Relevance scores by profile item id (a line's `source.item_id`). Higher is more relevant.
/// Lines without a score rank below every scored line.
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    scores: HashMap<String, f64>,
}

impl Ranking {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the score of a profile item.
    pub fn insert(&mut self, item_id: impl Into<String>, score: f64) {
        self.scores.insert(item_id.into(), score);
    }

    /// Builder form of [`Ranking::insert`].
    pub fn with(mut self, item_id: impl Into<String>, score: f64) -> Self {
        self.insert(item_id, score);
        self
    }

    fn score(&self, line: &Line) -> f64 {
        line.source
            .as_ref()
            .and_then(|s| self.scores.get(&s.item_id))
            .copied()
            .unwrap_or(f64::NEG_INFINITY)
    }
}

/// What kind of content was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    ExtraBullet,
    ProjectBullet,
    Project,
    ExtraSection,
    Skill,
    Language,
    Certification,
    EducationDetail,
    EarlierRoleBullet,
    EarlierRole,
}

/// One dropped piece of content.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    pub reason: DropReason,
    /// Human-readable description ("Senior Engineer at Acme: Led …").
    pub text: String,
    pub source: Option<Source>,
}

/// The result of [`fit_to_pages`].
#[derive(Debug, Clone)]
pub struct FitOutcome {
    /// The document as rendered (with the dropped content removed).
    pub document: Document,
    pub pdf: RenderedPdf,
    /// The body size used, in points (≥ 9.5).
    pub font_size: f64,
    pub dropped: Vec<Dropped>,
    /// False when the document still exceeds `max_pages` after every allowed step.
    pub fits: bool,
}

/// Renders `doc` within `max_pages` (at least 1), dropping content as described in the
/// module documentation.
pub fn fit_to_pages(
    renderer: &Renderer,
    doc: &Document,
    template: Template,
    paper: PaperSize,
    max_pages: usize,
    ranking: &Ranking,
) -> Result<FitOutcome> {
    let max_pages = max_pages.max(1);
    let mut options = PdfOptions::new(template, paper);
    let mut doc = doc.clone();
    let mut dropped = Vec::new();
    let fits = |doc: &Document, options: PdfOptions| -> Result<bool> {
        Ok(renderer.page_count(doc, options)? <= max_pages)
    };

    let mut ok = fits(&doc, options)?;
    if !ok && let Document::Resume(resume) = &mut doc {
        for step in STEPS_BEFORE_SHRINK {
            ok = run_step(*step, resume, ranking, &mut dropped, &mut |r| {
                fits(&Document::Resume(r.clone()), options)
            })?;
            if ok {
                break;
            }
        }
    }
    if !ok {
        for size in [10.0, MIN_FONT_SIZE] {
            if size < options.font_size {
                options.font_size = size;
                ok = fits(&doc, options)?;
                if ok {
                    break;
                }
            }
        }
    }
    if !ok && let Document::Resume(resume) = &mut doc {
        for step in STEPS_AFTER_SHRINK {
            ok = run_step(*step, resume, ranking, &mut dropped, &mut |r| {
                fits(&Document::Resume(r.clone()), options)
            })?;
            if ok {
                break;
            }
        }
    }
    let pdf = renderer.render_pdf_with(&doc, options)?;
    let fits = pdf.page_count <= max_pages;
    debug_assert!(options.font_size >= MIN_FONT_SIZE && options.font_size <= DEFAULT_FONT_SIZE);
    Ok(FitOutcome {
        document: doc,
        pdf,
        font_size: options.font_size,
        dropped,
        fits,
    })
}

#[derive(Debug, Clone, Copy)]
enum Step {
    ExtraBullets,
    Projects,
    ExtraSections,
    Skills,
    Languages,
    Certifications,
    EducationDetails,
    EarlierRoles,
}

const STEPS_BEFORE_SHRINK: &[Step] = &[
    Step::ExtraBullets,
    Step::Projects,
    Step::ExtraSections,
    Step::Skills,
];
const STEPS_AFTER_SHRINK: &[Step] = &[
    Step::Languages,
    Step::Certifications,
    Step::EducationDetails,
    Step::EarlierRoles,
];

/// Keep this many bullets per role before step 8.
const BULLETS_PER_ROLE: usize = 2;
/// Keep this many skill items in total.
const MIN_SKILLS: usize = 6;

/// Removes one item at a time until `fits` says yes or the step has nothing left.
fn run_step(
    step: Step,
    r: &mut Resume,
    ranking: &Ranking,
    dropped: &mut Vec<Dropped>,
    fits: &mut dyn FnMut(&Resume) -> Result<bool>,
) -> Result<bool> {
    while let Some(d) = drop_one(step, r, ranking) {
        dropped.push(d);
        if fits(r)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn role_label(r: &Resume, i: usize) -> String {
    let e = &r.experience[i];
    format!("{} at {}", clean(&e.title.text), clean(&e.company.text))
}

/// Picks the lowest-ranked candidate: lowest score, then the oldest role (highest index), then
/// the last position.
fn lowest<'a>(
    candidates: impl Iterator<Item = (usize, usize, &'a Line)>,
    ranking: &Ranking,
) -> Option<(usize, usize)> {
    candidates
        .min_by(|a, b| {
            ranking
                .score(a.2)
                .total_cmp(&ranking.score(b.2))
                .then(b.0.cmp(&a.0))
                .then(b.1.cmp(&a.1))
        })
        .map(|(i, j, _)| (i, j))
}

/// The bullets of one role that may go: all but the `keep` best-ranked (earlier wins ties).
fn unprotected<'a>(
    bullets: &'a [Line],
    keep: usize,
    ranking: &'a Ranking,
) -> impl Iterator<Item = (usize, &'a Line)> + 'a {
    let mut order: Vec<usize> = (0..bullets.len()).collect();
    order.sort_by(|&a, &b| {
        ranking
            .score(&bullets[b])
            .total_cmp(&ranking.score(&bullets[a]))
            .then(a.cmp(&b))
    });
    let protected: Vec<usize> = order.into_iter().take(keep).collect();
    bullets
        .iter()
        .enumerate()
        .filter(move |(j, _)| !protected.contains(j))
}

fn drop_one(step: Step, r: &mut Resume, ranking: &Ranking) -> Option<Dropped> {
    match step {
        Step::ExtraBullets => {
            let cands = r.experience.iter().enumerate().flat_map(|(i, e)| {
                unprotected(&e.bullets, BULLETS_PER_ROLE, ranking).map(move |(j, b)| (i, j, b))
            });
            let (i, j) = lowest(cands, ranking)?;
            let label = role_label(r, i);
            let b = r.experience[i].bullets.remove(j);
            Some(Dropped {
                reason: DropReason::ExtraBullet,
                text: format!("{label}: {}", b.text),
                source: b.source,
            })
        }
        Step::Projects => {
            let bullet = r
                .projects
                .iter()
                .enumerate()
                .flat_map(|(i, p)| p.bullets.iter().enumerate().map(move |(j, b)| (i, j, b)));
            if let Some((i, j)) = lowest(bullet, ranking) {
                let b = r.projects[i].bullets.remove(j);
                let text = format!("{}: {}", clean(&r.projects[i].name.text), b.text);
                return Some(Dropped {
                    reason: DropReason::ProjectBullet,
                    text,
                    source: b.source,
                });
            }
            let (i, _) = lowest(
                r.projects.iter().enumerate().map(|(i, p)| (i, 0, &p.name)),
                ranking,
            )?;
            let p = r.projects.remove(i);
            Some(Dropped {
                reason: DropReason::Project,
                text: p.name.text,
                source: p.name.source,
            })
        }
        Step::ExtraSections => {
            let s = r.extra_sections.pop()?;
            Some(Dropped {
                reason: DropReason::ExtraSection,
                text: s.heading,
                source: None,
            })
        }
        Step::Skills => {
            let total: usize = r.skills.iter().map(|g| g.items.len()).sum();
            if total <= MIN_SKILLS {
                return None;
            }
            let cands = r
                .skills
                .iter()
                .enumerate()
                .flat_map(|(i, g)| g.items.iter().enumerate().map(move |(j, s)| (i, j, s)));
            let (i, j) = lowest(cands, ranking)?;
            let s = r.skills[i].items.remove(j);
            if r.skills[i].items.is_empty() {
                r.skills.remove(i);
            }
            Some(Dropped {
                reason: DropReason::Skill,
                text: s.text,
                source: s.source,
            })
        }
        Step::Languages => {
            let l = r.languages.pop()?;
            Some(Dropped {
                reason: DropReason::Language,
                text: l.name,
                source: None,
            })
        }
        Step::Certifications => {
            // Oldest (or undated) first.
            let i = r
                .certifications
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.date.cmp(&b.1.date).then(b.0.cmp(&a.0)))?
                .0;
            let c = r.certifications.remove(i);
            Some(Dropped {
                reason: DropReason::Certification,
                text: c.name,
                source: None,
            })
        }
        Step::EducationDetails => {
            let e = r
                .education
                .iter_mut()
                .rev()
                .find(|e| !e.details.is_empty())?;
            let d = e.details.pop()?;
            Some(Dropped {
                reason: DropReason::EducationDetail,
                text: d.text,
                source: d.source,
            })
        }
        Step::EarlierRoles => {
            // Role 0 is the latest and is never touched.
            let cands = r.experience.iter().enumerate().skip(1).flat_map(|(i, e)| {
                unprotected(&e.bullets, 1, ranking).map(move |(j, b)| (i, j, b))
            });
            if let Some((i, j)) = lowest(cands, ranking) {
                let label = role_label(r, i);
                let b = r.experience[i].bullets.remove(j);
                let text = format!("{label}: {}", b.text);
                return Some(Dropped {
                    reason: DropReason::EarlierRoleBullet,
                    text,
                    source: b.source,
                });
            }
            if r.experience.len() <= 1 {
                return None;
            }
            let label = role_label(r, r.experience.len() - 1);
            let e = r.experience.pop()?;
            let source = Some(Source {
                kind: "experience".into(),
                item_id: e.source_id,
                field: "role".into(),
            });
            Some(Dropped {
                reason: DropReason::EarlierRole,
                text: label,
                source,
            })
        }
    }
}
