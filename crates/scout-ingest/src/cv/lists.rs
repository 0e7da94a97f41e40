//! The list fields of a CV: skills (from skills sections, tables included,
//! and from the rest of the text, each with the line that shows it),
//! languages with their levels, and certifications.

use scout_taxonomy::languages::{canonical_language, canonical_proficiency};
use scout_taxonomy::skills::canonical_skill;
use scout_taxonomy::titles::is_known_title;

use super::dates::{find_span, is_month_word, years_in};
use super::{CvLanguage, CvSkillEvidence};

/// Items of a list line: cut at commas, semicolons, bullets, bars, tabs,
/// spaced slashes and dashes (not at `/` inside `CI/CD`).
pub fn items(line: &str) -> Vec<String> {
    let mut pieces = vec![line.to_owned()];
    for sep in [
        ",", ";", "•", "|", "·", "\t", " / ", " – ", " — ", " - ", "  ", "▪", "◦", "●",
    ] {
        pieces = pieces
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    pieces
        .into_iter()
        .map(|p| {
            p.trim()
                .trim_start_matches(['*', '-', '+', '◦'])
                .trim()
                .trim_end_matches('.')
                .to_owned()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Skills named in a text, longest first at each word: (canonical, as
/// written). `strict` keeps only what cannot be an everyday word: names of
/// two words or more, or one word written like a product (`PostgreSQL`,
/// `AWS`, `C#`, `Node.js`) or capitalised inside a sentence and not a
/// common noun.
pub fn skills_named(text: &str, strict: bool) -> Vec<(&'static str, String)> {
    /// Skills that are also everyday words in a sentence.
    const EVERYDAY: &[&str] = &[
        "go",
        "r",
        "c",
        "excel",
        "swift",
        "spring",
        "rust",
        "ruby",
        "word",
        "access",
        "project",
        "office",
        "teams",
        "sales",
        "marketing",
        "research",
        "strategy",
        "leadership",
        "communication",
        "teaching",
        "accounting",
        "budgeting",
        "statistics",
        "tax",
        "negotiation",
        "recruiting",
        "sourcing",
        "interviewing",
        "onboarding",
        "cooking",
        "pharmacy",
        "surgery",
        "triage",
        "catering",
        "pastry",
        "illustration",
        "typography",
        "branding",
        "auditing",
        "bookkeeping",
        "reconciliation",
        "compliance",
        "litigation",
        "payroll",
        "logistics",
        "procurement",
        "forecasting",
        "valuation",
        "analytics",
        "diagnosis",
        "tutoring",
        "lean",
        "dashboards",
        "sketch",
        "unity",
        "make",
        "less",
        "dart",
        "chef",
        "puppet",
        "express",
        "next",
        "ember",
        "meteor",
        "backbone",
        "salt",
        // programming languages named with English words ("National
        // Service Scheme", "Image Processing")
        "scheme",
        "processing",
        "factor",
        "pure",
        "clean",
        "crystal",
        "chapel",
        "alloy",
        "self",
        "red",
        "pony",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let clean = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '#' && c != '+')
            .to_owned()
    };
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = false;
        for n in (1..=4).rev() {
            if i + n > words.len() {
                continue;
            }
            let phrase: Vec<String> = words[i..i + n].iter().map(|w| clean(w)).collect();
            let phrase = phrase.join(" ");
            if phrase.is_empty() {
                continue;
            }
            let Some(skill) = canonical_skill(&phrase) else {
                continue;
            };
            // in a CV's running text "CV" is the document, not computer vision
            if strict && n == 1 && phrase.eq_ignore_ascii_case("cv") {
                continue;
            }
            // "Boston, MA", "Lyon, FR", "Boston MA": a state's or country's
            // code after a town, not Mergers & Acquisitions
            if strict
                && n == 1
                && phrase.len() == 2
                && phrase.chars().all(|c| c.is_ascii_uppercase())
                && i > 0
                && (words[i - 1].ends_with(',')
                    || (words[i - 1].starts_with(char::is_uppercase)
                        && scout_taxonomy::us_state(&phrase).is_some()))
            {
                continue;
            }
            // "category B", "Plan B": a single letter is no skill in running
            // text (C and R only when listed as skills)
            if strict && n == 1 && phrase.chars().count() == 1 {
                continue;
            }
            if strict && n == 1 {
                let w = &phrase;
                let capitals = w.chars().filter(|c| c.is_uppercase()).count();
                let symbols = w.chars().any(|c| !c.is_alphanumeric());
                let sentence_start = i == 0
                    || words[i - 1].ends_with(['.', ':', '!', '?', ';'])
                    || words[i - 1].starts_with('•');
                let capitalised = w.chars().next().is_some_and(char::is_uppercase);
                let everyday = EVERYDAY.contains(&w.to_lowercase().as_str());
                let product = capitals >= 2 || symbols || w.chars().any(|c| c.is_ascii_digit());
                if !(product && w.len() >= 2 || capitalised && !sentence_start && !everyday) {
                    continue;
                }
            }
            if !out.iter().any(|(s, _)| *s == skill) {
                out.push((skill, phrase));
            }
            i += n;
            matched = true;
            break;
        }
        if !matched {
            i += 1;
        }
    }
    out
}

/// Skills of a skills section's line: each item whole, or the skills named
/// inside it (a table row joined into one line, a `Label: a, b` line).
pub fn skills_of_list_line(line: &str) -> Vec<&'static str> {
    let line = match line.split_once(':') {
        Some((label, rest)) if canonical_skill(label).is_none() => rest,
        _ => line,
    };
    let mut out = Vec::new();
    for item in items(line) {
        let item = item.split(" (").next().unwrap_or(&item).trim().to_owned();
        match canonical_skill(&item) {
            Some(s) => out.push(s),
            None => out.extend(skills_named(&item, false).into_iter().map(|(s, _)| s)),
        }
    }
    out
}

/// Labels of one line's list beyond the section headings, folded: a job's
/// tools ("Main technologies: Solr, Java", "Environment: …") and one
/// certification ("Certificate: …").
const SKILL_LABELS: &[&str] = &[
    "main technologies",
    "technologies",
    "technologies used",
    "tech stack",
    "stack",
    "tools used",
    "environment",
    "key skills",
    "my key skills include",
    "skills used",
];

/// Labels of a line of spoken languages beyond the section headings.
const LANGUAGE_LABELS: &[&str] = &["spoken", "spoken languages", "languages spoken"];

/// Whether a list names skills and not one spoken language ("Java, Python,
/// Go" after "Languages:").
pub fn names_no_language(list: &str) -> bool {
    let items = items(list);
    !items.is_empty()
        && !items.iter().any(|i| {
            i.split(|c: char| !c.is_alphanumeric())
                .any(|w| canonical_language(w).is_some())
        })
        && items.iter().any(|i| canonical_skill(i).is_some())
}

/// The list section a line's label names, beyond the section headings.
pub fn list_label(label: &str) -> Option<super::sections::Section> {
    let f = scout_taxonomy::fold(super::sections::bare(label));
    if LANGUAGE_LABELS.contains(&f.as_str()) {
        Some(super::sections::Section::Languages)
    } else if SKILL_LABELS.contains(&f.as_str()) {
        Some(super::sections::Section::Skills)
    } else if CERTIFICATION_LABELS.contains(&f.as_str()) {
        Some(super::sections::Section::Certifications)
    } else {
        None
    }
}

/// Adds a skill with the line it was read from, once.
pub fn add_skill(
    skills: &mut Vec<String>,
    evidence: &mut Vec<CvSkillEvidence>,
    skill: &str,
    section: &str,
    line: &str,
) {
    if skills.iter().any(|s| s == skill) {
        return;
    }
    skills.push(skill.to_owned());
    evidence.push(CvSkillEvidence {
        skill: skill.to_owned(),
        section: section.to_owned(),
        text: line.trim().chars().take(200).collect(),
    });
}

/// A level as written: a CEFR level anywhere (`fließend (B2)` is B2), else
/// the words (`courant`, `Muttersprache`, `Native speaker`).
pub fn level_of(text: &str) -> Option<&'static str> {
    let cefr = text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| matches!(*w, "A1" | "A2" | "B1" | "B2" | "C1" | "C2"));
    if let Some(code) = cefr {
        return canonical_proficiency(code);
    }
    let words = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim();
    canonical_proficiency(words)
        .or_else(|| {
            // "Professional working proficiency (full)": the part before brackets
            words
                .split(['(', ',', '/'])
                .next()
                .and_then(|w| canonical_proficiency(w.trim()))
        })
        .or_else(|| {
            // "Native proficiency", "Intermediate proficiency": a level and
            // the word LinkedIn writes after every level
            let bare = words.strip_suffix("proficiency")?.trim();
            canonical_proficiency(bare)
        })
}

