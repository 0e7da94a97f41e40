//! The statements of `duplicates.rs`, written once: this file is the body
//! of a module per back end (`sqlite.rs`, `postgres.rs`), whose `Db` is its
//! database and `Store` its store.

use std::collections::{HashMap, HashSet};

use scout_model::ownership::split_profile_key;
use scout_model::Talent;
use sqlx::{QueryBuilder, Row};

use super::{Db, Store};
use crate::access::generate_id;
use crate::backend::{now_ms, PROFILE_INSERT, PROFILE_ON_CONFLICT, ROWS_PER_STATEMENT};
use crate::codec;
use crate::duplicates::{
    merge, times_overlap, Duplicate, DuplicateQuery, IdentityKeys, Reason, Repointed, ScanOutcome,
};
use crate::duplicates_sql::{
    key_of, ArrivalRecord, Arrivals, Holders, Survivor, DUPLICATE_COLUMNS, KEY_COLUMNS,
};
use crate::error::StoreError;
use crate::identity_filter::{IdentityFilter, Refresh};

/// `AND owner …` for a pool.
fn push_pool<'a>(qb: &mut QueryBuilder<'a, Db>, owner: Option<&'a str>) {
    match owner {
        None => {
            qb.push(" AND owner IS NULL");
        }
        Some(w) => {
            qb.push(" AND owner = ").push_bind(w);
        }
    }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Io(e)
}

/// Two keys in the order a pair is stored in.
fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

