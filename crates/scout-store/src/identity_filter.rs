//! This process's Bloom filter over every identity key the profiles table
//! has held, so an import asks the database only about keys that some
//! stored profile may hold (`duplicates.rs`). Almost every key of a large
//! import is new; without the filter each one costs a lookup in a partial
//! index of a million entries (measured: about a tenth of the import's
//! time at 1M profiles, docs/benchmarks.md#duplicates).
//!
//! The filter is a superset, never a guess: a key it says no to is held by
//! no profile. It is brought up to date under the writer's lock before each
//! use, exactly as the follower keeps the search index: every profile
//! written through an upsert takes a number from the change sequence, so
//! reading the keys of the rows numbered past the last one seen adds what
//! any writer on any server sharing the database stored since. The few
//! statements that set keys without a new number (a duplicates scan giving
//! old profiles their keys, an undone merge) advance the *identity
//! generation* (the `identity_generation` table), which makes the next use reload
//! the filter from the key indexes. Keys of deleted profiles stay in the
//! filter; they cost one lookup, never a wrong answer.

use std::sync::Mutex;

/// Bits per key: about 0.8% false positives with [`PROBES`] probes.
const BITS_PER_KEY: usize = 10;
/// Probes per key.
const PROBES: u64 = 7;
/// Past this many change numbers since the filter was current, reloading
/// it from the key indexes is quicker than reading the rows changed.
const READ_SINCE_AT_MOST: i64 = 100_000;
/// The fewest keys a filter is sized for (4 Mi keys: 5 MiB).
const MIN_CAPACITY: usize = 1 << 22;

/// A Bloom filter over 64-bit identity keys, which are already digests
/// (SHA-256 prefixes), so double hashing of the key itself spreads them.
struct Bloom {
    words: Vec<u64>,
    /// The number of bits minus one (a power of two minus one).
    mask: u64,
    inserted: usize,
    capacity: usize,
}

impl Bloom {
    fn with_capacity(keys: usize) -> Bloom {
        Self::sized(keys.max(MIN_CAPACITY))
    }

    fn sized(capacity: usize) -> Bloom {
        let bits = (capacity * BITS_PER_KEY).next_power_of_two();
        Bloom {
            words: vec![0; bits / 64],
            mask: bits as u64 - 1,
            inserted: 0,
            capacity,
        }
    }

    fn probes(key: i64) -> impl Iterator<Item = u64> {
        let h1 = key as u64;
        // odd, so every probe of a key lands on a different bit
        let h2 = h1.rotate_left(32) | 1;
        (0..PROBES).map(move |i| h1.wrapping_add(i.wrapping_mul(h2)))
    }

    fn insert(&mut self, key: i64) {
        for p in Self::probes(key) {
            let bit = p & self.mask;
            self.words[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        self.inserted += 1;
    }

    fn may_hold(&self, key: i64) -> bool {
        Self::probes(key).all(|p| {
            let bit = p & self.mask;
            self.words[(bit / 64) as usize] & (1 << (bit % 64)) != 0
        })
    }

    fn full(&self) -> bool {
        self.inserted > self.capacity
    }
}

#[derive(Default)]
struct State {
    bloom: Option<Bloom>,
    /// Every row numbered up to this one is in the filter.
    seen_seq: i64,
    /// The identity generation the filter was loaded at.
    generation: i64,
}

/// What the filter needs from the database to be current, as decided by
/// [`IdentityFilter::plan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refresh {
    /// Current: nothing to read.
    Current,
    /// Add the keys of the rows numbered past this one.
    Since(i64),
    /// Load every key anew (first use, a new generation, or full).
    Reload,
}

/// See the module documentation.
#[derive(Default)]
pub(crate) struct IdentityFilter(Mutex<State>);

impl IdentityFilter {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// What to read to bring the filter to change number `counter` and
    /// identity generation `generation` (both read under the writer's lock).
    pub(crate) fn plan(&self, counter: i64, generation: i64) -> Refresh {
        let state = self.state();
        match &state.bloom {
            Some(b) if !b.full() && state.generation == generation => {
                if counter - state.seen_seq > READ_SINCE_AT_MOST {
                    // the key indexes are quicker to read than the rows
                    Refresh::Reload
                } else if counter > state.seen_seq {
                    Refresh::Since(state.seen_seq)
                } else {
                    Refresh::Current
                }
            }
            _ => Refresh::Reload,
        }
    }

