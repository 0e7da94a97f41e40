//! Plain-language prompts → documented search filters, each with the span of
//! the prompt it came from, a confidence and the rule that read it.
//!
//! The reader is deterministic and offline: it knows the bundled taxonomies
//! (titles and their synonyms, skills, places, languages, industries) and
//! the phrase lists of `lexicon.rs`. It works in three steps:
//!
//! 1. **Tokens and clauses** (`tokens.rs`): words with byte offsets; commas,
//!    semicolons, brackets, sentence ends and "but" end a clause.
//! 2. **Modes**: in each clause, an exclusion word ("not", "no", "excluding",
//!    "sans", "sin", "ohne"…) makes what follows it excluded; a leading wish
//!    ("ideally", "bonus", "nice to have", "idéalement"…) makes what follows
//!    it optional, and a trailing one ("… is a plus", "… preferred", "… un
//!    plus") what precedes it back to "with"/"and" or the clause start.
//!    Everything else is required.
//! 3. **Readers**, in a fixed order, each claiming the words it reads so no
//!    word is read twice: boolean strings (`crate::boolean`), remote, radius + place, years, company sizes,
//!    schools by their names, employers, schools after a cue, certifications, languages, freelance, job titles,
//!    degrees, places after a cue, industries, skills, other places,
//!    seniority words, and finally every word left over (minus filler) as an
//!    optional `KEYWORD`. The order puts the most specific patterns first.
//! 4. **Choices**: a choice between values of a type the search ANDs
//!    ("Go or Rust", "French or German") is made optional
//!    (`readers::modes`, `Reader::alternatives`).
//!
//! Two readings are deliberate and documented in `docs/prompt-search.md`:
//! a seniority word ("senior", "junior") also adds the experience it
//! suggests as *optional* `YEARS_OF_EXPERIENCE` filters (it raises the rank,
//! it never removes anybody), and "remote OK" turns the places of the prompt
//! into optional filters.

pub mod confidence;
pub mod evaluation;
pub mod lexicon;
mod readers;
pub mod spelling;
pub mod tokens;

use scout_model::FilterType;
use serde::Serialize;
use serde_json::{json, Value};

use crate::filter::Filter;
use crate::search_request::{filter_to_json, MAX_FILTERS};

pub use tokens::{tokenize, Token};

/// Longest prompt accepted, in characters.
pub const MAX_PROMPT_CHARS: usize = 2000;

/// Which parser read a prompt (returned with every interpretation).
pub const PARSER_NAME: &str = "scout-rules-v1";

/// How a word of the prompt counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Must match.
    Required,
    /// Raises the rank.
    Optional,
    /// Must not match.
    Excluded,
}

/// One filter read from a prompt, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFilter {
    /// The filter, as a search would run it.
    pub filter: Filter,
    /// Byte offset of the first character of the span it was read from.
    pub start: usize,
    /// Byte offset after the span.
    pub end: usize,
    /// The words of the span, as typed.
    pub text: String,
    /// How sure the reader is, 0–1 (fixed per rule, documented).
    pub confidence: f32,
    /// Which rule read it, for people.
    pub reason: String,
}

/// A span of the prompt with a note, for readings that are not filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the span.
    pub end: usize,
    /// The words, as typed.
    pub text: String,
    /// What was understood.
    pub reason: String,
}

/// Everything read from one prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct Intent {
    /// The prompt as given.
    pub prompt: String,
    /// The filters, in the order of the prompt.
    pub filters: Vec<ReadFilter>,
    /// Where the prompt asked for remote work, if it did.
    pub remote: Option<Note>,
    /// Words read but not turned into filters (markers, filler dropped, limits).
    pub notes: Vec<Note>,
}

impl Intent {
    /// Characters (Unicode scalar values) before byte offset `byte`: spans
    /// are reported in characters, the unit people and most clients count in.
    pub fn chars_before(&self, byte: usize) -> usize {
        self.prompt
            .get(..byte.min(self.prompt.len()))
            .map_or(0, |s| s.chars().count())
    }

    /// The notes with character spans.
    pub fn notes_json(&self) -> Vec<Value> {
        self.notes
            .iter()
            .map(|n| json!({"span": {"start": self.chars_before(n.start), "end": self.chars_before(n.end)}, "text": n.text, "reason": n.reason}))
            .collect()
    }

    /// The filters alone.
    pub fn plain_filters(&self) -> Vec<Filter> {
        self.filters.iter().map(|r| r.filter.clone()).collect()
    }

    /// The documented filter objects, ready for `POST /v1/search/talents`.
    pub fn filters_json(&self) -> Vec<Value> {
        self.filters
            .iter()
            .map(|r| filter_to_json(&r.filter))
            .collect()
    }

