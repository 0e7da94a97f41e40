//! The readers of a prompt, run in a fixed order over its tokens; each
//! claims the words it reads (see the module documentation of `prompt`).
//!
//! The order is here (`Reader::read`); each group of readers has its own
//! file, and the words they look for are in the lexicon.

mod booleans;
mod education;
mod languages;
mod modes;
mod numbers;
mod organizations;
mod places;
mod sizes;
mod skills;
mod titles;

use super::lexicon as lx;
use super::{Intent, KnownNames, Mode, Note, ReadFilter, Token};
use crate::filter::{Criterion, Filter, YearRange};
use crate::prompt::confidence;
use scout_taxonomy::fold;

/// Where a reader is in the prompt.
pub(super) struct Reader<'a> {
    prompt: &'a str,
    tokens: &'a [Token],
    claimed: Vec<bool>,
    modes: Vec<Mode>,
    found: Vec<ReadFilter>,
    notes: Vec<Note>,
    remote: Option<Note>,
    explicit_years: bool,
    /// A size was read in numbers (size words then only claim their words).
    numeric_size: bool,
    /// A phrase said the current role is new (a number of months then
    /// says how new, not how experienced).
    new_in_role_read: bool,
    seniority_years: Vec<(usize, &'static [&'static str])>,
    /// What the asker's data knows about names no rule read.
    known: &'a dyn KnownNames,
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

fn make_filter(mode: Mode, criterion: Criterion) -> Filter {
    Filter {
        criterion,
        required: mode == Mode::Required,
        excluded: mode == Mode::Excluded,
        exact: false,
    }
}

fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    // "coaches", "boxes", "bosses": the plural adds "es" after a hiss
    if let Some(stem) = word.strip_suffix("es") {
        if ["ch", "sh", "ss", "x"].iter().any(|h| stem.ends_with(h)) {
            return Some(stem.to_owned());
        }
    }
    if word.ends_with("ss") || word.len() < 4 {
        return None;
    }
    word.strip_suffix('s').map(str::to_owned)
}

fn overlapping_ranges(lo: u32, hi: u32) -> Vec<&'static str> {
    YearRange::DOCUMENTED
        .iter()
        .copied()
        .filter(|r| YearRange::parse(r).is_some_and(|y| y.lo < hi && y.hi > lo))
        .collect()
}

