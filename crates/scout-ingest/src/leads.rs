//! Taking CVs in as leads, shared by `POST /api/v1/sourcing/cvs` and
//! `scout leads import`: read the file, score it against a role with the
//! pipeline's fit scorer, and store it (idempotent by content hash within a
//! workspace).
//!
//! Reading and scoring are CPU work on untrusted files: they run on
//! blocking threads, never the async runtime's, at most [`CvReaders`]'s
//! number at once (a file waits for its turn), each within a time limit
//! past which the file is a failed lead (`too_complex`). Memory is bounded
//! by the reader itself (`cv::extract`: decompressed bytes, objects, pages).

use std::sync::Arc;
use std::time::Duration;

use scout_engine::Engine;
use scout_model::Talent;
use scout_store::data_rights::contact_digests;
use scout_store::{LeadOutcome, NewLead, Sourcing, Store, StoreError};

use crate::cv::{self, FileKind};

/// A file taken in.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    /// The lead's id; `None` when nothing was stored (the CV names a
    /// person erased on request).
    pub lead_id: Option<String>,
    /// `false` when the same file was already a lead.
    pub created: bool,
    /// `parsed` or `failed`.
    pub status: &'static str,
    /// Why it failed.
    pub failure: Option<String>,
}

/// The resume fit (0–100) of a profile for a role, −1 when it cannot be computed.
pub fn resume_fit(engine: &Engine, role: &Sourcing, talent: &Talent) -> i64 {
    match crate::candidates::assess(engine, role, &[(talent, None)]) {
        Ok(a) => a.first().map_or(-1, |a| i64::from(a.score)),
        Err(e) => {
            tracing::warn!(error = %e, "resume fit could not be computed");
            -1
        }
    }
}

fn kind_name(kind: Option<FileKind>) -> &'static str {
    match kind {
        Some(FileKind::Pdf) => "pdf",
        Some(FileKind::Docx) => "docx",
        Some(FileKind::Text) => "text",
        None => "unknown",
    }
}

/// Bounds on reading CVs: how many at once and how long each may take.
#[derive(Clone)]
pub struct CvReaders {
    permits: Arc<tokio::sync::Semaphore>,
    timeout: Duration,
}

/// How long one CV may take to read and score.
pub const CV_READ_TIMEOUT: Duration = Duration::from_secs(30);

impl Default for CvReaders {
    /// One reader per core, [`CV_READ_TIMEOUT`] each.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        CvReaders::new(cores, CV_READ_TIMEOUT)
    }
}

impl CvReaders {
    /// `parallel` readers at once, `timeout` each.
    pub fn new(parallel: usize, timeout: Duration) -> CvReaders {
        CvReaders {
            permits: Arc::new(tokio::sync::Semaphore::new(parallel.max(1))),
            timeout,
        }
    }

    /// Runs `work` on a blocking thread once a reader is free. Past the time
    /// limit the answer is `TooComplex`; the thread still finishes and holds
    /// its reader until then, so a slow file cannot start many more.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, cv::CvError> {
        let too_complex = |why: &str| cv::CvError::TooComplex(why.to_owned());
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| too_complex("the CV readers are shut down"))?;
        let task = tokio::task::spawn_blocking(move || {
            let _reader = permit;
            work()
        });
        match tokio::time::timeout(self.timeout, task).await {
            Ok(Ok(done)) => Ok(done),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "a CV reader failed");
                Err(too_complex("the reader failed on this file"))
            }
            Err(_) => Err(cv::CvError::TooComplex(format!(
                "reading took longer than {} s",
                self.timeout.as_secs()
            ))),
        }
    }
}

/// What reading and scoring a file gave.
struct Reading {
    kind: &'static str,
    outcome: LeadOutcome,
    fit: Option<i64>,
    status: &'static str,
    failure: Option<String>,
}

