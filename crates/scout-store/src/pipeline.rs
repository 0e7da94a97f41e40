//! Records of sourcing projects (jobs) and their candidate pipelines, as
//! the store takes and returns them. Requirements are kept as the JSON
//! filter objects of the search API; validating them is the caller's job.

use scout_model::{CandidateType, FitAssessment, Stage};
use scout_taxonomy::fold;
use serde::Serialize;

/// A salary range.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Salary {
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// ISO 4217 currency code.
    pub currency: Option<String>,
}

/// A sourcing project, which is also a job.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourcing {
    /// Id (`src_…`).
    pub id: String,
    /// Owning workspace.
    pub workspace_id: String,
    /// Job title of the project.
    pub title: String,
    /// Free-text description.
    pub description: Option<String>,
    /// Where the job is.
    pub location: Option<String>,
    /// Salary range.
    pub salary: Option<Salary>,
    /// Requirements: search filter objects.
    pub requirements: serde_json::Value,
    /// Bumped whenever requirements or location change; fits older than this are stale.
    pub requirements_version: i64,
    /// When archived (Unix ms).
    pub archived_at: Option<i64>,
    /// User who created it.
    pub created_by: Option<String>,
    /// Creation time (Unix ms).
    pub created_at: i64,
    /// Last change (Unix ms).
    pub updated_at: i64,
    /// Candidates in the pipeline (all stages).
    pub candidate_count: i64,
}

/// What a new sourcing is made of.
#[derive(Debug, Clone, Default)]
pub struct NewSourcing {
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Salary range.
    pub salary: Option<Salary>,
    /// Requirements (a JSON array of filter objects).
    pub requirements: serde_json::Value,
    /// Creating user.
    pub created_by: Option<String>,
}

/// Changes to a sourcing; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SourcingChanges {
    /// New title.
    pub title: Option<String>,
    /// New description (`Some(None)` clears it).
    pub description: Option<Option<String>>,
    /// New location (`Some(None)` clears it).
    pub location: Option<Option<String>>,
    /// New salary (`Some(None)` clears it).
    pub salary: Option<Option<Salary>>,
    /// New requirements.
    pub requirements: Option<serde_json::Value>,
    /// Archive (`true`) or restore (`false`).
    pub archived: Option<bool>,
}

/// Which sourcings to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveFilter {
    /// Only active ones.
    Active,
    /// Only archived ones.
    Archived,
    /// Both.
    All,
}

/// Who a candidate is: copied from the talent profile, or as entered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CandidateProfile {
    /// First name.
    pub firstname: Option<String>,
    /// Last name.
    pub lastname: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// LinkedIn URL.
    pub linkedin_url: Option<String>,
    /// CV URL.
    pub cv_url: Option<String>,
    /// Photo URL.
    pub photo_url: Option<String>,
    /// Nationality.
    pub nationality: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Current job title.
    pub job_title: Option<String>,
    /// Current company.
    pub company_name: Option<String>,
    /// Years of experience computed from the profile.
    pub experience_years: Option<f64>,
    /// More searchable text (headline, skills).
    pub extra_text: String,
}

