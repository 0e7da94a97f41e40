//! `GET /v1/job-candidates?job_id=`: the Hirempire document's example
//! replayed (every candidate field), and its three flat error bodies.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::spawn_app;

const DOCUMENTED_FIELDS: [&str; 21] = [
    "id",
    "applied_at",
    "type",
    "name",
    "email",
    "phone_number",
    "linkedin_url",
    "cv_url",
    "photo_url",
    "source",
    "status",
    "nationality",
    "location",
    "experience_years",
    "salary_expectation",
    "job_id",
    "job_title",
    "ai_summary",
    "ai_score",
    "ai_decision",
    "ai_match_percentage",
];

#[tokio::test]
async fn the_documented_example_round_trips_through_a_job() {
    let app = spawn_app().await;
    let (_, job) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "Senior Software Engineer", "location": "San Francisco",
                   "requirements": [{"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true},
                                    {"filterType": "LOCATION", "value": "San Francisco"}]}),
        )
        .await;
    let job_id = job["data"]["sourcing"]["id"].as_str().unwrap().to_owned();
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{job_id}/candidates"),
            json!({"candidates": [{
                "type": "applicant", "name": "John Doe", "email": "john.doe@example.com",
                "phone_number": "+15551234567", "linkedin_url": "https://www.linkedin.com/in/johndoe",
                "cv_url": "https://example.com/cv/johndoe.pdf", "photo_url": "https://example.com/photos/johndoe.jpg",
                "source": "LinkedIn", "status": "shortlisted", "nationality": "United States",
                "location": "San Francisco", "experience_years": 6, "salary_expectation": 120000,
                "job_title": "Senior Software Engineer"
            }], "talentIds": ["t04"]}),
        )
        .await;
    assert_eq!(status, 201);

    let res = app
        .client
        .get(format!("{}/v1/job-candidates?job_id={job_id}", app.address))
        .header("authorization", format!("Bearer {}", app.key))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["success"], true);
    assert_eq!(body["total_candidates"], 2);
    let all = body["candidates"].as_array().unwrap();
    let john = all.iter().find(|c| c["name"] == "John Doe").unwrap();
    for k in DOCUMENTED_FIELDS {
        assert!(john.get(k).is_some(), "missing {k}");
    }
    for (k, v) in [
        ("type", json!("applicant")),
        ("email", json!("john.doe@example.com")),
        ("phone_number", json!("+15551234567")),
        ("linkedin_url", json!("https://www.linkedin.com/in/johndoe")),
        ("cv_url", json!("https://example.com/cv/johndoe.pdf")),
        ("photo_url", json!("https://example.com/photos/johndoe.jpg")),
        ("source", json!("LinkedIn")),
        ("status", json!("shortlisted")),
        ("nationality", json!("United States")),
        ("location", json!("San Francisco")),
        ("experience_years", json!(6)),
        ("salary_expectation", json!(120000.0)),
        ("job_id", json!(job_id)),
        ("job_title", json!("Senior Software Engineer")),
        ("ai_match_percentage", json!(100)),
        ("ai_decision", json!("Shortlist")),
    ] {
        assert_eq!(john[k], v, "{k}");
    }
    let score = john["ai_score"].as_u64().unwrap();
    assert!((75..=100).contains(&score), "{score}");
    let summary = john["ai_summary"].as_str().unwrap();
    assert!(
        summary.starts_with(
            "6 years of experience; currently Senior Software Engineer in San Francisco."
        ),
        "{summary}"
    );
    let applied = john["applied_at"].as_str().unwrap();
    assert!(applied.ends_with('Z') && applied.len() == 24);

    let tom = all.iter().find(|c| c["name"] == "Tom Baker").unwrap();
    assert_eq!(tom["type"], "prospect");
    assert_eq!(
        tom["status"], "shortlisted",
        "TO_BE_CONTACTED shows as shortlisted"
    );
    assert_eq!(tom["ai_decision"], "Reject");
    assert!(
        tom["experience_years"].as_f64().unwrap() > 10.0,
        "computed from the profile"
    );

    // A rejected candidate is still a candidate of the job.
    let (_, list) = app.get(&format!("/v1/sourcings/{job_id}/candidates")).await;
    let tom_id = list["data"]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["talent"]["id"] == "t04")
        .unwrap()["candidate"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.send(
        Method::PATCH,
        &format!("/v1/sourcings/{job_id}/candidates/{tom_id}"),
        json!({"status": "rejected"}),
    )
    .await;
    let (_, body) = app
        .get(&format!("/v1/job-candidates?job_id={job_id}"))
        .await;
    assert_eq!(body["total_candidates"], 2);
    let tom = body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Tom Baker")
        .unwrap()
        .clone();
    assert_eq!(tom["status"], "rejected");
}

#[tokio::test]
async fn errors_come_in_the_documented_flat_bodies() {
    let app = spawn_app().await;
    let (status, body) = app.get("/v1/job-candidates").await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"success": false, "error": "Query parameter 'job_id' is required."})
    );
    let (status, body) = app.get("/v1/job-candidates?job_id=").await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("Query parameter 'job_id' is required."))
    );

    for auth in [None, Some("Bearer sk-wrong")] {
        let mut req = app
            .client
            .get(format!("{}/v1/job-candidates?job_id=x", app.address));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 401);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body, json!({"success": false, "error": "Invalid token"}));
    }

    let (status, body) = app.get("/v1/job-candidates?job_id=src_missing").await;
    assert_eq!(status, 404);
    assert_eq!(body, json!({"success": false, "error": "Job not found"}));

    // Another workspace's job is not found either.
    let (_, job) = app
        .send(Method::POST, "/v1/sourcings", json!({"title": "Designer"}))
        .await;
    let job_id = job["data"]["sourcing"]["id"].as_str().unwrap();
    let outsider = app.key_in("globex", &["sourcing:read"], 100).await;
    let res = app
        .client
        .get(format!("{}/v1/job-candidates?job_id={job_id}", app.address))
        .header("authorization", format!("Bearer {outsider}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let (status, empty) = app
        .get(&format!("/v1/job-candidates?job_id={job_id}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        empty,
        json!({"success": true, "total_candidates": 0, "candidates": []})
    );
}
