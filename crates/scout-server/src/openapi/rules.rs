//! The building blocks of the document's request schemas, each stating one
//! rule the request readers enforce (`validate.rs` for bodies and query
//! strings, `scout_query::search_request` for filters), so that a client or
//! a fuzzer that trusts the document sends what the server accepts.
//!
//! Two conventions of the readers shape every block here:
//! - strings are trimmed before they are checked for blankness, but their
//!   length is the length as sent (as `maxLength` counts it);
//! - an optional string or number may be `null` (read as absent); an
//!   optional boolean may not.

use serde_json::{json, Map, Value};

/// The characters Rust's `str::trim` removes (Unicode `White_Space`),
/// written out because regex engines disagree on `\s` (Python's also
/// counts U+001C–U+001F).
const BLANK: &str = "\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/// Matches one character `trim` removes.
pub(super) fn blank() -> String {
    format!("[{BLANK}]")
}

/// Matches a string holding at least one character `trim` keeps.
pub(super) fn not_blank() -> String {
    format!("[^{BLANK}]")
}

/// A required-shape string: 1 to `max` characters as sent, not blank.
pub(super) fn text(max: usize) -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": max, "pattern": not_blank()})
}

/// `schema`, or `null`.
pub(super) fn nullable(mut schema: Value) -> Value {
    if let Some(obj) = schema.as_object_mut() {
        match obj.get_mut("type") {
            Some(Value::String(t)) => {
                let t = t.clone();
                obj.insert("type".into(), json!([t, "null"]));
            }
            Some(Value::Array(types)) if !types.contains(&json!("null")) => {
                types.push(json!("null"))
            }
            _ => {}
        }
        if let Some(Value::Array(options)) = obj.get_mut("enum") {
            options.push(Value::Null);
        }
    }
    schema
}

/// An optional string field: 1 to `max` characters, not blank, or `null`.
pub(super) fn optional_text(max: usize) -> Value {
    nullable(text(max))
}

/// One of `options` exactly (or `null` when optional).
pub(super) fn one_of(options: &[&str]) -> Value {
    json!({"type": "string", "enum": options})
}

/// A number in `min..=max`.
pub(super) fn number(min: f64, max: f64) -> Value {
    json!({"type": "number", "minimum": min, "maximum": max})
}

/// An integer in `min..=max`.
pub(super) fn integer(min: i64, max: i64) -> Value {
    json!({"type": "integer", "minimum": min, "maximum": max})
}

/// An array of up to `max` non-blank strings of at most `max_chars`.
pub(super) fn strings(min: usize, max: usize, max_chars: Option<usize>) -> Value {
    let mut item = json!({"type": "string", "minLength": 1, "pattern": not_blank()});
    if let Some(m) = max_chars {
        item["maxLength"] = json!(m);
    }
    json!({"type": "array", "minItems": min, "maxItems": max, "items": item})
}

/// A closed object: `required` keys, `properties`, nothing else (the
/// readers refuse unknown keys with `unrecognized_keys`).
pub(super) fn object(required: &[&str], properties: Value) -> Value {
    json!({"type": "object", "additionalProperties": false, "required": required, "properties": properties})
}

/// `schema` with extra keywords (`anyOf`, `not`, `description`…) merged in.
pub(super) fn with(mut schema: Value, extra: Value) -> Value {
    if let (Some(obj), Value::Object(more)) = (schema.as_object_mut(), extra) {
        obj.extend(more);
    }
    schema
}

/// "At least one of these keys, with a value that is not `null`" (the
/// readers' "give `x` or `y`" rules), as an `anyOf`.
pub(super) fn at_least_one_of(keys: &[(&str, Value)]) -> Value {
    let branches: Vec<Value> = keys
        .iter()
        .map(|(key, schema)| {
            let mut props = Map::new();
            props.insert((*key).to_owned(), schema.clone());
            json!({"required": [key], "properties": props})
        })
        .collect();
    json!(branches)
}

/// An absolute http(s) URL as `scout_model::is_web_url` reads it (after
/// trimming): a scheme of any case, a host that does not start with `:`,
/// no blank, control, `<`, `>` or `"` character anywhere.
pub(super) fn web_url(max: usize) -> Value {
    let bad = format!("{BLANK}\\u0000-\\u001f\\u007f-\\u009f<>\"");
    let pattern = format!(
        "^[Hh][Tt][Tt][Pp][Ss]?://(?:[^{bad}/?#]*@)?[^{bad}/?#@:][^{bad}/?#@]*(?:[/?#][^{bad}]*)?$"
    );
    // no `format: uri`: a host may be written in Unicode (an IRI), as the
    // server accepts it
    nullable(json!({"type": "string", "maxLength": max, "pattern": pattern}))
}

/// A JSON request body with `schema`.
pub(super) fn body(schema: Value) -> Value {
    json!({"required": true, "content": {"application/json": {"schema": schema}}})
}

/// An optional query parameter. The readers take an empty value
/// (`?status=`) as not given, which `allowEmptyValue` says.
pub(super) fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "description": description, "schema": schema, "allowEmptyValue": true})
}

/// A path parameter (every id is a string; an unknown one is `404`).
pub(super) fn path_param(name: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}})
}

/// An error answer in the documented envelope.
pub(super) fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}})
}

/// A success answer in the documented envelope.
pub(super) fn ok(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SuccessEnvelope"}}}})
}

/// The errors every keyed operation may answer, plus `extra`.
pub(super) fn errors(not_found: &str, extra: Value) -> Value {
    let mut r = json!({
        "400": error_response("validation_error (with issues)"),
        "401": error_response("missing_api_key or invalid_api_key"),
        "403": error_response("insufficient_scope"),
        "404": error_response(not_found),
        "429": error_response("rate_limit_exceeded"),
        "500": error_response("internal_error")
    });
    if let (Some(r), Value::Object(e)) = (r.as_object_mut(), extra) {
        r.extend(e);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_adds_null_to_type_and_enum() {
        assert_eq!(
            nullable(one_of(&["a"])),
            json!({"type": ["string", "null"], "enum": ["a", null]})
        );
        assert_eq!(
            nullable(nullable(integer(1, 2)))["type"],
            json!(["integer", "null"])
        );
    }
}
