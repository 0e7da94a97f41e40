//! Profiles over HTTP (docs/data.md): one profile by id, bulk JSON Lines,
//! and exports; each written to the caller's workspace's own profiles, or
//! with `pool=shared` and the `admin` scope to the shared pool.

use serde_json::{json, Value};

use super::rules::{error_response, errors, nullable, ok, one_of, query, web_url, with};
use crate::profiles::{MAX_BULK_BYTES, MAX_FILTERED_EXPORT, MAX_LISTED_REJECTS};
use scout_query::search_request::MAX_FILTERS;

/// Characters an id may not hold (`char::is_control`).
const CONTROL: &str = "\\u0000-\\u001f\\u007f-\\u009f";
use scout_ingest::MAX_ID_CHARS;

/// A talent id: no control characters, no surrounding white space.
fn talent_id() -> Value {
    let blank = super::rules::blank();
    let blank = blank.trim_start_matches('[').trim_end_matches(']');
    json!({"type": "string", "minLength": 1, "maxLength": MAX_ID_CHARS,
        "pattern": format!("^[^{CONTROL}{blank}]([^{CONTROL}]*[^{CONTROL}{blank}])?$")})
}

/// An ISO 8601 date as the importer reads it: `YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD` or a timestamp.
fn date() -> Value {
    nullable(
        json!({"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2}[\\s\\S]*)?)?$"}),
    )
}

fn text() -> Value {
    json!({"type": ["string", "null"]})
}

fn texts() -> Value {
    json!({"type": "array", "items": {"type": "string"}})
}

fn link() -> Value {
    nullable(web_url(2000))
}

fn closed(properties: Value) -> Value {
    json!({"type": "object", "additionalProperties": false, "properties": properties})
}

/// The documented talent profile as a body: every field optional but the
/// id (the path's), unknown fields refused, dates and links checked.
pub(super) fn talent_input_schema() -> Value {
    closed(json!({
        "id": with(talent_id(), json!({"description": "When given, the path's id"})),
        "firstname": text(), "lastname": text(), "gender": text(), "city": text(), "country": text(),
        "jobTitle": text(), "summary": text(), "state": text(), "headline": text(),
        "photoUrl": link(), "linkedinUrl": link(),
        "currentOrganization": nullable(closed(json!({"id": text(), "name": text(), "logoUrl": link()}))),
        "experiences": {"type": "array", "items": closed(json!({
            "organizationName": text(), "title": text(), "startDate": date(), "endDate": date(),
            "description": text(), "isCurrent": {"type": "boolean"},
            "organization": nullable(closed(json!({"logoUrl": link(), "name": text()})))}))},
        "educations": {"type": "array", "items": closed(json!({
            "schoolName": text(), "schoolLogo": text(), "summary": text(), "degrees": texts(),
            "majors": texts(), "minors": texts(), "startDate": date(), "endDate": date(), "schoolDomain": text()}))},
        "skills": texts(),
        "interests": texts(),
        "languages": {"type": "array", "items": closed(json!({"name": text(), "proficiency": text()}))},
        "certifications": {"type": "array", "items": closed(json!({
            "name": text(), "organizationName": text(), "startDate": date(), "endDate": date()}))}
    }))
}

fn path_id() -> Value {
    json!({"name": "talentId", "in": "path", "required": true, "schema": talent_id()})
}

fn write_pool() -> Value {
    query(
        "pool",
        "`workspace` (the default: the key's workspace's own profiles) or `shared` (the pool every workspace sees; the `admin` scope only)",
        one_of(&["workspace", "shared"]),
    )
}

fn download(description: &str) -> Value {
    json!({"description": description, "content": {
        "application/x-ndjson": {"schema": {"type": "string"}},
        "text/csv": {"schema": {"type": "string"}}
    }})
}

