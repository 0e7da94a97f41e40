//! One conformance suite for the store, run against SQLite and PostgreSQL:
//! one test per case and back end. The PostgreSQL cases start their own
//! throwaway server (shared while they run) and fail, never skip, when they
//! cannot.

use scout_model::{CandidateType, Decision, FitAssessment, Stage};
use scout_model::{CurrentOrganization, Experience, Organization, Talent};
use scout_store::testing::PgServer;
use scout_store::{
    ArchiveFilter, CandidateChange, CandidateProfile, CandidateQuery, CandidateRefresh,
    CandidateSort, NewCandidate, NewKey, NewSourcing, SourcingChanges,
};
use scout_store::{ChangeKind, Store, UpsertOutcome};

fn talent(id: &str, title: &str, org: &str) -> Talent {
    Talent {
        id: id.into(),
        firstname: Some("Ada".into()),
        job_title: Some(title.into()),
        current_organization: Some(CurrentOrganization {
            id: Some(format!("org_{org}")),
            name: Some(org.into()),
            logo_url: None,
        }),
        experiences: vec![Experience {
            organization_name: Some(org.into()),
            title: Some(title.into()),
            is_current: true,
            ..Default::default()
        }],
        ..Default::default()
    }
}

async fn upserts_classify_and_number_changes(store: Store) {
    let a = talent("a", "Engineer", "Acme");
    let b = talent("b", "Nurse", "Clinic");
    let r = store
        .upsert_profiles(&[a.clone(), b.clone()], "one.jsonl", None)
        .await
        .unwrap();
    assert_eq!(
        r.outcomes,
        vec![UpsertOutcome::Inserted, UpsertOutcome::Inserted]
    );
    assert_eq!(r.last_seq, Some(2));
    // read once before the update, so that a reused read connection must
    // see the later write
    let before = store.get_profiles(None, &["a".into()]).await.unwrap();
    assert_eq!(before[0].talent, a);
    let mut a2 = a.clone();
    a2.job_title = Some("Senior Engineer".into());
    let r = store
        .upsert_profiles(&[a2.clone(), b.clone()], "two.jsonl", None)
        .await
        .unwrap();
    assert_eq!(
        r.outcomes,
        vec![UpsertOutcome::Updated, UpsertOutcome::Unchanged]
    );
    assert_eq!(r.last_seq, Some(3));
    assert_eq!(store.count_profiles().await.unwrap(), 2);
    let got = store
        .get_profiles(None, &["b".into(), "a".into(), "zz".into()])
        .await
        .unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].talent, b);
    assert_eq!(got[1].talent, a2);
    assert_eq!(got[1].source.as_deref(), Some("two.jsonl"));
    assert!(got[1].first_seen_at <= got[1].last_changed_at);
    assert_eq!(
        got[0].source.as_deref(),
        Some("one.jsonl"),
        "an unchanged profile keeps its provenance"
    );
}

