//! `scout bench writes`: pipeline writes over HTTP from 1, 2, 4 and 8
//! concurrent clients while two others search, on SQLite and PostgreSQL.
//! Reports writes per second, latency percentiles and every answer that was
//! not a success: the hardening issue's target is no error at any level.
//!
//! Each client runs the same mix a recruiting team produces: adding a
//! talent to one of a few sourcings, a note, a status and rating change, and
//! creating a sourcing, in turn. Clients share the sourcings and candidates
//! on purpose, so that writers contend for the same rows.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use reqwest::Method;
use scout_ingest::generate::Generator;
use scout_store::Store;
use serde_json::{json, Value};

use crate::output;
use crate::stats::{peak_rss_bytes, summary};

/// Sourcings the "add a talent" writes are spread over.
const SHARED_SOURCINGS: usize = 4;
/// Candidates the notes and status changes are spread over.
const SHARED_CANDIDATES: usize = 8;
/// Searching clients beside the writers.
const SEARCHERS: usize = 2;
/// The kinds of write in the mix, in the order each client takes them.
const KINDS: [&str; 4] = ["add candidate", "note", "status", "create sourcing"];

/// One benchmark's settings.
#[derive(Debug, Clone)]
pub struct WritesBench {
    pub profiles: u64,
    pub ops: usize,
    pub concurrency: Vec<usize>,
    pub postgres_url: Option<String>,
}

/// What the writers share: the server, the key and the rows they contend for.
struct Target {
    base: String,
    key: String,
    sourcings: Vec<String>,
    candidates: Vec<(String, String)>,
    talent_ids: Vec<String>,
    /// Next talent to add (each added once across the whole run).
    next_talent: AtomicUsize,
}

impl Target {
    /// The `i`-th write of the mix.
    fn request(&self, i: usize) -> (Method, String, Value) {
        match i % KINDS.len() {
            0 => {
                let t = self.next_talent.fetch_add(1, Ordering::Relaxed);
                let talent = &self.talent_ids[t % self.talent_ids.len()];
                let sourcing = &self.sourcings[i / KINDS.len() % self.sourcings.len()];
                (
                    Method::POST,
                    format!("/v1/sourcings/{sourcing}/candidates"),
                    json!({"talentIds": [talent]}),
                )
            }
            1 => {
                let (s, c) = &self.candidates[i % self.candidates.len()];
                (
                    Method::POST,
                    format!("/v1/sourcings/{s}/candidates/{c}/notes"),
                    json!({"text": format!("Called, follow up ({i})")}),
                )
            }
            2 => {
                let (s, c) = &self.candidates[i % self.candidates.len()];
                let statuses = ["CONTACTED", "APPLIED", "INTERVIEW", "TO_BE_CONTACTED"];
                (
                    Method::PATCH,
                    format!("/v1/sourcings/{s}/candidates/{c}"),
                    json!({"statusHandle": statuses[i / KINDS.len() % statuses.len()], "userRating": 1 + i % 5}),
                )
            }
            _ => (
                Method::POST,
                "/v1/sourcings".into(),
                json!({"title": format!("Bench role {i}")}),
            ),
        }
    }
}

/// One answered write: its kind, latency and status.
struct Answer {
    kind: usize,
    ms: f64,
    status: u16,
}

async fn send(
    client: &reqwest::Client,
    target: &Target,
    method: Method,
    path: &str,
    body: &Value,
) -> anyhow::Result<(u16, Value)> {
    let mut req = client
        .request(method, format!("{}{path}", target.base))
        .header("x-api-key", &target.key);
    if !body.is_null() {
        req = req.json(body);
    }
    let res = req.send().await?;
    let status = res.status().as_u16();
    Ok((status, res.json().await.unwrap_or(Value::Null)))
}

