//! Fixed-window rate limiting. Counters live in process memory by default, or in Redis when
//! `REDIS_URL` is set so several API instances share them. A counter key names what is
//! limited (`user:<id>`, `anon:<ip>`, `login-fail:acct:<email>`…); the window index is
//! appended so old windows simply expire.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use crate::error::AppError;

/// Timeouts and the retry interval of the Redis store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedisSettings {
    /// Limit on opening a connection (`JOBWISE_REDIS_CONNECT_TIMEOUT_MS`, default 50 ms).
    pub connect_timeout: Duration,
    /// Limit on one command's round trip (`JOBWISE_REDIS_COMMAND_TIMEOUT_MS`, default 50 ms).
    pub command_timeout: Duration,
    /// While the circuit is open, how often Redis is tried again in the background
    /// (`JOBWISE_REDIS_RETRY_MS`, default 1000 ms).
    pub retry_interval: Duration,
}

impl Default for RedisSettings {
    fn default() -> Self {
        RedisSettings {
            connect_timeout: Duration::from_millis(50),
            command_timeout: Duration::from_millis(50),
            retry_interval: Duration::from_millis(1000),
        }
    }
}

/// In-process counters: key → (window index, count).
type Counters = Mutex<HashMap<String, (u64, u32)>>;

/// The Redis store, with its circuit breaker and the in-process fallback.
struct RedisStore {
    conn: ConnectionManager,
    prefix: String,
    settings: RedisSettings,
    /// Open: Redis failed; counting happens in `fallback` until a background probe succeeds.
    open: AtomicBool,
    /// When the circuit opened (for the health report).
    opened_at: Mutex<Option<Instant>>,
    fallback: Counters,
}

/// Where the counters live.
enum Store {
    Memory(Counters),
    Redis(Arc<RedisStore>),
}

/// Shared limiter (wrap in `Arc` or keep in `AppState`).
///
/// With Redis, every command has a short timeout; the first failure opens a circuit breaker,
/// and until a background probe (every `retry_interval`) gets an answer again, counting
/// happens in process memory, so losing Redis costs a request at most one command timeout,
/// and then nothing. Counting returns to Redis when it answers again.
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

/// Adds `amount` to `key`'s count in this window, in process memory.
fn count_in_memory(map: &Counters, key: &str, index: u64, amount: u32) -> u32 {
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

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.store {
            Store::Memory(_) => f.write_str("RateLimiter(memory)"),
            Store::Redis(redis) => write!(f, "RateLimiter(redis, prefix {:?})", redis.prefix),
        }
    }
}

impl RedisStore {
    fn is_open(&self) -> bool {
        self.open.load(Ordering::Acquire)
    }

    /// Opens the circuit after a failure (logged once per outage).
    fn trip(&self, error: &str) {
        if !self.open.swap(true, Ordering::AcqRel) {
            *self.opened_at.lock().expect("breaker lock poisoned") = Some(Instant::now());
            metrics::counter!("rate_limiter_redis_circuit_opened_total").increment(1);
            tracing::warn!(
                error,
                retry_ms = self.settings.retry_interval.as_millis() as u64,
                "rate limiter: Redis failed; counting in process memory until it answers again"
            );
        }
    }

    /// Awaits one Redis command (built on a clone of `conn`) within the command timeout.
    async fn within_timeout<T>(
        &self,
        command: impl Future<Output = redis::RedisResult<T>>,
    ) -> Result<T, String> {
        match tokio::time::timeout(self.settings.command_timeout, command).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => Err(err.to_string()),
            Err(_) => Err(format!(
                "no answer within {} ms",
                self.settings.command_timeout.as_millis()
            )),
        }
    }

    async fn ping(&self) -> Result<(), String> {
        let mut conn = self.conn.clone();
        let ping = redis::cmd("PING");
        self.within_timeout(ping.query_async::<String>(&mut conn))
            .await
            .map(|_| ())
    }

    /// Background task: while the circuit is open, pings Redis every `retry_interval` and
    /// closes the circuit when it answers. Ends when the limiter is dropped.
    fn watch(store: std::sync::Weak<RedisStore>, interval: Duration) {
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(interval).await;
                let Some(store) = store.upgrade() else {
                    return;
                };
                if store.is_open() && store.ping().await.is_ok() {
                    store.open.store(false, Ordering::Release);
                    let since = store
                        .opened_at
                        .lock()
                        .expect("breaker lock poisoned")
                        .take()
                        .map(|t| t.elapsed().as_millis() as u64);
                    tracing::info!(
                        outage_ms = since,
                        "rate limiter: Redis answers again; counting there again"
                    );
                }
            }
        });
    }
}

