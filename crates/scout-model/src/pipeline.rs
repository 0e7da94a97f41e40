//! The hiring pipeline shared by sourcing projects and jobs: one set of
//! stages, each with its Kalent `statusHandle` and its Hirempire `status`,
//! the three Hirempire candidate types, and the fit assessment shown as
//! `ai_*` fields. A sourcing project *is* a job; these types are the two
//! documented views of the same pipeline (mapping in `docs/sourcing.md`).

use serde::{Deserialize, Serialize};

macro_rules! stages {
    ($($(#[$doc:meta])* $variant:ident => $handle:literal, $status:literal, $order:literal;)*) => {
        /// A pipeline stage.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Stage {
            $($(#[$doc])* $variant,)*
        }

        impl Stage {
            /// Every stage, in pipeline order.
            pub const ALL: &'static [Stage] = &[$(Stage::$variant,)*];

            /// The Kalent `statusHandle`.
            pub fn handle(self) -> &'static str {
                match self { $(Stage::$variant => $handle,)* }
            }

            /// The Hirempire `status` this stage is shown as (one of the 13
            /// documented values; several sourcing stages share one).
            pub fn job_status(self) -> &'static str {
                match self { $(Stage::$variant => $status,)* }
            }

            /// Position in the pipeline, for sorting by status.
            pub fn order(self) -> i64 {
                match self { $(Stage::$variant => $order,)* }
            }

            /// The stage of a `statusHandle`.
            pub fn from_handle(handle: &str) -> Option<Stage> {
                match handle { $($handle => Some(Stage::$variant),)* _ => None }
            }
        }
    };
}

stages! {
    /// A talent shortlisted from search, not contacted yet (the default).
    ToBeContacted => "TO_BE_CONTACTED", "shortlisted", 10;
    /// Reached out to.
    Contacted => "CONTACTED", "shortlisted", 20;
    /// Answered the outreach.
    Replied => "REPLIED", "screening", 30;
    /// Answered and wants to talk.
    Interested => "INTERESTED", "qualified", 40;
    /// Answered and declined.
    NotInterested => "NOT_INTERESTED", "withdrawn", 41;
    /// Applied to the job.
    Applied => "APPLIED", "applied", 5;
    /// Added from an uploaded CV.
    Uploaded => "UPLOADED", "uploaded", 6;
    /// Shortlisted by the recruiter.
    Shortlisted => "SHORTLISTED", "shortlisted", 15;
    /// Meets the bar, ready for screening.
    Qualified => "QUALIFIED", "qualified", 45;
    /// Being screened.
    Screening => "SCREENING", "screening", 50;
    /// In a phone screen.
    PhoneScreen => "PHONE_SCREEN", "phone_screen", 60;
    /// In interviews.
    Interview => "INTERVIEW", "interview", 70;
    /// In a technical assessment.
    Technical => "TECHNICAL", "technical", 80;
    /// Received an offer.
    Offer => "OFFER", "offer", 90;
    /// Hired.
    Hired => "HIRED", "hired", 100;
    /// Paused.
    OnHold => "ON_HOLD", "on_hold", 110;
    /// Withdrew.
    Withdrawn => "WITHDRAWN", "withdrawn", 120;
    /// Not retained (rejected); hidden from lists unless asked for.
    NotRetained => "NOT_RETAINED", "rejected", 130;
}

impl Stage {
    /// The documented Hirempire statuses.
    pub const JOB_STATUSES: [&'static str; 13] = [
        "applied",
        "screening",
        "phone_screen",
        "interview",
        "technical",
        "offer",
        "hired",
        "rejected",
        "withdrawn",
        "on_hold",
        "shortlisted",
        "qualified",
        "uploaded",
    ];

    /// The stage a Hirempire `status` is written as.
    pub fn from_job_status(status: &str) -> Option<Stage> {
        Some(match status {
            "applied" => Stage::Applied,
            "screening" => Stage::Screening,
            "phone_screen" => Stage::PhoneScreen,
            "interview" => Stage::Interview,
            "technical" => Stage::Technical,
            "offer" => Stage::Offer,
            "hired" => Stage::Hired,
            "rejected" => Stage::NotRetained,
            "withdrawn" => Stage::Withdrawn,
            "on_hold" => Stage::OnHold,
            "shortlisted" => Stage::Shortlisted,
            "qualified" => Stage::Qualified,
            "uploaded" => Stage::Uploaded,
            _ => return None,
        })
    }

    /// Either vocabulary: a `statusHandle` or a Hirempire `status`.
    pub fn parse(value: &str) -> Option<Stage> {
        Stage::from_handle(value).or_else(|| Stage::from_job_status(value))
    }
}

impl Serialize for Stage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.handle())
    }
}

