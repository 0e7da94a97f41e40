//! A CV's sections, from its headings: a line of its own that names a
//! section in English, French, German or Spanish (in any case, with or
//! without a colon, Markdown marks or a rule under it), or that looks like a
//! heading (short, in capitals) without being one we know — an unknown
//! section, whose text stays out of every field rather than spilling into
//! the section before it.

use std::collections::HashMap;
use std::sync::LazyLock;

use scout_taxonomy::fold;

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before the first heading: name, title, contacts.
    Header,
    /// Contact details.
    Contact,
    /// Summary, profile, objective.
    Summary,
    /// Jobs.
    Experience,
    /// Schools and degrees.
    Education,
    /// Skills.
    Skills,
    /// Spoken languages.
    Languages,
    /// Certifications and licences.
    Certifications,
    /// Courses and trainings: no field (a course is no certification, and
    /// the subject of a course is no proof of a skill) — except a line that
    /// says it is a certification.
    Courses,
    /// Awards, honours and achievements: read as any other section — except
    /// that a line saying it is a certification is one ("AWS Certified …"
    /// among awards).
    Awards,
    /// Anything else (projects, interests, references, a declaration…).
    Other,
}

/// Headings, folded.
const HEADINGS: &[(&str, Section)] = &[
    ("contact", Section::Contact),
    ("contacts", Section::Contact),
    ("contact details", Section::Contact),
    ("contact information", Section::Contact),
    ("contact info", Section::Contact),
    ("coordonnees", Section::Contact),
    ("kontakt", Section::Contact),
    ("kontaktdaten", Section::Contact),
    ("contacto", Section::Contact),
    ("datos de contacto", Section::Contact),
    ("summary", Section::Summary),
    ("profile", Section::Summary),
    ("about", Section::Summary),
    ("about me", Section::Summary),
    ("professional summary", Section::Summary),
    ("professional profile", Section::Summary),
    ("career summary", Section::Summary),
    ("executive profile", Section::Summary),
    ("executive summary", Section::Summary),
    ("summary of qualifications", Section::Summary),
    ("qualifications summary", Section::Summary),
    ("profile summary", Section::Summary),
    ("career profile", Section::Summary),
    ("personal statement", Section::Summary),
    ("career objective", Section::Summary),
    ("objective", Section::Summary),
    ("profil", Section::Summary),
    ("profil professionnel", Section::Summary),
    ("a propos", Section::Summary),
    ("a propos de moi", Section::Summary),
    ("resume", Section::Summary),
    ("perfil", Section::Summary),
    ("perfil profesional", Section::Summary),
    ("resumen", Section::Summary),
    ("sobre mi", Section::Summary),
    ("zusammenfassung", Section::Summary),
    ("uber mich", Section::Summary),
    ("kurzprofil", Section::Summary),
    ("experience", Section::Experience),
    ("experiences", Section::Experience),
    ("work experience", Section::Experience),
    ("professional experience", Section::Experience),
    ("relevant experience", Section::Experience),
    ("employment", Section::Experience),
    ("employment history", Section::Experience),
    ("work history", Section::Experience),
    ("career history", Section::Experience),
    ("career", Section::Experience),
    ("professional background", Section::Experience),
    ("experience professionnelle", Section::Experience),
    ("experiences professionnelles", Section::Experience),
    ("parcours professionnel", Section::Experience),
    ("parcours", Section::Experience),
    ("experiencia", Section::Experience),
    ("experiencia profesional", Section::Experience),
    ("experiencia laboral", Section::Experience),
    ("trayectoria profesional", Section::Experience),
    ("berufserfahrung", Section::Experience),
    ("beruflicher werdegang", Section::Experience),
    ("berufliche erfahrung", Section::Experience),
    ("werdegang", Section::Experience),
    ("praxiserfahrung", Section::Experience),
    ("education", Section::Education),
    ("educational qualification", Section::Education),
    ("educational qualifications", Section::Education),
    ("education and training", Section::Education),
    ("academic background", Section::Education),
    ("academic profile", Section::Education),
    ("academic qualifications", Section::Education),
    ("academics", Section::Education),
    ("qualifications", Section::Education),
    ("studies", Section::Education),
    ("formation", Section::Education),
    ("formations", Section::Education),
    ("formation academique", Section::Education),
    ("diplomes", Section::Education),
    ("diplomes et formations", Section::Education),
    ("etudes", Section::Education),
    ("educacion", Section::Education),
    ("formacion", Section::Education),
    ("education training", Section::Education),
    ("education et formation", Section::Education),
    ("educacion y formacion", Section::Education),
    ("schul und berufsbildung", Section::Education),
    ("formacion academica", Section::Education),
    ("estudios", Section::Education),
    ("ausbildung", Section::Education),
    ("studium", Section::Education),
    ("bildungsweg", Section::Education),
    ("schulbildung", Section::Education),
    ("akademischer werdegang", Section::Education),
    ("skills", Section::Skills),
    ("technical skills", Section::Skills),
    ("key skills", Section::Skills),
    ("top skills", Section::Skills),
    ("core skills", Section::Skills),
    ("skill set", Section::Skills),
    ("skillset", Section::Skills),
    ("it skills", Section::Skills),
    ("skills and tools", Section::Skills),
    ("core competencies", Section::Skills),
    ("key competencies", Section::Skills),
    ("technical proficiencies", Section::Skills),
    ("proficiencies", Section::Skills),
    ("technical competencies", Section::Skills),
    ("technical expertise", Section::Skills),
    ("tools technologies", Section::Skills),
    ("areas of expertise", Section::Skills),
    ("expertise", Section::Skills),
    ("areas of strength", Section::Skills),
    ("core strengths", Section::Skills),
    ("specialties", Section::Skills),
    ("specialities", Section::Skills),
    ("kompetenzen", Section::Skills),
    ("domaines d expertise", Section::Skills),
    ("areas de especializacion", Section::Skills),
    ("competencies", Section::Skills),
    ("technologies", Section::Skills),
    ("tech stack", Section::Skills),
    ("tools", Section::Skills),
    ("competences", Section::Skills),
    ("competences techniques", Section::Skills),
    ("competences cles", Section::Skills),
    ("habilidades", Section::Skills),
    ("competencias", Section::Skills),
    ("toolbox", Section::Skills),
    ("tool box", Section::Skills),
    ("what i use", Section::Skills),
    ("certified", Section::Certifications),
    ("credentials", Section::Certifications),
    ("personal skills", Section::Skills),
    ("competences personnelles", Section::Skills),
    ("competencias personales", Section::Skills),
    ("personliche fahigkeiten", Section::Skills),
    ("personliche kompetenzen", Section::Skills),
    ("conocimientos", Section::Skills),
    ("aptitudes", Section::Skills),
    ("kenntnisse", Section::Skills),
    ("it kenntnisse", Section::Skills),
    ("fachkenntnisse", Section::Skills),
    ("fahigkeiten", Section::Skills),
    ("languages", Section::Languages),
    ("languages known", Section::Languages),
    ("language skills", Section::Languages),
    ("langues", Section::Languages),
    ("idiomas", Section::Languages),
    ("sprachen", Section::Languages),
    ("sprachkenntnisse", Section::Languages),
    ("certifications", Section::Certifications),
    ("certifications awards", Section::Certifications),
    ("awards certifications", Section::Certifications),
    ("certifications honors", Section::Certifications),
    ("certification", Section::Certifications),
    ("certificates", Section::Certifications),
    ("licenses certifications", Section::Certifications),
    ("certifications licenses", Section::Certifications),
    ("certifications memberships", Section::Certifications),
    ("memberships certifications", Section::Certifications),
    ("certifications licences", Section::Certifications),
    ("licenses and certifications", Section::Certifications),
    ("licences and certifications", Section::Certifications),
    ("courses and certifications", Section::Certifications),
    ("certificats", Section::Certifications),
    ("zertifikate", Section::Certifications),
    ("zertifizierungen", Section::Certifications),
    ("certificaciones", Section::Certifications),
    ("certificados", Section::Certifications),
    ("certifications formations", Section::Certifications),
    ("certifications et formations", Section::Certifications),
    ("formations et certifications", Section::Certifications),
    ("weiterbildung zertifikate", Section::Certifications),
    ("weiterbildung und zertifikate", Section::Certifications),
    ("weiterbildungen zertifikate", Section::Certifications),
    ("weiterbildungen und zertifikate", Section::Certifications),
    ("fortbildungen und zertifikate", Section::Certifications),
    ("zertifikate und weiterbildungen", Section::Certifications),
    ("lizenzen und zertifikate", Section::Certifications),
    ("licences et certifications", Section::Certifications),
    ("licencias y certificaciones", Section::Certifications),
    ("certificaciones y cursos", Section::Certifications),
    ("licenses", Section::Certifications),
    ("licences", Section::Certifications),
    ("cursos y certificaciones", Section::Certifications),
    ("training and certifications", Section::Certifications),
    // courses and trainings alone are no certifications (a heading that
    // names both, "Weiterbildung und Zertifikate", is read as certifications)
    ("courses", Section::Courses),
    ("online courses", Section::Courses),
    ("training", Section::Courses),
    ("trainings", Section::Courses),
    ("trainings workshops", Section::Courses),
    ("training workshops", Section::Courses),
    ("workshops", Section::Courses),
    ("formation continue", Section::Courses),
    ("kurse", Section::Courses),
    ("weiterbildung", Section::Courses),
    ("weiterbildungen", Section::Courses),
    ("fortbildungen", Section::Courses),
    ("cursos", Section::Courses),
    ("formacion complementaria", Section::Courses),
    ("projects", Section::Other),
    ("key projects", Section::Other),
    ("projets", Section::Other),
    ("projekte", Section::Other),
    ("proyectos", Section::Other),
    ("interests", Section::Other),
    ("hobbies", Section::Other),
    ("hobbys", Section::Other),
    ("interessen", Section::Other),
    ("centres d interet", Section::Other),
    ("loisirs", Section::Other),
    ("intereses", Section::Other),
    ("aficiones", Section::Other),
    ("references", Section::Other),
    ("referenzen", Section::Other),
    ("referencias", Section::Other),
    ("declaration", Section::Other),
    ("personal details", Section::Other),
    ("personal information", Section::Other),
    ("links", Section::Other),
    ("page footer", Section::Other),
    ("personal data", Section::Other),
    ("informations personnelles", Section::Other),
    ("personliche daten", Section::Other),
    ("personliche angaben", Section::Other),
    ("datos personales", Section::Other),
    ("achievements", Section::Awards),
    ("selected achievements", Section::Awards),
    ("key achievements", Section::Awards),
    ("honors", Section::Awards),
    ("honours", Section::Awards),
    ("honors awards", Section::Awards),
    ("honours awards", Section::Awards),
    ("awards", Section::Awards),
    ("publications", Section::Other),
    ("volunteering", Section::Other),
    ("volunteer work", Section::Other),
    ("memberships", Section::Other),
    ("professional memberships", Section::Other),
    ("affiliations", Section::Other),
    ("activities", Section::Other),
    ("extracurricular activities", Section::Other),
    ("benevolat", Section::Other),
    ("engagement associatif", Section::Other),
    ("ehrenamt", Section::Other),
    ("ehrenamtliches engagement", Section::Other),
    ("voluntariado", Section::Other),
    ("hobbies and interests", Section::Other),
    ("interests and hobbies", Section::Other),
    ("volunteer experience", Section::Other),
    ("additional information", Section::Other),
    ("strengths", Section::Other),
    ("licencias", Section::Certifications),
    ("lizenzen", Section::Certifications),
    ("professional qualifications", Section::Certifications),
    ("qualifications certifications", Section::Certifications),
    ("accreditations", Section::Certifications),
    ("accreditation", Section::Certifications),
    ("acreditaciones", Section::Certifications),
    ("akkreditierungen", Section::Certifications),
    ("habilitations", Section::Certifications),
    ("qualifikationen", Section::Certifications),
    ("certificaciones y formacion", Section::Certifications),
    ("professional development", Section::Courses),
    ("continuing education", Section::Courses),
    // sections people add after the ones read, in four languages: named so
    // that their lines never run on into the section before them when the
    // heading is set like body text (not words that also stand alone in a
    // list — "Leadership", "Research", "Speaking" in a Europass grid)
    ("conferences", Section::Other),
    ("talks", Section::Other),
    ("public speaking", Section::Other),
    ("open source", Section::Other),
    ("open source contributions", Section::Other),
    ("side projects", Section::Other),
    ("personal projects", Section::Other),
    ("academic projects", Section::Other),
    ("patents", Section::Other),
    ("referees", Section::Other),
    ("community", Section::Other),
    ("miscellaneous", Section::Other),
    ("other information", Section::Other),
    ("further information", Section::Other),
    ("driving licence", Section::Other),
    ("driving license", Section::Other),
    ("driver s license", Section::Other),
    ("drivers license", Section::Other),
    ("permis de conduire", Section::Other),
    ("fuhrerschein", Section::Other),
    ("carnet de conducir", Section::Other),
    ("carne de conducir", Section::Other),
    ("permiso de conducir", Section::Other),
    ("divers", Section::Other),
    ("autres", Section::Other),
    ("informations complementaires", Section::Other),
    ("conferences et publications", Section::Other),
    ("sonstiges", Section::Other),
    ("weitere angaben", Section::Other),
    ("zusatzinformationen", Section::Other),
    ("vortrage", Section::Other),
    ("publikationen", Section::Other),
    ("otros", Section::Other),
    ("otros datos", Section::Other),
    ("otros datos de interes", Section::Other),
    ("informacion adicional", Section::Other),
    ("conferencias", Section::Other),
    ("publicaciones", Section::Other),
];

