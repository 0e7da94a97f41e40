//! Spoken languages and the level asked for.

use super::in_list;
use super::Reader;
use crate::filter::Criterion;
use crate::prompt::confidence;
use crate::prompt::lexicon::{LANGUAGE_AFTER, LANGUAGE_PHONES, LEVEL_WORDS, LIST_JOINERS};
use scout_taxonomy::fold;
use scout_taxonomy::languages::canonical_language;
use scout_taxonomy::skills::canonical_skill;

impl<'a> Reader<'a> {
    pub(super) fn language_of(&self, i: usize) -> Option<&'static str> {
        let lower = self.lower(i);
        if let Some((_, l)) = LANGUAGE_PHONES.iter().find(|(w, _)| *w == lower) {
            return canonical_language(l);
        }
        // "bilingual (EN/ES)": language codes, in capitals, right after
        // a word that says several languages follow (in brackets too)
        let text = &self.tokens[i].text;
        if text.len() == 2 && text.chars().all(|c| c.is_ascii_uppercase()) {
            let after_cue = (i.saturating_sub(6)..i).any(|k| {
                !self.prompt[self.tokens[k].end..self.tokens[i].start]
                    .contains([',', ';', '.', ')'])
                    && in_list(
                        &[
                            "bilingual",
                            "trilingual",
                            "multilingual",
                            "languages",
                            "langs",
                        ],
                        self.lower(k),
                    )
            });
            return if after_cue {
                canonical_language(lower)
            } else {
                None
            };
        }
        let word = ["-speaking", "-speaker", "-speakers", "sprachig"]
            .iter()
            .find_map(|s| lower.strip_suffix(s))
            .unwrap_or(lower);
        if fold(word).len() < 4 {
            return None;
        }
        let lang = canonical_language(word)?;
        if canonical_skill(word).is_some() && fold(word) != fold(lang) {
            return None;
        }
        Some(lang)
    }

    pub(super) fn level_at(&self, i: usize) -> Option<(usize, &'static str)> {
        LEVEL_WORDS
            .iter()
            .filter_map(|(w, l)| self.phrase_at(i, w).map(|n| (n, *l)))
            .find(|(n, _)| self.free(i, *n))
    }

    pub(super) fn languages(&mut self) {
        let mut carried: Option<&'static str> = None;
        let mut last_end = usize::MAX;
        // the languages of the list being read that have no level yet
        let mut unleveled: Vec<(usize, usize, &'static str, crate::prompt::Mode)> = Vec::new();
        for i in 0..self.len() {
            if !self.free(i, 1) {
                continue;
            }
            let Some(lang) = self.language_of(i) else {
                continue;
            };
            // "French cuisine", "German law", "Spanish market": the country's
            // thing, not a language spoken
            if i + 1 < self.len()
                && self.same_clause(i, i + 1)
                && in_list(
                    &[
                        "cuisine",
                        "food",
                        "wine",
                        "wines",
                        "pastry",
                        "law",
                        "market",
                        "markets",
                        "companies",
                        "company",
                        "clients",
                        "customers",
                        "subsidiary",
                        "gaap",
                    ],
                    self.lower(i + 1),
                )
            {
                continue;
            }
            let mut start = i;
            // "Swiss German", "Brazilian Portuguese": a variety of the language
            if i > 0
                && self.free(i - 1, 1)
                && self.same_clause(i - 1, i)
                && in_list(
                    &[
                        "swiss",
                        "austrian",
                        "brazilian",
                        "european",
                        "canadian",
                        "mexican",
                        "castilian",
                        "british",
                        "american",
                    ],
                    self.lower(i - 1),
                )
            {
                start = i - 1;
            }
            let mut end = i + 1;
            let mut level = None;
            // "fluent in French", "native French"
            let mut s = i;
            if s > 0
                && self.free(s - 1, 1)
                && self.same_clause(s - 1, i)
                && in_list(&["in", "en", "auf"], self.lower(s - 1))
            {
                s -= 1;
            }
            if s > 0 && self.same_clause(s - 1, i) {
                for n in 1..=2 {
                    if let Some(b) = s.checked_sub(n) {
                        if let Some((ln, l)) = self.level_at(b).filter(|(ln, _)| b + ln == s) {
                            level = Some(l);
                            start = b;
                            let _ = ln;
                            break;
                        }
                    }
                }
            }
            // a list goes on only right after the language before
            let in_list_chain = last_end != usize::MAX && i <= last_end + 1;
            if !in_list_chain {
                unleveled.clear();
            }
            // "French (native)", "English C1", "French speaking"
            let mut level_after = false;
            if level.is_none() && self.same_clause(i, end) {
                if let Some((ln, l)) = self.level_at(end) {
                    level = Some(l);
                    end += ln;
                    level_after = true;
                }
            }
            if end < self.len()
                && self.free(end, 1)
                && self.same_clause(i, end)
                && in_list(LANGUAGE_AFTER, self.lower(end))
            {
                end += 1;
            }
            // "fluent English and French": the level carries over a list
            if level.is_none() && in_list_chain {
                level = carried;
            }
            // "Nederlands en Engels vloeiend", "French and German fluent": a
            // level after a list is said of every language in it
            // (joined by a word: after a comma the level may be this one's only)
            // (Dutch "en" too: between two languages it can only be "and")
            let joined = start > 0
                && (in_list(LIST_JOINERS, self.lower(start - 1)) || self.lower(start - 1) == "en");
            if level_after && joined {
                if let Some(l) = level {
                    for (ps, pe, plang, pmode) in std::mem::take(&mut unleveled) {
                        self.push(
                            (ps, pe),
                            pmode,
                            Criterion::LanguageProficiency {
                                language: Some(plang.to_owned()),
                                level: l,
                            },
                            confidence::LANGUAGE_LEVEL,
                            format!("{plang} at level {l} (said after the list)"),
                        );
                    }
                }
            }
            let mode = self.modes[i];
            self.push(
                (start, end),
                mode,
                Criterion::Language(lang.to_owned()),
                confidence::LANGUAGE,
                format!("language: {lang}"),
            );
            if let Some(l) = level {
                self.push(
                    (start, end),
                    mode,
                    Criterion::LanguageProficiency {
                        language: Some(lang.to_owned()),
                        level: l,
                    },
                    confidence::LANGUAGE_LEVEL,
                    format!("{lang} at level {l}"),
                );
            }
            self.claim(start, end);
            if end < self.len() && in_list(LIST_JOINERS, self.lower(end)) && self.free(end, 1) {
                self.claim(end, end + 1);
            }
            if level.is_none() {
                unleveled.push((start, end, lang, mode));
            }
            carried = level;
            last_end = end;
        }
    }
}
