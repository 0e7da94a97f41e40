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
//! any tier), plus a completeness tie-break below 0.01. Clauses are scored
//! cheapest first (tiers already in bitsets, then probed ones); before each
//! clause, the best the document could still reach (what it has plus every
//! remaining clause at its maximum) is compared with the current `limit`-th
//! best score, and the document is dropped as soon as it cannot enter the
//! top. Covered tiers (phrases, the costly ones) are only checked when they
//! would raise the score enough to matter. Once nothing left can beat the
//! current top, the walk stops. Equal scores order by talent id, so the
//! outcome is exactly that of scoring every match.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use tantivy::query::{EnableScoring, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, Term, COLLECT_BLOCK_BUFFER_LEN,
    TERMINATED,
};

use crate::schema::Fields;
use crate::segment_table::SegmentTable;
use crate::span_query::SpanTest;

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

/// One bit per document of a segment.
#[derive(Clone)]
pub(crate) struct DocBits(Vec<u64>);

impl DocBits {
    pub(crate) fn new(max_doc: DocId) -> DocBits {
        DocBits(vec![0; (max_doc as usize).div_ceil(64)])
    }

    fn full(max_doc: DocId) -> DocBits {
        let mut bits = DocBits(vec![u64::MAX; (max_doc as usize).div_ceil(64)]);
        let tail = max_doc as usize % 64;
        if tail != 0 {
            if let Some(last) = bits.0.last_mut() {
                *last = (1u64 << tail) - 1;
            }
        }
        bits
    }

    pub(crate) fn insert(&mut self, doc: DocId) {
        if let Some(w) = self.0.get_mut(doc as usize / 64) {
            *w |= 1 << (doc % 64);
        }
    }

    fn remove(&mut self, doc: DocId) {
        if let Some(w) = self.0.get_mut(doc as usize / 64) {
            *w &= !(1 << (doc % 64));
        }
    }

    pub(crate) fn contains(&self, doc: DocId) -> bool {
        self.0
            .get(doc as usize / 64)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    fn or(&mut self, other: &DocBits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn and(&mut self, other: &DocBits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    fn and_not(&mut self, other: &DocBits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    fn len(&self) -> u64 {
        self.0.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    /// The set documents in increasing order.
    fn docs(&self) -> impl Iterator<Item = DocId> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let bit = w.trailing_zeros();
                    w &= w - 1;
                    (i as u32) * 64 + bit
                })
            })
        })
    }
}

