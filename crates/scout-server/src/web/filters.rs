//! Editing a search's filters in the browser: the chips' editors and the
//! filter panel send the current filters (as the API's JSON) with one
//! change — apply an edit to a chip, remove it, or add a filter — and the
//! changed list is validated by the API's own parser before it runs, so a
//! bad edit is refused in the document's words and the search before it
//! stays. Also the one-click refinements (title synonyms, related skills,
//! a wider radius, a required filter made optional) and the suggestions
//! for a filter's value from the workspace's own candidates and the bundled
//! reference data.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::html;
use scout_model::{CompanySize, FilterType};
use scout_query::filter::YearRange;
use scout_query::{Filter, PathItem};
use scout_store::WorkspaceField;
use scout_taxonomy::normalize::fold;
use serde::Deserialize;
use serde_json::{json, Value};

use super::session::SignedIn;
use crate::AppState;

/// What a chip editor or the filter panel asks.
#[derive(Deserialize, Default, Debug)]
pub(crate) struct Edit {
    /// `apply`, `remove` or `add`.
    #[serde(default)]
    pub action: String,
    /// The chip edited (its index).
    #[serde(default)]
    pub edit: String,
    /// The filter type (for `add`).
    #[serde(default, rename = "type")]
    pub filter_type: String,
    #[serde(default)]
    pub value: String,
    /// `required`, `optional` or `excluded`.
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub exact: String,
    #[serde(default)]
    pub radius: String,
    #[serde(default)]
    pub history: String,
}

impl Edit {
    /// Whether the request asks for a change at all.
    pub fn is_change(&self) -> bool {
        matches!(self.action.as_str(), "apply" | "remove" | "add")
    }

    fn set_fields(&self, f: &mut Value) {
        if !self.value.trim().is_empty() || self.action == "add" {
            f["value"] = json!(self.value.trim());
        }
        match self.mode.as_str() {
            "required" => {
                f["isRequired"] = json!(true);
                f["isExcluded"] = json!(false);
            }
            "optional" => {
                f["isRequired"] = json!(false);
                f["isExcluded"] = json!(false);
            }
            "excluded" => {
                f["isRequired"] = json!(false);
                f["isExcluded"] = json!(true);
            }
            _ => {}
        }
        if self.action == "apply" || self.action == "add" {
            f["isExactMatch"] = json!(self.exact == "on" || self.exact == "true");
        }
        let radius = self.radius.trim();
        if !radius.is_empty() {
            // a number as a number; anything else is passed on for the
            // validator to refuse in its own words
            f["radius"] = radius
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| json!(radius), Value::Number);
        }
        if !self.history.is_empty() {
            f["history"] = json!(self.history);
        }
    }

    /// `filters` with this change made (not validated yet).
    pub fn apply_to(&self, filters: &[Value]) -> Vec<Value> {
        let mut list = filters.to_vec();
        match (self.action.as_str(), self.edit.trim().parse::<usize>().ok()) {
            ("remove", Some(i)) if i < list.len() => {
                list.remove(i);
            }
            ("apply", Some(i)) if i < list.len() => self.set_fields(&mut list[i]),
            ("add", _) => {
                let mut f = json!({"filterType": self.filter_type.trim().to_uppercase(), "isRequired": false, "isExcluded": false});
                self.set_fields(&mut f);
                list.push(f);
            }
            _ => {}
        }
        list
    }
}

