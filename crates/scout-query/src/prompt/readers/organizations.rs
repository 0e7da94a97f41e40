//! Employers and what they are: company sizes, employers (with their
//! groups such as FAANG) and industries.

use super::in_list;
use super::Reader;
use crate::filter::Criterion;
use crate::prompt::confidence;
use crate::prompt::lexicon as lx;
use crate::prompt::lexicon::{ARTICLES, LIST_JOINERS, NAME_CONNECTORS};
use crate::prompt::Mode;
use crate::search_request::MAX_VALUE_CHARS;
use scout_model::{CompanySize, History};
use scout_taxonomy::industries::canonical_industry;

/// Words before a company size that say it is the current employer's.
const CURRENT_SIZE_CUES: &[&str] = &[
    "at",
    "currently at",
    "working at",
    "works at",
    "chez",
    "bei",
    "in",
];

impl<'a> Reader<'a> {
    /// Whether an industry word right before `i` follows a current
    /// employer's cue, past an article ("at a SaaS scale-up").
    fn industry_then_cue(&self, i: usize) -> bool {
        let Some(k) = i.checked_sub(1) else {
            return false;
        };
        let word = self.lower(k);
        let with_noun = format!("{word} {}", self.lower(i));
        let industry = lx::INDUSTRY_WORDS
            .iter()
            .any(|(w, _)| *w == word || *w == with_noun)
            || canonical_industry(word).is_some();
        if !industry || !self.free(k, 1) || !self.same_clause(k, i) {
            return false;
        }
        let k = if k > 0 && self.free(k - 1, 1) && in_list(ARTICLES, self.lower(k - 1)) {
            k - 1
        } else {
            k
        };
        self.phrase_before(k, CURRENT_SIZE_CUES).is_some()
    }

    /// "large bank", "small law firms", "mid-size retailer": the bands of
    /// the size word said of a company, when the words after it name an
    /// industry.
    fn sized_industry(&self, i: usize) -> Option<Vec<CompanySize>> {
        let as_company = match self.lower(i) {
            "large" | "big" => "large company",
            "small" => "small company",
            "mid-size" | "midsize" | "mid-sized" => "mid-size",
            _ => return None,
        };
        let industry_after = (1..=3).any(|n| {
            i + 1 + n <= self.len() && self.same_clause(i, i + n) && {
                let words = self.text(i + 1, i + 1 + n).to_lowercase();
                lx::INDUSTRY_WORDS.iter().any(|(w, _)| *w == words)
                    || canonical_industry(&words).is_some()
            }
        });
        if !self.free(i, 1) || !industry_after {
            return None;
        }
        lx::SIZE_WORDS
            .iter()
            .find(|(w, _)| *w == as_company)
            .map(|(_, b)| b.to_vec())
    }

    pub(super) fn sizes(&mut self) {
        for i in 0..self.len() {
            let (n, bands, mut history, word) = if let Some((n, bands)) = self.series_list(i) {
                let word = self.text(i, i + n).to_lowercase();
                (n, Some(bands), History::CurrentOrPast, word)
            } else if let Some((n, w)) = self.longest(i, &lx::SIZE_WORD_KEYS) {
                let bands = lx::SIZE_WORDS
                    .iter()
                    .find(|(x, _)| *x == w)
                    .map(|(_, b)| b.to_vec());
                (n, bands, History::CurrentOrPast, w.to_owned())
            } else if let Some(bands) = self.sized_industry(i) {
                // "at a large bank", "small law firms": the size word before
                // an industry's, which keeps its words
                (
                    1,
                    Some(bands),
                    History::CurrentOrPast,
                    self.lower(i).to_owned(),
                )
            } else if let Some(rest) = self
                .lower(i)
                .strip_prefix("ex-")
                .filter(|_| self.free(i, 1))
            {
                // "ex-startup", "ex-big tech": the longest size phrase the
                // word after the dash begins
                let found = (1..=3).rev().find_map(|m| {
                    if !self.free(i, m) {
                        return None;
                    }
                    let mut phrase = rest.to_owned();
                    for k in i + 1..i + m {
                        phrase.push(' ');
                        phrase.push_str(self.lower(k));
                    }
                    lx::SIZE_WORDS
                        .iter()
                        .find(|(x, _)| *x == phrase)
                        .map(|(_, b)| (m, b.to_vec(), phrase))
                });
                match found {
                    Some((m, bands, phrase)) => (m, Some(bands), History::Past, phrase),
                    None => continue,
                }
            } else {
                continue;
            };
            let Some(bands) = bands else { continue };
            // "corporate law", "corporate finance": the adjective of a field,
            // not the size of an employer (which *corporate* names alone or
            // before a company's word: "a corporate background")
            if word == "corporate"
                && i + n < self.len()
                && self.same_clause(i, i + n)
                && !in_list(
                    &[
                        "company",
                        "companies",
                        "firm",
                        "firms",
                        "background",
                        "environment",
                        "world",
                        "setting",
                        "sector",
                        "experience",
                        "side",
                        "employer",
                        "employers",
                        "clients",
                    ],
                    self.lower(i + n),
                )
            {
                continue;
            }
            let mut start = i;
            if start > 0 && self.free(start - 1, 1) && in_list(ARTICLES, self.lower(start - 1)) {
                start -= 1;
            }
            // ("who's worked at a Fortune 500": past too)
            if let Some(s) = self.phrase_before(start, lx::PAST_CUES) {
                start = s;
                history = History::Past;
            } else if let Some(s) = self.phrase_before(start, CURRENT_SIZE_CUES) {
                start = s;
                history = History::Current;
            } else if self.industry_then_cue(start) {
                // "at a SaaS scale-up": the industry before keeps its words
                history = History::Current;
            } else if let Some(listed) = self.history_listed_before(start, |c| match c {
                // "at pre-seed or seed startups": listed after a size read
                Criterion::CompanySize { history, .. } => Some(*history),
                _ => None,
            }) {
                history = listed;
            }
            let mut end = i + n;
            // "series B startup", "seed stage startup": the first word is the
            // more precise; the second says the same
            if end < self.len() && self.same_clause(i, end) {
                if let Some((m, _)) = self.longest(end, &lx::SIZE_WORD_KEYS) {
                    end += m;
                }
            }
            if end < self.len()
                && self.free(end, 1)
                && in_list(lx::INDUSTRY_CUES_AFTER, self.lower(end))
            {
                end += 1;
            }
            if self.numeric_size && history != History::Past {
                // "tiny startups (<10 people)": the number said it exactly
                self.claim(start, end);
                continue;
            }
            let mode = self.modes[i];
            self.push_sizes(
                (start, end),
                mode,
                &bands,
                history,
                &format!("company size: \"{word}\""),
            );
            self.claim(start, end);
        }
    }

