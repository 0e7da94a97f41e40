//! `POST /v1/search/talents` and the filter object it shares with a
//! sourcing's requirements: every rule of `scout_query::search_request`,
//! per filter type included.

use scout_model::{CompanySize, FilterType};
use scout_query::filter::YearRange;
use scout_query::search_request::{
    MAX_FILTERS, MAX_RADIUS_KM, MAX_RELATED_TRANSACTIONS, MAX_VALUE_CHARS,
};
use scout_taxonomy::languages::PROFICIENCY_LEVELS;
use serde_json::{json, Value};

use super::rules::{blank, error_response, not_blank};

/// Letters matched in either case, as `eq_ignore_ascii_case` does.
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The rule on `value` that a filter type adds, if any.
fn value_rule(t: FilterType) -> Option<Value> {
    let sizes: Vec<&str> = CompanySize::ALL.iter().map(|s| s.as_str()).collect();
    let ws = blank();
    let rule = match t {
        FilterType::YearsOfExperience | FilterType::DurationInJob => {
            json!({"enum": YearRange::DOCUMENTED})
        }
        FilterType::CompanySize => json!({"enum": sizes}),
        FilterType::EducationDegree => json!({"enum": ["bachelors", "masters", "doctorates"]}),
        FilterType::Seniority => {
            json!({"pattern": format!("^{ws}*{}{ws}*$", any_case("freelance"))})
        }
        FilterType::GraduationYear => {
            json!({"pattern": format!("^{ws}*(?:19[0-9][0-9]|20[0-9][0-9]|2100){ws}*$")})
        }
        FilterType::LanguageProficiency => json!({
            "pattern": format!("^(?:[^:]*{}[^:]*:)?{ws}*(?:{}){ws}*$", not_blank(), PROFICIENCY_LEVELS.join("|")),
            "description": "`level` or `language:level`; the documented levels are shown, and their common names (fluent, native, B2…) are accepted too"
        }),
        _ => return None,
    };
    Some(rule)
}

/// The filter object. The rules a type adds to `value` are branches of an
/// `anyOf` on `filterType` (rather than `if`/`then` pairs), so that a
/// generator draws a type and a value that fits it instead of filtering.
pub(super) fn filter_schema() -> Value {
    let plain: Vec<&str> = FilterType::ALL
        .iter()
        .filter(|t| value_rule(**t).is_none())
        .map(|t| t.as_str())
        .collect();
    let mut branches = vec![json!({"properties": {"filterType": {"enum": plain}}})];
    branches.extend(FilterType::ALL.iter().filter_map(|t| {
        value_rule(*t)
            .map(|rule| json!({"properties": {"filterType": {"const": t.as_str()}, "value": rule}}))
    }));
    let types: Vec<&str> = FilterType::ALL.iter().map(|t| t.as_str()).collect();
    json!({"type": "object", "required": ["filterType", "value"], "additionalProperties": false,
        "description": "Values are trimmed. `radius` and `history` are accepted on every type and ignored (as the answer's `match.ignored` says) where they mean nothing.",
        "properties": {
            "filterType": {"type": "string", "enum": types},
            "value": {"type": "string", "minLength": 1, "maxLength": MAX_VALUE_CHARS, "pattern": not_blank()},
            "isRequired": {"type": ["boolean", "null"], "default": false},
            "isExcluded": {"type": ["boolean", "null"], "default": false},
            "isExactMatch": {"type": ["boolean", "null"], "default": false},
            "radius": {"type": ["number", "null"], "minimum": 0, "maximum": MAX_RADIUS_KM, "description": "Kilometres around a LOCATION city"},
            "history": {"type": ["string", "null"], "enum": ["CURRENT", "PAST", "CURRENT_OR_PAST", null], "description": "Used by JOB_TITLE (default CURRENT), COMPANY_NAME, COMPANY_SIZE, COMPANY_INDUSTRY (default CURRENT_OR_PAST)"}
        },
        "anyOf": branches})
}

/// A list of filters (a sourcing's requirements): possibly empty or `null`.
pub(super) fn filter_list() -> Value {
    json!({"type": ["array", "null"], "maxItems": MAX_FILTERS, "items": {"$ref": "#/components/schemas/Filter"}})
}

/// The search request.
pub(super) fn search_request_schema() -> Value {
    json!({"type": "object", "required": ["filters"], "additionalProperties": false, "properties": {
        "filters": {"type": "array", "minItems": 1, "maxItems": MAX_FILTERS, "items": {"$ref": "#/components/schemas/Filter"}},
        "relatedSearchTransactionIds": {"type": "array", "maxItems": MAX_RELATED_TRANSACTIONS,
            "description": "Earlier transactions of this workspace whose talents are left out (each must be known: an unknown id is a validation_error at its index)",
            "items": {"type": "string", "minLength": 1, "pattern": not_blank()}}
    }})
}

/// The path.
pub(super) fn paths() -> Value {
    json!({
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
        }}
    })
}
