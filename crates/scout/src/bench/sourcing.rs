//! `scout bench sourcing`: a sourcing with N candidates (10,000 by default)
//! on each back end, listed over HTTP through the real server with a status
//! filter, a text search, location filters and every sort field.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use scout_ingest::generate::Generator;
use scout_model::{CandidateType, Stage};
use scout_store::{CandidateChange, NewCandidate, NewSourcing, Store};
use serde_json::json;

use crate::output;
use crate::stats::{peak_rss_bytes, summary};

/// The stages candidates are spread over (weights follow a typical funnel).
const FUNNEL: [(Stage, u64); 8] = [
    (Stage::ToBeContacted, 40),
    (Stage::Contacted, 20),
    (Stage::Replied, 10),
    (Stage::Interested, 8),
    (Stage::Screening, 6),
    (Stage::Interview, 4),
    (Stage::Offer, 2),
    (Stage::NotRetained, 10),
];

fn stage_for(i: u64) -> Stage {
    let total: u64 = FUNNEL.iter().map(|(_, w)| w).sum();
    let mut x = (i.wrapping_mul(2_654_435_761)) % total;
    for (s, w) in FUNNEL {
        if x < w {
            return s;
        }
        x -= w;
    }
    Stage::ToBeContacted
}

/// The queries measured, as query strings.
fn queries(sample_name: &str, sample_city: &str) -> Vec<(String, String)> {
    let mut q = vec![
        (
            "default (all but NOT_RETAINED, newest first)".to_owned(),
            String::new(),
        ),
        (
            "statusHandle=CONTACTED".into(),
            "statusHandle=CONTACTED".into(),
        ),
        (
            "statusHandle ×3".into(),
            "statusHandle=INTERESTED&statusHandle=SCREENING&statusHandle=INTERVIEW".into(),
        ),
        (
            format!("search={sample_name}"),
            format!("search={sample_name}"),
        ),
        ("search=engineer".into(), "search=engineer".into()),
        (
            format!("location={sample_city}"),
            format!("location={sample_city}"),
        ),
        (
            "deep page (pageIndex=150)".into(),
            "pageIndex=150&pageSize=50".into(),
        ),
    ];
    for field in scout_store::CandidateSort::NAMES {
        for order in ["asc", "desc"] {
            q.push((
                format!("sortField={field}&sortOrder={order}"),
                format!("sortField={field}&sortOrder={order}&pageSize=50"),
            ));
        }
    }
    q
}

