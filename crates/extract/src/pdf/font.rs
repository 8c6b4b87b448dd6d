//! Fonts: how the bytes of a shown string split into codes, what text each
//! code stands for, and how far each glyph advances.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::metrics;
use super::{Budget, num};
use crate::ExtractError;

/// One shown glyph.
pub(super) struct Glyph {
    /// Unicode text (empty when the code cannot be mapped).
    pub text: String,
    /// Advance in text space per unit of font size (1/1000 of the glyph
    /// width for ordinary fonts).
    pub width: f64,
    /// Single-byte code 32, to which word spacing (`Tw`) applies.
    pub word_space: bool,
}

enum Widths {
    Simple {
        first: i64,
        widths: Vec<f64>,
        missing: f64,
    },
    Cid {
        default: f64,
        ranges: Vec<(u32, u32, f64)>,
    },
    /// No widths in the file: the standard-14 metrics, or an average.
    Builtin {
        table: Option<&'static [u16; 95]>,
        fixed: Option<f64>,
    },
}

pub(super) struct Font {
    composite: bool,
    to_unicode: Option<CMap>,
    /// Simple fonts: text of each byte from the base encoding and /Differences.
    simple: Vec<Option<String>>,
    /// Composite fonts: an embedded /Encoding CMap (code lengths and CIDs).
    encoding_cmap: Option<CMap>,
    /// Composite fonts whose predefined CMap is Identity (code = CID).
    identity: bool,
    /// Composite fonts with a predefined UCS-2/UTF-16 CMap: codes are text.
    utf16: bool,
    widths: Widths,
    /// Glyph-space → text-space factor (0.001, or a Type 3 FontMatrix).
    width_factor: f64,
}

/// Text of a glyph name: Adobe Glyph List names (via lopdf's table),
/// `uniXXXX[YYYY…]`, `uXXXX[XX]`, `name.suffix` and `a_b` ligatures.
pub(super) struct GlyphNames<'d> {
    doc: &'d Document,
    cache: HashMap<Vec<u8>, Option<String>>,
    base: HashMap<Vec<u8>, Vec<Option<String>>>,
}

impl<'d> GlyphNames<'d> {
    pub(super) fn new(doc: &'d Document) -> Self {
        GlyphNames {
            doc,
            cache: HashMap::new(),
            base: HashMap::new(),
        }
    }

    fn lookup(&mut self, name: &[u8]) -> Option<String> {
        if let Some(hit) = self.cache.get(name) {
            return hit.clone();
        }
        let text = self.resolve(name, 0);
        self.cache.insert(name.to_vec(), text.clone());
        text
    }

