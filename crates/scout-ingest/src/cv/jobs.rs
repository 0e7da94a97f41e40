//! Jobs as units — title, employer, start, end — from an experience
//! section, however they are laid out. A date range anchors each job
//! (`dates.rs`); the title and employer are found around it:
//! - on the same line (`2024–now · Data Engineer, Cognizant`, `Engineer,
//!   Acme⇥Jan 2019 – Present`, `Depuis mars 2021 : Analyste chez Orange`);
//! - in a sentence (`Worked for Acme, from Mar 2016 to Nov 2018 in the
//!   designation of Associate`, `Currently associated with Acme as Lead
//!   since Jun 2020`);
//! - on the one or two lines before the dates (`Title — Company` / dates, or
//!   `Title` / `Company` / dates), or after them when the section writes
//!   dates first (a table of dates and roles).
//!
//! Which of two lines is the title is told by what titles look like (the
//! title gazetteer, career families and the words titles end with); a
//! place after the employer (`N26, Stuttgart`) is left out.

use scout_taxonomy::titles::{family_of, is_known_title};
use scout_taxonomy::{fold, geocode, us_state, GeoKind};

use super::dates::{find_span, Span};
use super::CvExperience;

/// Words a job title ends with (folded), in the four languages read.
const TITLE_HEADS: &[&str] = &[
    "engineer",
    "manager",
    "developer",
    "analyst",
    "consultant",
    "director",
    "lead",
    "head",
    "specialist",
    "executive",
    "nurse",
    "accountant",
    "recruiter",
    "designer",
    "associate",
    "intern",
    "officer",
    "architect",
    "scientist",
    "administrator",
    "coordinator",
    "assistant",
    "technician",
    "founder",
    "president",
    "chief",
    "teacher",
    "programmer",
    "tester",
    "owner",
    "partner",
    "editor",
    "writer",
    "controller",
    "auditor",
    "advisor",
    "adviser",
    "representative",
    "agent",
    "supervisor",
    "operator",
    "strategist",
    "researcher",
    "physician",
    "pharmacist",
    "lawyer",
    "attorney",
    "chef",
    "electrician",
    "trainee",
    "apprentice",
    "ingenieur",
    "ingenieure",
    "responsable",
    "chef de projet",
    "directeur",
    "directrice",
    "analyste",
    "developpeur",
    "developpeuse",
    "gerente",
    "jefe",
    "jefa",
    "desarrollador",
    "desarrolladora",
    "ingeniero",
    "ingeniera",
    "analista",
    "entwickler",
    "entwicklerin",
    "leiter",
    "leiterin",
    "berater",
    "beraterin",
    "referent",
    "referentin",
    "sachbearbeiter",
    "werkstudent",
];

/// Whether a text reads as a job title.
pub fn title_like(text: &str) -> bool {
    let f = fold(text);
    if f.is_empty() {
        return false;
    }
    is_known_title(text)
        || family_of(text).is_some()
        || TITLE_HEADS
            .iter()
            .any(|h| f.ends_with(&format!(" {h}")) || f == *h || f.starts_with(&format!("{h} ")))
}

/// Separators between a title and an employer, strongest first.
const ROLE_SEPARATORS: &[&str] = &[
    "\t", " — ", " – ", " | ", " @ ", " at ", " chez ", " bei ", " en ", " with ", ", ", " - ",
    " · ",
];

/// Marks trimmed off the ends of what is left of a line once its dates
/// are taken out.
const EDGE_MARKS: &[char] = &[
    ' ', '\t', '·', '|', ':', ',', '-', '–', '—', '(', ')', '•', '.', ';', '/', '*', '_',
];

/// A line without Markdown's heading marks and emphasis (`### Title, Acme`,
/// `*2019 – present*`, `**Title**`); a bullet's `* ` stays.
fn plain(line: &str) -> &str {
    let t = line.trim().trim_start_matches('#').trim();
    let emphasis = (t.starts_with('*') && !t.starts_with("* ")) || t.starts_with('_');
    let t = if emphasis {
        t.trim_matches(['*', '_']).trim()
    } else {
        t
    };
    without_employment_type(t)
}

