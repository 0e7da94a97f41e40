//! Leads read from CVs; see docs/leads.md. Each body schema states the
//! rules of its handler in `leads.rs`.

use serde_json::{json, Value};

use super::rules::{
    body, error_response, errors, integer, object, ok, optional_text, path_param, query, text,
};
use crate::leads::{DEFAULT_PAGE_SIZE, MAX_FILES, MAX_PAGE_SIZE};

fn role() -> Value {
    object(
        &["roleId"],
        json!({"roleId": text(100), "addToIndex": {"type": "boolean", "description": "Also add the lead to the talent index (needs talents:write)"}}),
    )
}

/// The paths.
pub(super) fn paths() -> Value {
    let errors =
        |extra: Value| errors("not_found (also for a lead of another organization)", extra);
    let lead = path_param("leadId");
    let multipart = json!({"required": true, "content": {"multipart/form-data": {"schema": {"type": "object",
        "description": "Each file must be a PDF, DOCX or text file (read by its content) of at most 10 MiB; a roleId must name a sourcing of this workspace",
        "properties": {"files": {"type": "array", "minItems": 1, "maxItems": MAX_FILES, "items": {"type": "string", "format": "binary"}}, "roleId": {"type": "string"}},
        "additionalProperties": false,
        "required": ["files"]}}}});
    let listing = json!({"description": "{data: [lead], pagination: {page, pageSize, totalCount, totalPages}} (no success key, as documented)",
        "content": {"application/json": {"schema": {"type": "object", "required": ["data", "pagination"]}}}});
    let linked =
        "A roleId must name a sourcing of this workspace (else validation_error at `roleId`)";
    json!({
        "/api/v1/sourcing": {"get": {"summary": "List leads (potential candidates)", "description": "Admins see every lead; others the leads linked to their organization. Requires `sourcing:read`. Unknown query parameters are ignored.", "parameters": [
            query("page", "0-indexed page", json!({"type": "integer", "minimum": 0, "maximum": 1_000_000, "default": 0})),
            query("pageSize", "Rows per page", json!({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE})),
            query("roleId", "Only leads linked to this role", json!({"type": "string"})),
            query("status", "Only this status, any case (uploaded, parsed, failed, converted; another value matches nothing)", json!({"type": "string"}))
        ], "responses": errors(json!({"200": listing}))}},
        "/api/v1/sourcing/cvs": {"post": {"summary": "Upload CVs (PDF, DOCX, text by content; at most 20 files of 10 MiB)", "requestBody": multipart,
            "responses": errors(json!({"201": ok("{results: [{fileName, leadId, created, status, failureReason}], leads, parsed, failed}"), "413": error_response("payload_too_large: the request body is over the upload limit (60 MiB unless the operator set --max-upload-mb)")}))}},
        "/api/v1/sourcing/{leadId}": {
            "get": {"summary": "A lead with its parsed CV and history", "parameters": [lead], "responses": errors(json!({"200": ok("{lead…, parsedCv, history}")}))},
            "delete": {"summary": "Delete a lead and its stored CV", "parameters": [lead], "responses": errors(json!({"200": ok("{id, deleted}")}))}
        },
        "/api/v1/sourcing/{leadId}/cv": {"get": {"summary": "The original CV file", "parameters": [lead], "responses": errors(json!({"200": {"description": "The file as uploaded", "content": {"application/pdf": {}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}, "text/plain": {}}}}))}},
        "/api/v1/sourcing/{leadId}/roles": {"post": {"summary": "Link to a role and compute the resume fit", "description": linked, "parameters": [lead], "requestBody": body(role()),
            "responses": errors(json!({"200": ok("{lead}"), "409": error_response("conflict: the CV could not be read")}))}},
        "/api/v1/sourcing/{leadId}/roles/{roleId}/screening": {"put": {"summary": "Record a screening result (the overall fit)", "parameters": [lead, path_param("roleId")],
            "requestBody": body(object(&["overallFitScore"], json!({"overallFitScore": integer(0, 100), "notes": optional_text(5000)}))),
            "responses": errors(json!({"200": ok("{lead}")}))}},
        "/api/v1/sourcing/{leadId}/convert": {"post": {"summary": "Make the lead a candidate of a job (and optionally a talent)", "description": linked, "parameters": [lead], "requestBody": body(role()),
            "responses": errors(json!({"201": ok("{lead} with candidateId"), "200": ok("{lead}: already converted for that role"), "409": error_response("conflict: the CV could not be read")}))}}
    })
}
