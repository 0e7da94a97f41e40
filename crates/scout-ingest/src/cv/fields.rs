//! A CV's text → the fields of a lead. The text is cut into lines and
//! sections by their headings (English, French, Spanish, German) or by
//! labels (`Skills: …`); each field has its own reader, documented on it.

use scout_taxonomy::education::degree_level;
use scout_taxonomy::languages::{canonical_language, canonical_proficiency};
use scout_taxonomy::places::locate_profile;
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::{fold, geocode, GeoKind};

use super::phone::to_e164;
use super::{CvEducation, CvExperience, CvLanguage, ParsedCv};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Header,
    Contact,
    Summary,
    Experience,
    Education,
    Skills,
    Languages,
    Other,
}

const HEADINGS: &[(&str, Kind)] = &[
    ("contact", Kind::Contact),
    ("contact details", Kind::Contact),
    ("coordonnees", Kind::Contact),
    ("kontakt", Kind::Contact),
    ("contacto", Kind::Contact),
    ("summary", Kind::Summary),
    ("profile", Kind::Summary),
    ("about", Kind::Summary),
    ("about me", Kind::Summary),
    ("professional summary", Kind::Summary),
    ("profil", Kind::Summary),
    ("resume", Kind::Summary),
    ("perfil", Kind::Summary),
    ("resumen", Kind::Summary),
    ("zusammenfassung", Kind::Summary),
    ("experience", Kind::Experience),
    ("work experience", Kind::Experience),
    ("professional experience", Kind::Experience),
    ("employment", Kind::Experience),
    ("employment history", Kind::Experience),
    ("work history", Kind::Experience),
    ("experiences", Kind::Experience),
    ("experience professionnelle", Kind::Experience),
    ("experiences professionnelles", Kind::Experience),
    ("experiencia", Kind::Experience),
    ("experiencia profesional", Kind::Experience),
    ("experiencia laboral", Kind::Experience),
    ("berufserfahrung", Kind::Experience),
    ("education", Kind::Education),
    ("formation", Kind::Education),
    ("formations", Kind::Education),
    ("educacion", Kind::Education),
    ("formacion", Kind::Education),
    ("ausbildung", Kind::Education),
    ("studium", Kind::Education),
    ("skills", Kind::Skills),
    ("technical skills", Kind::Skills),
    ("key skills", Kind::Skills),
    ("competences", Kind::Skills),
    ("habilidades", Kind::Skills),
    ("kenntnisse", Kind::Skills),
    ("fahigkeiten", Kind::Skills),
    ("languages", Kind::Languages),
    ("langues", Kind::Languages),
    ("idiomas", Kind::Languages),
    ("sprachen", Kind::Languages),
    ("certifications", Kind::Other),
    ("interests", Kind::Other),
    ("hobbies", Kind::Other),
    ("references", Kind::Other),
];

fn heading_kind(line: &str) -> Option<Kind> {
    let f = fold(line.trim_end_matches(':'));
    if f.split(' ').count() > 4 {
        return None;
    }
    HEADINGS.iter().find(|(h, _)| *h == f).map(|(_, k)| *k)
}

/// A `Label: rest` line whose label is a heading: (kind, rest).
fn labelled(line: &str) -> Option<(Kind, &str)> {
    let (label, rest) = line.split_once(':')?;
    Some((heading_kind(label)?, rest.trim()))
}

/// The parts of a line that CVs separate contacts with: `|`, bullets and
/// middle dots, `;`, tabs, runs of spaces (columns a PDF put side by side)
/// and spaced dashes or slashes. ("a@b.com | +90 555 999 88 77 | Istanbul"
/// is three parts.) Commas are not separators: "Istanbul, Turkey" is one.
fn segments(line: &str) -> Vec<&str> {
    // and the private-use bullets of Symbol and Wingdings fonts that PDFs
    // from word processors carry (U+F0B7, U+F0A7, U+F076, U+F0D8)
    const MARKS: &[char] = &[
        '|', '•', '·', '◦', '▪', '∙', '⋅', '‣', '●', ';', '\t', '¦', '\u{f0b7}', '\u{f0a7}',
        '\u{f076}', '\u{f0d8}',
    ];
    let mut out = Vec::new();
    for part in line.split(MARKS) {
        let mut rest = part;
        // spaced separators: "  ", " – ", " — ", " / " (not " - ", which
        // place names use: "Santa Anita - Los Ficus, Peru")
        while let Some(at) = [
            rest.find("  "),
            rest.find(" – "),
            rest.find(" — "),
            rest.find(" / "),
        ]
        .into_iter()
        .flatten()
        .min()
        {
            out.push(rest[..at].trim());
            rest = rest[at..].trim_start_matches([' ', '–', '—', '/']);
        }
        out.push(rest.trim());
    }
    out.retain(|p| !p.is_empty());
    out
}

