//! Which names the searched data knows as employers: the prompt reader asks
//! about capitalised names no rule read ("case managers, Aetna or Humana").
//!
//! A name is an employer when an organization the engine knows bears it, or
//! when a profile the asker may see (the shared pool and their workspace's
//! own) has it as a current or past employer's whole name — never from
//! another workspace's profiles, so no workspace's data changes how another
//! workspace's prompt is read.

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::{Engine, EngineError};
use scout_taxonomy::fold;

impl Engine {
    /// Whether `name` is an employer in `workspace`'s view of the data (the
    /// shared pool and that workspace's profiles; `None`: the shared pool).
    pub fn knows_employer(&self, name: &str, workspace: Option<&str>) -> Result<bool, EngineError> {
        let key = fold(name);
        if key.is_empty() {
            return Ok(false);
        }
        if self.orgs.read().has_name(&key) {
            return Ok(true);
        }
        let searcher = self.reader.searcher();
        let term = Term::from_field_text(self.fields.employer_key, &key);
        // most names are no employer's: the term's absence answers at once
        if searcher.doc_freq(&term)? == 0 {
            return Ok(false);
        }
        // other workspaces' profiles do not count
        let clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ),
            (
                Occur::MustNot,
                crate::compile::others_profiles_query(&self.fields, workspace),
            ),
        ];
        Ok(searcher.search(&BooleanQuery::new(clauses), &Count)? > 0)
    }
}
