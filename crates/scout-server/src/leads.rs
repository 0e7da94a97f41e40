//! Leads (`/api/v1/sourcing`): people read from CVs before they become
//! candidates. Listing exactly as the document shows it; CV upload
//! (multipart), the original file, linking to roles with a resume fit,
//! screening results (the overall fit), and conversion into a candidate of
//! a job. A lead belongs to one workspace (the documents' organization);
//! only that workspace's keys see or change it, and a key with the `admin`
//! scope (an operator) may read every workspace's. See `docs/leads.md` and
//! `docs/access.md`.

use std::collections::{HashMap, HashSet};

use axum::extract::{DefaultBodyLimit, Multipart, Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use scout_ingest::cv::{self, CvError, FileKind, MAX_CV_BYTES};
use scout_model::{CandidateType, ErrorCode};
use scout_query::{Issue, PathItem};
use scout_store::{Lead, LeadQuery, NewCandidate, Sourcing, UpsertOutcome};
use serde_json::{json, Value};

use crate::auth::{Actor, Caller, LeadsRead, LeadsWrite, Scope, TalentsWrite};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::validate::{check, ObjectReader, QueryString};
use crate::views::{iso, ok};
use crate::AppState;

/// Default page of leads, as documented.
pub const DEFAULT_PAGE_SIZE: i64 = 20;
/// Largest page of leads, as documented.
pub const MAX_PAGE_SIZE: i64 = 100;
/// Most files in one upload.
pub const MAX_FILES: usize = 20;
/// Largest upload body: every file at its cap, plus the form's overhead.
pub const DEFAULT_UPLOAD_BYTES: usize = 60 * 1024 * 1024;
const INTERNAL: &str = "An error occurred while handling the lead";

pub(crate) fn routes(limits: crate::BodyLimits) -> Router<AppState> {
    Router::new()
        .route("/api/v1/sourcing", get(list))
        .route(
            "/api/v1/sourcing/cvs",
            post(upload).layer(DefaultBodyLimit::max(limits.upload_bytes)),
        )
        .route("/api/v1/sourcing/{lead_id}", get(show).delete(remove))
        .route("/api/v1/sourcing/{lead_id}/cv", get(cv_file))
        .route("/api/v1/sourcing/{lead_id}/roles", post(link_role))
        .route(
            "/api/v1/sourcing/{lead_id}/roles/{role_id}/screening",
            put(screening),
        )
        .route("/api/v1/sourcing/{lead_id}/convert", post(convert))
}

fn internal(e: scout_store::StoreError) -> ApiError {
    ApiError::from_domain(e, INTERNAL)
}

fn lead_not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "Lead not found")
}

/// An operator (a key with the `admin` scope) reads every workspace's
/// leads; every other key its own workspace's.
fn visibility<S: crate::auth::Scope>(caller: &Caller<S>) -> Option<String> {
    (!caller.key.is_operator()).then(|| caller.key.workspace_id.clone())
}

/// The role (a sourcing of the caller's workspace), or `None`.
async fn role_of(
    state: &AppState,
    workspace: &str,
    role_id: &str,
) -> Result<Option<Sourcing>, ApiError> {
    state
        .store
        .get_sourcing(workspace, role_id)
        .await
        .map_err(internal)
}

/// A lead as `GET /api/v1/sourcing/{id}` shows it, roles by id alone (the
/// data-rights export).
pub(crate) fn export_view(l: &Lead) -> Value {
    view(l, &HashMap::new())
}

fn view(l: &Lead, role_names: &HashMap<String, String>) -> Value {
    json!({
        "id": l.id,
        "fullName": l.full_name,
        "email": l.email,
        "contactEmail": l.contact_email,
        "phone": l.phone,
        "status": l.status,
        "skills": l.skills,
        "summary": l.summary,
        "candidateId": l.candidate_id,
        "organizations": [{"organizationId": l.workspace_id, "status": "Pool"}],
        "roles": l.roles.iter().map(|r| json!({
            "roleId": r.role_id,
            "roleName": role_names.get(&r.role_id),
            "organizationId": l.workspace_id,
            "status": r.status,
            "resumeFitScore": r.resume_fit_score,
            "overallFitScore": r.overall_fit_score,
        })).collect::<Vec<_>>(),
        "fileName": l.file_name,
        "cvUrl": format!("/api/v1/sourcing/{}/cv", l.id),
        "failureReason": l.failure_reason,
        "failureCode": l.failure_code,
        "duplicateOf": l.duplicate_of,
        "createdAt": iso(l.created_at),
        "updatedAt": iso(l.updated_at),
    })
}

