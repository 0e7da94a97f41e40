//! From a profile to an index entry. [`ProfileFacts`] derives, once, the
//! facts filters test (current and past titles and employers, location,
//! experience, tenure, highest degree, freelance…); the same facts explain
//! matches later, so indexing and explaining cannot disagree.

use std::collections::HashMap;

use scout_model::{CompanySize, Organization, Talent};
use scout_taxonomy::languages::{canonical_language, canonical_proficiency, PROFICIENCY_LEVELS};
use scout_taxonomy::normalize::fold_into;
use scout_taxonomy::places::{locate_profile, place_terms, GeoMatch};
use scout_taxonomy::{
    fold, industries::canonical_industry, skills::canonical_skill, titles::normalize_title,
};
use tantivy::TantivyDocument;

use crate::geo::cells_of;
use crate::schema::Fields;

/// What Scout knows about an employer beyond its name.
#[derive(Debug, Clone, Default)]
pub struct OrgInfo {
    /// Headcount band.
    pub size: Option<CompanySize>,
    /// Canonical industry.
    pub industry: Option<&'static str>,
}

/// Organizations by id and by folded name, for joining employers at index time.
#[derive(Debug, Clone, Default)]
pub struct OrgDirectory {
    by_id: HashMap<String, OrgInfo>,
    by_name: HashMap<String, OrgInfo>,
}

impl OrgDirectory {
    /// Adds or replaces an organization.
    pub fn upsert(&mut self, org: &Organization) {
        let info = OrgInfo {
            size: org.size,
            industry: org.industry.as_deref().and_then(canonical_industry),
        };
        self.by_id.insert(org.id.clone(), info.clone());
        self.by_name.insert(fold(&org.name), info);
    }

    /// Whether an organization of this folded name is known.
    pub fn has_name(&self, folded: &str) -> bool {
        self.by_name.contains_key(folded)
    }

    /// Number of organizations known.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether no organization is known.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    fn lookup(&self, id: Option<&str>, name: Option<&str>) -> Option<&OrgInfo> {
        id.and_then(|i| self.by_id.get(i))
            .or_else(|| name.and_then(|n| self.by_name.get(&fold(n))))
    }
}

/// A month count since year 0, the unit of every duration in the index.
pub type Month = i64;

/// Parses the year and month of an ISO 8601 date ("2021-03-01T00:00:00.000Z",
/// "2021-03", "2021"); a bare year counts from January.
pub fn parse_month(date: &str) -> Option<Month> {
    let year: i64 = date.get(0..4)?.parse().ok()?;
    let month: i64 = match date.get(5..7) {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => 1,
    };
    (1900..=2200)
        .contains(&year)
        .then_some(year * 12 + month - 1)
}

/// The current month.
pub fn current_month() -> Month {
    let now = time::OffsetDateTime::now_utc();
    i64::from(now.year()) * 12 + i64::from(u8::from(now.month())) - 1
}

/// A duration that may still be running: `closed` months if it has ended,
/// or `now - open_since + closed` if not. Stored this way the index never
/// goes stale as time passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// Months accrued in ended periods.
    pub closed: Month,
    /// Start of the running period, if one runs.
    pub open_since: Option<Month>,
}

impl Span {
    /// Months as of `now`.
    pub fn months_at(&self, now: Month) -> Month {
        self.closed + self.open_since.map_or(0, |s| (now - s).max(0))
    }

    /// `(open, base)` as indexed: open spans store `closed - open_since`.
    pub fn encoded(&self) -> (u64, i64) {
        match self.open_since {
            Some(s) => (1, self.closed - s),
            None => (0, self.closed),
        }
    }
}

