//! A learned choice of the title line. The header rules (`header::find_title_line`) know
//! the shapes of postings that start with their title; pages copied from small sites often
//! start with menus, breadcrumbs and banners instead, and a rule written for one site's chrome
//! does not carry to the next. So every line near the top is described by the same few
//! dozen generic traits (where it stands, whether it names a role, how it is cased, what the
//! lines around it are, whether the rules picked it), and a linear model weighs them.
//!
//! The model is a softmax over the candidate lines of one posting plus a "no line" option
//! (the title is only named in the prose). Its weights are learned from the training split of
//! the labelled corpus by `examples/train_title_model.rs` and written to `weights.rs`; the
//! holdout never takes part.

use super::header::header_from_title_text;
use super::header::{
    company_line, find_title_line, is_date_line, is_gender_marker, is_greeting, is_hiring_sentence,
    is_labelled_detail, is_site_heading, looks_like_title, title_head,
};
use super::lines::{FieldKey, Line, LineKind, classify_lines};
use super::text::{
    ends_like_sentence, fold, has_role_word, is_all_caps, is_board_chrome, is_place,
    normalize_input, whole_word_count, word_count,
};

use super::title::tidy_title;

mod weights;

/// How many non-blank lines from the top are candidates.
const MAX_LINES: usize = 40;

/// Longer lines are not candidates.
const MAX_LINE_BYTES: usize = 300;

/// The traits of a candidate, in the order of `weights::WEIGHTS`.
pub const FEATURE_NAMES: &[&str] = &[
    "no line (title only in the prose)",
    "the header rules picked this line",
    "first line",
    "second line",
    "third line",
    "lines 4 to 6",
    "lines 7 to 11",
    "line 12 or later",
    "log of position",
    "names a role",
    "reads like a title (rules)",
    "one word",
    "2 to 4 words",
    "5 to 8 words",
    "9 to 12 words",
    "13 or more words",
    "no lower-case word",
    "1 or 2 lower-case words",
    "ends like a sentence",
    "all capitals",
    "has a digit",
    "has a pipe",
    "has a colon",
    "a Title: field",
    "a heading",
    "a bullet",
    "a place",
    "a date",
    "a greeting",
    "a site heading",
    "a link or an e-mail address",
    "repeated as a line",
    "named again in the text",
    "next line is a place",
    "next line is a name",
    "after a blank line or at the top",
    "a 'X is hiring' sentence",
    "starts with a capital",
    "money",
    "gender marker",
    "over 80 characters",
    "most words capitalised",
    "site navigation words",
    "a separator (dash, pipe, at)",
    "board chrome",
    "a labelled detail",
    "the first line that names a role",
];

/// Number of traits per candidate.
pub const FEATURES: usize = 47;

/// One candidate line and its traits; `line` is `None` for the "no line" option.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index into the classified lines.
    pub line: Option<usize>,
    /// The line as a title would be read from it (decorations and labels cleaned).
    pub text: String,
    /// Trait values, in `FEATURE_NAMES` order.
    pub features: [f32; FEATURES],
    /// The title the header would read from this line (filled by `candidates_of` only).
    pub reading: String,
}

/// The candidates of a raw posting, for the trainer. Public only for
/// `examples/train_title_model.rs`.
#[doc(hidden)]
pub fn candidates_of(text: &str) -> Vec<Candidate> {
    let normalized = normalize_input(text);
    let lines = classify_lines(&normalized);
    let ruled = find_title_line(&lines).map(|(index, _)| index);
    let mut found = candidates(&lines, &fold(&normalized), ruled);
    for candidate in found.iter_mut().filter(|c| c.line.is_some()) {
        let read = header_from_title_text(&candidate.text)
            .title
            .unwrap_or_else(|| candidate.text.clone());
        candidate.reading = tidy_title(read, None, None);
    }
    found
}

