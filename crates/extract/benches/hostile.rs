//! Speed of extraction on hostile inputs: 1 MB of pathological Markdown (read as text, over the
//! markup cap), the most markup that is still parsed, and a 10 KB PDF whose content stream
//! decodes to 5M operators (refused at the operator cap). `cargo bench -p jobwise-extract`.

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use jobwise_extract::{MAX_MARKDOWN_MARKUP, SampleFormat, extract_text};

/// A one-page PDF whose Flate-compressed content stream is `content`.
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

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for unit in ["[", "[a](", "**_"] {
        let megabyte = unit.repeat(1024 * 1024 / unit.len());
        group.bench_function(format!("markdown 1 MB of {unit}"), |b| {
            b.iter(|| extract_text(SampleFormat::Markdown, black_box(megabyte.as_bytes())))
        });
        let markup_per_unit = unit
            .chars()
            .filter(|c| "[]*_~`<&\\!\n".contains(*c))
            .count();
        let at_cap = unit.repeat(MAX_MARKDOWN_MARKUP / markup_per_unit);
        group.bench_function(format!("markdown {unit} at the markup cap (parsed)"), |b| {
            b.iter(|| extract_text(SampleFormat::Markdown, black_box(at_cap.as_bytes())))
        });
    }
    let bomb = one_page(&b"q\n".repeat(5_000_000));
    group.bench_function("pdf 5M operators (refused)", |b| {
        b.iter(|| extract_text(SampleFormat::Pdf, black_box(&bomb)))
    });
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
