//! Answers at the edges: unknown paths and methods, oversized headers, bad
//! path segments, idle and surplus connections, guessed keys — each in the
//! documented envelope, with rate-limit headers wherever a key was counted.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use reqwest::Method;
use scout_server::connections::Limits;
use scout_server::Settings;
use serde_json::Value;

use crate::helpers::{fixture_talents, spawn_app, spawn_app_with};

fn host_port(address: &str) -> String {
    address.trim_start_matches("http://").to_owned()
}

#[tokio::test]
async fn unknown_paths_methods_and_bad_segments_answer_in_the_envelope() {
    let app = spawn_app().await;
    for (method, path, status, code) in [
        (Method::GET, "/v1/nowhere", 404, "not_found"),
        (Method::GET, "/api/v2/sourcing", 404, "not_found"),
        (
            Method::DELETE,
            "/v1/search/talents",
            405,
            "method_not_allowed",
        ),
        (Method::PUT, "/v1/sourcings", 405, "method_not_allowed"),
        (Method::GET, "/v1/sourcings/%FF%FE", 400, "validation_error"),
    ] {
        let res = app.call(method.clone(), path).send().await.unwrap();
        assert_eq!(res.status().as_u16(), status, "{method} {path}");
        let headers = res.headers().clone();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        assert_eq!(body["success"], false, "{method} {path}: {body}");
        assert_eq!(body["error"]["code"], code, "{method} {path}: {body}");
        assert!(body["error"]["debugTrackingCode"]
            .as_str()
            .is_some_and(|c| c.len() >= 16));
        if path.starts_with("/v1/sourcings/") {
            // authenticated, so counted: the answer says how many remain
            assert!(
                headers.contains_key("ratelimit-remaining"),
                "{path}: {headers:?}"
            );
        }
    }
    // the job-candidates family keeps its flat envelope
    let res = app
        .call(Method::POST, "/v1/job-candidates")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["success"], false);
    assert!(body["error"].is_string(), "{body}");
}

