//! Boolean `KEYWORD` expressions: the engine finds exactly the profiles
//! whose text makes the expression true, and explains which terms matched.

use proptest::prelude::*;
use scout_engine::{Engine, SearchOptions};
use scout_model::boolean::{BoolExpr, BooleanKeyword};
use scout_model::criteria::{Criterion, Filter};
use scout_model::Talent;

const WORDS: [&str; 4] = ["kotlin", "android", "payments", "robotics"];

/// One profile per subset of [`WORDS`]: profile `p5` holds words 0 and 2.
fn profiles() -> Vec<(Talent, Vec<&'static str>)> {
    (0..16u32)
        .map(|bits| {
            let words: Vec<&str> = (0..4)
                .filter(|i| bits & (1 << i) != 0)
                .map(|i| WORDS[i])
                .collect();
            let talent: Talent = serde_json::from_value(serde_json::json!({
                "id": format!("p{bits}"),
                "jobTitle": "Engineer",
                "summary": format!("works on {}", words.join(" and ")),
            }))
            .unwrap();
            (talent, words)
        })
        .collect()
}

fn engine() -> Engine {
    let e = Engine::in_memory();
    let mut w = e.writer(30_000_000).unwrap();
    for (i, (t, _)) in profiles().iter().enumerate() {
        w.upsert(i as i64 + 1, t).unwrap();
    }
    w.commit().unwrap();
    e.reload().unwrap();
    e
}

fn boolean(expr: BoolExpr) -> Criterion {
    Criterion::Boolean(BooleanKeyword {
        text: expr.to_string(),
        expr,
    })
}

fn ids(e: &Engine, f: Filter) -> Vec<String> {
    let mut v: Vec<String> = e
        .search(
            &[f],
            &SearchOptions {
                limit: 20,
                ..Default::default()
            },
        )
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    v.sort();
    v
}

fn word(i: usize) -> BoolExpr {
    BoolExpr::Word(WORDS[i].to_owned())
}

fn expr() -> impl Strategy<Value = BoolExpr> {
    (0..4usize)
        .prop_map(word)
        .prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 2..4).prop_map(BoolExpr::And),
                prop::collection::vec(inner.clone(), 2..4).prop_map(BoolExpr::Or),
                inner.prop_map(|x| BoolExpr::Not(Box::new(x))),
            ]
        })
}

#[test]
fn a_recruiters_expression_finds_the_right_people_and_says_which_terms_matched() {
    let e = engine();
    // (kotlin OR android) AND NOT payments
    let x = BoolExpr::And(vec![
        BoolExpr::Or(vec![word(0), word(1)]),
        BoolExpr::Not(Box::new(word(2))),
    ]);
    let want: Vec<String> = profiles()
        .iter()
        .filter(|(_, w)| {
            (w.contains(&"kotlin") || w.contains(&"android")) && !w.contains(&"payments")
        })
        .map(|(t, _)| t.id.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(ids(&e, Filter::required(boolean(x.clone()))), want);
    let everyone = profiles();
    let p3 = &everyone[3].0; // kotlin and android
    let evidence = &e.explain([p3], &[Filter::required(boolean(x))])[0][0];
    assert_eq!(
        evidence.matched_terms.as_deref(),
        Some(&["kotlin".to_owned(), "android".to_owned()][..])
    );
    assert_eq!(evidence.field.as_deref(), Some("summary"));
    // a phrase is its words in order: "works on kotlin" only where kotlin comes first
    let phrase = BoolExpr::Phrase("works on kotlin".into());
    let with_kotlin: Vec<String> = (0..16u32)
        .filter(|b| b & 1 == 1)
        .map(|b| format!("p{b}"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(ids(&e, Filter::required(boolean(phrase))), with_kotlin);
    // a lone NOT is everyone but those with the word
    assert_eq!(
        ids(
            &e,
            Filter::required(boolean(BoolExpr::Not(Box::new(word(3)))))
        )
        .len(),
        8
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Required, the expression keeps exactly the profiles it holds for;
    /// excluded, exactly the others; the explanation agrees with both.
    #[test]
    fn the_engine_and_the_explanation_agree_with_the_expression(x in expr()) {
        let e = engine_once();
        let everyone = profiles();
        let mut holds: Vec<String> = Vec::new();
        let mut fails: Vec<String> = Vec::new();
        for (t, words) in &everyone {
            if x.holds(&mut |term| words.contains(&term)) {
                holds.push(t.id.clone());
            } else {
                fails.push(t.id.clone());
            }
        }
        holds.sort();
        fails.sort();
        prop_assert_eq!(ids(e, Filter::required(boolean(x.clone()))), holds.clone(), "{}", x);
        prop_assert_eq!(ids(e, Filter::excluded(boolean(x.clone()))), fails, "{}", x);
        let talents: Vec<&Talent> = everyone.iter().map(|(t, _)| t).collect();
        let explained = e.explain(talents.iter().copied(), &[Filter::required(boolean(x.clone()))]);
        for ((t, _), ev) in everyone.iter().zip(&explained) {
            prop_assert_eq!(ev[0].matched_terms.is_some(), holds.contains(&t.id), "{} {}", x, t.id);
        }
    }
}

fn engine_once() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(engine)
}
