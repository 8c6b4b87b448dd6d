//! DOCX → plain text: the main document part of the zip container, read with
//! a streaming XML parser.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;
use zip::result::ZipError;

use crate::{Cancel, ExtractError, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES, Ticker};

const DEFAULT_MAIN_PART: &str = "word/document.xml";
const OFFICE_DOCUMENT_REL: &str = "/officeDocument";

pub(crate) fn extract(bytes: &[u8], cancel: &Cancel) -> Result<String, ExtractError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ExtractError::NotADocx(
            "this is a legacy .doc or a password-protected document, not a .docx".into(),
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Err(ExtractError::NotADocx("not a zip archive".into()));
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::NotADocx(format!("not a readable zip archive: {e}")))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ExtractError::TooLarge);
    }

    let mut budget = MAX_INFLATED_BYTES;
    let main = main_part_name(&mut zip, &mut budget)?;
    let xml = match read_entry(&mut zip, &main, &mut budget)? {
        Some(xml) => xml,
        None if main != DEFAULT_MAIN_PART => read_entry(&mut zip, DEFAULT_MAIN_PART, &mut budget)?
            .ok_or_else(|| {
                ExtractError::NotADocx(format!("no {main} or {DEFAULT_MAIN_PART} in the archive"))
            })?,
        None => {
            return Err(ExtractError::NotADocx(format!(
                "no {DEFAULT_MAIN_PART} in the archive"
            )));
        }
    };
    let xml = crate::text::decode(&xml)
        .map_err(|_| ExtractError::NotADocx("the document part is not UTF-8/UTF-16 XML".into()))?;
    document_text(&xml, cancel)
}

/// The main document part named by the package relationships
/// (`_rels/.rels`), which is `word/document.xml` for files written by Word
/// but not for every other producer.
fn main_part_name(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    budget: &mut usize,
) -> Result<String, ExtractError> {
    let Some(rels) = read_entry(zip, "_rels/.rels", budget)? else {
        return Ok(DEFAULT_MAIN_PART.into());
    };
    let Ok(rels) = crate::text::decode(&rels) else {
        return Ok(DEFAULT_MAIN_PART.into());
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let is_main = attr(&e, "Type").is_some_and(|t| t.ends_with(OFFICE_DOCUMENT_REL));
                if is_main
                    && let Some(target) = attr(&e, "Target")
                    && attr(&e, "TargetMode").is_none_or(|m| m != "External")
                {
                    let target = target.trim_start_matches('/');
                    if !target.is_empty() && !target.contains("..") {
                        return Ok(target.to_string());
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(DEFAULT_MAIN_PART.into()),
            Ok(_) => {}
        }
    }
}

/// Reads one entry, charging its inflated size to `budget`. `Ok(None)` when
/// the archive has no such entry.
fn read_entry(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut usize,
) -> Result<Option<Vec<u8>>, ExtractError> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ExtractError::NotADocx(format!("cannot read {name}: {e}"))),
    };
    // The declared size is only a hint (it can lie); the read below is bounded
    // whatever it says.
    if file.size() > *budget as u64 {
        return Err(ExtractError::TooLarge);
    }
    let mut buf = Vec::with_capacity(file.size().min(*budget as u64) as usize);
    file.take(*budget as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ExtractError::NotADocx(format!("cannot inflate {name}: {e}")))?;
    if buf.len() > *budget {
        return Err(ExtractError::TooLarge);
    }
    *budget -= buf.len();
    Ok(Some(buf))
}

fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .ok()
        })?
    })
}

/// Elements whose whole subtree is not part of the visible text: tracked
/// deletions and moves-away, field instructions, and the fallback copy of
/// alternate content (its `Choice` holds the same text).
fn skipped(local: &str) -> bool {
    matches!(
        local,
        "del" | "moveFrom" | "delText" | "delInstrText" | "instrText" | "Fallback"
    )
}

#[derive(Default)]
struct Collector {
    out: String,
    para: String,
    list: bool,
    in_text: bool,
    run_depth: usize,
}

impl Collector {
    fn flush(&mut self) {
        let text = self.para.trim_end();
        if !text.trim_start().is_empty() {
            if self.list {
                self.out.push_str("• ");
                self.out.push_str(text.trim_start());
            } else {
                self.out.push_str(text);
            }
        }
        self.out.push_str("\n\n");
        self.para.clear();
        self.list = false;
    }

    fn element(&mut self, e: &BytesStart<'_>) {
        match e.local_name().as_ref() {
            "tab" | "ptab" if self.run_depth > 0 => self.para.push('\t'),
            "br" | "cr" if self.run_depth > 0 => self.para.push('\n'),
            "noBreakHyphen" if self.run_depth > 0 => self.para.push('-'),
            "numId" => self.list = attr(e, "val").is_some_and(|v| v != "0"),
            "pStyle" => {
                if let Some(style) = attr(e, "val") {
                    let style = style.replace(' ', "").to_ascii_lowercase();
                    if style.starts_with("listbullet") {
                        self.list = true;
                    }
                }
            }
            _ => {}
        }
    }
}

/// Text of `word/document.xml`: `w:t` runs, `w:tab` → tab, `w:br`/`w:cr` →
/// line break, `w:p` → paragraph break (list paragraphs get `"• "`), tables
/// cell by cell in reading order; deleted and moved-away text is skipped.
fn document_text(xml: &str, cancel: &Cancel) -> Result<String, ExtractError> {
    let mut ticker = Ticker::new(cancel);
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;

    let mut c = Collector::default();
    let mut skip_depth = 0usize;
    loop {
        ticker.tick()?;
        let event = reader
            .read_event()
            .map_err(|e| ExtractError::NotADocx(format!("the document XML is malformed: {e}")))?;
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    n if skipped(n) => skip_depth = 1,
                    "p" => {
                        // A paragraph nested in a text box inside a paragraph:
                        // emit what came before it first.
                        if !c.para.trim().is_empty() {
                            c.flush();
                        }
                        c.para.clear();
                        c.list = false;
                    }
                    "r" => c.run_depth += 1,
                    "t" => c.in_text = true,
                    _ => c.element(&e),
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "p" => c.flush(),
                    _ => c.element(&e),
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "p" => c.flush(),
                "r" => c.run_depth = c.run_depth.saturating_sub(1),
                "t" => c.in_text = false,
                _ => {}
            },
            Event::Text(t) if c.in_text => {
                c.para.extend(
                    t.xml10_content()
                        .chars()
                        .map(|ch| if ch == '\n' { ' ' } else { ch }),
                );
            }
            Event::CData(t) if c.in_text => {
                c.para.push_str(&t.into_inner());
            }
            Event::GeneralRef(r) if c.in_text => {
                if let Ok(Some(ch)) = r.resolve_char_ref() {
                    c.para.push(ch);
                } else if let Some(s) = quick_xml::escape::resolve_xml_entity(&r) {
                    c.para.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !c.para.trim().is_empty() {
        c.flush();
    }
    Ok(c.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_and_skips() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>A</w:t><w:tab/><w:t xml:space="preserve">B &amp; C </w:t></w:r><w:del><w:r><w:delText>gone</w:delText><w:tab/></w:r></w:del><w:ins><w:r><w:t>D</w:t></w:r></w:ins></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>item&#x2019;s</w:t><w:br/><w:t>next</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:t>link</w:t></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(
            crate::normalize(&document_text(xml, &Cancel::new()).unwrap()),
            "A\tB & C D\n\n• item’s\nnext\n\nlink"
        );
    }
}
