//! The documented search filter vocabulary: the filter types and the
//! `history` modifier. Parsing request bodies into typed filters lives in
//! `scout-query`; this module only names the values.

use serde::{Deserialize, Serialize};

/// One of the documented `filterType` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
pub enum FilterType {
    JobTitle,
    Location,
    YearsOfExperience,
    Skill,
    Keyword,
    Language,
    LanguageProficiency,
    CompanyName,
    CompanySize,
    CompanyIndustry,
    EducationDegree,
    EducationSchoolName,
    CertificationName,
    Seniority,
    DurationInJob,
    GraduationYear,
}

impl FilterType {
    /// Every type, in documentation order; the `options` of a bad `filterType`.
    pub const ALL: [FilterType; 16] = [
        FilterType::JobTitle,
        FilterType::Location,
        FilterType::YearsOfExperience,
        FilterType::Skill,
        FilterType::Keyword,
        FilterType::Language,
        FilterType::LanguageProficiency,
        FilterType::CompanyName,
        FilterType::CompanySize,
        FilterType::CompanyIndustry,
        FilterType::EducationDegree,
        FilterType::EducationSchoolName,
        FilterType::CertificationName,
        FilterType::Seniority,
        FilterType::DurationInJob,
        FilterType::GraduationYear,
    ];
}

impl FilterType {
    /// The wire name, e.g. `JOB_TITLE`.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterType::JobTitle => "JOB_TITLE",
            FilterType::Location => "LOCATION",
            FilterType::YearsOfExperience => "YEARS_OF_EXPERIENCE",
            FilterType::Skill => "SKILL",
            FilterType::Keyword => "KEYWORD",
            FilterType::Language => "LANGUAGE",
            FilterType::LanguageProficiency => "LANGUAGE_PROFICIENCY",
            FilterType::CompanyName => "COMPANY_NAME",
            FilterType::CompanySize => "COMPANY_SIZE",
            FilterType::CompanyIndustry => "COMPANY_INDUSTRY",
            FilterType::EducationDegree => "EDUCATION_DEGREE",
            FilterType::EducationSchoolName => "EDUCATION_SCHOOL_NAME",
            FilterType::CertificationName => "CERTIFICATION_NAME",
            FilterType::Seniority => "SENIORITY",
            FilterType::DurationInJob => "DURATION_IN_JOB",
            FilterType::GraduationYear => "GRADUATION_YEAR",
        }
    }

    /// Parses a wire name; `None` for anything not documented.
    pub fn parse(name: &str) -> Option<FilterType> {
        FilterType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// Which roles a `JOB_TITLE` or `COMPANY_NAME` filter looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum History {
    /// Current roles only.
    Current,
    /// Ended roles only.
    Past,
    /// Any role.
    CurrentOrPast,
}

impl History {
    /// Parses the wire name.
    pub fn parse(name: &str) -> Option<History> {
        match name {
            "CURRENT" => Some(History::Current),
            "PAST" => Some(History::Past),
            "CURRENT_OR_PAST" => Some(History::CurrentOrPast),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_its_wire_name() {
        for t in FilterType::ALL {
            assert_eq!(FilterType::parse(t.as_str()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
        }
        assert_eq!(FilterType::parse("INVALID_TYPE"), None);
    }
}
