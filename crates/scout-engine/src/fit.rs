//! The fit scorer behind `ai_score`, `ai_match_percentage`, `ai_decision`
//! and `ai_summary`: a deterministic, explainable formula, not a language
//! model (documented in `docs/sourcing.md`).
//!
//! Whether a profile meets a requirement is decided by the index itself:
//! the candidates are indexed into a throwaway in-memory index with the same
//! schema and employer directory as the talent index, and each requirement
//! runs there as it would in a search. A fit score therefore never disagrees
//! with what a search with the same filters would say.
//!
//! - **match percentage** = requirements met, weighted 3 for required and 1
//!   for optional, over all weights (excluded requirements are not counted);
//! - **seniority fit** (when a `JOB_TITLE` requirement names a level):
//!   1 − ⅓ per level between the candidate's current title and the job's;
//! - **experience fit**: 1 inside the `YEARS_OF_EXPERIENCE` range (or at or
//!   above the years typical of the job title's level), minus 0.15 per year
//!   outside;
//! - **distance fit** (when the job has a place): 1 within its radius
//!   (50 km by default), falling linearly to 0 at four radii; for an area
//!   ("DACH", "Silicon Valley"), 1 inside it and 0 outside;
//! - **score** = 100 × (0.7 × match + 0.3 × mean of the fits that apply);
//!   a matched excluded requirement caps it at 20;
//! - **decision**: `Shortlist` at ≥ 75 with every required requirement met,
//!   `Reject` below 50 or when an excluded requirement matched, else `Consider`.

use scout_model::criteria::{Criterion, Filter};
use scout_model::{Decision, FitAssessment, Talent};
use scout_taxonomy::places::{geocode, GeoKind, GeoMatch};
use scout_taxonomy::{fold, haversine_km};
use tantivy::query::EnableScoring;
use tantivy::{DocSet, Index, TERMINATED};

use crate::compile::compile_each;
use crate::document::{build_document, current_month, ProfileFacts, TermMemo};
use crate::error::EngineError;
use crate::schema;
use crate::Engine;

/// Radius around a job's city when the requirement names none.
pub const DEFAULT_RADIUS_KM: f64 = 50.0;
const REQUIRED_WEIGHT: f64 = 3.0;
const OPTIONAL_WEIGHT: f64 = 1.0;

/// What a job asks for.
#[derive(Debug, Clone, Default)]
pub struct JobSpec {
    /// The job's requirements, in the search filter format.
    pub requirements: Vec<Filter>,
    /// Where the job is (free text), used for distance when no `LOCATION`
    /// requirement names a place.
    pub location: Option<String>,
}

/// One profile to assess.
#[derive(Debug, Clone, Copy)]
pub struct FitSubject<'a> {
    /// The profile (for applicants outside the index, what is known of them).
    pub talent: &'a Talent,
    /// Years of experience stated by the candidate, used when the profile
    /// has no dated roles to compute them from.
    pub stated_years: Option<f64>,
}

/// A seniority level from the words of a title: 0 intern … 7 chief.
pub fn seniority_level(title: &str) -> Option<u8> {
    let folded = fold(title);
    let words: Vec<&str> = folded.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    let level = if [
        "chief",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cmo",
        "cio",
        "president",
    ]
    .iter()
    .any(|w| has(w))
        && !has("vice")
    {
        7
    } else if has("vp") || has("vice") {
        6
    } else if has("director") || has("head") {
        5
    } else if has("lead") || has("staff") || has("principal") || has("iv") {
        4
    } else if has("senior") || has("sr") || has("iii") || has("expert") {
        3
    } else if has("junior") || has("jr") || has("entry") || has("graduate") || has("i") {
        1
    } else if has("intern") || has("trainee") || has("apprentice") || has("internship") {
        0
    } else if title.trim().is_empty() {
        return None;
    } else {
        2
    };
    Some(level)
}

/// Years of experience a level usually takes.
fn typical_years(level: u8) -> f64 {
    [0.0, 0.0, 2.0, 5.0, 8.0, 10.0, 12.0, 15.0][level.min(7) as usize]
}

