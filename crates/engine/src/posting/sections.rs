//! Body collection: walks the classified lines section by section, joins
//! wrapped bullets, sorts items into responsibilities / requirements /
//! preferred / benefits, and gathers prose paragraphs for the description.

use super::header::is_greeting;
use super::lines::{Heading, Line, LineKind, Section};
use super::text::{collapse_ws, fold, starts_lowercase, word_count};
use regex::Regex;
use std::sync::LazyLock;

/// The posting body after sectioning.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub description: String,
    pub responsibilities: Vec<String>,
    pub requirements: Vec<String>,
    pub preferred: Vec<String>,
    pub benefits: Vec<String>,
    /// Company named by an "About Acme" heading.
    pub about_company: Option<String>,
    /// The first prose paragraph under an "About" heading.
    pub about_paragraph: Option<String>,
}

/// Where a list item goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Responsibilities,
    Requirements,
    Preferred,
    Benefits,
    Description,
    Dropped,
}

/// The section a heading switches to, or `None` when it is only a lead-in
/// ("Tech stack:" inside a requirements list keeps the list going).
pub(crate) fn next_section(current: Section, heading: &Heading) -> Option<Section> {
    let lead_in = heading.section == Section::Unknown && !heading.strong && current.is_list();
    (!lead_in).then_some(heading.section)
}

/// Splits the lines (minus header lines) into description and item lists.
pub(crate) fn collect_body(lines: &[Line], consumed: &[usize]) -> Body {
    let bullets_in_run = bullets_per_line(lines, consumed);
    let mut collector = Collector::default();
    for (index, line) in lines.iter().enumerate() {
        if collector.signed_off {
            break;
        }
        if consumed.contains(&index) {
            collector.flush_all();
            continue;
        }
        match &line.kind {
            LineKind::Blank | LineKind::Field { .. } => collector.flush_all(),
            LineKind::Heading(heading) => collector.heading(heading),
            LineKind::Bullet(text) => collector.bullet(text, line.indent),
            LineKind::Text(text) => collector.text(text, line.indent, bullets_in_run[index]),
        }
    }
    collector.finish()
}

/// For every line: whether its section (run between headings) has bullets.
fn bullets_per_line(lines: &[Line], consumed: &[usize]) -> Vec<bool> {
    let mut runs = vec![false];
    let mut run_of_line = Vec::with_capacity(lines.len());
    let mut section = Section::Intro;
    for (index, line) in lines.iter().enumerate() {
        let used = !consumed.contains(&index);
        match &line.kind {
            LineKind::Heading(heading) if used => {
                if let Some(next) = next_section(section, heading) {
                    section = next;
                    runs.push(false);
                }
            }
            LineKind::Bullet(_) if used => {
                if let Some(last) = runs.last_mut() {
                    *last = true;
                }
            }
            _ => {}
        }
        run_of_line.push(runs.len() - 1);
    }
    run_of_line.into_iter().map(|run| runs[run]).collect()
}

/// An item being built (a bullet plus its wrapped lines).
#[derive(Debug)]
struct Pending {
    text: String,
    indent: usize,
}

#[derive(Debug)]
struct Collector {
    body: Body,
    section: Section,
    pending: Option<Pending>,
    paragraph: Vec<String>,
    paragraph_is_description: bool,
    paragraph_section: Section,
    paragraphs: Vec<String>,
    /// Prose outside description sections, used only if there is no other prose.
    fallback: Vec<String>,
    signed_off: bool,
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            body: Body::default(),
            section: Section::Intro,
            pending: None,
            paragraph: Vec::new(),
            paragraph_is_description: true,
            paragraph_section: Section::Intro,
            paragraphs: Vec::new(),
            fallback: Vec::new(),
            signed_off: false,
        }
    }
}

