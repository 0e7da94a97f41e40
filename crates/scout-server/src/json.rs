//! Our own JSON body extractor, so a malformed or oversized body is answered
//! in the documented envelope rather than axum's plain text.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use scout_query::search_request::PathItem;
use scout_query::Issue;
use serde_json::Value;

use crate::error::ApiError;

/// Largest JSON request body accepted by default, in bytes
/// (`Settings::body_limits`).
pub const DEFAULT_BODY_BYTES: usize = 256 * 1024;

/// The JSON body limit in force, left in each request's extensions by the
/// router so that the refusal can say it.
#[derive(Clone, Copy)]
pub struct JsonLimit(pub usize);

/// A JSON body, parsed as a value; its schema is checked by the handler's parser.
pub struct JsonBody(pub Value);

pub(crate) fn body_issue(code: &'static str, message: String) -> Issue {
    Issue {
        code,
        path: Vec::<PathItem>::new(),
        message,
        options: None,
        expected: None,
        received: None,
        keys: None,
    }
}

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let limit = req
            .extensions()
            .get::<JsonLimit>()
            .map_or(DEFAULT_BODY_BYTES, |l| l.0);
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            let too_big = e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE;
            ApiError::validation(vec![if too_big {
                body_issue(
                    "too_big",
                    format!("Request body must be at most {limit} bytes"),
                )
            } else {
                body_issue("invalid_body", format!("Cannot read the request body: {e}"))
            }])
        })?;
        if bytes.is_empty() {
            return Err(ApiError::validation(vec![body_issue(
                "invalid_type",
                "Required: a JSON request body".into(),
            )]));
        }
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|e| {
            ApiError::validation(vec![body_issue(
                "invalid_json",
                format!("Malformed JSON: {e}"),
            )])
        })
    }
}

/// A JSON body that may be left out: an empty body reads as `{}`.
pub struct OptionalJsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for OptionalJsonBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let empty = req
            .headers()
            .get(axum::http::header::CONTENT_LENGTH)
            .is_some_and(|v| v == "0");
        if empty {
            return Ok(OptionalJsonBody(Value::Object(Default::default())));
        }
        match JsonBody::from_request(req, state).await {
            Ok(JsonBody(v)) => Ok(OptionalJsonBody(v)),
            Err(e)
                if e.issues.as_ref().is_some_and(|i| {
                    i.iter()
                        .any(|i| i.code == "invalid_type" && i.path.is_empty())
                }) =>
            {
                Ok(OptionalJsonBody(Value::Object(Default::default())))
            }
            Err(e) => Err(e),
        }
    }
}
