//! People's data rights and the audit log (docs/operations.md, "Data
//! rights"): the operator's endpoints, each needing the `admin` scope.

use serde_json::{json, Value};

use super::rules::{error_response, errors, integer, ok, one_of, query};
use crate::audit::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use scout_store::data_rights::MAX_PERSON_REF;

/// Characters `char::is_control` refuses in a person's identifier.
const CONTROL: &str = "\\u0000-\\u001f\\u007f-\\u009f";

/// `{person}`: an e-mail address (with `@`, compared without case) or a
/// talent id; no control characters, not blank.
fn person() -> Value {
    let blank = super::rules::blank();
    let blank = blank.trim_start_matches('[').trim_end_matches(']');
    json!({"name": "person", "in": "path", "required": true,
        "description": "An e-mail address (anything with `@`, compared without case) or a talent id",
        "schema": {"type": "string", "minLength": 1, "maxLength": MAX_PERSON_REF,
                   "pattern": format!("^[^{CONTROL}]*[^{CONTROL}{blank}][^{CONTROL}]*$")}})
}

/// The paths.
pub(super) fn paths() -> Value {
    let scope = "Requires the `admin` scope: the operator answers to the people whose data Scout holds, in every workspace.";
    // a filter by equality: any text (one that names nothing matches nothing)
    let filter = |name: &str, description: &str| json!({"name": name, "in": "query", "description": description, "schema": {"type": "string"}});
    json!({
        "/v1/people/{person}": {"delete": {
            "summary": "Erase a person everywhere: profiles, candidates with their notes and history, leads and CVs, list places; the person is taken out of saved searches and search pages, and their identifiers go on the suppression list so that no import brings them back",
            "description": format!("{scope} Idempotent: erasing someone Scout holds nothing about answers 200 with zero counts and still suppresses the identifier."),
            "parameters": [person()],
            "responses": errors("not_found (never: an erasure always answers)", json!({"200": ok("{erasure: {id, at, counts: {profiles, candidates, candidateEvents, leads, cvFiles, listMemberships, savedSearches, searchTransactions, suppressedIdentifiers}}}")}))}},
        "/v1/people/{person}/export": {"get": {
            "summary": "Everything Scout holds about a person, as one JSON document in the API's own shapes",
            "description": format!("{scope} The export is written to the audit log before it is answered."),
            "parameters": [person()],
            "responses": errors("not_found: Scout holds nothing about this person", json!({"200": ok("{person, generatedAt, identifiers, profiles, candidates, leads, lists, savedSearches, searchTransactions}")}))}},
        "/v1/audit": {"get": {
            "summary": "The audit log, oldest first: who viewed, changed, exported or erased which person's data, when and from where",
            "description": format!("{scope} Page with `after` = the previous page's `nextAfter`."),
            "parameters": [
                filter("workspaceId", "Only events of this workspace"),
                filter("subject", "Only events about this subject (a talent, candidate or lead id)"),
                query("action", "Only this action", one_of(&["viewed", "exported", "changed", "erased", "retention"])),
                filter("actor", "Only events by this actor (`key:<id>` for an API key, `user:<id>` for a web session, `cli`, `retention`)"),
                query("after", "Events after this id", integer(0, i64::MAX)),
                query("limit", "Events per page", json!({"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE}))
            ],
            "responses": errors("not_found (never)", json!({"200": ok("{events: [{id, at, workspaceId, actor, action, subject, detail, client, requestId}], nextAfter}"),
                "400": error_response("validation_error (with issues): a parameter out of its range")}))}}
    })
}
