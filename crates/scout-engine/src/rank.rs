//! Running a compiled search over a segment: the exact set of matches as a
//! bitset, then the best `limit` of them by score, with pruning.
//!
//! **Matching.** Each filter is a clause of tiers (best first); a document
//! meets a clause when a *proposing* tier has it (a covered tier — a phrase —
//! always lies inside a later proposing one). The matches are the
//! intersection over required groups of the union of their clauses, minus
//! the excluded clauses. The cheapest group is read into a bitset posting by
//! posting; every other group, and each excluded clause, is either read the
//! same way or — when its postings are many times the surviving candidates —
//! probed by seeking to each candidate. Reading a posting list front to back
//! costs a few nanoseconds a document; a seek through skip lists costs tens,
//! so the choice is made on those sizes. The count is exact.
//!
//! **Ranking.** A document's score is the sum, over required and optional
//! clauses, of the best tier it meets (optional clauses carry a bonus above
//! any tier), plus a completeness tie-break below 0.01. Small tiers are read
//! as sorted lists, large ones as bits. For every clause whose tiers are all
//! read (or are span tests on the segment table), each candidate's bound is
//! computed up front, tier by tier; candidates are then bucketed into bands
//! of that bound and scored band by band, highest first (the MaxScore idea
//! applied to tiers). A band whose best bound, plus the most the probed
//! clauses could add, is below the current `limit`-th best score ends the
//! walk; inside a band, a document is dropped as soon as what it has plus
//! what remains cannot enter the top. Covered tiers (phrases, the costly
//! ones) are only checked when they would raise the score enough to matter.
//! When every clause is bounded, the candidates are first taken *by class*
//! (`classes.rs`): those sharing one bound, best class first, the largest
//! walked in tie order; most searches settle in their first few classes and
//! never bound every candidate. The bound pass is the fallback.
//! Equal scores order by talent id, so the outcome is exactly that of
//! scoring every match (a test compares the two).

use std::cmp::Ordering;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tantivy::query::{EnableScoring, Query, Scorer, Weight};
use tantivy::{
    DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, COLLECT_BLOCK_BUFFER_LEN,
};

use crate::doc_bits::DocBits;
use crate::segment_table::SegmentTable;
use crate::span_query::SpanTest;
use crate::tier_cache::{TierCache, TierDocs};

mod classes;

/// Completeness (0–100) adds at most 0.01: it only separates near-ties.
pub(crate) const COMPLETENESS_WEIGHT: Score = 0.0001;
const COMPLETENESS_MAX: Score = 100.0 * COMPLETENESS_WEIGHT;

/// Bounds are sums of `f32`s added in another order than the score
/// itself: a document is only dropped when its bound is below the floor by
/// more than their rounding (far below the 0.0001 of one completeness point).
const SLACK: Score = 1e-5;

/// Reading a list costs about this many times less per document than a
/// seek into it: read it when it is at most this many times the candidates.
const READ_OVER_PROBE: u64 = 12;

/// One way a filter can be met.
#[derive(Debug)]
pub(crate) struct Tier {
    query: Box<dyn Query>,
    /// Proposes candidates (not covered by a later tier).
    proposes: bool,
    /// The most this tier scores.
    max: Score,
    /// Scores exactly `max` on every document (not a radius).
    constant: bool,
    /// Tested on the segment's table rather than through the query.
    span: Option<SpanTest>,
}

impl Tier {
    pub(crate) fn new(query: Box<dyn Query>, proposes: bool, max: Score, constant: bool) -> Tier {
        Tier {
            query,
            proposes,
            max,
            constant,
            span: None,
        }
    }

    /// The same tier, tested on the segment table's span values.
    pub(crate) fn with_span(mut self, test: SpanTest) -> Tier {
        self.span = Some(test);
        self
    }

    pub(crate) fn max(&self) -> Score {
        self.max
    }

    pub(crate) fn into_query(self) -> Box<dyn Query> {
        self.query
    }
}

/// One filter: its tiers, best first.
#[derive(Debug)]
pub(crate) struct Clause {
    tiers: Vec<Tier>,
}

impl Clause {
    pub(crate) fn new(tiers: Vec<Tier>) -> Clause {
        Clause { tiers }
    }

    fn max(&self) -> Score {
        self.tiers.iter().map(|t| t.max).fold(0.0, Score::max)
    }
}

