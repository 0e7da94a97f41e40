//! Candidates follow their profiles: when a profile changes, the refresh
//! re-snapshots and re-scores every candidate showing it.

use scout_engine::Engine;
use scout_ingest::candidates::{refresh_stale, snapshot};
use scout_model::{CandidateType, Decision, Stage, Talent};
use scout_store::{CandidateQuery, CandidateSort, NewCandidate, NewKey, NewSourcing, Store};

fn talent(title: &str) -> Talent {
    serde_json::from_value(serde_json::json!({
        "id": "t1", "firstname": "Ada", "lastname": "Lovelace", "jobTitle": title,
        "city": "Paris", "country": "France", "skills": ["Rust"]
    }))
    .unwrap()
}

#[tokio::test]
async fn a_changed_profile_is_re_snapshotted_and_re_scored() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s.db").to_string_lossy())
        .await
        .unwrap();
    let engine = Engine::in_memory();
    store
        .upsert_profiles(&[talent("Nurse")], "t", None)
        .await
        .unwrap();
    let (_, key) = store
        .create_key(&NewKey {
            workspace: "acme".into(),
            user: "ada".into(),
            is_admin: false,
            scopes: vec![],
            per_minute: 1,
            per_day: 1,
        })
        .await
        .unwrap();
    let sourcing = store
        .create_sourcing(
            &key.workspace_id,
            &NewSourcing {
                title: "Engineer".into(),
                requirements: serde_json::json!([{"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true}]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let stored = store
        .get_profiles(None, &["t1".into()])
        .await
        .unwrap()
        .remove(0);
    store
        .add_candidates(
            &sourcing.id,
            None,
            &[NewCandidate {
                talent_id: Some("t1".into()),
                kind: CandidateType::Prospect,
                stage: Stage::ToBeContacted,
                profile: snapshot(&stored.talent),
                source: None,
                salary_expectation: None,
                stated_years: None,
                profile_seq: Some(stored.seq),
                fit: None,
            }],
        )
        .await
        .unwrap();
    assert_eq!(
        refresh_stale(&store, &engine).await.unwrap(),
        1,
        "never scored"
    );
    assert_eq!(
        refresh_stale(&store, &engine).await.unwrap(),
        0,
        "nothing stale"
    );
    let query = CandidateQuery {
        sourcing_id: sourcing.id.clone(),
        stages: vec![],
        text: None,
        locations: vec![],
        job_titles: vec![],
        companies: vec![],
        sort: CandidateSort::CreatedAt,
        descending: false,
        offset: 0,
        limit: 10,
    };
    let before = store.list_candidates(&query).await.unwrap().0.remove(0);
    assert_eq!(before.fit.unwrap().0.decision, Decision::Reject);

    store
        .upsert_profiles(&[talent("Senior Software Engineer")], "t", None)
        .await
        .unwrap();
    assert_eq!(refresh_stale(&store, &engine).await.unwrap(), 1);
    let after = store.list_candidates(&query).await.unwrap().0.remove(0);
    assert_eq!(
        after.profile.job_title.as_deref(),
        Some("Senior Software Engineer")
    );
    let (fit, version) = after.fit.unwrap();
    assert_eq!((fit.match_percentage, version), (100, 1));
    let by_title = CandidateQuery {
        text: Some("senior".into()),
        ..query
    };
    assert_eq!(
        store.list_candidates(&by_title).await.unwrap().1,
        1,
        "searchable by the new title"
    );
}
