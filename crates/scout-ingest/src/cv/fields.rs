//! A CV's text → the fields of a lead. The text is cut into lines and
//! sections by its headings (`sections.rs`); the header and contact lines
//! give the name, title, e-mail, phone, links and place (this file); each
//! section has its reader: jobs (`jobs.rs`), schools (`schools.rs`),
//! skills, languages and certifications (`lists.rs`). Skills are also read
//! from the rest of the text, each with the line that shows it.

use scout_taxonomy::places::locate_profile;
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::{fold, geocode, GeoKind};

use super::dates::find_span;
use super::jobs::{is_remote, leaders_as_tabs, us_town_and_state};
use super::pdf_layout::HEADING_MARK;
use super::phone::to_e164;
use super::sections::{self, Section};
use super::{confidence, jobs, lists, schools, ParsedCv};

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

/// The labels CVs put before a contact detail, lower case.
const CONTACT_LABELS: &[&str] = &[
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
    "anschrift",
    "wohnort",
    "domicile",
    "domicilio",
    "dirección",
    "location",
    "lieu",
    "ort",
    "ubicación",
    "city",
    "ville",
    "stadt",
    "ciudad",
    "localidad",
    "residencia",
    "residence",
    "résidence",
    "current location",
    "present address",
    "current address",
    "correspondence address",
    "address for correspondence",
    "based",
    "standort",
    "wohnort",
    "current city",
];

/// Labels of a mobile number, preferred to a landline written before it.
const MOBILE_LABELS: &[&str] = &[
    "mobile",
    "mobil",
    "movil",
    "cell",
    "cellphone",
    "portable",
    "handy",
    "mob",
];

/// Labels of places a person is not at: where they were born, would move
/// to or would work ("Place of birth: Lucknow", "Preferred Locations:
/// Pune", "Umzugsbereit: Hamburg", "Mobilité : Paris").
const ELSEWHERE_LABELS: &[&str] = &[
    "place of birth",
    "born in",
    "birthplace",
    "preferred location",
    "preferred locations",
    "preferred location s",
    "willing to relocate",
    "willing to relocate to",
    "open to relocation",
    "relocation",
    "umzugsbereit",
    "geburtsort",
    "mobilite",
    "mobilite geographique",
    "lieu de naissance",
    "lugar de nacimiento",
    "disponibilidad",
];

/// Whether a line or part of one names a place under a label of
/// [`ELSEWHERE_LABELS`].
fn elsewhere(part: &str) -> bool {
    part.split_once([':', '\t'])
        .is_some_and(|(label, _)| ELSEWHERE_LABELS.contains(&fold(label).as_str()))
}

/// `Phone: …`, `Tel. …`, `E-mail: …`: the value without a contact label.
fn without_contact_label(part: &str) -> &str {
    // ": Bangalore, Karnataka" — a table's value cell with the colon that
    // followed its label cell
    if let Some(value) = part.trim_start().strip_prefix(':') {
        return value.trim();
    }
    // (a table of details read as "Label<tab>value")
    let Some((label, value)) = part.split_once([':', '.', '\t']) else {
        return part;
    };
    // "* Location: Pune", "**Phone:** …": a list's bullet and bold marks
    // are no part of the label
    let label = label
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(['*', '_'])
        .to_lowercase();
    if CONTACT_LABELS.contains(&label.as_str()) {
        value.trim().trim_start_matches(['*', '_']).trim()
    } else {
        part
    }
}

/// "Anschrift:", "Address" alone on a line: a label whose value is on the
/// next line (a table of details read a cell a line).
fn is_contact_label(line: &str) -> bool {
    let label = line.trim().trim_end_matches([':', ' ']).to_lowercase();
    CONTACT_LABELS.contains(&label.as_str())
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
        .find_map(|w| {
            let (before, after) = w.split_once('@')?;
            // the address is what may stand in one around its '@': a Markdown
            // link's "[Email](mailto:" before it and ")" after it are not
            let user_at = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || "._%+-'".contains(c))
                .last()
                .map_or(before.len(), |(i, _)| i);
            let user = before[user_at..].trim_start_matches(['.', '\'']);
            let domain_end = after
                .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(after.len());
            let domain = after[..domain_end].trim_end_matches(['.', '-']);
            (!user.is_empty() && domain.contains('.') && !domain.starts_with('.'))
                .then(|| format!("{user}@{domain}").to_lowercase())
        })
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
    // "[![badge](https://img.shields.io/…)](https://linkedin.com/in/…)": a
    // Markdown link's brackets and parentheses part the addresses too
    line.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | '!'))
        .map(|w| w.trim_matches([',', '|', ';', '"']))
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

/// A name without an honorific before it or credentials after it
/// ("Dr. Liam Lewis", "Emma Miller, PhD", "Ana Ruiz, MBA").
fn without_credentials(line: &str) -> &str {
    const HONORIFICS: &[&str] = &[
        "dr. ",
        "dr ",
        "prof. ",
        "mr. ",
        "mrs. ",
        "ms. ",
        "mx. ",
        "dipl.-ing. ",
    ];
    let mut name = line.trim();
    for h in HONORIFICS {
        if name
            .get(..h.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(h))
        {
            name = name.get(h.len()..).unwrap_or(name).trim();
        }
    }
    if let Some((before, after)) = name.split_once(',') {
        let credential = after.split([',', ' ']).filter(|w| !w.is_empty()).all(|w| {
            let letters = w.trim_matches('.').replace('.', "");
            letters.len() <= 5 && letters.chars().any(char::is_uppercase)
        });
        if credential {
            name = before.trim();
        }
    }
    name
}

fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        })
        && sections::known_heading(line).is_none()
        && canonical_skill(line).is_none()
        && geocode(line).is_none()
        // "Data Engineer" in title case is the headline, not a name
        && !scout_taxonomy::titles::is_known_title(line)
}

/// "Résumé of Ana Ruiz", "Curriculum vitae — Ana Ruiz", "CV: Ana Ruiz": the
/// name after a document title.
fn without_document_title(text: &str) -> &str {
    const TITLES: &[&str] = &[
        "curriculum vitae",
        "cv",
        "resume",
        "lebenslauf",
        "currículum",
    ];
    for sep in [" — ", " – ", " - ", ": ", " | ", " of ", " de ", " von "] {
        if let Some((a, b)) = text.split_once(sep) {
            let head = fold(a);
            if TITLES.contains(&head.as_str()) || head == "curriculum" {
                return b.trim();
            }
        }
    }
    text
}

/// `City, Country`, `City, Region` (or a city alone) that the place data
/// knows. A named country picks the city of that name in that country
/// ("London, Canada" is London, Ontario).
fn location_in(line: &str) -> Option<(String, String)> {
    // as written first ("Halle (Saale), Germany" is a city's name), then
    // without what is written around the place
    // (made once, and only when the line as written names no place)
    let cleaned = std::cell::LazyCell::new(|| cleaned_place(line));
    place_of_parts(line.trim())
        .or_else(|| place_of_parts(&cleaned))
        // "Austin TX USA": a US town and its state without commas
        .or_else(|| place_of_parts(&us_town_and_state(line.trim())?))
        // "Pune - India", "El Giza - Egypt": a town and its country apart by a dash
        .or_else(|| {
            let (town, country) = cleaned.rsplit_once(" - ")?;
            let country = country.trim_end_matches(|c: char| !c.is_alphanumeric());
            geocode(country)
                .filter(|g| g.kind == GeoKind::Country)
                .and_then(|_| place_of_parts(&format!("{}, {}", town.trim(), country.trim())))
        })
}

