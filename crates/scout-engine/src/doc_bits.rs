//! One bit per document of a segment: the candidate sets, tier reads and
//! radius cells of a search. Word buffers are pooled process-wide because a
//! search makes dozens of these (125 KiB each on a 1M-document segment), and
//! a fresh large allocation costs page faults that clearing a warm one does
//! not. The pool is shared rather than per thread: the server runs searches
//! on whichever blocking thread is free, and a per-thread pool went cold
//! on every new one.

use std::sync::Mutex;

use tantivy::{DocId, TERMINATED};

/// One bit per document of a segment (word `w` holds documents `64w..64w+64`).
pub(crate) struct DocBits(pub(crate) Vec<u64>);

/// Word buffers of dropped bitsets, reused by the next ones.
static SPARE_WORDS: Mutex<Vec<Vec<u64>>> = Mutex::new(Vec::new());

/// Spare buffers kept (8 MiB at 1M documents a segment).
const SPARE_LIMIT: usize = 64;

fn spare_words() -> std::sync::MutexGuard<'static, Vec<Vec<u64>>> {
    // a panic elsewhere while holding the lock leaves a valid list of buffers
    SPARE_WORDS.lock().unwrap_or_else(|e| e.into_inner())
}

fn words_filled(len: usize, value: u64) -> Vec<u64> {
    let spare = spare_words().pop();
    match spare {
        Some(mut v) => {
            v.clear();
            v.resize(len, value);
            v
        }
        None => vec![value; len],
    }
}

impl Drop for DocBits {
    fn drop(&mut self) {
        let words = std::mem::take(&mut self.0);
        if words.capacity() > 0 {
            let mut spare = spare_words();
            if spare.len() < SPARE_LIMIT {
                spare.push(words);
            }
        }
    }
}

impl Clone for DocBits {
    fn clone(&self) -> DocBits {
        let mut words = words_filled(0, 0);
        words.extend_from_slice(&self.0);
        DocBits(words)
    }
}

impl DocBits {
    pub(crate) fn new(max_doc: DocId) -> DocBits {
        DocBits(words_filled((max_doc as usize).div_ceil(64), 0))
    }

    pub(crate) fn full(max_doc: DocId) -> DocBits {
        let mut bits = DocBits(words_filled((max_doc as usize).div_ceil(64), u64::MAX));
        let tail = max_doc as usize % 64;
        if tail != 0 {
            if let Some(last) = bits.0.last_mut() {
                *last = (1u64 << tail) - 1;
            }
        }
        bits
    }

    pub(crate) fn insert(&mut self, doc: DocId) {
        if let Some(w) = self.0.get_mut(doc as usize / 64) {
            *w |= 1 << (doc % 64);
        }
    }

    /// The first set document at or after `from` (`TERMINATED` if none).
    pub(crate) fn first_from(&self, from: DocId) -> DocId {
        let mut w = from as usize / 64;
        let Some(&first) = self.0.get(w) else {
            return TERMINATED;
        };
        let mut word = first & (u64::MAX << (from % 64));
        loop {
            if word != 0 {
                return (w * 64) as DocId + word.trailing_zeros();
            }
            w += 1;
            match self.0.get(w) {
                Some(&next) => word = next,
                None => return TERMINATED,
            }
        }
    }

    pub(crate) fn remove(&mut self, doc: DocId) {
        if let Some(w) = self.0.get_mut(doc as usize / 64) {
            *w &= !(1 << (doc % 64));
        }
    }

