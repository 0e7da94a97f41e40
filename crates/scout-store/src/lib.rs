//! The system of record over sqlx: SQLite and PostgreSQL behind one trait.
