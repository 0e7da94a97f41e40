//! Dates and date ranges as CVs write them, anywhere in a line: `Mar 2016 –
//! Nov 2018`, `03/2016 - heute`, `2016-03 – 2018-11`, `2019 – present`,
//! `since 2020`, `seit 04/2025`, `Depuis mars 2021`, `desde 2019`,
//! `from Dec 2024 to till date`, `January 2015 to March 2019`, `2024–now`.
//! Months and the words for "now" in English, French, German and Spanish.

use scout_taxonomy::fold;

/// A month of a year; `month` is `None` where only the year is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMonth {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: Option<u8>,
}

impl YearMonth {
    /// `YYYY-MM-01` (January when only the year is known).
    pub fn iso(self) -> String {
        format!("{}-{:02}-01", self.year, self.month.unwrap_or(1))
    }
}

/// A range found in a line: where it stands (byte offsets) and its ends;
/// `end` is `None` when the job goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First byte of the range in the line.
    pub from: usize,
    /// Byte after its last.
    pub to: usize,
    /// Start.
    pub start: YearMonth,
    /// End, `None` when ongoing.
    pub end: Option<YearMonth>,
}

const MONTHS: [&[&str]; 12] = [
    &[
        "jan", "january", "janvier", "janv", "ene", "enero", "januar", "jaenner",
    ],
    &[
        "feb", "february", "fevrier", "fev", "febr", "febrero", "februar",
    ],
    &["mar", "march", "mars", "marzo", "marz", "maerz"],
    &["apr", "april", "avril", "avr", "abr", "abril"],
    &["may", "mai", "mayo"],
    &["jun", "june", "juin", "junio", "juni"],
    &["jul", "july", "juillet", "juil", "julio", "juli"],
    &["aug", "august", "aout", "ago", "agosto"],
    &[
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "setiembre",
    ],
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

/// Words (folded, joined by spaces) that mean "until now".
const PRESENT: &[&str] = &[
    "present",
    "presently",
    "current",
    "currently",
    "now",
    "today",
    "date",
    "till date",
    "to date",
    "ongoing",
    "heute",
    "aktuell",
    "jetzt",
    "dato",
    "aujourd hui",
    "ce jour",
    "actuel",
    "actuellement",
    "en cours",
    "actualidad",
    "presente",
    "actual",
    "la actualidad",
    "hoy",
    "la fecha",
];

/// Words between the two ends of a range.
const BETWEEN: &[&str] = &[
    "to", "till", "until", "through", "bis", "a", "au", "al", "hasta", "et",
];

/// Words that open a range whose end may be left out ("since 2020").
const SINCE: &[&str] = &["since", "seit", "depuis", "desde", "ab"];
/// Words that open a range with both ends ("from 2016 to 2018").
const FROM: &[&str] = &["from", "de", "du", "von", "vom", "entre"];

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Num(u32, usize),
    Dash,
    Slash,
    Dot,
    Other,
}

/// The line as tokens with their byte ranges.
fn tokens(line: &str) -> Vec<(Tok, usize, usize)> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push((Tok::Word(fold(&line[i..end])), i, end));
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            let digits = &line[i..end];
            out.push((
                Tok::Num(digits.parse().unwrap_or(u32::MAX), digits.len()),
                i,
                end,
            ));
        } else if matches!(c, '-' | '–' | '—' | '‒' | '−' | '→' | '⟶' | '➔' | '►') {
            // (an arrow joins two dates as a dash does: "Jan 2024 → Present")
            out.push((Tok::Dash, i, i + c.len_utf8()));
        } else if c == '/' {
            out.push((Tok::Slash, i, i + 1));
        } else if c == '.' {
            out.push((Tok::Dot, i, i + 1));
        } else if !c.is_whitespace() && c != '\'' && c != '’' {
            out.push((Tok::Other, i, i + c.len_utf8()));
        }
    }
    out
}

/// Whether a word names a month ("May", "janv.", "März").
pub fn is_month_word(word: &str) -> bool {
    month_of(&fold(word)).is_some()
}

fn month_of(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|m| m as u8 + 1)
}

fn year_of(n: u32, len: usize) -> Option<u16> {
    (len == 4 && (1950..=2100).contains(&n)).then_some(n as u16)
}