#[tokio::test]
async fn errors_after_authentication_carry_rate_limit_headers() {
    let app = spawn_app().await;
    let (status, _) = app.get("/v1/sourcings/src_nope").await;
    assert_eq!(status, 404);
    let res = app
        .call(Method::GET, "/v1/sourcings/src_nope")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let remaining: i64 = res.headers()["ratelimit-remaining"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let limit: i64 = res.headers()["ratelimit-limit"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(limit - remaining, 2, "both 404s were counted and said so");
    let res = app
        .call(Method::POST, "/v1/sourcings")
        .json(&serde_json::json!({"title": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert!(res.headers().contains_key("ratelimit-reset"));
}

#[tokio::test]
async fn too_many_or_too_large_headers_answer_431_in_the_envelope() {
    let app = spawn_app().await;
    let mut request = app.call(Method::GET, "/health");
    for i in 0..150 {
        request = request.header(format!("x-filler-{i}"), "1");
    }
    let res = request.send().await.unwrap();
    assert_eq!(res.status(), 431);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "request_header_fields_too_large");
    let res = app
        .call(Method::GET, "/health")
        .header("x-big", "a".repeat(40 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 431);
}

// blocking sockets on the test's own thread: the server runs on the other
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_are_closed_and_surplus_ones_refused_with_503() {
    let settings = Settings {
        connections: Limits {
            max_connections: 3,
            header_read_timeout: Duration::from_millis(800),
        },
        ..Settings::default()
    };
    let app = spawn_app_with(settings, fixture_talents(), 1000).await;
    let addr = host_port(&app.address);
    // three idle connections fill the server...
    let idle: Vec<_> = (0..3)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    // ...so a fourth is told so at once, in the envelope
    let mut extra = std::net::TcpStream::connect(&addr).unwrap();
    extra
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut answer = String::new();
    extra.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("retry-after:"),
        "{answer}"
    );
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "service_unavailable");
    // the idle ones are closed after the header-read timeout...
    let started = Instant::now();
    for mut s in idle {
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
    }
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "idle connections were closed"
    );
    // ...and their places serve again
    let res = app
        .client
        .get(format!("{}/health", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // a client sending its headers a byte at a time is cut off too
    let mut slow = std::net::TcpStream::connect(&addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let started = Instant::now();
    for b in b"GET /health HTTP/1.1\r\nHost: x\r\n" {
        if slow.write_all(&[*b]).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        if started.elapsed() > Duration::from_secs(3) {
            break;
        }
    }
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        !String::from_utf8_lossy(&rest).starts_with("HTTP/1.1 200"),
        "never answered"
    );
}

#[tokio::test]
async fn guessed_keys_are_slowed_down_then_refused_per_address() {
    let app = spawn_app().await;
    let started = Instant::now();
    let mut statuses = Vec::new();
    for i in 0..25 {
        let res = app
            .client
            .post(format!("{}/v1/search/talents", app.address))
            .header("x-api-key", format!("sk_guess_{i}"))
            .json(&serde_json::json!({"filters": []}))
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    assert!(statuses[..20].iter().all(|s| *s == 401), "{statuses:?}");
    assert!(statuses[20..].iter().all(|s| *s == 429), "{statuses:?}");
    assert!(
        started.elapsed() > Duration::from_millis(1_500),
        "failed checks are answered slowly ({:?})",
        started.elapsed()
    );
    // a valid key from the same address still works
    let res = app
        .search(serde_json::json!({"filters": [{"filterType": "JOB_TITLE", "value": "Software Engineer"}]}))
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn links_other_than_http_are_refused_where_they_come_in() {
    let app = spawn_app().await;
    let (_, created) = app
        .send(
            Method::POST,
            "/v1/sourcings",
            serde_json::json!({"title": "Designer"}),
        )
        .await;
    let id = created["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (field, url) in [
        ("cv_url", "javascript:alert(document.cookie)"),
        ("photo_url", "data:image/svg+xml,<svg onload=alert(1)>"),
        ("linkedin_url", "vbscript:msgbox"),
    ] {
        let (status, body) = app
            .send(
                Method::POST,
                &format!("/v1/sourcings/{id}/candidates"),
                serde_json::json!({"candidates": [{"name": "Eve", field: url}]}),
            )
            .await;
        assert_eq!(status, 400, "{field}: {body}");
        let issue = &body["error"]["issues"][0];
        assert_eq!(
            issue["path"].as_array().unwrap().last().unwrap(),
            field,
            "{body}"
        );
    }
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/v1/sourcings/{id}/candidates"),
            serde_json::json!({"candidates": [{"name": "Eve", "cv_url": "https://files.example/eve.pdf"}]}),
        )
        .await;
    assert!(status == 200 || status == 201, "{body}");
}

#[tokio::test]
async fn ready_says_whether_the_index_is_close_enough_to_the_store() {
    let settings = Settings {
        ready_max_lag: 1,
        ..Settings::default()
    };
    let app = spawn_app_with(settings, fixture_talents(), 1000).await;
    let (status, body) = app.get("/ready").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ready");
    assert_eq!(body["lag"], 0);
    // the store moves on and this test server has no follower: one change
    // behind is within the bound, three are not
    let more: Vec<scout_model::Talent> = (0..3)
        .map(|i| serde_json::from_value(serde_json::json!({"id": format!("late{i}")})).unwrap())
        .collect();
    app.store
        .upsert_profiles(&more[..1], "late", None)
        .await
        .unwrap();
    let (status, body) = app.get("/ready").await;
    assert_eq!((status, body["lag"].as_i64()), (200, Some(1)), "{body}");
    app.store
        .upsert_profiles(&more[1..], "late", None)
        .await
        .unwrap();
    let (status, body) = app.get("/ready").await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["reason"], "index_behind");
    assert_eq!(body["lag"], 3);
    // liveness is another question: the server answers
    let (status, body) = app.get("/health").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (200, Some("catching_up"))
    );
}

#[tokio::test]
async fn every_answer_carries_its_request_id_and_errors_name_it() {
    let app = spawn_app().await;
    // generated when the client sends none
    let res = app.call(Method::GET, "/health").send().await.unwrap();
    let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 21, "{id}");
    // a client's id is kept, echoed, and named by the error body
    let res = app
        .call(Method::POST, "/v1/sourcings")
        .header("x-request-id", "req-7f3a9c")
        .json(&serde_json::json!({"title": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers()["x-request-id"], "req-7f3a9c");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["debugTrackingCode"], "req-7f3a9c");
    // one that is not 1–128 visible ASCII characters is replaced
    for unusable in ["two words".to_owned(), "x".repeat(129)] {
        let res = app
            .call(Method::GET, "/health")
            .header("x-request-id", &unusable)
            .send()
            .await
            .unwrap();
        let echoed = res.headers()["x-request-id"].to_str().unwrap();
        assert_ne!(echoed, unusable);
        assert_eq!(echoed.len(), 21);
    }
}

#[tokio::test]
async fn metrics_answer_only_the_operator_and_count_what_happened() {
    // off without a token: as an unknown address
    let app = spawn_app().await;
    let (status, body) = app.get("/metrics").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );

    let settings = Settings {
        metrics_token: Some("op-secret".into()),
        ..Settings::default()
    };
    let app = spawn_app_with(settings, fixture_talents(), 1000).await;
    let (status, _) = app.get("/health").await;
    assert_eq!(status, 200);
    let (status, _) = app
        .send(
            Method::POST,
            "/v1/search/talents",
            serde_json::json!({"filters": [{"filterType": "JOB_TITLE", "value": "Software Engineer"}]}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app.get("/v1/sourcings/nope").await;
    assert_eq!(status, 404);
    // an API key is not the operator's token
    let res = app.call(Method::GET, "/metrics").send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    let res = app
        .client
        .get(format!("{}/metrics", app.address))
        .bearer_auth("op-secret")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = res.text().await.unwrap();
    for expected in [
        r#"scout_http_requests_total{route="/health",method="GET",status="200"} 1"#,
        r#"scout_http_requests_total{route="/v1/search/talents",method="POST",status="200"} 1"#,
        r#"scout_http_requests_total{route="/v1/sourcings/{sourcing_id}",method="GET",status="404"} 1"#,
        r#"scout_http_request_duration_seconds_count{route="/health",method="GET"} 1"#,
        r#"scout_search_duration_seconds_count{stage="engine"} 1"#,
        r#"scout_search_duration_seconds_count{stage="fetch"} 1"#,
        "scout_index_lag 0",
        "scout_event_streams_open 0",
        "# EOF",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert!(!text.contains("nope"), "ids never become labels");
    let memory = text
        .lines()
        .find_map(|l| l.strip_prefix("scout_process_resident_memory_bytes "))
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(0);
    assert!(memory > 1_000_000, "{memory}");
}

/// `--max-body-kb` and `--max-upload-mb`: a body over the operator's limit
/// is refused and says the limit; one under it is read.
#[tokio::test]
async fn body_limits_are_the_operators() {
    let limits = scout_server::BodyLimits {
        json_bytes: 16 * 1024,
        upload_bytes: 64 * 1024,
    };
    let app = spawn_app_with(
        Settings {
            body_limits: limits,
            ..Settings::default()
        },
        fixture_talents(),
        1000,
    )
    .await;
    let padded = |pad: usize| {
        format!(
            "{{\"filters\": [{{\"filterType\": \"KEYWORD\", \"value\": \"React\"}}]{}}}",
            " ".repeat(pad)
        )
    };
    let send = |body: String| {
        app.call(Method::POST, "/v1/search/talents")
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let res = send(padded(10 * 1024)).await.unwrap();
    assert_eq!(res.status(), 200);
    let res = send(padded(20 * 1024)).await.unwrap();
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["issues"][0]["code"], "too_big", "{body}");
    assert!(body.to_string().contains("16384"), "{body}");

    let upload = |bytes: usize| {
        let form = reqwest::multipart::Form::new().part(
            "files",
            reqwest::multipart::Part::bytes(vec![b'a'; bytes]).file_name("cv.txt"),
        );
        app.call(Method::POST, "/api/v1/sourcing/cvs")
            .multipart(form)
            .send()
    };
    let res = upload(100 * 1024).await.unwrap();
    assert_eq!(res.status(), 413);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "payload_too_large", "{body}");
    assert!(body.to_string().contains("65536"), "{body}");
    let res = upload(1024).await.unwrap();
    assert_eq!(res.status(), 201);

    // the defaults: 256 KiB of JSON is read, past it refused
    let app = spawn_app().await;
    let res = app
        .call(Method::POST, "/v1/search/talents")
        .header("content-type", "application/json")
        .body(padded(200 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