/// The paths.
pub(super) fn paths() -> Value {
    let conflict = error_response("conflict: another pool this workspace sees holds the id (the shared pool, or for pool=shared a workspace), or the person was erased on request");
    let export_pool = one_of(&["own", "shared", "all"]);
    let format = one_of(&["jsonl", "csv"]);
    json!({
        "/v1/talents/{talentId}": {
            "put": {
                "summary": "Create or replace one profile",
                "description": "Requires `talents:write`. The profile becomes the workspace's own (seen by its searches alone) unless an `admin` key writes `pool=shared`. Answers 201 when it was created, 200 when it was replaced or unchanged; the change is searchable on every server within a second.",
                "parameters": [path_id(), write_pool()],
                "requestBody": {"required": true, "content": {"application/json": {"schema": talent_input_schema()}}},
                "responses": errors("not_found (never)", json!({
                    "200": ok("{talent, pool, outcome: updated | unchanged}"),
                    "201": ok("{talent, pool, outcome: inserted}"),
                    "409": conflict
                }))
            },
            "get": {
                "summary": "One profile the workspace sees, with its provenance",
                "description": "Requires `talents:search`. Another workspace's profile answers 404, as an id nobody has.",
                "parameters": [path_id()],
                "responses": errors("not_found", json!({"200": ok("{talent, pool: shared | workspace, source, firstSeenAt, lastChangedAt, sources: [{kind: written | merged, source, at, talentId?, reason?, duplicateId?}]}")}))
            },
            "delete": {
                "summary": "Delete one profile of the pool",
                "description": "Requires `talents:write`; a shared profile needs an `admin` key and `pool=shared` (403 otherwise).",
                "parameters": [path_id(), write_pool()],
                "responses": errors("not_found", json!({"200": ok("{id, deleted: true, pool}")}))
            }
        },
        "/v1/talents/bulk": {"post": {
            "summary": "Import profiles as JSON Lines (plain or gzip)",
            "description": format!("Requires `talents:write`. Read by `scout import`'s importer: JSON Lines in the talent schema (plain or gzip), CSV (`text/csv`: columns mapped from their headers, `map` to override), a JSON Resume or an array of them, or a LinkedIn data export (`application/zip`); the format is told from `format`, else the content type, else the bytes. At most {MAX_BULK_BYTES} bytes as sent. A bad line or row is rejected with its number and reason and never stops the rest; the first {MAX_LISTED_REJECTS} are listed. A file its reader cannot read at all (a CSV whose headers map to nothing, a broken archive) is a validation_error."),
            "parameters": [write_pool(),
                query("format", "What the body holds (default: told from the content type, else the bytes)", one_of(scout_ingest::formats::Format::NAMES)),
                {"name": "map", "in": "query", "description": "A CSV column read as a field: `COLUMN=FIELD` (repeatable; fields as `scout import --map` takes them)",
                 "schema": {"type": "array", "items": {"type": "string", "maxLength": 400, "pattern": "="}}, "style": "form", "explode": true}],
            "requestBody": {"required": true, "content": {
                "application/x-ndjson": {"schema": {
                    "description": "One profile per line (shown as the array of the lines' objects); gzip-compressed bytes are read the same",
                    "type": "array", "minItems": 1, "items": with(talent_input_schema(), json!({"required": ["id"]}))}},
                "text/csv": {"schema": {"type": "string", "minLength": 1, "description": "A header row, then one person per row; comma, semicolon or tab separated"}},
                "application/zip": {"schema": {"type": "string", "format": "binary", "description": "LinkedIn's member data export as downloaded"}}
            }},
            "responses": errors("not_found (never)", json!({
                "200": ok("{pool, read, inserted, updated, unchanged, rejected, erased, taken, rejects: [{line, reason, excerpt}], rejectsTruncated, damaged, seconds}"),
                "413": error_response("payload_too_large")
            }))
        }},
        "/v1/talents/export": {
            "get": {
                "summary": "Every profile of a pool, in id order, streamed as JSON Lines or CSV",
                "description": "Requires `talents:search`. `pool=own` (the default) is the workspace's own profiles; `shared` and `all` need the `admin` scope.",
                "parameters": [query("format", "`jsonl` (default: the talent schema, which bulk takes back) or `csv`", format.clone()),
                               query("pool", "`own` (default), `shared` or `all`", export_pool.clone())],
                "responses": errors("not_found (never)", json!({"200": download("The profiles")}))
            },
            "post": {
                "summary": "The profiles meeting search filters, best match first, streamed",
                "description": format!("Requires `talents:search`. The filters of POST /v1/search/talents; at most {MAX_FILTERED_EXPORT} profiles. Without filters, as GET."),
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "additionalProperties": false, "properties": {
                        "filters": {"type": ["array", "null"], "maxItems": MAX_FILTERS, "items": {"$ref": "#/components/schemas/Filter"}},
                        "format": nullable(format),
                        "pool": nullable(export_pool)
                    }}}}},
                "responses": errors("not_found (never)", json!({"200": download("The profiles"), "504": error_response("search_engine_timeout")}))
            }
        }
    })
}

