//! HTTP plumbing shared by every feature: extractors (authenticated user, validated JSON,
//! pagination, client IP) and the middleware stack (request ids, error bodies, metrics).

pub mod auth;
pub mod client_ip;
pub mod json;
pub mod middleware;
pub mod pagination;
pub mod path;
pub mod preconditions;

pub use auth::AuthUser;
pub use client_ip::ClientIp;
pub use json::{ValidJson, Validate};
pub use pagination::{Page, Pagination};
pub use path::parse_path_id;
pub use preconditions::{IfMatch, etag};
