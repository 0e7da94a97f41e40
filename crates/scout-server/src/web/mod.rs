//! The recruiter web app, served by the same binary at `/` beside the API:
//! server-rendered HTML (maud) with its assets embedded, calling the same
//! engine, store and readers as the API handlers (one implementation of
//! each rule). Signed-in people have a session (`session.rs`), never an API
//! key; what they may do follows their role in their workspace.
//!
//! Pages: sign-in and sign-out; search (a prompt or a Sales Navigator URL →
//! the reading as chips → the ranked cards with their evidence, selectable
//! into projects and lists); profiles; projects with their pipeline board,
//! table and candidate pages; lists with their CSV export. docs/web.md says
//! what each page does. Every change checks the session's CSRF token and
//! the person's role (viewers read only).

mod assets;
pub mod demo;
mod duplicates;
mod filters;
mod forms;
mod import;
mod leads;
mod lists;
mod pages;
pub mod password;
mod profile;
mod projects;
mod search;
pub mod session;
mod streamed;
mod throttle;
mod vocabulary;
pub mod workspace;

pub use assets::shipped_bytes;
pub(crate) use throttle::SignInFailures;
pub(crate) use vocabulary::Vocabularies;

use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::AppState;
use pages::{forbidden, respond, trouble};
use session::{cookie, new_token, set_cookie, token_hash, SignedIn, FORM_COOKIE, SESSION_COOKIE};

/// The web app's routes.
pub(crate) fn routes(limits: crate::BodyLimits) -> Router<AppState> {
    Router::new()
        .route("/", get(search::page))
        .route("/talents/{id}", get(profile::page))
        .route("/searches/{id}/more", get(search::more))
        .route("/history", get(search::history))
        .route("/suggest", get(filters::suggest))
        .route("/projects", get(projects::list).post(projects::create))
        .route("/projects/add", post(projects::add))
        .route("/projects/{id}", get(projects::show))
        .route(
            "/projects/{id}/edit",
            get(projects::edit_page).post(projects::edit),
        )
        .route(
            "/projects/{id}/candidates/{cid}",
            get(projects::candidate).post(projects::change),
        )
        .route(
            "/leads",
            get(leads::list)
                .post(leads::upload)
                .layer(axum::extract::DefaultBodyLimit::max(limits.upload_bytes)),
        )
        .route("/leads/{id}", get(leads::show).post(leads::change))
        .route("/duplicates", get(duplicates::list))
        .route("/duplicates/{id}", post(duplicates::decide))
        // the file is streamed to the spool and counted there (`Spooled`)
        .route(
            "/import",
            get(import::page)
                .post(import::upload)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/workspace", get(workspace::page))
        .route("/workspace/people", post(workspace::people))
        .route("/workspace/keys", post(workspace::keys))
        .route("/lists", get(lists::list))
        .route("/lists/add", post(lists::add))
        .route("/lists/{id}", get(lists::show).post(lists::change))
        .route("/lists/{id}/export.csv", get(lists::export))
        .route("/sign-in", get(sign_in_page).post(sign_in))
        .route("/sign-out", post(sign_out))
        .route("/assets/{name}", get(assets::serve))
        // pages, fragments, CSV and assets gzip-compressed for browsers that ask
        .layer(tower_http::compression::CompressionLayer::new())
}

#[derive(Deserialize, Default)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Where to go after signing in: a path of this site only.
fn safe_next(next: &str) -> &str {
    forms::site_path(next).unwrap_or("/")
}

async fn sign_in_page(
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<NextQuery>,
) -> Response {
    let Ok(token) = new_token() else {
        return trouble(&"no randomness for a form token");
    };
    let mut response = respond(
        StatusCode::OK,
        pages::sign_in::page(&token, "", safe_next(&q.next), None),
    );
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(&headers, FORM_COOKIE, &token, 3600),
    );
    response
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default, rename = "_csrf")]
    csrf: String,
    #[serde(default)]
    next: String,
}

