//! `scout duplicates scan|list`: one person once from the command line —
//! look at a pool's profiles (certain duplicates merged, probable ones
//! queued), or list its queue (docs/data.md).

use crate::config::Paths;

/// `scout duplicates scan|list`.
pub async fn run(
    paths: &Paths,
    action: &str,
    workspace: Option<&str>,
    status: &str,
    as_json: bool,
) -> anyhow::Result<()> {
    let store = paths.open_store().await?;
    let owner = crate::data::pool_owner(&store, workspace).await?;
    if action == "scan" {
        let outcome = store.scan_duplicates(owner.as_deref(), "cli").await?;
        if as_json {
            return crate::output::json(&outcome);
        }
        println!(
            "{} profiles looked at: {} certain duplicates merged, {} probable ones queued for review",
            outcome.profiles, outcome.merged, outcome.queued
        );
        return Ok(());
    }
    let (pairs, total) = store
        .list_duplicates(
            owner.as_deref(),
            &scout_store::duplicates::DuplicateQuery {
                status: Some(status.to_owned()),
                offset: 0,
                limit: 1000,
            },
        )
        .await?;
    if as_json {
        return crate::output::json(&serde_json::json!({"duplicates": pairs, "total": total}));
    }
    println!("{total} {status}");
    for d in pairs {
        println!(
            "  {}  {} ~ {}  ({}{})",
            d.id,
            d.talent_ids[0],
            d.talent_ids[1],
            d.reason.as_str(),
            d.survivor_id
                .map(|s| format!(", kept {s}"))
                .unwrap_or_default()
        );
    }
    Ok(())
}
