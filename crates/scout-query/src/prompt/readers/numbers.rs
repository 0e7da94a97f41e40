//! Numbers in a prompt: a radius around a place, years of experience or
//! in the current role, and graduation years.

use super::Reader;
use super::{in_list, overlapping_ranges};
use crate::filter::{Criterion, YearRange};
use crate::prompt::confidence;
use crate::prompt::lexicon::{
    AT_LEAST, AT_MOST, EXPERIENCE_WORDS, GRADUATION_AFTER, GRADUATION_BEFORE, KM_UNITS, MILE_UNITS,
    MONTH_UNITS, NEW_IN_ROLE, NUMBER_WORDS, RADIUS_AFTER, RADIUS_BEFORE, RANGE_JOINERS,
    TENURE_WORDS, YEAR_UNITS,
};
use crate::search_request::MAX_RADIUS_KM;
use scout_taxonomy::GeoKind;

impl<'a> Reader<'a> {
    pub(super) fn number_unit(&self, i: usize) -> Option<(f64, usize)> {
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

    pub(super) fn radius(&mut self) {
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
                confidence::RADIUS,
                format!(
                    "place with a radius: {km} km around {} ({})",
                    place.name,
                    place.kind.as_str()
                ),
            );
            self.claim(start, end);
        }
    }

    pub(super) fn years(&mut self) {
        self.new_in_role();
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

    /// "new in role", "recently started a new job": less than a year in the
    /// current role.
    fn new_in_role(&mut self) {
        for i in 0..self.len() {
            let Some((n, phrase)) = self.longest(i, NEW_IN_ROLE) else {
                continue;
            };
            let mode = self.modes[i];
            self.push(
                (i, i + n),
                mode,
                Criterion::DurationInJob(YearRange { lo: 0, hi: 1 }),
                confidence::YEARS,
                format!("time in the current role: \"{phrase}\" is less than a year, the documented range 0-1"),
            );
            self.claim(i, i + n);
            self.new_in_role_read = true;
        }
    }

    pub(super) fn graduation_year(&mut self, i: usize) -> bool {
        let lower = self.lower(i);
        let year_of = |w: &str| {
            w.parse::<u16>()
                .ok()
                .filter(|y| w.len() == 4 && (1950..=2035).contains(y))
        };
        // "graduated in 2019-2021", "grads from Waterloo, 2019-2021": each
        // year of a short range of years
        if let Some((a, b)) = lower.split_once(['-', '–']) {
            let (Some(a), Some(b)) = (year_of(a), year_of(b)) else {
                return false;
            };
            if a > b || b - a > 10 || !self.graduates_said_before(i) {
                return false;
            }
            let mode = self.modes[i];
            let start = self.phrase_before(i, GRADUATION_BEFORE).unwrap_or(i);
            for year in a..=b {
                self.push(
                    (start, i + 1),
                    mode,
                    Criterion::GraduationYear(year),
                    confidence::GRADUATION_YEAR,
                    format!("graduation year {year} (of the range {a}-{b})"),
                );
            }
            self.claim(start, i + 1);
            return true;
        }
        let Some(year) = year_of(lower) else {
            return false;
        };
        let before = self.phrase_before(i, GRADUATION_BEFORE);
        let after = i + 1 < self.len()
            && self.free(i + 1, 1)
            && GRADUATION_AFTER.contains(&self.lower(i + 1));
        // "recent grads (2023 or 2024)": years in brackets after a
        // graduate's word, and a year listed after one read
        let bracketed = i > 0
            && in_list(
                &["grads", "grad", "graduates", "graduate", "graduating"],
                self.lower(i - 1),
            )
            && self.prompt[self.tokens[i - 1].end..self.tokens[i].start].contains('(');
        let listed = i >= 2
            && in_list(crate::prompt::lexicon::LIST_JOINERS, self.lower(i - 1))
            && self.found.last().is_some_and(|f| {
                matches!(f.filter.criterion, Criterion::GraduationYear(_))
                    && f.end == self.tokens[i - 2].end
            });
        // "grads from Waterloo, 2022": a year standing alone as an item of
        // a prompt that spoke of graduates
        let alone = self.item_alone(i) && self.graduates_said_before(i);
        let (start, end) = match (before, after) {
            (Some(s), _) => (s, i + 1),
            (None, true) => (i, i + 2),
            (None, false) if bracketed || listed || alone => (i, i + 1),
            (None, false) => return false,
        };
        let mode = self.modes[i];
        self.push(
            (start, end),
            mode,
            Criterion::GraduationYear(year),
            confidence::GRADUATION_YEAR,
            format!("graduation year {year}"),
        );
        self.claim(start, end);
        true
    }

    /// Whether a word before `i` speaks of graduates or graduating.
    fn graduates_said_before(&self, i: usize) -> bool {
        (0..i).any(|k| {
            in_list(
                &[
                    "graduated",
                    "graduates",
                    "graduate",
                    "grads",
                    "grad",
                    "graduating",
                    "alumni",
                    "alums",
                ],
                self.lower(k),
            )
        })
    }

    /// Whether word `i` is an item of its own between commas (or ends the
    /// prompt after one), alone or the first of a list of years.
    fn item_alone(&self, i: usize) -> bool {
        let gap = |a: usize, b: usize| self.prompt[self.tokens[a].end..self.tokens[b].start].trim();
        let before = i > 0 && gap(i - 1, i) == ",";
        // ("2018 or 2019": the list of years is the item)
        let listed = i + 2 < self.len()
            && in_list(crate::prompt::lexicon::LIST_JOINERS, self.lower(i + 1))
            && self.lower(i + 2).parse::<u16>().is_ok();
        let after = i + 1 >= self.len() || gap(i, i + 1) == "," || listed;
        before && after
    }

    /// `5`, `5+`, `3-5`, `5y`, `10+yrs`, `6mo`, `three-plus` → (lo, hi or
    /// none, plus, the unit typed inside the word: `Some(true)` for months).
    pub(super) fn number_token(word: &str) -> Option<(u32, Option<u32>, bool, Option<bool>)> {
        // "three", "three-plus", "five+"
        let spelled = word.trim_end_matches('+').trim_end_matches("-plus");
        if let Some((_, n)) = NUMBER_WORDS.iter().find(|(w, _)| *w == spelled) {
            return Some((*n, None, spelled.len() < word.len(), None));
        }
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
        let plus = plus || word.ends_with('+');
        if rest.is_empty() {
            Some((lo, hi, plus, None))
        } else if in_list(YEAR_UNITS, rest) {
            Some((lo, hi, plus, Some(false)))
        } else if in_list(MONTH_UNITS, rest) {
            Some((lo, hi, plus, Some(true)))
        } else {
            None
        }
    }

    pub(super) fn experience_years(&mut self, i: usize) {
        // "a year", "an year": one
        let one = ["a", "an"].contains(&self.lower(i))
            && self.same_clause(i, i + 1)
            && (in_list(YEAR_UNITS, self.lower(i + 1)) || in_list(MONTH_UNITS, self.lower(i + 1)));
        let parsed = if one {
            Some((1, None, false, None))
        } else {
            Self::number_token(self.lower(i))
        };
        let Some((lo, mut hi, mut plus, inline)) = parsed else {
            return;
        };
        let mut months = inline == Some(true);
        let mut k = i + 1;
        if hi.is_none() && inline.is_none() {
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
        if inline.is_none() {
            if !self.same_clause(i, k) {
                return;
            }
            let unit = self.lower(k).trim_end_matches('+');
            if in_list(MONTH_UNITS, unit) {
                months = true;
            } else if !in_list(YEAR_UNITS, unit) {
                return;
            }
            plus |= self.lower(k).ends_with('+');
            k += 1;
        }
        if self.same_clause(i, k) && self.lower(k) == "+" {
            plus = true;
            k += 1;
        }
        // months as whole years: under 12 months is under a year
        let (lo, hi) = if months {
            (lo / 12, hi.map(|h| h.div_ceil(12)))
        } else {
            (lo, hi)
        };
        let lo_months_under_a_year = months && lo == 0;
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
        } else if self.sign_before(i, &['<', '≤']) {
            // "< 2 yrs"
            at_most = true;
        } else if self.sign_before(i, &['>', '≥']) {
            plus = true;
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
        let before = if start > 0
            && ["for", "since", "depuis", "seit", "desde"].contains(&self.lower(start - 1))
        {
            start - 1
        } else {
            start
        };
        // "who've been at Stripe or Adyen for 3+ years": how long they have
        // been with their employer
        // (with or without "for": "been at Shopify 5+ years")
        let been_at = (before.saturating_sub(8)..before).any(|k| {
            self.same_clause(k, before)
                && self.lower(k) == "been"
                && matches!(
                    self.tokens.get(k + 1).map(|t| t.lower.as_str()),
                    Some("at" | "with")
                )
        });
        if let Some(s) = self.phrase_before(before, TENURE_WORDS) {
            start = s;
            tenure = true;
        } else if been_at {
            start = before;
            tenure = true;
        } else if self.new_in_role_read {
            // "new in role (under 12 months)": the number says how new
            tenure = true;
        }
        // "contract 6 months", "a 6-month contract", "notice 30 days": how
        // long a contract runs, not anyone's experience
        const ENGAGEMENTS: &[&str] = &[
            "contract",
            "contracts",
            "notice",
            "probation",
            "mission",
            "assignment",
            "engagement",
            "project",
            "gig",
            "cdd",
            "befristet",
        ];
        let engagement_before = start > 0
            && self.same_clause(start - 1, start)
            && in_list(ENGAGEMENTS, self.lower(start - 1));
        let engagement_after =
            k < self.len() && self.same_clause(i, k) && in_list(ENGAGEMENTS, self.lower(k));
        // "who left Google in the last 2 years", "over the past 6 months":
        // when something happened, which no filter says
        let window = start > 0
            && self.same_clause(start - 1, start)
            && in_list(&["last", "past"], self.lower(start - 1));
        if window && !tenure {
            // back over "the" and "in / over / within / during"
            let mut from = start - 1;
            while from > 0
                && self.same_clause(from - 1, from)
                && in_list(
                    &["the", "in", "over", "within", "during"],
                    self.lower(from - 1),
                )
            {
                from -= 1;
            }
            self.note(
                from,
                k,
                "when something happened, not years of experience: Scout has no filter for it",
            );
            self.claim(from, k);
            return;
        }
        if (engagement_before || engagement_after) && !tenure {
            let from = if engagement_before { start - 1 } else { start };
            let to = if engagement_after { k + 1 } else { k };
            self.note(
                from,
                to,
                "how long a contract runs, not years of experience",
            );
            self.claim(from, to);
            return;
        }
        let (lo, hi, said) = match (hi, plus, at_most) {
            (Some(h), _, _) if h > lo => (lo, h, format!("{lo} to {h} years")),
            (_, _, true) => (0, lo.max(1), format!("less than {} years", lo.max(1))),
            _ if lo_months_under_a_year => (0, 1, "less than a year".to_owned()),
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
                confidence::YEARS,
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
}
