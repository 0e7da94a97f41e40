//! `GET /openapi.json`: the OpenAPI 3.1 description of the API.
//!
//! Kept by hand, one file per API family, from the same constants and
//! vocabularies the request readers use; `tests/api/openapi.rs` replays, for
//! every rule a reader enforces, a request that keeps it and one that
//! breaks it against both this document and the running server, and CI
//! runs a schema-driven fuzzer (schemathesis, every check) against a real
//! server (`scripts/fuzz-api`). A rule added to a reader without its line
//! here fails one or the other.

mod data_rights;
mod leads;
mod profiles;
mod prompt_search;
mod rules;
mod sourcing;
mod talents;

use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/openapi.json", get(|| async { Json(document()) }))
}

fn components() -> Value {
    json!({
        "securitySchemes": {
            "apiKey": {"type": "apiKey", "in": "header", "name": "x-api-key"},
            "bearer": {"type": "http", "scheme": "bearer"}
        },
        "schemas": {
            "Filter": talents::filter_schema(),
            "SearchRequest": talents::search_request_schema(),
            "SearchResponse": {"type": "object", "required": ["success", "data"], "properties": {
                "success": {"const": true},
                "data": {"type": "object", "required": ["talents", "estimationCount", "searchTransactionId"], "properties": {
                    "talents": {"type": "array", "items": {"$ref": "#/components/schemas/Talent"}},
                    "estimationCount": {"type": "integer", "description": "Exact number of talents meeting every required and excluded filter"},
                    "searchTransactionId": {"type": "string"}
                }}
            }},
            "Talent": {"type": "object", "description": "The documented talent profile, plus `match`: per filter whether it matched, its quality tier, evidence (field, text, offsets, distanceKm, value, via: the place a location matched through) and the score.",
                "properties": {"id": {"type": "string"}, "match": {"type": "object"}}, "additionalProperties": true},
            "SuccessEnvelope": {"type": "object", "required": ["success"], "properties": {"success": {"const": true}, "data": {"type": "object"}}},
            "ErrorEnvelope": {"type": "object", "required": ["success", "error"], "properties": {
                "success": {"const": false},
                "error": {"type": "object", "required": ["code", "message", "debugTrackingCode"], "properties": {
                    "code": {"type": "string"}, "message": {"type": "string"}, "debugTrackingCode": {"type": "string"},
                    "issues": {"type": "array", "items": {"type": "object", "required": ["code", "path", "message"]}},
                    "details": {"type": "object"}
                }}
            }}
        }
    })
}

/// The whole document.
pub fn document() -> Value {
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {"title": "Scout API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Self-hosted talent sourcing: search, sourcing pipelines, prompt search, leads. Every `/v1/…` path is also served under `/api/v1/…` (docs/access.md, Addresses). Unknown query parameters are ignored; unknown keys in JSON bodies are refused (`unrecognized_keys`)."},
        "servers": [{"url": "/"}],
        "security": [{"apiKey": []}, {"bearer": []}],
        "paths": {
            "/health": {"get": {"summary": "Liveness and index lag", "security": [], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
            "/ready": {"get": {"summary": "Whether to send this server traffic: the store answers and the index is within the bound of it (--ready-max-lag)", "security": [],
                "responses": {"200": {"description": "ready", "content": {"application/json": {"schema": {"type": "object"}}}},
                              "503": {"description": "not ready: store_unreachable, or index_behind with the lag", "content": {"application/json": {"schema": {"type": "object"}}}}}}}
        },
        "components": components()
    });
    for more in [
        talents::paths(),
        sourcing::paths(),
        prompt_search::paths(),
        leads::paths(),
        data_rights::paths(),
        profiles::paths(),
        profiles::duplicate_paths(),
    ] {
        if let (Some(paths), Value::Object(more)) = (doc["paths"].as_object_mut(), more) {
            paths.extend(more);
        }
    }
    doc
}