    /// One explanation per filter, in the same order: span, text, confidence, reason.
    pub fn explanations_json(&self) -> Vec<Value> {
        self.filters
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "filterIndex": i,
                    "filterType": filter_type(&r.filter).as_str(),
                    "span": {"start": self.chars_before(r.start), "end": self.chars_before(r.end)},
                    "text": r.text,
                    "confidence": (f64::from(r.confidence) * 100.0).round() / 100.0,
                    "reason": r.reason,
                })
            })
            .collect()
    }
}

/// The documented type of a filter.
pub fn filter_type(f: &Filter) -> FilterType {
    use crate::filter::Criterion as C;
    match &f.criterion {
        C::JobTitle { .. } => FilterType::JobTitle,
        C::Location { .. } => FilterType::Location,
        C::YearsOfExperience(_) => FilterType::YearsOfExperience,
        C::DurationInJob(_) => FilterType::DurationInJob,
        C::Skill(_) => FilterType::Skill,
        C::Keyword(_) | C::Boolean(_) => FilterType::Keyword,
        C::Language(_) => FilterType::Language,
        C::LanguageProficiency { .. } => FilterType::LanguageProficiency,
        C::CompanyName { .. } => FilterType::CompanyName,
        C::CompanySize { .. } => FilterType::CompanySize,
        C::CompanyIndustry { .. } => FilterType::CompanyIndustry,
        C::EducationDegree(_) => FilterType::EducationDegree,
        C::EducationSchoolName(_) => FilterType::EducationSchoolName,
        C::CertificationName(_) => FilterType::CertificationName,
        C::Freelance => FilterType::Seniority,
        C::GraduationYear(_) => FilterType::GraduationYear,
    }
}

/// Why a prompt cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PromptError {
    /// Nothing but white space.
    #[error("The prompt is empty")]
    Empty,
    /// Longer than [`MAX_PROMPT_CHARS`].
    #[error("The prompt is longer than {MAX_PROMPT_CHARS} characters")]
    TooLong,
}

/// What the asker's own data knows about the names in a prompt. The rules
/// know no company that no cue introduces ("case managers, Aetna or
/// Humana"); the data a workspace searches does: its profiles' employers
/// and the organizations it holds. Implementations must answer from the
/// asker's view only (the shared pool and their workspace's own profiles),
/// so that no workspace's data changes how another's prompt is read.
pub trait KnownNames {
    /// Whether `name`, as typed, is an employer the asker's data knows.
    fn is_employer(&self, name: &str) -> bool;
}

/// Knows no name: the rules alone (evaluation, tests, the CLI).
pub struct NoKnownNames;

impl KnownNames for NoKnownNames {
    fn is_employer(&self, _name: &str) -> bool {
        false
    }
}

/// Reads `prompt` into filters with the rules alone. The result may hold no
/// filter at all (a prompt of filler words); callers decide whether that is
/// an error.
pub fn read_prompt(prompt: &str) -> Result<Intent, PromptError> {
    read_prompt_knowing(prompt, &NoKnownNames)
}

/// Reads `prompt` into filters, asking `known` about capitalised names no
/// rule read (see [`KnownNames`]).
pub fn read_prompt_knowing(prompt: &str, known: &dyn KnownNames) -> Result<Intent, PromptError> {
    if prompt.trim().is_empty() {
        return Err(PromptError::Empty);
    }
    if prompt.chars().count() > MAX_PROMPT_CHARS {
        return Err(PromptError::TooLong);
    }
    let tokens = tokenize(prompt);
    // (a word the searched data knows as an employer is no typo: "humana")
    let fixes: Vec<_> = spelling::corrections(prompt, &tokens)
        .into_iter()
        .filter(|f| !known.is_employer(&f.typed))
        .collect();
    let mut intent = if fixes.is_empty() {
        readers::Reader::new(prompt, &tokens, known).read()
    } else {
        let corrected = spelling::corrected(prompt, &fixes);
        let corrected_tokens = tokenize(&corrected);
        let read = readers::Reader::new(&corrected, &corrected_tokens, known).read();
        spelling::restore(read, prompt, &fixes)
    };
    if intent.filters.len() > MAX_FILTERS {
        let dropped = intent.filters.split_off(MAX_FILTERS);
        if let (Some(first), Some(last)) = (dropped.first(), dropped.last()) {
            intent.notes.push(Note {
                start: first.start,
                end: last.end,
                text: prompt[first.start..last.end].to_owned(),
                reason: format!(
                    "a search holds at most {MAX_FILTERS} filters: {} more were not kept",
                    dropped.len()
                ),
            });
        }
    }
    Ok(intent)
}

#[cfg(test)]
mod tests;
