//! `extract_pdf_layout`: the same text layer as `extract_text`, with each run's position, a
//! page cap, and no text → `NoText`.

use jobwise_extract::{Cancel, ExtractError, SampleFormat, extract_pdf_layout, extract_text};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn runs_carry_positions_and_the_same_text() {
    let bytes = fixture("styled.pdf");
    let pages = extract_pdf_layout(&bytes, 10, &Cancel::new()).unwrap();
    assert_eq!(pages.len(), 1);
    let lines: Vec<String> = pages[0]
        .lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect();
    let text = extract_text(SampleFormat::Pdf, &bytes).unwrap();
    let plain: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, plain);
    // "Staff Engineer" and its right-aligned date are two runs, left to right, far apart.
    let first = &pages[0].lines[0];
    assert_eq!(first.spans.len(), 2);
    assert!(first.spans[0].x0 < first.spans[0].x1);
    assert!(first.spans[1].x0 > first.spans[0].x1 + 3.0 * first.size);
    // Baselines go down the page.
    assert!(pages[0].lines[0].y > pages[0].lines[1].y);
}

#[test]
fn pages_are_capped_and_scans_have_no_text() {
    let two = fixture("two_pages.pdf");
    assert_eq!(
        extract_pdf_layout(&two, 2, &Cancel::new()).unwrap().len(),
        2
    );
    assert_eq!(
        extract_pdf_layout(&two, 1, &Cancel::new()),
        Err(ExtractError::TooLarge)
    );
    assert_eq!(
        extract_pdf_layout(&fixture("scanned.pdf"), 10, &Cancel::new()),
        Err(ExtractError::NoText)
    );
    assert!(matches!(
        extract_pdf_layout(b"not a pdf", 10, &Cancel::new()),
        Err(ExtractError::NotAPdf(_))
    ));
}
