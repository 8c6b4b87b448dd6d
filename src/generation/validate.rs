//! Stage 4 — Quality Validation: factuality (blocking), ATS checks, keyword coverage and
//! readability of a drafted resume or cover letter. Pure and deterministic.
//!
//! # Factuality
//!
//! Every fact in the document must come from the profile:
//! * **numbers** (integers, decimals, percentages, money, years) in any line must appear in the
//!   profile's text (thousands separators ignored), be its GPA, or be the whole years of
//!   experience computed from its dates; a letter may also repeat numbers of the job title and
//!   company it names. Those two are names, not numbers, wherever they stand as a whole word
//!   (a company called `3` as much as `3M` or `84.51`), and are removed before the check.
//!   Dates of entries are checked against their source item.
//! * **skills**: every taxonomy term in the text must be a term the profile shows somewhere
//!   (the job title and company named in a letter are not claims and are skipped), written in
//!   the person's words: as the profile writes it, or as "<alias> (<person's form>)"
//!   (`relabelled_skill` otherwise, so "Incident Management" for "on-call teams" or "CCH
//!   Axcess" for "CCH" is caught). A resume's skill item must be a skill the person lists, or
//!   such an alias pair (`unlisted_skill`): a term only implied by a bullet is not listed.
//! * **employers and organisations**: a capitalised name after *at, for, with, joined, from*
//!   must appear in the profile (or be the letter's addressee, or a taxonomy term). A name
//!   ends at a full stop followed by a space and before a first-person word ("with Weisman
//!   Scores. I also…" names "Weisman Scores").
//! * **titles, employers, schools, degrees, projects, certifications** in structured entries
//!   must equal their source item; the headline must be one of the profile's titles.
//! * **sources**: a line's `source.item_id` must exist in the profile, and a line that states a
//!   fact (a number or a skill) must have a source.
//!
//! A factuality issue in an offline draft is the drafter's own mistake: stage 3 rebuilds or
//! drops the statement and validates again (`super::repair`), so only a document that could
//! not be repaired reaches stage 4 with one, and only that fails a generation.
//!
//! # ATS score (0–100)
//!
//! Resume checks and weights: contact details (email and phone or location) 15, standard
//! section headings 10, reverse-chronological experience 15, consistent dates (parseable, end
//! after start) 10, single-column layout (an ATS-friendly template) 10, bullet length (every
//! bullet 3 words to 220 characters) 10, keyword coverage 20 × coverage, page count within the
//! length option 10 (known after stage 5; assumed met until then). Letters: contact details
//! 20, names the company 20, names the role 20, at least two sourced facts 20, keyword coverage
//! 10 × coverage, fits on one page 10.
//!
//! # Keyword coverage (0–1)
//!
//! Of the required keywords the profile meets, the share the document shows: the term is found
//! in its text or a skill item names it (looked up whole, so the person's "excel" names
//! Microsoft Excel), or (for education keywords) the education entry that meets it is listed.
//! 1.0 when the profile meets none.
//!
//! # Readability (warnings, never blocking)
//!
//! First person in a resume, weak openers (*responsible for, helped, worked on, assisted*),
//! sentences over 35 words, and three or more bullets opening with the same word.

use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use jobwise_engine::profile::parse_date;
use jobwise_engine::{CompiledProfile, JobAnalysis, Profile, Taxonomy};
use jobwise_render::{CoverLetter, Document, Line, Resume, Template};
use regex::Regex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::draft::{MAX_BULLET_CHARS, experiences_newest_first, format_gpa, whole_years};

text_enum!(
    /// How serious a finding is.
    Severity {
        /// Never shipped: a factuality problem.
        Critical = "critical",
        /// Worth fixing; shipped.
        Warning = "warning",
        /// A hint.
        Info = "info",
    }
);

text_enum!(
    /// What a finding is about.
    IssueCategory {
        /// A statement the profile does not support.
        Factuality = "factuality",
        /// Applicant-tracking-system readability.
        Ats = "ats",
        /// Keyword coverage.
        Coverage = "coverage",
        /// Wording and sentence style.
        Readability = "readability",
    }
);

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Issue {
    /// `critical` (never shipped), `warning` or `info`.
    pub severity: Severity,
    /// `factuality`, `ats`, `coverage` or `readability`.
    pub category: IssueCategory,
    /// Stable machine code, e.g. `unknown_number`.
    pub code: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Where: a path into the structured content (`experience[0].bullets[1]`).
    pub location: String,
}

/// One weighted ATS check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Check {
    /// Check name.
    pub name: String,
    /// Points it is worth.
    pub weight: f64,
    /// Share of the points earned, 0–1.
    pub passed: f64,
}

/// Stage-4 output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ValidationReport {
    /// Weighted ATS checks, 0–100.
    pub ats_score: u8,
    /// Share of the required keywords the profile has that the document shows, 0–1.
    pub keyword_coverage: f64,
    /// Facts not found in the profile (critical: the document is not shipped).
    pub factuality_issues: Vec<Issue>,
    /// ATS, coverage and readability findings.
    pub issues: Vec<Issue>,
    /// The checks behind `ats_score`.
    pub checks: Vec<Check>,
    /// Required keywords the profile has that the document does not show.
    pub uncovered_keywords: Vec<String>,
    /// Asked for and absent from the profile: gaps, never written in.
    pub missing_keywords: Vec<String>,
}

impl ValidationReport {
    /// True when nothing blocks shipping.
    pub fn is_factual(&self) -> bool {
        self.factuality_issues.is_empty()
    }

    /// Records the page-count check (stage 5) and recomputes the score.
    pub fn set_page_fit(&mut self, fits: bool) {
        for check in &mut self.checks {
            if check.name == "page_count" {
                check.passed = if fits { 1.0 } else { 0.0 };
            }
        }
        if !fits {
            self.issues.push(issue(
                Severity::Warning,
                IssueCategory::Ats,
                "page_count",
                "The document is longer than its length option allows.".into(),
                "",
            ));
        }
        self.ats_score = score(&self.checks);
    }
}

/// What stage 4 checks against.
#[derive(Debug, Clone, Copy)]
pub struct ValidationInput<'a> {
    /// The master profile (the only source of facts).
    pub profile: &'a Profile,
    /// Stage 1.
    pub analysis: &'a JobAnalysis,
    /// Stage 2.
    pub compiled: &'a CompiledProfile,
    /// The job title a letter names.
    pub job_title: &'a str,
    /// The company a letter names.
    pub company: Option<&'a str>,
    /// The template (layout check).
    pub template: Template,
    /// The taxonomy.
    pub taxonomy: &'a Taxonomy,
}

