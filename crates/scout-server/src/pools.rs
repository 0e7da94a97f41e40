//! Saved candidate lists (`/v1/pools/candidates`): made from a search's
//! results or by hand, listed per user, paged, renamed or refilled, deleted
//! and exported as CSV. A list belongs to one workspace; another
//! workspace's list answers 404 like one that does not exist.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use scout_model::{ErrorCode, Talent};
use scout_query::{Issue, PathItem};
use scout_store::{CandidatePool, NewPool, MAX_POOL_MEMBERS};
use serde_json::{json, Value};

use crate::auth::{Actor, Caller, PoolsRead, PoolsWrite};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::validate::{check, ObjectReader, QueryString};
use crate::views::{iso, ok};
use crate::AppState;
use scout_ingest::export::csv_cell;

/// Longest list name.
pub const MAX_NAME_CHARS: usize = 200;
/// Default page of members.
pub const DEFAULT_PAGE_SIZE: i64 = 25;
/// Largest page of members.
pub const MAX_PAGE_SIZE: i64 = 100;
/// Members read from the store per round trip while exporting.
const EXPORT_BATCH: i64 = 500;
const INTERNAL: &str = "An error occurred while handling the candidate list";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/pools/candidates", post(create))
        .route("/v1/pools/candidates/user/{user_id}", get(list_for_user))
        .route(
            "/v1/pools/candidates/{list_id}",
            get(show).put(replace).delete(remove),
        )
        .route("/v1/pools/candidates/{list_id}/export", get(export))
}

fn internal(e: scout_store::StoreError) -> ApiError {
    ApiError::from_domain(e, INTERNAL)
}

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "Candidate list not found")
}

pub(crate) fn view(p: &CandidatePool) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "userId": p.user_id,
        "candidateSearchId": p.search_id,
        "candidateCount": p.member_count,
        "createdAt": iso(p.created_at),
        "updatedAt": iso(p.updated_at),
    })
}

fn summary(t: &Talent) -> Value {
    json!({
        "id": t.id,
        "firstname": t.firstname,
        "lastname": t.lastname,
        "jobTitle": t.job_title,
        "companyName": t.current_organization.as_ref().and_then(|o| o.name.clone()),
        "city": t.city,
        "country": t.country,
        "linkedinUrl": t.linkedin_url,
        "photoUrl": t.photo_url,
    })
}

/// `talentIds`: 0..=MAX_POOL_MEMBERS strings.
fn talent_ids(r: &mut ObjectReader<'_>) -> Option<Vec<String>> {
    let raw = r.raw("talentIds")?;
    let path = vec![PathItem::Key("talentIds".into())];
    let Value::Array(items) = raw else {
        r.issues.push(Issue {
            expected: Some("array"),
            ..Issue::new("invalid_type", path, "Expected an array of talent ids")
        });
        return None;
    };
    if items.len() > MAX_POOL_MEMBERS {
        r.issues.push(Issue::new(
            "too_big",
            path,
            format!("A list holds at most {MAX_POOL_MEMBERS} candidates"),
        ));
        return None;
    }
    let mut ids = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        match v.as_str() {
            Some(s) if !s.trim().is_empty() && s.chars().count() <= 200 => {
                ids.push(s.trim().to_owned())
            }
            _ => r.issues.push(Issue::new(
                "invalid_type",
                vec![PathItem::Key("talentIds".into()), PathItem::Index(i)],
                "Each talent id must be a non-empty string",
            )),
        }
    }
    Some(ids)
}

async fn create(
    State(state): State<AppState>,
    caller: Caller<PoolsWrite>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let pool = create_pool(&state, &caller.actor(), &body).await?;
    Ok(ok(StatusCode::CREATED, caller.limit_headers, view(&pool)))
}

/// Creates a list of the actor's from a body in the API's shape (`name`,
/// `candidateSearchId`, `talentIds`).
pub(crate) async fn create_pool(
    state: &AppState,
    actor: &Actor,
    body: &Value,
) -> Result<CandidatePool, ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let name = r.string("name", true, MAX_NAME_CHARS);
    let search_id = r.nullable_string("candidateSearchId", 100).flatten();
    let extra = talent_ids(&mut r).unwrap_or_default();
    check(r.finish())?;
    let ws = actor.workspace_id.clone();
    let mut members = Vec::new();
    if let Some(id) = &search_id {
        let search = state.store.get_search(&ws, id).await.map_err(internal)?;
        let Some(search) = search else {
            return Err(ApiError::validation(vec![Issue::new(
                "invalid_string",
                vec![PathItem::Key("candidateSearchId".into())],
                format!("Unknown candidate search `{id}`"),
            )]));
        };
        members = search.result_ids;
    }
    members.extend(extra);
    members.truncate(MAX_POOL_MEMBERS);
    state
        .store
        .create_pool(&NewPool {
            workspace_id: ws,
            user_id: actor.user_id.clone(),
            name: name.unwrap_or_default(),
            search_id,
            talent_ids: members,
        })
        .await
        .map_err(internal)
}

