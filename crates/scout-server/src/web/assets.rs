//! The web app's static files, embedded in the binary and served under a
//! name carrying a digest of their content (`app.3f9c0e1a.css`), so that
//! browsers may keep them for a year and still see every new version.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

/// The one style sheet (design tokens first, then one block per component).
const APP_CSS: &str = include_str!("assets/app.css");
/// The one script: the keyboard map, selection and the board's moves. Every
/// action it speeds up is also a plain form that works without it.
const APP_JS: &str = include_str!("assets/app.js");

fn digest(text: &str) -> String {
    // FNV-1a: a fingerprint, not a security measure
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h as u32)
}

static CSS_PATH: LazyLock<String> =
    LazyLock::new(|| format!("/assets/app.{}.css", digest(APP_CSS)));

static JS_PATH: LazyLock<String> = LazyLock::new(|| format!("/assets/app.{}.js", digest(APP_JS)));

/// Where the style sheet is served.
pub(crate) fn css_path() -> &'static str {
    CSS_PATH.as_str()
}

/// Where the script is served.
pub(crate) fn js_path() -> &'static str {
    JS_PATH.as_str()
}

/// `GET /assets/{name}`.
pub(crate) async fn serve(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let path = format!("/assets/{name}");
    let (kind, body) = if path == css_path() {
        ("text/css; charset=utf-8", APP_CSS)
    } else if path == js_path() {
        ("text/javascript; charset=utf-8", APP_JS)
    } else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        body,
    )
        .into_response()
}

/// Bytes of CSS and JavaScript the app ships (the budget: 150 KB).
pub fn shipped_bytes() -> usize {
    APP_CSS.len() + APP_JS.len()
}