/// Document titles at the top of a CV: not sections.
const DOCUMENT_TITLES: &[&str] = &[
    "resume",
    "curriculum vitae",
    "cv",
    "lebenslauf",
    "curriculum",
];

/// A line without Markdown marks, bullets, icons (an emoji, or the
/// replacement character a PDF without the emoji's font gives) or a closing
/// colon.
pub fn bare(line: &str) -> &str {
    line.trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | '"' | '\'' | '+'))
        .trim_end_matches(['*', '_', ':', '='])
        .trim()
}

/// [`HEADINGS`] by name, and by name without *and* ("licenses
/// certifications"), the first listed winning — built once, as every line
/// of every CV is looked up.
static HEADINGS_BY_NAME: LazyLock<HashMap<String, Section>> = LazyLock::new(|| {
    let mut by_name = HashMap::new();
    for (h, section) in HEADINGS {
        by_name.entry((*h).to_owned()).or_insert(*section);
        by_name.entry(h.replace(" and ", " ")).or_insert(*section);
    }
    by_name
});

/// The section a heading line names.
pub fn known_heading(line: &str) -> Option<Section> {
    let text = bare(line);
    if text.is_empty() || text.len() > 90 {
        return None;
    }
    // "Langues / Languages": a heading in two languages
    for sep in [" / ", " | ", " · "] {
        if let Some((a, b)) = text.split_once(sep) {
            let (x, y) = (known_heading(a), known_heading(b));
            if let Some(s) = x
                .or(y)
                .filter(|s| x.is_none_or(|x| x == *s) && y.is_none_or(|y| y == *s))
            {
                return Some(s);
            }
        }
    }
    if text.len() > 60 {
        return None;
    }
    // "Licenses & Certifications", "Skills & Tools": the ampersand folds away
    let with_and = fold(&text.replace('&', " and "));
    let f = with_and.replace(" and ", " ").replace("  ", " ");
    let named = |f: &str| HEADINGS_BY_NAME.get(f).copied();
    named(&f)
        .or_else(|| joined_heading(&with_and, &named))
        .or_else(|| named(without_qualifier(&f)?).filter(|s| *s == Section::Certifications))
}

