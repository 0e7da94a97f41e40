//! Schools, certifications and degrees.

use super::in_list;
use super::Reader;
use crate::filter::{Criterion, Degree};
use crate::prompt::confidence;
use crate::prompt::lexicon as lx;
use crate::prompt::lexicon::KNOWN_SCHOOLS;
use crate::search_request::MAX_VALUE_CHARS;
use scout_taxonomy::{fold, geocode};

impl<'a> Reader<'a> {
    pub(super) fn school_word(&self, i: usize) -> bool {
        let f = fold(&self.tokens[i].text);
        lx::SCHOOL_WORDS.iter().any(|w| fold(w) == f)
    }

    /// The end of a school's name extended by the place of its campus
    /// ("University of Texas at Austin", "Politecnico di Milano"), from
    /// `end`; `end` itself when no place follows.
    fn campus_end(&self, i: usize, end: usize) -> usize {
        let k = end;
        // "University of California, Berkeley": a campus after a comma
        if k < self.len()
            && self.free(k, 1)
            && self.tokens[k].capitalized()
            && self.prompt[self.tokens[k - 1].end..self.tokens[k].start].trim() == ","
            && (i..k).any(|w| self.school_word(w))
            && geocode(&self.tokens[k].text)
                .is_some_and(|g| g.kind == scout_taxonomy::GeoKind::City)
        {
            return k + 1;
        }
        if k + 1 < self.len()
            && self.same_clause(i, k + 1)
            && self.free(k, 2)
            && in_list(&["at", "in", "di", "de", "du", "del", "da"], self.lower(k))
            && self.tokens[k + 1].capitalized()
        {
            let place_end = self.name_run(k + 1, false).unwrap_or(k + 2);
            if geocode(self.text(k + 1, place_end)).is_some() {
                return place_end;
            }
        }
        end
    }

    /// Schools named by their name (*… University, École …*) or well known
    /// (*MIT, INSEAD*): read before employers, so "University of Texas at
    /// Austin alumni" is one school and no employer in Austin.
    pub(super) fn school_names(&mut self) {
        for i in 0..self.len() {
            if !self.free(i, 1) || !self.tokens[i].capitalized() {
                continue;
            }
            if let Some(end) = self.name_run(i, false) {
                if (i..end).any(|k| self.school_word(k)) {
                    let end = self.campus_end(i, end);
                    let name = self.text(i, end).to_owned();
                    let mode = self.modes[i];
                    let span_end = self.alumni_end(end);
                    let start = self.phrase_before(i, lx::SCHOOL_CUES).unwrap_or(i);
                    self.push(
                        (start, span_end),
                        mode,
                        Criterion::EducationSchoolName(name),
                        confidence::SCHOOL_BY_ITS_NAME,
                        "school (its name says so)".into(),
                    );
                    self.claim(start, span_end);
                    continue;
                }
            }
            // the longest name ("MIT Sloan", not MIT)
            if let Some((n, name)) = KNOWN_SCHOOLS
                .iter()
                .filter_map(|s| self.phrase_at(i, &s.to_lowercase()).map(|n| (n, *s)))
                .filter(|(n, _)| self.free(i, *n))
                .max_by_key(|(n, _)| *n)
            {
                let mode = self.modes[i];
                let mut end = i + n;
                // "INSEAD Fontainebleau": the campus, read with the school
                if end < self.len()
                    && self.free(end, 1)
                    && self.same_clause(i, end)
                    && self.tokens[end].capitalized()
                    && geocode(&self.tokens[end].text)
                        .is_some_and(|g| g.kind == scout_taxonomy::GeoKind::City)
                {
                    end += 1;
                }
                let campus_end = self.campus_end(i, end);
                // "IIT Bombay", "IIM Ahmedabad": the campus names the school
                // of a system of several ("INSEAD Fontainebleau" is INSEAD)
                let name = if lx::SCHOOL_SYSTEMS.contains(&name) && campus_end > i + n {
                    self.text(i, campus_end)
                } else {
                    name
                };
                let end = self.alumni_end(campus_end);
                self.push(
                    (i, end),
                    mode,
                    Criterion::EducationSchoolName(name.to_owned()),
                    confidence::SCHOOL_WELL_KNOWN,
                    "a well-known school".into(),
                );
                self.claim(i, end);
            }
        }
    }

