//! The candidates of a sourcing: `GET /v1/sourcings/{sourcingId}/candidates`
//! exactly as documented, and the pipeline's write side in the same style —
//! add talents (by id or from a search transaction) and applicants, move
//! them through stages, rate them, log contacts and notes, read their
//! history.

use std::collections::HashSet;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use scout_ingest::candidates::{assess, profile_of_entered, snapshot};
use scout_model::{CandidateType, Stage, Talent};
use scout_query::{Issue, PathItem};
use scout_store::{
    CandidateChange, CandidateProfile, CandidateQuery, CandidateSort, NewCandidate, Sourcing,
};
use serde_json::{json, Value};

use crate::auth::{Actor, Caller, SourcingRead, SourcingWrite};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::validate::{check, enum_issue, ObjectReader, QueryString};
use crate::views::{candidate, event, ok, row};
use crate::AppState;

/// Default page size of the candidate list.
pub const DEFAULT_PAGE_SIZE: i64 = 25;
/// Largest page size of the candidate list.
pub const MAX_PAGE_SIZE: i64 = 50;
/// Most talent ids added in one request.
pub const MAX_TALENTS_PER_ADD: usize = 1_000;
/// Most applicants added in one request.
pub const MAX_ENTRIES_PER_ADD: usize = 100;
/// Most values of one repeatable filter.
pub const MAX_FILTER_VALUES: usize = 50;
/// Longest note.
pub const MAX_NOTE_CHARS: usize = 5_000;

const INTERNAL: &str = "An error occurred while handling the candidates";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/v1/sourcings/{sourcing_id}/candidates",
            get(list).post(add),
        )
        .route(
            "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}",
            get(show).patch(change).delete(remove),
        )
        .route(
            "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}/contacts",
            post(contact),
        )
        .route(
            "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}/notes",
            post(note),
        )
        .route(
            "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}/history",
            get(history),
        )
}

fn internal(e: impl scout_model::HasErrorCode + std::fmt::Display) -> ApiError {
    ApiError::from_domain(e, INTERNAL)
}

fn key(k: &str) -> Vec<PathItem> {
    vec![PathItem::Key(k.to_owned())]
}

pub(crate) async fn sourcing_of(
    state: &AppState,
    workspace: &str,
    id: &str,
) -> Result<Sourcing, ApiError> {
    state
        .store
        .get_sourcing(workspace, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| ApiError::not_found("Sourcing"))
}

/// Re-scores stale candidates on a blocking thread (runs never overlap:
/// `refresh_stale` holds its own lock, the follower's runs included).
pub(crate) fn rescore_in_background(state: &AppState) {
    let (store, engine) = (state.store.clone(), state.engine.clone());
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        handle.block_on(async move {
            match scout_ingest::candidates::refresh_stale(&store, &engine).await {
                Ok(n) => tracing::info!(candidates = n, "candidates re-scored"),
                Err(e) => tracing::error!(error = %e, "re-scoring candidates failed"),
            }
        })
    });
}