impl Store {
    /// `(value, key, first_seen_at)` of the pool's profiles whose `column`
    /// is one of `values`. Not kept as a prepared statement: its length
    /// varies batch by batch, and each length would be cached on every
    /// connection.
    async fn holders_of(
        tx: &mut sqlx::Transaction<'_, Db>,
        owner: Option<&str>,
        column: &str,
        values: &[i64],
    ) -> Result<Vec<(i64, String, i64)>, StoreError> {
        let mut out = Vec::new();
        for chunk in values.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Db>::new(format!(
                "SELECT {column} AS v, id, first_seen_at FROM profiles WHERE {column} IN ("
            ));
            let mut sep = qb.separated(", ");
            for v in chunk {
                sep.push_bind(*v);
            }
            qb.push(")");
            push_pool(&mut qb, owner);
            for row in qb.build().persistent(false).fetch_all(&mut **tx).await? {
                out.push((
                    row.try_get("v")?,
                    row.try_get("id")?,
                    row.try_get("first_seen_at")?,
                ));
            }
        }
        Ok(out)
    }

    /// For each identity column, the pool's profiles holding each of the
    /// values `keys` have: value → `(key, first_seen_at)`, looked up once
    /// per upsert, before it writes.
    ///
    /// With `filter` (current: see `refresh_identity_filter`), asks only
    /// about the values some stored profile may hold.
    pub(crate) async fn holders(
        tx: &mut sqlx::Transaction<'_, Db>,
        owner: Option<&str>,
        keys: &[&IdentityKeys],
        filter: Option<&IdentityFilter>,
    ) -> Result<Holders, StoreError> {
        let mut out = Holders::default();
        for (n, (column, _)) in KEY_COLUMNS.iter().enumerate() {
            let mut values: Vec<i64> = keys.iter().filter_map(|k| key_of(k, column)).collect();
            if let Some(filter) = filter {
                filter.retain_possible(&mut values);
            }
            if values.is_empty() {
                continue;
            }
            values.sort_unstable();
            values.dedup();
            for (v, key, seen) in Self::holders_of(tx, owner, column, &values).await? {
                out.0[n].entry(v).or_default().push((key, seen));
            }
        }
        Ok(out)
    }

    /// Brings this process's filter of the stored identity keys to change
    /// number `counter`, read under the writer's lock (`identity_filter.rs`).
    pub(crate) async fn refresh_identity_filter(
        &self,
        tx: &mut sqlx::Transaction<'_, Db>,
        counter: i64,
    ) -> Result<(), StoreError> {
        let generation: i64 = sqlx::query("SELECT value FROM identity_generation WHERE id = 1")
            .fetch_one(&mut **tx)
            .await?
            .try_get(0)?;
        match self.identity.plan(counter, generation) {
            Refresh::Current => {}
            Refresh::Since(seen) => {
                let mut qb = QueryBuilder::<Db>::new(
                    "SELECT linkedin_key, email_key, phone_key, name_key FROM profiles WHERE seq > ",
                );
                qb.push_bind(seen);
                let mut keys = Vec::new();
                for row in qb.build().fetch_all(&mut **tx).await? {
                    for column in 0..KEY_COLUMNS.len() {
                        keys.extend(row.try_get::<Option<i64>, _>(column)?);
                    }
                }
                self.identity.add(keys, seen, counter);
            }
            Refresh::Reload => {
                // each column's partial index, read in order a page at a
                // time (rows held at once stay few at any size of store)
                const PAGE: i64 = 50_000;
                let mut keys = Vec::new();
                for (column, _) in KEY_COLUMNS {
                    let mut after: Option<i64> = None;
                    loop {
                        let mut qb = QueryBuilder::<Db>::new(format!(
                            "SELECT {column} FROM profiles WHERE {column} IS NOT NULL"
                        ));
                        if let Some(after) = after {
                            qb.push(format!(" AND {column} > ")).push_bind(after);
                        }
                        qb.push(format!(" ORDER BY {column} LIMIT "))
                            .push_bind(PAGE);
                        let rows = qb.build().fetch_all(&mut **tx).await?;
                        for row in &rows {
                            keys.push(row.try_get::<i64, _>(0)?);
                        }
                        if (rows.len() as i64) < PAGE {
                            break;
                        }
                        after = keys.last().copied();
                    }
                }
                self.identity.reload(&keys, counter, generation);
            }
        }
        Ok(())
    }

    /// Tells every process's identity filter to reload: for a statement
    /// that sets identity keys without a new change number.
    async fn advance_identity_generation(
        tx: &mut sqlx::Transaction<'_, Db>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE identity_generation SET value = value + 1 WHERE id = 1")
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// The stored documents of `keys`: the profile and its bytes as stored.
    async fn documents(
        tx: &mut sqlx::Transaction<'_, Db>,
        keys: &[String],
    ) -> Result<HashMap<String, (Talent, Vec<u8>)>, StoreError> {
        let mut out = HashMap::new();
        for chunk in keys.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Db>::new("SELECT id, doc FROM profiles WHERE id IN (");
            let mut sep = qb.separated(", ");
            for k in chunk {
                sep.push_bind(k.as_str());
            }
            qb.push(")");
            for row in qb.build().persistent(false).fetch_all(&mut **tx).await? {
                let id: String = row.try_get("id")?;
                let doc: Vec<u8> = row.try_get("doc")?;
                let talent: Talent = codec::decode(&doc).map_err(|reason| StoreError::Corrupt {
                    id: id.clone(),
                    reason,
                })?;
                out.insert(id, (talent, doc));
            }
        }
        Ok(out)
    }

    /// The pairs among `pairs` that are already known (any status).
    async fn known_pairs(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool: &str,
        pairs: &[(String, String)],
    ) -> Result<HashSet<(String, String)>, StoreError> {
        let mut out = HashSet::new();
        let firsts: Vec<&str> = pairs.iter().map(|(a, _)| a.as_str()).collect();
        for chunk in firsts.chunks(ROWS_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT first_key, second_key, status FROM duplicates WHERE pool = ",
            );
            qb.push_bind(pool).push(" AND first_key IN (");
            let mut sep = qb.separated(", ");
            for k in chunk {
                sep.push_bind(*k);
            }
            qb.push(")");
            for row in qb.build().persistent(false).fetch_all(&mut **tx).await? {
                out.insert((row.try_get("first_key")?, row.try_get("second_key")?));
            }
        }
        Ok(out)
    }

    /// Which of `candidates` (input index, key, identity keys, profile)
    /// are, under a new id, certainly a profile the pool holds: each is
    /// merged into the one seen first, unless that pair was dismissed or
    /// undone. A candidate whose own id is stored is left to the review
    /// queue (merging two stored profiles moves what points at them).
    pub(crate) async fn merges_on_arrival(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool: &str,
        holders: &Holders,
        candidates: &[(usize, String, &IdentityKeys, &Talent)],
    ) -> Result<Arrivals, StoreError> {
        let mut matches: HashMap<usize, (String, Reason)> = HashMap::new();
        for (n, (column, reason)) in KEY_COLUMNS.iter().enumerate() {
            if !reason.certain() {
                continue;
            }
            for (i, key, keys, _) in candidates {
                if matches.contains_key(i) {
                    continue;
                }
                let first = key_of(keys, column)
                    .and_then(|v| holders.0[n].get(&v))
                    .and_then(|hs| {
                        hs.iter()
                            .filter(|(k, _)| k != key)
                            .min_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)))
                    });
                if let Some((holder, _)) = first {
                    matches.insert(*i, (holder.clone(), *reason));
                }
            }
        }
        if matches.is_empty() {
            return Ok(Arrivals::default());
        }
        // an arrival under an id the pool already holds is no arrival
        let own: Vec<String> = candidates
            .iter()
            .filter(|(i, ..)| matches.contains_key(i))
            .map(|(_, k, ..)| k.clone())
            .collect();
        let stored: HashSet<String> = Self::documents(tx, &own).await?.into_keys().collect();
        let pairs: Vec<(String, String)> = candidates
            .iter()
            .filter_map(|(i, k, ..)| matches.get(i).map(|(s, _)| ordered(s, k)))
            .collect();
        let known = Self::known_pairs(tx, pool, &pairs).await?;
        let mut survivors_needed: Vec<String> = matches.values().map(|(s, _)| s.clone()).collect();
        survivors_needed.sort();
        survivors_needed.dedup();
        let docs = Self::documents(tx, &survivors_needed).await?;
        let mut arrivals = Arrivals::default();
        let mut at: HashMap<String, usize> = HashMap::new();
        for (i, key, keys, talent) in candidates {
            let Some((survivor, reason)) = matches.get(i) else {
                continue;
            };
            if stored.contains(key) || known.contains(&ordered(survivor, key)) {
                continue;
            }
            let Some((before, before_doc)) = docs.get(survivor) else {
                continue;
            };
            let slot = *at.entry(survivor.clone()).or_insert_with(|| {
                arrivals.survivors.push(Survivor {
                    key: survivor.clone(),
                    merged: before.clone(),
                    keys: IdentityKeys::default(),
                });
                arrivals.survivors.len() - 1
            });
            let s = &mut arrivals.survivors[slot];
            s.merged = merge(&s.merged, talent);
            s.keys.email = s.keys.email.take().or(keys.email);
            s.keys.phone = s.keys.phone.take().or(keys.phone);
            let (arrival, _) = codec::encode(*talent).map_err(|e| StoreError::Corrupt {
                id: key.clone(),
                reason: e.to_string(),
            })?;
            let (survivor_keys, _, _) = Self::stored_keys(tx, survivor).await?;
            arrivals.records.push(ArrivalRecord {
                survivor_key: survivor.clone(),
                arrival_key: key.clone(),
                reason: *reason,
                survivor_before: before_doc.clone(),
                arrival,
                contact_keys: [
                    survivor_keys.email,
                    survivor_keys.phone,
                    keys.email,
                    keys.phone,
                ],
            });
            arrivals.into_survivor.insert(*i, survivor.clone());
        }
        Ok(arrivals)
    }

    /// Records each merge on arrival as a merged pair, with what undoing it
    /// needs.
    pub(crate) async fn record_arrivals(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool: &str,
        source: &str,
        arrivals: &Arrivals,
    ) -> Result<(), StoreError> {
        let decided_by = format!("import:{source}");
        let now = now_ms();
        for r in &arrivals.records {
            let (first, second) = ordered(&r.survivor_key, &r.arrival_key);
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO duplicates (id, pool, first_key, second_key, reason, status, created_at, decided_at, decided_by, survivor_key, survivor_before, merged_before, repointed) VALUES (",
            );
            let mut sep = qb.separated(", ");
            sep.push_bind(generate_id("dup").map_err(io)?)
                .push_bind(pool)
                .push_bind(first)
                .push_bind(second)
                .push_bind(r.reason.as_str())
                .push_bind("merged")
                .push_bind(now)
                .push_bind(now)
                .push_bind(decided_by.as_str())
                .push_bind(r.survivor_key.as_str())
                .push_bind(r.survivor_before.as_slice())
                .push_bind(r.arrival.as_slice())
                .push_bind(
                    serde_json::to_string(&Repointed {
                        contact_keys: r.contact_keys,
                        ..Default::default()
                    })
                    .unwrap_or_else(|_| "{}".into()),
                );
            qb.push(
                ") ON CONFLICT (pool, first_key, second_key) DO UPDATE SET status = 'merged', \
                 decided_at = excluded.decided_at, decided_by = excluded.decided_by, \
                 survivor_key = excluded.survivor_key, survivor_before = excluded.survivor_before, \
                 merged_before = excluded.merged_before, repointed = excluded.repointed",
            );
            qb.build().execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// Queues, for review, each pair of a written profile and another of
    /// the pool sharing one of its identity keys — a profile stored before
    /// (`holders`, looked up before the write; `None`: look them up now) or
    /// another written with it; a name with an employer only when their
    /// times there overlap. A pair already known — open, merged or
    /// dismissed — is left as it is.
    pub(crate) async fn queue_probable(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool: &str,
        owner: Option<&str>,
        written: &[(&str, &Talent, &IdentityKeys)],
        holders: Option<&Holders>,
    ) -> Result<(), StoreError> {
        let fetched;
        let holders = match holders {
            Some(h) => h,
            None => {
                let keys: Vec<&IdentityKeys> = written.iter().map(|(_, _, k)| *k).collect();
                fetched = Self::holders(tx, owner, &keys, None).await?;
                &fetched
            }
        };
        let mut found: HashMap<(String, String), Reason> = HashMap::new();
        // (written index, other key, the other when it was written too)
        let mut name_checks: Vec<(usize, String, Option<usize>)> = Vec::new();
        for (n, (column, reason)) in KEY_COLUMNS.iter().enumerate() {
            let mut in_batch: HashMap<i64, Vec<usize>> = HashMap::new();
            for (w, (_, _, keys)) in written.iter().enumerate() {
                if let Some(v) = key_of(keys, column) {
                    in_batch.entry(v).or_default().push(w);
                }
            }
            for (w, (key, _, keys)) in written.iter().enumerate() {
                let Some(v) = key_of(keys, column) else {
                    continue;
                };
                let stored = holders.0[n]
                    .get(&v)
                    .into_iter()
                    .flatten()
                    .map(|(k, _)| (k.as_str(), None));
                let batch = in_batch
                    .get(&v)
                    .into_iter()
                    .flatten()
                    .map(|&o| (written[o].0, Some(o)));
                for (other, other_written) in stored.chain(batch) {
                    if other == *key {
                        continue;
                    }
                    let pair = ordered(key, other);
                    if found.contains_key(&pair) {
                        continue;
                    }
                    if *reason == Reason::NameAndEmployer {
                        name_checks.push((w, other.to_owned(), other_written));
                    } else {
                        found.insert(pair, *reason);
                    }
                }
            }
        }
        if !name_checks.is_empty() {
            let mut others: Vec<String> = name_checks
                .iter()
                .filter(|(_, _, w)| w.is_none())
                .map(|(_, o, _)| o.clone())
                .collect();
            others.sort();
            others.dedup();
            let docs = Self::documents(tx, &others).await?;
            for (w, other, other_written) in name_checks {
                let (key, talent, _) = written[w];
                let pair = ordered(key, &other);
                if found.contains_key(&pair) {
                    continue;
                }
                let overlap = match other_written {
                    Some(o) => times_overlap(talent, written[o].1),
                    None => docs
                        .get(&other)
                        .is_some_and(|(o, _)| times_overlap(talent, o)),
                };
                if overlap {
                    found.insert(pair, Reason::NameAndEmployer);
                }
            }
        }
        if found.is_empty() {
            return Ok(());
        }
        let now = now_ms();
        let mut pairs: Vec<((String, String), Reason)> = found.into_iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        for chunk in pairs.chunks(ROWS_PER_STATEMENT / 8) {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO duplicates (id, pool, first_key, second_key, reason, status, created_at) ",
            );
            let mut rows = Vec::with_capacity(chunk.len());
            for _ in chunk {
                rows.push(generate_id("dup").map_err(io)?);
            }
            qb.push_values(
                chunk.iter().zip(&rows),
                |mut b, (((first, second), reason), id)| {
                    b.push_bind(id.as_str())
                        .push_bind(pool)
                        .push_bind(first.as_str())
                        .push_bind(second.as_str())
                        .push_bind(reason.as_str())
                        .push_bind("open")
                        .push_bind(now);
                },
            );
            qb.push(" ON CONFLICT (pool, first_key, second_key) DO NOTHING");
            qb.build().execute(&mut **tx).await?;
        }
        Ok(())
    }
}

