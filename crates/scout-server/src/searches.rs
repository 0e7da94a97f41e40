//! The prompt search hub (`/v1/searches/candidates/*`): reading prompts and
//! Sales Navigator URLs into filters, running them with results streamed as
//! server-sent events, and keeping each search as a record that can be
//! listed, paged, re-prompted and expanded. See `docs/prompt-search.md`.

use std::collections::HashSet;
use std::convert::Infallible;
use std::time::Instant;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use scout_model::ErrorCode;
use scout_query::prompt::{Intent, PromptError, MAX_PROMPT_CHARS};

use scout_query::relax::{next_relaxation, Step, Weighed};
use scout_query::sales_navigator::{parse_sales_navigator_url, ImportError, MAX_URL_CHARS};
use scout_query::search_request::filter_to_json;
use scout_query::{parse_filter_list, Filter, Issue, PathItem};
use scout_store::CandidateSearch;
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

use crate::auth::{Caller, SearchesRead, SearchesWrite};
use crate::error::{tracking_code, ApiError};
use crate::json::{JsonBody, OptionalJsonBody};
use crate::search_changes::{change_search, SearchChangeError};
use crate::talent_match::MatchContext;
use crate::talents::run_search;
use crate::validate::{check, ObjectReader, QueryString};
use crate::views::{iso, ok};

fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}
use crate::AppState;

/// Candidates a search returns unless `limit` says otherwise.
pub const DEFAULT_RESULTS: i64 = 25;
/// Most candidates one search (or one expansion) returns.
pub const MAX_RESULTS: i64 = 100;
/// Default and largest pages of history and results.
pub const DEFAULT_PAGE_SIZE: i64 = 20;
/// Largest page of history and results.
pub const MAX_PAGE_SIZE: i64 = 100;
/// Candidates fetched and explained before the first event goes out; the
/// rest follow in larger batches.
const FIRST_BATCH: usize = 3;
const BATCH: usize = 10;
const INTERNAL: &str = "An error occurred during the candidate search";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/searches/candidates/classify-intent", post(classify))
        .route("/v1/searches/candidates/search", post(search))
        .route(
            "/v1/searches/candidates/start-with-sales-navigator-url",
            post(start_with_sales_navigator),
        )
        .route("/v1/searches/candidates/history", get(history))
        .route(
            "/v1/searches/candidates/{search_id}",
            get(show).patch(reprompt),
        )
        .route("/v1/searches/candidates/{search_id}/expand", post(expand))
}

fn internal(e: scout_store::StoreError) -> ApiError {
    ApiError::from_domain(e, INTERNAL)
}

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "Candidate search not found")
}

/// How a search's filters were obtained.
struct Reading {
    source: &'static str,
    filters: Vec<Filter>,
    confidences: Vec<f32>,
    interpretation: Value,
}

fn reading_of(intent: &Intent, parser: &str) -> Reading {
    Reading {
        source: "prompt",
        filters: intent.plain_filters(),
        confidences: intent.filters.iter().map(|r| r.confidence).collect(),
        interpretation: json!({
            "parser": parser,
            "explanations": intent.explanations_json(),
            "notes": intent.notes_json(),
            "remote": intent.remote.is_some(),
        }),
    }
}

/// What a prompt body asked: the prompt, how it was read (and by what),
/// and the number of results wanted.
struct PromptAsk {
    prompt: String,
    intent: Intent,
    parser: String,
    limit: i64,
}

