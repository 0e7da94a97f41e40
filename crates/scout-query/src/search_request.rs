//! `POST /v1/search/talents` bodies → typed [`SearchRequest`]s, or every
//! problem found, each as a validation issue with a code, a path and a
//! message (the shape the API document shows, which is Zod's).
//!
//! Grammar (JSON):
//!
//! ```text
//! body      = { "filters": [filter, 1..=MAX_FILTERS], "relatedSearchTransactionIds"?: [string, 0..] }
//! filter    = { "filterType": TYPE, "value": string(1..=MAX_VALUE_CHARS),
//!               "isRequired"?: bool, "isExcluded"?: bool, "isExactMatch"?: bool,   // default false
//!               "radius"?: number | null,      // 0..=MAX_RADIUS_KM; used by LOCATION
//!               "history"?: HISTORY | null }   // used by JOB_TITLE, COMPANY_NAME, COMPANY_SIZE, COMPANY_INDUSTRY
//! TYPE      = JOB_TITLE | LOCATION | YEARS_OF_EXPERIENCE | SKILL | KEYWORD | LANGUAGE
//!           | LANGUAGE_PROFICIENCY | COMPANY_NAME | COMPANY_SIZE | COMPANY_INDUSTRY
//!           | EDUCATION_DEGREE | EDUCATION_SCHOOL_NAME | CERTIFICATION_NAME | SENIORITY
//!           | DURATION_IN_JOB | GRADUATION_YEAR
//! HISTORY   = CURRENT | PAST | CURRENT_OR_PAST
//! ```
//!
//! Values per type: ranges (`0-1`, `1-3`, `3-5`, `5-10`, `10-15`, `15-20`,
//! `20-30`, `30-100`) for `YEARS_OF_EXPERIENCE` and `DURATION_IN_JOB`; the
//! eight bands for `COMPANY_SIZE`; `bachelors | masters | doctorates`;
//! `Freelance` (any case) for `SENIORITY`; a four-digit year 1900–2100;
//! a level, or `language:level`, for `LANGUAGE_PROFICIENCY`; for `KEYWORD`,
//! plain text or a boolean expression (`crate::boolean`: operators, quotes,
//! brackets or a leading `-`; a broken one is a `custom` issue saying
//! where). Unknown keys
//! are refused (`unrecognized_keys`): a misspelt modifier must not be ignored.
//!
//! `radius` and `history` are common fields: the document says every filter
//! accepts them. Their values are checked on every type; on a type they
//! mean nothing to they are ignored, and the request says so
//! ([`SearchRequest::ignored`], echoed in each talent's `match`).

use scout_model::{CompanySize, FilterType, History};
use scout_taxonomy::languages::{canonical_proficiency, PROFICIENCY_LEVELS};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::filter::{Criterion, Degree, Filter, YearRange};

/// Most filters in one request.
pub const MAX_FILTERS: usize = 50;
/// Longest filter value, in characters.
pub const MAX_VALUE_CHARS: usize = 200;
/// Largest radius, in kilometres.
pub const MAX_RADIUS_KM: f64 = 1000.0;
/// Most `relatedSearchTransactionIds`.
pub const MAX_RELATED_TRANSACTIONS: usize = 100;

/// A parsed search request.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// The filters, in request order.
    pub filters: Vec<Filter>,
    /// Transactions whose talents must not be returned again.
    pub related_transactions: Vec<String>,
    /// Per filter (in request order), the common fields it carried that its
    /// type does not use.
    pub ignored: Vec<Vec<IgnoredField>>,
}

/// A common field a filter carried that its type does not use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IgnoredField {
    /// `radius` or `history`.
    pub field: &'static str,
    /// Why it has no effect, for people.
    pub reason: &'static str,
}

const RADIUS_IGNORED: IgnoredField = IgnoredField {
    field: "radius",
    reason: "ignored: radius applies only to LOCATION filters",
};
const HISTORY_IGNORED: IgnoredField = IgnoredField {
    field: "history",
    reason: "ignored: history applies only to JOB_TITLE, COMPANY_NAME, COMPANY_SIZE and COMPANY_INDUSTRY filters",
};