    fn resolve(&self, name: &[u8], depth: usize) -> Option<String> {
        let name = std::str::from_utf8(name).ok()?;
        let name = name.split('.').next().unwrap_or("");
        if name.is_empty() || depth > 2 {
            return None;
        }
        if name.contains('_') {
            let parts: Option<String> = name
                .split('_')
                .map(|p| self.resolve(p.as_bytes(), depth + 1))
                .collect();
            return parts.filter(|s| !s.is_empty());
        }
        if let Some(hex) = name.strip_prefix("uni")
            && hex.len() >= 4
            && hex.len() % 4 == 0
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
        {
            let units: Vec<u16> = (0..hex.len())
                .step_by(4)
                .filter_map(|i| u16::from_str_radix(&hex[i..i + 4], 16).ok())
                .collect();
            return char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok();
        }
        if let Some(hex) = name.strip_prefix('u')
            && (4..=6).contains(&hex.len())
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
        {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
        // lopdf knows the Adobe Glyph List; ask it through a one-entry
        // /Differences on a throwaway font dictionary.
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        let mut enc = Dictionary::new();
        enc.set(
            "Differences",
            Object::Array(vec![
                Object::Integer(0),
                Object::Name(name.as_bytes().to_vec()),
            ]),
        );
        font.set("Encoding", Object::Dictionary(enc));
        let text = font
            .get_font_encoding(self.doc)
            .ok()?
            .bytes_to_string(&[0])
            .ok()?;
        (!text.is_empty()).then_some(text)
    }

    /// The 256 entries of a named base encoding (Standard, WinAnsi,
    /// MacRoman, MacExpert, PDFDoc); unknown names give StandardEncoding.
    fn base_encoding(&mut self, name: &[u8]) -> Vec<Option<String>> {
        let name: &[u8] = match name {
            b"WinAnsiEncoding" | b"MacRomanEncoding" | b"MacExpertEncoding" | b"PDFDocEncoding" => {
                name
            }
            _ => b"StandardEncoding",
        };
        if let Some(table) = self.base.get(name) {
            return table.clone();
        }
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Encoding", Object::Name(name.to_vec()));
        let table: Vec<Option<String>> = match font.get_font_encoding(self.doc) {
            Ok(enc) => (0u8..=255)
                .map(|b| enc.bytes_to_string(&[b]).ok().filter(|s| !s.is_empty()))
                .collect(),
            Err(_) => vec![None; 256],
        };
        self.base.insert(name.to_vec(), table.clone());
        table
    }
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    deref(doc, dict.get(key).ok()?)
}

fn read_cmap(
    doc: &Document,
    obj: &Object,
    budget: &mut Budget,
) -> Result<Option<CMap>, ExtractError> {
    let Some(Object::Stream(stream)) = deref(doc, obj) else {
        return Ok(None);
    };
    let data = budget.decode(stream)?;
    Ok(data.map(|d| CMap::parse(&d)))
}

fn base_font_name(dict: &Dictionary) -> String {
    let name = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    // Drop a subset tag ("ABCDEF+").
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 => rest.to_string(),
        _ => name,
    }
}

fn builtin_widths(base: &str) -> Widths {
    let bold = base.contains("bold") || base.contains("black") || base.contains("heavy");
    let italic = base.contains("italic") || base.contains("oblique");
    if base.contains("courier") || base.contains("mono") {
        return Widths::Builtin {
            table: None,
            fixed: Some(600.0),
        };
    }
    let table = if base.contains("times") || (base.contains("serif") && !base.contains("sans")) {
        Some(match (bold, italic) {
            (true, true) => &metrics::TIMES_BOLD_ITALIC,
            (true, false) => &metrics::TIMES_BOLD,
            (false, true) => &metrics::TIMES_ITALIC,
            (false, false) => &metrics::TIMES_ROMAN,
        })
    } else if base.contains("symbol") || base.contains("dingbats") {
        None
    } else {
        // Helvetica, Arial and anything unknown: a sans-serif average is the
        // best guess for spacing decisions.
        Some(if bold {
            &metrics::HELVETICA_BOLD
        } else {
            &metrics::HELVETICA
        })
    };
    Widths::Builtin { table, fixed: None }
}

impl Font {
    pub(super) fn load(
        doc: &Document,
        dict: &Dictionary,
        names: &mut GlyphNames<'_>,
        budget: &mut Budget,
    ) -> Result<Font, ExtractError> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let to_unicode = match dict.get(b"ToUnicode") {
            Ok(obj) => read_cmap(doc, obj, budget)?.filter(CMap::has_unicode),
            Err(_) => None,
        };
        let base = base_font_name(dict);

