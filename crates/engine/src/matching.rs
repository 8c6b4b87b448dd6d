//! Stage 2 — Profile Compilation: scores every profile item against a
//! [`JobAnalysis`], finds evidence for each requirement, and computes the
//! match report (`GET /jobs/{id}/match`).
//!
//! # Items and terms
//!
//! Items are experiences (title + description; for scoring also their
//! bullets), achievements (one per bullet, id `<experience_id>#<index>`),
//! projects (name, description, technologies), skills (technical, soft and
//! certification names plus spoken languages; id = the skill text, first
//! spelling wins over case-insensitive duplicates), certifications,
//! education entries and the summary. Taxonomy terms are found with
//! [`Taxonomy::find`]; a skill, technology or certification name is first
//! looked up whole with [`Taxonomy::canonical`] (so `golang` or `Postgres`
//! in a skills list count). Items without an id get `<kind>-<index>`.
//!
//! # Requirements
//!
//! A keyword is **met** when an experience, achievement, project, skill,
//! unexpired certification or education entry contains its term; the
//! summary is listed as evidence but never meets a requirement on its own.
//! An education keyword is also met by an entry whose degree level is at
//! least the keyword's level (`Bachelor's Degree` ← an MBA) and whose degree
//! and field words include the keyword's field words (`Bachelor of Science`
//! ← `BSc`, `Computer Science Degree` ← a BSc in Computer Science). A keyword
//! not met itself but with a met alternative ("Python or Go") is
//! `satisfied_by` that alternative and is not missing.
//!
//! ```text
//! value(k)          = weight(k) × (1.0 required | 0.5 preferred)
//! match_percentage  = round(100 × Σ value(k) over met or satisfied k / Σ value(k))
//! ```
//! (0 when the posting has no keywords).
//!
//! # Item scores (integers 0–100)
//!
//! ```text
//! T (terms)    = min(1, Σ value(k) over keywords the item contains / 1.5)
//! L (lexical)  = s / (s + 4), s = BM25 of the item's non-taxonomy words
//!                against JobAnalysis::context_terms (k1 1.2, b 0.75, idf over
//!                all items, average length per kind)
//! R (recency)  = 1.0 current role; otherwise 0.9 × max(0, 1 − years since
//!                the end / 10); 0.45 when dates are unknown
//! S (title)    = Dice overlap of the experience title and the job title,
//!                as taxonomy terms plus stemmed words without seniority words
//! M (skill)    = max over the item's keywords of
//!                (0.6 required | 0.3 preferred) + 0.4 × weight; 0 if none
//!
//! experience    = 100 × (0.45 T + 0.20 L + 0.15 R + 0.20 S)  (T over the role and its bullets)
//! achievement   = 100 × (0.60 T + 0.25 L + 0.15 R)           (R of its role)
//! project       = 100 × (0.60 T + 0.25 L + 0.15 R)           (R from its end, else start date)
//! skill         = 100 × (0.80 M + 0.20 L)
//! certification = 100 × (0.80 M + 0.20 L), halved when expired
//! ```
//!
//! Ties sort by recency, then profile order (skills: profile order).
//!
//! # Other fields
//!
//! * `years_of_experience`: experience date ranges (month precision; a bare
//!   start year counts from January, a bare end year to December, a current
//!   role to `today`, a past role without an end date as one month) merged
//!   where they overlap, summed, 1 decimal.
//! * `education`: the entry with the highest degree level, then the most
//!   keyword value, then the latest end date, then profile order.
//! * `emphasis`: at most six short, deterministic recommendations built only
//!   from the facts above: the best experience showing required terms,
//!   required hard terms shown only in the skills list, years against the
//!   years asked, the best project (score ≥ 40), a degree below the one
//!   asked, and the required terms missing.

use crate::analysis::{DegreeLevel, JobAnalysis, Keyword, highest_level};
use crate::lexical::{Bm25, Word, all_content_words, content_words, stem};
use crate::profile::{Profile, parse_date};
use crate::taxonomy::{Category, SkillMatch, Taxonomy, tokenize};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Output of stage 2: ranked items with evidence and the match report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompiledProfile {
    /// Weighted share of the keywords the profile meets (module docs).
    pub match_percentage: u8,
    /// One per required keyword, then one per preferred keyword.
    pub requirements: Vec<RequirementMatch>,
    /// Keywords neither met nor satisfied by an alternative, required first.
    pub missing_keywords: Vec<String>,
    /// Every experience, best first.
    pub experiences: Vec<RankedItem>,
    /// Every bullet, id `<experience_id>#<index>`, best first.
    pub achievements: Vec<RankedItem>,
    /// Every project, best first.
    pub projects: Vec<RankedItem>,
    /// Technical, soft and certification names and languages, best first.
    pub skills: Vec<RankedItem>,
    /// Every certification, best first.
    pub certifications: Vec<RankedItem>,
    /// Id of the education entry to show first.
    pub education: Option<String>,
    /// Years covered by dated experience, overlaps merged, 1 decimal.
    pub years_of_experience: f64,
    /// Short recommendations.
    pub emphasis: Vec<String>,
}

/// How the profile stands against one keyword.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementMatch {
    /// Canonical term.
    pub requirement: String,
    /// From the required list (else preferred).
    pub required: bool,
    /// The profile contains the term (module docs).
    pub met: bool,
    /// When not met: the alternative term the profile does have.
    #[serde(default)]
    pub satisfied_by: Option<String>,
    /// Where the profile shows it.
    pub evidence: Vec<Evidence>,
}

/// A place in the profile that shows a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// What kind of profile item shows the term.
    pub item_kind: ItemKind,
    /// Id of the item (`exp-1`, `exp-1#2`, the skill text, `summary`).
    pub item_id: String,
    /// The matched text as written in the profile.
    pub text: String,
}

