//! The web app in a real browser: headless Chromium from Debian's packages,
//! driven over WebDriver against the real server on a random port with
//! real data. Each flow saves its pages as screenshots under
//! `target/web-screenshots/` and scans them with axe-core.

#[allow(dead_code)]
#[path = "../api/helpers.rs"]
mod helpers;

mod harness;
mod leads;
mod pipeline;
mod search;
mod workspace;