    /// Replaces the filter with `keys`, every key stored at `counter` and
    /// `generation`, sized for twice as many keys.
    pub(crate) fn reload(&self, keys: &[i64], counter: i64, generation: i64) {
        let mut bloom = Bloom::with_capacity(keys.len() * 2);
        for k in keys {
            bloom.insert(*k);
        }
        *self.state() = State {
            bloom: Some(bloom),
            seen_seq: counter,
            generation,
        };
    }

    /// Adds the keys of rows numbered after `from` up to `to`: after a
    /// [`Refresh::Since`] read, or after this process's own write commits.
    /// Only moves the filter's mark if it stood at `from`, so a write that
    /// commits after another refresh never claims numbers it did not read.
    pub(crate) fn add(&self, keys: impl IntoIterator<Item = i64>, from: i64, to: i64) {
        let mut state = self.state();
        let Some(bloom) = state.bloom.as_mut() else {
            return;
        };
        for k in keys {
            bloom.insert(k);
        }
        if state.seen_seq == from && to > from {
            state.seen_seq = to;
        }
    }

    /// Keeps, of `values`, those some stored profile may hold. With no
    /// filter loaded, keeps them all.
    pub(crate) fn retain_possible(&self, values: &mut Vec<i64>) {
        let state = self.state();
        if let Some(bloom) = &state.bloom {
            values.retain(|v| bloom.may_hold(*v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Spread as identity keys are (SHA-256 prefixes): splitmix64.
    fn digest(n: u64) -> i64 {
        let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as i64
    }

    #[test]
    fn a_first_use_reloads_then_reads_only_what_is_new() {
        let f = IdentityFilter::default();
        assert_eq!(f.plan(10, 0), Refresh::Reload);
        f.reload(&[digest(1)], 10, 0);
        assert_eq!(f.plan(10, 0), Refresh::Current);
        assert_eq!(f.plan(15, 0), Refresh::Since(10));
        f.add([digest(2)], 10, 15);
        assert_eq!(f.plan(15, 0), Refresh::Current);
        // a key rewritten outside an upsert: reload
        assert_eq!(f.plan(15, 1), Refresh::Reload);
    }

    #[test]
    fn a_late_commit_does_not_move_the_mark_it_did_not_read_from() {
        let f = IdentityFilter::default();
        f.reload(&[], 10, 0);
        // another refresh already went to 20 before this write's add
        f.add([], 10, 20);
        f.add([digest(3)], 12, 14);
        assert_eq!(f.plan(20, 0), Refresh::Current);
        let mut v = vec![digest(3)];
        f.retain_possible(&mut v);
        assert_eq!(v, vec![digest(3)]);
    }

    #[test]
    fn a_full_filter_asks_for_a_reload() {
        let f = IdentityFilter::default();
        f.reload(&[], 0, 0);
        f.add((0..MIN_CAPACITY as u64 + 1).map(|n| n as i64), 0, 1);
        assert_eq!(f.plan(1, 0), Refresh::Reload);
    }

    #[test]
    fn false_positives_stay_near_one_percent_when_full() {
        let mut bloom = Bloom::sized(200_000);
        for n in 0..200_000 {
            bloom.insert(digest(n));
        }
        let false_positives = (0..100_000u64)
            .filter(|n| bloom.may_hold(digest(n + (1 << 40))))
            .count();
        assert!(false_positives < 1_500, "{false_positives} false positives");
    }

    proptest! {
        /// Never a false negative: every key added is kept.
        #[test]
        fn every_key_added_is_kept(keys in proptest::collection::vec(any::<i64>(), 0..500),
                                   later in proptest::collection::vec(any::<i64>(), 0..500)) {
            let f = IdentityFilter::default();
            f.reload(&keys, 1, 0);
            f.add(later.iter().copied(), 1, 2);
            let mut all: Vec<i64> = keys.iter().chain(&later).copied().collect();
            let n = all.len();
            f.retain_possible(&mut all);
            prop_assert_eq!(all.len(), n);
        }
    }
}
