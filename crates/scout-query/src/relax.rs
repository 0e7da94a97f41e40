//! Expanding a search that found too little: documented relaxation steps,
//! tried in a fixed order, each applied once (turning filters optional may
//! be repeated, one group at a time):
//!
//! 1. `synonyms` — every required `JOB_TITLE` (not exact) gains up to five
//!    alternate titles of its career family, ORed with it;
//! 2. `radius` — every included `LOCATION` that is a city gets 50 km, or
//!    twice its radius (at most 1,000 km);
//! 3. `optional` — the required filters the prompt's reader was least sure
//!    of (lowest confidence; on a tie the type read last below) become
//!    optional, one type at a time, never the job title;
//! 4. `exact` — `isExactMatch` is dropped everywhere.
//!
//! Each step says what it relaxed; the caller reruns the search excluding
//! everything already returned.

use scout_model::FilterType;
use scout_taxonomy::places::{geocode, GeoKind};
use scout_taxonomy::titles::synonyms;

use crate::filter::{Criterion, Filter};
use crate::prompt::filter_type;
use crate::search_request::{MAX_FILTERS, MAX_RADIUS_KM};

/// Radius given to a city that had none.
pub const FIRST_RADIUS_KM: f64 = 50.0;
/// Alternate titles added per title.
pub const SYNONYMS_PER_TITLE: usize = 5;

/// One relaxation applied.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Step {
    /// `synonyms`, `radius`, `optional` or `exact`.
    pub kind: &'static str,
    /// What changed, for people.
    pub description: String,
}

/// Filters with the reader's confidence in each (1 when typed by hand).
#[derive(Debug, Clone, PartialEq)]
pub struct Weighed {
    /// The filters.
    pub filters: Vec<Filter>,
    /// One confidence per filter.
    pub confidences: Vec<f32>,
}

/// Turning-optional order on equal confidence: earlier types go first.
const OPTIONAL_ORDER: [FilterType; 15] = [
    FilterType::Keyword,
    FilterType::GraduationYear,
    FilterType::CertificationName,
    FilterType::EducationSchoolName,
    FilterType::EducationDegree,
    FilterType::LanguageProficiency,
    FilterType::CompanySize,
    FilterType::CompanyIndustry,
    FilterType::DurationInJob,
    FilterType::Seniority,
    FilterType::Language,
    FilterType::CompanyName,
    FilterType::Skill,
    FilterType::YearsOfExperience,
    FilterType::Location,
];

fn synonyms_step(w: &mut Weighed) -> Option<String> {
    let mut added = Vec::new();
    let titles: Vec<String> = w
        .filters
        .iter()
        .filter(|f| f.required && !f.excluded && !f.exact)
        .filter_map(|f| match &f.criterion {
            Criterion::JobTitle { title, .. } => Some(title.clone()),
            _ => None,
        })
        .collect();
    for title in titles {
        let history = w.filters.iter().find_map(|f| match &f.criterion {
            Criterion::JobTitle { title: t, history } if *t == title => Some(*history),
            _ => None,
        })?;
        for s in synonyms(&title).into_iter().take(SYNONYMS_PER_TITLE) {
            let exists = w.filters.iter().any(|f| matches!(&f.criterion, Criterion::JobTitle { title: t, .. } if t.eq_ignore_ascii_case(&s)));
            if exists || w.filters.len() >= MAX_FILTERS {
                continue;
            }
            w.filters.push(Filter::required(Criterion::JobTitle {
                title: s.clone(),
                history,
            }));
            w.confidences.push(0.7);
            added.push(s);
        }
    }
    (!added.is_empty()).then(|| format!("added alternate titles: {}", added.join(", ")))
}

fn radius_step(w: &mut Weighed) -> Option<String> {
    let mut changed = Vec::new();
    for f in w.filters.iter_mut().filter(|f| !f.excluded) {
        if let Criterion::Location { place, radius_km } = &mut f.criterion {
            let is_city = geocode(place).is_some_and(|g| g.kind == GeoKind::City);
            if !is_city {
                continue;
            }
            let wider = match radius_km {
                None => FIRST_RADIUS_KM,
                Some(r) if *r < MAX_RADIUS_KM => (*r * 2.0).clamp(FIRST_RADIUS_KM, MAX_RADIUS_KM),
                Some(_) => continue,
            };
            *radius_km = Some(wider);
            changed.push(format!("{place} to {wider} km"));
        }
    }
    (!changed.is_empty()).then(|| format!("widened the radius: {}", changed.join(", ")))
}

