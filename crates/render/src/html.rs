//! Standalone HTML rendering: one self-contained, print-friendly page with inline CSS, no
//! scripts and no external resources. Every user string is escaped; links are limited to
//! `http(s):` and `mailto:`.

use std::fmt::Write as _;

use crate::model::{
    CONTACT_SEPARATOR, ContactItem, CoverLetter, Document, Resume, clean, display_url, format_date,
    safe_url,
};
use crate::text::format_letter_date;

const STYLE: &str = "\
@page { size: auto; margin: 16mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f4; color: #111; font: 10.5pt/1.4 \"Helvetica Neue\", Arial, \"Liberation Sans\", sans-serif; }
main { max-width: 210mm; margin: 24px auto; padding: 18mm; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 2px; }
.headline { margin: 0 0 4px; font-weight: 600; color: #333; }
.contact { margin: 0 0 10px; color: #333; }
h2 { font-size: 11pt; text-transform: uppercase; letter-spacing: .05em; border-bottom: 1px solid #999; margin: 14px 0 6px; padding-bottom: 2px; }
h3 { font-size: 10.5pt; margin: 0; }
.entry { margin: 0 0 10px; break-inside: avoid; }
.meta { margin: 0; color: #333; }
.dates { margin: 0; color: #555; }
ul { margin: 4px 0 0; padding-left: 18px; }
li { margin: 0 0 2px; }
p { margin: 0 0 8px; }
a { color: inherit; }
.letter p { margin: 0 0 12px; }
@media print { body { background: #fff; } main { margin: 0; padding: 0; max-width: none; } a { text-decoration: none; } }
";

/// Renders the document as a complete HTML5 page ending in a newline.
pub fn render_html(doc: &Document) -> String {
    let mut body = String::new();
    match doc {
        Document::Resume(r) => resume(&mut body, r),
        Document::CoverLetter(l) => letter(&mut body, l),
    }
    let class = match doc {
        Document::Resume(_) => "resume",
        Document::CoverLetter(_) => "letter",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"author\" content=\"{author}\">\n<title>{title}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<main class=\"{class}\">\n{body}</main>\n</body>\n</html>\n",
        author = escape_html(&clean(doc.author())),
        title = escape_html(&doc.title()),
    )
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Cleans then escapes user text.
fn esc(s: &str) -> String {
    escape_html(&clean(s))
}

fn link(text: &str, url: Option<&str>) -> String {
    match url {
        Some(u) => format!("<a href=\"{}\">{}</a>", escape_html(u), esc(text)),
        None => esc(text),
    }
}

fn contacts(out: &mut String, items: &[ContactItem]) {
    if items.is_empty() {
        return;
    }
    let parts: Vec<String> = items
        .iter()
        .map(|c| link(&c.text, c.url.as_deref()))
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"contact\">{}</p>",
        parts.join(CONTACT_SEPARATOR)
    );
}

fn list<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>) {
    let items: Vec<String> = items
        .into_iter()
        .map(esc)
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for i in items {
        let _ = writeln!(out, "<li>{i}</li>");
    }
    out.push_str("</ul>\n");
}

fn para(out: &mut String, class: &str, html: &str) {
    if !html.is_empty() {
        let _ = writeln!(out, "<p class=\"{class}\">{html}</p>");
    }
}

fn section(out: &mut String, heading: &str) {
    let _ = writeln!(out, "<h2>{}</h2>", esc(heading));
}

fn resume(out: &mut String, r: &Resume) {
    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&r.header.full_name));
    if let Some(h) = &r.header.headline {
        para(out, "headline", &esc(h));
    }
    contacts(out, &r.header.contact_items());
    out.push_str("</header>\n");

    if let Some(s) = r
        .summary
        .as_ref()
        .map(|s| esc(&s.text))
        .filter(|s| !s.is_empty())
    {
        out.push_str("<section>\n");
        section(out, "Summary");
        para(out, "summary", &s);
        out.push_str("</section>\n");
    }

    let groups: Vec<_> = r.skills.iter().filter(|g| !g.items.is_empty()).collect();
    if !groups.is_empty() {
        out.push_str("<section>\n");
        section(out, "Skills");
        for g in groups {
            let items: Vec<String> = g
                .items
                .iter()
                .map(|i| esc(&i.text))
                .filter(|i| !i.is_empty())
                .collect();
            let name = esc(&g.name);
            let html = if name.is_empty() {
                items.join(", ")
            } else {
                format!("<strong>{name}:</strong> {}", items.join(", "))
            };
            para(out, "skills", &html);
        }
        out.push_str("</section>\n");
    }

    if !r.experience.is_empty() {
        out.push_str("<section>\n");
        section(out, "Experience");
        for e in &r.experience {
            out.push_str("<div class=\"entry\">\n");
            let _ = writeln!(out, "<h3>{}</h3>", esc(&e.title.text));
            let mut meta = format!("<strong>{}</strong>", esc(&e.company.text));
            if let Some(loc) = e.location.as_deref().map(esc).filter(|l| !l.is_empty()) {
                meta.push_str(CONTACT_SEPARATOR);
                meta.push_str(&loc);
            }
            para(out, "meta", &meta);
            para(out, "dates", &escape_html(&e.dates()));
            list(out, e.bullets.iter().map(|l| l.text.as_str()));
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }

    if !r.projects.is_empty() {
        out.push_str("<section>\n");
        section(out, "Projects");
        for p in &r.projects {
            out.push_str("<div class=\"entry\">\n");
            let _ = writeln!(out, "<h3>{}</h3>", esc(&p.name.text));
            para(out, "meta", &esc(&p.description.text));
            let tech: Vec<String> = p
                .technologies
                .iter()
                .map(|t| esc(t))
                .filter(|t| !t.is_empty())
                .collect();
            if !tech.is_empty() {
                para(
                    out,
                    "meta",
                    &format!("<em>Technologies:</em> {}", tech.join(", ")),
                );
            }
            if let Some(u) = &p.url {
                para(
                    out,
                    "meta",
                    &link(&display_url(&clean(u)), safe_url(u).as_deref()),
                );
            }
            list(out, p.bullets.iter().map(|l| l.text.as_str()));
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }

    if !r.education.is_empty() {
        out.push_str("<section>\n");
        section(out, "Education");
        for e in &r.education {
            out.push_str("<div class=\"entry\">\n");
            let _ = writeln!(out, "<h3>{}</h3>", esc(&e.institution));
            para(out, "meta", &esc(&e.degree_line()));
            para(out, "dates", &escape_html(&e.dates()));
            list(out, e.details.iter().map(|l| l.text.as_str()));
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }

    if !r.certifications.is_empty() {
        out.push_str("<section>\n");
        section(out, "Certifications");
        out.push_str("<ul>\n");
        for c in &r.certifications {
            let mut parts = vec![format!("<strong>{}</strong>", esc(&c.name))];
            parts.push(esc(&c.issuer));
            parts.push(
                c.date
                    .as_deref()
                    .map(|d| escape_html(&format_date(d)))
                    .unwrap_or_default(),
            );
            parts.retain(|p| !p.is_empty());
            let _ = writeln!(out, "<li>{}</li>", parts.join(CONTACT_SEPARATOR));
        }
        out.push_str("</ul>\n</section>\n");
    }

    if !r.languages.is_empty() {
        out.push_str("<section>\n");
        section(out, "Languages");
        out.push_str("<ul>\n");
        for l in &r.languages {
            let _ = writeln!(
                out,
                "<li><strong>{}:</strong> {}</li>",
                esc(&l.name),
                esc(&l.proficiency)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }

    for s in r.extra_sections.iter().filter(|s| !s.items.is_empty()) {
        out.push_str("<section>\n");
        section(out, &s.heading);
        list(out, s.items.iter().map(|l| l.text.as_str()));
        out.push_str("</section>\n");
    }
}

fn letter(out: &mut String, l: &CoverLetter) {
    out.push_str("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&l.sender.full_name));
    contacts(out, &l.sender.contact_items());
    out.push_str("</header>\n");
    para(out, "date", &esc(&format_letter_date(&l.date)));
    let recipient: Vec<String> = [
        l.recipient
            .hiring_manager
            .as_deref()
            .map(esc)
            .unwrap_or_default(),
        esc(&l.recipient.company),
        l.recipient.address.as_deref().map(esc).unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    para(out, "recipient", &recipient.join("<br>\n"));
    para(out, "salutation", &esc(&l.salutation));
    for p in &l.paragraphs {
        para(out, "body", &esc(&p.text));
    }
    para(
        out,
        "closing",
        &format!("{}<br>\n{}", esc(&l.closing), esc(&l.signature)),
    );
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_everything_dangerous() {
        assert_eq!(
            escape_html(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
