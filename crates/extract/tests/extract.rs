//! End-to-end tests of `extract_text` over checked-in fixtures (see
//! `fixtures/generate.py`) and documents built here.

use std::io::{Cursor, Write};

use jobwise_extract::{
    ExtractError, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES, SampleFormat, extract_text,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ok(format: SampleFormat, bytes: &[u8]) -> String {
    extract_text(format, bytes).unwrap_or_else(|e| panic!("{format:?}: {e:?}"))
}

/// Deterministic pseudo-random bytes (xorshift).
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

// ---------------------------------------------------------------- formats

#[test]
fn format_from_file_name() {
    use SampleFormat::*;
    assert_eq!(SampleFormat::from_file_name("resume.txt"), Some(Text));
    assert_eq!(SampleFormat::from_file_name("Resume.MD"), Some(Markdown));
    assert_eq!(
        SampleFormat::from_file_name("notes.markdown"),
        Some(Markdown)
    );
    assert_eq!(SampleFormat::from_file_name("CV final.v2.DOCX"), Some(Docx));
    assert_eq!(
        SampleFormat::from_file_name("C:\\Users\\me\\cv.Pdf"),
        Some(Pdf)
    );
    assert_eq!(SampleFormat::from_file_name("/tmp/a.pdf.txt"), Some(Text));
    assert_eq!(SampleFormat::from_file_name("resume.doc"), None);
    assert_eq!(SampleFormat::from_file_name("resume"), None);
    assert_eq!(SampleFormat::from_file_name(".pdf"), None);
    assert_eq!(SampleFormat::from_file_name("dir.pdf/resume"), None);
    assert_eq!(SampleFormat::from_file_name(""), None);
}

// ---------------------------------------------------------------- text

#[test]
fn text_with_utf8_bom_and_crlf() {
    assert_eq!(
        ok(SampleFormat::Text, &fixture("bom.txt")),
        "Dear team,\n\nI’m applying for the role.\nThanks!"
    );
}

#[test]
fn text_utf16_le_and_be() {
    assert_eq!(
        ok(SampleFormat::Text, &fixture("utf16le.txt")),
        "Résumé — Zoë Ng\n\nSkills: Go, Rust"
    );
    assert_eq!(
        ok(SampleFormat::Text, &fixture("utf16be.txt")),
        "Ünïcödé 😀 text"
    );
}

#[test]
fn text_errors() {
    assert_eq!(
        extract_text(SampleFormat::Text, b"caf\xe9 latin-1"),
        Err(ExtractError::NotUtf8)
    );
    assert_eq!(
        extract_text(SampleFormat::Markdown, b"\xff\xfe\x00"),
        Err(ExtractError::NotUtf8)
    );
    assert_eq!(
        extract_text(SampleFormat::Text, b""),
        Err(ExtractError::NoText)
    );
    assert_eq!(
        extract_text(SampleFormat::Text, b"\xef\xbb\xbf \r\n\t\n"),
        Err(ExtractError::NoText)
    );
}

// ---------------------------------------------------------------- markdown

#[test]
fn markdown_resume() {
    let md = fixture("resume.md");
    assert_eq!(
        ok(SampleFormat::Markdown, &md),
        "Sam Lee\n\
         \n\
         Backend engineer · sam@example.com · github.com/samlee\n\
         \n\
         Summary\n\
         \n\
         I build reliable services in Rust and Go. My snake_case_names stay intact, and 5 * 3 = 15.\n\
         \n\
         Experience\n\
         \n\
         Acme Corp — Senior Engineer (2020–2024)\n\
         \n\
         • Cut p99 latency by 40% with a new cache layer\n\
         • Led a team of 5 & mentored 2 interns\n\
         • Migrated billing to PostgreSQL 16\n\
         \n\
         1. Designed the event pipeline\n\
         2. Wrote the on-call runbook\n\
         \n\
         Quote: ship small, ship often.\n\
         \n\
         Skills\n\
         \n\
         Language\tYears\n\
         Rust\t5\n\
         Go\t3\n\
         \n\
         cargo test --workspace\n\
         \n\
         Contact: me@example.com or https://samlee.dev"
    );
}

// ---------------------------------------------------------------- docx

fn docx_with(document_xml: &str) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        .unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(document_xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

#[test]
fn docx_built_in_test() {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NS}><w:body>
<w:p><w:r><w:t>Jordan Smith</w:t></w:r></w:p>
<w:p><w:r><w:t>Role:</w:t><w:tab/><w:t>Engineer</w:t></w:r></w:p>
<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">R&amp;D </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>removed words</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>&lt;kept&gt; &quot;text&quot;</w:t></w:r></w:ins></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell B1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Cell A2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell B2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/>
<w:p><w:r><w:t>Intro</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="wps"><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v"><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>Caf&#233; &#x2014; done</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>"#
    );
    assert_eq!(
        ok(SampleFormat::Docx, &docx_with(&xml)),
        "Jordan Smith\n\nRole:\tEngineer\n\nLine one\nLine two\n\nR&D <kept> \"text\"\n\n\
         Cell A1\n\nCell B1\n\nCell A2\n\nCell B2\n\nIntro\n\nText box\n\nCafé — done"
    );
}