impl CandidateProfile {
    /// `firstname lastname`.
    pub fn full_name(&self) -> Option<String> {
        let parts: Vec<&str> = [self.firstname.as_deref(), self.lastname.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// The words lists are filtered and searched by: `*:` + every word of
    /// the candidate (names, contact details, city, title, company, source,
    /// headline, skills), and `c:`, `t:`, `o:` + the words of the city, the
    /// job title and the company.
    pub(crate) fn terms(&self, source: Option<&str>) -> Vec<String> {
        let mut terms = std::collections::BTreeSet::new();
        let mut add = |prefix: &str, text: Option<&str>, cap: usize| {
            let folded = text.map(fold).unwrap_or_default();
            for word in folded
                .split(' ')
                .filter(|w| !w.is_empty() && w.len() <= MAX_TERM_BYTES)
            {
                if terms.len() >= cap {
                    return;
                }
                terms.insert(format!("{prefix}{word}"));
            }
        };
        for (prefix, text) in [
            ("c:", self.city.as_deref()),
            ("t:", self.job_title.as_deref()),
            ("o:", self.company_name.as_deref()),
        ] {
            add(prefix, text, usize::MAX);
        }
        let name = self.full_name();
        for text in [
            name.as_deref(),
            self.email.as_deref(),
            self.phone.as_deref(),
            self.nationality.as_deref(),
            self.city.as_deref(),
            self.job_title.as_deref(),
            self.company_name.as_deref(),
            source,
            Some(self.extra_text.as_str()),
        ] {
            add("*:", text, MAX_TERMS);
        }
        terms.into_iter().collect()
    }
}

/// Most words kept per candidate (the identifying fields come first).
pub const MAX_TERMS: usize = 300;
/// Longest word kept.
pub const MAX_TERM_BYTES: usize = 100;

/// A candidate to add.
#[derive(Debug, Clone)]
pub struct NewCandidate {
    /// The talent, when the candidate is in the index.
    pub talent_id: Option<String>,
    /// Sub-type.
    pub kind: CandidateType,
    /// Starting stage.
    pub stage: Stage,
    /// Who they are.
    pub profile: CandidateProfile,
    /// Where they came from.
    pub source: Option<String>,
    /// Salary expectation.
    pub salary_expectation: Option<f64>,
    /// Years of experience as stated by the candidate.
    pub stated_years: Option<f64>,
    /// Sequence number of the profile the snapshot was taken from.
    pub profile_seq: Option<i64>,
    /// Fit against the sourcing's requirements, with the version it was computed for.
    pub fit: Option<(FitAssessment, i64)>,
}

/// A candidate as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Id (`cand_…`).
    pub id: String,
    /// The sourcing (job).
    pub sourcing_id: String,
    /// The talent, when in the index.
    pub talent_id: Option<String>,
    /// Sub-type.
    pub kind: CandidateType,
    /// Current stage.
    pub stage: Stage,
    /// Rating 1–5 by the team.
    pub user_rating: Option<i64>,
    /// How many contact attempts were logged.
    pub contacts: i64,
    /// Who they are.
    pub profile: CandidateProfile,
    /// Where they came from.
    pub source: Option<String>,
    /// Salary expectation.
    pub salary_expectation: Option<f64>,
    /// Years of experience as stated.
    pub stated_years: Option<f64>,
    /// Profile sequence number of the snapshot.
    pub profile_seq: Option<i64>,
    /// Fit and the requirements version it was computed for.
    pub fit: Option<(FitAssessment, i64)>,
    /// Who added them.
    pub created_by: Option<String>,
    /// When added (Unix ms).
    pub created_at: i64,
    /// Last change (Unix ms).
    pub updated_at: i64,
    /// Last pipeline activity (Unix ms).
    pub last_activity_at: i64,
}

/// What `add_candidates` did with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The candidate's id.
    pub id: String,
    /// `false` when the talent (or email) was already in the pipeline.
    pub created: bool,
}

/// Sort keys of the candidate list, as documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateSort {
    /// `name`: first then last name.
    Name,
    /// `companyName`
    CompanyName,
    /// `statusHandle`: pipeline order.
    StatusHandle,
    /// `city`
    City,
    /// `jobTitle`
    JobTitle,
    /// `userRating`
    UserRating,
    /// `contacts`: number of contact attempts.
    Contacts,
    /// `createdAt`
    CreatedAt,
    /// `history`: latest activity.
    History,
}

impl CandidateSort {
    /// Every documented value.
    pub const NAMES: [&'static str; 9] = [
        "name",
        "companyName",
        "statusHandle",
        "city",
        "jobTitle",
        "userRating",
        "contacts",
        "createdAt",
        "history",
    ];

