//! Leads from CVs in the browser: the workspace's leads, the upload (each
//! file on its own: the page's script sends them one by one with their
//! progress; without it one form takes them all, and one bad file never
//! loses the others), a lead's page with what was read, linking it to
//! roles with a fit score and converting it into a candidate — through the
//! same operations as the API's `/api/v1/sourcing` (`leads.rs`).

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use scout_model::ErrorCode;
use scout_store::{ArchiveFilter, LeadQuery};
use serde_json::json;

use super::forms::Change;
use super::pages::{leads as view, not_found, problem_text, problems, respond, see_other, trouble};
use super::session::SignedIn;
use crate::AppState;

/// Leads listed on the page.
const LISTED: i64 = 100;

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    outcome: Option<&view::Upload>,
    status: StatusCode,
) -> Response {
    let person = &signed_in.session.person;
    let query = LeadQuery {
        visible_to: Some(person.workspace_id.clone()),
        role_id: None,
        status: None,
        offset: 0,
        limit: LISTED,
    };
    let (leads, total) = match state.store.list_leads(&query).await {
        Ok(found) => found,
        Err(e) => return trouble(&e),
    };
    let projects = match state
        .store
        .list_sourcings(&person.workspace_id, ArchiveFilter::Active, 0, 200)
        .await
    {
        Ok((p, _)) => p,
        Err(e) => return trouble(&e),
    };
    respond(
        status,
        view::list(&signed_in.session, &leads, total, &projects, outcome),
    )
}

/// `GET /leads`.
pub(crate) async fn list(State(state): State<AppState>, signed_in: SignedIn) -> Response {
    render(&state, &signed_in, None, StatusCode::OK).await
}

/// `POST /leads`: CVs in (multipart `files`, `roleId`, `_csrf`). With
/// `X-Scout-Fragment` the answer is the result rows alone (the script
/// sends one file at a time).
pub(crate) async fn upload(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let fragment = headers.get("x-scout-fragment").is_some();
    if let Err(refused) = signed_in.check_sender(&headers) {
        return refused;
    }
    let form =
        match crate::leads::read_form(form, true, state.settings.body_limits.upload_bytes).await {
            Ok(f) => f,
            Err(e) => {
                let why = problem_text(&e);
                let outcome = view::Upload::Refused(why);
                return if fragment {
                    respond(StatusCode::BAD_REQUEST, view::upload_rows(&outcome))
                } else {
                    render(&state, &signed_in, Some(&outcome), StatusCode::BAD_REQUEST).await
                };
            }
        };
    if let Err(refused) = signed_in.check_change(&headers, form.csrf.as_deref().unwrap_or("")) {
        return refused;
    }
    let outcome = match crate::leads::take_in(&state, &signed_in.actor(), form.files, form.role_id)
        .await
    {
        Ok(data) => view::Upload::Done(data),
        Err(e) if e.code == ErrorCode::ValidationError => view::Upload::Refused(problem_text(&e)),
        Err(e) => return trouble(&e.message),
    };
    let status = match outcome {
        view::Upload::Done(_) => StatusCode::CREATED,
        view::Upload::Refused(_) => StatusCode::BAD_REQUEST,
    };
    if fragment {
        return respond(status, view::upload_rows(&outcome));
    }
    render(&state, &signed_in, Some(&outcome), status).await
}

/// `GET /leads/{id}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Response {
    show_with(&state, &signed_in, &id, &[], StatusCode::OK).await
}

async fn show_with(
    state: &AppState,
    signed_in: &SignedIn,
    id: &str,
    problems: &[(String, String)],
    status: StatusCode,
) -> Response {
    let person = &signed_in.session.person;
    let lead = match state.store.get_lead(Some(&person.workspace_id), id).await {
        Ok(Some(l)) => l,
        Ok(None) => return not_found(&signed_in.session, "Lead"),
        Err(e) => return trouble(&e),
    };
    let (projects, _) = match state
        .store
        .list_sourcings(&person.workspace_id, ArchiveFilter::All, 0, 200)
        .await
    {
        Ok(p) => p,
        Err(e) => return trouble(&e),
    };
    respond(
        status,
        view::show(&signed_in.session, &lead, &projects, problems),
    )
}

/// `POST /leads/{id}`: `action` = `link` or `convert`, with `roleId`.
pub(crate) async fn change(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Change { signed_in, fields }: Change,
) -> Response {
    let actor = signed_in.actor();
    let body = json!({"roleId": fields.get("roleId")});
    let done = match fields.get("action") {
        "link" => crate::leads::link_to_role(&state, &actor, &id, &body)
            .await
            .map(|_| format!("/leads/{id}")),
        "convert" => crate::leads::convert_lead(&state, &actor, &id, &body, false)
            .await
            .map(|(_, lead, existing)| {
                let candidate = existing.or_else(|| {
                    lead.roles
                        .iter()
                        .find(|r| r.role_id == fields.get("roleId"))
                        .and_then(|r| r.candidate_id.clone())
                });
                match candidate {
                    Some(c) => format!("/projects/{}/candidates/{c}", fields.get("roleId")),
                    None => format!("/leads/{id}"),
                }
            }),
        _ => {
            return show_with(
                &state,
                &signed_in,
                &id,
                &[(String::new(), "That change is not one Scout knows.".into())],
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    };
    match done {
        Ok(to) => see_other(&to),
        Err(e) if e.code == ErrorCode::NotFound => not_found(&signed_in.session, "Lead"),
        Err(e) if matches!(e.code, ErrorCode::ValidationError | ErrorCode::Conflict) => {
            show_with(
                &state,
                &signed_in,
                &id,
                &problems(&e),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => trouble(&e.message),
    }
}
