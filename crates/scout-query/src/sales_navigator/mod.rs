//! LinkedIn Sales Navigator people-search URLs → documented search filters.
//!
//! The `query` parameter is Rest.li object notation (`restli.rs`):
//! `(keywords:…,filters:List((type:T,values:List((id:…,text:…,selectionType:INCLUDED|EXCLUDED)),selectedSubFilter:…)))`.
//! URLs pasted from an address bar (encoded once), from an encoded link
//! (twice) or typed by hand (not at all) are all read. The older flat form
//! (`?titleIncluded=…&geoIncluded=…&keywords=…`) is read best-effort.
//!
//! Mapping (also in `docs/prompt-search.md`): titles → `JOB_TITLE` with
//! their history, companies → `COMPANY_NAME`, `COMPANY_HEADCOUNT` letters →
//! `COMPANY_SIZE` bands (A self-employed → `SENIORITY` Freelance),
//! `INDUSTRY` → `COMPANY_INDUSTRY`, `REGION`/`POSTAL_CODE` → `LOCATION` by
//! their text (or, given only by id, through the bundled table of LinkedIn's
//! public geo ids, `scout_taxonomy::places::linkedin_geo`), `SCHOOL` → `EDUCATION_SCHOOL_NAME`, `YEARS_OF_EXPERIENCE` and
//! `YEARS_IN_CURRENT_POSITION` buckets → the documented ranges they cover,
//! `PROFILE_LANGUAGE` → `LANGUAGE`, `SENIORITY_LEVEL` → an optional title
//! word (or optional experience ranges for entry level), `FUNCTION` → an
//! optional `KEYWORD`; `keywords` is a boolean string (`AND`, `OR`, `NOT`,
//! quotes, brackets). Anything else is returned as ignored, with a reason.

pub mod restli;

use scout_model::{CompanySize, History};
use scout_taxonomy::industries::canonical_industry;
use scout_taxonomy::languages::canonical_language;

use crate::filter::{Criterion, Filter, YearRange};
use crate::search_request::{MAX_FILTERS, MAX_VALUE_CHARS};
use restli::{percent_decode, RestLi};

/// Longest URL accepted, in characters.
pub const MAX_URL_CHARS: usize = 16_384;

/// A Sales Navigator filter that has no equivalent here.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ignored {
    /// The Sales Navigator filter type (or parameter name).
    #[serde(rename = "type")]
    pub kind: String,
    /// Why it was not used.
    pub reason: String,
}

/// What a URL asked for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// The filters, in the URL's order.
    pub filters: Vec<Filter>,
    /// What was left out, and why.
    pub ignored: Vec<Ignored>,
    /// The `keywords` boolean string, decoded.
    pub keywords: Option<String>,
}

/// Why a URL cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a URL of a LinkedIn Sales Navigator people search.
    #[error("{0}")]
    NotPeopleSearch(String),
    /// Only a saved search's id: its filters live in LinkedIn's account.
    #[error("This URL only names a saved search (savedSearchId {0}); its filters are stored in your LinkedIn account and cannot be read offline. Open the saved search in Sales Navigator and copy the URL of its results page instead.")]
    SavedSearchOnly(String),
    /// The query could not be read.
    #[error("The Sales Navigator query is malformed at character {at}: {message}")]
    Malformed {
        /// Byte offset in the decoded query.
        at: usize,
        /// What was expected.
        message: String,
    },
    /// Nothing usable in the URL.
    #[error("The URL holds no search criteria Scout can use")]
    Empty,
}

fn split_query(url: &str) -> (&str, Vec<(String, String)>) {
    let url = url.split('#').next().unwrap_or(url);
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let params = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), v.to_owned())
        })
        .collect();
    (base, params)
}

