//! Rendered files of a document version: formats, safe download names, and get-or-render
//! through storage (each file rendered once per version, template and format).

use jobwise_render::{Document, PaperSize, Template};

use crate::app::AppState;
use crate::documents::model::DocumentType;
use crate::error::{AppError, AppResult};

text_enum!(
    /// A download format.
    Format {
        /// PDF (Typst, the chosen template).
        Pdf = "pdf",
        /// Word document.
        Docx = "docx",
        /// Standalone HTML.
        Html = "html",
        /// Markdown.
        Md = "md",
        /// Plain text.
        Txt = "txt",
    }
);

impl Format {
    /// The `Content-Type` served.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html; charset=utf-8",
            Format::Md => "text/markdown; charset=utf-8",
            Format::Txt => "text/plain; charset=utf-8",
        }
    }

    /// Parses `?format=`, 422 naming the parameter otherwise.
    pub fn from_query(value: Option<&str>) -> AppResult<Format> {
        match value {
            None => Ok(Format::Pdf),
            Some(v) => Format::parse(v).ok_or_else(|| {
                AppError::invalid_field("format", "must be pdf, docx, html, md or txt")
            }),
        }
    }
}

/// Storage prefix of everything stored for a document (all versions and formats); the one
/// place the layout `documents/{id}/v{version}/{design}.{ext}` is written.
pub fn prefix(document: uuid::Uuid) -> String {
    format!("documents/{document}")
}

/// Storage key of a rendered file. Only PDFs depend on the template.
pub fn key(document: uuid::Uuid, version: i64, template: Template, format: Format) -> String {
    let design = if format == Format::Pdf {
        template.as_str()
    } else {
        "default"
    };
    format!(
        "{}/v{version}/{design}.{}",
        prefix(document),
        format.as_str()
    )
}

/// Renders a document to a format (CPU work: call from a blocking thread).
pub fn render(
    renderer: &jobwise_render::Renderer,
    document: &Document,
    template: Template,
    format: Format,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Format::Pdf => {
            renderer
                .render_pdf(document, template, PaperSize::A4)?
                .bytes
        }
        Format::Docx => jobwise_render::render_docx(document, PaperSize::A4)?,
        Format::Html => jobwise_render::render_html(document).into_bytes(),
        Format::Md => jobwise_render::render_markdown(document).into_bytes(),
        Format::Txt => jobwise_render::render_text(document).into_bytes(),
    })
}

/// The stored file, rendering and storing it on the first request.
pub async fn get_or_render(
    state: &AppState,
    key: &str,
    document: &Document,
    template: Template,
    format: Format,
) -> AppResult<Vec<u8>> {
    if let Some(bytes) = state.storage.get(key).await? {
        metrics::counter!("jobwise_document_files_total", "outcome" => "cached").increment(1);
        return Ok(bytes.to_vec());
    }
    let renderer = state.renderer.clone();
    let doc = document.clone();
    let bytes = tokio::task::spawn_blocking(move || render(renderer.get(), &doc, template, format))
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
    state.storage.put(key, bytes.clone()).await?;
    metrics::counter!("jobwise_document_files_total", "outcome" => "rendered").increment(1);
    Ok(bytes)
}

/// A file name that is safe everywhere: letters, digits, `_`, `-` and `.` only, ASCII.
fn ascii_part(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let mapped = match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => Some(c),
            'ß' => {
                out.push_str("ss");
                None
            }
            // "é" → "e", "Ł" → "L"; anything else becomes one "_".
            _ => Some(jobwise_engine::latin_base(c).unwrap_or('_')),
        };
        if let Some(m) = mapped
            && !(m == '_' && (out.is_empty() || out.ends_with('_')))
        {
            out.push(m);
        }
    }
    out.trim_matches('_').to_owned()
}

/// `Jane_Doe_Resume_Acme.pdf`: the person, the kind, the company.
pub fn file_name(
    full_name: &str,
    document_type: DocumentType,
    company: Option<&str>,
    format: Format,
) -> (String, String) {
    let kind = match document_type {
        DocumentType::CoverLetter => "Cover_Letter",
        DocumentType::Resume => "Resume",
    };
    let unicode: Vec<String> = [Some(full_name), Some(kind), company]
        .into_iter()
        .flatten()
        .map(|p| {
            p.split_whitespace()
                .collect::<Vec<_>>()
                .join("_")
                .replace(['/', '\\', '"', ':', '*', '?', '<', '>', '|'], "")
        })
        .filter(|p| !p.is_empty())
        .collect();
    let ascii: Vec<String> = unicode
        .iter()
        .map(|p| ascii_part(p))
        .filter(|p| !p.is_empty())
        .collect();
    let ext = format.as_str();
    let ascii = if ascii.is_empty() {
        format!("{kind}.{ext}")
    } else {
        format!("{}.{ext}", ascii.join("_"))
    };
    (ascii, format!("{}.{ext}", unicode.join("_")))
}

/// `Content-Disposition: attachment` with an ASCII `filename` and, when the real name is not
/// ASCII, an RFC 5987 `filename*`.
pub fn content_disposition(ascii: &str, unicode: &str) -> String {
    if ascii == unicode {
        return format!("attachment; filename=\"{ascii}\"");
    }
    let mut encoded = String::new();
    for byte in unicode.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_meaningful() {
        let (ascii, unicode) =
            file_name("Jane Doe", DocumentType::Resume, Some("Acme"), Format::Pdf);
        assert_eq!(ascii, "Jane_Doe_Resume_Acme.pdf");
        assert_eq!(unicode, ascii);
        assert_eq!(
            content_disposition(&ascii, &unicode),
            "attachment; filename=\"Jane_Doe_Resume_Acme.pdf\""
        );
        let (ascii, unicode) = file_name(
            "Łukasz Wiśniewski",
            DocumentType::CoverLetter,
            Some("Zahlungsgröße GmbH"),
            Format::Docx,
        );
        assert_eq!(
            ascii,
            "Lukasz_Wisniewski_Cover_Letter_Zahlungsgrosse_GmbH.docx"
        );
        let header = content_disposition(&ascii, &unicode);
        assert!(
            header.contains("filename*=UTF-8''%C5%81ukasz_Wi%C5%9Bniewski"),
            "{header}"
        );
        let (ascii, _) = file_name(
            "../../etc/passwd \"x\"",
            DocumentType::Resume,
            None,
            Format::Txt,
        );
        assert!(!ascii.contains('/') && !ascii.contains('"'), "{ascii}");
        let (ascii, _) = file_name("李小龍", DocumentType::Resume, None, Format::Pdf);
        assert_eq!(ascii, "Resume.pdf");
    }

    #[test]
    fn keys_depend_on_template_only_for_pdf() {
        let id = uuid::Uuid::nil();
        assert_eq!(
            key(id, 2, Template::Classic, Format::Pdf),
            format!("documents/{id}/v2/classic.pdf")
        );
        assert_eq!(
            key(id, 2, Template::Classic, Format::Docx),
            key(id, 2, Template::Modern, Format::Docx)
        );
    }
}
