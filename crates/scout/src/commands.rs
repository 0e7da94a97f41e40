//! What each subcommand does.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use scout_engine::SearchOptions;
use scout_ingest::import::RecordKind;
use scout_ingest::sync::{self, Follower};
use scout_model::History;
use scout_query::{Criterion, Filter};
use scout_store::Store;
use serde_json::json;

use crate::cli::{
    Cli, Command, ConnectionArgs, DemoArgs, GenerateArgs, ImportArgs, KeysCommand, PromptModelArgs,
    SearchArgs,
};
use crate::config::Paths;
use crate::data::{import_paths, organizations_path, write_generated, ImportPlan};
use crate::output;
use scout_ingest::formats::Format;

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let paths = Paths::new(&cli.global);
    let as_json = cli.global.json;
    match cli.command {
        Command::Generate(args) => generate(&args, as_json),
        Command::Import(args) => import(&paths, &args, as_json).await,
        Command::Reindex => reindex(&paths, as_json).await,
        Command::Search(args) => search(&paths, &args, as_json).await,
        Command::Serve(args) => {
            serve(
                &paths,
                args.addr,
                &args.prompt_model,
                &args.connections,
                None,
                false,
            )
            .await
        }
        Command::Demo(args) => demo(&paths, &args, as_json).await,
        Command::Bench(cmd) => crate::bench::run(&paths, cmd, as_json).await,
        Command::Backup { to } => crate::backup::backup(&paths, &to, as_json).await,
        Command::Restore { from } => crate::backup::restore(&paths, &from, as_json).await,
        Command::Export {
            workspace,
            format,
            out,
        } => {
            crate::export::export(&paths, workspace.as_deref(), format == "csv", out.as_ref()).await
        }
        Command::Duplicates {
            action,
            workspace,
            status,
        } => crate::duplicates::run(&paths, &action, workspace.as_deref(), &status, as_json).await,
        Command::Erase { person } => crate::rights::erase(&paths, &person, as_json).await,
        Command::Retention {
            workspace,
            months,
            off,
            dry_run,
        } => {
            crate::rights::retention(&paths, workspace.as_deref(), months, off, dry_run, as_json)
                .await
        }
        // answered in `main`, before the runtime starts
        Command::Config(_) => Ok(()),
        Command::Keys(cmd) => keys(&paths, cmd, as_json).await,
        Command::Users(cmd) => crate::users::run(&paths, cmd, as_json).await,
        Command::Sourcing(cmd) => crate::sourcing::run(&paths, cmd, as_json).await,
        Command::Leads(cmd) => crate::leads::run(&paths, cmd, as_json).await,
    }
}

fn generate(args: &GenerateArgs, as_json: bool) -> anyhow::Result<()> {
    let g = write_generated(args.count, args.seed, &args.out, args.orgs_out.as_deref())?;
    let rate = g.profiles as f64 / g.seconds.max(1e-9);
    if as_json {
        output::json(
            &json!({"profiles": g.profiles, "organizations": g.organizations, "seconds": g.seconds, "profilesPerSecond": rate}),
        )?;
    } else {
        eprintln!(
            "generated {} profiles and {} organizations in {:.2}s ({:.0} profiles/s)",
            g.profiles, g.organizations, g.seconds, rate
        );
    }
    Ok(())
}