/// A scored profile item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedItem {
    /// Item id.
    pub item_id: String,
    /// 0–100 (module docs).
    pub score: u8,
    /// Why it scored as it did.
    pub reasons: Vec<String>,
}

/// A kind of profile item that can show a term (serialised in snake_case: `experience`,
/// `achievement`, `project`, `skill`, `certification`, `education`, `summary`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A role (its title or description).
    Experience,
    /// One bullet of a role (id `<experience_id>#<index>`).
    Achievement,
    /// A project.
    Project,
    /// A listed skill.
    Skill,
    /// A certification.
    Certification,
    /// An education entry.
    Education,
    /// The professional summary.
    Summary,
}

impl ItemKind {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Experience => "experience",
            ItemKind::Achievement => "achievement",
            ItemKind::Project => "project",
            ItemKind::Skill => "skill",
            ItemKind::Certification => "certification",
            ItemKind::Education => "education",
            ItemKind::Summary => "summary",
        }
    }

    fn group(self) -> u8 {
        self as u8
    }
}

/// One profile item prepared for scoring.
#[derive(Debug)]
struct Item {
    kind: ItemKind,
    id: String,
    /// Canonical term → text as written (first occurrence).
    terms: BTreeMap<String, String>,
    /// Terms used for scoring (for experiences: with their bullets).
    scoring_terms: BTreeSet<String>,
    words: Vec<Word>,
    /// Counts towards `met` (not the summary, not expired certifications).
    proves: bool,
    recency: Recency,
    /// Experience: index into `profile.experiences`.
    parent: Option<usize>,
    /// Certification: expiry date when in the past.
    expired: Option<String>,
}

/// When an item happened, relative to `today`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Recency {
    Current,
    /// Months since the end, and the end year.
    Ended(i32, i32),
    Unknown,
}

impl Recency {
    fn value(self) -> f64 {
        match self {
            Recency::Current => 1.0,
            Recency::Ended(months, _) => 0.9 * (1.0 - f64::from(months.max(0)) / 120.0).max(0.0),
            Recency::Unknown => 0.45,
        }
    }

    /// Larger is more recent; for tie-breaking.
    fn order(self) -> i32 {
        match self {
            Recency::Current => i32::MAX,
            Recency::Ended(months, _) => -months,
            Recency::Unknown => i32::MIN,
        }
    }
}

/// Keyword lookup: term → (required, weight, value).
struct Asked<'a> {
    keywords: Vec<(&'a Keyword, bool)>,
    by_term: BTreeMap<&'a str, (bool, f64)>,
}

impl<'a> Asked<'a> {
    fn new(analysis: &'a JobAnalysis) -> Self {
        let keywords: Vec<(&Keyword, bool)> = analysis
            .required
            .iter()
            .map(|k| (k, true))
            .chain(analysis.preferred.iter().map(|k| (k, false)))
            .collect();
        let mut by_term = BTreeMap::new();
        for (keyword, required) in &keywords {
            by_term
                .entry(keyword.term.as_str())
                .or_insert((*required, keyword.weight));
        }
        Asked { keywords, by_term }
    }

    fn value(&self, term: &str) -> f64 {
        self.by_term.get(term).map_or(0.0, |&(required, weight)| {
            weight * if required { 1.0 } else { 0.5 }
        })
    }

    /// T: summed keyword value of the terms, over 1.5, capped at 1.
    fn term_score<'t>(&self, terms: impl IntoIterator<Item = &'t String>) -> f64 {
        let total: f64 = terms.into_iter().map(|t| self.value(t)).sum();
        (total / 1.5).min(1.0)
    }

    /// M: the best keyword strength among the terms.
    fn skill_strength<'t>(&self, terms: impl IntoIterator<Item = &'t String>) -> f64 {
        terms
            .into_iter()
            .filter_map(|t| self.by_term.get(t.as_str()))
            .map(|&(required, weight)| if required { 0.6 } else { 0.3 } + 0.4 * weight)
            .fold(0.0, f64::max)
    }

    /// "matches required: …" / "matches preferred: …" for the terms, in
    /// keyword order.
    fn reasons(&self, terms: &BTreeSet<String>) -> Vec<String> {
        let mut out = Vec::new();
        for (label, wanted) in [("required", true), ("preferred", false)] {
            let names: Vec<&str> = self
                .keywords
                .iter()
                .filter(|(k, required)| *required == wanted && terms.contains(&k.term))
                .map(|(k, _)| k.term.as_str())
                .collect();
            if !names.is_empty() {
                out.push(format!("matches {label}: {}", list(&names, 5)));
            }
        }
        out
    }
}

