//! JobWise engine: pure, deterministic text analysis for the JobWise backend.
//!
//! No IO, no async, no network. Two entry points:
//!
//! * [`parse_posting`] turns a pasted job posting into a [`ParsedPosting`].
//! * [`analyze_style`] builds a [`StyleProfile`] from a user's writing samples.

#![warn(missing_docs)]

pub mod posting;
pub mod style;

pub use posting::{
    ExperienceLevel, JobType, ParsedPosting, Salary, SalaryPeriod, WorkArrangement, parse_posting,
    parse_salary,
};
pub use style::{StyleProfile, analyze_style};
