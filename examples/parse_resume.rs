//! Prints the lines the résumé importer reads from a file and the entries it finds:
//! `cargo run --example parse_resume -- resume.pdf` (also `.docx`, `.txt`, `.md`).

use std::io::Write;

use jobwise::profiles::import::{parse_resume_file, to_engine_pages};
use jobwise_extract::{Cancel, SampleFormat};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: parse_resume <file.pdf|docx|txt|md>");
    let bytes = std::fs::read(&path).expect("the file can be read");
    let format = match path.rsplit('.').next() {
        Some("pdf") => SampleFormat::Pdf,
        Some("docx") => SampleFormat::Docx,
        Some("md") => SampleFormat::Markdown,
        _ => SampleFormat::Text,
    };
    let cancel = Cancel::default();
    let mut out = String::new();
    if format == SampleFormat::Pdf {
        let pages =
            jobwise_extract::extract_pdf_layout(&bytes, 20, &cancel).expect("a readable PDF");
        for line in jobwise_engine::resume::reading_order(&to_engine_pages(pages)) {
            out.push_str(&format!(
                "{}{:>6} | {}\n",
                if line.gap_before { "~" } else { " " },
                line.x.map(|x| format!("{x:.0}")).unwrap_or_default(),
                line.text
            ));
        }
    }
    let parsed = parse_resume_file(format, &bytes, &cancel).expect("a readable résumé");
    for e in &parsed.profile.experiences {
        out.push_str(&format!(
            "job: {:?} @ {:?} | {:?} | {:?} - {:?}\n",
            e.title, e.company, e.location, e.start_date, e.end_date
        ));
    }
    for e in &parsed.profile.education {
        out.push_str(&format!("school: {:?} | {:?}\n", e.institution, e.degree));
    }
    for note in &parsed.notes {
        out.push_str(&format!("note: {note:?}\n"));
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
}