impl Store {
    fn duplicate_from_row(row: &<Db as sqlx::Database>::Row) -> Result<Duplicate, StoreError> {
        let pool: String = row.try_get("pool")?;
        let first: String = row.try_get("first_key")?;
        let second: String = row.try_get("second_key")?;
        let reason: String = row.try_get("reason")?;
        let survivor: Option<String> = row.try_get("survivor_key")?;
        Ok(Duplicate {
            id: row.try_get("id")?,
            workspace_id: (!pool.is_empty()).then_some(pool),
            talent_ids: [talent_id_of(&first), talent_id_of(&second)],
            reason: Reason::parse(&reason).unwrap_or(Reason::NameAndEmployer),
            status: row.try_get("status")?,
            created_at: row.try_get("created_at")?,
            decided_at: row.try_get("decided_at")?,
            decided_by: row.try_get("decided_by")?,
            survivor_id: survivor.as_deref().map(talent_id_of),
        })
    }

    pub(crate) async fn list_duplicates(
        &self,
        pool: &str,
        query: &DuplicateQuery,
    ) -> Result<(Vec<Duplicate>, i64), StoreError> {
        let filter = |qb: &mut QueryBuilder<'_, Db>| {
            qb.push(" WHERE pool = ").push_bind(pool.to_owned());
            if let Some(status) = &query.status {
                qb.push(" AND status = ").push_bind(status.clone());
            }
        };
        let mut qb = QueryBuilder::<Db>::new(format!("SELECT {DUPLICATE_COLUMNS} FROM duplicates"));
        filter(&mut qb);
        qb.push(" ORDER BY created_at DESC, id LIMIT ")
            .push_bind(query.limit)
            .push(" OFFSET ")
            .push_bind(query.offset);
        let rows = qb.build().fetch_all(&self.pool).await?;
        let items = rows
            .iter()
            .map(Self::duplicate_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        let mut qb = QueryBuilder::<Db>::new("SELECT COUNT(*) FROM duplicates");
        filter(&mut qb);
        let total: i64 = qb.build().fetch_one(&self.pool).await?.try_get(0)?;
        Ok((items, total))
    }

