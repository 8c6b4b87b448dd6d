//! Hostile uploads, generated here, against the stated budget: every one is refused (or read)
//! within 64 MB of extra resident memory and 2 s of CPU, and a cancelled extraction stops.
//! The only test in this binary, so the memory high-water mark is its own.

use std::io::Write;
use std::time::{Duration, Instant};

use jobwise_extract::{
    ExtractError, MAX_MARKDOWN_MARKUP, MAX_PDF_GLYPHS, MAX_PDF_OPERATIONS, MAX_PDF_PAGES,
    SampleFormat, extract_text,
};

/// zlib-compressed `data` (PDF /FlateDecode).
fn zlib(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A stream object: `dict` entries plus the Flate-compressed `data`.
fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let enc = zlib(data);
    let mut s = format!(
        "<< {dict} /Length {} /Filter /FlateDecode >>\nstream\n",
        enc.len()
    )
    .into_bytes();
    s.extend_from_slice(&enc);
    s.extend_from_slice(b"\nendstream");
    s
}

/// A PDF of the given objects (object 1 is the catalog), with a correct xref table.
fn pdf(objs: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// One page (Helvetica as /F1, an optional form XObject /X) showing `content`.
fn one_page(content: &[u8], form: Option<&[u8]>) -> Vec<u8> {
    let xobject = if form.is_some() {
        "/XObject << /X 6 0 R >>"
    } else {
        ""
    };
    let mut objs = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R >> {xobject} >> >>"
        )
        .into_bytes(),
        stream("", content),
        FONT.as_bytes().to_vec(),
    ];
    if let Some(form) = form {
        objs.push(stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>",
            form,
        ));
    }
    pdf(&objs)
}

/// `pages` pages sharing one small content stream.
fn many_pages(pages: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 5)).collect();
    let mut objs = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
        stream("", b"BT /F1 12 Tf 72 720 Td (Page) Tj ET"),
        FONT.as_bytes().to_vec(),
    ];
    for _ in 0..pages {
        objs.push(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R \
              /Resources << /Font << /F1 4 0 R >> >> >>"
                .to_vec(),
        );
    }
    pdf(&objs)
}

/// Peak resident memory of this process so far (Linux `VmHWM`), in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

/// CPU time used by the calling thread (Linux `schedstat`).
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    Duration::from_nanos(stat.split_whitespace().next().unwrap().parse().unwrap())
}

/// Runs one extraction and checks it against the budget: ≤ 2 s of CPU, ≤ 64 MB of extra
/// resident memory over `baseline`.
fn within_budget(name: &str, format: SampleFormat, bytes: &[u8], baseline: u64) -> ExtractError {
    let cpu = thread_cpu();
    let started = Instant::now();
    let result = extract_text(format, bytes);
    let used = thread_cpu() - cpu;
    let extra = peak_rss().saturating_sub(baseline);
    eprintln!(
        "{name}: {} KB in, {:?} CPU ({:?} wall), peak +{} MB: {result:?}",
        bytes.len() / 1024,
        used,
        started.elapsed(),
        extra / (1024 * 1024)
    );
    assert!(used < Duration::from_secs(2), "{name}: {used:?} of CPU");
    assert!(
        extra <= 64 * 1024 * 1024,
        "{name}: {} MB over the baseline",
        extra / (1024 * 1024)
    );
    result.expect_err(name)
}

#[test]
fn hostile_documents_stay_within_the_budget() {
    // Built before the baseline is taken: only the extraction is measured.
    let operators = one_page(&b"q\n".repeat(5_000_000), None);
    let glyphs = one_page(
        &[
            b"BT /F1 1 Tf (".as_slice(),
            &b"W".repeat(4_000_000),
            b") Tj ET",
        ]
        .concat(),
        None,
    );
    let form_reruns = one_page(
        &b"/X Do\n".repeat(200_000),
        Some(&b"1 0 0 1 0 0 cm\n".repeat(100)),
    );
    let pages = many_pages(MAX_PDF_PAGES + 1);
    let mut markdown_inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for unit in ["[", "[a](", "**_", "a\n"] {
        markdown_inputs.push((
            format!("1 MB of {unit:?}"),
            unit.repeat(1024 * 1024 / unit.len()).into_bytes(),
        ));
        let under_cap = MAX_MARKDOWN_MARKUP
            / unit
                .chars()
                .filter(|c| "[]*_~`<&\\!\n".contains(*c))
                .count();
        markdown_inputs.push((
            format!("{under_cap} × {unit:?} (parsed)"),
            unit.repeat(under_cap).into_bytes(),
        ));
    }
    assert!(
        operators.len() < 20 * 1024,
        "the operator bomb is a small file: {} bytes",
        operators.len()
    );
    let baseline = peak_rss();

    let operator_error = within_budget("5M operators", SampleFormat::Pdf, &operators, baseline);
    assert_eq!(
        operator_error,
        ExtractError::TooComplex(format!("more than {MAX_PDF_OPERATIONS} content operators"))
    );
    assert_eq!(
        within_budget("4M glyphs", SampleFormat::Pdf, &glyphs, baseline),
        ExtractError::TooComplex(format!("more than {MAX_PDF_GLYPHS} glyphs"))
    );
    assert_eq!(
        within_budget(
            "form run 200k times",
            SampleFormat::Pdf,
            &form_reruns,
            baseline
        ),
        ExtractError::TooComplex(format!("more than {MAX_PDF_OPERATIONS} content operators"))
    );
    assert_eq!(
        within_budget("101 pages", SampleFormat::Pdf, &pages, baseline),
        ExtractError::TooComplex(format!("more than {MAX_PDF_PAGES} pages"))
    );
    // Markdown: 1 MB of pathological markup (read as plain text: over the markup cap), and
    // just under the cap (parsed), within the budget.
    for (unit, bytes) in &markdown_inputs {
        let cpu = thread_cpu();
        let text = extract_text(SampleFormat::Markdown, bytes).unwrap();
        let used = thread_cpu() - cpu;
        eprintln!(
            "{unit}: {used:?} CPU, peak +{} MB, {} chars out",
            peak_rss().saturating_sub(baseline) / (1024 * 1024),
            text.len()
        );
        assert!(used < Duration::from_secs(2), "{unit}: {used:?}");
        assert!(!text.is_empty());
        assert!(
            peak_rss().saturating_sub(baseline) <= 64 * 1024 * 1024,
            "{unit}: {} MB over the baseline",
            peak_rss().saturating_sub(baseline) / (1024 * 1024)
        );
    }

    // The page cap is exact: 100 pages are read.
    let hundred = extract_text(SampleFormat::Pdf, &many_pages(MAX_PDF_PAGES)).unwrap();
    assert_eq!(hundred.matches("Page").count(), MAX_PDF_PAGES);
}
