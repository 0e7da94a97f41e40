//! Migrations applied to data written under the earlier schema: leads that
//! were shared by several workspaces (one lead per file) become one lead per
//! workspace, each keeping only its own roles, conversion, duplicates and
//! history. Run on SQLite and PostgreSQL.

use std::path::{Path, PathBuf};

use scout_store::testing::PgServer;
use scout_store::Store;
use sqlx::migrate::Migrator;
use sqlx::Executor;

/// A folder with the back end's migrations up to `last` only.
fn migrations_up_to(backend: &str, last: i64) -> tempfile::TempDir {
    let all = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(all).unwrap() {
        let path: PathBuf = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let version: i64 = name.split('_').next().unwrap().parse().unwrap();
        if version <= last {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    dir
}

/// Lead `pc_1` (file h1) uploaded by ws_a, then linked by ws_b; each linked
/// it to a role of its own; ws_a converted it. Lead `pc_2` (file h2) of
/// ws_b only, recorded as a duplicate of `pc_1`.
const LEGACY: &[&str] = &[
    "INSERT INTO lead_files (hash, kind, size, content, created_at) VALUES ('h1', 'pdf', 2, 'h1', 1), ('h2', 'text', 2, 'h2', 1)",
    "INSERT INTO leads (id, file_hash, file_name, status, skills, parsed, email, duplicate_of, candidate_id, created_at, updated_at) VALUES \
     ('pc_1', 'h1', 'acme-secret.pdf', 'converted', '[]', '{}', 'sam@example.com', NULL, 'cand_a', 10, 50), \
     ('pc_2', 'h2', 'globex.txt', 'parsed', '[]', '{}', 'sam@example.com', 'pc_1', NULL, 30, 30)",
    "INSERT INTO lead_organizations (lead_id, workspace_id, status, created_at) VALUES \
     ('pc_1', 'ws_a', 'Pool', 10), ('pc_1', 'ws_b', 'Pool', 20), ('pc_2', 'ws_b', 'Pool', 30)",
    "INSERT INTO lead_roles (lead_id, role_id, workspace_id, status, resume_fit_score, overall_fit_score, screening, candidate_id, created_at, updated_at) VALUES \
     ('pc_1', 'role_a', 'ws_a', 'Converted', 71, 88, '{\"overallFitScore\":88}', 'cand_a', 10, 50), \
     ('pc_1', 'role_b', 'ws_b', 'Assigned', 40, -1, NULL, NULL, 20, 20)",
    "INSERT INTO lead_events (lead_id, at, kind, detail) VALUES \
     ('pc_1', 10, 'uploaded', '{\"fileName\":\"acme-secret.pdf\",\"organizationId\":\"ws_a\"}'), \
     ('pc_1', 11, 'parsed', '{\"duplicateOf\":null}'), \
     ('pc_1', 12, 'role', '{\"roleId\":\"role_a\",\"resumeFitScore\":71}'), \
     ('pc_1', 20, 'linked', '{\"organizationId\":\"ws_b\",\"by\":\"usr_b\"}'), \
     ('pc_1', 21, 'role', '{\"roleId\":\"role_b\",\"resumeFitScore\":40}'), \
     ('pc_1', 50, 'converted', '{\"roleId\":\"role_a\",\"candidateId\":\"cand_a\"}'), \
     ('pc_2', 30, 'uploaded', '{\"fileName\":\"globex.txt\",\"organizationId\":\"ws_b\"}')",
];

/// Applies `backend`'s migrations up to 0006 to `pool`, writes [`LEGACY`]
/// and closes it.
async fn write_legacy<DB: sqlx::Database>(pool: &sqlx::Pool<DB>, backend: &str)
where
    DB::Connection: sqlx::migrate::Migrate,
    for<'c> &'c sqlx::Pool<DB>: sqlx::Executor<'c, Database = DB>,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
{
    let old = migrations_up_to(backend, 6);
    Migrator::new(old.path())
        .await
        .unwrap()
        .run(pool)
        .await
        .unwrap();
    for statement in LEGACY {
        pool.execute(*statement).await.unwrap();
    }
    pool.close().await;
}

async fn check_split(store: &Store) {
    let a = store.get_lead(Some("ws_a"), "pc_1").await.unwrap().unwrap();
    assert_eq!(
        (a.status.as_str(), a.candidate_id.as_deref()),
        ("converted", Some("cand_a"))
    );
    assert_eq!(a.file_name, "acme-secret.pdf");
    assert_eq!(a.roles.len(), 1);
    assert_eq!(
        (a.roles[0].role_id.as_str(), a.roles[0].overall_fit_score),
        ("role_a", 88)
    );
    let kinds: Vec<String> = store
        .lead_history("pc_1")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["uploaded", "parsed", "role", "converted"]);

    assert_eq!(store.get_lead(Some("ws_b"), "pc_1").await.unwrap(), None);
    let b = store
        .get_lead(Some("ws_b"), "pc_1_ws_b")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (b.status.as_str(), b.candidate_id.as_deref()),
        ("parsed", None)
    );
    assert_eq!(b.file_name, "cv.pdf", "ws_a's file name is not ws_b's");
    assert_eq!(b.created_at, 20);
    assert_eq!(b.roles.len(), 1);
    assert_eq!(b.roles[0].role_id, "role_b");
    let history = store.lead_history("pc_1_ws_b").await.unwrap();
    let text = format!("{history:?}");
    assert!(
        !text.contains("ws_a") && !text.contains("acme") && !text.contains("role_a"),
        "{text}"
    );
    let kinds: Vec<&str> = history.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["uploaded", "role"]);

    let dup = store.get_lead(Some("ws_b"), "pc_2").await.unwrap().unwrap();
    assert_eq!(
        dup.duplicate_of.as_deref(),
        Some("pc_1_ws_b"),
        "a duplicate of ws_b's own lead"
    );
    let (all, total) = store
        .list_leads(&scout_store::LeadQuery {
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((all.len(), total), (3, 3));
    assert_eq!(
        store.lead_file("h1").await.unwrap().map(|f| f.1),
        Some(b"h1".to_vec())
    );
}

#[tokio::test]
async fn shared_leads_split_per_workspace_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scout.db");
    {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .foreign_keys(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        write_legacy(&pool, "sqlite").await;
    }
    let store = Store::open(&path.to_string_lossy()).await.unwrap();
    check_split(&store).await;
}

#[tokio::test]
async fn shared_leads_split_per_workspace_on_postgres() {
    let server =
        PgServer::start().unwrap_or_else(|e| panic!("PostgreSQL is required for this test: {e}"));
    let url = server.fresh_database().await.unwrap();
    {
        let pool = sqlx::PgPool::connect(&url).await.unwrap();
        write_legacy(&pool, "postgres").await;
    }
    let store = Store::open(&url).await.unwrap();
    check_split(&store).await;
}
