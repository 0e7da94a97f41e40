//! The text of a CV file: PDF (its text layer), DOCX (its paragraphs) or
//! plain text, told apart by content, never by the file name.

use super::CvError;

/// What a file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// `%PDF-`
    Pdf,
    /// A ZIP archive holding `word/document.xml`.
    Docx,
    /// Text: UTF-8, UTF-16 with a byte-order mark, or Latin-1.
    Text,
}

impl FileKind {
    /// The media type to serve the original with.
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Text => "text/plain; charset=utf-8",
        }
    }
}

/// Tells the kind of a file from its content.
pub fn detect(bytes: &[u8]) -> Result<FileKind, CvError> {
    if bytes.is_empty() {
        return Err(CvError::Empty);
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok(FileKind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
            Ok(archive) if archive.index_for_name("word/document.xml").is_none() => Err(
                CvError::Unsupported("a ZIP archive without word/document.xml (not a DOCX)".into()),
            ),
            // a DOCX, or an archive too damaged to tell: read as a damaged DOCX
            _ => Ok(FileKind::Docx),
        };
    }
    if decode_text(bytes).is_some() {
        Ok(FileKind::Text)
    } else {
        Err(CvError::Unsupported(
            "not a PDF, a DOCX or text (UTF-8, UTF-16 with a byte-order mark, or Latin-1; checked by content)".into(),
        ))
    }
}

/// The text of a plain-text file: UTF-8 (a byte-order mark dropped),
/// UTF-16 with a byte-order mark, or else Latin-1 (Windows-1252) when the
/// bytes look like text in it; `None` for binary data.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8(rest.to_vec()).ok()?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else if let Ok(t) = std::str::from_utf8(bytes) {
        t.to_owned()
    } else {
        // Latin-1 / Windows-1252: every byte is a character; only text-like
        // control bytes are allowed, and C1 controls (0x80-0x9F) are read
        // as Windows-1252's punctuation.
        bytes
            .iter()
            .map(|&b| windows_1252(b))
            .collect::<Option<String>>()?
    };
    let text_like = !text
        .chars()
        .any(|c| c == '\0' || (c < ' ' && !"\t\n\r\x0c".contains(c)));
    text_like.then_some(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

/// A Windows-1252 byte as a character (`None` for its five unassigned bytes).
fn windows_1252(b: u8) -> Option<char> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => match HIGH[usize::from(b - 0x80)] {
            0 => None,
            c => char::from_u32(u32::from(c)),
        },
        _ => Some(char::from(b)),
    }
}

/// Most bytes the streams a text extraction reads (page contents, object
/// streams, fonts' maps) may decompress to, in all: a CV's text is a few
/// kilobytes, fonts a few megabytes; a crafted file's may be gigabytes.
pub const MAX_PDF_INFLATED_BYTES: u64 = 64 * 1024 * 1024;
/// Most objects a PDF may hold.
pub const MAX_PDF_OBJECTS: usize = 100_000;
/// Most pages read from a PDF: a CV is a few.
pub const MAX_PDF_PAGES: usize = 50;

