//! Lexical relevance for what the taxonomy misses: content words (stemmed,
//! stop words and generic posting words removed, taxonomy terms excluded)
//! and a BM25 scorer over a small document set.
//!
//! Words are the tokens of [`crate::taxonomy`], lower-cased; tokens with
//! digits, symbols and words shorter than three letters are dropped. The
//! stemmer is deliberately light and deterministic: `-ies` → `-y`, then one
//! of `-ing`, `-ed`, `-es`, `-s` (keeping at least three letters; not the
//! `s` of `-ss`, `-us`, `-is`), then a final `-e` (`managed`, `manages`,
//! `managing`, `manage` → `manag`).

use crate::taxonomy::{Taxonomy, tokenize};
use std::collections::{BTreeMap, BTreeSet};

/// A content word: its stem and the first spelling seen (lower case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub stem: String,
    pub surface: String,
}

/// Content words of a text outside taxonomy matches, in text order.
pub(crate) fn content_words(text: &str, taxonomy: &Taxonomy) -> Vec<Word> {
    let spans: Vec<(usize, usize)> = taxonomy
        .find(text)
        .into_iter()
        .map(|m| (m.start, m.end))
        .collect();
    words_outside(text, &spans)
}

/// Content words of a text, taxonomy terms included (for short names such
/// as a skills-list item, whose words are the whole point).
pub(crate) fn all_content_words(text: &str) -> Vec<Word> {
    words_outside(text, &[])
}

fn words_outside(text: &str, spans: &[(usize, usize)]) -> Vec<Word> {
    let mut span = spans.iter().peekable();
    let mut words = Vec::new();
    for token in tokenize(text) {
        while span.next_if(|&&(_, end)| end <= token.start).is_some() {}
        let covered = span
            .peek()
            .is_some_and(|&&(start, end)| start <= token.start && token.end <= end);
        if covered || token.symbol {
            continue;
        }
        let key = token.key.as_str();
        let usable = key.chars().count() >= 3
            && key.chars().all(char::is_alphabetic)
            && !STOP_WORDS.contains(&key);
        if usable {
            words.push(Word {
                stem: stem(key),
                surface: key.to_string(),
            });
        }
    }
    words
}

/// Light suffix-stripping stemmer (module docs).
pub(crate) fn stem(word: &str) -> String {
    let long_enough = |s: &str| s.chars().count() >= 3;
    if let Some(base) = word.strip_suffix("ies").filter(|b| long_enough(b)) {
        return format!("{base}y");
    }
    let mut out = word;
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            let keeps_s = suffix == "s" && ["s", "u", "i"].iter().any(|e| base.ends_with(e));
            if long_enough(base) && !keeps_s {
                out = base;
                break;
            }
        }
    }
    if let Some(base) = out.strip_suffix('e').filter(|b| long_enough(b)) {
        out = base;
    }
    out.to_string()
}

/// BM25 over a fixed set of documents (k1 = 1.2, b = 0.75).
///
/// `idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))` over all documents; the
/// average document length is taken per group, so short bullets are not
/// compared against long role descriptions.
#[derive(Debug, Default)]
pub(crate) struct Bm25 {
    documents: usize,
    document_frequency: BTreeMap<String, usize>,
    /// Group → (total length, documents).
    lengths: BTreeMap<u8, (usize, usize)>,
}

const K1: f64 = 1.2;
const B: f64 = 0.75;

impl Bm25 {
    /// Registers a document of `group`.
    pub(crate) fn add(&mut self, group: u8, words: &[Word]) {
        self.documents += 1;
        let distinct: BTreeSet<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        for stem in distinct {
            *self.document_frequency.entry(stem.to_string()).or_default() += 1;
        }
        let entry = self.lengths.entry(group).or_default();
        entry.0 += words.len();
        entry.1 += 1;
    }

    fn idf(&self, stem: &str) -> f64 {
        let n = self.documents as f64;
        let df = self.document_frequency.get(stem).copied().unwrap_or(0) as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Score of a document against the query stems, with each matching
    /// query word's contribution (first spelling in the document), largest
    /// first.
    pub(crate) fn score(
        &self,
        group: u8,
        words: &[Word],
        query: &BTreeSet<String>,
    ) -> (f64, Vec<(String, f64)>) {
        let (total, count) = self.lengths.get(&group).copied().unwrap_or((0, 0));
        let average = if count == 0 || total == 0 {
            1.0
        } else {
            total as f64 / count as f64
        };
        let length = words.len() as f64;
        let mut frequency: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
        for word in words.iter().filter(|w| query.contains(&w.stem)) {
            frequency
                .entry(word.stem.as_str())
                .or_insert((0, word.surface.as_str()))
                .0 += 1;
        }
        let mut parts: Vec<(String, f64)> = frequency
            .into_iter()
            .map(|(stem, (tf, surface))| {
                let tf = tf as f64;
                let saturation = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / average));
                (surface.to_string(), self.idf(stem) * saturation)
            })
            .collect();
        parts.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let total_score = parts.iter().map(|(_, s)| s).sum();
        (total_score, parts)
    }
}

/// English stop words plus words every posting and resume uses, which say
/// nothing about fit.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "etc",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "like",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "need",
    "needs",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "using",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "we're",
    "you'll",
    "you're",
    "youll",
    "youre",
    "weve",
    "dont",
    "ability",
    "able",
    "bonus",
    "candidate",
    "candidates",
    "demonstrated",
    "desired",
    "equivalent",
    "excellent",
    "experience",
    "experienced",
    "experiences",
    "familiar",
    "familiarity",
    "good",
    "great",
    "hands",
    "ideal",
    "ideally",
    "including",
    "knowledge",
    "least",
    "looking",
    "minimum",
    "nice",
    "plus",
    "preferred",
    "preferably",
    "proficiency",
    "proficient",
    "proven",
    "related",
    "relevant",
    "required",
    "requirement",
    "requirements",
    "responsibilities",
    "role",
    "skill",
    "skills",
    "solid",
    "strong",
    "successful",
    "understanding",
    "work",
    "working",
    "year",
    "years",
    "want",
    "join",
    "help",
    "make",
    "get",
    "day",
    "days",
    "team",
    "teams",
    "company",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "senior",
    "junior",
    "mid",
    "level",
    "entry",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_group_word_forms() {
        for word in ["managed", "manages", "managing", "manage"] {
            assert_eq!(stem(word), "manag", "{word}");
        }
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("patients"), "patient");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("nurses"), stem("nurse"));
    }

    #[test]
    fn content_words_skip_taxonomy_terms_and_stop_words() {
        let words = content_words(
            "Strong experience with Kubernetes and incident postmortems in 2024",
            Taxonomy::shipped(),
        );
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["incident", "postmortem"]);
        assert_eq!(words[1].surface, "postmortems");
    }

    #[test]
    fn bm25_prefers_documents_with_rare_query_words() {
        let taxonomy = Taxonomy::shipped();
        let docs = [
            content_words("Ran blameless postmortems after outages", taxonomy),
            content_words("Answered tickets and reset passwords", taxonomy),
            content_words("Answered tickets quickly", taxonomy),
        ];
        let mut bm25 = Bm25::default();
        for doc in &docs {
            bm25.add(0, doc);
        }
        let query: BTreeSet<String> = ["postmortem", "outag"].map(String::from).into();
        let (first, parts) = bm25.score(0, &docs[0], &query);
        let (second, _) = bm25.score(0, &docs[1], &query);
        assert!(first > 0.0);
        assert_eq!(second, 0.0);
        assert_eq!(parts.len(), 2);
    }
}
