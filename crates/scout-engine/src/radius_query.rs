//! "Within R km of a point": the grid-cell terms of the circle's cover find
//! candidates through the inverted index. Profiles in cells wholly inside
//! the circle match as they are; those in cells its edge crosses pass an
//! exact great-circle test on their latitude and longitude (fast fields).
//! The score rewards closeness: `base + 1` at the centre down to
//! `base + 0.5` at the edge, the distance read only for scored documents.

use scout_taxonomy::haversine_km;
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::doc_bits::{BitsCursor, DocBits};
use crate::geo::cover;

/// Profiles within `radius_km` of a point.
#[derive(Clone, Debug)]
pub(crate) struct RadiusQuery {
    cell_field: Field,
    inside: Vec<Term>,
    edge: Vec<Term>,
    lat: f64,
    lon: f64,
    radius_km: f64,
    base: Score,
}

impl RadiusQuery {
    pub(crate) fn new(
        cell_field: Field,
        lat: f64,
        lon: f64,
        radius_km: f64,
        base: Score,
    ) -> RadiusQuery {
        let cells = cover(lat, lon, radius_km);
        let terms = |names: Vec<String>| {
            names
                .iter()
                .map(|c| Term::from_field_text(cell_field, c))
                .collect()
        };
        RadiusQuery {
            cell_field,
            inside: terms(cells.inside),
            edge: terms(cells.edge),
            lat,
            lon,
            radius_km,
            base,
        }
    }
}

impl Query for RadiusQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(RadiusWeight {
            cell_field: self.cell_field,
            inside: self.inside.clone(),
            edge: self.edge.clone(),
            lat: self.lat,
            lon: self.lon,
            radius_km: self.radius_km,
            base: self.base,
        }))
    }
}

struct RadiusWeight {
    cell_field: Field,
    inside: Vec<Term>,
    edge: Vec<Term>,
    lat: f64,
    lon: f64,
    radius_km: f64,
    base: Score,
}

impl Weight for RadiusWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorer = RadiusScorer {
            inside: CellDocs::read(reader, self.cell_field, &self.inside)?,
            edge: CellDocs::read(reader, self.cell_field, &self.edge)?,
            lat: reader.fast_fields().f64("lat")?,
            lon: reader.fast_fields().f64("lon")?,
            center: (self.lat, self.lon),
            radius_km: self.radius_km,
            base: self.base,
            boost,
            doc: 0,
            edge_distance: 0.0,
        };
        scorer.settle_edge();
        scorer.pick();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("within radius", scorer.score()))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is outside the radius"
            )))
        }
    }
}

/// The union, in document order, of the inside cells' documents and the
/// edge cells' documents that pass the distance test.
struct RadiusScorer {
    inside: CellDocs,
    edge: CellDocs,
    lat: Column<f64>,
    lon: Column<f64>,
    center: (f64, f64),
    radius_km: f64,
    base: Score,
    boost: Score,
    /// The current document: the lower of the two scorers' documents.
    doc: DocId,
    /// The distance of `edge`'s current document, measured to test it.
    edge_distance: f64,
}

impl RadiusScorer {
    fn distance(&self, doc: DocId) -> Option<f64> {
        let (la, lo) = (self.lat.first(doc)?, self.lon.first(doc)?);
        Some(haversine_km(self.center.0, self.center.1, la, lo))
    }

    /// Moves the edge scorer to its first document really inside the circle.
    fn settle_edge(&mut self) {
        loop {
            let doc = self.edge.doc();
            if doc == TERMINATED {
                return;
            }
            if let Some(d) = self.distance(doc).filter(|d| *d <= self.radius_km) {
                self.edge_distance = d;
                return;
            }
            self.edge.advance();
        }
    }

    fn pick(&mut self) -> DocId {
        self.doc = self.inside.doc().min(self.edge.doc());
        self.doc
    }
}

impl DocSet for RadiusScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.inside.doc() == self.doc {
            self.inside.advance();
        }
        if self.edge.doc() == self.doc {
            self.edge.advance();
            self.settle_edge();
        }
        self.pick()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.inside.doc() < target {
            self.inside.seek(target);
        }
        if self.edge.doc() < target {
            self.edge.seek(target);
            self.settle_edge();
        }
        self.pick()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.inside.len.saturating_add(self.edge.len)
    }
}

impl Scorer for RadiusScorer {
    fn score(&mut self) -> Score {
        let distance = if self.doc == self.edge.doc() {
            self.edge_distance
        } else {
            self.distance(self.doc).unwrap_or(0.0).min(self.radius_km)
        };
        let closeness = if self.radius_km > 0.0 {
            1.0 - 0.5 * (distance / self.radius_km)
        } else {
            1.0
        };
        self.boost * (self.base + closeness as Score)
    }
}

/// The documents of a set of cell terms, as a bitset walked in order.
/// (Tantivy's `TermSetQuery` builds an FST of the terms for every weight;
/// a cover's few hundred sorted terms are looked up directly instead.)
struct CellDocs {
    cursor: BitsCursor<DocBits>,
    len: u32,
}

impl CellDocs {
    fn read(reader: &SegmentReader, field: Field, terms: &[Term]) -> tantivy::Result<CellDocs> {
        let mut bits = DocBits::new(reader.max_doc());
        let mut len = 0u32;
        if !terms.is_empty() {
            let inverted = reader.inverted_index(field)?;
            for term in terms {
                let Some(info) = inverted.get_term_info(term)? else {
                    continue;
                };
                let mut block =
                    inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
                while !block.docs().is_empty() {
                    for &doc in block.docs() {
                        len += u32::from(!bits.contains(doc));
                        bits.insert(doc);
                    }
                    block.advance();
                }
            }
        }
        Ok(CellDocs {
            cursor: BitsCursor::new(bits),
            len,
        })
    }

    fn doc(&self) -> DocId {
        self.cursor.doc()
    }

    fn advance(&mut self) -> DocId {
        self.cursor.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.cursor.seek(target)
    }
}