async fn import(paths: &Paths, args: &ImportArgs, as_json: bool) -> anyhow::Result<()> {
    for f in &args.files {
        if !f.is_file() && !f.is_dir() {
            bail!("{} is not a readable file or folder", f.display());
        }
    }
    let format = args.format.as_deref().and_then(Format::parse);
    let mut columns = Vec::new();
    for m in &args.map {
        let (column, field) = m
            .split_once('=')
            .with_context(|| format!("--map {m}: write it as COLUMN=FIELD"))?;
        columns.push((column.trim().to_owned(), field.trim().to_owned()));
    }
    if args.dry_run {
        return crate::export::dry_run(&args.files, format, &columns, as_json);
    }
    let kind = args.organizations.then_some(RecordKind::Organizations);
    let owner = match &args.workspace {
        Some(name) => {
            let store = paths.open_store().await?;
            crate::data::pool_owner(&store, Some(name)).await?
        }
        None => None,
    };
    let plan = ImportPlan {
        kind,
        batch: args.batch_size,
        owner,
        format,
        columns,
    };
    let s = import_paths(paths, &args.files, plan, as_json).await?;
    if as_json {
        output::json(&s)?;
    } else {
        println!(
            "{} lines from {} file(s) in {:.1}s ({:.0}/s): {} inserted, {} updated, {} unchanged, {} rejected",
            s.read,
            s.files,
            s.seconds,
            s.read as f64 / s.seconds.max(1e-9),
            s.inserted,
            s.updated,
            s.unchanged,
            s.rejected
        );
        if s.taken > 0 {
            println!(
                "{} profile(s) were not stored: their ids belong to {} (see docs/data.md, Ownership)",
                s.taken,
                if args.workspace.is_some() { "the shared pool" } else { "a workspace's own profiles" }
            );
        }
        if s.erased > 0 {
            println!(
                "{} profile(s) of people erased on request were skipped (they are on the suppression list)",
                s.erased
            );
        }
        for r in &s.rejects_files {
            println!("rejected lines and reasons: {}", r.display());
        }
        for d in &s.damaged {
            println!(
                "damaged: {} could not be read past line {} ({}); every line before it was imported",
                d.file.display(),
                d.lines_read,
                d.reason
            );
        }
    }
    if !s.is_complete() {
        return Err(Incomplete(format!(
            "the import is incomplete: {} line(s) rejected, {} file(s) damaged",
            s.rejected,
            s.damaged.len()
        ))
        .into());
    }
    Ok(())
}

/// A command that did its work but not all of it (an import with rejected
/// lines or a damaged file): the binary exits with status 2, not 1.
#[derive(Debug)]
pub struct Incomplete(pub String);

