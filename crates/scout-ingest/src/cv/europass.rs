//! The Europass CV — the European Union's template, written in every EU
//! language — is a column of row labels beside a column of values. As text,
//! a label and its value share a line, often with a single space between
//! them ("Occupation or position held Senior Accountant"), or the value
//! follows on the next line. This module rewrites those rows into the shapes
//! the other readers take: the value alone where a row holds part of a job
//! or a school, `Languages: …` (mother tongues marked native), `Skills: …`
//! and `Certifications: …` for the lists, `Label: value` for contact
//! details, and nothing for rows that are no field (nationality, date of
//! birth, sector). A text is read as Europass only when at least three of
//! its lines are such rows, so a "Dates" line elsewhere is left alone.

/// What a Europass row holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    /// Part of a job or a school, or the headline: the value alone.
    Value,
    /// A contact detail: `Label: value`.
    Contact,
    /// Mother tongues: languages at a native level.
    Native,
    /// Other languages, with their levels.
    Languages,
    /// Skills.
    Skills,
    /// Certificates.
    Certifications,
    /// A row that is no field of a lead.
    Drop,
}

/// Row labels, lower case, longest first within a language so that a
/// longer label wins over its beginning.
const ROWS: &[(&str, Row)] = &[
    // English
    ("occupation or position held", Row::Value),
    ("name and address of employer", Row::Value),
    ("name of employer", Row::Value),
    ("type of business or sector", Row::Drop),
    ("title of qualification awarded", Row::Value),
    (
        "name and type of organisation providing education and training",
        Row::Value,
    ),
    ("organisation providing education and training", Row::Value),
    ("organisation providing education", Row::Value),
    ("principal subjects/occupational skills covered", Row::Drop),
    (
        "level in national or international classification",
        Row::Drop,
    ),
    ("job applied for", Row::Value),
    ("preferred job", Row::Value),
    ("position applied for", Row::Value),
    ("dates", Row::Value),
    ("mother tongue(s)", Row::Native),
    ("mother tongue", Row::Native),
    ("other language(s)", Row::Languages),
    ("other languages", Row::Languages),
    ("digital competence", Row::Skills),
    ("digital skills", Row::Skills),
    ("computer skills and competences", Row::Skills),
    ("job-related skills", Row::Skills),
    ("certificates", Row::Certifications),
    ("address", Row::Contact),
    ("telephone", Row::Contact),
    ("mobile", Row::Contact),
    ("e-mail", Row::Contact),
    ("email", Row::Contact),
    ("nationality", Row::Drop),
    ("date of birth", Row::Drop),
    ("sex", Row::Drop),
    ("driving licence", Row::Drop),
    // French
    ("fonction ou poste occupé", Row::Value),
    ("nom et adresse de l'employeur", Row::Value),
    ("nom de l'employeur", Row::Value),
    ("type ou secteur d'activité", Row::Drop),
    ("intitulé du certificat ou diplôme délivré", Row::Value),
    ("intitulé du titre délivré", Row::Value),
    (
        "nom et type de l'établissement d'enseignement ou de formation",
        Row::Value,
    ),
    ("organisme de formation", Row::Value),
    ("emploi recherché", Row::Value),
    ("poste visé", Row::Value),
    ("langue(s) maternelle(s)", Row::Native),
    ("langue maternelle", Row::Native),
    ("autre(s) langue(s)", Row::Languages),
    ("autres langues", Row::Languages),
    ("compétences numériques", Row::Skills),
    ("compétence numérique", Row::Skills),
    ("certificats", Row::Certifications),
    ("adresse", Row::Contact),
    ("téléphone", Row::Contact),
    ("courriel", Row::Contact),
    ("nationalité", Row::Drop),
    ("date de naissance", Row::Drop),
    ("sexe", Row::Drop),
    ("permis de conduire", Row::Drop),
    // Spanish
    ("profesión o cargo desempeñado", Row::Value),
    ("nombre y dirección del empleador", Row::Value),
    ("nombre del empleador", Row::Value),
    ("tipo de empresa o sector", Row::Drop),
    ("título de la cualificación obtenida", Row::Value),
    ("nombre y tipo del centro de estudios", Row::Value),
    ("organización que imparte la educación", Row::Value),
    ("empleo solicitado", Row::Value),
    ("puesto solicitado", Row::Value),
    ("fechas", Row::Value),
    ("lengua(s) materna(s)", Row::Native),
    ("lengua materna", Row::Native),
    ("otro(s) idioma(s)", Row::Languages),
    ("otros idiomas", Row::Languages),
    ("competencias digitales", Row::Skills),
    ("competencia digital", Row::Skills),
    ("certificados", Row::Certifications),
    ("dirección", Row::Contact),
    ("teléfono", Row::Contact),
    ("correo electrónico", Row::Contact),
    ("nacionalidad", Row::Drop),
    ("fecha de nacimiento", Row::Drop),
    ("sexo", Row::Drop),
    ("permiso de conducir", Row::Drop),
    // German
    ("beruf oder funktion", Row::Value),
    ("name und adresse des arbeitgebers", Row::Value),
    ("name des arbeitgebers", Row::Value),
    ("tätigkeitsbereich oder branche", Row::Drop),
    ("bezeichnung der erworbenen qualifikation", Row::Value),
    ("name und art der bildungseinrichtung", Row::Value),
    ("gewünschte beschäftigung", Row::Value),
    ("zeitraum", Row::Value),
    ("muttersprache(n)", Row::Native),
    ("muttersprache", Row::Native),
    ("weitere sprache(n)", Row::Languages),
    ("weitere sprachen", Row::Languages),
    ("digitale kompetenz", Row::Skills),
    ("digitale kompetenzen", Row::Skills),
    ("zertifikate", Row::Certifications),
    ("telefon", Row::Contact),
    ("staatsangehörigkeit", Row::Drop),
    ("geburtsdatum", Row::Drop),
    ("geschlecht", Row::Drop),
    ("führerschein", Row::Drop),
];

