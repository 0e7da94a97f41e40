//! Running a compiled search: exact count of matches, top hits by score with
//! a small completeness tie-break, equal scores ordered by id, talents
//! already seen excluded per segment through a bitset of their entries.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::time::Instant;

use scout_query::Filter;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, Term, TERMINATED};

pub use crate::compile::Interpretation;
use crate::compile::{compile, compile_each};
use crate::document::current_month;
use crate::error::EngineError;
use crate::schema::Fields;
use crate::Engine;

/// How to run a search.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// How many hits to return.
    pub limit: usize,
    /// Talent ids never to return (already seen).
    pub exclude_ids: HashSet<String>,
    /// Give up after this instant.
    pub deadline: Option<Instant>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            exclude_ids: HashSet::new(),
            deadline: None,
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

/// Completeness (0–100) adds at most 0.01: it only separates near-ties.
const COMPLETENESS_WEIGHT: Score = 0.0001;

/// One bit per document of a segment.
struct DocBits(Vec<u64>);

impl DocBits {
    fn new(max_doc: DocId) -> DocBits {
        DocBits(vec![0; (max_doc as usize).div_ceil(64)])
    }

    fn insert(&mut self, doc: DocId) {
        if let Some(w) = self.0.get_mut(doc as usize / 64) {
            *w |= 1 << (doc % 64);
        }
    }

    fn contains(&self, doc: DocId) -> bool {
        self.0
            .get(doc as usize / 64)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }
}

#[derive(Clone, Copy, Debug)]
struct Ranked {
    score: Score,
    key: (u64, u64),
    segment: SegmentOrdinal,
    doc: DocId,
}

impl Ranked {
    /// Better first: higher score, then lower id.
    fn better(&self, other: &Ranked) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.key.cmp(&other.key))
    }
}

struct RankCollector<'a> {
    limit: usize,
    exclude: &'a HashSet<String>,
    fields: &'a Fields,
    deadline: Option<Instant>,
}

struct RankSegment {
    limit: usize,
    segment: SegmentOrdinal,
    excluded: Option<DocBits>,
    completeness: Column<u64>,
    key_hi: Column<u64>,
    key_lo: Column<u64>,
    top: Vec<Ranked>,
    floor: Option<Ranked>,
    total: u64,
    deadline: Option<Instant>,
    timed_out: bool,
}

impl Collector for RankCollector<'_> {
    type Fruit = (Vec<Ranked>, u64, bool);
    type Child = RankSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RankSegment> {
        let excluded = if self.exclude.is_empty() {
            None
        } else {
            let mut bits = DocBits::new(reader.max_doc());
            let inverted = reader.inverted_index(self.fields.id)?;
            for id in self.exclude {
                let t = Term::from_field_text(self.fields.id, id);
                if let Some(mut postings) = inverted.read_postings(&t, IndexRecordOption::Basic)? {
                    let mut d = postings.doc();
                    while d != TERMINATED {
                        bits.insert(d);
                        d = postings.advance();
                    }
                }
            }
            Some(bits)
        };
        let ff = reader.fast_fields();
        Ok(RankSegment {
            limit: self.limit,
            segment,
            excluded,
            completeness: ff.u64("completeness")?,
            key_hi: ff.u64("id_key_hi")?,
            key_lo: ff.u64("id_key_lo")?,
            top: Vec::with_capacity(self.limit * 2 + 1),
            floor: None,
            total: 0,
            deadline: self.deadline,
            timed_out: false,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(Vec<Ranked>, u64, bool)>,
    ) -> tantivy::Result<(Vec<Ranked>, u64, bool)> {
        let mut all = Vec::new();
        let mut total = 0;
        let mut timed_out = false;
        for (top, n, t) in fruits {
            all.extend(top);
            total += n;
            timed_out |= t;
        }
        all.sort_by(|a, b| a.better(b));
        all.truncate(self.limit);
        Ok((all, total, timed_out))
    }
}

impl SegmentCollector for RankSegment {
    type Fruit = (Vec<Ranked>, u64, bool);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.total += 1;
        if self.timed_out {
            return;
        }
        if self.total.is_multiple_of(8192) && self.deadline.is_some_and(|d| Instant::now() > d) {
            self.timed_out = true;
            return;
        }
        if self.excluded.as_ref().is_some_and(|b| b.contains(doc)) || self.limit == 0 {
            return;
        }
        let score =
            score + self.completeness.first(doc).unwrap_or(0) as Score * COMPLETENESS_WEIGHT;
        if let Some(floor) = &self.floor {
            if score < floor.score {
                return;
            }
        }
        let key = (
            self.key_hi.first(doc).unwrap_or(0),
            self.key_lo.first(doc).unwrap_or(0),
        );
        self.top.push(Ranked {
            score,
            key,
            segment: self.segment,
            doc,
        });
        if self.top.len() >= self.limit * 2 {
            self.top.sort_by(|a, b| a.better(b));
            self.top.truncate(self.limit);
            self.floor = self.top.last().copied();
        }
    }

    fn harvest(mut self) -> (Vec<Ranked>, u64, bool) {
        self.top.sort_by(|a, b| a.better(b));
        self.top.truncate(self.limit);
        (self.top, self.total, self.timed_out)
    }
}

/// Every talent id of a segment, by document number: built once per
/// segment by streaming the id column's dictionary, so turning hits into ids
/// never decompresses dictionary blocks on the search path.
pub(crate) fn segment_ids(reader: &SegmentReader) -> tantivy::Result<Vec<Box<str>>> {
    let Some(col) = reader.fast_fields().str("id")? else {
        return Ok(Vec::new());
    };
    let mut by_ord: Vec<Box<str>> = Vec::with_capacity(col.num_terms());
    let mut stream = col.dictionary().stream()?;
    while stream.advance() {
        by_ord.push(String::from_utf8_lossy(stream.key()).into());
    }
    Ok((0..reader.max_doc())
        .map(|doc| {
            col.term_ords(doc)
                .next()
                .and_then(|o| by_ord.get(o as usize))
                .cloned()
                .unwrap_or_else(|| "".into())
        })
        .collect())
}

impl Engine {
    /// The id table of a segment, from the cache or built now.
    fn ids_of(&self, reader: &SegmentReader) -> Result<std::sync::Arc<Vec<Box<str>>>, EngineError> {
        let key = reader.segment_id();
        if let Some(hit) = self.id_cache.lock().get(&key) {
            return Ok(hit.clone());
        }
        let built = std::sync::Arc::new(segment_ids(reader)?);
        self.id_cache.lock().insert(key, built.clone());
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
        let compiled = compile(filters, &self.fields, now);
        let collector = RankCollector {
            limit: options.limit,
            exclude: &options.exclude_ids,
            fields: &self.fields,
            deadline: options.deadline,
        };
        let (top, total, timed_out) = searcher.search(compiled.query.as_ref(), &collector)?;
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
            let ids = self.ids_of(searcher.segment_reader(r.segment))?;
            if let Some(id) = ids.get(r.doc as usize).filter(|i| !i.is_empty()) {
                hits.push(Hit {
                    id: id.to_string(),
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
