//! `GET /health`: liveness plus how far the index is behind the store.
//! `status` is `ok` when the index has every change the store has,
//! `catching_up` (still `200`: the server answers, from an index `lag`
//! changes behind) while it applies the rest, as after a restart or during
//! an import; `unavailable` (`503`) when the store or index cannot be read.

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
        (Ok(s), Ok(i)) => {
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
                    "indexedTalents": state.engine.num_docs(),
                })),
            )
        }
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "unavailable"})),
        ),
    }
}
