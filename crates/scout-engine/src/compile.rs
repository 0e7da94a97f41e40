//! Typed filters → one Tantivy query whose score is Scout's ranking.
//!
//! Each filter becomes a *matcher* with quality tiers (for a title: the
//! exact phrase 1.0, its core without seniority words 0.85, a synonym 0.7,
//! all of its words 0.4); a filter scores the best tier it meets. Required
//! filters are `Must` clauses scoring their tier; optional ones are `Should`
//! clauses scoring `2 + tier`, so meeting one more optional filter always
//! outranks better quality on the others; excluded ones are `MustNot`.
//! Several filters of one single-valued type are ORed, of a set-valued type
//! ANDed (see `docs/search.md`).

use scout_model::criteria::{Criterion, Filter, YearRange};
use scout_model::{FilterType, History};
use scout_taxonomy::languages::{canonical_language, PROFICIENCY_LEVELS};
use scout_taxonomy::places::{geocode, GeoKind};
use scout_taxonomy::titles::{core_title, normalize_title, rung_of, synonyms};
use scout_taxonomy::{fold, industries::canonical_industry, skills::skill_forms};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Score, Term};

use crate::boolean_query::BooleanBitsQuery;
use crate::document::Month;
use crate::radius_query::RadiusQuery;
use crate::rank::{self, Clause, RankQuery};
use crate::schema::Fields;
use crate::span_query::{SpanKind, SpanQuery, SpanTest};

/// Score added to a met optional filter, above any tier.
pub(crate) const OPTIONAL_BONUS: Score = 2.0;

/// How a filter's value was understood, for the explanation.
#[derive(Debug, Clone, PartialEq)]
pub enum Interpretation {
    /// Resolved through the taxonomy (a place, an industry, a language…).
    Resolved(String),
    /// Not in the taxonomy: matched literally.
    Literal,
}

pub(crate) struct Compiled {
    pub query: RankQuery,
    pub interpretations: Vec<Interpretation>,
}

/// A way a filter can be met and the quality it is worth; a radius scores
/// closeness itself.
enum Tier {
    /// A query worth a fixed score; `covered` when a later tier of the same
    /// filter matches every document this one does (a phrase, then its words),
    /// so only the later one needs to propose candidates.
    Fixed(Box<dyn Query>, Score, bool),
    Radius {
        lat: f64,
        lon: f64,
        radius_km: f64,
    },
    /// A span in a range, worth 1: the search tests it on the segment's
    /// table, the explanation through the query.
    Span(Box<dyn Query>, SpanTest),
}

#[derive(Default)]
struct Tiers(Vec<Tier>);

impl Tiers {
    fn push(&mut self, (q, s): (Box<dyn Query>, Score)) {
        self.0.push(Tier::Fixed(q, s, false));
    }

    /// Ways worth `score` that a later tier covers.
    fn covered(&mut self, queries: Vec<Box<dyn Query>>, score: Score) {
        for q in queries {
            self.0.push(Tier::Fixed(q, score, true));
        }
    }

    fn extend(&mut self, t: Option<(Box<dyn Query>, Score)>) {
        if let Some(t) = t {
            self.push(t);
        }
    }

    /// Several ways worth the same.
    fn each(&mut self, queries: Vec<Box<dyn Query>>, score: Score) {
        for q in queries {
            self.push((q, score));
        }
    }
}

fn term(field: Field, text: &str) -> Term {
    Term::from_field_text(field, text)
}

