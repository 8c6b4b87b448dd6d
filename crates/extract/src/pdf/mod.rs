//! PDF → plain text from the text layer.
//!
//! lopdf parses the file (xref repair, object streams, filters, decryption
//! with an empty user password) and this module interprets the page content
//! streams: text state and matrices (`cm`, `q`/`Q`, `BT`, `Tf`, `Tc`, `Tw`,
//! `Tz`, `TL`, `Ts`, `Td`, `TD`, `Tm`, `T*`, `Tj`, `TJ`, `'`, `"`), form
//! XObjects (`Do`), and fonts (simple fonts with standard encodings and
//! /Differences, Type 3, and Type0/CID fonts, with /ToUnicode maps taking
//! precedence). Each glyph is placed in device space with its real advance
//! width (from /Widths, /W, or the standard-14 metrics), so words, spaces,
//! lines and paragraph gaps come from geometry, not from how the producer
//! happened to chunk its strings.
//!
//! Reading order is the content-stream order, with glyphs on the same
//! baseline joined into one line; that is right for ordinary single-column
//! documents, and keeps multi-column layouts column by column when the
//! producer draws them that way.

mod cmap;
mod font;
mod metrics;

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{DecompressError, Dictionary, Document, LoadOptions, Object, ObjectId, Stream};

use crate::{
    Cancel, ExtractError, LayoutLine, LayoutPage, LayoutSpan, MAX_INFLATED_BYTES, MAX_PDF_GLYPHS,
    MAX_PDF_OPERATIONS, MAX_PDF_PAGES, Ticker,
};
use font::{Font, GlyphNames};

/// Nested form XObjects followed at most this deep.
const MAX_FORM_DEPTH: usize = 8;
/// `q` nesting kept at most this deep (deeper saves are ignored).
const MAX_GSTATE_DEPTH: usize = 256;

pub(crate) fn extract(bytes: &[u8], cancel: &Cancel) -> Result<String, ExtractError> {
    let mut out = String::new();
    for page in pages(bytes, usize::MAX, cancel)? {
        let text = page.finish();
        if !text.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&text);
        }
    }
    Ok(out)
}

/// Positioned lines of every page (see [`crate::extract_pdf_layout`]).
pub(crate) fn layout(
    bytes: &[u8],
    max_pages: usize,
    cancel: &Cancel,
) -> Result<Vec<LayoutPage>, ExtractError> {
    Ok(pages(bytes, max_pages, cancel)?
        .into_iter()
        .map(PageText::layout)
        .collect())
}

/// Interprets every page (at most `max_pages`, else [`ExtractError::TooLarge`]), within the
/// page, operator and glyph caps and until `cancel` fires.
fn pages(bytes: &[u8], max_pages: usize, cancel: &Cancel) -> Result<Vec<PageText>, ExtractError> {
    let header_window = &bytes[..bytes.len().min(1024)];
    if !header_window.windows(5).any(|w| w == b"%PDF-") {
        return Err(ExtractError::NotAPdf("no %PDF- header".into()));
    }
    // Loading inflates every object stream (and xref stream) up front, each
    // bounded by lopdf's per-stream limit. Their dictionaries are always
    // plain text in the file, so counting them splits the budget between
    // them and bounds the total, not just each one.
    let object_streams = bytes.windows(7).filter(|w| w == b"/ObjStm").count().max(1);
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_INFLATED_BYTES / object_streams),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. }) => {
            ExtractError::TooLarge
        }
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => {
            ExtractError::NotAPdf("the PDF is password-protected".into())
        }
        _ => ExtractError::NotAPdf("the file could not be parsed as a PDF".into()),
    })?;
    if doc.trailer.has(b"Encrypt") {
        return Err(ExtractError::NotAPdf(
            "the PDF is password-protected".into(),
        ));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::NotAPdf("the PDF has no pages".into()));
    }
    if pages.len() > MAX_PDF_PAGES {
        return Err(ExtractError::TooComplex(format!(
            "more than {MAX_PDF_PAGES} pages"
        )));
    }
    if cancel.is_cancelled() {
        return Err(ExtractError::Cancelled);
    }

    let mut interp = Interp {
        doc: &doc,
        budget: Budget {
            remaining: MAX_INFLATED_BYTES,
        },
        names: GlyphNames::new(&doc),
        fonts: HashMap::new(),
        forms: HashMap::new(),
        active_forms: Vec::new(),
        page: PageText::default(),
        operations_left: MAX_PDF_OPERATIONS,
        glyphs_left: MAX_PDF_GLYPHS,
        ticker: Ticker::new(cancel),
    };
    if pages.len() > max_pages {
        return Err(ExtractError::TooLarge);
    }
    let mut out = Vec::with_capacity(pages.len());
    for &page_id in pages.values() {
        out.push(interp.page(page_id)?);
    }
    Ok(out)
}