impl Collector {
    fn heading(&mut self, heading: &Heading) {
        self.flush_all();
        let Some(next) = next_section(self.section, heading) else {
            return;
        };
        self.section = next;
        if let Some(company) = &heading.company {
            self.body
                .about_company
                .get_or_insert_with(|| company.clone());
        }
        if let Some(inline) = &heading.inline {
            if self.section.is_list() {
                self.pending = Some(Pending {
                    text: inline.clone(),
                    indent: 0,
                });
            } else {
                self.add_prose(inline);
            }
        }
    }

    fn bullet(&mut self, text: &str, indent: usize) {
        self.flush_paragraph();
        self.flush_item();
        self.pending = Some(Pending {
            text: text.to_string(),
            indent,
        });
    }

    fn text(&mut self, text: &str, indent: usize, run_has_bullets: bool) {
        if is_sign_off(text) {
            self.flush_all();
            self.signed_off = true;
            return;
        }
        if is_greeting(text) {
            self.flush_all();
            return;
        }
        if let Some(pending) = self.pending.as_mut()
            && continues(pending, indent, text)
        {
            pending.text.push(' ');
            pending.text.push_str(text.trim());
            return;
        }
        self.flush_item();
        let lead_in = text.trim_end().ends_with(':');
        if self.section.is_list() && !run_has_bullets && !lead_in && word_count(text) <= 40 {
            self.flush_paragraph();
            self.pending = Some(Pending {
                text: text.to_string(),
                indent,
            });
        } else if !(lead_in && self.section.is_list()) {
            self.add_prose(text);
        }
    }

    fn add_prose(&mut self, text: &str) {
        let to_description = matches!(
            self.section,
            Section::Intro | Section::About | Section::Role | Section::Unknown
        );
        if !self.paragraph.is_empty() && self.paragraph_is_description != to_description {
            self.flush_paragraph();
        }
        if is_boilerplate(text) {
            return;
        }
        self.paragraph.push(clean_text(text));
        self.paragraph_is_description = to_description;
        self.paragraph_section = self.section;
    }

    fn flush_paragraph(&mut self) {
        if self.paragraph.is_empty() {
            return;
        }
        let joined = self.paragraph.join(" ");
        self.paragraph.clear();
        if self.paragraph_section == Section::About && self.body.about_paragraph.is_none() {
            self.body.about_paragraph = Some(joined.clone());
        }
        if self.paragraph_is_description {
            self.paragraphs.push(joined);
        } else {
            self.fallback.push(joined);
        }
    }

    fn flush_item(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let item = clean_item(&pending.text);
        if item.is_empty() {
            return;
        }
        match item_target(self.section, &item) {
            Target::Responsibilities => self.body.responsibilities.push(item),
            Target::Requirements => self.body.requirements.push(item),
            Target::Preferred => self.body.preferred.push(item),
            Target::Benefits => self.body.benefits.push(item),
            Target::Description => self.paragraphs.push(item),
            Target::Dropped => {}
        }
    }

    fn flush_all(&mut self) {
        self.flush_item();
        self.flush_paragraph();
    }

    fn finish(mut self) -> Body {
        self.flush_all();
        let prose = if self.paragraphs.is_empty() {
            &self.fallback
        } else {
            &self.paragraphs
        };
        self.body.description = prose.join("\n\n");
        self.body
    }
}

/// Whether a text line continues the pending item: it is indented further,
/// starts in lower case, or the item ends mid-phrase ("…, and").
fn continues(pending: &Pending, indent: usize, text: &str) -> bool {
    indent > pending.indent || starts_lowercase(text) || ends_open(&pending.text)
}

fn ends_open(text: &str) -> bool {
    let trimmed = text.trim_end();
    let last_word = fold(trimmed.rsplit(' ').next().unwrap_or(""));
    trimmed.ends_with([',', '-', '–', '(', '/', '&'])
        || [
            "and",
            "or",
            "of",
            "with",
            "to",
            "the",
            "a",
            "an",
            "in",
            "for",
            "including",
        ]
        .contains(&last_word.as_str())
}