/// A phrase (or single term) over pre-folded `text` in `field`.
fn phrase(field: Field, text: &str) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = text
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(|t| term(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::Basic,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// Every word of pre-folded `text` in `field`, in any order.
fn all_words(field: Field, text: &str) -> Option<Box<dyn Query>> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = text
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(|t| {
            (
                Occur::Must,
                Box::new(TermQuery::new(term(field, t), IndexRecordOption::Basic))
                    as Box<dyn Query>,
            )
        })
        .collect();
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

/// A title phrase, field by field: two words are one pair term (see
/// `document::title_pair_terms`), longer phrases a phrase query.
fn title_phrase(texts: &[Field], pairs: &[Field], normalized: &str) -> Vec<Box<dyn Query>> {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    texts
        .iter()
        .zip(pairs)
        .filter_map(|(text, pair)| match words.as_slice() {
            [a, b] => Some(Box::new(TermQuery::new(
                term(*pair, &format!("+{a} {b}")),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>),
            _ => phrase(*text, normalized),
        })
        .collect()
}

/// Every word of a title, in any order, within one title: one word is a
/// term, two are one pair term, more are the pairs of consecutive words
/// (in alphabetical order) all present.
fn title_words(texts: &[Field], pairs: &[Field], core: &str) -> Vec<Box<dyn Query>> {
    let mut words: Vec<&str> = core
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(crate::document::PAIRED_WORDS)
        .collect();
    words.sort_unstable();
    words.dedup();
    texts
        .iter()
        .zip(pairs)
        .filter_map(|(text, pair)| match words.as_slice() {
            [] => None,
            [one] => Some(
                Box::new(TermQuery::new(term(*text, one), IndexRecordOption::Basic))
                    as Box<dyn Query>,
            ),
            _ => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = words
                    .windows(2)
                    .map(|w| {
                        (
                            Occur::Must,
                            Box::new(TermQuery::new(
                                term(*pair, &format!("&{} {}", w[0], w[1])),
                                IndexRecordOption::Basic,
                            )) as Box<dyn Query>,
                        )
                    })
                    .collect();
                Some(if clauses.len() == 1 {
                    clauses.remove(0).1
                } else {
                    Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>
                })
            }
        })
        .collect()
}

/// `query` on one title field, unless that field's titles name a seniority
/// rung distant from the search's own (`titles::is_distant`): a widened
/// title tier must not reach the other end of the ladder. The index keeps,
/// per field, the search rungs its titles keep away (`title_far_*`), so the
/// guard is one term.
fn off_the_ladder(query: Box<dyn Query>, far: Field, own_rung: Option<usize>) -> Box<dyn Query> {
    let Some(rung) = own_rung else {
        return query;
    };
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (
            Occur::MustNot,
            Box::new(TermQuery::new(
                term(far, &crate::document::rung_term(rung)),
                IndexRecordOption::Basic,
            )),
        ),
    ]))
}

fn history_fields(history: History, current: Field, past: Field) -> Vec<Field> {
    match history {
        History::Current => vec![current],
        History::Past => vec![past],
        History::CurrentOrPast => vec![current, past],
    }
}

/// `[lo, hi)` years of a [`crate::document::Span`] as of `now`, read from
/// its encoded fast field (see `span_query.rs`).
fn span_in(kind: SpanKind, fields: &Fields, range: YearRange, now: Month) -> Tier {
    let (lo, hi) = (i64::from(range.lo) * 12, i64::from(range.hi) * 12);
    let test = SpanTest::new(kind, lo, hi, now);
    let field = match kind {
        SpanKind::Experience => fields.exp_base,
        SpanKind::Tenure => fields.job_base,
    };
    Tier::Span(Box::new(SpanQuery::new(field, test)), test)
}

struct Matcher {
    tiers: Tiers,
    interpretation: Interpretation,
}

fn text_tiers(fields: &[Field], value: &str, exact: bool) -> Tiers {
    let folded = fold(value);
    let mut tiers = Tiers::default();
    if exact || !folded.contains(' ') {
        // one word is its own phrase: a words tier would be the same set
        tiers.each(phrase_on(fields, &folded), 1.0);
    } else {
        tiers.covered(phrase_on(fields, &folded), 1.0);
        tiers.each(words_on(fields, &folded), 0.5);
    }
    tiers
}

/// The phrase in each field: one tier per field, so no union is needed.
fn phrase_on(fields: &[Field], text: &str) -> Vec<Box<dyn Query>> {
    fields.iter().filter_map(|f| phrase(*f, text)).collect()
}

/// All the words in each field, one tier per field.
fn words_on(fields: &[Field], text: &str) -> Vec<Box<dyn Query>> {
    fields.iter().filter_map(|f| all_words(*f, text)).collect()
}

