//! The "add to a project / add to a list" form, shared by the search
//! page's selection bar (the cards' checkboxes belong to it) and the
//! profile page (one talent, as a hidden field). One form with two submit
//! buttons, so a checkbox can serve both.

use maud::{html, Markup};
use scout_store::{CandidatePool, Session, Sourcing};

/// The id of the form the result checkboxes belong to.
pub(crate) const SELECTION_FORM: &str = "selection";

/// The form; `talent` is the one talent it acts on (a profile), or `None`
/// when checkboxes elsewhere on the page carry the talents.
pub(crate) fn add_form(
    session: &Session,
    projects: &[Sourcing],
    lists: &[CandidatePool],
    talent: Option<&str>,
    search: Option<&str>,
    back: &str,
) -> Markup {
    let read_only = !session.person.role.writes();
    html! {
        form.actions id=(SELECTION_FORM) method="post" action="/projects/add" {
            input type="hidden" name="_csrf" value=(session.csrf_token);
            input type="hidden" name="back" value=(back);
            @if let Some(t) = talent { input type="hidden" name="talent" value=(t); }
            @if read_only {
                p.hint { "Your role reads only: adding to projects and lists is for recruiters and admins." }
            } @else {
                @if talent.is_none() { span.selected-count aria-live="polite" { "0 selected" } }
                span.action {
                    label for="add-to-project" { "Project" }
                    select #add-to-project name="project" {
                        @for p in projects { option value=(p.id) { (p.title) } }
                        option value="new" selected[projects.is_empty()] { "New project…" }
                    }
                    label.visually-hidden for="new-project-title" { "Title of the new project" }
                    input #new-project-title type="text" name="new_title" maxlength="200" placeholder="New project title";
                    button.secondary type="submit" formaction="/projects/add" { "Add to project" }
                }
                span.action {
                    label for="add-to-list" { "List" }
                    select #add-to-list name="list" {
                        @for l in lists { option value=(l.id) { (l.name) } }
                        option value="new" selected[lists.is_empty()] { "New list…" }
                    }
                    label.visually-hidden for="new-list-name" { "Name of the new list" }
                    input #new-list-name type="text" name="new_name" maxlength="200" placeholder="New list name";
                    button.secondary type="submit" formaction="/lists/add" { "Add to list" }
                }
                @if let Some(id) = search {
                    input type="hidden" name="search" value=(id);
                    button.link type="submit" formaction="/lists/add" name="whole" value="1" { "Save the results shown as a new list" }
                }
            }
        }
    }
}