/// Refuses a PDF whose reading would cost more memory than a CV can need,
/// before it is parsed: too many objects, or streams (images aside, which
/// text extraction never decodes) that inflate past [`MAX_PDF_INFLATED_BYTES`].
/// Each stream is inflated into a counter, never into memory.
fn check_pdf_cost(bytes: &[u8]) -> Result<(), CvError> {
    let objects = memchr_count(bytes, b" obj");
    if objects > MAX_PDF_OBJECTS {
        return Err(CvError::TooComplex(format!(
            "the PDF has more than {MAX_PDF_OBJECTS} objects"
        )));
    }
    let mut budget = MAX_PDF_INFLATED_BYTES;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let keyword = at + found;
        at = keyword + b"stream".len();
        // `endstream` contains `stream`; a stream keyword is followed by EOL
        let data_start = match &bytes[at..] {
            [b'\r', b'\n', ..] => at + 2,
            [b'\n', ..] | [b'\r', ..] => at + 1,
            _ => continue,
        };
        if keyword >= 3 && &bytes[keyword - 3..keyword] == b"end" {
            continue;
        }
        let dictionary_start = rfind(&bytes[..keyword], b"obj").unwrap_or(0);
        if find(&bytes[dictionary_start..keyword], b"/Image").is_some() {
            continue;
        }
        let end = find(&bytes[data_start..], b"endstream").map_or(bytes.len(), |e| data_start + e);
        let mut inflater = std::io::Read::take(
            flate2::read::ZlibDecoder::new(&bytes[data_start..end]),
            budget + 1,
        );
        let inflated = std::io::copy(&mut inflater, &mut std::io::sink()).unwrap_or(0);
        if inflated > budget {
            return Err(CvError::TooComplex(format!(
                "the PDF's streams decompress to more than {} MiB",
                MAX_PDF_INFLATED_BYTES / (1024 * 1024)
            )));
        }
        budget -= inflated;
        at = end;
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn memchr_count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// The text of a PDF's pages in reading order (`pdf_layout.rs`).
pub fn pdf_text(bytes: &[u8]) -> Result<String, CvError> {
    check_pdf_cost(bytes)?;
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| {
        let msg = e.to_string();
        if msg.to_lowercase().contains("decrypt") || msg.to_lowercase().contains("encrypt") {
            CvError::Encrypted
        } else {
            CvError::Corrupt(format!("the PDF cannot be read: {msg}"))
        }
    })?;
    if doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return Err(CvError::Encrypted);
    }
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    if pages.is_empty() {
        return Err(CvError::Corrupt("the PDF has no pages".into()));
    }
    if pages.len() > MAX_PDF_PAGES {
        return Err(CvError::TooComplex(format!(
            "the PDF has {} pages; a CV is read up to {MAX_PDF_PAGES}",
            pages.len()
        )));
    }
    let mut text = super::pdf_layout::pages_text(&doc, &pages);
    if text.trim().is_empty() {
        return Err(CvError::NoText);
    }
    // links behind words ("LinkedIn", a name): their addresses, which the
    // text does not show, under a heading of their own
    let shown = text.to_lowercase();
    let hidden: Vec<String> = link_addresses(&doc, &pages)
        .into_iter()
        .filter(|uri| !shown.contains(&bare_link(uri)))
        .collect();
    if !hidden.is_empty() {
        text.push('\n');
        text.push(super::pdf_layout::HEADING_MARK);
        text.push_str("Links\n");
        for uri in hidden {
            text.push_str(&uri);
            text.push('\n');
        }
    }
    Ok(text)
}

/// A link address as compared: lower case, without its scheme, `www.` and
/// a closing slash.
pub(crate) fn bare_link(link: &str) -> String {
    let l = link.trim().to_lowercase();
    let l = l
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    l.trim_start_matches("www.")
        .trim_end_matches('/')
        .to_owned()
}

/// The web addresses of a PDF's link annotations, in page order, each once
/// (at most 50: a CV has a handful).
fn link_addresses(doc: &lopdf::Document, pages: &[lopdf::ObjectId]) -> Vec<String> {
    use lopdf::Object;
    let mut out: Vec<String> = Vec::new();
    for &page in pages {
        let Ok(annotations) = doc.get_page_annotations(page) else {
            continue;
        };
        for a in annotations.iter().take(200) {
            if a.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
                continue;
            }
            let action = match a.get(b"A") {
                Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
                Ok(Object::Dictionary(d)) => Some(d),
                _ => None,
            };
            let Some(action) = action else { continue };
            if action.get(b"S").and_then(Object::as_name).ok() != Some(b"URI".as_slice()) {
                continue;
            }
            let Ok(uri) = action.get(b"URI").and_then(Object::as_str) else {
                continue;
            };
            let uri = String::from_utf8_lossy(uri).trim().to_owned();
            let web = uri.starts_with("http://") || uri.starts_with("https://");
            if web && uri.len() <= 300 && !out.contains(&uri) && out.len() < 50 {
                out.push(uri);
            }
        }
    }
    out
}