/// `{prompt, limit?}` → the prompt read, and the number of results wanted.
async fn prompt_body(
    state: &AppState,
    workspace: &str,
    body: &Value,
    with_limit: bool,
) -> Result<PromptAsk, ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let prompt = r.string("prompt", true, MAX_PROMPT_CHARS);
    let limit = if with_limit {
        r.integer("limit", 1, MAX_RESULTS).flatten()
    } else {
        None
    };
    check(r.finish())?;
    let prompt = prompt.unwrap_or_default();
    let (intent, parser) = state
        .prompt_reader
        .read(&prompt, &state.engine, workspace)
        .await
        .map_err(|e| {
            let message = match e {
                PromptError::Empty => "The prompt is empty".to_owned(),
                PromptError::TooLong => e.to_string(),
            };
            ApiError::validation(vec![Issue::new(
                "invalid_string",
                vec![PathItem::Key("prompt".into())],
                message,
            )])
        })?;
    Ok(PromptAsk {
        prompt,
        intent,
        parser,
        limit: limit.unwrap_or(DEFAULT_RESULTS),
    })
}

fn nothing_to_search() -> ApiError {
    ApiError::validation(vec![Issue::new(
        "custom",
        vec![PathItem::Key("prompt".into())],
        "The prompt names nothing Scout can search for: say a job title, a skill, a place or another criterion",
    )])
}

