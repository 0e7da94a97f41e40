//! A consistent copy of an index directory that a running server keeps
//! writing (`scout backup`).
//!
//! Tantivy never changes a file once written: a commit writes new segment
//! files and then replaces `meta.json`, which names the segments of the
//! committed state; files no longer named are deleted later. So a copy is
//! consistent when it takes one `meta.json` and the files of the segments
//! it names. Those files are *opened* first, right after `meta.json` is
//! read — an open file stays readable on Unix even when the writer deletes
//! it — and a file already gone (a merge finished in between) means the
//! copy starts again from a newer `meta.json`.

use std::collections::HashSet;
use std::fs::File;
use std::io::ErrorKind;
use std::path::Path;

use crate::EngineError;

const META: &str = "meta.json";
/// Tantivy's list of the files it may delete: the copy gets its own, naming
/// the files copied, so the restored index's merges clean them up.
const MANAGED: &str = ".managed.json";
/// Times the copy starts again because a merge deleted a file under it.
const ATTEMPTS: usize = 20;

/// What a snapshot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    /// The store change the copied index has applied (its checkpoint).
    pub seq: i64,
    /// Segment files copied.
    pub files: usize,
    /// Bytes copied.
    pub bytes: u64,
}

/// Copies the committed index in `from` into the empty directory `to`.
pub fn snapshot(from: &Path, to: &Path) -> Result<Snapshot, EngineError> {
    std::fs::create_dir_all(to)?;
    for _ in 0..ATTEMPTS {
        let meta = match std::fs::read(from.join(META)) {
            Ok(m) => m,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(EngineError::Checkpoint(format!(
                    "{} holds no index (no {META})",
                    from.display()
                )))
            }
            Err(e) => return Err(e.into()),
        };
        let (segments, seq) = read_meta(&meta)?;
        let Some(opened) = open_segment_files(from, &segments)? else {
            continue; // a merge removed a file between meta.json and its opening
        };
        let mut bytes = 0;
        let mut names = Vec::with_capacity(opened.len());
        for (name, mut file) in opened {
            let mut out = File::create(to.join(&name))?;
            bytes += std::io::copy(&mut file, &mut out)?;
            out.sync_all()?;
            names.push(name);
        }
        std::fs::write(
            to.join(MANAGED),
            serde_json::to_vec(&names).map_err(|e| EngineError::Checkpoint(e.to_string()))?,
        )?;
        // meta.json last: a copy cut short is visibly not an index
        std::fs::write(to.join(META), &meta)?;
        File::open(to)?.sync_all()?;
        return Ok(Snapshot {
            seq,
            files: names.len(),
            bytes,
        });
    }
    Err(EngineError::Checkpoint(format!(
        "the index in {} kept changing under the copy ({ATTEMPTS} attempts)",
        from.display()
    )))
}

/// The segment ids (as file-name stems) and the checkpoint of a `meta.json`.
fn read_meta(meta: &[u8]) -> Result<(HashSet<String>, i64), EngineError> {
    #[derive(serde::Deserialize)]
    struct Meta {
        segments: Vec<Segment>,
        payload: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct Segment {
        segment_id: String,
    }
    let bad = |e: serde_json::Error| EngineError::Checkpoint(format!("{META}: {e}"));
    let meta: Meta = serde_json::from_slice(meta).map_err(bad)?;
    let seq = match meta.payload {
        None => 0,
        Some(p) => crate::writer::checkpoint_seq(&p)?,
    };
    // files are named by the id without its dashes
    let ids = meta
        .segments
        .into_iter()
        .map(|s| s.segment_id.replace('-', ""))
        .collect();
    Ok((ids, seq))
}

/// Opens every file of the named segments; `None` when one vanished.
fn open_segment_files(
    from: &Path,
    segments: &HashSet<String>,
) -> Result<Option<Vec<(String, File)>>, EngineError> {
    let mut opened = Vec::new();
    for entry in std::fs::read_dir(from)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let stem = name.split('.').next().unwrap_or_default();
        if !segments.contains(stem) {
            continue;
        }
        match File::open(from.join(&name)) {
            Ok(f) => opened.push((name, f)),
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
    let found: HashSet<&str> = opened
        .iter()
        .filter_map(|(n, _)| n.split('.').next())
        .collect();
    if segments.iter().any(|s| !found.contains(s.as_str())) {
        return Ok(None);
    }
    Ok(Some(opened))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    #[test]
    fn a_snapshot_opens_as_the_same_index_at_the_same_checkpoint() {
        let from = tempfile::tempdir().expect("temp dir");
        let to = tempfile::tempdir().expect("temp dir");
        let engine = Engine::open(from.path()).expect("open");
        let mut writer = engine.writer(50_000_000).expect("writer");
        for (seq, id) in [(1, "t1"), (2, "t2"), (3, "t3")] {
            let talent = scout_model::Talent {
                id: id.into(),
                ..Default::default()
            };
            writer.upsert(seq, &talent).expect("upsert");
        }
        writer.commit().expect("commit");
        writer.delete(4, "t2");
        writer.commit().expect("commit");
        let copy = to.path().join("index");
        let snap = snapshot(from.path(), &copy).expect("snapshot");
        assert_eq!(snap.seq, 4);
        assert!(snap.files > 0 && snap.bytes > 0);
        // the writer goes on; the copy keeps what it had
        writer
            .upsert(
                5,
                &scout_model::Talent {
                    id: "t5".into(),
                    ..Default::default()
                },
            )
            .expect("upsert");
        writer.commit().expect("commit");
        let restored = Engine::open(&copy).expect("the copy opens");
        assert_eq!(restored.checkpoint().expect("checkpoint"), 4);
        assert_eq!(restored.num_docs(), 2);
        drop(
            restored
                .writer(50_000_000)
                .expect("the copy takes a writer"),
        );
    }

    #[test]
    fn a_directory_without_an_index_is_refused() {
        let from = tempfile::tempdir().expect("temp dir");
        let to = tempfile::tempdir().expect("temp dir");
        assert!(snapshot(from.path(), to.path()).is_err());
    }
}