/// Required groups (a document must meet at least one clause of each),
/// optional clauses (raise the score) and excluded clauses.
#[derive(Debug, Default)]
pub(crate) struct RankQuery {
    pub required: Vec<Vec<Clause>>,
    pub optional: Vec<Clause>,
    pub excluded: Vec<Clause>,
}

/// Every document of a scorer, read front to back; `expected` is its size
/// hint, which picks the representation.
fn read_all(mut scorer: Box<dyn Scorer>, max_doc: DocId, expected: u64) -> TierDocs {
    let mut buffer = [0; COLLECT_BLOCK_BUFFER_LEN];
    if expected.saturating_mul(32) < u64::from(max_doc) {
        let mut docs = Vec::with_capacity(expected as usize);
        loop {
            let n = scorer.fill_buffer(&mut buffer);
            docs.extend_from_slice(&buffer[..n]);
            if n < COLLECT_BLOCK_BUFFER_LEN {
                return TierDocs::List(docs);
            }
        }
    }
    let mut bits = DocBits::new(max_doc);
    loop {
        let n = scorer.fill_buffer(&mut buffer);
        for &doc in &buffer[..n] {
            bits.insert(doc);
        }
        if n < COLLECT_BLOCK_BUFFER_LEN {
            return TierDocs::Bits(bits);
        }
    }
}

/// A hit: its score, where it is, and the table holding its id.
#[derive(Clone, Debug)]
pub(crate) struct Ranked {
    pub score: Score,
    pub segment: SegmentOrdinal,
    pub doc: DocId,
    table: Arc<SegmentTable>,
}

impl Ranked {
    /// The talent id.
    pub(crate) fn id(&self) -> &str {
        self.table.id(self.doc)
    }

    /// Better first: higher score, then lower id.
    pub(crate) fn better(&self, other: &Ranked) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then_with(|| self.table.cmp_ids(self.doc, &other.table, other.doc))
    }
}

/// The best hits so far and the last of them once there are `limit`: a
/// newcomer must beat it.
#[derive(Clone)]
struct Top {
    limit: usize,
    hits: Vec<Ranked>,
    floor: Option<Ranked>,
}

impl Top {
    fn new(limit: usize) -> Top {
        Top {
            limit,
            hits: Vec::with_capacity(limit * 2 + 1),
            floor: None,
        }
    }

    /// The score below which nothing can enter, less the rounding slack.
    fn bar(&self) -> Score {
        self.floor
            .as_ref()
            .map_or(Score::NEG_INFINITY, |f| f.score - SLACK)
    }

    fn push(&mut self, r: Ranked) {
        self.hits.push(r);
        if self.hits.len() >= self.limit * 2 {
            self.settle();
        }
    }

    fn settle(&mut self) {
        self.hits.sort_by(|a, b| a.better(b));
        self.hits.truncate(self.limit);
        if self.hits.len() == self.limit {
            self.floor = self.hits.last().cloned();
        }
    }
}

/// What a search collects.
pub(crate) struct Collected {
    pub top: Vec<Ranked>,
    pub total: u64,
    pub timed_out: bool,
}

/// How to run it.
pub(crate) struct RunOptions<'a> {
    pub limit: usize,
    /// Popular tiers' documents, kept between searches.
    pub cache: Option<&'a TierCache>,
    pub exclude_ids: &'a HashSet<String>,
    pub deadline: Option<Instant>,
}

/// A tier ready on one segment: its documents as bits when read, a scorer
/// to seek otherwise (or for its score when not constant).
struct TierState<'w> {
    weight: &'w dyn Weight,
    proposes: bool,
    max: Score,
    constant: bool,
    span: Option<(SpanTest, Arc<SegmentTable>)>,
    /// Names the tier in the cache.
    key: &'w str,
    cache: Option<&'w TierCache>,
    docs: Option<Arc<TierDocs>>,
    probe: Option<Box<dyn Scorer>>,
    /// The last document the probe was asked about.
    last_asked: DocId,
    /// Where in a read list the last answer was, and for which document.
    list_at: usize,
    list_asked: DocId,
}