impl<'a> Reader<'a> {
    pub(super) fn new(
        prompt: &'a str,
        tokens: &'a [Token],
        known: &'a dyn KnownNames,
    ) -> Reader<'a> {
        Reader {
            prompt,
            tokens,
            claimed: vec![false; tokens.len()],
            modes: vec![Mode::Required; tokens.len()],
            found: Vec::new(),
            notes: Vec::new(),
            remote: None,
            explicit_years: false,
            numeric_size: false,
            new_in_role_read: false,
            seniority_years: Vec::new(),
            known,
        }
    }

    pub(super) fn read(mut self) -> Intent {
        self.modes();
        self.booleans();
        self.remote();
        self.state_codes();
        self.radius();
        self.years();
        self.number_sizes();
        self.sizes();
        self.school_names();
        self.medical_degrees();
        self.employers();
        self.employers_named_before();
        self.employer_backgrounds();
        self.schools();
        self.certifications();
        self.languages();
        self.freelance();
        self.team_leads();
        self.titles();
        self.degrees();
        self.cued_places();
        self.industries();
        self.employers_in_brackets_after_nouns();
        self.skills();
        self.bare_places();
        self.territories();
        self.seniority();
        self.known_employers();
        self.keywords();
        self.finish()
    }

    /// Whether word `i` says whom someone sells to ("selling into banks and
    /// insurers", "sells to CFOs"): a keyword, not the person's own title
    /// or industry.
    fn sold_to(&self, i: usize) -> bool {
        (i.saturating_sub(6)..i).any(|k| {
            self.same_clause(k, i)
                && in_list(&["selling", "sells", "sold", "sell"], self.lower(k))
                && self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "to" | "into"))
        })
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn lower(&self, i: usize) -> &str {
        &self.tokens[i].lower
    }

    fn free(&self, i: usize, n: usize) -> bool {
        i + n <= self.len()
            && n > 0
            && (i..i + n)
                .all(|k| !self.claimed[k] && self.tokens[k].clause == self.tokens[i].clause)
    }

    fn same_clause(&self, i: usize, j: usize) -> bool {
        j < self.len() && self.tokens[i].clause == self.tokens[j].clause
    }

    /// Words `phrase` at `i` (lowercase, also matched accent-free): its length.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        let words: Vec<&str> = phrase.split(' ').collect();
        if i + words.len() > self.len() {
            return None;
        }
        for (k, w) in words.iter().enumerate() {
            let t = &self.tokens[i + k];
            if t.clause != self.tokens[i].clause {
                return None;
            }
            if t.lower != *w && t.folded != fold(w) {
                return None;
            }
        }
        Some(words.len())
    }

    /// The longest phrase of `list` at `i` over free words.
    fn longest<'p>(&self, i: usize, list: &[&'p str]) -> Option<(usize, &'p str)> {
        list.iter()
            .filter_map(|p| self.phrase_at(i, p).map(|n| (n, *p)))
            .filter(|(n, _)| self.free(i, *n))
            .max_by_key(|(n, _)| *n)
    }

    /// A phrase of `list` ending just before `i`: its first index.
    fn phrase_before(&self, i: usize, list: &[&str]) -> Option<usize> {
        list.iter()
            .filter_map(|p| {
                let n = p.split(' ').count();
                let s = i.checked_sub(n)?;
                (self.phrase_at(s, p) == Some(n) && self.free(s, n) && self.same_clause(s, i))
                    .then_some(s)
            })
            .min()
    }

    fn text(&self, i: usize, j: usize) -> &'a str {
        if j <= i {
            return "";
        }
        &self.prompt[self.tokens[i].start..self.tokens[j - 1].end]
    }

    fn claim(&mut self, i: usize, j: usize) {
        for k in i..j.min(self.len()) {
            self.claimed[k] = true;
        }
    }

    fn push(
        &mut self,
        span: (usize, usize),
        mode: Mode,
        criterion: Criterion,
        confidence: f32,
        reason: String,
    ) {
        let (i, j) = span;
        self.found.push(ReadFilter {
            filter: make_filter(mode, criterion),
            start: self.tokens[i].start,
            end: self.tokens[j - 1].end,
            text: self.text(i, j).to_owned(),
            confidence,
            reason,
        });
    }

    fn note(&mut self, i: usize, j: usize, reason: impl Into<String>) {
        self.notes.push(Note {
            start: self.tokens[i].start,
            end: self.tokens[j - 1].end,
            text: self.text(i, j).to_owned(),
            reason: reason.into(),
        });
    }

    /// Whether one of `signs` is written right before word `i` ("< 2 yrs",
    /// "(<10 people)").
    fn sign_before(&self, i: usize, signs: &[char]) -> bool {
        let from = if i == 0 { 0 } else { self.tokens[i - 1].end };
        self.prompt[from..self.tokens[i].start]
            .trim_end()
            .ends_with(signs)
    }

    fn is_filler(&self, i: usize) -> bool {
        // "IT support", "IT manager": written in capitals in a prompt that
        // is not, "IT" is the field, not the pronoun
        if self.tokens[i].text == "IT" && self.prompt.chars().any(|c| c.is_lowercase()) {
            return false;
        }
        in_list(lx::FILLER, self.lower(i))
    }

    fn finish(mut self) -> Intent {
        if !self.explicit_years {
            let pending = std::mem::take(&mut self.seniority_years);
            let mut seen = std::collections::HashSet::new();
            for (i, ranges) in pending {
                for r in ranges {
                    if !seen.insert(*r) {
                        continue;
                    }
                    if let Some(range) = YearRange::parse(r) {
                        self.push(
                            (i, i + 1),
                            Mode::Optional,
                            Criterion::YearsOfExperience(range),
                            confidence::SENIORITY,
                            format!("\"{}\" suggests {} years of experience: optional, it only raises the rank", self.tokens[i].text, ranges.join(" or ")),
                        );
                    }
                }
            }
        }
        if let Some(remote) = &self.remote {
            let remote_end = remote.end;
            let remote_start = remote.start;
            for r in &mut self.found {
                // "UK remote": the place right before says the same
                let just_before =
                    r.end <= remote_start && self.prompt[r.end..remote_start].trim().is_empty();
                // "remote from Portugal", "remote US", "Remote (EU)": where
                // they work from, which stays a requirement
                let between = self.prompt.get(remote_end..r.start).unwrap_or("x");
                let from_there = r.start >= remote_end
                    && between
                        .split(|c: char| c.is_whitespace() || "(-–:".contains(c))
                        .all(|w| {
                            matches!(
                                w.to_lowercase().as_str(),
                                "" | "from"
                                    | "in"
                                    | "within"
                                    | "only"
                                    | "based"
                                    // "remoto desde España", "télétravail depuis la France"
                                    | "desde"
                                    | "depuis"
                                    | "aus"
                                    | "von"
                                    | "da"
                                    | "de"
                                    | "en"
                                    | "la"
                                    | "le"
                            )
                        });
                if (from_there || just_before)
                    && matches!(r.filter.criterion, Criterion::Location { .. })
                {
                    r.reason
                        .push_str("; remote from this place: it stays required");
                    continue;
                }
                if matches!(r.filter.criterion, Criterion::Location { .. }) && r.filter.required {
                    r.filter.required = false;
                    r.reason
                        .push_str("; optional because remote work is accepted");
                }
            }
        }
        // a filter read twice (two words saying the same) is kept once, and
        // so is a place named twice ("Bengaluru/Blr")
        let mut seen: Vec<Filter> = Vec::new();
        let mut places: Vec<(String, String, bool, Option<u64>)> = Vec::new();
        self.found.retain(|r| {
            if seen.contains(&r.filter) {
                return false;
            }
            seen.push(r.filter.clone());
            if let Criterion::Location { place, radius_km } = &r.filter.criterion {
                if let Some(g) = scout_taxonomy::geocode(place) {
                    let key = (
                        g.name.clone(),
                        g.country.clone(),
                        r.filter.required,
                        radius_km.map(|km| km.to_bits()),
                    );
                    if places.contains(&key) {
                        return false;
                    }
                    places.push(key);
                }
            }
            true
        });
        self.found.sort_by_key(|r| r.start);
        self.alternatives();
        self.notes.sort_by_key(|n| n.start);
        Intent {
            prompt: self.prompt.to_owned(),
            filters: self.found,
            remote: self.remote,
            notes: self.notes,
        }
    }
}
