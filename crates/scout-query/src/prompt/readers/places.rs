//! Places: after a cue (*in, near, based in…*), with a radius, or named
//! alone when they are large enough to be unambiguous.

use super::in_list;
use super::Reader;
use crate::filter::Criterion;
use crate::prompt::confidence;
use crate::prompt::lexicon as lx;
use crate::prompt::lexicon::LIST_JOINERS;
use scout_taxonomy::industries::canonical_industry;
use scout_taxonomy::languages::canonical_language;
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::titles::is_known_title;
use scout_taxonomy::{geocode, GeoKind};

/// Words after a US state's code that make it an area (*NJ/PA area*).
const AREA_WORDS: &[&str] = &["area", "region", "metro"];

impl<'a> Reader<'a> {
    /// `end` past the state or country that follows a city and contains it
    /// ("Austin TX", "Austin, Texas", "Lyon France"): said of the same place.
    /// When the state names a smaller city of that name than the largest
    /// ("Portland ME", "London, Ontario", "Birmingham AL"), the place to
    /// search is the city with its state, returned with the end.
    pub(super) fn state_after(
        &self,
        end: usize,
        place: &scout_taxonomy::GeoMatch,
        city: &str,
    ) -> (usize, Option<String>) {
        if !matches!(place.kind, GeoKind::City | GeoKind::Region)
            || end >= self.len()
            || !self.free(end, 1)
        {
            return (end, None);
        }
        let between = self.prompt[self.tokens[end - 1].end..self.tokens[end].start].trim();
        if !(between.is_empty() || between == ",") {
            return (end, None);
        }
        // "Ontario, Canada": a state or province's country is part of it
        if place.kind == GeoKind::Region {
            let country = (1..=3).rev().find(|&n| {
                end + n <= self.len()
                    && self.free(end, n)
                    && self.tokens[end].capitalized()
                    && geocode(self.text(end, end + n)).is_some_and(|g| {
                        g.kind == GeoKind::Country && g.country_code == place.country_code
                    })
            });
            return (country.map_or(end, |n| end + n), None);
        }
        let word = &self.tokens[end].text;
        let code = word.len() == 2 && word.chars().all(|c| c.is_ascii_uppercase());
        let contains = |g: &scout_taxonomy::GeoMatch, qualifier: &str, as_code: bool| {
            if as_code {
                let key = format!("{}.{qualifier}", g.country_code);
                return g.region_key.as_deref() == Some(key.as_str())
                    || qualifier == g.country_code;
            }
            geocode(qualifier).is_some_and(|q| match q.kind {
                GeoKind::Country => q.country_code == g.country_code,
                GeoKind::Region => q.region_key.is_some() && q.region_key == g.region_key,
                _ => false,
            })
        };
        // (the place meant may be another than the largest of its name —
        // "Boston/Cambridge MA" — and then the state goes with the value)
        let plain_is_meant = geocode(city).is_some_and(|g| {
            g.country_code == place.country_code && g.region_key == place.region_key
        });
        let with_state =
            |n: usize| (!plain_is_meant).then(|| format!("{city}, {}", self.text(end, end + n)));
        if code && contains(place, word, true) {
            return (end + 1, with_state(1));
        }
        // "Perth WA", "Victoria BC": an Australian state's or a Canadian
        // province's letters, which the place tables key by number
        let letters = match place.country_code.as_str() {
            "AU" => &["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"][..],
            "CA" => &["ON", "BC", "QC", "AB", "MB", "SK", "NS", "NB", "NL", "PE"][..],
            _ => &[][..],
        };
        if letters.contains(&word.as_str()) {
            return (end + 1, None);
        }
        for n in (1..=3).rev() {
            if end + n <= self.len()
                && self.free(end, n)
                && self.tokens[end].capitalized()
                && contains(place, self.text(end, end + n), false)
            {
                return (end + n, with_state(n));
            }
        }
        for n in (1..=3).rev() {
            if end + n > self.len() || !self.free(end, n) || !self.tokens[end].capitalized() {
                continue;
            }
            let qualifier = self.text(end, end + n);
            let qualified = format!("{city}, {qualifier}");
            // the qualifier chose another city of the name: it was understood
            if geocode(&qualified).is_some_and(|g| {
                g.kind == GeoKind::City
                    && (g.country_code != place.country_code || g.region_key != place.region_key)
            }) {
                return (end + n, Some(qualified));
            }
        }
        (end, None)
    }

