//! What the benchmarks run on: the benchmark data set (generated and
//! imported once, then reused) and a PostgreSQL database.

use crate::config::Paths;
use crate::data::{import_paths, organizations_path, write_generated};

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
pub(crate) async fn bench_data(paths: &Paths, profiles: u64) -> anyhow::Result<Paths> {
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
            None,
            5000,
            false,
        )
        .await?;
        std::fs::remove_file(&input).ok();
        std::fs::remove_file(organizations_path(&input)).ok();
    }
    Ok(data)
}
