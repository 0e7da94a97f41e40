//! The HTML of each page, as maud templates (escaped by construction):
//! the frame every page shares, and one module per page.

pub(crate) mod search;
pub(crate) mod sign_in;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use scout_store::Session;

use super::assets;

/// A whole page: `title`, the top bar (for a signed-in person), `body`.
pub(crate) fn frame(title: &str, session: Option<&Session>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Scout" }
                link rel="stylesheet" href=(assets::css_path());
            }
            body {
                @if let Some(s) = session {
                    header.topbar {
                        a.brand href="/" { "Scout" }
                        nav aria-label="Main" {
                            a href="/" aria-current="page" { "Search" }
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
            }
        }
    }
}

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
