//! DOCX tests: a valid package with Word styles, bullets and hyperlinks, escaped user text;
//! converted with LibreOffice when it is installed.

mod common;

use std::io::Read as _;

use common::fixture;
use jobwise_render::{Document, PaperSize, render_docx};

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn resume_docx_has_styles_lists_and_links() {
    let doc = fixture("resume.json");
    let bytes = render_docx(&doc, PaperSize::A4).unwrap();
    assert!(bytes.starts_with(b"PK"));
    let body = part(&bytes, "word/document.xml");
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:styleId="Heading1""#) && styles.contains("heading 1"));
    assert!(
        body.contains(r#"<w:pStyle w:val="Heading1" />"#)
            || body.contains(r#"<w:pStyle w:val="Heading1"/>"#),
        "{body}"
    );
    assert!(
        body.contains("<w:numId w:val=\"1\""),
        "bullets use the list numbering"
    );
    assert!(body.contains("w:hyperlink"), "links are real hyperlinks");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains("https://github.com/zoe-dev"), "{rels}");
    assert!(body.contains("Zahlungsgröße GmbH"));
    assert!(
        body.contains("Wrote the &lt;team&apos;s&gt; on-boarding guide")
            || body.contains("Wrote the &lt;team's&gt; on-boarding guide"),
        "{body}"
    );
    // Deterministic output, even after other documents were built in this process.
    render_docx(&fixture("letter.json"), PaperSize::A4).unwrap();
    let again = render_docx(&doc, PaperSize::A4).unwrap();
    let names: Vec<String> = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
        .unwrap()
        .file_names()
        .map(str::to_owned)
        .collect();
    for name in names {
        let (a, b) = (part(&bytes, &name), part(&again, &name));
        if a != b {
            let at = a
                .bytes()
                .zip(b.bytes())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            panic!(
                "{name} differs at {at}: {:?} vs {:?}",
                &a[at.saturating_sub(80)..(at + 80).min(a.len())],
                &b[at.saturating_sub(80)..(at + 80).min(b.len())]
            );
        }
    }
    assert!(bytes == again, "docx output must be deterministic");
}

#[test]
fn letter_docx_renders() {
    let doc = fixture("letter.json");
    let bytes = render_docx(&doc, PaperSize::Letter).unwrap();
    let body = part(&bytes, "word/document.xml");
    let Document::CoverLetter(l) = &doc else {
        unreachable!()
    };
    let mut from = 0;
    for p in &l.paragraphs {
        let needle = p.text.replace('&', "&amp;");
        let at = body[from..]
            .find(&needle)
            .unwrap_or_else(|| panic!("{needle} in order"));
        from += at;
    }
}

#[test]
fn libreoffice_converts_docx() {
    let Some(office) = ["/usr/bin/libreoffice", "/usr/bin/soffice"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
    else {
        eprintln!("SKIPPED: LibreOffice is not installed; the DOCX conversion check did not run");
        return;
    };
    let dir = std::env::temp_dir().join(format!("jobwise-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("resume.docx");
    std::fs::write(
        &input,
        render_docx(&fixture("resume.json"), PaperSize::A4).unwrap(),
    )
    .unwrap();
    let status = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&input)
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = std::fs::read(dir.join("resume.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // LibreOffice read the whole document: the name and every bullet come back.
    if let Some(text) = common::Pdf(&pdf).text() {
        let text = common::normalise(&text);
        let Document::Resume(resume) = fixture("resume.json") else {
            unreachable!()
        };
        assert!(text.contains(&resume.header.full_name), "{text}");
        for bullet in resume.experience.iter().flat_map(|e| &e.bullets) {
            assert!(
                text.contains(&common::normalise(&bullet.text)),
                "{}",
                bullet.text
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
