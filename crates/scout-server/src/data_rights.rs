//! People's data rights over HTTP, for the operator (a key with the `admin`
//! scope, who answers to the people whose data Scout holds):
//!
//! - `DELETE /v1/people/{email or talent id}`: erasure everywhere, with a
//!   record naming nobody and the person's identifiers on the suppression
//!   list (`scout_store::data_rights`);
//! - `GET /v1/people/{email or talent id}/export`: everything held about
//!   the person as one JSON document, in the API's own shapes.
//!
//! Both are written to the audit log. The subject of their events is the
//! talent id, or for an e-mail address the first 16 bytes of its suppression
//! digest, so the log itself keeps no address.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{delete, get};
use axum::Router;
use scout_model::ErrorCode;
use scout_store::data_rights::{suppression_digest, AuditEvent, Footprint, PersonRef};
use serde_json::{json, Value};

use crate::audit::ClientAddress;
use crate::auth::{Caller, Operator};
use crate::error::ApiError;
use crate::views::{iso, ok};
use crate::AppState;

const INTERNAL: &str = "An error occurred while handling the data-rights request";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/people/{person}", delete(erase))
        .route("/v1/people/{person}/export", get(export))
}

fn internal(e: scout_store::StoreError) -> ApiError {
    ApiError::from_domain(e, INTERNAL)
}

fn person(raw: &str) -> Result<PersonRef, ApiError> {
    PersonRef::parse(raw).ok_or_else(|| {
        ApiError::new(
            ErrorCode::ValidationError,
            format!(
                "Name the person by an e-mail address or a talent id (1–{} characters)",
                scout_store::data_rights::MAX_PERSON_REF
            ),
        )
    })
}

/// How the audit log names a person without keeping their address.
pub(crate) fn subject_of(person: &PersonRef) -> String {
    match person {
        PersonRef::Talent(id) => id.clone(),
        PersonRef::Email(email) => {
            let digest = suppression_digest("email", email);
            format!("email-sha256:{}", hex::encode(&digest[..16]))
        }
    }
}

fn event(
    caller: &Caller<Operator>,
    client: &ClientAddress,
    action: &str,
    subject: String,
) -> AuditEvent {
    AuditEvent {
        id: 0,
        at: crate::background_log::now_ms(),
        workspace_id: None,
        actor: format!("key:{}", caller.key.id),
        action: action.into(),
        subject,
        detail: None,
        client: client.0.clone(),
        request_id: Some(crate::error::tracking_code()),
    }
}

/// `DELETE /v1/people/{person}`.
async fn erase(
    State(state): State<AppState>,
    caller: Caller<Operator>,
    client: ClientAddress,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let person = person(&raw)?;
    // pages still waiting to be written would name the person afterwards
    state.transaction_log.flush(&state.store).await;
    let mut audit = event(&caller, &client, "erased", String::new());
    audit.detail = Some("erasure on request".into());
    let erasure = state
        .store
        .erase_person(&person, &audit.actor.clone(), Some(audit))
        .await
        .map_err(internal)?;
    // pages already handed out must not bring the person back from memory
    state.transactions.forget_talents(&erasure.talent_ids);
    tracing::info!(erasure = %erasure.id, "erased a person on request");
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"erasure": {
            "id": erasure.id,
            "at": iso(erasure.at),
            "counts": erasure.counts,
        }}),
    ))
}

/// `GET /v1/people/{person}/export`.
async fn export(
    State(state): State<AppState>,
    caller: Caller<Operator>,
    client: ClientAddress,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let person = person(&raw)?;
    let footprint = state
        .store
        .person_footprint(&person)
        .await
        .map_err(internal)?;
    if footprint.is_empty() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            "Scout holds no data about this person",
        ));
    }
    let document = document(&state, &person, &footprint).await?;
    let subject = footprint
        .talent_ids
        .first()
        .cloned()
        .unwrap_or_else(|| subject_of(&person));
    let mut audit = event(&caller, &client, "exported", subject);
    audit.detail = Some("export on request".into());
    if let Err(e) = state.store.record_audit(&[audit]).await {
        // an export that cannot be logged is not handed out
        return Err(internal(e));
    }
    Ok(ok(StatusCode::OK, caller.limit_headers, document))
}

/// The export: the stored profiles, every candidate entry with its
/// history, every lead with its history, list places, saved searches and
/// search pages that name the person.
async fn document(state: &AppState, person: &PersonRef, f: &Footprint) -> Result<Value, ApiError> {
    let store = &state.store;
    let profiles = store
        .profiles_by_key(&f.stored_profiles)
        .await
        .map_err(internal)?;
    let profiles: Vec<Value> = profiles
        .iter()
        .map(|p| {
            json!({
                "profile": p.talent,
                "firstSeenAt": iso(p.first_seen_at),
                "lastChangedAt": iso(p.last_changed_at),
                "source": p.source,
            })
        })
        .collect();
    let mut candidates = Vec::new();
    for (workspace_id, sourcing_id, candidate_id) in &f.candidates {
        let Some(c) = store
            .get_candidate(sourcing_id, candidate_id)
            .await
            .map_err(internal)?
        else {
            continue; // removed since the footprint was read
        };
        let sourcing = store
            .get_sourcing(workspace_id, sourcing_id)
            .await
            .map_err(internal)?;
        let history = store
            .candidate_history(candidate_id)
            .await
            .map_err(internal)?;
        candidates.push(json!({
            "workspaceId": workspace_id,
            "sourcing": sourcing.as_ref().map(|s| json!({"id": s.id, "title": s.title})),
            "candidate": crate::views::candidate(&c),
            "history": history.iter().map(crate::views::event).collect::<Vec<_>>(),
        }));
    }
    let mut leads = Vec::new();
    for (workspace_id, lead_id) in &f.leads {
        let Some(lead) = store
            .get_lead(Some(workspace_id), lead_id)
            .await
            .map_err(internal)?
        else {
            continue;
        };
        let history = store.lead_history(lead_id).await.map_err(internal)?;
        leads.push(json!({
            "workspaceId": workspace_id,
            "lead": crate::leads::export_view(&lead),
            "history": history.iter().map(|e| json!({
                "at": iso(e.at),
                "kind": e.kind,
                "detail": e.detail,
            })).collect::<Vec<_>>(),
        }));
    }
    let mut lists = Vec::new();
    for (workspace_id, pool_id, talent_id) in &f.list_memberships {
        let pool = store
            .get_pool(workspace_id, pool_id)
            .await
            .map_err(internal)?;
        lists.push(json!({
            "workspaceId": workspace_id,
            "listId": pool_id,
            "name": pool.map(|p| p.name),
            "talentId": talent_id,
        }));
    }
    let searches: Vec<Value> = f
        .saved_searches
        .iter()
        .map(|(w, id)| json!({"workspaceId": w, "candidateSearchId": id}))
        .collect();
    Ok(json!({
        "person": match person {
            PersonRef::Email(e) => json!({"email": e}),
            PersonRef::Talent(t) => json!({"talentId": t}),
        },
        "generatedAt": iso(crate::background_log::now_ms()),
        "identifiers": {"talentIds": f.talent_ids, "emails": f.emails},
        "profiles": profiles,
        "candidates": candidates,
        "leads": leads,
        "lists": lists,
        "savedSearches": searches,
        "searchTransactions": f.search_transactions.len(),
    }))
}
