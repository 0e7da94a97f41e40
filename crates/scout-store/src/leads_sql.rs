//! The columns and helpers of leads' SQL; the statements are in
//! `leads_sql/statements.rs`, compiled for SQLite and PostgreSQL (`sqlite.rs`).

use crate::error::StoreError;

pub(crate) const LEAD_COLUMNS: &str = "l.id, l.workspace_id, l.file_hash, l.file_name, l.status, l.failure_code, l.failure_reason, \
     l.full_name, l.email, l.contact_email, l.phone, l.summary, l.skills, l.parsed, l.duplicate_of, \
     l.candidate_id, l.created_at, l.updated_at";

pub(crate) fn corrupt(id: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        id: id.to_owned(),
        reason: e.to_string(),
    }
}
