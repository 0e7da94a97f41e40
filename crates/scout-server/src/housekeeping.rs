//! What a running server forgets on schedule (documented in docs/access.md,
//! docs/leads.md and docs/operations.md): search transactions after
//! [`TRANSACTION_RETENTION`], failed leads — and their files, when no other
//! lead has the same one — after [`FAILED_LEAD_RETENTION`], and each
//! workspace's candidates and leads nobody touched within its own retention
//! period (`scout retention`). Looked at on start and every [`EVERY`];
//! several servers sharing a store each do it, harmlessly.

use std::time::Duration;

use scout_store::Store;

use crate::background_log::now_ms;

/// How long a search transaction can be named in `relatedSearchTransactionIds`.
pub const TRANSACTION_RETENTION: Duration = Duration::from_secs(30 * 24 * 3600);
/// How long a CV that could not be read is kept (for the uploader to see why).
pub const FAILED_LEAD_RETENTION: Duration = Duration::from_secs(30 * 24 * 3600);
/// How often the server looks.
pub const EVERY: Duration = Duration::from_secs(3600);

/// Forgets what is past its retention once.
pub async fn run_once(store: &Store) {
    let now = now_ms();
    let ago = |d: Duration| now - i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
    match store.prune_transactions(ago(TRANSACTION_RETENTION)).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(
            pruned = n,
            "forgot search transactions past their retention"
        ),
        Err(e) => tracing::warn!(error = %e, "cannot prune search transactions"),
    }
    match store.prune_failed_leads(ago(FAILED_LEAD_RETENTION)).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(pruned = n, "deleted failed leads past their retention"),
        Err(e) => tracing::warn!(error = %e, "cannot prune failed leads"),
    }
    match store.apply_retention(now, false).await {
        Ok(outcomes) => {
            for o in outcomes.iter().filter(|o| o.candidates + o.leads > 0) {
                tracing::info!(
                    workspace = %o.workspace,
                    months = o.months,
                    candidates = o.candidates,
                    leads = o.leads,
                    "removed candidates and leads past the workspace's retention"
                );
            }
        }
        Err(e) => tracing::warn!(error = %e, "cannot apply the workspaces' retention"),
    }
}

/// Runs [`run_once`] now and every [`EVERY`] until the task is dropped.
pub fn spawn(store: Store) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            run_once(&store).await;
        }
    })
}