/// The text of any accepted file.
pub fn text_of(bytes: &[u8]) -> Result<(FileKind, String), CvError> {
    let kind = detect(bytes)?;
    let text = match kind {
        FileKind::Pdf => pdf_text(bytes)?,
        FileKind::Docx => super::docx::docx_text(bytes)?,
        FileKind::Text => {
            let t = super::markup::without_markup(&decode_text(bytes).unwrap_or_default());
            if t.trim().is_empty() {
                return Err(CvError::NoText);
            }
            t
        }
    };
    Ok((kind, normalized(&text)))
}

/// What word processors write for what they mean: ligatures as their
/// letters, the private-use bullets of Symbol and Wingdings fonts (and any
/// other private-use glyph at the start of a line) as `•`, other private-use
/// glyphs dropped, non-breaking and odd spaces as spaces, and a word broken
/// by a hyphen at the end of a line joined back.
pub fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut clean = String::with_capacity(line.len());
        for c in line.chars() {
            match c {
                '\u{fb00}' => clean.push_str("ff"),
                '\u{fb01}' => clean.push_str("fi"),
                '\u{fb02}' => clean.push_str("fl"),
                '\u{fb03}' => clean.push_str("ffi"),
                '\u{fb04}' => clean.push_str("ffl"),
                '\u{fb05}' | '\u{fb06}' => clean.push_str("st"),
                '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' => clean.push(' '),
                '\u{ad}' | '\u{200b}' | '\u{feff}' => {}
                '\u{e000}'..='\u{f8ff}' => {
                    if clean.trim().is_empty() {
                        clean.push('•');
                    }
                }
                c => clean.push(c),
            }
        }
        let clean = clean.trim_end();
        // "manage-" + "ment": a letter, a hyphen, then a lower-case word
        let broken = clean.len() > 2
            && clean.ends_with('-')
            && clean[..clean.len() - 1]
                .chars()
                .last()
                .is_some_and(char::is_alphabetic);
        let next_lower = |o: &str| {
            o.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        };
        // a profile link wrapped at a hyphen or slash goes on, whatever follows
        let link_broken = clean.ends_with(['-', '/'])
            && clean.split_whitespace().last().is_some_and(|w| {
                let w = w.to_lowercase();
                w.contains("linkedin.com/") || w.contains("github.com/")
            });
        if out.ends_with('\u{2}') {
            out.pop();
            out.push_str(clean.trim_start());
        } else if out.ends_with('\u{1}') {
            out.pop();
            if next_lower(clean) {
                out.push_str(clean.trim_start());
            } else {
                out.push_str("-\n");
                out.push_str(clean);
            }
        } else {
            out.push_str(clean);
        }
        if link_broken {
            out.push('\u{2}');
        } else if broken {
            out.pop();
            out.push('\u{1}');
        } else {
            out.push('\n');
        }
    }
    if out.ends_with('\u{1}') {
        out.pop();
        out.push_str("-\n");
    } else if out.ends_with('\u{2}') {
        out.pop();
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalized;

    #[test]
    fn glyphs_hyphens_and_wrapped_links() {
        assert_eq!(normalized("\u{f0b7} Certi\u{fb01}ed"), "• Certified\n");
        assert_eq!(normalized("project manage-\nment"), "project management\n");
        assert_eq!(normalized("Jan 2019 -\n2021"), "Jan 2019 -\n2021\n");
        assert_eq!(
            normalized("linkedin.com/in/ana-ruiz-\n123\nNext"),
            "linkedin.com/in/ana-ruiz-123\nNext\n"
        );
    }
}
