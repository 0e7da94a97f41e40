//! The store's two back ends and what truly differs between them
//! (connecting, migrations, a writer's turn, size on disk), with the helpers
//! of profiles, organizations, keys and search transactions. Their
//! statements are written once in `backend/statements.rs`, compiled for each
//! database by `sqlite.rs` and `postgres.rs` (the name of the binary column
//! type is the one other difference, `BLOB`), with `QueryBuilder` writing
//! each database's placeholders.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use scout_model::Talent;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Postgres, QueryBuilder, Row, Sqlite};

use crate::access::{key_hash, ApiKey};
use crate::codec;
use crate::error::StoreError;
use crate::records::{StoredProfile, UpsertOutcome};
use crate::writes::{WriterQueue, WRITE_WAIT};

/// A writer's turn in this process's queue (SQLite), held for the length of
/// its transaction; `None` on PostgreSQL.
pub(crate) type WriteTurn = Option<tokio::sync::OwnedMutexGuard<()>>;

/// Rows per multi-row statement: 7 bound values each stays well under
/// SQLite's 32,766 and PostgreSQL's 65,535 parameter limits.
pub(crate) const ROWS_PER_STATEMENT: usize = 1000;

pub(crate) fn now_ms() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp_nanos() as i64 / 1_000_000
}

/// A serialised document and its content hash.
pub(crate) type Encoded = (Vec<u8>, Vec<u8>);

/// Runs `f` over `items` in contiguous chunks on every core, keeping order.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    if items.len() < 64 || threads == 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Serialises and hashes every item; compression waits until we know which changed.
pub(crate) fn encode_all<T: serde::Serialize + Sync>(
    items: &[T],
    id: impl Fn(&T) -> &str,
) -> Result<Vec<Encoded>, StoreError> {
    let encoded = par_map(items, |i| codec::serialize(i).map_err(|e| e.to_string()));
    if encoded.len() != items.len() {
        return Err(StoreError::Corrupt {
            id: String::new(),
            reason: "a serialising thread failed".into(),
        });
    }
    encoded
        .into_iter()
        .zip(items)
        .map(|(r, i)| {
            r.map_err(|reason| StoreError::Corrupt {
                id: id(i).to_owned(),
                reason,
            })
        })
        .collect()
}

/// Compresses the serialised documents of the changed items, in place.
pub(crate) fn compress_changed(encoded: &mut [Encoded], changed: &[usize]) {
    let compressed = par_map(changed, |&i| codec::compress(&encoded[i].0));
    for (&i, doc) in changed.iter().zip(compressed) {
        encoded[i].0 = doc;
    }
}

/// The id of a profile's current employer, the organization its index entry
/// depends on (past employers are joined by name when the profile is indexed).
pub(crate) fn current_org_id(t: &Talent) -> Option<&str> {
    t.current_organization
        .as_ref()
        .and_then(|o| o.id.as_deref())
        .filter(|i| !i.is_empty())
}

pub(crate) fn classify(
    ids: &[&str],
    encoded: &[Encoded],
    existing: &HashMap<String, Vec<u8>>,
) -> Vec<UpsertOutcome> {
    ids.iter()
        .zip(encoded.iter().map(|(_, hash)| hash))
        .map(|(id, h)| match existing.get(*id) {
            None => UpsertOutcome::Inserted,
            Some(old) if old == h => UpsertOutcome::Unchanged,
            Some(_) => UpsertOutcome::Updated,
        })
        .collect()
}

pub(crate) const KEY_SELECT: &str = "SELECT k.id, k.workspace_id, w.name AS workspace, k.user_id, u.name AS user_name, u.is_admin, \
     k.prefix, k.scopes, k.per_minute, k.per_day, k.created_at, k.revoked_at \
     FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id JOIN users u ON u.id = k.user_id";

/// An [`ApiKey`] from a row of `KEY_SELECT` (a macro: the row type differs per
/// database and driver; `$get` names the row's fallible getter).
macro_rules! key_from_row {
    ($r:expr) => {
        key_from_row!($r, try_get)
    };
    ($r:expr, $get:ident) => {{
        let r = &$r;
        let scopes: String = r.$get("scopes")?;
        ApiKey {
            id: r.$get("id")?,
            workspace_id: r.$get("workspace_id")?,
            workspace: r.$get("workspace")?,
            user_id: r.$get("user_id")?,
            user: r.$get("user_name")?,
            is_admin: r.$get("is_admin")?,
            prefix: r.$get("prefix")?,
            scopes: scopes.split_whitespace().map(str::to_owned).collect(),
            per_minute: r.$get("per_minute")?,
            per_day: r.$get("per_day")?,
            created_at: r.$get("created_at")?,
            revoked_at: r.$get("revoked_at")?,
        }
    }};
}
pub(crate) use key_from_row;

