//! CVs made from generated profiles, as real PDF (Helvetica, WinAnsi text
//! layer), DOCX (WordprocessingML in a ZIP) and text files, in three
//! layouts: `classic` (one column, headings), `sidebar` (two columns: contact,
//! skills and languages on the left, written first) and `plain` (no
//! headings, labelled lines). They are the test set of the CV parser; the
//! person behind each is known, so extraction accuracy can be measured.

use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream, StringFormat};
use scout_model::Talent;
use scout_taxonomy::geocode;

use super::phone::calling_code;

/// The format and layout pairs `scout bench cvs` renders, cycled over its
/// people (and the tests that keep its figures).
pub const BENCH_FORMATS: [(&str, Layout); 9] = [
    ("pdf", Layout::Classic),
    ("pdf", Layout::Sidebar),
    ("pdf", Layout::Plain),
    ("docx", Layout::Classic),
    ("docx", Layout::Plain),
    ("txt", Layout::Classic),
    ("pdf", Layout::Compact),
    ("docx", Layout::Compact),
    ("txt", Layout::Compact),
];

/// How a CV is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One column with section headings.
    Classic,
    /// Two columns; the left one is written first.
    Sidebar,
    /// No headings: labelled lines and blocks.
    Plain,
    /// One column; every contact on one line under the name, separated by
    /// `|`, a bullet, a middle dot or a run of spaces (a common header).
    Compact,
}

impl Layout {
    /// Its name in file names.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Classic => "classic",
            Layout::Sidebar => "sidebar",
            Layout::Plain => "plain",
            Layout::Compact => "compact",
        }
    }
}

/// The person a CV is about: a profile plus the contact details profiles
/// do not carry (made up from the name, deterministically).
#[derive(Debug, Clone)]
pub struct CvPerson {
    /// The profile.
    pub talent: Talent,
    /// `firstname.lastname@example.com`
    pub email: String,
    /// As written on the CV (national format).
    pub phone_written: String,
    /// The same in E.164.
    pub phone_e164: Option<String>,
    /// ISO code of the person's country.
    pub country_code: Option<String>,
}

fn ascii_slug(s: &str) -> String {
    scout_taxonomy::fold(s).replace(' ', "")
}

impl CvPerson {
    /// Contact details for a generated profile.
    pub fn from_talent(talent: Talent, n: u64) -> CvPerson {
        let first = talent.firstname.clone().unwrap_or_default();
        let last = talent.lastname.clone().unwrap_or_default();
        let email = format!("{}.{}@example.com", ascii_slug(&first), ascii_slug(&last));
        let country_code = talent
            .country
            .as_deref()
            .and_then(geocode)
            .map(|g| g.country_code);
        let subscriber = format!("{:08}", (n * 7_919 + 1_234_567) % 100_000_000);
        let code = country_code.as_deref().and_then(calling_code);
        let (written, e164) = match code {
            Some("1") => (format!("(415) 555-{}", &subscriber[4..8]), None),
            Some(code) => (
                format!(
                    "0{} {} {} {}",
                    &subscriber[..1].replace('0', "6"),
                    &subscriber[1..3],
                    &subscriber[3..5],
                    &subscriber[5..8]
                ),
                Some(code),
            ),
            None => (format!("+44 7{}", &subscriber), None),
        };
        let phone_e164 = match (e164, code) {
            (Some(_), Some(_)) | (None, Some("1")) => {
                super::phone::to_e164(&written, country_code.as_deref())
            }
            _ => super::phone::to_e164(&written, None),
        };
        CvPerson {
            talent,
            email,
            phone_written: written,
            phone_e164,
            country_code,
        }
    }