/// One element of an issue's path: a key or an index.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum PathItem {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// One problem with a request, serialised as in the API document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// Machine-readable kind (`invalid_type`, `invalid_union_discriminator`…).
    pub code: &'static str,
    /// Where in the body.
    pub path: Vec<PathItem>,
    /// What is wrong, for people.
    pub message: String,
    /// The accepted values, for enum-like fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    /// The expected JSON type, for `invalid_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<&'static str>,
    /// The JSON type received, for `invalid_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<&'static str>,
    /// Unknown keys, for `unrecognized_keys`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<Vec<String>>,
}

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestError {
    /// Schema problems, all of them.
    Invalid(Vec<Issue>),
    /// More than [`MAX_RELATED_TRANSACTIONS`] related transactions.
    TooManyTransactions,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn path(items: &[PathItem], last: impl Into<PathItem>) -> Vec<PathItem> {
    let mut p = items.to_vec();
    p.push(last.into());
    p
}

impl From<&str> for PathItem {
    fn from(s: &str) -> PathItem {
        PathItem::Key(s.to_owned())
    }
}

impl From<usize> for PathItem {
    fn from(i: usize) -> PathItem {
        PathItem::Index(i)
    }
}

impl Issue {
    /// An issue with a code, a path and a message.
    pub fn new(code: &'static str, path: Vec<PathItem>, message: impl Into<String>) -> Issue {
        issue(code, path, message)
    }
}

fn issue(code: &'static str, path: Vec<PathItem>, message: impl Into<String>) -> Issue {
    Issue {
        code,
        path,
        message: message.into(),
        options: None,
        expected: None,
        received: None,
        keys: None,
    }
}

fn invalid_type(path: Vec<PathItem>, expected: &'static str, got: &Value) -> Issue {
    let received = type_name(got);
    Issue {
        expected: Some(expected),
        received: Some(received),
        ..issue(
            "invalid_type",
            path,
            format!("Expected {expected}, received {received}"),
        )
    }
}

fn invalid_enum(path: Vec<PathItem>, got: &str, options: &[&str]) -> Issue {
    Issue {
        options: Some(options.iter().map(|s| (*s).to_owned()).collect()),
        ..issue(
            "invalid_enum_value",
            path,
            format!(
                "Invalid enum value. Expected {}, received '{got}'",
                options
                    .iter()
                    .map(|o| format!("'{o}'"))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        )
    }
}

/// An `invalid_union_discriminator` issue listing every valid type.
fn bad_discriminator(at: &[PathItem], message: String) -> Issue {
    Issue {
        options: Some(
            FilterType::ALL
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
        ),
        ..issue(
            "invalid_union_discriminator",
            path(at, "filterType"),
            message,
        )
    }
}

const FILTER_KEYS: &[&str] = &[
    "filterType",
    "value",
    "isRequired",
    "isExcluded",
    "isExactMatch",
    "radius",
    "history",
];
const HISTORY_OPTIONS: &[&str] = &["CURRENT", "PAST", "CURRENT_OR_PAST"];

fn has_history(t: FilterType) -> bool {
    matches!(
        t,
        FilterType::JobTitle
            | FilterType::CompanyName
            | FilterType::CompanySize
            | FilterType::CompanyIndustry
    )
}

/// The `history` used when a filter gives none.
pub fn default_history(t: FilterType) -> History {
    match t {
        FilterType::JobTitle => History::Current,
        _ => History::CurrentOrPast,
    }
}

fn flag(obj: &Map<String, Value>, key: &str, at: &[PathItem], issues: &mut Vec<Issue>) -> bool {
    match obj.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            issues.push(invalid_type(path(at, key), "boolean", other));
            false
        }
    }
}