impl TierState<'_> {
    fn cost(&mut self, reader: &SegmentReader) -> tantivy::Result<u64> {
        if self.span.is_some() {
            // reading tests every document, and probing one is a single
            // array read: priced so that probing wins unless nearly every
            // document is a candidate
            return Ok(u64::from(reader.max_doc()) * READ_OVER_PROBE);
        }
        // a cached tier's size is known without making its scorer
        if let Some(hit) = self
            .cache
            .filter(|c| c.enabled())
            .and_then(|c| c.get(reader.segment_id(), self.key))
        {
            let len = hit.len();
            self.docs.get_or_insert(hit);
            return Ok(len);
        }
        Ok(u64::from(self.weight.scorer(reader, 1.0)?.size_hint()))
    }

    fn read(&mut self, reader: &SegmentReader) -> tantivy::Result<&TierDocs> {
        if self.docs.is_none() {
            let cache = self.cache.filter(|c| c.enabled());
            let segment = reader.segment_id();
            if let Some(hit) = cache.and_then(|c| c.get(segment, self.key)) {
                self.docs = Some(hit);
            } else {
                let (docs, len, whole_segment) = match &self.span {
                    Some((test, table)) => {
                        let mut bits = DocBits::new(reader.max_doc());
                        for doc in 0..table.len() as DocId {
                            if table.span_holds(test, doc) {
                                bits.insert(doc);
                            }
                        }
                        (TierDocs::Bits(bits), u64::from(reader.max_doc()), true)
                    }
                    None => {
                        let scorer = self.weight.scorer(reader, 1.0)?;
                        let expected = u64::from(scorer.size_hint());
                        (
                            read_all(scorer, reader.max_doc(), expected),
                            expected,
                            false,
                        )
                    }
                };
                self.docs = Some(match cache {
                    Some(c) => c.offer(segment, self.key, docs, len, whole_segment),
                    None => Arc::new(docs),
                });
            }
        }
        Ok(self
            .docs
            .get_or_insert_with(|| Arc::new(TierDocs::List(Vec::new()))))
    }

    /// Whether the tier has `doc`, and its score there. Documents must be
    /// asked in increasing order.
    fn at(&mut self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Option<Score>> {
        if let Some((test, table)) = &self.span {
            return Ok(table.span_holds(test, doc).then_some(self.max));
        }
        if let Some(docs) = &self.docs {
            let has = match &**docs {
                TierDocs::Bits(bits) => bits.contains(doc),
                TierDocs::List(list) => {
                    // asked in increasing order within a band: gallop on
                    // from the last answer instead of searching the list
                    if doc < self.list_asked {
                        self.list_at = 0;
                    }
                    self.list_asked = doc;
                    let rest = &list[self.list_at.min(list.len())..];
                    let mut hi = 1;
                    while hi < rest.len() && rest[hi] < doc {
                        hi *= 2;
                    }
                    let lo = hi / 2;
                    let end = (hi + 1).min(rest.len());
                    let at = lo.min(end) + rest[lo.min(end)..end].partition_point(|&d| d < doc);
                    self.list_at += at;
                    list.get(self.list_at) == Some(&doc)
                }
            };
            if !has {
                return Ok(None);
            }
            if self.constant {
                return Ok(Some(self.max));
            }
        }
        if self.probe.is_none() {
            self.probe = Some(self.weight.scorer(reader, 1.0)?);
        }
        let Some(scorer) = self.probe.as_mut() else {
            return Ok(None);
        };
        if doc < self.last_asked {
            // ranking visits documents by bound, one bucket after another,
            // so a later bucket goes back: start over with a fresh scorer
            *scorer = self.weight.scorer(reader, 1.0)?;
        }
        self.last_asked = doc;
        let mut d = scorer.doc();
        if d < doc {
            d = scorer.seek(doc);
        }
        // constant tiers run with scoring disabled (no BM25 statistics to
        // gather), so their worth is `max`, not what the scorer says
        let constant = self.constant.then_some(self.max);
        Ok((d == doc).then(|| constant.unwrap_or_else(|| scorer.score())))
    }

    /// Keeps in `docs` only those this tier has, when that is known without
    /// seeking (read, or a span test); `false` when it is not.
    fn narrow(&self, docs: &mut DocBits) -> bool {
        match (self.docs.as_deref(), &self.span) {
            (Some(read), _) => read.and_into(docs),
            (None, Some((test, table))) => {
                let failing: Vec<DocId> = docs
                    .docs()
                    .filter(|&d| !table.span_holds(test, d))
                    .collect();
                for d in failing {
                    docs.remove(d);
                }
            }
            (None, None) => return false,
        }
        true
    }

    /// A fresh scorer for a new pass in document order.
    fn restart(&mut self) {
        self.probe = None;
        self.last_asked = 0;
        self.list_at = 0;
        self.list_asked = 0;
    }
}

