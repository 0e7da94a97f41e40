//! Importing JSONL files of profiles or organizations, plain or gzip.
//!
//! A reader thread per file streams lines (never more than a few batches in
//! memory), parses and validates them; the caller's task upserts each batch
//! into the store, then hands the changed records to the index writer. One
//! bad line is written to the rejects file with its line number and reason
//! and never stops the rest. Re-importing is idempotent (upsert by id,
//! unchanged content is not rewritten; an id found again later in the same
//! file is rejected, so the first line is the one kept every time), and an
//! import killed at any moment is completed by running it again: the store
//! commits whole batches, and the index resumes from its own checkpoint.
//!
//! What a file holds is decided by its first records (or `--organizations`):
//! a line of the other kind is rejected as such, never read as the wrong
//! kind. A file that cannot be read to its end (a truncated or damaged
//! gzip) keeps every line read before the damage, and the summary says
//! where the file broke (`damaged`).

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::formats::Format;
use scout_engine::{IndexWriterHandle, Upsert};
use scout_model::{Organization, Talent};
use scout_store::duplicates::Contacts;
use scout_store::{Store, StoreError, UpsertOutcome, UpsertReport};

use crate::sync::{self, SyncError};
use crate::validate;

/// How often a long import commits the index. A commit waits for every
/// queued document and writes a segment, so frequent ones stall the import
/// and leave many small segments to merge; an import killed in between only
/// re-indexes, from the store, what came after the last commit.
const COMMIT_INTERVAL: Duration = Duration::from_secs(30);

/// What the records of a file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// Talent profiles in the documented schema.
    Profiles,
    /// Organizations.
    Organizations,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Records per store transaction.
    pub batch_size: usize,
    /// Longest line accepted, in bytes.
    pub max_line_bytes: usize,
    /// Where rejects files go.
    pub rejects_dir: PathBuf,
    /// Force the record kind instead of detecting it from the first record.
    pub kind: Option<RecordKind>,
    /// The workspace whose own profiles these become; `None` for the shared
    /// pool every workspace sees (`scout_model::ownership`).
    pub owner: Option<String>,
    /// What the files hold (`None`: told per file by `formats::detect`).
    pub format: Option<Format>,
    /// CSV columns mapped by hand (`column`, `field`), over the inferred mapping.
    pub columns: Vec<(String, String)>,
    /// What the store records as the records' source (default: the file's
    /// path, as given).
    pub source: Option<String>,
}

impl ImportOptions {
    /// Defaults: batches of 5,000, lines up to 1 MiB.
    pub fn new(rejects_dir: PathBuf) -> ImportOptions {
        ImportOptions {
            batch_size: 5_000,
            max_line_bytes: 1 << 20,
            rejects_dir,
            kind: None,
            owner: None,
            format: None,
            columns: Vec::new(),
            source: None,
        }
    }
}

/// Told about progress as the import goes.
pub trait Progress: Send + Sync {
    /// A file starts; `total_bytes` is its size on disk.
    fn start_file(&self, _name: &str, _total_bytes: u64) {}
    /// `bytes` more of the file were read.
    fn advance(&self, _bytes: u64, _records: u64) {}
}

/// No progress reporting.
pub struct Silent;
impl Progress for Silent {}

/// What an import did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ImportSummary {
    /// Files read.
    pub files: usize,
    /// Non-empty lines read.
    pub read: u64,
    /// New records.
    pub inserted: u64,
    /// Records whose content changed.
    pub updated: u64,
    /// Records already stored as they are.
    pub unchanged: u64,
    /// Lines refused (see the rejects file).
    pub rejected: u64,
    /// Profiles of people erased on request (on the suppression list), not
    /// stored again.
    pub erased: u64,
    /// Profiles not stored because another pool the same workspace sees
    /// holds their id (`UpsertOutcome::Taken`).
    pub taken: u64,
    /// Profiles that were certainly a profile already stored under another
    /// id (the same LinkedIn address or e-mail) and were merged into it.
    pub merged: u64,
    /// Rejects files written, one per input file with rejects.
    pub rejects_files: Vec<PathBuf>,
    /// Files that could not be read to their end: every line before the
    /// damage was imported.
    pub damaged: Vec<Damage>,
    /// Whether the index was updated here (false when a running server holds it).
    pub indexed: bool,
    /// Wall time in seconds.
    pub seconds: f64,
}

