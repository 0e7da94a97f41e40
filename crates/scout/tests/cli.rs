//! The `scout` binary end to end: generate, import killed with SIGKILL and
//! resumed, search, and the health endpoint of `scout serve`.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use scout_engine::Engine;
use scout_store::Store;

mod support;
use support::{
    free_port, generate, import_command, ok, scout, spawn_server, unlimited_key, wait_for_server,
    wait_indexed,
};

#[tokio::test(flavor = "multi_thread")]
async fn an_import_killed_at_any_moment_is_completed_by_running_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    const N: u64 = 20_000;
    generate(&data, &input, N, 3);

    // Kill the import part-way, several times at different moments.
    for delay_ms in [300u64, 900] {
        let mut child = scout(&data)
            .args(["import", "--batch-size", "500"])
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
    }

    let mut resume = scout(&data);
    resume.args(["--json", "import"]).arg(&input);
    let summary: serde_json::Value = serde_json::from_str(&ok(resume)).unwrap();
    assert_eq!(summary["rejected"], 0);
    let done = summary["inserted"].as_u64().unwrap()
        + summary["unchanged"].as_u64().unwrap()
        + summary["updated"].as_u64().unwrap();
    assert_eq!(done, N, "{summary}");
    assert_eq!(summary["updated"], 0, "nothing half-written: {summary}");

    let store = Store::open(&data.join("scout.db").to_string_lossy())
        .await
        .unwrap();
    assert_eq!(
        store.count_profiles().await.unwrap() as u64,
        N,
        "nothing lost or duplicated in the store"
    );
    let engine = Engine::open(&data.join("index")).unwrap();
    assert_eq!(
        engine.num_docs(),
        N,
        "nothing lost or duplicated in the index"
    );
    assert_eq!(
        engine.checkpoint().unwrap(),
        store.last_seq().await.unwrap()
    );
}

#[test]
fn search_prints_ranked_results_for_title_location_radius_and_skill() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id":"a","firstname":"Marie","lastname":"Dupont","jobTitle":"Senior Software Engineer","city":"Paris","country":"France","skills":["React"]}"#,
            "\n",
            r#"{"id":"b","firstname":"Jean","lastname":"Martin","jobTitle":"Software Developer","city":"Versailles","country":"France","skills":["Vue.js"]}"#,
            "\n",
            r#"{"id":"c","firstname":"Ana","lastname":"Lopez","jobTitle":"Software Engineer","city":"Madrid","country":"Spain","skills":["React"]}"#,
            "\n"
        ),
    )
    .unwrap();
    let mut i = scout(&data);
    i.arg("import").arg(&input);
    ok(i);
    let mut s = scout(&data);
    s.args([
        "--json",
        "search",
        "--title",
        "software engineer",
        "--location",
        "Paris",
        "--radius",
        "30",
        "--skill",
        "React",
    ]);
    let out: serde_json::Value = serde_json::from_str(&ok(s)).unwrap();
    assert_eq!(out["total"], 1);
    assert_eq!(out["results"][0]["talent"]["id"], "a");
    let mut text = scout(&data);
    text.args([
        "search",
        "--title",
        "software engineer",
        "--location",
        "Paris",
        "--radius",
        "30",
    ]);
    let printed = ok(text);
    assert!(printed.contains("2 matching talents"), "{printed}");
    assert!(
        printed.contains("Marie Dupont") && printed.contains("Jean Martin"),
        "{printed}"
    );
}

#[test]
fn serve_answers_health_on_the_given_address() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = spawn_server(scout(&dir.path().join("data")), port);
    let started = Instant::now();
    let body = loop {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut buf = String::new();
            s.read_to_string(&mut buf).unwrap();
            break buf;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(body.starts_with("HTTP/1.1 200"), "{body}");
    assert!(body.contains("\"status\":\"ok\""), "{body}");
}

