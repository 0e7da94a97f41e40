//! The columns and helpers of the SQL of sourcings and candidate pipelines;
//! the statements are in `pipeline_sql/statements.rs`, compiled for SQLite
//! and PostgreSQL (`sqlite.rs`).

use scout_taxonomy::fold;

use crate::backend::{PgStore, SqliteStore};
use crate::error::StoreError;

pub(crate) const SOURCING_COLUMNS: &str = "s.id, s.workspace_id, s.title, s.description, s.location, s.salary_min, \
     s.salary_max, s.salary_currency, s.requirements, s.requirements_version, s.archived_at, s.created_by, \
     s.created_at, s.updated_at, (SELECT COUNT(*) FROM candidates c WHERE c.sourcing_id = s.id) AS candidate_count";

pub(crate) const CANDIDATE_COLUMNS: &str = "id, sourcing_id, talent_id, kind, stage, user_rating, contacts, firstname, \
     lastname, email, phone, linkedin_url, cv_url, photo_url, source, nationality, city, job_title, company_name, \
     experience_years, stated_years, salary_expectation, profile_seq, fit_score, fit_match, fit_decision, \
     fit_summary, fit_version, created_by, created_at, updated_at, last_activity_at";

/// Rows per multi-row insert (each row binds about 30 values).
pub(crate) const CANDIDATES_PER_STATEMENT: usize = 500;
/// A change this large refreshes the planner's statistics.
pub(crate) const BULK_ROWS: usize = 1_000;
/// Rows per multi-row insert of search terms (three values each).
pub(crate) const TERMS_PER_STATEMENT: usize = 3_000;

pub(crate) fn corrupt(id: &str, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        id: id.to_owned(),
        reason: reason.into(),
    }
}

/// A folded key for filtering and sorting; `None` when empty.
pub(crate) fn key(text: Option<&str>) -> Option<String> {
    text.map(fold).filter(|k| !k.is_empty())
}

impl SqliteStore {
    /// SQLite plans these queries well without statistics.
    pub(crate) async fn refresh_statistics(&self, _vacuum: bool) -> Result<(), StoreError> {
        Ok(())
    }
}

impl PgStore {
    /// Fresh statistics after a bulk change, so the planner sees the new
    /// sizes before autovacuum gets to it; with `vacuum`, also the
    /// visibility map that lets counts read indexes alone.
    pub(crate) async fn refresh_statistics(&self, vacuum: bool) -> Result<(), StoreError> {
        let statement = if vacuum {
            "VACUUM (ANALYZE) candidates, candidate_terms"
        } else {
            "ANALYZE candidates, candidate_terms"
        };
        sqlx::query(statement).execute(&self.pool).await?;
        Ok(())
    }
}
