//! CSV and spreadsheet exports: comma, semicolon or tab separated (told
//! from the header line), UTF-8 or UTF-16 with a byte-order mark (or
//! Windows-1252), quoted cells over several lines. Columns are mapped to
//! the talent schema by their header names (`HEADERS`: the names ATS and
//! CRM exports, LinkedIn Recruiter and Sales Navigator exports and Scout's
//! own CSV export use), and the mapping can be overridden column by column
//! (`--map "Work Email=email"`, `--map "Notes=ignore"`).

use scout_model::{CurrentOrganization, Experience, Language, Talent};

use super::text::{cell, date, decode, excerpt, language, list, split_name};
use super::{ids, Converted};
use scout_store::duplicates::Contacts;

/// What a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The profile's id.
    Id,
    /// Given name.
    FirstName,
    /// Family name.
    LastName,
    /// Both names in one cell (`First Last` or `Last, First`).
    FullName,
    /// The LinkedIn-style headline.
    Headline,
    /// Current job title.
    JobTitle,
    /// Current employer.
    Company,
    /// A place in one cell (`City, Region, Country` or fewer parts).
    Location,
    /// City.
    City,
    /// State or region.
    State,
    /// Country.
    Country,
    /// E-mail: used for the id when there is none; not stored (the talent
    /// schema has no contacts).
    Email,
    /// Phone: not stored (the talent schema has no contacts).
    Phone,
    /// LinkedIn profile address.
    LinkedIn,
    /// Skills, as a list cell.
    Skills,
    /// Languages, as a list cell (`French (Native); English`).
    Languages,
    /// About / summary.
    Summary,
    /// When the current job began.
    StartDate,
    /// Read but not used.
    Ignore,
}

impl Field {
    /// Every field's name, as `--map` takes them.
    pub const NAMES: &'static [(&'static str, Field)] = &[
        ("id", Field::Id),
        ("firstname", Field::FirstName),
        ("lastname", Field::LastName),
        ("fullname", Field::FullName),
        ("headline", Field::Headline),
        ("jobTitle", Field::JobTitle),
        ("company", Field::Company),
        ("location", Field::Location),
        ("city", Field::City),
        ("state", Field::State),
        ("country", Field::Country),
        ("email", Field::Email),
        ("phone", Field::Phone),
        ("linkedinUrl", Field::LinkedIn),
        ("skills", Field::Skills),
        ("languages", Field::Languages),
        ("summary", Field::Summary),
        ("startDate", Field::StartDate),
        ("ignore", Field::Ignore),
    ];

    /// The field of a name in [`Field::NAMES`] (any case).
    pub fn parse(name: &str) -> Option<Field> {
        Field::NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
            .map(|(_, f)| *f)
    }

    /// Its name in [`Field::NAMES`].
    pub fn name(self) -> &'static str {
        Field::NAMES
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("ignore", |(n, _)| n)
    }
}