/// The titles of the leads' roles, each a sourcing of the lead's workspace.
async fn role_names(state: &AppState, leads: &[Lead]) -> Result<HashMap<String, String>, ApiError> {
    let ids: HashSet<(&str, &str)> = leads
        .iter()
        .flat_map(|l| {
            l.roles
                .iter()
                .map(|r| (l.workspace_id.as_str(), r.role_id.as_str()))
        })
        .collect();
    let mut names = HashMap::new();
    for (workspace, id) in ids {
        if let Some(s) = state
            .store
            .get_sourcing(workspace, id)
            .await
            .map_err(internal)?
        {
            names.insert(id.to_owned(), s.title);
        }
    }
    Ok(names)
}

async fn list(
    State(state): State<AppState>,
    caller: Caller<LeadsRead>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut q = QueryString::parse(raw.as_deref());
    let page = q.integer("page", 0, 0, 1_000_000);
    let page_size = q.integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    let role_id = q.one("roleId");
    // statuses are stored in lower case; the document shows `status=parsed`
    let status = q.one("status").map(|s| s.to_lowercase());
    check(q.finish())?;
    let (leads, total) = state
        .store
        .list_leads(&LeadQuery {
            visible_to: visibility(&caller),
            role_id,
            status,
            offset: page * page_size,
            limit: page_size,
        })
        .await
        .map_err(internal)?;
    let names = role_names(&state, &leads).await?;
    let body = json!({
        "data": leads.iter().map(|l| view(l, &names)).collect::<Vec<_>>(),
        "pagination": {"page": page, "pageSize": page_size, "totalCount": total, "totalPages": (total + page_size - 1) / page_size},
    });
    let mut response = Json(body).into_response();
    for (k, v) in caller.limit_headers {
        response.headers_mut().insert(k, v);
    }
    Ok(response)
}

/// One uploaded file, checked before anything is stored.
pub(crate) struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn upload_issue(i: Option<usize>, message: impl Into<String>, code: &'static str) -> Issue {
    let mut path = vec![PathItem::Key("files".into())];
    if let Some(i) = i {
        path.push(PathItem::Index(i));
    }
    Issue::new(code, path, message)
}

/// What an upload form carried.
pub(crate) struct UploadForm {
    pub files: Vec<Upload>,
    pub role_id: Option<String>,
    /// The web app's CSRF token (`_csrf`), when the form may carry one.
    pub csrf: Option<String>,
}