/// Compiles a profile against a job analysis (stage 2). `today` is (year,
/// month) and is passed in so the result does not depend on the clock.
pub fn compile_profile(
    profile: &Profile,
    analysis: &JobAnalysis,
    taxonomy: &Taxonomy,
    today: (i32, u8),
) -> CompiledProfile {
    let today_index = month_index(today.0, today.1.clamp(1, 12));
    let asked = Asked::new(analysis);
    let items = collect_items(profile, taxonomy, today_index);

    let mut bm25 = Bm25::default();
    for item in items.iter().filter(|i| ranked_kind(i.kind)) {
        bm25.add(item.kind.group(), &item.words);
    }
    let query: BTreeSet<String> = analysis.context_terms.iter().cloned().collect();
    let job_title = title_units(&analysis.title, taxonomy);

    let requirements = requirement_matches(&asked, &items, profile, taxonomy);
    let match_percentage = match_percentage(&asked, &requirements);
    let missing_keywords = requirements
        .iter()
        .filter(|r| !r.met && r.satisfied_by.is_none())
        .map(|r| r.requirement.clone())
        .collect();

    let mut scored: BTreeMap<ItemKind, Vec<Scored>> = BTreeMap::new();
    for (position, item) in items.iter().enumerate() {
        if !ranked_kind(item.kind) {
            continue;
        }
        let (lexical, words) = lexical_score(&bm25, item, &query);
        let terms = asked.term_score(&item.scoring_terms);
        let mut reasons = asked.reasons(&item.scoring_terms);
        if !words.is_empty() {
            reasons.push(format!("related wording: {}", words.join(", ")));
        }
        let value = match item.kind {
            ItemKind::Experience => {
                let similarity = item
                    .parent
                    .and_then(|i| profile.experiences.get(i))
                    .map_or(0.0, |e| dice(&title_units(&e.title, taxonomy), &job_title));
                if similarity >= 0.5 {
                    reasons.push(format!("title similar to {}", analysis.title));
                } else if similarity > 0.0 {
                    reasons.push(format!("title partly similar to {}", analysis.title));
                }
                push_recency_reason(&mut reasons, item.recency, today.0, true);
                0.45 * terms + 0.20 * lexical + 0.15 * item.recency.value() + 0.20 * similarity
            }
            ItemKind::Achievement | ItemKind::Project => {
                push_recency_reason(
                    &mut reasons,
                    item.recency,
                    today.0,
                    item.kind == ItemKind::Achievement,
                );
                0.60 * terms + 0.25 * lexical + 0.15 * item.recency.value()
            }
            _ => {
                let strength = asked.skill_strength(&item.scoring_terms);
                let mut value = 0.80 * strength + 0.20 * lexical;
                if let Some(expiry) = &item.expired {
                    value *= 0.5;
                    reasons.push(format!("expired {expiry}"));
                }
                if reasons.is_empty() {
                    reasons.push("not asked for in this posting".to_string());
                }
                value
            }
        };
        scored.entry(item.kind).or_default().push(Scored {
            ranked: RankedItem {
                item_id: item.id.clone(),
                score: to_score(value),
                reasons,
            },
            recency: item.recency.order(),
            position,
        });
    }
    let mut take = |kind: ItemKind| {
        let mut list = scored.remove(&kind).unwrap_or_default();
        list.sort_by(|a, b| {
            b.ranked
                .score
                .cmp(&a.ranked.score)
                .then_with(|| {
                    if kind == ItemKind::Skill {
                        std::cmp::Ordering::Equal
                    } else {
                        b.recency.cmp(&a.recency)
                    }
                })
                .then_with(|| a.position.cmp(&b.position))
        });
        list.into_iter().map(|s| s.ranked).collect::<Vec<_>>()
    };
    let experiences = take(ItemKind::Experience);
    let achievements = take(ItemKind::Achievement);
    let projects = take(ItemKind::Project);
    let skills = take(ItemKind::Skill);
    let certifications = take(ItemKind::Certification);

    let education = choose_education(&asked, &items, profile);
    let years_of_experience = years_of_experience(profile, today_index);
    let mut compiled = CompiledProfile {
        match_percentage,
        requirements,
        missing_keywords,
        experiences,
        achievements,
        projects,
        skills,
        certifications,
        education,
        years_of_experience,
        emphasis: Vec::new(),
    };
    compiled.emphasis = emphasis(&compiled, analysis, profile, &items, &asked, taxonomy);
    compiled
}

struct Scored {
    ranked: RankedItem,
    recency: i32,
    position: usize,
}

fn ranked_kind(kind: ItemKind) -> bool {
    !matches!(kind, ItemKind::Education | ItemKind::Summary)
}

fn to_score(value: f64) -> u8 {
    (value * 100.0).round().clamp(0.0, 100.0) as u8
}

fn lexical_score(bm25: &Bm25, item: &Item, query: &BTreeSet<String>) -> (f64, Vec<String>) {
    let (score, parts) = bm25.score(item.kind.group(), &item.words, query);
    let words = if score >= 1.0 {
        parts.into_iter().take(3).map(|(word, _)| word).collect()
    } else {
        Vec::new()
    };
    (score / (score + 4.0), words)
}

fn push_recency_reason(reasons: &mut Vec<String>, recency: Recency, this_year: i32, role: bool) {
    match recency {
        Recency::Current if role => reasons.push("recent (current role)".to_string()),
        Recency::Current => reasons.push("recent (ongoing)".to_string()),
        Recency::Ended(months, year) if months < 24 => {
            reasons.push(format!("recent (ended {year})"));
        }
        Recency::Ended(_, year) if year < this_year => reasons.push(format!("ended {year}")),
        _ => {}
    }
}

fn month_index(year: i32, month: u8) -> i32 {
    year * 12 + i32::from(month) - 1
}

/// Month index of a date; a bare year is January (`start`) or December.
fn date_index(text: &str, start: bool) -> Option<i32> {
    let (year, month) = parse_date(text)?;
    Some(month_index(
        year,
        month.unwrap_or(if start { 1 } else { 12 }),
    ))
}

fn recency_from_end(end: Option<i32>, today: i32) -> Recency {
    match end {
        Some(end) if end >= today => Recency::Current,
        Some(end) => Recency::Ended(today - end, end.div_euclid(12)),
        None => Recency::Unknown,
    }
}

fn fallback_id(id: &str, kind: ItemKind, index: usize) -> String {
    if id.trim().is_empty() {
        format!("{}-{index}", kind.as_str())
    } else {
        id.to_string()
    }
}

/// Terms of a free text.
fn text_terms(text: &str, taxonomy: &Taxonomy) -> Vec<SkillMatch> {
    taxonomy.find(text)
}

