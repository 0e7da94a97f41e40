//! The contract pinned by snapshots: one success body and the error
//! envelopes of each API family, as a client reads them. Ids, times and
//! tracking codes are redacted (they change every run); every key and every
//! other value is pinned, so renaming a key fails here. The snapshots live
//! in `tests/api/snapshots/`; after a deliberate change, review the new
//! ones (`cargo insta review`, or `INSTA_UPDATE=always` and read the diff).

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::spawn_app;

/// `value` with what changes from run to run replaced by `[redacted]`:
/// ids, times and tracking codes (by key), and id-like strings anywhere.
fn redacted(value: &Value) -> Value {
    let changing = |key: &str| {
        key == "id"
            || key.ends_with("Id")
            || key.ends_with("At")
            || key.ends_with("_at")
            || key.ends_with("_id")
            || key == "debugTrackingCode"
            || key == "cvUrl"
            || key == "organizations"
            || key == "searchTransactionId"
    };
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if changing(k) && !v.is_null() {
                        json!("[redacted]")
                    } else {
                        redacted(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redacted).collect()),
        Value::String(s) if looks_like_an_id(s) => json!("[redacted]"),
        other => other.clone(),
    }
}

fn looks_like_an_id(s: &str) -> bool {
    ["src_", "cnd_", "pool_", "cs_", "pc_", "tx_", "usr_", "ws_"]
        .iter()
        .any(|p| s.starts_with(p) && s.len() > p.len() + 8)
}

#[tokio::test]
async fn the_talent_search_family() {
    let app = spawn_app().await;
    let (status, ok) = app
        .send(
            Method::POST,
            "/v1/search/talents",
            json!({"filters": [{"filterType": "JOB_TITLE", "value": "Senior Software Engineer", "isRequired": true}]}),
        )
        .await;
    assert_eq!(status, 200);
    insta::assert_json_snapshot!("talents_search_ok", redacted(&ok));
    let (status, bad) = app
        .send(
            Method::POST,
            "/v1/search/talents",
            json!({"filters": [{"filterType": "JOB_TITEL", "value": "x"}]}),
        )
        .await;
    assert_eq!(status, 400);
    insta::assert_json_snapshot!("talents_search_validation_error", redacted(&bad));
    let res = app
        .client
        .post(format!("{}/v1/search/talents", app.address))
        .json(&json!({"filters": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let missing_key: Value = res.json().await.unwrap();
    insta::assert_json_snapshot!("missing_key", redacted(&missing_key));
    let narrow = app.key_with(&["pools:read"], 100).await;
    let res = app
        .client
        .post(format!("{}/v1/search/talents", app.address))
        .header("x-api-key", narrow)
        .json(&json!({"filters": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let scope: Value = res.json().await.unwrap();
    insta::assert_json_snapshot!("insufficient_scope", redacted(&scope));
}

#[tokio::test]
async fn the_sourcing_and_pipeline_family() {
    let app = spawn_app().await;
    let (status, created) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "Frontend Engineer", "location": "Paris", "salary": {"min": 50000, "max": 70000, "currency": "EUR"},
                   "requirements": [{"filterType": "SKILL", "value": "React", "isRequired": true}]}),
        )
        .await;
    assert_eq!(status, 201);
    insta::assert_json_snapshot!("sourcing_created", redacted(&created));
    let id = created["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, added) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            json!({"talentIds": ["t01"]}),
        )
        .await;
    assert_eq!(status, 201);
    insta::assert_json_snapshot!("candidates_added", redacted(&added));
    let (status, listed) = app.get(&format!("/v1/sourcings/{id}/candidates")).await;
    assert_eq!(status, 200);
    insta::assert_json_snapshot!("candidates_listed", redacted(&listed));
    let (status, missing) = app.get("/v1/sourcings/src_000000000000000000000000").await;
    assert_eq!(status, 404);
    insta::assert_json_snapshot!("sourcing_not_found", redacted(&missing));
    let (status, bad) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "", "salary": {"min": 9, "max": 1}}),
        )
        .await;
    assert_eq!(status, 400);
    insta::assert_json_snapshot!("sourcing_validation_error", redacted(&bad));
    // the Hirempire family's flat envelope
    let (status, flat) = app.get("/v1/job-candidates").await;
    assert_eq!(status, 400);
    insta::assert_json_snapshot!("job_candidates_error", redacted(&flat));
    let (status, jobs) = app.get(&format!("/v1/job-candidates?job_id={id}")).await;
    assert_eq!(status, 200);
    insta::assert_json_snapshot!("job_candidates_ok", redacted(&jobs));
}

#[tokio::test]
async fn the_lists_and_leads_families() {
    let app = spawn_app().await;
    let (status, pool) = app
        .send(
            Method::POST,
            "/v1/pools/candidates",
            json!({"name": "Paris", "talentIds": ["t01", "t02"]}),
        )
        .await;
    assert_eq!(status, 201);
    insta::assert_json_snapshot!("list_created", redacted(&pool));
    let (status, missing) = app.get("/v1/pools/candidates/pool_0000000000000000").await;
    assert_eq!(status, 404);
    insta::assert_json_snapshot!("list_not_found", redacted(&missing));
    let leads_key = app.key_with(&["leads:read", "leads:write"], 100).await;
    let res = app
        .client
        .get(format!("{}/api/v1/sourcing", app.address))
        .header("x-api-key", &leads_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let leads: Value = res.json().await.unwrap();
    insta::assert_json_snapshot!("leads_listed", redacted(&leads));
    let res = app
        .client
        .get(format!(
            "{}/api/v1/sourcing/pc_000000000000000000000000",
            app.address
        ))
        .header("x-api-key", &leads_key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let missing: Value = res.json().await.unwrap();
    insta::assert_json_snapshot!("lead_not_found", redacted(&missing));
    let (status, unknown) = app.get("/v1/nowhere").await;
    assert_eq!(status, 404);
    insta::assert_json_snapshot!("unknown_path", redacted(&unknown));
}
