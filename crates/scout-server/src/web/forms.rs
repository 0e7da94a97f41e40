//! Reading the app's forms: every field as sent (repeatable, such as the
//! `talent` checkboxes of a selection), and the CSRF token they carry.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::Response;

use super::pages::forbidden;
use super::session::SignedIn;
use crate::AppState;

/// A submitted form's fields, in order.
pub(crate) struct Fields(Vec<(String, String)>);

impl Fields {
    /// The first value of `name`, trimmed; `""` when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.trim())
    }

    /// Every non-blank value of `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    /// The first value of `name` exactly as sent (a password keeps its
    /// spaces); `""` when absent.
    pub fn raw(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The form's CSRF token.
    pub fn csrf(&self) -> &str {
        self.get("_csrf")
    }

    /// `name` as a JSON string, or absent (`None`) when blank.
    pub fn text(&self, name: &str) -> Option<serde_json::Value> {
        let v = self.get(name);
        (!v.is_empty()).then(|| serde_json::Value::String(v.to_owned()))
    }
}

impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        axum::Form::<Vec<(String, String)>>::from_request(req, state)
            .await
            .map(|axum::Form(pairs)| Fields(pairs))
            .map_err(|_| forbidden("This form could not be read. Reload the page and try again."))
    }
}

/// A change sent by a signed-in person: their form, taken only once its
/// CSRF token and origin match the session and their role may change things
/// (`SignedIn::check_change`). Every state-changing form handler takes one,
/// so none can forget the check.
pub(crate) struct Change {
    pub signed_in: SignedIn,
    pub fields: Fields,
}

impl FromRequest<AppState> for Change {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let signed_in = SignedIn::from_request_parts(&mut parts, state).await?;
        let headers = parts.headers.clone();
        let fields = Fields::from_request(Request::from_parts(parts, body), state).await?;
        signed_in.check_change(&headers, fields.csrf())?;
        Ok(Change { signed_in, fields })
    }
}

/// `to` if it is a path of this site — never `//evil.example`, `/\\…` or a
/// full URL, which would make a form an open redirect.
pub(crate) fn site_path(to: &str) -> Option<&str> {
    (to.starts_with('/') && !to.starts_with("//") && !to.starts_with("/\\")).then_some(to)
}

/// Where to go back to after a change: a path of this site, else `fallback`.
pub(crate) fn back<'a>(fields: &'a Fields, fallback: &'a str) -> &'a str {
    site_path(fields.get("back")).unwrap_or(fallback)
}
