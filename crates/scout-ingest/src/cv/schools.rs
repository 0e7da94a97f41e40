//! Education as school, degree and year, from an education section in any
//! layout: each line is cut into parts (at commas, dashes, bars, middle
//! dots, tabs, "from", "in 2019"), each part is told apart as a school (it
//! has a school word), a degree (a degree's name or abbreviation), a year
//! or range, or something else; the parts are then gathered in order into
//! entries, a new entry starting when a part would fill a slot the current
//! one already has. An entry without a school is dropped; one whose school
//! names no school word is kept only when a degree stands beside it.

use scout_taxonomy::education::degree_level;
use scout_taxonomy::fold;

use super::dates::{find_span, years_in};
use super::jobs::leaders_as_tabs;
use super::CvEducation;

/// Words of school names (folded).
pub const SCHOOL_WORDS: &[&str] = &[
    "university",
    "universite",
    "universidad",
    "universitat",
    "universita",
    "universiteit",
    "universidade",
    "uni",
    "politecnico",
    "polytechnic",
    "escuela",
    "scuola",
    "college",
    "institute",
    "institut",
    "instituto",
    "school",
    "ecole",
    "polytechnique",
    "hochschule",
    "fachhochschule",
    "academy",
    "akademie",
    "iut",
    "insa",
    "sciences po",
    "business school",
    "iit",
    "mit",
];

/// Words of degree names beyond what `degree_level` knows (folded).
const DEGREE_WORDS: &[&str] = &[
    "diploma",
    "diplom",
    "diplome",
    "grado",
    "maestria",
    "mca",
    "bca",
    "mtech",
    "m tech",
    "b e",
    "btech",
    "b tech",
    "m sc",
    "b sc",
    "abitur",
    "bts",
    "dut",
    "ingenieur",
    "bachillerato",
    "certificate",
    "associate degree",
    "hnd",
    "a levels",
    "baccalaureat",
    "doctorado",
    "promotion",
    "staatsexamen",
];

/// Whether a text names a school (a school word alone, as in a table's
/// "Institute" column, names none).
pub fn is_school(text: &str) -> bool {
    const GENERIC: &[&str] = &[
        "university",
        "universite",
        "universidad",
        "universitat",
        "institute",
        "institut",
        "instituto",
        "school",
        "ecole",
        "college",
        "academy",
        "uni",
        "hochschule",
        "escuela",
    ];
    let f = fold(text);
    if GENERIC.contains(&f.as_str()) {
        return false;
    }
    SCHOOL_WORDS.iter().any(|w| {
        f == *w
            || f.starts_with(&format!("{w} "))
            || f.ends_with(&format!(" {w}"))
            || f.contains(&format!(" {w} "))
    })
}

