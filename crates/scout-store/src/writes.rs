//! How a write begins, how long it may wait, and which failures are retried.
//!
//! SQLite allows one writer at a time. A transaction begun `DEFERRED` (sqlx's
//! default) that reads before it writes fails at once with `SQLITE_BUSY` /
//! `SQLITE_BUSY_SNAPSHOT` when any other connection committed in between —
//! every search records a transaction, so under load most such writes failed,
//! whatever the busy timeout. So every write transaction here:
//! - first takes its turn in this process's writer queue (a fair FIFO lock,
//!   so waiting writers hold no pooled connection and are served in order),
//! - then begins `IMMEDIATE`, taking SQLite's write lock up front; another
//!   process's writer (`scout import` beside `scout serve`) is waited for by
//!   SQLite's busy timeout.
//!
//! Writes of a single statement take their turn too. They cannot fail that
//! way, but waiting for the lock in SQLite's busy handler, which sleeps in
//! steps of up to 100 ms, instead of in the queue, which hands over at once,
//! gave them a 100–430 ms tail beside other writers (`scout bench writes`).
//!
//! Both waits are bounded by [`WRITE_WAIT`]; past it the write fails with
//! [`StoreError::Busy`], which the HTTP layer answers `503` with
//! `Retry-After`, never `500`.
//!
//! PostgreSQL runs writers side by side at `READ COMMITTED`; a writer that
//! meets a concurrent one can fail with a serialisation failure, a deadlock
//! or a unique-key race (two transactions inserting the same new row). Such
//! a write is run again from the start ([`retry`]), up to [`PG_ATTEMPTS`]
//! times with a short, growing pause; a write that still fails is `Busy`.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use crate::error::StoreError;

/// How long a write waits for its turn (the writer queue, then SQLite's
/// lock) before it gives up with [`StoreError::Busy`]. A bulk import's
/// batch holds the lock for well under a second; this is for a store that
/// is truly stuck, not for ordinary contention.
pub const WRITE_WAIT: Duration = Duration::from_secs(15);

/// How many times a PostgreSQL write is attempted when it meets a
/// concurrent writer.
pub const PG_ATTEMPTS: u32 = 8;

/// This process's queue of SQLite writers.
#[derive(Clone, Default)]
pub(crate) struct WriterQueue(Arc<tokio::sync::Mutex<()>>);

impl WriterQueue {
    /// Waits for this writer's turn, at most [`WRITE_WAIT`].
    pub(crate) async fn turn(&self) -> Result<tokio::sync::OwnedMutexGuard<()>, StoreError> {
        tokio::time::timeout(WRITE_WAIT, self.0.clone().lock_owned())
            .await
            .map_err(|_| StoreError::Busy)
    }
}

/// Whether `e` is a failure that running the same write again can cure.
pub(crate) fn is_transient(e: &StoreError) -> bool {
    let StoreError::Database(sqlx::Error::Database(db)) = e else {
        return false;
    };
    matches!(
        db.code().as_deref(),
        // PostgreSQL: serialization_failure, deadlock_detected, lock_not_available, unique_violation
        Some("40001" | "40P01" | "55P03" | "23505")
    )
}

/// Whether `e` says SQLite's lock could not be had within the busy timeout.
pub(crate) fn is_sqlite_busy(e: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = e else {
        return false;
    };
    // SQLITE_BUSY (5) and its extended codes, SQLITE_LOCKED (6) and its.
    matches!(
        db.code().as_deref(),
        Some("5" | "261" | "517" | "773" | "6" | "262")
    )
}

/// Runs the PostgreSQL write `attempt` until it succeeds, fails for good, or
/// has met a concurrent writer [`PG_ATTEMPTS`] times (then `Busy`).
pub(crate) async fn retry<T, F, Fut>(mut attempt: F) -> Result<T, StoreError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    let mut pause = Duration::from_millis(5);
    for n in 1..=PG_ATTEMPTS {
        match attempt().await {
            Err(e) if is_transient(&e) => {
                tracing::debug!(attempt = n, error = %e, "write met a concurrent writer; running it again");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_millis(200));
            }
            done => return done,
        }
    }
    Err(StoreError::Busy)
}
