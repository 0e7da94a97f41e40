//! A boolean keyword expression (`scout_model::boolean`) as one query whose
//! documents are worked out a segment at a time as a bitset: each word's
//! postings read front to back into bits, each phrase through Tantivy's
//! phrase scorer, then `AND` as intersection, `OR` as union and `NOT` as
//! difference, word by word of the bitsets. Tantivy's boolean scorers
//! advance every operand document by document, which on broad words
//! (hundreds of thousands of postings) cost ten times as much; bit
//! operations over a million-document segment take microseconds.

use tantivy::index::SegmentId;
use tantivy::query::{
    AllQuery, BooleanQuery, EmptyQuery, EnableScoring, Explanation, Occur, PhraseQuery, Query,
    Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use std::sync::{Arc, Mutex};

use scout_model::boolean::BoolExpr;
use scout_taxonomy::fold;

use crate::doc_bits::{BitsCursor, DocBits};

/// An expression over one text field, its words already folded into terms.
#[derive(Clone, Debug)]
enum Node {
    /// One term.
    Term(Term),
    /// Several terms in a row.
    Phrase(Vec<Term>),
    /// A word that folds to nothing: matches nothing.
    Nothing,
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

impl Node {
    fn new(field: Field, expr: &BoolExpr) -> Node {
        match expr {
            BoolExpr::Word(t) | BoolExpr::Phrase(t) => {
                let terms: Vec<Term> = fold(t)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(|w| Term::from_field_text(field, w))
                    .collect();
                match terms.len() {
                    0 => Node::Nothing,
                    1 => Node::Term(terms[0].clone()),
                    _ => Node::Phrase(terms),
                }
            }
            BoolExpr::And(xs) => Node::And(xs.iter().map(|x| Node::new(field, x)).collect()),
            BoolExpr::Or(xs) => Node::Or(xs.iter().map(|x| Node::new(field, x)).collect()),
            BoolExpr::Not(x) => Node::Not(Box::new(Node::new(field, x))),
        }
    }
}

/// The documents whose `field` makes the expression true.
#[derive(Clone, Debug)]
pub(crate) struct BooleanBitsQuery {
    field: Field,
    root: Node,
}

impl BooleanBitsQuery {
    pub(crate) fn new(field: Field, expr: &BoolExpr) -> BooleanBitsQuery {
        BooleanBitsQuery {
            field,
            root: Node::new(field, expr),
        }
    }
}

/// The same expression as Tantivy's boolean queries, for looking at a few
/// documents (a page of hits re-scored filter by filter): seeking each
/// operand to ten documents costs far less than working out a bitset.
pub(crate) fn probe_query(field: Field, expr: &BoolExpr) -> Box<dyn Query> {
    probe(&Node::new(field, expr))
}

fn probe(node: &Node) -> Box<dyn Query> {
    match node {
        Node::Term(t) => Box::new(TermQuery::new(t.clone(), IndexRecordOption::Basic)),
        Node::Phrase(terms) => Box::new(PhraseQuery::new(terms.clone())),
        Node::Nothing => Box::new(EmptyQuery),
        Node::And(xs) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = xs
                .iter()
                .map(|x| match x {
                    Node::Not(inner) => (Occur::MustNot, probe(inner)),
                    x => (Occur::Must, probe(x)),
                })
                .collect();
            if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Box::new(BooleanQuery::new(clauses))
        }
        Node::Or(xs) => Box::new(BooleanQuery::new(
            xs.iter().map(|x| (Occur::Should, probe(x))).collect(),
        )),
        Node::Not(inner) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::MustNot, probe(inner)),
        ])),
    }
}

/// The node with each phrase's weight made once per search.
enum Weighted {
    Term(Term),
    Phrase(Box<dyn Weight>),
    Nothing,
    And(Vec<Weighted>),
    Or(Vec<Weighted>),
    Not(Box<Weighted>),
}

fn weigh(node: &Node, scoring: EnableScoring<'_>) -> tantivy::Result<Weighted> {
    Ok(match node {
        Node::Term(t) => Weighted::Term(t.clone()),
        Node::Phrase(terms) => Weighted::Phrase(PhraseQuery::new(terms.clone()).weight(scoring)?),
        Node::Nothing => Weighted::Nothing,
        Node::And(xs) => Weighted::And(
            xs.iter()
                .map(|x| weigh(x, scoring))
                .collect::<tantivy::Result<_>>()?,
        ),
        Node::Or(xs) => Weighted::Or(
            xs.iter()
                .map(|x| weigh(x, scoring))
                .collect::<tantivy::Result<_>>()?,
        ),
        Node::Not(x) => Weighted::Not(Box::new(weigh(x, scoring)?)),
    })
}

