//! Sourcing projects and `GET /v1/sourcings/{sourcingId}/candidates`: the
//! document's example replayed, every filter, sort, default, limit and error,
//! other workspaces, and a candidate moved through the whole pipeline.

use std::collections::HashSet;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{redact_tracking, spawn_app, TestApp};

async fn new_sourcing(app: &TestApp, body: Value) -> String {
    let (status, created) = app.send(Method::POST, "/v1/sourcings", body).await;
    assert_eq!(status, 201, "{created}");
    created["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn add_talents(app: &TestApp, sourcing: &str, ids: &[&str]) -> Value {
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{sourcing}/candidates"),
            json!({ "talentIds": ids }),
        )
        .await;
    assert!(status == 200 || status == 201, "{body}");
    body
}

fn candidates(body: &Value) -> Vec<Value> {
    body["data"]["candidates"].as_array().unwrap().clone()
}

fn talent_ids(body: &Value) -> Vec<String> {
    candidates(body)
        .iter()
        .map(|r| r["talent"]["id"].as_str().unwrap_or("-").to_owned())
        .collect()
}

#[tokio::test]
async fn the_documented_example_comes_back_in_the_documented_shape() {
    let app = spawn_app().await;
    let id = new_sourcing(
        &app,
        json!({"title": "Software Engineer", "location": "Paris"}),
    )
    .await;
    add_talents(&app, &id, &["t01"]).await;
    let (status, body) = app
        .get(&format!(
            "/v1/sourcings/{id}/candidates?pageIndex=0&pageSize=25"
        ))
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["success"], true);
    let rows = candidates(&body);
    assert_eq!(rows.len(), 1);
    let c = &rows[0]["candidate"];
    assert!(c["id"].as_str().unwrap().starts_with("cand_"));
    assert_eq!(c["statusHandle"], "TO_BE_CONTACTED");
    assert_eq!(c["sourcingId"], id.as_str());
    assert_eq!(c["talentId"], "t01");
    let created = c["createdAt"].as_str().unwrap();
    assert!(
        created.len() == 24 && created.ends_with('Z') && created.as_bytes()[19] == b'.',
        "{created}"
    );
    let t = &rows[0]["talent"];
    for (k, v) in [
        ("id", json!("t01")),
        ("firstname", json!("Marie")),
        ("lastname", json!("Dupont")),
        ("jobTitle", json!("Senior Software Engineer")),
        ("city", json!("Paris")),
        ("linkedinUrl", Value::Null),
    ] {
        assert_eq!(t[k], v, "talent.{k}");
    }
    assert_eq!(
        body["data"]["pagination"],
        json!({"pageIndex": 0, "pageSize": 25, "total": 1, "hasNextPage": false})
    );
}

#[tokio::test]
async fn sourcings_are_created_listed_updated_archived_and_deleted() {
    let app = spawn_app().await;
    let (status, bad) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "", "colour": 1}),
        )
        .await;
    assert_eq!(status, 400);
    let codes: HashSet<&str> = bad["error"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, HashSet::from(["too_small", "unrecognized_keys"]));
    let (status, bad) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "X", "requirements": [{"filterType": "SKILL"}]}),
        )
        .await;
    assert_eq!(
        status, 400,
        "requirements are validated like search filters: {bad}"
    );
    assert_eq!(bad["error"]["issues"][0]["path"][0], "requirements");

    let id = new_sourcing(
        &app,
        json!({"title": "Backend Engineer", "description": "APIs", "location": "Paris",
               "salary": {"min": 50000, "max": 70000, "currency": "EUR"},
               "requirements": [{"filterType": "SKILL", "value": "Python", "isRequired": true}]}),
    )
    .await;
    let (_, got) = app.get(&format!("/v1/sourcings/{id}")).await;
    let s = &got["data"]["sourcing"];
    assert_eq!(s["status"], "ACTIVE");
    assert_eq!(s["salary"]["currency"], "EUR");
    assert_eq!(s["requirements"][0]["filterType"], "SKILL");
    assert_eq!(s["requirements"][0]["isRequired"], true);

    let (status, patched) = app
        .send(
            Method::PATCH,
            &format!("/v1/sourcings/{id}"),
            json!({"title": "Senior Backend Engineer", "description": null, "archived": true}),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    let s = &patched["data"]["sourcing"];
    assert_eq!(s["title"], "Senior Backend Engineer");
    assert_eq!(s["description"], Value::Null);
    assert_eq!(s["status"], "ARCHIVED");

    let (_, active) = app.get("/v1/sourcings").await;
    assert_eq!(
        active["data"]["pagination"]["total"], 0,
        "archived ones are hidden by default"
    );
    let (_, all) = app.get("/v1/sourcings?status=all").await;
    assert_eq!(all["data"]["sourcings"][0]["id"], id.as_str());
    let (status, _) = app.get("/v1/sourcings?pageSize=51").await;
    assert_eq!(status, 400);

    let (status, _) = app
        .send(Method::DELETE, &format!("/v1/sourcings/{id}"), json!({}))
        .await;
    assert_eq!(status, 200);
    let (status, gone) = app.get(&format!("/v1/sourcings/{id}")).await;
    assert_eq!(status, 404);
    assert_eq!(gone["error"]["code"], "not_found");
}