/// "Based in London", "Madrid (España)", "Austin, TX 78701": the place
/// without what is written around it.
fn cleaned_place(line: &str) -> String {
    // "📍 New York, United States": an icon before the place
    let mut text = line
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim();
    for lead in PLACE_LEADS {
        let head = text.get(..lead.len());
        if text.len() > lead.len() && head.is_some_and(|h| h.eq_ignore_ascii_case(lead)) {
            text = text.get(lead.len()..).unwrap_or(text);
        }
    }
    // "Remote (Lisbon, Portugal)", "Remote – Lisbon", "Lisbon (remote)"
    let folded = text.to_lowercase();
    for remote in [
        "remote (",
        "remote - ",
        "remote – ",
        "remote from ",
        "remote, ",
    ] {
        if folded.starts_with(remote) {
            text = text.get(remote.len()..).unwrap_or(text);
            break;
        }
    }
    let cleaned = text
        .replace("(remote)", "")
        .replace("(Remote)", "")
        .replace(" (", ", ")
        .replace(')', "");
    let place = without_postcode(&cleaned);
    // "Bangalore, Karnataka – 560001": the dash that led to the postcode
    let place = place.trim_end_matches([' ', '–', '—', '-', ',']);
    let place = without_district(place);
    without_area_words(place)
}

/// Words that lead to a place: "Based in London", "Data engineer based in
/// Lyon".
const PLACE_LEADS: &[&str] = &[
    "based in ",
    "located in ",
    "living in ",
    "lives in ",
    "residing in ",
    "résidant à ",
    "basé à ",
    "basée à ",
    "wohnhaft in ",
    "residente en ",
    "ubicado en ",
    "ubicada en ",
];

/// The place after a lead word inside a line or sentence ("Senior data
/// engineer based in Lyon, France, with ten years…"): up to the end of the
/// sentence or a word that starts something else.
fn place_after_lead(line: &str) -> Option<(String, String)> {
    let lower = line.to_lowercase();
    let (at, lead) = PLACE_LEADS
        .iter()
        .filter_map(|l| lower.find(l).map(|at| (at, *l)))
        .min_by_key(|(at, _)| *at)?;
    let rest = line.get(at + lead.len()..)?;
    let end = rest
        .find(['.', ';', '|', '·', '•', '(', '\t'])
        .unwrap_or(rest.len());
    let mut rest = rest[..end].trim();
    for stop in [
        " with ", " and ", " since ", " for ", " where ", " who ", " avec ", " mit ", " con ",
    ] {
        if let Some(at) = rest.to_lowercase().find(stop) {
            rest = rest[..at].trim();
        }
    }
    let rest = rest.trim_end_matches([',', ' ']);
    // "Lyon, France", else "Lyon"
    location_in(rest).or_else(|| location_in(rest.split(',').next()?.trim()))
}

/// "Paris 11e", "Lyon 3ème", "Paris 1er arrondissement": the city.
fn without_district(text: &str) -> &str {
    let t = text.trim().trim_end_matches(" arrondissement").trim_end();
    match t.rsplit_once(' ') {
        Some((city, last))
            if last.starts_with(|c: char| c.is_ascii_digit())
                && ["e", "ème", "eme", "er"]
                    .iter()
                    .any(|s| last.trim_start_matches(|c: char| c.is_ascii_digit()) == *s) =>
        {
            city.trim_end_matches(',').trim()
        }
        _ => text,
    }
}

/// "Greater Munich Area", "Munich Area, Germany", "San Francisco Bay Area",
/// "Greater London" (as LinkedIn writes places): the city the area is named
/// after, with a country after it kept — a lead's place is a city, and a
/// search around it covers its metro.
fn without_area_words(text: &str) -> String {
    let text = text.trim().trim_end_matches([',', ' ']);
    if geocode(text).is_some_and(|g| g.kind != GeoKind::Area) {
        return text.to_owned();
    }
    let (head, tail) = match text.split_once(',') {
        Some((h, t)) => (h.trim(), Some(t.trim())),
        None => (text, None),
    };
    let mut city = head.strip_prefix("Greater ").unwrap_or(head);
    for suffix in [
        " Bay Area",
        " Metropolitan Area",
        " Metro Area",
        " Metropolitan Region",
        " and Surroundings",
        " Area",
        " Region",
        " Metro",
    ] {
        if let Some(c) = city.strip_suffix(suffix) {
            city = c;
            break;
        }
    }
    // only a city the area is named after and holds ("Bay Area" names
    // none: there is a town called Bay, but not in it)
    let Some(named) = geocode(city).filter(|g| g.kind == GeoKind::City) else {
        return text.to_owned();
    };
    let area = geocode(text).filter(|g| g.kind == GeoKind::Area);
    let inside = area
        .as_ref()
        .is_none_or(|a| scout_taxonomy::places::how_within(&named, a).is_some());
    if city == head || !inside {
        return text.to_owned();
    }
    match tail {
        Some(t) if !t.is_empty() => format!("{city}, {t}"),
        _ => city.to_owned(),
    }
}

/// A place without the postcode written before or after it: "75011 Paris",
/// "D-80331 München", "1012 AB Amsterdam", "Austin, TX 78701", "Birmingham
/// B1 1BB", "Toronto M5V 2T6".
fn without_postcode(text: &str) -> &str {
    let mut t = text.trim();
    // before: digits, with a country letter ("D-", "F-", "CH-") and the two
    // letters of a Dutch code
    let lead = t
        .split_once(|c: char| c.is_ascii_digit())
        .map_or("", |(before, _)| before);
    if lead.len() <= 3 && lead.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
        let rest = t[lead.len()..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
        if rest.len() < t.len() - lead.len() && rest.starts_with(' ') {
            let rest = rest.trim_start();
            let dutch = rest.split_once(' ').filter(|(code, _)| {
                code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
            });
            t = dutch.map_or(rest, |(_, after)| after.trim_start());
        }
    }
    // after: ZIP codes, and British and Canadian codes (two short tokens of
    // capitals and digits, the second starting with a digit)
    t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-');
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 3 {
        let (a, b) = (words[words.len() - 2], words[words.len() - 1]);
        let code = |w: &str| {
            (2..=4).contains(&w.len())
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_digit())
        };
        if code(a) && code(b) && b.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some(at) = t.rfind(a) {
                t = t[..at].trim_end();
            }
        }
    }
    t.trim()
}

