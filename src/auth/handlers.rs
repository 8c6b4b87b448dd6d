//! Session endpoints: register, login, refresh (rotation + reuse detection), logout, me and
//! change-password, with their SQL.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use sqlx::{Any, Row, Transaction};
use uuid::Uuid;

use super::tokens::{TokenType, secret_digest};
use super::{
    ChangePasswordRequest, LoginRequest, RefreshTokenRequest, RegisterRequest, TokenResponse,
    UserView, normalize_email,
};
use crate::app::AppState;
use crate::db::{Timestamp, is_unique_violation, parse_uuid};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::http::{AuthUser, ClientIp, ValidJson};

const BAD_CREDENTIALS: &str = "invalid email or password";
const BAD_REFRESH: &str = "invalid, expired or already used refresh token";

/// Loads a user's public view.
pub async fn load_user(db: &crate::db::Db, user_id: Uuid) -> AppResult<Option<UserView>> {
    let row = sqlx::query("SELECT id, email, full_name, created_at FROM users WHERE id = $1")
        .bind(user_id.to_string())
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| user_from_row(&r)).transpose()
}

fn user_from_row(row: &sqlx::any::AnyRow) -> AppResult<UserView> {
    Ok(UserView {
        id: parse_uuid(row.try_get("id")?)?,
        email: row.try_get("email")?,
        full_name: row.try_get("full_name")?,
        created_at: Timestamp(row.try_get("created_at")?),
    })
}

/// Creates a refresh-token row (in `family`, or a new family) and signs both tokens. The row
/// keeps the access token's id so the pair can be re-signed identically during the
/// concurrent-refresh grace window (see [`refresh`]).
async fn issue_session(
    tx: &mut Transaction<'static, Any>,
    state: &AppState,
    user: UserView,
    family: Option<Uuid>,
    refresh_id: Uuid,
    now: Timestamp,
) -> AppResult<TokenResponse> {
    let refresh = state
        .tokens
        .sign(user.id, TokenType::Refresh, refresh_id, now)?;
    let access = state
        .tokens
        .sign(user.id, TokenType::Access, Uuid::now_v7(), now)?;
    sqlx::query(
        "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at, \
         access_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(refresh.id.to_string())
    .bind(user.id.to_string())
    .bind(family.unwrap_or(refresh.id).to_string())
    .bind(secret_digest(&refresh.token))
    .bind(now.millis())
    .bind(refresh.expires_at.millis())
    .bind(access.id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(TokenResponse {
        access_token: access.token,
        refresh_token: refresh.token,
        token_type: "Bearer",
        expires_in: state.tokens.access_ttl.as_secs(),
        user,
    })
}

/// Register a new account.
#[utoipa::path(post, path = "/register", tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "Account created; the caller is logged in", body = TokenResponse,
            headers(("Location" = String, description = "URL of the current user"))),
        (status = 409, description = "An account with this email exists", body = ErrorBody),
    ))]
pub async fn register(
    State(state): State<AppState>,
    ValidJson(body): ValidJson<RegisterRequest>,
) -> AppResult<impl IntoResponse> {
    let password_hash = state.passwords.hash(body.password).await?;
    let now = Timestamp::now();
    let user = UserView {
        id: Uuid::now_v7(),
        email: body.email.trim().to_owned(),
        full_name: body.full_name.trim().to_owned(),
        created_at: now,
    };
    let mut tx = state.db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO users (id, email, email_normalized, full_name, password_hash, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(user.id.to_string())
    .bind(&user.email)
    .bind(normalize_email(&user.email))
    .bind(&user.full_name)
    .bind(password_hash)
    .bind(now.millis())
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(err) if is_unique_violation(&err) => {
            return Err(AppError::Conflict(
                "an account with this email already exists".into(),
            ));
        }
        other => other?,
    };
    let tokens = issue_session(&mut tx, &state, user, None, Uuid::now_v7(), now).await?;
    tx.commit().await?;
    tracing::info!(user_id = %tokens.user.id, "account registered");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, "/api/v1/auth/me")],
        Json(tokens),
    ))
}