/// Reads the form: files (`files` or `file`, repeatable) and `roleId`
/// (and `_csrf` from the web app's own form, when `web_form`).
pub(crate) async fn read_form(
    mut form: Multipart,
    web_form: bool,
    limit: usize,
) -> Result<UploadForm, ApiError> {
    let mut files = Vec::new();
    let mut role = None;
    let mut csrf = None;
    let bad_form = |e: axum::extract::multipart::MultipartError| {
        let too_big = e.status() == StatusCode::PAYLOAD_TOO_LARGE;
        if too_big {
            ApiError::new(
                ErrorCode::PayloadTooLarge,
                format!("An upload is at most {limit} bytes"),
            )
        } else {
            ApiError::validation(vec![upload_issue(
                None,
                format!("Malformed multipart form: {e}"),
                "invalid_body",
            )])
        }
    };
    while let Some(field) = form.next_field().await.map_err(bad_form)? {
        let name = field.name().unwrap_or("").to_owned();
        match name.as_str() {
            "files" | "files[]" | "file" => {
                // a file part names its file (every client's file upload
                // does); a plain form value in its place is not a CV
                let Some(file_name) = field.file_name().map(|n| n.chars().take(200).collect())
                else {
                    return Err(ApiError::validation(vec![upload_issue(
                        Some(files.len()),
                        "Send each CV as a file part (with a filename), not as a form value",
                        "invalid_type",
                    )]));
                };
                let bytes = field.bytes().await.map_err(bad_form)?;
                files.push(Upload {
                    name: file_name,
                    bytes: bytes.to_vec(),
                });
                if files.len() > MAX_FILES {
                    return Err(ApiError::validation(vec![upload_issue(
                        None,
                        format!("At most {MAX_FILES} files per upload"),
                        "too_big",
                    )]));
                }
            }
            "roleId" => {
                let text = field.text().await.map_err(bad_form)?;
                let text = text.trim().to_owned();
                if !text.is_empty() {
                    role = Some(text);
                }
            }
            "_csrf" if web_form => csrf = Some(field.text().await.map_err(bad_form)?),
            other => {
                return Err(ApiError::validation(vec![Issue::new(
                    "unrecognized_keys",
                    vec![PathItem::Key(other.to_owned())],
                    format!(
                    "Unknown form field `{other}`: send files as `files` and the role as `roleId`"
                ),
                )]))
            }
        }
    }
    if files.is_empty() {
        return Err(ApiError::validation(vec![upload_issue(
            None,
            "Attach one or more CVs (PDF, DOCX or text) as `files`",
            "invalid_type",
        )]));
    }
    Ok(UploadForm {
        files,
        role_id: role,
        csrf,
    })
}

/// The resume fit, scored on a blocking thread (it builds a small index).
async fn resume_fit(state: &AppState, role: &Sourcing, talent: &scout_model::Talent) -> i64 {
    let (engine, role, talent) = (state.engine.clone(), role.clone(), talent.clone());
    tokio::task::spawn_blocking(move || scout_ingest::leads::resume_fit(&engine, &role, &talent))
        .await
        .unwrap_or(-1)
}

async fn upload(
    State(state): State<AppState>,
    caller: Caller<LeadsWrite>,
    form: Multipart,
) -> Result<Response, ApiError> {
    let form = read_form(form, false, state.settings.body_limits.upload_bytes).await?;
    let data = take_in(&state, &caller.actor(), form.files, form.role_id).await?;
    Ok(ok(StatusCode::CREATED, caller.limit_headers, data))
}

/// Takes CVs in as leads of the actor's workspace (each file on its own:
/// one that cannot be read becomes a failed lead with its reason, and the
/// others go on), after checking every limit before storing anything.
pub(crate) async fn take_in(
    state: &AppState,
    actor: &Actor,
    files: Vec<Upload>,
    role_id: Option<String>,
) -> Result<Value, ApiError> {
    let ws = actor.workspace_id.clone();
    // every limit is checked before anything is stored
    let mut issues = Vec::new();
    for (i, f) in files.iter().enumerate() {
        if f.bytes.len() > MAX_CV_BYTES {
            issues.push(upload_issue(
                Some(i),
                format!("`{}` is larger than {MAX_CV_BYTES} bytes", f.name),
                "too_big",
            ));
        } else if let Err(CvError::Unsupported(why)) = cv::kind_of(&f.bytes) {
            issues.push(upload_issue(
                Some(i),
                format!("`{}`: {why}; accepted: PDF, DOCX, plain text", f.name),
                "invalid_type",
            ));
        }
    }
    let role = match &role_id {
        Some(id) => match role_of(state, &ws, id).await? {
            Some(r) => Some(r),
            None => {
                issues.push(Issue::new(
                    "invalid_string",
                    vec![PathItem::Key("roleId".into())],
                    format!("Unknown role `{id}`"),
                ));
                None
            }
        },
        None => None,
    };
    check(issues)?;
    let mut results = Vec::with_capacity(files.len());
    let mut ids = Vec::with_capacity(files.len());
    for f in files {
        let intake = scout_ingest::leads::intake_file(
            &state.store,
            &state.engine,
            &state.cv_readers,
            &ws,
            &actor.user_id,
            &f.name,
            f.bytes,
            role.as_ref(),
        )
        .await
        .map_err(internal)?;
        results.push(json!({"fileName": f.name, "leadId": intake.lead_id, "created": intake.created, "status": intake.status, "failureReason": intake.failure}));
        ids.extend(intake.lead_id);
    }
    let mut leads = Vec::with_capacity(ids.len());
    for id in &ids {
        if let Some(l) = state
            .store
            .get_lead(Some(ws.as_str()), id)
            .await
            .map_err(internal)?
        {
            leads.push(l);
        }
    }
    let names = role_names(state, &leads).await?;
    let data = json!({
        "results": results,
        "leads": leads.iter().map(|l| view(l, &names)).collect::<Vec<_>>(),
        "parsed": leads.iter().filter(|l| l.status == "parsed").count(),
        "failed": leads.iter().filter(|l| l.status == "failed").count(),
    });
    Ok(data)
}

