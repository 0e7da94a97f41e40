//! `GET /?q=…`: reads the box (a prompt, or a Sales Navigator URL) with the
//! API's readers, runs the search with the API's engine call and explains
//! each card with the API's match (`talent_match.rs`).

use std::collections::HashSet;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::pages::search::{
    body, reading, result_card, results_end, results_end_unsaved, results_failed, results_start,
    Chip, Outcome, RESULTS_GO_HERE,
};
use super::pages::{frame_in, respond, trouble, Section};
use super::session::SignedIn;
use crate::search_changes::{change_search, SearchChangeError};
use crate::talent_match::MatchContext;
use crate::AppState;
use scout_query::prompt::PromptError;
use scout_query::sales_navigator::{parse_sales_navigator_url, MAX_URL_CHARS};
use scout_query::search_request::filter_to_json;
use scout_query::Filter;
use scout_store::CandidateSearch;

/// Cards on the first page.
pub const FIRST_PAGE: usize = 20;
const INTERNAL: &str = "An error occurred during the search";

#[derive(Deserialize, Default)]
pub(crate) struct SearchQuery {
    #[serde(default)]
    q: String,
    /// The filters as edited (the API's JSON), when the chips were changed.
    #[serde(default)]
    filters: String,
    /// A change to them.
    #[serde(flatten)]
    change: super::filters::Edit,
}

/// The search's filters with their chips: as edited (`filters` with one
/// change, validated by the API's parser; a refused change keeps the
/// filters before it and says why), or as read from the box.
async fn filters_of(
    state: &AppState,
    workspace: &str,
    query: &SearchQuery,
) -> Result<(Vec<Filter>, Vec<Chip>, Option<String>), String> {
    if query.filters.trim().is_empty() {
        let (filters, chips) = read(state, workspace, query.q.trim()).await?;
        if !query.change.is_change() {
            return Ok((filters, chips, None));
        }
        let list: Vec<serde_json::Value> = chips.iter().map(|c| c.filter.clone()).collect();
        return Ok(edited(list, &query.change, Some(chips)));
    }
    let list: Vec<serde_json::Value> = match serde_json::from_str(&query.filters) {
        Ok(serde_json::Value::Array(items)) => items,
        _ => return Err("These filters could not be read; search again from the box.".into()),
    };
    // the carried filters were valid when sent; a hand-edited URL's are not
    super::filters::parse(&list)?;
    Ok(edited(list, &query.change, None))
}

fn edited(
    list: Vec<serde_json::Value>,
    change: &super::filters::Edit,
    chips: Option<Vec<Chip>>,
) -> (Vec<Filter>, Vec<Chip>, Option<String>) {
    let before = || {
        let filters = super::filters::parse(&list).unwrap_or_default();
        let chips = chips.clone().unwrap_or_else(|| {
            list.iter()
                .map(|f| Chip {
                    filter: f.clone(),
                    words: None,
                })
                .collect()
        });
        (filters, chips)
    };
    if !change.is_change() {
        let (f, c) = before();
        return (f, c, None);
    }
    let changed = change.apply_to(&list);
    match super::filters::parse(&changed) {
        Ok(filters) => {
            let chips = changed
                .into_iter()
                .map(|f| Chip {
                    filter: f,
                    words: None,
                })
                .collect();
            (filters, chips, None)
        }
        Err(why) => {
            let (f, c) = before();
            (f, c, Some(format!("Not changed: {why}")))
        }
    }
}

fn looks_like_url(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("www.linkedin.com")
}