/// Reads a Sales Navigator people-search URL.
pub fn parse_sales_navigator_url(url: &str) -> Result<Imported, ImportError> {
    let mut url = url.trim().to_owned();
    if url.chars().count() > MAX_URL_CHARS {
        return Err(ImportError::NotPeopleSearch(format!(
            "The URL is longer than {MAX_URL_CHARS} characters"
        )));
    }
    // A link encoded as a whole ("https%3A%2F%2Fwww.linkedin.com…").
    for _ in 0..2 {
        if url.contains('?') || !url.contains('%') {
            break;
        }
        url = percent_decode(&url);
    }
    let lower = url.to_lowercase();
    let host_ok = lower.contains("linkedin.com/");
    if !host_ok || !lower.contains("/sales/search/people") {
        let why = if host_ok && lower.contains("/sales/search/company") {
            "Company searches cannot be imported: only Sales Navigator people searches (/sales/search/people)"
        } else {
            "Not a LinkedIn Sales Navigator people-search URL (expected https://www.linkedin.com/sales/search/people?…)"
        };
        return Err(ImportError::NotPeopleSearch(why.to_owned()));
    }
    let (_, params) = split_query(&url);
    let mut out = Imported::default();
    let mut query = None;
    let mut saved = None;
    let mut flat = Vec::new();
    for (k, v) in params {
        match k.as_str() {
            "query" => query = Some(v),
            "savedSearchId" => saved = Some(percent_decode(&v)),
            "recentSearchParam"
            | "spellCorrectionEnabled"
            | "sessionId"
            | "viewAllFilters"
            | "page"
            | "rsLogId"
            | "searchSessionId"
            | "_ntb"
            | "doFetchHeroCard"
            | "logHistory"
            | "trackingParam"
            | "preserveScrollPosition" => {}
            _ => flat.push((k, percent_decode(&v))),
        }
    }
    if let Some(mut q) = query {
        // Typed by hand the value is bare; an address bar encodes it once,
        // a copied link twice. Text inside stays encoded one level deeper.
        for _ in 0..3 {
            if looks_structured(&q) {
                break;
            }
            q = percent_decode(&q);
        }
        match restli::parse(&q) {
            Ok(value) => read_query(&value, &mut out),
            Err(e) => salvage_query(&q, e, &mut out)?,
        }
    }
    read_flat(&flat, &mut out);
    if out.filters.is_empty() {
        if let Some(id) = saved {
            return Err(ImportError::SavedSearchOnly(id));
        }
        if out.ignored.is_empty() {
            return Err(ImportError::Empty);
        }
    }
    if out.filters.len() > MAX_FILTERS {
        let extra = out.filters.split_off(MAX_FILTERS);
        out.ignored.push(Ignored {
            kind: "LIMIT".into(),
            reason: format!(
                "a search holds at most {MAX_FILTERS} filters: {} more were dropped",
                extra.len()
            ),
        });
    }
    Ok(out)
}

/// Reads what can be read of a query that does not parse as a whole: the
/// `keywords`, and each filter object that parses on its own; says in
/// `ignored` where the rest stopped. Refuses (`Malformed`, the first
/// error) only when nothing at all could be read.
fn salvage_query(
    q: &str,
    error: restli::SyntaxError,
    out: &mut Imported,
) -> Result<(), ImportError> {
    let before = out.filters.len();
    if let Some(start) = q.find("keywords:") {
        let rest = &q[start + "keywords:".len()..];
        let end = rest.find([',', ')']).unwrap_or(rest.len());
        let k = restli::decode_scalar(&rest[..end]);
        read_keywords(&k, out);
    }
    let (filters, _) = restli::salvage(q, "type");
    for (_, f) in &filters {
        read_filter(f, out);
    }
    if out.filters.len() == before && out.ignored.is_empty() {
        return Err(ImportError::Malformed {
            at: error.at,
            message: error.message,
        });
    }
    out.ignored.push(Ignored {
        kind: "QUERY".into(),
        reason: format!(
            "the query is malformed at character {}: {}; the {} filter(s) around it that could be read were kept",
            error.at,
            error.message,
            filters.len()
        ),
    });
    Ok(())
}

