//! `GET /openapi.json` tells the truth: for every rule a request reader
//! enforces, a body that keeps it and one that breaks it are checked
//! against the document's schema for that operation *and* sent to the
//! server, and both must give the same verdict. A rule the server enforces
//! but the document does not state (or the other way round) fails here,
//! with every disagreement listed at once. The fuzzer in CI
//! (`scripts/fuzz-api`) explores the same ground at random.

use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

/// One request: `valid` is what both the document and the server must say.
struct Case {
    method: Method,
    template: &'static str,
    path: String,
    body: Value,
    valid: bool,
}

fn long(n: usize) -> String {
    "x".repeat(n)
}

/// The document's schema for an operation's JSON body, with the
/// document's components beside it so that `$ref`s resolve.
fn body_schema(doc: &Value, template: &str, method: &Method) -> Value {
    let op = &doc["paths"][template][method.as_str().to_ascii_lowercase()];
    assert!(op.is_object(), "the document has no {method} {template}");
    let mut schema = op["requestBody"]["content"]["application/json"]["schema"].clone();
    assert!(
        schema.is_object(),
        "{method} {template} documents no JSON body"
    );
    schema["components"] = doc["components"].clone();
    schema
}

/// Ids the cases refer to, made through the API itself.
struct Fixture {
    sourcing: String,
    candidate: String,
    transaction: String,
    list: String,
    lead: String,
}

