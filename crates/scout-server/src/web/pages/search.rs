//! The search page: one box for a prompt or a Sales Navigator URL, the
//! reading as chips, the exact total and the ranked cards with the
//! evidence of each filter.

use maud::{html, Markup, PreEscaped};
use scout_store::{CandidatePool, Session, Sourcing};
use serde_json::Value;

use super::actions::{add_form, SELECTION_FORM};

/// One filter as read, for its chip.
#[derive(Clone)]
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

/// The fields every chip editor and the filter panel send along: the box's
/// text and the current filters.
fn carried(query: &str, filters_json: &str) -> Markup {
    html! {
        input type="hidden" name="q" value=(query);
        input type="hidden" name="filters" value=(filters_json);
    }
}

/// Types whose filters take `history` (current, past, either).
const WITH_HISTORY: [&str; 4] = [
    "JOB_TITLE",
    "COMPANY_NAME",
    "COMPANY_SIZE",
    "COMPANY_INDUSTRY",
];

fn mode_radios(id: &str, mode: &str) -> Markup {
    html! {
        fieldset.modes {
            legend.visually-hidden { "How it counts" }
            @for (value, label) in [("required", "Required"), ("optional", "Optional"), ("excluded", "Excluded")] {
                label.check { input type="radio" name="mode" value=(value) id=(format!("{id}-{value}")) checked[mode == value]; " " (label) }
            }
        }
    }
}

fn chip(c: &Chip, i: usize, query: &str, filters_json: &str) -> Markup {
    let f = &c.filter;
    let excluded = f["isExcluded"] == true;
    let required = f["isRequired"] == true;
    let (class, mode) = if excluded {
        ("chip excluded", "excluded")
    } else if required {
        ("chip required", "required")
    } else {
        ("chip optional", "optional")
    };
    let filter_type = f["filterType"].as_str().unwrap_or("");
    let id = format!("chip-{i}");
    html! {
        li class=(class) data-chip=(i) data-words=[c.words.as_deref()] {
            details {
                summary title=[c.words.as_ref().map(|w| format!("from “{w}” — click to edit"))] {
                    span.chip-type { (type_label(filter_type)) }
                    @if excluded { span.chip-not { " not " } }
                    span.chip-value { (f["value"].as_str().unwrap_or("")) }
                    @if let Some(r) = f["radius"].as_f64() { span.chip-extra { " · " (r) " km" } }
                    @if f["isExactMatch"] == true { span.chip-extra { " · exact" } }
                    span.visually-hidden { " (" (mode) ")" }
                }
                form.chip-editor method="get" action="/" {
                    (carried(query, filters_json))
                    input type="hidden" name="edit" value=(i);
                    label for=(format!("{id}-value")) { (type_label(filter_type)) }
                    input type="text" id=(format!("{id}-value")) name="value" value=(f["value"].as_str().unwrap_or("")) data-suggest=(filter_type) autocomplete="off";
                    (mode_radios(&id, mode))
                    label.check { input type="checkbox" name="exact" checked[f["isExactMatch"] == true]; " Exact match only" }
                    @if filter_type == "LOCATION" {
                        label for=(format!("{id}-radius")) { "Radius (km)" }
                        input type="number" id=(format!("{id}-radius")) name="radius" min="0" max="500" value=[f["radius"].as_f64()];
                    }
                    @if WITH_HISTORY.contains(&filter_type) {
                        label for=(format!("{id}-history")) { "When" }
                        select id=(format!("{id}-history")) name="history" {
                            @for (v, label) in [("CURRENT", "Current"), ("PAST", "Past"), ("CURRENT_OR_PAST", "Current or past")] {
                                option value=(v) selected[f["history"] == v] { (label) }
                            }
                        }
                    }
                    div.editor-buttons {
                        button.primary type="submit" name="action" value="apply" { "Apply" }
                        button.secondary type="submit" name="action" value="remove" { "Remove" }
                    }
                }
            }
        }
    }
}

/// The filter panel: add any of the 16 filter types.
fn add_filter(query: &str, filters_json: &str) -> Markup {
    html! {
        details.add-filter {
            summary { "+ Add a filter" }
            form.chip-editor method="get" action="/" {
                (carried(query, filters_json))
                label for="add-type" { "Filter" }
                select #add-type name="type" {
                    @for t in scout_model::FilterType::ALL { option value=(t.as_str()) { (type_label(t.as_str())) } }
                }
                label for="add-value" { "Value" }
                input #add-value type="text" name="value" data-suggest-from="add-type" autocomplete="off";
                (mode_radios("add", "optional"))
                label for="add-radius" { "Radius (km, places only)" }
                input #add-radius type="number" name="radius" min="0" max="500";
                div.editor-buttons { button.primary type="submit" name="action" value="add" { "Add" } }
            }
        }
    }
}

