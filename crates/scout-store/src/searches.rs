//! Records of prompt searches (what was asked, how it was read, what it
//! returned, how it was expanded and re-prompted) and of saved candidate
//! lists. The store keeps filters and readings as JSON: it does not
//! interpret them.

use serde_json::Value;

/// Most members a saved list holds (documented in `docs/prompt-search.md`).
pub const MAX_POOL_MEMBERS: usize = 10_000;

/// A prompt search as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateSearch {
    /// `cs_…`
    pub id: String,
    /// Owning workspace.
    pub workspace_id: String,
    /// The user who ran it.
    pub user_id: String,
    /// `prompt` or `sales_navigator`.
    pub source: String,
    /// The prompt (or the Sales Navigator URL).
    pub prompt: String,
    /// The documented filter objects it ran with.
    pub filters: Value,
    /// How the prompt was read (explanations, notes, ignored filters).
    pub interpretation: Value,
    /// Matches of the current filters.
    pub total: i64,
    /// Talent ids returned so far, in order.
    pub result_ids: Vec<String>,
    /// The relaxation steps applied by expansions, in order.
    pub expansions: Value,
    /// Earlier prompts with their filters and totals, oldest first.
    pub revisions: Value,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

impl CandidateSearch {
    /// An `updated_at` for a change made `now`: later than the one read, even
    /// when the clock has not moved, so it doubles as the search's version
    /// for [`crate::Store::update_search_if_unchanged`].
    pub fn next_version(&self, now: i64) -> i64 {
        now.max(self.updated_at + 1)
    }
}

/// A saved list of candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidatePool {
    /// `pool_…`
    pub id: String,
    /// Owning workspace.
    pub workspace_id: String,
    /// The user who made it.
    pub user_id: String,
    /// Its name.
    pub name: String,
    /// The search it was made from, if any.
    pub search_id: Option<String>,
    /// How many members.
    pub member_count: i64,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    /// Milliseconds since the epoch.
    pub updated_at: i64,
}

/// A list to create.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPool {
    /// Owning workspace.
    pub workspace_id: String,
    /// The user making it.
    pub user_id: String,
    /// Its name.
    pub name: String,
    /// The search it comes from.
    pub search_id: Option<String>,
    /// Members in order (duplicates are kept once, first place).
    pub talent_ids: Vec<String>,
}

/// Members in order, first occurrence kept.
pub(crate) fn unique_in_order(ids: &[String]) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    ids.iter()
        .map(String::as_str)
        .filter(|id| seen.insert(*id))
        .collect()
}