/// Where and why a file could not be read to its end.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Damage {
    /// The file.
    pub file: PathBuf,
    /// Lines read before the damage (all of them imported or rejected).
    pub lines_read: u64,
    /// What went wrong.
    pub reason: String,
}

impl ImportSummary {
    /// Whether every line of every file was imported.
    pub fn is_complete(&self) -> bool {
        self.rejected == 0 && self.damaged.is_empty()
    }
}

/// A failure that stops an import (bad lines never do).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// An input file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The rejects file could not be written.
    #[error("cannot write rejects file {path}: {source}")]
    Rejects {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error(transparent)]
    Sync(#[from] SyncError),
}

enum Record {
    /// A profile, with the e-mails and phones its file gave (for telling
    /// the same person; the talent schema has no contacts).
    Profile(Box<Talent>, Contacts),
    Organization(Organization),
}

struct Reject {
    line: u64,
    reason: String,
    excerpt: String,
}

enum Batch {
    Records(Vec<Record>, Vec<Reject>),
    /// The file could not be read past `lines` lines (sent after every
    /// record read before).
    Damaged {
        lines: u64,
        error: std::io::Error,
    },
    /// The file could not be opened.
    Failed(std::io::Error),
}

/// Counts bytes as they are read, for the progress bar.
struct Counting<R> {
    inner: R,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

fn excerpt(line: &[u8]) -> String {
    let s = String::from_utf8_lossy(&line[..line.len().min(120)]).into_owned();
    if line.len() > 120 {
        format!("{s}…")
    } else {
        s
    }
}

/// What a record looks like: an organization has a `name` and none of a
/// profile's fields; anything else is read as a profile (and refused with
/// its reason when it is not one).
fn kind_of(value: &serde_json::Value) -> RecordKind {
    const PROFILE_ONLY: [&str; 6] = [
        "firstname",
        "lastname",
        "experiences",
        "jobTitle",
        "skills",
        "educations",
    ];
    if value.get("name").is_some() && PROFILE_ONLY.iter().all(|k| value.get(k).is_none()) {
        RecordKind::Organizations
    } else {
        RecordKind::Profiles
    }
}

/// Lines looked at to decide what a file holds.
const KIND_SAMPLE: usize = 100;

/// The kind of most of the well-formed objects among the first lines of
/// `sample` (profiles on a tie or when none is well formed).
fn detect_kind(sample: &[&[u8]]) -> RecordKind {
    let (mut profiles, mut organizations) = (0, 0);
    for line in sample {
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(line.trim_ascii()) {
            if value.is_object() {
                match kind_of(&value) {
                    RecordKind::Profiles => profiles += 1,
                    RecordKind::Organizations => organizations += 1,
                }
            }
        }
    }
    if organizations > profiles {
        RecordKind::Organizations
    } else {
        RecordKind::Profiles
    }
}

/// One profile in the documented schema, read and checked as the importer
/// reads a line of a profiles file (`PUT /v1/talents/{id}` takes the same
/// rules); the reason when it is refused.
pub fn read_profile(text: &str) -> Result<Talent, String> {
    match parse_line(text.as_bytes(), RecordKind::Profiles)? {
        Record::Profile(t, _) => Ok(*t),
        Record::Organization(_) => Err("expected a talent profile".into()),
    }
}

fn parse_line(line: &[u8], kind: RecordKind) -> Result<Record, String> {
    let text = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    match kind {
        RecordKind::Profiles => match serde_json::from_str::<Talent>(text) {
            Ok(t) => {
                validate::talent(&t)?;
                Ok(Record::Profile(Box::new(t), Contacts::default()))
            }
            Err(e) => Err(other_kind(text, kind).unwrap_or_else(|| describe(&e))),
        },
        RecordKind::Organizations => match serde_json::from_str::<Organization>(text) {
            Ok(o) => {
                validate::organization(&o)?;
                Ok(Record::Organization(o))
            }
            Err(e) => Err(other_kind(text, kind).unwrap_or_else(|| describe(&e))),
        },
    }
}

/// The reason for a line of the other kind than its file's.
fn other_kind(text: &str, file_kind: RecordKind) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    match (file_kind, kind_of(&value)) {
        (RecordKind::Profiles, RecordKind::Organizations) => Some(
            "an organization in a file of profiles (told by its first records): import organizations from a file of their own, or with --organizations".into(),
        ),
        (RecordKind::Organizations, RecordKind::Profiles) => Some(
            "a profile in a file of organizations (told by its first records): import profiles from a file of their own".into(),
        ),
        _ => None,
    }
}