/// A lead the caller may read: its workspace's, or any for an operator.
async fn visible_lead<S: crate::auth::Scope>(
    state: &AppState,
    caller: &Caller<S>,
    id: &str,
) -> Result<Lead, ApiError> {
    lead_in(state, visibility(caller).as_deref(), id).await
}

/// A lead of the caller's own workspace: changes are made only there,
/// whatever an operator may read.
async fn own_lead<S: crate::auth::Scope>(
    state: &AppState,
    caller: &Caller<S>,
    id: &str,
) -> Result<Lead, ApiError> {
    lead_in(state, Some(caller.key.workspace_id.as_str()), id).await
}

async fn lead_in(state: &AppState, workspace: Option<&str>, id: &str) -> Result<Lead, ApiError> {
    state
        .store
        .get_lead(workspace, id)
        .await
        .map_err(internal)?
        .ok_or_else(lead_not_found)
}

async fn show(
    State(state): State<AppState>,
    caller: Caller<LeadsRead>,
    Path(lead_id): Path<String>,
) -> Result<Response, ApiError> {
    let lead = visible_lead(&state, &caller, &lead_id).await?;
    let names = role_names(&state, std::slice::from_ref(&lead)).await?;
    let history = state.store.lead_history(&lead.id).await.map_err(internal)?;
    let mut data = view(&lead, &names);
    data["parsedCv"] = lead.parsed.clone();
    data["history"] = json!(history
        .iter()
        .map(|e| json!({"at": iso(e.at), "kind": e.kind, "detail": e.detail}))
        .collect::<Vec<_>>());
    Ok(ok(StatusCode::OK, caller.limit_headers, data))
}

/// Deletes a lead of the caller's workspace, its history and (when no other
/// lead has the same file) its CV.
async fn remove(
    State(state): State<AppState>,
    caller: Caller<LeadsWrite>,
    Path(lead_id): Path<String>,
) -> Result<Response, ApiError> {
    let gone = state
        .store
        .delete_lead(&caller.key.workspace_id, &lead_id)
        .await
        .map_err(internal)?;
    if !gone {
        return Err(lead_not_found());
    }
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        json!({"id": lead_id, "deleted": true}),
    ))
}

async fn cv_file(
    State(state): State<AppState>,
    caller: Caller<LeadsRead>,
    Path(lead_id): Path<String>,
) -> Result<Response, ApiError> {
    let lead = visible_lead(&state, &caller, &lead_id).await?;
    let (kind, bytes) = state
        .store
        .lead_file(&lead.file_hash)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            ApiError::internal(&format!("the file of {} is missing", lead.id), INTERNAL)
        })?;
    let content_type = match kind.as_str() {
        "pdf" => FileKind::Pdf.content_type(),
        "docx" => FileKind::Docx.content_type(),
        "text" => FileKind::Text.content_type(),
        _ => "application/octet-stream",
    };
    let safe: String = lead
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut response = (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{safe}\""),
            ),
        ],
        bytes,
    )
        .into_response();
    for (k, v) in caller.limit_headers {
        response.headers_mut().insert(k, v);
    }
    Ok(response)
}