/// The prompt with the words each chip came from marked (lit while the
/// chip is hovered or focused).
fn prompt_words(query: &str, chips: &[Chip]) -> Markup {
    let lower = query.to_lowercase();
    let mut spans: Vec<(usize, usize, usize)> = chips
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let w = c.words.as_deref()?.to_lowercase();
            // byte offsets stay valid: lower-casing keeps these lengths for the prompt's words
            let at = lower.find(&w)?;
            (lower.len() == query.len()).then_some((at, at + w.len(), i))
        })
        .collect();
    spans.sort();
    spans.dedup_by(|b, a| b.0 < a.1);
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end, i) in spans {
        if start < at || !query.is_char_boundary(start) || !query.is_char_boundary(end) {
            continue;
        }
        parts.push((query[at..start].to_owned(), None));
        parts.push((query[start..end].to_owned(), Some(i)));
        at = end;
    }
    parts.push((query[at..].to_owned(), None));
    html! {
        p.prompt-words aria-hidden="true" {
            @for (text, chip) in parts {
                @if let Some(i) = chip { span data-chip=(i) { (text) } } @else { (text) }
            }
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
            h2.card-who elementtiming=[(rank == 1).then_some("first-card")] {
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
pub(crate) fn body(query: &str, outcome: &Outcome) -> Markup {
    html! {
        section.search {
            (search_box(query, matches!(outcome, Outcome::Problem(_))))
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
            }
        }
    }
}

fn search_box(query: &str, refused: bool) -> Markup {
    html! {
        h1.visually-hidden { "Search" }
        form.search-box method="get" action="/" role="search" {
            label.visually-hidden for="q" { "Describe who you are looking for, or paste a Sales Navigator URL" }
            input #q type="search" name="q" value=(query) maxlength="16384" autofocus
                placeholder="e.g. senior backend engineers in Berlin, Go or Rust, not at Zalando"
                aria-describedby=[refused.then_some("search-problem")];
            button.primary type="submit" { "Search" }
        }
    }
}

/// Where the results go in a [`reading`] page; the page is sent up to here
/// before the search runs.
pub(crate) const RESULTS_GO_HERE: &str = "<!--scout:results-->";

/// The page of a search as far as its reading: the box, the prompt's words
/// and the chips, with [`RESULTS_GO_HERE`] where the results follow.
pub(crate) fn reading(query: &str, chips: &[Chip], notice: Option<&str>) -> Markup {
    let filters_json = filters_json(chips);
    html! {
        section.search {
            (search_box(query, false))
            @if chips.iter().any(|c| c.words.is_some()) { (prompt_words(query, chips)) }
            ul.chips aria-label="What Scout read — click a filter to change it" {
                @for (i, c) in chips.iter().enumerate() { (chip(c, i, query, &filters_json)) }
                li.chip.add { (add_filter(query, &filters_json)) }
            }
            @if let Some(n) = notice { p.problem role="alert" { (n) } }
            (PreEscaped(RESULTS_GO_HERE))
        }
    }
}

fn filters_json(chips: &[Chip]) -> String {
    serde_json::to_string(&chips.iter().map(|c| &c.filter).collect::<Vec<_>>()).unwrap_or_default()
}

/// What comes before the cards once the search has run: the refinements
/// offered, the exact total, the selection bar, and the list's opening tag
/// (closed by [`results_end`]); or why there are none.
pub(crate) fn results_start(
    query: &str,
    chips: &[Chip],
    total: u64,
    shown: usize,
    session: &Session,
    targets: &(Vec<Sourcing>, Vec<CandidatePool>),
    search_id: &str,
) -> String {
    let filters_json = filters_json(chips);
    let offered = crate::web::filters::refinements(
        &chips.iter().map(|c| c.filter.clone()).collect::<Vec<_>>(),
        total,
    );
    let back = format!(
        "/?q={}",
        form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
    );
    let mut out = html! {
        @if !offered.is_empty() {
            ul.refinements aria-label="Refine" {
                @for r in &offered {
                    li { a href=(refine_href(query, &filters_json, &r.edit)) title=(r.relaxes) { (r.label) } }
                }
            }
        }
        p.total { span.count { (format_count(total)) } @if total == 1 { " match" } @else { " matches" } " · sorted by best match" }
        @if shown == 0 {
            div.empty { p { "No one matches every required filter. Make a filter optional or remove one." } }
        } @else if session.person.role.writes() {
            div.selection-bar { (add_form(session, &targets.0, &targets.1, None, Some(search_id), &back)) }
        }
    }
    .into_string();
    if shown > 0 {
        out.push_str(r#"<ol class="cards" id="results">"#);
    }
    out
}

/// One result card of a search, as sent while the page streams.
pub(crate) fn result_card(t: &Value, rank: usize, query: &str, session: &Session) -> String {
    card(t, rank, query, session.person.role.writes()).into_string()
}

/// What follows the cards: the list's end and the way to more.
pub(crate) fn results_end(search_id: &str, shown: usize, more: bool) -> String {
    if shown == 0 {
        return String::new();
    }
    format!("</ol>{}", more_link(search_id, more).into_string())
}

/// What follows the cards when the search could not join the history: the
/// list's end, and why there is no way to more.
pub(crate) fn results_end_unsaved(shown: usize) -> String {
    let why = html! {
        p.problem role="alert" { "This search could not be kept, so more results cannot follow. Search again to page through them." }
    }
    .into_string();
    if shown == 0 {
        why
    } else {
        format!("</ol>{why}")
    }
}

/// Why a search that was read could not run (told in the page it streams into).
pub(crate) fn results_failed() -> String {
    html! {
        p.problem role="alert" { "The search could not run just now; nothing was lost. Try again in a moment." }
    }
    .into_string()
}

fn refine_href(query: &str, filters_json: &str, edit: &[(&str, String)]) -> String {
    let mut url = form_urlencoded::Serializer::for_suffix(String::from("/?"), 2);
    url.append_pair("q", query)
        .append_pair("filters", filters_json);
    for (k, v) in edit {
        url.append_pair(k, v);
    }
    url.finish()
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
