//! `scout bench duplicates`: how well one person once works, on generated
//! profiles with planted duplicates. Every base profile comes with an
//! e-mail and a phone (as a CSV would give them); then copies of some are
//! imported under new ids, five kinds in turn:
//!
//! 1. the same LinkedIn address (other fields changed) — certain;
//! 2. the same e-mail, no LinkedIn address — certain;
//! 3. the employer written with a legal form ("Acme" → "Acme Inc."), no
//!    LinkedIn or e-mail — probable (name and employer);
//! 4. a typo in the first name, the phone written another way — probable;
//! 5. a typo in the first name and nothing else in common — which the rules
//!    cannot see: it counts against recall, as it would for a user.
//!
//! A planted copy is found when it was merged into its original or queued
//! with it; every other merge or queued pair (two different generated
//! people) is a false positive. Also reports the import speed with
//! detection on, store only.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use scout_ingest::generate::Generator;
use scout_model::Talent;
use scout_store::duplicates::{Contacts, DuplicateQuery};
use scout_store::{Store, UpsertOutcome};
use serde_json::json;

use crate::config::Paths;
use crate::output;

const KINDS: [&str; 5] = [
    "same LinkedIn address",
    "same e-mail",
    "employer with a legal form",
    "name typo, same phone",
    "name typo only",
];

fn contacts_of(i: u64) -> Contacts {
    Contacts {
        emails: vec![format!("person{i}@example.test")],
        phones: vec![format!(
            "+1 555 {:03} {:04}",
            (i / 10_000) % 1000,
            i % 10_000
        )],
    }
}

fn typo(name: &Option<String>) -> Option<String> {
    name.as_ref().map(|n| {
        let mut c: Vec<char> = n.chars().collect();
        if c.len() >= 3 {
            c.swap(1, 2);
        }
        c.into_iter().collect()
    })
}

/// The copy of `t` planted as kind `kind`, under `id`, with its contacts.
fn planted(t: &Talent, i: u64, kind: usize, id: String) -> (Talent, Contacts) {
    let mut copy = t.clone();
    copy.id = id;
    copy.summary = Some("Imported again from another source.".into());
    let mut contacts = Contacts::default();
    if kind != 0 {
        copy.linkedin_url = None;
    }
    match kind {
        0 => copy.city = Some("Elsewhere".into()),
        1 => contacts.emails = contacts_of(i).emails,
        2 => {
            let renamed = |n: &Option<String>| n.as_ref().map(|n| format!("{n} Inc."));
            if let Some(o) = copy.current_organization.as_mut() {
                o.name = renamed(&o.name);
            }
            for e in copy.experiences.iter_mut().filter(|e| e.is_current) {
                e.organization_name = renamed(&e.organization_name);
            }
        }
        3 => {
            copy.firstname = typo(&copy.firstname);
            let digits: String = contacts_of(i).phones[0]
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            contacts.phones = vec![format!("({}) {}", &digits[1..4], &digits[4..])];
        }
        _ => copy.firstname = typo(&copy.firstname),
    }
    (copy, contacts)
}

