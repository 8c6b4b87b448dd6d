//! Templates (`/api/v1/templates`, public): the five designs, and a PDF preview of each
//! rendered from a built-in sample resume or cover letter with `crates/render`.

use std::sync::{Arc, OnceLock};

use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use jobwise_render::{Document, PaperSize, Renderer, Template};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult, FieldError};

/// Routes under `/api/v1/templates` (no credentials needed).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_templates))
        .routes(routes!(get_template))
        .routes(routes!(preview_template))
}

/// The long-lived PDF renderer (fonts loaded once), created on first use.
#[derive(Clone, Default)]
pub struct SharedRenderer(Arc<OnceLock<Renderer>>);

impl std::fmt::Debug for SharedRenderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedRenderer")
    }
}

impl SharedRenderer {
    /// The renderer, loading fonts on the first call.
    pub fn get(&self) -> &Renderer {
        self.0.get_or_init(Renderer::new)
    }
}

/// A template.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TemplateInfo {
    /// Template id, as used by generations and downloads.
    #[schema(example = "ats_optimized")]
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// What it looks like and when to use it.
    pub description: &'static str,
    /// Safe for applicant-tracking systems (every template keeps a correct reading order; this
    /// one marks the strictest, single-column designs).
    pub ats_friendly: bool,
    /// Document types it renders.
    pub supports: Vec<&'static str>,
}

/// The list of templates (not paginated).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TemplateList {
    /// All templates.
    pub templates: Vec<TemplateInfo>,
}

fn info(template: Template) -> TemplateInfo {
    let (name, description, ats_friendly) = match template {
        Template::AtsOptimized => (
            "ATS optimized",
            "One column, standard section headings, no graphics: what applicant-tracking systems parse best.",
            true,
        ),
        Template::Modern => (
            "Modern",
            "Clean sans-serif layout with an accent colour and clear section rules.",
            true,
        ),
        Template::Classic => (
            "Classic",
            "Traditional serif design with centred header, for conservative industries.",
            true,
        ),
        Template::Minimal => (
            "Minimal",
            "Generous white space and restrained typography; lets the content speak.",
            true,
        ),
        Template::Creative => (
            "Creative",
            "Bolder colour and typographic contrast for design and marketing roles; still one reading order.",
            false,
        ),
    };
    TemplateInfo {
        id: template.as_str(),
        name,
        description,
        ats_friendly,
        supports: vec!["resume", "cover_letter"],
    }
}

/// Whether a template is one of the ATS-friendly (single reading column, plain) designs.
pub fn is_ats_friendly(template: Template) -> bool {
    info(template).ats_friendly
}

fn parse_template(id: &str) -> AppResult<Template> {
    id.parse::<Template>()
        .map_err(|_| AppError::not_found("template"))
}

/// All templates.
#[utoipa::path(get, path = "", tag = "templates",
    responses((status = 200, description = "The five templates", body = TemplateList)))]
pub async fn list_templates() -> Json<TemplateList> {
    Json(TemplateList {
        templates: Template::ALL.into_iter().map(info).collect(),
    })
}

/// One template.
#[utoipa::path(get, path = "/{id}", tag = "templates",
    params(("id" = String, Path, description = "Template id, e.g. modern")),
    responses((status = 200, description = "The template", body = TemplateInfo)))]
pub async fn get_template(Path(id): Path<String>) -> AppResult<Json<TemplateInfo>> {
    Ok(Json(info(parse_template(&id)?)))
}

const SAMPLE_RESUME: &str = include_str!("../../assets/samples/resume.json");
const SAMPLE_LETTER: &str = include_str!("../../assets/samples/cover_letter.json");

/// A PDF of the template filled with a built-in sample (`?document_type=resume|cover_letter`,
/// `?paper=a4|letter`).
#[utoipa::path(get, path = "/{id}/preview", tag = "templates",
    params(("id" = String, Path, description = "Template id"),
        ("document_type" = Option<String>, Query, description = "resume (default) or cover_letter"),
        ("paper" = Option<String>, Query, description = "a4 (default) or letter")),
    responses((status = 200, description = "The preview PDF", content_type = "application/pdf", body = Vec<u8>)))]
pub async fn preview_template(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: axum::http::Uri,
) -> AppResult<impl IntoResponse> {
    let template = parse_template(&id)?;
    let mut sample = SAMPLE_RESUME;
    let mut paper = PaperSize::A4;
    let mut errors = Vec::new();
    for (key, value) in form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()) {
        match (key.as_ref(), value.as_ref()) {
            ("document_type", "resume") => sample = SAMPLE_RESUME,
            ("document_type", "cover_letter") => sample = SAMPLE_LETTER,
            ("document_type", _) => errors.push(FieldError::new(
                "document_type",
                "must be resume or cover_letter",
            )),
            ("paper", "a4") => paper = PaperSize::A4,
            ("paper", "letter") => paper = PaperSize::Letter,
            ("paper", _) => errors.push(FieldError::new("paper", "must be a4 or letter")),
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let document: Document = serde_json::from_str(sample).map_err(anyhow::Error::from)?;
    let renderer = state.renderer.clone();
    let pdf =
        tokio::task::spawn_blocking(move || renderer.get().render_pdf(&document, template, paper))
            .await
            .map_err(|e| AppError::Internal(e.into()))?
            .map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}-preview.pdf\"", template.as_str()),
            ),
        ],
        pdf.bytes,
    ))
}