/// The facts about a profile that filters test.
#[derive(Debug, Clone, Default)]
pub struct ProfileFacts {
    /// Normalised titles of current roles (and `jobTitle`).
    pub titles_current: Vec<String>,
    /// Normalised titles of ended roles.
    pub titles_past: Vec<String>,
    /// Folded names of current employers.
    pub companies_current: Vec<String>,
    /// Folded names of past employers.
    pub companies_past: Vec<String>,
    /// Size bands of current employers.
    pub sizes_current: Vec<CompanySize>,
    /// Size bands of past employers.
    pub sizes_past: Vec<CompanySize>,
    /// Industries of current employers.
    pub industries_current: Vec<&'static str>,
    /// Industries of past employers.
    pub industries_past: Vec<&'static str>,
    /// Folded skills as written, plus canonical names.
    pub skills: Vec<String>,
    /// Folded canonical skills mentioned in a current role.
    pub skills_current: Vec<String>,
    /// Languages with a level index (0–4) when known.
    pub languages: Vec<(String, Option<usize>)>,
    /// Where the profile is.
    pub place: Option<GeoMatch>,
    /// The cities and areas it lies in (`places::place_terms`).
    pub place_terms: Vec<String>,
    /// Total professional experience, overlaps merged.
    pub experience: Span,
    /// Tenure in the current (or last) role.
    pub tenure: Span,
    /// Highest degree level (1 bachelor's, 2 master's, 3 doctorate).
    pub highest_degree: Option<u8>,
    /// Graduation years.
    pub graduation_years: Vec<u16>,
    /// Whether the person works freelance.
    pub freelance: bool,
    /// Profile completeness, 0–100.
    pub completeness: u64,
}

/// The employer a role names: its organization name, else its
/// organization's.
fn role_employer(e: &scout_model::Experience) -> Option<&str> {
    e.organization_name
        .as_deref()
        .or(e.organization.as_ref().and_then(|o| o.name.as_deref()))
}

/// Size bands and industries of a talent's current and past employers,
/// joined through the organizations Scout knows (sorted, without repeats).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmployerFacts {
    /// Size bands of current employers.
    pub sizes_current: Vec<CompanySize>,
    /// Size bands of past employers.
    pub sizes_past: Vec<CompanySize>,
    /// Industries of current employers.
    pub industries_current: Vec<&'static str>,
    /// Industries of past employers.
    pub industries_past: Vec<&'static str>,
}

impl EmployerFacts {
    /// Joins `talent`'s employers through `orgs`.
    pub fn derive(talent: &Talent, orgs: &OrgDirectory) -> EmployerFacts {
        let mut f = EmployerFacts::default();
        let current_org = talent.current_organization.as_ref();
        for e in &talent.experiences {
            let name = role_employer(e);
            let (info, sizes, industries) = if talent.is_current_role(e) {
                // the current organization's id identifies the role's
                // employer only when they carry the same name
                let same = current_org.and_then(|c| c.name.as_deref()).map(fold) == name.map(fold);
                let id = current_org.and_then(|c| c.id.as_deref()).filter(|_| same);
                (
                    orgs.lookup(id, name),
                    &mut f.sizes_current,
                    &mut f.industries_current,
                )
            } else {
                (
                    orgs.lookup(None, name),
                    &mut f.sizes_past,
                    &mut f.industries_past,
                )
            };
            if let Some(info) = info {
                sizes.extend(info.size);
                industries.extend(info.industry);
            }
        }
        if let Some(org) = current_org {
            if let Some(info) = orgs.lookup(org.id.as_deref(), org.name.as_deref()) {
                f.sizes_current.extend(info.size);
                f.industries_current.extend(info.industry);
            }
        }
        for v in [&mut f.sizes_current, &mut f.sizes_past] {
            v.sort();
            v.dedup();
        }
        for v in [&mut f.industries_current, &mut f.industries_past] {
            v.sort();
            v.dedup();
        }
        f
    }
}

/// A talent's highest degree and graduation years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EducationFacts {
    /// Highest degree level (1 bachelor's, 2 master's, 3 doctorate).
    pub highest_degree: Option<u8>,
    /// Graduation years, in the order first seen.
    pub graduation_years: Vec<u16>,
}

