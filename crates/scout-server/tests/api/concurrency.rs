//! Several clients writing at once, while others search: the normal case.
//! Every write endpoint is hit by 8 concurrent clients (bounded in count and
//! time) beside a search load; no request may answer 5xx, and every write
//! must be there afterwards.

use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};

use scout_server::Settings;

use crate::helpers::{fixture_talents, spawn_app, spawn_app_on, TestApp};

const WRITERS: usize = 8;
const ROUNDS: usize = 6;

/// A client searching in a loop (at most 1,000 times) until `stop` is set;
/// returns the statuses of failed searches.
fn search_load(
    app: &TestApp,
    key: String,
    stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<Vec<u16>> {
    let client = app.client.clone();
    let url = format!("{}/v1/search/talents", app.address);
    tokio::spawn(async move {
        let mut failures = Vec::new();
        let mut n = 0;
        while !*stop.borrow() && n < 1_000 {
            n += 1;
            let res = client
                .post(&url)
                .header("x-api-key", &key)
                .json(&json!({"filters": [{"filterType": "JOB_TITLE", "value": "Software Engineer"}]}))
                .send()
                .await;
            match res {
                Ok(r) if r.status().is_success() => {}
                Ok(r) => failures.push(r.status().as_u16()),
                Err(_) => failures.push(0),
            }
        }
        failures
    })
}

/// Sends `make(i)` for i in 0..WRITERS*ROUNDS from WRITERS clients at once
/// and returns every (status, body).
async fn hammer<F>(app: &TestApp, make: F) -> Vec<(u16, Value)>
where
    F: Fn(usize) -> (Method, String, Value) + Send + Sync + 'static + Clone,
{
    let mut tasks = Vec::new();
    for w in 0..WRITERS {
        let client = app.client.clone();
        let address = app.address.clone();
        let key = app.key.clone();
        let make = make.clone();
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::new();
            for r in 0..ROUNDS {
                let (method, path, body) = make(w * ROUNDS + r);
                let res = client
                    .request(method, format!("{address}{path}"))
                    .header("x-api-key", &key)
                    .json(&body)
                    .send()
                    .await
                    .expect("the server answers");
                let status = res.status().as_u16();
                let body: Value = res.json().await.unwrap_or(Value::Null);
                out.push((status, body));
            }
            out
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("writer task"));
    }
    all
}

fn assert_no_server_errors(what: &str, answers: &[(u16, Value)]) {
    let failed: Vec<_> = answers.iter().filter(|(s, _)| *s >= 500).collect();
    assert!(
        failed.is_empty(),
        "{what}: {} of {} answered 5xx, first: {:?}",
        failed.len(),
        answers.len(),
        failed.first()
    );
}

async fn new_sourcing(app: &TestApp, title: &str) -> String {
    let (status, created) = app
        .send(Method::POST, "/v1/sourcings", json!({"title": title}))
        .await;
    assert_eq!(status, 201, "{created}");
    created["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_writers_on_every_write_endpoint_beside_searches_get_no_server_error() {
    writers_beside_searches(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_on_postgresql() {
    let server = scout_store::testing::PgServer::start()
        .unwrap_or_else(|e| panic!("PostgreSQL is required for this test: {e}"));
    let url = server.fresh_database().await.unwrap();
    let app = spawn_app_on(Some(url), Settings::default(), fixture_talents(), 1000).await;
    writers_beside_searches(app).await;
}

async fn writers_beside_searches(app: TestApp) {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let search_key = app.key_with(&["talents:search"], 1_000_000).await;
    let searchers: Vec<_> = (0..2)
        .map(|_| search_load(&app, search_key.clone(), stop_rx.clone()))
        .collect();

    let run = async {
        // Creating sourcings.
        let created = hammer(&app, |i| {
            (
                Method::POST,
                "/v1/sourcings".into(),
                json!({"title": format!("Role {i}")}),
            )
        })
        .await;
        assert_no_server_errors("create sourcing", &created);
        assert!(created.iter().all(|(s, _)| *s == 201));

        // Adding candidates to one sourcing, and to distinct ones.
        let shared = new_sourcing(&app, "Shared").await;
        let path = format!("/v1/sourcings/{shared}/candidates");
        let added = hammer(&app, move |i| {
            let talent = format!("t{:02}", 1 + i % 30);
            // half of the clients take their base URL from the curl examples
            let prefix = if i % 2 == 0 { "/api" } else { "" };
            (
                Method::POST,
                format!("{prefix}{path}"),
                json!({"talentIds": [talent]}),
            )
        })
        .await;
        assert_no_server_errors("add to one sourcing", &added);
        let distinct: Vec<String> = created
            .iter()
            .map(|(_, b)| b["data"]["sourcing"]["id"].as_str().unwrap().to_owned())
            .collect();
        let added = hammer(&app, move |i| {
            (
                Method::POST,
                format!("/v1/sourcings/{}/candidates", distinct[i]),
                json!({"talentIds": ["t01", "t02", "t03"]}),
            )
        })
        .await;
        assert_no_server_errors("add to distinct sourcings", &added);

        // Every talent of the shared sourcing is there once.
        let (_, listed) = app
            .get(&format!(
                "/v1/sourcings/{shared}/candidates?pageSize=50&statusHandle=TO_BE_CONTACTED"
            ))
            .await;
        let rows = listed["data"]["candidates"].as_array().unwrap();
        assert_eq!(rows.len(), 30, "{listed}");
        let candidates: Vec<String> = rows
            .iter()
            .map(|r| r["candidate"]["id"].as_str().unwrap().to_owned())
            .collect();

        // Notes, status changes and contacts on the same candidates.
        let (s, c) = (shared.clone(), candidates.clone());
        let notes = hammer(&app, move |i| {
            (
                Method::POST,
                format!("/v1/sourcings/{s}/candidates/{}/notes", c[i % 4]),
                json!({"text": format!("note {i}")}),
            )
        })
        .await;
        assert_no_server_errors("notes", &notes);
        let (s, c) = (shared.clone(), candidates.clone());
        let statuses = ["CONTACTED", "APPLIED", "INTERVIEW", "TO_BE_CONTACTED"];
        let changed = hammer(&app, move |i| {
            (
                Method::PATCH,
                format!("/v1/sourcings/{s}/candidates/{}", c[i % 4]),
                json!({"statusHandle": statuses[i % statuses.len()], "userRating": 1 + (i % 5)}),
            )
        })
        .await;
        assert_no_server_errors("status changes", &changed);
        let (s, c) = (shared.clone(), candidates.clone());
        let contacts = hammer(&app, move |i| {
            (
                Method::POST,
                format!("/v1/sourcings/{s}/candidates/{}/contacts", c[i % 4]),
                json!({"channel": "email"}),
            )
        })
        .await;
        assert_no_server_errors("contacts", &contacts);

        // Saved lists.
        let pools = hammer(&app, |i| {
            (
                Method::POST,
                "/v1/pools/candidates".into(),
                json!({"name": format!("List {i}"), "talentIds": ["t01", "t02"]}),
            )
        })
        .await;
        assert_no_server_errors("create lists", &pools);
    };
    tokio::time::timeout(Duration::from_secs(120), run)
        .await
        .expect("the writers finish within two minutes");
    stop_tx.send(true).unwrap();
    for s in searchers {
        assert_eq!(
            s.await.unwrap(),
            Vec::<u16>::new(),
            "no search failed beside the writers"
        );
    }
}
