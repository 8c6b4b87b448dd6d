//! Decoding of plain-text uploads and the whitespace normalisation shared by
//! every format.

use crate::ExtractError;

/// Decodes a text upload: UTF-8 (a leading BOM is dropped) or UTF-16 LE/BE
/// announced by its BOM. Anything else is [`ExtractError::NotUtf8`].
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ExtractError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec()).map_err(|_| ExtractError::NotUtf8);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| ExtractError::NotUtf8)
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ExtractError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ExtractError::NotUtf8);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| ExtractError::NotUtf8)
}

/// Normalises whitespace the way [`extract_text`](crate::extract_text)
/// returns it:
///
/// - `\r\n` and `\r` become `\n`; a form feed or U+2029 (paragraph
///   separator) becomes a paragraph break, U+2028 (line separator) and a
///   vertical tab a line break;
/// - no-break and other Unicode spaces become `' '`; other control
///   characters (except `\t`), BOMs, zero-width spaces and soft hyphens are
///   dropped;
/// - trailing whitespace is trimmed from every line and a line of only
///   whitespace becomes empty;
/// - runs of blank lines collapse to one (so never more than `"\n\n"`), and
///   leading and trailing blank lines are removed.
///
/// Leading indentation and tabs inside a line are kept.
pub fn normalize(input: &str) -> String {
    let mut cleaned = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cleaned.push('\n');
            }
            '\n' | '\u{0B}' | '\u{2028}' => cleaned.push('\n'),
            '\u{0C}' | '\u{2029}' => cleaned.push_str("\n\n"),
            '\t' => cleaned.push('\t'),
            '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => cleaned.push(' '),
            '\u{FEFF}' | '\u{200B}' | '\u{AD}' | '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => cleaned.push(c),
        }
    }

    let mut out = String::with_capacity(cleaned.len());
    let mut pending_blank = false;
    for line in cleaned.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_blank { "\n\n" } else { "\n" });
        }
        pending_blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_blank_lines_and_trims() {
        assert_eq!(normalize("\n\n a  \r\n\r\n\r\n\tb\t\n \n"), " a\n\n\tb");
        assert_eq!(normalize("x\u{C}y"), "x\n\ny");
        assert_eq!(normalize("a\u{A0}b\u{200B}c\u{0}"), "a bc");
        assert_eq!(normalize("   \n\t\n"), "");
    }

    #[test]
    fn decodes_boms() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i").unwrap(), "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0"), Err(ExtractError::NotUtf8));
        assert_eq!(decode(b"\xFF\xFE\x00\xD8"), Err(ExtractError::NotUtf8));
        assert_eq!(decode(b"caf\xE9"), Err(ExtractError::NotUtf8));
    }
}
