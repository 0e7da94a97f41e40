//! The last layer before the wire: every answer, whatever produced it, is in
//! the documented error envelope and carries the caller's rate-limit headers.
//!
//! - Paths and methods no route serves answer `404 not_found` /
//!   `405 method_not_allowed` in the envelope ([`no_route`], [`no_method`]).
//! - Requests with more than [`MAX_HEADERS`] headers or more than
//!   [`MAX_HEADER_BYTES`] of them answer `431` in the envelope (hyper's own,
//!   empty `431` is left only for a header block past a megabyte).
//! - Any other error answer that is not JSON — an extractor's rejection (a
//!   path segment that is not valid UTF-8, a body over the limit) — is
//!   re-rendered in the envelope of its API family, keeping its status.
//! - A request whose key was accepted counts against the key's rate limit,
//!   so every answer to it carries `RateLimit-*` — errors too: the `Caller`
//!   extractor leaves them in a [`LimitSlot`] this layer reads.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use parking_lot::Mutex;
use scout_model::ErrorCode;

use crate::error::ApiError;
use crate::limits::LimitHeaders;

/// Most request headers read.
pub const MAX_HEADERS: usize = 100;
/// Most bytes of request headers (names and values) read.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Most bytes of a non-JSON error body kept as the message.
const MAX_MESSAGE_BYTES: usize = 300;

/// Where the `Caller` extractor leaves the rate-limit headers of a request.
#[derive(Clone, Default)]
pub struct LimitSlot(Arc<Mutex<Option<LimitHeaders>>>);

impl LimitSlot {
    /// Keeps the headers for the answer.
    pub fn fill(&self, headers: &LimitHeaders) {
        *self.0.lock() = Some(headers.clone());
    }

    /// Keeps the headers in the request's slot, when it has one (requests
    /// that did not come through [`guard`] have none).
    pub fn fill_for(parts: &axum::http::request::Parts, headers: &LimitHeaders) {
        if let Some(slot) = parts.extensions.get::<LimitSlot>() {
            slot.fill(headers);
        }
    }
}

/// Whether `path` belongs to the family answered in the flat envelope.
fn is_flat_family(path: &str) -> bool {
    path.strip_prefix(crate::API_PREFIX)
        .unwrap_or(path)
        .starts_with("/v1/job-candidates")
}

fn in_family(error: ApiError, path: &str) -> ApiError {
    if is_flat_family(path) {
        error.flat()
    } else {
        error
    }
}

/// `404` for a path no endpoint serves.
pub async fn no_route(method: Method, uri: Uri) -> Response {
    in_family(
        ApiError::new(
            ErrorCode::NotFound,
            format!("No endpoint answers {method} {}", uri.path()),
        ),
        uri.path(),
    )
    .into_response()
}

/// `405` for a path served with other methods.
pub async fn no_method(method: Method, uri: Uri) -> Response {
    in_family(
        ApiError::new(
            ErrorCode::MethodNotAllowed,
            format!("{} does not accept {method}", uri.path()),
        ),
        uri.path(),
    )
    .into_response()
}

fn headers_too_large(request: &Request) -> bool {
    let headers = request.headers();
    if headers.len() > MAX_HEADERS {
        return true;
    }
    let bytes: usize = headers
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len())
        .sum();
    bytes > MAX_HEADER_BYTES
}

fn code_for(status: StatusCode) -> ErrorCode {
    match status {
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => ErrorCode::HeadersTooLarge,
        StatusCode::TOO_MANY_REQUESTS => ErrorCode::RateLimitExceeded,
        StatusCode::SERVICE_UNAVAILABLE => ErrorCode::ServiceUnavailable,
        s if s.is_server_error() => ErrorCode::InternalError,
        _ => ErrorCode::ValidationError,
    }
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// The middleware: see the module documentation.
pub async fn guard(mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if headers_too_large(&request) {
        return in_family(
            ApiError::new(
                ErrorCode::HeadersTooLarge,
                format!(
                    "At most {MAX_HEADERS} request headers of {MAX_HEADER_BYTES} bytes in all are read"
                ),
            ),
            &path,
        )
        .into_response();
    }
    let slot = LimitSlot::default();
    request.extensions_mut().insert(slot.clone());
    let mut response = next.run(request).await;
    let status = response.status();
    // the web app's pages are HTML on purpose, errors included
    if (status.is_client_error() || status.is_server_error())
        && !is_json(&response)
        && !is_html(&response)
    {
        let (parts, body) = response.into_parts();
        let text = axum::body::to_bytes(body, 64 * 1024)
            .await
            .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
            .unwrap_or_default();
        let mut message: String = text.chars().take(MAX_MESSAGE_BYTES).collect();
        if message.is_empty() || status.is_server_error() {
            message = status
                .canonical_reason()
                .unwrap_or("Request failed")
                .to_owned();
        }
        let mut error = ApiError::new(code_for(status), message);
        for name in [header::RETRY_AFTER, header::ALLOW] {
            if let Some(v) = parts.headers.get(&name) {
                error.headers.push((name, v.clone()));
            }
        }
        response = in_family(error, &path).into_response();
        *response.status_mut() = status;
    }
    if let Some(limits) = slot.0.lock().take() {
        for (name, value) in limits {
            response.headers_mut().entry(name).or_insert(value);
        }
    }
    response
}