pub async fn run(
    paths: &Paths,
    profiles: u64,
    planted_count: u64,
    as_json: bool,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(&paths.data)?;
    let dir = tempfile::tempdir_in(&paths.data)?;
    let store = Store::open(&dir.path().join("scout.db").to_string_lossy()).await?;
    let generator = Generator::new(11, profiles as usize);
    store
        .upsert_organizations(generator.organizations(), "bench")
        .await?;
    let started = Instant::now();
    let mut base: Vec<Talent> = Vec::with_capacity(profiles as usize);
    for start in (0..profiles).step_by(5000) {
        let end = (start + 5000).min(profiles);
        let batch: Vec<Talent> = (start..end).map(|i| generator.profile(i)).collect();
        let contacts: Vec<Contacts> = (start..end).map(contacts_of).collect();
        store
            .import_profiles(&batch, &contacts, "base", None)
            .await?;
        base.extend(batch);
    }
    let base_seconds = started.elapsed().as_secs_f64();

    let step = (profiles / planted_count.max(1)).max(1);
    let mut copies = Vec::new();
    let mut contacts = Vec::new();
    let mut truth: HashMap<String, (String, usize)> = HashMap::new();
    for k in 0..planted_count.min(profiles) {
        let i = k * step;
        let kind = (k % KINDS.len() as u64) as usize;
        let (copy, c) = planted(&base[i as usize], i, kind, format!("planted-{k}"));
        truth.insert(copy.id.clone(), (base[i as usize].id.clone(), kind));
        copies.push(copy);
        contacts.push(c);
    }
    // the copies arrive in a later import, by a new process: it reads
    // the identity keys stored afresh (identity_filter.rs)
    drop(store);
    let store = Store::open(&dir.path().join("scout.db").to_string_lossy()).await?;
    let report = store
        .import_profiles(&copies, &contacts, "planted", None)
        .await?;
    let merged_on_arrival = report.count(UpsertOutcome::Merged);

    let all = |status: &str| DuplicateQuery {
        status: Some(status.into()),
        offset: 0,
        limit: 10_000_000,
    };
    let (open, _) = store.list_duplicates(None, &all("open")).await?;
    let (merged, _) = store.list_duplicates(None, &all("merged")).await?;
    let mut found_by_kind = [0u64; 5];
    let mut planted_by_kind = [0u64; 5];
    for (_, kind) in truth.values() {
        planted_by_kind[*kind] += 1;
    }
    let (mut true_pairs, mut false_pairs) = (0u64, 0u64);
    // [merged right, merged wrong, queued right, queued wrong]
    let mut split = [0u64; 4];
    let mut seen: HashSet<String> = HashSet::new();
    for d in open.iter().chain(&merged) {
        let queued = usize::from(d.status == "open") * 2;
        let [a, b] = &d.talent_ids;
        let hit = [(a, b), (b, a)].into_iter().find_map(|(copy, original)| {
            truth
                .get(copy.as_str())
                .filter(|(o, _)| o == original)
                .map(|(_, kind)| (copy.clone(), *kind))
        });
        match hit {
            Some((copy, kind)) => {
                if seen.insert(copy) {
                    true_pairs += 1;
                    found_by_kind[kind] += 1;
                    split[queued] += 1;
                }
            }
            None => {
                false_pairs += 1;
                split[queued + 1] += 1;
            }
        }
    }
    let detected = true_pairs + false_pairs;
    let precision = if detected == 0 {
        1.0
    } else {
        true_pairs as f64 / detected as f64
    };
    let recall = true_pairs as f64 / truth.len().max(1) as f64;
    let by_kind: Vec<serde_json::Value> = KINDS
        .iter()
        .enumerate()
        .map(|(k, name)| json!({"kind": name, "planted": planted_by_kind[k], "found": found_by_kind[k]}))
        .collect();
    let rate = profiles as f64 / base_seconds.max(1e-9);
    if as_json {
        return output::json(&json!({
            "profiles": profiles, "planted": truth.len(), "mergedOnArrival": merged_on_arrival,
            "queued": open.len(), "truePositives": true_pairs, "falsePositives": false_pairs,
            "precision": precision, "recall": recall, "byKind": by_kind,
            "merges": {"right": split[0], "wrong": split[1]},
            "queuedPairs": {"right": split[2], "wrong": split[3]},
            "importWithDetectionPerSecond": rate,
        }));
    }
    println!(
        "{profiles} generated profiles (each with an e-mail and a phone), {} planted copies",
        truth.len()
    );
    println!(
        "  merged on arrival {merged_on_arrival} ({} right, {} wrong); queued for review {} ({} right, {} different people)",
        split[0], split[1], open.len(), split[2], split[3]
    );
    println!(
        "  precision {precision:.3} ({true_pairs} right, {false_pairs} pairs of different people)  recall {recall:.3}"
    );
    for (k, name) in KINDS.iter().enumerate() {
        println!(
            "  {name:<28} {:>5} / {:<5}",
            found_by_kind[k], planted_by_kind[k]
        );
    }
    println!("  import with detection, store only: {rate:.0} profiles/s");
    Ok(())
}
