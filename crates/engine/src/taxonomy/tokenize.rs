//! Tokeniser shared by the taxonomy matcher and the analysis/matching
//! stages.
//!
//! A token is a run of letters/digits that may contain inner `.`, `'`, `’`
//! and `_` (`Node.js`, `ASP.NET`, `B.S`, `Bachelor's`), may start with a `.`
//! directly followed by a letter (`.NET`), and may end with any number of `+`
//! (`C++`, `5+`, `A+`) or one `#` (`C#`, `F#`). `/` and `&` are tokens of
//! their own (symbol tokens), so `CI/CD`, `TCP/IP`, `R&D` are three tokens
//! each and match phrases written the same way. Everything else is a gap,
//! and each token records what kind of gap precedes it.

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// First token of the text.
    Start,
    /// Nothing: the tokens touch (`CI` `/` `CD`).
    Adjacent,
    /// Spaces or tabs only.
    Space,
    /// A single `-` with no spaces (`C-sharp`, `go-getter`).
    Hyphen,
    /// Other punctuation within a sentence: `,`, `(`, `)`, quotes, dashes.
    Soft,
    /// Sentence-level punctuation: `.`, `!`, `?`, `;`, `:`, bullets.
    Hard,
    /// A line break.
    Break,
}

impl Gap {
    /// Whether a token after this gap starts a sentence, line or bullet.
    pub(crate) fn starts_sentence(self) -> bool {
        matches!(self, Gap::Start | Gap::Hard | Gap::Break)
    }

    /// Whether two words separated by this gap can belong to one phrase.
    pub(crate) fn is_tight(self) -> bool {
        matches!(self, Gap::Adjacent | Gap::Space | Gap::Hyphen)
    }
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// As written minus inner dots and apostrophes (`Node.js` → `Nodejs`,
    /// `B.S` → `BS`); used for case-sensitive comparisons.
    pub plain: String,
    /// `plain` lower-cased; used for case-insensitive comparisons.
    pub key: String,
    /// `/` or `&`.
    pub symbol: bool,
    /// What precedes the token.
    pub gap: Gap,
}

impl Token<'_> {
    /// `key` without a plural `s` (`pipelines` → `pipeline`); see [`singular`].
    pub(crate) fn singular_key(&self) -> Option<&str> {
        singular(&self.key)
    }
}

/// `word` without a plural `s`, when that looks safe: at least three
/// characters remain, the stem ends in a letter, and the word does not end
/// in `ss`, `us`, `sis` or `xis` (`process`, `status`, `analysis`, `axis`).
pub(crate) fn singular(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('s')?;
    let safe = stem.chars().count() >= 3
        && stem.chars().last().is_some_and(char::is_alphabetic)
        && !["s", "u", "si", "xi"].iter().any(|end| stem.ends_with(end));
    safe.then_some(stem)
}

/// Splits text into tokens, in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut tokens = Vec::new();
    let mut gap_start = 0usize;
    let mut i = 0usize;
    while let Some(c) = at(i) {
        let prev_alnum = i > 0 && at(i - 1).is_some_and(char::is_alphanumeric);
        let next = at(i + 1);
        let word_start = c.is_alphanumeric()
            || (c == '.' && !prev_alnum && next.is_some_and(char::is_alphabetic));
        if word_start {
            let first = i;
            i += 1;
            while let Some(c) = at(i) {
                let joiner = matches!(c, '.' | '\'' | '’' | '_')
                    && at(i - 1).is_some_and(char::is_alphanumeric)
                    && at(i + 1).is_some_and(char::is_alphanumeric);
                if c.is_alphanumeric() || joiner {
                    i += 1;
                } else {
                    break;
                }
            }
            while at(i) == Some('+') {
                i += 1;
            }
            if at(i) == Some('#')
                && at(i - 1).is_some_and(char::is_alphanumeric)
                && !at(i + 1).is_some_and(char::is_alphanumeric)
            {
                i += 1;
            }
            push(
                text,
                &mut tokens,
                gap_start,
                offset(first),
                offset(i),
                false,
            );
            gap_start = offset(i);
        } else if c == '/' || c == '&' {
            push(text, &mut tokens, gap_start, offset(i), offset(i + 1), true);
            i += 1;
            gap_start = offset(i);
        } else {
            i += 1;
        }
    }
    tokens
}

