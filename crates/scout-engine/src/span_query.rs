//! "Between lo and hi months as of now" over a span indexed as one `i64`
//! fast field (`document::Span::encoded`): a closed span stores its months
//! (≥ 0), a running one `closed − open_since` (< 0, since `open_since` is a
//! month count near 24,000), so its months today are `value + now`.
//!
//! A range query over the inverted index would gather the postings of every
//! month value in range into a bitset each time a segment is searched; here
//! a candidate is tested by reading its value, which is what a search that
//! already has candidates needs. Read front to back, it scans the column.

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use crate::document::Month;

/// Which span of a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpanKind {
    /// Years of experience (`exp_base`).
    Experience,
    /// Time in the current (or last) job (`job_base`).
    Tenure,
}

/// "The span lasts `[lo, hi)` months as of `now`", on its encoded value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SpanTest {
    pub kind: SpanKind,
    lo: Month,
    hi: Month,
    now: Month,
}

impl SpanTest {
    pub(crate) fn new(kind: SpanKind, lo: Month, hi: Month, now: Month) -> SpanTest {
        SpanTest { kind, lo, hi, now }
    }

    /// Whether an encoded span value passes.
    pub(crate) fn holds(&self, encoded: i64) -> bool {
        let months = if encoded >= 0 {
            encoded
        } else {
            encoded + self.now
        };
        self.lo <= months && months < self.hi
    }
}

/// Profiles whose span passes a [`SpanTest`].
#[derive(Clone, Debug)]
pub(crate) struct SpanQuery {
    field: Field,
    test: SpanTest,
}

impl SpanQuery {
    pub(crate) fn new(field: Field, test: SpanTest) -> SpanQuery {
        SpanQuery { field, test }
    }
}

impl Query for SpanQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for SpanQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let name = reader.schema().get_field_name(self.field).to_owned();
        let column = reader.fast_fields().i64(&name)?;
        let mut scorer = SpanScorer {
            column,
            test: self.test,
            doc: 0,
            max_doc: reader.max_doc(),
            boost,
        };
        scorer.doc = scorer.next_from(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("span in range", scorer.score()))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is outside the range"
            )))
        }
    }
}

struct SpanScorer {
    column: Column<i64>,
    test: SpanTest,
    doc: DocId,
    max_doc: DocId,
    boost: Score,
}

impl SpanScorer {
    fn holds(&self, doc: DocId) -> bool {
        self.column.first(doc).is_some_and(|v| self.test.holds(v))
    }

    fn next_from(&self, mut doc: DocId) -> DocId {
        while doc < self.max_doc {
            if self.holds(doc) {
                return doc;
            }
            doc += 1;
        }
        TERMINATED
    }
}

impl DocSet for SpanScorer {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.next_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc != TERMINATED && self.doc < target {
            self.doc = self.next_from(target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    /// Reading it visits every document.
    fn size_hint(&self) -> u32 {
        self.max_doc
    }
}

impl Scorer for SpanScorer {
    fn score(&mut self) -> Score {
        self.boost
    }
}
