//! Degree levels named in text: words (`Bachelor's degree`, `master of`,
//! `doctorate`, `high school`, `four-year degree`) and abbreviations (`BS`,
//! `B.S.`, `BSN`, `MBA`, `MSc`, `PhD`, `ADN`, `GED`), compared in their
//! exact case or all capitals.
//!
//! In strict mode (posting text) the abbreviations that are also ordinary
//! words or places — `BS`, `BA`, `MS`, `MA`, `JD` — count only next to a
//! `/` (`BS/MS`) or before `in`, `degree` or `from`; `Boston, MA` and
//! `MS Excel` are not degrees. Lenient mode (a profile's degree field)
//! accepts them anywhere.

use crate::taxonomy::{Token, tokenize};

/// How advanced a degree is, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DegreeLevel {
    HighSchool,
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

impl DegreeLevel {
    /// `high_school`, `associate`, `bachelor`, `master` or `phd`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DegreeLevel::HighSchool => "high_school",
            DegreeLevel::Associate => "associate",
            DegreeLevel::Bachelor => "bachelor",
            DegreeLevel::Master => "master",
            DegreeLevel::Doctorate => "phd",
        }
    }
}

const BACHELOR_ABBREVIATIONS: &[&str] = &[
    "BS", "BA", "BSc", "BSN", "BBA", "BEng", "BTech", "BCom", "BSE", "BFA", "BSW", "BASc", "BEd",
    "BArch", "BCA", "LLB", "BSEE", "BSCS", "BSBA", "BMus",
];
const MASTER_ABBREVIATIONS: &[&str] = &[
    "MS", "MA", "MSc", "MBA", "EMBA", "MSN", "MPH", "MEng", "MFA", "MPA", "MPP", "MSW", "MSF",
    "MAcc", "MFin", "MHA", "MCS", "MSCS", "MSDS", "MEd", "MPhil", "MTech", "MCA", "MLIS", "MSIS",
];
const DOCTORATE_ABBREVIATIONS: &[&str] = &[
    "PhD", "DPhil", "DNP", "PharmD", "EdD", "PsyD", "JD", "DPT", "DVM", "DDS", "DMD",
];
const ASSOCIATE_ABBREVIATIONS: &[&str] = &["ADN", "ASN", "AAS"];
const HIGH_SCHOOL_ABBREVIATIONS: &[&str] = &["GED"];
/// Abbreviations that need degree context in strict mode.
const AMBIGUOUS: &[&str] = &["BS", "BA", "MS", "MA", "JD"];

/// Every degree level named in the text, in text order.
pub(crate) fn degree_levels(text: &str, strict: bool) -> Vec<DegreeLevel> {
    let tokens = tokenize(text);
    (0..tokens.len())
        .filter_map(|i| level_at(&tokens, i, strict))
        .collect()
}

/// The lowest degree level named in any of the texts (strict mode).
pub(crate) fn minimum_level<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<DegreeLevel> {
    texts
        .into_iter()
        .flat_map(|text| degree_levels(text, true))
        .min()
}

/// The highest degree level named in the text (lenient mode).
pub(crate) fn highest_level(text: &str) -> Option<DegreeLevel> {
    degree_levels(text, false).into_iter().max()
}

