//! PDF rendering tests: every template renders both document kinds on both paper sizes, sets
//! metadata, and keeps a text layer in reading order (checked with `pdftotext`, skipped with a
//! message when poppler-utils is not installed). User text must stay literal.

mod common;

use common::{Pdf, fixture, normalise, renderer};
use jobwise_render::{Document, PaperSize, Template};

fn all_lines(doc: &Document) -> Vec<String> {
    let Document::Resume(r) = doc else {
        unreachable!()
    };
    let mut out = Vec::new();
    for e in &r.experience {
        out.push(e.title.text.clone());
        out.extend(e.bullets.iter().map(|b| b.text.clone()));
    }
    for p in &r.projects {
        out.push(p.name.text.clone());
        out.extend(p.bullets.iter().map(|b| b.text.clone()));
    }
    for e in &r.education {
        out.push(e.institution.clone());
    }
    out
}

#[test]
fn every_template_renders_resume_and_letter() {
    let resume = fixture("resume.json");
    let letter = fixture("letter.json");
    for template in Template::ALL {
        for paper in [PaperSize::A4, PaperSize::Letter] {
            for doc in [&resume, &letter] {
                let pdf = renderer()
                    .render_pdf(doc, template, paper)
                    .unwrap_or_else(|e| panic!("{template}: {e}"));
                assert!(pdf.bytes.starts_with(b"%PDF-"), "{template}");
                assert!(pdf.page_count >= 1, "{template}");
            }
        }
        // The sample fits one page in every template.
        assert_eq!(
            renderer()
                .render_pdf(&resume, template, PaperSize::A4)
                .unwrap()
                .page_count,
            1,
            "{template}"
        );
    }
}

#[test]
fn metadata_is_set() {
    let resume = fixture("resume.json");
    for template in Template::ALL {
        let pdf = renderer()
            .render_pdf(&resume, template, PaperSize::Letter)
            .unwrap();
        let Some(info) = Pdf(&pdf.bytes).info() else {
            return;
        };
        let info: String = info.lines().map(|l| normalise(l) + "\n").collect();
        assert!(
            info.contains("Title: Zoë Łukasiewicz-Øvergaard – Resume"),
            "{template}: {info}"
        );
        assert!(info.contains("Author: Zoë Łukasiewicz-Øvergaard"), "{info}");
        assert!(
            info.contains("Subject: Resume: Senior Backend Engineer"),
            "{info}"
        );
        assert!(
            info.contains("Keywords:") && info.contains("PostgreSQL"),
            "{info}"
        );
        assert!(info.contains("Pages: 1"), "{info}");
        assert!(info.contains("Page size: 612 x 792 pts (letter)"), "{info}");
    }
}

#[test]
fn text_layer_keeps_reading_order() {
    let resume = fixture("resume.json");
    let expected = all_lines(&resume);
    for template in Template::ALL {
        let pdf = renderer()
            .render_pdf(&resume, template, PaperSize::A4)
            .unwrap();
        let Some(text) = Pdf(&pdf.bytes).text() else {
            return;
        };
        let flat = normalise(&text);
        let mut from = 0;
        for line in &expected {
            let needle = normalise(line);
            let at = flat[from..].find(&needle).unwrap_or_else(|| {
                panic!("{template}: {needle:?} missing or out of order in:\n{text}")
            });
            from += at + needle.len();
        }
        assert!(
            text.contains('•'),
            "{template}: bullets must be real characters"
        );
    }
}