/// A parse error in words a person can act on.
fn describe(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("malformed JSON: {msg}")
        }
        _ if msg.starts_with("missing field `id`") => {
            "missing id: every record needs a non-empty string `id`".into()
        }
        _ if msg.starts_with("invalid type: map")
            || msg.starts_with("invalid type: sequence") && msg.contains("expected struct") =>
        {
            "each line must be a JSON object".into()
        }
        _ => format!("wrong shape: {msg}"),
    }
}

fn record_id(r: &Record) -> &str {
    match r {
        Record::Profile(t, _) => &t.id,
        Record::Organization(o) => &o.id,
    }
}

/// The id of a record as a 64-bit hash, to find an id seen earlier in the
/// file in ~18 bytes per id (a string set would cost ~60: millions of ids).
fn id_hash(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(id)
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// What reading one line gave.
enum LineRead {
    /// The end of the file.
    End,
    /// A line (with its newline, if it had one).
    Line,
    /// A line longer than the limit: `line` holds its start, the rest was
    /// skipped without being held.
    Oversize,
}

/// The next line of `reader` into `line`, holding at most `max + 1` bytes.
fn next_line(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<LineRead> {
    line.clear();
    if reader.take(max as u64 + 1).read_until(b'\n', line)? == 0 {
        return Ok(LineRead::End);
    }
    if line.len() <= max || line.last() == Some(&b'\n') {
        return Ok(LineRead::Line);
    }
    let mut rest = Vec::new();
    loop {
        rest.clear();
        let m = reader.take(1 << 20).read_until(b'\n', &mut rest)?;
        if m == 0 || rest.last() == Some(&b'\n') {
            return Ok(LineRead::Oversize);
        }
    }
}

/// Reads a file on its own thread, sending batches of records and rejects.
/// A read error after the file opened (a damaged gzip) ends the file: what
/// was read before it is sent first, then the damage.
fn spawn_reader(
    path: PathBuf,
    options: ImportOptions,
    bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    tx: tokio::sync::mpsc::Sender<Batch>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let opened = (|| -> std::io::Result<Box<dyn BufRead>> {
            let file = File::open(&path)?;
            let mut peek = BufReader::new(Counting {
                inner: file,
                count: bytes,
            });
            let gz = peek.fill_buf()?.starts_with(&[0x1f, 0x8b]);
            Ok(if gz {
                Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(peek)))
            } else {
                Box::new(peek)
            })
        })();
        let mut reader = match opened {
            Ok(r) => r,
            Err(e) => {
                let _ = tx.blocking_send(Batch::Failed(e));
                return;
            }
        };
        let max = options.max_line_bytes;
        let mut records = Vec::with_capacity(options.batch_size);
        let mut rejects = Vec::new();
        let mut seen: HashSet<u64, std::hash::BuildHasherDefault<PassThrough>> = HashSet::default();
        let mut line_no = 0u64;
        // the first lines, read ahead to tell what the file holds
        let mut ahead: std::collections::VecDeque<(Vec<u8>, LineRead)> =
            std::collections::VecDeque::new();
        let mut damage: Option<std::io::Error> = None;
        while ahead.len() < KIND_SAMPLE {
            let mut line = Vec::new();
            match next_line(&mut reader, &mut line, max) {
                Ok(LineRead::End) => break,
                Ok(read) => ahead.push_back((line, read)),
                Err(e) => {
                    damage = Some(e);
                    break;
                }
            }
        }
        if let Some((first, _)) = ahead.front_mut() {
            // a UTF-8 byte-order mark is not part of the first record
            if first.starts_with(b"\xEF\xBB\xBF") {
                first.drain(..3);
            }
        }
        let kind = options.kind.unwrap_or_else(|| {
            let sample: Vec<&[u8]> = ahead.iter().map(|(l, _)| l.as_slice()).collect();
            detect_kind(&sample)
        });
        let mut line = Vec::with_capacity(4096);
        loop {
            let read = if let Some((next, read)) = ahead.pop_front() {
                line = next;
                read
            } else if damage.is_some() {
                break;
            } else {
                match next_line(&mut reader, &mut line, max) {
                    Ok(LineRead::End) => break,
                    Ok(read) => read,
                    Err(e) => {
                        damage = Some(e);
                        break;
                    }
                }
            };
            line_no += 1;
            if let LineRead::Oversize = read {
                rejects.push(Reject {
                    line: line_no,
                    reason: format!("line longer than {max} bytes"),
                    excerpt: excerpt(&line),
                });
                continue;
            }
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            match parse_line(trimmed, kind) {
                Ok(r) if !seen.insert(id_hash(record_id(&r))) => rejects.push(Reject {
                    line: line_no,
                    reason: format!(
                        "duplicate id `{}`: an earlier line of this file has it, and the first one is kept",
                        record_id(&r)
                    ),
                    excerpt: excerpt(trimmed),
                }),
                Ok(r) => records.push(r),
                Err(reason) => rejects.push(Reject {
                    line: line_no,
                    reason,
                    excerpt: excerpt(trimmed),
                }),
            }
            if records.len() >= options.batch_size {
                let full = std::mem::replace(&mut records, Vec::with_capacity(options.batch_size));
                if tx
                    .blocking_send(Batch::Records(full, std::mem::take(&mut rejects)))
                    .is_err()
                {
                    return;
                }
            }
        }
        if (!records.is_empty() || !rejects.is_empty())
            && tx.blocking_send(Batch::Records(records, rejects)).is_err()
        {
            return;
        }
        if let Some(error) = damage {
            let _ = tx.blocking_send(Batch::Damaged {
                lines: line_no,
                error,
            });
        }
    })
}

