//! What the benchmarks run on: the benchmark data set (generated and
//! imported once, then reused) and a PostgreSQL database.

use crate::config::Paths;
use crate::data::{import_paths, organizations_path, write_generated, ImportPlan};

/// The PostgreSQL database a benchmark measures: the given one, or a fresh
/// database on a throwaway server when PostgreSQL's binaries are installed
/// (kept running while the returned server lives), or none, said on stderr.
pub(crate) async fn postgres_database(
    given: Option<String>,
) -> anyhow::Result<Option<(String, Option<scout_store::testing::PgServer>)>> {
    if let Some(url) = given {
        return Ok(Some((url, None)));
    }
    match scout_store::testing::PgServer::start() {
        Ok(server) => {
            let url = server.fresh_database().await.map_err(anyhow::Error::msg)?;
            Ok(Some((url, Some(server))))
        }
        Err(e) => {
            eprintln!("postgres: skipped ({e}); pass --postgres-url to measure it");
            Ok(None)
        }
    }
}

/// A data directory holding `profiles` generated profiles, built once.
async fn bench_data(paths: &Paths, profiles: u64) -> anyhow::Result<Paths> {
    let root = paths.data.join(format!("bench-{profiles}"));
    let data = paths.with_data_dir(root.join("data"));
    let have = data.open_store().await?.count_profiles().await? as u64;
    if have < profiles {
        eprintln!(
            "building the benchmark data set: {profiles} profiles in {}",
            root.display()
        );
        let input = root.join("profiles.jsonl.gz");
        write_generated(profiles, 42, &input, None)?;
        import_paths(
            &data,
            &[organizations_path(&input), input.clone()],
            ImportPlan::default(),
            false,
        )
        .await?;
        std::fs::remove_file(&input).ok();
        std::fs::remove_file(organizations_path(&input)).ok();
    }
    Ok(data)
}

/// The benchmark data set's store and index, the index caught up with the
/// store and merged when it had to be rebuilt (another version's index is
/// rebuilt into many segments), so nothing is measured half-built.
pub(crate) async fn searchable(
    paths: &Paths,
    profiles: u64,
) -> anyhow::Result<(scout_store::Store, std::sync::Arc<scout_engine::Engine>)> {
    let data = bench_data(paths, profiles).await?;
    let store = data.open_store().await?;
    let engine = std::sync::Arc::new(data.open_engine()?);
    let mut w = engine.writer(paths.writer_budget)?;
    scout_ingest::sync::load_organizations(&store, &mut w).await?;
    let applied = scout_ingest::sync::catch_up(&store, &mut w, &|_, _| {}).await?;
    if applied > 0 {
        w.optimize()?;
    } else {
        drop(w);
    }
    engine.reload()?;
    Ok((store, engine))
}

/// An API key of the benchmarks' workspace with `scopes` and no limit a
/// benchmark could reach: the key and its record.
pub(crate) async fn bench_key(
    store: &scout_store::Store,
    scopes: &[&str],
) -> anyhow::Result<(String, scout_store::ApiKey)> {
    let new = scout_store::NewKey {
        workspace: "bench".into(),
        user: "bench".into(),
        is_admin: false,
        scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
        per_minute: i64::MAX / 2,
        per_day: i64::MAX / 2,
    };
    Ok(store.create_key(&new).await?)
}

/// The real server on a loopback port in this process: its address, and
/// its task (abort it to stop the server).
pub(crate) async fn serve_in_process(
    state: scout_server::AppState,
) -> anyhow::Result<(
    std::net::SocketAddr,
    tokio::task::JoinHandle<std::io::Result<()>>,
)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(scout_server::serve(listener, state, std::future::pending()));
    Ok((addr, server))
}