/// Whether a query value shows its Rest.li structure (not still encoded):
/// `(` then a key and a bare `:` — not `(filters%3A…`, even when a URN
/// inside it was typed with bare colons.
fn looks_structured(q: &str) -> bool {
    q.strip_prefix('(')
        .is_some_and(|rest| rest.starts_with(')') || restli::opens_with_key(rest.as_bytes()))
}

fn clip(text: &str) -> String {
    text.trim().chars().take(MAX_VALUE_CHARS).collect()
}

fn make(criterion: Criterion, excluded: bool, required: bool) -> Filter {
    Filter {
        criterion,
        required: required && !excluded,
        excluded,
        exact: false,
    }
}

fn read_query(value: &RestLi, out: &mut Imported) {
    if let RestLi::Object(map) = value {
        for (key, v) in map {
            match key.as_str() {
                "keywords" => {
                    if let Some(k) = v.as_str() {
                        read_keywords(k, out);
                    }
                }
                "filters" => {
                    for f in v.items() {
                        read_filter(f, out);
                    }
                }
                "recentSearchParam" | "spellCorrectionEnabled" | "doFetchHeroCard" => {}
                other => out.ignored.push(Ignored {
                    kind: other.to_owned(),
                    reason: "not a search criterion Scout knows".into(),
                }),
            }
        }
    }
}

/// Sales Navigator's experience buckets → the documented ranges they cover.
fn bucket_ranges(id: &str, text: &str) -> Option<&'static [&'static str]> {
    let by_id: Option<&'static [&'static str]> = match id {
        "1" => Some(&["0-1"]),
        "2" => Some(&["1-3"]),
        "3" => Some(&["3-5"]),
        "4" => Some(&["5-10"]),
        "5" => Some(&["10-15", "15-20", "20-30", "30-100"]),
        _ => None,
    };
    by_id.or_else(|| {
        let t = text.to_lowercase();
        if t.contains("less than 1") {
            Some(&["0-1"])
        } else if t.starts_with("1 to 2") {
            Some(&["1-3"])
        } else if t.starts_with("3 to 5") {
            Some(&["3-5"])
        } else if t.starts_with("6 to 10") {
            Some(&["5-10"])
        } else if t.contains("more than 10") {
            Some(&["10-15", "15-20", "20-30", "30-100"])
        } else {
            None
        }
    })
}

fn headcount(id: &str) -> Option<Option<CompanySize>> {
    Some(Some(match id {
        "A" => return Some(None),
        "B" => CompanySize::S1To10,
        "C" => CompanySize::S11To50,
        "D" => CompanySize::S51To200,
        "E" => CompanySize::S201To500,
        "F" => CompanySize::S501To1000,
        "G" => CompanySize::S1001To5000,
        "H" => CompanySize::S5001To10000,
        "I" => CompanySize::S10001Plus,
        _ => return None,
    }))
}

/// Title words for a seniority level; `None` for entry levels (read as experience).
fn seniority_word(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    [
        ("cxo", "chief"),
        ("chief", "chief"),
        ("vice president", "vice president"),
        ("vp", "vice president"),
        ("director", "director"),
        ("owner", "owner"),
        ("partner", "partner"),
        ("manager", "manager"),
        ("senior", "senior"),
        ("strategic", "senior"),
        ("training", "intern"),
        ("unpaid", "intern"),
    ]
    .iter()
    .find(|(k, _)| t.contains(k))
    .map(|(_, w)| *w)
}