/// `Phone: …`, `Tel. …`, `E-mail: …`: the value without a contact label.
fn without_contact_label(part: &str) -> &str {
    const LABELS: &[&str] = &[
        "phone",
        "tel",
        "tél",
        "telephone",
        "téléphone",
        "telefon",
        "teléfono",
        "mobile",
        "mobil",
        "móvil",
        "cell",
        "portable",
        "handy",
        "email",
        "e-mail",
        "mail",
        "courriel",
        "address",
        "adresse",
        "dirección",
        "location",
        "lieu",
        "ort",
        "ubicación",
        "city",
        "ville",
        "stadt",
    ];
    let Some((label, value)) = part.split_once([':', '.']) else {
        return part;
    };
    let label = label.trim().to_lowercase();
    if LABELS.contains(&label.as_str()) {
        value.trim()
    } else {
        part
    }
}

/// Whether a line holds contact details (an e-mail or a phone in any of
/// its parts): such lines are read part by part for the location too.
fn is_contact_line(line: &str) -> bool {
    segments(line)
        .iter()
        .any(|p| email_in(p).is_some() || (!p.contains('@') && phone_in(p).is_some()))
}

fn email_in(line: &str) -> Option<String> {
    line.split(|c: char| c.is_whitespace() || c == '|' || c == ',' || c == ';')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| {
            let Some((user, domain)) = w.split_once('@') else {
                return false;
            };
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
        })
        .map(|w| w.to_lowercase())
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1950..=2100).contains(&y))
}

/// A phone-looking run: `+`, digits, spaces, brackets, dots and dashes with 8–15 digits.
fn phone_in(line: &str) -> Option<String> {
    let mut best = None;
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '+' || chars[i] == '(' || chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || " +()-./".contains(chars[i])) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let digits = run.chars().filter(char::is_ascii_digit).count();
            let groups: Vec<&str> = run
                .split(|c: char| !c.is_ascii_digit())
                .filter(|g| !g.is_empty())
                .collect();
            // "03/2016 - 11/2018" is dates; "06 12 34 56 78" (French
            // numbers are written in pairs) is not: dates have a year or
            // at most three short groups.
            let dates = groups.iter().all(|g| is_year(g) || g.len() <= 2)
                && (groups.len() <= 3 || groups.iter().any(|g| is_year(g)));
            if (8..=15).contains(&digits) && !dates {
                best.get_or_insert(run.trim().to_owned());
            }
        }
        i += 1;
    }
    best
}

fn links_in(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '|' || c == ';' || c == '(' || c == ')'))
        .filter(|w| {
            let l = w.to_lowercase();
            l.contains("linkedin.com/") || l.contains("github.com/")
        })
        .map(|w| {
            if w.starts_with("http") {
                w.to_owned()
            } else {
                format!("https://{w}")
            }
        })
        .collect()
}

fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        })
        && heading_kind(line).is_none()
        && canonical_skill(line).is_none()
        && geocode(line).is_none()
}

/// `City, Country`, `City, Region` (or a city alone) that the place data
/// knows. A named country picks the city of that name in that country
/// ("London, Canada" is London, Ontario).
fn location_in(line: &str) -> Option<(String, String)> {
    // a street address or a phone has digits; "Paris 10e Arrondissement" a few
    let digits = line.chars().filter(char::is_ascii_digit).count();
    if digits > 2 || line.contains('@') || line.split_whitespace().count() > 6 {
        return None;
    }
    let mut parts = line.split(',').map(str::trim);
    let first = parts.next()?;
    let g = match parts.next() {
        Some(second) => {
            let named = geocode(second)?;
            if named.kind == GeoKind::Country {
                locate_profile(Some(first), None, Some(second))?
            } else {
                let city = geocode(first)?;
                if city.country_code != named.country_code {
                    return None;
                }
                city
            }
        }
        None => geocode(first)?,
    };
    if g.kind != GeoKind::City {
        return None;
    }
    Some((line.trim().to_owned(), g.country_code))
}