    /// `end` past a following *alumni, grads, graduates* (said of the school).
    fn alumni_end(&self, end: usize) -> usize {
        if end < self.len()
            && self.free(end, 1)
            && in_list(
                &[
                    "graduate",
                    "graduates",
                    "grads",
                    "grad",
                    "alumni",
                    "alum",
                    "alums",
                    "alumnus",
                    "alumna",
                ],
                self.lower(end),
            )
        {
            end + 1
        } else {
            end
        }
    }

    /// "Oxford or Cambridge grads", "Toronto alumni": a town said before
    /// *grads, alumni* names the university called after it, and so does
    /// every town listed with it.
    fn towns_before_alumni(&mut self) {
        const ALUMNI: &[&str] = &["grads", "graduates", "alumni", "alums"];
        for k in 1..self.len() {
            if !self.free(k, 1) || !in_list(ALUMNI, self.lower(k)) {
                continue;
            }
            let town = |r: &Self, i: usize| {
                r.free(i, 1)
                    && r.tokens[i].capitalized()
                    && r.same_clause(i, k)
                    && geocode(&r.tokens[i].text)
                        .is_some_and(|g| g.kind == scout_taxonomy::GeoKind::City)
            };
            let mut i = k - 1;
            if !town(self, i) {
                continue;
            }
            let mut names = vec![i];
            while i >= 2 && in_list(&["or", "and", "&"], self.lower(i - 1)) && town(self, i - 2) {
                i -= 2;
                names.push(i);
            }
            for &n in names.iter().rev() {
                let name = self.tokens[n].text.clone();
                let mode = self.modes[n];
                let end = if n == k - 1 { k + 1 } else { n + 1 };
                self.push(
                    (n, end),
                    mode,
                    Criterion::EducationSchoolName(name),
                    confidence::SCHOOL_WELL_KNOWN,
                    "school (a town before \"grads\")".into(),
                );
                self.claim(n, end);
            }
        }
    }

    pub(super) fn schools(&mut self) {
        self.towns_before_alumni();
        for i in 0..self.len() {
            if let Some((n, _)) = self.longest(i, lx::SCHOOL_CUES) {
                // "studied at LSE or Oxford", "graduated from MIT, Stanford
                // or CMU": every name of the list after the cue is a school,
                // past one its name revealed already ("graduated from the
                // University of Toronto or Waterloo": past an article too)
                let first = i + n;
                let first = if first + 1 < self.len() && self.lower(first) == "the" {
                    first + 1
                } else {
                    first
                };
                self.schools_listed(i, first, true);
            }
        }
        // "Wharton, Kellogg or Booth": the names listed after a school its
        // name revealed are schools too
        let mut k = 0;
        while k < self.len() {
            match self.school_read_at(k) {
                Some(end) => {
                    // "a PhD from LSE or Oxford": a degree's "from" cues the
                    // list as "graduated from" does
                    let cued = k >= 2
                        && self.lower(k - 1) == "from"
                        && lx::DEGREES.iter().any(|(d, _)| *d == self.lower(k - 2));
                    self.schools_listed(k, k, cued);
                    k = end.max(k + 1);
                }
                None => k += 1,
            }
        }
        // a school named by its name that only a cue revealed
        self.school_names();
    }

    /// Reads the schools of a list whose first item is at `k` (a cue from
    /// `start`): each name joined by *or / and*, or after a comma when the
    /// list goes on from it ("Georgia Tech, Purdue or UIUC"; not "MIT,
    /// Python and Go"). After a cue a place's name is a school's too
    /// ("studied at LSE or Oxford"); listed after a school alone, no
    /// place or skill is.
    fn schools_listed(&mut self, start: usize, k: usize, cued: bool) {
        let mut start = start;
        let mut k = k;
        loop {
            let end = if let Some(end) = self.school_read_at(k) {
                end
            } else if let Some(end) = self.name_run(k, true) {
                let name = self.text(k, end).to_owned();
                let mode = self.modes[k];
                self.push(
                    (start, end),
                    mode,
                    Criterion::EducationSchoolName(name),
                    confidence::SCHOOL_AFTER_CUE,
                    "school, after a cue or listed with a school".into(),
                );
                self.claim(start, end);
                end
            } else {
                break;
            };
            let unknown_name = |r: &Self, a: usize, e: usize| {
                scout_taxonomy::skills::canonical_skill(r.text(a, e)).is_none()
                    && scout_taxonomy::geocode(r.text(a, e)).is_none()
            };
            let by_word = end + 1 < self.len()
                && self.same_clause(end - 1, end)
                && in_list(lx::LIST_JOINERS, self.lower(end))
                && self.tokens[end + 1].capitalized()
                && self.free(end + 1, 1)
                && self
                    .name_run(end + 1, true)
                    .is_some_and(|e| cued || unknown_name(self, end + 1, e));
            let by_comma = end < self.len()
                && self.tokens[end].capitalized()
                && self.free(end, 1)
                && self.prompt[self.tokens[end - 1].end..self.tokens[end].start].trim() == ","
                && self.name_run(end, true).is_some_and(|e| {
                    e + 1 < self.len()
                        && self.same_clause(end, e)
                        && in_list(lx::LIST_JOINERS, self.lower(e))
                        && unknown_name(self, end, e)
                });
            if !(by_word || by_comma) {
                break;
            }
            k = end + usize::from(by_word);
            if k > end {
                self.claim(end, k);
            }
            start = k;
        }
    }

