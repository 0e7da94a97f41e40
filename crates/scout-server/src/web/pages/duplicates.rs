//! The duplicates page: each open pair side by side — name, title,
//! employer, place, LinkedIn, skills — with why Scout takes them for one
//! person, and *Merge* / *Not the same person*; then the recent merges with
//! *Undo*.

use std::collections::HashMap;

use maud::{html, Markup};
use scout_model::Talent;
use scout_store::duplicates::Duplicate;
use scout_store::Session;

use super::{day, frame_in, Section};

fn reason_text(d: &Duplicate) -> &'static str {
    match d.reason.as_str() {
        "linkedin" => "the same LinkedIn profile",
        "email" => "the same e-mail address",
        "phone" => "the same phone number",
        _ => "the same name at the same employer, at the same time",
    }
}

fn side(talents: &HashMap<String, Talent>, id: &str) -> Markup {
    html! {
        @match talents.get(id) {
            None => div.side { p.hint { (id) " (no longer here)" } }
            Some(t) => div.side {
                h3 { a href=(format!("/talents/{id}")) {
                    (t.firstname.as_deref().unwrap_or("")) " " (t.lastname.as_deref().unwrap_or(""))
                } }
                @if let Some(title) = &t.job_title { p { (title)
                    @if let Some(org) = t.current_organization.as_ref().and_then(|o| o.name.as_deref()) { " · " (org) }
                } }
                @let place = [t.city.as_deref(), t.country.as_deref()].iter().flatten().copied().collect::<Vec<_>>().join(", ");
                @if !place.is_empty() { p.hint { (place) } }
                @if let Some(l) = &t.linkedin_url { p.hint { (l) } }
                @if !t.skills.is_empty() { p.hint { (t.skills.iter().take(8).cloned().collect::<Vec<_>>().join(" · ")) } }
                @let roles = t.experiences.len();
                @let schools = t.educations.len();
                p.hint { (roles) (if roles == 1 { " role · " } else { " roles · " }) (schools) (if schools == 1 { " school · id " } else { " schools · id " }) code { (id) } }
            }
        }
    }
}

/// The page.
pub(crate) fn page(
    session: &Session,
    open: &[Duplicate],
    open_total: i64,
    merged: &[Duplicate],
    talents: &HashMap<String, Talent>,
    notice: Option<&str>,
) -> Markup {
    let writes = session.person.role.writes();
    let body = html! {
        section.page-wide {
            header.page-head {
                h1 { "Duplicates" }
                p.hint { (open_total) " to review · one person once: the same LinkedIn profile or e-mail is merged on import; the same phone, or the same name at the same employer at the same time, is asked here. " a href="/import" { "Import profiles" } }
            }
            @if let Some(n) = notice { p.problem role="status" { (n) } }
            @if open.is_empty() {
                div.empty { p { "Nothing to review." } }
            }
            @for d in open {
                article.panel.pair data-item="" tabindex="-1" {
                    p { strong { "Likely the same person: " } (reason_text(d)) span.hint { " · found " (day(d.created_at)) } }
                    div.pair-sides { (side(talents, &d.talent_ids[0])) (side(talents, &d.talent_ids[1])) }
                    @if writes {
                        form.action method="post" action=(format!("/duplicates/{}", d.id)) {
                            input type="hidden" name="_csrf" value=(session.csrf_token);
                            button.primary type="submit" name="action" value="merge" { "Merge" }
                            button.secondary type="submit" name="action" value="dismiss" { "Not the same person" }
                        }
                    }
                }
            }
            @if !merged.is_empty() {
                section.panel aria-labelledby="merged-title" {
                    h2 #merged-title { "Merged lately" }
                    table.grid {
                        thead { tr { th scope="col" { "Kept" } th scope="col" { "Merged into it" } th scope="col" { "Why" } th scope="col" { "When" } th scope="col" {} } }
                        tbody {
                            @for d in merged {
                                @let kept = d.survivor_id.clone().unwrap_or_default();
                                @let gone = d.talent_ids.iter().find(|t| **t != kept).cloned().unwrap_or_default();
                                tr {
                                    td { a href=(format!("/talents/{kept}")) { (kept) } }
                                    td { code { (gone) } }
                                    td { (reason_text(d)) @if d.decided_by.as_deref().is_some_and(|b| b.starts_with("import:")) { span.hint { " (on import)" } } }
                                    td { (d.decided_at.map(day).unwrap_or_default()) }
                                    td { @if writes {
                                        form method="post" action=(format!("/duplicates/{}", d.id)) {
                                            input type="hidden" name="_csrf" value=(session.csrf_token);
                                            button.link type="submit" name="action" value="undo" { "Undo" }
                                        }
                                    } }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    frame_in(Section::Workspace, "Duplicates", Some(session), body)
}
