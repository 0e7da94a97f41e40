//! `scout sourcing …`: sourcing projects and their pipelines from the
//! command line, straight on the store (for scripting; the HTTP API is the
//! same data). Fits are scored with the index's engine, as the server does.

use anyhow::{bail, Context};
use scout_model::Stage;
use scout_store::{
    ArchiveFilter, CandidateChange, CandidateQuery, CandidateSort, NewCandidate, NewSourcing, Store,
};
use serde_json::json;

use crate::cli::SourcingCommand;
use crate::config::Paths;
use crate::output;

async fn workspace(store: &Store, name: &str, create: bool) -> anyhow::Result<String> {
    store
        .workspace_id(name, create)
        .await?
        .with_context(|| format!("no workspace named `{name}`"))
}

fn requirements(raw: Option<&str>) -> anyhow::Result<serde_json::Value> {
    let Some(raw) = raw else {
        return Ok(json!([]));
    };
    let text = match raw.strip_prefix('@') {
        Some(file) => {
            std::fs::read_to_string(file).with_context(|| format!("cannot read {file}"))?
        }
        None => raw.to_owned(),
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).context("--requirements is not JSON")?;
    match scout_query::parse_filter_list(&value, Vec::new()) {
        Ok(filters) => Ok(serde_json::Value::Array(
            filters
                .iter()
                .map(scout_query::search_request::filter_to_json)
                .collect(),
        )),
        Err(issues) => {
            let lines: Vec<String> = issues
                .iter()
                .map(|i| format!("{:?}: {}", i.path, i.message))
                .collect();
            bail!("invalid requirements:\n  {}", lines.join("\n  "))
        }
    }
}

/// Scores whatever is stale (new candidates included), as the server would.
async fn rescore(paths: &Paths, store: &Store) -> anyhow::Result<u64> {
    let engine = paths.open_engine()?;
    engine.remember_organizations(&store.all_organizations().await?);
    Ok(scout_ingest::candidates::refresh_stale(store, &engine).await?)
}

