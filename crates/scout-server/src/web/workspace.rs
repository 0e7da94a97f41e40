//! The workspace page, for its admins: the people who sign in and their
//! roles (invite, change a role — never leaving the workspace without an
//! admin), and the API keys of integrations (made with scopes and limits
//! and shown once, revoked, and their use this minute and today against
//! their limits, as this server counts it).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use scout_store::{NewKey, NewPerson, Role, StoreError};

use super::forms::Change;
use super::pages::{forbidden, respond, see_other, trouble, workspace as view};
use super::session::SignedIn;
use crate::AppState;

/// Scopes an admin may give a key here: the workspace's own. (`admin`, the
/// operator's scope that reads every workspace, is made with `scout keys`
/// on the server only.)
pub const KEY_SCOPES: [&str; 10] = [
    "talents:search",
    "talents:write",
    "sourcing:read",
    "sourcing:write",
    "searches:read",
    "searches:write",
    "pools:read",
    "pools:write",
    "leads:read",
    "leads:write",
];
/// The most requests per minute a key may be given here.
pub const MAX_PER_MINUTE: i64 = 10_000;
/// The most requests per day a key may be given here.
pub const MAX_PER_DAY: i64 = 10_000_000;

fn admins_only(signed_in: &SignedIn) -> Option<Response> {
    (signed_in.session.person.role != Role::Admin).then(|| {
        forbidden(
            "The workspace page is for its admins: ask one to change people, roles or API keys.",
        )
    })
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    notice: &view::Notice,
    status: StatusCode,
) -> Response {
    let person = &signed_in.session.person;
    let people = match state.store.people_in(&person.workspace_id).await {
        Ok(p) => p,
        Err(e) => return trouble(&e),
    };
    let keys = match state.store.list_keys(Some(&person.workspace)).await {
        Ok(k) => k,
        Err(e) => return trouble(&e),
    };
    let usage: Vec<(i64, i64)> = keys.iter().map(|k| state.limiter.usage(&k.id)).collect();
    respond(
        status,
        view::page(&signed_in.session, &people, &keys, &usage, notice),
    )
}

/// `GET /workspace`.
pub(crate) async fn page(State(state): State<AppState>, signed_in: SignedIn) -> Response {
    if let Some(refused) = admins_only(&signed_in) {
        return refused;
    }
    render(&state, &signed_in, &view::Notice::None, StatusCode::OK).await
}

/// `POST /workspace/people`: `action` = `invite` (email, role, password)
/// or `role` (user, role).
pub(crate) async fn people(
    State(state): State<AppState>,
    Change { signed_in, fields }: Change,
) -> Response {
    if let Some(refused) = admins_only(&signed_in) {
        return refused;
    }
    let person = &signed_in.session.person;
    let Some(role) = Role::parse(fields.get("role")) else {
        let notice = view::Notice::Problem(
            "people",
            "Choose a role: admin, recruiter or viewer.".into(),
        );
        return render(&state, &signed_in, &notice, StatusCode::BAD_REQUEST).await;
    };
    let problem = |why: String| view::Notice::Problem("people", why);
    let outcome = match fields.get("action") {
        "invite" => {
            let email = fields.get("email");
            let password = fields.raw("password").to_owned();
            if !email.contains('@') || email.len() > 320 || email.contains(char::is_whitespace) {
                Err(problem(format!("`{email}` is not an e-mail address.")))
            } else if password.chars().count() < super::password::MIN_PASSWORD_CHARS {
                Err(problem(format!(
                    "A first password has at least {} characters; the person changes it with `scout users password` or you set a new one.",
                    super::password::MIN_PASSWORD_CHARS
                )))
            } else {
                let hash =
                    tokio::task::spawn_blocking(move || super::password::hash_password(&password))
                        .await;
                match hash {
                    Ok(Ok(password_hash)) => match state
                        .store
                        .create_person(&NewPerson {
                            workspace: person.workspace.clone(),
                            email: email.to_owned(),
                            role,
                            password_hash,
                        })
                        .await
                    {
                        Ok(_) => Ok(()),
                        Err(StoreError::Conflict(_)) => Err(problem(format!(
                            "{email} already has an account (in this or another workspace)."
                        ))),
                        Err(e) => return trouble(&e),
                    },
                    _ => return trouble(&"the password could not be hashed"),
                }
            }
        }
        "role" => match state
            .store
            .set_role(&person.workspace_id, fields.get("user"), role)
            .await
        {
            Ok(true) => Ok(()),
            Ok(false) => Err(problem("There is no such person in this workspace.".into())),
            Err(StoreError::Refused(why)) => Err(problem(why.to_owned())),
            Err(e) => return trouble(&e),
        },
        _ => Err(problem("That change is not one Scout knows.".into())),
    };
    match outcome {
        Ok(()) => see_other("/workspace"),
        Err(notice) => render(&state, &signed_in, &notice, StatusCode::BAD_REQUEST).await,
    }
}