/// "Professional Certifications", "Technical certifications",
/// "Certificaciones profesionales": a heading with a word that only
/// qualifies it, without that word.
fn without_qualifier(folded: &str) -> Option<&str> {
    const BEFORE: &[&str] = &[
        "professional ",
        "technical ",
        "it ",
        "relevant ",
        "berufliche ",
    ];
    const AFTER: &[&str] = &[
        " professionnelles",
        " professionnels",
        " profesionales",
        " tecnicas",
    ];
    BEFORE
        .iter()
        .find_map(|q| folded.strip_prefix(q))
        .or_else(|| AFTER.iter().find_map(|q| folded.strip_suffix(q)))
}

/// "Zertifikate & Lizenzen", "Certificaciones y licencias", "Talks and
/// publications": two or three headings joined by a word for *and* (in the
/// four languages) or a comma, all naming the same section.
fn joined_heading(folded: &str, named: &impl Fn(&str) -> Option<Section>) -> Option<Section> {
    let padded = format!(" {folded} ");
    let mut parts = vec![padded.as_str()];
    for joint in [" and ", " y ", " et ", " und ", ", ", " , "] {
        parts = parts.iter().flat_map(|p| p.split(joint)).collect();
    }
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let sections: Vec<Section> = parts.iter().map(|p| named(p)).collect::<Option<_>>()?;
    // "Certifications & Training", "Certifications & Achievements": a
    // section of certifications that also holds courses or awards (their
    // lines are told apart as in either)
    if sections.contains(&Section::Certifications)
        && sections.iter().all(|s| {
            matches!(
                s,
                Section::Certifications | Section::Courses | Section::Awards
            )
        })
    {
        return Some(Section::Certifications);
    }
    let first = sections[0];
    sections.iter().all(|s| *s == first).then_some(first)
}

