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

fn ok(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SuccessEnvelope"}}}})
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "description": description, "schema": schema})
}

fn path_param(name: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}})
}

fn body(description: &str) -> Value {
    json!({"required": true, "content": {"application/json": {"schema": {"type": "object", "description": description}}}})
}

/// The prompt search hub and saved lists; see docs/prompt-search.md.
fn prompt_search_paths() -> Value {
    let errors = |extra: Value| {
        let mut r = json!({
            "400": error_response("validation_error (with issues)"),
            "401": error_response("missing_api_key or invalid_api_key"),
            "403": error_response("insufficient_scope"),
            "404": error_response("not_found (also for another workspace's search or list)"),
            "429": error_response("rate_limit_exceeded"),
            "500": error_response("internal_error")
        });
        if let (Some(r), Value::Object(e)) = (r.as_object_mut(), extra) {
            r.extend(e);
        }
        r
    };
    let stream = json!({"description": "text/event-stream: interpretation, progress, candidate…, done (or error)", "content": {"text/event-stream": {"schema": {"type": "string"}}}});
    let page = json!([
        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
        {"name": "pageSize", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
    ]);
    let id = path_param("candidateSearchId");
    let list = path_param("listId");
    json!({
        "/v1/searches/candidates/classify-intent": {"post": {"summary": "Read a prompt into filters, with spans and confidences", "requestBody": body("{prompt}"), "responses": errors(json!({"200": ok("{filters, explanations, notes, remote, parser}")}))}},
        "/v1/searches/candidates/search": {"post": {"summary": "Prompt search, streamed", "requestBody": body("{prompt, limit?}"), "responses": errors(json!({"200": stream}))}},
        "/v1/searches/candidates/start-with-sales-navigator-url": {"post": {"summary": "Search from a Sales Navigator people-search URL, streamed", "requestBody": body("{url, limit?}"),
            "responses": errors(json!({"200": stream, "422": error_response("unprocessable_entity: only a savedSearchId, or nothing mappable")}))}},
        "/v1/searches/candidates/history": {"get": {"summary": "The caller's searches, latest first", "parameters": page, "responses": errors(json!({"200": ok("{searches, pagination}")}))}},
        "/v1/searches/candidates/{candidateSearchId}": {
            "get": {"summary": "A search with a page of its results", "parameters": [id, page[0], page[1]], "responses": errors(json!({"200": ok("{search…, results, pagination}")}))},
            "patch": {"summary": "Re-prompt: re-read, re-run, keep the revision", "parameters": [id], "requestBody": body("{prompt, limit?}"), "responses": errors(json!({"200": ok("{search…, results}")}))}
        },
        "/v1/searches/candidates/{candidateSearchId}/expand": {"post": {"summary": "Relax one step and return only new candidates", "parameters": [id], "responses": errors(json!({"200": ok("{step, exhausted, filters, total, returned, candidates}")}))}},
        "/v1/searches/candidates/job-title-synonyms": {"post": {"summary": "Alternate and related job titles", "requestBody": body("{title}"), "responses": errors(json!({"200": ok("{synonyms, related, family}")}))}},
        "/v1/searches/candidates/skills-suggestions": {"post": {"summary": "Skills that go with the ones given", "requestBody": body("{skills: [string]}"), "responses": errors(json!({"200": ok("{suggestions}")}))}},
        "/v1/pools/candidates": {"post": {"summary": "Create a candidate list", "requestBody": body("{name, candidateSearchId?, talentIds?}"), "responses": errors(json!({"201": ok("{list}")}))}},
        "/v1/pools/candidates/user/{userId}": {"get": {"summary": "A user's lists (`me` for the caller)", "parameters": [path_param("userId")], "responses": errors(json!({"200": ok("{lists}")}))}},
        "/v1/pools/candidates/{listId}": {
            "get": {"summary": "A list with a page of its members", "parameters": [list, page[0], page[1]], "responses": errors(json!({"200": ok("{list…, candidates, pagination}")}))},
            "put": {"summary": "Rename and/or replace members", "parameters": [list], "requestBody": body("{name?, talentIds?}"), "responses": errors(json!({"200": ok("{list}")}))},
            "delete": {"summary": "Delete a list", "parameters": [list], "responses": errors(json!({"200": ok("{id, deleted}")}))}
        },
        "/v1/pools/candidates/{listId}/export": {"get": {"summary": "A list as CSV", "parameters": [list], "responses": errors(json!({"200": {"description": "text/csv", "content": {"text/csv": {"schema": {"type": "string"}}}}}))}}
    })
}

/// Leads read from CVs; see docs/leads.md.
fn leads_paths() -> Value {
    let errors = |extra: Value| {
        let mut r = json!({
            "400": error_response("validation_error (with issues)"),
            "401": error_response("missing_api_key or invalid_api_key"),
            "403": error_response("insufficient_scope"),
            "404": error_response("not_found (also for a lead of another organization)"),
            "429": error_response("rate_limit_exceeded"),
            "500": error_response("internal_error")
        });
        if let (Some(r), Value::Object(e)) = (r.as_object_mut(), extra) {
            r.extend(e);
        }
        r
    };
    let lead = path_param("leadId");
    let multipart = json!({"required": true, "content": {"multipart/form-data": {"schema": {"type": "object",
        "properties": {"files": {"type": "array", "maxItems": crate::leads::MAX_FILES, "items": {"type": "string", "format": "binary"}}, "roleId": {"type": "string"}},
        "required": ["files"]}}}});
    let listing = json!({"description": "{data: [lead], pagination: {page, pageSize, totalCount, totalPages}} (no success key, as documented)",
        "content": {"application/json": {"schema": {"type": "object", "required": ["data", "pagination"]}}}});
    json!({
        "/api/v1/sourcing": {"get": {"summary": "List leads (potential candidates)", "description": "Admins see every lead; others the leads linked to their organization. Requires `sourcing:read`.", "parameters": [
            query("page", "0-indexed page", json!({"type": "integer", "minimum": 0, "default": 0})),
            query("pageSize", "Rows per page", json!({"type": "integer", "minimum": 1, "maximum": crate::leads::MAX_PAGE_SIZE, "default": crate::leads::DEFAULT_PAGE_SIZE})),
            query("roleId", "Only leads linked to this role", json!({"type": "string"})),
            query("status", "Only this status (uploaded, parsed, failed, converted)", json!({"type": "string"}))
        ], "responses": errors(json!({"200": listing}))}},
        "/api/v1/sourcing/cvs": {"post": {"summary": "Upload CVs (PDF, DOCX, text by content; at most 20 files of 10 MiB)", "requestBody": multipart,
            "responses": errors(json!({"201": ok("{results: [{fileName, leadId, created, status, failureReason}], leads, parsed, failed}"), "413": error_response("payload_too_large: the request body is over 60 MiB")}))}},
        "/api/v1/sourcing/{leadId}": {"get": {"summary": "A lead with its parsed CV and history", "parameters": [lead], "responses": errors(json!({"200": ok("{lead…, parsedCv, history}")}))}},
        "/api/v1/sourcing/{leadId}/cv": {"get": {"summary": "The original CV file", "parameters": [lead], "responses": errors(json!({"200": {"description": "The file as uploaded", "content": {"application/pdf": {}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}, "text/plain": {}}}}))}},
        "/api/v1/sourcing/{leadId}/roles": {"post": {"summary": "Link to a role and compute the resume fit", "parameters": [lead], "requestBody": body("{roleId}"),
            "responses": errors(json!({"200": ok("{lead}"), "409": error_response("conflict: the CV could not be read")}))}},
        "/api/v1/sourcing/{leadId}/roles/{roleId}/screening": {"put": {"summary": "Record a screening result (the overall fit)", "parameters": [lead, path_param("roleId")], "requestBody": body("{overallFitScore: 0–100, notes?}"),
            "responses": errors(json!({"200": ok("{lead}")}))}},
        "/api/v1/sourcing/{leadId}/convert": {"post": {"summary": "Make the lead a candidate of a job (and optionally a talent)", "parameters": [lead], "requestBody": body("{roleId, addToIndex?}"),
            "responses": errors(json!({"201": ok("{lead} with candidateId"), "200": ok("{lead}: already converted for that role"), "409": error_response("conflict: the CV could not be read")}))}}
    })
}