    /// The end of a school read already at word `k` (by its name), if one is.
    fn school_read_at(&self, k: usize) -> Option<usize> {
        let t = self.tokens.get(k)?;
        let r = self.found.iter().find(|r| {
            matches!(r.filter.criterion, Criterion::EducationSchoolName(_))
                && r.start <= t.start
                && r.end >= t.end
        })?;
        Some(
            k + self.tokens[k..]
                .iter()
                .take_while(|t| t.end <= r.end)
                .count(),
        )
    }

    /// "CIPP/E", "CompTIA A+": a name with signs between or after its
    /// words, as written from word `i`: how many words it covers.
    fn written_at(&self, i: usize, name: &str) -> Option<usize> {
        if !name.contains(['/', '+']) {
            return None;
        }
        let start = self.tokens[i].start;
        let end = start + name.len();
        let written = self.prompt.get(start..end)?;
        let word_goes_on = self.prompt[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric());
        if !written.eq_ignore_ascii_case(name) || word_goes_on {
            return None;
        }
        let n = self.tokens[i..]
            .iter()
            .take_while(|t| t.start < end)
            .count();
        (n > 0
            && self.tokens[i..i + n]
                .iter()
                .all(|t| t.clause == self.tokens[i].clause))
        .then_some(n)
    }

    /// "certified in AWS (SAA or SAP)": the vendor named after *certified
    /// in* (word `i`) is the certification, and so are the exam codes in
    /// brackets after it. Whether it read one.
    fn certified_in(&mut self, i: usize) -> bool {
        if !(self.lower(i) == "certified"
            && i + 2 < self.len()
            && self.lower(i + 1) == "in"
            && self.free(i + 1, 2)
            && self.same_clause(i, i + 2)
            && self.tokens[i + 2].capitalized())
        {
            return false;
        }
        let end = self.name_run(i + 2, false).unwrap_or(i + 3);
        let name = self.text(i + 2, end).to_owned();
        let mode = self.modes[i];
        self.push(
            (i, end),
            mode,
            Criterion::CertificationName(name.clone()),
            confidence::CERTIFICATION_BY_THE_WORD,
            format!("a certification: certified in {name}"),
        );
        self.claim(i, end);
        let opens_bracket = end < self.len()
            && self.prompt[self.tokens[end - 1].end..self.tokens[end].start].contains('(');
        if !opens_bracket {
            return true;
        }
        let mut k = end;
        while k < self.len() && self.free(k, 1) {
            let t = &self.tokens[k].text;
            let code = (2..=6).contains(&t.len())
                && t.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if code {
                let code = t.clone();
                let mode = self.modes[k];
                self.push(
                    (k, k + 1),
                    mode,
                    Criterion::CertificationName(code.clone()),
                    confidence::CERTIFICATION_BY_THE_WORD,
                    format!("a certification: {code}, in brackets after its vendor"),
                );
            } else if !in_list(lx::LIST_JOINERS, self.lower(k)) {
                break;
            }
            self.claim(k, k + 1);
            k += 1;
            if self.prompt[self.tokens[k - 1].end..]
                .trim_start()
                .starts_with(')')
            {
                break;
            }
        }
        true
    }

