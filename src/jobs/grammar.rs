//! The job-search query language, parsed once in Rust and rendered to SQLite FTS5 and to
//! PostgreSQL `tsquery`, so a query string means the same thing on both engines.
//!
//! Grammar (operators are recognised only in upper case; anything else is text):
//! - `word` — a word; words are runs of letters and digits, lower-cased, so `c++` is the
//!   word `c` and `node.js` is the phrase `node js` (what both indexes store);
//! - `"a phrase"` — the words in a row (an unterminated quote runs to the end);
//! - `-term` or `NOT term` — jobs without the term;
//! - `a OR b` — either term; OR binds tighter than the implicit AND, so
//!   `rust OR go remote` is `(rust OR go) AND remote`;
//! - `AND` — the same as a space (every other clause is AND-ed).
//!
//! Dangling operators (`OR`, `AND` or `NOT` with nothing to apply to, a lone `-`, empty
//! quotes) are ignored, and so is `OR` next to a negated term. English stop words (PostgreSQL's
//! `english` list: `the`, `or`, `not`…) are not searchable on PostgreSQL, so they are dropped
//! here for both engines, as are stop words at either end of a phrase. A query with nothing
//! searchable left puts no condition on the text.

/// One searchable unit: a word or a phrase (words in a row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Lower-case words; one for a plain word.
    pub words: Vec<String>,
}

/// A positive clause: one term, or several joined by `OR`.
pub type Alternatives = Vec<Term>;

/// A parsed query: every `must` clause matches and no `must_not` term does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Clauses that must all match (each an OR of terms).
    pub must: Vec<Alternatives>,
    /// Terms that must not match.
    pub must_not: Vec<Term>,
}

/// PostgreSQL's `english` stop-word list (the Snowball list it ships).
const STOP_WORDS: &[&str] = &[
    "i",
    "me",
    "my",
    "myself",
    "we",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "what",
    "which",
    "who",
    "whom",
    "this",
    "that",
    "these",
    "those",
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "a",
    "an",
    "the",
    "and",
    "but",
    "if",
    "or",
    "because",
    "as",
    "until",
    "while",
    "of",
    "at",
    "by",
    "for",
    "with",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "before",
    "after",
    "above",
    "below",
    "to",
    "from",
    "up",
    "down",
    "in",
    "out",
    "on",
    "off",
    "over",
    "under",
    "again",
    "further",
    "then",
    "once",
    "here",
    "there",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "both",
    "each",
    "few",
    "more",
    "most",
    "other",
    "some",
    "such",
    "no",
    "nor",
    "not",
    "only",
    "own",
    "same",
    "so",
    "than",
    "too",
    "very",
    "s",
    "t",
    "can",
    "will",
    "just",
    "don",
    "should",
    "now",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// Letters-and-digits runs of `text`, lower-cased (how both indexes split text).
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A term from raw text, without stop words at its ends; `None` when nothing is left.
fn term_of(text: &str) -> Option<Term> {
    let mut words = words_of(text);
    while words.last().is_some_and(|w| is_stop_word(w)) {
        words.pop();
    }
    let start = words.iter().position(|w| !is_stop_word(w))?;
    words.drain(..start);
    Some(Term { words })
}

/// A lexical token of the query string.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// Text (a word or a phrase), negated by a leading `-`.
    Text {
        text: String,
        negated: bool,
    },
    Or,
    And,
    Not,
}

fn tokenize(query: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = query.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else {
            return tokens;
        };
        let mut negated = false;
        if first == '-' {
            chars.next();
            negated = true;
        }
        if chars.next_if_eq(&'"').is_some() {
            let mut phrase = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                phrase.push(c);
            }
            tokens.push(Token::Text {
                text: phrase,
                negated,
            });
            continue;
        }
        let mut word = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '"') {
            word.push(c);
        }
        tokens.push(match (negated, word.as_str()) {
            (false, "OR") => Token::Or,
            (false, "AND") => Token::And,
            (false, "NOT") => Token::Not,
            _ => Token::Text {
                text: word,
                negated,
            },
        });
    }
}

