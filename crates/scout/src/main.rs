//! The `scout` binary: one command for everything (see `scout --help`).

mod backup;
mod bench;
mod cli;
mod commands;
mod config;
mod config_file;
mod data;
mod duplicates;
mod export;
mod leads;
mod output;
mod rights;
mod sourcing;
mod stats;
mod users;

use clap::{CommandFactory, FromArgMatches, Parser};

// glibc's allocator serialises on a lock under the importer's threads
// (parsing, store, index); mimalloc keeps per-thread heaps.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // The file's settings become `SCOUT_*` variables before the command
    // line is read for good, so clap applies file < env < flag by itself.
    let config = match cli::Cli::try_parse() {
        Ok(first) => first.global.config,
        Err(e) => e.exit(),
    };
    let loaded = match config_file::load(config.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e:#}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let command = cli::Cli::command();
    let matches = match command.clone().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            if let Some(path) = &loaded.path {
                eprintln!(
                    "(settings were also read from {}: {})",
                    path.display(),
                    loaded.variables.join(", ")
                );
            }
            return std::process::ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    if let cli::Command::Config(_) = &cli.command {
        return commands::print_config(&command, &matches, &loaded, cli.global.json);
    }
    let filter = tracing_subscriber::EnvFilter::try_from_env("SCOUT_LOG")
        .unwrap_or_else(|_| "info,tantivy=warn,sqlx=warn,lopdf=error".into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match cli.global.log_format {
        cli::LogFormat::Text => logs.init(),
        // each line carries the spans it was logged in (a request's id)
        cli::LogFormat::Json => logs.json().with_span_list(true).init(),
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) if e.downcast_ref::<commands::Incomplete>().is_some() => {
            eprintln!("{e:#}");
            std::process::ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
