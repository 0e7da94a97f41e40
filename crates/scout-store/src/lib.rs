//! The system of record: profiles, organizations and (later) everything
//! Scout's users create, kept in SQLite (the embedded default, WAL mode) or
//! PostgreSQL (when several servers share one database): profiles and
//! organizations (`backend.rs`), access control (`access.rs`), sourcing
//! projects and their candidate pipelines (`pipeline.rs`, `pipeline_sql.rs`).
//!
//! Both back ends share one text of every statement: each `*_sql.rs` holds a
//! family's columns and helpers, its `statements.rs` the statements, which
//! is compiled once per back end as the body of a module in `sqlite.rs` and
//! in `postgres.rs` (plain Rust, so rustfmt and clippy see it; sqlx's
//! `QueryBuilder` writes each database's placeholders). Each has its own
//! `migrations/` folder. Every change to a
//! profile or organization takes the next number of one change sequence; the
//! counter row is updated inside the writing transaction, which serialises
//! writers, so a reader never sees number *n + 1* committed before *n*. The
//! search index follows that sequence and can always be rebuilt from here.
//!
//! Two reads every search request makes — its API key, and the profiles of
//! the page — run on SQLite's own read-only connections on the caller's
//! thread (`sqlite_reads.rs`, rusqlite over the same linked SQLite) instead
//! of through sqlx's per-connection worker thread, whose two hand-offs cost
//! more than the reads. PostgreSQL serves them through sqlx like the rest.

pub mod access;
mod backend;
mod backup;
mod codec;
pub mod data_rights;
pub mod duplicates;
mod duplicates_sql;
mod error;
mod identity_filter;
pub mod leads;
mod leads_sql;
pub mod people;
mod people_sql;
pub mod pipeline;
mod pipeline_sql;
mod postgres;
pub mod private_files;
mod records;
pub mod searches;
mod searches_sql;
mod sqlite;
mod sqlite_reads;
pub mod testing;
pub mod writes;

pub use access::{ApiKey, NewKey};
pub use error::StoreError;
pub use leads::{Lead, LeadEvent, LeadOutcome, LeadQuery, LeadRole, NewLead};
pub use people::{NewPerson, Person, Role, Session};
pub use pipeline::{
    Added, ArchiveFilter, Candidate, CandidateChange, CandidateEvent, CandidateProfile,
    CandidateQuery, CandidateRefresh, CandidateSort, NewCandidate, NewSourcing, Salary, Sourcing,
    SourcingChanges, WorkspaceField,
};
pub use records::{
    Change, ChangeKind, SearchTransaction, StoredProfile, UpsertOutcome, UpsertReport,
};
pub use searches::{CandidatePool, CandidateSearch, NewPool, MAX_POOL_MEMBERS};

use std::collections::HashMap;

use scout_model::ownership::profile_key;
use scout_model::{Organization, Talent};

/// A handle on the store; cheap to clone.
#[derive(Clone)]
pub enum Store {
    /// The embedded default.
    Sqlite(backend::SqliteStore),
    /// A shared PostgreSQL database.
    Postgres(backend::PgStore),
}

macro_rules! dispatch {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            Store::Sqlite($s) => $e,
            Store::Postgres($s) => $e,
        }
    };
}

/// `dispatch!` for a write: PostgreSQL's attempt is run again from the start
/// when it meets a concurrent writer (`writes.rs`); SQLite's writers take
/// turns instead. `$call` is the back end's call, not yet awaited.
macro_rules! dispatch_write {
    ($self:ident, $s:ident => $call:expr) => {
        match $self {
            Store::Sqlite($s) => $call.await,
            Store::Postgres($s) => writes::retry(|| $call).await,
        }
    };
}

