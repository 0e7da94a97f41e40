//! The optional configuration file, `scout.toml`, and `scout config`.
//!
//! Precedence, lowest first: built-in defaults < the file < `SCOUT_*`
//! environment variables < command-line flags. The file is read before
//! the command line is parsed: each setting it holds becomes its `SCOUT_*`
//! variable *unless that variable is already set*, and clap then applies
//! its usual order (flag, else variable, else default). One typed list of
//! settings — the flags in `cli.rs` — serves all three sources, and a
//! key the file does not know is an error, not a silently ignored typo.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::parser::ValueSource;
use serde::Deserialize;

/// Where the file is looked for when neither `--config` nor `SCOUT_CONFIG`
/// names one: the working directory.
pub const DEFAULT_FILE: &str = "scout.toml";

/// `scout.toml`: every key is optional and named after its flag.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    data: Option<PathBuf>,
    database_url: Option<String>,
    filter_cache_mb: Option<u64>,
    index_threads: Option<u16>,
    writer_memory_mb: Option<u16>,
    log_format: Option<String>,
    /// A `tracing` filter such as `info,scout_server=debug` (`SCOUT_LOG`).
    log: Option<String>,
    #[serde(default)]
    serve: ServeSettings,
    #[serde(default)]
    prompt_model: PromptModelSettings,
}

/// `[serve]`: what `scout serve` and `scout demo` listen with.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
struct ServeSettings {
    addr: Option<String>,
    max_connections: Option<u64>,
    header_timeout: Option<u64>,
    key_failures_per_minute: Option<u32>,
    ready_max_lag: Option<i64>,
    search_timeout_ms: Option<u64>,
    max_body_kb: Option<u64>,
    max_upload_mb: Option<u64>,
    metrics_token: Option<String>,
    metrics_addr: Option<String>,
}

/// `[prompt_model]`: the optional chat model that refines prompt readings.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
struct PromptModelSettings {
    url: Option<String>,
    name: Option<String>,
    key: Option<String>,
    timeout_ms: Option<u64>,
}

impl FileSettings {
    /// Each setting the file holds, as its environment variable and value.
    fn variables(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut put = |name: &'static str, value: Option<String>| {
            if let Some(v) = value {
                out.push((name, v));
            }
        };
        let text = |v: &Option<String>| v.clone();
        let number = |v: Option<u64>| v.map(|n| n.to_string());
        put(
            "SCOUT_DATA",
            self.data.as_ref().map(|p| p.display().to_string()),
        );
        put("SCOUT_DATABASE_URL", text(&self.database_url));
        put("SCOUT_FILTER_CACHE_MB", number(self.filter_cache_mb));
        put(
            "SCOUT_INDEX_THREADS",
            number(self.index_threads.map(u64::from)),
        );
        put(
            "SCOUT_WRITER_MEMORY_MB",
            number(self.writer_memory_mb.map(u64::from)),
        );
        put("SCOUT_LOG_FORMAT", text(&self.log_format));
        put("SCOUT_LOG", text(&self.log));
        let s = &self.serve;
        put("SCOUT_ADDR", text(&s.addr));
        put("SCOUT_MAX_CONNECTIONS", number(s.max_connections));
        put("SCOUT_HEADER_TIMEOUT", number(s.header_timeout));
        put(
            "SCOUT_KEY_FAILURES_PER_MINUTE",
            number(s.key_failures_per_minute.map(u64::from)),
        );
        put(
            "SCOUT_READY_MAX_LAG",
            s.ready_max_lag.map(|n| n.to_string()),
        );
        put("SCOUT_SEARCH_TIMEOUT_MS", number(s.search_timeout_ms));
        put("SCOUT_MAX_BODY_KB", number(s.max_body_kb));
        put("SCOUT_MAX_UPLOAD_MB", number(s.max_upload_mb));
        put("SCOUT_METRICS_TOKEN", text(&s.metrics_token));
        put("SCOUT_METRICS_ADDR", text(&s.metrics_addr));
        let m = &self.prompt_model;
        put("SCOUT_PROMPT_MODEL_URL", text(&m.url));
        put("SCOUT_PROMPT_MODEL", text(&m.name));
        put("SCOUT_PROMPT_MODEL_KEY", text(&m.key));
        put("SCOUT_PROMPT_MODEL_TIMEOUT_MS", number(m.timeout_ms));
        out
    }
}

/// The file that was read and the variables it set (those not already set
/// in the environment, which wins over the file).
#[derive(Debug, Default)]
pub struct Loaded {
    pub path: Option<PathBuf>,
    pub variables: Vec<&'static str>,
}