#[test]
fn sourcing_commands_create_add_score_and_move_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id":"a","firstname":"Marie","lastname":"Dupont","jobTitle":"Senior Software Engineer","city":"Paris","country":"France","skills":["React"]}"#,
            "\n",
            r#"{"id":"b","firstname":"Tom","lastname":"Baker","jobTitle":"Registered Nurse","city":"London","country":"United Kingdom"}"#,
            "\n"
        ),
    )
    .unwrap();
    let mut i = scout(&data);
    i.arg("import").arg(&input);
    ok(i);
    let mut c = scout(&data);
    c.args([
        "sourcing",
        "create",
        "--workspace",
        "acme",
        "--title",
        "Software Engineer",
        "--requirements",
        r#"[{"filterType":"JOB_TITLE","value":"Software Engineer","isRequired":true}]"#,
    ]);
    let id = ok(c).trim().to_owned();
    assert!(id.starts_with("src_"), "{id}");
    let mut bad = scout(&data);
    bad.args(["sourcing", "create", "--workspace", "acme", "--title", "x"])
        .args(["--requirements", r#"[{"filterType":"NOPE","value":"x"}]"#]);
    assert!(!bad.output().unwrap().status.success());

    let mut a = scout(&data);
    a.args([
        "--json",
        "sourcing",
        "add",
        "--workspace",
        "acme",
        &id,
        "a",
        "b",
    ]);
    let added: serde_json::Value = serde_json::from_str(&ok(a)).unwrap();
    assert_eq!(added["added"], 2);
    let mut s = scout(&data);
    s.args([
        "--json",
        "sourcing",
        "status",
        "--workspace",
        "acme",
        &id,
        "b",
    ])
    .args(["NOT_RETAINED"]);
    let moved: serde_json::Value = serde_json::from_str(&ok(s)).unwrap();
    assert_eq!(moved["statusHandle"], "NOT_RETAINED");

    let mut l = scout(&data);
    l.args([
        "--json",
        "sourcing",
        "candidates",
        "--workspace",
        "acme",
        &id,
    ]);
    let rows: serde_json::Value = serde_json::from_str(&ok(l)).unwrap();
    assert_eq!(rows[0]["talentId"], "a", "best fit first");
    assert_eq!(rows[0]["fit"]["decision"], "Shortlist");
    assert_eq!(rows[1]["statusHandle"], "NOT_RETAINED");
    assert_eq!(rows[1]["fit"]["decision"], "Reject");

    let mut p = scout(&data);
    p.args(["--json", "sourcing", "list", "--workspace", "acme"]);
    let list: serde_json::Value = serde_json::from_str(&ok(p)).unwrap();
    assert_eq!(list[0]["candidates"], 2);
}

#[test]
fn leads_import_reads_a_directory_of_cvs_and_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cvs = dir.path().join("cvs");
    std::fs::create_dir(&cvs).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scout-ingest/tests/cvs");
    for f in [
        "cv00-classic.pdf",
        "cv03-classic.docx",
        "broken-encrypted.pdf",
        "broken-empty.txt",
    ] {
        std::fs::copy(fixtures.join(f), cvs.join(f)).unwrap();
    }
    let mut import = scout(&data);
    import
        .args(["--json", "leads", "import", "--workspace", "acme"])
        .arg(&cvs);
    let report: serde_json::Value = serde_json::from_str(&ok(import)).unwrap();
    assert_eq!(
        (report["parsed"].as_u64(), report["failed"].as_u64()),
        (Some(2), Some(2)),
        "{report}"
    );
    let locked = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "broken-encrypted.pdf")
        .unwrap();
    assert_eq!(locked["status"], "failed");
    assert!(
        locked["reason"].as_str().unwrap().contains("encrypted"),
        "{locked}"
    );

    // a second run finds the same files and creates nothing new
    let mut again = scout(&data);
    again
        .args(["--json", "leads", "import", "--workspace", "acme"])
        .arg(&cvs);
    let report: serde_json::Value = serde_json::from_str(&ok(again)).unwrap();
    assert!(
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["created"] == false),
        "{report}"
    );

    let mut list = scout(&data);
    list.args([
        "--json",
        "leads",
        "list",
        "--workspace",
        "acme",
        "--status",
        "parsed",
    ]);
    let listed: serde_json::Value = serde_json::from_str(&ok(list)).unwrap();
    assert_eq!(listed["totalCount"], 2, "{listed}");
    assert_eq!(listed["leads"][0]["status"], "parsed");
}

