//! `scout export`: a pool's profiles as JSON Lines (the documented talent
//! schema, which `scout import` takes back) or CSV, to a file or stdout,
//! read from the store page by page in id order; and `scout import
//! --dry-run`, which shows how files would come in.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use scout_ingest::export::{csv_header, csv_row, jsonl_line};

use crate::config::Paths;

/// Profiles read per page.
const PAGE: i64 = 1_000;

pub async fn export(
    paths: &Paths,
    workspace: Option<&str>,
    csv: bool,
    out: Option<&PathBuf>,
) -> anyhow::Result<()> {
    let store = paths.open_store().await?;
    let owner = crate::data::pool_owner(&store, workspace).await?;
    let mut sink: Box<dyn Write> = match out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    if csv {
        sink.write_all(csv_header().as_bytes())?;
    }
    let mut after = String::new();
    let mut written = 0u64;
    loop {
        let page = store.pool_profiles(owner.as_deref(), &after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.talent.id.clone();
        for p in &page {
            let line = if csv {
                csv_row(&p.talent)
            } else {
                jsonl_line(&p.talent)
            };
            sink.write_all(line.as_bytes())?;
        }
        written += page.len() as u64;
        if (page.len() as i64) < PAGE {
            break;
        }
    }
    sink.flush()?;
    if let Some(path) = out {
        eprintln!("{written} profile(s) written to {}", path.display());
    }
    Ok(())
}

/// Rows `scout import --dry-run` shows per file.
const PREVIEW_ROWS: usize = 3;

/// `scout import --dry-run`: per file, its format, how CSV columns are
/// read, and its first rows as profiles (or why each would be rejected).
pub fn dry_run(
    files: &[PathBuf],
    format: Option<scout_ingest::formats::Format>,
    columns: &[(String, String)],
    as_json: bool,
) -> anyhow::Result<()> {
    let mut out = Vec::new();
    for file in files {
        let p = scout_ingest::formats::preview(file, format, columns, PREVIEW_ROWS)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        let mapping: Option<Vec<serde_json::Value>> = p.columns.as_ref().map(|cols| {
            cols.iter()
                .map(|c| serde_json::json!({"column": c.header, "field": c.field.name(), "given": c.given}))
                .collect()
        });
        let rows: Vec<serde_json::Value> = p
            .rows
            .iter()
            .map(|r| match &r.profile {
                Ok(t) => serde_json::json!({"line": r.line, "profile": t}),
                Err(reason) => {
                    serde_json::json!({"line": r.line, "rejected": reason, "excerpt": r.excerpt})
                }
            })
            .collect();
        if !as_json {
            println!("{} — {}", file.display(), p.format.name());
            for c in p.columns.iter().flatten() {
                let how = if c.given { "--map" } else { "from the header" };
                println!("  {:<28} → {:<12} ({how})", c.header, c.field.name());
            }
            for r in &rows {
                println!("  {}", serde_json::to_string(r)?);
            }
        }
        out.push(serde_json::json!({"file": file, "format": p.format.name(), "columns": mapping, "rows": rows}));
    }
    if as_json {
        crate::output::json(&out)?;
    }
    Ok(())
}
