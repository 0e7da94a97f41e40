//! People's data rights: finding everything held about one person (their
//! *footprint*), erasing it with a record and a suppression list, the
//! append-only audit log, and per-workspace retention. The statements are
//! in `data_rights_sql/statements.rs`, compiled for both back ends.
//!
//! A person is named by an e-mail address or a talent id. Their footprint
//! follows the links Scout keeps between the two: candidates of that talent
//! or with that e-mail, leads with that e-mail or converted into one of
//! those candidates — and from each of those, the other identifiers they
//! carry — until nothing new is found.

use std::collections::HashSet;
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::StoreError;
use crate::Store;

/// Whom a data-rights request is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonRef {
    /// An e-mail address (compared without case).
    Email(String),
    /// A talent (profile) id.
    Talent(String),
}

/// Longest identifier a request may name.
pub const MAX_PERSON_REF: usize = 320;

impl PersonRef {
    /// Reads an identifier: with an `@`, an e-mail address; else a talent id.
    /// `None` when empty or longer than [`MAX_PERSON_REF`].
    pub fn parse(raw: &str) -> Option<PersonRef> {
        // the bound counts characters as sent, as the API document says
        if raw.chars().count() > MAX_PERSON_REF {
            return None;
        }
        let raw = raw.trim();
        if raw.is_empty() || raw.chars().any(char::is_control) {
            return None;
        }
        Some(if raw.contains('@') {
            PersonRef::Email(raw.to_lowercase())
        } else {
            PersonRef::Talent(raw.to_owned())
        })
    }
}

/// The suppression list: digests of the identifiers of people erased on
/// request. It only grows (an erasure adds, nothing removes), so its
/// length says whether a copy is current.
#[derive(Debug, Default)]
pub struct SuppressionList {
    count: i64,
    digests: HashSet<Vec<u8>>,
}

impl SuppressionList {
    /// Whether nobody was ever erased (the common case).
    pub fn is_empty(&self) -> bool {
        self.digests.is_empty()
    }

    /// Whether any of `digests` is on the list.
    pub fn holds_any(&self, digests: &[Vec<u8>]) -> bool {
        digests.iter().any(|d| self.digests.contains(d))
    }
}

/// This process's copy of the suppression list.
#[derive(Debug, Default)]
pub struct SuppressionCache(std::sync::Mutex<Arc<SuppressionList>>);

impl SuppressionCache {
    fn current(&self, count: i64) -> Option<Arc<SuppressionList>> {
        let list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        (list.count == count).then(|| list.clone())
    }

    fn replace(&self, list: SuppressionList) -> Arc<SuppressionList> {
        let list = Arc::new(list);
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = list.clone();
        list
    }
}

/// The digest under which an identifier is kept on the suppression list:
/// SHA-256 of `kind:normalised value`, so the list names nobody in clear.
pub fn suppression_digest(kind: &str, value: &str) -> Vec<u8> {
    let normal = match kind {
        "linkedin" => normal_linkedin(value),
        "email" => value.trim().to_lowercase(),
        _ => value.trim().to_owned(),
    };
    let mut hasher = Sha256::new();
    hasher.update(kind.as_bytes());
    hasher.update(b":");
    hasher.update(normal.as_bytes());
    hasher.finalize().to_vec()
}

/// `https://www.LinkedIn.com/in/Marie-Dupont/?x=1` → `linkedin.com/in/marie-dupont`.
fn normal_linkedin(url: &str) -> String {
    let lower = url.trim().to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let host_and_path = rest
        .split_once('/')
        .map(|(host, path)| {
            let host = host.rsplit('.').take(2).collect::<Vec<_>>();
            format!(
                "{}/{}",
                host.into_iter().rev().collect::<Vec<_>>().join("."),
                path
            )
        })
        .unwrap_or_else(|| rest.to_owned());
    host_and_path.trim_end_matches('/').to_owned()
}

/// The digests of a profile's identifiers: its id and LinkedIn address.
pub fn profile_digests(talent: &scout_model::Talent) -> Vec<Vec<u8>> {
    let mut out = vec![suppression_digest("talent", &talent.id)];
    if let Some(url) = talent.linkedin_url.as_deref().filter(|u| !u.is_empty()) {
        out.push(suppression_digest("linkedin", url));
    }
    out
}

/// The digests of contact identifiers found outside a profile (a CV's
/// e-mail address and links), as the suppression list keeps them: the
/// address, and each link that is a LinkedIn profile.
pub fn contact_digests<'a>(
    email: Option<&str>,
    links: impl IntoIterator<Item = &'a str>,
) -> Vec<Vec<u8>> {
    email
        .filter(|e| !e.trim().is_empty())
        .map(|e| suppression_digest("email", e))
        .into_iter()
        .chain(
            links
                .into_iter()
                .filter(|l| l.to_lowercase().contains("linkedin.com/"))
                .map(|l| suppression_digest("linkedin", l)),
        )
        .collect()
}

