//! `POST /v1/search/talents`: the document's examples replayed, and the
//! contract around them.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::helpers::{redact_tracking, spawn_app, spawn_app_with};

fn example_request() -> Value {
    json!({"filters": [
        {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false},
        {"filterType": "LOCATION", "value": "Paris", "isRequired": true, "isExcluded": false, "isExactMatch": false, "radius": 30}
    ]})
}

#[tokio::test]
async fn the_documented_success_example_answers_in_the_documented_shape() {
    let app = spawn_app().await;
    let res = app.search(example_request()).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().contains_key("ratelimit-remaining"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["success"], true);
    let data = &body["data"];
    assert!(data["searchTransactionId"]
        .as_str()
        .unwrap()
        .starts_with("st_"));
    let talents = data["talents"].as_array().unwrap();
    assert_eq!(talents.len(), 10, "10 per page");
    // t01 (Paris), t02 (Versailles, ~17 km, a synonym) and the 12 generated software engineers
    // (Paris, Boulogne); not Madrid, not the backend engineers (another occupation).
    assert_eq!(data["estimationCount"], 14);
    let documented_keys = [
        "id",
        "firstname",
        "lastname",
        "gender",
        "city",
        "country",
        "jobTitle",
        "summary",
        "state",
        "headline",
        "photoUrl",
        "linkedinUrl",
        "currentOrganization",
        "experiences",
        "educations",
        "skills",
        "interests",
        "languages",
        "certifications",
    ];
    for t in talents {
        for k in documented_keys {
            assert!(t.get(k).is_some(), "missing documented key {k} in {t}");
        }
        assert_eq!(t["match"]["filters"].as_array().unwrap().len(), 2);
        assert!(t["match"]["filters"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["matched"] == true));
    }
    let first = &talents[0];
    let loc = &first["match"]["filters"][1];
    assert!(loc["evidence"]["distanceKm"].as_f64().unwrap() <= 30.0);
    let title = &first["match"]["filters"][0];
    assert!(title["evidence"]["offsets"].is_array(), "{title}");
}

#[tokio::test]
async fn an_invalid_filter_type_is_answered_as_documented() {
    let app = spawn_app().await;
    let res = app.search(json!({"filters": [{"filterType": "INVALID_TYPE", "value": "test", "isRequired": true, "isExcluded": false, "isExactMatch": false}]})).await;
    assert_eq!(res.status(), 400);
    let body = redact_tracking(res.json().await.unwrap());
    let all: Vec<&str> = scout_model::FilterType::ALL
        .iter()
        .map(|t| t.as_str())
        .collect();
    assert_eq!(
        body,
        json!({"success": false, "error": {"code": "validation_error", "message": "Validation failed", "debugTrackingCode": "V1StGXR8_Z5jdHi6B-myT",
            "issues": [{"code": "invalid_union_discriminator", "options": all, "path": ["filters", 0, "filterType"], "message": "Invalid discriminator value"}]}})
    );
}

#[tokio::test]
async fn too_many_transactions_is_refused_before_any_lookup() {
    let app = spawn_app().await;
    let ids: Vec<String> = (1..=101).map(|i| format!("tx_{i}")).collect();
    let mut req = example_request();
    req["relatedSearchTransactionIds"] = json!(ids);
    let res = app.search(req).await;
    assert_eq!(res.status(), 400);
    assert_eq!(
        redact_tracking(res.json().await.unwrap()),
        json!({"success": false, "error": {"code": "too_many_search_transactions",
            "message": "Too many relatedSearchTransactionIds provided (max 100). Please refine your search filters to get more relevant results instead of paginating further.",
            "debugTrackingCode": "V1StGXR8_Z5jdHi6B-myT"}})
    );
}