#[test]
fn letter_text_in_order() {
    let letter = fixture("letter.json");
    let Document::CoverLetter(l) = &letter else {
        unreachable!()
    };
    for template in Template::ALL {
        let pdf = renderer()
            .render_pdf(&letter, template, PaperSize::A4)
            .unwrap();
        assert_eq!(pdf.page_count, 1);
        let Some(text) = Pdf(&pdf.bytes).text() else {
            return;
        };
        let flat = normalise(&text);
        let mut from = 0;
        for needle in [
            &l.sender.full_name,
            &"2 January 2026".to_owned(),
            &l.recipient.company,
            &l.salutation,
        ]
        .into_iter()
        .cloned()
        .chain(l.paragraphs.iter().map(|p| p.text.clone()))
        .chain([l.closing.clone()])
        {
            let needle = normalise(&needle);
            let at = flat[from..]
                .find(&needle)
                .unwrap_or_else(|| panic!("{template}: {needle:?} in\n{text}"));
            from += at + needle.len();
        }
    }
}

#[test]
fn ats_layout_rules() {
    let resume = fixture("resume.json");
    let pdf = renderer()
        .render_pdf(&resume, Template::AtsOptimized, PaperSize::A4)
        .unwrap();
    let Some(text) = Pdf(&pdf.bytes).text() else {
        return;
    };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines[0], "Zoë Łukasiewicz-Øvergaard",
        "name alone on the first line"
    );
    assert!(
        lines.contains(&"zoe@example.com | +49-30-1234-5678 | Berlin, Germany | github.com/zoe-dev | zoe.example.dev"),
        "{text}"
    );
    for h in [
        "SUMMARY",
        "SKILLS",
        "EXPERIENCE",
        "PROJECTS",
        "EDUCATION",
        "CERTIFICATIONS",
        "LANGUAGES",
    ] {
        assert!(lines.contains(&h), "heading {h} on its own line:\n{text}");
    }
    assert!(lines.contains(&"Senior Software Engineer"), "{text}");
    assert!(
        lines.contains(&"Zahlungsgröße GmbH | München, Germany"),
        "{text}"
    );
    assert!(lines.contains(&"Mar 2021 – Present"), "{text}");
    assert!(lines.contains(&"Jan 2018 – Feb 2021"), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("• Cut p99")), "{text}");
    // No ligatures: "fi"/"fl" stay two letters in the text layer.
    assert!(text.contains("fraud checks") && text.contains("on-boarding"));
}