/// Finds the file (`--config`, else `SCOUT_CONFIG`, else `./scout.toml`
/// when it exists), reads it and sets the variables it supplies.
///
/// Must run before any other thread exists: it sets environment variables.
pub fn load(explicit: Option<&Path>) -> anyhow::Result<Loaded> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match Path::new(DEFAULT_FILE) {
            p if p.is_file() => p.to_path_buf(),
            _ => return Ok(Loaded::default()),
        },
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    let settings: FileSettings = toml::from_str(&text)
        .with_context(|| format!("the configuration file {} is not valid", path.display()))?;
    let mut variables = Vec::new();
    for (name, value) in settings.variables() {
        if std::env::var_os(name).is_some() {
            continue; // the environment wins over the file
        }
        if value.contains('\0') {
            bail!("{name}: a setting cannot contain a NUL character");
        }
        // Sound here: `main` calls this before the runtime or any other
        // thread starts, so nothing reads the environment concurrently.
        std::env::set_var(name, &value);
        variables.push(name);
    }
    Ok(Loaded {
        path: Some(path),
        variables,
    })
}

/// Settings whose values are never printed.
const SECRETS: &[&str] = &["metrics_token", "prompt_model_key"];

/// One effective setting for `scout config`.
#[derive(serde::Serialize, Debug)]
pub struct Effective {
    pub value: Option<String>,
    /// `default`, `file`, `env` or `flag`.
    pub source: &'static str,
    /// The environment variable that sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
}

/// Every setting of the parsed command line with the value in effect and
/// where it came from; secrets masked.
pub fn effective(
    command: &clap::Command,
    matches: &clap::ArgMatches,
    loaded: &Loaded,
) -> BTreeMap<String, Effective> {
    let mut out = BTreeMap::new();
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version" | "json") {
            continue;
        }
        let env = arg.get_env().map(|e| e.to_string_lossy().into_owned());
        let Ok(raw) = matches.try_get_raw(id) else {
            continue;
        };
        let value = raw.map(|values| {
            values
                .map(|v| v.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(",")
        });
        let source = match matches.value_source(id) {
            Some(ValueSource::CommandLine) => "flag",
            Some(ValueSource::EnvVariable) => {
                let from_file = env
                    .as_deref()
                    .is_some_and(|e| loaded.variables.contains(&e));
                if from_file {
                    "file"
                } else {
                    "env"
                }
            }
            _ => "default",
        };
        let value = value.map(|v| mask(id, v));
        out.insert(id.replace('_', "-"), Effective { value, source, env });
    }
    if let Ok(log) = std::env::var("SCOUT_LOG") {
        let source = if loaded.variables.contains(&"SCOUT_LOG") {
            "file"
        } else {
            "env"
        };
        out.insert(
            "log".into(),
            Effective {
                value: Some(log),
                source,
                env: Some("SCOUT_LOG".into()),
            },
        );
    }
    out
}

fn mask(id: &str, value: String) -> String {
    if SECRETS.contains(&id) {
        return "********".into();
    }
    if id == "database_url" {
        return mask_password(&value);
    }
    value
}

/// `postgres://user:secret@host/db` → `postgres://user:********@host/db`.
fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:********@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_a_full_file_becomes_its_variable() {
        let file: FileSettings = toml::from_str(
            r#"
            data = "/var/lib/scout"
            database_url = "postgres://scout:pw@db/scout"
            filter_cache_mb = 128
            index_threads = 2
            writer_memory_mb = 512
            log_format = "json"
            log = "info"
            [serve]
            addr = "0.0.0.0:7700"
            max_connections = 2048
            header_timeout = 20
            key_failures_per_minute = 0
            ready_max_lag = 500
            search_timeout_ms = 8000
            max_body_kb = 1024
            max_upload_mb = 100
            metrics_token = "t"
            metrics_addr = "127.0.0.1:9100"
            [prompt_model]
            url = "http://localhost:11434/v1"
            name = "llama"
            key = "k"
            timeout_ms = 2000
            "#,
        )
        .expect("a valid file");
        let vars = file.variables();
        assert_eq!(vars.len(), 21);
        let get = |n: &str| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| v.as_str());
        assert_eq!(get("SCOUT_WRITER_MEMORY_MB"), Some("512"));
        assert_eq!(get("SCOUT_ADDR"), Some("0.0.0.0:7700"));
        assert_eq!(get("SCOUT_PROMPT_MODEL"), Some("llama"));
        assert_eq!(get("SCOUT_KEY_FAILURES_PER_MINUTE"), Some("0"));
    }

    #[test]
    fn an_unknown_key_or_a_wrong_type_is_an_error_that_names_it() {
        let typo = toml::from_str::<FileSettings>("[serve]\nsearch_timeout = 5").unwrap_err();
        assert!(typo.to_string().contains("search_timeout"), "{typo}");
        let wrong = toml::from_str::<FileSettings>("writer_memory_mb = \"lots\"").unwrap_err();
        assert!(wrong.to_string().contains("writer_memory_mb"), "{wrong}");
    }

    #[test]
    fn passwords_in_database_urls_are_masked() {
        assert_eq!(
            mask_password("postgres://scout:s3cret@db:5432/scout"),
            "postgres://scout:********@db:5432/scout"
        );
        assert_eq!(
            mask_password("postgres://scout@db/scout"),
            "postgres://scout@db/scout"
        );
        assert_eq!(
            mask_password("sqlite:///var/scout.db"),
            "sqlite:///var/scout.db"
        );
        assert_eq!(mask("metrics_token", "abc".into()), "********");
    }
}