    pub(super) fn certifications(&mut self) {
        for i in 0..self.len() {
            if let Some((n, name)) = lx::CERTIFICATIONS
                .iter()
                .filter_map(|c| {
                    self.phrase_at(i, &c.to_lowercase())
                        .or_else(|| self.written_at(i, c))
                        .map(|n| (n, *c))
                })
                .filter(|(n, _)| self.free(i, *n))
                .max_by_key(|(n, _)| *n)
            {
                // "pmp" may be a typo of anything; "18th edition" is a name,
                // and so is a name of two words before a certification's word
                // ("gas safe registered")
                // ("habilitation électrique": a name of words, no acronym, is
                // read as typed)
                let upper_typed = self.text(i, i + n).chars().any(char::is_uppercase)
                    || name.starts_with(|c: char| c.is_ascii_digit())
                    || name.starts_with(char::is_lowercase)
                    || (n > 1
                        && i + n < self.len()
                        && in_list(lx::CERTIFICATION_WORDS, self.lower(i + n)));
                if !upper_typed {
                    continue;
                }
                let mut end = i + n;
                // "PSM II", "CFA Level 2": the level is part of the name
                let mut name = name.to_owned();
                if end < self.len()
                    && self.free(end, 1)
                    && self.same_clause(i, end)
                    && matches!(self.tokens[end].text.as_str(), "I" | "II" | "III" | "IV")
                {
                    name = self.text(i, end + 1).to_owned();
                    end += 1;
                } else if end + 1 < self.len()
                    && self.free(end, 2)
                    && self.same_clause(i, end + 1)
                    && self.lower(end) == "level"
                    && matches!(self.lower(end + 1), "1" | "2" | "3" | "i" | "ii" | "iii")
                {
                    name = self.text(i, end + 2).to_owned();
                    end += 2;
                }
                if end < self.len()
                    && self.free(end, 1)
                    && in_list(lx::CERTIFICATION_WORDS, self.lower(end))
                {
                    end += 1;
                } else if end + 1 < self.len()
                    && self.free(end, 2)
                    && self.same_clause(end, end + 1)
                    && in_list(lx::CERTIFICATION_ADJECTIVES, self.lower(end))
                    && in_list(lx::CERTIFICATION_WORDS, self.lower(end + 1))
                {
                    // "CSCS black card": the card's colour and the card
                    end += 2;
                }
                let mode = self.modes[i];
                self.push(
                    (i, end),
                    mode,
                    Criterion::CertificationName(name),
                    confidence::CERTIFICATION_KNOWN,
                    "a known certification".into(),
                );
                self.claim(i, end);
            }
        }
        for i in 0..self.len() {
            if !self.free(i, 1) || !in_list(lx::CERTIFICATION_WORDS, self.lower(i)) {
                continue;
            }
            // "azure certified AZ-305": the vendor is a skill, the exam code
            // the certification
            let code_after = |k: usize| {
                k < self.len()
                    && self.free(k, 1)
                    && self.same_clause(i, k)
                    && self.tokens[k].text.chars().any(|c| c.is_ascii_digit())
                    && self.tokens[k].text.chars().any(|c| c.is_ascii_uppercase())
            };
            if self.lower(i) == "certified" && i > 0 && self.free(i - 1, 1) && code_after(i + 1) {
                if let Some(skill) =
                    scout_taxonomy::skills::canonical_skill(&self.tokens[i - 1].text)
                {
                    let mode = self.modes[i - 1];
                    self.push(
                        (i - 1, i),
                        mode,
                        Criterion::Skill(skill.to_owned()),
                        confidence::CERTIFICATION_BY_THE_WORD,
                        format!("skill: the vendor of a certification ({skill})"),
                    );
                    let code = self.tokens[i + 1].text.clone();
                    self.push(
                        (i, i + 2),
                        mode,
                        Criterion::CertificationName(code.clone()),
                        confidence::CERTIFICATION_BY_THE_WORD,
                        format!("a certification: exam {code}"),
                    );
                    self.claim(i - 1, i + 2);
                    continue;
                }
            }
            // "certified in ACLS": a known certification read already
            if self.lower(i) == "certified"
                && i + 2 < self.len()
                && self.lower(i + 1) == "in"
                && self.free(i + 1, 1)
                && !self.free(i + 2, 1)
            {
                self.claim(i, i + 2);
                continue;
            }
            // "certified in AWS (SAA or SAP)"
            if self.certified_in(i) {
                continue;
            }
            // "chartered with ICE", "chartered through CIPS": the body's
            // acronym after the word is the certification
            if in_list(&["chartered", "registered", "accredited"], self.lower(i))
                && i + 2 < self.len()
                && self.free(i + 1, 2)
                && self.same_clause(i, i + 2)
                && in_list(&["with", "by", "through", "via"], self.lower(i + 1))
                && body_letters(&self.tokens[i + 2].text)
            {
                self.push_body((i, i + 3), i + 2, "the body after", i);
                continue;
            }
            // "board certified (BCOP)", "chartered (CEng)": the acronym in
            // brackets after the word is the certification
            let bracketed = i + 1 < self.len()
                && self.free(i + 1, 1)
                && self.prompt[self.tokens[i].end..self.tokens[i + 1].start].contains('(')
                && body_letters(&self.tokens[i + 1].text);
            if bracketed {
                let start = if i > 0
                    && self.free(i - 1, 1)
                    && self.same_clause(i - 1, i)
                    && in_list(&["board", "fully", "professionally"], self.lower(i - 1))
                {
                    i - 1
                } else {
                    i
                };
                self.push_body((start, i + 2), i + 1, "in brackets after", i);
                continue;
            }
            // "AWS Certified Solutions Architect", "Scrum certification",
            // "forklift cert" — not over a job title before it ("cloud
            // architect azure certified")
            let mut s = i;
            while s > 0
                && i - s < 3
                && self.free(s - 1, 1)
                && self.same_clause(s - 1, i)
                && !self.is_filler(s - 1)
                && !in_list(lx::CERTIFICATION_ADJECTIVES, self.lower(s - 1))
                && !in_list(lx::COMMON_ROLES, self.lower(s - 1))
                // ("cloud engineers certified in AWS": a role's plural too)
                && !super::singular(self.lower(s - 1))
                    .is_some_and(|w| in_list(lx::COMMON_ROLES, &w))
                && !in_list(lx::LIST_JOINERS, self.lower(s - 1))
            {
                s -= 1;
            }
            // "board certified" alone: a physician's standing, said as a keyword
            if self.lower(i) == "certified" && s + 1 == i && self.lower(s) == "board" {
                continue;
            }
            // a register's pin or registration only after its acronym
            let register = in_list(&["pin", "registration", "registered"], self.lower(i));
            if register {
                let acronym = |t: &str| t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase());
                if s == i || !acronym(&self.tokens[i - 1].text) {
                    continue;
                }
                s = i - 1;
            }
            // "forklift licence", "work permit", "NMC pin": the noun is part
            // of the name
            // ("HCPC registered": the register alone, as "CKA certified")
            let named_with_noun = (register && self.lower(i) != "registered")
                || in_list(&["licence", "license", "permit"], self.lower(i));
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
            // ("certified Application Architect": the word before the name
            // is no part of it, unlike a vendor's "AWS Certified …")
            let name = if self.lower(i) == "certified" && s == i && e > i + 1 {
                self.text(i + 1, e)
            } else if self.lower(i) == "certified" && e > i + 1 {
                self.text(s, e)
            } else if named_with_noun {
                self.text(s, i + 1)
            } else {
                self.text(s, i)
            };
            let name: String = name.chars().take(MAX_VALUE_CHARS).collect();
            let mode = self.modes[s];
            // "FIA/FSA qualified": one certification an acronym
            let acronym = |p: &str| p.len() >= 2 && p.chars().all(|c| c.is_ascii_uppercase());
            let names: Vec<String> = if name.split('/').all(acronym) {
                name.split('/').map(str::to_owned).collect()
            } else {
                vec![name]
            };
            for name in names {
                self.push(
                    (s, e),
                    mode,
                    Criterion::CertificationName(name),
                    confidence::CERTIFICATION_BY_THE_WORD,
                    format!("a certification, by the word \"{}\"", self.tokens[i].text),
                );
            }
            self.claim(s, e);
            // "forklift + reach truck certs": a name listed before it, apart
            // by a sign or a joiner word, is one too
            self.certification_listed_before(s, i);
        }
    }

    /// The certification of a professional body's letters at word `code`
    /// said after the word at `word` ("chartered (IStructE)", "chartered
    /// with ICE"), over `span`.
    fn push_body(&mut self, span: (usize, usize), code: usize, how: &str, word: usize) {
        let name = self.tokens[code].text.clone();
        let mode = self.modes[word];
        self.push(
            span,
            mode,
            Criterion::CertificationName(name.clone()),
            confidence::CERTIFICATION_BY_THE_WORD,
            format!(
                "a certification: {name}, {how} \"{}\"",
                self.tokens[word].text
            ),
        );
        self.claim(span.0, span.1);
    }

    /// Reads the certification named right before word `s` (a list's item
    /// apart by `+`, `/`, `&` or a joiner word) that the certification's
    /// word at `word` is said of too: "forklift + reach truck certs".
    fn certification_listed_before(&mut self, s: usize, word: usize) {
        if s == 0 || !self.same_clause(s - 1, s) {
            return;
        }
        let sign = self.prompt[self.tokens[s - 1].end..self.tokens[s].start]
            .trim()
            .chars()
            .any(|c| "+/&".contains(c));
        let end = if sign {
            s
        } else if s >= 2 && in_list(lx::LIST_JOINERS, self.lower(s - 1)) {
            s - 1
        } else {
            return;
        };
        // one or two free words of the name, in the same clause
        let mut start = end;
        while start > 0
            && end - start < 2
            && self.free(start - 1, 1)
            && self.same_clause(start - 1, end - 1)
            && !self.is_filler(start - 1)
            && !in_list(lx::LIST_JOINERS, self.lower(start - 1))
            && !in_list(lx::COMMON_ROLES, self.lower(start - 1))
            && (start == end
                || self.prompt[self.tokens[start - 1].end..self.tokens[start].start]
                    .trim()
                    .is_empty())
        {
            start -= 1;
        }
        // (not "Manchester w/ NMC pin": "w/" is *with*, and a place no name)
        if start == end
            || (start..end).any(|k| self.tokens[k].text.chars().count() < 2)
            || scout_taxonomy::geocode(self.text(start, end)).is_some()
        {
            return;
        }
        let name: String = self
            .text(start, end)
            .chars()
            .take(MAX_VALUE_CHARS)
            .collect();
        let mode = self.modes[start];
        self.push(
            (start, end),
            mode,
            Criterion::CertificationName(name),
            confidence::CERTIFICATION_BY_THE_WORD,
            format!(
                "a certification, listed before \"{}\"",
                self.tokens[word].text
            ),
        );
        self.claim(start, end);
    }

    /// "MD or PharmD", "MD/PhD": *MD* in capitals listed with a degree is
    /// the doctor of medicine's degree, not a managing director nor an
    /// employer (read before the employers and titles, which would take it).
    pub(super) fn medical_degrees(&mut self) {
        let degree_at = |r: &Self, k: usize| {
            lx::DEGREES
                .iter()
                .any(|(w, _)| *w == r.lower(k).trim_end_matches('.'))
        };
        for i in 0..self.len() {
            if !self.free(i, 1) || !matches!(self.tokens[i].text.as_str(), "MD" | "M.D.") {
                continue;
            }
            // a degree next to it, or past one joiner ("MD/PhD", "MD or PharmD")
            let degree_near = |k: Option<usize>, step: fn(usize) -> Option<usize>| {
                let Some(k) = k.filter(|&k| k < self.len() && self.same_clause(i, k)) else {
                    return false;
                };
                degree_at(self, k)
                    || (in_list(lx::LIST_JOINERS, self.lower(k))
                        && step(k)
                            .filter(|&m| m < self.len() && self.same_clause(i, m))
                            .is_some_and(|m| degree_at(self, m)))
            };
            if !(degree_near(i.checked_sub(1), |k| k.checked_sub(1))
                || degree_near(Some(i + 1), |k| Some(k + 1)))
            {
                continue;
            }
            let mode = self.modes[i];
            self.push(
                (i, i + 1),
                mode,
                Criterion::EducationDegree(Degree::Doctorates),
                confidence::DEGREE,
                "degree: doctorates (MD, listed with a degree)".into(),
            );
            self.claim(i, i + 1);
        }
    }

    pub(super) fn degrees(&mut self) {
        for i in 0..self.len() {
            let (n, value, confidence) = if let Some((n, w)) =
                self.longest(i, &lx::DEGREES.iter().map(|(w, _)| *w).collect::<Vec<_>>())
            {
                let v = lx::DEGREES
                    .iter()
                    .find(|(x, _)| *x == w)
                    .map_or("bachelors", |(_, v)| *v);
                (n, v, confidence::DEGREE)
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
                (1, "bachelors", confidence::DEGREE_BARE)
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
}

/// "IStructE", "MRICS", "ICE": a professional body's letters — two to eight
/// letters, mostly capitals.
fn body_letters(t: &str) -> bool {
    (2..=8).contains(&t.len())
        && t.chars().all(|c| c.is_ascii_alphabetic())
        && t.chars().filter(char::is_ascii_uppercase).count() * 2 > t.len()
}