impl Store {
    /// Opens (creating if needed) and migrates the store at `url`:
    /// `sqlite://PATH` or a `postgres://` URL.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Store::Postgres(backend::PgStore::connect(url).await?))
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            Ok(Store::Sqlite(backend::SqliteStore::connect(path).await?))
        }
    }

    /// Which back end this is: `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// Upserts profiles by id from `source`. Unchanged profiles keep their
    /// sequence number; changed and new ones get the next numbers, in order.
    /// Ids must be unique within one call. A profile of an erased person
    /// (its id or LinkedIn address on the suppression list) is not stored:
    /// its outcome is [`UpsertOutcome::Suppressed`].
    ///
    /// `owner` is the workspace whose own profiles they become, or `None`
    /// for the shared pool every workspace sees (`scout_model::ownership`);
    /// an id another pool within a workspace's view holds is not stored:
    /// its outcome is [`UpsertOutcome::Taken`].
    pub async fn upsert_profiles(
        &self,
        profiles: &[Talent],
        source: &str,
        owner: Option<&str>,
    ) -> Result<UpsertReport, StoreError> {
        self.upsert_unsuppressed(profiles, &[], source, owner, false)
            .await
    }

    /// Imports profiles as [`Store::upsert_profiles`] does, with the
    /// e-mails and phones their files gave (`contacts`, in the same order,
    /// possibly shorter), and one person once (`duplicates.rs`): a profile
    /// arriving under a new id that is certainly one the pool holds (the
    /// same LinkedIn address or e-mail) is merged into it — its outcome is
    /// [`UpsertOutcome::Merged`] — and probable duplicates are queued for
    /// review.
    pub async fn import_profiles(
        &self,
        profiles: &[Talent],
        contacts: &[duplicates::Contacts],
        source: &str,
        owner: Option<&str>,
    ) -> Result<UpsertReport, StoreError> {
        self.upsert_unsuppressed(profiles, contacts, source, owner, true)
            .await
    }

    /// Upserts the profiles not of people erased on request (their outcome
    /// is [`UpsertOutcome::Suppressed`]), in one write.
    async fn upsert_unsuppressed(
        &self,
        profiles: &[Talent],
        contacts: &[duplicates::Contacts],
        source: &str,
        owner: Option<&str>,
        merge_on_arrival: bool,
    ) -> Result<UpsertReport, StoreError> {
        let suppressions = self.suppression_list().await?;
        let refused: Vec<bool> = profiles
            .iter()
            .map(|p| {
                !suppressions.is_empty() && suppressions.holds_any(&data_rights::profile_digests(p))
            })
            .collect();
        if !refused.contains(&true) {
            return dispatch_write!(self, s => s.upsert_profiles(profiles, contacts, source, owner, merge_on_arrival));
        }
        let (kept, kept_contacts): (Vec<Talent>, Vec<duplicates::Contacts>) = profiles
            .iter()
            .enumerate()
            .filter(|(i, _)| !refused[*i])
            .map(|(i, t)| (t.clone(), contacts.get(i).cloned().unwrap_or_default()))
            .unzip();
        let stored = if kept.is_empty() {
            UpsertReport::default()
        } else {
            dispatch_write!(self, s => s.upsert_profiles(&kept, &kept_contacts, source, owner, merge_on_arrival))?
        };
        let mut outcomes = stored.outcomes.into_iter();
        Ok(UpsertReport {
            outcomes: refused
                .iter()
                .map(|r| {
                    if *r {
                        UpsertOutcome::Suppressed
                    } else {
                        outcomes.next().unwrap_or(UpsertOutcome::Unchanged)
                    }
                })
                .collect(),
            last_seq: stored.last_seq,
        })
    }

    /// Pairs of a pool taken for one person (`workspace` `None`: the shared
    /// pool's), newest first, and how many there are.
    pub async fn list_duplicates(
        &self,
        workspace: Option<&str>,
        query: &duplicates::DuplicateQuery,
    ) -> Result<(Vec<duplicates::Duplicate>, i64), StoreError> {
        let pool = workspace.unwrap_or("");
        dispatch!(self, s => s.list_duplicates(pool, query).await)
    }

    /// One pair of the pool.
    pub async fn get_duplicate(
        &self,
        workspace: Option<&str>,
        id: &str,
    ) -> Result<Option<duplicates::Duplicate>, StoreError> {
        let pool = workspace.unwrap_or("");
        dispatch!(self, s => s.get_duplicate(pool, id).await)
    }

    /// Marks an open pair "not a duplicate" (remembered: never proposed
    /// again); `None` when the pool has no such pair.
    pub async fn dismiss_duplicate(
        &self,
        workspace: Option<&str>,
        id: &str,
        actor: &str,
    ) -> Result<Option<duplicates::Duplicate>, StoreError> {
        let pool = workspace.unwrap_or("");
        dispatch_write!(self, s => s.dismiss_duplicate(pool, id, actor))
    }

    /// Merges an open pair into one profile (see `duplicates.rs`); `None`
    /// when the pool has no such pair.
    pub async fn merge_duplicate(
        &self,
        workspace: Option<&str>,
        id: &str,
        actor: &str,
    ) -> Result<Option<duplicates::Duplicate>, StoreError> {
        let pool = workspace.unwrap_or("");
        dispatch_write!(self, s => s.merge_duplicate(pool, id, actor))
    }

    /// Undoes a merge (and remembers the pair as not a duplicate); `None`
    /// when the pool has no such pair.
    pub async fn undo_merge(
        &self,
        workspace: Option<&str>,
        id: &str,
        actor: &str,
    ) -> Result<Option<duplicates::Duplicate>, StoreError> {
        let pool = workspace.unwrap_or("");
        dispatch_write!(self, s => s.undo_merge(pool, id, actor))
    }

    /// The merges into a profile of the pool (`id` its talent id), oldest
    /// first: with the profile's own source, every source that fed it.
    pub async fn merged_into(
        &self,
        workspace: Option<&str>,
        id: &str,
    ) -> Result<Vec<duplicates::Duplicate>, StoreError> {
        let pool = workspace.unwrap_or("");
        let key = profile_key(workspace, id);
        dispatch!(self, s => s.merged_into(pool, &key).await)
    }

    /// Looks for duplicates among every profile of a pool (see
    /// `duplicates.rs`): certain ones merged, probable ones queued.
    pub async fn scan_duplicates(
        &self,
        workspace: Option<&str>,
        actor: &str,
    ) -> Result<duplicates::ScanOutcome, StoreError> {
        dispatch!(self, s => s.scan_duplicates(workspace, actor).await)
    }

    /// Upserts organizations by id; profiles that name a changed organization
    /// are re-numbered so the index refreshes them.
    pub async fn upsert_organizations(
        &self,
        orgs: &[Organization],
        source: &str,
    ) -> Result<UpsertReport, StoreError> {
        dispatch_write!(self, s => s.upsert_organizations(orgs, source))
    }

    /// Deletes profiles of `owner`'s pool (`None`: the shared pool) by id,
    /// leaving a tombstone in the change sequence. Returns how many existed.
    pub async fn delete_profiles(
        &self,
        owner: Option<&str>,
        ids: &[String],
    ) -> Result<u64, StoreError> {
        let keys: Vec<String> = ids.iter().map(|id| profile_key(owner, id)).collect();
        dispatch_write!(self, s => s.delete_profiles(&keys))
    }

    /// Up to `limit` changes numbered above `after`, in sequence order.
    pub async fn changes_since(&self, after: i64, limit: i64) -> Result<Vec<Change>, StoreError> {
        dispatch!(self, s => s.changes_since(after, limit).await)
    }

    /// The highest sequence number handed out so far.
    pub async fn last_seq(&self) -> Result<i64, StoreError> {
        dispatch!(self, s => s.last_seq().await)
    }

    /// The profiles `viewer` sees by id, in the order asked; missing ids
    /// are skipped. A workspace sees the shared pool and its own profiles;
    /// `None`, the shared pool alone.
    pub async fn get_profiles(
        &self,
        viewer: Option<&str>,
        ids: &[String],
    ) -> Result<Vec<StoredProfile>, StoreError> {
        let Some(workspace) = viewer else {
            return self.profiles_by_key(ids).await;
        };
        let mut keys = Vec::with_capacity(ids.len() * 2);
        for id in ids {
            keys.push(profile_key(Some(workspace), id));
            keys.push(id.clone());
        }
        let found = self.profiles_by_key(&keys).await?;
        // keys were asked own first, so the first profile of an id is the
        // one the workspace sees (the two pools never share an id; see
        // `upsert_profiles`)
        let mut by_id: HashMap<String, StoredProfile> = HashMap::with_capacity(found.len());
        for p in found {
            by_id.entry(p.talent.id.clone()).or_insert(p);
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// Profiles by their store key (`scout_model::ownership::profile_key`)
    /// whatever their pool, in the order asked; for the operator's and
    /// data-rights work, never for a workspace's request.
    pub async fn profiles_by_key(&self, keys: &[String]) -> Result<Vec<StoredProfile>, StoreError> {
        match self {
            // a few primary-key reads: on this thread (see `sqlite_reads.rs`)
            Store::Sqlite(s) => s.direct.profiles(keys),
            Store::Postgres(s) => s.profiles_by_key(keys).await,
        }
    }

    /// Every organization.
    pub async fn all_organizations(&self) -> Result<Vec<Organization>, StoreError> {
        dispatch!(self, s => s.all_organizations().await)
    }

    /// Up to `limit` profiles of `owner`'s pool (`None`: the shared pool)
    /// whose ids sort after `after`, in id order: an export's pages.
    pub async fn pool_profiles(
        &self,
        owner: Option<&str>,
        after: &str,
        limit: i64,
    ) -> Result<Vec<StoredProfile>, StoreError> {
        dispatch!(self, s => s.pool_profiles(owner, after, limit).await)
    }

    /// How many profiles are stored.
    pub async fn count_profiles(&self) -> Result<i64, StoreError> {
        dispatch!(self, s => s.count_profiles().await)
    }

    /// Creates an API key (and its workspace and user if absent); returns
    /// the key, which is shown this once, and its record.
    pub async fn create_key(&self, new: &NewKey) -> Result<(String, ApiKey), StoreError> {
        dispatch_write!(self, s => s.create_key(new))
    }

    /// The id of the workspace named `name`; with `create`, made if absent.
    pub async fn workspace_id(
        &self,
        name: &str,
        create: bool,
    ) -> Result<Option<String>, StoreError> {
        dispatch_write!(self, s => s.workspace_id(name, create))
    }

    /// The record of a presented key, if it exists (revoked or not).
    pub async fn find_key(&self, key: &str) -> Result<Option<ApiKey>, StoreError> {
        match self {
            // every request asks: on this thread (see `sqlite_reads.rs`)
            Store::Sqlite(s) => s.direct.find_key(key),
            Store::Postgres(s) => s.find_key(key).await,
        }
    }

    /// Keys, of one workspace or all.
    pub async fn list_keys(&self, workspace: Option<&str>) -> Result<Vec<ApiKey>, StoreError> {
        dispatch!(self, s => s.list_keys(workspace).await)
    }

    /// Revokes a key by id, prefix or the whole key; returns how many were revoked.
    pub async fn revoke_key(&self, id_or_prefix: &str) -> Result<u64, StoreError> {
        dispatch_write!(self, s => s.revoke_key(id_or_prefix))
    }

    /// Records search transactions (an id already recorded is left as it is).
    pub async fn save_transactions(&self, rows: &[SearchTransaction]) -> Result<(), StoreError> {
        dispatch_write!(self, s => s.save_transactions(rows))
    }

    /// Forgets search transactions recorded before `created_before` (ms since
    /// the epoch); returns how many.
    pub async fn prune_transactions(&self, created_before: i64) -> Result<u64, StoreError> {
        dispatch_write!(self, s => s.prune_transactions(created_before))
    }

    /// The transactions of a workspace among `ids`, with their talents.
    pub async fn load_transactions(
        &self,
        workspace_id: &str,
        ids: &[String],
    ) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        match self {
            // up to 100 rows per paged search: on this thread
            Store::Sqlite(s) => s.direct.transactions(workspace_id, ids),
            Store::Postgres(s) => s.load_transactions(workspace_id, ids).await,
        }
    }

    /// Bytes the store occupies on disk (SQLite files, or the PostgreSQL database).
    pub async fn size_on_disk(&self) -> Result<u64, StoreError> {
        dispatch!(self, s => s.size_on_disk().await)
    }

    /// Creates a sourcing project in a workspace.
    pub async fn create_sourcing(
        &self,
        workspace_id: &str,
        new: &NewSourcing,
    ) -> Result<Sourcing, StoreError> {
        dispatch_write!(self, s => s.create_sourcing(workspace_id, new))
    }

    /// A sourcing of the workspace (`None` for another workspace's, too).
    pub async fn get_sourcing(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<Option<Sourcing>, StoreError> {
        dispatch!(self, s => s.get_sourcing(workspace_id, id).await)
    }

    /// Whether the workspace has this sourcing (cheaper than fetching it).
    pub async fn owns_sourcing(&self, workspace_id: &str, id: &str) -> Result<bool, StoreError> {
        dispatch!(self, s => s.owns_sourcing(workspace_id, id).await)
    }

    /// A sourcing by id whatever its workspace (background work only; requests
    /// always go through [`Store::get_sourcing`]).
    pub async fn sourcing_by_id(&self, id: &str) -> Result<Option<Sourcing>, StoreError> {
        dispatch!(self, s => s.sourcing_by_id(id).await)
    }

    /// A page of the workspace's sourcings, newest first, and how many there are.
    pub async fn list_sourcings(
        &self,
        workspace_id: &str,
        archive: ArchiveFilter,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<Sourcing>, i64), StoreError> {
        dispatch!(self, s => s.list_sourcings(workspace_id, archive, offset, limit).await)
    }

    /// Changes a sourcing; `None` when it is not the workspace's.
    pub async fn update_sourcing(
        &self,
        workspace_id: &str,
        id: &str,
        changes: &SourcingChanges,
    ) -> Result<Option<Sourcing>, StoreError> {
        dispatch_write!(self, s => s.update_sourcing(workspace_id, id, changes))
    }

    /// Creates a person who signs in to the web app (and their workspace
    /// when absent); `Conflict` when the e-mail is taken on this server.
    pub async fn create_person(&self, new: &NewPerson) -> Result<Person, StoreError> {
        dispatch_write!(self, s => s.create_person(new))
    }

    /// A person and their password hash, by e-mail (any case).
    pub async fn person_by_email(
        &self,
        email: &str,
    ) -> Result<Option<(Person, String)>, StoreError> {
        dispatch!(self, s => s.person_by_email(email).await)
    }

    /// The people of a workspace who sign in, by e-mail.
    pub async fn people_in(&self, workspace_id: &str) -> Result<Vec<Person>, StoreError> {
        dispatch!(self, s => s.people_in(workspace_id).await)
    }

    /// Gives a person of the workspace another role; `false` when there is
    /// no such person there. Refused (`Conflict`) when it would leave the
    /// workspace without an admin.
    pub async fn set_role(
        &self,
        workspace_id: &str,
        user_id: &str,
        role: Role,
    ) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.set_role(workspace_id, user_id, role))
    }

    /// Replaces a person's password hash and ends all their sessions.
    pub async fn set_password(
        &self,
        user_id: &str,
        password_hash: &str,
    ) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.set_password(user_id, password_hash))
    }

    /// Records a session by the hash of its token.
    pub async fn create_session(
        &self,
        user_id: &str,
        token_hash: &[u8],
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        dispatch_write!(self, s => s.create_session(user_id, token_hash, csrf_token, expires_at))
    }

    /// The live (unexpired) session with this token hash, with its person.
    pub async fn session(&self, token_hash: &[u8]) -> Result<Option<Session>, StoreError> {
        dispatch!(self, s => s.session(token_hash).await)
    }

    /// Ends a session; whether there was one.
    pub async fn end_session(&self, token_hash: &[u8]) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.end_session(token_hash))
    }

    /// Forgets sessions past their end; how many.
    pub async fn forget_expired_sessions(&self) -> Result<u64, StoreError> {
        dispatch_write!(self, s => s.forget_expired_sessions())
    }

    /// Deletes a sourcing with its candidates and their history.
    pub async fn delete_sourcing(&self, workspace_id: &str, id: &str) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.delete_sourcing(workspace_id, id))
    }

    /// Adds candidates to a sourcing; a talent (or an email) already in the
    /// pipeline is not added twice. One outcome per input, in order.
    pub async fn add_candidates(
        &self,
        sourcing_id: &str,
        actor: Option<&str>,
        new: &[NewCandidate],
    ) -> Result<Vec<Added>, StoreError> {
        dispatch_write!(self, s => s.add_candidates(sourcing_id, actor, new))
    }

    /// A filtered, sorted page of a sourcing's candidates and the filtered total.
    pub async fn list_candidates(
        &self,
        query: &CandidateQuery,
    ) -> Result<(Vec<Candidate>, i64), StoreError> {
        let listed = dispatch!(self, s => s.list_candidates(query, None).await)?;
        Ok(listed.unwrap_or_default())
    }

    /// [`Store::list_candidates`] for a caller of `workspace_id`: `None` when
    /// the sourcing is not the workspace's (checked in the same round trip).
    pub async fn list_owned_candidates(
        &self,
        workspace_id: &str,
        query: &CandidateQuery,
    ) -> Result<Option<(Vec<Candidate>, i64)>, StoreError> {
        dispatch!(self, s => s.list_candidates(query, Some(workspace_id)).await)
    }

    /// Values of `field` among the workspace's candidates that start with
    /// `typed` (folded), most frequent first.
    pub async fn workspace_values(
        &self,
        workspace_id: &str,
        field: WorkspaceField,
        typed: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        dispatch!(self, s => s.workspace_values(workspace_id, field, typed, limit).await)
    }

    /// The talents a workspace has shortlisted — its candidates' and its
    /// lists' members — most recently touched first, at most `limit`.
    pub async fn workspace_talent_ids(
        &self,
        workspace_id: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        dispatch!(self, s => s.workspace_talent_ids(workspace_id, limit).await)
    }

    /// Where a talent stands in the workspace's sourcings: each sourcing's
    /// title with the candidate, oldest sourcing first.
    pub async fn candidacies(
        &self,
        workspace_id: &str,
        talent_id: &str,
    ) -> Result<Vec<(String, Candidate)>, StoreError> {
        dispatch!(self, s => s.candidacies(workspace_id, talent_id).await)
    }

    /// Every candidate of a sourcing, oldest first.
    pub async fn all_candidates(&self, sourcing_id: &str) -> Result<Vec<Candidate>, StoreError> {
        dispatch!(self, s => s.all_candidates(sourcing_id).await)
    }

    /// One candidate of a sourcing.
    pub async fn get_candidate(
        &self,
        sourcing_id: &str,
        id: &str,
    ) -> Result<Option<Candidate>, StoreError> {
        dispatch!(self, s => s.get_candidate(sourcing_id, id).await)
    }

    /// Applies changes to a candidate, recording each in its history.
    pub async fn change_candidate(
        &self,
        sourcing_id: &str,
        id: &str,
        actor: Option<&str>,
        changes: &[CandidateChange],
    ) -> Result<Option<Candidate>, StoreError> {
        dispatch_write!(self, s => s.change_candidate(sourcing_id, id, actor, changes))
    }

    /// Removes a candidate (and its history) from a sourcing.
    pub async fn delete_candidate(&self, sourcing_id: &str, id: &str) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.delete_candidate(sourcing_id, id))
    }

    /// A candidate's history, latest first.
    pub async fn candidate_history(
        &self,
        candidate_id: &str,
    ) -> Result<Vec<CandidateEvent>, StoreError> {
        dispatch!(self, s => s.candidate_history(candidate_id).await)
    }

    /// Candidates whose fit or snapshot is out of date: never scored, scored
    /// against older requirements, or taken from an older profile.
    pub async fn stale_candidates(&self, limit: i64) -> Result<Vec<Candidate>, StoreError> {
        dispatch!(self, s => s.stale_candidates(limit).await)
    }

    /// Brings the query planner's statistics up to date (PostgreSQL; with
    /// `vacuum`, a `VACUUM (ANALYZE)` as autovacuum would run). A no-op on SQLite.
    pub async fn refresh_statistics(&self, vacuum: bool) -> Result<(), StoreError> {
        dispatch!(self, s => s.refresh_statistics(vacuum).await)
    }

    /// Writes recomputed snapshots and fits.
    pub async fn refresh_candidates(&self, updates: &[CandidateRefresh]) -> Result<(), StoreError> {
        dispatch_write!(self, s => s.refresh_candidates(updates))
    }

    /// Saves a prompt search (insert or replace by id).
    pub async fn save_search(&self, search: &CandidateSearch) -> Result<(), StoreError> {
        dispatch_write!(self, s => s.save_search(search))
    }

    /// Replaces a stored search only if no one changed it since it was read
    /// with `updated_at == seen_updated_at` (optimistic concurrency: two
    /// clients paging or expanding the same search never both extend it from
    /// the same state). False when it changed or is gone; the caller re-reads.
    /// `search.updated_at` must differ from `seen_updated_at`
    /// ([`CandidateSearch::next_version`]).
    pub async fn update_search_if_unchanged(
        &self,
        search: &CandidateSearch,
        seen_updated_at: i64,
    ) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.update_search_if_unchanged(search, seen_updated_at))
    }

    /// A workspace's search by id.
    pub async fn get_search(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<Option<CandidateSearch>, StoreError> {
        dispatch!(self, s => s.get_search(workspace_id, id).await)
    }

    /// A user's searches, latest first, and how many there are.
    pub async fn list_searches(
        &self,
        workspace_id: &str,
        user_id: &str,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<CandidateSearch>, i64), StoreError> {
        dispatch!(self, s => s.list_searches(workspace_id, user_id, offset, limit).await)
    }

    /// Creates a saved list with its members.
    pub async fn create_pool(&self, new: &NewPool) -> Result<CandidatePool, StoreError> {
        dispatch_write!(self, s => s.create_pool(new))
    }

    /// A workspace's list by id.
    pub async fn get_pool(
        &self,
        workspace_id: &str,
        id: &str,
    ) -> Result<Option<CandidatePool>, StoreError> {
        dispatch!(self, s => s.get_pool(workspace_id, id).await)
    }

    /// A user's lists in a workspace, latest first.
    pub async fn list_pools(
        &self,
        workspace_id: &str,
        user_id: &str,
    ) -> Result<Vec<CandidatePool>, StoreError> {
        dispatch!(self, s => s.list_pools(workspace_id, user_id).await)
    }

    /// A page of a list's members, in order.
    pub async fn pool_members(
        &self,
        pool_id: &str,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        dispatch!(self, s => s.pool_members(pool_id, offset, limit).await)
    }

    /// Renames a list and/or replaces its members; `None` when not found.
    pub async fn update_pool(
        &self,
        workspace_id: &str,
        id: &str,
        name: Option<&str>,
        members: Option<&[String]>,
    ) -> Result<Option<CandidatePool>, StoreError> {
        dispatch_write!(self, s => s.update_pool(workspace_id, id, name, members))
    }

    /// Adds members at the end of a list (those already in it stay where
    /// they are; at most [`MAX_POOL_MEMBERS`] in all) and removes others,
    /// in one transaction; `None` when the list is not the workspace's.
    pub async fn change_pool_members(
        &self,
        workspace_id: &str,
        id: &str,
        add: &[String],
        remove: &[String],
    ) -> Result<Option<CandidatePool>, StoreError> {
        dispatch_write!(self, s => s.change_pool_members(workspace_id, id, add, remove))
    }

    /// Deletes a list; whether it existed.
    pub async fn delete_pool(&self, workspace_id: &str, id: &str) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.delete_pool(workspace_id, id))
    }

    /// Takes in a CV as a lead (idempotent by content hash): its id and
    /// whether it is new.
    pub async fn intake_lead(&self, new: &NewLead) -> Result<(String, bool), StoreError> {
        dispatch_write!(self, s => s.intake_lead(new))
    }

    /// A page of leads and the filtered total.
    pub async fn list_leads(&self, query: &LeadQuery) -> Result<(Vec<Lead>, i64), StoreError> {
        dispatch!(self, s => s.list_leads(query).await)
    }

    /// A lead, if visible (`visible_to` `None` for an admin).
    pub async fn get_lead(
        &self,
        visible_to: Option<&str>,
        id: &str,
    ) -> Result<Option<Lead>, StoreError> {
        dispatch!(self, s => s.get_lead(visible_to, id).await)
    }

    /// The original file of a lead: its kind and bytes.
    pub async fn lead_file(&self, hash: &str) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        dispatch!(self, s => s.lead_file(hash).await)
    }

    /// Deletes a lead of `workspace_id` with its roles, history and (when no
    /// other lead has the same file) its CV; returns whether it existed.
    pub async fn delete_lead(&self, workspace_id: &str, id: &str) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.delete_lead(workspace_id, id))
    }

    /// Deletes failed leads taken in before `created_before` (ms since the
    /// epoch), as `delete_lead` does; returns how many.
    pub async fn prune_failed_leads(&self, created_before: i64) -> Result<u64, StoreError> {
        dispatch_write!(self, s => s.prune_failed_leads(created_before))
    }

    /// Links a lead to a role of its workspace with its resume fit (updating
    /// the score when linked); the caller checks that both are the workspace's.
    pub async fn link_lead_role(
        &self,
        lead_id: &str,
        role_id: &str,
        resume_fit: i64,
    ) -> Result<(), StoreError> {
        dispatch_write!(self, s => s.link_lead_role(lead_id, role_id, resume_fit))
    }

    /// Records a screening result: the overall fit of a lead for a role.
    pub async fn record_screening(
        &self,
        lead_id: &str,
        role_id: &str,
        overall: i64,
        screening: &serde_json::Value,
    ) -> Result<bool, StoreError> {
        dispatch_write!(self, s => s.record_screening(lead_id, role_id, overall, screening))
    }

    /// Marks a lead converted into a candidate of a role.
    pub async fn mark_lead_converted(
        &self,
        lead_id: &str,
        role_id: &str,
        candidate_id: &str,
    ) -> Result<(), StoreError> {
        dispatch_write!(self, s => s.mark_lead_converted(lead_id, role_id, candidate_id))
    }

    /// A lead's history, oldest first.
    pub async fn lead_history(&self, lead_id: &str) -> Result<Vec<LeadEvent>, StoreError> {
        dispatch!(self, s => s.lead_history(lead_id).await)
    }
}
