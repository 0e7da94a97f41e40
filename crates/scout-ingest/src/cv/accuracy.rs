//! Field-level extraction accuracy: what a CV made from a known person
//! should yield, and how much of it the parser got. `scout bench cvs` and
//! the test over `tests/cvs/` report it.

use std::collections::BTreeMap;

use scout_taxonomy::fold;
use scout_taxonomy::skills::canonical_skill;

use super::render::CvPerson;
use super::ParsedCv;

/// What a CV should yield.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Expected {
    /// The file in the test set.
    pub file: String,
    /// Full name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Phone in E.164, when the country's code is known.
    pub phone_e164: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Current title.
    pub title: Option<String>,
    /// Canonical skills written on the CV.
    pub skills: Vec<String>,
    /// (title, company) of the jobs written.
    pub experiences: Vec<(String, String)>,
    /// Schools written.
    pub schools: Vec<String>,
    /// Canonical languages written.
    pub languages: Vec<String>,
}

/// The expectations for a person's CV (as `render` writes it).
pub fn expected_of(file: &str, p: &CvPerson) -> Expected {
    let t = &p.talent;
    Expected {
        file: file.to_owned(),
        name: format!(
            "{} {}",
            t.firstname.as_deref().unwrap_or(""),
            t.lastname.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned(),
        email: p.email.clone(),
        phone_e164: p.phone_e164.clone(),
        city: t.city.clone(),
        title: t.job_title.clone(),
        skills: t
            .skills
            .iter()
            .take(10)
            .filter_map(|s| canonical_skill(s).map(str::to_owned))
            .collect(),
        experiences: t
            .experiences
            .iter()
            .take(4)
            .map(|e| {
                (
                    e.title.clone().unwrap_or_default(),
                    e.organization_name.clone().unwrap_or_default(),
                )
            })
            .collect(),
        schools: t
            .educations
            .iter()
            .take(2)
            .filter_map(|e| e.school_name.clone())
            .collect(),
        languages: t
            .languages
            .iter()
            .filter_map(|l| {
                l.name
                    .as_deref()
                    .and_then(scout_taxonomy::languages::canonical_language)
                    .map(str::to_owned)
            })
            .collect(),
    }
}

/// Right and wrong for one field over a set.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldScore {
    /// Values expected.
    pub expected: usize,
    /// Values extracted.
    pub extracted: usize,
    /// Extracted and right.
    pub correct: usize,
}

impl FieldScore {
    /// Right / extracted (1 when nothing was extracted).
    pub fn precision(&self) -> f64 {
        if self.extracted == 0 {
            1.0
        } else {
            self.correct as f64 / self.extracted as f64
        }
    }
    /// Right / expected (1 when nothing was expected).
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.correct as f64 / self.expected as f64
        }
    }
}

fn same(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

fn single(
    score: &mut FieldScore,
    expected: Option<&str>,
    got: Option<&str>,
    eq: impl Fn(&str, &str) -> bool,
) {
    score.expected += usize::from(expected.is_some_and(|e| !e.is_empty()));
    score.extracted += usize::from(got.is_some());
    if let (Some(e), Some(g)) = (expected, got) {
        score.correct += usize::from(!e.is_empty() && eq(e, g));
    }
}

fn many(score: &mut FieldScore, expected: &[String], got: &[String]) {
    score.expected += expected.len();
    score.extracted += got.len();
    let mut left: Vec<&String> = expected.iter().collect();
    for g in got {
        if let Some(i) = left.iter().position(|e| same(e, g)) {
            left.remove(i);
            score.correct += 1;
        }
    }
}

/// Scores per field over (expected, parsed) pairs; a failed parse counts as nothing extracted.
pub fn measure(cases: &[(Expected, Option<ParsedCv>)]) -> BTreeMap<&'static str, FieldScore> {
    let mut out: BTreeMap<&'static str, FieldScore> = BTreeMap::new();
    for (e, got) in cases {
        let got = got.clone().unwrap_or_default();
        single(
            out.entry("name").or_default(),
            Some(&e.name),
            got.full_name.as_deref(),
            same,
        );
        single(
            out.entry("email").or_default(),
            Some(&e.email),
            got.email.as_deref(),
            |a, b| a.eq_ignore_ascii_case(b),
        );
        single(
            out.entry("phone").or_default(),
            e.phone_e164.as_deref(),
            got.phone_e164.as_deref(),
            |a, b| a == b,
        );
        let city = got
            .location
            .as_deref()
            .map(|l| l.split(',').next().unwrap_or(l).trim().to_owned());
        single(
            out.entry("location").or_default(),
            e.city.as_deref(),
            city.as_deref(),
            same,
        );
        single(
            out.entry("title").or_default(),
            e.title.as_deref(),
            got.title.as_deref(),
            same,
        );
        many(out.entry("skills").or_default(), &e.skills, &got.skills);
        let exp_e: Vec<String> = e
            .experiences
            .iter()
            .map(|(t, c)| format!("{t} | {c}"))
            .collect();
        let exp_g: Vec<String> = got
            .experiences
            .iter()
            .map(|x| format!("{} | {}", x.title, x.company))
            .collect();
        many(out.entry("experiences").or_default(), &exp_e, &exp_g);
        let schools: Vec<String> = got.education.iter().map(|x| x.school.clone()).collect();
        many(out.entry("schools").or_default(), &e.schools, &schools);
        let langs: Vec<String> = got.languages.iter().map(|x| x.name.clone()).collect();
        many(out.entry("languages").or_default(), &e.languages, &langs);
    }
    out
}