struct ClauseState<'w> {
    tiers: Vec<TierState<'w>>,
    max: Score,
}

impl<'w> ClauseState<'w> {
    fn new(
        weights: &'w [TierWeight],
        max: Score,
        table: &Arc<SegmentTable>,
        cache: Option<&'w TierCache>,
    ) -> ClauseState<'w> {
        ClauseState {
            tiers: weights
                .iter()
                .map(|t| TierState {
                    weight: t.weight.as_ref(),
                    proposes: t.proposes,
                    max: t.max,
                    constant: t.constant,
                    span: t.span.map(|s| (s, table.clone())),
                    key: &t.key,
                    cache,
                    docs: None,
                    probe: None,
                    last_asked: 0,
                    list_at: 0,
                    list_asked: 0,
                })
                .collect(),
            max,
        }
    }

    fn cost(&mut self, reader: &SegmentReader) -> tantivy::Result<u64> {
        let mut total = 0;
        for t in self.tiers.iter_mut().filter(|t| t.proposes) {
            total += t.cost(reader)?;
        }
        Ok(total)
    }

    /// The documents the clause matches, every proposing tier read.
    fn read(&mut self, reader: &SegmentReader) -> tantivy::Result<DocBits> {
        let mut all = DocBits::new(reader.max_doc());
        for t in self.tiers.iter_mut().filter(|t| t.proposes) {
            t.read(reader)?.or_into(&mut all);
        }
        Ok(all)
    }

    /// Reads every proposing tier no bigger than `budget` postings (span
    /// tiers are tested on the table directly and never need reading).
    fn read_small(&mut self, reader: &SegmentReader, budget: u64) -> tantivy::Result<()> {
        for t in self
            .tiers
            .iter_mut()
            .filter(|t| t.proposes && t.docs.is_none() && t.span.is_none())
        {
            if t.cost(reader)? <= budget {
                t.read(reader)?;
            }
        }
        Ok(())
    }

    /// Whether every proposing tier can be tested without a seek (read into
    /// bits, or a span on the table): then the clause's bound is known for
    /// each candidate up front.
    fn boundable(&self) -> bool {
        self.tiers
            .iter()
            .all(|t| !t.proposes || t.docs.is_some() || t.span.is_some())
    }

    /// Adds, for each candidate, the most this clause can give it: the
    /// first proposing tier that has it, or a covered tier before that one
    /// (which may still hold). Earlier proposing tiers do not count: the
    /// candidate is not in them. `bound` is indexed by rank among the
    /// candidates.
    fn add_bounds(&self, candidates: &DocBits, ranks: &[u32], bound: &mut [Score]) {
        let mut rest = candidates.clone();
        let mut covered: Score = 0.0;
        for t in &self.tiers {
            if !t.proposes {
                covered = covered.max(t.max);
                continue;
            }
            let best = covered.max(t.max);
            if let Some(TierDocs::Bits(bits)) = t.docs.as_deref() {
                for (w, (r, b)) in rest.0.iter_mut().zip(&bits.0).enumerate() {
                    let mut hit = *r & b;
                    *r &= !hit;
                    while hit != 0 {
                        let doc = (w as u32) * 64 + hit.trailing_zeros();
                        hit &= hit - 1;
                        bound[candidates.rank_of(ranks, doc)] += best;
                    }
                }
            } else if let Some(TierDocs::List(docs)) = t.docs.as_deref() {
                for &doc in docs {
                    if rest.contains(doc) {
                        rest.remove(doc);
                        bound[candidates.rank_of(ranks, doc)] += best;
                    }
                }
            } else if let Some((test, table)) = &t.span {
                for (w, r) in rest.0.iter_mut().enumerate() {
                    let mut left = *r;
                    while left != 0 {
                        let bit = left.trailing_zeros();
                        left &= left - 1;
                        let doc = (w as u32) * 64 + bit;
                        if table.span_holds(test, doc) {
                            *r &= !(1u64 << bit);
                            bound[candidates.rank_of(ranks, doc)] += best;
                        }
                    }
                }
            }
        }
    }

    /// Keeps in `docs` only those one of the tiers `at` has, when that is
    /// known without seeking; `false` when it is not.
    fn narrow_to_any(&self, at: &[usize], docs: &mut DocBits) -> bool {
        if let [only] = at {
            return self.tiers[*only].narrow(docs);
        }
        let mut any: Option<DocBits> = None;
        for &i in at {
            let mut part = docs.clone();
            if !self.tiers[i].narrow(&mut part) {
                return false;
            }
            match &mut any {
                None => any = Some(part),
                Some(all) => all.or(&part),
            }
        }
        if let Some(all) = any {
            *docs = all;
        }
        true
    }

    /// Whether a proposing tier has `doc` (increasing order).
    fn matches(&mut self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<bool> {
        for t in self.tiers.iter_mut().filter(|t| t.proposes) {
            if t.at(reader, doc)?.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The clause's score at `doc` (0 when unmet), or `None` once it is
    /// clear the clause cannot give `need`: then the caller drops the doc.
    fn score(
        &mut self,
        reader: &SegmentReader,
        doc: DocId,
        need: Score,
    ) -> tantivy::Result<Option<Score>> {
        // the best proposing tier first: bits are cheap, seeks are not
        let mut found: Option<(usize, Score)> = None;
        for (i, t) in self.tiers.iter_mut().enumerate() {
            if !t.proposes {
                continue;
            }
            if let Some(s) = t.at(reader, doc)? {
                found = Some((i, s));
                break;
            }
        }
        let (matched, mut best) = found.unwrap_or((self.tiers.len(), 0.0));
        // a covered tier before it is worth more; check it only if that matters
        for t in self.tiers[..matched].iter_mut() {
            if t.proposes || t.max <= best || t.max < need {
                continue;
            }
            if let Some(s) = t.at(reader, doc)? {
                best = best.max(s);
                break;
            }
        }
        Ok((best >= need).then_some(best))
    }
}

/// A tier's weight for the whole search, with what its segment states need.
struct TierWeight {
    weight: Box<dyn Weight>,
    proposes: bool,
    max: Score,
    constant: bool,
    span: Option<SpanTest>,
    /// The tier's name in the cache (empty when there is none).
    key: String,
}

type ClauseWeights = Vec<TierWeight>;

fn clause_weights(
    c: &Clause,
    scoring: EnableScoring<'_>,
    keyed: bool,
) -> tantivy::Result<ClauseWeights> {
    c.tiers
        .iter()
        .map(|t| {
            let key = match (&t.span, keyed) {
                (_, false) => String::new(),
                (Some(span), true) => format!("{span:?}"),
                (None, true) => format!("{:?}", t.query),
            };
            Ok(TierWeight {
                weight: t.query.weight(scoring)?,
                proposes: t.proposes,
                max: t.max,
                constant: t.constant,
                span: t.span,
                key,
            })
        })
        .collect()
}

/// Runs `query` over every segment of `searcher`.
pub(crate) fn run(
    query: &RankQuery,
    searcher: &Searcher,
    options: &RunOptions<'_>,
    tables: &dyn Fn(&SegmentReader) -> tantivy::Result<Arc<SegmentTable>>,
) -> tantivy::Result<Collected> {
    let scoring = EnableScoring::disabled_from_searcher(searcher);
    let keyed = options.cache.is_some_and(TierCache::enabled);
    let required: Vec<Vec<(ClauseWeights, Score)>> = query
        .required
        .iter()
        .map(|g| {
            g.iter()
                .map(|c| Ok((clause_weights(c, scoring, keyed)?, c.max())))
                .collect::<tantivy::Result<_>>()
        })
        .collect::<tantivy::Result<_>>()?;
    let optional: Vec<(ClauseWeights, Score)> = query
        .optional
        .iter()
        .map(|c| Ok((clause_weights(c, scoring, keyed)?, c.max())))
        .collect::<tantivy::Result<_>>()?;
    let excluded: Vec<(ClauseWeights, Score)> = query
        .excluded
        .iter()
        .map(|c| Ok((clause_weights(c, scoring, keyed)?, c.max())))
        .collect::<tantivy::Result<_>>()?;
    let mut top = Top::new(options.limit);
    let mut total = 0;
    for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
        let segment = SegmentRun {
            reader,
            table: tables(reader)?,
            ordinal: ordinal as SegmentOrdinal,
            options,
        };
        match segment.run(&required, &optional, &excluded, &mut top)? {
            Some(n) => total += n,
            None => {
                return Ok(Collected {
                    top: Vec::new(),
                    total,
                    timed_out: true,
                })
            }
        }
    }
    top.settle();
    Ok(Collected {
        top: top.hits,
        total,
        timed_out: false,
    })
}

/// Buffers of the ranking pass, kept between searches: fresh large
/// allocations cost page faults that reusing warm ones does not. Pooled
/// process-wide, as `DocBits` words are, so any search thread finds them warm.
#[derive(Default)]
struct Scratch {
    /// Each candidate's bound, by rank among the candidates.
    bound: Vec<Score>,
    /// `(doc, rank)` of each band's candidates (see [`Buckets`]).
    bands: Vec<Vec<(DocId, u32)>>,
    /// Candidates before each 64-document word.
    ranks: Vec<u32>,
}

static SPARE_SCRATCH: Mutex<Vec<Scratch>> = Mutex::new(Vec::new());

/// Scratches kept: about one per search running at once.
const SCRATCH_LIMIT: usize = 8;

impl Scratch {
    fn take() -> Scratch {
        let spare = SPARE_SCRATCH
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop();
        spare.unwrap_or_default()
    }

    fn give_back(scratch: Scratch) {
        let mut spare = SPARE_SCRATCH.lock().unwrap_or_else(|e| e.into_inner());
        if spare.len() < SCRATCH_LIMIT {
            spare.push(scratch);
        }
    }
}

/// Candidates grouped by their bound, so that the best are scored first
/// and whole groups below the current top are skipped: a bucket sort into
/// equal-width bands of the bounds' range, each band keeping document order
/// (probes then only go back between bands).
struct Buckets {
    /// The highest bound in each band.
    highest: [Score; BANDS],
}

const BANDS: usize = 64;

impl Buckets {
    /// Adds each candidate's completeness tie-break to its bound, then
    /// sorts the candidates into `scratch.bands`.
    fn new(candidates: &DocBits, scratch: &mut Scratch, table: &SegmentTable) -> Buckets {
        let (mut lo, mut hi) = (Score::INFINITY, Score::NEG_INFINITY);
        for (b, doc) in scratch.bound.iter_mut().zip(candidates.docs()) {
            *b += Score::from(table.completeness(doc)) * COMPLETENESS_WEIGHT;
            lo = lo.min(*b);
            hi = hi.max(*b);
        }
        let scale = if hi > lo {
            (BANDS as Score - 1.0) / (hi - lo)
        } else {
            0.0
        };
        let band = |b: Score| (((b - lo) * scale) as usize).min(BANDS - 1);
        let mut highest = [Score::NEG_INFINITY; BANDS];
        scratch.bands.resize_with(BANDS, Vec::new);
        for members in &mut scratch.bands {
            members.clear();
        }
        for (rank, (doc, &b)) in candidates.docs().zip(&scratch.bound).enumerate() {
            let k = band(b);
            highest[k] = highest[k].max(b);
            scratch.bands[k].push((doc, rank as u32));
        }
        Buckets { highest }
    }

    /// The non-empty bands, highest first, with their highest bound.
    fn best_first<'o>(
        &'o self,
        bands: &'o [Vec<(DocId, u32)>],
    ) -> impl Iterator<Item = (Score, &'o [(DocId, u32)])> + 'o {
        bands
            .iter()
            .zip(self.highest)
            .rev()
            .filter(|(members, _)| !members.is_empty())
            .map(|(members, highest)| (highest, members.as_slice()))
    }
}

struct SegmentRun<'a> {
    reader: &'a SegmentReader,
    table: Arc<SegmentTable>,
    ordinal: SegmentOrdinal,
    options: &'a RunOptions<'a>,
}

