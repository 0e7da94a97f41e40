//! The talent index: a Tantivy index derived from the store.
//!
//! - `schema.rs` lays out one field per documented filter type;
//! - `document.rs` turns a profile (and its employers) into an index entry;
//! - `geo.rs` and `radius_query.rs` give Tantivy the radius search it lacks:
//!   coarse grid-cell terms narrow the candidates, an exact great-circle
//!   check on latitude/longitude fast fields decides;
//! - `span_query.rs` tests years of experience and time in the job on one
//!   fast field per span, as of the current month;
//! - `compile.rs` turns typed filters into clauses of quality tiers whose
//!   sum is Scout's documented ranking; `rank.rs` runs them per segment
//!   (matches as bitsets, `doc_bits.rs`, read or probed by cost; top hits
//!   with pruning; the documents of popular tiers are kept between
//!   searches, `tier_cache.rs`);
//! - `search.rs` runs it: ranked top hits, exact counts, deterministic ties;
//! - `fit.rs` scores how well profiles fit a job's requirements;
//! - `known_names.rs` says which names are employers in an asker's view;
//! - `writer.rs` applies the store's change feed and commits in batches,
//!   recording in each commit how far along the feed the index is.
//!
//! Only this crate knows Tantivy.

mod boolean_query;
pub mod compile;
mod doc_bits;
mod document;
mod error;
pub mod explain;
pub mod fit;
mod geo;
mod known_names;
mod radius_query;
mod rank;
mod schema;
mod search;
mod segment_table;
mod snapshot;
mod span_query;
mod tier_cache;
mod writer;

pub use document::{current_month, OrgDirectory, ProfileFacts};
pub use error::EngineError;
pub use explain::{Evidence, Explainer};
pub use fit::{FitSubject, JobSpec};
pub use search::{Hit, SearchOptions, SearchResults};
pub use snapshot::{snapshot, Snapshot};
pub use tier_cache::{TierCacheStats, DEFAULT_TIER_CACHE_BYTES};
pub use writer::{IndexWriterHandle, Upsert};

/// The `owner` term every workspace-owned profile carries besides its
/// workspace's id (no workspace id is `*`), so that "some workspace's" is
/// one term.
pub const OWNED: &str = "*";

use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};

use crate::schema::Fields;

/// An open talent index: searchable from many threads at once.
pub struct Engine {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Organizations joined at index time, shared with the writer; matches
    /// are explained with the same data they were indexed with.
    orgs: std::sync::Arc<parking_lot::RwLock<OrgDirectory>>,
    /// Ids and tie-breaks by document, per segment (see `segment_table.rs`).
    table_cache: parking_lot::Mutex<
        std::collections::HashMap<
            tantivy::index::SegmentId,
            std::sync::Arc<segment_table::SegmentTable>,
        >,
    >,
    /// Popular tiers' documents per segment (see `tier_cache.rs`).
    tier_cache: tier_cache::TierCache,
    /// The checkpoint of what searches see: read before each reload, so it
    /// never claims more than the reloaded reader holds (a commit between
    /// the read and the reload only makes it lag until the next reload).
    searchable_checkpoint: std::sync::atomic::AtomicI64,
    /// Threads of the writers it makes (`None`: half the cores, 1 to 4).
    index_threads: Option<usize>,
}

