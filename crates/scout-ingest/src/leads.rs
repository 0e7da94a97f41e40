//! Taking CVs in as leads, shared by `POST /api/v1/sourcing/cvs` and
//! `scout leads import`: read the file, score it against a role with the
//! pipeline's fit scorer, and store it (idempotent by content hash).

use scout_engine::Engine;
use scout_model::Talent;
use scout_store::{LeadOutcome, NewLead, Sourcing, Store, StoreError};

use crate::cv::{self, FileKind};

/// A file taken in.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    /// The lead's id.
    pub lead_id: String,
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

/// Reads and stores one CV for `workspace_id`, linked to `role` when given.
pub async fn intake_file(
    store: &Store,
    engine: &Engine,
    workspace_id: &str,
    actor: &str,
    file_name: &str,
    bytes: Vec<u8>,
    role: Option<&Sourcing>,
) -> Result<Intake, StoreError> {
    let hash = cv::content_hash(&bytes);
    let read = cv::parse_cv(&bytes);
    let (kind, outcome, fit, status, failure) = match read {
        Ok(r) => {
            let talent = cv::talent_of(&hash, &r.parsed);
            let fit = role.map(|role| resume_fit(engine, role, &talent));
            let parsed = serde_json::to_value(&r.parsed).unwrap_or(serde_json::Value::Null);
            let outcome = LeadOutcome::Parsed {
                full_name: r.parsed.full_name.clone(),
                email: r.parsed.email.clone(),
                phone: r.parsed.phone_e164.clone().or(r.parsed.phone.clone()),
                summary: r.parsed.summary.clone(),
                skills: r.parsed.skills.clone(),
                parsed,
            };
            (kind_name(Some(r.kind)), outcome, fit, "parsed", None)
        }
        Err(e) => (
            kind_name(cv::kind_of(&bytes).ok()),
            LeadOutcome::Failed {
                code: e.code().to_owned(),
                reason: e.to_string(),
            },
            role.map(|_| -1),
            "failed",
            Some(e.to_string()),
        ),
    };
    let new = NewLead {
        workspace_id: workspace_id.to_owned(),
        actor: actor.to_owned(),
        file_name: file_name.to_owned(),
        file_hash: hash,
        file_kind: kind.to_owned(),
        content: bytes,
        outcome,
        role: role.map(|r| (r.id.clone(), fit.unwrap_or(-1))),
    };
    let (lead_id, created) = store.intake_lead(&new).await?;
    Ok(Intake {
        lead_id,
        created,
        status,
        failure,
    })
}