impl std::fmt::Display for Incomplete {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Incomplete {}

async fn reindex(paths: &Paths, as_json: bool) -> anyhow::Result<()> {
    let started = Instant::now();
    let store = paths.open_store().await?;
    let engine = match paths.open_engine() {
        Ok(e) => e,
        Err(_) => {
            // An index from another schema version: start from an empty directory.
            std::fs::remove_dir_all(&paths.index_dir).ok();
            paths.open_engine()?
        }
    };
    let mut writer = engine
        .writer(paths.writer_budget)
        .context("cannot rebuild while a server holds the index; stop it first")?;
    writer.clear()?;
    writer.commit()?;
    sync::load_organizations(&store, &mut writer).await?;
    let total = store.last_seq().await?;
    let bar = indicatif::ProgressBar::new(total.max(0) as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} reindex [{bar:30}] {pos}/{len} changes ({per_sec}, {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let applied = sync::catch_up(&store, &mut writer, &|done, _| {
        bar.set_position(done.max(0) as u64)
    })
    .await?;
    bar.finish_and_clear();
    writer.optimize()?;
    engine.reload()?;
    let docs = engine.num_docs();
    if as_json {
        output::json(
            &json!({"changes": applied, "indexedTalents": docs, "seconds": started.elapsed().as_secs_f64()}),
        )?;
    } else {
        println!(
            "rebuilt the index: {docs} talents from {applied} changes in {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn search_filters(args: &SearchArgs) -> Vec<Filter> {
    let mut filters = Vec::new();
    let pick = |c: Criterion, optional: bool| {
        if optional {
            Filter::optional(c)
        } else {
            Filter::required(c)
        }
    };
    for t in &args.title {
        filters.push(Filter::required(Criterion::JobTitle {
            title: t.clone(),
            history: History::Current,
        }));
    }
    if let Some(l) = &args.location {
        filters.push(Filter::required(Criterion::Location {
            place: l.clone(),
            radius_km: args.radius,
        }));
    }
    for s in &args.skill {
        filters.push(pick(Criterion::Skill(s.clone()), args.prefer));
    }
    for k in &args.keyword {
        filters.push(pick(Criterion::Keyword(k.clone()), args.prefer));
    }
    for c in &args.company {
        filters.push(Filter::required(Criterion::CompanyName {
            name: c.clone(),
            history: History::CurrentOrPast,
        }));
    }
    filters
}

async fn search(paths: &Paths, args: &SearchArgs, as_json: bool) -> anyhow::Result<()> {
    let filters = search_filters(args);
    if filters.is_empty() {
        bail!("give at least one of --title, --location, --skill, --keyword, --company");
    }
    let store = paths.open_store().await?;
    let engine = paths.open_engine()?;
    let started = Instant::now();
    let results = engine.search(
        &filters,
        &SearchOptions {
            limit: args.limit,
            ..Default::default()
        },
    )?;
    let took = started.elapsed();
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let profiles = store.get_profiles(None, &ids).await?;
    if as_json {
        let rows: Vec<_> = results
            .hits
            .iter()
            .zip(&profiles)
            .map(|(h, p)| json!({"score": h.score, "talent": p.talent}))
            .collect();
        output::json(
            &json!({"total": results.total, "results": rows, "tookMs": took.as_secs_f64() * 1000.0}),
        )?;
        return Ok(());
    }
    println!(
        "{} matching talents ({:.1} ms)",
        results.total,
        took.as_secs_f64() * 1000.0
    );
    for (i, (h, p)) in results.hits.iter().zip(&profiles).enumerate() {
        let t = &p.talent;
        let name = format!(
            "{} {}",
            t.firstname.as_deref().unwrap_or(""),
            t.lastname.as_deref().unwrap_or("")
        );
        let org = t
            .current_organization
            .as_ref()
            .and_then(|o| o.name.as_deref())
            .map(|o| format!(" @ {o}"))
            .unwrap_or_default();
        println!(
            "{:>3}. {:<28} {}{} — {}, {}  [score {:.2}]",
            i + 1,
            name.trim(),
            t.job_title.as_deref().unwrap_or("-"),
            org,
            t.city.as_deref().unwrap_or("-"),
            t.country.as_deref().unwrap_or("-"),
            h.score
        );
        let skills: Vec<&str> = t.skills.iter().take(6).map(String::as_str).collect();
        println!("     {}  skills: {}", t.id, skills.join(", "));
    }
    Ok(())
}

/// The prompt model's settings from the command line, checked.
fn prompt_model(args: &PromptModelArgs) -> anyhow::Result<Option<scout_server::ModelSettings>> {
    let (Some(url), Some(model)) = (&args.prompt_model_url, &args.prompt_model) else {
        return Ok(None);
    };
    if !url.starts_with("http://") {
        bail!(
            "--prompt-model-url must be an http:// URL (Scout bundles no TLS client; \
             run the model locally, e.g. Ollama, vLLM or llama.cpp, or behind a local proxy): {url}"
        );
    }
    Ok(Some(scout_server::ModelSettings {
        url: url.clone(),
        model: model.clone(),
        api_key: args.prompt_model_key.clone(),
        timeout: Duration::from_millis(args.prompt_model_timeout_ms.max(1)),
    }))
}

/// `scout config`: every setting in effect for `scout serve` and its source.
pub fn print_config(
    command: &clap::Command,
    matches: &clap::ArgMatches,
    loaded: &crate::config_file::Loaded,
    as_json: bool,
) -> std::process::ExitCode {
    let mut settings = crate::config_file::effective(command, matches, loaded);
    if let Some((name, sub)) = matches.subcommand() {
        if let Some(sub_command) = command.find_subcommand(name) {
            settings.extend(crate::config_file::effective(sub_command, sub, loaded));
        }
    }
    settings.remove("config");
    let file = loaded.path.as_ref().map(|p| p.display().to_string());
    if as_json {
        let out = json!({"file": file, "settings": settings});
        return match output::json(&out) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    println!(
        "# configuration file: {}",
        file.as_deref().unwrap_or("none")
    );
    for (name, s) in &settings {
        println!(
            "{name:<26} {:<32} {:<8} {}",
            s.value.as_deref().unwrap_or("(unset)"),
            s.source,
            s.env.as_deref().unwrap_or("")
        );
    }
    std::process::ExitCode::SUCCESS
}

/// File handles kept for the store, the index (its segments' files), the
/// follower and logs, whatever the number of connections.
const RESERVED_HANDLES: u64 = 512;

/// Connection bounds from the command line, within the file-handle limit
/// (raised to the hard limit first).
fn connection_limits(args: &ConnectionArgs) -> scout_server::connections::Limits {
    let handles = match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read or raise the file-handle limit");
            rlimit::getrlimit(rlimit::Resource::NOFILE)
                .map(|(soft, _)| soft)
                .unwrap_or(1024)
        }
    };
    let fits =
        usize::try_from(handles.saturating_sub(RESERVED_HANDLES).max(16)).unwrap_or(usize::MAX);
    if args.max_connections > fits {
        tracing::warn!(
            asked = args.max_connections,
            allowed = fits,
            handles,
            "fewer connections than asked: the file-handle limit keeps {RESERVED_HANDLES} for the store and index"
        );
    }
    scout_server::connections::Limits {
        max_connections: args.max_connections.clamp(1, fits),
        header_read_timeout: Duration::from_secs(args.header_timeout.max(1)),
    }
}

pub async fn serve(
    paths: &Paths,
    addr: std::net::SocketAddr,
    model: &PromptModelArgs,
    connections: &ConnectionArgs,
    banner: Option<String>,
    web_demo: bool,
) -> anyhow::Result<()> {
    let settings = scout_server::Settings {
        prompt_model: prompt_model(model)?,
        connections: connection_limits(connections),
        key_failures_per_minute: connections.key_failures_per_minute,
        ready_max_lag: connections.ready_max_lag.max(0),
        metrics_token: connections.metrics_token.clone().filter(|t| !t.is_empty()),
        search_timeout: Duration::from_millis(connections.search_timeout_ms),
        body_limits: scout_server::BodyLimits {
            json_bytes: connections.max_body_kb as usize * 1024,
            upload_bytes: connections.max_upload_mb as usize * 1024 * 1024,
        },
        stream_grace: scout_server::DEFAULT_STREAM_GRACE,
        spool_dir: Some(paths.data.join("spool")),
    };
    let store = paths.open_store().await?;
    let engine = Arc::new(paths.open_engine()?);
    let writer = engine
        .writer(paths.writer_budget)
        .context("another Scout server already serves this data directory")?;
    let follower = Follower::spawn(
        store.clone(),
        engine.clone(),
        writer,
        Duration::from_millis(500),
    )?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    println!("Scout is listening on http://{local}");
    if let Some(b) = banner {
        println!("{b}");
    }
    if let Some(m) = &settings.prompt_model {
        println!("prompts are refined by the model {} at {}", m.model, m.url);
    }
    let state = scout_server::AppState::with_settings(store, engine, settings);
    if web_demo {
        let demo = scout_server::web::demo::prepare(&state)
            .await
            .context("cannot prepare the demo workspace")?;
        if demo.filled {
            eprintln!("filled the demo workspace: projects, a list, leads and a search history");
        }
        println!(
            "\nWeb app: open http://{local}/ and sign in as {} with the password {}\n(a new password each run of `scout demo`; stored only as a hash)",
            demo.email, demo.password
        );
    }
    if let Some(metrics_addr) = connections.metrics_addr {
        let metrics = tokio::net::TcpListener::bind(metrics_addr)
            .await
            .with_context(|| format!("cannot listen for metrics on {metrics_addr}"))?;
        println!(
            "metrics are served on http://{}/metrics",
            metrics.local_addr()?
        );
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = scout_server::serve_metrics(metrics, state).await {
                tracing::error!(error = %e, "the metrics listener stopped");
            }
        });
    }
    scout_server::serve(listener, state, stop_requested()).await?;
    // the follower's last round ends and its thread is joined: what it had
    // applied is committed; the rest is applied from the store on the next start
    drop(follower);
    tracing::info!("stopped");
    Ok(())
}

/// Resolves when the process is asked to stop: `SIGINT` (Ctrl-C) or
/// `SIGTERM` (how systemd, containers and orchestrators stop a service).
/// The server then stops accepting, finishes the requests in flight (for a
/// bounded time) and exits 0.
async fn stop_requested() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    let which = tokio::select! {
        () = interrupt => "SIGINT",
        () = terminate => "SIGTERM",
    };
    tracing::info!(
        signal = which,
        "stopping: no new connections; finishing the requests in flight"
    );
}

async fn demo(paths: &Paths, args: &DemoArgs, as_json: bool) -> anyhow::Result<()> {
    let store: Store = paths.open_store().await?;
    let have = store.count_profiles().await?;
    drop(store);
    if (have as u64) < args.count {
        let dir = paths.data.join("demo");
        let file = dir.join("profiles.jsonl.gz");
        eprintln!("generating {} demo profiles…", args.count);
        write_generated(args.count, 42, &file, None)?;
        eprintln!("importing them…");
        let s = import_paths(
            paths,
            &[organizations_path(&file), file],
            ImportPlan::default(),
            as_json,
        )
        .await?;
        eprintln!(
            "imported {} records in {:.1}s",
            s.inserted + s.updated + s.unchanged,
            s.seconds
        );
    } else {
        eprintln!(
            "reusing {have} profiles already in {}",
            paths.data.display()
        );
    }
    if args.no_serve {
        return Ok(());
    }
    let key = demo_key(paths).await?;
    let banner = format!(
        "Demo API key: {key}\n(shown only now and stored only as a hash; `scout demo` again makes a new one)\n\nTry:\n  curl -s http://{addr}/v1/search/talents -H 'x-api-key: {key}' -H 'content-type: application/json' -d '{body}'\n  scout search --title \"software engineer\" --location London --radius 50",
        addr = args.addr,
        body = r#"{"filters":[{"filterType":"JOB_TITLE","value":"Software Engineer","isRequired":true},{"filterType":"LOCATION","value":"London","radius":50,"isRequired":true}]}"#,
    );
    serve(
        paths,
        args.addr,
        &args.prompt_model,
        &args.connections,
        Some(banner),
        true,
    )
    .await
}

async fn keys(paths: &Paths, cmd: KeysCommand, as_json: bool) -> anyhow::Result<()> {
    let store = paths.open_store().await?;
    match cmd {
        KeysCommand::Create {
            workspace,
            user,
            scopes,
            admin,
            per_minute,
            per_day,
        } => {
            for s in &scopes {
                if !scout_store::access::SCOPES.contains(&s.as_str()) {
                    bail!(
                        "unknown scope `{s}`; known scopes: {}",
                        scout_store::access::SCOPES.join(", ")
                    );
                }
            }
            if per_minute < 1 || per_day < 1 {
                bail!("--per-minute and --per-day must be at least 1");
            }
            let new = scout_store::NewKey {
                workspace,
                user,
                is_admin: admin,
                scopes,
                per_minute,
                per_day,
            };
            let (key, record) = store.create_key(&new).await?;
            if as_json {
                output::json(
                    &json!({"key": key, "id": record.id, "workspace": record.workspace, "user": record.user, "scopes": record.scopes}),
                )?;
            } else {
                println!("{key}");
                eprintln!(
                    "key {} for {} in workspace {} (scopes: {}); it is shown only now",
                    record.id,
                    record.user,
                    record.workspace,
                    record.scopes.join(", ")
                );
            }
        }
        KeysCommand::List { workspace } => {
            let keys = store.list_keys(workspace.as_deref()).await?;
            if as_json {
                output::json(&keys)?;
            } else {
                for k in keys {
                    let state = if k.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "active"
                    };
                    println!(
                        "{}  {}…  {}/{}  {}  [{}]  {}/min {}/day",
                        k.id,
                        k.prefix,
                        k.workspace,
                        k.user,
                        state,
                        k.scopes.join(","),
                        k.per_minute,
                        k.per_day
                    );
                }
            }
        }
        KeysCommand::Revoke { id } => {
            let n = store.revoke_key(&id).await?;
            if n == 0 {
                bail!("no active key with id or prefix `{id}`");
            }
            if as_json {
                output::json(&json!({"revoked": n}))?;
            } else {
                println!("revoked {n} key(s)");
            }
        }
    }
    Ok(())
}

/// A fresh demo key with every scope, printed and never written to disk:
/// the store keeps only its hash. The demo user's earlier keys are revoked,
/// so only the key printed last works.
async fn demo_key(paths: &Paths) -> anyhow::Result<String> {
    // earlier versions kept the key in a world-readable file
    let legacy = paths.data.join("demo").join("api-key.txt");
    if legacy.exists() {
        std::fs::remove_file(&legacy)
            .with_context(|| format!("cannot remove {}", legacy.display()))?;
    }
    let store = paths.open_store().await?;
    for old in store.list_keys(Some("demo")).await? {
        if old.user == "demo" && old.revoked_at.is_none() {
            store.revoke_key(&old.id).await?;
        }
    }
    let new = scout_store::NewKey {
        workspace: "demo".into(),
        user: "demo".into(),
        is_admin: true,
        scopes: vec!["admin".into()],
        per_minute: 600,
        per_day: 100_000,
    };
    let (key, _) = store.create_key(&new).await?;
    Ok(key)
}
