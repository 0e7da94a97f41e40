//! The statements of `backend.rs`, written once: this file is the body of a
//! module per back end (`sqlite.rs`, `postgres.rs`), whose `Db` is its
//! database and `Store` its store.

use crate::access::{generate_id, generate_key, key_hash, ApiKey, NewKey};
use crate::codec;
use crate::duplicates::{identity_keys, Contacts, IdentityKeys};
use crate::error::StoreError;
use crate::records::{
    Change, ChangeKind, SearchTransaction, StoredProfile, UpsertOutcome, UpsertReport,
};
use scout_model::ownership::profile_key;
use scout_model::{Organization, Talent};
use scout_taxonomy::fold;
use sqlx::{QueryBuilder, Row};
use std::collections::{HashMap, HashSet};

use super::BLOB;
use super::{Db, Store};
use crate::backend::*;

/// A profile row an upsert writes: its key, the profile (a merged survivor
/// is made here), its identity keys and document, and the input it stands
/// for (`None` for a survivor).
struct WriteRow<'a> {
    key: String,
    talent: std::borrow::Cow<'a, Talent>,
    identity: IdentityKeys,
    encoded: Encoded,
    input: Option<usize>,
}

impl Store {
    async fn existing_hashes(
        tx: &mut sqlx::Transaction<'_, Db>,
        table: &str,
        ids: &[&str],
    ) -> Result<HashMap<String, Vec<u8>>, StoreError> {
        let mut existing = HashMap::new();
        for chunk in ids.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Db>::new(format!(
                "SELECT id, content_hash FROM {table} WHERE id IN ("
            ));
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
    pub(crate) async fn allocate_seqs(
        tx: &mut sqlx::Transaction<'_, Db>,
        n: i64,
    ) -> Result<i64, StoreError> {
        let mut qb = QueryBuilder::<Db>::new("UPDATE change_counter SET value = value + ");
        qb.push_bind(n).push(" WHERE id = 1 RETURNING value");
        let end: i64 = qb.build().fetch_one(&mut **tx).await?.try_get(0)?;
        Ok(end - n + 1)
    }

    /// Classifies a batch against what is stored; when anything
    /// changed, compresses the changed documents and takes their
    /// numbers: `(outcomes, changed indices, first number)`.
    async fn plan_upsert(
        tx: &mut sqlx::Transaction<'_, Db>,
        table: &str,
        ids: &[&str],
        encoded: &mut [Encoded],
    ) -> Result<Option<(Vec<UpsertOutcome>, Vec<usize>, i64)>, StoreError> {
        let existing = Self::existing_hashes(tx, table, ids).await?;
        let outcomes = classify(ids, encoded, &existing);
        let changed: Vec<usize> = (0..ids.len())
            .filter(|&i| outcomes[i] != UpsertOutcome::Unchanged)
            .collect();
        if changed.is_empty() {
            return Ok(None);
        }
        compress_changed(encoded, &changed);
        let first = Self::allocate_seqs(tx, changed.len() as i64).await?;
        Ok(Some((outcomes, changed, first)))
    }

    pub(crate) async fn upsert_profiles(
        &self,
        profiles: &[Talent],
        contacts: &[Contacts],
        source: &str,
        owner: Option<&str>,
        merge_on_arrival: bool,
    ) -> Result<UpsertReport, StoreError> {
        if profiles.is_empty() {
            return Ok(UpsertReport::default());
        }
        let no_contacts = Contacts::default();
        // folding names and digesting keys: on every core, as encoding is
        let indexed: Vec<(usize, &Talent)> = profiles.iter().enumerate().collect();
        let identities: Vec<IdentityKeys> = par_map(&indexed, |(i, t)| {
            identity_keys(t, contacts.get(*i).unwrap_or(&no_contacts))
        });
        let encoded_all = encode_all(profiles, |t| t.id.as_str())?;
        let (_turn, mut tx) = self.begin_write().await?;
        // Hold the change counter before looking: every writer of profiles
        // takes it, so no other pool can take one of these ids, and no other
        // import can store the same person, between the checks and the insert
        // (PostgreSQL runs writers side by side).
        let counter: i64 =
            sqlx::query("UPDATE change_counter SET value = value WHERE id = 1 RETURNING value")
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
        let ids: Vec<&str> = profiles.iter().map(|p| p.id.as_str()).collect();
        let taken = Self::ids_held_by_other_pools(&mut tx, &ids, owner).await?;
        let kept: Vec<usize> = (0..profiles.len())
            .filter(|&i| !taken.contains(ids[i]))
            .collect();
        let pool = owner.unwrap_or("");
        // who the pool already holds with these identity keys, looked up
        // once: for merges on arrival and for the review queue
        let kept_keys: Vec<&IdentityKeys> = kept.iter().map(|&i| &identities[i]).collect();
        self.refresh_identity_filter(&mut tx, counter).await?;
        let holders = Self::holders(&mut tx, owner, &kept_keys, Some(&self.identity)).await?;
        // a profile arriving under a new id that is certainly a stored one
        // is merged into it (duplicates.rs)
        let arrivals = if merge_on_arrival {
            let candidates: Vec<(usize, String, &IdentityKeys, &Talent)> = kept
                .iter()
                .map(|&i| (i, profile_key(owner, ids[i]), &identities[i], &profiles[i]))
                .collect();
            Self::merges_on_arrival(&mut tx, pool, &holders, &candidates).await?
        } else {
            Default::default()
        };
        // the rows to write: every kept profile not merged, then each
        // survivor once with everything merged into it
        let mut rows: Vec<WriteRow> = Vec::with_capacity(kept.len());
        let mut encoded_slots: Vec<Option<Encoded>> = encoded_all.into_iter().map(Some).collect();
        for &i in &kept {
            if arrivals.into_survivor.contains_key(&i) {
                continue;
            }
            rows.push(WriteRow {
                key: profile_key(owner, ids[i]),
                talent: std::borrow::Cow::Borrowed(&profiles[i]),
                identity: identities[i].clone(),
                encoded: encoded_slots[i].take().unwrap_or_default(),
                input: Some(i),
            });
        }
        for survivor in &arrivals.survivors {
            let identity = identity_keys(&survivor.merged, &no_contacts);
            // the keys a file gave stay the survivor's (the talent schema has
            // no contacts to derive them from again)
            let identity = IdentityKeys {
                email: identity.email.or(survivor.keys.email),
                phone: identity.phone.or(survivor.keys.phone),
                ..identity
            };
            rows.push(WriteRow {
                key: survivor.key.clone(),
                talent: std::borrow::Cow::Owned(survivor.merged.clone()),
                identity,
                encoded: codec::serialize(&survivor.merged).map_err(|e| StoreError::Corrupt {
                    id: survivor.key.clone(),
                    reason: e.to_string(),
                })?,
                input: None,
            });
        }
        let mut encoded: Vec<Encoded> = rows
            .iter_mut()
            .map(|r| std::mem::take(&mut r.encoded))
            .collect();
        let key_refs: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        let planned = if rows.is_empty() {
            None
        } else {
            Self::plan_upsert(&mut tx, "profiles", &key_refs, &mut encoded).await?
        };
        let outcome_of = |row_outcomes: &[UpsertOutcome]| -> Vec<UpsertOutcome> {
            let mut by_input = vec![UpsertOutcome::Unchanged; profiles.len()];
            for (row, o) in rows.iter().zip(row_outcomes) {
                if let Some(i) = row.input {
                    by_input[i] = *o;
                }
            }
            for i in arrivals.into_survivor.keys() {
                by_input[*i] = UpsertOutcome::Merged;
            }
            for (i, id) in ids.iter().enumerate() {
                if taken.contains(*id) {
                    by_input[i] = UpsertOutcome::Taken;
                }
            }
            by_input
        };
        let mut written_keys: Vec<i64> = Vec::new();
        let last_seq = if let Some((row_outcomes, changed, first)) = planned {
            let now = now_ms();
            for (chunk_no, chunk) in changed.chunks(ROWS_PER_STATEMENT).enumerate() {
                let mut qb = QueryBuilder::<Db>::new(PROFILE_INSERT);
                qb.push_values(chunk.iter().enumerate(), |mut b, (k, &i)| {
                    let seq = first + (chunk_no * ROWS_PER_STATEMENT + k) as i64;
                    let row = &rows[i];
                    b.push_bind(key_refs[i])
                        .push_bind(seq)
                        .push_bind(&encoded[i].1)
                        .push_bind(&encoded[i].0);
                    b.push_bind(now)
                        .push_bind(now)
                        .push_bind(source)
                        .push_bind(current_org_id(&row.talent))
                        .push_bind(owner)
                        .push_bind(owner.map(|_| row.talent.id.as_str()))
                        .push_bind(row.identity.linkedin)
                        .push_bind(row.identity.email)
                        .push_bind(row.identity.phone)
                        .push_bind(row.identity.name);
                });
                qb.push(PROFILE_ON_CONFLICT);
                qb.build().execute(&mut *tx).await?;
            }
            let outcomes = outcome_of(&row_outcomes);
            written_keys = changed
                .iter()
                .flat_map(|&i| rows[i].identity.all())
                .collect();
            Some((outcomes, first + changed.len() as i64 - 1))
        } else {
            None
        };
        Self::record_arrivals(&mut tx, pool, source, &arrivals).await?;
        let written: Vec<(&str, &Talent, &IdentityKeys)> = rows
            .iter()
            .map(|r| (r.key.as_str(), r.talent.as_ref(), &r.identity))
            .collect();
        Self::queue_probable(&mut tx, pool, owner, &written, Some(&holders)).await?;
        tx.commit().await?;
        // committed: this write's keys are stored, numbered up to its last
        let end = last_seq.as_ref().map_or(counter, |(_, last)| *last);
        self.identity.add(written_keys, counter, end);
        Ok(match last_seq {
            Some((outcomes, last)) => UpsertReport {
                outcomes,
                last_seq: Some(last),
            },
            None => UpsertReport {
                outcomes: outcome_of(&vec![UpsertOutcome::Unchanged; rows.len()]),
                last_seq: None,
            },
        })
    }

    /// The ids among `ids` that, written to `owner`'s pool, would give a
    /// workspace two profiles of one id: for a workspace, the shared pool's;
    /// for the shared pool, any workspace's (see `scout_model::ownership`).
    async fn ids_held_by_other_pools(
        tx: &mut sqlx::Transaction<'_, Db>,
        ids: &[&str],
        owner: Option<&str>,
    ) -> Result<HashSet<String>, StoreError> {
        let column = if owner.is_some() { "id" } else { "owned_id" };
        let mut held = HashSet::new();
        for chunk in ids.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Db>::new(format!(
                "SELECT {column} FROM profiles WHERE {column} IN ("
            ));
            let mut sep = qb.separated(", ");
            for id in chunk {
                sep.push_bind(*id);
            }
            qb.push(")");
            for row in qb.build().fetch_all(&mut **tx).await? {
                held.insert(row.try_get::<String, _>(0)?);
            }
        }
        Ok(held)
    }

