//! Golden-file tests for the text, Markdown and HTML renderers: output is compared byte for
//! byte with `tests/golden/*`. Run with `UPDATE_GOLDEN=1` to rewrite the files after an
//! intended change, then review the diff.

use std::path::PathBuf;

use jobwise_render::{Document, render_html, render_markdown, render_text};

fn fixture(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let json = std::fs::read_to_string(&path).unwrap();
    let doc: Document = serde_json::from_str(&json).unwrap();
    doc.validate().unwrap();
    doc
}

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b);
        panic!(
            "{name} differs from the golden file (first differing line: {line:?}); \
             run with UPDATE_GOLDEN=1 and review the diff.\n--- actual ---\n{actual}"
        );
    }
}

#[test]
fn resume_goldens() {
    let doc = fixture("resume.json");
    check("resume.txt", &render_text(&doc));
    check("resume.md", &render_markdown(&doc));
    check("resume.html", &render_html(&doc));
}

#[test]
fn letter_goldens() {
    let doc = fixture("letter.json");
    check("letter.txt", &render_text(&doc));
    check("letter.md", &render_markdown(&doc));
    check("letter.html", &render_html(&doc));
}

#[test]
fn rendering_is_deterministic() {
    for name in ["resume.json", "letter.json"] {
        let doc = fixture(name);
        assert_eq!(render_html(&doc), render_html(&doc.clone()));
        assert_eq!(render_markdown(&doc), render_markdown(&doc.clone()));
    }
}

#[test]
fn json_round_trips_stably() {
    for name in ["resume.json", "letter.json"] {
        let doc = fixture(name);
        let json = serde_json::to_string(&doc).unwrap();
        let again: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(again, doc);
        assert_eq!(serde_json::to_string(&again).unwrap(), json);
    }
}

#[test]
fn hostile_strings_are_escaped() {
    let mut doc = fixture("resume.json");
    let Document::Resume(r) = &mut doc else {
        unreachable!()
    };
    r.header.full_name = "<script>alert('x')</script> *bold* [l](javascript:x)".into();
    r.header.links.push(jobwise_render::Link {
        label: "x".into(),
        url: "javascript:alert(1)".into(),
    });
    let html = render_html(&doc);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript"));
    let md = render_markdown(&doc);
    assert!(
        md.starts_with(r"# \<script\>alert('x')\</script\> \*bold\* \[l\](javascript:x)"),
        "{md}"
    );
    assert!(!md.contains("](<javascript"));
}