/// Languages of a languages section (or a `Languages:` line): names in any
/// of the four languages, each with the level written beside it or on the
/// line under it.
pub fn languages(lines: &[&str]) -> Vec<CvLanguage> {
    let mut out: Vec<CvLanguage> = Vec::new();
    for line in lines {
        let line = line.trim_start_matches(['•', '*', '-', '▪']).trim();
        // a level on a line of its own belongs to the language above it
        let names_language = line
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| canonical_language(w).is_some());
        if let Some(level) = level_of(line).filter(|_| !names_language) {
            if let Some(last) = out.last_mut().filter(|l| l.level.is_none()) {
                last.level = Some(level.to_owned());
            }
            continue;
        }
        let before = out.len();
        // "English (Native)  Spanish (Basic)": two spaces or a tab part them too
        let parts = line
            .split([',', ';', '|', '·', '•', '\t'])
            .flat_map(|p| p.split("  "));
        for item in parts {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            // "Spanish · Native": a level apart from its language by a dot
            if let Some(level) = level_of(item).filter(|_| canonical_language(item).is_none()) {
                if out.len() > before {
                    if let Some(last) = out.last_mut().filter(|l| l.level.is_none()) {
                        last.level = Some(level.to_owned());
                        continue;
                    }
                }
            }
            let words: Vec<&str> = item.split_whitespace().collect();
            // the name: the longest run of leading words that is a language
            let named = (1..=words.len().min(3)).rev().find_map(|n| {
                let name = words[..n]
                    .join(" ")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_owned();
                canonical_language(&name).map(|l| (l, n))
            });
            let Some((name, n)) = named else { continue };
            if out.iter().any(|l| l.name == name) {
                continue;
            }
            let rest = words[n..].join(" ");
            out.push(CvLanguage {
                name: name.to_owned(),
                level: level_of(&rest).map(str::to_owned),
            });
        }
    }
    out
}

/// Lines of a skills list with items wrapped across lines joined back
/// ("…, Lean" + "Manufacturing, Six Sigma"): where the last item of a line
/// and the first of the next make a skill together and neither alone.
pub fn unwrapped(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let joined = out.last().and_then(|last| {
            let tail = items(last).pop()?;
            let head = items(line).into_iter().next()?;
            let together = format!("{tail} {head}");
            let apart = canonical_skill(&tail).is_some() && canonical_skill(&head).is_some();
            (canonical_skill(&together).is_some()
                && !apart
                && !last.trim_end().ends_with([',', ';']))
            .then(|| format!("{last} {line}"))
        });
        match joined {
            Some(j) => {
                if let Some(last) = out.last_mut() {
                    *last = j;
                }
            }
            None => out.push((*line).to_owned()),
        }
    }
    out
}

