//! The SQL of the store, written once and instantiated for SQLite and for
//! PostgreSQL by `store_backend!`. Only what truly differs between the two
//! (connecting, migrations, the name of the binary column type, size on
//! disk) is passed in; everything else is the same statement text, with
//! `QueryBuilder` writing each database's placeholders.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

use scout_model::{Organization, Talent};
use scout_taxonomy::fold;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Postgres, QueryBuilder, Row, Sqlite};

use crate::access::{generate_id, generate_key, key_hash, ApiKey, NewKey};
use crate::codec;
use crate::error::StoreError;
use crate::records::{
    Change, ChangeKind, SearchTransaction, StoredProfile, UpsertOutcome, UpsertReport,
};
use crate::writes::{WriterQueue, WRITE_WAIT};

/// A writer's turn in this process's queue (SQLite), held for the length of
/// its transaction; `None` on PostgreSQL.
pub(crate) type WriteTurn = Option<tokio::sync::OwnedMutexGuard<()>>;

/// Rows per multi-row statement: 7 bound values each stays well under
/// SQLite's 32,766 and PostgreSQL's 65,535 parameter limits.
const ROWS_PER_STATEMENT: usize = 1000;

pub(crate) fn now_ms() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp_nanos() as i64 / 1_000_000
}

/// A serialised document and its content hash.
type Encoded = (Vec<u8>, Vec<u8>);

/// Runs `f` over `items` in contiguous chunks on every core, keeping order.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
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
fn encode_all<T: serde::Serialize + Sync>(
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
fn compress_changed(encoded: &mut [Encoded], changed: &[usize]) {
    let compressed = par_map(changed, |&i| codec::compress(&encoded[i].0));
    for (&i, doc) in changed.iter().zip(compressed) {
        encoded[i].0 = doc;
    }
}

/// The id of a profile's current employer, the organization its index entry
/// depends on (past employers are joined by name when the profile is indexed).
fn current_org_id(t: &Talent) -> Option<&str> {
    t.current_organization
        .as_ref()
        .and_then(|o| o.id.as_deref())
        .filter(|i| !i.is_empty())
}

fn classify(
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

/// The columns a [`StoredProfile`] is read from; a `WHERE` follows.
pub(crate) const PROFILE_SELECT: &str =
    "SELECT id, seq, doc, first_seen_at, last_changed_at, source FROM profiles";

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
        };
        (id, profile)
    }};
}
pub(crate) use profile_from_row;

