//! Why a talent matched: for each filter, where in the profile the match is
//! (field, text, byte offsets into that text, so a page can highlight it),
//! the distance for locations, the computed years for durations. Whether a
//! filter matched at all, and how well, comes from the index itself (see
//! `Engine::search`); this only points at the evidence.
//!
//! A page of results is explained with one [`Explainer`]: what depends only
//! on the filters (folded needles, title synonyms, skill forms, the geocoded
//! place) is worked out once per request, what depends on the profile (its
//! derived facts, each field's words) once per talent, and field paths are
//! spelt out only for the evidence actually returned.

use std::cell::OnceCell;

use scout_model::boolean::BoolExpr;
use scout_model::criteria::{Criterion, Filter};
use scout_model::{History, Talent};
use scout_taxonomy::languages::canonical_language;
use scout_taxonomy::places::{geocode, how_within, locate_profile, GeoKind, GeoMatch};
use scout_taxonomy::titles::{core_title, normalize_title, synonyms};
use scout_taxonomy::{fold, haversine_km, skills::skill_forms};
use serde::Serialize;

use crate::document::{
    current_month, experience_spans, EducationFacts, EmployerFacts, Month, OrgDirectory, Span,
};

/// Where a filter's match is in a profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// JSON path of the field, e.g. `experiences[0].title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The field's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte offsets `[start, end)` of the matched words in `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offsets: Option<[usize; 2]>,
    /// Great-circle distance from the searched place, for locations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// The computed value compared, for durations, degrees and years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// How a place lies in the one searched, when not by its own name:
    /// "Brooklyn, part of New York City", "Munich, in DACH".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// For a boolean keyword expression: the words and phrases it asks for
    /// that the profile holds (its `NOT` terms, which it lacks, are not listed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_terms: Option<Vec<String>>,
}

/// A field of a profile: `jobTitle`, `skills[2]`, `experiences[0].title`,
/// `educations[0].degrees[1]`. Kept as parts so that only the evidence
/// returned is formatted.
#[derive(Debug, Clone, Copy)]
struct FieldPath {
    /// The list the field is in, empty for a top-level field.
    list: &'static str,
    index: usize,
    /// The field inside the list's item, empty for a list of strings.
    field: &'static str,
    /// The position in the field when it is itself a list of strings.
    sub: Option<usize>,
}

impl FieldPath {
    const fn top(field: &'static str) -> Self {
        FieldPath {
            list: "",
            index: 0,
            field,
            sub: None,
        }
    }

    const fn item(list: &'static str, index: usize, field: &'static str) -> Self {
        FieldPath {
            list,
            index,
            field,
            sub: None,
        }
    }

    fn render(self) -> String {
        let path = match (self.list, self.field) {
            ("", field) => field.to_owned(),
            (list, "") => format!("{list}[{}]", self.index),
            (list, field) => format!("{list}[{}].{field}", self.index),
        };
        match self.sub {
            Some(i) => format!("{path}[{i}]"),
            None => path,
        }
    }
}

/// A field's text as folded tokens with the byte span of the word each came
/// from. A word may fold to several tokens ("C.I." → "ci"), which then
/// share its span.
type Tokens = Vec<(String, usize, usize)>;

