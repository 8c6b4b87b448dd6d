//! CommonMark rendering. User text is escaped so that `*`, `_`, `#`, `[` and friends show up
//! literally instead of turning into formatting, links or HTML.

use crate::model::{
    CONTACT_SEPARATOR, ContactItem, CoverLetter, Document, Resume, clean, display_url, format_date,
    safe_url,
};
use crate::text::format_letter_date;

/// Renders the document as CommonMark ending in exactly one newline.
pub fn render_markdown(doc: &Document) -> String {
    let blocks = match doc {
        Document::Resume(r) => resume(r),
        Document::CoverLetter(l) => letter(l),
    };
    let mut out = blocks
        .into_iter()
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}

/// Escapes user text for Markdown (whitespace collapsed first), safe at the start of a line.
pub fn escape_markdown(s: &str) -> String {
    escape(s, true)
}

/// Like [`escape_markdown`] for text that never starts a line (after a separator or a label):
/// leading `-`, `+` or `1.` need no escape there.
fn escape_inner(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, line_start: bool) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len() + 8);
    // A leading "12." or "3)" would start an ordered list.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in s.chars().enumerate() {
        let special = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '&'
                | '!'
                | '{'
                | '}'
                | '$'
        ) || (line_start && i == 0 && matches!(c, '-' | '+' | '=' | ':'))
            || (line_start && digits > 0 && i == digits && matches!(c, '.' | ')'));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn link(text: &str, url: Option<&str>, line_start: bool) -> String {
    match url {
        Some(u) => format!(
            "[{}](<{}>)",
            escape_inner(text),
            u.replace('<', "%3C").replace('>', "%3E")
        ),
        None => escape(text, line_start),
    }
}

fn contacts(items: &[ContactItem]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, c)| link(&c.text, c.url.as_deref(), i == 0))
        .collect::<Vec<_>>()
        .join(CONTACT_SEPARATOR)
}

