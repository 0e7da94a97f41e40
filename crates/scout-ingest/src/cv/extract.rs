//! The text of a CV file: PDF (its text layer), DOCX (its paragraphs) or
//! plain text, told apart by content, never by the file name.

use std::io::Read;

use super::CvError;

/// What a file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// `%PDF-`
    Pdf,
    /// A ZIP archive holding `word/document.xml`.
    Docx,
    /// UTF-8 text.
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
        return Ok(FileKind::Docx);
    }
    let text_like = std::str::from_utf8(bytes).is_ok()
        && !bytes
            .iter()
            .any(|&b| b == 0 || (b < 0x20 && !b"\t\n\r\x0c".contains(&b)));
    if text_like {
        Ok(FileKind::Text)
    } else {
        Err(CvError::Unsupported(
            "not a PDF, a DOCX or UTF-8 text (checked by content)".into(),
        ))
    }
}

/// The text of a PDF's pages, in reading order of its content streams.
pub fn pdf_text(bytes: &[u8]) -> Result<String, CvError> {
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
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(CvError::Corrupt("the PDF has no pages".into()));
    }
    let text = doc
        .extract_text(&pages)
        .map_err(|e| CvError::Corrupt(format!("the PDF's text cannot be read: {e}")))?;
    if text.trim().is_empty() {
        return Err(CvError::NoText);
    }
    Ok(text)
}

/// Largest `word/document.xml` read, against zip bombs.
const MAX_DOCX_XML: u64 = 20 * 1024 * 1024;

/// The paragraphs of a DOCX, one per line (tabs kept).
pub fn docx_text(bytes: &[u8]) -> Result<String, CvError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| CvError::Corrupt(format!("the archive cannot be read: {e}")))?;
    let entry = archive.by_name("word/document.xml").map_err(|_| {
        CvError::Unsupported("a ZIP archive without word/document.xml is not a DOCX".into())
    })?;
    let mut xml = String::new();
    entry
        .take(MAX_DOCX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| CvError::Corrupt(format!("word/document.xml cannot be read: {e}")))?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) if e.name().into_inner() == "w:t" => {
                in_text = true
            }
            Ok(quick_xml::events::Event::End(e)) => match e.name().into_inner() {
                "w:t" => in_text = false,
                "w:p" => out.push('\n'),
                _ => {}
            },
            Ok(quick_xml::events::Event::Empty(e)) => match e.name().into_inner() {
                "w:tab" => out.push('\t'),
                "w:br" => out.push('\n'),
                _ => {}
            },
            Ok(quick_xml::events::Event::Text(t)) if in_text => {
                let raw = t.into_inner().into_owned();
                out.push_str(&unescape(&raw));
            }
            Ok(quick_xml::events::Event::GeneralRef(r)) if in_text => {
                out.push_str(&unescape(&format!("&{};", r.into_inner())));
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Err(e) => {
                return Err(CvError::Corrupt(format!(
                    "word/document.xml is malformed: {e}"
                )))
            }
            _ => {}
        }
    }
    if out.trim().is_empty() {
        return Err(CvError::NoText);
    }
    Ok(out)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of any accepted file.
pub fn text_of(bytes: &[u8]) -> Result<(FileKind, String), CvError> {
    let kind = detect(bytes)?;
    let text = match kind {
        FileKind::Pdf => pdf_text(bytes)?,
        FileKind::Docx => docx_text(bytes)?,
        FileKind::Text => {
            let t = String::from_utf8_lossy(bytes).into_owned();
            if t.trim().is_empty() {
                return Err(CvError::NoText);
            }
            t
        }
    };
    Ok((kind, text))
}