#[tokio::test]
async fn adding_is_idempotent_and_works_from_a_search_transaction() {
    let app = spawn_app().await;
    let id = new_sourcing(&app, json!({"title": "Software Engineer"})).await;
    let first = add_talents(&app, &id, &["t01", "t02"]).await;
    assert_eq!(first["data"]["added"], 2);
    let again = add_talents(&app, &id, &["t02", "t01"]).await;
    assert_eq!(
        (
            again["data"]["added"].clone(),
            again["data"]["existing"].clone()
        ),
        (json!(0), json!(2))
    );
    assert_eq!(
        again["data"]["candidates"][1]["id"], first["data"]["candidates"][0]["id"],
        "the same candidate comes back"
    );

    let (status, unknown) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            json!({"talentIds": ["t01", "nobody"]}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        unknown["error"]["issues"][0]["path"],
        json!(["talentIds", 1])
    );

    let search = app
        .search(json!({"filters": [{"filterType": "JOB_TITLE", "value": "Backend Engineer", "isRequired": true}]}))
        .await;
    let search: Value = search.json().await.unwrap();
    let transaction = search["data"]["searchTransactionId"].as_str().unwrap();
    let (status, added) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            json!({"searchTransactionId": transaction}),
        )
        .await;
    assert_eq!(status, 201, "{added}");
    assert_eq!(added["data"]["added"], 10, "the page the search returned");
    let (_, list) = app
        .get(&format!("/v1/sourcings/{id}/candidates?pageSize=50"))
        .await;
    assert_eq!(list["data"]["pagination"]["total"], 12);

    let (status, _) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            json!({"searchTransactionId": "st_nope"}),
        )
        .await;
    assert_eq!(status, 400);
    let (status, empty) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            json!({}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(empty["error"]["issues"][0]["code"], "custom");
}

/// A sourcing with eight candidates spread over stages, cities, titles and companies.
async fn populated(app: &TestApp) -> String {
    let id = new_sourcing(app, json!({"title": "Software Engineer"})).await;
    add_talents(app, &id, &["t01", "t02", "t03", "t04", "t05", "t06", "t07"]).await;
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            json!({"candidates": [{"name": "John Doe", "email": "john.doe@example.com", "location": "San Francisco",
                                   "job_title": "Staff Engineer", "company_name": "Stripe", "source": "LinkedIn"}]}),
        )
        .await;
    assert_eq!(status, 201);
    id
}

async fn candidate_of(app: &TestApp, sourcing: &str, talent: &str) -> String {
    let (_, list) = app
        .get(&format!("/v1/sourcings/{sourcing}/candidates?pageSize=50&statusHandle=TO_BE_CONTACTED&statusHandle=APPLIED&statusHandle=NOT_RETAINED&statusHandle=CONTACTED"))
        .await;
    candidates(&list)
        .iter()
        .find(|r| r["talent"]["id"] == talent || r["talent"]["firstname"] == talent)
        .map(|r| r["candidate"]["id"].as_str().unwrap().to_owned())
        .unwrap()
}

