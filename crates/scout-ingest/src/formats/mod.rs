//! Readers for the files people already have: CSV and spreadsheet exports
//! (`csv.rs`, with a column mapping inferred from the headers), JSON Resume
//! (`json_resume.rs`) and LinkedIn's member data export (`linkedin.rs`).
//! Each turns its input into talent profiles in the documented schema,
//! each with the line (or record) it came from, so that the importer
//! stores them, rejects the bad ones with a reason and reports both as it
//! does for JSON Lines. Readers never stop at a bad row: the row is
//! rejected and the rest is read.
//!
//! A profile needs an id. A file that has none gets one derived from what
//! says who the person is (`ids.rs`): the LinkedIn address, else the
//! e-mail, else the name with the current employer and title, so that
//! importing the same file again updates the same profiles.

pub mod csv;
pub mod ids;
pub mod json_resume;
pub mod linkedin;
#[cfg(test)]
mod properties;
mod text;

use std::path::Path;

use scout_model::Talent;
use scout_store::duplicates::Contacts;

/// The kinds of input the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON Lines in the documented talent (or organization) schema.
    Jsonl,
    /// Comma-, semicolon- or tab-separated values with a header row.
    Csv,
    /// One `resume.json` (the JSON Resume schema), or an array of them.
    JsonResume,
    /// LinkedIn's member data export: the archive (zip) or its folder.
    LinkedIn,
}

impl Format {
    /// Every format's name, as `--format` and `?format=` take them.
    pub const NAMES: &'static [&'static str] = &["jsonl", "csv", "json-resume", "linkedin"];

    /// The format of a name in [`Format::NAMES`].
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "json-resume" => Some(Format::JsonResume),
            "linkedin" => Some(Format::LinkedIn),
            _ => None,
        }
    }

    /// Its name in [`Format::NAMES`].
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::JsonResume => "json-resume",
            Format::LinkedIn => "linkedin",
        }
    }
}

/// A profile's job title and current employer from its current role,
/// where its file says them only in its roles.
pub(crate) fn take_current_role(t: &mut Talent) {
    if let Some(current) = t.experiences.iter().find(|e| e.is_current) {
        t.job_title = current.title.clone();
        t.current_organization =
            current
                .organization_name
                .clone()
                .map(|name| scout_model::CurrentOrganization {
                    name: Some(name),
                    ..Default::default()
                });
    }
}

/// The format a file's name alone settles: `.zip` a LinkedIn export,
/// `.csv`/`.tsv` CSV (`name` in lower case).
pub fn format_of_name(name: &str) -> Option<Format> {
    if name.ends_with(".zip") {
        Some(Format::LinkedIn)
    } else if name.ends_with(".csv") || name.ends_with(".tsv") {
        Some(Format::Csv)
    } else {
        None
    }
}

/// What a file holds, from its name and first bytes: a folder or zip
/// archive holding `Profile.csv` or `Positions.csv` is a LinkedIn export,
/// `.csv`/`.tsv` is CSV, a `.json` file with a JSON Resume's sections is a
/// JSON Resume; anything else is JSON Lines.
pub fn detect(path: &Path) -> std::io::Result<Format> {
    if path.is_dir() {
        return Ok(Format::LinkedIn);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut head = vec![0u8; 4096];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(path)?;
        let mut read = 0;
        while read < head.len() {
            let k = f.read(&mut head[read..])?;
            if k == 0 {
                break;
            }
            read += k;
        }
        read
    };
    head.truncate(n);
    Ok(detect_bytes(&name, &head))
}

/// [`detect`] for a file named `name` (lower case) beginning with `head`.
pub fn detect_bytes(name: &str, head: &[u8]) -> Format {
    if head.starts_with(b"PK\x03\x04") {
        return Format::LinkedIn;
    }
    if let Some(f) = format_of_name(name) {
        return f;
    }
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let resume_like = ["\"basics\"", "\"work\"", "\"education\""]
        .iter()
        .any(|k| trimmed.contains(k));
    let first_line = trimmed.lines().next().unwrap_or("");
    let one_document = match serde_json::from_str::<serde_json::Value>(first_line) {
        // a line that is a whole object: JSON Lines, unless it is a résumé
        // (a profile has an `id` and no `basics`)
        Ok(serde_json::Value::Object(o)) => {
            o.contains_key("basics") || (o.contains_key("work") && !o.contains_key("id"))
        }
        Ok(serde_json::Value::Array(_)) => true,
        Ok(_) => false,
        // the start of a document spread over lines
        Err(_) => trimmed.starts_with('{') || trimmed.starts_with('['),
    };
    if (name.ends_with(".json") || one_document) && resume_like {
        return Format::JsonResume;
    }
    Format::Jsonl
}

