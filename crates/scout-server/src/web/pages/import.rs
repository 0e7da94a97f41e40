//! The import page: a file of profiles in (JSON Lines, CSV, JSON Resume or
//! a LinkedIn data export), with the format and CSV column mapping when
//! they need saying, and what came of it — counts, and each rejected row
//! with its line and reason.

use maud::{html, Markup};
use scout_store::Session;
use serde_json::Value;

use super::{frame_in, Section};

/// What an import came to.
pub(crate) enum Outcome {
    /// The importer's summary (as `POST /v1/talents/bulk` answers it).
    Done(Value),
    /// Refused as a whole; why.
    Refused(String),
}

const FORMATS: [(&str, &str); 5] = [
    ("", "Tell from the file"),
    ("csv", "CSV or spreadsheet export"),
    ("jsonl", "JSON Lines (Scout's talent schema)"),
    ("json-resume", "JSON Resume"),
    ("linkedin", "LinkedIn data export (zip)"),
];

fn count(data: &Value, key: &str) -> u64 {
    data[key].as_u64().unwrap_or(0)
}

fn outcome_view(outcome: &Outcome) -> Markup {
    html! {
        @match outcome {
            Outcome::Refused(why) => { p.problem role="alert" { "Not imported: " (why) } }
            Outcome::Done(data) => {
                section.panel aria-labelledby="result-title" {
                    h2 #result-title { "Imported" }
                    p {
                        strong { (count(data, "inserted")) } " new, "
                        strong { (count(data, "updated")) } " updated, "
                        (count(data, "unchanged")) " already here as they are, "
                        strong { (count(data, "rejected")) } " rejected"
                        @if count(data, "merged") > 0 { ", " (count(data, "merged")) " merged into someone already here (" a href="/duplicates" { "undo" } ")" }
                        @if count(data, "taken") > 0 { ", " (count(data, "taken")) " not stored: the shared pool has their ids" }
                        @if count(data, "erased") > 0 { ", " (count(data, "erased")) " of people erased on request, not stored again" }
                        "."
                    }
                    @if count(data, "inserted") + count(data, "updated") > 0 {
                        p.hint { "They are your workspace's own: only its searches find them, within a second. " a href="/" { "Search them" } }
                    }
                    @if let Some(rejects) = data["rejects"].as_array().filter(|r| !r.is_empty()) {
                        table.grid {
                            caption { "Rejected rows" @if data["rejectsTruncated"] == true { " (the first " (rejects.len()) ")" } }
                            thead { tr { th scope="col" { "Line" } th scope="col" { "Why" } th scope="col" { "Row" } } }
                            tbody {
                                @for r in rejects {
                                    tr {
                                        td { (r["line"]) }
                                        td { (r["reason"].as_str().unwrap_or("")) }
                                        td { code { (r["excerpt"].as_str().unwrap_or("")) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The page.
pub(crate) fn page(session: &Session, outcome: Option<&Outcome>) -> Markup {
    let writes = session.person.role.writes();
    let body = html! {
        section.page-wide {
            header.page-head {
                h1 { "Import profiles" }
                p.hint { "Profiles you import are " (session.person.workspace) "'s own: no other workspace sees them. Importing the same file again updates them; the same person under another id is merged, or asked about on " a href="/duplicates" { "Duplicates" } "." }
            }
            @if let Some(o) = outcome { (outcome_view(o)) }
            @if writes {
                form.panel method="post" action="/import" enctype="multipart/form-data" {
                    input type="hidden" name="_csrf" value=(session.csrf_token);
                    div.field {
                        label for="format" { "What the file holds" }
                        select #format name="format" {
                            @for (value, label) in FORMATS { option value=(value) { (label) } }
                        }
                    }
                    div.field {
                        label for="map" { "CSV columns, when their names say nothing (one per line)" }
                        textarea #map name="map" rows="3" placeholder="Work Email=email\nNotes=ignore" {}
                        p.hint { "Fields: id, firstname, lastname, fullname, headline, jobTitle, company, location, city, state, country, email, phone, linkedinUrl, skills, languages, summary, startDate, ignore. Other columns are read from their names (First Name, Title, Company, E-mail…)." }
                    }
                    div.drop-zone {
                        label for="file" { strong { "Choose a file" } " — CSV, JSON Lines (.jsonl, .gz), a JSON Resume or LinkedIn's data export (.zip), up to 100 MB" }
                        input #file type="file" name="file" required accept=".csv,.tsv,.txt,.jsonl,.ndjson,.gz,.json,.zip";
                    }
                    div.action { button.primary type="submit" { "Import" } }
                }
            } @else {
                p { "Your role is viewer: you can read everything here but import nothing." }
            }
        }
    };
    frame_in(Section::Workspace, "Import profiles", Some(session), body)
}
