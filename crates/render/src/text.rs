//! Plain-text rendering: what an ATS text box or an email body should receive. One column,
//! capitalised headings on their own line, `•` bullets, dates as `Mon YYYY – Mon YYYY`.

use std::fmt::Write as _;

use crate::model::{CONTACT_SEPARATOR, CoverLetter, Document, Resume, clean, format_date};

/// Renders the document as UTF-8 plain text ending in exactly one newline.
pub fn render_text(doc: &Document) -> String {
    let mut out = match doc {
        Document::Resume(r) => resume(r),
        Document::CoverLetter(l) => letter(l),
    };
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn push_line(out: &mut String, s: &str) {
    if !s.is_empty() {
        out.push_str(s);
        out.push('\n');
    }
}

fn heading(out: &mut String, name: &str) {
    out.push('\n');
    out.push_str(&clean(name).to_uppercase());
    out.push('\n');
}

fn bullet(out: &mut String, s: &str) {
    let s = clean(s);
    if !s.is_empty() {
        let _ = writeln!(out, "• {s}");
    }
}

fn joined(parts: &[String], sep: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(sep)
}

fn resume(r: &Resume) -> String {
    let mut out = String::new();
    push_line(&mut out, &clean(&r.header.full_name));
    if let Some(h) = &r.header.headline {
        push_line(&mut out, &clean(h));
    }
    let contacts: Vec<String> = r
        .header
        .contact_items()
        .into_iter()
        .map(|c| c.text)
        .collect();
    push_line(&mut out, &contacts.join(CONTACT_SEPARATOR));

    if let Some(s) = r
        .summary
        .as_ref()
        .map(|s| clean(&s.text))
        .filter(|s| !s.is_empty())
    {
        heading(&mut out, "Summary");
        push_line(&mut out, &s);
    }

    let groups: Vec<_> = r.skills.iter().filter(|g| !g.items.is_empty()).collect();
    if !groups.is_empty() {
        heading(&mut out, "Skills");
        for g in groups {
            let items: Vec<String> = g.items.iter().map(|i| clean(&i.text)).collect();
            let items = joined(&items, ", ");
            match clean(&g.name) {
                name if name.is_empty() => push_line(&mut out, &items),
                name => push_line(&mut out, &format!("{name}: {items}")),
            }
        }
    }

    if !r.experience.is_empty() {
        heading(&mut out, "Experience");
        for (i, e) in r.experience.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            push_line(&mut out, &clean(&e.title.text));
            let company = [
                clean(&e.company.text),
                e.location.as_deref().map(clean).unwrap_or_default(),
            ];
            push_line(&mut out, &joined(&company, CONTACT_SEPARATOR));
            push_line(&mut out, &e.dates());
            for b in &e.bullets {
                bullet(&mut out, &b.text);
            }
        }
    }

    if !r.projects.is_empty() {
        heading(&mut out, "Projects");
        for (i, p) in r.projects.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            push_line(&mut out, &clean(&p.name.text));
            push_line(&mut out, &clean(&p.description.text));
            let tech: Vec<String> = p.technologies.iter().map(|t| clean(t)).collect();
            let tech = joined(&tech, ", ");
            if !tech.is_empty() {
                push_line(&mut out, &format!("Technologies: {tech}"));
            }
            if let Some(url) = &p.url {
                push_line(&mut out, &crate::model::display_url(&clean(url)));
            }
            for b in &p.bullets {
                bullet(&mut out, &b.text);
            }
        }
    }

    if !r.education.is_empty() {
        heading(&mut out, "Education");
        for (i, e) in r.education.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            push_line(&mut out, &clean(&e.institution));
            push_line(&mut out, &e.degree_line());
            push_line(&mut out, &e.dates());
            for d in &e.details {
                bullet(&mut out, &d.text);
            }
        }
    }

    if !r.certifications.is_empty() {
        heading(&mut out, "Certifications");
        for c in &r.certifications {
            let parts = [
                clean(&c.name),
                clean(&c.issuer),
                c.date.as_deref().map(format_date).unwrap_or_default(),
            ];
            push_line(&mut out, &joined(&parts, CONTACT_SEPARATOR));
        }
    }

    if !r.languages.is_empty() {
        heading(&mut out, "Languages");
        for l in &r.languages {
            let parts = [clean(&l.name), clean(&l.proficiency)];
            push_line(&mut out, &joined(&parts, ": "));
        }
    }

    for s in r.extra_sections.iter().filter(|s| !s.items.is_empty()) {
        heading(&mut out, &s.heading);
        for item in &s.items {
            bullet(&mut out, &item.text);
        }
    }
    out
}

fn letter(l: &CoverLetter) -> String {
    let mut out = String::new();
    push_line(&mut out, &clean(&l.sender.full_name));
    let contacts: Vec<String> = l
        .sender
        .contact_items()
        .into_iter()
        .map(|c| c.text)
        .collect();
    push_line(&mut out, &contacts.join(CONTACT_SEPARATOR));
    out.push('\n');
    push_line(&mut out, &format_letter_date(&l.date));
    out.push('\n');
    if let Some(m) = &l.recipient.hiring_manager {
        push_line(&mut out, &clean(m));
    }
    push_line(&mut out, &clean(&l.recipient.company));
    if let Some(a) = &l.recipient.address {
        push_line(&mut out, &clean(a));
    }
    out.push('\n');
    push_line(&mut out, &clean(&l.salutation));
    for p in &l.paragraphs {
        let p = clean(&p.text);
        if !p.is_empty() {
            out.push('\n');
            push_line(&mut out, &p);
        }
    }
    out.push('\n');
    push_line(&mut out, &clean(&l.closing));
    push_line(&mut out, &clean(&l.signature));
    out
}

/// A letter date: an ISO date becomes "2 January 2026"; anything else is shown as written.
pub fn format_letter_date(s: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let t = s.trim();
    if crate::model::parse_date(t).is_some() {
        let parts: Vec<&str> = t.split('-').collect();
        let month = |m: &str| MONTHS[m.parse::<usize>().unwrap_or(1) - 1];
        return match parts.as_slice() {
            [y, m, d] => format!("{} {} {y}", d.trim_start_matches('0'), month(m)),
            [y, m] => format!("{} {y}", month(m)),
            _ => t.to_owned(),
        };
    }
    clean(s)
}