impl RateLimiter {
    /// In-process counters.
    pub fn in_memory() -> Self {
        RateLimiter {
            store: Store::Memory(Mutex::new(HashMap::new())),
        }
    }

    /// Counters in Redis under `prefix`, with the default timeouts.
    pub async fn redis(url: &str, prefix: impl Into<String>) -> anyhow::Result<Self> {
        Self::redis_with(url, prefix, RedisSettings::default()).await
    }

    /// Counters in Redis under `prefix`. Fails when Redis does not answer at start-up (a
    /// configuration error); later outages degrade to in-process counting.
    pub async fn redis_with(
        url: &str,
        prefix: impl Into<String>,
        settings: RedisSettings,
    ) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)?;
        // Reconnection is short and bounded too: the breaker, not the connection manager,
        // decides when to try Redis again.
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(settings.connect_timeout))
            .set_response_timeout(Some(settings.command_timeout))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(10))
            .set_max_delay(settings.retry_interval);
        let start_up = settings.connect_timeout.max(Duration::from_secs(2));
        let conn =
            tokio::time::timeout(start_up, ConnectionManager::new_with_config(client, config))
                .await
                .map_err(|_| anyhow::anyhow!("Redis did not answer within {start_up:?}"))??;
        let store = Arc::new(RedisStore {
            conn,
            prefix: prefix.into(),
            settings,
            open: AtomicBool::new(false),
            opened_at: Mutex::new(None),
            fallback: Mutex::new(HashMap::new()),
        });
        RedisStore::watch(Arc::downgrade(&store), settings.retry_interval);
        Ok(RateLimiter {
            store: Store::Redis(store),
        })
    }

    /// Name of the backend, for the health report.
    pub fn backend(&self) -> &'static str {
        match self.store {
            Store::Memory(_) => "memory",
            Store::Redis(_) => "redis",
        }
    }

    /// True while Redis is considered down and counting happens in process memory.
    pub fn circuit_open(&self) -> bool {
        match &self.store {
            Store::Memory(_) => false,
            Store::Redis(redis) => redis.is_open(),
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
            Store::Redis(redis) => {
                redis
                    .fallback
                    .lock()
                    .expect("rate-limit map poisoned")
                    .remove(key);
                if redis.is_open() {
                    return;
                }
                let full = format!("{}{key}:{index}", redis.prefix);
                let mut conn = redis.conn.clone();
                let mut delete = redis::cmd("DEL");
                delete.arg(&full);
                if let Err(err) = redis
                    .within_timeout(delete.query_async::<()>(&mut conn))
                    .await
                {
                    redis.trip(&err);
                }
            }
        }
    }

    /// Health check of the backing store: an open circuit is reported as an error (the
    /// service is degraded: counters are per instance until Redis answers again).
    pub async fn ping(&self) -> Result<(), String> {
        match &self.store {
            Store::Memory(_) => Ok(()),
            Store::Redis(redis) if redis.is_open() => {
                let since = redis
                    .opened_at
                    .lock()
                    .expect("breaker lock poisoned")
                    .map(|t| t.elapsed().as_secs())
                    .unwrap_or(0);
                Err(format!(
                    "circuit open for {since} s: Redis unreachable, counting in process memory \
                     (retried every {} ms)",
                    redis.settings.retry_interval.as_millis()
                ))
            }
            Store::Redis(redis) => redis.ping().await,
        }
    }

    async fn add(&self, key: &str, limit: u32, window: Duration, amount: u32) -> Decision {
        let (index, retry_after) = window_of(window);
        let count = match &self.store {
            Store::Memory(map) => count_in_memory(map, key, index, amount),
            Store::Redis(redis) if redis.is_open() => {
                count_in_memory(&redis.fallback, key, index, amount)
            }
            Store::Redis(redis) => {
                let full = format!("{}{key}:{index}", redis.prefix);
                let expiry = window.as_secs().max(1) + 1;
                let mut conn = redis.conn.clone();
                let mut pipe = redis::pipe();
                pipe.atomic()
                    .cmd("INCRBY")
                    .arg(&full)
                    .arg(amount)
                    .cmd("EXPIRE")
                    .arg(&full)
                    .arg(expiry)
                    .ignore();
                let result = redis
                    .within_timeout(pipe.query_async::<(u32,)>(&mut conn))
                    .await;
                match result {
                    Ok((count,)) => count,
                    Err(err) => {
                        // Degrade, never fail: an unreachable Redis must not take the API down
                        // with it, nor slow every request down.
                        redis.trip(&err);
                        count_in_memory(&redis.fallback, key, index, amount)
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
