//! The profile page: who, then experience as a timeline, education,
//! languages with levels, certifications, skills and contacts where known;
//! beside it, where the profile matched the search it was opened from, and
//! the actions (add to a project, add to a list). Reads well at 390 px.

use maud::{html, Markup};
use scout_engine::Evidence;
use scout_model::Talent;
use scout_store::{Candidate, CandidatePool, Session, Sourcing};
use serde_json::Value;

use super::actions::add_form;
use super::{frame_in, full_name, stage_label, Section};

fn span_of(start: Option<&str>, end: Option<&str>, current: bool) -> String {
    let year = |d: &str| d.chars().take(7).collect::<String>();
    match (start, end) {
        (Some(s), _) if current => format!("{} – now", year(s)),
        (Some(s), Some(e)) => format!("{} – {}", year(s), year(e)),
        (Some(s), None) => year(s),
        (None, Some(e)) => format!("until {}", year(e)),
        (None, None) if current => "now".to_owned(),
        (None, None) => String::new(),
    }
}

fn level(proficiency: Option<&str>) -> String {
    proficiency
        .map(|p| p.replace('_', " "))
        .unwrap_or_else(|| "level not stated".to_owned())
}

/// A profile field's name for people (`experiences.title` → "past titles").
fn field_label(field: &str) -> String {
    let known = [
        ("jobTitle", "the current title"),
        ("headline", "the headline"),
        ("summary", "the summary"),
        ("city", "the place"),
        ("country", "the country"),
        ("skills", "the skills"),
        ("experiences", "the experience"),
        ("experiences.title", "a past or current title"),
        ("experiences.description", "an experience's description"),
        ("experiences.organizationName", "an employer"),
        ("currentOrganization", "the current employer"),
        ("educations", "the education"),
        ("languages", "the languages"),
        ("languages.proficiency", "a language's level"),
        ("certifications", "the certifications"),
    ];
    // `experiences[2].title` → `experiences.title`
    let mut plain = String::with_capacity(field.len());
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => plain.push(c),
            _ => {}
        }
    }
    known
        .iter()
        .find(|(k, _)| *k == plain)
        .map_or(plain.clone(), |(_, label)| (*label).to_owned())
}

fn matched_panel(query: &str, matched: &[(Value, Evidence)]) -> Markup {
    html! {
        section.panel.matched aria-labelledby="matched-title" {
            h2 #matched-title { "Where it matched" }
            p.hint { "For “" (query) "”" }
            ul.evidence-list {
                @for (filter, ev) in matched {
                    @let found = ev.field.is_some() || ev.text.is_some() || ev.distance_km.is_some();
                    @let excluded = filter["isExcluded"] == true;
                    li class=(if found != excluded { "met" } else { "unmet" }) {
                        strong { @if excluded { "not " } (filter["value"].as_str().unwrap_or("")) }
                        @if found {
                            @if let Some(field) = &ev.field { " — in " span.ev-field { (field_label(field)) } }
                            @if let Some(text) = &ev.text { ": " mark { (text) } }
                            @if let Some(d) = ev.distance_km { " (" (format!("{d:.0}")) " km away)" }
                        } @else {
                            " — not found in this profile"
                        }
                    }
                }
            }
        }
    }
}

