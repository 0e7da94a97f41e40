//! Checking request bodies and query strings field by field, collecting
//! every problem as a Zod-style issue (the shape the documents show) so a
//! client learns about all of them in one answer.

use scout_query::{Issue, PathItem};
use serde_json::{Map, Value};

use crate::error::ApiError;

fn received(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn invalid_type(path: Vec<PathItem>, expected: &'static str, got: &'static str) -> Issue {
    let message = if got == "undefined" {
        "Required".to_owned()
    } else {
        format!("Expected {expected}, received {got}")
    };
    Issue {
        expected: Some(expected),
        received: Some(got),
        ..Issue::new("invalid_type", path, message)
    }
}

fn unrecognized(keys: Vec<String>, path: Vec<PathItem>) -> Issue {
    let list = keys
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(", ");
    Issue {
        keys: Some(keys),
        ..Issue::new(
            "unrecognized_keys",
            path,
            format!("Unrecognized key(s) in object: {list}"),
        )
    }
}

/// Reads the fields of one JSON object, noting what is wrong.
pub(crate) struct ObjectReader<'a> {
    obj: &'a Map<String, Value>,
    path: Vec<PathItem>,
    known: Vec<&'static str>,
    /// Problems found so far.
    pub issues: Vec<Issue>,
}

impl<'a> ObjectReader<'a> {
    /// Starts reading `value`, which must be an object.
    pub fn new(value: &'a Value, path: Vec<PathItem>) -> Result<ObjectReader<'a>, Box<Issue>> {
        match value {
            Value::Object(obj) => Ok(ObjectReader {
                obj,
                path,
                known: Vec::new(),
                issues: Vec::new(),
            }),
            other => Err(Box::new(invalid_type(path, "object", received(other)))),
        }
    }

    fn at(&self, key: &str) -> Vec<PathItem> {
        let mut p = self.path.clone();
        p.push(PathItem::Key(key.to_owned()));
        p
    }

    /// The raw value of a key (marking it known).
    pub fn raw(&mut self, key: &'static str) -> Option<&'a Value> {
        self.known.push(key);
        self.obj.get(key)
    }

    /// A string of 1..=`max` characters; `null` and absence are `None`
    /// (an issue when `required`).
    pub fn string(&mut self, key: &'static str, required: bool, max: usize) -> Option<String> {
        match self.nullable_string(key, max) {
            Some(Some(s)) => Some(s),
            _ if required && !self.issues.iter().any(|i| i.path == self.at(key)) => {
                let got = if self.obj.contains_key(key) {
                    "null"
                } else {
                    "undefined"
                };
                self.issues.push(invalid_type(self.at(key), "string", got));
                None
            }
            _ => None,
        }
    }

    /// An optional link: an absolute http(s) URL (`scout_model::web_url`).
    pub fn web_url(&mut self, key: &'static str) -> Option<String> {
        let url = self.string(key, false, 2000)?;
        if scout_model::is_web_url(&url) {
            Some(url)
        } else {
            self.issues.push(Issue::new(
                "invalid_string",
                self.at(key),
                "Invalid url: only http and https URLs are accepted",
            ));
            None
        }
    }

    /// A string that may be set to `null`: absent → `None`, `null` → `Some(None)`.
    pub fn nullable_string(&mut self, key: &'static str, max: usize) -> Option<Option<String>> {
        match self.raw(key)? {
            Value::Null => Some(None),
            Value::String(raw) => {
                // the length is the string's as sent (as a JSON Schema
                // `maxLength` counts it), blankness after trimming
                let s = raw.trim();
                if s.is_empty() {
                    self.issues.push(Issue::new(
                        "too_small",
                        self.at(key),
                        "String must contain at least 1 character(s)",
                    ));
                    None
                } else if raw.chars().count() > max {
                    self.issues.push(Issue::new(
                        "too_big",
                        self.at(key),
                        format!("String must contain at most {max} character(s)"),
                    ));
                    None
                } else {
                    Some(Some(s.to_owned()))
                }
            }
            other => {
                let got = received(other);
                self.issues.push(invalid_type(self.at(key), "string", got));
                None
            }
        }
    }

    /// A number in `min..=max`, or `null` (`Some(None)`); absent → `None`.
    pub fn number(&mut self, key: &'static str, min: f64, max: f64) -> Option<Option<f64>> {
        match self.raw(key)? {
            Value::Null => Some(None),
            Value::Number(n) => {
                let v = n.as_f64().unwrap_or(f64::NAN);
                if v.is_nan() || v < min {
                    self.issues.push(Issue::new(
                        "too_small",
                        self.at(key),
                        format!("Number must be greater than or equal to {min}"),
                    ));
                    None
                } else if v > max {
                    self.issues.push(Issue::new(
                        "too_big",
                        self.at(key),
                        format!("Number must be less than or equal to {max}"),
                    ));
                    None
                } else {
                    Some(Some(v))
                }
            }
            other => {
                let got = received(other);
                self.issues.push(invalid_type(self.at(key), "number", got));
                None
            }
        }
    }

    /// An integer in `min..=max`, or `null` (`Some(None)`); absent → `None`.
    pub fn integer(&mut self, key: &'static str, min: i64, max: i64) -> Option<Option<i64>> {
        let before = self.issues.len();
        let v = self.number(key, min as f64, max as f64)?;
        match v {
            Some(x) if x.fract() != 0.0 => {
                self.issues.push(Issue {
                    expected: Some("integer"),
                    received: Some("float"),
                    ..Issue::new(
                        "invalid_type",
                        self.at(key),
                        "Expected integer, received float",
                    )
                });
                None
            }
            Some(x) if self.issues.len() == before => Some(Some(x as i64)),
            Some(_) => None,
            None => Some(None),
        }
    }

    /// A boolean; absent → `None`.
    pub fn boolean(&mut self, key: &'static str) -> Option<bool> {
        match self.raw(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                let got = received(other);
                self.issues.push(invalid_type(self.at(key), "boolean", got));
                None
            }
        }
    }

    /// One of `options`; absent or `null` → `None`.
    pub fn one_of(&mut self, key: &'static str, options: &[&'static str]) -> Option<&'static str> {
        let value = self.string(key, false, 200)?;
        match options.iter().find(|o| **o == value) {
            Some(o) => Some(o),
            None => {
                self.issues.push(enum_issue(self.at(key), options, &value));
                None
            }
        }
    }

    /// Refuses keys that were never read; returns every issue found.
    pub fn finish(mut self) -> Vec<Issue> {
        let unknown: Vec<String> = self
            .obj
            .keys()
            .filter(|k| !self.known.contains(&k.as_str()))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            self.issues.push(unrecognized(unknown, self.path.clone()));
        }
        self.issues
    }
}

