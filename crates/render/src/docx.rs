//! DOCX rendering with real Word styles: `Title` for the name, `Heading 1` for sections,
//! `Heading 2` for entries, a bulleted list numbering (`•`) for bullets, a `Hyperlink`
//! character style for links. One column, same reading order as the other renderers.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, BreakType, DocumentChild, Docx, Hyperlink, HyperlinkData, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId,
    PageMargin, Paragraph, ParagraphChild, Run, RunFonts, SpecialIndentType, Start, Style,
    StyleType,
};

use crate::model::{
    CONTACT_SEPARATOR, ContactItem, CoverLetter, Document, Resume, clean, display_url, format_date,
    safe_url,
};
use crate::text::format_letter_date;
use crate::{PaperSize, RenderError, Result};

const BULLET_NUMBERING: usize = 1;
const FONT: &str = "Calibri";

/// Renders the document as a `.docx` file.
pub fn render_docx(doc: &Document, paper: PaperSize) -> Result<Vec<u8>> {
    let mut docx = base(paper);
    docx = match doc {
        Document::Resume(r) => resume(docx, r),
        Document::CoverLetter(l) => letter(docx, l),
    };
    normalise_ids(&mut docx);
    let mut buf = Cursor::new(Vec::new());
    let mut xml = docx.build();
    xml.document_rels = sort_hyperlink_relationships(&xml.document_rels);
    xml.pack(&mut buf)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(buf.into_inner())
}

/// docx-rs numbers paragraphs and hyperlink relationships from process-wide counters; renumber
/// them from 1 so the same document always gives the same bytes.
fn normalise_ids(docx: &mut Docx) {
    let mut links = 0;
    for (n, child) in docx.document.children.iter_mut().enumerate() {
        if let DocumentChild::Paragraph(p) = child {
            p.id = format!("{:08X}", n + 1);
            for c in &mut p.children {
                if let ParagraphChild::Hyperlink(h) = c
                    && let HyperlinkData::External { rid, .. } = &mut h.link
                {
                    links += 1;
                    *rid = format!("rIdHyperlink{links}");
                }
            }
        }
    }
}

/// docx-rs writes hyperlink relationships in hash-map order; sort them by their number.
fn sort_hyperlink_relationships(xml: &[u8]) -> Vec<u8> {
    let Ok(s) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let (Some(start), Some(end)) = (s.find("<Relationship "), s.rfind("</Relationships>")) else {
        return xml.to_vec();
    };
    let mut items: Vec<&str> = s[start..end].split_inclusive("/>").collect();
    let key = |item: &str| -> usize {
        item.split_once("Id=\"rIdHyperlink")
            .and_then(|(_, rest)| rest.split_once('"'))
            .and_then(|(n, _)| n.parse().ok())
            .unwrap_or(0)
    };
    items.sort_by_key(|item| key(item));
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..start]);
    items.iter().for_each(|i| out.push_str(i));
    out.push_str(&s[end..]);
    out.into_bytes()
}

/// docx-rs 0.4 has no setters for core properties (title, author); custom properties are
/// written in hash order, so none are set and the output stays deterministic.
fn base(paper: PaperSize) -> Docx {
    // Sizes are in half-points; page sizes and margins in twentieths of a point.
    let (w, h) = match paper {
        PaperSize::A4 => (11906, 16838),
        PaperSize::Letter => (12240, 15840),
    };
    let margin = 1080; // 0.75 in
    Docx::new()
        .page_size(w, h)
        .page_margin(
            PageMargin::new()
                .top(margin)
                .bottom(margin)
                .left(margin)
                .right(margin),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .east_asia(FONT)
                .cs(FONT),
        )
        .default_size(21)
        .created_at("1970-01-01T00:00:00Z")
        .updated_at("1970-01-01T00:00:00Z")
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(40)
                .bold()
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .next("Normal")
                .size(24)
                .bold()
                .outline_lvl(0)
                .line_spacing(LineSpacing::new().before(240).after(80)),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .next("Normal")
                .size(22)
                .bold()
                .outline_lvl(1)
                .line_spacing(LineSpacing::new().before(160).after(20)),
        )
        .add_style(
            Style::new("ListBullet", StyleType::Paragraph)
                .name("List Bullet")
                .based_on("Normal")
                .line_spacing(LineSpacing::new().after(20)),
        )
        .add_style(
            Style::new("Hyperlink", StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLET_NUMBERING).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLET_NUMBERING, BULLET_NUMBERING))
}

fn text_run(s: &str) -> Run {
    Run::new().add_text(clean(s))
}

fn para(s: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(s))
}

fn styled(style: &str, s: &str) -> Paragraph {
    para(s).style(style)
}

fn bullet(s: &str) -> Paragraph {
    styled("ListBullet", s).numbering(NumberingId::new(BULLET_NUMBERING), IndentLevel::new(0))
}

fn link(p: Paragraph, text: &str, url: Option<&str>) -> Paragraph {
    match url {
        Some(u) => p.add_hyperlink(
            Hyperlink::new(u, HyperlinkType::External).add_run(text_run(text).style("Hyperlink")),
        ),
        None => p.add_run(text_run(text)),
    }
}

fn contacts(items: &[ContactItem]) -> Option<Paragraph> {
    if items.is_empty() {
        return None;
    }
    let mut p = Paragraph::new();
    for (i, c) in items.iter().enumerate() {
        if i > 0 {
            p = p.add_run(Run::new().add_text(CONTACT_SEPARATOR));
        }
        p = link(p, &c.text, c.url.as_deref());
    }
    Some(p)
}

