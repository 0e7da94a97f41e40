//! Scout's HTTP API (axum). `router(state)` builds the whole application
//! without a socket, so tests can drive it directly; `serve` binds and runs
//! it. One module per API family; errors are rendered into each family's
//! documented envelope in `error.rs`; every request gets a tracking code
//! that appears in error bodies and in the log line of the request.

pub mod auth;
pub mod connections;
mod envelope;
pub mod error;
mod health;
pub mod housekeeping;
mod job_candidates;
mod json;
mod leads;
mod limits;
mod openapi;
mod pipeline;
mod pools;
pub mod prompt_reader;
mod search_changes;
mod search_helpers;
mod searches;
mod sourcings;
mod state;
mod talent_match;
mod talents;
mod transaction_cache;
mod transaction_log;
mod validate;
mod views;
pub mod web;

pub use prompt_reader::{ModelSettings, PromptReader};
pub use state::{AppState, Settings, DEFAULT_READY_MAX_LAG};

use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;

use crate::error::{new_tracking_code, TRACKING_CODE};

/// Gives each request a tracking code and logs one line per request.
async fn track(request: Request, next: Next) -> Response {
    let code = new_tracking_code();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = std::time::Instant::now();
    let response = TRACKING_CODE.scope(code.clone(), next.run(request)).await;
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
    let v1 = Router::new()
        .merge(talents::routes())
        .merge(sourcings::routes())
        .merge(pipeline::routes())
        .merge(job_candidates::routes())
        .merge(searches::routes())
        .merge(search_helpers::routes())
        .merge(pools::routes());
    Router::new()
        .merge(health::routes())
        .nest(API_PREFIX, v1.clone())
        .merge(v1)
        .merge(leads::routes())
        .merge(openapi::routes())
        .merge(web::routes())
        .fallback(envelope::no_route)
        .method_not_allowed_fallback(envelope::no_method)
        .layer(axum::extract::DefaultBodyLimit::max(json::MAX_BODY_BYTES))
        .layer(middleware::from_fn(envelope::guard))
        .layer(middleware::from_fn(track))
        .with_state(state)
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
    let housekeeping = housekeeping::spawn(store.clone());
    let served = connections::serve(listener, router(state), limits, shutdown).await;
    housekeeping.abort();
    log.flush(&store).await;
    served
}