/// `City`, `City, Region` or `City, Country` that the place data knows.
fn place_of_parts(text: &str) -> Option<(String, String)> {
    // a street address or a phone has digits; "Paris 10e Arrondissement" a few
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits > 2 || text.contains('@') || text.split_whitespace().count() > 6 {
        return None;
    }
    let mut parts = text.split(',').map(str::trim);
    let first = parts.next()?;
    let g = match parts.next() {
        Some(second) => match geocode(second) {
            Some(named) if named.kind == GeoKind::Country => {
                match locate_profile(Some(first), None, Some(second)) {
                    Some(g) if g.kind == GeoKind::City => g,
                    // "Denver, CO", "Boston, MA": a US state's code that is
                    // also a country's (Colombia, Morocco); the whole says
                    // which is meant
                    _ if geocode(text).is_some_and(|g| g.kind == GeoKind::City) => geocode(text)?,
                    // "São Paulo, Brazil": a state's name too; the city of
                    // that name in that country is meant
                    _ => {
                        let wanted = fold(first);
                        let city = scout_taxonomy::places::cities().find(|(name, cc, ..)| {
                            *cc == named.country_code && fold(name) == wanted
                        })?;
                        return Some((text.to_owned(), city.1.to_owned()));
                    }
                }
            }
            Some(named) => {
                let city = geocode(first)?;
                if city.country_code != named.country_code {
                    // "Seattle, WA": the state's code names a town elsewhere
                    // too (Wa, Ghana); the whole says which is meant
                    geocode(text).filter(|g| g.kind == GeoKind::City)?
                } else {
                    city
                }
            }
            // "Austin, TX": the place data reads the whole better than the parts
            None => geocode(text).filter(|g| g.kind == GeoKind::City)?,
        },
        None => geocode(first)?,
    };
    // a city; a metro named after a city it holds as that city ("San
    // Francisco Bay Area"); another metro area of one country as written
    // ("Bay Area", "Randstad")
    if g.kind == GeoKind::Area && !g.country_code.is_empty() {
        let city = without_area_words(text);
        if city != text {
            if let Some(found) = place_of_parts(&city) {
                return Some(found);
            }
        }
        return Some((text.to_owned(), g.country_code));
    }
    if g.kind != GeoKind::City {
        return None;
    }
    Some((text.to_owned(), g.country_code))
}

/// Lines with wrapped ones joined back: a line ending in a separator
/// (`—`, `,`, `|`, `&`, ` at`, ` of`…) continues on the next one.
fn joined_lines(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut carry = false;
    let mut bullet_carry = false;
    let raws: Vec<&str> = text.lines().collect();
    for (i, raw) in raws.iter().enumerate() {
        // a heading by its looks (larger type in a PDF) is never joined
        let looks_heading = raw.starts_with(HEADING_MARK);
        let line = raw.trim_start_matches(HEADING_MARK).trim();
        if sections::is_page_furniture(line, i) {
            continue;
        }
        // the next entry after a bullet: a capitalised line over its dates
        // ("Marketing Manager, Flipkart" / "Feb 2020 – Sep 2022")
        let next_entry = line.starts_with(char::is_uppercase)
            && raws
                .get(i + 1)
                .is_some_and(|n| super::dates::find_span(n).is_some());
        // a long bullet point without its full stop wraps onto the next
        // line, unless that line is a bullet point, a heading of its own or
        // the next entry
        let wrapped = bullet_carry
            && !line.starts_with('•')
            && !next_entry
            && sections::known_heading(line).is_none()
            && !sections::looks_like_heading(line)
            && super::dates::find_span(line).is_none();
        if (carry || wrapped) && !line.is_empty() && !looks_heading {
            if let Some((last, _)) = out.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            out.push((line.to_owned(), looks_heading));
        }
        let (l, is_heading) = out
            .last()
            .map(|(l, h)| (l.as_str(), *h))
            .unwrap_or(("", false));
        carry = !l.is_empty()
            && !is_heading
            && (["—", "–", "-", ",", "|", "&", "/"]
                .iter()
                .any(|s| l.ends_with(s))
                || [" at", " of", " and", " de", " et"]
                    .iter()
                    .any(|s| l.to_lowercase().ends_with(s)));
        bullet_carry = !is_heading
            && l.starts_with('•')
            && l.split_whitespace().count() >= 8
            && !l.ends_with(['.', '!', '?', ';', ':']);
    }
    out
}

/// The section name used in skill evidence.
fn section_name(s: Section) -> &'static str {
    match s {
        Section::Header => "header",
        Section::Contact => "contact",
        Section::Summary => "summary",
        Section::Experience => "experience",
        Section::Education => "education",
        Section::Skills => "skills",
        Section::Languages => "languages",
        Section::Certifications => "certifications",
        Section::Courses => "courses",
        Section::Awards => "awards",
        Section::Other => "other",
    }
}

/// A `Label: rest` line whose label names a list section
/// (`Skills: Python, SQL`, `Languages: Hindi, English`).
/// Also a label that names one item's kind or a job's tools ("Certificate:
/// …", "Main technologies: …", "Environment: …").
fn labelled(line: &str) -> Option<(Section, &str)> {
    let (label, rest) = line.split_once(':')?;
    let section = sections::known_heading(label).or_else(|| lists::list_label(label))?;
    // "Languages: Java, Python, Go" among technical skills: programming
    // languages, when none of the items is a spoken one
    let section = if section == Section::Languages && lists::names_no_language(rest) {
        Section::Skills
    } else {
        section
    };
    matches!(
        section,
        Section::Skills | Section::Languages | Section::Certifications
    )
    .then_some((section, rest.trim()))
}

/// The name: the first line of the header that reads as a person's name
/// (capitalised words, or a name in capitals or in lower case at the very
/// top); its index.
fn find_name(lines: &[&str], kinds: &[Option<Section>]) -> Option<(usize, String)> {
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        if kinds[i].is_some_and(|k| k != Section::Header && k != Section::Contact) {
            break;
        }
        if kinds[i].is_none() || line.trim().is_empty() {
            continue;
        }
        seen += 1;
        let text = without_document_title(sections::bare(line));
        let text = without_credentials(text);
        // a name set in large type over two lines: "OLIVER" / "TAYLOR"
        if let Some(next) = lines.get(i + 1).map(|n| sections::bare(n)) {
            let one_word = |w: &str| {
                !w.is_empty()
                    && !w.contains(' ')
                    && w.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            };
            if seen <= 2 && one_word(text) && one_word(next) {
                let joined = title_case(&format!("{text} {next}"));
                if looks_like_name(&joined) {
                    let name = if looks_like_name(&format!("{text} {next}")) {
                        format!("{text} {next}")
                    } else {
                        joined
                    };
                    return Some((i + 1, name));
                }
            }
        }
        // a name and headline on one line ("Ana Ruiz — Data Engineer"), or
        // a name beside contacts in a header table ("ETHAN LEWIS ⇥ 512.555.8058")
        let parts = segments(text);
        if parts.len() >= 2 {
            let first = parts[0];
            let name_like = looks_like_name(first)
                || (seen <= 2
                    && first == first.to_uppercase()
                    && looks_like_name(&title_case(first)));
            if name_like {
                let name = if looks_like_name(first) {
                    first.to_owned()
                } else {
                    title_case(first)
                };
                return Some((i, name));
            }
        }
        let any_case = seen <= 2
            && text.split_whitespace().count() <= 4
            && (text == text.to_uppercase() || text == text.to_lowercase());
        if looks_like_name(text) || (any_case && looks_like_name(&title_case(text))) {
            let name = if any_case && !looks_like_name(text) {
                title_case(text)
            } else {
                text.to_owned()
            };
            return Some((i, name));
        }
        if seen > 6 {
            break;
        }
    }
    // a sidebar read first pushes the name below its sections: a name-like
    // line followed by a title, outside jobs and schools; else one followed
    // by a heading, outside skills and certifications too (a skill wrapped
    // onto a line of its own may look like a name)
    let candidate = |i: usize, by_heading: bool| {
        let text = without_credentials(sections::bare(lines[i]));
        let next = lines.get(i + 1).map(|n| sections::bare(n)).unwrap_or("");
        // (a name in large type may have been taken for a heading)
        let free = match kinds[i] {
            Some(Section::Experience | Section::Education) => false,
            Some(Section::Skills | Section::Certifications) => !by_heading,
            Some(_) => true,
            None => sections::known_heading(text).is_none() && !sections::is_rule(text),
        };
        let then = if by_heading {
            sections::known_heading(next).is_some()
        } else {
            jobs::title_like(next)
        };
        (free && then && looks_like_name(text)).then(|| (i, text.to_owned()))
    };
    let upto = lines.len().min(60);
    (0..upto)
        .find_map(|i| candidate(i, false))
        .or_else(|| (0..upto).find_map(|i| candidate(i, true)))
}