fn tokens(text: &str) -> Tokens {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word_char = c.is_alphanumeric() || c == '+' || c == '#';
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let folded = fold(&text[s..i]);
                out.extend(
                    folded
                        .split(' ')
                        .filter(|t| !t.is_empty())
                        .map(|t| (t.to_owned(), s, i)),
                );
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Byte span of the folded phrase `needle` in the tokens of a text.
fn find_tokens(toks: &Tokens, needle: &str) -> Option<[usize; 2]> {
    let want: Vec<&str> = needle.split(' ').filter(|w| !w.is_empty()).collect();
    if want.is_empty() {
        return None;
    }
    toks.windows(want.len())
        .find(|w| w.iter().zip(&want).all(|(t, n)| t.0 == *n))
        .map(|w| [w[0].1, w[w.len() - 1].2])
}

/// Byte span of the folded phrase `needle` (already folded) in `text`.
pub fn find_phrase(text: &str, needle: &str) -> Option<[usize; 2]> {
    find_tokens(&tokens(text), needle)
}

/// The first needle, in order of preference, found in any of the fields,
/// in field order; each field is tokenized at most once.
fn first_hit(fields: &[(FieldPath, &str)], needles: &[String]) -> Option<Evidence> {
    let tokenized: Vec<OnceCell<Tokens>> = fields.iter().map(|_| OnceCell::new()).collect();
    for needle in needles {
        for ((path, text), toks) in fields.iter().zip(&tokenized) {
            if let Some(off) = find_tokens(toks.get_or_init(|| tokens(text)), needle) {
                return Some(Evidence {
                    field: Some(path.render()),
                    text: Some((*text).to_owned()),
                    offsets: Some(off),
                    ..Default::default()
                });
            }
        }
    }
    None
}

/// Where a boolean expression's terms are in `fields`: none when the
/// expression does not hold; else the first term it asks for that is
/// there, as the highlighted evidence, and every such term.
fn boolean_evidence(expr: &BoolExpr, fields: &[(FieldPath, &str)]) -> Option<Evidence> {
    let tokenized: Vec<Tokens> = fields.iter().map(|(_, text)| tokens(text)).collect();
    let find = |term: &str| -> Option<(usize, [usize; 2])> {
        let needle = fold(term);
        tokenized
            .iter()
            .enumerate()
            .find_map(|(i, toks)| find_tokens(toks, &needle).map(|off| (i, off)))
    };
    if !expr.holds(&mut |t| find(t).is_some()) {
        return None;
    }
    let mut matched: Vec<String> = Vec::new();
    let mut first = None;
    for (term, negated) in expr.terms() {
        if negated || matched.iter().any(|m| m == term) {
            continue;
        }
        if let Some(hit) = find(term) {
            first.get_or_insert(hit);
            matched.push(term.to_owned());
        }
    }
    let mut evidence = match first {
        Some((i, off)) => Evidence {
            field: Some(fields[i].0.render()),
            text: Some(fields[i].1.to_owned()),
            offsets: Some(off),
            ..Default::default()
        },
        None => Evidence::default(),
    };
    evidence.matched_terms = Some(matched);
    Some(evidence)
}

/// Whether a role belongs to the roles `history` names.
fn in_history(t: &Talent, role: &scout_model::Experience, history: History) -> bool {
    let current = t.is_current_role(role);
    match history {
        History::Current => current,
        History::Past => !current,
        History::CurrentOrPast => true,
    }
}

fn titles(t: &Talent, history: History) -> Vec<(FieldPath, &str)> {
    let mut v = Vec::new();
    if history != History::Past {
        if let Some(j) = &t.job_title {
            v.push((FieldPath::top("jobTitle"), j.as_str()));
        }
    }
    for (i, e) in t.experiences.iter().enumerate() {
        if let (true, Some(title)) = (in_history(t, e, history), &e.title) {
            v.push((FieldPath::item("experiences", i, "title"), title.as_str()));
        }
    }
    v
}

fn companies(t: &Talent, history: History) -> Vec<(FieldPath, &str)> {
    let mut v = Vec::new();
    if history != History::Past {
        if let Some(n) = t
            .current_organization
            .as_ref()
            .and_then(|o| o.name.as_deref())
        {
            v.push((FieldPath::top("currentOrganization.name"), n));
        }
    }
    for (i, e) in t.experiences.iter().enumerate() {
        if let (true, Some(n)) = (in_history(t, e, history), &e.organization_name) {
            v.push((
                FieldPath::item("experiences", i, "organizationName"),
                n.as_str(),
            ));
        }
    }
    v
}

/// The text of each item of a profile list that has one, with its path.
fn each_item<'t, T>(
    items: &'t [T],
    list: &'static str,
    field: &'static str,
    text: impl Fn(&'t T) -> Option<&'t str>,
) -> Vec<(FieldPath, &'t str)> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| Some((FieldPath::item(list, i, field), text(item)?)))
        .collect()
}

fn skills(t: &Talent) -> Vec<(FieldPath, &str)> {
    each_item(&t.skills, "skills", "", |s| Some(s.as_str()))
}

fn schools(t: &Talent) -> Vec<(FieldPath, &str)> {
    each_item(&t.educations, "educations", "schoolName", |e| {
        e.school_name.as_deref()
    })
}

fn certifications(t: &Talent) -> Vec<(FieldPath, &str)> {
    each_item(&t.certifications, "certifications", "name", |c| {
        c.name.as_deref()
    })
}

/// Every text the index's keyword field holds (`document.rs`), in its order,
/// so what a keyword matched can always be shown.
fn all_text(t: &Talent) -> Vec<(FieldPath, &str)> {
    let mut v = Vec::new();
    for (name, val) in [
        ("firstname", &t.firstname),
        ("lastname", &t.lastname),
        ("jobTitle", &t.job_title),
        ("headline", &t.headline),
        ("summary", &t.summary),
        ("city", &t.city),
        ("state", &t.state),
        ("country", &t.country),
    ] {
        if let Some(s) = val {
            v.push((FieldPath::top(name), s.as_str()));
        }
    }
    for (i, e) in t.experiences.iter().enumerate() {
        for (name, val) in [
            ("title", &e.title),
            ("organizationName", &e.organization_name),
            ("description", &e.description),
        ] {
            if let Some(s) = val {
                v.push((FieldPath::item("experiences", i, name), s.as_str()));
            }
        }
    }
    for (i, e) in t.educations.iter().enumerate() {
        for (name, val) in [("schoolName", &e.school_name), ("summary", &e.summary)] {
            if let Some(s) = val {
                v.push((FieldPath::item("educations", i, name), s.as_str()));
            }
        }
        for (name, list) in [
            ("degrees", &e.degrees),
            ("majors", &e.majors),
            ("minors", &e.minors),
        ] {
            for (j, s) in list.iter().enumerate() {
                let path = FieldPath {
                    sub: Some(j),
                    ..FieldPath::item("educations", i, name)
                };
                v.push((path, s.as_str()));
            }
        }
    }
    v.extend(skills(t));
    v.extend(each_item(&t.interests, "interests", "", |s| {
        Some(s.as_str())
    }));
    for (i, c) in t.certifications.iter().enumerate() {
        for (name, val) in [
            ("name", &c.name),
            ("organizationName", &c.organization_name),
        ] {
            if let Some(s) = val {
                v.push((FieldPath::item("certifications", i, name), s.as_str()));
            }
        }
    }
    v
}

/// A language of the profile is the one a filter names: the same words, or
/// the same language in Scout's reference data (`Deutsch` is German).
struct LanguageNeedle {
    folded: String,
    canonical: Option<&'static str>,
}

impl LanguageNeedle {
    fn new(name: &str) -> Self {
        LanguageNeedle {
            folded: fold(name),
            canonical: canonical_language(name),
        }
    }

    fn names(&self, profile_language: Option<&str>) -> bool {
        profile_language.is_some_and(|n| {
            let folded = fold(n);
            folded == self.folded
                || (self.canonical.is_some() && canonical_language(&folded) == self.canonical)
        })
    }
}

/// A value derived from the whole profile (see [`ProfileFacts`]).
#[derive(Debug, Clone, Copy)]
enum Derived {
    YearsOfExperience,
    DurationInJob,
    Degree,
    GraduationYear,
    Freelance,
    CompanySize,
    CompanyIndustry,
}

/// What one filter looks for, worked out once per request.
enum Plan {
    Title {
        history: History,
        needles: Vec<String>,
        core: String,
    },
    Company {
        history: History,
        needles: Vec<String>,
    },
    Skill {
        forms: Vec<String>,
        needles: Vec<String>,
    },
    Keyword(Vec<String>),
    Boolean(BoolExpr),
    School(Vec<String>),
    Certification(Vec<String>),
    Location(Option<GeoMatch>),
    Language(LanguageNeedle),
    Proficiency(Option<LanguageNeedle>),
    Derived(Derived),
}

impl Plan {
    fn new(filter: &Filter) -> Plan {
        let exact = filter.exact;
        match &filter.criterion {
            Criterion::JobTitle { title, history } => {
                let mut needles = vec![normalize_title(title), fold(title)];
                if !exact {
                    needles.push(core_title(title));
                    needles.extend(synonyms(title));
                }
                Plan::Title {
                    history: *history,
                    needles,
                    core: core_title(title),
                }
            }
            Criterion::CompanyName { name, history } => Plan::Company {
                history: *history,
                needles: vec![fold(name)],
            },
            Criterion::Skill(s) => Plan::Skill {
                forms: if exact { vec![fold(s)] } else { skill_forms(s) },
                needles: vec![fold(s)],
            },
            Criterion::Keyword(k) => Plan::Keyword(vec![fold(k)]),
            Criterion::Boolean(b) => Plan::Boolean(b.expr.clone()),
            Criterion::EducationSchoolName(s) => Plan::School(vec![fold(s)]),
            Criterion::CertificationName(c) => Plan::Certification(vec![fold(c)]),
            Criterion::Location { place, .. } => Plan::Location(geocode(place)),
            Criterion::Language(l) => Plan::Language(LanguageNeedle::new(l)),
            Criterion::LanguageProficiency { language, .. } => {
                Plan::Proficiency(language.as_deref().map(LanguageNeedle::new))
            }
            Criterion::YearsOfExperience(_) => Plan::Derived(Derived::YearsOfExperience),
            Criterion::DurationInJob(_) => Plan::Derived(Derived::DurationInJob),
            Criterion::EducationDegree(_) => Plan::Derived(Derived::Degree),
            Criterion::GraduationYear(_) => Plan::Derived(Derived::GraduationYear),
            Criterion::Freelance => Plan::Derived(Derived::Freelance),
            Criterion::CompanySize { .. } => Plan::Derived(Derived::CompanySize),
            Criterion::CompanyIndustry { .. } => Plan::Derived(Derived::CompanyIndustry),
        }
    }
}

/// Explains talents against one request's filters.
pub struct Explainer {
    plans: Vec<Plan>,
}

impl Explainer {
    /// Prepares the explanation of `filters`, in their order.
    pub fn new(filters: &[Filter]) -> Explainer {
        Explainer {
            plans: filters.iter().map(Plan::new).collect(),
        }
    }

    /// The evidence of each filter in `talent`, in the filters' order (an
    /// empty [`Evidence`] where there is none). `orgs` resolves employers
    /// for sizes and industries.
    pub fn explain(&self, talent: &Talent, orgs: &OrgDirectory) -> Vec<Evidence> {
        let facts = LazyFacts {
            talent,
            orgs,
            spans: OnceCell::new(),
            education: OnceCell::new(),
            employers: OnceCell::new(),
        };
        self.plans
            .iter()
            .map(|plan| evidence(plan, talent, &facts).unwrap_or_default())
            .collect()
    }
}

/// The derived facts explanations show, each worked out only if a filter
/// asks for it and then once per talent (a page's explanations would
/// otherwise cost more than its search).
struct LazyFacts<'a> {
    talent: &'a Talent,
    orgs: &'a OrgDirectory,
    spans: OnceCell<(Span, Span)>,
    education: OnceCell<EducationFacts>,
    employers: OnceCell<EmployerFacts>,
}

