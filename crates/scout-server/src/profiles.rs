//! Profiles over HTTP: one at a time (`PUT`, `GET`, `DELETE
//! /v1/talents/{id}`), many at once (`POST /v1/talents/bulk`: JSON Lines,
//! plain or gzip, through the same importer as `scout import`), and out
//! again (`GET`/`POST /v1/talents/export`: JSON Lines or CSV, streamed).
//!
//! Every profile belongs to a pool (`scout_model::ownership`): a key writes
//! its workspace's own profiles; an operator's key (`admin`) may write the
//! shared pool with `?pool=shared`. Reads see what the workspace's searches
//! see: the shared pool and its own profiles. A profile of another
//! workspace answers exactly as one that does not exist. Writes go through
//! the store's change sequence, so every server's index follows them.

use std::collections::HashSet;

use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{post, put};
use axum::Router;
use scout_ingest::export::{csv_header, csv_row, jsonl_line};
use scout_ingest::formats::Format;
use scout_ingest::{ImportOptions, ImportSummary};
use scout_model::criteria::Filter;
use scout_model::{ErrorCode, Talent};
use scout_store::{StoredProfile, UpsertOutcome};
use serde_json::{json, Value};
use tokio_stream::StreamExt;

use crate::auth::{Caller, TalentsSearch, TalentsWrite};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::validate::{check, ObjectReader, QueryString};
use crate::views::{iso, ok};
use crate::AppState;

const INTERNAL: &str = "An error occurred while handling talent profiles";

/// Largest profile `PUT` takes: the importer's longest line.
pub const MAX_PROFILE_BYTES: usize = 1 << 20;
/// Largest `POST /v1/talents/bulk` body (as sent, gzip or not).
pub const MAX_BULK_BYTES: usize = 100 * 1024 * 1024;
/// Rejected lines a bulk answer lists (all are counted).
pub const MAX_LISTED_REJECTS: usize = 1_000;
/// Most profiles one filtered export returns (an unfiltered one has no cap).
pub const MAX_FILTERED_EXPORT: usize = 100_000;
/// Profiles read per page while an export streams.
const EXPORT_PAGE: i64 = 500;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        // the body is read as a stream and counted (`receive`)
        .route("/v1/talents/bulk", post(bulk))
        .route(
            "/v1/talents/export",
            axum::routing::get(export_all).post(export_filtered),
        )
        .route(
            "/v1/talents/{id}",
            put(put_profile)
                .get(get_profile)
                .delete(delete_profile)
                .layer(DefaultBodyLimit::max(MAX_PROFILE_BYTES)),
        )
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::internal(&e, INTERNAL)
}

fn not_found() -> ApiError {
    ApiError::not_found("Talent")
}

/// Which pool a write goes to: `?pool=workspace` (the default: the key's
/// workspace) or `?pool=shared` (an operator's key only).
fn write_pool(raw: Option<&str>, key: &scout_store::ApiKey) -> Result<Option<String>, ApiError> {
    let mut q = QueryString::parse(raw);
    let pool = q.one_of("pool", &["workspace", "shared"]);
    check(q.finish())?;
    pool_of(pool, key)
}

/// The pool `?pool=` names for `key`: its workspace's own (`Some`), or the
/// shared pool (`None`, an operator's key only).
pub(crate) fn pool_of(
    pool: Option<&str>,
    key: &scout_store::ApiKey,
) -> Result<Option<String>, ApiError> {
    match pool {
        Some("shared") if !key.is_operator() => Err(ApiError::new(
            ErrorCode::InsufficientScope,
            "Only a key with the `admin` scope acts on the shared pool (pool=shared)",
        )),
        Some("shared") => Ok(None),
        _ => Ok(Some(key.workspace_id.clone())),
    }
}

fn pool_name(owner: Option<&str>) -> &'static str {
    match owner {
        None => "shared",
        Some(_) => "workspace",
    }
}