/// `Name: Lukas Müller` (German CVs open with labelled personal details).
fn labelled_name(lines: &[&str]) -> Option<(usize, String)> {
    lines.iter().take(40).enumerate().find_map(|(i, line)| {
        let (label, value) = line.split_once(':')?;
        let label = fold(label);
        let is_name = matches!(
            label.as_str(),
            "name" | "full name" | "nom" | "nom complet" | "nombre" | "vorname und name"
        );
        let value = value.trim();
        (is_name && looks_like_name(value)).then(|| (i, value.to_owned()))
    })
}

/// "VIKRAM PATEL" → "Vikram Patel".
fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The headline under the name: the next line that is no contact, place or
/// heading, without a label (`Current role:`) or a place after it
/// (`Data Engineer — Chennai`).
/// The headline written on the name's line: "Ana Ruiz — Data Engineer |
/// Lyon" is a data engineer.
fn title_beside_name(line: &str, name: &str) -> Option<String> {
    let parts = segments(sections::bare(line));
    if parts.first().is_none_or(|p| *p != name) {
        return None;
    }
    parts
        .iter()
        .skip(1)
        .find(|p| {
            location_in(without_contact_label(p)).is_none()
                && email_in(p).is_none()
                && phone_in(p).is_none()
                && jobs::title_like(p)
        })
        .map(|p| (*p).to_owned())
}

/// The title a headline names, without what qualifies it: "Data Engineer
/// specialising in streaming" and "Experienced Data Engineer" are data
/// engineers. Only a known title is taken out of its words; anything else
/// is kept as written.
fn headline_title(text: &str) -> &str {
    use scout_taxonomy::titles::is_known_title;
    let text = text.trim();
    if is_known_title(text) {
        return text;
    }
    // a known title, then a phrase that qualifies it ("… specialising in
    // streaming", "… with 10 years"); not a title's own words ("Director of
    // Programs")
    const QUALIFYING: &[&str] = &[
        "specialising",
        "specializing",
        "specialised",
        "specialized",
        "with",
        "focused",
        "focusing",
        "passionate",
        "helping",
        "building",
        "driving",
        "who",
        "seeking",
        "looking",
        "available",
        "open",
        "since",
        "spécialisé",
        "spécialisée",
        "avec",
        "mit",
        "con",
        "especializado",
        "especializada",
    ];
    let bounds: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .collect();
    for &end in bounds.iter().rev() {
        let (head, rest) = (&text[..end], text[end..].trim_start());
        let first = rest.split_whitespace().next().unwrap_or("");
        if QUALIFYING.contains(&first) && is_known_title(head) {
            return head;
        }
    }
    // an adjective before a known title
    const QUALIFIERS: &[&str] = &[
        "experienced",
        "seasoned",
        "passionate",
        "dedicated",
        "motivated",
        "results-driven",
        "results driven",
        "accomplished",
        "dynamic",
        "skilled",
        "versatile",
        "highly motivated",
        "detail-oriented",
    ];
    let lower = text.to_lowercase();
    for q in QUALIFIERS {
        if lower.starts_with(q) {
            let rest = text[q.len()..].trim();
            if is_known_title(rest) {
                return rest;
            }
        }
    }
    text
}

/// Labels a CV writes its holder's title after ("Designation: …").
const TITLE_LABELS: &[&str] = &[
    "current role",
    "position",
    "current position",
    "job title",
    "designation",
    "current designation",
    "poste",
    "poste actuel",
    "titre",
    "fonction",
    "puesto",
    "puesto actual",
    "cargo",
    "aktuelle position",
    "position aktuell",
    "beruf",
    "berufsbezeichnung",
    "role",
    "title",
    "applying for",
    "position applied for",
    "post applied for",
];

/// A title written after its label anywhere in the header, on the label's
/// line or, in a table of labels and values, on the next one ("Beruf:" ⏎
/// "Platform Engineering Lead").
fn labelled_title(lines: &[&str], after: usize) -> Option<String> {
    let header: Vec<&str> = lines
        .iter()
        .skip(after + 1)
        .map(|l| l.trim())
        .take_while(|l| l.is_empty() || sections::known_heading(l).is_none())
        .take(16)
        .collect();
    for (k, line) in header.iter().enumerate() {
        let Some((label, rest)) = line.split_once(':') else {
            continue;
        };
        if !TITLE_LABELS.contains(&fold(label).as_str()) {
            continue;
        }
        let value = if rest.trim().is_empty() {
            header.get(k + 1).map_or("", |n| n.trim())
        } else {
            rest.trim()
        };
        let plain = !value.is_empty()
            && !value.ends_with(':')
            && email_in(value).is_none()
            && phone_in(value).is_none()
            && value.split_whitespace().count() <= 8;
        if plain {
            return Some(value.to_owned());
        }
    }
    None
}

/// "Calle Mayor 34", "12 Hanover Street": a line with a house number that
/// reads as no title (titles have no numbers but a grade: "Engineer II").
fn street_address(line: &str) -> bool {
    let numbered = line.split_whitespace().any(|w| {
        let w = w.trim_matches([',', '.']);
        (1..=6).contains(&w.len())
            && w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().filter(char::is_ascii_alphabetic).count() <= 1
    });
    numbered && !jobs::title_like(line)
}