/// Log in with email and password.
#[utoipa::path(post, path = "/login", tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = TokenResponse),
        (status = 401, description = "Unknown email or wrong password (the same answer for both)", body = ErrorBody),
        (status = 429, description = "Too many failed logins for this account or address", body = ErrorBody),
    ))]
pub async fn login(
    State(state): State<AppState>,
    client_ip: ClientIp,
    ValidJson(body): ValidJson<LoginRequest>,
) -> AppResult<Json<TokenResponse>> {
    let limits = state.config.rate_limits;
    let email = normalize_email(&body.email);
    let account_key = format!("login-fail:acct:{email}");
    let ip_key = format!("login-fail:ip:{}", client_ip.0);
    let window = limits.login_failure_window;
    state
        .limiter
        .peek(&account_key, limits.login_failures_per_account, window)
        .await
        .into_result()?;
    state
        .limiter
        .peek(&ip_key, limits.login_failures_per_ip, window)
        .await
        .into_result()?;

    let row = sqlx::query(
        "SELECT id, email, full_name, created_at, password_hash FROM users WHERE email_normalized = $1",
    )
    .bind(&email)
    .fetch_optional(&state.db.pool)
    .await?;
    let stored_hash = row
        .as_ref()
        .map(|r| r.try_get::<String, _>("password_hash"))
        .transpose()?;
    let valid = state.passwords.verify(body.password, stored_hash).await?;
    let (Some(row), true) = (row, valid) else {
        state
            .limiter
            .hit(&account_key, limits.login_failures_per_account, window)
            .await;
        state
            .limiter
            .hit(&ip_key, limits.login_failures_per_ip, window)
            .await;
        return Err(AppError::Unauthorized(BAD_CREDENTIALS.into()));
    };
    state.limiter.reset(&account_key, window).await;
    let user = user_from_row(&row)?;
    let now = Timestamp::now();
    let mut tx = state.db.begin_write().await?;
    let tokens = issue_session(&mut tx, &state, user, None, Uuid::now_v7(), now).await?;
    tx.commit().await?;
    Ok(Json(tokens))
}

/// Exchange a refresh token for a new token pair. Each refresh token works once; presenting a
/// spent one revokes every token of its session family, except within the grace window
/// (`JOBWISE_REFRESH_GRACE_SECS`, default 10 s) after its rotation: then it gets the same new
/// pair its first use got, so two tabs refreshing at once do not log the user out.
#[utoipa::path(post, path = "/refresh", tag = "auth",
    request_body = RefreshTokenRequest,
    responses(
        (status = 200, description = "A new token pair; the old refresh token is spent (presented again within the grace window, it returns this same pair)", body = TokenResponse),
        (status = 401, description = "Invalid, expired, revoked or reused refresh token", body = ErrorBody),
    ))]