fn issue(
    severity: Severity,
    category: IssueCategory,
    code: &str,
    message: String,
    location: &str,
) -> Issue {
    Issue {
        severity,
        category,
        code: code.to_owned(),
        message,
        location: location.to_owned(),
    }
}

fn score(checks: &[Check]) -> u8 {
    let total: f64 = checks
        .iter()
        .map(|c| c.weight * c.passed.clamp(0.0, 1.0))
        .sum();
    total.round().clamp(0.0, 100.0) as u8
}

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)*").expect("number regex is valid"));

/// A capitalised name after *at, for, with, joined, from*. A word may hold inner dots
/// ("84.51", "U.S") but a name never runs past a full stop followed by a space: "with
/// Weisman Scores. I also…" names "Weisman Scores", not "Weisman Scores. I".
static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:at|for|with|joined|from)\s+((?:[A-Z][\w&'\-]*(?:\.[\w&'\-]+)*)(?:\s+(?:[A-Z][\w&'\-]*(?:\.[\w&'\-]+)*|&|of))*)",
    )
    .expect("organisation regex is valid")
});

/// The organisation names in `text`: [`ORGANISATION`] captures, cut before a first-person
/// word ("for Acme I led…" names "Acme") and before a trailing "of" or "&".
fn organisation_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for capture in ORGANISATION.captures_iter(text) {
        let mut words: Vec<&str> = Vec::new();
        for word in capture[1].split_whitespace() {
            if matches!(word, "I" | "I'm" | "I've" | "I'd" | "I'll") {
                break;
            }
            words.push(word);
        }
        while words.last().is_some_and(|w| matches!(*w, "of" | "&")) {
            words.pop();
        }
        let name = words.join(" ");
        let name = name.trim_end_matches(['.', ',', '\'']);
        if !name.is_empty() {
            out.push(name.to_owned());
        }
    }
    out
}

static THOUSANDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}(,\d{3})+(\.\d+)?$").expect("thousands regex is valid"));

/// Normalises a number as written: thousands separators dropped, a decimal comma read as a
/// point, leading zeros and trailing decimal zeros trimmed ("1,200" → "1200", "3.50" → "3.5").
fn normalise_number(raw: &str) -> String {
    let text = if THOUSANDS.is_match(raw) {
        raw.replace(',', "")
    } else {
        raw.replace(',', ".")
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    }
}

fn numbers_in(text: &str) -> Vec<String> {
    NUMBER
        .find_iter(text)
        .map(|m| normalise_number(m.as_str().trim_end_matches([',', '.'])))
        .collect()
}

/// Every fact the profile states, normalised for lookup.
struct Facts {
    numbers: HashSet<String>,
    terms: HashSet<String>,
    text_lower: String,
    ids: HashSet<String>,
    titles: Vec<String>,
}

fn profile_texts(profile: &Profile) -> Vec<String> {
    let mut out = Vec::new();
    let p = &profile.personal_info;
    out.push(p.full_name.clone());
    out.extend(p.location.clone());
    if let Some(s) = &profile.professional_summary {
        out.push(s.clone());
    }
    for e in &profile.experiences {
        out.push(e.title.clone());
        out.push(e.company.clone());
        out.extend(e.location.clone());
        out.push(e.start_date.clone());
        out.extend(e.end_date.clone());
        out.extend(e.description.clone());
        out.extend(e.achievements.iter().cloned());
    }
    for e in &profile.education {
        out.push(e.institution.clone());
        out.push(e.degree.clone());
        out.extend(e.field_of_study.clone());
        out.extend(e.start_date.clone());
        out.extend(e.end_date.clone());
        out.extend(e.honors.iter().cloned());
        if let Some(gpa) = e.gpa {
            out.push(format_gpa(gpa));
        }
    }
    out.extend(profile.skills.technical.iter().cloned());
    out.extend(profile.skills.soft.iter().cloned());
    for l in &profile.skills.languages {
        out.push(l.name.clone());
    }
    for c in &profile.skills.certifications {
        out.push(c.name.clone());
        out.push(c.issuer.clone());
        out.extend(c.date_obtained.clone());
        out.extend(c.credential_id.clone());
    }
    for p in &profile.projects {
        out.push(p.name.clone());
        out.push(p.description.clone());
        out.extend(p.technologies.iter().cloned());
        out.extend(p.start_date.clone());
        out.extend(p.end_date.clone());
    }
    out
}

impl Facts {
    fn new(input: &ValidationInput) -> Self {
        let texts = profile_texts(input.profile);
        let mut numbers = HashSet::new();
        let mut terms = HashSet::new();
        for text in &texts {
            numbers.extend(numbers_in(text));
            for m in input.taxonomy.find(text) {
                terms.insert(m.canonical);
            }
        }
        let profile = input.profile;
        for skill in profile
            .skills
            .technical
            .iter()
            .chain(&profile.skills.soft)
            .chain(profile.skills.certifications.iter().map(|c| &c.name))
            .chain(profile.projects.iter().flat_map(|p| &p.technologies))
        {
            if let Some(entry) = input.taxonomy.canonical(skill) {
                terms.insert(entry.name.clone());
            }
        }
        // Education keywords the profile meets through its degrees.
        for req in &input.compiled.requirements {
            if req.met || req.satisfied_by.is_some() {
                terms.insert(req.requirement.clone());
            }
        }
        let years = whole_years(input.compiled);
        numbers.insert(years.to_string());
        let mut ids = HashSet::new();
        ids.insert("summary".to_owned());
        for e in &profile.experiences {
            ids.insert(e.id.clone());
            for i in 0..e.achievements.len() {
                ids.insert(format!("{}#{i}", e.id));
            }
        }
        ids.extend(profile.education.iter().map(|e| e.id.clone()));
        ids.extend(profile.projects.iter().map(|p| p.id.clone()));
        ids.extend(profile.skills.certifications.iter().map(|c| c.id.clone()));
        ids.extend(
            profile
                .skills
                .technical
                .iter()
                .chain(&profile.skills.soft)
                .map(|s| s.trim().to_owned()),
        );
        let titles = profile
            .experiences
            .iter()
            .map(|e| e.title.trim().to_lowercase())
            .collect();
        Facts {
            numbers,
            terms,
            text_lower: texts.join("\n").to_lowercase(),
            ids,
            titles,
        }
    }
}