fn read_filter(f: &RestLi, out: &mut Imported) {
    let kind = f
        .get("type")
        .and_then(RestLi::as_str)
        .unwrap_or("")
        .to_owned();
    let sub = f
        .get("selectedSubFilter")
        .and_then(RestLi::as_str)
        .unwrap_or("")
        .to_uppercase();
    let values: Vec<(String, String, bool)> = f
        .get("values")
        .map(|v| v.items())
        .unwrap_or_default()
        .into_iter()
        .map(|v| {
            let id = v
                .get("id")
                .and_then(RestLi::as_str)
                .unwrap_or("")
                .to_owned();
            let text = v
                .get("text")
                .and_then(RestLi::as_str)
                .unwrap_or("")
                .to_owned();
            let excluded = v
                .get("selectionType")
                .and_then(RestLi::as_str)
                .is_some_and(|s| s.eq_ignore_ascii_case("EXCLUDED"));
            (id, text, excluded)
        })
        .collect();
    let ignore = |out: &mut Imported, reason: &str| {
        out.ignored.push(Ignored {
            kind: kind.clone(),
            reason: reason.to_owned(),
        })
    };
    let title_history = match kind.as_str() {
        "CURRENT_TITLE" => Some(History::Current),
        "PAST_TITLE" => Some(History::Past),
        "TITLE" => Some(match sub.as_str() {
            "PAST" => History::Past,
            "CURRENT_OR_PAST" => History::CurrentOrPast,
            _ => History::Current,
        }),
        _ => None,
    };
    match kind.as_str() {
        "CURRENT_TITLE" | "PAST_TITLE" | "TITLE" => {
            let history = title_history.unwrap_or(History::Current);
            for (_, text, excluded) in &values {
                if !text.trim().is_empty() {
                    let c = Criterion::JobTitle {
                        title: clip(text),
                        history,
                    };
                    out.filters.push(make(c, *excluded, true));
                }
            }
        }
        "CURRENT_COMPANY" | "PAST_COMPANY" | "COMPANY" => {
            let history = match (kind.as_str(), sub.as_str()) {
                ("PAST_COMPANY", _) | (_, "PAST") => History::Past,
                (_, "CURRENT_OR_PAST") => History::CurrentOrPast,
                _ => History::Current,
            };
            for (id, text, excluded) in &values {
                if text.trim().is_empty() {
                    out.ignored.push(Ignored {
                        kind: kind.clone(),
                        reason: format!("company {id} has no name in the URL: LinkedIn organization ids cannot be resolved offline"),
                    });
                    continue;
                }
                let c = Criterion::CompanyName {
                    name: clip(text),
                    history,
                };
                out.filters.push(make(c, *excluded, true));
            }
        }
        "COMPANY_HEADCOUNT" => {
            for (id, text, excluded) in &values {
                match headcount(id.trim()) {
                    Some(Some(size)) => out.filters.push(make(
                        Criterion::CompanySize {
                            size,
                            history: History::Current,
                        },
                        *excluded,
                        true,
                    )),
                    Some(None) => out
                        .filters
                        .push(make(Criterion::Freelance, *excluded, true)),
                    None => out.ignored.push(Ignored {
                        kind: kind.clone(),
                        reason: format!("unknown headcount bucket `{id}` ({text})"),
                    }),
                }
            }
        }
        "INDUSTRY" => {
            for (_, text, excluded) in &values {
                if text.trim().is_empty() {
                    ignore(
                        out,
                        "an industry without its name cannot be resolved offline",
                    );
                    continue;
                }
                let industry = canonical_industry(text).map_or_else(|| clip(text), str::to_owned);
                out.filters.push(make(
                    Criterion::CompanyIndustry {
                        industry,
                        history: History::Current,
                    },
                    *excluded,
                    true,
                ));
            }
        }
        "REGION" | "POSTAL_CODE" | "GEOGRAPHY" | "BING_GEO" => {
            for (id, text, excluded) in &values {
                // the text is what the user saw; an id alone is resolved
                // from the bundled table of LinkedIn's public geo ids
                let place = if text.trim().is_empty() {
                    match scout_taxonomy::places::linkedin_geo(id) {
                        Some(geo) => geo.place.to_owned(),
                        None => {
                            ignore(
                                out,
                                &format!(
                                    "place id `{}` is not one of the LinkedIn geo ids Scout knows, \
                                     and the URL gives no name for it",
                                    clip(id)
                                ),
                            );
                            continue;
                        }
                    }
                } else {
                    clip(text)
                };
                let c = Criterion::Location {
                    place,
                    radius_km: None,
                };
                out.filters.push(make(c, *excluded, true));
            }
        }
        "SCHOOL" => {
            for (_, text, excluded) in &values {
                if !text.trim().is_empty() {
                    out.filters.push(make(
                        Criterion::EducationSchoolName(clip(text)),
                        *excluded,
                        true,
                    ));
                }
            }
        }
        "YEARS_OF_EXPERIENCE" | "YEARS_IN_CURRENT_POSITION" => {
            for (id, text, excluded) in &values {
                let Some(ranges) = bucket_ranges(id.trim(), text) else {
                    out.ignored.push(Ignored {
                        kind: kind.clone(),
                        reason: format!("unknown experience bucket `{id}` ({text})"),
                    });
                    continue;
                };
                for r in ranges {
                    let Some(range) = YearRange::parse(r) else {
                        continue;
                    };
                    let c = if kind == "YEARS_OF_EXPERIENCE" {
                        Criterion::YearsOfExperience(range)
                    } else {
                        Criterion::DurationInJob(range)
                    };
                    out.filters.push(make(c, *excluded, true));
                }
            }
        }
        "PROFILE_LANGUAGE" => {
            for (id, text, excluded) in &values {
                let lang = canonical_language(text)
                    .or_else(|| canonical_language(id))
                    .map_or_else(|| clip(text), str::to_owned);
                if !lang.is_empty() {
                    out.filters
                        .push(make(Criterion::Language(lang), *excluded, true));
                }
            }
        }
        "SENIORITY_LEVEL" => {
            for (_, text, excluded) in &values {
                let t = text.to_lowercase();
                if t.contains("entry") {
                    for r in ["0-1", "1-3"] {
                        if let Some(range) = YearRange::parse(r) {
                            out.filters.push(make(
                                Criterion::YearsOfExperience(range),
                                *excluded,
                                false,
                            ));
                        }
                    }
                } else if let Some(word) = seniority_word(text) {
                    let c = Criterion::JobTitle {
                        title: word.to_owned(),
                        history: History::Current,
                    };
                    out.filters.push(make(c, *excluded, false));
                } else {
                    out.ignored.push(Ignored {
                        kind: kind.clone(),
                        reason: format!("unknown seniority level `{text}`"),
                    });
                }
            }
        }
        "FUNCTION" => {
            for (_, text, excluded) in &values {
                if !text.trim().is_empty() {
                    out.filters
                        .push(make(Criterion::Keyword(clip(text)), *excluded, false));
                }
            }
        }
        "" => ignore(out, "a filter without a type"),
        _ => ignore(
            out,
            match kind.as_str() {
                "RELATIONSHIP" | "CONNECTION_OF" | "CONNECTION" => {
                    "relationships exist only inside LinkedIn's network"
                }
                "GROUP" => "LinkedIn group membership is not part of a profile",
                "LEAD_LIST" | "ACCOUNT_LIST" | "PERSONA" => {
                    "lists and personas live in the Sales Navigator account"
                }
                "POSTED_ON_LINKEDIN"
                | "RECENTLY_CHANGED_JOBS"
                | "FOLLOWS_YOUR_COMPANY"
                | "VIEWED_YOUR_PROFILE"
                | "TEAMLINK_CONNECTIONS"
                | "WITH_SHARED_EXPERIENCES"
                | "LEAD_INTERACTIONS"
                | "SAVED_LEADS_AND_ACCOUNTS"
                | "PAST_COLLEAGUE"
                | "MENTIONED_IN_NEWS" => {
                    "activity and spotlight toggles depend on LinkedIn's activity data"
                }
                _ => "no equivalent filter in Scout",
            },
        ),
    }
}