#[tokio::test]
async fn status_filters_default_to_everything_but_not_retained() {
    let app = spawn_app().await;
    let id = populated(&app).await;
    let t04 = candidate_of(&app, &id, "t04").await;
    let (status, _) = app
        .send(
            Method::PATCH,
            &format!("/v1/sourcings/{id}/candidates/{t04}"),
            json!({"statusHandle": "NOT_RETAINED"}),
        )
        .await;
    assert_eq!(status, 200);
    let (_, default) = app.get(&format!("/v1/sourcings/{id}/candidates")).await;
    assert_eq!(default["data"]["pagination"]["total"], 7);
    assert!(!talent_ids(&default).contains(&"t04".to_owned()));
    let (_, rejected) = app
        .get(&format!(
            "/v1/sourcings/{id}/candidates?statusHandle=NOT_RETAINED"
        ))
        .await;
    assert_eq!(talent_ids(&rejected), vec!["t04"]);
    let (_, both) = app
        .get(&format!(
            "/v1/sourcings/{id}/candidates?statusHandle=NOT_RETAINED&statusHandle=APPLIED"
        ))
        .await;
    assert_eq!(
        both["data"]["pagination"]["total"], 2,
        "the applicant starts as APPLIED"
    );
}

#[tokio::test]
async fn location_title_company_and_text_filters_narrow_the_list() {
    let app = spawn_app().await;
    let id = populated(&app).await;
    let list = |q: &str| {
        let app = &app;
        let path = format!("/v1/sourcings/{id}/candidates?{q}");
        async move { app.get(&path).await.1 }
    };
    let mut paris = talent_ids(&list("location=paris").await);
    paris.sort();
    assert_eq!(
        paris,
        vec!["t01", "t07"],
        "whole-word, case-insensitive city match"
    );
    let mut two = talent_ids(&list("location=Madrid&location=London").await);
    two.sort();
    assert_eq!(two, vec!["t03", "t04"], "repeatable: any of");
    assert_eq!(
        talent_ids(&list("jobTitle=Registered%20Nurse").await),
        vec!["t04"]
    );
    assert_eq!(
        talent_ids(&list("currentCompany=google").await),
        vec!["t03"]
    );
    let john = list("search=john%20doe").await;
    assert_eq!(candidates(&john)[0]["talent"]["firstname"], "John");
    assert_eq!(
        candidates(&john)[0]["talent"]["id"],
        Value::Null,
        "an applicant outside the index"
    );
    assert_eq!(
        talent_ids(&list("q=figma").await),
        vec!["t05"],
        "skills are searchable"
    );
    assert_eq!(
        talent_ids(&list("search=acme&location=Paris").await),
        vec!["t01"]
    );
    assert!(candidates(&list("search=zzzz").await).is_empty());
}