impl EducationFacts {
    /// Reads `talent`'s educations.
    pub fn derive(talent: &Talent) -> EducationFacts {
        let mut f = EducationFacts::default();
        for e in &talent.educations {
            for d in &e.degrees {
                if let Some(level) = scout_taxonomy::education::degree_level(d) {
                    f.highest_degree = Some(f.highest_degree.map_or(level, |h| h.max(level)));
                }
            }
            if let Some(y) = e
                .end_date
                .as_deref()
                .and_then(|d| d.get(0..4))
                .and_then(|y| y.parse::<u16>().ok())
            {
                if !f.graduation_years.contains(&y) {
                    f.graduation_years.push(y);
                }
            }
        }
        f
    }
}

const FREELANCE_WORDS: &[&str] = &[
    "freelance",
    "freelancer",
    "self employed",
    "independent",
    "contractor",
    "independant",
    "autoentrepreneur",
    "auto entrepreneur",
    "freiberufler",
];

/// Whether `needle` occurs in `haystack` as whole words. Both are short, so
/// each word start is compared in turn: no searcher to set up per call.
fn mentions(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return false;
    }
    let mut start = 0;
    loop {
        let end = start + n.len();
        if h.get(start..end) == Some(n) && h.get(end).is_none_or(|&b| b == b' ') {
            return true;
        }
        match h[start..].iter().position(|&b| b == b' ') {
            Some(space) => start += space + 1,
            None => return false,
        }
    }
}

impl ProfileFacts {
    /// Derives the facts of `talent`, joining employers through `orgs`.
    pub fn derive(talent: &Talent, orgs: &OrgDirectory) -> ProfileFacts {
        Self::derive_with(talent, orgs, &mut TermMemo::default())
    }

    /// [`ProfileFacts::derive`], reading titles, skills and places already
    /// normalised from `memo`.
    pub(crate) fn derive_with(
        talent: &Talent,
        orgs: &OrgDirectory,
        memo: &mut TermMemo,
    ) -> ProfileFacts {
        let mut f = ProfileFacts::default();
        let push_unique = |v: &mut Vec<String>, s: String| {
            if !s.is_empty() && !v.contains(&s) {
                v.push(s);
            }
        };
        if let Some(t) = &talent.job_title {
            push_unique(&mut f.titles_current, memo.normalized_title(t).to_owned());
        }
        let mut current_text = String::new();
        for e in &talent.experiences {
            let current = talent.is_current_role(e);
            let (titles, companies) = if current {
                (&mut f.titles_current, &mut f.companies_current)
            } else {
                (&mut f.titles_past, &mut f.companies_past)
            };
            if let Some(t) = &e.title {
                push_unique(titles, memo.normalized_title(t).to_owned());
            }
            if let Some(n) = role_employer(e) {
                push_unique(companies, fold(n));
            }
            if current {
                current_text.push(' ');
                current_text.push_str(&fold(e.title.as_deref().unwrap_or("")));
                current_text.push(' ');
                current_text.push_str(&fold(e.description.as_deref().unwrap_or("")));
            }
        }
        if let Some(n) = talent
            .current_organization
            .as_ref()
            .and_then(|o| o.name.as_deref())
        {
            push_unique(&mut f.companies_current, fold(n));
        }
        let employers = EmployerFacts::derive(talent, orgs);
        f.sizes_current = employers.sizes_current;
        f.sizes_past = employers.sizes_past;
        f.industries_current = employers.industries_current;
        f.industries_past = employers.industries_past;
        for s in &talent.skills {
            let (folded, canonical) = memo.skill(s).clone();
            if let Some(c) = &canonical {
                push_unique(&mut f.skills, c.clone());
                if mentions(&current_text, &folded) || mentions(&current_text, c) {
                    push_unique(&mut f.skills_current, c.clone());
                }
            } else if mentions(&current_text, &folded) {
                push_unique(&mut f.skills_current, folded.clone());
            }
            push_unique(&mut f.skills, folded);
        }
        for l in &talent.languages {
            let Some(name) = l.name.as_deref() else {
                continue;
            };
            let lang = canonical_language(name)
                .map(str::to_owned)
                .unwrap_or_else(|| fold(name));
            let level = l
                .proficiency
                .as_deref()
                .and_then(canonical_proficiency)
                .and_then(|p| PROFICIENCY_LEVELS.iter().position(|x| *x == p));
            f.languages.push((lang, level));
        }
        if let Some((place, terms)) = memo.place(
            talent.city.as_deref(),
            talent.state.as_deref(),
            talent.country.as_deref(),
        ) {
            f.place = Some(place.clone());
            f.place_terms = terms.clone();
        }
        (f.experience, f.tenure) = experience_spans(talent);
        let education = EducationFacts::derive(talent);
        f.highest_degree = education.highest_degree;
        f.graduation_years = education.graduation_years;
        let current_titles = f.titles_current.join(" ");
        let headline = fold(talent.headline.as_deref().unwrap_or(""));
        let employer = talent
            .current_organization
            .as_ref()
            .and_then(|o| o.name.as_deref())
            .map(fold)
            .unwrap_or_default();
        f.freelance = FREELANCE_WORDS.iter().any(|w| {
            mentions(&current_titles, w) || mentions(&headline, w) || mentions(&employer, w)
        });
        f.completeness = completeness(talent);
        f
    }
}

