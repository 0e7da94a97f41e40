//! `GET`/`POST /import`: a file of profiles into the signed-in person's
//! workspace, through the same importer and spool as `POST
//! /v1/talents/bulk` (`profiles::Spooled`). The form's token is read
//! before the file, so a forged form is refused before a byte is stored.

use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use scout_ingest::formats::Format;

use super::pages::{import as view, respond, trouble};
use super::session::SignedIn;
use crate::profiles::Spooled;
use crate::AppState;

/// `GET /import`.
pub(crate) async fn page(signed_in: SignedIn) -> Response {
    respond(StatusCode::OK, view::page(&signed_in.session, None))
}

fn refused(signed_in: &SignedIn, why: impl Into<String>) -> Response {
    let outcome = view::Outcome::Refused(why.into());
    respond(
        StatusCode::BAD_REQUEST,
        view::page(&signed_in.session, Some(&outcome)),
    )
}

/// `POST /import`: multipart `_csrf`, `format`, `map` (lines of
/// `column=field`), then `file`.
pub(crate) async fn upload(
    State(state): State<AppState>,
    signed_in: SignedIn,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    if let Err(refused) = signed_in.check_sender(&headers) {
        return refused;
    }
    let (mut csrf, mut format, mut columns) = (None::<String>, None, Vec::new());
    let mut spooled = None;
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return refused(&signed_in, format!("the form could not be read: {e}")),
        };
        match field.name().unwrap_or("") {
            "_csrf" => csrf = field.text().await.ok(),
            "format" => {
                let name = field.text().await.unwrap_or_default();
                format = Format::parse(name.trim());
            }
            "map" => {
                for line in field.text().await.unwrap_or_default().lines() {
                    let line = line.trim();
                    if line.is_empty() {
                        continue;
                    }
                    match line.split_once('=') {
                        Some((c, f)) => columns.push((c.trim().to_owned(), f.trim().to_owned())),
                        None => {
                            return refused(
                                &signed_in,
                                format!("`{line}`: write a column mapping as Column=field"),
                            )
                        }
                    }
                }
            }
            "file" => {
                if let Err(refused) =
                    signed_in.check_change(&headers, csrf.as_deref().unwrap_or(""))
                {
                    return refused;
                }
                let file_format = format.or_else(|| {
                    scout_ingest::formats::format_of_name(
                        &field.file_name().unwrap_or("").to_lowercase(),
                    )
                });
                let mut file = match Spooled::new(&state, file_format).await {
                    Ok(s) => s,
                    Err(e) => return trouble(&e.message),
                };
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            if let Err(e) = file.write(&chunk).await {
                                return refused(&signed_in, e.message);
                            }
                        }
                        Ok(None) => break,
                        Err(e) => {
                            return refused(&signed_in, format!("the file could not be read: {e}"))
                        }
                    }
                }
                format = file_format;
                spooled = Some(file);
            }
            _ => {}
        }
    }
    let Some(file) = spooled else {
        return refused(&signed_in, "choose a file to import");
    };
    let owner = Some(signed_in.session.person.workspace_id.clone());
    match file.import(&state, owner, format, columns).await {
        Ok(data) => respond(
            StatusCode::OK,
            view::page(&signed_in.session, Some(&view::Outcome::Done(data))),
        ),
        Err(e) if e.code == scout_model::ErrorCode::ValidationError => {
            let why = e
                .issues
                .as_ref()
                .and_then(|i| i.first())
                .map_or_else(|| e.message.clone(), |i| i.message.clone());
            refused(&signed_in, why)
        }
        Err(e) => trouble(&e.message),
    }
}
