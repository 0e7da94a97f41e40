//! Failed sign-ins, counted per account (the e-mail typed) and per client
//! address over a window of 15 minutes: after a few, each answer waits a
//! little longer; past the limit, the account or address is refused until
//! its window ends, whatever password it brings. In each server's memory,
//! like the API's counters (`limits.rs`).

use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

/// The window failures are counted in.
pub const WINDOW_SECS: u64 = 15 * 60;
/// Failures of one account in a window before it is refused.
pub const MAX_PER_ACCOUNT: u32 = 10;
/// Failures from one address in a window before it is refused (higher: an
/// office shares one address).
pub const MAX_PER_ADDRESS: u32 = 50;
/// Failures answered at once (a typo, retried).
const FREE: u32 = 3;
/// Extra wait per failure past the free ones.
const STEP: Duration = Duration::from_millis(200);
/// The longest wait.
const MAX_PAUSE: Duration = Duration::from_secs(3);
/// Keys tracked at once; past it, expired windows are dropped.
const MAX_TRACKED: usize = 100_000;

/// What to do with a sign-in attempt.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Check the password after this pause.
    Proceed(Duration),
    /// Refuse without checking; try again after this many seconds.
    Refuse(u64),
}

/// The counters.
#[derive(Default)]
pub struct SignInFailures {
    counts: Mutex<HashMap<String, (u64, u32)>>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl SignInFailures {
    /// Before checking a password: may this account from this address try?
    pub fn check(&self, account: &str, address: Option<std::net::IpAddr>) -> Verdict {
        let now = now();
        let counts = self.counts.lock();
        let mut worst = 0;
        for (key, limit) in keys(account, address) {
            if let Some((since, n)) = counts.get(&key) {
                if now < since + WINDOW_SECS {
                    if *n >= limit {
                        return Verdict::Refuse((since + WINDOW_SECS - now).max(1));
                    }
                    worst = worst.max(*n);
                }
            }
        }
        let pause = STEP * worst.saturating_sub(FREE);
        Verdict::Proceed(pause.min(MAX_PAUSE))
    }

    /// After a wrong password.
    pub fn failed(&self, account: &str, address: Option<std::net::IpAddr>) {
        let now = now();
        let mut counts = self.counts.lock();
        if counts.len() >= MAX_TRACKED {
            counts.retain(|_, (since, _)| now < *since + WINDOW_SECS);
        }
        for (key, _) in keys(account, address) {
            let entry = counts.entry(key).or_insert((now, 0));
            if now >= entry.0 + WINDOW_SECS {
                *entry = (now, 0);
            }
            entry.1 += 1;
        }
    }

    /// After a right password: the account's count starts again (the
    /// address's does not: one good account must not hide a guesser).
    pub fn succeeded(&self, account: &str) {
        self.counts.lock().remove(&format!("account:{account}"));
    }
}

fn keys(account: &str, address: Option<std::net::IpAddr>) -> Vec<(String, u32)> {
    let mut out = vec![(format!("account:{account}"), MAX_PER_ACCOUNT)];
    if let Some(a) = address {
        out.push((format!("address:{a}"), MAX_PER_ADDRESS));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_slow_down_then_refuse_the_account_and_not_others() {
        let f = SignInFailures::default();
        let a: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        assert_eq!(
            f.check("ada@example.com", Some(a)),
            Verdict::Proceed(Duration::ZERO)
        );
        for _ in 0..MAX_PER_ACCOUNT {
            assert!(matches!(
                f.check("ada@example.com", Some(a)),
                Verdict::Proceed(_)
            ));
            f.failed("ada@example.com", Some(a));
        }
        assert!(
            matches!(f.check("ada@example.com", Some(a)), Verdict::Refuse(s) if s <= WINDOW_SECS)
        );
        let b: std::net::IpAddr = "10.0.0.2".parse().unwrap();
        assert!(
            matches!(f.check("ada@example.com", Some(b)), Verdict::Refuse(_)),
            "per account, from anywhere"
        );
        assert!(matches!(f.check("bob@example.com", Some(b)), Verdict::Proceed(p) if p.is_zero()));
        assert!(
            matches!(f.check("bob@example.com", Some(a)), Verdict::Proceed(p) if !p.is_zero()),
            "the address slows down"
        );
    }
}
