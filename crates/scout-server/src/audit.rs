//! The audit log: who viewed, exported, changed or erased which person's
//! data, when and from where (docs/operations.md, "Data rights").
//!
//! One table, [`AUDITED`], names the routes that touch one person's data —
//! API and web app alike — with the action and the path parameter that
//! names the subject. A route layer records an event for each of them that
//! succeeded, with the caller that the key or session extractor left in the
//! request's [`WhoSlot`], the client's address and the request's id; the
//! events reach the store in batches (`background_log.rs`), so a page never
//! waits for the store's write lock. Exports and erasures record their own
//! (`data_rights.rs`). `GET /v1/audit` pages through the log.

use std::sync::Arc;

use axum::extract::{MatchedPath, RawQuery, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use parking_lot::Mutex;
use scout_store::data_rights::{AuditEvent, AuditQuery};
use serde_json::json;

use crate::auth::{Caller, Operator};
use crate::error::ApiError;
use crate::validate::{check, QueryString};
use crate::views::{iso, ok};
use crate::AppState;

/// Who is acting, as the audit log names them.
#[derive(Debug, Clone)]
pub struct Who {
    /// `key:<key id>` or `user:<user id>`.
    pub actor: String,
    /// The workspace acted in.
    pub workspace_id: String,
}

/// Where the key or session extractor leaves who is acting, for the layer.
#[derive(Clone, Default)]
pub struct WhoSlot(Arc<Mutex<Option<Who>>>);

impl WhoSlot {
    /// Keeps `who` in the request's slot, when it has one.
    pub fn fill_for(parts: &axum::http::request::Parts, who: Who) {
        if let Some(slot) = parts.extensions.get::<WhoSlot>() {
            *slot.0.lock() = Some(who);
        }
    }
}

/// The client's address, as the connection shows it (`None` when served
/// without one, as in tests that call the router directly).
pub struct ClientAddress(pub Option<String>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(
            crate::connections::peer(parts).map(|a| a.ip().to_string()),
        ))
    }
}

/// A route that touches one person's data.
struct Audited {
    method: Method,
    /// The route's template, as the router matched it.
    route: &'static str,
    action: &'static str,
    /// The path parameter naming the subject.
    subject: &'static str,
    detail: &'static str,
}

const fn audited(
    method: Method,
    route: &'static str,
    action: &'static str,
    subject: &'static str,
    detail: &'static str,
) -> Audited {
    Audited {
        method,
        route,
        action,
        subject,
        detail,
    }
}

const CANDIDATE: &str = "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}";

/// Every route recorded, API (both prefixes) and web app.
static AUDITED: &[Audited] = &[
    audited(Method::GET, "/v1/talents/{id}", "viewed", "id", "talent"),
    audited(
        Method::PUT,
        "/v1/talents/{id}",
        "changed",
        "id",
        "talent written",
    ),
    audited(
        Method::DELETE,
        "/v1/talents/{id}",
        "changed",
        "id",
        "talent deleted",
    ),
    audited(
        Method::POST,
        "/v1/duplicates/{id}/merge",
        "changed",
        "id",
        "duplicates merged",
    ),
    audited(
        Method::POST,
        "/duplicates/{id}",
        "changed",
        "id",
        "duplicates decided",
    ),
    audited(
        Method::POST,
        "/v1/duplicates/{id}/undo",
        "changed",
        "id",
        "merge undone",
    ),
    audited(
        Method::GET,
        CANDIDATE,
        "viewed",
        "candidate_id",
        "candidate",
    ),
    audited(
        Method::PATCH,
        CANDIDATE,
        "changed",
        "candidate_id",
        "candidate",
    ),
    audited(
        Method::PUT,
        CANDIDATE,
        "changed",
        "candidate_id",
        "candidate",
    ),
    audited(
        Method::DELETE,
        CANDIDATE,
        "changed",
        "candidate_id",
        "candidate removed",
    ),
    audited(
        Method::GET,
        "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}/history",
        "viewed",
        "candidate_id",
        "candidate history",
    ),
    audited(
        Method::POST,
        "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}/notes",
        "changed",
        "candidate_id",
        "note",
    ),
    audited(
        Method::POST,
        "/v1/sourcings/{sourcing_id}/candidates/{candidate_id}/contacts",
        "changed",
        "candidate_id",
        "contact",
    ),
    audited(
        Method::GET,
        "/api/v1/sourcing/{lead_id}",
        "viewed",
        "lead_id",
        "lead",
    ),
    audited(
        Method::DELETE,
        "/api/v1/sourcing/{lead_id}",
        "changed",
        "lead_id",
        "lead removed",
    ),
    audited(
        Method::GET,
        "/api/v1/sourcing/{lead_id}/cv",
        "viewed",
        "lead_id",
        "CV file",
    ),
    audited(
        Method::POST,
        "/api/v1/sourcing/{lead_id}/roles",
        "changed",
        "lead_id",
        "role",
    ),
    audited(
        Method::POST,
        "/api/v1/sourcing/{lead_id}/roles/{role_id}/screening",
        "changed",
        "lead_id",
        "screening",
    ),
    audited(
        Method::POST,
        "/api/v1/sourcing/{lead_id}/convert",
        "changed",
        "lead_id",
        "converted",
    ),
    audited(
        Method::GET,
        "/talents/{id}",
        "viewed",
        "id",
        "profile (web)",
    ),
    audited(
        Method::GET,
        "/projects/{id}/candidates/{cid}",
        "viewed",
        "cid",
        "candidate (web)",
    ),
    audited(
        Method::POST,
        "/projects/{id}/candidates/{cid}",
        "changed",
        "cid",
        "candidate (web)",
    ),
    audited(Method::GET, "/leads/{id}", "viewed", "id", "lead (web)"),
    audited(Method::POST, "/leads/{id}", "changed", "id", "lead (web)"),
];

