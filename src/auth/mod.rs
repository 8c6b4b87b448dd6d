//! Accounts and credentials: registration, login, rotating refresh tokens with reuse
//! detection, logout, password change and personal API keys (`/api/v1/auth`).

pub mod api_keys;
pub mod handlers;
pub mod password;
pub mod tokens;

use axum::middleware::from_fn_with_state;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::Timestamp;
use crate::error::FieldError;
use crate::http::Validate;
use crate::http::json::rules;

/// Routes under `/api/v1/auth`. Register, login and refresh are anonymous and rate-limited
/// per client IP; the rest take an authenticated user.
pub fn router(state: AppState) -> OpenApiRouter<AppState> {
    let anonymous = OpenApiRouter::new()
        .routes(routes!(handlers::register))
        .routes(routes!(handlers::login))
        .routes(routes!(handlers::refresh))
        .route_layer(from_fn_with_state(state, crate::app::anonymous_rate_limit));
    OpenApiRouter::new()
        .merge(anonymous)
        .routes(routes!(handlers::logout))
        .routes(routes!(handlers::me))
        .routes(routes!(handlers::change_password))
        .routes(routes!(api_keys::list_api_keys, api_keys::create_api_key))
        .routes(routes!(api_keys::get_api_key, api_keys::delete_api_key))
}

/// The public view of an account.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserView {
    /// User id (UUID v7).
    pub id: Uuid,
    /// Email as registered.
    #[schema(example = "jane.doe@example.com")]
    pub email: String,
    /// Display name.
    #[schema(example = "Jane Doe")]
    pub full_name: String,
    /// Registration time.
    #[schema(value_type = String, format = DateTime, example = "2026-11-29T10:30:00.000Z")]
    pub created_at: Timestamp,
}

/// Tokens issued by register, login, refresh and change-password.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Short-lived access JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Single-use refresh token; exchange it at `/auth/refresh` for a new pair.
    pub refresh_token: String,
    /// Always `Bearer`.
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Access-token lifetime in seconds.
    #[schema(example = 900)]
    pub expires_in: u64,
    /// The account.
    pub user: UserView,
}

/// `POST /auth/register` body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({"email": "jane.doe@example.com", "password": "Correct-horse-7", "full_name": "Jane Doe"}))]
pub struct RegisterRequest {
    /// Email address (unique, case-insensitive).
    pub email: String,
    /// 8–128 characters mixing at least two of: lower case, upper case, digits, symbols.
    pub password: String,
    /// Display name, 1–100 characters.
    pub full_name: String,
}

impl Validate for RegisterRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !rules::is_email(self.email.trim()) {
            errors.push(FieldError::new("email", "must be a valid email address"));
        }
        if let Err(problem) = password::check_policy(&self.password) {
            errors.push(FieldError::new("password", problem));
        }
        rules::required_text(&mut errors, "full_name", &self.full_name, 100);
        errors
    }
}

/// `POST /auth/login` body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({"email": "jane.doe@example.com", "password": "Correct-horse-7"}))]
pub struct LoginRequest {
    /// Registered email (any letter case).
    pub email: String,
    /// Password.
    pub password: String,
}

impl Validate for LoginRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.email.trim().is_empty() {
            errors.push(FieldError::new("email", "must not be empty"));
        }
        if self.password.is_empty() {
            errors.push(FieldError::new("password", "must not be empty"));
        }
        errors
    }
}

/// Body of `POST /auth/refresh` and `POST /auth/logout`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct RefreshTokenRequest {
    /// A refresh token from a token response.
    pub refresh_token: String,
}

impl Validate for RefreshTokenRequest {
    fn validate(&self) -> Vec<FieldError> {
        if self.refresh_token.trim().is_empty() {
            vec![FieldError::new("refresh_token", "must not be empty")]
        } else {
            Vec::new()
        }
    }
}

/// `POST /auth/change-password` body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ChangePasswordRequest {
    /// The password in use now.
    pub current_password: String,
    /// The new password (same rule as at registration).
    pub new_password: String,
}

impl Validate for ChangePasswordRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.current_password.is_empty() {
            errors.push(FieldError::new("current_password", "must not be empty"));
        }
        if let Err(problem) = password::check_policy(&self.new_password) {
            errors.push(FieldError::new("new_password", problem));
        }
        errors
    }
}

/// Lower-cased, trimmed email used for uniqueness and login.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}