impl LazyFacts<'_> {
    fn spans(&self) -> &(Span, Span) {
        self.spans.get_or_init(|| experience_spans(self.talent))
    }

    fn education(&self) -> &EducationFacts {
        self.education
            .get_or_init(|| EducationFacts::derive(self.talent))
    }

    fn employers(&self) -> &EmployerFacts {
        self.employers
            .get_or_init(|| EmployerFacts::derive(self.talent, self.orgs))
    }
}

/// One year to a tenth, from months.
fn years(months: Month) -> f64 {
    (months as f64 / 12.0 * 10.0).round() / 10.0
}

fn evidence(plan: &Plan, talent: &Talent, facts: &LazyFacts) -> Option<Evidence> {
    match plan {
        Plan::Title {
            history,
            needles,
            core,
        } => {
            let fields = titles(talent, *history);
            first_hit(&fields, needles).or_else(|| {
                // Abbreviations are expanded on both sides: compare normalised forms.
                fields
                    .iter()
                    .find(|(_, t)| normalize_title(t).contains(core.as_str()))
                    .map(|(path, t)| Evidence {
                        field: Some(path.render()),
                        text: Some((*t).to_owned()),
                        ..Default::default()
                    })
            })
        }
        Plan::Company { history, needles } => first_hit(&companies(talent, *history), needles),
        Plan::Skill { forms, needles } => {
            let fields = skills(talent);
            fields
                .iter()
                .find(|(_, text)| forms.contains(&fold(text)))
                .map(|(path, text)| Evidence {
                    field: Some(path.render()),
                    text: Some((*text).to_owned()),
                    offsets: Some([0, text.len()]),
                    ..Default::default()
                })
                .or_else(|| first_hit(&fields, needles))
        }
        Plan::Keyword(needles) => first_hit(&all_text(talent), needles),
        Plan::Boolean(expr) => boolean_evidence(expr, &all_text(talent)),
        Plan::School(needles) => first_hit(&schools(talent), needles),
        Plan::Certification(needles) => first_hit(&certifications(talent), needles),
        Plan::Location(searched) => {
            let here = locate_profile(
                talent.city.as_deref(),
                talent.state.as_deref(),
                talent.country.as_deref(),
            );
            let (field, text) = if talent.city.is_some() {
                ("city", talent.city.clone())
            } else {
                ("country", talent.country.clone())
            };
            let distance = match (searched, &here) {
                // an area's centre is no place to measure from
                (Some(there), Some(h)) if h.city_id.is_some() && there.kind != GeoKind::Area => {
                    Some((haversine_km(there.lat, there.lon, h.lat, h.lon) * 10.0).round() / 10.0)
                }
                _ => None,
            };
            let via = match (searched, &here) {
                (Some(there), Some(h)) => how_within(h, there),
                _ => None,
            };
            Some(Evidence {
                field: Some(field.to_owned()),
                text,
                distance_km: distance,
                via,
                ..Default::default()
            })
        }
        Plan::Language(language) => talent
            .languages
            .iter()
            .enumerate()
            .find(|(_, x)| language.names(x.name.as_deref()))
            .map(|(i, x)| Evidence {
                field: Some(format!("languages[{i}]")),
                text: x.name.clone(),
                value: x.proficiency.clone().map(Into::into),
                ..Default::default()
            }),
        Plan::Proficiency(language) => talent
            .languages
            .iter()
            .enumerate()
            .find(|(_, x)| language.as_ref().is_none_or(|l| l.names(x.name.as_deref())))
            .map(|(i, x)| Evidence {
                field: Some(format!("languages[{i}].proficiency")),
                text: x.proficiency.clone(),
                ..Default::default()
            }),
        Plan::Derived(derived) => Some(derived_evidence(*derived, talent, facts)),
    }
}

