//! What `scout demo` makes of the `demo` workspace so that a newcomer meets
//! a living product: a person to sign in as (a fresh random password each
//! run, printed once), and — the first time — a search history, sourcing
//! projects whose candidates stand at several stages with ratings and a
//! note, a list, and leads from CVs rendered from demo profiles. Everything
//! goes through the operations the web app and the API use.

use std::collections::HashSet;

use scout_ingest::cv::render::{self, CvPerson, Layout};
use scout_store::{ArchiveFilter, NewPerson, Person, Role};
use serde_json::json;

use crate::auth::Actor;
use crate::AppState;

/// The demo workspace.
pub const WORKSPACE: &str = "demo";
/// The demo person's e-mail.
pub const EMAIL: &str = "demo@scout.local";

/// How to sign in to the demo.
pub struct DemoSignIn {
    /// The e-mail to sign in with.
    pub email: String,
    /// The password, shown once.
    pub password: String,
    /// Whether the demo content was made now (it is made once).
    pub filled: bool,
}

/// Why the demo could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The store failed.
    #[error("the store failed: {0}")]
    Store(#[from] scout_store::StoreError),
    /// A step of filling the workspace failed.
    #[error("{0}")]
    Step(String),
}

fn step(e: impl std::fmt::Display) -> DemoError {
    DemoError::Step(e.to_string())
}

/// Searches the demo person has run (their history).
const HISTORY: [&str; 4] = [
    "software engineers in London",
    "data scientists with Python and machine learning",
    "nurses in Paris",
    "sales managers with 5+ years of experience",
];

/// The projects: a title, where, and requirements written as a prompt.
const PROJECTS: [(&str, &str, &str); 3] = [
    (
        "Backend Engineer",
        "London",
        "backend engineer in London, Python or Java, 3+ years of experience",
    ),
    (
        "Data Scientist",
        "Remote",
        "data scientist with Python and machine learning",
    ),
    ("Registered Nurse", "Paris", "registered nurse in Paris"),
];

/// Where the first candidates of a project stand.
const STAGES: [&str; 10] = [
    "TO_BE_CONTACTED",
    "TO_BE_CONTACTED",
    "TO_BE_CONTACTED",
    "CONTACTED",
    "CONTACTED",
    "REPLIED",
    "INTERESTED",
    "SCREENING",
    "INTERVIEW",
    "OFFER",
];