    pub(crate) fn contains(&self, doc: DocId) -> bool {
        self.0
            .get(doc as usize / 64)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    pub(crate) fn or(&mut self, other: &DocBits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    pub(crate) fn and(&mut self, other: &DocBits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    pub(crate) fn and_not(&mut self, other: &DocBits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    pub(crate) fn len(&self) -> u64 {
        self.0.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    /// For each 64-document word, how many documents are set before it:
    /// with it, a document's rank among the set ones is two reads.
    pub(crate) fn word_ranks_into(&self, ranks: &mut Vec<u32>) {
        ranks.clear();
        let mut before = 0u32;
        ranks.extend(self.0.iter().map(|w| {
            let r = before;
            before += w.count_ones();
            r
        }));
    }

    /// The rank of `doc` (which must be set) among the set documents.
    pub(crate) fn rank_of(&self, ranks: &[u32], doc: DocId) -> usize {
        let w = doc as usize / 64;
        let below = self.0[w] & ((1u64 << (doc % 64)) - 1);
        (ranks[w] + below.count_ones()) as usize
    }

    /// The set documents in increasing order.
    pub(crate) fn docs(&self) -> SetDocs<'_> {
        SetDocs {
            words: &self.0,
            next: 0,
            base: 0,
            current: 0,
        }
    }
}

impl AsRef<DocBits> for DocBits {
    fn as_ref(&self) -> &DocBits {
        self
    }
}

/// A walk over a bitset's set documents as Tantivy walks a `DocSet`: on
/// the first document from the start, `TERMINATED` past the last.
pub(crate) struct BitsCursor<B> {
    bits: B,
    doc: DocId,
}

impl<B: AsRef<DocBits>> BitsCursor<B> {
    pub(crate) fn new(bits: B) -> BitsCursor<B> {
        let doc = bits.as_ref().first_from(0);
        BitsCursor { bits, doc }
    }

    pub(crate) fn doc(&self) -> DocId {
        self.doc
    }

    pub(crate) fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.bits.as_ref().first_from(self.doc + 1);
        }
        self.doc
    }

    pub(crate) fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.doc = self.bits.as_ref().first_from(target);
        }
        self.doc
    }
}

/// The set documents of a [`DocBits`], in increasing order: a plain state
/// machine (a `flat_map` of closures optimises far worse in hot loops).
pub(crate) struct SetDocs<'a> {
    words: &'a [u64],
    next: usize,
    base: DocId,
    current: u64,
}

impl Iterator for SetDocs<'_> {
    type Item = DocId;

    #[inline]
    fn next(&mut self) -> Option<DocId> {
        while self.current == 0 {
            let w = *self.words.get(self.next)?;
            self.base = (self.next as DocId) * 64;
            self.next += 1;
            self.current = w;
        }
        let bit = self.current.trailing_zeros();
        self.current &= self.current - 1;
        Some(self.base + bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_bits_iterate_in_order_and_count() {
        let mut b = DocBits::new(200);
        for d in [3, 64, 65, 199, 0] {
            b.insert(d);
        }
        assert_eq!(b.docs().collect::<Vec<_>>(), [0, 3, 64, 65, 199]);
        assert_eq!(b.len(), 5);
        b.remove(64);
        let mut other = DocBits::new(200);
        other.insert(3);
        other.insert(199);
        let mut and = b.clone();
        and.and(&other);
        assert_eq!(and.docs().collect::<Vec<_>>(), [3, 199]);
        b.and_not(&other);
        assert_eq!(b.docs().collect::<Vec<_>>(), [0, 65]);
        assert_eq!(DocBits::full(130).len(), 130);
    }

    #[test]
    fn first_from_finds_the_next_set_document_across_words() {
        let mut b = DocBits::new(300);
        for d in [5, 64, 200] {
            b.insert(d);
        }
        assert_eq!(b.first_from(0), 5);
        assert_eq!(b.first_from(5), 5);
        assert_eq!(b.first_from(6), 64);
        assert_eq!(b.first_from(65), 200);
        assert_eq!(b.first_from(201), TERMINATED);
        assert_eq!(b.first_from(10_000), TERMINATED);
    }

    #[test]
    fn ranks_count_the_set_documents_before_each() {
        let mut b = DocBits::new(300);
        let docs = [1, 5, 63, 64, 70, 128, 299];
        for d in docs {
            b.insert(d);
        }
        let mut ranks = Vec::new();
        b.word_ranks_into(&mut ranks);
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(b.rank_of(&ranks, *d), i);
        }
    }
}