#[test]
fn docx_real_world_shaped_fixture() {
    assert_eq!(
        ok(SampleFormat::Docx, &fixture("cover_letter.docx")),
        "Alex Rivera\n\nalex@example.com\tPortland, OR\n\nExperience\n\n\
         Led migration of the billing service to Rust.\n\n\
         • Reduced costs by 30% & on-call pages by half\n\n• Mentored four engineers\n\n\
         2019–2023\n\nStaff Engineer, Acme & Co.\n\n2015–2019\n\nEngineer, Initech\n\n\
         I would welcome the chance to talk. “Ship small, ship often.”"
    );
}

#[test]
fn docx_main_part_from_relationships() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default();
    zip.start_file("_rels/.rels", opts).unwrap();
    zip.write_all(
        br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#,
    )
    .unwrap();
    zip.start_file("word/document2.xml", opts).unwrap();
    zip.write_all(format!("<w:document {NS}><w:body><w:p><w:r><w:t>From document2</w:t></w:r></w:p></w:body></w:document>").as_bytes())
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(ok(SampleFormat::Docx, &bytes), "From document2");
}

#[test]
fn docx_errors() {
    // A zip without word/document.xml.
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("hello.txt", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hi").unwrap();
    let not_docx = zip.finish().unwrap().into_inner();
    assert!(matches!(
        extract_text(SampleFormat::Docx, &not_docx),
        Err(ExtractError::NotADocx(_))
    ));

    // Not a zip at all; a legacy .doc (OLE) header; a PDF uploaded as .docx.
    for bytes in [
        &b"plain text"[..],
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        &fixture("resume.pdf"),
    ] {
        assert!(matches!(
            extract_text(SampleFormat::Docx, bytes),
            Err(ExtractError::NotADocx(_))
        ));
    }

    // Malformed XML in the document part.
    let broken = docx_with(&format!(
        "<w:document {NS}><w:body><w:p><w:r><w:t>R &amp D</w:t></w:r></w:p>"
    ));
    assert!(matches!(
        extract_text(SampleFormat::Docx, &broken),
        Err(ExtractError::NotADocx(_))
    ));
    // Unclosed elements are tolerated: the text that is there is kept.
    let unclosed = docx_with(&format!(
        "<w:document {NS}><w:body><w:p><w:r><w:t>unterminated"
    ));
    assert_eq!(
        extract_text(SampleFormat::Docx, &unclosed),
        Ok("unterminated".into())
    );

    // A document with no text.
    let empty = docx_with(&format!(
        "<w:document {NS}><w:body><w:p/><w:sectPr/></w:body></w:document>"
    ));
    assert_eq!(
        extract_text(SampleFormat::Docx, &empty),
        Err(ExtractError::NoText)
    );
}

#[test]
fn docx_zip_bomb_is_too_large() {
    // ~12 MiB of XML that deflates to a few KiB.
    let mut xml = format!("<w:document {NS}><w:body>");
    let para =
        "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
    while xml.len() <= MAX_INFLATED_BYTES + MAX_INFLATED_BYTES / 5 {
        xml.push_str(para);
    }
    xml.push_str("</w:body></w:document>");
    let bomb = docx_with(&xml);
    assert!(bomb.len() < 200 * 1024, "compressed size {}", bomb.len());
    assert_eq!(
        extract_text(SampleFormat::Docx, &bomb),
        Err(ExtractError::TooLarge)
    );
}

#[test]
fn docx_with_too_many_entries_is_too_large() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..=MAX_ZIP_ENTRIES {
        zip.start_file(format!("f{i}"), opts).unwrap();
    }
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(
        format!(
            "<w:document {NS}><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"
        )
        .as_bytes(),
    )
    .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(
        extract_text(SampleFormat::Docx, &bytes),
        Err(ExtractError::TooLarge)
    );
}

