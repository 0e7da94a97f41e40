//! `GET /duplicates` and `POST /duplicates/{id}` (`action` = `merge`,
//! `dismiss` or `undo`): the workspace's review queue, deciding through
//! the same store operations as `/v1/duplicates` (`duplicates.rs`).

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use scout_store::duplicates::DuplicateQuery;

use super::forms::Change;
use super::pages::{duplicates as view, not_found, respond, see_other, trouble};
use super::session::SignedIn;
use crate::AppState;

/// Open pairs a page shows, and recent merges.
const SHOWN: i64 = 50;

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let workspace = &signed_in.session.person.workspace_id;
    let query = |status: &str| DuplicateQuery {
        status: Some(status.into()),
        offset: 0,
        limit: SHOWN,
    };
    let (open, open_total) = match state
        .store
        .list_duplicates(Some(workspace), &query("open"))
        .await
    {
        Ok(found) => found,
        Err(e) => return trouble(&e),
    };
    let (merged, _) = match state
        .store
        .list_duplicates(Some(workspace), &query("merged"))
        .await
    {
        Ok(found) => found,
        Err(e) => return trouble(&e),
    };
    let ids: Vec<String> = open
        .iter()
        .flat_map(|d| d.talent_ids.iter().cloned())
        .collect();
    let talents: HashMap<_, _> = match state.store.get_profiles(Some(workspace), &ids).await {
        Ok(p) => p
            .into_iter()
            .map(|p| (p.talent.id.clone(), p.talent))
            .collect(),
        Err(e) => return trouble(&e),
    };
    respond(
        status,
        view::page(
            &signed_in.session,
            &open,
            open_total,
            &merged,
            &talents,
            notice,
        ),
    )
}

/// `GET /duplicates`.
pub(crate) async fn list(State(state): State<AppState>, signed_in: SignedIn) -> Response {
    render(&state, &signed_in, None, StatusCode::OK).await
}

/// `POST /duplicates/{id}`.
pub(crate) async fn decide(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Change { signed_in, fields }: Change,
) -> Response {
    let person = &signed_in.session.person;
    let (workspace, actor) = (
        Some(person.workspace_id.as_str()),
        format!("user:{}", person.user_id),
    );
    let outcome = match fields.get("action") {
        "merge" => state.store.merge_duplicate(workspace, &id, &actor).await,
        "dismiss" => state.store.dismiss_duplicate(workspace, &id, &actor).await,
        "undo" => state.store.undo_merge(workspace, &id, &actor).await,
        _ => {
            return render(
                &state,
                &signed_in,
                Some("Choose Merge, Not the same person or Undo."),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    };
    match outcome {
        Ok(Some(_)) => see_other("/duplicates"),
        Ok(None) => not_found(&signed_in.session, "Duplicate"),
        Err(scout_store::StoreError::Refused(why)) => {
            render(
                &state,
                &signed_in,
                Some(&format!(
                    "Not done: {why} (someone may have decided it already)."
                )),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => trouble(&e),
    }
}