/// Kinds of employment written after an employer ("Stripe · Full-time",
/// as LinkedIn writes them), folded. (Not *freelance* or *self-employed*:
/// "Designer — Freelance" names who the person worked for.)
const EMPLOYMENT_TYPES: &[&str] = &[
    "full time",
    "part time",
    "contract",
    "internship",
    "temporary",
    "permanent",
    "apprenticeship",
    "seasonal",
    "vollzeit",
    "teilzeit",
    "cdi",
    "cdd",
    "alternance",
    "jornada completa",
];

/// The line without a kind of employment after a separator.
fn without_employment_type(line: &str) -> &str {
    for sep in [" · ", " | ", " – ", " — ", " - ", ", "] {
        if let Some((head, tail)) = line.rsplit_once(sep) {
            if !head.trim().is_empty() && EMPLOYMENT_TYPES.contains(&fold(tail).as_str()) {
                return head.trim();
            }
        }
    }
    line
}

/// "Boston MA", "Austin TX USA": a US town and its state's code written
/// without commas, as "Boston, MA" (which the place data reads).
pub(super) fn us_town_and_state(text: &str) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words
        .last()
        .is_some_and(|w| matches!(fold(w).as_str(), "usa" | "us" | "u s a"))
    {
        words.pop();
    }
    let (code, town) = words.split_last()?;
    let is_code = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
    (is_code
        && !town.is_empty()
        && !town.iter().any(|w| w.ends_with(','))
        && us_state(code).is_some())
    .then(|| format!("{}, {code}", town.join(" ")))
}

/// Whether a text is a place the place data knows, as written or as a
/// comma-less US town ("Boston MA").
fn is_place(text: &str) -> bool {
    geocode(text).is_some()
        || us_town_and_state(text)
            .and_then(|t| geocode(&t))
            .is_some_and(|g| g.kind == GeoKind::City)
}

/// Where a job was done when it was done nowhere in particular, folded.
const REMOTE_WORDS: &[&str] = &[
    "remote",
    "remote job",
    "remotely",
    "fully remote",
    "hybrid",
    "on site",
    "onsite",
    "work from home",
    "teletravail",
    "remoto",
    "homeoffice",
];

/// Whether a text only says the job was done nowhere in particular.
pub(super) fn is_remote(text: &str) -> bool {
    REMOTE_WORDS.contains(&fold(text).as_str())
}

/// An employer without a place after it (`N26, Stuttgart`, `Monzo ·
/// London`, `Arup (Bristol)` → the name alone).
/// A town and its country both go: `Capgemini — Lyon, France`.
fn without_place(company: &str) -> String {
    let mut company = company.trim().trim_matches(EDGE_MARKS);
    // "Salesforce, Austin, TX": a town and its state's code (which alone
    // names no place)
    let parts: Vec<&str> = company.rsplitn(3, ", ").collect();
    if let [state, town, name] = parts.as_slice() {
        let code = state.len() == 2 && state.chars().all(|c| c.is_ascii_uppercase());
        if code
            && !name.trim().is_empty()
            && geocode(&format!("{town}, {state}")).is_some_and(|g| g.kind == GeoKind::City)
        {
            company = name.trim();
        }
    }
    for _ in 0..2 {
        let Some(name) = [", ", " · ", " | ", " - ", " – ", " — ", " (", "\t"]
            .iter()
            .find_map(|sep| {
                let (name, place) = company.rsplit_once(sep)?;
                let place = place.trim().trim_end_matches(')');
                (is_place(place) && !name.trim().is_empty()).then_some(name.trim())
            })
        else {
            break;
        };
        company = name;
    }
    company.to_owned()
}

