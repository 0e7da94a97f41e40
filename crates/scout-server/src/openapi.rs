//! `GET /openapi.json`: the OpenAPI 3.1 description of the API.

use axum::routing::get;
use axum::{Json, Router};
use scout_model::FilterType;
use serde_json::{json, Value};

use crate::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/openapi.json", get(|| async { Json(document()) }))
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}})
}

/// The whole document.
pub fn document() -> Value {
    let filter_types: Vec<&str> = FilterType::ALL.iter().map(|t| t.as_str()).collect();
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Scout API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Self-hosted talent sourcing: search, sourcing pipelines, prompt search, leads."},
        "servers": [{"url": "/"}],
        "security": [{"apiKey": []}, {"bearer": []}],
        "paths": {
            "/v1/search/talents": {"post": {
                "summary": "Search talents",
                "description": "Ranked by best overall match (see docs/search.md). 10 talents per response; page with relatedSearchTransactionIds. Requires the `talents:search` scope.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchRequest"}}}},
                "responses": {
                    "200": {"description": "Ranked talents", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
                    "400": error_response("validation_error (with issues) or too_many_search_transactions"),
                    "401": error_response("missing_api_key or invalid_api_key"),
                    "403": error_response("insufficient_scope"),
                    "429": error_response("rate_limit_exceeded (with details {window, limit, current}); Retry-After and RateLimit-* headers"),
                    "500": error_response("internal_error"),
                    "504": error_response("search_engine_timeout")
                }
            }},
            "/health": {"get": {"summary": "Liveness and index lag", "security": [], "responses": {"200": {"description": "ok"}}}}
        },
        "components": {
            "securitySchemes": {
                "apiKey": {"type": "apiKey", "in": "header", "name": "x-api-key"},
                "bearer": {"type": "http", "scheme": "bearer"}
            },
            "schemas": {
                "Filter": {"type": "object", "required": ["filterType", "value"], "additionalProperties": false, "properties": {
                    "filterType": {"type": "string", "enum": filter_types},
                    "value": {"type": "string", "minLength": 1, "maxLength": scout_query::search_request::MAX_VALUE_CHARS},
                    "isRequired": {"type": "boolean", "default": false},
                    "isExcluded": {"type": "boolean", "default": false},
                    "isExactMatch": {"type": "boolean", "default": false},
                    "radius": {"type": ["number", "null"], "minimum": 0, "maximum": scout_query::search_request::MAX_RADIUS_KM, "description": "LOCATION only: kilometres around a city"},
                    "history": {"type": ["string", "null"], "enum": ["CURRENT", "PAST", "CURRENT_OR_PAST", null], "description": "JOB_TITLE (default CURRENT), COMPANY_NAME, COMPANY_SIZE, COMPANY_INDUSTRY (default CURRENT_OR_PAST)"}
                }},
                "SearchRequest": {"type": "object", "required": ["filters"], "additionalProperties": false, "properties": {
                    "filters": {"type": "array", "minItems": 1, "maxItems": scout_query::search_request::MAX_FILTERS, "items": {"$ref": "#/components/schemas/Filter"}},
                    "relatedSearchTransactionIds": {"type": "array", "maxItems": 100, "items": {"type": "string"}}
                }},
                "SearchResponse": {"type": "object", "properties": {
                    "success": {"type": "boolean"},
                    "data": {"type": "object", "properties": {
                        "talents": {"type": "array", "items": {"$ref": "#/components/schemas/Talent"}},
                        "estimationCount": {"type": "integer", "description": "Exact number of talents meeting every required and excluded filter"},
                        "searchTransactionId": {"type": "string"}
                    }}
                }},
                "Talent": {"type": "object", "description": "The documented talent profile, plus `match`: per filter whether it matched, its quality tier, evidence (field, text, offsets, distanceKm, value) and the score.",
                    "properties": {"id": {"type": "string"}, "match": {"type": "object"}}, "additionalProperties": true},
                "ErrorEnvelope": {"type": "object", "properties": {
                    "success": {"const": false},
                    "error": {"type": "object", "required": ["code", "message", "debugTrackingCode"], "properties": {
                        "code": {"type": "string"}, "message": {"type": "string"}, "debugTrackingCode": {"type": "string"},
                        "issues": {"type": "array", "items": {"type": "object"}},
                        "details": {"type": "object", "properties": {"window": {"type": "string"}, "limit": {"type": "integer"}, "current": {"type": "integer"}}}
                    }}
                }}
            }
        }
    })
}
