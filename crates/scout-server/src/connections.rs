//! Accepting connections within bounds. `axum::serve` sets no timer, so a
//! connection that never sends a request (or sends its headers a byte a
//! minute) stays open forever: ~20,000 idle sockets used every file handle
//! of the process, and `/health`, uploads and the index follower failed. So
//! connections are served here, by hyper directly, with:
//! - a **header-read timeout** ([`Limits::header_read_timeout`]), which also
//!   bounds how long a kept-alive connection may sit idle between requests;
//! - at most [`Limits::max_connections`] open at once: the next one gets a
//!   `503 service_unavailable` in the JSON envelope with `Retry-After`, and is
//!   closed, so handles stay free for the store, the index and the follower;
//! - the peer's address on each request (`ConnectInfo`), for per-address
//!   limits on failed key checks;
//! - a graceful stop: on shutdown no new connection is taken and those open
//!   finish their requests (at most [`DRAIN_TIMEOUT`]).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::connect_info::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How long open connections may take to finish once shutdown began.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Bounds on connections.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections open at once; more are answered `503` and closed.
    pub max_connections: usize,
    /// Time to receive a request's headers, counted from when the server
    /// starts waiting for them (so also the idle time of a kept-alive
    /// connection).
    pub header_read_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1024,
            header_read_timeout: Duration::from_secs(15),
        }
    }
}

/// Most headers hyper reads; `limits::check_headers` refuses past 100 with
/// the JSON envelope, so hyper's own empty `431` is only for the absurd.
const HYPER_MAX_HEADERS: usize = 1_000;
/// hyper's read buffer: headers past it get hyper's own empty `431`.
const HYPER_MAX_BUF: usize = 1024 * 1024;

/// Serves `app` on `listener` within `limits` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .max_headers(HYPER_MAX_HEADERS)
        .max_buf_size(HYPER_MAX_BUF);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file handles (EMFILE) or a connection reset while
                    // queued: wait a little rather than spin, and go on.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Without TCP_NODELAY, a streamed event written after the headers
        // waits for the client's delayed ACK (~40 ms) before it leaves.
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "cannot set TCP_NODELAY on a connection");
        }
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tokio::spawn(refuse(stream));
            continue;
        };
        let service = app.clone().map_request(
            move |mut request: axum::extract::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request.map(axum::body::Body::new)
            },
        );
        let connection =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let watched = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = watched.await {
                tracing::debug!(error = %e, %peer, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open after the drain timeout; closing them");
    }
    Ok(())
}

/// Answers a connection past the limit with `503` and closes it.
async fn refuse(mut stream: tokio::net::TcpStream) {
    let body = crate::error::ApiError::new(
        scout_model::ErrorCode::ServiceUnavailable,
        "Too many open connections. Please try again.",
    )
    .body(&crate::error::new_tracking_code())
    .to_string();
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: {}\r\nretry-after: {}\r\nconnection: close\r\n\r\n{body}",
        body.len(),
        crate::error::RETRY_AFTER_SECONDS,
    );
    // The request is not read: the answer is the same whatever it was.
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        stream.write_all(response.as_bytes()).await?;
        stream.shutdown().await
    })
    .await;
}

/// The address a request came from (set by [`serve`]; absent when the router
/// is driven without a socket, as in unit tests).
pub fn peer(request_parts: &axum::http::request::Parts) -> Option<SocketAddr> {
    request_parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0)
}
