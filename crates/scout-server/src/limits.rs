//! Per-key rate limits: fixed windows of a minute and a day, counted in
//! this server's memory (several servers each count their own share).

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
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let (minute, day) = (now / 60, now / 86_400);
        let mut all = self.counters.lock();
        let c = all.entry(key.id.clone()).or_default();
        if c.minute.0 != minute {
            c.minute = (minute, 0);
        }
        if c.day.0 != day {
            c.day = (day, 0);
        }
        let windows = [
            (
                "minute",
                c.minute.1,
                key.per_minute,
                (minute + 1) * 60 - now,
            ),
            ("day", c.day.1, key.per_day, (day + 1) * 86_400 - now),
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
        let (remaining, limit, reset) = (
            key.per_minute - c.minute.1,
            key.per_minute,
            (minute + 1) * 60 - now,
        );
        Ok(vec![
            header("ratelimit-limit", limit),
            header("ratelimit-remaining", remaining.max(0)),
            header("ratelimit-reset", reset as i64),
        ])
    }
}
