//! The readers of a prompt, run in a fixed order over its tokens; each
//! claims the words it reads (see the module documentation of `prompt`).

use scout_model::{CompanySize, History};
use scout_taxonomy::industries::canonical_industry;
use scout_taxonomy::languages::canonical_language;
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::titles::{family_of, is_known_title, normalize_title};
use scout_taxonomy::{fold, geocode, GeoKind};

use super::lexicon as lx;
use super::{Intent, Mode, Note, ReadFilter, Token};
use crate::filter::{Criterion, Degree, Filter, YearRange};
use crate::search_request::{MAX_RADIUS_KM, MAX_VALUE_CHARS};

const YEAR_UNITS: &[&str] = &[
    "years", "year", "yrs", "yr", "y", "yoe", "ans", "an", "années", "annees", "años", "anos",
    "año", "jahre", "jahren", "jahr",
];
const AT_LEAST: &[&str] = &[
    "at least",
    "minimum",
    "min",
    "more than",
    "over",
    "au moins",
    "plus de",
    "minimum de",
    "más de",
    "mas de",
    "al menos",
    "mindestens",
    "mehr als",
    "über",
];
const AT_MOST: &[&str] = &[
    "less than",
    "under",
    "up to",
    "at most",
    "max",
    "maximum",
    "moins de",
    "menos de",
    "weniger als",
    "bis zu",
];
const RANGE_JOINERS: &[&str] = &["to", "-", "–", "à", "a", "bis", "and", "et", "y", "und"];
const EXPERIENCE_WORDS: &[&str] = &[
    "of experience",
    "experience",
    "of exp",
    "exp",
    "d'expérience",
    "d'experience",
    "de experiencia",
    "erfahrung",
    "berufserfahrung",
];
const TENURE_WORDS: &[&str] = &[
    "in current role",
    "in the current role",
    "in their current role",
    "in current position",
    "in their current position",
    "in the current position",
    "in current job",
    "in current company",
    "at current company",
    "in role",
    "in the role",
    "in post",
    "tenure",
    "dans le poste actuel",
    "dans leur poste actuel",
    "en el puesto actual",
    "en su puesto actual",
    "in der aktuellen position",
];
const RADIUS_BEFORE: &[&str] = &[
    "within",
    "up to",
    "à moins de",
    "a moins de",
    "a menos de",
    "im umkreis von",
    "innerhalb von",
    "max",
];
const RADIUS_AFTER: &[&str] = &[
    "of", "from", "around", "de", "du", "von", "um", "del", "à", "to", "d'",
];
const KM_UNITS: &[&str] = &[
    "km",
    "kms",
    "kilometers",
    "kilometres",
    "kilometer",
    "kilomètres",
    "kilómetros",
    "kilometern",
];
const MILE_UNITS: &[&str] = &["mi", "mile", "miles", "meilen", "millas"];
const GRADUATION_BEFORE: &[&str] = &[
    "class of",
    "graduated in",
    "graduating in",
    "graduated",
    "graduation year",
    "graduation",
    "promo",
    "promotion",
    "diplômé en",
    "diplome en",
    "egresado en",
    "abschluss",
];
const GRADUATION_AFTER: &[&str] = &["graduate", "graduates", "grad", "grads"];
const ARTICLES: &[&str] = &[
    "a", "an", "the", "un", "une", "una", "einem", "einer", "le", "la",
];
const NAME_CONNECTORS: &[&str] = &["of", "&", "de", "du", "des", "la", "the", "del", "für"];
const LIST_JOINERS: &[&str] = &["or", "and", "ou", "et", "o", "y", "oder", "und", "/", "&"];
const SENIORITY_PREFIX: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "principal",
    "staff",
    "head",
    "chief",
    "associate",
    "mid-level",
    "entry-level",
    "intern",
    "sénior",
    "experienced",
];
const DEV_WORDS: &[&str] = &[
    "developer",
    "engineer",
    "programmer",
    "dev",
    "developers",
    "engineers",
    "programmers",
    "devs",
    "développeur",
    "développeuse",
    "desarrollador",
    "entwickler",
];
/// Domain words that name a kind of engineer, not a technology.
const DOMAIN_WORDS: &[&str] = &[
    "software",
    "backend",
    "back-end",
    "back end",
    "frontend",
    "front-end",
    "front end",
    "full stack",
    "fullstack",
    "full-stack",
    "mobile",
    "web",
    "data",
    "devops",
    "platform",
    "cloud",
    "systems",
    "embedded",
    "ml",
    "machine learning",
    "ai",
    "game",
    "security",
    "qa",
    "test",
    "site reliability",
    "infrastructure",
    "ios",
    "android",
    "network",
    "database",
    "sales",
    "solutions",
    "support",
    "research",
    "mechanical",
    "electrical",
    "civil",
    "chemical",
    "hardware",
    "firmware",
    "blockchain",
];
/// Skill names that are also everyday words: read as skills only when typed
/// as the skill is written (capitalised or in capitals).
const AMBIGUOUS_SKILLS: &[&str] = &[
    "go",
    "r",
    "c",
    "d",
    "less",
    "make",
    "express",
    "spring",
    "swift",
    "rest",
    "chef",
    "puppet",
    "salt",
    "ant",
    "dart",
    "ember",
    "meteor",
    "elm",
    "crystal",
    "pony",
    "io",
    "basic",
    "logo",
    "julia",
    "ruby",
    "rails",
    "unity",
    "access",
    "word",
    "office",
    "excel",
    "sales",
    "design",
    "english",
    "french",
    "spanish",
    "german",
    "lead",
    "leadership",
    "management",
    "senior",
    "junior",
    "remote",
    "agile",
    "support",
    "research",
    "security",
    "cloud",
    "data",
    "web",
    "mobile",
    "testing",
    "writing",
    "teaching",
    "nursing",
    "marketing",
    "finance",
    "operations",
    "strategy",
    "scale",
    "processing",
    "communication",
    "it",
    "hr",
    "seo",
    "pr",
];
const LANGUAGE_PHONES: &[(&str, &str)] = &[
    ("francophone", "french"),
    ("anglophone", "english"),
    ("hispanophone", "spanish"),
    ("hispanohablante", "spanish"),
    ("germanophone", "german"),
    ("lusophone", "portuguese"),
    ("arabophone", "arabic"),
    ("italophone", "italian"),
];
const LANGUAGE_AFTER: &[&str] = &[
    "speaking",
    "speaker",
    "speakers",
    "language",
    "skills",
    "speaking,",
    "parlant",
    "hablante",
    "sprechend",
    "sprachig",
];
const LEVEL_WORDS: &[(&str, &str)] = &[
    ("native", "native_or_bilingual"),
    ("bilingual", "native_or_bilingual"),
    ("mother tongue", "native_or_bilingual"),
    ("natif", "native_or_bilingual"),
    ("native-level", "native_or_bilingual"),
    ("bilingue", "native_or_bilingual"),
    ("nativo", "native_or_bilingual"),
    ("muttersprache", "native_or_bilingual"),
    ("muttersprachler", "native_or_bilingual"),
    ("fluent", "full_professional"),
    ("fluently", "full_professional"),
    ("proficient", "full_professional"),
    ("advanced", "full_professional"),
    ("c1", "full_professional"),
    ("c2", "full_professional"),
    ("courant", "full_professional"),
    ("fluido", "full_professional"),
    ("fließend", "full_professional"),
    ("fliessend", "full_professional"),
    ("verhandlungssicher", "full_professional"),
    ("business", "professional_working"),
    ("professional", "professional_working"),
    ("working", "professional_working"),
    ("b2", "professional_working"),
    ("conversational", "limited_working"),
    ("intermediate", "limited_working"),
    ("b1", "limited_working"),
    ("basic", "elementary"),
    ("a1", "elementary"),
    ("a2", "elementary"),
    ("notions", "elementary"),
];
const KNOWN_SCHOOLS: &[&str] = &[
    "MIT",
    "Stanford",
    "Harvard",
    "INSEAD",
    "HEC",
    "ESSEC",
    "ESCP",
    "EPFL",
    "ETH Zurich",
    "Caltech",
    "Berkeley",
    "Polytechnique",
    "CentraleSupélec",
    "Sciences Po",
    "Oxbridge",
    "LSE",
    "IIT",
    "Wharton",
    "Columbia",
    "Princeton",
    "Yale",
];

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
    seniority_years: Vec<(usize, &'static [&'static str])>,
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
    pub(super) fn new(prompt: &'a str, tokens: &'a [Token]) -> Reader<'a> {
        Reader {
            prompt,
            tokens,
            claimed: vec![false; tokens.len()],
            modes: vec![Mode::Required; tokens.len()],
            found: Vec::new(),
            notes: Vec::new(),
            remote: None,
            explicit_years: false,
            seniority_years: Vec::new(),
        }
    }

    pub(super) fn read(mut self) -> Intent {
        self.modes();
        self.remote();
        self.radius();
        self.years();
        self.sizes();
        self.employers();
        self.schools();
        self.certifications();
        self.languages();
        self.freelance();
        self.titles();
        self.degrees();
        self.cued_places();
        self.industries();
        self.skills();
        self.bare_places();
        self.seniority();
        self.keywords();
        self.finish()
    }

    // ---- helpers -------------------------------------------------------

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

    fn is_filler(&self, i: usize) -> bool {
        in_list(lx::FILLER, self.lower(i))
    }

    // ---- modes ---------------------------------------------------------

    fn clause_end(&self, i: usize) -> usize {
        let c = self.tokens[i].clause;
        (i..self.len())
            .find(|&k| self.tokens[k].clause != c)
            .unwrap_or(self.len())
    }

    fn modes(&mut self) {
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
            self.claim(i, i + 1);
            self.note(i, i + 1, "what follows is excluded");
        }
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(i, lx::WISH_BEFORE) {
                let end = self.clause_end(i);
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
                let c = self.tokens[i].clause;
                let mut s = i;
                while s > 0
                    && self.tokens[s - 1].clause == c
                    && !in_list(lx::WISH_BOUNDARY, self.lower(s - 1))
                {
                    s -= 1;
                }
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

    // ---- readers -------------------------------------------------------

    fn remote(&mut self) {
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

    /// A place of up to four free words starting at `i`: (end, match).
    fn place_at(
        &self,
        i: usize,
        capitalized_only: bool,
    ) -> Option<(usize, scout_taxonomy::GeoMatch)> {
        for n in (1..=4).rev() {
            let filler_edge = |k: usize| self.is_filler(k) && !self.tokens[k].capitalized();
            if !self.free(i, n) || filler_edge(i) || filler_edge(i + n - 1) {
                continue;
            }
            if capitalized_only && !(i..i + n).all(|k| self.tokens[k].capitalized()) {
                continue;
            }
            let text = self.text(i, i + n);
            if text.chars().count() < 3 {
                continue;
            }
            if let Some(g) = geocode(text) {
                return Some((i + n, g));
            }
        }
        None
    }

    fn number_unit(&self, i: usize) -> Option<(f64, usize)> {
        let lower = self.lower(i);
        let digits: String = lower
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let value: f64 = digits.parse().ok()?;
        let suffix = &lower[digits.len()..];
        let (unit, next) = if suffix.is_empty() {
            if !self.same_clause(i, i + 1) {
                return None;
            }
            (self.lower(i + 1), i + 2)
        } else {
            (suffix, i + 1)
        };
        if in_list(KM_UNITS, unit) {
            Some((value, next))
        } else if in_list(MILE_UNITS, unit) {
            Some((value * 1.609_344, next))
        } else {
            None
        }
    }

    fn radius(&mut self) {
        for i in 0..self.len() {
            if self.claimed[i] {
                continue;
            }
            let Some((km, mut k)) = self.number_unit(i) else {
                continue;
            };
            let start = self.phrase_before(i, RADIUS_BEFORE).unwrap_or(i);
            while k < self.len() && self.same_clause(i, k) && in_list(RADIUS_AFTER, self.lower(k)) {
                k += 1;
            }
            if k >= self.len() || !self.same_clause(i, k) {
                continue;
            }
            let Some((end, place)) = self.place_at(k, false) else {
                continue;
            };
            let km = km.clamp(0.0, MAX_RADIUS_KM).round();
            let mode = self.modes[k];
            let text = self.text(k, end).to_owned();
            self.push(
                (start, end),
                mode,
                Criterion::Location {
                    place: text.clone(),
                    radius_km: (place.kind == GeoKind::City).then_some(km),
                },
                0.95,
                format!(
                    "place with a radius: {km} km around {} ({})",
                    place.name,
                    place.kind.as_str()
                ),
            );
            self.claim(start, end);
        }
    }

    fn years(&mut self) {
        for i in 0..self.len() {
            if self.claimed[i] {
                continue;
            }
            if self.graduation_year(i) {
                continue;
            }
            self.experience_years(i);
        }
    }

    fn graduation_year(&mut self, i: usize) -> bool {
        let lower = self.lower(i);
        let Ok(year) = lower.parse::<u16>() else {
            return false;
        };
        if lower.len() != 4 || !(1950..=2035).contains(&year) {
            return false;
        }
        let before = self.phrase_before(i, GRADUATION_BEFORE);
        let after = i + 1 < self.len()
            && self.free(i + 1, 1)
            && GRADUATION_AFTER.contains(&self.lower(i + 1));
        let (start, end) = match (before, after) {
            (Some(s), _) => (s, i + 1),
            (None, true) => (i, i + 2),
            (None, false) => return false,
        };
        let mode = self.modes[i];
        self.push(
            (start, end),
            mode,
            Criterion::GraduationYear(year),
            0.9,
            format!("graduation year {year}"),
        );
        self.claim(start, end);
        true
    }

    /// `5`, `5+`, `3-5`, `5y`, `10+yrs` → (lo, hi or none, plus, inline unit).
    fn number_token(word: &str) -> Option<(u32, Option<u32>, bool, bool)> {
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || digits.len() > 2 {
            return None;
        }
        let lo: u32 = digits.parse().ok()?;
        let mut rest = &word[digits.len()..];
        let mut hi = None;
        if let Some(r) = rest.strip_prefix('-') {
            let d2: String = r.chars().take_while(char::is_ascii_digit).collect();
            if d2.is_empty() {
                return None;
            }
            hi = Some(d2.parse().ok()?);
            rest = &r[d2.len()..];
        }
        let plus = rest.starts_with('+');
        let rest = rest.trim_start_matches('+');
        let rest = rest.trim_end_matches('+');
        if rest.is_empty() {
            Some((lo, hi, plus || word.ends_with('+'), false))
        } else if in_list(YEAR_UNITS, rest) {
            Some((lo, hi, plus || word.ends_with('+'), true))
        } else {
            None
        }
    }

    fn experience_years(&mut self, i: usize) {
        let Some((lo, mut hi, mut plus, inline)) = Self::number_token(self.lower(i)) else {
            return;
        };
        let mut k = i + 1;
        if hi.is_none() && !inline {
            // "3 to 5 years", "3 - 5 years", "5 + years"
            if self.same_clause(i, k) && self.lower(k) == "+" {
                plus = true;
                k += 1;
            } else if self.same_clause(i, k + 1) && in_list(RANGE_JOINERS, self.lower(k)) {
                if let Some((h, None, p, _)) = Self::number_token(self.lower(k + 1)) {
                    hi = Some(h);
                    plus |= p;
                    k += 2;
                }
            }
        }
        if !inline {
            if !self.same_clause(i, k) || !in_list(YEAR_UNITS, self.lower(k).trim_end_matches('+'))
            {
                return;
            }
            plus |= self.lower(k).ends_with('+');
            k += 1;
        }
        if self.same_clause(i, k) && self.lower(k) == "+" {
            plus = true;
            k += 1;
        }
        if !self.free(i, k - i) {
            return;
        }
        let mut start = i;
        let mut at_most = false;
        if let Some(s) = self.phrase_before(i, AT_LEAST) {
            start = s;
            plus = true;
        } else if let Some(s) = self.phrase_before(i, AT_MOST) {
            start = s;
            at_most = true;
        } else if let Some(s) = self.phrase_before(i, &["between", "entre", "zwischen"]) {
            start = s;
        }
        if k < self.len() && self.same_clause(i, k) {
            if let Some((n, _)) = self.longest(k, EXPERIENCE_WORDS) {
                k += n;
            }
        }
        let mut tenure = false;
        if k < self.len() && self.same_clause(i, k) {
            if let Some((n, _)) = self.longest(k, TENURE_WORDS) {
                k += n;
                tenure = true;
            }
        }
        if let Some(s) = self.phrase_before(start, TENURE_WORDS) {
            start = s;
            tenure = true;
        }
        let (lo, hi, said) = match (hi, plus, at_most) {
            (Some(h), _, _) if h > lo => (lo, h, format!("{lo} to {h} years")),
            (_, _, true) => (0, lo.max(1), format!("less than {lo} years")),
            _ => (lo, 100, format!("{lo} years or more")),
        };
        let ranges = overlapping_ranges(lo, hi);
        if ranges.is_empty() {
            return;
        }
        let mode = self.modes[i];
        let what = if tenure {
            "time in the current role"
        } else {
            "years of experience"
        };
        for r in &ranges {
            let Some(range) = YearRange::parse(r) else {
                continue;
            };
            let criterion = if tenure {
                Criterion::DurationInJob(range)
            } else {
                Criterion::YearsOfExperience(range)
            };
            self.push(
                (start, k),
                mode,
                criterion,
                0.95,
                format!(
                    "{what}: {said}, as the documented ranges {}",
                    ranges.join(", ")
                ),
            );
        }
        if !tenure {
            self.explicit_years = true;
        }
        self.claim(start, k);
    }

    fn sizes(&mut self) {
        for i in 0..self.len() {
            let (n, bands, mut history, word) = if let Some((n, w)) = self.longest(
                i,
                &lx::SIZE_WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>(),
            ) {
                let bands = lx::SIZE_WORDS
                    .iter()
                    .find(|(x, _)| *x == w)
                    .map(|(_, b)| *b);
                (n, bands, History::CurrentOrPast, w.to_owned())
            } else if let Some(rest) = self
                .lower(i)
                .strip_prefix("ex-")
                .filter(|_| self.free(i, 1))
            {
                let bands = lx::SIZE_WORDS
                    .iter()
                    .find(|(x, _)| *x == rest)
                    .map(|(_, b)| *b);
                (1, bands, History::Past, rest.to_owned())
            } else {
                continue;
            };
            let Some(bands) = bands else { continue };
            let mut start = i;
            if start > 0 && self.free(start - 1, 1) && in_list(ARTICLES, self.lower(start - 1)) {
                start -= 1;
            }
            if let Some(s) = self.phrase_before(
                start,
                &[
                    "ex",
                    "former",
                    "formerly at",
                    "previously at",
                    "formerly",
                    "ancien de",
                ],
            ) {
                start = s;
                history = History::Past;
            } else if let Some(s) = self.phrase_before(
                start,
                &[
                    "at",
                    "currently at",
                    "working at",
                    "works at",
                    "chez",
                    "bei",
                    "in",
                ],
            ) {
                start = s;
                history = History::Current;
            }
            let mut end = i + n;
            if end < self.len()
                && self.free(end, 1)
                && in_list(lx::INDUSTRY_CUES_AFTER, self.lower(end))
            {
                end += 1;
            }
            let mode = self.modes[i];
            let names: Vec<&str> = bands.iter().map(|b: &CompanySize| b.as_str()).collect();
            for size in bands {
                self.push(
                    (start, end),
                    mode,
                    Criterion::CompanySize {
                        size: *size,
                        history,
                    },
                    0.85,
                    format!(
                        "company size: \"{word}\" reads as {} employees",
                        names.join(", ")
                    ),
                );
            }
            self.claim(start, end);
        }
    }

    fn group_at(&self, i: usize) -> Option<(usize, &'static [&'static str], &'static str)> {
        lx::EMPLOYER_GROUPS
            .iter()
            .filter_map(|(k, names)| self.phrase_at(i, k).map(|n| (n, *names, *k)))
            .find(|(n, _, _)| self.free(i, *n))
    }

    /// A name of free words from `i`: capitalised words joined by connectors
    /// ("Bank of America"); a lowercase single word when `lenient`.
    fn name_run(&self, i: usize, lenient: bool) -> Option<usize> {
        if i >= self.len() || !self.free(i, 1) || self.is_filler(i) {
            return None;
        }
        if !self.tokens[i].capitalized() {
            return (lenient && !self.tokens[i].lower.chars().all(|c| c.is_ascii_digit()))
                .then_some(i + 1);
        }
        let mut j = i + 1;
        while j < self.len() && j - i < 5 && self.free(j, 1) && self.same_clause(i, j) {
            if self.tokens[j].capitalized() {
                j += 1;
            } else if in_list(NAME_CONNECTORS, self.lower(j))
                && j + 1 < self.len()
                && self.free(j + 1, 1)
                && self.same_clause(i, j + 1)
                && self.tokens[j + 1].capitalized()
            {
                j += 2;
            } else {
                break;
            }
        }
        Some(j)
    }

    fn push_employer(&mut self, span: (usize, usize), name: &str, history: History, reason: &str) {
        let mode = self.modes[span.0.max(span.1 - 1)];
        let value: String = name.chars().take(MAX_VALUE_CHARS).collect();
        self.push(
            span,
            mode,
            Criterion::CompanyName {
                name: value,
                history,
            },
            0.9,
            reason.to_owned(),
        );
    }

    fn employers(&mut self) {
        for i in 0..self.len() {
            if !self.free(i, 1) {
                continue;
            }
            // "ex-Google", "ex-FAANG"
            if let Some(rest) = self.tokens[i]
                .text
                .get(3..)
                .filter(|_| self.lower(i).starts_with("ex-"))
            {
                let rest = rest.to_owned();
                if let Some((_, names)) = lx::EMPLOYER_GROUPS
                    .iter()
                    .find(|(k, _)| *k == rest.to_lowercase())
                {
                    for name in *names {
                        self.push_employer(
                            (i, i + 1),
                            name,
                            History::Past,
                            "past employer (a group of employers)",
                        );
                    }
                    self.claim(i, i + 1);
                    continue;
                }
                let mut end = i + 1;
                if rest.chars().next().is_some_and(char::is_uppercase) {
                    while end < self.len()
                        && self.free(end, 1)
                        && self.same_clause(i, end)
                        && self.tokens[end].capitalized()
                        && end - i < 4
                    {
                        end += 1;
                    }
                }
                let name = format!(
                    "{rest}{}",
                    if end > i + 1 {
                        &self.prompt[self.tokens[i].end..self.tokens[end - 1].end]
                    } else {
                        ""
                    }
                );
                self.push_employer((i, end), &name, History::Past, "past employer (\"ex-\")");
                self.claim(i, end);
                continue;
            }
            let cue = [
                (lx::PAST_EMPLOYER_CUES, History::Past),
                (lx::CURRENT_EMPLOYER_CUES, History::Current),
                (lx::ANY_EMPLOYER_CUES, History::CurrentOrPast),
            ]
            .into_iter()
            .filter_map(|(list, h)| self.longest(i, list).map(|(n, p)| (n, p, h)))
            .max_by_key(|(n, _, _)| *n);
            if let Some((n, phrase, history)) = cue {
                let lenient = phrase.contains(' ') || matches!(phrase, "chez" | "bei");
                let mut k = i + n;
                if let Some((gn, names, key)) = (k < self.len()).then(|| self.group_at(k)).flatten()
                {
                    for name in names {
                        self.push_employer(
                            (i, k + gn),
                            name,
                            history,
                            &format!("employer group \"{key}\""),
                        );
                    }
                    self.claim(i, k + gn);
                    continue;
                }
                let Some(mut end) = self.name_run(k, lenient) else {
                    continue;
                };
                let reason = match history {
                    History::Past => "past employer",
                    History::Current => "current employer",
                    History::CurrentOrPast => "employer, current or past",
                };
                let start = i;
                loop {
                    let name = self.text(k, end).to_owned();
                    self.push_employer((start, end), &name, history, reason);
                    self.claim(start, end);
                    // "at Google or Meta"
                    if end + 1 < self.len()
                        && self.same_clause(i, end + 1)
                        && in_list(LIST_JOINERS, self.lower(end))
                        && self.tokens[end + 1].capitalized()
                    {
                        if let Some(e2) = self.name_run(end + 1, false) {
                            self.claim(end, end + 1);
                            k = end + 1;
                            end = e2;
                            continue;
                        }
                    }
                    break;
                }
                continue;
            }
            if let Some((gn, names, key)) = self.group_at(i) {
                for name in names {
                    self.push_employer(
                        (i, i + gn),
                        name,
                        History::CurrentOrPast,
                        &format!("employer group \"{key}\""),
                    );
                }
                self.claim(i, i + gn);
            }
        }
    }

    fn school_word(&self, i: usize) -> bool {
        let f = fold(&self.tokens[i].text);
        lx::SCHOOL_WORDS.iter().any(|w| fold(w) == f)
    }

    fn schools(&mut self) {
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(i, lx::SCHOOL_CUES) {
                let k = i + n;
                if let Some(end) = self.name_run(k, true) {
                    let name = self.text(k, end).to_owned();
                    let mode = self.modes[k];
                    self.push(
                        (i, end),
                        mode,
                        Criterion::EducationSchoolName(name),
                        0.9,
                        "school, after a cue".into(),
                    );
                    self.claim(i, end);
                }
            }
        }
        for i in 0..self.len() {
            if !self.free(i, 1) || !self.tokens[i].capitalized() {
                continue;
            }
            if let Some(end) = self.name_run(i, false) {
                if (i..end).any(|k| self.school_word(k)) {
                    let name = self.text(i, end).to_owned();
                    let mode = self.modes[i];
                    self.push(
                        (i, end),
                        mode,
                        Criterion::EducationSchoolName(name),
                        0.85,
                        "school (its name says so)".into(),
                    );
                    self.claim(i, end);
                    continue;
                }
            }
            if let Some((n, name)) = KNOWN_SCHOOLS
                .iter()
                .filter_map(|s| self.phrase_at(i, &s.to_lowercase()).map(|n| (n, *s)))
                .find(|(n, _)| self.free(i, *n))
            {
                let mode = self.modes[i];
                let mut end = i + n;
                if end < self.len()
                    && self.free(end, 1)
                    && in_list(
                        &["graduate", "graduates", "alumni", "alum", "alumnus"],
                        self.lower(end),
                    )
                {
                    end += 1;
                }
                self.push(
                    (i, end),
                    mode,
                    Criterion::EducationSchoolName(name.to_owned()),
                    0.8,
                    "a well-known school".into(),
                );
                self.claim(i, end);
            }
        }
    }

    fn certifications(&mut self) {
        for i in 0..self.len() {
            if let Some((n, name)) = lx::CERTIFICATIONS
                .iter()
                .filter_map(|c| self.phrase_at(i, &c.to_lowercase()).map(|n| (n, *c)))
                .filter(|(n, _)| self.free(i, *n))
                .max_by_key(|(n, _)| *n)
            {
                let upper_typed = self.text(i, i + n).chars().any(char::is_uppercase);
                if !upper_typed {
                    continue;
                }
                let mut end = i + n;
                if end < self.len()
                    && self.free(end, 1)
                    && in_list(lx::CERTIFICATION_WORDS, self.lower(end))
                {
                    end += 1;
                }
                let mode = self.modes[i];
                self.push(
                    (i, end),
                    mode,
                    Criterion::CertificationName(name.to_owned()),
                    0.9,
                    "a known certification".into(),
                );
                self.claim(i, end);
            }
        }
        for i in 0..self.len() {
            if !self.free(i, 1) || !in_list(lx::CERTIFICATION_WORDS, self.lower(i)) {
                continue;
            }
            // "AWS Certified Solutions Architect", "Scrum certification"
            let mut s = i;
            while s > 0
                && i - s < 3
                && self.free(s - 1, 1)
                && self.same_clause(s - 1, i)
                && !self.is_filler(s - 1)
            {
                s -= 1;
            }
            let mut e = i + 1;
            if self.lower(i) == "certified" {
                while e < self.len()
                    && e - i < 4
                    && self.free(e, 1)
                    && self.same_clause(i, e)
                    && self.tokens[e].capitalized()
                {
                    e += 1;
                }
            }
            if s == i && e == i + 1 {
                continue;
            }
            let name = if self.lower(i) == "certified" && e > i + 1 {
                self.text(s, e)
            } else {
                self.text(s, i)
            };
            let name: String = name.chars().take(MAX_VALUE_CHARS).collect();
            let mode = self.modes[s];
            self.push(
                (s, e),
                mode,
                Criterion::CertificationName(name),
                0.8,
                "a certification, by the word \"certified\"/\"certification\"".into(),
            );
            self.claim(s, e);
        }
    }

    fn language_of(&self, i: usize) -> Option<&'static str> {
        let lower = self.lower(i);
        if let Some((_, l)) = LANGUAGE_PHONES.iter().find(|(w, _)| *w == lower) {
            return canonical_language(l);
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

    fn level_at(&self, i: usize) -> Option<(usize, &'static str)> {
        LEVEL_WORDS
            .iter()
            .filter_map(|(w, l)| self.phrase_at(i, w).map(|n| (n, *l)))
            .find(|(n, _)| self.free(i, *n))
    }

    fn languages(&mut self) {
        let mut carried: Option<&'static str> = None;
        let mut last_end = usize::MAX;
        for i in 0..self.len() {
            if !self.free(i, 1) {
                continue;
            }
            let Some(lang) = self.language_of(i) else {
                continue;
            };
            let mut start = i;
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
            // "French (native)", "English C1", "French speaking"
            if level.is_none() && self.same_clause(i, end) {
                if let Some((ln, l)) = self.level_at(end) {
                    level = Some(l);
                    end += ln;
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
            if level.is_none() && last_end != usize::MAX && i <= last_end + 1 {
                level = carried;
            }
            let mode = self.modes[i];
            self.push(
                (start, end),
                mode,
                Criterion::Language(lang.to_owned()),
                0.9,
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
                    0.85,
                    format!("{lang} at level {l}"),
                );
            }
            self.claim(start, end);
            if end < self.len() && in_list(LIST_JOINERS, self.lower(end)) && self.free(end, 1) {
                self.claim(end, end + 1);
            }
            carried = level;
            last_end = end;
        }
    }

    fn freelance(&mut self) {
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(i, lx::FREELANCE) {
                let mode = self.modes[i];
                self.push(
                    (i, i + n),
                    mode,
                    Criterion::Freelance,
                    0.9,
                    "works freelance (SENIORITY Freelance)".into(),
                );
                self.claim(i, i + n);
            }
        }
    }

    /// Whether `phrase` (of `n` words) names a job title, and how sure that is.
    fn title_confidence(&self, phrase: &str, n: usize) -> Option<f32> {
        let folded = fold(phrase);
        let normalized = normalize_title(phrase);
        if n > 1 {
            if family_of(phrase).is_some() {
                return Some(0.9);
            }
            if is_known_title(phrase) || (normalized != folded && is_known_title(&normalized)) {
                return Some(0.8);
            }
            let words: Vec<&str> = phrase.split(' ').collect();
            let n = words.len();
            // "head of marketing", "vp of engineering": a title, "of", a field
            if n == 3
                && words[1] == "of"
                && !in_list(lx::FILLER, words[2])
                && self.title_confidence(words[0], 1).is_some()
            {
                return Some(0.75);
            }
            // "cybersecurity analyst", "blockchain developer": a field, then a role
            if n == 2
                && in_list(lx::COMMON_ROLES, words[1])
                && !in_list(lx::FILLER, words[0])
                && !lx::DEGREES.iter().any(|(d, _)| *d == words[0])
                && !words[0].chars().any(|c| c.is_ascii_digit())
                && (canonical_skill(words[0]).is_none() || in_list(DOMAIN_WORDS, words[0]))
                && geocode(words[0]).is_none()
                && canonical_language(words[0]).is_none()
            {
                return Some(0.7);
            }
            return None;
        }
        if canonical_skill(phrase).is_some()
            || in_list(lx::FILLER, &folded)
            || canonical_language(phrase).is_some()
        {
            return None;
        }
        if normalized != folded
            && !in_list(SENIORITY_PREFIX, &folded)
            && (is_known_title(&normalized) || family_of(&normalized).is_some())
        {
            return Some(0.85);
        }
        if in_list(lx::COMMON_ROLES, &folded) {
            return Some(0.75);
        }
        (family_of(phrase).is_some() && is_known_title(phrase)).then_some(0.75)
    }

    /// "développeur backend", "ingeniero de datos", "Frontend Entwickler": the
    /// English title, its confidence and the span's end.
    fn foreign_title(&self, i: usize) -> Option<(usize, usize, String)> {
        let heads: Vec<&str> = lx::FOREIGN_HEADS.iter().map(|(w, _)| *w).collect();
        let modifiers: Vec<&str> = lx::FOREIGN_MODIFIERS.iter().map(|(w, _)| *w).collect();
        let english = |list: &[(&str, &'static str)], w: &str| {
            list.iter().find(|(x, _)| *x == w).map(|(_, e)| *e)
        };
        // German order: modifier, head
        if let Some((mn, m)) = self.longest(i, &modifiers) {
            if let Some((hn, h)) = self.longest(i + mn, &heads) {
                let head = english(lx::FOREIGN_HEADS, h)?;
                let modifier = english(lx::FOREIGN_MODIFIERS, m)?;
                if head != "designer" && head != "consultant" {
                    return Some((i, i + mn + hn, format!("{modifier} {head}")));
                }
            }
        }
        let (hn, h) = self.longest(i, &heads)?;
        let head = english(lx::FOREIGN_HEADS, h)?;
        let mut k = i + hn;
        if k < self.len()
            && self.free(k, 1)
            && in_list(&["de", "des", "en", "del", "d'"], self.lower(k))
        {
            k += 1;
        }
        if let Some((mn, m)) = (k < self.len())
            .then(|| self.longest(k, &modifiers))
            .flatten()
        {
            let modifier = english(lx::FOREIGN_MODIFIERS, m)?;
            return Some((i, k + mn, format!("{modifier} {head}")));
        }
        if matches!(head, "designer" | "consultant") {
            return None;
        }
        Some((i, i + hn, head.to_owned()))
    }

    fn titles(&mut self) {
        let mut cursor = 0;
        while cursor < self.len() {
            let i = cursor;
            if !self.free(i, 1) {
                cursor += 1;
                continue;
            }
            if let Some((s, e, english)) = self.foreign_title(i) {
                let mode = self.modes[s];
                let typed = self.text(s, e).to_owned();
                self.push(
                    (s, e),
                    mode,
                    Criterion::JobTitle {
                        title: english.clone(),
                        history: History::Current,
                    },
                    0.8,
                    format!("job title \"{typed}\" read as {english}"),
                );
                self.claim(s, e);
                cursor = e;
                continue;
            }
            let mut hit = None;
            for n in (1..=6).rev() {
                if !self.free(i, n) || self.is_filler(i + n - 1) || (n == 1 && self.is_filler(i)) {
                    continue;
                }
                let typed = self.text(i, i + n).to_lowercase();
                let last = &self.tokens[i + n - 1].lower;
                let singular_form = singular(last).map(|s| {
                    let head = &self.prompt[self.tokens[i].start..self.tokens[i + n - 1].start];
                    format!("{}{s}", head.to_lowercase())
                });
                // the plural read as its singular when that is the better
                // known title ("registered nurses" → registered nurse), the
                // words as typed otherwise ("head of sales")
                let as_typed = self.title_confidence(&typed, n);
                let as_singular = singular_form
                    .as_ref()
                    .and_then(|s| self.title_confidence(s, n));
                match (as_typed, as_singular, singular_form) {
                    (t, Some(c), Some(s)) if t.is_none_or(|t| c > t) => {
                        hit = Some((n, s, c));
                        break;
                    }
                    (Some(c), _, _) => {
                        hit = Some((n, typed, c));
                        break;
                    }
                    _ => {}
                }
            }
            let Some((n, value, confidence)) = hit else {
                cursor += 1;
                continue;
            };
            let first = i;
            let (mut i, mut value) = (i, value);
            // "Golang developer": the skill before a bare developer/engineer
            if n == 1
                && in_list(DEV_WORDS, &value)
                && i > 0
                && self.free(i - 1, 1)
                && self.same_clause(i - 1, i)
            {
                let prev = &self.tokens[i - 1];
                if canonical_skill(&prev.text).is_some() && !in_list(DOMAIN_WORDS, &prev.lower) {
                    value = format!("{} {value}", prev.lower);
                    i -= 1;
                }
            }
            let n = if value.contains(' ') && n == 1 { 2 } else { n };
            let mut start = i;
            while start > 0
                && self.free(start - 1, 1)
                && self.same_clause(start - 1, i)
                && in_list(SENIORITY_PREFIX, self.lower(start - 1))
            {
                start -= 1;
            }
            let end = i + n;
            let prefix = self.text(start, i).to_lowercase();
            let mut words: Vec<&str> = value.split(' ').collect();
            // seniority words already inside the matched title
            let lead: Vec<&str> = words
                .iter()
                .copied()
                .take_while(|w| in_list(SENIORITY_PREFIX, w))
                .collect();
            words.drain(..lead.len());
            let seniority: Vec<String> = prefix
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .chain(lead.iter().map(|w| (*w).to_owned()))
                .collect();
            let mode = self.modes[i];
            let history = match self.phrase_before(
                start,
                &[
                    "former",
                    "formerly",
                    "previously",
                    "ex",
                    "ancien",
                    "ehemaliger",
                ],
            ) {
                Some(_) => History::Past,
                None => History::Current,
            };
            // "Java developer" → SKILL Java + a software developer title
            let core = words.join(" ");
            let split = words.len() >= 2
                && in_list(DEV_WORDS, words[words.len() - 1])
                && !in_list(DOMAIN_WORDS, &words[..words.len() - 1].join(" "))
                && canonical_skill(&words[..words.len() - 1].join(" ")).is_some();
            let title_value = if split {
                let skill =
                    canonical_skill(&words[..words.len() - 1].join(" ")).unwrap_or_default();
                let generic = if words[words.len() - 1].starts_with("engineer") {
                    "software engineer"
                } else {
                    "software developer"
                };
                self.push(
                    (i, end - 1),
                    mode,
                    Criterion::Skill(skill.to_owned()),
                    0.85,
                    format!("skill named in the title: {skill}"),
                );
                let mut v = seniority.clone();
                v.push(generic.to_owned());
                v.join(" ")
            } else {
                let mut v = seniority.clone();
                v.push(core.clone());
                v.join(" ")
            };
            let title_value: String = title_value.chars().take(MAX_VALUE_CHARS).collect();
            let reason = if split {
                format!("job title: a {} using the skill it names", title_value)
            } else if family_of(&core).is_some() {
                format!(
                    "job title (career family of \"{}\")",
                    family_of(&core).map_or("", |f| f.title.as_str())
                )
            } else {
                "job title (known title)".to_owned()
            };
            self.push(
                (start, end),
                mode,
                Criterion::JobTitle {
                    title: title_value,
                    history,
                },
                confidence,
                reason,
            );
            if let Some(first) = seniority.first() {
                if let Some((_, ranges)) = lx::SENIORITY_YEARS
                    .iter()
                    .find(|(w, _)| fold(w) == fold(first))
                {
                    if mode != Mode::Excluded {
                        self.seniority_years.push((start, ranges));
                    }
                }
            }
            self.claim(start, end);
            cursor = end.max(first + 1);
        }
    }

    fn degrees(&mut self) {
        for i in 0..self.len() {
            let (n, value, confidence) = if let Some((n, w)) =
                self.longest(i, &lx::DEGREES.iter().map(|(w, _)| *w).collect::<Vec<_>>())
            {
                let v = lx::DEGREES
                    .iter()
                    .find(|(x, _)| *x == w)
                    .map_or("bachelors", |(_, v)| *v);
                (n, v, 0.9)
            } else if self.free(i, 1)
                && in_list(
                    &[
                        "degree",
                        "diplôme",
                        "diplome",
                        "título",
                        "titulo",
                        "abschluss",
                        "studium",
                    ],
                    self.lower(i),
                )
            {
                (1, "bachelors", 0.6)
            } else {
                continue;
            };
            let Some(degree) = Degree::parse(value) else {
                continue;
            };
            let mut end = i + n;
            if end < self.len()
                && self.free(end, 1)
                && in_list(&["degree", "diplôme", "holder"], self.lower(end))
            {
                end += 1;
            }
            let mode = self.modes[i];
            self.push(
                (i, end),
                mode,
                Criterion::EducationDegree(degree),
                confidence,
                format!("degree: {value}"),
            );
            self.claim(i, end);
        }
    }

    fn acceptable_place(&self, i: usize, end: usize, place: &scout_taxonomy::GeoMatch) -> bool {
        let text = self.text(i, end);
        let ambiguous = canonical_skill(text).is_some()
            || is_known_title(text)
            || canonical_industry(text).is_some()
            || canonical_language(text).is_some();
        !ambiguous || (self.tokens[i].capitalized() && place.population >= 500_000)
    }

    fn cued_places(&mut self) {
        let mut i = 0;
        while i < self.len() {
            let Some((n, cue)) = self.longest(i, lx::PLACE_CUES) else {
                i += 1;
                continue;
            };
            let mut k = i + n;
            let mut start = i;
            let mut found_any = false;
            while let Some((end, place)) = (k < self.len() && self.same_clause(i, k))
                .then(|| self.place_at(k, false))
                .flatten()
            {
                if !self.acceptable_place(k, end, &place) {
                    break;
                }
                let near = in_list(lx::NEAR_CUES, cue) && place.kind == GeoKind::City;
                let mode = self.modes[k];
                let text = self.text(k, end).to_owned();
                let reason = if near {
                    format!(
                        "place: {} ({}), \"{cue}\" read as {} km around it",
                        place.name,
                        place.kind.as_str(),
                        lx::NEAR_RADIUS_KM
                    )
                } else {
                    format!(
                        "place: {} ({}, {})",
                        place.name,
                        place.kind.as_str(),
                        place.country
                    )
                };
                self.push(
                    (start, end),
                    mode,
                    Criterion::Location {
                        place: text,
                        radius_km: near.then_some(lx::NEAR_RADIUS_KM),
                    },
                    0.9,
                    reason,
                );
                self.claim(start, end);
                found_any = true;
                // "in Paris or Lyon"
                if end + 1 < self.len()
                    && self.same_clause(i, end + 1)
                    && in_list(LIST_JOINERS, self.lower(end))
                    && self.free(end, 1)
                {
                    self.claim(end, end + 1);
                    k = end + 1;
                    start = k;
                    continue;
                }
                break;
            }
            i = if found_any { k.max(i + 1) } else { i + 1 };
        }
    }

    fn industries(&mut self) {
        for i in 0..self.len() {
            for n in (1..=5).rev() {
                if !self.free(i, n) || self.is_filler(i) {
                    continue;
                }
                let text = self.text(i, i + n).to_lowercase();
                let short = lx::INDUSTRY_WORDS
                    .iter()
                    .find(|(w, _)| *w == text)
                    .map(|(_, v)| *v);
                let (industry, confidence) = match (short, canonical_industry(&text)) {
                    (Some(s), _) => (canonical_industry(s).unwrap_or(s), 0.85),
                    (None, Some(c)) if n >= 2 => (c, 0.85),
                    (None, Some(c)) => {
                        let cued_after = i + n < self.len()
                            && self.same_clause(i, i + n)
                            && in_list(lx::INDUSTRY_CUES_AFTER, self.lower(i + n));
                        let cued_before = i > 0
                            && self.same_clause(i - 1, i)
                            && in_list(&["in", "the", "dans", "en", "im"], self.lower(i - 1));
                        if !(cued_after || cued_before) {
                            continue;
                        }
                        (c, 0.8)
                    }
                    (None, None) => continue,
                };
                let mut end = i + n;
                if end < self.len()
                    && self.free(end, 1)
                    && in_list(lx::INDUSTRY_CUES_AFTER, self.lower(end))
                {
                    end += 1;
                }
                let mode = self.modes[i];
                self.push(
                    (i, end),
                    mode,
                    Criterion::CompanyIndustry {
                        industry: industry.to_owned(),
                        history: History::CurrentOrPast,
                    },
                    confidence,
                    format!("industry: {industry}"),
                );
                self.claim(i, end);
                break;
            }
        }
    }

    fn skills(&mut self) {
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
                let mut confidence = 0.9;
                if n == 1 && in_list(AMBIGUOUS_SKILLS, &self.tokens[i].lower) {
                    let typed = &self.tokens[i].text;
                    if !(typed == skill
                        || (typed.chars().next().is_some_and(char::is_uppercase)
                            && typed.len() > 1))
                    {
                        continue;
                    }
                    confidence = 0.7;
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

    fn bare_places(&mut self) {
        for i in 0..self.len() {
            if !self.free(i, 1) || !self.tokens[i].capitalized() {
                continue;
            }
            let Some((end, place)) = self.place_at(i, true) else {
                continue;
            };
            let big_enough = place.population >= 100_000;
            if !big_enough || !self.acceptable_place(i, end, &place) {
                continue;
            }
            let mode = self.modes[i];
            let text = self.text(i, end).to_owned();
            self.push(
                (i, end),
                mode,
                Criterion::Location {
                    place: text,
                    radius_km: None,
                },
                0.7,
                format!(
                    "place: {} ({}, {}), named without a cue",
                    place.name,
                    place.kind.as_str(),
                    place.country
                ),
            );
            self.claim(i, end);
        }
    }

    fn seniority(&mut self) {
        for i in 0..self.len() {
            let keys: Vec<&str> = lx::SENIORITY_YEARS.iter().map(|(w, _)| *w).collect();
            if let Some((n, w)) = self.longest(i, &keys) {
                if let Some((_, ranges)) = lx::SENIORITY_YEARS.iter().find(|(x, _)| *x == w) {
                    if self.modes[i] == Mode::Excluded {
                        for r in *ranges {
                            if let Some(range) = YearRange::parse(r) {
                                self.push(
                                    (i, i + n),
                                    Mode::Excluded,
                                    Criterion::YearsOfExperience(range),
                                    0.6,
                                    format!(
                                        "\"{w}\" excluded as the experience it suggests ({})",
                                        ranges.join(", ")
                                    ),
                                );
                            }
                        }
                    } else {
                        self.seniority_years.push((i, ranges));
                    }
                }
                self.claim(i, i + n);
            }
        }
    }

    fn keywords(&mut self) {
        let mut i = 0;
        while i < self.len() {
            let usable = |r: &Self, k: usize| {
                r.free(k, 1)
                    && !r.is_filler(k)
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
                0.4,
                "not recognised as anything else: kept as a keyword".into(),
            );
            self.claim(i, j);
            i = j;
        }
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
                            0.5,
                            format!("\"{}\" suggests {} years of experience: optional, it only raises the rank", self.tokens[i].text, ranges.join(" or ")),
                        );
                    }
                }
            }
        }
        if self.remote.is_some() {
            for r in &mut self.found {
                if matches!(r.filter.criterion, Criterion::Location { .. }) && r.filter.required {
                    r.filter.required = false;
                    r.reason
                        .push_str("; optional because remote work is accepted");
                }
            }
        }
        self.found.sort_by_key(|r| r.start);
        self.notes.sort_by_key(|n| n.start);
        Intent {
            prompt: self.prompt.to_owned(),
            filters: self.found,
            remote: self.remote,
            notes: self.notes,
        }
    }
}
