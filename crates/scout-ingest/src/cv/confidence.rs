//! How sure the reading of each field is: a rule-based score from how the
//! field was found, not a learned probability. A value read where the CV
//! says what it is (a labelled line, a section of its own, a complete job
//! with title, employer and dates) scores high; one inferred from its
//! neighbours (a title taken from the current job, a job without an
//! employer, a phone whose country is unknown) scores lower. Fields under
//! [`LOW`] are listed in `lowConfidence`, for a person to check.

use super::ParsedCv;

/// Under this, a field is worth a person's check.
pub const LOW: f64 = 0.6;

/// How some fields were found, for their rating.
#[derive(Debug, Clone, Copy, Default)]
pub struct How {
    /// The name stood in the first lines.
    pub name_on_top: bool,
    /// Skills came from a skills section.
    pub skills_listed: bool,
    /// The place is the town of the current job, not the person's own.
    pub place_from_job: bool,
}

/// Rates the fields of a reading.
pub fn rate(cv: &mut ParsedCv, how: How) {
    let How {
        name_on_top,
        skills_listed,
        place_from_job,
    } = how;
    let mut rated: Vec<(&str, f64)> = Vec::new();
    if cv.full_name.is_some() {
        rated.push(("fullName", if name_on_top { 0.95 } else { 0.7 }));
    }
    if cv.email.is_some() {
        rated.push(("email", 0.99));
    }
    if cv.phone.is_some() {
        rated.push(("phone", if cv.phone_e164.is_some() { 0.9 } else { 0.55 }));
    }
    if let Some(place) = &cv.location {
        let rating = if place_from_job {
            0.55
        } else if place.contains(',') {
            0.9
        } else {
            0.75
        };
        rated.push(("location", rating));
    }
    if let Some(title) = &cv.title {
        let from_job = cv
            .experiences
            .iter()
            .any(|e| &e.title == title && e.end.is_none());
        rated.push(("title", if from_job { 0.6 } else { 0.85 }));
    }
    if !cv.skills.is_empty() {
        rated.push(("skills", if skills_listed { 0.9 } else { 0.65 }));
    }
    if !cv.experiences.is_empty() {
        let each: f64 = cv
            .experiences
            .iter()
            .map(|e| match (e.company.is_empty(), e.start.is_some()) {
                (false, true) => 0.9,
                (true, true) => 0.45,
                _ => 0.4,
            })
            .sum();
        rated.push(("experiences", each / cv.experiences.len() as f64));
    }
    if !cv.education.is_empty() {
        let each: f64 = cv
            .education
            .iter()
            .map(|e| match (e.degree.is_some(), e.end_year.is_some()) {
                (true, true) => 0.9,
                (true, false) | (false, true) => 0.7,
                (false, false) => 0.5,
            })
            .sum();
        rated.push(("education", each / cv.education.len() as f64));
    }
    if !cv.languages.is_empty() {
        let levelled = cv.languages.iter().all(|l| l.level.is_some());
        rated.push(("languages", if levelled { 0.9 } else { 0.7 }));
    }
    if !cv.certifications.is_empty() {
        rated.push(("certifications", 0.8));
    }
    if cv.summary.is_some() {
        rated.push(("summary", 0.8));
    }
    cv.low_confidence = rated
        .iter()
        .filter(|(_, c)| *c < LOW)
        .map(|(f, _)| (*f).to_owned())
        .collect();
    cv.confidence = rated
        .into_iter()
        .map(|(f, c)| (f.to_owned(), (c * 100.0).round() / 100.0))
        .collect();
}
