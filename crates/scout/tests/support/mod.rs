//! What the binary's end-to-end tests share: running `scout` on a data
//! directory, generating and importing profiles, keys, and waiting for a
//! server. Each test binary uses a part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn scout(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_scout"));
    c.arg("--data").arg(data).env("SCOUT_LOG", "warn");
    c
}

/// `scout generate`: `count` profiles of `seed` into `out` (and their
/// organizations beside it).
pub fn generate(data: &Path, out: &Path, count: u64, seed: u64) {
    let mut g = scout(data);
    g.args([
        "generate",
        "--count",
        &count.to_string(),
        "--seed",
        &seed.to_string(),
        "--out",
    ])
    .arg(out);
    ok(g);
}

/// An API key of workspace `w` with `scopes` (comma-separated) and limits
/// no test reaches.
pub fn unlimited_key(data: &Path, scopes: &str) -> String {
    key_of(&ok(key_command(data, scopes)))
}

/// The `scout keys create` of [`unlimited_key`], to run with more settings.
pub fn key_command(data: &Path, scopes: &str) -> Command {
    let mut k = scout(data);
    k.args([
        "--json",
        "keys",
        "create",
        "--workspace",
        "w",
        "--user",
        "u",
    ])
    .args([
        "--scopes",
        scopes,
        "--per-minute",
        "1000000",
        "--per-day",
        "1000000",
    ]);
    k
}

/// The key in `scout --json keys create`'s output.
pub fn key_of(out: &str) -> String {
    let key: serde_json::Value = serde_json::from_str(out).unwrap();
    key["key"].as_str().unwrap().to_owned()
}

/// `scout import` of `input` and its organizations, in batches of 500,
/// summarised as JSON.
pub fn import_command(data: &Path, input: &Path) -> Command {
    let mut import = scout(data);
    import
        .args(["--json", "import", "--batch-size", "500"])
        .arg(organizations_of(input))
        .arg(input);
    import
}

pub fn ok(mut c: Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A free loopback port.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits (at most 20 s) until `scout serve` answers on `port`.
pub async fn wait_for_server(client: &reqwest::Client, port: u16) {
    let started = Instant::now();
    while client
        .get(format!("http://127.0.0.1:{port}/health"))
        .send()
        .await
        .is_err()
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "server did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `scout generate`'s organizations file beside `profiles`.
pub fn organizations_of(profiles: &Path) -> std::path::PathBuf {
    profiles.with_file_name(format!(
        "{}.organizations.jsonl",
        profiles.file_stem().unwrap().to_string_lossy()
    ))
}

/// Waits until the server's index holds `n` talents.
pub async fn wait_indexed(client: &reqwest::Client, base: &str, n: u64) {
    let started = Instant::now();
    loop {
        let health: serde_json::Value = client
            .get(format!("{base}/health"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if health["indexedTalents"].as_u64() == Some(n) && health["status"] == "ok" {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "not caught up: {health}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Starts `scout serve` on `port` from `command` (a [`scout`] with the
/// settings the test wants), its output discarded.
pub fn spawn_server(mut command: Command, port: u16) -> Child {
    command
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}
