//! The employer a posting keeps naming when no header line, field or stock phrase names it:
//! "Thank you for choosing to apply to work for CrossReach. CrossReach have produced these
//! notes …", "Due to POAP's nascency …". The last resort of the company reading, so it asks for
//! a lot: the same capitalised name three times or more, never written in lower case, and at
//! least once in a place only an organisation stands in ("work for X", "X's", "X is").
//!
//! Also what the company reading asks of the text about a name it found elsewhere: its fuller
//! form ("Demos" written "Demos Project"), and whether a lower-case brand is spoken of as an
//! organisation.

use super::header::{has_company_suffix, is_legal_form};
use super::text::{fold, has_role_word, is_listed_place, whole_word_count};
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

/// Whether the text speaks of `name` as an organisation somewhere: "lemlist is the …", "At
/// voize, we", "join lemlist", "lemlist's".
pub(crate) fn spoken_of_as_organisation(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let after = &text[at + name.len()..];
        let before = text[..at].trim_end();
        let tail_start = before.char_indices().rev().nth(20).map_or(0, |(i, _)| i);
        let before = format!(" {}", fold(&before[tail_start..]));
        let whole = !after.starts_with(|c: char| c.is_alphanumeric())
            && !text[..at].ends_with(|c: char| c.is_alphanumeric());
        whole
            && (BEFORE_NAME
                .iter()
                .any(|word| before.ends_with(&format!(" {word}")))
                || AFTER_NAME.iter().any(|word| after.starts_with(word))
                || after.starts_with(", we"))
    })
}

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
                && !is_listed_place(name)
                && !folded_title.contains(&key)
                // Never written in lower case: an ordinary word capitalised at a sentence's
                // start or in a heading is written in lower case elsewhere too.
                && whole_word_count(&folded_text, &key) == *count
        })
        .max_by(|(_, (a, first_a, _)), (_, (b, first_b, _))| a.cmp(b).then(first_b.cmp(first_a)))
        .map(|(name, _)| name)
}

/// Words an organisation's full name ends in beyond the legal and sector words
/// (`has_company_suffix`): "Demos Project", "Durham Co-op Market", "BrainWing Innovations".
const NAME_ENDINGS: &[&str] = &[
    "project",
    "projects",
    "market",
    "society",
    "network",
    "cooperative",
    "cooperatives",
    "co-op",
    "association",
    "centre",
    "center",
    "conservancy",
    "museum",
    "library",
    "club",
    "church",
    "innovations",
];

/// Words before a name that start a sentence or a phrase, not the name.
const LEADS: &[&str] = &[
    "the", "at", "join", "about", "our", "with", "for", "from", "by", "in", "and", "to", "of", "a",
    "an", "as", "on", "we", "why",
];

/// Local governments named "Town of Chester".
const TOWN_KINDS: &[&str] = &[
    "town",
    "city",
    "county",
    "village",
    "borough",
    "municipality",
    "district",
    "shire",
    "township",
];

/// Lower-case words after a name that make it a part or a product of the organisation
/// ("the Zappos Customer Service team").
const PART_WORDS: &[&str] = &[
    "team",
    "teams",
    "program",
    "programme",
    "platform",
    "division",
    "department",
    "unit",
    "product",
    "products",
    "app",
    "group",
    "function",
    "org",
];

