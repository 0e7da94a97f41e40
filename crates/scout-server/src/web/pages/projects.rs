//! The projects pages: the list with the create form, the pipeline board
//! (a column per stage; drag a card, or focus it and press `]` / `[`, or
//! use its own small form), the pipeline table (the documented sorts and a
//! stage filter), and a candidate's page (stage, rating, notes, history as
//! a timeline, the fit score with its breakdown).

use maud::{html, Markup};
use scout_model::Stage;
use scout_store::{Candidate, CandidateEvent, Session, Sourcing};

use super::{day, frame_in, problem_of, stage_label, Section};

/// What the create form holds: what was typed, and why it was refused.
#[derive(Default)]
pub(crate) struct Draft {
    pub title: String,
    pub location: String,
    pub description: String,
    pub salary_min: String,
    pub salary_max: String,
    pub currency: String,
    pub requirements: String,
    /// `(field, message)`; field `""` for the whole form.
    pub problems: Vec<(String, String)>,
}

/// The table's sort, order, stage filter and text.
pub(crate) struct TableState {
    pub sort: String,
    pub descending: bool,
    pub stage: String,
    pub q: String,
}

/// Stages shown as columns even when empty (the usual sourcing flow); the
/// others appear when a candidate stands in them.
const USUAL: [Stage; 8] = [
    Stage::ToBeContacted,
    Stage::Contacted,
    Stage::Replied,
    Stage::Interested,
    Stage::Screening,
    Stage::Interview,
    Stage::Offer,
    Stage::Hired,
];

fn field(
    id: &str,
    label: &str,
    value: &str,
    problems: &[(String, String)],
    key: &str,
    extra: Markup,
) -> Markup {
    let problem = problem_of(problems, key);
    let hint = format!("{id}-problem");
    html! {
        div.field {
            label for=(id) { (label) }
            (extra)
            input id=(id) type="text" name=(id.replace('-', "_")) value=(value)
                aria-invalid=[problem.map(|_| "true")] aria-describedby=[problem.map(|_| hint.as_str())];
            @if let Some(p) = problem { p.field-problem id=(hint) { (p) } }
        }
    }
}

/// The projects page.
pub(crate) fn list(session: &Session, projects: &[Sourcing], total: i64, draft: &Draft) -> Markup {
    let writes = session.person.role.writes();
    let body = html! {
        section.page-wide {
            header.page-head {
                h1 { "Projects" }
                p.hint { (total) " active · sourcing projects and jobs, each with its pipeline" }
            }
            div.split {
                div {
                    @if projects.is_empty() {
                        div.empty {
                            p { "No project yet. A project holds the people you shortlist for a role and moves them through your pipeline." }
                            @if writes { p { "Create one with the form, or select people in a search and add them to a new project." } }
                        }
                    } @else {
                        table.grid {
                            caption.visually-hidden { "Active projects" }
                            thead { tr { th scope="col" { "Project" } th scope="col" { "Location" } th scope="col" class="num" { "Candidates" } th scope="col" { "Updated" } } }
                            tbody {
                                @for p in projects {
                                    tr {
                                        td { a href=(format!("/projects/{}", p.id)) { (p.title) } }
                                        td { (p.location.as_deref().unwrap_or("—")) }
                                        td.num { (p.candidate_count) }
                                        td { (day(p.updated_at)) }
                                    }
                                }
                            }
                        }
                    }
                }
                @if writes { (project_form(session, draft, "/projects", "New project", "Create project", None)) }
            }
        }
    };
    frame_in(Section::Projects, "Projects", Some(session), body)
}