/// The start of the statement that writes profile rows (its values follow).
pub(crate) const PROFILE_INSERT: &str =
    "INSERT INTO profiles (id, seq, content_hash, doc, first_seen_at, last_changed_at, source, \
     current_org_id, owner, owned_id, linkedin_key, email_key, phone_key, name_key) ";

/// How a written profile row replaces a stored one: a new number and
/// document; its pool stays, and e-mail and phone keys a file gave stay
/// unless new ones are given (the profile cannot give them again).
pub(crate) const PROFILE_ON_CONFLICT: &str = " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, \
     content_hash = excluded.content_hash, doc = excluded.doc, last_changed_at = excluded.last_changed_at, \
     source = excluded.source, current_org_id = excluded.current_org_id, linkedin_key = excluded.linkedin_key, \
     email_key = COALESCE(excluded.email_key, profiles.email_key), \
     phone_key = COALESCE(excluded.phone_key, profiles.phone_key), name_key = excluded.name_key";

/// The columns a [`StoredProfile`] is read from; a `WHERE` follows.
pub(crate) const PROFILE_SELECT: &str =
    "SELECT id, seq, doc, first_seen_at, last_changed_at, source, owner FROM profiles";

/// `(id, StoredProfile)` from a row of `PROFILE_SELECT` (a macro like
/// `key_from_row`: `$get` names the row's fallible getter).
macro_rules! profile_from_row {
    ($r:expr, $get:ident) => {{
        let r = &$r;
        let id: String = r.$get("id")?;
        let doc: Vec<u8> = r.$get("doc")?;
        let talent = codec::decode(&doc).map_err(|reason| StoreError::Corrupt {
            id: id.clone(),
            reason,
        })?;
        let profile = StoredProfile {
            talent,
            seq: r.$get("seq")?,
            first_seen_at: r.$get("first_seen_at")?,
            last_changed_at: r.$get("last_changed_at")?,
            source: r.$get("source")?,
            owner: r.$get("owner")?,
        };
        (id, profile)
    }};
}
pub(crate) use profile_from_row;

/// The SQLite back end: one database file (WAL mode) under the data directory.
#[derive(Clone)]
pub struct SqliteStore {
    pub(crate) pool: SqlitePool,
    path: std::path::PathBuf,
    /// Hot point reads without sqlx's thread hand-offs (`sqlite_reads.rs`).
    pub(crate) direct: std::sync::Arc<crate::sqlite_reads::DirectReads>,
    /// This process's writers, one at a time (`writes.rs`).
    writers: WriterQueue,
    /// The suppression list as last read (`data_rights.rs`).
    pub(crate) suppressions: std::sync::Arc<crate::data_rights::SuppressionCache>,
    /// The identity keys stored, as a filter (`identity_filter.rs`).
    pub(crate) identity: std::sync::Arc<crate::identity_filter::IdentityFilter>,
}

/// The PostgreSQL back end.
#[derive(Clone)]
pub struct PgStore {
    pub(crate) pool: PgPool,
    /// The suppression list as last read (`data_rights.rs`).
    pub(crate) suppressions: std::sync::Arc<crate::data_rights::SuppressionCache>,
    /// The identity keys stored, as a filter (`identity_filter.rs`).
    pub(crate) identity: std::sync::Arc<crate::identity_filter::IdentityFilter>,
}

impl SqliteStore {
    pub(crate) async fn connect(path: &str) -> Result<SqliteStore, StoreError> {
        let path = std::path::PathBuf::from(path);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::private_files::create_dir(dir)?;
        }
        // personal data: the owner's only (SQLite gives -wal and -shm the
        // database file's permissions; older stores are narrowed)
        crate::private_files::ensure_file(&path)?;
        for suffix in ["-wal", "-shm"] {
            let mut side = path.clone().into_os_string();
            side.push(suffix);
            let side = std::path::PathBuf::from(side);
            if side.exists() {
                crate::private_files::narrow(&side)?;
            }
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(WRITE_WAIT)
            .pragma("cache_size", "-131072")
            .pragma("temp_store", "memory")
            .pragma("mmap_size", "268435456")
            .pragma("wal_autocheckpoint", "20000")
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        let direct = std::sync::Arc::new(crate::sqlite_reads::DirectReads::new(&path));
        Ok(SqliteStore {
            pool,
            path,
            direct,
            writers: WriterQueue::default(),
            suppressions: Default::default(),
            identity: Default::default(),
        })
    }

