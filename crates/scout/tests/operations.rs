//! What an operator does with the binary (docs/operations.md): the
//! configuration file and `scout config`, backups taken while a server
//! writes and restored elsewhere, erasure and retention from the command
//! line.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

mod support;
use support::{
    free_port, generate, import_command, key_command, key_of, ok, scout, spawn_server,
    unlimited_key, wait_for_server, wait_indexed,
};

/// `scout` with no `--data` and no inherited `SCOUT_*` settings, run in `dir`.
fn bare(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_scout"));
    c.current_dir(dir).env("SCOUT_LOG", "warn");
    for (k, _) in std::env::vars() {
        if k.starts_with("SCOUT_") && k != "SCOUT_LOG" {
            c.env_remove(k);
        }
    }
    c
}

#[test]
fn the_configuration_file_gives_way_to_variables_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("scout.toml"),
        "data = \"from-file\"\n[serve]\nmax_connections = 300\nsearch_timeout_ms = 7000\naddr = \"127.0.0.1:7801\"\nmetrics_token = \"s3cret\"\n",
    )
    .unwrap();
    let mut c = bare(dir.path());
    c.env("SCOUT_MAX_CONNECTIONS", "400")
        .args(["--json", "config", "--addr", "127.0.0.1:7802"]);
    let out: Value = serde_json::from_str(&ok(c)).unwrap();
    let s = &out["settings"];
    let seen = |name: &str| (s[name]["value"].clone(), s[name]["source"].clone());
    assert_eq!(seen("data"), (json!("from-file"), json!("file")), "{out}");
    assert_eq!(seen("search-timeout-ms"), (json!("7000"), json!("file")));
    assert_eq!(seen("max-connections"), (json!("400"), json!("env")));
    assert_eq!(seen("addr"), (json!("127.0.0.1:7802"), json!("flag")));
    assert_eq!(seen("header-timeout").1, json!("default"));
    assert_eq!(seen("metrics-token").0, json!("********"));
    assert!(!out.to_string().contains("s3cret"));
    assert!(out["file"].as_str().unwrap().ends_with("scout.toml"));

    // another file named by --config; a misspelt key stops Scout, naming it
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "[serve]\nsearch_timeout = 5\n").unwrap();
    let mut c = bare(dir.path());
    let out = c
        .arg("--config")
        .arg(&other)
        .arg("config")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("search_timeout"), "{err}");
    assert!(err.contains("other.toml"), "{err}");
    // and nothing was created from a refused file
    assert!(!dir.path().join("from-file").exists());
}

