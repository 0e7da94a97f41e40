//! The prompt search hub over HTTP: classification, the event stream read
//! by a real client, history, results, re-prompting, expansion, Sales
//! Navigator URLs and the helpers.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::spawn_app;

/// The events of a finished stream: (name, data).
fn events(text: &str) -> Vec<(String, Value)> {
    text.split("\n\n")
        .filter_map(|block| {
            let mut name = None;
            let mut data = String::new();
            for line in block.lines() {
                if let Some(n) = line.strip_prefix("event:") {
                    name = Some(n.trim().to_owned());
                } else if let Some(d) = line.strip_prefix("data:") {
                    data.push_str(d.trim_start());
                }
            }
            Some((name?, serde_json::from_str(&data).ok()?))
        })
        .collect()
}

async fn stream(app: &crate::helpers::TestApp, path: &str, body: Value) -> Vec<(String, Value)> {
    let res = app
        .client
        .post(format!("{}{}", app.address, path))
        .bearer_auth(&app.key)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    events(&res.text().await.unwrap())
}

#[tokio::test]
async fn classify_reads_the_documented_example_with_spans() {
    let app = spawn_app().await;
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/classify-intent",
            json!({"prompt": "senior backend engineer with Node.js in New York"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let data = &body["data"];
    assert_eq!(data["filters"][0]["filterType"], "JOB_TITLE");
    assert_eq!(data["filters"][0]["value"], "senior backend engineer");
    assert_eq!(data["filters"][0]["isRequired"], true);
    assert_eq!(
        data["explanations"][0]["span"],
        json!({"start": 0, "end": 23})
    );
    assert!(data["explanations"][0]["confidence"].as_f64().unwrap() > 0.5);
    let types: Vec<&str> = data["filters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["filterType"].as_str().unwrap())
        .collect();
    assert!(
        types.contains(&"SKILL") && types.contains(&"LOCATION"),
        "{types:?}"
    );
    // the filters are a valid search body as they are
    let res = app.search(json!({"filters": data["filters"]})).await;
    assert_eq!(res.status(), 200);

    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/classify-intent",
            json!({"prompt": ""}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("validation_error"))
    );
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/classify-intent",
            json!({"prompt": "x".repeat(2001)}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["issues"][0]["path"], json!(["prompt"]));
    let (status, _) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/classify-intent",
            json!({"prompt": "nurse", "extra": 1}),
        )
        .await;
    assert_eq!(status, 400, "unknown keys are refused");
}

#[tokio::test]
async fn a_prompt_search_streams_then_lives_on_as_a_record() {
    let app = spawn_app().await;
    let evs = stream(
        &app,
        "/v1/searches/candidates/search",
        json!({"prompt": "software engineer in Paris, ideally Python", "limit": 5}),
    )
    .await;
    let names: Vec<&str> = evs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.first(), Some(&"interpretation"));
    assert_eq!(names.last(), Some(&"done"));
    let candidates: Vec<&Value> = evs
        .iter()
        .filter(|(n, _)| n == "candidate")
        .map(|(_, d)| d)
        .collect();
    assert_eq!(candidates.len(), 5);
    assert_eq!(candidates[0]["rank"], 1);
    assert!(candidates[0]["talent"]["match"]["filters"].is_array());
    let ids: Vec<&str> = candidates
        .iter()
        .map(|c| c["talent"]["id"].as_str().unwrap())
        .collect();
    let done = &evs.last().unwrap().1;
    let search_id = done["searchId"].as_str().unwrap().to_owned();
    assert!(done["total"].as_u64().unwrap() >= 5);
    assert_eq!(evs[0].1["searchId"], search_id.as_str());
    assert!(evs.iter().any(|(n, _)| n == "progress"));

    let (status, body) = app.get("/v1/searches/candidates/history").await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["searches"][0]["id"], search_id.as_str());
    assert_eq!(body["data"]["pagination"]["totalCount"], 1);

    let (status, body) = app
        .get(&format!(
            "/v1/searches/candidates/{search_id}?pageSize=2&page=1"
        ))
        .await;
    assert_eq!(status, 200, "{body}");
    let page: Vec<&str> = body["data"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["talent"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(page, ids[2..4]);
    assert_eq!(body["data"]["results"][0]["rank"], 3);

    // expansion returns only talents not returned before, and says what it relaxed
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/v1/searches/candidates/{search_id}/expand"),
            json!({"limit": 50}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let step = &body["data"]["step"];
    assert!(
        step["kind"].is_string() && step["description"].is_string(),
        "{body}"
    );
    let more: Vec<&str> = body["data"]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["talent"]["id"].as_str().unwrap())
        .collect();
    assert!(!more.is_empty());
    assert!(
        more.iter().all(|id| !ids.contains(id)),
        "expansion repeated a talent"
    );
    // expanding with nothing left ends with exhausted: true
    let mut exhausted = false;
    for _ in 0..8 {
        let (_, body) = app
            .send(
                Method::POST,
                &format!("/v1/searches/candidates/{search_id}/expand"),
                json!({}),
            )
            .await;
        if body["data"]["exhausted"] == true {
            exhausted = true;
            break;
        }
    }
    assert!(exhausted);

    // a new prompt re-reads, re-runs and keeps the old one
    let (status, body) = app
        .send(
            Method::PATCH,
            &format!("/v1/searches/candidates/{search_id}"),
            json!({"prompt": "registered nurse in London"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["prompt"], "registered nurse in London");
    assert_eq!(
        body["data"]["revisions"][0]["prompt"],
        "software engineer in Paris, ideally Python"
    );
    assert_eq!(body["data"]["results"][0]["talent"]["id"], "t04");
    assert_eq!(body["data"]["expansions"], json!([]));

    let (status, body) = app.get("/v1/searches/candidates/cs_nope").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let other = app.key_in("globex", &["searches:read"], 100).await;
    let res = app
        .client
        .get(format!(
            "{}/v1/searches/candidates/{search_id}",
            app.address
        ))
        .bearer_auth(other)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "another workspace's search is not found");
}

/// A server that stops ends a stream still running past its grace with a
/// final `error` event, not a cut connection; within the grace it finishes.
#[tokio::test]
async fn a_stream_still_running_when_the_server_stops_ends_with_a_final_event() {
    let app = crate::helpers::spawn_app_with(
        scout_server::Settings {
            stream_grace: std::time::Duration::ZERO,
            ..scout_server::Settings::default()
        },
        crate::helpers::fixture_talents(),
        1000,
    )
    .await;
    let body = json!({"prompt": "software engineer in Paris", "limit": 5});
    let evs = stream(&app, "/v1/searches/candidates/search", body.clone()).await;
    assert_eq!(evs.last().map(|(n, _)| n.as_str()), Some("done"));

    // the stop begins (the listener is the shutdown future's business;
    // here only the streams are told)
    app.state.stopping.begin();
    let evs = stream(&app, "/v1/searches/candidates/search", body).await;
    let names: Vec<&str> = evs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["error"], "{evs:?}");
    let error = &evs[0].1["error"];
    assert_eq!(error["code"], "service_unavailable", "{evs:?}");
    assert!(error["debugTrackingCode"].as_str().is_some());
}

#[tokio::test]
async fn a_prompt_with_nothing_to_search_is_refused_before_streaming() {
    let app = spawn_app().await;
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/search",
            json!({"prompt": "please find me some"}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "validation_error");
    let (status, _) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/search",
            json!({"prompt": "nurse", "limit": 101}),
        )
        .await;
    assert_eq!(status, 400);
    let limited = app.key_with(&["talents:search"], 100).await;
    let res = app
        .client
        .post(format!("{}/v1/searches/candidates/search", app.address))
        .bearer_auth(limited)
        .json(&json!({"prompt": "nurse"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_client_that_leaves_does_not_break_the_server() {
    let app = spawn_app().await;
    let mut res = app
        .client
        .post(format!("{}/v1/searches/candidates/search", app.address))
        .bearer_auth(&app.key)
        .json(&json!({"prompt": "software engineer in Paris", "limit": 100}))
        .send()
        .await
        .unwrap();
    let first = res.chunk().await.unwrap().unwrap();
    assert!(String::from_utf8_lossy(&first).contains("event: interpretation"));
    drop(res);
    // the server carries on serving
    let (status, _) = app.get("/v1/searches/candidates/history").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn sales_navigator_urls_start_searches_or_say_why_not() {
    let app = spawn_app().await;
    let url = "https://www.linkedin.com/sales/search/people?query=(filters:List((type:CURRENT_TITLE,values:List((id:9,text:Software%2520Engineer,selectionType:INCLUDED))),(type:REGION,values:List((id:1,text:Paris,selectionType:INCLUDED))),(type:RELATIONSHIP,values:List((id:F,text:1st,selectionType:INCLUDED)))))";
    let evs = stream(
        &app,
        "/v1/searches/candidates/start-with-sales-navigator-url",
        json!({"url": url}),
    )
    .await;
    let first = &evs[0].1;
    assert_eq!(first["source"], "sales_navigator");
    assert_eq!(first["filters"][0]["value"], "Software Engineer");
    assert_eq!(first["ignoredFilters"][0]["type"], "RELATIONSHIP");
    assert!(evs.iter().any(|(n, _)| n == "candidate"));

    // places given by LinkedIn geo id only: a known id is a place, an
    // unknown one is reported, and the search still runs
    let url = "https://www.linkedin.com/sales/search/people?query=(filters:List((type:REGION,values:List((id:102890719,selectionType:INCLUDED),(id:424242,selectionType:INCLUDED)))))";
    let evs = stream(
        &app,
        "/v1/searches/candidates/start-with-sales-navigator-url",
        json!({"url": url}),
    )
    .await;
    let first = &evs[0].1;
    assert_eq!(first["filters"][0]["filterType"], "LOCATION", "{first}");
    assert_eq!(first["filters"][0]["value"], "The Netherlands", "{first}");
    assert_eq!(first["ignoredFilters"][0]["type"], "REGION", "{first}");
    assert!(
        first["ignoredFilters"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("424242")),
        "{first}"
    );
    assert!(evs.iter().any(|(n, _)| n == "done"), "{evs:?}");

    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/start-with-sales-navigator-url",
            json!({"url": "https://www.linkedin.com/sales/search/people?savedSearchId=123"}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("unprocessable_entity"))
    );
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/start-with-sales-navigator-url",
            json!({"url": "https://www.linkedin.com/sales/search/people?query=(filters:List((type:TITLE"}),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["error"]["issues"][0]["message"]
            .as_str()
            .unwrap()
            .contains("malformed"),
        "{body}"
    );
}

#[tokio::test]
async fn helpers_rank_titles_and_skills() {
    let app = spawn_app().await;
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/job-title-synonyms",
            json!({"title": "software engineer"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let synonyms = body["data"]["synonyms"].as_array().unwrap();
    assert!(synonyms.iter().any(|s| s["title"] == "software developer"));
    assert!(synonyms
        .windows(2)
        .all(|w| w[0]["profiles"].as_u64() >= w[1]["profiles"].as_u64()));
    assert!(!body["data"]["related"].as_array().unwrap().is_empty());

    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/skills-suggestions",
            json!({"skills": ["React"]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let s = body["data"]["suggestions"].as_array().unwrap();
    assert!(!s.is_empty());
    assert!(s.iter().all(|x| x["skill"] != "React"));
    assert!(
        s.iter()
            .any(|x| x["skill"] == "TypeScript" && x["profileShare"].as_f64().unwrap() > 0.0),
        "{s:?}"
    );
    let (status, _) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/skills-suggestions",
            json!({"skills": []}),
        )
        .await;
    assert_eq!(status, 400);
}

/// A stand-in for an OpenAI-compatible chat endpoint: answers every
/// completion with the rules' filters (sent in the user message) plus one
/// skill, and records what it was asked.
async fn fake_model(asked: std::sync::Arc<parking_lot::Mutex<Vec<Value>>>) -> String {
    use axum::routing::post;
    let app = axum::Router::new().route(
        "/v1/chat/completions",
        post(move |axum::Json(body): axum::Json<Value>| {
            let asked = asked.clone();
            async move {
                asked.lock().push(body.clone());
                let user: Value = serde_json::from_str(
                    body["messages"][1]["content"].as_str().unwrap_or("{}"),
                )
                .unwrap_or(Value::Null);
                let mut filters = user["rulesReading"]["filters"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                filters.push(json!({"filterType": "SKILL", "value": "Patient Care", "isRequired": false, "isExcluded": false, "isExactMatch": false}));
                let content = json!({ "filters": filters }).to_string();
                axum::Json(json!({"choices": [{"message": {"role": "assistant", "content": content}}]}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

fn model_settings(url: String) -> scout_server::Settings {
    scout_server::Settings {
        prompt_model: Some(scout_server::ModelSettings {
            url,
            model: "test-model".into(),
            api_key: Some("secret".into()),
            timeout: std::time::Duration::from_secs(2),
        }),
        ..Default::default()
    }
}

/// Reads `prompt` on a server configured with the model at `url`.
async fn classify_with_model(url: String, prompt: &str) -> (u16, Value) {
    let app = crate::helpers::spawn_app_with(
        model_settings(url),
        crate::helpers::fixture_talents(),
        1000,
    )
    .await;
    app.send(
        Method::POST,
        "/v1/searches/candidates/classify-intent",
        json!({ "prompt": prompt }),
    )
    .await
}

#[tokio::test]
async fn a_configured_model_refines_the_rules_reading() {
    let asked = std::sync::Arc::new(parking_lot::Mutex::new(Vec::new()));
    let url = fake_model(asked.clone()).await;
    let (status, body) = classify_with_model(url, "nurse in Paris").await;
    assert_eq!(status, 200, "{body}");
    let data = &body["data"];
    assert_eq!(data["parser"], "scout-rules-v1+model:test-model");
    let filters = data["filters"].as_array().unwrap();
    assert_eq!(
        filters[0]["filterType"], "JOB_TITLE",
        "the rules' reading is kept"
    );
    assert!(
        filters
            .iter()
            .any(|f| f["filterType"] == "SKILL" && f["value"] == "Patient Care"),
        "the model's addition is there: {filters:?}"
    );
    let skill = data["explanations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["filterType"] == "SKILL")
        .unwrap();
    assert_eq!(skill["confidence"], 0.6);
    assert_eq!(skill["reason"], "read by the model");
    let asked = asked.lock();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0]["model"], "test-model");
    assert!(asked[0]["messages"][1]["content"]
        .as_str()
        .unwrap()
        .contains("nurse in Paris"));
}

#[tokio::test]
async fn an_unreachable_model_falls_back_to_the_rules_and_says_so() {
    // a port nothing listens on
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1", closed.local_addr().unwrap());
    drop(closed);
    let (status, body) = classify_with_model(url, "nurse in Paris").await;
    assert_eq!(status, 200, "{body}");
    let data = &body["data"];
    assert_eq!(data["parser"], "scout-rules-v1");
    assert_eq!(data["filters"][0]["filterType"], "JOB_TITLE");
    assert!(data["notes"].as_array().unwrap().iter().any(|n| n["reason"]
        .as_str()
        .unwrap_or_default()
        .contains("the model could not refine")));
}

/// Sixty software engineers in Paris, so that a search has pages to give.
fn many_engineers() -> Vec<scout_model::Talent> {
    (0..60)
        .map(|i| {
            serde_json::from_value(json!({
                "id": format!("e{i:02}"),
                "firstname": "Eng",
                "lastname": format!("N{i}"),
                "jobTitle": "Software Engineer",
                "city": "Paris",
                "country": "France",
                "skills": ["Rust"],
            }))
            .unwrap()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_expansions_never_give_a_talent_twice_nor_lose_one() {
    let app = crate::helpers::spawn_app_with(Default::default(), many_engineers(), 10_000).await;
    let evs = stream(
        &app,
        "/v1/searches/candidates/search",
        json!({"prompt": "software engineer in Paris", "limit": 4}),
    )
    .await;
    let done = &evs.last().unwrap().1;
    let search_id = done["searchId"].as_str().unwrap().to_owned();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let client = app.client.clone();
        let url = format!("{}/v1/searches/candidates/{search_id}/expand", app.address);
        let key = app.key.clone();
        tasks.push(tokio::spawn(async move {
            let res = client
                .post(url)
                .header("x-api-key", key)
                .json(&json!({"limit": 5}))
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        }));
    }
    let mut given: Vec<String> = Vec::new();
    for t in tasks {
        let (status, body) = t.await.unwrap();
        assert_eq!(status, 200, "{body}");
        given.extend(
            body["data"]["candidates"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["talent"]["id"].as_str().unwrap().to_owned()),
        );
    }
    let mut unique = given.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        given.len(),
        "a talent was given twice: {given:?}"
    );
    assert_eq!(given.len(), 40, "eight expansions of five, none empty");
    let (status, body) = app
        .get(&format!("/v1/searches/candidates/{search_id}?pageSize=100"))
        .await;
    assert_eq!(status, 200, "{body}");
    let stored: Vec<&str> = body["data"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["talent"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(stored.len(), 44, "every expansion's results were kept");
    assert!(given.iter().all(|id| stored.contains(&id.as_str())));
}

/// How `key`'s workspace reads `prompt` (the response's `data`).
async fn classify_as(app: &crate::helpers::TestApp, key: &str, prompt: &str) -> Value {
    let res = app
        .client
        .post(format!(
            "{}/v1/searches/candidates/classify-intent",
            app.address
        ))
        .header("x-api-key", key)
        .json(&json!({ "prompt": prompt }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    body["data"].clone()
}

/// The filters `key`'s workspace reads from `prompt`, in label notation.
async fn classified(app: &crate::helpers::TestApp, key: &str, prompt: &str) -> Vec<String> {
    classify_as(app, key, prompt).await["filters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}={}",
                f["filterType"].as_str().unwrap(),
                f["value"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspaces_own_employers_are_read_as_employers_for_it_alone() {
    let app = spawn_app().await;
    let _follower = crate::helpers::follow(&app);
    let scopes = &["talents:write", "talents:search", "searches:read"];
    let acme = app.key_in("acme", scopes, 1000).await;
    let beta = app.key_in("beta", scopes, 1000).await;
    let prompt = "nurse case managers, Zentrix Labs or Quorvex";
    // nobody's data knows either name yet: the rules keep them as keywords
    for key in [&acme, &beta] {
        assert_eq!(
            classified(&app, key, prompt).await,
            [
                "JOB_TITLE=nurse case manager",
                "KEYWORD=Zentrix Labs",
                "KEYWORD=Quorvex"
            ]
        );
    }
    // acme adds a profile of its own employed at Zentrix Labs, and beta one
    // at Quorvex, while both ask
    let put = |key: String, id: &'static str, employer: &'static str| {
        let app = &app;
        async move {
            let res = app
                .client
                .put(format!("{}/v1/talents/{id}", app.address))
                .header("x-api-key", key)
                .json(
                    &json!({"firstname": "Ada", "lastname": "Own", "jobTitle": "Case Manager",
                    "experiences": [{"title": "Case Manager", "organizationName": employer,
                        "isCurrent": true, "startDate": "2019-01-01"}]}),
                )
                .send()
                .await
                .unwrap();
            assert!(res.status().is_success(), "{}", res.text().await.unwrap());
        }
    };
    tokio::join!(
        put(acme.clone(), "own-a", "Zentrix Labs"),
        put(beta.clone(), "own-b", "Quorvex"),
        classified(&app, &acme, prompt),
        classified(&app, &beta, prompt),
    );
    crate::helpers::indexed(&app).await;
    // each workspace's own employer is an employer for it, the other's is not
    assert_eq!(
        classified(&app, &acme, prompt).await,
        [
            "JOB_TITLE=nurse case manager",
            "COMPANY_NAME=Zentrix Labs",
            "KEYWORD=Quorvex"
        ]
    );
    assert_eq!(
        classified(&app, &beta, prompt).await,
        [
            "JOB_TITLE=nurse case manager",
            "KEYWORD=Zentrix Labs",
            "COMPANY_NAME=Quorvex"
        ]
    );
    // the explanation says where the reading came from
    let data = classify_as(&app, &acme, prompt).await;
    let reason = data["explanations"][1]["reason"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        reason.contains("employer in the profiles searched"),
        "{reason}"
    );
}