/// Total experience (overlaps merged) and tenure in the current (or last)
/// role.
pub fn experience_spans(talent: &Talent) -> (Span, Span) {
    let mut intervals: Vec<(Month, Option<Month>)> = Vec::new();
    let mut tenure = Span::default();
    let mut best_current: Option<Month> = None;
    let mut last_closed: Option<(Month, Month)> = None;
    for e in &talent.experiences {
        let Some(start) = e.start_date.as_deref().and_then(parse_month) else {
            continue;
        };
        let end = e.end_date.as_deref().and_then(parse_month);
        let current = talent.is_current_role(e) || end.is_none();
        if current {
            intervals.push((start, None));
            // The longest-running current role is "the job".
            best_current = Some(best_current.map_or(start, |b| b.min(start)));
        } else if let Some(end) = end.filter(|&e| e >= start) {
            intervals.push((start, Some(end)));
            if last_closed.is_none_or(|(_, le)| end > le) {
                last_closed = Some((start, end));
            }
        }
    }
    if let Some(s) = best_current {
        tenure.open_since = Some(s);
    } else if let Some((s, e)) = last_closed {
        tenure.closed = e - s;
    }
    intervals.sort_by_key(|i| i.0);
    let mut exp = Span::default();
    let mut cur: Option<(Month, Option<Month>)> = None;
    for (s, e) in intervals {
        match cur {
            None => cur = Some((s, e)),
            Some((cs, None)) => cur = Some((cs, None)),
            Some((cs, Some(ce))) if s <= ce => cur = Some((cs, e.map(|e| e.max(ce)))),
            Some((cs, Some(ce))) => {
                exp.closed += ce - cs;
                cur = Some((s, e));
            }
        }
    }
    match cur {
        Some((cs, Some(ce))) => exp.closed += ce - cs,
        Some((cs, None)) => exp.open_since = Some(cs),
        None => {}
    }
    (exp, tenure)
}

fn completeness(t: &Talent) -> u64 {
    let checks = [
        t.firstname.is_some() && t.lastname.is_some(),
        t.job_title.is_some(),
        t.headline.is_some(),
        t.summary.as_deref().is_some_and(|s| s.len() > 20),
        t.city.is_some() || t.country.is_some(),
        t.photo_url.is_some(),
        t.linkedin_url.is_some(),
        !t.experiences.is_empty(),
        t.experiences.iter().any(|e| e.description.is_some()),
        !t.educations.is_empty(),
        t.skills.len() >= 3,
        !t.languages.is_empty(),
    ];
    (checks.iter().filter(|c| **c).count() as u64 * 100) / checks.len() as u64
}

/// Order-preserving 16-byte prefix of an id as two integers, for ties.
pub(crate) fn id_keys(id: &str) -> (u64, u64) {
    let mut buf = [0u8; 16];
    let bytes = id.as_bytes();
    let n = bytes.len().min(16);
    buf[..n].copy_from_slice(&bytes[..n]);
    let (hi, lo) = buf.split_at(8);
    (
        u64::from_be_bytes(hi.try_into().unwrap_or_default()),
        u64::from_be_bytes(lo.try_into().unwrap_or_default()),
    )
}

