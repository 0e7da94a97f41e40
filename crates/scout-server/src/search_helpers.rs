//! Helpers that refine a search: alternate and related job titles, and
//! skills that go with the ones asked for. Both are computed, not canned:
//! alternate titles come from the title's career family and are ranked by
//! how many indexed profiles hold each; related titles by the overlap of
//! two families' skills; skill suggestions by co-occurrence in the indexed
//! profiles and in the taxonomy (formulas in `docs/prompt-search.md`).
//!
//! The prompt-search page shows both without an `Authorization` header, so
//! both answer without a key too — from the bundled reference data only:
//! no counts or co-occurrences from profiles, so nothing of anyone's data
//! leaks to a caller who has no key (`basis` says which was used).

use std::collections::{HashMap, HashSet};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use scout_model::History;
use scout_query::{Criterion, Filter, Issue, PathItem};
use scout_taxonomy::skills::{canonical_skill, related_skills};
use scout_taxonomy::titles::{core_title, family_of, normalize_title, related_titles, synonyms};
use serde_json::{json, Value};

use crate::auth::{SearchesRead, Visitor};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::talents::run_search;
use crate::validate::{check, ObjectReader};
use crate::views::ok;
use crate::AppState;

/// Most skills in one suggestion request.
pub const MAX_SKILLS: usize = 20;
/// Suggestions returned.
pub const SUGGESTIONS: usize = 20;
/// Profiles sampled per skill to count co-occurring skills.
pub const SAMPLE_PROFILES: usize = 200;
const INTERNAL: &str = "An error occurred while computing suggestions";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/v1/searches/candidates/job-title-synonyms",
            post(title_synonyms),
        )
        .route(
            "/v1/searches/candidates/skills-suggestions",
            post(skill_suggestions),
        )
}

/// How many indexed profiles currently hold exactly this title.
async fn holders(state: &AppState, workspace: &str, title: &str) -> Result<u64, ApiError> {
    let mut f = Filter::required(Criterion::JobTitle {
        title: title.to_owned(),
        history: History::Current,
    });
    f.exact = true;
    Ok(
        run_search(state, Some(workspace), &[f], HashSet::new(), 1, INTERNAL)
            .await?
            .total,
    )
}

/// What an answer was computed from.
const FROM_REFERENCE: &str = "reference_data";
const FROM_PROFILES: &str = "reference_data_and_profiles";

async fn title_synonyms(
    State(state): State<AppState>,
    visitor: Visitor<SearchesRead>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let mut r = ObjectReader::new(&body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let title = r.string("title", true, 200);
    check(r.finish())?;
    let title = title.unwrap_or_default();
    let family = family_of(&title);
    let workspace = visitor.workspace_id();
    let with_profiles = workspace.is_some();
    let mut alternates = Vec::new();
    for s in synonyms(&title) {
        let n = match workspace {
            Some(w) => Some(holders(&state, w, &s).await?),
            None => None,
        };
        alternates.push(json!({"title": s, "profiles": n}));
    }
    // stable: without counts, the reference data's order stays
    alternates.sort_by(|a, b| b["profiles"].as_u64().cmp(&a["profiles"].as_u64()));
    let related: Vec<Value> = related_titles(&title)
        .into_iter()
        .take(10)
        .map(|(t, score)| json!({"title": t, "score": (score * 1000.0).round() / 1000.0}))
        .collect();
    let data = json!({
        "title": title,
        "normalized": normalize_title(&title),
        "coreTitle": core_title(&title),
        "family": family.map(|f| f.title.clone()),
        "synonyms": alternates,
        "related": related,
        "basis": if with_profiles { FROM_PROFILES } else { FROM_REFERENCE },
    });
    Ok(ok(StatusCode::OK, visitor.limit_headers(), data))
}

fn skill_list(r: &mut ObjectReader<'_>) -> Option<Vec<String>> {
    let raw = r.raw("skills");
    let path = vec![PathItem::Key("skills".into())];
    let Some(Value::Array(items)) = raw else {
        r.issues.push(Issue {
            expected: Some("array"),
            ..Issue::new("invalid_type", path, "Expected an array of skills")
        });
        return None;
    };
    if items.is_empty() || items.len() > MAX_SKILLS {
        r.issues.push(Issue::new(
            "too_big",
            path,
            format!("Between 1 and {MAX_SKILLS} skills are accepted"),
        ));
        return None;
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(s) if !s.trim().is_empty() && s.chars().count() <= 100 => {
                out.push(s.trim().to_owned())
            }
            _ => r.issues.push(Issue::new(
                "invalid_type",
                vec![PathItem::Key("skills".into()), PathItem::Index(i)],
                "Each skill must be a string of 1 to 100 characters",
            )),
        }
    }
    Some(out)
}

