//! Stage 1 — Job Analysis: what a posting asks for, as taxonomy keywords
//! with weights, plus seniority, years, degree and responsibilities.
//!
//! # Sources
//!
//! Each text is split into sentences (line breaks and `.`, `!`, `?`, `;`
//! followed by a space) and every sentence is given a source:
//!
//! | text | source |
//! |---|---|
//! | title | required (a term in the title is the job) |
//! | requirement item | preferred when it has a preferred cue ("a plus", "nice to have", "bonus", "ideally", "preferred", "desirable"…), else required |
//! | preferred item | preferred |
//! | responsibility | responsibility |
//! | description sentence | preferred cue → preferred; required cue ("must", "required", "you have", "you bring", "we're looking for", "experience with", "proficient", "strong"…) → required; otherwise context only |
//!
//! When the posting has no requirement and no preferred items at all (an
//! unstructured posting), description sentences without a preferred cue
//! count as required.
//!
//! Terms listed as alternatives in one sentence — a run of terms separated
//! by `,`, `/`, `or`, `and/or` or `and` in which at least one separator is
//! `/`, `or` or `and/or` ("GitHub Actions, Jenkins or GitLab CI") — record
//! each other in [`Keyword::alternatives`], unless the term is also named
//! outside such a run.
//!
//! Keywords are the taxonomy terms found in those sentences (see
//! [`crate::taxonomy`]). A term is **required** when any required source
//! (or the title) names it, otherwise **preferred** when a preferred source
//! or a responsibility names it; terms only in context sentences, and soft
//! skills only in responsibilities ("present to senior leadership"), are
//! not keywords. Requirement bullets without any taxonomy term do not become
//! keywords (precision over recall): their words feed
//! [`JobAnalysis::context_terms`], which stage 2 uses for BM25 relevance.
//!
//! # Weight
//!
//! ```text
//! base      = 0.70 required | 0.35 preferred | 0.25 responsibility only
//! frequency = 0.10 × min(2, mentions − 1)      mentions across the whole posting
//! title     = 0.10 when the title names the term
//! factor    = 1.0 hard_skill, tool, certification
//!           | 0.85 domain, education, language
//!           | 0.6 soft_skill
//! weight    = min(1, (base + frequency + title) × factor), 2 decimals
//! ```
//!
//! Lists are sorted by weight (descending), then term.
//!
//! # Other fields
//!
//! * `years_experience`: the largest "N+ years" / "N-M years" (minimum) /
//!   "at least N years" / "five years" among required requirement
//!   sentences, else the first description sentence about experience.
//! * `seniority`: title words (`junior`, `senior`, `lead`/`staff`/`principal`,
//!   `head of`/`director`/`VP`), else the years asked (0–2 entry, 3–4 mid,
//!   5+ senior), else "entry level"/"mid-level"/"senior level" wording.
//! * `education`: the lowest degree level named in required sentences (the
//!   minimum asked: "BS/MS" → bachelor), else in preferred sentences.
//! * `text_hash`: 64-bit FNV-1a of the input with whitespace collapsed,
//!   fields and items separated by control characters, as 16 hex digits.

mod degree;

pub(crate) use degree::{DegreeLevel, highest_level};

use crate::lexical::content_words;
use crate::posting::ExperienceLevel;
use crate::posting::attributes::{
    detect_years, level_from_phrase, level_from_title, level_from_years,
};
use crate::taxonomy::{Category, SkillMatch, Taxonomy};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// A job posting as the pipeline reads it: the fields stage 1 analyses and the drafts name
/// (the service snapshots a stored job into one when a generation is requested; the API's job
/// has more fields, and [`crate::ParsedPosting`] is what the posting parser reads from text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobPosting {
    /// Title as posted.
    pub title: String,
    /// Employer, when named.
    pub company: Option<String>,
    /// Prose.
    pub description: String,
    /// Must-haves.
    #[serde(default)]
    pub requirements: Vec<String>,
    /// Nice-to-haves.
    #[serde(default)]
    pub preferred: Vec<String>,
    /// Duties.
    #[serde(default)]
    pub responsibilities: Vec<String>,
}

