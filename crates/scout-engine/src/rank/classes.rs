//! Bound classes: the candidates of a segment grouped by the bound they
//! share, visited best class first, instead of a bound for every candidate.
//!
//! For a bounded clause (its proposing tiers are read, or span tests), a
//! candidate's bound is fixed by one *level* of the clause: the
//! value of the first proposing tier that has it (a covered tier before it
//! included), or nothing. A class is one level per clause; its members are
//! the intersection of those levels' documents, and all share the bound
//! `Σ level values` (plus each one's tie-break). Classes are enumerated in
//! decreasing bound from the all-best one — each class has one parent, the
//! class with its last lowered clause one level higher, so none comes twice
//! — and their members scored; once the `limit`-th best score is above the
//! next class's bound plus the whole tie-break, no other candidate can
//! enter and the segment is done. A search whose top sits in its first few
//! classes (most do) so skips bounding every candidate, which costs tens of
//! nanoseconds each, 6 ms at 130,000 candidates. Clauses that are only
//! probed (tiers too large to read for few candidates) are left out of the
//! classes and counted at their most, as in the bound pass.
//!
//! When every member of a class scores exactly its bound (every clause
//! bounded, constant tiers, nothing covered above them) and the class is
//! large, it is walked in the
//! segment's tie order (most complete first, then by id) and the walk stops
//! at the first member that can no longer enter: about `limit` visits
//! however large the class. Other classes are visited in document order.
//!
//! The enumeration gives up (and the caller falls back to the bound pass,
//! with `top` restored) past [`MAX_CLASSES`] classes or on a large class it
//! cannot walk: then the top is spread over many small classes, which the
//! bound pass handles better.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use tantivy::{DocId, Score};

use super::{ClauseState, SegmentRun, Top, COMPLETENESS_MAX, COMPLETENESS_WEIGHT, SLACK};
use crate::doc_bits::DocBits;

/// Classes tried before falling back to the bound pass.
const MAX_CLASSES: usize = 48;

/// Classes of more members than this are visited only if they can be walked.
const VISIT_LIMIT: u64 = 16_384;

/// The proposing tiers of a clause worth one value.
struct Level {
    value: Score,
    tiers: Vec<usize>,
    /// Every member scores exactly `value` on this clause.
    exact: bool,
}

/// A clause's levels, best first, ending with "none of its tiers" (worth 0).
fn levels(clause: &ClauseState) -> Vec<Level> {
    let mut out: Vec<Level> = Vec::new();
    let mut covered: Score = 0.0;
    for (i, t) in clause.tiers.iter().enumerate() {
        if !t.proposes {
            covered = covered.max(t.max);
            continue;
        }
        // as the bound pass counts it: a covered tier before may still hold
        let value = covered.max(t.max);
        let exact = t.constant && covered <= t.max;
        match out.iter_mut().find(|l| l.value == value) {
            Some(level) => {
                level.tiers.push(i);
                level.exact &= exact;
            }
            None => out.push(Level {
                value,
                tiers: vec![i],
                exact,
            }),
        }
    }
    out.sort_by(|a, b| b.value.total_cmp(&a.value));
    out.push(Level {
        value: 0.0,
        tiers: Vec::new(),
        exact: true,
    });
    out
}

/// The documents of each level of one clause, worked out as needed: those
/// of the level's tiers that no better level has.
struct LevelDocs {
    sets: Vec<(DocBits, u64)>,
    /// The candidates in the levels worked out so far.
    taken: DocBits,
}

impl LevelDocs {
    fn get(
        &mut self,
        clause: &ClauseState,
        levels: &[Level],
        level: usize,
        candidates: &DocBits,
    ) -> Option<&(DocBits, u64)> {
        while self.sets.len() <= level {
            let next = &levels[self.sets.len()];
            let mut docs = candidates.clone();
            if !next.tiers.is_empty() && !clause.narrow_to_any(&next.tiers, &mut docs) {
                return None;
            }
            docs.and_not(&self.taken);
            self.taken.or(&docs);
            let n = docs.len();
            self.sets.push((docs, n));
        }
        self.sets.get(level)
    }
}

/// A class in the queue: its bound and its level per clause.
struct Class {
    bound: Score,
    levels: Vec<usize>,
}

