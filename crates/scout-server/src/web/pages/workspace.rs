//! The workspace page (admins): people and roles, API keys with their
//! scopes, limits and use.

use maud::{html, Markup};
use scout_store::{ApiKey, Person, Role, Session};

use super::{day, frame_in, Section};
use crate::web::workspace::{KEY_SCOPES, MAX_PER_DAY, MAX_PER_MINUTE};

/// What the page says above its sections after a change.
pub(crate) enum Notice {
    None,
    /// A refused change: the section (`people` or `keys`) and why.
    Problem(&'static str, String),
    /// A key just made: the key (shown this once) and its prefix.
    NewKey(String, String),
}

fn problem_in<'a>(notice: &'a Notice, section: &str) -> Option<&'a str> {
    match notice {
        Notice::Problem(s, why) if *s == section => Some(why),
        _ => None,
    }
}

/// The page.
pub(crate) fn page(
    session: &Session,
    people: &[Person],
    keys: &[ApiKey],
    usage: &[(i64, i64)],
    notice: &Notice,
) -> Markup {
    let csrf = &session.csrf_token;
    let body = html! {
        section.page-wide {
            header.page-head { h1 { "Workspace " (session.person.workspace) } p.hint { "People who sign in, and the API keys of integrations. " a href="/import" { "Import profiles from a file" } " · " a href="/duplicates" { "Review duplicates" } } }
            @if let Notice::NewKey(key, prefix) = notice {
                div.panel.new-key role="status" {
                    h2 { "New API key " code { (prefix) } }
                    p { "Copy it now: Scout keeps only its hash and will not show it again." }
                    p { input #new-key type="text" readonly value=(key) aria-label="The new API key"; }
                }
            }
            section.panel aria-labelledby="people-title" {
                h2 #people-title { "People" }
                @if let Some(p) = problem_in(notice, "people") { p.problem role="alert" { (p) } }
                table.grid {
                    caption.visually-hidden { "People of the workspace" }
                    thead { tr { th scope="col" { "E-mail" } th scope="col" { "Role" } } }
                    tbody {
                        @for p in people {
                            tr {
                                td { (p.email) @if p.user_id == session.person.user_id { span.hint { " (you)" } } }
                                td {
                                    form.inline method="post" action="/workspace/people" {
                                        input type="hidden" name="_csrf" value=(csrf);
                                        input type="hidden" name="action" value="role";
                                        input type="hidden" name="user" value=(p.user_id);
                                        label.visually-hidden for=(format!("role-{}", p.user_id)) { "Role of " (p.email) }
                                        select id=(format!("role-{}", p.user_id)) name="role" {
                                            @for r in Role::ALL { option value=(r.as_str()) selected[r == p.role] { (r.as_str()) } }
                                        }
                                        button.secondary type="submit" { "Change" }
                                    }
                                }
                            }
                        }
                    }
                }
                form.inline.invite method="post" action="/workspace/people" {
                    input type="hidden" name="_csrf" value=(csrf);
                    input type="hidden" name="action" value="invite";
                    label for="invite-email" { "E-mail" }
                    input #invite-email type="email" name="email" required autocomplete="off";
                    label for="invite-role" { "Role" }
                    select #invite-role name="role" { @for r in Role::ALL { option value=(r.as_str()) selected[r == Role::Recruiter] { (r.as_str()) } } }
                    label for="invite-password" { "First password" }
                    input #invite-password type="password" name="password" required autocomplete="new-password" minlength="10";
                    button.primary type="submit" { "Add person" }
                }
                p.hint { "Admins: people, keys, everything. Recruiters: search, projects, lists, leads. Viewers: read only." }
            }
            section.panel aria-labelledby="keys-title-h" {
                h2 #keys-title-h { "API keys" }
                @if let Some(p) = problem_in(notice, "keys") { p.problem role="alert" { (p) } }
                @if keys.is_empty() { p.hint { "No API key yet. Integrations (an ATS, a script) call the API with one." } }
                @else {
                    table.grid {
                        caption.visually-hidden { "API keys of the workspace" }
                        thead { tr { th scope="col" { "Key" } th scope="col" { "For" } th scope="col" { "Scopes" } th scope="col" class="num" { "This minute" } th scope="col" class="num" { "Today" } th scope="col" { "Made" } th scope="col" { span.visually-hidden { "Revoke" } } } }
                        tbody {
                            @for (k, (minute, today)) in keys.iter().zip(usage) {
                                tr {
                                    td { code { (k.prefix) "…" } }
                                    td { (k.user) }
                                    td { (k.scopes.join(", ")) }
                                    td.num { (minute) " / " (k.per_minute) }
                                    td.num { (today) " / " (k.per_day) }
                                    td { (day(k.created_at)) }
                                    td {
                                        @if k.revoked_at.is_some() { span.hint { "revoked" } } @else {
                                            form method="post" action="/workspace/keys" {
                                                input type="hidden" name="_csrf" value=(csrf);
                                                input type="hidden" name="action" value="revoke";
                                                input type="hidden" name="key" value=(k.id);
                                                button.link type="submit" aria-label=(format!("Revoke {}", k.prefix)) { "Revoke" }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    p.hint { "Use is counted by this server since it started; with several servers, each counts its own share." }
                }
                form.new-key-form method="post" action="/workspace/keys" {
                    input type="hidden" name="_csrf" value=(csrf);
                    input type="hidden" name="action" value="create";
                    div.field { label for="key-name" { "For (an integration's name)" } input #key-name type="text" name="name" maxlength="100" required; }
                    fieldset.scopes {
                        legend { "Scopes" }
                        @for s in KEY_SCOPES {
                            label.check { input type="checkbox" name="scope" value=(s) checked[s.ends_with(":read") || s == "talents:search"]; " " (s) }
                        }
                    }
                    div.field { label for="per-minute" { "Requests per minute (1–" (MAX_PER_MINUTE) ")" } input #per-minute type="number" name="per_minute" value=(scout_store::access::DEFAULT_PER_MINUTE) min="1" max=(MAX_PER_MINUTE); }
                    div.field { label for="per-day" { "Requests per day (1–" (MAX_PER_DAY) ")" } input #per-day type="number" name="per_day" value="10000" min="1" max=(MAX_PER_DAY); }
                    button.primary type="submit" { "Create key" }
                }
            }
        }
    };
    frame_in(Section::Workspace, "Workspace", Some(session), body)
}
