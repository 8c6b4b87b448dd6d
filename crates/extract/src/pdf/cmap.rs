//! A small, bounded parser for the CMaps a text extractor needs: `/ToUnicode`
//! maps (`bfchar`/`bfrange`) and embedded Type0 `/Encoding` CMaps
//! (`codespacerange`, `cidchar`/`cidrange`).
//!
//! Ranges are kept as ranges (never expanded), so a hostile
//! `<00000000> <FFFFFFFF>` range costs nothing.

use std::collections::HashMap;

#[derive(Debug, Default)]
pub(super) struct CMap {
    /// `(low, high)` byte strings of equal length (1..=4).
    codespace: Vec<(Vec<u8>, Vec<u8>)>,
    chars: HashMap<(u8, u32), String>,
    /// Sorted by `(len, lo)`.
    ranges: Vec<BfRange>,
    cid_chars: HashMap<(u8, u32), u32>,
    /// `(len, lo, hi, first_cid)`, sorted.
    cid_ranges: Vec<(u8, u32, u32, u32)>,
}

#[derive(Debug)]
struct BfRange {
    len: u8,
    lo: u32,
    hi: u32,
    dst: RangeDst,
}

#[derive(Debug)]
enum RangeDst {
    /// UTF-16 units; the last one is incremented through the range.
    Base(Vec<u16>),
    Array(Vec<String>),
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
    Other,
}

fn tokens(data: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b' ' | b'\t' | b'\r' | b'\n' | b'\x0C' | b'\0' => i += 1,
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                out.push(Token::Other);
                i += 2;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                out.push(Token::Other);
                i += 2;
            }
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| start + p);
                let digits: Vec<u8> = data[start..end]
                    .iter()
                    .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings do not occur in the sections we read; skip.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                out.push(Token::Other);
            }
            b'{' | b'}' | b'>' | b')' => {
                out.push(Token::Other);
                i += 1;
            }
            _ => {
                let start = i;
                while i < data.len() && !b" \t\r\n\x0C\0%<>[](){}/".contains(&data[i]) {
                    i += 1;
                }
                if c == b'/' {
                    i = i.max(start + 1);
                    while i < data.len() && !b" \t\r\n\x0C\0%<>[](){}/".contains(&data[i]) {
                        i += 1;
                    }
                }
                out.push(Token::Word(&data[start..i]));
            }
        }
    }
    out
}

fn code(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some((
        bytes.len() as u8,
        bytes.iter().fold(0u32, |acc, &b| (acc << 8) | b as u32),
    ))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| ((p[0] as u16) << 8) | p.get(1).copied().unwrap_or(0) as u16)
        .collect()
}

fn utf16_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn int(tok: &Token<'_>) -> Option<u32> {
    match tok {
        Token::Word(w) => std::str::from_utf8(w).ok()?.parse().ok(),
        _ => None,
    }
}