// ---------------------------------------------------------------- pdf

#[test]
fn pdf_helvetica_single_page() {
    assert_eq!(
        ok(SampleFormat::Pdf, &fixture("resume.pdf")),
        "Jane Doe\n\nSenior Backend Engineer • jane@example.com\n\n\
         Built a payments platform serving 2M users.\nCut p99 latency by 40%\nLed a team of five.\n\n\
         Skills: Rust, SQL, Kubernetes\nLanguages: English, Spanish\nCafé culture"
    );
}

#[test]
fn pdf_two_pages_compressed_with_form_xobject() {
    assert_eq!(
        ok(SampleFormat::Pdf, &fixture("two_pages.pdf")),
        "Dear Hiring Manager,\n\nI am writing to apply for the role.\nI bring ten years of experience.\n\n\
         Sincerely,\n\nJohn Smith"
    );
}

#[test]
fn pdf_type0_font_with_tounicode() {
    assert_eq!(
        ok(SampleFormat::Pdf, &fixture("type0_tounicode.pdf")),
        "Profile\nEfficient, reliable engineer."
    );
}

#[test]
fn pdf_word_and_chrome_shapes() {
    // Flipped CTM, one BT per fragment, /Widths, right-aligned date (tab),
    // Symbol bullet via a private-use ToUnicode, fake bold, superscript, Tw.
    assert_eq!(
        ok(SampleFormat::Pdf, &fixture("styled.pdf")),
        "Staff Engineer\t2019 – 2023\n• Shipped the new API.\n\nSummary\nRanked 10th of 200\nWords with wide spacing"
    );
}

#[test]
fn pdf_without_text_layer_is_no_text() {
    assert_eq!(
        extract_text(SampleFormat::Pdf, &fixture("scanned.pdf")),
        Err(ExtractError::NoText)
    );
}

#[test]
fn pdf_errors() {
    for bytes in [&b""[..], b"not a pdf", &fixture("cover_letter.docx")] {
        assert!(matches!(
            extract_text(SampleFormat::Pdf, bytes),
            Err(ExtractError::NotAPdf(_))
        ));
    }
    let mut header_then_noise = b"%PDF-1.7\n".to_vec();
    header_then_noise.extend(noise(4096, 7));
    assert!(extract_text(SampleFormat::Pdf, &header_then_noise).is_err());
}

