//! Sourcing projects (jobs) in the browser: the list and the form that
//! creates one, the pipeline as a board and as a table, a candidate's page
//! (stage, rating, notes, history, fit), and the changes — each through the
//! same operation the API calls (`sourcings.rs`, `pipeline.rs`), with the
//! form read into the API's JSON shape so that one set of rules applies.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use scout_model::{ErrorCode, Stage};
use scout_store::{ArchiveFilter, CandidateQuery, CandidateSort};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::forms::{back, Change, Fields};
use super::pages::{
    not_found, problem_text, problems, projects as view, respond, see_other, trouble,
};
use super::session::SignedIn;
use crate::error::ApiError;
use crate::AppState;

/// Projects listed on the projects page.
const LISTED: i64 = 100;
/// Rows of the pipeline table.
const TABLE_ROWS: i64 = 200;

/// `GET /projects`.
pub(crate) async fn list(State(state): State<AppState>, signed_in: SignedIn) -> Response {
    render_list(&state, &signed_in, &view::Draft::default(), StatusCode::OK).await
}

async fn render_list(
    state: &AppState,
    signed_in: &SignedIn,
    draft: &view::Draft,
    status: StatusCode,
) -> Response {
    let person = &signed_in.session.person;
    match state
        .store
        .list_sourcings(&person.workspace_id, ArchiveFilter::Active, 0, LISTED)
        .await
    {
        Ok((projects, total)) => respond(
            status,
            view::list(&signed_in.session, &projects, total, draft),
        ),
        Err(e) => trouble(&e),
    }
}

/// The create form as the API's body: blank fields are left out, numbers
/// that do not read as numbers are passed on as text for the validator to
/// refuse in its own words.
async fn sourcing_body(
    state: &AppState,
    workspace: &str,
    fields: &Fields,
) -> Result<Value, ApiError> {
    let mut body = Map::new();
    body.insert(
        "title".into(),
        Value::String(fields.get("title").to_owned()),
    );
    for name in ["description", "location"] {
        if let Some(v) = fields.text(name) {
            body.insert(name.into(), v);
        }
    }
    let mut salary = Map::new();
    for (field, key) in [("salary_min", "min"), ("salary_max", "max")] {
        let raw = fields.get(field).replace([',', ' ', '_'], "");
        if !raw.is_empty() {
            let n = raw
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64);
            salary.insert(key.into(), n.map_or(Value::String(raw), Value::Number));
        }
    }
    if let Some(c) = fields.text("currency") {
        salary.insert("currency".into(), c);
    }
    if !salary.is_empty() {
        body.insert("salary".into(), Value::Object(salary));
    }
    let wanted = fields.get("requirements");
    if !wanted.is_empty() {
        let filters = requirements_of(state, workspace, wanted).await?;
        body.insert("requirements".into(), Value::Array(filters));
    }
    Ok(Value::Object(body))
}

/// Requirements written as a prompt, read by the search box's reader into
/// the filter objects a sourcing keeps.
async fn requirements_of(
    state: &AppState,
    workspace: &str,
    text: &str,
) -> Result<Vec<Value>, ApiError> {
    let (intent, _) = state
        .prompt_reader
        .read(text, &state.engine, workspace)
        .await
        .map_err(|e| {
            ApiError::validation(vec![scout_query::Issue::new(
                "custom",
                vec![scout_query::PathItem::Key("requirements".into())],
                e.to_string(),
            )])
        })?;
    if intent.filters.is_empty() {
        return Err(ApiError::validation(vec![scout_query::Issue::new(
            "custom",
            vec![scout_query::PathItem::Key("requirements".into())],
            "Scout found no requirement in that: name a job title, a skill, a place, years of experience…",
        )]));
    }
    Ok(intent
        .filters
        .iter()
        .map(|r| scout_query::search_request::filter_to_json(&r.filter))
        .collect())
}

fn draft_of(fields: &Fields) -> view::Draft {
    let keep = |n: &str| fields.get(n).to_owned();
    view::Draft {
        title: keep("title"),
        location: keep("location"),
        description: keep("description"),
        salary_min: keep("salary_min"),
        salary_max: keep("salary_max"),
        currency: keep("currency"),
        requirements: keep("requirements"),
        problems: Vec::new(),
    }
}