/// A line that looks like a heading we do not know: two to four words (or
/// one of eight letters or more) in capitals, no digits, no sentence.
pub fn looks_like_heading(line: &str) -> bool {
    let text = bare(line);
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let words = text.split_whitespace().count();
    // "HTML CSS" in a skills list is no heading, nor is "ANNA UNIVERSITY"
    // in an education section
    if text
        .split_whitespace()
        .all(|w| scout_taxonomy::skills::canonical_skill(w).is_some())
        || super::schools::is_school(text)
    {
        return false;
    }
    let capitals = !letters.is_empty() && letters.iter().all(|c| !c.is_lowercase());
    let plain = !text
        .chars()
        .any(|c| c.is_ascii_digit() || c == '@' || c == ',');
    capitals && plain && ((2..=4).contains(&words) || (words == 1 && letters.len() >= 8))
}

/// A Markdown rule under a heading (`-----`, `=====`).
/// Page furniture that is no part of any field: page numbers ("Page 2",
/// "Page 1 of 2", "Seite 1 von 3", "2/3", "- 2 -") and a footer naming the
/// document ("Ana Ruiz — CV", "Curriculum vitae – Ana Ruiz" below the top).
pub fn is_page_furniture(line: &str, index: usize) -> bool {
    let f = fold(line.trim());
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    let page_word = |w: &str| matches!(w, "page" | "seite" | "pagina" | "pag");
    let of_word = |w: &str| matches!(w, "of" | "von" | "de" | "sur" | "di" | "/");
    // "2/3", "- 2 -" as written
    let raw = line.trim();
    let inner = raw.trim_matches(['-', '–', ' ']);
    let page_number = inner
        .split_once('/')
        .is_some_and(|(a, b)| number(a.trim()) && number(b.trim()))
        || (number(inner) && raw.starts_with(['-', '–']) && raw.ends_with(['-', '–']))
        || match words.as_slice() {
            [p, n] => page_word(p) && number(n),
            [p, n, o, m] => page_word(p) && number(n) && of_word(o) && number(m),
            _ => false,
        };
    if page_number {
        return true;
    }
    if index < 3 {
        return false;
    }
    let titled = |part: &str| {
        matches!(
            fold(part.trim()).as_str(),
            "cv" | "resume" | "curriculum vitae" | "lebenslauf" | "curriculum"
        )
    };
    [" — ", " – ", " - ", " | "].iter().any(|sep| {
        line.split_once(sep).is_some_and(|(a, b)| {
            (titled(b) && a.split_whitespace().count() <= 4)
                || (titled(a) && b.split_whitespace().count() <= 4)
        })
    })
}