impl<'de> Deserialize<'de> for Stage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Stage, D::Error> {
        let s = String::deserialize(d)?;
        Stage::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown status `{s}`")))
    }
}

/// The Hirempire candidate sub-type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CandidateType {
    /// Applied to the job.
    Applicant,
    /// Sourced (from the talent index or by hand).
    Prospect,
    /// Added from an uploaded CV.
    Upload,
}

impl CandidateType {
    /// The documented name.
    pub fn as_str(self) -> &'static str {
        match self {
            CandidateType::Applicant => "applicant",
            CandidateType::Prospect => "prospect",
            CandidateType::Upload => "upload",
        }
    }

    /// Parses a documented name.
    pub fn parse(value: &str) -> Option<CandidateType> {
        match value {
            "applicant" => Some(CandidateType::Applicant),
            "prospect" => Some(CandidateType::Prospect),
            "upload" => Some(CandidateType::Upload),
            _ => None,
        }
    }

    /// The stage a new candidate of this type starts in.
    pub fn initial_stage(self) -> Stage {
        match self {
            CandidateType::Applicant => Stage::Applied,
            CandidateType::Prospect => Stage::ToBeContacted,
            CandidateType::Upload => Stage::Uploaded,
        }
    }
}

/// The recommendation of the fit scorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Score ≥ 75 and every required requirement met.
    Shortlist,
    /// Score ≥ 50 and no excluded requirement matched.
    Consider,
    /// Everything else.
    Reject,
}

impl Decision {
    /// The value of `ai_decision`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Shortlist => "Shortlist",
            Decision::Consider => "Consider",
            Decision::Reject => "Reject",
        }
    }

    /// Parses a stored value.
    pub fn parse(value: &str) -> Option<Decision> {
        match value {
            "Shortlist" => Some(Decision::Shortlist),
            "Consider" => Some(Decision::Consider),
            "Reject" => Some(Decision::Reject),
            _ => None,
        }
    }
}

/// How well a candidate fits a job's requirements (see `docs/sourcing.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FitAssessment {
    /// Overall score, 0–100.
    pub score: u8,
    /// Weighted share of requirements met, 0–100.
    pub match_percentage: u8,
    /// Recommendation from the score and the hard requirements.
    pub decision: Decision,
    /// One or two sentences built from the profile's facts and the match.
    pub summary: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_status_has_a_stage_and_maps_back_to_itself() {
        for s in Stage::JOB_STATUSES {
            let stage = Stage::from_job_status(s).unwrap();
            assert_eq!(stage.job_status(), s);
        }
        for stage in Stage::ALL {
            assert!(Stage::JOB_STATUSES.contains(&stage.job_status()));
            assert_eq!(Stage::from_handle(stage.handle()), Some(*stage));
        }
    }

    #[test]
    fn either_vocabulary_parses() {
        assert_eq!(Stage::parse("rejected"), Some(Stage::NotRetained));
        assert_eq!(Stage::parse("NOT_RETAINED"), Some(Stage::NotRetained));
        assert_eq!(Stage::parse("Rejected"), None);
        assert_eq!(
            CandidateType::Prospect.initial_stage(),
            Stage::ToBeContacted
        );
    }
}
