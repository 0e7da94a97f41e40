//! Leads from CVs over HTTP: upload (multipart), listing exactly as
//! documented, visibility, every documented status code, broken files,
//! screening and conversion.

use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

fn cv(name: &str) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scout-ingest/tests/cvs");
    std::fs::read(dir.join(name)).unwrap()
}

async fn upload(
    app: &TestApp,
    key: &str,
    files: &[(&str, Vec<u8>)],
    role: Option<&str>,
) -> (u16, Value) {
    let mut form = Form::new();
    for (name, bytes) in files {
        form = form.part(
            "files",
            Part::bytes(bytes.clone()).file_name((*name).to_owned()),
        );
    }
    if let Some(r) = role {
        form = form.text("roleId", r.to_owned());
    }
    let res = app
        .client
        .post(format!("{}/api/v1/sourcing/cvs", app.address))
        .bearer_auth(key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    (
        res.status().as_u16(),
        res.json().await.unwrap_or(Value::Null),
    )
}

async fn list(app: &TestApp, key: &str, query: &str) -> (u16, Value) {
    let res = app
        .client
        .get(format!("{}/api/v1/sourcing{query}", app.address))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    (
        res.status().as_u16(),
        res.json().await.unwrap_or(Value::Null),
    )
}

async fn role(app: &TestApp) -> String {
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "Senior Backend Engineer", "requirements": [{"filterType": "SKILL", "value": "Python", "isRequired": true}]}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body["data"]["sourcing"]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn cvs_become_leads_scored_against_a_role() {
    let app = spawn_app().await;
    let role = role(&app).await;
    let files = vec![
        ("a.pdf", cv("cv00-classic.pdf")),
        ("b.docx", cv("cv03-classic.docx")),
        ("c.txt", cv("cv05-classic.txt")),
        ("locked.pdf", cv("broken-encrypted.pdf")),
        ("scan.pdf", cv("broken-scan.pdf")),
        ("broken.docx", cv("broken-archive.docx")),
        ("empty.txt", cv("broken-empty.txt")),
    ];
    let (status, body) = upload(&app, &app.key, &files, Some(&role)).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        (
            body["data"]["parsed"].as_u64(),
            body["data"]["failed"].as_u64()
        ),
        (Some(3), Some(4))
    );
    let leads = body["data"]["leads"].as_array().unwrap();
    let by_file = |f: &str| leads.iter().find(|l| l["fileName"] == f).unwrap().clone();
    let a = by_file("a.pdf");
    assert_eq!(a["status"], "parsed");
    assert_eq!(a["fullName"], "Curtis Gutierrez");
    assert_eq!(a["email"], "curtis.gutierrez@example.com");
    assert_eq!(a["candidateId"], Value::Null);
    assert_eq!(a["organizations"][0]["status"], "Pool");
    let fit = a["roles"][0]["resumeFitScore"].as_i64().unwrap();
    assert!((0..=100).contains(&fit), "{a}");
    assert_eq!(a["roles"][0]["overallFitScore"], -1);
    assert_eq!(a["roles"][0]["roleName"], "Senior Backend Engineer");
    for (file, code) in [
        ("locked.pdf", "encrypted_pdf"),
        ("scan.pdf", "no_text_layer"),
        ("broken.docx", "corrupt_file"),
        ("empty.txt", "empty_file"),
    ] {
        let l = by_file(file);
        assert_eq!(
            (l["status"].as_str(), l["failureCode"].as_str()),
            (Some("failed"), Some(code)),
            "{l}"
        );
        assert!(l["failureReason"].is_string());
    }

    // the same file again is the same lead
    let (status, again) = upload(&app, &app.key, &files[..1], None).await;
    assert_eq!(status, 201);
    assert_eq!(again["data"]["results"][0]["created"], false);
    assert_eq!(again["data"]["results"][0]["leadId"], a["id"]);

    // the same person from another CV is a new lead flagged as a possible duplicate
    let other = b"Curtis Gutierrez\ncurtis.gutierrez@example.com\nSkills: Rust, Go".to_vec();
    let (status, body) = upload(&app, &app.key, &[("curtis.txt", other)], None).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["data"]["results"][0]["created"], true);
    let twin = body["data"]["results"][0]["leadId"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app
        .client
        .get(format!("{}/api/v1/sourcing/{twin}", app.address))
        .bearer_auth(&app.key)
        .send()
        .await
        .unwrap();
    let twin: Value = res.json().await.unwrap();
    assert_eq!(twin["data"]["duplicateOf"], a["id"], "{twin}");

    // listing exactly as documented
    let (status, page) = list(&app, &app.key, "?status=parsed&pageSize=2").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(
        page["pagination"],
        json!({"page": 0, "pageSize": 2, "totalCount": 4, "totalPages": 2})
    );
    assert_eq!(page["data"].as_array().unwrap().len(), 2);
    let (_, by_role) = list(&app, &app.key, &format!("?roleId={role}")).await;
    assert_eq!(by_role["pagination"]["totalCount"], 3);
    let (status, _) = list(&app, &app.key, "?pageSize=101").await;
    assert_eq!(status, 400);

    // the original file, as uploaded
    let id = a["id"].as_str().unwrap();
    let res = app
        .call(Method::GET, &format!("/api/v1/sourcing/{id}/cv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.bytes().await.unwrap().to_vec(), cv("cv00-classic.pdf"));

    // a screening result sets the overall fit; conversion makes a candidate
    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/api/v1/sourcing/{id}/roles/{role}/screening"),
            json!({"overallFitScore": 82, "notes": "strong"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["roles"][0]["overallFitScore"], 82);
    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/api/v1/sourcing/{id}/roles/{role}/screening"),
            json!({"overallFitScore": 101}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/sourcing/{id}/convert"),
            json!({"roleId": role}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let candidate = body["data"]["candidateId"].as_str().unwrap().to_owned();
    assert_eq!(body["data"]["status"], "converted");
    let (_, cands) = app.get(&format!("/v1/sourcings/{role}/candidates")).await;
    let row = cands["data"]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["candidate"]["id"] == candidate.as_str())
        .cloned();
    assert!(row.is_some(), "{cands}");
    let (_, again) = app
        .send(
            Method::POST,
            &format!("/api/v1/sourcing/{id}/convert"),
            json!({"roleId": role}),
        )
        .await;
    assert_eq!(
        again["data"]["candidateId"],
        candidate.as_str(),
        "conversion is idempotent"
    );
    let (status, history) = app.get(&format!("/api/v1/sourcing/{id}")).await;
    assert_eq!(status, 200);
    let kinds: Vec<&str> = history["data"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"converted") && kinds.contains(&"screened"),
        "{kinds:?}"
    );
    let failed = by_file("scan.pdf");
    let (status, _) = app
        .send(
            Method::POST,
            &format!(
                "/api/v1/sourcing/{}/convert",
                failed["id"].as_str().unwrap()
            ),
            json!({"roleId": role}),
        )
        .await;
    assert_eq!(
        status, 409,
        "a CV that could not be read cannot be converted"
    );
}

#[tokio::test]
async fn limits_refuse_the_whole_upload_and_store_nothing() {
    let app = spawn_app().await;
    let png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
    let (status, body) = upload(
        &app,
        &app.key,
        &[
            ("ok.txt", b"Jane Doe\njane@x.io".to_vec()),
            ("photo.pdf", png),
        ],
        None,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["issues"][0]["path"], json!(["files", 1]));
    let (status, body) = upload(&app, &app.key, &[], None).await;
    assert_eq!(status, 400, "{body}");
    let many: Vec<(&str, Vec<u8>)> = (0..21)
        .map(|i| ("x.txt", format!("Person {i}").into_bytes()))
        .collect();
    let (status, _) = upload(&app, &app.key, &many, None).await;
    assert_eq!(status, 400);
    let (status, _) = upload(
        &app,
        &app.key,
        &[("big.txt", vec![b'a'; 10 * 1024 * 1024 + 1])],
        None,
    )
    .await;
    assert_eq!(status, 400);
    let (status, body) = upload(
        &app,
        &app.key,
        &[("a.txt", b"Jane Doe".to_vec())],
        Some("src_unknown"),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (_, page) = list(&app, &app.key, "").await;
    assert_eq!(page["pagination"]["totalCount"], 0, "nothing half-stored");
}

#[tokio::test]
async fn visibility_and_documented_status_codes() {
    let app = spawn_app().await;
    let (status, _) = upload(&app, &app.key, &[("a.pdf", cv("cv06-classic.pdf"))], None).await;
    assert_eq!(status, 201);
    // member of another organization: sees nothing; admin: sees everything
    let outsider = app
        .key_as("globex", false, &["sourcing:read", "sourcing:write"], 100)
        .await;
    let (status, page) = list(&app, &outsider, "").await;
    assert_eq!(
        (status, page["pagination"]["totalCount"].as_i64()),
        (200, Some(0))
    );
    // an operator is a key with the `admin` scope, not a key of an admin user
    let admin_user = app.key_as("globex", true, &["sourcing:read"], 100).await;
    let (_, page) = list(&app, &admin_user, "").await;
    assert_eq!(
        page["pagination"]["totalCount"], 0,
        "the user flag grants nothing"
    );
    let operator = app.key_as("globex", false, &["admin"], 100).await;
    let (_, page) = list(&app, &operator, "").await;
    assert_eq!(page["pagination"]["totalCount"], 1);
    let id = page["data"][0]["id"].as_str().unwrap().to_owned();
    let res = app
        .client
        .get(format!("{}/api/v1/sourcing/{id}", app.address))
        .bearer_auth(&outsider)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        404,
        "another organization's lead is not found"
    );
    // an operator reads every workspace's leads but changes none
    let res = app
        .client
        .post(format!("{}/api/v1/sourcing/{id}/roles", app.address))
        .bearer_auth(&operator)
        .json(&json!({"roleId": "src_whatever"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    // the outsider uploading the same CV gets a lead of their own
    let (_, body) = upload(
        &app,
        &outsider,
        &[("same.pdf", cv("cv06-classic.pdf"))],
        None,
    )
    .await;
    assert_ne!(body["data"]["results"][0]["leadId"], id.as_str());
    assert_eq!(body["data"]["results"][0]["created"], true);
    let (_, page) = list(&app, &outsider, "").await;
    assert_eq!(
        page["data"][0]["organizations"].as_array().unwrap().len(),
        1
    );

    // the documented scope names, and Scout's own leads:* names, both work
    for scopes in [&["leads:read"][..], &["sourcing:read"][..]] {
        let key = app.key_with(scopes, 100).await;
        assert_eq!(list(&app, &key, "").await.0, 200, "{scopes:?}");
    }
    let leads_writer = app.key_with(&["leads:write"], 100).await;
    let (status, _) = upload(
        &app,
        &leads_writer,
        &[("b.txt", b"John Roe".to_vec())],
        None,
    )
    .await;
    assert_eq!(status, 201, "leads:write uploads");

    let res = app
        .client
        .get(format!("{}/api/v1/sourcing", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "missing_api_key");
    let no_scope = app.key_with(&["talents:search"], 100).await;
    let (status, body) = list(&app, &no_scope, "").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("insufficient_scope"))
    );
    let read_only = app.key_with(&["sourcing:read"], 100).await;
    let (status, _) = upload(&app, &read_only, &[("a.txt", b"Jane Doe".to_vec())], None).await;
    assert_eq!(status, 403, "uploading needs sourcing:write");
    let limited = app.key_with(&["sourcing:read"], 1).await;
    assert_eq!(list(&app, &limited, "").await.0, 200);
    let (status, body) = list(&app, &limited, "").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("rate_limit_exceeded"))
    );
}

/// Everything a lead shows — ids, roles, scores, candidate, status, history,
/// duplicates, file name, whether the file was new — comes from the caller's
/// workspace only, even for a CV another workspace already holds.
#[tokio::test]
async fn another_workspace_learns_nothing_from_a_cv_it_also_holds() {
    let app = spawn_app().await;
    let a_key = app.store.find_key(&app.key).await.unwrap().unwrap();
    let role = role(&app).await;
    let secret_name = "acme-internal-shortlist-ana.pdf";
    let (status, body) = upload(
        &app,
        &app.key,
        &[(secret_name, cv("cv06-classic.pdf"))],
        Some(&role),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let a_lead = body["data"]["results"][0]["leadId"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = app
        .send(
            Method::PUT,
            &format!("/api/v1/sourcing/{a_lead}/roles/{role}/screening"),
            json!({"overallFitScore": 88}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, converted) = app
        .send(
            Method::POST,
            &format!("/api/v1/sourcing/{a_lead}/convert"),
            json!({"roleId": role}),
        )
        .await;
    assert_eq!(status, 201, "{converted}");
    let a_candidate = converted["data"]["candidateId"]
        .as_str()
        .unwrap()
        .to_owned();
    let a_secrets = [
        a_lead.as_str(),
        a_key.workspace_id.as_str(),
        a_key.user_id.as_str(),
        role.as_str(),
        a_candidate.as_str(),
        secret_name,
        "Senior Backend Engineer",
    ];

    let b = app
        .key_as("globex", false, &["sourcing:read", "sourcing:write"], 100)
        .await;
    let (status, uploaded) = upload(&app, &b, &[("mine.pdf", cv("cv06-classic.pdf"))], None).await;
    assert_eq!(status, 201);
    assert_eq!(
        uploaded["data"]["results"][0]["created"], true,
        "B cannot tell A holds the file"
    );
    let b_lead = uploaded["data"]["results"][0]["leadId"]
        .as_str()
        .unwrap()
        .to_owned();
    let lead = &uploaded["data"]["leads"][0];
    assert_eq!(lead["status"], "parsed");
    assert_eq!(lead["candidateId"], Value::Null);
    assert_eq!(lead["roles"], json!([]));
    assert_eq!(lead["duplicateOf"], Value::Null);
    // the same person in another file of B's: a duplicate of B's lead, never A's
    let text = "Gabriela Nichols\ngabriela.nichols@example.com\nCoral Springs\n\nExperience\nLead Software Engineer at Crescent Technologies, 2019 - present\n";
    let (_, other) = upload(&app, &b, &[("other.txt", text.as_bytes().to_vec())], None).await;
    let other_lead = &other["data"]["leads"][0];
    assert_eq!(other_lead["duplicateOf"], b_lead.as_str(), "{other}");

    let mut seen = vec![uploaded.clone(), other.clone()];
    seen.push(list(&app, &b, "").await.1);
    seen.push(list(&app, &b, &format!("?roleId={role}")).await.1);
    for path in [
        format!("/api/v1/sourcing/{b_lead}"),
        format!("/api/v1/sourcing/{}", other_lead["id"].as_str().unwrap()),
        format!("/api/v1/sourcing/{a_lead}"),
        format!("/api/v1/sourcing/{a_lead}/cv"),
    ] {
        let res = app
            .client
            .get(format!("{}{path}", app.address))
            .bearer_auth(&b)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        if path.contains(&a_lead) {
            assert_eq!(status, 404, "{path}: {body}");
        }
        seen.push(body);
    }
    // B's writes on A's lead are refused as if it did not exist
    for (method, path, body) in [
        (
            Method::POST,
            format!("/api/v1/sourcing/{a_lead}/roles"),
            json!({"roleId": role}),
        ),
        (
            Method::PUT,
            format!("/api/v1/sourcing/{a_lead}/roles/{role}/screening"),
            json!({"overallFitScore": 1}),
        ),
        (
            Method::POST,
            format!("/api/v1/sourcing/{a_lead}/convert"),
            json!({"roleId": role}),
        ),
    ] {
        let res = app
            .client
            .request(method, format!("{}{path}", app.address))
            .bearer_auth(&b)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path}");
        seen.push(res.json().await.unwrap_or(Value::Null));
    }
    let res = app
        .client
        .delete(format!("{}/api/v1/sourcing/{a_lead}", app.address))
        .bearer_auth(&b)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "B cannot delete A's lead");
    let all = serde_json::to_string(&seen).unwrap();
    for secret in a_secrets {
        assert!(!all.contains(secret), "B saw A's `{secret}` in {all}");
    }
    // and A's lead is as A left it
    let (_, mine) = app.get(&format!("/api/v1/sourcing/{a_lead}")).await;
    assert_eq!(mine["data"]["status"], "converted");
    assert_eq!(mine["data"]["roles"][0]["overallFitScore"], 88);
    // B deletes its own; A's file and lead stay
    let res = app
        .client
        .delete(format!("{}/api/v1/sourcing/{b_lead}", app.address))
        .bearer_auth(&b)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = app
        .call(Method::GET, &format!("/api/v1/sourcing/{a_lead}/cv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.bytes().await.unwrap().to_vec(), cv("cv06-classic.pdf"));
}

#[tokio::test]
async fn adding_a_converted_lead_to_the_index_needs_talents_write() {
    let app = spawn_app().await;
    let role = role(&app).await;
    let (_, body) = upload(&app, &app.key, &[("a.pdf", cv("cv06-classic.pdf"))], None).await;
    let lead = body["data"]["results"][0]["leadId"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/sourcing/{lead}/convert"),
            json!({"roleId": role, "addToIndex": true}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("insufficient_scope")),
        "{body}"
    );
    let (_, page) = app.get(&format!("/v1/sourcings/{role}/candidates")).await;
    assert_eq!(
        page["data"]["candidates"],
        json!([]),
        "nothing was converted"
    );
    let writer = app
        .key_with(&["sourcing:read", "sourcing:write", "talents:write"], 100)
        .await;
    let res = app
        .client
        .post(format!("{}/api/v1/sourcing/{lead}/convert", app.address))
        .bearer_auth(&writer)
        .json(&json!({"roleId": role, "addToIndex": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
}