fn parse_filter(
    v: &Value,
    at: &[PathItem],
    issues: &mut Vec<Issue>,
    ignored: &mut Vec<IgnoredField>,
) -> Option<Filter> {
    let Some(obj) = v.as_object() else {
        issues.push(invalid_type(at.to_vec(), "object", v));
        return None;
    };
    let before = issues.len();
    let unknown: Vec<String> = obj
        .keys()
        .filter(|k| !FILTER_KEYS.contains(&k.as_str()))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        issues.push(Issue {
            keys: Some(unknown.clone()),
            ..issue(
                "unrecognized_keys",
                at.to_vec(),
                format!(
                    "Unrecognized key(s) in object: {}",
                    unknown
                        .iter()
                        .map(|k| format!("'{k}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        });
    }
    let filter_type = match obj.get("filterType") {
        Some(Value::String(s)) => match FilterType::parse(s) {
            Some(t) => Some(t),
            None => {
                issues.push(bad_discriminator(
                    at,
                    "Invalid discriminator value".to_owned(),
                ));
                None
            }
        },
        Some(other) => {
            issues.push(bad_discriminator(
                at,
                format!(
                    "Invalid discriminator value: expected a string, received {}",
                    type_name(other)
                ),
            ));
            None
        }
        None => {
            issues.push(bad_discriminator(
                at,
                "Required: filterType is missing".to_owned(),
            ));
            None
        }
    };
    let value = match obj.get("value") {
        Some(Value::String(s)) if s.trim().is_empty() => {
            issues.push(issue(
                "too_small",
                path(at, "value"),
                "String must contain at least 1 non-blank character(s)",
            ));
            None
        }
        Some(Value::String(s)) if s.chars().count() > MAX_VALUE_CHARS => {
            issues.push(issue(
                "too_big",
                path(at, "value"),
                format!("String must contain at most {MAX_VALUE_CHARS} character(s)"),
            ));
            None
        }
        Some(Value::String(s)) => Some(s.trim().to_owned()),
        Some(other) => {
            issues.push(invalid_type(path(at, "value"), "string", other));
            None
        }
        None => {
            issues.push(Issue {
                expected: Some("string"),
                received: Some("undefined"),
                ..issue("invalid_type", path(at, "value"), "Required")
            });
            None
        }
    };
    let required = flag(obj, "isRequired", at, issues);
    let excluded = flag(obj, "isExcluded", at, issues);
    let exact = flag(obj, "isExactMatch", at, issues);
    let radius = match obj.get("radius") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => {
            let r = n.as_f64().unwrap_or(f64::NAN);
            if !(0.0..=MAX_RADIUS_KM).contains(&r) {
                issues.push(issue(
                    if r < 0.0 { "too_small" } else { "too_big" },
                    path(at, "radius"),
                    format!("radius must be between 0 and {MAX_RADIUS_KM} km"),
                ));
                None
            } else if filter_type.is_some_and(|t| t != FilterType::Location) {
                ignored.push(RADIUS_IGNORED);
                None
            } else {
                Some(r)
            }
        }
        Some(other) => {
            issues.push(invalid_type(path(at, "radius"), "number", other));
            None
        }
    };
    let history = match obj.get("history") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match History::parse(s) {
            Some(_) if filter_type.is_some_and(|t| !has_history(t)) => {
                ignored.push(HISTORY_IGNORED);
                None
            }
            Some(h) => Some(h),
            None => {
                issues.push(invalid_enum(path(at, "history"), s, HISTORY_OPTIONS));
                None
            }
        },
        Some(other) => {
            issues.push(invalid_type(path(at, "history"), "string", other));
            None
        }
    };
    let (t, value) = (filter_type?, value?);
    let history = history.unwrap_or_else(|| default_history(t));
    let vpath = path(at, "value");
    let criterion = match t {
        FilterType::JobTitle => Some(Criterion::JobTitle {
            title: value,
            history,
        }),
        FilterType::Location => Some(Criterion::Location {
            place: value,
            radius_km: radius,
        }),
        FilterType::YearsOfExperience | FilterType::DurationInJob => match YearRange::parse(&value)
        {
            Some(r) if t == FilterType::YearsOfExperience => Some(Criterion::YearsOfExperience(r)),
            Some(r) => Some(Criterion::DurationInJob(r)),
            None => {
                issues.push(invalid_enum(vpath, &value, &YearRange::DOCUMENTED));
                None
            }
        },
        FilterType::Skill => Some(Criterion::Skill(value)),
        FilterType::Keyword => match crate::boolean::read_keyword(&value) {
            Ok(None) => Some(Criterion::Keyword(value)),
            Ok(Some(b)) => Some(Criterion::Boolean(b)),
            Err(e) => {
                issues.push(issue(
                    "custom",
                    vpath,
                    format!("Invalid boolean keyword expression: {e}"),
                ));
                None
            }
        },
        FilterType::Language => Some(Criterion::Language(value.to_lowercase())),
        FilterType::LanguageProficiency => {
            let (language, level) = match value.split_once(':') {
                Some((l, lvl)) if !l.trim().is_empty() => (Some(l.trim().to_lowercase()), lvl),
                _ => (None, value.as_str()),
            };
            match canonical_proficiency(level) {
                Some(level) => Some(Criterion::LanguageProficiency { language, level }),
                None => {
                    issues.push(invalid_enum(vpath, &value, &PROFICIENCY_LEVELS));
                    None
                }
            }
        }
        FilterType::CompanyName => Some(Criterion::CompanyName {
            name: value,
            history,
        }),
        FilterType::CompanySize => match CompanySize::parse(&value) {
            Some(size) => Some(Criterion::CompanySize { size, history }),
            None => {
                let options: Vec<&str> = CompanySize::ALL.iter().map(|s| s.as_str()).collect();
                issues.push(invalid_enum(vpath, &value, &options));
                None
            }
        },
        FilterType::CompanyIndustry => Some(Criterion::CompanyIndustry {
            industry: value,
            history,
        }),
        FilterType::EducationDegree => match Degree::parse(&value) {
            Some(d) => Some(Criterion::EducationDegree(d)),
            None => {
                issues.push(invalid_enum(
                    vpath,
                    &value,
                    &["bachelors", "masters", "doctorates"],
                ));
                None
            }
        },
        FilterType::EducationSchoolName => Some(Criterion::EducationSchoolName(value)),
        FilterType::CertificationName => Some(Criterion::CertificationName(value)),
        FilterType::Seniority => {
            if value.eq_ignore_ascii_case("freelance") {
                Some(Criterion::Freelance)
            } else {
                issues.push(invalid_enum(vpath, &value, &["Freelance"]));
                None
            }
        }
        FilterType::GraduationYear => match value.parse::<u16>() {
            Ok(y) if value.len() == 4 && (1900..=2100).contains(&y) => {
                Some(Criterion::GraduationYear(y))
            }
            _ => {
                issues.push(issue(
                    "invalid_string",
                    vpath,
                    "GRADUATION_YEAR must be a four-digit year between 1900 and 2100",
                ));
                None
            }
        },
    };
    if issues.len() > before {
        return None;
    }
    criterion.map(|criterion| Filter {
        criterion,
        required,
        excluded,
        exact,
    })
}

/// Parses a list of filter objects found at `path` of some other body (a
/// job's requirements): up to [`MAX_FILTERS`], possibly none, each exactly as
/// in a search request.
pub fn parse_filter_list(value: &Value, path: Vec<PathItem>) -> Result<Vec<Filter>, Vec<Issue>> {
    let mut issues = Vec::new();
    let mut filters = Vec::new();
    match value {
        Value::Null => {}
        Value::Array(items) if items.len() > MAX_FILTERS => issues.push(issue(
            "too_big",
            path,
            format!("Array must contain at most {MAX_FILTERS} element(s)"),
        )),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let mut p = path.clone();
                p.push(i.into());
                if let Some(f) = parse_filter(item, &p, &mut issues, &mut Vec::new()) {
                    filters.push(f);
                }
            }
        }
        other => issues.push(invalid_type(path, "array", other)),
    }
    if issues.is_empty() {
        Ok(filters)
    } else {
        Err(issues)
    }
}

/// Parses a request body.
pub fn parse_search_request(body: &Value) -> Result<SearchRequest, RequestError> {
    let Some(obj) = body.as_object() else {
        return Err(RequestError::Invalid(vec![invalid_type(
            vec![],
            "object",
            body,
        )]));
    };
    // Checked before anything else, and before any id is looked up.
    if let Some(Value::Array(ids)) = obj.get("relatedSearchTransactionIds") {
        if ids.len() > MAX_RELATED_TRANSACTIONS {
            return Err(RequestError::TooManyTransactions);
        }
    }
    let mut issues = Vec::new();
    let unknown: Vec<String> = obj
        .keys()
        .filter(|k| !["filters", "relatedSearchTransactionIds"].contains(&k.as_str()))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        issues.push(Issue {
            keys: Some(unknown.clone()),
            ..issue(
                "unrecognized_keys",
                vec![],
                format!(
                    "Unrecognized key(s) in object: {}",
                    unknown
                        .iter()
                        .map(|k| format!("'{k}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        });
    }
    let mut filters = Vec::new();
    let mut ignored = Vec::new();
    match obj.get("filters") {
        Some(Value::Array(items)) if items.is_empty() => {
            issues.push(issue(
                "too_small",
                vec!["filters".into()],
                "Array must contain at least 1 element(s)",
            ));
        }
        Some(Value::Array(items)) if items.len() > MAX_FILTERS => {
            issues.push(issue(
                "too_big",
                vec!["filters".into()],
                format!("Array must contain at most {MAX_FILTERS} element(s)"),
            ));
        }
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let mut unused = Vec::new();
                let at = ["filters".into(), i.into()];
                if let Some(f) = parse_filter(item, &at, &mut issues, &mut unused) {
                    filters.push(f);
                    ignored.push(unused);
                }
            }
        }
        Some(other) => issues.push(invalid_type(vec!["filters".into()], "array", other)),
        None => issues.push(Issue {
            expected: Some("array"),
            received: Some("undefined"),
            ..issue("invalid_type", vec!["filters".into()], "Required")
        }),
    }
    let mut related = Vec::new();
    // `null` is refused like any other non-array: the document types the
    // field as an array, and a client that sends `null` has a bug to see.
    match obj.get("relatedSearchTransactionIds") {
        None => {}
        Some(Value::Array(ids)) => {
            for (i, id) in ids.iter().enumerate() {
                match id {
                    // a blank id names no transaction; said as for any blank string
                    Value::String(s) if s.trim().is_empty() => issues.push(issue(
                        "too_small",
                        vec!["relatedSearchTransactionIds".into(), i.into()],
                        "String must contain at least 1 non-blank character(s)",
                    )),
                    Value::String(s) => related.push(s.clone()),
                    other => issues.push(invalid_type(
                        vec!["relatedSearchTransactionIds".into(), i.into()],
                        "string",
                        other,
                    )),
                }
            }
        }
        Some(other) => issues.push(invalid_type(
            vec!["relatedSearchTransactionIds".into()],
            "array",
            other,
        )),
    }
    if issues.is_empty() {
        Ok(SearchRequest {
            filters,
            related_transactions: related,
            ignored,
        })
    } else {
        Err(RequestError::Invalid(issues))
    }
}

/// A filter back in the documented wire shape (for stored searches and echoes).
pub fn filter_to_json(f: &Filter) -> Value {
    let (t, value, radius, history) = match &f.criterion {
        Criterion::JobTitle { title, history } => {
            (FilterType::JobTitle, title.clone(), None, Some(*history))
        }
        Criterion::Location { place, radius_km } => {
            (FilterType::Location, place.clone(), *radius_km, None)
        }
        Criterion::YearsOfExperience(r) => (
            FilterType::YearsOfExperience,
            format!("{}-{}", r.lo, r.hi),
            None,
            None,
        ),
        Criterion::DurationInJob(r) => (
            FilterType::DurationInJob,
            format!("{}-{}", r.lo, r.hi),
            None,
            None,
        ),
        Criterion::Skill(s) => (FilterType::Skill, s.clone(), None, None),
        Criterion::Keyword(s) => (FilterType::Keyword, s.clone(), None, None),
        Criterion::Boolean(b) => (FilterType::Keyword, b.text.clone(), None, None),
        Criterion::Language(s) => (FilterType::Language, s.clone(), None, None),
        Criterion::LanguageProficiency { language, level } => (
            FilterType::LanguageProficiency,
            language
                .as_ref()
                .map(|l| format!("{l}:{level}"))
                .unwrap_or_else(|| (*level).to_owned()),
            None,
            None,
        ),
        Criterion::CompanyName { name, history } => {
            (FilterType::CompanyName, name.clone(), None, Some(*history))
        }
        Criterion::CompanySize { size, history } => (
            FilterType::CompanySize,
            size.as_str().to_owned(),
            None,
            Some(*history),
        ),
        Criterion::CompanyIndustry { industry, history } => (
            FilterType::CompanyIndustry,
            industry.clone(),
            None,
            Some(*history),
        ),
        Criterion::EducationDegree(d) => (
            FilterType::EducationDegree,
            match d {
                Degree::Bachelors => "bachelors",
                Degree::Masters => "masters",
                Degree::Doctorates => "doctorates",
            }
            .to_owned(),
            None,
            None,
        ),
        Criterion::EducationSchoolName(s) => {
            (FilterType::EducationSchoolName, s.clone(), None, None)
        }
        Criterion::CertificationName(s) => (FilterType::CertificationName, s.clone(), None, None),
        Criterion::Freelance => (FilterType::Seniority, "Freelance".to_owned(), None, None),
        Criterion::GraduationYear(y) => (FilterType::GraduationYear, y.to_string(), None, None),
    };
    let mut v = json!({"filterType": t.as_str(), "value": value, "isRequired": f.required, "isExcluded": f.excluded, "isExactMatch": f.exact});
    if let Some(r) = radius {
        v["radius"] = json!(r);
    }
    if let Some(h) = history {
        v["history"] = serde_json::to_value(h).unwrap_or(Value::Null);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invalid(body: Value) -> Vec<Issue> {
        match parse_search_request(&body) {
            Err(RequestError::Invalid(i)) => i,
            other => panic!("expected issues, got {other:?}"),
        }
    }

    #[test]
    fn documented_example_parses() {
        let r = parse_search_request(&json!({"filters": [
            {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false},
            {"filterType": "LOCATION", "value": "Paris", "isRequired": true, "isExcluded": false, "isExactMatch": false, "radius": 30}
        ]}))
        .unwrap();
        assert_eq!(r.filters.len(), 2);
        assert_eq!(
            r.filters[1].criterion,
            Criterion::Location {
                place: "Paris".into(),
                radius_km: Some(30.0)
            }
        );
        assert_eq!(
            r.filters[0].criterion,
            Criterion::JobTitle {
                title: "Software Engineer".into(),
                history: History::Current
            }
        );
    }

    #[test]
    fn bad_filter_type_lists_every_option() {
        let issues = invalid(
            json!({"filters": [{"filterType": "INVALID_TYPE", "value": "test", "isRequired": true, "isExcluded": false, "isExactMatch": false}]}),
        );
        assert_eq!(issues.len(), 1);
        let v = serde_json::to_value(&issues[0]).unwrap();
        assert_eq!(v["code"], "invalid_union_discriminator");
        assert_eq!(v["path"], json!(["filters", 0, "filterType"]));
        assert_eq!(v["message"], "Invalid discriminator value");
        assert_eq!(v["options"].as_array().unwrap().len(), 16);
    }

    #[test]
    fn every_malformed_field_is_reported_with_its_path() {
        let issues = invalid(json!({"filters": [
            {"filterType": "SKILL", "value": ""},
            {"filterType": "SKILL", "value": "x".repeat(201)},
            {"filterType": "SKILL", "value": 3},
            {"filterType": "YEARS_OF_EXPERIENCE", "value": "2-4"},
            {"filterType": "COMPANY_SIZE", "value": "huge"},
            {"filterType": "EDUCATION_DEGREE", "value": "phd"},
            {"filterType": "JOB_TITLE", "value": "x", "history": "SOMETIMES"},
            {"filterType": "SENIORITY", "value": "Senior"},
            {"filterType": "GRADUATION_YEAR", "value": "20"},
            {"filterType": "LOCATION", "value": "Paris", "radius": -5},
            {"filterType": "LOCATION", "value": "Paris", "radius": 100000},
            {"filterType": "SKILL", "value": "Go", "radius": "far"},
            {"filterType": "SKILL", "value": "Go", "isRequired": "yes"},
            {"filterType": "SKILL", "value": "Go", "isRequred": true},
            {"filterType": "LANGUAGE_PROFICIENCY", "value": "french:godlike"},
            {"filterType": "SKILL", "value": "Go", "history": "SOMETIMES"}
        ]}));
        let at = |i: usize| {
            issues
                .iter()
                .filter(|x| x.path.get(1) == Some(&PathItem::Index(i)))
                .map(|x| x.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(at(0), ["too_small"]);
        assert_eq!(at(1), ["too_big"]);
        assert_eq!(at(2), ["invalid_type"]);
        assert_eq!(at(3), ["invalid_enum_value"]);
        assert_eq!(at(4), ["invalid_enum_value"]);
        assert_eq!(at(5), ["invalid_enum_value"]);
        assert_eq!(at(6), ["invalid_enum_value"]);
        assert_eq!(at(7), ["invalid_enum_value"]);
        assert_eq!(at(8), ["invalid_string"]);
        assert_eq!(at(9), ["too_small"]);
        assert_eq!(at(10), ["too_big"]);
        assert_eq!(
            at(11),
            ["invalid_type"],
            "a common field's value is checked on every type"
        );
        assert_eq!(at(12), ["invalid_type"]);
        assert_eq!(
            at(13),
            ["unrecognized_keys"],
            "a misspelt key stays refused"
        );
        assert_eq!(at(14), ["invalid_enum_value"]);
        assert_eq!(at(15), ["invalid_enum_value"]);
    }

    /// The document: "every filter accepts the following common fields";
    /// its schema shows `radius` and `history` on a filter of any type.
    #[test]
    fn radius_and_history_are_accepted_on_every_type_and_ignored_where_meaningless() {
        let r = parse_search_request(&json!({"filters": [
            {"filterType": "JOB_TITLE", "value": "Software Engineer", "radius": 123, "history": "PAST"},
            {"filterType": "SKILL", "value": "Go", "history": "CURRENT", "radius": 10},
            {"filterType": "LOCATION", "value": "Paris", "radius": 30, "history": "CURRENT"},
            {"filterType": "COMPANY_NAME", "value": "Acme", "history": null, "radius": null}
        ]}))
        .unwrap();
        let fields = |i: usize| r.ignored[i].iter().map(|f| f.field).collect::<Vec<_>>();
        assert_eq!(fields(0), ["radius"]);
        assert_eq!(fields(1), ["radius", "history"]);
        assert_eq!(fields(2), ["history"]);
        assert!(fields(3).is_empty(), "null is not given");
        assert_eq!(
            r.filters[0].criterion,
            Criterion::JobTitle {
                title: "Software Engineer".into(),
                history: History::Past
            }
        );
        assert_eq!(
            r.filters[2].criterion,
            Criterion::Location {
                place: "Paris".into(),
                radius_km: Some(30.0)
            }
        );
    }

    #[test]
    fn shape_errors_and_limits() {
        assert_eq!(invalid(json!([]))[0].code, "invalid_type");
        assert_eq!(invalid(json!({}))[0].message, "Required");
        assert_eq!(invalid(json!({"filters": []}))[0].code, "too_small");
        let many: Vec<Value> = (0..51)
            .map(|_| json!({"filterType": "SKILL", "value": "Go"}))
            .collect();
        assert_eq!(invalid(json!({"filters": many}))[0].code, "too_big");
        assert_eq!(invalid(json!({"filters": "x"}))[0].code, "invalid_type");
        let ids: Vec<String> = (0..101).map(|i| format!("tx_{i}")).collect();
        assert_eq!(
            parse_search_request(&json!({"filters": [], "relatedSearchTransactionIds": ids})),
            Err(RequestError::TooManyTransactions)
        );
        assert_eq!(invalid(json!({"filters": [{"filterType": "SKILL", "value": "Go"}], "relatedSearchTransactionIds": [1]}))[0].path.len(), 2);
        // a blank id (U+0085 is blank to `trim`) is refused as blank, at its index
        for blank in ["", " ", "\u{85}"] {
            let issues = invalid(
                json!({"filters": [{"filterType": "SKILL", "value": "Go"}], "relatedSearchTransactionIds": ["tx_1", blank]}),
            );
            assert_eq!(issues[0].code, "too_small");
            assert_eq!(issues[0].path.len(), 2);
        }
    }

    #[test]
    fn filters_round_trip_through_the_wire_shape() {
        let body = json!({"filters": [
            {"filterType": "LANGUAGE_PROFICIENCY", "value": "french:native", "isRequired": true, "isExcluded": false, "isExactMatch": false},
            {"filterType": "COMPANY_NAME", "value": "Google", "isRequired": false, "isExcluded": true, "isExactMatch": true, "history": "PAST"}
        ]});
        let r = parse_search_request(&body).unwrap();
        let again = parse_search_request(
            &json!({"filters": r.filters.iter().map(filter_to_json).collect::<Vec<_>>()}),
        )
        .unwrap();
        assert_eq!(r, again);
    }
}
