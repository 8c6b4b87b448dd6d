//! The skills taxonomy: canonical skill names with aliases and a category,
//! and a matcher that finds them in running text.
//!
//! The shipped taxonomy (`assets/taxonomy/skills.json`, embedded at compile
//! time) is loaded once by [`Taxonomy::shipped`]; [`Taxonomy::from_json`]
//! builds one from any JSON array of [`SkillEntry`] values.
//!
//! # Tokens
//!
//! Text is split into tokens that keep programming names whole: `C++`, `C#`,
//! `F#`, `.NET`, `ASP.NET`, `Node.js`, `Vue.js`. `/` and `&` are tokens of
//! their own, so `CI/CD`, `A/B testing`, `TCP/IP`, `UI/UX`, `PL/SQL` and
//! `R&D` are matched as the phrases the taxonomy spells the same way.
//! Comparisons use a folded key: lower case, inner dots and apostrophes
//! removed (`NodeJS` and `Node.js` share the key `nodejs`).
//!
//! # Matching rules
//!
//! Every name and alias of an entry is a *form*; each form matches in one of
//! three modes:
//!
//! * **exact** — single-word forms of `case_sensitive` entries (`Go`, `R`,
//!   `Rust`, `Excel`, `Epic`) match only in their exact case, as whole
//!   tokens: not glued to `&`, `-`, `'`, `_` or `@` (so `go-getter`,
//!   `Go-to-market`, `R&D`, `Q&A` give nothing). At the start of a sentence,
//!   line or bullet (where capitalisation proves nothing) a word-like form
//!   followed by a lower-case preposition, determiner or pronoun reads as
//!   English and is skipped (`Go to market`, `Excel at`, `Lean into`), while
//!   `Go, Rust and SQL`, `Helm is a plus` and a skill-list item `R` match.
//!   A single letter at a sentence start followed by `.` or `)` is a list
//!   marker (`C. Requirements`) and is skipped.
//! * **acronym** — other single-word forms of 2–5 letters/digits with at
//!   least two capitals (`JS`, `RN`, `CPA`, `MS`, `PhD`, `iOS`) match when
//!   written exactly so or in all capitals, plus a plural `s` (`APIs`, `RNs`);
//!   lower-case `ms` or `ai` in prose are ignored. They must not be glued to
//!   `&`, `'`, `_` or `@`. A two-letter US state code after a capitalised
//!   word and a comma (`Boston, MA`) is a place, not a degree.
//! * **insensitive** — everything else (including multi-word forms of
//!   case-sensitive entries, such as `R programming`) matches in any case;
//!   the last word may carry a plural `s` for hard skills, tools, domains and
//!   certifications (`REST API` ← `REST APIs`), and a multi-word form ending
//!   in a plural also matches its singular (`Rolling Forecasts` ← `rolling
//!   forecast`).
//!
//! Multi-word forms match as phrases: consecutive words may be separated by
//! spaces or a hyphen (`C-sharp` = `C sharp`); where the form itself has
//! punctuation (`Governance, Risk, and Compliance`) any gap but a line break
//! is accepted. Matching is greedy from left to right and the longest form
//! starting at a token wins, so matches never overlap (`Go-to-Market` is one
//! match, never `Go`).
//!
//! # Cost
//!
//! Forms are indexed by the key of their first token in a hash map, each
//! bucket sorted longest form first. [`Taxonomy::find`] tokenises once
//! (O(n) in the text length), then per token does one or two hash lookups
//! and compares the few forms in that bucket token by token, stopping at the
//! first (longest) valid one: O(T · b · L) for T tokens, bucket size b (at
//! most ~120, for `certified`; usually 0–3) and form length L (≤ 8). No
//! regular expressions are involved. Building the index takes ~20 ms once;
//! a 600-word posting takes ~0.15 ms in a release build, half of it
//! tokenising.

mod tokenize;

pub(crate) use tokenize::{Gap, Token, tokenize};

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The shipped taxonomy file.
const SHIPPED_JSON: &str = include_str!("../../../../assets/taxonomy/skills.json");

