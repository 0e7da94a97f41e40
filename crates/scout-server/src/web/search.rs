//! `GET /?q=…`: reads the box (a prompt, or a Sales Navigator URL) with the
//! API's readers, runs the search with the API's engine call and explains
//! each card with the API's match (`talent_match.rs`).

use std::collections::HashSet;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::pages::search::{body, Chip, Outcome};
use super::pages::{frame_in, respond, trouble, Section};
use super::session::SignedIn;
use crate::talent_match::MatchContext;
use crate::AppState;
use scout_query::prompt::PromptError;
use scout_query::sales_navigator::{parse_sales_navigator_url, MAX_URL_CHARS};
use scout_query::search_request::filter_to_json;
use scout_query::Filter;

/// Cards on the first page.
pub const FIRST_PAGE: usize = 20;
const INTERNAL: &str = "An error occurred during the search";

#[derive(Deserialize, Default)]
pub(crate) struct SearchQuery {
    #[serde(default)]
    q: String,
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("www.linkedin.com")
}

/// The box's text as filters with their chips, or why it cannot be read.
pub(crate) async fn read(state: &AppState, text: &str) -> Result<(Vec<Filter>, Vec<Chip>), String> {
    if looks_like_url(text) {
        if text.chars().count() > MAX_URL_CHARS {
            return Err(format!("A URL is at most {MAX_URL_CHARS} characters."));
        }
        let imported = parse_sales_navigator_url(text.trim()).map_err(|e| e.to_string())?;
        if imported.filters.is_empty() {
            return Err("None of this URL's filters has an equivalent in Scout.".into());
        }
        let chips = imported
            .filters
            .iter()
            .map(|f| Chip {
                filter: filter_to_json(f),
                words: None,
            })
            .collect();
        return Ok((imported.filters, chips));
    }
    let (intent, _parser) = state.prompt_reader.read(text).await.map_err(|e| match e {
        PromptError::Empty => "Write who you are looking for.".to_owned(),
        PromptError::TooLong => e.to_string(),
    })?;
    if intent.filters.is_empty() {
        return Err("Scout found nothing to search for in that: name a job title, a skill, a place or another criterion.".into());
    }
    let chips = intent
        .filters
        .iter()
        .map(|r| Chip {
            filter: filter_to_json(&r.filter),
            words: Some(r.text.clone()),
        })
        .collect();
    Ok((
        intent.filters.into_iter().map(|r| r.filter).collect(),
        chips,
    ))
}

pub(crate) async fn page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Query(query): Query<SearchQuery>,
) -> Response {
    let text = query.q.trim().to_owned();
    let outcome = if text.is_empty() {
        Outcome::Empty
    } else {
        match read(&state, &text).await {
            Err(why) => Outcome::Problem(why),
            Ok((filters, chips)) => {
                let results = match crate::talents::run_search(
                    &state,
                    &filters,
                    HashSet::new(),
                    FIRST_PAGE,
                    INTERNAL,
                )
                .await
                {
                    Ok(r) => r,
                    Err(e) => return trouble(&e.message),
                };
                let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
                let profiles = match state.store.get_profiles(&ids).await {
                    Ok(p) => p,
                    Err(e) => return trouble(&e),
                };
                let context = MatchContext::new(&filters, &results);
                let talents = context
                    .talents(&state, &results.hits, &profiles)
                    .iter()
                    .filter_map(|t| serde_json::to_value(t).ok())
                    .collect();
                Outcome::Results {
                    chips,
                    total: results.total,
                    talents,
                }
            }
        }
    };
    let status = if matches!(outcome, Outcome::Problem(_)) {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let title = if text.is_empty() {
        "Search".to_owned()
    } else {
        format!("{text} — Search")
    };
    let targets = if matches!(outcome, Outcome::Results { .. }) {
        match super::profile::targets(&state, &signed_in).await {
            Ok(t) => t,
            Err(e) => return trouble(&e),
        }
    } else {
        Default::default()
    };
    respond(
        status,
        frame_in(
            Section::Search,
            &title,
            Some(&signed_in.session),
            body(&text, &outcome, &signed_in.session, &targets),
        ),
    )
}