/// A line to check, with its location.
struct Checked<'a> {
    location: String,
    text: &'a str,
    source: Option<&'a jobwise_render::Source>,
    /// Must carry a source when it states a fact.
    claims: bool,
}

fn push<'a>(out: &mut Vec<Checked<'a>>, location: String, line: &'a Line, claims: bool) {
    out.push(Checked {
        location,
        text: &line.text,
        source: line.source.as_ref(),
        claims,
    });
}

fn resume_lines(resume: &Resume) -> Vec<Checked<'_>> {
    let mut out = Vec::new();
    if let Some(summary) = &resume.summary {
        push(&mut out, "summary".into(), summary, true);
    }
    for (g, group) in resume.skills.iter().enumerate() {
        for (i, item) in group.items.iter().enumerate() {
            push(&mut out, format!("skills[{g}].items[{i}]"), item, true);
        }
    }
    for (e, entry) in resume.experience.iter().enumerate() {
        for (i, bullet) in entry.bullets.iter().enumerate() {
            push(
                &mut out,
                format!("experience[{e}].bullets[{i}]"),
                bullet,
                true,
            );
        }
    }
    for (p, project) in resume.projects.iter().enumerate() {
        push(
            &mut out,
            format!("projects[{p}].description"),
            &project.description,
            true,
        );
        for (i, bullet) in project.bullets.iter().enumerate() {
            push(
                &mut out,
                format!("projects[{p}].bullets[{i}]"),
                bullet,
                true,
            );
        }
    }
    for (e, entry) in resume.education.iter().enumerate() {
        for (i, detail) in entry.details.iter().enumerate() {
            push(
                &mut out,
                format!("education[{e}].details[{i}]"),
                detail,
                true,
            );
        }
    }
    for (s, section) in resume.extra_sections.iter().enumerate() {
        for (i, item) in section.items.iter().enumerate() {
            push(
                &mut out,
                format!("extra_sections[{s}].items[{i}]"),
                item,
                true,
            );
        }
    }
    out
}

fn letter_lines(letter: &CoverLetter) -> Vec<Checked<'_>> {
    let mut out = Vec::new();
    for (i, paragraph) in letter.paragraphs.iter().enumerate() {
        push(&mut out, format!("paragraphs[{i}]"), paragraph, true);
    }
    out
}

/// Removes the job title and company a letter names, so they are not read as claims: a name
/// is a name even when it is all digits (a company called `3`), so it is removed wherever it
/// stands as a whole word ("at 3," but not the 3 of "30%" or "3.5").
fn without_job_names(text: &str, input: &ValidationInput) -> String {
    let mut out = text.to_owned();
    for name in [Some(input.job_title), input.company].into_iter().flatten() {
        out = without_name(&out, name.trim());
    }
    out
}

/// `text` with every whole-word occurrence of `name` replaced by a space. Whole word: the
/// characters on either side are not letters or digits, and not a decimal point or
/// thousands separator joining it to more digits.
fn without_name(text: &str, name: &str) -> String {
    if name.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices(name) {
        if at < copied {
            continue; // overlaps the previous occurrence
        }
        let mut before = text[..at].chars().rev();
        let mut after = text[at + name.len()..].chars();
        let (b1, b2) = (before.next(), before.next());
        let (a1, a2) = (after.next(), after.next());
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let joined_before =
            matches!(b1, Some('.' | ',')) && digit(b2) || matches!(b1, Some('$' | '€' | '£' | '#'));
        let joined_after = matches!(a1, Some('.' | ',')) && digit(a2) || matches!(a1, Some('%'));
        let whole = !b1.is_some_and(char::is_alphanumeric)
            && !a1.is_some_and(char::is_alphanumeric)
            && !joined_before
            && !joined_after;
        if whole {
            out.push_str(&text[copied..at]);
            out.push(' ');
            copied = at + name.len();
        }
    }
    out.push_str(&text[copied..]);
    out
}

fn check_factuality(
    input: &ValidationInput,
    facts: &Facts,
    lines: &[Checked],
    letter: bool,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut known_orgs: Vec<String> = Vec::new();
    if letter {
        known_orgs.extend(input.company.map(str::to_lowercase));
        known_orgs.push(input.job_title.to_lowercase());
    }
    for line in lines {
        let text = if letter {
            without_job_names(line.text, input)
        } else {
            line.text.to_owned()
        };
        let states_fact = stated_facts(input, facts, line, &text, &mut issues);
        if line.location.starts_with("skills[") && !listed_skill(input, line.text) {
            issues.push(critical(
                "unlisted_skill",
                format!("{} is not a skill the profile lists.", line.text),
                &line.location,
            ));
        }
        for name in organisation_names(&text) {
            if !known_organisation(input, facts, &known_orgs, &name) {
                issues.push(critical(
                    "unknown_organisation",
                    format!("{name} is not an employer, school or name in the profile."),
                    &line.location,
                ));
            }
        }
        match line.source {
            Some(source) if !facts.ids.contains(source.item_id.trim()) => {
                issues.push(critical(
                    "unknown_source",
                    format!(
                        "The source {} is not an item of the profile.",
                        source.item_id
                    ),
                    &line.location,
                ));
            }
            None if line.claims && states_fact => issues.push(critical(
                "unsourced_fact",
                "A line that states a fact has no source in the profile.".into(),
                &line.location,
            )),
            _ => {}
        }
    }
    issues
}

/// A critical factuality issue.
fn critical(code: &str, message: String, location: &str) -> Issue {
    issue(
        Severity::Critical,
        IssueCategory::Factuality,
        code,
        message,
        location,
    )
}

