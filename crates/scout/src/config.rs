//! Where things live under the data directory, and opening them.

use std::path::PathBuf;

use anyhow::Context;
use scout_engine::Engine;
use scout_store::Store;

use crate::cli::Global;

/// Resolved locations.
pub struct Paths {
    pub data: PathBuf,
    pub store_url: String,
    pub index_dir: PathBuf,
    pub rejects_dir: PathBuf,
    /// Budget of the engine's filter (tier) cache.
    pub filter_cache_bytes: usize,
    /// Threads of the index writer (`None`: the engine's default).
    pub index_threads: Option<usize>,
    /// Memory the index writer may use before it writes a segment.
    pub writer_budget: usize,
}

impl Paths {
    pub fn new(global: &Global) -> Paths {
        let data = global.data.clone();
        let store_url = global
            .database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", data.join("scout.db").display()));
        Paths {
            index_dir: data.join("index"),
            rejects_dir: data.join("rejects"),
            filter_cache_bytes: global.filter_cache_mb.saturating_mul(1024 * 1024),
            index_threads: global.index_threads.map(usize::from),
            writer_budget: usize::from(global.writer_memory_mb) * 1024 * 1024,
            store_url,
            data,
        }
    }

    /// The same settings for a SQLite data directory at `data` (benchmarks).
    pub fn with_data_dir(&self, data: PathBuf) -> Paths {
        Paths {
            store_url: format!("sqlite://{}", data.join("scout.db").display()),
            index_dir: data.join("index"),
            rejects_dir: data.join("rejects"),
            filter_cache_bytes: self.filter_cache_bytes,
            index_threads: self.index_threads,
            writer_budget: self.writer_budget,
            data,
        }
    }

    pub async fn open_store(&self) -> anyhow::Result<Store> {
        scout_store::private_files::create_dir(&self.data)
            .with_context(|| format!("cannot create data directory {}", self.data.display()))?;
        if let Some(mode) = scout_store::private_files::wider_than_private(&self.data) {
            tracing::warn!(
                data = %self.data.display(),
                mode = format!("{mode:o}"),
                "the data directory holds personal data but other local users can enter it; \
                 `chmod 700` it"
            );
        }
        Store::open(&self.store_url)
            .await
            .with_context(|| format!("cannot open the store at {}", self.store_url))
    }

    pub fn open_engine(&self) -> anyhow::Result<Engine> {
        match Engine::open(&self.index_dir) {
            Err(scout_engine::EngineError::SchemaMismatch(why)) => {
                // The index is derived from the store: one written by another
                // version is set aside and rebuilt by catching up from change 0.
                tracing::warn!(
                    index = %self.index_dir.display(),
                    reason = %why,
                    "the index was written by another version of Scout; rebuilding it from the store"
                );
                std::fs::remove_dir_all(&self.index_dir).with_context(|| {
                    format!("cannot remove the old index at {}", self.index_dir.display())
                })?;
                Engine::open(&self.index_dir)
            }
            other => other,
        }
        .map(|mut engine| {
            engine.set_tier_cache_budget(self.filter_cache_bytes);
            engine.set_index_threads(self.index_threads);
            engine
        })
        .with_context(|| format!("cannot open the index at {}", self.index_dir.display()))
    }
}

/// Default MiB the index writer may use before it writes a segment
/// (`--writer-memory-mb`).
pub const DEFAULT_WRITER_MEMORY_MB: u16 = 256;
