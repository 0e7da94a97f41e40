//! LinkedIn's member data export ("Get a copy of your data"): the zip a
//! member downloads, or the folder it unpacks to. One export is one person:
//! `Profile.csv` (names, headline, summary, place), `Positions.csv`,
//! `Education.csv`, `Skills.csv`, `Languages.csv`, `Certifications.csv`,
//! and `Email Addresses.csv` for the id. Files are found by name in any
//! folder of the archive; missing ones are simply not read. LinkedIn puts a
//! few lines of notes above the header of some files: they are skipped.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use scout_model::{Certification, Education, Experience, Language, Talent};

use super::text::{cell, date, decode, excerpt, proficiency};
use super::{ids, Converted};
use scout_store::duplicates::Contacts;

/// Largest file read from an archive (a member's CSVs are small; this
/// bounds what a crafted archive can make Scout decompress).
const MAX_FILE_BYTES: u64 = 32 << 20;

/// The export's files, by lower-case base name.
type Files = HashMap<String, Vec<u8>>;

fn collect_dir(dir: &Path, files: &mut Files, depth: usize) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && depth < 3 {
            collect_dir(&path, files, depth + 1)?;
        } else if let Some(name) = path.file_name().map(|n| n.to_string_lossy().to_lowercase()) {
            if name.ends_with(".csv") && entry.metadata().is_ok_and(|m| m.len() <= MAX_FILE_BYTES) {
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                files.insert(name, bytes);
            }
        }
    }
    Ok(())
}

fn collect_zip(bytes: &[u8], files: &mut Files) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive: {e}"))?;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| format!("damaged archive: {e}"))?;
        let name = entry
            .name()
            .map_err(|e| format!("damaged archive: {e}"))?
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !name.ends_with(".csv") || entry.is_dir() {
            continue;
        }
        let mut content = Vec::new();
        (&mut entry)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut content)
            .map_err(|e| format!("damaged archive entry {name}: {e}"))?;
        if content.len() as u64 <= MAX_FILE_BYTES {
            files.insert(name, content);
        }
    }
    Ok(())
}

/// The rows of one file as header → value maps; the header is the first
/// line holding `key_header`.
fn rows(files: &Files, name: &str, key_header: &str) -> Vec<HashMap<String, String>> {
    let Some(bytes) = files.get(name) else {
        return Vec::new();
    };
    let text = decode(bytes);
    let start = text
        .lines()
        .position(|l| l.contains(key_header))
        .map_or(0, |n| {
            text.lines().take(n).map(|l| l.len() + 1).sum::<usize>()
        });
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(&text.as_bytes()[start.min(text.len())..]);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
        Err(_) => return Vec::new(),
    };
    reader
        .records()
        .flatten()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn get(row: &HashMap<String, String>, key: &str) -> Option<String> {
    row.get(key).and_then(|v| cell(v))
}

/// Reads an export (a zip file or its folder) into one profile.
pub fn read(path: &Path) -> Result<Converted, String> {
    let mut files = Files::new();
    if path.is_dir() {
        collect_dir(path, &mut files, 0)?;
    } else {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        collect_zip(&bytes, &mut files)?;
    }
    Ok(from_files(&files))
}

/// Reads an export held in memory as a zip archive.
pub fn read_zip(bytes: &[u8]) -> Result<Converted, String> {
    let mut files = Files::new();
    collect_zip(bytes, &mut files)?;
    Ok(from_files(&files))
}