/// Header names (folded: lower case, letters and digits only) and the
/// field each means, in the order they are tried.
const HEADERS: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("talentid", Field::Id),
    ("profileid", Field::Id),
    ("candidateid", Field::Id),
    ("externalid", Field::Id),
    ("recordid", Field::Id),
    ("firstname", Field::FirstName),
    ("first", Field::FirstName),
    ("givenname", Field::FirstName),
    ("forename", Field::FirstName),
    ("prenom", Field::FirstName),
    ("vorname", Field::FirstName),
    ("nombre", Field::FirstName),
    ("lastname", Field::LastName),
    ("last", Field::LastName),
    ("surname", Field::LastName),
    ("familyname", Field::LastName),
    ("nom", Field::LastName),
    ("nachname", Field::LastName),
    ("apellido", Field::LastName),
    ("apellidos", Field::LastName),
    ("name", Field::FullName),
    ("fullname", Field::FullName),
    ("candidatename", Field::FullName),
    ("contactname", Field::FullName),
    ("personname", Field::FullName),
    ("headline", Field::Headline),
    ("tagline", Field::Headline),
    ("jobtitle", Field::JobTitle),
    ("title", Field::JobTitle),
    ("currenttitle", Field::JobTitle),
    ("currentjobtitle", Field::JobTitle),
    ("position", Field::JobTitle),
    ("currentposition", Field::JobTitle),
    ("role", Field::JobTitle),
    ("poste", Field::JobTitle),
    ("company", Field::Company),
    ("companyname", Field::Company),
    ("currentcompany", Field::Company),
    ("currentcompanyname", Field::Company),
    ("employer", Field::Company),
    ("currentemployer", Field::Company),
    ("organization", Field::Company),
    ("organisation", Field::Company),
    ("account", Field::Company),
    ("accountname", Field::Company),
    ("entreprise", Field::Company),
    ("firma", Field::Company),
    ("empresa", Field::Company),
    ("location", Field::Location),
    ("address", Field::Location),
    ("geolocation", Field::Location),
    ("city", Field::City),
    ("town", Field::City),
    ("ville", Field::City),
    ("stadt", Field::City),
    ("ciudad", Field::City),
    ("state", Field::State),
    ("region", Field::State),
    ("province", Field::State),
    ("county", Field::State),
    ("country", Field::Country),
    ("pays", Field::Country),
    ("land", Field::Country),
    ("pais", Field::Country),
    ("email", Field::Email),
    ("emailaddress", Field::Email),
    ("mail", Field::Email),
    ("workemail", Field::Email),
    ("personalemail", Field::Email),
    ("primaryemail", Field::Email),
    ("phone", Field::Phone),
    ("phonenumber", Field::Phone),
    ("mobile", Field::Phone),
    ("mobilephone", Field::Phone),
    ("telephone", Field::Phone),
    ("linkedin", Field::LinkedIn),
    ("linkedinurl", Field::LinkedIn),
    ("linkedinprofile", Field::LinkedIn),
    ("linkedinprofileurl", Field::LinkedIn),
    ("profileurl", Field::LinkedIn),
    ("publicprofileurl", Field::LinkedIn),
    ("skills", Field::Skills),
    ("skill", Field::Skills),
    ("keyskills", Field::Skills),
    ("competencies", Field::Skills),
    ("languages", Field::Languages),
    ("language", Field::Languages),
    ("summary", Field::Summary),
    ("about", Field::Summary),
    ("bio", Field::Summary),
    ("profilesummary", Field::Summary),
    ("startdate", Field::StartDate),
    ("startedon", Field::StartDate),
    ("positionstartdate", Field::StartDate),
];

fn fold_header(h: &str) -> String {
    scout_taxonomy::fold(h)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// How one column is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header as written.
    pub header: String,
    /// The field it holds (`Ignore` when unknown).
    pub field: Field,
    /// Whether `--map` said so (else it was inferred from the header).
    pub given: bool,
}

/// Maps `headers` to fields: a `--map` override first, else the header's
/// name; a field already taken by an earlier column is not taken twice
/// (the later column is ignored). Errors name an override that names no
/// column or no field.
pub fn mapping(headers: &[String], overrides: &[(String, String)]) -> Result<Vec<Column>, String> {
    let mut columns: Vec<Column> = headers
        .iter()
        .map(|h| Column {
            header: h.clone(),
            field: Field::Ignore,
            given: false,
        })
        .collect();
    for (column, field) in overrides {
        let f = Field::parse(field).ok_or_else(|| {
            let names: Vec<&str> = Field::NAMES.iter().map(|(n, _)| *n).collect();
            format!(
                "--map {column}={field}: `{field}` is not a field (one of {})",
                names.join(", ")
            )
        })?;
        let c = columns
            .iter_mut()
            .find(|c| c.header.trim().eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| format!("--map {column}={field}: the file has no column `{column}`"))?;
        c.field = f;
        c.given = true;
    }
    let mut taken: Vec<Field> = columns
        .iter()
        .filter(|c| c.given && c.field != Field::Ignore)
        .map(|c| c.field)
        .collect();
    for c in columns.iter_mut().filter(|c| !c.given) {
        let folded = fold_header(&c.header);
        if let Some((_, f)) = HEADERS.iter().find(|(h, _)| *h == folded) {
            if !taken.contains(f) {
                c.field = *f;
                taken.push(*f);
            }
        }
    }
    Ok(columns)
}

/// The separator of a file: whichever of `,`, `;` and tab the header line
/// has most of (outside quotes); `,` when none.
fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 2 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Reads a CSV file: its column mapping and one profile (or reason) per row.
pub fn read(
    bytes: &[u8],
    overrides: &[(String, String)],
) -> Result<(Vec<Column>, Vec<Converted>), String> {
    let text = decode(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .iter()
        .map(str::to_owned)
        .collect();
    let columns = mapping(&headers, overrides)?;
    if columns.iter().all(|c| c.field == Field::Ignore) {
        return Err(format!(
            "no column could be mapped to the talent schema (headers: {}); name them with --map column=field",
            headers.join(", ")
        ));
    }
    let mut out = Vec::new();
    let mut record = ::csv::StringRecord::new();
    // lines counted from the record's byte offset: a quoted cell may span
    // several lines, and a rejected row is named by the line it starts on
    let (mut line, mut counted_to) = (1u64, 0usize);
    loop {
        // the reader's offset may sit on the previous line's terminator
        let mut at = (reader.position().byte() as usize).min(text.len());
        while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        line += text.as_bytes()[counted_to..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        counted_to = at;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let joined = record.iter().collect::<Vec<_>>().join(",");
                let (profile, contacts) = row(&columns, &record);
                out.push(Converted {
                    line,
                    profile,
                    contacts,
                    excerpt: excerpt(&joined),
                });
            }
            Err(e) => {
                out.push(Converted {
                    line,
                    profile: Err(format!("unreadable row: {e}")),
                    contacts: Contacts::default(),
                    excerpt: String::new(),
                });
                if !matches!(
                    e.kind(),
                    ::csv::ErrorKind::UnequalLengths { .. } | ::csv::ErrorKind::Utf8 { .. }
                ) {
                    break;
                }
            }
        }
    }
    Ok((columns, out))
}