    pub(crate) async fn upsert_organizations(
        &self,
        orgs: &[Organization],
        source: &str,
    ) -> Result<UpsertReport, StoreError> {
        if orgs.is_empty() {
            return Ok(UpsertReport::default());
        }
        let mut encoded = encode_all(orgs, |o| o.id.as_str())?;
        let ids: Vec<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
        let (_turn, mut tx) = self.begin_write().await?;
        let Some((outcomes, changed, first)) =
            Self::plan_upsert(&mut tx, "organizations", &ids, &mut encoded).await?
        else {
            tx.commit().await?;
            return Ok(UpsertReport {
                outcomes: vec![UpsertOutcome::Unchanged; ids.len()],
                last_seq: None,
            });
        };
        let now = now_ms();
        let name_keys: Vec<String> = orgs.iter().map(|o| fold(&o.name)).collect();
        for (chunk_no, chunk) in changed.chunks(ROWS_PER_STATEMENT).enumerate() {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO organizations (id, name_key, seq, content_hash, doc, first_seen_at, last_changed_at, source) ",
            );
            qb.push_values(chunk.iter().enumerate(), |mut b, (k, &i)| {
                let seq = first + (chunk_no * ROWS_PER_STATEMENT + k) as i64;
                b.push_bind(ids[i])
                    .push_bind(name_keys[i].as_str())
                    .push_bind(seq);
                b.push_bind(&encoded[i].1)
                    .push_bind(&encoded[i].0)
                    .push_bind(now)
                    .push_bind(now)
                    .push_bind(source);
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
            let mut qb =
                QueryBuilder::<Db>::new("SELECT id FROM profiles WHERE current_org_id IN (");
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
                let mut qb = QueryBuilder::<Db>::new("UPDATE profiles SET seq = ");
                qb.push_bind(base + k as i64)
                    .push(" WHERE id = ")
                    .push_bind(id.as_str());
                qb.build().execute(&mut *tx).await?;
            }
            last = base + dependents.len() as i64 - 1;
        }
        tx.commit().await?;
        Ok(UpsertReport {
            outcomes,
            last_seq: Some(last),
        })
    }

