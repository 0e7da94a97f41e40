//! Applying the store's change feed to the index. Changes are buffered by
//! Tantivy and committed in batches; each commit records, in its payload,
//! the highest change number it contains, so after a crash the index knows
//! exactly where to resume (re-applying a change is harmless: an upsert
//! deletes the id's previous entry first).

use scout_model::{Organization, Talent};
use tantivy::directory::error::LockError;
use tantivy::index::SegmentMeta;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use parking_lot::{RwLock, RwLockWriteGuard};

use crate::document::{build_document, OrgDirectory, ProfileFacts, TermMemo};
use crate::error::EngineError;
use crate::schema::Fields;

/// The single writer of an index.
pub struct IndexWriterHandle {
    writer: IndexWriter<TantivyDocument>,
    fields: Fields,
    orgs: Arc<RwLock<OrgDirectory>>,
    applied: i64,
    uncommitted: u64,
    /// One per worker building entries, kept between batches.
    memos: Vec<TermMemo>,
    /// Set to have the merge policy merge everything at the next commit.
    compact: Arc<AtomicBool>,
}

/// A profile to index, from the store's change feed.
#[derive(Debug, Clone, Copy)]
pub struct Upsert<'a> {
    /// Its change number.
    pub seq: i64,
    /// The profile.
    pub talent: &'a Talent,
    /// Whether the index cannot hold an entry for this id: the store had
    /// never seen it, and the index was in step with the store. Such a
    /// profile needs no delete of an earlier entry, and skipping it matters
    /// in bulk loads, because every pending delete is looked up in every
    /// segment at the next commit.
    pub first_seen: bool,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Checkpoint {
    seq: i64,
    /// The reference data the terms were derived from
    /// (`scout_taxonomy::data::fingerprint`); absent in older indexes.
    #[serde(default)]
    reference: Option<String>,
}

/// Refuses an index whose terms were derived from other reference data
/// (places, titles, skills of another release): its city, area and title
/// terms would silently disagree with the searches compiled today.
pub(crate) fn check_reference(index: &Index) -> Result<(), EngineError> {
    let Some(payload) = index.load_metas()?.payload else {
        return Ok(());
    };
    let checkpoint = serde_json::from_str::<Checkpoint>(&payload)
        .map_err(|e| EngineError::Checkpoint(e.to_string()))?;
    let now = scout_taxonomy::data::fingerprint();
    match checkpoint.reference {
        Some(then) if then == now => Ok(()),
        // an empty index has nothing derived
        _ if checkpoint.seq == 0 && index.load_metas()?.segments.is_empty() => Ok(()),
        then => Err(EngineError::SchemaMismatch(format!(
            "the index was derived from reference data {}, this build has {now}",
            then.as_deref().unwrap_or("of an older release")
        ))),
    }
}

pub(crate) fn read_checkpoint(index: &Index) -> Result<i64, EngineError> {
    match index.load_metas()?.payload {
        None => Ok(0),
        Some(p) => checkpoint_seq(&p),
    }
}

/// The store change a commit's payload says the index has applied.
pub(crate) fn checkpoint_seq(payload: &str) -> Result<i64, EngineError> {
    serde_json::from_str::<Checkpoint>(payload)
        .map(|c| c.seq)
        .map_err(|e| EngineError::Checkpoint(e.to_string()))
}

