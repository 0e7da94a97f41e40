//! `spawn_app()`: a fresh store and index with fixture profiles, a server on
//! a random port, and keys to call it with.

use std::sync::Arc;

use scout_engine::Engine;
use scout_model::Talent;
use scout_server::{AppState, Settings};
use scout_store::{NewKey, Store};

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub key: String,
    pub store: Store,
    /// The server's state, shared with it (its `stopping`, for one).
    pub state: AppState,
    _dir: tempfile::TempDir,
}

pub fn fixture_talents() -> Vec<Talent> {
    let raw = [
        r#"{"id":"t01","firstname":"Marie","lastname":"Dupont","jobTitle":"Senior Software Engineer","city":"Paris","country":"France","skills":["React","TypeScript"],"summary":"B2B SaaS front ends","experiences":[{"title":"Senior Software Engineer","organizationName":"Acme","isCurrent":true,"startDate":"2016-01-01","description":"React and TypeScript"}],"languages":[{"name":"French","proficiency":"native_or_bilingual"},{"name":"English","proficiency":"full_professional"}],"educations":[{"schoolName":"École Polytechnique","degrees":["Master of Science"],"endDate":"2015-06-30"}]}"#,
        r#"{"id":"t02","firstname":"Jean","lastname":"Martin","jobTitle":"Software Developer","city":"Versailles","country":"France","skills":["Vue.js"],"experiences":[{"title":"Software Developer","organizationName":"Initech","isCurrent":true,"startDate":"2022-01-01"}],"languages":[{"name":"French","proficiency":"native_or_bilingual"}]}"#,
        r#"{"id":"t03","firstname":"Ana","lastname":"Lopez","jobTitle":"Software Engineer","city":"Madrid","country":"Spain","skills":["React"],"experiences":[{"title":"Software Engineer","organizationName":"Google","isCurrent":true,"startDate":"2019-01-01"}],"languages":[{"name":"Spanish","proficiency":"native_or_bilingual"},{"name":"French","proficiency":"elementary"}]}"#,
        r#"{"id":"t04","firstname":"Tom","lastname":"Baker","jobTitle":"Registered Nurse","city":"London","country":"United Kingdom","skills":["Patient Care"],"experiences":[{"title":"Registered Nurse","isCurrent":true,"startDate":"2012-01-01"}]}"#,
        r#"{"id":"t05","firstname":"Lea","lastname":"Roux","jobTitle":"Freelance Product Designer","city":"Lyon","country":"France","skills":["Figma"],"experiences":[{"title":"Freelance Product Designer","organizationName":"Freelance","isCurrent":true,"startDate":"2020-01-01"}],"certifications":[{"name":"Google UX Design Certificate"}]}"#,
    ];
    let mut v: Vec<Talent> = raw
        .iter()
        .map(|r| serde_json::from_str(r).unwrap())
        .collect();
    for i in 6..=30 {
        v.push(
            serde_json::from_value(serde_json::json!({
                "id": format!("t{i:02}"), "firstname": "Dev", "lastname": format!("N{i}"),
                "jobTitle": if i % 2 == 0 { "Backend Engineer" } else { "Software Engineer" },
                "city": if i % 3 == 0 { "Boulogne-Billancourt" } else { "Paris" }, "country": "France",
                "skills": ["Python"],
            }))
            .unwrap(),
        );
    }
    v
}

pub async fn spawn_app_with(settings: Settings, talents: Vec<Talent>, per_minute: i64) -> TestApp {
    spawn_app_on(None, settings, talents, per_minute).await
}

/// A server whose store is the PostgreSQL database at `url` (SQLite in a
/// temporary directory when `None`).
pub async fn spawn_app_on(
    url: Option<String>,
    settings: Settings,
    talents: Vec<Talent>,
    per_minute: i64,
) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url = url.unwrap_or_else(|| dir.path().join("scout.db").to_string_lossy().into_owned());
    let store = Store::open(&url).await.unwrap();
    store
        .upsert_profiles(&talents, "fixtures", None)
        .await
        .unwrap();
    let engine = Arc::new(Engine::open(&dir.path().join("index")).unwrap());
    let mut writer = engine.writer(50_000_000).unwrap();
    scout_ingest::sync::catch_up(&store, &mut writer, &|_, _| {})
        .await
        .unwrap();
    drop(writer);
    engine.reload().unwrap();
    let new = NewKey {
        workspace: "acme".into(),
        user: "ada".into(),
        is_admin: false,
        scopes: vec![
            "talents:search".into(),
            "sourcing:read".into(),
            "sourcing:write".into(),
            "searches:read".into(),
            "searches:write".into(),
            "pools:read".into(),
            "pools:write".into(),
        ],
        per_minute,
        per_day: 10_000,
    };
    let (key, _) = store.create_key(&new).await.unwrap();
    let state = AppState::with_settings(store.clone(), engine, settings);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(scout_server::serve(
        listener,
        state.clone(),
        std::future::pending(),
    ));
    TestApp {
        address,
        client: reqwest::Client::new(),
        key,
        store,
        state,
        _dir: dir,
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Settings::default(), fixture_talents(), 1000).await
}

impl TestApp {
    /// A request with the default key.
    pub fn call(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, format!("{}{}", self.address, path))
            .header("x-api-key", &self.key)
    }

    /// `GET path` with the default key: status and JSON body.
    pub async fn get(&self, path: &str) -> (u16, serde_json::Value) {
        let res = self.call(reqwest::Method::GET, path).send().await.unwrap();
        (res.status().as_u16(), res.json().await.unwrap())
    }

    /// `method path` with a JSON body and the default key: status and JSON body.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let res = self.call(method, path).json(&body).send().await.unwrap();
        (res.status().as_u16(), res.json().await.unwrap())
    }

    pub async fn search(&self, body: serde_json::Value) -> reqwest::Response {
        self.client
            .post(format!("{}/v1/search/talents", self.address))
            .header("x-api-key", &self.key)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn key_with(&self, scopes: &[&str], per_minute: i64) -> String {
        self.key_in("acme", scopes, per_minute).await
    }

    pub async fn key_in(&self, workspace: &str, scopes: &[&str], per_minute: i64) -> String {
        self.key_as(workspace, false, scopes, per_minute).await
    }

    pub async fn key_as(
        &self,
        workspace: &str,
        is_admin: bool,
        scopes: &[&str],
        per_minute: i64,
    ) -> String {
        let new = NewKey {
            workspace: workspace.into(),
            user: if is_admin {
                "root".into()
            } else {
                "bob".into()
            },
            is_admin,
            scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
            per_minute,
            per_day: 10_000,
        };
        self.store.create_key(&new).await.unwrap().0
    }
}

/// Waits until the index holds every stored change (the follower's job).
pub async fn indexed(app: &TestApp) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let last = app.store.last_seq().await.unwrap();
        if app.state.engine.searchable_checkpoint() >= last {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the index did not catch up"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

pub fn follow(app: &TestApp) -> scout_ingest::sync::Follower {
    let writer = app.state.engine.writer(30_000_000).unwrap();
    scout_ingest::sync::Follower::spawn(
        app.store.clone(),
        app.state.engine.clone(),
        writer,
        std::time::Duration::from_millis(50),
    )
    .unwrap()
}

/// Removes the parts that change from run to run.
pub fn redact_tracking(mut v: serde_json::Value) -> serde_json::Value {
    let code = v["error"]["debugTrackingCode"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(code.len() >= 16, "every error carries a tracking code: {v}");
    v["error"]["debugTrackingCode"] = "V1StGXR8_Z5jdHi6B-myT".into();
    v
}
