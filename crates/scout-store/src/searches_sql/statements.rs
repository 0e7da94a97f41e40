//! The statements of `searches_sql.rs`, written once: this file is the body of a
//! module per back end (`sqlite.rs`, `postgres.rs`), whose `Db` is its
//! database and `Store` its store.

use crate::access::generate_id;
use crate::backend::now_ms;
use crate::error::StoreError;
use crate::searches::{unique_in_order, CandidatePool, CandidateSearch, NewPool, MAX_POOL_MEMBERS};
use serde_json::Value;
use sqlx::{QueryBuilder, Row};

use super::{Db, Store};
use crate::searches_sql::*;

impl Store {
    fn search_from_row(r: &<Db as sqlx::Database>::Row) -> Result<CandidateSearch, StoreError> {
        let id: String = r.try_get("id")?;
        let filters: String = r.try_get("filters")?;
        let interpretation: String = r.try_get("interpretation")?;
        let result_ids: String = r.try_get("result_ids")?;
        let expansions: String = r.try_get("expansions")?;
        let revisions: String = r.try_get("revisions")?;
        Ok(CandidateSearch {
            filters: parse_json::<Value>(&id, &filters)?,
            interpretation: parse_json::<Value>(&id, &interpretation)?,
            result_ids: parse_json(&id, &result_ids)?,
            expansions: parse_json::<Value>(&id, &expansions)?,
            revisions: parse_json::<Value>(&id, &revisions)?,
            workspace_id: r.try_get("workspace_id")?,
            user_id: r.try_get("user_id")?,
            source: r.try_get("source")?,
            prompt: r.try_get("prompt")?,
            total: r.try_get("total")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            id,
        })
    }

    fn pool_from_row(r: &<Db as sqlx::Database>::Row) -> Result<CandidatePool, StoreError> {
        Ok(CandidatePool {
            id: r.try_get("id")?,
            workspace_id: r.try_get("workspace_id")?,
            user_id: r.try_get("user_id")?,
            name: r.try_get("name")?,
            search_id: r.try_get("search_id")?,
            member_count: r.try_get("member_count")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
        })
    }