/// The fuller form of a short company name that the text also writes: "Demos" as "Demos
/// Project", "Co-op" as "Durham Co-op Market", "Chester" as "Town of Chester", "Norwegian
/// University" as "Norwegian University of Science and Technology". The fuller form ends in
/// an organisation word, or continues a name that already ends in one with "of", "on" or
/// "for", or is a "Town of" name. It replaces the name only when the text writes it at least
/// as often as the short name alone, or on a line of its own, so one mention of a product or a
/// team ("Apple Health Services") does not rename the company.
pub(crate) fn fuller_name(name: String, text: &str) -> String {
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let n = name_words.len();
    if !(1..=3).contains(&n) || !text.contains(name_words[0]) {
        return name;
    }
    // Each word, and whether it starts a line: a name runs on to the next line only after a
    // connector ("… of Science and ⏎ Technology").
    let mut tokens: Vec<&str> = Vec::new();
    let mut line_starts: Vec<bool> = Vec::new();
    for line in text.lines() {
        for (i, token) in line.split_whitespace().enumerate() {
            tokens.push(token);
            line_starts.push(i == 0);
        }
    }
    let clean = |token: &str| {
        token
            .trim_end_matches([',', '.', ';', ':', ')', '!', '?'])
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_string()
    };
    // A word that ends the name: punctuation after it, or a possessive.
    let ends_name = |token: &str| clean(token).len() != token.len();
    let capitalised = |token: &str| token.starts_with(|c: char| c.is_uppercase());
    let ends_in_kind = |word: &str| {
        let word = fold(word);
        has_company_suffix(&word) || NAME_ENDINGS.contains(&word.as_str())
    };
    let name_ends_in_kind = ends_in_kind(name_words[n - 1]);
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut short_uses = 0;
    let mut towns: Vec<String> = Vec::new();
    for start in 0..tokens.len().saturating_sub(n - 1) {
        // The name's words, the last one allowed its punctuation.
        let matches = (0..n).all(|i| {
            let token = tokens[start + i];
            let token = if i + 1 == n {
                token
                    .trim_end_matches([',', '.', ';', ':', ')', '!', '?', '\'', '’'])
                    .trim_end_matches("’s")
                    .trim_end_matches("'s")
            } else {
                token
            };
            token == name_words[i]
        });
        if !matches {
            continue;
        }
        let end = start + n;
        // Following words, while the name runs on: capitalised words, with "of", "and", "&",
        // "on" or "for" between them, up to a word that ends the name.
        let mut after: Vec<&str> = Vec::new();
        if !ends_name(tokens[end - 1]) {
            for (at, token) in tokens.iter().enumerate().skip(end).take(5) {
                if line_starts[at] && !matches!(tokens[at - 1], "of" | "and" | "&") {
                    break;
                }
                let connector = matches!(*token, "of" | "and" | "&" | "on" | "for");
                // "Finland-funded": a compound adjective after the name ends it.
                let compound = token.contains('-')
                    && token
                        .rsplit('-')
                        .next()
                        .is_some_and(|part| part.starts_with(|c: char| c.is_lowercase()));
                if compound
                    || !(capitalised(token)
                        || (connector && (!after.is_empty() || name_ends_in_kind)))
                {
                    break;
                }
                after.push(token);
                if ends_name(token) {
                    break;
                }
            }
        }
        // "… University of Science and Technology": a name ending in an organisation word
        // goes on with "of", "on" or "for".
        let continues = name_ends_in_kind
            && after
                .first()
                .is_some_and(|w| matches!(*w, "of" | "on" | "for"));
        // The longest run of the following words that ends in an organisation word (or, for a
        // name that continues, in any capitalised word), unless a team word follows it.
        let mut longer: Option<String> = None;
        for k in (1..=after.len()).rev() {
            let last = clean(after[k - 1]);
            if !capitalised(&last) || !(ends_in_kind(&last) || continues) {
                continue;
            }
            let part_of = !ends_name(after[k - 1])
                && tokens
                    .get(end + k)
                    .is_some_and(|next| PART_WORDS.contains(&fold(next).as_str()));
            let only_legal_form = k == 1 && is_legal_form(&last);
            if !part_of && !only_legal_form {
                let tail: Vec<String> = after[..k].iter().map(|t| clean(t)).collect();
                longer = Some(format!("{name} {}", tail.join(" ")));
            }
            break;
        }
        // Words before the name on its line.
        let before = |back: usize| {
            let at = start.checked_sub(back)?;
            (!line_starts[at + 1..=start].iter().any(|&s| s)).then(|| tokens[at])
        };
        if let (Some("of"), Some(kind)) = (before(1), before(2))
            && TOWN_KINDS.contains(&fold(kind).as_str())
            && capitalised(kind)
        {
            // "Town of Chester".
            let core = longer.clone().unwrap_or_else(|| name.clone());
            towns.push(format!("{kind} of {core}"));
            continue;
        }
        // "all Durham Co-op Market shoppers": a capitalised word before a one-word name that
        // runs on to an organisation word, when that word does not start a sentence.
        if let (Some(word), Some(found)) = (before(1), longer.as_ref())
            && n == 1
            && capitalised(word)
            && !ends_name(word)
            && before(2).is_some_and(|w| !w.ends_with(['.', '!', '?', ':']))
            && ![LEADS, COMMON, BEFORE_NAME]
                .iter()
                .any(|list| list.contains(&fold(word).as_str()))
            && !has_role_word(word)
        {
            longer = Some(format!("{word} {found}"));
        }
        match longer.filter(|l| !has_role_word(l) && !is_listed_place(l)) {
            Some(longer) => *counts.entry(longer).or_default() += 1,
            None => short_uses += 1,
        }
    }
    if let Some(town) = towns.into_iter().min() {
        return town;
    }
    let own_line = |longer: &str| text.lines().any(|line| line.trim() == longer);
    counts
        .into_iter()
        .filter(|(longer, count)| *count >= short_uses || own_line(longer))
        .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then(a.len().cmp(&b.len())).then(b.cmp(a)))
        .map_or(name, |(longer, _)| longer)
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
    use super::{fuller_name, repeated_name};

    #[test]
    fn a_short_name_is_given_in_the_full_form_the_text_writes() {
        let full = |name: &str, text: &str| fuller_name(name.to_string(), text);
        assert_eq!(
            full("Demos", "About Demos\n\nDemos Project partners with NGOs."),
            "Demos Project"
        );
        assert_eq!(
            full(
                "Co-op",
                "The Co-op is seeking a clerk for all Durham Co-op Market shoppers."
            ),
            "Durham Co-op Market"
        );
        assert_eq!(
            full("Chester", "The Town of Chester seeks a driver."),
            "Town of Chester"
        );
        assert_eq!(
            full(
                "Norwegian University",
                "The Department of Chemistry, Norwegian University of Science and\nTechnology (NTNU), invites"
            ),
            "Norwegian University of Science and Technology"
        );
        assert_eq!(
            full(
                "Ya’axché",
                "Communications Officer at Ya’axché\n\nYa’axché Conservation Trust\n"
            ),
            "Ya’axché Conservation Trust"
        );
        assert_eq!(
            full(
                "General Nursing Council",
                "the General Nursing Council of Zambia’s Code of Conduct"
            ),
            "General Nursing Council of Zambia"
        );
        assert_eq!(
            full(
                "Research Council",
                "a Research Council of Finland-funded project"
            ),
            "Research Council"
        );
        // Nothing fuller: the name stays; a sentence's next word is not part of the name.
        assert_eq!(full("Acme", "Acme builds robots. Join Acme Today."), "Acme");
        assert_eq!(full("Acme", "Acme Health Services"), "Acme Health Services");
        assert_eq!(full("Stripe", "Stripe. Market leaders."), "Stripe");
        // A product or a team named once does not rename a company named more often.
        assert_eq!(
            full(
                "Apple",
                "Apple is hiring. Work on Apple Health Services with Apple engineers."
            ),
            "Apple"
        );
        assert_eq!(
            full("Zappos", "Join the Zappos Customer Service team today."),
            "Zappos"
        );
        assert_eq!(full("Apple", "Apple’s Health Services division"), "Apple");
        // "and" joins two names, not one name's words.
        assert_eq!(
            full("Acme Foundation", "the Acme Foundation and Google fund it."),
            "Acme Foundation"
        );
        // A sentence's first word is not part of the name.
        assert_eq!(
            full(
                "Acme",
                "Hello.\nWhen Acme Foundation was founded, it hired."
            ),
            "Acme Foundation"
        );
        assert_eq!(
            full(
                "Harbourline Trading Mall",
                "Harbourline Trading Mall Ltd. runs a market."
            ),
            "Harbourline Trading Mall"
        );
    }

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