fn outcome_name(o: UpsertOutcome) -> &'static str {
    match o {
        UpsertOutcome::Inserted => "inserted",
        UpsertOutcome::Updated => "updated",
        UpsertOutcome::Unchanged => "unchanged",
        UpsertOutcome::Suppressed => "erased",
        UpsertOutcome::Taken => "taken",
        UpsertOutcome::Merged => "merged",
    }
}

fn profile_view(p: &StoredProfile) -> Value {
    json!({
        "talent": p.talent,
        "pool": pool_name(p.owner.as_deref()),
        "source": p.source,
        "firstSeenAt": iso(p.first_seen_at),
        "lastChangedAt": iso(p.last_changed_at),
    })
}

/// `PUT /v1/talents/{id}`: creates or replaces one profile of the pool.
async fn put_profile(
    State(state): State<AppState>,
    caller: Caller<TalentsWrite>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> Result<Response, ApiError> {
    let owner = write_pool(raw.as_deref(), &caller.key)?;
    let talent = profile_of_body(&id, &body)?;
    let report = state
        .store
        .upsert_profiles(std::slice::from_ref(&talent), "api", owner.as_deref())
        .await
        .map_err(internal)?;
    let outcome = report
        .outcomes
        .first()
        .copied()
        .ok_or_else(|| internal("the store answered no outcome"))?;
    let status = match outcome {
        UpsertOutcome::Inserted => StatusCode::CREATED,
        // a PUT names its id: it is never merged on arrival (a likely
        // duplicate goes to the review queue instead)
        UpsertOutcome::Updated | UpsertOutcome::Unchanged | UpsertOutcome::Merged => {
            StatusCode::OK
        }
        UpsertOutcome::Suppressed => {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "This profile names a person who was erased on request; it is not stored again",
            ))
        }
        UpsertOutcome::Taken => {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                match owner {
                    Some(_) => format!(
                        "The shared pool holds a profile with the id `{id}`; give this one another id"
                    ),
                    None => format!(
                        "A workspace holds its own profile with the id `{id}`; give this one another id"
                    ),
                },
            ))
        }
    };
    Ok(ok(
        status,
        caller.limit_headers,
        json!({
            "talent": talent,
            "pool": pool_name(owner.as_deref()),
            "outcome": outcome_name(outcome),
        }),
    ))
}

/// The profile a `PUT` body holds, checked as the importer checks a line;
/// its `id`, when given, must be the path's.
fn profile_of_body(id: &str, body: &[u8]) -> Result<Talent, ApiError> {
    let issue = |code: &'static str, message: String| {
        ApiError::validation(vec![crate::json::body_issue(code, message)])
    };
    if body.is_empty() {
        return Err(issue(
            "invalid_type",
            "Required: a talent profile as the JSON request body".into(),
        ));
    }
    let mut value: Value = serde_json::from_slice(body)
        .map_err(|e| issue("invalid_json", format!("Malformed JSON: {e}")))?;
    let Some(object) = value.as_object_mut() else {
        return Err(issue(
            "invalid_type",
            "Expected a talent profile (a JSON object)".into(),
        ));
    };
    match object.get("id") {
        None => {
            object.insert("id".into(), json!(id));
        }
        Some(Value::String(given)) if given == id => {}
        Some(_) => {
            return Err(issue(
                "invalid_string",
                format!("The profile's `id` must be the path's, `{id}`"),
            ))
        }
    }
    scout_ingest::read_profile(&value.to_string())
        .map_err(|reason| issue("invalid_profile", reason))
}