impl JobPosting {
    /// The pipeline's part of a parsed posting; `None` when the parser found no title.
    pub fn from_parsed(parsed: crate::ParsedPosting) -> Option<JobPosting> {
        Some(JobPosting {
            title: parsed.title?,
            company: parsed.company,
            description: parsed.description,
            requirements: parsed.requirements,
            preferred: parsed.preferred,
            responsibilities: parsed.responsibilities,
        })
    }
}

/// A term the posting asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// Canonical taxonomy name.
    pub term: String,
    /// How the posting wrote it, sorted and deduplicated.
    pub surface_forms: Vec<String>,
    /// Taxonomy category (serialised `hard_skill`, `tool`, `soft_skill`,
    /// `certification`, `domain`, `education`, `language`).
    pub category: Category,
    /// Importance 0..1, 2 decimals (module docs).
    pub weight: f64,
    /// Terms the posting offers as alternatives to this one ("Python or
    /// Go", "CPA or CFA"), sorted; empty when the term is also asked for on
    /// its own anywhere.
    #[serde(default)]
    pub alternatives: Vec<String>,
}

/// Output of stage 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobAnalysis {
    /// Must-have keywords, by weight.
    pub required: Vec<Keyword>,
    /// Nice-to-have keywords (never also in `required`), by weight.
    pub preferred: Vec<Keyword>,
    /// `entry`, `mid`, `senior`, `lead` or `executive`.
    pub seniority: Option<String>,
    /// Minimum years of experience asked for.
    pub years_experience: Option<u8>,
    /// Minimum degree asked: `high_school`, `associate`, `bachelor`,
    /// `master` or `phd`.
    pub education: Option<String>,
    /// What the person will do, trimmed, duplicates removed.
    pub responsibilities: Vec<String>,
    /// The job title as given (trimmed); stage 2 compares experience titles
    /// with it.
    #[serde(default)]
    pub title: String,
    /// Stems of the informative words of the title, requirement, preferred
    /// and responsibility sentences that are not taxonomy terms, sorted and
    /// deduplicated: the BM25 query of stage 2.
    #[serde(default)]
    pub context_terms: Vec<String>,
    /// 16 hex digits of a 64-bit FNV-1a hash of the normalised input.
    pub text_hash: String,
}

/// Where a sentence came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Title,
    Required,
    Preferred,
    Responsibility,
    Context,
}

static PREFERRED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:nice[- ]to[- ]haves?|bonus|a\s+(?:big\s+)?plus|plus\s+if|ideally|preferred|preferably|preference|desirable|desired|advantage|advantageous|would\s+be\s+great|great\s+to\s+have|good\s+to\s+have|not\s+required|optional)\b",
    )
    .expect("preferred cue regex is valid")
});

static REQUIRED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:must|required|requires?|requirements?|you\s+have|you['’]ll\s+have|you\s+will\s+have|you\s+bring|you['’]ll\s+bring|(?:we['’]re|we\s+are)\s+looking\s+for|looking\s+for\s+(?:someone|a|an)|essential|mandatory|minimum|at\s+least|proficien\w*|experience\s+(?:with|in)|expertise|strong|solid|qualifications?)\b",
    )
    .expect("required cue regex is valid")
});