fn find_title(lines: &[&str], after: usize, name: &str) -> Option<String> {
    if let Some(title) = labelled_title(lines, after) {
        return Some(title);
    }
    for raw in lines.iter().skip(after + 1).take(4) {
        // "Anschrift:" — a label whose value is on the next line names no title
        if raw.trim().ends_with(':') {
            continue;
        }
        let line = sections::bare(raw);
        if fold(line) == fold(name) {
            continue;
        }
        if line.is_empty() || sections::known_heading(line).is_some() {
            if line.is_empty() {
                continue;
            }
            return None;
        }
        if email_in(line).is_some()
            || phone_in(line).is_some()
            || street_address(line)
            || location_in(without_contact_label(line)).is_some()
            || without_contact_label(line) != line
            || line.contains("://")
            || line.contains(".com/")
        {
            continue;
        }
        // a headline, not a sentence: its first part is short
        let first_part = segments(line).into_iter().next().unwrap_or(line);
        if first_part.split_whitespace().count() > 8 {
            return None;
        }
        let line = match line.split_once(':') {
            Some((label, rest)) if TITLE_LABELS.contains(&fold(label).as_str()) => rest.trim(),
            _ => line,
        };
        // "S E N I O R  D A T A  E N G I N E E R": letter-spaced capitals
        // closed up (a word a gap of two spaces)
        let closed = closed_up(line);
        let line = closed.as_deref().unwrap_or(line);
        // credentials ("MBA | PMP | CSM") and a degree are no headline
        let parts = segments(line);
        let credentials = parts.iter().all(|p| {
            p.len() <= 6
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '.' || c == '-')
        });
        if credentials || schools::is_degree(parts.first().copied().unwrap_or(line)) {
            continue;
        }
        let title = parts
            .into_iter()
            .find(|p| location_in(p).is_none())
            .unwrap_or(line);
        let title = headline_title(title);
        // a LinkedIn headline: "Data Engineer at Acme" is the title at Acme
        let title = match title.split_once(" at ").or_else(|| title.split_once(" @ ")) {
            Some((role, _)) if jobs::title_like(role) => role,
            _ => title,
        };
        return Some(title.trim().to_owned());
    }
    None
}

/// A line of single letters spaced out, words apart by a wider gap, closed
/// up and set in title case: "S E N I O R  D A T A" → "Senior Data".
fn closed_up(line: &str) -> Option<String> {
    let letters: Vec<&str> = line.split_whitespace().collect();
    if letters.len() < 4
        || !letters
            .iter()
            .all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic))
    {
        return None;
    }
    let words: Vec<String> = line
        .split("  ")
        .map(|w| w.split_whitespace().collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    Some(title_case(&words.join(" ")))
}

/// Reads the fields of a CV's text.
pub fn read(text: &str) -> ParsedCv {
    let mut owned = joined_lines(text);
    super::letter::without_cover_letter(&mut owned);
    super::europass::rewrite(&mut owned);
    let lines: Vec<&str> = owned.iter().map(|(l, _)| l.as_str()).collect();
    let prominent: Vec<bool> = owned.iter().map(|(_, h)| *h).collect();
    let kinds = sections::assign(&lines, &prominent);
    let mut cv = ParsedCv::default();
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
    // the place: in the header and contact lines first, then on any line
    // that labels it; a line is a place as a whole or in one of its parts
    // ("a@b.com | +90 555 999 88 77 | Istanbul", "Address: Mumbai, India")
    let name = labelled_name(&lines).or_else(|| find_name(&lines, &kinds));
    // the name's own lines are no place ("ANNA" / "SCHMIDT" over two lines:
    // Anna is a town too)
    let name_words: Vec<String> = name
        .as_ref()
        .map(|(_, n)| fold(n).split(' ').map(str::to_owned).collect())
        .unwrap_or_default();
    let is_name_line = |l: &str| {
        let f = fold(l);
        !f.is_empty()
            && (f == name_words.join(" ") || (!f.contains(' ') && name_words.contains(&f)))
    };
    let near_top = |i: usize| {
        matches!(kinds[i], Some(Section::Header | Section::Contact) | None)
            && !is_name_line(lines[i])
    };
    let place_of = |line: &str| {
        if elsewhere(line) {
            return None;
        }
        location_in(without_contact_label(line)).or_else(|| {
            segments(line).into_iter().find_map(|p| {
                if elsewhere(p) {
                    return None;
                }
                location_in(without_contact_label(p))
                    .or_else(|| last_place(without_contact_label(p)))
            })
        })
    };
    let found = (0..lines.len())
        .filter(|&i| near_top(i))
        .find_map(|i| place_of(lines[i]))
        .or_else(|| {
            (0..lines.len())
                .filter(|&i| {
                    let l = lines[i];
                    is_contact_line(l)
                        || without_contact_label(l) != l
                        || (i > 0 && is_contact_label(lines[i - 1]))
                })
                .find_map(|i| place_of(lines[i]))
        })
        .or_else(|| {
            // "Data engineer based in Lyon, France, with…" in the header or
            // the summary; "Lives in Malaga, Spain" as a line of its own
            // anywhere (a sidebar read after the main column)
            (0..lines.len())
                .filter(|&i| {
                    near_top(i)
                        || kinds[i] == Some(Section::Summary)
                        || PLACE_LEADS
                            .iter()
                            .any(|l| lines[i].trim().to_lowercase().starts_with(l))
                })
                .find_map(|i| place_after_lead(lines[i]))
        })
        .or_else(|| {
            // a contact block away from the top ("Persönliche Daten", a
            // sidebar): a place on a line beside a phone or an e-mail
            // (in the contact line's own section, and never in one of jobs,
            // schools or lists, where places are someone else's)
            let listing = |k: usize| {
                matches!(
                    kinds[k],
                    Some(
                        Section::Experience
                            | Section::Education
                            | Section::Skills
                            | Section::Languages
                            | Section::Certifications
                            | Section::Courses
                    )
                )
            };
            let kinds = &kinds;
            (0..lines.len())
                .filter(|&i| is_contact_line(lines[i]) && !listing(i))
                .flat_map(|i| {
                    (i.saturating_sub(2)..(i + 3).min(lines.len()))
                        .filter(move |&k| kinds[k] == kinds[i])
                })
                .filter(|&k| !is_contact_line(lines[k]) && !listing(k))
                .find_map(|k| place_of(lines[k]))
        });
    if let Some((place, cc)) = found {
        cv.location = Some(place);
        cv.country_code = Some(cc);
    }
    // the first phone, or the first one labelled as a mobile when a
    // landline comes first ("Tel. 040 … · Mobil +49 151 …")
    // (beside the first one only: a referee's mobile further down is theirs)
    let mut phones: Vec<(String, bool)> = Vec::new();
    let mut first_line = None;
    for (i, line) in lines.iter().enumerate() {
        if first_line.is_some_and(|f| i > f + 2) {
            break;
        }
        for part in segments(line) {
            if part.contains('@') || part.to_lowercase().contains("linkedin") {
                continue;
            }
            if let Some(p) = phone_in(without_contact_label(part)) {
                let label = part
                    .split_once([':', '.', ' ', '\t'])
                    .map(|(l, _)| fold(l.trim()))
                    .unwrap_or_default();
                phones.push((p, MOBILE_LABELS.contains(&label.as_str())));
                first_line.get_or_insert(i);
            }
        }
    }
    let chosen = phones
        .iter()
        .find(|(_, mobile)| *mobile)
        .or_else(|| phones.first())
        .map(|(p, _)| p.clone());
    if let Some(p) = chosen {
        cv.phone_e164 = to_e164(&p, cv.country_code.as_deref());
        // "Valencia" and a Spanish number: the place's name is
        // shared by cities of several countries, and the number
        // says which one is meant
        if cv.phone_e164.is_none() {
            if let Some(place) = &cv.location {
                if let Some((cc, e164)) = country_of_namesakes(place, &p) {
                    cv.country_code = Some(cc);
                    cv.phone_e164 = Some(e164);
                }
            }
        }
        cv.phone = Some(p);
    }
    if let Some((i, name)) = &name {
        cv.full_name = Some(name.clone());
        cv.title = title_beside_name(lines[*i], name).or_else(|| find_title(&lines, *i, name));
    }
    // each section to its reader, in the order written
    let mut in_section: Vec<(Section, Vec<&str>)> = Vec::new();
    let mut summary = Vec::new();
    let mut list_lines: Vec<(Section, &str)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(kind) = kinds[i] else {
            in_section.push((Section::Other, Vec::new()));
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        if let Some((section, rest)) = labelled(line) {
            list_lines.push((section, rest));
            continue;
        }
        match in_section.last_mut() {
            Some((k, group)) if *k == kind => group.push(line),
            _ => in_section.push((kind, vec![line])),
        }
        if kind == Section::Summary {
            summary.push(line.trim());
        }
    }
    let mut skills_from_lists = false;
    // a CV without an experience or education heading: jobs wherever dates
    // anchor them, and schools on the lines that name a degree
    let has = |s: Section| in_section.iter().any(|(k, _)| *k == s);
    if !has(Section::Experience) {
        let loose: Vec<&str> = in_section
            .iter()
            .filter(|(k, _)| {
                matches!(
                    k,
                    Section::Header | Section::Summary | Section::Awards | Section::Other
                )
            })
            .flat_map(|(_, g)| g.iter().copied())
            .collect();
        cv.experiences.extend(jobs::read(&loose));
    }
    if !has(Section::Education) {
        let mut loose = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let names_degree = line
                .split([',', '—', '–', '|'])
                .any(|p| schools::is_degree(p.trim()));
            if names_degree
                && kinds[i].is_some_and(|k| !matches!(k, Section::Experience | Section::Skills))
            {
                loose.push(*line);
                if let Some(next) = lines
                    .get(i + 1)
                    .filter(|n| n.trim().len() <= 12 && !super::dates::years_in(n).is_empty())
                {
                    loose.push(next);
                }
            }
        }
        cv.education.extend(schools::read(&loose));
    }
    for (kind, group) in &in_section {
        match kind {
            Section::Experience => cv.experiences.extend(jobs::read(group)),
            Section::Education => cv.education.extend(schools::read(group)),
            Section::Skills | Section::Languages | Section::Certifications => {
                list_lines.extend(group.iter().map(|l| (*kind, *l)));
            }
            // among courses, a line that says it is a certification is one
            // ("Certificación PMP, obtenida en 2021" under "Formación
            // complementaria"; not "Coursera – Machine Learning")
            // likewise among awards ("AWS Certified …" under "Awards")
            Section::Courses | Section::Awards => list_lines.extend(
                group
                    .iter()
                    .filter(|l| lists::says_certified(l))
                    .map(|l| (Section::Certifications, *l)),
            ),
            _ => {}
        }
    }
    let mut languages_lines = Vec::new();
    let mut certification_lines = Vec::new();
    let mut skill_lines = Vec::new();
    for (kind, line) in &list_lines {
        match kind {
            Section::Skills => skill_lines.push(*line),
            Section::Languages => languages_lines.push(*line),
            Section::Certifications => certification_lines.push(*line),
            _ => {}
        }
    }
    for line in lists::unwrapped(&skill_lines) {
        for skill in lists::skills_of_list_line(&line) {
            skills_from_lists = true;
            lists::add_skill(
                &mut cv.skills,
                &mut cv.skill_evidence,
                skill,
                "skills",
                &line,
            );
        }
    }
    cv.languages = lists::languages(&languages_lines);
    cv.certifications = lists::certifications(&certification_lines);
    // skills named in the rest of the text, with the line that names them;
    // job titles and employers are not skills ("Talent Acquisition Lead",
    // "HCL Technologies")
    let named: Vec<String> = cv
        .experiences
        .iter()
        .flat_map(|e| [e.title.clone(), e.company.clone()])
        .chain(cv.title.clone())
        .filter(|t| !t.is_empty())
        .collect();
    for (kind, group) in &in_section {
        if matches!(
            kind,
            Section::Summary | Section::Experience | Section::Awards | Section::Other
        ) {
            for line in group {
                let mut text = (*line).to_owned();
                for n in &named {
                    text = text.replace(n.as_str(), " ; ");
                }
                for (skill, _) in lists::skills_named(&text, true) {
                    lists::add_skill(
                        &mut cv.skills,
                        &mut cv.skill_evidence,
                        skill,
                        section_name(*kind),
                        line,
                    );
                }
            }
        }
    }
    // no place anywhere else: the town written after the current
    // employer ("Capgemini — Lyon, France"), read with less confidence
    let mut place_from_job = false;
    if cv.location.is_none() {
        if let Some((place, cc)) = place_of_current_job(&cv, &in_section) {
            if cv.phone_e164.is_none() {
                cv.phone_e164 = cv.phone.as_deref().and_then(|p| to_e164(p, Some(&cc)));
            }
            cv.location = Some(place);
            cv.country_code = Some(cc);
            place_from_job = true;
        }
    }
    if cv.title.is_none() {
        cv.title = cv
            .experiences
            .iter()
            .find(|e| e.end.is_none())
            .map(|e| e.title.clone());
    }
    if !summary.is_empty() {
        cv.summary = Some(summary.join(" ").chars().take(1000).collect());
    }
    confidence::rate(
        &mut cv,
        confidence::How {
            name_on_top: name.is_some_and(|(i, _)| i < 3),
            skills_listed: skills_from_lists,
            place_from_job,
        },
    );
    cv
}