    pub(crate) async fn get_duplicate(
        &self,
        pool: &str,
        id: &str,
    ) -> Result<Option<Duplicate>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {DUPLICATE_COLUMNS} FROM duplicates WHERE pool = "
        ));
        qb.push_bind(pool).push(" AND id = ").push_bind(id);
        match qb.build().fetch_optional(&self.pool).await? {
            Some(row) => Ok(Some(Self::duplicate_from_row(&row)?)),
            None => Ok(None),
        }
    }

    /// A pair of the pool by id, within `tx`: the row's keys and status.
    async fn pair_in(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool: &str,
        id: &str,
    ) -> Result<Option<PairRow>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT first_key, second_key, status, survivor_key, survivor_before, merged_before, repointed FROM duplicates WHERE pool = ",
        );
        qb.push_bind(pool).push(" AND id = ").push_bind(id);
        let Some(row) = qb.build().fetch_optional(&mut **tx).await? else {
            return Ok(None);
        };
        Ok(Some(PairRow {
            first: row.try_get("first_key")?,
            second: row.try_get("second_key")?,
            status: row.try_get("status")?,
            survivor: row.try_get("survivor_key")?,
            survivor_before: row.try_get("survivor_before")?,
            merged_before: row.try_get("merged_before")?,
            repointed: row.try_get("repointed")?,
        }))
    }

    async fn decide(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool: &str,
        id: &str,
        status: &str,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut qb = QueryBuilder::<Db>::new("UPDATE duplicates SET status = ");
        qb.push_bind(status)
            .push(", decided_at = ")
            .push_bind(now_ms())
            .push(", decided_by = ")
            .push_bind(actor)
            .push(" WHERE pool = ")
            .push_bind(pool)
            .push(" AND id = ")
            .push_bind(id);
        qb.build().execute(&mut **tx).await?;
        Ok(())
    }

    /// Marks an open pair "not a duplicate"; `None` when the pool has no
    /// such pair, `Refused` when it is not open.
    pub(crate) async fn dismiss_duplicate(
        &self,
        pool: &str,
        id: &str,
        actor: &str,
    ) -> Result<Option<Duplicate>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let Some(pair) = Self::pair_in(&mut tx, pool, id).await? else {
            return Ok(None);
        };
        if pair.status != "open" {
            return Err(StoreError::Refused("only an open pair is dismissed"));
        }
        Self::decide(&mut tx, pool, id, "dismissed", actor).await?;
        tx.commit().await?;
        self.get_duplicate(pool, id).await
    }

    /// Writes one profile row as a change (its identity keys from the
    /// profile, or `keys` when given).
    async fn write_one(
        tx: &mut sqlx::Transaction<'_, Db>,
        key: &str,
        owner: Option<&str>,
        talent: &Talent,
        keys: &IdentityKeys,
        source: &str,
    ) -> Result<(), StoreError> {
        let (doc, hash) = codec::encode(talent).map_err(|e| StoreError::Corrupt {
            id: key.to_owned(),
            reason: e.to_string(),
        })?;
        let seq = Self::allocate_seqs(tx, 1).await?;
        let now = now_ms();
        let mut qb = QueryBuilder::<Db>::new(format!("{PROFILE_INSERT}VALUES ("));
        let mut sep = qb.separated(", ");
        sep.push_bind(key)
            .push_bind(seq)
            .push_bind(hash)
            .push_bind(doc)
            .push_bind(now)
            .push_bind(now)
            .push_bind(source)
            .push_bind(crate::backend::current_org_id(talent))
            .push_bind(owner)
            .push_bind(owner.map(|_| talent.id.as_str()))
            .push_bind(keys.linkedin)
            .push_bind(keys.email)
            .push_bind(keys.phone)
            .push_bind(keys.name);
        qb.push(")").push(PROFILE_ON_CONFLICT);
        qb.build().execute(&mut **tx).await?;
        Ok(())
    }

    /// The stored identity keys of a profile.
    async fn stored_keys(
        tx: &mut sqlx::Transaction<'_, Db>,
        key: &str,
    ) -> Result<(IdentityKeys, i64, i64), StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT linkedin_key, email_key, phone_key, name_key, first_seen_at, last_changed_at FROM profiles WHERE id = ",
        );
        qb.push_bind(key);
        let row = qb.build().fetch_one(&mut **tx).await?;
        Ok((
            IdentityKeys {
                linkedin: row.try_get("linkedin_key")?,
                email: row.try_get("email_key")?,
                phone: row.try_get("phone_key")?,
                name: row.try_get("name_key")?,
            },
            row.try_get("first_seen_at")?,
            row.try_get("last_changed_at")?,
        ))
    }

    /// Points what names `from` (a workspace's candidates and list places;
    /// for the shared pool, every workspace's) at `to`; what already named
    /// `to` in the same sourcing or list keeps it, and `from`'s entry there
    /// is unlinked (a candidate) or removed (a list place).
    async fn repoint(
        tx: &mut sqlx::Transaction<'_, Db>,
        workspace: Option<&str>,
        from: &str,
        to: &str,
    ) -> Result<Repointed, StoreError> {
        let mut out = Repointed::default();
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT c.id, (SELECT COUNT(*) FROM candidates o WHERE o.sourcing_id = c.sourcing_id AND o.talent_id = ",
        );
        qb.push_bind(to).push(
            ") AS taken FROM candidates c JOIN sourcings s ON s.id = c.sourcing_id WHERE c.talent_id = ",
        );
        qb.push_bind(from);
        if let Some(w) = workspace {
            qb.push(" AND s.workspace_id = ").push_bind(w);
        }
        for row in qb.build().fetch_all(&mut **tx).await? {
            let id: String = row.try_get("id")?;
            let taken: i64 = row.try_get("taken")?;
            let mut qb = QueryBuilder::<Db>::new("UPDATE candidates SET talent_id = ");
            if taken > 0 {
                qb.push("NULL");
                out.unlinked_candidates.push(id.clone());
            } else {
                qb.push_bind(to);
                out.moved_candidates.push(id.clone());
            }
            qb.push(" WHERE id = ").push_bind(id);
            qb.build().execute(&mut **tx).await?;
        }
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT m.pool_id, m.position, (SELECT COUNT(*) FROM candidate_pool_members o WHERE o.pool_id = m.pool_id AND o.talent_id = ",
        );
        qb.push_bind(to).push(
            ") AS taken FROM candidate_pool_members m JOIN candidate_pools p ON p.id = m.pool_id WHERE m.talent_id = ",
        );
        qb.push_bind(from);
        if let Some(w) = workspace {
            qb.push(" AND p.workspace_id = ").push_bind(w);
        }
        for row in qb.build().fetch_all(&mut **tx).await? {
            let list: String = row.try_get("pool_id")?;
            let position: i64 = row.try_get("position")?;
            let taken: i64 = row.try_get("taken")?;
            if taken > 0 {
                let mut qb =
                    QueryBuilder::<Db>::new("DELETE FROM candidate_pool_members WHERE pool_id = ");
                qb.push_bind(list.clone())
                    .push(" AND talent_id = ")
                    .push_bind(from);
                qb.build().execute(&mut **tx).await?;
                out.removed_members.push((list, position));
            } else {
                let mut qb =
                    QueryBuilder::<Db>::new("UPDATE candidate_pool_members SET talent_id = ");
                qb.push_bind(to)
                    .push(" WHERE pool_id = ")
                    .push_bind(list.clone())
                    .push(" AND talent_id = ")
                    .push_bind(from);
                qb.build().execute(&mut **tx).await?;
                out.moved_members.push(list);
            }
        }
        Ok(out)
    }

    /// Merges the two profiles of an open pair: the one seen first keeps
    /// its id and takes the other's fields field by field (the more
    /// recently changed one's values win), the other is deleted, and what
    /// named it names the survivor. `None` when the pool has no such pair.
    pub(crate) async fn merge_duplicate(
        &self,
        pool: &str,
        id: &str,
        actor: &str,
    ) -> Result<Option<Duplicate>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let Some(pair) = Self::pair_in(&mut tx, pool, id).await? else {
            return Ok(None);
        };
        if pair.status != "open" {
            return Err(StoreError::Refused("only an open pair is merged"));
        }
        Self::merge_pair_in(&mut tx, pool, id, &pair.first, &pair.second, actor).await?;
        tx.commit().await?;
        self.get_duplicate(pool, id).await
    }

    async fn merge_pair_in(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool: &str,
        id: &str,
        first: &str,
        second: &str,
        actor: &str,
    ) -> Result<(), StoreError> {
        let docs = Self::documents(tx, &[first.to_owned(), second.to_owned()]).await?;
        let (Some((a, a_doc)), Some((b, b_doc))) = (docs.get(first), docs.get(second)) else {
            return Err(StoreError::Refused(
                "one of the two profiles is gone; the pair cannot be merged",
            ));
        };
        let (a_keys, a_seen, a_changed) = Self::stored_keys(tx, first).await?;
        let (b_keys, b_seen, b_changed) = Self::stored_keys(tx, second).await?;
        // the one seen first stays; the one changed last gives its values
        let a_stays = (a_seen, first) <= (b_seen, second);
        let (survivor, merged_key) = if a_stays {
            (first, second)
        } else {
            (second, first)
        };
        let (stays, goes) = if a_stays { (a, b) } else { (b, a) };
        let mut merged = if a_changed <= b_changed {
            merge(a, b)
        } else {
            merge(b, a)
        };
        merged.id = stays.id.clone();
        let (stay_keys, go_keys) = if a_stays {
            (&a_keys, &b_keys)
        } else {
            (&b_keys, &a_keys)
        };
        let keys = IdentityKeys {
            email: stay_keys.email.or(go_keys.email),
            phone: stay_keys.phone.or(go_keys.phone),
            ..crate::duplicates::identity_keys(&merged, &Default::default())
        };
        let owner = (!pool.is_empty()).then_some(pool);
        Self::write_one(tx, survivor, owner, &merged, &keys, "merge").await?;
        Self::delete_profiles_in(tx, &[merged_key.to_owned()]).await?;
        let mut repointed = Self::repoint(tx, owner, &goes.id, &stays.id).await?;
        repointed.contact_keys = [
            stay_keys.email,
            stay_keys.phone,
            go_keys.email,
            go_keys.phone,
        ];
        let (survivor_before, merged_before) = if a_stays {
            (a_doc, b_doc)
        } else {
            (b_doc, a_doc)
        };
        let mut qb =
            QueryBuilder::<Db>::new("UPDATE duplicates SET status = 'merged', decided_at = ");
        qb.push_bind(now_ms())
            .push(", decided_by = ")
            .push_bind(actor)
            .push(", survivor_key = ")
            .push_bind(survivor)
            .push(", survivor_before = ")
            .push_bind(survivor_before.as_slice())
            .push(", merged_before = ")
            .push_bind(merged_before.as_slice())
            .push(", repointed = ")
            .push_bind(serde_json::to_string(&repointed).unwrap_or_else(|_| "{}".into()))
            .push(" WHERE pool = ")
            .push_bind(pool)
            .push(" AND id = ")
            .push_bind(id);
        qb.build().execute(&mut **tx).await?;
        Ok(())
    }

    /// Undoes a merge: both profiles as they were before it, what was
    /// pointed at the survivor pointed back, and the pair remembered as
    /// "not a duplicate". `None` when the pool has no such pair.
    pub(crate) async fn undo_merge(
        &self,
        pool: &str,
        id: &str,
        actor: &str,
    ) -> Result<Option<Duplicate>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let Some(pair) = Self::pair_in(&mut tx, pool, id).await? else {
            return Ok(None);
        };
        let (Some(survivor), Some(survivor_before), Some(merged_before)) = (
            pair.survivor.clone(),
            pair.survivor_before,
            pair.merged_before,
        ) else {
            return Err(StoreError::Refused("only a merged pair is undone"));
        };
        if pair.status != "merged" {
            return Err(StoreError::Refused("only a merged pair is undone"));
        }
        let merged_key = if pair.first == survivor {
            pair.second.clone()
        } else {
            pair.first.clone()
        };
        let decode = |doc: &[u8], key: &str| -> Result<Talent, StoreError> {
            codec::decode(doc).map_err(|reason| StoreError::Corrupt {
                id: key.to_owned(),
                reason,
            })
        };
        let before = decode(&survivor_before, &survivor)?;
        let other = decode(&merged_before, &merged_key)?;
        let owner = (!pool.is_empty()).then_some(pool);
        let back: Repointed = pair
            .repointed
            .as_deref()
            .and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_default();
        let [s_email, s_phone, m_email, m_phone] = back.contact_keys;
        let survivor_keys = IdentityKeys {
            email: s_email,
            phone: s_phone,
            ..crate::duplicates::identity_keys(&before, &Default::default())
        };
        Self::write_one(&mut tx, &survivor, owner, &before, &survivor_keys, "undo").await?;
        // `write_one` keeps a stored e-mail or phone key it is given none
        // for: the survivor's must be what it was before, exactly
        let mut qb = QueryBuilder::<Db>::new("UPDATE profiles SET email_key = ");
        qb.push_bind(survivor_keys.email)
            .push(", phone_key = ")
            .push_bind(survivor_keys.phone)
            .push(" WHERE id = ")
            .push_bind(survivor.clone());
        qb.build().execute(&mut *tx).await?;
        Self::advance_identity_generation(&mut tx).await?;
        let other_keys = IdentityKeys {
            email: m_email,
            phone: m_phone,
            ..crate::duplicates::identity_keys(&other, &Default::default())
        };
        Self::write_one(&mut tx, &merged_key, owner, &other, &other_keys, "undo").await?;
        let survivor_id = talent_id_of(&survivor);
        let other_id = talent_id_of(&merged_key);
        for c in back
            .moved_candidates
            .iter()
            .chain(&back.unlinked_candidates)
        {
            let mut qb = QueryBuilder::<Db>::new("UPDATE candidates SET talent_id = ");
            qb.push_bind(other_id.clone())
                .push(" WHERE id = ")
                .push_bind(c.clone());
            qb.build().execute(&mut *tx).await?;
        }
        for list in &back.moved_members {
            let mut qb = QueryBuilder::<Db>::new("UPDATE candidate_pool_members SET talent_id = ");
            qb.push_bind(other_id.clone())
                .push(" WHERE pool_id = ")
                .push_bind(list.clone())
                .push(" AND talent_id = ")
                .push_bind(survivor_id.clone());
            qb.build().execute(&mut *tx).await?;
        }
        for (list, position) in &back.removed_members {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO candidate_pool_members (pool_id, talent_id, position, added_at) VALUES (",
            );
            let mut sep = qb.separated(", ");
            sep.push_bind(list.clone())
                .push_bind(other_id.clone())
                .push_bind(*position)
                .push_bind(now_ms());
            qb.push(") ON CONFLICT (pool_id, talent_id) DO NOTHING");
            qb.build().execute(&mut *tx).await?;
        }
        let mut qb = QueryBuilder::<Db>::new(
            "UPDATE duplicates SET status = 'dismissed', survivor_key = NULL, survivor_before = NULL, merged_before = NULL, repointed = NULL, decided_at = ",
        );
        qb.push_bind(now_ms())
            .push(", decided_by = ")
            .push_bind(actor)
            .push(" WHERE pool = ")
            .push_bind(pool)
            .push(" AND id = ")
            .push_bind(id);
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        self.get_duplicate(pool, id).await
    }

    pub(crate) async fn merged_into(
        &self,
        pool: &str,
        survivor_key: &str,
    ) -> Result<Vec<Duplicate>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {DUPLICATE_COLUMNS} FROM duplicates WHERE pool = "
        ));
        qb.push_bind(pool)
            .push(" AND status = 'merged' AND survivor_key = ")
            .push_bind(survivor_key)
            .push(" ORDER BY decided_at, id");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(Self::duplicate_from_row).collect()
    }

    async fn count_open(db: &sqlx::Pool<Db>, pool: &str) -> Result<i64, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT COUNT(*) FROM duplicates WHERE status = 'open' AND pool = ",
        );
        qb.push_bind(pool);
        Ok(qb.build().fetch_one(db).await?.try_get(0)?)
    }

    /// Looks at every profile of the pool: fills identity keys a profile
    /// stored before they existed lacks, queues every probable pair, and
    /// merges every certain one (two profiles with one LinkedIn address or
    /// e-mail), a page at a time.
    pub(crate) async fn scan_duplicates(
        &self,
        owner: Option<&str>,
        actor: &str,
    ) -> Result<ScanOutcome, StoreError> {
        const PAGE: i64 = 2_000;
        let pool = owner.unwrap_or("");
        let mut outcome = ScanOutcome::default();
        let open_before = Self::count_open(&self.pool, pool).await?;
        let mut after_key = String::new();
        loop {
            let (_turn, mut tx) = self.begin_write().await?;
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT id, doc, linkedin_key, email_key, phone_key, name_key FROM profiles WHERE id > ",
            );
            qb.push_bind(after_key.clone());
            push_pool(&mut qb, owner);
            qb.push(" ORDER BY id LIMIT ").push_bind(PAGE);
            let rows = qb.build().fetch_all(&mut *tx).await?;
            if rows.is_empty() {
                tx.commit().await?;
                break;
            }
            let mut page: Vec<(String, Talent, IdentityKeys)> = Vec::with_capacity(rows.len());
            let mut rekeyed = false;
            for row in &rows {
                let key: String = row.try_get("id")?;
                let doc: Vec<u8> = row.try_get("doc")?;
                let talent: Talent = codec::decode(&doc).map_err(|reason| StoreError::Corrupt {
                    id: key.clone(),
                    reason,
                })?;
                let stored = IdentityKeys {
                    linkedin: row.try_get("linkedin_key")?,
                    email: row.try_get("email_key")?,
                    phone: row.try_get("phone_key")?,
                    name: row.try_get("name_key")?,
                };
                let derived = crate::duplicates::identity_keys(&talent, &Default::default());
                let keys = IdentityKeys {
                    email: stored.email,
                    phone: stored.phone,
                    ..derived
                };
                if keys != stored {
                    let mut qb = QueryBuilder::<Db>::new("UPDATE profiles SET linkedin_key = ");
                    qb.push_bind(keys.linkedin)
                        .push(", name_key = ")
                        .push_bind(keys.name)
                        .push(" WHERE id = ")
                        .push_bind(key.clone());
                    qb.build().execute(&mut *tx).await?;
                    rekeyed = true;
                }
                page.push((key, talent, keys));
            }
            outcome.profiles += page.len() as u64;
            after_key = page.last().map(|(k, ..)| k.clone()).unwrap_or_default();
            let written: Vec<(&str, &Talent, &IdentityKeys)> =
                page.iter().map(|(k, t, i)| (k.as_str(), t, i)).collect();
            Self::queue_probable(&mut tx, pool, owner, &written, None).await?;
            if rekeyed {
                Self::advance_identity_generation(&mut tx).await?;
            }
            tx.commit().await?;
        }
        // certain pairs merge; each in its own transaction
        loop {
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT id, first_key, second_key FROM duplicates WHERE pool = ",
            );
            qb.push_bind(pool)
                .push(" AND status = 'open' AND reason IN ('linkedin', 'email') ORDER BY created_at, id LIMIT 100");
            let rows = qb.build().fetch_all(&self.pool).await?;
            if rows.is_empty() {
                break;
            }
            let mut progressed = false;
            for row in rows {
                let id: String = row.try_get("id")?;
                let (_turn, mut tx) = self.begin_write().await?;
                let Some(pair) = Self::pair_in(&mut tx, pool, &id).await? else {
                    continue;
                };
                if pair.status != "open" {
                    continue;
                }
                match Self::merge_pair_in(&mut tx, pool, &id, &pair.first, &pair.second, actor)
                    .await
                {
                    Ok(()) => {
                        tx.commit().await?;
                        outcome.merged += 1;
                        progressed = true;
                    }
                    // one of the two went (merged into a third this scan)
                    Err(StoreError::Refused(_)) => {
                        drop(tx);
                        let (_turn, mut tx) = self.begin_write().await?;
                        Self::decide(
                            &mut tx,
                            pool,
                            &id,
                            "dismissed",
                            "scan: one profile was gone",
                        )
                        .await?;
                        tx.commit().await?;
                        progressed = true;
                    }
                    Err(e) => return Err(e),
                }
            }
            if !progressed {
                break;
            }
        }
        // open now = open before + newly queued − merged by this scan
        let open_after = Self::count_open(&self.pool, pool).await?;
        outcome.queued = (open_after - open_before + outcome.merged as i64).max(0) as u64;
        Ok(outcome)
    }
}

/// A pair's row as merging and undoing read it.
struct PairRow {
    first: String,
    second: String,
    status: String,
    survivor: Option<String>,
    survivor_before: Option<Vec<u8>>,
    merged_before: Option<Vec<u8>>,
    repointed: Option<String>,
}

/// The talent id of a key as the pool's workspace knows it.
pub(crate) fn talent_id_of(key: &str) -> String {
    split_profile_key(key).0.to_owned()
}