/// `POST /workspace/keys`: `action` = `create` (name, scope…, per_minute,
/// per_day) — the key is shown once on the page that answers — or
/// `revoke` (key).
pub(crate) async fn keys(
    State(state): State<AppState>,
    Change { signed_in, fields }: Change,
) -> Response {
    if let Some(refused) = admins_only(&signed_in) {
        return refused;
    }
    let person = &signed_in.session.person;
    let problem = |why: String| view::Notice::Problem("keys", why);
    match fields.get("action") {
        "create" => {
            let name = fields.get("name");
            let scopes = fields.all("scope");
            let per_minute = fields.get("per_minute").parse::<i64>().ok();
            let per_day = fields.get("per_day").parse::<i64>().ok();
            let why = if name.is_empty() || name.chars().count() > 100 {
                Some("Name the integration the key is for (at most 100 characters).".to_owned())
            } else if scopes.is_empty() || scopes.iter().any(|s| !KEY_SCOPES.contains(&s.as_str()))
            {
                Some("Give the key at least one of the listed scopes.".to_owned())
            } else if !per_minute.is_some_and(|n| (1..=MAX_PER_MINUTE).contains(&n)) {
                Some(format!(
                    "Requests per minute: a whole number from 1 to {MAX_PER_MINUTE}."
                ))
            } else if !per_day.is_some_and(|n| (1..=MAX_PER_DAY).contains(&n)) {
                Some(format!(
                    "Requests per day: a whole number from 1 to {MAX_PER_DAY}."
                ))
            } else {
                None
            };
            if let Some(why) = why {
                return render(&state, &signed_in, &problem(why), StatusCode::BAD_REQUEST).await;
            }
            let new = NewKey {
                workspace: person.workspace.clone(),
                user: name.to_owned(),
                is_admin: false,
                scopes,
                per_minute: per_minute.unwrap_or(1),
                per_day: per_day.unwrap_or(1),
            };
            match state.store.create_key(&new).await {
                Ok((key, record)) => {
                    tracing::info!(key = %record.prefix, by = %person.email, "API key created in the web app");
                    let notice = view::Notice::NewKey(key, record.prefix);
                    render(&state, &signed_in, &notice, StatusCode::CREATED).await
                }
                Err(e) => trouble(&e),
            }
        }
        "revoke" => {
            let id = fields.get("key");
            let ours = match state.store.list_keys(Some(&person.workspace)).await {
                Ok(keys) => keys
                    .iter()
                    .any(|k| k.id == id && k.workspace_id == person.workspace_id),
                Err(e) => return trouble(&e),
            };
            if !ours {
                let notice = problem("There is no such key in this workspace.".into());
                return render(&state, &signed_in, &notice, StatusCode::NOT_FOUND).await;
            }
            match state.store.revoke_key(id).await {
                Ok(_) => see_other("/workspace"),
                Err(e) => trouble(&e),
            }
        }
        _ => {
            render(
                &state,
                &signed_in,
                &problem("That change is not one Scout knows.".into()),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}
