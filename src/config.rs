//! Typed configuration, read once at start-up from environment variables (and an optional
//! `.env` file). Every variable is documented in `.env.example` and the README; a bad value
//! fails fast with a message naming the variable.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A secret value whose `Debug`/`Display` never reveal it (so it cannot leak into logs).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret string.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself; call only where it is used, never to log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable, coloured when on a terminal.
    Pretty,
    /// One JSON object per line, for log shippers.
    Json,
}

/// Which origins may call the API from a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorsOrigins {
    /// No CORS headers at all (same-origin only).
    None,
    /// `*`: any origin (credentials are bearer tokens, not cookies, so this is safe to offer).
    Any,
    /// An explicit allow-list.
    List(Vec<String>),
}

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordHashCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Number of passes.
    pub iterations: u32,
}

/// Rate-limit settings; every window is fixed (counters reset at the window boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Requests per minute for an authenticated user.
    pub user_per_minute: u32,
    /// Requests per minute per client IP on anonymous routes (register, login, refresh).
    pub anonymous_per_minute: u32,
    /// Failed logins per account in the login-failure window before it is locked out.
    pub login_failures_per_account: u32,
    /// Failed logins per client IP in the login-failure window.
    pub login_failures_per_ip: u32,
    /// Length of the login-failure window.
    pub login_failure_window: Duration,
}

/// The whole service configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address the HTTP server binds (`JOBWISE_ADDR`).
    pub addr: SocketAddr,
    /// Directory for the SQLite file, the generated JWT secret and stored files.
    pub data_dir: PathBuf,
    /// Database URL: `sqlite://…` or `postgres://…`.
    pub database_url: Secret,
    /// Maximum pooled database connections.
    pub db_max_connections: u32,
    /// HS256 signing secret; `None` means "generate one in the data dir".
    pub jwt_secret: Option<Secret>,
    /// Lifetime of access tokens.
    pub access_token_ttl: Duration,
    /// Lifetime of refresh tokens.
    pub refresh_token_ttl: Duration,
    /// How long a just-rotated refresh token may be presented again and get the same new pair
    /// (`JOBWISE_REFRESH_GRACE_SECS`; 0 turns the grace off).
    pub refresh_grace: Duration,
    /// Log output format.
    pub log_format: LogFormat,
    /// `tracing` filter directive.
    pub log_filter: String,
    /// Browser origins allowed by CORS.
    pub cors_origins: CorsOrigins,
    /// Optional Redis URL; when set, rate-limit counters live there.
    pub redis_url: Option<Secret>,
    /// Redis timeouts and the circuit breaker's retry interval.
    pub redis: crate::rate_limit::RedisSettings,
    /// Largest accepted request body.
    pub body_limit_bytes: usize,
    /// Time after which a request is abandoned with a 503.
    pub request_timeout: Duration,
    /// Rate limits.
    pub rate_limits: RateLimits,
    /// Argon2id cost.
    pub password_hash_cost: PasswordHashCost,
    /// Trust `X-Forwarded-For` for the client IP (only behind a reverse proxy you control).
    pub trust_proxy_headers: bool,
    /// Where generated files go (`JOBWISE_STORAGE_URL`: `file:///dir` or `s3://bucket/prefix`);
    /// `None` means `<data dir>/files`.
    pub storage_url: Option<String>,
    /// S3 settings from the usual `AWS_*` variables (credentials, region, endpoint override),
    /// as (object_store config key, value).
    pub s3_options: Vec<(&'static str, Secret)>,
    /// Generation workers and their timing.
    pub workers: crate::generation::worker::WorkerSettings,
    /// Generations a user may request per hour (`JOBWISE_GENERATIONS_PER_HOUR`).
    pub generations_per_hour: u32,
    /// Public base URL of share links (`JOBWISE_PUBLIC_URL`); `None` means the request's host.
    pub public_url: Option<String>,
    /// The LLM engine (`JOBWISE_LLM_BASE_URL` + `_MODEL`); `None` means offline only.
    pub llm: Option<crate::generation::llm::LlmSettings>,
    /// Limits of `POST /jobs/import {"url"}` page fetches.
    pub fetch: crate::jobs::fetch::FetchSettings,
}