/// `POST /projects`: creates a project, or shows the form again with what
/// was typed and why it was refused.
pub(crate) async fn create(
    State(state): State<AppState>,
    Change { signed_in, fields }: Change,
) -> Response {
    let workspace = signed_in.session.person.workspace_id.clone();
    let created = match sourcing_body(&state, &workspace, &fields).await {
        Ok(body) => crate::sourcings::create_sourcing(&state, &signed_in.actor(), &body).await,
        Err(e) => Err(e),
    };
    match created {
        Ok(s) => see_other(&format!("/projects/{}", s.id)),
        Err(e) if e.code == ErrorCode::ValidationError => {
            let mut draft = draft_of(&fields);
            draft.problems = problems(&e);
            render_list(&state, &signed_in, &draft, StatusCode::BAD_REQUEST).await
        }
        Err(e) => trouble(&e.message),
    }
}

/// `GET /projects/{id}/edit`.
pub(crate) async fn edit_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Response {
    let person = &signed_in.session.person;
    match state.store.get_sourcing(&person.workspace_id, &id).await {
        Ok(Some(p)) => respond(
            StatusCode::OK,
            view::edit(&signed_in.session, &p, &view::draft_of(&p)),
        ),
        Ok(None) => not_found(&signed_in.session, "Project"),
        Err(e) => trouble(&e),
    }
}

/// `POST /projects/{id}/edit`: the API's update, with blank fields cleared
/// and the requirements kept unless new ones are written.
pub(crate) async fn edit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Change { signed_in, fields }: Change,
) -> Response {
    let person = &signed_in.session.person;
    let project = match state.store.get_sourcing(&person.workspace_id, &id).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(&signed_in.session, "Project"),
        Err(e) => return trouble(&e),
    };
    let changed = match sourcing_body(&state, &person.workspace_id, &fields).await {
        Ok(mut body) => {
            for name in ["description", "location"] {
                if body.get(name).is_none() {
                    body[name] = Value::Null;
                }
            }
            if body.get("salary").is_none() {
                body["salary"] = Value::Null;
            }
            body["archived"] = json!(fields.get("archived") == "on");
            crate::sourcings::update_sourcing(&state, &signed_in.actor(), &id, &body).await
        }
        Err(e) => Err(e),
    };
    match changed {
        Ok(p) => see_other(&format!("/projects/{}", p.id)),
        Err(e) if e.code == ErrorCode::NotFound => not_found(&signed_in.session, "Project"),
        Err(e) if e.code == ErrorCode::ValidationError => {
            let mut draft = draft_of(&fields);
            draft.problems = problems(&e);
            respond(
                StatusCode::BAD_REQUEST,
                view::edit(&signed_in.session, &project, &draft),
            )
        }
        Err(e) => trouble(&e.message),
    }
}

/// `POST /projects/add`: adds the selected talents to a project (or to a
/// new one titled `new_title`), then goes back.
pub(crate) async fn add(
    State(state): State<AppState>,
    Change { signed_in, fields }: Change,
) -> Response {
    let talents = fields.all("talent");
    let actor = signed_in.actor();
    let mut project = fields.get("project").to_owned();
    if talents.is_empty() {
        return problem_page(&signed_in, "Select at least one person to add.");
    }
    if project.is_empty() || project == "new" {
        let title = fields.get("new_title");
        let body = json!({"title": title});
        match crate::sourcings::create_sourcing(&state, &actor, &body).await {
            Ok(s) => project = s.id,
            Err(e) => {
                return problem_page(
                    &signed_in,
                    &format!("The new project could not be created: {}", problem_text(&e)),
                )
            }
        }
    }
    let body = json!({"talentIds": talents});
    match crate::pipeline::add_candidates(&state, &actor, &project, &body).await {
        Ok(_) => see_other(&format!("/projects/{project}")),
        Err(e) if e.code == ErrorCode::NotFound => not_found(&signed_in.session, "Project"),
        Err(e) if e.code == ErrorCode::ValidationError => {
            let why = problem_text(&e);
            problem_page(&signed_in, &why)
        }
        Err(e) => trouble(&e.message),
    }
}

fn problem_page(signed_in: &SignedIn, why: &str) -> Response {
    super::pages::lists::refused(&signed_in.session, why)
}

#[derive(Deserialize, Default)]
pub(crate) struct BoardQuery {
    #[serde(default)]
    view: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    order: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    q: String,
}

