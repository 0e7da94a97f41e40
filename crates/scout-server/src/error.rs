//! Errors as the documents show them. Every failure is an [`ApiError`]
//! carrying a code from the one table; this module renders it in the
//! envelope of the API family that raised it: Kalent's `{success: false,
//! error: {code, message, debugTrackingCode, …}}` by default, Hirempire's
//! `{success: false, error: "…"}` for its endpoints ([`ApiError::flat`]).
//! The tracking code is also written to the log line of the request.

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use scout_model::{ErrorCode, HasErrorCode};
use scout_query::Issue;
use serde_json::{json, Value};

tokio::task_local! {
    /// The tracking code of the request being handled.
    pub static TRACKING_CODE: String;
}

/// The tracking code of the current request (or a fresh one outside a request).
pub fn tracking_code() -> String {
    TRACKING_CODE
        .try_with(Clone::clone)
        .unwrap_or_else(|_| new_tracking_code())
}

/// A fresh 21-character tracking code.
pub fn new_tracking_code() -> String {
    ulid::Ulid::new().to_string().chars().skip(5).collect()
}

/// What a `503` asks a client to wait before trying again: the store's
/// writers take turns within seconds, so a short wait is enough.
pub const RETRY_AFTER_SECONDS: &str = "2";

/// A failed request.
#[derive(Debug)]
pub struct ApiError {
    /// The code from the table.
    pub code: ErrorCode,
    /// The documented message.
    pub message: String,
    /// Validation issues.
    pub issues: Option<Vec<Issue>>,
    /// Extra details (rate limits).
    pub details: Option<Value>,
    /// Extra headers (Retry-After, RateLimit-*).
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Rendered as the Hirempire family's `{success: false, error: "…"}`.
    pub flat: bool,
}

impl ApiError {
    /// The documented `{success: false, error: {…}}` body, with the request's tracking code.
    pub fn body(&self, tracking: &str) -> Value {
        let mut error = json!({"code": self.code.name(), "message": self.message, "debugTrackingCode": tracking});
        if let Some(issues) = &self.issues {
            error["issues"] = serde_json::to_value(issues).unwrap_or(Value::Null);
        }
        if let Some(details) = &self.details {
            error["details"] = details.clone();
        }
        json!({"success": false, "error": error})
    }

    /// The same error with `details` (shown under `error.details`).
    pub fn with_details(mut self, details: Value) -> ApiError {
        self.details = Some(details);
        self
    }

    /// An error with the code's documented message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            issues: None,
            details: None,
            headers: Vec::new(),
            flat: false,
        }
    }

    /// The same error in the Hirempire family's flat envelope, whose
    /// documented messages differ for authentication and lookups.
    pub fn flat(mut self) -> ApiError {
        self.flat = true;
        match self.code {
            ErrorCode::MissingApiKey | ErrorCode::InvalidApiKey => {
                self.message = "Invalid token".into()
            }
            ErrorCode::InternalError => self.message = "Internal server error".into(),
            _ => {}
        }
        self
    }

    /// `404 not_found` with a message naming what was not found.
    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    /// `400 validation_error` with its issues.
    pub fn validation(issues: Vec<Issue>) -> ApiError {
        ApiError {
            issues: Some(issues),
            ..ApiError::new(ErrorCode::ValidationError, "Validation failed")
        }
    }

    /// `500 internal_error`; the cause goes to the log, never to the client.
    pub fn internal(cause: &dyn std::fmt::Display, message: &str) -> ApiError {
        tracing::error!(tracking_code = %tracking_code(), error = %cause, "internal error");
        ApiError::new(ErrorCode::InternalError, message)
    }

    /// Maps a domain error through its code.
    pub fn from_domain<E: HasErrorCode + std::fmt::Display>(
        e: E,
        internal_message: &str,
    ) -> ApiError {
        match e.error_code() {
            ErrorCode::InternalError => ApiError::internal(&e, internal_message),
            ErrorCode::SearchEngineTimeout => ApiError::new(
                ErrorCode::SearchEngineTimeout,
                "The search request timed out. Please try again.",
            ),
            // another writer deleted what this request refers to while it ran
            ErrorCode::NotFound => ApiError::new(ErrorCode::NotFound, e.to_string()),
            code => {
                tracing::warn!(tracking_code = %tracking_code(), error = %e, "request failed");
                let mut error = ApiError::new(
                    code,
                    "The service is temporarily unavailable. Please try again.",
                );
                if code == ErrorCode::ServiceUnavailable {
                    error.headers.push((
                        axum::http::header::RETRY_AFTER,
                        HeaderValue::from_static(RETRY_AFTER_SECONDS),
                    ));
                }
                error
            }
        }
    }

    pub(crate) fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.flat {
            let mut response = (
                self.status(),
                Json(json!({"success": false, "error": self.message})),
            )
                .into_response();
            for (k, v) in self.headers {
                response.headers_mut().insert(k, v);
            }
            return response;
        }
        let body = self.body(&tracking_code());
        let mut response = (self.status(), Json(body)).into_response();
        for (k, v) in self.headers {
            response.headers_mut().insert(k, v);
        }
        response
    }
}
