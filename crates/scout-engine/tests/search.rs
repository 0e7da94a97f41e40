//! End-to-end engine tests: index a handful of profiles, search them.

use scout_engine::{Engine, SearchOptions};
use scout_model::criteria::{Criterion, Filter, YearRange};
use scout_model::{History, Talent};

fn talent(id: &str, extra: serde_json::Value) -> Talent {
    let mut v = serde_json::json!({"id": id});
    if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    serde_json::from_value(v).unwrap()
}

fn engine(talents: &[Talent]) -> Engine {
    let engine = Engine::in_memory();
    let mut w = engine.writer(50_000_000).unwrap();
    for (i, t) in talents.iter().enumerate() {
        w.upsert(i as i64 + 1, t).unwrap();
    }
    w.commit().unwrap();
    engine.reload().unwrap();
    engine
}

fn ids(engine: &Engine, filters: &[Filter]) -> Vec<String> {
    engine
        .search(
            filters,
            &SearchOptions {
                limit: 100,
                ..Default::default()
            },
        )
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn people() -> Vec<Talent> {
    vec![
        talent(
            "a",
            serde_json::json!({"jobTitle": "Senior Software Engineer", "city": "Paris", "country": "France",
            "skills": ["React", "TypeScript"], "summary": "B2B SaaS platforms",
            "experiences": [{"title": "Senior Software Engineer", "organizationName": "Acme", "isCurrent": true, "startDate": "2015-01-01", "description": "React front ends"}]}),
        ),
        talent(
            "b",
            serde_json::json!({"jobTitle": "Software Developer", "city": "Versailles", "country": "France",
            "skills": ["ReactJS"],
            "experiences": [{"title": "Software Developer", "isCurrent": true, "startDate": "2023-01-01"}]}),
        ),
        talent(
            "c",
            serde_json::json!({"jobTitle": "Registered Nurse", "city": "Lyon", "country": "France",
            "skills": ["Patient Care"],
            "experiences": [{"title": "Registered Nurse", "isCurrent": true, "startDate": "2010-01-01"},
                            {"title": "Software Engineer", "endDate": "2009-12-01", "startDate": "2005-01-01"}]}),
        ),
        talent(
            "d",
            serde_json::json!({"jobTitle": "Software Engineer", "city": "London", "country": "United Kingdom",
            "skills": ["Java"], "experiences": [{"title": "Software Engineer", "isCurrent": true, "startDate": "2020-01-01"}]}),
        ),
    ]
}

#[test]
fn title_with_synonyms_location_radius_and_skill() {
    let e = engine(&people());
    let title = Criterion::JobTitle {
        title: "Software Engineer".into(),
        history: History::Current,
    };
    let ranked = ids(&e, &[Filter::required(title.clone())]);
    assert_eq!(ranked.len(), 3);
    assert_eq!(
        ranked[2], "b",
        "the title's phrase outranks a synonym: {ranked:?}"
    );
    let paris = Criterion::Location {
        place: "Paris".into(),
        radius_km: Some(30.0),
    };
    assert_eq!(
        ids(
            &e,
            &[
                Filter::required(title.clone()),
                Filter::required(paris.clone())
            ]
        ),
        vec!["a", "b"]
    );
    let no_radius = Criterion::Location {
        place: "Paris".into(),
        radius_km: None,
    };
    assert_eq!(ids(&e, &[Filter::required(no_radius)]), vec!["a"]);
    let react = Criterion::Skill("React".into());
    assert_eq!(
        ids(&e, &[Filter::required(react.clone())]),
        vec!["a", "b"],
        "used in current role ranks first; alias matches"
    );
    let past = Criterion::JobTitle {
        title: "Software Engineer".into(),
        history: History::Past,
    };
    assert_eq!(ids(&e, &[Filter::required(past)]), vec!["c"]);
    let mut exact = Filter::required(title);
    exact.exact = true;
    let mut exact_ids = ids(&e, &[exact]);
    exact_ids.sort();
    assert_eq!(exact_ids, vec!["a", "d"], "no synonyms under isExactMatch");
}

#[test]
fn optional_raises_rank_and_excluded_removes() {
    let e = engine(&people());
    let fr = Criterion::Location {
        place: "France".into(),
        radius_km: None,
    };
    let react = Criterion::Skill("React".into());
    let got = ids(
        &e,
        &[
            Filter::required(fr.clone()),
            Filter::optional(react.clone()),
        ],
    );
    assert_eq!(got, vec!["a", "b", "c"]);
    let got = ids(&e, &[Filter::required(fr), Filter::excluded(react)]);
    assert_eq!(got, vec!["c"]);
    let kw = Criterion::Keyword("b2b saas".into());
    assert_eq!(ids(&e, &[Filter::required(kw)]), vec!["a"]);
    let yoe = Criterion::YearsOfExperience(YearRange { lo: 10, hi: 15 });
    assert_eq!(ids(&e, &[Filter::required(yoe)]), vec!["a"]);
}

#[test]
fn counts_are_exact_and_seen_ids_are_excluded() {
    let e = engine(&people());
    let fr = Filter::required(Criterion::Location {
        place: "France".into(),
        radius_km: None,
    });
    let first = e
        .search(
            std::slice::from_ref(&fr),
            &SearchOptions {
                limit: 2,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(first.total, 3);
    assert_eq!(first.hits.len(), 2);
    let seen = first.hits.iter().map(|h| h.id.clone()).collect();
    let next = e
        .search(
            &[fr],
            &SearchOptions {
                limit: 2,
                exclude_ids: seen,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(next.hits.len(), 1);
    assert!(!first.hits.iter().any(|h| h.id == next.hits[0].id));
}

/// An index on disk where each of `people()` was committed on its own, so
/// each has a segment; with its writer.
fn one_segment_per_person() -> (tempfile::TempDir, Engine, scout_engine::IndexWriterHandle) {
    let dir = tempfile::tempdir().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let mut w = e.writer(20_000_000).unwrap();
    for (i, t) in people().iter().enumerate() {
        w.upsert(i as i64 + 1, t).unwrap();
        w.commit().unwrap();
    }
    e.reload().unwrap();
    assert_eq!(e.num_segments(), 4);
    (dir, e, w)
}

#[test]
fn optimize_merges_to_one_segment_and_keeps_the_checkpoint() {
    let (_dir, e, w) = one_segment_per_person();
    w.optimize().unwrap();
    e.reload().unwrap();
    assert_eq!(e.num_segments(), 1);
    assert_eq!(e.num_docs(), 4);
    assert_eq!(e.checkpoint().unwrap(), 4);
    let mut again = e.writer(20_000_000).unwrap();
    again.delete(5, "a");
    again.commit().unwrap();
    e.reload().unwrap();
    assert_eq!(e.num_docs(), 3);
}

/// `/health` reports what searches see: a commit not yet reloaded does not
/// count as indexed (CI once saw `lag: 0` beside a tenth of the documents).
#[test]
fn the_searchable_checkpoint_moves_only_when_searches_see_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let mut w = e.writer(20_000_000).unwrap();
    assert_eq!(e.searchable_checkpoint(), 0);
    for (i, t) in people().iter().enumerate() {
        w.upsert(i as i64 + 1, t).unwrap();
    }
    w.commit().unwrap();
    assert_eq!(e.checkpoint().unwrap(), 4);
    assert_eq!((e.searchable_checkpoint(), e.num_docs()), (0, 0));
    e.reload().unwrap();
    assert_eq!((e.searchable_checkpoint(), e.num_docs()), (4, 4));
    drop(w);
    let reopened = Engine::open(dir.path()).unwrap();
    assert_eq!(reopened.searchable_checkpoint(), 4);
}

/// Terms derived from other reference data (a release whose places or
/// titles differ) would disagree with today's searches: such an index is
/// refused as another version's, which `scout serve` rebuilds.
#[test]
fn an_index_derived_from_other_reference_data_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let e = Engine::open(dir.path()).unwrap();
        let mut w = e.writer(20_000_000).unwrap();
        for (i, t) in people().iter().enumerate() {
            w.upsert(i as i64 + 1, t).unwrap();
        }
        w.commit().unwrap();
    }
    assert!(Engine::open(dir.path()).is_ok(), "the same data reopens");
    let meta = dir.path().join("meta.json");
    let text = std::fs::read_to_string(&meta).unwrap();
    let now = scout_taxonomy::data::fingerprint();
    assert!(text.contains(now), "{text}");
    std::fs::write(&meta, text.replace(now, "0123456789abcdef")).unwrap();
    assert!(matches!(
        Engine::open(dir.path()),
        Err(scout_engine::EngineError::SchemaMismatch(_))
    ));
}

#[test]
fn a_fragmented_index_is_merged_in_the_background_and_searches_follow() {
    let (_dir, e, mut w) = one_segment_per_person();
    assert!(!e.reload_if_behind().unwrap());
    assert!(w.compact_if_fragmented().unwrap());
    // The merge runs on Tantivy's merge threads; wait for it, boundedly.
    let mut merged = false;
    for _ in 0..200 {
        e.reload_if_behind().unwrap();
        if e.num_segments() == 1 {
            merged = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(merged, "still {} segments", e.num_segments());
    assert_eq!(e.num_docs(), 4);
    assert_eq!(e.checkpoint().unwrap(), 4);
    assert!(
        !w.compact_if_fragmented().unwrap(),
        "one segment is not fragmented"
    );
    assert!(!e.reload_if_behind().unwrap());
}

/// After an erasure the follower asks for the deleted documents to be
/// merged away, however few: the index's files then hold nothing of them.
#[test]
fn deleted_documents_are_purged_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let mut w = e.writer(20_000_000).unwrap();
    for (i, t) in people().iter().enumerate() {
        w.upsert(i as i64 + 1, t).unwrap();
    }
    w.commit().unwrap();
    e.reload().unwrap();
    assert!(!w.purge_deleted().unwrap(), "nothing deleted yet");
    w.delete(5, &people()[0].id);
    w.commit().unwrap();
    e.reload().unwrap();
    assert_eq!(e.num_docs(), 3);
    assert!(
        w.purge_deleted().unwrap(),
        "one segment holds a deleted document"
    );
    // the merge runs on Tantivy's merge threads and commits when done
    let mut merged = false;
    for _ in 0..200 {
        if e.reload_if_behind().unwrap() {
            merged = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(merged, "the merge did not finish");
    assert_eq!((e.num_segments(), e.num_docs()), (1, 3));
    assert!(!w.purge_deleted().unwrap(), "no deleted document is left");
}

/// Enough talents that their broad tiers are worth caching (2,048+).
fn crowd(n: usize) -> Vec<Talent> {
    (0..n)
        .map(|i| {
            let (title, country) = match i % 3 {
                0 => ("Software Engineer", "France"),
                1 => ("Software Engineer", "Germany"),
                _ => ("Registered Nurse", "France"),
            };
            let skills: Vec<&str> = if i % 2 == 0 { vec!["Rust"] } else { vec![] };
            talent(
                &format!("t{i:05}"),
                serde_json::json!({"jobTitle": title, "country": country, "skills": skills,
                "experiences": [{"title": title, "isCurrent": true, "startDate": "2018-01-01"}]}),
            )
        })
        .collect()
}

fn both_ways(engine: &Engine, filters: &[Filter]) -> (Vec<(String, f32)>, u64) {
    let run = |use_tier_cache| {
        let r = engine
            .search(
                filters,
                &SearchOptions {
                    limit: 50,
                    use_tier_cache,
                    ..Default::default()
                },
            )
            .unwrap();
        let hits: Vec<(String, f32)> = r.hits.into_iter().map(|h| (h.id, h.score)).collect();
        (hits, r.total)
    };
    let uncached = run(false);
    let cached = run(true);
    assert_eq!(cached, uncached, "the filter cache changed a result");
    cached
}

#[test]
fn the_filter_cache_never_changes_results_nor_hides_later_changes() {
    let people = crowd(9000);
    let e = engine(&people);
    let filters = [
        Filter::required(Criterion::JobTitle {
            title: "Software Engineer".into(),
            history: History::CurrentOrPast,
        }),
        Filter::optional(Criterion::Skill("Rust".into())),
        Filter::excluded(Criterion::Location {
            place: "Germany".into(),
            radius_km: None,
        }),
    ];
    let (first, total) = both_ways(&e, &filters);
    assert_eq!(total, 3000);
    for _ in 0..3 {
        assert_eq!(both_ways(&e, &filters), (first.clone(), total));
    }
    let stats = e.tier_cache_stats();
    assert!(stats.hits > 0 && stats.entries > 0, "{stats:?}");

    // The best hit stops being an engineer: its old document is deleted in
    // a segment whose tiers are cached, and must not come back.
    let best = first[0].0.clone();
    let index: usize = best[1..].parse().unwrap();
    let mut w = e.writer(50_000_000).unwrap();
    let mut changed = people[index].clone();
    changed.job_title = Some("Registered Nurse".into());
    changed.experiences[0].title = Some("Registered Nurse".into());
    w.upsert(people.len() as i64 + 1, &changed).unwrap();
    w.commit().unwrap();
    e.reload().unwrap();
    let (after, total_after) = both_ways(&e, &filters);
    assert_eq!(total_after, total - 1);
    assert!(after.iter().all(|(id, _)| *id != best));
}

/// Many equal matches of varied completeness, ids not in document order.
fn ties(n: usize) -> Vec<Talent> {
    (0..n)
        .map(|i| {
            let title = if i % 3 == 2 {
                "Registered Nurse"
            } else {
                "Software Engineer"
            };
            let mut experiences = vec![serde_json::json!(
                {"title": title, "isCurrent": true, "startDate": "2018-01-01"})];
            if i % 6 == 5 {
                // a nurse who was an engineer: a past title only
                experiences.push(serde_json::json!({"title": "Software Engineer",
                    "startDate": "2012-01-01", "endDate": "2017-12-01"}));
            }
            let mut extra = serde_json::json!({"jobTitle": title, "country": "France",
                "experiences": experiences});
            let o = extra.as_object_mut().unwrap();
            if i % 2 == 0 {
                o.insert(
                    "summary".into(),
                    "Builds distributed systems for a living".into(),
                );
            }
            if i % 5 < 2 {
                o.insert("headline".into(), "Engineer".into());
            }
            if i % 7 < 3 {
                o.insert("skills".into(), serde_json::json!(["Rust", "Go", "SQL"]));
            }
            if i % 11 < 4 {
                o.insert("linkedinUrl".into(), "https://example.org/p".into());
            }
            // ids shuffled against document order, so ties do not follow it
            talent(&format!("t{:05}", (i * 7919) % n), extra)
        })
        .collect()
}

#[test]
fn walking_the_tie_order_ranks_like_scoring_every_match() {
    let people = ties(6000);
    let e = engine(&people);
    let search = |filters: &[Filter], limit: usize, seen: &std::collections::HashSet<String>| {
        e.search(
            filters,
            &SearchOptions {
                limit,
                exclude_ids: seen.clone(),
                ..Default::default()
            },
        )
        .unwrap()
    };
    let cases = [
        (false, History::Current, 4000),
        (true, History::Current, 4000),
        // held now or in the past: two tiers worth the same make the class
        (false, History::CurrentOrPast, 5000),
        (true, History::CurrentOrPast, 5000),
    ];
    for (exact, history, total) in cases {
        let mut title = Filter::required(Criterion::JobTitle {
            title: "Software Engineer".into(),
            history,
        });
        title.exact = exact;
        let filters = [title];
        let all = search(&filters, 6000, &Default::default());
        assert_eq!(all.total, total);
        let scores: std::collections::HashSet<u32> =
            all.hits.iter().map(|h| h.score.to_bits()).collect();
        assert!(scores.len() > 3, "completeness should vary");
        // three pages, each excluding what the earlier ones returned
        let mut seen = std::collections::HashSet::new();
        let mut paged = Vec::new();
        for _ in 0..3 {
            let page = search(&filters, 10, &seen);
            assert_eq!(page.total, total);
            for h in page.hits {
                seen.insert(h.id.clone());
                paged.push((h.id, h.score));
            }
        }
        let want: Vec<(String, f32)> = all
            .hits
            .iter()
            .take(30)
            .map(|h| (h.id.clone(), h.score))
            .collect();
        assert_eq!(paged, want, "exact: {exact}, {history:?}");
    }
}

#[test]
fn employer_industries_join_current_and_past_employers_through_known_organizations() {
    let dir = tempfile::tempdir().unwrap();
    let e = Engine::open(dir.path()).unwrap();
    let org = |id: &str, name: &str, industry: &str| -> scout_model::Organization {
        serde_json::from_value(serde_json::json!({"id": id, "name": name, "industry": industry}))
            .unwrap()
    };
    e.remember_organizations(&[
        org("o1", "Acme Bank", "Banking"),
        org("o2", "Initech", "Software Development"),
    ]);
    let talent: scout_model::Talent = serde_json::from_value(serde_json::json!({
        "id": "t1",
        "experiences": [
            {"title": "Engineer", "organizationName": "Initech", "isCurrent": true, "startDate": "2020-01-01"},
            {"title": "Analyst", "organizationName": "acme bank", "startDate": "2015-01-01", "endDate": "2019-12-31"},
            {"title": "Intern", "organizationName": "Unknown Ltd", "startDate": "2014-01-01", "endDate": "2014-06-30"}
        ]
    }))
    .unwrap();
    let nobody: scout_model::Talent =
        serde_json::from_value(serde_json::json!({"id": "t2"})).unwrap();
    assert_eq!(
        e.employer_industries(&[talent, nobody]),
        vec![vec!["banking", "software development"], vec![]]
    );
}

/// A workspace's own profiles are found and counted by its searches alone,
/// beside the shared pool's; two workspaces' profiles of one id are two
/// documents, and an exclusion names the id a workspace knows.
#[test]
fn a_workspace_sees_the_shared_pool_and_its_own_profiles_only() {
    use scout_model::ownership::profile_key;
    let e = Engine::in_memory();
    let mut w = e.writer(20_000_000).unwrap();
    let nurse = |key: &str| talent(key, serde_json::json!({"jobTitle": "Nurse"}));
    w.upsert(1, &nurse("shared")).unwrap();
    w.upsert(2, &nurse(&profile_key(Some("ws_a"), "p1")))
        .unwrap();
    w.upsert(3, &nurse(&profile_key(Some("ws_b"), "p1")))
        .unwrap();
    w.upsert(4, &nurse(&profile_key(Some("ws_b"), "p2")))
        .unwrap();
    w.commit().unwrap();
    e.reload().unwrap();
    let nurses = [Filter::required(Criterion::JobTitle {
        title: "Nurse".into(),
        history: History::Current,
    })];
    let seen = |workspace: Option<&str>, exclude: &[&str]| {
        let r = e
            .search(
                &nurses,
                &SearchOptions {
                    workspace: workspace.map(str::to_owned),
                    exclude_ids: exclude.iter().map(|s| s.to_string()).collect(),
                    ..Default::default()
                },
            )
            .unwrap();
        let mut ids: Vec<String> = r.hits.into_iter().map(|h| h.id).collect();
        ids.sort();
        (r.total, ids)
    };
    assert_eq!(seen(None, &[]), (1, vec!["shared".to_string()]));
    assert_eq!(
        seen(Some("ws_a"), &[]),
        (2, vec!["p1".into(), "shared".into()])
    );
    assert_eq!(
        seen(Some("ws_b"), &[]),
        (3, vec!["p1".into(), "p2".into(), "shared".into()])
    );
    assert_eq!(seen(Some("ws_c"), &[]), (1, vec!["shared".into()]));
    // already-seen talents are named by the id the workspace knows
    assert_eq!(
        seen(Some("ws_b"), &["p1"]).1,
        vec!["p2".to_string(), "shared".into()]
    );
    // a deleted own profile leaves its workspace's view
    w.delete(5, &profile_key(Some("ws_b"), "p2"));
    w.commit().unwrap();
    e.reload().unwrap();
    assert_eq!(seen(Some("ws_b"), &[]).0, 2);
}

#[test]
fn employers_are_known_by_whole_names_in_the_askers_view_only() {
    let owned = |workspace: &str, id: &str, employer: &str| {
        talent(
            &scout_model::ownership::profile_key(Some(workspace), id),
            serde_json::json!({"jobTitle": "Analyst",
                "experiences": [{"title": "Analyst", "organizationName": employer, "isCurrent": false,
                    "startDate": "2015-01-01", "endDate": "2018-01-01"}]}),
        )
    };
    let shared = talent(
        "pool",
        serde_json::json!({"jobTitle": "Nurse",
            "experiences": [{"title": "Nurse", "organizationName": "Quorvex Health", "isCurrent": true, "startDate": "2019-01-01"}]}),
    );
    let engine = engine(&[shared, owned("acme", "x", "Zentrix")]);
    // the shared pool's employers, by their whole name only
    assert!(engine.knows_employer("Quorvex Health", None).unwrap());
    assert!(engine
        .knows_employer("quorvex health", Some("beta"))
        .unwrap());
    assert!(!engine.knows_employer("Quorvex", None).unwrap());
    assert!(!engine.knows_employer("Health", None).unwrap());
    // a workspace's own profiles' employers, for that workspace alone
    assert!(engine.knows_employer("Zentrix", Some("acme")).unwrap());
    assert!(!engine.knows_employer("Zentrix", Some("beta")).unwrap());
    assert!(!engine.knows_employer("Zentrix", None).unwrap());
    // organizations the engine knows
    assert!(!engine.knows_employer("Aetna", None).unwrap());
    engine.remember_organizations(&[scout_model::Organization {
        id: "org-1".into(),
        name: "Aetna".into(),
        logo_url: None,
        size: None,
        industry: None,
        country: None,
    }]);
    assert!(engine.knows_employer("AETNA", Some("beta")).unwrap());
    assert!(!engine.knows_employer("", None).unwrap());
}