/// Sign-off lines of an email; everything after them is a signature.
fn is_sign_off(text: &str) -> bool {
    let folded = fold(text);
    let core = folded.trim_end_matches([',', '.', '!', ' ']);
    [
        "best",
        "best regards",
        "kind regards",
        "warm regards",
        "regards",
        "cheers",
        "thanks",
        "thank you",
        "many thanks",
        "sincerely",
        "all the best",
        "talk soon",
        "best wishes",
        "warmly",
        "thanks so much",
    ]
    .contains(&core)
}

/// Lines that are not description prose: apply instructions, bare URLs,
/// hashtag lines ("#LI-Remote").
fn is_boilerplate(text: &str) -> bool {
    let folded = fold(text.trim());
    folded.starts_with("apply")
        || folded.starts_with("to apply")
        || folded.starts_with("http://")
        || folded.starts_with("https://")
        || folded.split_whitespace().all(|w| w.starts_with('#'))
}

/// Removes Markdown emphasis and collapses whitespace.
fn clean_text(text: &str) -> String {
    collapse_ws(&text.replace("**", "").replace("__", ""))
}

/// Cleans an item: Markdown emphasis removed, whitespace collapsed,
/// trailing `;` / `,` trimmed; otherwise verbatim.
fn clean_item(text: &str) -> String {
    clean_text(text)
        .trim_end_matches([';', ',', ' '])
        .to_string()
}

/// Where an item in `section` goes.
pub(crate) fn item_target(section: Section, item: &str) -> Target {
    match section {
        Section::Responsibilities => Target::Responsibilities,
        Section::Requirements if has_preferred_cue(item) => Target::Preferred,
        Section::Requirements => Target::Requirements,
        Section::Preferred => Target::Preferred,
        Section::Benefits => Target::Benefits,
        Section::About => Target::Description,
        Section::Ignored => Target::Dropped,
        Section::Intro | Section::Role | Section::Unknown => classify_by_wording(item),
    }
}

/// Phrases anywhere in an item that mark it as nice-to-have.
const PREFERRED_PHRASES: &[&str] = &[
    "(preferred)",
    "(nice to have)",
    "(nice-to-have)",
    "(bonus)",
    "(a plus)",
    "(plus)",
    "(optional)",
    "(desirable)",
    "is a plus",
    "are a plus",
    "would be a plus",
    "a big plus",
    "is a bonus",
    "are a bonus",
    "would be a bonus",
    "bonus points",
    "nice to have",
    "nice-to-have",
    "is preferred",
    "are preferred",
    "is desirable",
    "are desirable",
    "is an advantage",
    "an advantage",
    "is advantageous",
    "would be great",
    "would be nice",
    "ideally",
];

/// Item starts that mark it as nice-to-have.
const PREFERRED_STARTS: &[&str] = &[
    "preferred",
    "bonus",
    "plus:",
    "ideally",
    "preferably",
    "optional",
    "desirable",
    "extra points",
];

/// Whether an item is a nice-to-have: "(preferred)", "is a plus", "a bonus",
/// "ideally", "nice to have"…
pub(crate) fn has_preferred_cue(item: &str) -> bool {
    let folded = fold(item);
    let core = folded.trim_end_matches(['.', '!', ' ', ';', ',', ')']);
    PREFERRED_PHRASES.iter().any(|p| folded.contains(p))
        || PREFERRED_STARTS.iter().any(|p| folded.starts_with(p))
        || core.ends_with("a plus")
        || core.ends_with("a bonus")
}