/// A short human label of a requirement, for summaries.
pub fn label(filter: &Filter) -> String {
    match &filter.criterion {
        Criterion::JobTitle { title, .. } => title.clone(),
        Criterion::Location { place, radius_km } => match radius_km {
            Some(r) => format!("{place} (within {r} km)"),
            None => place.clone(),
        },
        Criterion::YearsOfExperience(r) => format!("{}–{} years of experience", r.lo, r.hi),
        Criterion::DurationInJob(r) => format!("{}–{} years in the current role", r.lo, r.hi),
        Criterion::Skill(s) | Criterion::Keyword(s) => s.clone(),
        Criterion::Boolean(b) => b.text.clone(),
        Criterion::Language(l) => l.clone(),
        Criterion::LanguageProficiency { language, level } => match language {
            Some(l) => format!("{l} ({level})"),
            None => (*level).to_owned(),
        },
        Criterion::CompanyName { name, .. } => name.clone(),
        Criterion::CompanySize { size, .. } => format!("company of {} employees", size.as_str()),
        Criterion::CompanyIndustry { industry, .. } => industry.clone(),
        Criterion::EducationDegree(d) => format!("{d:?} degree").to_lowercase(),
        Criterion::EducationSchoolName(s) | Criterion::CertificationName(s) => s.clone(),
        Criterion::Freelance => "freelance".to_owned(),
        Criterion::GraduationYear(y) => format!("graduated in {y}"),
    }
}

fn list(items: &[String], at_most: usize) -> String {
    let shown: Vec<&str> = items.iter().take(at_most).map(String::as_str).collect();
    let mut s = shown.join(", ");
    if items.len() > at_most {
        s.push_str(&format!(" and {} more", items.len() - at_most));
    }
    s
}

/// The fit of one subject, given which requirements it meets.
fn assess_one(
    spec: &JobSpec,
    job_place: Option<&(GeoMatch, f64)>,
    subject: &FitSubject<'_>,
    facts: &ProfileFacts,
    met: &[bool],
) -> FitAssessment {
    let now = current_month();
    let (mut total, mut got) = (0.0, 0.0);
    let (mut met_labels, mut missing_labels, mut violated) = (vec![], vec![], vec![]);
    let mut all_required = true;
    for (f, &m) in spec.requirements.iter().zip(met) {
        if f.excluded {
            if m {
                violated.push(label(f));
            }
            continue;
        }
        let w = if f.required {
            REQUIRED_WEIGHT
        } else {
            OPTIONAL_WEIGHT
        };
        total += w;
        if m {
            got += w;
            met_labels.push(label(f));
        } else {
            all_required &= !f.required;
            missing_labels.push(label(f));
        }
    }
    let share = if total > 0.0 { got / total } else { 1.0 };

    let computed_years = facts.experience.months_at(now) as f64 / 12.0;
    let years = if computed_years > 0.0 {
        Some(computed_years)
    } else {
        subject.stated_years
    };
    let current_title = subject.talent.job_title.clone().or_else(|| {
        subject
            .talent
            .current_experiences()
            .find_map(|e| e.title.clone())
    });
    let job_level = spec.requirements.iter().find_map(|f| match &f.criterion {
        Criterion::JobTitle { title, .. } if !f.excluded => seniority_level(title),
        _ => None,
    });
    let mut fits: Vec<f64> = Vec::new();
    if let (Some(want), Some(have)) = (
        job_level,
        current_title.as_deref().and_then(seniority_level),
    ) {
        fits.push((1.0 - (f64::from(want) - f64::from(have)).abs() / 3.0).max(0.0));
    }
    let range = spec.requirements.iter().find_map(|f| match &f.criterion {
        Criterion::YearsOfExperience(r) if !f.excluded => Some((f64::from(r.lo), f64::from(r.hi))),
        _ => None,
    });
    let range = range.or_else(|| job_level.map(|l| (typical_years(l), f64::INFINITY)));
    if let (Some((lo, hi)), Some(y)) = (range, years) {
        let outside = if y < lo {
            lo - y
        } else if y >= hi {
            y - hi
        } else {
            0.0
        };
        fits.push((1.0 - 0.15 * outside).max(0.0));
    }
    if let (Some((there, radius)), Some(here)) = (job_place, facts.place.as_ref()) {
        if there.kind == GeoKind::Area {
            // An area has no centre to measure from: inside it or not.
            let inside = there
                .search_term()
                .is_some_and(|t| facts.place_terms.contains(&t));
            fits.push(if inside { 1.0 } else { 0.0 });
        } else if here.city_id.is_some() && there.city_id.is_some() {
            let d = haversine_km(there.lat, there.lon, here.lat, here.lon);
            fits.push(if d <= *radius {
                1.0
            } else {
                (1.0 - (d - radius) / (3.0 * radius)).max(0.0)
            });
        } else {
            // A region or country: inside it or not.
            let same = there.country_code == here.country_code
                && (there.region_key.is_none() || there.region_key == here.region_key);
            fits.push(if same { 1.0 } else { 0.0 });
        }
    }
    let extra = if fits.is_empty() {
        share
    } else {
        fits.iter().sum::<f64>() / fits.len() as f64
    };
    let mut score = (100.0 * (0.7 * share + 0.3 * extra)).round();
    if !violated.is_empty() {
        score = score.min(20.0);
    }
    let decision = if !violated.is_empty() || score < 50.0 {
        Decision::Reject
    } else if score >= 75.0 && all_required {
        Decision::Shortlist
    } else {
        Decision::Consider
    };

    let mut summary = String::new();
    if let Some(y) = years {
        summary.push_str(&format!("{} years of experience", y.round() as i64));
    }
    let company = subject
        .talent
        .current_organization
        .as_ref()
        .and_then(|o| o.name.clone())
        .or_else(|| {
            subject
                .talent
                .current_experiences()
                .find_map(|e| e.organization_name.clone())
        });
    match (&current_title, &company) {
        (Some(t), Some(c)) => summary.push_str(&format!("{}currently {t} at {c}", sep(&summary))),
        (Some(t), None) => summary.push_str(&format!("{}currently {t}", sep(&summary))),
        (None, Some(c)) => summary.push_str(&format!("{}currently at {c}", sep(&summary))),
        (None, None) => {}
    }
    if let Some(city) = &subject.talent.city {
        summary.push_str(&format!(" in {city}"));
    }
    if !summary.is_empty() {
        summary = capitalize(&summary);
        summary.push_str(". ");
    }
    let counted = met_labels.len() + missing_labels.len();
    if counted == 0 {
        summary.push_str("The job has no requirements to compare against.");
    } else {
        summary.push_str(&format!(
            "Meets {} of {counted} requirements",
            met_labels.len()
        ));
        if !met_labels.is_empty() {
            summary.push_str(&format!(" ({})", list(&met_labels, 4)));
        }
        if missing_labels.is_empty() {
            summary.push('.');
        } else {
            summary.push_str(&format!("; missing {}.", list(&missing_labels, 4)));
        }
    }
    if !violated.is_empty() {
        summary.push_str(&format!(" Matches excluded {}.", list(&violated, 4)));
    }
    FitAssessment {
        score: score.clamp(0.0, 100.0) as u8,
        match_percentage: (100.0 * share).round().clamp(0.0, 100.0) as u8,
        decision,
        summary,
    }
}

