//! The statements of `data_rights.rs`, written once: this file is the body
//! of a module per back end (`sqlite.rs`, `postgres.rs`), whose `Db` is its
//! database and `Store` its store.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use sqlx::{QueryBuilder, Row};

use super::{Db, Store};
use crate::access::generate_id;
use crate::backend::now_ms;
use crate::data_rights::{
    suppression_digest, AuditEvent, AuditQuery, Erasure, ErasureCounts, Footprint, PersonRef,
    RetentionOutcome, MONTH_MS,
};
use crate::error::StoreError;
use crate::pipeline_sql::key;

/// `column IN (values…)`; `FALSE` for no values.
fn push_in<'a>(qb: &mut QueryBuilder<'a, Db>, column: &str, values: &'a [String]) {
    if values.is_empty() {
        qb.push("1 = 0");
        return;
    }
    qb.push(column).push(" IN (");
    let mut sep = qb.separated(", ");
    for v in values {
        sep.push_bind(v.as_str());
    }
    qb.push(")");
}

/// The ids of a JSON array of ids, less `drop`; `None` when none was dropped.
fn without(raw: &str, drop: &HashSet<&str>) -> Option<Vec<String>> {
    let ids: Vec<String> = serde_json::from_str(raw).ok()?;
    let kept: Vec<String> = ids
        .iter()
        .filter(|id| !drop.contains(id.as_str()))
        .cloned()
        .collect();
    (kept.len() < ids.len()).then_some(kept)
}

fn json_ids(id: &str, ids: &[String]) -> Result<String, StoreError> {
    serde_json::to_string(ids).map_err(|e| StoreError::Corrupt {
        id: id.to_owned(),
        reason: e.to_string(),
    })
}

impl Store {
    pub(crate) async fn person_footprint(
        &self,
        person: &PersonRef,
    ) -> Result<Footprint, StoreError> {
        let mut tx = self.pool.begin().await?;
        let footprint = Self::footprint_in(&mut tx, person).await?;
        tx.commit().await?;
        Ok(footprint)
    }