/// Benefit wording.
const BENEFIT_CUES: &[&str] = &[
    "health insurance",
    "health benefits",
    "health plan",
    "private health",
    "medical",
    "dental",
    "vision insurance",
    "insurance",
    "pto",
    "paid time off",
    "vacation",
    "holiday",
    "days off",
    "equity",
    "stock option",
    "401(k)",
    "401k",
    "pension",
    "retirement",
    "parental leave",
    "maternity",
    "paternity",
    "learning budget",
    "training budget",
    "stipend",
    "allowance",
    "gym",
    "wellness",
    "flexible hours",
    "flexible working",
    "sabbatical",
    "annual bonus",
    "performance bonus",
    "competitive salary",
    "competitive pay",
    "free lunch",
    "meals",
    "snacks",
    "commuter",
    "childcare",
    "relocation",
    "visa sponsorship",
    "offsite",
    "retreat",
    "company laptop",
    "macbook",
    "paid leave",
    "sick leave",
];

static YEARS_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)\d{1,2}\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs?)(?-u:\b)")
        .expect("years cue regex is valid")
});

/// Wording that clearly asks something of the candidate.
const STRONG_REQUIREMENT_CUES: &[&str] = &[
    "degree",
    "bachelor",
    "master's",
    "masters",
    "phd",
    "experience with",
    "experience in",
    "experience building",
    "experience working",
    "proficien",
    "knowledge of",
    "familiar",
    "understanding of",
    "fluent",
    "fluency",
    "certif",
    "track record",
    "background in",
    "expertise",
    "you have",
    "you are",
    "you're",
    "you bring",
    "must have",
    "must be",
    "hands-on experience",
    "working knowledge",
];

/// Verbs that start a responsibility ("Build…", "Own…", "Designing…").
const ACTION_VERBS: &[&str] = &[
    "build",
    "design",
    "own",
    "lead",
    "develop",
    "write",
    "maintain",
    "create",
    "implement",
    "collaborate",
    "work",
    "drive",
    "manage",
    "ship",
    "partner",
    "mentor",
    "help",
    "support",
    "improve",
    "define",
    "deliver",
    "analyze",
    "analyse",
    "participate",
    "contribute",
    "review",
    "architect",
    "scale",
    "coordinate",
    "conduct",
    "ensure",
    "establish",
    "monitor",
    "optimize",
    "optimise",
    "plan",
    "prepare",
    "present",
    "research",
    "run",
    "set",
    "shape",
    "take",
    "test",
    "translate",
    "troubleshoot",
    "identify",
    "investigate",
    "deploy",
    "automate",
    "communicate",
    "operate",
    "handle",
    "respond",
    "assist",
    "answer",
    "process",
    "track",
    "oversee",
    "evaluate",
    "report",
    "execute",
    "launch",
    "grow",
    "hire",
    "champion",
    "advocate",
    "document",
    "configure",
    "integrate",
    "resolve",
    "serve",
    "teach",
    "train",
    "engage",
    "negotiate",
    "source",
    "recruit",
    "schedule",
    "prioritize",
    "prioritise",
    "facilitate",
    "produce",
    "edit",
    "turn",
    "make",
    "keep",
    "bring",
    "join",
    "pair",
    "debug",
    "refactor",
    "migrate",
    "instrument",
    "prototype",
    "spearhead",
    "act",
    "greet",
    "prepare",
    "clean",
];

/// Items that restate posting metadata ("Salary …", "Hybrid, 3 days …");
/// without a heading they belong to the description, not a list.
const METADATA_STARTS: &[&str] = &[
    "salary",
    "compensation",
    "pay ",
    "pay:",
    "base salary",
    "location",
    "hybrid",
    "remote",
    "fully remote",
    "on-site",
    "onsite",
    "full-time",
    "full time",
    "part-time",
    "start date",
    "reports to",
    "reporting to",
];