/// Terms of a name (skill, technology, certification): the whole name first.
fn name_terms(name: &str, taxonomy: &Taxonomy) -> BTreeMap<String, String> {
    let trimmed = name.trim();
    if let Some(entry) = taxonomy.canonical(trimmed) {
        return BTreeMap::from([(entry.name.clone(), trimmed.to_string())]);
    }
    collect_terms(text_terms(trimmed, taxonomy))
}

fn collect_terms(found: Vec<SkillMatch>) -> BTreeMap<String, String> {
    let mut terms = BTreeMap::new();
    for m in found {
        terms.entry(m.canonical).or_insert(m.surface);
    }
    terms
}

fn collect_items(profile: &Profile, taxonomy: &Taxonomy, today: i32) -> Vec<Item> {
    let mut items = Vec::new();
    for (index, experience) in profile.experiences.iter().enumerate() {
        let id = fallback_id(&experience.id, ItemKind::Experience, index);
        let end = if experience.is_current {
            Some(today)
        } else {
            experience
                .end_date
                .as_deref()
                .and_then(|d| date_index(d, false))
                .or_else(|| date_index(&experience.start_date, true))
        };
        let recency = recency_from_end(end, today);
        let description = experience.description.as_deref().unwrap_or("");
        let mut own = collect_terms(text_terms(&experience.title, taxonomy));
        for (term, surface) in collect_terms(text_terms(description, taxonomy)) {
            own.entry(term).or_insert(surface);
        }
        let mut scoring: BTreeSet<String> = own.keys().cloned().collect();
        let mut bullets = Vec::new();
        for (bullet_index, bullet) in experience.achievements.iter().enumerate() {
            let terms = collect_terms(text_terms(bullet, taxonomy));
            scoring.extend(terms.keys().cloned());
            bullets.push(Item {
                kind: ItemKind::Achievement,
                id: format!("{id}#{bullet_index}"),
                scoring_terms: terms.keys().cloned().collect(),
                terms,
                words: content_words(bullet, taxonomy),
                proves: true,
                recency,
                parent: Some(index),
                expired: None,
            });
        }
        let full_text = format!(
            "{}\n{}\n{}",
            experience.title,
            description,
            experience.achievements.join("\n")
        );
        items.push(Item {
            kind: ItemKind::Experience,
            id,
            terms: own,
            scoring_terms: scoring,
            words: content_words(&full_text, taxonomy),
            proves: true,
            recency,
            parent: Some(index),
            expired: None,
        });
        items.extend(bullets);
    }
    for (index, project) in profile.projects.iter().enumerate() {
        let mut terms = collect_terms(text_terms(&project.name, taxonomy));
        for (term, surface) in collect_terms(text_terms(&project.description, taxonomy)) {
            terms.entry(term).or_insert(surface);
        }
        for technology in &project.technologies {
            for (term, surface) in name_terms(technology, taxonomy) {
                terms.entry(term).or_insert(surface);
            }
        }
        let end = project
            .end_date
            .as_deref()
            .and_then(|d| date_index(d, false))
            .or_else(|| {
                project
                    .start_date
                    .as_deref()
                    .and_then(|d| date_index(d, true))
            });
        let text = format!(
            "{}\n{}\n{}",
            project.name,
            project.description,
            project.technologies.join(", ")
        );
        items.push(Item {
            kind: ItemKind::Project,
            id: fallback_id(&project.id, ItemKind::Project, index),
            scoring_terms: terms.keys().cloned().collect(),
            terms,
            words: content_words(&text, taxonomy),
            proves: true,
            recency: recency_from_end(end, today),
            parent: None,
            expired: None,
        });
    }
    let mut seen = BTreeSet::new();
    let skill_names = profile
        .skills
        .technical
        .iter()
        .chain(&profile.skills.soft)
        .chain(profile.skills.certifications.iter().map(|c| &c.name))
        .chain(profile.skills.languages.iter().map(|l| &l.name));
    for name in skill_names {
        let trimmed = name.trim();
        if trimmed.is_empty() || !seen.insert(trimmed.to_lowercase()) {
            continue;
        }
        let terms = name_terms(trimmed, taxonomy);
        items.push(Item {
            kind: ItemKind::Skill,
            id: trimmed.to_string(),
            scoring_terms: terms.keys().cloned().collect(),
            terms,
            words: all_content_words(trimmed),
            proves: true,
            recency: Recency::Unknown,
            parent: None,
            expired: None,
        });
    }
    for (index, certification) in profile.skills.certifications.iter().enumerate() {
        let expiry = certification
            .expiry_date
            .as_deref()
            .and_then(|d| date_index(d, false).map(|i| (d, i)));
        let expired = expiry
            .filter(|&(_, i)| i < today)
            .map(|(d, _)| d.trim().to_string());
        let terms = name_terms(&certification.name, taxonomy);
        let text = format!("{}\n{}", certification.name, certification.issuer);
        let obtained = certification
            .date_obtained
            .as_deref()
            .and_then(|d| date_index(d, true));
        items.push(Item {
            kind: ItemKind::Certification,
            id: fallback_id(&certification.id, ItemKind::Certification, index),
            scoring_terms: terms.keys().cloned().collect(),
            terms,
            words: content_words(&text, taxonomy),
            proves: expired.is_none(),
            recency: obtained.map_or(Recency::Unknown, |o| {
                Recency::Ended(today - o, o.div_euclid(12))
            }),
            parent: None,
            expired,
        });
    }
    for (index, education) in profile.education.iter().enumerate() {
        let mut terms = collect_terms(text_terms(&education.degree, taxonomy));
        for text in education.field_of_study.iter().chain(&education.honors) {
            for (term, surface) in collect_terms(text_terms(text, taxonomy)) {
                terms.entry(term).or_insert(surface);
            }
        }
        let end = education
            .end_date
            .as_deref()
            .and_then(|d| date_index(d, false));
        items.push(Item {
            kind: ItemKind::Education,
            id: fallback_id(&education.id, ItemKind::Education, index),
            scoring_terms: terms.keys().cloned().collect(),
            terms,
            words: Vec::new(),
            proves: true,
            recency: recency_from_end(end, today),
            parent: Some(index),
            expired: None,
        });
    }
    if let Some(summary) = profile
        .professional_summary
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        let terms = collect_terms(text_terms(summary, taxonomy));
        items.push(Item {
            kind: ItemKind::Summary,
            id: "summary".to_string(),
            scoring_terms: terms.keys().cloned().collect(),
            terms,
            words: Vec::new(),
            proves: false,
            recency: Recency::Unknown,
            parent: None,
            expired: None,
        });
    }
    items
}

