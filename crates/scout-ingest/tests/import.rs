//! The importer against a real store and index: bad inputs, duplicates,
//! idempotent re-imports, gzip, organizations.

use std::io::Write;
use std::path::{Path, PathBuf};

use scout_engine::Engine;
use scout_ingest::import::{ImportOptions, Silent};
use scout_ingest::import_files;
use scout_store::Store;

struct Env {
    _dir: tempfile::TempDir,
    root: PathBuf,
    store: Store,
    engine: Engine,
}

async fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let store = Store::open(&root.join("scout.db").to_string_lossy())
        .await
        .unwrap();
    let engine = Engine::open(&root.join("index")).unwrap();
    Env {
        _dir: dir,
        root,
        store,
        engine,
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::File::create(path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
}

async fn run(env: &Env, files: &[PathBuf], max_line: usize) -> scout_ingest::ImportSummary {
    let mut writer = env.engine.writer(50_000_000).unwrap();
    let mut options = ImportOptions::new(env.root.join("rejects"));
    options.max_line_bytes = max_line;
    let s = import_files(files, &env.store, Some(&mut writer), &options, &Silent)
        .await
        .unwrap();
    drop(writer);
    env.engine.reload().unwrap();
    s
}

#[tokio::test]
async fn every_bad_line_is_rejected_with_its_line_and_reason_and_the_rest_imported() {
    let env = env().await;
    let path = env.root.join("mixed.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"{\"id\":\"ok1\",\"firstname\":\"Ada\",\"jobTitle\":\"Engineer\"}\n"); // 1 ok
    bytes.extend_from_slice(b"{\"id\":\"bad\",\"firstname\":\n"); // 2 malformed
    bytes.extend_from_slice(b"{\"id\":\"t2\",\"skills\":\"not a list\"}\n"); // 3 wrong type
    bytes.extend_from_slice(b"{\"firstname\":\"NoId\"}\n"); // 4 missing id
    bytes.extend_from_slice(b"{\"id\":\"t4\",\"firstName\":\"Typo\"}\n"); // 5 unknown field
    bytes.extend_from_slice(
        format!("{{\"id\":\"big\",\"summary\":\"{}\"}}\n", "x".repeat(500)).as_bytes(),
    ); // 6 oversize
    bytes.extend_from_slice(b"{\"id\":\"utf\",\"firstname\":\"\xff\xfe\"}\n"); // 7 invalid UTF-8
    bytes.extend_from_slice(b"\n"); // 8 blank: skipped
    bytes.extend_from_slice(b"[1,2,3]\n"); // 9 not an object
    bytes.extend_from_slice(b"{\"id\":\"dup\",\"jobTitle\":\"First\"}\n"); // 10 ok
    bytes.extend_from_slice(b"{\"id\":\"dup\",\"jobTitle\":\"Second\"}\n"); // 11 duplicate: refused
    bytes.extend_from_slice(
        b"{\"id\":\"dates\",\"experiences\":[{\"startDate\":\"March 2020\"}]}\n",
    ); // 12 bad date
    bytes.extend_from_slice(b"{\"id\":\"\"}\n"); // 13 empty id
    bytes.extend_from_slice(b"{\"id\":\"ok2\"}"); // 14 ok, no trailing newline
    write(&path, &bytes);

    let s = run(&env, std::slice::from_ref(&path), 300).await;
    assert_eq!((s.inserted, s.updated, s.unchanged), (3, 0, 0), "{s:?}");
    assert_eq!(s.rejected, 10, "{s:?}");
    assert_eq!(env.store.count_profiles().await.unwrap(), 3);
    assert_eq!(env.engine.num_docs(), 3);
    let dup = env.store.get_profiles(None, &["dup".into()]).await.unwrap();
    assert_eq!(
        dup[0].talent.job_title.as_deref(),
        Some("First"),
        "the first line is kept"
    );

    let rejects = std::fs::read_to_string(&s.rejects_files[0]).unwrap();
    let rows: Vec<serde_json::Value> = rejects
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let reason = |line: u64| {
        rows.iter()
            .find(|r| r["line"] == line)
            .map(|r| r["reason"].as_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert!(reason(2).starts_with("malformed JSON"), "{}", reason(2));
    assert!(reason(3).contains("invalid type"), "{}", reason(3));
    assert!(reason(4).starts_with("missing id"), "{}", reason(4));
    assert!(
        reason(5).contains("unknown field `firstName`"),
        "{}",
        reason(5)
    );
    assert!(reason(6).contains("longer than 300 bytes"), "{}", reason(6));
    assert!(reason(7).contains("invalid UTF-8"), "{}", reason(7));
    assert!(
        reason(9).contains("JSON object") || reason(9).contains("invalid type"),
        "{}",
        reason(9)
    );
    assert!(reason(12).contains("ISO 8601"), "{}", reason(12));
    assert!(reason(11).contains("duplicate id `dup`"), "{}", reason(11));
    assert!(reason(13).contains("missing id"), "{}", reason(13));
    assert_eq!(rows.len(), 10);
    assert!(!s.is_complete());
    // and importing the same file again changes nothing
    let again = run(&env, std::slice::from_ref(&path), 300).await;
    assert_eq!(
        (again.inserted, again.updated, again.unchanged),
        (0, 0, 3),
        "{again:?}"
    );
}

#[tokio::test]
async fn reimport_is_idempotent_and_updates_only_what_changed() {
    let env = env().await;
    let path = env.root.join("p.jsonl");
    let profiles: String = (0..50).map(|i| format!("{{\"id\":\"p{i}\",\"jobTitle\":\"Nurse\",\"city\":\"Lyon\",\"country\":\"France\"}}\n")).collect();
    write(&path, profiles.as_bytes());
    let first = run(&env, std::slice::from_ref(&path), 1 << 20).await;
    assert_eq!(first.inserted, 50);
    let again = run(&env, std::slice::from_ref(&path), 1 << 20).await;
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 50));
    let changed = profiles.replace(
        "\"p7\",\"jobTitle\":\"Nurse\"",
        "\"p7\",\"jobTitle\":\"Doctor\"",
    );
    write(&path, changed.as_bytes());
    let third = run(&env, std::slice::from_ref(&path), 1 << 20).await;
    assert_eq!((third.inserted, third.updated, third.unchanged), (0, 1, 49));
    assert_eq!(env.store.count_profiles().await.unwrap(), 50);
    assert_eq!(
        env.engine.num_docs(),
        50,
        "an update replaces the index entry, never duplicates it"
    );
}

#[tokio::test]
async fn gzip_files_and_organization_files_are_recognised() {
    let env = env().await;
    let orgs = env.root.join("orgs.jsonl");
    write(&orgs, b"{\"id\":\"o1\",\"name\":\"Acme\",\"size\":\"51-200\",\"industry\":\"software development\"}\n{\"id\":\"o2\",\"name\":\"Bad\",\"size\":\"huge\"}\n");
    let gz = env.root.join("p.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(b"{\"id\":\"g1\",\"currentOrganization\":{\"id\":\"o1\",\"name\":\"Acme\"}}\n")
        .unwrap();
    write(&gz, &enc.finish().unwrap());
    let s = run(&env, &[orgs, gz], 1 << 20).await;
    assert_eq!((s.inserted, s.rejected), (2, 1), "{s:?}");
    assert_eq!(env.store.all_organizations().await.unwrap().len(), 1);
    assert_eq!(env.store.count_profiles().await.unwrap(), 1);
}

#[tokio::test]
async fn an_index_ahead_of_its_store_is_rebuilt_from_the_store() {
    let env = env().await;
    let path = env.root.join("p.jsonl");
    let line = |i: usize| format!("{{\"id\":\"p{i}\",\"jobTitle\":\"Nurse\"}}\n");
    write(&path, (0..40).map(line).collect::<String>().as_bytes());
    run(&env, std::slice::from_ref(&path), 1 << 20).await;
    assert_eq!(env.engine.num_docs(), 40);

    // The store is replaced by an older, smaller one; the index stays.
    let older = Store::open(&env.root.join("older.db").to_string_lossy())
        .await
        .unwrap();
    write(&path, (30..45).map(line).collect::<String>().as_bytes());
    let replaced = Env {
        store: older,
        ..env
    };
    let s = run(&replaced, std::slice::from_ref(&path), 1 << 20).await;
    assert_eq!(s.inserted, 15);
    assert_eq!(
        replaced.engine.num_docs(),
        15,
        "the index now mirrors the store it follows, without stale or doubled entries"
    );
}

fn profile_lines(range: std::ops::Range<usize>) -> String {
    range
        .map(|i| format!("{{\"id\":\"p{i}\",\"firstname\":\"Ada\",\"jobTitle\":\"Nurse\"}}\n"))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

#[tokio::test]
async fn a_file_of_profiles_is_not_read_as_organizations_because_of_its_first_line() {
    let env = env().await;
    let path = env.root.join("p.jsonl");
    let mut text = String::from("{\"id\":\"org_x\",\"name\":\"Acme\"}\n");
    text.push_str(&profile_lines(0..1000));
    write(&path, text.as_bytes());
    let s = run(&env, std::slice::from_ref(&path), 1 << 20).await;
    assert_eq!((s.inserted, s.rejected), (1000, 1), "{s:?}");
    assert_eq!(env.store.count_profiles().await.unwrap(), 1000);
    let rejects = std::fs::read_to_string(&s.rejects_files[0]).unwrap();
    assert!(
        rejects.contains("an organization in a file of profiles"),
        "{rejects}"
    );
    assert!(!s.is_complete());
}

#[tokio::test]
async fn a_damaged_gzip_keeps_every_line_before_the_damage_and_says_where() {
    let env = env().await;
    // truncated: the last readable batch is imported too
    let whole = gzip(profile_lines(0..3000).as_bytes());
    let truncated = env.root.join("truncated.jsonl.gz");
    write(&truncated, &whole[..whole.len() * 2 / 3]);
    // complete, with trailing garbage
    let mut garbage = gzip(profile_lines(3000..6000).as_bytes());
    garbage.extend_from_slice(b"this is not gzip at all");
    let trailing = env.root.join("trailing.jsonl.gz");
    write(&trailing, &garbage);
    let s = run(&env, &[truncated.clone(), trailing.clone()], 1 << 20).await;
    assert_eq!(s.damaged.len(), 2, "{s:?}");
    assert_eq!(s.damaged[0].file, truncated);
    assert_eq!(s.damaged[1].file, trailing);
    assert_eq!(s.damaged[1].lines_read, 3000);
    let stored = env.store.count_profiles().await.unwrap() as u64;
    assert!(
        stored >= 3000 + 1500,
        "most of the truncated file and all of the other: {stored}"
    );
    assert_eq!(s.inserted, stored, "every line read was imported");
    assert_eq!(s.damaged[0].lines_read, stored - 3000 + s.rejected, "{s:?}");
    assert!(!s.is_complete());
}

#[tokio::test]
async fn a_byte_order_mark_is_not_part_of_the_first_record() {
    let env = env().await;
    let path = env.root.join("bom.jsonl");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(profile_lines(0..3).as_bytes());
    write(&path, &bytes);
    let s = run(&env, std::slice::from_ref(&path), 1 << 20).await;
    assert_eq!((s.inserted, s.rejected), (3, 0), "{s:?}");
    assert!(s.is_complete());
}
