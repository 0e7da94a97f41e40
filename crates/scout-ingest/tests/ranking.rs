//! The engine's pruned ranking against exhaustive scoring, on generated
//! profiles and the committed benchmark requests: the best 10 must be the
//! first 10 of every match scored, counts must agree, and paging with the
//! already-seen ids must return every match exactly once, best first; the
//! filter cache must change none of it.

use std::collections::HashSet;

use scout_engine::{Engine, SearchOptions};
use scout_ingest::generate::Generator;
use scout_query::Filter;

const PROFILES: u64 = 4000;

fn engine() -> Engine {
    let generator = Generator::new(7, PROFILES as usize);
    let engine = Engine::in_memory();
    engine.remember_organizations(generator.organizations());
    let mut w = engine.writer(100_000_000).unwrap();
    for i in 0..PROFILES {
        w.upsert(i as i64 + 1, &generator.profile(i)).unwrap();
    }
    w.commit().unwrap();
    engine.reload().unwrap();
    engine
}

fn requests() -> Vec<Vec<Filter>> {
    let text = include_str!("../../scout/bench/search_requests.json");
    let file: serde_json::Value = serde_json::from_str(text).unwrap();
    file["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| scout_query::parse_search_request(b).unwrap().filters)
        .collect()
}

#[test]
fn pruned_top_hits_equal_exhaustive_scoring() {
    let engine = engine();
    let mut nonempty = 0;
    for filters in requests() {
        let all = engine
            .search(
                &filters,
                &SearchOptions {
                    limit: PROFILES as usize,
                    ..Default::default()
                },
            )
            .unwrap();
        let top = engine.search(&filters, &SearchOptions::default()).unwrap();
        assert_eq!(top.total, all.total, "{filters:?}");
        // the same with the filter cache off (the searches above fed it)
        let uncached = engine
            .search(
                &filters,
                &SearchOptions {
                    use_tier_cache: false,
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(uncached.hits, top.hits, "{filters:?}");
        assert_eq!(uncached.total, top.total, "{filters:?}");
        assert_eq!(all.hits.len() as u64, all.total, "{filters:?}");
        let want: Vec<(&str, f32)> = all
            .hits
            .iter()
            .take(10)
            .map(|h| (h.id.as_str(), h.score))
            .collect();
        let got: Vec<(&str, f32)> = top.hits.iter().map(|h| (h.id.as_str(), h.score)).collect();
        assert_eq!(got, want, "{filters:?}");
        for pair in all.hits.windows(2) {
            assert!(pair[0].score >= pair[1].score, "{filters:?}");
        }
        nonempty += usize::from(!top.hits.is_empty());
    }
    assert!(
        nonempty >= 20,
        "the requests should find people: {nonempty}"
    );
}

#[test]
fn paging_with_seen_ids_returns_every_match_once_best_first() {
    let engine = engine();
    for filters in requests().into_iter().step_by(6) {
        let mut seen: HashSet<String> = HashSet::new();
        let mut last_page_min = f32::INFINITY;
        let mut total = None;
        loop {
            let page = engine
                .search(
                    &filters,
                    &SearchOptions {
                        limit: 10,
                        exclude_ids: seen.clone(),
                        ..Default::default()
                    },
                )
                .unwrap();
            total.get_or_insert(page.total);
            assert_eq!(Some(page.total), total, "the count ignores what was seen");
            if page.hits.is_empty() {
                break;
            }
            for h in &page.hits {
                assert!(h.score <= last_page_min + 1e-6, "{filters:?}");
                assert!(seen.insert(h.id.clone()), "{} twice", h.id);
            }
            last_page_min = page
                .hits
                .iter()
                .map(|h| h.score)
                .fold(f32::INFINITY, f32::min);
        }
        assert_eq!(seen.len() as u64, total.unwrap_or(0), "{filters:?}");
    }
}