/// Appends `text` folded, and a space when it added anything.
fn push_text(out: &mut String, text: Option<&str>) {
    if let Some(t) = text {
        let before = out.len();
        fold_into(t, out);
        if out.len() > before {
            out.push(' ');
        }
    }
}

/// Builds the index entry of a profile.
/// Words of a title beyond which no pairs are indexed.
pub(crate) const PAIRED_WORDS: usize = 10;

/// The word pairs of a normalised title, so that the commonest title
/// matches are single term lookups rather than intersections of long
/// posting lists: `+a b` for two adjacent words (a two-word phrase) and
/// `&a b` for any two of its words in alphabetical order (both present in
/// the same title).
pub(crate) fn title_pair_terms(title: &str) -> Vec<String> {
    let words: Vec<&str> = title
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(PAIRED_WORDS)
        .collect();
    let mut terms: Vec<String> = words
        .windows(2)
        .map(|w| format!("+{} {}", w[0], w[1]))
        .collect();
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if a != b {
                let (x, y) = if a < b { (a, b) } else { (b, a) };
                terms.push(format!("&{x} {y}"));
            }
        }
    }
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The language terms of each level, any language: `@0` … `@4`.
const ANY_LANGUAGE_AT: [&str; PROFICIENCY_LEVELS.len()] = ["@0", "@1", "@2", "@3", "@4"];

/// A title's key and pair terms.
#[derive(Debug)]
pub(crate) struct TitleTerms {
    /// `=` + the title, `~` + its core without seniority words.
    keys: [String; 2],
    /// See [`title_pair_terms`].
    pairs: Vec<String>,
    /// The ladder rungs the title names (`titles::rungs_named`).
    rungs: u8,
}

/// The index terms of titles already seen by one indexing worker: a few
/// thousand titles make up most profiles, so each is split into terms once.
///
/// The same goes for what facts are derived from: titles as written, skills
/// and places.
#[derive(Debug, Default)]
pub(crate) struct TermMemo {
    titles: HashMap<String, TitleTerms>,
    normalized_titles: HashMap<String, String>,
    /// A skill as written: folded, and its canonical name folded.
    skills: HashMap<String, (String, Option<String>)>,
    /// City, region and country as written, each length-prefixed: the
    /// place and the terms of the cities and areas it lies in.
    places: HashMap<String, Option<(GeoMatch, Vec<String>)>>,
    place_key: String,
}

/// Looks `key` up in `map`, computing and inserting it when missing; a map
/// at [`TermMemo::MAX_ENTRIES`] starts over, so memory stays bounded however
/// varied the values are.
fn remembered<'m, V>(
    map: &'m mut HashMap<String, V>,
    key: &str,
    compute: impl FnOnce() -> V,
) -> &'m V {
    if !map.contains_key(key) {
        if map.len() >= TermMemo::MAX_ENTRIES {
            map.clear();
        }
        map.insert(key.to_owned(), compute());
    }
    &map[key]
}

impl TermMemo {
    /// Values remembered at most, per kind.
    const MAX_ENTRIES: usize = 32_768;

    fn normalized_title(&mut self, title: &str) -> &str {
        remembered(&mut self.normalized_titles, title, || {
            normalize_title(title)
        })
        .as_str()
    }

    fn skill(&mut self, skill: &str) -> &(String, Option<String>) {
        remembered(&mut self.skills, skill, || {
            (fold(skill), canonical_skill(skill).map(fold))
        })
    }

    fn place(
        &mut self,
        city: Option<&str>,
        state: Option<&str>,
        country: Option<&str>,
    ) -> Option<&(GeoMatch, Vec<String>)> {
        use std::fmt::Write as _;
        let mut key = std::mem::take(&mut self.place_key);
        key.clear();
        for part in [city, state, country] {
            // length-prefixed, so no text can pass for another split
            match part {
                Some(p) => {
                    let _ = write!(key, "{}:{p}", p.len());
                }
                None => key.push('-'),
            }
        }
        let place = remembered(&mut self.places, &key, || {
            locate_profile(city, state, country).map(|p| {
                let terms = place_terms(&p);
                (p, terms)
            })
        });
        self.place_key = key;
        place.as_ref()
    }

