//! JobWise engine: pure, deterministic text analysis for the JobWise backend.
//!
//! No IO, no async, no network; the same input always gives the same output.
//! Entry points:
//!
//! * [`parse_posting`] turns a pasted job posting into a [`ParsedPosting`].
//! * [`analyze_style`] builds a [`StyleProfile`] from a user's writing samples.
//! * [`Taxonomy::shipped`] is the skills taxonomy; [`Taxonomy::find`] finds
//!   its terms in text.
//! * [`analyze_job`] (pipeline stage 1) turns a [`JobPosting`] into a [`JobAnalysis`]:
//!   weighted required/preferred keywords, seniority, years, degree.
//! * [`suggest_improvements`] proposes stronger wording for a profile without
//!   adding facts.
//! * [`compile_profile`] (stage 2) scores a [`Profile`] against a
//!   [`JobAnalysis`] into a [`CompiledProfile`]: evidence per requirement,
//!   ranked items, match percentage, missing keywords.
//! * [`own_words::skill_label`] writes a listed skill in the person's own words,
//!   with the posting's alias beside it ("Amazon Web Services (AWS)").
//! * [`resume::parse_resume`] reads a résumé's lines into a [`Profile`];
//!   [`resume::from_linkedin`] reads LinkedIn's data export.

#![warn(missing_docs)]

pub mod analysis;
pub mod enhance;
mod lexical;
pub mod matching;
pub mod own_words;
pub mod posting;
pub mod profile;
pub mod resume;
pub mod style;
pub mod taxonomy;

pub use analysis::{JobAnalysis, JobPosting, Keyword, analyze_job, text_hash};
pub use enhance::{Suggestion, suggest_improvements};
pub use matching::{
    CompiledProfile, Evidence, ItemKind, RankedItem, RequirementMatch, compile_profile,
};
pub use posting::{
    ExperienceLevel, JobType, ParseWarning, ParsedPosting, Salary, SalaryPeriod, SchemaNodes,
    WorkArrangement, company_from_page_title, decode_entities, parse_posting, parse_salary,
    posting_from_schema_org,
};
pub use profile::Profile;
pub use style::{StyleProfile, analyze_style};

/// The ASCII letter an accented Latin letter is written on ("é" → "e", "Ł" → "L", "ş" → "s"),
/// in either case; `None` for ASCII and for other characters. Shared by the posting parser
/// (role nouns written with or without accents) and the service's file names.
pub fn latin_base(c: char) -> Option<char> {
    let lower = match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ğ' => 'g',
        'ş' | 'ś' | 'š' => 's',
        'ł' => 'l',
        'ż' | 'ź' | 'ž' => 'z',
        'ř' => 'r',
        _ if c == 'İ' => 'i',
        _ => return None,
    };
    Some(if c.is_uppercase() {
        lower.to_ascii_uppercase()
    } else {
        lower
    })
}
pub use taxonomy::{Category, SkillEntry, SkillMatch, Taxonomy, TaxonomyError};
