//! The index layout: one field (or a few) per documented filter type.
//!
//! Text is folded by `scout_taxonomy::fold` before it reaches Tantivy and
//! split on whitespace by the `scout` tokenizer, so index and query always
//! agree on tokens. Nothing is stored: the store is the system of record and
//! search results are fetched from it by id.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STRING,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::Index;

/// Name of the tokenizer for pre-folded text.
pub const TOKENIZER: &str = "scout";

/// Handles on every field.
#[derive(Clone, Debug)]
#[allow(missing_docs)]
pub struct Fields {
    /// The profile's key (`scout_model::ownership::profile_key`).
    pub id: Field,
    /// A workspace-owned profile's owner, and [`crate::OWNED`] (shared-pool profiles have none).
    pub owner: Field,
    pub id_key_hi: Field,
    pub id_key_lo: Field,
    pub title_cur: Field,
    pub title_past: Field,
    pub title_key_cur: Field,
    pub title_key_past: Field,
    /// Word pairs of each title (see `document::title_pair_terms`).
    pub title_pair_cur: Field,
    pub title_pair_past: Field,
    /// The seniority rungs whose searches must not widen to this field's
    /// titles (`titles::rungs_kept_away`), one term per rung.
    pub title_far_cur: Field,
    pub title_far_past: Field,
    pub company_cur: Field,
    pub company_past: Field,
    /// The folded names of current and past employers, whole: which names
    /// are employers at all (the prompt reader asks, `known_names.rs`).
    pub employer_key: Field,
    pub size_cur: Field,
    pub size_past: Field,
    pub industry_cur: Field,
    pub industry_past: Field,
    pub skill: Field,
    pub skill_text: Field,
    pub skill_cur: Field,
    pub keyword: Field,
    pub lang: Field,
    /// The cities and areas a profile's place lies in
    /// (`places::place_terms`): `c` + GeoNames id, `a` + area name.
    pub place_in: Field,
    pub region: Field,
    pub country: Field,
    pub place_text: Field,
    pub geo_cell: Field,
    pub lat: Field,
    pub lon: Field,
    pub exp_open: Field,
    pub exp_base: Field,
    pub job_open: Field,
    pub job_base: Field,
    pub degree: Field,
    pub school: Field,
    pub grad_year: Field,
    pub cert: Field,
    pub freelance: Field,
    pub completeness: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let phrase_text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let term_text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    let indexed_u64 = NumericOptions::default().set_indexed();
    let fast_u64: NumericOptions = FAST.into();
    let indexed_fast_i64: NumericOptions = NumericOptions::default().set_indexed().set_fast();
    let fields = Fields {
        id: b.add_text_field("id", STRING | FAST),
        owner: b.add_text_field("owner", STRING),
        id_key_hi: b.add_u64_field("id_key_hi", fast_u64.clone()),
        id_key_lo: b.add_u64_field("id_key_lo", fast_u64.clone()),
        title_cur: b.add_text_field("title_cur", phrase_text.clone()),
        title_past: b.add_text_field("title_past", phrase_text.clone()),
        title_key_cur: b.add_text_field("title_key_cur", STRING),
        title_key_past: b.add_text_field("title_key_past", STRING),
        title_pair_cur: b.add_text_field("title_pair_cur", STRING),
        title_pair_past: b.add_text_field("title_pair_past", STRING),
        title_far_cur: b.add_text_field("title_far_cur", STRING),
        title_far_past: b.add_text_field("title_far_past", STRING),
        company_cur: b.add_text_field("company_cur", phrase_text.clone()),
        company_past: b.add_text_field("company_past", phrase_text.clone()),
        employer_key: b.add_text_field("employer_key", STRING),
        size_cur: b.add_text_field("size_cur", STRING),
        size_past: b.add_text_field("size_past", STRING),
        industry_cur: b.add_text_field("industry_cur", STRING),
        industry_past: b.add_text_field("industry_past", STRING),
        skill: b.add_text_field("skill", STRING),
        skill_text: b.add_text_field("skill_text", term_text.clone()),
        skill_cur: b.add_text_field("skill_cur", STRING),
        keyword: b.add_text_field("keyword", phrase_text.clone()),
        lang: b.add_text_field("lang", STRING),
        place_in: b.add_text_field("place_in", STRING),
        region: b.add_text_field("region", STRING),
        country: b.add_text_field("country", STRING),
        place_text: b.add_text_field("place_text", phrase_text.clone()),
        geo_cell: b.add_text_field("geo_cell", STRING),
        lat: b.add_f64_field("lat", FAST),
        lon: b.add_f64_field("lon", FAST),
        exp_open: b.add_u64_field("exp_open", INDEXED),
        exp_base: b.add_i64_field("exp_base", indexed_fast_i64.clone()),
        job_open: b.add_u64_field("job_open", INDEXED),
        job_base: b.add_i64_field("job_base", indexed_fast_i64),
        degree: b.add_u64_field("degree", indexed_u64.clone().set_fast()),
        school: b.add_text_field("school", phrase_text.clone()),
        grad_year: b.add_u64_field("grad_year", indexed_u64.clone()),
        cert: b.add_text_field("cert", phrase_text),
        freelance: b.add_u64_field("freelance", indexed_u64),
        completeness: b.add_u64_field("completeness", fast_u64),
    };
    (b.build(), fields)
}

pub(crate) fn register_tokenizers(index: &Index) {
    index.tokenizers().register(
        TOKENIZER,
        TextAnalyzer::from(WhitespaceTokenizer::default()),
    );
}