fn from_files(files: &Files) -> Converted {
    let profile = if files.contains_key("profile.csv") {
        profile(files)
    } else {
        Err("no Profile.csv: this is not a LinkedIn data export".into())
    };
    let excerpt = excerpt(&{
        let mut names: Vec<&String> = files.keys().collect();
        names.sort();
        names
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let emails = rows(files, "email addresses.csv", "Email Address")
        .iter()
        .filter_map(|r| get(r, "Email Address"))
        .collect();
    let phones = rows(files, "phonenumbers.csv", "Number")
        .iter()
        .filter_map(|r| get(r, "Number"))
        .collect();
    Converted {
        line: 1,
        profile,
        contacts: Contacts { emails, phones },
        excerpt,
    }
}

fn profile(files: &Files) -> Result<Talent, String> {
    let me = rows(files, "profile.csv", "First Name")
        .into_iter()
        .next()
        .ok_or("Profile.csv has no row")?;
    let mut t = Talent {
        firstname: get(&me, "First Name"),
        lastname: get(&me, "Last Name"),
        headline: get(&me, "Headline"),
        summary: get(&me, "Summary"),
        ..Default::default()
    };
    if let Some(place) = get(&me, "Geo Location").or_else(|| get(&me, "Location")) {
        let parts: Vec<&str> = place.split(',').map(str::trim).collect();
        t.city = parts.first().map(|c| (*c).to_owned());
        if parts.len() >= 2 {
            t.country = parts.last().map(|c| (*c).to_owned());
        }
        if parts.len() >= 3 {
            t.state = Some(parts[1].to_owned());
        }
    }
    for p in rows(files, "positions.csv", "Company Name") {
        let end = get(&p, "Finished On").and_then(|d| date(&d));
        let start = get(&p, "Started On").and_then(|d| date(&d));
        t.experiences.push(Experience {
            organization_name: get(&p, "Company Name"),
            title: get(&p, "Title"),
            description: get(&p, "Description"),
            is_current: end.is_none() && start.is_some(),
            start_date: start,
            end_date: end,
            organization: None,
        });
    }
    super::take_current_role(&mut t);
    for e in rows(files, "education.csv", "School Name") {
        t.educations.push(Education {
            school_name: get(&e, "School Name"),
            degrees: get(&e, "Degree Name").into_iter().collect(),
            summary: get(&e, "Notes"),
            start_date: get(&e, "Start Date").and_then(|d| date(&d)),
            end_date: get(&e, "End Date").and_then(|d| date(&d)),
            ..Default::default()
        });
    }
    for s in rows(files, "skills.csv", "Name") {
        if let Some(name) = get(&s, "Name") {
            if !t.skills.iter().any(|k| k.eq_ignore_ascii_case(&name)) {
                t.skills.push(name);
            }
        }
    }
    for l in rows(files, "languages.csv", "Name") {
        if let Some(name) = get(&l, "Name") {
            t.languages.push(Language {
                name: Some(name),
                proficiency: get(&l, "Proficiency").and_then(|p| proficiency(&p)),
            });
        }
    }
    for c in rows(files, "certifications.csv", "Name") {
        t.certifications.push(Certification {
            name: get(&c, "Name"),
            organization_name: get(&c, "Authority"),
            start_date: get(&c, "Started On").and_then(|d| date(&d)),
            end_date: get(&c, "Finished On").and_then(|d| date(&d)),
        });
    }
    let emails = rows(files, "email addresses.csv", "Email Address");
    let email = emails
        .iter()
        .find(|r| get(r, "Primary").is_some_and(|p| p.eq_ignore_ascii_case("yes")))
        .or(emails.first())
        .and_then(|r| get(r, "Email Address"));
    let full_name = ids::full_name(&t);
    if full_name.is_empty() && email.is_none() {
        return Err("Profile.csv names nobody and there is no e-mail address".into());
    }
    t.id = ids::derived_id(
        None,
        email.as_deref(),
        &full_name,
        t.current_organization
            .as_ref()
            .and_then(|o| o.name.as_deref()),
        t.job_title.as_deref(),
    );
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// An export laid out as LinkedIn's archive is (file names and headers
    /// as the archive has them; the people are made up).
    pub(crate) fn sample_files() -> Vec<(&'static str, &'static str)> {
        vec![
            ("Profile.csv", "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nAda,Lovelace,,,,Engineer at Acme,\"Builds engines,\nand more\",Software Development,,\"Paris, Île-de-France, France\",,,\n"),
            ("Positions.csv", "Company Name,Title,Description,Location,Started On,Finished On\nAcme,Senior Engineer,Engines,Paris,Mar 2019,\nInitech,Engineer,,Lyon,Jan 2015,Feb 2019\n"),
            ("Education.csv", "School Name,Start Date,End Date,Notes,Degree Name,Activities\nÉcole Polytechnique,2010,2014,,Master of Science,\n"),
            ("Skills.csv", "Name\nRust\nSQL\nrust\n"),
            ("Languages.csv", "Name,Proficiency\nFrench,Native or bilingual proficiency\nEnglish,Full professional proficiency\n"),
            ("Certifications.csv", "Name,Url,Authority,Started On,Finished On,License Number\nCKA,,CNCF,Nov 2021,,\n"),
            ("Email Addresses.csv", "Email Address,Confirmed,Primary,Updated On\nold@example.com,Yes,No,1/1/20\nada@example.com,Yes,Yes,1/1/21\n"),
        ]
    }

    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in files {
            out.start_file(
                format!("Basic_LinkedInDataExport_12-05-2026/{name}"),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            out.write_all(text.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn an_export_archive_reads_into_one_profile() {
        let c = read_zip(&zip_of(&sample_files())).unwrap();
        let t = c.profile.unwrap();
        assert_eq!(
            (t.firstname.as_deref(), t.lastname.as_deref()),
            (Some("Ada"), Some("Lovelace"))
        );
        assert_eq!(t.summary.as_deref(), Some("Builds engines,\nand more"));
        assert_eq!(
            (t.city.as_deref(), t.state.as_deref(), t.country.as_deref()),
            (Some("Paris"), Some("Île-de-France"), Some("France"))
        );
        assert_eq!(t.job_title.as_deref(), Some("Senior Engineer"));
        assert_eq!(t.experiences[0].start_date.as_deref(), Some("2019-03"));
        assert!(t.experiences[0].is_current && !t.experiences[1].is_current);
        assert_eq!(t.experiences[1].end_date.as_deref(), Some("2019-02"));
        assert_eq!(t.skills, ["Rust", "SQL"]);
        assert_eq!(
            t.languages[1].proficiency.as_deref(),
            Some("full_professional")
        );
        assert_eq!(t.educations[0].degrees, ["Master of Science"]);
        assert_eq!(t.certifications[0].start_date.as_deref(), Some("2021-11"));
        assert_eq!(
            t.id,
            ids::derived_id(None, Some("ada@example.com"), "", None, None)
        );
        crate::validate::talent(&t).unwrap();
    }

    #[test]
    fn a_folder_reads_the_same_and_other_archives_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in sample_files() {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let from_dir = read(dir.path()).unwrap().profile.unwrap();
        let from_zip = read_zip(&zip_of(&sample_files())).unwrap().profile.unwrap();
        assert_eq!(from_dir, from_zip);
        let other = read_zip(&zip_of(&[("notes.csv", "a\n1\n")])).unwrap();
        assert!(other
            .profile
            .unwrap_err()
            .contains("not a LinkedIn data export"));
        assert!(read_zip(b"PK\x03\x04 not really").is_err());
    }
}
