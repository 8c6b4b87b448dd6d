//! The client's IP address, for per-IP rate limits on anonymous routes: the socket peer, or
//! the first `X-Forwarded-For` hop when `JOBWISE_TRUST_PROXY_HEADERS` is on.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::app::AppState;
use crate::error::AppError;

/// The caller's address as text (`"unknown"` when the transport does not tell).
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl ClientIp {
    /// Resolves the client address from request parts.
    pub fn from_parts(parts: &Parts, trust_proxy_headers: bool) -> Self {
        if trust_proxy_headers
            && let Some(ip) = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|v| v.trim().parse::<IpAddr>().ok())
        {
            return ClientIp(ip.to_string());
        }
        match parts.extensions.get::<ConnectInfo<SocketAddr>>() {
            Some(ConnectInfo(addr)) => ClientIp(addr.ip().to_string()),
            None => ClientIp("unknown".to_owned()),
        }
    }
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp::from_parts(
            parts,
            state.config.trust_proxy_headers,
        ))
    }
}