    pub(crate) async fn delete_profiles(&self, ids: &[String]) -> Result<u64, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let gone = Self::delete_profiles_in(&mut tx, ids).await?;
        tx.commit().await?;
        Ok(gone)
    }

    /// Deletes the profiles of `ids` that exist within `tx`, each leaving a
    /// tombstone with the next change number; returns how many existed.
    pub(crate) async fn delete_profiles_in(
        tx: &mut sqlx::Transaction<'_, Db>,
        ids: &[String],
    ) -> Result<u64, StoreError> {
        let id_refs: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let existing = Self::existing_hashes(tx, "profiles", &id_refs).await?;
        let mut gone: Vec<&String> = existing.keys().collect();
        gone.sort();
        if gone.is_empty() {
            return Ok(0);
        }
        let first = Self::allocate_seqs(tx, gone.len() as i64).await?;
        let now = now_ms();
        for (k, id) in gone.iter().enumerate() {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO tombstones (seq, kind, id, deleted_at) VALUES (",
            );
            qb.push_bind(first + k as i64)
                .push(", 'profile', ")
                .push_bind(id.as_str())
                .push(", ")
                .push_bind(now)
                .push(")");
            qb.build().execute(&mut **tx).await?;
            let mut qb = QueryBuilder::<Db>::new("DELETE FROM profiles WHERE id = ");
            qb.push_bind(id.as_str());
            qb.build().execute(&mut **tx).await?;
        }
        Ok(gone.len() as u64)
    }

    pub(crate) async fn changes_since(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Change>, StoreError> {
        // A bounded window of sequence numbers rather than ORDER BY ... LIMIT
        // over the union, so each page costs the same however far along it is.
        let last = self.last_seq().await?;
        let mut out = Vec::new();
        let mut lo = after;
        while lo < last && (out.len() as i64) < limit {
            let hi = (lo + limit.max(1)).min(last);
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT seq, 'p' AS kind, id, doc FROM profiles WHERE seq > ",
            );
            qb.push_bind(lo).push(" AND seq <= ").push_bind(hi);
            qb.push(" UNION ALL SELECT seq, 'o' AS kind, id, doc FROM organizations WHERE seq > ");
            qb.push_bind(lo).push(" AND seq <= ").push_bind(hi);
            qb.push(format!(" UNION ALL SELECT seq, kind, id, CAST(NULL AS {BLOB}) AS doc FROM tombstones WHERE seq > "));
            qb.push_bind(lo)
                .push(" AND seq <= ")
                .push_bind(hi)
                .push(" ORDER BY seq");
            for row in qb.build().fetch_all(&self.pool).await? {
                let id: String = row.try_get("id")?;
                let kind: String = row.try_get("kind")?;
                let doc: Option<Vec<u8>> = row.try_get("doc")?;
                let doc = match doc {
                    Some(d) => Some(codec::decode(&d).map_err(|reason| StoreError::Corrupt {
                        id: id.clone(),
                        reason,
                    })?),
                    None => None,
                };
                let kind = if kind == "o" || kind == "organization" {
                    ChangeKind::Organization
                } else {
                    ChangeKind::Profile
                };
                out.push(Change {
                    seq: row.try_get("seq")?,
                    kind,
                    id,
                    doc,
                });
            }
            lo = hi;
        }
        Ok(out)
    }

    pub(crate) async fn last_seq(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT value FROM change_counter WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    pub(crate) async fn all_organizations(&self) -> Result<Vec<Organization>, StoreError> {
        let rows = sqlx::query("SELECT id, doc FROM organizations ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let doc: Vec<u8> = row.try_get("doc")?;
                codec::decode(&doc).map_err(|reason| StoreError::Corrupt { id, reason })
            })
            .collect()
    }

    pub(crate) async fn workspace_id(
        &self,
        name: &str,
        create: bool,
    ) -> Result<Option<String>, StoreError> {
        if create {
            let mut qb =
                QueryBuilder::<Db>::new("INSERT INTO workspaces (id, name, created_at) VALUES (");
            qb.push_bind(generate_id("ws")?)
                .push(", ")
                .push_bind(name)
                .push(", ")
                .push_bind(now_ms());
            qb.push(") ON CONFLICT (name) DO NOTHING");
            let (_turn, mut tx) = self.begin_write().await?;
            qb.build().execute(&mut *tx).await?;
            tx.commit().await?;
        }
        let mut qb = QueryBuilder::<Db>::new("SELECT id FROM workspaces WHERE name = ");
        qb.push_bind(name);
        match qb.build().fetch_optional(&self.pool).await? {
            Some(row) => Ok(Some(row.try_get(0)?)),
            None => Ok(None),
        }
    }

    /// The id of the workspace called `name`, made now if there is none
    /// (keys and people both name their workspace).
    pub(crate) async fn workspace_named(
        tx: &mut sqlx::Transaction<'_, Db>,
        name: &str,
        now: i64,
    ) -> Result<String, StoreError> {
        let mut qb =
            QueryBuilder::<Db>::new("INSERT INTO workspaces (id, name, created_at) VALUES (");
        qb.push_bind(generate_id("ws")?)
            .push(", ")
            .push_bind(name)
            .push(", ")
            .push_bind(now);
        qb.push(") ON CONFLICT (name) DO NOTHING");
        qb.build().execute(&mut **tx).await?;
        let mut qb = QueryBuilder::<Db>::new("SELECT id FROM workspaces WHERE name = ");
        qb.push_bind(name);
        Ok(qb.build().fetch_one(&mut **tx).await?.try_get(0)?)
    }

    pub(crate) async fn create_key(&self, new: &NewKey) -> Result<(String, ApiKey), StoreError> {
        let now = now_ms();
        let key = generate_key()?;
        let (_turn, mut tx) = self.begin_write().await?;
        let workspace_id = Self::workspace_named(&mut tx, &new.workspace, now).await?;
        let mut qb = QueryBuilder::<Db>::new(
            "INSERT INTO users (id, workspace_id, name, is_admin, created_at) VALUES (",
        );
        qb.push_bind(generate_id("usr")?)
            .push(", ")
            .push_bind(workspace_id.as_str())
            .push(", ");
        qb.push_bind(new.user.as_str())
            .push(", ")
            .push_bind(new.is_admin)
            .push(", ")
            .push_bind(now);
        qb.push(") ON CONFLICT (workspace_id, name) DO NOTHING");
        qb.build().execute(&mut *tx).await?;
        let mut qb = QueryBuilder::<Db>::new("SELECT id FROM users WHERE workspace_id = ");
        qb.push_bind(workspace_id.as_str())
            .push(" AND name = ")
            .push_bind(new.user.as_str());
        let user_id: String = qb.build().fetch_one(&mut *tx).await?.try_get(0)?;
        let id = generate_id("key")?;
        let prefix: String = key.chars().take(10).collect();
        let mut qb = QueryBuilder::<Db>::new(
            "INSERT INTO api_keys (id, workspace_id, user_id, key_hash, prefix, scopes, per_minute, per_day, created_at) ",
        );
        qb.push_values([()], |mut b, _| {
            b.push_bind(id.as_str())
                .push_bind(workspace_id.as_str())
                .push_bind(user_id.as_str());
            b.push_bind(key_hash(&key))
                .push_bind(prefix.as_str())
                .push_bind(new.scopes.join(" "));
            b.push_bind(new.per_minute)
                .push_bind(new.per_day)
                .push_bind(now);
        });
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        let record = self
            .keys_where(Some(("k.id", &id)))
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::Corrupt {
                id: id.clone(),
                reason: "key vanished after creation".into(),
            })?;
        Ok((key, record))
    }

    /// Keys matching `column = value`, or all keys.
    async fn keys_where(&self, filter: Option<(&str, &str)>) -> Result<Vec<ApiKey>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(KEY_SELECT);
        if let Some((column, value)) = filter {
            qb.push(" WHERE ").push(column).push(" = ").push_bind(value);
        }
        qb.push(" ORDER BY k.created_at, k.id");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok(key_from_row!(r))).collect()
    }

    pub(crate) async fn list_keys(
        &self,
        workspace: Option<&str>,
    ) -> Result<Vec<ApiKey>, StoreError> {
        match workspace {
            Some(w) => self.keys_where(Some(("w.name", w))).await,
            None => self.keys_where(None).await,
        }
    }

    pub(crate) async fn revoke_key(&self, id_or_prefix: &str) -> Result<u64, StoreError> {
        let mut qb = QueryBuilder::<Db>::new("UPDATE api_keys SET revoked_at = ");
        qb.push_bind(now_ms())
            .push(" WHERE revoked_at IS NULL AND (id = ")
            .push_bind(id_or_prefix);
        qb.push(" OR prefix = ").push_bind(id_or_prefix);
        // the whole key, as printed at creation
        qb.push(" OR key_hash = ")
            .push_bind(key_hash(id_or_prefix))
            .push(")");
        let (_turn, mut tx) = self.begin_write().await?;
        let revoked = qb.build().execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(revoked)
    }

    pub(crate) async fn save_transactions(
        &self,
        rows: &[SearchTransaction],
    ) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut encoded = Vec::with_capacity(rows.len());
        for t in rows {
            let ids = serde_json::to_string(&t.talent_ids).map_err(|e| StoreError::Corrupt {
                id: t.id.clone(),
                reason: e.to_string(),
            })?;
            encoded.push(ids);
        }
        let (_turn, mut tx) = self.begin_write().await?;
        for (chunk, ids) in rows
            .chunks(ROWS_PER_STATEMENT)
            .zip(encoded.chunks(ROWS_PER_STATEMENT))
        {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO search_transactions (id, workspace_id, created_at, talent_ids) ",
            );
            qb.push_values(chunk.iter().zip(ids), |mut b, (t, ids)| {
                b.push_bind(t.id.as_str())
                    .push_bind(t.workspace_id.as_str())
                    .push_bind(t.created_at)
                    .push_bind(ids.as_str());
            });
            qb.push(" ON CONFLICT (id) DO NOTHING");
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn prune_transactions(&self, created_before: i64) -> Result<u64, StoreError> {
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM search_transactions WHERE created_at < ");
        qb.push_bind(created_before);
        let (_turn, mut tx) = self.begin_write().await?;
        let pruned = qb.build().execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(pruned)
    }

    pub(crate) async fn pool_profiles(
        &self,
        owner: Option<&str>,
        after: &str,
        limit: i64,
    ) -> Result<Vec<StoredProfile>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(PROFILE_SELECT);
        match owner {
            None => {
                qb.push(" WHERE owner IS NULL AND id > ")
                    .push_bind(after)
                    .push(" ORDER BY id");
            }
            Some(w) => {
                qb.push(" WHERE owner = ")
                    .push_bind(w)
                    .push(" AND owned_id > ")
                    .push_bind(after)
                    .push(" ORDER BY owned_id");
            }
        }
        qb.push(" LIMIT ").push_bind(limit);
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| Ok(profile_from_row!(row, try_get).1))
            .collect()
    }

    pub(crate) async fn count_profiles(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) FROM profiles")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }
}