/// A configuration error naming the offending variable.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {var}: {message}")]
pub struct ConfigError {
    /// The environment variable.
    pub var: &'static str,
    /// What is wrong with it.
    pub message: String,
}

fn invalid(var: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        var,
        message: message.into(),
    }
}

impl Config {
    /// Reads the process environment (after loading `.env` if present).
    pub fn from_env() -> Result<Self, ConfigError> {
        let _ = dotenvy::dotenv();
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the configuration from any variable lookup (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let var = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };

        let addr = match var("JOBWISE_ADDR") {
            Some(v) => v.parse().map_err(|_| {
                invalid(
                    "JOBWISE_ADDR",
                    format!("{v:?} is not a host:port socket address"),
                )
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 8000)),
        };
        let data_dir = PathBuf::from(var("JOBWISE_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = match var("DATABASE_URL") {
            Some(url) => {
                if !(url.starts_with("sqlite:")
                    || url.starts_with("postgres://")
                    || url.starts_with("postgresql://"))
                {
                    return Err(invalid(
                        "DATABASE_URL",
                        "must start with sqlite:, postgres:// or postgresql://",
                    ));
                }
                url
            }
            None => default_sqlite_url(&data_dir),
        };
        let jwt_secret = match var("JOBWISE_JWT_SECRET") {
            Some(s) if s.len() < 32 => {
                return Err(invalid(
                    "JOBWISE_JWT_SECRET",
                    "must be at least 32 characters long",
                ));
            }
            other => other.map(Secret::new),
        };
        let log_format = match var("JOBWISE_LOG_FORMAT").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(invalid(
                    "JOBWISE_LOG_FORMAT",
                    format!("{other:?}: expected pretty or json"),
                ));
            }
        };
        let cors_origins = match var("JOBWISE_CORS_ORIGINS") {
            None => CorsOrigins::None,
            Some(v) if v == "*" => CorsOrigins::Any,
            Some(v) => {
                let list: Vec<String> = v
                    .split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                for origin in &list {
                    if !(origin.starts_with("http://") || origin.starts_with("https://"))
                        || origin.ends_with('/')
                    {
                        return Err(invalid(
                            "JOBWISE_CORS_ORIGINS",
                            format!(
                                "{origin:?}: origins look like https://app.example.com (scheme, host, optional port, no path)"
                            ),
                        ));
                    }
                }
                CorsOrigins::List(list)
            }
        };
        let redis_url = match var("REDIS_URL") {
            Some(url) if !(url.starts_with("redis://") || url.starts_with("rediss://")) => {
                return Err(invalid(
                    "REDIS_URL",
                    "must start with redis:// or rediss://",
                ));
            }
            other => other.map(Secret::new),
        };

