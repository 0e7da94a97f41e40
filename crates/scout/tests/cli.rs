//! The `scout` binary end to end: generate, import killed with SIGKILL and
//! resumed, search, and the health endpoint of `scout serve`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scout_engine::Engine;
use scout_store::Store;

fn scout(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_scout"));
    c.arg("--data").arg(data).env("SCOUT_LOG", "warn");
    c
}

fn ok(mut c: Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_killed_at_any_moment_is_completed_by_running_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    const N: u64 = 20_000;
    let mut g = scout(&data);
    g.args([
        "generate",
        "--count",
        &N.to_string(),
        "--seed",
        "3",
        "--out",
    ])
    .arg(&input);
    ok(g);

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
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = scout(&dir.path().join("data"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
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