impl IndexWriterHandle {
    pub(crate) fn new(
        index: &Index,
        fields: Fields,
        orgs: Arc<RwLock<OrgDirectory>>,
        budget: usize,
        threads: Option<usize>,
    ) -> Result<IndexWriterHandle, EngineError> {
        let threads = threads.unwrap_or_else(|| {
            // Half the cores: building postings is memory-bound and a
            // bit under half an import's work, and the other half
            // parses, stores and builds documents. On 2 cores, one
            // indexing thread imported 1M profiles 7% faster than two,
            // with 6% less CPU.
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            (cores / 2).clamp(1, 4)
        });
        let budget = budget.max(threads * 16_000_000);
        let writer = index
            .writer_with_num_threads::<TantivyDocument>(threads, budget)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(LockError::LockBusy, _) => EngineError::Locked,
                other => EngineError::Tantivy(other),
            })?;
        let compact = Arc::new(AtomicBool::new(false));
        writer.set_merge_policy(Box::new(CompactingMergePolicy {
            usual: LogMergePolicy::default(),
            compact: compact.clone(),
        }));
        let applied = read_checkpoint(index)?;
        Ok(IndexWriterHandle {
            writer,
            fields,
            orgs,
            applied,
            uncommitted: 0,
            memos: Vec::new(),
            compact,
        })
    }

    /// The organizations used to join employers (shared with the engine,
    /// which explains matches with them).
    pub fn organizations_mut(&mut self) -> RwLockWriteGuard<'_, OrgDirectory> {
        self.orgs.write()
    }

    /// The highest change number applied (committed or not).
    pub fn applied(&self) -> i64 {
        self.applied
    }

    /// Changes applied since the last commit.
    pub fn uncommitted(&self) -> u64 {
        self.uncommitted
    }

    /// Indexes (or re-indexes) a profile as change `seq`.
    pub fn upsert(&mut self, seq: i64, talent: &Talent) -> Result<(), EngineError> {
        if self.memos.is_empty() {
            self.memos.push(TermMemo::default());
        }
        let memo = &mut self.memos[0];
        let facts = ProfileFacts::derive_with(talent, &self.orgs.read(), memo);
        let doc = build_document(&self.fields, talent, &facts, memo);
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, &talent.id));
        self.writer.add_document(doc)?;
        self.mark(seq);
        Ok(())
    }

    /// Indexes a run of profiles, building their entries on every core.
    /// `items` are in change order.
    pub fn upsert_many(&mut self, items: &[Upsert<'_>]) -> Result<(), EngineError> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 8);
        let chunk = items.len().div_ceil(threads).max(1);
        self.memos.resize_with(threads, TermMemo::default);
        let orgs_guard = self.orgs.read();
        let (writer, fields, orgs) = (&self.writer, &self.fields, &*orgs_guard);
        // Deletes first, in order, so an id repeated in `items` keeps its last version.
        for item in items.iter().filter(|i| !i.first_seen) {
            writer.delete_term(Term::from_field_text(fields.id, &item.talent.id));
        }
        let results: Vec<Result<(), EngineError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = items
                .chunks(chunk)
                .zip(self.memos.iter_mut())
                .map(|(part, memo)| {
                    scope.spawn(move || -> Result<(), EngineError> {
                        for item in part {
                            let facts = ProfileFacts::derive_with(item.talent, orgs, memo);
                            let doc = build_document(fields, item.talent, &facts, memo);
                            writer.add_document(doc)?;
                        }
                        Ok(())
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(EngineError::Checkpoint("indexing thread panicked".into()))
                    })
                })
                .collect()
        });
        for r in results {
            r?;
        }
        if let Some(last) = items.last() {
            self.applied = self.applied.max(last.seq);
        }
        self.uncommitted += items.len() as u64;
        Ok(())
    }

    /// Removes a profile as change `seq`.
    pub fn delete(&mut self, seq: i64, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, id));
        self.mark(seq);
    }

    /// Records an organization change `seq` (the store renumbers the
    /// profiles that depend on it, so they follow in the feed).
    pub fn organization(&mut self, seq: i64, org: &Organization) {
        self.orgs.write().upsert(org);
        self.mark(seq);
    }

    /// Notes that everything up to `seq` has been seen, even if nothing in
    /// the window needed indexing.
    pub fn advance_to(&mut self, seq: i64) {
        self.mark(seq);
    }

    fn mark(&mut self, seq: i64) {
        self.applied = self.applied.max(seq);
        self.uncommitted += 1;
    }

    /// Makes everything applied durable, with the checkpoint.
    pub fn commit(&mut self) -> Result<(), EngineError> {
        let payload = serde_json::to_string(&Checkpoint {
            seq: self.applied,
            reference: Some(scout_taxonomy::data::fingerprint().to_owned()),
        })
        .map_err(|e| EngineError::Checkpoint(e.to_string()))?;
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.uncommitted = 0;
        Ok(())
    }

    /// Deletes every entry (for a rebuild) and resets the checkpoint to 0.
    pub fn clear(&mut self) -> Result<(), EngineError> {
        self.writer.delete_all_documents()?;
        self.applied = 0;
        self.uncommitted += 1;
        Ok(())
    }

    /// Starts merging the index into one segment, in the background, when
    /// it is [`fragmented`]: every search visits every segment (five
    /// segments of 1M profiles searched at p50 1.45 ms, one at 1.0 ms), and
    /// Tantivy's usual policy merges only segments of about the same size,
    /// so a server that indexed a large import leaves it in pieces. The
    /// merge takes the segments no other merge is using, at the commit made
    /// here. Returns whether a merge started; searches see its result after
    /// [`crate::Engine::reload_if_behind`].
    pub fn compact_if_fragmented(&mut self) -> Result<bool, EngineError> {
        let metas = self.writer.index().searchable_segment_metas()?;
        let sizes: Vec<(u32, u32)> = metas
            .iter()
            .map(|m| (m.max_doc(), m.num_deleted_docs()))
            .collect();
        if !fragmented(&sizes) {
            return Ok(false);
        }
        self.compact()
    }

    /// Starts merging the index into one segment when any segment holds
    /// deleted documents, whatever their share: after an erasure, so that a
    /// deleted profile's terms leave the index's files (and the backups
    /// copied from them) rather than wait for a merge that may never come.
    /// Returns whether a merge started.
    pub fn purge_deleted(&mut self) -> Result<bool, EngineError> {
        let metas = self.writer.index().searchable_segment_metas()?;
        if !metas.iter().any(|m| m.num_deleted_docs() > 0) {
            return Ok(false);
        }
        self.compact()
    }

    /// Has the merge policy merge every segment no merge holds, at a commit
    /// made here; whether the merge started.
    fn compact(&mut self) -> Result<bool, EngineError> {
        self.compact.store(true, Ordering::Release);
        let committed = self.commit();
        // The commit consulted the merge policy before returning. A request
        // it could not serve (every segment already in a merge) is dropped
        // here, not left to start a merge at some later commit.
        let started = !self.compact.swap(false, Ordering::AcqRel);
        committed?;
        Ok(started)
    }

    /// Merges segments down to one after a bulk load. Background merges are
    /// let finish first (merging segments they are consuming would fail),
    /// then everything left is merged with background merging switched off.
    pub fn optimize(self) -> Result<(), EngineError> {
        let index = self.writer.index().clone();
        self.writer.wait_merging_threads()?;
        let mut writer: IndexWriter<TantivyDocument> =
            index.writer_with_num_threads(1, 64_000_000)?;
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let ids = index.searchable_segment_ids()?;
        if ids.len() > 1 {
            let _ = writer.merge(&ids).wait()?;
        }
        writer.wait_merging_threads()?;
        Ok(())
    }
}