/// A store with `profiles` generated profiles, an index of them, a server
/// on a random port and the shared sourcings and candidates.
async fn prepare(
    store: Store,
    profiles: u64,
) -> anyhow::Result<(Target, tokio::task::JoinHandle<std::io::Result<()>>)> {
    let generator = Generator::new(11, profiles as usize);
    let talents: Vec<_> = (0..profiles).map(|i| generator.profile(i)).collect();
    store
        .upsert_organizations(generator.organizations(), "bench")
        .await?;
    for chunk in talents.chunks(5000) {
        store.upsert_profiles(chunk, "bench", None).await?;
    }
    let engine = Arc::new(scout_engine::Engine::in_memory());
    {
        let mut writer =
            engine.writer(usize::from(crate::config::DEFAULT_WRITER_MEMORY_MB) * 1024 * 1024)?;
        scout_ingest::sync::load_organizations(&store, &mut writer).await?;
        scout_ingest::sync::catch_up(&store, &mut writer, &|_, _| {}).await?;
    }
    engine.reload()?;
    let (key, _) = super::fixtures::bench_key(
        &store,
        &["sourcing:read", "sourcing:write", "talents:search"],
    )
    .await?;
    let state = scout_server::AppState::new(store, engine);
    let (addr, server) = super::fixtures::serve_in_process(state).await?;
    let mut target = Target {
        base: format!("http://{addr}"),
        key,
        sourcings: Vec::new(),
        candidates: Vec::new(),
        talent_ids: talents.iter().map(|t| t.id.clone()).collect(),
        next_talent: AtomicUsize::new(0),
    };
    let client = reqwest::Client::new();
    for n in 0..SHARED_SOURCINGS {
        let body = json!({"title": format!("Shared role {n}")});
        let (status, created) =
            send(&client, &target, Method::POST, "/v1/sourcings", &body).await?;
        anyhow::ensure!(
            status == 201,
            "cannot create a sourcing: {status} {created}"
        );
        let id = created["data"]["sourcing"]["id"]
            .as_str()
            .context("a created sourcing has an id")?;
        target.sourcings.push(id.to_owned());
    }
    // The contended candidates: the last talents, so that adds never repeat them.
    let first = &target.sourcings[0];
    let reserved: Vec<String> = target
        .talent_ids
        .split_off(target.talent_ids.len().saturating_sub(SHARED_CANDIDATES));
    let path = format!("/v1/sourcings/{first}/candidates");
    let (status, added) = send(
        &client,
        &target,
        Method::POST,
        &path,
        &json!({"talentIds": reserved}),
    )
    .await?;
    anyhow::ensure!(status < 300, "cannot add candidates: {status} {added}");
    let (status, listed) = send(
        &client,
        &target,
        Method::GET,
        &format!("{path}?pageSize=50&statusHandle=TO_BE_CONTACTED"),
        &Value::Null,
    )
    .await?;
    anyhow::ensure!(status == 200, "cannot list candidates: {status} {listed}");
    for row in listed["data"]["candidates"]
        .as_array()
        .into_iter()
        .flatten()
    {
        if let Some(id) = row["candidate"]["id"].as_str() {
            target.candidates.push((first.clone(), id.to_owned()));
        }
    }
    anyhow::ensure!(
        target.candidates.len() == SHARED_CANDIDATES,
        "expected {SHARED_CANDIDATES} candidates, found {}",
        target.candidates.len()
    );
    Ok((target, server))
}

/// Two clients searching until `stop`; returns their latencies and failures.
fn searchers(
    target: &Arc<Target>,
    stop: &Arc<AtomicBool>,
) -> Vec<tokio::task::JoinHandle<(Vec<f64>, usize)>> {
    (0..SEARCHERS)
        .map(|_| {
            let (target, stop) = (target.clone(), stop.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                let body = json!({"filters": [
                    {"filterType": "JOB_TITLE", "value": "Software Engineer"},
                    {"filterType": "LOCATION", "value": "United States"}
                ]});
                let (mut ms, mut failed) = (Vec::new(), 0);
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    match send(&client, &target, Method::POST, "/v1/search/talents", &body).await {
                        Ok((200, _)) => ms.push(t.elapsed().as_secs_f64() * 1000.0),
                        _ => failed += 1,
                    }
                }
                (ms, failed)
            })
        })
        .collect()
}

