//! Typed search filters: what a documented filter object means once parsed
//! (by `scout-query`'s readers) and what the engine matches (`scout-engine`
//! needs only this, not the readers).
//! Constructors here accept only valid values, so the engine never has to
//! re-check a range or a band.

use crate::{CompanySize, History};

/// One parsed filter with its modifiers.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// What to match.
    pub criterion: Criterion,
    /// Must match (`isRequired: true`); otherwise it only raises the rank.
    pub required: bool,
    /// Must not match (`isExcluded: true`), whatever `required` says.
    pub excluded: bool,
    /// Whole phrase, no synonyms (`isExactMatch: true`).
    pub exact: bool,
}

impl Filter {
    /// A required, non-exact filter.
    pub fn required(criterion: Criterion) -> Filter {
        Filter {
            criterion,
            required: true,
            excluded: false,
            exact: false,
        }
    }

    /// An optional filter that only raises the rank.
    pub fn optional(criterion: Criterion) -> Filter {
        Filter {
            criterion,
            required: false,
            excluded: false,
            exact: false,
        }
    }

    /// An excluding filter.
    pub fn excluded(criterion: Criterion) -> Filter {
        Filter {
            criterion,
            required: false,
            excluded: true,
            exact: false,
        }
    }
}

/// A range of years `[lo, hi)`, as in the documented `5-10` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRange {
    /// Inclusive lower bound in years.
    pub lo: u32,
    /// Exclusive upper bound in years.
    pub hi: u32,
}

impl YearRange {
    /// The documented ranges of `YEARS_OF_EXPERIENCE` and `DURATION_IN_JOB`.
    pub const DOCUMENTED: [&'static str; 8] = [
        "0-1", "1-3", "3-5", "5-10", "10-15", "15-20", "20-30", "30-100",
    ];

    /// Parses one of the documented ranges.
    pub fn parse(value: &str) -> Option<YearRange> {
        if !Self::DOCUMENTED.contains(&value) {
            return None;
        }
        let (lo, hi) = value.split_once('-')?;
        Some(YearRange {
            lo: lo.parse().ok()?,
            hi: hi.parse().ok()?,
        })
    }
}

/// The documented `EDUCATION_DEGREE` values, ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Degree {
    /// `bachelors`
    Bachelors = 1,
    /// `masters`
    Masters = 2,
    /// `doctorates`
    Doctorates = 3,
}

impl Degree {
    /// Parses a documented value.
    pub fn parse(value: &str) -> Option<Degree> {
        match value {
            "bachelors" => Some(Degree::Bachelors),
            "masters" => Some(Degree::Masters),
            "doctorates" => Some(Degree::Doctorates),
            _ => None,
        }
    }
}

/// What a filter matches.
#[derive(Debug, Clone, PartialEq)]
pub enum Criterion {
    /// `JOB_TITLE`
    JobTitle {
        /// Title as typed.
        title: String,
        /// Which roles to look at.
        history: History,
    },
    /// `LOCATION`
    Location {
        /// City, region or country as typed.
        place: String,
        /// Kilometres around a city.
        radius_km: Option<f64>,
    },
    /// `YEARS_OF_EXPERIENCE`
    YearsOfExperience(YearRange),
    /// `DURATION_IN_JOB`
    DurationInJob(YearRange),
    /// `SKILL`
    Skill(String),
    /// `KEYWORD`
    Keyword(String),
    /// `KEYWORD` whose value is a boolean expression (`AND`, `OR`, `NOT`,
    /// quotes, brackets, a leading `-`): see `scout-query`'s `boolean.rs`.
    Boolean(crate::boolean::BooleanKeyword),
    /// `LANGUAGE`: a canonical lowercase language name, or the text as typed.
    Language(String),
    /// `LANGUAGE_PROFICIENCY`: a level, optionally tied to a language.
    LanguageProficiency {
        /// The language, when the value named one (`french:native`).
        language: Option<String>,
        /// One of the five LinkedIn levels.
        level: &'static str,
    },
    /// `COMPANY_NAME`
    CompanyName {
        /// Employer name as typed.
        name: String,
        /// Which roles to look at.
        history: History,
    },
    /// `COMPANY_SIZE`
    CompanySize {
        /// The band.
        size: CompanySize,
        /// Which employers to look at.
        history: History,
    },
    /// `COMPANY_INDUSTRY`
    CompanyIndustry {
        /// Industry as typed.
        industry: String,
        /// Which employers to look at.
        history: History,
    },
    /// `EDUCATION_DEGREE`: the highest degree.
    EducationDegree(Degree),
    /// `EDUCATION_SCHOOL_NAME`
    EducationSchoolName(String),
    /// `CERTIFICATION_NAME`
    CertificationName(String),
    /// `SENIORITY` = `Freelance`
    Freelance,
    /// `GRADUATION_YEAR`
    GraduationYear(u16),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_only_documented_values() {
        assert_eq!(YearRange::parse("5-10"), Some(YearRange { lo: 5, hi: 10 }));
        assert_eq!(
            YearRange::parse("30-100"),
            Some(YearRange { lo: 30, hi: 100 })
        );
        assert_eq!(YearRange::parse("2-4"), None);
        assert_eq!(Degree::parse("masters"), Some(Degree::Masters));
        assert_eq!(Degree::parse("Masters"), None);
    }
}