async fn list_for_user(
    State(state): State<AppState>,
    caller: Caller<PoolsRead>,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let user = if user_id == "me" {
        caller.key.user_id.clone()
    } else {
        user_id
    };
    let pools = state
        .store
        .list_pools(&caller.key.workspace_id, &user)
        .await
        .map_err(internal)?;
    let data = json!({"lists": pools.iter().map(view).collect::<Vec<_>>()});
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

async fn show(
    State(state): State<AppState>,
    caller: Caller<PoolsRead>,
    Path(list_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let page = q.integer("page", 0, 0, 1_000_000);
    let page_size = q.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    check(q.finish())?;
    let pool = state
        .store
        .get_pool(&caller.key.workspace_id, &list_id)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    let ids = state
        .store
        .pool_members(&pool.id, page * page_size, page_size)
        .await
        .map_err(internal)?;
    let profiles = state
        .store
        .get_profiles(Some(&caller.key.workspace_id), &ids)
        .await
        .map_err(internal)?;
    let found: std::collections::HashMap<&str, &Talent> = profiles
        .iter()
        .map(|p| (p.talent.id.as_str(), &p.talent))
        .collect();
    // A member whose profile was deleted stays in the list, shown by id only.
    let members: Vec<Value> = ids
        .iter()
        .map(|id| {
            found
                .get(id.as_str())
                .map_or_else(|| json!({"id": id, "removed": true}), |t| summary(t))
        })
        .collect();
    let mut data = view(&pool);
    data["candidates"] = json!(members);
    data["pagination"] = json!({
        "page": page, "pageSize": page_size, "totalCount": pool.member_count,
        "totalPages": (pool.member_count + page_size - 1) / page_size,
    });
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

async fn replace(
    State(state): State<AppState>,
    caller: Caller<PoolsWrite>,
    Path(list_id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let pool = replace_pool(&state, &caller.actor(), &list_id, &body).await?;
    Ok(ok(StatusCode::OK, caller.limit_headers, view(&pool)))
}

/// Renames a list and/or replaces its members, from a body in the API's
/// shape; another workspace's list is not found.
pub(crate) async fn replace_pool(
    state: &AppState,
    actor: &Actor,
    list_id: &str,
    body: &Value,
) -> Result<CandidatePool, ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let name = r.string("name", false, MAX_NAME_CHARS);
    let members = talent_ids(&mut r);
    let mut issues = r.finish();
    if name.is_none() && members.is_none() && issues.is_empty() {
        issues.push(Issue::new(
            "custom",
            vec![],
            "Give a new `name`, new `talentIds`, or both",
        ));
    }
    check(issues)?;
    state
        .store
        .update_pool(
            &actor.workspace_id,
            list_id,
            name.as_deref(),
            members.as_deref(),
        )
        .await
        .map_err(internal)?
        .ok_or_else(not_found)
}

async fn remove(
    State(state): State<AppState>,
    caller: Caller<PoolsWrite>,
    Path(list_id): Path<String>,
) -> Result<Response, ApiError> {
    let deleted = state
        .store
        .delete_pool(&caller.key.workspace_id, &list_id)
        .await
        .map_err(internal)?;
    if !deleted {
        return Err(not_found());
    }
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"id": list_id, "deleted": true}),
    ))
}

async fn export(
    State(state): State<AppState>,
    caller: Caller<PoolsRead>,
    Path(list_id): Path<String>,
) -> Result<Response, ApiError> {
    let mut response = export_csv(&state, &caller.key.workspace_id, &list_id).await?;
    for (k, v) in caller.limit_headers {
        response.headers_mut().insert(k, v);
    }
    Ok(response)
}

/// A list of `workspace_id` as a CSV download (one row per member, in the
/// list's order); another workspace's list is not found.
pub(crate) async fn export_csv(
    state: &AppState,
    workspace_id: &str,
    list_id: &str,
) -> Result<Response, ApiError> {
    let pool = state
        .store
        .get_pool(workspace_id, list_id)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    let mut csv =
        String::from("id,firstname,lastname,jobTitle,companyName,city,country,linkedinUrl\r\n");
    let mut offset = 0;
    loop {
        let ids = state
            .store
            .pool_members(&pool.id, offset, EXPORT_BATCH)
            .await
            .map_err(internal)?;
        if ids.is_empty() {
            break;
        }
        offset += ids.len() as i64;
        let profiles = state
            .store
            .get_profiles(Some(workspace_id), &ids)
            .await
            .map_err(internal)?;
        let found: std::collections::HashMap<&str, &Talent> = profiles
            .iter()
            .map(|p| (p.talent.id.as_str(), &p.talent))
            .collect();
        for id in &ids {
            let t = found.get(id.as_str());
            let company = t
                .and_then(|t| t.current_organization.as_ref())
                .and_then(|o| o.name.as_deref());
            let fields = [
                Some(id.as_str()),
                t.and_then(|t| t.firstname.as_deref()),
                t.and_then(|t| t.lastname.as_deref()),
                t.and_then(|t| t.job_title.as_deref()),
                company,
                t.and_then(|t| t.city.as_deref()),
                t.and_then(|t| t.country.as_deref()),
                t.and_then(|t| t.linkedin_url.as_deref()),
            ];
            let line: Vec<String> = fields.into_iter().map(csv_cell).collect();
            csv.push_str(&line.join(","));
            csv.push_str("\r\n");
        }
    }
    let filename: String = pool
        .name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}.csv\""),
            ),
        ],
        csv,
    )
        .into_response())
}