/// `GET /v1/talents/{id}`: a profile the workspace sees, with its provenance.
async fn get_profile(
    State(state): State<AppState>,
    caller: Caller<TalentsSearch>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = state
        .store
        .get_profiles(Some(&caller.key.workspace_id), std::slice::from_ref(&id))
        .await
        .map_err(internal)?;
    let profile = found.first().ok_or_else(not_found)?;
    let mut view = profile_view(profile);
    // every source that fed it: its own last write, and each profile
    // merged into it (one person once)
    let merges = state
        .store
        .merged_into(profile.owner.as_deref(), &id)
        .await
        .map_err(internal)?;
    let mut sources = vec![
        json!({"source": profile.source, "at": iso(profile.last_changed_at), "kind": "written"}),
    ];
    for m in &merges {
        let other = m.talent_ids.iter().find(|t| **t != id).cloned();
        sources.push(json!({
            "source": m.decided_by.as_deref().and_then(|d| d.strip_prefix("import:")).unwrap_or("merge"),
            "at": m.decided_at.map(iso),
            "kind": "merged",
            "talentId": other,
            "reason": m.reason,
            "duplicateId": m.id,
        }));
    }
    view["sources"] = json!(sources);
    Ok(ok(StatusCode::OK, caller.limit_headers, view))
}

/// `DELETE /v1/talents/{id}`: deletes one profile of the pool. A shared
/// profile, seen but not the workspace's, is refused with `403`.
async fn delete_profile(
    State(state): State<AppState>,
    caller: Caller<TalentsWrite>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let owner = write_pool(raw.as_deref(), &caller.key)?;
    let ids = [id.clone()];
    let gone = state
        .store
        .delete_profiles(owner.as_deref(), &ids)
        .await
        .map_err(internal)?;
    if gone == 0 {
        if owner.is_some() {
            let seen = state
                .store
                .get_profiles(Some(&caller.key.workspace_id), &ids)
                .await
                .map_err(internal)?;
            if seen.first().is_some_and(|p| p.owner.is_none()) {
                return Err(ApiError::new(
                    ErrorCode::InsufficientScope,
                    "This profile belongs to the shared pool: only a key with the `admin` scope deletes it (pool=shared)",
                ));
            }
        }
        return Err(not_found());
    }
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"id": id, "deleted": true, "pool": pool_name(owner.as_deref())}),
    ))
}

/// `POST /v1/talents/bulk`: JSON Lines of profiles (gzip-compressed or
/// not), imported by `scout import`'s importer into the pool; answers its
/// summary with the rejected lines and their reasons.
async fn bulk(
    State(state): State<AppState>,
    caller: Caller<TalentsWrite>,
    RawQuery(raw): RawQuery,
    headers: axum::http::HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let pool = q.one_of("pool", &["workspace", "shared"]);
    let named = q.one_of("format", Format::NAMES);
    let maps = q.all("map", 400);
    let mut issues = q.finish();
    let mut columns = Vec::new();
    for m in &maps {
        match m.split_once('=') {
            Some((c, f)) => columns.push((c.trim().to_owned(), f.trim().to_owned())),
            None => issues.push(scout_query::Issue::new(
                "invalid_string",
                vec![scout_query::PathItem::Key("map".into())],
                format!("`{m}`: write a column mapping as COLUMN=FIELD"),
            )),
        }
    }
    check(issues)?;
    let owner = pool_of(pool, &caller.key)?;
    let format = named
        .and_then(Format::parse)
        .or_else(|| format_of(&headers));
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_BULK_BYTES as u64) {
        return Err(too_big());
    }
    let mut spooled = Spooled::new(&state, format).await?;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            ApiError::validation(vec![crate::json::body_issue(
                "invalid_body",
                format!("Cannot read the request body: {e}"),
            )])
        })?;
        spooled.write(&chunk).await?;
    }
    let data = spooled.import(&state, owner, format, columns).await?;
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

/// A file being taken in, as it arrives: written to a private temporary
/// directory under the spool directory (removed when this is dropped, once
/// the file is imported or refused), counted against [`MAX_BULK_BYTES`].
pub(crate) struct Spooled {
    dir: tempfile::TempDir,
    path: std::path::PathBuf,
    file: tokio::fs::File,
    written: u64,
}

