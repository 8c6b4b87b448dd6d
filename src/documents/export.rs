//! `POST /documents/export`: a ZIP of several documents in one format.

use std::io::Write as _;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::files::Format;
use super::handlers::{download_file, load};
use crate::app::AppState;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::AuthUser;
use crate::http::json::{ValidJson, Validate};

/// Most documents in one export.
pub const MAX_EXPORT: usize = 50;

/// `POST /documents/export` body.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportRequest {
    /// 1–50 of your documents (duplicates are exported once).
    pub document_ids: Vec<Uuid>,
    /// pdf (default), docx, html, md or txt.
    #[serde(default)]
    pub format: Option<String>,
}

impl Validate for ExportRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.document_ids.is_empty() || self.document_ids.len() > MAX_EXPORT {
            errors.push(FieldError::new(
                "document_ids",
                format!("must list 1 to {MAX_EXPORT} documents"),
            ));
        }
        if let Some(f) = &self.format
            && Format::parse(f).is_none()
        {
            errors.push(FieldError::new(
                "format",
                "must be pdf, docx, html, md or txt",
            ));
        }
        errors
    }
}

/// Makes ZIP entry names unique: `a.pdf`, `a-2.pdf`, `a-3.pdf`.
pub fn unique_name(taken: &mut std::collections::HashSet<String>, name: &str) -> String {
    if taken.insert(name.to_owned()) {
        return name.to_owned();
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..)
        .map(|n| format!("{stem}-{n}.{ext}"))
        .find(|candidate| taken.insert(candidate.clone()))
        .expect("an unused name exists")
}

/// A ZIP of the chosen documents in the chosen format, named as their downloads. Any unknown
/// or foreign id is a 404 for the whole export.
#[utoipa::path(post, path = "/export", tag = "documents", request_body = ExportRequest,
    security(("bearer" = []), ("api_key" = [])),
    responses((status = 200, description = "A ZIP archive", content_type = "application/zip", body = Vec<u8>),
        (status = 404, description = "One of the documents is not yours or does not exist", body = crate::error::ErrorBody)))]
pub async fn export_documents(
    State(state): State<AppState>,
    user: AuthUser,
    ValidJson(request): ValidJson<ExportRequest>,
) -> AppResult<Response> {
    let format = Format::from_query(request.format.as_deref())?;
    let mut ids = request.document_ids.clone();
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    // Every document first: one foreign id and nothing is exported.
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        rows.push(load(&state, user.id, id).await?);
    }
    let mut files = Vec::with_capacity(rows.len());
    let mut names = std::collections::HashSet::new();
    for row in &rows {
        let download = download_file(&state, row, format, None).await?;
        files.push((unique_name(&mut names, &download.names.0), download.bytes));
    }
    let zip = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<u8>> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in files {
            writer.start_file(name, options)?;
            writer.write_all(&bytes)?;
        }
        Ok(writer.finish()?.into_inner())
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))??;
    let mut response = Response::new(Body::from(zip));
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"jobwise-documents.zip\""),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clashing_names_get_suffixes() {
        let mut taken = std::collections::HashSet::new();
        assert_eq!(unique_name(&mut taken, "a.pdf"), "a.pdf");
        assert_eq!(unique_name(&mut taken, "a.pdf"), "a-2.pdf");
        assert_eq!(unique_name(&mut taken, "a.pdf"), "a-3.pdf");
        assert_eq!(unique_name(&mut taken, "b.pdf"), "b.pdf");
    }
}
