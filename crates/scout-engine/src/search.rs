//! A search from typed filters to ranked hits: compile, run (`rank.rs`:
//! exact count, top hits, already-seen talents left out), turn documents
//! into talent ids, and say per filter at which tier each hit met it.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use scout_model::criteria::Filter;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, Term};

pub use crate::compile::Interpretation;
use crate::compile::{compile, compile_each, others_profiles};
use crate::document::current_month;
use crate::error::EngineError;
use crate::rank::{self, RunOptions};
use crate::segment_table::SegmentTable;
use crate::Engine;

/// How to run a search.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// How many hits to return.
    pub limit: usize,
    /// Talent ids never to return (already seen).
    pub exclude_ids: HashSet<String>,
    /// Whose view of the index: the shared pool and this workspace's own
    /// profiles; `None`, the shared pool alone. No other workspace's
    /// profile is returned or counted.
    pub workspace: Option<String>,
    /// Give up after this instant.
    pub deadline: Option<Instant>,
    /// Use (and feed) the cache of popular tiers' documents; off only to
    /// measure what a search costs without it.
    pub use_tier_cache: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            exclude_ids: HashSet::new(),
            workspace: None,
            deadline: None,
            use_tier_cache: true,
        }
    }
}

/// One ranked talent.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Talent id.
    pub id: String,
    /// Ranking score (see docs/search.md).
    pub score: Score,
    /// Per filter, in request order: the tier it met (0–1), or `None`.
    pub filter_scores: Vec<Option<Score>>,
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Exact number of talents meeting every required and excluded filter
    /// (already-seen talents included).
    pub total: u64,
    /// How each filter's value was understood, in request order.
    pub interpretations: Vec<Interpretation>,
}

impl Engine {
    /// The table of a segment, from the cache or built now.
    pub(crate) fn table_of(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentTable>> {
        let key = reader.segment_id();
        if let Some(hit) = self.table_cache.lock().get(&key) {
            return Ok(hit.clone());
        }
        let built = Arc::new(SegmentTable::build(reader)?);
        self.table_cache.lock().insert(key, built.clone());
        Ok(built)
    }

    /// Ranks the talents meeting `filters`.
    pub fn search(
        &self,
        filters: &[Filter],
        options: &SearchOptions,
    ) -> Result<SearchResults, EngineError> {
        if options.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(EngineError::Timeout);
        }
        let searcher = self.reader.searcher();
        let now = current_month();
        let mut compiled = compile(filters, &self.fields, now);
        let owned = Term::from_field_text(self.fields.owner, crate::OWNED);
        if searcher.doc_freq(&owned)? > 0 {
            // only an index holding some workspace's profiles pays for this
            compiled
                .query
                .excluded
                .push(others_profiles(&self.fields, options.workspace.as_deref()));
        }
        let run = RunOptions {
            limit: options.limit,
            cache: options.use_tier_cache.then_some(&self.tier_cache),
            exclude_ids: &options.exclude_ids,
            deadline: options.deadline,
        };
        let rank::Collected {
            top,
            total,
            timed_out,
        } = rank::run(&compiled.query, &searcher, &run, &|r| self.table_of(r))?;
        if timed_out {
            return Err(EngineError::Timeout);
        }
        let mut hits = Vec::with_capacity(top.len());
        let singles: Vec<Box<dyn tantivy::query::Weight>> =
            compile_each(filters, &self.fields, now)
                .iter()
                .map(|q| {
                    q.weight(tantivy::query::EnableScoring::enabled_from_searcher(
                        &searcher,
                    ))
                })
                .collect::<Result<_, _>>()?;
        let mut placed: Vec<(SegmentOrdinal, DocId)> = Vec::with_capacity(top.len());
        for r in top {
            let id = r.id();
            if !id.is_empty() {
                hits.push(Hit {
                    id: id.to_owned(),
                    score: r.score,
                    filter_scores: Vec::new(),
                });
                placed.push((r.segment, r.doc));
            }
        }
        // Per filter and segment, walk the hits in doc order with one scorer:
        // whether each hit meets the filter, and at which tier.
        for weight in &singles {
            let mut order: Vec<usize> = (0..hits.len()).collect();
            order.sort_by_key(|&i| placed[i]);
            let mut current: Option<(SegmentOrdinal, Box<dyn tantivy::query::Scorer>)> = None;
            let mut scores = vec![None; hits.len()];
            for i in order {
                let (seg, doc) = placed[i];
                if current.as_ref().is_none_or(|(s, _)| *s != seg) {
                    current = Some((seg, weight.scorer(searcher.segment_reader(seg), 1.0)?));
                }
                if let Some((_, scorer)) = current.as_mut() {
                    if scorer.doc() < doc {
                        scorer.seek(doc);
                    }
                    if scorer.doc() == doc {
                        scores[i] = Some(scorer.score());
                    }
                }
            }
            for (hit, s) in hits.iter_mut().zip(scores) {
                hit.filter_scores.push(s);
            }
        }
        Ok(SearchResults {
            hits,
            total,
            interpretations: compiled.interpretations,
        })
    }
}