async fn list(
    State(state): State<AppState>,
    caller: Caller<SourcingRead>,
    Path(sourcing_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let page_index = q.integer("pageIndex", 0, 0, i64::from(i32::MAX));
    let page_size = q.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    // The documents do not name the free-text parameter; `search` is ours,
    // `q` and `query` are accepted as its aliases.
    let text = [q.one("search"), q.one("q"), q.one("query")]
        .into_iter()
        .flatten()
        .next();
    if text.as_ref().is_some_and(|t| t.chars().count() > 200) {
        q.issues.push(Issue::new(
            "too_big",
            key("search"),
            "String must contain at most 200 character(s)",
        ));
    }
    let handles: Vec<&'static str> = Stage::ALL.iter().map(|s| s.handle()).collect();
    let mut stages = Vec::new();
    for value in q.all("statusHandle", 50) {
        match Stage::from_handle(&value.to_ascii_uppercase()) {
            Some(s) => stages.push(s),
            None => q
                .issues
                .push(enum_issue(key("statusHandle"), &handles, &value)),
        }
    }
    let locations = q.all("location", 200);
    let job_titles = q.all("jobTitle", 200);
    let companies = q.all("currentCompany", 200);
    for (name, values) in [
        ("location", &locations),
        ("jobTitle", &job_titles),
        ("currentCompany", &companies),
    ] {
        if values.len() > MAX_FILTER_VALUES {
            q.issues.push(Issue::new(
                "too_big",
                key(name),
                format!("At most {MAX_FILTER_VALUES} values"),
            ));
        }
    }
    let sort_field = q.one_of("sortField", &CandidateSort::NAMES);
    let sort_order = q.one_of("sortOrder", &["asc", "desc"]);
    check(q.finish())?;
    let sort = sort_field
        .and_then(CandidateSort::parse)
        .unwrap_or(CandidateSort::CreatedAt);
    // Newest first by default; ascending once a field is chosen.
    let descending = match sort_order {
        Some(o) => o == "desc",
        None => sort_field.is_none(),
    };
    let query = CandidateQuery {
        sourcing_id,
        stages,
        text,
        locations,
        job_titles,
        companies,
        sort,
        descending,
        offset: page_index.saturating_mul(page_size),
        limit: page_size,
    };
    let (items, total) = state
        .store
        .list_owned_candidates(&caller.key.workspace_id, &query)
        .await
        .map_err(internal)?
        .ok_or_else(|| ApiError::not_found("Sourcing"))?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({
            "candidates": items.iter().map(row).collect::<Vec<_>>(),
            "pagination": {
                "pageIndex": page_index,
                "pageSize": page_size,
                "total": total,
                "hasNextPage": (page_index + 1).saturating_mul(page_size) < total,
            }
        }),
    ))
}

/// An applicant, prospect or upload entered by hand (Hirempire's fields).
struct Entry {
    kind: CandidateType,
    stage: Option<Stage>,
    profile: CandidateProfile,
    source: Option<String>,
    stated_years: Option<f64>,
    salary_expectation: Option<f64>,
}

fn split_name(name: &str) -> (Option<String>, Option<String>) {
    match name.trim().split_once(char::is_whitespace) {
        Some((first, rest)) => (Some(first.to_owned()), Some(rest.trim().to_owned())),
        None => (Some(name.trim().to_owned()), None),
    }
}

fn read_entry(value: &Value, path: Vec<PathItem>, issues: &mut Vec<Issue>) -> Option<Entry> {
    let mut r = match ObjectReader::new(value, path.clone()) {
        Ok(r) => r,
        Err(i) => {
            issues.push(*i);
            return None;
        }
    };
    let kind = r
        .one_of("type", &["applicant", "prospect", "upload"])
        .and_then(CandidateType::parse)
        .unwrap_or(CandidateType::Applicant);
    let status = r.string("status", false, 50);
    let name = r.string("name", true, 200);
    let email = r.string("email", false, 320);
    if email.as_ref().is_some_and(|e| !e.contains('@')) {
        let mut p = path.clone();
        p.push(PathItem::Key("email".into()));
        r.issues
            .push(Issue::new("invalid_string", p, "Invalid email"));
    }
    let profile = CandidateProfile {
        email,
        phone: r.string("phone_number", false, 50),
        linkedin_url: r.web_url("linkedin_url"),
        cv_url: r.web_url("cv_url"),
        photo_url: r.web_url("photo_url"),
        nationality: r.string("nationality", false, 100),
        city: r.string("location", false, 200),
        job_title: r.string("job_title", false, 200),
        company_name: r.string("company_name", false, 200),
        ..Default::default()
    };
    let source = r.string("source", false, 200);
    let stated_years = r.number("experience_years", 0.0, 80.0).flatten();
    let salary_expectation = r.number("salary_expectation", 0.0, 1e12).flatten();
    let stage = match status {
        None => None,
        Some(s) => match Stage::parse(&s) {
            Some(stage) => Some(stage),
            None => {
                let mut p = path.clone();
                p.push(PathItem::Key("status".into()));
                r.issues.push(enum_issue(p, &Stage::JOB_STATUSES, &s));
                None
            }
        },
    };
    let found = r.finish();
    let ok = found.is_empty();
    issues.extend(found);
    let (firstname, lastname) = split_name(name.as_deref().unwrap_or(""));
    ok.then_some(Entry {
        kind,
        stage,
        profile: CandidateProfile {
            firstname,
            lastname,
            ..profile
        },
        source,
        stated_years,
        salary_expectation,
    })
}

