//! The statements of `pipeline_sql.rs`, written once: this file is the body of a
//! module per back end (`sqlite.rs`, `postgres.rs`), whose `Db` is its
//! database and `Store` its store.

use crate::access::generate_id;
use crate::backend::now_ms;
use crate::error::StoreError;
use crate::pipeline::{
    Added, ArchiveFilter, Candidate, CandidateChange, CandidateEvent, CandidateProfile,
    CandidateQuery, CandidateRefresh, NewCandidate, NewSourcing, Salary, Sourcing, SourcingChanges,
    WorkspaceField,
};
use scout_model::{CandidateType, Decision, FitAssessment, Stage};
use scout_taxonomy::fold;
use sqlx::{QueryBuilder, Row};

use super::{Db, Store};
use crate::pipeline_sql::*;

impl Store {
    fn sourcing_from_row(r: &<Db as sqlx::Database>::Row) -> Result<Sourcing, StoreError> {
        let id: String = r.try_get("id")?;
        let raw: String = r.try_get("requirements")?;
        let requirements = serde_json::from_str(&raw).map_err(|e| corrupt(&id, e.to_string()))?;
        let (min, max, currency): (Option<f64>, Option<f64>, Option<String>) = (
            r.try_get("salary_min")?,
            r.try_get("salary_max")?,
            r.try_get("salary_currency")?,
        );
        let salary = (min.is_some() || max.is_some() || currency.is_some()).then_some(Salary {
            min,
            max,
            currency,
        });
        Ok(Sourcing {
            id,
            workspace_id: r.try_get("workspace_id")?,
            title: r.try_get("title")?,
            description: r.try_get("description")?,
            location: r.try_get("location")?,
            salary,
            requirements,
            requirements_version: r.try_get("requirements_version")?,
            archived_at: r.try_get("archived_at")?,
            created_by: r.try_get("created_by")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            candidate_count: r.try_get("candidate_count")?,
        })
    }

    fn candidate_from_row(r: &<Db as sqlx::Database>::Row) -> Result<Candidate, StoreError> {
        let id: String = r.try_get("id")?;
        let kind: String = r.try_get("kind")?;
        let stage: String = r.try_get("stage")?;
        let fit_score: Option<i64> = r.try_get("fit_score")?;
        let fit = match fit_score {
            None => None,
            Some(score) => {
                let decision: Option<String> = r.try_get("fit_decision")?;
                let decision = decision
                    .as_deref()
                    .and_then(Decision::parse)
                    .ok_or_else(|| corrupt(&id, "bad fit decision"))?;
                let m: Option<i64> = r.try_get("fit_match")?;
                let summary: Option<String> = r.try_get("fit_summary")?;
                let version: Option<i64> = r.try_get("fit_version")?;
                Some((
                    FitAssessment {
                        score: score.clamp(0, 100) as u8,
                        match_percentage: m.unwrap_or(0).clamp(0, 100) as u8,
                        decision,
                        summary: summary.unwrap_or_default(),
                    },
                    version.unwrap_or(0),
                ))
            }
        };
        Ok(Candidate {
            kind: CandidateType::parse(&kind)
                .ok_or_else(|| corrupt(&id, format!("bad kind {kind}")))?,
            stage: Stage::from_handle(&stage)
                .ok_or_else(|| corrupt(&id, format!("bad stage {stage}")))?,
            sourcing_id: r.try_get("sourcing_id")?,
            talent_id: r.try_get("talent_id")?,
            user_rating: r.try_get("user_rating")?,
            contacts: r.try_get("contacts")?,
            profile: CandidateProfile {
                firstname: r.try_get("firstname")?,
                lastname: r.try_get("lastname")?,
                email: r.try_get("email")?,
                phone: r.try_get("phone")?,
                linkedin_url: r.try_get("linkedin_url")?,
                cv_url: r.try_get("cv_url")?,
                photo_url: r.try_get("photo_url")?,
                nationality: r.try_get("nationality")?,
                city: r.try_get("city")?,
                job_title: r.try_get("job_title")?,
                company_name: r.try_get("company_name")?,
                experience_years: r.try_get("experience_years")?,
                extra_text: String::new(),
            },
            source: r.try_get("source")?,
            salary_expectation: r.try_get("salary_expectation")?,
            stated_years: r.try_get("stated_years")?,
            profile_seq: r.try_get("profile_seq")?,
            fit,
            created_by: r.try_get("created_by")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            last_activity_at: r.try_get("last_activity_at")?,
            id,
        })
    }

