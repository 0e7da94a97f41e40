//! `GET /talents/{id}`: a whole profile, with where it matched the search
//! it was opened from (`?q=`, read again with the same readers), and the
//! actions on it: add to a project, add to a list.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::pages::{not_found, profile, respond, trouble};
use super::session::SignedIn;
use crate::AppState;
use scout_store::{ArchiveFilter, CandidatePool, Sourcing};

#[derive(Deserialize, Default)]
pub(crate) struct ProfileQuery {
    #[serde(default)]
    q: String,
}

/// The projects and lists a person can add to (their workspace's active
/// projects, their own lists), for the action menus.
pub(crate) async fn targets(
    state: &AppState,
    person: &scout_store::Person,
) -> Result<(Vec<Sourcing>, Vec<CandidatePool>), scout_store::StoreError> {
    let (projects, _) = state
        .store
        .list_sourcings(&person.workspace_id, ArchiveFilter::Active, 0, 200)
        .await?;
    let lists = state
        .store
        .list_pools(&person.workspace_id, &person.user_id)
        .await?;
    Ok((projects, lists))
}

pub(crate) async fn page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<ProfileQuery>,
) -> Response {
    let workspace = &signed_in.session.person.workspace_id;
    let stored = match state
        .store
        .get_profiles(Some(workspace), std::slice::from_ref(&id))
        .await
    {
        Ok(found) => found.into_iter().next(),
        Err(e) => return trouble(&e),
    };
    let Some(stored) = stored else {
        return not_found(&signed_in.session, "Profile");
    };
    let mut matched = Vec::new();
    let text = query.q.trim();
    if !text.is_empty() {
        if let Ok((filters, chips)) = super::search::read(&state, workspace, text).await {
            let evidence = state
                .engine
                .explain(std::iter::once(&stored.talent), &filters)
                .into_iter()
                .next()
                .unwrap_or_default();
            matched = chips
                .into_iter()
                .zip(evidence)
                .map(|(chip, ev)| (chip.filter, ev))
                .collect();
        }
    }
    let (projects, lists) = match targets(&state, &signed_in.session.person).await {
        Ok(t) => t,
        Err(e) => return trouble(&e),
    };
    let standing = match state
        .store
        .candidacies(&signed_in.session.person.workspace_id, &stored.talent.id)
        .await
    {
        Ok(c) => c,
        Err(e) => return trouble(&e),
    };
    respond(
        StatusCode::OK,
        profile::page(
            &signed_in.session,
            &stored.talent,
            text,
            &matched,
            &projects,
            &lists,
            &standing,
        ),
    )
}
