//! The talent profile exactly as documented for `POST /v1/search/talents`.
//!
//! Optional scalars serialise as `null` (never omitted), lists as `[]`, so a
//! client written against the documented example sees every key it expects.
//! Unknown fields are refused on input: a misspelt key (`firstName` for
//! `firstname`) would otherwise drop data without anyone noticing.

use serde::{Deserialize, Serialize};

/// A person's professional profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Talent {
    /// Stable identifier; the key of every upsert.
    pub id: String,
    /// Given name.
    #[serde(default)]
    pub firstname: Option<String>,
    /// Family name.
    #[serde(default)]
    pub lastname: Option<String>,
    /// Gender as given by the source (`female`, `male`, …).
    #[serde(default)]
    pub gender: Option<String>,
    /// City of residence.
    #[serde(default)]
    pub city: Option<String>,
    /// Country of residence.
    #[serde(default)]
    pub country: Option<String>,
    /// Current job title.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Free-text summary.
    #[serde(default)]
    pub summary: Option<String>,
    /// Region or state of residence.
    #[serde(default)]
    pub state: Option<String>,
    /// Headline line of the profile.
    #[serde(default)]
    pub headline: Option<String>,
    /// Photo URL.
    #[serde(default)]
    pub photo_url: Option<String>,
    /// LinkedIn profile URL.
    #[serde(default)]
    pub linkedin_url: Option<String>,
    /// The employer of the current role, if any.
    #[serde(default)]
    pub current_organization: Option<CurrentOrganization>,
    /// Work history, most recent first by convention (not relied upon).
    #[serde(default)]
    pub experiences: Vec<Experience>,
    /// Education history.
    #[serde(default)]
    pub educations: Vec<Education>,
    /// Skills as listed on the profile.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Interests.
    #[serde(default)]
    pub interests: Vec<String>,
    /// Spoken languages with a proficiency level.
    #[serde(default)]
    pub languages: Vec<Language>,
    /// Professional certifications.
    #[serde(default)]
    pub certifications: Vec<Certification>,
}

/// The employer of a talent's current role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CurrentOrganization {
    /// Organization id, joined to [`crate::Organization::id`].
    #[serde(default)]
    pub id: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Logo URL.
    #[serde(default)]
    pub logo_url: Option<String>,
}

/// One role in a talent's work history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Experience {
    /// Employer name as written on the profile.
    #[serde(default)]
    pub organization_name: Option<String>,
    /// Title held.
    #[serde(default)]
    pub title: Option<String>,
    /// ISO 8601 start date.
    #[serde(default)]
    pub start_date: Option<String>,
    /// ISO 8601 end date; `null` while the role is current.
    #[serde(default)]
    pub end_date: Option<String>,
    /// What the person did.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether this is a current role.
    #[serde(default)]
    pub is_current: bool,
    /// The employer as an organization.
    #[serde(default)]
    pub organization: Option<ExperienceOrganization>,
}

/// The employer attached to an [`Experience`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExperienceOrganization {
    /// Logo URL.
    #[serde(default)]
    pub logo_url: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
}

/// One entry of a talent's education.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Education {
    /// School or university name.
    #[serde(default)]
    pub school_name: Option<String>,
    /// School logo URL.
    #[serde(default)]
    pub school_logo: Option<String>,
    /// Free text.
    #[serde(default)]
    pub summary: Option<String>,
    /// Degrees as written ("Master of Science").
    #[serde(default)]
    pub degrees: Vec<String>,
    /// Majors.
    #[serde(default)]
    pub majors: Vec<String>,
    /// Minors.
    #[serde(default)]
    pub minors: Vec<String>,
    /// ISO 8601 start date.
    #[serde(default)]
    pub start_date: Option<String>,
    /// ISO 8601 end (graduation) date.
    #[serde(default)]
    pub end_date: Option<String>,
    /// The school's web domain.
    #[serde(default)]
    pub school_domain: Option<String>,
}

/// A spoken language and how well it is spoken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Language {
    /// Language name ("French").
    #[serde(default)]
    pub name: Option<String>,
    /// LinkedIn proficiency level (`native_or_bilingual`, …).
    #[serde(default)]
    pub proficiency: Option<String>,
}

