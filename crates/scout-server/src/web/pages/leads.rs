//! The leads pages: the drop zone and file picker for CVs, each file's
//! outcome (what was read, or why it failed), the workspace's leads, and a
//! lead's page with its parsed fields, roles with fit scores, and the
//! link / convert forms.

use maud::{html, Markup};
use scout_store::{Lead, Session, Sourcing};
use serde_json::Value;

use super::{day, frame_in, problem_of, Section};

/// What an upload came to.
pub(crate) enum Upload {
    /// The API's answer (`results`, `leads`, `parsed`, `failed`).
    Done(Value),
    /// Refused as a whole before anything was stored; why.
    Refused(String),
}

/// One row per file of an upload.
pub(crate) fn upload_rows(outcome: &Upload) -> Markup {
    html! {
        @match outcome {
            Upload::Refused(why) => { li.file.failed { strong { "Not taken in" } " — " (why) } }
            Upload::Done(data) => {
                @for r in data["results"].as_array().into_iter().flatten() {
                    @let lead = data["leads"].as_array().into_iter().flatten().find(|l| l["id"] == r["leadId"]);
                    @let failed = r["status"] == "failed";
                    li class=(if failed { "file failed" } else { "file parsed" }) {
                        strong { (r["fileName"].as_str().unwrap_or("?")) }
                        @if failed {
                            " — could not be read: " (r["failureReason"].as_str().unwrap_or("unknown reason"))
                        } @else if let Some(l) = lead {
                            " — " a href=(format!("/leads/{}", l["id"].as_str().unwrap_or(""))) { (l["fullName"].as_str().unwrap_or("(no name found)")) }
                            @if let Some(e) = l["email"].as_str() { " · " (e) }
                            @if let Some(p) = l["phone"].as_str() { " · " (p) }
                            @if r["created"] == false { span.hint { " (already here: the same file was taken in before)" } }
                        }
                    }
                }
            }
        }
    }
}

/// The leads page.
pub(crate) fn list(
    session: &Session,
    leads: &[Lead],
    total: i64,
    projects: &[Sourcing],
    outcome: Option<&Upload>,
) -> Markup {
    let writes = session.person.role.writes();
    let body = html! {
        section.page-wide {
            header.page-head { h1 { "Leads" } p.hint { (total) " from CVs · read into fields, linked to roles, converted into candidates · " a href="/import" { "import profiles from a spreadsheet, JSON Resume or LinkedIn export" } } }
            @if writes {
                form.panel.upload method="post" action="/leads" enctype="multipart/form-data" {
                    input type="hidden" name="_csrf" value=(session.csrf_token);
                    div.drop-zone {
                        label for="files" { strong { "Drop CVs here" } " or choose files — PDF, DOCX or text, up to 20 at once" }
                        input #files type="file" name="files" multiple accept=".pdf,.docx,.txt,.text,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain";
                    }
                    div.action {
                        label for="roleId" { "Link to" }
                        select #roleId name="roleId" {
                            option value="" { "No role" }
                            @for p in projects { option value=(p.id) { (p.title) } }
                        }
                        button.primary type="submit" { "Upload" }
                    }
                    ol.files aria-live="polite" aria-label="Files" {
                        @if let Some(o) = outcome { (upload_rows(o)) }
                    }
                }
            }
            @if leads.is_empty() {
                div.empty { p { "No lead yet. Upload CVs: each is read into name, contacts, skills and experience." } }
            } @else {
                table.grid {
                    caption.visually-hidden { "Leads" }
                    thead { tr { th scope="col" { "Lead" } th scope="col" { "File" } th scope="col" { "Status" } th scope="col" { "Roles" } th scope="col" { "Added" } } }
                    tbody {
                        @for l in leads {
                            tr data-item="" tabindex="-1" {
                                td { a data-open="" href=(format!("/leads/{}", l.id)) { (l.full_name.as_deref().unwrap_or("(no name found)")) } }
                                td { (l.file_name) }
                                td { @if l.status == "failed" { span.bad { "failed" } } @else { (l.status) } }
                                td { (l.roles.len()) }
                                td { (day(l.created_at)) }
                            }
                        }
                    }
                }
            }
        }
    };
    frame_in(Section::Leads, "Leads", Some(session), body)
}

