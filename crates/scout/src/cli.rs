//! Command-line arguments. Each flag's doc comment is its `--help`.
//! Precedence: defaults < `scout.toml` (`config_file.rs`) < `SCOUT_*`
//! environment variables < flags.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Scout: a self-hosted talent sourcing engine.
#[derive(Parser, Debug)]
#[command(name = "scout", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Args, Debug, Clone)]
pub struct Global {
    /// Configuration file (default: `scout.toml` in the working directory,
    /// when there is one). Its settings give way to `SCOUT_*` variables and flags.
    #[arg(long, global = true, env = "SCOUT_CONFIG")]
    pub config: Option<PathBuf>,
    /// Data directory: the SQLite store, the index, rejects files.
    #[arg(long, global = true, env = "SCOUT_DATA", default_value = "scout-data")]
    pub data: PathBuf,
    /// Store URL: `sqlite://PATH` or `postgres://…` (default: SQLite in the data directory).
    #[arg(long, global = true, env = "SCOUT_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// MiB of memory for the matches of popular filters, kept between
    /// searches (0 turns the cache off).
    #[arg(
        long,
        global = true,
        env = "SCOUT_FILTER_CACHE_MB",
        default_value_t = 64
    )]
    pub filter_cache_mb: usize,
    /// Threads that build the index while importing or following the store
    /// (default: half the cores, 1 to 4).
    #[arg(long, global = true, env = "SCOUT_INDEX_THREADS", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub index_threads: Option<u16>,
    /// MiB the index writer may hold before it writes a segment (more:
    /// fewer, larger segments while importing; less: a smaller process).
    #[arg(long, global = true, env = "SCOUT_WRITER_MEMORY_MB", default_value_t = crate::config::DEFAULT_WRITER_MEMORY_MB, value_parser = clap::value_parser!(u16).range(16..=4_000))]
    pub writer_memory_mb: u16,
    /// How log lines are written to standard error: `text` for people,
    /// `json` (one object per line, with the request's id) for collectors.
    #[arg(long, global = true, env = "SCOUT_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build a demo: generate and import 50,000 profiles (once), then serve on 127.0.0.1:7700.
    Demo(DemoArgs),
    /// Start the HTTP server.
    Serve(ServeArgs),
    /// Generate synthetic profiles (and their organizations) as JSONL.
    Generate(GenerateArgs),
    /// Import JSONL files (profiles or organizations, plain or gzip).
    Import(ImportArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Search talents from the command line.
    Search(SearchArgs),
    /// Manage API keys.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// People who sign in to the web app.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Sourcing projects (jobs) and their candidate pipelines.
    #[command(subcommand)]
    Sourcing(SourcingCommand),
    /// Leads read from CVs (PDF, DOCX, text).
    #[command(subcommand)]
    Leads(LeadsCommand),
    /// Measure import and search speed.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Copy the data directory (store and index) to DIR while a server may
    /// be running; PostgreSQL stores are backed up with pg_dump.
    Backup {
        /// Where the copy goes: a new or empty directory.
        #[arg(long)]
        to: PathBuf,
    },
    /// Put a backup made by `scout backup` into the data directory, which
    /// must be new or empty (a directory in use is never overwritten).
    Restore {
        /// The backup's directory.
        #[arg(long)]
        from: PathBuf,
    },
    /// Write a pool's profiles as JSON Lines (what `scout import` takes) or CSV.
    Export {
        /// This workspace's own profiles (default: the shared pool).
        #[arg(long)]
        workspace: Option<String>,
        /// `jsonl` (the talent schema) or `csv`.
        #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "csv"])]
        format: String,
        /// The file to write (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// One person once: look for duplicates in a pool (certain ones merged,
    /// probable ones queued), or list the queue. docs/data.md
    Duplicates {
        /// `scan` or `list`.
        #[arg(value_parser = ["scan", "list"])]
        action: String,
        /// This workspace's own profiles (default: the shared pool).
        #[arg(long)]
        workspace: Option<String>,
        /// For `list`: `open`, `merged` or `dismissed`.
        #[arg(long, default_value = "open", value_parser = ["open", "merged", "dismissed"])]
        status: String,
    },
    /// Erase one person everywhere (profile, candidates, notes, leads and
    /// CVs, lists, searches) and keep them from being imported again.
    Erase {
        /// The person's e-mail address or talent id.
        person: String,
    },
    /// Show or apply each workspace's retention period for candidates and
    /// leads nobody touched (a running server applies it every hour).
    Retention {
        /// The workspace whose period --months or --off sets.
        #[arg(long)]
        workspace: Option<String>,
        /// Months after which untouched candidates and leads are removed.
        #[arg(long, value_parser = clap::value_parser!(i64).range(1..=1200), conflicts_with = "off")]
        months: Option<i64>,
        /// Remove the workspace's retention period.
        #[arg(long)]
        off: bool,
        /// Only say what would be removed.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the settings `scout serve` would run with, where each comes
    /// from (default, file, env, flag); secrets are masked.
    Config(ServeArgs),
}

#[derive(Subcommand, Debug)]
pub enum LeadsCommand {
    /// Read every CV of a directory (PDF, DOCX, text; by content) into leads.
    Import {
        /// Directory of CVs (not recursive).
        dir: std::path::PathBuf,
        /// Organization (workspace) the leads belong to (created when missing).
        #[arg(long, default_value = "default")]
        workspace: String,
        /// Role (sourcing id of that workspace) to score the CVs against.
        #[arg(long)]
        role: Option<String>,
    },
    /// List the leads of a workspace.
    List {
        /// Organization (workspace).
        #[arg(long, default_value = "default")]
        workspace: String,
        /// Only this status (`parsed`, `failed`, `converted`).
        #[arg(long)]
        status: Option<String>,
        /// How many.
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SCOUT_ADDR", default_value = "127.0.0.1:7700")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub prompt_model: PromptModelArgs,
    #[command(flatten)]
    pub connections: ConnectionArgs,
}

/// Bounds on the connections a server keeps open.
#[derive(Args, Debug, Clone)]
pub struct ConnectionArgs {
    /// Most connections open at once; more are answered 503 and closed (also
    /// kept below the process's file-handle limit, less handles for the store
    /// and index).
    #[arg(long, env = "SCOUT_MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,
    /// Seconds a client has to send a request's headers, and that a kept-alive
    /// connection may stay idle between requests.
    #[arg(long, env = "SCOUT_HEADER_TIMEOUT", default_value_t = 15)]
    pub header_timeout: u64,
    /// Failed API key checks one address may make in a minute before it is
    /// answered 429 (0 turns the limit off, e.g. behind a proxy that shows
    /// every client as one address).
    #[arg(long, env = "SCOUT_KEY_FAILURES_PER_MINUTE", default_value_t = 20)]
    pub key_failures_per_minute: u32,
    /// Changes the index may be behind the store while `GET /ready` still
    /// answers 200 (a server rebuilding its index stays out of rotation).
    #[arg(long, env = "SCOUT_READY_MAX_LAG", default_value_t = scout_server::DEFAULT_READY_MAX_LAG)]
    pub ready_max_lag: i64,
    /// Milliseconds a search may run before it answers 504
    /// `search_engine_timeout`.
    #[arg(long, env = "SCOUT_SEARCH_TIMEOUT_MS", default_value_t = 5_000, value_parser = clap::value_parser!(u64).range(100..=600_000))]
    pub search_timeout_ms: u64,
    /// The largest JSON request body, in KiB; a larger one is answered 400
    /// `validation_error` (issue `too_big`) before it is read.
    #[arg(long, env = "SCOUT_MAX_BODY_KB", default_value_t = 256, value_parser = clap::value_parser!(u64).range(16..=65_536))]
    pub max_body_kb: u64,
    /// The largest CV upload (every file of one request together), in MiB;
    /// a larger one is answered 413 `payload_too_large`. Each file stays at
    /// most 10 MiB.
    #[arg(long, env = "SCOUT_MAX_UPLOAD_MB", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=1_024))]
    pub max_upload_mb: u64,
    /// The operator's token for `GET /metrics` (`Authorization: Bearer …`);
    /// without one the endpoint is off.
    #[arg(long, env = "SCOUT_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// A separate address serving only `GET /metrics`, without a token (one
    /// only the monitoring system can reach, e.g. 127.0.0.1:9100).
    #[arg(long, env = "SCOUT_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
}

/// An optional OpenAI-compatible chat model that refines prompt readings
/// (the deterministic rules stay the default and the fallback).
#[derive(Args, Debug, Clone, Default)]
pub struct PromptModelArgs {
    /// Base URL of an OpenAI-compatible API over plain HTTP, e.g. http://localhost:11434/v1
    #[arg(long, env = "SCOUT_PROMPT_MODEL_URL", requires = "prompt_model")]
    pub prompt_model_url: Option<String>,
    /// The model's name.
    #[arg(long, env = "SCOUT_PROMPT_MODEL", requires = "prompt_model_url")]
    pub prompt_model: Option<String>,
    /// API key sent as a Bearer token, if the endpoint needs one.
    #[arg(long, env = "SCOUT_PROMPT_MODEL_KEY", hide_env_values = true)]
    pub prompt_model_key: Option<String>,
    /// Longest wait for the model, in milliseconds, before the rules' reading is used.
    #[arg(long, env = "SCOUT_PROMPT_MODEL_TIMEOUT_MS", default_value_t = 3000)]
    pub prompt_model_timeout_ms: u64,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Address to listen on.
    #[arg(long, env = "SCOUT_ADDR", default_value = "127.0.0.1:7700")]
    pub addr: SocketAddr,
    /// Profiles to generate for the demo.
    #[arg(long, default_value_t = 50_000)]
    pub count: u64,
    /// Prepare the data and exit without serving.
    #[arg(long)]
    pub no_serve: bool,
    #[command(flatten)]
    pub prompt_model: PromptModelArgs,
    #[command(flatten)]
    pub connections: ConnectionArgs,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Number of profiles.
    #[arg(long, default_value_t = 1000)]
    pub count: u64,
    /// Random seed: the same seed always gives the same profiles.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Output file for profiles (`-` for standard output; `.gz` compresses).
    #[arg(long, default_value = "-")]
    pub out: PathBuf,
    /// Output file for organizations (default: next to --out, `*.organizations.jsonl`).
    #[arg(long)]
    pub orgs_out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Files to import: JSON Lines (profiles or organizations; gzip is
    /// detected), CSV, JSON Resume, or a LinkedIn data export (zip or folder).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// What the files hold (default: told from each file's name and first bytes).
    #[arg(long, value_parser = ["jsonl", "csv", "json-resume", "linkedin"])]
    pub format: Option<String>,
    /// A CSV column read as a field, over the mapping inferred from the
    /// headers: `--map "Work Email=email"` (repeatable; `=ignore` skips one).
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// Show how the files would be read (the format, the CSV column mapping,
    /// the first rows as profiles) and import nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Records per transaction.
    #[arg(long, default_value_t = 5000)]
    pub batch_size: usize,
    /// Treat the files as organizations (otherwise detected from the first record).
    #[arg(long)]
    pub organizations: bool,
    /// Import the profiles as this workspace's own (seen by it alone)
    /// instead of into the shared pool every workspace sees.
    #[arg(long, conflicts_with = "organizations")]
    pub workspace: Option<String>,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Job title (synonyms and seniority variants match).
    #[arg(long)]
    pub title: Vec<String>,
    /// City, region or country.
    #[arg(long)]
    pub location: Option<String>,
    /// Kilometres around --location (a city).
    #[arg(long)]
    pub radius: Option<f64>,
    /// Skill (repeatable; all must match).
    #[arg(long)]
    pub skill: Vec<String>,
    /// Free text anywhere in the profile (repeatable).
    #[arg(long)]
    pub keyword: Vec<String>,
    /// Current or past employer.
    #[arg(long)]
    pub company: Vec<String>,
    /// Make --skill and --keyword optional: they raise the rank instead of filtering.
    #[arg(long)]
    pub prefer: bool,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// The web app in headless Chromium: first result card painted after a search is
    /// submitted, time to first byte, JS + CSS shipped (needs chromium and chromium-driver).
    Web {
        /// Profiles in the benchmark data set (generated and imported once, then reused).
        #[arg(long, default_value_t = 1_000_000)]
        profiles: u64,
        /// Times each prompt is submitted (after a first, cold round).
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// Search latency (in process and over HTTP), throughput at concurrency 4, cost of exclusions.
    Search {
        /// Profiles in the benchmark data set (generated and imported once, then reused).
        #[arg(long, default_value_t = 1_000_000)]
        profiles: u64,
        /// Times each request is run per path.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Candidate lists of one sourcing with N candidates, on SQLite and PostgreSQL.
    Sourcing {
        /// Candidates in the sourcing.
        #[arg(long, default_value_t = 10_000)]
        candidates: u64,
        /// Repetitions of each listing.
        #[arg(long, default_value_t = 20)]
        rounds: usize,
        /// PostgreSQL database to use (default: a throwaway server when PostgreSQL is installed).
        #[arg(long, env = "SCOUT_BENCH_POSTGRES_URL")]
        postgres_url: Option<String>,
    },
    /// Pipeline writes over HTTP (add, note, status, new sourcing) from 1–8 concurrent
    /// clients beside two searching ones, on SQLite and PostgreSQL: writes/s, latency, errors.
    /// One person once: precision and recall of duplicate detection on
    /// generated profiles with planted duplicates of five kinds, and the
    /// import speed with detection on.
    Duplicates {
        /// Generated profiles (each with an e-mail and a phone).
        #[arg(long, default_value_t = 100_000)]
        profiles: u64,
        /// Copies planted under new ids.
        #[arg(long, default_value_t = 2_000)]
        planted: u64,
    },
    Writes {
        /// Profiles in the store (each added talent is a new one).
        #[arg(long, default_value_t = 5_000)]
        profiles: u64,
        /// Writes per concurrency level.
        #[arg(long, default_value_t = 800)]
        ops: usize,
        /// Concurrency levels, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "1,2,4,8")]
        concurrency: Vec<usize>,
        /// PostgreSQL database to use (default: a throwaway server when PostgreSQL is installed).
        #[arg(long, env = "SCOUT_BENCH_POSTGRES_URL")]
        postgres_url: Option<String>,
    },
    /// Prompt reader: precision and recall per filter type on the labelled prompts; with
    /// --profiles, time to the first streamed candidate of a prompt search over HTTP.
    Prompts {
        /// Profiles for the streamed-search measurement (0 skips it).
        #[arg(long, default_value_t = 0)]
        profiles: u64,
        /// Times each prompt is run.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// CV parsing: field-level extraction accuracy and speed on CVs made from N generated
    /// profiles, and on the labelled corpus of CVs made by real document tools (development
    /// and held-out halves).
    Cvs {
        /// People (each CV in one of nine format/layout pairs).
        #[arg(long, default_value_t = 120)]
        people: u64,
        /// The labelled corpus (`labels.json` and its files); skipped when absent.
        #[arg(long, default_value = "crates/scout-ingest/tests/corpus")]
        corpus: std::path::PathBuf,
    },
    /// Generate N profiles and import them into a fresh data directory.
    Import {
        /// Profiles to generate and import.
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
        /// Keep the data directory (under --data) instead of a temporary one.
        #[arg(long)]
        keep: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// Create a person who signs in to the web app (and the workspace if it
    /// does not exist). The password is asked for, or read from standard input.
    Create {
        /// Workspace name.
        #[arg(long)]
        workspace: String,
        /// E-mail they sign in with (one person per e-mail on a server).
        #[arg(long)]
        email: String,
        /// admin (users, keys, everything), recruiter (search, sourcing, lists, leads) or viewer (read only).
        #[arg(long, default_value = "recruiter")]
        role: String,
        /// Read the password from the first line of standard input instead of asking.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password (ends every session of the person).
    Password {
        /// E-mail of the person.
        #[arg(long)]
        email: String,
        /// Read the password from the first line of standard input instead of asking.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum KeysCommand {
    /// Create a key (and its workspace and user if they do not exist); the key is printed once.
    Create {
        /// Workspace name.
        #[arg(long)]
        workspace: String,
        /// User name.
        #[arg(long)]
        user: String,
        /// Scopes, comma-separated (see docs/access.md); `admin` grants all.
        #[arg(long, value_delimiter = ',', default_value = "talents:search")]
        scopes: Vec<String>,
        /// Make the user an administrator (when the user is created).
        #[arg(long)]
        admin: bool,
        /// Requests per minute.
        #[arg(long, default_value_t = scout_store::access::DEFAULT_PER_MINUTE)]
        per_minute: i64,
        /// Requests per day.
        #[arg(long, default_value_t = scout_store::access::DEFAULT_PER_DAY)]
        per_day: i64,
    },
    /// List keys (never the keys themselves).
    List {
        /// Only this workspace.
        #[arg(long)]
        workspace: Option<String>,
    },
    /// Revoke a key by id or prefix.
    Revoke {
        /// Key id (`key_…`) or printed prefix (`sk_…`).
        id: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum SourcingCommand {
    /// Create a sourcing project; prints its id.
    Create {
        /// Workspace name (created if absent).
        #[arg(long)]
        workspace: String,
        /// Job title of the project.
        #[arg(long)]
        title: String,
        /// Description.
        #[arg(long)]
        description: Option<String>,
        /// Where the job is.
        #[arg(long)]
        location: Option<String>,
        /// Requirements: a JSON array of search filter objects, or @FILE.
        #[arg(long)]
        requirements: Option<String>,
    },
    /// List a workspace's sourcing projects.
    List {
        /// Workspace name.
        #[arg(long)]
        workspace: String,
        /// Include archived projects.
        #[arg(long)]
        all: bool,
    },
    /// Add talents (by id) to a project; already present ones are left as they are.
    Add {
        /// Workspace name.
        #[arg(long)]
        workspace: String,
        /// The project.
        sourcing_id: String,
        /// Talent ids.
        #[arg(required = true)]
        talent_ids: Vec<String>,
        /// Starting status handle (default TO_BE_CONTACTED).
        #[arg(long)]
        status: Option<String>,
    },
    /// Move a candidate to a status (a statusHandle or a job status).
    Status {
        /// Workspace name.
        #[arg(long)]
        workspace: String,
        /// The project.
        sourcing_id: String,
        /// The candidate id (`cand_…`) or the talent id.
        candidate: String,
        /// The new status, e.g. CONTACTED or interview.
        status: String,
        /// Who made the change (recorded in the history).
        #[arg(long, default_value = "cli")]
        user: String,
    },
    /// List a project's candidates (all statuses), best fit first.
    Candidates {
        /// Workspace name.
        #[arg(long)]
        workspace: String,
        /// The project.
        sourcing_id: String,
    },
}
