//! The labelled CV corpus (`tests/corpus/`, issue 26): CVs written in many
//! styles and turned into files by LibreOffice and Chromium, each with a
//! label for every field. This module reads the labels and scores a reading
//! of each file against them, per field; `scout bench cvs` and the corpus
//! test report the development and held-out halves side by side.

use std::collections::BTreeMap;

use scout_taxonomy::languages::canonical_proficiency;
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::{fold, geocode};

use super::accuracy::FieldScore;
use super::{CvError, ParsedCv};

/// One job as labelled: dates as `YYYY-MM`, or `YYYY` where the CV writes
/// years only; `end` is `None` for the current job.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct LabelledJob {
    /// Job title as written.
    pub title: String,
    /// Employer as written.
    pub company: String,
    /// Start.
    pub start: Option<String>,
    /// End, `None` when ongoing.
    pub end: Option<String>,
}

/// One school as labelled.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct LabelledSchool {
    /// School as written.
    pub school: String,
    /// Degree as written.
    pub degree: String,
    /// Year it ended.
    pub year: u16,
}

/// One language as labelled: canonical name and LinkedIn level (`None`
/// where the CV names no level).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct LabelledLanguage {
    /// Canonical lowercase name.
    pub name: String,
    /// One of the five LinkedIn levels.
    pub level: Option<String>,
}

/// A file of the corpus with its labels.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Labelled {
    /// File name in the corpus folder.
    pub file: String,
    /// `dev`, `heldout` or `scan`.
    pub split: String,
    /// The style it was written in.
    pub style: String,
    /// The tool that made the file.
    pub tool: String,
    /// For files that must be refused: the error code expected.
    #[serde(default)]
    pub error: Option<String>,
    /// Full name.
    #[serde(default)]
    pub name: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Phone in E.164.
    #[serde(default)]
    pub phone: String,
    /// City (compared by the place it resolves to).
    #[serde(default)]
    pub location: String,
    /// Current title.
    #[serde(default)]
    pub title: String,
    /// Canonical skills.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Jobs.
    #[serde(default)]
    pub experiences: Vec<LabelledJob>,
    /// Schools.
    #[serde(default)]
    pub education: Vec<LabelledSchool>,
    /// Languages.
    #[serde(default)]
    pub languages: Vec<LabelledLanguage>,
    /// Certifications as written.
    #[serde(default)]
    pub certifications: Vec<String>,
    /// LinkedIn and GitHub links, with `https://`.
    #[serde(default)]
    pub links: Vec<String>,
}

/// The fields scored, in report order.
pub const FIELDS: &[&str] = &[
    "name",
    "email",
    "phone",
    "location",
    "title",
    "skills",
    "experiences",
    "jobTitles",
    "employers",
    "schools",
    "education",
    "languages",
    "certifications",
    "links",
];

/// Scores of one half of the corpus.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CorpusScores {
    /// CVs scored.
    pub files: usize,
    /// Per field.
    pub fields: BTreeMap<&'static str, FieldScore>,
    /// Files that had to be refused and were, with the right reason.
    pub refused_right: usize,
    /// Files that had to be refused.
    pub refusals_expected: usize,
    /// Files that failed although they hold a CV.
    pub failed: Vec<String>,
}

