//! `scout bench prompts`: how well the prompt reader reads the labelled
//! prompts (precision and recall per filter type: development, held-out and
//! recruiters' sets), how long reading takes, and — with `--profiles N` — how soon a
//! streamed prompt search sends its first candidate over HTTP.

use std::time::Instant;

use anyhow::Context;
use std::collections::HashSet;

use scout_query::prompt::evaluation::{
    cases, evaluate, evaluate_knowing, Evaluation, HELD_OUT, LABELLED, RECRUITERS,
};
use scout_query::prompt::KnownNames;
use serde_json::{json, Value};

use crate::config::Paths;
use crate::output;
use crate::stats::summary;

fn report(eval: &Evaluation) -> Value {
    let all = eval.overall();
    let per_type: serde_json::Map<String, Value> = eval
        .per_type
        .iter()
        .map(|(t, s)| {
            (
                t.clone(),
                json!({"precision": s.precision(), "recall": s.recall(), "truePositives": s.true_positives, "falsePositives": s.false_positives, "falseNegatives": s.false_negatives}),
            )
        })
        .collect();
    json!({
        "prompts": eval.prompts,
        "readExactly": eval.exact,
        "precision": all.precision(),
        "recall": all.recall(),
        "perType": per_type,
    })
}

fn print_table(name: &str, eval: &Evaluation) {
    let all = eval.overall();
    println!(
        "{name}: {} prompts, {} read exactly as labelled; precision {:.3}, recall {:.3}",
        eval.prompts,
        eval.exact,
        all.precision(),
        all.recall()
    );
    println!(
        "  {:<22} {:>9} {:>7} {:>5} {:>5} {:>5}",
        "type", "precision", "recall", "TP", "FP", "FN"
    );
    for (t, s) in &eval.per_type {
        println!(
            "  {t:<22} {:>9.3} {:>7.3} {:>5} {:>5} {:>5}",
            s.precision(),
            s.recall(),
            s.true_positives,
            s.false_positives,
            s.false_negatives
        );
    }
}

/// The employers a workspace holding the demo data knows: the generator's
/// organizations and the current and past employers of its profiles (the
/// seed `scout demo` uses), by whole name in lower case — what a running server's
/// index answers for such a workspace.
struct DemoEmployers(HashSet<String>);

impl DemoEmployers {
    fn new(profiles: u64) -> DemoEmployers {
        let generator = scout_ingest::generate::Generator::new(42, profiles as usize);
        let mut names: HashSet<String> = generator
            .organizations()
            .iter()
            .map(|o| o.name.to_lowercase())
            .collect();
        for i in 0..profiles {
            let talent = generator.profile(i);
            names.extend(
                talent
                    .experiences
                    .iter()
                    .filter_map(|e| e.organization_name.as_deref())
                    .map(str::to_lowercase),
            );
        }
        DemoEmployers(names)
    }
}

impl KnownNames for DemoEmployers {
    fn is_employer(&self, name: &str) -> bool {
        self.0.contains(&name.to_lowercase())
    }
}