/// The form that creates a project (`current` is `None`) or edits one
/// (`current` holds its requirements, kept unless new ones are written).
fn project_form(
    session: &Session,
    draft: &Draft,
    action: &str,
    heading: &str,
    submit: &str,
    current: Option<&Sourcing>,
) -> Markup {
    let general = problem_of(&draft.problems, "");
    let salary_problem = draft
        .problems
        .iter()
        .find(|(f, _)| f == "salary")
        .map(|(_, m)| m.as_str());
    html! {
        form.panel.create method="post" action=(action) novalidate aria-labelledby="project-form-title" {
            h2 #project-form-title { (heading) }
            input type="hidden" name="_csrf" value=(session.csrf_token);
            @if let Some(p) = general { p.problem role="alert" { (p) } }
            (field("title", "Title", &draft.title, &draft.problems, "title", html! {}))
            (field("location", "Location", &draft.location, &draft.problems, "location", html! {}))
            div.field {
                label for="description" { "Description" }
                textarea #description name="description" rows="3"
                    aria-invalid=[problem_of(&draft.problems, "description").map(|_| "true")] { (draft.description) }
                @if let Some(p) = problem_of(&draft.problems, "description") { p.field-problem { (p) } }
            }
            fieldset.salary {
                legend { "Salary (optional)" }
                (field("salary-min", "From", &draft.salary_min, &draft.problems, "salary_min", html! {}))
                (field("salary-max", "To", &draft.salary_max, &draft.problems, "salary_max", html! {}))
                (field("currency", "Currency", &draft.currency, &draft.problems, "currency", html! {}))
                @if let Some(p) = salary_problem { p.field-problem role="alert" { (p) } }
            }
            div.field {
                label for="requirements" { @if current.is_some() { "New requirements" } @else { "Requirements" } }
                @if let Some(reqs) = current.and_then(|c| c.requirements.as_array()).filter(|r| !r.is_empty()) {
                    p.hint { "Now: " (reqs.iter().filter_map(|r| r["value"].as_str()).collect::<Vec<_>>().join(", ")) ". Leave blank to keep them." }
                }
                p.hint id="requirements-hint" { "Written as for a search, e.g. “backend engineer in Berlin, 5+ years, Go”. Fit scores are computed against them." }
                textarea #requirements name="requirements" rows="2" aria-describedby="requirements-hint"
                    aria-invalid=[problem_of(&draft.problems, "requirements").map(|_| "true")] { (draft.requirements) }
                @if let Some(p) = problem_of(&draft.problems, "requirements") { p.field-problem role="alert" { (p) } }
            }
            @if current.is_some() {
                label.check { input type="checkbox" name="archived" checked[current.is_some_and(|c| c.archived_at.is_some())]; " Archived (hidden from the projects list)" }
            }
            button.primary type="submit" { (submit) }
        }
    }
}

/// The page that edits a project.
pub(crate) fn edit(session: &Session, project: &Sourcing, draft: &Draft) -> Markup {
    let body = html! {
        section.profile {
            p.crumbs { a href="/projects" { "Projects" } " / " a href=(format!("/projects/{}", project.id)) { (project.title) } " /" }
            h1 { "Edit " (project.title) }
            (project_form(session, draft, &format!("/projects/{}/edit", project.id), "Details", "Save", Some(project)))
        }
    };
    frame_in(
        Section::Projects,
        &format!("Edit {}", project.title),
        Some(session),
        body,
    )
}

/// What the edit form starts with: the project as it is.
pub(crate) fn draft_of(project: &Sourcing) -> Draft {
    let number = |n: Option<f64>| n.map(|n| format!("{n}")).unwrap_or_default();
    Draft {
        title: project.title.clone(),
        location: project.location.clone().unwrap_or_default(),
        description: project.description.clone().unwrap_or_default(),
        salary_min: number(project.salary.as_ref().and_then(|s| s.min)),
        salary_max: number(project.salary.as_ref().and_then(|s| s.max)),
        currency: project
            .salary
            .as_ref()
            .and_then(|s| s.currency.clone())
            .unwrap_or_default(),
        requirements: String::new(),
        problems: Vec::new(),
    }
}