impl CMap {
    pub(super) fn parse(data: &[u8]) -> CMap {
        let toks = tokens(data);
        let mut cmap = CMap::default();
        let mut i = 0;
        while i < toks.len() {
            let Token::Word(word) = toks[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match word {
                b"begincodespacerange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        if !lo.is_empty() && lo.len() == hi.len() && lo.len() <= 4 {
                            cmap.codespace.push((lo.clone(), hi.clone()));
                        }
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Token::Hex(src)), Some(dst)) = (toks.get(i), toks.get(i + 1)) {
                        if let (Some(key), Token::Hex(dst)) = (code(src), dst) {
                            cmap.chars.insert(key, utf16_string(&utf16(dst)));
                        }
                        i += 2;
                    }
                }
                b"beginbfrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        i += 2;
                        let dst = match toks.get(i) {
                            Some(Token::Hex(base)) => {
                                i += 1;
                                Some(RangeDst::Base(utf16(base)))
                            }
                            Some(Token::Open) => {
                                i += 1;
                                let mut items = Vec::new();
                                while let Some(Token::Hex(item)) = toks.get(i) {
                                    items.push(utf16_string(&utf16(item)));
                                    i += 1;
                                }
                                if toks.get(i) == Some(&Token::Close) {
                                    i += 1;
                                }
                                Some(RangeDst::Array(items))
                            }
                            _ => None,
                        };
                        if let (Some((len, lo)), Some((hlen, hi)), Some(dst)) =
                            (code(lo), code(hi), dst)
                            && len == hlen
                            && lo <= hi
                        {
                            cmap.ranges.push(BfRange { len, lo, hi, dst });
                        }
                    }
                }
                b"begincidchar" => {
                    while let (Some(Token::Hex(src)), Some(cid)) =
                        (toks.get(i), toks.get(i + 1).and_then(int))
                    {
                        if let Some(key) = code(src) {
                            cmap.cid_chars.insert(key, cid);
                        }
                        i += 2;
                    }
                }
                b"begincidrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(cid)) =
                        (toks.get(i), toks.get(i + 1), toks.get(i + 2).and_then(int))
                    {
                        if let (Some((len, lo)), Some((hlen, hi))) = (code(lo), code(hi))
                            && len == hlen
                            && lo <= hi
                        {
                            cmap.cid_ranges.push((len, lo, hi, cid));
                        }
                        i += 3;
                    }
                }
                _ => {}
            }
        }
        cmap.ranges.sort_by_key(|r| (r.len, r.lo));
        cmap.cid_ranges.sort_unstable();
        cmap
    }

    pub(super) fn has_unicode(&self) -> bool {
        !self.chars.is_empty() || !self.ranges.is_empty()
    }

    pub(super) fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// Length in bytes of the code at the start of `bytes` (ISO 32000-1,
    /// 9.7.6.2), or `default` when no codespace range matches.
    pub(super) fn code_len(&self, bytes: &[u8], default: usize) -> usize {
        for n in 1..=bytes.len().min(4) {
            let prefix = &bytes[..n];
            let matches = self.codespace.iter().any(|(lo, hi)| {
                lo.len() == n
                    && prefix
                        .iter()
                        .zip(lo.iter().zip(hi))
                        .all(|(b, (l, h))| l <= b && b <= h)
            });
            if matches {
                return n;
            }
        }
        default.clamp(1, bytes.len().max(1))
    }

    /// Unicode text for a code of `len` bytes.
    pub(super) fn unicode(&self, len: u8, code: u32) -> Option<String> {
        if let Some(s) = self.chars.get(&(len, code)) {
            return Some(s.clone());
        }
        let idx = self
            .ranges
            .partition_point(|r| (r.len, r.lo) <= (len, code));
        let r = self.ranges[..idx].last()?;
        if r.len != len || code > r.hi {
            return None;
        }
        let offset = code - r.lo;
        match &r.dst {
            RangeDst::Base(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.wrapping_add(offset as u16);
                Some(utf16_string(&units))
            }
            RangeDst::Array(items) => items.get(offset as usize).cloned(),
        }
    }

    /// CID for a code, from `cidchar`/`cidrange` mappings.
    pub(super) fn cid(&self, len: u8, code: u32) -> Option<u32> {
        if let Some(&cid) = self.cid_chars.get(&(len, code)) {
            return Some(cid);
        }
        let idx = self
            .cid_ranges
            .partition_point(|&(l, lo, _, _)| (l, lo) <= (len, code));
        let &(l, lo, hi, first) = self.cid_ranges[..idx].last()?;
        (l == len && code <= hi).then(|| first.saturating_add(code - lo))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tounicode() {
        let data = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
2 beginbfrange <0024> <0026> <0041> <0100> <0101> [<00E9> <D83DDE00>] endbfrange
1 begincidrange <0000> <00ff> 10 endcidrange
endcmap CMapName currentdict /CMap defineresource pop end end";
        let cmap = CMap::parse(data);
        assert_eq!(cmap.unicode(2, 3).as_deref(), Some(" "));
        assert_eq!(cmap.unicode(2, 0x11).as_deref(), Some("fi"));
        assert_eq!(cmap.unicode(2, 0x25).as_deref(), Some("B"));
        assert_eq!(cmap.unicode(2, 0x27), None);
        assert_eq!(cmap.unicode(2, 0x101).as_deref(), Some("😀"));
        assert_eq!(cmap.unicode(1, 0x25), None);
        assert_eq!(cmap.code_len(&[0, 0x24, 1], 1), 2);
        assert_eq!(cmap.cid(2, 5), Some(15));
        assert_eq!(cmap.cid(2, 0x100), None);
    }

    #[test]
    fn huge_range_is_cheap() {
        let cmap = CMap::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(cmap.unicode(4, 1).as_deref(), Some("B"));
    }
}