/// One [`RequirementMatch`] per keyword, required first.
fn requirement_matches(
    asked: &Asked<'_>,
    items: &[Item],
    profile: &Profile,
    taxonomy: &Taxonomy,
) -> Vec<RequirementMatch> {
    let mut ordered: Vec<&Item> = items.iter().collect();
    ordered.sort_by_key(|item| item.kind);
    let mut matches: Vec<RequirementMatch> = asked
        .keywords
        .iter()
        .map(|(keyword, required)| {
            let mut evidence = Vec::new();
            let mut met = false;
            for item in &ordered {
                if let Some(surface) = item.terms.get(&keyword.term) {
                    if !item.proves && item.kind == ItemKind::Certification {
                        continue;
                    }
                    met |= item.proves;
                    evidence.push(Evidence {
                        item_kind: item.kind,
                        item_id: item.id.clone(),
                        text: surface.clone(),
                    });
                }
            }
            if keyword.category == Category::Education {
                for (item, degree) in education_by_level(keyword, items, profile, taxonomy) {
                    if !evidence.iter().any(|e| e.item_id == item.id) {
                        met = true;
                        evidence.push(Evidence {
                            item_kind: ItemKind::Education,
                            item_id: item.id.clone(),
                            text: degree,
                        });
                    }
                }
            }
            RequirementMatch {
                requirement: keyword.term.clone(),
                required: *required,
                met,
                satisfied_by: None,
                evidence,
            }
        })
        .collect();
    let met_terms: BTreeSet<String> = matches
        .iter()
        .filter(|m| m.met)
        .map(|m| m.requirement.clone())
        .collect();
    for (m, (keyword, _)) in matches.iter_mut().zip(&asked.keywords) {
        if !m.met {
            m.satisfied_by = keyword
                .alternatives
                .iter()
                .find(|alternative| met_terms.contains(*alternative))
                .cloned();
        }
    }
    matches
}

/// Stems that name a degree level rather than a field.
const DEGREE_WORDS: &[&str] = &[
    "bachelor",
    "master",
    "associat",
    "doctor",
    "doctorat",
    "degre",
    "diploma",
    "graduat",
    "undergraduat",
    "postgraduat",
];

/// Stems of every word of a text (no taxonomy exclusion).
fn all_stems(text: &str) -> BTreeSet<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| {
            !t.symbol && t.key.chars().count() >= 2 && t.key.chars().all(char::is_alphabetic)
        })
        .map(|t| stem(&t.key))
        .collect()
}

/// Education entries meeting an education keyword by level and field
/// (module docs), with the degree text to show as evidence.
fn education_by_level<'i>(
    keyword: &Keyword,
    items: &'i [Item],
    profile: &Profile,
    taxonomy: &Taxonomy,
) -> Vec<(&'i Item, String)> {
    let wanted_level = highest_level(&keyword.term);
    let field: BTreeSet<String> = all_stems(&keyword.term)
        .into_iter()
        .filter(|s| {
            !DEGREE_WORDS.contains(&s.as_str()) && !matches!(s.as_str(), "of" | "in" | "and")
        })
        .collect();
    if wanted_level.is_none() && field.is_empty() {
        return Vec::new();
    }
    items
        .iter()
        .filter(|item| item.kind == ItemKind::Education)
        .filter_map(|item| {
            let education = profile.education.get(item.parent?)?;
            let text = format!(
                "{} {}",
                education.degree,
                education.field_of_study.as_deref().unwrap_or("")
            );
            let mut words = all_stems(&text);
            for term in item.terms.keys() {
                words.extend(all_stems(term));
            }
            let level = education_level(&education.degree, taxonomy);
            let level_ok = wanted_level.is_none_or(|wanted| level.is_some_and(|l| l >= wanted));
            (level_ok && field.is_subset(&words))
                .then(|| (item, education.degree.trim().to_string()))
        })
        .collect()
}

/// Degree level of a profile degree string: its own words, else the
/// canonical name of the taxonomy term it contains (`BSc` → Bachelor of
/// Science).
fn education_level(degree: &str, taxonomy: &Taxonomy) -> Option<DegreeLevel> {
    highest_level(degree).or_else(|| {
        taxonomy
            .find(degree)
            .iter()
            .filter_map(|m| highest_level(&m.canonical))
            .max()
    })
}

fn match_percentage(asked: &Asked<'_>, requirements: &[RequirementMatch]) -> u8 {
    let mut total = 0.0;
    let mut earned = 0.0;
    for ((keyword, required), result) in asked.keywords.iter().zip(requirements) {
        let value = keyword.weight * if *required { 1.0 } else { 0.5 };
        total += value;
        if result.met || result.satisfied_by.is_some() {
            earned += value;
        }
    }
    if total <= 0.0 {
        0
    } else {
        to_score(earned / total)
    }
}

