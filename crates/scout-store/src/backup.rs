//! A consistent copy of a running SQLite store (`scout backup`).
//!
//! `VACUUM INTO` writes the database as one read transaction sees it: in
//! WAL mode writers go on meanwhile, and the copy is a compact, complete
//! database (CV files included) that opens as a store of its own. A
//! PostgreSQL store is backed up with the database's own tools (`pg_dump`,
//! see docs/operations.md).

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, Row};

use crate::backend::{PgStore, SqliteStore};
use crate::error::StoreError;
use crate::Store;

impl Store {
    /// Writes a consistent copy of the store to the file `to` (which must
    /// not exist), readable by its owner only; returns the last change
    /// number the copy holds.
    pub async fn backup_to(&self, to: &Path) -> Result<i64, StoreError> {
        match self {
            Store::Sqlite(s) => s.backup_to(to).await,
            Store::Postgres(s) => s.backup_to(to).await,
        }
    }
}

impl SqliteStore {
    async fn backup_to(&self, to: &Path) -> Result<i64, StoreError> {
        if to.exists() {
            return Err(StoreError::Refused(
                "the backup's store file exists already",
            ));
        }
        // an empty file made private first: VACUUM INTO fills it as it is
        crate::private_files::ensure_file(to)?;
        let target = to.to_string_lossy().into_owned();
        sqlx::query("VACUUM INTO ?")
            .bind(&target)
            .execute(&self.pool)
            .await?;
        let options =
            SqliteConnectOptions::from_str(&format!("sqlite://{target}"))?.read_only(true);
        let mut copy = options.connect().await?;
        let seq: i64 = sqlx::query("SELECT value FROM change_counter WHERE id = 1")
            .fetch_one(&mut copy)
            .await?
            .try_get(0)?;
        copy.close().await?;
        Ok(seq)
    }
}

impl PgStore {
    async fn backup_to(&self, _to: &Path) -> Result<i64, StoreError> {
        Err(StoreError::Refused(
            "a PostgreSQL store is backed up with pg_dump (docs/operations.md, \"Backups\")",
        ))
    }
}
