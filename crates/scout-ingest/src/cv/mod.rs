//! CVs → leads: the file's kind by content (`extract.rs`), its text, and the
//! fields read from that text (`fields.rs`): name, email, phone (E.164 when
//! the country is known, `phone.rs`), links, location, summary, skills
//! (canonical names), experiences, education and languages. `render.rs`
//! makes the test CVs from generated profiles; `accuracy.rs` measures
//! field-level extraction against them, `corpus.rs` against the labelled
//! corpus of CVs made by real document tools.

pub mod accuracy;
mod confidence;
pub mod corpus;
mod dates;
mod docx;
mod europass;
pub mod extract;
mod fields;
mod jobs;
mod letter;
mod lists;
mod markup;
pub(crate) mod pdf_layout;
pub mod phone;
pub mod render;
mod schools;
mod sections;

use sha2::{Digest, Sha256};

pub use extract::FileKind;

/// Largest CV accepted, in bytes.
pub const MAX_CV_BYTES: usize = 10 * 1024 * 1024;

/// Why a file cannot become a lead (the lead is kept as `failed` with it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CvError {
    /// A 0-byte file.
    #[error("the file is empty")]
    Empty,
    /// Over [`MAX_CV_BYTES`].
    #[error("the file is larger than {MAX_CV_BYTES} bytes")]
    TooLarge,
    /// Not a PDF, DOCX or text.
    #[error("unsupported file type: {0}")]
    Unsupported(String),
    /// A password-protected PDF.
    #[error("the PDF is encrypted: it cannot be read without its password")]
    Encrypted,
    /// No text layer (an image-only scan) or no text at all.
    #[error("the file has no text layer (an image-only scan?): text recognition is not supported")]
    NoText,
    /// A damaged file.
    #[error("the file is damaged: {0}")]
    Corrupt(String),
    /// Reading it would cost more than a CV can need (memory or time).
    #[error("the file is too complex to read as a CV: {0}")]
    TooComplex(String),
}

impl CvError {
    /// A stable machine-readable reason.
    pub fn code(&self) -> &'static str {
        match self {
            CvError::Empty => "empty_file",
            CvError::TooLarge => "file_too_large",
            CvError::Unsupported(_) => "unsupported_type",
            CvError::Encrypted => "encrypted_pdf",
            CvError::NoText => "no_text_layer",
            CvError::Corrupt(_) => "corrupt_file",
            CvError::TooComplex(_) => "too_complex",
        }
    }
}

/// A job held, as read from a CV.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct CvExperience {
    /// Job title.
    pub title: String,
    /// Employer.
    pub company: String,
    /// `YYYY-MM-01`.
    pub start: Option<String>,
    /// `YYYY-MM-01`; `None` when ongoing.
    pub end: Option<String>,
}

/// A school attended.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct CvEducation {
    /// School name.
    pub school: String,
    /// Degree as written.
    pub degree: Option<String>,
    /// Year it ended.
    pub end_year: Option<u16>,
}

/// A spoken language.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct CvLanguage {
    /// Canonical lowercase name.
    pub name: String,
    /// One of the five LinkedIn levels.
    pub level: Option<String>,
}

/// A skill read from a CV and the line that shows it.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct CvSkillEvidence {
    /// Canonical skill name.
    pub skill: String,
    /// The section it was read in (`skills`, `experience`, `summary`, …).
    pub section: String,
    /// The line, as written (up to 200 characters).
    pub text: String,
}

