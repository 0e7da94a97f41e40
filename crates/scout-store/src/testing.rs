//! Throwaway PostgreSQL servers for tests.
//!
//! [`PgServer::start`] runs `initdb` and `pg_ctl` from Debian's `postgresql`
//! package on a random loopback port in a temporary directory (as the
//! `postgres` user when running as root, since PostgreSQL refuses root) and
//! stops and removes it on drop. Set `SCOUT_TEST_PG_URL` to use an existing
//! server instead. Tests that need PostgreSQL fail when none can be had:
//! they never skip silently.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

/// A running throwaway server (or an external one named by `SCOUT_TEST_PG_URL`).
pub struct PgServer {
    base_url: String,
    owned: Option<(PathBuf, PathBuf)>,
}

static NEXT_DB: AtomicU32 = AtomicU32::new(0);

fn find_bin_dir() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return Some(dir);
            }
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").is_file())
        .collect();
    versions.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}

fn run(as_postgres: bool, program: &Path, args: &[&str]) -> Result<(), String> {
    let mut cmd = if as_postgres {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    let out = cmd
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} failed: {}{}",
            program.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

impl PgServer {
    /// Starts a server, or connects to `SCOUT_TEST_PG_URL`.
    pub fn start() -> Result<PgServer, String> {
        if let Ok(url) = std::env::var("SCOUT_TEST_PG_URL") {
            return Ok(PgServer {
                base_url: url.trim_end_matches('/').to_owned(),
                owned: None,
            });
        }
        let bin = find_bin_dir()
            .ok_or("PostgreSQL's initdb was not found (install Debian's `postgresql` package or set SCOUT_TEST_PG_URL)")?;
        let dir = std::env::temp_dir().join(format!(
            "scout-pg-{}-{}",
            std::process::id(),
            NEXT_DB.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let as_postgres = is_root();
        if as_postgres {
            run(
                false,
                Path::new("chown"),
                &["postgres:postgres", &dir.to_string_lossy()],
            )?;
        }
        let data = dir.join("data");
        let data_s = data.to_string_lossy().into_owned();
        run(
            as_postgres,
            &bin.join("initdb"),
            &[
                "-D",
                &data_s,
                "-A",
                "trust",
                "-U",
                "scout",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        )?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let opts = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            dir.display()
        );
        let log = dir.join("server.log").to_string_lossy().into_owned();
        run(
            as_postgres,
            &bin.join("pg_ctl"),
            &[
                "-D", &data_s, "-o", &opts, "-l", &log, "-w", "-t", "60", "start",
            ],
        )?;
        Ok(PgServer {
            base_url: format!("postgres://scout@127.0.0.1:{port}"),
            owned: Some((dir, bin)),
        })
    }

    /// One of PostgreSQL's programs (`pg_dump`, `pg_restore`) of the same
    /// version as this server, else the one on the `PATH`.
    pub fn program(&self, name: &str) -> std::path::PathBuf {
        self.owned
            .as_ref()
            .map(|(_, bin)| bin.join(name))
            .filter(|p| p.is_file())
            .unwrap_or_else(|| name.into())
    }

    /// Creates a fresh, empty database and returns its URL.
    pub async fn fresh_database(&self) -> Result<String, String> {
        use sqlx::Connection;
        let name = format!(
            "scout_test_{}_{}",
            std::process::id(),
            NEXT_DB.fetch_add(1, Ordering::SeqCst)
        );
        let mut conn = sqlx::PgConnection::connect(&format!("{}/postgres", self.base_url))
            .await
            .map_err(|e| format!("cannot connect to the test server: {e}"))?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
        Ok(format!("{}/{name}", self.base_url))
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        if let Some((dir, bin)) = self.owned.take() {
            let data = dir.join("data").to_string_lossy().into_owned();
            let _ = run(
                is_root(),
                &bin.join("pg_ctl"),
                &["-D", &data, "-m", "immediate", "-w", "stop"],
            );
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

/// Damages a candidate's stored row so that reading it fails (an unknown
/// stage), for tests of how failures are reported. Tests only.
pub async fn corrupt_candidate(
    store: &crate::Store,
    candidate_id: &str,
) -> Result<(), crate::StoreError> {
    let statement = "UPDATE candidates SET stage = 'NO_SUCH_STAGE' WHERE id = ";
    match store {
        crate::Store::Sqlite(s) => {
            let mut qb = sqlx::QueryBuilder::<sqlx::Sqlite>::new(statement);
            qb.push_bind(candidate_id);
            qb.build().execute(&s.pool).await?;
        }
        crate::Store::Postgres(s) => {
            let mut qb = sqlx::QueryBuilder::<sqlx::Postgres>::new(statement);
            qb.push_bind(candidate_id);
            qb.build().execute(&s.pool).await?;
        }
    }
    Ok(())
}