    /// "Series B/C", "series A-C", "series B or C": the bands of every
    /// round named, and how many words name them.
    fn series_list(&self, i: usize) -> Option<(usize, Vec<CompanySize>)> {
        if self.lower(i) != "series" || i + 1 >= self.len() || !self.free(i, 2) {
            return None;
        }
        let letter = |k: usize| {
            let w = self.lower(k);
            let mut c = w.chars();
            match (c.next(), c.next()) {
                (Some(l), None) if l.is_ascii_alphabetic() => Some(l),
                _ => None,
            }
        };
        let round = |l: &str| {
            lx::SIZE_WORDS
                .iter()
                .find(|(w, _)| *w == format!("series {l}"))
                .map(|(_, bands)| *bands)
        };
        // "Series C+": that round (and later, as "series C or later" reads)
        if let Some(l) = self.lower(i + 1).strip_suffix('+').filter(|l| l.len() == 1) {
            return Some((2, round(l)?.to_vec()));
        }
        let (letters, n): (Vec<char>, usize) = match self.lower(i + 1).split_once('-') {
            Some((a, b)) if a.len() == 1 && b.len() == 1 => {
                let (a, b) = (a.chars().next()?, b.chars().next()?);
                ((a..=b).collect(), 2)
            }
            _ => {
                let mut letters = Vec::new();
                let mut k = i + 1;
                while k < self.len() && self.same_clause(i, k) {
                    let Some(l) = letter(k) else { break };
                    letters.push(l);
                    k += 1;
                    let slash = k < self.len()
                        && self.prompt[self.tokens[k - 1].end..self.tokens[k].start].trim() == "/";
                    if k + 1 < self.len()
                        && in_list(&["or", "and"], self.lower(k))
                        && letter(k + 1).is_some()
                    {
                        k += 1;
                    } else if !slash {
                        break;
                    }
                }
                (letters, k - i)
            }
        };
        if letters.len() < 2 {
            return None;
        }
        let mut bands: Vec<CompanySize> = Vec::new();
        for l in letters {
            bands.extend(round(&l.to_string())?);
        }
        bands.sort();
        bands.dedup();
        Some((n, bands))
    }

    /// One `COMPANY_SIZE` filter per band, each saying what it was read from.
    pub(super) fn push_sizes(
        &mut self,
        span: (usize, usize),
        mode: crate::prompt::Mode,
        bands: &[CompanySize],
        history: History,
        said: &str,
    ) {
        let names: Vec<&str> = bands.iter().map(|b| b.as_str()).collect();
        for size in bands {
            self.push(
                span,
                mode,
                Criterion::CompanySize {
                    size: *size,
                    history,
                },
                confidence::COMPANY_SIZE,
                format!("{said} reads as {} employees", names.join(", ")),
            );
        }
    }