fn level_at(tokens: &[Token<'_>], i: usize, strict: bool) -> Option<DegreeLevel> {
    let token = &tokens[i];
    if token.symbol {
        return None;
    }
    if let Some(level) = abbreviation_level(&token.plain) {
        let ambiguous = AMBIGUOUS
            .iter()
            .any(|a| token.plain == *a || token.plain == a.to_uppercase());
        if !strict || !ambiguous || has_degree_context(tokens, i) {
            return Some(level);
        }
        return None;
    }
    let key = |offset: usize| tokens.get(i + offset).map(|t| t.key.as_str());
    let previous = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .map(|t| t.key.as_str());
    let next = key(1);
    match token.key.as_str() {
        "bachelor" | "bachelors" | "baccalaureate" => Some(DegreeLevel::Bachelor),
        "undergraduate" | "college" | "university" if next == Some("degree") => {
            Some(DegreeLevel::Bachelor)
        }
        "four" | "4" if next == Some("year") && key(2) == Some("degree") => {
            Some(DegreeLevel::Bachelor)
        }
        "masters" if previous != Some("scrum") => Some(DegreeLevel::Master),
        "master" if matches!(next, Some("of" | "degree")) => Some(DegreeLevel::Master),
        "graduate" | "postgraduate" | "advanced" if next == Some("degree") => {
            Some(DegreeLevel::Master)
        }
        "doctorate" | "doctoral" | "phd" => Some(DegreeLevel::Doctorate),
        "doctor" if next == Some("of") => Some(DegreeLevel::Doctorate),
        "associate" | "associates" if matches!(next, Some("degree" | "of")) => {
            Some(DegreeLevel::Associate)
        }
        "high" | "secondary" if next == Some("school") => Some(DegreeLevel::HighSchool),
        _ => None,
    }
}

fn abbreviation_level(plain: &str) -> Option<DegreeLevel> {
    let tables: [(&[&str], DegreeLevel); 5] = [
        (BACHELOR_ABBREVIATIONS, DegreeLevel::Bachelor),
        (MASTER_ABBREVIATIONS, DegreeLevel::Master),
        (DOCTORATE_ABBREVIATIONS, DegreeLevel::Doctorate),
        (ASSOCIATE_ABBREVIATIONS, DegreeLevel::Associate),
        (HIGH_SCHOOL_ABBREVIATIONS, DegreeLevel::HighSchool),
    ];
    tables.iter().find_map(|(table, level)| {
        table
            .iter()
            .any(|a| plain == *a || plain == a.to_uppercase())
            .then_some(*level)
    })
}

/// `BS/MS`, `MS in Finance`, `BA degree`, `MBA from`.
fn has_degree_context(tokens: &[Token<'_>], i: usize) -> bool {
    let previous_slash = i > 0 && tokens[i - 1].symbol && tokens[i - 1].text == "/";
    let next = tokens.get(i + 1);
    let next_slash = next.is_some_and(|t| t.symbol && t.text == "/");
    let next_word = next.is_some_and(|t| matches!(t.key.as_str(), "in" | "degree" | "from"));
    previous_slash || next_slash || next_word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict(text: &str) -> Vec<DegreeLevel> {
        degree_levels(text, true)
    }

    #[test]
    fn words_and_abbreviations() {
        use DegreeLevel::*;
        assert_eq!(strict("Bachelor's degree in Finance"), [Bachelor]);
        assert_eq!(strict("BS/MS in Computer Science"), [Bachelor, Master]);
        assert_eq!(strict("B.S. in Nursing"), [Bachelor]);
        assert_eq!(strict("BSN required; MSN preferred"), [Bachelor, Master]);
        assert_eq!(strict("MBA or CFA"), [Master]);
        assert_eq!(strict("PhD or Ph.D. in Physics"), [Doctorate, Doctorate]);
        assert_eq!(
            strict("Associate degree in Nursing (ADN)"),
            [Associate, Associate]
        );
        assert_eq!(
            strict("High school diploma or GED"),
            [HighSchool, HighSchool]
        );
        assert_eq!(strict("four-year degree"), [Bachelor]);
        assert_eq!(strict("Master's preferred"), [Master]);
    }

    #[test]
    fn ambiguous_abbreviations_need_context_when_strict() {
        assert!(strict("Based in Boston, MA").is_empty());
        assert!(strict("Advanced MS Excel").is_empty());
        assert!(strict("Certified Scrum Masters").is_empty());
        assert!(strict("Latency below 200 ms").is_empty());
        assert_eq!(highest_level("MS, Finance"), Some(DegreeLevel::Master));
        assert_eq!(highest_level("BA Economics"), Some(DegreeLevel::Bachelor));
    }

    #[test]
    fn minimum_and_highest() {
        assert_eq!(
            minimum_level(["MBA preferred", "Bachelor's degree required"]),
            Some(DegreeLevel::Bachelor)
        );
        assert_eq!(
            highest_level("Bachelor of Science in Nursing"),
            Some(DegreeLevel::Bachelor)
        );
        assert_eq!(
            highest_level("Doctor of Philosophy"),
            Some(DegreeLevel::Doctorate)
        );
        assert_eq!(highest_level("Executive MBA"), Some(DegreeLevel::Master));
        assert_eq!(highest_level("Computer Science"), None);
    }
}