async fn one_backend(
    store: Store,
    candidates: u64,
    rounds: usize,
) -> anyhow::Result<serde_json::Value> {
    let generator = Generator::new(7, candidates as usize);
    let talents: Vec<_> = (0..candidates).map(|i| generator.profile(i)).collect();
    store
        .upsert_organizations(generator.organizations(), "bench")
        .await?;
    for chunk in talents.chunks(5000) {
        store.upsert_profiles(chunk, "bench", None).await?;
    }
    let engine = Arc::new(scout_engine::Engine::in_memory());
    engine.remember_organizations(generator.organizations());
    let (key, record) =
        super::fixtures::bench_key(&store, &["sourcing:read", "sourcing:write"]).await?;
    let requirements = json!([
        {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true},
        {"filterType": "LOCATION", "value": "United States"},
        {"filterType": "SKILL", "value": "Python"}
    ]);
    let sourcing = store
        .create_sourcing(
            &record.workspace_id,
            &NewSourcing {
                title: "Software Engineer".into(),
                location: Some("New York".into()),
                requirements,
                ..Default::default()
            },
        )
        .await?;

    let started = Instant::now();
    let subjects: Vec<(&scout_model::Talent, Option<f64>)> =
        talents.iter().map(|t| (t, None)).collect();
    let fits = scout_ingest::candidates::assess(&engine, &sourcing, &subjects)?;
    let scoring_seconds = started.elapsed().as_secs_f64();
    let new: Vec<NewCandidate> = talents
        .iter()
        .zip(fits)
        .enumerate()
        .map(|(i, (t, fit))| NewCandidate {
            talent_id: Some(t.id.clone()),
            kind: CandidateType::Prospect,
            stage: stage_for(i as u64),
            profile: scout_ingest::candidates::snapshot(t),
            source: Some("bench".into()),
            salary_expectation: None,
            stated_years: None,
            profile_seq: None,
            fit: Some((fit, sourcing.requirements_version)),
        })
        .collect();
    let started = Instant::now();
    let added = store
        .add_candidates(&sourcing.id, Some("bench"), &new)
        .await?;
    let adding_seconds = started.elapsed().as_secs_f64();
    // Ratings and contacts on a tenth of them, so those sorts have something to sort.
    for (i, a) in added.iter().enumerate().step_by(10) {
        let mut changes = vec![CandidateChange::Rating(Some((i % 5) as i64 + 1))];
        for _ in 0..(i % 3) {
            changes.push(CandidateChange::Contact {
                channel: "email".into(),
                value: None,
                note: None,
            });
        }
        store
            .change_candidate(&sourcing.id, &a.id, Some("bench"), &changes)
            .await?;
    }

    // The steady state autovacuum reaches on its own (PostgreSQL only).
    store.refresh_statistics(true).await?;
    let state = scout_server::AppState::new(store.clone(), engine);
    let (addr, server) = super::fixtures::serve_in_process(state).await?;
    let client = reqwest::Client::new();
    let base = format!("http://{addr}/v1/sourcings/{}/candidates", sourcing.id);
    let sample = &talents[talents.len() / 2];
    let name = sample.lastname.clone().unwrap_or_else(|| "a".into());
    let city = sample.city.clone().unwrap_or_else(|| "London".into());
    let mut all = Vec::new();
    let mut per_query = Vec::new();
    for (label, query) in queries(&name, &city) {
        let mut times = Vec::new();
        let mut total = 0;
        for round in 0..=rounds {
            let t = Instant::now();
            let res = client
                .get(format!("{base}?{query}"))
                .header("x-api-key", &key)
                .send()
                .await?;
            anyhow::ensure!(res.status().is_success(), "{label}: {}", res.status());
            let body: serde_json::Value = res.json().await?;
            if round > 0 {
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            total = body["data"]["pagination"]["total"].as_i64().unwrap_or(0);
        }
        all.extend(times.iter().copied());
        per_query.push(json!({"query": label, "matches": total, "ms": summary(times)}));
    }
    server.abort();
    Ok(json!({
        "backend": store.backend_name(),
        "candidates": added.len(),
        "fitScoringSeconds": scoring_seconds,
        "addingSeconds": adding_seconds,
        "allQueriesMs": summary(all),
        "queries": per_query,
    }))
}

pub async fn run(
    candidates: u64,
    rounds: usize,
    postgres_url: Option<String>,
    as_json: bool,
) -> anyhow::Result<()> {
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    let sqlite = Store::open(&dir.path().join("scout.db").to_string_lossy()).await?;
    let mut reports = vec![one_backend(sqlite, candidates, rounds).await?];
    let postgres = super::fixtures::postgres_database(postgres_url).await?;
    if let Some((url, _server)) = postgres {
        let pg = Store::open(&url).await?;
        reports.push(one_backend(pg, candidates, rounds).await?);
    }
    if as_json {
        output::json(&json!({"backends": reports, "peakRssBytes": peak_rss_bytes()}))?;
        return Ok(());
    }
    for r in &reports {
        println!(
            "{}: {} candidates (fit scoring {:.1}s, adding {:.1}s)",
            r["backend"].as_str().unwrap_or("?"),
            r["candidates"],
            r["fitScoringSeconds"].as_f64().unwrap_or(0.0),
            r["addingSeconds"].as_f64().unwrap_or(0.0)
        );
        for q in r["queries"].as_array().into_iter().flatten() {
            println!(
                "  {:<48} {:>6} matches  p50 {:>6.2} ms  p99 {:>6.2} ms",
                q["query"].as_str().unwrap_or(""),
                q["matches"],
                q["ms"]["p50"].as_f64().unwrap_or(0.0),
                q["ms"]["p99"].as_f64().unwrap_or(0.0)
            );
        }
        let a = &r["allQueriesMs"];
        println!(
            "  {:<48} {:>6}          p50 {:>6.2} ms  p99 {:>6.2} ms",
            "all listings",
            "",
            a["p50"].as_f64().unwrap_or(0.0),
            a["p99"].as_f64().unwrap_or(0.0)
        );
    }
    Ok(())
}