    /// Follows the person's identifiers through candidates and leads until
    /// nothing new turns up, then collects what names their talent ids.
    async fn footprint_in(
        tx: &mut sqlx::Transaction<'_, Db>,
        person: &PersonRef,
    ) -> Result<Footprint, StoreError> {
        let mut talents = BTreeSet::new();
        let mut emails = BTreeSet::new();
        match person {
            PersonRef::Email(e) => emails.insert(e.clone()),
            PersonRef::Talent(t) => talents.insert(t.clone()),
        };
        let mut candidates: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut leads: BTreeMap<String, String> = BTreeMap::new();
        loop {
            let before = (talents.len(), emails.len(), candidates.len(), leads.len());
            let talent_list: Vec<String> = talents.iter().cloned().collect();
            let email_list: Vec<String> = emails.iter().cloned().collect();
            let email_keys: Vec<String> = email_list
                .iter()
                .filter_map(|e| key(Some(e.as_str())))
                .collect();
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT c.id, c.sourcing_id, s.workspace_id, c.talent_id, c.email \
                 FROM candidates c JOIN sourcings s ON s.id = c.sourcing_id WHERE ",
            );
            push_in(&mut qb, "c.talent_id", &talent_list);
            qb.push(" OR ");
            push_in(&mut qb, "c.email_key", &email_keys);
            for r in qb.build().fetch_all(&mut **tx).await? {
                let email: Option<String> = r.try_get("email")?;
                let talent: Option<String> = r.try_get("talent_id")?;
                let by_talent = talent.as_ref().is_some_and(|t| talents.contains(t));
                let email = email.map(|e| e.trim().to_lowercase());
                // the folded key may join addresses that differ in punctuation
                let by_email = email.as_ref().is_some_and(|e| emails.contains(e));
                if !(by_talent || by_email) {
                    continue;
                }
                candidates.insert(
                    r.try_get("id")?,
                    (r.try_get("workspace_id")?, r.try_get("sourcing_id")?),
                );
                talents.extend(talent);
                emails.extend(email.filter(|e| !e.is_empty()));
            }
            let candidate_list: Vec<String> = candidates.keys().cloned().collect();
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT id, workspace_id, email, contact_email, candidate_id FROM leads WHERE ",
            );
            push_in(&mut qb, "LOWER(email)", &email_list);
            qb.push(" OR ");
            push_in(&mut qb, "LOWER(contact_email)", &email_list);
            qb.push(" OR ");
            push_in(&mut qb, "candidate_id", &candidate_list);
            let mut linked_candidates = Vec::new();
            for r in qb.build().fetch_all(&mut **tx).await? {
                leads.insert(r.try_get("id")?, r.try_get("workspace_id")?);
                for column in ["email", "contact_email"] {
                    if let Some(e) = r.try_get::<Option<String>, _>(column)? {
                        let e = e.trim().to_lowercase();
                        if !e.is_empty() {
                            emails.insert(e);
                        }
                    }
                }
                if let Some(c) = r.try_get::<Option<String>, _>("candidate_id")? {
                    if !candidates.contains_key(&c) {
                        linked_candidates.push(c);
                    }
                }
            }
            if !linked_candidates.is_empty() {
                let mut qb = QueryBuilder::<Db>::new(
                    "SELECT c.id, c.sourcing_id, s.workspace_id, c.talent_id, c.email \
                     FROM candidates c JOIN sourcings s ON s.id = c.sourcing_id WHERE ",
                );
                push_in(&mut qb, "c.id", &linked_candidates);
                for r in qb.build().fetch_all(&mut **tx).await? {
                    candidates.insert(
                        r.try_get("id")?,
                        (r.try_get("workspace_id")?, r.try_get("sourcing_id")?),
                    );
                    talents.extend(r.try_get::<Option<String>, _>("talent_id")?);
                    if let Some(e) = r.try_get::<Option<String>, _>("email")? {
                        emails.insert(e.trim().to_lowercase());
                    }
                }
            }
            emails.remove("");
            if before == (talents.len(), emails.len(), candidates.len(), leads.len()) {
                break;
            }
        }
        let talent_ids: Vec<String> = talents.into_iter().collect();
        let mut footprint = Footprint {
            emails: emails.into_iter().collect(),
            candidates: candidates
                .into_iter()
                .map(|(id, (w, s))| (w, s, id))
                .collect(),
            leads: leads.into_iter().map(|(id, w)| (w, id)).collect(),
            ..Default::default()
        };
        // the shared pool's profiles of these ids and every workspace's own
        let mut qb = QueryBuilder::<Db>::new("SELECT id, doc FROM profiles WHERE ");
        push_in(&mut qb, "id", &talent_ids);
        qb.push(" OR ");
        push_in(&mut qb, "owned_id", &talent_ids);
        for r in qb.build().fetch_all(&mut **tx).await? {
            let id: String = r.try_get("id")?;
            let doc: Vec<u8> = r.try_get("doc")?;
            let talent: scout_model::Talent =
                crate::codec::decode(&doc).map_err(|reason| StoreError::Corrupt {
                    id: id.clone(),
                    reason,
                })?;
            footprint
                .linkedin_urls
                .extend(talent.linkedin_url.filter(|u| !u.is_empty()));
            footprint.stored_profiles.push(id);
        }
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT p.workspace_id, m.pool_id, m.talent_id FROM candidate_pool_members m \
             JOIN candidate_pools p ON p.id = m.pool_id WHERE ",
        );
        push_in(&mut qb, "m.talent_id", &talent_ids);
        for r in qb.build().fetch_all(&mut **tx).await? {
            footprint.list_memberships.push((
                r.try_get("workspace_id")?,
                r.try_get("pool_id")?,
                r.try_get("talent_id")?,
            ));
        }
        let named: HashSet<&str> = talent_ids.iter().map(String::as_str).collect();
        for id in &talent_ids {
            let pattern = format!("%\"{id}\"%");
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT id, workspace_id, result_ids FROM candidate_searches WHERE result_ids LIKE ",
            );
            qb.push_bind(pattern.clone());
            for r in qb.build().fetch_all(&mut **tx).await? {
                let raw: String = r.try_get("result_ids")?;
                let entry = (r.try_get("workspace_id")?, r.try_get("id")?);
                if without(&raw, &named).is_some() && !footprint.saved_searches.contains(&entry) {
                    footprint.saved_searches.push(entry);
                }
            }
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT id, talent_ids FROM search_transactions WHERE talent_ids LIKE ",
            );
            qb.push_bind(pattern);
            for r in qb.build().fetch_all(&mut **tx).await? {
                let raw: String = r.try_get("talent_ids")?;
                let id: String = r.try_get("id")?;
                if without(&raw, &named).is_some() && !footprint.search_transactions.contains(&id) {
                    footprint.search_transactions.push(id);
                }
            }
        }
        footprint.talent_ids = talent_ids;
        Ok(footprint)
    }

    pub(crate) async fn erase_person(
        &self,
        person: &PersonRef,
        actor: &str,
        audit: Option<&AuditEvent>,
    ) -> Result<Erasure, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        Self::overwrite_deleted(&mut tx, true).await?;
        let f = Self::footprint_in(&mut tx, person).await?;
        let mut counts = ErasureCounts::default();
        let candidate_ids: Vec<String> = f.candidates.iter().map(|c| c.2.clone()).collect();
        if !candidate_ids.is_empty() {
            let mut qb = QueryBuilder::<Db>::new("SELECT COUNT(*) FROM candidate_events WHERE ");
            push_in(&mut qb, "candidate_id", &candidate_ids);
            counts.candidate_events =
                qb.build().fetch_one(&mut *tx).await?.try_get::<i64, _>(0)? as u64;
            for table in ["candidate_terms", "candidate_events"] {
                let mut qb = QueryBuilder::<Db>::new(format!("DELETE FROM {table} WHERE "));
                push_in(&mut qb, "candidate_id", &candidate_ids);
                qb.build().execute(&mut *tx).await?;
            }
            let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidates WHERE ");
            push_in(&mut qb, "id", &candidate_ids);
            counts.candidates = qb.build().execute(&mut *tx).await?.rows_affected();
        }
        let lead_ids: Vec<String> = f.leads.iter().map(|l| l.1.clone()).collect();
        if !lead_ids.is_empty() {
            let files_before = Self::count_rows(&mut tx, "lead_files").await?;
            counts.leads = self
                .delete_leads_where(&mut tx, |qb| {
                    qb.push("id IN (");
                    let mut sep = qb.separated(", ");
                    for id in &lead_ids {
                        sep.push_bind(id.clone());
                    }
                    qb.push(")");
                })
                .await?;
            counts.cv_files = files_before - Self::count_rows(&mut tx, "lead_files").await?;
            let mut qb = QueryBuilder::<Db>::new("UPDATE leads SET duplicate_of = NULL WHERE ");
            push_in(&mut qb, "duplicate_of", &lead_ids);
            qb.build().execute(&mut *tx).await?;
        }
        if !f.list_memberships.is_empty() {
            let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidate_pool_members WHERE ");
            push_in(&mut qb, "talent_id", &f.talent_ids);
            counts.list_memberships = qb.build().execute(&mut *tx).await?.rows_affected();
        }
        let named: HashSet<&str> = f.talent_ids.iter().map(String::as_str).collect();
        for (_, id) in &f.saved_searches {
            let mut qb =
                QueryBuilder::<Db>::new("SELECT result_ids FROM candidate_searches WHERE id = ");
            qb.push_bind(id.as_str());
            let raw: String = qb.build().fetch_one(&mut *tx).await?.try_get(0)?;
            if let Some(kept) = without(&raw, &named) {
                let mut qb = QueryBuilder::<Db>::new("UPDATE candidate_searches SET result_ids = ");
                qb.push_bind(json_ids(id, &kept)?)
                    .push(" WHERE id = ")
                    .push_bind(id.as_str());
                qb.build().execute(&mut *tx).await?;
                counts.saved_searches += 1;
            }
        }
        for id in &f.search_transactions {
            let mut qb =
                QueryBuilder::<Db>::new("SELECT talent_ids FROM search_transactions WHERE id = ");
            qb.push_bind(id.as_str());
            let raw: String = qb.build().fetch_one(&mut *tx).await?.try_get(0)?;
            if let Some(kept) = without(&raw, &named) {
                let mut qb =
                    QueryBuilder::<Db>::new("UPDATE search_transactions SET talent_ids = ");
                qb.push_bind(json_ids(id, &kept)?)
                    .push(" WHERE id = ")
                    .push_bind(id.as_str());
                qb.build().execute(&mut *tx).await?;
                counts.search_transactions += 1;
            }
        }
        counts.profiles = Self::delete_profiles_in(&mut tx, &f.stored_profiles).await?;
        // the duplicates queue keeps copies of merged profiles (to undo a
        // merge): the person's go with them
        if !f.stored_profiles.is_empty() {
            let mut qb = QueryBuilder::<Db>::new("DELETE FROM duplicates WHERE ");
            push_in(&mut qb, "first_key", &f.stored_profiles);
            qb.push(" OR ");
            push_in(&mut qb, "second_key", &f.stored_profiles);
            qb.push(" OR ");
            push_in(&mut qb, "survivor_key", &f.stored_profiles);
            qb.build().execute(&mut *tx).await?;
        }

        let erasure_id = generate_id("era")?;
        let at = now_ms();
        let mut digests: Vec<Vec<u8>> = Vec::new();
        digests.extend(f.talent_ids.iter().map(|t| suppression_digest("talent", t)));
        digests.extend(f.emails.iter().map(|e| suppression_digest("email", e)));
        digests.extend(
            f.linkedin_urls
                .iter()
                .map(|u| suppression_digest("linkedin", u)),
        );
        digests.sort();
        digests.dedup();
        for digest in &digests {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO suppressions (digest, erasure_id, at) VALUES (",
            );
            qb.push_bind(digest.clone())
                .push(", ")
                .push_bind(erasure_id.as_str())
                .push(", ")
                .push_bind(at)
                .push(") ON CONFLICT (digest) DO NOTHING");
            counts.suppressed_identifiers += qb.build().execute(&mut *tx).await?.rows_affected();
        }
        let counts_text = serde_json::to_string(&counts).map_err(|e| StoreError::Corrupt {
            id: erasure_id.clone(),
            reason: e.to_string(),
        })?;
        let mut qb =
            QueryBuilder::<Db>::new("INSERT INTO erasures (id, at, actor, counts) VALUES (");
        qb.push_bind(erasure_id.as_str())
            .push(", ")
            .push_bind(at)
            .push(", ")
            .push_bind(actor)
            .push(", ")
            .push_bind(counts_text)
            .push(")");
        qb.build().execute(&mut *tx).await?;
        if let Some(event) = audit {
            let mut event = event.clone();
            event.subject = erasure_id.clone();
            event.at = at;
            Self::insert_audit(&mut tx, std::slice::from_ref(&event)).await?;
        }
        Self::overwrite_deleted(&mut tx, false).await?;
        tx.commit().await?;
        self.after_erasure().await;
        Ok(Erasure {
            id: erasure_id,
            at,
            actor: actor.to_owned(),
            counts,
            talent_ids: f.talent_ids,
        })
    }

    async fn count_rows(
        tx: &mut sqlx::Transaction<'_, Db>,
        table: &str,
    ) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut **tx)
            .await?
            .try_get(0)?;
        Ok(n.max(0) as u64)
    }

    pub(crate) async fn erasures(&self, limit: i64) -> Result<Vec<Erasure>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT id, at, actor, counts FROM erasures ORDER BY at DESC, id LIMIT ",
        );
        qb.push_bind(limit.clamp(1, 10_000));
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let counts: String = r.try_get("counts")?;
                Ok(Erasure {
                    counts: serde_json::from_str(&counts).map_err(|e| StoreError::Corrupt {
                        id: id.clone(),
                        reason: e.to_string(),
                    })?,
                    at: r.try_get("at")?,
                    actor: r.try_get("actor")?,
                    talent_ids: Vec::new(),
                    id,
                })
            })
            .collect()
    }

    /// How many erasures were made.
    pub(crate) async fn erasure_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) FROM erasures")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>(0)?)
    }

    /// How many identifiers the suppression list holds.
    pub(crate) async fn suppression_count(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) FROM suppressions")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>(0)?)
    }

    /// Every digest on the suppression list.
    pub(crate) async fn all_suppressions(&self) -> Result<HashSet<Vec<u8>>, StoreError> {
        let rows = sqlx::query("SELECT digest FROM suppressions")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| r.try_get::<Vec<u8>, _>(0).map_err(StoreError::from))
            .collect()
    }

    async fn insert_audit(
        tx: &mut sqlx::Transaction<'_, Db>,
        events: &[AuditEvent],
    ) -> Result<(), StoreError> {
        for chunk in events.chunks(500) {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO audit_events (at, workspace_id, actor, action, subject, detail, client, request_id) ",
            );
            qb.push_values(chunk, |mut b, e| {
                b.push_bind(e.at)
                    .push_bind(e.workspace_id.clone())
                    .push_bind(e.actor.clone())
                    .push_bind(e.action.clone())
                    .push_bind(e.subject.clone())
                    .push_bind(e.detail.clone())
                    .push_bind(e.client.clone())
                    .push_bind(e.request_id.clone());
            });
            qb.build().execute(&mut **tx).await?;
        }
        Ok(())
    }

    pub(crate) async fn record_audit(&self, events: &[AuditEvent]) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        Self::insert_audit(&mut tx, events).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn audit_events(
        &self,
        query: &AuditQuery,
    ) -> Result<Vec<AuditEvent>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT id, at, workspace_id, actor, action, subject, detail, client, request_id \
             FROM audit_events WHERE id > ",
        );
        qb.push_bind(query.after);
        if let Some(w) = &query.workspace_id {
            qb.push(" AND workspace_id = ").push_bind(w.as_str());
        }
        if let Some(s) = &query.subject {
            qb.push(" AND subject = ").push_bind(s.as_str());
        }
        if let Some(a) = &query.action {
            qb.push(" AND action = ").push_bind(a.as_str());
        }
        if let Some(a) = &query.actor {
            qb.push(" AND actor = ").push_bind(a.as_str());
        }
        qb.push(" ORDER BY id LIMIT ")
            .push_bind(query.limit.clamp(1, 1_000));
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEvent {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    workspace_id: r.try_get("workspace_id")?,
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    subject: r.try_get("subject")?,
                    detail: r.try_get("detail")?,
                    client: r.try_get("client")?,
                    request_id: r.try_get("request_id")?,
                })
            })
            .collect()
    }

    pub(crate) async fn set_retention(
        &self,
        workspace_id: &str,
        months: Option<i64>,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("UPDATE workspaces SET retention_months = ");
        qb.push_bind(months)
            .push(" WHERE id = ")
            .push_bind(workspace_id);
        let changed = qb.build().execute(&mut *tx).await?.rows_affected() > 0;
        tx.commit().await?;
        Ok(changed)
    }

    pub(crate) async fn apply_retention(
        &self,
        now: i64,
        dry_run: bool,
    ) -> Result<Vec<RetentionOutcome>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT id, name, retention_months FROM workspaces \
             WHERE retention_months IS NOT NULL ORDER BY name",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut out = Vec::new();
        if !dry_run {
            Self::overwrite_deleted(&mut tx, true).await?;
        }
        for r in &rows {
            let workspace_id: String = r.try_get("id")?;
            let months: i64 = r.try_get("retention_months")?;
            let cutoff = now.saturating_sub(months.saturating_mul(MONTH_MS));
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT c.id FROM candidates c JOIN sourcings s ON s.id = c.sourcing_id \
                 WHERE s.workspace_id = ",
            );
            qb.push_bind(workspace_id.as_str())
                .push(" AND c.last_activity_at < ")
                .push_bind(cutoff);
            let candidates: Vec<String> = qb
                .build()
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
            let mut qb =
                QueryBuilder::<Db>::new("SELECT COUNT(*) FROM leads WHERE workspace_id = ");
            qb.push_bind(workspace_id.as_str())
                .push(" AND updated_at < ")
                .push_bind(cutoff);
            let mut leads = qb.build().fetch_one(&mut *tx).await?.try_get::<i64, _>(0)? as u64;
            if !dry_run {
                for chunk in candidates.chunks(500) {
                    for table in ["candidate_terms", "candidate_events"] {
                        let mut qb = QueryBuilder::<Db>::new(format!("DELETE FROM {table} WHERE "));
                        push_in(&mut qb, "candidate_id", chunk);
                        qb.build().execute(&mut *tx).await?;
                    }
                    let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidates WHERE ");
                    push_in(&mut qb, "id", chunk);
                    qb.build().execute(&mut *tx).await?;
                }
                let ws = workspace_id.clone();
                leads = self
                    .delete_leads_where(&mut tx, |qb| {
                        qb.push("workspace_id = ")
                            .push_bind(ws.clone())
                            .push(" AND updated_at < ")
                            .push_bind(cutoff);
                    })
                    .await?;
                if leads > 0 || !candidates.is_empty() {
                    let event = AuditEvent {
                        id: 0,
                        at: now,
                        workspace_id: Some(workspace_id.clone()),
                        actor: "retention".into(),
                        action: "retention".into(),
                        subject: workspace_id.clone(),
                        detail: Some(format!(
                            "removed {} candidate(s) and {leads} lead(s) untouched for {months} month(s)",
                            candidates.len()
                        )),
                        client: None,
                        request_id: None,
                    };
                    Self::insert_audit(&mut tx, std::slice::from_ref(&event)).await?;
                }
            }
            out.push(RetentionOutcome {
                workspace: r.try_get("name")?,
                workspace_id,
                months,
                cutoff,
                candidates: candidates.len() as u64,
                leads,
            });
        }
        if dry_run {
            tx.rollback().await?;
        } else {
            Self::overwrite_deleted(&mut tx, false).await?;
            tx.commit().await?;
            if out.iter().any(|o| o.candidates + o.leads > 0) {
                self.after_erasure().await;
            }
        }
        Ok(out)
    }
}
