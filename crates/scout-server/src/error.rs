//! Errors as the documents show them. Every failure is an [`ApiError`]
//! carrying a code from the one table; this module renders it in the
//! envelope of the API family that raised it, with the request's
//! `debugTrackingCode` (also written to the log line for that request).

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
}

impl ApiError {
    /// An error with the code's documented message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            issues: None,
            details: None,
            headers: Vec::new(),
        }
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
            code => {
                tracing::warn!(tracking_code = %tracking_code(), error = %e, "request failed");
                ApiError::new(
                    code,
                    "The service is temporarily unavailable. Please try again.",
                )
            }
        }
    }

    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = json!({"code": self.code.name(), "message": self.message, "debugTrackingCode": tracking_code()});
        if let Some(issues) = &self.issues {
            error["issues"] = serde_json::to_value(issues).unwrap_or(Value::Null);
        }
        if let Some(details) = &self.details {
            error["details"] = details.clone();
        }
        let mut response = (
            self.status(),
            Json(json!({"success": false, "error": error})),
        )
            .into_response();
        for (k, v) in self.headers {
            response.headers_mut().insert(k, v);
        }
        response
    }
}
