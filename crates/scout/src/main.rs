//! The `scout` binary: one command for everything (see `scout --help`).

mod bench;
mod cli;
mod commands;
mod config;
mod data;
mod leads;
mod output;
mod sourcing;
mod stats;
mod users;

use clap::Parser;

// glibc's allocator serialises on a lock under the importer's threads
// (parsing, store, index); mimalloc keeps per-thread heaps.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
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