pub async fn run(paths: &Paths, cmd: SourcingCommand, as_json: bool) -> anyhow::Result<()> {
    let store = paths.open_store().await?;
    match cmd {
        SourcingCommand::Create {
            workspace: ws,
            title,
            description,
            location,
            requirements: raw,
        } => {
            if title.trim().is_empty() {
                bail!("--title must not be empty");
            }
            let ws = workspace(&store, &ws, true).await?;
            let new = NewSourcing {
                title,
                description,
                location,
                salary: None,
                requirements: requirements(raw.as_deref())?,
                created_by: Some("cli".into()),
            };
            let s = store.create_sourcing(&ws, &new).await?;
            if as_json {
                output::json(&json!({"id": s.id, "title": s.title}))?;
            } else {
                println!("{}", s.id);
            }
        }
        SourcingCommand::List { workspace: ws, all } => {
            let ws = workspace(&store, &ws, false).await?;
            let filter = if all {
                ArchiveFilter::All
            } else {
                ArchiveFilter::Active
            };
            let (list, _) = store.list_sourcings(&ws, filter, 0, i64::MAX).await?;
            if as_json {
                let rows: Vec<_> = list
                    .iter()
                    .map(|s| json!({"id": s.id, "title": s.title, "location": s.location, "candidates": s.candidate_count, "archived": s.archived_at.is_some()}))
                    .collect();
                output::json(&rows)?;
            } else {
                for s in list {
                    println!(
                        "{}  {}  ({} candidates){}",
                        s.id,
                        s.title,
                        s.candidate_count,
                        if s.archived_at.is_some() {
                            "  [archived]"
                        } else {
                            ""
                        }
                    );
                }
            }
        }
        SourcingCommand::Add {
            workspace: ws,
            sourcing_id,
            talent_ids,
            status,
        } => {
            let ws = workspace(&store, &ws, false).await?;
            let sourcing = store
                .get_sourcing(&ws, &sourcing_id)
                .await?
                .with_context(|| format!("no sourcing `{sourcing_id}` in this workspace"))?;
            let stage = match status.as_deref() {
                None => Stage::ToBeContacted,
                Some(s) => Stage::parse(s).with_context(|| format!("unknown status `{s}`"))?,
            };
            let profiles = store.get_profiles(Some(&ws), &talent_ids).await?;
            let found: std::collections::HashSet<&str> =
                profiles.iter().map(|p| p.talent.id.as_str()).collect();
            let missing: Vec<&String> = talent_ids
                .iter()
                .filter(|t| !found.contains(t.as_str()))
                .collect();
            if !missing.is_empty() {
                bail!("unknown talent id(s): {missing:?}");
            }
            let new: Vec<NewCandidate> = profiles
                .iter()
                .map(|p| NewCandidate {
                    talent_id: Some(p.talent.id.clone()),
                    kind: scout_model::CandidateType::Prospect,
                    stage,
                    profile: scout_ingest::candidates::snapshot(&p.talent),
                    source: Some("Scout CLI".into()),
                    salary_expectation: None,
                    stated_years: None,
                    profile_seq: Some(p.seq),
                    fit: None,
                })
                .collect();
            let added = store
                .add_candidates(&sourcing.id, Some("cli"), &new)
                .await?;
            let scored = rescore(paths, &store).await?;
            let created = added.iter().filter(|a| a.created).count();
            if as_json {
                output::json(
                    &json!({"added": created, "existing": added.len() - created, "scored": scored}),
                )?;
            } else {
                println!("added {created}, already there {}", added.len() - created);
            }
        }
        SourcingCommand::Status {
            workspace: ws,
            sourcing_id,
            candidate,
            status,
            user,
        } => {
            let ws = workspace(&store, &ws, false).await?;
            let sourcing = store
                .get_sourcing(&ws, &sourcing_id)
                .await?
                .with_context(|| format!("no sourcing `{sourcing_id}` in this workspace"))?;
            let stage = Stage::parse(&status).with_context(|| {
                let known: Vec<&str> = Stage::ALL.iter().map(|s| s.handle()).collect();
                format!("unknown status `{status}`; known: {}", known.join(", "))
            })?;
            let id = if candidate.starts_with("cand_") {
                candidate.clone()
            } else {
                store
                    .all_candidates(&sourcing.id)
                    .await?
                    .into_iter()
                    .find(|c| c.talent_id.as_deref() == Some(candidate.as_str()))
                    .map(|c| c.id)
                    .with_context(|| format!("`{candidate}` is not a candidate of this sourcing"))?
            };
            let changed = store
                .change_candidate(
                    &sourcing.id,
                    &id,
                    Some(&user),
                    &[CandidateChange::Stage(stage)],
                )
                .await?
                .with_context(|| format!("no candidate `{id}` in this sourcing"))?;
            if as_json {
                output::json(&json!({"id": changed.id, "statusHandle": changed.stage.handle()}))?;
            } else {
                println!("{} → {}", changed.id, changed.stage.handle());
            }
        }
        SourcingCommand::Candidates {
            workspace: ws,
            sourcing_id,
        } => {
            let ws = workspace(&store, &ws, false).await?;
            let sourcing = store
                .get_sourcing(&ws, &sourcing_id)
                .await?
                .with_context(|| format!("no sourcing `{sourcing_id}` in this workspace"))?;
            let query = CandidateQuery {
                sourcing_id: sourcing.id,
                stages: Stage::ALL.to_vec(),
                text: None,
                locations: vec![],
                job_titles: vec![],
                companies: vec![],
                sort: CandidateSort::CreatedAt,
                descending: false,
                offset: 0,
                limit: i64::MAX,
            };
            let (mut list, _) = store.list_candidates(&query).await?;
            list.sort_by_key(|c| std::cmp::Reverse(c.fit.as_ref().map(|f| f.0.score)));
            if as_json {
                let rows: Vec<_> = list
                    .iter()
                    .map(|c| json!({"id": c.id, "talentId": c.talent_id, "name": c.profile.full_name(), "statusHandle": c.stage.handle(), "fit": c.fit.as_ref().map(|f| &f.0)}))
                    .collect();
                output::json(&rows)?;
            } else {
                for c in list {
                    let (score, decision) = c
                        .fit
                        .as_ref()
                        .map(|(f, _)| (f.score.to_string(), f.decision.as_str()))
                        .unwrap_or(("-".into(), "-"));
                    println!(
                        "{}  {:<24} {:<16} fit {:>3} {:<9}  {}",
                        c.id,
                        c.profile.full_name().unwrap_or_default(),
                        c.stage.handle(),
                        score,
                        decision,
                        c.profile.job_title.unwrap_or_default()
                    );
                }
            }
        }
    }
    Ok(())
}