/// Seniority words ignored when comparing titles.
const LEVEL_WORDS: &[&str] = &[
    "senior",
    "junior",
    "lead",
    "principal",
    "staff",
    "head",
    "chief",
    "intern",
    "trainee",
];

/// A title as taxonomy terms plus stemmed words outside them.
fn title_units(title: &str, taxonomy: &Taxonomy) -> BTreeSet<String> {
    let mut units: BTreeSet<String> = taxonomy
        .find(title)
        .into_iter()
        .map(|m| format!("term:{}", m.canonical))
        .collect();
    units.extend(
        content_words(title, taxonomy)
            .into_iter()
            .filter(|w| !LEVEL_WORDS.contains(&w.surface.as_str()))
            .map(|w| w.stem),
    );
    units
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

fn choose_education(asked: &Asked<'_>, items: &[Item], profile: &Profile) -> Option<String> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.kind == ItemKind::Education)
        .max_by(|(ia, a), (ib, b)| {
            let level = |item: &Item| {
                item.parent
                    .and_then(|i| profile.education.get(i))
                    .and_then(|e| {
                        highest_level(&e.degree)
                            .or_else(|| item.terms.keys().filter_map(|t| highest_level(t)).max())
                    })
            };
            let end = |item: &Item| item.recency.order();
            level(a)
                .cmp(&level(b))
                .then_with(|| {
                    asked
                        .term_score(&a.scoring_terms)
                        .total_cmp(&asked.term_score(&b.scoring_terms))
                })
                .then_with(|| end(a).cmp(&end(b)))
                .then_with(|| ib.cmp(ia))
        })
        .map(|(_, item)| item.id.clone())
}

/// Years covered by the experience date ranges, overlaps merged.
fn years_of_experience(profile: &Profile, today: i32) -> f64 {
    years_over(&profile.experiences, today)
}

/// Years covered by the dated experiences among `experiences`, overlaps merged, 1 decimal
/// (the rules of [`CompiledProfile::years_of_experience`]); `today` is (year, month). Used
/// to check a claim such as "5+ years of experience in Rust" against the roles that show
/// Rust.
pub fn experience_years<'a>(
    experiences: impl IntoIterator<Item = &'a crate::profile::Experience>,
    today: (i32, u8),
) -> f64 {
    years_over(experiences, month_index(today.0, today.1.clamp(1, 12)))
}