/// One clause before OR-grouping.
#[derive(Debug)]
enum Clause {
    Positive(Term),
    Negative(Term),
    Or,
}

/// Parses a user's query string. Never fails: anything that is not an operator is text.
pub fn parse(query: &str) -> SearchQuery {
    let mut clauses = Vec::new();
    let mut pending_not = false;
    for token in tokenize(query) {
        match token {
            Token::Not => pending_not = true,
            Token::And => pending_not = false,
            Token::Or => {
                pending_not = false;
                clauses.push(Clause::Or);
            }
            Token::Text { text, negated } => {
                let negated = negated || std::mem::take(&mut pending_not);
                if let Some(term) = term_of(&text) {
                    clauses.push(if negated {
                        Clause::Negative(term)
                    } else {
                        Clause::Positive(term)
                    });
                }
            }
        }
    }
    let mut parsed = SearchQuery::default();
    // `join` is true when the previous clause was a positive term followed by `OR`.
    let mut last_positive = false;
    let mut join = false;
    for clause in clauses {
        match clause {
            Clause::Or => join = last_positive,
            Clause::Negative(term) => {
                parsed.must_not.push(term);
                last_positive = false;
                join = false;
            }
            Clause::Positive(term) => {
                match parsed.must.last_mut() {
                    Some(group) if join => group.push(term),
                    _ => parsed.must.push(vec![term]),
                }
                last_positive = true;
                join = false;
            }
        }
    }
    parsed
}

impl SearchQuery {
    /// True when nothing searchable is left: the text puts no condition on the results.
    pub fn is_empty(&self) -> bool {
        self.must.is_empty() && self.must_not.is_empty()
    }

    /// The FTS5 `MATCH` expression of the positive clauses (`None` when there are none).
    pub fn fts5_positive(&self) -> Option<String> {
        if self.must.is_empty() {
            return None;
        }
        let clauses: Vec<String> = self
            .must
            .iter()
            .map(|group| {
                let terms: Vec<String> = group.iter().map(fts5_term).collect();
                format!("({})", terms.join(" OR "))
            })
            .collect();
        Some(clauses.join(" AND "))
    }

    /// The FTS5 `MATCH` expression of the negated terms, OR-ed (`None` when there are none).
    pub fn fts5_negative(&self) -> Option<String> {
        if self.must_not.is_empty() {
            return None;
        }
        let terms: Vec<String> = self.must_not.iter().map(fts5_term).collect();
        Some(terms.join(" OR "))
    }

    /// The whole query as a PostgreSQL `to_tsquery('english', …)` input (`None` when empty).
    pub fn tsquery(&self) -> Option<String> {
        let mut parts: Vec<String> = self
            .must
            .iter()
            .map(|group| {
                let terms: Vec<String> = group.iter().map(ts_term).collect();
                format!("({})", terms.join(" | "))
            })
            .collect();
        parts.extend(self.must_not.iter().map(|t| format!("!{}", ts_term(t))));
        (!parts.is_empty()).then(|| parts.join(" & "))
    }

    /// The positive clauses alone as a `tsquery` input, for ranking (`None` when none).
    pub fn tsquery_positive(&self) -> Option<String> {
        SearchQuery {
            must: self.must.clone(),
            must_not: Vec::new(),
        }
        .tsquery()
    }
}

/// A term as an FTS5 string: a quoted phrase (words are letters and digits only, so they need
/// no escaping; FTS5 tokenizes the string and matches its tokens in a row).
fn fts5_term(term: &Term) -> String {
    format!("\"{}\"", term.words.join(" "))
}

