//! Errors of the store, each mapped onto the one error-code table.

use scout_model::{ErrorCode, HasErrorCode};

/// A store failure. Causes are for the log, never for clients.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database refused or failed a statement.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A direct SQLite read (see `sqlite_reads.rs`) failed.
    #[error("database error: {0}")]
    DirectRead(#[from] rusqlite::Error),
    /// Migrations could not be applied.
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A stored document could not be decoded.
    #[error("corrupt stored document {id}: {reason}")]
    Corrupt {
        /// The record's id.
        id: String,
        /// What was wrong.
        reason: String,
    },
    /// Filesystem trouble around the database file.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// Other writers kept the store busy past the bound of `writes.rs`.
    #[error("the store is busy with other writers")]
    Busy,
    /// What a write refers to was deleted by another writer while it ran
    /// (or a reference the caller gave names nothing).
    #[error("{0} not found")]
    Gone(&'static str),
    /// What a write would create exists already.
    #[error("{0} exists already")]
    Conflict(&'static str),
    /// A change the rules of the data refuse (said in a sentence).
    #[error("{0}")]
    Refused(&'static str),
}

impl StoreError {
    /// A failed write, with SQLite's "locked past the busy timeout" read as
    /// [`StoreError::Busy`].
    pub(crate) fn from_write(e: sqlx::Error) -> StoreError {
        if crate::writes::is_sqlite_busy(&e) {
            StoreError::Busy
        } else {
            StoreError::Database(e)
        }
    }
}

impl HasErrorCode for StoreError {
    fn error_code(&self) -> ErrorCode {
        match self {
            StoreError::Database(sqlx::Error::PoolTimedOut) | StoreError::Busy => {
                ErrorCode::ServiceUnavailable
            }
            StoreError::Database(e) if crate::writes::is_sqlite_busy(e) => {
                ErrorCode::ServiceUnavailable
            }
            // a row that another writer deleted meanwhile: the request's
            // subject is gone, as if it had never existed
            StoreError::Database(sqlx::Error::Database(db)) if db.is_foreign_key_violation() => {
                ErrorCode::NotFound
            }
            StoreError::Gone(_) => ErrorCode::NotFound,
            StoreError::Conflict(_) | StoreError::Refused(_) => ErrorCode::Conflict,
            _ => ErrorCode::InternalError,
        }
    }
}