        Ok(Config {
            addr,
            database_url: Secret::new(database_url),
            data_dir,
            db_max_connections: number(&var, "JOBWISE_DB_MAX_CONNECTIONS", 10, 1, 1000)?,
            jwt_secret,
            access_token_ttl: Duration::from_secs(number(
                &var,
                "JOBWISE_ACCESS_TOKEN_TTL_SECS",
                900,
                30,
                86_400,
            )?),
            refresh_token_ttl: Duration::from_secs(
                86_400 * number(&var, "JOBWISE_REFRESH_TOKEN_TTL_DAYS", 30, 1, 365)?,
            ),
            refresh_grace: Duration::from_secs(number(
                &var,
                "JOBWISE_REFRESH_GRACE_SECS",
                10,
                0,
                300,
            )?),
            log_format,
            log_filter: var("RUST_LOG").unwrap_or_else(|| "info,sqlx=warn,tower_http=info".into()),
            cors_origins,
            redis_url,
            redis: crate::rate_limit::RedisSettings {
                connect_timeout: Duration::from_millis(number(
                    &var,
                    "JOBWISE_REDIS_CONNECT_TIMEOUT_MS",
                    50,
                    1,
                    60_000,
                )?),
                command_timeout: Duration::from_millis(number(
                    &var,
                    "JOBWISE_REDIS_COMMAND_TIMEOUT_MS",
                    50,
                    1,
                    60_000,
                )?),
                retry_interval: Duration::from_millis(number(
                    &var,
                    "JOBWISE_REDIS_RETRY_MS",
                    1000,
                    10,
                    600_000,
                )?),
            },
            body_limit_bytes: number(
                &var,
                "JOBWISE_BODY_LIMIT_BYTES",
                1_048_576,
                1024,
                100 * 1_048_576,
            )?,
            request_timeout: Duration::from_secs(number(
                &var,
                "JOBWISE_REQUEST_TIMEOUT_SECS",
                30,
                1,
                3600,
            )?),
            rate_limits: RateLimits {
                user_per_minute: number(&var, "JOBWISE_RATE_LIMIT_PER_MINUTE", 100, 1, 1_000_000)?,
                anonymous_per_minute: number(
                    &var,
                    "JOBWISE_ANON_RATE_LIMIT_PER_MINUTE",
                    30,
                    1,
                    1_000_000,
                )?,
                login_failures_per_account: number(
                    &var,
                    "JOBWISE_LOGIN_FAILURES_PER_ACCOUNT",
                    5,
                    1,
                    1_000_000,
                )?,
                login_failures_per_ip: number(
                    &var,
                    "JOBWISE_LOGIN_FAILURES_PER_IP",
                    20,
                    1,
                    1_000_000,
                )?,
                login_failure_window: Duration::from_secs(
                    60 * number(&var, "JOBWISE_LOGIN_FAILURE_WINDOW_MINUTES", 15, 1, 1440)?,
                ),
            },
            password_hash_cost: PasswordHashCost {
                memory_kib: number(&var, "JOBWISE_ARGON2_MEMORY_KIB", 19_456, 8, 4_194_304)?,
                iterations: number(&var, "JOBWISE_ARGON2_ITERATIONS", 2, 1, 100)?,
            },
            trust_proxy_headers: boolean(&var, "JOBWISE_TRUST_PROXY_HEADERS", false)?,
            fetch: crate::jobs::fetch::FetchSettings {
                enabled: boolean(&var, "JOBWISE_FETCH_ENABLED", true)?,
                allow_private: boolean(&var, "JOBWISE_FETCH_ALLOW_PRIVATE", false)?,
                timeout: Duration::from_secs(number(
                    &var,
                    "JOBWISE_FETCH_TIMEOUT_SECS",
                    10,
                    1,
                    120,
                )?),
                max_bytes: number(
                    &var,
                    "JOBWISE_FETCH_MAX_BYTES",
                    5 * 1024 * 1024,
                    1024,
                    64 * 1024 * 1024,
                )?,
                max_redirects: 3,
            },
            storage_url: match var("JOBWISE_STORAGE_URL") {
                Some(url) if !(url.starts_with("file://") || url.starts_with("s3://")) => {
                    return Err(invalid(
                        "JOBWISE_STORAGE_URL",
                        "must be file:///absolute/path or s3://bucket[/prefix]",
                    ));
                }
                other => other,
            },
            s3_options: [
                ("AWS_ACCESS_KEY_ID", "aws_access_key_id"),
                ("AWS_SECRET_ACCESS_KEY", "aws_secret_access_key"),
                ("AWS_SESSION_TOKEN", "aws_session_token"),
                ("AWS_DEFAULT_REGION", "aws_region"),
                ("AWS_REGION", "aws_region"),
                ("AWS_ENDPOINT_URL", "aws_endpoint"),
                ("AWS_ENDPOINT", "aws_endpoint"),
                ("AWS_ALLOW_HTTP", "aws_allow_http"),
            ]
            .into_iter()
            .filter_map(|(name, key)| var(name).map(|v| (key, Secret::new(v))))
            .collect(),
            workers: crate::generation::worker::WorkerSettings {
                workers: number(&var, "JOBWISE_WORKERS", 2, 0, 64)? as usize,
                claim_ttl: Duration::from_secs(number(
                    &var,
                    "JOBWISE_CLAIM_TTL_SECS",
                    30,
                    2,
                    3600,
                )?),
                poll_interval: Duration::from_millis(number(
                    &var,
                    "JOBWISE_WORKER_POLL_MS",
                    500,
                    10,
                    60_000,
                )?),
                stage_timeout: Duration::from_secs(number(
                    &var,
                    "JOBWISE_STAGE_TIMEOUT_SECS",
                    60,
                    1,
                    3600,
                )?),
                max_attempts: number(&var, "JOBWISE_GENERATION_MAX_ATTEMPTS", 3, 1, 100)?,
            },
            generations_per_hour: number(&var, "JOBWISE_GENERATIONS_PER_HOUR", 10, 1, 1_000_000)?,
            public_url: match var("JOBWISE_PUBLIC_URL") {
                Some(url) if !(url.starts_with("http://") || url.starts_with("https://")) => {
                    return Err(invalid(
                        "JOBWISE_PUBLIC_URL",
                        "must be an http:// or https:// URL such as https://jobwise.example.com",
                    ));
                }
                other => other,
            },
            llm: llm_settings(&var)?,
        })
    }

    /// True when the database URL selects PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.database_url.expose().starts_with("postgres")
    }
}