fn push<'a>(
    text: &'a str,
    tokens: &mut Vec<Token<'a>>,
    gap_start: usize,
    start: usize,
    end: usize,
    symbol: bool,
) {
    let gap = if tokens.is_empty() {
        Gap::Start
    } else {
        classify_gap(&text[gap_start..start])
    };
    let written = &text[start..end];
    let plain = plain_form(written);
    let key = plain.to_lowercase();
    tokens.push(Token {
        text: written,
        start,
        end,
        plain,
        key,
        symbol,
        gap,
    });
}

/// Drops inner dots and apostrophes, keeping a leading dot (`.NET`).
fn plain_form(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    for (index, c) in written.char_indices() {
        let drop = matches!(c, '\'' | '’') || (c == '.' && index > 0);
        if !drop {
            out.push(c);
        }
    }
    out
}

fn classify_gap(gap: &str) -> Gap {
    if gap.is_empty() {
        return Gap::Adjacent;
    }
    if gap.contains('\n') {
        return Gap::Break;
    }
    if gap.chars().all(char::is_whitespace) {
        return Gap::Space;
    }
    if gap == "-" {
        return Gap::Hyphen;
    }
    let hard = gap.chars().any(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ';'
                | ':'
                | '•'
                | '·'
                | '|'
                | '*'
                | '▪'
                | '●'
                | '◦'
                | '‣'
                | '⁃'
                | '►'
        )
    });
    if hard { Gap::Hard } else { Gap::Soft }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_programming_names_whole() {
        assert_eq!(
            texts("C++, C#, F#, .NET and Node.js / Vue.js"),
            ["C++", "C#", "F#", ".NET", "and", "Node.js", "/", "Vue.js"]
        );
        assert_eq!(texts("CI/CD"), ["CI", "/", "CD"]);
        assert_eq!(texts("R&D"), ["R", "&", "D"]);
        assert_eq!(texts("ASP.NET Core"), ["ASP.NET", "Core"]);
        assert_eq!(texts("Bachelor's degree."), ["Bachelor's", "degree"]);
        assert_eq!(texts("B.S. in CS"), ["B.S", "in", "CS"]);
        assert_eq!(texts("5+ years"), ["5+", "years"]);
    }

    #[test]
    fn keys_fold_case_dots_and_apostrophes() {
        let tokens = tokenize("Node.js .NET Bachelor’s B.S.");
        let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["nodejs", ".net", "bachelors", "bs"]);
        assert_eq!(tokens[3].plain, "BS");
    }

    #[test]
    fn gaps_are_classified() {
        let tokens = tokenize("go-getter, Go.\nRust  and");
        let gaps: Vec<Gap> = tokens.iter().map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            [Gap::Start, Gap::Hyphen, Gap::Soft, Gap::Break, Gap::Space]
        );
        let tokens = tokenize("Done. Next: one");
        assert_eq!(tokens[1].gap, Gap::Hard);
        assert_eq!(tokens[2].gap, Gap::Hard);
    }

    #[test]
    fn offsets_are_byte_offsets() {
        let text = "Café – C++";
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[1].start..tokens[1].end], "C++");
    }

    #[test]
    fn singular_is_conservative() {
        assert_eq!(singular("pipelines"), Some("pipeline"));
        assert_eq!(singular("apis"), Some("api"));
        assert_eq!(singular("process"), None);
        assert_eq!(singular("analysis"), None);
        assert_eq!(singular("status"), None);
        assert_eq!(singular("jobs"), Some("job"));
        assert_eq!(singular("os"), None);
    }
}
