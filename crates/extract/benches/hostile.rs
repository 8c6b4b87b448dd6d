//! Speed of extraction on hostile inputs: 1 MB of pathological Markdown (read as text, over the
//! markup cap), the most markup that is still parsed, and a 10 KB PDF whose content stream
//! decodes to 5M operators (refused at the operator cap). `cargo bench -p jobwise-extract`.

#[path = "../tests/support/pdf.rs"]
mod pdf;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jobwise_extract::{MAX_MARKDOWN_MARKUP, SampleFormat, extract_text};
use pdf::one_page;

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