/// Checks the numbers and skills a line states against the profile; true when it states any.
fn stated_facts(
    input: &ValidationInput,
    facts: &Facts,
    line: &Checked,
    text: &str,
    issues: &mut Vec<Issue>,
) -> bool {
    let mut states_fact = false;
    for number in numbers_in(text) {
        states_fact = true;
        if !facts.numbers.contains(&number) {
            issues.push(critical(
                "unknown_number",
                format!("The number {number} does not appear in the profile."),
                &line.location,
            ));
        }
    }
    for found in input.taxonomy.find(text) {
        states_fact = true;
        if !facts.terms.contains(&found.canonical) {
            issues.push(critical(
                "unknown_skill",
                format!("The profile does not show {}.", found.canonical),
                &line.location,
            ));
        } else if !own_wording(input, facts, text, &found) {
            issues.push(critical(
                "relabelled_skill",
                format!(
                    "{} is not how the profile names this skill; use the person's words.",
                    found.surface
                ),
                &line.location,
            ));
        }
    }
    states_fact
}

/// A capitalised name the profile, the job (in a letter) or the taxonomy knows.
fn known_organisation(
    input: &ValidationInput,
    facts: &Facts,
    known_orgs: &[String],
    name: &str,
) -> bool {
    let lower = name.to_lowercase();
    facts.text_lower.contains(&lower)
        || known_orgs.iter().any(|o| o.contains(&lower))
        || input.taxonomy.canonical(name).is_some()
        || input
            .taxonomy
            .find(name)
            .first()
            .is_some_and(|m| m.start == 0)
}

/// True when a taxonomy term found in a document line is written in the person's words: as
/// the profile writes it somewhere (case and a plural ending aside), or as "<alias>
/// (<person's form>)" with the person's form naming the same entry.
fn own_wording(
    input: &ValidationInput,
    facts: &Facts,
    text: &str,
    found: &jobwise_engine::SkillMatch,
) -> bool {
    let surface = found.surface.to_lowercase();
    if facts.text_lower.contains(&surface) {
        return true;
    }
    // A plural of the person's word is still their word ("dashboards" for "dashboard"); not
    // for an acronym ("AWS" is not a plural of "aw").
    let lower_ending = found.surface.chars().rev().take(2).all(char::is_lowercase);
    let singulars = [surface.strip_suffix("es"), surface.strip_suffix('s')];
    if lower_ending
        && singulars
            .into_iter()
            .flatten()
            .filter(|s| s.chars().count() >= 3)
            .any(|s| whole_word_in(&facts.text_lower, s))
    {
        return true;
    }
    let Some(inner) = text[found.end..]
        .strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
        .map(|(inner, _)| inner.trim())
    else {
        return false;
    };
    facts.text_lower.contains(&inner.to_lowercase())
        && input
            .taxonomy
            .canonical(inner)
            .is_some_and(|e| e.name == found.canonical)
}

/// True when `word` occurs in `text` with no letter or digit on either side.
fn whole_word_in(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !text[at + word.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// True when a resume's skill item is a skill the person lists (technical, soft, a project's
/// technologies; case aside), or "<alias> (<listed skill>)" for the same taxonomy entry.
fn listed_skill(input: &ValidationInput, item: &str) -> bool {
    let profile = input.profile;
    let listed = |s: &str| {
        profile
            .skills
            .technical
            .iter()
            .chain(&profile.skills.soft)
            .chain(profile.projects.iter().flat_map(|p| &p.technologies))
            .any(|l| same(l, s))
    };
    if listed(item) {
        return true;
    }
    let Some((alias, person)) = item
        .trim()
        .strip_suffix(')')
        .and_then(|rest| rest.split_once(" ("))
    else {
        return false;
    };
    let entry = |s: &str| input.taxonomy.canonical(s).map(|e| e.name.clone());
    listed(person) && entry(alias).is_some() && entry(alias) == entry(person)
}

/// Facts a rewording adds to its original: numbers, taxonomy terms and organisation names
/// found in `suggested` but not in `original`. Empty means the rewording only changes words.
pub fn added_facts(original: &str, suggested: &str, taxonomy: &Taxonomy) -> Vec<String> {
    let mut added = Vec::new();
    let known_numbers: HashSet<String> = numbers_in(original).into_iter().collect();
    for n in numbers_in(suggested) {
        if !known_numbers.contains(&n) {
            added.push(format!("the number {n}"));
        }
    }
    let known_terms: HashSet<String> = taxonomy
        .find(original)
        .into_iter()
        .map(|m| m.canonical)
        .collect();
    for m in taxonomy.find(suggested) {
        if !known_terms.contains(&m.canonical) {
            added.push(m.canonical);
        }
    }
    let lower = original.to_lowercase();
    for name in organisation_names(suggested) {
        if !lower.contains(&name.to_lowercase()) && taxonomy.canonical(&name).is_none() {
            added.push(name);
        }
    }
    added
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn same_date(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |d: Option<&str>| d.map(str::trim).filter(|d| !d.is_empty()).map(parse_date);
    norm(a) == norm(b)
}

/// Structured entries against their source items.
fn check_entries(input: &ValidationInput, facts: &Facts, resume: &Resume) -> Vec<Issue> {
    let mut wrong = Wrong(Vec::new());
    if let Some(headline) = &resume.header.headline
        && !facts.titles.contains(&headline.trim().to_lowercase())
    {
        wrong.push(
            "unknown_title",
            format!("The headline {headline:?} is not a title held in the profile."),
            "header.headline".into(),
        );
    }
    check_experience_entries(input.profile, resume, &mut wrong);
    check_education_and_projects(input.profile, resume, &mut wrong);
    check_certifications_and_languages(input.profile, resume, &mut wrong);
    wrong.0
}

/// Critical factuality issues about structured entries.
struct Wrong(Vec<Issue>);

impl Wrong {
    fn push(&mut self, code: &str, message: String, location: String) {
        self.0.push(critical(code, message, &location));
    }
}

/// Each role's title, employer and dates against the experience it cites.
fn check_experience_entries(profile: &Profile, resume: &Resume, wrong: &mut Wrong) {
    for (i, entry) in resume.experience.iter().enumerate() {
        let Some(source) = entry_source(profile, entry) else {
            wrong.push(
                "unknown_source",
                format!("Experience {:?} is not in the profile.", entry.title.text),
                format!("experience[{i}]"),
            );
            continue;
        };
        if !same(&entry.title.text, &source.title) {
            wrong.push(
                "unknown_title",
                format!("The title {:?} differs from the profile.", entry.title.text),
                format!("experience[{i}].title"),
            );
        }
        if !same(&entry.company.text, &source.company) {
            wrong.push(
                "unknown_organisation",
                format!(
                    "The employer {:?} differs from the profile.",
                    entry.company.text
                ),
                format!("experience[{i}].company"),
            );
        }
        let end = if source.is_current {
            None
        } else {
            source.end_date.as_deref()
        };
        if !same_date(Some(&entry.start_date), Some(&source.start_date))
            || !same_date(entry.end_date.as_deref(), end)
        {
            wrong.push(
                "unknown_date",
                "The dates differ from the profile.".into(),
                format!("experience[{i}].start_date"),
            );
        }
    }
}

/// The experience a resume role cites. Ids should be unique, but a profile may repeat one (or
/// leave several empty): the source is the experience with its id that it matches best
/// (title, employer, start date), the first on a tie.
fn entry_source<'p>(
    profile: &'p Profile,
    entry: &jobwise_render::Experience,
) -> Option<&'p jobwise_engine::profile::Experience> {
    let mut best: Option<(&jobwise_engine::profile::Experience, usize)> = None;
    for e in profile
        .experiences
        .iter()
        .filter(|e| e.id == entry.source_id)
    {
        let score = usize::from(same(&entry.title.text, &e.title))
            + usize::from(same(&entry.company.text, &e.company))
            + usize::from(same_date(Some(&entry.start_date), Some(&e.start_date)));
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((e, score));
        }
    }
    best.map(|(e, _)| e)
}