/// Whether a text names a degree.
pub fn is_degree(text: &str) -> bool {
    if degree_level(text).is_some() {
        return true;
    }
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    // "B.E. Electronics", "M.E.": dotted capitals fold to a common word
    let dotted = text.trim_start().starts_with(|c: char| c.is_uppercase()) && text.contains('.');
    if dotted
        && matches!(
            words.first(),
            Some(&("be" | "me" | "bs" | "ms" | "ba" | "ma"))
        )
    {
        return true;
    }
    DEGREE_WORDS.iter().any(|w| {
        if w.contains(' ') {
            f.starts_with(&format!("{w} ")) || f == *w
        } else {
            words.contains(w)
        }
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
    School(String),
    Degree(String),
    Year(u16),
    Other(String),
}

/// Where a line's parts end (not " at ": "University of Texas at Austin").
const SEPARATORS: &[&str] = &[
    ",", " — ", " – ", " - ", "|", "·", "\t", " from ", ":", "(", ")", ";",
];

fn parts_of(line: &str) -> Vec<Part> {
    // "MBA ---------- University of Michigan 2020": leaders part as a tab does
    let line = leaders_as_tabs(line);
    let line = line
        .trim()
        .trim_start_matches(['•', '*', '-', '▪', '◦', '‣', '●', '#'])
        .trim();
    // a range's last year is when the degree ended
    let (line, span_year) = match find_span(line) {
        Some(s) => {
            let year = s.end.map_or(s.start.year, |e| e.year);
            (
                format!("{} | {}", &line[..s.from], &line[s.to..]),
                Some(year),
            )
        }
        None => (line.to_owned(), None),
    };
    let mut pieces = vec![line];
    for sep in SEPARATORS {
        pieces = pieces
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    let mut out = Vec::new();
    for piece in pieces {
        let mut p = piece
            .trim()
            .trim_matches(['*', '_'])
            .trim_end_matches('.')
            .trim()
            .to_owned();
        // "... in 2019": the year, not the degree's subject
        let years = years_in(&p);
        if let Some(&y) = years.last() {
            // the year and the word that leads to it ("in", "en"), not every
            // such word ("Grado en Ingeniería, 2016" keeps its "en")
            let words: Vec<&str> = p.split_whitespace().collect();
            let without: String = words
                .iter()
                .enumerate()
                .filter(|(k, w)| {
                    let leads_to_year = words.get(k + 1).is_some_and(|n| !years_in(n).is_empty())
                        && matches!(fold(w).as_str(), "in" | "en" | "year" | "annee");
                    years_in(w).is_empty() && !leads_to_year
                })
                .map(|(_, w)| *w)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Part::Year(y));
            p = without;
        }
        if p.is_empty() {
            continue;
        }
        out.push(if is_school(&p) {
            Part::School(p)
        } else if is_degree(&p) {
            Part::Degree(p)
        } else {
            Part::Other(p)
        });
    }
    if let Some(y) = span_year {
        out.push(Part::Year(y));
    }
    out
}

#[derive(Default)]
struct Entry {
    school: Option<String>,
    degree: Option<String>,
    year: Option<u16>,
    other: Option<String>,
}

impl Entry {
    fn finish(self, out: &mut Vec<CvEducation>) {
        // a school without a school word ("Sciences Po"), beside a degree
        let school = self
            .school
            .or_else(|| self.other.filter(|_| self.degree.is_some()));
        if let Some(school) = school {
            out.push(CvEducation {
                school,
                degree: self.degree,
                end_year: self.year,
            });
        }
    }
}

/// The schools of an education section's lines (empty lines left out).
pub fn read(lines: &[&str]) -> Vec<CvEducation> {
    let mut out = Vec::new();
    let mut entry = Entry::default();
    for line in lines {
        for part in parts_of(line) {
            let full = match &part {
                Part::School(_) => entry.school.is_some(),
                Part::Degree(_) => entry.degree.is_some(),
                Part::Year(_) => entry.year.is_some(),
                Part::Other(_) => false,
            };
            if full {
                std::mem::take(&mut entry).finish(&mut out);
            }
            match part {
                Part::School(s) => entry.school = Some(s),
                Part::Degree(d) => entry.degree = Some(d),
                Part::Year(y) => entry.year = Some(y),
                Part::Other(o) => {
                    let capitalised = o.chars().next().is_some_and(char::is_uppercase);
                    if entry.other.is_none() && capitalised && o.split_whitespace().count() <= 6 {
                        entry.other = Some(o);
                    }
                }
            }
        }
    }
    entry.finish(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schools(text: &str) -> Vec<(String, Option<String>, Option<u16>)> {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        read(&lines)
            .into_iter()
            .map(|e| (e.school, e.degree, e.end_year))
            .collect()
    }

    fn s(school: &str, degree: &str, year: u16) -> (String, Option<String>, Option<u16>) {
        (school.into(), Some(degree.into()), Some(year))
    }

    #[test]
    fn entries_in_many_layouts() {
        assert_eq!(
            schools(
                "MBA, University of Bristol\n2016\nBSc Computer Science, University of Leeds\n2013"
            ),
            [
                s("University of Bristol", "MBA", 2016),
                s("University of Leeds", "BSc Computer Science", 2013)
            ]
        );
        assert_eq!(
            schools("Anna University\nB.Tech in Computer Science\n2012 - 2015"),
            [s("Anna University", "B.Tech in Computer Science", 2015)]
        );
        assert_eq!(
            schools("2017 · Anna University · B.Tech in Computer Science"),
            [s("Anna University", "B.Tech in Computer Science", 2017)]
        );
        assert_eq!(
            schools("Qualification\nInstitute\nYear\nB.E. Electronics\nVellore Institute of Technology\n2020\nMCA\nOsmania University\n2017"),
            [s("Vellore Institute of Technology", "B.E. Electronics", 2020), s("Osmania University", "MCA", 2017)]
        );
        assert_eq!(
            schools("• M.Tech from Indian Institute of Technology Madras in 2016."),
            [s("Indian Institute of Technology Madras", "M.Tech", 2016)]
        );
        assert_eq!(
            schools("2019 : Master en marketing — Sciences Po"),
            [s("Sciences Po", "Master en marketing", 2019)]
        );
        assert_eq!(
            schools("MBA ------------------------ University of Michigan 2020\n### University of Leeds 2013 -- 2016\n  - BA Economics"),
            [s("University of Michigan", "MBA", 2020), s("University of Leeds", "BA Economics", 2016)]
        );
    }
}