async fn change_feed_follows_every_change_in_order(store: Store) {
    store
        .upsert_profiles(
            &[
                talent("a", "Engineer", "Acme"),
                talent("b", "Nurse", "Clinic"),
            ],
            "f",
            None,
        )
        .await
        .unwrap();
    store
        .upsert_profiles(&[talent("a", "Lead Engineer", "Acme")], "f", None)
        .await
        .unwrap();
    assert_eq!(
        store
            .delete_profiles(None, &["b".into(), "missing".into()])
            .await
            .unwrap(),
        1
    );
    let changes = store.changes_since(0, 100).await.unwrap();
    let seqs: Vec<i64> = changes.iter().map(|c| c.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    let last = changes.last().unwrap();
    assert_eq!((last.id.as_str(), last.doc.is_none()), ("b", true));
    assert!(changes
        .iter()
        .any(|c| c.id == "a" && c.doc.as_ref().unwrap()["jobTitle"] == "Lead Engineer"));
    assert!(store
        .changes_since(store.last_seq().await.unwrap(), 100)
        .await
        .unwrap()
        .is_empty());
    let paged = store.changes_since(0, 1).await.unwrap();
    assert_eq!(paged.len(), 1);
}

async fn organization_changes_renumber_dependent_profiles(store: Store) {
    store
        .upsert_profiles(
            &[
                talent("a", "Engineer", "Acme"),
                talent("b", "Nurse", "Clinic"),
            ],
            "f",
            None,
        )
        .await
        .unwrap();
    let before = store.last_seq().await.unwrap();
    let acme = Organization {
        id: "org_Acme".into(),
        name: "Acme".into(),
        industry: Some("software development".into()),
        ..Default::default()
    };
    let r = store
        .upsert_organizations(std::slice::from_ref(&acme), "orgs")
        .await
        .unwrap();
    assert_eq!(r.outcomes, vec![UpsertOutcome::Inserted]);
    let changes = store.changes_since(before, 100).await.unwrap();
    assert!(changes
        .iter()
        .any(|c| c.kind == ChangeKind::Organization && c.id == "org_Acme"));
    assert!(changes
        .iter()
        .any(|c| c.kind == ChangeKind::Profile && c.id == "a"));
    assert!(!changes.iter().any(|c| c.id == "b"));
    assert_eq!(store.all_organizations().await.unwrap(), vec![acme.clone()]);
    let again = store.upsert_organizations(&[acme], "orgs").await.unwrap();
    assert_eq!(again.outcomes, vec![UpsertOutcome::Unchanged]);
}

async fn large_batches_span_statements(store: Store) {
    let many: Vec<Talent> = (0..2500)
        .map(|i| talent(&format!("t{i:05}"), "Engineer", "Acme"))
        .collect();
    let r = store.upsert_profiles(&many, "big", None).await.unwrap();
    assert_eq!(r.count(UpsertOutcome::Inserted), 2500);
    assert_eq!(store.count_profiles().await.unwrap(), 2500);
    let mut seen = 0;
    let mut after = 0;
    loop {
        let page = store.changes_since(after, 700).await.unwrap();
        if page.is_empty() {
            break;
        }
        seen += page.len();
        after = page.last().unwrap().seq;
    }
    assert_eq!(seen, 2500);
    assert!(store.size_on_disk().await.unwrap() > 0);
}

async fn keys_are_hashed_scoped_and_revocable(store: Store) {
    let new = scout_store::NewKey {
        workspace: "acme".into(),
        user: "ada".into(),
        is_admin: false,
        scopes: vec!["talents:search".into()],
        per_minute: 10,
        per_day: 100,
    };
    let (key, record) = store.create_key(&new).await.unwrap();
    assert!(key.starts_with("sk_") && key.len() > 20);
    assert!(record.allows("talents:search") && !record.allows("sourcing:read"));
    let (key2, record2) = store.create_key(&new).await.unwrap();
    assert_ne!(key, key2);
    assert_eq!(
        record.workspace_id, record2.workspace_id,
        "the workspace is reused"
    );
    assert_eq!(record.user_id, record2.user_id, "the user is reused");
    assert_eq!(store.find_key(&key).await.unwrap().unwrap().id, record.id);
    assert!(store.find_key("sk_nope").await.unwrap().is_none());
    assert_eq!(store.list_keys(Some("acme")).await.unwrap().len(), 2);
    assert_eq!(store.list_keys(None).await.unwrap().len(), 2);
    assert_eq!(store.revoke_key(&record.prefix).await.unwrap(), 1);
    assert!(store
        .find_key(&key)
        .await
        .unwrap()
        .unwrap()
        .revoked_at
        .is_some());
    assert!(store
        .find_key(&key2)
        .await
        .unwrap()
        .unwrap()
        .revoked_at
        .is_none());
    assert_eq!(store.revoke_key(&record2.id).await.unwrap(), 1);
    // the whole key, as printed at creation, revokes it too
    let (key3, _) = store.create_key(&new).await.unwrap();
    assert_eq!(store.revoke_key(&key3).await.unwrap(), 1);
    assert!(store
        .find_key(&key3)
        .await
        .unwrap()
        .unwrap()
        .revoked_at
        .is_some());
}

async fn search_transactions_round_trip_per_workspace(store: Store) {
    let record = |id: &str, ws: &str, ids: &[&str]| scout_store::SearchTransaction {
        id: id.into(),
        workspace_id: ws.into(),
        created_at: 1_000,
        talent_ids: ids.iter().map(|s| (*s).to_owned()).collect(),
    };
    store
        .save_transactions(&[
            record("st_1", "ws_a", &["t1", "t2"]),
            record("st_2", "ws_b", &["t3"]),
        ])
        .await
        .unwrap();
    // a transaction recorded twice keeps its first record
    store
        .save_transactions(&[record("st_1", "ws_b", &["t9"])])
        .await
        .unwrap();
    let got = store
        .load_transactions("ws_a", &["st_1".into(), "st_2".into(), "st_x".into()])
        .await
        .unwrap();
    assert_eq!(
        got,
        vec![("st_1".to_owned(), vec!["t1".to_owned(), "t2".to_owned()])]
    );
    // retention: only those recorded before the bound go
    store
        .save_transactions(&[scout_store::SearchTransaction {
            created_at: 5_000,
            ..record("st_3", "ws_a", &["t4"])
        }])
        .await
        .unwrap();
    assert_eq!(store.prune_transactions(2_000).await.unwrap(), 2);
    let got = store
        .load_transactions("ws_a", &["st_1".into(), "st_3".into()])
        .await
        .unwrap();
    assert_eq!(got, vec![("st_3".to_owned(), vec!["t4".to_owned()])]);
}

async fn workspace(store: &Store, name: &str) -> String {
    let new = NewKey {
        workspace: name.into(),
        user: "ada".into(),
        is_admin: false,
        scopes: vec!["sourcing:read".into()],
        per_minute: 10,
        per_day: 10,
    };
    store.create_key(&new).await.unwrap().1.workspace_id
}

fn applicant(first: &str, city: &str, title: &str, company: &str) -> NewCandidate {
    NewCandidate {
        talent_id: None,
        kind: CandidateType::Applicant,
        stage: Stage::Applied,
        profile: CandidateProfile {
            firstname: Some(first.into()),
            lastname: Some("Test".into()),
            email: Some(format!("{}@example.com", first.to_lowercase())),
            city: Some(city.into()),
            job_title: Some(title.into()),
            company_name: Some(company.into()),
            ..Default::default()
        },
        source: Some("Referral".into()),
        salary_expectation: Some(50_000.0),
        stated_years: Some(3.0),
        profile_seq: None,
        fit: None,
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn fit(score: u8) -> FitAssessment {
    FitAssessment {
        score,
        match_percentage: score,
        decision: Decision::Consider,
        summary: "s".into(),
    }
}

async fn sourcings_belong_to_one_workspace(store: Store) {
    let acme = workspace(&store, "acme").await;
    let globex = workspace(&store, "globex").await;
    let new = NewSourcing {
        title: "Engineer".into(),
        requirements: serde_json::json!([{"filterType": "SKILL", "value": "Rust"}]),
        ..Default::default()
    };
    let s = store.create_sourcing(&acme, &new).await.unwrap();
    assert_eq!(s.requirements_version, 1);
    assert!(store.get_sourcing(&globex, &s.id).await.unwrap().is_none());
    assert!(store
        .update_sourcing(&globex, &s.id, &SourcingChanges::default())
        .await
        .unwrap()
        .is_none());
    assert!(!store.delete_sourcing(&globex, &s.id).await.unwrap());
    let changed = store
        .update_sourcing(
            &acme,
            &s.id,
            &SourcingChanges {
                requirements: Some(serde_json::json!([])),
                archived: Some(true),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(changed.requirements_version, 2);
    assert!(changed.archived_at.is_some());
    assert_eq!(
        store
            .list_sourcings(&acme, ArchiveFilter::Active, 0, 10)
            .await
            .unwrap()
            .1,
        0
    );
    assert_eq!(
        store
            .list_sourcings(&acme, ArchiveFilter::Archived, 0, 10)
            .await
            .unwrap()
            .1,
        1
    );
    assert_eq!(
        store
            .list_sourcings(&globex, ArchiveFilter::All, 0, 10)
            .await
            .unwrap()
            .1,
        0
    );
}

/// A write that races a delete of what it refers to answers "not found"
/// (the API's 404), never a database error.
async fn writes_to_a_deleted_sourcing_are_not_found(store: Store) {
    use scout_model::HasErrorCode;
    let ws = workspace(&store, "acme").await;
    let new = NewSourcing {
        title: "Engineer".into(),
        ..Default::default()
    };
    let s = store.create_sourcing(&ws, &new).await.unwrap();
    let added = store
        .add_candidates(
            &s.id,
            None,
            &[applicant("Ann", "Paris", "Engineer", "Acme")],
        )
        .await
        .unwrap();
    assert!(store.delete_sourcing(&ws, &s.id).await.unwrap());
    let late = store
        .add_candidates(
            &s.id,
            None,
            &[applicant("Bob", "Paris", "Engineer", "Acme")],
        )
        .await
        .unwrap_err();
    assert_eq!(
        late.error_code(),
        scout_model::ErrorCode::NotFound,
        "{late}"
    );
    assert!(store
        .get_candidate(&s.id, &added[0].id)
        .await
        .unwrap()
        .is_none());
}

/// People sign in with one e-mail per server; sessions are found by their
/// token's hash until they end or expire, and a new password ends them.
async fn people_and_their_sessions(store: Store) {
    use scout_store::{NewPerson, Role};
    let new = NewPerson {
        workspace: "acme".into(),
        email: " Ada@Example.com ".into(),
        role: Role::Recruiter,
        password_hash: "$argon2id$stand-in".into(),
    };
    let ada = store.create_person(&new).await.unwrap();
    // roles: the last admin stays admin; another workspace changes nothing
    let boss = store
        .create_person(&NewPerson {
            workspace: "acme".into(),
            email: "boss@example.com".into(),
            role: Role::Admin,
            password_hash: "$argon2id$stand-in".into(),
        })
        .await
        .unwrap();
    let people = store.people_in(&ada.workspace_id).await.unwrap();
    assert_eq!(
        people.iter().map(|p| p.email.as_str()).collect::<Vec<_>>(),
        ["ada@example.com", "boss@example.com"]
    );
    assert!(matches!(
        store
            .set_role(&boss.workspace_id, &boss.user_id, Role::Viewer)
            .await,
        Err(scout_store::StoreError::Refused(_))
    ));
    assert!(!store
        .set_role("ws_other", &ada.user_id, Role::Admin)
        .await
        .unwrap());
    assert!(store
        .set_role(&ada.workspace_id, &ada.user_id, Role::Admin)
        .await
        .unwrap());
    assert!(store
        .set_role(&boss.workspace_id, &boss.user_id, Role::Viewer)
        .await
        .unwrap());
    assert!(store
        .set_role(&ada.workspace_id, &ada.user_id, Role::Recruiter)
        .await
        .is_err());
    store
        .set_role(&boss.workspace_id, &boss.user_id, Role::Admin)
        .await
        .unwrap();
    store
        .set_role(&ada.workspace_id, &ada.user_id, Role::Recruiter)
        .await
        .unwrap();
    assert_eq!(
        (ada.email.as_str(), ada.workspace.as_str(), ada.role),
        ("ada@example.com", "acme", Role::Recruiter)
    );
    let taken = store
        .create_person(&NewPerson {
            workspace: "globex".into(),
            ..new.clone()
        })
        .await
        .unwrap_err();
    assert_eq!(
        scout_model::HasErrorCode::error_code(&taken),
        scout_model::ErrorCode::Conflict
    );
    let (found, hash) = store
        .person_by_email("ADA@example.com")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found, hash.as_str()), (ada.clone(), "$argon2id$stand-in"));
    assert!(store
        .person_by_email("bob@example.com")
        .await
        .unwrap()
        .is_none());

    let far = i64::MAX / 2;
    store
        .create_session(&ada.user_id, b"token-1", "csrf-1", far)
        .await
        .unwrap();
    store
        .create_session(&ada.user_id, b"token-2", "csrf-2", far)
        .await
        .unwrap();
    store
        .create_session(&ada.user_id, b"stale", "csrf-3", 1)
        .await
        .unwrap();
    let live = store.session(b"token-1").await.unwrap().unwrap();
    assert_eq!(
        (live.person, live.csrf_token.as_str()),
        (ada.clone(), "csrf-1")
    );
    assert!(
        store.session(b"stale").await.unwrap().is_none(),
        "an expired session is no session"
    );
    assert!(store.session(b"unknown").await.unwrap().is_none());
    assert_eq!(store.forget_expired_sessions().await.unwrap(), 1);
    assert!(store.end_session(b"token-1").await.unwrap());
    assert!(store.session(b"token-1").await.unwrap().is_none());
    assert!(store
        .set_password(&ada.user_id, "$argon2id$new")
        .await
        .unwrap());
    assert!(
        store.session(b"token-2").await.unwrap().is_none(),
        "a new password ends every session"
    );
}

async fn pipelines_filter_sort_page_and_remember(store: Store) {
    let ws = workspace(&store, "acme").await;
    store
        .upsert_profiles(&[talent("t1", "Engineer", "Acme")], "f", None)
        .await
        .unwrap();
    let s = store
        .create_sourcing(
            &ws,
            &NewSourcing {
                title: "Engineer".into(),
                requirements: serde_json::json!([]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut from_index = applicant("Ada", "Paris", "Engineer", "Acme");
    from_index.talent_id = Some("t1".into());
    from_index.kind = CandidateType::Prospect;
    from_index.stage = Stage::ToBeContacted;
    from_index.profile.email = None;
    from_index.profile_seq = Some(1);
    from_index.fit = Some((fit(80), 1));
    let batch = vec![
        from_index.clone(),
        applicant("Bob", "Lyon", "Nurse", "Clinic"),
        applicant("Cy", "Paris 15e", "Senior Engineer", "Beta"),
        applicant("Bob", "Lyon", "Nurse", "Clinic"),
    ];
    let added = store
        .add_candidates(&s.id, Some("ada"), &batch)
        .await
        .unwrap();
    assert_eq!(
        added.iter().filter(|a| a.created).count(),
        3,
        "the same email twice is one candidate"
    );
    assert_eq!(added[1].id, added[3].id);
    let again = store
        .add_candidates(&s.id, None, &[from_index])
        .await
        .unwrap();
    assert!(!again[0].created, "the same talent twice is one candidate");
    let standing = store.candidacies(&ws, "t1").await.unwrap();
    assert_eq!(standing.len(), 1);
    assert_eq!(store.workspace_talent_ids(&ws, 10).await.unwrap(), ["t1"]);
    let other = workspace(&store, "globex").await;
    assert!(
        store
            .workspace_talent_ids(&other, 10)
            .await
            .unwrap()
            .is_empty(),
        "another workspace's shortlists are not its own"
    );
    let list = store
        .create_pool(&scout_store::NewPool {
            workspace_id: other.clone(),
            user_id: "gus".into(),
            name: "Gus's".into(),
            search_id: None,
            talent_ids: vec!["t9".into(), "t1".into()],
        })
        .await
        .unwrap();
    assert_eq!(list.member_count, 2);
    let mut theirs = store.workspace_talent_ids(&other, 10).await.unwrap();
    theirs.sort();
    assert_eq!(
        theirs,
        ["t1", "t9"],
        "a list's members are the workspace's too"
    );
    assert_eq!(store.workspace_talent_ids(&ws, 10).await.unwrap(), ["t1"]);
    assert_eq!(
        (standing[0].0.as_str(), standing[0].1.id.as_str()),
        ("Engineer", again[0].id.as_str())
    );
    let elsewhere = workspace(&store, "globex").await;
    assert!(store
        .candidacies(&elsewhere, "t1")
        .await
        .unwrap()
        .is_empty());
    // suggestions from the workspace's own candidates, and from no other's
    use scout_store::WorkspaceField;
    let employers = store
        .workspace_values(&ws, WorkspaceField::Employer, "ac", 10)
        .await
        .unwrap();
    assert_eq!(employers, ["Acme"]);
    assert!(
        store
            .workspace_values(&ws, WorkspaceField::Employer, "a_me", 10)
            .await
            .unwrap()
            .is_empty(),
        "a LIKE wildcard is taken literally"
    );
    assert!(store
        .workspace_values(&elsewhere, WorkspaceField::Employer, "", 10)
        .await
        .unwrap()
        .is_empty());

    let base = CandidateQuery {
        sourcing_id: s.id.clone(),
        stages: vec![],
        text: None,
        locations: vec![],
        job_titles: vec![],
        companies: vec![],
        sort: CandidateSort::Name,
        descending: false,
        offset: 0,
        limit: 50,
    };
    let names = |list: &[scout_store::Candidate]| -> Vec<String> {
        list.iter()
            .map(|c| c.profile.firstname.clone().unwrap_or_default())
            .collect()
    };
    let (all, total) = store.list_candidates(&base).await.unwrap();
    let owned = store
        .list_owned_candidates(&ws, &base)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(owned.1, total);
    assert!(store
        .list_owned_candidates("ws_other", &base)
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        (names(&all), total),
        (vec!["Ada".to_owned(), "Bob".into(), "Cy".into()], 3)
    );
    assert_eq!(all[0].fit.as_ref().unwrap().0.score, 80);
    let q = CandidateQuery {
        locations: vec!["paris".into()],
        ..base.clone()
    };
    assert_eq!(
        names(&store.list_candidates(&q).await.unwrap().0),
        vec!["Ada", "Cy"]
    );
    let q = CandidateQuery {
        job_titles: vec!["engineer".into()],
        companies: vec!["beta".into(), "acme".into()],
        ..base.clone()
    };
    assert_eq!(
        names(&store.list_candidates(&q).await.unwrap().0),
        vec!["Ada", "Cy"]
    );
    let q = CandidateQuery {
        text: Some("clinic lyon".into()),
        ..base.clone()
    };
    assert_eq!(
        names(&store.list_candidates(&q).await.unwrap().0),
        vec!["Bob"]
    );
    let q = CandidateQuery {
        text: Some("100%_".into()),
        ..base.clone()
    };
    assert!(
        store.list_candidates(&q).await.unwrap().0.is_empty(),
        "wildcards are literal"
    );
    let q = CandidateQuery {
        sort: CandidateSort::City,
        descending: true,
        limit: 2,
        offset: 1,
        ..base.clone()
    };
    let (page, total) = store.list_candidates(&q).await.unwrap();
    assert_eq!(
        (names(&page), total),
        (vec!["Ada".to_owned(), "Bob".into()], 3),
        "paris 15e, [paris, lyon]"
    );

    let bob = &added[1].id;
    let changed = store
        .change_candidate(
            &s.id,
            bob,
            Some("ada"),
            &[
                CandidateChange::Stage(Stage::NotRetained),
                CandidateChange::Rating(Some(2)),
                CandidateChange::Contact {
                    channel: "email".into(),
                    value: None,
                    note: Some("sent".into()),
                },
                CandidateChange::Note("no".into()),
            ],
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (changed.stage, changed.user_rating, changed.contacts),
        (Stage::NotRetained, Some(2), 1)
    );
    assert!(store
        .change_candidate("src_other", bob, None, &[])
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        names(&store.list_candidates(&base).await.unwrap().0),
        vec!["Ada", "Cy"],
        "not retained is hidden by default"
    );
    let q = CandidateQuery {
        stages: vec![Stage::NotRetained],
        ..base.clone()
    };
    assert_eq!(
        names(&store.list_candidates(&q).await.unwrap().0),
        vec!["Bob"]
    );
    let history = store.candidate_history(bob).await.unwrap();
    let kinds: Vec<&str> = history.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        vec!["note", "contact", "rating", "status", "created"]
    );
    assert_eq!(
        (history[3].from.as_deref(), history[3].to.as_deref()),
        (Some("APPLIED"), Some("NOT_RETAINED"))
    );

    // Never scored, or scored from an older profile: stale.
    let stale = store.stale_candidates(100).await.unwrap();
    assert_eq!(stale.len(), 2, "the two applicants were never scored");
    let refresh: Vec<CandidateRefresh> = stale
        .iter()
        .map(|c| CandidateRefresh {
            id: c.id.clone(),
            profile: None,
            source: c.source.clone(),
            fit: fit(10),
            version: 1,
        })
        .collect();
    store.refresh_candidates(&refresh).await.unwrap();
    assert!(store.stale_candidates(100).await.unwrap().is_empty());
    store
        .upsert_profiles(&[talent("t1", "Staff Engineer", "Acme")], "f", None)
        .await
        .unwrap();
    let stale = store.stale_candidates(100).await.unwrap();
    assert_eq!(stale.len(), 1);
    let snapshot = CandidateProfile {
        firstname: Some("Ada".into()),
        job_title: Some("Staff Engineer".into()),
        ..Default::default()
    };
    store
        .refresh_candidates(&[CandidateRefresh {
            id: stale[0].id.clone(),
            profile: Some((snapshot, 2)),
            source: None,
            fit: fit(90),
            version: 1,
        }])
        .await
        .unwrap();
    let q = CandidateQuery {
        job_titles: vec!["staff engineer".into()],
        ..base.clone()
    };
    assert_eq!(
        names(&store.list_candidates(&q).await.unwrap().0),
        vec!["Ada"],
        "the snapshot follows the profile"
    );
    store
        .update_sourcing(
            &ws,
            &s.id,
            &SourcingChanges {
                location: Some(Some("Paris".into())),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store.stale_candidates(100).await.unwrap().len(),
        3,
        "new requirements make every fit stale"
    );

    assert!(store.delete_sourcing(&ws, &s.id).await.unwrap());
    assert!(store.candidate_history(bob).await.unwrap().is_empty());
    assert!(store.all_candidates(&s.id).await.unwrap().is_empty());
}

async fn a_search_changes_only_from_the_state_it_was_read_in(store: Store) {
    let search = scout_store::CandidateSearch {
        id: "cs_v".into(),
        workspace_id: "w1".into(),
        user_id: "u1".into(),
        source: "web".into(),
        prompt: "nurse".into(),
        filters: serde_json::json!([]),
        interpretation: serde_json::json!({}),
        total: 9,
        result_ids: vec!["t1".into()],
        expansions: serde_json::json!([]),
        revisions: serde_json::json!([]),
        created_at: 10,
        updated_at: 10,
    };
    store.save_search(&search).await.unwrap();
    // Two clients read version 10 and both extend it.
    let mut first = search.clone();
    first.result_ids.push("t2".into());
    first.updated_at = first.next_version(10);
    let mut second = search.clone();
    second.result_ids.push("t3".into());
    second.updated_at = second.next_version(10);
    assert_eq!(
        first.updated_at, 11,
        "a version is later even when the clock is not"
    );
    assert!(store.update_search_if_unchanged(&first, 10).await.unwrap());
    assert!(
        !store.update_search_if_unchanged(&second, 10).await.unwrap(),
        "the second writer read a state that is gone"
    );
    let stored = store.get_search("w1", "cs_v").await.unwrap().unwrap();
    assert_eq!(stored.result_ids, ["t1", "t2"]);
    // Re-read, the second writer goes on from the first's state.
    let mut retry = stored.clone();
    retry.result_ids.push("t3".into());
    retry.updated_at = retry.next_version(5);
    assert!(store
        .update_search_if_unchanged(&retry, stored.updated_at)
        .await
        .unwrap());
    assert_eq!(
        store
            .get_search("w1", "cs_v")
            .await
            .unwrap()
            .unwrap()
            .result_ids,
        ["t1", "t2", "t3"]
    );
    // Another workspace cannot change it, whatever version it names.
    let mut foreign = retry.clone();
    foreign.workspace_id = "w2".into();
    foreign.prompt = "stolen".into();
    foreign.updated_at += 1;
    assert!(!store
        .update_search_if_unchanged(&foreign, retry.updated_at)
        .await
        .unwrap());
    assert_eq!(
        store
            .get_search("w1", "cs_v")
            .await
            .unwrap()
            .unwrap()
            .prompt,
        "nurse"
    );
}

async fn searches_and_lists_belong_to_one_workspace(store: Store) {
    use scout_store::{CandidateSearch, NewPool};
    let search = CandidateSearch {
        id: "cs_1".into(),
        workspace_id: "w1".into(),
        user_id: "u1".into(),
        source: "prompt".into(),
        prompt: "nurse in Lyon".into(),
        filters: serde_json::json!([{"filterType": "JOB_TITLE", "value": "nurse"}]),
        interpretation: serde_json::json!({"explanations": []}),
        total: 3,
        result_ids: vec!["t1".into(), "t2".into()],
        expansions: serde_json::json!([]),
        revisions: serde_json::json!([]),
        created_at: 1,
        updated_at: 1,
    };
    store.save_search(&search).await.unwrap();
    assert_eq!(
        store.get_search("w1", "cs_1").await.unwrap(),
        Some(search.clone())
    );
    assert_eq!(store.get_search("w2", "cs_1").await.unwrap(), None);
    let mut later = search.clone();
    later.prompt = "nurse near Lyon".into();
    later.result_ids.push("t3".into());
    later.updated_at = 5;
    store.save_search(&later).await.unwrap();
    let mut second = search.clone();
    second.id = "cs_2".into();
    second.updated_at = 3;
    store.save_search(&second).await.unwrap();
    let (page, total) = store.list_searches("w1", "u1", 0, 10).await.unwrap();
    assert_eq!(total, 2);
    assert_eq!(
        page.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["cs_1", "cs_2"]
    );
    assert_eq!(page[0].prompt, "nurse near Lyon");
    assert_eq!(store.list_searches("w1", "u2", 0, 10).await.unwrap().1, 0);

    let ids: Vec<String> = (0..2500)
        .map(|i| format!("t{i}"))
        .chain(["t0".to_owned()])
        .collect();
    let pool = store
        .create_pool(&NewPool {
            workspace_id: "w1".into(),
            user_id: "u1".into(),
            name: "Lyon nurses".into(),
            search_id: Some("cs_1".into()),
            talent_ids: ids,
        })
        .await
        .unwrap();
    assert_eq!(pool.member_count, 2500, "duplicates are kept once");
    assert_eq!(
        store.pool_members(&pool.id, 2498, 10).await.unwrap(),
        ["t2498", "t2499"]
    );
    assert_eq!(store.get_pool("w2", &pool.id).await.unwrap(), None);
    assert_eq!(store.list_pools("w1", "u1").await.unwrap().len(), 1);
    let renamed = store
        .update_pool(
            "w1",
            &pool.id,
            Some("Nurses"),
            Some(&["b".to_owned(), "a".to_owned()]),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!((renamed.name.as_str(), renamed.member_count), ("Nurses", 2));
    assert_eq!(
        store.pool_members(&pool.id, 0, 10).await.unwrap(),
        ["b", "a"]
    );
    assert_eq!(
        store
            .update_pool("w2", &pool.id, Some("x"), None)
            .await
            .unwrap(),
        None
    );
    // members added and removed in place: present ones keep their place,
    // new ones go to the end, another workspace changes nothing
    let changed = store
        .change_pool_members(
            "w1",
            &pool.id,
            &["c".to_owned(), "a".to_owned(), "c".to_owned()],
            &["b".to_owned()],
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(changed.member_count, 2);
    assert_eq!(
        store.pool_members(&pool.id, 0, 10).await.unwrap(),
        ["a", "c"]
    );
    assert_eq!(
        store
            .change_pool_members("w2", &pool.id, &["z".to_owned()], &["a".to_owned()])
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store.pool_members(&pool.id, 0, 10).await.unwrap(),
        ["a", "c"]
    );
    assert!(!store.delete_pool("w2", &pool.id).await.unwrap());
    assert!(store.delete_pool("w1", &pool.id).await.unwrap());
    assert!(store
        .pool_members(&pool.id, 0, 10)
        .await
        .unwrap()
        .is_empty());
}

async fn leads_are_taken_in_once_per_workspace_and_share_nothing(store: Store) {
    use scout_store::{LeadOutcome, LeadQuery, NewLead};
    let parsed = |name: &str, email: &str| LeadOutcome::Parsed {
        full_name: Some(name.into()),
        email: Some(email.into()),
        phone: Some("+33612345678".into()),
        summary: None,
        skills: vec!["Python".into()],
        parsed: serde_json::json!({"fullName": name}),
    };
    let new = |ws: &str, hash: &str, outcome: LeadOutcome, role: Option<(String, i64)>| NewLead {
        workspace_id: ws.into(),
        actor: "u1".into(),
        file_name: format!("{hash}.pdf"),
        file_hash: hash.into(),
        file_kind: "pdf".into(),
        content: hash.as_bytes().to_vec(),
        outcome,
        role,
    };
    let (a, created) = store
        .intake_lead(&new(
            "w1",
            "h1",
            parsed("Sam Lee", "Sam@Example.com"),
            Some(("role1".into(), 71)),
        ))
        .await
        .unwrap();
    assert!(created);
    let (again, created) = store
        .intake_lead(&new("w1", "h1", parsed("Sam Lee", "sam@example.com"), None))
        .await
        .unwrap();
    assert_eq!(
        (again.as_str(), created),
        (a.as_str(), false),
        "same content in the same workspace, same lead"
    );
    // another workspace's upload of the same file is its own lead, sharing nothing
    let (theirs, created) = store
        .intake_lead(&new("w2", "h1", parsed("Sam Lee", "sam@example.com"), None))
        .await
        .unwrap();
    assert!(created && theirs != a, "a lead per workspace");
    let their_lead = store.get_lead(Some("w2"), &theirs).await.unwrap().unwrap();
    assert!(their_lead.roles.is_empty(), "w1's role is not w2's");
    assert_eq!(their_lead.duplicate_of, None, "w1's lead is not named");
    assert_eq!(store.get_lead(Some("w2"), &a).await.unwrap(), None);
    let (b, _) = store
        .intake_lead(&new(
            "w1",
            "h2",
            parsed("Samuel Lee", "sam@example.com"),
            None,
        ))
        .await
        .unwrap();
    let (c, _) = store
        .intake_lead(&new(
            "w3",
            "h3",
            LeadOutcome::Failed {
                code: "encrypted_pdf".into(),
                reason: "encrypted".into(),
            },
            Some(("role9".into(), -1)),
        ))
        .await
        .unwrap();

    let lead = store.get_lead(Some("w1"), &a).await.unwrap().unwrap();
    assert_eq!(lead.email.as_deref(), Some("sam@example.com"));
    assert_eq!(lead.workspace_id, "w1");
    assert_eq!(
        (
            lead.roles[0].resume_fit_score,
            lead.roles[0].overall_fit_score
        ),
        (71, -1)
    );
    assert_eq!(
        store
            .get_lead(Some("w1"), &b)
            .await
            .unwrap()
            .unwrap()
            .duplicate_of
            .as_deref(),
        Some(a.as_str())
    );
    assert_eq!(
        store.get_lead(Some("w3"), &a).await.unwrap(),
        None,
        "not linked to w3"
    );
    let failed = store.get_lead(None, &c).await.unwrap().unwrap();
    assert_eq!(
        (failed.status.as_str(), failed.failure_code.as_deref()),
        ("failed", Some("encrypted_pdf"))
    );
    assert!(
        failed.roles.is_empty(),
        "a failed CV is not put forward for a role"
    );

    let page = |q: LeadQuery| {
        let store = store.clone();
        async move { store.list_leads(&q).await.unwrap() }
    };
    assert_eq!(
        page(LeadQuery {
            visible_to: None,
            limit: 10,
            ..Default::default()
        })
        .await
        .1,
        4
    );
    assert_eq!(
        page(LeadQuery {
            visible_to: Some("w1".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .1,
        2
    );
    assert_eq!(
        page(LeadQuery {
            visible_to: Some("w1".into()),
            role_id: Some("role1".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .0[0]
            .id,
        a
    );
    assert_eq!(
        page(LeadQuery {
            status: Some("failed".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .0[0]
            .id,
        c
    );
    let (first, total) = page(LeadQuery {
        limit: 1,
        offset: 1,
        ..Default::default()
    })
    .await;
    assert_eq!((first.len(), total), (1, 4));

    assert!(store
        .record_screening(&a, "role1", 64, &serde_json::json!({"notes": "ok"}))
        .await
        .unwrap());
    assert!(!store
        .record_screening(&a, "nope", 64, &serde_json::json!({}))
        .await
        .unwrap());
    store
        .mark_lead_converted(&a, "role1", "cand_1")
        .await
        .unwrap();
    let lead = store.get_lead(None, &a).await.unwrap().unwrap();
    assert_eq!(
        (lead.status.as_str(), lead.candidate_id.as_deref()),
        ("converted", Some("cand_1"))
    );
    assert_eq!(
        (
            lead.roles[0].overall_fit_score,
            lead.roles[0].status.as_str()
        ),
        (64, "Converted")
    );
    let kinds: Vec<String> = store
        .lead_history(&a)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    for k in ["uploaded", "parsed", "role", "screened", "converted"] {
        assert!(kinds.iter().any(|x| x == k), "{k} in {kinds:?}");
    }
    assert_eq!(
        store.lead_file("h1").await.unwrap(),
        Some(("pdf".to_owned(), b"h1".to_vec()))
    );

    // deleting: only within the workspace; the file goes with its last lead
    assert!(!store.delete_lead("w2", &a).await.unwrap(), "w1's lead");
    assert!(store.delete_lead("w1", &a).await.unwrap());
    assert_eq!(store.get_lead(None, &a).await.unwrap(), None);
    assert!(store.lead_history(&a).await.unwrap().is_empty());
    assert!(
        store.lead_file("h1").await.unwrap().is_some(),
        "w2's lead has it"
    );
    assert!(store.delete_lead("w2", &theirs).await.unwrap());
    assert_eq!(store.lead_file("h1").await.unwrap(), None);
    // failed leads are pruned by age; parsed ones are kept
    assert_eq!(
        store.prune_failed_leads(0).await.unwrap(),
        0,
        "none that old"
    );
    assert_eq!(store.prune_failed_leads(i64::MAX).await.unwrap(), 1);
    assert_eq!(store.get_lead(None, &c).await.unwrap(), None);
    assert_eq!(store.lead_file("h3").await.unwrap(), None);
    assert!(store.get_lead(None, &b).await.unwrap().is_some());
}

/// One PostgreSQL server shared by the cases running at a time: started by
/// the first, stopped when the last one running drops it.
async fn postgres_store() -> (std::sync::Arc<PgServer>, Store) {
    static SHARED: std::sync::Mutex<std::sync::Weak<PgServer>> =
        std::sync::Mutex::new(std::sync::Weak::new());
    let server = {
        let mut shared = SHARED.lock().unwrap();
        match shared.upgrade() {
            Some(s) => s,
            None => {
                let s = std::sync::Arc::new(
                    PgServer::start()
                        .unwrap_or_else(|e| panic!("PostgreSQL is required for this test: {e}")),
                );
                *shared = std::sync::Arc::downgrade(&s);
                s
            }
        }
    };
    let url = server.fresh_database().await.unwrap();
    let store = Store::open(&url).await.unwrap();
    assert_eq!(store.backend_name(), "postgres");
    (server, store)
}

/// A person named by a talent id is erased everywhere: the profile (a
/// tombstone for the index), candidates in every workspace (found again by
/// their e-mail), notes, leads and their CV files, list places, saved
/// results and search pages; the record names nobody; a later import of
/// the same person (same id, or same LinkedIn address under another id) is
/// refused; and nobody else is touched.
async fn a_person_is_erased_everywhere_and_stays_erased(store: Store) {
    use scout_store::data_rights::{AuditEvent, PersonRef};
    use scout_store::{CandidateSearch, LeadOutcome, NewLead, NewPool, SearchTransaction};
    let acme = workspace(&store, "acme").await;
    let globex = workspace(&store, "globex").await;
    let mut sam = talent("t_sam", "Nurse", "Clinic");
    sam.linkedin_url = Some("https://www.linkedin.com/in/sam-lee".into());
    let kim = talent("t_kim", "Nurse", "Clinic");
    store
        .upsert_profiles(&[sam.clone(), kim.clone()], "f.jsonl", None)
        .await
        .unwrap();
    let job = |title: &str| NewSourcing {
        title: title.into(),
        ..Default::default()
    };
    let s1 = store.create_sourcing(&acme, &job("Nurse")).await.unwrap();
    let s2 = store.create_sourcing(&globex, &job("Nurse")).await.unwrap();
    let mut in_index = applicant("Sam", "Lyon", "Nurse", "Clinic");
    in_index.talent_id = Some("t_sam".into());
    let mut other = applicant("Kim", "Lyon", "Nurse", "Clinic");
    other.talent_id = Some("t_kim".into());
    let added = store
        .add_candidates(&s1.id, Some("u1"), &[in_index, other])
        .await
        .unwrap();
    assert_eq!(added.len(), 2);
    let sam_cand = store.all_candidates(&s1.id).await.unwrap();
    let sam_cand = sam_cand
        .iter()
        .find(|c| c.talent_id.as_deref() == Some("t_sam"))
        .unwrap();
    store
        .change_candidate(
            &s1.id,
            &sam_cand.id,
            Some("u1"),
            &[CandidateChange::Note("called Sam, keen".into())],
        )
        .await
        .unwrap();
    // globex knows Sam only as an applicant with the same address
    let mut applied = applicant("Sam", "Lyon", "Nurse", "Clinic");
    applied.profile.email = Some("SAM@example.com".into());
    store
        .add_candidates(&s2.id, None, &[applied])
        .await
        .unwrap();
    let lead = |ws: &str, hash: &str, email: &str| NewLead {
        workspace_id: ws.into(),
        actor: "u1".into(),
        file_name: format!("{hash}.pdf"),
        file_hash: hash.into(),
        file_kind: "pdf".into(),
        content: format!("CV of {email}").into_bytes(),
        outcome: LeadOutcome::Parsed {
            full_name: Some("Someone".into()),
            email: Some(email.into()),
            phone: None,
            summary: None,
            skills: vec![],
            parsed: serde_json::json!({}),
        },
        role: None,
    };
    store
        .intake_lead(&lead(&acme, "h_sam", "sam@example.com"))
        .await
        .unwrap();
    let (kim_lead, _) = store
        .intake_lead(&lead(&acme, "h_kim", "kim@example.com"))
        .await
        .unwrap();
    let pool = store
        .create_pool(&NewPool {
            workspace_id: acme.clone(),
            user_id: "u1".into(),
            name: "Nurses".into(),
            search_id: None,
            talent_ids: vec!["t_sam".into(), "t_kim".into()],
        })
        .await
        .unwrap();
    let search = CandidateSearch {
        id: "cs_1".into(),
        workspace_id: acme.clone(),
        user_id: "u1".into(),
        source: "prompt".into(),
        prompt: "nurses".into(),
        filters: serde_json::json!([]),
        interpretation: serde_json::json!({}),
        total: 2,
        result_ids: vec!["t_sam".into(), "t_kim".into()],
        expansions: serde_json::json!([]),
        revisions: serde_json::json!([]),
        created_at: 1,
        updated_at: 1,
    };
    store.save_search(&search).await.unwrap();
    store
        .save_transactions(&[SearchTransaction {
            id: "st_1".into(),
            workspace_id: acme.clone(),
            created_at: now_ms(),
            talent_ids: vec!["t_kim".into(), "t_sam".into()],
        }])
        .await
        .unwrap();

    let person = PersonRef::Talent("t_sam".into());
    let seen = store.person_footprint(&person).await.unwrap();
    assert_eq!(seen.candidates.len(), 2, "both workspaces: {seen:?}");
    assert_eq!(seen.leads.len(), 1, "{seen:?}");
    assert_eq!(seen.emails, ["sam@example.com"]);
    let before = store.last_seq().await.unwrap();
    let audit = AuditEvent {
        id: 0,
        at: 0,
        workspace_id: None,
        actor: "key:op".into(),
        action: "erased".into(),
        subject: String::new(),
        detail: None,
        client: Some("127.0.0.1".into()),
        request_id: Some("r1".into()),
    };
    let erasure = store
        .erase_person(&person, "key:op", Some(audit))
        .await
        .unwrap();
    let c = erasure.counts;
    assert_eq!(
        (
            c.profiles,
            c.candidates,
            c.candidate_events > 0,
            c.leads,
            c.cv_files
        ),
        (1, 2, true, 1, 1),
        "{c:?}"
    );
    assert_eq!(
        (c.list_memberships, c.saved_searches, c.search_transactions),
        (1, 1, 1)
    );
    assert_eq!(c.suppressed_identifiers, 3, "talent id, e-mail, LinkedIn");
    // what is left
    assert!(store
        .get_profiles(None, &["t_sam".into()])
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store
            .get_profiles(None, &["t_kim".into()])
            .await
            .unwrap()
            .len(),
        1
    );
    let left: Vec<_> = store.all_candidates(&s1.id).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].talent_id.as_deref(), Some("t_kim"));
    assert!(store.all_candidates(&s2.id).await.unwrap().is_empty());
    assert!(store
        .candidate_history(&sam_cand.id)
        .await
        .unwrap()
        .is_empty());
    let (leads, total) = store
        .list_leads(&scout_store::LeadQuery {
            visible_to: Some(acme.clone()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((total, leads[0].id.as_str()), (1, kim_lead.as_str()));
    assert_eq!(
        store.pool_members(&pool.id, 0, 10).await.unwrap(),
        ["t_kim"]
    );
    assert_eq!(
        store
            .get_search(&acme, "cs_1")
            .await
            .unwrap()
            .unwrap()
            .result_ids,
        ["t_kim"]
    );
    assert_eq!(
        store
            .load_transactions(&acme, &["st_1".into()])
            .await
            .unwrap(),
        [("st_1".to_string(), vec!["t_kim".to_string()])]
    );
    let feed = store.changes_since(before, 10).await.unwrap();
    assert!(
        feed.iter().any(|ch| ch.id == "t_sam" && ch.doc.is_none()),
        "a tombstone takes the profile out of the index"
    );
    assert!(store.person_footprint(&person).await.unwrap().is_empty());
    // the record and its audit event name nobody
    let records = store.erasures(10).await.unwrap();
    assert_eq!(records.len(), 1);
    let text = serde_json::to_string(&records[0]).unwrap().to_lowercase();
    assert!(!text.contains("sam") && !text.contains("t_sam"), "{text}");
    let events = store
        .audit_events(&scout_store::data_rights::AuditQuery {
            subject: Some(erasure.id.clone()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].action, "erased");
    // a later file does not bring Sam back, under the id or the address
    let mut renamed = sam.clone();
    renamed.id = "t_sam_2".into();
    let mut kim2 = kim.clone();
    kim2.job_title = Some("Head Nurse".into());
    let again = store
        .upsert_profiles(&[sam.clone(), kim2, renamed], "later.jsonl", None)
        .await
        .unwrap();
    assert_eq!(
        again.outcomes,
        [
            UpsertOutcome::Suppressed,
            UpsertOutcome::Updated,
            UpsertOutcome::Suppressed
        ]
    );
    assert!(store
        .get_profiles(None, &["t_sam".into(), "t_sam_2".into()])
        .await
        .unwrap()
        .is_empty());
}

/// The audit log pages in order, filters by workspace, subject and action.
async fn the_audit_log_pages_and_filters(store: Store) {
    use scout_store::data_rights::{AuditEvent, AuditQuery};
    let event = |ws: &str, action: &str, subject: &str| AuditEvent {
        id: 0,
        at: 5,
        workspace_id: Some(ws.into()),
        actor: "key:k1".into(),
        action: action.into(),
        subject: subject.into(),
        detail: None,
        client: None,
        request_id: None,
    };
    store
        .record_audit(&[
            event("w1", "viewed", "t1"),
            event("w2", "viewed", "t1"),
            event("w1", "exported", "t1"),
            event("w1", "changed", "cand_1"),
        ])
        .await
        .unwrap();
    let w1 = |after: i64, limit: i64| AuditQuery {
        workspace_id: Some("w1".into()),
        after,
        limit,
        ..Default::default()
    };
    let first = store.audit_events(&w1(0, 2)).await.unwrap();
    assert_eq!(
        first.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["viewed", "exported"]
    );
    let next = store.audit_events(&w1(first[1].id, 2)).await.unwrap();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].subject, "cand_1");
    let about_t1 = store
        .audit_events(&AuditQuery {
            subject: Some("t1".into()),
            action: Some("viewed".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(about_t1.len(), 2, "the whole server without a workspace");
}

/// Retention removes, per workspace that has it, the candidates and leads
/// nobody touched within its period; a dry run only counts.
async fn retention_removes_what_nobody_touched(store: Store) {
    use scout_store::data_rights::MONTH_MS;
    use scout_store::{LeadOutcome, NewLead};
    let acme = workspace(&store, "acme").await;
    let globex = workspace(&store, "globex").await;
    for ws in [&acme, &globex] {
        let s = store
            .create_sourcing(
                ws,
                &NewSourcing {
                    title: "Nurse".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        store
            .add_candidates(&s.id, None, &[applicant("Ana", "Lyon", "Nurse", "C")])
            .await
            .unwrap();
        store
            .intake_lead(&NewLead {
                workspace_id: ws.clone(),
                actor: "u".into(),
                file_name: "cv.txt".into(),
                file_hash: format!("h_{ws}"),
                file_kind: "text".into(),
                content: b"cv".to_vec(),
                outcome: LeadOutcome::Failed {
                    code: "unreadable".into(),
                    reason: "x".into(),
                },
                role: None,
            })
            .await
            .unwrap();
    }
    assert!(store.set_retention(&acme, Some(6)).await.unwrap());
    assert!(!store.set_retention("nope", Some(6)).await.unwrap());
    let now = now_ms();
    // within the period: nothing
    let soon = store.apply_retention(now, true).await.unwrap();
    assert_eq!((soon.len(), soon[0].candidates, soon[0].leads), (1, 0, 0));
    let later = now + 7 * MONTH_MS;
    let dry = store.apply_retention(later, true).await.unwrap();
    assert_eq!(
        (dry[0].workspace.as_str(), dry[0].candidates, dry[0].leads),
        ("acme", 1, 1)
    );
    let done = store.apply_retention(later, false).await.unwrap();
    assert_eq!(done, dry, "the dry run said what would happen");
    assert_eq!(
        store.apply_retention(later, false).await.unwrap()[0].candidates,
        0
    );
    let (_, globex_leads) = store
        .list_leads(&scout_store::LeadQuery {
            visible_to: Some(globex.clone()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(globex_leads, 1, "a workspace without retention keeps all");
    let logged = store
        .audit_events(&scout_store::data_rights::AuditQuery {
            workspace_id: Some(acme.clone()),
            action: Some("retention".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(logged.len(), 1);
}

/// Profiles of the shared pool are every workspace's to read; a workspace's
/// own are its alone, under ids another workspace may use too; no workspace
/// sees two profiles of one id (`scout_model::ownership`).
async fn profiles_belong_to_their_pool(store: Store) {
    use scout_model::ownership::profile_key;
    let (w1, w2, w3) = (
        workspace(&store, "one").await,
        workspace(&store, "two").await,
        workspace(&store, "three").await,
    );
    let put = |owner: Option<&str>, t: Talent| {
        let store = store.clone();
        let owner = owner.map(str::to_owned);
        async move {
            store
                .upsert_profiles(&[t], "f", owner.as_deref())
                .await
                .unwrap()
                .outcomes[0]
        }
    };
    assert_eq!(
        put(Some(&w1), talent("t1", "Nurse", "Clinic")).await,
        UpsertOutcome::Inserted
    );
    assert_eq!(
        put(Some(&w2), talent("t1", "Welder", "Yard")).await,
        UpsertOutcome::Inserted
    );
    assert_eq!(
        put(Some(&w2), talent("t1", "Welder", "Yard")).await,
        UpsertOutcome::Unchanged
    );
    assert_eq!(
        put(None, talent("s1", "Engineer", "Acme")).await,
        UpsertOutcome::Inserted
    );
    // neither pool may take an id the other holds within a workspace's view
    assert_eq!(
        put(None, talent("t1", "Engineer", "Acme")).await,
        UpsertOutcome::Taken
    );
    assert_eq!(
        put(Some(&w1), talent("s1", "Engineer", "Acme")).await,
        UpsertOutcome::Taken
    );

    let ids: Vec<String> = vec!["t1".into(), "s1".into(), "zz".into()];
    let seen = store.get_profiles(Some(&w1), &ids).await.unwrap();
    let titles: Vec<(&str, Option<&str>, Option<&str>)> = seen
        .iter()
        .map(|p| {
            (
                p.talent.id.as_str(),
                p.talent.job_title.as_deref(),
                p.owner.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [
            ("t1", Some("Nurse"), Some(w1.as_str())),
            ("s1", Some("Engineer"), None)
        ]
    );
    let seen = store.get_profiles(Some(&w2), &ids).await.unwrap();
    assert_eq!(seen[0].talent.job_title.as_deref(), Some("Welder"));
    let seen = store.get_profiles(Some(&w3), &ids).await.unwrap();
    assert_eq!(seen.len(), 1, "a third workspace sees the shared pool only");
    assert_eq!(store.get_profiles(None, &ids).await.unwrap().len(), 1);

    // the change feed carries keys, so the index can tell the owners apart
    let feed: Vec<String> = store
        .changes_since(0, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert!(feed.contains(&profile_key(Some(&w1), "t1")));
    assert!(feed.contains(&profile_key(Some(&w2), "t1")));

    // a workspace deletes its own profiles only
    assert_eq!(
        store
            .delete_profiles(Some(&w1), &["s1".into()])
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .delete_profiles(Some(&w2), &["t1".into()])
            .await
            .unwrap(),
        1
    );
    assert_eq!(store.get_profiles(Some(&w1), &ids).await.unwrap().len(), 2);

    // a candidate whose talent is the workspace's own profile goes stale
    // when that profile changes (not when another workspace's of that id does)
    let s = store
        .create_sourcing(
            &w1,
            &NewSourcing {
                title: "Nurse".into(),
                requirements: serde_json::json!([]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut own = applicant("Ada", "Paris", "Nurse", "Clinic");
    own.talent_id = Some("t1".into());
    own.profile_seq = Some(seen_seq(&store, &w1, "t1").await);
    own.fit = Some((fit(80), 1));
    store.add_candidates(&s.id, None, &[own]).await.unwrap();
    assert!(store.stale_candidates(100).await.unwrap().is_empty());
    assert_eq!(
        put(Some(&w2), talent("t1", "Welder", "Yard")).await,
        UpsertOutcome::Inserted
    );
    assert!(store.stale_candidates(100).await.unwrap().is_empty());
    assert_eq!(
        put(Some(&w1), talent("t1", "Head Nurse", "Clinic")).await,
        UpsertOutcome::Updated
    );
    assert_eq!(store.stale_candidates(100).await.unwrap().len(), 1);
}

async fn seen_seq(store: &Store, workspace: &str, id: &str) -> i64 {
    store
        .get_profiles(Some(workspace), &[id.to_owned()])
        .await
        .unwrap()[0]
        .seq
}

/// The shared pool and a workspace racing for the same new ids: each id
/// ends up in exactly one of them, on either back end.
async fn pools_racing_for_an_id_never_both_take_it(store: Store) {
    let w1 = workspace(&store, "one").await;
    let mut tasks = Vec::new();
    for round in 0..40 {
        let id = format!("race{round}");
        for owner in [None, Some(w1.clone())] {
            let (store, id) = (store.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                store
                    .upsert_profiles(&[talent(&id, "Nurse", "Clinic")], "race", owner.as_deref())
                    .await
                    .unwrap()
                    .outcomes[0]
            }));
        }
    }
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await.unwrap());
    }
    for pair in outcomes.chunks(2) {
        let taken = pair.iter().filter(|o| **o == UpsertOutcome::Taken).count();
        assert_eq!(taken, 1, "{pair:?}");
    }
}

/// One person once: a profile arriving under a new id with an e-mail the
/// pool knows is merged into the profile seen first, and the merge undone;
/// the same name at the same employer at the same time is queued; a merge
/// from the queue moves candidates and list places to the survivor and an
/// undo moves them back; a dismissed pair stays dismissed; pools never mix.
async fn one_person_once(store: Store) {
    use scout_store::duplicates::{Contacts, DuplicateQuery};
    use scout_store::NewPool;
    let w = workspace(&store, "one").await;
    let ws = Some(w.as_str());
    let person = |id: &str, mut v: serde_json::Value| -> Talent {
        v["id"] = serde_json::json!(id);
        serde_json::from_value(v).unwrap()
    };
    let mail = |e: &str| Contacts {
        emails: vec![e.into()],
        phones: vec![],
    };
    let ann = person(
        "a",
        serde_json::json!({"firstname": "Ann", "lastname": "Lee", "headline": "Glass",
        "currentOrganization": {"name": "Acme"}, "skills": ["Glass"],
        "experiences": [{"organizationName": "Acme", "title": "Glassblower", "startDate": "2015-01"}]}),
    );
    let r = store
        .import_profiles(
            std::slice::from_ref(&ann),
            &[mail("ann@example.com")],
            "f1",
            ws,
        )
        .await
        .unwrap();
    assert_eq!(r.outcomes, [UpsertOutcome::Inserted]);
    // the same e-mail under another id: merged into `a`
    let again = person(
        "b",
        serde_json::json!({"firstname": "Ann", "lastname": "Lee", "city": "Lyon", "skills": ["Kilns"]}),
    );
    let r = store
        .import_profiles(
            std::slice::from_ref(&again),
            &[mail(" ANN@example.com")],
            "f2",
            ws,
        )
        .await
        .unwrap();
    assert_eq!(r.outcomes, [UpsertOutcome::Merged]);
    let ids = vec!["a".to_string(), "b".to_string()];
    let seen = store.get_profiles(ws, &ids).await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].talent.city.as_deref(), Some("Lyon"));
    assert_eq!(seen[0].talent.headline.as_deref(), Some("Glass"));
    assert_eq!(seen[0].talent.skills, ["Kilns", "Glass"]);
    let all = |status: &str| DuplicateQuery {
        status: Some(status.into()),
        offset: 0,
        limit: 50,
    };
    let (merged, n) = store.list_duplicates(ws, &all("merged")).await.unwrap();
    assert_eq!(
        (
            n,
            merged[0].reason.as_str(),
            merged[0].survivor_id.as_deref()
        ),
        (1, "email", Some("a"))
    );
    // undone: both as they were, and never merged again
    let undone = store
        .undo_merge(ws, &merged[0].id, "tester")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(undone.status, "dismissed");
    let seen = store.get_profiles(ws, &ids).await.unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].talent.city, None);
    assert_eq!(seen[1].talent.city.as_deref(), Some("Lyon"));
    let r = store
        .import_profiles(
            std::slice::from_ref(&again),
            &[mail("ann@example.com")],
            "f2",
            ws,
        )
        .await
        .unwrap();
    assert_eq!(r.outcomes, [UpsertOutcome::Unchanged]);
    // the same name at the same employer, at the same time: queued; at
    // another time: not
    let c = person(
        "c",
        serde_json::json!({"firstname": "ann", "lastname": "LEE", "currentOrganization": {"name": "ACME"},
        "experiences": [{"organizationName": "Acme", "title": "Glass artist", "startDate": "2016-05"}]}),
    );
    let d = person(
        "d",
        serde_json::json!({"firstname": "Ann", "lastname": "Lee", "currentOrganization": {"name": "Acme"},
        "experiences": [{"organizationName": "Acme", "startDate": "2001-01", "endDate": "2003-01"}]}),
    );
    store.import_profiles(&[c, d], &[], "f3", ws).await.unwrap();
    let (open, _) = store.list_duplicates(ws, &all("open")).await.unwrap();
    let pairs: Vec<[String; 2]> = open.iter().map(|p| p.talent_ids.clone()).collect();
    assert_eq!(pairs, [["a".to_string(), "c".to_string()]], "{open:?}");
    // a merge from the queue moves what pointed at the merged profile
    let s1 = store
        .create_sourcing(
            &w,
            &NewSourcing {
                title: "Glass".into(),
                requirements: serde_json::json!([]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let s2 = store
        .create_sourcing(
            &w,
            &NewSourcing {
                title: "Kilns".into(),
                requirements: serde_json::json!([]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let of = |talent: &str| {
        let mut n = applicant("Ann", "Lyon", "Glassblower", "Acme");
        n.talent_id = Some(talent.into());
        n.profile.email = None;
        n
    };
    let both = store
        .add_candidates(&s1.id, None, &[of("a"), of("c")])
        .await
        .unwrap();
    let only = store
        .add_candidates(&s2.id, None, &[of("c")])
        .await
        .unwrap();
    let user = store
        .create_key(&NewKey {
            workspace: "one".into(),
            user: "ada".into(),
            is_admin: false,
            scopes: vec![],
            per_minute: 1,
            per_day: 1,
        })
        .await
        .unwrap()
        .1
        .user_id;
    let list = store
        .create_pool(&NewPool {
            workspace_id: w.clone(),
            user_id: user,
            name: "L".into(),
            search_id: None,
            talent_ids: vec!["c".into(), "a".into()],
        })
        .await
        .unwrap();
    let done = store
        .merge_duplicate(ws, &open[0].id, "tester")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (done.status.as_str(), done.survivor_id.as_deref()),
        ("merged", Some("a"))
    );
    assert_eq!(
        store
            .get_profiles(ws, &["c".to_string()])
            .await
            .unwrap()
            .len(),
        0
    );
    let talent_of = |sourcing: &str, id: &str| {
        let store = store.clone();
        let (sourcing, id) = (sourcing.to_owned(), id.to_owned());
        async move {
            store
                .get_candidate(&sourcing, &id)
                .await
                .unwrap()
                .unwrap()
                .talent_id
        }
    };
    assert_eq!(
        talent_of(&s1.id, &both[1].id).await,
        None,
        "the sourcing held the survivor: unlinked"
    );
    assert_eq!(talent_of(&s2.id, &only[0].id).await.as_deref(), Some("a"));
    assert_eq!(store.pool_members(&list.id, 0, 10).await.unwrap(), ["a"]);
    // and undone
    store
        .undo_merge(ws, &done.id, "tester")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(talent_of(&s1.id, &both[1].id).await.as_deref(), Some("c"));
    assert_eq!(talent_of(&s2.id, &only[0].id).await.as_deref(), Some("c"));
    let mut members = store.pool_members(&list.id, 0, 10).await.unwrap();
    members.sort();
    assert_eq!(members, ["a", "c"]);
    assert_eq!(
        store
            .get_profiles(ws, &["c".to_string()])
            .await
            .unwrap()
            .len(),
        1
    );
    // dismissing: only an open pair; another pool never sees these
    assert!(store
        .dismiss_duplicate(ws, &done.id, "tester")
        .await
        .is_err());
    let other = workspace(&store, "two").await;
    assert_eq!(
        store
            .list_duplicates(Some(&other), &all("dismissed"))
            .await
            .unwrap()
            .1,
        0
    );
    assert!(store
        .get_duplicate(Some(&other), &done.id)
        .await
        .unwrap()
        .is_none());
    assert!(store
        .undo_merge(Some(&other), &done.id, "x")
        .await
        .unwrap()
        .is_none());
    let shared_ann = person(
        "s-ann",
        serde_json::json!({"firstname": "Ann", "lastname": "Lee", "currentOrganization": {"name": "Acme"}}),
    );
    let r = store
        .import_profiles(&[shared_ann], &[mail("ann@example.com")], "shared", None)
        .await
        .unwrap();
    assert_eq!(
        r.outcomes,
        [UpsertOutcome::Inserted],
        "a workspace's profile is never merged into the shared pool"
    );
    // profiles written by id (not merged on arrival) sharing a LinkedIn
    // address: queued as certain, and a scan merges them
    let li = |id: &str| {
        person(
            id,
            serde_json::json!({"firstname": "Bo", "linkedinUrl": format!("https://linkedin.com/in/bo-{}", "x")}),
        )
    };
    store.upsert_profiles(&[li("x1")], "put", ws).await.unwrap();
    store.upsert_profiles(&[li("x2")], "put", ws).await.unwrap();
    let scan = store.scan_duplicates(ws, "scan").await.unwrap();
    assert_eq!(scan.merged, 1, "{scan:?}");
    assert_eq!(
        store
            .get_profiles(ws, &["x1".to_string(), "x2".to_string()])
            .await
            .unwrap()
            .len(),
        1
    );
}

/// One test per case and back end (`sqlite::case`, `postgres::case`), so
/// that each failure is reported on its own.
macro_rules! suite {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $case() {
                    let dir = tempfile::tempdir().unwrap();
                    let store = scout_store::Store::open(&dir.path().join("scout.db").to_string_lossy())
                        .await
                        .unwrap();
                    assert_eq!(store.backend_name(), "sqlite");
                    super::$case(store).await;
                }
            )*
        }

        mod postgres {
            $(
                #[tokio::test]
                async fn $case() {
                    let (_server, store) = super::postgres_store().await;
                    super::$case(store).await;
                }
            )*
        }
    };
}

suite!(
    upserts_classify_and_number_changes,
    change_feed_follows_every_change_in_order,
    organization_changes_renumber_dependent_profiles,
    large_batches_span_statements,
    keys_are_hashed_scoped_and_revocable,
    search_transactions_round_trip_per_workspace,
    sourcings_belong_to_one_workspace,
    writes_to_a_deleted_sourcing_are_not_found,
    people_and_their_sessions,
    pipelines_filter_sort_page_and_remember,
    searches_and_lists_belong_to_one_workspace,
    a_search_changes_only_from_the_state_it_was_read_in,
    leads_are_taken_in_once_per_workspace_and_share_nothing,
    a_person_is_erased_everywhere_and_stays_erased,
    the_audit_log_pages_and_filters,
    retention_removes_what_nobody_touched,
    profiles_belong_to_their_pool,
    pools_racing_for_an_id_never_both_take_it,
    one_person_once,
);

/// Two handles on one store, as two processes or servers have: an erasure
/// made through one is refused by the other's next import, though the
/// other read the (then empty) suppression list before it.
async fn an_erasure_elsewhere_counts_at_the_next_batch(first: Store, second: Store) {
    use scout_store::data_rights::PersonRef;
    let ada = talent("t_ada", "Nurse", "Clinic");
    let report = first
        .upsert_profiles(std::slice::from_ref(&ada), "a", None)
        .await
        .unwrap();
    assert_eq!(report.outcomes, [UpsertOutcome::Inserted]);
    assert!(first.suppression_list().await.unwrap().is_empty());
    second
        .erase_person(&PersonRef::Talent("t_ada".into()), "test", None)
        .await
        .unwrap();
    let report = first.upsert_profiles(&[ada], "a", None).await.unwrap();
    assert_eq!(report.outcomes, [UpsertOutcome::Suppressed]);
    let report = first
        .upsert_profiles(&[talent("t_bob", "Nurse", "Clinic")], "a", None)
        .await
        .unwrap();
    assert_eq!(report.outcomes, [UpsertOutcome::Inserted]);
}

#[tokio::test]
async fn an_erasure_elsewhere_counts_at_the_next_batch_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scout.db").to_string_lossy().into_owned();
    let first = Store::open(&path).await.unwrap();
    let second = Store::open(&path).await.unwrap();
    an_erasure_elsewhere_counts_at_the_next_batch(first, second).await;
}

#[tokio::test]
async fn an_erasure_elsewhere_counts_at_the_next_batch_on_postgresql() {
    let (server, _) = postgres_store().await;
    let url = server.fresh_database().await.unwrap();
    let first = Store::open(&url).await.unwrap();
    let second = Store::open(&url).await.unwrap();
    an_erasure_elsewhere_counts_at_the_next_batch(first, second).await;
}

/// Two handles on one store, as two servers sharing PostgreSQL have, each
/// with its own filter of the identity keys stored (`identity_filter.rs`):
/// a person one of them stored after the other loaded its filter is still
/// found by the other's next import, and so are the keys a duplicates scan
/// gives old profiles without a new change number. `clear_keys` empties a
/// profile's keys as migration 0011 left every profile stored before it.
async fn a_person_stored_elsewhere_is_still_found<F, Fut>(
    first: Store,
    second: Store,
    clear_keys: F,
) where
    F: Fn(&'static str) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let with_linkedin = |id: &str, slug: &str| -> Talent {
        serde_json::from_value(serde_json::json!({
            "id": id, "firstname": "Bo", "lastname": "Berg",
            "linkedinUrl": format!("https://www.linkedin.com/in/{slug}")
        }))
        .unwrap()
    };
    // the first handle loads its filter: nobody is stored yet
    let filler = talent("t_filler", "Nurse", "Clinic");
    first
        .import_profiles(&[filler], &[Default::default()], "a", None)
        .await
        .unwrap();
    // the second stores Bo; the first, importing him under another id,
    // reads the rows numbered since and merges
    second
        .import_profiles(
            &[with_linkedin("bo1", "bo-berg")],
            &[Default::default()],
            "b",
            None,
        )
        .await
        .unwrap();
    let r = first
        .import_profiles(
            &[with_linkedin("bo2", "bo-berg")],
            &[Default::default()],
            "a",
            None,
        )
        .await
        .unwrap();
    assert_eq!(r.outcomes, [UpsertOutcome::Merged]);
    // a profile stored before identity keys existed, keyed by a scan after
    // the first handle's filter was current
    second
        .import_profiles(
            &[with_linkedin("cy1", "cy-old")],
            &[Default::default()],
            "b",
            None,
        )
        .await
        .unwrap();
    clear_keys("cy1").await;
    first
        .import_profiles(
            &[talent("t_other", "Nurse", "Clinic")],
            &[Default::default()],
            "a",
            None,
        )
        .await
        .unwrap();
    second.scan_duplicates(None, "scan").await.unwrap();
    let r = first
        .import_profiles(
            &[with_linkedin("cy2", "cy-old")],
            &[Default::default()],
            "a",
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        r.outcomes,
        [UpsertOutcome::Merged],
        "keys a scan set are seen by every handle's next import"
    );
}

const CLEAR_KEYS: &str =
    "UPDATE profiles SET linkedin_key = NULL, email_key = NULL, phone_key = NULL, name_key = NULL WHERE id = ";

#[tokio::test]
async fn a_person_stored_elsewhere_is_still_found_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scout.db").to_string_lossy().into_owned();
    let first = Store::open(&path).await.unwrap();
    let second = Store::open(&path).await.unwrap();
    let raw = sqlx::SqlitePool::connect(&format!("sqlite://{path}"))
        .await
        .unwrap();
    a_person_stored_elsewhere_is_still_found(first, second, |id| {
        let raw = raw.clone();
        async move {
            sqlx::query(&format!("{CLEAR_KEYS}'{id}'"))
                .execute(&raw)
                .await
                .unwrap();
        }
    })
    .await;
}

#[tokio::test]
async fn a_person_stored_elsewhere_is_still_found_on_postgresql() {
    let (server, _) = postgres_store().await;
    let url = server.fresh_database().await.unwrap();
    let first = Store::open(&url).await.unwrap();
    let second = Store::open(&url).await.unwrap();
    let raw = sqlx::PgPool::connect(&url).await.unwrap();
    a_person_stored_elsewhere_is_still_found(first, second, |id| {
        let raw = raw.clone();
        async move {
            sqlx::query(&format!("{CLEAR_KEYS}'{id}'"))
                .execute(&raw)
                .await
                .unwrap();
        }
    })
    .await;
}
