//! JobWise backend: an HTTP API (axum) over SQLite or PostgreSQL (sqlx) for master profiles,
//! job search and tailored resume / cover-letter generation.
//!
//! `main.rs` only parses the command line; everything else lives here so the server, the CLI
//! commands and the tests build the very same application.

#[macro_use]
mod macros;

pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod documents;
pub mod error;
pub mod generation;
pub mod health;
pub mod http;
pub mod jobs;
pub mod openapi;
pub mod profiles;
pub mod rate_limit;
pub mod samples;
pub mod saved_jobs;
pub mod storage;
pub mod telemetry;
pub mod templates;

pub use app::{AppState, router};
pub use config::Config;
