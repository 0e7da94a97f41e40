//! People's data rights over HTTP: `DELETE /v1/people/{person}`, its
//! export and `GET /v1/audit`, on SQLite and on PostgreSQL.

use std::time::{Duration, Instant};

use reqwest::Method;
use scout_server::Settings;
use scout_store::UpsertOutcome;
use serde_json::{json, Value};

use crate::helpers::{fixture_talents, spawn_app, spawn_app_on, TestApp};

/// Filters that each find Marie Dupont (t01) by one field of her profile.
const HER_FIELDS: [(&str, &str); 7] = [
    ("KEYWORD", "Marie"),
    ("KEYWORD", "Dupont"),
    ("KEYWORD", "B2B SaaS"),
    ("COMPANY_NAME", "Acme"),
    ("EDUCATION_SCHOOL_NAME", "École Polytechnique"),
    ("SKILL", "TypeScript"),
    ("LANGUAGE", "English"),
];

async fn call(app: &TestApp, key: &str, method: Method, path: &str) -> (u16, Value) {
    let res = app
        .client
        .request(method, format!("{}{path}", app.address))
        .header("x-api-key", key)
        .send()
        .await
        .unwrap();
    (
        res.status().as_u16(),
        res.json().await.unwrap_or(Value::Null),
    )
}