/// `ops` writes from `clients` clients at once; the level's report.
async fn level(target: &Arc<Target>, clients: usize, ops: usize) -> anyhow::Result<Value> {
    let stop = Arc::new(AtomicBool::new(false));
    let search = searchers(target, &stop);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (target, next) = (target.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut answers = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= ops {
                    break;
                }
                let (method, path, body) = target.request(i);
                let t = Instant::now();
                let status = match send(&client, &target, method, &path, &body).await {
                    Ok((status, _)) => status,
                    Err(_) => 0,
                };
                answers.push(Answer {
                    kind: i % KINDS.len(),
                    ms: t.elapsed().as_secs_f64() * 1000.0,
                    status,
                });
            }
            answers
        }));
    }
    let mut answers = Vec::new();
    for t in tasks {
        answers.extend(t.await?);
    }
    let seconds = started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let (mut search_ms, mut search_failed) = (Vec::new(), 0);
    for s in search {
        let (ms, failed) = s.await?;
        search_ms.extend(ms);
        search_failed += failed;
    }
    let mut errors: std::collections::BTreeMap<u16, usize> = Default::default();
    for a in answers.iter().filter(|a| !(200..300).contains(&a.status)) {
        *errors.entry(a.status).or_default() += 1;
    }
    let by_kind: Vec<Value> = KINDS
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let ms = answers
                .iter()
                .filter(|a| a.kind == k)
                .map(|a| a.ms)
                .collect();
            json!({"kind": name, "ms": summary(ms)})
        })
        .collect();
    Ok(json!({
        "clients": clients,
        "writes": answers.len(),
        "seconds": seconds,
        "writesPerSecond": answers.len() as f64 / seconds.max(1e-9),
        "ms": summary(answers.iter().map(|a| a.ms).collect()),
        "errors": errors.iter().map(|(s, n)| json!({"status": s, "count": n})).collect::<Vec<_>>(),
        "byKind": by_kind,
        "searchesBeside": {"ms": summary(search_ms), "failed": search_failed},
    }))
}

async fn one_backend(store: Store, bench: &WritesBench) -> anyhow::Result<Value> {
    let backend = store.backend_name();
    let (target, server) = prepare(store, bench.profiles).await?;
    let target = Arc::new(target);
    let mut levels = Vec::new();
    for &clients in &bench.concurrency {
        levels.push(level(&target, clients.max(1), bench.ops).await?);
    }
    server.abort();
    Ok(json!({"backend": backend, "levels": levels}))
}

pub async fn run(bench: WritesBench, as_json: bool) -> anyhow::Result<()> {
    let needed = bench.ops.div_ceil(KINDS.len()) * bench.concurrency.len() + SHARED_CANDIDATES;
    anyhow::ensure!(
        bench.profiles as usize >= needed,
        "--profiles must be at least {needed} so that every added talent is new"
    );
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    let sqlite = Store::open(&dir.path().join("scout.db").to_string_lossy()).await?;
    let mut reports = vec![one_backend(sqlite, &bench).await?];
    let postgres = super::fixtures::postgres_database(bench.postgres_url.clone()).await?;
    if let Some((url, _server)) = postgres {
        reports.push(one_backend(Store::open(&url).await?, &bench).await?);
    }
    if as_json {
        return output::json(&json!({"backends": reports, "peakRssBytes": peak_rss_bytes()}));
    }
    for r in &reports {
        println!(
            "{} ({} writes per level, {SEARCHERS} clients searching beside)",
            r["backend"].as_str().unwrap_or("?"),
            bench.ops
        );
        println!("  clients  writes/s   p50 ms   p99 ms   max ms  errors  search p99 ms");
        for l in r["levels"].as_array().into_iter().flatten() {
            let errors: u64 = l["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["count"].as_u64())
                .sum();
            println!(
                "  {:>7} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>7} {:>14.2}",
                l["clients"].as_u64().unwrap_or(0),
                l["writesPerSecond"].as_f64().unwrap_or(0.0),
                l["ms"]["p50"].as_f64().unwrap_or(0.0),
                l["ms"]["p99"].as_f64().unwrap_or(0.0),
                l["ms"]["max"].as_f64().unwrap_or(0.0),
                errors,
                l["searchesBeside"]["ms"]["p99"].as_f64().unwrap_or(0.0),
            );
        }
    }
    Ok(())
}
