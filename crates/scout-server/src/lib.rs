//! Scout's HTTP API (axum). `router(state)` builds the whole application
//! without a socket, so tests can drive it directly; `serve` binds and runs
//! it. One module per API family; errors are rendered into each family's
//! documented envelope in `error.rs`; every request gets a tracking code
//! that appears in error bodies and in the log line of the request.

pub mod audit;
pub mod auth;
mod background_log;
pub mod connections;
mod data_rights;
mod duplicates;
mod envelope;
pub mod error;
mod health;
pub mod housekeeping;
mod job_candidates;
mod json;
mod leads;
mod limits;
mod metrics;
mod openapi;
mod pipeline;
mod pools;
mod profiles;
pub mod prompt_reader;
mod search_changes;
mod search_helpers;
mod searches;
mod sourcings;
mod state;
mod talent_match;
mod talents;
mod transaction_cache;
mod validate;
mod views;
pub mod web;

pub use prompt_reader::{ModelSettings, PromptReader};
pub use state::{
    AppState, BodyLimits, Settings, Stopping, DEFAULT_READY_MAX_LAG, DEFAULT_STREAM_GRACE,
};

use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;

use tracing::Instrument;

use crate::error::{new_tracking_code, TRACKING_CODE};

/// The request id a client may send (`x-request-id`), echoed on every
/// answer; when absent or unusable, the request's tracking code is its id.
const REQUEST_ID: &str = "x-request-id";

/// Longest request id taken from a client.
const MAX_REQUEST_ID_CHARS: usize = 128;

/// The client's request id when it is 1–128 visible ASCII characters (what
/// proxies generate: UUIDs, hex, ULIDs); anything else is replaced, so a log
/// line or an error body never carries a client's arbitrary bytes.
fn request_id_of(request: &Request) -> Option<String> {
    let id = request.headers().get(REQUEST_ID)?.to_str().ok()?;
    let usable = !id.is_empty()
        && id.len() <= MAX_REQUEST_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_graphic());
    usable.then(|| id.to_owned())
}

/// Gives each request its id — the client's `x-request-id`, else a fresh
/// tracking code — as the tracking code of its error bodies
/// (`debugTrackingCode`), on a span around everything logged while it is
/// handled, and on the answer's `x-request-id`; logs one line per request.
async fn track(request: Request, next: Next) -> Response {
    let code = request_id_of(&request).unwrap_or_else(new_tracking_code);
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = std::time::Instant::now();
    let span = tracing::info_span!("request", request_id = %code);
    let mut response = TRACKING_CODE
        .scope(code.clone(), next.run(request).instrument(span.clone()))
        .await;
    // the request's own line too is logged in its span (no await follows)
    let _in_request = span.enter();
    if let Ok(value) = axum::http::HeaderValue::from_str(&code) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    let status = response.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::error!(%method, %path, status, ms, tracking_code = %code, "request");
    } else if status >= 400 {
        // a client's mistake, not the server's: warnings are kept for what
        // an operator should act on (and a flood of bad keys would drown them)
        tracing::info!(%method, %path, status, ms, tracking_code = %code, "request");
    } else {
        tracing::debug!(%method, %path, status, ms, tracking_code = %code, "request");
    }
    response
}

/// Where every `/v1/…` route is served a second time: Kalent's pages title
/// their endpoints `/v1/…` and call `/api/v1/…` in their examples, so a
/// client may take its base URL from either (docs/access.md, *Addresses*).
pub const API_PREFIX: &str = "/api";

/// The application: every route of every API family.
pub fn router(state: AppState) -> Router {
    let metrics = state.metrics.clone();
    let limits = state.settings.body_limits;
    let v1 = Router::new()
        .merge(talents::routes())
        .merge(profiles::routes())
        .merge(duplicates::routes())
        .merge(sourcings::routes())
        .merge(pipeline::routes())
        .merge(job_candidates::routes())
        .merge(searches::routes())
        .merge(search_helpers::routes())
        .merge(pools::routes())
        .merge(data_rights::routes())
        .merge(audit::routes());
    Router::new()
        .merge(health::routes())
        .nest(API_PREFIX, v1.clone())
        .merge(v1)
        .merge(leads::routes(limits))
        .merge(openapi::routes())
        .merge(web::routes(limits))
        .route("/metrics", axum::routing::get(metrics::serve))
        .route_layer(middleware::from_fn_with_state(state.clone(), audit::record))
        .route_layer(middleware::from_fn_with_state(metrics, metrics::record))
        .fallback(envelope::no_route)
        .method_not_allowed_fallback(envelope::no_method)
        .layer(axum::extract::DefaultBodyLimit::max(limits.json_bytes))
        .layer(axum::Extension(json::JsonLimit(limits.json_bytes)))
        .layer(middleware::from_fn(envelope::guard))
        .layer(middleware::from_fn(track))
        .with_state(state)
}

/// Serves only `GET /metrics`, without a token, on the operator's own
/// `listener` (`--metrics-addr`: an address only the monitoring system
/// reaches), until the process ends.
pub async fn serve_metrics(
    listener: tokio::net::TcpListener,
    state: AppState,
) -> std::io::Result<()> {
    let app = Router::new()
        .route("/metrics", axum::routing::get(metrics::serve_open))
        .fallback(envelope::no_route)
        .with_state(state);
    axum::serve(listener, app).await
}

/// Serves `router(state)` on `listener` until `shutdown` resolves, within
/// the connection limits of its settings (`connections.rs`), forgetting
/// what is past its retention (`housekeeping.rs`); search transactions
/// still waiting are written before it returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.settings.connections.clone();
    let (store, log) = (state.store.clone(), state.transaction_log.clone());
    let audit_log = state.audit_log.clone();
    let stopping = state.stopping.clone();
    let shutdown = async move {
        shutdown.await;
        stopping.begin();
    };
    let housekeeping = housekeeping::spawn(store.clone());
    let served = connections::serve(listener, router(state), limits, shutdown).await;
    housekeeping.abort();
    log.flush(&store).await;
    audit_log.flush(&store).await;
    served
}