async fn classify(
    State(state): State<AppState>,
    caller: Caller<SearchesRead>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let ask = prompt_body(&state, &caller.key.workspace_id, &body, false).await?;
    let reading = reading_of(&ask.intent, &ask.parser);
    let mut data = reading.interpretation;
    data["prompt"] = json!(ask.prompt);
    data["filters"] = json!(ask.intent.filters_json());
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

async fn search(
    State(state): State<AppState>,
    caller: Caller<SearchesWrite>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let ask = prompt_body(&state, &caller.key.workspace_id, &body, true).await?;
    if ask.intent.filters.is_empty() {
        return Err(nothing_to_search());
    }
    let reading = reading_of(&ask.intent, &ask.parser);
    Ok(stream(state, caller, ask.prompt, reading, ask.limit))
}

async fn start_with_sales_navigator(
    State(state): State<AppState>,
    caller: Caller<SearchesWrite>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let mut r = ObjectReader::new(&body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let url = r.string("url", true, MAX_URL_CHARS);
    let limit = r.integer("limit", 1, MAX_RESULTS).flatten();
    check(r.finish())?;
    let url = url.unwrap_or_default();
    let imported = parse_sales_navigator_url(&url).map_err(|e| match e {
        ImportError::SavedSearchOnly(_) => ApiError::new(ErrorCode::Unprocessable, e.to_string()),
        other => ApiError::validation(vec![Issue::new(
            "invalid_string",
            vec![PathItem::Key("url".into())],
            other.to_string(),
        )]),
    })?;
    if imported.filters.is_empty() {
        return Err(ApiError::new(
            ErrorCode::Unprocessable,
            "None of the URL's filters has an equivalent in Scout (see ignoredFilters)",
        )
        .with_details(json!({"ignoredFilters": imported.ignored})));
    }
    let reading = Reading {
        source: "sales_navigator",
        confidences: vec![1.0; imported.filters.len()],
        filters: imported.filters,
        interpretation: json!({
            "parser": "sales-navigator-url",
            "ignoredFilters": imported.ignored,
            "keywords": imported.keywords,
        }),
    };
    Ok(stream(
        state,
        caller,
        url,
        reading,
        limit.unwrap_or(DEFAULT_RESULTS),
    ))
}

fn event(name: &str, data: &Value) -> Event {
    Event::default().event(name).data(data.to_string())
}

/// Answers with an event stream and runs the search behind it.
fn stream(
    state: AppState,
    caller: Caller<SearchesWrite>,
    prompt: String,
    reading: Reading,
    limit: i64,
) -> Response {
    let (tx, rx) = mpsc::channel::<Event>(32);
    let id = format!("cs_{}", ulid::Ulid::new().to_string().to_lowercase());
    let open = state.metrics.stream_opened();
    let job = StreamJob {
        state,
        workspace: caller.key.workspace_id.clone(),
        user: caller.key.user_id.clone(),
        id,
        prompt,
        reading,
        limit: limit as usize,
        tracking: tracking_code(),
        started: Instant::now(),
        tx,
        _open: open,
    };
    tokio::spawn(tracing::Instrument::instrument(
        job.run(),
        tracing::Span::current(),
    ));
    let events = ReceiverStream::new(rx).map(Ok::<_, Infallible>);
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response();
    for (k, v) in caller.limit_headers {
        response.headers_mut().insert(k, v);
    }
    response
}

struct StreamJob {
    state: AppState,
    workspace: String,
    user: String,
    id: String,
    prompt: String,
    reading: Reading,
    limit: usize,
    tracking: String,
    started: Instant,
    tx: mpsc::Sender<Event>,
    /// Counted in `scout_event_streams_open` while the job runs.
    _open: crate::metrics::StreamOpen,
}

impl StreamJob {
    /// Sends an event; `false` once the client has gone (the work stops),
    /// or once the server has been stopping for longer than the stream's
    /// grace, when the event sent is a final `error` instead.
    async fn send(&self, name: &str, data: Value) -> bool {
        let stopping = self.state.stopping.elapsed();
        if stopping.is_some_and(|t| t >= self.state.settings.stream_grace) && name != "done" {
            let e = ApiError::new(
                ErrorCode::ServiceUnavailable,
                "Scout is stopping: this search ended early; run it again in a moment",
            );
            let _ = self.tx.send(event("error", &e.body(&self.tracking))).await;
            return false;
        }
        self.tx.send(event(name, &data)).await.is_ok()
    }

    async fn fail(&self, e: ApiError) {
        let _ = self.send("error", e.body(&self.tracking)).await;
    }

    async fn run(self) {
        let filters_json: Vec<Value> = self.reading.filters.iter().map(filter_to_json).collect();
        let mut first = self.reading.interpretation.clone();
        first["searchId"] = json!(self.id);
        first["prompt"] = json!(self.prompt);
        first["source"] = json!(self.reading.source);
        first["filters"] = json!(filters_json);
        if !self.send("interpretation", first).await {
            return;
        }
        let results = match run_search(
            &self.state,
            Some(&self.workspace),
            &self.reading.filters,
            HashSet::new(),
            self.limit,
            INTERNAL,
        )
        .await
        {
            Ok(r) => r,
            Err(e) => return self.fail(e).await,
        };
        let now = now_ms();
        let mut interpretation = self.reading.interpretation.clone();
        interpretation["confidences"] = json!(self.reading.confidences);
        let record = CandidateSearch {
            id: self.id.clone(),
            workspace_id: self.workspace.clone(),
            user_id: self.user.clone(),
            source: self.reading.source.to_owned(),
            prompt: self.prompt.clone(),
            filters: json!(filters_json),
            interpretation,
            total: results.total as i64,
            result_ids: results.hits.iter().map(|h| h.id.clone()).collect(),
            expansions: json!([]),
            revisions: json!([]),
            created_at: now,
            updated_at: now,
        };
        // Saving the record and fetching the first candidates overlap: the
        // first candidate event waits for neither more than it must.
        let first_ids: Vec<String> = results
            .hits
            .iter()
            .take(FIRST_BATCH)
            .map(|h| h.id.clone())
            .collect();
        let (saved, first_profiles) = tokio::join!(
            self.state.store.save_search(&record),
            self.state
                .store
                .get_profiles(Some(&self.workspace), &first_ids)
        );
        if let Err(e) = saved {
            return self.fail(internal(e)).await;
        }
        let mut prefetched = match first_profiles {
            Ok(p) => Some(p),
            Err(e) => return self.fail(internal(e)).await,
        };
        let progress = json!({"searchId": self.id, "total": results.total, "returning": results.hits.len(), "ranked": 0});
        if !self.send("progress", progress).await {
            return;
        }
        let mut sent = 0;
        let mut rest = &results.hits[..];
        while !rest.is_empty() {
            let take = if sent == 0 { FIRST_BATCH } else { BATCH }.min(rest.len());
            let (batch, tail) = rest.split_at(take);
            rest = tail;
            let profiles = match prefetched.take() {
                Some(p) => p,
                None => {
                    let ids: Vec<String> = batch.iter().map(|h| h.id.clone()).collect();
                    match self
                        .state
                        .store
                        .get_profiles(Some(&self.workspace), &ids)
                        .await
                    {
                        Ok(p) => p,
                        Err(e) => return self.fail(internal(e)).await,
                    }
                }
            };
            let context = MatchContext::new(&self.reading.filters, &results);
            for talent in context.talents(&self.state, batch, &profiles) {
                sent += 1;
                if !self
                    .send("candidate", json!({"rank": sent, "talent": talent}))
                    .await
                {
                    return;
                }
            }
            let progress = json!({"searchId": self.id, "total": results.total, "returning": results.hits.len(), "ranked": sent});
            if !self.send("progress", progress).await {
                return;
            }
        }
        let done = json!({
            "searchId": self.id,
            "total": results.total,
            "returned": sent,
            "tookMs": self.started.elapsed().as_millis() as u64,
        });
        let _ = self.send("done", done).await;
    }
}

/// A search record for people and clients (without its results).
fn search_view(s: &CandidateSearch) -> Value {
    json!({
        "id": s.id,
        "source": s.source,
        "prompt": s.prompt,
        "filters": s.filters,
        "interpretation": s.interpretation,
        "total": s.total,
        "returned": s.result_ids.len(),
        "expansions": s.expansions,
        "revisions": s.revisions,
        "createdAt": iso(s.created_at),
        "updatedAt": iso(s.updated_at),
    })
}

fn pagination(page: i64, page_size: i64, total: i64) -> Value {
    json!({"page": page, "pageSize": page_size, "totalCount": total, "totalPages": (total + page_size - 1) / page_size})
}

async fn history(
    State(state): State<AppState>,
    caller: Caller<SearchesRead>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let page = q.integer("page", 0, 0, 1_000_000);
    let page_size = q.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    check(q.finish())?;
    let (searches, total) = state
        .store
        .list_searches(
            &caller.key.workspace_id,
            &caller.key.user_id,
            page * page_size,
            page_size,
        )
        .await
        .map_err(internal)?;
    let data = json!({
        "searches": searches.iter().map(search_view).collect::<Vec<_>>(),
        "pagination": pagination(page, page_size, total),
    });
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

fn stored_filters(s: &CandidateSearch) -> Result<Vec<Filter>, ApiError> {
    parse_filter_list(&s.filters, vec![]).map_err(|issues| {
        ApiError::internal(
            &format!("stored filters of {} no longer parse: {issues:?}", s.id),
            INTERNAL,
        )
    })
}

/// Talents of `ids`, in order, with what made each match `filters`.
async fn explained(
    state: &AppState,
    workspace: &str,
    ids: &[String],
    filters: &[Filter],
    first_rank: usize,
) -> Result<Vec<Value>, ApiError> {
    let profiles = state
        .store
        .get_profiles(Some(workspace), ids)
        .await
        .map_err(internal)?;
    let evidence = state
        .engine
        .explain(profiles.iter().map(|p| &p.talent), filters);
    let filters_json: Vec<Value> = filters.iter().map(filter_to_json).collect();
    let mut out = Vec::with_capacity(profiles.len());
    for (i, (stored, evidence)) in profiles.iter().zip(evidence).enumerate() {
        let matched: Vec<Value> = filters_json
            .iter()
            .zip(evidence)
            .map(|(f, ev)| {
                let mut v = f.clone();
                let matched = ev.field.is_some() || ev.value.is_some() || ev.distance_km.is_some();
                v["matched"] = json!(matched);
                v["evidence"] = serde_json::to_value(ev).unwrap_or(Value::Null);
                v
            })
            .collect();
        let talent =
            serde_json::to_value(&stored.talent).map_err(|e| ApiError::internal(&e, INTERNAL))?;
        out.push(json!({"rank": first_rank + i + 1, "talent": talent, "matchedFilters": matched}));
    }
    Ok(out)
}

async fn show(
    State(state): State<AppState>,
    caller: Caller<SearchesRead>,
    Path(search_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let page = q.integer("page", 0, 0, 1_000_000);
    let page_size = q.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    check(q.finish())?;
    let search = state
        .store
        .get_search(&caller.key.workspace_id, &search_id)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    let filters = stored_filters(&search)?;
    let start = ((page * page_size) as usize).min(search.result_ids.len());
    let end = (start + page_size as usize).min(search.result_ids.len());
    let results = explained(
        &state,
        &search.workspace_id,
        &search.result_ids[start..end],
        &filters,
        start,
    )
    .await?;
    let mut data = search_view(&search);
    data["results"] = json!(results);
    data["pagination"] = pagination(page, page_size, search.result_ids.len() as i64);
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

/// Runs `filters` excluding what `search` already returned; the new hits as talents.
async fn run_more(
    state: &AppState,
    search: &CandidateSearch,
    filters: &[Filter],
    exclude: HashSet<String>,
    limit: usize,
) -> Result<(u64, Vec<String>, Vec<Value>), ApiError> {
    let workspace = Some(search.workspace_id.as_str());
    let results = run_search(state, workspace, filters, exclude, limit, INTERNAL).await?;
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let profiles = state
        .store
        .get_profiles(workspace, &ids)
        .await
        .map_err(internal)?;
    let context = MatchContext::new(filters, &results);
    let talents = context
        .talents(state, &results.hits, &profiles)
        .into_iter()
        .enumerate()
        .map(|(i, talent)| json!({"rank": search.result_ids.len() + i + 1, "talent": talent}))
        .collect();
    // the hits as answered: one whose profile is gone since is not among them
    let ids = profiles.into_iter().map(|p| p.talent.id).collect();
    Ok((results.total, ids, talents))
}

async fn reprompt(
    State(state): State<AppState>,
    caller: Caller<SearchesWrite>,
    Path(search_id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let PromptAsk {
        prompt,
        intent,
        parser,
        limit,
    } = prompt_body(&state, &caller.key.workspace_id, &body, true).await?;
    if intent.filters.is_empty() {
        return Err(nothing_to_search());
    }
    let reading = reading_of(&intent, &parser);
    let Some(before) = state
        .store
        .get_search(&caller.key.workspace_id, &search_id)
        .await
        .map_err(internal)?
    else {
        return Err(not_found());
    };
    // The new prompt's results do not depend on the search's earlier state:
    // run once; only the record of revisions is merged with concurrent changes.
    let fresh = CandidateSearch {
        result_ids: Vec::new(),
        ..before
    };
    let (total, ids, talents) = run_more(
        &state,
        &fresh,
        &reading.filters,
        HashSet::new(),
        limit as usize,
    )
    .await?;
    let changed = change_search(
        &state.store,
        &caller.key.workspace_id,
        &search_id,
        |_| true,
        |mut search| {
            let mut revisions = search.revisions.as_array().cloned().unwrap_or_default();
            revisions.push(json!({
                "prompt": search.prompt,
                "source": search.source,
                "filters": search.filters,
                "total": search.total,
                "returned": search.result_ids.len(),
                "expansions": search.expansions,
                "replacedAt": iso(now_ms()),
            }));
            let mut interpretation = reading.interpretation.clone();
            interpretation["confidences"] = json!(reading.confidences);
            search.source = reading.source.to_owned();
            search.prompt = prompt.clone();
            search.filters = json!(reading
                .filters
                .iter()
                .map(filter_to_json)
                .collect::<Vec<_>>());
            search.interpretation = interpretation;
            search.total = total as i64;
            search.result_ids = ids.clone();
            search.expansions = json!([]);
            search.revisions = json!(revisions);
            std::future::ready(Ok::<_, ApiError>((search, ())))
        },
    )
    .await;
    let (search, ()) = stored_change(changed)?;
    let mut data = search_view(&search);
    data["results"] = json!(talents);
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

/// One attempt at expanding `search` (see `search_changes`): the search as
/// it would be stored, the step taken, the new total and the new candidates.
async fn expand_once(
    state: &AppState,
    mut search: CandidateSearch,
    limit: usize,
) -> Result<(CandidateSearch, Expanded), ApiError> {
    let filters = stored_filters(&search)?;
    let confidences: Vec<f32> = (0..filters.len())
        .map(|i| {
            search.interpretation["confidences"][i]
                .as_f64()
                .unwrap_or(1.0) as f32
        })
        .collect();
    let done: Vec<String> = search
        .expansions
        .as_array()
        .map(|steps| {
            steps
                .iter()
                .filter_map(|s| s["kind"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let done_refs: Vec<&str> = done.iter().map(String::as_str).collect();
    let current = Weighed {
        filters,
        confidences,
    };
    let (next, step) = match next_relaxation(&current, &done_refs) {
        Some((next, step)) => (next, Some(step)),
        None => (current, None),
    };
    let exclude: HashSet<String> = search.result_ids.iter().cloned().collect();
    let (total, ids, talents) = run_more(state, &search, &next.filters, exclude, limit).await?;
    let mut expansions = search.expansions.as_array().cloned().unwrap_or_default();
    if let Some(step) = &step {
        expansions
            .push(json!({"kind": step.kind, "description": step.description, "at": iso(now_ms())}));
    }
    search.filters = json!(next.filters.iter().map(filter_to_json).collect::<Vec<_>>());
    search.interpretation["confidences"] = json!(next.confidences);
    search.total = total as i64;
    search.result_ids.extend(ids);
    search.expansions = json!(expansions);
    Ok((search, (step, total, talents)))
}

/// What one expansion did: its step (none when nothing is left to relax),
/// the new total and the new candidates.
type Expanded = (Option<Step>, u64, Vec<Value>);

/// The stored search of a [`change_search`], or the API's error for why not.
fn stored_change<T>(
    changed: Result<Option<(CandidateSearch, T)>, SearchChangeError<ApiError>>,
) -> Result<(CandidateSearch, T), ApiError> {
    match changed {
        Ok(Some(done)) => Ok(done),
        Ok(None) => Err(not_found()),
        Err(SearchChangeError::Store(e)) => Err(internal(e)),
        Err(SearchChangeError::Refused(e)) => Err(e),
        Err(SearchChangeError::Busy) => Err(ApiError::new(
            ErrorCode::Conflict,
            "The search was changed by other requests at the same moment; nothing was lost, try again.",
        )),
    }
}

async fn expand(
    State(state): State<AppState>,
    caller: Caller<SearchesWrite>,
    Path(search_id): Path<String>,
    OptionalJsonBody(body): OptionalJsonBody,
) -> Result<Response, ApiError> {
    let mut r = ObjectReader::new(&body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let limit = r
        .integer("limit", 1, MAX_RESULTS)
        .flatten()
        .unwrap_or(DEFAULT_RESULTS);
    check(r.finish())?;
    let changed = change_search(
        &state.store,
        &caller.key.workspace_id,
        &search_id,
        |_| true,
        |search| expand_once(&state, search, limit as usize),
    )
    .await;
    let (search, (step, total, talents)) = stored_change(changed)?;
    let data = json!({
        "searchId": search.id,
        "step": step,
        "exhausted": step.is_none(),
        "filters": search.filters,
        "total": total,
        "returned": search.result_ids.len(),
        "candidates": talents,
    });
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}
