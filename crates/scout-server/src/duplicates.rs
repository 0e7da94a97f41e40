//! The review queue of duplicates (`scout_store::duplicates`): pairs of
//! profiles taken for one person, listed, merged, dismissed ("not a
//! duplicate", remembered), and merges undone; and a scan of the pool on
//! demand. A key acts on its workspace's own profiles; an operator's key
//! (`admin`) on the shared pool with `?pool=shared`. Another workspace's
//! pair answers as one that does not exist.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use scout_model::ErrorCode;
use scout_store::duplicates::{Duplicate, DuplicateQuery};
use serde_json::{json, Value};

use crate::auth::{Caller, Scope, TalentsSearch, TalentsWrite};
use crate::error::ApiError;
use crate::validate::{check, QueryString};
use crate::views::{iso, ok};
use crate::AppState;

const INTERNAL: &str = "An error occurred while handling duplicates";
/// Pairs per page by default, and at most.
pub const DEFAULT_PAGE_SIZE: i64 = 25;
/// The most pairs a page holds.
pub const MAX_PAGE_SIZE: i64 = 100;
/// The statuses a pair can have.
pub const STATUSES: [&str; 3] = ["open", "merged", "dismissed"];

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/duplicates", get(list))
        .route("/v1/duplicates/scan", post(scan))
        .route("/v1/duplicates/{id}", get(show))
        .route("/v1/duplicates/{id}/merge", post(merge))
        .route("/v1/duplicates/{id}/dismiss", post(dismiss))
        .route("/v1/duplicates/{id}/undo", post(undo))
}

fn internal(e: scout_store::StoreError) -> ApiError {
    ApiError::from_domain(e, INTERNAL)
}

fn not_found() -> ApiError {
    ApiError::not_found("Duplicate")
}

fn pool_param<S: Scope>(caller: &Caller<S>, raw: Option<&str>) -> Result<Option<String>, ApiError> {
    let mut q = QueryString::parse(raw);
    let pool = q.one_of("pool", &["workspace", "shared"]);
    check(q.finish())?;
    crate::profiles::pool_of(pool, &caller.key)
}

/// A pair as the API shows it.
pub(crate) fn view(d: &Duplicate) -> Value {
    json!({
        "id": d.id,
        "pool": if d.workspace_id.is_some() { "workspace" } else { "shared" },
        "talentIds": d.talent_ids,
        "reason": d.reason,
        "certain": d.reason.certain(),
        "status": d.status,
        "createdAt": iso(d.created_at),
        "decidedAt": d.decided_at.map(iso),
        "decidedBy": d.decided_by,
        "survivorId": d.survivor_id,
    })
}

/// `GET /v1/duplicates?status=open|merged|dismissed&page=&pageSize=&pool=`.
async fn list(
    State(state): State<AppState>,
    caller: Caller<TalentsSearch>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let status = q.one_of("status", &STATUSES).unwrap_or("open");
    let page = q.integer("page", 0, 0, 100_000);
    let page_size = q.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    let pool = q.one_of("pool", &["workspace", "shared"]);
    check(q.finish())?;
    let workspace = crate::profiles::pool_of(pool, &caller.key)?;
    let (items, total) = state
        .store
        .list_duplicates(
            workspace.as_deref(),
            &DuplicateQuery {
                status: Some(status.to_owned()),
                offset: page * page_size,
                limit: page_size,
            },
        )
        .await
        .map_err(internal)?;
    let ids: Vec<String> = items
        .iter()
        .flat_map(|d| d.talent_ids.iter().cloned())
        .collect();
    let profiles = state
        .store
        .get_profiles(Some(&caller.key.workspace_id), &ids)
        .await
        .map_err(internal)?;
    let talents: serde_json::Map<String, Value> = profiles
        .into_iter()
        .filter_map(|p| Some((p.talent.id.clone(), serde_json::to_value(p.talent).ok()?)))
        .collect();
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({
            "duplicates": items.iter().map(view).collect::<Vec<_>>(),
            "talents": talents,
            "total": total,
            "page": page,
            "pageSize": page_size,
        }),
    ))
}

async fn show(
    State(state): State<AppState>,
    caller: Caller<TalentsSearch>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let workspace = pool_param(&caller, raw.as_deref())?;
    let d = state
        .store
        .get_duplicate(workspace.as_deref(), &id)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    Ok(ok(StatusCode::OK, caller.limit_headers, view(&d)))
}

fn actor_of<S: Scope>(caller: &Caller<S>) -> String {
    format!("key:{}", caller.key.id)
}

/// What a decision answers: the pair, or `404` / `409`.
fn decided(
    caller: Caller<TalentsWrite>,
    outcome: Result<Option<Duplicate>, scout_store::StoreError>,
) -> Result<Response, ApiError> {
    match outcome {
        Ok(Some(d)) => Ok(ok(StatusCode::OK, caller.limit_headers, view(&d))),
        Ok(None) => Err(not_found()),
        Err(scout_store::StoreError::Refused(why)) => Err(ApiError::new(ErrorCode::Conflict, why)),
        Err(e) => Err(internal(e)),
    }
}

/// What a person decides about a pair.
#[derive(Clone, Copy)]
enum Decision {
    Merge,
    Dismiss,
    Undo,
}

async fn decide(
    state: &AppState,
    caller: Caller<TalentsWrite>,
    id: &str,
    raw: Option<&str>,
    decision: Decision,
) -> Result<Response, ApiError> {
    let workspace = pool_param(&caller, raw)?;
    let (pool, actor) = (workspace.as_deref(), actor_of(&caller));
    let outcome = match decision {
        Decision::Merge => state.store.merge_duplicate(pool, id, &actor).await,
        Decision::Dismiss => state.store.dismiss_duplicate(pool, id, &actor).await,
        Decision::Undo => state.store.undo_merge(pool, id, &actor).await,
    };
    decided(caller, outcome)
}

async fn merge(
    State(state): State<AppState>,
    caller: Caller<TalentsWrite>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    decide(&state, caller, &id, raw.as_deref(), Decision::Merge).await
}

async fn dismiss(
    State(state): State<AppState>,
    caller: Caller<TalentsWrite>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    decide(&state, caller, &id, raw.as_deref(), Decision::Dismiss).await
}

async fn undo(
    State(state): State<AppState>,
    caller: Caller<TalentsWrite>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    decide(&state, caller, &id, raw.as_deref(), Decision::Undo).await
}

/// `POST /v1/duplicates/scan`: every profile of the pool looked at.
async fn scan(
    State(state): State<AppState>,
    caller: Caller<TalentsWrite>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let workspace = pool_param(&caller, raw.as_deref())?;
    let outcome = state
        .store
        .scan_duplicates(workspace.as_deref(), &actor_of(&caller))
        .await
        .map_err(internal)?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        serde_json::to_value(outcome).unwrap_or(Value::Null),
    ))
}