/// The country of the most populous city named like `place` in which a
/// national `phone` number is valid, and the number in E.164.
fn country_of_namesakes(place: &str, phone: &str) -> Option<(String, String)> {
    let city = fold(place.split(',').next()?.trim());
    // cities come most populous first
    scout_taxonomy::places::cities()
        // (a cheap look at the length first: few names are near it)
        .filter(|(name, ..)| name.len().abs_diff(city.len()) <= 3 && fold(name) == city)
        .find_map(|(_, cc, ..)| to_e164(phone, Some(cc)).map(|e| (cc.to_owned(), e)))
}

/// The town on the line of the current (first) job, after its employer:
/// "Data Engineer, Capgemini, Lyon", "Capgemini — Lyon, France".
fn place_of_current_job(
    cv: &ParsedCv,
    in_section: &[(Section, Vec<&str>)],
) -> Option<(String, String)> {
    let job = cv.experiences.first()?;
    if job.company.is_empty() {
        return None;
    }
    let line = in_section
        .iter()
        .filter(|(k, _)| *k == Section::Experience)
        .flat_map(|(_, g)| g.iter())
        .find(|l| l.contains(job.company.as_str()))?;
    let after = &line[line.find(job.company.as_str())? + job.company.len()..];
    // "Title, Acme | Jun 2021 -- Present | Pune, India", "ACME, Title ----
    // Boston MA": past the dates, the title and a remote word, the first
    // part left is where the job is, or nothing is
    let after = leaders_as_tabs(after);
    let part = after
        .split(['|', '·', '\t', '(', ')'])
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split(" – "))
        .map(|p| p.trim().trim_matches([',', '-', ' ']))
        .find(|p| {
            !p.is_empty() && fold(p) != fold(&job.title) && find_span(p).is_none() && !is_remote(p)
        })?;
    location_in(part).or_else(|| location_in(part.split(',').next()?.trim()))
}

