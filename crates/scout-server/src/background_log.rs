//! Writes records that requests produce — the search transactions this
//! server hands out, the audit log's events — to the store in the
//! background and in batches, so that a search or a page never waits for
//! the store's write lock (SQLite has one writer at a time; under an import
//! or a burst of pipeline writes, each request would queue behind them).
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
use scout_store::data_rights::AuditEvent;
use scout_store::{SearchTransaction, Store, StoreError};

/// A record written in batches by a [`BackgroundLog`].
pub trait Logged: Send + Sync + 'static {
    /// What the log keeps, for its error lines.
    const WHAT: &'static str;
    /// Writes a batch.
    fn write<'a>(
        store: &'a Store,
        batch: &'a [Self],
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), StoreError>> + Send + 'a>>
    where
        Self: Sized;
}

impl Logged for SearchTransaction {
    const WHAT: &'static str = "search transactions";
    fn write<'a>(
        store: &'a Store,
        batch: &'a [Self],
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), StoreError>> + Send + 'a>>
    {
        Box::pin(store.save_transactions(batch))
    }
}

impl Logged for AuditEvent {
    const WHAT: &'static str = "audit events";
    fn write<'a>(
        store: &'a Store,
        batch: &'a [Self],
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), StoreError>> + Send + 'a>>
    {
        Box::pin(store.record_audit(batch))
    }
}

/// The search transactions' log.
pub type TransactionLog = BackgroundLog<SearchTransaction>;
/// The audit log's.
pub type AuditLog = BackgroundLog<AuditEvent>;

/// Records waiting beyond which a search writes its own.
pub const MAX_PENDING: usize = 20_000;
/// Attempts at writing one batch before it is given up (and logged).
const ATTEMPTS: u32 = 5;

struct Inner<T> {
    pending: Mutex<Vec<T>>,
    /// Whether a writer task is running.
    writing: AtomicBool,
    /// Held while a batch is taken and written, so that a flush waits for
    /// the batch in flight rather than finding nothing pending.
    batch: tokio::sync::Mutex<()>,
}

/// The background writer of records of one kind; cheap to clone.
pub struct BackgroundLog<T>(Arc<Inner<T>>);

impl<T> Clone for BackgroundLog<T> {
    fn clone(&self) -> Self {
        BackgroundLog(self.0.clone())
    }
}

impl<T> Default for BackgroundLog<T> {
    fn default() -> Self {
        BackgroundLog(Arc::new(Inner {
            pending: Mutex::new(Vec::new()),
            writing: AtomicBool::new(false),
            batch: tokio::sync::Mutex::new(()),
        }))
    }
}

impl<T: Logged> BackgroundLog<T> {
    /// Queues `record` for the store (writing it now when too many wait).
    pub async fn record(&self, store: &Store, record: T) -> Result<(), StoreError> {
        {
            let mut pending = self.0.pending.lock();
            if pending.len() < MAX_PENDING {
                pending.push(record);
                drop(pending);
                self.wake(store);
                return Ok(());
            }
        }
        T::write(store, std::slice::from_ref(&record)).await
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
            let _writing = self.0.batch.lock().await;
            let batch = std::mem::take(&mut *self.0.pending.lock());
            if batch.is_empty() {
                return;
            }
            let mut attempt = 1;
            while let Err(e) = T::write(store, &batch).await {
                if attempt == ATTEMPTS {
                    tracing::error!(error = %e, lost = batch.len(), what = T::WHAT, "cannot record a batch");
                    break;
                }
                tracing::warn!(error = %e, attempt, what = T::WHAT, "recording a batch failed; trying again");
                tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await;
                attempt += 1;
            }
        }
    }

    /// Writes whatever waits, after the batch in flight: on return, every
    /// record queued before the call is in the store (or was given up).
    pub async fn flush(&self, store: &Store) {
        self.write_pending(store).await;
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}