/// Certification lines with names wrapped in a narrow column joined back:
/// a line goes on when it ends with a joining word or mark (`of`, `–`,
/// `:`), or when the next line is a lone word that is no acronym, a
/// bracket (`(CKA)`) or starts in lower case.
fn unwrapped_certifications(lines: &[&str]) -> Vec<String> {
    // "Issued Mar 2021 · Credential ID 123", "Expires 2025": about the
    // certification above, not one of its own
    let about = |line: &str| {
        [
            "issued",
            "credential",
            "expires",
            "expired",
            "valid",
            "no expiration",
            "delivre",
            "ausgestellt",
            "gultig",
            "expedido",
            "emitido",
            "obtenu",
            "obtained",
        ]
        .iter()
        .any(|w| scout_taxonomy::fold(line).starts_with(w))
    };
    let mut out: Vec<String> = Vec::new();
    // a table read a cell a line under a header row of two columns or more
    // ("Certification", "Issuing body", "Date", "Credential no."): only the
    // cells of the names' column are names
    let mut columns = 0usize;
    let mut name_column = 0usize;
    let mut cell: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim();
        let folded = scout_taxonomy::fold(line);
        // ("Credential no.": the name without its dot)
        let column = folded.trim_matches(|c: char| !c.is_alphanumeric());
        // (a header row has two column names or more: "Certification" alone
        // under "HubSpot Inbound Marketing" ends a wrapped name)
        let next_is_column = lines.get(i + 1).is_some_and(|next| {
            let next = scout_taxonomy::fold(next.trim());
            COLUMN_NAMES.contains(&next.trim_matches(|c: char| !c.is_alphanumeric()))
        });
        if cell.is_none() && COLUMN_NAMES.contains(&column) && (columns > 0 || next_is_column) {
            if NAME_COLUMNS.contains(&column) {
                name_column = columns;
            }
            columns += 1;
            continue;
        }
        if columns >= 2 {
            let at = cell.unwrap_or(0);
            cell = Some(at + 1);
            // (a cell holds a whole name: none goes on from the one before)
            if at % columns == name_column && !line.is_empty() {
                out.push(line.to_owned());
            }
            continue;
        } else {
            columns = 0;
        }
        let bulleted = line.starts_with(['•', '*', '-', '▪', '◦', '‣', '●']);
        // the issuer on a line of its own under the name ("Scrum.org"),
        // unless it is an acronym that names a certification too ("ACCA")
        // and no issue date follows it
        let named = issuer_named(line);
        let issuer = !out.is_empty()
            && is_issuer(&named)
            && (!CREDENTIAL_BODIES.contains(&named.as_str())
                || lines.get(i + 1).is_some_and(|next| about(next)));
        if about(line) || issuer {
            continue;
        }
        let continues = out.last().is_some_and(|last| {
            // ("Associate (2021)", "Developer, 2020": a name's last words
            // with the date after them)
            let line = match without_trailing_date(line) {
                "" => line,
                undated => undated,
            };
            let folded = scout_taxonomy::fold(line);
            let last = last.trim_start_matches(['•', '*', '-', '▪', '◦', '‣', '●', ' ']);
            let last_word = last.split_whitespace().last().unwrap_or("").to_lowercase();
            let words = line.split_whitespace().count();
            let acronym = line.len() <= 6
                && line
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            !bulleted
                && (last.ends_with(['–', '-', ':', ',', '&', '/'])
                    || ["of", "in", "for", "and", "de", "en", "für", "y", "et"]
                        .contains(&last_word.as_str())
                    || line.starts_with(['(', '–', '—'])
                    || line.starts_with(|c: char| c.is_lowercase())
                    // a job title alone is no certification: "Google Cloud
                    // Professional" + "Data Engineer"; nor is a last word
                    // with the acronym: "Certified Kubernetes" + "Administrator (CKA)"
                    || (words <= 3 && is_known_title(line) && !ends_with_a_role_or_acronym(last))
                    || (words <= 2 && ends_with_acronym(line))
                    || LEVELS.contains(&folded.as_str())
                    || (words == 1 && !acronym && years_in(line).is_empty())
                    // "Microsoft Certified: Power" + "BI Data Analyst
                    // Associate", "AWS" + "Certified Solutions Architect":
                    // a name cut where no name ends
                    || (words <= 6
                        && years_in(last).is_empty()
                        && years_in(without_leading_date(line)).len() == years_in(line).len()
                        && !names_no_certification(last)
                        && !is_award(last)
                        && !ends_like_a_name(last))
                    // "Oracle Certified Professional, Java SE" + "11 Developer"
                    || line
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) && years_in(w).is_empty()))
        });
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_owned()),
        }
    }
    out
}

/// The body a line names when it names one, without what is written
/// around it: "Amazon Web Services (AWS) · 2022" → "amazon web services",
/// "HubSpot Academy, 2019" → "hubspot academy".
fn issuer_named(line: &str) -> String {
    let mut text = line.to_owned();
    while let (Some(open), Some(close)) = (text.find('('), text.find(')')) {
        if close < open {
            break;
        }
        text.replace_range(open..=close, " ");
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            years_in(w).is_empty() && !is_month_word(w.trim_matches(|c: char| !c.is_alphabetic()))
        })
        .collect();
    scout_taxonomy::fold(words.join(" ").trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether a line is about a driving licence ("Driving licence (B)",
/// "Full licence, category B", "Führerschein Klasse B", "Permis B",
/// "Carné de conducir B"): a licence, but no professional certification.
fn names_a_driving_licence(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "driving licen",
        "driver s licen",
        "drivers licen",
        "driver licen",
        "permis de conduire",
        "fuhrerschein",
        "carnet de conducir",
        "carne de conducir",
        "permiso de conducir",
        "patente di guida",
    ];
    let f = scout_taxonomy::fold(line);
    if WORDS.iter().any(|w| f.contains(w)) {
        return true;
    }
    // "category B", "Klasse B", "permis B", "clase B1": a class of vehicle
    let words: Vec<&str> = f.split(' ').collect();
    words.windows(2).any(|w| {
        matches!(
            w[0],
            "category"
                | "categorie"
                | "categoria"
                | "klasse"
                | "class"
                | "clase"
                | "permis"
                | "cat"
        ) && (1..=3).contains(&w[1].len())
            && w[1].starts_with(|c: char| matches!(c, 'a'..='e'))
            && w[1].chars().skip(1).all(|c| c.is_ascii_digit() || c == 'e')
    })
}

/// Whether a name read in a certifications section looks like one: it has
/// a word certifications are named with (in the four languages read), an
/// acronym ("PMP", "CKA", "PRINCE2", "AZ-900") or the name of a body that
/// issues them. The lines of a section whose heading went unseen ("Open
/// source", "Speaker, Tech Summit 2023", "Available on request") have none.
fn looks_like_certification(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "certif",
        "zertifi",
        "licen",
        "lizenz",
        "diplom",
        "accredit",
        "akkredit",
        "acredit",
        "registered",
        "qualified",
        "chartered",
        "practitioner",
        "associate",
        "professional",
        "specialist",
        "specialty",
        "expert",
        "foundation",
        "fundamentals",
        "level",
        "belt",
        "master",
        "administrator",
        "architect",
        "engineer",
        "developer",
        "analyst",
        "tester",
        "auditor",
        "consultant",
        "programmer",
        "credential",
        "badge",
        "exam",
        "series",
        "fellow",
        "niveau",
        "stufe",
        "nivel",
        "titulo",
        "titre",
        "habilitation",
    ];
    let f = scout_taxonomy::fold(name);
    if f.split(' ').any(|x| WORDS.iter().any(|w| x.starts_with(w))) {
        return true;
    }
    let acronym = name
        .split(|c: char| c.is_whitespace() || "(),;:/".contains(c))
        .any(|w| {
            w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
                && w.chars().all(|c| {
                    c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '&')
                })
        });
    acronym
        || ISSUERS.iter().any(|i| {
            let i = scout_taxonomy::fold(i);
            f == i || f.starts_with(&format!("{i} ")) || f.contains(&format!(" {i} "))
        })
}

