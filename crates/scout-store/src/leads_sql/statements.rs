//! The statements of `leads_sql.rs`, written once: this file is the body of a
//! module per back end (`sqlite.rs`, `postgres.rs`), whose `Db` is its
//! database and `Store` its store.

use crate::access::generate_id;
use crate::backend::now_ms;
use crate::error::StoreError;
use crate::leads::{Lead, LeadEvent, LeadOutcome, LeadQuery, LeadRole, NewLead};
use scout_taxonomy::fold;
use serde_json::{json, Value};
use sqlx::{QueryBuilder, Row};
use std::collections::HashMap;

use super::{Db, Store};
use crate::leads_sql::*;

impl Store {
    fn lead_from_row(r: &<Db as sqlx::Database>::Row) -> Result<Lead, StoreError> {
        let id: String = r.try_get("id")?;
        let skills: String = r.try_get("skills")?;
        let parsed: String = r.try_get("parsed")?;
        Ok(Lead {
            skills: serde_json::from_str(&skills).map_err(|e| corrupt(&id, e))?,
            parsed: serde_json::from_str(&parsed).map_err(|e| corrupt(&id, e))?,
            workspace_id: r.try_get("workspace_id")?,
            file_hash: r.try_get("file_hash")?,
            file_name: r.try_get("file_name")?,
            status: r.try_get("status")?,
            failure_code: r.try_get("failure_code")?,
            failure_reason: r.try_get("failure_reason")?,
            full_name: r.try_get("full_name")?,
            email: r.try_get("email")?,
            contact_email: r.try_get("contact_email")?,
            phone: r.try_get("phone")?,
            summary: r.try_get("summary")?,
            duplicate_of: r.try_get("duplicate_of")?,
            candidate_id: r.try_get("candidate_id")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            roles: Vec::new(),
            id,
        })
    }

