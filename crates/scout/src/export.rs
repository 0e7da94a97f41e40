//! `scout export`: a pool's profiles as JSON Lines (the documented talent
//! schema, which `scout import` takes back) or CSV, to a file or stdout,
//! read from the store page by page in id order.

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
    let owner = match workspace {
        Some(name) => Some(
            store
                .workspace_id(name, false)
                .await?
                .with_context(|| format!("no workspace named `{name}`"))?,
        ),
        None => None,
    };
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