/// Segments at which an index counts as fragmented whatever their sizes.
const MAX_SEGMENTS: usize = 8;

/// Whether segments of `(documents, deleted documents)` are worth merging
/// into one: at least [`MAX_SEGMENTS`] of them, or a tenth of the documents
/// outside the largest segment, or a tenth of them deleted (updated
/// profiles leave their old entries behind until a merge).
fn fragmented(segments: &[(u32, u32)]) -> bool {
    let total: u64 = segments.iter().map(|s| u64::from(s.0)).sum();
    if total == 0 {
        return false;
    }
    let largest = segments.iter().map(|s| u64::from(s.0)).max().unwrap_or(0);
    let deleted: u64 = segments.iter().map(|s| u64::from(s.1)).sum();
    segments.len() >= MAX_SEGMENTS
        || (segments.len() >= 2 && (total - largest) * 10 >= total)
        || deleted * 10 >= total
}

/// Tantivy's usual log-size merge policy, which can also be asked to merge
/// every segment it is offered (those no running merge holds) once.
#[derive(Debug)]
struct CompactingMergePolicy {
    usual: LogMergePolicy,
    compact: Arc<AtomicBool>,
}

impl MergePolicy for CompactingMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        if !segments.is_empty() && self.compact.swap(false, Ordering::AcqRel) {
            return vec![MergeCandidate(segments.iter().map(|s| s.id()).collect())];
        }
        self.usual.compute_merge_candidates(segments)
    }
}

#[cfg(test)]
mod tests {
    use super::fragmented;

    #[test]
    fn an_index_is_fragmented_by_many_segments_a_large_remainder_or_deletes() {
        assert!(!fragmented(&[]));
        assert!(!fragmented(&[(0, 0)]));
        assert!(!fragmented(&[(1000, 0)]));
        assert!(!fragmented(&[(1000, 50), (20, 0), (30, 0)]));
        assert!(fragmented(&[(1000, 0), (70, 0), (50, 0)]));
        assert!(fragmented(&[(1000, 100)]));
        assert!(fragmented(&[(1_000_000, 0); 8]));
        assert!(fragmented(&[(270_000, 0), (270_000, 0), (235_000, 0)]));
    }
}