fn audited_route(method: &Method, route: &str) -> Option<&'static Audited> {
    let find = |r: &str| AUDITED.iter().find(|a| a.method == *method && a.route == r);
    // the leads API lives only under /api/v1/sourcing…; the others under
    // both prefixes, listed once without /api
    find(route).or_else(|| {
        route
            .strip_prefix(crate::API_PREFIX)
            .filter(|r| r.starts_with("/v1/"))
            .and_then(find)
    })
}

/// The value of `param` in `path`, matched against the route's template.
fn path_param(template: &str, path: &str, param: &str) -> Option<String> {
    let wanted = format!("{{{param}}}");
    let template = template.strip_prefix(crate::API_PREFIX).unwrap_or(template);
    let path = path
        .strip_prefix(crate::API_PREFIX)
        .filter(|p| p.starts_with("/v1/"))
        .unwrap_or(path);
    template
        .split('/')
        .zip(path.split('/'))
        .find(|(t, _)| *t == wanted)
        .and_then(|(_, value)| percent_decode(value))
}

fn percent_decode(raw: &str) -> Option<String> {
    let bytes: Vec<u8> =
        form_urlencoded::parse(format!("v={}", raw.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned().into_bytes())?;
    String::from_utf8(bytes).ok()
}

/// Records an event for each successful request to an audited route.
pub(crate) async fn record(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned());
    let Some(audited) = route.as_deref().and_then(|r| audited_route(&method, r)) else {
        return next.run(request).await;
    };
    let slot = WhoSlot::default();
    request.extensions_mut().insert(slot.clone());
    let path = request.uri().path().to_owned();
    let client = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    let response = next.run(request).await;
    let success = response.status().is_success() || response.status().is_redirection();
    let who = slot.0.lock().take();
    if let (true, Some(who), Some(route)) = (success, who, route) {
        if let Some(subject) = path_param(&route, &path, audited.subject) {
            let event = AuditEvent {
                id: 0,
                at: crate::background_log::now_ms(),
                workspace_id: Some(who.workspace_id),
                actor: who.actor,
                action: audited.action.into(),
                subject,
                detail: Some(audited.detail.into()),
                client,
                request_id: Some(crate::error::tracking_code()),
            };
            if let Err(e) = state.audit_log.record(&state.store, event).await {
                tracing::error!(error = %e, "cannot record an audit event");
            }
        }
    }
    response
}

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/v1/audit", get(list))
}

/// Default events per page of `GET /v1/audit`.
pub const DEFAULT_PAGE_SIZE: i64 = 100;
/// Largest page.
pub const MAX_PAGE_SIZE: i64 = 1_000;

/// `GET /v1/audit?subject=&action=&actor=&workspaceId=&after=&limit=`: the
/// log, oldest first, for the operator (a key with the `admin` scope).
async fn list(
    State(state): State<AppState>,
    caller: Caller<Operator>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    // filters by equality: a value of any length is taken (and a long one
    // matches nothing)
    let filter = AuditQuery {
        workspace_id: q.one("workspaceId"),
        subject: q.one("subject"),
        action: q
            .one_of(
                "action",
                &["viewed", "exported", "changed", "erased", "retention"],
            )
            .map(str::to_owned),
        actor: q.one("actor"),
        after: q.integer("after", 0, 0, i64::MAX),
        limit: q.integer("limit", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
    };
    check(q.finish())?;
    // what this server recorded a moment ago is in the answer
    state.audit_log.flush(&state.store).await;
    let events =
        state.store.audit_events(&filter).await.map_err(|e| {
            ApiError::from_domain(e, "An error occurred while reading the audit log")
        })?;
    let next = (events.len() as i64 == filter.limit)
        .then(|| events.last().map(|e| e.id))
        .flatten();
    let rows: Vec<_> = events
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "at": iso(e.at),
                "workspaceId": e.workspace_id,
                "actor": e.actor,
                "action": e.action,
                "subject": e.subject,
                "detail": e.detail,
                "client": e.client,
                "requestId": e.request_id,
            })
        })
        .collect();
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"events": rows, "nextAfter": next}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_prefixes_and_the_web_app_find_their_entry() {
        let api = audited_route(&Method::GET, CANDIDATE).map(|a| a.action);
        assert_eq!(api, Some("viewed"));
        let prefixed = format!("{}{CANDIDATE}", crate::API_PREFIX);
        assert_eq!(
            audited_route(&Method::GET, &prefixed).map(|a| a.action),
            Some("viewed")
        );
        assert!(audited_route(&Method::GET, "/api/v1/sourcing/{lead_id}").is_some());
        assert!(audited_route(&Method::GET, "/v1/sourcings").is_none());
        assert!(audited_route(&Method::POST, "/leads/{id}").is_some());
    }

    #[test]
    fn the_subject_is_read_from_the_path() {
        assert_eq!(
            path_param(
                CANDIDATE,
                "/api/v1/sourcings/s1/candidates/cand_9",
                "candidate_id"
            ),
            Some("cand_9".into())
        );
        assert_eq!(
            path_param("/talents/{id}", "/talents/t%20x", "id"),
            Some("t x".into())
        );
        assert_eq!(
            path_param(
                "/api/v1/sourcing/{lead_id}/cv",
                "/api/v1/sourcing/lead_1/cv",
                "lead_id"
            ),
            Some("lead_1".into())
        );
    }
}