/// `invalid_enum_value` with the accepted options.
pub(crate) fn enum_issue(path: Vec<PathItem>, options: &[&str], got: &str) -> Issue {
    let list = options
        .iter()
        .map(|o| format!("'{o}'"))
        .collect::<Vec<_>>()
        .join(" | ");
    Issue {
        options: Some(options.iter().map(|o| (*o).to_owned()).collect()),
        ..Issue::new(
            "invalid_enum_value",
            path,
            format!("Invalid enum value. Expected {list}, received '{got}'"),
        )
    }
}

/// `Ok(())` or `400 validation_error` with the issues.
pub(crate) fn check(issues: Vec<Issue>) -> Result<(), ApiError> {
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(issues))
    }
}

/// The pairs of a query string, in order (keys may repeat).
pub(crate) struct QueryString {
    pairs: Vec<(String, String)>,
    /// Problems found so far.
    pub issues: Vec<Issue>,
    known: Vec<&'static str>,
}

impl QueryString {
    /// Parses a raw query string.
    pub fn parse(raw: Option<&str>) -> QueryString {
        QueryString {
            pairs: form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
            issues: Vec::new(),
            known: Vec::new(),
        }
    }

    /// Every value of a repeatable parameter (empty values dropped), at most `max_each` characters each.
    pub fn all(&mut self, key: &'static str, max_each: usize) -> Vec<String> {
        self.known.push(key);
        let mut out = Vec::new();
        for (k, v) in &self.pairs {
            if k != key {
                continue;
            }
            // the length as sent, blank or not (as the document's maxLength counts)
            if v.chars().count() > max_each {
                self.issues.push(Issue::new(
                    "too_big",
                    vec![PathItem::Key(key.to_owned())],
                    format!("String must contain at most {max_each} character(s)"),
                ));
            } else if !v.trim().is_empty() {
                out.push(v.trim().to_owned());
            }
        }
        out
    }

    /// The value of a single-valued parameter (the last one when repeated).
    pub fn one(&mut self, key: &'static str) -> Option<String> {
        self.known.push(key);
        self.pairs
            .iter()
            .rev()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
    }

    /// An integer parameter in `min..=max`, `default` when absent.
    pub fn integer(&mut self, key: &'static str, default: i64, min: i64, max: i64) -> i64 {
        let Some(raw) = self.one(key) else {
            return default;
        };
        let path = vec![PathItem::Key(key.to_owned())];
        match raw.parse::<i64>() {
            Err(_) => {
                let got = if raw.parse::<f64>().is_ok() {
                    "float"
                } else {
                    "nan"
                };
                self.issues.push(Issue {
                    expected: Some("integer"),
                    received: Some(got),
                    ..Issue::new(
                        "invalid_type",
                        path,
                        format!("Expected integer, received {got}"),
                    )
                });
                default
            }
            Ok(v) if v < min => {
                self.issues.push(Issue::new(
                    "too_small",
                    path,
                    format!("Number must be greater than or equal to {min}"),
                ));
                default
            }
            Ok(v) if v > max => {
                self.issues.push(Issue::new(
                    "too_big",
                    path,
                    format!("Number must be less than or equal to {max}"),
                ));
                default
            }
            Ok(v) => v,
        }
    }

    /// One of `options`, when given, in any case (`sortOrder=DESC` is
    /// `desc`): the documents show the values, not their case.
    pub fn one_of(&mut self, key: &'static str, options: &[&'static str]) -> Option<&'static str> {
        let raw = self.one(key)?;
        match options.iter().find(|o| o.eq_ignore_ascii_case(&raw)) {
            Some(o) => Some(o),
            None => {
                self.issues.push(enum_issue(
                    vec![PathItem::Key(key.to_owned())],
                    options,
                    &raw,
                ));
                None
            }
        }
    }

    /// Every issue found. Parameters that were never read are ignored, not
    /// refused: the documents say nothing of unknown query parameters, and
    /// clients send cache-busters and their own names (`_=…`, `keyword`)
    /// that must not break a listing. (Unknown keys in JSON bodies are still
    /// refused, where a misspelt field would otherwise change nothing.)
    pub fn finish(self) -> Vec<Issue> {
        let ignored: Vec<&str> = self
            .pairs
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !self.known.contains(k))
            .collect();
        if !ignored.is_empty() {
            tracing::debug!(?ignored, "unknown query parameters ignored");
        }
        self.issues
    }
}
