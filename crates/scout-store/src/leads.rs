//! Records of leads: people read from CVs (or sourced) before they become
//! candidates, each belonging to one workspace (the documents' organization),
//! the roles of that workspace they are considered for with fit scores, and
//! what happened to them. The same file uploaded by two workspaces is two
//! leads that share nothing a client can see (the bytes are stored once).

use serde_json::Value;

/// What reading a CV gave.
#[derive(Debug, Clone, PartialEq)]
pub enum LeadOutcome {
    /// Read: the fields found.
    Parsed {
        /// Full name.
        full_name: Option<String>,
        /// Email from the CV.
        email: Option<String>,
        /// Phone (E.164 when known).
        phone: Option<String>,
        /// Summary.
        summary: Option<String>,
        /// Canonical skills.
        skills: Vec<String>,
        /// Everything parsed, as JSON.
        parsed: Value,
    },
    /// Not read: why.
    Failed {
        /// Stable reason code.
        code: String,
        /// For people.
        reason: String,
    },
}

/// A CV to take in.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLead {
    /// The organization (workspace) that uploaded it.
    pub workspace_id: String,
    /// Who uploaded it (user id).
    pub actor: String,
    /// File name as uploaded.
    pub file_name: String,
    /// SHA-256 of the content, hex.
    pub file_hash: String,
    /// `pdf`, `docx`, `text`, or `unknown`.
    pub file_kind: String,
    /// The file.
    pub content: Vec<u8>,
    /// What reading it gave.
    pub outcome: LeadOutcome,
    /// A role (job) to link it to, with its resume fit (−1 when not scored).
    pub role: Option<(String, i64)>,
}

/// A lead's link to a role (job).
#[derive(Debug, Clone, PartialEq)]
pub struct LeadRole {
    /// The sourcing (job) id, of the lead's workspace.
    pub role_id: String,
    /// `Assigned`, `Screened`, `Converted`.
    pub status: String,
    /// 0–100, −1 until scored.
    pub resume_fit_score: i64,
    /// 0–100, −1 until a screening is recorded.
    pub overall_fit_score: i64,
    /// The screening recorded, if any.
    pub screening: Option<Value>,
    /// The candidate made from the lead for this role.
    pub candidate_id: Option<String>,
}

/// A lead as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    /// `pc_…`
    pub id: String,
    /// The workspace (organization) it belongs to.
    pub workspace_id: String,
    /// SHA-256 of the CV.
    pub file_hash: String,
    /// File name as uploaded.
    pub file_name: String,
    /// `uploaded`, `parsed`, `failed`, `converted`.
    pub status: String,
    /// Why it failed.
    pub failure_code: Option<String>,
    /// Why it failed, for people.
    pub failure_reason: Option<String>,
    /// Full name.
    pub full_name: Option<String>,
    /// Email from the CV.
    pub email: Option<String>,
    /// Account email for invitations.
    pub contact_email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Skills.
    pub skills: Vec<String>,
    /// Everything parsed.
    pub parsed: Value,
    /// An earlier lead that looks like the same person.
    pub duplicate_of: Option<String>,
    /// The candidate it became.
    pub candidate_id: Option<String>,
    /// Roles it is considered for.
    pub roles: Vec<LeadRole>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// Which leads to list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeadQuery {
    /// Only leads of this workspace; `None` for an operator (all).
    pub visible_to: Option<String>,
    /// Only leads linked to this role.
    pub role_id: Option<String>,
    /// Only leads in this status.
    pub status: Option<String>,
    /// Rows to skip.
    pub offset: i64,
    /// Rows to return.
    pub limit: i64,
}

/// One entry of a lead's history.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadEvent {
    /// Milliseconds since the epoch.
    pub at: i64,
    /// `uploaded`, `parsed`, `failed`, `linked`, `role`, `screened`, `converted`.
    pub kind: String,
    /// Details.
    pub detail: Value,
}