/// A lead's page.
pub(crate) fn show(
    session: &Session,
    lead: &Lead,
    projects: &[Sourcing],
    problems: &[(String, String)],
) -> Markup {
    let writes = session.person.role.writes();
    let name = lead
        .full_name
        .clone()
        .unwrap_or_else(|| "(no name found)".to_owned());
    let title_of = |id: &str| {
        projects
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_owned(), |p| p.title.clone())
    };
    let parsed = &lead.parsed;
    let unsure: Vec<String> = parsed["lowConfidence"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let body = html! {
        article.profile {
            header.profile-head {
                p.crumbs { a href="/leads" { "Leads" } " /" }
                h1 { (name) }
                @if let Some(t) = parsed["title"].as_str() { p.profile-what { (t) } }
                @if let Some(l) = parsed["location"].as_str() { p.profile-place { (l) } }
                p.hint { "From " (lead.file_name) " · " (day(lead.created_at)) }
            }
            @if let Some(p) = problem_of(problems, "").or(problem_of(problems, "roleId")) { p.problem role="alert" { (p) } }
            @if lead.status == "failed" {
                section.panel { h2 { "Could not be read" } p { (lead.failure_reason.as_deref().unwrap_or("unknown reason")) } }
            } @else {
                section.panel aria-labelledby="read-title" {
                    h2 #read-title { "What was read" }
                    @if !unsure.is_empty() {
                        p.check role="note" {
                            "Read with low confidence — please check: "
                            (unsure.iter().map(|f| field_label(f)).collect::<Vec<_>>().join(", "))
                        }
                    }
                    dl.pairs {
                        @if let Some(e) = &lead.email { dt { "E-mail" } dd { (e) } }
                        @if let Some(p) = &lead.phone { dt { "Phone" (check_mark(&unsure, "phone")) } dd { (p) } }
                        @for link in parsed["links"].as_array().into_iter().flatten().filter_map(Value::as_str) { dt { "Link" } dd { (link) } }
                    }
                    @if let Some(s) = &lead.summary { p.reading { (s) } }
                    @if !lead.skills.is_empty() {
                        h3 { "Skills" (check_mark(&unsure, "skills")) }
                        ul.tags { @for s in &lead.skills { li title=[evidence_of(parsed, s)] { (s) } } }
                    }
                    @let experiences = parsed["experiences"].as_array().cloned().unwrap_or_default();
                    @if !experiences.is_empty() {
                        h3 { "Experience" }
                        ol.timeline {
                            @for x in &experiences {
                                li {
                                    span.when { (x["start"].as_str().map(|d| d.chars().take(7).collect::<String>()).unwrap_or_default()) " – " (x["end"].as_str().map_or_else(|| "now".to_owned(), |d| d.chars().take(7).collect())) }
                                    div { strong { (x["title"].as_str().unwrap_or("")) } @if let Some(o) = x["company"].as_str().filter(|o| !o.is_empty()) { " · " (o) } }
                                }
                            }
                        }
                    }
                    @let schools = parsed["education"].as_array().cloned().unwrap_or_default();
                    @if !schools.is_empty() {
                        h3 { "Education" (check_mark(&unsure, "education")) }
                        ul.plain {
                            @for x in &schools {
                                li {
                                    strong { (x["school"].as_str().unwrap_or("")) }
                                    @if let Some(d) = x["degree"].as_str() { " · " (d) }
                                    @if let Some(y) = x["end_year"].as_u64() { " · " (y) }
                                }
                            }
                        }
                    }
                    @let languages = parsed["languages"].as_array().cloned().unwrap_or_default();
                    @if !languages.is_empty() {
                        h3 { "Languages" (check_mark(&unsure, "languages")) }
                        ul.tags {
                            @for x in &languages {
                                li { (x["name"].as_str().unwrap_or("")) @if let Some(l) = x["level"].as_str() { " · " (l.replace('_', " ")) } }
                            }
                        }
                    }
                    @let certifications: Vec<&str> = parsed["certifications"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                    @if !certifications.is_empty() {
                        h3 { "Certifications" }
                        ul.plain { @for c in &certifications { li { (c) } } }
                    }
                }
                section.panel aria-labelledby="roles-title" {
                    h2 #roles-title { "Roles" }
                    @if lead.roles.is_empty() { p.hint { "Not linked to a role yet." } }
                    ul.plain {
                        @for r in &lead.roles {
                            li {
                                a href=(format!("/projects/{}", r.role_id)) { (title_of(&r.role_id)) }
                                " · resume fit " strong { (r.resume_fit_score) }
                                @if let Some(c) = &r.candidate_id { " · " a href=(format!("/projects/{}/candidates/{c}", r.role_id)) { "candidate" } }
                            }
                        }
                    }
                    @if writes && !projects.is_empty() {
                        form.inline method="post" action=(format!("/leads/{}", lead.id)) {
                            input type="hidden" name="_csrf" value=(session.csrf_token);
                            label for="lead-role" { "Role" }
                            select #lead-role name="roleId" { @for p in projects { option value=(p.id) { (p.title) } } }
                            button.secondary type="submit" name="action" value="link" { "Link with fit score" }
                            button.primary type="submit" name="action" value="convert" { "Convert into a candidate" }
                        }
                    }
                    @if writes && projects.is_empty() { p.hint { a href="/projects" { "Create a project" } " to link this lead to it." } }
                }
            }
        }
    };
    frame_in(Section::Leads, &name, Some(session), body)
}

/// How a field of the reading is named on the page.
fn field_label(field: &str) -> &str {
    match field {
        "fullName" => "name",
        "email" => "e-mail",
        "phone" => "phone",
        "location" => "place",
        "title" => "title",
        "skills" => "skills",
        "experiences" => "experience",
        "education" => "education",
        "languages" => "languages",
        "certifications" => "certifications",
        "summary" => "summary",
        other => other,
    }
}

/// " (check)" after a heading whose field was read with low confidence.
fn check_mark(unsure: &[String], field: &str) -> Markup {
    html! {
        @if unsure.iter().any(|f| f == field) { " " span.unsure { "(check)" } }
    }
}

/// The line a skill was read from, for its tag's tooltip.
fn evidence_of(parsed: &Value, skill: &str) -> Option<String> {
    parsed["skillEvidence"]
        .as_array()?
        .iter()
        .find(|e| e["skill"].as_str() == Some(skill))
        .and_then(|e| e["text"].as_str())
        .map(|t| format!("Read from: {t}"))
}
