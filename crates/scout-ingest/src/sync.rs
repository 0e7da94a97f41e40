//! Keeping the index in step with the store. The index's checkpoint is the
//! last change number it committed; catching up applies every change after
//! it, in order. Re-applying a change is harmless, so a crash between a
//! store commit and an index commit only means some work is redone.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use scout_engine::{Engine, EngineError, IndexWriterHandle};
use scout_model::{Organization, Talent};
use scout_store::{Change, ChangeKind, Store, StoreError};

/// A failure while following the store.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// A stored record no longer parses as its type.
    #[error("stored record {id} cannot be indexed: {reason}")]
    Decode {
        /// The record's id.
        id: String,
        /// Why.
        reason: String,
    },
}

/// Changes read per round trip.
const PAGE: i64 = 5_000;
/// Changes applied before an intermediate commit.
const COMMIT_EVERY: u64 = 200_000;

/// Loads every organization into the writer's directory (before indexing profiles).
pub async fn load_organizations(
    store: &Store,
    writer: &mut IndexWriterHandle,
) -> Result<(), SyncError> {
    for org in store.all_organizations().await? {
        writer.organizations_mut().upsert(&org);
    }
    Ok(())
}

/// Applies a page of changes in order.
pub fn apply(writer: &mut IndexWriterHandle, changes: Vec<Change>) -> Result<(), SyncError> {
    for c in changes {
        match (c.kind, c.doc) {
            (ChangeKind::Profile, Some(doc)) => {
                let mut talent: Talent =
                    serde_json::from_value(doc).map_err(|e| SyncError::Decode {
                        id: c.id.clone(),
                        reason: e.to_string(),
                    })?;
                // indexed under its store key (a workspace's own profile's
                // carries its owner: `scout_model::ownership`)
                talent.id = c.id;
                writer.upsert(c.seq, &talent)?;
            }
            (ChangeKind::Profile, None) => writer.delete(c.seq, &c.id),
            (ChangeKind::Organization, Some(doc)) => {
                let org: Organization =
                    serde_json::from_value(doc).map_err(|e| SyncError::Decode {
                        id: c.id.clone(),
                        reason: e.to_string(),
                    })?;
                writer.organization(c.seq, &org);
            }
            (ChangeKind::Organization, None) => writer.advance_to(c.seq),
        }
    }
    Ok(())
}

/// Applies every change after the writer's position; commits at the end (and
/// along the way for long catch-ups). Returns how many changes were applied.
pub async fn catch_up(
    store: &Store,
    writer: &mut IndexWriterHandle,
    progress: &(dyn Fn(i64, i64) + Sync),
) -> Result<u64, SyncError> {
    let target = store.last_seq().await?;
    if writer.applied() > target {
        // The index has seen changes this store never made (the store was
        // replaced or restored from an older copy): it is not this store's
        // image, so it is rebuilt from the store, the system of record.
        tracing::warn!(
            index = writer.applied(),
            store = target,
            "the index is ahead of the store; rebuilding it"
        );
        writer.clear()?;
        writer.commit()?;
        load_organizations(store, writer).await?;
    }
    let mut applied = 0;
    while writer.applied() < target {
        let from = writer.applied();
        let changes = store.changes_since(from, PAGE).await?;
        let page_end = changes.last().map(|c| c.seq);
        applied += changes.len() as u64;
        apply(writer, changes)?;
        // A window with no surviving change (all superseded) still moves us on.
        writer.advance_to(page_end.unwrap_or(target).max((from + PAGE).min(target)));
        if writer.uncommitted() >= COMMIT_EVERY {
            writer.commit()?;
        }
        progress(writer.applied(), target);
    }
    if writer.uncommitted() > 0 {
        writer.commit()?;
    }
    Ok(applied)
}

/// How long the change feed must stay quiet before the follower merges a
/// fragmented index (see `IndexWriterHandle::compact_if_fragmented`), and
/// how often it looks again while the feed stays quiet: long enough that an
/// import in progress is not merged batch by batch.
const COMPACT_WHEN_QUIET_FOR: Duration = Duration::from_secs(30);