    async fn add_event<'c>(
        tx: &mut sqlx::Transaction<'c, Db>,
        lead_id: &str,
        kind: &str,
        detail: &Value,
    ) -> Result<(), StoreError> {
        let mut qb =
            QueryBuilder::<Db>::new("INSERT INTO lead_events (lead_id, at, kind, detail) ");
        let detail = detail.to_string();
        qb.push_values([()], |mut b, _| {
            b.push_bind(lead_id)
                .push_bind(now_ms())
                .push_bind(kind)
                .push_bind(&detail);
        });
        qb.build().execute(&mut **tx).await?;
        Ok(())
    }

    async fn upsert_role<'c>(
        tx: &mut sqlx::Transaction<'c, Db>,
        lead_id: &str,
        role_id: &str,
        resume_fit: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut qb = QueryBuilder::<Db>::new("INSERT INTO lead_roles (lead_id, role_id, status, resume_fit_score, overall_fit_score, created_at, updated_at) ");
        qb.push_values([()], |mut b, _| {
            b.push_bind(lead_id)
                .push_bind(role_id)
                .push_bind("Assigned")
                .push_bind(resume_fit)
                .push_bind(-1i64)
                .push_bind(now)
                .push_bind(now);
        });
        qb.push(" ON CONFLICT (lead_id, role_id) DO UPDATE SET resume_fit_score = excluded.resume_fit_score, updated_at = excluded.updated_at");
        qb.build().execute(&mut **tx).await?;
        Self::add_event(
            tx,
            lead_id,
            "role",
            &json!({"roleId": role_id, "resumeFitScore": resume_fit}),
        )
        .await
    }

    /// Takes in a CV for a workspace: the same content again in the
    /// same workspace is the same lead (linked to the role if given).
    pub(crate) async fn intake_lead(&self, new: &NewLead) -> Result<(String, bool), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new(
            "INSERT INTO lead_files (hash, kind, size, content, created_at) ",
        );
        qb.push_values([()], |mut b, _| {
            b.push_bind(&new.file_hash)
                .push_bind(&new.file_kind)
                .push_bind(new.content.len() as i64)
                .push_bind(&new.content)
                .push_bind(now_ms());
        });
        qb.push(" ON CONFLICT (hash) DO NOTHING");
        qb.build().execute(&mut *tx).await?;
        let mut qb = QueryBuilder::<Db>::new("SELECT id, status FROM leads WHERE workspace_id = ");
        qb.push_bind(&new.workspace_id)
            .push(" AND file_hash = ")
            .push_bind(&new.file_hash);
        if let Some(row) = qb.build().fetch_optional(&mut *tx).await? {
            let id: String = row.try_get("id")?;
            let status: String = row.try_get("status")?;
            if let (Some((role, fit)), true) = (&new.role, status != "failed") {
                Self::upsert_role(&mut tx, &id, role, *fit).await?;
            }
            tx.commit().await?;
            return Ok((id, false));
        }
        let id = generate_id("pc")?;
        let now = now_ms();
        let (status, code, reason, name, email, phone, summary, skills, parsed) = match &new.outcome
        {
            LeadOutcome::Parsed {
                full_name,
                email,
                phone,
                summary,
                skills,
                parsed,
            } => (
                "parsed",
                None,
                None,
                full_name.clone(),
                email.clone(),
                phone.clone(),
                summary.clone(),
                skills.clone(),
                parsed.clone(),
            ),
            LeadOutcome::Failed { code, reason } => (
                "failed",
                Some(code.clone()),
                Some(reason.clone()),
                None,
                None,
                None,
                None,
                Vec::new(),
                json!({}),
            ),
        };
        let name_key = name.as_deref().map(fold).filter(|k| !k.is_empty());
        let email_key = email.as_deref().map(str::to_lowercase);
        // the same person from another CV: same email, or same name and phone
        let mut duplicate_of: Option<String> = None;
        if email_key.is_some() || name_key.is_some() {
            let mut qb = QueryBuilder::<Db>::new("SELECT id FROM leads WHERE workspace_id = ");
            qb.push_bind(&new.workspace_id).push(" AND (");
            match (&email_key, &name_key, &phone) {
                (Some(e), Some(n), Some(p)) => {
                    qb.push("email = ")
                        .push_bind(e)
                        .push(" OR (name_key = ")
                        .push_bind(n)
                        .push(" AND phone = ")
                        .push_bind(p)
                        .push(")");
                }
                (Some(e), _, _) => {
                    qb.push("email = ").push_bind(e);
                }
                (None, Some(n), Some(p)) => {
                    qb.push("name_key = ")
                        .push_bind(n)
                        .push(" AND phone = ")
                        .push_bind(p);
                }
                _ => {
                    qb.push("1 = 0");
                }
            }
            qb.push(") ORDER BY created_at, id LIMIT 1");
            duplicate_of = qb
                .build()
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| r.try_get("id"))
                .transpose()?;
        }
        let skills_text = serde_json::to_string(&skills).map_err(|e| corrupt(&id, e))?;
        let parsed_text = parsed.to_string();
        let mut qb = QueryBuilder::<Db>::new("INSERT INTO leads (id, workspace_id, file_hash, file_name, status, failure_code, failure_reason, \
            full_name, email, contact_email, phone, summary, skills, parsed, name_key, duplicate_of, candidate_id, created_at, updated_at) ");
        qb.push_values([()], |mut b, _| {
            b.push_bind(&id)
                .push_bind(&new.workspace_id)
                .push_bind(&new.file_hash)
                .push_bind(&new.file_name)
                .push_bind(status)
                .push_bind(&code)
                .push_bind(&reason)
                .push_bind(&name)
                .push_bind(&email_key)
                .push_bind(None::<String>)
                .push_bind(&phone)
                .push_bind(&summary)
                .push_bind(&skills_text)
                .push_bind(&parsed_text)
                .push_bind(&name_key)
                .push_bind(&duplicate_of)
                .push_bind(None::<String>)
                .push_bind(now)
                .push_bind(now);
        });
        qb.build().execute(&mut *tx).await?;
        Self::add_event(&mut tx, &id, "uploaded", &json!({"fileName": new.file_name, "by": new.actor, "organizationId": new.workspace_id})).await?;
        let detail = match (&code, &reason) {
            (Some(c), Some(r)) => json!({"code": c, "reason": r}),
            _ => json!({"duplicateOf": duplicate_of}),
        };
        Self::add_event(&mut tx, &id, status, &detail).await?;
        if let (Some((role, fit)), "parsed") = (&new.role, status) {
            Self::upsert_role(&mut tx, &id, role, *fit).await?;
        }
        tx.commit().await?;
        Ok((id, true))
    }

    /// Fills in each lead's roles.
    async fn attach_roles(&self, leads: &mut [Lead]) -> Result<(), StoreError> {
        if leads.is_empty() {
            return Ok(());
        }
        let mut qb = QueryBuilder::<Db>::new("SELECT lead_id, role_id, status, resume_fit_score, overall_fit_score, screening, candidate_id FROM lead_roles WHERE lead_id IN (");
        let mut sep = qb.separated(", ");
        for l in leads.iter() {
            sep.push_bind(l.id.as_str());
        }
        qb.push(") ORDER BY created_at, role_id");
        let mut roles: HashMap<String, Vec<LeadRole>> = HashMap::new();
        for r in qb.build().fetch_all(&self.pool).await? {
            let lead: String = r.try_get("lead_id")?;
            let screening: Option<String> = r.try_get("screening")?;
            let screening = screening
                .map(|s| serde_json::from_str(&s))
                .transpose()
                .map_err(|e| corrupt(&lead, e))?;
            roles.entry(lead).or_default().push(LeadRole {
                role_id: r.try_get("role_id")?,
                status: r.try_get("status")?,
                resume_fit_score: r.try_get("resume_fit_score")?,
                overall_fit_score: r.try_get("overall_fit_score")?,
                screening,
                candidate_id: r.try_get("candidate_id")?,
            });
        }
        for l in leads.iter_mut() {
            l.roles = roles.remove(&l.id).unwrap_or_default();
        }
        Ok(())
    }

    fn push_lead_filters(qb: &mut QueryBuilder<'_, Db>, q: &LeadQuery) {
        qb.push(" WHERE 1 = 1");
        if let Some(ws) = &q.visible_to {
            qb.push(" AND l.workspace_id = ").push_bind(ws.clone());
        }
        if let Some(role) = &q.role_id {
            qb.push(
                " AND EXISTS (SELECT 1 FROM lead_roles r WHERE r.lead_id = l.id AND r.role_id = ",
            )
            .push_bind(role.clone())
            .push(")");
        }
        if let Some(status) = &q.status {
            qb.push(" AND l.status = ").push_bind(status.clone());
        }
    }

    pub(crate) async fn list_leads(&self, q: &LeadQuery) -> Result<(Vec<Lead>, i64), StoreError> {
        let mut qb = QueryBuilder::<Db>::new("SELECT COUNT(*) AS n FROM leads l");
        Self::push_lead_filters(&mut qb, q);
        let total: i64 = qb.build().fetch_one(&self.pool).await?.try_get("n")?;
        let mut qb = QueryBuilder::<Db>::new(format!("SELECT {LEAD_COLUMNS} FROM leads l"));
        Self::push_lead_filters(&mut qb, q);
        qb.push(" ORDER BY l.created_at DESC, l.id DESC LIMIT ")
            .push_bind(q.limit)
            .push(" OFFSET ")
            .push_bind(q.offset);
        let rows = qb.build().fetch_all(&self.pool).await?;
        let mut leads = rows
            .iter()
            .map(Self::lead_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        self.attach_roles(&mut leads).await?;
        Ok((leads, total))
    }

    pub(crate) async fn get_lead(
        &self,
        visible_to: Option<&str>,
        id: &str,
    ) -> Result<Option<Lead>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!("SELECT {LEAD_COLUMNS} FROM leads l"));
        Self::push_lead_filters(
            &mut qb,
            &LeadQuery {
                visible_to: visible_to.map(str::to_owned),
                ..LeadQuery::default()
            },
        );
        qb.push(" AND l.id = ").push_bind(id);
        let Some(row) = qb.build().fetch_optional(&self.pool).await? else {
            return Ok(None);
        };
        let mut leads = vec![Self::lead_from_row(&row)?];
        self.attach_roles(&mut leads).await?;
        Ok(leads.pop())
    }

    pub(crate) async fn lead_file(
        &self,
        hash: &str,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new("SELECT kind, content FROM lead_files WHERE hash = ");
        qb.push_bind(hash);
        let row = qb.build().fetch_optional(&self.pool).await?;
        row.map(|r| Ok((r.try_get("kind")?, r.try_get("content")?)))
            .transpose()
    }

    pub(crate) async fn link_lead_role(
        &self,
        lead_id: &str,
        role_id: &str,
        resume_fit: i64,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        Self::upsert_role(&mut tx, lead_id, role_id, resume_fit).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn record_screening(
        &self,
        lead_id: &str,
        role_id: &str,
        overall: i64,
        screening: &Value,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new(
            "UPDATE lead_roles SET status = 'Screened', overall_fit_score = ",
        );
        let text = screening.to_string();
        qb.push_bind(overall)
            .push(", screening = ")
            .push_bind(&text)
            .push(", updated_at = ")
            .push_bind(now_ms())
            .push(" WHERE lead_id = ")
            .push_bind(lead_id)
            .push(" AND role_id = ")
            .push_bind(role_id);
        let found = qb.build().execute(&mut *tx).await?.rows_affected() > 0;
        if found {
            Self::add_event(
                &mut tx,
                lead_id,
                "screened",
                &json!({"roleId": role_id, "overallFitScore": overall}),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(found)
    }

    pub(crate) async fn mark_lead_converted(
        &self,
        lead_id: &str,
        role_id: &str,
        candidate_id: &str,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let now = now_ms();
        let mut qb =
            QueryBuilder::<Db>::new("UPDATE lead_roles SET status = 'Converted', candidate_id = ");
        qb.push_bind(candidate_id)
            .push(", updated_at = ")
            .push_bind(now)
            .push(" WHERE lead_id = ")
            .push_bind(lead_id)
            .push(" AND role_id = ")
            .push_bind(role_id);
        qb.build().execute(&mut *tx).await?;
        let mut qb =
            QueryBuilder::<Db>::new("UPDATE leads SET status = 'converted', candidate_id = ");
        qb.push_bind(candidate_id)
            .push(", updated_at = ")
            .push_bind(now)
            .push(" WHERE id = ")
            .push_bind(lead_id);
        qb.build().execute(&mut *tx).await?;
        Self::add_event(
            &mut tx,
            lead_id,
            "converted",
            &json!({"roleId": role_id, "candidateId": candidate_id}),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes leads (their roles and history too) and the stored
    /// files no remaining lead names; returns how many leads went.
    pub(crate) async fn delete_leads_where(
        &self,
        tx: &mut sqlx::Transaction<'_, Db>,
        condition: impl Fn(&mut QueryBuilder<'_, Db>),
    ) -> Result<u64, StoreError> {
        let mut qb = QueryBuilder::<Db>::new("SELECT id, file_hash FROM leads WHERE ");
        condition(&mut qb);
        let rows = qb.build().fetch_all(&mut **tx).await?;
        let mut hashes = std::collections::BTreeSet::new();
        for r in &rows {
            let id: String = r.try_get("id")?;
            hashes.insert(r.try_get::<String, _>("file_hash")?);
            for table in ["lead_events", "lead_roles"] {
                let mut qb =
                    QueryBuilder::<Db>::new(format!("DELETE FROM {table} WHERE lead_id = "));
                qb.push_bind(id.clone());
                qb.build().execute(&mut **tx).await?;
            }
            let mut qb = QueryBuilder::<Db>::new("DELETE FROM leads WHERE id = ");
            qb.push_bind(id);
            qb.build().execute(&mut **tx).await?;
        }
        for hash in hashes {
            let mut qb = QueryBuilder::<Db>::new("DELETE FROM lead_files WHERE hash = ");
            qb.push_bind(hash.clone())
                .push(" AND NOT EXISTS (SELECT 1 FROM leads WHERE file_hash = ")
                .push_bind(hash)
                .push(")");
            qb.build().execute(&mut **tx).await?;
        }
        Ok(rows.len() as u64)
    }

    pub(crate) async fn delete_lead(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let n = self
            .delete_leads_where(&mut tx, |qb| {
                qb.push("workspace_id = ")
                    .push_bind(workspace_id.to_owned())
                    .push(" AND id = ")
                    .push_bind(id.to_owned());
            })
            .await?;
        tx.commit().await?;
        Ok(n > 0)
    }

    pub(crate) async fn prune_failed_leads(&self, created_before: i64) -> Result<u64, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let n = self
            .delete_leads_where(&mut tx, |qb| {
                qb.push("status = 'failed' AND created_at < ")
                    .push_bind(created_before);
            })
            .await?;
        tx.commit().await?;
        Ok(n)
    }

    pub(crate) async fn lead_history(&self, lead_id: &str) -> Result<Vec<LeadEvent>, StoreError> {
        let mut qb =
            QueryBuilder::<Db>::new("SELECT at, kind, detail FROM lead_events WHERE lead_id = ");
        qb.push_bind(lead_id).push(" ORDER BY at, kind");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let detail: String = r.try_get("detail")?;
                Ok(LeadEvent {
                    at: r.try_get("at")?,
                    kind: r.try_get("kind")?,
                    detail: serde_json::from_str(&detail).map_err(|e| corrupt(lead_id, e))?,
                })
            })
            .collect()
    }
}
