//! Circuit breaker: stop calling a provider that keeps failing, and probe it again later.
//!
//! Closed → (threshold consecutive failed calls) → Open → (cooldown) → one half-open probe;
//! the probe's success closes the circuit, its failure opens it for another cooldown.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Where the breaker stands, for health checks and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CircuitState {
    /// Calls go through.
    Closed,
    /// Calls fail fast with `CircuitOpen` until the cooldown ends.
    Open,
    /// The cooldown ended: the next call (one at a time) is a probe.
    HalfOpen,
}

#[derive(Debug, Default)]
struct Inner {
    consecutive_failures: u32,
    opened_at: Option<Instant>,
    probe_in_flight: bool,
}

/// One breaker per client; shared by all its calls.
#[derive(Debug)]
pub(crate) struct CircuitBreaker {
    threshold: u32,
    cooldown: Duration,
    inner: Mutex<Inner>,
}

/// Leave to make one call; report its outcome with [`Permit::record`]. Dropping it unreported
/// (the call was abandoned) frees the probe slot without judging the provider.
#[derive(Debug)]
pub(crate) struct Permit<'a> {
    breaker: &'a CircuitBreaker,
    probe: bool,
    reported: bool,
}

impl CircuitBreaker {
    pub(crate) fn new(threshold: u32, cooldown: Duration) -> Self {
        Self {
            threshold,
            cooldown,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The state stays consistent even if a holder panicked: every update is one assignment.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn state(&self) -> CircuitState {
        self.state_at(Instant::now())
    }

    fn state_at(&self, now: Instant) -> CircuitState {
        let inner = self.lock();
        match inner.opened_at {
            None => CircuitState::Closed,
            Some(at) if now.saturating_duration_since(at) < self.cooldown => CircuitState::Open,
            Some(_) => CircuitState::HalfOpen,
        }
    }

    /// Asks to make a call; `None` means fail fast.
    pub(crate) fn try_acquire(&self) -> Option<Permit<'_>> {
        self.try_acquire_at(Instant::now())
    }

    fn try_acquire_at(&self, now: Instant) -> Option<Permit<'_>> {
        let mut inner = self.lock();
        let probe = match inner.opened_at {
            None => false,
            Some(at) if now.saturating_duration_since(at) < self.cooldown => return None,
            Some(_) if inner.probe_in_flight => return None,
            Some(_) => {
                inner.probe_in_flight = true;
                true
            }
        };
        Some(Permit {
            breaker: self,
            probe,
            reported: false,
        })
    }

    fn on_success(&self) {
        let mut inner = self.lock();
        if inner.opened_at.is_some() {
            tracing::info!("LLM circuit closed: probe call succeeded");
        }
        *inner = Inner::default();
    }

    fn on_failure(&self, probe: bool, now: Instant) {
        let mut inner = self.lock();
        inner.consecutive_failures = inner.consecutive_failures.saturating_add(1);
        if probe {
            inner.probe_in_flight = false;
            inner.opened_at = Some(now);
            tracing::warn!("LLM circuit re-opened: probe call failed");
        } else if inner.opened_at.is_none()
            && self.threshold > 0
            && inner.consecutive_failures >= self.threshold
        {
            inner.opened_at = Some(now);
            tracing::warn!(
                failures = inner.consecutive_failures,
                cooldown_ms = self.cooldown.as_millis() as u64,
                "LLM circuit opened"
            );
        }
    }

    fn on_abandoned(&self, probe: bool) {
        if probe {
            self.lock().probe_in_flight = false;
        }
    }
}

impl Permit<'_> {
    /// Reports the call's outcome: `true` if the provider behaved (answered, even with a 4xx).
    pub(crate) fn record(mut self, healthy: bool) {
        self.reported = true;
        if healthy {
            self.breaker.on_success();
        } else {
            self.breaker.on_failure(self.probe, Instant::now());
        }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if !self.reported {
            self.breaker.on_abandoned(self.probe);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COOLDOWN: Duration = Duration::from_secs(30);

    fn fail(breaker: &CircuitBreaker, now: Instant) {
        let permit = breaker.try_acquire_at(now).expect("permit");
        let probe = permit.probe;
        std::mem::forget(permit);
        breaker.on_failure(probe, now);
    }

    #[test]
    fn opens_after_threshold_then_probes_after_cooldown() {
        let breaker = CircuitBreaker::new(3, COOLDOWN);
        let t0 = Instant::now();
        fail(&breaker, t0);
        fail(&breaker, t0);
        assert_eq!(breaker.state_at(t0), CircuitState::Closed);
        fail(&breaker, t0);
        assert_eq!(breaker.state_at(t0), CircuitState::Open);
        assert!(breaker.try_acquire_at(t0 + COOLDOWN / 2).is_none());

        let later = t0 + COOLDOWN;
        assert_eq!(breaker.state_at(later), CircuitState::HalfOpen);
        let probe = breaker.try_acquire_at(later).expect("probe allowed");
        assert!(probe.probe);
        // Only one probe at a time.
        assert!(breaker.try_acquire_at(later).is_none());
        probe.record(true);
        assert_eq!(breaker.state_at(later), CircuitState::Closed);
        assert!(breaker.try_acquire_at(later).is_some());
    }

    #[test]
    fn failed_probe_reopens_for_a_full_cooldown() {
        let breaker = CircuitBreaker::new(1, COOLDOWN);
        let t0 = Instant::now();
        fail(&breaker, t0);
        let t1 = t0 + COOLDOWN;
        fail(&breaker, t1);
        assert_eq!(breaker.state_at(t1 + COOLDOWN / 2), CircuitState::Open);
        assert_eq!(breaker.state_at(t1 + COOLDOWN), CircuitState::HalfOpen);
    }

    #[test]
    fn success_resets_the_count() {
        let breaker = CircuitBreaker::new(2, COOLDOWN);
        let t0 = Instant::now();
        fail(&breaker, t0);
        breaker.try_acquire_at(t0).unwrap().record(true);
        fail(&breaker, t0);
        assert_eq!(breaker.state_at(t0), CircuitState::Closed);
    }

    #[test]
    fn abandoned_probe_frees_the_slot() {
        let breaker = CircuitBreaker::new(1, Duration::ZERO);
        fail(&breaker, Instant::now());
        let probe = breaker.try_acquire().expect("probe");
        assert!(breaker.try_acquire().is_none());
        drop(probe);
        assert!(breaker.try_acquire().is_some());
    }

    #[test]
    fn zero_threshold_never_opens() {
        let breaker = CircuitBreaker::new(0, COOLDOWN);
        let t0 = Instant::now();
        for _ in 0..10 {
            fail(&breaker, t0);
        }
        assert_eq!(breaker.state_at(t0), CircuitState::Closed);
    }
}
