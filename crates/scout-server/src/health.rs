//! `GET /health`: liveness plus how far the index is behind the store.
//! `status` is `ok` when the index has every change the store has,
//! `catching_up` (still `200`: the server answers, from an index `lag`
//! changes behind) while it applies the rest, as after a restart or during
//! an import; `unavailable` (`503`) when the store cannot be read.
//!
//! `GET /ready`: whether a load balancer should send this server traffic —
//! `200 ready` when the store answers and the index is at most
//! `Settings::ready_max_lag` changes behind it, else `503` with why
//! (`store_unreachable`, or `index_behind` with the lag), so a server
//! rebuilding its index after a restart waits out of rotation.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/ready", get(ready))
}

async fn health(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let store_seq = state.store.last_seq().await;
    // Sequence and count as searches see them, not as last committed: a
    // commit the reader has not loaded yet is not served.
    let i = state.engine.searchable_checkpoint();
    let indexed = state.engine.num_docs();
    match store_seq {
        Ok(s) => {
            let lag = (s - i).max(0);
            let status = if lag == 0 { "ok" } else { "catching_up" };
            (
                StatusCode::OK,
                Json(json!({
                    "status": status,
                    "store": state.store.backend_name(),
                    "storeSeq": s,
                    "indexSeq": i,
                    "lag": lag,
                    "indexedTalents": indexed,
                })),
            )
        }
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "unavailable"})),
        ),
    }
}

async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let indexed = state.engine.searchable_checkpoint();
    match state.store.last_seq().await {
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "not_ready", "reason": "store_unreachable"})),
        ),
        Ok(stored) => {
            let lag = (stored - indexed).max(0);
            let bound = state.settings.ready_max_lag;
            if lag <= bound {
                (
                    StatusCode::OK,
                    Json(json!({"status": "ready", "lag": lag, "maxLag": bound})),
                )
            } else {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    Json(
                        json!({"status": "not_ready", "reason": "index_behind", "lag": lag, "maxLag": bound}),
                    ),
                )
            }
        }
    }
}