fn head(project: &Sourcing, count: usize, table: bool, writes: bool) -> Markup {
    let base = format!("/projects/{}", project.id);
    html! {
        header.page-head {
            p.crumbs { a href="/projects" { "Projects" } " /" }
            h1 { (project.title) }
            p.hint {
                @if let Some(l) = &project.location { (l) " · " }
                (count) @if count == 1 { " candidate" } @else { " candidates" }
                @if let Some(reqs) = project.requirements.as_array().filter(|r| !r.is_empty()) {
                    " · requirements: "
                    (reqs.iter().filter_map(|r| r["value"].as_str()).collect::<Vec<_>>().join(", "))
                }
            }
            nav.view-switch aria-label="View" {
                a href=(base) aria-current=[(!table).then_some("page")] { "Board" }
                a href=(format!("{base}?view=table")) aria-current=[table.then_some("page")] { "Table" }
                @if writes { a href=(format!("{base}/edit")) { "Edit project" } }
            }
        }
    }
}

fn fit_badge(c: &Candidate) -> Markup {
    html! {
        @if let Some((fit, _)) = &c.fit {
            span.fit title=(fit.summary) { "Fit " (fit.score) }
        }
    }
}

fn stars(rating: Option<i64>) -> String {
    rating.map_or(String::new(), |r| {
        "★".repeat(r as usize) + &"☆".repeat(5 - r as usize)
    })
}