    pub(crate) async fn create_sourcing(
        &self,
        workspace_id: &str,
        new: &NewSourcing,
    ) -> Result<Sourcing, StoreError> {
        let id = generate_id("src")?;
        let now = now_ms();
        let requirements = new.requirements.to_string();
        let salary = new.salary.clone().unwrap_or(Salary {
            min: None,
            max: None,
            currency: None,
        });
        let mut qb = QueryBuilder::<Db>::new(
            "INSERT INTO sourcings (id, workspace_id, title, description, location, salary_min, salary_max, \
             salary_currency, requirements, requirements_version, created_by, created_at, updated_at) ",
        );
        qb.push_values([()], |mut b, _| {
            b.push_bind(id.as_str())
                .push_bind(workspace_id)
                .push_bind(new.title.as_str());
            b.push_bind(new.description.as_deref())
                .push_bind(new.location.as_deref());
            b.push_bind(salary.min)
                .push_bind(salary.max)
                .push_bind(salary.currency.as_deref());
            b.push_bind(requirements.as_str())
                .push_bind(1_i64)
                .push_bind(new.created_by.as_deref());
            b.push_bind(now).push_bind(now);
        });
        let (_turn, mut tx) = self.begin_write().await?;
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        self.get_sourcing(workspace_id, &id)
            .await?
            .ok_or_else(|| corrupt(&id, "sourcing vanished after creation"))
    }