    fn title_terms(&mut self, title: &str) -> &TitleTerms {
        remembered(&mut self.titles, title, || {
            let core = scout_taxonomy::titles::core_of_normalized(title);
            TitleTerms {
                keys: [format!("={title}"), format!("~{core}")],
                pairs: title_pair_terms(title),
                rungs: scout_taxonomy::titles::rungs_named(title),
            }
        })
    }
}

/// The term of a seniority rung in the `title_far_*` fields.
pub(crate) fn rung_term(rung: usize) -> String {
    rung.to_string()
}

pub(crate) fn build_document(
    fields: &Fields,
    talent: &Talent,
    facts: &ProfileFacts,
    memo: &mut TermMemo,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &talent.id);
    if let (_, Some(workspace)) = scout_model::ownership::split_profile_key(&talent.id) {
        doc.add_text(fields.owner, crate::OWNED);
        doc.add_text(fields.owner, workspace);
    }
    let (hi, lo) = id_keys(&talent.id);
    doc.add_u64(fields.id_key_hi, hi);
    doc.add_u64(fields.id_key_lo, lo);
    // Titles as text (phrases, words) and as whole keys: `=` + the normalised
    // title, `~` + its core without seniority words, so most title matches are
    // single term lookups rather than phrase checks.
    for (titles, text_field, key_field, pair_field, far_field) in [
        (
            &facts.titles_current,
            fields.title_cur,
            fields.title_key_cur,
            fields.title_pair_cur,
            fields.title_far_cur,
        ),
        (
            &facts.titles_past,
            fields.title_past,
            fields.title_key_past,
            fields.title_pair_past,
            fields.title_far_past,
        ),
    ] {
        let mut rungs = 0u8;
        for t in titles {
            doc.add_text(text_field, t);
            let terms = memo.title_terms(t);
            for key in &terms.keys {
                doc.add_text(key_field, key);
            }
            for pair in &terms.pairs {
                doc.add_text(pair_field, pair);
            }
            rungs |= terms.rungs;
        }
        // One term per search rung kept away, so a widened title search
        // guards a field with one term rather than one per distant word.
        let kept_away = scout_taxonomy::titles::rungs_kept_away(rungs);
        for rung in 0..8u8 {
            if kept_away & 1 << rung != 0 {
                doc.add_text(far_field, rung_term(usize::from(rung)));
            }
        }
    }
    for c in &facts.companies_current {
        doc.add_text(fields.company_cur, c);
    }
    for c in &facts.companies_past {
        doc.add_text(fields.company_past, c);
    }
    for c in facts.companies_current.iter().chain(&facts.companies_past) {
        doc.add_text(fields.employer_key, fold(c));
    }
    for s in &facts.sizes_current {
        doc.add_text(fields.size_cur, s.as_str());
    }
    for s in &facts.sizes_past {
        doc.add_text(fields.size_past, s.as_str());
    }
    for i in &facts.industries_current {
        doc.add_text(fields.industry_cur, fold(i));
    }
    for i in &facts.industries_past {
        doc.add_text(fields.industry_past, fold(i));
    }
    for s in &facts.skills {
        doc.add_text(fields.skill, s);
    }
    doc.add_text(fields.skill_text, facts.skills.join(" "));
    for s in &facts.skills_current {
        doc.add_text(fields.skill_cur, s);
    }
    let mut term = String::new();
    for (lang, level) in &facts.languages {
        doc.add_text(fields.lang, lang);
        if let Some(level) = *level {
            // "At least this level": one term per level up to the profile's.
            for any_language in ANY_LANGUAGE_AT.iter().take(level + 1) {
                term.clear();
                term.push_str(lang);
                term.push_str(any_language);
                doc.add_text(fields.lang, &term);
                doc.add_text(fields.lang, any_language);
            }
        }
    }
    if let Some(place) = &facts.place {
        // The cities and areas the place lies in, so that a city takes in
        // its districts and an area its members with one term.
        for t in &facts.place_terms {
            doc.add_text(fields.place_in, t);
        }
        if let Some(r) = &place.region_key {
            doc.add_text(fields.region, r);
        }
        doc.add_text(fields.country, &place.country_code);
        if place.city_id.is_some() {
            doc.add_f64(fields.lat, place.lat);
            doc.add_f64(fields.lon, place.lon);
            for c in cells_of(place.lat, place.lon) {
                doc.add_text(fields.geo_cell, c);
            }
        }
    }
    let mut place_text = String::new();
    for p in [&talent.city, &talent.state, &talent.country] {
        push_text(&mut place_text, p.as_deref());
    }
    doc.add_text(fields.place_text, place_text.trim_end());
    let (open, base) = facts.experience.encoded();
    doc.add_u64(fields.exp_open, open);
    doc.add_i64(fields.exp_base, base);
    let (open, base) = facts.tenure.encoded();
    doc.add_u64(fields.job_open, open);
    doc.add_i64(fields.job_base, base);
    doc.add_u64(fields.degree, u64::from(facts.highest_degree.unwrap_or(0)));
    for e in &talent.educations {
        if let Some(s) = &e.school_name {
            doc.add_text(fields.school, fold(s));
        }
    }
    for y in &facts.graduation_years {
        doc.add_u64(fields.grad_year, u64::from(*y));
    }
    for c in &talent.certifications {
        if let Some(n) = &c.name {
            doc.add_text(fields.cert, fold(n));
        }
    }
    doc.add_u64(fields.freelance, u64::from(facts.freelance));
    doc.add_u64(fields.completeness, facts.completeness);

    let mut all = String::with_capacity(2048);
    for t in [
        &talent.firstname,
        &talent.lastname,
        &talent.job_title,
        &talent.headline,
        &talent.summary,
        &talent.city,
        &talent.state,
        &talent.country,
    ] {
        push_text(&mut all, t.as_deref());
    }
    for e in &talent.experiences {
        push_text(&mut all, e.title.as_deref());
        push_text(&mut all, e.organization_name.as_deref());
        push_text(&mut all, e.description.as_deref());
    }
    for e in &talent.educations {
        push_text(&mut all, e.school_name.as_deref());
        push_text(&mut all, e.summary.as_deref());
        for d in e.degrees.iter().chain(&e.majors).chain(&e.minors) {
            push_text(&mut all, Some(d));
        }
    }
    for s in talent.skills.iter().chain(&talent.interests) {
        push_text(&mut all, Some(s));
    }
    for c in &talent.certifications {
        push_text(&mut all, c.name.as_deref());
        push_text(&mut all, c.organization_name.as_deref());
    }
    doc.add_text(fields.keyword, all.trim_end());
    doc
}