/// Words of site navigation, folded.
const NAV_WORDS: &[&str] = &[
    "home",
    "menu",
    "login",
    "log in",
    "sign in",
    "sign up",
    "register",
    "search",
    "careers",
    "jobs",
    "vacancies",
    "share",
    "back",
    "skip to",
    "cookie",
    "cookies",
    "contact us",
    "about us",
    "newsletter",
    "subscribe",
    "privacy",
    // French, Spanish, Portuguese, German, Dutch and Italian.
    "accueil",
    "connexion",
    "espace membres",
    "inicio",
    "buscar",
    "iniciar sesión",
    "início",
    "startseite",
    "anmelden",
    "inloggen",
    "zoeken",
    "accedi",
];

fn score(features: &[f32; FEATURES]) -> f32 {
    features
        .iter()
        .zip(weights::WEIGHTS.iter())
        .map(|(f, w)| f * w)
        .sum()
}

/// How much more than the rules' own line another line must score to replace it (chosen by
/// cross-validation on the training split; see the trainer).
pub const OVERRIDE_MARGIN: f32 = 1.0;

/// The model's choice: `Some(index)` of the title line, or `None` when it prefers the prose
/// (or there is no candidate). `ruled` is the rules' own pick, which the model weighs and
/// which another line must outscore by `OVERRIDE_MARGIN`.
///
/// The costly traits (those that run the place, name, title and sentence readers) are only
/// worked out for a line that could still come out on top: its cheap traits' score plus the
/// most the costly ones could add must reach the best score so far. The choice is the same as
/// scoring every trait of every line.
pub(crate) fn choose(lines: &[Line], folded_text: &str, ruled: Option<usize>) -> Option<usize> {
    let context = Context::new(lines, folded_text, ruled);
    let headroom: f32 = COSTLY.iter().map(|&i| weights::WEIGHTS[i].max(0.0)).sum();
    let mut scored = vec![(None, score(&NO_LINE))];
    // The rules' line is scored in full first: it sets the bar the others must clear.
    let ruled_position = ruled.and_then(|line| context.non_blank.iter().position(|&l| l == line));
    let mut best = scored[0].1;
    if let Some(position) = ruled_position
        && let Some(mut features) = context.cheap_features(position)
    {
        context.add_costly_features(position, &mut features);
        let full = score(&features);
        best = best.max(full);
        scored.push((ruled, full));
    }
    for position in 0..context.non_blank.len() {
        if Some(position) == ruled_position {
            continue;
        }
        let Some(mut features) = context.cheap_features(position) else {
            continue;
        };
        let cheap = score(&features);
        if cheap + headroom < best {
            continue;
        }
        context.add_costly_features(position, &mut features);
        let full = score(&features);
        best = best.max(full);
        scored.push((Some(context.non_blank[position]), full));
    }
    // `pick` breaks ties by order: keep the lines in text order, the "no line" option first.
    scored[1..].sort_by_key(|(line, _)| *line);
    pick(&scored, ruled, OVERRIDE_MARGIN)
}

/// The top-scoring option; a line other than the rules' own must beat it by `margin`.
#[doc(hidden)]
pub fn pick(scored: &[(Option<usize>, f32)], ruled: Option<usize>, margin: f32) -> Option<usize> {
    let (best, top) = scored.iter().copied().fold(
        None::<(Option<usize>, f32)>,
        |best, (line, s)| match best {
            Some((_, top)) if top >= s => best,
            _ => Some((line, s)),
        },
    )?;
    let ruled_score = scored
        .iter()
        .find(|(line, _)| ruled.is_some() && *line == ruled)
        .map(|(_, s)| *s);
    match ruled_score {
        Some(held) if best != ruled && top < held + margin => ruled,
        _ => best,
    }
}

/// Traits worked out only for lines that could still win (see `choose`).
const COSTLY: &[usize] = &[10, 26, 27, 28, 29, 32, 33, 34, 36];

/// The "no line" option's traits.
const NO_LINE: [f32; FEATURES] = {
    let mut f = [0.0; FEATURES];
    f[0] = 1.0;
    f
};