/// The box's text as filters with their chips, or why it cannot be read.
pub(crate) async fn read(
    state: &AppState,
    workspace: &str,
    text: &str,
) -> Result<(Vec<Filter>, Vec<Chip>), String> {
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
    let (intent, _parser) = state
        .prompt_reader
        .read(text, &state.engine, workspace)
        .await
        .map_err(|e| match e {
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

/// One page of ranked talents in the API's shape (with `match`).
pub(crate) struct Ranked {
    pub total: u64,
    pub ids: Vec<String>,
    pub talents: Vec<serde_json::Value>,
    pub more: bool,
}

async fn ranked_page(
    state: &AppState,
    workspace: &str,
    filters: &[Filter],
    exclude: HashSet<String>,
) -> Result<Ranked, String> {
    let shown = exclude.len() as u64;
    let results = crate::talents::run_search(
        state,
        Some(workspace),
        filters,
        exclude,
        FIRST_PAGE,
        INTERNAL,
    )
    .await
    .map_err(|e| e.message)?;
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let profiles = state
        .store
        .get_profiles(Some(workspace), &ids)
        .await
        .map_err(|e| e.to_string())?;
    let context = MatchContext::new(filters, &results);
    let talents = context
        .talents(state, &results.hits, &profiles)
        .iter()
        .filter_map(|t| serde_json::to_value(t).ok())
        .collect();
    Ok(Ranked {
        total: results.total,
        more: shown + (ids.len() as u64) < results.total,
        ids,
        talents,
    })
}

/// Runs `filters` (read from `text`) for `person` and keeps the search in
/// their history (which also lets "more" skip what was shown); the first
/// page and the saved search's id.
pub(crate) async fn remembered_search(
    state: &AppState,
    person: &scout_store::Person,
    text: &str,
    filters: &[Filter],
) -> Result<(Ranked, String), String> {
    let ranked = ranked_page(state, &person.workspace_id, filters, HashSet::new()).await?;
    let record = search_record(person, text, filters, &ranked);
    state
        .store
        .save_search(&record)
        .await
        .map_err(|e| e.to_string())?;
    Ok((ranked, record.id))
}

/// The history record of a search that returned `ranked`.
fn search_record(
    person: &scout_store::Person,
    text: &str,
    filters: &[Filter],
    ranked: &Ranked,
) -> CandidateSearch {
    let now = crate::background_log::now_ms();
    CandidateSearch {
        id: format!("cs_{}", ulid::Ulid::new().to_string().to_lowercase()),
        workspace_id: person.workspace_id.clone(),
        user_id: person.user_id.clone(),
        source: "web".into(),
        prompt: text.to_owned(),
        filters: serde_json::Value::Array(filters.iter().map(filter_to_json).collect()),
        interpretation: serde_json::json!({}),
        total: ranked.total as i64,
        result_ids: ranked.ids.clone(),
        expansions: serde_json::json!([]),
        revisions: serde_json::json!([]),
        created_at: now,
        updated_at: now,
    }
}

/// `GET /searches/{id}/more`: the next cards of a search of the person's,
/// none already shown (as a fragment for the page's script, or as a page).
pub(crate) async fn more(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let person = &signed_in.session.person;
    let changed = change_search(
        &state.store,
        &person.workspace_id,
        &id,
        |search| search.user_id == person.user_id,
        |mut search| {
            let state = &state;
            async move {
                let filters = scout_query::parse_filter_list(&search.filters, vec![])
                    .map_err(|_| "a stored search's filters no longer read".to_owned())?;
                let shown: HashSet<String> = search.result_ids.iter().cloned().collect();
                let ranked = ranked_page(state, &search.workspace_id, &filters, shown).await?;
                let first_rank = search.result_ids.len() + 1;
                search.result_ids.extend(ranked.ids.iter().cloned());
                Ok::<_, String>((search, (ranked, first_rank)))
            }
        },
    )
    .await;
    let (record, (ranked, first_rank)) = match changed {
        Ok(Some(done)) => done,
        Ok(None) => return super::pages::not_found(&signed_in.session, "Search"),
        Err(SearchChangeError::Store(e)) => return trouble(&e),
        Err(SearchChangeError::Refused(e)) => return trouble(&e),
        Err(SearchChangeError::Busy) => {
            return super::pages::busy(&signed_in.session, "This search")
        }
    };
    if headers.get("x-scout-fragment").is_some() {
        let fragment = super::pages::search::more_cards(
            &record.prompt,
            &record.id,
            &ranked.talents,
            first_rank,
            ranked.more,
            person.role.writes(),
        );
        return respond(StatusCode::OK, fragment);
    }
    respond(
        StatusCode::OK,
        frame_in(
            Section::Search,
            &format!("{} — more", record.prompt),
            Some(&signed_in.session),
            super::pages::search::more_page(
                &record.prompt,
                &record.id,
                &ranked.talents,
                first_rank,
                ranked.more,
            ),
        ),
    )
}

/// `GET /history`: the person's searches, newest first.
pub(crate) async fn history(State(state): State<AppState>, signed_in: SignedIn) -> Response {
    let person = &signed_in.session.person;
    match state
        .store
        .list_searches(&person.workspace_id, &person.user_id, 0, 100)
        .await
    {
        Ok((searches, total)) => respond(
            StatusCode::OK,
            frame_in(
                Section::History,
                "History",
                Some(&signed_in.session),
                super::pages::search::history(&searches, total),
            ),
        ),
        Err(e) => trouble(&e),
    }
}

/// `GET /?q=…`: the box, and for a question its reading and results. The
/// page streams (`streamed.rs`): the reading goes out before the search
/// runs, then the total and each card.
pub(crate) async fn page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: axum::http::HeaderMap,
    Query(query): Query<SearchQuery>,
) -> Response {
    let text = query.q.trim().to_owned();
    let outcome = if text.is_empty() {
        Outcome::Empty
    } else {
        match filters_of(&state, &signed_in.session.person.workspace_id, &query).await {
            Err(why) => Outcome::Problem(why),
            Ok((filters, _, _)) if filters.is_empty() => Outcome::Problem(
                "Every filter was removed: add one, or search again from the box.".into(),
            ),
            Ok((filters, chips, notice)) => {
                return streamed_results(
                    state,
                    signed_in.session,
                    &headers,
                    text,
                    filters,
                    chips,
                    notice,
                )
            }
        }
    };
    let (status, title) = match &outcome {
        Outcome::Problem(_) => (StatusCode::BAD_REQUEST, format!("{text} — Search")),
        Outcome::Empty => (StatusCode::OK, "Search".to_owned()),
    };
    respond(
        status,
        frame_in(
            Section::Search,
            &title,
            Some(&signed_in.session),
            body(&text, &outcome),
        ),
    )
}

/// Sends the page of a search that was read: its reading at once; once the
/// search has run, the total with the first card, then the other cards; then
/// — the search kept in the person's history — the link to more and the
/// rest of the page.
fn streamed_results(
    state: AppState,
    session: scout_store::Session,
    headers: &axum::http::HeaderMap,
    text: String,
    filters: Vec<Filter>,
    chips: Vec<Chip>,
    notice: Option<String>,
) -> Response {
    let whole = frame_in(
        Section::Search,
        &format!("{text} — Search"),
        Some(&session),
        reading(&text, &chips, notice.as_deref()),
    )
    .into_string();
    let (before, after) = whole
        .split_once(RESULTS_GO_HERE)
        .map(|(b, a)| (b.to_owned(), a.to_owned()))
        .unwrap_or((whole.clone(), String::new()));
    let (mut page, response) = super::streamed::page(headers);
    let request = tracing::Span::current();
    tokio::spawn(tracing::Instrument::instrument(
        async move {
            if !page.send(&before).await {
                return;
            }
            let person = &session.person;
            let (ranked, targets) = tokio::join!(
                ranked_page(&state, &person.workspace_id, &filters, HashSet::new()),
                super::profile::targets(&state, person),
            );
            match (ranked, targets) {
                (Ok(ranked), Ok(targets)) => {
                    // the first card goes out before the search joins the
                    // history; the link to more (which needs it) comes after
                    let record = search_record(person, &text, &filters, &ranked);
                    let shown = ranked.talents.len();
                    let start = results_start(
                        &text,
                        &chips,
                        ranked.total,
                        shown,
                        &session,
                        &targets,
                        &record.id,
                    );
                    // the total with the first card at once; the other cards,
                    // ready at the same moment, in one piece after it
                    page.write(&start);
                    for (i, talent) in ranked.talents.iter().enumerate() {
                        let card = result_card(talent, i + 1, &text, &session);
                        if i == 0 {
                            if !page.send(&card).await {
                                return;
                            }
                        } else {
                            page.write(&card);
                        }
                    }
                    if shown == 0 && !page.send("").await {
                        return;
                    }
                    let end = match state.store.save_search(&record).await {
                        Ok(()) => results_end(&record.id, shown, ranked.more),
                        Err(e) => {
                            tracing::error!(error = %e, "a web search could not join the history");
                            results_end_unsaved(shown)
                        }
                    };
                    page.write(&end);
                }
                (Err(e), _) => {
                    tracing::error!(error = %e, "a web search failed after its page began");
                    page.write(&results_failed());
                }
                (_, Err(e)) => {
                    tracing::error!(error = %e, "a web search's projects and lists could not be read");
                    page.write(&results_failed());
                }
            }
            page.write(&after);
            page.finish().await;
        },
        request,
    ));
    response
}
