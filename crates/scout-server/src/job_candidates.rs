//! `GET /v1/job-candidates?job_id=` exactly as the Hirempire document shows
//! it: every candidate of a job (a job is a sourcing project), snake_case
//! fields, the fit scorer's `ai_*` values, and flat `{success: false,
//! error: "…"}` errors.

use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use scout_model::ErrorCode;
use serde_json::json;

use crate::auth::{Caller, SourcingRead};
use crate::error::ApiError;
use crate::views::job_candidate;
use crate::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/v1/job-candidates", get(job_candidates))
}

async fn job_candidates(
    State(state): State<AppState>,
    caller: Result<Caller<SourcingRead>, ApiError>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let caller = caller.map_err(ApiError::flat)?;
    let job_id = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .find(|(k, v)| k == "job_id" && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_owned())
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::ValidationError,
                "Query parameter 'job_id' is required.",
            )
            .flat()
        })?;
    let job = state
        .store
        .get_sourcing(&caller.key.workspace_id, &job_id)
        .await
        .map_err(|e| ApiError::from_domain(e, "Internal server error").flat())?
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "Job not found").flat())?;
    let candidates = state
        .store
        .all_candidates(&job.id)
        .await
        .map_err(|e| ApiError::from_domain(e, "Internal server error").flat())?;
    let mut response = Json(json!({
        "success": true,
        "total_candidates": candidates.len(),
        "candidates": candidates.iter().map(|c| job_candidate(c, &job)).collect::<Vec<_>>(),
    }))
    .into_response();
    for (k, v) in caller.limit_headers {
        response.headers_mut().insert(k, v);
    }
    Ok(response)
}