fn candidates(lines: &[Line], folded_text: &str, ruled: Option<usize>) -> Vec<Candidate> {
    let context = Context::new(lines, folded_text, ruled);
    let mut out = Vec::with_capacity(context.non_blank.len() + 1);
    out.push(Candidate {
        line: None,
        text: String::new(),
        features: NO_LINE,
        reading: String::new(),
    });
    for position in 0..context.non_blank.len() {
        let Some(mut features) = context.cheap_features(position) else {
            continue;
        };
        context.add_costly_features(position, &mut features);
        out.push(Candidate {
            line: Some(context.non_blank[position]),
            text: context.texts[position].clone().unwrap_or_default(),
            features,
            reading: String::new(),
        });
    }
    out
}

/// What every candidate's traits are worked out from.
struct Context<'a> {
    lines: &'a [Line],
    folded_text: &'a str,
    ruled: Option<usize>,
    /// Indexes of the first `MAX_LINES` non-blank lines.
    non_blank: Vec<usize>,
    /// Each of those lines as a title would be read from it, when it can be one.
    texts: Vec<Option<String>>,
    /// The same, folded.
    keys: Vec<Option<String>>,
    /// Whether each names a role.
    roles: Vec<bool>,
    /// Position of the first of them that names a role.
    first_role: Option<usize>,
}

impl<'a> Context<'a> {
    fn new(lines: &'a [Line], folded_text: &'a str, ruled: Option<usize>) -> Self {
        let non_blank: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, line)| line.kind != LineKind::Blank)
            .map(|(index, _)| index)
            .take(MAX_LINES)
            .collect();
        let texts: Vec<Option<String>> = non_blank
            .iter()
            .map(|&index| candidate_text(&lines[index]))
            .collect();
        let keys = texts.iter().map(|text| text.as_deref().map(fold)).collect();
        let roles: Vec<bool> = texts
            .iter()
            .map(|text| text.as_deref().is_some_and(has_role_word))
            .collect();
        let first_role = roles.iter().position(|role| *role);
        Context {
            lines,
            folded_text,
            ruled,
            non_blank,
            texts,
            keys,
            roles,
            first_role,
        }
    }

    /// The cheap traits of the candidate at `position`; `None` when the line cannot be a title.
    fn cheap_features(&self, position: usize) -> Option<[f32; FEATURES]> {
        let text = self.texts[position].as_deref()?;
        let index = self.non_blank[position];
        let line = &self.lines[index];
        let mut f = [0.0f32; FEATURES];
        let mut set = |i: usize, on: bool| f[i] = if on { 1.0 } else { 0.0 };
        set(1, self.ruled == Some(index));
        set(2, position == 0);
        set(3, position == 1);
        set(4, position == 2);
        set(5, (3..=5).contains(&position));
        set(6, (6..=10).contains(&position));
        set(7, position >= 11);
        set(9, self.roles[position]);
        let words = word_count(text);
        set(11, words == 1);
        set(12, (2..=4).contains(&words));
        set(13, (5..=8).contains(&words));
        set(14, (9..=12).contains(&words));
        set(15, words >= 13);
        let lowercase = text
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "in" | "de" | "to"))
            .count();
        set(16, lowercase == 0);
        set(17, (1..=2).contains(&lowercase));
        set(18, ends_like_sentence(text));
        set(19, is_all_caps(text));
        set(20, text.chars().any(|c| c.is_ascii_digit()));
        set(21, line.raw.contains('|'));
        set(22, text.contains(':'));
        set(
            23,
            matches!(
                line.kind,
                LineKind::Field {
                    key: FieldKey::Title,
                    ..
                }
            ),
        );
        set(24, matches!(line.kind, LineKind::Heading(_)));
        set(25, matches!(line.kind, LineKind::Bullet(_)));
        set(
            30,
            line.raw.contains("://") || line.raw.contains('@') || line.raw.contains("www."),
        );
        let key = self.keys[position].as_deref().unwrap_or_default();
        let repeated = self
            .keys
            .iter()
            .enumerate()
            .any(|(other, k)| other != position && k.as_deref() == Some(key));
        set(31, repeated);
        set(
            35,
            index == 0 || self.lines[index - 1].kind == LineKind::Blank,
        );
        set(37, text.chars().next().is_some_and(char::is_uppercase));
        set(
            38,
            text.contains(['$', '£', '€', '₹']) || key.contains("salary"),
        );
        set(
            39,
            text.rfind('(')
                .is_some_and(|open| is_gender_marker(&text[open..])),
        );
        set(40, text.chars().count() > 80);
        let capitalised = text
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        set(41, words > 0 && capitalised * 10 >= words * 6);
        set(
            42,
            NAV_WORDS.iter().any(|nav| whole_word_count(key, nav) > 0),
        );
        set(
            43,
            [" - ", " – ", " — ", " | ", " at "]
                .iter()
                .any(|sep| text.contains(sep)),
        );
        set(44, is_board_chrome(line.raw.trim()));
        set(45, is_labelled_detail(text));
        set(46, self.first_role == Some(position));
        f[8] = ((1 + position) as f32).ln() / 4.0;
        Some(f)
    }

    /// Adds the traits listed in `COSTLY` to a candidate's cheap ones.
    fn add_costly_features(&self, position: usize, f: &mut [f32; FEATURES]) {
        let Some(text) = self.texts[position].as_deref() else {
            return;
        };
        let index = self.non_blank[position];
        let line = &self.lines[index];
        let words = word_count(text);
        let key = self.keys[position].as_deref().unwrap_or_default();
        let next = self.texts.get(position + 1).and_then(|t| t.as_deref());
        let mut set = |i: usize, on: bool| f[i] = if on { 1.0 } else { 0.0 };
        set(10, looks_like_title(text));
        set(26, words <= 6 && is_place(text));
        set(27, is_date_line(text));
        set(28, is_greeting(text));
        set(29, is_site_heading(text));
        set(
            32,
            (2..=8).contains(&words) && whole_word_count(self.folded_text, key) >= 2,
        );
        set(33, next.is_some_and(|t| word_count(t) <= 6 && is_place(t)));
        set(34, next.is_some_and(company_line));
        set(36, is_hiring_sentence(&line.raw));
    }
}