/// Whether a line names who issued what it lists, after a dash, a bar or
/// a comma ("Machine Learning – Stanford Online (Oct 2020)", "English for
/// Career Development – University of Pennsylvania"): a body that issues
/// certifications or a school.
fn names_its_issuer(line: &str) -> bool {
    looks_like_certification(line) || issuer_after_a_mark(line)
}

/// Whether a part of a line after a dash, a bar or a comma names a body
/// that issues certifications or a school.
fn issuer_after_a_mark(line: &str) -> bool {
    line.split([',', '|', '–', '—'])
        .flat_map(|part| part.split(" - "))
        .skip(1)
        .map(issuer_named)
        .any(|named| is_issuer(&named) || super::schools::is_school(&named))
}

/// Whether a certification's name could end where a line ends: with a
/// level or a role ("… Associate", "… Data Engineer", "Scrum Master"), the
/// word for a certificate ("… Search Certification"), an acronym or a
/// bracket ("PMP", "… (CKA)", "Cisco CCNA", "DELF B2"), a number ("ITIL 4",
/// "Java SE 11"), or a mark ("CompTIA Security+"). Not a body's name alone
/// ("AWS", "Microsoft"), nor "… Certified", "Google Ads", "Microsoft
/// Certified: Power".
fn ends_like_a_name(text: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "certification",
        "certificate",
        "qualification",
        "diploma",
        "belt",
        "owner",
        "manager",
        "accountant",
        "auditor",
        "analyst",
        "tester",
        "programmer",
        "consultant",
        "nurse",
        "planner",
        "specialist",
        "zertifikat",
        "certificat",
        "certificado",
        "licence",
        "license",
        "credential",
        "badge",
    ];
    let text = text.trim().trim_end_matches(['.', ',', ';', ':']);
    let named = issuer_named(text);
    if is_issuer(&named) && !CREDENTIAL_BODIES.contains(&named.as_str()) {
        return false;
    }
    // "… — Scrum.org", "CCNA, Cisco": a name followed by who issued it
    if issuer_after_a_mark(text) {
        return true;
    }
    let Some(last) = text.split_whitespace().last() else {
        return false;
    };
    // "Professional" + "Scrum Product Owner": one word is a name only as
    // an acronym ("PMP", "PRINCE2")
    let acronym = last.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && last
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if text.split_whitespace().count() == 1 && !acronym && !last.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let folded = scout_taxonomy::fold(last);
    if matches!(
        folded.as_str(),
        "certified" | "zertifizierter" | "zertifizierte" | "certifie" | "certifiee"
    ) {
        return false;
    }
    last.ends_with([')', '+', ']'])
        || last.chars().any(|c| c.is_ascii_digit())
        // ("Microsoft Certified: Power BI" goes on: a product's two-letter
        // acronym; "Cisco CCNA", "PMP" do not)
        || (acronym && (last.len() >= 3 || text.split_whitespace().count() == 1))
        || ENDINGS.contains(&folded.as_str())
        || LEVELS.contains(&folded.as_str())
        || LEVELS
            .iter()
            .any(|l| scout_taxonomy::fold(text).ends_with(&format!(" {l}")))
        || is_known_title(last)
        || text
            .split_whitespace()
            .rev()
            .nth(1)
            .is_some_and(|before| is_known_title(&format!("{before} {last}")))
}

/// "Chartered Accountant", "Cisco CCNA", "… (CKA)": a name that ends with
/// a role or an acronym, after which a role on the next line is a name of
/// its own ("Registered Nurse").
fn ends_with_a_role_or_acronym(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    last.ends_with(')')
        || (last.len() >= 3
            && last
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        || (words.len() >= 2 && is_known_title(&words[words.len() - 2..].join(" ")))
}

/// A line without the date written at its end: "Associate (2021)",
/// "Developer, 2020", "Foundation Level – Mar 2019".
fn without_trailing_date(line: &str) -> &str {
    let line = line.trim();
    if let Some(open) = line.rfind('(') {
        if line.ends_with(')') && !years_in(&line[open..]).is_empty() {
            return line[..open].trim_end();
        }
    }
    let mut end = line.len();
    for word in line.split_whitespace().rev() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if years_in(bare).is_empty() && !is_month_word(bare) {
            break;
        }
        end = line[..end].rfind(word).unwrap_or(0);
    }
    line[..end]
        .trim_end_matches([' ', ',', '–', '—', '-', '|', '·'])
        .trim_end()
}

fn trim_tail(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['(', ',', '-', '–', '—', '|', ' '])
        .trim()
}

/// "2021 : Google Ads…", "04/2021 – PMP", "2019. ISTQB…": the name after a
/// date written first.
fn without_leading_date(text: &str) -> &str {
    let digits = text
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.'))
        .unwrap_or(text.len());
    let date = &text[..digits];
    if years_in(date).is_empty() {
        return text;
    }
    let rest = text[digits..].trim_start_matches([' ', ':', '-', '–', '—', '|', '\t', '.']);
    if rest.chars().next().is_some_and(char::is_alphabetic) {
        rest
    } else {
        text
    }
}

/// Whether a line says it names a certification or licence in one of the
/// four languages read ("Certified Scrum Master", "Certificación PMP",
/// "Zertifikat ITIL", "licence PRINCE2").
pub fn says_certified(line: &str) -> bool {
    let f = scout_taxonomy::fold(line);
    ["certif", "zertifi", "licen", "lizenz"]
        .iter()
        .any(|w| f.contains(w))
}

/// "Certificación PMP", "Zertifikat ITIL": the name without the generic
/// noun before it (not "Certificate in Data Science", whose noun is part of
/// its name).
fn without_generic_noun(text: &str) -> &str {
    for noun in [
        "Certificación ",
        "Certificado ",
        "Certification ",
        "Certificat ",
        "Zertifikat ",
    ] {
        if let Some(rest) = text.strip_prefix(noun) {
            if rest.starts_with(char::is_uppercase) {
                return rest;
            }
        }
    }
    text
}