const PRESENT: &[&str] = &[
    "present",
    "current",
    "now",
    "today",
    "present",
    "actuel",
    "aujourd hui",
    "actual",
    "actualidad",
    "heute",
    "presente",
    "en cours",
];
const MONTHS: &[&[&str]] = &[
    &[
        "jan", "january", "janvier", "janv", "ene", "enero", "januar",
    ],
    &["feb", "february", "fevrier", "fev", "febrero", "februar"],
    &["mar", "march", "mars", "marzo", "marz"],
    &["apr", "april", "avril", "avr", "abr", "abril"],
    &["may", "mai", "mayo"],
    &["jun", "june", "juin", "junio", "juni"],
    &["jul", "july", "juillet", "juil", "julio", "juli"],
    &["aug", "august", "aout", "ago", "agosto"],
    &["sep", "sept", "september", "septembre", "septiembre"],
    &["oct", "october", "octobre", "octubre", "okt", "oktober"],
    &["nov", "november", "novembre", "noviembre"],
    &[
        "dec",
        "december",
        "decembre",
        "dic",
        "diciembre",
        "dez",
        "dezember",
    ],
];

/// `Mar 2019`, `03/2019`, `2019` → `2019-03-01`.
fn date_of(part: &str) -> Option<String> {
    let f = fold(part);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    let year = words.iter().find(|w| is_year(w))?;
    let month = words
        .iter()
        .find_map(|w| {
            MONTHS
                .iter()
                .position(|names| names.contains(w))
                .map(|m| m + 1)
                .or_else(|| {
                    w.parse::<usize>()
                        .ok()
                        .filter(|m| (1..=12).contains(m) && w.len() <= 2)
                })
        })
        .unwrap_or(1);
    Some(format!("{year}-{month:02}-01"))
}