async fn sign_in(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let headers = parts.headers.clone();
    let address = crate::connections::peer(&parts).map(|a| a.ip());
    let request = Request::from_parts(parts, body);
    let Ok(Form(form)) = Form::<SignInForm>::from_request(request, &state).await else {
        return forbidden("The sign-in form could not be read. Reload the page and try again.");
    };
    // the form must come from a page this browser loaded from Scout
    let bound =
        cookie(&headers, FORM_COOKIE).is_some_and(|c| crate::auth::tokens_match(&c, &form.csrf));
    if !bound || !session::same_site(&headers) {
        return forbidden("This sign-in form did not come from Scout's own page. Open the sign-in page and try again.");
    }
    let email = scout_store::people::email_key(&form.email);
    let next = safe_next(&form.next).to_owned();
    let again = |status: StatusCode, problem: &str| {
        respond(
            status,
            pages::sign_in::page(&form.csrf, &form.email, &next, Some(problem)),
        )
    };
    if email.is_empty() || form.password.is_empty() {
        return again(
            StatusCode::BAD_REQUEST,
            "Enter your e-mail and your password.",
        );
    }
    match state.sign_ins.check(&email, address) {
        throttle::Verdict::Refuse(seconds) => {
            let minutes = seconds.div_ceil(60);
            return again(
                StatusCode::TOO_MANY_REQUESTS,
                &format!(
                    "Too many failed attempts. Try again in {minutes} minute{}.",
                    if minutes == 1 { "" } else { "s" }
                ),
            );
        }
        throttle::Verdict::Proceed(pause) if !pause.is_zero() => tokio::time::sleep(pause).await,
        throttle::Verdict::Proceed(_) => {}
    }
    let found = match state.store.person_by_email(&email).await {
        Ok(found) => found,
        Err(e) => return trouble(&e),
    };
    let password = form.password.clone();
    let hash = found.as_ref().map(|(_, h)| h.clone());
    // checked even for an unknown e-mail, so that timing tells nothing
    let verified = tokio::task::spawn_blocking(move || {
        password::verify_password(&password, hash.as_deref().unwrap_or(password::decoy_hash()))
    })
    .await
    .unwrap_or(false);
    let Some((person, _)) = found.filter(|_| verified) else {
        state.sign_ins.failed(&email, address);
        return again(
            StatusCode::UNAUTHORIZED,
            "That e-mail and password do not match an account.",
        );
    };
    state.sign_ins.succeeded(&email);
    let (Ok(token), Ok(csrf)) = (new_token(), new_token()) else {
        return trouble(&"no randomness for a session");
    };
    let expires_at = crate::background_log::now_ms() + session::SESSION_HOURS * 3_600_000;
    if let Err(e) = state
        .store
        .create_session(&person.user_id, &token_hash(&token), &csrf, expires_at)
        .await
    {
        return trouble(&e);
    }
    tracing::info!(user = %person.user_id, workspace = %person.workspace_id, "signed in");
    let mut response = Redirect::to(&next).into_response();
    let cookies = response.headers_mut();
    cookies.append(
        header::SET_COOKIE,
        set_cookie(
            &headers,
            SESSION_COOKIE,
            &token,
            session::SESSION_HOURS * 3600,
        ),
    );
    cookies.append(header::SET_COOKIE, set_cookie(&headers, FORM_COOKIE, "", 0));
    response
}

#[derive(Deserialize)]
struct ChangeForm {
    #[serde(default, rename = "_csrf")]
    csrf: String,
}

async fn sign_out(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    Form(form): Form<ChangeForm>,
) -> Response {
    if !signed_in.may_change(&headers, &form.csrf) {
        return forbidden(
            "This request did not come from Scout's own page, so nothing was changed.",
        );
    }
    if let Err(e) = state.store.end_session(&signed_in.token_hash).await {
        return trouble(&e);
    }
    let mut response = Redirect::to("/sign-in").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(&headers, SESSION_COOKIE, "", 0),
    );
    response
}