/// A Markdown section heading: `## Projects`, or a short line underlined
/// by a rule (`Side Projects` / `-------`). (`###` and deeper head entries —
/// a job, a school — not sections.)
fn markdown_heading(line: &str, next: Option<&str>) -> bool {
    let t = line.trim();
    let atx = t.starts_with("## ") || (t.starts_with("# ") && !t.starts_with("# ["));
    let underlined = next.is_some_and(is_rule)
        && !t.starts_with(['-', '*', '+', '•', '>'])
        && (1..=6).contains(&t.split_whitespace().count())
        && !t.contains(':');
    (atx || underlined) && !is_rule(t)
}

pub fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.chars().all(|c| c == '-' || c == '=' || c == '_')
}

/// The section of each line (`None` for headings and rules), given the
/// lines already cut and which of them stand out in larger type (a PDF's
/// headings; all `false` for other files). A name in capitals or large type
/// at the top is not a heading: an unknown heading only counts once a known
/// one has been seen.
pub fn assign(lines: &[&str], prominent: &[bool]) -> Vec<Option<Section>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut current = Section::Header;
    let mut seen_known = false;
    for (i, line) in lines.iter().enumerate() {
        if is_rule(line) {
            out.push(None);
            continue;
        }
        let text = fold(bare(line));
        if current == Section::Header && DOCUMENT_TITLES.contains(&text.as_str()) && i < 3 {
            out.push(None);
            continue;
        }
        // "Certifications" then "Certification", "Issuing body", …: a table's
        // header row right under its section's heading is the section's text
        let heading = known_heading(line).filter(|&s| {
            !(s == current
                && i > 0
                && out.last().is_some_and(Option::is_none)
                && current != Section::Header)
        });
        if let Some(s) = heading {
            current = s;
            seen_known = true;
            out.push(None);
        } else if seen_known
            && (looks_like_heading(line)
                || prominent.get(i).copied().unwrap_or(false)
                || markdown_heading(line, lines.get(i + 1).copied()))
        {
            current = Section::Other;
            out.push(None);
        } else {
            out.push(Some(current));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_four_languages_and_any_case() {
        assert_eq!(known_heading("TECHNICAl SKILLS"), Some(Section::Skills));
        // courses alone are no certifications; a heading naming both is
        assert_eq!(known_heading("Courses"), Some(Section::Courses));
        assert_eq!(known_heading("AWARDS"), Some(Section::Awards));
        assert_eq!(known_heading("Weiterbildung"), Some(Section::Courses));
        assert_eq!(
            known_heading("Weiterbildung und Zertifikate"),
            Some(Section::Certifications)
        );
        assert_eq!(known_heading("## Experience"), Some(Section::Experience));
        assert_eq!(
            known_heading("Expérience professionnelle"),
            Some(Section::Experience)
        );
        assert_eq!(
            known_heading("BERUFLICHER WERDEGANG"),
            Some(Section::Experience)
        );
        assert_eq!(
            known_heading("Formación académica"),
            Some(Section::Education)
        );
        assert_eq!(
            known_heading("Licenses & Certifications"),
            Some(Section::Certifications)
        );
        assert_eq!(known_heading("Sprachkenntnisse:"), Some(Section::Languages));
        assert_eq!(known_heading("Python, SQL"), None);
        // headings joined by a word for "and", each naming the same section
        assert_eq!(
            known_heading("Zertifikate & Lizenzen"),
            Some(Section::Certifications)
        );
        assert_eq!(
            known_heading("Certificaciones y licencias"),
            Some(Section::Certifications)
        );
        assert_eq!(known_heading("Conferences & talks"), Some(Section::Other));
        assert_eq!(known_heading("Skills and languages"), None);
        assert_eq!(
            known_heading("Otros datos de interés"),
            Some(Section::Other)
        );
        assert_eq!(known_heading("Driving licence"), Some(Section::Other));
        // what people call their certifications
        for h in [
            "Professional Qualifications",
            "Accreditations",
            "Certifications & Training",
            "Certifications and Courses",
            "Certifications & Achievements",
            "Professional Certifications",
            "Zertifizierungen & Weiterbildung",
            "Certificaciones profesionales",
            "Habilitations et certifications",
        ] {
            assert_eq!(known_heading(h), Some(Section::Certifications), "{h}");
        }
        assert_eq!(
            known_heading("Professional experience"),
            Some(Section::Experience)
        );
        assert_eq!(known_heading("Technical skills"), Some(Section::Skills));
    }

    #[test]
    fn page_furniture_is_told_from_text() {
        for line in [
            "Page 1",
            "Page 2 of 3",
            "Seite 1 von 2",
            "Página 1 de 2",
            "2/3",
            "- 2 -",
        ] {
            assert!(is_page_furniture(line, 40), "{line}");
        }
        assert!(is_page_furniture("Diego Ruiz — CV", 40));
        // at the top, a document title names the person: kept for the name
        assert!(!is_page_furniture("Curriculum vitae — Diego Ruiz", 0));
        for line in [
            "2019",
            "Page Designer",
            "B2",
            "Python 3",
            "24/7 support",
            "Sales - CV review",
        ] {
            assert!(!is_page_furniture(line, 40), "{line}");
        }
    }

    #[test]
    fn an_unknown_heading_ends_the_section_before_it() {
        let lines = [
            "ANA RUIZ",
            "SKILLS",
            "Python",
            "KEY PROJECTS DONE",
            "Built a thing",
        ];
        let s = assign(&lines, &[false; 5]);
        assert_eq!(s[0], Some(Section::Header));
        assert_eq!(s[2], Some(Section::Skills));
        assert_eq!(s[3], None);
        assert_eq!(s[4], Some(Section::Other));
        // "Volunteer Work" in larger type is a heading too
        let lines = [
            "Ana Ruiz",
            "Skills",
            "Python",
            "Volunteer Work",
            "Food bank",
        ];
        let s = assign(&lines, &[true, false, false, true, false]);
        assert_eq!(s[0], Some(Section::Header));
        assert_eq!(s[2], Some(Section::Skills));
        assert_eq!(s[4], Some(Section::Other));
        // Markdown's own headings: "## …" and an underlined line; "###" heads
        // an entry, and a bullet over a rule is no heading
        let lines = [
            "# Ana Ruiz",
            "## Experience",
            "### Engineer, Acme | 2020 -- Present",
            "## Volunteering/ Extracurricular Activities",
            "Food bank",
            "Side Projects",
            "-------------",
            "A thing",
            "- a bullet",
            "---",
        ];
        let s = assign(&lines, &[false; 10]);
        // (a table's header row under its section's heading is its text)
        let table = assign(
            &[
                "Ana Ruiz",
                "Certifications",
                "Certification",
                "Issuing body",
                "PMP",
            ],
            &[false; 5],
        );
        assert_eq!(table[1], None);
        assert_eq!(table[2], Some(Section::Certifications));
        assert_eq!(s[2], Some(Section::Experience));
        assert_eq!(s[3], None);
        assert_eq!(s[4], Some(Section::Other));
        assert_eq!(s[5], None);
        assert_eq!(s[7], Some(Section::Other));
        assert_eq!(s[8], Some(Section::Other));
    }
}