/// Classifies an item without a heading by its wording: metadata lines go
/// to the description; then nice-to-have cues, clear requirement wording
/// (years, degree, "experience with", "proficiency"), benefit wording
/// (insurance, PTO, equity, 401(k), parental leave), and responsibility
/// wording ("you will", a leading action verb); anything else is a
/// requirement.
pub(crate) fn classify_by_wording(item: &str) -> Target {
    let folded = fold(item);
    if METADATA_STARTS
        .iter()
        .any(|start| folded.starts_with(start))
    {
        return Target::Description;
    }
    if has_preferred_cue(item) {
        return Target::Preferred;
    }
    if YEARS_CUE.is_match(&folded)
        || STRONG_REQUIREMENT_CUES
            .iter()
            .any(|cue| folded.contains(cue))
    {
        return Target::Requirements;
    }
    if BENEFIT_CUES.iter().any(|cue| folded.contains(cue)) {
        return Target::Benefits;
    }
    if starts_with_action(&folded) {
        return Target::Responsibilities;
    }
    Target::Requirements
}

fn starts_with_action(folded: &str) -> bool {
    if ["you will", "you'll", "will ", "in this role"]
        .iter()
        .any(|p| folded.starts_with(p))
    {
        return true;
    }
    let first = folded
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    is_action_verb(first)
}

/// "build", "builds", "building", "writing" (→ "write"), "designed".
fn is_action_verb(word: &str) -> bool {
    let candidates = [
        Some(word.to_string()),
        word.strip_suffix('s').map(str::to_string),
        word.strip_suffix("es").map(str::to_string),
        word.strip_suffix("ing").map(str::to_string),
        word.strip_suffix("ing").map(|stem| format!("{stem}e")),
        word.strip_suffix("ed").map(str::to_string),
        word.strip_suffix('d').map(str::to_string),
    ];
    candidates
        .iter()
        .flatten()
        .any(|stem| ACTION_VERBS.contains(&stem.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferred_cues() {
        assert!(has_preferred_cue("Kubernetes experience is a plus"));
        assert!(has_preferred_cue("GraphQL (nice to have)"));
        assert!(has_preferred_cue("Ideally, some exposure to Terraform"));
        assert!(has_preferred_cue("Open-source contributions are a bonus."));
        assert!(has_preferred_cue("Familiarity with Figma (preferred)"));
        assert!(!has_preferred_cue("5+ years of Python"));
        assert!(!has_preferred_cue("Annual bonus scheme"));
    }

    #[test]
    fn wording_classification() {
        assert_eq!(
            classify_by_wording("3+ years of React"),
            Target::Requirements
        );
        assert_eq!(
            classify_by_wording("Bachelor's degree in CS"),
            Target::Requirements
        );
        assert_eq!(
            classify_by_wording("Build and ship features"),
            Target::Responsibilities
        );
        assert_eq!(
            classify_by_wording("Designing onboarding flows"),
            Target::Responsibilities
        );
        assert_eq!(
            classify_by_wording("Writing clear docs"),
            Target::Responsibilities
        );
        assert_eq!(
            classify_by_wording("You will own the roadmap"),
            Target::Responsibilities
        );
        assert_eq!(
            classify_by_wording("Working knowledge of SQL"),
            Target::Requirements
        );
        assert_eq!(
            classify_by_wording("Health insurance for you and your family"),
            Target::Benefits
        );
        assert_eq!(classify_by_wording("25 days PTO"), Target::Benefits);
        assert_eq!(
            classify_by_wording("Equity in a growing company"),
            Target::Benefits
        );
        assert_eq!(classify_by_wording("Rust"), Target::Requirements);
    }

    #[test]
    fn unbulleted_list_lines_are_separate_items() {
        let lines = crate::posting::lines::classify_lines(
            "Qualifications:\nBachelor's degree in CS\n5 years of Go\nKubernetes experience is a plus\n  including k3s",
        );
        let body = collect_body(&lines, &[]);
        assert_eq!(
            body.requirements,
            vec!["Bachelor's degree in CS", "5 years of Go"]
        );
        assert_eq!(
            body.preferred,
            vec!["Kubernetes experience is a plus including k3s"]
        );
    }

    #[test]
    fn items_are_trimmed_but_verbatim() {
        assert_eq!(clean_item("  **Go** and Rust;  "), "Go and Rust");
        assert_eq!(clean_item("SQL,"), "SQL");
    }
}
