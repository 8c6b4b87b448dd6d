//! The employer a posting keeps naming when no header line, field or stock phrase names it:
//! "Thank you for choosing to apply to work for CrossReach. CrossReach have produced these
//! notes …", "Due to POAP's nascency …". The last resort of the company reading, so it asks for
//! a lot: the same capitalised name three times or more, never written in lower case, and at
//! least once in a place only an organisation stands in ("work for X", "X's", "X is").

use super::text::{fold, has_role_word, is_place, whole_word_count};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A run of capitalised words, with "of", "for", "and", "&" or "de" between them
/// ("Caribbean Community Secretariat", "Bureau of Land Management").
static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[A-Z][\p{L}\p{N}&'’.-]*[\p{L}\p{N}](?:[ ](?:(?:of|for|and|&|de)[ ])?[A-Z][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]){0,3}",
    )
    .expect("name run regex is valid")
});

/// Words that only an organisation's name stands after.
const BEFORE_NAME: &[&str] = &["for", "at", "join", "joining", "by", "to work at", "about"];

/// Words that only an organisation's name stands before.
const AFTER_NAME: &[&str] = &[
    "'s ",
    "’s ",
    " is a",
    " is an",
    " is the",
    " has ",
    " have ",
    " offers",
    " provides",
    " was founded",
    " places",
    " seeks",
    " welcomes",
    " values",
    " is committed",
    " is looking",
    " is seeking",
    " is hiring",
    " is an equal",
];

/// Capitalised words that are never an employer's name on their own.
const COMMON: &[&str] = &[
    "the",
    "we",
    "you",
    "our",
    "your",
    "this",
    "that",
    "they",
    "it",
    "a",
    "an",
    "i",
    "he",
    "she",
    "job",
    "jobs",
    "apply",
    "please",
    "position",
    "salary",
    "location",
    "experience",
    "requirements",
    "responsibilities",
    "duties",
    "skills",
    "benefits",
    "about",
    "closing",
    "application",
    "applications",
    "email",
    "phone",
    "team",
    "company",
    "department",
    "role",
    "summary",
    "overview",
    "description",
    "qualifications",
    "education",
    "work",
    "working",
    "full",
    "part",
    "time",
    "english",
    "new",
    "all",
    "as",
    "if",
    "in",
    "on",
    "for",
    "and",
    "or",
    "with",
    "to",
    "at",
    "by",
    "of",
    "is",
    "are",
    "be",
    "will",
    "must",
    "should",
    "can",
    "candidates",
    "candidate",
    "applicants",
    "employer",
    "employees",
    "staff",
    "contract",
    "remote",
    "hybrid",
    "us",
    "more",
    "what",
    "who",
    "why",
    "how",
    "when",
    "where",
    "key",
    "main",
    "other",
    "additional",
    "required",
    "preferred",
    "minimum",
    "strong",
    "good",
    "excellent",
    "ability",
    "knowledge",
    "support",
    "development",
    "management",
    "services",
    "service",
    "health",
    "care",
    "safety",
    "equal",
    "opportunity",
    "yes",
    "no",
    "n/a",
    "hotel",
    "restaurant",
    "resort",
    "school",
    "hospital",
    "office",
    "operations",
    "sales",
];

/// The name the text keeps returning to, as described in the module comment; `title` words
/// and places are never it.
pub(crate) fn repeated_name(text: &str, title: Option<&str>) -> Option<String> {
    let folded_text = fold(text);
    let folded_title = title.map(fold).unwrap_or_default();
    let mut counts: HashMap<String, (usize, usize, bool)> = HashMap::new();
    for (order, found) in NAME_RUN.find_iter(text).enumerate() {
        let name = found
            .as_str()
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['.', '-', '\'', '’']);
        if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        // Only the few words before the name matter.
        let before = text[..found.start()].trim_end();
        let tail_start = before.char_indices().rev().nth(20).map_or(0, |(at, _)| at);
        let before = format!(" {}", fold(&before[tail_start..]));
        let after = &text[found.start() + name.len()..];
        let in_context = BEFORE_NAME
            .iter()
            .any(|word| before.ends_with(&format!(" {word}")))
            || AFTER_NAME.iter().any(|word| after.starts_with(word));
        let entry = counts.entry(name.to_string()).or_insert((0, order, false));
        entry.0 += 1;
        entry.2 |= in_context;
    }
    counts
        .into_iter()
        .filter(|(name, (count, _, in_context))| {
            let key = fold(name);
            *count >= 3
                && *in_context
                // "Hotel Management": a name of ordinary words only names nobody.
                && key.split(' ').any(|word| !COMMON.contains(&word))
                && !has_role_word(name)
                && !is_place(name)
                && !folded_title.contains(&key)
                // Never written in lower case: an ordinary word capitalised at a sentence's
                // start or in a heading is written in lower case elsewhere too.
                && whole_word_count(&folded_text, &key) == *count
        })
        .max_by(|(_, (a, first_a, _)), (_, (b, first_b, _))| a.cmp(b).then(first_b.cmp(first_a)))
        .map(|(name, _)| name)
}

/// "Join the Sleep Fitness Movement", "Build the Team That Builds the Future", "HEY THERE": a
/// heading that calls out to the reader, in a company line's place under the title.
pub(crate) fn slogan_like(line: &str) -> bool {
    let folded = fold(line);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    const CALLS: &[&str] = &[
        "join", "build", "shape", "help", "make", "hey", "hi", "hello", "welcome", "discover",
        "be", "come", "grow", "create", "let's", "lets", "work", "ready", "love", "want",
    ];
    const INNER: &[&str] = &["the", "that", "your", "our", "with", "to", "you", "we"];
    CALLS.contains(first)
        || (words.len() >= 4 && words[1..].iter().filter(|w| INNER.contains(w)).count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::repeated_name;

    #[test]
    fn slogans_and_greetings_are_not_names() {
        use super::slogan_like;
        assert!(slogan_like("Join the Sleep Fitness Movement"));
        assert!(slogan_like("Build the Team That Builds the Future"));
        assert!(slogan_like("HEY THERE"));
        assert!(!slogan_like(
            "Brighton and Sussex University Hospitals NHS Trust"
        ));
        assert!(!slogan_like("The Home Depot"));
        assert!(!slogan_like("Wise"));
    }

    #[test]
    fn the_name_the_text_keeps_using() {
        let text = "Care Assistant\n\nThank you for choosing to apply to work for CrossReach. \
                    CrossReach have produced these notes to help you. CrossReach therefore does \
                    not accept CVs.";
        assert_eq!(
            repeated_name(text, Some("Care Assistant")).as_deref(),
            Some("CrossReach")
        );
    }

    #[test]
    fn ordinary_words_tools_and_places_are_not_names() {
        // "Python" is repeated but never in an organisation's place.
        let text = "Backend Engineer\n\nYou know Python. Python services. We test Python code.";
        assert_eq!(repeated_name(text, Some("Backend Engineer")), None);
        // "Customer" is also written in lower case.
        let text = "Customer Agent\n\nCustomer care is key. Customer's needs first. Customer \
                    focus. Every customer matters.";
        assert_eq!(repeated_name(text, None), None);
        // A place, however often named, is not the employer.
        let text = "Nurse\n\nWork in London. London's hospitals. London is big.";
        assert_eq!(repeated_name(text, None), None);
        // Twice is not enough.
        let text = "Nurse\n\nWork for Acme. Acme is growing.";
        assert_eq!(repeated_name(text, None), None);
    }
}
