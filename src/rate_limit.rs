//! Fixed-window rate limiting. Counters live in process memory by default, or in Redis when
//! `REDIS_URL` is set so several API instances share them. A counter key names what is
//! limited (`user:<id>`, `anon:<ip>`, `login-fail:acct:<email>`…); the window index is
//! appended so old windows simply expire.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::aio::ConnectionManager;

use crate::error::AppError;

/// Where the counters live.
enum Store {
    Memory(Mutex<HashMap<String, (u64, u32)>>),
    Redis {
        conn: ConnectionManager,
        prefix: String,
    },
}

/// Shared limiter (wrap in `Arc` or keep in `AppState`).
pub struct RateLimiter {
    store: Store,
}

/// Outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Whether the request may go on.
    pub allowed: bool,
    /// Count in the current window after this check.
    pub count: u32,
    /// Seconds until the window resets.
    pub retry_after: u64,
}

impl Decision {
    /// `Err(429)` when not allowed.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.allowed {
            Ok(())
        } else {
            Err(AppError::RateLimited {
                retry_after: self.retry_after,
            })
        }
    }
}

fn window_of(window: Duration) -> (u64, u64) {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let len = window.as_secs().max(1);
    let index = now / len;
    let retry_after = (index + 1) * len - now;
    (index, retry_after.max(1))
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.store {
            Store::Memory(_) => f.write_str("RateLimiter(memory)"),
            Store::Redis { prefix, .. } => write!(f, "RateLimiter(redis, prefix {prefix:?})"),
        }
    }
}

impl RateLimiter {
    /// In-process counters.
    pub fn in_memory() -> Self {
        RateLimiter {
            store: Store::Memory(Mutex::new(HashMap::new())),
        }
    }

    /// Counters in Redis under `prefix`.
    pub async fn redis(url: &str, prefix: impl Into<String>) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)?;
        let conn = ConnectionManager::new(client).await?;
        Ok(RateLimiter {
            store: Store::Redis {
                conn,
                prefix: prefix.into(),
            },
        })
    }

    /// Name of the backend, for the health report.
    pub fn backend(&self) -> &'static str {
        match self.store {
            Store::Memory(_) => "memory",
            Store::Redis { .. } => "redis",
        }
    }

    /// Counts one hit on `key` and says whether it stays within `limit` per `window`.
    pub async fn hit(&self, key: &str, limit: u32, window: Duration) -> Decision {
        self.add(key, limit, window, 1).await
    }

    /// Says whether `key` is already at `limit` in this window, without counting.
    pub async fn peek(&self, key: &str, limit: u32, window: Duration) -> Decision {
        self.add(key, limit, window, 0).await
    }

    /// Forgets the current window's count for `key` (after a successful login, say).
    pub async fn reset(&self, key: &str, window: Duration) {
        let (index, _) = window_of(window);
        match &self.store {
            Store::Memory(map) => {
                map.lock().expect("rate-limit map poisoned").remove(key);
            }
            Store::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                let full = format!("{prefix}{key}:{index}");
                if let Err(err) = redis::cmd("DEL")
                    .arg(&full)
                    .query_async::<()>(&mut conn)
                    .await
                {
                    tracing::warn!(error = %err, "rate limiter: redis DEL failed");
                }
            }
        }
    }

    /// Health check of the backing store.
    pub async fn ping(&self) -> Result<(), String> {
        match &self.store {
            Store::Memory(_) => Ok(()),
            Store::Redis { conn, .. } => {
                let mut conn = conn.clone();
                redis::cmd("PING")
                    .query_async::<String>(&mut conn)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }

    async fn add(&self, key: &str, limit: u32, window: Duration, amount: u32) -> Decision {
        let (index, retry_after) = window_of(window);
        let count = match &self.store {
            Store::Memory(map) => {
                let mut map = map.lock().expect("rate-limit map poisoned");
                if map.len() > 100_000 {
                    map.retain(|_, (i, _)| *i == index);
                }
                let entry = map.entry(key.to_owned()).or_insert((index, 0));
                if entry.0 != index {
                    *entry = (index, 0);
                }
                entry.1 = entry.1.saturating_add(amount);
                entry.1
            }
            Store::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                let full = format!("{prefix}{key}:{index}");
                let result: Result<(u32,), _> = redis::pipe()
                    .atomic()
                    .cmd("INCRBY")
                    .arg(&full)
                    .arg(amount)
                    .cmd("EXPIRE")
                    .arg(&full)
                    .arg(window.as_secs().max(1) + 1)
                    .ignore()
                    .query_async(&mut conn)
                    .await;
                match result {
                    Ok((count,)) => count,
                    Err(err) => {
                        // Fail open: an unreachable Redis must not take the API down with it.
                        tracing::warn!(error = %err, "rate limiter: redis unavailable, allowing request");
                        0
                    }
                }
            }
        };
        let allowed = if amount == 0 {
            count < limit
        } else {
            count <= limit
        };
        Decision {
            allowed,
            count,
            retry_after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_limiter_counts_per_key() {
        let limiter = RateLimiter::in_memory();
        let minute = Duration::from_secs(60);
        for _ in 0..3 {
            assert!(limiter.hit("a", 3, minute).await.allowed);
        }
        let denied = limiter.hit("a", 3, minute).await;
        assert!(!denied.allowed);
        assert!(denied.retry_after >= 1 && denied.retry_after <= 60);
        assert!(limiter.hit("b", 3, minute).await.allowed);
        assert!(!limiter.peek("a", 3, minute).await.allowed);
        limiter.reset("a", minute).await;
        assert!(limiter.peek("a", 3, minute).await.allowed);
    }
}