/// Each degree and project is one of the profile's.
fn check_education_and_projects(profile: &Profile, resume: &Resume, wrong: &mut Wrong) {
    for (i, entry) in resume.education.iter().enumerate() {
        let found = profile.education.iter().any(|e| {
            same(&e.institution, &entry.institution)
                && same(&e.degree, &entry.degree)
                && same_date(e.end_date.as_deref(), entry.end_date.as_deref())
                && same_date(e.start_date.as_deref(), entry.start_date.as_deref())
        });
        if !found {
            wrong.push(
                "unknown_education",
                format!(
                    "{} at {} is not in the profile.",
                    entry.degree, entry.institution
                ),
                format!("education[{i}]"),
            );
        }
    }
    for (i, project) in resume.projects.iter().enumerate() {
        if !profile
            .projects
            .iter()
            .any(|p| same(&p.name, &project.name.text))
        {
            wrong.push(
                "unknown_project",
                format!("The project {:?} is not in the profile.", project.name.text),
                format!("projects[{i}].name"),
            );
        }
    }
}

/// Each certification and language is one of the profile's.
fn check_certifications_and_languages(profile: &Profile, resume: &Resume, wrong: &mut Wrong) {
    for (i, cert) in resume.certifications.iter().enumerate() {
        let found = profile.skills.certifications.iter().any(|c| {
            same(&c.name, &cert.name)
                && same(&c.issuer, &cert.issuer)
                && same_date(c.date_obtained.as_deref(), cert.date.as_deref())
        });
        if !found {
            wrong.push(
                "unknown_certification",
                format!("The certification {:?} is not in the profile.", cert.name),
                format!("certifications[{i}]"),
            );
        }
    }
    for (i, language) in resume.languages.iter().enumerate() {
        if !profile.skills.languages.iter().any(|l| {
            same(&l.name, &language.name) && same(l.proficiency.as_str(), &language.proficiency)
        }) {
            wrong.push(
                "unknown_language",
                format!("{} is not a language of the profile.", language.name),
                format!("languages[{i}]"),
            );
        }
    }
}

/// Keyword coverage over the document's text and listed entries.
/// `named` are single skill names (a resume's skill items), looked up whole, so a
/// case-sensitive entry written in lower case by the person ("excel") still counts.
fn coverage(
    input: &ValidationInput,
    text: &str,
    named: &[&str],
    sources: &BTreeSet<String>,
) -> (f64, Vec<String>) {
    let mut shown: HashSet<String> = input
        .taxonomy
        .find(text)
        .into_iter()
        .map(|m| m.canonical)
        .collect();
    for name in named {
        // "Amazon Web Services (AWS)": each part names the skill.
        let parts = name.trim_end_matches(')').split(" (");
        for part in std::iter::once(*name).chain(parts) {
            if let Some(entry) = input.taxonomy.canonical(part) {
                shown.insert(entry.name.clone());
            }
        }
    }
    let categories: std::collections::HashMap<&str, &str> = input
        .analysis
        .required
        .iter()
        .map(|k| (k.term.as_str(), k.category.as_str()))
        .collect();
    let mut total = 0usize;
    let mut uncovered = Vec::new();
    for req in input
        .compiled
        .requirements
        .iter()
        .filter(|r| r.required && r.met)
    {
        total += 1;
        let by_entry = categories.get(req.requirement.as_str()) == Some(&"education")
            && req.evidence.iter().any(|e| sources.contains(&e.item_id));
        if !(shown.contains(&req.requirement) || by_entry) {
            uncovered.push(req.requirement.clone());
        }
    }
    if total == 0 {
        return (1.0, uncovered);
    }
    let covered = (total - uncovered.len()) as f64 / total as f64;
    ((covered * 1000.0).round() / 1000.0, uncovered)
}

const STANDARD_EXTRA_HEADINGS: &[&str] = &[
    "Awards",
    "Publications",
    "Volunteering",
    "Volunteer Experience",
    "Interests",
    "Activities",
    "Honors",
    "Courses",
    "References",
];

const WEAK_OPENERS: &[&str] = &[
    "responsible for",
    "helped",
    "worked on",
    "assisted",
    "duties included",
    "tasked with",
];

fn readability(lines: &[Checked], resume: bool) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut openers: std::collections::BTreeMap<String, usize> = Default::default();
    for line in lines {
        let lower = line.text.trim().to_lowercase();
        if resume
            && line
                .text
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .any(|w| matches!(w, "I" | "I'm" | "I've" | "me" | "my" | "My"))
        {
            issues.push(issue(
                Severity::Warning,
                IssueCategory::Readability,
                "first_person",
                "Resumes read better without the first person.".into(),
                &line.location,
            ));
        }
        if let Some(weak) = WEAK_OPENERS.iter().find(|w| lower.starts_with(*w)) {
            issues.push(issue(
                Severity::Info,
                IssueCategory::Readability,
                "weak_opener",
                format!("Starts with the weak opener {weak:?}; lead with what was done."),
                &line.location,
            ));
        }
        for sentence in super::draft::sentences(line.text) {
            let words = sentence.split_whitespace().count();
            if words > 35 {
                issues.push(issue(
                    Severity::Info,
                    IssueCategory::Readability,
                    "long_sentence",
                    format!("A sentence of {words} words; consider splitting it."),
                    &line.location,
                ));
            }
        }
        if line.location.contains(".bullets[")
            && let Some(first) = lower.split_whitespace().next()
        {
            *openers.entry(first.to_owned()).or_default() += 1;
        }
    }
    for (word, count) in openers {
        if count >= 3 {
            issues.push(issue(
                Severity::Info,
                IssueCategory::Readability,
                "repeated_opener",
                format!("{count} bullets start with {word:?}; vary the verbs."),
                "experience",
            ));
        }
    }
    issues
}