    fn name(&self) -> String {
        format!(
            "{} {}",
            self.talent.firstname.as_deref().unwrap_or(""),
            self.talent.lastname.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned()
    }

    fn place(&self) -> String {
        [self.talent.city.as_deref(), self.talent.country.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn month_year(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = date.split('-');
    let (Some(y), Some(m)) = (parts.next(), parts.next()) else {
        return date.to_owned();
    };
    let m: usize = m.parse().unwrap_or(1);
    format!("{} {y}", MONTHS[(m.clamp(1, 12)) - 1])
}

/// One block of a CV: a heading (or none) and its lines.
struct Section {
    heading: &'static str,
    label: &'static str,
    lines: Vec<String>,
}

fn sections(p: &CvPerson, french: bool) -> (Vec<String>, Vec<Section>, Vec<Section>) {
    let t = &p.talent;
    let header = vec![p.name(), t.job_title.clone().unwrap_or_default()];
    let mut contact = vec![p.place(), p.email.clone(), p.phone_written.clone()];
    if let Some(url) = &t.linkedin_url {
        contact.push(url.clone());
    }
    let summary = t
        .summary
        .clone()
        .or_else(|| t.headline.clone())
        .unwrap_or_default();
    let mut experience = Vec::new();
    for e in t.experiences.iter().take(4) {
        experience.push(format!(
            "{} — {}",
            e.title.as_deref().unwrap_or(""),
            e.organization_name.as_deref().unwrap_or("")
        ));
        let end = if e.is_current {
            if french {
                "Présent".to_owned()
            } else {
                "Present".to_owned()
            }
        } else {
            e.end_date.as_deref().map(month_year).unwrap_or_default()
        };
        experience.push(format!(
            "{} – {end}",
            e.start_date.as_deref().map(month_year).unwrap_or_default()
        ));
    }
    let mut education = Vec::new();
    for ed in t.educations.iter().take(2) {
        let degree = ed.degrees.first().cloned().unwrap_or_default();
        education.push(format!(
            "{degree}, {}",
            ed.school_name.as_deref().unwrap_or("")
        ));
        if let Some(end) = &ed.end_date {
            education.push(end.chars().take(4).collect());
        }
    }
    let skills = vec![t
        .skills
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")];
    let languages = vec![t
        .languages
        .iter()
        .filter_map(|l| {
            let name = l.name.clone()?;
            Some(match l.proficiency.as_deref() {
                Some("native_or_bilingual") => format!("{name} (Native)"),
                Some("full_professional") => format!("{name} (Fluent)"),
                Some("professional_working") => format!("{name} (Professional)"),
                Some(_) => format!("{name} (Basic)"),
                None => name,
            })
        })
        .collect::<Vec<_>>()
        .join(", ")];
    let h = |en: &'static str, fr: &'static str| if french { fr } else { en };
    let side = vec![
        Section {
            heading: h("Contact", "Contact"),
            label: "",
            lines: contact,
        },
        Section {
            heading: h("Skills", "Compétences"),
            label: "Skills: ",
            lines: skills,
        },
        Section {
            heading: h("Languages", "Langues"),
            label: "Languages: ",
            lines: languages,
        },
    ];
    let main = vec![
        Section {
            heading: h("Summary", "Profil"),
            label: "",
            lines: vec![summary],
        },
        Section {
            heading: h("Experience", "Expérience professionnelle"),
            label: "",
            lines: experience,
        },
        Section {
            heading: h("Education", "Formation"),
            label: "",
            lines: education,
        },
    ];
    (header, side, main)
}

/// The CV's lines in reading order, with `true` for headings.
fn lines(p: &CvPerson, layout: Layout) -> Vec<(String, bool)> {
    let french = p.country_code.as_deref() == Some("FR");
    let (header, side, main) = sections(p, french);
    let mut out: Vec<(String, bool)> = Vec::new();
    let emit = |out: &mut Vec<(String, bool)>, s: &Section, headings: bool| {
        if s.lines.iter().all(|l| l.trim().is_empty()) {
            return;
        }
        if headings {
            out.push((s.heading.to_owned(), true));
        }
        for (i, l) in s.lines.iter().enumerate() {
            let label = if headings || i > 0 { "" } else { s.label };
            out.push((format!("{label}{l}"), false));
        }
        if !headings {
            out.push((String::new(), false));
        }
    };
    match layout {
        Layout::Classic => {
            out.extend(header.into_iter().map(|l| (l, false)));
            for s in side.iter().take(1).chain(&main).chain(side.iter().skip(1)) {
                emit(&mut out, s, true);
            }
        }
        Layout::Sidebar => {
            for s in &side {
                emit(&mut out, s, true);
            }
            out.extend(header.into_iter().map(|l| (l, false)));
            for s in &main {
                emit(&mut out, s, true);
            }
        }
        Layout::Compact => {
            out.extend(header.into_iter().map(|l| (l, false)));
            const SEPARATORS: [&str; 4] = [" | ", " • ", " · ", "   "];
            let separator = SEPARATORS[p.email.len() % SEPARATORS.len()];
            if let Some(contact) = side.first() {
                out.push((contact.lines.join(separator), false));
            }
            for s in main.iter().chain(side.iter().skip(1)) {
                emit(&mut out, s, true);
            }
        }
        Layout::Plain => {
            out.extend(header.into_iter().map(|l| (l, false)));
            out.push((String::new(), false));
            for s in side.iter().take(1).chain(&main).chain(side.iter().skip(1)) {
                emit(&mut out, s, false);
            }
        }
    }
    out
}

/// The CV as plain text.
pub fn text(p: &CvPerson, layout: Layout) -> String {
    let mut s = String::new();
    for (line, heading) in lines(p, layout) {
        if heading {
            s.push('\n');
            s.push_str(&line.to_uppercase());
        } else {
            s.push_str(&line);
        }
        s.push('\n');
    }
    s
}

fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .flat_map(|c| match c {
            '—' => vec![0x97],
            '–' => vec![0x96],
            '’' => vec![0x92],
            '•' => vec![0x95],
            c if (c as u32) < 0x100 => vec![c as u32 as u8],
            // Helvetica in WinAnsi has no glyph for "ā" or "ł": write the
            // base letter, as a word processor substituting a font would
            c => {
                let base = scout_taxonomy::fold(&c.to_string());
                let base = if c.is_uppercase() {
                    base.to_uppercase()
                } else {
                    base
                };
                let ascii: Vec<u8> = base.bytes().filter(u8::is_ascii_graphic).collect();
                if ascii.is_empty() {
                    vec![b'?']
                } else {
                    ascii
                }
            }
        })
        .collect()
}

/// The CV as a one- or two-page PDF with a text layer.
pub fn pdf(p: &CvPerson, layout: Layout) -> Result<Vec<u8>, lopdf::Error> {
    let all = lines(p, layout);
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let regular = doc.add_object(dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding"});
    let bold = doc.add_object(dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold", "Encoding" => "WinAnsiEncoding"});
    let resources =
        doc.add_object(dictionary! {"Font" => dictionary! {"F1" => regular, "F2" => bold}});
    // Sidebar: the left column holds everything up to the name line.
    let split = match layout {
        Layout::Sidebar => all.iter().position(|(l, _)| *l == p.name()).unwrap_or(0),
        _ => 0,
    };
    let mut kids = Vec::new();
    let mut ops = Vec::new();
    let (mut x, mut y) = (
        if layout == Layout::Sidebar {
            40.0
        } else {
            60.0
        },
        790.0,
    );
    let mut width_chars = if layout == Layout::Sidebar { 30 } else { 95 };
    let flush = |ops: &mut Vec<Operation>,
                 doc: &mut Document,
                 kids: &mut Vec<Object>|
     -> Result<(), lopdf::Error> {
        let content = Content {
            operations: std::mem::take(ops),
        };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.encode()?));
        let page = doc
            .add_object(dictionary! {"Type" => "Page", "Parent" => pages_id, "Contents" => stream});
        kids.push(page.into());
        Ok(())
    };
    for (i, (line, heading)) in all.iter().enumerate() {
        if layout == Layout::Sidebar && i == split {
            x = 230.0;
            y = 790.0;
            width_chars = 62;
        }
        let chunks: Vec<String> = if line.chars().count() > width_chars {
            let mut out = Vec::new();
            let mut cur = String::new();
            for w in line.split(' ') {
                if cur.chars().count() + w.chars().count() + 1 > width_chars && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(w);
            }
            out.push(cur);
            out
        } else {
            vec![line.clone()]
        };
        for chunk in chunks {
            if y < 50.0 {
                flush(&mut ops, &mut doc, &mut kids)?;
                y = 790.0;
            }
            if !chunk.is_empty() {
                let (font, size) = if *heading { ("F2", 12) } else { ("F1", 10) };
                ops.push(Operation::new("BT", vec![]));
                ops.push(Operation::new("Tf", vec![font.into(), size.into()]));
                ops.push(Operation::new("Td", vec![x.into(), y.into()]));
                ops.push(Operation::new(
                    "Tj",
                    vec![Object::String(win_ansi(&chunk), StringFormat::Literal)],
                ));
                ops.push(Operation::new("ET", vec![]));
            }
            y -= if *heading { 18.0 } else { 13.0 };
        }
    }
    flush(&mut ops, &mut doc, &mut kids)?;
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The CV as a DOCX (headings in bold).
pub fn docx(p: &CvPerson, layout: Layout) -> std::io::Result<Vec<u8>> {
    let mut body = String::new();
    for (line, heading) in lines(p, layout) {
        let run = if heading { "<w:rPr><w:b/></w:rPr>" } else { "" };
        body.push_str(&format!(
            "<w:p><w:r>{run}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_escape(&line)
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in [
        ("[Content_Types].xml", content_types.to_owned()),
        ("_rels/.rels", rels.to_owned()),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(data.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}
