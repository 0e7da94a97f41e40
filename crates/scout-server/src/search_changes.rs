//! Changing a stored search when several clients page, expand or re-prompt
//! it at once: read it, compute the change, store it only if no one changed
//! it meanwhile, otherwise start again from what they stored. Without this,
//! two "more" requests read the same shown ids, both return the same next
//! page, and the second save drops the first's results from the record.

use std::future::Future;

use scout_store::{CandidateSearch, StoreError};

/// How many times a change is recomputed before giving up (each retry means
/// another client changed the same search during one search's run).
const ATTEMPTS: usize = 8;

/// Why a change was not stored.
#[derive(Debug)]
pub(crate) enum SearchChangeError<E> {
    /// The store failed.
    Store(StoreError),
    /// Other clients kept changing the search: every attempt met a newer state.
    Busy,
    /// The change itself refused (its own error).
    Refused(E),
}

impl<E> From<StoreError> for SearchChangeError<E> {
    fn from(e: StoreError) -> Self {
        SearchChangeError::Store(e)
    }
}

/// Reads `workspace_id`'s search `id` and stores the search `change` makes of
/// it, starting again from the stored state whenever another writer got there
/// first. `Ok(None)` when there is no such search (in this workspace) or
/// `visible` refuses it; otherwise the stored search and what `change` said.
///
/// `change` may run several times: it must only compute. The stored
/// search's `updated_at` (its version) is set here.
pub(crate) async fn change_search<T, E, F, Fut>(
    store: &scout_store::Store,
    workspace_id: &str,
    id: &str,
    visible: impl Fn(&CandidateSearch) -> bool,
    mut change: F,
) -> Result<Option<(CandidateSearch, T)>, SearchChangeError<E>>
where
    F: FnMut(CandidateSearch) -> Fut,
    Fut: Future<Output = Result<(CandidateSearch, T), E>>,
{
    for _ in 0..ATTEMPTS {
        let Some(read) = store.get_search(workspace_id, id).await? else {
            return Ok(None);
        };
        if !visible(&read) {
            return Ok(None);
        }
        let seen = read.updated_at;
        let version = read.next_version(crate::background_log::now_ms());
        let (mut changed, said) = change(read).await.map_err(SearchChangeError::Refused)?;
        changed.updated_at = version;
        if store.update_search_if_unchanged(&changed, seen).await? {
            return Ok(Some((changed, said)));
        }
    }
    Err(SearchChangeError::Busy)
}
