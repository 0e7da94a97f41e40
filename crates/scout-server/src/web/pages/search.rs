//! The search page: one box for a prompt or a Sales Navigator URL, the
//! reading as chips, the exact total and the ranked cards with the
//! evidence of each filter.

use maud::{html, Markup, PreEscaped};
use scout_store::{CandidatePool, Session, Sourcing};
use serde_json::Value;

use super::actions::{add_form, SELECTION_FORM};

/// One filter as read, for its chip.
pub(crate) struct Chip {
    /// The filter in its wire shape (`filterType`, `value`, flags).
    pub filter: Value,
    /// The words of the prompt it came from, if any.
    pub words: Option<String>,
}

/// What the page shows below the box.
pub(crate) enum Outcome {
    /// Nothing asked yet.
    Empty,
    /// The box's text could not be read; why.
    Problem(String),
    /// A search ran.
    Results {
        chips: Vec<Chip>,
        total: u64,
        /// Talents in the API's shape, with `match`.
        talents: Vec<Value>,
        /// The saved search (history, and "more" without repeats).
        search_id: String,
        /// Whether more results remain.
        more: bool,
    },
}

/// The label of a filter type for people.
fn type_label(t: &str) -> String {
    let lower = t.replace('_', " ").to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn chip(c: &Chip) -> Markup {
    let f = &c.filter;
    let excluded = f["isExcluded"] == true;
    let required = f["isRequired"] == true;
    let class = if excluded {
        "chip excluded"
    } else if required {
        "chip required"
    } else {
        "chip optional"
    };
    let mode = if excluded {
        "excluded"
    } else if required {
        "required"
    } else {
        "optional"
    };
    html! {
        li class=(class) title=[c.words.as_ref().map(|w| format!("from “{w}”"))] {
            span.chip-type { (type_label(f["filterType"].as_str().unwrap_or(""))) }
            @if excluded { span.chip-not { "not " } }
            span.chip-value { (f["value"].as_str().unwrap_or("")) }
            @if let Some(r) = f["radius"].as_f64() { span.chip-extra { " · " (r) " km" } }
            @if f["isExactMatch"] == true { span.chip-extra { " · exact" } }
            span.visually-hidden { " (" (mode) ")" }
        }
    }
}

fn text(v: &Value) -> Option<&str> {
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

fn card(t: &Value, rank: usize, query: &str, selectable: bool) -> Markup {
    let id = t["id"].as_str().unwrap_or("");
    let href = format!(
        "/talents/{}?q={}",
        form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>(),
        form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
    );
    let name = [text(&t["firstname"]), text(&t["lastname"])]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let employer = text(&t["currentOrganization"]["name"]).or_else(|| {
        t["experiences"]
            .as_array()
            .and_then(|xs| xs.iter().find(|x| x["isCurrent"] == true))
            .and_then(|x| text(&x["organizationName"]))
    });
    let place = [text(&t["city"]), text(&t["country"])]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let skills: Vec<&str> = t["skills"]
        .as_array()
        .map(|s| s.iter().filter_map(text).take(6).collect())
        .unwrap_or_default();
    let filters = t["match"]["filters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    html! {
        li.card data-rank=(rank) data-item="" tabindex="-1" {
            @if selectable {
                input.select type="checkbox" name="talent" value=(id) form=(SELECTION_FORM)
                    id=(format!("select-{rank}")) aria-label=(format!("Select {}", if name.is_empty() { "this person" } else { &name }));
            }
            h3.card-who {
                a data-open="" href=(href) { (if name.is_empty() { "(no name)".to_owned() } else { name.clone() }) }
            }
            p.card-what {
                @if let Some(title) = text(&t["jobTitle"]) { (title) }
                @if let Some(e) = employer { " @ " (e) }
                @if !place.is_empty() { span.card-place { " · " (place) } }
            }
            @if !skills.is_empty() { p.card-skills { (skills.join(", ")) } }
            ul.evidence aria-label="Why it matched" {
                @for f in &filters {
                    @let matched = f["matched"] == true;
                    @let excluded = f["isExcluded"] == true;
                    li class=(if matched { "met" } else { "unmet" }) {
                        (PreEscaped(if matched { "&#10003;" } else { "&middot;" }))
                        " "
                        @if excluded { "not " }
                        (f["value"].as_str().unwrap_or(""))
                        @if let Some(d) = f["evidence"]["distanceKm"].as_f64() { " (" (format!("{d:.0}")) " km)" }
                        @if let Some(via) = f["evidence"]["via"].as_str() { " (" (via) ")" }
                    }
                }
            }
        }
    }
}

/// The page body; `targets` are the projects and lists the selection bar
/// offers.
pub(crate) fn body(
    query: &str,
    outcome: &Outcome,
    session: &Session,
    targets: &(Vec<Sourcing>, Vec<CandidatePool>),
) -> Markup {
    let selectable = session.person.role.writes();
    html! {
        section.search {
            h1.visually-hidden { "Search" }
            form.search-box method="get" action="/" role="search" {
                label.visually-hidden for="q" { "Describe who you are looking for, or paste a Sales Navigator URL" }
                input #q type="search" name="q" value=(query) maxlength="16384" autofocus
                    placeholder="e.g. senior backend engineers in Berlin, Go or Rust, not at Zalando"
                    aria-describedby=[matches!(outcome, Outcome::Problem(_)).then_some("search-problem")];
                button.primary type="submit" { "Search" }
            }
            @match outcome {
                Outcome::Empty => {
                    div.empty {
                        p { "Write who you are looking for as you would to a colleague — a title, a place, skills, years, employers to include or leave out — or paste a LinkedIn Sales Navigator search URL." }
                        ul.examples {
                            @for example in ["Python developers in Paris", "senior product designers in London with Figma, not at agencies", "data engineers with 5-10 years of experience in the Nordics"] {
                                li { a href=(format!("/?q={}", form_urlencoded::byte_serialize(example.as_bytes()).collect::<String>())) { (example) } }
                            }
                        }
                    }
                }
                Outcome::Problem(why) => {
                    p.problem role="alert" id="search-problem" { (why) }
                }
                Outcome::Results { chips, total, talents, search_id, more } => {
                    ul.chips aria-label="What Scout read" { @for c in chips { (chip(c)) } }
                    p.total { span.count { (format_count(*total)) } @if *total == 1 { " match" } @else { " matches" } " · sorted by best match" }
                    @if talents.is_empty() {
                        div.empty { p { "No one matches every required filter. Make a filter optional or remove one." } }
                    } @else {
                        @if selectable {
                            div.selection-bar { (add_form(session, &targets.0, &targets.1, None, &format!("/?q={}", form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()))) }
                        }
                        ol.cards #results { @for (i, t) in talents.iter().enumerate() { (card(t, i + 1, query, selectable)) } }
                        (more_link(search_id, *more))
                    }
                }
            }
        }
    }
}

fn more_link(search_id: &str, more: bool) -> Markup {
    html! {
        @if more {
            p.more { a.button #more href=(format!("/searches/{search_id}/more")) data-more="" { "More results" } }
        } @else {
            p.more.hint { "That is every match." }
        }
    }
}

/// The next cards of a search (ranked from `first_rank`) and the link to
/// the ones after: what the page's script appends as the person scrolls.
pub(crate) fn more_cards(
    query: &str,
    search_id: &str,
    talents: &[Value],
    first_rank: usize,
    more: bool,
    selectable: bool,
) -> Markup {
    html! {
        template #more-cards {
            @for (i, t) in talents.iter().enumerate() { (card(t, first_rank + i, query, selectable)) }
        }
        (more_link(search_id, more))
    }
}

/// "More" without the script: the next cards as a page of their own.
pub(crate) fn more_page(
    query: &str,
    search_id: &str,
    talents: &[Value],
    first_rank: usize,
    more: bool,
) -> Markup {
    let back = format!(
        "/?q={}",
        form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
    );
    html! {
        section.search {
            p { a href=(back) { "← " (query) } }
            ol.cards #results start=(first_rank) {
                @for (i, t) in talents.iter().enumerate() { (card(t, first_rank + i, query, false)) }
            }
            (more_link(search_id, more))
        }
    }
}

/// The person's searches, newest first.
pub(crate) fn history(searches: &[scout_store::CandidateSearch], total: i64) -> Markup {
    html! {
        section.page-wide {
            header.page-head { h1 { "History" } p.hint { (total) " searches · run one again with a click" } }
            @if searches.is_empty() {
                div.empty { p { "No search yet. " a href="/" { "Search" } " and it appears here." } }
            } @else {
                table.grid {
                    caption.visually-hidden { "Your searches" }
                    thead { tr { th scope="col" { "Search" } th scope="col" class="num" { "Matches" } th scope="col" { "From" } th scope="col" { "When" } } }
                    tbody {
                        @for s in searches {
                            tr data-item="" tabindex="-1" {
                                td { a data-open="" href=(format!("/?q={}", form_urlencoded::byte_serialize(s.prompt.as_bytes()).collect::<String>())) { (s.prompt) } }
                                td.num { (format_count(s.total.max(0) as u64)) }
                                td { (if s.source == "web" { "web app" } else { "API" }) }
                                td { (crate::views::iso(s.updated_at).replace('T', " ").chars().take(16).collect::<String>()) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// 12418 → "12,418".
fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_labels_read_well() {
        assert_eq!(format_count(12418), "12,418");
        assert_eq!(format_count(7), "7");
        assert_eq!(format_count(1_000_000), "1,000,000");
        assert_eq!(type_label("JOB_TITLE"), "Job title");
    }
}
