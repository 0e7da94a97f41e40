//! Getting profiles into Scout: the synthetic profile generator, the JSONL
//! importer (plain or gzip, streaming, idempotent, resumable), and the loop
//! that keeps the search index following the store's change feed, and the
//! candidates of sourcing pipelines (snapshots of profiles, fit scores, and
//! their refresh when profiles or requirements change).

pub mod candidates;
pub mod cv;
pub mod export;
pub mod formats;
pub mod generate;
pub mod import;
pub mod leads;
mod rng;
pub mod sync;
mod validate;

pub use import::{import_files, read_profile, Damage, ImportOptions, ImportSummary, Progress};
pub use validate::MAX_ID_CHARS;