/// The role named in a JSON body, which must be a job of the caller's workspace.
async fn body_role(
    state: &AppState,
    ws: &str,
    body: &Value,
) -> Result<(Sourcing, Value), ApiError> {
    let mut r = ObjectReader::new(body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let role_id = r.string("roleId", true, 100);
    let add = r.boolean("addToIndex");
    check(r.finish())?;
    let role_id = role_id.unwrap_or_default();
    let role = role_of(state, ws, &role_id).await?.ok_or_else(|| {
        ApiError::validation(vec![Issue::new(
            "invalid_string",
            vec![PathItem::Key("roleId".into())],
            format!("Unknown role `{role_id}`"),
        )])
    })?;
    Ok((role, json!({"addToIndex": add})))
}

fn not_parsed(lead: &Lead) -> ApiError {
    ApiError::new(
        ErrorCode::Conflict,
        format!(
            "Lead {} could not be read ({}): it cannot be scored or converted",
            lead.id,
            lead.failure_reason.as_deref().unwrap_or("failed")
        ),
    )
}

async fn link_role(
    State(state): State<AppState>,
    caller: Caller<LeadsWrite>,
    Path(lead_id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let lead = link_to_role(&state, &caller.actor(), &lead_id, &body).await?;
    let names = role_names(&state, std::slice::from_ref(&lead)).await?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        view(&lead, &names),
    ))
}

/// Links a lead of the actor's workspace to a role (`{roleId}`) with its
/// resume fit.
pub(crate) async fn link_to_role(
    state: &AppState,
    actor: &Actor,
    lead_id: &str,
    body: &Value,
) -> Result<Lead, ApiError> {
    let lead = lead_in(state, Some(&actor.workspace_id), lead_id).await?;
    let (role, _) = body_role(state, &actor.workspace_id, body).await?;
    if lead.status == "failed" {
        return Err(not_parsed(&lead));
    }
    let parsed: cv::ParsedCv = serde_json::from_value(lead.parsed.clone()).unwrap_or_default();
    let fit = resume_fit(state, &role, &cv::talent_of(&lead.id, &parsed)).await;
    state
        .store
        .link_lead_role(&lead.id, &role.id, fit)
        .await
        .map_err(internal)?;
    lead_in(state, Some(&actor.workspace_id), lead_id).await
}

async fn screening(
    State(state): State<AppState>,
    caller: Caller<LeadsWrite>,
    Path((lead_id, role_id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let mut r = ObjectReader::new(&body, vec![]).map_err(|i| ApiError::validation(vec![*i]))?;
    let score = r.integer("overallFitScore", 0, 100);
    let notes = r.nullable_string("notes", 5000).flatten();
    let mut issues = r.finish();
    if !matches!(score, Some(Some(_))) && issues.is_empty() {
        issues.push(Issue::new(
            "invalid_type",
            vec![PathItem::Key("overallFitScore".into())],
            "Required: an integer from 0 to 100",
        ));
    }
    check(issues)?;
    let score = score.flatten().unwrap_or(0);
    let lead = own_lead(&state, &caller, &lead_id).await?;
    let linked = lead.roles.iter().any(|r| r.role_id == role_id);
    if !linked {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            "This lead is not linked to that role",
        ));
    }
    let screening = json!({"overallFitScore": score, "notes": notes, "by": caller.key.user_id});
    state
        .store
        .record_screening(&lead.id, &role_id, score, &screening)
        .await
        .map_err(internal)?;
    let lead = own_lead(&state, &caller, &lead_id).await?;
    let names = role_names(&state, std::slice::from_ref(&lead)).await?;
    Ok(ok(
        StatusCode::OK,
        caller.limit_headers,
        view(&lead, &names),
    ))
}

