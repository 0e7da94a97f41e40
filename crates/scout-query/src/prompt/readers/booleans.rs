//! Boolean strings typed into a prompt (`"site reliability" AND (kubernetes
//! OR k8s), Amsterdam`): read first, by the boolean grammar of
//! `crate::boolean`, so their operators and words are not read again as
//! plain language.

use super::{make_filter, Reader};
use crate::boolean::{parse, spans_in, BooleanKeyword};
use crate::filter::Criterion;
use crate::prompt::{confidence, Mode, Note, ReadFilter};

impl Reader<'_> {
    pub(super) fn booleans(&mut self) {
        for span in spans_in(self.prompt) {
            let text = &self.prompt[span.clone()];
            let inside: Vec<usize> = (0..self.len())
                .filter(|&k| self.tokens[k].start >= span.start && self.tokens[k].end <= span.end)
                .collect();
            let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
                continue;
            };
            match parse(text) {
                Ok(expr) => {
                    self.claim(first, last + 1);
                    let mode = match self.modes[first] {
                        Mode::Optional => Mode::Optional,
                        _ => Mode::Required,
                    };
                    let reason = format!("a boolean string, read by its grammar as {expr}");
                    self.found.push(ReadFilter {
                        filter: make_filter(
                            mode,
                            Criterion::Boolean(BooleanKeyword {
                                text: text.to_owned(),
                                expr,
                            }),
                        ),
                        start: span.start,
                        end: span.end,
                        text: text.to_owned(),
                        confidence: confidence::BOOLEAN,
                        reason,
                    });
                }
                Err(e) => self.notes.push(Note {
                    start: span.start,
                    end: span.end,
                    text: text.to_owned(),
                    reason: format!(
                        "looks like a boolean string but cannot be read ({e}): read as plain language"
                    ),
                }),
            }
        }
    }
}
