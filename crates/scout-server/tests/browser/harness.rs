//! A real browser for the tests: Debian's `chromedriver` started on a free
//! port of the loopback, headless Chromium through it (WebDriver, with
//! fantoccini), and what the flows need of it — signing in, waiting for an
//! element, saving screenshots under `target/web-screenshots/`, reading the
//! browser's own timings and running the vendored axe-core scan.
//!
//! Without `chromedriver` the tests fail with the command that installs it:
//! they never skip (`.ci/run` installs it).

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// A chromedriver process, ended when dropped with the browsers it started
/// (they are in its process group: a test that fails mid-flow, before its
/// session is closed, leaves no Chromium behind).
pub struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on the loopback")
}

fn chromedriver_path() -> PathBuf {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| {
            panic!(
                "the browser tests need Chromium and its driver: \
                 apt-get install chromium chromium-driver (.ci/run installs them)"
            )
        })
}

/// Starts chromedriver and waits until it says it is ready for sessions.
/// A port taken between choosing it and chromedriver binding it (tests
/// start drivers side by side) ends that chromedriver at once: another port
/// is tried.
pub async fn driver() -> Driver {
    for _ in 0..3 {
        let port = free_port();
        let mut child = Command::new(chromedriver_path())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // its own process group, which Drop ends whole
            .process_group(0)
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        loop {
            if child.try_wait().ok().flatten().is_some() {
                break;
            }
            // a port that accepts is not yet a driver that takes sessions:
            // its status says when it does
            if ready(port) {
                let url = format!("http://127.0.0.1:{port}");
                return Driver { child, url };
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not become ready on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    panic!("chromedriver exited on three ports in a row");
}

/// Whether the chromedriver on `port` answers its status with ready.
fn ready(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if stream
        .write_all(b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .is_err()
    {
        return false;
    }
    // (read until the answer says it, or ends: the driver may keep the
    // connection open whatever the request asks)
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    while let Ok(n) = stream.read(&mut chunk) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&chunk[..n]);
        if String::from_utf8_lossy(&answer)
            .replace(' ', "")
            .contains("\"ready\":true")
        {
            return true;
        }
    }
    false
}

/// A browser window of `width`×`height`, headless.
pub async fn browser(driver: &Driver, width: u32, height: u32) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-extensions", "--no-first-run", "--lang=en-GB",
            format!("--window-size={width},{height}"),
        ]}),
    );
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session");
    client
        .set_window_size(width, height)
        .await
        .expect("the window is sized");
    client
}

/// The first element matching `css`, waiting up to five seconds for it.
pub async fn find(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(Duration::from_secs(5))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}` on the page: {e}"))
}

/// Every element matching `css` now.
pub async fn all(client: &Client, css: &str) -> Vec<Element> {
    client.find_all(Locator::Css(css)).await.unwrap_or_default()
}

/// The page's visible text.
pub async fn text(client: &Client) -> String {
    find(client, "body").await.text().await.unwrap_or_default()
}

/// Signs in through the sign-in page's form.
pub async fn sign_in(client: &Client, address: &str, email: &str, password: &str) {
    client
        .goto(&format!("{address}/sign-in"))
        .await
        .expect("the sign-in page opens");
    find(client, "#email").await.send_keys(email).await.unwrap();
    find(client, "#password")
        .await
        .send_keys(password)
        .await
        .unwrap();
    find(client, "section.sign-in button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    find(client, "header.topbar").await;
}

/// Where the screenshots go: `target/web-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/web-screenshots")
        .components()
        .collect::<PathBuf>();
    std::fs::create_dir_all(&dir).expect("the screenshot folder");
    dir
}

/// Saves the page as `target/web-screenshots/{name}.png`.
pub async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("a screenshot");
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).expect("written");
}

/// Runs axe-core on the page; the serious and critical violations, as
/// `rule: what (n nodes)` lines, and the counts by impact.
pub async fn accessibility(client: &Client) -> (Vec<String>, Value) {
    client.execute(AXE, vec![]).await.expect("axe-core loads");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                  .catch(e => done({error: String(e)}));"#,
            vec![],
        )
        .await
        .expect("axe-core runs");
    let violations = result.as_array().cloned().unwrap_or_else(|| {
        panic!("axe-core failed: {result}");
    });
    let mut counts = json!({"critical": 0, "serious": 0, "moderate": 0, "minor": 0});
    let mut bad = Vec::new();
    for v in &violations {
        let impact = v["impact"].as_str().unwrap_or("minor");
        counts[impact] = json!(counts[impact].as_i64().unwrap_or(0) + 1);
        println!(
            "  axe-core {impact}: {} — {} {}",
            v["id"], v["help"], v["targets"]
        );
        if impact == "serious" || impact == "critical" {
            bad.push(format!(
                "{} ({impact}): {} — {} node(s), e.g. {}",
                v["id"], v["help"], v["nodes"], v["targets"]
            ));
        }
    }
    (bad, counts)
}

/// Asserts that axe-core finds nothing serious or critical, and prints the
/// counts (the closing note quotes them).
pub async fn assert_accessible(client: &Client, page: &str) {
    let (bad, counts) = accessibility(client).await;
    println!("axe-core on {page}: {counts}");
    assert!(
        bad.is_empty(),
        "accessibility on {page}:\n{}",
        bad.join("\n")
    );
}

/// What the browser says of the page's timing, in milliseconds from the
/// navigation's start (the submitted search).
pub const TIMING_SCRIPT: &str = r#"const done = arguments[arguments.length - 1];
const nav = performance.getEntriesByType('navigation')[0];
const paint = performance.getEntriesByName('first-contentful-paint')[0];
let settled = false;
const finish = (card) => { if (settled) return; settled = true; done({
  ttfb: nav.responseStart, dom: nav.domInteractive,
  paint: paint ? paint.startTime : null,
  card: card ? (card.renderTime || card.loadTime) : null }); };
new PerformanceObserver((list) => {
  const card = list.getEntries().find((e) => e.identifier === 'first-card');
  if (card) finish(card);
}).observe({ type: 'element', buffered: true });
setTimeout(() => finish(null), 2000);"#;

/// Milliseconds from the navigation's start (a submitted search) to the
/// first card painted (Element Timing on the first card), and to the
/// first contentful paint, from the browser's own timing.
pub async fn first_card_timing(client: &Client) -> (f64, f64) {
    let t = client
        .execute_async(TIMING_SCRIPT, vec![])
        .await
        .expect("timings");
    (
        t["card"].as_f64().unwrap_or(f64::NAN),
        t["paint"].as_f64().unwrap_or(f64::NAN),
    )
}

/// Waits (up to five seconds) until the page's text holds `needle`, and
/// returns the text.
pub async fn wait_for_text(client: &Client, needle: &str) -> String {
    let mut page = String::new();
    for _ in 0..100 {
        page = text(client).await;
        if page.contains(needle) {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("`{needle}` never appeared on the page: {page}");
}

/// Asserts that the page does not scroll sideways (nothing wider than the
/// window), naming the widest culprit if it does.
pub async fn assert_fits_the_width(client: &Client, page: &str) {
    let found = client
        .execute(
            r#"const w = document.documentElement.clientWidth;
               if (document.documentElement.scrollWidth <= w) return null;
               const wide = [...document.querySelectorAll('body *')]
                 .filter((e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.board'))
                 .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
               return {width: w, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 5)};"#,
            vec![],
        )
        .await
        .expect("widths");
    assert!(found.is_null(), "{page} scrolls sideways: {found}");
}
