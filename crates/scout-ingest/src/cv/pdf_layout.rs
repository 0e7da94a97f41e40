//! A PDF page's text in reading order, from where each run of text stands.
//!
//! The content stream says what is drawn, not in what order a person reads
//! it: a word processor may draw a bold run and the plain rest of the same
//! line as two objects, a browser draws a sidebar before the main column,
//! and a table row's cells side by side. So each text run is placed with the
//! text and transformation matrices (PDF 32000-1 §9.4), runs are grouped
//! into lines by their baseline, and a page whose lines fall on both sides
//! of a vertical gutter is read a column at a time — unless the two sides
//! pair up row by row (a table of dates and roles), where each row is read
//! across with a tab between its cells. Lines that open or close every page
//! alike (running headers and footers) are dropped.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

/// Most bytes a page's content may decompress to.
const MAX_PAGE_CONTENT: usize = 16 * 1024 * 1024;
/// Most text runs read from one page: a CV page has a few hundred.
const MAX_RUNS_PER_PAGE: usize = 5_000;
/// Most places a gutter is looked for on one page.
const MAX_GUTTER_CANDIDATES: usize = 64;
/// Form XObjects nested deeper than this are not entered.
const MAX_FORM_DEPTH: usize = 4;

/// A run of text as drawn: its start on the page, an estimate of its end,
/// and its font size, all in page units (points), y upwards.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// A font's encoding and the advance of its character codes.
struct FontInfo<'a> {
    encoding: Encoding<'a>,
    two_byte: bool,
    widths: BTreeMap<u32, f64>,
    default_width: f64,
}

impl FontInfo<'_> {
    fn advance(&self, bytes: &[u8]) -> (f64, usize) {
        let mut total = 0.0;
        let mut codes = 0;
        let mut step = |code: u32| {
            total += self
                .widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width)
                / 1000.0;
            codes += 1;
        };
        if self.two_byte {
            bytes
                .chunks(2)
                .for_each(|c| step(u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0))));
        } else {
            bytes.iter().for_each(|b| step(u32::from(*b)));
        }
        (total, codes)
    }
}

fn num(o: &Object) -> f64 {
    o.as_float().map(f64::from).unwrap_or(0.0)
}

fn font_info<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<FontInfo<'a>> {
    let encoding = font
        .get_font_encoding_with_limit(doc, MAX_PAGE_CONTENT)
        .ok()?;
    let two_byte = font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
    let mut widths = BTreeMap::new();
    let mut default_width = 500.0;
    if two_byte {
        let descendant = font
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|d| doc.dereference(d).ok())
            .and_then(|(_, d)| d.as_dict().ok());
        if let Some(d) = descendant {
            default_width = d.get(b"DW").map(num).unwrap_or(1000.0);
            if let Ok(w) = d.get_deref(b"W", doc).and_then(Object::as_array) {
                read_cid_widths(doc, w, &mut widths);
            }
        }
    } else {
        let first = font.get(b"FirstChar").map(num).unwrap_or(0.0) as u32;
        if let Ok(w) = font.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (i, width) in w.iter().enumerate() {
                let width = doc.dereference(width).map(|(_, o)| num(o)).unwrap_or(0.0);
                widths.insert(first + i as u32, width);
            }
        }
    }
    Some(FontInfo {
        encoding,
        two_byte,
        widths,
        default_width,
    })
}

/// `/W [c [w1 w2 …] c_first c_last w …]` (PDF 32000-1 §9.7.4.3).
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut BTreeMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() && out.len() < 65_536 {
        let start = num(&w[i]) as u32;
        match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(list))) => {
                for (k, width) in list.iter().enumerate() {
                    out.insert(start + k as u32, num(width));
                }
                i += 2;
            }
            Some(Ok(last)) => {
                let last = (num(last) as u32).min(start.saturating_add(65_536));
                let width = w.get(i + 2).map(num).unwrap_or(0.0);
                for code in start..=last {
                    out.insert(code, width);
                }
                i += 3;
            }
            _ => break,
        }
    }
}