/// The README says importing beside a running server is fine: an import
/// while 8 clients search as fast as they can completes, no search fails,
/// and the server indexes what arrived.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_import_beside_a_server_under_search_load_completes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    const N: u64 = 10_000;
    generate(&data, &input, N, 5);
    let key = unlimited_key(&data, "talents:search");

    let port = free_port();
    let mut server = spawn_server(scout(&data), port);
    let client = reqwest::Client::new();
    wait_for_server(&client, port).await;

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut searchers = Vec::new();
    for _ in 0..8 {
        let (client, key, stop) = (client.clone(), key.clone(), stop.clone());
        searchers.push(tokio::spawn(async move {
            let (mut done, mut failed) = (0u32, Vec::new());
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && done < 5_000 {
                let res = client
                    .post(format!("http://127.0.0.1:{port}/v1/search/talents"))
                    .header("x-api-key", &key)
                    .json(&serde_json::json!({"filters": [{"filterType": "JOB_TITLE", "value": "Software Engineer"}]}))
                    .send()
                    .await;
                match res {
                    Ok(r) if r.status().is_success() => {}
                    Ok(r) => failed.push(r.status().as_u16()),
                    Err(_) => failed.push(0),
                }
                done += 1;
            }
            (done, failed)
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut import = import_command(&data, &input);
    let imported = tokio::task::spawn_blocking(move || import.output().unwrap())
        .await
        .unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut searches = 0;
    for s in searchers {
        let (done, failed) = s.await.unwrap();
        searches += done;
        assert!(
            failed.is_empty(),
            "searches failed beside the import: {failed:?}"
        );
    }
    assert!(
        imported.status.success(),
        "the import failed beside {searches} searches: {}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&imported.stdout).unwrap();
    assert_eq!(summary["rejected"], 0, "{summary}");
    assert!(
        summary["inserted"].as_u64().unwrap() > N,
        "profiles and organizations: {summary}"
    );
    assert!(
        searches > 50,
        "the searches ran beside the import ({searches})"
    );

    // the server indexes what arrived, and says so
    let started = Instant::now();
    loop {
        let health: serde_json::Value = client
            .get(format!("http://127.0.0.1:{port}/health"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if health["status"] == "ok" {
            assert_eq!(health["indexedTalents"].as_u64(), Some(N), "{health}");
            assert_eq!(health["lag"], 0);
            break;
        }
        assert_eq!(health["status"], "catching_up", "{health}");
        assert!(health["lag"].as_i64().unwrap() > 0, "{health}");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "not indexed: {health}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Personal data is the owner's only: the data directory `0700`, the store
/// and rejected lines `0600`; `scout demo` prints its key and writes it
/// nowhere (only its hash is stored), and a second run's key replaces it.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread")]
async fn data_is_private_and_the_demo_key_is_never_written_down() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    std::fs::write(&input, "{\"id\":\"a\",\"firstname\":\"Ada\"}\n{not json}\n").unwrap();
    let mut import = scout(&data);
    import.arg("import").arg(&input);
    let out = import.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an import with a rejected line is incomplete"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("incomplete"));
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("scout.db")), 0o600);
    for side in ["scout.db-wal", "scout.db-shm"] {
        if data.join(side).exists() {
            assert_eq!(mode(&data.join(side)), 0o600, "{side}");
        }
    }
    let rejects: Vec<_> = std::fs::read_dir(data.join("rejects")).unwrap().collect();
    assert!(!rejects.is_empty());
    for r in rejects {
        assert_eq!(mode(&r.unwrap().path()), 0o600);
    }

    let mut keys = Vec::new();
    for _ in 0..2 {
        let port = free_port();
        let mut demo = scout(&data)
            .args([
                "demo",
                "--count",
                "1",
                "--addr",
                &format!("127.0.0.1:{port}"),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = demo.stdout.take().unwrap();
        let key = tokio::task::spawn_blocking(move || {
            use std::io::BufRead;
            std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .find_map(|l| l.strip_prefix("Demo API key: ").map(str::to_owned))
        })
        .await
        .unwrap()
        .expect("the demo prints its key");
        demo.kill().unwrap();
        demo.wait().unwrap();
        keys.push(key);
    }
    for entry in walk(&data) {
        let bytes = std::fs::read(&entry).unwrap();
        for key in &keys {
            assert!(
                !bytes.windows(key.len()).any(|w| w == key.as_bytes()),
                "{} holds a demo key",
                entry.display()
            );
        }
    }
    let store = Store::open(&data.join("scout.db").to_string_lossy())
        .await
        .unwrap();
    let first = store.find_key(&keys[0]).await.unwrap().unwrap();
    let second = store.find_key(&keys[1]).await.unwrap().unwrap();
    assert!(first.revoked_at.is_some() && second.revoked_at.is_none());
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// `SIGTERM` (how systemd and containers stop a service) during a stream of
/// writes and an import: the server stops accepting, finishes what it
/// accepted, exits 0; every write it acknowledged is there after a restart,
/// and the index catches up with everything the import stored.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_during_writes_loses_nothing_and_the_restart_catches_up() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    const N: u64 = 5_000;
    generate(&data, &input, N, 9);
    let key = unlimited_key(&data, "sourcing:read,sourcing:write");
    let start_server = |port: u16| spawn_server(scout(&data), port);
    let port = free_port();
    let mut server = start_server(port);
    let client = reqwest::Client::new();
    wait_for_server(&client, port).await;

    let mut import = import_command(&data, &input);
    let import = tokio::task::spawn_blocking(move || import.output().unwrap());
    let mut writers = Vec::new();
    for w in 0..4 {
        let (client, key) = (client.clone(), key.clone());
        writers.push(tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            for i in 0..10_000 {
                let res = client
                    .post(format!("http://127.0.0.1:{port}/v1/sourcings"))
                    .header("x-api-key", &key)
                    .json(&serde_json::json!({"title": format!("Role {w}-{i}")}))
                    .send()
                    .await;
                let Ok(res) = res else { break };
                let status = res.status().as_u16();
                let Ok(body) = res.json::<serde_json::Value>().await else {
                    break;
                };
                match status {
                    201 => acknowledged
                        .push(body["data"]["sourcing"]["id"].as_str().unwrap().to_owned()),
                    503 => break,
                    other => panic!("a write answered {other}: {body}"),
                }
            }
            acknowledged
        }));
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    let stopped = Instant::now();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::task::spawn_blocking(move || server.wait().unwrap())
        .await
        .unwrap();
    assert!(
        status.success(),
        "the server exits 0 on SIGTERM: {status:?}"
    );
    assert!(
        stopped.elapsed() < Duration::from_secs(15),
        "it stops within the drain bound"
    );
    let mut acknowledged = Vec::new();
    for w in writers {
        acknowledged.extend(w.await.unwrap());
    }
    assert!(
        acknowledged.len() > 10,
        "writes ran before the signal: {}",
        acknowledged.len()
    );
    let imported = import.await.unwrap();
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );

    // restarted: every acknowledged write is there; the index catches up
    let port = free_port();
    let mut server = start_server(port);
    wait_for_server(&client, port).await;
    for id in &acknowledged {
        let res = client
            .get(format!("http://127.0.0.1:{port}/v1/sourcings/{id}"))
            .header("x-api-key", &key)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "acknowledged {id} is kept");
    }
    wait_indexed(&client, &format!("http://127.0.0.1:{port}"), N).await;
    server.kill().unwrap();
    server.wait().unwrap();
}

/// `--log-format json`: one JSON object per line on standard error, each
/// line of a request carrying the request's id (the client's
/// `x-request-id`, echoed on the answer and named in its error body).
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_logs_carry_the_request_id_the_answer_echoes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = free_port();
    let server = scout(&data)
        .args([
            "--log-format",
            "json",
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .env("SCOUT_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    wait_for_server(&client, port).await;
    let res = client
        .post(format!("http://127.0.0.1:{port}/v1/search/talents"))
        .header("x-request-id", "trace-4f2a")
        .json(&serde_json::json!({"filters": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401, "no key");
    assert_eq!(res.headers()["x-request-id"], "trace-4f2a");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["debugTrackingCode"], "trace-4f2a");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = tokio::task::spawn_blocking(move || server.wait_with_output().unwrap())
        .await
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let request = lines
        .iter()
        .find(|l| l["fields"]["message"] == "request")
        .unwrap_or_else(|| panic!("no request line: {lines:?}"));
    assert_eq!(request["fields"]["status"], 401, "{request}");
    assert!(
        request["spans"]
            .as_array()
            .is_some_and(|spans| spans.iter().any(|s| s["request_id"] == "trace-4f2a")),
        "{request}"
    );
}

/// The operator's tunables refuse values outside their documented ranges
/// before anything starts (docs/operations.md, Settings).
#[test]
fn tunables_outside_their_ranges_are_refused_before_anything_starts() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--writer-memory-mb", "8", "reindex"],
        vec!["--writer-memory-mb", "5000", "reindex"],
        vec!["serve", "--search-timeout-ms", "10"],
        vec!["serve", "--search-timeout-ms", "soon"],
        vec!["serve", "--max-body-kb", "8"],
        vec!["serve", "--max-upload-mb", "0"],
        vec!["serve", "--max-upload-mb", "2048"],
    ] {
        let out = scout(&dir.path().join("data"))
            .args(&args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?} was taken");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("invalid value"), "{args:?}: {said}");
    }
    assert!(
        !dir.path().join("data").exists(),
        "nothing was created for a refused command"
    );
}