/// Kind of skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A technical or professional skill (`Python`, `Financial Modeling`).
    HardSkill,
    /// A product or tool (`Kubernetes`, `Microsoft Excel`).
    Tool,
    /// An interpersonal skill (`Communication`).
    SoftSkill,
    /// A certification or licence (`CPA`, `Registered Nurse`).
    Certification,
    /// An industry or field (`Fintech`, `Healthcare`).
    Domain,
    /// A degree or qualification (`Bachelor of Science`).
    Education,
    /// A spoken language (`Spanish`).
    Language,
}

impl Category {
    /// The snake_case name used in JSON (`hard_skill`, `tool`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::HardSkill => "hard_skill",
            Category::Tool => "tool",
            Category::SoftSkill => "soft_skill",
            Category::Certification => "certification",
            Category::Domain => "domain",
            Category::Education => "education",
            Category::Language => "language",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One skill of the taxonomy, as stored in the JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillEntry {
    /// Canonical name (`PostgreSQL`).
    pub name: String,
    /// Other ways of writing it (`Postgres`, `psql`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Kind of skill.
    pub category: Category,
    /// Single-word forms match only in their exact case (`Go`, `R`).
    #[serde(default)]
    pub case_sensitive: bool,
}

/// A taxonomy term found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillMatch {
    /// Canonical name of the entry.
    pub canonical: String,
    /// Category of the entry.
    pub category: Category,
    /// The text as written (`k8s`, `Postgres`).
    pub surface: String,
    /// Byte offset of the first byte of `surface`.
    pub start: usize,
    /// Byte offset just past `surface`.
    pub end: usize,
}

/// Why a taxonomy could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaxonomyError {
    /// The JSON is malformed or does not have the expected shape.
    Json(String),
    /// The entry at this index has a name without any word in it.
    EmptyName {
        /// Position in the array.
        index: usize,
    },
}

impl fmt::Display for TaxonomyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaxonomyError::Json(message) => write!(f, "invalid taxonomy JSON: {message}"),
            TaxonomyError::EmptyName { index } => {
                write!(f, "taxonomy entry {index} has an empty name")
            }
        }
    }
}

impl std::error::Error for TaxonomyError {}

/// How a form's tokens are compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exact,
    Acronym,
    Insensitive,
}

#[derive(Debug)]
struct FormToken {
    key: String,
    plain: String,
    symbol: bool,
}

/// One name or alias, tokenised.
#[derive(Debug)]
struct Form {
    entry: usize,
    tokens: Vec<FormToken>,
    /// Per token: whether the gap before it in the form is a space, hyphen
    /// or nothing (as opposed to punctuation). Index 0 is unused.
    tight: Vec<bool>,
    mode: Mode,
    /// The last word may carry a plural `s` in the text.
    plural_ok: bool,
    /// The entry's category takes plurals (hard skills, tools, domains,
    /// certifications).
    plural_ok_category: bool,
    /// Upper-cased `plain` for acronyms.
    upper: String,
    /// Length of the written form, for ordering.
    written_len: usize,
}

/// The skills taxonomy with its matching index. See the module docs for the
/// matching rules.
#[derive(Debug)]
pub struct Taxonomy {
    entries: Vec<SkillEntry>,
    forms: Vec<Form>,
    /// First-token key → forms, longest first.
    by_first: HashMap<String, Vec<usize>>,
    /// Space-joined token keys of a whole form → entry.
    by_phrase: HashMap<String, usize>,
}