impl PartialEq for Class {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Class {}

impl PartialOrd for Class {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Class {
    fn cmp(&self, other: &Self) -> Ordering {
        self.bound.total_cmp(&other.bound)
    }
}

impl SegmentRun<'_> {
    /// Scores the candidates class by class, best bound first (see the
    /// module comment). How many were visited once the segment is settled,
    /// or `None` (with `top` possibly changed: the caller restores it) when
    /// the bound pass should do it instead.
    pub(super) fn best_classes(
        &self,
        scoring: &mut [ClauseState],
        bounded: usize,
        candidates: &DocBits,
        reach: &[Score],
        top: &mut Top,
    ) -> tantivy::Result<Option<usize>> {
        if bounded == 0 || candidates.len() == 0 {
            return Ok(None);
        }
        // the probed clauses (not bounded per candidate) may add up to this
        let probed_reach = reach[bounded];
        let all_bounded = bounded == scoring.len();
        let levels: Vec<Vec<Level>> = scoring[..bounded].iter().map(|c| levels(c)).collect();
        let max_doc = self.reader.max_doc();
        let mut docs: Vec<LevelDocs> = levels
            .iter()
            .map(|_| LevelDocs {
                sets: Vec::new(),
                taken: DocBits::new(max_doc),
            })
            .collect();
        // summed in clause order, as the bound pass and the score are
        let bound_of = |at: &[usize]| -> Score {
            at.iter()
                .zip(&levels)
                .fold(0.0, |sum, (&l, ls)| sum + ls[l].value)
        };
        let first = vec![0; levels.len()];
        let mut queue = BinaryHeap::new();
        queue.push(Class {
            bound: bound_of(&first),
            levels: first,
        });
        let mut seen = 0usize;
        let mut classes = 0usize;
        while let Some(class) = queue.pop() {
            // nothing in this class or any later one can enter
            if top.floor.as_ref().is_some_and(|f| {
                f.score - SLACK > class.bound + probed_reach + COMPLETENESS_MAX + 2.0 * SLACK
            }) {
                return Ok(Some(seen));
            }
            classes += 1;
            if classes > MAX_CLASSES || self.late() {
                tracing::debug!(classes, seen, "by class: too many classes");
                return Ok(None);
            }
            // children: one more level down on the last lowered clause or a
            // later one
            let from = class.levels.iter().rposition(|&l| l > 0).unwrap_or(0);
            for c in from..levels.len() {
                if class.levels[c] + 1 < levels[c].len() {
                    let mut child = class.levels.clone();
                    child[c] += 1;
                    queue.push(Class {
                        bound: bound_of(&child),
                        levels: child,
                    });
                }
            }
            let Some(members) = self.members(
                &class.levels,
                &levels,
                &mut docs,
                &scoring[..bounded],
                candidates,
            ) else {
                return Ok(None);
            };
            let n = members.len();
            if n == 0 {
                continue;
            }
            let exact = all_bounded && class.levels.iter().zip(&levels).all(|(&l, ls)| ls[l].exact);
            let walk = exact && n.saturating_mul(n) >= (top.limit as u64 + 1) * u64::from(max_doc);
            if !walk && n > VISIT_LIMIT {
                tracing::debug!(classes, seen, members = n, "by class: a large class");
                return Ok(None);
            }
            let best_of = |doc: DocId| {
                class.bound + Score::from(self.table.completeness(doc)) * COMPLETENESS_WEIGHT
            };
            if walk {
                for (step, &doc) in self.table.tie_order().iter().enumerate() {
                    if step % 65_536 == 65_535 && self.late() {
                        return Ok(None);
                    }
                    if !members.contains(doc) {
                        continue;
                    }
                    let best = best_of(doc);
                    // later members have no better bound, and ties a later id
                    if top.floor.as_ref().is_some_and(|f| {
                        best < f.score
                            || (best == f.score
                                && self.table.cmp_ids(doc, &f.table, f.doc) == Ordering::Greater)
                    }) {
                        break;
                    }
                    seen += 1;
                    self.consider(doc, best, scoring, reach, 0.0, true, top)?;
                    if top.floor.is_none() && top.hits.len() >= top.limit {
                        top.settle();
                    }
                }
            } else {
                for doc in members.docs() {
                    seen += 1;
                    if seen.is_multiple_of(4096) && self.late() {
                        return Ok(None);
                    }
                    self.consider(
                        doc,
                        best_of(doc),
                        scoring,
                        reach,
                        probed_reach,
                        all_bounded,
                        top,
                    )?;
                }
            }
            top.settle();
        }
        // every class visited: every candidate was considered
        Ok(Some(seen))
    }

    /// The candidates of a class: the intersection of its levels' documents,
    /// smallest first. `None` when a level cannot be worked out.
    fn members(
        &self,
        at: &[usize],
        levels: &[Vec<Level>],
        docs: &mut [LevelDocs],
        scoring: &[ClauseState],
        candidates: &DocBits,
    ) -> Option<DocBits> {
        let mut order: Vec<(u64, usize)> = Vec::with_capacity(at.len());
        for (c, &l) in at.iter().enumerate() {
            let (_, n) = docs[c].get(&scoring[c], &levels[c], l, candidates)?;
            if *n == 0 {
                return Some(DocBits::new(0));
            }
            order.push((*n, c));
        }
        order.sort_unstable();
        let (_, smallest) = order[0];
        let mut members = docs[smallest].sets[at[smallest]].0.clone();
        for &(_, c) in &order[1..] {
            members.and(&docs[c].sets[at[c]].0);
        }
        Some(members)
    }
}
