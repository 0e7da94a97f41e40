//! Errors of the engine.

use scout_model::{ErrorCode, HasErrorCode};

/// An engine failure.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// Tantivy reported an error.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be opened.
    #[error("index directory error: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    /// Another process holds the index writer.
    #[error(
        "the index is locked by another process (is `scout serve` running on this data directory?)"
    )]
    Locked,
    /// The index on disk has another schema.
    #[error("the index on disk was built by another version of Scout ({0}); run `scout reindex`")]
    SchemaMismatch(String),
    /// The commit payload could not be read.
    #[error("unreadable index checkpoint: {0}")]
    Checkpoint(String),
    /// The search ran past its deadline.
    #[error("the search ran past its deadline")]
    Timeout,
    /// Filesystem trouble.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

impl HasErrorCode for EngineError {
    fn error_code(&self) -> ErrorCode {
        match self {
            EngineError::Timeout => ErrorCode::SearchEngineTimeout,
            EngineError::Locked => ErrorCode::ServiceUnavailable,
            _ => ErrorCode::InternalError,
        }
    }
}
