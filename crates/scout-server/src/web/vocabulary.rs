//! A workspace's own vocabulary for the filter editor's suggestions: the
//! skills, schools, degrees, languages, certifications, titles, employers,
//! industries and cities in the profiles it has shortlisted (its candidates' and its
//! lists' members), each with how many of those profiles hold it.
//!
//! Built from at most [`PROFILES`] profiles, most recently touched first,
//! and kept per workspace for [`FRESH_FOR`]: suggestions are asked for on
//! every keystroke, the shortlists change far more slowly. Industries are
//! not in a profile: they are its employers' (the organization records),
//! joined by the engine as it does for the industry filter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use scout_model::{FilterType, Talent};
use scout_taxonomy::fold;

use crate::AppState;

/// Most profiles read to build one workspace's vocabulary.
const PROFILES: i64 = 2_000;
/// How long a built vocabulary is used before it is built again.
const FRESH_FOR: Duration = Duration::from_secs(60);
/// Most workspaces kept at once (the least recently built goes first).
const KEPT: usize = 256;

/// Values of one workspace by filter type, most frequent first.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    values: HashMap<FilterType, Vec<(String, String)>>,
}

impl Vocabulary {
    /// Counts the values of `talents` (with their employers' industries,
    /// in the same order), each counted once per profile.
    pub(crate) fn of(talents: &[Talent], industries: &[Vec<&str>]) -> Vocabulary {
        let mut counts: HashMap<FilterType, HashMap<String, (String, u32)>> = HashMap::new();
        for (i, talent) in talents.iter().enumerate() {
            let mut seen = std::collections::HashSet::new();
            let theirs = industries
                .get(i)
                .into_iter()
                .flatten()
                .map(|industry| (FilterType::CompanyIndustry, *industry));
            for (t, value) in values_of(talent).into_iter().chain(theirs) {
                let value = value.trim();
                let key = fold(value);
                if key.is_empty() || !seen.insert((t, key.clone())) {
                    continue;
                }
                counts
                    .entry(t)
                    .or_default()
                    .entry(key)
                    .or_insert_with(|| (value.to_owned(), 0))
                    .1 += 1;
            }
        }
        let values = counts
            .into_iter()
            .map(|(t, by_key)| {
                let mut ranked: Vec<(String, (String, u32))> = by_key.into_iter().collect();
                ranked.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then_with(|| a.0.cmp(&b.0)));
                (
                    t,
                    ranked
                        .into_iter()
                        .map(|(key, (value, _))| (key, value))
                        .collect(),
                )
            })
            .collect();
        Vocabulary { values }
    }

    /// Up to `limit` values of type `t` whose folded form starts with the
    /// folded `typed` (then those that contain it), most frequent first.
    pub(crate) fn suggest(&self, t: FilterType, typed: &str, limit: usize) -> Vec<String> {
        let Some(values) = self.values.get(&t) else {
            return Vec::new();
        };
        let typed = fold(typed);
        let starts = values.iter().filter(|(k, _)| k.starts_with(&typed));
        let contains = values
            .iter()
            .filter(|(k, _)| !k.starts_with(&typed) && k.contains(&typed));
        starts
            .chain(contains)
            .take(limit)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Every (filter type, value) a profile holds.
fn values_of(t: &Talent) -> Vec<(FilterType, &str)> {
    let mut out = Vec::new();
    out.extend(t.skills.iter().map(|s| (FilterType::Skill, s.as_str())));
    for l in &t.languages {
        out.extend(l.name.as_deref().map(|n| (FilterType::Language, n)));
    }
    for e in &t.educations {
        out.extend(
            e.school_name
                .as_deref()
                .map(|n| (FilterType::EducationSchoolName, n)),
        );
        out.extend(
            e.degrees
                .iter()
                .map(|d| (FilterType::EducationDegree, d.as_str())),
        );
    }
    for c in &t.certifications {
        out.extend(
            c.name
                .as_deref()
                .map(|n| (FilterType::CertificationName, n)),
        );
    }
    out.extend(t.job_title.as_deref().map(|v| (FilterType::JobTitle, v)));
    for e in &t.experiences {
        out.extend(e.title.as_deref().map(|v| (FilterType::JobTitle, v)));
        out.extend(
            e.organization_name
                .as_deref()
                .map(|v| (FilterType::CompanyName, v)),
        );
    }
    out.extend(t.city.as_deref().map(|v| (FilterType::Location, v)));
    out
}

/// The built vocabularies, by workspace id.
#[derive(Default)]
pub(crate) struct Vocabularies {
    built: Mutex<HashMap<String, (Instant, Arc<Vocabulary>)>>,
}

impl Vocabularies {
    fn fresh(&self, workspace_id: &str) -> Option<Arc<Vocabulary>> {
        let built = self.built.lock().unwrap_or_else(|p| p.into_inner());
        built
            .get(workspace_id)
            .filter(|(at, _)| at.elapsed() < FRESH_FOR)
            .map(|(_, v)| Arc::clone(v))
    }

    fn keep(&self, workspace_id: &str, vocabulary: Arc<Vocabulary>) {
        let mut built = self.built.lock().unwrap_or_else(|p| p.into_inner());
        if built.len() >= KEPT && !built.contains_key(workspace_id) {
            if let Some(oldest) = built
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(k, _)| k.clone())
            {
                built.remove(&oldest);
            }
        }
        built.insert(workspace_id.to_owned(), (Instant::now(), vocabulary));
    }
}