/// The personal-information heading, above the name: dropped, so that the
/// name stands at the top as in any other CV.
const PERSONAL: &[&str] = &[
    "personal information",
    "informations personnelles",
    "información personal",
    "angaben zur person",
    "persönliche informationen",
];

/// The row a line opens with, and where its value starts.
fn row_of(line: &str) -> Option<(Row, &str, usize)> {
    let lower = line.to_lowercase();
    ROWS.iter()
        .filter(|(label, _)| {
            lower.starts_with(label)
                && lower[label.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == ' ' || c == '\t' || c == ':')
        })
        .max_by_key(|(label, _)| label.len())
        .and_then(|(label, row)| {
            // the label's length in the original: lower-casing keeps the
            // characters of these labels the same size
            let at = line
                .char_indices()
                .nth(label.chars().count())
                .map_or(line.len(), |(i, _)| i);
            let label_text = line.get(..at)?;
            Some((*row, label_text, at))
        })
}

/// Whether a text is laid out as a Europass CV.
fn is_europass(lines: &[(String, bool)]) -> bool {
    template_rows(lines) >= 3
}

/// How many lines are rows only the template has (a job's, a school's, a
/// language's or skills' row; contact and certificate labels are common
/// to any CV).
fn template_rows(lines: &[(String, bool)]) -> usize {
    lines
        .iter()
        .filter(|(l, _)| {
            row_of(l).is_some_and(|(row, ..)| {
                !matches!(row, Row::Contact | Row::Drop | Row::Certifications)
            })
        })
        .count()
}

