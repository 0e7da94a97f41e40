//! What every handler can reach: the store, the engine, limits and settings.

use std::sync::Arc;
use std::time::Duration;

use scout_engine::Engine;
use scout_store::Store;

use crate::background_log::TransactionLog;
use crate::limits::{KeyFailures, RateLimiter};
use crate::transaction_cache::RecentTransactions;

/// Server settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long a search may run before `search_engine_timeout`.
    pub search_timeout: Duration,
    /// A chat model refining prompt readings (none: the rules alone).
    pub prompt_model: Option<crate::prompt_reader::ModelSettings>,
    /// Bounds on connections (count, header and idle time).
    pub connections: crate::connections::Limits,
    /// Failed key checks from one address in a minute before it is refused
    /// with `429` (0: not limited; see `limits::KeyFailures`).
    pub key_failures_per_minute: u32,
    /// Changes the index may be behind the store while `/ready` still says
    /// ready (a load balancer sends no traffic to a server further behind).
    pub ready_max_lag: i64,
    /// The operator's token for `GET /metrics` (none: the endpoint is off).
    pub metrics_token: Option<String>,
    /// The largest request bodies taken (JSON, and a CV upload as a whole).
    pub body_limits: BodyLimits,
    /// How long an event stream may go on once the server begins to stop;
    /// past it the stream ends with a final `error` event, well inside the
    /// drain (`connections::DRAIN_TIMEOUT`).
    pub stream_grace: Duration,
    /// Where a bulk import's body waits while it is imported (`None`: the
    /// system's temporary directory); the data directory's `spool/` when
    /// the binary serves, so people's data stays where the operator put it.
    pub spool_dir: Option<std::path::PathBuf>,
}

/// When the server began to stop, once it has: event streams read it at
/// each event (`searches.rs`) to end with a final event rather than be cut.
#[derive(Clone, Default)]
pub struct Stopping(Arc<std::sync::OnceLock<std::time::Instant>>);

impl Stopping {
    /// Marks the start of the stop (the first call counts).
    pub fn begin(&self) {
        let _ = self.0.set(std::time::Instant::now());
    }

    /// How long ago the stop began, if it has.
    pub fn elapsed(&self) -> Option<Duration> {
        self.0.get().map(std::time::Instant::elapsed)
    }
}

/// The largest request bodies the server reads (`--max-body-kb`,
/// `--max-upload-mb`); a larger one is refused before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimits {
    /// A JSON body, in bytes (`400 validation_error`, issue `too_big`).
    pub json_bytes: usize,
    /// A whole multipart CV upload, in bytes (`413 payload_too_large`).
    pub upload_bytes: usize,
}

impl Default for BodyLimits {
    fn default() -> Self {
        BodyLimits {
            json_bytes: crate::json::DEFAULT_BODY_BYTES,
            upload_bytes: crate::leads::DEFAULT_UPLOAD_BYTES,
        }
    }
}

/// `/ready`'s default bound on the index's lag: an import's few seconds of
/// changes, not a rebuild's.
pub const DEFAULT_READY_MAX_LAG: i64 = 10_000;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            search_timeout: Duration::from_secs(5),
            prompt_model: None,
            connections: crate::connections::Limits::default(),
            key_failures_per_minute: crate::limits::MAX_KEY_FAILURES_PER_MINUTE,
            ready_max_lag: DEFAULT_READY_MAX_LAG,
            metrics_token: None,
            body_limits: BodyLimits::default(),
            stream_grace: DEFAULT_STREAM_GRACE,
            spool_dir: None,
        }
    }
}

/// A stream's time to finish once the server stops: a prompt search
/// streams in well under a second, so only a stuck one meets it.
pub const DEFAULT_STREAM_GRACE: Duration = Duration::from_secs(5);

/// Shared application state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The system of record.
    pub store: Store,
    /// The talent index.
    pub engine: Arc<Engine>,
    /// Per-key request counters.
    pub limiter: Arc<RateLimiter>,
    /// Failed key checks per address.
    pub(crate) key_failures: Arc<KeyFailures>,
    /// Failed web sign-ins per account and address.
    pub(crate) sign_ins: Arc<crate::web::SignInFailures>,
    /// Each workspace's own values for the filter editor's suggestions.
    pub(crate) vocabularies: Arc<crate::web::Vocabularies>,
    /// What `GET /metrics` reports.
    pub(crate) metrics: Arc<crate::metrics::Metrics>,
    /// Requests without a key, per address (`auth::Visitor`).
    pub(crate) anonymous: Arc<RateLimiter>,
    /// Search transactions this server recorded lately.
    pub(crate) transactions: Arc<RecentTransactions>,
    /// Writes search transactions to the store in the background.
    pub(crate) transaction_log: TransactionLog,
    /// Writes the audit log's events to the store in the background.
    pub(crate) audit_log: crate::background_log::AuditLog,
    /// Settings.
    pub settings: Arc<Settings>,
    /// Reads prompts into filters.
    pub prompt_reader: crate::prompt_reader::PromptReader,
    /// Reads uploaded CVs off the async threads, a bounded number at once.
    pub cv_readers: scout_ingest::leads::CvReaders,
    /// Set when the server begins to stop.
    pub stopping: Stopping,
}

impl AppState {
    /// Bundles the parts with default settings.
    pub fn new(store: Store, engine: Arc<Engine>) -> AppState {
        AppState::with_settings(store, engine, Settings::default())
    }

    /// Bundles the parts.
    pub fn with_settings(store: Store, engine: Arc<Engine>, settings: Settings) -> AppState {
        AppState {
            store,
            engine,
            limiter: Arc::new(RateLimiter::default()),
            key_failures: Arc::new(KeyFailures::new(settings.key_failures_per_minute)),
            sign_ins: Arc::default(),
            vocabularies: Arc::default(),
            metrics: Arc::default(),
            anonymous: Arc::default(),
            transactions: Arc::default(),
            transaction_log: TransactionLog::default(),
            audit_log: Default::default(),
            prompt_reader: crate::prompt_reader::PromptReader::new(settings.prompt_model.clone()),
            settings: Arc::new(settings),
            cv_readers: scout_ingest::leads::CvReaders::default(),
            stopping: Stopping::default(),
        }
    }
}
