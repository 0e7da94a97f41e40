//! Profiles over HTTP (`PUT`/`GET`/`DELETE /v1/talents/{id}`, `POST
//! /v1/talents/bulk`, `/v1/talents/export`) and who owns them: a
//! workspace's own profiles are found, read, changed and exported by that
//! workspace alone; the shared pool is everyone's to read and the
//! operator's to write. On SQLite and PostgreSQL, with a follower keeping
//! the index on the store as a server does.

use std::io::Write;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{
    fixture_talents, follow, indexed, redact_tracking, spawn_app, spawn_app_on, TestApp,
};

const WRITE: &[&str] = &[
    "talents:write",
    "talents:search",
    "sourcing:read",
    "sourcing:write",
];

async fn call(
    app: &TestApp,
    key: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = app
        .client
        .request(method, format!("{}{}", app.address, path))
        .header("x-api-key", key);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn raw(app: &TestApp, key: &str, method: Method, path: &str, body: Vec<u8>) -> (u16, String) {
    let res = app
        .client
        .request(method, format!("{}{}", app.address, path))
        .header("x-api-key", key)
        .header("content-type", "application/x-ndjson")
        .body(body)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The ids and total a workspace's search for `title` finds.
async fn search_title(app: &TestApp, key: &str, title: &str) -> (u64, Vec<(String, String)>) {
    let (status, body) = call(
        app,
        key,
        Method::POST,
        "/v1/search/talents",
        Some(json!({"filters": [{"filterType": "JOB_TITLE", "value": title, "isRequired": true}]})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let found = body["data"]["talents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_owned(),
                t["firstname"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    (body["data"]["estimationCount"].as_u64().unwrap(), found)
}

fn person(first: &str, title: &str) -> Value {
    json!({"firstname": first, "lastname": "Own", "jobTitle": title, "city": "Paris", "country": "France",
           "experiences": [{"title": title, "organizationName": "Atelier", "isCurrent": true, "startDate": "2018-01-01"}]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspaces_profiles_are_its_own_on_sqlite() {
    profiles_are_owned(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspaces_profiles_are_its_own_on_postgresql() {
    let server = scout_store::testing::PgServer::start()
        .unwrap_or_else(|e| panic!("PostgreSQL is required for this test: {e}"));
    let url = server.fresh_database().await.unwrap();
    profiles_are_owned(
        spawn_app_on(
            Some(url),
            scout_server::Settings::default(),
            fixture_talents(),
            1000,
        )
        .await,
    )
    .await;
}

async fn profiles_are_owned(app: TestApp) {
    let _follower = follow(&app);
    let a = app.key_in("acme", WRITE, 1000).await;
    let b = app.key_in("beta", WRITE, 1000).await;
    let c = app.key_in("gamma", WRITE, 1000).await;
    let reader = app.key_in("acme", &["talents:search"], 1000).await;
    let operator = app
        .key_in("ops", &["admin", "talents:write", "talents:search"], 1000)
        .await;

    // create, unchanged, replace
    let (s, body) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/own1",
        Some(person("Zed", "Glassblower")),
    )
    .await;
    assert_eq!(
        (s, body["data"]["outcome"].clone()),
        (201, json!("inserted")),
        "{body}"
    );
    assert_eq!(body["data"]["pool"], "workspace");
    assert_eq!(body["data"]["talent"]["id"], "own1");
    let (s, body) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/own1",
        Some(person("Zed", "Glassblower")),
    )
    .await;
    assert_eq!(
        (s, body["data"]["outcome"].clone()),
        (200, json!("unchanged")),
        "{body}"
    );
    let (s, body) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/own1",
        Some(person("Zoe", "Glassblower")),
    )
    .await;
    assert_eq!(
        (s, body["data"]["outcome"].clone()),
        (200, json!("updated")),
        "{body}"
    );
    // another workspace's profile of the same id is another record
    let (s, body) = call(
        &app,
        &b,
        Method::PUT,
        "/v1/talents/own1",
        Some(person("Bea", "Glassblower")),
    )
    .await;
    assert_eq!(s, 201, "{body}");

    let (s, body) = call(&app, &reader, Method::GET, "/v1/talents/own1", None).await;
    assert_eq!(
        (s, body["data"]["talent"]["firstname"].clone()),
        (200, json!("Zoe")),
        "{body}"
    );
    assert_eq!(body["data"]["source"], "api");
    let (_, body) = call(&app, &b, Method::GET, "/v1/talents/own1", None).await;
    assert_eq!(body["data"]["talent"]["firstname"], "Bea");
    // a third workspace: exactly as an id nobody has
    let (s1, theirs) = call(&app, &c, Method::GET, "/v1/talents/own1", None).await;
    let (s2, nobody) = call(&app, &c, Method::GET, "/v1/talents/nobody", None).await;
    assert_eq!((s1, s2), (404, 404));
    assert_eq!(redact_tracking(theirs), redact_tracking(nobody));
    let (s1, theirs) = call(&app, &c, Method::DELETE, "/v1/talents/own1", None).await;
    let (s2, nobody) = call(&app, &c, Method::DELETE, "/v1/talents/nobody", None).await;
    assert_eq!((s1, s2), (404, 404));
    assert_eq!(redact_tracking(theirs), redact_tracking(nobody));

    // the shared pool: everyone reads it, only the operator writes it
    let (s, body) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/t01",
        Some(person("Mallory", "Nurse")),
    )
    .await;
    assert_eq!(
        (s, body["error"]["code"].clone()),
        (409, json!("conflict")),
        "{body}"
    );
    let (s, _) = call(&app, &a, Method::DELETE, "/v1/talents/t01", None).await;
    assert_eq!(s, 403);
    let (s, _) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/sh1?pool=shared",
        Some(person("Sam", "Cooper")),
    )
    .await;
    assert_eq!(s, 403);
    let (s, body) = call(
        &app,
        &operator,
        Method::PUT,
        "/v1/talents/sh1?pool=shared",
        Some(person("Sam", "Cooper")),
    )
    .await;
    assert_eq!(
        (s, body["data"]["pool"].clone()),
        (201, json!("shared")),
        "{body}"
    );
    let (s, body) = call(&app, &c, Method::GET, "/v1/talents/sh1", None).await;
    assert_eq!(
        (s, body["data"]["pool"].clone()),
        (200, json!("shared")),
        "{body}"
    );
    // the operator cannot put into the pool an id a workspace holds
    let (s, _) = call(
        &app,
        &operator,
        Method::PUT,
        "/v1/talents/own1?pool=shared",
        Some(person("X", "Cooper")),
    )
    .await;
    assert_eq!(s, 409);

    // bad input: a clear error, nothing stored
    let (s, body) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/own2",
        Some(json!({"id": "other"})),
    )
    .await;
    assert_eq!(
        (s, body["error"]["code"].clone()),
        (400, json!("validation_error")),
        "{body}"
    );
    let (s, body) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/own2",
        Some(json!({"jobTitle": 7})),
    )
    .await;
    assert_eq!(s, 400, "{body}");
    let (s, body) = call(
        &app,
        &a,
        Method::PUT,
        "/v1/talents/own2",
        Some(json!({"experiences": [{"startDate": "last spring"}]})),
    )
    .await;
    assert_eq!(s, 400, "{body}");
    let (s, _) = call(
        &app,
        &reader,
        Method::PUT,
        "/v1/talents/own2",
        Some(person("R", "Nurse")),
    )
    .await;
    assert_eq!(s, 403, "talents:write is needed");
    let (s, _) = call(&app, &a, Method::GET, "/v1/talents/own2", None).await;
    assert_eq!(s, 404);

    // searches: each workspace finds its own and the shared pool's, and counts nothing else
    indexed(&app).await;
    assert_eq!(
        search_title(&app, &a, "Glassblower").await,
        (1, vec![("own1".into(), "Zoe".into())])
    );
    assert_eq!(
        search_title(&app, &b, "Glassblower").await,
        (1, vec![("own1".into(), "Bea".into())])
    );
    assert_eq!(search_title(&app, &c, "Glassblower").await, (0, vec![]));
    assert_eq!(search_title(&app, &c, "Cooper").await.0, 1);

    // pipelines: a workspace adds its own profile; another cannot name it
    let (s, sourcing) = call(
        &app,
        &a,
        Method::POST,
        "/v1/sourcings",
        Some(json!({"title": "Glass"})),
    )
    .await;
    assert_eq!(s, 201, "{sourcing}");
    let sid = sourcing["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/v1/sourcings/{sid}/candidates");
    let (s, body) = call(
        &app,
        &a,
        Method::POST,
        &path,
        Some(json!({"talentIds": ["own1"]})),
    )
    .await;
    assert!(s == 200 || s == 201, "{body}");
    let (s, list) = call(&app, &a, Method::GET, &path, None).await;
    assert_eq!(s, 200);
    assert_eq!(
        list["data"]["candidates"][0]["talent"]["firstname"], "Zoe",
        "{list}"
    );
    let (s, sourcing) = call(
        &app,
        &c,
        Method::POST,
        "/v1/sourcings",
        Some(json!({"title": "Glass"})),
    )
    .await;
    assert_eq!(s, 201);
    let cpath = format!(
        "/v1/sourcings/{}/candidates",
        sourcing["data"]["sourcing"]["id"].as_str().unwrap()
    );
    let (s1, theirs) = call(
        &app,
        &c,
        Method::POST,
        &cpath,
        Some(json!({"talentIds": ["own1"]})),
    )
    .await;
    let (s2, nobody) = call(
        &app,
        &c,
        Method::POST,
        &cpath,
        Some(json!({"talentIds": ["nobody"]})),
    )
    .await;
    assert_eq!((s1, s2), (400, 400));
    let strip = |v: Value| {
        redact_tracking(v)
            .to_string()
            .replace("own1", "X")
            .replace("nobody", "X")
    };
    assert_eq!(strip(theirs), strip(nobody));

    // bulk: the importer's summary with rejected lines and their reasons
    let lines = [
        json!({"id": "bulk1", "firstname": "Una", "jobTitle": "Glassblower"}).to_string(),
        "{not json".to_owned(),
        json!({"id": "bulk2", "firstname": "Vic", "jobTitle": "Glassblower"}).to_string(),
        json!({"id": "t02", "firstname": "Taken"}).to_string(),
    ];
    let body = lines.join("\n").into_bytes();
    let (s, text) = raw(&app, &a, Method::POST, "/v1/talents/bulk", body.clone()).await;
    assert_eq!(s, 200, "{text}");
    let summary: Value = serde_json::from_str(&text).unwrap();
    let d = &summary["data"];
    assert_eq!(
        (
            d["read"].as_u64(),
            d["inserted"].as_u64(),
            d["rejected"].as_u64(),
            d["taken"].as_u64()
        ),
        (Some(4), Some(2), Some(1), Some(1)),
        "{summary}"
    );
    assert_eq!(d["rejects"][0]["line"], 2, "{summary}");
    assert!(d["rejects"][0]["reason"].as_str().unwrap().len() > 3);
    // again, gzip-compressed: nothing changes
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&body).unwrap();
    let (s, text) = raw(
        &app,
        &a,
        Method::POST,
        "/v1/talents/bulk",
        gz.finish().unwrap(),
    )
    .await;
    assert_eq!(s, 200, "{text}");
    let summary: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(summary["data"]["unchanged"], 2, "{summary}");
    let (s, _) = raw(&app, &a, Method::POST, "/v1/talents/bulk", Vec::new()).await;
    assert_eq!(s, 400);
    let (s, _) = raw(&app, &reader, Method::POST, "/v1/talents/bulk", body).await;
    assert_eq!(s, 403);

    // out: the workspace's own profiles only
    let (s, jsonl) = raw(&app, &a, Method::GET, "/v1/talents/export", Vec::new()).await;
    assert_eq!(s, 200);
    let ids: Vec<String> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["bulk1", "bulk2", "own1"]);
    assert!(jsonl.contains("Zoe") && !jsonl.contains("Bea"));
    let (s, csv) = raw(
        &app,
        &b,
        Method::GET,
        "/v1/talents/export?format=csv",
        Vec::new(),
    )
    .await;
    assert_eq!(s, 200);
    assert!(csv.starts_with("id,firstname,lastname,"), "{csv}");
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("Bea") && !csv.contains("Zoe"));
    let (s, _) = raw(
        &app,
        &a,
        Method::GET,
        "/v1/talents/export?pool=shared",
        Vec::new(),
    )
    .await;
    assert_eq!(s, 403);
    let (s, shared) = raw(
        &app,
        &operator,
        Method::GET,
        "/v1/talents/export?pool=shared",
        Vec::new(),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(shared.lines().count(), fixture_talents().len() + 1);
    indexed(&app).await;
    let (s, body) = call(&app, &a, Method::POST, "/v1/talents/export",
        Some(json!({"filters": [{"filterType": "JOB_TITLE", "value": "Glassblower", "isRequired": true}]}))).await;
    assert_eq!(s, 200, "{body}");
    let text = body.as_str().unwrap_or_default().to_owned();
    assert_eq!(text.lines().count(), 3, "{text}");
    let (s, body) = call(
        &app,
        &a,
        Method::POST,
        "/v1/talents/export",
        Some(json!({"filters": [{"filterType": "NOPE"}]})),
    )
    .await;
    assert_eq!(s, 400, "{body}");

    // a workspace deletes its own; the other's of that id stays
    let (s, _) = call(&app, &a, Method::DELETE, "/v1/talents/own1", None).await;
    assert_eq!(s, 200);
    let (s, _) = call(&app, &a, Method::GET, "/v1/talents/own1", None).await;
    assert_eq!(s, 404);
    let (s, _) = call(&app, &b, Method::GET, "/v1/talents/own1", None).await;
    assert_eq!(s, 200);
    indexed(&app).await;
    assert_eq!(search_title(&app, &b, "Glassblower").await.0, 1);
}

/// Several clients writing profiles at once — the same ids in two
/// workspaces, bulk loads beside single writes, the operator beside them —
/// get no server error, and every workspace ends with exactly its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_keep_each_workspaces_profiles_apart() {
    let app = spawn_app().await;
    let keys = [
        app.key_in("acme", WRITE, 100_000).await,
        app.key_in("beta", WRITE, 100_000).await,
    ];
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for (w, key) in keys.iter().enumerate() {
        for client in 0..4 {
            let (app, key) = (app.clone(), key.clone());
            tasks.push(tokio::spawn(async move {
                let mut statuses = Vec::new();
                for i in 0..10 {
                    let id = format!("c{}", (client * 10 + i) % 25);
                    let name = format!("W{w}");
                    let (s, _) = call(&app, &key, Method::PUT, &format!("/v1/talents/{id}"), Some(person(&name, "Welder"))).await;
                    statuses.push(s);
                    if i % 5 == 0 {
                        let body: String = (0..20)
                            .map(|k| json!({"id": format!("c{k}"), "firstname": name, "jobTitle": "Welder"}).to_string() + "\n")
                            .collect();
                        let (s, _) = raw(&app, &key, Method::POST, "/v1/talents/bulk", body.into_bytes()).await;
                        statuses.push(s);
                    }
                }
                statuses
            }));
        }
    }
    for t in tasks {
        for s in t.await.unwrap() {
            assert!(s == 200 || s == 201, "status {s}");
        }
    }
    for (w, key) in keys.iter().enumerate() {
        let (s, jsonl) = raw(&app, key, Method::GET, "/v1/talents/export", Vec::new()).await;
        assert_eq!(s, 200);
        let names: Vec<Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["firstname"].clone())
            .collect();
        assert_eq!(names.len(), 25, "{jsonl}");
        assert!(
            names.iter().all(|n| *n == json!(format!("W{w}"))),
            "{jsonl}"
        );
    }
}