fn lines(docx: Docx, ps: impl IntoIterator<Item = Paragraph>) -> Docx {
    ps.into_iter().fold(docx, Docx::add_paragraph)
}

fn resume(mut d: Docx, r: &Resume) -> Docx {
    d = d.add_paragraph(styled("Title", &r.header.full_name));
    if let Some(h) = r
        .header
        .headline
        .as_deref()
        .filter(|h| !h.trim().is_empty())
    {
        d = d.add_paragraph(para(h));
    }
    if let Some(p) = contacts(&r.header.contact_items()) {
        d = d.add_paragraph(p);
    }
    if let Some(s) = r.summary.as_ref().filter(|s| !s.text.trim().is_empty()) {
        d = d
            .add_paragraph(styled("Heading1", "Summary"))
            .add_paragraph(para(&s.text));
    }
    let groups: Vec<_> = r.skills.iter().filter(|g| !g.items.is_empty()).collect();
    if !groups.is_empty() {
        d = d.add_paragraph(styled("Heading1", "Skills"));
        for g in groups {
            let items: Vec<String> = g
                .items
                .iter()
                .map(|i| clean(&i.text))
                .filter(|i| !i.is_empty())
                .collect();
            let mut p = Paragraph::new();
            if !g.name.trim().is_empty() {
                p = p.add_run(Run::new().add_text(format!("{}: ", clean(&g.name))).bold());
            }
            d = d.add_paragraph(p.add_run(Run::new().add_text(items.join(", "))));
        }
    }
    if !r.experience.is_empty() {
        d = d.add_paragraph(styled("Heading1", "Experience"));
        for e in &r.experience {
            d = d.add_paragraph(styled("Heading2", &e.title.text));
            let company = [
                clean(&e.company.text),
                e.location.as_deref().map(clean).unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(CONTACT_SEPARATOR);
            d = d.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(company))
                    .add_run(Run::new().add_break(BreakType::TextWrapping))
                    .add_run(Run::new().add_text(e.dates()).italic()),
            );
            d = lines(d, e.bullets.iter().map(|b| bullet(&b.text)));
        }
    }
    if !r.projects.is_empty() {
        d = d.add_paragraph(styled("Heading1", "Projects"));
        for p in &r.projects {
            d = d
                .add_paragraph(styled("Heading2", &p.name.text))
                .add_paragraph(para(&p.description.text));
            let tech: Vec<String> = p
                .technologies
                .iter()
                .map(|t| clean(t))
                .filter(|t| !t.is_empty())
                .collect();
            if !tech.is_empty() {
                d = d.add_paragraph(para(&format!("Technologies: {}", tech.join(", "))));
            }
            if let Some(u) = &p.url {
                d = d.add_paragraph(link(
                    Paragraph::new(),
                    &display_url(u),
                    safe_url(u).as_deref(),
                ));
            }
            d = lines(d, p.bullets.iter().map(|b| bullet(&b.text)));
        }
    }
    if !r.education.is_empty() {
        d = d.add_paragraph(styled("Heading1", "Education"));
        for e in &r.education {
            d = d.add_paragraph(styled("Heading2", &e.institution));
            let mut p = Paragraph::new().add_run(Run::new().add_text(e.degree_line()));
            let dates = e.dates();
            if !dates.is_empty() {
                p = p
                    .add_run(Run::new().add_break(BreakType::TextWrapping))
                    .add_run(Run::new().add_text(dates).italic());
            }
            d = d.add_paragraph(p);
            d = lines(d, e.details.iter().map(|b| bullet(&b.text)));
        }
    }
    if !r.certifications.is_empty() {
        d = d.add_paragraph(styled("Heading1", "Certifications"));
        d = lines(
            d,
            r.certifications.iter().map(|c| {
                let parts: Vec<String> = [
                    clean(&c.name),
                    clean(&c.issuer),
                    c.date.as_deref().map(format_date).unwrap_or_default(),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
                bullet(&parts.join(CONTACT_SEPARATOR))
            }),
        );
    }
    if !r.languages.is_empty() {
        d = d.add_paragraph(styled("Heading1", "Languages"));
        d = lines(
            d,
            r.languages
                .iter()
                .map(|l| bullet(&format!("{}: {}", clean(&l.name), clean(&l.proficiency)))),
        );
    }
    for s in r.extra_sections.iter().filter(|s| !s.items.is_empty()) {
        d = d.add_paragraph(styled("Heading1", &s.heading));
        d = lines(d, s.items.iter().map(|i| bullet(&i.text)));
    }
    d
}

fn letter(mut d: Docx, l: &CoverLetter) -> Docx {
    d = d.add_paragraph(styled("Title", &l.sender.full_name));
    if let Some(p) = contacts(&l.sender.contact_items()) {
        d = d.add_paragraph(p);
    }
    d = d
        .add_paragraph(Paragraph::new())
        .add_paragraph(para(&format_letter_date(&l.date)));
    d = d.add_paragraph(Paragraph::new());
    for line in [
        l.recipient.hiring_manager.as_deref(),
        Some(l.recipient.company.as_str()),
        l.recipient.address.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    {
        d = d.add_paragraph(para(line));
    }
    d = d
        .add_paragraph(Paragraph::new())
        .add_paragraph(para(&l.salutation));
    for p in &l.paragraphs {
        d = d.add_paragraph(para(&p.text).line_spacing(LineSpacing::new().after(160)));
    }
    d.add_paragraph(para(&l.closing))
        .add_paragraph(Paragraph::new())
        .add_paragraph(para(&l.signature))
}
