//! Prompt search, its two reference-data helpers and saved candidate lists;
//! see docs/prompt-search.md. Each body schema states the rules of its
//! handler in `searches.rs`, `search_helpers.rs` and `pools.rs`.

use scout_query::prompt::MAX_PROMPT_CHARS;
use scout_query::sales_navigator::MAX_URL_CHARS;
use scout_store::MAX_POOL_MEMBERS;
use serde_json::{json, Value};

use super::rules::{
    at_least_one_of, body, errors, integer, nullable, object, ok, optional_text, path_param, query,
    strings, text, with,
};
use crate::search_helpers::MAX_SKILLS;
use crate::searches::MAX_RESULTS;

fn limit() -> Value {
    with(
        nullable(integer(1, MAX_RESULTS)),
        json!({"description": "Candidates to return (default 25)"}),
    )
}

fn prompt(with_limit: bool) -> Value {
    let mut fields = json!({"prompt": text(MAX_PROMPT_CHARS)});
    if with_limit {
        fields["limit"] = limit();
    }
    with(
        object(&["prompt"], fields),
        json!({"description": "A prompt that names nothing Scout can search for is a validation_error at `prompt`"}),
    )
}

fn pages(default_size: i64, max_size: i64) -> Value {
    json!([
        query(
            "page",
            "0-indexed page",
            json!({"type": "integer", "minimum": 0, "maximum": 1_000_000, "default": 0})
        ),
        query(
            "pageSize",
            "Rows per page",
            json!({"type": "integer", "minimum": 1, "maximum": max_size, "default": default_size})
        )
    ])
}

fn member_ids() -> Value {
    strings(0, MAX_POOL_MEMBERS, Some(200))
}

fn create_list() -> Value {
    object(
        &["name"],
        json!({
            "name": text(crate::pools::MAX_NAME_CHARS),
            "candidateSearchId": optional_text(100),
            "talentIds": member_ids()
        }),
    )
}

fn replace_list() -> Value {
    with(
        object(
            &[],
            json!({"name": optional_text(crate::pools::MAX_NAME_CHARS), "talentIds": member_ids()}),
        ),
        json!({"anyOf": at_least_one_of(&[("name", json!({"type": "string"})), ("talentIds", json!({"type": "array"}))])}),
    )
}