/// `JOBWISE_LLM_*`: unset base URL means the offline engine only.
fn llm_settings(
    var: &impl Fn(&str) -> Option<String>,
) -> Result<Option<crate::generation::llm::LlmSettings>, ConfigError> {
    let Some(base_url) = var("JOBWISE_LLM_BASE_URL") else {
        return Ok(None);
    };
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(invalid(
            "JOBWISE_LLM_BASE_URL",
            "must be an http:// or https:// URL such as http://localhost:11434/v1",
        ));
    }
    let model = var("JOBWISE_LLM_MODEL").ok_or_else(|| {
        invalid(
            "JOBWISE_LLM_MODEL",
            "is required when JOBWISE_LLM_BASE_URL is set",
        )
    })?;
    let mut client = jobwise_llm::LlmConfig::new(base_url, model, var("JOBWISE_LLM_API_KEY"));
    client.request_timeout =
        Duration::from_secs(number(var, "JOBWISE_LLM_TIMEOUT_SECS", 30, 1, 600)?);
    client.max_retries = number(var, "JOBWISE_LLM_MAX_RETRIES", 3, 0, 10)?;
    client.backoff_base =
        Duration::from_millis(number(var, "JOBWISE_LLM_BACKOFF_MS", 500, 1, 60_000)?);
    client.breaker_threshold = number(var, "JOBWISE_LLM_BREAKER_THRESHOLD", 5, 0, 1000)?;
    client.breaker_cooldown = Duration::from_secs(number(
        var,
        "JOBWISE_LLM_BREAKER_COOLDOWN_SECS",
        30,
        1,
        3600,
    )?);
    Ok(Some(crate::generation::llm::LlmSettings {
        client,
        token_budget: number(var, "JOBWISE_LLM_TOKEN_BUDGET", 8000, 100, 1_000_000)?,
        max_tokens_per_call: number(var, "JOBWISE_LLM_MAX_TOKENS_PER_CALL", 2000, 16, 100_000)?,
    }))
}

/// The embedded default: a SQLite file in the data dir, created when missing.
pub fn default_sqlite_url(data_dir: &Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("jobwise.db").display()
    )
}

fn number<T>(
    var: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
    min: T,
    max: T,
) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + fmt::Display + Copy,
{
    match var(name) {
        None => Ok(default),
        Some(raw) => {
            let value: T = raw
                .parse()
                .map_err(|_| invalid(name, format!("{raw:?} is not a whole number")))?;
            if value < min || value > max {
                return Err(invalid(name, format!("{value} is outside {min}..={max}")));
            }
            Ok(value)
        }
    }
}

