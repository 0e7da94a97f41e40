//! A CV's text → the fields of a lead. The text is cut into lines and
//! sections by its headings (`sections.rs`); the header and contact lines
//! give the name, title, e-mail, phone, links and place (this file); each
//! section has its reader: jobs (`jobs.rs`), schools (`schools.rs`),
//! skills, languages and certifications (`lists.rs`). Skills are also read
//! from the rest of the text, each with the line that shows it.

use scout_taxonomy::places::locate_profile;
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::{fold, geocode, GeoKind};

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
        .map(|w| w.trim_matches([',', '|', ';', '(', ')', '<', '>', '[', ']', '"']))
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
}

/// `City, Country`, `City, Region` (or a city alone) that the place data
/// knows. A named country picks the city of that name in that country
/// ("London, Canada" is London, Ontario).
fn location_in(line: &str) -> Option<(String, String)> {
    // as written first ("Halle (Saale), Germany" is a city's name), then
    // without what is written around the place
    place_of_parts(line.trim()).or_else(|| place_of_parts(&cleaned_place(line)))
}

/// "Based in London", "Madrid (España)", "Austin, TX 78701": the place
/// without what is written around it.
fn cleaned_place(line: &str) -> String {
    let mut text = line.trim();
    for lead in [
        "based in ",
        "located in ",
        "living in ",
        "lives in ",
        "résidant à ",
        "basé à ",
        "basée à ",
        "wohnhaft in ",
        "residente en ",
        "ubicado en ",
    ] {
        let head = text.get(..lead.len());
        if text.len() > lead.len() && head.is_some_and(|h| h.eq_ignore_ascii_case(lead)) {
            text = text.get(lead.len()..).unwrap_or(text);
        }
    }
    let cleaned = text.replace(" (", ", ").replace(')', "");
    cleaned
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-')
        .trim()
        .to_owned()
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
                    return None;
                }
                city
            }
            // "Austin, TX": the place data reads the whole better than the parts
            None => geocode(text).filter(|g| g.kind == GeoKind::City)?,
        },
        None => geocode(first)?,
    };
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
    for raw in text.lines() {
        // a heading by its looks (larger type in a PDF) is never joined
        let looks_heading = raw.starts_with(HEADING_MARK);
        let line = raw.trim_start_matches(HEADING_MARK).trim();
        // a long bullet point without its full stop wraps onto the next
        // line, unless that line is a bullet point or a heading of its own
        let wrapped = bullet_carry
            && !line.starts_with('•')
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
        Section::Other => "other",
    }
}

/// A `Label: rest` line whose label names a list section
/// (`Skills: Python, SQL`, `Languages: Hindi, English`).
fn labelled(line: &str) -> Option<(Section, &str)> {
    let (label, rest) = line.split_once(':')?;
    let section = sections::known_heading(label)?;
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
        let text = sections::bare(line);
        // "Curriculum vitae — Ana Ruiz" is a document title with the name
        let text = text
            .split_once(" — ")
            .filter(|(a, _)| {
                matches!(
                    fold(a).as_str(),
                    "curriculum vitae" | "cv" | "resume" | "lebenslauf"
                )
            })
            .map_or(text, |(_, b)| b.trim());
        let text = without_credentials(text);
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
fn find_title(lines: &[&str], after: usize, name: &str) -> Option<String> {
    for line in lines.iter().skip(after + 1).take(4) {
        let line = sections::bare(line);
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
            Some((label, rest))
                if matches!(
                    fold(label).as_str(),
                    "current role" | "position" | "poste" | "titre" | "puesto" | "role" | "title"
                ) =>
            {
                rest.trim()
            }
            _ => line,
        };
        let title = segments(line)
            .into_iter()
            .find(|p| location_in(p).is_none())
            .unwrap_or(line);
        // a LinkedIn headline: "Data Engineer at Acme" is the title at Acme
        let title = match title.split_once(" at ").or_else(|| title.split_once(" @ ")) {
            Some((role, _)) if jobs::title_like(role) => role,
            _ => title,
        };
        return Some(title.trim().to_owned());
    }
    None
}

/// Reads the fields of a CV's text.
pub fn read(text: &str) -> ParsedCv {
    let owned = joined_lines(text);
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
    let near_top = |i: usize| matches!(kinds[i], Some(Section::Header | Section::Contact) | None);
    let place_of = |line: &str| {
        location_in(without_contact_label(line)).or_else(|| {
            segments(line).into_iter().find_map(|p| {
                location_in(without_contact_label(p))
                    .or_else(|| last_place(without_contact_label(p)))
            })
        })
    };
    let found = (0..lines.len())
        .filter(|&i| near_top(i))
        .find_map(|i| place_of(lines[i]))
        .or_else(|| {
            lines
                .iter()
                .filter(|l| is_contact_line(l) || without_contact_label(l) != **l)
                .find_map(|l| place_of(l))
        });
    if let Some((place, cc)) = found {
        cv.location = Some(place);
        cv.country_code = Some(cc);
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
    let name = labelled_name(&lines).or_else(|| find_name(&lines, &kinds));
    if let Some((i, name)) = &name {
        cv.full_name = Some(name.clone());
        cv.title = find_title(&lines, *i, name);
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
            .filter(|(k, _)| matches!(k, Section::Header | Section::Summary | Section::Other))
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
            Section::Summary | Section::Experience | Section::Other
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
    confidence::rate(&mut cv, name.is_some_and(|(i, _)| i < 3), skills_from_lists);
    cv
}

/// The last comma part of a line that is a city ("12 rue X, 69001 Lyon").
fn last_place(part: &str) -> Option<(String, String)> {
    let last = part.rsplit(',').next()?.trim();
    let last = last.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-');
    if last.is_empty() || last == part.trim() {
        return None;
    }
    location_in(last)
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
