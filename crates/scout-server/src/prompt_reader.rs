//! Reading prompts into intents, behind one interface: Scout's deterministic
//! rules (the default, offline), or an OpenAI-compatible chat model that
//! refines the rules' reading. The model is given the prompt and the rules'
//! filters and answers with the documented filter objects; its answer is
//! validated exactly as a `POST /v1/search/talents` body would be. Whatever
//! goes wrong with it (unreachable, slow, malformed or invalid answer), the
//! rules' reading is used and a note says why, so a search never fails
//! because of the model.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use scout_engine::Engine;
use scout_query::parse_search_request;
use scout_query::prompt::{
    read_prompt, read_prompt_knowing, Intent, KnownNames, Note, PromptError, ReadFilter,
    PARSER_NAME,
};
use scout_query::search_request::filter_to_json;
use serde_json::{json, Value};

/// How to reach a chat model.
#[derive(Debug, Clone)]
pub struct ModelSettings {
    /// The API's base URL, e.g. `http://localhost:11434/v1`; `/chat/completions` is appended.
    pub url: String,
    /// The model's name.
    pub model: String,
    /// Sent as `Authorization: Bearer …` when set.
    pub api_key: Option<String>,
    /// Longest wait for an answer before the rules' reading is used.
    pub timeout: Duration,
}

/// Confidence given to a filter the model added (the rules' filters keep
/// their own, fixed per rule).
pub const MODEL_CONFIDENCE: f32 = 0.6;

/// Reads prompts.
#[derive(Clone)]
pub enum PromptReader {
    /// Scout's rules alone.
    Rules,
    /// A chat model refining the rules' reading.
    Model {
        /// Where and which.
        settings: ModelSettings,
        /// Reused connections.
        client: reqwest::Client,
    },
}

impl PromptReader {
    /// A reader over `settings`, or the rules when none.
    pub fn new(settings: Option<ModelSettings>) -> PromptReader {
        match settings {
            None => PromptReader::Rules,
            Some(settings) => PromptReader::Model {
                client: reqwest::Client::builder()
                    .timeout(settings.timeout)
                    .build()
                    .unwrap_or_default(),
                settings,
            },
        }
    }

    /// Reads `prompt` for `workspace` — the rules ask the index which of the
    /// prompt's names are employers in that workspace's view of the data —
    /// and returns the intent and the name of what read it.
    pub async fn read(
        &self,
        prompt: &str,
        engine: &Arc<Engine>,
        workspace: &str,
    ) -> Result<(Intent, String), PromptError> {
        let names = SearchedNames::new(engine.clone(), workspace);
        let text = prompt.to_owned();
        // the reading asks the index: off the async runtime's threads
        let rules =
            match tokio::task::spawn_blocking(move || read_prompt_knowing(&text, &names)).await {
                Ok(read) => read?,
                Err(e) => {
                    tracing::error!(error = %e, "reading a prompt failed; the rules alone read it");
                    read_prompt(prompt)?
                }
            };
        let PromptReader::Model { settings, client } = self else {
            return Ok((rules, PARSER_NAME.to_owned()));
        };
        match ask_model(settings, client, &rules).await {
            Ok(intent) => Ok((intent, format!("{PARSER_NAME}+model:{}", settings.model))),
            Err(why) => {
                tracing::warn!(model = %settings.model, reason = %why, "prompt model unavailable; using the rules");
                let mut intent = rules;
                intent.notes.push(Note {
                    start: 0,
                    end: 0,
                    text: String::new(),
                    reason: format!("the model could not refine this reading ({why}); the rules' reading is used"),
                });
                Ok((intent, PARSER_NAME.to_owned()))
            }
        }
    }
}

/// The employers the index knows in one workspace's view (the shared pool
/// and its own profiles, and the organizations), asked once per name.
struct SearchedNames {
    engine: Arc<Engine>,
    workspace: String,
    asked: RefCell<HashMap<String, bool>>,
}

impl SearchedNames {
    fn new(engine: Arc<Engine>, workspace: &str) -> SearchedNames {
        SearchedNames {
            engine,
            workspace: workspace.to_owned(),
            asked: RefCell::new(HashMap::new()),
        }
    }
}

impl KnownNames for SearchedNames {
    fn is_employer(&self, name: &str) -> bool {
        if let Some(known) = self.asked.borrow().get(name) {
            return *known;
        }
        let known = self
            .engine
            .knows_employer(name, Some(&self.workspace))
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "could not ask the index about a name");
                false
            });
        self.asked.borrow_mut().insert(name.to_owned(), known);
        known
    }
}