/// The pipeline board.
pub(crate) fn board(session: &Session, project: &Sourcing, candidates: &[Candidate]) -> Markup {
    let writes = session.person.role.writes();
    let mut stages: Vec<Stage> = USUAL.to_vec();
    for c in candidates {
        if !stages.contains(&c.stage) {
            stages.push(c.stage);
        }
    }
    stages.sort_by_key(|s| s.order());
    let base = format!("/projects/{}", project.id);
    let body = html! {
        section.page-wide {
            (head(project, candidates.len(), false, writes))
            @if candidates.is_empty() {
                div.empty { p { "No candidate yet. Search, select people with " kbd { "x" } " and add them to this project." } p { a href="/" { "Go to search" } } }
            }
            @if writes { p.hint { "Drag a card to another column, or focus it and press " kbd { "]" } " / " kbd { "[" } " to move it a stage right or left." } }
            div.board {
                @for stage in &stages {
                    @let here: Vec<&Candidate> = candidates.iter().filter(|c| c.stage == *stage).collect();
                    @let label = stage_label(*stage);
                    section.board-column data-stage=(stage.handle()) data-label=(label) aria-label=(label) {
                        h2 { (label) " " span.column-count { (here.len()) } }
                        ol.column-cards {
                            @for c in here {
                                @let name = c.profile.full_name().unwrap_or_else(|| "(no name)".to_owned());
                                li.board-card #(format!("card-{}", c.id)) tabindex="0" data-item=""
                                    data-movable=[writes.then_some("")] data-name=(name)
                                    data-move-url=(format!("{base}/candidates/{}", c.id)) {
                                    a data-open="" href=(format!("{base}/candidates/{}", c.id)) { (name) }
                                    @if let Some(t) = &c.profile.job_title { p.card-what { (t) @if let Some(o) = &c.profile.company_name { " @ " (o) } } }
                                    p.card-meta { (fit_badge(c)) " " span.stars aria-label=[c.user_rating.map(|r| format!("rated {r} of 5"))] { (stars(c.user_rating)) } }
                                    @if writes {
                                        form.move method="post" action=(format!("{base}/candidates/{}", c.id)) {
                                            input type="hidden" name="_csrf" value=(session.csrf_token);
                                            input type="hidden" name="back" value=(base);
                                            label.visually-hidden for=(format!("stage-{}", c.id)) { "Stage of " (name) }
                                            select id=(format!("stage-{}", c.id)) name="statusHandle" {
                                                @for s in Stage::ALL { option value=(s.handle()) selected[*s == c.stage] { (stage_label(*s)) } }
                                            }
                                            button.secondary type="submit" { "Move" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    frame_in(Section::Projects, &project.title, Some(session), body)
}

const SORTS: [(&str, &str); 6] = [
    ("name", "Name"),
    ("jobTitle", "Title"),
    ("companyName", "Company"),
    ("statusHandle", "Stage"),
    ("userRating", "Rating"),
    ("createdAt", "Added"),
];

/// The pipeline as a table.
pub(crate) fn table(
    session: &Session,
    project: &Sourcing,
    rows: &[Candidate],
    total: i64,
    state: &TableState,
) -> Markup {
    let base = format!("/projects/{}", project.id);
    let sort_link = |key: &str| {
        let desc = state.sort == key && !state.descending;
        format!(
            "{base}?view=table&sort={key}&order={}&stage={}&q={}",
            if desc { "desc" } else { "asc" },
            state.stage,
            form_urlencoded::byte_serialize(state.q.as_bytes()).collect::<String>()
        )
    };
    let body = html! {
        section.page-wide {
            (head(project, total as usize, true, session.person.role.writes()))
            form.filters method="get" action=(base) role="search" {
                input type="hidden" name="view" value="table";
                input type="hidden" name="sort" value=(state.sort);
                label for="table-q" { "Find" }
                input #table-q type="search" name="q" value=(state.q) placeholder="name, title, company, city…";
                label for="table-stage" { "Stage" }
                select #table-stage name="stage" {
                    option value="" { "All but not retained" }
                    @for s in Stage::ALL { option value=(s.handle()) selected[s.handle() == state.stage] { (stage_label(*s)) } }
                }
                button.secondary type="submit" { "Apply" }
            }
            @if rows.is_empty() {
                div.empty { p { "No candidate matches." } }
            } @else {
                table.grid {
                    caption.visually-hidden { "Candidates of " (project.title) }
                    thead { tr {
                        @for (key, label) in SORTS {
                            th scope="col" aria-sort=[(state.sort == key).then_some(if state.descending { "descending" } else { "ascending" })] {
                                a href=(sort_link(key)) { (label) }
                            }
                        }
                        th scope="col" { "Fit" }
                    } }
                    tbody {
                        @for c in rows {
                            tr data-item="" tabindex="-1" {
                                td { a data-open="" href=(format!("{base}/candidates/{}", c.id)) { (c.profile.full_name().unwrap_or_else(|| "(no name)".to_owned())) } }
                                td { (c.profile.job_title.as_deref().unwrap_or("—")) }
                                td { (c.profile.company_name.as_deref().unwrap_or("—")) }
                                td { (stage_label(c.stage)) }
                                td { (stars(c.user_rating)) }
                                td { (day(c.created_at)) }
                                td { (fit_badge(c)) }
                            }
                        }
                    }
                }
                @if (rows.len() as i64) < total { p.hint { "Showing the first " (rows.len()) " of " (total) "; narrow with Find or Stage." } }
            }
        }
    };
    frame_in(Section::Projects, &project.title, Some(session), body)
}

fn event_line(e: &CandidateEvent) -> Markup {
    let what = match e.kind.as_str() {
        "stage" | "status" => format!(
            "moved from {} to {}",
            e.from
                .as_deref()
                .and_then(Stage::parse)
                .map_or_else(|| "—".to_owned(), stage_label),
            e.to.as_deref()
                .and_then(Stage::parse)
                .map_or_else(|| "—".to_owned(), stage_label)
        ),
        "rating" => format!("rated {} of 5", e.to.as_deref().unwrap_or("?")),
        "note" => "added a note".to_owned(),
        "added" | "created" => "added to the project".to_owned(),
        other => other.replace('_', " "),
    };
    html! {
        li {
            span.when { (crate::views::iso(e.at).replace('T', " ").chars().take(16).collect::<String>()) }
            div {
                (e.actor.as_deref().unwrap_or("Scout")) " " (what)
                @if let Some(d) = &e.detail { p.reading { (d) } }
            }
        }
    }
}

/// A candidate's page (the board's drawer, with its own address).
pub(crate) fn candidate(
    session: &Session,
    project: &Sourcing,
    c: &Candidate,
    history: &[CandidateEvent],
    problems: &[(String, String)],
) -> Markup {
    let writes = session.person.role.writes();
    let base = format!("/projects/{}/candidates/{}", project.id, c.id);
    let name = c
        .profile
        .full_name()
        .unwrap_or_else(|| "(no name)".to_owned());
    let body = html! {
        article.profile {
            header.profile-head {
                p.crumbs { a href="/projects" { "Projects" } " / " a href=(format!("/projects/{}", project.id)) { (project.title) } " /" }
                h1 { (name) }
                p.profile-what {
                    @if let Some(t) = &c.profile.job_title { (t) }
                    @if let Some(o) = &c.profile.company_name { " @ " (o) }
                    @if let Some(city) = &c.profile.city { span.hint { " · " (city) } }
                }
                @if let Some(t) = &c.talent_id { p { a href=(format!("/talents/{t}")) { "Whole profile" } } }
            }
            @if let Some(p) = problem_of(problems, "") { p.problem role="alert" { (p) } }
            section.panel aria-labelledby="stage-title" {
                h2 #stage-title { "Stage and rating" }
                @if writes {
                    form.inline method="post" action=(base) {
                        input type="hidden" name="_csrf" value=(session.csrf_token);
                        label for="stage" { "Stage" }
                        select #stage name="statusHandle" {
                            @for s in Stage::ALL { option value=(s.handle()) selected[*s == c.stage] { (stage_label(*s)) } }
                        }
                        label for="rating" { "Rating" }
                        select #rating name="userRating" aria-invalid=[problem_of(problems, "userRating").map(|_| "true")] {
                            option value="" selected[c.user_rating.is_none()] { "—" }
                            @for r in 1..=5i64 { option value=(r) selected[c.user_rating == Some(r)] { (r) " of 5" } }
                        }
                        button.primary type="submit" { "Save" }
                    }
                    @if let Some(p) = problem_of(problems, "userRating").or(problem_of(problems, "statusHandle")) { p.field-problem role="alert" { (p) } }
                } @else {
                    p { (stage_label(c.stage)) @if let Some(r) = c.user_rating { " · rated " (r) " of 5" } }
                }
            }
            section.panel aria-labelledby="fit-title" {
                h2 #fit-title { "Fit" }
                @if let Some((fit, _)) = &c.fit {
                    p.fit-line { span.fit { "Fit " (fit.score) } " · " (fit.match_percentage) "% of the requirements met · decision: " strong { (fit.decision.as_str().replace('_', " ")) } }
                    p.reading { (fit.summary) }
                    p.hint { "How the score is computed: docs/sourcing.md (fit scores)." }
                } @else {
                    p.hint { "No fit score: the project has no requirements yet, or the score is being computed." }
                }
            }
            section.panel aria-labelledby="contacts-title" {
                h2 #contacts-title { "Contacts" }
                @if c.profile.email.is_none() && c.profile.phone.is_none() && c.profile.linkedin_url.is_none() {
                    p.hint { "No contact details are known." }
                }
                dl.pairs {
                    @if let Some(e) = &c.profile.email { dt { "E-mail" } dd { a href=(format!("mailto:{e}")) { (e) } } }
                    @if let Some(p) = &c.profile.phone { dt { "Phone" } dd { (p) } }
                    @if let Some(l) = &c.profile.linkedin_url { dt { "LinkedIn" } dd { a href=(l) rel="noopener noreferrer" target="_blank" { "profile" } } }
                }
                p.hint { "Contacted " (c.contacts) " time" @if c.contacts != 1 { "s" } "." }
            }
            section.panel aria-labelledby="notes-title" {
                h2 #notes-title { "Notes and history" }
                @if writes {
                    form.note method="post" action=(base) {
                        input type="hidden" name="_csrf" value=(session.csrf_token);
                        input type="hidden" name="kind" value="note";
                        label for="note" { "Add a note" }
                        textarea #note name="text" rows="2" maxlength="5000"
                            aria-invalid=[problem_of(problems, "text").map(|_| "true")] {}
                        @if let Some(p) = problem_of(problems, "text") { p.field-problem role="alert" { (p) } }
                        button.secondary type="submit" { "Add note" }
                    }
                }
                ol.timeline.history {
                    @for e in history.iter().rev() { (event_line(e)) }
                }
            }
        }
    };
    frame_in(Section::Projects, &name, Some(session), body)
}
