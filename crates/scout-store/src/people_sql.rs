//! The columns and helpers of the SQL of people and web sessions; the
//! statements are in `people_sql/statements.rs`, compiled for SQLite and
//! PostgreSQL (`sqlite.rs`).

use crate::error::StoreError;
use crate::people::{Person, Role};

pub(crate) const PERSON_COLUMNS: &str =
    "u.id AS user_id, u.workspace_id, w.name AS workspace, u.email, u.role";

pub(crate) fn person_from(
    user_id: String,
    workspace_id: String,
    workspace: String,
    email: String,
    role: String,
) -> Result<Person, StoreError> {
    let role = Role::parse(&role).ok_or_else(|| StoreError::Corrupt {
        id: user_id.clone(),
        reason: format!("unknown role `{role}`"),
    })?;
    Ok(Person {
        user_id,
        workspace_id,
        workspace,
        email,
        role,
    })
}