async fn fixture(app: &TestApp) -> Fixture {
    let (_, s) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "Backend Engineer"}),
        )
        .await;
    let sourcing = s["data"]["sourcing"]["id"].as_str().unwrap().to_owned();
    let (_, c) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{sourcing}/candidates"),
            json!({"talentIds": ["t01"]}),
        )
        .await;
    let candidate = c["data"]["candidates"][0]["candidate"]["id"]
        .as_str()
        .or_else(|| c["data"]["candidates"][0]["id"].as_str())
        .unwrap_or_else(|| panic!("no candidate id in {c}"))
        .to_owned();
    let res = app
        .search(json!({"filters": [{"filterType": "SKILL", "value": "Python"}]}))
        .await;
    let t: Value = res.json().await.unwrap();
    let transaction = t["data"]["searchTransactionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, l) = app
        .send(
            Method::POST,
            "/v1/pools/candidates",
            json!({"name": "Shortlist"}),
        )
        .await;
    let list = l["data"]["list"]["id"]
        .as_str()
        .or_else(|| l["data"]["id"].as_str())
        .unwrap_or_else(|| panic!("no list id in {l}"))
        .to_owned();
    let cv = "Ann Lee\nann.lee@example.com\nSenior Backend Engineer at Initech (2019 - present)\nSkills: Python, PostgreSQL\n";
    let form = Form::new().part(
        "files",
        Part::bytes(cv.as_bytes().to_vec()).file_name("ann.txt"),
    );
    let res = app
        .client
        .post(format!("{}/api/v1/sourcing/cvs", app.address))
        .header("x-api-key", &app.key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let u: Value = res.json().await.unwrap();
    let lead = u["data"]["results"][0]["leadId"]
        .as_str()
        .unwrap_or_else(|| panic!("no lead in {u}"))
        .to_owned();
    Fixture {
        sourcing,
        candidate,
        transaction,
        list,
        lead,
    }
}

fn filter(t: &str, v: &str) -> Value {
    json!({"filters": [{"filterType": t, "value": v}]})
}

/// Every rule, kept and broken, operation by operation.
fn cases(f: &Fixture) -> Vec<Case> {
    let mut out = Vec::new();
    let mut add =
        |method: Method, template: &'static str, path: String, bodies: Vec<(Value, bool)>| {
            for (body, valid) in bodies {
                out.push(Case {
                    method: method.clone(),
                    template,
                    path: path.clone(),
                    body,
                    valid,
                });
            }
        };
    let handle = scout_model::Stage::ALL[1].handle();
    let too_many_filters: Vec<Value> = (0..51)
        .map(|_| json!({"filterType": "SKILL", "value": "Go"}))
        .collect();

    add(
        Method::POST,
        "/v1/search/talents",
        "/v1/search/talents".into(),
        vec![
            (
                json!({"filters": [{"filterType": "JOB_TITLE", "value": "Software Engineer", "isRequired": true, "isExcluded": false, "isExactMatch": false}]}),
                true,
            ),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Python"}], "relatedSearchTransactionIds": [f.transaction]}),
                true,
            ),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Python", "radius": 10, "history": "PAST", "isRequired": null}]}),
                true,
            ),
            (
                json!({"filters": [{"filterType": "LOCATION", "value": " Paris ", "radius": 1000}]}),
                true,
            ),
            (filter("YEARS_OF_EXPERIENCE", "5-10"), true),
            (filter("DURATION_IN_JOB", "30-100"), true),
            (filter("COMPANY_SIZE", "10001+"), true),
            (filter("EDUCATION_DEGREE", "masters"), true),
            (filter("SENIORITY", "freelance"), true),
            (filter("GRADUATION_YEAR", "2015"), true),
            (
                filter("LANGUAGE_PROFICIENCY", "English:native_or_bilingual"),
                true,
            ),
            (filter("LANGUAGE_PROFICIENCY", "professional_working"), true),
            (json!({}), false),
            (json!({"filters": []}), false),
            (json!({"filters": too_many_filters}), false),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Go"}], "page": 2}),
                false,
            ),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Go", "isRequried": true}]}),
                false,
            ),
            (filter("SALARY", "Go"), false),
            (filter("SKILL", ""), false),
            (filter("SKILL", "   "), false),
            (filter("SKILL", &long(201)), false),
            (
                json!({"filters": [{"filterType": "LOCATION", "value": "Paris", "radius": -1}]}),
                false,
            ),
            (
                json!({"filters": [{"filterType": "LOCATION", "value": "Paris", "radius": 1001}]}),
                false,
            ),
            (
                json!({"filters": [{"filterType": "JOB_TITLE", "value": "CTO", "history": "NOW"}]}),
                false,
            ),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Go", "isRequired": "yes"}]}),
                false,
            ),
            (filter("YEARS_OF_EXPERIENCE", "4-6"), false),
            (filter("COMPANY_SIZE", "50-200"), false),
            (filter("EDUCATION_DEGREE", "bachelor"), false),
            (filter("SENIORITY", "Senior"), false),
            (filter("GRADUATION_YEAR", "1899"), false),
            (filter("GRADUATION_YEAR", "15"), false),
            (filter("LANGUAGE_PROFICIENCY", "English:great"), false),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Go"}], "relatedSearchTransactionIds": null}),
                false,
            ),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Go"}], "relatedSearchTransactionIds": [""]}),
                false,
            ),
            (
                json!({"filters": [{"filterType": "SKILL", "value": "Go"}], "relatedSearchTransactionIds": vec![f.transaction.clone(); 101]}),
                false,
            ),
        ],
    );

    add(
        Method::POST,
        "/v1/sourcings",
        "/v1/sourcings".into(),
        vec![
            (json!({"title": "Data Engineer"}), true),
            (
                json!({"title": "Data Engineer", "description": null, "location": "Berlin", "salary": {"min": 60000, "max": 80000, "currency": "EUR"},
                "requirements": [{"filterType": "SKILL", "value": "Spark", "isRequired": true}]}),
                true,
            ),
            (
                json!({"title": "Data Engineer", "salary": null, "requirements": null}),
                true,
            ),
            (json!({"title": "Data Engineer", "requirements": []}), true),
            (json!({}), false),
            (json!({"title": null}), false),
            (json!({"title": " "}), false),
            (json!({"title": long(201)}), false),
            (json!({"title": "x", "description": long(20_001)}), false),
            (json!({"title": "x", "salary": {"min": -1}}), false),
            (json!({"title": "x", "salary": {"currency": "EURO"}}), false),
            (json!({"title": "x", "salary": {"amount": 5}}), false),
            (json!({"title": "x", "salary": "80k"}), false),
            (
                json!({"title": "x", "requirements": [{"filterType": "SALARY", "value": "x"}]}),
                false,
            ),
            (
                json!({"title": "x", "requirements": (0..51).map(|_| json!({"filterType": "SKILL", "value": "Go"})).collect::<Vec<_>>()}),
                false,
            ),
            (json!({"title": "x", "owner": "me"}), false),
        ],
    );

    add(
        Method::PATCH,
        "/v1/sourcings/{sourcingId}",
        format!("/v1/sourcings/{}", f.sourcing),
        vec![
            (json!({}), true),
            (
                json!({"archived": false, "title": "Backend Engineer"}),
                true,
            ),
            (json!({"location": null}), true),
            (json!({"title": null}), false),
            (json!({"archived": "yes"}), false),
            (json!({"archived": null}), false),
            (json!({"status": "open"}), false),
        ],
    );

    let candidates = format!("/v1/sourcings/{}/candidates", f.sourcing);
    add(
        Method::POST,
        "/v1/sourcings/{sourcingId}/candidates",
        candidates,
        vec![
            (json!({"talentIds": ["t02"]}), true),
            (json!({"talentIds": ["t03"], "statusHandle": handle}), true),
            (json!({"searchTransactionId": f.transaction}), true),
            (
                json!({"candidates": [{"name": "Zoé", "photo_url": "https://exämple.com/zoé.png"}]}),
                true,
            ),
            (
                json!({"candidates": [{"name": "Ann Lee", "email": "ann@example.com", "type": "prospect", "status": "interview",
                "linkedin_url": "HTTPS://www.linkedin.com/in/ann-lee", "experience_years": 3, "salary_expectation": null}]}),
                true,
            ),
            (json!({}), false),
            (json!({"talentIds": []}), false),
            (json!({"talentIds": null}), false),
            (json!({"talentIds": [""]}), false),
            (json!({"candidates": []}), false),
            (json!({"candidates": [{}]}), false),
            (
                json!({"candidates": [{"name": "A", "email": "nope"}]}),
                false,
            ),
            (
                json!({"candidates": [{"name": "A", "linkedin_url": "ftp://example.com"}]}),
                false,
            ),
            (
                json!({"candidates": [{"name": "A", "linkedin_url": "http://:80/x"}]}),
                false,
            ),
            (
                json!({"candidates": [{"name": "A", "cv_url": "https://example.com/a cv.pdf"}]}),
                false,
            ),
            (
                json!({"candidates": [{"name": "A", "experience_years": 81}]}),
                false,
            ),
            (
                json!({"candidates": [{"name": "A", "type": "employee"}]}),
                false,
            ),
            (json!({"talentIds": ["t02"], "statusHandle": "NOPE"}), false),
            (json!({"talentIds": ["t02"], "stage": "x"}), false),
        ],
    );

    let candidate = format!("/v1/sourcings/{}/candidates/{}", f.sourcing, f.candidate);
    add(
        Method::PATCH,
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}",
        candidate.clone(),
        vec![
            (json!({"statusHandle": handle}), true),
            (json!({"status": "interview"}), true),
            (json!({"userRating": 5}), true),
            (json!({"userRating": 3, "status": "offer"}), true),
            (json!({"userRating": null}), true),
            (json!({}), false),
            (json!({"statusHandle": handle, "status": "offer"}), false),
            (json!({"userRating": 6}), false),
            (json!({"userRating": 2.5}), false),
            (json!({"statusHandle": "interview"}), false),
            (json!({"status": "INTERVIEW"}), false),
        ],
    );
    add(
        Method::POST,
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/contacts",
        format!("{candidate}/contacts"),
        vec![
            (json!({"channel": "email"}), true),
            (
                json!({"channel": "phone", "value": "+33 6 12 34 56 78", "note": "left a message"}),
                true,
            ),
            (json!({}), false),
            (json!({"channel": "fax"}), false),
            (json!({"channel": "email", "note": ""}), false),
        ],
    );
    add(
        Method::POST,
        "/v1/sourcings/{sourcingId}/candidates/{candidateId}/notes",
        format!("{candidate}/notes"),
        vec![
            (json!({"text": "Strong on Python"}), true),
            (json!({}), false),
            (json!({"text": null}), false),
            (json!({"text": long(5_001)}), false),
        ],
    );

    add(
        Method::POST,
        "/v1/pools/candidates",
        "/v1/pools/candidates".into(),
        vec![
            (json!({"name": "Backend"}), true),
            (
                json!({"name": "Backend", "talentIds": ["t01", "t02"], "candidateSearchId": null}),
                true,
            ),
            (json!({}), false),
            (json!({"name": ""}), false),
            (json!({"talentIds": ["t01"]}), false),
            (json!({"name": "x", "talentIds": "t01"}), false),
            (json!({"name": "x", "talentIds": [" "]}), false),
            (json!({"name": "x", "talentIds": [long(201)]}), false),
        ],
    );
    add(
        Method::PUT,
        "/v1/pools/candidates/{listId}",
        format!("/v1/pools/candidates/{}", f.list),
        vec![
            (json!({"name": "Renamed"}), true),
            (json!({"talentIds": []}), true),
            (json!({}), false),
            (json!({"name": null}), false),
            (json!({"name": long(201)}), false),
        ],
    );

    add(
        Method::POST,
        "/v1/searches/candidates/classify-intent",
        "/v1/searches/candidates/classify-intent".into(),
        vec![
            (json!({"prompt": "backend engineers in Paris"}), true),
            (json!({}), false),
            (json!({"prompt": ""}), false),
            (json!({"prompt": long(2_001)}), false),
            (json!({"prompt": "backend engineers", "limit": 5}), false),
        ],
    );
    add(
        Method::POST,
        "/v1/searches/candidates/search",
        "/v1/searches/candidates/search".into(),
        vec![
            (
                json!({"prompt": "Python developers in Paris", "limit": 5}),
                true,
            ),
            (json!({"prompt": "Python developers", "limit": 0}), false),
            (json!({"prompt": "Python developers", "limit": 101}), false),
            (json!({"prompt": "Python developers", "limit": "5"}), false),
        ],
    );
    add(
        Method::POST,
        "/v1/searches/candidates/start-with-sales-navigator-url",
        "/v1/searches/candidates/start-with-sales-navigator-url".into(),
        vec![(json!({"url": ""}), false), (json!({"limit": 5}), false)],
    );
    add(
        Method::POST,
        "/v1/searches/candidates/job-title-synonyms",
        "/v1/searches/candidates/job-title-synonyms".into(),
        vec![
            (json!({"title": "Software Engineer"}), true),
            (json!({}), false),
            (json!({"title": long(201)}), false),
        ],
    );
    add(
        Method::POST,
        "/v1/searches/candidates/skills-suggestions",
        "/v1/searches/candidates/skills-suggestions".into(),
        vec![
            (json!({"skills": ["React"]}), true),
            (json!({"skills": []}), false),
            (json!({"skills": vec!["Go"; 21]}), false),
            (json!({"skills": [""]}), false),
            (json!({"skills": [long(101)]}), false),
            (json!({"skills": null}), false),
        ],
    );
    add(
        Method::POST,
        "/v1/searches/candidates/{candidateSearchId}/expand",
        "/v1/searches/candidates/nope/expand".into(),
        vec![
            (json!({"limit": 10}), true),
            (json!({"limit": 0}), false),
            (json!({"step": 1}), false),
        ],
    );

    add(
        Method::POST,
        "/api/v1/sourcing/{leadId}/roles",
        format!("/api/v1/sourcing/{}/roles", f.lead),
        vec![
            (json!({"roleId": f.sourcing}), true),
            (json!({}), false),
            (json!({"roleId": ""}), false),
            (json!({"roleId": f.sourcing, "addToIndex": "yes"}), false),
        ],
    );
    add(
        Method::PUT,
        "/api/v1/sourcing/{leadId}/roles/{roleId}/screening",
        format!("/api/v1/sourcing/{}/roles/{}/screening", f.lead, f.sourcing),
        vec![
            (json!({"overallFitScore": 80, "notes": "Good fit"}), true),
            (json!({"overallFitScore": 0, "notes": null}), true),
            (json!({}), false),
            (json!({"overallFitScore": null}), false),
            (json!({"overallFitScore": 101}), false),
            (json!({"overallFitScore": 50, "score": 1}), false),
        ],
    );
    add(
        Method::POST,
        "/api/v1/sourcing/{leadId}/convert",
        format!("/api/v1/sourcing/{}/convert", f.lead),
        vec![
            (json!({"roleId": f.sourcing}), true),
            (json!({"roleId": null}), false),
        ],
    );
    // fixed at the end: these change what the cases before them refer to
    out.sort_by_key(|c| c.template.ends_with("/convert"));
    out
}

