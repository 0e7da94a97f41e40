//! "Within R km of a point": the grid-cell terms of the circle's cover find
//! candidates through the inverted index; each candidate's latitude and
//! longitude (fast fields) then pass an exact great-circle test. The score
//! rewards closeness: `base + 1` at the centre down to `base + 0.5` at the edge.

use scout_taxonomy::haversine_km;
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermSetQuery, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use crate::geo::cover;

/// Profiles within `radius_km` of a point.
#[derive(Clone, Debug)]
pub(crate) struct RadiusQuery {
    cells: TermSetQuery,
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
        let terms = cover(lat, lon, radius_km)
            .into_iter()
            .map(|c| Term::from_field_text(cell_field, &c));
        RadiusQuery {
            cells: TermSetQuery::new(terms),
            lat,
            lon,
            radius_km,
            base,
        }
    }
}

impl Query for RadiusQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self
            .cells
            .weight(EnableScoring::disabled_from_schema(enable_scoring.schema()))?;
        Ok(Box::new(RadiusWeight {
            inner,
            lat: self.lat,
            lon: self.lon,
            radius_km: self.radius_km,
            base: self.base,
        }))
    }
}

struct RadiusWeight {
    inner: Box<dyn Weight>,
    lat: f64,
    lon: f64,
    radius_km: f64,
    base: Score,
}

impl Weight for RadiusWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, 1.0)?;
        let lat = reader.fast_fields().f64("lat")?;
        let lon = reader.fast_fields().f64("lon")?;
        let mut scorer = RadiusScorer {
            inner,
            lat,
            lon,
            center: (self.lat, self.lon),
            radius_km: self.radius_km,
            base: self.base,
            boost,
            distance: 0.0,
        };
        scorer.settle();
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

struct RadiusScorer {
    inner: Box<dyn Scorer>,
    lat: Column<f64>,
    lon: Column<f64>,
    center: (f64, f64),
    radius_km: f64,
    base: Score,
    boost: Score,
    distance: f64,
}

impl RadiusScorer {
    /// Moves forward to the first candidate really inside the circle.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self.inner.doc();
            if doc == TERMINATED {
                return doc;
            }
            if let (Some(la), Some(lo)) = (self.lat.first(doc), self.lon.first(doc)) {
                let d = haversine_km(self.center.0, self.center.1, la, lo);
                if d <= self.radius_km {
                    self.distance = d;
                    return doc;
                }
            }
            self.inner.advance();
        }
    }
}

impl DocSet for RadiusScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance();
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target);
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for RadiusScorer {
    fn score(&mut self) -> Score {
        let closeness = if self.radius_km > 0.0 {
            1.0 - 0.5 * (self.distance / self.radius_km)
        } else {
            1.0
        };
        self.boost * (self.base + closeness as Score)
    }
}