fn matcher(f: &Filter, fields: &Fields, now: Month, level_for_language: Option<usize>) -> Matcher {
    let mut interpretation = Interpretation::Literal;
    let mut tiers = Tiers::default();
    match &f.criterion {
        Criterion::JobTitle { title, history } => {
            let fs = history_fields(*history, fields.title_cur, fields.title_past);
            let keys = history_fields(*history, fields.title_key_cur, fields.title_key_past);
            let pairs = history_fields(*history, fields.title_pair_cur, fields.title_pair_past);
            let fars = history_fields(*history, fields.title_far_cur, fields.title_far_past);
            let normalized = normalize_title(title);
            // Seniority stripped widens "senior X" to X and its neighbours,
            // never to the other end of the ladder (per title field, so a
            // past junior title does not hide a current match).
            let own_rung = rung_of(&normalized);
            // One term query per key: each seeks on its own postings, with
            // no automaton to build and no bitset to fill per search.
            let key_query = |values: &[String], guard: bool| -> Vec<Box<dyn Query>> {
                keys.iter()
                    .zip(&fars)
                    .flat_map(|(k, far)| values.iter().map(move |v| (term(*k, v), *far)))
                    .map(|(t, far)| {
                        let q =
                            Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>;
                        if guard {
                            off_the_ladder(q, far, own_rung)
                        } else {
                            q
                        }
                    })
                    .collect()
            };
            if f.exact {
                tiers.each(title_phrase(&fs, &pairs, &normalized), 1.0);
            } else {
                let core = core_title(title);
                tiers.each(key_query(&[format!("={normalized}")], false), 1.0);
                tiers.each(key_query(&[format!("~{core}")], true), 0.9);
                // one word is its own phrase, and its words tier the same set
                let single_word = !normalized.contains(' ') && core == normalized;
                // The phrase is guarded like the words tier (a field whose
                // titles hold a distant rung loses both), so that the words
                // tier still holds every document of the phrase and the
                // phrase, costly to read, need not propose candidates.
                let phrase: Vec<Box<dyn Query>> = title_phrase(&fs, &pairs, &normalized)
                    .into_iter()
                    .zip(&fars)
                    .map(|(q, far)| off_the_ladder(q, *far, own_rung))
                    .collect();
                if core.trim().is_empty() || single_word {
                    tiers.each(phrase, 0.8);
                } else {
                    // The core's words are among the phrase's: the words tier covers it.
                    tiers.covered(phrase, 0.8);
                }
                let syns = synonyms(title);
                if !syns.is_empty() {
                    interpretation =
                        Interpretation::Resolved(format!("synonyms: {}", syns.join(", ")));
                    let syn_keys: Vec<String> = syns.iter().map(|s| format!("~{s}")).collect();
                    tiers.each(key_query(&syn_keys, true), 0.7);
                }
                if !single_word {
                    let words = title_words(&fs, &pairs, &core);
                    let guarded = words
                        .into_iter()
                        .zip(&fars)
                        .map(|(q, far)| off_the_ladder(q, *far, own_rung))
                        .collect();
                    tiers.each(guarded, 0.4);
                }
            }
        }
        Criterion::Location { place, radius_km } => {
            if f.exact {
                tiers.extend(phrase(fields.place_text, &fold(place)).map(|q| (q, 1.0)));
            } else if let Some(m) = geocode(place) {
                interpretation = Interpretation::Resolved(if m.country_code.is_empty() {
                    format!("{} {}", m.kind.as_str(), m.name)
                } else {
                    format!("{} {} ({})", m.kind.as_str(), m.name, m.country_code)
                });
                match (m.kind, radius_km) {
                    (GeoKind::City, Some(r)) if *r > 0.0 => {
                        tiers.0.push(Tier::Radius {
                            lat: m.lat,
                            lon: m.lon,
                            radius_km: *r,
                        });
                    }
                    // A city takes in its districts, an area its members:
                    // both are one term of the places a profile lies in.
                    (GeoKind::City | GeoKind::Area, _) => {
                        if let Some(t) = m.search_term() {
                            tiers.push((
                                Box::new(TermQuery::new(
                                    term(fields.place_in, &t),
                                    IndexRecordOption::Basic,
                                )),
                                1.0,
                            ));
                        }
                    }
                    (GeoKind::Region, _) => {
                        if let Some(k) = &m.region_key {
                            tiers.push((
                                Box::new(TermQuery::new(
                                    term(fields.region, k),
                                    IndexRecordOption::Basic,
                                )),
                                1.0,
                            ));
                        }
                    }
                    (GeoKind::Country, _) => {
                        tiers.push((
                            Box::new(TermQuery::new(
                                term(fields.country, &m.country_code),
                                IndexRecordOption::Basic,
                            )),
                            1.0,
                        ));
                    }
                }
            } else {
                tiers.extend(phrase(fields.place_text, &fold(place)).map(|q| (q, 1.0)));
            }
        }
        Criterion::YearsOfExperience(r) => {
            tiers.0.push(span_in(SpanKind::Experience, fields, *r, now))
        }
        Criterion::DurationInJob(r) => tiers.0.push(span_in(SpanKind::Tenure, fields, *r, now)),
        Criterion::Skill(s) => {
            let forms = if f.exact {
                vec![fold(s)]
            } else {
                skill_forms(s)
            };
            if forms.len() > 1 {
                interpretation =
                    Interpretation::Resolved(format!("aliases: {}", forms[1..].join(", ")));
            }
            let terms = |field: Field| -> Vec<Box<dyn Query>> {
                forms
                    .iter()
                    .map(|x| {
                        Box::new(TermQuery::new(term(field, x), IndexRecordOption::Basic))
                            as Box<dyn Query>
                    })
                    .collect()
            };
            tiers.each(terms(fields.skill_cur), 1.0);
            tiers.each(terms(fields.skill), 0.8);
            if !f.exact {
                tiers.extend(all_words(fields.skill_text, &fold(s)).map(|q| (q, 0.5)));
            }
        }
        Criterion::Keyword(k) => tiers = text_tiers(&[fields.keyword], k, f.exact),
        Criterion::Boolean(b) => {
            interpretation = Interpretation::Resolved(format!("boolean: {}", b.expr));
            // a required or excluded expression is read whole, as a bitset;
            // an optional one is only looked up on the candidates, which
            // Tantivy's boolean queries do by seeking
            let q: Box<dyn Query> = if f.required || f.excluded {
                Box::new(BooleanBitsQuery::new(fields.keyword, &b.expr))
            } else {
                crate::boolean_query::probe_query(fields.keyword, &b.expr)
            };
            tiers.push((q, 1.0));
        }
        Criterion::Language(l) => {
            let lang = canonical_language(l).map(str::to_owned);
            if let Some(c) = &lang {
                interpretation = Interpretation::Resolved(c.clone());
            }
            let lang = lang.unwrap_or_else(|| fold(l));
            let t = match level_for_language {
                Some(level) => format!("{lang}@{level}"),
                None => lang,
            };
            tiers.push((
                Box::new(TermQuery::new(
                    term(fields.lang, &t),
                    IndexRecordOption::Basic,
                )),
                1.0,
            ));
        }
        Criterion::LanguageProficiency { language, level } => {
            let idx = PROFICIENCY_LEVELS
                .iter()
                .position(|l| l == level)
                .unwrap_or(0);
            let t = match language {
                Some(l) => format!(
                    "{}@{idx}",
                    canonical_language(l)
                        .map(str::to_owned)
                        .unwrap_or_else(|| fold(l))
                ),
                None => format!("@{idx}"),
            };
            interpretation = Interpretation::Resolved(format!("at least {level}"));
            tiers.push((
                Box::new(TermQuery::new(
                    term(fields.lang, &t),
                    IndexRecordOption::Basic,
                )),
                1.0,
            ));
        }
        Criterion::CompanyName { name, history } => {
            let fs = history_fields(*history, fields.company_cur, fields.company_past);
            tiers = text_tiers(&fs, name, f.exact);
        }
        Criterion::CompanySize { size, history } => {
            let fs = history_fields(*history, fields.size_cur, fields.size_past);
            let qs = fs
                .iter()
                .map(|fl| {
                    Box::new(TermQuery::new(
                        term(*fl, size.as_str()),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>
                })
                .collect();
            tiers.each(qs, 1.0);
        }
        Criterion::CompanyIndustry { industry, history } => {
            let canonical = canonical_industry(industry);
            if let Some(c) = canonical {
                interpretation = Interpretation::Resolved(c.to_owned());
            }
            let key = fold(canonical.unwrap_or(industry));
            let fs = history_fields(*history, fields.industry_cur, fields.industry_past);
            let qs = fs
                .iter()
                .map(|fl| {
                    Box::new(TermQuery::new(term(*fl, &key), IndexRecordOption::Basic))
                        as Box<dyn Query>
                })
                .collect();
            tiers.each(qs, 1.0);
        }
        Criterion::EducationDegree(d) => {
            tiers.push((
                Box::new(TermQuery::new(
                    Term::from_field_u64(fields.degree, *d as u64),
                    IndexRecordOption::Basic,
                )),
                1.0,
            ));
        }
        Criterion::EducationSchoolName(s) => tiers = text_tiers(&[fields.school], s, f.exact),
        Criterion::CertificationName(c) => tiers = text_tiers(&[fields.cert], c, f.exact),
        Criterion::Freelance => {
            tiers.push((
                Box::new(TermQuery::new(
                    Term::from_field_u64(fields.freelance, 1),
                    IndexRecordOption::Basic,
                )),
                1.0,
            ));
        }
        Criterion::GraduationYear(y) => {
            tiers.push((
                Box::new(TermQuery::new(
                    Term::from_field_u64(fields.grad_year, u64::from(*y)),
                    IndexRecordOption::Basic,
                )),
                1.0,
            ));
        }
    }
    if matches!(
        f.criterion,
        Criterion::YearsOfExperience(_)
            | Criterion::DurationInJob(_)
            | Criterion::CompanySize { .. }
            | Criterion::EducationDegree(_)
            | Criterion::Freelance
            | Criterion::GraduationYear(_)
    ) {
        interpretation = Interpretation::Resolved(String::new());
    }
    Matcher {
        tiers,
        interpretation,
    }
}

/// The matcher's tiers, each a query scoring `offset + tier`.
/// Best first (a filter is worth its best tier, so checking can stop at
/// the first that matches), each with whether it proposes candidates.
fn scored_tiers(m: Matcher, fields: &Fields, offset: Score) -> Vec<rank::Tier> {
    let mut tiers: Vec<rank::Tier> = m
        .tiers
        .0
        .into_iter()
        .map(|t| match t {
            Tier::Fixed(q, tier, covered) => rank::Tier::new(
                Box::new(ConstScoreQuery::new(q, offset + tier)),
                !covered,
                offset + tier,
                true,
            ),
            Tier::Radius {
                lat,
                lon,
                radius_km,
            } => rank::Tier::new(
                Box::new(RadiusQuery::new(
                    fields.geo_cell,
                    lat,
                    lon,
                    radius_km,
                    offset,
                )),
                true,
                offset + 1.0,
                false,
            ),
            Tier::Span(q, test) => rank::Tier::new(
                Box::new(ConstScoreQuery::new(q, offset + 1.0)),
                true,
                offset + 1.0,
                true,
            )
            .with_span(test),
        })
        .collect();
    tiers.sort_by(|a, b| b.max().total_cmp(&a.max()));
    tiers
}

/// The matcher as one query scoring `offset + best tier`.
fn scored(m: Matcher, fields: &Fields, offset: Score) -> Box<dyn Query> {
    let mut parts: Vec<Box<dyn Query>> = scored_tiers(m, fields, offset)
        .into_iter()
        .map(rank::Tier::into_query)
        .collect();
    match parts.len() {
        0 => Box::new(EmptyQuery),
        1 => parts.pop().unwrap_or_else(|| Box::new(EmptyQuery)),
        _ => Box::new(DisjunctionMaxQuery::new(parts)),
    }
}

fn is_single_valued(c: &Criterion) -> bool {
    !matches!(
        c,
        Criterion::Skill(_)
            | Criterion::Language(_)
            | Criterion::LanguageProficiency { .. }
            | Criterion::CertificationName(_)
            | Criterion::Keyword(_)
            | Criterion::Boolean(_)
    )
}

fn filter_type(c: &Criterion) -> FilterType {
    match c {
        Criterion::JobTitle { .. } => FilterType::JobTitle,
        Criterion::Location { .. } => FilterType::Location,
        Criterion::YearsOfExperience(_) => FilterType::YearsOfExperience,
        Criterion::DurationInJob(_) => FilterType::DurationInJob,
        Criterion::Skill(_) => FilterType::Skill,
        Criterion::Keyword(_) | Criterion::Boolean(_) => FilterType::Keyword,
        Criterion::Language(_) => FilterType::Language,
        Criterion::LanguageProficiency { .. } => FilterType::LanguageProficiency,
        Criterion::CompanyName { .. } => FilterType::CompanyName,
        Criterion::CompanySize { .. } => FilterType::CompanySize,
        Criterion::CompanyIndustry { .. } => FilterType::CompanyIndustry,
        Criterion::EducationDegree(_) => FilterType::EducationDegree,
        Criterion::EducationSchoolName(_) => FilterType::EducationSchoolName,
        Criterion::CertificationName(_) => FilterType::CertificationName,
        Criterion::Freelance => FilterType::Seniority,
        Criterion::GraduationYear(_) => FilterType::GraduationYear,
    }
}

/// A level-only `LANGUAGE_PROFICIENCY` applies to every `LANGUAGE` filter of
/// the same polarity, so "french" + "native" means French at native level,
/// on the same language entry.
fn language_levels(filters: &[Filter]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut levels = vec![None; filters.len()];
    let mut absorbed = vec![false; filters.len()];
    for (i, f) in filters.iter().enumerate() {
        if let Criterion::LanguageProficiency {
            language: None,
            level,
        } = &f.criterion
        {
            let idx = PROFICIENCY_LEVELS
                .iter()
                .position(|l| l == level)
                .unwrap_or(0);
            let mut used = false;
            for (j, g) in filters.iter().enumerate() {
                if matches!(g.criterion, Criterion::Language(_))
                    && g.excluded == f.excluded
                    && g.required == f.required
                {
                    levels[j] = Some(levels[j].map_or(idx, |l: usize| l.max(idx)));
                    used = true;
                }
            }
            absorbed[i] = used;
        }
    }
    (levels, absorbed)
}

/// Each filter alone, scored by its tier (for explaining hits).
pub(crate) fn compile_each(filters: &[Filter], fields: &Fields, now: Month) -> Vec<Box<dyn Query>> {
    let (levels, _) = language_levels(filters);
    filters
        .iter()
        .enumerate()
        .map(|(i, f)| match &f.criterion {
            // a page of hits is looked up, not the whole index
            Criterion::Boolean(b) => Box::new(ConstScoreQuery::new(
                crate::boolean_query::probe_query(fields.keyword, &b.expr),
                1.0,
            )) as Box<dyn Query>,
            _ => scored(matcher(f, fields, now, levels[i]), fields, 0.0),
        })
        .collect()
}

/// A required boolean expression that is a `NOT` is its operand excluded
/// (and an excluded one its operand required): "everyone but X" read as
/// every document less X's is the most costly way to say it.
fn negation_turned(f: &Filter) -> Option<Filter> {
    let Criterion::Boolean(b) = &f.criterion else {
        return None;
    };
    let scout_model::boolean::BoolExpr::Not(inner) = &b.expr else {
        return None;
    };
    if !(f.required || f.excluded) {
        return None;
    }
    Some(Filter {
        criterion: Criterion::Boolean(scout_model::boolean::BooleanKeyword {
            text: b.text.clone(),
            expr: (**inner).clone(),
        }),
        required: f.excluded,
        excluded: !f.excluded,
        exact: f.exact,
    })
}

pub(crate) fn compile(filters: &[Filter], fields: &Fields, now: Month) -> Compiled {
    let (levels, absorbed) = language_levels(filters);
    let mut interpretations = Vec::with_capacity(filters.len());
    let mut groups: Vec<(FilterType, Vec<Clause>)> = Vec::new();
    let mut query = RankQuery::default();
    for (i, f) in filters.iter().enumerate() {
        let flipped = negation_turned(f);
        let asked = f;
        let f = flipped.as_ref().unwrap_or(f);
        let m = matcher(f, fields, now, levels[i]);
        interpretations.push(match &asked.criterion {
            Criterion::Boolean(b) => Interpretation::Resolved(format!("boolean: {}", b.expr)),
            _ => m.interpretation.clone(),
        });
        if absorbed[i] {
            continue;
        }
        if f.excluded {
            query
                .excluded
                .push(Clause::new(scored_tiers(m, fields, 0.0)));
        } else if f.required {
            let t = filter_type(&f.criterion);
            let clause = Clause::new(scored_tiers(m, fields, 0.0));
            match groups
                .iter_mut()
                .find(|(gt, _)| *gt == t && is_single_valued(&f.criterion))
            {
                Some((_, group)) => group.push(clause),
                None => groups.push((t, vec![clause])),
            }
        } else {
            query
                .optional
                .push(Clause::new(scored_tiers(m, fields, OPTIONAL_BONUS)));
        }
    }
    query.required = groups.into_iter().map(|(_, g)| g).collect();
    Compiled {
        query,
        interpretations,
    }
}

/// The excluded clause that hides every workspace's profiles but
/// `workspace`'s from a search (`None`: all of them).
pub(crate) fn others_profiles(fields: &Fields, workspace: Option<&str>) -> Clause {
    Clause::new(vec![rank::Tier::new(
        Box::new(ConstScoreQuery::new(
            others_profiles_query(fields, workspace),
            1.0,
        )),
        true,
        1.0,
        true,
    )])
}

/// The profiles of every workspace but `workspace` (`None`: of every
/// workspace): what a search, or a lookup of names, must not see.
pub(crate) fn others_profiles_query(fields: &Fields, workspace: Option<&str>) -> Box<dyn Query> {
    let owned: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(fields.owner, crate::OWNED),
        IndexRecordOption::Basic,
    ));
    match workspace {
        None => owned,
        Some(w) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, owned),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.owner, w),
                    IndexRecordOption::Basic,
                )),
            ),
        ])),
    }
}
