//! One conformance suite for the store, run against SQLite and PostgreSQL.
//! The PostgreSQL run starts its own throwaway server and fails (never skips)
//! when it cannot.

use scout_model::{CurrentOrganization, Experience, Organization, Talent};
use scout_store::testing::PgServer;
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
        .upsert_profiles(&[a.clone(), b.clone()], "one.jsonl")
        .await
        .unwrap();
    assert_eq!(
        r.outcomes,
        vec![UpsertOutcome::Inserted, UpsertOutcome::Inserted]
    );
    assert_eq!(r.last_seq, Some(2));
    let mut a2 = a.clone();
    a2.job_title = Some("Senior Engineer".into());
    let r = store
        .upsert_profiles(&[a2.clone(), b.clone()], "two.jsonl")
        .await
        .unwrap();
    assert_eq!(
        r.outcomes,
        vec![UpsertOutcome::Updated, UpsertOutcome::Unchanged]
    );
    assert_eq!(r.last_seq, Some(3));
    assert_eq!(store.count_profiles().await.unwrap(), 2);
    let got = store
        .get_profiles(&["b".into(), "a".into(), "zz".into()])
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
        )
        .await
        .unwrap();
    store
        .upsert_profiles(&[talent("a", "Lead Engineer", "Acme")], "f")
        .await
        .unwrap();
    assert_eq!(
        store
            .delete_profiles(&["b".into(), "missing".into()])
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
    let r = store.upsert_profiles(&many, "big").await.unwrap();
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
}

async fn search_transactions_round_trip_per_workspace(store: Store) {
    store
        .save_transaction("st_1", "ws_a", &["t1".into(), "t2".into()])
        .await
        .unwrap();
    store
        .save_transaction("st_2", "ws_b", &["t3".into()])
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
}

macro_rules! suite {
    ($($case:ident),*) => {
        #[tokio::test]
        async fn sqlite_conformance() {
            $(
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(&dir.path().join("scout.db").to_string_lossy()).await.unwrap();
                assert_eq!(store.backend_name(), "sqlite");
                $case(store).await;
            )*
        }

        #[tokio::test]
        async fn postgres_conformance() {
            let server = PgServer::start().unwrap_or_else(|e| panic!("PostgreSQL is required for this test: {e}"));
            $(
                let url = server.fresh_database().await.unwrap();
                let store = Store::open(&url).await.unwrap();
                assert_eq!(store.backend_name(), "postgres");
                $case(store).await;
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
    search_transactions_round_trip_per_workspace
);
