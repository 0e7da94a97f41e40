//! Data in bulk for the commands and the benchmarks: generated profiles
//! written to files (plain or gzip) and files imported into a data
//! directory. No other module of the binary is imported here, so both
//! `commands` and `bench` can use it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use scout_engine::{Engine, EngineError, IndexWriterHandle};
use scout_ingest::generate::Generator;
use scout_ingest::import::RecordKind;
use scout_ingest::{import_files, ImportOptions};

use crate::config::Paths;
use crate::output::Bar;

fn create(path: &Path) -> anyhow::Result<Box<dyn Write>> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let buffered = std::io::BufWriter::with_capacity(1 << 20, file);
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(flate2::write::GzEncoder::new(
            buffered,
            flate2::Compression::fast(),
        )))
    } else {
        Ok(Box::new(buffered))
    }
}

/// `profiles.jsonl` → `profiles.organizations.jsonl` (keeping a `.gz`).
pub fn organizations_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(s) => (s.to_owned(), ".gz"),
        None => (name.clone(), ""),
    };
    let stem = stem.strip_suffix(".jsonl").unwrap_or(&stem).to_owned();
    out.with_file_name(format!("{stem}.organizations.jsonl{gz}"))
}

pub struct Generated {
    pub profiles: u64,
    pub organizations: usize,
    pub seconds: f64,
}

pub fn write_generated(
    count: u64,
    seed: u64,
    out: &Path,
    orgs_out: Option<&Path>,
) -> anyhow::Result<Generated> {
    let started = Instant::now();
    let generator = Generator::new(seed, count as usize);
    let mut w: Box<dyn Write> = if out == Path::new("-") {
        Box::new(std::io::stdout().lock())
    } else {
        create(out)?
    };
    generator.write_profiles(count, &mut w)?;
    w.flush()?;
    drop(w);
    let orgs_path = orgs_out
        .map(Path::to_path_buf)
        .or_else(|| (out != Path::new("-")).then(|| organizations_path(out)));
    if let Some(p) = &orgs_path {
        let mut o = create(p)?;
        generator.write_organizations(&mut o)?;
        o.flush()?;
    }
    Ok(Generated {
        profiles: count,
        organizations: generator.organizations().len(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The index writer, or `None` when a running server holds it (it will
/// follow the store and index what we write).
pub fn try_writer(engine: &Engine, budget: usize) -> anyhow::Result<Option<IndexWriterHandle>> {
    match engine.writer(budget) {
        Ok(w) => Ok(Some(w)),
        Err(EngineError::Locked) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// How `import_paths` imports: the record kind and batch size, whose
/// profiles they become, the format and CSV columns (see `ImportOptions`).
pub struct ImportPlan {
    pub kind: Option<RecordKind>,
    pub batch: usize,
    pub owner: Option<String>,
    pub format: Option<scout_ingest::formats::Format>,
    pub columns: Vec<(String, String)>,
}

impl Default for ImportPlan {
    fn default() -> Self {
        ImportPlan {
            kind: None,
            batch: 5000,
            owner: None,
            format: None,
            columns: Vec::new(),
        }
    }
}

pub async fn import_paths(
    paths: &Paths,
    files: &[PathBuf],
    plan: ImportPlan,
    quiet: bool,
) -> anyhow::Result<scout_ingest::ImportSummary> {
    let store = paths.open_store().await?;
    let engine = paths.open_engine()?;
    let mut writer = try_writer(&engine, paths.writer_budget)?;
    if writer.is_none() && !quiet {
        eprintln!(
            "note: the index is held by a running server; it will index these records itself"
        );
    }
    let mut options = ImportOptions::new(paths.rejects_dir.clone());
    options.batch_size = plan.batch.max(1);
    options.kind = plan.kind;
    options.owner = plan.owner;
    options.format = plan.format;
    options.columns = plan.columns;
    let bar = Bar::new();
    let summary = import_files(files, &store, writer.as_mut(), &options, &bar).await?;
    bar.finish();
    if let Some(w) = writer {
        // After a bulk load, merge segments so searches touch few of them.
        if summary.inserted + summary.updated >= 50_000 {
            w.optimize()?;
        }
    }
    Ok(summary)
}

/// The workspace whose own profiles a command acts on: the id of the one
/// named `name`, or `None` (the shared pool) without a name; an error
/// naming it when there is none (a typo must not make a workspace).
pub async fn pool_owner(
    store: &scout_store::Store,
    name: Option<&str>,
) -> anyhow::Result<Option<String>> {
    match name {
        Some(name) => {
            Ok(Some(store.workspace_id(name, false).await?.ok_or_else(
                || anyhow::anyhow!("no workspace named `{name}`"),
            )?))
        }
        None => Ok(None),
    }
}