fn years_over<'a>(
    experiences: impl IntoIterator<Item = &'a crate::profile::Experience>,
    today: i32,
) -> f64 {
    let mut ranges: Vec<(i32, i32)> = experiences
        .into_iter()
        .filter_map(|e| {
            let start = date_index(&e.start_date, true)?;
            let end = if e.is_current {
                today
            } else {
                e.end_date
                    .as_deref()
                    .and_then(|d| date_index(d, false))
                    .unwrap_or(start)
            };
            let end = end.min(today);
            (end >= start).then_some((start, end))
        })
        .collect();
    ranges.sort_unstable();
    let mut months = 0;
    let mut current: Option<(i32, i32)> = None;
    for (start, end) in ranges {
        current = match current {
            Some((s, e)) if start <= e + 1 => Some((s, e.max(end))),
            Some((s, e)) => {
                months += e - s + 1;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((s, e)) = current {
        months += e - s + 1;
    }
    (f64::from(months) / 12.0 * 10.0).round() / 10.0
}

/// Joins up to `limit` names, then "and N more".
fn list(names: &[&str], limit: usize) -> String {
    let shown = names
        .iter()
        .take(limit)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > limit {
        format!("{shown} and {} more", names.len() - limit)
    } else {
        shown
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Short recommendations, in a fixed order (module docs).
fn emphasis(
    compiled: &CompiledProfile,
    analysis: &JobAnalysis,
    profile: &Profile,
    items: &[Item],
    asked: &Asked<'_>,
    taxonomy: &Taxonomy,
) -> Vec<String> {
    [
        lead_with(compiled, analysis, profile, items),
        back_up(compiled, analysis),
        years_note(compiled, analysis),
        project_note(compiled, profile, items, asked),
        education_note(compiled, analysis, profile, taxonomy),
        missing_note(compiled),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn item_by_id<'i>(items: &'i [Item], kind: ItemKind, id: &str) -> Option<&'i Item> {
    items.iter().find(|i| i.kind == kind && i.id == id)
}

/// The best-ranked experience that shows required terms (two at most).
fn lead_with(
    compiled: &CompiledProfile,
    analysis: &JobAnalysis,
    profile: &Profile,
    items: &[Item],
) -> Option<String> {
    compiled.experiences.iter().find_map(|ranked| {
        let item = item_by_id(items, ItemKind::Experience, &ranked.item_id)?;
        let shown: Vec<&str> = analysis
            .required
            .iter()
            .map(|k| k.term.as_str())
            .filter(|t| item.scoring_terms.contains(*t))
            .take(2)
            .collect();
        if shown.is_empty() {
            return None;
        }
        let experience = profile.experiences.get(item.parent?)?;
        let place = if experience.company.trim().is_empty() {
            format!("as {}", experience.title.trim())
        } else {
            format!("at {}", experience.company.trim())
        };
        Some(format!("Lead with your {} work {place}", and_list(&shown)))
    })
}

/// Required hard terms shown only in the skills list (three at most).
fn back_up(compiled: &CompiledProfile, analysis: &JobAnalysis) -> Option<String> {
    let soft: BTreeSet<&str> = analysis
        .required
        .iter()
        .filter(|k| k.category == Category::SoftSkill)
        .map(|k| k.term.as_str())
        .collect();
    let only_listed: Vec<&str> = compiled
        .requirements
        .iter()
        .filter(|r| r.required && r.met && !soft.contains(r.requirement.as_str()))
        .filter(|r| {
            r.evidence
                .iter()
                .all(|e| matches!(e.item_kind, ItemKind::Skill | ItemKind::Summary))
        })
        .map(|r| r.requirement.as_str())
        .take(3)
        .collect();
    if only_listed.is_empty() {
        return None;
    }
    let pronoun = if only_listed.len() == 1 { "it" } else { "them" };
    Some(format!(
        "Back up {} with a bullet: your skills list names {pronoun} but no experience or project does",
        and_list(&only_listed)
    ))
}

/// Years of experience against the years asked.
fn years_note(compiled: &CompiledProfile, analysis: &JobAnalysis) -> Option<String> {
    let asked_years = analysis.years_experience?;
    let years = compiled.years_of_experience;
    Some(if years >= f64::from(asked_years) {
        format!("State your {years:.1} years of experience ({asked_years}+ asked)")
    } else {
        format!(
            "The posting asks for {asked_years}+ years; your dated experience adds up to {years:.1}"
        )
    })
}

/// The best project, when it scores at least 40 and shows keywords.
fn project_note(
    compiled: &CompiledProfile,
    profile: &Profile,
    items: &[Item],
    asked: &Asked<'_>,
) -> Option<String> {
    let ranked = compiled.projects.first().filter(|p| p.score >= 40)?;
    let item = item_by_id(items, ItemKind::Project, &ranked.item_id)?;
    let project = profile
        .projects
        .iter()
        .enumerate()
        .find(|(i, p)| fallback_id(&p.id, ItemKind::Project, *i) == ranked.item_id)?
        .1;
    let mut shown: Vec<(&str, f64)> = item
        .scoring_terms
        .iter()
        .map(|t| (t.as_str(), asked.value(t)))
        .filter(|(_, v)| *v > 0.0)
        .collect();
    shown.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let names: Vec<&str> = shown.iter().take(3).map(|(t, _)| *t).collect();
    (!names.is_empty()).then(|| {
        format!(
            "Include the project {}: it shows {}",
            project.name.trim(),
            and_list(&names)
        )
    })
}

/// A note when the chosen degree is below the level asked.
fn education_note(
    compiled: &CompiledProfile,
    analysis: &JobAnalysis,
    profile: &Profile,
    taxonomy: &Taxonomy,
) -> Option<String> {
    let wanted = analysis.education.as_deref()?;
    let id = compiled.education.as_deref()?;
    let education = profile
        .education
        .iter()
        .enumerate()
        .find(|(i, e)| fallback_id(&e.id, ItemKind::Education, *i) == id)?
        .1;
    let have = education_level(&education.degree, taxonomy)?;
    let wanted_level = [
        DegreeLevel::HighSchool,
        DegreeLevel::Associate,
        DegreeLevel::Bachelor,
        DegreeLevel::Master,
        DegreeLevel::Doctorate,
    ]
    .into_iter()
    .find(|l| l.as_str() == wanted)?;
    (have < wanted_level).then(|| {
        format!(
            "The posting asks for a {} degree; your highest listed is {}",
            wanted.replace('_', " "),
            education.degree.trim()
        )
    })
}

/// Required keywords neither met nor satisfied (five named at most).
fn missing_note(compiled: &CompiledProfile) -> Option<String> {
    let missing: Vec<&str> = compiled
        .requirements
        .iter()
        .filter(|r| r.required && !r.met && r.satisfied_by.is_none())
        .map(|r| r.requirement.as_str())
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "Not in your profile: {}; add them only if you have real experience",
            list(&missing, 5)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{JobPosting, analyze_job};
    use crate::profile::{Certification, Education, Experience, Project, Skills};

    fn job(requirements: &[&str], preferred: &[&str]) -> JobAnalysis {
        let text = JobPosting {
            title: "Senior Backend Engineer".to_owned(),
            requirements: requirements.iter().map(|s| s.to_string()).collect(),
            preferred: preferred.iter().map(|s| s.to_string()).collect(),
            ..JobPosting::default()
        };
        analyze_job(&text, Taxonomy::shipped())
    }

    fn experience(
        id: &str,
        title: &str,
        start: &str,
        end: Option<&str>,
        bullets: &[&str],
    ) -> Experience {
        Experience {
            id: id.to_string(),
            title: title.to_string(),
            company: "Acme".to_string(),
            start_date: start.to_string(),
            end_date: end.map(str::to_string),
            is_current: end.is_none(),
            achievements: bullets.iter().map(|s| s.to_string()).collect(),
            ..Experience::default()
        }
    }

    fn compile(profile: &Profile, analysis: &JobAnalysis) -> CompiledProfile {
        compile_profile(profile, analysis, Taxonomy::shipped(), (2025, 6))
    }

    #[test]
    fn years_merge_overlaps() {
        let profile = Profile {
            experiences: vec![
                experience("a", "Engineer", "2020-01", Some("2020-12"), &[]),
                experience("b", "Engineer", "2020-06", Some("2021-06"), &[]),
                experience("c", "Engineer", "2023", None, &[]),
                experience("d", "Engineer", "bad date", Some("2024"), &[]),
            ],
            ..Profile::default()
        };
        let compiled = compile(&profile, &job(&[], &[]));
        // 2020-01..2021-06 = 18 months, 2023-01..2025-06 = 30 months.
        assert_eq!(compiled.years_of_experience, 4.0);
        assert_eq!(compiled.match_percentage, 0);
    }

    #[test]
    fn requirements_evidence_and_missing() {
        let analysis = job(&["Rust and PostgreSQL", "Python or Go"], &["Kafka"]);
        let profile = Profile {
            experiences: vec![experience(
                "e1",
                "Backend Engineer",
                "2022-01",
                None,
                &["Built Rust services on Postgres"],
            )],
            skills: Skills {
                technical: vec!["golang".to_string()],
                ..Skills::default()
            },
            ..Profile::default()
        };
        let compiled = compile(&profile, &analysis);
        let find = |term: &str| {
            compiled
                .requirements
                .iter()
                .find(|r| r.requirement == term)
                .cloned()
                .expect("requirement present")
        };
        let rust = find("Rust");
        assert!(rust.met);
        assert_eq!(rust.evidence[0].item_id, "e1#0");
        assert_eq!(rust.evidence[0].item_kind, ItemKind::Achievement);
        assert_eq!(find("PostgreSQL").evidence[0].text, "Postgres");
        assert!(find("Go").met, "golang in skills");
        assert_eq!(find("Python").satisfied_by.as_deref(), Some("Go"));
        assert_eq!(compiled.missing_keywords, ["Apache Kafka"]);
        assert!(compiled.match_percentage > 80 && compiled.match_percentage < 100);
        assert_eq!(compiled.achievements[0].item_id, "e1#0");
        assert!(
            compiled.experiences[0]
                .reasons
                .iter()
                .any(|r| r == "recent (current role)")
        );
    }

    #[test]
    fn summary_alone_does_not_meet() {
        let analysis = job(&["Kubernetes"], &[]);
        let profile = Profile {
            professional_summary: Some("Kubernetes enthusiast".to_string()),
            ..Profile::default()
        };
        let compiled = compile(&profile, &analysis);
        assert!(!compiled.requirements[0].met);
        assert_eq!(
            compiled.requirements[0].evidence[0].item_kind,
            ItemKind::Summary
        );
        assert_eq!(compiled.missing_keywords, ["Kubernetes"]);
    }

    #[test]
    fn expired_certifications_do_not_count() {
        let analysis = job(&["CKA"], &[]);
        let cert = |id: &str, expiry: &str| Certification {
            id: id.to_string(),
            name: "Certified Kubernetes Administrator".to_string(),
            issuer: "CNCF".to_string(),
            expiry_date: Some(expiry.to_string()),
            ..Certification::default()
        };
        let expired = Profile {
            skills: Skills {
                certifications: vec![cert("c1", "2024-01")],
                ..Skills::default()
            },
            ..Profile::default()
        };
        let compiled = compile(&expired, &analysis);
        let requirement = &compiled.requirements[0];
        assert!(requirement.met, "the name is still listed as a skill");
        assert!(
            requirement
                .evidence
                .iter()
                .all(|e| e.item_kind != ItemKind::Certification)
        );
        assert!(
            compiled.certifications[0]
                .reasons
                .iter()
                .any(|r| r == "expired 2024-01")
        );
        let valid = Profile {
            skills: Skills {
                certifications: vec![cert("c1", "2027-01")],
                ..Skills::default()
            },
            ..Profile::default()
        };
        let compiled_valid = compile(&valid, &analysis);
        assert!(compiled_valid.certifications[0].score > compiled.certifications[0].score);
    }

    #[test]
    fn education_levels_and_choice() {
        let analysis = job(&["Bachelor's degree in Computer Science", "BS"], &[]);
        let profile = Profile {
            education: vec![
                Education {
                    id: "hs".to_string(),
                    degree: "High School Diploma".to_string(),
                    ..Education::default()
                },
                Education {
                    id: "ms".to_string(),
                    degree: "MSc".to_string(),
                    field_of_study: Some("Computer Science".to_string()),
                    ..Education::default()
                },
            ],
            ..Profile::default()
        };
        let compiled = compile(&profile, &analysis);
        assert_eq!(compiled.education.as_deref(), Some("ms"));
        let bachelor = compiled
            .requirements
            .iter()
            .find(|r| r.requirement == "Bachelor's Degree")
            .expect("asked");
        assert!(bachelor.met);
        assert_eq!(bachelor.evidence[0].item_id, "ms");
    }

    #[test]
    fn scores_rank_relevant_recent_items_first() {
        let analysis = job(&["Kubernetes", "Terraform"], &[]);
        let profile = Profile {
            experiences: vec![
                experience(
                    "old",
                    "Backend Engineer",
                    "2010-01",
                    Some("2014-01"),
                    &["Ran Kubernetes"],
                ),
                experience(
                    "new",
                    "Senior Backend Engineer",
                    "2020-01",
                    None,
                    &["Ran Kubernetes and Terraform"],
                ),
                experience(
                    "other",
                    "Barista",
                    "2015-01",
                    Some("2016-01"),
                    &["Made coffee"],
                ),
            ],
            projects: vec![Project {
                id: "p1".to_string(),
                name: "infra".to_string(),
                description: "Terraform modules".to_string(),
                ..Project::default()
            }],
            ..Profile::default()
        };
        let compiled = compile(&profile, &analysis);
        let order: Vec<&str> = compiled
            .experiences
            .iter()
            .map(|r| r.item_id.as_str())
            .collect();
        assert_eq!(order, ["new", "old", "other"]);
        assert!(
            compiled.experiences[0]
                .reasons
                .iter()
                .any(|r| r.starts_with("title similar"))
        );
        assert!(compiled.experiences[0].score > compiled.experiences[1].score);
        assert_eq!(compiled.projects[0].item_id, "p1");
        assert!(
            compiled
                .emphasis
                .iter()
                .any(|e| e == "Lead with your Kubernetes and Terraform work at Acme")
        );
        assert!(compiled.experiences.iter().all(|r| r.score <= 100));
    }
}