/// Reads a file of another format than JSON Lines whole, with its reader
/// in `formats`, and sends its profiles in batches as `spawn_reader` does:
/// each checked as an imported line is, a repeated id rejected.
fn spawn_converted(
    path: PathBuf,
    format: Format,
    options: ImportOptions,
    bytes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    total: u64,
    tx: tokio::sync::mpsc::Sender<Batch>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let converted = match crate::formats::read(&path, format, &options.columns) {
            Ok(c) => c,
            Err(reason) => {
                let _ = tx.blocking_send(Batch::Failed(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{} ({}): {reason}", path.display(), format.name()),
                )));
                return;
            }
        };
        bytes.store(total, std::sync::atomic::Ordering::Relaxed);
        let mut seen: HashSet<u64, std::hash::BuildHasherDefault<PassThrough>> = HashSet::default();
        let (mut records, mut rejects) = (Vec::with_capacity(options.batch_size), Vec::new());
        for c in converted {
            let contacts = c.contacts;
            let checked = c.profile.and_then(|t| validate::talent(&t).map(|()| t));
            match checked {
                Ok(t) if !seen.insert(id_hash(&t.id)) => rejects.push(Reject {
                    line: c.line,
                    reason: format!(
                        "duplicate id `{}`: an earlier row of this file is the same person (or has this id), and the first one is kept",
                        t.id
                    ),
                    excerpt: c.excerpt,
                }),
                Ok(t) => records.push(Record::Profile(Box::new(t), contacts)),
                Err(reason) => rejects.push(Reject {
                    line: c.line,
                    reason,
                    excerpt: c.excerpt,
                }),
            }
            if records.len() >= options.batch_size {
                let full = std::mem::replace(&mut records, Vec::with_capacity(options.batch_size));
                if tx
                    .blocking_send(Batch::Records(full, std::mem::take(&mut rejects)))
                    .is_err()
                {
                    return;
                }
            }
        }
        if !records.is_empty() || !rejects.is_empty() {
            let _ = tx.blocking_send(Batch::Records(records, rejects));
        }
    })
}

struct RejectsFile {
    path: PathBuf,
    file: Option<std::io::BufWriter<File>>,
}

