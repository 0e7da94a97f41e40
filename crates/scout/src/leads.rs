//! `scout leads …`: CVs into leads from the command line (the same intake
//! as `POST /api/v1/sourcing/cvs`), and `scout bench cvs`: field-level
//! extraction accuracy on CVs made from generated profiles.

use std::time::Instant;

use anyhow::Context;
use scout_ingest::cv::accuracy::{expected_of, measure};
use scout_ingest::cv::render::{docx, pdf, text, CvPerson, BENCH_FORMATS};
use scout_ingest::cv::{parse_cv, MAX_CV_BYTES};
use scout_store::LeadQuery;
use serde_json::json;

use crate::cli::LeadsCommand;
use crate::config::Paths;
use crate::output;
use crate::stats::summary;

pub async fn run(paths: &Paths, cmd: LeadsCommand, as_json: bool) -> anyhow::Result<()> {
    let store = paths.open_store().await?;
    match cmd {
        LeadsCommand::Import {
            dir,
            workspace,
            role,
        } => {
            let ws = store
                .workspace_id(&workspace, true)
                .await?
                .with_context(|| format!("cannot create workspace `{workspace}`"))?;
            let role = match role {
                Some(id) => Some(store.get_sourcing(&ws, &id).await?.with_context(|| {
                    format!("no role (sourcing) `{id}` in workspace `{workspace}`")
                })?),
                None => None,
            };
            let engine = std::sync::Arc::new(paths.open_engine()?);
            engine.remember_organizations(&store.all_organizations().await?);
            let readers = scout_ingest::leads::CvReaders::default();
            let mut entries: Vec<_> = std::fs::read_dir(&dir)
                .with_context(|| format!("cannot read {}", dir.display()))?
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .collect();
            entries.sort();
            let bar = output::Bar::new();
            let mut report = Vec::new();
            let (mut parsed, mut failed) = (0, 0);
            for path in entries {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                if size > MAX_CV_BYTES as u64 {
                    report.push(json!({"file": name, "status": "skipped", "reason": format!("larger than {MAX_CV_BYTES} bytes")}));
                    continue;
                }
                let bytes = std::fs::read(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let intake = scout_ingest::leads::intake_file(
                    &store,
                    &engine,
                    &readers,
                    &ws,
                    "cli",
                    &name,
                    bytes,
                    role.as_ref(),
                )
                .await?;
                if intake.status == "parsed" {
                    parsed += 1
                } else {
                    failed += 1
                }
                report.push(json!({"file": name, "leadId": intake.lead_id, "created": intake.created, "status": intake.status, "reason": intake.failure}));
            }
            bar.finish();
            if as_json {
                return output::json(&json!({"parsed": parsed, "failed": failed, "files": report}));
            }
            for r in &report {
                println!(
                    "{:<40} {:<8} {} {}",
                    r["file"].as_str().unwrap_or(""),
                    r["status"].as_str().unwrap_or(""),
                    r["leadId"].as_str().unwrap_or(""),
                    r["reason"].as_str().unwrap_or("")
                );
            }
            println!("{parsed} parsed, {failed} failed");
            Ok(())
        }
        LeadsCommand::List {
            workspace,
            status,
            limit,
        } => {
            let ws = store
                .workspace_id(&workspace, false)
                .await?
                .with_context(|| format!("no workspace named `{workspace}`"))?;
            let (leads, total) = store
                .list_leads(&LeadQuery {
                    visible_to: Some(ws),
                    status,
                    limit,
                    ..LeadQuery::default()
                })
                .await?;
            if as_json {
                let rows: Vec<_> = leads.iter().map(|l| json!({"id": l.id, "fullName": l.full_name, "email": l.email, "status": l.status, "fileName": l.file_name})).collect();
                return output::json(&json!({"leads": rows, "totalCount": total}));
            }
            for l in &leads {
                println!(
                    "{:<30} {:<10} {:<28} {}",
                    l.id,
                    l.status,
                    l.full_name.as_deref().unwrap_or("-"),
                    l.email.as_deref().unwrap_or("-")
                );
            }
            println!("{} of {total}", leads.len());
            Ok(())
        }
    }
}

/// `scout bench cvs`.
pub fn bench(people: u64, corpus: &std::path::Path, as_json: bool) -> anyhow::Result<()> {
    let generator = scout_ingest::generate::Generator::new(11, people.max(1) as usize);
    let formats = BENCH_FORMATS;
    let mut cases = Vec::new();
    let mut ms = Vec::new();
    for n in 0..people {
        let person = CvPerson::from_talent(generator.profile(n), n);
        let (ext, layout) = formats[(n as usize) % formats.len()];
        let bytes = match ext {
            "pdf" => pdf(&person, layout)?,
            "docx" => docx(&person, layout)?,
            _ => text(&person, layout).into_bytes(),
        };
        let file = format!("{n}-{}.{ext}", layout.name());
        let t = Instant::now();
        let parsed = parse_cv(&bytes).ok().map(|r| r.parsed);
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        cases.push((expected_of(&file, &person), parsed));
    }
    let scores = measure(&cases);
    let fields: serde_json::Map<String, serde_json::Value> = scores
        .iter()
        .map(|(f, s)| ((*f).to_owned(), json!({"precision": s.precision(), "recall": s.recall(), "correct": s.correct, "extracted": s.extracted, "expected": s.expected})))
        .collect();
    let halves = read_corpus(corpus, &mut ms)?;
    let result = json!({"cvs": people, "fields": fields, "parseMs": summary(ms), "corpus": halves});
    if as_json {
        return output::json(&result);
    }
    println!("{people} CVs (PDF classic/sidebar/plain/compact, DOCX classic/plain/compact, text classic/compact), field-level extraction:");
    println!(
        "  {:<12} {:>9} {:>7} {:>8} {:>9} {:>8}",
        "field", "precision", "recall", "correct", "extracted", "expected"
    );
    for (f, s) in &scores {
        println!(
            "  {f:<12} {:>9.3} {:>7.3} {:>8} {:>9} {:>8}",
            s.precision(),
            s.recall(),
            s.correct,
            s.extracted,
            s.expected
        );
    }
    if let Some(halves) = halves.as_object() {
        print_corpus(&scores, halves);
    }
    let p = &result["parseMs"];
    println!(
        "parsing one CV (rendered set and corpus): p50 {:.2} ms, p99 {:.2} ms",
        p["p50"].as_f64().unwrap_or(0.0),
        p["p99"].as_f64().unwrap_or(0.0)
    );
    Ok(())
}

/// Scores the labelled corpus per half (`dev`, `heldout`, `scan`), adding
/// each file's parse time to `ms`; `null` when the folder is absent.
fn read_corpus(dir: &std::path::Path, ms: &mut Vec<f64>) -> anyhow::Result<serde_json::Value> {
    use scout_ingest::cv::corpus::{score, Labelled};
    let labels_file = dir.join("labels.json");
    if !labels_file.exists() {
        return Ok(serde_json::Value::Null);
    }
    let labels: Vec<Labelled> = serde_json::from_str(
        &std::fs::read_to_string(&labels_file)
            .with_context(|| format!("cannot read {}", labels_file.display()))?,
    )
    .with_context(|| format!("{} is not a corpus label file", labels_file.display()))?;
    let mut halves = serde_json::Map::new();
    for split in ["dev", "heldout", "scan"] {
        let mut cases = Vec::new();
        for label in labels.iter().filter(|l| l.split == split) {
            let path = dir.join(&label.file);
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let t = Instant::now();
            let read = parse_cv(&bytes).map(|r| r.parsed);
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            cases.push((label.clone(), read));
        }
        halves.insert(split.to_owned(), serde_json::to_value(score(&cases))?);
    }
    Ok(serde_json::Value::Object(halves))
}

fn print_corpus(
    rendered: &std::collections::BTreeMap<&'static str, scout_ingest::cv::accuracy::FieldScore>,
    halves: &serde_json::Map<String, serde_json::Value>,
) {
    let pr = |v: &serde_json::Value| {
        let (c, x, e) = (
            v["correct"].as_f64().unwrap_or(0.0),
            v["extracted"].as_f64().unwrap_or(0.0),
            v["expected"].as_f64().unwrap_or(0.0),
        );
        let p = if x == 0.0 { 1.0 } else { c / x };
        let r = if e == 0.0 { 1.0 } else { c / e };
        format!("{p:.3} / {r:.3}")
    };
    let files = |h: &str| halves[h]["files"].as_u64().unwrap_or(0);
    println!(
        "\nlabelled corpus (Chromium and LibreOffice files; precision / recall): {} development, {} held-out CVs",
        files("dev"),
        files("heldout")
    );
    println!(
        "  {:<15} {:>15} {:>15} {:>15}",
        "field", "rendered set", "development", "held-out"
    );
    for field in scout_ingest::cv::corpus::FIELDS {
        let rendered = rendered
            .get(field)
            .map(|s| format!("{:.3} / {:.3}", s.precision(), s.recall()))
            .unwrap_or_else(|| "-".into());
        println!(
            "  {field:<15} {rendered:>15} {:>15} {:>15}",
            pr(&halves["dev"]["fields"][field]),
            pr(&halves["heldout"]["fields"][field])
        );
    }
    let scan = &halves["scan"];
    println!(
        "  image-only scans refused as \"no text layer\": {} of {}",
        scan["refusedRight"], scan["refusalsExpected"]
    );
    for h in ["dev", "heldout"] {
        if let Some(failed) = halves[h]["failed"].as_array() {
            for f in failed {
                println!("  {h}: failed {}", f.as_str().unwrap_or(""));
            }
        }
    }
}
