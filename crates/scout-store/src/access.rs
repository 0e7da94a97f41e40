//! Records of access control: workspaces, users, API keys (stored as a
//! SHA-256 hash; the key itself is shown once, at creation) and search
//! transactions (the talent ids each search returned, for paging).

use sha2::{Digest, Sha256};

/// Every scope Scout knows, documented in `docs/access.md`.
pub const SCOPES: &[&str] = &[
    "talents:search",
    "talents:write",
    "sourcing:read",
    "sourcing:write",
    "searches:read",
    "searches:write",
    "pools:read",
    "pools:write",
    "leads:read",
    "leads:write",
    "admin",
];

/// Default requests per minute for a new key.
pub const DEFAULT_PER_MINUTE: i64 = 120;
/// Default requests per day for a new key.
pub const DEFAULT_PER_DAY: i64 = 20_000;

/// An API key as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    /// Key id (not secret).
    pub id: String,
    /// The workspace it acts in.
    pub workspace_id: String,
    /// Workspace name.
    pub workspace: String,
    /// The user it acts for.
    pub user_id: String,
    /// User name.
    pub user: String,
    /// Whether the user is an administrator.
    pub is_admin: bool,
    /// The first characters of the key, to recognise it in lists.
    pub prefix: String,
    /// Granted scopes.
    pub scopes: Vec<String>,
    /// Requests allowed per minute.
    pub per_minute: i64,
    /// Requests allowed per day.
    pub per_day: i64,
    /// Creation time (Unix milliseconds).
    pub created_at: i64,
    /// Revocation time, if revoked.
    pub revoked_at: Option<i64>,
}

impl ApiKey {
    /// Whether the key grants `scope` (`admin` grants everything).
    pub fn allows(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope || s == "admin")
    }

    /// Whether the key is an operator's: it carries the `admin` scope, which
    /// grants every scope and reading every workspace's leads. (The user's
    /// `is_admin` flag describes the user; it grants a key nothing.)
    pub fn is_operator(&self) -> bool {
        self.scopes.iter().any(|s| s == "admin")
    }
}

/// What to create a key with.
#[derive(Debug, Clone)]
pub struct NewKey {
    /// Workspace name (created if absent).
    pub workspace: String,
    /// User name (created if absent).
    pub user: String,
    /// Whether the user is an administrator (when the user is created).
    pub is_admin: bool,
    /// Scopes to grant.
    pub scopes: Vec<String>,
    /// Requests per minute.
    pub per_minute: i64,
    /// Requests per day.
    pub per_day: i64,
}

/// The hash under which a key is stored.
pub fn key_hash(key: &str) -> Vec<u8> {
    Sha256::digest(key.as_bytes()).to_vec()
}

/// A fresh random key: `sk_` and 40 hex characters from the OS's generator.
pub fn generate_key() -> Result<String, std::io::Error> {
    let mut bytes = [0u8; 20];
    getrandom::getrandom(&mut bytes).map_err(std::io::Error::other)?;
    Ok(format!("sk_{}", hex::encode(bytes)))
}

/// A fresh random id with a prefix, e.g. `ws_3f…`.
pub fn generate_id(prefix: &str) -> Result<String, std::io::Error> {
    let mut bytes = [0u8; 12];
    getrandom::getrandom(&mut bytes).map_err(std::io::Error::other)?;
    Ok(format!("{prefix}_{}", hex::encode(bytes)))
}
