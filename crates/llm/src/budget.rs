//! Per-generation token budget shared by every LLM call of one generation.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::{LlmError, Usage};

/// Tokens one generation may spend across its stages (the pipeline's default is 8000).
///
/// Lock-free and `Sync`: share it by reference or in an `Arc`. A call first
/// [reserves](TokenBudget::reserve) its worst case, so concurrent calls cannot overshoot
/// together, then commits what the provider reports.
#[derive(Debug)]
pub struct TokenBudget {
    total: u32,
    used: AtomicU32,
    held: AtomicU32,
}

/// Tokens held for one call in flight. [`Reservation::commit`] turns it into actual usage;
/// dropping it (the call failed or was abandoned) just releases the hold.
#[derive(Debug)]
#[must_use = "dropping a reservation releases it at once"]
pub struct Reservation<'a> {
    budget: &'a TokenBudget,
    tokens: u32,
}

impl TokenBudget {
    /// Default budget per generation.
    pub const DEFAULT_TOTAL: u32 = 8000;

    /// A budget of `total` tokens, none used.
    pub fn new(total: u32) -> Self {
        Self {
            total,
            used: AtomicU32::new(0),
            held: AtomicU32::new(0),
        }
    }

    /// The budget's size.
    pub fn total(&self) -> u32 {
        self.total
    }

    /// Tokens actually consumed so far (can exceed the total if providers report more than
    /// was reserved).
    pub fn used(&self) -> u32 {
        self.used.load(Ordering::Acquire)
    }

    /// Tokens still available to new reservations.
    pub fn remaining(&self) -> u32 {
        let committed = self
            .used
            .load(Ordering::Acquire)
            .saturating_add(self.held.load(Ordering::Acquire));
        self.total.saturating_sub(committed)
    }

    /// Holds `tokens` for a call about to be made, or fails with `BudgetExceeded` (nothing held).
    pub fn reserve(&self, tokens: u32) -> Result<Reservation<'_>, LlmError> {
        // Hold first, then check against what is used: a racing reserve sees our hold.
        let previous_held = self.held.fetch_add(tokens, Ordering::AcqRel);
        let committed = self
            .used
            .load(Ordering::Acquire)
            .saturating_add(previous_held);
        let remaining = self.total.saturating_sub(committed);
        if tokens > remaining {
            self.held.fetch_sub(tokens, Ordering::AcqRel);
            return Err(LlmError::BudgetExceeded {
                needed: tokens,
                remaining,
            });
        }
        Ok(Reservation {
            budget: self,
            tokens,
        })
    }

    /// Adds actual usage (for calls made without a reservation).
    pub fn record(&self, usage: &Usage) {
        let spent = usage.total_tokens;
        // fetch_update never fails with a closure that always returns Some.
        let _ = self
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                Some(used.saturating_add(spent))
            });
    }
}

impl Reservation<'_> {
    /// Tokens held.
    pub fn tokens(&self) -> u32 {
        self.tokens
    }

    /// Releases the hold and records what the call really used.
    pub fn commit(self, usage: &Usage) {
        self.budget.record(usage);
        // Drop releases the hold.
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        self.budget.held.fetch_sub(self.tokens, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserve_commit_and_release() {
        let budget = TokenBudget::new(1000);
        let held = budget.reserve(600).unwrap();
        assert_eq!(budget.remaining(), 400);
        assert_eq!(
            budget.reserve(500).unwrap_err(),
            LlmError::BudgetExceeded {
                needed: 500,
                remaining: 400
            }
        );
        held.commit(&Usage::new(200, 100));
        assert_eq!(budget.used(), 300);
        assert_eq!(budget.remaining(), 700);

        drop(budget.reserve(700).unwrap());
        assert_eq!(budget.remaining(), 700);
        assert_eq!(budget.used(), 300);
    }

    #[test]
    fn overspend_saturates() {
        let budget = TokenBudget::new(100);
        budget.record(&Usage::new(90, 60));
        assert_eq!(budget.used(), 150);
        assert_eq!(budget.remaining(), 0);
        assert!(budget.reserve(1).is_err());
        assert!(budget.reserve(0).is_ok());
    }

    #[test]
    fn concurrent_reservations_never_exceed_total() {
        let budget = TokenBudget::new(1000);
        let granted = AtomicU32::new(0);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..50 {
                        if let Ok(r) = budget.reserve(30) {
                            granted.fetch_add(1, Ordering::Relaxed);
                            r.commit(&Usage::new(20, 10));
                        }
                    }
                });
            }
        });
        assert!(budget.used() <= 1000, "{}", budget.used());
        assert_eq!(budget.used(), granted.load(Ordering::Relaxed) * 30);
    }
}