/// Sends `POST path` bodies from `make(i)` until told to stop; the ids of
/// the answers that acknowledged a write.
async fn writer(
    client: reqwest::Client,
    base: String,
    key: String,
    stop: tokio::sync::watch::Receiver<bool>,
    w: usize,
) -> Vec<(Instant, String)> {
    let mut acknowledged = Vec::new();
    let mut i = 0;
    while !*stop.borrow() {
        i += 1;
        let res = client
            .post(format!("{base}/v1/sourcings"))
            .header("x-api-key", &key)
            .json(&json!({"title": format!("Role {w}-{i}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.unwrap();
        let id = body["data"]["sourcing"]["id"].as_str().unwrap().to_owned();
        acknowledged.push((Instant::now(), id));
    }
    acknowledged
}

async fn get(client: &reqwest::Client, base: &str, key: &str, path: &str) -> (u16, Value) {
    let res = client
        .get(format!("{base}{path}"))
        .header("x-api-key", key)
        .send()
        .await
        .unwrap();
    (
        res.status().as_u16(),
        res.json().await.unwrap_or(Value::Null),
    )
}

async fn search_count(client: &reqwest::Client, base: &str, key: &str) -> u64 {
    let res = client
        .post(format!("{base}/v1/search/talents"))
        .header("x-api-key", key)
        .json(&json!({"filters": [{"filterType": "JOB_TITLE", "value": "Engineer", "isRequired": true}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    body["data"]["estimationCount"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_under_writes_restores_everything() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    const N: u64 = 3_000;
    generate(&data, &input, N, 5);
    ok(import_command(&data, &input));
    let key = unlimited_key(
        &data,
        "talents:search,sourcing:read,sourcing:write,pools:read,pools:write",
    );
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = spawn_server(scout(&data), port);
    let client = reqwest::Client::new();
    wait_for_server(&client, port).await;
    wait_indexed(&client, &base, N).await;
    let count = search_count(&client, &base, &key).await;
    assert!(count > 0);

    // a pipeline, a list and a lead to find again
    let first_ids: Vec<String> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .take(3)
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let post = |path: &str, body: Value| {
        client
            .post(format!("{base}{path}"))
            .header("x-api-key", &key)
            .json(&body)
            .send()
    };
    let res = post("/v1/sourcings", json!({"title": "Kept"}))
        .await
        .unwrap();
    let sourcing: Value = res.json().await.unwrap();
    let sourcing = sourcing["data"]["sourcing"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = post(
        &format!("/v1/sourcings/{sourcing}/candidates"),
        json!({"talentIds": first_ids}),
    )
    .await
    .unwrap();
    assert!(res.status().is_success());
    let res = post(
        "/v1/pools/candidates",
        json!({"name": "Kept list", "talentIds": first_ids}),
    )
    .await
    .unwrap();
    let list: Value = res.json().await.unwrap();
    let list = list["data"]["id"].as_str().unwrap().to_owned();
    let cvs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scout-ingest/tests/cvs");
    let form = reqwest::multipart::Form::new().part(
        "files",
        reqwest::multipart::Part::bytes(std::fs::read(cvs.join("cv00-classic.pdf")).unwrap())
            .file_name("cv.pdf"),
    );
    let res = client
        .post(format!("{base}/api/v1/sourcing/cvs"))
        .header("x-api-key", &key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let upload: Value = res.json().await.unwrap();
    let lead = upload["data"]["results"][0]["leadId"]
        .as_str()
        .unwrap()
        .to_owned();

    // the backup runs while four clients write
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let writers: Vec<_> = (0..4)
        .map(|w| {
            tokio::spawn(writer(
                client.clone(),
                base.clone(),
                key.clone(),
                stop_rx.clone(),
                w,
            ))
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let backup_dir = dir.path().join("backup");
    let mut b = scout(&data);
    b.args(["--json", "backup", "--to"]).arg(&backup_dir);
    let backup_started = Instant::now();
    let manifest: Value =
        serde_json::from_str(&tokio::task::spawn_blocking(move || ok(b)).await.unwrap()).unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop_tx.send(true).unwrap();
    let mut before = Vec::new();
    let mut total = 0;
    for w in writers {
        let acknowledged = w.await.unwrap();
        total += acknowledged.len();
        before.extend(
            acknowledged
                .into_iter()
                .filter(|(at, _)| *at < backup_started)
                .map(|(_, id)| id),
        );
    }
    assert!(
        !before.is_empty() && total > before.len(),
        "writes ran before and during the backup: {} of {total}",
        before.len()
    );
    assert!(backup_dir.join("scout-backup.json").is_file(), "{manifest}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup_dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }

    // a directory in use is never overwritten
    let mut refused = scout(&data);
    let out = refused
        .args(["restore", "--from"])
        .arg(&backup_dir)
        .output()
        .unwrap();
    assert!(!out.status.success());

    // restored elsewhere, everything acknowledged before the backup is there
    let restored = dir.path().join("restored");
    let mut r = scout(&restored);
    r.args(["restore", "--from"]).arg(&backup_dir);
    ok(r);
    let port2 = free_port();
    let base2 = format!("http://127.0.0.1:{port2}");
    let mut second = spawn_server(scout(&restored), port2);
    wait_for_server(&client, port2).await;
    wait_indexed(&client, &base2, N).await;
    assert_eq!(search_count(&client, &base2, &key).await, count);
    for id in before.iter().chain([&sourcing]) {
        let (status, body) = get(&client, &base2, &key, &format!("/v1/sourcings/{id}")).await;
        assert_eq!(status, 200, "{id}: {body}");
    }
    let (_, candidates) = get(
        &client,
        &base2,
        &key,
        &format!("/v1/sourcings/{sourcing}/candidates?pageSize=50"),
    )
    .await;
    assert_eq!(candidates["data"]["pagination"]["total"], 3, "{candidates}");
    let (_, members) = get(
        &client,
        &base2,
        &key,
        &format!("/v1/pools/candidates/{list}"),
    )
    .await;
    assert_eq!(members["data"]["candidateCount"], 3, "{members}");
    let (status, body) = get(&client, &base2, &key, &format!("/api/v1/sourcing/{lead}")).await;
    assert_eq!(status, 200, "{body}");
    let res = client
        .get(format!("{base2}/api/v1/sourcing/{lead}/cv"))
        .header("x-api-key", &key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.bytes().await.unwrap().len(),
        std::fs::metadata(cvs.join("cv00-classic.pdf"))
            .unwrap()
            .len() as usize
    );

    for s in [&mut server, &mut second] {
        s.kill().unwrap();
        s.wait().unwrap();
    }
}

#[test]
fn erasure_and_retention_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = dir.path().join("p.jsonl");
    generate(&data, &input, 200, 8);
    ok(import_command(&data, &input));
    unlimited_key(&data, "talents:search");
    let first: Value = serde_json::from_str(
        std::fs::read_to_string(&input)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let id = first["id"].as_str().unwrap();
    let name = format!(
        "{} {}",
        first["firstname"].as_str().unwrap(),
        first["lastname"].as_str().unwrap()
    );
    let found = |query: &str| {
        let mut s = scout(&data);
        s.args(["--json", "search", "--keyword", query]);
        let out: Value = serde_json::from_str(&ok(s)).unwrap();
        out.to_string().contains(id)
    };
    assert!(found(&name), "{name} is found before");

    let mut e = scout(&data);
    e.args(["--json", "erase", id]);
    let erased: Value = serde_json::from_str(&ok(e)).unwrap();
    assert_eq!(erased["erasure"]["counts"]["profiles"], 1, "{erased}");
    assert_eq!(erased["indexUpdated"], true);
    assert!(!found(&name), "{name} is gone from the index");

    // importing the same file again skips her and says so
    let again: Value = serde_json::from_str(&ok(import_command(&data, &input))).unwrap();
    assert_eq!(again["erased"], 1, "{again}");
    assert!(!found(&name));

    let mut r = scout(&data);
    r.args(["--json", "retention", "--workspace", "w", "--months", "6"]);
    let applied: Value = serde_json::from_str(&ok(r)).unwrap();
    assert_eq!(applied["workspaces"][0]["months"], 6, "{applied}");
    assert_eq!(applied["workspaces"][0]["candidates"], 0);
    let mut r = scout(&data);
    r.args(["--json", "retention", "--dry-run"]);
    let dry: Value = serde_json::from_str(&ok(r)).unwrap();
    assert_eq!(dry["dryRun"], true);
    assert_eq!(dry["workspaces"].as_array().unwrap().len(), 1);
    let mut r = scout(&data);
    r.args(["retention", "--workspace", "nope", "--months", "3"]);
    assert!(!r.output().unwrap().status.success());
    let mut r = scout(&data);
    r.args(["retention", "--workspace", "w", "--off"]);
    ok(r);
    let mut r = scout(&data);
    r.args(["--json", "retention"]);
    let none: Value = serde_json::from_str(&ok(r)).unwrap();
    assert_eq!(none["workspaces"], json!([]));
}

/// docs/operations.md, Backups, PostgreSQL: a `pg_dump` restored with
/// `pg_restore` into another database serves everything, and a server
/// started on it with an empty data directory builds its index from the
/// store before `/ready` says ready.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_dump_restored_elsewhere_gets_its_index_rebuilt() {
    let pg = scout_store::testing::PgServer::start()
        .unwrap_or_else(|e| panic!("PostgreSQL is required for this test: {e}"));
    let (from, to) = (
        pg.fresh_database().await.unwrap(),
        pg.fresh_database().await.unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    let input = dir.path().join("p.jsonl");
    const N: u64 = 1_000;
    generate(&first, &input, N, 4);
    let on = |mut c: Command, url: &str| {
        c.env("SCOUT_DATABASE_URL", url);
        c
    };
    ok(on(import_command(&first, &input), &from));
    let key = key_of(&ok(on(
        key_command(&first, "talents:search,sourcing:read"),
        &from,
    )));
    let mut create = scout(&first);
    create.args(["sourcing", "create", "--workspace", "w", "--title", "Kept"]);
    ok(on(create, &from));

    let dump = dir.path().join("scout.pgdump");
    let out = Command::new(pg.program("pg_dump"))
        .args(["-Fc", "-f"])
        .arg(&dump)
        .args(["-d", &from])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(pg.program("pg_restore"))
        .args(["--no-owner", "-d", &to])
        .arg(&dump)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = spawn_server(on(scout(&second), &to), port);
    let client = reqwest::Client::new();
    wait_for_server(&client, port).await;
    wait_indexed(&client, &base, N).await;
    let ready = client.get(format!("{base}/ready")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    assert!(search_count(&client, &base, &key).await > 0);
    let (status, list) = get(&client, &base, &key, "/v1/sourcings").await;
    assert_eq!(status, 200, "{list}");
    assert!(list.to_string().contains("Kept"), "{list}");
    server.kill().unwrap();
    server.wait().unwrap();
}