fn bullets<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(escape_markdown)
        .filter(|s| !s.is_empty())
        .map(|s| format!("- {s}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Joins non-empty lines with a CommonMark hard line break.
fn lines(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("\\\n")
}

fn resume(r: &Resume) -> Vec<String> {
    let mut b = vec![format!("# {}", escape_markdown(&r.header.full_name))];
    if let Some(h) = r
        .header
        .headline
        .as_deref()
        .map(escape_markdown)
        .filter(|h| !h.is_empty())
    {
        b.push(format!("**{h}**"));
    }
    b.push(contacts(&r.header.contact_items()));

    if let Some(s) = r
        .summary
        .as_ref()
        .map(|s| escape_markdown(&s.text))
        .filter(|s| !s.is_empty())
    {
        b.push("## Summary".into());
        b.push(s);
    }

    let groups: Vec<_> = r.skills.iter().filter(|g| !g.items.is_empty()).collect();
    if !groups.is_empty() {
        b.push("## Skills".into());
        let rows: Vec<String> = groups
            .iter()
            .map(|g| {
                let items: Vec<String> = g
                    .items
                    .iter()
                    .map(|i| escape_inner(&i.text))
                    .filter(|i| !i.is_empty())
                    .collect();
                match escape_inner(&g.name) {
                    n if n.is_empty() => format!("- {}", items.join(", ")),
                    n => format!("- **{n}:** {}", items.join(", ")),
                }
            })
            .collect();
        b.push(rows.join("\n"));
    }

    if !r.experience.is_empty() {
        b.push("## Experience".into());
        for e in &r.experience {
            b.push(format!("### {}", escape_markdown(&e.title.text)));
            let company = match e
                .location
                .as_deref()
                .map(escape_markdown)
                .filter(|l| !l.is_empty())
            {
                Some(loc) => format!(
                    "**{}**{CONTACT_SEPARATOR}{loc}",
                    escape_inner(&e.company.text)
                ),
                None => format!("**{}**", escape_inner(&e.company.text)),
            };
            b.push(lines(&[company, e.dates()]));
            b.push(bullets(e.bullets.iter().map(|l| l.text.as_str())));
        }
    }

    if !r.projects.is_empty() {
        b.push("## Projects".into());
        for p in &r.projects {
            b.push(format!("### {}", escape_markdown(&p.name.text)));
            let tech: Vec<String> = p
                .technologies
                .iter()
                .map(|t| escape_inner(t))
                .filter(|t| !t.is_empty())
                .collect();
            let tech = if tech.is_empty() {
                String::new()
            } else {
                format!("*Technologies:* {}", tech.join(", "))
            };
            let url = p
                .url
                .as_deref()
                .map(|u| link(&display_url(&clean(u)), safe_url(u).as_deref(), true))
                .unwrap_or_default();
            b.push(lines(&[escape_markdown(&p.description.text), tech, url]));
            b.push(bullets(p.bullets.iter().map(|l| l.text.as_str())));
        }
    }

    if !r.education.is_empty() {
        b.push("## Education".into());
        for e in &r.education {
            b.push(format!("### {}", escape_markdown(&e.institution)));
            b.push(lines(&[escape_markdown(&e.degree_line()), e.dates()]));
            b.push(bullets(e.details.iter().map(|l| l.text.as_str())));
        }
    }

    if !r.certifications.is_empty() {
        b.push("## Certifications".into());
        let rows: Vec<String> = r
            .certifications
            .iter()
            .map(|c| {
                let parts: Vec<String> = [
                    format!("**{}**", escape_inner(&c.name)),
                    escape_inner(&c.issuer),
                    c.date.as_deref().map(format_date).unwrap_or_default(),
                ]
                .into_iter()
                .filter(|p| !p.is_empty() && p != "****")
                .collect();
                format!("- {}", parts.join(CONTACT_SEPARATOR))
            })
            .collect();
        b.push(rows.join("\n"));
    }

    if !r.languages.is_empty() {
        b.push("## Languages".into());
        let rows: Vec<String> = r
            .languages
            .iter()
            .map(|l| {
                format!(
                    "- **{}:** {}",
                    escape_inner(&l.name),
                    escape_inner(&l.proficiency)
                )
            })
            .collect();
        b.push(rows.join("\n"));
    }

    for s in r.extra_sections.iter().filter(|s| !s.items.is_empty()) {
        b.push(format!("## {}", escape_markdown(&s.heading)));
        b.push(bullets(s.items.iter().map(|l| l.text.as_str())));
    }
    b
}

fn letter(l: &CoverLetter) -> Vec<String> {
    let mut b = vec![
        lines(&[
            format!("**{}**", escape_inner(&l.sender.full_name)),
            contacts(&l.sender.contact_items()),
        ]),
        escape_markdown(&format_letter_date(&l.date)),
        lines(&[
            l.recipient
                .hiring_manager
                .as_deref()
                .map(escape_markdown)
                .unwrap_or_default(),
            escape_markdown(&l.recipient.company),
            l.recipient
                .address
                .as_deref()
                .map(escape_markdown)
                .unwrap_or_default(),
        ]),
        escape_markdown(&l.salutation),
    ];
    b.extend(l.paragraphs.iter().map(|p| escape_markdown(&p.text)));
    b.push(lines(&[
        escape_markdown(&l.closing),
        escape_markdown(&l.signature),
    ]));
    b
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn escapes_metacharacters() {
        assert_eq!(
            escape_markdown("*y* _z_ [a](b) <i> # \\"),
            r"\*y\* \_z\_ \[a\](b) \<i\> \# \\"
        );
        assert_eq!(escape_markdown("- not a list"), r"\- not a list");
        assert_eq!(escape_markdown("2020. A year"), r"2020\. A year");
        assert_eq!(escape_markdown("C# & C++ 3.5"), r"C\# \& C++ 3.5");
        assert_eq!(escape_markdown("a\n\nb"), "a b");
        assert_eq!(super::escape_inner("+49-30 1."), "+49-30 1.");
    }
}