fn failed(kind: &'static str, e: &cv::CvError, scored: bool) -> Reading {
    Reading {
        kind,
        outcome: LeadOutcome::Failed {
            code: e.code().to_owned(),
            reason: e.to_string(),
        },
        fit: scored.then_some(-1),
        status: "failed",
        failure: Some(e.to_string()),
    }
}

/// Reads `bytes` and scores the person against `role` (blocking work).
fn read_and_score(engine: &Engine, hash: &str, bytes: &[u8], role: Option<&Sourcing>) -> Reading {
    match cv::parse_cv(bytes) {
        Ok(r) => {
            let talent = cv::talent_of(hash, &r.parsed);
            let fit = role.map(|role| resume_fit(engine, role, &talent));
            let parsed = serde_json::to_value(&r.parsed).unwrap_or(serde_json::Value::Null);
            Reading {
                kind: kind_name(Some(r.kind)),
                outcome: LeadOutcome::Parsed {
                    full_name: r.parsed.full_name.clone(),
                    email: r.parsed.email.clone(),
                    phone: r.parsed.phone_e164.clone().or(r.parsed.phone.clone()),
                    summary: r.parsed.summary.clone(),
                    skills: r.parsed.skills.clone(),
                    parsed,
                },
                fit,
                status: "parsed",
                failure: None,
            }
        }
        Err(e) => failed(kind_name(cv::kind_of(bytes).ok()), &e, role.is_some()),
    }
}

/// Why a CV of a person erased on request is not stored.
pub const ERASED: &str =
    "this CV names a person who asked to be erased; it was not stored (docs/operations.md, Data rights)";

/// Whether the CV's e-mail address or LinkedIn address is on the
/// suppression list of people erased on request.
async fn names_an_erased_person(store: &Store, outcome: &LeadOutcome) -> Result<bool, StoreError> {
    let LeadOutcome::Parsed { email, parsed, .. } = outcome else {
        return Ok(false);
    };
    let suppressions = store.suppression_list().await?;
    if suppressions.is_empty() {
        return Ok(false);
    }
    let links = parsed
        .get("links")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_str);
    Ok(suppressions.holds_any(&contact_digests(email.as_deref(), links)))
}

/// Reads and stores one CV for `workspace_id`, linked to `role` when given.
#[allow(clippy::too_many_arguments)]
pub async fn intake_file(
    store: &Store,
    engine: &Arc<Engine>,
    readers: &CvReaders,
    workspace_id: &str,
    actor: &str,
    file_name: &str,
    bytes: Vec<u8>,
    role: Option<&Sourcing>,
) -> Result<Intake, StoreError> {
    let bytes = Arc::new(bytes);
    let hash = cv::content_hash(&bytes);
    let reading = {
        let (engine, bytes, hash, role) =
            (engine.clone(), bytes.clone(), hash.clone(), role.cloned());
        readers
            .run(move || read_and_score(&engine, &hash, &bytes, role.as_ref()))
            .await
    };
    let reading =
        reading.unwrap_or_else(|e| failed(kind_name(cv::kind_of(&bytes).ok()), &e, role.is_some()));
    let new = NewLead {
        workspace_id: workspace_id.to_owned(),
        actor: actor.to_owned(),
        file_name: file_name.to_owned(),
        file_hash: hash,
        file_kind: reading.kind.to_owned(),
        content: Arc::try_unwrap(bytes).unwrap_or_else(|shared| shared.as_ref().clone()),
        outcome: reading.outcome,
        role: role.map(|r| (r.id.clone(), reading.fit.unwrap_or(-1))),
    };
    if names_an_erased_person(store, &new.outcome).await? {
        return Ok(Intake {
            lead_id: None,
            created: false,
            status: "failed",
            failure: Some(ERASED.to_owned()),
        });
    }
    let (lead_id, created) = store.intake_lead(&new).await?;
    Ok(Intake {
        lead_id: Some(lead_id),
        created,
        status: reading.status,
        failure: reading.failure,
    })
}
