//! The whole search as one scorer. Tantivy's boolean query scores optional
//! clauses and tiered disjunctions through buffered unions that, whenever a
//! required clause seeks into a new window, read every posting of every
//! optional clause in that window — so a search with a rare required title
//! and a common optional company size reads most of the size postings. Here
//! the candidates come from the *cheapest* required filter alone; every other
//! filter only seeks its tiers to each candidate (skip lists, no windows),
//! and a failed required filter leapfrogs the candidates to the next document
//! it could match. The score is the same as the boolean formulation's:
//! the sum over required groups of their matching filters, plus the sum of
//! matching optional filters, each worth its best tier.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// One filter: its tiers best first, each a query scoring the tier's
/// value, and whether it proposes candidates (a tier covered by a later one
/// of the same filter need not).
#[derive(Debug)]
pub(crate) struct Clause {
    tiers: Vec<Box<dyn Query>>,
    proposes: Vec<bool>,
}

impl Clause {
    pub(crate) fn new(tiers: Vec<(Box<dyn Query>, bool)>) -> Clause {
        let (tiers, proposes) = tiers.into_iter().unzip();
        Clause { tiers, proposes }
    }
}

impl Clone for Clause {
    fn clone(&self) -> Clause {
        Clause {
            tiers: self.tiers.iter().map(|q| q.box_clone()).collect(),
            proposes: self.proposes.clone(),
        }
    }
}

/// Required groups (a document must meet at least one filter of each),
/// optional filters (raise the score) and excluded filters.
#[derive(Clone, Debug, Default)]
pub(crate) struct RankQuery {
    pub required: Vec<Vec<Clause>>,
    pub optional: Vec<Clause>,
    pub excluded: Vec<Clause>,
}

type ClauseWeights = (Vec<Box<dyn Weight>>, Vec<bool>);

impl Query for RankQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = |c: &Clause| -> tantivy::Result<ClauseWeights> {
            let w = c
                .tiers
                .iter()
                .map(|q| q.weight(scoring))
                .collect::<tantivy::Result<_>>()?;
            Ok((w, c.proposes.clone()))
        };
        Ok(Box::new(RankWeight {
            required: self
                .required
                .iter()
                .map(|g| g.iter().map(weights).collect())
                .collect::<tantivy::Result<_>>()?,
            optional: self
                .optional
                .iter()
                .map(weights)
                .collect::<tantivy::Result<_>>()?,
            excluded: self
                .excluded
                .iter()
                .map(weights)
                .collect::<tantivy::Result<_>>()?,
        }))
    }
}

struct RankWeight {
    required: Vec<Vec<ClauseWeights>>,
    optional: Vec<ClauseWeights>,
    excluded: Vec<ClauseWeights>,
}

fn clause_scorer(weights: &ClauseWeights, reader: &SegmentReader) -> tantivy::Result<ClauseScorer> {
    Ok(ClauseScorer {
        tiers: weights
            .0
            .iter()
            .map(|w| w.scorer(reader, 1.0))
            .collect::<tantivy::Result<_>>()?,
        proposes: weights.1.clone(),
    })
}

impl Weight for RankWeight {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut groups: Vec<Vec<ClauseScorer>> = self
            .required
            .iter()
            .map(|g| g.iter().map(|c| clause_scorer(c, reader)).collect())
            .collect::<tantivy::Result<_>>()?;
        let optional: Vec<ClauseScorer> = self
            .optional
            .iter()
            .map(|c| clause_scorer(c, reader))
            .collect::<tantivy::Result<_>>()?;
        let excluded = self
            .excluded
            .iter()
            .map(|c| clause_scorer(c, reader))
            .collect::<tantivy::Result<_>>()?;
        // The cheapest required group drives; without one, any optional
        // filter's match is a candidate; with neither, every document.
        let driver = if groups.is_empty() {
            if optional.is_empty() {
                Driver::All(reader.max_doc())
            } else {
                Driver::Optional
            }
        } else {
            let cheapest = (0..groups.len())
                .min_by_key(|&i| groups[i].iter().map(ClauseScorer::cost).sum::<u64>())
                .unwrap_or(0);
            Driver::Group(groups.swap_remove(cheapest))
        };
        let mut scorer = RankScorer {
            driver,
            others: groups,
            optional,
            excluded,
            doc: 0,
            score: 0.0,
        };
        scorer.find(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("Scout ranking", scorer.score()))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )))
        }
    }
}

/// The tiers of one filter, each positioned independently.
struct ClauseScorer {
    tiers: Vec<Box<dyn Scorer>>,
    proposes: Vec<bool>,
}

impl ClauseScorer {
    fn cost(&self) -> u64 {
        self.tiers
            .iter()
            .zip(&self.proposes)
            .filter(|(_, p)| **p)
            .map(|(s, _)| u64::from(s.size_hint()))
            .sum()
    }

