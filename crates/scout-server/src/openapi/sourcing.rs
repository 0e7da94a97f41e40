//! Sourcing projects (jobs), their candidate pipelines and the Hirempire
//! job-candidates listing; see docs/sourcing.md. Each body schema states
//! the rules of its handler in `sourcings.rs` and `pipeline.rs`.

use scout_model::Stage;
use serde_json::{json, Value};

use super::rules::{
    at_least_one_of, body, errors, integer, not_blank, nullable, number, object, ok, one_of,
    optional_text, path_param, query, strings, text, web_url, with,
};
use super::talents::filter_list;
use crate::pipeline::{
    MAX_ENTRIES_PER_ADD, MAX_FILTER_VALUES, MAX_NOTE_CHARS, MAX_TALENTS_PER_ADD,
};
use crate::sourcings::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};

fn handles() -> Vec<&'static str> {
    Stage::ALL.iter().map(|s| s.handle()).collect()
}

/// A handle or a job status, as `Stage::parse` reads either vocabulary.
fn any_stage() -> Vec<&'static str> {
    let mut all = handles();
    all.extend(Stage::JOB_STATUSES);
    all
}

fn salary() -> Value {
    nullable(with(
        object(
            &[],
            json!({
                "min": nullable(number(0.0, 1e12)),
                "max": nullable(number(0.0, 1e12)),
                "currency": optional_text(3)
            }),
        ),
        json!({"description": "`max` must not be below `min` when both are given"}),
    ))
}

fn sourcing_fields(title: Value) -> Value {
    json!({
        "title": title,
        "description": optional_text(MAX_DESCRIPTION_CHARS),
        "location": optional_text(200),
        "salary": salary(),
        "requirements": filter_list()
    })
}

fn create_sourcing() -> Value {
    object(&["title"], sourcing_fields(text(MAX_TITLE_CHARS)))
}

fn update_sourcing() -> Value {
    let mut fields = sourcing_fields(text(MAX_TITLE_CHARS));
    fields["archived"] = json!({"type": "boolean"});
    object(&[], fields)
}

/// One applicant, prospect or upload entered by hand.
fn entry() -> Value {
    object(
        &["name"],
        json!({
            "type": nullable(one_of(&["applicant", "prospect", "upload"])),
            "status": nullable(one_of(&any_stage())),
            "name": text(200),
            "email": nullable(with(text(320), json!({"pattern": "@"}))),
            "phone_number": optional_text(50),
            "linkedin_url": web_url(2000),
            "cv_url": web_url(2000),
            "photo_url": web_url(2000),
            "nationality": optional_text(100),
            "location": optional_text(200),
            "job_title": optional_text(200),
            "company_name": optional_text(200),
            "source": optional_text(200),
            "experience_years": nullable(number(0.0, 80.0)),
            "salary_expectation": nullable(number(0.0, 1e12))
        }),
    )
}

fn add_candidates() -> Value {
    let ids = strings(0, MAX_TALENTS_PER_ADD, None);
    let entries =
        json!({"type": ["array", "null"], "maxItems": MAX_ENTRIES_PER_ADD, "items": entry()});
    with(
        object(
            &[],
            json!({
                "talentIds": ids,
                "searchTransactionId": optional_text(100),
                "statusHandle": nullable(one_of(&any_stage())),
                "candidates": entries
            }),
        ),
        json!({
            "description": "Give talentIds, a searchTransactionId or candidates (at least one, not empty); every talent and transaction named must exist (else validation_error at its path)",
            "anyOf": at_least_one_of(&[
                ("talentIds", json!({"type": "array", "minItems": 1})),
                ("searchTransactionId", json!({"type": "string"})),
                ("candidates", json!({"type": "array", "minItems": 1}))
            ])
        }),
    )
}

fn change_candidate() -> Value {
    with(
        object(
            &[],
            json!({
                "statusHandle": nullable(one_of(&handles())),
                "status": nullable(one_of(&Stage::JOB_STATUSES)),
                "userRating": nullable(integer(1, 5))
            }),
        ),
        json!({
            "description": "statusHandle or status (not both), and/or userRating (`null` clears the rating)",
            "anyOf": at_least_one_of(&[
                ("statusHandle", json!({"type": "string"})),
                ("status", json!({"type": "string"})),
                ("userRating", json!({"type": ["integer", "null"]}))
            ]),
            "not": {"required": ["statusHandle", "status"], "properties": {"statusHandle": {"type": "string"}, "status": {"type": "string"}}}
        }),
    )
}

fn contact() -> Value {
    object(
        &["channel"],
        json!({
            "channel": nullable(one_of(&["email", "phone", "linkedin"])),
            "value": optional_text(500),
            "note": optional_text(MAX_NOTE_CHARS)
        }),
    )
}

fn note() -> Value {
    object(&["text"], json!({"text": text(MAX_NOTE_CHARS)}))
}

fn page_index() -> Value {
    query(
        "pageIndex",
        "Zero-based page index",
        json!({"type": "integer", "minimum": 0, "maximum": i32::MAX, "default": 0}),
    )
}

