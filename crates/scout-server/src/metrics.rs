//! `GET /metrics`: what an operator graphs and alerts on, in the
//! OpenMetrics text format Prometheus scrapes (`prometheus-client`).
//!
//! - `scout_http_requests_total{route, method, status}` and
//!   `scout_http_request_duration_seconds{route, method}`: per route
//!   template (`/v1/sourcings/{sourcing_id}`, never an id, so the label set
//!   stays small); a streamed answer's duration is to its headers.
//!   Rate-limit refusals are its `status="429"` series.
//! - `scout_search_duration_seconds{stage}`: `engine` (matching and ranking,
//!   one call in the index) and `fetch` (the page's profiles from the store).
//! - `scout_store_sequence`, `scout_index_sequence`, `scout_index_lag`:
//!   read at each scrape; `rate(scout_store_sequence[1m])` is the import
//!   rate, `rate(scout_index_sequence[1m])` the indexing rate.
//! - `scout_event_streams_open`: prompt searches streaming now.
//! - `scout_process_resident_memory_bytes`.
//!
//! The endpoint is off unless the server has an operator token
//! (`--metrics-token`, `SCOUT_METRICS_TOKEN`), and then answers only
//! `Authorization: Bearer <token>`: the counts say how a business uses its
//! recruiting tool, which is not for everyone who can reach the port.

use std::sync::atomic::AtomicI64;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use scout_model::ErrorCode;

use crate::error::ApiError;
use crate::AppState;

/// The labels of a request count.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: String,
}

/// The labels of a request's duration.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
    method: String,
}

/// A stage of a search.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StageLabels {
    stage: &'static str,
}

/// 0.25 ms to ~8 s, doubling: a search's stages and a request's whole.
fn duration_buckets() -> Histogram {
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

/// The server's metrics.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram, fn() -> Histogram>,
    search: Family<StageLabels, Histogram, fn() -> Histogram>,
    store_sequence: Gauge<i64, AtomicI64>,
    index_sequence: Gauge<i64, AtomicI64>,
    index_lag: Gauge<i64, AtomicI64>,
    streams_open: Gauge<i64, AtomicI64>,
    resident_memory: Gauge<i64, AtomicI64>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("scout");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "Requests answered, by route template, method and status",
            requests.clone(),
        );
        let durations: Family<RouteLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(duration_buckets);
        registry.register(
            "http_request_duration_seconds",
            "Time to answer (to the headers of a streamed answer), by route template and method",
            durations.clone(),
        );
        let search: Family<StageLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(duration_buckets);
        registry.register(
            "search_duration_seconds",
            "Time of each stage of a search: engine (matching and ranking), fetch (the page's profiles)",
            search.clone(),
        );
        let store_sequence = Gauge::default();
        registry.register(
            "store_sequence",
            "Number of the store's last change (its rate is the import rate)",
            store_sequence.clone(),
        );
        let index_sequence = Gauge::default();
        registry.register(
            "index_sequence",
            "Number of the last change searches see",
            index_sequence.clone(),
        );
        let index_lag = Gauge::default();
        registry.register(
            "index_lag",
            "Changes stored but not yet searchable",
            index_lag.clone(),
        );
        let streams_open = Gauge::default();
        registry.register(
            "event_streams_open",
            "Prompt searches streaming events now",
            streams_open.clone(),
        );
        let resident_memory = Gauge::default();
        registry.register(
            "process_resident_memory_bytes",
            "Resident memory of the server process",
            resident_memory.clone(),
        );
        Metrics {
            registry,
            requests,
            durations,
            search,
            store_sequence,
            index_sequence,
            index_lag,
            streams_open,
            resident_memory,
        }
    }
}

impl Metrics {
    /// Times a search stage that started at `started`.
    pub(crate) fn search_stage(&self, stage: &'static str, started: Instant) {
        self.search
            .get_or_create(&StageLabels { stage })
            .observe(started.elapsed().as_secs_f64());
    }

    /// Marks an event stream open until the returned guard drops.
    pub(crate) fn stream_opened(self: &Arc<Self>) -> StreamOpen {
        self.streams_open.inc();
        StreamOpen(Arc::clone(self))
    }
}

/// An event stream being served; counted open until dropped.
pub(crate) struct StreamOpen(Arc<Metrics>);

impl Drop for StreamOpen {
    fn drop(&mut self) {
        self.0.streams_open.dec();
    }
}

/// Counts and times each request of a route (a route layer: the route's
/// template is known).
pub(crate) async fn record(
    State(metrics): State<Arc<Metrics>>,
    matched: Option<MatchedPath>,
    request: Request,
    next: Next,
) -> Response {
    let route = matched.map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route: route.clone(),
            method: method.clone(),
            status: response.status().as_u16().to_string(),
        })
        .inc();
    metrics
        .durations
        .get_or_create(&RouteLabels { route, method })
        .observe(started.elapsed().as_secs_f64());
    response
}

/// The resident memory of this process, from `/proc` (Linux); 0 elsewhere.
fn resident_memory_bytes() -> i64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok())
        })
        .map_or(0, |kib| kib * 1024)
}

/// `GET /metrics` for the operator's token.
pub(crate) async fn serve(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.settings.metrics_token.as_deref() else {
        return ApiError::new(
            ErrorCode::NotFound,
            "Metrics are off: start the server with --metrics-token to serve them",
        )
        .into_response();
    };
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !crate::auth::tokens_match(sent, token) {
        let mut refused = ApiError::new(
            ErrorCode::InvalidApiKey,
            "Metrics need the operator's token: Authorization: Bearer <token>",
        )
        .into_response();
        refused.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
        return refused;
    }
    render(&state).await
}

/// `GET /metrics` on the operator's own address (`--metrics-addr`): the
/// address is the protection, so no token is asked for.
pub(crate) async fn serve_open(State(state): State<AppState>) -> Response {
    render(&state).await
}

/// The registry in the OpenMetrics text format, with the sequences, the
/// lag and the memory read now.
async fn render(state: &AppState) -> Response {
    let metrics = &state.metrics;
    let indexed = state.engine.searchable_checkpoint();
    metrics.index_sequence.set(indexed);
    if let Ok(stored) = state.store.last_seq().await {
        metrics.store_sequence.set(stored);
        metrics.index_lag.set((stored - indexed).max(0));
    }
    metrics.resident_memory.set(resident_memory_bytes());
    let mut body = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut body, &metrics.registry) {
        return ApiError::internal(&e, "The metrics could not be written").into_response();
    }
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}