fn check(name: &str, weight: f64, passed: f64) -> Check {
    Check {
        name: name.to_owned(),
        weight,
        passed,
    }
}

fn ats_friendly(template: Template) -> bool {
    crate::templates::is_ats_friendly(template)
}

/// Validates a drafted document (stage 4).
pub fn validate_document(input: &ValidationInput, document: &Document) -> ValidationReport {
    let facts = Facts::new(input);
    match document {
        Document::Resume(resume) => validate_resume(input, &facts, resume),
        Document::CoverLetter(letter) => validate_letter(input, &facts, letter),
    }
}

/// A resume: its statements and entries against the profile, the ATS checks, keyword coverage
/// and readability.
fn validate_resume(input: &ValidationInput, facts: &Facts, resume: &Resume) -> ValidationReport {
    let lines = resume_lines(resume);
    let mut factuality = check_factuality(input, facts, &lines, false);
    factuality.extend(check_entries(input, facts, resume));
    let (text, sources) = resume_text(input, resume, &lines);
    let named: Vec<&str> = resume
        .skills
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.text.as_str()))
        .collect();
    let (keyword_coverage, uncovered) = coverage(input, &text, &named, &sources);
    let checks = resume_checks(input, resume, keyword_coverage);
    let mut issues = ats_issues(&checks);
    for term in &uncovered {
        issues.push(issue(
            Severity::Warning,
            IssueCategory::Coverage,
            "keyword_not_shown",
            format!(
                "The profile shows {term}, which the posting requires, but this document does not."
            ),
            "",
        ));
    }
    issues.extend(readability(&lines, true));
    report(
        input,
        checks,
        issues,
        factuality,
        (keyword_coverage, uncovered),
    )
}

/// All the text a resume shows (its lines, then entry names) and the profile items it cites
/// (line sources, and the education entries it lists).
fn resume_text(
    input: &ValidationInput,
    resume: &Resume,
    lines: &[Checked],
) -> (String, BTreeSet<String>) {
    let mut text = String::new();
    let mut sources = BTreeSet::new();
    for line in lines {
        text.push_str(line.text);
        text.push('\n');
        if let Some(s) = line.source {
            sources.insert(s.item_id.clone());
        }
    }
    for e in &resume.experience {
        text.push_str(&format!("{}\n{}\n", e.title.text, e.company.text));
    }
    for e in &resume.education {
        text.push_str(&format!("{}\n{}\n", e.degree_line(), e.institution));
    }
    for c in &resume.certifications {
        text.push_str(&format!("{}\n", c.name));
    }
    for l in &resume.languages {
        text.push_str(&format!("{}\n", l.name));
    }
    for p in &resume.projects {
        text.push_str(&format!("{}\n{}\n", p.name.text, p.technologies.join(", ")));
    }
    let profile_education = input.profile.education.iter().filter(|e| {
        resume
            .education
            .iter()
            .any(|d| same(&d.institution, &e.institution) && same(&d.degree, &e.degree))
    });
    sources.extend(profile_education.map(|e| e.id.clone()));
    (text, sources)
}

/// The resume's ATS checks, weighted.
fn resume_checks(input: &ValidationInput, resume: &Resume, keyword_coverage: f64) -> Vec<Check> {
    let header = &resume.header;
    let contact = match (
        header.email.is_some(),
        header.phone.is_some() || header.location.is_some(),
    ) {
        (true, true) => 1.0,
        (true, false) | (false, true) => 0.5,
        (false, false) => 0.0,
    };
    let headings = resume
        .extra_sections
        .iter()
        .all(|s| STANDARD_EXTRA_HEADINGS.iter().any(|h| same(h, &s.heading)));
    let chronological = reverse_chronological(input, resume);
    vec![
        check("contact_details", 15.0, contact),
        check("standard_headings", 10.0, f64::from(u8::from(headings))),
        check(
            "reverse_chronological",
            15.0,
            f64::from(u8::from(chronological)),
        ),
        check(
            "consistent_dates",
            10.0,
            f64::from(u8::from(consistent_dates(resume))),
        ),
        check(
            "single_column",
            10.0,
            f64::from(u8::from(ats_friendly(input.template))),
        ),
        check("bullet_length", 10.0, bullet_share(resume)),
        check("keyword_coverage", 20.0, keyword_coverage),
        check("page_count", 10.0, 1.0),
    ]
}

/// The roles appear newest first (as the profile's dates order them).
fn reverse_chronological(input: &ValidationInput, resume: &Resume) -> bool {
    let newest = experiences_newest_first(input.profile);
    let order: Vec<usize> = resume
        .experience
        .iter()
        .filter_map(|e| {
            input
                .profile
                .experiences
                .iter()
                .position(|p| p.id == e.source_id)
        })
        .filter_map(|i| newest.iter().position(|&n| n == i))
        .collect();
    order.windows(2).all(|w| w[0] < w[1])
}

/// Every role has a readable start, and an end (if any) that is readable and not earlier.
fn consistent_dates(resume: &Resume) -> bool {
    resume.experience.iter().all(|e| {
        let start = parse_date(&e.start_date);
        let end = e.end_date.as_deref().map(parse_date);
        start.is_some()
            && match end {
                None => true,
                Some(None) => false,
                Some(Some(end)) => end.0 >= start.map_or(0, |s| s.0),
            }
    })
}

