//! Saved candidate lists over HTTP.

use reqwest::Method;
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn lists_are_made_paged_replaced_exported_and_deleted() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(format!("{}/v1/searches/candidates/search", app.address))
        .bearer_auth(&app.key)
        .json(&json!({"prompt": "software engineer in Paris", "limit": 6}))
        .send()
        .await
        .unwrap();
    let text = res.text().await.unwrap();
    let search_id = text
        .split("\"searchId\":\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_owned();

    let (status, body) = app
        .send(Method::POST, "/v1/pools/candidates", json!({"name": "Paris engineers", "candidateSearchId": search_id, "talentIds": ["t04"]}))
        .await;
    assert_eq!(status, 201, "{body}");
    let list = &body["data"];
    assert_eq!(list["candidateCount"], 7);
    let id = list["id"].as_str().unwrap().to_owned();

    let (status, body) = app
        .get(&format!("/v1/pools/candidates/{id}?pageSize=4&page=1"))
        .await;
    assert_eq!(status, 200);
    let members = body["data"]["candidates"].as_array().unwrap();
    assert_eq!(members.len(), 3);
    assert_eq!(members[2]["id"], "t04");
    assert_eq!(body["data"]["pagination"]["totalPages"], 2);

    let (status, body) = app.get("/v1/pools/candidates/user/me").await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["lists"][0]["id"], id.as_str());

    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/v1/pools/candidates/{id}"),
            json!({"name": "Shortlist", "talentIds": ["t01", "t05", "t01"]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (
            body["data"]["name"].as_str(),
            body["data"]["candidateCount"].as_i64()
        ),
        (Some("Shortlist"), Some(2))
    );
    let (status, _) = app
        .send(
            Method::PUT,
            &format!("/v1/pools/candidates/{id}"),
            json!({}),
        )
        .await;
    assert_eq!(status, 400);

    let res = app
        .call(Method::GET, &format!("/v1/pools/candidates/{id}/export"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,firstname,lastname,jobTitle,companyName,city,country,linkedinUrl"
    );
    assert!(lines[1].starts_with("t01,Marie,Dupont,Senior Software Engineer"));
    assert_eq!(lines.len(), 3);

    let other = app
        .key_in("globex", &["pools:read", "pools:write"], 100)
        .await;
    let res = app
        .client
        .delete(format!("{}/v1/pools/candidates/{id}", app.address))
        .bearer_auth(other)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "another workspace's list is not found");
    let res = app
        .call(Method::DELETE, &format!("/v1/pools/candidates/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (status, _) = app.get(&format!("/v1/pools/candidates/{id}")).await;
    assert_eq!(status, 404);

    let (status, body) = app
        .send(
            Method::POST,
            "/v1/pools/candidates",
            json!({"name": "x", "candidateSearchId": "cs_unknown"}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = app
        .send(
            Method::POST,
            "/v1/pools/candidates",
            json!({"candidateSearchId": null}),
        )
        .await;
    assert_eq!(status, 400, "a name is required");
}