/// Everything the store holds about one person, by id.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Footprint {
    /// Talent ids (stored or only named by candidates and lists).
    pub talent_ids: Vec<String>,
    /// Those of them with a stored profile.
    pub stored_profiles: Vec<String>,
    /// E-mail addresses found on candidates and leads (lower case).
    pub emails: Vec<String>,
    /// LinkedIn addresses of the person's profiles.
    #[serde(skip)]
    pub linkedin_urls: Vec<String>,
    /// Candidate entries: (workspace, sourcing, candidate).
    pub candidates: Vec<(String, String, String)>,
    /// Leads: (workspace, lead).
    pub leads: Vec<(String, String)>,
    /// List memberships: (workspace, list, talent).
    pub list_memberships: Vec<(String, String, String)>,
    /// Saved searches whose results name the person: (workspace, search).
    pub saved_searches: Vec<(String, String)>,
    /// Search transactions (pages handed out) that name the person.
    pub search_transactions: Vec<String>,
}

impl Footprint {
    /// Whether the store holds nothing about the person.
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
            && self.leads.is_empty()
            && self.list_memberships.is_empty()
            && self.saved_searches.is_empty()
            && self.search_transactions.is_empty()
            && self.stored_profiles.is_empty()
    }
}

/// How many of each kind of data an erasure removed: the erasure record
/// (which names nobody).
#[derive(Debug, Default, Clone, Copy, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ErasureCounts {
    /// Stored profiles (each leaves the index through a tombstone).
    pub profiles: u64,
    /// Candidate entries of sourcings and jobs.
    pub candidates: u64,
    /// Notes, ratings and stage changes of those candidates.
    pub candidate_events: u64,
    /// Leads read from CVs.
    pub leads: u64,
    /// Stored CV files no other lead shares.
    pub cv_files: u64,
    /// Places on saved lists.
    pub list_memberships: u64,
    /// Saved searches whose results named the person (the name removed).
    pub saved_searches: u64,
    /// Search pages handed out that named the person (the name removed).
    pub search_transactions: u64,
    /// Identifiers added to the suppression list.
    pub suppressed_identifiers: u64,
}

/// The record of one erasure.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Erasure {
    /// `era_…`.
    pub id: String,
    /// Unix milliseconds.
    pub at: i64,
    /// Who asked (`key:…`, `user:…`, `cli`).
    pub actor: String,
    /// What was removed.
    pub counts: ErasureCounts,
    /// The talent ids whose documents leave the index (not stored in the
    /// record; the caller drops them from its caches).
    #[serde(skip)]
    pub talent_ids: Vec<String>,
}

/// One line of the audit log.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuditEvent {
    /// Increasing; the cursor of `GET /v1/audit`. 0 before it is stored.
    pub id: i64,
    /// Unix milliseconds.
    pub at: i64,
    /// The workspace whose data it was (`None`: the whole server).
    pub workspace_id: Option<String>,
    /// `key:<id>`, `user:<id>` or `cli`.
    pub actor: String,
    /// `viewed`, `exported`, `changed`, `erased`, `retention`.
    pub action: String,
    /// The id of what was touched (talent, candidate, lead, erasure).
    pub subject: String,
    /// What was done, in a few words (never personal data).
    pub detail: Option<String>,
    /// The client's address.
    pub client: Option<String>,
    /// The request's id (`x-request-id`).
    pub request_id: Option<String>,
}

/// A page of the audit log.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// Only this workspace's events (`None`: every event).
    pub workspace_id: Option<String>,
    /// Only events about this id.
    pub subject: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only this actor.
    pub actor: Option<String>,
    /// Events after this id (the previous page's last).
    pub after: i64,
    /// Events per page (1–1,000).
    pub limit: i64,
}

/// What retention removes (or would) in one workspace.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RetentionOutcome {
    /// The workspace's id.
    pub workspace_id: String,
    /// Its name.
    pub workspace: String,
    /// Its retention period.
    pub months: i64,
    /// Unix milliseconds: what nobody touched since is removed.
    pub cutoff: i64,
    /// Candidates removed (or that would be).
    pub candidates: u64,
    /// Leads removed (or that would be).
    pub leads: u64,
}

/// Milliseconds in a month of retention: a mean Gregorian month.
pub const MONTH_MS: i64 = 2_629_746_000;

impl Store {
    /// Everything held about `person`, by id.
    pub async fn person_footprint(&self, person: &PersonRef) -> Result<Footprint, StoreError> {
        match self {
            Store::Sqlite(s) => s.person_footprint(person).await,
            Store::Postgres(s) => s.person_footprint(person).await,
        }
    }

