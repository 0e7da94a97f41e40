//! Who is calling: the API key from `x-api-key` or `Authorization: Bearer`,
//! checked against the store, its scope, and its rate limits. Handlers name
//! the scope they need in their signature (`Caller<TalentsSearch>`), so none
//! can run without it.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use scout_model::ErrorCode;
use scout_store::ApiKey;

use crate::error::ApiError;
use crate::limits::{FailedCheck, LimitHeaders};
use crate::AppState;

/// A scope an endpoint requires.
pub trait Scope: Send + Sync + 'static {
    /// Its name, as granted to keys (and named in a `403`).
    const NAME: &'static str;
    /// Other scopes that grant the same (a documented alias).
    const ALSO: &'static [&'static str] = &[];

    /// Whether `key` holds this scope.
    fn granted_to(key: &ApiKey) -> bool {
        key.allows(Self::NAME) || Self::ALSO.iter().any(|s| key.allows(s))
    }
}

macro_rules! scopes {
    ($($ty:ident => $name:literal $(or $also:literal)*),* $(,)?) => {$(
        #[doc = concat!("The `", $name, "` scope", $(" (or `", $also, "`)",)* ".")]
        pub struct $ty;
        impl Scope for $ty {
            const NAME: &'static str = $name;
            const ALSO: &'static [&'static str] = &[$($also),*];
        }
    )*};
}

scopes!(
    TalentsSearch => "talents:search",
    SourcingRead => "sourcing:read",
    SourcingWrite => "sourcing:write",
    SearchesRead => "searches:read",
    SearchesWrite => "searches:write",
    PoolsRead => "pools:read",
    PoolsWrite => "pools:write",
    TalentsWrite => "talents:write",
    // the leads document names `sourcing:read`; `leads:read` is Scout's own
    LeadsRead => "sourcing:read" or "leads:read",
    LeadsWrite => "sourcing:write" or "leads:write",
    // the operator's: data-rights requests and the audit log (docs/operations.md)
    Operator => "admin",
);

/// An authenticated caller holding scope `S`.
pub struct Caller<S: Scope> {
    /// The key's record.
    pub key: ApiKey,
    /// Rate-limit headers to return.
    pub limit_headers: LimitHeaders,
    _scope: PhantomData<S>,
}

/// Who calls an endpoint that answers without a key too: a key holder with
/// scope `S` (a key that is presented must be valid: a wrong key is refused,
/// never treated as no key), or a visitor limited per address.
pub enum Visitor<S: Scope> {
    /// A valid key with the scope.
    Key(Box<Caller<S>>),
    /// No key: rate-limited per address.
    Anonymous {
        /// Rate-limit headers to return.
        limit_headers: LimitHeaders,
    },
}

impl<S: Scope> Visitor<S> {
    /// The workspace of the key presented, if one was.
    pub fn workspace_id(&self) -> Option<&str> {
        match self {
            Visitor::Key(c) => Some(&c.key.workspace_id),
            Visitor::Anonymous { .. } => None,
        }
    }

    /// The rate-limit headers to answer with.
    pub fn limit_headers(self) -> LimitHeaders {
        match self {
            Visitor::Key(c) => c.limit_headers,
            Visitor::Anonymous { limit_headers } => limit_headers,
        }
    }
}

impl<S: Scope> FromRequestParts<AppState> for Visitor<S> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if presented_key(parts).is_some() || malformed_authorization(parts) {
            return Ok(Visitor::Key(Box::new(
                Caller::<S>::from_request_parts(parts, state).await?,
            )));
        }
        let address = crate::connections::peer(parts).map(|a| a.ip());
        let limit_headers = state.anonymous.check_anonymous(address)?;
        crate::envelope::LimitSlot::fill_for(parts, &limit_headers);
        Ok(Visitor::Anonymous { limit_headers })
    }
}

