//! The store's SQL compiled for SQLite. Each statements file is written
//! once and is the body of a module here and in `postgres.rs`: `Db` names
//! the database and `Store` the store, so one text serves both back ends
//! and stays plain Rust (rustfmt and clippy see it, unlike a macro's
//! body). What truly differs — connecting, migrations, a writer's turn —
//! is in `backend.rs`.

type Db = sqlx::Sqlite;
type Store = crate::backend::SqliteStore;
/// The column type of bytes.
const BLOB: &str = "BLOB";

#[allow(clippy::duplicate_mod)]
#[path = "data_rights_sql/statements.rs"]
mod data_rights;
#[allow(clippy::duplicate_mod)]
#[path = "duplicates_sql/statements.rs"]
mod duplicates;
#[allow(clippy::duplicate_mod)]
#[path = "leads_sql/statements.rs"]
mod leads;
#[allow(clippy::duplicate_mod)]
#[path = "people_sql/statements.rs"]
mod people;
#[allow(clippy::duplicate_mod)]
#[path = "pipeline_sql/statements.rs"]
mod pipeline;
#[allow(clippy::duplicate_mod)]
#[path = "backend/statements.rs"]
mod records;
#[allow(clippy::duplicate_mod)]
#[path = "searches_sql/statements.rs"]
mod searches;
