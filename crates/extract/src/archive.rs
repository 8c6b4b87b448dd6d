//! Bounded reading of selected entries of an uploaded zip archive (a LinkedIn data export):
//! the same caps as DOCX containers, [`MAX_ZIP_ENTRIES`] entries and [`MAX_INFLATED_BYTES`]
//! inflated in total, whatever sizes the archive declares.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::{ExtractError, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES};

/// The entries of a zip archive whose name `wanted` accepts, as `(name, bytes)` in archive
/// order. Directories are skipped. Not a zip → [`ExtractError::NotADocx`] (the only
/// container error the crate has; its message says "not a zip archive"); over the caps →
/// [`ExtractError::TooLarge`].
pub fn read_zip_entries(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<(String, Vec<u8>)>, ExtractError> {
    if !bytes.starts_with(b"PK") {
        return Err(ExtractError::NotADocx("not a zip archive".into()));
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(bytes, &wanted))).unwrap_or_else(
        |_| {
            Err(ExtractError::NotADocx(
                "the zip archive is malformed".into(),
            ))
        },
    )
}

fn read(
    bytes: &[u8],
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<(String, Vec<u8>)>, ExtractError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::NotADocx(format!("not a readable zip archive: {e}")))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ExtractError::TooLarge);
    }
    let mut budget = MAX_INFLATED_BYTES;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let file = zip
            .by_index(i)
            .map_err(|e| ExtractError::NotADocx(format!("cannot read entry {i}: {e}")))?;
        let name = file.name().to_owned();
        if file.is_dir() || !wanted(&name) {
            continue;
        }
        if file.size() > budget as u64 {
            return Err(ExtractError::TooLarge);
        }
        let mut buf = Vec::with_capacity(file.size().min(budget as u64) as usize);
        file.take(budget as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| ExtractError::NotADocx(format!("cannot inflate {name}: {e}")))?;
        if buf.len() > budget {
            return Err(ExtractError::TooLarge);
        }
        budget -= buf.len();
        out.push((name, buf));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};

    fn archive(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (name, data) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_only_wanted_entries() {
        let zip = archive(&[
            ("export/Skills.csv", b"Name\nRust\n"),
            ("export/Other.bin", b"x"),
        ]);
        let got = read_zip_entries(&zip, |n| n.ends_with(".csv")).unwrap();
        assert_eq!(
            got,
            vec![("export/Skills.csv".to_owned(), b"Name\nRust\n".to_vec())]
        );
        assert!(matches!(
            read_zip_entries(b"nope", |_| true),
            Err(ExtractError::NotADocx(_))
        ));
    }

    #[test]
    fn inflation_is_capped_in_total() {
        // Two entries that each fit but together exceed the budget.
        let big = vec![b'a'; MAX_INFLATED_BYTES / 2 + 1];
        let zip = archive(&[("a.csv", &big), ("b.csv", &big)]);
        assert_eq!(
            read_zip_entries(&zip, |_| true),
            Err(ExtractError::TooLarge)
        );
    }
}