/// Analyses a job posting against the taxonomy. Deterministic: the same
/// input gives the same output.
pub fn analyze_job(job: &JobPosting, taxonomy: &Taxonomy) -> JobAnalysis {
    let sources = classify(job);
    let keywords = collect_keywords(&sources, taxonomy);
    let (required, preferred) = split_keywords(keywords);

    let required_requirements: Vec<String> = job
        .requirements
        .iter()
        .flat_map(|item| sentences(item))
        .filter(|s| !PREFERRED_CUE.is_match(s))
        .map(str::to_string)
        .collect();
    let years_experience = detect_years(&required_requirements, &job.description);
    let seniority = level_from_title(&job.title)
        .or_else(|| years_experience.map(level_from_years))
        .or_else(|| {
            let joined = format!("{}\n{}", job.description, job.requirements.join("\n"));
            level_from_phrase(&joined)
        })
        .map(level_name);
    let texts_of = |wanted: &[Source]| -> Vec<&str> {
        sources
            .iter()
            .filter(|(source, _)| wanted.contains(source))
            .map(|(_, text)| *text)
            .collect()
    };
    let education = degree::minimum_level(texts_of(&[Source::Required, Source::Context]))
        .or_else(|| degree::minimum_level(texts_of(&[Source::Preferred])))
        .map(|level| level.as_str().to_string());

    let context_terms: BTreeSet<String> = sources
        .iter()
        .filter(|(source, _)| *source != Source::Context)
        .flat_map(|(_, text)| content_words(text, taxonomy))
        .map(|word| word.stem)
        .collect();

    JobAnalysis {
        required,
        preferred,
        seniority,
        years_experience,
        education,
        responsibilities: clean_items(&job.responsibilities),
        title: collapse(&job.title),
        context_terms: context_terms.into_iter().collect(),
        text_hash: text_hash(job),
    }
}

/// Every sentence of the job with its source, in a fixed order: title,
/// requirements, preferred, responsibilities, description.
fn classify(job: &JobPosting) -> Vec<(Source, &str)> {
    let mut out = Vec::new();
    if !job.title.trim().is_empty() {
        out.push((Source::Title, job.title.trim()));
    }
    for item in &job.requirements {
        for sentence in sentences(item) {
            let source = if PREFERRED_CUE.is_match(sentence) {
                Source::Preferred
            } else {
                Source::Required
            };
            out.push((source, sentence));
        }
    }
    for item in &job.preferred {
        out.extend(sentences(item).into_iter().map(|s| (Source::Preferred, s)));
    }
    for item in &job.responsibilities {
        out.extend(
            sentences(item)
                .into_iter()
                .map(|s| (Source::Responsibility, s)),
        );
    }
    let unstructured = job.requirements.is_empty() && job.preferred.is_empty();
    for sentence in sentences(&job.description) {
        let source = if PREFERRED_CUE.is_match(sentence) {
            Source::Preferred
        } else if unstructured || REQUIRED_CUE.is_match(sentence) {
            Source::Required
        } else {
            Source::Context
        };
        out.push((source, sentence));
    }
    out
}

/// Splits at line breaks and at `.`, `!`, `?`, `;` followed by whitespace
/// (not after `e.g.`, `i.e.`, `etc.`, `vs.`, `incl.`, `approx.`).
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        let end = index + c.len_utf8();
        let boundary = c == '\n'
            || (matches!(c, '.' | '!' | '?' | ';')
                && next_is_space
                && !ends_with_abbreviation(&text[start..end]));
        if boundary {
            push_sentence(&mut out, &text[start..end]);
            start = end;
        }
    }
    push_sentence(&mut out, &text[start..]);
    out
}

/// `e.g.`, `i.e.`, `etc.`, `vs.`, `incl.`, `approx.` do not end a sentence.
fn ends_with_abbreviation(piece: &str) -> bool {
    let lower = piece.to_lowercase();
    ["e.g.", "i.e.", "etc.", "vs.", "incl.", "approx."]
        .iter()
        .any(|abbreviation| {
            lower.strip_suffix(abbreviation).is_some_and(|before| {
                before.is_empty() || before.ends_with(|c: char| !c.is_alphanumeric())
            })
        })
}

fn push_sentence<'a>(out: &mut Vec<&'a str>, piece: &'a str) {
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(trimmed);
    }
}

/// What is known about one term while reading the posting.
#[derive(Debug)]
struct Tally {
    category: Category,
    surfaces: BTreeSet<String>,
    required: bool,
    preferred: bool,
    responsibility: bool,
    title: bool,
    mentions: u32,
    /// Named outside any list of alternatives.
    standalone: bool,
    alternatives: BTreeSet<String>,
}