/// A professional certification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Certification {
    /// Certification name.
    #[serde(default)]
    pub name: Option<String>,
    /// Issuing organization.
    #[serde(default)]
    pub organization_name: Option<String>,
    /// ISO 8601 date obtained.
    #[serde(default)]
    pub start_date: Option<String>,
    /// ISO 8601 expiry date.
    #[serde(default)]
    pub end_date: Option<String>,
}

impl Talent {
    /// Whether `role` counts as current. Sources that set `isCurrent` are
    /// trusted; for those that never do, an open-ended role is current.
    pub fn is_current_role(&self, role: &Experience) -> bool {
        if self.experiences.iter().any(|e| e.is_current) {
            role.is_current
        } else {
            role.end_date.is_none() && role.start_date.is_some()
        }
    }

    /// The current roles.
    pub fn current_experiences(&self) -> impl Iterator<Item = &Experience> {
        self.experiences.iter().filter(|e| self.is_current_role(e))
    }

    /// The roles that have ended.
    pub fn past_experiences(&self) -> impl Iterator<Item = &Experience> {
        self.experiences.iter().filter(|e| !self.is_current_role(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENTED_EXAMPLE: &str = r#"{
        "id": "clx1abc2d3e4f5g6h7i8j9k0", "firstname": "Marie", "lastname": "Dupont",
        "gender": "female", "city": "Paris", "country": "France",
        "jobTitle": "Senior Software Engineer", "summary": "Full-stack engineer with 8 years of experience...",
        "state": "Île-de-France", "headline": "Senior Software Engineer at Acme Corp",
        "photoUrl": "https://media.licdn.com/dms/image/...", "linkedinUrl": "https://www.linkedin.com/in/marie-dupont",
        "currentOrganization": {"id": "org_abc123", "name": "Acme Corp", "logoUrl": "https://media.licdn.com/dms/image/..."},
        "experiences": [{"organizationName": "Acme Corp", "title": "Senior Software Engineer",
            "startDate": "2021-03-01T00:00:00.000Z", "endDate": null, "description": "Leading the frontend team...",
            "isCurrent": true, "organization": {"logoUrl": "https://media.licdn.com/dms/image/...", "name": "Acme Corp"}}],
        "educations": [{"schoolName": "École Polytechnique", "schoolLogo": "https://media.licdn.com/dms/image/...",
            "summary": null, "degrees": ["Master of Science"], "majors": ["Computer Science"], "minors": [],
            "startDate": "2013-09-01T00:00:00.000Z", "endDate": "2017-06-30T00:00:00.000Z", "schoolDomain": "polytechnique.edu"}],
        "skills": ["TypeScript", "React", "Node.js", "PostgreSQL"],
        "interests": ["Open Source", "Machine Learning"],
        "languages": [{"name": "French", "proficiency": "native_or_bilingual"}, {"name": "English", "proficiency": "full_professional"}],
        "certifications": [{"name": "AWS Solutions Architect", "organizationName": "Amazon Web Services",
            "startDate": "2023-01-15T00:00:00.000Z", "endDate": "2026-01-15T00:00:00.000Z"}]
    }"#;

    #[test]
    fn documented_example_round_trips_to_the_same_json() {
        let talent: Talent = serde_json::from_str(DOCUMENTED_EXAMPLE).unwrap();
        let back = serde_json::to_value(&talent).unwrap();
        let original: serde_json::Value = serde_json::from_str(DOCUMENTED_EXAMPLE).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn absent_scalars_serialise_as_null() {
        let t = Talent {
            id: "t1".into(),
            ..Default::default()
        };
        let v = serde_json::to_value(&t).unwrap();
        assert!(v["firstname"].is_null());
        assert_eq!(v["skills"], serde_json::json!([]));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let err = serde_json::from_str::<Talent>(r#"{"id":"x","firstName":"A"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `firstName`"));
    }

    #[test]
    fn current_and_past_roles_split_on_is_current() {
        let t: Talent = serde_json::from_str(
            r#"{"id":"x","experiences":[{"title":"A","isCurrent":true},{"title":"B","endDate":"2020-01-01"}]}"#,
        )
        .unwrap();
        assert_eq!(t.current_experiences().count(), 1);
        assert_eq!(
            t.past_experiences().next().unwrap().title.as_deref(),
            Some("B")
        );
    }
}