#[tokio::test]
async fn missing_invalid_and_unscoped_keys_are_refused_as_documented() {
    let app = spawn_app().await;
    let url = format!("{}/v1/search/talents", app.address);
    let res = app
        .client
        .post(&url)
        .json(&example_request())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        redact_tracking(res.json().await.unwrap()),
        json!({"success": false, "error": {"code": "missing_api_key", "message": "Missing API key", "debugTrackingCode": "V1StGXR8_Z5jdHi6B-myT"}})
    );
    let res = app
        .client
        .post(&url)
        .header("x-api-key", "sk_wrong")
        .json(&example_request())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        redact_tracking(res.json().await.unwrap()),
        json!({"success": false, "error": {"code": "invalid_api_key", "message": "Invalid API key", "debugTrackingCode": "V1StGXR8_Z5jdHi6B-myT"}})
    );
    let res = app
        .client
        .post(&url)
        .bearer_auth(&app.key)
        .json(&example_request())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "Authorization: Bearer works too");
    // a malformed Authorization header is refused, even beside a good key
    for malformed in ["Basic dXNlcjpwYXNz", "Bearer", "sk_no_scheme"] {
        let res = app
            .client
            .post(&url)
            .header("x-api-key", &app.key)
            .header("authorization", malformed)
            .json(&example_request())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401, "{malformed}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_api_key", "{malformed}");
    }
    let other = app.key_with(&["sourcing:read"], 100).await;
    let res = app
        .client
        .post(&url)
        .header("x-api-key", &other)
        .json(&example_request())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "insufficient_scope");
    app.store.revoke_key(&app.key[..10]).await.unwrap();
    let res = app.search(example_request()).await;
    assert_eq!(res.status(), 401, "a revoked key is invalid");
}

#[tokio::test]
async fn the_rate_limit_is_answered_with_details_and_headers() {
    let app = spawn_app_with(Default::default(), crate::helpers::fixture_talents(), 3).await;
    for _ in 0..3 {
        assert_eq!(app.search(example_request()).await.status(), 200);
    }
    let res = app.search(example_request()).await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().get("retry-after").is_some());
    assert_eq!(res.headers().get("ratelimit-remaining").unwrap(), "0");
    assert_eq!(
        redact_tracking(res.json().await.unwrap()),
        json!({"success": false, "error": {"code": "rate_limit_exceeded", "message": "Rate limit exceeded: too many requests per minute",
            "debugTrackingCode": "V1StGXR8_Z5jdHi6B-myT", "details": {"window": "minute", "limit": 3, "current": 3}}})
    );
}

#[tokio::test]
async fn paging_with_transactions_returns_every_match_exactly_once_in_score_order() {
    let app = spawn_app().await;
    let mut seen = HashSet::new();
    let mut transactions: Vec<String> = Vec::new();
    let mut total = None;
    loop {
        let mut req = example_request();
        req["relatedSearchTransactionIds"] = json!(transactions);
        let body: Value = app.search(req).await.json().await.unwrap();
        let talents = body["data"]["talents"].as_array().unwrap().clone();
        total.get_or_insert(body["data"]["estimationCount"].as_u64().unwrap());
        let scores: Vec<f64> = talents
            .iter()
            .map(|t| t["match"]["score"].as_f64().unwrap())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        if talents.is_empty() {
            break;
        }
        for t in &talents {
            assert!(
                seen.insert(t["id"].as_str().unwrap().to_owned()),
                "a talent came back twice"
            );
        }
        transactions.push(
            body["data"]["searchTransactionId"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    assert_eq!(seen.len() as u64, total.unwrap());
}

#[tokio::test]
async fn malformed_bodies_and_unknown_transactions_are_validation_errors() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(format!("{}/v1/search/talents", app.address))
        .header("x-api-key", &app.key)
        .header("content-type", "application/json")
        .body("{\"filters\": [")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["issues"][0]["code"], "invalid_json");
    let big = "x".repeat(300 * 1024);
    let res = app
        .search(json!({"filters": [{"filterType": "KEYWORD", "value": big}]}))
        .await;
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["issues"][0]["code"], "too_big");
    let mut req = example_request();
    req["relatedSearchTransactionIds"] = json!(["st_unknown"]);
    let res = app.search(req).await;
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        body["error"]["issues"][0]["path"],
        json!(["relatedSearchTransactionIds", 0])
    );
}

