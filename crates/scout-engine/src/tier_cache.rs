//! The documents of popular tiers, kept between searches (a filter cache,
//! as Lucene's `LRUQueryCache` and Elasticsearch's node query cache do).
//!
//! Recruiters repeat filters: the same few titles, countries and cities
//! come back in most searches, and reading a broad tier's postings (100,000
//! documents of "Software Engineer") is most of a search's matching time.
//! A tier's documents on a segment never change — a segment's postings are
//! immutable, and deleted documents are removed from the candidates, not
//! from tiers — so a read can be reused for as long as its segment lives.
//!
//! Policy, chosen so that one-off searches do not push out popular tiers:
//! - only tiers of at least [`MIN_CACHED_DOCS`] documents (or a test over
//!   the whole segment table) are worth keeping: smaller ones read in a few
//!   microseconds;
//! - a tier is admitted the second time it is read within the last
//!   [`HISTORY`] reads (Lucene's usage-tracking policy does the same);
//! - entries are evicted least recently used first once their bytes pass
//!   the budget (64 MiB unless configured; 0 turns the cache off).
//!
//! Keys are the tier query's `Debug` text, which names its field, terms and
//! parameters — everything that decides which documents it matches.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use parking_lot::Mutex;
use tantivy::index::SegmentId;
use tantivy::DocId;

use crate::doc_bits::DocBits;

/// Tiers smaller than this are read again rather than kept.
pub(crate) const MIN_CACHED_DOCS: u64 = 2048;

/// How many recent tier reads the admission policy remembers.
const HISTORY: usize = 512;

/// Default budget.
pub const DEFAULT_TIER_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// A tier's documents once read: a sorted list when they are few (most
/// synonym and alternate-title tiers), one bit per document otherwise. A
/// list costs its length to walk, bits cost the segment's size.
pub(crate) enum TierDocs {
    List(Vec<DocId>),
    Bits(DocBits),
}

impl TierDocs {
    /// How many documents.
    pub(crate) fn len(&self) -> u64 {
        match self {
            TierDocs::List(docs) => docs.len() as u64,
            TierDocs::Bits(bits) => bits.len(),
        }
    }

    pub(crate) fn or_into(&self, target: &mut DocBits) {
        match self {
            TierDocs::List(docs) => {
                for &d in docs {
                    target.insert(d);
                }
            }
            TierDocs::Bits(bits) => target.or(bits),
        }
    }

    /// Keeps in `target` only the documents this tier has.
    pub(crate) fn and_into(&self, target: &mut DocBits) {
        match self {
            TierDocs::List(docs) => {
                let mut only = DocBits::new((target.0.len() * 64) as DocId);
                for &d in docs {
                    if target.contains(d) {
                        only.insert(d);
                    }
                }
                *target = only;
            }
            TierDocs::Bits(bits) => target.and(bits),
        }
    }

    fn bytes(&self) -> usize {
        match self {
            TierDocs::List(docs) => docs.capacity() * std::mem::size_of::<DocId>(),
            TierDocs::Bits(bits) => bits.0.capacity() * std::mem::size_of::<u64>(),
        }
    }
}

struct Entry {
    docs: Arc<TierDocs>,
    bytes: usize,
    last_used: u64,
}

#[derive(Default)]
struct Inner {
    segments: HashMap<SegmentId, HashMap<String, Entry>>,
    bytes: usize,
    clock: u64,
    /// Hashes of the last [`HISTORY`] reads that were not already cached.
    recent: VecDeque<u64>,
    hits: u64,
    misses: u64,
}

/// Cached tier documents by segment and tier, under a byte budget.
pub(crate) struct TierCache {
    budget: usize,
    inner: Mutex<Inner>,
}

/// What the cache holds and how well it does (for logs and benchmarks).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TierCacheStats {
    /// Tier reads answered from the cache.
    pub hits: u64,
    /// Tier reads that went to the postings.
    pub misses: u64,
    /// Tiers held.
    pub entries: usize,
    /// Their bytes.
    pub bytes: usize,
}

fn history_hash(segment: SegmentId, key: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    segment.hash(&mut h);
    key.hash(&mut h);
    h.finish()
}

impl TierCache {
    pub(crate) fn new(budget: usize) -> TierCache {
        TierCache {
            budget,
            inner: Mutex::new(Inner::default()),
        }
    }

    pub(crate) fn enabled(&self) -> bool {
        self.budget > 0
    }

    /// The cached documents of `key` on `segment`.
    pub(crate) fn get(&self, segment: SegmentId, key: &str) -> Option<Arc<TierDocs>> {
        let mut inner = self.inner.lock();
        inner.clock += 1;
        let now = inner.clock;
        let found = inner
            .segments
            .get_mut(&segment)
            .and_then(|tiers| tiers.get_mut(key))
            .map(|e| {
                e.last_used = now;
                e.docs.clone()
            });
        match found {
            Some(_) => inner.hits += 1,
            None => inner.misses += 1,
        }
        found
    }

