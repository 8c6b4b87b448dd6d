//! Pure retry arithmetic: exponential backoff with full jitter, and `Retry-After` parsing.

use std::time::{Duration, SystemTime};

/// Backoff before retry number `retry` (0 for the first retry): a uniformly random duration
/// between zero and `min(max, base * 2^retry)` ("full jitter").
pub(crate) fn backoff_delay(base: Duration, max: Duration, retry: u32) -> Duration {
    let cap = backoff_cap(base, max, retry);
    cap.mul_f64(random_unit())
}

/// The upper bound of [`backoff_delay`] for retry number `retry`.
pub(crate) fn backoff_cap(base: Duration, max: Duration, retry: u32) -> Duration {
    let factor = 2u32.saturating_pow(retry.min(31));
    base.saturating_mul(factor).min(max)
}

/// A random number in `[0, 1)`; 0.5 if the OS gives no randomness (jitter is a nicety).
fn random_unit() -> f64 {
    match getrandom::u64() {
        // 53 random bits fill an f64 mantissa exactly.
        Ok(bits) => (bits >> 11) as f64 / (1u64 << 53) as f64,
        Err(_) => 0.5,
    }
}

/// Reads a `Retry-After` value: delay-seconds or an HTTP-date (a past date means "now").
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    // Some servers send fractional seconds; accept them rather than ignore the hint.
    if let Ok(seconds) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_doubles_then_stops_at_max() {
        let base = Duration::from_millis(500);
        let max = Duration::from_secs(8);
        let caps: Vec<_> = (0..7)
            .map(|r| backoff_cap(base, max, r).as_millis())
            .collect();
        assert_eq!(caps, [500, 1000, 2000, 4000, 8000, 8000, 8000]);
        assert_eq!(backoff_cap(base, max, u32::MAX), max);
    }

    #[test]
    fn jittered_delay_stays_under_cap() {
        let base = Duration::from_millis(100);
        let max = Duration::from_secs(1);
        for retry in 0..10 {
            let delay = backoff_delay(base, max, retry);
            assert!(delay <= backoff_cap(base, max, retry));
        }
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("1.5", now),
            Some(Duration::from_millis(1500))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(12));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(12))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(12));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
    }
}
