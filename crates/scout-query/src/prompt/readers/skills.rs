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
            if self.suite_module(i) {
                continue;
            }
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
                // "recruiting a plant engineer", "sourcing an SRE": what the
                // one asking is doing, a verb before whom they look for
                if n == 1
                    && self.lower(i).ends_with("ing")
                    && i + 1 < self.len()
                    && self.same_clause(i, i + 1)
                    && in_list(&["a", "an", "some", "several"], self.lower(i + 1))
                {
                    continue;
                }
                // "Cairo or Dubai": a skill named like a city of a million
                // people is that city, unless a skill's cue comes before it
                let big_place = n == 1
                    && self.tokens[i].capitalized()
                    && scout_taxonomy::geocode(text).is_some_and(|g| {
                        matches!(
                            g.kind,
                            scout_taxonomy::GeoKind::City | scout_taxonomy::GeoKind::Country
                        ) && g.population >= 1_000_000
                            && fold(&g.name) == fold(text)
                    });
                if big_place && self.phrase_before(i, lx::SKILL_CUES).is_none() {
                    continue;
                }
                // "Cambridge MA", "Birmingham AL": a state's code after a town
                // of that state, not Mergers & Acquisitions
                let state_code = n == 1
                    && text.len() == 2
                    && text.chars().all(|c| c.is_ascii_uppercase())
                    && i > 0
                    && self.same_clause(i - 1, i)
                    && self.tokens[i - 1].capitalized()
                    && scout_taxonomy::geocode(&format!("{}, {text}", self.tokens[i - 1].text))
                        .is_some_and(|g| {
                            g.kind == scout_taxonomy::GeoKind::City
                                && g.region_key.as_deref()
                                    == Some(format!("{}.{text}", g.country_code).as_str())
                        });
                if state_code {
                    continue;
                }
                let mut confidence = confidence::SKILL;
                if n == 1 && in_list(AMBIGUOUS_SKILLS, &self.tokens[i].lower) {
                    let typed = &self.tokens[i].text;
                    // "swift swiftui": beside a skill that is no everyday
                    // word, an everyday word is that skill too
                    let beside_a_skill = [i.checked_sub(1), Some(i + 1)]
                        .into_iter()
                        .flatten()
                        .filter(|&k| k < self.len() && self.same_clause(i, k))
                        .any(|k| {
                            canonical_skill(&self.tokens[k].text).is_some()
                                && !in_list(AMBIGUOUS_SKILLS, &self.tokens[k].lower)
                        });
                    if !(typed == skill
                        || beside_a_skill
                        || (typed.chars().next().is_some_and(char::is_uppercase)
                            && typed.len() > 1))
                    {
                        continue;
                    }
                    confidence = confidence::SKILL_EVERYDAY_WORD;
                }
                let mode = self.modes[i];
                // "w/ Kotlin Multiplatform", "with AWS Lambda": after a
                // skill's cue, a product named after the skill, by a
                // capitalised word no list knows, is one skill
                let k = i + n;
                let product = k < self.len()
                    && self.free(k, 1)
                    && self.same_clause(i, k)
                    && self.tokens[k].capitalized()
                    && self.tokens[k].text.chars().all(char::is_alphabetic)
                    && self.tokens[k].text.chars().count() >= 3
                    && self.prompt[self.tokens[k - 1].end..self.tokens[k].start] == *" "
                    && self.phrase_before(i, lx::SKILL_CUES).is_some()
                    && canonical_skill(&self.tokens[k].text).is_none()
                    && scout_taxonomy::geocode(&self.tokens[k].text).is_none()
                    && scout_taxonomy::languages::canonical_language(&self.tokens[k].text)
                        .is_none()
                    && !scout_taxonomy::titles::is_known_title(&self.tokens[k].text)
                    && !self.is_filler(k);
                if product {
                    let name = self.text(i, k + 1).to_owned();
                    self.push(
                        (i, k + 1),
                        mode,
                        Criterion::Skill(name.clone()),
                        confidence,
                        format!("skill: {name}, a product of {skill}"),
                    );
                    self.claim(i, k + 1);
                    break;
                }
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

    /// "SAP FI", "SAP APO", "Oracle EBS": a suite's module, named by its
    /// capitals after the suite, is one skill (the search matches its words);
    /// so is a product named after *SAP* ("SAP Ariba", "SAP Concur").
    fn suite_module(&mut self, i: usize) -> bool {
        let module =
            |t: &str| (2..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
        let product = |k: usize| {
            self.lower(i) == "sap"
                && self.tokens[k].capitalized()
                && self.tokens[k].text.len() >= 4
                && !self.is_filler(k)
                && canonical_skill(&self.tokens[k].text).is_none()
                && scout_taxonomy::geocode(&self.tokens[k].text).is_none()
                && !scout_taxonomy::titles::is_known_title(&self.tokens[k].text)
        };
        if !(i + 1 < self.len()
            && self.free(i, 2)
            && in_list(&["sap", "oracle", "dynamics", "workday"], self.lower(i))
            && (module(&self.tokens[i + 1].text) || product(i + 1))
            && canonical_skill(self.text(i, i + 2)).is_none()
            && self.prompt[self.tokens[i].end..self.tokens[i + 1].start]
                .trim()
                .is_empty())
        {
            return false;
        }
        let name = self.text(i, i + 2).to_owned();
        let mode = self.modes[i];
        self.push(
            (i, i + 2),
            mode,
            Criterion::Skill(name.clone()),
            confidence::SKILL,
            format!("skill: {name}, a module of {}", self.tokens[i].text),
        );
        self.claim(i, i + 2);
        true
    }

    /// The mode of the skill that `i..j` is listed with — the neighbouring
    /// token on either side, joined by only a comma, *and*, *or*, `&`, `+`
    /// or `/`, is read as a skill — or `None`.
    pub(super) fn listed_with_a_skill(&self, i: usize, j: usize) -> Option<Mode> {
        // a large place or a language listed after skills is none
        // ("figma & protopie, amsterdam or rotterdam")
        let text = self.text(i, j);
        // (a country's code of three capitals is no place: "C, RTOS, ARM")
        let code = text.len() == 3
            && text.chars().all(|c| c.is_ascii_uppercase())
            && !["USA", "UAE", "KSA"].contains(&text);
        if !code
            && scout_taxonomy::geocode(text).is_some_and(|g| {
                g.kind == scout_taxonomy::GeoKind::Country
                    || (g.kind == scout_taxonomy::GeoKind::City && g.population >= 100_000)
            })
            || scout_taxonomy::languages::canonical_language(text).is_some()
        {
            return None;
        }
        // only separators and joiner words between tokens a and b
        // (at least one separator: two words side by side are no list)
        let joined = |a: usize, b: usize| {
            let between = &self.prompt[self.tokens[a].end..self.tokens[b].start];
            let words: Vec<&str> = between
                .split(|c: char| c.is_whitespace() || ",&+/;".contains(c))
                .filter(|w| !w.is_empty())
                .collect();
            words
                .iter()
                .all(|w| in_list(lx::LIST_JOINERS, &w.to_lowercase()))
                && (!words.is_empty() || between.contains([',', '&', '+', '/', ';']))
        };
        let skill_at = |k: usize| {
            self.found.iter().find(|r| {
                matches!(r.filter.criterion, Criterion::Skill(_))
                    && r.start <= self.tokens[k].start
                    && r.end >= self.tokens[k].end
            })
        };
        let mode_of = |r: &super::ReadFilter| {
            if r.filter.excluded {
                Mode::Excluded
            } else if r.filter.required {
                Mode::Required
            } else {
                Mode::Optional
            }
        };
        // "experienced with After Effects": a name-like run right after a
        // skill cue (not "with ICU experience", a field of experience)
        let name_like = (i..j).any(|k| {
            let t = &self.tokens[k].text;
            self.tokens[k].capitalized()
                || t.chars().any(|c| c.is_ascii_digit() || ".+#".contains(c))
        });
        let field_word = |k: usize| {
            in_list(
                &["experience", "background", "exp", "expertise"],
                self.lower(k),
            )
        };
        // ("with Michelin star restaurant experience": an industry read
        // between the run and its field word)
        let industry_between = |k: usize| {
            self.found.iter().any(|f| {
                matches!(f.filter.criterion, Criterion::CompanyIndustry { .. })
                    && f.start == self.tokens[k].start
                    && f.end >= self.tokens[k].end
            })
        };
        let field_after = j < self.len()
            && self.same_clause(i, j)
            && (field_word(j)
                || (industry_between(j)
                    && self.tokens[j..].iter().take(3).any(|t| {
                        t.clause == self.tokens[i].clause
                            && in_list(&["experience", "background"], t.lower.as_str())
                    })));
        // market segments (*B2B, SMB, mid-market*) are what people sell to, not skills
        let segment = (i..j).any(|k| in_list(lx::MARKET_SEGMENTS, self.lower(k)));
        // "L2/L3, Splunk": a support tier, never a skill
        let tier = |t: &str| {
            t.len() == 2 && t.starts_with(['L', 'l']) && t[1..].chars().all(|c| c.is_ascii_digit())
        };
        if j == i + 1 && tier(text) {
            return None;
        }
        // "in-house", "on-site": how someone works, never a skill
        if in_list(
            &[
                "in-house",
                "inhouse",
                "on-site",
                "onsite",
                "in-office",
                "full-time",
                "part-time",
                "on-call",
                "oncall",
            ],
            &self.text(i, j).to_lowercase(),
        ) {
            return None;
        }
        // "with NeurIPS or ICML papers": venues, not skills
        let venue = (j..(j + 4).min(self.len())).any(|k| {
            self.same_clause(i, k)
                && in_list(
                    &["papers", "paper", "publications", "publication", "talks"],
                    self.lower(k),
                )
        });
        if venue {
            return None;
        }
        if name_like && !field_after && !segment && self.phrase_before(i, lx::SKILL_CUES).is_some()
        {
            return Some(self.modes[i]);
        }
        // "on-call experience" in a list of skills: a field of experience,
        // not a skill the taxonomy does not know; "enterprise accounts,
        // Gainsight": a market, whatever it is listed with
        if (field_after || segment) && canonical_skill(self.text(i, j)).is_none() {
            return None;
        }
        let joiner = |k: usize| in_list(lx::LIST_JOINERS, self.lower(k));
        // the word before, past one joiner word ("Sketch and Photoshop")
        let before = match i.checked_sub(1) {
            Some(k) if joiner(k) && k > 0 => Some(k - 1),
            other => other,
        };
        if let Some(b) = before.filter(|&b| joined(b, i)) {
            if let Some(r) = skill_at(b) {
                return Some(mode_of(r));
            }
        }
        let after = if j < self.len() && joiner(j) {
            j + 1
        } else {
            j
        };
        if after < self.len() && joined(j - 1, after) {
            if let Some(r) = skill_at(after) {
                return Some(mode_of(r));
            }
        }
        None
    }

    /// "ISO 26262", "IEC 62304": the number of a standard after its body's
    /// acronym (four digits or more, so no count or year range is taken).
    fn standard_number(&self, k: usize) -> bool {
        let body = |t: &str| t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase());
        // ("SOC 2": a body of three letters or more may take a short number)
        let digits = self.tokens[k].lower.len();
        k > 0
            && (digits >= 4 || self.tokens[k - 1].text.len() >= 3)
            && self.tokens[k].lower.chars().all(|c| c.is_ascii_digit())
            && body(&self.tokens[k - 1].text)
            && self.prompt[self.tokens[k - 1].end..self.tokens[k].start] == *" "
    }

    /// "hybrid 2d/wk": a number of days before "/wk" or "a week".
    fn days_a_week(&self, k: usize) -> bool {
        let w = self.lower(k);
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        digits > 0
            && matches!(&w[digits..], "d" | "day" | "days")
            && k + 1 < self.len()
            && in_list(&["wk", "week", "w"], self.lower(k + 1))
    }

    pub(super) fn keywords(&mut self) {
        let mut i = 0;
        while i < self.len() {
            let usable = |r: &Self, k: usize| {
                let together = |a: usize, b: usize| {
                    b < r.len()
                        && in_list(lx::KEPT_TOGETHER, &format!("{} {}", r.lower(a), r.lower(b)))
                };
                let kept = together(k, k + 1) || (k > 0 && together(k - 1, k));
                // "GMT+/-2": a word that carries nothing, with its sign
                let bare = r.lower(k).trim_end_matches(['+', '-']);
                r.free(k, 1)
                    && (kept
                        || (!r.is_filler(k)
                            && !in_list(lx::CARRY_NOTHING, bare)
                            && !in_list(lx::CARRY_NOTHING, &r.tokens[k].folded)))
                    && (!is_number_with_unit(r.lower(k)) || r.standard_number(k))
                    && !r.days_a_week(k)
                    && !is_per_unit(r.prompt, r.tokens[k].start, r.lower(k))
                    // "full time", "part time"; "B2B contract" (a contract's
                    // kind, not a market)
                    && !(k + 1 < r.len()
                        && ((in_list(&["full", "part"], r.lower(k)) && r.lower(k + 1) == "time")
                            || (in_list(&["b2b", "b2c"], r.lower(k))
                                && in_list(&["contract", "contracts"], r.lower(k + 1)))))
                    // "recruiting a plant engineer": the asker's verb
                    && !(k + 1 < r.len()
                        && in_list(
                            &["recruiting", "hiring", "sourcing", "seeking", "searching"],
                            r.lower(k),
                        )
                        && in_list(&["a", "an", "some", "several", "for"], r.lower(k + 1)))
                    // "reporting to the CEO": whom the role answers to
                    && !(in_list(&["reporting", "reports", "report"], r.lower(k))
                        && k + 1 < r.len()
                        && in_list(&["to", "into"], r.lower(k + 1)))
                    && !is_arrondissement(r.lower(k))
                    && r.tokens[k].folded.len() >= 2
                    && (!r.tokens[k]
                        .lower
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '+' || c == '-')
                        || r.standard_number(k))
            };
            if !usable(self, i) {
                i += 1;
                continue;
            }
            // a run stops at a slash or comma: "NeurIPS/ICML" are two
            let apart = |r: &Self, a: usize, b: usize| {
                r.prompt[r.tokens[a].end..r.tokens[b].start].contains(['/', ','])
            };
            let mut j = i + 1;
            while j < self.len()
                && self.same_clause(i, j)
                && usable(self, j)
                && !apart(self, j - 1, j)
            {
                j += 1;
            }
            // "with Sketch and Photoshop", "excel, sql, python and looker":
            // a short run in a list of skills is a skill too
            if j - i <= 2 {
                if let Some(mode) = self.listed_with_a_skill(i, j) {
                    let text = self.text(i, j).to_owned();
                    let skill = canonical_skill(&text).map_or(text.clone(), str::to_owned);
                    self.push(
                        (i, j),
                        mode,
                        Criterion::Skill(skill),
                        confidence::SKILL_IN_A_LIST,
                        format!("skill: \"{text}\" is listed with skills"),
                    );
                    self.claim(i, j);
                    i = j;
                    continue;
                }
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

/// "8e", "1er", "16ème": a Paris or Lyon arrondissement after its city.
fn is_arrondissement(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && matches!(&word[digits..], "e" | "er" | "ème" | "eme")
}

/// "10mi", "5k", "3yrs", "12months": a number and its unit, already read or
/// meaningless alone (but "3D", "5G" are words).
fn is_number_with_unit(word: &str) -> bool {
    // ("100-500m", "70-80k": a range before its unit too)
    let unit =
        word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '+' || c == '-');
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
                | "mm"
                | "bn"
                | "b"
                // "2-year contract", "4-day week", "20-person": a length or
                // a head count, read or meaningless alone
                | "year"
                | "month"
                | "week"
                | "wk"
                | "day"
                | "days"
                | "hour"
                | "hr"
                | "person"
        )
}

/// "£16/hr", "500/day", "55k/yr": the time unit of a rate after its
/// number and a slash (not "L1/L2", "risk/fraud").
fn is_per_unit(prompt: &str, start: usize, word: &str) -> bool {
    matches!(
        word,
        "h" | "hr"
            | "hour"
            | "d"
            | "day"
            | "wk"
            | "week"
            | "mo"
            | "month"
            | "yr"
            | "year"
            | "annum"
    ) && prompt[..start].strip_suffix('/').is_some_and(|before| {
        before
            .trim_end_matches(['k', 'K'])
            .ends_with(|c: char| c.is_ascii_digit())
    })
}