async fn convert(
    State(state): State<AppState>,
    caller: Caller<LeadsWrite>,
    Path(lead_id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let may_index = caller.key.allows(TalentsWrite::NAME);
    let (status, lead, existing) =
        convert_lead(&state, &caller.actor(), &lead_id, &body, may_index).await?;
    let names = role_names(&state, std::slice::from_ref(&lead)).await?;
    let mut data = view(&lead, &names);
    if let Some(existing) = existing {
        data["candidateId"] = json!(existing);
    }
    Ok(ok(status, caller.limit_headers, data))
}

/// Converts a lead of the actor's workspace into a candidate of a role
/// (`{roleId, addToIndex}`); `may_index` says whether the actor may also
/// write the profile into the index. Converting twice answers the first
/// candidate (`200`, with its id) instead of making another.
pub(crate) async fn convert_lead(
    state: &AppState,
    actor: &Actor,
    lead_id: &str,
    body: &Value,
    may_index: bool,
) -> Result<(StatusCode, Lead, Option<String>), ApiError> {
    let lead = lead_in(state, Some(&actor.workspace_id), lead_id).await?;
    let (role, options) = body_role(state, &actor.workspace_id, body).await?;
    if lead.status == "failed" {
        return Err(not_parsed(&lead));
    }
    if let Some(existing) = lead
        .roles
        .iter()
        .find(|r| r.role_id == role.id)
        .and_then(|r| r.candidate_id.clone())
    {
        return Ok((StatusCode::OK, lead, Some(existing)));
    }
    let parsed: cv::ParsedCv = serde_json::from_value(lead.parsed.clone()).unwrap_or_default();
    let talent = cv::talent_of(&lead.id, &parsed);
    let mut talent_id = None;
    if options["addToIndex"] == true {
        // writing a profile (the workspace's own: only its searches see
        // it) is `talents:write`'s, not `sourcing:write`'s
        if !may_index {
            return Err(ApiError::new(
                ErrorCode::InsufficientScope,
                format!(
                    "This API key lacks the `{}` scope (needed for addToIndex)",
                    TalentsWrite::NAME
                ),
            ));
        }
        let report = state
            .store
            .upsert_profiles(
                std::slice::from_ref(&talent),
                "cv",
                Some(&actor.workspace_id),
            )
            .await
            .map_err(internal)?;
        if report
            .outcomes
            .first()
            .is_some_and(|o| o.wrote() || *o == UpsertOutcome::Unchanged)
        {
            talent_id = Some(talent.id.clone());
        }
    }
    let assessment = {
        let (engine, role, talent) = (state.engine.clone(), role.clone(), talent.clone());
        tokio::task::spawn_blocking(move || {
            scout_ingest::candidates::assess(&engine, &role, &[(&talent, None)])
                .ok()
                .and_then(|mut a| a.pop())
        })
        .await
        .ok()
        .flatten()
    };
    let mut profile = scout_ingest::candidates::snapshot(&talent);
    profile.email = lead.email.clone();
    profile.phone = lead.phone.clone();
    profile.cv_url = Some(format!("/api/v1/sourcing/{}/cv", lead.id));
    let new = NewCandidate {
        talent_id,
        kind: CandidateType::Upload,
        stage: CandidateType::Upload.initial_stage(),
        profile,
        source: Some("cv".into()),
        salary_expectation: None,
        stated_years: None,
        profile_seq: None,
        fit: assessment.map(|a| (a, role.requirements_version)),
    };
    let added = state
        .store
        .add_candidates(&role.id, Some(&actor.user_id), &[new])
        .await
        .map_err(internal)?;
    let candidate_id = added
        .first()
        .map(|a| a.id.clone())
        .ok_or_else(|| ApiError::internal(&"no candidate was added", INTERNAL))?;
    if !lead.roles.iter().any(|r| r.role_id == role.id) {
        let fit = resume_fit(state, &role, &talent).await;
        state
            .store
            .link_lead_role(&lead.id, &role.id, fit)
            .await
            .map_err(internal)?;
    }
    state
        .store
        .mark_lead_converted(&lead.id, &role.id, &candidate_id)
        .await
        .map_err(internal)?;
    let lead = lead_in(state, Some(&actor.workspace_id), lead_id).await?;
    Ok((StatusCode::CREATED, lead, None))
}