fn page_size() -> Value {
    query(
        "pageSize",
        "Page size (max 50)",
        json!({"type": "integer", "minimum": 1, "maximum": crate::sourcings::MAX_PAGE_SIZE, "default": crate::sourcings::DEFAULT_PAGE_SIZE}),
    )
}

fn repeated(name: &str, description: &str) -> Value {
    query(
        name,
        description,
        json!({"type": "array", "maxItems": MAX_FILTER_VALUES, "items": {"type": "string", "maxLength": 200}}),
    )
}

/// The paths.
pub(super) fn paths() -> Value {
    let common = |extra: Value| errors("not_found (also for another workspace's sourcing)", extra);
    let sid = path_param("sourcingId");
    let cid = path_param("candidateId");
    let sort_fields = scout_store::CandidateSort::NAMES;
    json!({
        "/v1/sourcings": {
            "get": {"summary": "List sourcings", "parameters": [
                page_index(), page_size(),
                query("status", "active (default), archived or all; any case", json!({"type": "string", "enum": ["active", "archived", "all"]}))
            ], "responses": common(json!({"200": ok("{sourcings, pagination}")}))},
            "post": {"summary": "Create a sourcing (a job)", "requestBody": body(create_sourcing()),
                     "responses": common(json!({"201": ok("{sourcing}")}))}
        },
        "/v1/sourcings/{sourcingId}": {
            "parameters": [sid],
            "get": {"summary": "Get a sourcing", "responses": common(json!({"200": ok("{sourcing}")}))},
            "patch": {"summary": "Update, archive or restore a sourcing", "requestBody": body(update_sourcing()),
                      "responses": common(json!({"200": ok("{sourcing}")}))},
            "delete": {"summary": "Delete a sourcing with its candidates", "responses": common(json!({"200": ok("{id, deleted}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates": {
            "parameters": [sid],
            "get": {"summary": "List candidates", "description": "Same pagination, filters and ordering as the candidates table. Requires `sourcing:read`. Unknown query parameters are ignored.", "parameters": [
                page_index(), page_size(),
                query("search", "Free-text search on candidate/talent fields (aliases q, query)", json!({"type": "string", "maxLength": 200})),
                query("statusHandle", "Repeatable, any case; omitted = all but NOT_RETAINED", json!({"type": "array", "items": {"type": "string", "enum": handles()}})),
                repeated("location", "Repeatable city filter"),
                repeated("jobTitle", "Repeatable job title filter"),
                repeated("currentCompany", "Repeatable current company filter"),
                query("sortField", "Sort key, any case", json!({"type": "string", "enum": sort_fields})),
                query("sortOrder", "asc or desc, any case", json!({"type": "string", "enum": ["asc", "desc"]}))
            ], "responses": common(json!({"200": ok("{candidates: [{candidate, talent}], pagination: {pageIndex, pageSize, total, hasNextPage}}")}))},
            "post": {"summary": "Add talents, a search transaction's results, or applicants", "requestBody": body(add_candidates()),
                     "responses": common(json!({"200": ok("{added, existing, candidates}"), "201": ok("{added, existing, candidates}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}": {
            "parameters": [sid, cid],
            "get": {"summary": "Get a candidate", "responses": common(json!({"200": ok("{candidate, talent, profile}")}))},
            "patch": {"summary": "Change status and/or rating", "requestBody": body(change_candidate()), "responses": common(json!({"200": ok("{candidate}")}))},
            "delete": {"summary": "Remove a candidate", "responses": common(json!({"200": ok("{id, deleted}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/contacts": {
            "parameters": [sid, cid],
            "post": {"summary": "Log a contact attempt", "requestBody": body(contact()), "responses": common(json!({"201": ok("{candidate}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/notes": {
            "parameters": [sid, cid],
            "post": {"summary": "Add a note", "requestBody": body(note()), "responses": common(json!({"201": ok("{candidate}")}))}
        },
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/history": {
            "parameters": [sid, cid],
            "get": {"summary": "A candidate's history, latest first", "responses": common(json!({"200": ok("{events}")}))}
        },
        "/v1/job-candidates": {
            "get": {"summary": "Get a job's candidates", "description": "Hirempire shape; errors are {success: false, error: \"…\"}.",
                "parameters": [json!({"name": "job_id", "in": "query", "required": true, "schema": {"type": "string", "minLength": 1, "pattern": not_blank()}})],
                "responses": {
                    "200": {"description": "{success, total_candidates, candidates}", "content": {"application/json": {"schema": {"type": "object", "required": ["success", "total_candidates", "candidates"]}}}},
                    "400": flat("Query parameter 'job_id' is required."),
                    "401": flat("Invalid token"),
                    "403": flat("the key lacks sourcing:read"),
                    "404": flat("Job not found"),
                    "429": flat("rate limit exceeded"),
                    "500": flat("Internal server error")
                }}
        }
    })
}

/// A Hirempire error: `{success: false, error: "…"}`.
fn flat(example: &str) -> Value {
    json!({"description": format!("{{success: false, error: \"{example}\"}}"),
        "content": {"application/json": {"schema": {"type": "object", "required": ["success", "error"],
            "properties": {"success": {"const": false}, "error": {"type": "string"}}}}}})
}
