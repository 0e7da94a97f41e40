//! Skills (canonical names and aliases) and, last, keywords: every run of
//! words no other reader claimed.

use super::in_list;
use super::Reader;
use crate::filter::Criterion;
use crate::prompt::confidence;
use crate::prompt::lexicon as lx;
use crate::prompt::lexicon::AMBIGUOUS_SKILLS;
use crate::prompt::Mode;
use crate::search_request::MAX_VALUE_CHARS;
use scout_taxonomy::fold;
use scout_taxonomy::skills::canonical_skill;

impl<'a> Reader<'a> {
    pub(super) fn skills(&mut self) {
        for i in 0..self.len() {
            for n in (1..=3).rev() {
                if !self.free(i, n) || self.is_filler(i) || self.is_filler(i + n - 1) {
                    continue;
                }
                let text = self.text(i, i + n);
                if text.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                let Some(skill) = canonical_skill(text) else {
                    continue;
                };
                let mut confidence = confidence::SKILL;
                if n == 1 && in_list(AMBIGUOUS_SKILLS, &self.tokens[i].lower) {
                    let typed = &self.tokens[i].text;
                    if !(typed == skill
                        || (typed.chars().next().is_some_and(char::is_uppercase)
                            && typed.len() > 1))
                    {
                        continue;
                    }
                    confidence = confidence::SKILL_EVERYDAY_WORD;
                }
                let mode = self.modes[i];
                let reason = if fold(text) == fold(skill) {
                    format!("skill: {skill}")
                } else {
                    format!("skill: \"{text}\" is another name of {skill}")
                };
                self.push(
                    (i, i + n),
                    mode,
                    Criterion::Skill(skill.to_owned()),
                    confidence,
                    reason,
                );
                self.claim(i, i + n);
                break;
            }
        }
    }

    pub(super) fn keywords(&mut self) {
        let mut i = 0;
        while i < self.len() {
            let usable = |r: &Self, k: usize| {
                r.free(k, 1)
                    && !r.is_filler(k)
                    && !in_list(lx::CARRY_NOTHING, r.lower(k))
                    && !in_list(lx::CARRY_NOTHING, &r.tokens[k].folded)
                    && !is_number_with_unit(r.lower(k))
                    && r.tokens[k].folded.len() >= 2
                    && !r.tokens[k]
                        .lower
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '+' || c == '-')
            };
            if !usable(self, i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.len() && self.same_clause(i, j) && usable(self, j) {
                j += 1;
            }
            let mode = match self.modes[i] {
                Mode::Excluded => Mode::Excluded,
                _ => Mode::Optional,
            };
            let text: String = self.text(i, j).chars().take(MAX_VALUE_CHARS).collect();
            self.push(
                (i, j),
                mode,
                Criterion::Keyword(text),
                confidence::KEYWORD,
                "not recognised as anything else: kept as a keyword".into(),
            );
            self.claim(i, j);
            i = j;
        }
    }
}

/// "10mi", "5k", "3yrs", "12months": a number and its unit, already read or
/// meaningless alone (but "3D", "5G" are words).
fn is_number_with_unit(word: &str) -> bool {
    let unit = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '+');
    unit.len() < word.len()
        && matches!(
            unit.trim_end_matches('+'),
            "" | "km"
                | "kms"
                | "mi"
                | "miles"
                | "k"
                | "y"
                | "yr"
                | "yrs"
                | "years"
                | "m"
                | "mo"
                | "mos"
                | "months"
                | "ppl"
                | "h"
                | "hrs"
                | "x"
        )
}
