//! The documents' examples replayed as a client written against them would
//! send them: their addresses, their headers, their parameters.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::spawn_app;

/// Kalent's pages title `/v1/…` and call `/api/v1/…` in every curl example
/// (001, "Page 1" / "Page 2"; 000, the `curl -G` example): both answer alike.
#[tokio::test]
async fn the_api_v1_addresses_of_the_curl_examples_answer_like_v1() {
    let app = spawn_app().await;
    let page1 = json!({"filters": [
        {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false}
    ]});
    let (status, first) = app
        .send(Method::POST, "/api/v1/search/talents", page1.clone())
        .await;
    assert_eq!(status, 200, "{first}");
    let (_, plain) = app.send(Method::POST, "/v1/search/talents", page1).await;
    assert_eq!(
        first["data"]["estimationCount"],
        plain["data"]["estimationCount"]
    );
    let tx = first["data"]["searchTransactionId"].as_str().unwrap();
    let page2 = json!({"filters": [
        {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false}
    ], "relatedSearchTransactionIds": [tx]});
    let (status, second) = app
        .send(Method::POST, "/api/v1/search/talents", page2)
        .await;
    assert_eq!(status, 200, "{second}");
    let ids = |v: &Value| -> Vec<String> {
        v["data"]["talents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(ids(&second).iter().all(|id| !ids(&first).contains(id)));

    let (status, created) = app
        .send(
            Method::POST,
            "/api/v1/sourcings",
            json!({"title": "Backend Engineer"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let sourcing = created["data"]["sourcing"]["id"].as_str().unwrap();
    let (status, listed) = app
        .get(&format!(
            "/api/v1/sourcings/{sourcing}/candidates?pageIndex=0&pageSize=25"
        ))
        .await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed["success"], true);
    assert_eq!(listed["data"]["pagination"]["pageSize"], 25, "{listed}");

    // the other families too, in their own envelopes
    let (status, body) = app.get("/api/v1/job-candidates").await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["success"], false);
    assert!(body["error"].is_string(), "the flat envelope: {body}");
}

/// Every path or method no endpoint serves answers in the envelope, under
/// both prefixes.
#[tokio::test]
async fn unknown_paths_and_methods_answer_in_the_envelope_under_both_prefixes() {
    let app = spawn_app().await;
    for path in ["/api/v1/nothing", "/v1/nothing", "/api/v2/search/talents"] {
        let res = app.call(Method::GET, path).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "not_found", "{path}: {body}");
    }
    for path in ["/api/v1/search/talents", "/v1/search/talents"] {
        let res = app.call(Method::DELETE, path).send().await.unwrap();
        assert_eq!(res.status(), 405, "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(
            body["error"]["code"], "method_not_allowed",
            "{path}: {body}"
        );
    }
    let res = app
        .call(Method::GET, "/api/v1/job-candidates/x/y")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["success"], false);
    assert!(body["error"].is_string(), "the flat envelope: {body}");
}

/// "Every filter accepts the following common fields" (001): the schema's
/// `radius` and `history` on any type are accepted, and where the type does
/// not use them each talent's `match` says they were ignored.
#[tokio::test]
async fn radius_and_history_are_accepted_on_every_filter_and_ignored_where_meaningless() {
    let app = spawn_app().await;
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/search/talents",
            json!({"filters": [
                {"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true, "radius": 123, "history": "CURRENT"},
                {"filterType": "SKILL", "value": "Python", "isRequired": false, "history": "PAST"}
            ]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let talents = body["data"]["talents"].as_array().unwrap();
    assert!(!talents.is_empty());
    for t in talents {
        let filters = &t["match"]["filters"];
        assert_eq!(filters[0]["ignored"][0]["field"], "radius", "{filters}");
        assert_eq!(filters[1]["ignored"][0]["field"], "history", "{filters}");
        assert!(filters[1]["ignored"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("ignored"));
    }
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/search/talents",
            json!({"filters": [{"filterType": "SKILL", "value": "Python", "histroy": "PAST"}]}),
        )
        .await;
    assert_eq!(status, 400, "a misspelt key stays refused: {body}");
    assert_eq!(
        body["error"]["issues"][0]["code"], "unrecognized_keys",
        "{body}"
    );
}

/// The prompt-search page shows the two helpers without an `Authorization`
/// header (002, lines 52–53): they answer from the reference data alone,
/// with nothing computed from anyone's profiles; a wrong key is still `401`.
#[tokio::test]
async fn the_helpers_answer_without_a_key_from_reference_data_only() {
    let app = spawn_app().await;
    let anonymous = |path: &str, body: Value| {
        app.client
            .post(format!("{}{path}", app.address))
            .json(&body)
            .send()
    };
    let res = anonymous(
        "/v1/searches/candidates/job-title-synonyms",
        json!({ "title": "backend engineer" }),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().contains_key("ratelimit-remaining"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["basis"], "reference_data", "{body}");
    let synonyms = body["data"]["synonyms"].as_array().unwrap();
    assert!(!synonyms.is_empty(), "{body}");
    assert!(synonyms.iter().all(|s| s["profiles"].is_null()), "{body}");

    let res = anonymous(
        "/v1/searches/candidates/skills-suggestions",
        json!({ "skills": ["Node.js"] }),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["sampledProfiles"], 0, "{body}");
    let suggestions = body["data"]["suggestions"].as_array().unwrap();
    assert!(!suggestions.is_empty(), "{body}");
    assert!(suggestions
        .iter()
        .all(|s| s["profileShare"].is_null() && s["score"] == s["taxonomyWeight"]));

    // with a key: counts from the profiles, as before
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/searches/candidates/job-title-synonyms",
            json!({ "title": "backend engineer" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["basis"], "reference_data_and_profiles");
    assert!(body["data"]["synonyms"][0]["profiles"].is_u64(), "{body}");

    // a wrong key is refused, not taken for no key
    let res = app
        .client
        .post(format!(
            "{}/v1/searches/candidates/job-title-synonyms",
            app.address
        ))
        .header("authorization", "Bearer sk_wrong")
        .json(&json!({ "title": "backend engineer" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);

    // and calls without a key are limited per address (130 calls reach the
    // limit even when a minute boundary falls among them)
    let mut refused = None;
    for n in 0..130 {
        let res = anonymous(
            "/v1/searches/candidates/skills-suggestions",
            json!({ "skills": ["Go"] }),
        )
        .await
        .unwrap();
        if res.status() == 429 {
            refused = Some(n);
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["error"]["code"], "rate_limit_exceeded");
            break;
        }
    }
    assert!(refused.is_some(), "60 a minute without a key");
}

/// Where the documents are silent, lenient: unknown query parameters on
/// list endpoints are ignored and enumerated values take any case; where
/// they speak, strict: a value outside the enumeration is still refused.
#[tokio::test]
async fn list_endpoints_ignore_unknown_parameters_and_take_values_in_any_case() {
    let app = spawn_app().await;
    let (status, created) = app
        .send(Method::POST, "/v1/sourcings", json!({"title": "Backend"}))
        .await;
    assert_eq!(status, 201);
    let id = created["data"]["sourcing"]["id"].as_str().unwrap();
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            json!({"talentIds": ["t01", "t02", "t03"]}),
        )
        .await;
    assert!(status < 300);
    let base = format!("/v1/sourcings/{id}/candidates");
    let (_, reference) = app
        .get(&format!("{base}?sortField=createdAt&sortOrder=desc"))
        .await;
    for query in [
        "sortField=createdAt&sortOrder=DESC&_=1733400000000",
        "sortField=createdAt&sortOrder=Desc&searchTerm=x&keyword=y",
        "sortField=CREATEDAT&sortOrder=desc&utm_source=mail",
    ] {
        let (status, body) = app.get(&format!("{base}?{query}")).await;
        assert_eq!(status, 200, "{query}: {body}");
        assert_eq!(body["data"], reference["data"], "{query}");
    }
    let (status, body) = app
        .get(&format!("{base}?statusHandle=to_be_contacted"))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["candidates"].as_array().unwrap().len(), 3);
    let (status, body) = app.get(&format!("{base}?sortOrder=sideways")).await;
    assert_eq!(status, 400, "{body}");
    for path in [
        "/v1/sourcings?cacheBust=1&status=ACTIVE",
        "/api/v1/sourcing?status=PARSED&_=1",
        "/v1/searches/candidates/history?foo=bar",
    ] {
        let (status, body) = app.get(path).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
}

/// The `/api/v1` addresses are the same endpoints, with the same walls:
/// another workspace's key finds nothing of this one's there, and a
/// search transaction of this one cannot be paged from another.
#[tokio::test]
async fn another_workspace_finds_nothing_under_the_api_v1_addresses() {
    let app = spawn_app().await;
    let (status, created) = app
        .send(
            Method::POST,
            "/api/v1/sourcings",
            json!({"title": "Backend Engineer"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let sourcing = created["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/api/v1/sourcings/{sourcing}/candidates"),
            json!({"talentIds": ["t01"]}),
        )
        .await;
    assert!(status < 300);
    let (_, searched) = app
        .send(
            Method::POST,
            "/api/v1/search/talents",
            json!({"filters": [{"filterType": "JOB_TITLE", "value": "Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false}]}),
        )
        .await;
    let tx = searched["data"]["searchTransactionId"]
        .as_str()
        .unwrap()
        .to_owned();

    let outsider = app
        .key_in(
            "globex",
            &["sourcing:read", "sourcing:write", "talents:search"],
            1000,
        )
        .await;
    let as_outsider = |method: Method, path: String, body: Option<Value>| {
        let mut req = app
            .client
            .request(method, format!("{}{path}", app.address))
            .header("x-api-key", &outsider);
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send()
    };
    let missing = "src_does_not_exist";
    for id in [sourcing.as_str(), missing] {
        for (method, path, body) in [
            (Method::GET, format!("/api/v1/sourcings/{id}"), None),
            (
                Method::GET,
                format!("/api/v1/sourcings/{id}/candidates"),
                None,
            ),
            (
                Method::PATCH,
                format!("/api/v1/sourcings/{id}"),
                Some(json!({"title": "Taken over"})),
            ),
            (
                Method::POST,
                format!("/api/v1/sourcings/{id}/candidates"),
                Some(json!({"talentIds": ["t02"]})),
            ),
        ] {
            let res = as_outsider(method.clone(), path.clone(), body)
                .await
                .unwrap();
            let status = res.status().as_u16();
            let body: Value = res.json().await.unwrap();
            // the same answer as for a sourcing that does not exist
            assert_eq!(status, 404, "{method} {path}: {body}");
            assert_eq!(body["success"], false, "{body}");
        }
    }
    // paging past another workspace's transaction is refused like an unknown one
    let res = as_outsider(
        Method::POST,
        "/api/v1/search/talents".into(),
        Some(json!({"filters": [{"filterType": "JOB_TITLE", "value": "Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false}],
                    "relatedSearchTransactionIds": [tx]})),
    )
    .await
    .unwrap();
    let (status, body): (u16, Value) = (res.status().as_u16(), res.json().await.unwrap());
    let (unknown_status, unknown): (u16, Value) = {
        let res = as_outsider(
            Method::POST,
            "/api/v1/search/talents".into(),
            Some(json!({"filters": [{"filterType": "JOB_TITLE", "value": "Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false}],
                        "relatedSearchTransactionIds": ["00000000-0000-4000-8000-000000000000"]})),
        )
        .await
        .unwrap();
        (res.status().as_u16(), res.json().await.unwrap())
    };
    assert_eq!(status, unknown_status, "{body} vs {unknown}");
    assert_eq!(body["error"]["code"], unknown["error"]["code"]);
    // and the owner's sourcing is untouched
    let (_, mine) = app.get(&format!("/api/v1/sourcings/{sourcing}")).await;
    assert_eq!(
        mine["data"]["sourcing"]["title"], "Backend Engineer",
        "{mine}"
    );
}
