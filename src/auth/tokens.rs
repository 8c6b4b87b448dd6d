//! Signed tokens: short-lived access JWTs and rotating refresh JWTs (HS256). Both carry `sub`,
//! `exp`, `iat`, `jti` and a `typ` claim, so a refresh token is never accepted as an access
//! token and the other way round. Refresh tokens are also stored (hashed) server-side, which is
//! what makes them single-use and revocable.

use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::Timestamp;

/// What a token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenType {
    /// Presented as `Authorization: Bearer` on API calls.
    Access,
    /// Exchanged at `/auth/refresh` for a new pair.
    Refresh,
}

/// The JWT claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    /// Expiry (Unix seconds).
    pub exp: i64,
    /// Issued at (Unix seconds).
    pub iat: i64,
    /// Unique token id; for refresh tokens, the id of its stored row.
    pub jti: String,
    /// Access or refresh.
    pub typ: TokenType,
}

/// Why a token was refused (all map to the same 401 for clients).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    /// Bad signature, malformed, expired or missing claims.
    #[error("invalid or expired token")]
    Invalid,
    /// A valid token of the other type.
    #[error("wrong token type")]
    WrongType,
}

/// Signing keys and lifetimes.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// Access token lifetime.
    pub access_ttl: Duration,
    /// Refresh token lifetime.
    pub refresh_ttl: Duration,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKeys")
            .field("access_ttl", &self.access_ttl)
            .field("refresh_ttl", &self.refresh_ttl)
            .finish_non_exhaustive()
    }
}

/// A freshly signed token.
#[derive(Debug, Clone)]
pub struct SignedToken {
    /// The compact JWT.
    pub token: String,
    /// Its `jti`.
    pub id: Uuid,
    /// When it expires.
    pub expires_at: Timestamp,
}

impl TokenKeys {
    /// Builds keys from the HS256 secret.
    pub fn new(secret: &[u8], access_ttl: Duration, refresh_ttl: Duration) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.validate_exp = true;
        validation.set_required_spec_claims(&["exp", "iat", "sub"]);
        Ok(TokenKeys {
            encoding: EncodingKey::from_secret(secret)?,
            decoding: DecodingKey::from_secret(secret)?,
            validation,
            access_ttl,
            refresh_ttl,
        })
    }

    /// Signs a token of `typ` for `user_id` with id `jti`, issued `now`.
    pub fn sign(
        &self,
        user_id: Uuid,
        typ: TokenType,
        jti: Uuid,
        now: Timestamp,
    ) -> anyhow::Result<SignedToken> {
        let ttl = match typ {
            TokenType::Access => self.access_ttl,
            TokenType::Refresh => self.refresh_ttl,
        };
        let expires_at = now.plus(ttl);
        let claims = Claims {
            sub: user_id.to_string(),
            exp: expires_at.unix_seconds(),
            iat: now.unix_seconds(),
            jti: jti.to_string(),
            typ,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok(SignedToken {
            token,
            id: jti,
            expires_at,
        })
    }

    /// Verifies signature, expiry and type; returns the user id and claims.
    pub fn verify(&self, token: &str, expected: TokenType) -> Result<(Uuid, Claims), TokenError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| TokenError::Invalid)?;
        if data.claims.typ != expected {
            return Err(TokenError::WrongType);
        }
        let user_id = Uuid::parse_str(&data.claims.sub).map_err(|_| TokenError::Invalid)?;
        Ok((user_id, data.claims))
    }
}

/// SHA-256 hex digest of a high-entropy secret (refresh tokens, API keys, share tokens). A
/// fast hash is right here: these secrets are random, not guessable passwords.
pub fn secret_digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// `n` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).expect("the operating system's random source failed");
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(
            b"0123456789abcdef0123456789abcdef",
            Duration::from_secs(900),
            Duration::from_secs(86_400),
        )
        .unwrap()
    }

    #[test]
    fn access_round_trip() {
        let k = keys();
        let user = Uuid::now_v7();
        let t = k
            .sign(user, TokenType::Access, Uuid::now_v7(), Timestamp::now())
            .unwrap();
        let (sub, claims) = k.verify(&t.token, TokenType::Access).unwrap();
        assert_eq!(sub, user);
        assert_eq!(claims.exp - claims.iat, 900);
    }

    #[test]
    fn types_do_not_mix() {
        let k = keys();
        let t = k
            .sign(
                Uuid::now_v7(),
                TokenType::Refresh,
                Uuid::now_v7(),
                Timestamp::now(),
            )
            .unwrap();
        assert_eq!(
            k.verify(&t.token, TokenType::Access).unwrap_err(),
            TokenError::WrongType
        );
    }

    #[test]
    fn expired_tampered_and_foreign_tokens_fail() {
        let k = keys();
        let past = Timestamp(Timestamp::now().millis() - 3_600_000);
        let expired = k
            .sign(Uuid::now_v7(), TokenType::Access, Uuid::now_v7(), past)
            .unwrap();
        assert_eq!(
            k.verify(&expired.token, TokenType::Access).unwrap_err(),
            TokenError::Invalid
        );

        let good = k
            .sign(
                Uuid::now_v7(),
                TokenType::Access,
                Uuid::now_v7(),
                Timestamp::now(),
            )
            .unwrap();
        let mut tampered = good.token.clone();
        let last = tampered.pop().unwrap();
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        assert_eq!(
            k.verify(&tampered, TokenType::Access).unwrap_err(),
            TokenError::Invalid
        );

        let other = TokenKeys::new(
            b"another-secret-another-secret-123",
            Duration::from_secs(60),
            Duration::from_secs(60),
        )
        .unwrap();
        assert_eq!(
            other.verify(&good.token, TokenType::Access).unwrap_err(),
            TokenError::Invalid
        );
        assert_eq!(
            k.verify("garbage", TokenType::Access).unwrap_err(),
            TokenError::Invalid
        );
    }

    #[test]
    fn digests_are_stable_hex() {
        assert_eq!(secret_digest("abc").len(), 64);
        assert_eq!(secret_digest("abc"), secret_digest("abc"));
        assert_ne!(random_bytes::<16>(), random_bytes::<16>());
    }
}