/// The paths.
pub(super) fn paths() -> Value {
    let errors = |extra: Value| {
        errors(
            "not_found (also for another workspace's search or list)",
            extra,
        )
    };
    // the schema of one event of the stream; `data` is a JSON document
    let event = json!({"type": "object", "required": ["event", "data"], "properties": {
        "event": {"type": "string", "enum": ["interpretation", "progress", "candidate", "done", "error"]},
        "data": {"type": "string", "contentMediaType": "application/json"}
    }});
    let stream = json!({"description": "text/event-stream: interpretation, progress, candidate…, done (or error)", "content": {"text/event-stream": {"schema": event}}});
    let search_pages = pages(
        crate::searches::DEFAULT_PAGE_SIZE,
        crate::searches::MAX_PAGE_SIZE,
    );
    let list_pages = pages(crate::pools::DEFAULT_PAGE_SIZE, crate::pools::MAX_PAGE_SIZE);
    let id = path_param("candidateSearchId");
    let list = path_param("listId");
    // the two helpers answer without a key too, from the bundled reference
    // data only (docs/prompt-search.md)
    let key_optional = json!([{}, {"apiKey": []}, {"bearer": []}]);
    json!({
        "/v1/searches/candidates/classify-intent": {"post": {"summary": "Read a prompt into filters, with spans and confidences",
            "requestBody": body(object(&["prompt"], json!({"prompt": text(MAX_PROMPT_CHARS)}))),
            "responses": errors(json!({"200": ok("{filters, explanations, notes, remote, parser}")}))}},
        "/v1/searches/candidates/search": {"post": {"summary": "Prompt search, streamed", "requestBody": body(prompt(true)), "responses": errors(json!({"200": stream}))}},
        "/v1/searches/candidates/start-with-sales-navigator-url": {"post": {"summary": "Search from a Sales Navigator people-search URL, streamed",
            "requestBody": body(with(object(&["url"], json!({"url": text(MAX_URL_CHARS), "limit": limit()})),
                json!({"description": "A URL that is not a Sales Navigator people search is a validation_error at `url`"}))),
            "responses": errors(json!({"200": stream, "422": super::rules::error_response("unprocessable_entity: only a savedSearchId, or nothing mappable")}))}},
        "/v1/searches/candidates/history": {"get": {"summary": "The caller's searches, latest first", "parameters": search_pages, "responses": errors(json!({"200": ok("{searches, pagination}")}))}},
        "/v1/searches/candidates/{candidateSearchId}": {
            "get": {"summary": "A search with a page of its results", "parameters": [id, search_pages[0], search_pages[1]], "responses": errors(json!({"200": ok("{search…, results, pagination}")}))},
            "patch": {"summary": "Re-prompt: re-read, re-run, keep the revision", "parameters": [id], "requestBody": body(prompt(true)), "responses": errors(json!({"200": ok("{search…, results}"), "409": super::rules::error_response("conflict: other requests kept changing this search at the same moment; nothing was lost, try again")}))}
        },
        "/v1/searches/candidates/{candidateSearchId}/expand": {"post": {"summary": "Relax one step and return only new candidates", "parameters": [id],
            "requestBody": {"required": false, "content": {"application/json": {"schema": object(&[], json!({"limit": limit()}))}}},
            "responses": errors(json!({"200": ok("{step, exhausted, filters, total, returned, candidates}"), "409": super::rules::error_response("conflict: other requests kept changing this search at the same moment; nothing was lost, try again")}))}},
        "/v1/searches/candidates/job-title-synonyms": {"post": {"summary": "Alternate and related job titles",
            "description": "Without a key: from the bundled reference data only (`basis: reference_data`).", "security": key_optional,
            "requestBody": body(object(&["title"], json!({"title": text(200)}))), "responses": errors(json!({"200": ok("{synonyms, related, family, basis}")}))}},
        "/v1/searches/candidates/skills-suggestions": {"post": {"summary": "Skills that go with the ones given",
            "description": "Without a key: from the bundled reference data only (`basis: reference_data`).", "security": key_optional,
            "requestBody": body(object(&["skills"], json!({"skills": strings(1, MAX_SKILLS, Some(100))}))), "responses": errors(json!({"200": ok("{suggestions, basis}")}))}},
        "/v1/pools/candidates": {"post": {"summary": "Create a candidate list",
            "description": "A candidateSearchId must name a search of this workspace (else validation_error at `candidateSearchId`).",
            "requestBody": body(create_list()), "responses": errors(json!({"201": ok("{list}")}))}},
        "/v1/pools/candidates/user/{userId}": {"get": {"summary": "A user's lists (`me` for the caller)", "parameters": [path_param("userId")], "responses": errors(json!({"200": ok("{lists}")}))}},
        "/v1/pools/candidates/{listId}": {
            "get": {"summary": "A list with a page of its members", "parameters": [list, list_pages[0], list_pages[1]], "responses": errors(json!({"200": ok("{list…, candidates, pagination}")}))},
            "put": {"summary": "Rename and/or replace members", "parameters": [list], "requestBody": body(replace_list()), "responses": errors(json!({"200": ok("{list}")}))},
            "delete": {"summary": "Delete a list", "parameters": [list], "responses": errors(json!({"200": ok("{id, deleted}")}))}
        },
        "/v1/pools/candidates/{listId}/export": {"get": {"summary": "A list as CSV", "parameters": [list], "responses": errors(json!({"200": {"description": "text/csv", "content": {"text/csv": {"schema": {"type": "string"}}}}}))}}
    })
}
