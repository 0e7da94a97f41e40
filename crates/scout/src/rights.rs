//! `scout erase` and `scout retention`: people's data rights from the
//! command line (docs/operations.md, "Data rights"). The store does the
//! work (`scout_store::data_rights`); here the index is brought up to date
//! when no server holds it (a running server follows the store itself).

use anyhow::{bail, Context};
use scout_ingest::sync;
use scout_store::data_rights::PersonRef;
use serde_json::json;

use crate::config::Paths;
use crate::data::try_writer;
use crate::output;

/// Applies the store's latest changes (an erasure's tombstones) to the
/// index, unless a running server holds it; says which.
async fn update_index(paths: &Paths, store: &scout_store::Store) -> anyhow::Result<bool> {
    let engine = paths.open_engine()?;
    let Some(mut writer) = try_writer(&engine, paths.writer_budget)? else {
        return Ok(false);
    };
    sync::load_organizations(store, &mut writer).await?;
    // catching up commits what it applied
    sync::catch_up(store, &mut writer, &|_, _| {}).await?;
    // merged down before this process exits, so that the deleted
    // profile's terms leave the index's files now
    tokio::task::spawn_blocking(move || writer.optimize())
        .await
        .context("the index merge stopped")??;
    Ok(true)
}

/// `scout erase PERSON`.
pub async fn erase(paths: &Paths, raw: &str, as_json: bool) -> anyhow::Result<()> {
    let Some(person) = PersonRef::parse(raw) else {
        bail!("name the person by an e-mail address or a talent id");
    };
    let store = paths.open_store().await?;
    let erasure = store
        .erase_person(&person, "cli", Some(cli_event("erased")))
        .await
        .context("the erasure failed; nothing was changed")?;
    let indexed = update_index(paths, &store).await?;
    if as_json {
        output::json(&json!({
            "erasure": {"id": erasure.id, "at": erasure.at, "counts": erasure.counts},
            "indexUpdated": indexed,
        }))?;
        return Ok(());
    }
    let c = erasure.counts;
    if c.profiles + c.candidates + c.leads + c.list_memberships == 0
        && c.suppressed_identifiers == 0
    {
        println!(
            "erasure {}: Scout held nothing about this person (already erased, or never stored)",
            erasure.id
        );
        return Ok(());
    }
    println!(
        "erasure {}: {} profile(s), {} candidate entr(ies) with {} note(s) and change(s), {} lead(s) and {} CV file(s), \
         {} list place(s); the person taken out of {} saved search(es) and {} search page(s); \
         {} identifier(s) on the suppression list",
        erasure.id,
        c.profiles,
        c.candidates,
        c.candidate_events,
        c.leads,
        c.cv_files,
        c.list_memberships,
        c.saved_searches,
        c.search_transactions,
        c.suppressed_identifiers,
    );
    if !indexed {
        println!("the running server takes the profile out of its index within a second");
    }
    Ok(())
}

fn cli_event(action: &str) -> scout_store::data_rights::AuditEvent {
    scout_store::data_rights::AuditEvent {
        id: 0,
        at: 0,
        workspace_id: None,
        actor: "cli".into(),
        action: action.into(),
        subject: String::new(),
        detail: Some("from the command line".into()),
        client: None,
        request_id: None,
    }
}

/// `scout retention [--workspace W --months N|--off] [--dry-run]`.
pub async fn retention(
    paths: &Paths,
    workspace: Option<&str>,
    months: Option<i64>,
    off: bool,
    dry_run: bool,
    as_json: bool,
) -> anyhow::Result<()> {
    let store = paths.open_store().await?;
    if months.is_some() || off {
        let Some(name) = workspace else {
            bail!("--months and --off set one workspace's retention: name it with --workspace");
        };
        let Some(id) = store.workspace_id(name, false).await? else {
            bail!("there is no workspace {name}");
        };
        store.set_retention(&id, months).await?;
        if !as_json {
            match months {
                Some(m) => println!(
                    "{name}: candidates and leads nobody touched for {m} month(s) are removed"
                ),
                None => println!("{name}: no retention period (kept until removed by hand)"),
            }
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let outcomes = store.apply_retention(now, dry_run).await?;
    if as_json {
        output::json(&json!({"dryRun": dry_run, "workspaces": outcomes}))?;
        return Ok(());
    }
    if outcomes.is_empty() {
        println!("no workspace has a retention period");
    }
    let verb = if dry_run { "would remove" } else { "removed" };
    for o in &outcomes {
        println!(
            "{}: {} month(s): {verb} {} candidate(s) and {} lead(s) untouched since {}",
            o.workspace,
            o.months,
            o.candidates,
            o.leads,
            time::OffsetDateTime::from_unix_timestamp(o.cutoff / 1000)
                .map(|t| t.date().to_string())
                .unwrap_or_default()
        );
    }
    Ok(())
}