#[tokio::test]
async fn openapi_describes_the_endpoint() {
    let app = spawn_app().await;
    let doc: Value = app
        .client
        .get(format!("{}/openapi.json", app.address))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/v1/searches/candidates/search"]["post"].is_object());
    assert!(doc["paths"]["/v1/pools/candidates/{listId}"]["put"].is_object());
    assert!(doc["paths"]["/api/v1/sourcing/cvs"]["post"]["responses"]["413"].is_object());
    assert_eq!(
        doc["paths"]["/api/v1/sourcing"]["get"]["parameters"][1]["schema"]["maximum"],
        100
    );
    assert!(doc["paths"]["/v1/search/talents"]["post"]["responses"]["429"].is_object());
    let list = &doc["paths"]["/v1/sourcings/{sourcingId}/candidates"]["get"];
    let params: Vec<&str> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for documented in [
        "pageIndex",
        "pageSize",
        "statusHandle",
        "location",
        "jobTitle",
        "currentCompany",
        "sortField",
        "sortOrder",
    ] {
        assert!(params.contains(&documented), "{documented}");
    }
    assert!(doc["paths"]["/v1/job-candidates"]["get"]["responses"]["404"].is_object());
}

#[tokio::test]
async fn a_search_past_its_deadline_answers_search_engine_timeout() {
    let settings = scout_server::Settings {
        search_timeout: std::time::Duration::ZERO,
        ..Default::default()
    };
    let app = spawn_app_with(settings, crate::helpers::fixture_talents(), 100).await;
    let res = app.search(example_request()).await;
    assert_eq!(res.status(), 504);
    assert_eq!(
        redact_tracking(res.json().await.unwrap()),
        json!({"success": false, "error": {"code": "search_engine_timeout", "message": "The search request timed out. Please try again.", "debugTrackingCode": "V1StGXR8_Z5jdHi6B-myT"}})
    );
}

#[tokio::test]
async fn a_boolean_keyword_searches_as_an_expression_and_a_broken_one_says_where() {
    let app = spawn_app().await;
    let res = app
        .search(json!({"filters": [
            {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true},
            {"filterType": "KEYWORD", "value": "(paris OR versailles OR boulogne) -madrid", "isRequired": true}
        ]}))
        .await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    let talents = body["data"]["talents"].as_array().unwrap();
    assert!(!talents.is_empty());
    for t in talents {
        assert_ne!(t["city"], "Madrid", "{t}");
        let keyword = &t["match"]["filters"][1];
        assert_eq!(keyword["matched"], true, "{keyword}");
        let terms = keyword["evidence"]["matchedTerms"].as_array().unwrap();
        assert!(
            !terms.is_empty() && !terms.contains(&json!("madrid")),
            "{keyword}"
        );
    }
    // the same words without the syntax keep the plain meaning
    let res = app
        .search(json!({"filters": [{"filterType": "KEYWORD", "value": "paris madrid", "isRequired": true}]}))
        .await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    for t in body["data"]["talents"].as_array().unwrap() {
        assert!(t["match"]["filters"][0]["evidence"]
            .get("matchedTerms")
            .is_none());
    }
    for (value, needle) in [
        ("\"distributed systems", "quote at character 1"),
        ("(java OR kotlin", "bracket at character 1"),
        ("java AND", "`AND` at character 6"),
    ] {
        let res = app
            .search(json!({"filters": [{"filterType": "KEYWORD", "value": value}]}))
            .await;
        assert_eq!(res.status(), 400, "{value}");
        let body: Value = res.json().await.unwrap();
        let issue = &body["error"]["issues"][0];
        assert_eq!(issue["code"], "custom", "{body}");
        assert_eq!(issue["path"], json!(["filters", 0, "value"]));
        assert!(
            issue["message"].as_str().unwrap().contains(needle),
            "{issue}"
        );
    }
}