impl SegmentRun<'_> {
    fn late(&self) -> bool {
        self.options.deadline.is_some_and(|d| Instant::now() > d)
    }

    /// Scores one candidate whose bound (tie-break included) is `best` and
    /// pushes it into `top` if it enters; whether it did. `exact_bounds`:
    /// every clause is bounded, so score and bound are the same float sums
    /// in the same order and the score cannot round above the bound.
    #[allow(clippy::too_many_arguments)]
    fn consider(
        &self,
        doc: DocId,
        best: Score,
        scoring: &mut [ClauseState],
        reach: &[Score],
        probed_reach: Score,
        exact_bounds: bool,
        top: &mut Top,
    ) -> tantivy::Result<bool> {
        let table = &self.table;
        let bar = top.bar();
        if best + probed_reach < bar {
            return Ok(false);
        }
        // already-seen talents are counted but never returned; checked only
        // for the few visited (removing a page's worth of seen ids from the
        // candidates up front cost a term lookup each, ≈ 1 µs)
        let seen = self.options.exclude_ids;
        if !seen.is_empty() && seen.contains(table.id(doc)) {
            return Ok(false);
        }
        // one that can at most tie the floor and sorts after it by id cannot
        // enter, and need not be scored
        if exact_bounds {
            if let Some(floor) = &top.floor {
                if best < floor.score
                    || (best == floor.score
                        && table.cmp_ids(doc, &floor.table, floor.doc) == Ordering::Greater)
                {
                    return Ok(false);
                }
            }
        }
        // the tie-break bounds the rest tighter
        let bonus = Score::from(table.completeness(doc)) * COMPLETENESS_WEIGHT;
        let mut score = 0.0;
        for (i, clause) in scoring.iter_mut().enumerate() {
            if score + reach[i] + bonus < bar {
                return Ok(false);
            }
            let need = bar - score - reach[i + 1] - bonus;
            match clause.score(self.reader, doc, need)? {
                Some(s) => score += s,
                None => return Ok(false),
            }
        }
        let score = score + bonus;
        if let Some(floor) = &top.floor {
            match score.total_cmp(&floor.score) {
                Ordering::Less => return Ok(false),
                Ordering::Equal
                    if table.cmp_ids(doc, &floor.table, floor.doc) == Ordering::Greater =>
                {
                    return Ok(false)
                }
                _ => {}
            }
        }
        top.push(Ranked {
            score,
            segment: self.ordinal,
            doc,
            table: table.clone(),
        });
        Ok(true)
    }

    /// Collects the segment's hits into `top`; its match count, or `None`
    /// past the deadline.
    fn run(
        &self,
        required: &[Vec<(ClauseWeights, Score)>],
        optional: &[(ClauseWeights, Score)],
        excluded: &[(ClauseWeights, Score)],
        top: &mut Top,
    ) -> tantivy::Result<Option<u64>> {
        let reader = self.reader;
        let max_doc = reader.max_doc();
        let mut groups: Vec<Vec<ClauseState>> = required
            .iter()
            .map(|g| {
                g.iter()
                    .map(|(w, m)| ClauseState::new(w, *m, &self.table, self.options.cache))
                    .collect()
            })
            .collect();
        let mut optional: Vec<ClauseState> = optional
            .iter()
            .map(|(w, m)| ClauseState::new(w, *m, &self.table, self.options.cache))
            .collect();
        let mut excluded: Vec<ClauseState> = excluded
            .iter()
            .map(|(w, m)| ClauseState::new(w, *m, &self.table, self.options.cache))
            .collect();

        // the candidates: the cheapest required group, else any optional
        // clause, else every document
        let started = Instant::now();
        let mut costs = Vec::with_capacity(groups.len());
        for g in &mut groups {
            let mut c = 0;
            for clause in g.iter_mut() {
                c += clause.cost(reader)?;
            }
            costs.push(c);
        }
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&i| costs[i]);
        let mut candidates = match order.first() {
            Some(&first) => {
                let mut bits = DocBits::new(max_doc);
                for clause in &mut groups[first] {
                    bits.or(&clause.read(reader)?);
                }
                bits
            }
            None if !optional.is_empty() => {
                let mut bits = DocBits::new(max_doc);
                for clause in &mut optional {
                    bits.or(&clause.read(reader)?);
                }
                bits
            }
            None => DocBits::full(max_doc),
        };
        if let Some(alive) = reader.alive_bitset() {
            let dead: Vec<DocId> = candidates.docs().filter(|&d| alive.is_deleted(d)).collect();
            for d in dead {
                candidates.remove(d);
            }
        }
        if self.late() {
            return Ok(None);
        }
        for &g in order.iter().skip(1) {
            let n = candidates.len();
            if costs[g] <= READ_OVER_PROBE * n {
                let mut bits = DocBits::new(max_doc);
                for clause in &mut groups[g] {
                    bits.or(&clause.read(reader)?);
                }
                candidates.and(&bits);
            } else {
                let mut failed = Vec::new();
                for doc in candidates.docs() {
                    let mut met = false;
                    for clause in &mut groups[g] {
                        if clause.matches(reader, doc)? {
                            met = true;
                            break;
                        }
                    }
                    if !met {
                        failed.push(doc);
                    }
                }
                for d in failed {
                    candidates.remove(d);
                }
                for clause in &mut groups[g] {
                    for t in &mut clause.tiers {
                        t.restart();
                    }
                }
            }
            if self.late() {
                return Ok(None);
            }
        }
        for clause in &mut excluded {
            let n = candidates.len();
            if clause.cost(reader)? <= READ_OVER_PROBE * n {
                candidates.and_not(&clause.read(reader)?);
            } else {
                let hits: Vec<DocId> = candidates
                    .docs()
                    .map(|d| clause.matches(reader, d).map(|m| m.then_some(d)))
                    .filter_map(Result::transpose)
                    .collect::<tantivy::Result<_>>()?;
                for d in hits {
                    candidates.remove(d);
                }
            }
        }
        let total = candidates.len();
        if self.late() {
            return Ok(None);
        }

        if top.limit == 0 {
            return Ok(Some(total));
        }

        let matched_at = started.elapsed();
        // ranking: clauses whose bound is known per candidate first, then
        // the probed ones
        let n = candidates.len();
        let mut scoring: Vec<ClauseState> = groups.into_iter().flatten().collect();
        scoring.append(&mut optional);
        for clause in &mut scoring {
            clause.read_small(reader, READ_OVER_PROBE * n)?;
            for t in &mut clause.tiers {
                t.restart();
            }
        }
        scoring.sort_by(|a, b| {
            b.boundable()
                .cmp(&a.boundable())
                .then(b.max.total_cmp(&a.max))
        });
        let bounded = scoring.iter().take_while(|c| c.boundable()).count();
        // the most the clauses from i on can still add
        let mut reach = vec![0.0; scoring.len() + 1];
        for i in (0..scoring.len()).rev() {
            reach[i] = reach[i + 1] + scoring[i].max;
        }
        let probed_reach = reach[bounded];
        let read_at = started.elapsed();
        {
            let saved = top.clone();
            match self.best_classes(&mut scoring, bounded, &candidates, &reach, top)? {
                Some(visited) => {
                    tracing::debug!(
                        segment = self.ordinal,
                        matches = total,
                        candidates = n,
                        visited,
                        matching_us = matched_at.as_micros() as u64,
                        reading_us = (read_at - matched_at).as_micros() as u64,
                        scoring_us = (started.elapsed() - read_at).as_micros() as u64,
                        "segment searched, by class"
                    );
                    return Ok(Some(total));
                }
                None => {
                    *top = saved;
                    for clause in &mut scoring {
                        for t in &mut clause.tiers {
                            t.restart();
                        }
                    }
                }
            }
        }
        let mut scratch = Scratch::take();
        candidates.word_ranks_into(&mut scratch.ranks);
        scratch.bound.clear();
        scratch.bound.resize(n as usize, 0.0);
        for clause in &scoring[..bounded] {
            clause.add_bounds(&candidates, &scratch.ranks, &mut scratch.bound);
        }
        let buckets = Buckets::new(&candidates, &mut scratch, &self.table);
        let bounded_at = started.elapsed();
        let mut pushed = 0u64;
        let mut seen = 0usize;
        let bound = &scratch.bound;
        let exact_bounds = bounded == scoring.len();
        'buckets: for (bucket_max, docs) in buckets.best_first(&scratch.bands) {
            if bucket_max + probed_reach < top.bar() {
                // every later bucket is lower still
                break;
            }
            for &(doc, rank) in docs {
                seen += 1;
                if seen.is_multiple_of(4096) && self.late() {
                    return Ok(None);
                }
                pushed += u64::from(self.consider(
                    doc,
                    bound[rank as usize],
                    &mut scoring,
                    &reach,
                    probed_reach,
                    exact_bounds,
                    top,
                )?);
                if reach[0] + COMPLETENESS_MAX < top.bar() {
                    break 'buckets;
                }
            }
        }
        Scratch::give_back(scratch);
        tracing::debug!(
            segment = self.ordinal,
            matches = total,
            candidates = n,
            pushed,
            visited = seen,
            matching_us = matched_at.as_micros() as u64,
            ranking_us = (started.elapsed() - matched_at).as_micros() as u64,
            reading_us = (read_at - matched_at).as_micros() as u64,
            bounding_us = (bounded_at - read_at).as_micros() as u64,
            scoring_us = (started.elapsed() - bounded_at).as_micros() as u64,
            "segment searched"
        );
        Ok(Some(total))
    }
}