/// `Title — Company`, `Title at Company`, `Company | Title`…: (title, company).
/// A town after both is left out (`Title, Acme — Pune`).
pub fn split_role(text: &str) -> Option<(String, String)> {
    let text = text.trim().trim_matches(EDGE_MARKS);
    let shorter = without_place(text);
    if shorter.len() < text.len() && ROLE_SEPARATORS.iter().any(|s| shorter.contains(s)) {
        return split_role(&shorter);
    }
    for sep in ROLE_SEPARATORS {
        if let Some((a, b)) = text.split_once(sep) {
            let (a, b) = (
                a.trim().trim_matches(EDGE_MARKS),
                b.trim().trim_matches(EDGE_MARKS),
            );
            if a.is_empty() || b.is_empty() {
                continue;
            }
            // ", " also parts an employer from its town: "Acme, London";
            // and any separator before a place alone: "Acme - Pune, India"
            if *sep == ", " && geocode(b).is_some() && !title_like(a) {
                continue;
            }
            if says_no_role(b) && !title_like(a) {
                continue;
            }
            return Some(if title_like(b) && !title_like(a) {
                (b.to_owned(), without_place(a))
            } else {
                (a.to_owned(), without_place(b))
            });
        }
    }
    None
}

/// A job told in a sentence: "Worked for Acme, … in the designation of
/// Associate", "Currently working with Acme, … as Lead", "associated with
/// Acme as Lead".
fn prose_role(text: &str) -> Option<(String, String)> {
    const EMPLOYER_CUES: &[&str] = &[
        "working with ",
        "working for ",
        "working at ",
        "worked with ",
        "worked for ",
        "worked at ",
        "associated with ",
        "employed with ",
        "employed at ",
        "employed by ",
        "serving ",
    ];
    const TITLE_CUES: &[&str] = &[
        "designation of ",
        " as a ",
        " as an ",
        " as ",
        " als ",
        " comme ",
        " como ",
    ];
    const EMPLOYER_ENDS: &[&str] = &[",", " as ", " in the ", " from ", " since ", ".", " where "];
    const TITLE_ENDS: &[&str] = &[
        ",", ".", " from ", " since ", " at ", " with ", " for ", " in ",
    ];
    let lower = text.to_lowercase();
    let cut = |from: usize, ends: &[&str]| -> String {
        let rest = &text[from..];
        let lower_rest = &lower[from..];
        let end = ends
            .iter()
            .filter_map(|e| lower_rest.find(e))
            .min()
            .unwrap_or(rest.len());
        rest[..end].trim().trim_matches(EDGE_MARKS).to_owned()
    };
    let company = EMPLOYER_CUES
        .iter()
        .find_map(|c| lower.find(c).map(|i| cut(i + c.len(), EMPLOYER_ENDS)))?;
    let title = TITLE_CUES
        .iter()
        .find_map(|c| lower.find(c).map(|i| cut(i + c.len(), TITLE_ENDS)))?;
    (!company.is_empty() && !title.is_empty()).then_some((title, company))
}

/// A line that can carry a title or an employer: short, no dates, not a
/// bullet point nor a sentence.
fn header_like(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.split_whitespace().count() <= 10
        && t.len() <= 90
        && !t.starts_with(['•', '-', '*', '▪', '◦', '‣', '●', '–'])
        && !t.ends_with('.')
        && find_span(t).is_none()
}

/// Whether a text only says how long a job lasted: "(2 years 3 months)",
/// "3 yrs 2 mos", "1 an 4 mois", "2 Jahre".
fn is_duration(text: &str) -> bool {
    const UNITS: &[&str] = &[
        "year", "years", "yr", "yrs", "month", "months", "mo", "mos", "an", "ans", "annee",
        "annees", "mois", "jahr", "jahre", "monat", "monate", "ano", "anos", "mes", "meses",
    ];
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.iter().any(|w| UNITS.contains(w))
        && words.iter().all(|w| {
            UNITS.contains(w)
                || w.chars().all(|c| c.is_ascii_digit())
                || *w == "and"
                || *w == "less"
                || *w == "than"
        })
}

/// Whether what is left of a dates line names no role: nothing, or only
/// where the job was done ("*05.2023 - present* | Madrid").
fn says_no_role(rest: &str) -> bool {
    rest.is_empty() || (is_place(rest) && !title_like(rest))
}