    /// The best tier score at `doc`, or else the first document after
    /// `doc` a tier could match. Proposing tiers are tried first: when none
    /// has the document, no tier they cover can have it either, so the
    /// costlier covered tiers (phrases) are only checked on real matches,
    /// and only those worth more than the proposing tier that matched.
    fn at(&mut self, doc: DocId) -> Result<Score, DocId> {
        let mut next = TERMINATED;
        let mut hit: Option<(usize, Score)> = None;
        for (i, (tier, proposes)) in self.tiers.iter_mut().zip(&self.proposes).enumerate() {
            if !*proposes {
                continue;
            }
            let mut d = tier.doc();
            if d < doc {
                d = tier.seek(doc);
            }
            if d == doc {
                hit = Some((i, tier.score()));
                break;
            }
            next = next.min(d);
        }
        let Some((matched, score)) = hit else {
            return Err(next);
        };
        // Tiers are best first: a covered tier before `matched` is worth more.
        for (tier, proposes) in self.tiers[..matched].iter_mut().zip(&self.proposes) {
            if *proposes {
                continue;
            }
            let mut d = tier.doc();
            if d < doc {
                d = tier.seek(doc);
            }
            if d == doc {
                return Ok(tier.score());
            }
        }
        Ok(score)
    }

    /// The first document at or after `target` that a proposing tier has.
    fn next_from(&mut self, target: DocId) -> DocId {
        let mut next = TERMINATED;
        for (tier, proposes) in self.tiers.iter_mut().zip(&self.proposes) {
            if !*proposes {
                continue;
            }
            let mut d = tier.doc();
            if d < target {
                d = tier.seek(target);
            }
            next = next.min(d);
        }
        next
    }
}

enum Driver {
    Group(Vec<ClauseScorer>),
    Optional,
    All(DocId),
}

struct RankScorer {
    driver: Driver,
    others: Vec<Vec<ClauseScorer>>,
    optional: Vec<ClauseScorer>,
    excluded: Vec<ClauseScorer>,
    doc: DocId,
    score: Score,
}

/// Sum of the matching filters of a group at `doc`, or the next document
/// the group could match.
fn group_at(group: &mut [ClauseScorer], doc: DocId) -> Result<Score, DocId> {
    let mut total: Option<Score> = None;
    let mut next = TERMINATED;
    for clause in group {
        match clause.at(doc) {
            Ok(s) => total = Some(total.unwrap_or(0.0) + s),
            Err(n) => next = next.min(n),
        }
    }
    total.ok_or(next)
}

impl RankScorer {
    /// Positions on the first accepted document at or after `target`.
    fn find(&mut self, mut target: DocId) -> DocId {
        'candidates: loop {
            let candidate = match &mut self.driver {
                Driver::Group(g) => g
                    .iter_mut()
                    .map(|c| c.next_from(target))
                    .min()
                    .unwrap_or(TERMINATED),
                Driver::Optional => self
                    .optional
                    .iter_mut()
                    .map(|c| c.next_from(target))
                    .min()
                    .unwrap_or(TERMINATED),
                Driver::All(max) => {
                    if target < *max {
                        target
                    } else {
                        TERMINATED
                    }
                }
            };
            if candidate == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            let mut score = match &mut self.driver {
                Driver::Group(g) => match group_at(g, candidate) {
                    Ok(s) => s,
                    Err(_) => {
                        target = candidate + 1;
                        continue;
                    }
                },
                _ => 0.0,
            };
            for group in &mut self.others {
                match group_at(group, candidate) {
                    Ok(s) => score += s,
                    Err(next) => {
                        // Nothing before `next` can meet this group.
                        target = next.max(candidate + 1);
                        continue 'candidates;
                    }
                }
            }
            for clause in &mut self.excluded {
                if clause.at(candidate).is_ok() {
                    target = candidate + 1;
                    continue 'candidates;
                }
            }
            for clause in &mut self.optional {
                if let Ok(s) = clause.at(candidate) {
                    score += s;
                }
            }
            self.doc = candidate;
            self.score = score;
            return candidate;
        }
    }
}

impl DocSet for RankScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.find(self.doc + 1)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc != TERMINATED && self.doc >= target {
            return self.doc;
        }
        self.find(target)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        match &self.driver {
            Driver::Group(g) => g
                .iter()
                .map(ClauseScorer::cost)
                .sum::<u64>()
                .min(u64::from(u32::MAX)) as u32,
            Driver::Optional => self
                .optional
                .iter()
                .map(ClauseScorer::cost)
                .sum::<u64>()
                .min(u64::from(u32::MAX)) as u32,
            Driver::All(max) => *max,
        }
    }
}

impl Scorer for RankScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}