    /// Offers a fresh read of `key` (`len` documents, or a whole-table test
    /// when `whole_segment`); keeps it if the policy says so.
    pub(crate) fn offer(
        &self,
        segment: SegmentId,
        key: &str,
        docs: TierDocs,
        len: u64,
        whole_segment: bool,
    ) -> Arc<TierDocs> {
        let docs = Arc::new(docs);
        if !whole_segment && len < MIN_CACHED_DOCS {
            return docs;
        }
        let bytes = docs.bytes();
        // one tier may not take more than an eighth of the budget
        if bytes.saturating_mul(8) > self.budget {
            return docs;
        }
        let hash = history_hash(segment, key);
        let mut guard = self.inner.lock();
        let inner = &mut *guard;
        let seen_before = inner.recent.contains(&hash);
        if inner.recent.len() == HISTORY {
            inner.recent.pop_front();
        }
        inner.recent.push_back(hash);
        if !seen_before {
            return docs;
        }
        inner.clock += 1;
        let now = inner.clock;
        let previous = inner.segments.entry(segment).or_default().insert(
            key.to_owned(),
            Entry {
                docs: docs.clone(),
                bytes,
                last_used: now,
            },
        );
        inner.bytes += bytes;
        if let Some(old) = previous {
            inner.bytes -= old.bytes;
        }
        while inner.bytes > self.budget {
            let oldest = inner
                .segments
                .iter()
                .flat_map(|(s, tiers)| tiers.iter().map(move |(k, e)| (e.last_used, *s, k)))
                .min_by_key(|(used, _, _)| *used)
                .map(|(_, s, k)| (s, k.clone()));
            let Some((s, k)) = oldest else { break };
            if let Some(tiers) = inner.segments.get_mut(&s) {
                if let Some(gone) = tiers.remove(&k) {
                    inner.bytes -= gone.bytes;
                }
                if tiers.is_empty() {
                    inner.segments.remove(&s);
                }
            }
        }
        docs
    }

    /// Forgets the tiers of segments that merged away.
    pub(crate) fn retain_segments(&self, live: &HashSet<SegmentId>) {
        let mut guard = self.inner.lock();
        let inner = &mut *guard;
        let mut freed = 0;
        inner.segments.retain(|s, tiers| {
            let keep = live.contains(s);
            if !keep {
                freed += tiers.values().map(|e| e.bytes).sum::<usize>();
            }
            keep
        });
        inner.bytes -= freed;
    }

    pub(crate) fn stats(&self) -> TierCacheStats {
        let inner = self.inner.lock();
        TierCacheStats {
            hits: inner.hits,
            misses: inner.misses,
            entries: inner.segments.values().map(HashMap::len).sum(),
            bytes: inner.bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment() -> SegmentId {
        SegmentId::generate_random()
    }

    fn bits(max_doc: DocId, docs: &[DocId]) -> TierDocs {
        let mut b = DocBits::new(max_doc);
        for &d in docs {
            b.insert(d);
        }
        TierDocs::Bits(b)
    }

    #[test]
    fn a_tier_is_kept_the_second_time_it_is_read() {
        let cache = TierCache::new(1 << 20);
        let s = segment();
        assert!(cache.get(s, "title:engineer").is_none());
        cache.offer(s, "title:engineer", bits(10_000, &[1, 2]), 5000, false);
        assert!(
            cache.get(s, "title:engineer").is_none(),
            "admitted on first sight"
        );
        cache.offer(s, "title:engineer", bits(10_000, &[1, 2]), 5000, false);
        let hit = cache
            .get(s, "title:engineer")
            .expect("admitted on second sight");
        match &*hit {
            TierDocs::Bits(b) => assert_eq!(b.docs().collect::<Vec<_>>(), vec![1, 2]),
            TierDocs::List(_) => panic!("kept as read"),
        }
        // another segment's tier of the same key is another entry
        assert!(cache.get(segment(), "title:engineer").is_none());
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.entries), (1, 1));
    }

    #[test]
    fn small_tiers_and_a_zero_budget_are_never_kept() {
        let s = segment();
        let cache = TierCache::new(1 << 20);
        for _ in 0..3 {
            cache.offer(s, "small", TierDocs::List(vec![1, 2, 3]), 3, false);
        }
        assert!(cache.get(s, "small").is_none());
        let off = TierCache::new(0);
        assert!(!off.enabled());
        for _ in 0..3 {
            off.offer(s, "big", bits(10_000, &[1]), 5000, false);
        }
        assert!(off.get(s, "big").is_none());
    }

    #[test]
    fn the_least_recently_used_tier_goes_first_past_the_budget() {
        // each bitset of 64,000 documents is 8,000 bytes: room for eight
        let budget = 8 * 8000 + 100;
        let cache = TierCache::new(budget);
        let s = segment();
        let keys = ["a", "b", "c", "d", "e", "f", "g", "h"];
        for key in keys.iter().chain(&keys) {
            cache.offer(s, key, bits(64_000, &[7]), 5000, false);
        }
        assert_eq!(cache.stats().entries, 8);
        assert!(cache.get(s, "a").is_some()); // b is now the oldest
        for key in ["i", "i"] {
            cache.offer(s, key, bits(64_000, &[7]), 5000, false);
        }
        assert!(cache.stats().bytes <= budget);
        assert!(cache.get(s, "b").is_none(), "least recently used evicted");
        assert!(cache.get(s, "a").is_some());
        assert!(cache.get(s, "i").is_some());
    }

    #[test]
    fn tiers_of_merged_away_segments_are_forgotten() {
        let cache = TierCache::new(1 << 20);
        let (old, new) = (segment(), segment());
        for s in [old, old, new, new] {
            cache.offer(s, "k", bits(10_000, &[3]), 5000, false);
        }
        let before = cache.stats().bytes;
        cache.retain_segments(&HashSet::from([new]));
        assert!(cache.get(old, "k").is_none());
        assert!(cache.get(new, "k").is_some());
        let stats = cache.stats();
        assert_eq!(stats.entries, 1);
        assert!(stats.bytes >= 10_000 / 8, "the live segment's tier counted");
        assert!(stats.bytes < before, "the other one's freed");
    }
}