    /// A write transaction holding SQLite's write lock from its start, after
    /// this process's earlier writers (`writes.rs`). The turn is held until
    /// the returned guard drops: keep it beside the transaction.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<(WriteTurn, sqlx::Transaction<'static, Sqlite>), StoreError> {
        let turn = self.writers.turn().await?;
        let tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(StoreError::from_write)?;
        Ok((Some(turn), tx))
    }

    /// While on, SQLite overwrites what a statement deletes with zeros
    /// instead of leaving it in free pages (an erasure's rows must not stay
    /// readable in the file); off again before the transaction ends.
    pub(crate) async fn overwrite_deleted(
        tx: &mut sqlx::Transaction<'_, Sqlite>,
        on: bool,
    ) -> Result<(), StoreError> {
        let pragma = if on {
            "PRAGMA secure_delete = ON"
        } else {
            "PRAGMA secure_delete = OFF"
        };
        sqlx::query(pragma).execute(&mut **tx).await?;
        Ok(())
    }

    /// After an erasure: the write-ahead log's copies of the erased pages
    /// are written back and the log emptied (as far as readers allow).
    pub(crate) async fn after_erasure(&self) {
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await
        {
            tracing::warn!(error = %e, "cannot checkpoint the write-ahead log after an erasure");
        }
    }

    pub(crate) async fn size_on_disk(&self) -> Result<u64, StoreError> {
        let mut total = 0;
        for suffix in ["", "-wal", "-shm"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            total += std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        }
        Ok(total)
    }
}

impl PgStore {
    /// The stored profiles of `keys` that exist, in the order of `keys` (the
    /// SQLite back end reads them directly: `sqlite_reads.rs`).
    pub(crate) async fn profiles_by_key(
        &self,
        ids: &[String],
    ) -> Result<Vec<StoredProfile>, StoreError> {
        let mut found: HashMap<String, StoredProfile> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Postgres>::new(PROFILE_SELECT);
            qb.push(" WHERE id IN (");
            let mut sep = qb.separated(", ");
            for id in chunk {
                sep.push_bind(id.as_str());
            }
            qb.push(")");
            for row in qb.build().fetch_all(&self.pool).await? {
                let (id, profile) = profile_from_row!(row, try_get);
                found.insert(id, profile);
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// The transactions of a workspace among `ids` (SQLite: `sqlite_reads.rs`).
    pub(crate) async fn load_transactions(
        &self,
        workspace_id: &str,
        ids: &[String],
    ) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut qb = QueryBuilder::<Postgres>::new(
            "SELECT id, talent_ids FROM search_transactions WHERE workspace_id = ",
        );
        qb.push_bind(workspace_id).push(" AND id IN (");
        let mut sep = qb.separated(", ");
        for id in ids {
            sep.push_bind(id.as_str());
        }
        qb.push(")");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let raw: String = r.try_get("talent_ids")?;
                let talents = serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt {
                    id: id.clone(),
                    reason: e.to_string(),
                })?;
                Ok((id, talents))
            })
            .collect()
    }

    /// The record of a presented key (SQLite: `sqlite_reads.rs`).
    pub(crate) async fn find_key(&self, key: &str) -> Result<Option<ApiKey>, StoreError> {
        // One round trip per request: the key and its owners by hash.
        let hash = key_hash(key);
        let mut qb = QueryBuilder::<Postgres>::new(KEY_SELECT);
        qb.push(" WHERE k.key_hash = ").push_bind(hash.as_slice());
        match qb.build().fetch_optional(&self.pool).await? {
            Some(r) => Ok(Some(key_from_row!(r))),
            None => Ok(None),
        }
    }

    /// A write transaction; concurrent writers are retried by the caller
    /// (`writes::retry`), so there is no turn to wait for.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<(WriteTurn, sqlx::Transaction<'static, Postgres>), StoreError> {
        Ok((None, self.pool.begin().await?))
    }

    /// PostgreSQL keeps deleted rows until (auto)vacuum reclaims their space
    /// (docs/operations.md, "Data rights"): nothing to switch.
    pub(crate) async fn overwrite_deleted(
        _tx: &mut sqlx::Transaction<'_, Postgres>,
        _on: bool,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// Nothing to do after an erasure (see [`PgStore::overwrite_deleted`]).
    pub(crate) async fn after_erasure(&self) {}

    pub(crate) async fn connect(url: &str) -> Result<PgStore, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PgStore {
            pool,
            suppressions: Default::default(),
            identity: Default::default(),
        })
    }

    pub(crate) async fn size_on_disk(&self) -> Result<u64, StoreError> {
        let row = sqlx::query("SELECT pg_database_size(current_database())")
            .fetch_one(&self.pool)
            .await?;
        let size: i64 = row.try_get(0)?;
        Ok(size.max(0) as u64)
    }
}