/// Bodies whose name is also the credential they award ("ACCA" under a
/// list of certifications is one).
const CREDENTIAL_BODIES: &[&str] = &["acca", "cipd", "shrm", "cima", "itil"];

/// Column names of a table of certifications, folded.
/// The column names of [`COLUMN_NAMES`] that head the names themselves.
const NAME_COLUMNS: &[&str] = &["certification", "certificate", "name", "zertifikat"];

const COLUMN_NAMES: &[&str] = &[
    "credential no",
    "credential id",
    "credential",
    "licence no",
    "license no",
    "number",
    "certification",
    "certificate",
    "name",
    "issuer",
    "issued by",
    "issuing body",
    "provider",
    "organisation",
    "organization",
    "year",
    "date",
    "zertifikat",
    "aussteller",
    "jahr",
    "datum",
    "organisme",
    "annee",
    "emisor",
    "ano",
];

/// Whether a folded name is that of a body in [`ISSUERS`].
fn is_issuer(folded: &str) -> bool {
    ISSUERS.iter().any(|i| scout_taxonomy::fold(i) == folded)
}

/// Bodies that issue certifications.
const ISSUERS: &[&str] = &[
    "amazon web services",
    "aws",
    "microsoft",
    "google",
    "google cloud",
    "oracle",
    "cisco",
    "comptia",
    "isc2",
    "(isc)2",
    "isaca",
    "pmi",
    "project management institute",
    "axelos",
    "peoplecert",
    "scrum.org",
    "scrum alliance",
    "istqb",
    "the linux foundation",
    "linux foundation",
    "cncf",
    "hashicorp",
    "databricks",
    "snowflake",
    "salesforce",
    "tableau",
    "hubspot",
    "hubspot academy",
    "coursera",
    "udemy",
    "edx",
    "linkedin learning",
    "red hat",
    "vmware",
    "sap",
    "acca",
    "aicpa",
    "cfa institute",
    "shrm",
    "cipd",
    "iiba",
    "itil",
    // course platforms and bodies seen after certifications in public résumés
    "ibm",
    "meta",
    "deeplearning.ai",
    "mongodb",
    "mongodb university",
    "stanford online",
    "hackerrank",
    "datacamp",
    "udacity",
    "pluralsight",
    "google digital garage",
    "freecodecamp",
    "kaggle",
    "simplilearn",
    "great learning",
    "nptel",
    "ec-council",
    "offensive security",
    "cisco networking academy",
    "microsoft learn",
    "adobe",
    "autodesk",
    "nvidia",
    "servicenow",
    "scaled agile",
    "icagile",
    "apmg international",
    "bcs",
    "iapp",
    "cima",
    "icaew",
];

/// Words that end a certification's own name after a dash, and that never
/// stand alone as one ("Foundation Level" under "ISTQB Certified Tester" in a
/// narrow column is the end of its name).
const LEVELS: &[&str] = &[
    "associate",
    "professional",
    "foundation",
    "foundation level",
    "practitioner",
    "specialty",
    "expert",
    "fundamentals",
    "developer",
    "administrator",
    "architect",
    "engineer",
    "advanced",
    "intermediate",
    "beginner",
    "master",
    "level 1",
    "level 2",
    "level 3",
    "level i",
    "level ii",
    "level iii",
    "part 1",
    "part 2",
];

/// Who issued a certification, written after it: "ISTQB Certified Tester —
/// ISTQB, 2020", "PMP | PMI", "CCNA, Cisco". A last part after a spaced dash
/// or bar is the issuer when a date followed it and it is not a level of the
/// certification itself ("Solutions Architect – Associate"), or when it
/// names a body that issues certifications; after a comma only the latter
/// ("Oracle Certified Professional, Java SE 11 Developer" keeps its part).
fn without_issuer(text: &str, dated: bool) -> &str {
    let Some((at, sep)) = [" — ", " – ", " - ", " | ", ", "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|(at, _)| *at)
    else {
        return text;
    };
    let tail = scout_taxonomy::fold(text[at + sep.len()..].trim());
    let head = text[..at].trim();
    if head.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return text;
    }
    // a body that issues certifications, or a school ("… – University of
    // Pennsylvania", the partner of an online course)
    let issuer = is_issuer(&tail) || super::schools::is_school(&tail);
    let dash = sep != ", ";
    if issuer || (dash && dated && !LEVELS.contains(&tail.as_str())) {
        head
    } else {
        text
    }
}

/// Whether a text ends with an acronym in brackets: "Administrator (CKA)".
fn ends_with_acronym(text: &str) -> bool {
    text.strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .is_some_and(|(_, inside)| {
            inside.len() >= 2 && inside.chars().all(|c| c.is_ascii_uppercase())
        })
}

/// Labels written before one certification on its line.
const CERTIFICATION_LABELS: &[&str] = &[
    "zertifikat",
    "zertifizierung",
    "certificate",
    "certification",
    "certificat",
    "certificado",
    "certificacion",
    "license",
    "licence",
];

/// A certification without the licence or credential number written after
/// it ("… — License #303872", "…, Credential ID 8F3K", "… (Nr. 40012)").
fn without_number(text: &str) -> &str {
    const NUMBER_WORDS: &[&str] = &[
        "license",
        "licence",
        "lic.",
        "lic ",
        "credential",
        "id ",
        "id:",
        "no.",
        "nr.",
        "number",
        "#",
        "cert no",
        "certificate no",
    ];
    let lower = text.to_lowercase();
    [" — ", " – ", " - ", ", ", " | ", " ("]
        .iter()
        .filter_map(|sep| {
            lower.match_indices(sep).find_map(|(at, _)| {
                let tail = &lower[at + sep.len()..];
                let numbered = tail.chars().any(|c| c.is_ascii_digit());
                (numbered && NUMBER_WORDS.iter().any(|w| tail.starts_with(w))).then_some(at)
            })
        })
        .min()
        .map_or(text, |at| text[..at].trim_end())
}