/// Bytes left to decode for this document (page contents, forms, CMaps).
pub(super) struct Budget {
    remaining: usize,
}

impl Budget {
    /// Decoded content of a stream, `None` when its filters cannot be
    /// decoded (the stream is then skipped), `TooLarge` over the budget.
    pub(super) fn decode(&mut self, stream: &Stream) -> Result<Option<Vec<u8>>, ExtractError> {
        match stream.get_plain_content_with_limit(self.remaining) {
            Ok(data) => {
                self.remaining = self.remaining.saturating_sub(data.len());
                Ok(Some(data))
            }
            Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                Err(ExtractError::TooLarge)
            }
            Err(_) => Ok(None),
        }
    }
}

pub(super) fn num(obj: &Object) -> Option<f64> {
    match obj {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

/// Affine matrix `[a b c d e f]` (PDF row-vector convention).
#[derive(Clone, Copy, Debug)]
struct M([f64; 6]);

const IDENTITY: M = M([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

impl M {
    fn mul(&self, o: &M) -> M {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        M([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(tx: f64, ty: f64) -> M {
        M([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    fn from_operands(ops: &[Object]) -> Option<M> {
        if ops.len() < 6 {
            return None;
        }
        let mut v = [0.0; 6];
        for (slot, o) in v.iter_mut().zip(ops) {
            *slot = num(o)?;
        }
        Some(M(v))
    }
}

#[derive(Clone)]
struct GState {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// A form XObject ready to run.
struct Form<'d> {
    id: ObjectId,
    /// Its decoded content stream (parsed again on each run, never held as operations).
    content: Rc<Vec<u8>>,
    matrix: M,
    /// Its own resources first, then the caller's (inherited).
    resources: Vec<&'d Dictionary>,
}

struct Interp<'d> {
    doc: &'d Document,
    budget: Budget,
    names: GlyphNames<'d>,
    /// Loaded fonts by the address of their dictionary in `doc`.
    fonts: HashMap<usize, Option<Rc<Font>>>,
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
    active_forms: Vec<ObjectId>,
    page: PageText,
    /// Content operators that may still be interpreted ([`MAX_PDF_OPERATIONS`]).
    operations_left: usize,
    /// Glyphs that may still be shown ([`MAX_PDF_GLYPHS`]).
    glyphs_left: usize,
    ticker: Ticker<'d>,
}

/// The operators of a content stream, parsed one at a time as they are run (a stream of
/// millions of operators never exists in memory as a list). What parses is kept: a damaged
/// tail does not lose the whole page.
fn operations(data: &[u8]) -> impl Iterator<Item = Operation> + '_ {
    Content::decode_iter(data).map_while(Result::ok)
}

impl<'d> Interp<'d> {
    fn page(&mut self, page_id: ObjectId) -> Result<PageText, ExtractError> {
        let doc = self.doc;
        let mut data = Vec::new();
        for id in doc.get_page_contents(page_id) {
            if let Ok(Object::Stream(stream)) = doc.get_object(id)
                && let Some(content) = self.budget.decode(stream)?
            {
                data.extend_from_slice(&content);
                data.push(b'\n');
            }
        }
        let mut resources: Vec<&'d Dictionary> = Vec::new();
        if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
            resources.extend(direct);
            resources.extend(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()));
        }
        self.page = PageText::default();
        self.run(&data, &resources, GState::default())?;
        Ok(std::mem::take(&mut self.page))
    }

    fn lookup(
        &self,
        resources: &[&'d Dictionary],
        category: &[u8],
        name: &[u8],
    ) -> Option<&'d Object> {
        let doc = self.doc;
        resources.iter().find_map(|res| {
            let (_, cat) = doc.dereference(res.get(category).ok()?).ok()?;
            cat.as_dict().ok()?.get(name).ok()
        })
    }

    fn font(
        &mut self,
        resources: &[&'d Dictionary],
        name: &[u8],
    ) -> Result<Option<Rc<Font>>, ExtractError> {
        let doc = self.doc;
        let Some(obj) = self.lookup(resources, b"Font", name) else {
            return Ok(None);
        };
        let Ok((_, Object::Dictionary(dict))) = doc.dereference(obj) else {
            return Ok(None);
        };
        let key = dict as *const Dictionary as usize;
        if let Some(font) = self.fonts.get(&key) {
            return Ok(font.clone());
        }
        let font = Font::load(doc, dict, &mut self.names, &mut self.budget)?;
        let font = Some(Rc::new(font));
        self.fonts.insert(key, font.clone());
        Ok(font)
    }

    fn form(
        &mut self,
        resources: &[&'d Dictionary],
        name: &[u8],
    ) -> Result<Option<Form<'d>>, ExtractError> {
        let doc = self.doc;
        let Some(Object::Reference(id)) = self.lookup(resources, b"XObject", name) else {
            return Ok(None);
        };
        let Ok(Object::Stream(stream)) = doc.get_object(*id) else {
            return Ok(None);
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(None);
        }
        let content = match self.forms.get(id) {
            Some(content) => content.clone(),
            None => {
                let content = Rc::new(self.budget.decode(stream)?.unwrap_or_default());
                self.forms.insert(*id, content.clone());
                content
            }
        };
        let matrix = match stream.dict.get(b"Matrix").ok().map(|m| doc.dereference(m)) {
            Some(Ok((_, Object::Array(m)))) => M::from_operands(m).unwrap_or(IDENTITY),
            _ => IDENTITY,
        };
        let mut form_resources = Vec::with_capacity(resources.len() + 1);
        if let Ok(res) = stream.dict.get(b"Resources")
            && let Ok((_, Object::Dictionary(res))) = doc.dereference(res)
        {
            form_resources.push(res);
        }
        // Forms without their own resources inherit the page's.
        form_resources.extend_from_slice(resources);
        Ok(Some(Form {
            id: *id,
            content,
            matrix,
            resources: form_resources,
        }))
    }

    /// Interprets a content stream, operator by operator, within the document's operator and
    /// glyph budgets and its cancel handle.
    fn run(
        &mut self,
        content: &[u8],
        resources: &[&'d Dictionary],
        mut gs: GState,
    ) -> Result<(), ExtractError> {
        let mut stack: Vec<GState> = Vec::new();
        let mut depth_overflow = 0usize;
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;

        for op in operations(content) {
            self.ticker.tick()?;
            self.operations_left = self.operations_left.checked_sub(1).ok_or_else(|| {
                ExtractError::TooComplex(format!(
                    "more than {MAX_PDF_OPERATIONS} content operators"
                ))
            })?;
            let o = &op.operands;
            let n = |i: usize| o.get(i).and_then(num);
            match op.operator.as_str() {
                "q" => {
                    if stack.len() < MAX_GSTATE_DEPTH {
                        stack.push(gs.clone());
                    } else {
                        depth_overflow += 1;
                    }
                }
                "Q" => {
                    if depth_overflow > 0 {
                        depth_overflow -= 1;
                    } else if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                "cm" => {
                    if let Some(m) = M::from_operands(o) {
                        gs.ctm = m.mul(&gs.ctm);
                    }
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    if let Some(Object::Name(name)) = o.first() {
                        gs.font = self.font(resources, name)?;
                    }
                    if let Some(size) = n(1) {
                        gs.size = size;
                    }
                }
                "Tc" => gs.char_spacing = n(0).unwrap_or(gs.char_spacing),
                "Tw" => gs.word_spacing = n(0).unwrap_or(gs.word_spacing),
                "Tz" => gs.hscale = n(0).map_or(gs.hscale, |v| v / 100.0),
                "TL" => gs.leading = n(0).unwrap_or(gs.leading),
                "Ts" => gs.rise = n(0).unwrap_or(gs.rise),
                "Td" | "TD" => {
                    if let (Some(tx), Some(ty)) = (n(0), n(1)) {
                        if op.operator == "TD" {
                            gs.leading = -ty;
                        }
                        tlm = M::translate(tx, ty).mul(&tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = M::from_operands(o) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = M::translate(0.0, -gs.leading).mul(&tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = o.first() {
                        self.show(&gs, &mut tm, s)?;
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.word_spacing = n(0).unwrap_or(gs.word_spacing);
                        gs.char_spacing = n(1).unwrap_or(gs.char_spacing);
                    }
                    tlm = M::translate(0.0, -gs.leading).mul(&tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = o.last() {
                        self.show(&gs, &mut tm, s)?;
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = o.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(&gs, &mut tm, s)?,
                                other => {
                                    if let Some(adj) = num(other) {
                                        let tx = -adj / 1000.0 * gs.size * gs.hscale;
                                        tm = M::translate(tx, 0.0).mul(&tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Object::Name(name)) = o.first()
                        && self.active_forms.len() < MAX_FORM_DEPTH
                        && let Some(form) = self.form(resources, name)?
                        && !self.active_forms.contains(&form.id)
                    {
                        let mut inner = gs.clone();
                        inner.ctm = form.matrix.mul(&gs.ctm);
                        self.active_forms.push(form.id);
                        let result = self.run(&form.content, &form.resources, inner);
                        self.active_forms.pop();
                        result?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn show(&mut self, gs: &GState, tm: &mut M, bytes: &[u8]) -> Result<(), ExtractError> {
        let Some(font) = gs.font.clone() else {
            return Ok(());
        };
        for glyph in font.decode(bytes, self.glyphs_left.saturating_add(1)) {
            self.glyphs_left = self.glyphs_left.checked_sub(1).ok_or_else(|| {
                ExtractError::TooComplex(format!("more than {MAX_PDF_GLYPHS} glyphs"))
            })?;
            let tmc = tm.mul(&gs.ctm);
            let along_scale = tmc.0[0].hypot(tmc.0[1]);
            let size = (gs.size * tmc.0[2].hypot(tmc.0[3])).abs();
            let advance = (glyph.width * gs.size
                + gs.char_spacing
                + if glyph.word_space {
                    gs.word_spacing
                } else {
                    0.0
                })
                * gs.hscale;
            if along_scale > 1e-9 && size.is_finite() && advance.is_finite() {
                let dir = (tmc.0[0] / along_scale, tmc.0[1] / along_scale);
                // The baseline ignores text rise: superscripts stay on their line.
                let origin = (tmc.0[4], tmc.0[5]);
                let advance_device = advance * along_scale;
                self.page
                    .glyph(&glyph.text, origin, advance_device, size, dir);
            }
            *tm = M::translate(advance, 0.0).mul(tm);
        }
        Ok(())
    }
}

struct Line {
    text: String,
    dir: (f64, f64),
    across: f64,
    end: f64,
    size: f64,
    /// First character and position of recent glyphs, to drop the second
    /// copy of text drawn twice at (almost) the same place (fake bold).
    recent: Vec<(char, f64)>,
    /// Start and end (along the baseline) of each run between tab gaps.
    spans: Vec<(f64, f64)>,
}

struct DoneLine {
    text: String,
    dir: (f64, f64),
    across: f64,
    size: f64,
    spans: Vec<(f64, f64)>,
}

#[derive(Default)]
struct PageText {
    lines: Vec<DoneLine>,
    current: Option<Line>,
}

/// A gap wider than this (in font sizes) between glyphs on a line is a space.
const SPACE_GAP: f64 = 0.15;
/// … and wider than this, a tab (a column jump, like a right-aligned date).
const TAB_GAP: f64 = 3.0;

impl PageText {
    fn glyph(&mut self, text: &str, origin: (f64, f64), advance: f64, size: f64, dir: (f64, f64)) {
        let along = origin.0 * dir.0 + origin.1 * dir.1;
        let across = origin.1 * dir.0 - origin.0 * dir.1;
        let size = size.max(0.5);
        let first = text.chars().next();

        if let Some(line) = &mut self.current {
            let same_dir = line.dir.0 * dir.0 + line.dir.1 * dir.1 > 0.99;
            if same_dir && (across - line.across).abs() <= 0.5 * size.min(line.size) {
                if let Some(c) = first
                    && !c.is_whitespace()
                    && line
                        .recent
                        .iter()
                        .any(|&(rc, ra)| rc == c && (ra - along).abs() < 0.1 * size)
                {
                    return;
                }
                let gap = along - line.end;
                if !text.is_empty() {
                    let starts_space = first.is_some_and(char::is_whitespace);
                    let ends_space =
                        line.text.ends_with(char::is_whitespace) || line.text.is_empty();
                    if gap > TAB_GAP * size && !line.text.is_empty() {
                        line.text.truncate(line.text.trim_end().len());
                        line.text.push('\t');
                        line.spans.push((along, along));
                    } else if (gap > SPACE_GAP * size || gap < -size)
                        && !starts_space
                        && !ends_space
                    {
                        line.text.push(' ');
                    }
                    line.text.push_str(text);
                }
                if let Some(c) = first {
                    if line.recent.len() >= 64 {
                        line.recent.remove(0);
                    }
                    line.recent.push((c, along));
                }
                line.end = along + advance;
                if let Some(span) = line.spans.last_mut() {
                    span.1 = line.end;
                }
                line.size = line.size.max(size);
                return;
            }
        }

        self.flush();
        self.current = Some(Line {
            text: text.to_string(),
            dir,
            across,
            end: along + advance,
            size,
            recent: first.map(|c| vec![(c, along)]).unwrap_or_default(),
            spans: vec![(along, along + advance)],
        });
    }

    fn flush(&mut self) {
        let Some(line) = self.current.take() else {
            return;
        };
        let mut text = String::with_capacity(line.text.len());
        for c in line.text.trim().chars() {
            // Producers pad with runs of spaces; keep one.
            if c == ' ' && text.ends_with(' ') {
                continue;
            }
            text.push(c);
        }
        if !text.is_empty() {
            self.lines.push(DoneLine {
                text,
                dir: line.dir,
                across: line.across,
                size: line.size,
                spans: line.spans,
            });
        }
    }

    /// The page's lines with their runs and positions, in drawing order.
    fn layout(mut self) -> LayoutPage {
        self.flush();
        let lines = self
            .lines
            .into_iter()
            .map(|l| {
                let texts: Vec<&str> = l.text.split('\t').collect();
                let spans = if texts.len() == l.spans.len() {
                    texts
                        .iter()
                        .zip(&l.spans)
                        .map(|(t, &(x0, x1))| LayoutSpan {
                            text: t.trim().to_owned(),
                            x0: x0 as f32,
                            x1: x1 as f32,
                        })
                        .collect()
                } else {
                    // Text that carried its own tabs: one run over the whole line.
                    let x0 = l.spans.first().map_or(0.0, |s| s.0);
                    let x1 = l.spans.last().map_or(0.0, |s| s.1);
                    vec![LayoutSpan {
                        text: l.text.replace('\t', " "),
                        x0: x0 as f32,
                        x1: x1 as f32,
                    }]
                };
                LayoutLine {
                    y: l.across as f32,
                    size: l.size as f32,
                    spans,
                }
            })
            .collect();
        LayoutPage { lines }
    }

    /// Joins lines: `"\n"` within a paragraph, `"\n\n"` where the vertical
    /// gap is clearly larger than the page's usual line pitch, the text moves
    /// back up (a new column or box), or the font size changes markedly.
    fn finish(mut self) -> String {
        self.flush();
        let lines = self.lines;
        let same_dir = |a: &DoneLine, b: &DoneLine| a.dir.0 * b.dir.0 + a.dir.1 * b.dir.1 > 0.99;

        let mut gaps: Vec<f64> = lines
            .windows(2)
            .filter(|w| same_dir(&w[0], &w[1]))
            .map(|w| (w[0].across - w[1].across, w[0].size.min(w[1].size)))
            .filter(|&(g, size)| g > 0.3 * size && g < 3.0 * size)
            .map(|(g, _)| g)
            .collect();
        gaps.sort_by(f64::total_cmp);
        // Lower quartile: the ordinary line pitch even when many paragraphs
        // are one line long.
        let pitch = gaps.get(gaps.len() / 4).copied();

        let mut out = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                let prev = &lines[i - 1];
                let size = prev.size.min(line.size);
                let gap = prev.across - line.across;
                let ratio = prev.size.max(line.size) / size;
                let paragraph = !same_dir(prev, line)
                    || gap < -0.5 * size
                    || ratio > 1.25
                    || match pitch {
                        Some(p) => gap > p * 1.3 + 0.05 * size,
                        None => gap > 1.8 * size,
                    };
                out.push_str(if paragraph { "\n\n" } else { "\n" });
            }
            out.push_str(&line.text);
        }
        out
    }
}
