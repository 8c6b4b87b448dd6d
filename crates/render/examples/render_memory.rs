//! Memory over many renders: renders the resume fixture N times (default 10,000; each with
//! different text so nothing is served from Typst's memo cache) with one `Renderer`, printing
//! the resident set size every 1,000 renders. The RSS must level off: the renderer evicts its
//! cache every 64 renders.
//!
//! `cargo run --release -p jobwise-render --example render_memory [-- 10000]`

use jobwise_render::{Document, PaperSize, Renderer, Template};

fn rss_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1_048_576.0
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/resume.json");
    let resume: Document = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let renderer = Renderer::new();
    let started = std::time::Instant::now();
    println!("renders,rss_mib,seconds");
    println!("0,{:.1},0", rss_mib());
    for i in 1..=n {
        let mut d = resume.clone();
        if let Document::Resume(r) = &mut d {
            for b in r.experience.iter_mut().flat_map(|e| &mut e.bullets) {
                b.text = format!("{} {i}", b.text);
            }
        }
        let template = Template::ALL[i % Template::ALL.len()];
        renderer.render_pdf(&d, template, PaperSize::A4).unwrap();
        if i % 1000 == 0 || i == n {
            println!(
                "{i},{:.1},{:.1}",
                rss_mib(),
                started.elapsed().as_secs_f64()
            );
        }
    }
}