impl RejectsFile {
    fn write(&mut self, source: &Path, r: &Reject) -> Result<(), ImportError> {
        let err = |e| ImportError::Rejects {
            path: self.path.clone(),
            source: e,
        };
        if self.file.is_none() {
            if let Some(dir) = self.path.parent() {
                scout_store::private_files::create_dir(dir).map_err(err)?;
            }
            // rejected lines are excerpts of people's profiles
            self.file = Some(std::io::BufWriter::new(
                scout_store::private_files::create_file(&self.path).map_err(err)?,
            ));
        }
        let line = serde_json::json!({"file": source.display().to_string(), "line": r.line, "reason": r.reason, "excerpt": r.excerpt});
        if let Some(f) = self.file.as_mut() {
            writeln!(f, "{line}").map_err(|e| ImportError::Rejects {
                path: self.path.clone(),
                source: e,
            })?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Option<PathBuf>, ImportError> {
        match self.file.take() {
            Some(mut f) => {
                f.flush().map_err(|e| ImportError::Rejects {
                    path: self.path.clone(),
                    source: e,
                })?;
                Ok(Some(self.path))
            }
            None => Ok(None),
        }
    }
}

/// Imports `paths` into `store`, and into the index through `writer` when
/// given (pass `None` when a running server holds the index: it follows the
/// store and indexes the records itself).
pub async fn import_files(
    paths: &[PathBuf],
    store: &Store,
    mut writer: Option<&mut IndexWriterHandle>,
    options: &ImportOptions,
    progress: &dyn Progress,
) -> Result<ImportSummary, ImportError> {
    let started = Instant::now();
    let mut summary = ImportSummary {
        indexed: writer.is_some(),
        ..Default::default()
    };
    if let Some(w) = writer.as_deref_mut() {
        sync::load_organizations(store, w).await?;
        sync::catch_up(store, w, &|_, _| {}).await?;
    }
    let mut last_commit = Instant::now();
    for path in paths {
        let total = std::fs::metadata(path)
            .map_err(|e| ImportError::Read {
                path: path.clone(),
                source: e,
            })?
            .len();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        progress.start_file(&name, total);
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let mut rejects = RejectsFile {
            path: options
                .rejects_dir
                .join(format!("{name}.{stamp}.rejects.jsonl")),
            file: None,
        };
        let bytes = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let (tx, mut rx) = tokio::sync::mpsc::channel(4);
        let format = match options.format {
            Some(f) => f,
            None => crate::formats::detect(path).map_err(|e| ImportError::Read {
                path: path.clone(),
                source: e,
            })?,
        };
        let reader = if format == Format::Jsonl {
            spawn_reader(path.clone(), options.clone(), bytes.clone(), tx)
        } else {
            spawn_converted(
                path.clone(),
                format,
                options.clone(),
                bytes.clone(),
                total,
                tx,
            )
        };
        let source = options
            .source
            .clone()
            .unwrap_or_else(|| path.display().to_string());
        let mut read_bytes = 0;
        // a batch stored but not yet indexed
        let mut stored: Option<(Vec<Talent>, UpsertReport)> = None;
        while let Some(batch) = rx.recv().await {
            let (records, bad) = match batch {
                Batch::Records(r, b) => (r, b),
                Batch::Damaged { lines, error } => {
                    tracing::warn!(file = %path.display(), lines, error = %error, "the file is damaged; every line before the damage was imported");
                    summary.damaged.push(Damage {
                        file: path.clone(),
                        lines_read: lines,
                        reason: error.to_string(),
                    });
                    continue;
                }
                Batch::Failed(e) => {
                    return Err(ImportError::Read {
                        path: path.clone(),
                        source: e,
                    })
                }
            };
            summary.read += (records.len() + bad.len()) as u64;
            summary.rejected += bad.len() as u64;
            for r in &bad {
                rejects.write(path, r)?;
            }
            let (profiles, orgs): (Vec<Record>, Vec<Record>) = records
                .into_iter()
                .partition(|r| matches!(r, Record::Profile(..)));
            let (profiles, contacts): (Vec<Talent>, Vec<Contacts>) = profiles
                .into_iter()
                .filter_map(|r| {
                    if let Record::Profile(t, c) = r {
                        Some((*t, c))
                    } else {
                        None
                    }
                })
                .unzip();
            let orgs: Vec<Organization> = orgs
                .into_iter()
                .filter_map(|r| {
                    if let Record::Organization(o) = r {
                        Some(o)
                    } else {
                        None
                    }
                })
                .collect();
            let n = (profiles.len() + orgs.len()) as u64;
            if !orgs.is_empty() {
                // organizations renumber their employees: index what is
                // stored first, so the change feed stays in order
                index_stored(store, writer.as_deref_mut(), stored.take()).await?;
                let report = store.upsert_organizations(&orgs, &source).await?;
                count(&mut summary, &report.outcomes);
                if let Some(w) = writer.as_deref_mut() {
                    sync::catch_up(store, w, &|_, _| {}).await?;
                }
            }
            if !profiles.is_empty() {
                // Store this batch while the previous one is indexed: stores
                // stay strictly in order (a later line updates an earlier
                // one), and indexing a batch needs only its own numbers.
                let task_store = store.clone();
                let task_source = source.clone();
                let owner = options.owner.clone();
                let storing = tokio::spawn(async move {
                    let report = task_store
                        .import_profiles(&profiles, &contacts, &task_source, owner.as_deref())
                        .await?;
                    Ok::<_, StoreError>((profiles, report))
                });
                index_stored(store, writer.as_deref_mut(), stored.take()).await?;
                let (done, report) = storing.await.map_err(|e| {
                    StoreError::Io(std::io::Error::other(format!("storing task failed: {e}")))
                })??;
                count(&mut summary, &report.outcomes);
                stored = Some((keyed(done, options.owner.as_deref()), report));
            }
            if let Some(w) = writer.as_deref_mut() {
                if last_commit.elapsed() > COMMIT_INTERVAL {
                    w.commit().map_err(SyncError::from)?;
                    last_commit = Instant::now();
                }
            }
            let now_bytes = bytes.load(std::sync::atomic::Ordering::Relaxed);
            progress.advance(now_bytes.saturating_sub(read_bytes), n);
            read_bytes = now_bytes;
        }
        index_stored(store, writer.as_deref_mut(), stored.take()).await?;
        let _ = reader.join();
        summary.files += 1;
        if let Some(p) = rejects.finish()? {
            summary.rejects_files.push(p);
        }
    }
    if let Some(w) = writer {
        sync::catch_up(store, w, &|_, _| {}).await?;
        w.commit().map_err(SyncError::from)?;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Profiles as the index keys them: a workspace's own under
/// `scout_model::ownership::profile_key`.
fn keyed(mut profiles: Vec<Talent>, owner: Option<&str>) -> Vec<Talent> {
    if owner.is_some() {
        for t in &mut profiles {
            t.id = scout_model::ownership::profile_key(owner, &t.id);
        }
    }
    profiles
}

/// Indexes a stored batch, if there is one and an index writer: directly
/// when no one else wrote in between (its changes are the next ones the
/// index expects), else by catching up.
async fn index_stored(
    store: &Store,
    writer: Option<&mut IndexWriterHandle>,
    stored: Option<(Vec<Talent>, UpsertReport)>,
) -> Result<(), ImportError> {
    let (Some(w), Some((profiles, report))) = (writer, stored) else {
        return Ok(());
    };
    let Some(last) = report.last_seq else {
        return Ok(());
    };
    let changed = report.outcomes.iter().filter(|o| o.wrote()).count() as i64;
    // a merge wrote a survivor no input stands for: the feed has it
    let merged = report.outcomes.contains(&UpsertOutcome::Merged);
    if !merged && last - changed == w.applied() {
        // The index holds exactly the store's profiles as of this batch's
        // first number, so an id the store had never seen is not in it.
        let items: Vec<Upsert<'_>> = profiles
            .iter()
            .zip(&report.outcomes)
            .filter(|(_, o)| o.wrote())
            .enumerate()
            .map(|(k, (talent, outcome))| Upsert {
                seq: last - changed + 1 + k as i64,
                talent,
                first_seen: *outcome == UpsertOutcome::Inserted,
            })
            .collect();
        w.upsert_many(&items).map_err(SyncError::from)?;
    } else {
        sync::catch_up(store, w, &|_, _| {}).await?;
    }
    Ok(())
}

fn count(summary: &mut ImportSummary, outcomes: &[UpsertOutcome]) {
    for o in outcomes {
        match o {
            UpsertOutcome::Inserted => summary.inserted += 1,
            UpsertOutcome::Updated => summary.updated += 1,
            UpsertOutcome::Unchanged => summary.unchanged += 1,
            UpsertOutcome::Suppressed => summary.erased += 1,
            UpsertOutcome::Taken => summary.taken += 1,
            UpsertOutcome::Merged => summary.merged += 1,
        }
    }
}
