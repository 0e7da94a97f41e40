//! Profiles out of Scout: one JSON Lines record or one CSV row per profile,
//! for `GET /v1/talents/export` and `scout export`. JSON Lines is the
//! documented talent schema, exactly what `scout import` and
//! `POST /v1/talents/bulk` take back. CSV is for spreadsheets: one row per
//! person with the fields a recruiter reads (current role, place, contacts,
//! skills), its header names the schema's fields, and lists are joined with
//! `"; "`.

use scout_model::Talent;

/// The CSV header of [`csv_row`].
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "firstname",
    "lastname",
    "headline",
    "jobTitle",
    "company",
    "city",
    "state",
    "country",
    "linkedinUrl",
    "skills",
    "languages",
    "summary",
];

/// One CSV cell: quoted when it holds a separator, quote or line break; a
/// value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
/// carriage return first) is prefixed with `'`, the usual defence against
/// formula injection — and so is a value that begins with `'` itself, so
/// that the importer, which takes one such `'` off, reads every value back
/// as it was.
pub fn csv_cell(value: Option<&str>) -> String {
    let mut v = value.unwrap_or("").to_owned();
    if v.trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
    {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The header line of a CSV export, CRLF-terminated (RFC 4180).
pub fn csv_header() -> String {
    let mut line = CSV_COLUMNS.join(",");
    line.push_str("\r\n");
    line
}

/// A profile as one CSV line, CRLF-terminated, in [`CSV_COLUMNS`] order.
pub fn csv_row(t: &Talent) -> String {
    let company = t
        .current_organization
        .as_ref()
        .and_then(|o| o.name.as_deref())
        .or_else(|| {
            t.current_experiences()
                .next()
                .and_then(|e| e.organization_name.as_deref())
        });
    let languages: Vec<String> = t
        .languages
        .iter()
        .filter_map(|l| {
            let name = l.name.as_deref()?;
            Some(match l.proficiency.as_deref() {
                Some(level) => format!("{name} ({level})"),
                None => name.to_owned(),
            })
        })
        .collect();
    let skills = t.skills.join("; ");
    let languages = languages.join("; ");
    let cells = [
        Some(t.id.as_str()),
        t.firstname.as_deref(),
        t.lastname.as_deref(),
        t.headline.as_deref(),
        t.job_title.as_deref(),
        company,
        t.city.as_deref(),
        t.state.as_deref(),
        t.country.as_deref(),
        t.linkedin_url.as_deref(),
        Some(skills.as_str()),
        Some(languages.as_str()),
        t.summary.as_deref(),
    ];
    let mut line = cells.map(csv_cell).join(",");
    line.push_str("\r\n");
    line
}

/// A profile as one JSON Lines record, newline-terminated.
pub fn jsonl_line(t: &Talent) -> String {
    let mut line = serde_json::to_string(t).unwrap_or_else(|_| "{}".into());
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_stay_text_and_cells_are_quoted() {
        for (raw, want) in [
            ("=1+1", "'=1+1"),
            ("+33 6", "'+33 6"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=cmd", "'\t=cmd"),
            ("\r=cmd", "\"'\r=cmd\""),
            ("  =cmd", "'  =cmd"),
            ("Ada, Lovelace", "\"Ada, Lovelace\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("plain", "plain"),
        ] {
            assert_eq!(csv_cell(Some(raw)), want, "{raw:?}");
        }
        assert_eq!(csv_cell(None), "");
    }

    #[test]
    fn a_row_has_one_cell_per_column() {
        let t: Talent = serde_json::from_value(serde_json::json!({
            "id": "t1", "firstname": "Ada", "jobTitle": "Engineer",
            "currentOrganization": {"name": "Acme, Inc."},
            "skills": ["Rust", "SQL"],
            "languages": [{"name": "French", "proficiency": "native_or_bilingual"}]
        }))
        .unwrap();
        let row = csv_row(&t);
        assert!(row.starts_with(
            "t1,Ada,,,Engineer,\"Acme, Inc.\",,,,,Rust; SQL,French (native_or_bilingual),"
        ));
        assert!(row.ends_with("\r\n"));
        assert_eq!(
            csv_header().trim_end().split(',').count(),
            CSV_COLUMNS.len()
        );
    }
}