fn optional_step(w: &mut Weighed) -> Option<String> {
    let candidates: Vec<(usize, f32, usize)> = w
        .filters
        .iter()
        .enumerate()
        .filter(|(_, f)| f.required && !f.excluded)
        .filter_map(|(i, f)| {
            let t = filter_type(f);
            let order = OPTIONAL_ORDER.iter().position(|x| *x == t)?;
            Some((i, w.confidences.get(i).copied().unwrap_or(1.0), order))
        })
        .collect();
    let (_, _, order) = candidates
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)))?;
    let kind = OPTIONAL_ORDER[*order];
    let mut names = Vec::new();
    for f in w.filters.iter_mut() {
        if f.required && !f.excluded && filter_type(f) == kind {
            f.required = false;
            let v = crate::search_request::filter_to_json(f);
            names.push(v["value"].as_str().unwrap_or("").to_owned());
        }
    }
    Some(format!(
        "made optional: {} {}",
        kind.as_str(),
        names.join(", ")
    ))
}

fn exact_step(w: &mut Weighed) -> Option<String> {
    let mut n = 0;
    for f in w.filters.iter_mut().filter(|f| f.exact) {
        f.exact = false;
        n += 1;
    }
    (n > 0).then(|| format!("dropped exact matching on {n} filters"))
}

/// The next relaxation after `done` (kinds already applied), or `None` when
/// nothing is left to relax.
pub fn next_relaxation(current: &Weighed, done: &[&str]) -> Option<(Weighed, Step)> {
    type StepFn = fn(&mut Weighed) -> Option<String>;
    let steps: [(&'static str, StepFn, bool); 4] = [
        ("synonyms", synonyms_step, false),
        ("radius", radius_step, false),
        ("optional", optional_step, true),
        ("exact", exact_step, false),
    ];
    for (kind, apply, repeatable) in steps {
        if !repeatable && done.contains(&kind) {
            continue;
        }
        let mut next = current.clone();
        if let Some(description) = apply(&mut next) {
            return Some((next, Step { kind, description }));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_model::History;

    fn weighed(filters: Vec<Filter>, confidences: Vec<f32>) -> Weighed {
        Weighed {
            filters,
            confidences,
        }
    }

    #[test]
    fn steps_come_in_order_and_each_says_what_it_did() {
        let mut w = weighed(
            vec![
                Filter::required(Criterion::JobTitle {
                    title: "software engineer".into(),
                    history: History::Current,
                }),
                Filter::required(Criterion::Location {
                    place: "Paris".into(),
                    radius_km: None,
                }),
                Filter::required(Criterion::Skill("Rust".into())),
                Filter::required(Criterion::Keyword("open source".into())),
            ],
            vec![0.9, 0.9, 0.9, 0.4],
        );
        let mut done = Vec::new();
        let mut kinds = Vec::new();
        while let Some((next, step)) = next_relaxation(&w, &done) {
            assert!(!step.description.is_empty());
            kinds.push(step.kind);
            done.push(step.kind);
            w = next;
        }
        assert_eq!(kinds[0], "synonyms");
        assert_eq!(kinds[1], "radius");
        assert_eq!(kinds[2], "optional");
        assert_eq!(
            kinds.len(),
            5,
            "three optional steps (keyword, skill, location), then nothing"
        );
        // the keyword (least sure) went optional first, the title never does
        assert!(w
            .filters
            .iter()
            .any(|f| f.required && matches!(f.criterion, Criterion::JobTitle { .. })));
        assert!(w
            .filters
            .iter()
            .filter(|f| !matches!(f.criterion, Criterion::JobTitle { .. }))
            .all(|f| !f.required));
        assert!(w.filters.len() > 4, "synonyms were added");
    }
}
