//! Per-segment tables the search path reads for every candidate, built once
//! per segment and cached by the engine: the talent id of each document
//! (ties are ordered by it, hits are reported by it) and its completeness
//! (the tie-break). Reading them from columns costs a bitpacked decode per
//! document; here they are one array index.

use std::cmp::Ordering;

use tantivy::{DocId, SegmentReader};

use crate::span_query::{SpanKind, SpanTest};

/// What the search needs of each document of one segment.
#[derive(Debug, Default)]
pub(crate) struct SegmentTable {
    ids: Vec<Box<str>>,
    /// The first 16 bytes of each id, big-endian: ids compare as their
    /// prefixes do unless those are equal, and comparing two integers in
    /// one array needs no trip to each id's heap allocation.
    prefixes: Vec<u128>,
    completeness: Vec<u8>,
    /// Encoded years of experience and time in job (`span_query.rs`);
    /// `i32::MIN` when absent.
    experience: Vec<i32>,
    tenure: Vec<i32>,
}

impl SegmentTable {
    /// Reads both columns of `reader` front to back.
    pub(crate) fn build(reader: &SegmentReader) -> tantivy::Result<SegmentTable> {
        let completeness_column = reader.fast_fields().u64("completeness")?;
        let completeness = (0..reader.max_doc())
            .map(|doc| completeness_column.first(doc).unwrap_or(0).min(100) as u8)
            .collect();
        let span = |name: &str| -> tantivy::Result<Vec<i32>> {
            let column = reader.fast_fields().i64(name)?;
            Ok((0..reader.max_doc())
                .map(|doc| {
                    column
                        .first(doc)
                        .and_then(|v| i32::try_from(v).ok())
                        .unwrap_or(i32::MIN)
                })
                .collect())
        };
        let ids = segment_ids(reader)?;
        let prefixes = ids.iter().map(|id| prefix(id)).collect();
        Ok(SegmentTable {
            ids,
            prefixes,
            completeness,
            experience: span("exp_base")?,
            tenure: span("job_base")?,
        })
    }

    /// The talent id of `doc` ("" when it has none).
    pub(crate) fn id(&self, doc: DocId) -> &str {
        self.ids.get(doc as usize).map_or("", |s| s)
    }

    /// Orders two documents (of this table and `other`'s) by id.
    pub(crate) fn cmp_ids(&self, doc: DocId, other: &SegmentTable, other_doc: DocId) -> Ordering {
        let a = self.prefixes.get(doc as usize).copied().unwrap_or(0);
        let b = other.prefixes.get(other_doc as usize).copied().unwrap_or(0);
        a.cmp(&b)
            .then_with(|| self.id(doc).cmp(other.id(other_doc)))
    }

    /// Whether `doc`'s span passes `test`.
    pub(crate) fn span_holds(&self, test: &SpanTest, doc: DocId) -> bool {
        let values = match test.kind {
            SpanKind::Experience => &self.experience,
            SpanKind::Tenure => &self.tenure,
        };
        values
            .get(doc as usize)
            .is_some_and(|&v| v != i32::MIN && test.holds(i64::from(v)))
    }

    /// Documents in the segment.
    pub(crate) fn len(&self) -> usize {
        self.completeness.len()
    }

    /// The completeness (0–100) of `doc`.
    pub(crate) fn completeness(&self, doc: DocId) -> u8 {
        self.completeness.get(doc as usize).copied().unwrap_or(0)
    }
}

/// An id's first 16 bytes as a big-endian number (zero-padded), so that
/// prefixes order as the ids do.
fn prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    for (b, s) in bytes.iter_mut().zip(id.bytes()) {
        *b = s;
    }
    u128::from_be_bytes(bytes)
}

/// Every talent id of a segment, by document number, by streaming the id
/// column's dictionary once, so turning hits into ids never decompresses
/// dictionary blocks on the search path.
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

#[cfg(test)]
mod tests {
    use super::prefix;

    #[test]
    fn prefixes_order_as_ids_do() {
        let mut ids = [
            "tal_b",
            "tal_a",
            "tal_",
            "tal_aa",
            "z",
            "",
            "tal_0123456789abcdef0",
        ];
        ids.sort();
        let mut by_prefix = ids;
        by_prefix.sort_by_key(|id| prefix(id));
        assert_eq!(ids, by_prefix);
    }
}