/// Whether an `Authorization` header is present but is no `Bearer <key>`:
/// such a request is refused as an invalid key, even beside a good
/// `x-api-key` — two credentials that disagree are a client's mistake to
/// hear about, not one to pass over.
fn malformed_authorization(parts: &Parts) -> bool {
    let Some(header) = parts.headers.get(axum::http::header::AUTHORIZATION) else {
        return false;
    };
    let Ok(text) = header.to_str() else {
        return true;
    };
    !text.trim().split_once(' ').is_some_and(|(scheme, token)| {
        scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()
    })
}

/// The key presented on a request, if any.
pub fn presented_key(parts: &Parts) -> Option<String> {
    if let Some(v) = parts.headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        let v = v.trim();
        if !v.is_empty() {
            return Some(v.to_owned());
        }
    }
    let auth = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = auth.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty())
        .then(|| token.trim().to_owned())
}

impl<S: Scope> FromRequestParts<AppState> for Caller<S> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let key = match presented_key(parts).filter(|_| !malformed_authorization(parts)) {
            None => None,
            Some(presented) => state
                .store
                .find_key(&presented)
                .await
                .map_err(|e| {
                    ApiError::from_domain(e, "An error occurred while checking the API key")
                })?
                .filter(|k| k.revoked_at.is_none()),
        };
        let Some(key) = key else {
            return Err(failed_check(state, parts).await);
        };
        if !S::granted_to(&key) {
            return Err(ApiError::new(
                ErrorCode::InsufficientScope,
                format!("This API key lacks the `{}` scope", S::NAME),
            ));
        }
        let limit_headers = state.limiter.check(&key)?;
        crate::envelope::LimitSlot::fill_for(parts, &limit_headers);
        crate::audit::WhoSlot::fill_for(
            parts,
            crate::audit::Who {
                actor: format!("key:{}", key.id),
                workspace_id: key.workspace_id.clone(),
            },
        );
        Ok(Caller {
            key,
            limit_headers,
            _scope: PhantomData,
        })
    }
}

/// The answer to a missing or invalid key: `401` after a pause that grows
/// with the address's failures this minute, `429` past their limit (see
/// `limits::KeyFailures`).
async fn failed_check(state: &AppState, parts: &Parts) -> ApiError {
    let missing = presented_key(parts).is_none() && !malformed_authorization(parts);
    let address = crate::connections::peer(parts).map(|a| a.ip());
    match state.key_failures.record(address) {
        FailedCheck::PauseThen(pause) => {
            tracing::debug!(?address, missing, "failed key check");
            if !pause.is_zero() {
                tokio::time::sleep(pause).await;
            }
            if missing {
                ApiError::new(ErrorCode::MissingApiKey, "Missing API key")
            } else {
                ApiError::new(ErrorCode::InvalidApiKey, "Invalid API key")
            }
        }
        FailedCheck::Refuse { retry_after } => {
            let mut e = ApiError::new(
                ErrorCode::RateLimitExceeded,
                "Too many failed API key checks from this address; try again later",
            );
            e.details = Some(
                serde_json::json!({"window": "minute", "limit": state.key_failures.per_minute()}),
            );
            e.headers.push((
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(retry_after),
            ));
            e
        }
    }
}

/// Who does something, whichever door they came in by: the workspace it
/// happens in and the user recorded as its actor — an API key's holder or a
/// person signed in to the web app. The operations that both the API and
/// the web app call take one, so each rule has one implementation.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    /// The workspace acted in.
    pub workspace_id: String,
    /// The user's id (lists are theirs).
    pub user_id: String,
    /// The user's name, as the pipeline's history records it.
    pub user: String,
}

impl<S: Scope> Caller<S> {
    /// The key's holder as an actor.
    pub(crate) fn actor(&self) -> Actor {
        Actor {
            workspace_id: self.key.workspace_id.clone(),
            user_id: self.key.user_id.clone(),
            user: self.key.user.clone(),
        }
    }
}

impl From<&scout_store::Person> for Actor {
    fn from(p: &scout_store::Person) -> Actor {
        Actor {
            workspace_id: p.workspace_id.clone(),
            user_id: p.user_id.clone(),
            user: p.email.clone(),
        }
    }
}

/// Compares two secrets (a session's CSRF token, the operator's metrics
/// token) in time independent of where they differ.
pub fn tokens_match(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