/// Sourcing projects (jobs) and their pipelines; see docs/sourcing.md.
fn sourcing_paths() -> Value {
    let common = |extra: Value| {
        let mut r = json!({
            "400": error_response("validation_error (with issues)"),
            "401": error_response("missing_api_key or invalid_api_key"),
            "403": error_response("insufficient_scope"),
            "404": error_response("not_found (also for another workspace's sourcing)"),
            "429": error_response("rate_limit_exceeded"),
            "500": error_response("internal_error")
        });
        if let (Some(r), Value::Object(e)) = (r.as_object_mut(), extra) {
            r.extend(e);
        }
        r
    };
    let stages: Vec<&str> = scout_model::Stage::ALL.iter().map(|s| s.handle()).collect();
    let sid = path_param("sourcingId");
    let cid = path_param("candidateId");
    json!({
        "/v1/sourcings": {
            "get": {"summary": "List sourcings", "parameters": [
                query("pageIndex", "Zero-based page index", json!({"type": "integer", "minimum": 0, "default": 0})),
                query("pageSize", "Page size (max 50)", json!({"type": "integer", "minimum": 1, "maximum": 50, "default": 25})),
                query("status", "active (default), archived or all", json!({"type": "string", "enum": ["active", "archived", "all"]}))
            ], "responses": common(json!({"200": ok("{sourcings, pagination}")}))},
            "post": {"summary": "Create a sourcing (a job)", "requestBody": body("{title, description?, location?, salary?: {min?, max?, currency?}, requirements?: [Filter]}"),
                     "responses": common(json!({"201": ok("{sourcing}")}))}
        },
        "/v1/sourcings/{sourcingId}": {
            "parameters": [sid],
            "get": {"summary": "Get a sourcing", "responses": common(json!({"200": ok("{sourcing}")}))},
            "patch": {"summary": "Update, archive or restore a sourcing", "requestBody": body("Any of title, description, location, salary, requirements, archived"),
                      "responses": common(json!({"200": ok("{sourcing}")}))},
            "delete": {"summary": "Delete a sourcing with its candidates", "responses": common(json!({"200": ok("{id, deleted}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates": {
            "parameters": [sid],
            "get": {"summary": "List candidates", "description": "Same pagination, filters and ordering as the candidates table. Requires `sourcing:read`.", "parameters": [
                query("pageIndex", "Zero-based page index", json!({"type": "integer", "minimum": 0, "default": 0})),
                query("pageSize", "Page size (max 50)", json!({"type": "integer", "minimum": 1, "maximum": 50, "default": 25})),
                query("search", "Free-text search on candidate/talent fields (aliases q, query)", json!({"type": "string", "maxLength": 200})),
                query("statusHandle", "Repeatable; omitted = all but NOT_RETAINED", json!({"type": "array", "items": {"type": "string", "enum": stages}})),
                query("location", "Repeatable city filter", json!({"type": "array", "items": {"type": "string"}})),
                query("jobTitle", "Repeatable job title filter", json!({"type": "array", "items": {"type": "string"}})),
                query("currentCompany", "Repeatable current company filter", json!({"type": "array", "items": {"type": "string"}})),
                query("sortField", "Sort key", json!({"type": "string", "enum": scout_store::CandidateSort::NAMES})),
                query("sortOrder", "asc or desc", json!({"type": "string", "enum": ["asc", "desc"]}))
            ], "responses": common(json!({"200": ok("{candidates: [{candidate, talent}], pagination: {pageIndex, pageSize, total, hasNextPage}}")}))},
            "post": {"summary": "Add talents, a search transaction's results, or applicants", "requestBody": body("{talentIds?, searchTransactionId?, candidates?, statusHandle?}"),
                     "responses": common(json!({"200": ok("{added, existing, candidates}"), "201": ok("{added, existing, candidates}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}": {
            "parameters": [sid, cid],
            "get": {"summary": "Get a candidate", "responses": common(json!({"200": ok("{candidate, talent, profile}")}))},
            "patch": {"summary": "Change status and/or rating", "requestBody": body("{statusHandle? | status?, userRating?}"), "responses": common(json!({"200": ok("{candidate}")}))},
            "delete": {"summary": "Remove a candidate", "responses": common(json!({"200": ok("{id, deleted}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/contacts": {
            "parameters": [sid, cid],
            "post": {"summary": "Log a contact attempt", "requestBody": body("{channel: email|phone|linkedin, value?, note?}"), "responses": common(json!({"201": ok("{candidate}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/notes": {
            "parameters": [sid, cid],
            "post": {"summary": "Add a note", "requestBody": body("{text}"), "responses": common(json!({"201": ok("{candidate}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/history": {
            "parameters": [sid, cid],
            "get": {"summary": "A candidate's history, latest first", "responses": common(json!({"200": ok("{events}")}))}
        },
        "/v1/job-candidates": {
            "get": {"summary": "Get a job's candidates", "description": "Hirempire shape; errors are {success: false, error: \"…\"}.",
                "parameters": [json!({"name": "job_id", "in": "query", "required": true, "schema": {"type": "string"}})],
                "responses": {
                    "200": {"description": "{success, total_candidates, candidates}"},
                    "400": {"description": "{success: false, error: \"Query parameter 'job_id' is required.\"}"},
                    "401": {"description": "{success: false, error: \"Invalid token\"}"},
                    "404": {"description": "{success: false, error: \"Job not found\"}"}
                }}
        }
    })
}

/// The whole document.
pub fn document() -> Value {
    let filter_types: Vec<&str> = FilterType::ALL.iter().map(|t| t.as_str()).collect();
    let mut doc = json!({
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
                    "radius": {"type": ["number", "null"], "minimum": 0, "maximum": scout_query::search_request::MAX_RADIUS_KM, "description": "Common to every filter; used by LOCATION: kilometres around a city (ignored on other types, as match.ignored says)"},
                    "history": {"type": ["string", "null"], "enum": ["CURRENT", "PAST", "CURRENT_OR_PAST", null], "description": "Common to every filter; used by JOB_TITLE (default CURRENT), COMPANY_NAME, COMPANY_SIZE, COMPANY_INDUSTRY (default CURRENT_OR_PAST); ignored on other types, as match.ignored says"}
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
                "Talent": {"type": "object", "description": "The documented talent profile, plus `match`: per filter whether it matched, its quality tier, evidence (field, text, offsets, distanceKm, value, via: the place a location matched through) and the score.",
                    "properties": {"id": {"type": "string"}, "match": {"type": "object"}}, "additionalProperties": true},
                "SuccessEnvelope": {"type": "object", "properties": {"success": {"const": true}, "data": {"type": "object"}}},
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
    });
    for more in [sourcing_paths(), prompt_search_paths(), leads_paths()] {
        if let (Some(paths), Value::Object(more)) = (doc["paths"].as_object_mut(), more) {
            paths.extend(more);
        }
    }
    doc
}