/// A label or heading wrapped in its narrow cell, put back on one line:
/// "EXPERIENCIA" / "PROFESIONAL" is one heading; "Profesión o cargo" /
/// "Project Manager" / "desempeñado" is the row "Profesión o cargo
/// desempeñado Project Manager" (the value stands beside the middle of
/// its label).
fn unwrap_labels(lines: &mut Vec<(String, bool)>) {
    let is_heading = |t: &str| {
        super::sections::known_heading(t).is_some() || PERSONAL.contains(&t.to_lowercase().as_str())
    };
    let mut out: Vec<(String, bool)> = Vec::with_capacity(lines.len());
    // lines before this one were put together already: none is free to be
    // the value above a label
    let mut settled = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].0.trim().to_owned();
        let lower = line.to_lowercase();
        // a heading over two lines
        if let Some((next, _)) = lines.get(i + 1) {
            let joined = format!("{line} {}", next.trim());
            if !line.is_empty()
                && is_heading(&joined)
                && !(is_heading(&line) && is_heading(next.trim()))
            {
                out.push((joined, true));
                settled = out.len();
                i += 2;
                continue;
            }
        }
        // the start of a label whose end follows one or two lines later
        let partial = (!lower.is_empty() && row_of(&line).is_none())
            .then(|| {
                ROWS.iter().find_map(|(label, _)| {
                    let rest = label.strip_prefix(lower.as_str())?.strip_prefix(' ')?;
                    (1..=2).find_map(|k| {
                        let end = lines.get(i + k)?.0.trim().to_lowercase();
                        (end == rest).then_some(k)
                    })
                })
            })
            .flatten();
        if let Some(k) = partial {
            let value: Vec<&str> = lines[i + 1..i + k].iter().map(|(l, _)| l.trim()).collect();
            let written = format!("{} {}", &line, lines[i + k].0.trim());
            out.push((format!("{written} {}", value.join(" ")), false));
            settled = out.len();
            i += k + 1;
            continue;
        }
        // a label alone beside a value of two lines, one above it and one
        // below: "SQL, Excel," / "Digital skills" / "Tableau"
        let bare_label = |t: &str| row_of(t).is_some_and(|(_, _, at)| t[at..].trim().is_empty());
        let plain = |t: &str| !t.trim().is_empty() && row_of(t).is_none() && !is_heading(t.trim());
        let above = out.last().map(|(l, _)| l.clone()).filter(|l| plain(l));
        let below = lines
            .get(i + 1)
            .map(|(l, _)| l.trim().to_owned())
            .filter(|l| plain(l));
        let after_bare = out.len() >= 2 && bare_label(&out[out.len() - 2].0);
        if bare_label(&line) && !after_bare && out.len() > settled {
            if let (Some(above), Some(below)) = (above, below) {
                out.pop();
                if matches!(row_of(&line), Some((Row::Certifications, ..))) {
                    out.push((line.clone(), false));
                    out.push((above, false));
                    out.push((below, false));
                } else {
                    out.push((format!("{line} {} {below}", above.trim()), false));
                }
                settled = out.len();
                i += 2;
                continue;
            }
        }
        out.push(lines[i].clone());
        i += 1;
    }
    *lines = out;
}