fn collect_keywords(sources: &[(Source, &str)], taxonomy: &Taxonomy) -> BTreeMap<String, Tally> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (source, text) in sources {
        let found_all = taxonomy.find(text);
        let runs = alternative_runs(text, &found_all);
        let names: Vec<String> = found_all.iter().map(|f| f.canonical.clone()).collect();
        for (index, found) in found_all.into_iter().enumerate() {
            let tally = tallies
                .entry(found.canonical.clone())
                .or_insert_with(|| Tally {
                    category: found.category,
                    surfaces: BTreeSet::new(),
                    required: false,
                    preferred: false,
                    responsibility: false,
                    title: false,
                    mentions: 0,
                    standalone: false,
                    alternatives: BTreeSet::new(),
                });
            tally.mentions += 1;
            if *source != Source::Context {
                tally.surfaces.insert(found.surface);
                match runs.iter().find(|run| run.contains(&index)) {
                    Some(run) => tally.alternatives.extend(
                        run.iter()
                            .map(|&i| names[i].clone())
                            .filter(|name| *name != found.canonical),
                    ),
                    None => tally.standalone = true,
                }
            }
            match source {
                Source::Title => {
                    tally.title = true;
                    tally.required = true;
                }
                Source::Required => tally.required = true,
                Source::Preferred => tally.preferred = true,
                Source::Responsibility => tally.responsibility = true,
                Source::Context => {}
            }
        }
    }
    tallies
}

/// Groups of match indices that a sentence offers as alternatives (module
/// docs); each group has at least two members.
fn alternative_runs(text: &str, found: &[SkillMatch]) -> Vec<Vec<usize>> {
    let mut runs = Vec::new();
    let mut run = vec![0usize];
    let mut alternative = false;
    let mut close = |run: &mut Vec<usize>, alternative: &mut bool, next: usize| {
        if *alternative && run.len() >= 2 {
            runs.push(std::mem::take(run));
        }
        *run = vec![next];
        *alternative = false;
    };
    for index in 1..found.len() {
        let gap: String = text[found[index - 1].end..found[index].start]
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')'))
            .flat_map(char::to_lowercase)
            .collect();
        match gap.as_str() {
            "/" | "or" | ",or" | "and/or" | ",and/or" => {
                alternative = true;
                run.push(index);
            }
            "," | "and" | ",and" => run.push(index),
            _ => close(&mut run, &mut alternative, index),
        }
    }
    close(&mut run, &mut alternative, found.len());
    runs
}

