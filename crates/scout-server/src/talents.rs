//! `POST /v1/search/talents`: ranked, explained, paged by transactions.

use std::collections::HashSet;
use std::time::Instant;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use scout_engine::{SearchOptions, SearchResults};
use scout_model::ErrorCode;
use scout_query::search_request::PathItem;
use scout_query::search_request::MAX_RELATED_TRANSACTIONS;
use scout_query::{parse_search_request, Filter, Issue, RequestError};
use scout_store::SearchTransaction;
use serde::Serialize;

use crate::auth::{Caller, TalentsSearch};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::talent_match::{MatchContext, TalentWithMatch};
use crate::AppState;

/// The documented success body.
#[derive(Serialize)]
struct SearchPage<'a> {
    success: bool,
    data: SearchData<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchData<'a> {
    talents: Vec<TalentWithMatch<'a>>,
    estimation_count: u64,
    search_transaction_id: String,
}

/// Talents per response, as documented.
pub const PAGE_SIZE: usize = 10;
const INTERNAL: &str = "An error occurred during search talents";

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/v1/search/talents", post(search_talents))
}

fn too_many() -> ApiError {
    ApiError::new(
        ErrorCode::TooManySearchTransactions,
        format!("Too many relatedSearchTransactionIds provided (max {MAX_RELATED_TRANSACTIONS}). Please refine your search filters to get more relevant results instead of paginating further."),
    )
}

async fn search_talents(
    State(state): State<AppState>,
    caller: Caller<TalentsSearch>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let request = parse_search_request(&body).map_err(|e| match e {
        RequestError::TooManyTransactions => too_many(),
        RequestError::Invalid(issues) => ApiError::validation(issues),
    })?;
    let workspace = caller.key.workspace_id.clone();
    let mut exclude = HashSet::new();
    if !request.related_transactions.is_empty() {
        // those this server recorded lately from memory, the rest from the store
        let found = transactions_of(&state, &workspace, &request.related_transactions)
            .await
            .map_err(|e| ApiError::from_domain(e, INTERNAL))?;
        let known: HashSet<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        let unknown: Vec<Issue> = request
            .related_transactions
            .iter()
            .enumerate()
            .filter(|(_, id)| !known.contains(id.as_str()))
            .map(|(i, id)| Issue {
                code: "invalid_string",
                path: vec![
                    PathItem::Key("relatedSearchTransactionIds".into()),
                    PathItem::Index(i),
                ],
                message: format!("Unknown search transaction `{id}`"),
                options: None,
                expected: None,
                received: None,
                keys: None,
            })
            .collect();
        if !unknown.is_empty() {
            return Err(ApiError::validation(unknown));
        }
        exclude.extend(found.iter().flat_map(|(_, ids)| ids.iter().cloned()));
    }

    let results = run_search(
        &state,
        Some(&workspace),
        &request.filters,
        exclude,
        PAGE_SIZE,
        INTERNAL,
    )
    .await?;
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let fetching = Instant::now();
    let profiles = state
        .store
        .get_profiles(Some(&workspace), &ids)
        .await
        .map_err(|e| ApiError::from_domain(e, INTERNAL))?;
    state.metrics.search_stage("fetch", fetching);
    let context = MatchContext::new(&request.filters, &results).with_ignored(&request.ignored);
    let talents = context.talents(&state, &results.hits, &profiles);
    // the page as answered: a hit whose profile is gone since is not on it
    let ids: Vec<String> = profiles.iter().map(|p| p.talent.id.clone()).collect();
    let transaction = format!("st_{}", ulid::Ulid::new().to_string().to_lowercase());
    state.transactions.remember(&transaction, &workspace, &ids);
    state
        .transaction_log
        .record(
            &state.store,
            SearchTransaction {
                id: transaction.clone(),
                workspace_id: workspace.clone(),
                created_at: crate::background_log::now_ms(),
                talent_ids: ids,
            },
        )
        .await
        .map_err(|e| ApiError::from_domain(e, INTERNAL))?;
    // serialized here, not by `Json`, so that a failure still gets the envelope
    let body = serde_json::to_vec(&SearchPage {
        success: true,
        data: SearchData {
            talents,
            estimation_count: results.total,
            search_transaction_id: transaction,
        },
    })
    .map_err(|e| ApiError::internal(&e, INTERNAL))?;
    let mut response = ([(header::CONTENT_TYPE, "application/json")], body).into_response();
    for (k, v) in caller.limit_headers {
        response.headers_mut().insert(k, v);
    }
    Ok(response)
}

/// The search transactions of `workspace` among `ids` with their talents:
/// those this server recorded lately from memory, the rest from the store.
pub(crate) async fn transactions_of(
    state: &AppState,
    workspace: &str,
    ids: &[String],
) -> Result<Vec<crate::transaction_cache::Transaction>, scout_store::StoreError> {
    let (mut found, missing) = state.transactions.lookup(workspace, ids);
    if !missing.is_empty() {
        let stored = state.store.load_transactions(workspace, &missing).await?;
        found.extend(stored.into_iter().map(|(id, ids)| (id, ids.into())));
    }
    Ok(found)
}

/// Runs a search off the async threads, within the configured timeout.
pub(crate) async fn run_search(
    state: &AppState,
    workspace: Option<&str>,
    filters: &[Filter],
    exclude: HashSet<String>,
    limit: usize,
    internal: &str,
) -> Result<SearchResults, ApiError> {
    let engine = state.engine.clone();
    let filters = filters.to_vec();
    let deadline = Instant::now() + state.settings.search_timeout;
    let options = SearchOptions {
        limit,
        exclude_ids: exclude,
        workspace: workspace.map(str::to_owned),
        deadline: Some(deadline),
        ..Default::default()
    };
    let task = tokio::task::spawn_blocking(move || engine.search(&filters, &options));
    let searching = Instant::now();
    let outcome = tokio::time::timeout(state.settings.search_timeout, task).await;
    state.metrics.search_stage("engine", searching);
    match outcome {
        Err(_) => Err(ApiError::new(
            ErrorCode::SearchEngineTimeout,
            "The search request timed out. Please try again.",
        )),
        Ok(Err(join)) => Err(ApiError::internal(&join, internal)),
        Ok(Ok(Err(e))) => Err(ApiError::from_domain(e, internal)),
        Ok(Ok(Ok(r))) => Ok(r),
    }
}