fn boolean(
    var: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: bool,
) -> Result<bool, ConfigError> {
    match var(name).map(|v| v.to_ascii_lowercase()).as_deref() {
        None => Ok(default),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some("0" | "false" | "no" | "off") => Ok(false),
        Some(other) => Err(invalid(name, format!("{other:?}: expected true or false"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn page_fetch_limits() {
        let c = config(&[]).unwrap();
        assert!(c.fetch.enabled);
        assert!(!c.fetch.allow_private);
        assert_eq!(c.fetch.timeout, Duration::from_secs(10));
        assert_eq!(c.fetch.max_bytes, 5 * 1024 * 1024);
        assert_eq!(c.fetch.max_redirects, 3);
        let c = config(&[
            ("JOBWISE_FETCH_ALLOW_PRIVATE", "true"),
            ("JOBWISE_FETCH_TIMEOUT_SECS", "3"),
        ])
        .unwrap();
        assert!(c.fetch.allow_private);
        assert_eq!(c.fetch.timeout, Duration::from_secs(3));
        let err = config(&[("JOBWISE_FETCH_MAX_BYTES", "lots")]).unwrap_err();
        assert_eq!(err.var, "JOBWISE_FETCH_MAX_BYTES");
    }

    #[test]
    fn defaults_are_the_embedded_setup() {
        let c = config(&[]).unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:8000");
        assert_eq!(c.data_dir, PathBuf::from("./data"));
        assert_eq!(
            c.database_url.expose(),
            "sqlite://./data/jobwise.db?mode=rwc"
        );
        assert!(!c.is_postgres());
        assert!(c.jwt_secret.is_none());
        assert_eq!(c.access_token_ttl, Duration::from_secs(900));
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert_eq!(c.cors_origins, CorsOrigins::None);
        assert_eq!(c.body_limit_bytes, 1_048_576);
        assert_eq!(c.rate_limits.user_per_minute, 100);
        assert!(c.redis_url.is_none());
    }

    #[test]
    fn data_dir_moves_the_default_database() {
        let c = config(&[("JOBWISE_DATA_DIR", "/srv/jw")]).unwrap();
        assert_eq!(
            c.database_url.expose(),
            "sqlite:///srv/jw/jobwise.db?mode=rwc"
        );
    }

    #[test]
    fn postgres_url_selects_postgres() {
        let c = config(&[("DATABASE_URL", "postgres://u@localhost/jw")]).unwrap();
        assert!(c.is_postgres());
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (k, v) in [
            ("JOBWISE_ADDR", "localhost"),
            ("DATABASE_URL", "mysql://x"),
            ("JOBWISE_JWT_SECRET", "short"),
            ("JOBWISE_LOG_FORMAT", "xml"),
            ("JOBWISE_CORS_ORIGINS", "example.com"),
            ("REDIS_URL", "localhost:6379"),
            ("JOBWISE_RATE_LIMIT_PER_MINUTE", "0"),
            ("JOBWISE_BODY_LIMIT_BYTES", "lots"),
            ("JOBWISE_TRUST_PROXY_HEADERS", "maybe"),
        ] {
            let err = config(&[(k, v)]).unwrap_err();
            assert_eq!(err.var, k, "{k}={v} should be rejected");
        }
    }

    #[test]
    fn cors_list_and_wildcard() {
        let c = config(&[(
            "JOBWISE_CORS_ORIGINS",
            "https://a.example, http://localhost:3000",
        )])
        .unwrap();
        assert_eq!(
            c.cors_origins,
            CorsOrigins::List(vec![
                "https://a.example".into(),
                "http://localhost:3000".into()
            ])
        );
        assert_eq!(
            config(&[("JOBWISE_CORS_ORIGINS", "*")])
                .unwrap()
                .cors_origins,
            CorsOrigins::Any
        );
    }

    #[test]
    fn secrets_do_not_print() {
        let c = config(&[(
            "JOBWISE_JWT_SECRET",
            "0123456789abcdef0123456789abcdef-very-secret",
        )])
        .unwrap();
        let printed = format!("{c:?}");
        assert!(!printed.contains("very-secret"));
        assert!(printed.contains("Secret(***)"));
    }

    #[test]
    fn blank_values_count_as_unset() {
        let c = config(&[("JOBWISE_ADDR", "  "), ("REDIS_URL", "")]).unwrap();
        assert_eq!(c.addr.port(), 8000);
        assert!(c.redis_url.is_none());
    }
}
