//! Sessions of the web app: a random token in an `HttpOnly`, `SameSite=Lax`
//! cookie (`Secure` when the request came over HTTPS, as a proxy says with
//! `X-Forwarded-Proto`), stored as its SHA-256 in the store so that every
//! server sharing it knows the session; and the CSRF rules: every
//! state-changing form carries the session's token, and a request whose
//! `Origin` (or `Referer`) names another site is refused outright.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use sha2::{Digest, Sha256};

use crate::auth::tokens_match;
use crate::AppState;
use scout_store::Session;

/// The session cookie.
pub const SESSION_COOKIE: &str = "scout_session";
/// The cookie that binds the sign-in form to the browser that loaded it
/// (there is no session yet to hold its token).
pub const FORM_COOKIE: &str = "scout_form";
/// How long a session lasts.
pub const SESSION_HOURS: i64 = 12;

/// A fresh random token (32 bytes, hex).
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes)?;
    Ok(hex::encode(bytes))
}

/// What the store keeps of a token.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The value of cookie `name`, if the request sent it.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// Whether the request came over HTTPS (directly or through a proxy).
fn over_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// A `Set-Cookie` for `name=value` lasting `max_age` seconds (0 removes it).
pub fn set_cookie(headers: &HeaderMap, name: &str, value: &str, max_age: i64) -> HeaderValue {
    let secure = if over_https(headers) { "; Secure" } else { "" };
    let text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("scout_invalid=1"))
}

/// Whether a state-changing request comes from this site: an `Origin` (or,
/// without one, a `Referer`) must name the host the request was sent to.
/// Requests with neither (old clients, privacy settings) rely on the token.
pub fn same_site(headers: &HeaderMap) -> bool {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    match source {
        None => true,
        Some(url) => {
            let rest = url.split_once("://").map_or("", |(_, r)| r);
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && authority.eq_ignore_ascii_case(host)
        }
    }
}

/// The refusal of a form that did not come from Scout's own page.
fn not_from_this_site() -> Response {
    super::pages::forbidden(
        "This request did not come from Scout's own page, so nothing was changed. Reload the page and try again.",
    )
}

/// A signed-in person's request: their session and its token's hash.
pub struct SignedIn {
    /// The session, with the person.
    pub session: Session,
    /// The token's hash, to end the session.
    pub token_hash: Vec<u8>,
}

impl SignedIn {
    /// Whether `form_token` is this session's CSRF token and the request
    /// comes from this site.
    pub fn may_change(&self, headers: &HeaderMap, form_token: &str) -> bool {
        same_site(headers) && tokens_match(form_token, &self.session.csrf_token)
    }

    /// Lets a change through, or the page that refuses it: a form that did
    /// not come from Scout's own page, or a person whose role reads only.
    #[allow(clippy::result_large_err)]
    pub fn check_change(&self, headers: &HeaderMap, form_token: &str) -> Result<(), Response> {
        self.check_sender(headers)?;
        if !tokens_match(form_token, &self.session.csrf_token) {
            return Err(not_from_this_site());
        }
        Ok(())
    }

    /// What can be checked before a form's body is read: the request comes
    /// from this site and the person's role may change things. An upload is
    /// refused on these before a byte of its files is read.
    #[allow(clippy::result_large_err)]
    pub fn check_sender(&self, headers: &HeaderMap) -> Result<(), Response> {
        if !same_site(headers) {
            return Err(not_from_this_site());
        }
        if !self.session.person.role.writes() {
            return Err(super::pages::forbidden(&format!(
                "Your role in {} is viewer: you can read everything here but change nothing. An admin of the workspace can give you the recruiter role.",
                self.session.person.workspace
            )));
        }
        Ok(())
    }

    /// The signed-in person as the actor of what they do.
    pub(crate) fn actor(&self) -> crate::auth::Actor {
        crate::auth::Actor::from(&self.session.person)
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let to_sign_in = || {
            let next = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str())
                .filter(|p| *p != "/")
                .map(|p| {
                    format!(
                        "?next={}",
                        form_urlencoded::byte_serialize(p.as_bytes()).collect::<String>()
                    )
                })
                .unwrap_or_default();
            Redirect::to(&format!("/sign-in{next}")).into_response()
        };
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(to_sign_in());
        };
        let hash = token_hash(&token);
        match state.store.session(&hash).await {
            Ok(Some(session)) => {
                crate::audit::WhoSlot::fill_for(
                    parts,
                    crate::audit::Who {
                        actor: format!("user:{}", session.person.user_id),
                        workspace_id: session.person.workspace_id.clone(),
                    },
                );
                Ok(SignedIn {
                    session,
                    token_hash: hash,
                })
            }
            Ok(None) => Err(to_sign_in()),
            Err(e) => Err(super::pages::trouble(&e).into_response()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn cookies_are_read_by_name() {
        let h = headers(&[("cookie", "a=1; scout_session=abc; b=2")]);
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
    }

    #[test]
    fn another_sites_origin_is_refused() {
        assert!(same_site(&headers(&[
            ("host", "127.0.0.1:7700"),
            ("origin", "http://127.0.0.1:7700")
        ])));
        assert!(!same_site(&headers(&[
            ("host", "127.0.0.1:7700"),
            ("origin", "http://evil.example")
        ])));
        assert!(!same_site(&headers(&[
            ("host", "127.0.0.1:7700"),
            ("referer", "https://evil.example/127.0.0.1:7700")
        ])));
        assert!(same_site(&headers(&[("host", "scout.example")])));
    }

    #[test]
    fn cookies_are_secure_behind_https() {
        let plain = set_cookie(&HeaderMap::new(), SESSION_COOKIE, "t", 60);
        assert_eq!(
            plain,
            "scout_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
        );
        let tls = set_cookie(
            &headers(&[("x-forwarded-proto", "https")]),
            SESSION_COOKIE,
            "t",
            60,
        );
        assert!(tls.to_str().unwrap().ends_with("; Secure"));
        assert!(
            tokens_match("abc", "abc") && !tokens_match("abc", "abd") && !tokens_match("abc", "ab")
        );
    }
}