/// Everything read from a CV. Fields added later default when an older
/// stored reading is loaded.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ParsedCv {
    /// The person's name.
    pub full_name: Option<String>,
    /// The line under the name, usually the current title.
    pub title: Option<String>,
    /// First email address.
    pub email: Option<String>,
    /// Phone as written.
    pub phone: Option<String>,
    /// Phone in E.164.
    pub phone_e164: Option<String>,
    /// LinkedIn and GitHub links.
    pub links: Vec<String>,
    /// `City, Country` as written.
    pub location: Option<String>,
    /// ISO code of the location's country.
    pub country_code: Option<String>,
    /// The summary section.
    pub summary: Option<String>,
    /// Canonical skill names.
    pub skills: Vec<String>,
    /// Jobs, as listed.
    pub experiences: Vec<CvExperience>,
    /// Schools, as listed.
    pub education: Vec<CvEducation>,
    /// Languages.
    pub languages: Vec<CvLanguage>,
    /// Certifications, as written.
    pub certifications: Vec<String>,
    /// Where each skill was read.
    pub skill_evidence: Vec<CvSkillEvidence>,
    /// How sure the reading of each field is, 0–1 (`confidence.rs`).
    pub confidence: std::collections::BTreeMap<String, f64>,
    /// The fields read with a confidence under 0.6, for a person to check.
    pub low_confidence: Vec<String>,
}

/// A file read: its kind, hash and the fields found.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadCv {
    /// PDF, DOCX or text.
    pub kind: FileKind,
    /// The fields.
    pub parsed: ParsedCv,
}

/// SHA-256 of a file, hex: the identity of an upload.
pub fn content_hash(bytes: &[u8]) -> String {
    hex_lower(&Sha256::digest(bytes))
}

fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a CV file.
pub fn parse_cv(bytes: &[u8]) -> Result<ReadCv, CvError> {
    if bytes.len() > MAX_CV_BYTES {
        return Err(CvError::TooLarge);
    }
    let (kind, text) = extract::text_of(bytes)?;
    Ok(ReadCv {
        kind,
        parsed: fields::read(&text),
    })
}

/// The kind of a file, without reading it all (for uploads).
pub fn kind_of(bytes: &[u8]) -> Result<FileKind, CvError> {
    extract::detect(bytes)
}

/// The person behind a parsed CV as a profile in the documented schema,
/// for fit scoring and for adding to the index.
pub fn talent_of(id: &str, cv: &ParsedCv) -> scout_model::Talent {
    let (first, last) = match cv.full_name.as_deref().map(|n| n.split_once(' ')) {
        Some(Some((f, l))) => (Some(f.to_owned()), Some(l.to_owned())),
        Some(None) => (cv.full_name.clone(), None),
        None => (None, None),
    };
    let (city, country) = match cv.location.as_deref().map(|l| l.split_once(',')) {
        Some(Some((c, k))) => (Some(c.trim().to_owned()), Some(k.trim().to_owned())),
        Some(None) => (cv.location.clone(), None),
        None => (None, None),
    };
    let experiences = cv
        .experiences
        .iter()
        .map(|e| scout_model::talent::Experience {
            title: Some(e.title.clone()),
            organization_name: Some(e.company.clone()),
            start_date: e.start.clone(),
            end_date: e.end.clone(),
            is_current: e.end.is_none(),
            ..Default::default()
        })
        .collect();
    let educations = cv
        .education
        .iter()
        .map(|e| scout_model::talent::Education {
            school_name: Some(e.school.clone()),
            degrees: e.degree.iter().cloned().collect(),
            end_date: e.end_year.map(|y| format!("{y}-06-30")),
            ..Default::default()
        })
        .collect();
    let languages = cv
        .languages
        .iter()
        .map(|l| scout_model::talent::Language {
            name: Some(l.name.clone()),
            proficiency: l.level.clone(),
        })
        .collect();
    scout_model::Talent {
        id: id.to_owned(),
        firstname: first,
        lastname: last,
        city,
        country,
        job_title: cv
            .title
            .clone()
            .or_else(|| cv.experiences.first().map(|e| e.title.clone())),
        summary: cv.summary.clone(),
        linkedin_url: cv.links.iter().find(|l| l.contains("linkedin")).cloned(),
        experiences,
        educations,
        skills: cv.skills.clone(),
        languages,
        ..Default::default()
    }
}