    /// Erases `person` everywhere in the store in one transaction, puts
    /// their identifiers on the suppression list and records the erasure
    /// (and an `erased` audit event) without personal data. Profiles leave
    /// the index through the change sequence (a tombstone each).
    pub async fn erase_person(
        &self,
        person: &PersonRef,
        actor: &str,
        audit: Option<AuditEvent>,
    ) -> Result<Erasure, StoreError> {
        match self {
            Store::Sqlite(s) => s.erase_person(person, actor, audit.as_ref()).await,
            Store::Postgres(s) => {
                crate::writes::retry(|| s.erase_person(person, actor, audit.as_ref())).await
            }
        }
    }

    /// The erasure records, latest first.
    pub async fn erasures(&self, limit: i64) -> Result<Vec<Erasure>, StoreError> {
        match self {
            Store::Sqlite(s) => s.erasures(limit).await,
            Store::Postgres(s) => s.erasures(limit).await,
        }
    }

    /// How many erasures were ever made (an index follower purges deleted
    /// documents when it grows).
    pub async fn erasure_count(&self) -> Result<i64, StoreError> {
        match self {
            Store::Sqlite(s) => s.erasure_count().await,
            Store::Postgres(s) => s.erasure_count().await,
        }
    }

    /// The suppression list, read again only when it has grown since this
    /// process last read it: one `COUNT(*)` per call, so an import checks
    /// each batch against the list as it is at that moment (an erasure made
    /// by another process or server in the middle of an import counts from
    /// the next batch) without a query per profile.
    pub async fn suppression_list(&self) -> Result<Arc<SuppressionList>, StoreError> {
        let (cache, count) = match self {
            Store::Sqlite(s) => (&s.suppressions, s.suppression_count().await?),
            Store::Postgres(s) => (&s.suppressions, s.suppression_count().await?),
        };
        if let Some(current) = cache.current(count) {
            return Ok(current);
        }
        let digests = match self {
            Store::Sqlite(s) => s.all_suppressions().await?,
            Store::Postgres(s) => s.all_suppressions().await?,
        };
        Ok(cache.replace(SuppressionList { count, digests }))
    }

    /// Appends events to the audit log.
    pub async fn record_audit(&self, events: &[AuditEvent]) -> Result<(), StoreError> {
        if events.is_empty() {
            return Ok(());
        }
        match self {
            Store::Sqlite(s) => s.record_audit(events).await,
            Store::Postgres(s) => crate::writes::retry(|| s.record_audit(events)).await,
        }
    }

    /// A page of the audit log, oldest first after `query.after`.
    pub async fn audit_events(&self, query: &AuditQuery) -> Result<Vec<AuditEvent>, StoreError> {
        match self {
            Store::Sqlite(s) => s.audit_events(query).await,
            Store::Postgres(s) => s.audit_events(query).await,
        }
    }

    /// Sets (or, with `None`, clears) a workspace's retention in months.
    pub async fn set_retention(
        &self,
        workspace_id: &str,
        months: Option<i64>,
    ) -> Result<bool, StoreError> {
        match self {
            Store::Sqlite(s) => s.set_retention(workspace_id, months).await,
            Store::Postgres(s) => {
                crate::writes::retry(|| s.set_retention(workspace_id, months)).await
            }
        }
    }

    /// Applies every workspace's retention at `now` (with `dry_run`, only
    /// counts): removes candidates and leads nobody touched since the
    /// cutoff, and logs a `retention` audit event per workspace changed.
    pub async fn apply_retention(
        &self,
        now: i64,
        dry_run: bool,
    ) -> Result<Vec<RetentionOutcome>, StoreError> {
        match self {
            Store::Sqlite(s) => s.apply_retention(now, dry_run).await,
            Store::Postgres(s) => crate::writes::retry(|| s.apply_retention(now, dry_run)).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_read_as_emails_or_talent_ids() {
        assert_eq!(
            PersonRef::parse(" Marie.Dupont@Example.com "),
            Some(PersonRef::Email("marie.dupont@example.com".into()))
        );
        assert_eq!(
            PersonRef::parse("t_0042"),
            Some(PersonRef::Talent("t_0042".into()))
        );
        assert_eq!(PersonRef::parse("  "), None);
        assert_eq!(PersonRef::parse(&"x".repeat(MAX_PERSON_REF + 1)), None);
        assert_eq!(PersonRef::parse("a\nb"), None);
    }

    #[test]
    fn one_linkedin_address_written_several_ways_has_one_digest() {
        let d = |u: &str| suppression_digest("linkedin", u);
        let one = d("https://www.linkedin.com/in/marie-dupont");
        assert_eq!(d("http://fr.LinkedIn.com/in/Marie-Dupont/"), one);
        assert_eq!(d("linkedin.com/in/marie-dupont?trk=x"), one);
        assert_ne!(d("https://www.linkedin.com/in/marie-dupond"), one);
        assert_ne!(
            suppression_digest("talent", "x"),
            suppression_digest("email", "x")
        );
    }
}
