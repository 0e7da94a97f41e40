//! The text of a DOCX, one paragraph a line with tabs kept: the page
//! headers first (where word-processor templates put the name and
//! contacts), then the body, then the footers. A paragraph in a heading
//! style is marked as a heading by its looks, as large type is in a PDF; a
//! text box is read once (Word writes each twice, the drawing and a
//! fallback copy for old readers); a link's address is written after its
//! words when they do not show it ("LinkedIn" → "LinkedIn
//! https://linkedin.com/in/…"), since the address is what a lead keeps.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::extract::bare_link;
use super::CvError;

/// The most XML read from one DOCX, all parts together, against zip bombs.
const MAX_XML: u64 = 20 * 1024 * 1024;
/// The most header and footer parts read (a document has a few).
const MAX_SIDE_PARTS: usize = 12;

type Archive<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// The text of a DOCX.
pub fn docx_text(bytes: &[u8]) -> Result<String, CvError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| CvError::Corrupt(format!("the archive cannot be read: {e}")))?;
    let mut budget = MAX_XML;
    let body = read_part(&mut archive, "word/document.xml", &mut budget)?.ok_or_else(|| {
        CvError::Unsupported("a ZIP archive without word/document.xml is not a DOCX".into())
    })?;
    let mut side = |prefix: &str| -> Result<Vec<String>, CvError> {
        let mut names: Vec<String> = archive
            .file_names()
            .filter_map(Result::ok)
            .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
            .map(|n| n.into_owned())
            .collect();
        names.sort();
        names.truncate(MAX_SIDE_PARTS);
        let mut texts: Vec<String> = Vec::new();
        for name in names {
            let Some(xml) = read_part(&mut archive, &name, &mut budget)? else {
                continue;
            };
            let links = links_of(&mut archive, &name, &mut budget)?;
            let text = part_text(&xml, &links, &name)?;
            // the first page's header and the others' often say the same
            if !text.trim().is_empty() && !texts.contains(&text) {
                texts.push(text);
            }
        }
        Ok(texts)
    };
    let headers = side("word/header")?;
    let footers = side("word/footer")?;
    let links = links_of(&mut archive, "word/document.xml", &mut budget)?;
    let main = part_text(&body, &links, "word/document.xml")?;
    let mut out = String::new();
    for h in &headers {
        out.push_str(h);
    }
    out.push_str(&main);
    // a footer belongs to no section of the CV: under a heading of its own
    // (contacts in it are still read, as they are anywhere)
    if !footers.is_empty() {
        out.push(super::pdf_layout::HEADING_MARK);
        out.push_str("Page footer\n");
    }
    for f in &footers {
        out.push_str(f);
    }
    if out.trim().is_empty() {
        return Err(CvError::NoText);
    }
    Ok(out)
}

/// One part of the archive as text, within what is left of the budget;
/// `None` when the archive has no such part.
fn read_part(
    archive: &mut Archive,
    name: &str,
    budget: &mut u64,
) -> Result<Option<String>, CvError> {
    let Ok(entry) = archive.by_name(name) else {
        return Ok(None);
    };
    let mut xml = String::new();
    let read = entry
        .take(*budget)
        .read_to_string(&mut xml)
        .map_err(|e| CvError::Corrupt(format!("{name} cannot be read: {e}")))?;
    *budget = budget.saturating_sub(read as u64);
    Ok(Some(xml))
}

