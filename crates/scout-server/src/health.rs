//! `GET /health`: liveness plus how far the index is behind the store.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

async fn health(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let store_seq = state.store.last_seq().await;
    let index_seq = state.engine.checkpoint();
    match (store_seq, index_seq) {
        (Ok(s), Ok(i)) => (
            StatusCode::OK,
            Json(
                json!({"status": "ok", "store": state.store.backend_name(), "storeSeq": s, "indexSeq": i, "indexedTalents": state.engine.num_docs()}),
            ),
        ),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "unavailable"})),
        ),
    }
}