/// A date range line: (start, end or None when ongoing).
fn date_range(line: &str) -> Option<(String, Option<String>)> {
    let parts: Vec<&str> = line
        .split(['–', '—'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" to "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 2 || line.split_whitespace().count() > 8 {
        return None;
    }
    let start = date_of(parts[0])?;
    let end_fold = fold(parts[1]);
    if PRESENT.iter().any(|p| end_fold == *p) {
        return Some((start, None));
    }
    Some((start, Some(date_of(parts[1])?)))
}

/// `Title — Company`, `Title at Company`, `Title, Company`.
fn role_line(line: &str) -> Option<(String, String)> {
    for sep in [
        " — ", " – ", " - ", " | ", " at ", " chez ", " en ", " bei ", " @ ",
    ] {
        if let Some((a, b)) = line.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            if !a.is_empty() && !b.is_empty() && date_range(line).is_none() {
                return Some((a.to_owned(), b.to_owned()));
            }
        }
    }
    None
}

fn split_list(text: &str) -> Vec<&str> {
    text.split([',', ';', '•', '|', '·'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Lines with wrapped ones joined back: a line ending in a separator
/// (`—`, `,`, `|`, `&`, ` at`, ` of`…) continues on the next one.
fn joined_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut carry = false;
    for line in text.lines().map(str::trim) {
        if carry && !line.is_empty() {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            out.push(line.to_owned());
        }
        let l = out.last().map(String::as_str).unwrap_or("");
        carry = !l.is_empty()
            && (["—", "–", "-", ",", "|", "&", "/"]
                .iter()
                .any(|s| l.ends_with(s))
                || [" at", " of", " and", " de", " et"]
                    .iter()
                    .any(|s| l.to_lowercase().ends_with(s)));
    }
    out
}

/// Reads the fields of a CV's text.
pub fn read(text: &str) -> ParsedCv {
    let owned = joined_lines(text);
    let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut cv = ParsedCv::default();
    // sections
    let mut kinds = Vec::with_capacity(lines.len());
    let mut current = Kind::Header;
    for line in &lines {
        if let Some(k) = heading_kind(line) {
            current = k;
            kinds.push(None);
        } else {
            kinds.push(Some(current));
        }
    }
    for line in &lines {
        if cv.email.is_none() {
            cv.email = email_in(line);
        }
        for l in links_in(line) {
            if !cv.links.contains(&l) {
                cv.links.push(l);
            }
        }
    }
    // contact lines first; a location also gives the country for the phone.
    // A line is a place as a whole, or — when it holds contacts — in one of
    // its parts ("a@b.com | +90 555 999 88 77 | Istanbul").
    for line in &lines {
        let found = location_in(line).or_else(|| {
            is_contact_line(line)
                .then(|| {
                    segments(line)
                        .into_iter()
                        .find_map(|p| location_in(without_contact_label(p)))
                })
                .flatten()
        });
        if let Some((place, cc)) = found {
            cv.location = Some(place);
            cv.country_code = Some(cc);
            break;
        }
    }
    'phone: for line in &lines {
        for part in segments(line) {
            if part.contains('@') || part.to_lowercase().contains("linkedin") {
                continue;
            }
            if let Some(p) = phone_in(without_contact_label(part)) {
                cv.phone_e164 = to_e164(&p, cv.country_code.as_deref());
                cv.phone = Some(p);
                break 'phone;
            }
        }
    }
    // the name: the first name-like line; the title the line after it
    for (i, line) in lines.iter().enumerate() {
        if looks_like_name(line) {
            cv.full_name = Some((*line).to_owned());
            let next = lines[i + 1..].iter().find(|l| !l.is_empty());
            if let Some(next) = next {
                let usable = heading_kind(next).is_none()
                    && email_in(next).is_none()
                    && location_in(next).is_none()
                    && phone_in(next).is_none()
                    && next.split_whitespace().count() <= 8;
                if usable {
                    cv.title = Some((*next).to_owned());
                }
            }
            break;
        }
    }
    let mut summary = Vec::new();
    let mut i = 0;
    let mut list_label: Option<Kind> = None;
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() || heading_kind(line).is_some() {
            list_label = None;
        }
        let kind = match labelled(line) {
            Some((k, rest)) => {
                read_list(&mut cv, k, rest);
                list_label = Some(k);
                i += 1;
                continue;
            }
            None => match list_label {
                Some(k) => {
                    read_list(&mut cv, k, line);
                    i += 1;
                    continue;
                }
                None => kinds[i],
            },
        };
        // an education entry outside an education section: a school line then a year
        // "Engineer — Some School" then "Feb 2025 – Present" is a job at a school;
        // "MSc — Some School" then "2000 – 2004" is still a degree
        let next_is_tenure = lines.get(i + 1).is_some_and(|n| {
            role_line(line).is_some_and(|(title, _)| degree_level(&title).is_none())
                && date_range(n).is_some()
        });
        // "Master of Science, MIT" names no school word but leads with a degree
        let degree_led = line
            .split_once(',')
            .is_some_and(|(d, _)| degree_level(d.trim()).is_some());
        if !matches!(kind, Some(Kind::Education))
            && (has_school_word(line) || degree_led)
            && !next_is_tenure
        {
            let next = lines.get(i + 1).copied();
            if next.is_some_and(|n| {
                n.split(|c: char| !c.is_ascii_digit()).any(is_year)
                    && n.split_whitespace().count() <= 4
            }) {
                if let Some(e) = education_line(line, next) {
                    cv.education.push(e);
                    i += 2;
                    continue;
                }
            }
        }
        match kind {
            Some(Kind::Summary) if !line.is_empty() => summary.push(line),
            Some(Kind::Skills) | Some(Kind::Languages) if !line.is_empty() => {
                read_list(&mut cv, kind.unwrap_or(Kind::Other), line)
            }
            Some(Kind::Education) if !line.is_empty() => {
                if let Some(e) = education_line(line, lines.get(i + 1).copied()) {
                    cv.education.push(e);
                }
            }
            _ => {}
        }
        // experiences are recognised anywhere: a role line followed by dates
        if !matches!(
            kind,
            Some(Kind::Education) | Some(Kind::Skills) | Some(Kind::Languages)
        ) {
            if let (Some((title, company)), Some(next)) = (role_line(line), lines.get(i + 1)) {
                if let Some((start, end)) = date_range(next) {
                    cv.experiences.push(CvExperience {
                        title,
                        company,
                        start: Some(start),
                        end,
                    });
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    if !summary.is_empty() {
        cv.summary = Some(summary.join(" ").chars().take(1000).collect());
    }
    cv
}

fn read_list(cv: &mut ParsedCv, kind: Kind, text: &str) {
    match kind {
        Kind::Skills => {
            for item in split_list(text) {
                if let Some(s) = canonical_skill(item) {
                    if !cv.skills.iter().any(|x| x == s) {
                        cv.skills.push(s.to_owned());
                    }
                }
            }
        }
        Kind::Languages => {
            for item in split_list(text) {
                let (name, level) = match item.split_once('(') {
                    Some((n, l)) => (n.trim(), Some(l.trim_end_matches(')').trim())),
                    None => match item.split_once(['-', ':']) {
                        Some((n, l)) => (n.trim(), Some(l.trim())),
                        None => (item, None),
                    },
                };
                if let Some(lang) = canonical_language(name) {
                    cv.languages.push(CvLanguage {
                        name: lang.to_owned(),
                        level: level.and_then(canonical_proficiency).map(str::to_owned),
                    });
                }
            }
        }
        _ => {}
    }
}

const SCHOOL_WORDS: &[&str] = &[
    "university",
    "universite",
    "universidad",
    "universitat",
    "universita",
    "universiteit",
    "universidade",
    "politecnico",
    "escuela",
    "scuola",
    "college",
    "institute",
    "school",
    "ecole",
    "polytechnique",
    "hochschule",
    "academy",
    "iut",
    "insa",
];

fn has_school_word(line: &str) -> bool {
    let f = fold(line);
    SCHOOL_WORDS.iter().any(|w| f.split(' ').any(|x| x == *w))
}

fn education_line(line: &str, next: Option<&str>) -> Option<CvEducation> {
    if is_year(line) || date_range(line).is_some() {
        return None;
    }
    let parts: Vec<&str> = line
        .split([',', '—', '–', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let is_school = |p: &str| {
        let f = fold(p);
        SCHOOL_WORDS.iter().any(|w| f.split(' ').any(|x| x == *w))
    };
    let school = parts
        .iter()
        .find(|p| is_school(p))
        .or_else(|| parts.iter().find(|p| degree_level(p).is_none()))?;
    let degree = parts
        .iter()
        .find(|p| *p != school && degree_level(p).is_some())
        .or_else(|| parts.iter().find(|p| *p != school));
    let end_year = next.and_then(|n| {
        let years: Vec<&str> = n
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| is_year(g))
            .collect();
        years.last().and_then(|y| y.parse().ok())
    });
    Some(CvEducation {
        school: (*school).to_owned(),
        degree: degree.map(|d| (*d).to_owned()),
        end_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 19: contacts read wherever they stand on a line.
    #[test]
    fn contacts_on_one_line_are_read_part_by_part() {
        let cv = read("Sam Cv\nData Analyst\nsam.cv@example.com | +90 555 999 88 77 | Istanbul\n");
        assert_eq!(cv.email.as_deref(), Some("sam.cv@example.com"));
        assert_eq!(cv.phone_e164.as_deref(), Some("+905559998877"));
        assert_eq!(cv.location.as_deref(), Some("Istanbul"));
        for line in [
            "Lyon, France • marie.roux@example.com • 06 12 34 56 78",
            "marie.roux@example.com · Tél. : 06 12 34 56 78 · Lyon, France",
            "Lyon, France  marie.roux@example.com  06 12 34 56 78",
            "E-mail: marie.roux@example.com; Phone: 06 12 34 56 78; Location: Lyon, France",
            "marie.roux@example.com / 06 12 34 56 78 / Lyon, France",
        ] {
            let cv = read(&format!("Marie Roux\nChef de projet\n{line}\n"));
            assert_eq!(
                cv.email.as_deref(),
                Some("marie.roux@example.com"),
                "{line}"
            );
            assert_eq!(cv.phone_e164.as_deref(), Some("+33612345678"), "{line}");
            assert_eq!(cv.location.as_deref(), Some("Lyon, France"), "{line}");
        }
    }

    #[test]
    fn a_named_country_picks_that_countrys_city() {
        let (place, cc) = location_in("London, Canada").unwrap();
        assert_eq!((place.as_str(), cc.as_str()), ("London, Canada", "CA"));
        assert_eq!(location_in("London").unwrap().1, "GB");
        assert!(location_in("12 Baker Street, London").is_none());
    }

    #[test]
    fn a_job_at_a_school_stays_a_job_and_degree_led_lines_are_schools() {
        let cv = read(
            "Erika Davis\nFull Stack Engineer\n\
             Principal Engineer — Atlasevergreen School\nFeb 2025 – Present\n\
             Master of Science, MIT\n2004\n\
             PhD, Università di Voghera\n2010\n",
        );
        let schools: Vec<&str> = cv.education.iter().map(|e| e.school.as_str()).collect();
        assert_eq!(schools, ["MIT", "Università di Voghera"]);
        assert_eq!(cv.experiences.len(), 1);
        assert_eq!(cv.experiences[0].company, "Atlasevergreen School");
        assert_eq!(cv.education[0].degree.as_deref(), Some("Master of Science"));
        assert_eq!(cv.education[0].end_year, Some(2004));
    }

    #[test]
    fn date_ranges_in_several_languages() {
        assert_eq!(
            date_range("Mar 2019 – Present"),
            Some(("2019-03-01".into(), None))
        );
        assert_eq!(
            date_range("janv. 2018 - déc. 2020"),
            Some(("2018-01-01".into(), Some("2020-12-01".into())))
        );
        assert_eq!(date_range("2004"), None);
    }
}
