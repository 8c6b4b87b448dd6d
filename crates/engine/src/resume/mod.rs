//! Reading a résumé the person already has into a [`Profile`](crate::Profile): free-form
//! dates ([`dates`]), reading order of positioned PDF text ([`layout`]), the heading and word
//! lists ([`vocab`]), the parser itself ([`parse_resume`]) and LinkedIn's data export
//! ([`from_linkedin`]). Everything is pure: bytes are turned into text elsewhere
//! (`jobwise-extract`), and the same lines always give the same profile.

pub mod dates;
pub mod layout;
pub mod linkedin;
mod parse;
pub mod vocab;

pub use dates::{DateValue, FoundRange, find_range, parse_date};
pub use layout::{PositionedLine, PositionedPage, SourceLine, Span, reading_order, text_lines};
pub use linkedin::{from_linkedin, read_csv};
pub use parse::{ParseNote, ParsedResume, fluency_level, parse_resume, parse_resume_text};
