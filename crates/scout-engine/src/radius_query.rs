//! "Within R km of a point": the grid-cell terms of the circle's cover find
//! candidates through the inverted index. Profiles in cells wholly inside
//! the circle match as they are; those in cells its edge crosses pass an
//! exact great-circle test on their latitude and longitude (fast fields).
//! The score rewards closeness: `base + 1` at the centre down to
//! `base + 0.5` at the edge, the distance read only for scored documents.

use scout_taxonomy::haversine_km;
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermSetQuery, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::geo::cover;

/// Profiles within `radius_km` of a point.
#[derive(Clone, Debug)]
pub(crate) struct RadiusQuery {
    inside: TermSetQuery,
    edge: TermSetQuery,
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
                .into_iter()
                .map(|c| Term::from_field_text(cell_field, &c))
        };
        RadiusQuery {
            inside: TermSetQuery::new(terms(cells.inside)),
            edge: TermSetQuery::new(terms(cells.edge)),
            lat,
            lon,
            radius_km,
            base,
        }
    }
}

impl Query for RadiusQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let unscored = EnableScoring::disabled_from_schema(enable_scoring.schema());
        Ok(Box::new(RadiusWeight {
            inside: self.inside.weight(unscored)?,
            edge: self.edge.weight(unscored)?,
            lat: self.lat,
            lon: self.lon,
            radius_km: self.radius_km,
            base: self.base,
        }))
    }
}

struct RadiusWeight {
    inside: Box<dyn Weight>,
    edge: Box<dyn Weight>,
    lat: f64,
    lon: f64,
    radius_km: f64,
    base: Score,
}

impl Weight for RadiusWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorer = RadiusScorer {
            inside: self.inside.scorer(reader, 1.0)?,
            edge: self.edge.scorer(reader, 1.0)?,
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
    inside: Box<dyn Scorer>,
    edge: Box<dyn Scorer>,
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
        self.inside
            .size_hint()
            .saturating_add(self.edge.size_hint())
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