/// The duplicates queue's paths (docs/data.md, One person once).
pub(super) fn duplicate_paths() -> Value {
    use crate::duplicates::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, STATUSES};
    let id = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 200}});
    let pool = query(
        "pool",
        "`workspace` (the default: the key's workspace's own profiles) or `shared` (the `admin` scope only)",
        one_of(&["workspace", "shared"]),
    );
    let decision = |summary: &str, description: &str| {
        json!({"post": {
            "summary": summary,
            "description": format!("Requires `talents:write`. {description}"),
            "parameters": [id.clone(), pool.clone()],
            "responses": errors("not_found: the pool has no such pair", json!({
                "200": ok("{id, pool, talentIds, reason, certain, status, createdAt, decidedAt, decidedBy, survivorId}"),
                "409": error_response("conflict: the pair is not in the state this needs")
            }))
        }})
    };
    json!({
        "/v1/duplicates": {"get": {
            "summary": "Pairs of profiles taken for one person, newest first",
            "description": "Requires `talents:search`. With the profiles of both sides that the workspace sees.",
            "parameters": [
                query("status", "`open` (the default), `merged` or `dismissed`", one_of(&STATUSES)),
                query("page", "Page, from 0", json!({"type": "integer", "minimum": 0, "maximum": 100_000, "default": 0})),
                query("pageSize", "Pairs per page", json!({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE})),
                pool.clone()
            ],
            "responses": errors("not_found (never)", json!({"200": ok("{duplicates: [{id, pool, talentIds, reason, certain, status, createdAt, decidedAt, decidedBy, survivorId}], talents: {id: talent}, total, page, pageSize}")}))
        }},
        "/v1/duplicates/scan": {"post": {
            "summary": "Look at every profile of the pool: certain duplicates merged, probable ones queued",
            "description": "Requires `talents:write`.",
            "parameters": [pool.clone()],
            "responses": errors("not_found (never)", json!({"200": ok("{profiles, merged, queued}")}))
        }},
        "/v1/duplicates/{id}": {"get": {
            "summary": "One pair",
            "description": "Requires `talents:search`.",
            "parameters": [id.clone(), pool.clone()],
            "responses": errors("not_found: the pool has no such pair", json!({"200": ok("{id, pool, talentIds, reason, certain, status, createdAt, decidedAt, decidedBy, survivorId}")}))
        }},
        "/v1/duplicates/{id}/merge": decision("Merge an open pair into one profile", "The profile seen first keeps its id and takes the other's fields (the more recently changed one's values win, lists are joined); the other is deleted; candidates and list places that named it name the survivor (or, where the survivor is already there, are unlinked / removed)."),
        "/v1/duplicates/{id}/dismiss": decision("Not a duplicate: an open pair is never proposed again", "Remembered, also across imports and scans."),
        "/v1/duplicates/{id}/undo": decision("Undo a merge", "Both profiles as they were before it, what was moved moved back; the pair is then dismissed.")
    })
}