/// The filters of `list`, parsed by the API's parser; or the problems, in
/// the document's words with the chip they concern.
pub(crate) fn parse(list: &[Value]) -> Result<Vec<Filter>, String> {
    scout_query::parse_filter_list(&Value::Array(list.to_vec()), vec![]).map_err(|issues| {
        issues
            .iter()
            .map(|i| {
                let which = match i.path.first() {
                    Some(PathItem::Index(n)) => format!("filter {}: ", n + 1),
                    _ => String::new(),
                };
                format!("{which}{}", i.message)
            })
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// A one-click change offered beside the results.
pub(crate) struct Refinement {
    /// What the link says.
    pub label: String,
    /// What it changes, for the link's title.
    pub relaxes: String,
    /// The change.
    pub edit: Vec<(&'static str, String)>,
}

/// The refinements for these filters and this many results: synonyms of
/// each job title and skills related to each skill (added as optional),
/// a wider radius for each place, and — when few match — each required
/// filter made optional.
pub(crate) fn refinements(filters: &[Value], total: u64) -> Vec<Refinement> {
    let mut out = Vec::new();
    let present: Vec<String> = filters
        .iter()
        .filter_map(|f| f["value"].as_str().map(fold))
        .collect();
    for (i, f) in filters.iter().enumerate() {
        let value = f["value"].as_str().unwrap_or("");
        let excluded = f["isExcluded"] == true;
        match f["filterType"].as_str().unwrap_or("") {
            "JOB_TITLE" if !excluded => {
                for s in scout_taxonomy::titles::synonyms(value)
                    .into_iter()
                    .filter(|s| !present.contains(s))
                    .take(3)
                {
                    out.push(Refinement {
                        label: format!("+ {s}"),
                        relaxes: format!("also finds people titled “{s}” (a synonym of {value})"),
                        edit: vec![
                            ("action", "add".into()),
                            ("type", "JOB_TITLE".into()),
                            ("value", s),
                            ("mode", "optional".into()),
                        ],
                    });
                }
            }
            "SKILL" if !excluded => {
                for (s, _) in scout_taxonomy::skills::related_skills(value)
                    .into_iter()
                    .filter(|(s, _)| !present.contains(&fold(s)))
                    .take(3)
                {
                    out.push(Refinement {
                        label: format!("+ {s}"),
                        relaxes: format!("ranks people with {s} (often found with {value}) higher"),
                        edit: vec![
                            ("action", "add".into()),
                            ("type", "SKILL".into()),
                            ("value", s.to_owned()),
                            ("mode", "optional".into()),
                        ],
                    });
                }
            }
            "LOCATION" if !excluded => {
                let now = f["radius"].as_f64().unwrap_or(0.0);
                let wider = if now < 50.0 {
                    50.0
                } else {
                    (now * 2.0).min(scout_query::search_request::MAX_RADIUS_KM)
                };
                if wider > now {
                    out.push(Refinement {
                        label: format!("Widen {value} to {wider:.0} km"),
                        relaxes: format!("takes in people up to {wider:.0} km from {value}"),
                        edit: vec![
                            ("action", "apply".into()),
                            ("edit", i.to_string()),
                            ("radius", format!("{wider:.0}")),
                            (
                                "exact",
                                if f["isExactMatch"] == true {
                                    "on".into()
                                } else {
                                    String::new()
                                },
                            ),
                        ],
                    });
                }
            }
            _ => {}
        }
        if total < 10 && f["isRequired"] == true && !excluded {
            out.push(Refinement {
                label: format!("Make {value} optional"),
                relaxes: format!("people without {value} are shown too, ranked lower"),
                edit: vec![
                    ("action", "apply".into()),
                    ("edit", i.to_string()),
                    ("mode", "optional".into()),
                    (
                        "exact",
                        if f["isExactMatch"] == true {
                            "on".into()
                        } else {
                            String::new()
                        },
                    ),
                ],
            });
        }
    }
    out
}

/// Values a filter type takes from the bundled reference data (the
/// enumerated types' whole lists; for the others, the known names).
fn vocabulary(t: FilterType) -> Vec<String> {
    use scout_taxonomy::careers::families;
    match t {
        FilterType::JobTitle => {
            let mut v: Vec<String> = families()
                .iter()
                .flat_map(|f| {
                    std::iter::once(f.title.clone())
                        .chain(f.synonyms.iter().cloned())
                        .chain(f.ladder.iter().cloned())
                })
                .collect();
            v.extend(
                scout_taxonomy::titles::onet_titles()
                    .iter()
                    .map(|s| (*s).to_owned()),
            );
            v
        }
        FilterType::Skill => families()
            .iter()
            .flat_map(|f| f.skills.iter().cloned())
            .collect(),
        FilterType::Location => scout_taxonomy::places::cities()
            .map(|(name, _, _, _, _)| name.to_owned())
            .collect(),
        FilterType::Language => scout_taxonomy::languages::all_languages()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        FilterType::LanguageProficiency => scout_taxonomy::languages::PROFICIENCY_LEVELS
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        FilterType::CompanyIndustry => scout_taxonomy::industries::documented_industries()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        FilterType::CompanySize => CompanySize::ALL
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
        FilterType::YearsOfExperience | FilterType::DurationInJob => YearRange::DOCUMENTED
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        FilterType::EducationDegree => ["bachelors", "masters", "doctorates"]
            .map(str::to_owned)
            .to_vec(),
        FilterType::Seniority => vec!["Freelance".to_owned()],
        _ => Vec::new(),
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct SuggestQuery {
    #[serde(default, rename = "type")]
    filter_type: String,
    #[serde(default)]
    q: String,
}

/// Most suggestions answered.
const SUGGESTIONS: usize = 12;

/// Suggestions for a value being typed: those starting with it first,
/// then those containing it.
pub(crate) fn suggest_values(t: FilterType, typed: &str) -> Vec<String> {
    let typed = fold(typed);
    let mut seen = std::collections::HashSet::new();
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    for v in vocabulary(t) {
        let folded = fold(&v);
        if !seen.insert(folded.clone()) {
            continue;
        }
        if typed.is_empty() || folded.starts_with(&typed) {
            starts.push(v);
        } else if folded.contains(&typed) {
            contains.push(v);
        }
        if starts.len() >= SUGGESTIONS {
            break;
        }
    }
    starts.extend(contains);
    starts.truncate(SUGGESTIONS);
    starts
}

/// `GET /suggest?type=SKILL&q=pyt`: `<option>`s for the value's datalist —
/// the workspace's own values first (its candidates' employers, titles and
/// cities; then the skills, schools, degrees, languages, certifications,
/// titles, employers, industries and cities of the profiles it has shortlisted: most
/// frequent first, `vocabulary.rs`), then the bundled reference data.
pub(crate) async fn suggest(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(q): Query<SuggestQuery>,
) -> Response {
    let Some(t) = FilterType::ALL
        .iter()
        .copied()
        .find(|t| t.as_str() == q.filter_type)
    else {
        return (axum::http::StatusCode::BAD_REQUEST, "unknown filter type").into_response();
    };
    if q.q.chars().count() > 200 {
        return (axum::http::StatusCode::BAD_REQUEST, "too long").into_response();
    }
    let workspace_id = &signed_in.session.person.workspace_id;
    let own_field = match t {
        FilterType::CompanyName => Some(WorkspaceField::Employer),
        FilterType::JobTitle => Some(WorkspaceField::Title),
        FilterType::Location => Some(WorkspaceField::City),
        _ => None,
    };
    // the workspace's candidates' current values, then the values in the
    // profiles it has shortlisted, then the reference data
    let mut values = match own_field {
        Some(field) => state
            .store
            .workspace_values(workspace_id, field, &q.q, SUGGESTIONS as i64)
            .await
            .unwrap_or_default(),
        None => Vec::new(),
    };
    if let Ok(vocabulary) = super::vocabulary::of_workspace(&state, workspace_id).await {
        values.extend(vocabulary.suggest(t, &q.q, SUGGESTIONS));
    }
    let typed = q.q.clone();
    let reference = tokio::task::spawn_blocking(move || suggest_values(t, &typed))
        .await
        .unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    values.retain(|v| seen.insert(fold(v)));
    values.extend(reference.into_iter().filter(|v| seen.insert(fold(v))));
    values.truncate(SUGGESTIONS);
    let markup = html! { @for v in &values { option value=(v) {} } };
    (
        // the workspace's values are its own: never kept by a shared cache
        [(header::CACHE_CONTROL, "private, max-age=60")],
        axum::response::Html(markup.into_string()),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_change_one_filter_and_the_parser_judges_the_result() {
        let list = vec![
            json!({"filterType": "JOB_TITLE", "value": "Nurse", "isRequired": true, "isExcluded": false}),
            json!({"filterType": "LOCATION", "value": "Paris", "isRequired": true, "isExcluded": false}),
        ];
        let widen = Edit {
            action: "apply".into(),
            edit: "1".into(),
            radius: "50".into(),
            ..Edit::default()
        };
        let changed = widen.apply_to(&list);
        assert_eq!(changed[1]["radius"], json!(50.0));
        assert!(parse(&changed).is_ok());
        let bad = Edit {
            action: "apply".into(),
            edit: "1".into(),
            radius: "far".into(),
            ..Edit::default()
        };
        let why = parse(&bad.apply_to(&list)).unwrap_err();
        assert!(why.starts_with("filter 2: "), "{why}");
        let remove = Edit {
            action: "remove".into(),
            edit: "0".into(),
            ..Edit::default()
        };
        assert_eq!(remove.apply_to(&list).len(), 1);
        let add = Edit {
            action: "add".into(),
            filter_type: "skill".into(),
            value: "Triage".into(),
            mode: "excluded".into(),
            ..Edit::default()
        };
        let added = add.apply_to(&list);
        assert_eq!(added[2]["filterType"], "SKILL");
        assert_eq!(added[2]["isExcluded"], true);
        assert!(parse(&added).is_ok());
        // an unknown chip index changes nothing
        let stray = Edit {
            action: "remove".into(),
            edit: "9".into(),
            ..Edit::default()
        };
        assert_eq!(stray.apply_to(&list), list);
    }

    #[test]
    fn suggestions_come_from_the_reference_data() {
        let skills = suggest_values(FilterType::Skill, "pyth");
        assert!(skills.iter().any(|s| s == "Python"), "{skills:?}");
        assert!(suggest_values(FilterType::CompanySize, "").len() >= 5);
        assert!(suggest_values(FilterType::Location, "berl")
            .iter()
            .any(|s| s == "Berlin"));
    }

    #[test]
    fn refinements_relax_the_search_one_step_at_a_time() {
        let list = vec![
            json!({"filterType": "JOB_TITLE", "value": "software engineer", "isRequired": true, "isExcluded": false}),
            json!({"filterType": "LOCATION", "value": "Paris", "isRequired": true, "isExcluded": false, "radius": 25.0}),
        ];
        let offered = refinements(&list, 3);
        assert!(
            offered.iter().any(|r| r.label == "Widen Paris to 50 km"),
            "{:?}",
            offered.iter().map(|r| &r.label).collect::<Vec<_>>()
        );
        assert!(offered.iter().any(|r| r.label == "Make Paris optional"));
        assert!(
            offered.iter().any(|r| r.label.starts_with("+ ")),
            "title synonyms are offered"
        );
        assert!(!refinements(&list, 500)
            .iter()
            .any(|r| r.label.starts_with("Make ")));
    }
}