#[tokio::test]
async fn every_sort_field_orders_both_ways_and_pages_never_overlap() {
    let app = spawn_app().await;
    let id = populated(&app).await;
    let t01 = candidate_of(&app, &id, "t01").await;
    let t03 = candidate_of(&app, &id, "t03").await;
    for (candidate, body) in [
        (&t01, json!({"userRating": 5, "statusHandle": "INTERVIEW"})),
        (&t03, json!({"userRating": 2, "statusHandle": "CONTACTED"})),
    ] {
        let (status, _) = app
            .send(
                Method::PATCH,
                &format!("/v1/sourcings/{id}/candidates/{candidate}"),
                body,
            )
            .await;
        assert_eq!(status, 200);
    }
    for _ in 0..2 {
        app.send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates/{t03}/contacts"),
            json!({"channel": "email"}),
        )
        .await;
    }
    let sorted = |field: &str, order: &str| {
        let app = &app;
        let path = format!(
            "/v1/sourcings/{id}/candidates?pageSize=50&sortField={field}&sortOrder={order}"
        );
        async move { candidates(&app.get(&path).await.1) }
    };
    let firsts = |rows: &[Value], part: &str, key: &str| -> Vec<Value> {
        rows.iter().map(|r| r[part][key].clone()).collect()
    };
    let rows = sorted("name", "asc").await;
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["talent"]["firstname"].as_str().unwrap(),
                r["talent"]["lastname"].as_str().unwrap_or("")
            )
            .to_lowercase()
        })
        .collect();
    let mut expected = names.clone();
    expected.sort();
    assert_eq!(names, expected);
    let rows = sorted("city", "desc").await;
    let cities: Vec<String> = firsts(&rows, "talent", "city")
        .iter()
        .map(|c| c.as_str().unwrap().to_lowercase())
        .collect();
    let mut expected = cities.clone();
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(cities, expected);
    assert_eq!(
        sorted("companyName", "asc").await[0]["talent"]["companyName"],
        "Acme"
    );
    assert_eq!(
        sorted("jobTitle", "asc").await[0]["talent"]["jobTitle"],
        "Backend Engineer"
    );
    assert_eq!(
        sorted("jobTitle", "desc").await[0]["talent"]["jobTitle"],
        "Staff Engineer"
    );
    assert_eq!(sorted("userRating", "desc").await[0]["talent"]["id"], "t01");
    let by_rating = sorted("userRating", "asc").await;
    assert_eq!(by_rating[0]["talent"]["id"], "t03");
    assert_eq!(
        by_rating.last().unwrap()["candidate"]["userRating"],
        Value::Null,
        "unrated last"
    );
    assert_eq!(sorted("contacts", "desc").await[0]["talent"]["id"], "t03");
    assert_eq!(
        sorted("statusHandle", "desc").await[0]["candidate"]["statusHandle"],
        "INTERVIEW"
    );
    assert_eq!(
        sorted("statusHandle", "asc").await[0]["candidate"]["statusHandle"],
        "APPLIED"
    );
    assert_eq!(
        sorted("history", "desc").await[0]["talent"]["id"],
        "t03",
        "latest activity first"
    );
    let newest = sorted("createdAt", "desc").await;
    assert_eq!(newest[0]["talent"]["firstname"], "John", "added last");
    let (_, default) = app.get(&format!("/v1/sourcings/{id}/candidates")).await;
    assert_eq!(
        candidates(&default)[0]["talent"]["firstname"],
        "John",
        "newest first by default"
    );

    // Pages of 3 cover everyone exactly once, in every order.
    for field in ["name", "city", "userRating", "contacts", "createdAt"] {
        let mut seen = HashSet::new();
        let mut page = 0;
        loop {
            let (_, body) = app
                .get(&format!(
                    "/v1/sourcings/{id}/candidates?pageSize=3&pageIndex={page}&sortField={field}"
                ))
                .await;
            for r in candidates(&body) {
                assert!(
                    seen.insert(r["candidate"]["id"].as_str().unwrap().to_owned()),
                    "{field}: repeated"
                );
            }
            if body["data"]["pagination"]["hasNextPage"] == false {
                break;
            }
            page += 1;
        }
        assert_eq!(seen.len(), 8, "{field}");
    }
}

#[tokio::test]
async fn every_bad_parameter_is_a_validation_error_with_its_issue() {
    let app = spawn_app().await;
    let id = populated(&app).await;
    for (query, path, code) in [
        ("pageSize=51", "pageSize", "too_big"),
        ("pageSize=0", "pageSize", "too_small"),
        ("pageIndex=-1", "pageIndex", "too_small"),
        ("pageIndex=abc", "pageIndex", "invalid_type"),
        (
            "statusHandle=HIRED&statusHandle=SLEEPING",
            "statusHandle",
            "invalid_enum_value",
        ),
        ("sortField=salary", "sortField", "invalid_enum_value"),
        ("sortOrder=up", "sortOrder", "invalid_enum_value"),
    ] {
        let (status, body) = app
            .get(&format!("/v1/sourcings/{id}/candidates?{query}"))
            .await;
        assert_eq!(status, 400, "{query}");
        let body = redact_tracking(body);
        assert_eq!(body["error"]["code"], "validation_error");
        assert_eq!(body["error"]["issues"][0]["path"], json!([path]), "{query}");
        assert_eq!(body["error"]["issues"][0]["code"], code, "{query}");
    }
    // unknown query parameters are ignored (the documents say nothing of them)
    let (status, body) = app
        .get(&format!("/v1/sourcings/{id}/candidates?colour=red"))
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, max) = app
        .get(&format!("/v1/sourcings/{id}/candidates?pageSize=50"))
        .await;
    assert_eq!(max["data"]["pagination"]["pageSize"], 50);
    let (_, past_end) = app
        .get(&format!("/v1/sourcings/{id}/candidates?pageIndex=9"))
        .await;
    assert!(candidates(&past_end).is_empty());
    assert_eq!(past_end["data"]["pagination"]["total"], 8);
}