#[cfg(test)]
mod tests {
    #[test]
    fn language_level_terms_are_at_and_the_level() {
        for (l, term) in super::ANY_LANGUAGE_AT.iter().enumerate() {
            assert_eq!(*term, format!("@{l}"));
        }
    }

    #[test]
    fn remembered_title_terms_are_the_terms_of_the_title() {
        let mut memo = super::TermMemo::default();
        for _ in 0..2 {
            let terms = memo.title_terms("senior data engineer");
            assert_eq!(terms.keys, ["=senior data engineer", "~data engineer"]);
            assert_eq!(terms.pairs, super::title_pair_terms("senior data engineer"));
        }
    }

    #[test]
    fn remembered_places_are_told_apart_by_every_part() {
        let mut memo = super::TermMemo::default();
        let paris = memo
            .place(Some("Paris"), None, Some("France"))
            .map(|(p, _)| p.clone());
        assert_eq!(paris.map(|p| p.country_code), Some("FR".to_owned()));
        let texas = memo
            .place(Some("Paris"), Some("Texas"), Some("United States"))
            .map(|(p, _)| p.clone());
        assert_eq!(texas.map(|p| p.country_code), Some("US".to_owned()));
        // the same text split differently is another place
        assert_ne!(
            locate_profile(Some("Paris\nTexas"), None, Some("US")),
            locate_profile(Some("Paris"), Some("Texas\n"), Some("US"))
        );
        for (city, state) in [("Paris\nTexas", None), ("Paris", Some("Texas\n"))] {
            let found = memo
                .place(Some(city), state, Some("US"))
                .map(|(p, _)| p.clone());
            assert_eq!(found, locate_profile(Some(city), state, Some("US")));
        }
    }