/// A background thread that keeps an index following the store: a server's
/// index stays fresh however the store is written (CLI imports, other servers),
/// and pipeline candidates are re-snapshotted and re-scored when the
/// profiles they show change.
pub struct Follower {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Follower {
    /// Starts following: every `interval`, catch up and make changes searchable.
    pub fn spawn(
        store: Store,
        engine: Arc<Engine>,
        writer: IndexWriterHandle,
        interval: Duration,
    ) -> std::io::Result<Follower> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let thread = std::thread::Builder::new()
            .name("index-follower".into())
            .spawn(move || {
                runtime.block_on(async {
                    let mut follow = Following {
                        store,
                        engine,
                        writer,
                        refreshed_at: None,
                        quiet_since: None,
                        considered_at: None,
                        erasures: None,
                    };
                    if let Err(e) = load_organizations(&follow.store, &mut follow.writer).await {
                        tracing::error!(error = %e, "cannot load organizations for indexing");
                    }
                    while !flag.load(Ordering::Relaxed) {
                        follow.tick().await;
                        tokio::time::sleep(interval).await;
                    }
                });
            })?;
        Ok(Follower {
            stop,
            thread: Some(thread),
        })
    }
}

/// What the follower keeps between its rounds.
struct Following {
    store: Store,
    engine: Arc<Engine>,
    writer: IndexWriterHandle,
    /// The change number candidates were last refreshed at (they are at
    /// start, and whenever the store moved on).
    refreshed_at: Option<i64>,
    /// When the change feed went quiet.
    quiet_since: Option<Instant>,
    /// When the index was last looked at for fragmentation.
    considered_at: Option<Instant>,
    /// The store's erasures as last counted (`None` before the first round).
    erasures: Option<i64>,
}

impl Following {
    /// One round: refresh stale candidates if the store moved on, apply the
    /// new changes to the index, and merge a fragmented index once the feed
    /// has been quiet for a while. Failures are logged and retried next round.
    async fn tick(&mut self) {
        self.refresh_candidates().await;
        // counted before catching up, so the erasures counted have their
        // deletions applied by the time the merge is asked for
        let erasures = match self.store.erasure_count().await {
            Ok(n) => Some(n),
            Err(e) => {
                tracing::error!(error = %e, "cannot count erasures");
                None
            }
        };
        match catch_up(&self.store, &mut self.writer, &|_, _| {}).await {
            Ok(0) => self.while_quiet(),
            Ok(n) => {
                self.quiet_since = None;
                if let Err(e) = self.engine.reload() {
                    tracing::error!(error = %e, "index reload failed");
                }
                tracing::info!(
                    changes = n,
                    checkpoint = self.writer.applied(),
                    "index caught up"
                );
            }
            Err(e) => {
                tracing::error!(error = %e, "index follow failed; retrying");
                return;
            }
        }
        self.purge_after_erasures(erasures);
    }

    /// After a new erasure, merges away the deleted documents still in the
    /// index's files (the erased profile's search terms). The first round
    /// only counts: a server started after an erasure leaves it to the
    /// usual merges (or `scout reindex`).
    fn purge_after_erasures(&mut self, counted: Option<i64>) {
        let Some(now) = counted else { return };
        let grew = self.erasures.is_some_and(|before| now > before);
        self.erasures = Some(now);
        if grew {
            match self.writer.purge_deleted() {
                Ok(true) => tracing::info!("an erasure was made; merging the index so that the erased profile's terms leave its files"),
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "cannot start merging the index after an erasure"),
            }
        }
    }

    async fn refresh_candidates(&mut self) {
        let seq = match self.store.last_seq().await {
            Ok(seq) if self.refreshed_at != Some(seq) => seq,
            Ok(_) => return,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the change sequence");
                return;
            }
        };
        match crate::candidates::refresh_stale(&self.store, &self.engine).await {
            Ok(n) => {
                self.refreshed_at = Some(seq);
                if n > 0 {
                    tracing::info!(candidates = n, "candidate snapshots and fits refreshed");
                }
            }
            Err(e) => tracing::error!(error = %e, "candidate refresh failed; retrying"),
        }
    }

    fn while_quiet(&mut self) {
        let since = *self.quiet_since.get_or_insert_with(Instant::now);
        let due = since.elapsed() >= COMPACT_WHEN_QUIET_FOR
            && self
                .considered_at
                .is_none_or(|t| t.elapsed() >= COMPACT_WHEN_QUIET_FOR);
        if due {
            self.considered_at = Some(Instant::now());
            match self.writer.compact_if_fragmented() {
                Ok(true) => tracing::info!("index fragmented; merging it into one segment"),
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "cannot start merging the index"),
            }
        }
        // Merges finish in the background: show their result.
        if let Err(e) = self.engine.reload_if_behind() {
            tracing::error!(error = %e, "index reload failed");
        }
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