    pub(crate) async fn save_search(&self, s: &CandidateSearch) -> Result<(), StoreError> {
        let texts = [
            json_text(&s.id, &s.filters)?,
            json_text(&s.id, &s.interpretation)?,
            json_text(&s.id, &s.result_ids)?,
            json_text(&s.id, &s.expansions)?,
            json_text(&s.id, &s.revisions)?,
        ];
        let mut qb = QueryBuilder::<Db>::new(format!(
            "INSERT INTO candidate_searches ({SEARCH_COLUMNS}) "
        ));
        qb.push_values([()], |mut b, _| {
            b.push_bind(&s.id)
                .push_bind(&s.workspace_id)
                .push_bind(&s.user_id)
                .push_bind(&s.source)
                .push_bind(&s.prompt)
                .push_bind(&texts[0])
                .push_bind(&texts[1])
                .push_bind(s.total)
                .push_bind(&texts[2])
                .push_bind(&texts[3])
                .push_bind(&texts[4])
                .push_bind(s.created_at)
                .push_bind(s.updated_at);
        });
        qb.push(" ON CONFLICT (id) DO UPDATE SET source = excluded.source, prompt = excluded.prompt, \
            filters = excluded.filters, interpretation = excluded.interpretation, total = excluded.total, \
            result_ids = excluded.result_ids, expansions = excluded.expansions, revisions = excluded.revisions, \
            updated_at = excluded.updated_at");
        let (_turn, mut tx) = self.begin_write().await?;
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn update_search_if_unchanged(
        &self,
        s: &CandidateSearch,
        seen_updated_at: i64,
    ) -> Result<bool, StoreError> {
        let texts = [
            json_text(&s.id, &s.filters)?,
            json_text(&s.id, &s.interpretation)?,
            json_text(&s.id, &s.result_ids)?,
            json_text(&s.id, &s.expansions)?,
            json_text(&s.id, &s.revisions)?,
        ];
        let mut qb = QueryBuilder::<Db>::new("UPDATE candidate_searches SET source = ");
        qb.push_bind(&s.source)
            .push(", prompt = ")
            .push_bind(&s.prompt)
            .push(", filters = ")
            .push_bind(&texts[0])
            .push(", interpretation = ")
            .push_bind(&texts[1])
            .push(", total = ")
            .push_bind(s.total)
            .push(", result_ids = ")
            .push_bind(&texts[2])
            .push(", expansions = ")
            .push_bind(&texts[3])
            .push(", revisions = ")
            .push_bind(&texts[4])
            .push(", updated_at = ")
            .push_bind(s.updated_at)
            .push(" WHERE id = ")
            .push_bind(&s.id)
            .push(" AND workspace_id = ")
            .push_bind(&s.workspace_id)
            .push(" AND updated_at = ")
            .push_bind(seen_updated_at);
        let (_turn, mut tx) = self.begin_write().await?;
        let changed = qb.build().execute(&mut *tx).await?.rows_affected() == 1;
        tx.commit().await?;
        Ok(changed)
    }

    pub(crate) async fn get_search(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<Option<CandidateSearch>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {SEARCH_COLUMNS} FROM candidate_searches WHERE workspace_id = "
        ));
        qb.push_bind(workspace_id).push(" AND id = ").push_bind(id);
        let row = qb.build().fetch_optional(&self.pool).await?;
        row.as_ref().map(Self::search_from_row).transpose()
    }

    pub(crate) async fn list_searches(
        &self,
        workspace_id: &str,
        user_id: &str,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<CandidateSearch>, i64), StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT COUNT(*) AS n FROM candidate_searches WHERE workspace_id = ",
        );
        qb.push_bind(workspace_id)
            .push(" AND user_id = ")
            .push_bind(user_id);
        let total: i64 = qb.build().fetch_one(&self.pool).await?.try_get("n")?;
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {SEARCH_COLUMNS} FROM candidate_searches WHERE workspace_id = "
        ));
        qb.push_bind(workspace_id)
            .push(" AND user_id = ")
            .push_bind(user_id)
            .push(" ORDER BY updated_at DESC, id DESC LIMIT ")
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        let rows = qb.build().fetch_all(&self.pool).await?;
        let searches = rows
            .iter()
            .map(Self::search_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        Ok((searches, total))
    }

    async fn insert_members(
        tx: &mut sqlx::Transaction<'_, Db>,
        pool_id: &str,
        ids: &[&str],
        at: i64,
    ) -> Result<(), StoreError> {
        for (chunk_no, chunk) in ids.chunks(MEMBERS_PER_STATEMENT).enumerate() {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO candidate_pool_members (pool_id, talent_id, position, added_at) ",
            );
            qb.push_values(chunk.iter().enumerate(), |mut b, (i, id)| {
                let position = (chunk_no * MEMBERS_PER_STATEMENT + i) as i64;
                b.push_bind(pool_id)
                    .push_bind(*id)
                    .push_bind(position)
                    .push_bind(at);
            });
            qb.build().execute(&mut **tx).await?;
        }
        Ok(())
    }

    pub(crate) async fn create_pool(&self, new: &NewPool) -> Result<CandidatePool, StoreError> {
        let id = generate_id("pool")?;
        let now = now_ms();
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("INSERT INTO candidate_pools (id, workspace_id, user_id, name, search_id, created_at, updated_at) ");
        qb.push_values([()], |mut b, _| {
            b.push_bind(&id)
                .push_bind(&new.workspace_id)
                .push_bind(&new.user_id)
                .push_bind(&new.name)
                .push_bind(&new.search_id)
                .push_bind(now)
                .push_bind(now);
        });
        qb.build().execute(&mut *tx).await?;
        Self::insert_members(&mut tx, &id, &unique_in_order(&new.talent_ids), now).await?;
        tx.commit().await?;
        self.get_pool(&new.workspace_id, &id)
            .await?
            .ok_or_else(|| StoreError::Corrupt {
                id,
                reason: "a new list vanished".into(),
            })
    }

    pub(crate) async fn get_pool(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<Option<CandidatePool>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {POOL_COLUMNS} FROM candidate_pools p WHERE p.workspace_id = "
        ));
        qb.push_bind(workspace_id)
            .push(" AND p.id = ")
            .push_bind(id);
        let row = qb.build().fetch_optional(&self.pool).await?;
        row.as_ref().map(Self::pool_from_row).transpose()
    }

    pub(crate) async fn list_pools(
        &self,
        workspace_id: &str,
        user_id: &str,
    ) -> Result<Vec<CandidatePool>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {POOL_COLUMNS} FROM candidate_pools p WHERE p.workspace_id = "
        ));
        qb.push_bind(workspace_id)
            .push(" AND p.user_id = ")
            .push_bind(user_id)
            .push(" ORDER BY p.updated_at DESC, p.id DESC");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(Self::pool_from_row).collect()
    }

    pub(crate) async fn pool_members(
        &self,
        pool_id: &str,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT talent_id FROM candidate_pool_members WHERE pool_id = ",
        );
        qb.push_bind(pool_id)
            .push(" ORDER BY position LIMIT ")
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok(r.try_get("talent_id")?)).collect()
    }

    pub(crate) async fn update_pool(
        &self,
        workspace_id: &str,
        id: &str,
        name: Option<&str>,
        members: Option<&[String]>,
    ) -> Result<Option<CandidatePool>, StoreError> {
        let now = now_ms();
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("UPDATE candidate_pools SET updated_at = ");
        qb.push_bind(now);
        if let Some(name) = name {
            qb.push(", name = ").push_bind(name);
        }
        qb.push(" WHERE workspace_id = ")
            .push_bind(workspace_id)
            .push(" AND id = ")
            .push_bind(id);
        if qb.build().execute(&mut *tx).await?.rows_affected() == 0 {
            return Ok(None);
        }
        if let Some(members) = members {
            let mut qb =
                QueryBuilder::<Db>::new("DELETE FROM candidate_pool_members WHERE pool_id = ");
            qb.push_bind(id);
            qb.build().execute(&mut *tx).await?;
            Self::insert_members(&mut tx, id, &unique_in_order(members), now).await?;
        }
        tx.commit().await?;
        self.get_pool(workspace_id, id).await
    }

    pub(crate) async fn change_pool_members(
        &self,
        workspace_id: &str,
        id: &str,
        add: &[String],
        remove: &[String],
    ) -> Result<Option<CandidatePool>, StoreError> {
        let now = now_ms();
        // one transaction: two people adding to the same list at once both land
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("UPDATE candidate_pools SET updated_at = ");
        qb.push_bind(now);
        qb.push(" WHERE workspace_id = ")
            .push_bind(workspace_id)
            .push(" AND id = ")
            .push_bind(id);
        if qb.build().execute(&mut *tx).await?.rows_affected() == 0 {
            return Ok(None);
        }
        for chunk in remove.chunks(MEMBERS_PER_STATEMENT) {
            let mut qb =
                QueryBuilder::<Db>::new("DELETE FROM candidate_pool_members WHERE pool_id = ");
            qb.push_bind(id).push(" AND talent_id IN (");
            let mut list = qb.separated(", ");
            for t in chunk {
                list.push_bind(t.as_str());
            }
            qb.push(")");
            qb.build().execute(&mut *tx).await?;
        }
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT talent_id, position FROM candidate_pool_members WHERE pool_id = ",
        );
        qb.push_bind(id);
        let rows = qb.build().fetch_all(&mut *tx).await?;
        let mut present = std::collections::HashSet::with_capacity(rows.len());
        let mut next = 0i64;
        for r in &rows {
            present.insert(r.try_get::<String, _>("talent_id")?);
            next = next.max(r.try_get::<i64, _>("position")? + 1);
        }
        let room = MAX_POOL_MEMBERS.saturating_sub(present.len());
        let fresh: Vec<&str> = unique_in_order(add)
            .into_iter()
            .filter(|t| !present.contains(*t))
            .take(room)
            .collect();
        for (chunk_no, chunk) in fresh.chunks(MEMBERS_PER_STATEMENT).enumerate() {
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO candidate_pool_members (pool_id, talent_id, position, added_at) ",
            );
            qb.push_values(chunk.iter().enumerate(), |mut b, (i, t)| {
                let position = next + (chunk_no * MEMBERS_PER_STATEMENT + i) as i64;
                b.push_bind(id)
                    .push_bind(*t)
                    .push_bind(position)
                    .push_bind(now);
            });
            qb.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        self.get_pool(workspace_id, id).await
    }

    pub(crate) async fn delete_pool(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<bool, StoreError> {
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM candidate_pools WHERE workspace_id = ");
        qb.push_bind(workspace_id).push(" AND id = ").push_bind(id);
        let (_turn, mut tx) = self.begin_write().await?;
        let deleted = qb.build().execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(deleted > 0)
    }
}