/// One profile a reader made, or why a row could not be one.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The line (CSV: where the row starts) or record number, from 1.
    pub line: u64,
    /// The profile, or the reason the row was refused.
    pub profile: Result<Talent, String>,
    /// The e-mails and phones the row gave (kept only to tell the same
    /// person: the talent schema has no contacts).
    pub contacts: Contacts,
    /// The row as read, shortened, for the rejects file.
    pub excerpt: String,
}

/// Reads a whole input of `format` (not JSON Lines, which the importer
/// streams itself). `columns` overrides the CSV column mapping
/// (`column=field`).
pub fn read(
    path: &Path,
    format: Format,
    columns: &[(String, String)],
) -> Result<Vec<Converted>, String> {
    match format {
        Format::Csv => {
            let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
            Ok(csv::read(&bytes, columns)?.1)
        }
        Format::JsonResume => {
            let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
            Ok(json_resume::read(&bytes))
        }
        Format::LinkedIn => linkedin::read(path).map(|c| vec![c]),
        Format::Jsonl => Err("JSON Lines is read by the importer itself".into()),
    }
}

/// What `scout import --dry-run` shows of a file: its format, the CSV
/// column mapping, and its first rows as Scout reads them (each checked as
/// the import would check it).
#[derive(Debug)]
pub struct Preview {
    /// The format read.
    pub format: Format,
    /// How CSV columns are read (CSV only).
    pub columns: Option<Vec<csv::Column>>,
    /// The first rows.
    pub rows: Vec<Converted>,
}

/// The first `n` rows of a file, as the import would read them.
pub fn preview(
    path: &Path,
    format: Option<Format>,
    columns: &[(String, String)],
    n: usize,
) -> Result<Preview, String> {
    let format = match format {
        Some(f) => f,
        None => detect(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
    };
    let checked = |c: Converted| Converted {
        profile: c
            .profile
            .and_then(|t| crate::validate::talent(&t).map(|()| t)),
        ..c
    };
    let (mapping, rows) = match format {
        Format::Csv => {
            let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
            let (mapping, rows) = csv::read(&bytes, columns)?;
            (Some(mapping), rows)
        }
        Format::Jsonl => {
            use std::io::BufRead;
            let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
            let mut head = std::io::BufReader::new(file);
            let gz = head
                .fill_buf()
                .map_err(|e| e.to_string())?
                .starts_with(&[0x1f, 0x8b]);
            let lines: Box<dyn BufRead> = if gz {
                Box::new(std::io::BufReader::new(
                    flate2::bufread::MultiGzDecoder::new(head),
                ))
            } else {
                Box::new(head)
            };
            let rows = lines
                .lines()
                .take(n)
                .enumerate()
                .map(|(i, l)| {
                    let l = l.unwrap_or_default();
                    Converted {
                        line: i as u64 + 1,
                        profile: crate::read_profile(l.trim_start_matches('\u{feff}')),
                        contacts: Contacts::default(),
                        excerpt: text::excerpt(&l),
                    }
                })
                .collect();
            (None, rows)
        }
        other => (None, read(path, other, columns)?),
    };
    Ok(Preview {
        format,
        columns: mapping,
        rows: rows.into_iter().take(n).map(checked).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_from_names_and_first_bytes() {
        assert_eq!(detect_bytes("people.csv", b"a,b\n"), Format::Csv);
        assert_eq!(detect_bytes("export.zip", b"PK\x03\x04"), Format::LinkedIn);
        assert_eq!(detect_bytes("x.bin", b"PK\x03\x04rest"), Format::LinkedIn);
        assert_eq!(
            detect_bytes("resume.json", b"{\n  \"basics\": {\"name\": \"A\"}\n}"),
            Format::JsonResume
        );
        assert_eq!(
            detect_bytes(
                "upload",
                b"{\n  \"basics\": {\"name\": \"A\"},\n  \"work\": []\n}"
            ),
            Format::JsonResume
        );
        // JSON Lines whose profiles happen to have a `work`-like word
        assert_eq!(
            detect_bytes(
                "p.jsonl",
                b"{\"id\":\"a\",\"summary\":\"\\\"work\\\"\"}\n{\"id\":\"b\"}\n"
            ),
            Format::Jsonl
        );
        assert_eq!(detect_bytes("p.jsonl.gz", b"\x1f\x8b"), Format::Jsonl);
        assert_eq!(
            detect_bytes("upload", br#"{"basics":{"name":"A"},"work":[]}"#),
            Format::JsonResume
        );
        assert_eq!(
            detect_bytes("upload", br#"{"id":"a","summary":"\"basics\""}"#),
            Format::Jsonl
        );
        for name in Format::NAMES {
            assert_eq!(Format::parse(name).map(Format::name), Some(*name));
        }
    }
}