fn string_list(
    value: &Value,
    path: Vec<PathItem>,
    max: usize,
    issues: &mut Vec<Issue>,
) -> Vec<String> {
    match value {
        Value::Array(items) if items.len() > max => {
            issues.push(Issue::new(
                "too_big",
                path,
                format!("Array must contain at most {max} element(s)"),
            ));
            Vec::new()
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                _ => {
                    let mut p = path.clone();
                    p.push(PathItem::Index(i));
                    issues.push(Issue::new("invalid_type", p, "Expected a non-empty string"));
                    None
                }
            })
            .collect(),
        _ => {
            issues.push(Issue::new("invalid_type", path, "Expected array"));
            Vec::new()
        }
    }
}

async fn add(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    Path(sourcing_id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let (status, data) = add_candidates(&state, &caller.actor(), &sourcing_id, &body).await?;
    Ok(ok(status, caller.limit_headers, data))
}

/// Adds talents (by id or from a search transaction) and applicants to a
/// sourcing, from a body in the API's shape; `201` when any is new.
pub(crate) async fn add_candidates(
    state: &AppState,
    actor: &Actor,
    sourcing_id: &str,
    body: &Value,
) -> Result<(StatusCode, Value), ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let mut issues = Vec::new();
    let talent_ids = r
        .raw("talentIds")
        .map(|v| string_list(v, key("talentIds"), MAX_TALENTS_PER_ADD, &mut issues))
        .unwrap_or_default();
    let transaction = r.string("searchTransactionId", false, 100);
    let stage = r.string("statusHandle", false, 50);
    let entries: Vec<Entry> = match r.raw("candidates") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) if items.len() > MAX_ENTRIES_PER_ADD => {
            issues.push(Issue::new(
                "too_big",
                key("candidates"),
                format!("Array must contain at most {MAX_ENTRIES_PER_ADD} element(s)"),
            ));
            Vec::new()
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                read_entry(
                    v,
                    vec![PathItem::Key("candidates".into()), PathItem::Index(i)],
                    &mut issues,
                )
            })
            .collect(),
        Some(_) => {
            issues.push(Issue::new(
                "invalid_type",
                key("candidates"),
                "Expected array",
            ));
            Vec::new()
        }
    };
    let stage = match stage {
        None => None,
        Some(s) => match Stage::parse(&s) {
            Some(st) => Some(st),
            None => {
                let handles: Vec<&str> = Stage::ALL.iter().map(|s| s.handle()).collect();
                issues.push(enum_issue(key("statusHandle"), &handles, &s));
                None
            }
        },
    };
    issues.extend(r.finish());
    if issues.is_empty() && talent_ids.is_empty() && transaction.is_none() && entries.is_empty() {
        issues.push(Issue::new(
            "custom",
            vec![],
            "Give talentIds, a searchTransactionId or candidates to add",
        ));
    }
    check(issues)?;
    let workspace = actor.workspace_id.clone();
    let sourcing = sourcing_of(state, &workspace, sourcing_id).await?;

    let mut wanted: Vec<String> = talent_ids.clone();
    if let Some(t) = &transaction {
        let found = crate::talents::transactions_of(state, &workspace, std::slice::from_ref(t))
            .await
            .map_err(internal)?;
        let Some((_, ids)) = found.into_iter().next() else {
            return Err(ApiError::validation(vec![Issue::new(
                "invalid_string",
                key("searchTransactionId"),
                format!("Unknown search transaction `{t}`"),
            )]));
        };
        wanted.extend(ids.iter().cloned());
    }
    let mut seen = HashSet::new();
    wanted.retain(|id| seen.insert(id.clone()));
    let profiles = state
        .store
        .get_profiles(Some(&workspace), &wanted)
        .await
        .map_err(internal)?;
    let found: HashSet<&str> = profiles.iter().map(|p| p.talent.id.as_str()).collect();
    let unknown: Vec<Issue> = talent_ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !found.contains(id.as_str()))
        .map(|(i, id)| {
            Issue::new(
                "invalid_string",
                vec![PathItem::Key("talentIds".into()), PathItem::Index(i)],
                format!("Unknown talent `{id}`"),
            )
        })
        .collect();
    check(unknown)?;

    let entered: Vec<Talent> = entries
        .iter()
        .map(|e| profile_of_entered(&e.profile))
        .collect();
    let subjects: Vec<(Talent, Option<f64>)> = profiles
        .iter()
        .map(|p| (p.talent.clone(), None))
        .chain(
            entered
                .into_iter()
                .zip(entries.iter().map(|e| e.stated_years)),
        )
        .collect();
    let engine = state.engine.clone();
    let for_scoring = sourcing.clone();
    let fits = tokio::task::spawn_blocking(move || {
        let refs: Vec<(&Talent, Option<f64>)> = subjects.iter().map(|(t, y)| (t, *y)).collect();
        assess(&engine, &for_scoring, &refs)
    })
    .await
    .map_err(|e| ApiError::internal(&e, INTERNAL))?
    .map_err(internal)?;
    let version = sourcing.requirements_version;
    let mut fits = fits.into_iter();
    let mut new = Vec::with_capacity(profiles.len() + entries.len());
    for p in &profiles {
        new.push(NewCandidate {
            talent_id: Some(p.talent.id.clone()),
            kind: CandidateType::Prospect,
            stage: stage.unwrap_or(Stage::ToBeContacted),
            profile: snapshot(&p.talent),
            source: Some(
                if transaction.is_some() {
                    "Scout search"
                } else {
                    "Scout talent index"
                }
                .to_owned(),
            ),
            salary_expectation: None,
            stated_years: None,
            profile_seq: Some(p.seq),
            fit: fits.next().map(|f| (f, version)),
        });
    }
    for e in entries {
        new.push(NewCandidate {
            talent_id: None,
            kind: e.kind,
            stage: e.stage.or(stage).unwrap_or(e.kind.initial_stage()),
            profile: e.profile,
            source: e.source,
            salary_expectation: e.salary_expectation,
            stated_years: e.stated_years,
            profile_seq: None,
            fit: fits.next().map(|f| (f, version)),
        });
    }
    let added = state
        .store
        .add_candidates(&sourcing.id, Some(&actor.user), &new)
        .await
        .map_err(internal)?;
    let created = added.iter().filter(|a| a.created).count();
    let status = if created > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        json!({
            "added": created,
            "existing": added.len() - created,
            "candidates": added.iter().zip(&new).map(|(a, n)| json!({
                "id": a.id, "talentId": n.talent_id, "created": a.created,
            })).collect::<Vec<_>>(),
        }),
    ))
}