/// The line with the dates taken out, and a duration beside them.
fn remainder(line: &str, span: &Span) -> String {
    let rest = format!("{} {}", &line[..span.from], &line[span.to..]);
    let mut rest = rest.trim().trim_matches(EDGE_MARKS).trim().to_owned();
    // "(3 years 10 months)" after the dates, LinkedIn's way
    if let Some(open) = rest.rfind('(') {
        if rest.ends_with(')') && is_duration(&rest[open + 1..rest.len() - 1]) {
            rest = rest[..open]
                .trim()
                .trim_matches(EDGE_MARKS)
                .trim()
                .to_owned();
        }
    }
    if is_duration(&rest) {
        rest.clear();
    }
    // "Title, Acme | Jun 2021 -- Present | Remote", "| Pune, India": a part
    // between bars that is only where the job was done says no role
    // (a lone place may be an employer's name: "Orange"; the lines around
    // say which, see `from_lines`)
    if rest.contains('|') {
        let kept: Vec<&str> = rest
            .split('|')
            .map(|p| p.trim().trim_matches(EDGE_MARKS).trim())
            .filter(|p| !p.is_empty() && !is_remote(p))
            .enumerate()
            .filter(|(i, p)| *i == 0 || !is_place(p))
            .map(|(_, p)| p)
            .collect();
        rest = kept.join(" | ");
    }
    if is_remote(&rest) {
        rest.clear();
    }
    rest
}

fn unit((title, company): (String, String), span: &Span) -> CvExperience {
    CvExperience {
        title,
        company,
        start: Some(span.start.iso()),
        end: span.end.map(|e| e.iso()),
    }
}

/// Title and employer from one or two header lines, nearest last.
fn from_lines(lines: &[&str]) -> Option<(String, String)> {
    match lines {
        [] => None,
        [one] => split_role(one).or_else(|| Some(((*one).trim().to_owned(), String::new()))),
        [a, b] => {
            if let Some(role) = split_role(b).filter(|_| !title_like(a)) {
                return Some(role);
            }
            // "### Nurse manager at BBVA" / "*05.2023 - present* | Madrid":
            // the first holds the role, the second where it was done
            if says_no_role(b) {
                if let Some(role) = split_role(a) {
                    return Some(role);
                }
            }
            let (a, b) = (a.trim(), b.trim());
            Some(if title_like(b) && !title_like(a) {
                (b.to_owned(), without_place(a))
            } else {
                (a.to_owned(), without_place(b))
            })
        }
        _ => None,
    }
}

/// A line with leader dashes or dots ("Acme, Engineer ------ Boston MA")
/// with a tab for each run of them, the separator they stand for.
pub(super) fn leaders_as_tabs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut run = 0;
    let mut pending = String::new();
    for c in line.chars() {
        if matches!(c, '-' | '.' | '_' | '–' | '—' | '…') {
            run += 1;
            pending.push(c);
            continue;
        }
        if run >= 4 {
            out.truncate(out.trim_end().len());
            out.push('\t');
            pending.clear();
            run = 0;
            if c == ' ' {
                continue;
            }
        }
        out.push_str(&pending);
        pending.clear();
        run = 0;
        if c == ' ' && out.ends_with('\t') {
            continue;
        }
        out.push(c);
    }
    if run >= 4 {
        out.truncate(out.trim_end().len());
    } else {
        out.push_str(&pending);
    }
    out
}

/// The title a line opens with, when it is one ("Search consultant.
/// Working closely with…", "Data Engineer").
fn title_opening(line: Option<&str>) -> Option<String> {
    let line = line?.trim();
    let end = line.find(['.', ',', ';', ':', '(']).unwrap_or(line.len());
    let head = line[..end].trim();
    (!head.is_empty() && head.split_whitespace().count() <= 6 && title_like(head))
        .then(|| head.to_owned())
}