/// The files people have come in through `bulk` by their content type: a
/// semicolon CSV in UTF-16 with a column named by `map`, a JSON Resume, a
/// LinkedIn export; a CSV whose headers map to nothing is a clear 400.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spreadsheets_resumes_and_linkedin_exports_come_in_through_bulk() {
    let app = spawn_app().await;
    let a = app.key_in("acme", WRITE, 1000).await;
    let other = app.key_in("beta", WRITE, 1000).await;
    let post = |key: String, path: &'static str, content_type: &'static str, body: Vec<u8>| {
        let app = &app;
        async move {
            let res = app
                .client
                .post(format!("{}{}", app.address, path))
                .header("x-api-key", key)
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            (status, res.json::<Value>().await.unwrap())
        }
    };
    let csv = "Prénom;Nom;Poste;Entreprise;Ville;Courriel\r\nZoé;Martin;Glassblower;Atelier;Lyon;zoe@example.com\r\n;;;;;\r\nLuc;;Glassblower;\"Verre; Cie\";Nantes;\r\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(csv.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (s, body) = post(
        a.clone(),
        "/v1/talents/bulk?map=Courriel%3Demail",
        "text/csv",
        utf16,
    )
    .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(
        (
            body["data"]["inserted"].as_u64(),
            body["data"]["rejected"].as_u64()
        ),
        (Some(2), Some(0)),
        "{body}"
    );
    let (s, body) = post(
        a.clone(),
        "/v1/talents/bulk",
        "text/csv",
        b"Foo,Bar\n1,2\n".to_vec(),
    )
    .await;
    assert_eq!(
        (s, body["error"]["code"].clone()),
        (400, json!("validation_error")),
        "{body}"
    );
    assert!(body.to_string().contains("--map"), "{body}");
    let (s, body) = post(
        a.clone(),
        "/v1/talents/bulk?map=Nope",
        "text/csv",
        csv.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(s, 400, "{body}");

    let resume = json!({"basics": {"name": "Richard Hendriks", "label": "Programmer", "email": "richard@example.com",
        "location": {"city": "San Francisco", "countryCode": "US"}},
        "work": [{"name": "Pied Piper", "position": "Glassblower", "startDate": "2013-12-01"}],
        "skills": [{"name": "Compression", "keywords": ["Mpeg"]}]});
    let (s, body) = post(
        a.clone(),
        "/v1/talents/bulk",
        "application/json",
        resume.to_string().into_bytes(),
    )
    .await;
    assert_eq!(
        (s, body["data"]["inserted"].as_u64()),
        (200, Some(1)),
        "{body}"
    );

    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in [
        ("Profile.csv", "First Name,Last Name,Headline,Summary,Geo Location\nAda,Lovelace,Glassblower at Verre,,\"Paris, France\"\n"),
        ("Positions.csv", "Company Name,Title,Description,Location,Started On,Finished On\nVerre,Glassblower,,Paris,Mar 2019,\n"),
        ("Skills.csv", "Name\nGlass\n"),
    ] {
        archive.start_file(format!("export/{name}"), zip::write::SimpleFileOptions::default()).unwrap();
        archive.write_all(text.as_bytes()).unwrap();
    }
    let bytes = archive.finish().unwrap().into_inner();
    let (s, body) = post(
        a.clone(),
        "/v1/talents/bulk",
        "application/zip",
        bytes.clone(),
    )
    .await;
    assert_eq!(
        (s, body["data"]["inserted"].as_u64()),
        (200, Some(1)),
        "{body}"
    );
    let (s, body) = post(
        a.clone(),
        "/v1/talents/bulk",
        "application/zip",
        b"PK\x03\x04broken".to_vec(),
    )
    .await;
    assert_eq!(s, 400, "{body}");

    // all of it is acme's own, and nobody else's
    let (_, jsonl) = raw(&app, &a, Method::GET, "/v1/talents/export", Vec::new()).await;
    let names: Vec<String> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["firstname"]
                .as_str()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, ["Ada", "Luc", "Richard", "Zoé"], "{jsonl}");
    let (_, theirs) = raw(&app, &other, Method::GET, "/v1/talents/export", Vec::new()).await;
    assert!(theirs.is_empty(), "{theirs}");
    // the same files again change nothing
    let (_, body) = post(a.clone(), "/v1/talents/bulk", "application/zip", bytes).await;
    assert_eq!(body["data"]["unchanged"], 1, "{body}");
}

