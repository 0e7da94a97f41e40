//! Career families: for each common occupation its core title, alternate
//! titles, seniority ladder, skills (most typical first), industries,
//! fields of study, degree mix and certifications. The generator builds
//! coherent careers from them and title matching draws synonyms from them.

use serde::Deserialize;
use std::sync::LazyLock;

/// One occupation family.
#[derive(Debug, Deserialize)]
pub struct CareerFamily {
    /// Stable key, e.g. `software_engineer`.
    pub id: String,
    /// Relative frequency in the population (skew of real data).
    pub weight: u32,
    /// Core title without seniority ("Software Engineer").
    pub title: String,
    /// Alternate titles for the same job.
    pub synonyms: Vec<String>,
    /// Abbreviations people use for the title ("SWE").
    pub abbreviations: Vec<String>,
    /// Seniority prefixes from entry level up; "" is the plain title.
    pub ladder: Vec<String>,
    /// The title people move to when they manage this family.
    pub manager: Option<String>,
    /// Skills, most typical first.
    pub skills: Vec<String>,
    /// Industries of typical employers.
    pub industries: Vec<String>,
    /// Typical fields of study.
    pub majors: Vec<String>,
    /// Typical certifications.
    pub certifications: Vec<String>,
    /// Share of people in the family who freelance.
    pub freelance_rate: f64,
    /// Highest-degree mix: keys `none`, `bachelors`, `masters`, `doctorates`.
    pub degree_mix: std::collections::BTreeMap<String, f64>,
}

#[derive(Deserialize)]
struct File {
    families: Vec<CareerFamily>,
}

static FAMILIES: LazyLock<Vec<CareerFamily>> = LazyLock::new(|| {
    serde_json::from_str::<File>(crate::data::CAREERS)
        .map(|f| f.families)
        .unwrap_or_default()
});

/// All career families.
pub fn families() -> &'static [CareerFamily] {
    &FAMILIES
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_families_parse() {
        let f = super::families();
        assert!(f.len() >= 30);
        assert!(f
            .iter()
            .all(|c| !c.skills.is_empty() && !c.industries.is_empty()));
    }
}
