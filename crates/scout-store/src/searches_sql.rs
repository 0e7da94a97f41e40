//! The columns and helpers of the SQL of prompt searches and saved lists;
//! the statements are in `searches_sql/statements.rs`, compiled for SQLite
//! and PostgreSQL (`sqlite.rs`).

use crate::error::StoreError;

pub(crate) const SEARCH_COLUMNS: &str =
    "id, workspace_id, user_id, source, prompt, filters, interpretation, total, \
     result_ids, expansions, revisions, created_at, updated_at";
pub(crate) const POOL_COLUMNS: &str =
    "p.id, p.workspace_id, p.user_id, p.name, p.search_id, p.created_at, p.updated_at, \
     (SELECT COUNT(*) FROM candidate_pool_members m WHERE m.pool_id = p.id) AS member_count";
/// Rows per multi-row insert of members (four values each).
pub(crate) const MEMBERS_PER_STATEMENT: usize = 1_000;

pub(crate) fn json_text(id: &str, v: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt {
        id: id.to_owned(),
        reason: e.to_string(),
    })
}

pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    id: &str,
    raw: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(raw).map_err(|e| StoreError::Corrupt {
        id: id.to_owned(),
        reason: e.to_string(),
    })
}