#[tokio::test]
async fn the_document_and_the_server_agree_on_every_rule() {
    let app = spawn_app().await;
    let leads_key = app
        .key_with(
            &[
                "talents:search",
                "sourcing:read",
                "sourcing:write",
                "searches:read",
                "searches:write",
                "pools:read",
                "pools:write",
            ],
            1000,
        )
        .await;
    assert!(!leads_key.is_empty());
    let doc: Value = app
        .client
        .get(format!("{}/openapi.json", app.address))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let f = fixture(&app).await;
    let all = cases(&f);
    let mut disagreements = Vec::new();
    for case in &all {
        let schema = body_schema(&doc, case.template, &case.method);
        let validator = jsonschema::draft202012::new(&schema).unwrap_or_else(|e| {
            panic!(
                "{} {}: the schema does not compile: {e}",
                case.method, case.template
            )
        });
        let by_document = validator.is_valid(&case.body);
        let res = app
            .call(case.method.clone(), &case.path)
            .json(&case.body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let answer = res.text().await.unwrap_or_default();
        let by_server = !matches!(status, 400 | 422);
        let shown = {
            let s = case.body.to_string();
            if s.len() > 120 {
                format!("{}…", &s[..120])
            } else {
                s
            }
        };
        if by_document != case.valid {
            let why: Vec<String> = validator
                .iter_errors(&case.body)
                .map(|e| e.to_string())
                .take(2)
                .collect();
            disagreements.push(format!(
                "document says {} for {} {} {shown} {why:?}",
                if by_document { "valid" } else { "invalid" },
                case.method,
                case.template
            ));
        }
        if by_server != case.valid {
            let answer: String = answer.chars().take(200).collect();
            disagreements.push(format!(
                "server answers {status} to {} {} {shown}: {answer}",
                case.method, case.template
            ));
        }
    }
    assert!(all.len() > 120, "only {} cases", all.len());
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// The rule no schema keyword can state (one number against another) is
/// in the document's words and enforced by the server.
#[tokio::test]
async fn a_salary_whose_max_is_below_its_min_is_refused_as_the_document_says() {
    let app = spawn_app().await;
    let doc: Value = app.get("/openapi.json").await.1;
    let schema = body_schema(&doc, "/v1/sourcings", &Method::POST);
    let salary = &schema["properties"]["salary"];
    assert!(salary["description"]
        .as_str()
        .unwrap()
        .contains("`max` must not be below `min`"));
    let (status, body) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            json!({"title": "x", "salary": {"min": 10, "max": 5}}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["issues"][0]["path"], json!(["salary", "max"]));
}

/// Query strings: every documented bound holds, and what the documents do
/// not name is ignored.
#[tokio::test]
async fn query_parameters_are_bounded_as_documented() {
    let app = spawn_app().await;
    let doc: Value = app.get("/openapi.json").await.1;
    let bound = |path: &str, name: &str| -> i64 {
        let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        let p = params.iter().find(|p| p["name"] == name).unwrap();
        p["schema"]["maximum"]
            .as_i64()
            .unwrap_or_else(|| panic!("{path} {name} has no maximum"))
    };
    for (path, name) in [
        ("/v1/sourcings", "pageIndex"),
        ("/v1/sourcings", "pageSize"),
        ("/v1/searches/candidates/history", "page"),
        ("/v1/searches/candidates/history", "pageSize"),
        ("/api/v1/sourcing", "page"),
        ("/api/v1/sourcing", "pageSize"),
    ] {
        let max = bound(path, name);
        let at = app
            .call(Method::GET, &format!("{path}?{name}={max}"))
            .send()
            .await
            .unwrap();
        assert_eq!(at.status().as_u16(), 200, "{path}?{name}={max}");
        let past = app
            .call(Method::GET, &format!("{path}?{name}={}", max + 1))
            .send()
            .await
            .unwrap();
        assert_eq!(past.status().as_u16(), 400, "{path}?{name}={}", max + 1);
    }
    let ignored = app
        .call(Method::GET, "/v1/sourcings?_=123&keyword=x")
        .send()
        .await
        .unwrap();
    assert_eq!(ignored.status().as_u16(), 200);
}
