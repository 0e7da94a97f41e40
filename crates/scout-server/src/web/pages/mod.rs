//! The HTML of each page, as maud templates (escaped by construction):
//! the frame every page shares, and one module per page.

pub(crate) mod actions;
pub(crate) mod duplicates;
pub(crate) mod import;
pub(crate) mod leads;
pub(crate) mod lists;
pub(crate) mod profile;
pub(crate) mod projects;
pub(crate) mod search;
pub(crate) mod sign_in;
pub(crate) mod workspace;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use scout_store::Session;

use super::assets;

/// The parts of the app, as the top bar names them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Search,
    Projects,
    Lists,
    Leads,
    History,
    Workspace,
    Other,
}

const SECTIONS: [(Section, &str, &str); 5] = [
    (Section::Search, "/", "Search"),
    (Section::Projects, "/projects", "Projects"),
    (Section::Lists, "/lists", "Lists"),
    (Section::Leads, "/leads", "Leads"),
    (Section::History, "/history", "History"),
];

/// A whole page: `title`, the top bar (for a signed-in person), `body`.
pub(crate) fn frame(title: &str, session: Option<&Session>, body: Markup) -> Markup {
    frame_in(Section::Other, title, session, body)
}

/// A whole page of `section`.
pub(crate) fn frame_in(
    section: Section,
    title: &str,
    session: Option<&Session>,
    body: Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Scout" }
                // no icon to fetch (and no 404 for one in every log)
                link rel="icon" href="data:,";
                link rel="stylesheet" href=(assets::css_path());
                @if let Some(s) = session {
                    meta name="csrf-token" content=(s.csrf_token);
                    meta name="may-change" content=(s.person.role.writes());
                    script type="module" src=(assets::js_path()) {}
                }
            }
            body {
                @if let Some(s) = session {
                    header.topbar {
                        a.brand href="/" { "Scout" }
                        nav aria-label="Main" {
                            @for (sec, href, label) in SECTIONS {
                                a href=(href) aria-current=[(sec == section).then_some("page")] { (label) }
                            }
                            @if s.person.role == scout_store::Role::Admin {
                                a href="/workspace" aria-current=[(section == Section::Workspace).then_some("page")] { "Workspace" }
                            }
                        }
                        div.who {
                            span.workspace title="Workspace" { (s.person.workspace) }
                            span.person { (s.person.email) " · " (s.person.role.as_str()) }
                            form method="post" action="/sign-out" {
                                input type="hidden" name="_csrf" value=(s.csrf_token);
                                button.link type="submit" { "Sign out" }
                            }
                        }
                    }
                }
                main id="main" { (body) }
                @if session.is_some() {
                    div #announce.visually-hidden aria-live="polite" {}
                    dialog #keys aria-labelledby="keys-title" {
                        h2 #keys-title { "Keyboard" }
                        dl.keys {
                            @for (k, what) in KEYS { dt { kbd { (k) } } dd { (what) } }
                        }
                        form method="dialog" { button.primary type="submit" { "Close" } }
                    }
                }
            }
        }
    }
}

/// The keyboard map (`?` shows it).
const KEYS: [(&str, &str); 10] = [
    ("/", "search box"),
    ("j / k", "next / previous result or card"),
    ("x", "select the result"),
    ("Enter", "open it"),
    ("Esc", "close this, leave a field"),
    ("a", "add the selection to a project"),
    ("l", "add the selection to a list"),
    ("] / [", "move the card a stage right / left"),
    ("g p / g l", "go to projects / lists"),
    ("?", "show this map"),
];

/// `markup` with `status`, as HTML.
pub(crate) fn respond(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
}

/// The page for a failure of the server's own (the details go to the log
/// with a tracking code, never to the page).
pub(crate) fn trouble(error: &dyn std::fmt::Display) -> Response {
    let code = crate::error::new_tracking_code();
    tracing::error!(tracking_code = %code, %error, "web page failed");
    respond(
        StatusCode::INTERNAL_SERVER_ERROR,
        frame(
            "Something went wrong",
            None,
            html! {
                section.notice {
                    h1 { "Something went wrong" }
                    p { "Scout could not finish this request. Nothing you entered was lost; try again. If it keeps happening, give your administrator this code: " code { (code) } }
                }
            },
        ),
    )
}

/// The page for a refused change (a form from another site, or a stale one).
pub(crate) fn forbidden(why: &str) -> Response {
    respond(
        StatusCode::FORBIDDEN,
        frame(
            "Not allowed",
            None,
            html! { section.notice { h1 { "Not allowed" } p { (why) } p { a href="/" { "Back to Scout" } } } },
        ),
    )
}

/// The page for something that is not there — or is another workspace's,
/// which looks exactly the same.
pub(crate) fn not_found(session: &Session, what: &str) -> Response {
    respond(
        StatusCode::NOT_FOUND,
        frame(
            "Not found",
            Some(session),
            html! {
                section.notice {
                    h1 { (what) " not found" }
                    p { "There is nothing at this address in " (session.person.workspace) ". It may have been removed, or the link may be mistyped." }
                    p { a href="/" { "Back to search" } }
                }
            },
        ),
    )
}

/// `409`: another request changed the same thing at the same moment, again
/// and again; nothing was lost, and trying again works once they are done.
pub(crate) fn busy(session: &Session, what: &str) -> Response {
    respond(
        StatusCode::CONFLICT,
        frame(
            "Try again",
            Some(session),
            html! {
                section.notice {
                    h1 { "Try again" }
                    p { (what) " was being changed by other requests at the same moment. Nothing was lost; try again." }
                    p { a href="/" { "Back to search" } }
                }
            },
        ),
    )
}

/// A redirect after a change (303, so the browser follows with a GET).
pub(crate) fn see_other(to: &str) -> Response {
    axum::response::Redirect::to(to).into_response()
}

/// The messages of a refused change, by the first key of their path (`""`
/// for the whole form), to show next to each field.
pub(crate) fn problems(e: &crate::error::ApiError) -> Vec<(String, String)> {
    match &e.issues {
        Some(issues) if !issues.is_empty() => issues
            .iter()
            .map(|i| {
                let field = match i.path.first() {
                    Some(scout_query::PathItem::Key(k)) => k.clone(),
                    _ => String::new(),
                };
                (field, i.message.clone())
            })
            .collect(),
        _ => vec![(String::new(), e.message.clone())],
    }
}

/// The messages of a refused change as one sentence (for a page that has
/// no field to show them beside).
pub(crate) fn problem_text(e: &crate::error::ApiError) -> String {
    problems(e)
        .into_iter()
        .map(|(_, m)| m)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The problem of `field`, if any.
pub(crate) fn problem_of<'a>(problems: &'a [(String, String)], field: &str) -> Option<&'a str> {
    problems
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.as_str())
}

/// A person's name from a profile's first and last names.
pub(crate) fn full_name(first: Option<&str>, last: Option<&str>) -> String {
    let name = [first, last]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        "(no name)".to_owned()
    } else {
        name
    }
}

/// A stage's handle for people: `TO_BE_CONTACTED` → "To be contacted".
pub(crate) fn stage_label(stage: scout_model::Stage) -> String {
    let lower = stage.handle().replace('_', " ").to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// A date (Unix milliseconds) as `2026-12-06`.
pub(crate) fn day(ms: i64) -> String {
    crate::views::iso(ms).chars().take(10).collect()
}