/// The `keywords` string → one `KEYWORD` filter, required: a boolean
/// string (`crate::boolean`) as its expression, plain text as it is. A
/// broken boolean string (a quote or bracket left open, as pasting cuts
/// them) keeps its words as plain keywords, and `ignored` says why.
fn read_keywords(text: &str, out: &mut Imported) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    out.keywords = Some(text.to_owned());
    let clipped = clip(text);
    if clipped.chars().count() < text.chars().count() {
        out.ignored.push(Ignored {
            kind: "KEYWORDS".into(),
            reason: format!("longer than {MAX_VALUE_CHARS} characters: the rest was cut"),
        });
    }
    let criterion = match crate::boolean::read_keyword(&clipped) {
        Ok(None) => Criterion::Keyword(clipped),
        Ok(Some(b)) => Criterion::Boolean(b),
        Err(e) => {
            let words = crate::boolean::plain_words(&clipped);
            out.ignored.push(Ignored {
                kind: "KEYWORDS".into(),
                reason: format!(
                    "the boolean string could not be read ({e}): its words are searched as plain keywords"
                ),
            });
            if words.is_empty() {
                return;
            }
            Criterion::Keyword(words)
        }
    };
    out.filters.push(make(criterion, false, true));
}

/// The older flat parameters (`titleIncluded=Engineer:123,Manager`…).
fn read_flat(params: &[(String, String)], out: &mut Imported) {
    for (key, value) in params {
        let (field, excluded) = if let Some(f) = key.strip_suffix("Included") {
            (f, false)
        } else if let Some(f) = key.strip_suffix("Excluded") {
            (f, true)
        } else if key == "keywords" {
            read_keywords(value, out);
            continue;
        } else {
            out.ignored.push(Ignored {
                kind: key.clone(),
                reason: "not a search parameter Scout knows".into(),
            });
            continue;
        };
        for item in value.split(',').filter(|s| !s.trim().is_empty()) {
            // "Text:id" or a bare id
            let text = item.rsplit_once(':').map_or(item, |(t, _)| t).trim();
            let opaque = text.chars().all(|c| c.is_ascii_digit() || c == ':');
            let criterion = match field {
                "title" | "currentTitle" => Some(Criterion::JobTitle {
                    title: clip(text),
                    history: History::Current,
                }),
                "pastTitle" => Some(Criterion::JobTitle {
                    title: clip(text),
                    history: History::Past,
                }),
                "company" | "currentCompany" => Some(Criterion::CompanyName {
                    name: clip(text),
                    history: History::Current,
                }),
                "pastCompany" => Some(Criterion::CompanyName {
                    name: clip(text),
                    history: History::Past,
                }),
                "geo" | "postalCode" => {
                    let place = if opaque {
                        scout_taxonomy::places::linkedin_geo(text).map(|g| g.place.to_owned())
                    } else {
                        Some(clip(text))
                    };
                    match place {
                        Some(place) => {
                            out.filters.push(make(
                                Criterion::Location {
                                    place,
                                    radius_km: None,
                                },
                                excluded,
                                true,
                            ));
                            continue;
                        }
                        None => Some(Criterion::Location {
                            place: clip(text),
                            radius_km: None,
                        }),
                    }
                }
                "school" => Some(Criterion::EducationSchoolName(clip(text))),
                "industry" => Some(Criterion::CompanyIndustry {
                    industry: canonical_industry(text).map_or_else(|| clip(text), str::to_owned),
                    history: History::Current,
                }),
                _ => None,
            };
            match criterion {
                Some(c) if !opaque => out.filters.push(make(c, excluded, true)),
                Some(_) => out.ignored.push(Ignored {
                    kind: key.clone(),
                    reason: format!(
                        "`{item}` is a LinkedIn id without its text: it cannot be resolved offline"
                    ),
                }),
                None => {
                    out.ignored.push(Ignored {
                        kind: key.clone(),
                        reason: "no equivalent filter in Scout".into(),
                    });
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