    pub(super) fn group_at(
        &self,
        i: usize,
    ) -> Option<(usize, &'static [&'static str], &'static str)> {
        lx::EMPLOYER_GROUPS
            .iter()
            .filter_map(|(k, names)| self.phrase_at(i, k).map(|n| (n, *names, *k)))
            .find(|(n, _, _)| self.free(i, *n))
    }

    /// A name of free words from `i`: capitalised words joined by connectors
    /// ("Bank of America"); a lowercase single word when `lenient`.
    pub(super) fn name_run(&self, i: usize, lenient: bool) -> Option<usize> {
        if i >= self.len() || !self.free(i, 1) || self.is_filler(i) {
            return None;
        }
        // "easyJet", "eBay": a name in camel case is a name as a capitalised one is
        if !self.tokens[i].capitalized() && !camel_case(&self.tokens[i].text) {
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

    pub(super) fn push_employer(
        &mut self,
        span: (usize, usize),
        name: &str,
        history: History,
        reason: &str,
    ) {
        let mode = self.modes[span.0.max(span.1 - 1)];
        // "Google/Meta", "Lyft/DoorDash/Uber": one employer a name
        let parts: Vec<&str> = name.split('/').map(str::trim).collect();
        let names: Vec<&str> =
            if parts.len() > 1 && parts.iter().all(|p| p.starts_with(char::is_uppercase)) {
                parts
            } else {
                vec![name]
            };
        for name in names {
            let value: String = name.chars().take(MAX_VALUE_CHARS).collect();
            self.push(
                span,
                mode,
                Criterion::CompanyName {
                    name: value,
                    history,
                },
                confidence::EMPLOYER,
                reason.to_owned(),
            );
        }
    }

    pub(super) fn employers(&mut self) {
        for i in 0..self.len() {
            if !self.free(i, 1) {
                continue;
            }
            // "Googlers in Zurich", "ex-Googlers", "Xooglers": a company's
            // people by the name they give themselves
            let word = self.lower(i);
            let (ex, bare) = match word.strip_prefix("ex-") {
                Some(rest) => (true, rest),
                None => (false, word),
            };
            if let Some((_, company, left)) =
                lx::EMPLOYEE_DEMONYMS.iter().find(|(w, _, _)| *w == bare)
            {
                let history = if ex || *left {
                    History::Past
                } else {
                    History::Current
                };
                self.push_employer(
                    (i, i + 1),
                    company,
                    history,
                    "employer: its people's name for themselves",
                );
                self.claim(i, i + 1);
                continue;
            }
            // "ex-Google", "ex-FAANG"
            if let Some(rest) = self.tokens[i]
                .text
                .get(3..)
                .filter(|_| self.lower(i).starts_with("ex-"))
            {
                let rest = rest.to_owned();
                // "ex-FAANG", "ex-Big 4": a group, of one word or with the next
                let group = |key: &str| lx::EMPLOYER_GROUPS.iter().find(|(k, _)| *k == key);
                let with_next = (i + 1 < self.len() && self.same_clause(i, i + 1))
                    .then(|| format!("{} {}", rest.to_lowercase(), self.lower(i + 1)))
                    .and_then(|key| group(&key));
                let found = with_next
                    .map(|g| (g, 2))
                    .or_else(|| group(&rest.to_lowercase()).map(|g| (g, 1)));
                if let Some(((_, names), n)) = found {
                    for name in *names {
                        self.push_employer(
                            (i, i + n),
                            name,
                            History::Past,
                            "past employer (a group of employers)",
                        );
                    }
                    self.claim(i, i + n);
                    continue;
                }
                // "ex-HRBP", "ex-consultant", "ex-founders": a past title,
                // not an employer
                let known = |t: &str| {
                    scout_taxonomy::titles::is_known_title(t)
                        || scout_taxonomy::titles::family_of(t).is_some()
                };
                let title = scout_taxonomy::titles::normalize_title(&rest);
                let title = match super::singular(&rest.to_lowercase()) {
                    Some(one) if !known(&title) => scout_taxonomy::titles::normalize_title(&one),
                    _ => title,
                };
                let single = self
                    .tokens
                    .get(i + 1)
                    .is_none_or(|n| !self.same_clause(i, i + 1) || !n.capitalized());
                if single
                    && (scout_taxonomy::titles::is_known_title(&title)
                        || scout_taxonomy::titles::family_of(&title).is_some())
                    && scout_taxonomy::skills::canonical_skill(&rest).is_none()
                {
                    let mode = self.modes[i];
                    self.push(
                        (i, i + 1),
                        mode,
                        Criterion::JobTitle {
                            title: title.clone(),
                            history: History::Past,
                        },
                        confidence::TITLE_IN_THE_GAZETTEER,
                        format!("past job title (\"ex-\"): {title}"),
                    );
                    self.claim(i, i + 1);
                    continue;
                }
                // "ex-agency", "ex-consulting (McKinsey/BCG/Bain)": a past in
                // an industry, and the employers named after it
                let industry_of = |phrase: &str| {
                    lx::INDUSTRY_WORDS
                        .iter()
                        .find(|(w, _)| *w == phrase)
                        .map(|(_, v)| canonical_industry(v).unwrap_or(v))
                        .or_else(|| canonical_industry(phrase))
                };
                // "ex-investment banking": an industry of two words
                let two = (i + 1 < self.len() && self.free(i + 1, 1) && self.same_clause(i, i + 1))
                    .then(|| industry_of(&format!("{} {}", rest.to_lowercase(), self.lower(i + 1))))
                    .flatten();
                let (industry, words) = match two {
                    Some(industry) => (Some(industry), 2),
                    None => (industry_of(&rest.to_lowercase()), 1),
                };
                if let Some(industry) = industry {
                    let mode = self.modes[i];
                    self.push(
                        (i, i + words),
                        mode,
                        Criterion::CompanyIndustry {
                            industry: industry.to_owned(),
                            history: History::Past,
                        },
                        confidence::INDUSTRY_ONE_WORD_CUED,
                        format!("past industry (\"ex-{rest}\"): {industry}"),
                    );
                    self.claim(i, i + words);
                    // "(McKinsey/BCG/Bain)" right after: those employers
                    self.employers_in_brackets(i + words, History::Past);
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
                // "ex-Spotify or Netflix", "ex-Spotify, Netflix or TikTok":
                // the list goes on in the past
                let mut k = end;
                loop {
                    let joined = k + 1 < self.len()
                        && self.same_clause(k, k + 1)
                        && in_list(LIST_JOINERS, self.lower(k));
                    let after_comma = k < self.len()
                        && k > 0
                        && self.prompt[self.tokens[k - 1].end..self.tokens[k].start].trim() == ",";
                    let from = if joined { k + 1 } else { k };
                    if !(joined || after_comma)
                        || from >= self.len()
                        || !self.free(from, 1)
                        || !self.tokens[from].capitalized()
                        || self.lower(from).starts_with("ex-")
                    {
                        break;
                    }
                    let Some(e2) = self.name_run(from, false) else {
                        break;
                    };
                    let next = self.text(from, e2).to_owned();
                    let listed = joined || self.listed_after_a_comma(from, false) == Some(e2);
                    if scout_taxonomy::geocode(&next).is_some() || !listed {
                        break;
                    }
                    self.push_employer(
                        (from, e2),
                        &next,
                        History::Past,
                        "past employer (\"ex-\", listed)",
                    );
                    self.claim(k, e2);
                    k = e2;
                }
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
            // "publications at NeurIPS", "spoke at KubeCon": a venue, not
            // an employer
            let venue = i > 0
                && in_list(
                    &[
                        "publications",
                        "publication",
                        "papers",
                        "paper",
                        "published",
                        "talks",
                        "talk",
                        "spoke",
                        "speaking",
                        "speaker",
                        "presented",
                        "presenting",
                    ],
                    self.lower(i - 1),
                );
            // "studied at Oxford": a school's cue ends here
            let school_cue = cue.is_some_and(|(n, _, _)| {
                (1..=3).any(|b| {
                    i >= b
                        && self
                            .longest(i - b, lx::SCHOOL_CUES)
                            .is_some_and(|(m, _)| i - b + m == i + n)
                })
            });
            if let Some((n, phrase, history)) = cue.filter(|_| !venue && !school_cue) {
                // "not from Medtronic": no one who is or was there — an
                // exclusion of someone *from* a company is of both
                let history = if phrase == "from" && self.modes[i] == Mode::Excluded {
                    History::CurrentOrPast
                } else {
                    history
                };
                let lenient = phrase.contains(' ') || matches!(phrase, "chez" | "bei");
                let mut k = i + n;
                // "worked at both Google and Meta", "at either X or Y"
                if k + 1 < self.len()
                    && self.free(k, 1)
                    && in_list(&["both", "either"], self.lower(k))
                    && self.tokens[k + 1].capitalized()
                {
                    k += 1;
                }
                // "currently at a Magic Circle firm": an article before a group
                if k + 1 < self.len()
                    && in_list(&["a", "an", "the"], self.lower(k))
                    && self.group_at(k + 1).is_some()
                {
                    k += 1;
                }
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
                // "at stripe or square": a name typed in lower case after a
                // cue, when the searched data knows it as an employer
                let known_lower_case = |r: &Self, k: usize| {
                    (k < r.len()
                        && r.free(k, 1)
                        && r.same_clause(i, k)
                        && !r.tokens[k].capitalized()
                        && r.could_be_employer(k, k + 1)
                        && r.known.is_employer(&r.tokens[k].text))
                    .then_some(k + 1)
                };
                let Some(mut end) = self
                    .name_run(k, lenient)
                    .or_else(|| known_lower_case(self, k))
                else {
                    continue;
                };
                // "working for airlines": an everyday word is no employer;
                // "at PE-backed companies": how they are financed
                let financed =
                    self.lower(k).ends_with("-backed") || self.lower(k).ends_with("-funded");
                // "at AI startups": a field, not a name; "at DTC beauty
                // brands": a market
                let field = end == k + 1
                    && (in_list(lx::DOMAIN_WORDS, self.lower(k))
                        || in_list(lx::MARKET_SEGMENTS, self.lower(k))
                        // "at NGOs": an industry's word, in capitals
                        || lx::INDUSTRY_WORDS.iter().any(|(w, _)| *w == self.lower(k)));
                if financed
                    || field
                    || (!self.tokens[k].capitalized() && !self.could_be_employer(k, end))
                {
                    continue;
                }
                // "from" alone says where people come from: a capitalised
                // name that is no place, language, school or industry
                if phrase == "from"
                    && !(self.tokens[k].capitalized()
                        && self.could_be_cued_employer(k, end)
                        && scout_taxonomy::skills::canonical_skill(self.text(k, end)).is_none())
                {
                    continue;
                }
                let reason = match history {
                    History::Past => "past employer",
                    History::Current => "current employer",
                    History::CurrentOrPast => "employer, current or past",
                };
                let start = i;
                let skills_too =
                    scout_taxonomy::skills::canonical_skill(self.text(k, end)).is_some();
                loop {
                    let name = self.text(k, end).to_owned();
                    self.push_employer((start, end), &name, history, reason);
                    self.claim(start, end);
                    // "at Google or Meta" (or "at stripe or square", names the
                    // data knows)
                    if end + 1 < self.len()
                        && self.same_clause(k, end + 1)
                        && in_list(LIST_JOINERS, self.lower(end))
                    {
                        let next = if self.tokens[end + 1].capitalized()
                            || camel_case(&self.tokens[end + 1].text)
                        {
                            self.name_run(end + 1, false)
                        } else {
                            known_lower_case(self, end + 1)
                        };
                        if let Some(e2) = next {
                            self.claim(end, end + 1);
                            k = end + 1;
                            end = e2;
                            continue;
                        }
                    }
                    // "worked at Stripe, Plaid or Brex": a name after a
                    // comma, which no other reader could take
                    if end < self.len()
                        && self.free(end, 1)
                        && self.tokens[end].capitalized()
                        && self.prompt[self.tokens[end - 1].end..self.tokens[end].start].trim()
                            == ","
                    {
                        if let Some(e2) = self.listed_after_a_comma(end, skills_too) {
                            k = end;
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

    /// The history of a filter read right before the list word before
    /// word `i` ("at NGOs or charities", "at pre-seed or seed startups": the
    /// second item is where the first one is), when `of` tells one.
    fn history_listed_before(
        &self,
        i: usize,
        of: impl Fn(&Criterion) -> Option<History>,
    ) -> Option<History> {
        if i < 2 || !self.same_clause(i - 2, i) || !in_list(LIST_JOINERS, self.lower(i - 1)) {
            return None;
        }
        let end = self.tokens[i - 2].end;
        self.found
            .iter()
            .filter(|f| f.end == end)
            .find_map(|f| of(&f.filter.criterion))
    }

    /// "Stripe, Plaid or Brex": the end of a name after a comma in a list of
    /// employers — one that could be an employer and is no skill, where the
    /// list goes on after it ([`Self::listed_employer_follows`]).
    /// When `skills_too`, a name that is also a skill is listed too: the
    /// list began with such a name ("at Snowflake, Databricks or MongoDB").
    /// A name that is also an area's ("Hays, Randstad or Adecco") is listed
    /// too when another employer follows it after *or / and*.
    fn listed_after_a_comma(&self, at: usize, skills_too: bool) -> Option<usize> {
        self.name_run(at, false).filter(|&e| {
            let area_between_names = || {
                scout_taxonomy::geocode(self.text(at, e))
                    .is_some_and(|g| g.kind == scout_taxonomy::GeoKind::Area)
                    && e < self.len()
                    && self.same_clause(e - 1, e)
                    && self.listed_employer_follows(e, skills_too)
            };
            (self.could_be_employer(at, e) || area_between_names())
                && (skills_too
                    || scout_taxonomy::skills::canonical_skill(self.text(at, e)).is_none())
                && self.listed_employer_follows(e, skills_too)
        })
    }

    /// Whether the list of employers goes on after `end`: the clause ends,
    /// or *or / and* and another capitalised name follow ("Stripe, Plaid
    /// or Brex"; not "at Stripe, Python and SQL", where skills follow).
    fn listed_employer_follows(&self, end: usize, skills_too: bool) -> bool {
        if end >= self.len() || !self.same_clause(end - 1, end) {
            return true;
        }
        in_list(LIST_JOINERS, self.lower(end))
            && end + 1 < self.len()
            && self.tokens[end + 1].capitalized()
            && self.name_run(end + 1, false).is_some_and(|e| {
                self.could_be_employer(end + 1, e)
                    && (skills_too
                        || scout_taxonomy::skills::canonical_skill(self.text(end + 1, e)).is_none())
            })
    }

    /// Whether the words `i..end` could name an employer that no cue
    /// introduced: not a school, a place, a language, a title, a size or
    /// industry word, filler or a seniority word.
    fn could_be_employer(&self, i: usize, end: usize) -> bool {
        self.employer_like(i, end, false)
    }

    /// [`Self::could_be_employer`], where after an employer's cue a small
    /// town's name may be an employer's too ("recruiters from Hays": the
    /// agency, not Hays, Kansas).
    fn could_be_cued_employer(&self, i: usize, end: usize) -> bool {
        self.employer_like(i, end, true)
    }

    fn employer_like(&self, i: usize, end: usize, small_town_ok: bool) -> bool {
        let text = self.text(i, end);
        let lower = text.to_lowercase();
        !(i..end).any(|k| self.school_word(k) || self.is_filler(k))
            && !lx::DEGREES.iter().any(|(d, _)| *d == lower)
            && !lx::CERTIFICATIONS.iter().any(|c| c.to_lowercase() == lower)
            && !lx::KNOWN_SCHOOLS.iter().any(|s| s.to_lowercase() == lower)
            // (a place's name may be a known company's too: "Meta")
            && (text.contains('&')
                || scout_taxonomy::geocode(text).is_none_or(|g| {
                    small_town_ok
                        && g.kind == scout_taxonomy::GeoKind::City
                        && g.population < SMALL_TOWN
                })
                || lx::EMPLOYER_GROUPS.iter().any(|(_, names)| names.contains(&text)))
            && scout_taxonomy::languages::canonical_language(text).is_none()
            // ("German-English translators": two languages, no name)
            && !(end - i > 1
                && (i..end).all(|k| {
                    self.tokens[k].text.chars().count() >= 4
                        && scout_taxonomy::languages::canonical_language(&self.tokens[k].text)
                            .is_some()
                }))
            && canonical_industry(text).is_none()
            && !lx::INDUSTRY_WORDS.iter().any(|(w, _)| *w == lower)
            && !(i..end).any(|k| in_list(lx::SENIORITY_PREFIX, self.lower(k)))
            && !in_list(lx::CARRY_NOTHING, &lower)
            && !scout_taxonomy::titles::is_known_title(text)
            // "ex-founders": a role's plural
            && !super::singular(&lower).is_some_and(|s| {
                in_list(lx::COMMON_ROLES, &s) || scout_taxonomy::titles::is_known_title(&s)
            })
            // "DevRel", "SWE": a title's shorthand is no employer
            && !(text.split_whitespace().count() == 1 && {
                let expanded = scout_taxonomy::titles::normalize_title(text);
                expanded.contains(' ')
                    && (scout_taxonomy::titles::is_known_title(&expanded)
                        || scout_taxonomy::titles::family_of(&expanded).is_some())
            })
            // "PE-backed", "VC-funded": how a company is financed
            && !(lower.ends_with("-backed") || lower.ends_with("-funded"))
            // "from DTC brands", "not from Big Law": a market or a field
            && !in_list(lx::MARKET_SEGMENTS, self.lower(i))
            && !in_list(lx::FIELD_NICKNAMES, &lower)
            // "Ops leads", "Eng managers": a title's word written short
            && !in_list(lx::TITLE_SHORTHANDS, &lower)
    }

    /// Whether the name at `i` follows a school's name and *or, and, &* or
    /// a comma ("Wharton or ISB", "IIM Ahmedabad, ISB"): a well-known
    /// school, one of a system with its campus, or a name with a school's
    /// word in it.
    fn listed_after_a_school(&self, i: usize) -> bool {
        if i == 0 || self.known.is_employer(&self.tokens[i].text) {
            return false;
        }
        // where the name before ends: at "or / and / &", or at a comma
        let j = if in_list(&["or", "and", "&"], self.lower(i - 1)) && self.same_clause(i - 1, i) {
            i - 1
        } else if self.prompt[self.tokens[i - 1].end..self.tokens[i].start].contains(',') {
            i
        } else {
            return false;
        };
        (1..=4.min(j)).any(|w| {
            let text = self.text(j - w, j);
            lx::KNOWN_SCHOOLS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(text))
                || (w == 2 && lx::SCHOOL_SYSTEMS.contains(&self.tokens[j - 2].text.as_str()))
                || (j - w..j).any(|k| self.school_word(k))
        })
    }

    /// "Stripe alumni", "Workday staff", "Microsoft employees": a name
    /// before an employer word is an employer, even when it is also a skill.
    /// "Deloitte consultants", "Google engineers": a name before a role is
    /// the employer of that role, when it is no skill and name and role make
    /// no known title together.
    pub(super) fn employers_named_before(&mut self) {
        let after: Vec<&str> = lx::EMPLOYER_AFTER.iter().map(|(w, _)| *w).collect();
        for i in 0..self.len() {
            if !self.free(i, 1) || !self.tokens[i].capitalized() {
                continue;
            }
            let Some(end) = self.name_run(i, false) else {
                continue;
            };
            if end >= self.len() || !self.same_clause(i, end) || !self.could_be_employer(i, end) {
                continue;
            }
            let name = self.text(i, end).to_owned();
            if let Some((n, word)) = self.longest(end, &after) {
                // "IIM Ahmedabad or ISB alumni": a name listed after a school
                // is a school's (the schools' reader reads it)
                if matches!(word, "alumni" | "alum" | "alums" | "grads" | "graduates")
                    && self.listed_after_a_school(i)
                {
                    continue;
                }
                // "React people", "Python folks": people who know a skill
                if matches!(word, "people" | "folks")
                    && scout_taxonomy::skills::canonical_skill(&name).is_some()
                {
                    continue;
                }
                let past = lx::EMPLOYER_AFTER.iter().any(|(w, p)| *w == word && *p);
                let (history, reason) = if past {
                    (History::Past, "past employer (\"… alumni\")")
                } else {
                    (History::Current, "current employer (\"… staff\")")
                };
                self.push_employer((i, end + n), &name, history, reason);
                self.claim(i, end + n);
                // "Stripe, Adyen, Checkout.com people": the names listed
                // before it are employers of the same people
                let mut k = i;
                while let Some((start, name_end)) = self.listed_name_before(k) {
                    let listed = self.text(start, name_end).to_owned();
                    self.push_employer((start, name_end), &listed, history, reason);
                    self.claim(start, k);
                    k = start;
                }
                continue;
            }
            // "Deloitte consultants": only a role word, and not a skill
            let role = self.lower(end);
            let role_singular = super::singular(role).unwrap_or_else(|| role.to_owned());
            if in_list(lx::COMMON_ROLES, &role_singular)
                && self.free(end, 1)
                && !in_list(lx::DOMAIN_WORDS, &name.to_lowercase())
                && scout_taxonomy::skills::canonical_skill(&name).is_none()
                // "SAP FICO consultants": a skill and its module
                && scout_taxonomy::skills::canonical_skill(&self.tokens[i].text).is_none()
                && !(i > 0
                    && self.same_clause(i - 1, i)
                    && scout_taxonomy::skills::canonical_skill(&self.tokens[i - 1].text).is_some())
                && !scout_taxonomy::titles::is_known_title(&format!("{name} {role_singular}"))
                && scout_taxonomy::titles::family_of(&format!("{name} {role_singular}")).is_none()
                // "Finance controllers": a field titles are named after
                // ("finance manager", "finance director"), not an employer
                && !names_a_field(&name)
            {
                self.push_employer(
                    (i, end),
                    &name,
                    History::Current,
                    "current employer (a name before a role)",
                );
                self.claim(i, end);
            }
        }
    }

    /// The words (start, end) of a capitalised name listed right before
    /// word `k` (apart by a comma or a joiner word) that could be an
    /// employer and is no skill ("Stripe, Adyen, Checkout.com people").
    fn listed_name_before(&self, k: usize) -> Option<(usize, usize)> {
        let (mut e, joined) =
            if k >= 2 && in_list(LIST_JOINERS, self.lower(k - 1)) && self.free(k - 1, 1) {
                (k - 1, true)
            } else {
                (k, false)
            };
        if !joined {
            let gap = &self.prompt[self.tokens[k.checked_sub(1)?].end..self.tokens[k].start];
            if gap.trim() != "," {
                return None;
            }
        }
        // (over a comma, an item of a list stands alone in its clause:
        // "published at ICML, DeepMind alumni" lists nothing)
        let bare_item = |s: usize| {
            s == 0 || !self.same_clause(s - 1, s) || in_list(LIST_JOINERS, self.lower(s - 1))
        };
        let mut s = e;
        while s > 0 && self.free(s - 1, 1) && self.tokens[s - 1].capitalized() && e - s < 3 {
            s -= 1;
            // one name: its words are side by side in one clause
            if s + 1 < e && !self.same_clause(s, s + 1) {
                s += 1;
                break;
            }
        }
        if s == e {
            return None;
        }
        e = self.name_run(s, false).filter(|&x| x <= e).unwrap_or(e);
        if !joined && !bare_item(s) {
            return None;
        }
        (self.could_be_employer(s, e)
            && scout_taxonomy::skills::canonical_skill(self.text(s, e)).is_none())
        .then_some((s, e))
    }

    /// "Marriott or Hilton background": a list of names before *background*
    /// that no other reader took are employers, current or past (a skill's
    /// or an industry's background is theirs: "a Java background"; one name
    /// alone may be a field's, "Big Law background").
    pub(super) fn employer_backgrounds(&mut self) {
        for i in 0..self.len() {
            if !in_list(&["background", "backgrounds"], self.lower(i)) || i == 0 {
                continue;
            }
            let mut names: Vec<(usize, usize)> = Vec::new();
            let mut end = i;
            loop {
                // the capitalised name that ends at `end`
                let mut start = end;
                while start > 0
                    && self.free(start - 1, 1)
                    && self.same_clause(start - 1, i)
                    && self.tokens[start - 1].capitalized()
                    && end - start < 3
                {
                    start -= 1;
                }
                if start == end
                    || !self.could_be_employer(start, end)
                    || scout_taxonomy::skills::canonical_skill(self.text(start, end)).is_some()
                {
                    break;
                }
                names.push((start, end));
                // "X or Y background": the list goes on before (a comma would
                // end the clause, and with it the list)
                if start >= 2
                    && self.same_clause(start - 1, i)
                    && in_list(LIST_JOINERS, self.lower(start - 1))
                {
                    end = start - 1;
                } else {
                    break;
                }
            }
            // one name alone may name a field ("Big Law background"): a
            // list of names is employers
            if names.len() < 2 {
                continue;
            }
            for (start, end) in names.into_iter().rev() {
                let name = self.text(start, end).to_owned();
                self.push_employer(
                    (start, end),
                    &name,
                    History::CurrentOrPast,
                    "employer, current or past (\"… background\")",
                );
                self.claim(start, end);
            }
        }
    }

    pub(super) fn industries(&mut self) {
        for i in 0..self.len() {
            if self.sold_to(i) {
                continue;
            }
            for n in (1..=5).rev() {
                // ("skilled nursing": a phrase may begin with a filler word)
                if !self.free(i, n) || (self.is_filler(i) && n == 1) {
                    continue;
                }
                // "banking clients": whom someone serves, not where they work;
                // "gov clearance": a vetting, not an employer's field
                if i + n < self.len()
                    && self.same_clause(i, i + n)
                    && in_list(
                        &["clients", "client", "customers", "clearance", "clearances"],
                        self.lower(i + n),
                    )
                {
                    continue;
                }
                let text = self.text(i, i + n).to_lowercase();
                // "tech startups": the size reader took the noun; the word
                // before it still names the industry with it
                let with_taken_noun = (n == 1 && i + 1 < self.len() && !self.free(i + 1, 1))
                    .then(|| format!("{text} {}", self.lower(i + 1)));
                // "rating agencies", "ad agencies": an agency of another kind
                // than a recruiter's
                if n == 1
                    && in_list(&["agency", "agencies"], &text)
                    && i > 0
                    && self.same_clause(i - 1, i)
                    && self.free(i - 1, 1)
                    && !self.is_filler(i - 1)
                    && !in_list(lx::EXCLUDE, self.lower(i - 1))
                    && self.tokens[i - 1].text.chars().all(char::is_alphabetic)
                    && !in_list(lx::BEFORE_A_RECRUITING_AGENCY, self.lower(i - 1))
                {
                    continue;
                }
                // "a logistics company" as "logistics companies"
                let plural = plural_of_last_noun(&text);
                let short = lx::INDUSTRY_WORDS
                    .iter()
                    .find(|(w, _)| {
                        *w == text
                            || with_taken_noun.as_deref() == Some(*w)
                            || plural.as_deref() == Some(*w)
                    })
                    .map(|(_, v)| *v);
                // "luxury hospitality": a word that narrows the industry
                // named after it
                let next_is_industry = i + n < self.len()
                    && self.same_clause(i, i + n)
                    && self.free(i + n, 1)
                    && (lx::INDUSTRY_WORDS
                        .iter()
                        .any(|(w, _)| *w == self.lower(i + n))
                        || canonical_industry(self.lower(i + n))
                            .is_some_and(|c| c == self.lower(i + n)));
                // (only a word that narrows: "cybersecurity SaaS" are two)
                if short.is_some() && n == 1 && next_is_industry && in_list(&["luxury"], &text) {
                    continue;
                }
                // a list item that is an industry's name and nothing else
                // ("…, manufacturing, Germany")
                let alone = {
                    let before = if i == 0 {
                        ","
                    } else {
                        &self.prompt[self.tokens[i - 1].end..self.tokens[i].start]
                    };
                    let after = if i + n >= self.len() {
                        ","
                    } else {
                        &self.prompt[self.tokens[i + n - 1].end..self.tokens[i + n].start]
                    };
                    before.contains([',', ';', '(']) && after.contains([',', ';', ')'])
                };
                // "now in PE", "moved into VC": a fund's shorthand in capitals
                // after a cue (alone it may be PE the school subject)
                let short = short.or_else(|| {
                    (n == 1
                        && i > 0
                        && self.same_clause(i - 1, i)
                        && in_list(&["in", "into", "from"], self.lower(i - 1))
                        && matches!(self.tokens[i].text.as_str(), "PE" | "VC"))
                    .then_some("venture capital and private equity principals")
                });
                let (industry, confidence) = match (short, canonical_industry(&text)) {
                    (Some(s), _) => (canonical_industry(s).unwrap_or(s), confidence::INDUSTRY),
                    (None, Some(c)) if n >= 2 => (c, confidence::INDUSTRY),
                    (None, Some(c)) => {
                        let cued_after = i + n < self.len()
                            && self.same_clause(i, i + n)
                            && (in_list(lx::INDUSTRY_CUES_AFTER, self.lower(i + n))
                                || in_list(lx::INDUSTRY_NOUNS_AFTER, self.lower(i + n)));
                        // "banking or insurance": listed after an industry read
                        let listed = i > 1
                            && self.same_clause(i - 2, i)
                            && in_list(LIST_JOINERS, self.lower(i - 1))
                            && self.found.iter().any(|f| {
                                matches!(f.filter.criterion, Criterion::CompanyIndustry { .. })
                                    && f.end == self.tokens[i - 2].end
                            });
                        let cued_before = listed
                            || i > 0
                                && self.same_clause(i - 1, i)
                                && (in_list(&["in", "the", "dans", "en", "im"], self.lower(i - 1))
                                // "luxury hospitality"
                                || lx::INDUSTRY_WORDS.iter().any(|(w, _)| *w == self.lower(i - 1)));
                        if !(cued_after || cued_before || alone) {
                            continue;
                        }
                        (c, confidence::INDUSTRY_ONE_WORD_CUED)
                    }
                    // "restaurant experience", "hotel background": an
                    // industry named in the plural, said in the singular
                    // before its cue
                    (None, None) => {
                        let cued = n == 1
                            && i + 1 < self.len()
                            && self.same_clause(i, i + 1)
                            && in_list(lx::INDUSTRY_CUES_AFTER, self.lower(i + 1));
                        match cued
                            .then(|| canonical_industry(&format!("{text}s")))
                            .flatten()
                        {
                            Some(c) => (c, confidence::INDUSTRY_ONE_WORD_CUED),
                            None => continue,
                        }
                    }
                };
                let mut end = i + n;
                while end < self.len()
                    && self.free(end, 1)
                    && self.same_clause(i, end)
                    && (in_list(lx::INDUSTRY_CUES_AFTER, self.lower(end))
                        || in_list(lx::INDUSTRY_NOUNS_AFTER, self.lower(end)))
                    && end < i + n + 2
                {
                    end += 1;
                }
                // "currently at a bank": past an article to the cue
                let cue_end =
                    if i > 0 && self.free(i - 1, 1) && in_list(ARTICLES, self.lower(i - 1)) {
                        i - 1
                    } else {
                        i
                    };
                // "at a Series C fintech": a current employer's size just before
                let after_current_size = self.found.iter().any(|f| {
                    matches!(
                        f.filter.criterion,
                        Criterion::CompanySize {
                            history: History::Current,
                            ..
                        }
                    ) && f.end <= self.tokens[i].start
                        && self.prompt[f.end..self.tokens[i].start].trim().is_empty()
                });
                // "at NGOs or charities": an industry listed right after one
                // read keeps that one's history
                let listed_history = self.history_listed_before(i, |c| match c {
                    Criterion::CompanyIndustry { history, .. } => Some(*history),
                    _ => None,
                });
                let history = if let Some(history) = listed_history {
                    history
                } else if self.phrase_before(i, lx::PAST_CUES).is_some() {
                    History::Past
                } else if after_current_size
                    || self
                        .phrase_before(cue_end, lx::INDUSTRY_CURRENT_BEFORE)
                        .is_some()
                    || self.prompt[..self.tokens[i].start]
                        .trim_end()
                        .ends_with('@')
                {
                    History::Current
                } else {
                    History::CurrentOrPast
                };
                let mode = self.modes[i];
                self.push(
                    (i, end),
                    mode,
                    Criterion::CompanyIndustry {
                        industry: industry.to_owned(),
                        history,
                    },
                    confidence,
                    format!("industry: {industry}"),
                );
                self.claim(i, end);
                self.employers_in_brackets(end, history);
                break;
            }
        }
    }

    /// "case managers, Aetna or Humana": a capitalised name no rule read,
    /// that the asker's data knows as an employer (see
    /// [`crate::prompt::KnownNames`]), is one — current or past — unless it
    /// is listed with skills or follows a skill's cue ("with Zentrix").
    pub(super) fn known_employers(&mut self) {
        let mut i = 0;
        while i < self.len() {
            let candidate = self.free(i, 1)
                && self.tokens[i].capitalized()
                && !self.is_filler(i)
                && self.phrase_before(i, lx::SKILL_CUES).is_none();
            let Some(end) = candidate.then(|| self.name_run(i, false)).flatten() else {
                i += 1;
                continue;
            };
            let name = self.text(i, end).to_owned();
            let known = self.could_be_employer(i, end)
                && scout_taxonomy::skills::canonical_skill(&name).is_none()
                && self.listed_with_a_skill(i, end).is_none()
                && self.known.is_employer(&name);
            if !known {
                i = end;
                continue;
            }
            let mode = self.modes[i];
            self.push(
                (i, end),
                mode,
                Criterion::CompanyName {
                    name: name.chars().take(MAX_VALUE_CHARS).collect(),
                    history: History::CurrentOrPast,
                },
                confidence::EMPLOYER_KNOWN_FROM_DATA,
                format!("employer: \"{name}\" is an employer in the profiles searched"),
            );
            self.claim(i, end);
            i = end;
        }
    }

    /// "marketplace co (Uber/Lyft/DoorDash)", "CRO experience (IQVIA, ICON,
    /// Parexel)": names in brackets after a word for a company, or after
    /// *experience / background*, are employers (current or past) when
    /// every item is a name and none is a skill ("cloud experience (AWS,
    /// GCP)" names skills).
    pub(super) fn employers_in_brackets_after_nouns(&mut self) {
        for i in 0..self.len().saturating_sub(1) {
            let opens = self.prompt[self.tokens[i].end..self.tokens[i + 1].start].contains('(');
            if !opens || !in_list(lx::BRACKETED_EMPLOYERS_AFTER, self.lower(i)) {
                continue;
            }
            let mut k = i + 1;
            let mut names = 0;
            loop {
                let t = &self.tokens[k];
                if t.capitalized() {
                    if scout_taxonomy::skills::canonical_skill(&t.text).is_some() {
                        names = 0;
                        break;
                    }
                    names += 1;
                } else if !in_list(LIST_JOINERS, &t.lower) {
                    names = 0;
                    break;
                }
                let closes = k + 1 >= self.len()
                    || self.prompt[t.end..self.tokens[k + 1].start].contains(')');
                k += 1;
                if closes {
                    break;
                }
            }
            if names >= 2 {
                self.employers_in_brackets(i + 1, History::CurrentOrPast);
            }
        }
    }

    /// "luxury retail (LVMH, Kering, Richemont brands)", "a top consulting
    /// firm (McK, BCG, Bain)": the employers named in brackets right after
    /// an industry, with its history.
    fn employers_in_brackets(&mut self, end: usize, history: History) {
        // (past the nouns that carry nothing: "consulting firm (…)")
        let mut end = end;
        while end < self.len()
            && self.same_clause(end - 1, end)
            && in_list(lx::CARRY_NOTHING, self.lower(end))
        {
            end += 1;
        }
        if end == 0
            || end >= self.len()
            || !self.prompt[self.tokens[end - 1].end..self.tokens[end].start].contains('(')
        {
            return;
        }
        // every item a name (or a group, or a word that carries nothing),
        // up to the closing bracket — else none is taken ("automotive (ISO
        // 26262)", "(SOC analyst, SIEM, splunk)")
        let mut k = end;
        let mut items: Vec<(usize, usize, Vec<String>)> = Vec::new();
        loop {
            if k >= self.len() {
                return;
            }
            let next = if !self.free(k, 1) {
                // a name another reader took already ("McK" as a group)
                let employer = self.found.iter().any(|f| {
                    matches!(f.filter.criterion, Criterion::CompanyName { .. })
                        && f.start <= self.tokens[k].start
                        && f.end >= self.tokens[k].end
                });
                if !employer {
                    return;
                }
                k + 1
            } else if let Some((gn, names, _)) = self.group_at(k) {
                items.push((k, k + gn, names.iter().map(|n| (*n).to_owned()).collect()));
                k + gn
            } else if let Some(e) = self
                .name_run(k, false)
                .filter(|&e| self.tokens[k].capitalized() && self.could_be_employer(k, e))
            {
                items.push((k, e, vec![self.text(k, e).to_owned()]));
                e
            } else if in_list(lx::CARRY_NOTHING, self.lower(k))
                || in_list(LIST_JOINERS, self.lower(k))
            {
                items.push((k, k + 1, Vec::new()));
                k + 1
            } else {
                return;
            };
            let closes = next >= self.len()
                || self.prompt[self.tokens[next - 1].end..self.tokens[next].start].contains(')');
            k = next;
            if closes {
                break;
            }
        }
        for (s, e, names) in items {
            for name in &names {
                self.push_employer((s, e), name, history, "employer named with an industry");
            }
            self.claim(s, e);
        }
    }
}

/// "logistics company" → "logistics companies": the plural of a phrase
/// ending in a noun for a company, under which the industry words list it.
/// "easyJet", "eBay", "iRobot": a lower-case letter, then a capital inside
/// the word (not "iOS"-like skills, which the skills reader takes first).
fn camel_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase)
        && word.chars().all(char::is_alphanumeric)
        && word.chars().skip(1).any(char::is_uppercase)
        && scout_taxonomy::skills::canonical_skill(word).is_none()
}

/// Fewer people than this, a town's name after an employer's cue is read
/// as the employer's ("from Hays"); a city's stays a place.
const SMALL_TOWN: u64 = 100_000;

/// Whether a word names a field titles are named after: "finance" (finance
/// manager, finance director), "marketing", "sales" — the titles gazetteer
/// knows it before a manager or a director.
fn names_a_field(word: &str) -> bool {
    let w = word.to_lowercase();
    !w.contains(' ')
        && ["manager", "director"]
            .iter()
            .any(|role| scout_taxonomy::titles::is_known_title(&format!("{w} {role}")))
}

fn plural_of_last_noun(text: &str) -> Option<String> {
    let (head, last) = text.rsplit_once(' ')?;
    let plural = match last {
        "company" => "companies".to_owned(),
        "business" => "businesses".to_owned(),
        "firm" | "provider" | "operator" | "group" | "startup" | "brand" => format!("{last}s"),
        _ => return None,
    };
    Some(format!("{head} {plural}"))
}