#[test]
fn user_text_is_data_not_markup() {
    let hostile = r#"$x$ *y* _z_ @ref <lbl> \ // = #sym.arrow [a] {b} ``c`` ~"#;
    let import = r#"#import "/etc/passwd""#;
    let mut doc = fixture("resume.json");
    let Document::Resume(r) = &mut doc else {
        unreachable!()
    };
    r.header.full_name = import.to_owned();
    r.header.headline = Some(r#"#read("/etc/passwd")"#.to_owned());
    r.experience[0].bullets[0].text = hostile.to_owned();
    r.skills[0].name = "= Heading".to_owned();
    for template in Template::ALL {
        let pdf = renderer()
            .render_pdf(&doc, template, PaperSize::A4)
            .unwrap();
        let Some(text) = Pdf(&pdf.bytes).text() else {
            return;
        };
        let flat = normalise(&text);
        assert!(flat.contains(&normalise(import)), "{template}: {text}");
        assert!(flat.contains(&normalise(hostile)), "{template}: {text}");
        assert!(
            flat.contains(r#"#read("/etc/passwd")"#),
            "{template}: {text}"
        );
        assert!(
            !flat.contains("root:x:0"),
            "{template}: file contents leaked"
        );
    }
}

#[test]
fn unicode_scripts_render() {
    let samples = [
        "Zoë Ångström Straße Øre",
        "Łódź Żółć Gęś",
        "İstanbul Şişli Ağaç ığ",
        "Αθήνα Ελληνικά",
        "Москва Русский язык",
        "Crème brûlée naïve façade",
    ];
    let mut doc = fixture("resume.json");
    let Document::Resume(r) = &mut doc else {
        unreachable!()
    };
    r.experience[0].bullets = samples
        .iter()
        .map(|s| jobwise_render::Line::new(*s))
        .collect();
    for template in Template::ALL {
        let pdf = renderer()
            .render_pdf(&doc, template, PaperSize::A4)
            .unwrap();
        let Some(text) = Pdf(&pdf.bytes).text() else {
            return;
        };
        for s in samples {
            assert!(
                normalise(&text).contains(s),
                "{template}: {s:?} missing:\n{text}"
            );
        }
        if let Some(fonts) = Pdf(&pdf.bytes).fonts() {
            assert!(
                fonts.contains("Libertinus") || fonts.contains("NewCM"),
                "{fonts}"
            );
        }
    }
}

#[test]
fn cjk_does_not_crash() {
    // No bundled font covers CJK: the glyphs render as the font's "missing glyph" box, the
    // render still succeeds and the PDF is valid.
    let mut doc = fixture("resume.json");
    let Document::Resume(r) = &mut doc else {
        unreachable!()
    };
    r.header.full_name = "山田 太郎 김민준".into();
    r.experience[0].bullets[0].text = "東京でRustのサービスを構築しました。".into();
    for template in Template::ALL {
        let pdf = renderer()
            .render_pdf(&doc, template, PaperSize::A4)
            .unwrap();
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        if template == Template::AtsOptimized
            && let Some(text) = Pdf(&pdf.bytes).text()
        {
            eprintln!(
                "CJK text layer: {:?}",
                text.lines().take(12).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn rendering_is_deterministic() {
    let resume = fixture("resume.json");
    let a = renderer()
        .render_pdf(&resume, Template::Modern, PaperSize::A4)
        .unwrap();
    let b = renderer()
        .render_pdf(&resume, Template::Modern, PaperSize::A4)
        .unwrap();
    assert_eq!(a.bytes, b.bytes);
}

#[test]
fn renderer_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<jobwise_render::Renderer>();
}

/// Warm render timings; run with
/// `cargo test --release --test pdf -- --ignored --nocapture timing`.
#[test]
#[ignore]
fn timing() {
    let resume = fixture("resume.json");
    let letter = fixture("letter.json");
    for template in Template::ALL {
        for (kind, doc) in [("resume", &resume), ("letter", &letter)] {
            renderer().render_pdf(doc, template, PaperSize::A4).unwrap();
            let n = 50;
            let start = std::time::Instant::now();
            for i in 0..n {
                // Vary the input so the memo cache cannot return a finished layout.
                let mut d = doc.clone();
                match &mut d {
                    Document::Resume(r) => {
                        for b in r.experience.iter_mut().flat_map(|e| &mut e.bullets) {
                            b.text = format!("{} {i}", b.text);
                        }
                        r.header.headline = Some(format!("Engineer {i}"));
                    }
                    Document::CoverLetter(l) => {
                        for p in &mut l.paragraphs {
                            p.text = format!("{} {i}", p.text);
                        }
                    }
                }
                renderer().render_pdf(&d, template, PaperSize::A4).unwrap();
            }
            let per = start.elapsed() / n;
            println!(
                "{template:>14} {kind:<6} {per:?} per render (warm renderer, every bullet/paragraph changed)"
            );
        }
    }
}

/// Writes every template's PDFs to `$JOBWISE_RENDER_OUT` for a visual check; run with
/// `JOBWISE_RENDER_OUT=/tmp/out cargo test --test pdf -- --ignored write_samples`.
#[test]
#[ignore]
fn write_samples() {
    let Some(dir) = std::env::var_os("JOBWISE_RENDER_OUT") else {
        return;
    };
    std::fs::create_dir_all(&dir).unwrap();
    for template in Template::ALL {
        for name in ["resume", "letter"] {
            let doc = fixture(&format!("{name}.json"));
            let pdf = renderer()
                .render_pdf(&doc, template, PaperSize::A4)
                .unwrap();
            std::fs::write(
                std::path::Path::new(&dir).join(format!("{template}-{name}.pdf")),
                pdf.bytes,
            )
            .unwrap();
        }
    }
}