/// Milliseconds to the first `candidate` event and to the end, per prompt.
async fn stream_latency(
    paths: &Paths,
    profiles: u64,
    prompts: &[String],
    rounds: usize,
) -> anyhow::Result<(Vec<f64>, Vec<f64>, Vec<(f64, String)>)> {
    let (store, engine) = super::fixtures::searchable(paths, profiles).await?;
    let (key, _) = super::fixtures::bench_key(&store, &["searches:write"]).await?;
    let state = scout_server::AppState::new(store.clone(), engine.clone());
    let (addr, server) = super::fixtures::serve_in_process(state).await?;
    let client = reqwest::Client::new();
    let url = format!("http://{addr}/v1/searches/candidates/search");
    let (mut first, mut whole) = (Vec::new(), Vec::new());
    let mut slowest: Vec<(f64, String)> = Vec::new();
    for round in 0..=rounds {
        for p in prompts {
            let t = Instant::now();
            let mut res = client
                .post(&url)
                .bearer_auth(&key)
                .json(&json!({"prompt": p, "limit": 25}))
                .send()
                .await?;
            anyhow::ensure!(
                res.status().is_success(),
                "prompt search failed: {}",
                res.status()
            );
            let mut seen = String::new();
            let mut first_ms = None;
            while let Some(chunk) = res.chunk().await? {
                seen.push_str(&String::from_utf8_lossy(&chunk));
                if first_ms.is_none()
                    && (seen.contains("event: candidate") || seen.contains("event: done"))
                {
                    first_ms = Some(t.elapsed().as_secs_f64() * 1000.0);
                }
            }
            if round > 0 {
                slowest.push((first_ms.unwrap_or(f64::NAN), p.clone()));
                first.push(first_ms.unwrap_or(f64::NAN));
                whole.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    server.abort();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.truncate(5);
    Ok((first, whole, slowest))
}

pub async fn run(paths: &Paths, profiles: u64, rounds: usize, as_json: bool) -> anyhow::Result<()> {
    let dev = evaluate(&cases(LABELLED));
    let held = evaluate(&cases(HELD_OUT));
    let recruiters = evaluate(&cases(RECRUITERS));
    // the same set read as a workspace holding the demo data would read it
    let demo = DemoEmployers::new(10_000);
    let recruiters_demo = evaluate_knowing(&cases(RECRUITERS), &demo);
    let prompts: Vec<String> = cases(LABELLED)
        .into_iter()
        .chain(cases(HELD_OUT))
        .chain(cases(RECRUITERS))
        .map(|c| c.prompt)
        .collect();
    let mut reading = Vec::new();
    for _ in 0..rounds.max(1) {
        for p in &prompts {
            let t = Instant::now();
            let _ = scout_query::prompt::read_prompt(p);
            reading.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let latency = if profiles > 0 {
        let sample: Vec<String> = prompts.iter().step_by(4).cloned().collect();
        Some(
            stream_latency(paths, profiles, &sample, rounds)
                .await
                .context("streamed search benchmark")?,
        )
    } else {
        None
    };
    let result = json!({
        "development": report(&dev),
        "heldOut": report(&held),
        "recruiters": report(&recruiters),
        "recruitersWithDemoEmployers": report(&recruiters_demo),
        "demoEmployers": demo.0.len(),
        "readingMs": summary(reading.clone()),
        "stream": latency.as_ref().map(|(first, whole, slowest)| json!({
            "profiles": profiles,
            "slowestFirstCandidate": slowest.iter().map(|(ms, p)| json!({"ms": ms, "prompt": p})).collect::<Vec<_>>(),
            "firstCandidateMs": summary(first.clone()),
            "completeMs": summary(whole.clone()),
        })),
    });
    if as_json {
        return output::json(&result);
    }
    print_table("development set", &dev);
    print_table("held-out set", &held);
    print_table(
        "recruiters' set (issue 21, never tuned against)",
        &recruiters,
    );
    print_table(
        &format!(
            "recruiters' set read as a workspace holding the demo data would ({} employers known)",
            demo.0.len()
        ),
        &recruiters_demo,
    );
    let r = &result["readingMs"];
    println!(
        "reading a prompt: p50 {:.3} ms, p99 {:.3} ms",
        r["p50"].as_f64().unwrap_or(0.0),
        r["p99"].as_f64().unwrap_or(0.0)
    );
    if let Some(s) = result["stream"].as_object() {
        let f = &s["firstCandidateMs"];
        let w = &s["completeMs"];
        println!(
            "streamed prompt search on {profiles} profiles (25 results): first candidate p50 {:.1} ms, p99 {:.1} ms; complete p50 {:.1} ms, p99 {:.1} ms",
            f["p50"].as_f64().unwrap_or(0.0),
            f["p99"].as_f64().unwrap_or(0.0),
            w["p50"].as_f64().unwrap_or(0.0),
            w["p99"].as_f64().unwrap_or(0.0)
        );
        for s in s["slowestFirstCandidate"].as_array().into_iter().flatten() {
            println!(
                "  slow: {:.1} ms  {}",
                s["ms"].as_f64().unwrap_or(0.0),
                s["prompt"].as_str().unwrap_or("")
            );
        }
    }
    Ok(())
}