async fn skill_suggestions(
    State(state): State<AppState>,
    visitor: Visitor<SearchesRead>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let mut r = ObjectReader::new(&body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let skills = skill_list(&mut r);
    check(r.finish())?;
    let asked: Vec<String> = skills
        .unwrap_or_default()
        .iter()
        .map(|s| canonical_skill(s).map_or_else(|| s.clone(), str::to_owned))
        .collect();
    let asked_set: HashSet<String> = asked.iter().map(|s| s.to_lowercase()).collect();
    // per suggestion: (sum of profile shares, sum of taxonomy weights)
    let mut scores: HashMap<String, (f64, f64)> = HashMap::new();
    let mut sampled = 0usize;
    let workspace = visitor.workspace_id();
    let with_profiles = workspace.is_some();
    for skill in &asked {
        let related = related_skills(skill);
        let top = related.first().map_or(1.0, |(_, w)| *w).max(f64::EPSILON);
        for (s, w) in related {
            scores.entry(s.to_owned()).or_default().1 += w / top;
        }
        if !with_profiles {
            continue;
        }
        let results = run_search(
            &state,
            workspace,
            &[Filter::required(Criterion::Skill(skill.clone()))],
            HashSet::new(),
            SAMPLE_PROFILES,
            INTERNAL,
        )
        .await?;
        let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
        let profiles = state
            .store
            .get_profiles(workspace, &ids)
            .await
            .map_err(|e| ApiError::from_domain(e, INTERNAL))?;
        sampled += profiles.len();
        let n = profiles.len().max(1) as f64;
        let mut counts: HashMap<String, usize> = HashMap::new();
        for p in &profiles {
            let own: HashSet<String> = p
                .talent
                .skills
                .iter()
                .map(|s| canonical_skill(s).map_or_else(|| s.clone(), str::to_owned))
                .collect();
            for s in own {
                *counts.entry(s).or_default() += 1;
            }
        }
        for (s, c) in counts {
            scores.entry(s).or_default().0 += c as f64 / n;
        }
    }
    // Without profiles the taxonomy's weight is the whole score.
    let share_weight = if with_profiles { 0.5 } else { 0.0 };
    let k = asked.len().max(1) as f64;
    let mut ranked: Vec<(String, f64, f64, f64)> = scores
        .into_iter()
        .filter(|(s, _)| !asked_set.contains(&s.to_lowercase()))
        .map(|(s, (share, tax))| {
            let (share, tax) = (share / k, tax / k);
            (
                s,
                share_weight * share + (1.0 - share_weight) * tax,
                share,
                tax,
            )
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let suggestions: Vec<Value> = ranked
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(s, score, share, tax)| {
            let share = with_profiles.then(|| round(share));
            json!({"skill": s, "score": round(score), "profileShare": share, "taxonomyWeight": round(tax)})
        })
        .collect();
    let data = json!({
        "skills": asked,
        "suggestions": suggestions,
        "sampledProfiles": sampled,
        "basis": if with_profiles { FROM_PROFILES } else { FROM_REFERENCE },
    });
    Ok(ok(StatusCode::OK, visitor.limit_headers(), data))
}