/// A term as a `tsquery` operand: `'word'`, or `('a' <-> 'b')` for a phrase.
fn ts_term(term: &Term) -> String {
    let words: Vec<String> = term.words.iter().map(|w| format!("'{w}'")).collect();
    if words.len() == 1 {
        words.into_iter().next().unwrap_or_default()
    } else {
        format!("({})", words.join(" <-> "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(words: &[&str]) -> Term {
        Term {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
        }
    }

    #[test]
    fn words_phrases_and_negation() {
        let q = parse("-senior python \"Data Scientist\" NOT manager");
        assert_eq!(
            q.must,
            vec![vec![term(&["python"])], vec![term(&["data", "scientist"])]]
        );
        assert_eq!(q.must_not, vec![term(&["senior"]), term(&["manager"])]);
        assert_eq!(
            q.fts5_positive().as_deref(),
            Some("(\"python\") AND (\"data scientist\")")
        );
        assert_eq!(
            q.fts5_negative().as_deref(),
            Some("\"senior\" OR \"manager\"")
        );
        assert_eq!(
            q.tsquery().as_deref(),
            Some("('python') & (('data' <-> 'scientist')) & !'senior' & !'manager'")
        );
    }

    #[test]
    fn or_binds_tighter_than_and() {
        let q = parse("rust OR go AND remote");
        assert_eq!(
            q.must,
            vec![
                vec![term(&["rust"]), term(&["go"])],
                vec![term(&["remote"])]
            ]
        );
        assert_eq!(
            q.fts5_positive().as_deref(),
            Some("(\"rust\" OR \"go\") AND (\"remote\")")
        );
        assert_eq!(q.tsquery().as_deref(), Some("('rust' | 'go') & ('remote')"));
    }

    #[test]
    fn dangling_operators_and_empty_terms_are_ignored() {
        for query in [
            "OR",
            "AND",
            "NOT",
            "\"\"",
            "-",
            "- -",
            "OR OR AND",
            "\"",
            "the",
            "\"or\"",
            "",
        ] {
            assert!(parse(query).is_empty(), "{query:?}");
            assert_eq!(parse(query).tsquery(), None);
        }
        let q = parse("NOT engineer");
        assert!(q.must.is_empty());
        assert_eq!(q.must_not, vec![term(&["engineer"])]);
        assert_eq!(q.fts5_positive(), None);
        // OR next to a negated term is ignored.
        let q = parse("-rust OR go");
        assert_eq!(q.must, vec![vec![term(&["go"])]]);
        assert_eq!(q.must_not, vec![term(&["rust"])]);
    }

    #[test]
    fn punctuation_splits_words_like_the_indexes_do() {
        assert_eq!(parse("c++").must, vec![vec![term(&["c"])]]);
        assert_eq!(parse("Node.js").must, vec![vec![term(&["node", "js"])]]);
        assert_eq!(
            parse("NEAR(a b)").must,
            vec![vec![term(&["near"])], vec![term(&["b"])]]
        );
        // Lower-case operator words are text (and stop words).
        assert!(parse("or not and").is_empty());
        assert_eq!(
            parse("\"head of data\"").must,
            vec![vec![term(&["head", "of", "data"])]]
        );
        assert_eq!(
            parse("\"the data\"").must,
            vec![vec![term(&["data"])]],
            "stop words at a phrase's ends are dropped"
        );
    }

    #[test]
    fn rendered_strings_carry_only_letters_digits_and_syntax() {
        let q = parse("it's \"O'Brien\" 'quoted' -x\"y");
        assert_eq!(q.must[0], vec![term(&["o", "brien"])]);
        assert_eq!(q.must_not, vec![term(&["x"])]);
        for fts in [q.fts5_positive(), q.fts5_negative()].into_iter().flatten() {
            assert!(
                fts.chars()
                    .all(|c| c.is_alphanumeric() || " \"()".contains(c)),
                "{fts}"
            );
        }
        let ts = q.tsquery().unwrap();
        assert!(
            ts.chars()
                .all(|c| c.is_alphanumeric() || " '()&|!<->".contains(c)),
            "{ts}"
        );
        assert_eq!(ts.matches('\'').count() % 2, 0, "{ts}");
    }
}