fn same(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// Places are the same when they resolve to the same city (*München* is
/// *Munich*), or read the same.
fn same_place(label: &str, read: &str) -> bool {
    let city = read.split(',').next().unwrap_or(read).trim();
    if same(label, city) {
        return true;
    }
    match (geocode(label), geocode(city)) {
        (Some(a), Some(b)) => a.city_id.is_some() && a.city_id == b.city_id,
        _ => false,
    }
}

/// Links are the same without their scheme, `www.` and a closing slash.
fn same_link(a: &str, b: &str) -> bool {
    super::extract::bare_link(a) == super::extract::bare_link(b)
}

/// A read date (`YYYY-MM-01`) against a label (`YYYY-MM` or `YYYY`).
fn same_date(label: Option<&str>, read: Option<&str>) -> bool {
    match (label, read) {
        (None, None) => true,
        (Some(l), Some(r)) => r.starts_with(l),
        _ => false,
    }
}

fn single(
    score: &mut FieldScore,
    label: &str,
    read: Option<&str>,
    eq: impl Fn(&str, &str) -> bool,
) {
    score.expected += usize::from(!label.is_empty());
    score.extracted += usize::from(read.is_some());
    if let Some(r) = read {
        score.correct += usize::from(!label.is_empty() && eq(label, r));
    }
}

/// Counts a list: each read item matches at most one labelled item.
fn many<L, R>(score: &mut FieldScore, labels: &[L], read: &[R], eq: impl Fn(&L, &R) -> bool) {
    score.expected += labels.len();
    score.extracted += read.len();
    let mut left: Vec<&L> = labels.iter().collect();
    for r in read {
        if let Some(i) = left.iter().position(|l| eq(l, r)) {
            left.remove(i);
            score.correct += 1;
        }
    }
}

/// Scores the readings of a set of files (one result per labelled file).
pub fn score(cases: &[(Labelled, Result<ParsedCv, CvError>)]) -> CorpusScores {
    let mut out = CorpusScores::default();
    for f in FIELDS {
        out.fields.insert(f, FieldScore::default());
    }
    for (label, read) in cases {
        if let Some(code) = &label.error {
            out.refusals_expected += 1;
            out.refused_right += usize::from(read.as_ref().err().is_some_and(|e| e.code() == code));
            continue;
        }
        out.files += 1;
        let cv = match read {
            Ok(cv) => cv.clone(),
            Err(e) => {
                out.failed.push(format!("{}: {e}", label.file));
                ParsedCv::default()
            }
        };
        let f = &mut out.fields;
        single(
            f.entry("name").or_default(),
            &label.name,
            cv.full_name.as_deref(),
            same,
        );
        single(
            f.entry("email").or_default(),
            &label.email,
            cv.email.as_deref(),
            |a, b| a.eq_ignore_ascii_case(b),
        );
        single(
            f.entry("phone").or_default(),
            &label.phone,
            cv.phone_e164.as_deref(),
            |a, b| a == b,
        );
        single(
            f.entry("location").or_default(),
            &label.location,
            cv.location.as_deref(),
            same_place,
        );
        single(
            f.entry("title").or_default(),
            &label.title,
            cv.title.as_deref(),
            same,
        );
        many(
            f.entry("skills").or_default(),
            &label.skills,
            &cv.skills,
            |l, r| same(l, r) || canonical_skill(l).is_some_and(|c| same(c, r)),
        );
        many(
            f.entry("experiences").or_default(),
            &label.experiences,
            &cv.experiences,
            |l, r| {
                same(&l.title, &r.title)
                    && same(&l.company, &r.company)
                    && same_date(l.start.as_deref(), r.start.as_deref())
                    && same_date(l.end.as_deref(), r.end.as_deref())
            },
        );
        many(
            f.entry("jobTitles").or_default(),
            &label.experiences,
            &cv.experiences,
            |l, r| same(&l.title, &r.title),
        );
        many(
            f.entry("employers").or_default(),
            &label.experiences,
            &cv.experiences,
            |l, r| same(&l.company, &r.company),
        );
        many(
            f.entry("schools").or_default(),
            &label.education,
            &cv.education,
            |l, r| same(&l.school, &r.school),
        );
        many(
            f.entry("education").or_default(),
            &label.education,
            &cv.education,
            |l, r| {
                same(&l.school, &r.school)
                    && r.degree.as_deref().is_some_and(|d| same(&l.degree, d))
                    && r.end_year == Some(l.year)
            },
        );
        many(
            f.entry("languages").or_default(),
            &label.languages,
            &cv.languages,
            |l, r| {
                l.name == r.name
                    && l.level.as_deref().and_then(canonical_proficiency) == r.level.as_deref()
            },
        );
        many(
            f.entry("certifications").or_default(),
            &label.certifications,
            &cv.certifications,
            |l, r| same(l, r),
        );
        many(
            f.entry("links").or_default(),
            &label.links,
            &cv.links,
            |l, r| same_link(l, r),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_compare_at_the_labels_precision() {
        assert!(same_date(Some("2019"), Some("2019-03-01")));
        assert!(same_date(Some("2019-03"), Some("2019-03-01")));
        assert!(!same_date(Some("2019-04"), Some("2019-03-01")));
        assert!(!same_date(None, Some("2019-03-01")));
    }

    #[test]
    fn places_compare_by_the_city_they_resolve_to() {
        assert!(same_place("Munich", "München"));
        assert!(same_place("Lyon", "Lyon, France"));
        assert!(!same_place("Lyon", "Paris"));
    }
}
