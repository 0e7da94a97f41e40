//! The lists pages: a person's lists, and one list with its members, the
//! rename form, removing members, deleting, and the CSV export.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use scout_model::Talent;
use scout_store::{CandidatePool, Session};

use super::{day, frame, frame_in, full_name, problem_of, respond, Section};

/// The page of a person's lists.
pub(crate) fn list(session: &Session, lists: &[CandidatePool]) -> Markup {
    let body = html! {
        section.page-wide {
            header.page-head { h1 { "Lists" } p.hint { "Your saved lists of people, to share or export." } }
            @if lists.is_empty() {
                div.empty {
                    p { "No list yet. In a search, select people with " kbd { "x" } " (or their checkbox) and choose " strong { "Add to list" } "; a new list is made on the way." }
                    p { a href="/" { "Go to search" } }
                }
            } @else {
                table.grid {
                    caption.visually-hidden { "Your lists" }
                    thead { tr { th scope="col" { "List" } th scope="col" class="num" { "People" } th scope="col" { "Updated" } } }
                    tbody {
                        @for l in lists {
                            tr { td { a href=(format!("/lists/{}", l.id)) { (l.name) } } td.num { (l.member_count) } td { (day(l.updated_at)) } }
                        }
                    }
                }
            }
        }
    };
    frame_in(Section::Lists, "Lists", Some(session), body)
}

/// One list.
pub(crate) fn show(
    session: &Session,
    pool: &CandidatePool,
    members: &[(String, Option<&Talent>)],
    page: i64,
    page_size: i64,
    problems: &[(String, String)],
) -> Markup {
    let writes = session.person.role.writes();
    let base = format!("/lists/{}", pool.id);
    let pages = (pool.member_count + page_size - 1) / page_size;
    let body = html! {
        section.page-wide {
            header.page-head {
                p.crumbs { a href="/lists" { "Lists" } " /" }
                h1 { (pool.name) }
                p.hint { (pool.member_count) @if pool.member_count == 1 { " person" } @else { " people" } " · updated " (day(pool.updated_at)) }
                p { a.button href=(format!("{base}/export.csv")) download { "Export CSV" } }
            }
            @if writes {
                form.inline method="post" action=(base) {
                    input type="hidden" name="_csrf" value=(session.csrf_token);
                    input type="hidden" name="action" value="rename";
                    label for="name" { "Name" }
                    input #name type="text" name="name" value=(pool.name) maxlength="200"
                        aria-invalid=[problem_of(problems, "name").map(|_| "true")];
                    button.secondary type="submit" { "Rename" }
                    @if let Some(p) = problem_of(problems, "name") { p.field-problem role="alert" { (p) } }
                }
            }
            @if members.is_empty() {
                div.empty { p { "This list is empty. Add people from a search or a profile." } }
            } @else {
                form method="post" action=(base) {
                    input type="hidden" name="_csrf" value=(session.csrf_token);
                    input type="hidden" name="action" value="remove";
                    @if let Some(p) = problem_of(problems, "talent") { p.problem role="alert" { (p) } }
                    ol.cards {
                        @for (id, t) in members {
                            li.card.row data-item="" tabindex="-1" {
                                @if writes {
                                    input type="checkbox" name="talent" value=(id) id=(format!("m-{id}")) aria-label="Select";
                                }
                                @match t {
                                    Some(t) => {
                                        div {
                                            a.card-who data-open="" href=(format!("/talents/{}", t.id)) { (full_name(t.firstname.as_deref(), t.lastname.as_deref())) }
                                            p.card-what { (t.job_title.as_deref().unwrap_or("")) @if let Some(c) = &t.city { span.card-place { " · " (c) } } }
                                        }
                                    }
                                    None => { div { span.hint { (id) " — this profile was removed from the index" } } }
                                }
                            }
                        }
                    }
                    @if writes { button.secondary type="submit" { "Remove selected" } }
                }
                @if pages > 1 {
                    nav.pager aria-label="Pages" {
                        @if page > 0 { a href=(format!("{base}?page={}", page - 1)) { "← Previous" } }
                        span { "Page " (page + 1) " of " (pages) }
                        @if page + 1 < pages { a href=(format!("{base}?page={}", page + 1)) { "Next →" } }
                    }
                }
            }
            @if writes {
                form.danger method="post" action=(base) {
                    input type="hidden" name="_csrf" value=(session.csrf_token);
                    input type="hidden" name="action" value="delete";
                    button.link type="submit" { "Delete this list" }
                }
            }
        }
    };
    frame_in(Section::Lists, &pool.name, Some(session), body)
}

/// A change that could not be made, and why.
pub(crate) fn refused(session: &Session, why: &str) -> Response {
    respond(
        StatusCode::BAD_REQUEST,
        frame(
            "Not changed",
            Some(session),
            html! {
                section.notice {
                    h1 { "Nothing was changed" }
                    p.problem role="alert" { (why) }
                    p { "Go back with your browser: what you selected is still there." }
                }
            },
        ),
    )
}