pub async fn refresh(
    State(state): State<AppState>,
    ValidJson(body): ValidJson<RefreshTokenRequest>,
) -> AppResult<Json<TokenResponse>> {
    let (user_id, _claims) = state
        .tokens
        .verify(&body.refresh_token, TokenType::Refresh)
        .map_err(|_| AppError::Unauthorized(BAD_REFRESH.into()))?;
    let now = Timestamp::now();
    let digest = secret_digest(&body.refresh_token);
    let mut tx = state.db.begin_write().await?;
    let Some(mut presented) = load_refresh_row(&mut tx, &digest, user_id).await? else {
        return Err(AppError::Unauthorized(BAD_REFRESH.into()));
    };
    if presented.revoked || presented.expires_at <= now.millis() {
        return Err(AppError::Unauthorized(BAD_REFRESH.into()));
    }
    if presented.used_at.is_none() {
        // Claim it and name its successor in one statement: of concurrent requests exactly one
        // wins; on PostgreSQL the others wait on the row lock and then match no row.
        let successor = Uuid::now_v7();
        let claimed = sqlx::query(
            "UPDATE refresh_tokens SET used_at = $1, replaced_by = $2 \
             WHERE id = $3 AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(now.millis())
        .bind(successor.to_string())
        .bind(&presented.id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if claimed {
            let user = load_user_tx(&mut tx, user_id).await?;
            let family = Some(parse_uuid(&presented.family_id)?);
            let tokens = issue_session(&mut tx, &state, user, family, successor, now).await?;
            tx.commit().await?;
            return Ok(Json(tokens));
        }
        // Lost the race: read what the winner committed.
        presented = load_refresh_row(&mut tx, &digest, user_id)
            .await?
            .ok_or_else(|| AppError::Unauthorized(BAD_REFRESH.into()))?;
    }
    let grace = state.config.refresh_grace.as_millis() as i64;
    let within_grace = presented
        .used_at
        .is_some_and(|used| now.millis() - used < grace);
    if within_grace
        && !presented.revoked
        && let Some(successor) = &presented.replaced_by
        && let Some(tokens) = reissue(&mut tx, &state, user_id, successor, now).await?
    {
        tx.commit().await?;
        return Ok(Json(tokens));
    }
    revoke_family(&mut tx, &presented.family_id, now).await?;
    tx.commit().await?;
    tracing::warn!(%user_id, family_id = presented.family_id, "refresh token reuse detected; session family revoked");
    Err(AppError::Unauthorized(BAD_REFRESH.into()))
}

/// The stored state of one refresh token.
struct RefreshRow {
    id: String,
    family_id: String,
    used_at: Option<i64>,
    revoked: bool,
    expires_at: i64,
    replaced_by: Option<String>,
}

async fn load_refresh_row(
    tx: &mut Transaction<'static, Any>,
    digest: &str,
    user_id: Uuid,
) -> AppResult<Option<RefreshRow>> {
    let row = sqlx::query(
        "SELECT id, family_id, used_at, revoked_at, expires_at, replaced_by FROM refresh_tokens \
         WHERE token_hash = $1 AND user_id = $2",
    )
    .bind(digest)
    .bind(user_id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|row| {
        Ok(RefreshRow {
            id: row.try_get("id")?,
            family_id: row.try_get("family_id")?,
            used_at: row.try_get("used_at")?,
            revoked: row.try_get::<Option<i64>, _>("revoked_at")?.is_some(),
            expires_at: row.try_get("expires_at")?,
            replaced_by: row.try_get("replaced_by")?,
        })
    })
    .transpose()
}

/// The pair first issued for `successor_id`, re-signed from its stored ids and issue time.
/// HS256 signing is deterministic, so these are the very tokens the first refresh returned;
/// the refresh token's digest is checked against the stored hash to make sure. `None` when the
/// successor is gone, revoked, expired, or no longer re-signs identically (a changed key).
async fn reissue(
    tx: &mut Transaction<'static, Any>,
    state: &AppState,
    user_id: Uuid,
    successor_id: &str,
    now: Timestamp,
) -> AppResult<Option<TokenResponse>> {
    let row = sqlx::query(
        "SELECT token_hash, created_at, expires_at, revoked_at, access_id FROM refresh_tokens \
         WHERE id = $1 AND user_id = $2",
    )
    .bind(successor_id)
    .bind(user_id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let revoked = row.try_get::<Option<i64>, _>("revoked_at")?.is_some();
    let expires_at: i64 = row.try_get("expires_at")?;
    let Some(access_id) = row.try_get::<Option<String>, _>("access_id")? else {
        return Ok(None);
    };
    if revoked || expires_at <= now.millis() {
        return Ok(None);
    }
    let issued = Timestamp(row.try_get("created_at")?);
    let refresh = state.tokens.sign(
        user_id,
        TokenType::Refresh,
        parse_uuid(successor_id)?,
        issued,
    )?;
    if secret_digest(&refresh.token) != row.try_get::<String, _>("token_hash")? {
        return Ok(None);
    }
    let access = state
        .tokens
        .sign(user_id, TokenType::Access, parse_uuid(&access_id)?, issued)?;
    let user = load_user_tx(tx, user_id).await?;
    let remaining_ms = (access.expires_at.millis() - now.millis()).max(0);
    Ok(Some(TokenResponse {
        access_token: access.token,
        refresh_token: refresh.token,
        token_type: "Bearer",
        expires_in: (remaining_ms / 1000) as u64,
        user,
    }))
}

async fn load_user_tx(tx: &mut Transaction<'static, Any>, user_id: Uuid) -> AppResult<UserView> {
    let row = sqlx::query("SELECT id, email, full_name, created_at FROM users WHERE id = $1")
        .bind(user_id.to_string())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| AppError::Unauthorized(BAD_REFRESH.into()))?;
    user_from_row(&row)
}

async fn revoke_family(
    tx: &mut Transaction<'static, Any>,
    family_id: &str,
    now: Timestamp,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL",
    )
    .bind(now.millis())
    .bind(family_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Log out: revoke the given refresh token and its whole session family. Access tokens are
/// short-lived and simply expire.
#[utoipa::path(post, path = "/logout", tag = "auth",
    request_body = RefreshTokenRequest,
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 204, description = "Session revoked (also when it already was)"),
        (status = 401, description = "Missing credentials, or a refresh token that is not one of the caller's", body = ErrorBody),
    ))]