macro_rules! store_backend {
    ($name:ident, $db:ty, $blob:literal) => {
        impl $name {
            async fn existing_hashes(
                tx: &mut sqlx::Transaction<'_, $db>,
                table: &str,
                ids: &[&str],
            ) -> Result<HashMap<String, Vec<u8>>, StoreError> {
                let mut existing = HashMap::new();
                for chunk in ids.chunks(ROWS_PER_STATEMENT) {
                    let mut qb = QueryBuilder::<$db>::new(format!("SELECT id, content_hash FROM {table} WHERE id IN ("));
                    let mut sep = qb.separated(", ");
                    for id in chunk {
                        sep.push_bind(*id);
                    }
                    qb.push(")");
                    for row in qb.build().fetch_all(&mut **tx).await? {
                        existing.insert(row.try_get("id")?, row.try_get("content_hash")?);
                    }
                }
                Ok(existing)
            }

            /// Takes `n` numbers from the change sequence; returns the first.
            async fn allocate_seqs(tx: &mut sqlx::Transaction<'_, $db>, n: i64) -> Result<i64, StoreError> {
                let mut qb = QueryBuilder::<$db>::new("UPDATE change_counter SET value = value + ");
                qb.push_bind(n).push(" WHERE id = 1 RETURNING value");
                let end: i64 = qb.build().fetch_one(&mut **tx).await?.try_get(0)?;
                Ok(end - n + 1)
            }

            /// Classifies a batch against what is stored; when anything
            /// changed, compresses the changed documents and takes their
            /// numbers: `(outcomes, changed indices, first number)`.
            async fn plan_upsert(
                tx: &mut sqlx::Transaction<'_, $db>,
                table: &str,
                ids: &[&str],
                encoded: &mut [Encoded],
            ) -> Result<Option<(Vec<UpsertOutcome>, Vec<usize>, i64)>, StoreError> {
                let existing = Self::existing_hashes(tx, table, ids).await?;
                let outcomes = classify(ids, encoded, &existing);
                let changed: Vec<usize> = (0..ids.len()).filter(|&i| outcomes[i] != UpsertOutcome::Unchanged).collect();
                if changed.is_empty() {
                    return Ok(None);
                }
                compress_changed(encoded, &changed);
                let first = Self::allocate_seqs(tx, changed.len() as i64).await?;
                Ok(Some((outcomes, changed, first)))
            }

            pub(crate) async fn upsert_profiles(&self, profiles: &[Talent], source: &str) -> Result<UpsertReport, StoreError> {
                if profiles.is_empty() {
                    return Ok(UpsertReport::default());
                }
                let mut encoded = encode_all(profiles, |t| t.id.as_str())?;
                let ids: Vec<&str> = profiles.iter().map(|p| p.id.as_str()).collect();
                let (_turn, mut tx) = self.begin_write().await?;
                let Some((outcomes, changed, first)) = Self::plan_upsert(&mut tx, "profiles", &ids, &mut encoded).await? else {
                    tx.commit().await?;
                    return Ok(UpsertReport { outcomes: vec![UpsertOutcome::Unchanged; ids.len()], last_seq: None });
                };
                let now = now_ms();
                for (chunk_no, chunk) in changed.chunks(ROWS_PER_STATEMENT).enumerate() {
                    let mut qb = QueryBuilder::<$db>::new(
                        "INSERT INTO profiles (id, seq, content_hash, doc, first_seen_at, last_changed_at, source, current_org_id) ",
                    );
                    qb.push_values(chunk.iter().enumerate(), |mut b, (k, &i)| {
                        let seq = first + (chunk_no * ROWS_PER_STATEMENT + k) as i64;
                        b.push_bind(ids[i]).push_bind(seq).push_bind(&encoded[i].1).push_bind(&encoded[i].0);
                        b.push_bind(now).push_bind(now).push_bind(source).push_bind(current_org_id(&profiles[i]));
                    });
                    qb.push(
                        " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, content_hash = excluded.content_hash, \
                         doc = excluded.doc, last_changed_at = excluded.last_changed_at, source = excluded.source, \
                         current_org_id = excluded.current_org_id",
                    );
                    qb.build().execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(UpsertReport { outcomes, last_seq: Some(first + changed.len() as i64 - 1) })
            }

            pub(crate) async fn upsert_organizations(&self, orgs: &[Organization], source: &str) -> Result<UpsertReport, StoreError> {
                if orgs.is_empty() {
                    return Ok(UpsertReport::default());
                }
                let mut encoded = encode_all(orgs, |o| o.id.as_str())?;
                let ids: Vec<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
                let (_turn, mut tx) = self.begin_write().await?;
                let Some((outcomes, changed, first)) = Self::plan_upsert(&mut tx, "organizations", &ids, &mut encoded).await? else {
                    tx.commit().await?;
                    return Ok(UpsertReport { outcomes: vec![UpsertOutcome::Unchanged; ids.len()], last_seq: None });
                };
                let now = now_ms();
                let name_keys: Vec<String> = orgs.iter().map(|o| fold(&o.name)).collect();
                for (chunk_no, chunk) in changed.chunks(ROWS_PER_STATEMENT).enumerate() {
                    let mut qb = QueryBuilder::<$db>::new(
                        "INSERT INTO organizations (id, name_key, seq, content_hash, doc, first_seen_at, last_changed_at, source) ",
                    );
                    qb.push_values(chunk.iter().enumerate(), |mut b, (k, &i)| {
                        let seq = first + (chunk_no * ROWS_PER_STATEMENT + k) as i64;
                        b.push_bind(ids[i]).push_bind(name_keys[i].as_str()).push_bind(seq);
                        b.push_bind(&encoded[i].1).push_bind(&encoded[i].0).push_bind(now).push_bind(now).push_bind(source);
                    });
                    qb.push(
                        " ON CONFLICT (id) DO UPDATE SET name_key = excluded.name_key, seq = excluded.seq, \
                         content_hash = excluded.content_hash, doc = excluded.doc, \
                         last_changed_at = excluded.last_changed_at, source = excluded.source",
                    );
                    qb.build().execute(&mut *tx).await?;
                }
                // A changed organization's current employees index its size and
                // industry, so they take new numbers and the index refreshes them.
                let keys: Vec<&str> = changed.iter().map(|&i| ids[i]).collect();
                let mut dependents: Vec<String> = Vec::new();
                for chunk in keys.chunks(ROWS_PER_STATEMENT) {
                    let mut qb = QueryBuilder::<$db>::new("SELECT id FROM profiles WHERE current_org_id IN (");
                    let mut sep = qb.separated(", ");
                    for k in chunk {
                        sep.push_bind(*k);
                    }
                    qb.push(")");
                    for row in qb.build().fetch_all(&mut *tx).await? {
                        dependents.push(row.try_get(0)?);
                    }
                }
                dependents.sort();
                dependents.dedup();
                let mut last = first + changed.len() as i64 - 1;
                if !dependents.is_empty() {
                    let base = Self::allocate_seqs(&mut tx, dependents.len() as i64).await?;
                    for (k, id) in dependents.iter().enumerate() {
                        let mut qb = QueryBuilder::<$db>::new("UPDATE profiles SET seq = ");
                        qb.push_bind(base + k as i64).push(" WHERE id = ").push_bind(id.as_str());
                        qb.build().execute(&mut *tx).await?;
                    }
                    last = base + dependents.len() as i64 - 1;
                }
                tx.commit().await?;
                Ok(UpsertReport { outcomes, last_seq: Some(last) })
            }

            pub(crate) async fn delete_profiles(&self, ids: &[String]) -> Result<u64, StoreError> {
                let (_turn, mut tx) = self.begin_write().await?;
                let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect::<HashSet<_>>().into_iter().collect();
                let existing = Self::existing_hashes(&mut tx, "profiles", &id_refs).await?;
                let mut gone: Vec<&String> = existing.keys().collect();
                gone.sort();
                if gone.is_empty() {
                    tx.commit().await?;
                    return Ok(0);
                }
                let first = Self::allocate_seqs(&mut tx, gone.len() as i64).await?;
                let now = now_ms();
                for (k, id) in gone.iter().enumerate() {
                    let mut qb = QueryBuilder::<$db>::new("INSERT INTO tombstones (seq, kind, id, deleted_at) VALUES (");
                    qb.push_bind(first + k as i64).push(", 'profile', ").push_bind(id.as_str()).push(", ").push_bind(now).push(")");
                    qb.build().execute(&mut *tx).await?;
                    let mut qb = QueryBuilder::<$db>::new("DELETE FROM profiles WHERE id = ");
                    qb.push_bind(id.as_str());
                    qb.build().execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(gone.len() as u64)
            }

            pub(crate) async fn changes_since(&self, after: i64, limit: i64) -> Result<Vec<Change>, StoreError> {
                // A bounded window of sequence numbers rather than ORDER BY ... LIMIT
                // over the union, so each page costs the same however far along it is.
                let last = self.last_seq().await?;
                let mut out = Vec::new();
                let mut lo = after;
                while lo < last && (out.len() as i64) < limit {
                    let hi = (lo + limit.max(1)).min(last);
                    let mut qb = QueryBuilder::<$db>::new("SELECT seq, 'p' AS kind, id, doc FROM profiles WHERE seq > ");
                    qb.push_bind(lo).push(" AND seq <= ").push_bind(hi);
                    qb.push(" UNION ALL SELECT seq, 'o' AS kind, id, doc FROM organizations WHERE seq > ");
                    qb.push_bind(lo).push(" AND seq <= ").push_bind(hi);
                    qb.push(concat!(" UNION ALL SELECT seq, kind, id, CAST(NULL AS ", $blob, ") AS doc FROM tombstones WHERE seq > "));
                    qb.push_bind(lo).push(" AND seq <= ").push_bind(hi).push(" ORDER BY seq");
                    for row in qb.build().fetch_all(&self.pool).await? {
                        let id: String = row.try_get("id")?;
                        let kind: String = row.try_get("kind")?;
                        let doc: Option<Vec<u8>> = row.try_get("doc")?;
                        let doc = match doc {
                            Some(d) => Some(codec::decode(&d).map_err(|reason| StoreError::Corrupt { id: id.clone(), reason })?),
                            None => None,
                        };
                        let kind = if kind == "o" || kind == "organization" { ChangeKind::Organization } else { ChangeKind::Profile };
                        out.push(Change { seq: row.try_get("seq")?, kind, id, doc });
                    }
                    lo = hi;
                }
                Ok(out)
            }

            pub(crate) async fn last_seq(&self) -> Result<i64, StoreError> {
                let row = sqlx::query("SELECT value FROM change_counter WHERE id = 1").fetch_one(&self.pool).await?;
                Ok(row.try_get(0)?)
            }

            pub(crate) async fn all_organizations(&self) -> Result<Vec<Organization>, StoreError> {
                let rows = sqlx::query("SELECT id, doc FROM organizations ORDER BY id").fetch_all(&self.pool).await?;
                rows.iter()
                    .map(|row| {
                        let id: String = row.try_get("id")?;
                        let doc: Vec<u8> = row.try_get("doc")?;
                        codec::decode(&doc).map_err(|reason| StoreError::Corrupt { id, reason })
                    })
                    .collect()
            }

            pub(crate) async fn workspace_id(&self, name: &str, create: bool) -> Result<Option<String>, StoreError> {
                if create {
                    let mut qb = QueryBuilder::<$db>::new("INSERT INTO workspaces (id, name, created_at) VALUES (");
                    qb.push_bind(generate_id("ws")?).push(", ").push_bind(name).push(", ").push_bind(now_ms());
                    qb.push(") ON CONFLICT (name) DO NOTHING");
                    let (_turn, mut tx) = self.begin_write().await?;
                    qb.build().execute(&mut *tx).await?;
                    tx.commit().await?;
                }
                let mut qb = QueryBuilder::<$db>::new("SELECT id FROM workspaces WHERE name = ");
                qb.push_bind(name);
                match qb.build().fetch_optional(&self.pool).await? {
                    Some(row) => Ok(Some(row.try_get(0)?)),
                    None => Ok(None),
                }
            }

            /// The id of the workspace called `name`, made now if there is none
            /// (keys and people both name their workspace).
            pub(crate) async fn workspace_named(
                tx: &mut sqlx::Transaction<'_, $db>,
                name: &str,
                now: i64,
            ) -> Result<String, StoreError> {
                let mut qb = QueryBuilder::<$db>::new("INSERT INTO workspaces (id, name, created_at) VALUES (");
                qb.push_bind(generate_id("ws")?).push(", ").push_bind(name).push(", ").push_bind(now);
                qb.push(") ON CONFLICT (name) DO NOTHING");
                qb.build().execute(&mut **tx).await?;
                let mut qb = QueryBuilder::<$db>::new("SELECT id FROM workspaces WHERE name = ");
                qb.push_bind(name);
                Ok(qb.build().fetch_one(&mut **tx).await?.try_get(0)?)
            }

            pub(crate) async fn create_key(&self, new: &NewKey) -> Result<(String, ApiKey), StoreError> {
                let now = now_ms();
                let key = generate_key()?;
                let (_turn, mut tx) = self.begin_write().await?;
                let workspace_id = Self::workspace_named(&mut tx, &new.workspace, now).await?;
                let mut qb = QueryBuilder::<$db>::new("INSERT INTO users (id, workspace_id, name, is_admin, created_at) VALUES (");
                qb.push_bind(generate_id("usr")?).push(", ").push_bind(workspace_id.as_str()).push(", ");
                qb.push_bind(new.user.as_str()).push(", ").push_bind(new.is_admin).push(", ").push_bind(now);
                qb.push(") ON CONFLICT (workspace_id, name) DO NOTHING");
                qb.build().execute(&mut *tx).await?;
                let mut qb = QueryBuilder::<$db>::new("SELECT id FROM users WHERE workspace_id = ");
                qb.push_bind(workspace_id.as_str()).push(" AND name = ").push_bind(new.user.as_str());
                let user_id: String = qb.build().fetch_one(&mut *tx).await?.try_get(0)?;
                let id = generate_id("key")?;
                let prefix: String = key.chars().take(10).collect();
                let mut qb = QueryBuilder::<$db>::new(
                    "INSERT INTO api_keys (id, workspace_id, user_id, key_hash, prefix, scopes, per_minute, per_day, created_at) ",
                );
                qb.push_values([()], |mut b, _| {
                    b.push_bind(id.as_str()).push_bind(workspace_id.as_str()).push_bind(user_id.as_str());
                    b.push_bind(key_hash(&key)).push_bind(prefix.as_str()).push_bind(new.scopes.join(" "));
                    b.push_bind(new.per_minute).push_bind(new.per_day).push_bind(now);
                });
                qb.build().execute(&mut *tx).await?;
                tx.commit().await?;
                let record = self.keys_where(Some(("k.id", &id))).await?.into_iter().next().ok_or_else(|| StoreError::Corrupt {
                    id: id.clone(),
                    reason: "key vanished after creation".into(),
                })?;
                Ok((key, record))
            }

            /// Keys matching `column = value`, or all keys.
            async fn keys_where(&self, filter: Option<(&str, &str)>) -> Result<Vec<ApiKey>, StoreError> {
                let mut qb = QueryBuilder::<$db>::new(KEY_SELECT);
                if let Some((column, value)) = filter {
                    qb.push(" WHERE ").push(column).push(" = ").push_bind(value);
                }
                qb.push(" ORDER BY k.created_at, k.id");
                let rows = qb.build().fetch_all(&self.pool).await?;
                rows.iter().map(|r| Ok(key_from_row!(r))).collect()
            }

            pub(crate) async fn list_keys(&self, workspace: Option<&str>) -> Result<Vec<ApiKey>, StoreError> {
                match workspace {
                    Some(w) => self.keys_where(Some(("w.name", w))).await,
                    None => self.keys_where(None).await,
                }
            }

            pub(crate) async fn revoke_key(&self, id_or_prefix: &str) -> Result<u64, StoreError> {
                let mut qb = QueryBuilder::<$db>::new("UPDATE api_keys SET revoked_at = ");
                qb.push_bind(now_ms()).push(" WHERE revoked_at IS NULL AND (id = ").push_bind(id_or_prefix);
                qb.push(" OR prefix = ").push_bind(id_or_prefix);
                // the whole key, as printed at creation
                qb.push(" OR key_hash = ").push_bind(key_hash(id_or_prefix)).push(")");
                let (_turn, mut tx) = self.begin_write().await?;
                let revoked = qb.build().execute(&mut *tx).await?.rows_affected();
                tx.commit().await?;
                Ok(revoked)
            }

            pub(crate) async fn save_transactions(&self, rows: &[SearchTransaction]) -> Result<(), StoreError> {
                if rows.is_empty() {
                    return Ok(());
                }
                let mut encoded = Vec::with_capacity(rows.len());
                for t in rows {
                    let ids = serde_json::to_string(&t.talent_ids)
                        .map_err(|e| StoreError::Corrupt { id: t.id.clone(), reason: e.to_string() })?;
                    encoded.push(ids);
                }
                let (_turn, mut tx) = self.begin_write().await?;
                for (chunk, ids) in rows.chunks(ROWS_PER_STATEMENT).zip(encoded.chunks(ROWS_PER_STATEMENT)) {
                    let mut qb = QueryBuilder::<$db>::new("INSERT INTO search_transactions (id, workspace_id, created_at, talent_ids) ");
                    qb.push_values(chunk.iter().zip(ids), |mut b, (t, ids)| {
                        b.push_bind(t.id.as_str()).push_bind(t.workspace_id.as_str()).push_bind(t.created_at).push_bind(ids.as_str());
                    });
                    qb.push(" ON CONFLICT (id) DO NOTHING");
                    qb.build().execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            pub(crate) async fn prune_transactions(&self, created_before: i64) -> Result<u64, StoreError> {
                let mut qb = QueryBuilder::<$db>::new("DELETE FROM search_transactions WHERE created_at < ");
                qb.push_bind(created_before);
                let (_turn, mut tx) = self.begin_write().await?;
                let pruned = qb.build().execute(&mut *tx).await?.rows_affected();
                tx.commit().await?;
                Ok(pruned)
            }

            pub(crate) async fn count_profiles(&self) -> Result<i64, StoreError> {
                let row = sqlx::query("SELECT COUNT(*) FROM profiles").fetch_one(&self.pool).await?;
                Ok(row.try_get(0)?)
            }
        }
    };
}

/// The SQLite back end: one database file (WAL mode) under the data directory.
#[derive(Clone)]
pub struct SqliteStore {
    pub(crate) pool: SqlitePool,
    path: std::path::PathBuf,
    /// Hot point reads without sqlx's thread hand-offs (`sqlite_reads.rs`).
    pub(crate) direct: std::sync::Arc<crate::sqlite_reads::DirectReads>,
    /// This process's writers, one at a time (`writes.rs`).
    writers: WriterQueue,
}

/// The PostgreSQL back end.
#[derive(Clone)]
pub struct PgStore {
    pub(crate) pool: PgPool,
}

store_backend!(SqliteStore, Sqlite, "BLOB");
store_backend!(PgStore, Postgres, "BYTEA");

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
    /// The stored profiles of `ids` that exist, in the order of `ids` (the
    /// SQLite back end reads them directly: `sqlite_reads.rs`).
    pub(crate) async fn get_profiles(
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

    pub(crate) async fn connect(url: &str) -> Result<PgStore, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PgStore { pool })
    }

    pub(crate) async fn size_on_disk(&self) -> Result<u64, StoreError> {
        let row = sqlx::query("SELECT pg_database_size(current_database())")
            .fetch_one(&self.pool)
            .await?;
        let size: i64 = row.try_get(0)?;
        Ok(size.max(0) as u64)
    }
}
