//! Sourcing projects (which are also jobs): create, list, get, update,
//! archive, delete — in the Kalent documents' style (`/v1/sourcings`,
//! `{success, data}`, camelCase). A sourcing of another workspace answers
//! `404 not_found`, exactly like one that does not exist.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use scout_query::PathItem;
use scout_store::{ArchiveFilter, NewSourcing, Salary, Sourcing, SourcingChanges};
use serde_json::{json, Value};

use crate::auth::{Actor, Caller, SourcingRead, SourcingWrite};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::validate::{check, ObjectReader, QueryString};
use crate::views::{ok, sourcing};
use crate::AppState;

/// Longest sourcing title.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest description.
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
/// Default and largest page of sourcings.
pub const DEFAULT_PAGE_SIZE: i64 = 25;
/// Largest page of sourcings.
pub const MAX_PAGE_SIZE: i64 = 50;

const INTERNAL: &str = "An error occurred while handling the sourcing";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/sourcings", get(list).post(create))
        .route(
            "/v1/sourcings/{sourcing_id}",
            get(show).patch(update).delete(remove),
        )
}

fn internal(e: scout_store::StoreError) -> ApiError {
    ApiError::from_domain(e, INTERNAL)
}

fn salary(reader: &mut ObjectReader<'_>) -> Option<Option<Salary>> {
    let raw = reader.raw("salary")?;
    if raw.is_null() {
        return Some(None);
    }
    let mut inner = match ObjectReader::new(raw, vec![PathItem::Key("salary".into())]) {
        Ok(r) => r,
        Err(issue) => {
            reader.issues.push(*issue);
            return None;
        }
    };
    let min = inner.number("min", 0.0, 1e12).flatten();
    let max = inner.number("max", 0.0, 1e12).flatten();
    let currency = inner.string("currency", false, 3);
    if let (Some(lo), Some(hi)) = (min, max) {
        if lo > hi {
            inner.issues.push(scout_query::Issue::new(
                "custom",
                vec![PathItem::Key("salary".into()), PathItem::Key("max".into())],
                "max must be greater than or equal to min",
            ));
        }
    }
    reader.issues.extend(inner.finish());
    Some(Some(Salary { min, max, currency }))
}

/// Requirements: search filter objects, validated exactly as in a search.
fn requirements(reader: &mut ObjectReader<'_>) -> Option<Value> {
    let raw = reader.raw("requirements")?;
    match scout_query::parse_filter_list(raw, vec![PathItem::Key("requirements".into())]) {
        Ok(filters) => Some(Value::Array(
            filters
                .iter()
                .map(scout_query::search_request::filter_to_json)
                .collect(),
        )),
        Err(issues) => {
            reader.issues.extend(issues);
            None
        }
    }
}

async fn create(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let created = create_sourcing(&state, &caller.actor(), &body).await?;
    Ok(ok(
        StatusCode::CREATED,
        caller.limit_headers,
        json!({"sourcing": sourcing(&created)}),
    ))
}

/// Creates a sourcing from a body in the API's shape (the web app's form
/// is read into the same shape), validated as the document says.
pub(crate) async fn create_sourcing(
    state: &AppState,
    actor: &Actor,
    body: &Value,
) -> Result<Sourcing, ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let title = r.string("title", true, MAX_TITLE_CHARS);
    let description = r
        .nullable_string("description", MAX_DESCRIPTION_CHARS)
        .flatten();
    let location = r.nullable_string("location", 200).flatten();
    let salary = salary(&mut r).flatten();
    let requirements = requirements(&mut r).unwrap_or_else(|| json!([]));
    check(r.finish())?;
    let new = NewSourcing {
        title: title.unwrap_or_default(),
        description,
        location,
        salary,
        requirements,
        created_by: Some(actor.user.clone()),
    };
    state
        .store
        .create_sourcing(&actor.workspace_id, &new)
        .await
        .map_err(internal)
}

async fn list(
    State(state): State<AppState>,
    caller: Caller<SourcingRead>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let page_index = q.integer("pageIndex", 0, 0, i64::from(i32::MAX));
    let page_size = q.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    let archive = match q.one_of("status", &["active", "archived", "all"]) {
        Some("archived") => ArchiveFilter::Archived,
        Some("all") => ArchiveFilter::All,
        _ => ArchiveFilter::Active,
    };
    check(q.finish())?;
    let (items, total) = state
        .store
        .list_sourcings(
            &caller.key.workspace_id,
            archive,
            page_index * page_size,
            page_size,
        )
        .await
        .map_err(internal)?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({
            "sourcings": items.iter().map(sourcing).collect::<Vec<_>>(),
            "pagination": {
                "pageIndex": page_index,
                "pageSize": page_size,
                "total": total,
                "hasNextPage": (page_index + 1) * page_size < total,
            }
        }),
    ))
}

async fn show(
    State(state): State<AppState>,
    caller: Caller<SourcingRead>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = state
        .store
        .get_sourcing(&caller.key.workspace_id, &id)
        .await
        .map_err(internal)?
        .ok_or_else(|| ApiError::not_found("Sourcing"))?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"sourcing": sourcing(&found)}),
    ))
}

async fn update(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let updated = update_sourcing(&state, &caller.actor(), &id, &body).await?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"sourcing": sourcing(&updated)}),
    ))
}

/// Changes a sourcing from a body in the API's shape; a sourcing of another
/// workspace is not found.
pub(crate) async fn update_sourcing(
    state: &AppState,
    actor: &Actor,
    id: &str,
    body: &Value,
) -> Result<Sourcing, ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let changes = SourcingChanges {
        title: r.string("title", false, MAX_TITLE_CHARS),
        description: r.nullable_string("description", MAX_DESCRIPTION_CHARS),
        location: r.nullable_string("location", 200),
        salary: salary(&mut r),
        requirements: requirements(&mut r),
        archived: r.boolean("archived"),
    };
    if body.get("title").is_some_and(Value::is_null) {
        r.issues.push(scout_query::Issue::new(
            "invalid_type",
            vec![PathItem::Key("title".into())],
            "Expected string, received null",
        ));
    }
    check(r.finish())?;
    let updated = state
        .store
        .update_sourcing(&actor.workspace_id, id, &changes)
        .await
        .map_err(internal)?
        .ok_or_else(|| ApiError::not_found("Sourcing"))?;
    if changes.requirements.is_some() || changes.location.is_some() {
        // Every candidate's fit is now stale; re-score in the background.
        crate::pipeline::rescore_in_background(state);
    }
    Ok(updated)
}

async fn remove(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let gone = state
        .store
        .delete_sourcing(&caller.key.workspace_id, &id)
        .await
        .map_err(internal)?;
    if !gone {
        return Err(ApiError::not_found("Sourcing"));
    }
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"id": id, "deleted": true}),
    ))
}