impl Engine {
    /// Opens the index in `dir`, creating it if absent. An index written with
    /// another schema version, or derived from other reference data, is
    /// refused with [`EngineError::SchemaMismatch`] (rebuild it with
    /// `scout reindex`; `scout serve` rebuilds it by itself).
    pub fn open(dir: &Path) -> Result<Engine, EngineError> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema::build();
        let directory = MmapDirectory::open(dir)?;
        let index = Index::open_or_create(directory, schema).map_err(|e| match e {
            tantivy::TantivyError::SchemaError(m) => EngineError::SchemaMismatch(m),
            other => EngineError::Tantivy(other),
        })?;
        schema::register_tokenizers(&index);
        writer::check_reference(&index)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searchable_checkpoint = writer::read_checkpoint(&index)?.into();
        Ok(Engine {
            index,
            reader,
            fields,
            table_cache: Default::default(),
            tier_cache: tier_cache::TierCache::new(DEFAULT_TIER_CACHE_BYTES),
            orgs: Default::default(),
            searchable_checkpoint,
            index_threads: None,
        })
    }

    /// Opens an in-memory index (tests, benchmarks).
    pub fn in_memory() -> Engine {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        schema::register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .unwrap_or_else(|e| panic!("an in-memory index always has a reader: {e}"));
        Engine {
            index,
            reader,
            fields,
            table_cache: Default::default(),
            tier_cache: tier_cache::TierCache::new(DEFAULT_TIER_CACHE_BYTES),
            orgs: Default::default(),
            searchable_checkpoint: 0.into(),
            index_threads: None,
        }
    }

    /// The writer. Only one may exist per index directory across processes;
    /// a second gets [`EngineError::Locked`].
    pub fn writer(&self, memory_budget_bytes: usize) -> Result<IndexWriterHandle, EngineError> {
        writer::IndexWriterHandle::new(
            &self.index,
            self.fields.clone(),
            self.orgs.clone(),
            memory_budget_bytes,
            self.index_threads,
        )
    }

    /// How far along the store's change feed the last commit got.
    pub fn checkpoint(&self) -> Result<i64, EngineError> {
        writer::read_checkpoint(&self.index)
    }

    /// How far along the store's change feed searches see: the checkpoint
    /// as of the last reload. It trails [`Engine::checkpoint`] between a
    /// commit and the reload that shows it, which is what `/health` must
    /// report (an index that says `lag: 0` answers with every change).
    pub fn searchable_checkpoint(&self) -> i64 {
        self.searchable_checkpoint
            .load(std::sync::atomic::Ordering::Acquire)
    }

    /// Makes committed changes visible to searches, forgets the tables of
    /// segments that merged away and builds those of new segments (with
    /// their tie order), so that no search pays for them.
    pub fn reload(&self) -> Result<(), EngineError> {
        let checkpoint = writer::read_checkpoint(&self.index)?;
        self.reader.reload()?;
        self.searchable_checkpoint
            .store(checkpoint, std::sync::atomic::Ordering::Release);
        let searcher = self.reader.searcher();
        let live: std::collections::HashSet<tantivy::index::SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        self.table_cache.lock().retain(|id, _| live.contains(id));
        self.tier_cache.retain_segments(&live);
        for reader in searcher.segment_readers() {
            self.table_of(reader)?.tie_order();
        }
        Ok(())
    }

    /// Reloads if the index on disk has other segments than searches see
    /// (a merge finished since the last reload); returns whether it did.
    /// Cheap when nothing changed: it reads the index's small meta file.
    pub fn reload_if_behind(&self) -> Result<bool, EngineError> {
        let mut on_disk = self.index.searchable_segment_ids()?;
        let mut seen: Vec<tantivy::index::SegmentId> = self
            .reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|r| r.segment_id())
            .collect();
        on_disk.sort();
        seen.sort();
        if on_disk == seen {
            return Ok(false);
        }
        self.reload()?;
        Ok(true)
    }

    /// Sets how many threads the writers it makes use (`None`: half the
    /// cores, 1 to 4 — see `writer.rs`).
    pub fn set_index_threads(&mut self, threads: Option<usize>) {
        self.index_threads = threads.map(|t| t.max(1));
    }

    /// Sets the byte budget of the tier cache (0 turns it off), dropping
    /// what it held.
    pub fn set_tier_cache_budget(&mut self, bytes: usize) {
        self.tier_cache = tier_cache::TierCache::new(bytes);
    }

    /// How the tier cache is doing.
    pub fn tier_cache_stats(&self) -> TierCacheStats {
        self.tier_cache.stats()
    }

    /// Why each of `talents` matched each of `filters` (see
    /// [`explain::Explainer`]), with the organizations the index joined: one
    /// list of evidence per talent, in the filters' order.
    pub fn explain<'t>(
        &self,
        talents: impl IntoIterator<Item = &'t scout_model::Talent>,
        filters: &[scout_model::criteria::Filter],
    ) -> Vec<Vec<Evidence>> {
        let explainer = explain::Explainer::new(filters);
        let orgs = self.orgs.read();
        talents
            .into_iter()
            .map(|talent| explainer.explain(talent, &orgs))
            .collect()
    }

    /// The industries of each talent's current and past employers, as the
    /// index joins them through the organizations it knows (sorted, once
    /// each per talent).
    pub fn employer_industries(&self, talents: &[scout_model::Talent]) -> Vec<Vec<&'static str>> {
        let orgs = self.orgs.read();
        talents
            .iter()
            .map(|talent| {
                let facts = document::EmployerFacts::derive(talent, &orgs);
                let mut all = facts.industries_current;
                all.extend(facts.industries_past);
                all.sort_unstable();
                all.dedup();
                all
            })
            .collect()
    }

    /// Teaches the engine organizations without a writer (fit scoring from
    /// the command line while a server holds the writer).
    pub fn remember_organizations(&self, orgs: &[scout_model::Organization]) {
        let mut directory = self.orgs.write();
        for org in orgs {
            directory.upsert(org);
        }
    }

    /// Number of indexed talents.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Number of segments searches visit.
    pub fn num_segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Deleted documents still in the files of the segments searches visit
    /// (until a merge drops them).
    pub fn num_deleted_docs(&self) -> u64 {
        self.reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|r| u64::from(r.num_deleted_docs()))
            .sum()
    }

    /// Bytes of index files on disk in `dir`.
    pub fn size_on_disk(dir: &Path) -> u64 {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}
