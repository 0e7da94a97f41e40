//! `scout bench`: measured, repeatable figures for the issues' targets.

use std::time::Instant;

use anyhow::Context;
use serde_json::json;

use crate::cli::BenchCommand;
use crate::commands::{import_paths, organizations_path, write_generated};
use crate::config::Paths;
use crate::output;

/// Peak resident set size of this process, in bytes (Linux).
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

pub async fn run(paths: &Paths, cmd: BenchCommand, as_json: bool) -> anyhow::Result<()> {
    match cmd {
        BenchCommand::Import { count, keep } => import(paths, count, keep, as_json).await,
    }
}

async fn import(paths: &Paths, count: u64, keep: bool, as_json: bool) -> anyhow::Result<()> {
    let tmp;
    let root = if keep {
        paths.data.join("bench-import")
    } else {
        tmp = tempfile::tempdir().context("cannot create a temporary directory")?;
        tmp.path().to_path_buf()
    };
    if root.exists() {
        std::fs::remove_dir_all(&root).ok();
    }
    let input = root.join("profiles.jsonl");
    let gen = write_generated(count, 42, &input, None)?;
    let gen_rate = count as f64 / gen.seconds.max(1e-9);
    let data_paths = Paths {
        data: root.join("data"),
        store_url: format!("sqlite://{}", root.join("data").join("scout.db").display()),
        index_dir: root.join("data").join("index"),
        rejects_dir: root.join("data").join("rejects"),
    };
    let started = Instant::now();
    let summary = import_paths(
        &data_paths,
        &[organizations_path(&input), input.clone()],
        None,
        5000,
        true,
    )
    .await?;
    let seconds = started.elapsed().as_secs_f64();
    let store = data_paths.open_store().await?;
    let store_bytes = store.size_on_disk().await?;
    let index_bytes = scout_engine::Engine::size_on_disk(&data_paths.index_dir);
    let input_bytes = std::fs::metadata(&input).map(|m| m.len()).unwrap_or(0);
    let per = |b: u64| b as f64 / count.max(1) as f64;
    let report = json!({
        "profiles": count,
        "generationPerSecond": gen_rate,
        "importSeconds": seconds,
        "importPerSecond": count as f64 / seconds.max(1e-9),
        "rejected": summary.rejected,
        "inputBytesPerProfile": per(input_bytes),
        "storeBytesPerProfile": per(store_bytes),
        "indexBytesPerProfile": per(index_bytes),
        "totalBytesPerProfile": per(store_bytes + index_bytes),
        "peakRssBytes": peak_rss_bytes(),
    });
    if as_json {
        output::json(&report)?;
    } else {
        println!(
            "generation: {gen_rate:.0} profiles/s ({:.1} KiB JSON each)",
            per(input_bytes) / 1024.0
        );
        println!(
            "import (store + index, end to end): {:.0} profiles/s, {seconds:.1}s for {count}",
            count as f64 / seconds
        );
        println!(
            "on disk per profile: store {:.0} B + index {:.0} B = {:.2} KiB",
            per(store_bytes),
            per(index_bytes),
            per(store_bytes + index_bytes) / 1024.0
        );
        if let Some(rss) = peak_rss_bytes() {
            println!("peak RSS: {:.0} MiB", rss as f64 / 1048576.0);
        }
    }
    Ok(())
}
