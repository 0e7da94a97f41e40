//! `scout backup` and `scout restore`: a consistent copy of a data
//! directory that a server may be writing, and putting one back.
//!
//! The index is copied first, then the store: the index follows the store,
//! so the copy's index is at or behind the copy's store, and a server
//! started on the restored directory applies the difference from the store
//! (as after any restart). Nothing is stopped: the store's copy is one read
//! transaction (`scout_store::backup`), the index's one committed state
//! (`scout_engine::snapshot`).

use std::path::Path;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

use crate::config::Paths;
use crate::output;

/// The file that says a directory is a backup, and what it holds.
const MANIFEST: &str = "scout-backup.json";
/// The layout of a backup this version writes and reads.
const FORMAT: u32 = 1;
const STORE_FILE: &str = "scout.db";
const INDEX_DIR: &str = "index";

#[derive(Serialize, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    format: u32,
    scout_version: String,
    /// Unix milliseconds when the copy was finished.
    created_at: i64,
    /// The last change the store's copy holds.
    store_seq: i64,
    /// The change the index's copy has applied (absent: no index was copied).
    index_seq: Option<i64>,
    index_files: usize,
    index_bytes: u64,
    store_bytes: u64,
}

/// `scout backup --to DIR`.
pub async fn backup(paths: &Paths, to: &Path, as_json: bool) -> anyhow::Result<()> {
    if paths.store_url.starts_with("postgres") {
        bail!(
            "this data directory's store is PostgreSQL: back it up with pg_dump \
             (docs/operations.md, \"Backups\"); the index is rebuilt from the store after a restore"
        );
    }
    if !paths.data.join(STORE_FILE).is_file() {
        bail!("{} holds no Scout store to back up", paths.data.display());
    }
    ensure_empty(to, "the backup directory")?;
    scout_store::private_files::create_dir(to)
        .with_context(|| format!("cannot create {}", to.display()))?;

    let index = if paths.index_dir.join("meta.json").is_file() {
        let (from, into) = (paths.index_dir.clone(), to.join(INDEX_DIR));
        Some(
            tokio::task::spawn_blocking(move || scout_engine::snapshot(&from, &into))
                .await
                .context("the index copy stopped")?
                .context("cannot copy the index")?,
        )
    } else {
        None
    };
    let store = paths.open_store().await?;
    let store_file = to.join(STORE_FILE);
    let store_seq = store
        .backup_to(&store_file)
        .await
        .context("cannot copy the store")?;
    let manifest = Manifest {
        format: FORMAT,
        scout_version: env!("CARGO_PKG_VERSION").into(),
        created_at: now_ms(),
        store_seq,
        index_seq: index.map(|s| s.seq),
        index_files: index.map_or(0, |s| s.files),
        index_bytes: index.map_or(0, |s| s.bytes),
        store_bytes: std::fs::metadata(&store_file).map_or(0, |m| m.len()),
    };
    write_manifest(to, &manifest)?;
    if as_json {
        output::json(&manifest)?;
    } else {
        println!(
            "backed up {} to {}: the store at change {} ({} MiB), {}",
            paths.data.display(),
            to.display(),
            store_seq,
            manifest.store_bytes >> 20,
            match manifest.index_seq {
                Some(seq) => format!(
                    "the index at change {seq} ({} files, {} MiB)",
                    manifest.index_files,
                    manifest.index_bytes >> 20
                ),
                None => "no index (it is rebuilt from the store)".into(),
            }
        );
    }
    Ok(())
}

/// `scout restore --from DIR` into the data directory.
pub async fn restore(paths: &Paths, from: &Path, as_json: bool) -> anyhow::Result<()> {
    if paths.store_url.starts_with("postgres") {
        bail!(
            "--database-url names PostgreSQL: restore it with pg_restore (docs/operations.md); \
             a backup made by `scout backup` restores a SQLite data directory"
        );
    }
    let manifest = read_manifest(from)?;
    let live = [
        paths.data.join(STORE_FILE),
        paths.index_dir.join("meta.json"),
    ];
    if let Some(found) = live.iter().find(|p| p.exists()) {
        bail!(
            "{} is a data directory in use ({} exists): restore into a new or empty directory, \
             or move this one aside first",
            paths.data.display(),
            found.display()
        );
    }
    scout_store::private_files::create_dir(&paths.data)
        .with_context(|| format!("cannot create {}", paths.data.display()))?;
    let (source, data, index_dir) = (
        from.to_path_buf(),
        paths.data.clone(),
        paths.index_dir.clone(),
    );
    let copied = manifest.index_seq.is_some();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        copy_private(&source.join(STORE_FILE), &data.join(STORE_FILE))?;
        if copied {
            std::fs::create_dir_all(&index_dir)?;
            for entry in std::fs::read_dir(source.join(INDEX_DIR))? {
                let entry = entry?;
                copy_private(&entry.path(), &index_dir.join(entry.file_name()))?;
            }
        }
        Ok(())
    })
    .await
    .context("the restore stopped")??;
    // opening checks the copy is a store this version reads
    let store = paths.open_store().await?;
    let seq = store.last_seq().await?;
    let behind = seq - manifest.index_seq.unwrap_or(0);
    if as_json {
        output::json(&serde_json::json!({
            "storeSeq": seq,
            "indexSeq": manifest.index_seq,
            "changesToIndex": behind,
        }))?;
    } else {
        println!(
            "restored the backup (Scout {}) into {}: the store at change {seq}; \
             `scout serve` indexes the {behind} change(s) the index's copy lacks",
            manifest.scout_version,
            paths.data.display(),
        );
    }
    Ok(())
}

fn ensure_empty(dir: &Path, what: &str) -> anyhow::Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!("{what} {} is not empty", dir.display());
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", dir.display())),
    }
}

fn copy_private(from: &Path, to: &Path) -> anyhow::Result<()> {
    let mut source =
        std::fs::File::open(from).with_context(|| format!("cannot read {}", from.display()))?;
    let mut target = scout_store::private_files::create_file(to)
        .with_context(|| format!("cannot create {}", to.display()))?;
    std::io::copy(&mut source, &mut target)?;
    target.sync_all()?;
    Ok(())
}

fn write_manifest(dir: &Path, manifest: &Manifest) -> anyhow::Result<()> {
    let text = serde_json::to_vec_pretty(manifest)?;
    std::fs::write(dir.join(MANIFEST), text)
        .with_context(|| format!("cannot write {}", dir.join(MANIFEST).display()))
}

fn read_manifest(dir: &Path) -> anyhow::Result<Manifest> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read(&path).with_context(|| {
        format!(
            "{} is not a backup made by `scout backup` (no {MANIFEST})",
            dir.display()
        )
    })?;
    let manifest: Manifest =
        serde_json::from_slice(&text).with_context(|| format!("{} is damaged", path.display()))?;
    if manifest.format != FORMAT {
        bail!(
            "{} is a backup of format {}; this version of Scout reads format {FORMAT}",
            dir.display(),
            manifest.format
        );
    }
    if !dir.join(STORE_FILE).is_file() {
        bail!("{} lacks its store ({STORE_FILE})", dir.display());
    }
    Ok(manifest)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