    pub(crate) async fn get_sourcing(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<Option<Sourcing>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {SOURCING_COLUMNS} FROM sourcings s WHERE s.id = "
        ));
        qb.push_bind(id)
            .push(" AND s.workspace_id = ")
            .push_bind(workspace_id);
        match qb.build().fetch_optional(&self.pool).await? {
            Some(row) => Ok(Some(Self::sourcing_from_row(&row)?)),
            None => Ok(None),
        }
    }

    pub(crate) async fn owns_sourcing(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<bool, StoreError> {
        let mut qb = QueryBuilder::<Db>::new("SELECT id FROM sourcings WHERE id = ");
        qb.push_bind(id)
            .push(" AND workspace_id = ")
            .push_bind(workspace_id);
        Ok(qb.build().fetch_optional(&self.pool).await?.is_some())
    }

    pub(crate) async fn sourcing_by_id(&self, id: &str) -> Result<Option<Sourcing>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {SOURCING_COLUMNS} FROM sourcings s WHERE s.id = "
        ));
        qb.push_bind(id);
        match qb.build().fetch_optional(&self.pool).await? {
            Some(row) => Ok(Some(Self::sourcing_from_row(&row)?)),
            None => Ok(None),
        }
    }

    pub(crate) async fn list_sourcings(
        &self,
        workspace_id: &str,
        archive: ArchiveFilter,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<Sourcing>, i64), StoreError> {
        let condition = match archive {
            ArchiveFilter::Active => " AND s.archived_at IS NULL",
            ArchiveFilter::Archived => " AND s.archived_at IS NOT NULL",
            ArchiveFilter::All => "",
        };
        let mut qb =
            QueryBuilder::<Db>::new("SELECT COUNT(*) FROM sourcings s WHERE s.workspace_id = ");
        qb.push_bind(workspace_id).push(condition);
        let total: i64 = qb.build().fetch_one(&self.pool).await?.try_get(0)?;
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {SOURCING_COLUMNS} FROM sourcings s WHERE s.workspace_id = "
        ));
        qb.push_bind(workspace_id).push(condition);
        qb.push(" ORDER BY s.created_at DESC, s.id DESC LIMIT ")
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        let rows = qb.build().fetch_all(&self.pool).await?;
        let list = rows
            .iter()
            .map(Self::sourcing_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        Ok((list, total))
    }

    pub(crate) async fn update_sourcing(
        &self,
        workspace_id: &str,
        id: &str,
        changes: &SourcingChanges,
    ) -> Result<Option<Sourcing>, StoreError> {
        let now = now_ms();
        let mut qb = QueryBuilder::<Db>::new("UPDATE sourcings SET updated_at = ");
        qb.push_bind(now);
        if let Some(t) = &changes.title {
            qb.push(", title = ").push_bind(t.as_str());
        }
        if let Some(d) = &changes.description {
            qb.push(", description = ").push_bind(d.as_deref());
        }
        if let Some(l) = &changes.location {
            qb.push(", location = ").push_bind(l.as_deref());
        }
        if let Some(s) = &changes.salary {
            let s = s.clone().unwrap_or(Salary {
                min: None,
                max: None,
                currency: None,
            });
            qb.push(", salary_min = ").push_bind(s.min);
            qb.push(", salary_max = ").push_bind(s.max);
            qb.push(", salary_currency = ").push_bind(s.currency);
        }
        if let Some(r) = &changes.requirements {
            qb.push(", requirements = ").push_bind(r.to_string());
        }
        if changes.requirements.is_some() || changes.location.is_some() {
            qb.push(", requirements_version = requirements_version + 1");
        }
        match changes.archived {
            Some(true) => {
                qb.push(", archived_at = COALESCE(archived_at, ")
                    .push_bind(now)
                    .push(")");
            }
            Some(false) => {
                qb.push(", archived_at = NULL");
            }
            None => {}
        }
        qb.push(" WHERE id = ")
            .push_bind(id)
            .push(" AND workspace_id = ")
            .push_bind(workspace_id);
        let (_turn, mut tx) = self.begin_write().await?;
        let changed = qb.build().execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        if changed == 0 {
            return Ok(None);
        }
        self.get_sourcing(workspace_id, id).await
    }

    pub(crate) async fn delete_sourcing(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("SELECT id FROM sourcings WHERE id = ");
        qb.push_bind(id)
            .push(" AND workspace_id = ")
            .push_bind(workspace_id);
        if qb.build().fetch_optional(&mut *tx).await?.is_none() {
            return Ok(false);
        }
        // Explicit rather than relying on cascades, which SQLite only
        // honours with foreign keys switched on.
        let mut qb = QueryBuilder::<Db>::new(
            "DELETE FROM candidate_events WHERE candidate_id IN (SELECT id FROM candidates WHERE sourcing_id = ",
        );
        qb.push_bind(id).push(")");
        qb.build().execute(&mut *tx).await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidate_terms WHERE sourcing_id = ");
        qb.push_bind(id);
        qb.build().execute(&mut *tx).await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidates WHERE sourcing_id = ");
        qb.push_bind(id);
        qb.build().execute(&mut *tx).await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM sourcings WHERE id = ");
        qb.push_bind(id);
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn insert_terms(
        tx: &mut sqlx::Transaction<'_, Db>,
        sourcing_id: &str,
        terms: &[(&str, String)],
    ) -> Result<(), StoreError> {
        for chunk in terms.chunks(TERMS_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO candidate_terms (sourcing_id, term, candidate_id) ",
            );
            qb.push_values(chunk, |mut b, (id, term)| {
                b.push_bind(sourcing_id)
                    .push_bind(term.as_str())
                    .push_bind(*id);
            });
            qb.build().execute(&mut **tx).await?;
        }
        Ok(())
    }

    pub(crate) async fn add_candidates(
        &self,
        sourcing_id: &str,
        actor: Option<&str>,
        new: &[NewCandidate],
    ) -> Result<Vec<Added>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let now = now_ms();
        // First, so that a sourcing deleted by another writer is
        // told apart (and, on PostgreSQL, its row is held until
        // this commits: a delete waits, then takes these too).
        let mut qb = QueryBuilder::<Db>::new("UPDATE sourcings SET updated_at = ");
        qb.push_bind(now)
            .push(" WHERE id = ")
            .push_bind(sourcing_id);
        if qb.build().execute(&mut *tx).await?.rows_affected() == 0 {
            return Err(StoreError::Gone("Sourcing"));
        }
        // Who is already there, by talent and by email.
        let mut by_talent = std::collections::HashMap::new();
        let mut by_email = std::collections::HashMap::new();
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT id, talent_id, email_key FROM candidates WHERE sourcing_id = ",
        );
        qb.push_bind(sourcing_id);
        for row in qb.build().fetch_all(&mut *tx).await? {
            let id: String = row.try_get("id")?;
            if let Some(t) = row.try_get::<Option<String>, _>("talent_id")? {
                by_talent.insert(t, id.clone());
            }
            if let Some(e) = row.try_get::<Option<String>, _>("email_key")? {
                by_email.insert(e, id);
            }
        }
        let mut out = Vec::with_capacity(new.len());
        let mut fresh: Vec<(String, &NewCandidate)> = Vec::new();
        for c in new {
            let email_key = key(c.profile.email.as_deref());
            let existing = c
                .talent_id
                .as_ref()
                .and_then(|t| by_talent.get(t))
                .or_else(|| email_key.as_ref().and_then(|e| by_email.get(e)));
            if let Some(id) = existing {
                out.push(Added {
                    id: id.clone(),
                    created: false,
                });
                continue;
            }
            let id = generate_id("cand")?;
            if let Some(t) = &c.talent_id {
                by_talent.insert(t.clone(), id.clone());
            }
            if let Some(e) = email_key {
                by_email.insert(e, id.clone());
            }
            out.push(Added {
                id: id.clone(),
                created: true,
            });
            fresh.push((id, c));
        }
        for chunk in fresh.chunks(CANDIDATES_PER_STATEMENT) {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO candidates (id, sourcing_id, talent_id, kind, stage, stage_order, user_rating, contacts, \
                 firstname, lastname, name_key, email, email_key, phone, linkedin_url, cv_url, photo_url, source, \
                 nationality, city, city_key, job_title, job_title_key, company_name, company_key, experience_years, \
                 stated_years, salary_expectation, profile_seq, fit_score, fit_match, fit_decision, \
                 fit_summary, fit_version, created_by, created_at, updated_at, last_activity_at) ",
            );
            qb.push_values(chunk, |mut b, (id, c)| {
                let p = &c.profile;
                b.push_bind(id.as_str())
                    .push_bind(sourcing_id)
                    .push_bind(c.talent_id.as_deref());
                b.push_bind(c.kind.as_str())
                    .push_bind(c.stage.handle())
                    .push_bind(c.stage.order());
                b.push_bind(None::<i64>).push_bind(0_i64);
                b.push_bind(p.firstname.clone())
                    .push_bind(p.lastname.clone())
                    .push_bind(key(p.full_name().as_deref()));
                b.push_bind(p.email.clone())
                    .push_bind(key(p.email.as_deref()))
                    .push_bind(p.phone.clone());
                b.push_bind(p.linkedin_url.clone())
                    .push_bind(p.cv_url.clone())
                    .push_bind(p.photo_url.clone());
                b.push_bind(c.source.clone())
                    .push_bind(p.nationality.clone());
                b.push_bind(p.city.clone())
                    .push_bind(key(p.city.as_deref()));
                b.push_bind(p.job_title.clone())
                    .push_bind(key(p.job_title.as_deref()));
                b.push_bind(p.company_name.clone())
                    .push_bind(key(p.company_name.as_deref()));
                b.push_bind(p.experience_years)
                    .push_bind(c.stated_years)
                    .push_bind(c.salary_expectation);
                b.push_bind(c.profile_seq);
                let (score, m, decision, summary, version) = match &c.fit {
                    Some((f, v)) => (
                        Some(i64::from(f.score)),
                        Some(i64::from(f.match_percentage)),
                        Some(f.decision.as_str()),
                        Some(f.summary.clone()),
                        Some(*v),
                    ),
                    None => (None, None, None, None, None),
                };
                b.push_bind(score)
                    .push_bind(m)
                    .push_bind(decision)
                    .push_bind(summary)
                    .push_bind(version);
                b.push_bind(actor.map(str::to_owned))
                    .push_bind(now)
                    .push_bind(now)
                    .push_bind(now);
            });
            qb.build().execute(&mut *tx).await?;
            let terms: Vec<(&str, String)> = chunk
                .iter()
                .flat_map(|(id, c)| {
                    c.profile
                        .terms(c.source.as_deref())
                        .into_iter()
                        .map(move |t| (id.as_str(), t))
                })
                .collect();
            Self::insert_terms(&mut tx, sourcing_id, &terms).await?;
            let mut qb = QueryBuilder::<Db>::new("INSERT INTO candidate_events (candidate_id, at, actor, kind, from_value, to_value, detail) ");
            qb.push_values(chunk, |mut b, (id, c)| {
                b.push_bind(id.as_str())
                    .push_bind(now)
                    .push_bind(actor.map(str::to_owned))
                    .push_bind("created");
                b.push_bind(None::<String>)
                    .push_bind(c.stage.handle())
                    .push_bind(c.source.clone());
            });
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        if fresh.len() >= BULK_ROWS {
            self.refresh_statistics(false).await?;
        }
        Ok(out)
    }

    fn push_candidate_conditions<'a>(qb: &mut QueryBuilder<'a, Db>, q: &'a CandidateQuery) {
        qb.push(" WHERE sourcing_id = ")
            .push_bind(q.sourcing_id.as_str());
        // By pipeline position, which every index carries.
        if q.stages.is_empty() {
            qb.push(" AND stage_order <> ")
                .push_bind(Stage::NotRetained.order());
        } else {
            qb.push(" AND stage_order IN (");
            let mut sep = qb.separated(", ");
            for s in &q.stages {
                sep.push_bind(s.order());
            }
            qb.push(")");
        }
        // Each value of a field filter: all its words in that field; any value will do.
        for (prefix, values) in [
            ("c:", &q.locations),
            ("t:", &q.job_titles),
            ("o:", &q.companies),
        ] {
            let wanted: Vec<Vec<String>> = values
                .iter()
                .map(|v| {
                    fold(v)
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(|w| format!("{prefix}{w}"))
                        .collect::<Vec<_>>()
                })
                .filter(|words| !words.is_empty())
                .collect();
            if wanted.is_empty() {
                continue;
            }
            qb.push(" AND (");
            for (i, words) in wanted.into_iter().enumerate() {
                if i > 0 {
                    qb.push(" OR ");
                }
                let n = words.len() as i64;
                qb.push("id IN (SELECT candidate_id FROM candidate_terms WHERE sourcing_id = ")
                    .push_bind(q.sourcing_id.as_str());
                qb.push(" AND term IN (");
                let mut sep = qb.separated(", ");
                for w in words {
                    sep.push_bind(w);
                }
                qb.push(") GROUP BY candidate_id HAVING COUNT(*) = ")
                    .push_bind(n)
                    .push(")");
            }
            qb.push(")");
        }
        // Free text: every word, as the start of a word of the candidate.
        if let Some(text) = &q.text {
            for word in fold(text).split(' ').filter(|w| !w.is_empty()) {
                qb.push(
                    " AND id IN (SELECT candidate_id FROM candidate_terms WHERE sourcing_id = ",
                )
                .push_bind(q.sourcing_id.as_str());
                qb.push(" AND term >= ").push_bind(format!("*:{word}"));
                qb.push(" AND term < ")
                    .push_bind(format!("*:{word}\u{10FFFF}"))
                    .push(")");
            }
        }
    }

    /// How many candidates match, how many of them have a value in
    /// `column`, and (when asked) whether the workspace owns the
    /// sourcing — one round trip for all three.
    async fn count_candidates(
        &self,
        q: &CandidateQuery,
        column: &str,
        owner: Option<&str>,
    ) -> Result<(i64, i64, bool), StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!("SELECT COUNT(*), COUNT({column}), "));
        match owner {
            Some(w) => {
                qb.push("(SELECT COUNT(*) FROM sourcings WHERE id = ")
                    .push_bind(q.sourcing_id.as_str());
                qb.push(" AND workspace_id = ").push_bind(w).push(")");
            }
            None => {
                qb.push("1");
            }
        }
        qb.push(" FROM candidates");
        Self::push_candidate_conditions(&mut qb, q);
        let row = qb.build().fetch_one(&self.pool).await?;
        let owned: i64 = row
            .try_get::<i64, _>(2)
            .or_else(|_| row.try_get::<i32, _>(2).map(i64::from))?;
        Ok((row.try_get(0)?, row.try_get(1)?, owned > 0))
    }

    /// Ids of one sorted slice: `extra` narrows the rows, `order` sorts them.
    async fn candidate_ids(
        &self,
        q: &CandidateQuery,
        extra: &str,
        order: &str,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        if limit <= 0 {
            return Ok(Vec::new());
        }
        let mut qb = QueryBuilder::<Db>::new("SELECT id FROM candidates");
        Self::push_candidate_conditions(&mut qb, q);
        qb.push(extra)
            .push(" ORDER BY ")
            .push(order)
            .push(" LIMIT ")
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    pub(crate) async fn list_candidates(
        &self,
        q: &CandidateQuery,
        owner: Option<&str>,
    ) -> Result<Option<(Vec<Candidate>, i64)>, StoreError> {
        let column = q.sort.column();
        let (total, filled, owned) = self.count_candidates(q, column, owner).await?;
        if !owned {
            return Ok(None);
        }
        let dir = if q.descending { "DESC" } else { "ASC" };
        // Ids first, walking the sort field's index and stopping after
        // the page; whole rows only for the page. Ties are broken by id
        // so pages never overlap. Empty values come last in either
        // order: the page is cut from the filled rows, then the empty ones.
        let ids = if q.sort.nullable() {
            let filled_clause = format!(" AND {column} IS NOT NULL");
            let mut ids = Vec::new();
            if q.offset < filled {
                ids = self
                    .candidate_ids(
                        q,
                        &filled_clause,
                        &format!("{column} {dir}, id {dir}"),
                        q.offset,
                        q.limit,
                    )
                    .await?;
            }
            let rest = q.limit - ids.len() as i64;
            let skip = (q.offset - filled).max(0);
            ids.extend(
                self.candidate_ids(
                    q,
                    &format!(" AND {column} IS NULL"),
                    &format!("id {dir}"),
                    skip,
                    rest,
                )
                .await?,
            );
            ids
        } else {
            self.candidate_ids(
                q,
                "",
                &format!("{column} {dir}, id {dir}"),
                q.offset,
                q.limit,
            )
            .await?
        };
        if ids.is_empty() {
            return Ok(Some((Vec::new(), total)));
        }
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE id IN ("
        ));
        let mut sep = qb.separated(", ");
        for id in &ids {
            sep.push_bind(id.as_str());
        }
        qb.push(")");
        let rows = qb.build().fetch_all(&self.pool).await?;
        let mut by_id: std::collections::HashMap<String, Candidate> = rows
            .iter()
            .map(|r| Self::candidate_from_row(r).map(|c| (c.id.clone(), c)))
            .collect::<Result<_, _>>()?;
        Ok(Some((
            ids.iter().filter_map(|id| by_id.remove(id)).collect(),
            total,
        )))
    }

    pub(crate) async fn all_candidates(
        &self,
        sourcing_id: &str,
    ) -> Result<Vec<Candidate>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE sourcing_id = "
        ));
        qb.push_bind(sourcing_id).push(" ORDER BY created_at, id");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(Self::candidate_from_row).collect()
    }

    pub(crate) async fn get_candidate(
        &self,
        sourcing_id: &str,
        id: &str,
    ) -> Result<Option<Candidate>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE id = "
        ));
        qb.push_bind(id)
            .push(" AND sourcing_id = ")
            .push_bind(sourcing_id);
        match qb.build().fetch_optional(&self.pool).await? {
            Some(row) => Ok(Some(Self::candidate_from_row(&row)?)),
            None => Ok(None),
        }
    }

    pub(crate) async fn change_candidate(
        &self,
        sourcing_id: &str,
        id: &str,
        actor: Option<&str>,
        changes: &[CandidateChange],
    ) -> Result<Option<Candidate>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb =
            QueryBuilder::<Db>::new("SELECT stage, user_rating FROM candidates WHERE id = ");
        qb.push_bind(id)
            .push(" AND sourcing_id = ")
            .push_bind(sourcing_id);
        let Some(row) = qb.build().fetch_optional(&mut *tx).await? else {
            return Ok(None);
        };
        let mut stage: String = row.try_get("stage")?;
        let mut rating: Option<i64> = row.try_get("user_rating")?;
        let now = now_ms();
        for change in changes {
            let (kind, from, to, detail) = match change {
                CandidateChange::Stage(s) => {
                    if stage == s.handle() {
                        continue;
                    }
                    let mut qb = QueryBuilder::<Db>::new("UPDATE candidates SET stage = ");
                    qb.push_bind(s.handle())
                        .push(", stage_order = ")
                        .push_bind(s.order());
                    qb.push(" WHERE id = ").push_bind(id);
                    qb.build().execute(&mut *tx).await?;
                    let from = std::mem::replace(&mut stage, s.handle().to_owned());
                    ("status", Some(from), Some(s.handle().to_owned()), None)
                }
                CandidateChange::Rating(r) => {
                    if rating == *r {
                        continue;
                    }
                    let mut qb = QueryBuilder::<Db>::new("UPDATE candidates SET user_rating = ");
                    qb.push_bind(*r).push(" WHERE id = ").push_bind(id);
                    qb.build().execute(&mut *tx).await?;
                    let from = std::mem::replace(&mut rating, *r);
                    (
                        "rating",
                        from.map(|v| v.to_string()),
                        r.map(|v| v.to_string()),
                        None,
                    )
                }
                CandidateChange::Contact {
                    channel,
                    value,
                    note,
                } => {
                    let mut qb = QueryBuilder::<Db>::new(
                        "UPDATE candidates SET contacts = contacts + 1 WHERE id = ",
                    );
                    qb.push_bind(id);
                    qb.build().execute(&mut *tx).await?;
                    let detail = match (value, note) {
                        (Some(v), Some(n)) => Some(format!("{v}: {n}")),
                        (Some(v), None) => Some(v.clone()),
                        (None, n) => n.clone(),
                    };
                    ("contact", None, Some(channel.clone()), detail)
                }
                CandidateChange::Note(text) => ("note", None, None, Some(text.clone())),
            };
            let mut qb = QueryBuilder::<Db>::new("INSERT INTO candidate_events (candidate_id, at, actor, kind, from_value, to_value, detail) ");
            qb.push_values([()], |mut b, _| {
                b.push_bind(id)
                    .push_bind(now)
                    .push_bind(actor.map(str::to_owned))
                    .push_bind(kind);
                b.push_bind(from.clone())
                    .push_bind(to.clone())
                    .push_bind(detail.clone());
            });
            qb.build().execute(&mut *tx).await?;
            let mut qb = QueryBuilder::<Db>::new("UPDATE candidates SET updated_at = ");
            qb.push_bind(now)
                .push(", last_activity_at = ")
                .push_bind(now)
                .push(" WHERE id = ")
                .push_bind(id);
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        self.get_candidate(sourcing_id, id).await
    }

    pub(crate) async fn delete_candidate(
        &self,
        sourcing_id: &str,
        id: &str,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidate_events WHERE candidate_id IN (SELECT id FROM candidates WHERE id = ");
        qb.push_bind(id)
            .push(" AND sourcing_id = ")
            .push_bind(sourcing_id)
            .push(")");
        qb.build().execute(&mut *tx).await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidate_terms WHERE sourcing_id = ");
        qb.push_bind(sourcing_id)
            .push(" AND candidate_id = ")
            .push_bind(id);
        qb.build().execute(&mut *tx).await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidates WHERE id = ");
        qb.push_bind(id)
            .push(" AND sourcing_id = ")
            .push_bind(sourcing_id);
        let gone = qb.build().execute(&mut *tx).await?.rows_affected() > 0;
        tx.commit().await?;
        Ok(gone)
    }

    pub(crate) async fn candidate_history(
        &self,
        id: &str,
    ) -> Result<Vec<CandidateEvent>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT id, candidate_id, at, actor, kind, from_value, to_value, detail FROM candidate_events WHERE candidate_id = ",
        );
        qb.push_bind(id).push(" ORDER BY at DESC, id DESC");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(CandidateEvent {
                    id: r.try_get("id")?,
                    candidate_id: r.try_get("candidate_id")?,
                    at: r.try_get("at")?,
                    actor: r.try_get("actor")?,
                    kind: r.try_get("kind")?,
                    from: r.try_get("from_value")?,
                    to: r.try_get("to_value")?,
                    detail: r.try_get("detail")?,
                })
            })
            .collect()
    }

    pub(crate) async fn workspace_values(
        &self,
        workspace_id: &str,
        field: WorkspaceField,
        typed: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let (column, key) = match field {
            WorkspaceField::Employer => ("company_name", "company_key"),
            WorkspaceField::Title => ("job_title", "job_title_key"),
            WorkspaceField::City => ("city", "city_key"),
        };
        // the folded prefix, its LIKE wildcards taken literally
        let prefix: String = fold(typed)
            .chars()
            .filter(|c| !matches!(c, '%' | '_' | '\\'))
            .collect();
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT c.{column} AS value, COUNT(*) AS n FROM sourcings s JOIN candidates c ON c.sourcing_id = s.id \
             WHERE s.workspace_id = "
        ));
        qb.push_bind(workspace_id);
        qb.push(format!(" AND c.{key} LIKE "))
            .push_bind(format!("{prefix}%"));
        qb.push(format!(
            " GROUP BY c.{column} ORDER BY n DESC, value LIMIT "
        ))
        .push_bind(limit);
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<Option<String>, _>("value")?))
            .filter_map(|v| v.transpose())
            .collect()
    }

    pub(crate) async fn workspace_talent_ids(
        &self,
        workspace_id: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT talent_id, MAX(seen_at) AS seen_at FROM (\
             SELECT c.talent_id AS talent_id, c.last_activity_at AS seen_at FROM sourcings s \
             JOIN candidates c ON c.sourcing_id = s.id WHERE c.talent_id IS NOT NULL AND s.workspace_id = ",
        );
        qb.push_bind(workspace_id);
        qb.push(
            " UNION ALL SELECT m.talent_id AS talent_id, m.added_at AS seen_at FROM candidate_pools p \
             JOIN candidate_pool_members m ON m.pool_id = p.id WHERE p.workspace_id = ",
        );
        qb.push_bind(workspace_id);
        qb.push(") AS theirs GROUP BY talent_id ORDER BY seen_at DESC, talent_id LIMIT ")
            .push_bind(limit);
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("talent_id")?))
            .collect()
    }

    pub(crate) async fn candidacies(
        &self,
        workspace_id: &str,
        talent_id: &str,
    ) -> Result<Vec<(String, Candidate)>, StoreError> {
        // driven by the workspace's sourcings, each looked up by
        // (sourcing_id, talent_id): no scan of other workspaces' rows
        let columns: String = CANDIDATE_COLUMNS
            .split(", ")
            .map(|c| format!("c.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {columns}, s.title AS sourcing_title FROM sourcings s JOIN candidates c ON c.sourcing_id = s.id \
             WHERE s.workspace_id = "
        ));
        qb.push_bind(workspace_id)
            .push(" AND c.talent_id = ")
            .push_bind(talent_id);
        qb.push(" ORDER BY s.created_at, s.id");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((r.try_get("sourcing_title")?, Self::candidate_from_row(r)?)))
            .collect()
    }

    pub(crate) async fn stale_candidates(&self, limit: i64) -> Result<Vec<Candidate>, StoreError> {
        let columns: String = CANDIDATE_COLUMNS
            .split(", ")
            .map(|c| format!("c.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        // a candidate's talent is the workspace's own profile of that id
        // or the shared pool's (`scout_model::ownership`)
        const SEP: char = scout_model::ownership::KEY_SEPARATOR;
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {columns} FROM candidates c JOIN sourcings s ON s.id = c.sourcing_id \
             LEFT JOIN profiles p ON p.id = c.talent_id \
             LEFT JOIN profiles q ON q.id = c.talent_id || '{SEP}' || s.workspace_id \
             WHERE c.fit_version IS NULL OR c.fit_version < s.requirements_version \
             OR (COALESCE(q.seq, p.seq) IS NOT NULL AND (c.profile_seq IS NULL OR COALESCE(q.seq, p.seq) > c.profile_seq)) \
             ORDER BY c.id LIMIT "
        ));
        qb.push_bind(limit);
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(Self::candidate_from_row).collect()
    }

    pub(crate) async fn refresh_candidates(
        &self,
        updates: &[CandidateRefresh],
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        for CandidateRefresh {
            id,
            profile,
            source,
            fit,
            version,
        } in updates
        {
            let mut qb = QueryBuilder::<Db>::new("UPDATE candidates SET fit_score = ");
            qb.push_bind(i64::from(fit.score))
                .push(", fit_match = ")
                .push_bind(i64::from(fit.match_percentage));
            qb.push(", fit_decision = ")
                .push_bind(fit.decision.as_str())
                .push(", fit_summary = ")
                .push_bind(fit.summary.as_str());
            qb.push(", fit_version = ").push_bind(*version);
            if let Some((p, seq)) = profile {
                qb.push(", profile_seq = ").push_bind(*seq);
                qb.push(", firstname = ")
                    .push_bind(p.firstname.clone())
                    .push(", lastname = ")
                    .push_bind(p.lastname.clone());
                qb.push(", name_key = ")
                    .push_bind(key(p.full_name().as_deref()));
                qb.push(", linkedin_url = ")
                    .push_bind(p.linkedin_url.clone())
                    .push(", photo_url = ")
                    .push_bind(p.photo_url.clone());
                qb.push(", city = ")
                    .push_bind(p.city.clone())
                    .push(", city_key = ")
                    .push_bind(key(p.city.as_deref()));
                qb.push(", job_title = ")
                    .push_bind(p.job_title.clone())
                    .push(", job_title_key = ")
                    .push_bind(key(p.job_title.as_deref()));
                qb.push(", company_name = ")
                    .push_bind(p.company_name.clone())
                    .push(", company_key = ")
                    .push_bind(key(p.company_name.as_deref()));
                qb.push(", experience_years = ")
                    .push_bind(p.experience_years);
            }
            qb.push(" WHERE id = ").push_bind(id.as_str());
            qb.build().execute(&mut *tx).await?;
            if let Some((p, _)) = profile {
                let mut qb =
                    QueryBuilder::<Db>::new("SELECT sourcing_id FROM candidates WHERE id = ");
                qb.push_bind(id.as_str());
                let Some(row) = qb.build().fetch_optional(&mut *tx).await? else {
                    continue;
                };
                let sourcing_id: String = row.try_get(0)?;
                let mut qb =
                    QueryBuilder::<Db>::new("DELETE FROM candidate_terms WHERE candidate_id = ");
                qb.push_bind(id.as_str());
                qb.build().execute(&mut *tx).await?;
                let terms: Vec<(&str, String)> = p
                    .terms(source.as_deref())
                    .into_iter()
                    .map(|t| (id.as_str(), t))
                    .collect();
                Self::insert_terms(&mut tx, &sourcing_id, &terms).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
