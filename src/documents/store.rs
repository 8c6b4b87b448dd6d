//! The documents feature's writes that other features ask for: the rows a generation's stage 5
//! produces (first version included), and which documents a generation made. The documents
//! table is written only here and in the documents handlers.

use uuid::Uuid;

use super::model::DocumentType;
use crate::db::{Db, parse_uuid};

/// A document row written by stage 5.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// Deterministic id (derived from the generation), so a repeated stage 5 writes no copy.
    pub id: Uuid,
    /// resume or cover_letter.
    pub document_type: DocumentType,
    /// Display title.
    pub title: String,
    /// The template its PDF is rendered with.
    pub template: jobwise_render::Template,
    /// The structured content (JSON).
    pub structured: String,
    /// Validation report (JSON).
    pub validation: String,
    /// Metadata (JSON).
    pub metadata: String,
    /// Storage key of the PDF.
    pub pdf_key: String,
    /// PDF size.
    pub pdf_size: i64,
    /// PDF pages.
    pub pdf_pages: i64,
}

/// Where a generated document comes from: its owner, generation, profile and job.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    /// Owner.
    pub user_id: Uuid,
    /// The generation that wrote it.
    pub generation_id: Uuid,
    /// The profile it was generated from.
    pub profile_id: Uuid,
    /// The job it was generated for.
    pub job_id: Uuid,
}

/// Writes a generated document and its version 1 inside the caller's transaction (the
/// generation completes in the same one). A row that already exists is kept as it is.
pub async fn insert_generated(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    origin: Origin,
    d: &NewDocument,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO documents (id, user_id, generation_id, profile_id, job_id, document_type, \
         title, version, template, structured, validation, metadata, pdf_key, pdf_size, \
         pdf_pages, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11, $12, $13, $14, $15, $15) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(d.id.to_string())
    .bind(origin.user_id.to_string())
    .bind(origin.generation_id.to_string())
    .bind(origin.profile_id.to_string())
    .bind(origin.job_id.to_string())
    .bind(d.document_type.as_str())
    .bind(&d.title)
    .bind(d.template.as_str())
    .bind(&d.structured)
    .bind(&d.validation)
    .bind(&d.metadata)
    .bind(&d.pdf_key)
    .bind(d.pdf_size)
    .bind(d.pdf_pages)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO document_versions (document_id, version, structured, validation, created_at) \
         VALUES ($1, 1, $2, $3, $4) ON CONFLICT (document_id, version) DO NOTHING",
    )
    .bind(d.id.to_string())
    .bind(&d.structured)
    .bind(&d.validation)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Ids of a generation's documents, in order.
pub async fn ids_of_generation(db: &Db, generation_id: Uuid) -> anyhow::Result<Vec<Uuid>> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT id FROM documents WHERE generation_id = $1 ORDER BY id")
            .bind(generation_id.to_string())
            .fetch_all(&db.pool)
            .await?;
    ids.iter().map(|i| parse_uuid(i)).collect()
}