/// `GET /projects/{id}`: the board, or the table with `?view=table`.
pub(crate) async fn show(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    Query(query): Query<BoardQuery>,
) -> Response {
    let person = &signed_in.session.person;
    let project = match state.store.get_sourcing(&person.workspace_id, &id).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(&signed_in.session, "Project"),
        Err(e) => return trouble(&e),
    };
    if query.view == "table" {
        let sort = CandidateSort::parse(&query.sort).unwrap_or(CandidateSort::CreatedAt);
        let stages: Vec<Stage> = Stage::parse(&query.stage).into_iter().collect();
        let q = CandidateQuery {
            sourcing_id: project.id.clone(),
            stages,
            text: Some(query.q.trim().to_owned()).filter(|t| !t.is_empty()),
            locations: Vec::new(),
            job_titles: Vec::new(),
            companies: Vec::new(),
            sort,
            descending: query.order == "desc",
            offset: 0,
            limit: TABLE_ROWS,
        };
        return match state.store.list_candidates(&q).await {
            Ok((rows, total)) => respond(
                StatusCode::OK,
                view::table(
                    &signed_in.session,
                    &project,
                    &rows,
                    total,
                    &view::TableState {
                        sort: query.sort,
                        descending: query.order == "desc",
                        stage: query.stage,
                        q: query.q,
                    },
                ),
            ),
            Err(e) => trouble(&e),
        };
    }
    match state.store.all_candidates(&project.id).await {
        Ok(candidates) => respond(
            StatusCode::OK,
            view::board(&signed_in.session, &project, &candidates),
        ),
        Err(e) => trouble(&e),
    }
}

/// `GET /projects/{id}/candidates/{cid}`: the candidate's page.
pub(crate) async fn candidate(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path((id, cid)): Path<(String, String)>,
) -> Response {
    candidate_page(&state, &signed_in, (&id, &cid), &[], StatusCode::OK).await
}

/// The candidate's page, with the problems of a refused change if any;
/// another workspace's project or candidate is not found.
async fn candidate_page(
    state: &AppState,
    signed_in: &SignedIn,
    (id, cid): (&str, &str),
    problems: &[(String, String)],
    status: StatusCode,
) -> Response {
    let person = &signed_in.session.person;
    let project = match state.store.get_sourcing(&person.workspace_id, id).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(&signed_in.session, "Project"),
        Err(e) => return trouble(&e),
    };
    let c = match state.store.get_candidate(&project.id, cid).await {
        Ok(Some(c)) => c,
        Ok(None) => return not_found(&signed_in.session, "Candidate"),
        Err(e) => return trouble(&e),
    };
    let history = match state.store.candidate_history(&c.id).await {
        Ok(h) => h,
        Err(e) => return trouble(&e),
    };
    respond(
        status,
        view::candidate(&signed_in.session, &project, &c, &history, problems),
    )
}

/// Whether the request wants JSON back (the board's script) rather than a
/// page.
fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// `POST /projects/{id}/candidates/{cid}`: moves (`statusHandle`) and/or
/// rates (`userRating`) a candidate; or `POST …/notes` with `text`.
pub(crate) async fn change(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, cid)): Path<(String, String)>,
    Change { signed_in, fields }: Change,
) -> Response {
    let mut body = Map::new();
    if let Some(stage) = fields.text("statusHandle") {
        body.insert("statusHandle".into(), stage);
    }
    let rating = fields.get("userRating");
    if !rating.is_empty() {
        body.insert(
            "userRating".into(),
            rating
                .parse::<i64>()
                .map_or_else(|_| Value::String(rating.to_owned()), Value::from),
        );
    }
    let note = fields.get("text");
    let actor = signed_in.actor();
    let done = if !note.is_empty() || fields.get("kind") == "note" {
        crate::pipeline::add_note(&state, &actor, (&id, &cid), &json!({"text": note})).await
    } else {
        crate::pipeline::change_candidate(&state, &actor, (&id, &cid), &Value::Object(body)).await
    };
    let fallback = format!("/projects/{id}/candidates/{cid}");
    match done {
        Ok(data) if wants_json(&headers) => Json(data).into_response(),
        Ok(_) => see_other(back(&fields, &fallback)),
        Err(e) if wants_json(&headers) => {
            let status = e.status();
            (
                status,
                Json(json!({"message": e.message, "problems": problems(&e)})),
            )
                .into_response()
        }
        Err(e) if e.code == ErrorCode::NotFound => not_found(&signed_in.session, "Candidate"),
        Err(e) if e.code == ErrorCode::ValidationError => {
            candidate_page(
                &state,
                &signed_in,
                (&id, &cid),
                &problems(&e),
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(e) => trouble(&e.message),
    }
}