/// `workspace_id`'s vocabulary, built if it is missing or stale.
pub(crate) async fn of_workspace(
    state: &AppState,
    workspace_id: &str,
) -> Result<Arc<Vocabulary>, scout_store::StoreError> {
    if let Some(v) = state.vocabularies.fresh(workspace_id) {
        return Ok(v);
    }
    let ids = state
        .store
        .workspace_talent_ids(workspace_id, PROFILES)
        .await?;
    let profiles = state.store.get_profiles(Some(workspace_id), &ids).await?;
    let talents: Vec<Talent> = profiles.into_iter().map(|p| p.talent).collect();
    let engine = std::sync::Arc::clone(&state.engine);
    let vocabulary = tokio::task::spawn_blocking(move || {
        let industries = engine.employer_industries(&talents);
        Vocabulary::of(&talents, &industries)
    })
    .await
    .unwrap_or_default();
    let vocabulary = Arc::new(vocabulary);
    state
        .vocabularies
        .keep(workspace_id, Arc::clone(&vocabulary));
    Ok(vocabulary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talent(raw: serde_json::Value) -> Talent {
        serde_json::from_value(raw).unwrap()
    }

    #[test]
    fn values_are_counted_once_per_profile_and_ranked_by_how_many_hold_them() {
        let talents = [
            talent(
                serde_json::json!({"id": "a", "skills": ["Rust", "rust", "Go"],
                "educations": [{"schoolName": "ETH Zürich", "degrees": ["MSc"]}],
                "languages": [{"name": "German"}], "certifications": [{"name": "CKA"}]}),
            ),
            talent(serde_json::json!({"id": "b", "skills": ["Go"],
                "educations": [{"schoolName": "EPFL"}, {"schoolName": "eth zurich"}]})),
            talent(serde_json::json!({"id": "c", "skills": ["Go", "Gleam"]})),
        ];
        let industries = [
            vec!["software development"],
            vec![],
            vec!["software development", "banking"],
        ];
        let v = Vocabulary::of(&talents, &industries);
        assert_eq!(
            v.suggest(FilterType::Skill, "", 10),
            ["Go", "Gleam", "Rust"],
            "ties alphabetical"
        );
        assert_eq!(v.suggest(FilterType::Skill, "g", 10), ["Go", "Gleam"]);
        assert_eq!(
            v.suggest(FilterType::EducationSchoolName, "eth", 10),
            ["ETH Zürich"],
            "folded: 'eth zurich' is the same school"
        );
        assert_eq!(
            v.suggest(FilterType::EducationSchoolName, "zur", 10),
            ["ETH Zürich"]
        );
        assert_eq!(v.suggest(FilterType::EducationDegree, "m", 10), ["MSc"]);
        assert_eq!(v.suggest(FilterType::Language, "ger", 10), ["German"]);
        assert_eq!(v.suggest(FilterType::CertificationName, "", 10), ["CKA"]);
        assert_eq!(
            v.suggest(FilterType::CompanyIndustry, "", 10),
            ["software development", "banking"]
        );
    }
}