/// Share of bullets of a readable length (at most [`MAX_BULLET_CHARS`], at least 3 words).
fn bullet_share(resume: &Resume) -> f64 {
    let bullets: Vec<&Line> = resume.experience.iter().flat_map(|e| &e.bullets).collect();
    let good_bullets = bullets
        .iter()
        .filter(|b| {
            b.text.chars().count() <= MAX_BULLET_CHARS && b.text.split_whitespace().count() >= 3
        })
        .count();
    if bullets.is_empty() {
        1.0
    } else {
        good_bullets as f64 / bullets.len() as f64
    }
}

/// A warning for each failed check but keyword coverage (reported term by term).
fn ats_issues(checks: &[Check]) -> Vec<Issue> {
    checks
        .iter()
        .filter(|c| c.passed < 1.0 && c.name != "keyword_coverage")
        .map(|c| {
            issue(
                Severity::Warning,
                IssueCategory::Ats,
                &c.name,
                ats_message(&c.name),
                "",
            )
        })
        .collect()
}

/// A cover letter: its statements against the profile, the letter checks, keyword coverage
/// and readability.
fn validate_letter(
    input: &ValidationInput,
    facts: &Facts,
    letter: &CoverLetter,
) -> ValidationReport {
    let lines = letter_lines(letter);
    let factuality = check_factuality(input, facts, &lines, true);
    let text: String = lines.iter().map(|l| format!("{}\n", l.text)).collect();
    let sources: BTreeSet<String> = lines
        .iter()
        .filter_map(|l| l.source.map(|s| s.item_id.clone()))
        .collect();
    let (keyword_coverage, uncovered) = coverage(input, &text, &[], &sources);
    let names_company = input.company.is_none_or(|c| text.contains(c.trim()));
    let names_role = text.contains(input.job_title.trim());
    let cited = sources.len();
    let checks = vec![
        check(
            "contact_details",
            20.0,
            f64::from(u8::from(letter.sender.email.is_some())),
        ),
        check("names_company", 20.0, f64::from(u8::from(names_company))),
        check("names_role", 20.0, f64::from(u8::from(names_role))),
        check("cites_profile_facts", 20.0, (cited as f64 / 2.0).min(1.0)),
        check("keyword_coverage", 10.0, keyword_coverage),
        check("page_count", 10.0, 1.0),
    ];
    let mut issues = ats_issues(&checks);
    issues.extend(readability(&lines, false));
    report(
        input,
        checks,
        issues,
        factuality,
        (keyword_coverage, uncovered),
    )
}

/// One document's report: the score from its checks, the findings, and the keyword coverage
/// with the required keywords it does not show (the profile's gaps come from stage 2).
fn report(
    input: &ValidationInput,
    checks: Vec<Check>,
    issues: Vec<Issue>,
    factuality: Vec<Issue>,
    (keyword_coverage, uncovered): (f64, Vec<String>),
) -> ValidationReport {
    ValidationReport {
        ats_score: score(&checks),
        keyword_coverage,
        factuality_issues: factuality,
        issues,
        checks,
        uncovered_keywords: uncovered,
        missing_keywords: input.compiled.missing_keywords.clone(),
    }
}

