//! Writes the search transactions this server hands out to the store, in
//! the background and in batches, so that a search never waits for the
//! store's write lock (SQLite has one writer at a time; under an import or
//! a burst of pipeline writes, each search would queue behind them).
//!
//! A search keeps its transaction in [`RecentTransactions`] first, so this
//! server answers the next page at once; the store has it within one batch
//! (milliseconds) for other servers sharing a PostgreSQL database. Past
//! [`MAX_PENDING`] waiting records a search writes its own (back-pressure
//! instead of unbounded memory). A batch that cannot be written is tried
//! again; a process that dies loses at most the batch in flight, whose
//! pages then answer "unknown search transaction" to a client that pages on.
//!
//! Old transactions are forgotten by `housekeeping.rs`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use scout_store::{SearchTransaction, Store, StoreError};

/// Records waiting beyond which a search writes its own.
pub const MAX_PENDING: usize = 20_000;
/// Attempts at writing one batch before it is given up (and logged).
const ATTEMPTS: u32 = 5;

#[derive(Default)]
struct Inner {
    pending: Mutex<Vec<SearchTransaction>>,
    /// Whether a writer task is running.
    writing: AtomicBool,
}

/// The background writer of search transactions; cheap to clone.
#[derive(Clone, Default)]
pub struct TransactionLog(Arc<Inner>);

impl TransactionLog {
    /// Queues `record` for the store (writing it now when too many wait).
    pub async fn record(&self, store: &Store, record: SearchTransaction) -> Result<(), StoreError> {
        {
            let mut pending = self.0.pending.lock();
            if pending.len() < MAX_PENDING {
                pending.push(record);
                drop(pending);
                self.wake(store);
                return Ok(());
            }
        }
        store.save_transactions(std::slice::from_ref(&record)).await
    }

    /// Starts a writer unless one is running.
    fn wake(&self, store: &Store) {
        if self.0.writing.swap(true, Ordering::AcqRel) {
            return;
        }
        let log = self.clone();
        let store = store.clone();
        tokio::spawn(async move { log.drain(&store).await });
    }

    /// Writes batches until nothing waits, then prunes when it is time.
    async fn drain(&self, store: &Store) {
        loop {
            self.write_pending(store).await;
            self.0.writing.store(false, Ordering::Release);
            // A record queued after the last take but before `writing` was
            // cleared found a writer running: look once more.
            if self.0.pending.lock().is_empty() || self.0.writing.swap(true, Ordering::AcqRel) {
                break;
            }
        }
    }

    async fn write_pending(&self, store: &Store) {
        loop {
            let batch = std::mem::take(&mut *self.0.pending.lock());
            if batch.is_empty() {
                return;
            }
            let mut attempt = 1;
            while let Err(e) = store.save_transactions(&batch).await {
                if attempt == ATTEMPTS {
                    tracing::error!(error = %e, lost = batch.len(), "cannot record search transactions");
                    break;
                }
                tracing::warn!(error = %e, attempt, "recording search transactions failed; trying again");
                tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await;
                attempt += 1;
            }
        }
    }

    /// Writes whatever waits; for a server that is stopping.
    pub async fn flush(&self, store: &Store) {
        self.write_pending(store).await;
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}