impl Query for BooleanBitsQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(BooleanBitsWeight {
            field: self.field,
            root: weigh(&self.root, scoring)?,
            worked_out: Mutex::new(Vec::new()),
        }))
    }
}

struct BooleanBitsWeight {
    field: Field,
    root: Weighted,
    /// Each segment's documents, worked out once per search: the search
    /// asks a tier's size before it reads it, and both need the bitset.
    worked_out: Mutex<Vec<(SegmentId, Arc<DocBits>, u32)>>,
}

impl BooleanBitsWeight {
    fn term_bits(&self, reader: &SegmentReader, term: &Term) -> tantivy::Result<DocBits> {
        let mut bits = DocBits::new(reader.max_doc());
        let inverted = reader.inverted_index(self.field)?;
        if let Some(info) = inverted.get_term_info(term)? {
            let mut block =
                inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            while !block.docs().is_empty() {
                for &doc in block.docs() {
                    bits.insert(doc);
                }
                block.advance();
            }
        }
        Ok(bits)
    }

    fn bits(&self, reader: &SegmentReader, node: &Weighted) -> tantivy::Result<DocBits> {
        let max_doc = reader.max_doc();
        Ok(match node {
            Weighted::Term(t) => self.term_bits(reader, t)?,
            Weighted::Phrase(w) => {
                let mut bits = DocBits::new(max_doc);
                let mut scorer = w.scorer(reader, 1.0)?;
                let mut doc = scorer.doc();
                while doc != TERMINATED {
                    bits.insert(doc);
                    doc = scorer.advance();
                }
                bits
            }
            Weighted::Nothing => DocBits::new(max_doc),
            Weighted::And(xs) => {
                let (negated, positive): (Vec<&Weighted>, Vec<&Weighted>) =
                    xs.iter().partition(|x| matches!(x, Weighted::Not(_)));
                let mut bits = match positive.split_first() {
                    Some((first, rest)) => {
                        let mut bits = self.bits(reader, first)?;
                        for x in rest {
                            bits.and(&self.bits(reader, x)?);
                        }
                        bits
                    }
                    None => DocBits::full(max_doc),
                };
                for x in negated {
                    if let Weighted::Not(inner) = x {
                        bits.and_not(&self.bits(reader, inner)?);
                    }
                }
                bits
            }
            Weighted::Or(xs) => {
                let mut bits = DocBits::new(max_doc);
                for x in xs {
                    bits.or(&self.bits(reader, x)?);
                }
                bits
            }
            Weighted::Not(inner) => {
                let mut bits = DocBits::full(max_doc);
                bits.and_not(&self.bits(reader, inner)?);
                bits
            }
        })
    }
}

impl Weight for BooleanBitsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let segment = reader.segment_id();
        let known = {
            let done = self.worked_out.lock().unwrap_or_else(|e| e.into_inner());
            done.iter()
                .find(|(s, _, _)| *s == segment)
                .map(|(_, b, n)| (Arc::clone(b), *n))
        };
        // (the count is kept with the bits: a scorer is made again for each
        // pass over the candidates, and counting a segment's bits is not free)
        let (bits, len) = match known {
            Some(known) => known,
            None => {
                let bits = Arc::new(self.bits(reader, &self.root)?);
                let len = u32::try_from(bits.len()).unwrap_or(u32::MAX);
                self.worked_out
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((segment, Arc::clone(&bits), len));
                (bits, len)
            }
        };
        Ok(Box::new(BitsScorer {
            cursor: BitsCursor::new(bits),
            len,
            boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("boolean expression holds", scorer.score()))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "the boolean expression does not hold for document {doc}"
            )))
        }
    }
}

/// The set documents of a bitset, in order, each scoring `boost`.
struct BitsScorer {
    cursor: BitsCursor<Arc<DocBits>>,
    len: u32,
    boost: Score,
}

impl DocSet for BitsScorer {
    fn advance(&mut self) -> DocId {
        self.cursor.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.cursor.seek(target)
    }

    fn doc(&self) -> DocId {
        self.cursor.doc()
    }

    fn size_hint(&self) -> u32 {
        self.len
    }
}

impl Scorer for BitsScorer {
    fn score(&mut self) -> Score {
        self.boost
    }
}