        if subtype == b"Type0" {
            let mut font = Font {
                composite: true,
                to_unicode,
                simple: Vec::new(),
                encoding_cmap: None,
                identity: false,
                utf16: false,
                widths: Widths::Cid {
                    default: 1000.0,
                    ranges: Vec::new(),
                },
                width_factor: 0.001,
            };
            match get(doc, dict, b"Encoding") {
                Some(Object::Name(name)) => {
                    font.identity = name.starts_with(b"Identity");
                    font.utf16 = name.ends_with(b"UCS2-H")
                        || name.ends_with(b"UCS2-V")
                        || name.ends_with(b"UTF16-H")
                        || name.ends_with(b"UTF16-V");
                }
                Some(obj @ Object::Stream(_)) => {
                    font.encoding_cmap = read_cmap(doc, obj, budget)?;
                }
                _ => font.identity = true,
            }
            let descendant = match get(doc, dict, b"DescendantFonts") {
                Some(Object::Array(arr)) => arr.first().and_then(|o| deref(doc, o)),
                other => other,
            };
            if let Some(Object::Dictionary(cid_font)) = descendant {
                let default = get(doc, cid_font, b"DW").and_then(num).unwrap_or(1000.0);
                let mut ranges = Vec::new();
                if let Some(Object::Array(w)) = get(doc, cid_font, b"W") {
                    let mut i = 0;
                    while i + 1 < w.len() {
                        let Some(first) = deref(doc, &w[i]).and_then(num).map(|f| f as u32) else {
                            break;
                        };
                        match deref(doc, &w[i + 1]) {
                            Some(Object::Array(ws)) => {
                                for (k, wv) in ws.iter().enumerate() {
                                    if let Some(wv) = deref(doc, wv).and_then(num) {
                                        let cid = first.saturating_add(k as u32);
                                        ranges.push((cid, cid, wv));
                                    }
                                }
                                i += 2;
                            }
                            Some(last) => {
                                let (Some(last), Some(wv)) = (
                                    num(last),
                                    w.get(i + 2).and_then(|o| deref(doc, o)).and_then(num),
                                ) else {
                                    break;
                                };
                                ranges.push((first, last as u32, wv));
                                i += 3;
                            }
                            None => break,
                        }
                    }
                }
                ranges.sort_by_key(|r| (r.0, r.1));
                font.widths = Widths::Cid { default, ranges };
            }
            return Ok(font);
        }

