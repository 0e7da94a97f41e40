//! Lists in the browser: a person's lists, one list's members, adding the
//! selected people (to a list or a new one), renaming, removing members,
//! deleting, and the CSV export — through the same operations as the API's
//! `/v1/pools/candidates` (`pools.rs`), with adds and removals done in one
//! store transaction so that two people changing a list at once both land.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use scout_model::ErrorCode;
use serde::Deserialize;
use serde_json::json;

use super::forms::Change;
use super::pages::{lists as view, not_found, problem_text, problems, respond, see_other, trouble};
use super::session::SignedIn;
use crate::AppState;

/// Members shown per page of a list.
pub const PAGE: i64 = 50;

/// `GET /lists`.
pub(crate) async fn list(State(state): State<AppState>, signed_in: SignedIn) -> Response {
    let person = &signed_in.session.person;
    match state
        .store
        .list_pools(&person.workspace_id, &person.user_id)
        .await
    {
        Ok(lists) => respond(StatusCode::OK, view::list(&signed_in.session, &lists)),
        Err(e) => trouble(&e),
    }
}

/// `POST /lists/add`: the selected people into a list, or into a new one
/// named `new_name`.
pub(crate) async fn add(
    State(state): State<AppState>,
    Change { signed_in, fields }: Change,
) -> Response {
    let talents = fields.all("talent");
    let actor = signed_in.actor();
    if fields.get("whole") == "1" && !fields.get("search").is_empty() {
        // the results a search showed, as a new list named after it
        let mut name = fields.get("new_name").to_owned();
        if name.is_empty() {
            let search = state
                .store
                .get_search(&actor.workspace_id, fields.get("search"))
                .await;
            match search {
                Ok(Some(s)) => {
                    name = s
                        .prompt
                        .chars()
                        .take(crate::pools::MAX_NAME_CHARS)
                        .collect()
                }
                Ok(None) => return not_found(&signed_in.session, "Search"),
                Err(e) => return trouble(&e),
            }
        }
        let body = json!({"name": name, "candidateSearchId": fields.get("search")});
        return match crate::pools::create_pool(&state, &actor, &body).await {
            Ok(pool) => see_other(&format!("/lists/{}", pool.id)),
            Err(e) if e.code == ErrorCode::ValidationError => {
                view::refused(&signed_in.session, &problem_text(&e))
            }
            Err(e) => trouble(&e.message),
        };
    }
    if talents.is_empty() {
        return view::refused(&signed_in.session, "Select at least one person to add.");
    }
    let list = fields.get("list");
    if list.is_empty() || list == "new" {
        let body = json!({"name": fields.get("new_name"), "talentIds": talents});
        return match crate::pools::create_pool(&state, &actor, &body).await {
            Ok(pool) => see_other(&format!("/lists/{}", pool.id)),
            Err(e) if e.code == ErrorCode::ValidationError => {
                let why = problems(&e)
                    .into_iter()
                    .map(|(field, m)| {
                        if field == "name" {
                            format!("The new list's name: {m}")
                        } else {
                            m
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                view::refused(&signed_in.session, &why)
            }
            Err(e) => trouble(&e.message),
        };
    }
    match state
        .store
        .change_pool_members(&actor.workspace_id, list, &talents, &[])
        .await
    {
        Ok(Some(pool)) => see_other(&format!("/lists/{}", pool.id)),
        Ok(None) => not_found(&signed_in.session, "List"),
        Err(e) => trouble(&e),
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct ListQuery {
    #[serde(default)]
    page: i64,
}

/// `GET /lists/{id}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<ListQuery>,
) -> Response {
    render(
        &state,
        &signed_in,
        &id,
        query.page.max(0),
        &[],
        StatusCode::OK,
    )
    .await
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    id: &str,
    page: i64,
    problems: &[(String, String)],
    status: StatusCode,
) -> Response {
    let person = &signed_in.session.person;
    let pool = match state.store.get_pool(&person.workspace_id, id).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(&signed_in.session, "List"),
        Err(e) => return trouble(&e),
    };
    let ids = match state.store.pool_members(&pool.id, page * PAGE, PAGE).await {
        Ok(ids) => ids,
        Err(e) => return trouble(&e),
    };
    let profiles = match state
        .store
        .get_profiles(Some(&person.workspace_id), &ids)
        .await
    {
        Ok(p) => p,
        Err(e) => return trouble(&e),
    };
    let by_id: std::collections::HashMap<&str, &scout_model::Talent> = profiles
        .iter()
        .map(|p| (p.talent.id.as_str(), &p.talent))
        .collect();
    let members: Vec<(String, Option<&scout_model::Talent>)> = ids
        .iter()
        .map(|id| (id.clone(), by_id.get(id.as_str()).copied()))
        .collect();
    respond(
        status,
        view::show(&signed_in.session, &pool, &members, page, PAGE, problems),
    )
}

/// `POST /lists/{id}`: `action` = `rename` (with `name`), `remove` (the
/// checked `talent`s) or `delete`.
pub(crate) async fn change(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Change { signed_in, fields }: Change,
) -> Response {
    let actor = signed_in.actor();
    match fields.get("action") {
        "rename" => {
            let body = json!({"name": fields.get("name")});
            match crate::pools::replace_pool(&state, &actor, &id, &body).await {
                Ok(pool) => see_other(&format!("/lists/{}", pool.id)),
                Err(e) if e.code == ErrorCode::NotFound => not_found(&signed_in.session, "List"),
                Err(e) if e.code == ErrorCode::ValidationError => {
                    render(
                        &state,
                        &signed_in,
                        &id,
                        0,
                        &problems(&e),
                        StatusCode::BAD_REQUEST,
                    )
                    .await
                }
                Err(e) => trouble(&e.message),
            }
        }
        "remove" => {
            let gone = fields.all("talent");
            if gone.is_empty() {
                let why = [(
                    String::from("talent"),
                    String::from("Tick the people to remove first."),
                )];
                return render(&state, &signed_in, &id, 0, &why, StatusCode::BAD_REQUEST).await;
            }
            match state
                .store
                .change_pool_members(&actor.workspace_id, &id, &[], &gone)
                .await
            {
                Ok(Some(pool)) => see_other(&format!("/lists/{}", pool.id)),
                Ok(None) => not_found(&signed_in.session, "List"),
                Err(e) => trouble(&e),
            }
        }
        "delete" => match state.store.delete_pool(&actor.workspace_id, &id).await {
            Ok(true) => see_other("/lists"),
            Ok(false) => not_found(&signed_in.session, "List"),
            Err(e) => trouble(&e),
        },
        _ => view::refused(&signed_in.session, "That change is not one Scout knows."),
    }
}

/// `GET /lists/{id}/export.csv`: the API's export, for a signed-in person.
pub(crate) async fn export(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let person = &signed_in.session.person;
    match crate::pools::export_csv(&state, &person.workspace_id, &id).await {
        Ok(csv) => csv,
        Err(e) if e.code == ErrorCode::NotFound => not_found(&signed_in.session, "List"),
        Err(e) => trouble(&e.message),
    }
}
