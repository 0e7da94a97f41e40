//! `scout bench web`: the web app as a recruiter meets it, timed by the
//! browser. On the benchmark data set (N profiles), a server in this
//! process, headless Chromium from Debian's packages driven over WebDriver
//! (plain JSON over HTTP to `chromedriver` on the loopback), a person
//! signed in; then each prompt of a set is submitted and the browser's own
//! timing read: time to first byte, and the first result card painted
//! (Element Timing on the first card), from the navigation's start. Also
//! the JavaScript + CSS the app ships and a results page's size on the
//! wire.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use serde_json::{json, Value};

use crate::config::Paths;
use crate::output;
use crate::stats::summary;

/// Prompts submitted, as a recruiter writes them.
const PROMPTS: [&str; 10] = [
    "software engineers in London",
    "senior backend engineers in Berlin with Go or Python",
    "registered nurses in Paris",
    "data scientists with Python and machine learning, 3+ years",
    "product designers in Amsterdam with Figma",
    "account executives in New York, not at Oracle",
    "accountants in Madrid who speak English",
    "devops engineers with Kubernetes and AWS",
    "marketing managers in Toronto with 5-10 years of experience",
    "java developers in Bangalore",
];

/// The script that reads the page's timing (the browser tests use the same
/// measure: `crates/scout-server/tests/browser/harness.rs`).
const TIMING: &str = r#"const done = arguments[arguments.length - 1];
const nav = performance.getEntriesByType('navigation')[0];
let settled = false;
const finish = (card) => { if (settled) return; settled = true;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  done({
  ttfb: nav.responseStart, end: nav.responseEnd, dom: nav.domInteractive,
  fcp: fcp ? fcp.startTime : null,
  card: card ? (card.renderTime || card.loadTime) : null,
  cards: document.querySelectorAll('ol.cards li.card').length,
  bytes: nav.transferSize, decoded: nav.decodedBodySize }); };
new PerformanceObserver((list) => {
  const card = list.getEntries().find((e) => e.identifier === 'first-card');
  if (card) finish(card);
}).observe({ type: 'element', buffered: true });
setTimeout(() => finish(null), 3000);"#;

struct Driver {
    child: Child,
    base: String,
    http: reqwest::Client,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    async fn start() -> anyhow::Result<Driver> {
        let path = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
            .context("`scout bench web` needs Chromium and its driver: apt-get install chromium chromium-driver")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let child = Command::new(path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("cannot start chromedriver")?;
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let started = Instant::now();
        while http.get(format!("{base}/status")).send().await.is_err() {
            if started.elapsed() > Duration::from_secs(20) {
                bail!("chromedriver did not answer");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut driver = Driver {
            child,
            base,
            http,
            session: String::new(),
        };
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1280,800"]}}}});
        let created = driver.call("POST", "/session", Some(caps)).await?;
        driver.session = created["sessionId"]
            .as_str()
            .context("chromedriver made no session")?
            .to_owned();
        Ok(driver)
    }

    async fn call(&self, method: &str, path: &str, body: Option<Value>) -> anyhow::Result<Value> {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let request = match method {
            "POST" => self.http.post(url).json(&body.unwrap_or_else(|| json!({}))),
            "DELETE" => self.http.delete(url),
            _ => self.http.get(url),
        };
        let answer: Value = request.send().await?.json().await?;
        if let Some(error) = answer["value"]["error"].as_str() {
            bail!("WebDriver: {error}: {}", answer["value"]["message"]);
        }
        Ok(answer["value"].clone())
    }

    async fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.call("POST", "/url", Some(json!({"url": url}))).await?;
        Ok(())
    }

    async fn element(&self, css: &str) -> anyhow::Result<String> {
        let found = self
            .call(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await?;
        found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned)
            .with_context(|| format!("no `{css}` on the page"))
    }

    async fn type_into(&self, css: &str, text: &str) -> anyhow::Result<()> {
        let id = self.element(css).await?;
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .await?;
        Ok(())
    }

    async fn click(&self, css: &str) -> anyhow::Result<()> {
        let id = self.element(css).await?;
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})))
            .await?;
        Ok(())
    }

    async fn script_async(&self, script: &str) -> anyhow::Result<Value> {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": []})),
        )
        .await
    }
}

