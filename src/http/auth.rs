//! `AuthUser`: the authenticated caller, from `Authorization: Bearer <access JWT>` or
//! `X-API-Key`. Every private handler takes it; taking it also applies the per-user rate limit.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::api_keys;
use crate::auth::tokens::TokenType;
use crate::error::AppError;

/// How the caller proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    /// An access JWT from a login session.
    Session,
    /// A personal API key.
    ApiKey,
}

/// The authenticated caller.
#[derive(Debug, Clone, Copy)]
pub struct AuthUser {
    /// The user's id; every query on user-owned rows filters by it.
    pub id: Uuid,
    /// How they authenticated.
    pub method: AuthMethod,
}

impl AuthUser {
    /// Refuses API-key callers on credential-management endpoints (403).
    pub fn require_session(&self) -> Result<(), AppError> {
        match self.method {
            AuthMethod::Session => Ok(()),
            AuthMethod::ApiKey => Err(AppError::Forbidden(
                "this endpoint needs a login session; API keys cannot manage credentials".into(),
            )),
        }
    }
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(cached) = parts.extensions.get::<AuthUser>() {
            return Ok(*cached);
        }
        let user = if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let value = value
                .to_str()
                .map_err(|_| AppError::Unauthorized("malformed Authorization header".into()))?;
            let token = match value.split_once(' ') {
                Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
                _ => {
                    return Err(AppError::Unauthorized(
                        "expected Authorization: Bearer <token>".into(),
                    ));
                }
            };
            let (id, _) = state
                .tokens
                .verify(token, TokenType::Access)
                .map_err(|_| AppError::Unauthorized("invalid or expired access token".into()))?;
            AuthUser {
                id,
                method: AuthMethod::Session,
            }
        } else if let Some(value) = parts.headers.get("x-api-key") {
            let secret = value.to_str().unwrap_or_default().trim();
            let id = api_keys::authenticate(&state.db, secret)
                .await?
                .ok_or_else(|| AppError::Unauthorized("invalid or expired API key".into()))?;
            AuthUser {
                id,
                method: AuthMethod::ApiKey,
            }
        } else {
            return Err(AppError::Unauthorized(
                "authentication required: send Authorization: Bearer <token> or X-API-Key".into(),
            ));
        };
        let limit = state.config.rate_limits.user_per_minute;
        state
            .limiter
            .hit(
                &format!("user:{}", user.id),
                limit,
                std::time::Duration::from_secs(60),
            )
            .await
            .into_result()?;
        parts.extensions.insert(user);
        Ok(user)
    }
}