    /// Parses a documented `sortField`.
    pub fn parse(value: &str) -> Option<CandidateSort> {
        Some(match value {
            "name" => CandidateSort::Name,
            "companyName" => CandidateSort::CompanyName,
            "statusHandle" => CandidateSort::StatusHandle,
            "city" => CandidateSort::City,
            "jobTitle" => CandidateSort::JobTitle,
            "userRating" => CandidateSort::UserRating,
            "contacts" => CandidateSort::Contacts,
            "createdAt" => CandidateSort::CreatedAt,
            "history" => CandidateSort::History,
            _ => return None,
        })
    }

    /// Whether the sort column can be empty (empty values sort last either way).
    pub(crate) fn nullable(self) -> bool {
        matches!(
            self,
            CandidateSort::Name
                | CandidateSort::CompanyName
                | CandidateSort::City
                | CandidateSort::JobTitle
                | CandidateSort::UserRating
        )
    }

    pub(crate) fn column(self) -> &'static str {
        match self {
            CandidateSort::Name => "name_key",
            CandidateSort::CompanyName => "company_key",
            CandidateSort::StatusHandle => "stage_order",
            CandidateSort::City => "city_key",
            CandidateSort::JobTitle => "job_title_key",
            CandidateSort::UserRating => "user_rating",
            CandidateSort::Contacts => "contacts",
            CandidateSort::CreatedAt => "created_at",
            CandidateSort::History => "last_activity_at",
        }
    }
}

/// A page of a sourcing's candidates.
#[derive(Debug, Clone)]
pub struct CandidateQuery {
    /// The sourcing.
    pub sourcing_id: String,
    /// Stages to include; empty means every stage but `NOT_RETAINED`.
    pub stages: Vec<Stage>,
    /// Free text; every word must appear.
    pub text: Option<String>,
    /// Cities (any of).
    pub locations: Vec<String>,
    /// Job titles (any of).
    pub job_titles: Vec<String>,
    /// Current companies (any of).
    pub companies: Vec<String>,
    /// Sort key.
    pub sort: CandidateSort,
    /// Descending order.
    pub descending: bool,
    /// Rows to skip.
    pub offset: i64,
    /// Rows to return.
    pub limit: i64,
}

/// A change to a candidate, recorded in its history.
#[derive(Debug, Clone, PartialEq)]
pub enum CandidateChange {
    /// Move to a stage.
    Stage(Stage),
    /// Set or clear the rating.
    Rating(Option<i64>),
    /// Log a contact attempt on a channel (`email`, `phone`, `linkedin`).
    Contact {
        /// The channel.
        channel: String,
        /// What was used (address, number), if given.
        value: Option<String>,
        /// A note about it.
        note: Option<String>,
    },
    /// Add a note.
    Note(String),
}

/// One entry of a candidate's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateEvent {
    /// Order of recording.
    pub id: i64,
    /// The candidate.
    pub candidate_id: String,
    /// When (Unix ms).
    pub at: i64,
    /// The user who made the change.
    pub actor: Option<String>,
    /// `created`, `status`, `rating`, `contact`, `note`.
    pub kind: String,
    /// Value before.
    pub from: Option<String>,
    /// Value after.
    pub to: Option<String>,
    /// Free text (note, contact detail).
    pub detail: Option<String>,
}

/// A recomputed snapshot and fit for one candidate.
#[derive(Debug, Clone)]
pub struct CandidateRefresh {
    /// The candidate.
    pub id: String,
    /// The new snapshot (with the entered email and phone kept) and the
    /// profile sequence number it was taken at; `None` keeps the snapshot.
    pub profile: Option<(CandidateProfile, i64)>,
    /// The candidate's source (part of the searchable text).
    pub source: Option<String>,
    /// The new fit.
    pub fit: FitAssessment,
    /// The requirements version it was computed for.
    pub version: i64,
}

/// A field of a workspace's candidates that the web app suggests values from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkspaceField {
    /// Current employers.
    Employer,
    /// Job titles.
    Title,
    /// Cities.
    City,
}