#[tokio::test]
async fn another_workspace_never_learns_a_sourcing_exists() {
    let app = spawn_app().await;
    let id = populated(&app).await;
    let outsider = app
        .key_in("globex", &["sourcing:read", "sourcing:write"], 100)
        .await;
    for path in [
        format!("/v1/sourcings/{id}/candidates"),
        format!("/v1/sourcings/{id}"),
        "/v1/sourcings/src_does_not_exist/candidates".to_owned(),
    ] {
        let res = app
            .client
            .get(format!("{}{}", app.address, path))
            .header("x-api-key", &outsider)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path}");
        let body = redact_tracking(res.json().await.unwrap());
        assert_eq!(body["error"]["code"], "not_found");
        assert_eq!(body["error"]["message"], "Sourcing not found");
    }
    let res = app
        .client
        .post(format!("{}/v1/sourcings/{id}/candidates", app.address))
        .header("x-api-key", &outsider)
        .json(&json!({"talentIds": ["t09"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let (_, theirs) = app.get("/v1/sourcings").await;
    assert_eq!(theirs["data"]["pagination"]["total"], 1, "still only ours");
    let no_scope = app.key_with(&["talents:search"], 100).await;
    let res = app
        .client
        .get(format!("{}/v1/sourcings/{id}/candidates", app.address))
        .header("x-api-key", &no_scope)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let read_only = app.key_with(&["sourcing:read"], 100).await;
    let res = app
        .client
        .post(format!("{}/v1/sourcings", app.address))
        .header("x-api-key", &read_only)
        .json(&json!({"title": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = app
        .client
        .get(format!("{}/v1/sourcings/{id}/candidates", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn a_candidate_moved_through_the_whole_pipeline_has_its_history() {
    let app = spawn_app().await;
    let id = populated(&app).await;
    let c = candidate_of(&app, &id, "t02").await;
    let path = format!("/v1/sourcings/{id}/candidates/{c}");
    let stages = [
        "CONTACTED",
        "REPLIED",
        "INTERESTED",
        "QUALIFIED",
        "SCREENING",
        "PHONE_SCREEN",
        "INTERVIEW",
        "TECHNICAL",
        "OFFER",
        "HIRED",
    ];
    app.send(
        Method::POST,
        &format!("{path}/contacts"),
        json!({"channel": "linkedin", "note": "InMail"}),
    )
    .await;
    for s in stages {
        let (status, body) = app
            .send(Method::PATCH, &path, json!({"statusHandle": s}))
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["data"]["candidate"]["statusHandle"], s);
    }
    let (status, _) = app
        .send(Method::PATCH, &path, json!({"userRating": 4}))
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .send(
            Method::POST,
            &format!("{path}/notes"),
            json!({"text": "Great culture fit"}),
        )
        .await;
    assert_eq!(status, 201);
    // The Hirempire vocabulary is accepted too.
    let (_, body) = app
        .send(Method::PATCH, &path, json!({"status": "on_hold"}))
        .await;
    assert_eq!(body["data"]["candidate"]["statusHandle"], "ON_HOLD");
    for bad in [
        json!({"userRating": 6}),
        json!({"userRating": 2.5}),
        json!({"statusHandle": "DONE"}),
        json!({}),
    ] {
        let (status, _) = app.send(Method::PATCH, &path, bad.clone()).await;
        assert_eq!(status, 400, "{bad}");
    }

    let (status, history) = app.get(&format!("{path}/history")).await;
    assert_eq!(status, 200);
    let events = history["data"]["events"].as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"status"), "latest first");
    assert_eq!(kinds.last(), Some(&"created"));
    assert_eq!(events[0]["from"], "HIRED");
    assert_eq!(events[0]["to"], "ON_HOLD");
    assert_eq!(events[0]["actor"], "ada");
    let moves: Vec<(Value, Value)> = events
        .iter()
        .rev()
        .filter(|e| e["kind"] == "status")
        .map(|e| (e["from"].clone(), e["to"].clone()))
        .collect();
    let mut from = "TO_BE_CONTACTED";
    for (i, s) in stages.iter().enumerate() {
        assert_eq!(moves[i], (json!(from), json!(s)));
        from = s;
    }
    assert!(events
        .iter()
        .any(|e| e["kind"] == "rating" && e["to"] == "4"));
    assert!(events
        .iter()
        .any(|e| e["kind"] == "note" && e["detail"] == "Great culture fit"));
    assert!(events
        .iter()
        .any(|e| e["kind"] == "contact" && e["to"] == "linkedin"));

    let (_, one) = app.get(&path).await;
    assert_eq!(one["data"]["candidate"]["contacts"], 1);
    assert_eq!(one["data"]["candidate"]["userRating"], 4);
    assert_eq!(one["data"]["profile"]["id"], "t02", "the full profile");

    let (status, _) = app.send(Method::DELETE, &path, json!({})).await;
    assert_eq!(status, 200);
    let (status, _) = app.get(&format!("{path}/history")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn fits_are_scored_on_adding_and_rescored_when_requirements_change() {
    let app = spawn_app().await;
    let id = new_sourcing(
        &app,
        json!({"title": "Senior Software Engineer", "location": "Paris",
        "requirements": [
            {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true},
            {"filterType": "SKILL", "value": "React"}
        ]}),
    )
    .await;
    add_talents(&app, &id, &["t01", "t04"]).await;
    let fit_of = |talent: &'static str| {
        let app = &app;
        let path = format!("/v1/sourcings/{id}/candidates?sortField=name");
        async move {
            let (_, body) = app.get(&path).await;
            candidates(&body)
                .into_iter()
                .find(|r| r["talent"]["id"] == talent)
                .map(|r| r["candidate"]["fit"].clone())
                .unwrap()
        }
    };
    let marie = fit_of("t01").await;
    assert_eq!(marie["matchPercentage"], 100);
    assert_eq!(marie["decision"], "Shortlist");
    let tom = fit_of("t04").await;
    assert_eq!(tom["matchPercentage"], 0);
    assert_eq!(tom["decision"], "Reject");

    let (status, _) = app
        .send(
            Method::PATCH,
            &format!("/v1/sourcings/{id}"),
            json!({"requirements": [{"filterType": "JOB_TITLE", "value": "Registered Nurse", "isRequired": true}],
                   "location": "London"}),
        )
        .await;
    assert_eq!(status, 200);
    // Re-scoring runs in the background.
    let mut rescored = false;
    for _ in 0..100 {
        if fit_of("t04").await["decision"] == "Shortlist" {
            rescored = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(rescored, "{}", fit_of("t04").await);
    assert_eq!(fit_of("t01").await["decision"], "Reject");
}

#[tokio::test]
async fn a_failure_inside_is_internal_error_in_each_family_s_envelope() {
    let app = spawn_app().await;
    let id = new_sourcing(&app, json!({"title": "Engineer"})).await;
    let added = add_talents(&app, &id, &["t01"]).await;
    let candidate = added["data"]["candidates"][0]["id"].as_str().unwrap();
    scout_store::testing::corrupt_candidate(&app.store, candidate)
        .await
        .unwrap();
    let (status, body) = app.get(&format!("/v1/sourcings/{id}/candidates")).await;
    assert_eq!(status, 500);
    let body = redact_tracking(body);
    assert_eq!(body["error"]["code"], "internal_error");
    assert!(
        !body.to_string().contains("NO_SUCH_STAGE"),
        "causes stay in the log: {body}"
    );
    let (status, body) = app.get(&format!("/v1/job-candidates?job_id={id}")).await;
    assert_eq!(status, 500);
    assert_eq!(
        body,
        json!({"success": false, "error": "Internal server error"})
    );
}