impl Taxonomy {
    /// The taxonomy shipped with JobWise, parsed and indexed on first use.
    pub fn shipped() -> &'static Taxonomy {
        static SHIPPED: OnceLock<Taxonomy> = OnceLock::new();
        SHIPPED
            .get_or_init(|| Taxonomy::from_json(SHIPPED_JSON).expect("shipped taxonomy is valid"))
    }

    /// Parses a JSON array of [`SkillEntry`] values and builds the index.
    /// When two entries share a form, the earlier entry wins.
    pub fn from_json(json: &str) -> Result<Taxonomy, TaxonomyError> {
        let entries: Vec<SkillEntry> =
            serde_json::from_str(json).map_err(|e| TaxonomyError::Json(e.to_string()))?;
        Taxonomy::from_entries(entries)
    }

    /// Builds the index over the given entries.
    pub fn from_entries(entries: Vec<SkillEntry>) -> Result<Taxonomy, TaxonomyError> {
        let mut forms = Vec::new();
        let mut by_phrase = HashMap::new();
        for (index, entry) in entries.iter().enumerate() {
            if tokenize(&entry.name).is_empty() {
                return Err(TaxonomyError::EmptyName { index });
            }
            for written in std::iter::once(&entry.name).chain(&entry.aliases) {
                let Some(form) = build_form(index, entry, written) else {
                    continue;
                };
                let variant = singular_variant(&form);
                for form in std::iter::once(form).chain(variant) {
                    by_phrase.entry(phrase_key(&form)).or_insert(index);
                    forms.push(form);
                }
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, form) in forms.iter().enumerate() {
            if let Some(first) = form.tokens.first() {
                by_first.entry(first.key.clone()).or_default().push(index);
            }
        }
        for bucket in by_first.values_mut() {
            bucket.sort_by_key(|&i| {
                let form = &forms[i];
                (
                    std::cmp::Reverse(form.tokens.len()),
                    std::cmp::Reverse(form.written_len),
                    i,
                )
            });
        }
        Ok(Taxonomy {
            entries,
            forms,
            by_first,
            by_phrase,
        })
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[SkillEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the taxonomy has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry a single term names, by its canonical name or an alias
    /// (`k8s` → Kubernetes, `Postgres` → PostgreSQL). The whole term must be
    /// one form; case is ignored even for case-sensitive entries, because a
    /// term given on its own (a skills-list item) is named as a skill. A
    /// plural `s` on the last word is tolerated.
    pub fn canonical(&self, term: &str) -> Option<&SkillEntry> {
        let tokens = tokenize(term);
        if tokens.is_empty() {
            return None;
        }
        let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
        if let Some(&entry) = self.by_phrase.get(&keys.join(" ")) {
            return self.entries.get(entry);
        }
        let last = tokens.last()?;
        let singular = last.singular_key()?;
        let mut keys = keys;
        let end = keys.len() - 1;
        keys[end] = singular;
        let entry = *self.by_phrase.get(&keys.join(" "))?;
        self.entries.get(entry)
    }

    /// Category of the entry a single term names (see [`Taxonomy::canonical`]).
    pub fn category_of(&self, term: &str) -> Option<Category> {
        self.canonical(term).map(|entry| entry.category)
    }

    /// Every taxonomy term in the text, in text order, never overlapping.
    pub fn find(&self, text: &str) -> Vec<SkillMatch> {
        let tokens = tokenize(text);
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(text, &tokens, i) {
                Some((form, len)) => {
                    let start = tokens[i].start;
                    let end = tokens[i + len - 1].end;
                    let entry = &self.entries[self.forms[form].entry];
                    found.push(SkillMatch {
                        canonical: entry.name.clone(),
                        category: entry.category,
                        surface: text[start..end].to_string(),
                        start,
                        end,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The longest valid form starting at token `i`: (form index, tokens).
    fn longest_at(&self, text: &str, tokens: &[Token<'_>], i: usize) -> Option<(usize, usize)> {
        let token = &tokens[i];
        let direct = self
            .by_first
            .get(token.key.as_str())
            .into_iter()
            .flatten()
            .find(|&&f| self.form_matches(text, tokens, i, f));
        if let Some(&form) = direct {
            return Some((form, self.forms[form].tokens.len()));
        }
        let singular = acronym_singular(token).or_else(|| token.singular_key())?;
        self.by_first
            .get(singular)
            .into_iter()
            .flatten()
            .find(|&&f| self.forms[f].tokens.len() == 1 && self.form_matches(text, tokens, i, f))
            .map(|&form| (form, 1))
    }

    fn form_matches(&self, text: &str, tokens: &[Token<'_>], i: usize, form_index: usize) -> bool {
        let form = &self.forms[form_index];
        let count = form.tokens.len();
        let Some(span) = tokens.get(i..i + count) else {
            return false;
        };
        for (j, (token, wanted)) in span.iter().zip(&form.tokens).enumerate() {
            if j > 0 {
                let gap_ok = if form.tight[j] {
                    token.gap.is_tight()
                } else {
                    token.gap != Gap::Break
                };
                if !gap_ok {
                    return false;
                }
            }
            if token.symbol != wanted.symbol {
                return false;
            }
            let last = j + 1 == count;
            let equal = match form.mode {
                Mode::Exact => token.plain == wanted.plain,
                Mode::Acronym => {
                    token.plain == wanted.plain
                        || token.plain == form.upper
                        || token.plain.strip_suffix('s') == Some(wanted.plain.as_str())
                }
                Mode::Insensitive => {
                    token.key == wanted.key
                        || (last
                            && form.plural_ok
                            && token.singular_key() == Some(wanted.key.as_str()))
                }
            };
            if !equal {
                return false;
            }
        }
        match form.mode {
            Mode::Insensitive => true,
            Mode::Exact | Mode::Acronym => context_allows(text, tokens, i, form),
        }
    }
}

/// Context checks for single-word exact and acronym forms (module docs).
fn context_allows(text: &str, tokens: &[Token<'_>], i: usize, form: &Form) -> bool {
    let token = &tokens[i];
    let before = text[..token.start].chars().next_back();
    let after = text[token.end..].chars().next();
    let glue: &[char] = match form.mode {
        Mode::Exact => &['&', '-', '\'', '’', '_', '@'],
        _ => &['&', '\'', '’', '_', '@'],
    };
    if before.is_some_and(|c| glue.contains(&c)) || after.is_some_and(|c| glue.contains(&c)) {
        return false;
    }
    if is_state_code(text, tokens, i) {
        return false;
    }
    if form.mode == Mode::Exact && token.gap.starts_sentence() {
        let single_letter = token.plain.chars().count() == 1;
        if single_letter && matches!(after, Some('.' | ')')) {
            return false;
        }
        if is_word_like(&token.plain) && followed_by_function_word(tokens.get(i + 1)) {
            return false;
        }
    }
    true
}

/// `Go`, `Rust`, `R`: capitalised like the first word of a sentence.
fn is_word_like(plain: &str) -> bool {
    let mut chars = plain.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// Whether the next word is a lower-case function word that makes a
/// sentence-initial capitalised word read as ordinary English (`Go to`,
/// `Excel at`, `Lean into`, `Chef de`).
fn followed_by_function_word(next: Option<&Token<'_>>) -> bool {
    next.is_some_and(|next| {
        matches!(next.gap, Gap::Space | Gap::Hyphen)
            && next.text.chars().next().is_some_and(char::is_lowercase)
            && FUNCTION_WORDS.contains(&next.key.as_str())
    })
}

/// Prepositions, determiners, pronouns and particles (see
/// [`followed_by_function_word`]).
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "across", "after", "ahead", "against", "all", "along", "an", "around",
    "at", "away", "back", "before", "behind", "beyond", "by", "de", "down", "for", "forth",
    "forward", "from", "further", "her", "here", "him", "his", "in", "into", "it", "its", "me",
    "my", "of", "off", "on", "onto", "our", "out", "over", "past", "some", "that", "the", "their",
    "them", "there", "these", "this", "those", "through", "to", "toward", "towards", "under", "up",
    "upon", "us", "we", "with", "you", "your",
];

/// Two-letter US state and territory codes.
const US_STATES: &[&str] = &[
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN",
    "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
    "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT",
    "WA", "WI", "WV", "WY",
];

/// `Boston, MA`: a state code after a capitalised word and a comma.
fn is_state_code(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    let token = &tokens[i];
    if !US_STATES.contains(&token.text) || i == 0 {
        return false;
    }
    let previous = &tokens[i - 1];
    let gap = &text[previous.end..token.start];
    gap.trim() == "," && previous.text.chars().next().is_some_and(char::is_uppercase)
}

fn build_form(entry_index: usize, entry: &SkillEntry, written: &str) -> Option<Form> {
    let tokens = tokenize(written);
    if tokens.is_empty() {
        return None;
    }
    let words = tokens.iter().filter(|t| !t.symbol).count();
    let first = &tokens[0];
    let mode = if words == 1 && tokens.len() == 1 && entry.case_sensitive {
        Mode::Exact
    } else if tokens.len() == 1 && is_acronym(&first.plain) {
        Mode::Acronym
    } else {
        Mode::Insensitive
    };
    let plural_ok_category = matches!(
        entry.category,
        Category::HardSkill | Category::Tool | Category::Domain | Category::Certification
    );
    let plural_ok = plural_ok_category
        && tokens
            .last()
            .is_some_and(|t| !t.symbol && t.key.chars().count() >= 3 && !t.key.ends_with('s'));
    let tight = tokens.iter().map(|t| t.gap.is_tight()).collect();
    Some(Form {
        entry: entry_index,
        upper: first.plain.to_uppercase(),
        tight,
        mode,
        plural_ok,
        plural_ok_category,
        written_len: written.len(),
        tokens: tokens
            .into_iter()
            .map(|t| FormToken {
                key: t.key,
                plain: t.plain,
                symbol: t.symbol,
            })
            .collect(),
    })
}

/// A multi-word form ending in a plural (`Rolling Forecasts`) also matches
/// its singular (`rolling forecast`), for the categories that take plurals.
fn singular_variant(form: &Form) -> Option<Form> {
    let last = form.tokens.last()?;
    let words = form.tokens.iter().filter(|t| !t.symbol).count();
    if form.mode != Mode::Insensitive || words < 2 || !form.plural_ok_category || last.symbol {
        return None;
    }
    let singular = tokenize::singular(&last.key)?;
    let mut tokens: Vec<FormToken> = form
        .tokens
        .iter()
        .map(|t| FormToken {
            key: t.key.clone(),
            plain: t.plain.clone(),
            symbol: t.symbol,
        })
        .collect();
    let end = tokens.len() - 1;
    tokens[end].key = singular.to_string();
    tokens[end].plain = singular.to_string();
    Some(Form {
        entry: form.entry,
        tokens,
        tight: form.tight.clone(),
        mode: form.mode,
        plural_ok: false,
        plural_ok_category: form.plural_ok_category,
        upper: form.upper.clone(),
        written_len: form.written_len.saturating_sub(1),
    })
}

/// `RNs` → `rn`: the key without the `s` of a capitalised plural.
fn acronym_singular<'t>(token: &'t Token<'_>) -> Option<&'t str> {
    let stem = token.plain.strip_suffix('s')?;
    let upper_before = stem.chars().next_back().is_some_and(char::is_uppercase);
    upper_before.then(|| token.key.strip_suffix('s')).flatten()
}

/// 2–5 letters/digits with at least two capitals (`JS`, `PhD`, `iOS`).
fn is_acronym(plain: &str) -> bool {
    let count = plain.chars().count();
    (2..=5).contains(&count)
        && plain.chars().all(char::is_alphanumeric)
        && plain.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn phrase_key(form: &Form) -> String {
    form.tokens
        .iter()
        .map(|t| t.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Taxonomy::shipped()
            .find(text)
            .into_iter()
            .map(|m| m.canonical)
            .collect()
    }

    fn has(text: &str, term: &str) -> bool {
        terms(text).iter().any(|t| t == term)
    }

    #[test]
    fn shipped_taxonomy_loads() {
        let taxonomy = Taxonomy::shipped();
        assert_eq!(taxonomy.len(), 3591);
        assert!(!taxonomy.is_empty());
    }

    #[test]
    fn programming_names_survive_tokenising() {
        let found = terms("C++, C#, F#, .NET, Node.js, Vue.js, CI/CD, A/B testing and TCP/IP");
        for term in [
            "C++",
            "C#",
            "F#",
            ".NET",
            "Node.js",
            "Vue.js",
            "CI/CD",
            "A/B testing",
            "TCP/IP",
        ] {
            assert!(found.iter().any(|t| t == term), "{term} in {found:?}");
        }
        assert!(has("UI/UX and PL/SQL", "UI/UX Design"));
        assert!(has("UI/UX and PL/SQL", "PL/SQL"));
    }

    #[test]
    fn aliases_and_punctuation() {
        assert_eq!(
            terms("PostgreSQL, postgres, Postgres,"),
            ["PostgreSQL", "PostgreSQL", "PostgreSQL"]
        );
        assert_eq!(terms("k8s"), ["Kubernetes"]);
        assert_eq!(terms("JS and TypeScript"), ["JavaScript", "TypeScript"]);
        assert_eq!(terms("Active RN license"), ["Registered Nurse"]);
        assert_eq!(terms("search engine optimization"), ["SEO"]);
        assert_eq!(terms("NodeJS"), ["Node.js"]);
        assert_eq!(terms("C-sharp or C sharp"), ["C#", "C#"]);
    }

    #[test]
    fn case_sensitive_words_need_their_case_and_whole_tokens() {
        assert!(!has("a real go-getter", "Go"));
        assert!(!has("A real Go-getter", "Go"));
        assert!(!has("ready to go to market", "Go"));
        assert!(has("We write Go and Rust", "Go"));
        assert!(has("Go, Rust", "Go"));
        assert!(!has("Go to market fast", "Go"));
        assert!(has("Python, R, SQL", "R"));
        assert!(has("R programming", "R"));
        assert!(!has("Work closely with R&D", "R"));
        assert!(!has("Q&A sessions", "R"));
        assert!(has("R", "R"));
        assert!(!has("C. Requirements", "C"));
        assert!(has("C and C++", "C"));
        assert!(has("Rust experience is required", "Rust"));
        assert!(has("Helm is a plus", "Helm"));
        assert!(!has("Excel at building relationships", "Microsoft Excel"));
        assert!(!has("Lean into ambiguity", "Lean"));
        assert!(has("Strong Rust experience", "Rust"));
    }

    #[test]
    fn acronyms_need_capitals() {
        assert!(!has("latency under 500 ms", "Master of Science"));
        assert!(has("BS/MS in Finance", "Master of Science"));
        assert!(has("BS/MS in Finance", "Bachelor of Science"));
        assert!(!has("Based in Boston, MA", "Master of Arts"));
        assert!(has("REST APIs", "REST APIs") || has("REST APIs", "REST API"));
        assert!(has("two RNs on shift", "Registered Nurse"));
    }

    #[test]
    fn longest_match_wins_without_overlap() {
        let found = Taxonomy::shipped().find("Go-to-Market planning and Apache Spark");
        let names: Vec<&str> = found.iter().map(|m| m.canonical.as_str()).collect();
        assert_eq!(names, ["Go-to-Market Strategy", "Apache Spark"]);
        assert_eq!(found[0].surface, "Go-to-Market");
        assert_eq!(
            &"Go-to-Market planning and Apache Spark"[found[1].start..found[1].end],
            "Apache Spark"
        );
    }

    #[test]
    fn plural_and_singular_phrases() {
        assert!(has("two RNs", "Registered Nurse"));
        assert!(has(
            "Built rolling forecast models",
            "Financial Forecasting"
        ));
        assert!(has("a data pipeline", "Data Pipelines"));
    }

    #[test]
    fn phrases_do_not_cross_sentences() {
        assert!(!has("We value data. Science is fun", "Data Science"));
        assert!(has("data science", "Data Science"));
    }

    #[test]
    fn canonical_lookup() {
        let taxonomy = Taxonomy::shipped();
        let name = |term: &str| taxonomy.canonical(term).map(|e| e.name.as_str());
        assert_eq!(name("k8s"), Some("Kubernetes"));
        assert_eq!(name("Postgres"), Some("PostgreSQL"));
        assert_eq!(name("golang"), Some("Go"));
        assert_eq!(name("CPA"), Some("CPA"));
        assert_eq!(name("Certified Public Accountant"), Some("CPA"));
        assert_eq!(name("nonsense words"), None);
        assert_eq!(name(""), None);
        assert_eq!(taxonomy.category_of("Terraform"), Some(Category::Tool));
        assert_eq!(taxonomy.category_of("RN"), Some(Category::Certification));
    }

    #[test]
    fn from_json_reports_errors() {
        assert!(matches!(
            Taxonomy::from_json("{"),
            Err(TaxonomyError::Json(_))
        ));
        assert_eq!(
            Taxonomy::from_json(r#"[{"name": " ", "category": "tool"}]"#).err(),
            Some(TaxonomyError::EmptyName { index: 0 })
        );
        let small = Taxonomy::from_json(
            r#"[{"name": "Widgets", "aliases": ["wdg"], "category": "tool", "case_sensitive": false}]"#,
        );
        let small = small.expect("valid");
        assert_eq!(small.find("wdg and widgets")[1].canonical, "Widgets");
    }

    #[test]
    fn finding_is_deterministic() {
        let text = "Senior DevOps: AWS, k8s, Terraform, Go; CI/CD with GitHub Actions.";
        assert_eq!(
            Taxonomy::shipped().find(text),
            Taxonomy::shipped().find(text)
        );
    }
}