/// The last comma part of a line that is a city ("12 rue X, 69001 Lyon").
/// The last two when the last is a state and its ZIP code ("10 Main
/// Street, Austin, TX 78701").
fn last_place(part: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = part.split(',').map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    // from the end, each part but the first (the street) as a place, with
    // the part after it when that is a region or country ("London NW1 6XE,
    // UK", "Austin, TX 78701")
    for k in (1..parts.len()).rev() {
        let here = without_postcode(parts[k]);
        if here.is_empty() {
            continue;
        }
        if let Some(next) = parts.get(k + 1) {
            if let Some(found) = location_in(&format!("{here}, {next}")) {
                return Some(found);
            }
        }
        if let Some(found) = location_in(here) {
            return Some(found);
        }
        if k + 1 == parts.len() && parts.len() >= 3 {
            let two = format!("{}, {}", parts[k - 1], parts[k]);
            if let Some(found) = location_in(&two) {
                return Some(found);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_spaced_titles_are_closed_up() {
        assert_eq!(
            closed_up("S E N I O R  D A T A  E N G I N E E R").as_deref(),
            Some("Senior Data Engineer")
        );
        assert_eq!(closed_up("Senior Data Engineer"), None);
    }

    #[test]
    fn an_address_is_read_out_of_what_is_written_around_it() {
        for (line, email) in [
            (
                "[GitHub](https://github.com/x) | [Email](mailto:Harry.Evans@Yahoo.com) | x",
                "harry.evans@yahoo.com",
            ),
            ("- <kaya.ota@mail.com>", "kaya.ota@mail.com"),
            ("E-mail:o'neil+cv@example.co.uk.", "o'neil+cv@example.co.uk"),
            ("(jane_doe@example.org)", "jane_doe@example.org"),
        ] {
            assert_eq!(email_in(line).as_deref(), Some(email), "{line}");
        }
        assert_eq!(email_in("@handle on x.com"), None);
    }

    #[test]
    fn a_street_address_under_the_name_is_no_title() {
        assert!(street_address("Calle Mayor 34"));
        assert!(street_address("12 Hanover Street"));
        assert!(!street_address("Software Engineer II"));
        assert!(!street_address("Data Engineer"));
        let cv = read(
            "Ana Ruiz\nCalle Mayor 34\nData Engineer\nMadrid, Spain\nana@example.com\nEXPERIENCE\n",
        );
        assert_eq!(cv.title.as_deref(), Some("Data Engineer"));
    }

    #[test]
    fn a_certification_among_awards_is_read_and_an_award_is_not() {
        let cv = read("Ana Ruiz\nData Engineer\nAWARDS\nAWS Certified Solutions Architect – Associate\nEmployee of the Year 2021\n");
        assert_eq!(
            cv.certifications,
            ["AWS Certified Solutions Architect – Associate"]
        );
    }

    #[test]
    fn a_site_themes_front_matter_gives_name_title_and_contacts() {
        let text = super::super::markup::without_markup("---\nname: Ana Ruiz\nheader:\n  - text: |\n      <span style=\"font-weight: bold;\">Applying for: Data Engineer</span>\n  - text: <span class=\"iconify\"></span> +34 612 345 678\n  - text: <span></span> Bilbao - Spain\n---\n\n## Summary\nData engineer.\n");
        let cv = read(&text);
        assert_eq!(cv.full_name.as_deref(), Some("Ana Ruiz"));
        assert_eq!(cv.title.as_deref(), Some("Data Engineer"));
        assert_eq!(cv.location.as_deref(), Some("Bilbao, Spain"));
        assert_eq!(cv.phone_e164.as_deref(), Some("+34612345678"));
    }

    #[test]
    fn a_title_under_its_label_in_a_table_of_details() {
        let cv = read(
            "Lebenslauf\nTobias Richter\nAnschrift:\n85 Hauptstraße, 20095 Hamburg\nMobil:\n+49 (0)151 26825482\nE-Mail:\nt.richter@example.com\nBeruf:\nPlatform Engineering Lead\nBerufserfahrung\n",
        );
        assert_eq!(cv.title.as_deref(), Some("Platform Engineering Lead"));
        assert_eq!(cv.phone_e164.as_deref(), Some("+4915126825482"));
    }

    #[test]
    fn places_and_phones_away_from_the_top() {
        // a sidebar read after the main column
        let cv = read("Elena Ruiz\nRecruiter\nWork\nBBVA\nRecruiter\nOct 2021 → Oct 2023\nLives in Malaga, Spain\n632 845 390\ne.ruiz@example.com\n");
        assert_eq!(cv.location.as_deref(), Some("Malaga, Spain"));
        assert_eq!(cv.phone_e164.as_deref(), Some("+34632845390"));
        // a block of personal details under a heading, a landline first
        let cv = read("Katharina Weber\nHead of Product\nPersönliche Daten\nHauptstraße 29 · 50667 Köln\nTel. 040 701813 · Mobil +49 151 61204952\nk.weber@example.com\n");
        assert_eq!(cv.location.as_deref(), Some("Köln"));
        assert_eq!(cv.phone_e164.as_deref(), Some("+4915161204952"));
        // a table of details read a cell a line
        let cv = read("RESUME\nSneha Iyer\nMobile: 8339878360\nEmail: s.iyer@example.com\nPersonal Details\nPresent Address\n: Bangalore, Karnataka – 560001\nPermanent Address\n: Indore\n");
        assert_eq!(cv.location.as_deref(), Some("Bangalore, Karnataka"));
        assert_eq!(cv.phone_e164.as_deref(), Some("+918339878360"));
    }

    #[test]
    fn a_markdown_badge_hides_no_link() {
        assert_eq!(
            links_in("[![link](https://img.shields.io/badge/-profile-blue)](https://linkedin.com/in/ana-ruiz-1)"),
            ["https://linkedin.com/in/ana-ruiz-1"]
        );
    }

    #[test]
    fn a_place_under_a_label_of_elsewhere_is_no_location() {
        assert!(elsewhere("Preferred Locations: Hyderabad, Chennai"));
        assert!(elsewhere("Umzugsbereit: Hamburg"));
        assert!(elsewhere("Place of birth\tLucknow"));
        assert!(!elsewhere("Current Location: Bangalore"));
    }

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
    fn places_in_sentences_and_after_the_current_employer() {
        for (text, place, confidence) in [
            ("Ana Ruiz\nData Engineer based in Lyon\na@b.com\n", "Lyon", 0.75),
            (
                "Ana Ruiz\nData Engineer\na@b.com\nSUMMARY\nData engineer based in Lyon, France, with ten years of experience.\n",
                "Lyon, France",
                0.9,
            ),
            (
                "Ana Ruiz\nData Engineer\na@b.com\nEXPERIENCE\nCapgemini — Lyon, France\nData Engineer\nJan 2020 – Present\n",
                "Lyon, France",
                0.55,
            ),
        ] {
            let cv = read(text);
            assert_eq!(cv.location.as_deref(), Some(place), "{text}");
            assert_eq!(cv.confidence.get("location"), Some(&confidence), "{text}");
        }
        let cv = read("Ana Ruiz\nData Engineer\na@b.com\nEXPERIENCE\nCapgemini — Lyon, France\nData Engineer\nJan 2020 – Present\n");
        assert_eq!(cv.experiences[0].company, "Capgemini");
        assert!(cv.low_confidence.contains(&"location".to_owned()));
    }

    #[test]
    fn names_and_headlines_as_cvs_set_them() {
        for (text, name, title) in [
            (
                "OLIVER\nTAYLOR\nData Engineer\na@b.com\n",
                "OLIVER TAYLOR",
                "Data Engineer",
            ),
            (
                "Oliver\nTaylor\nData Engineer\na@b.com\n",
                "Oliver Taylor",
                "Data Engineer",
            ),
            (
                "Résumé of Oliver Taylor\nData Engineer\na@b.com\n",
                "Oliver Taylor",
                "Data Engineer",
            ),
            (
                "CV: Oliver Taylor\nData Engineer\na@b.com\n",
                "Oliver Taylor",
                "Data Engineer",
            ),
            (
                "Oliver Taylor — Data Engineer\na@b.com\n",
                "Oliver Taylor",
                "Data Engineer",
            ),
            (
                "Oliver Taylor | Data Engineer | London\na@b.com\n",
                "Oliver Taylor",
                "Data Engineer",
            ),
            (
                "Curriculum Vitae\nOliver Taylor\nData Engineer\na@b.com\n",
                "Oliver Taylor",
                "Data Engineer",
            ),
        ] {
            let cv = read(text);
            assert_eq!(cv.full_name.as_deref(), Some(name), "{text}");
            assert_eq!(cv.title.as_deref(), Some(title), "{text}");
        }
        for (text, title) in [
            (
                "Oliver Taylor\nData Engineer specialising in streaming\n",
                "Data Engineer",
            ),
            (
                "Oliver Taylor\nExperienced Data Engineer\n",
                "Data Engineer",
            ),
            (
                "Oliver Taylor\nMBA | PMP | CSM\nProgram Manager\n",
                "Program Manager",
            ),
            (
                "Oliver Taylor\nBSc Computer Science\nSoftware Engineer\n",
                "Software Engineer",
            ),
            (
                "Oliver Taylor\nHead of Product · Fintech · Payments\n",
                "Head of Product",
            ),
        ] {
            assert_eq!(read(text).title.as_deref(), Some(title), "{text}");
        }
        // a headline alone is never taken for a name
        let cv = read("Data Engineer\na@b.com\n");
        assert_ne!(cv.full_name.as_deref(), Some("Data Engineer"));
    }

    #[test]
    fn a_phone_number_says_which_namesake_city_is_meant() {
        let cv = read("Paula Sánchez\nPlatform Engineer — Valencia\n620 768 059 · p@mail.com\n");
        assert_eq!(cv.location.as_deref(), Some("Valencia"));
        assert_eq!(cv.country_code.as_deref(), Some("ES"));
        assert_eq!(cv.phone_e164.as_deref(), Some("+34620768059"));
    }

    #[test]
    fn places_as_cvs_write_them() {
        for (line, place) in [
            ("Adresse : 12 rue de la République, Lyon", "Lyon"),
            ("Seattle • +1 206 555 0134 • a@b.com", "Seattle"),
            ("12 rue X, 69001 Lyon", "Lyon"),
            ("Location: Austin, TX", "Austin, TX"),
            ("Austin, TX 78701", "Austin, TX"),
            ("Chennai, Tamil Nadu, India", "Chennai, Tamil Nadu, India"),
            ("Madrid (España)", "Madrid, España"),
            ("Based in London", "London"),
            ("12 Hanover Street, Birmingham B1 1BB", "Birmingham"),
            ("10 Main Street, Austin, TX 78701", "Austin, TX"),
            ("Hauptstraße 5, D-80331 München", "München"),
            ("Keizersgracht 1, 1015 CJ Amsterdam", "Amsterdam"),
            ("1 King St W, Toronto M5V 2T6", "Toronto"),
            ("Anschrift:\n33 Hauptstraße, 10115 Berlin", "Berlin"),
            ("Lyon (69) · a@b.com", "Lyon"),
            ("Paris 11e · a@b.com", "Paris"),
            ("Munich Area, Germany · a@b.com", "Munich, Germany"),
            ("San Francisco Bay Area", "San Francisco"),
            ("Greater London · a@b.com", "London"),
            ("London Area, United Kingdom", "London, United Kingdom"),
            ("Greater Seattle Area", "Seattle"),
            ("Bay Area · a@b.com · Engineer", "Bay Area"),
            ("Ciudad: Sevilla", "Sevilla"),
            (
                "📍 New York, United States · a@b.com",
                "New York, United States",
            ),
            ("Current location\tHyderabad", "Hyderabad"),
            ("Seattle, WA", "Seattle, WA"),
            (
                "Austin TX USA      a@b.com      github.com/ab",
                "Austin, TX",
            ),
            ("| 🏳 Pune - India |  |", "Pune, India"),
            ("* Location: Pune", "Pune"),
            ("- **Location:** Pune", "Pune"),
            ("Denver, CO", "Denver, CO"),
            ("Boston, MA", "Boston, MA"),
            ("Chicago, IL", "Chicago, IL"),
            ("San Francisco, CA", "San Francisco, CA"),
            ("Remote (Lisbon, Portugal)", "Lisbon, Portugal"),
            ("Flat 4, 22 Baker Street, London NW1 6XE, UK", "London, UK"),
            (
                "Calle de Alcalá 45, 4º B, 28014 Madrid, España",
                "Madrid, España",
            ),
        ] {
            let cv = read(&format!("Ana Ruiz\nData Engineer\n{line}\n"));
            assert_eq!(cv.location.as_deref(), Some(place), "{line}");
        }
    }

    proptest::proptest! {
        /// Any text is read without a panic, and what is read keeps its
        /// promises: dates are `YYYY-MM-01`, confidences lie in 0–1, every
        /// low-confidence field is a rated one.
        #[test]
        fn any_text_is_read_without_panic(text in "(\\PC|[\n\t•–—:,|·()/])*") {
            let cv = read(&text);
            for x in &cv.experiences {
                for date in [&x.start, &x.end].into_iter().flatten() {
                    proptest::prop_assert!(date.len() == 10 && date.ends_with("-01"), "{}", date);
                }
            }
            for (field, c) in &cv.confidence {
                proptest::prop_assert!((0.0..=1.0).contains(c), "{} {}", field, c);
            }
            for field in &cv.low_confidence {
                proptest::prop_assert!(cv.confidence.contains_key(field));
            }
        }

        /// CV-shaped text: lines of dates, names, places and separators.
        #[test]
        fn cv_shaped_text_is_read_without_panic(lines in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("EXPERIENCE".to_owned()),
                proptest::strategy::Just("Formación".to_owned()),
                proptest::strategy::Just("• Worked for Acme, from Mar 2016 to till date as Lead.".to_owned()),
                "(Jan|März|déc\\.|[0-9]{1,2}/)? ?(19|20)[0-9]{2} ?(–|-|to|bis)? ?(present|heute|[0-9]{4})?",
                "[A-Z][a-zé]{1,8} [A-Z][a-z]{1,8}( — | at |, |\\t)[A-Z][a-z]{1,8}",
                "[A-Za-zé ]{0,20}(,|:|\\(|·)[A-Za-z0-9 ]{0,12}",
            ],
            0..30,
        )) {
            let _ = read(&lines.join("\n"));
        }
    }
}