/// Where the person stands in the workspace's projects, with a rating and
/// a note for each (they belong to the candidacy, as on the board).
fn in_projects(session: &Session, standing: &[(String, Candidate)], back: &str) -> Markup {
    let writes = session.person.role.writes();
    html! {
        section.panel aria-labelledby="in-projects-title" {
            h2 #in-projects-title { "In your projects" }
            ul.plain.candidacies {
                @for (title, c) in standing {
                    @let base = format!("/projects/{}/candidates/{}", c.sourcing_id, c.id);
                    li {
                        a href=(base) { (title) } " · " (stage_label(c.stage))
                        @if let Some(r) = c.user_rating { " · rated " (r) " of 5" }
                        @if writes {
                            form.inline method="post" action=(base) {
                                input type="hidden" name="_csrf" value=(session.csrf_token);
                                input type="hidden" name="back" value=(back);
                                label for=(format!("rate-{}", c.id)) { "Rating" }
                                select id=(format!("rate-{}", c.id)) name="userRating" {
                                    @for r in 1..=5i64 { option value=(r) selected[c.user_rating == Some(r)] { (r) " of 5" } }
                                }
                                button.secondary type="submit" { "Rate" }
                            }
                            form.inline method="post" action=(base) {
                                input type="hidden" name="_csrf" value=(session.csrf_token);
                                input type="hidden" name="back" value=(back);
                                input type="hidden" name="kind" value="note";
                                label for=(format!("note-{}", c.id)) { "Note" }
                                input type="text" id=(format!("note-{}", c.id)) name="text" maxlength="5000";
                                button.secondary type="submit" { "Add note" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The whole page.
pub(crate) fn page(
    session: &Session,
    t: &Talent,
    query: &str,
    matched: &[(Value, Evidence)],
    projects: &[Sourcing],
    lists: &[CandidatePool],
    standing: &[(String, Candidate)],
) -> Markup {
    let name = full_name(t.firstname.as_deref(), t.lastname.as_deref());
    let employer = t
        .current_organization
        .as_ref()
        .and_then(|o| o.name.as_deref())
        .or_else(|| {
            t.experiences
                .iter()
                .find(|x| x.is_current)
                .and_then(|x| x.organization_name.as_deref())
        });
    let place = [t.city.as_deref(), t.country.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let back = format!(
        "/talents/{}{}",
        t.id,
        if query.is_empty() {
            String::new()
        } else {
            format!(
                "?q={}",
                form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
            )
        }
    );
    let body = html! {
        article.profile {
            header.profile-head {
                @if !query.is_empty() {
                    p { a href=(format!("/?q={}", form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>())) { "← Back to the results" } }
                }
                h1 { (name) }
                p.profile-what {
                    @if let Some(title) = &t.job_title { (title) }
                    @if let Some(e) = employer { " @ " (e) }
                }
                @if !place.is_empty() { p.profile-place { (place) } }
                @if let Some(h) = t.headline.as_deref().filter(|h| Some(*h) != t.job_title.as_deref()) { p.hint { (h) } }
            }
            (add_form(session, projects, lists, Some(&t.id), None, &back))
            @if !standing.is_empty() { (in_projects(session, standing, &back)) }
            @if !matched.is_empty() { (matched_panel(query, matched)) }
            @if let Some(summary) = &t.summary { section.panel { h2 { "Summary" } p.reading { (summary) } } }
            @if !t.experiences.is_empty() {
                section.panel aria-labelledby="experience-title" {
                    h2 #experience-title { "Experience" }
                    ol.timeline {
                        @for x in &t.experiences {
                            li {
                                span.when { (span_of(x.start_date.as_deref(), x.end_date.as_deref(), x.is_current)) }
                                div {
                                    strong { (x.title.as_deref().unwrap_or("(no title)")) }
                                    @if let Some(org) = &x.organization_name { " · " (org) }
                                    @if let Some(d) = &x.description { p.reading { (d) } }
                                }
                            }
                        }
                    }
                }
            }
            @if !t.educations.is_empty() {
                section.panel aria-labelledby="education-title" {
                    h2 #education-title { "Education" }
                    ol.timeline {
                        @for e in &t.educations {
                            li {
                                span.when { (span_of(e.start_date.as_deref(), e.end_date.as_deref(), false)) }
                                div {
                                    strong { (e.school_name.as_deref().unwrap_or("(school not named)")) }
                                    @let what: Vec<&str> = e.degrees.iter().chain(&e.majors).map(String::as_str).collect();
                                    @if !what.is_empty() { " · " (what.join(", ")) }
                                }
                            }
                        }
                    }
                }
            }
            div.facts {
                @if !t.skills.is_empty() {
                    section.panel aria-labelledby="skills-title" {
                        h2 #skills-title { "Skills" }
                        ul.tags { @for s in &t.skills { li { (s) } } }
                    }
                }
                @if !t.languages.is_empty() {
                    section.panel aria-labelledby="languages-title" {
                        h2 #languages-title { "Languages" }
                        dl.pairs {
                            @for l in &t.languages {
                                dt { (l.name.as_deref().unwrap_or("?")) }
                                dd { (level(l.proficiency.as_deref())) }
                            }
                        }
                    }
                }
                @if !t.certifications.is_empty() {
                    section.panel aria-labelledby="certifications-title" {
                        h2 #certifications-title { "Certifications" }
                        ul.plain {
                            @for c in &t.certifications {
                                li {
                                    (c.name.as_deref().unwrap_or("(unnamed)"))
                                    @if let Some(o) = &c.organization_name { span.hint { " · " (o) } }
                                }
                            }
                        }
                    }
                }
                section.panel aria-labelledby="contacts-title" {
                    h2 #contacts-title { "Contacts" }
                    @if let Some(url) = &t.linkedin_url {
                        p { a href=(url) rel="noopener noreferrer" target="_blank" { "LinkedIn profile" } }
                    } @else {
                        p.hint { "No contact details are known for this profile." }
                    }
                }
            }
        }
    };
    frame_in(Section::Search, &name, Some(session), body)
}

#[cfg(test)]
mod tests {
    use super::field_label;

    #[test]
    fn evidence_fields_read_as_words() {
        assert_eq!(
            field_label("experiences[2].title"),
            "a past or current title"
        );
        assert_eq!(field_label("jobTitle"), "the current title");
        assert_eq!(
            field_label("languages[0].proficiency"),
            "a language's level"
        );
    }
}