/// Every document of a scorer, read front to back.
fn read_all(mut scorer: Box<dyn Scorer>, max_doc: DocId) -> DocBits {
    let mut bits = DocBits::new(max_doc);
    let mut buffer = [0; COLLECT_BLOCK_BUFFER_LEN];
    loop {
        let n = scorer.fill_buffer(&mut buffer);
        for &doc in &buffer[..n] {
            bits.insert(doc);
        }
        if n < COLLECT_BLOCK_BUFFER_LEN {
            return bits;
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
    bits: Option<DocBits>,
    probe: Option<Box<dyn Scorer>>,
}

impl TierState<'_> {
    fn cost(&self, reader: &SegmentReader) -> tantivy::Result<u64> {
        if self.span.is_some() {
            // reading tests every document; probing one is an array read
            return Ok(u64::from(reader.max_doc()));
        }
        Ok(u64::from(self.weight.scorer(reader, 1.0)?.size_hint()))
    }

    fn read(&mut self, reader: &SegmentReader) -> tantivy::Result<&DocBits> {
        if self.bits.is_none() {
            self.bits = Some(match &self.span {
                Some((test, table)) => {
                    let mut bits = DocBits::new(reader.max_doc());
                    for doc in 0..table.len() as DocId {
                        if table.span_holds(test, doc) {
                            bits.insert(doc);
                        }
                    }
                    bits
                }
                None => read_all(self.weight.scorer(reader, 1.0)?, reader.max_doc()),
            });
        }
        Ok(self.bits.get_or_insert_with(|| DocBits::new(0)))
    }

    /// Whether the tier has `doc`, and its score there. Documents must be
    /// asked in increasing order.
    fn at(&mut self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Option<Score>> {
        if let Some((test, table)) = &self.span {
            return Ok(table.span_holds(test, doc).then_some(self.max));
        }
        if let Some(bits) = &self.bits {
            if !bits.contains(doc) {
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
        let mut d = scorer.doc();
        if d < doc {
            d = scorer.seek(doc);
        }
        // constant tiers run with scoring disabled (no BM25 statistics to
        // gather), so their worth is `max`, not what the scorer says
        let constant = self.constant.then_some(self.max);
        Ok((d == doc).then(|| constant.unwrap_or_else(|| scorer.score())))
    }

    /// A fresh scorer for a new pass in document order.
    fn restart(&mut self) {
        self.probe = None;
    }
}

struct ClauseState<'w> {
    tiers: Vec<TierState<'w>>,
    max: Score,
}

impl<'w> ClauseState<'w> {
    fn new(weights: &'w [TierWeight], max: Score, table: &Arc<SegmentTable>) -> ClauseState<'w> {
        ClauseState {
            tiers: weights
                .iter()
                .map(|t| TierState {
                    weight: t.weight.as_ref(),
                    proposes: t.proposes,
                    max: t.max,
                    constant: t.constant,
                    span: t.span.map(|s| (s, table.clone())),
                    bits: None,
                    probe: None,
                })
                .collect(),
            max,
        }
    }

    fn cost(&self, reader: &SegmentReader) -> tantivy::Result<u64> {
        let mut total = 0;
        for t in self.tiers.iter().filter(|t| t.proposes) {
            total += t.cost(reader)?;
        }
        Ok(total)
    }

    /// The documents the clause matches, every proposing tier read.
    fn read(&mut self, reader: &SegmentReader) -> tantivy::Result<DocBits> {
        let mut all = DocBits::new(reader.max_doc());
        for t in self.tiers.iter_mut().filter(|t| t.proposes) {
            all.or(t.read(reader)?);
        }
        Ok(all)
    }

    /// Reads every proposing tier no bigger than `budget` postings.
    fn read_small(&mut self, reader: &SegmentReader, budget: u64) -> tantivy::Result<()> {
        for t in self
            .tiers
            .iter_mut()
            .filter(|t| t.proposes && t.bits.is_none())
        {
            if t.cost(reader)? <= budget {
                t.read(reader)?;
            }
        }
        Ok(())
    }

    fn all_read(&self) -> bool {
        self.tiers.iter().all(|t| !t.proposes || t.bits.is_some())
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
}

type ClauseWeights = Vec<TierWeight>;

fn clause_weights(c: &Clause, scoring: EnableScoring<'_>) -> tantivy::Result<ClauseWeights> {
    c.tiers
        .iter()
        .map(|t| {
            Ok(TierWeight {
                weight: t.query.weight(scoring)?,
                proposes: t.proposes,
                max: t.max,
                constant: t.constant,
                span: t.span,
            })
        })
        .collect()
}

/// Runs `query` over every segment of `searcher`.
pub(crate) fn run(
    query: &RankQuery,
    searcher: &Searcher,
    fields: &Fields,
    options: &RunOptions<'_>,
    tables: &dyn Fn(&SegmentReader) -> tantivy::Result<Arc<SegmentTable>>,
) -> tantivy::Result<Collected> {
    let scoring = EnableScoring::disabled_from_searcher(searcher);
    let required: Vec<Vec<(ClauseWeights, Score)>> = query
        .required
        .iter()
        .map(|g| {
            g.iter()
                .map(|c| Ok((clause_weights(c, scoring)?, c.max())))
                .collect::<tantivy::Result<_>>()
        })
        .collect::<tantivy::Result<_>>()?;
    let optional: Vec<(ClauseWeights, Score)> = query
        .optional
        .iter()
        .map(|c| Ok((clause_weights(c, scoring)?, c.max())))
        .collect::<tantivy::Result<_>>()?;
    let excluded: Vec<(ClauseWeights, Score)> = query
        .excluded
        .iter()
        .map(|c| Ok((clause_weights(c, scoring)?, c.max())))
        .collect::<tantivy::Result<_>>()?;
    let mut top = Top::new(options.limit);
    let mut total = 0;
    for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
        let segment = SegmentRun {
            reader,
            table: tables(reader)?,
            ordinal: ordinal as SegmentOrdinal,
            fields,
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

struct SegmentRun<'a> {
    reader: &'a SegmentReader,
    table: Arc<SegmentTable>,
    ordinal: SegmentOrdinal,
    fields: &'a Fields,
    options: &'a RunOptions<'a>,
}

impl SegmentRun<'_> {
    fn late(&self) -> bool {
        self.options.deadline.is_some_and(|d| Instant::now() > d)
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
                    .map(|(w, m)| ClauseState::new(w, *m, &self.table))
                    .collect()
            })
            .collect();
        let mut optional: Vec<ClauseState> = optional
            .iter()
            .map(|(w, m)| ClauseState::new(w, *m, &self.table))
            .collect();
        let mut excluded: Vec<ClauseState> = excluded
            .iter()
            .map(|(w, m)| ClauseState::new(w, *m, &self.table))
            .collect();

        // the candidates: the cheapest required group, else any optional
        // clause, else every document
        let started = Instant::now();
        let mut costs = Vec::with_capacity(groups.len());
        for g in &groups {
            let mut c = 0;
            for clause in g {
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

        // already-seen talents are counted but never returned
        if !self.options.exclude_ids.is_empty() {
            let inverted = reader.inverted_index(self.fields.id)?;
            for id in self.options.exclude_ids {
                let t = Term::from_field_text(self.fields.id, id);
                if let Some(mut postings) = inverted.read_postings(&t, IndexRecordOption::Basic)? {
                    let mut d = postings.doc();
                    while d != TERMINATED {
                        candidates.remove(d);
                        d = postings.advance();
                    }
                }
            }
        }
        if top.limit == 0 {
            return Ok(Some(total));
        }

        let matched_at = started.elapsed();
        // ranking: clauses with bits first, then the probed ones
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
            b.all_read()
                .cmp(&a.all_read())
                .then(b.max.total_cmp(&a.max))
        });
        // the most the clauses from i on can still add
        let mut reach = vec![0.0; scoring.len() + 1];
        for i in (0..scoring.len()).rev() {
            reach[i] = reach[i + 1] + scoring[i].max;
        }
        let table = &self.table;
        let mut pushed = 0u64;
        for (seen, doc) in candidates.docs().enumerate() {
            if seen % 4096 == 4095 && self.late() {
                return Ok(None);
            }
            let bar = top.bar();
            if reach[0] + COMPLETENESS_MAX < bar {
                break;
            }
            // the tie-break bounds the rest tighter
            let bonus = Score::from(table.completeness(doc)) * COMPLETENESS_WEIGHT;
            let mut score = 0.0;
            let mut dropped = false;
            for (i, clause) in scoring.iter_mut().enumerate() {
                if score + reach[i] + bonus < bar {
                    dropped = true;
                    break;
                }
                let need = bar - score - reach[i + 1] - bonus;
                match clause.score(reader, doc, need)? {
                    Some(s) => score += s,
                    None => {
                        dropped = true;
                        break;
                    }
                }
            }
            if dropped {
                continue;
            }
            let score = score + bonus;
            if let Some(floor) = &top.floor {
                match score.total_cmp(&floor.score) {
                    Ordering::Less => continue,
                    Ordering::Equal
                        if table.cmp_ids(doc, &floor.table, floor.doc) == Ordering::Greater =>
                    {
                        continue
                    }
                    _ => {}
                }
            }
            pushed += 1;
            top.push(Ranked {
                score,
                segment: self.ordinal,
                doc,
                table: table.clone(),
            });
        }
        tracing::debug!(
            segment = self.ordinal,
            matches = total,
            candidates = n,
            pushed,
            matching_us = matched_at.as_micros() as u64,
            ranking_us = (started.elapsed() - matched_at).as_micros() as u64,
            "segment searched"
        );
        Ok(Some(total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_bits_iterate_in_order_and_count() {
        let mut b = DocBits::new(200);
        for d in [3, 64, 65, 199, 0] {
            b.insert(d);
        }
        assert_eq!(b.docs().collect::<Vec<_>>(), [0, 3, 64, 65, 199]);
        assert_eq!(b.len(), 5);
        b.remove(64);
        let mut other = DocBits::new(200);
        other.insert(3);
        other.insert(199);
        let mut and = b.clone();
        and.and(&other);
        assert_eq!(and.docs().collect::<Vec<_>>(), [3, 199]);
        b.and_not(&other);
        assert_eq!(b.docs().collect::<Vec<_>>(), [0, 65]);
        assert_eq!(DocBits::full(130).len(), 130);
    }
}
