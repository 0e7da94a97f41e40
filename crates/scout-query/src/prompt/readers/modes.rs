//! Clauses' modes (excluded / optional / required), remote work and
//! freelance: the readers that change how the others' filters apply.

use super::in_list;
use super::Reader;
use crate::filter::Criterion;
use crate::prompt::confidence;
use crate::prompt::lexicon as lx;
use crate::prompt::{Mode, Note, ReadFilter};
use scout_model::FilterType;

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
        // "50+ agents managed", "20-50 agents managed", "a team of 12
        // engineers led", "20 direct reports": the size of a team someone
        // ran, nothing to search
        for i in 0..self.len() {
            let number = self.tokens[i]
                .text
                .trim_end_matches('+')
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '-');
            if !number
                || !self.tokens[i]
                    .text
                    .starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            for n in 2..=3 {
                let k = i + n;
                if k < self.len()
                    && self.free(i, n + 1)
                    && in_list(
                        &["managed", "led", "supervised", "reports", "reporting"],
                        self.lower(k),
                    )
                {
                    self.claim(i, k + 1);
                    break;
                }
            }
        }
        // "supporting engineering orgs of 300+", "to support our commercial
        // team": whom an HR, IT or finance role serves
        for i in 0..self.len() {
            let to_support = i > 0
                && in_list(&["support", "serve", "partner"], self.lower(i))
                && self.lower(i - 1) == "to";
            if !to_support
                && !in_list(
                    &["supporting", "supports", "serving", "serves"],
                    self.lower(i),
                )
            {
                continue;
            }
            if let Some(k) = (i + 1..(i + 4).min(self.len())).find(|&k| {
                self.same_clause(i, k)
                    && in_list(
                        &[
                            "orgs",
                            "org",
                            "organizations",
                            "organisations",
                            "teams",
                            "team",
                            "departments",
                            "functions",
                        ],
                        self.lower(k),
                    )
            }) {
                if self.free(i, k + 1 - i) {
                    self.claim(i, k + 1);
                }
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
        } else if first + 1 < self.len()
            && self.same_clause(first, first + 1)
            && in_list(
                &["sourcing", "hiring", "recruiting", "seeking"],
                self.lower(first),
            )
            && ((self.tokens[first + 1]
                .text
                .chars()
                .all(|c| c.is_uppercase())
                && self.tokens[first + 1].text.len() >= 2)
                // "sourcing 3 civil engineers": how many are wanted
                || self.tokens[first + 1]
                    .text
                    .chars()
                    .all(|c| c.is_ascii_digit()))
        {
            // "sourcing ML engineers", "hiring QA folks": the verb before a
            // field in capitals (not "sourcing specialist", "hiring manager")
            self.claim(first, first + 1);
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
                // "django nice to have", "CREST a bonus": a wish that ends its
                // clause is about what came before it (read below, as a wish
                // after), also when a longer wish after takes it in
                let trailing = (i.saturating_sub(2)..=i).any(|s| {
                    self.longest(s, lx::WISH_AFTER)
                        .is_some_and(|(m, _)| s + m >= end && s + m > i)
                });
                if i + n >= end && (lx::WISH_AFTER.contains(&phrase) || trailing) {
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

/// The filter types a profile holds several of, whose required filters the
/// search ANDs (docs/search.md, "Several filters of one type").
fn set_type(f: &crate::filter::Filter) -> Option<FilterType> {
    let t = crate::prompt::filter_type(f);
    matches!(
        t,
        FilterType::Skill | FilterType::Language | FilterType::CertificationName
    )
    .then_some(t)
}

impl Reader<'_> {
    /// Whether the item starting at byte `start` begins a list: first in
    /// its clause, or right after a word that introduces one (*with, in,
    /// using, speaking…*).
    fn begins_list(&self, start: usize) -> bool {
        let Some(i) = self.tokens.iter().position(|t| t.start == start) else {
            return false;
        };
        i == 0 || !self.same_clause(i - 1, i) || in_list(lx::LIST_OPENERS, self.lower(i - 1))
    }

    /// "Go or Rust", "French or German", "PMP, PRINCE2 or MSP": a choice
    /// between values of a type a profile holds several of. The search
    /// requires every required filter of such a type, so reading each as
    /// required would ask for all of them; they are read as optional instead
    /// (each raises the rank: people with both come first, then those with
    /// either), with a note saying why. A list is a choice when its items are
    /// joined by commas and an *or* word and by no *and*; a level read with a
    /// language (*fluent French or German*) follows its language. Needs
    /// `found` sorted by start.
    pub(super) fn alternatives(&mut self) {
        // the items in prompt order: a language and its level share a span
        let mut items: Vec<(usize, usize)> = Vec::new(); // (first index, last index + 1)
        for k in 0..self.found.len() {
            match items.last_mut() {
                Some((first, end))
                    if self.found[*first].start == self.found[k].start
                        && self.found[*first].end == self.found[k].end =>
                {
                    *end = k + 1;
                }
                _ => items.push((k, k + 1)),
            }
        }
        let kind = |r: &ReadFilter| {
            if r.filter.required {
                set_type(&r.filter)
            } else {
                None
            }
        };
        let mut a = 0;
        while a < items.len() {
            let Some(t) = kind(&self.found[items[a].0]) else {
                a += 1;
                continue;
            };
            // the longest run of items of this type joined by commas and *or*
            let (mut b, mut offered) = (a + 1, false);
            while b < items.len() && kind(&self.found[items[b].0]) == Some(t) {
                let gap =
                    &self.prompt[self.found[items[b - 1].0].end..self.found[items[b].0].start];
                let words: Vec<String> = gap
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                if !words.iter().all(|w| in_list(lx::CHOICE_JOINERS, w)) {
                    break;
                }
                // "distributed systems, Java or Go": a comma alone also parts
                // the facets of a prompt; it lists choices only after a list's
                // cue or at the start of a clause (*Java, Kotlin or Scala devs*)
                if words.is_empty() && b == a + 1 && !self.begins_list(self.found[items[a].0].start)
                {
                    a = b;
                    b += 1;
                    continue;
                }
                offered |= !words.is_empty();
                b += 1;
            }
            if offered && b - a >= 2 {
                let (first, last) = (items[a].0, items[b - 1].1 - 1);
                let (start, end) = (self.found[first].start, self.found[last].end);
                for r in &mut self.found[first..=last] {
                    r.filter.required = false;
                    r.reason.push_str(
                        "; one of several alternatives: optional, since every required filter of this type must match",
                    );
                }
                self.notes.push(Note {
                    start,
                    end,
                    text: self.prompt[start..end].to_owned(),
                    reason: "a choice between values: read as optional filters (people with any of them rank first)".into(),
                });
            }
            a = b;
        }
    }
}