/// The text a title would be read from: a `Title:` field's value, or the line cleaned of
/// decorations and a long bracket of details. `None` for lines that cannot be a title.
fn candidate_text(line: &Line) -> Option<String> {
    // A paragraph is never a title; cleaning one would only cost time.
    if line.raw.len() > MAX_LINE_BYTES {
        return None;
    }
    let text = match &line.kind {
        LineKind::Blank => return None,
        LineKind::Field {
            key: FieldKey::Title,
            value,
        } => value.clone(),
        LineKind::Field { .. } => return None,
        _ => title_head(line.raw.trim()),
    };
    let text = text.trim().to_string();
    (!text.is_empty() && text.chars().count() <= 160).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(text: &str) -> Option<String> {
        let normalized = normalize_input(text);
        let lines = classify_lines(&normalized);
        let ruled = find_title_line(&lines).map(|(index, _)| index);
        choose(&lines, &fold(&normalized), ruled).map(|index| lines[index].raw.trim().to_string())
    }

    #[test]
    fn the_names_and_weights_agree() {
        assert_eq!(FEATURE_NAMES.len(), FEATURES);
        assert_eq!(weights::WEIGHTS.len(), FEATURES);
    }

    #[test]
    fn the_internship_fixture_keeps_its_title_line() {
        // With no override margin, the `Company | City | Internship` line under it won.
        let text = include_str!("../../../tests/fixtures/postings/12_internship.txt");
        assert_eq!(
            chosen(text).as_deref(),
            Some("Software Engineering Intern, Summer 2025")
        );
    }

    #[test]
    fn a_posting_that_starts_with_its_title_keeps_it() {
        let text = "Senior Backend Engineer\nAcme Ltd\nLondon, UK\n\nWe build payment software \
                    for small shops and are growing the team that runs it.\n";
        assert_eq!(chosen(text).as_deref(), Some("Senior Backend Engineer"));
    }

    #[test]
    fn site_chrome_above_the_title_is_passed_over() {
        // The rules stop at the first long line; the model reads on.
        let text = "Posted in News and events on 3 March 2025 by the webmaster\n\nStaff \
                    Nurse\nSt Mary's Hospital\nManchester\n\nWe are looking for a caring \
                    staff nurse to join our busy emergency team on days and nights.\n";
        let lines = classify_lines(&normalize_input(text));
        assert_eq!(find_title_line(&lines), None);
        assert_eq!(chosen(text).as_deref(), Some("Staff Nurse"));
    }

    #[test]
    fn another_line_must_beat_the_rules_line_by_the_margin() {
        let scored = [(None, 1.0), (Some(0), 3.0), (Some(4), 3.5)];
        assert_eq!(pick(&scored, Some(0), 1.0), Some(0));
        assert_eq!(pick(&scored, Some(0), 0.0), Some(4));
        // With no rules' line the top line wins, and "no line" when it scores highest.
        assert_eq!(pick(&scored, None, 1.0), Some(4));
        assert_eq!(pick(&[(None, 5.0), (Some(2), 3.0)], None, 1.0), None);
    }

    /// The team's fixture postings, read at test time.
    fn fixtures() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("the fixtures are readable")
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .map(|path| std::fs::read_to_string(path).expect("a fixture is readable"))
            .collect();
        texts.sort();
        texts
    }

    #[test]
    fn the_choice_with_pruning_is_the_choice_over_every_trait() {
        let texts = fixtures();
        assert!(texts.len() >= 20, "{} fixtures", texts.len());
        for text in texts {
            let normalized = normalize_input(&text);
            let lines = classify_lines(&normalized);
            let folded = fold(&normalized);
            let ruled = find_title_line(&lines).map(|(index, _)| index);
            let scored: Vec<(Option<usize>, f32)> = candidates(&lines, &folded, ruled)
                .iter()
                .map(|c| (c.line, score(&c.features)))
                .collect();
            assert_eq!(
                choose(&lines, &folded, ruled),
                pick(&scored, ruled, OVERRIDE_MARGIN),
                "{}",
                text.lines().next().unwrap_or_default()
            );
        }
    }

    #[test]
    fn only_the_costly_traits_are_left_to_the_second_step() {
        // The bound in `choose` is sound only if the cheap step never sets a costly trait and
        // the costly step sets nothing else.
        for text in fixtures() {
            let normalized = normalize_input(&text);
            let lines = classify_lines(&normalized);
            let ruled = find_title_line(&lines).map(|(index, _)| index);
            let folded = fold(&normalized);
            let context = Context::new(&lines, &folded, ruled);
            for position in 0..context.non_blank.len() {
                let Some(cheap) = context.cheap_features(position) else {
                    continue;
                };
                let mut full = cheap;
                context.add_costly_features(position, &mut full);
                for i in 0..FEATURES {
                    if COSTLY.contains(&i) {
                        assert_eq!(cheap[i], 0.0, "trait {i} set by the cheap step");
                        assert!(full[i] == 0.0 || full[i] == 1.0, "trait {i}");
                    } else {
                        assert_eq!(cheap[i], full[i], "trait {i} changed by the costly step");
                    }
                }
            }
        }
    }

    #[test]
    fn every_candidate_has_one_position_bucket() {
        let text = "Home\nJobs\nAccounts Assistant\nBristol\n\nA small firm of accountants is \
                    hiring an accounts assistant.\n";
        for candidate in candidates_of(text).iter().filter(|c| c.line.is_some()) {
            let buckets: f32 = candidate.features[2..=7].iter().sum();
            assert_eq!(buckets, 1.0, "{candidate:?}");
        }
    }
}