    /// A place of up to four free words starting at `i`: (end, match).
    pub(super) fn place_at(
        &self,
        i: usize,
        capitalized_only: bool,
    ) -> Option<(usize, scout_taxonomy::GeoMatch)> {
        for n in (1..=4).rev() {
            let filler_edge = |k: usize| self.is_filler(k) && !self.tokens[k].capitalized();
            if !self.free(i, n) || filler_edge(i) || filler_edge(i + n - 1) {
                continue;
            }
            // "SF bay area", "Paris region": lower-case words of an area's name
            let area_word = |k: usize| {
                ["bay", "area", "region", "metro", "coast", "valley"].contains(&self.lower(k))
            };
            // continents and regions read the same in lower case ("remote
            // europe", "latam"): no everyday word is spelt like them
            let region_word = |k: usize| lx::REGION_WORDS.contains(&self.lower(k));
            // "City of London", "Frankfurt am Main": a small word inside a
            // capitalised name
            let inner_connector =
                |k: usize| k > i && k + 1 < i + n && lx::PLACE_CONNECTORS.contains(&self.lower(k));
            if capitalized_only
                && !(i..i + n).all(region_word)
                && !(self.tokens[i].capitalized()
                    && (i..i + n).all(|k| {
                        self.tokens[k].capitalized() || area_word(k) || inner_connector(k)
                    }))
            {
                continue;
            }
            let text = self.text(i, i + n);
            // two letters only for the codes people type in capitals for a
            // large place (not IT, HR, AI…, which are words in prompts)
            // — and a country's code in capitals right after *remote* that
            // ends its clause, which says where someone works from ("remote
            // NL", "Remote DE,"; not "remote IT support", nor a US state's
            // code: "remote CA" may be California)
            let country_after_remote = n == 1
                && i > 0
                && self.lower(i - 1) == "remote"
                && (i + 1 == self.len() || !self.same_clause(i, i + 1))
                && text.len() == 2
                && text.chars().all(|c| c.is_ascii_uppercase())
                && !lx::WORDS_AS_CODES.contains(&text)
                && !lx::US_STATE_CODES.contains(&text)
                && geocode(text).is_some_and(|g| g.kind == GeoKind::Country);
            if text.chars().count() < 3
                && !["US", "UK", "EU", "SF", "NY", "LA", "DC", "HK", "SG"].contains(&text)
                && !country_after_remote
            {
                continue;
            }
            if let Some(g) = geocode(text) {
                return Some((i + n, g));
            }
        }
        None
    }

    pub(super) fn acceptable_place(
        &self,
        i: usize,
        end: usize,
        place: &scout_taxonomy::GeoMatch,
    ) -> bool {
        let text = self.text(i, end);
        // "P&G", "AT&T": an ampersand inside a word makes it a name
        if text.contains('&') {
            return false;
        }
        let ambiguous = canonical_skill(text).is_some()
            || is_known_title(text)
            || canonical_industry(text).is_some()
            || lx::INDUSTRY_WORDS
                .iter()
                .any(|(w, _)| *w == text.to_lowercase())
            || canonical_language(text).is_some();
        !ambiguous || (self.tokens[i].capitalized() && place.population >= 500_000)
    }

    /// "NC or SC", "NJ/PA area": US states' postal codes listed together,
    /// or one before *area*, are those states (alone, two capitals are
    /// too terse: *CA* is Canada, *IN* a word).
    pub(super) fn state_codes(&mut self) {
        let code_at = |r: &Self, k: usize| {
            k < r.len()
                && r.free(k, 1)
                && lx::US_STATE_CODES.contains(&r.tokens[k].text.as_str())
                && !["IN", "OR", "ME", "HI", "OK", "ID", "DC"].contains(&r.tokens[k].text.as_str())
        };
        // a code next to another code, past one joiner word or sign
        let listed = |r: &Self, k: usize| {
            let joined = |a: usize, b: usize| {
                r.same_clause(a, b)
                    && r.prompt[r.tokens[a].end..r.tokens[b].start]
                        .trim()
                        .chars()
                        .all(|c| "/&+".contains(c))
            };
            let before = (k >= 1 && code_at(r, k - 1) && joined(k - 1, k))
                || (k >= 2
                    && code_at(r, k - 2)
                    && in_list(lx::LIST_JOINERS, r.lower(k - 1))
                    && r.same_clause(k - 2, k));
            let after = (code_at(r, k + 1) && joined(k, k + 1))
                || (k + 2 < r.len()
                    && code_at(r, k + 2)
                    && in_list(lx::LIST_JOINERS, r.lower(k + 1))
                    && r.same_clause(k, k + 2));
            // (not a city's state: "Portland ME area")
            let area = k + 1 < r.len()
                && r.same_clause(k, k + 1)
                && in_list(AREA_WORDS, r.lower(k + 1))
                && !(k >= 1 && r.same_clause(k - 1, k) && r.tokens[k - 1].capitalized());
            before || after || area
        };
        let codes: Vec<usize> = (0..self.len())
            .filter(|&k| code_at(self, k) && listed(self, k))
            .collect();
        for k in codes {
            let Some(state) = scout_taxonomy::us_state(&self.tokens[k].text) else {
                continue;
            };
            let mut end = k + 1;
            if end < self.len()
                && self.free(end, 1)
                && self.same_clause(k, end)
                && in_list(AREA_WORDS, self.lower(end))
            {
                end += 1;
            }
            let mode = self.modes[k];
            self.push(
                (k, end),
                mode,
                Criterion::Location {
                    place: state.name.clone(),
                    radius_km: None,
                },
                confidence::PLACE_WITHOUT_CUE,
                format!(
                    "place: {} (a US state's code listed with another, or before \"area\")",
                    state.name
                ),
            );
            self.claim(k, end);
        }
    }