async fn show(
    State(state): State<AppState>,
    caller: Caller<SourcingRead>,
    Path((sourcing_id, candidate_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let sourcing = sourcing_of(&state, &caller.key.workspace_id, &sourcing_id).await?;
    let c = state
        .store
        .get_candidate(&sourcing.id, &candidate_id)
        .await
        .map_err(internal)?
        .ok_or_else(|| ApiError::not_found("Candidate"))?;
    let profile = match &c.talent_id {
        Some(t) => state
            .store
            .get_profiles(Some(&caller.key.workspace_id), std::slice::from_ref(t))
            .await
            .map_err(internal)?
            .into_iter()
            .next()
            .and_then(|p| serde_json::to_value(p.talent).ok()),
        None => None,
    };
    let mut body = row(&c);
    body["profile"] = profile.unwrap_or(Value::Null);
    Ok(ok(StatusCode::OK, caller.limit_headers, body))
}

async fn apply_changes(
    state: &AppState,
    caller_workspace: &str,
    actor: &str,
    ids: (&str, &str),
    changes: &[CandidateChange],
) -> Result<Value, ApiError> {
    let sourcing = sourcing_of(state, caller_workspace, ids.0).await?;
    let c = state
        .store
        .change_candidate(&sourcing.id, ids.1, Some(actor), changes)
        .await
        .map_err(internal)?
        .ok_or_else(|| ApiError::not_found("Candidate"))?;
    Ok(json!({"candidate": candidate(&c)}))
}

async fn change(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    Path((sourcing_id, candidate_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let data = change_candidate(
        &state,
        &caller.actor(),
        (&sourcing_id, &candidate_id),
        &body,
    )
    .await?;
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

/// Moves a candidate to a stage and/or rates them, from a body in the API's
/// shape (`statusHandle` or `status`, `userRating`).
pub(crate) async fn change_candidate(
    state: &AppState,
    actor: &Actor,
    ids: (&str, &str),
    body: &Value,
) -> Result<Value, ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let handle = r.string("statusHandle", false, 50);
    let job_status = r.string("status", false, 50);
    let rating = r.integer("userRating", 1, 5);
    let mut changes = Vec::new();
    let handles: Vec<&str> = Stage::ALL.iter().map(|s| s.handle()).collect();
    match (handle, job_status) {
        (Some(_), Some(_)) => r.issues.push(Issue::new(
            "custom",
            vec![],
            "Give statusHandle or status, not both",
        )),
        (Some(h), None) => match Stage::from_handle(&h) {
            Some(s) => changes.push(CandidateChange::Stage(s)),
            None => r.issues.push(enum_issue(key("statusHandle"), &handles, &h)),
        },
        (None, Some(s)) => match Stage::from_job_status(&s) {
            Some(st) => changes.push(CandidateChange::Stage(st)),
            None => r
                .issues
                .push(enum_issue(key("status"), &Stage::JOB_STATUSES, &s)),
        },
        (None, None) => {}
    }
    if let Some(rating) = rating {
        changes.push(CandidateChange::Rating(rating));
    }
    let mut issues = r.finish();
    if issues.is_empty() && changes.is_empty() {
        issues.push(Issue::new(
            "custom",
            vec![],
            "Give statusHandle, status or userRating to change",
        ));
    }
    check(issues)?;
    apply_changes(state, &actor.workspace_id, &actor.user, ids, &changes).await
}

async fn contact(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    Path((sourcing_id, candidate_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let mut r = ObjectReader::new(&body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let channel = r.one_of("channel", &["email", "phone", "linkedin"]);
    if channel.is_none() && body.get("channel").is_none() {
        r.issues.push(Issue {
            expected: Some("'email' | 'phone' | 'linkedin'"),
            received: Some("undefined"),
            ..Issue::new("invalid_type", key("channel"), "Required")
        });
    }
    let value = r.string("value", false, 500);
    let note = r.string("note", false, MAX_NOTE_CHARS);
    check(r.finish())?;
    let change = CandidateChange::Contact {
        channel: channel.unwrap_or("email").to_owned(),
        value,
        note,
    };
    let data = apply_changes(
        &state,
        &caller.key.workspace_id,
        &caller.key.user,
        (&sourcing_id, &candidate_id),
        &[change],
    )
    .await?;
    Ok(ok(StatusCode::CREATED, caller.limit_headers, data))
}

async fn note(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    Path((sourcing_id, candidate_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let data = add_note(
        &state,
        &caller.actor(),
        (&sourcing_id, &candidate_id),
        &body,
    )
    .await?;
    Ok(ok(StatusCode::CREATED, caller.limit_headers, data))
}

/// Adds a note (`{text}`) to a candidate's history.
pub(crate) async fn add_note(
    state: &AppState,
    actor: &Actor,
    ids: (&str, &str),
    body: &Value,
) -> Result<Value, ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let text = r.string("text", true, MAX_NOTE_CHARS);
    check(r.finish())?;
    apply_changes(
        state,
        &actor.workspace_id,
        &actor.user,
        ids,
        &[CandidateChange::Note(text.unwrap_or_default())],
    )
    .await
}

async fn history(
    State(state): State<AppState>,
    caller: Caller<SourcingRead>,
    Path((sourcing_id, candidate_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let sourcing = sourcing_of(&state, &caller.key.workspace_id, &sourcing_id).await?;
    state
        .store
        .get_candidate(&sourcing.id, &candidate_id)
        .await
        .map_err(internal)?
        .ok_or_else(|| ApiError::not_found("Candidate"))?;
    let events = state
        .store
        .candidate_history(&candidate_id)
        .await
        .map_err(internal)?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"events": events.iter().map(event).collect::<Vec<_>>()}),
    ))
}

async fn remove(
    State(state): State<AppState>,
    caller: Caller<SourcingWrite>,
    Path((sourcing_id, candidate_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let sourcing = sourcing_of(&state, &caller.key.workspace_id, &sourcing_id).await?;
    let gone = state
        .store
        .delete_candidate(&sourcing.id, &candidate_id)
        .await
        .map_err(internal)?;
    if !gone {
        return Err(ApiError::not_found("Candidate"));
    }
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"id": candidate_id, "deleted": true}),
    ))
}