    #[test]
    fn title_pairs_are_adjacent_and_unordered() {
        let terms = super::title_pair_terms("senior data engineer");
        for t in [
            "+senior data",
            "+data engineer",
            "&data senior",
            "&engineer senior",
            "&data engineer",
        ] {
            assert!(terms.contains(&t.to_owned()), "{t} missing from {terms:?}");
        }
        assert_eq!(terms.len(), 5);
        assert!(super::title_pair_terms("nurse").is_empty());
        // a repeated word pairs with the others once, never with itself
        assert_eq!(super::title_pair_terms("a b a").len(), 3);
    }

    use super::*;

    fn talent(json: &str) -> Talent {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn experience_merges_overlaps_and_tracks_open_roles() {
        let t = talent(
            r#"{"id":"x","experiences":[
                {"title":"A","startDate":"2010-01-01","endDate":"2014-01-01"},
                {"title":"B","startDate":"2012-01-01","endDate":"2016-01-01"},
                {"title":"C","startDate":"2018-01-01","isCurrent":true}]}"#,
        );
        let f = ProfileFacts::derive(&t, &OrgDirectory::default());
        let jan_2020 = 2020 * 12;
        assert_eq!(f.experience.months_at(jan_2020), 72 + 24);
        assert_eq!(f.tenure.months_at(jan_2020), 24);
        let (open, base) = f.experience.encoded();
        assert_eq!((open, base + jan_2020), (1, 96));
    }

    #[test]
    fn facts_cover_titles_employers_languages_and_freelance() {
        let t = talent(
            r#"{"id":"x","jobTitle":"Sr. Software Engineer","city":"Paris","country":"France",
                "currentOrganization":{"id":"o1","name":"Acme"},
                "experiences":[{"organizationName":"Acme","title":"Freelance Developer","isCurrent":true,"description":"Built React apps"},
                               {"organizationName":"Initech","title":"Intern","endDate":"2015-01-01","startDate":"2014-06-01"}],
                "skills":["ReactJS","Cobol"],
                "languages":[{"name":"Français","proficiency":"native_or_bilingual"}],
                "educations":[{"degrees":["MSc"],"endDate":"2014-06-30"}]}"#,
        );
        let mut orgs = OrgDirectory::default();
        orgs.upsert(&Organization {
            id: "o1".into(),
            name: "Acme".into(),
            size: Some(CompanySize::S51To200),
            industry: Some("Computer Software".into()),
            ..Default::default()
        });
        let f = ProfileFacts::derive(&t, &orgs);
        assert!(f
            .titles_current
            .contains(&"senior software engineer".to_owned()));
        assert_eq!(f.titles_past, vec!["intern"]);
        assert_eq!(f.sizes_current, vec![CompanySize::S51To200]);
        assert_eq!(f.industries_current, vec!["software development"]);
        assert_eq!(f.skills_current, vec!["react"]);
        assert_eq!(f.languages, vec![("french".to_owned(), Some(4))]);
        assert_eq!(f.place.as_ref().unwrap().name, "Paris");
        assert_eq!(
            (f.highest_degree, f.graduation_years.clone()),
            (Some(2), vec![2014])
        );
        assert!(f.freelance);
    }

    #[test]
    fn id_keys_preserve_order() {
        let ids = ["a", "ab", "b", "tal_000000000001", "tal_000000000002", "z"];
        for w in ids.windows(2) {
            assert!(id_keys(w[0]) < id_keys(w[1]), "{} < {}", w[0], w[1]);
        }
    }
}