/// The jobs of an experience section's lines (empty lines left out).
pub fn read(lines: &[&str]) -> Vec<CvExperience> {
    let lines: Vec<String> = lines.iter().map(|l| leaders_as_tabs(plain(l))).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let lines = lines.as_slice();
    let spans: Vec<Option<Span>> = lines.iter().map(|l| find_span(l)).collect();
    let anchors: Vec<usize> = (0..lines.len()).filter(|&i| spans[i].is_some()).collect();
    let Some(&first) = anchors.first() else {
        return Vec::new();
    };
    // dates written after the title (the usual way) or before it (tables)
    let dates_last = first > 0
        && header_like(lines[first - 1])
        && spans[first]
            .as_ref()
            .is_some_and(|s| says_no_role(&remainder(lines[first], s)));
    // the header line before a line, past one sentence that describes the
    // employer ("SAP, Stuttgart" / "A leading company in its sector." /
    // "Lead Engineer (Nov 2022 to Present)")
    let sentence = |l: &str| {
        let t = l.trim();
        t.ends_with('.') && t.split_whitespace().count() >= 3 && find_span(t).is_none()
    };
    let header_before = |i: usize, from: usize| -> Option<usize> {
        let k = i.checked_sub(1).filter(|&k| k >= from)?;
        if header_like(lines[k]) {
            return Some(k);
        }
        let k2 = k.checked_sub(1).filter(|&k2| k2 >= from)?;
        (sentence(lines[k]) && header_like(lines[k2])).then_some(k2)
    };
    // a job's other half is on the line before its dates when the first
    // job of the section has one there, else on the line after (the same
    // layout is kept all through a section)
    let lines_before = header_before(first, 0).is_some();
    // "Head of Product" / "02/2024 – heute" / "BMW Group": the title before
    // the dates and the employer after them (a table whose dates sit in the
    // left column beside title and employer, read in that order) — told by
    // the first job: one title-like line before its dates, an employer-like
    // line after them, and the next job's title before the next dates
    let second = anchors.get(1).copied();
    let bare = |i: usize| {
        spans[i]
            .as_ref()
            .is_some_and(|s| remainder(lines[i], s).is_empty())
    };
    let around = dates_last
        && bare(first)
        && (0..first).filter(|&k| header_like(lines[k])).count() == 1
        && title_like(lines[first - 1])
        && lines
            .get(first + 1)
            .is_some_and(|l| header_like(l) && !title_like(l) && find_span(l).is_none())
        && second.is_none_or(|s| s == first + 3 && title_like(lines[first + 2]));
    let mut out = Vec::new();
    let mut used_until = 0;
    for (n, &i) in anchors.iter().enumerate() {
        let Some(span) = spans[i].as_ref() else {
            continue;
        };
        let next_anchor = anchors.get(n + 1).copied().unwrap_or(lines.len());
        if around && bare(i) {
            let title = i
                .checked_sub(1)
                .filter(|&k| k >= used_until && header_like(lines[k]))
                .map(|k| lines[k].trim().to_owned());
            // the line after the dates, unless it is the next job's title
            let company = lines
                .get(i + 1)
                .filter(|_| i + 1 < next_anchor.saturating_sub(1) || next_anchor == lines.len())
                .filter(|l| header_like(l))
                .map(|l| without_place(l.trim()))
                .unwrap_or_default();
            if let Some(title) = title {
                out.push(unit((title, company), span));
            }
            used_until = i + 2;
            continue;
        }
        let rest = remainder(lines[i], span);
        if let Some(role) = prose_role(&rest) {
            out.push(unit(role, span));
            used_until = i + 1;
            continue;
        }
        if !rest.is_empty() {
            let mut took_next = false;
            let role = split_role(&rest).or_else(|| {
                // "Monzo · London" then "Recruiter | Aug 2020 – Aug 2022";
                // "seit 04/2025 ⇥ Marketing Manager" then "N26, Stuttgart"
                let previous = header_before(i, used_until)
                    .filter(|_| lines_before)
                    .map(|k| lines[k]);
                let next = lines
                    .get(i + 1)
                    .filter(|l| i + 1 < next_anchor && header_like(l));
                match (previous, next) {
                    (Some(previous), _) => from_lines(&[previous, rest.as_str()]),
                    (None, Some(next)) => {
                        // the next line is this job's: the next one may not take it
                        took_next = true;
                        from_lines(&[rest.as_str(), next])
                    }
                    (None, None) => Some((rest.clone(), String::new())),
                }
            });
            if let Some(role) = role {
                out.push(unit(role, span));
            }
            used_until = i + 1 + usize::from(took_next);
            continue;
        }
        let header: Vec<&str> = if dates_last {
            let mut before = Vec::new();
            let mut k = i;
            let mut skipped_place = false;
            while k > used_until && before.len() < 2 {
                k -= 1;
                if !header_like(lines[k]) {
                    break;
                }
                // "**Acme**" / "Mumbai, India" / "*Data Analyst*" / dates:
                // where the job was is neither its title nor its employer
                if !skipped_place && !before.is_empty() && says_no_role(lines[k]) {
                    skipped_place = true;
                    continue;
                }
                before.insert(0, lines[k]);
                // one line that holds both is enough
                if before.len() == 1 && split_role(lines[k]).is_some() {
                    break;
                }
            }
            before
        } else {
            lines[i + 1..next_anchor]
                .iter()
                .take(2)
                .take_while(|l| header_like(l))
                .copied()
                .collect()
        };
        let role = match header.as_slice() {
            // "Rakuten" / "Nov 2020 -- Present" / "Search consultant. Working
            // with…": an employer alone before the dates, the title opening
            // the line after them
            [employer] if dates_last && !title_like(employer) && split_role(employer).is_none() => {
                title_opening(lines.get(i + 1).filter(|_| i + 1 < next_anchor).copied())
                    .map(|title| (title, without_place(employer)))
                    .or_else(|| from_lines(&header))
            }
            _ => from_lines(&header),
        };
        if let Some(role) = role {
            out.push(unit(role, span));
        }
        used_until = if dates_last {
            i + 1
        } else {
            i + 1 + header.len()
        };
    }
    out.retain(|e| !e.title.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_employment_type_after_the_employer_is_no_part_of_it() {
        assert_eq!(plain("Stripe · Full-time"), "Stripe");
        assert_eq!(without_place("Salesforce, Austin, TX"), "Salesforce");
        assert_eq!(plain("Datadog | Part-time"), "Datadog");
        // who the person worked for, not how
        assert_eq!(
            plain("Freelance Frontend Engineer — Freelance"),
            "Freelance Frontend Engineer — Freelance"
        );
    }

    fn roles(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        read(&lines)
            .into_iter()
            .map(|e| (e.title, e.company, e.start, e.end))
            .collect()
    }

    fn r(
        t: &str,
        c: &str,
        s: &str,
        e: Option<&str>,
    ) -> (String, String, Option<String>, Option<String>) {
        (t.into(), c.into(), Some(s.into()), e.map(str::to_owned))
    }

    #[test]
    fn layouts_of_resumes_people_wrote_themselves() {
        // leader dashes, the employer in capitals, an open "2024-"
        assert_eq!(
            roles("2024-        STRIPE, Senior Data Engineer ---------------- Austin TX\n     Built things.\n2018-2023    ACCENTURE, Data Engineer ------------------- Austin TX"),
            [
                r("Senior Data Engineer", "STRIPE", "2024-01-01", None),
                r("Data Engineer", "ACCENTURE", "2018-01-01", Some("2023-01-01"))
            ]
        );
        // title, employer, dates and place between bars; "Remote"
        assert_eq!(
            roles("### Tech Lead, Incubyte | Jun 2021 -- Present | Pune, India\n- Led projects.\n### Project Engineer, Wipro | Sep 2020 -- Jun 2021 | Remote"),
            [
                r("Tech Lead", "Incubyte", "2021-06-01", None),
                r("Project Engineer", "Wipro", "2020-09-01", Some("2021-06-01"))
            ]
        );
        // "Title at Company" over "*dates* | place" or "| Remote job"
        assert_eq!(
            roles("### Nurse manager at BBVA\n*05.2023 - present* | Madrid\n* Led a ward;\n### Charge nurse at Indra\n*12.2020 - 01.2023* | Remote job"),
            [
                r("Nurse manager", "BBVA", "2023-05-01", None),
                r("Charge nurse", "Indra", "2020-12-01", Some("2023-01-01"))
            ]
        );
        // a job board's: title, "Company - City, Country", "Month YYYY to Present"
        assert_eq!(
            roles("Data Analyst\nHCL Technologies - Pune, India\nNovember 2022 to Present\n- Built reports."),
            [r("Data Analyst", "HCL Technologies", "2022-11-01", None)]
        );
        // employer, place, title and dates a line each
        assert_eq!(
            roles("**HCL Technologies**\nMumbai, India\n*Data Analyst*\nMar 2019 – Present\n- Built reports."),
            [r("Data Analyst", "HCL Technologies", "2019-03-01", None)]
        );
        // the employer alone over the dates, the title opening a sentence
        assert_eq!(
            roles("### Rakuten Group\nNov 2020 -- Present\nSearch Engineer. Working closely with business units.\n - Consulting"),
            [r("Search Engineer", "Rakuten Group", "2020-11-01", None)]
        );
    }

    #[test]
    fn an_employer_described_in_a_sentence_before_the_title_and_dates() {
        assert_eq!(
            roles("SAP, Stuttgart\nA leading company in its sector.\nLead Engineer (November 2022 to Present)\nSiemens, Munich\nA leading company in its sector.\nEngineer (May 2020 to November 2022)"),
            [
                r("Lead Engineer", "SAP", "2022-11-01", None),
                r("Engineer", "Siemens", "2020-05-01", Some("2022-11-01"))
            ]
        );
    }

    #[test]
    fn title_and_employer_before_the_dates() {
        assert_eq!(
            roles("Data Engineer — Monzo\nAug 2024 – Present\nBuilt pipelines.\nAnalyst — Wise\nOct 2022 – Aug 2024\n"),
            [
                r("Data Engineer", "Monzo", "2024-08-01", None),
                r("Analyst", "Wise", "2022-10-01", Some("2024-08-01"))
            ]
        );
        assert_eq!(
            roles("Head of Marketing\nInfosys\n10/2021 - 02/2025\nfor internal clients\nCopywriting\nMarketing Manager\nWipro\n05/2019 - 09/2021"),
            [
                r("Head of Marketing", "Infosys", "2021-10-01", Some("2025-02-01")),
                r("Marketing Manager", "Wipro", "2019-05-01", Some("2021-09-01"))
            ]
        );
    }

    #[test]
    fn dates_first_and_on_the_same_line() {
        assert_eq!(
            roles("seit 04/2025\nMarketing Manager\nN26, Stuttgart\n11/2022 – 04/2025\nMarketing Executive\nDelivery Hero, Stuttgart"),
            [
                r("Marketing Manager", "N26", "2025-04-01", None),
                r("Marketing Executive", "Delivery Hero", "2022-11-01", Some("2025-04-01"))
            ]
        );
        assert_eq!(
            roles("seit 04/2025\tMarketing Manager\nN26, Stuttgart\n11/2022 – 04/2025\tMarketing Executive\nDelivery Hero, Stuttgart"),
            [
                r("Marketing Manager", "N26", "2025-04-01", None),
                r("Marketing Executive", "Delivery Hero", "2022-11-01", Some("2025-04-01"))
            ]
        );
        assert_eq!(
            roles("Monzo · London\nRecruiter | Aug 2020 – Aug 2022\nHired 40 engineers.\nWise · London\nSourcer | Jan 2019 – Jul 2020"),
            [
                r("Recruiter", "Monzo", "2020-08-01", Some("2022-08-01")),
                r("Sourcer", "Wise", "2019-01-01", Some("2020-07-01"))
            ]
        );
        assert_eq!(
            roles("2024–now · Senior Data Engineer, Cognizant\n2022–2024 · Data Engineer, Infosys"),
            [
                r("Senior Data Engineer", "Cognizant", "2024-01-01", None),
                r("Data Engineer", "Infosys", "2022-01-01", Some("2024-01-01"))
            ]
        );
    }

    #[test]
    fn jobs_told_in_sentences() {
        assert_eq!(
            roles("• Currently working with Freshworks, from Dec 2024 to till date as Project Manager.\n• Worked for Tech Mahindra, from Jun 2020 to Aug 2024 in the designation of Associate."),
            [
                r("Project Manager", "Freshworks", "2024-12-01", None),
                r("Associate", "Tech Mahindra", "2020-06-01", Some("2024-08-01"))
            ]
        );
        assert_eq!(
            roles("Depuis mars 2021 : Data Engineer chez Capgemini"),
            [r("Data Engineer", "Capgemini", "2021-03-01", None)]
        );
    }
}
