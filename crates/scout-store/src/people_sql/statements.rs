//! The statements of `people_sql.rs`, written once: this file is the body of a
//! module per back end (`sqlite.rs`, `postgres.rs`), whose `Db` is its
//! database and `Store` its store.

use crate::access::generate_id;
use crate::backend::now_ms;
use crate::error::StoreError;
use crate::people::{email_key, NewPerson, Person, Role, Session};
use sqlx::{QueryBuilder, Row};

use super::{Db, Store};
use crate::people_sql::*;

impl Store {
    fn person_from_row(r: &<Db as sqlx::Database>::Row) -> Result<Person, StoreError> {
        person_from(
            r.try_get("user_id")?,
            r.try_get("workspace_id")?,
            r.try_get("workspace")?,
            r.try_get("email")?,
            r.try_get("role")?,
        )
    }

    pub(crate) async fn create_person(&self, new: &NewPerson) -> Result<Person, StoreError> {
        let now = now_ms();
        let email = email_key(&new.email);
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("SELECT 1 FROM users WHERE email = ");
        qb.push_bind(email.as_str());
        if qb.build().fetch_optional(&mut *tx).await?.is_some() {
            return Err(StoreError::Conflict("A person with this e-mail"));
        }
        let workspace_id = Self::workspace_named(&mut tx, &new.workspace, now).await?;
        // the user's name is the e-mail: API keys may be made for it too
        let mut qb = QueryBuilder::<Db>::new(
            "INSERT INTO users (id, workspace_id, name, is_admin, created_at, email, password_hash, role) ",
        );
        let user_id = generate_id("usr")?;
        qb.push_values([()], |mut b, _| {
            b.push_bind(user_id.as_str())
                .push_bind(workspace_id.as_str())
                .push_bind(email.as_str());
            b.push_bind(new.role == Role::Admin)
                .push_bind(now)
                .push_bind(email.as_str());
            b.push_bind(new.password_hash.as_str())
                .push_bind(new.role.as_str());
        });
        qb.push(
            " ON CONFLICT (workspace_id, name) DO UPDATE SET email = EXCLUDED.email, \
                  password_hash = EXCLUDED.password_hash, role = EXCLUDED.role",
        );
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        self.person_by_email(&email)
            .await?
            .map(|(p, _)| p)
            .ok_or(StoreError::Gone("Person"))
    }

    pub(crate) async fn person_by_email(
        &self,
        email: &str,
    ) -> Result<Option<(Person, String)>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {PERSON_COLUMNS}, u.password_hash FROM users u JOIN workspaces w ON w.id = u.workspace_id \
             WHERE u.password_hash IS NOT NULL AND u.email = "
        ));
        qb.push_bind(email_key(email));
        match qb.build().fetch_optional(&self.pool).await? {
            Some(r) => Ok(Some((
                Self::person_from_row(&r)?,
                r.try_get("password_hash")?,
            ))),
            None => Ok(None),
        }
    }

    pub(crate) async fn people_in(&self, workspace_id: &str) -> Result<Vec<Person>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {PERSON_COLUMNS} FROM users u JOIN workspaces w ON w.id = u.workspace_id \
             WHERE u.password_hash IS NOT NULL AND u.workspace_id = "
        ));
        qb.push_bind(workspace_id).push(" ORDER BY u.email");
        let rows = qb.build().fetch_all(&self.pool).await?;
        rows.iter().map(Self::person_from_row).collect()
    }

    pub(crate) async fn set_role(
        &self,
        workspace_id: &str,
        user_id: &str,
        role: Role,
    ) -> Result<bool, StoreError> {
        // one transaction: two admins demoting each other at once
        // cannot leave the workspace without one
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("UPDATE users SET role = ");
        qb.push_bind(role.as_str())
            .push(", is_admin = ")
            .push_bind(role == Role::Admin);
        qb.push(" WHERE password_hash IS NOT NULL AND workspace_id = ")
            .push_bind(workspace_id);
        qb.push(" AND id = ").push_bind(user_id);
        if qb.build().execute(&mut *tx).await?.rows_affected() == 0 {
            return Ok(false);
        }
        let mut qb = QueryBuilder::<Db>::new("SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL AND role = 'admin' AND workspace_id = ");
        qb.push_bind(workspace_id);
        let admins: i64 = qb.build().fetch_one(&mut *tx).await?.try_get(0)?;
        if admins == 0 {
            return Err(StoreError::Refused(
                "A workspace keeps at least one admin: make another person admin first",
            ));
        }
        tx.commit().await?;
        Ok(true)
    }

    pub(crate) async fn set_password(
        &self,
        user_id: &str,
        password_hash: &str,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("UPDATE users SET password_hash = ");
        qb.push_bind(password_hash)
            .push(" WHERE id = ")
            .push_bind(user_id);
        let changed = qb.build().execute(&mut *tx).await?.rows_affected();
        // a new password ends every session of the old one
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM web_sessions WHERE user_id = ");
        qb.push_bind(user_id);
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(changed > 0)
    }

    pub(crate) async fn create_session(
        &self,
        user_id: &str,
        token_hash: &[u8],
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new(
            "INSERT INTO web_sessions (token_hash, user_id, csrf_token, created_at, expires_at) ",
        );
        qb.push_values([()], |mut b, _| {
            b.push_bind(token_hash)
                .push_bind(user_id)
                .push_bind(csrf_token);
            b.push_bind(now_ms()).push_bind(expires_at);
        });
        qb.build().execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn session(&self, token_hash: &[u8]) -> Result<Option<Session>, StoreError> {
        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT {PERSON_COLUMNS}, s.csrf_token, s.expires_at FROM web_sessions s \
             JOIN users u ON u.id = s.user_id JOIN workspaces w ON w.id = u.workspace_id \
             WHERE u.password_hash IS NOT NULL AND s.token_hash = "
        ));
        qb.push_bind(token_hash)
            .push(" AND s.expires_at > ")
            .push_bind(now_ms());
        match qb.build().fetch_optional(&self.pool).await? {
            Some(r) => Ok(Some(Session {
                person: Self::person_from_row(&r)?,
                csrf_token: r.try_get("csrf_token")?,
                expires_at: r.try_get("expires_at")?,
            })),
            None => Ok(None),
        }
    }

    pub(crate) async fn end_session(&self, token_hash: &[u8]) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM web_sessions WHERE token_hash = ");
        qb.push_bind(token_hash);
        let gone = qb.build().execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(gone > 0)
    }

    pub(crate) async fn forget_expired_sessions(&self) -> Result<u64, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let mut qb = QueryBuilder::<Db>::new("DELETE FROM web_sessions WHERE expires_at <= ");
        qb.push_bind(now_ms());
        let gone = qb.build().execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(gone)
    }
}