impl Spooled {
    /// A new, empty file for an upload of `format` (its name tells the
    /// format when the upload does not).
    pub(crate) async fn new(state: &AppState, format: Option<Format>) -> Result<Spooled, ApiError> {
        let spool = state.settings.spool_dir.clone();
        let dir = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
            match &spool {
                Some(d) => {
                    std::fs::create_dir_all(d)?;
                    tempfile::Builder::new().prefix("bulk-").tempdir_in(d)
                }
                None => tempfile::Builder::new().prefix("scout-bulk-").tempdir(),
            }
        })
        .await
        .map_err(internal)?
        .map_err(internal)?;
        let path = dir.path().join(match format {
            Some(Format::Csv) => "upload.csv",
            Some(Format::LinkedIn) => "upload.zip",
            Some(Format::JsonResume) => "upload.json",
            _ => "upload",
        });
        let file = tokio::fs::File::create(&path).await.map_err(internal)?;
        Ok(Spooled {
            dir,
            path,
            file,
            written: 0,
        })
    }

    /// Appends a chunk; refused past [`MAX_BULK_BYTES`].
    pub(crate) async fn write(&mut self, chunk: &[u8]) -> Result<(), ApiError> {
        use tokio::io::AsyncWriteExt;
        self.written += chunk.len() as u64;
        if self.written > MAX_BULK_BYTES as u64 {
            return Err(too_big());
        }
        self.file.write_all(chunk).await.map_err(internal)
    }

    /// Imports the file into `owner`'s pool with `scout import`'s importer;
    /// the summary, with the first rejected lines.
    pub(crate) async fn import(
        mut self,
        state: &AppState,
        owner: Option<String>,
        format: Option<Format>,
        columns: Vec<(String, String)>,
    ) -> Result<Value, ApiError> {
        use tokio::io::AsyncWriteExt;
        self.file.flush().await.map_err(internal)?;
        if self.written == 0 {
            return Err(ApiError::validation(vec![crate::json::body_issue(
                "invalid_type",
                "Required: a file of talent profiles (JSON Lines, CSV, JSON Resume or a LinkedIn export)".into(),
            )]));
        }
        let mut options = ImportOptions::new(self.dir.path().to_path_buf());
        options.kind = Some(scout_ingest::import::RecordKind::Profiles);
        options.owner = owner.clone();
        options.format = format;
        options.columns = columns;
        // not the spool's path: it says nothing to whoever reads it
        options.source = Some(format!(
            "upload ({})",
            format.map_or("told from the file", |f| f.name())
        ));
        let upload = self.path.clone();
        let summary = scout_ingest::import_files(
            std::slice::from_ref(&upload),
            &state.store,
            None,
            &options,
            &scout_ingest::import::Silent,
        )
        .await
        .map_err(|e| match e {
            // a file its format's reader cannot read at all (no header Scout
            // can map, a broken archive): the client's to fix
            scout_ingest::import::ImportError::Read { source, .. }
                if source.kind() == std::io::ErrorKind::InvalidData =>
            {
                ApiError::validation(vec![crate::json::body_issue(
                    "invalid_file",
                    source
                        .to_string()
                        .replace(&upload.display().to_string(), "the file"),
                )])
            }
            other => internal(other),
        })?;
        let rejects = read_rejects(&summary).await?;
        Ok(bulk_summary(&summary, rejects, pool_name(owner.as_deref())))
    }
}

/// The format a request's `Content-Type` names; `None` to tell it from the
/// bytes (JSON Lines, gzip, or anything the type does not settle).
fn format_of(headers: &axum::http::HeaderMap) -> Option<Format> {
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())?
        .split(';')
        .next()?
        .trim()
        .to_ascii_lowercase();
    match kind.as_str() {
        "text/csv" | "text/tab-separated-values" | "application/csv" => Some(Format::Csv),
        "application/zip" | "application/x-zip-compressed" => Some(Format::LinkedIn),
        "application/x-ndjson" | "application/jsonl" | "application/json-lines" => {
            Some(Format::Jsonl)
        }
        _ => None,
    }
}

fn too_big() -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!("A bulk import is at most {MAX_BULK_BYTES} bytes"),
    )
}

