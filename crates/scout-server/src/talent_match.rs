//! A search hit as the API returns it: the documented talent plus `match`,
//! which says per filter whether and how well it matched, with evidence.
//!
//! Serialized straight from the stored profile (no intermediate JSON tree):
//! this runs for every talent of every page, so it is on the hot path of
//! `POST /v1/search/talents` and of the prompt stream.

use scout_engine::compile::Interpretation;
use scout_engine::{Evidence, Hit, SearchResults};
use scout_model::Talent;
use scout_query::search_request::{filter_to_json, IgnoredField};
use scout_query::Filter;
use scout_store::StoredProfile;
use serde::Serialize;
use serde_json::Value;

use crate::AppState;

/// What Scout made of a filter's value, when it is worth saying.
fn interpretation(interp: &Interpretation) -> Option<&str> {
    match interp {
        Interpretation::Resolved(s) if !s.is_empty() => Some(s),
        Interpretation::Literal => Some("not in Scout's reference data: matched literally"),
        _ => None,
    }
}

/// A talent with the `match` object.
#[derive(Serialize)]
pub(crate) struct TalentWithMatch<'a> {
    #[serde(flatten)]
    talent: &'a Talent,
    #[serde(rename = "match")]
    explanation: Match<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Match<'a> {
    score: f64,
    optional_filters_met: usize,
    optional_filters: usize,
    filters: Vec<FilterMatch<'a>>,
    profile_last_changed_at: i64,
}

/// One filter as sent, with whether and how this talent matched it.
#[derive(Serialize)]
struct FilterMatch<'a> {
    #[serde(flatten)]
    filter: &'a Value,
    matched: bool,
    quality: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Evidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interpretation: Option<&'a str>,
    /// Common fields the filter carried that its type does not use.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    ignored: &'a [IgnoredField],
}

/// The request's side of every talent's `match`: each filter as JSON.
pub(crate) struct MatchContext<'a> {
    filters: &'a [Filter],
    filters_json: Vec<Value>,
    interpretations: Vec<Option<&'a str>>,
    /// Per filter, the common fields it ignored (empty when not known).
    ignored: &'a [Vec<IgnoredField>],
    optional: usize,
}

impl<'a> MatchContext<'a> {
    pub(crate) fn new(filters: &'a [Filter], results: &'a SearchResults) -> Self {
        MatchContext {
            filters,
            filters_json: filters.iter().map(filter_to_json).collect(),
            interpretations: filters
                .iter()
                .enumerate()
                .map(|(i, _)| results.interpretations.get(i).and_then(interpretation))
                .collect(),
            ignored: &[],
            optional: filters
                .iter()
                .filter(|f| !f.required && !f.excluded)
                .count(),
        }
    }

    /// Says, in each filter's match, which common fields it ignored
    /// (`SearchRequest::ignored`).
    pub(crate) fn with_ignored(mut self, ignored: &'a [Vec<IgnoredField>]) -> Self {
        self.ignored = ignored;
        self
    }

    /// `profiles` (the stored profiles of `hits`, in order) with their match.
    pub(crate) fn talents<'p>(
        &'p self,
        state: &AppState,
        hits: &[Hit],
        profiles: &'p [StoredProfile],
    ) -> Vec<TalentWithMatch<'p>> {
        let evidence = state
            .engine
            .explain(profiles.iter().map(|p| &p.talent), self.filters);
        // `profiles` follow `hits` with the missing skipped: a profile
        // deleted or erased after the index answered has no row, and its
        // hit is dropped rather than paired with the next person's profile
        let mut stored = profiles.iter().zip(evidence).peekable();
        hits.iter()
            .filter_map(|hit| {
                stored
                    .next_if(|(p, _)| p.talent.id == hit.id)
                    .map(|(p, evidence)| self.talent(hit, p, evidence))
            })
            .collect()
    }

    fn talent<'p>(
        &'p self,
        hit: &Hit,
        stored: &'p StoredProfile,
        evidence: Vec<Evidence>,
    ) -> TalentWithMatch<'p> {
        let filters: Vec<FilterMatch> = self
            .filters
            .iter()
            .zip(&hit.filter_scores)
            .zip(evidence)
            .enumerate()
            .map(|(i, ((f, score), evidence))| FilterMatch {
                filter: &self.filters_json[i],
                matched: score.is_some(),
                quality: score.map(|s| (f64::from(s) * 100.0).round() / 100.0),
                evidence: (score.is_some() && !f.excluded).then_some(evidence),
                interpretation: self.interpretations[i],
                ignored: self.ignored.get(i).map_or(&[], Vec::as_slice),
            })
            .collect();
        let met = self
            .filters
            .iter()
            .zip(&hit.filter_scores)
            .filter(|(f, s)| !f.required && !f.excluded && s.is_some())
            .count();
        TalentWithMatch {
            talent: &stored.talent,
            explanation: Match {
                score: (f64::from(hit.score) * 1000.0).round() / 1000.0,
                optional_filters_met: met,
                optional_filters: self.optional,
                filters,
                profile_last_changed_at: stored.last_changed_at,
            },
        }
    }
}