/// Whether a line names an award, an honour or a distinction rather than
/// a certification ("President's Club 2022", "Employee of the Quarter",
/// "Dean's List").
fn is_award(line: &str) -> bool {
    const AWARD_WORDS: &[&str] = &[
        "award",
        "awards",
        "awarded",
        "club",
        "of the year",
        "of the quarter",
        "of the month",
        // "Certificate of Appreciation": thanks, a prize or attendance, not
        // a professional certification
        "certificate of appreciation",
        "certificate of achievement",
        "certificate of excellence",
        "certificate of merit",
        "certificate of recognition",
        "certificate of participation",
        "certificate of attendance",
        "certificat de participation",
        "teilnahmebescheinigung",
        "certificado de participación",
        "certificado de asistencia",
        "winner",
        "prize",
        "honoree",
        "honor roll",
        "honour roll",
        "dean's list",
        "deans list",
        "scholarship",
        "medal",
        "finalist",
        "hackathon",
        "preis",
        "auszeichnung",
        "premio",
        "prix",
    ];
    let lower = line.to_lowercase().replace('’', "'");
    AWARD_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Markdown links as their text: "[Oracle Certified Associate](https://…)".
fn without_markdown_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(close) = rest[mid..].find(')').map(|c| mid + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A line without the web addresses written in it ("PMP https://bit.ly/x
/// May 2020": the badge's address is no part of the name).
fn without_urls(line: &str) -> String {
    line.split(' ')
        .filter(|w| {
            let w = w.trim_start_matches(['(', '<']).to_ascii_lowercase();
            !(w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lines of a certifications section that name none: the buttons and
/// links a saved page shows ("Show credential ↗", "Link to Certificate"),
/// one not obtained yet ("… – in progress, exam expected June 2027"), a
/// membership, a course that led to one, a sentence describing the one
/// above.
fn names_no_certification(line: &str) -> bool {
    const CHROME: &[&str] = &[
        "show credential",
        "see credential",
        "view credential",
        "link to certificate",
        "view certificate",
        "verify",
        "verify credential",
        "nothing to see for now",
        "show all",
        "see more",
        "credential url",
    ];
    const NOT_YET: &[&str] = &[
        "in progress",
        "expected",
        "pursuing",
        "preparing for",
        "en cours",
        "in vorbereitung",
        "en curso",
        "en preparacion",
    ];
    const MEMBERSHIP: &[&str] = &["member of ", "membre ", "mitglied ", "miembro "];
    const COURSE_LABELS: &[&str] = &[
        "course",
        "preparation course",
        "training",
        "formation",
        "kurs",
        "curso",
    ];
    let f = scout_taxonomy::fold(line);
    let bare = f.trim_matches(|c: char| !c.is_alphanumeric());
    if CHROME.contains(&bare) || names_a_driving_licence(line) {
        return true;
    }
    let padded = format!(" {f} ");
    if NOT_YET.iter().any(|w| padded.contains(&format!(" {w} "))) {
        return true;
    }
    if MEMBERSHIP.iter().any(|w| bare.starts_with(w)) {
        return true;
    }
    if let Some((label, _)) = line.split_once(':') {
        let label = scout_taxonomy::fold(label);
        if COURSE_LABELS.contains(&label.trim_matches(|c: char| !c.is_alphanumeric())) {
            return true;
        }
    }
    // "Workplace first-aid course (1 day)": a course or a training, unless
    // it says it is certified
    let words: Vec<&str> = f.split(' ').collect();
    if [
        "course",
        "training",
        "workshop",
        "seminar",
        "kurs",
        "formation",
        "curso",
    ]
    .iter()
    .any(|w| words.contains(w))
        && !says_certified(line)
    {
        return true;
    }
    let t = line.trim();
    t.ends_with('.') && t.split_whitespace().count() >= 6 && !says_certified(t)
}

/// Certifications: one a line (a name wrapped in a narrow column joined
/// back), bullets and a trailing date taken off; a place and a date
/// ("München, den 01.10.2026", a signature) is none, nor is what
/// [`names_no_certification`] tells.
pub fn certifications(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // "Certifications: A; B": items apart by semicolons
    let items: Vec<String> = unwrapped_certifications(lines)
        .iter()
        .flat_map(|l| {
            l.split(';')
                .map(|p| p.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    for line in &items {
        let first = line.split(',').next().unwrap_or(line).trim();
        if scout_taxonomy::geocode(first).is_some() && !years_in(line).is_empty() {
            continue;
        }
        // "President's Club (2022)", "Employee of the Quarter": an award
        // listed with the certifications is none
        if is_award(line) {
            continue;
        }
        // "**PMP**": emphasis marks are no part of the name
        let line = &line.replace("**", "").replace("__", "");
        // "Zertifikat: CKA", "Certification : PMP": the label goes
        let line = match line.split_once(':') {
            Some((label, rest))
                if CERTIFICATION_LABELS.contains(&scout_taxonomy::fold(label).as_str()) =>
            {
                rest.trim().to_owned()
            }
            _ => line.clone(),
        };
        // "[AWS Certified …](https://credly…), Mar 2024": the link's text
        let line = &without_urls(&without_markdown_links(&line));
        if names_no_certification(line) {
            continue;
        }
        let text = without_leading_date(
            line.trim()
                .trim_start_matches(['•', '*', '-', '▪', '◦', '‣', '●'])
                .trim(),
        );
        let mut text = text.to_owned();
        let mut dated = false;
        if let Some(span) = find_span(&text) {
            text = text[..span.from].to_owned();
            dated = true;
        } else if let Some(year) = years_in(&text).last() {
            if let Some(at) = text.rfind(&year.to_string()) {
                text = text[..at].to_owned();
                // "…, May 2020": the month went with its year
                if let Some((head, month)) = text.trim_end().rsplit_once(' ') {
                    if is_month_word(month.trim_end_matches([',', '.'])) {
                        text = head.to_owned();
                    }
                }
                dated = true;
            }
        }
        // "PMP (expedido en 2020)", "(issued 2021)": the words that opened a
        // bracket before the date went with it
        if dated && text.matches('(').count() > text.matches(')').count() {
            if let Some(open) = text.rfind('(') {
                text.truncate(open);
            }
        }
        // "Certificación PMP, obtenida en 2020.": the words after the name
        // that said when it was obtained went with the date
        if dated {
            if let Some((name, tail)) = text.trim_end().rsplit_once(',') {
                if !tail.trim().is_empty()
                    && tail
                        .split_whitespace()
                        .all(|w| w.chars().all(char::is_lowercase))
                {
                    text = name.to_owned();
                }
            }
        }
        let text = without_number(&text);
        let text = without_issuer(trim_tail(text), dated);
        let text = without_generic_noun(trim_tail(text)).to_owned();
        if text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && (looks_like_certification(&text) || names_its_issuer(line))
            && !out.contains(&text)
        {
            out.push(text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_and_levels(langs: &[CvLanguage]) -> Vec<(&str, Option<&str>)> {
        langs
            .iter()
            .map(|l| (l.name.as_str(), l.level.as_deref()))
            .collect()
    }

    #[test]
    fn skills_of_lists_and_tables() {
        assert_eq!(
            skills_of_list_line("Primary Skills: Java, Spring Boot, CI/CD"),
            ["Java", "Spring Boot", "CI/CD"]
        );
        assert_eq!(
            skills_of_list_line("Docker Terraform AWS"),
            ["Docker", "Terraform", "Amazon Web Services"]
        );
    }

    #[test]
    fn skills_in_sentences_are_the_unmistakable_ones() {
        let found: Vec<&str> = skills_named(
            "Delivered projects using Employer Branding and PostgreSQL; mentored two colleagues in Onboarding. Go to market with Excel",
            true,
        )
        .into_iter()
        .map(|(s, _)| s)
        .collect();
        assert_eq!(found, ["Employer Branding", "PostgreSQL"]);
    }

    #[test]
    fn languages_with_levels_in_four_languages() {
        let langs = languages(&[
            "English (Native), French (Professional working proficiency)",
            "Deutsch: Muttersprache",
            "Inglés – avanzado (C1)",
            "Hindi",
            "Native speaker",
            "italien : notions",
        ]);
        let got = names_and_levels(&langs);
        assert_eq!(
            got,
            [
                ("english", Some("native_or_bilingual")),
                ("french", Some("professional_working")),
                ("german", Some("native_or_bilingual")),
                ("hindi", Some("native_or_bilingual")),
                ("italian", Some("elementary")),
            ]
        );
    }

    #[test]
    fn a_level_apart_from_its_language_and_a_state_after_a_town() {
        let langs = languages(&["Spanish · Native", "English · Fluent"]);
        let got = names_and_levels(&langs);
        assert_eq!(
            got,
            [
                ("spanish", Some("native_or_bilingual")),
                ("english", Some("full_professional"))
            ]
        );
        // "MA" after a town is Massachusetts, not Mergers & Acquisitions
        assert!(skills_named("Kaiser Permanente — Boston, MA", true).is_empty());
    }

    #[test]
    fn awards_and_labels_beside_certifications() {
        assert_eq!(
            certifications(&[
                "Zertifikat: Certified Kubernetes Administrator (CKA)",
                "President's Club, Stripe (2022)",
                "Employee of the Quarter, Q3 2021",
                "Certification : PMP",
                "AWS Certified Developer – Associate",
            ]),
            [
                "Certified Kubernetes Administrator (CKA)",
                "PMP",
                "AWS Certified Developer – Associate"
            ]
        );
        assert_eq!(
            certifications(&[
                "Google Ads Search Certification — License #303873",
                "PMP, Credential ID 8F3K29",
                "CKA (Nr. 40012)",
            ]),
            ["Google Ads Search Certification", "PMP", "CKA"]
        );
        // a word inside another is no award ("Clubhouse" is no club)
        assert!(!is_award("Clubhouse Community Manager Certificate"));
        // a certificate of thanks or attendance is none
        assert_eq!(
            certifications(&[
                "Certificate of Appreciation for on-time delivery (2021)",
                "Certificate of Participation – Smart India Hackathon",
                "PRINCE2 Foundation",
            ]),
            ["PRINCE2 Foundation"]
        );
    }

    #[test]
    fn certifications_one_a_line() {
        assert_eq!(
            certifications(&[
                "• PMP (2021)",
                "Oracle Certified Professional, Java SE 11 Developer",
                "AWS Certified Solutions Architect – Associate"
            ]),
            [
                "PMP",
                "Oracle Certified Professional, Java SE 11 Developer",
                "AWS Certified Solutions Architect – Associate"
            ]
        );
    }

    #[test]
    fn certifications_under_linkedin_issuer_lines_and_bracketed_dates() {
        assert_eq!(
            certifications(&[
                "Professional Scrum Product Owner (PSPO I)",
                "Scrum.org",
                "Issued Mar 2021 · Expires Mar 2024",
                "Credential ID 232-0XK7",
                "PMP (expedido en 2020)",
                "CPA",
                "ACCA",
            ]),
            [
                "Professional Scrum Product Owner (PSPO I)",
                "PMP",
                "CPA",
                "ACCA"
            ]
        );
        assert_eq!(level_of("Native proficiency"), Some("native_or_bilingual"));
    }

    #[test]
    fn certifications_in_tables_labelled_lines_and_sentences() {
        // a table read a cell a line, under its header row
        assert_eq!(
            certifications(&["Certification", "Issuer", "Year", "PMP", "PMI", "2020"]),
            ["PMP"]
        );
        // items apart by semicolons
        assert_eq!(
            certifications(&["CKA; Scrum Master (PSM I)"]),
            ["CKA", "Scrum Master (PSM I)"]
        );
        // a sentence: the generic noun and when it was obtained go
        assert_eq!(
            certifications(&["Certificación PMP, obtenida en 2021."]),
            ["PMP"]
        );
        assert!(says_certified("Certificación PMP, obtenida en 2021."));
        assert!(!says_certified(
            "Coursera – Machine Learning (Stanford Online)"
        ));
    }

    #[test]
    fn certifications_without_their_issuer_or_date() {
        assert_eq!(
            certifications(&[
                "ISTQB Certified Tester Foundation Level — ISTQB, 2020",
                "Professional Scrum Product Owner (PSPO I) — Scrum.org",
                "2021 : Google Ads Search Certification",
                "04/2022 – Certified Kubernetes Administrator (CKA)",
                "AWS Certified Solutions Architect – Associate (2021)",
                "CCNA, Cisco",
                "Tableau Desktop Specialist - Tableau, 2019",
                "Machine Learning – Stanford Online (Oct 2020)",
                "English for Career Development – University of Pennsylvania (Nov 2020)",
            ]),
            [
                "ISTQB Certified Tester Foundation Level",
                "Professional Scrum Product Owner (PSPO I)",
                "Google Ads Search Certification",
                "Certified Kubernetes Administrator (CKA)",
                "AWS Certified Solutions Architect – Associate",
                "CCNA",
                "Tableau Desktop Specialist",
                "Machine Learning",
                "English for Career Development",
            ]
        );
    }

    #[test]
    fn a_table_of_certifications_gives_the_names_column_only() {
        assert_eq!(
            certifications(&[
                "Certification",
                "Issuing body",
                "Date",
                "Credential no.",
                "PRINCE2 Foundation",
                "Professional body",
                "03/2019",
                "CR-0400-0",
                "AZ-305",
                "Microsoft",
                "04/2020",
                "CR-0400-1",
            ]),
            ["PRINCE2 Foundation", "AZ-305"]
        );
        assert!(skills_named("Driving licence: full, clean (category B)", true).is_empty());
    }

    #[test]
    fn lines_beside_certifications_that_name_none() {
        assert_eq!(
            certifications(&[
                "- **PMP** – Project Management Institute *(Sep 2020)*",
                "  [Link to Certificate](https://www.credly.com/badges/1)",
                "    - Preparation course: *Scrum fundamentals* (online, 20 hours)",
                "Show credential ↗",
                "Certified Kubernetes Administrator (CKA)",
                "Proves the ability to run clusters of this kind to a professional standard.",
                "Certified Information Systems Auditor (CISA) – in progress, exam expected June 2027",
                "Member of the national professional association since 2019",
                "Nothing to see for now",
                "Workplace first-aid course (1 day), renewed yearly",
            ]),
            ["PMP", "Certified Kubernetes Administrator (CKA)"]
        );
    }

    #[test]
    fn certifications_as_links_and_beside_their_badges() {
        assert_eq!(
            certifications(&[
                "- [AWS Certified Data Engineer - Associate](https://www.credly.com/badges/4d78), Nov 2024",
                "PMP https://bit.ly/36B3uAY May 2020",
            ]),
            ["AWS Certified Data Engineer - Associate", "PMP"]
        );
    }

    #[test]
    fn languages_apart_by_wide_spaces_and_labels_of_one_line_lists() {
        let langs = languages(&["English (Native)  Spanish (Basic)"]);
        assert_eq!(langs.len(), 2);
        assert_eq!(langs[1].level.as_deref(), Some("elementary"));
        assert_eq!(
            list_label("- Main technologies"),
            Some(super::super::sections::Section::Skills)
        );
        assert_eq!(
            list_label("Certificate"),
            Some(super::super::sections::Section::Certifications)
        );
        assert_eq!(list_label("Responsibilities"), None);
        assert_eq!(
            list_label("Spoken"),
            Some(super::super::sections::Section::Languages)
        );
        assert!(names_no_language(" Java, Python, Go"));
        assert!(!names_no_language(" English, Java"));
        // "Boston MA": a state's code after its town
        let found: Vec<&str> = skills_named("Somerville MA USA and Boston MA", true)
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert!(found.is_empty(), "{found:?}");
    }
}

/// A certification's name wrapped in a narrow column (a sidebar, a table
/// cell) is joined back wherever it was cut, with or without a date after
/// it; names that end where their line ends stay apart.
#[cfg(test)]
mod wrapped_names {
    use super::certifications;

    const NAMES: &[&str] = &[
        "AWS Certified Solutions Architect – Associate",
        "Oracle Certified Professional, Java SE 11 Developer",
        "Microsoft Certified: Power BI Data Analyst Associate",
        "Databricks Certified Data Engineer Associate",
        "Google Cloud Professional Data Engineer",
        "Certified Kubernetes Administrator (CKA)",
        "HashiCorp Certified: Terraform Associate",
        "Professional Scrum Product Owner (PSPO I)",
        "HubSpot Inbound Marketing Certification",
        "ISTQB Certified Tester Foundation Level",
        "Oracle Certified Associate, Java SE 8 Programmer",
        "Certified Information Systems Security Professional",
        "Lean Six Sigma Green Belt",
    ];

    #[test]
    fn a_name_cut_in_two_or_three_lines_is_joined_back() {
        for name in NAMES {
            let words: Vec<&str> = name.split(' ').collect();
            for a in 1..words.len() {
                for b in a..words.len() {
                    let mut parts = vec![words[..a].join(" ")];
                    if b > a {
                        parts.push(words[a..b].join(" "));
                    }
                    parts.push(words[b..].join(" "));
                    for (bullet, date) in [("", ""), ("• ", ""), ("", " (2021)"), ("", ", 2020")]
                    {
                        let mut lines = parts.clone();
                        lines[0] = format!("{bullet}{}", lines[0]);
                        if let Some(tail) = lines.last_mut() {
                            tail.push_str(date);
                        }
                        lines.push("PMP".to_owned());
                        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                        assert_eq!(certifications(&lines), [*name, "PMP"], "{lines:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn names_that_end_where_their_line_ends_stay_apart() {
        let names = [
            "PMP",
            "CPA",
            "ACCA",
            "CISSP",
            "ITIL 4 Foundation",
            "Six Sigma Green Belt",
            "Certified ScrumMaster (CSM)",
            "CompTIA Security+",
            "Microsoft Azure Fundamentals (AZ-900)",
            "Cisco CCNA",
            "Chartered Accountant",
            "Registered Nurse",
            "Scrum Master",
            "Salesforce Certified Administrator",
            "DELF B2",
            "Google Analytics Individual Qualification",
            "CFA Level II",
            "AWS Certified Cloud Practitioner",
            "Red Hat Certified Engineer",
            "Tableau Desktop Specialist",
            "PRINCE2 Practitioner",
            "Google Project Management Certificate",
            "TOEIC 950",
            "Series 7",
        ];
        for pair in names.windows(2) {
            assert_eq!(certifications(pair), pair);
        }
    }

    #[test]
    fn lines_that_name_no_certification_are_left_out() {
        // the lines of a section whose heading was set like body text, a
        // driving licence, an issuer and a year in cells of their own
        assert_eq!(
            certifications(&[
                "PMP",
                "Conferences & talks",
                "Speaker, Pune Tech Summit 2023",
                "Available on request",
                "Driving licence",
                "Full licence, category B",
                "Führerschein Klasse B",
                "HubSpot Inbound Marketing Certification",
                "HubSpot Academy · 2019",
                "AWS Certified Cloud Practitioner",
                "Amazon Web Services (AWS) · 2022",
            ]),
            [
                "PMP",
                "HubSpot Inbound Marketing Certification",
                "AWS Certified Cloud Practitioner"
            ]
        );
    }
}
