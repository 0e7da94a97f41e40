//! Text as files carry it: encodings, cells, dates, lists, names and
//! language levels, shared by the readers.

/// The text of a file: UTF-8 (with or without a byte-order mark), UTF-16
/// with a byte-order mark (what spreadsheets write as "Unicode text"), or
/// else Windows-1252 (what older spreadsheets write as plain "CSV").
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units = rest.chunks_exact(2).map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// A cell's value: trimmed, `None` when empty; the `'` Scout's own CSV
/// export (`export::csv_cell`) puts before a value a spreadsheet would run
/// as a formula, or one that begins with `'`, is taken off again.
pub(crate) fn cell(raw: &str) -> Option<String> {
    let t = raw.trim();
    let t = match t.strip_prefix('\'') {
        Some(rest) if rest.trim_start().starts_with(['=', '+', '-', '@', '\'']) => rest,
        _ => t,
    };
    (!t.is_empty()).then(|| t.to_owned())
}

/// The items of a list cell: split on `;` or `|` when it has them, else on
/// `,`; each trimmed, empty ones dropped, repeats dropped.
pub(crate) fn list(raw: &str) -> Vec<String> {
    let sep: &[char] = if raw.contains([';', '|']) {
        &[';', '|']
    } else {
        &[',']
    };
    let mut out: Vec<String> = Vec::new();
    for item in raw.split(sep) {
        let item = item.trim().trim_start_matches(['•', '-', '*']).trim();
        if !item.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            out.push(item.to_owned());
        }
    }
    out
}

