//! The documented data types of Scout and its one table of error codes.
//!
//! Everything here is plain data with serde derives: no I/O, no async, no
//! storage or HTTP concerns. Field names and JSON shapes follow the API
//! documents in `shared/seeds/` exactly; see `talent.rs` for the talent
//! profile of `POST /v1/search/talents`.

pub mod boolean;
pub mod criteria;
pub mod error_code;
pub mod filter;
pub mod organization;
pub mod ownership;
pub mod pipeline;
pub mod talent;
pub mod web_url;

pub use error_code::{ErrorCode, HasErrorCode};
pub use filter::{FilterType, History};
pub use organization::{CompanySize, Organization};
pub use pipeline::{CandidateType, Decision, FitAssessment, Stage};
pub use talent::{
    Certification, CurrentOrganization, Education, Experience, ExperienceOrganization, Language,
    Talent,
};
pub use web_url::is_web_url;