const INSTRUCTIONS: &str = "You turn a recruiter's request into talent search filters. \
Answer with one JSON object {\"filters\": [...]} and nothing else. Each filter is \
{\"filterType\": T, \"value\": V, \"isRequired\": bool, \"isExcluded\": bool, \"isExactMatch\": bool} \
plus \"history\" (CURRENT, PAST or CURRENT_OR_PAST) for JOB_TITLE, COMPANY_NAME, COMPANY_SIZE and \
COMPANY_INDUSTRY, and \"radiusKm\" for LOCATION. T is one of JOB_TITLE, LOCATION, \
YEARS_OF_EXPERIENCE (V like \"3-5\", \"5-10\", \"10+\"), DURATION_IN_JOB, SKILL, KEYWORD, LANGUAGE, \
LANGUAGE_PROFICIENCY (V like \"french:professional_working\"), COMPANY_NAME, COMPANY_SIZE \
(1-10, 11-50, 51-200, 201-500, 501-1000, 1001-5000, 5001-10000, 10001+), COMPANY_INDUSTRY, \
SENIORITY, EDUCATION_DEGREE, EDUCATION_SCHOOL_NAME, CERTIFICATION_NAME, GRADUATION_YEAR, \
FIELD_OF_STUDY. Wishes (\"ideally\", \"bonus\", \"nice to have\") are isRequired false. \
You are given a reading by rules: keep what is right, correct what is wrong, add what is missing.";

/// Asks the model; the refined intent, or why it cannot be used.
async fn ask_model(
    settings: &ModelSettings,
    client: &reqwest::Client,
    rules: &Intent,
) -> Result<Intent, String> {
    let body = json!({
        "model": settings.model,
        "temperature": 0,
        "response_format": {"type": "json_object"},
        "messages": [
            {"role": "system", "content": INSTRUCTIONS},
            {"role": "user", "content": json!({
                "request": rules.prompt,
                "rulesReading": {"filters": rules.filters_json()},
            }).to_string()},
        ],
    });
    let url = format!("{}/chat/completions", settings.url.trim_end_matches('/'));
    let mut request = client.post(&url).json(&body);
    if let Some(key) = &settings.api_key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.map_err(|e| {
        if e.is_timeout() {
            format!("no answer within {} ms", settings.timeout.as_millis())
        } else {
            format!("cannot reach {url}")
        }
    })?;
    if !response.status().is_success() {
        return Err(format!(
            "the model answered HTTP {}",
            response.status().as_u16()
        ));
    }
    let answer: Value = response
        .json()
        .await
        .map_err(|_| "the model's answer is not JSON".to_owned())?;
    let content = answer["choices"][0]["message"]["content"]
        .as_str()
        .ok_or("the model's answer has no message content")?;
    refine(rules, content)
}

/// The rules' intent refined by the model's `content` (a JSON object with
/// `filters`), validated as a search body.
pub fn refine(rules: &Intent, content: &str) -> Result<Intent, String> {
    let text = content
        .trim()
        .trim_start_matches("```json")
        .trim_start_matches("```")
        .trim_end_matches("```");
    let value: Value = serde_json::from_str(text)
        .map_err(|_| "the model's message is not a JSON object".to_owned())?;
    let filters = value
        .get("filters")
        .cloned()
        .ok_or("the model's message has no filters")?;
    let request = parse_search_request(&json!({ "filters": filters }))
        .map_err(|_| "the model proposed filters that are not valid".to_owned())?;
    if request.filters.is_empty() {
        return Err("the model proposed no filters".into());
    }
    let folded_prompt = rules.prompt.to_lowercase();
    let read = request
        .filters
        .into_iter()
        .map(|filter| {
            if let Some(same) = rules.filters.iter().find(|r| r.filter == filter) {
                return same.clone();
            }
            // where the model's value appears in the prompt, if it does
            let value = filter_to_json(&filter)["value"]
                .as_str()
                .unwrap_or_default()
                .to_lowercase();
            let (start, end) = match folded_prompt.find(&value).filter(|_| !value.is_empty()) {
                Some(at)
                    if rules.prompt.is_char_boundary(at)
                        && rules.prompt.is_char_boundary(at + value.len()) =>
                {
                    (at, at + value.len())
                }
                _ => (0, 0),
            };
            ReadFilter {
                text: rules.prompt.get(start..end).unwrap_or_default().to_owned(),
                filter,
                start,
                end,
                confidence: MODEL_CONFIDENCE,
                reason: "read by the model".into(),
            }
        })
        .collect();
    Ok(Intent {
        prompt: rules.prompt.clone(),
        filters: read,
        remote: rules.remote.clone(),
        notes: rules.notes.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_answer_keeps_the_rules_spans_and_adds_its_own() {
        let rules =
            read_prompt("nurse in Paris with patient care").unwrap_or_else(|e| panic!("{e}"));
        let mut filters = rules.filters_json();
        filters.push(json!({"filterType": "SKILL", "value": "Patient Care", "isRequired": false, "isExcluded": false, "isExactMatch": false}));
        let content = json!({ "filters": filters }).to_string();
        let refined = refine(&rules, &content).unwrap_or_else(|e| panic!("{e}"));
        assert!(refined.filters.len() >= rules.filters.len());
        for r in &rules.filters {
            assert!(
                refined.filters.contains(r),
                "the rules' filter {r:?} was kept as it was"
            );
        }
    }

    #[test]
    fn invalid_model_answers_are_refused() {
        let rules = read_prompt("nurse in Paris").unwrap_or_else(|e| panic!("{e}"));
        assert!(refine(&rules, "not json").is_err());
        assert!(refine(
            &rules,
            "{\"filters\": [{\"filterType\": \"NOPE\", \"value\": \"x\"}]}"
        )
        .is_err());
        assert!(refine(&rules, "{\"filters\": []}").is_err());
        assert!(refine(&rules, "{}").is_err());
    }
}