/// The first [`MAX_LISTED_REJECTS`] rejected lines from the rejects file.
async fn read_rejects(summary: &ImportSummary) -> Result<Vec<Value>, ApiError> {
    let Some(path) = summary.rejects_files.first().cloned() else {
        return Ok(Vec::new());
    };
    tokio::task::spawn_blocking(move || -> std::io::Result<Vec<Value>> {
        use std::io::BufRead;
        let file = std::io::BufReader::new(std::fs::File::open(path)?);
        let mut out = Vec::new();
        for line in file.lines().take(MAX_LISTED_REJECTS) {
            let v: Value = serde_json::from_str(&line?).unwrap_or(Value::Null);
            out.push(json!({"line": v["line"], "reason": v["reason"], "excerpt": v["excerpt"]}));
        }
        Ok(out)
    })
    .await
    .map_err(internal)?
    .map_err(internal)
}

fn bulk_summary(s: &ImportSummary, rejects: Vec<Value>, pool: &str) -> Value {
    json!({
        "pool": pool,
        "read": s.read,
        "inserted": s.inserted,
        "updated": s.updated,
        "unchanged": s.unchanged,
        "rejected": s.rejected,
        "erased": s.erased,
        "taken": s.taken,
        "merged": s.merged,
        "rejects": rejects,
        "rejectsTruncated": s.rejected as usize > MAX_LISTED_REJECTS,
        "damaged": s.damaged.iter().map(|d| json!({"linesRead": d.lines_read, "reason": d.reason})).collect::<Vec<_>>(),
        "seconds": (s.seconds * 1000.0).round() / 1000.0,
    })
}

/// Which profiles an export holds: the workspace's own (the default), or
/// for an operator's key the shared pool or both.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ExportPool {
    Own,
    Shared,
    All,
}

#[derive(Clone, Copy)]
enum ExportFormat {
    Jsonl,
    Csv,
}

fn export_choice(
    pool: Option<&str>,
    format: Option<&str>,
    key: &scout_store::ApiKey,
) -> Result<(ExportPool, ExportFormat), ApiError> {
    let pool = match pool {
        Some("shared") => ExportPool::Shared,
        Some("all") => ExportPool::All,
        _ => ExportPool::Own,
    };
    if pool != ExportPool::Own && !key.is_operator() {
        return Err(ApiError::new(
            ErrorCode::InsufficientScope,
            "Only a key with the `admin` scope exports the shared pool (pool=shared or pool=all)",
        ));
    }
    let format = match format {
        Some("csv") => ExportFormat::Csv,
        _ => ExportFormat::Jsonl,
    };
    Ok((pool, format))
}

/// `GET /v1/talents/export?format=jsonl|csv&pool=own|shared|all`: every
/// profile of the pool, in id order.
async fn export_all(
    State(state): State<AppState>,
    caller: Caller<TalentsSearch>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let pool = q.one_of("pool", &["own", "shared", "all"]);
    let format = q.one_of("format", &["jsonl", "csv"]);
    check(q.finish())?;
    let (pool, format) = export_choice(pool, format, &caller.key)?;
    Ok(stream_pool(
        &state,
        &caller.key.workspace_id,
        pool,
        format,
        caller.limit_headers,
    ))
}

/// Every profile of `pool` as seen by `workspace`, in id order, streamed.
fn stream_pool(
    state: &AppState,
    workspace: &str,
    pool: ExportPool,
    format: ExportFormat,
    headers: crate::limits::LimitHeaders,
) -> Response {
    let owners: Vec<Option<String>> = match pool {
        ExportPool::Own => vec![Some(workspace.to_owned())],
        ExportPool::Shared => vec![None],
        ExportPool::All => vec![None, Some(workspace.to_owned())],
    };
    let store = state.store.clone();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<String, std::io::Error>>(4);
    tokio::spawn(async move {
        for owner in owners {
            let mut after = String::new();
            loop {
                let page = match store
                    .pool_profiles(owner.as_deref(), &after, EXPORT_PAGE)
                    .await
                {
                    Ok(p) => p,
                    Err(e) => {
                        // the status is sent: a failure cuts the body short
                        tracing::error!(error = %e, "an export failed while streaming");
                        let _ = tx.send(Err(std::io::Error::other(e.to_string()))).await;
                        return;
                    }
                };
                let Some(last) = page.last() else { break };
                after = last.talent.id.clone();
                let chunk: String = page.iter().map(|p| line_of(format, &p.talent)).collect();
                if tx.send(Ok(chunk)).await.is_err() {
                    return;
                }
                if (page.len() as i64) < EXPORT_PAGE {
                    break;
                }
            }
        }
    });
    streamed(format, headers, rx)
}