/// A part's external links by relationship id, from its `_rels` file.
fn links_of(
    archive: &mut Archive,
    part: &str,
    budget: &mut u64,
) -> Result<HashMap<String, String>, CvError> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let Some(xml) = read_part(archive, &format!("{dir}/_rels/{file}.rels"), budget)? else {
        return Ok(HashMap::new());
    };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut links = HashMap::new();
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e) | Event::Start(e))
                if e.local_name().into_inner() == "Relationship" =>
            {
                let attr = |key: &str| {
                    e.try_get_attribute(key)
                        .ok()
                        .flatten()
                        .map(|a| unescape(&a.value))
                };
                let hyperlink = attr("Type").is_some_and(|t| t.ends_with("/hyperlink"));
                if let (true, Some(id), Some(target)) = (hyperlink, attr("Id"), attr("Target")) {
                    links.insert(id, target);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    Ok(links)
}

/// Whether a paragraph style is a heading's (Heading1…, Titre1…,
/// Überschrift 1 as "berschrift1"…).
fn heading_style(e: &BytesStart) -> bool {
    e.try_get_attribute("w:val")
        .ok()
        .flatten()
        .is_some_and(|a| {
            let v = a.value.to_lowercase();
            ["heading", "titre", "berschrift", "ttulo", "titulo", "title"]
                .iter()
                .any(|h| v.starts_with(h))
        })
}

/// The paragraphs of one part.
fn part_text(xml: &str, links: &HashMap<String, String>, name: &str) -> Result<String, CvError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    // inside a fallback copy of a drawing (its text box is read from the
    // drawing itself)
    let mut fallback = 0usize;
    let mut paragraph_start = 0;
    let mut heading = false;
    // the links being read (a text box may sit inside one): where their
    // words start, and their addresses
    let mut links_open: Vec<(usize, Option<String>)> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| CvError::Corrupt(format!("{name} is malformed: {e}")))?;
        match event {
            Event::Start(e) if e.name().into_inner() == "mc:Fallback" => fallback += 1,
            Event::End(e) if e.name().into_inner() == "mc:Fallback" => {
                fallback = fallback.saturating_sub(1);
            }
            Event::Eof => break,
            _ if fallback > 0 => {}
            Event::Start(e) => match e.name().into_inner() {
                "w:t" => in_text = true,
                "w:p" => {
                    paragraph_start = out.len();
                    heading = false;
                }
                "w:pStyle" => heading |= heading_style(&e),
                "w:hyperlink" => {
                    let target = e
                        .try_get_attribute("r:id")
                        .ok()
                        .flatten()
                        .and_then(|a| links.get(unescape(&a.value).as_str()).cloned());
                    links_open.push((out.len(), target));
                }
                _ => {}
            },
            Event::End(e) => match e.name().into_inner() {
                "w:t" => in_text = false,
                "w:p" => {
                    if heading && out.len() > paragraph_start {
                        out.insert(paragraph_start, super::pdf_layout::HEADING_MARK);
                    }
                    out.push('\n');
                }
                "w:hyperlink" => {
                    // the address on a line of its own, so that the words
                    // it hides behind (a name, "LinkedIn") stay as written
                    if let Some((start, Some(target))) = links_open.pop() {
                        let web = target.starts_with("http://")
                            || target.starts_with("https://")
                            || target.starts_with("www.");
                        let shown = out.get(start..).map(bare_link).unwrap_or_default();
                        if web && !shown.contains(&bare_link(&target)) {
                            out.push('\n');
                            out.push_str(&target);
                            out.push('\n');
                        }
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().into_inner() {
                "w:tab" => out.push('\t'),
                "w:br" | "w:cr" => out.push('\n'),
                "w:noBreakHyphen" => out.push('-'),
                "w:pStyle" => heading |= heading_style(&e),
                // a symbol-font character (Word's bullets): its private-use code
                "w:sym" => {
                    let code = e
                        .try_get_attribute("w:char")
                        .ok()
                        .flatten()
                        .and_then(|a| u32::from_str_radix(&a.value, 16).ok())
                        .and_then(char::from_u32);
                    if let Some(c) = code {
                        out.push(c);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                let raw = t.into_inner().into_owned();
                out.push_str(&unescape(&raw));
            }
            Event::GeneralRef(r) if in_text => {
                out.push_str(&unescape(&format!("&{};", r.into_inner())));
            }
            _ => {}
        }
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