fn ats_message(check: &str) -> String {
    match check {
        "contact_details" => "Contact details are incomplete (email, and phone or location).",
        "standard_headings" => "A section heading is not one applicant-tracking systems know.",
        "reverse_chronological" => "Experience is not in reverse-chronological order.",
        "consistent_dates" => "A date is malformed or ends before it starts.",
        "single_column" => "This template is not the strict single-column layout; use ats_optimized for ATS portals.",
        "bullet_length" => "Some bullets are too long (over 220 characters) or too short (under 3 words).",
        "names_company" => "The letter does not name the company.",
        "names_role" => "The letter does not name the role.",
        "cites_profile_facts" => "The letter cites fewer than two facts from the profile.",
        _ => "A check did not pass.",
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generation::testing::{Run, job};

    const NURSE: &str = r#"{
        "personal_info": {"full_name": "Aoife Brennan", "email": "aoife@example.com", "location": "Quincy, MA"},
        "experiences": [{
            "id": "exp-1", "title": "Registered Nurse", "company": "Bayside Mercy Hospital",
            "start_date": "2018-09", "is_current": true,
            "achievements": [
                "Raised patient satisfaction with Weisman Scores",
                "Led hourly rounding on a 32-bed unit"
            ]
        }],
        "skills": {"technical": ["Epic", "Patient Care"], "soft": ["Communication"]}
    }"#;

    const ACCOUNTANT: &str = r#"{
        "personal_info": {"full_name": "Maeve Doyle", "email": "maeve@example.com", "location": "Cork"},
        "experiences": [{
            "id": "exp-1", "title": "Senior Accountant", "company": "Harrow Pike",
            "start_date": "2017-03", "is_current": true,
            "achievements": [
                "Coordinated on-call teams for the month-end close",
                "Prepared tax returns in CCH for 120 clients using SQL extracts",
                "Built a pivot table for the month-end close"
            ]
        }],
        "skills": {"technical": ["SOX Compliance", "CCH", "AWS"]}
    }"#;

    #[test]
    fn a_relabelled_or_implied_skill_is_caught() {
        let run = Run::new(
            ACCOUNTANT,
            job(
                "Senior Accountant",
                Some("Quarry Lane"),
                &[
                    "SOX",
                    "CCH Axcess",
                    "Amazon Web Services",
                    "Incident Management",
                    "SQL",
                ],
            ),
        );
        let mut drafts = run.drafts();
        assert_eq!(run.factuality(&drafts[0]), Vec::<String>::new());
        let Document::Resume(resume) = &mut drafts[0] else {
            panic!("the first draft is the resume");
        };
        let items: Vec<&str> = resume.skills[0]
            .items
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert!(items.contains(&"Amazon Web Services (AWS)"), "{items:?}");
        let source = resume.skills[0].items[0].source.clone();
        for (text, code) in [
            ("CCH Axcess", "relabelled_skill"),
            // "SOX" is inside the person's "SOX Compliance", but it is not what they list.
            ("SOX", "unlisted_skill"),
            ("SQL", "unlisted_skill"),
            ("Amazon AWS (CCH)", "unlisted_skill"),
        ] {
            let mut edited = resume.clone();
            edited.skills[0].items[0] = Line {
                text: text.to_owned(),
                source: source.clone(),
                changed: true,
            };
            let report = run.validate(&Document::Resume(edited));
            let codes: Vec<&str> = report
                .factuality_issues
                .iter()
                .map(|i| i.code.as_str())
                .collect();
            assert!(codes.contains(&code), "{text}: {codes:?}");
        }
        // A plural of the person's own word is theirs; an acronym is not a plural.
        let mut edited = resume.clone();
        edited.summary = Some(Line::sourced(
            "Senior Accountant who built pivot tables for the month-end close.",
            "profile",
            "summary",
            "professional_summary",
        ));
        assert!(run.validate(&Document::Resume(edited)).is_factual());
        let mut edited = resume.clone();
        edited.summary = Some(Line::sourced(
            "Senior Accountant skilled in Incident Management.",
            "profile",
            "summary",
            "professional_summary",
        ));
        let report = run.validate(&Document::Resume(edited));
        let codes: Vec<&str> = report
            .factuality_issues
            .iter()
            .map(|i| i.code.as_str())
            .collect();
        assert_eq!(codes, vec!["relabelled_skill"]);
    }

    #[test]
    fn roles_without_ids_are_checked_against_the_role_they_show() {
        let profile = r#"{
            "personal_info": {"full_name": "A B", "email": "a@example.com"},
            "experiences": [
                {"title": "Analyst", "company": "Brackley Foods", "start_date": "2019", "is_current": true,
                 "achievements": ["Built 12 dashboards in Tableau"]},
                {"title": "Intern", "company": "37signals", "start_date": "2015-03", "end_date": "2015-12",
                 "achievements": ["Answered 40 support tickets a day"]}
            ],
            "skills": {"technical": ["Tableau"]}
        }"#;
        let run = Run::new(profile, job("Analyst", Some("Quarry Lane"), &["Tableau"]));
        let drafts = run.drafts();
        let Document::Resume(resume) = &drafts[0] else {
            panic!("the first draft is the resume");
        };
        assert_eq!(resume.experience.len(), 2);
        assert_eq!(run.factuality(&drafts[0]), Vec::<String>::new());
        // A wrong title is still caught.
        let mut edited = resume.clone();
        edited.experience[1].title.text = "Senior Intern".to_owned();
        let issues = run.factuality(&Document::Resume(edited));
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(
            issues[0].contains("\"Senior Intern\" differs"),
            "{issues:?}"
        );
    }

    #[test]
    fn a_name_never_runs_past_a_full_stop_or_into_i() {
        assert_eq!(
            organisation_names("I raised scores with Weisman Scores. I also led rounding."),
            vec!["Weisman Scores"]
        );
        assert_eq!(organisation_names("Worked for Acme I led it"), vec!["Acme"]);
        assert_eq!(
            organisation_names("Sold at Harbor Point Regional Medical Center."),
            vec!["Harbor Point Regional Medical Center"]
        );
        assert_eq!(organisation_names("Banked with U.S. Bank"), vec!["U.S"]);
        assert_eq!(
            organisation_names("joined Bank of America."),
            vec!["Bank of America"]
        );
    }

    #[test]
    fn weisman_scores_then_i_is_not_an_unknown_employer() {
        // Issue 11: a letter paragraph of two bullets, the first ending in a capitalised
        // name, was failed as "Weisman Scores. I is not an employer, school or name".
        let run = Run::new(
            NURSE,
            job(
                "Registered Nurse",
                Some("Harbor Point"),
                &["Patient Care", "Epic"],
            ),
        );
        let mut drafts = run.drafts();
        for document in &drafts {
            assert_eq!(run.factuality(document), Vec::<String>::new());
        }
        let Document::CoverLetter(letter) = &mut drafts[1] else {
            panic!("the second draft is the letter");
        };
        letter.paragraphs[1].text =
            "As Registered Nurse at Bayside Mercy Hospital, I raised patient \
             satisfaction with Weisman Scores. I also led hourly rounding on a 32-bed unit."
                .to_owned();
        assert_eq!(run.factuality(&drafts[1]), Vec::<String>::new());
        // An employer the profile does not have is still caught, in either sentence.
        let Document::CoverLetter(letter) = &mut drafts[1] else {
            unreachable!()
        };
        letter.paragraphs[1].text =
            "I raised patient satisfaction with Weisman Scores. I also worked for Lakeside Clinic."
                .to_owned();
        let issues = run.factuality(&drafts[1]);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(
            issues[0].starts_with("Lakeside Clinic is not"),
            "{issues:?}"
        );
    }

    #[test]
    fn a_company_named_with_digits_only_is_a_name() {
        // Issue 13, defect 10: a company named `3` failed every cover letter ("the number 3
        // does not appear in the profile"); `3M`, `84.51` and `37signals` were fine.
        for company in ["3", "3M", "84.51", "37signals"] {
            let run = Run::new(
                NURSE,
                job("Registered Nurse", Some(company), &["Patient Care"]),
            );
            let drafts = run.drafts();
            let Document::CoverLetter(letter) = &drafts[1] else {
                panic!("the second draft is the letter");
            };
            assert!(
                letter.paragraphs[0]
                    .text
                    .contains(&format!("at {company}."))
            );
            assert_eq!(
                run.factuality(&drafts[1]),
                Vec::<String>::new(),
                "{company}"
            );
        }
    }

    #[test]
    fn a_name_is_removed_only_as_a_whole_word() {
        assert_eq!(
            without_name("the role at 3. Thank you", "3"),
            "the role at  . Thank you"
        );
        assert_eq!(
            without_name("support 3, and 3's team", "3"),
            "support  , and  's team"
        );
        assert_eq!(
            without_name("cut 30% and 3.5 days, $3, 13", "3"),
            "cut 30% and 3.5 days, $3, 13"
        );
        assert_eq!(without_name("up 3% at 3", "3"), "up 3% at  ");
        assert_eq!(without_name("at 3M and 3Mx", "3M"), "at   and 3Mx");
        assert_eq!(without_name("at 84.51.", "84.51"), "at  .");
    }

    #[test]
    fn a_number_next_to_a_digit_company_is_still_checked() {
        let run = Run::new(NURSE, job("Registered Nurse", Some("3"), &["Patient Care"]));
        let mut drafts = run.drafts();
        let Document::CoverLetter(letter) = &mut drafts[1] else {
            panic!("the second draft is the letter");
        };
        letter.paragraphs[1].text = "I cut waits by 35% for 3.".to_owned();
        let issues = run.factuality(&drafts[1]);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(issues[0].contains("The number 35 "), "{issues:?}");
    }
}