fn sep(s: &str) -> &'static str {
    if s.is_empty() {
        ""
    } else {
        "; "
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Where the job is, and the radius around it: the first `LOCATION`
/// requirement that resolves, else the job's own location.
fn job_place(spec: &JobSpec) -> Option<(GeoMatch, f64)> {
    spec.requirements
        .iter()
        .find_map(|f| match &f.criterion {
            Criterion::Location { place, radius_km } if !f.excluded => {
                geocode(place).map(|g| (g, radius_km.unwrap_or(DEFAULT_RADIUS_KM)))
            }
            _ => None,
        })
        .or_else(|| {
            spec.location
                .as_deref()
                .and_then(geocode)
                .map(|g| (g, DEFAULT_RADIUS_KM))
        })
}

impl Engine {
    /// Assesses how well each subject fits `spec` (same order as `subjects`).
    pub fn assess_fit(
        &self,
        spec: &JobSpec,
        subjects: &[FitSubject<'_>],
    ) -> Result<Vec<FitAssessment>, EngineError> {
        if subjects.is_empty() {
            return Ok(Vec::new());
        }
        let orgs = self.orgs.read().clone();
        let facts: Vec<ProfileFacts> = subjects
            .iter()
            .map(|s| ProfileFacts::derive(s.talent, &orgs))
            .collect();
        let met = self.requirements_met(&spec.requirements, subjects, &facts)?;
        let place = job_place(spec);
        Ok(subjects
            .iter()
            .zip(&facts)
            .zip(&met)
            .map(|((s, f), m)| assess_one(spec, place.as_ref(), s, f, m))
            .collect())
    }

    /// For each subject, which requirements it meets, decided by running each
    /// requirement against a throwaway index of the subjects.
    fn requirements_met(
        &self,
        requirements: &[Filter],
        subjects: &[FitSubject<'_>],
        facts: &[ProfileFacts],
    ) -> Result<Vec<Vec<bool>>, EngineError> {
        let mut met = vec![vec![false; requirements.len()]; subjects.len()];
        if requirements.is_empty() {
            return Ok(met);
        }
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        schema::register_tokenizers(&index);
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        let mut memo = TermMemo::default();
        for (i, (s, f)) in subjects.iter().zip(facts).enumerate() {
            // The subject's position stands in for its id.
            let mut talent = s.talent.clone();
            talent.id = i.to_string();
            writer.add_document(build_document(&fields, &talent, f, &mut memo))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let queries = compile_each(requirements, &fields, current_month());
        for (k, q) in queries.iter().enumerate() {
            let weight = q.weight(EnableScoring::disabled_from_searcher(&searcher))?;
            for segment in searcher.segment_readers() {
                let (ids, _) = crate::segment_table::segment_ids(segment)?;
                let mut scorer = weight.scorer(segment, 1.0)?;
                let mut doc = scorer.doc();
                while doc != TERMINATED {
                    if let Some(i) = ids
                        .get(doc as usize)
                        .and_then(|id| id.parse::<usize>().ok())
                    {
                        if let Some(row) = met.get_mut(i) {
                            row[k] = true;
                        }
                    }
                    doc = scorer.advance();
                }
            }
        }
        Ok(met)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_model::criteria::YearRange;
    use scout_model::History;

    fn talent(json: &str) -> Talent {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn levels_come_from_title_words() {
        assert_eq!(seniority_level("Senior Software Engineer"), Some(3));
        assert_eq!(seniority_level("Software Engineer"), Some(2));
        assert_eq!(seniority_level("VP of Engineering"), Some(6));
        assert_eq!(seniority_level("Chief Technology Officer"), Some(7));
        assert_eq!(seniority_level("Marketing Intern"), Some(0));
        assert_eq!(seniority_level(""), None);
    }

    #[test]
    fn a_profile_meeting_everything_is_shortlisted_with_a_factual_summary() {
        let engine = Engine::in_memory();
        let t = talent(
            r#"{"id":"t1","firstname":"Ada","jobTitle":"Senior Software Engineer","city":"Paris","country":"France",
               "skills":["Rust","Python"],
               "experiences":[{"title":"Senior Software Engineer","organizationName":"Acme","startDate":"2018-01","isCurrent":true},
                              {"title":"Software Engineer","organizationName":"Beta","startDate":"2013-01","endDate":"2017-12"}]}"#,
        );
        let spec = JobSpec {
            requirements: vec![
                Filter::required(Criterion::JobTitle {
                    title: "Senior Software Engineer".into(),
                    history: History::Current,
                }),
                Filter::required(Criterion::Skill("rust".into())),
                Filter::optional(Criterion::Skill("kubernetes".into())),
                Filter::optional(Criterion::YearsOfExperience(YearRange { lo: 5, hi: 30 })),
            ],
            location: Some("Paris".into()),
        };
        let fit = engine
            .assess_fit(
                &spec,
                &[FitSubject {
                    talent: &t,
                    stated_years: None,
                }],
            )
            .unwrap()
            .remove(0);
        // 3 + 3 + 1 of 8 weights.
        assert_eq!(fit.match_percentage, 88);
        assert_eq!(fit.decision, Decision::Shortlist, "{fit:?}");
        assert!(fit
            .summary
            .contains("currently Senior Software Engineer at Acme in Paris"));
        assert!(fit.summary.contains("Meets 3 of 4 requirements"));
        assert!(
            fit.summary.contains("missing kubernetes"),
            "{}",
            fit.summary
        );
    }

    #[test]
    fn missing_a_required_requirement_never_shortlists_and_exclusions_reject() {
        let engine = Engine::in_memory();
        let t = talent(r#"{"id":"t1","jobTitle":"Nurse","city":"Lyon","skills":["Care"]}"#);
        let subject = FitSubject {
            talent: &t,
            stated_years: Some(4.0),
        };
        let spec = JobSpec {
            requirements: vec![Filter::required(Criterion::Skill("rust".into()))],
            location: None,
        };
        let fit = engine.assess_fit(&spec, &[subject]).unwrap().remove(0);
        assert_eq!((fit.match_percentage, fit.decision), (0, Decision::Reject));
        assert!(fit
            .summary
            .starts_with("4 years of experience; currently Nurse in Lyon."));
        let spec = JobSpec {
            requirements: vec![Filter::excluded(Criterion::Skill("care".into()))],
            location: None,
        };
        let fit = engine.assess_fit(&spec, &[subject]).unwrap().remove(0);
        assert_eq!(fit.decision, Decision::Reject);
        assert!(fit.score <= 20);
        assert!(fit.summary.contains("Matches excluded care"));
    }

    #[test]
    fn distance_lowers_the_score_gradually() {
        let engine = Engine::in_memory();
        let near = talent(r#"{"id":"a","city":"Versailles","country":"France"}"#);
        let far = talent(r#"{"id":"b","city":"Marseille","country":"France"}"#);
        let spec = JobSpec {
            requirements: vec![],
            location: Some("Paris".into()),
        };
        let fits = engine
            .assess_fit(
                &spec,
                &[
                    FitSubject {
                        talent: &near,
                        stated_years: None,
                    },
                    FitSubject {
                        talent: &far,
                        stated_years: None,
                    },
                ],
            )
            .unwrap();
        assert!(fits[0].score > fits[1].score, "{fits:?}");
    }
}
