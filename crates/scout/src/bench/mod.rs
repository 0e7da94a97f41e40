//! `scout bench`: measured, repeatable figures for the issues' targets.

use std::time::Instant;

use anyhow::Context;
use serde_json::json;

use crate::cli::BenchCommand;
use crate::data::{import_paths, organizations_path, write_generated, ImportPlan};
use crate::stats::{peak_rss_bytes, summary};

mod duplicates;
mod fixtures;
mod prompts;
mod sourcing;
mod web;
mod writes;
use crate::config::Paths;
use crate::output;

pub async fn run(paths: &Paths, cmd: BenchCommand, as_json: bool) -> anyhow::Result<()> {
    match cmd {
        BenchCommand::Import { count, keep } => import(paths, count, keep, as_json).await,
        BenchCommand::Search { profiles, rounds } => search(paths, profiles, rounds, as_json).await,
        BenchCommand::Web { profiles, rounds } => web::run(paths, profiles, rounds, as_json).await,
        BenchCommand::Cvs { people, corpus } => crate::leads::bench(people, &corpus, as_json),
        BenchCommand::Duplicates { profiles, planted } => {
            duplicates::run(paths, profiles, planted, as_json).await
        }
        BenchCommand::Prompts { profiles, rounds } => {
            prompts::run(paths, profiles, rounds, as_json).await
        }
        BenchCommand::Sourcing {
            candidates,
            rounds,
            postgres_url,
        } => sourcing::run(candidates, rounds, postgres_url, as_json).await,
        BenchCommand::Writes {
            profiles,
            ops,
            concurrency,
            postgres_url,
        } => {
            let bench = writes::WritesBench {
                profiles,
                ops,
                concurrency,
                postgres_url,
            };
            writes::run(bench, as_json).await
        }
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
    let data_paths = paths.with_data_dir(root.join("data"));
    let started = Instant::now();
    let summary = import_paths(
        &data_paths,
        &[organizations_path(&input), input.clone()],
        ImportPlan::default(),
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
        "storeAndIndexSeconds": summary.seconds,
        "mergeSeconds": seconds - summary.seconds,
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
            "  of which reading, storing and indexing {:.1}s, merging the index into one segment {:.1}s",
            summary.seconds,
            seconds - summary.seconds
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

/// The committed benchmark requests.
const REQUESTS: &str = include_str!("../../bench/search_requests.json");

async fn search(paths: &Paths, profiles: u64, rounds: usize, as_json: bool) -> anyhow::Result<()> {
    let (store, engine) = fixtures::searchable(paths, profiles).await?;
    // SCOUT_BENCH_REQUESTS points at another requests file (for profiling one query).
    let custom = std::env::var("SCOUT_BENCH_REQUESTS").ok();
    let text = match &custom {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?
        }
        None => REQUESTS.to_owned(),
    };
    let file: serde_json::Value = serde_json::from_str(&text)?;
    let bodies: Vec<serde_json::Value> = file["requests"].as_array().cloned().unwrap_or_default();
    let requests: Vec<scout_query::SearchRequest> = bodies
        .iter()
        .map(|b| {
            scout_query::parse_search_request(b)
                .map_err(|e| anyhow::anyhow!("bad benchmark request: {e:?}"))
        })
        .collect::<anyhow::Result<_>>()?;

    // In process: engine search + fetching the 10 profiles from the store.
    let mut in_process = Vec::new();
    let mut engine_only = Vec::new();
    let mut fetching = Vec::new();
    let mut totals = Vec::new();
    let mut per_request = vec![0.0f64; requests.len()];
    // SCOUT_BENCH_THROUGHPUT_ONLY runs only the concurrency-4 run (for
    // profiling the HTTP path).
    let throughput_only = std::env::var_os("SCOUT_BENCH_THROUGHPUT_ONLY").is_some();
    let in_process_rounds = if throughput_only { 0 } else { rounds };
    for round in 0..=in_process_rounds {
        for (i, r) in requests.iter().enumerate() {
            let t = Instant::now();
            let res = engine.search(&r.filters, &scout_engine::SearchOptions::default())?;
            let searched = t.elapsed().as_secs_f64() * 1000.0;
            let ids: Vec<String> = res.hits.iter().map(|h| h.id.clone()).collect();
            let fetch_started = Instant::now();
            store.get_profiles(None, &ids).await?;
            if round > 0 {
                engine_only.push(searched);
                fetching.push(fetch_started.elapsed().as_secs_f64() * 1000.0);
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                in_process.push(ms);
                per_request[i] = per_request[i].max(ms);
            } else {
                totals.push(res.total);
            }
        }
    }
    // The engine again with the filter cache off: what a search costs the
    // first times its filters are seen.
    let mut uncached = Vec::new();
    let no_cache = scout_engine::SearchOptions {
        use_tier_cache: false,
        ..Default::default()
    };
    for _ in 0..in_process_rounds {
        for r in &requests {
            let t = Instant::now();
            engine.search(&r.filters, &no_cache)?;
            uncached.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let cache = engine.tier_cache_stats();
    let cache_report = json!({
        "hits": cache.hits,
        "misses": cache.misses,
        "entries": cache.entries,
        "bytes": cache.bytes,
    });
    // SCOUT_BENCH_IN_PROCESS_ONLY stops here (for profiling the engine alone).
    if std::env::var_os("SCOUT_BENCH_IN_PROCESS_ONLY").is_some() {
        println!(
            "{}",
            json!({"inProcessMs": summary(in_process), "engineOnlyMs": summary(engine_only), "engineUncachedMs": summary(uncached), "fetchMs": summary(fetching)})
        );
        return Ok(());
    }
    let mut slowest: Vec<usize> = (0..requests.len()).collect();
    slowest.sort_by(|&a, &b| per_request[b].total_cmp(&per_request[a]));
    let slowest: Vec<serde_json::Value> = slowest
        .iter()
        .take(10)
        .map(|&i| json!({"ms": per_request[i], "matches": totals.get(i), "request": bodies[i]}))
        .collect();

    // Over HTTP, through the real server.
    let (key, _) = fixtures::bench_key(&store, &["talents:search"]).await?;
    let state = scout_server::AppState::new(store.clone(), engine.clone());
    let (addr, server) = fixtures::serve_in_process(state).await?;
    let client = reqwest::Client::new();
    let url = format!("http://{addr}/v1/search/talents");
    let mut http = Vec::new();
    for round in 0..=in_process_rounds {
        for b in &bodies {
            let t = Instant::now();
            let res = client
                .post(&url)
                .header("x-api-key", &key)
                .json(b)
                .send()
                .await?;
            anyhow::ensure!(
                res.status().is_success(),
                "benchmark request failed: {}",
                res.status()
            );
            res.bytes().await?;
            if round > 0 {
                http.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }

    // Throughput at concurrency 4.
    let started = Instant::now();
    let mut tasks = Vec::new();
    // long enough (several seconds) that starting threads and warming
    // buffers do not weigh on the figure
    let per_worker = bodies.len() * 2 * rounds.max(1);
    for worker in 0..4usize {
        let (client, url, key, bodies) = (client.clone(), url.clone(), key.clone(), bodies.clone());
        tasks.push(tokio::spawn(async move {
            let mut done = 0u64;
            for i in 0..per_worker {
                let b = &bodies[(i + worker * 7) % bodies.len()];
                if let Ok(r) = client
                    .post(&url)
                    .header("x-api-key", &key)
                    .json(b)
                    .send()
                    .await
                {
                    if r.bytes().await.is_ok() {
                        done += 1;
                    }
                }
            }
            done
        }));
    }
    let mut done = 0;
    for t in tasks {
        done += t.await.unwrap_or(0);
    }
    let throughput = done as f64 / started.elapsed().as_secs_f64();
    if throughput_only {
        server.abort();
        println!("{}", json!({ "httpThroughputConcurrency4": throughput }));
        return Ok(());
    }

    // Cost of excluding 100 transactions: page 101 of a broad query against page 1.
    let broad = json!({"filters": [{"filterType": "LOCATION", "value": "United States", "isRequired": true}]});
    let mut first_page = Vec::new();
    let mut transactions: Vec<String> = Vec::new();
    for _ in 0..100 {
        let t = Instant::now();
        let body: serde_json::Value = client
            .post(&url)
            .header("x-api-key", &key)
            .json(
                &json!({"filters": broad["filters"], "relatedSearchTransactionIds": transactions}),
            )
            .send()
            .await?
            .json()
            .await?;
        if transactions.is_empty() {
            first_page.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        if let Some(id) = body["data"]["searchTransactionId"].as_str() {
            transactions.push(id.to_owned());
        }
    }
    let mut page_101 = Vec::new();
    // both pages take about a millisecond: enough pairs that the ratio of
    // their medians is not one scheduling hiccup
    for _ in 0..(rounds * 4).max(20) {
        let t = Instant::now();
        client
            .post(&url)
            .header("x-api-key", &key)
            .json(&broad)
            .send()
            .await?
            .bytes()
            .await?;
        first_page.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        client
            .post(&url)
            .header("x-api-key", &key)
            .json(
                &json!({"filters": broad["filters"], "relatedSearchTransactionIds": transactions}),
            )
            .send()
            .await?
            .bytes()
            .await?;
        page_101.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    server.abort();
    let (p1, p101) = (summary(first_page), summary(page_101));
    let ratio = p101["p50"].as_f64().unwrap_or(0.0) / p1["p50"].as_f64().unwrap_or(1.0).max(1e-9);
    totals.sort_unstable();
    let report = json!({
        "profiles": store.count_profiles().await?,
        "requests": bodies.len(),
        "medianMatches": totals.get(totals.len() / 2),
        "inProcessMs": summary(in_process),
        "engineOnlyMs": summary(engine_only),
        "fetchMs": summary(fetching),
        "engineWithoutFilterCacheMs": summary(uncached),
        "filterCache": cache_report,
        "httpMs": summary(http),
        "httpThroughputConcurrency4": throughput,
        "firstPageMs": p1,
        "pageExcluding100TransactionsMs": p101,
        "exclusionCostRatio": ratio,
        "slowestInProcess": slowest,
        "peakRssBytes": peak_rss_bytes(),
    });
    if as_json {
        output::json(&report)?;
    } else {
        let line = |name: &str, v: &serde_json::Value| {
            println!(
                "{name:<34} p50 {:>7.2} ms  p95 {:>7.2} ms  p99 {:>7.2} ms  (n={})",
                v["p50"].as_f64().unwrap_or(0.0),
                v["p95"].as_f64().unwrap_or(0.0),
                v["p99"].as_f64().unwrap_or(0.0),
                v["n"]
            );
        };
        println!(
            "{} profiles, {} requests, median {} matches",
            report["profiles"],
            bodies.len(),
            report["medianMatches"]
        );
        line("in process (search + fetch)", &report["inProcessMs"]);
        line("  of which the engine's search", &report["engineOnlyMs"]);
        line("  of which fetching 10 profiles", &report["fetchMs"]);
        line(
            "engine, filter cache off",
            &report["engineWithoutFilterCacheMs"],
        );
        println!(
            "{:<34} {} hits, {} misses, {} tiers, {:.1} MiB",
            "filter cache (in-process runs)",
            cache.hits,
            cache.misses,
            cache.entries,
            cache.bytes as f64 / 1048576.0
        );
        line("over HTTP", &report["httpMs"]);
        println!(
            "{:<34} {throughput:.0} searches/s",
            "HTTP throughput, concurrency 4"
        );
        line("first page", &report["firstPageMs"]);
        line(
            "page excluding 100 transactions",
            &report["pageExcluding100TransactionsMs"],
        );
        println!("{:<34} {ratio:.2}x", "exclusion cost");
        if let Some(rss) = peak_rss_bytes() {
            println!("{:<34} {:.0} MiB", "peak RSS", rss as f64 / 1048576.0);
        }
    }
    Ok(())
}