/// A date starting at token `i`: (date, tokens used).
fn date_at(t: &[(Tok, usize, usize)], i: usize) -> Option<(YearMonth, usize)> {
    let tok = |k: usize| t.get(k).map(|x| &x.0);
    match tok(i)? {
        Tok::Word(w) => {
            let month = month_of(w)?;
            let mut k = i + 1;
            if tok(k) == Some(&Tok::Dot) {
                k += 1;
            }
            match tok(k)? {
                Tok::Num(n, len) => {
                    let year = year_of(*n, *len)?;
                    Some((
                        YearMonth {
                            year,
                            month: Some(month),
                        },
                        k + 1 - i,
                    ))
                }
                _ => None,
            }
        }
        Tok::Num(n, len) => {
            if let Some(year) = year_of(*n, *len) {
                // 2016-03 or 2016/03 (a two-digit month after the year)
                if let (Some(Tok::Dash | Tok::Slash), Some(Tok::Num(m, 2))) =
                    (tok(i + 1), tok(i + 2))
                {
                    if (1..=12).contains(m) && t[i + 1].1 == t[i].2 {
                        return Some((
                            YearMonth {
                                year,
                                month: Some(*m as u8),
                            },
                            3,
                        ));
                    }
                }
                return Some((YearMonth { year, month: None }, 1));
            }
            // 03/2016, 3.2016
            if *len <= 2 && (1..=12).contains(n) {
                if let (Some(Tok::Slash | Tok::Dot), Some(Tok::Num(y, ylen))) =
                    (tok(i + 1), tok(i + 2))
                {
                    let year = year_of(*y, *ylen)?;
                    return Some((
                        YearMonth {
                            year,
                            month: Some(*n as u8),
                        },
                        3,
                    ));
                }
                // 01.03.2016: a day, then a month and a year
                if let (Some(Tok::Dot), Some(Tok::Num(m, mlen)), Some(Tok::Dot)) =
                    (tok(i + 1), tok(i + 2), tok(i + 3))
                {
                    if *mlen <= 2 && (1..=12).contains(m) {
                        if let Some((mut d, used)) = date_at(t, i + 4) {
                            if d.month.is_none() {
                                d.month = Some(*m as u8);
                                return Some((d, 4 + used));
                            }
                        }
                    }
                }
            }
            None
        }
        _ => None,
    }
}

/// Words meaning "now" starting at token `i`: tokens used.
fn present_at(t: &[(Tok, usize, usize)], i: usize) -> Option<usize> {
    let word = |k: usize| match t.get(k).map(|x| &x.0) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let one = word(i)?;
    if let Some(two) = word(i + 1) {
        let pair = format!("{one} {two}");
        if PRESENT.contains(&pair.as_str()) {
            return Some(2);
        }
    }
    PRESENT.contains(&one).then_some(1)
}

