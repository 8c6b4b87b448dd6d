//! `?limit=&offset=` parsing (limit 1..=100, default 20; offset ≥ 0, default 0; anything else is
//! a 422 naming the parameter) and the `pagination` object of every list response.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppError, FieldError};

/// Validated paging parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Pagination {
    /// Page size, 1..=100 (default 20).
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub limit: i64,
    /// Items to skip (default 0).
    #[param(minimum = 0, default = 0)]
    pub offset: i64,
}

impl Default for Pagination {
    fn default() -> Self {
        Pagination {
            limit: 20,
            offset: 0,
        }
    }
}

impl Pagination {
    /// Parses the paging parameters out of a raw query string.
    pub fn from_query(query: &str) -> Result<Self, AppError> {
        let mut page = Pagination::default();
        let mut errors = Vec::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "limit" => match value.parse::<i64>() {
                    Ok(n) if (1..=100).contains(&n) => page.limit = n,
                    _ => errors.push(FieldError::new(
                        "limit",
                        "must be a whole number from 1 to 100",
                    )),
                },
                "offset" => match value.parse::<i64>() {
                    Ok(n) if n >= 0 => page.offset = n,
                    _ => errors.push(FieldError::new(
                        "offset",
                        "must be a whole number of 0 or more",
                    )),
                },
                _ => {}
            }
        }
        if errors.is_empty() {
            Ok(page)
        } else {
            Err(AppError::Validation(errors))
        }
    }

    /// The `pagination` object for a result of `total` items.
    pub fn page(&self, total: i64) -> Page {
        Page {
            total,
            limit: self.limit,
            offset: self.offset,
            // Saturating: any offset up to i64::MAX is valid and must not overflow.
            has_next: self.offset.saturating_add(self.limit) < total,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Pagination {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Pagination::from_query(parts.uri.query().unwrap_or(""))
    }
}

/// The `pagination` object of list responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Page {
    /// Items matching the query, over all pages.
    pub total: i64,
    /// Page size used.
    pub limit: i64,
    /// Items skipped.
    pub offset: i64,
    /// Whether another page follows.
    pub has_next: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_bounds() {
        assert_eq!(
            Pagination::from_query("").unwrap(),
            Pagination {
                limit: 20,
                offset: 0
            }
        );
        assert_eq!(
            Pagination::from_query("limit=100&offset=40").unwrap(),
            Pagination {
                limit: 100,
                offset: 40
            }
        );
        for bad in [
            "limit=0",
            "limit=101",
            "limit=abc",
            "offset=-1",
            "offset=x",
            "limit=",
        ] {
            assert!(Pagination::from_query(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn has_next() {
        let p = Pagination {
            limit: 20,
            offset: 0,
        };
        assert!(p.page(21).has_next);
        assert!(!p.page(20).has_next);
        // The largest offsets a client may send do not overflow (a panic in debug builds).
        let far = Pagination::from_query("limit=100&offset=9223372036854775806").unwrap();
        assert!(!far.page(5).has_next);
    }
}