fn line_of(format: ExportFormat, t: &Talent) -> String {
    match format {
        ExportFormat::Jsonl => jsonl_line(t),
        ExportFormat::Csv => csv_row(t),
    }
}

/// The response of an export: a download streamed as it is read.
fn streamed(
    format: ExportFormat,
    headers: crate::limits::LimitHeaders,
    rx: tokio::sync::mpsc::Receiver<Result<String, std::io::Error>>,
) -> Response {
    let (content_type, extension, head) = match format {
        ExportFormat::Jsonl => (
            "application/x-ndjson; charset=utf-8",
            "jsonl",
            String::new(),
        ),
        ExportFormat::Csv => ("text/csv; charset=utf-8", "csv", csv_header()),
    };
    let head = tokio_stream::once(Ok::<_, std::io::Error>(head));
    let body = Body::from_stream(head.chain(tokio_stream::wrappers::ReceiverStream::new(rx)));
    let mut response = (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"talents.{extension}\""),
            ),
        ],
        body,
    )
        .into_response();
    for (k, v) in headers {
        response.headers_mut().insert(k, v);
    }
    response
}

/// `POST /v1/talents/export` with `{filters, format, pool}`: the profiles
/// meeting the search filters (the search body's), best match first, at
/// most [`MAX_FILTERED_EXPORT`]; without filters, as `GET`.
async fn export_filtered(
    State(state): State<AppState>,
    caller: Caller<TalentsSearch>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let mut r = ObjectReader::new(&body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let pool = r.one_of("pool", &["own", "shared", "all"]);
    let format = r.one_of("format", &["jsonl", "csv"]);
    let filters_value = r.raw("filters").cloned().unwrap_or(json!([]));
    let mut issues = r.finish();
    let filters: Vec<Filter> = match scout_query::parse_filter_list(
        &filters_value,
        vec![scout_query::PathItem::Key("filters".into())],
    ) {
        Ok(f) => f,
        Err(more) => {
            issues.extend(more);
            Vec::new()
        }
    };
    check(issues)?;
    let (pool, format) = export_choice(pool, format, &caller.key)?;
    let workspace = caller.key.workspace_id.clone();
    if filters.is_empty() {
        return Ok(stream_pool(
            &state,
            &workspace,
            pool,
            format,
            caller.limit_headers,
        ));
    }
    let results = crate::talents::run_search(
        &state,
        Some(&workspace),
        &filters,
        HashSet::new(),
        MAX_FILTERED_EXPORT,
        INTERNAL,
    )
    .await?;
    let ids: Vec<String> = results.hits.into_iter().map(|h| h.id).collect();
    let store = state.store.clone();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<String, std::io::Error>>(4);
    tokio::spawn(async move {
        for chunk in ids.chunks(EXPORT_PAGE as usize) {
            let page = match store.get_profiles(Some(&workspace), chunk).await {
                Ok(p) => p,
                Err(e) => {
                    tracing::error!(error = %e, "an export failed while streaming");
                    let _ = tx.send(Err(std::io::Error::other(e.to_string()))).await;
                    return;
                }
            };
            let text: String = page
                .iter()
                .filter(|p| match pool {
                    ExportPool::Own => p.owner.is_some(),
                    ExportPool::Shared => p.owner.is_none(),
                    ExportPool::All => true,
                })
                .map(|p| line_of(format, &p.talent))
                .collect();
            if tx.send(Ok(text)).await.is_err() {
                return;
            }
        }
    });
    Ok(streamed(format, caller.limit_headers, rx))
}