/// One person once over HTTP: a file's second row for an e-mail already
/// imported under another id is merged on arrival, and the merge undone;
/// the same name at the same employer is queued, merged from the queue by
/// one of several clients at once (the others get 409), and another
/// workspace can neither see nor touch the pair.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duplicates_are_merged_queued_and_undone_per_workspace() {
    let app = spawn_app().await;
    let a = app.key_in("acme", WRITE, 1000).await;
    let reader = app.key_in("acme", &["talents:search"], 1000).await;
    let other = app.key_in("beta", WRITE, 1000).await;
    let csv = |body: &'static str| {
        let (app, a) = (&app, a.clone());
        async move {
            let res = app
                .client
                .post(format!("{}/v1/talents/bulk", app.address))
                .header("x-api-key", a)
                .header("content-type", "text/csv")
                .body(body)
                .send()
                .await
                .unwrap();
            res.json::<Value>().await.unwrap()
        }
    };
    let first =
        csv("id,Name,Title,Company,Email\np1,Ann Lee,Glassblower,Acme,ann@example.com\n").await;
    assert_eq!(first["data"]["inserted"], 1, "{first}");
    let second = csv(
        "id,Name,Title,Company,Email,City\np2,Ann Lee,Glass artist,Acme,ANN@example.com,Lyon\n",
    )
    .await;
    assert_eq!(second["data"]["merged"], 1, "{second}");
    let (s, _) = call(&app, &a, Method::GET, "/v1/talents/p2", None).await;
    assert_eq!(s, 404, "merged into p1");
    let (_, p1) = call(&app, &a, Method::GET, "/v1/talents/p1", None).await;
    assert_eq!(p1["data"]["talent"]["city"], "Lyon", "{p1}");
    // every source that fed it, with when
    let sources = p1["data"]["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2, "{p1}");
    assert_eq!(
        (sources[1]["kind"].clone(), sources[1]["talentId"].clone()),
        (json!("merged"), json!("p2")),
        "{p1}"
    );
    assert_eq!(sources[1]["source"], "upload (csv)", "{p1}");
    assert!(
        !p1.to_string().contains("spool") && !p1.to_string().contains("/tmp"),
        "no server path: {p1}"
    );
    let (s, listed) = call(
        &app,
        &reader,
        Method::GET,
        "/v1/duplicates?status=merged",
        None,
    )
    .await;
    assert_eq!(s, 200, "{listed}");
    let pair = listed["data"]["duplicates"][0].clone();
    assert_eq!(
        (pair["reason"].clone(), pair["survivorId"].clone()),
        (json!("email"), json!("p1")),
        "{listed}"
    );
    let id = pair["id"].as_str().unwrap().to_owned();
    // another workspace: as a pair that does not exist
    for (method, path) in [
        (Method::GET, format!("/v1/duplicates/{id}")),
        (Method::POST, format!("/v1/duplicates/{id}/undo")),
        (Method::POST, format!("/v1/duplicates/{id}/merge")),
        (Method::POST, format!("/v1/duplicates/{id}/dismiss")),
    ] {
        let (s1, theirs) = call(&app, &other, method.clone(), &path, None).await;
        let (s2, nobody) = call(&app, &other, method, &path.replace(&id, "dup_nobody"), None).await;
        assert_eq!((s1, s2), (404, 404));
        assert_eq!(redact_tracking(theirs), redact_tracking(nobody));
    }
    let (_, theirs) = call(
        &app,
        &other,
        Method::GET,
        "/v1/duplicates?status=merged",
        None,
    )
    .await;
    assert_eq!(theirs["data"]["total"], 0);
    // a reader lists but does not decide
    let (s, _) = call(
        &app,
        &reader,
        Method::POST,
        &format!("/v1/duplicates/{id}/undo"),
        None,
    )
    .await;
    assert_eq!(s, 403);
    let (s, undone) = call(
        &app,
        &a,
        Method::POST,
        &format!("/v1/duplicates/{id}/undo"),
        None,
    )
    .await;
    assert_eq!(
        (s, undone["data"]["status"].clone()),
        (200, json!("dismissed")),
        "{undone}"
    );
    let (s, _) = call(&app, &a, Method::GET, "/v1/talents/p2", None).await;
    assert_eq!(s, 200, "back");
    let (s, again) = call(
        &app,
        &a,
        Method::POST,
        &format!("/v1/duplicates/{id}/undo"),
        None,
    )
    .await;
    assert_eq!(
        (s, again["error"]["code"].clone()),
        (409, json!("conflict")),
        "{again}"
    );

    // the same name at the same employer: queued, then merged by one client
    csv("id,Name,Title,Company\nq1,Bo Chen,Welder,Yard\n").await;
    csv("id,Name,Title,Company\nq2,bo chen,Welder,YARD\n").await;
    let (_, open) = call(&app, &reader, Method::GET, "/v1/duplicates", None).await;
    assert_eq!(open["data"]["total"], 1, "{open}");
    assert!(open["data"]["talents"]["q1"].is_object(), "{open}");
    let qid = open["data"]["duplicates"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut tasks = Vec::new();
    for n in 0..6 {
        let (client, address, key, qid) = (
            app.client.clone(),
            app.address.clone(),
            a.clone(),
            qid.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let what = if n % 2 == 0 { "merge" } else { "dismiss" };
            client
                .post(format!("{address}/v1/duplicates/{qid}/{what}"))
                .header("x-api-key", key)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 409),
        "{statuses:?}"
    );
    let (s, scan) = call(&app, &a, Method::POST, "/v1/duplicates/scan", None).await;
    assert_eq!(s, 200, "{scan}");
    assert!(scan["data"]["profiles"].as_u64().unwrap() >= 3, "{scan}");
    let (s, _) = call(
        &app,
        &a,
        Method::POST,
        "/v1/duplicates/scan?pool=shared",
        None,
    )
    .await;
    assert_eq!(s, 403);
}