#[test]
fn pdf_flate_bomb_is_too_large() {
    // A page whose content stream inflates past the budget.
    let mut enc = zlib(&vec![b' '; MAX_INFLATED_BYTES + 1024]);
    let mut pdf = Vec::new();
    let mut offsets = Vec::new();
    pdf.extend_from_slice(b"%PDF-1.4\n");
    let objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        {
            let mut s =
                format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", enc.len()).into_bytes();
            s.append(&mut enc);
            s.extend_from_slice(b"\nendstream");
            s
        },
    ];
    for (i, body) in objs.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        pdf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    assert!(pdf.len() < 100 * 1024);
    assert_eq!(
        extract_text(SampleFormat::Pdf, &pdf),
        Err(ExtractError::TooLarge)
    );
}

/// zlib-compressed `data` (PDF /FlateDecode).
fn zlib(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}
// ---------------------------------------------------------------- robustness

#[test]
fn garbage_bytes_are_errors_for_every_format() {
    for seed in 1..=20u64 {
        let mut bytes = noise(2048, seed);
        // Make sure the text formats see invalid UTF-8.
        bytes[0] = 0xC3;
        bytes[1] = 0x28;
        assert_eq!(
            extract_text(SampleFormat::Text, &bytes),
            Err(ExtractError::NotUtf8)
        );
        assert_eq!(
            extract_text(SampleFormat::Markdown, &bytes),
            Err(ExtractError::NotUtf8)
        );
        assert!(matches!(
            extract_text(SampleFormat::Docx, &bytes),
            Err(ExtractError::NotADocx(_))
        ));
        assert!(matches!(
            extract_text(SampleFormat::Pdf, &bytes),
            Err(ExtractError::NotAPdf(_))
        ));
        // Right magic, wrong body.
        let mut pk = b"PK\x03\x04".to_vec();
        pk.extend_from_slice(&bytes);
        assert!(matches!(
            extract_text(SampleFormat::Docx, &pk),
            Err(ExtractError::NotADocx(_))
        ));
    }
}

#[test]
fn truncated_and_corrupted_documents_never_panic() {
    let docs = [
        (SampleFormat::Pdf, fixture("resume.pdf")),
        (SampleFormat::Pdf, fixture("two_pages.pdf")),
        (SampleFormat::Pdf, fixture("type0_tounicode.pdf")),
        (SampleFormat::Pdf, fixture("styled.pdf")),
        (SampleFormat::Docx, fixture("cover_letter.docx")),
    ];
    for (format, doc) in &docs {
        for cut in (0..doc.len()).step_by(37) {
            let _ = extract_text(*format, &doc[..cut]);
        }
        for (i, pos) in (0..doc.len()).step_by(53).enumerate() {
            let mut bad = doc.clone();
            bad[pos] ^= 0x5A ^ (i as u8);
            let _ = extract_text(*format, &bad);
        }
    }
}

#[test]
fn markdown_never_panics_on_odd_markup() {
    let alphabet: Vec<char> = "*_~`[]()<>!#|-+=>\\&;:/ \n\taé—😀1.".chars().collect();
    for seed in 1..=300u64 {
        let text: String = noise(64, seed)
            .iter()
            .map(|&b| alphabet[b as usize % alphabet.len()])
            .collect();
        match extract_text(SampleFormat::Markdown, text.as_bytes()) {
            Ok(out) => assert!(
                !out.contains("\n\n\n") && !out.ends_with(char::is_whitespace),
                "{out:?}"
            ),
            Err(e) => assert_eq!(e, ExtractError::NoText),
        }
    }
}

#[test]
fn extraction_is_deterministic() {
    for (format, name) in [
        (SampleFormat::Pdf, "two_pages.pdf"),
        (SampleFormat::Docx, "cover_letter.docx"),
        (SampleFormat::Markdown, "resume.md"),
    ] {
        let bytes = fixture(name);
        assert_eq!(extract_text(format, &bytes), extract_text(format, &bytes));
    }
}

#[test]
fn errors_display_for_api_messages() {
    assert_eq!(
        ExtractError::NoText.to_string(),
        "the file contains no text (a scanned PDF has no text layer)"
    );
    assert_eq!(
        ExtractError::NotADocx("x".into()).to_string(),
        "not a valid .docx file: x"
    );
}