/// 2-D affine matrix `[a b c d e f]`.
type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn matrix_of(operands: &[Object]) -> Option<Matrix> {
    (operands.len() == 6).then(|| {
        let v: Vec<f64> = operands.iter().map(num).collect();
        [v[0], v[1], v[2], v[3], v[4], v[5]]
    })
}

#[derive(Clone)]
struct TextState {
    font: Option<Vec<u8>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// Walks one content stream (and the form XObjects it draws), collecting runs.
struct Walker<'a> {
    doc: &'a Document,
    runs: Vec<Run>,
}

impl<'a> Walker<'a> {
    fn walk(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let fonts: BTreeMap<Vec<u8>, FontInfo> = resources
            .and_then(|r| {
                r.get_deref(b"Font", self.doc)
                    .and_then(Object::as_dict)
                    .ok()
            })
            .map(|fonts| {
                fonts
                    .iter()
                    .filter_map(|(name, f)| {
                        let (_, f) = self.doc.dereference(f).ok()?;
                        Some((name.clone(), font_info(self.doc, f.as_dict().ok()?)?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut ctm = ctm;
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut state = TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in &content.operations {
            if self.runs.len() >= MAX_RUNS_PER_PAGE {
                return;
            }
            let o = &op.operands;
            match op.operator.as_str() {
                "q" => stack.push((ctm, state.clone())),
                "Q" => {
                    if let Some((m, s)) = stack.pop() {
                        ctm = m;
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix_of(o) {
                        ctm = multiply(&m, &ctm);
                    }
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    state.font = o.first().and_then(|n| n.as_name().ok()).map(<[u8]>::to_vec);
                    state.size = o.get(1).map(num).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = o.first().map(num).unwrap_or(0.0),
                "Tw" => state.word_spacing = o.first().map(num).unwrap_or(0.0),
                "Tz" => state.scale = o.first().map(num).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = o.first().map(num).unwrap_or(0.0),
                "Ts" => state.rise = o.first().map(num).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (tx, ty) = (
                        o.first().map(num).unwrap_or(0.0),
                        o.get(1).map(num).unwrap_or(0.0),
                    );
                    if op.operator == "TD" {
                        state.leading = -ty;
                    }
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = matrix_of(o) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        tm = tlm;
                    }
                    let Some(font) = state.font.as_ref().and_then(|f| fonts.get(f)) else {
                        continue;
                    };
                    let items: Vec<&Object> = match op.operator.as_str() {
                        "TJ" => o
                            .first()
                            .and_then(|a| a.as_array().ok())
                            .map(|a| a.iter().collect())
                            .unwrap_or_default(),
                        "\"" => o.get(2).into_iter().collect(),
                        _ => o.first().into_iter().collect(),
                    };
                    self.show(&items, font, &state, &mut tm, &ctm);
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    self.form(o, resources, &ctm, depth);
                }
                _ => {}
            }
        }
    }

    /// Draws a form XObject (`Do`) with its own resources and matrix.
    fn form(
        &mut self,
        o: &[Object],
        resources: Option<&'a Dictionary>,
        ctm: &Matrix,
        depth: usize,
    ) {
        let Some(name) = o.first().and_then(|n| n.as_name().ok()) else {
            return;
        };
        let stream = resources
            .and_then(|r| {
                r.get_deref(b"XObject", self.doc)
                    .and_then(Object::as_dict)
                    .ok()
            })
            .and_then(|x| x.get_deref(name, self.doc).ok())
            .and_then(|s| s.as_stream().ok());
        let Some(stream) = stream else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let Ok(content) = stream.decompressed_content() else {
            return;
        };
        if content.len() > MAX_PAGE_CONTENT {
            return;
        }
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .and_then(|m| matrix_of(m))
            .unwrap_or(IDENTITY);
        let own = stream
            .dict
            .get_deref(b"Resources", self.doc)
            .and_then(Object::as_dict)
            .ok()
            .or(resources);
        self.walk(&content, own, multiply(&matrix, ctm), depth + 1);
    }

    fn show(
        &mut self,
        items: &[&Object],
        font: &FontInfo,
        state: &TextState,
        tm: &mut Matrix,
        ctm: &Matrix,
    ) {
        let mut text = String::new();
        let start = multiply(tm, ctm);
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    let mut piece = String::new();
                    if font.encoding.write_to_string(bytes, &mut piece).is_err() {
                        continue;
                    }
                    let (width, codes) = font.advance(bytes);
                    let spaces = piece.matches(' ').count() as f64;
                    let tx = (width * state.size
                        + codes as f64 * state.char_spacing
                        + spaces * state.word_spacing)
                        * state.scale;
                    *tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
                    text.push_str(&piece);
                }
                other => {
                    // a kerning adjustment in thousandths of an em; a wide
                    // one stands for a space the producer did not write
                    let adjust = num(other);
                    let tx = -adjust / 1000.0 * state.size * state.scale;
                    *tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
                    if adjust < -200.0 && !text.ends_with(' ') {
                        text.push(' ');
                    }
                }
            }
        }
        if text.trim().is_empty() {
            return;
        }
        // text set at an angle (a label written up the page's edge) is
        // decoration: its glyphs would fall into the lines beside it
        let (a, b) = (start[0], start[1]);
        if b.abs() > 0.1 * a.abs() || a <= 0.0 {
            return;
        }
        let end = multiply(tm, ctm);
        let size = (state.size * (start[2].powi(2) + start[3].powi(2)).sqrt()).abs();
        self.runs.push(Run {
            x: start[4],
            end: end[4].max(start[4]),
            y: start[5] + state.rise * start[3],
            size: if size > 0.0 { size } else { 10.0 },
            text,
        });
    }
}

/// One line of a page: its runs left to right.
#[derive(Debug, Clone)]
struct Line {
    y: f64,
    size: f64,
    runs: Vec<Run>,
}

impl Line {
    fn left(&self) -> f64 {
        self.runs.first().map_or(0.0, |r| r.x)
    }
    fn right(&self) -> f64 {
        self.runs.iter().map(|r| r.end).fold(f64::MIN, f64::max)
    }
    /// The runs joined: a space where runs stand apart, a tab across a
    /// gap wider than a space.
    /// The gap a letter-spaced line ("A N N A   W E B E R", capitals set
    /// with tracking, one glyph a run) puts between the letters of a word:
    /// the median gap between single-glyph runs, when most runs are one.
    fn tracking(&self) -> Option<f64> {
        let singles = self
            .runs
            .iter()
            .filter(|r| r.text.trim().chars().count() == 1)
            .count();
        if self.runs.len() < 4 || singles * 3 < self.runs.len() * 2 {
            return None;
        }
        let mut gaps: Vec<f64> = self
            .runs
            .windows(2)
            .filter(|w| {
                w[0].text.trim().chars().count() == 1 && w[1].text.trim().chars().count() == 1
            })
            .map(|w| w[1].x - w[0].end)
            .collect();
        if gaps.len() < 3 {
            return None;
        }
        gaps.sort_by(f64::total_cmp);
        let letter = gaps[gaps.len() / 2];
        (letter > 0.05 * self.size).then_some(letter)
    }

    fn text(&self) -> String {
        let tracking = self.tracking();
        let mut out = String::new();
        let mut last_end: Option<f64> = None;
        for r in &self.runs {
            if let Some(end) = last_end {
                let gap = r.x - end;
                if let Some(letter) = tracking {
                    // letters of one word close up; a wider gap is a space,
                    // a much wider one a cell apart
                    if gap > letter + 1.2 * self.size {
                        out.push('\t');
                    } else if gap > letter + 0.15 * self.size && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    out.push_str(r.text.trim_start());
                    last_end = Some(r.end);
                    continue;
                }
                if gap < -0.5 * self.size {
                    // drawn over the run before it: another line that
                    // happens to share the baseline (a footer, a margin note)
                    out.push('\n');
                } else if gap > 0.45 * self.size {
                    // wider than any space between words: a table's next
                    // cell, or a date set apart at the right margin
                    out.push('\t');
                } else if gap > 0.12 * self.size && !out.ends_with(' ') && !r.text.starts_with(' ')
                {
                    out.push(' ');
                }
            }
            out.push_str(&r.text);
            last_end = Some(r.end);
        }
        out.trim().to_owned()
    }
}

/// Runs grouped into lines by baseline, top to bottom.
fn lines_of(mut runs: Vec<Run>) -> Vec<Line> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Line> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line) if (line.y - run.y).abs() <= 0.35 * line.size.max(run.size) => {
                line.size = line.size.max(run.size);
                line.runs.push(run);
            }
            _ => lines.push(Line {
                y: run.y,
                size: run.size,
                runs: vec![run],
            }),
        }
    }
    for line in &mut lines {
        line.runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// A vertical gutter: an x that no run crosses, with text on both sides
/// along a good part of the page.
fn gutter(lines: &[Line]) -> Option<f64> {
    let runs: Vec<&Run> = lines.iter().flat_map(|l| &l.runs).collect();
    if runs.len() < 8 {
        return None;
    }
    let left = runs.iter().map(|r| r.x).fold(f64::MAX, f64::min);
    let right = runs.iter().map(|r| r.end).fold(f64::MIN, f64::max);
    let width = right - left;
    if width <= 0.0 {
        return None;
    }
    // candidate gutters: just left of where runs start, within the middle
    // 70%; a column starts many runs at one x, so the most frequent starts
    // are tried (a bounded number: a crafted page may have thousands)
    let mut starts: BTreeMap<i64, (usize, f64)> = BTreeMap::new();
    for r in &runs {
        if r.x - 1.0 >= left + 0.15 * width && r.x - 1.0 <= left + 0.85 * width {
            let e = starts.entry(r.x.round() as i64).or_insert((0, r.size));
            e.0 += 1;
        }
    }
    let mut candidates: Vec<(i64, usize, f64)> = starts
        .into_iter()
        .map(|(x, (n, size))| (x, n, size))
        .collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates.truncate(MAX_GUTTER_CANDIDATES);
    let mut best: Option<(f64, usize)> = None;
    for (start, _, size) in candidates {
        let x = start as f64 - 1.0;
        let crossing = lines
            .iter()
            .filter(|l| l.runs.iter().any(|o| o.x < x && o.end > x + 1.0))
            .count();
        // a few crossings are lines that span both columns (a name on top)
        if crossing * 10 > lines.len() {
            continue;
        }
        // and a gutter is a band of white, not the join of two runs
        let left_edge = runs
            .iter()
            .filter(|o| o.x < x && o.end <= x + 1.0)
            .map(|o| o.end)
            .fold(f64::MIN, f64::max);
        if x - left_edge < 0.8 * size {
            continue;
        }
        let on_left = lines
            .iter()
            .filter(|l| l.runs.iter().any(|o| o.end <= x + 1.0))
            .count();
        let on_right = lines
            .iter()
            .filter(|l| l.runs.iter().any(|o| o.x >= x))
            .count();
        let both = on_left.min(on_right);
        if both * 4 >= lines.len() && best.is_none_or(|(_, b)| both > b) {
            best = Some((x, both));
        }
    }
    best.map(|(x, _)| x)
}

/// Whether the two sides of a gutter pair up row by row, as a table of
/// dates and roles or of languages and levels does: every line of the
/// sparser side has a line of the other side on its baseline, and the left
/// side is the narrow one, of short entries (a date, a language). A page
/// laid out with a table — a main column beside a sidebar — may align its
/// rows too, but its left side is the wide one, or of long lines.
fn rows_pair_up(lines: &[Line], x: f64) -> bool {
    let mut left = 0;
    let mut right = 0;
    let mut both = 0;
    let mut left_words = 0;
    let (mut left_from, mut left_to) = (f64::MAX, f64::MIN);
    let (mut right_from, mut right_to) = (f64::MAX, f64::MIN);
    for l in lines {
        let has_left = l.runs.iter().any(|r| r.end <= x + 1.0);
        let has_right = l.runs.iter().any(|r| r.x >= x);
        left += usize::from(has_left);
        right += usize::from(has_right);
        both += usize::from(has_left && has_right);
        for r in &l.runs {
            if r.x < x {
                left_words += r.text.split_whitespace().count();
                left_from = left_from.min(r.x);
                left_to = left_to.max(r.end.min(x));
            } else {
                right_from = right_from.min(r.x);
                right_to = right_to.max(r.end);
            }
        }
    }
    let sparse = left.min(right);
    let aligned = sparse > 0 && both * 10 >= sparse * 9;
    let narrow_left = left_to - left_from <= right_to - right_from;
    let short_left = left > 0 && left_words <= 5 * left;
    aligned && narrow_left && short_left || right_margin_cells(lines, x)
}

/// Dates and contacts set flush right beside the lines they belong to
/// ("HCL Technologies — DevOps Engineer ⇥ 02/2023 – Present"): the right
/// side's lines are short, end where they all end (a sidebar's lines start
/// where they all start), and nearly all share a baseline with text on the
/// left.
fn right_margin_cells(lines: &[Line], x: f64) -> bool {
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    let mut paired = 0;
    let mut long = 0;
    for l in lines {
        let right: Vec<&Run> = l.runs.iter().filter(|r| r.x >= x).collect();
        let (Some(first), Some(last)) = (right.first(), right.last()) else {
            continue;
        };
        starts.push(first.x);
        ends.push(last.end);
        paired += usize::from(l.runs.iter().any(|r| r.end <= x + 1.0));
        // words of the cell as read (italics a browser draws a glyph a run
        // are one word, not one a glyph)
        let cell = Line {
            y: l.y,
            size: l.size,
            runs: right.iter().map(|r| (*r).clone()).collect(),
        };
        long += usize::from(cell.text().split_whitespace().count() > 6);
    }
    let spread = |v: &[f64]| {
        v.iter().copied().fold(f64::MIN, f64::max) - v.iter().copied().fold(f64::MAX, f64::min)
    };
    starts.len() >= 3
        && long == 0
        && paired * 5 >= starts.len() * 4
        && spread(&ends) + 2.0 < spread(&starts)
}

/// Lines of one side of the gutter (`left` or right), keeping lines that
/// cross it on the side they start.
fn side(lines: &[Line], x: f64, left: bool) -> Vec<Line> {
    lines
        .iter()
        .filter_map(|l| {
            let runs: Vec<Run> = l
                .runs
                .iter()
                .filter(|r| (r.x < x) == left)
                .cloned()
                .collect();
            let size = runs.iter().map(|r| r.size).fold(0.0, f64::max);
            (!runs.is_empty()).then_some(Line { y: l.y, size, runs })
        })
        .collect()
}

/// A page's lines in reading order. Where the page has two columns, the
/// column read second starts at `split`; it is held back when the next
/// page goes on with the column read first (a main column running onto a
/// page without the sidebar).
#[derive(Debug, Default)]
struct PageText {
    lines: Vec<String>,
    split: usize,
    /// The gutter, and whether the column read first is the right one.
    columns: Option<(f64, bool)>,
    left: f64,
    right: f64,
}

/// Marks a line set in larger type than the page's body text, with a few
/// words and no digits: a heading by its looks (`sections.rs` reads it).
pub const HEADING_MARK: char = '\u{1e}';

/// The body size of a page: the size most of its lines are set in.
fn body_size(lines: &[Line]) -> f64 {
    let mut sizes: Vec<f64> = lines.iter().map(|l| (l.size * 2.0).round() / 2.0).collect();
    sizes.sort_by(f64::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
}

fn marked(line: &Line, body: f64) -> String {
    let text = line.text();
    let words = text.split_whitespace().count();
    let prominent = line.size >= body * 1.15
        && (1..=5).contains(&words)
        && !text.chars().any(|c| c.is_ascii_digit() || c == '@');
    if prominent {
        format!("{HEADING_MARK}{text}")
    } else {
        text
    }
}

fn reading_order(lines: Vec<Line>) -> PageText {
    let body = body_size(&lines);
    let left = lines.iter().map(Line::left).fold(f64::MAX, f64::min);
    let right = lines.iter().map(Line::right).fold(f64::MIN, f64::max);
    let plain = |lines: &[Line]| PageText {
        lines: lines.iter().map(|l| marked(l, body)).collect(),
        split: lines.len(),
        columns: None,
        left,
        right,
    };
    let Some(x) = gutter(&lines) else {
        return plain(&lines);
    };
    if rows_pair_up(&lines, x) {
        return plain(&lines);
    }
    // lines that cross the gutter (a name across the top) stay where they
    // are; between them, one column is read before the other: the one
    // holding the largest type (the name), else the left one
    let largest = lines.iter().map(|l| l.size).fold(0.0, f64::max);
    let top = |c: &[Line]| c.iter().map(|l| l.size).fold(0.0, f64::max);
    let right_first = {
        let (l, r) = (side(&lines, x, true), side(&lines, x, false));
        top(&r) >= largest && top(&l) < largest
    };
    // larger type is larger than its own column's body text: a sidebar set
    // a size up throughout has no more headings than one set like the page
    let (body_left, body_right) = (
        body_size(&side(&lines, x, true)),
        body_size(&side(&lines, x, false)),
    );
    let (body_first, body_second) = if right_first {
        (body_right, body_left)
    } else {
        (body_left, body_right)
    };
    let mut first = Vec::new();
    let mut second = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let flush = |block: &mut Vec<Line>, first: &mut Vec<String>, second: &mut Vec<String>| {
        let (l, r) = (side(block, x, true), side(block, x, false));
        let (a, b) = if right_first { (r, l) } else { (l, r) };
        first.extend(a.iter().map(|l| marked(l, body_first)));
        second.extend(b.iter().map(|l| marked(l, body_second)));
        block.clear();
    };
    for line in lines {
        // a run over the gutter with nothing starting beyond it spans both
        // columns; otherwise each run goes to the side it starts on (an
        // end is only estimated: a long link may seem to reach over)
        let crosses =
            line.left() < x && line.right() > x + 1.0 && !line.runs.iter().any(|r| r.x >= x);
        if crosses {
            // a line across the page ends the columns above it
            flush(&mut block, &mut first, &mut second);
            first.append(&mut second);
            first.push(marked(&line, body));
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut first, &mut second);
    let split = first.len();
    first.append(&mut second);
    PageText {
        lines: first,
        split,
        columns: Some((x, right_first)),
        left,
        right,
    }
}

/// Digits folded, so "Page 1 of 2" and "Page 2 of 2" read alike.
fn shape(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect::<String>()
        .trim()
        .to_lowercase()
}

/// Drops the lines that open or close every page the same way (two pages
/// at least): running headers, footers and page numbers.
fn without_running_lines(pages: &mut [Vec<String>]) {
    if pages.len() < 2 {
        return;
    }
    for edge in [true, false] {
        for depth in 0..2 {
            let at = |p: &Vec<String>| -> Option<String> {
                let i = if edge {
                    depth
                } else {
                    p.len().checked_sub(depth + 1)?
                };
                p.get(i).map(|l| shape(l))
            };
            let first = pages.first().and_then(at);
            let Some(first) = first else { continue };
            if first.is_empty() || !pages.iter().all(|p| at(p).as_deref() == Some(&first)) {
                continue;
            }
            for p in pages.iter_mut() {
                let i = if edge { depth } else { p.len() - depth - 1 };
                p[i].clear();
            }
        }
    }
}

/// The runs of text a page draws.
fn page_runs(doc: &Document, page: ObjectId) -> Vec<Run> {
    let content = doc
        .get_page_content_with_limit(page, MAX_PAGE_CONTENT)
        .unwrap_or_default();
    let resources = doc.get_page_resources(page).ok().and_then(|(own, _)| own);
    let resources = resources.or_else(|| {
        // inherited resources: the first ancestor's dictionary
        doc.get_page_resources(page)
            .ok()
            .and_then(|(_, ids)| ids.first().copied())
            .and_then(|id| doc.get_dictionary(id).ok())
    });
    let mut walker = Walker {
        doc,
        runs: Vec::new(),
    };
    walker.walk(&content, resources, IDENTITY, 0);
    walker.runs
}

/// The text of the given pages, in reading order, one line per line.
pub fn pages_text(doc: &Document, pages: &[ObjectId]) -> String {
    let mut texts: Vec<PageText> = pages
        .iter()
        .map(|page| reading_order(lines_of(page_runs(doc, *page))))
        .collect();
    let mut all: Vec<Vec<String>> = texts
        .iter_mut()
        .map(|t| std::mem::take(&mut t.lines))
        .collect();
    without_running_lines(&mut all);
    let mut out = String::new();
    let mut held: Vec<String> = Vec::new();
    let mut held_side: Option<(f64, bool)> = None;
    let push = |out: &mut String, lines: &[String]| {
        for line in lines.iter().filter(|l| !l.is_empty()) {
            out.push_str(line);
            out.push('\n');
        }
    };
    for (page, lines) in texts.iter().zip(&all) {
        // the page goes on with the column read first on the page before
        let continues = held_side.is_some_and(|(x, right_first)| {
            page.columns.is_none()
                && if right_first {
                    page.left >= x - 1.0
                } else {
                    page.right <= x + 1.0
                }
        });
        if !continues {
            push(&mut out, &held);
            held.clear();
            held_side = None;
        }
        push(&mut out, &lines[..page.split.min(lines.len())]);
        if page.columns.is_some() {
            held = lines[page.split.min(lines.len())..].to_vec();
            held_side = page.columns;
        }
        out.push('\n');
    }
    push(&mut out, &held);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f64, y: f64, text: &str) -> Run {
        Run {
            x,
            end: x + text.len() as f64 * 5.0,
            y,
            size: 10.0,
            text: text.into(),
        }
    }

    #[test]
    fn runs_on_one_baseline_are_one_line() {
        let lines = lines_of(vec![
            run(50.0, 700.0, ", Acme"),
            run(10.0, 700.2, "Engineer"),
        ]);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "Engineer, Acme");
    }

    #[test]
    fn letter_spaced_capitals_close_up_into_words() {
        // one glyph a run, 5 pt wide, 4 pt of tracking; a word space adds 3
        let mut runs = Vec::new();
        let mut x = 10.0;
        for word in ["ANNA", "WEBER"] {
            for c in word.chars() {
                runs.push(run(x, 700.0, &c.to_string()));
                x += 9.0;
            }
            x += 3.0;
        }
        let lines = lines_of(runs);
        assert_eq!(lines[0].text(), "ANNA WEBER");
    }

    #[test]
    fn dates_flush_right_are_read_beside_their_lines_not_as_a_column() {
        // three jobs with dates ending at the right margin (x = 500)
        let mut lines = Vec::new();
        for (i, (job, dates)) in [
            ("Acme — Engineer", "02/2023 – Present"),
            ("Globex — Engineer", "08/2021 – 02/2023"),
            ("Initech — Intern", "2020"),
        ]
        .iter()
        .enumerate()
        {
            let y = 700.0 - 30.0 * i as f64;
            let right = run(500.0 - dates.len() as f64 * 5.0, y, dates);
            lines.push(Line {
                y,
                size: 10.0,
                runs: vec![run(10.0, y, job), right],
            });
            lines.push(Line {
                y: y - 12.0,
                size: 10.0,
                runs: vec![run(20.0, y - 12.0, "Delivered projects for clients")],
            });
        }
        assert!(right_margin_cells(&lines, 300.0));
        // a sidebar: lines that start where they all start
        let sidebar: Vec<Line> = ["Python", "Kubernetes and Terraform", "SQL"]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let y = 700.0 - 12.0 * i as f64;
                Line {
                    y,
                    size: 10.0,
                    runs: vec![run(10.0, y, "Main text here"), run(350.0, y, t)],
                }
            })
            .collect();
        assert!(!right_margin_cells(&sidebar, 300.0));
    }

    #[test]
    fn a_sidebar_is_read_before_the_main_column() {
        let mut runs = Vec::new();
        for i in 0..6 {
            runs.push(run(10.0, 700.0 - 14.0 * i as f64, &format!("side{i}")));
            runs.push(run(200.0, 702.0 - 17.0 * i as f64, &format!("main{i}")));
        }
        runs.push(run(
            10.0,
            760.0,
            "A Name Across The Whole Page Top Line Here Long",
        ));
        let text = reading_order(lines_of(runs)).lines;
        assert_eq!(text[0], "A Name Across The Whole Page Top Line Here Long");
        assert_eq!(text[1], "side0");
        assert_eq!(text[7], "main0");
    }

    #[test]
    fn a_table_of_dates_is_read_row_by_row() {
        let mut runs = Vec::new();
        for i in 0..5 {
            let y = 700.0 - 40.0 * i as f64;
            runs.push(run(10.0, y, "2019 - 2021"));
            runs.push(run(200.0, y, &format!("Role {i} at the company")));
            runs.push(run(200.0, y - 12.0, &format!("Company {i}")));
        }
        let text = reading_order(lines_of(runs)).lines;
        assert_eq!(text[0], "2019 - 2021\tRole 0 at the company");
        assert_eq!(text[1], "Company 0");
    }

    #[test]
    fn a_layout_table_with_the_main_column_on_the_left_is_read_by_columns() {
        let mut runs = Vec::new();
        for i in 0..6 {
            let y = 700.0 - 20.0 * i as f64;
            runs.push(run(
                10.0,
                y,
                &format!("main column line number {i} with several words"),
            ));
            runs.push(run(300.0, y, &format!("side column text {i}")));
        }
        let text = reading_order(lines_of(runs)).lines;
        assert_eq!(text[0], "main column line number 0 with several words");
        assert_eq!(text[6], "side column text 0");
    }

    #[test]
    fn running_headers_and_page_numbers_are_dropped() {
        let mut pages = vec![
            vec![
                "CV — Ana".to_owned(),
                "Summary".into(),
                "Page 1 of 2".into(),
            ],
            vec!["CV — Ana".to_owned(), "Skills".into(), "Page 2 of 2".into()],
        ];
        without_running_lines(&mut pages);
        assert_eq!(pages[0], ["", "Summary", ""]);
    }
}

/// A development aid: `SCOUT_PDF=file.pdf cargo test -p scout-ingest --lib
/// runs_of -- --ignored --nocapture` prints each run of text a PDF draws,
/// where it stands and its size.
#[cfg(test)]
mod debug {
    #[test]
    #[ignore]
    fn runs_of() {
        let path = std::env::var("SCOUT_PDF").unwrap_or_default();
        let bytes = std::fs::read(path).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        for page in doc.get_pages().values() {
            let runs = super::page_runs(&doc, *page);
            for r in &runs {
                eprintln!(
                    "{:7.1} {:7.1} {:7.1} {:4.1} {:?}",
                    r.x, r.end, r.y, r.size, r.text
                );
            }
        }
    }
}