/// Runs the benchmark.
pub async fn run(paths: &Paths, profiles: u64, rounds: usize, as_json: bool) -> anyhow::Result<()> {
    let (store, engine) = super::fixtures::searchable(paths, profiles).await?;
    let state = scout_server::AppState::with_settings(store, engine, Default::default());
    let sign_in = scout_server::web::demo::bench_person(&state).await?;
    let (addr, server) = super::fixtures::serve_in_process(state).await?;
    let app = format!("http://{addr}");

    let driver = Driver::start().await?;
    driver.goto(&format!("{app}/sign-in")).await?;
    driver.type_into("#email", &sign_in.email).await?;
    driver.type_into("#password", &sign_in.password).await?;
    driver.click("section.sign-in button[type=submit]").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;

    let (mut ttfb, mut card, mut cold_card) = (Vec::new(), Vec::new(), Vec::new());
    // where the time goes: the last byte, the document parsed, the first paint
    let (mut last_byte, mut parsed, mut first_paint) = (Vec::new(), Vec::new(), Vec::new());
    let mut wire = Vec::new();
    let mut per_prompt = Vec::new();
    for round in 0..=rounds {
        for prompt in PROMPTS {
            let url = format!(
                "{app}/?q={}",
                form_urlencoded::byte_serialize(prompt.as_bytes()).collect::<String>()
            );
            driver.goto(&url).await?;
            let t = driver.script_async(TIMING).await?;
            let (first_byte, painted) = (t["ttfb"].as_f64(), t["card"].as_f64());
            if t["cards"].as_u64().unwrap_or(0) == 0 {
                eprintln!("no result for “{prompt}”");
                continue;
            }
            let Some(painted) = painted else { continue };
            if round == 0 {
                // the first time each search runs (nothing of it cached yet)
                cold_card.push(painted);
                wire.push(t["bytes"].as_f64().unwrap_or(0.0));
                per_prompt.push(json!({"prompt": prompt, "firstCardMs": painted, "bytesOnTheWire": t["bytes"], "htmlBytes": t["decoded"]}));
            } else {
                card.push(painted);
                ttfb.push(first_byte.unwrap_or(f64::NAN));
                last_byte.push(t["end"].as_f64().unwrap_or(f64::NAN));
                parsed.push(t["dom"].as_f64().unwrap_or(f64::NAN));
                first_paint.push(t["fcp"].as_f64().unwrap_or(f64::NAN));
            }
        }
    }
    let _ = driver.call("DELETE", "", None).await;
    drop(driver);
    server.abort();

    let shipped = scout_server::web::shipped_bytes();
    let report = json!({
        "profiles": profiles,
        "rounds": rounds,
        "firstCardMs": summary(card),
        "firstCardFirstTimeMs": summary(cold_card),
        "timeToFirstByteMs": summary(ttfb),
        "lastByteMs": summary(last_byte),
        "domInteractiveMs": summary(parsed),
        "firstContentfulPaintMs": summary(first_paint),
        "shippedJsCssBytes": shipped,
        "resultsPageBytesOnTheWire": summary(wire),
        "prompts": per_prompt,
        "machine": format!("{} cores", std::thread::available_parallelism().map_or(0, |n| n.get())),
    });
    if as_json {
        output::json(&report)?;
    } else {
        println!(
            "web app on {profiles} profiles, {rounds} rounds of {} prompts, Chromium headless:",
            PROMPTS.len()
        );
        println!(
            "  first result card painted after submit: {}",
            report["firstCardMs"]
        );
        println!(
            "  … the first time each search runs:       {}",
            report["firstCardFirstTimeMs"]
        );
        println!(
            "  time to first byte:                      {}",
            report["timeToFirstByteMs"]
        );
        println!(
            "  … last byte / document parsed / first contentful paint: {} / {} / {}",
            report["lastByteMs"]["p50"],
            report["domInteractiveMs"]["p50"],
            report["firstContentfulPaintMs"]["p50"]
        );
        println!(
            "  results page on the wire (gzip), bytes:  {}",
            report["resultsPageBytesOnTheWire"]
        );
        println!("  JavaScript + CSS shipped: {shipped} bytes (budget 150,000)");
    }
    Ok(())
}
