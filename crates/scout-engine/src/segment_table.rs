//! Per-segment tables the search path reads for every candidate, built once
//! per segment and cached by the engine: the talent id of each document
//! (ties are ordered by it, hits are reported by it) and its completeness
//! (the tie-break). Reading them from columns costs a bitpacked decode per
//! document; here they are one array index.

use std::cmp::{Ordering, Reverse};
use std::sync::OnceLock;

use tantivy::{DocId, SegmentReader};

use crate::span_query::{SpanKind, SpanTest};

/// What the search needs of each document of one segment.
#[derive(Debug, Default)]
pub(crate) struct SegmentTable {
    ids: Vec<Box<str>>,
    /// One more than the position of each document's id in the segment's
    /// sorted id dictionary (0: no id): within a segment, ids compare as
    /// these do, one read of a 4-byte array instead of two strings.
    id_ranks: Vec<u32>,
    completeness: Vec<u8>,
    /// Encoded years of experience and time in job (`span_query.rs`);
    /// `i32::MIN` when absent.
    experience: Vec<i32>,
    tenure: Vec<i32>,
    /// Every document, best tie-break first (see [`SegmentTable::tie_order`]).
    tie_order: OnceLock<Vec<DocId>>,
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
        let (ids, id_ranks) = segment_ids(reader)?;
        Ok(SegmentTable {
            ids,
            id_ranks,
            completeness,
            experience: span("exp_base")?,
            tenure: span("job_base")?,
            tie_order: OnceLock::new(),
        })
    }

    /// The talent id of `doc` ("" when it has none).
    pub(crate) fn id(&self, doc: DocId) -> &str {
        self.ids.get(doc as usize).map_or("", |s| s)
    }

    /// Orders two documents (of this table and `other`'s) by id.
    pub(crate) fn cmp_ids(&self, doc: DocId, other: &SegmentTable, other_doc: DocId) -> Ordering {
        if std::ptr::eq(self, other) {
            return self.id_rank(doc).cmp(&self.id_rank(other_doc));
        }
        self.id(doc).cmp(other.id(other_doc))
    }

    /// Where `doc`'s id sorts among this segment's ids (0: it has none).
    pub(crate) fn id_rank(&self, doc: DocId) -> u32 {
        self.id_ranks.get(doc as usize).copied().unwrap_or(0)
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

    /// Every document of the segment in the order equal scores rank them:
    /// most complete first, then by id. Among documents whose score is
    /// their bound plus the tie-break, the first met in this order are the
    /// best, so a walk can stop once the top is full. Sorted on first use
    /// (about 60–90 ms for a million documents; `Engine::reload` does it for
    /// new segments), then kept with the table.
    pub(crate) fn tie_order(&self) -> &[DocId] {
        self.tie_order.get_or_init(|| {
            let mut docs: Vec<DocId> = (0..self.completeness.len() as DocId).collect();
            docs.sort_unstable_by_key(|&d| (Reverse(self.completeness(d)), self.id_rank(d)));
            docs
        })
    }
}

/// Every talent id of a segment, by document number, and its rank among
/// them, by streaming the id column's dictionary once, so turning hits into
/// ids never decompresses dictionary blocks on the search path. The
/// dictionary is sorted, so a term's ordinal is its id's rank.
pub(crate) fn segment_ids(reader: &SegmentReader) -> tantivy::Result<(Vec<Box<str>>, Vec<u32>)> {
    let Some(col) = reader.fast_fields().str("id")? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let mut by_ord: Vec<Box<str>> = Vec::with_capacity(col.num_terms());
    let mut stream = col.dictionary().stream()?;
    while stream.advance() {
        // a workspace's profile is keyed `id` + separator + workspace: its
        // hits and exclusions speak of the id (a search sees one owner's
        // profiles besides the shared pool's, so the id is unambiguous)
        let key = String::from_utf8_lossy(stream.key());
        by_ord.push(scout_model::ownership::split_profile_key(&key).0.into());
    }
    let mut ids = Vec::with_capacity(reader.max_doc() as usize);
    let mut ranks = Vec::with_capacity(reader.max_doc() as usize);
    for doc in 0..reader.max_doc() {
        match col
            .term_ords(doc)
            .next()
            .and_then(|o| Some((o, by_ord.get(o as usize)?)))
        {
            Some((ord, id)) => {
                ids.push(id.clone());
                ranks.push(u32::try_from(ord + 1).unwrap_or(u32::MAX));
            }
            None => {
                ids.push("".into());
                ranks.push(0);
            }
        }
    }
    Ok((ids, ranks))
}

#[cfg(test)]
mod tests {
    use tantivy::schema::{Schema, FAST, STRING};
    use tantivy::{doc, Index};

    use super::segment_ids;

    #[test]
    fn id_ranks_order_documents_as_their_ids_do() {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | FAST);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let ids = [
            "tal_b",
            "tal_a",
            "z",
            "tal_",
            "tal_aa",
            "tal_0123456789abcdef0",
        ];
        for i in ids {
            writer.add_document(doc!(id => i)).unwrap();
        }
        writer.add_document(doc!()).unwrap(); // no id: sorts first
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let (by_doc, ranks) = segment_ids(searcher.segment_reader(0)).unwrap();
        assert_eq!(by_doc.len(), ids.len() + 1);
        for a in 0..by_doc.len() {
            for b in 0..by_doc.len() {
                assert_eq!(
                    ranks[a].cmp(&ranks[b]),
                    by_doc[a].cmp(&by_doc[b]),
                    "{} vs {}",
                    by_doc[a],
                    by_doc[b]
                );
            }
        }
        assert_eq!(ranks[ids.len()], 0);
    }
}