/// The first date range in a line.
pub fn find_span(line: &str) -> Option<Span> {
    let t = tokens(line);
    let word_is = |k: usize, set: &[&str]| matches!(t.get(k).map(|x| &x.0), Some(Tok::Word(w)) if set.contains(&w.as_str()));
    let mut i = 0;
    while i < t.len() {
        let opener = if word_is(i, SINCE) {
            Some(true)
        } else if word_is(i, FROM) {
            Some(false)
        } else {
            None
        };
        let first = if opener.is_some() { i + 1 } else { i };
        let Some((start, used)) = date_at(&t, first) else {
            i += 1;
            continue;
        };
        let mut k = first + used;
        // the connector: a dash and/or a word ("to", "bis", "–", "to till date")
        let mut connected = false;
        // "Jun 2021 -- Present": a dash typed twice is one
        let dash_from = k;
        while k < dash_from + 2 && t.get(k).map(|x| &x.0) == Some(&Tok::Dash) {
            k += 1;
            connected = true;
        }
        // "to" is a connector unless it starts the words for now ("to
        // date"), and then only when a date or "now" follows it
        let next_is_end = date_at(&t, k + 1).is_some() || present_at(&t, k + 1).is_some();
        if word_is(k, BETWEEN) && (present_at(&t, k).is_none() || next_is_end) {
            k += 1;
            connected = true;
        }
        let from = t[i].1;
        if connected || opener == Some(false) {
            if let Some((end, used)) = date_at(&t, k) {
                return Some(Span {
                    from,
                    to: t[k + used - 1].2,
                    start,
                    end: Some(end),
                });
            }
            if let Some(used) = present_at(&t, k) {
                return Some(Span {
                    from,
                    to: t[k + used - 1].2,
                    start,
                    end: None,
                });
            }
        }
        // "2019 2021", two dates side by side, is a range too
        if !connected {
            if let Some((end, used)) = date_at(&t, k) {
                if end.year >= start.year && k < t.len() {
                    return Some(Span {
                        from,
                        to: t[k + used - 1].2,
                        start,
                        end: Some(end),
                    });
                }
            }
        }
        // "2024-      Acme": a dash glued to the year with nothing after it
        // leaves the range open (the job goes on)
        let glued_dash = k == dash_from + 1
            && t[dash_from].1 == t[first + used - 1].2
            && line[t[dash_from].2..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        if glued_dash && opener.is_none() {
            return Some(Span {
                from,
                to: t[dash_from].2,
                start,
                end: None,
            });
        }
        if opener == Some(true) {
            return Some(Span {
                from,
                to: t[first + used - 1].2,
                start,
                end: None,
            });
        }
        i += 1;
    }
    None
}

/// Four-digit years in a line, in order.
pub fn years_in(line: &str) -> Vec<u16> {
    tokens(line)
        .into_iter()
        .filter_map(|(t, _, _)| match t {
            Tok::Num(n, len) => year_of(n, len),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(line: &str) -> Option<(String, Option<String>)> {
        find_span(line).map(|s| (s.start.iso(), s.end.map(YearMonth::iso)))
    }

    #[test]
    fn ranges_in_many_forms() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Mar 2016 – Nov 2018", "2016-03-01", Some("2018-11-01")),
            ("Oct 2021 → Oct 2023", "2021-10-01", Some("2023-10-01")),
            ("03/2016 - heute", "2016-03-01", None),
            ("2016-03 – 2018-11", "2016-03-01", Some("2018-11-01")),
            ("2019 – present", "2019-01-01", None),
            ("since 2020", "2020-01-01", None),
            ("seit 04/2025", "2025-04-01", None),
            (
                "Depuis mars 2021 : Data Engineer chez Capgemini",
                "2021-03-01",
                None,
            ),
            (
                "from Dec 2024 to till date as Project Manager",
                "2024-12-01",
                None,
            ),
            (
                "January 2015 to March 2019",
                "2015-01-01",
                Some("2019-03-01"),
            ),
            (
                "2024–now · Senior Data Engineer, Cognizant",
                "2024-01-01",
                None,
            ),
            ("janv. 2018 - déc. 2020", "2018-01-01", Some("2020-12-01")),
            (
                "De avr. 2019 à nov. 2021 : Analyste",
                "2019-04-01",
                Some("2021-11-01"),
            ),
            ("jun. 2025 - actualidad", "2025-06-01", None),
            ("Engineer, Acme\tJan 2019 – Present", "2019-01-01", None),
            ("2012 - 2015", "2012-01-01", Some("2015-01-01")),
            ("12/2024 - aujourd'hui", "2024-12-01", None),
            ("März 2016 – Okt. 2018", "2016-03-01", Some("2018-10-01")),
            ("Jun 2021 -- Present", "2021-06-01", None),
            ("Sep 2018 -- Oct 2020", "2018-09-01", Some("2020-10-01")),
            ("2024-        CROWDSTRIKE Senior SE", "2024-01-01", None),
        ];
        for (line, start, end) in cases {
            assert_eq!(
                ends(line),
                Some(((*start).to_owned(), end.map(str::to_owned))),
                "{line}"
            );
        }
    }

    #[test]
    fn lone_years_and_other_numbers_are_no_ranges() {
        assert_eq!(ends("2004"), None);
        assert_eq!(ends("+44 7700 900123"), None);
        assert_eq!(ends("Improved the close by 20 %"), None);
        // a dash that joins the year to a word is no open range
        assert_eq!(ends("2024-ready platform"), None);
        assert_eq!(years_in("MBA, University of Bristol, 2016"), [2016]);
    }

    #[test]
    fn the_span_is_where_the_range_stands() {
        let line = "Worked for Acme, from Mar 2016 to Nov 2018 in the designation of Associate.";
        let s = find_span(line).unwrap();
        assert_eq!(&line[s.from..s.to], "from Mar 2016 to Nov 2018");
    }

    proptest::proptest! {
        /// A span is never empty and always lies on character boundaries
        /// of its line.
        #[test]
        fn spans_lie_on_character_boundaries(line in "(\\PC|[–—/.-]|(19|20)[0-9]{2}| to | bis )*") {
            if let Some(s) = find_span(&line) {
                proptest::prop_assert!(s.from < s.to && s.to <= line.len());
                proptest::prop_assert!(line.is_char_boundary(s.from) && line.is_char_boundary(s.to));
            }
        }
    }
}
