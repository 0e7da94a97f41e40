//! Turning talents and applicants into pipeline candidates: the snapshot a
//! candidate carries of its profile, its fit against the job (scored by the
//! engine), and the refresh that keeps both current when a profile or a
//! job's requirements change.

use scout_engine::{Engine, EngineError, FitSubject, JobSpec, ProfileFacts};
use scout_model::{FitAssessment, Talent};
use scout_query::Filter;
use scout_store::{Candidate, CandidateProfile, CandidateRefresh, Sourcing, Store};

use crate::sync::SyncError;

/// Candidates refreshed per round.
const REFRESH_BATCH: i64 = 2_000;

/// What a candidate shows of a talent profile.
pub fn snapshot(talent: &Talent) -> CandidateProfile {
    let facts = ProfileFacts::derive(talent, &Default::default());
    let months = facts.experience.months_at(scout_engine::current_month());
    let current = talent.current_experiences().next();
    let mut extra = String::new();
    for s in talent.headline.iter().chain(&talent.skills) {
        extra.push_str(s);
        extra.push(' ');
    }
    CandidateProfile {
        firstname: talent.firstname.clone(),
        lastname: talent.lastname.clone(),
        linkedin_url: talent.linkedin_url.clone(),
        photo_url: talent.photo_url.clone(),
        city: talent.city.clone(),
        job_title: talent
            .job_title
            .clone()
            .or_else(|| current.and_then(|e| e.title.clone())),
        company_name: talent
            .current_organization
            .as_ref()
            .and_then(|o| o.name.clone())
            .or_else(|| current.and_then(|e| e.organization_name.clone())),
        experience_years: (months > 0).then(|| (months as f64 / 12.0 * 10.0).round() / 10.0),
        extra_text: extra,
        ..Default::default()
    }
}

/// What is known of a candidate outside the index, as a profile the fit
/// scorer can read (names, city, current title and company).
pub fn profile_of_entered(p: &CandidateProfile) -> Talent {
    Talent {
        id: "entered".into(),
        firstname: p.firstname.clone(),
        lastname: p.lastname.clone(),
        city: p.city.clone(),
        job_title: p.job_title.clone(),
        current_organization: p
            .company_name
            .as_ref()
            .map(|c| scout_model::CurrentOrganization {
                id: None,
                name: Some(c.clone()),
                logo_url: None,
            }),
        ..Default::default()
    }
}

/// The job a sourcing describes, for the fit scorer. Requirements were
/// validated when saved; any that no longer parse are skipped.
pub fn job_spec(sourcing: &Sourcing) -> JobSpec {
    let requirements: Vec<Filter> =
        scout_query::parse_filter_list(&sourcing.requirements, Vec::new()).unwrap_or_default();
    JobSpec {
        requirements,
        location: sourcing.location.clone(),
    }
}

/// Scores profiles against a sourcing: `(talent, stated years)` pairs.
pub fn assess(
    engine: &Engine,
    sourcing: &Sourcing,
    subjects: &[(&Talent, Option<f64>)],
) -> Result<Vec<FitAssessment>, EngineError> {
    let spec = job_spec(sourcing);
    let subjects: Vec<FitSubject<'_>> = subjects
        .iter()
        .map(|(talent, stated_years)| FitSubject {
            talent,
            stated_years: *stated_years,
        })
        .collect();
    engine.assess_fit(&spec, &subjects)
}

/// Held by [`refresh_stale`] for its whole run, so that runs in one process
/// never overlap, whoever starts them (the index follower when profiles
/// change, the server when a job's requirements change).
static REFRESHING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Recomputes the snapshot and fit of every stale candidate (see
/// [`Store::stale_candidates`]); returns how many were refreshed. A run
/// waits for one already going in this process to end.
pub async fn refresh_stale(store: &Store, engine: &Engine) -> Result<u64, SyncError> {
    let _one_at_a_time = REFRESHING.lock().await;
    let mut refreshed = 0u64;
    loop {
        let stale = store.stale_candidates(REFRESH_BATCH).await?;
        if stale.is_empty() {
            return Ok(refreshed);
        }
        let updates = refresh_batch(store, engine, &stale).await?;
        if updates.is_empty() {
            return Ok(refreshed);
        }
        refreshed += updates.len() as u64;
        store.refresh_candidates(&updates).await?;
        if (stale.len() as i64) < REFRESH_BATCH {
            return Ok(refreshed);
        }
    }
}

async fn refresh_batch(
    store: &Store,
    engine: &Engine,
    stale: &[Candidate],
) -> Result<Vec<CandidateRefresh>, SyncError> {
    let mut by_sourcing: std::collections::BTreeMap<&str, Vec<&Candidate>> = Default::default();
    for c in stale {
        by_sourcing
            .entry(c.sourcing_id.as_str())
            .or_default()
            .push(c);
    }
    let mut updates = Vec::with_capacity(stale.len());
    for (sourcing_id, candidates) in by_sourcing {
        let Some(sourcing) = store.sourcing_by_id(sourcing_id).await? else {
            continue;
        };
        let talent_ids: Vec<String> = candidates
            .iter()
            .filter_map(|c| c.talent_id.clone())
            .collect();
        let profiles: std::collections::HashMap<String, scout_store::StoredProfile> = store
            .get_profiles(Some(&sourcing.workspace_id), &talent_ids)
            .await?
            .into_iter()
            .map(|p| (p.talent.id.clone(), p))
            .collect();
        let mut talents: Vec<Talent> = Vec::with_capacity(candidates.len());
        let mut snapshots: Vec<Option<(CandidateProfile, i64)>> = Vec::new();
        for c in &candidates {
            match c.talent_id.as_ref().and_then(|t| profiles.get(t)) {
                Some(stored) => {
                    let mut snap = snapshot(&stored.talent);
                    // What was entered by hand stays.
                    snap.email = c.profile.email.clone();
                    snap.phone = c.profile.phone.clone();
                    snap.cv_url = c.profile.cv_url.clone();
                    snap.nationality = c.profile.nationality.clone();
                    talents.push(stored.talent.clone());
                    snapshots.push(Some((snap, stored.seq)));
                }
                None => {
                    talents.push(profile_of_entered(&c.profile));
                    snapshots.push(None);
                }
            }
        }
        let subjects: Vec<(&Talent, Option<f64>)> = talents
            .iter()
            .zip(&candidates)
            .map(|(t, c)| (t, c.stated_years))
            .collect();
        let fits = assess(engine, &sourcing, &subjects)?;
        for ((c, fit), profile) in candidates.iter().zip(fits).zip(snapshots) {
            updates.push(CandidateRefresh {
                id: c.id.clone(),
                profile,
                source: c.source.clone(),
                fit,
                version: sourcing.requirements_version,
            });
        }
    }
    Ok(updates)
}

#[cfg(test)]
mod one_at_a_time {
    use super::*;

    #[tokio::test]
    async fn a_refresh_waits_for_the_one_running() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db").to_string_lossy())
            .await
            .unwrap();
        let engine = std::sync::Arc::new(Engine::in_memory());
        let running = REFRESHING.lock().await;
        let waiting = tokio::spawn({
            let (store, engine) = (store.clone(), engine.clone());
            async move { refresh_stale(&store, &engine).await }
        });
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        assert!(!waiting.is_finished(), "a second run waits for the first");
        drop(running);
        assert_eq!(waiting.await.unwrap().unwrap(), 0);
    }
}