async fn send_as(app: &TestApp, key: &str, method: Method, path: &str, body: Value) -> Value {
    let res = app
        .client
        .request(method, format!("{}{path}", app.address))
        .header("x-api-key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let body: Value = res.json().await.unwrap();
    assert!(status == 200 || status == 201, "{path}: {status} {body}");
    body
}

/// The ids a required filter finds.
async fn found(app: &TestApp, filter_type: &str, value: &str) -> Vec<String> {
    let res = app
        .search(
            json!({"filters": [{"filterType": filter_type, "value": value, "isRequired": true}]}),
        )
        .await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{filter_type} {value}: {body}");
    body["data"]["talents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A sourcing of `key`'s workspace holding `talents`; its id and the
/// candidate id of the first talent.
async fn pipeline(app: &TestApp, key: &str, talents: &[&str]) -> (String, String) {
    let created = send_as(
        app,
        key,
        Method::POST,
        "/v1/sourcings",
        json!({"title": "Frontend"}),
    )
    .await;
    let sourcing = created["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    send_as(
        app,
        key,
        Method::POST,
        &format!("/v1/sourcings/{sourcing}/candidates"),
        json!({"talentIds": talents}),
    )
    .await;
    let (_, list) = call(
        app,
        key,
        Method::GET,
        &format!("/v1/sourcings/{sourcing}/candidates?pageSize=50"),
    )
    .await;
    let candidate = list["data"]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["talent"]["id"] == talents[0])
        .map(|r| r["candidate"]["id"].as_str().unwrap().to_owned())
        .unwrap();
    (sourcing, candidate)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_is_erased_everywhere_and_is_never_found_again() {
    erased_everywhere(spawn_app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_on_postgresql() {
    let server = scout_store::testing::PgServer::start()
        .unwrap_or_else(|e| panic!("PostgreSQL is required for this test: {e}"));
    let url = server.fresh_database().await.unwrap();
    erased_everywhere(spawn_app_on(Some(url), Settings::default(), fixture_talents(), 1000).await)
        .await;
}

async fn erased_everywhere(app: TestApp) {
    let operator = app.key_in("acme", &["admin"], 1000).await;
    let globex = app
        .key_in("globex", &["sourcing:read", "sourcing:write"], 1000)
        .await;
    let (sourcing, candidate) = pipeline(&app, &app.key, &["t01", "t02"]).await;
    let path = format!("/v1/sourcings/{sourcing}/candidates/{candidate}");
    send_as(
        &app,
        &app.key,
        Method::POST,
        &format!("{path}/notes"),
        json!({"text": "Met Marie at a meetup"}),
    )
    .await;
    let (status, _) = app.get(&path).await;
    assert_eq!(status, 200);
    let list = send_as(
        &app,
        &app.key,
        Method::POST,
        "/v1/pools/candidates",
        json!({"name": "Shortlist", "talentIds": ["t01", "t02"]}),
    )
    .await;
    let list = list["data"]["id"].as_str().unwrap().to_owned();
    let (globex_sourcing, globex_candidate) = pipeline(&app, &globex, &["t01"]).await;
    for (t, v) in HER_FIELDS {
        assert!(found(&app, t, v).await.contains(&"t01".into()), "{t} {v}");
    }

    // only the operator may erase, export or read the log
    for (method, p) in [
        (Method::DELETE, "/v1/people/t01"),
        (Method::GET, "/v1/people/t01/export"),
        (Method::GET, "/v1/audit"),
    ] {
        for key in [&app.key, &globex] {
            let (status, body) = call(&app, key, method.clone(), p).await;
            assert_eq!(status, 403, "{p}: {body}");
            assert_eq!(body["error"]["code"], "insufficient_scope");
        }
        let (status, _) = call(&app, "nope", method.clone(), p).await;
        assert_eq!(status, 401);
    }

    // the export holds everything, from every workspace
    let (status, export) = call(&app, &operator, Method::GET, "/v1/people/t01/export").await;
    assert_eq!(status, 200, "{export}");
    let export = &export["data"];
    assert_eq!(export["profiles"][0]["profile"]["firstname"], "Marie");
    assert_eq!(export["candidates"].as_array().unwrap().len(), 2);
    assert_eq!(export["lists"][0]["listId"], list.as_str());
    assert!(export.to_string().contains("Met Marie at a meetup"));
    assert!(
        !export.to_string().contains("Jean"),
        "nobody else: {export}"
    );

    let (status, erased) = call(&app, &operator, Method::DELETE, "/v1/people/T01").await;
    assert_eq!(status, 200, "{erased}");
    // talent ids are case-sensitive: T01 is nobody
    assert_eq!(erased["data"]["erasure"]["counts"]["profiles"], 0);
    let (status, erased) = call(&app, &operator, Method::DELETE, "/v1/people/t01").await;
    assert_eq!(status, 200, "{erased}");
    let counts = &erased["data"]["erasure"]["counts"];
    assert_eq!(counts["profiles"], 1, "{erased}");
    assert_eq!(counts["candidates"], 2, "{erased}");
    assert_eq!(counts["listMemberships"], 1, "{erased}");
    assert!(counts["suppressedIdentifiers"].as_u64().unwrap() >= 1);

    // the index follows the store within moments
    let deadline = Instant::now() + Duration::from_secs(15);
    while found(&app, "KEYWORD", "Marie")
        .await
        .contains(&"t01".into())
    {
        assert!(Instant::now() < deadline, "the index still finds her");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for (t, v) in HER_FIELDS {
        assert!(!found(&app, t, v).await.contains(&"t01".into()), "{t} {v}");
    }
    // and the follower merges her deleted entry out of the index's files
    let deadline = Instant::now() + Duration::from_secs(15);
    while app.state.engine.num_deleted_docs() > 0 {
        assert!(
            Instant::now() < deadline,
            "deleted documents stay in the index"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (status, _) = app.get(&path).await;
    assert_eq!(status, 404);
    let (status, body) = call(
        &app,
        &globex,
        Method::GET,
        &format!("/v1/sourcings/{globex_sourcing}/candidates/{globex_candidate}"),
    )
    .await;
    assert_eq!(status, 404, "{body}");
    let (_, members) = app.get(&format!("/v1/pools/candidates/{list}")).await;
    let members: Vec<&str> = members["data"]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(members, ["t02"]);
    let (status, body) = call(&app, &operator, Method::GET, "/v1/people/t01/export").await;
    assert_eq!(status, 404, "{body}");

    // an import of the same person does not bring her back
    let marie = fixture_talents().remove(0);
    let report = app
        .store
        .upsert_profiles(&[marie], "again", None)
        .await
        .unwrap();
    assert_eq!(report.outcomes, [UpsertOutcome::Suppressed]);
    assert!(!found(&app, "KEYWORD", "Marie")
        .await
        .contains(&"t01".into()));

    // the log says who did what, and names nobody
    let (status, log) = call(&app, &operator, Method::GET, "/v1/audit?limit=1000").await;
    assert_eq!(status, 200, "{log}");
    let events = log["data"]["events"].as_array().unwrap();
    let actions: Vec<&str> = events
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for action in ["viewed", "changed", "exported", "erased"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    let text = log.to_string();
    assert!(!text.contains("Marie") && !text.contains("Dupont"), "{log}");
    let (_, erasures) = call(&app, &operator, Method::GET, "/v1/audit?action=erased").await;
    assert_eq!(erasures["data"]["events"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_audit_log_pages_and_refuses_bad_parameters() {
    let app = spawn_app().await;
    let operator = app.key_in("acme", &["admin"], 1000).await;
    for person in ["t02", "t03", "t04"] {
        let (status, _) = call(
            &app,
            &operator,
            Method::GET,
            &format!("/v1/people/{person}/export"),
        )
        .await;
        assert_eq!(status, 200);
    }
    let (_, first) = call(&app, &operator, Method::GET, "/v1/audit?limit=2").await;
    let events = first["data"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["subject"], "t02");
    let next = first["data"]["nextAfter"].as_i64().unwrap();
    let (_, rest) = call(
        &app,
        &operator,
        Method::GET,
        &format!("/v1/audit?limit=2&after={next}"),
    )
    .await;
    let rest = rest["data"]["events"].as_array().unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["subject"], "t04");
    assert_eq!(
        rest[0]["actor"].as_str().unwrap().split(':').next(),
        Some("key")
    );
    let (_, t03) = call(&app, &operator, Method::GET, "/v1/audit?subject=t03").await;
    assert_eq!(t03["data"]["events"].as_array().unwrap().len(), 1);

    for bad in ["limit=0", "limit=1001", "action=deleted", "after=-1"] {
        let (status, body) = call(&app, &operator, Method::GET, &format!("/v1/audit?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["error"]["code"], "validation_error");
    }
    let (status, body) = call(&app, &operator, Method::GET, "/v1/people/%20/export").await;
    assert_eq!(status, 400, "{body}");
    let long = "x".repeat(321);
    let (status, _) = call(
        &app,
        &operator,
        Method::DELETE,
        &format!("/v1/people/{long}"),
    )
    .await;
    assert_eq!(status, 400);
    let (status, body) = call(
        &app,
        &operator,
        Method::GET,
        "/v1/people/nobody@example.com/export",
    )
    .await;
    assert_eq!(status, 404, "{body}");
}

#[tokio::test]
async fn a_cv_of_an_erased_person_is_not_stored_again() {
    let app = spawn_app().await;
    let operator = app.key_in("acme", &["admin"], 1000).await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scout-ingest/tests/cvs");
    let pdf = std::fs::read(dir.join("cv00-classic.pdf")).unwrap();
    let upload = || async {
        let form = reqwest::multipart::Form::new().part(
            "files",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("cv.pdf"),
        );
        let res = app
            .client
            .post(format!("{}/api/v1/sourcing/cvs", app.address))
            .header("x-api-key", &app.key)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        res.json::<Value>().await.unwrap()
    };
    let first = upload().await;
    let lead = first["data"]["results"][0]["leadId"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = app.get(&format!("/api/v1/sourcing/{lead}")).await;
    assert_eq!(status, 200);
    let (_, viewed) = call(
        &app,
        &operator,
        Method::GET,
        &format!("/v1/audit?action=viewed&subject={lead}"),
    )
    .await;
    assert_eq!(viewed["data"]["events"][0]["detail"], "lead", "{viewed}");

    let (status, erased) = call(
        &app,
        &operator,
        Method::DELETE,
        "/v1/people/Curtis.Gutierrez@example.com",
    )
    .await;
    assert_eq!(status, 200, "{erased}");
    let counts = &erased["data"]["erasure"]["counts"];
    assert_eq!(
        (counts["leads"].as_u64(), counts["cvFiles"].as_u64()),
        (Some(1), Some(1)),
        "{erased}"
    );
    let (status, _) = app.get(&format!("/api/v1/sourcing/{lead}")).await;
    assert_eq!(status, 404);
    let (status, log) = call(&app, &operator, Method::GET, "/v1/audit?action=erased").await;
    assert_eq!(status, 200);
    assert!(!log.to_string().to_lowercase().contains("curtis"), "{log}");

    let again = upload().await;
    let result = &again["data"]["results"][0];
    assert_eq!(result["leadId"], Value::Null, "{again}");
    assert_eq!(result["status"], "failed");
    assert!(result["failureReason"].as_str().unwrap().contains("erased"));
    assert_eq!(again["data"]["leads"], json!([]));
    let (_, leads) = app.get("/api/v1/sourcing").await;
    assert_eq!(leads["data"], json!([]), "{leads}");
}

/// Erasures from several clients at once, beside clients adding the same
/// people to pipelines: every request answers without a server error, and
/// afterwards no erased person is held anywhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn erasures_beside_pipeline_writes_all_land() {
    let app = spawn_app().await;
    let operator = app.key_in("acme", &["admin"], 100_000).await;
    let (sourcing, _) = pipeline(&app, &app.key, &["t10"]).await;
    let people: Vec<String> = (11..=18).map(|i| format!("t{i}")).collect();
    let mut tasks = Vec::new();
    for person in &people {
        let (client, base, key) = (app.client.clone(), app.address.clone(), operator.clone());
        let path = format!("{base}/v1/people/{person}");
        tasks.push(tokio::spawn(async move {
            let res = client
                .delete(path)
                .header("x-api-key", key)
                .send()
                .await
                .unwrap();
            res.status().as_u16()
        }));
        let (client, key) = (app.client.clone(), app.key.clone());
        let path = format!("{}/v1/sourcings/{sourcing}/candidates", app.address);
        let body = json!({"talentIds": [person]});
        tasks.push(tokio::spawn(async move {
            let res = client
                .post(path)
                .header("x-api-key", key)
                .json(&body)
                .send()
                .await
                .unwrap();
            res.status().as_u16()
        }));
    }
    for task in tasks {
        let status = task.await.unwrap();
        assert!(status < 500, "a request answered {status}");
    }
    // an addition that landed after its person's erasure is a candidate
    // entry naming an id with no profile; erasing again removes it
    for person in &people {
        let (status, _) = call(
            &app,
            &operator,
            Method::DELETE,
            &format!("/v1/people/{person}"),
        )
        .await;
        assert_eq!(status, 200);
        let (status, body) = call(
            &app,
            &operator,
            Method::GET,
            &format!("/v1/people/{person}/export"),
        )
        .await;
        assert_eq!(status, 404, "{person}: {body}");
    }
    let (status, _) = call(&app, &operator, Method::GET, "/v1/people/t10/export").await;
    assert_eq!(status, 200, "the person nobody erased is kept");
}
