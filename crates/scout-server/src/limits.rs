//! Per-key rate limits: fixed windows of a minute and a day, counted in
//! this server's memory (several servers each count their own share); and
//! failed key checks per address ([`KeyFailures`]), so keys cannot be
//! guessed at speed.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::{HeaderName, HeaderValue};
use parking_lot::Mutex;
use scout_model::ErrorCode;
use scout_store::ApiKey;
use serde_json::json;

use crate::error::ApiError;

#[derive(Default)]
struct Counters {
    minute: (u64, i64),
    day: (u64, i64),
}

/// Request counters by key.
#[derive(Default)]
pub struct RateLimiter {
    counters: Mutex<HashMap<String, Counters>>,
}

fn header(name: &'static str, value: i64) -> (HeaderName, HeaderValue) {
    (HeaderName::from_static(name), HeaderValue::from(value))
}

/// Headers describing the tightest window after a request.
pub type LimitHeaders = Vec<(HeaderName, HeaderValue)>;

impl RateLimiter {
    /// Counts a request of `key`; refuses it when a window is full.
    pub fn check(&self, key: &ApiKey) -> Result<LimitHeaders, ApiError> {
        self.count(&key.id, key.per_minute, key.per_day)
    }

    /// Counts a request without a key from `address` against
    /// [`ANONYMOUS_PER_MINUTE`] and [`ANONYMOUS_PER_DAY`]. Addresses are
    /// forgotten wholesale past [`MAX_TRACKED_ADDRESSES`], so a flood of
    /// addresses cannot grow memory without bound.
    pub fn check_anonymous(
        &self,
        address: Option<std::net::IpAddr>,
    ) -> Result<LimitHeaders, ApiError> {
        {
            let mut all = self.counters.lock();
            if all.len() >= MAX_TRACKED_ADDRESSES {
                all.clear();
            }
        }
        let id = address.map_or_else(|| "anonymous".to_owned(), |a| a.to_string());
        self.count(&id, ANONYMOUS_PER_MINUTE, ANONYMOUS_PER_DAY)
    }

    /// Requests a key made in the current minute and day, as counted by
    /// this server (the workspace page shows them against the limits).
    pub fn usage(&self, key_id: &str) -> (i64, i64) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let (minute, day) = (now / 60, now / 86_400);
        let all = self.counters.lock();
        all.get(key_id).map_or((0, 0), |c| {
            (
                if c.minute.0 == minute { c.minute.1 } else { 0 },
                if c.day.0 == day { c.day.1 } else { 0 },
            )
        })
    }

    fn count(&self, id: &str, per_minute: i64, per_day: i64) -> Result<LimitHeaders, ApiError> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let (minute, day) = (now / 60, now / 86_400);
        let mut all = self.counters.lock();
        let c = all.entry(id.to_owned()).or_default();
        if c.minute.0 != minute {
            c.minute = (minute, 0);
        }
        if c.day.0 != day {
            c.day = (day, 0);
        }
        let windows = [
            ("minute", c.minute.1, per_minute, (minute + 1) * 60 - now),
            ("day", c.day.1, per_day, (day + 1) * 86_400 - now),
        ];
        for (window, current, limit, reset) in windows {
            if current >= limit {
                let mut e = ApiError::new(
                    ErrorCode::RateLimitExceeded,
                    format!("Rate limit exceeded: too many requests per {window}"),
                );
                e.details = Some(json!({"window": window, "limit": limit, "current": current}));
                e.headers = vec![
                    header("retry-after", reset as i64),
                    header("ratelimit-limit", limit),
                    header("ratelimit-remaining", 0),
                    header("ratelimit-reset", reset as i64),
                ];
                return Err(e);
            }
        }
        c.minute.1 += 1;
        c.day.1 += 1;
        let (remaining, limit, reset) =
            (per_minute - c.minute.1, per_minute, (minute + 1) * 60 - now);
        Ok(vec![
            header("ratelimit-limit", limit),
            header("ratelimit-remaining", remaining.max(0)),
            header("ratelimit-reset", reset as i64),
        ])
    }
}

/// Requests without a key (the two reference-data helpers) per address and
/// minute, and per day.
pub const ANONYMOUS_PER_MINUTE: i64 = 60;
/// See [`ANONYMOUS_PER_MINUTE`].
pub const ANONYMOUS_PER_DAY: i64 = 5_000;