    pub(super) fn cued_places(&mut self) {
        let mut i = 0;
        while i < self.len() {
            let Some((n, cue)) = self.longest(i, lx::PLACE_CUES) else {
                i += 1;
                continue;
            };
            // "licensed in California", "admitted in New York": where a
            // licence holds, not where the person is
            let licence = i > 0
                && self.same_clause(i - 1, i)
                && in_list(
                    &[
                        "licensed",
                        "licenced",
                        "registered",
                        "admitted",
                        "certified",
                        "qualified",
                        "accredited",
                    ],
                    self.lower(i - 1),
                );
            if licence {
                if let Some((end, _)) = (i + n < self.len())
                    .then(|| self.place_at(i + n, false))
                    .flatten()
                {
                    self.note(i - 1, end, "where a licence holds, not a place to search");
                    self.claim(i - 1, end);
                    i = end;
                    continue;
                }
            }
            let mut k = i + n;
            let mut start = i;
            let mut found_any = false;
            while let Some((end, place)) = (k < self.len() && self.same_clause(i, k))
                .then(|| self.place_at(k, false))
                .flatten()
            {
                // "at a bank": a word in lower case that names only a small
                // town is the word
                let small_lower_case_town = !self.tokens[k].capitalized()
                    && place.kind == GeoKind::City
                    && place.population < 50_000;
                if !self.acceptable_place(k, end, &place) || small_lower_case_town {
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
                let (end, qualified) = self.state_after(end, &place, &text);
                self.push(
                    (start, end),
                    mode,
                    Criterion::Location {
                        place: qualified.unwrap_or(text),
                        radius_km: near.then_some(lx::NEAR_RADIUS_KM),
                    },
                    confidence::PLACE_AFTER_CUE,
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

    /// "Head of Sales DACH, …, Munich": a region of several countries right
    /// after a title is the territory the role covers, a keyword, when
    /// another place says where the person is.
    pub(super) fn territories(&mut self) {
        let is_place =
            |f: &super::ReadFilter| matches!(f.filter.criterion, Criterion::Location { .. });
        if self.found.iter().filter(|f| is_place(f)).count() < 2 {
            return;
        }
        let title_ends: Vec<usize> = self
            .found
            .iter()
            .filter(|f| matches!(f.filter.criterion, Criterion::JobTitle { .. }))
            .map(|f| f.end)
            .collect();
        let prompt = self.prompt;
        for f in &mut self.found {
            let Criterion::Location { place, .. } = &f.filter.criterion else {
                continue;
            };
            let several_countries = geocode(place)
                .is_some_and(|g| g.kind == GeoKind::Area && g.country_code.is_empty());
            // (named right after the title, without a cue: "in DACH" is
            // where the person is)
            let after_title = f.text == *place
                && title_ends
                    .iter()
                    .any(|&e| e <= f.start && prompt[e..f.start].trim().is_empty());
            if several_countries && after_title {
                f.filter.criterion = Criterion::Keyword(place.clone());
                f.filter.required = false;
                f.confidence = confidence::KEYWORD;
                f.reason =
                    "the territory a role covers (a region after its title), kept as a keyword"
                        .into();
            }
        }
    }

    /// "Cupertino/San Jose area", "Basel or Zug": a smaller town (words
    /// `i..end`) listed right before or after a large place of its country.
    fn listed_with_a_large_place(
        &self,
        i: usize,
        end: usize,
        place: &scout_taxonomy::GeoMatch,
    ) -> bool {
        // "Cupertino/San Jose area", "Cupertino or San Jose": a smaller
        // town listed beside a large place of its country
        let beside = {
            let mut k = end;
            let slash = k < self.len()
                && self.prompt[self.tokens[k - 1].end..self.tokens[k].start].contains('/');
            if !slash
                && k + 1 < self.len()
                && self.same_clause(i, k)
                && in_list(LIST_JOINERS, self.lower(k))
            {
                k += 1;
            }
            (slash || k > end)
                && k < self.len()
                && self.same_clause(i, k)
                && self.place_at(k, true).is_some_and(|(_, g)| {
                    g.population >= 100_000 && g.country_code == place.country_code
                })
        };
        // … or after it ("Basel or Zug")
        let after = i > 0 && {
            let slash = self.prompt[self.tokens[i - 1].end..self.tokens[i].start].contains('/');
            let before = if slash {
                Some(i - 1)
            } else if i > 1 && in_list(LIST_JOINERS, self.lower(i - 1)) {
                Some(i - 2)
            } else {
                None
            };
            before.is_some_and(|b| {
                self.same_clause(b, i)
                    && self.found.iter().any(|f| {
                        f.end == self.tokens[b].end
                            && matches!(&f.filter.criterion, Criterion::Location { place: p, .. }
                                if geocode(p).is_some_and(|g| g.population >= 100_000
                                    && g.country_code == place.country_code))
                    })
            })
        };
        beside || after
    }

    pub(super) fn bare_places(&mut self) {
        for i in 0..self.len() {
            let region = lx::REGION_WORDS.contains(&self.lower(i));
            if !self.free(i, 1) {
                continue;
            }
            // recruiters type in lower case: a city of half a million people or
            // more is read so too ("kotlin berlin 6+ yrs"), unless its name
            // is also a skill, a title, an industry or a language, or a word
            // that three titles of the gazetteer use ("own van")
            // and so is a metro area of two words or more ("bay area",
            // "silicon valley", "greater london")
            let lower_city = !self.tokens[i].capitalized()
                && !region
                && self.place_at(i, false).is_some_and(|(end, g)| {
                    let city = g.kind == GeoKind::City
                        && g.population >= 500_000
                        && end == i + 1
                        && !self.is_filler(i)
                        && !in_list(lx::CARRY_NOTHING, self.lower(i))
                        // "own van", "mobile": a word of working life
                        && !scout_taxonomy::titles::is_common_title_word(&self.tokens[i].folded);
                    let metro =
                        g.kind == GeoKind::Area && end >= i + 2 && !g.country_code.is_empty();
                    city || metro
                });
            if !(self.tokens[i].capitalized() || region || lower_city) {
                continue;
            }
            let found = if lower_city {
                self.place_at(i, false)
            } else {
                self.place_at(i, true)
            };
            let Some((end, place)) = found else {
                continue;
            };
            // "Can you…": a word that carries nothing is no place; "LATAM
            // accounts": a region that names a market
            let all_caps = self.tokens[i].text.chars().all(|c| c.is_ascii_uppercase());
            let one_word_chatter = end == i + 1
                && !all_caps
                && (self.is_filler(i) || in_list(lx::CARRY_NOTHING, self.lower(i)));
            let market = end < self.len()
                && self.same_clause(i, end)
                && in_list(
                    &[
                        "accounts",
                        "account",
                        "market",
                        "markets",
                        "clients",
                        "customers",
                        "territory",
                        "territories",
                        "expansion",
                    ],
                    self.lower(end),
                );
            // "Meta ads": a company people name as often as the place;
            // "ARM Cortex-M": a country's three-letter code in capitals is a
            // word (bar the few people write for countries)
            let company = lx::EMPLOYER_GROUPS
                .iter()
                .flat_map(|(_, names)| names.iter())
                .any(|n| *n == self.text(i, end));
            let iso3_code = end == i + 1
                && all_caps
                && self.tokens[i].text.len() == 3
                && place.kind == GeoKind::Country
                && !["USA", "UAE", "KSA"].contains(&self.tokens[i].text.as_str());
            if one_word_chatter || market || company || iso3_code {
                continue;
            }
            let big_enough = place.population >= 100_000
                || (place.kind == GeoKind::City && self.listed_with_a_large_place(i, end, &place));
            if !big_enough || !self.acceptable_place(i, end, &place) {
                continue;
            }
            let mode = self.modes[i];
            let text = self.text(i, end).to_owned();
            let (end, qualified) = self.state_after(end, &place, &text);
            self.push(
                (i, end),
                mode,
                Criterion::Location {
                    place: qualified.unwrap_or(text),
                    radius_km: None,
                },
                confidence::PLACE_WITHOUT_CUE,
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
}
