//! Point reads of the SQLite store on the caller's thread: the API key every
//! request presents, the profiles a search page shows, by id, and the search
//! transactions a page excludes.
//!
//! sqlx runs every SQLite statement on a worker thread of its connection
//! and hands the rows back through a channel; on a busy two-core machine
//! those two thread hand-offs cost more than the read itself (a search page
//! spent ≈ 0.5 ms fetching 10 profiles, almost all of it waiting). These
//! reads are a handful of primary-key lookups in a memory-mapped file, so
//! they run where they are asked, on read-only connections of their own
//! (WAL mode: readers see every committed write and never block writers).
//! Writes and everything else still go through sqlx.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};

use crate::access::{key_hash, ApiKey};
use crate::backend::{key_from_row, profile_from_row, KEY_SELECT, PROFILE_SELECT};
use crate::codec;
use crate::error::StoreError;
use crate::records::StoredProfile;

/// Idle connections kept for reuse; more are opened under load and closed
/// when returned beyond this.
const IDLE_LIMIT: usize = 8;

/// Ids per statement (well under SQLite's 32,766 parameters).
const IDS_PER_STATEMENT: usize = 500;

/// A small pool of read-only connections to the store's database file.
pub(crate) struct DirectReads {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl DirectReads {
    pub(crate) fn new(path: &Path) -> DirectReads {
        DirectReads {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
        }
    }

    fn open(&self) -> Result<Connection, StoreError> {
        let conn = Connection::open_with_flags(
            &self.path,
            // a plain path, never a `file:` URI; one thread at a time per
            // connection (the pool hands each to one caller)
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // Not memory-mapped: SQLite drops a connection's whole map (munmap,
        // with a TLB shootdown on every core) and its page cache whenever
        // another connection has committed since its last read, and every
        // search commits its transaction record, so a mapped reader paid a
        // munmap and fresh page faults per request. Reads through the page
        // cache cost a pread per page instead (measured: HTTP throughput up
        // 6-8%, fetching a page no slower).
        conn.pragma_update(None, "mmap_size", 0i64)?;
        conn.pragma_update(None, "cache_size", -16_384i64)?;
        Ok(conn)
    }

    /// Runs `read` on an idle connection (or a new one), then returns it.
    fn with_connection<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let taken = self.idle.lock().map(|mut idle| idle.pop()).unwrap_or(None);
        let conn = match taken {
            Some(conn) => conn,
            None => self.open()?,
        };
        let out = read(&conn);
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < IDLE_LIMIT {
                idle.push(conn);
            }
        }
        out
    }

    /// The record of a presented key, if it exists (revoked or not).
    pub(crate) fn find_key(&self, key: &str) -> Result<Option<ApiKey>, StoreError> {
        let hash = key_hash(key);
        self.with_connection(|conn| {
            let mut statement =
                conn.prepare_cached(&format!("{KEY_SELECT} WHERE k.key_hash = ?"))?;
            let mut rows = statement.query([hash.as_slice()])?;
            match rows.next()? {
                Some(row) => Ok(Some(key_from_row!(row, get))),
                None => Ok(None),
            }
        })
    }

    /// The stored profiles of `ids` (their keys) that exist, in the order of `ids`.
    pub(crate) fn profiles(&self, ids: &[String]) -> Result<Vec<StoredProfile>, StoreError> {
        self.with_connection(|conn| {
            let mut found: HashMap<String, StoredProfile> = HashMap::with_capacity(ids.len());
            for chunk in ids.chunks(IDS_PER_STATEMENT) {
                let placeholders = vec!["?"; chunk.len()].join(", ");
                let sql = format!("{PROFILE_SELECT} WHERE id IN ({placeholders})");
                let mut statement = conn.prepare_cached(&sql)?;
                let mut rows = statement.query(rusqlite::params_from_iter(chunk.iter()))?;
                while let Some(row) = rows.next()? {
                    let (id, profile) = profile_from_row!(row, get);
                    found.insert(id, profile);
                }
            }
            Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
        })
    }

    /// The transactions of `workspace_id` among `ids`, with their talents.
    pub(crate) fn transactions(
        &self,
        workspace_id: &str,
        ids: &[String],
    ) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        self.with_connection(|conn| {
            let mut out = Vec::with_capacity(ids.len());
            for chunk in ids.chunks(IDS_PER_STATEMENT) {
                let placeholders = vec!["?"; chunk.len()].join(", ");
                let sql = format!(
                    "SELECT id, talent_ids FROM search_transactions \
                     WHERE workspace_id = ? AND id IN ({placeholders})"
                );
                let mut statement = conn.prepare_cached(&sql)?;
                let params = std::iter::once(workspace_id).chain(chunk.iter().map(String::as_str));
                let mut rows = statement.query(rusqlite::params_from_iter(params))?;
                while let Some(row) = rows.next()? {
                    let id: String = row.get(0)?;
                    let raw: String = row.get(1)?;
                    let talents = serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt {
                        id: id.clone(),
                        reason: e.to_string(),
                    })?;
                    out.push((id, talents));
                }
            }
            Ok(out)
        })
    }
}
