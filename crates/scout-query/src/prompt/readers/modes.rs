//! Clauses' modes (excluded / optional / required), remote work and
//! freelance: the readers that change how the others' filters apply.

use super::in_list;
use super::Reader;
use crate::filter::Criterion;
use crate::prompt::confidence;
use crate::prompt::lexicon as lx;
use crate::prompt::{Mode, Note};

impl<'a> Reader<'a> {
    pub(super) fn clause_end(&self, i: usize) -> usize {
        let c = self.tokens[i].clause;
        (i..self.len())
            .find(|&k| self.tokens[k].clause != c)
            .unwrap_or(self.len())
    }

    /// Where the words a wish after them speaks of begin: back through its
    /// clause to a boundary word (*with, and…*).
    fn wish_start(&self, i: usize) -> usize {
        let c = self.tokens[i].clause;
        let mut s = i;
        while s > 0
            && self.tokens[s - 1].clause == c
            && !in_list(lx::WISH_BOUNDARY, self.lower(s - 1))
        {
            s -= 1;
        }
        s
    }

    /// Words said around a search that ask for nothing: the genders an ad
    /// addresses, a willingness to travel, the asker's own verb.
    fn asides(&mut self) {
        // "(m/w/d)", "(h/f)", "(m/f/d)": the genders a German or French ad
        // addresses, no skill or keyword
        for i in 0..self.len() {
            let t = &self.tokens[i];
            let before = self.prompt[..t.start].trim_end().chars().last();
            let after = self.prompt[t.end..].trim_start().chars().next();
            if t.lower.len() == 1
                && "mwdfhx".contains(t.lower.as_str())
                && matches!(before, Some('(' | '/'))
                && matches!(after, Some('/' | ')'))
            {
                self.claim(i, i + 1);
            }
        }
        // "willing to travel": a working arrangement, nothing to search
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(
                i,
                &[
                    "willing to travel",
                    "able to travel",
                    "open to travel",
                    "ready to travel",
                    "travel required",
                ],
            ) {
                self.claim(i, i + n);
            }
            // "travel 30%": how much, not what
            let share = i + 1 < self.len()
                && self.same_clause(i, i + 1)
                && self.tokens[i + 1].lower.chars().all(|c| c.is_ascii_digit())
                && self.prompt[self.tokens[i + 1].end..].starts_with('%');
            if self.lower(i) == "travel" && share && self.free(i, 2) {
                self.claim(i, i + 2);
            }
        }
        // "sourcing for a Director…", "we're hiring for our…": the asker's
        // own verb at the start carries nothing (sourcing is a skill too)
        let first = (0..self.len())
            .find(|&k| !self.is_filler(k) && !in_list(lx::CARRY_NOTHING, self.lower(k)))
            .unwrap_or(self.len());
        if first + 1 < self.len()
            && self.same_clause(first, first + 1)
            && self.lower(first + 1) == "for"
            && in_list(
                &[
                    "sourcing",
                    "hiring",
                    "recruiting",
                    "searching",
                    "hunting",
                    "headhunting",
                    "scouting",
                ],
                self.lower(first),
            )
        {
            self.claim(first, first + 2);
        }
    }

    pub(super) fn modes(&mut self) {
        self.asides();
        // "german not needed", "degree not required": what precedes in the
        // clause is not asked for at all
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(
                i,
                &[
                    "not needed",
                    "not required",
                    "not necessary",
                    "not mandatory",
                    "not a must",
                    "pas nécessaire",
                    "nicht erforderlich",
                    "no necesario",
                ],
            ) {
                let s = self.wish_start(i);
                self.claim(s, i + n);
                self.note(s, i + n, "not asked for: no filter");
            }
        }
        for i in 0..self.len() {
            if self.claimed[i] || !in_list(lx::EXCLUDE, self.lower(i)) {
                continue;
            }
            let next = self.tokens.get(i + 1).map(|t| t.lower.as_str());
            if matches!(next, Some("less" | "more" | "only" | "later" | "earlier")) {
                continue;
            }
            let end = self.clause_end(i);
            for m in &mut self.modes[i + 1..end] {
                *m = Mode::Excluded;
            }
            // "no one from X", "nobody from X": the words stay free for the
            // employer cue they begin (they are never keywords)
            if !(matches!(self.lower(i), "nobody")
                || (self.lower(i) == "no" && next == Some("one")))
            {
                self.claim(i, i + 1);
            } else {
                self.modes[i] = Mode::Excluded;
                if self.lower(i) == "no" {
                    self.modes[i + 1] = Mode::Excluded;
                }
            }
            self.note(i, i + 1, "what follows is excluded");
        }
        for i in 0..self.len() {
            if let Some((n, phrase)) = self.longest(i, lx::WISH_BEFORE) {
                let end = self.clause_end(i);
                // "django nice to have": a wish that ends its clause is about
                // what came before it (read below, as a wish after)
                if i + n >= end && lx::WISH_AFTER.contains(&phrase) {
                    continue;
                }
                for m in &mut self.modes[i + n..end] {
                    if *m == Mode::Required {
                        *m = Mode::Optional;
                    }
                }
                self.claim(i, i + n);
                self.note(i, i + n, "what follows is a ranking wish: optional filters");
            }
        }
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(i, lx::WISH_AFTER) {
                let s = self.wish_start(i);
                for m in &mut self.modes[s..i] {
                    if *m == Mode::Required {
                        *m = Mode::Optional;
                    }
                }
                self.claim(i, i + n);
                self.note(
                    i,
                    i + n,
                    "what precedes is a ranking wish: optional filters",
                );
            }
        }
    }

    pub(super) fn remote(&mut self) {
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(i, lx::REMOTE) {
                self.claim(i, i + n);
                if self.modes[i] == Mode::Excluded {
                    self.note(i, i + n, "remote work is not wanted");
                } else if self.remote.is_none() {
                    self.remote = Some(Note {
                        start: self.tokens[i].start,
                        end: self.tokens[i + n - 1].end,
                        text: self.text(i, i + n).to_owned(),
                        reason: "remote work is accepted: places become optional".into(),
                    });
                }
            }
        }
    }

    pub(super) fn freelance(&mut self) {
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(i, lx::FREELANCE) {
                let mode = self.modes[i];
                self.push(
                    (i, i + n),
                    mode,
                    Criterion::Freelance,
                    confidence::FREELANCE,
                    "works freelance (SENIORITY Freelance)".into(),
                );
                self.claim(i, i + n);
            }
        }
    }
}
