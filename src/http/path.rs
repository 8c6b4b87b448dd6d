//! Path parameters shared by every feature.

use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// A path id that is not a UUID names nothing: 404, as the contract says.
pub fn parse_path_id(raw: &str, what: &str) -> AppResult<Uuid> {
    Uuid::parse_str(raw).map_err(|_| AppError::not_found(what))
}
