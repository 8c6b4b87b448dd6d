//! Cancelling extraction: a cancelled handle, a passed deadline, or a cancel from another
//! thread while a PDF is being read all stop the work with `Cancelled`.

use std::io::Write;
use std::time::{Duration, Instant};

use jobwise_extract::{Cancel, ExtractError, SampleFormat, extract_text_with};

/// A one-page PDF whose (Flate-compressed) content stream is `content`.
fn one_page(content: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(content).unwrap();
    let data = enc.finish().unwrap();
    let objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        [
            format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                data.len()
            )
            .as_bytes(),
            &data,
            b"\nendstream",
        ]
        .concat(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

#[test]
fn cancelled_or_late_extraction_stops() {
    let heavy = one_page(&b"q\n".repeat(400_000));
    let cancel = Cancel::new();
    cancel.cancel();
    assert_eq!(
        extract_text_with(SampleFormat::Pdf, &heavy, &cancel),
        Err(ExtractError::Cancelled)
    );
    let past = Cancel::with_deadline(Instant::now());
    assert_eq!(
        extract_text_with(SampleFormat::Markdown, &b"[a](\n\n".repeat(100_000), &past),
        Err(ExtractError::Cancelled)
    );
    // Cancelled from another thread while running: stops long before finishing the work.
    let cancel = Cancel::new();
    let remote = cancel.clone();
    let worker = std::thread::spawn(move || {
        let started = Instant::now();
        let mut runs = 0;
        loop {
            match extract_text_with(SampleFormat::Pdf, &heavy, &cancel) {
                Err(ExtractError::Cancelled) => return (runs, started.elapsed()),
                _ => runs += 1,
            }
            assert!(runs < 10_000, "never cancelled");
        }
    });
    std::thread::sleep(Duration::from_millis(50));
    let stopped = Instant::now();
    remote.cancel();
    let (runs, _) = worker.join().unwrap();
    eprintln!("{runs} whole runs before the cancel");
    assert!(
        stopped.elapsed() < Duration::from_millis(500),
        "stopped {:?} after the cancel",
        stopped.elapsed()
    );
}