fn random_password() -> Result<String, DemoError> {
    let mut bytes = [0u8; 12];
    getrandom::getrandom(&mut bytes).map_err(step)?;
    // letters and digits people can type: no 0/O, 1/l
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// A person of the `bench` workspace with a new password, for `scout bench
/// web` to sign in as.
pub async fn bench_person(state: &AppState) -> Result<DemoSignIn, DemoError> {
    person_with_new_password(state, "bench", "bench@scout.local", Role::Recruiter).await
}

async fn person_with_new_password(
    state: &AppState,
    workspace: &str,
    email: &str,
    role: Role,
) -> Result<DemoSignIn, DemoError> {
    let password = random_password()?;
    let hash = {
        let password = password.clone();
        tokio::task::spawn_blocking(move || super::password::hash_password(&password))
            .await
            .map_err(step)?
            .map_err(step)?
    };
    match state.store.person_by_email(email).await? {
        Some((person, _)) => {
            state.store.set_password(&person.user_id, &hash).await?;
        }
        None => {
            state
                .store
                .create_person(&NewPerson {
                    workspace: workspace.into(),
                    email: email.into(),
                    role,
                    password_hash: hash,
                })
                .await?;
        }
    }
    Ok(DemoSignIn {
        email: email.into(),
        password,
        filled: false,
    })
}

/// The demo person with a new password, and the demo content the first time.
pub async fn prepare(state: &AppState) -> Result<DemoSignIn, DemoError> {
    let mut sign_in = person_with_new_password(state, WORKSPACE, EMAIL, Role::Admin).await?;
    let person = state
        .store
        .person_by_email(EMAIL)
        .await?
        .map(|(p, _)| p)
        .ok_or(DemoError::Store(scout_store::StoreError::Gone("Person")))?;
    let (_, projects) = state
        .store
        .list_sourcings(&person.workspace_id, ArchiveFilter::All, 0, 1)
        .await?;
    sign_in.filled = projects == 0;
    if sign_in.filled {
        fill(state, &person).await?;
    }
    Ok(sign_in)
}

async fn fill(state: &AppState, person: &Person) -> Result<(), DemoError> {
    let actor = Actor::from(person);
    let mut first_results = Vec::new();
    for prompt in HISTORY {
        let (filters, _) = super::search::read(state, &person.workspace_id, prompt)
            .await
            .map_err(step)?;
        let (ranked, _) = super::search::remembered_search(state, person, prompt, &filters)
            .await
            .map_err(step)?;
        if first_results.is_empty() {
            first_results = ranked.ids;
        }
    }
    let mut first_project = None;
    for (title, location, wanted) in PROJECTS {
        let (filters, _) = super::search::read(state, &person.workspace_id, wanted)
            .await
            .map_err(step)?;
        let requirements: Vec<_> = filters
            .iter()
            .map(scout_query::search_request::filter_to_json)
            .collect();
        let body = json!({"title": title, "location": location, "requirements": requirements,
            "description": format!("Demo project: {wanted}.")});
        let project = crate::sourcings::create_sourcing(state, &actor, &body)
            .await
            .map_err(|e| step(e.message))?;
        // the best matches; with the job title alone when few meet them all
        let mut hits = crate::talents::run_search(
            state,
            Some(&actor.workspace_id),
            &filters,
            HashSet::new(),
            12,
            "demo",
        )
        .await
        .map_err(|e| step(e.message))?;
        if hits.hits.len() < 6 && !filters.is_empty() {
            hits = crate::talents::run_search(
                state,
                Some(&actor.workspace_id),
                &filters[..1],
                HashSet::new(),
                12,
                "demo",
            )
            .await
            .map_err(|e| step(e.message))?;
        }
        let ids: Vec<String> = hits.hits.iter().map(|h| h.id.clone()).collect();
        if ids.is_empty() {
            continue;
        }
        let (_, added) =
            crate::pipeline::add_candidates(state, &actor, &project.id, &json!({"talentIds": ids}))
                .await
                .map_err(|e| step(e.message))?;
        let candidates: Vec<String> = added["candidates"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["id"].as_str().map(str::to_owned))
            .collect();
        for (i, (candidate, stage)) in candidates.iter().zip(STAGES).enumerate() {
            let mut change = json!({"statusHandle": stage});
            if i % 3 == 0 {
                change["userRating"] = json!(5 - (i / 3) as i64 % 3);
            }
            crate::pipeline::change_candidate(state, &actor, (&project.id, candidate), &change)
                .await
                .map_err(|e| step(e.message))?;
        }
        if let Some(c) = candidates.get(8) {
            let note = json!({"text": "Strong interview; wants to start within two months. Check references."});
            crate::pipeline::add_note(state, &actor, (&project.id, c), &note)
                .await
                .map_err(|e| step(e.message))?;
        }
        first_project.get_or_insert(project.id);
    }
    if !first_results.is_empty() {
        let shortlist: Vec<&String> = first_results.iter().take(8).collect();
        let body = json!({"name": "London engineers to call", "talentIds": shortlist});
        crate::pools::create_pool(state, &actor, &body)
            .await
            .map_err(|e| step(e.message))?;
    }
    // leads: CVs rendered from three demo profiles, in three formats
    let profiles = state
        .store
        .get_profiles(
            Some(&actor.workspace_id),
            &first_results
                .iter()
                .skip(8)
                .take(3)
                .cloned()
                .collect::<Vec<_>>(),
        )
        .await?;
    let mut files = Vec::new();
    for (n, p) in profiles.into_iter().enumerate() {
        let cv = CvPerson::from_talent(p.talent, n as u64);
        let stem = cv.email.split('@').next().unwrap_or("cv").replace('.', "-");
        let (name, bytes) = match n {
            0 => (
                format!("{stem}.pdf"),
                render::pdf(&cv, Layout::Classic).map_err(step)?,
            ),
            1 => (
                format!("{stem}.docx"),
                render::docx(&cv, Layout::Sidebar).map_err(step)?,
            ),
            _ => (
                format!("{stem}.txt"),
                render::text(&cv, Layout::Compact).into_bytes(),
            ),
        };
        files.push(crate::leads::Upload { name, bytes });
    }
    if !files.is_empty() {
        crate::leads::take_in(state, &actor, files, first_project)
            .await
            .map_err(|e| step(e.message))?;
    }
    Ok(())
}