/// Failed key checks (missing, unknown or revoked keys) from one address in
/// a minute before it is answered `429` without looking keys up: the
/// default of `Settings::key_failures_per_minute`.
pub const MAX_KEY_FAILURES_PER_MINUTE: u32 = 20;
/// The pause before answering a failed key check, per earlier failure of
/// the same address in the minute (after the first [`FREE_FAILURES`]).
const FAILURE_PAUSE_STEP_MS: u64 = 50;
/// The longest pause before answering a failed key check.
const MAX_FAILURE_PAUSE_MS: u64 = 1_000;
/// Failures answered at once (a client that forgot its key, retrying).
const FREE_FAILURES: u32 = 3;
/// Addresses tracked at once; past it the oldest minute's are forgotten.
const MAX_TRACKED_ADDRESSES: usize = 100_000;

/// Failed key checks by address: when the address's minute began (its
/// first failure; a window per address, not the clock's minute, so that a
/// guesser cannot reset its count by straddling a minute boundary) and how
/// many failed since.
pub struct KeyFailures {
    by_address: Mutex<HashMap<std::net::IpAddr, (u64, u32)>>,
    /// Failures per address and minute before `429`; 0: none counted.
    per_minute: u32,
}

impl Default for KeyFailures {
    fn default() -> Self {
        KeyFailures::new(MAX_KEY_FAILURES_PER_MINUTE)
    }
}

/// What to do with a failed key check.
pub enum FailedCheck {
    /// Answer `401` after this pause.
    PauseThen(std::time::Duration),
    /// Answer `429`: too many from this address this minute.
    Refuse {
        /// Seconds until the minute ends.
        retry_after: u64,
    },
}

impl KeyFailures {
    /// Refuses an address after `per_minute` failures in its minute; 0
    /// counts nothing (for a server whose clients all reach it through one
    /// address, or that a fuzzer drives: see docs/access.md).
    pub fn new(per_minute: u32) -> KeyFailures {
        KeyFailures {
            by_address: Mutex::default(),
            per_minute,
        }
    }

    /// The failures an address may have in a minute (0: not limited).
    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Counts a failed check from `address` (`None`: no socket, as in tests
    /// that drive the router directly: not counted).
    pub fn record(&self, address: Option<std::net::IpAddr>) -> FailedCheck {
        let (Some(address), limit @ 1..) = (address, self.per_minute) else {
            return FailedCheck::PauseThen(std::time::Duration::ZERO);
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let mut counts = self.by_address.lock();
        if counts.len() >= MAX_TRACKED_ADDRESSES {
            counts.retain(|_, (since, _)| now < *since + 60);
            if counts.len() >= MAX_TRACKED_ADDRESSES {
                counts.clear();
            }
        }
        let (since, n) = counts.entry(address).or_insert((now, 0));
        if now >= *since + 60 {
            (*since, *n) = (now, 0);
        }
        *n += 1;
        if *n > limit {
            if *n == limit + 1 {
                tracing::warn!(%address, limit, "too many failed key checks; refusing this address for the rest of its minute");
            }
            return FailedCheck::Refuse {
                retry_after: (*since + 60).saturating_sub(now).max(1),
            };
        }
        let pause = u64::from(n.saturating_sub(FREE_FAILURES)) * FAILURE_PAUSE_STEP_MS;
        FailedCheck::PauseThen(std::time::Duration::from_millis(
            pause.min(MAX_FAILURE_PAUSE_MS),
        ))
    }
}

#[cfg(test)]
mod failure_tests {
    use super::*;

    #[test]
    fn failures_slow_down_then_refuse_per_address() {
        let f = KeyFailures::default();
        let a: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        let b: std::net::IpAddr = "10.0.0.2".parse().unwrap();
        let mut pauses = Vec::new();
        for _ in 0..MAX_KEY_FAILURES_PER_MINUTE {
            match f.record(Some(a)) {
                FailedCheck::PauseThen(p) => pauses.push(p),
                FailedCheck::Refuse { .. } => panic!("refused too early"),
            }
        }
        assert_eq!(pauses[0], std::time::Duration::ZERO);
        assert!(pauses.windows(2).all(|w| w[0] <= w[1]), "pauses only grow");
        assert!(pauses[MAX_KEY_FAILURES_PER_MINUTE as usize - 1] > std::time::Duration::ZERO);
        assert!(
            matches!(f.record(Some(a)), FailedCheck::Refuse { retry_after } if retry_after <= 60)
        );
        assert!(
            matches!(f.record(Some(b)), FailedCheck::PauseThen(p) if p.is_zero()),
            "another address is not affected"
        );
    }

    #[test]
    fn a_limit_of_zero_counts_nothing() {
        let f = KeyFailures::new(0);
        let a: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        for _ in 0..3 * MAX_KEY_FAILURES_PER_MINUTE {
            assert!(matches!(f.record(Some(a)), FailedCheck::PauseThen(p) if p.is_zero()));
        }
    }
}