/// A first and last name from a full name: `Last, First` or `First Last…`.
pub(crate) fn split_name(full: &str) -> (Option<String>, Option<String>) {
    let full = full.trim();
    if let Some((last, first)) = full.split_once(',') {
        return (cell(first), cell(last));
    }
    match full.split_once(char::is_whitespace) {
        Some((first, last)) => (cell(first), cell(last)),
        None => (cell(full), None),
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date as people write it in exports, as ISO 8601 (`YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`): `2016`, `2016-03`, `2016-03-01`, `Mar 2016`, `March
/// 2016`, `03/2016`, `3/1/2016` (month first, as US exports write it) and
/// `01.03.2016`. `None` for what is not a date ("Present", "").
pub(crate) fn date(raw: &str) -> Option<String> {
    let t = raw.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let year = |s: &str| (digits(s) && s.len() == 4).then(|| s.to_owned());
    let month = |s: &str| {
        s.parse::<u8>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| format!("{m:02}"))
    };
    if let Some(y) = year(t) {
        return Some(y);
    }
    if t.len() >= 7 && digits(&t[..4]) && t.as_bytes()[4] == b'-' {
        let m = month(t.get(5..7)?)?;
        return match t.get(7..) {
            Some(rest) if rest.len() >= 3 && rest.starts_with('-') && digits(&rest[1..3]) => {
                Some(format!("{}-{m}-{}", &t[..4], &rest[1..3]))
            }
            _ => Some(format!("{}-{m}", &t[..4])),
        };
    }
    let parts: Vec<&str> = t
        .split(|c: char| c == '/' || c == '.' || c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [m, y] => {
            let y = year(y)?;
            let m = month(m).or_else(|| month_name(m))?;
            Some(format!("{y}-{m}"))
        }
        [a, b, y] if t.contains('.') => {
            // day.month.year
            let (y, m) = (year(y)?, month(b)?);
            let d = a.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?;
            Some(format!("{y}-{m}-{d:02}"))
        }
        [a, b, y] => {
            let y = year(y)?;
            if let Some(m) = month_name(a) {
                // "Mar 1 2016"
                let d = b.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?;
                return Some(format!("{y}-{m}-{d:02}"));
            }
            let (m, d) = (
                month(a)?,
                b.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?,
            );
            Some(format!("{y}-{m}-{d:02}"))
        }
        _ => None,
    }
}

fn month_name(word: &str) -> Option<String> {
    let w = word.to_ascii_lowercase();
    let i = MONTHS
        .iter()
        .position(|m| w.starts_with(m) && w.len() <= 9)?;
    Some(format!("{:02}", i + 1))
}

/// A language level as Scout's profiles name it (LinkedIn's levels), from
/// the words people and exports use; `None` when the words say nothing.
pub(crate) fn proficiency(raw: &str) -> Option<String> {
    let w = raw.to_lowercase();
    let level = if w.contains("native") || w.contains("bilingual") || w.contains("mother") {
        "native_or_bilingual"
    } else if w.contains("full") || w.contains("fluent") || w.contains("c2") || w.contains("c1") {
        "full_professional"
    } else if w.contains("professional") || w.contains("advanced") || w.contains("b2") {
        "professional_working"
    } else if w.contains("limited")
        || w.contains("intermediate")
        || w.contains("b1")
        || w.contains("conversational")
    {
        "limited_working"
    } else if w.contains("elementary")
        || w.contains("basic")
        || w.contains("beginner")
        || w.contains("a1")
        || w.contains("a2")
    {
        "elementary"
    } else {
        return None;
    };
    Some(level.to_owned())
}

/// `French (Native)` or `French - fluent`: the language and its level.
pub(crate) fn language(raw: &str) -> (String, Option<String>) {
    let raw = raw.trim();
    if let Some((name, rest)) = raw.split_once('(') {
        return (
            name.trim().to_owned(),
            proficiency(rest.trim_end_matches(')')),
        );
    }
    if let Some((name, rest)) = raw.split_once([':', '-', '–']) {
        if let Some(level) = proficiency(rest) {
            return (name.trim().to_owned(), Some(level));
        }
    }
    (raw.to_owned(), None)
}

/// Up to 120 characters of `text`, for a rejects file.
pub(crate) fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(120).collect();
    if text.chars().nth(120).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_spreadsheets_write_are_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFname"), "name");
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë,1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16le), "Zoë,1");
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&utf16be), "Zoë");
        assert_eq!(decode(b"Zo\xEB \x80"), "Zoë €");
    }

    #[test]
    fn dates_as_exports_write_them() {
        for (raw, want) in [
            ("2016", Some("2016")),
            ("2016-03", Some("2016-03")),
            ("2016-03-09", Some("2016-03-09")),
            ("2016-03-09T10:00:00Z", Some("2016-03-09")),
            ("Mar 2016", Some("2016-03")),
            ("September 2019", Some("2019-09")),
            ("03/2016", Some("2016-03")),
            ("3/9/2016", Some("2016-03-09")),
            ("09.03.2016", Some("2016-03-09")),
            ("Present", None),
            ("", None),
            ("13/2016", None),
            ("2016-13", None),
        ] {
            assert_eq!(date(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn cells_lists_names_and_levels() {
        assert_eq!(cell("  '=SUM(A1) "), Some("=SUM(A1)".into()));
        assert_eq!(cell("'quoted"), Some("'quoted".into()));
        assert_eq!(cell("   "), None);
        assert_eq!(list("Rust; SQL;; rust | Go"), ["Rust", "SQL", "Go"]);
        assert_eq!(list("Rust, SQL"), ["Rust", "SQL"]);
        assert_eq!(
            split_name("Lovelace, Ada"),
            (Some("Ada".into()), Some("Lovelace".into()))
        );
        assert_eq!(
            split_name("Ada King Lovelace"),
            (Some("Ada".into()), Some("King Lovelace".into()))
        );
        assert_eq!(
            language("French (Native)"),
            ("French".into(), Some("native_or_bilingual".into()))
        );
        assert_eq!(
            language("German - B2"),
            ("German".into(), Some("professional_working".into()))
        );
        assert_eq!(
            proficiency("Professional working proficiency").as_deref(),
            Some("professional_working")
        );
        assert_eq!(
            proficiency("Full professional proficiency").as_deref(),
            Some("full_professional")
        );
    }
}
