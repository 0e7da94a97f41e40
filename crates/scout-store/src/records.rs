//! The shapes the store hands back.

use scout_model::Talent;

/// What an upsert did to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpsertOutcome {
    /// The id was new.
    Inserted,
    /// The id existed with other content.
    Updated,
    /// The id existed with the same content; nothing was written.
    Unchanged,
    /// The person was erased on request and is on the suppression list;
    /// nothing was written.
    Suppressed,
    /// Another pool the same workspace sees holds a profile of this id (a
    /// workspace writing an id of the shared pool, or the operator putting
    /// into the shared pool an id some workspace holds); nothing was written.
    Taken,
    /// A stored profile of the pool is certainly the same person (the same
    /// LinkedIn address or e-mail): the record was merged into it
    /// (`duplicates.rs`), which took a change number; its own id was not
    /// stored.
    Merged,
}

impl UpsertOutcome {
    /// Whether the record was written (and took a change number).
    pub fn wrote(self) -> bool {
        matches!(self, UpsertOutcome::Inserted | UpsertOutcome::Updated)
    }
}

/// The result of one upsert call: one outcome per input, in order.
#[derive(Debug, Default, Clone)]
pub struct UpsertReport {
    /// Per-record outcomes.
    pub outcomes: Vec<UpsertOutcome>,
    /// The highest sequence number written, if anything was.
    pub last_seq: Option<i64>,
}

impl UpsertReport {
    /// How many records had the given outcome.
    pub fn count(&self, outcome: UpsertOutcome) -> usize {
        self.outcomes.iter().filter(|o| **o == outcome).count()
    }
}

/// What kind of record a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A talent profile.
    Profile,
    /// An organization.
    Organization,
}

/// One entry of the change sequence.
#[derive(Debug, Clone)]
pub struct Change {
    /// Its sequence number.
    pub seq: i64,
    /// Profile or organization.
    pub kind: ChangeKind,
    /// The record's id.
    pub id: String,
    /// The record as JSON now, or `None` if it was deleted.
    pub doc: Option<serde_json::Value>,
}

/// A stored profile with its provenance.
#[derive(Debug, Clone)]
pub struct StoredProfile {
    /// The profile.
    pub talent: Talent,
    /// Sequence number of its last change.
    pub seq: i64,
    /// When Scout first saw it (Unix milliseconds).
    pub first_seen_at: i64,
    /// When its content last changed (Unix milliseconds).
    pub last_changed_at: i64,
    /// The file or feed it last came from.
    pub source: Option<String>,
    /// The workspace that owns it; `None` for the shared pool.
    pub owner: Option<String>,
}

/// One page a search returned, recorded so that later pages can exclude it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTransaction {
    /// `st_…`.
    pub id: String,
    /// The workspace whose search it was; no other can name it.
    pub workspace_id: String,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// The talents the page returned, in order.
    pub talent_ids: Vec<String>,
}