/// One row as a profile, with the e-mail and phone it gave.
fn row(columns: &[Column], record: &::csv::StringRecord) -> (Result<Talent, String>, Contacts) {
    let get = |f: Field| {
        columns
            .iter()
            .zip(record.iter())
            .find(|(c, _)| c.field == f)
            .and_then(|(_, v)| cell(v))
    };
    let contacts = Contacts {
        emails: get(Field::Email).into_iter().collect(),
        phones: get(Field::Phone).into_iter().collect(),
    };
    (profile_of(columns, record), contacts)
}

fn profile_of(columns: &[Column], record: &::csv::StringRecord) -> Result<Talent, String> {
    let get = |f: Field| {
        columns
            .iter()
            .zip(record.iter())
            .find(|(c, _)| c.field == f)
            .and_then(|(_, v)| cell(v))
    };
    let mut t = Talent {
        firstname: get(Field::FirstName),
        lastname: get(Field::LastName),
        ..Default::default()
    };
    if let Some(full) = get(Field::FullName) {
        let (first, last) = split_name(&full);
        t.firstname = t.firstname.or(first);
        t.lastname = t.lastname.or(last);
    }
    t.headline = get(Field::Headline);
    t.job_title = get(Field::JobTitle);
    let company = get(Field::Company);
    if let Some(place) = get(Field::Location) {
        let parts: Vec<&str> = place
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        match parts.as_slice() {
            [city] => t.city = Some((*city).to_owned()),
            [city, country] => {
                t.city = Some((*city).to_owned());
                t.country = Some((*country).to_owned());
            }
            [city, state, rest @ ..] => {
                t.city = Some((*city).to_owned());
                t.state = Some((*state).to_owned());
                t.country = rest.last().map(|c| (*c).to_owned());
            }
            [] => {}
        }
    }
    t.city = get(Field::City).or(t.city);
    t.state = get(Field::State).or(t.state);
    t.country = get(Field::Country).or(t.country);
    t.linkedin_url = get(Field::LinkedIn).map(|u| {
        if u.starts_with("http://") || u.starts_with("https://") {
            u
        } else {
            format!("https://{u}")
        }
    });
    t.skills = get(Field::Skills).map(|s| list(&s)).unwrap_or_default();
    t.languages = get(Field::Languages)
        .map(|s| {
            list(&s)
                .iter()
                .map(|l| {
                    let (name, proficiency) = language(l);
                    Language {
                        name: Some(name),
                        proficiency,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    t.summary = get(Field::Summary);
    if t.job_title.is_some() || company.is_some() {
        t.experiences.push(Experience {
            title: t.job_title.clone(),
            organization_name: company.clone(),
            start_date: get(Field::StartDate).and_then(|d| date(&d)),
            is_current: true,
            ..Default::default()
        });
    }
    if let Some(name) = &company {
        t.current_organization = Some(CurrentOrganization {
            name: Some(name.clone()),
            ..Default::default()
        });
    }
    let full_name = ids::full_name(&t);
    let email = get(Field::Email);
    t.id = match get(Field::Id) {
        Some(id) => id,
        None if full_name.is_empty() && t.linkedin_url.is_none() && email.is_none() => {
            return Err("no id, name, e-mail or LinkedIn address: nothing says who this is".into())
        }
        None => ids::derived_id(
            t.linkedin_url.as_deref(),
            email.as_deref(),
            &full_name,
            company.as_deref(),
            t.job_title.as_deref(),
        ),
    };
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(headers: &[&str]) -> Vec<&'static str> {
        let h: Vec<String> = headers.iter().map(|s| (*s).to_owned()).collect();
        mapping(&h, &[])
            .unwrap()
            .iter()
            .map(|c| c.field.name())
            .collect()
    }

    #[test]
    fn headers_are_mapped_by_their_names() {
        assert_eq!(
            fields(&[
                "First Name",
                "Last Name",
                "E-mail Address",
                "Current Title",
                "Company Name",
                "LinkedIn Profile URL",
                "Notes"
            ]),
            [
                "firstname",
                "lastname",
                "email",
                "jobTitle",
                "company",
                "linkedinUrl",
                "ignore"
            ]
        );
        // the first of two columns meaning one field is taken
        assert_eq!(fields(&["Title", "Position"]), ["jobTitle", "ignore"]);
        assert_eq!(
            fields(&["Prénom", "Nom", "Entreprise", "Ville"]),
            ["firstname", "lastname", "company", "city"]
        );
    }

    #[test]
    fn overrides_win_and_bad_ones_are_named() {
        let h: Vec<String> = ["Name", "Notes"].iter().map(|s| (*s).to_owned()).collect();
        let m = mapping(&h, &[("notes".into(), "skills".into())]).unwrap();
        assert_eq!((m[1].field, m[1].given), (Field::Skills, true));
        assert!(mapping(&h, &[("Nope".into(), "skills".into())])
            .unwrap_err()
            .contains("no column"));
        assert!(mapping(&h, &[("Name".into(), "salary".into())])
            .unwrap_err()
            .contains("not a field"));
    }

    #[test]
    fn semicolons_tabs_quotes_and_multiline_cells() {
        let file = "Full Name;Title;Company;Location;Skills;Summary\r\n\
                    \"Lovelace, Ada\";Engineer;\"Acme; Inc\";Paris, Île-de-France, France;Rust|SQL;\"Two\r\nlines\"\r\n\
                    ;;;;;\r\n\
                    Alan Turing;Mathematician;;Manchester;;\r\n";
        let (_, rows) = read(file.as_bytes(), &[]).unwrap();
        assert_eq!(rows.len(), 2);
        let ada = rows[0].profile.as_ref().unwrap();
        assert_eq!(
            (ada.firstname.as_deref(), ada.lastname.as_deref()),
            (Some("Ada"), Some("Lovelace"))
        );
        assert_eq!(
            ada.current_organization.as_ref().unwrap().name.as_deref(),
            Some("Acme; Inc")
        );
        assert_eq!(
            (
                ada.city.as_deref(),
                ada.state.as_deref(),
                ada.country.as_deref()
            ),
            (Some("Paris"), Some("Île-de-France"), Some("France"))
        );
        assert_eq!(ada.skills, ["Rust", "SQL"]);
        assert_eq!(ada.summary.as_deref(), Some("Two\r\nlines"));
        assert!(ada.id.starts_with("nm-"));
        assert_eq!(
            rows[1].line, 5,
            "the row's line in the file, after a two-line cell and a blank row"
        );
        let tsv = "id\tfirstname\tjobTitle\nx1\tAda\tEngineer\n";
        let (_, rows) = read(tsv.as_bytes(), &[]).unwrap();
        assert_eq!(rows[0].profile.as_ref().unwrap().id, "x1");
    }

    #[test]
    fn a_row_that_names_nobody_is_rejected_and_the_rest_read() {
        let file = "Name,Title\n,Engineer\nAda Lovelace,Engineer\n";
        let (_, rows) = read(file.as_bytes(), &[]).unwrap();
        assert!(rows[0]
            .profile
            .as_ref()
            .unwrap_err()
            .contains("nothing says who"));
        assert!(rows[1].profile.is_ok());
        assert!(read(b"Foo,Bar\n1,2\n", &[]).unwrap_err().contains("--map"));
    }

    #[test]
    fn scouts_own_export_reads_back() {
        let t: Talent = serde_json::from_value(serde_json::json!({
            "id": "t1", "firstname": "Ada", "lastname": "=cmd", "jobTitle": "Engineer",
            "currentOrganization": {"name": "Acme, Inc."}, "city": "Paris", "country": "France",
            "skills": ["Rust", "SQL"], "linkedinUrl": "https://www.linkedin.com/in/ada",
            "languages": [{"name": "French", "proficiency": "native_or_bilingual"}]
        }))
        .unwrap();
        let file = crate::export::csv_header() + &crate::export::csv_row(&t);
        let (_, rows) = read(file.as_bytes(), &[]).unwrap();
        let back = rows[0].profile.as_ref().unwrap();
        assert_eq!(back.id, "t1");
        assert_eq!(back.lastname.as_deref(), Some("=cmd"));
        assert_eq!(back.skills, t.skills);
        assert_eq!(back.languages, t.languages);
        assert_eq!(
            back.current_organization.as_ref().unwrap().name.as_deref(),
            Some("Acme, Inc.")
        );
        assert_eq!(back.linkedin_url, t.linkedin_url);
    }
}