fn derived_evidence(derived: Derived, talent: &Talent, facts: &LazyFacts) -> Evidence {
    let (field, value): (&str, Option<serde_json::Value>) = match derived {
        Derived::YearsOfExperience => (
            "experiences",
            Some(years(facts.spans().0.months_at(current_month())).into()),
        ),
        Derived::DurationInJob => (
            "experiences",
            Some(years(facts.spans().1.months_at(current_month())).into()),
        ),
        Derived::Degree => (
            "educations",
            facts
                .education()
                .highest_degree
                .map(|d| ["none", "bachelors", "masters", "doctorates"][d as usize].into()),
        ),
        Derived::GraduationYear => (
            "educations",
            Some(facts.education().graduation_years.clone().into()),
        ),
        Derived::Freelance => {
            return Evidence {
                field: Some("jobTitle".into()),
                text: talent.job_title.clone(),
                ..Default::default()
            }
        }
        Derived::CompanySize | Derived::CompanyIndustry => {
            let e = facts.employers();
            let names: Vec<&str> = if matches!(derived, Derived::CompanySize) {
                let sizes = e.sizes_current.iter().chain(&e.sizes_past);
                sizes.map(|s| s.as_str()).collect()
            } else {
                let industries = e.industries_current.iter().chain(&e.industries_past);
                industries.copied().collect()
            };
            ("currentOrganization", Some(names.into()))
        }
    };
    Evidence {
        field: Some(field.to_owned()),
        value,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points at the evidence of `filter` in `talent` (empty when there is
    /// none); [`Explainer`] does it for many talents at once.
    fn evidence_of(talent: &Talent, filter: &Filter, orgs: &OrgDirectory) -> Evidence {
        Explainer::new(std::slice::from_ref(filter))
            .explain(talent, orgs)
            .pop()
            .unwrap_or_default()
    }

    #[test]
    fn phrases_are_found_with_offsets_into_the_original_text() {
        assert_eq!(
            find_phrase("Senior Software Engineer", "software engineer"),
            Some([7, 24])
        );
        assert_eq!(
            find_phrase("Ingénieur Logiciel, Paris", "ingenieur logiciel"),
            Some([0, 19])
        );
        assert_eq!(find_phrase("Nurse", "software"), None);
    }

    #[test]
    fn evidence_points_at_the_matching_role() {
        let t: Talent = serde_json::from_str(
            r#"{"id":"x","jobTitle":"Senior Software Engineer","city":"Versailles","country":"France",
                "experiences":[{"title":"Senior Software Engineer","isCurrent":true},{"title":"Java Developer","endDate":"2019-01"}]}"#,
        )
        .unwrap();
        let f = Filter::required(Criterion::JobTitle {
            title: "Software Engineer".into(),
            history: History::Current,
        });
        let e = evidence_of(&t, &f, &OrgDirectory::default());
        assert_eq!(
            (e.field.as_deref(), e.offsets),
            (Some("jobTitle"), Some([7, 24]))
        );
        let past = Filter::required(Criterion::JobTitle {
            title: "java developer".into(),
            history: History::Past,
        });
        assert_eq!(
            evidence_of(&t, &past, &OrgDirectory::default())
                .field
                .as_deref(),
            Some("experiences[1].title")
        );
        let loc = Filter::required(Criterion::Location {
            place: "Paris".into(),
            radius_km: Some(30.0),
        });
        let d = evidence_of(&t, &loc, &OrgDirectory::default())
            .distance_km
            .unwrap();
        assert!(d > 10.0 && d < 25.0, "{d}");
    }

    #[test]
    fn languages_outside_the_reference_data_match_only_by_name() {
        let t: Talent = serde_json::from_str(
            r#"{"id":"x","languages":[{"name":"Elvish","proficiency":"native"},{"name":"Deutsch"}]}"#,
        )
        .unwrap();
        let orgs = OrgDirectory::default();
        let klingon = Filter::required(Criterion::Language("Klingon".into()));
        assert_eq!(evidence_of(&t, &klingon, &orgs), Evidence::default());
        let elvish = Filter::required(Criterion::Language("elvish".into()));
        assert_eq!(
            evidence_of(&t, &elvish, &orgs).field.as_deref(),
            Some("languages[0]")
        );
        let german = Filter::required(Criterion::Language("German".into()));
        assert_eq!(
            evidence_of(&t, &german, &orgs).field.as_deref(),
            Some("languages[1]")
        );
    }

    #[test]
    fn one_explainer_gives_each_filter_its_evidence_in_order() {
        let t: Talent = serde_json::from_str(
            r#"{"id":"x","jobTitle":"Data Engineer","skills":["Python","SQL"],
                "experiences":[{"title":"Data Engineer","startDate":"2015-01","isCurrent":true}],
                "educations":[{"degrees":["Master of Science"],"endDate":"2014-06"}]}"#,
        )
        .unwrap();
        let filters = [
            Filter::required(Criterion::Skill("sql".into())),
            Filter::required(Criterion::YearsOfExperience(
                scout_model::criteria::YearRange { lo: 10, hi: 15 },
            )),
            Filter::required(Criterion::GraduationYear(2014)),
            Filter::required(Criterion::Skill("Cobol".into())),
        ];
        let got = Explainer::new(&filters).explain(&t, &OrgDirectory::default());
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].field.as_deref(), Some("skills[1]"));
        assert!(got[1].value.as_ref().and_then(|v| v.as_f64()).unwrap() >= 10.0);
        assert_eq!(got[2].value, Some(serde_json::json!([2014])));
        assert_eq!(got[3], Evidence::default());
    }
}