        // Simple fonts: Type1, MMType1, TrueType, Type3.
        let mut simple = match get(doc, dict, b"Encoding") {
            Some(Object::Name(name)) => names.base_encoding(name),
            Some(Object::Dictionary(enc)) => {
                let base = enc
                    .get(b"BaseEncoding")
                    .and_then(Object::as_name)
                    .unwrap_or(b"StandardEncoding");
                let mut table = names.base_encoding(base);
                if let Some(Object::Array(diffs)) = get(doc, enc, b"Differences") {
                    let mut code: Option<usize> = None;
                    for item in diffs {
                        match deref(doc, item) {
                            Some(Object::Integer(c)) => {
                                code = usize::try_from(*c).ok().filter(|&c| c < 256)
                            }
                            Some(Object::Name(name)) => {
                                if let Some(c) = code {
                                    table[c] = names.lookup(name);
                                    code = Some(c + 1).filter(|&c| c < 256);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                table
            }
            _ => names.base_encoding(b"StandardEncoding"),
        };
        simple.resize(256, None);

        let mut width_factor = 0.001;
        if subtype == b"Type3"
            && let Some(Object::Array(m)) = get(doc, dict, b"FontMatrix")
            && let Some(a) = m.first().and_then(num)
            && a.is_finite()
            && a != 0.0
        {
            width_factor = a.abs();
        }

        let widths = match get(doc, dict, b"Widths") {
            Some(Object::Array(ws)) => {
                let first = get(doc, dict, b"FirstChar").and_then(num).unwrap_or(0.0) as i64;
                let missing = get(doc, dict, b"FontDescriptor")
                    .and_then(|fd| fd.as_dict().ok())
                    .and_then(|fd| get(doc, fd, b"MissingWidth"))
                    .and_then(num)
                    .unwrap_or(0.0);
                let widths = ws
                    .iter()
                    .map(|w| deref(doc, w).and_then(num).unwrap_or(missing))
                    .collect();
                Widths::Simple {
                    first,
                    widths,
                    missing,
                }
            }
            _ => builtin_widths(&base),
        };

        Ok(Font {
            composite: false,
            to_unicode,
            simple,
            encoding_cmap: None,
            identity: false,
            utf16: false,
            widths,
            width_factor,
        })
    }

    /// Splits a shown string into glyphs, at most `limit` of them (the rest of the string is
    /// not decoded: the caller's glyph budget is spent by then).
    pub(super) fn decode(&self, bytes: &[u8], limit: usize) -> Vec<Glyph> {
        let mut out = Vec::with_capacity(bytes.len().min(limit));
        if !self.composite {
            for &b in bytes.iter().take(limit) {
                let text = self
                    .to_unicode
                    .as_ref()
                    .and_then(|m| m.unicode(1, b as u32))
                    .filter(|t| usable(t))
                    .or_else(|| self.simple[b as usize].clone())
                    .unwrap_or_default();
                let width = self.simple_width(b, &text);
                out.push(Glyph {
                    text: clean(text),
                    width,
                    word_space: b == 32,
                });
            }
            return out;
        }

        let mut i = 0;
        while i < bytes.len() && out.len() < limit {
            let rest = &bytes[i..];
            let n = match (&self.encoding_cmap, &self.to_unicode) {
                (Some(enc), _) if enc.has_codespace() => enc.code_len(rest, 2),
                (_, Some(tu)) if !self.identity && tu.has_codespace() => tu.code_len(rest, 2),
                _ => 2,
            }
            .min(rest.len());
            let code = rest[..n].iter().fold(0u32, |acc, &b| (acc << 8) | b as u32);
            i += n;
            let len = n as u8;
            let cid = self
                .encoding_cmap
                .as_ref()
                .and_then(|m| m.cid(len, code))
                .unwrap_or(code);
            let text = self
                .to_unicode
                .as_ref()
                .and_then(|m| m.unicode(len, code))
                .filter(|t| usable(t))
                .or_else(|| {
                    self.utf16.then(|| {
                        let units: Vec<u16> = rest[..n]
                            .chunks(2)
                            .map(|p| ((p[0] as u16) << 8) | *p.get(1).unwrap_or(&0) as u16)
                            .collect();
                        char::decode_utf16(units).filter_map(Result::ok).collect()
                    })
                })
                .unwrap_or_default();
            let width = match &self.widths {
                Widths::Cid { default, ranges } => {
                    let idx = ranges.partition_point(|r| r.0 <= cid);
                    ranges[..idx]
                        .iter()
                        .rev()
                        .take(4)
                        .find(|r| cid <= r.1)
                        .map_or(*default, |r| r.2)
                }
                _ => 1000.0,
            } * self.width_factor;
            out.push(Glyph {
                text: clean(text),
                width,
                word_space: n == 1 && code == 32,
            });
        }
        out
    }

    fn simple_width(&self, code: u8, text: &str) -> f64 {
        let w = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => {
                let idx = code as i64 - first;
                if idx >= 0 {
                    widths.get(idx as usize).copied().unwrap_or(*missing)
                } else {
                    *missing
                }
            }
            Widths::Builtin { fixed: Some(w), .. } => *w,
            Widths::Builtin { table, .. } => {
                let c = text.chars().next().unwrap_or(' ');
                match (table, c as u32) {
                    (Some(t), cp @ 32..=126) => t[(cp - 32) as usize] as f64,
                    (Some(t), _) => t[(b'n' - 32) as usize] as f64,
                    (None, _) => 600.0,
                }
            }
            Widths::Cid { default, .. } => *default,
        };
        w * self.width_factor
    }
}

/// A ToUnicode entry worth using (some producers map unused codes to NUL).
fn usable(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .any(|c| c != '\0' && c != char::REPLACEMENT_CHARACTER)
}

/// Expands typographic ligatures and maps symbol-font bullets (Word's
/// Symbol/Wingdings bullets land in the Private Use Area) to `•`; other
/// private-use glyphs (icon fonts) are dropped.
fn clean(text: String) -> String {
    if !text
        .chars()
        .any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c) || ('\u{E000}'..='\u{F8FF}').contains(&c))
    {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{F0B7}' | '\u{F0A7}' | '\u{F0A8}' | '\u{F076}' | '\u{F0D8}' | '\u{F0FC}'
            | '\u{F06E}' => out.push('•'),
            '\u{E000}'..='\u{F8FF}' => {}
            c => out.push(c),
        }
    }
    out
}