/// Turns tallies into the required and preferred lists (module docs).
fn split_keywords(tallies: BTreeMap<String, Tally>) -> (Vec<Keyword>, Vec<Keyword>) {
    let mut required = Vec::new();
    let mut preferred = Vec::new();
    for (term, tally) in tallies {
        let base = if tally.required {
            0.70
        } else if tally.preferred {
            0.35
        } else if tally.responsibility && tally.category != Category::SoftSkill {
            0.25
        } else {
            continue;
        };
        let frequency = 0.10 * f64::from(tally.mentions.saturating_sub(1).min(2));
        let title = if tally.title { 0.10 } else { 0.0 };
        let factor = match tally.category {
            Category::HardSkill | Category::Tool | Category::Certification => 1.0,
            Category::Domain | Category::Education | Category::Language => 0.85,
            Category::SoftSkill => 0.6,
        };
        let weight = round2(((base + frequency + title) * factor).min(1.0));
        let alternatives = if tally.standalone {
            Vec::new()
        } else {
            tally.alternatives.into_iter().collect()
        };
        let keyword = Keyword {
            term,
            surface_forms: tally.surfaces.into_iter().collect(),
            category: tally.category,
            weight,
            alternatives,
        };
        if tally.required {
            required.push(keyword);
        } else {
            preferred.push(keyword);
        }
    }
    for list in [&mut required, &mut preferred] {
        list.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| a.term.cmp(&b.term))
        });
    }
    (required, preferred)
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn level_name(level: ExperienceLevel) -> String {
    match level {
        ExperienceLevel::Entry => "entry",
        ExperienceLevel::Mid => "mid",
        ExperienceLevel::Senior => "senior",
        ExperienceLevel::Lead => "lead",
        ExperienceLevel::Executive => "executive",
    }
    .to_string()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean_items(items: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    items
        .iter()
        .map(|item| collapse(item))
        .filter(|item| !item.is_empty() && seen.insert(item.clone()))
        .collect()
}

/// FNV-1a (64-bit) of the normalised job: whitespace collapsed, fields
/// separated by 0x1F, list items by 0x1E. The key under which an analysis
/// may be cached ([`JobAnalysis::text_hash`]).
pub fn text_hash(job: &JobPosting) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    feed(collapse(&job.title).as_bytes());
    feed(&[0x1f]);
    feed(collapse(&job.description).as_bytes());
    for list in [&job.requirements, &job.preferred, &job.responsibilities] {
        feed(&[0x1f]);
        for item in list {
            feed(collapse(item).as_bytes());
            feed(&[0x1e]);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn analyze(
        title: &str,
        description: &str,
        requirements: &[&str],
        preferred: &[&str],
        responsibilities: &[&str],
    ) -> JobAnalysis {
        let job = JobPosting {
            title: title.to_owned(),
            company: None,
            description: description.to_owned(),
            requirements: strings(requirements),
            preferred: strings(preferred),
            responsibilities: strings(responsibilities),
        };
        analyze_job(&job, Taxonomy::shipped())
    }

    fn terms(keywords: &[Keyword]) -> Vec<&str> {
        keywords.iter().map(|k| k.term.as_str()).collect()
    }

    #[test]
    fn required_and_preferred_lists() {
        let analysis = analyze(
            "Senior Backend Engineer",
            "We are a payments company. You must know PostgreSQL. Kafka is a plus.",
            &[
                "5+ years with Go",
                "Experience with k8s and Terraform",
                "Helm is a plus",
            ],
            &["Terraform Cloud", "Rust"],
            &["Operate Kubernetes clusters", "Write Python tooling"],
        );
        let required = terms(&analysis.required);
        let preferred = terms(&analysis.preferred);
        for term in ["Go", "Kubernetes", "Terraform", "PostgreSQL"] {
            assert!(required.contains(&term), "{term} required in {required:?}");
        }
        for term in ["Helm", "Rust", "Apache Kafka", "Python"] {
            assert!(
                preferred.contains(&term),
                "{term} preferred in {preferred:?}"
            );
        }
        assert!(!preferred.contains(&"Terraform"), "required wins");
        let kubernetes = &analysis.required[required
            .iter()
            .position(|t| *t == "Kubernetes")
            .unwrap_or(0)];
        assert_eq!(kubernetes.surface_forms, ["Kubernetes", "k8s"]);
        assert_eq!(analysis.years_experience, Some(5));
        assert_eq!(analysis.seniority.as_deref(), Some("senior"));
        assert_eq!(analysis.title, "Senior Backend Engineer");
    }

    #[test]
    fn weights_follow_the_formula() {
        let analysis = analyze(
            "DevOps Engineer",
            "",
            &[
                "DevOps culture",
                "Kubernetes",
                "Kubernetes and Kubernetes again",
                "Communication skills",
            ],
            &["Ansible"],
            &["Mentor juniors"],
        );
        let weight = |term: &str| {
            analysis
                .required
                .iter()
                .chain(&analysis.preferred)
                .find(|k| k.term == term)
                .map(|k| k.weight)
        };
        // 0.70 + 0.10 (2nd mention) + 0.10 (title)
        assert_eq!(weight("DevOps"), Some(0.9));
        // 0.70 + 0.20 (capped frequency)
        assert_eq!(weight("Kubernetes"), Some(0.9));
        // 0.70 × 0.6
        assert_eq!(weight("Communication"), Some(0.42));
        assert_eq!(weight("Ansible"), Some(0.35));
        assert_eq!(analysis.required[0].term, "DevOps", "ties sort by term");
    }

    #[test]
    fn years_seniority_and_education() {
        let analysis = analyze(
            "Financial Analyst",
            "",
            &["3-5 years in FP&A", "BS/MS in Finance or Economics"],
            &["MBA"],
            &[],
        );
        assert_eq!(analysis.years_experience, Some(3));
        assert_eq!(analysis.seniority.as_deref(), Some("mid"));
        assert_eq!(analysis.education.as_deref(), Some("bachelor"));

        let analysis = analyze(
            "Nurse",
            "At least four years of experience.",
            &["BSN"],
            &[],
            &[],
        );
        assert_eq!(analysis.years_experience, Some(4));
        assert_eq!(analysis.education.as_deref(), Some("bachelor"));

        let analysis = analyze("Research Scientist", "", &["PhD in Chemistry"], &[], &[]);
        assert_eq!(analysis.education.as_deref(), Some("phd"));

        let analysis = analyze("Director of Finance", "", &[], &["MBA preferred"], &[]);
        assert_eq!(analysis.education.as_deref(), Some("master"));
        assert_eq!(analysis.seniority.as_deref(), Some("executive"));
    }

    #[test]
    fn description_cues() {
        let analysis = analyze(
            "Engineer",
            "Our office overlooks the harbour and we love Java.\nYou have shipped Rust services. Experience with Kafka would be great.",
            &["Go"],
            &[],
            &[],
        );
        assert!(terms(&analysis.required).contains(&"Rust"));
        assert!(terms(&analysis.preferred).contains(&"Apache Kafka"));
        assert!(!terms(&analysis.required).contains(&"Java"));
        assert!(!terms(&analysis.preferred).contains(&"Java"));
    }

    #[test]
    fn unstructured_posting_uses_the_description() {
        let analysis = analyze(
            "Data Analyst",
            "We use SQL and Tableau daily.",
            &[],
            &[],
            &[],
        );
        assert_eq!(terms(&analysis.required), ["SQL", "Tableau"]);
    }

    #[test]
    fn false_friends_are_not_keywords() {
        let analysis = analyze(
            "Sales Associate",
            "You are a go-getter who works closely with R&D. Go to market fast.",
            &["Experience with Q&A sessions"],
            &[],
            &[],
        );
        let all: Vec<&str> = terms(&analysis.required)
            .into_iter()
            .chain(terms(&analysis.preferred))
            .collect();
        assert!(!all.contains(&"Go"), "{all:?}");
        assert!(!all.contains(&"R"), "{all:?}");
    }

    #[test]
    fn hash_is_stable_and_whitespace_insensitive() {
        let a = analyze("Engineer", "Go  and\nRust", &["Kubernetes"], &[], &[]);
        let b = analyze("Engineer ", "Go and Rust", &["Kubernetes "], &[], &[]);
        let c = analyze("Engineer", "Go and Rust", &["Kubernetes"], &["Helm"], &[]);
        assert_eq!(a.text_hash, b.text_hash);
        assert_ne!(a.text_hash, c.text_hash);
        assert_eq!(a.text_hash.len(), 16);
        assert_eq!(
            a,
            analyze("Engineer", "Go  and\nRust", &["Kubernetes"], &[], &[])
        );
    }

    #[test]
    fn alternatives_are_recorded() {
        let analysis = analyze(
            "Engineer",
            "",
            &[
                "Python or Go",
                "GitHub Actions, Jenkins or GitLab CI",
                "Kubernetes and Docker",
                "Go experience",
            ],
            &[],
            &[],
        );
        let alternatives = |term: &str| {
            analysis
                .required
                .iter()
                .find(|k| k.term == term)
                .map(|k| k.alternatives.clone())
                .unwrap_or_default()
        };
        assert_eq!(alternatives("Python"), ["Go"]);
        assert!(alternatives("Go").is_empty(), "Go is also asked alone");
        assert_eq!(alternatives("Jenkins"), ["GitHub Actions", "GitLab CI"]);
        assert!(alternatives("Kubernetes").is_empty());
    }

    #[test]
    fn responsibilities_are_cleaned() {
        let analysis = analyze(
            "X",
            "",
            &[],
            &[],
            &["  Own   the roadmap ", "", "Own the roadmap"],
        );
        assert_eq!(analysis.responsibilities, ["Own the roadmap"]);
    }

    #[test]
    fn sentence_splitting() {
        assert_eq!(
            sentences("One. Two; three\nfour? Clouds (e.g. AWS) etc. Node.js"),
            [
                "One.",
                "Two;",
                "three",
                "four?",
                "Clouds (e.g. AWS) etc. Node.js"
            ]
        );
    }
}