/// Rewrites the rows of a Europass CV in place; any other text is left as
/// it is.
pub fn rewrite(lines: &mut Vec<(String, bool)>) {
    // most CVs have no row of the template at all: nothing to put back
    let rows = template_rows(lines);
    if rows == 0 {
        return;
    }
    if rows < 3 {
        let mut unwrapped = lines.clone();
        unwrap_labels(&mut unwrapped);
        if !is_europass(&unwrapped) {
            return;
        }
        *lines = unwrapped;
    } else {
        unwrap_labels(lines);
    }
    let mut out: Vec<(String, bool)> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let (line, heading) = &lines[i];
        i += 1;
        if PERSONAL.contains(&line.trim().to_lowercase().as_str()) {
            out.push((String::new(), false));
            continue;
        }
        let Some((row, label, at)) = row_of(line) else {
            out.push((line.clone(), *heading));
            continue;
        };
        let mut value = line[at..]
            .trim_start_matches([' ', '\t', ':'])
            .trim()
            .to_owned();
        // a label alone on its line: its value is the next line
        if value.is_empty() && row != Row::Certifications {
            if let Some((next, _)) = lines.get(i).filter(|(n, _)| row_of(n).is_none()) {
                value = next.trim().to_owned();
                i += 1;
            }
        }
        let rewritten = match row {
            Row::Value => value,
            Row::Contact => format!("{}: {value}", label.trim()),
            Row::Native => {
                let natives: Vec<String> = value
                    .split([',', ';', '/'])
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| format!("{l} (native)"))
                    .collect();
                format!("Languages: {}", natives.join(", "))
            }
            Row::Languages => format!("Languages: {value}"),
            Row::Skills => format!("Skills: {value}"),
            // a label alone opens a list of certificates below it
            Row::Certifications if value.is_empty() => "Certifications".to_owned(),
            Row::Certifications => format!("Certifications: {value}"),
            Row::Drop => String::new(),
        };
        out.push((rewritten, false));
    }
    *lines = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(text: &str) -> Vec<String> {
        let mut lines: Vec<(String, bool)> = text.lines().map(|l| (l.to_owned(), false)).collect();
        rewrite(&mut lines);
        lines.into_iter().map(|(l, _)| l).collect()
    }

    #[test]
    fn rows_become_what_the_readers_take() {
        let got = rewritten(
            "INFORMACIÓN PERSONAL\nPablo Sánchez\nDirección 28 Calle Mayor, 29015 Malaga\n\
             Nacionalidad española\nEXPERIENCIA PROFESIONAL\nFechas 09/2023 – actualidad\n\
             Profesión o cargo desempeñado Senior Accountant\nNombre del empleador Cabify\n\
             Lengua(s) materna(s) Español, Catalán\nOtro(s) idioma(s) Inglés B2\n\
             Competencias digitales SQL, Excel\nOccupation or position held\nData Analyst",
        );
        assert_eq!(
            got,
            [
                "",
                "Pablo Sánchez",
                "Dirección: 28 Calle Mayor, 29015 Malaga",
                "",
                "EXPERIENCIA PROFESIONAL",
                "09/2023 – actualidad",
                "Senior Accountant",
                "Cabify",
                "Languages: Español (native), Catalán (native)",
                "Languages: Inglés B2",
                "Skills: SQL, Excel",
                "Data Analyst",
            ]
        );
    }

    #[test]
    fn labels_and_headings_wrapped_in_their_cells_are_put_back() {
        let got = rewritten(
            "INFORMACIÓN\nPERSONAL\nJavier López\nEXPERIENCIA\nPROFESIONAL\nFechas 02/2022 – actualidad\n\
             Profesión o cargo\nProject Manager\ndesempeñado\nNombre del empleador Idealista\n\
             Título de la cualificación\nGrado en Ingeniería Informática\nobtenida",
        );
        assert_eq!(
            got,
            [
                "",
                "Javier López",
                "EXPERIENCIA PROFESIONAL",
                "02/2022 – actualidad",
                "Project Manager",
                "Idealista",
                "Grado en Ingeniería Informática",
            ]
        );
    }

    #[test]
    fn a_label_between_the_lines_of_its_value_takes_both() {
        let got = rewritten(
            "COMPETENCIAS PERSONALES\nOtro(s) idioma(s) Inglés B2\nSQL, Excel,\nCompetencias digitales\nTableau\n\
             CPA\nCertificados\nACCA\nFechas\n2020 – 2022\nProfesión o cargo desempeñado\nAnalyst",
        );
        assert_eq!(
            got,
            [
                "COMPETENCIAS PERSONALES",
                "Languages: Inglés B2",
                "Skills: SQL, Excel, Tableau",
                "Certifications",
                "CPA",
                "ACCA",
                "2020 – 2022",
                "Analyst",
            ]
        );
    }

    #[test]
    fn other_texts_are_left_alone() {
        let text = "Ana Ruiz\nDates 2020 – 2022\nMobile developer at Acme\nEXPERIENCE";
        assert_eq!(rewritten(text), text.lines().collect::<Vec<_>>());
    }
}