pub async fn logout(
    State(state): State<AppState>,
    user: AuthUser,
    ValidJson(body): ValidJson<RefreshTokenRequest>,
) -> AppResult<StatusCode> {
    let (token_user, _) = state
        .tokens
        .verify(&body.refresh_token, TokenType::Refresh)
        .map_err(|_| AppError::Unauthorized(BAD_REFRESH.into()))?;
    if token_user != user.id {
        return Err(AppError::Unauthorized(BAD_REFRESH.into()));
    }
    let mut tx = state.db.begin_write().await?;
    let family: Option<String> = sqlx::query_scalar(
        "SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2",
    )
    .bind(secret_digest(&body.refresh_token))
    .bind(user.id.to_string())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(family) = family else {
        return Err(AppError::Unauthorized(BAD_REFRESH.into()));
    };
    revoke_family(&mut tx, &family, Timestamp::now()).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The current user.
#[utoipa::path(get, path = "/me", tag = "auth",
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "The authenticated account", body = UserView)))]
pub async fn me(State(state): State<AppState>, user: AuthUser) -> AppResult<Json<UserView>> {
    load_user(&state.db, user.id)
        .await?
        .map(Json)
        .ok_or_else(|| AppError::Unauthorized("the account no longer exists".into()))
}

/// Change the password. Every other session is revoked; the caller gets a fresh token pair.
#[utoipa::path(post, path = "/change-password", tag = "auth",
    request_body = ChangePasswordRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Password changed; a new token pair for this client", body = TokenResponse),
        (status = 403, description = "The current password is wrong, or the call used an API key", body = ErrorBody),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    user: AuthUser,
    ValidJson(body): ValidJson<ChangePasswordRequest>,
) -> AppResult<Json<TokenResponse>> {
    user.require_session()?;
    let stored: Option<String> =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
            .bind(user.id.to_string())
            .fetch_optional(&state.db.pool)
            .await?;
    let Some(stored) = stored else {
        return Err(AppError::Unauthorized(
            "the account no longer exists".into(),
        ));
    };
    if !state
        .passwords
        .verify(body.current_password, Some(stored))
        .await?
    {
        return Err(AppError::Forbidden("the current password is wrong".into()));
    }
    let new_hash = state.passwords.hash(body.new_password).await?;
    let now = Timestamp::now();
    let mut tx = state.db.begin_write().await?;
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(new_hash)
        .bind(now.millis())
        .bind(user.id.to_string())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
    )
    .bind(now.millis())
    .bind(user.id.to_string())
    .execute(&mut *tx)
    .await?;
    let account = load_user_tx(&mut tx, user.id).await?;
    let tokens = issue_session(&mut tx, &state, account, None, Uuid::now_v7(), now).await?;
    tx.commit().await?;
    tracing::info!(user_id = %user.id, "password changed; other sessions revoked");
    Ok(Json(tokens))
}
