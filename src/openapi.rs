//! The OpenAPI document: metadata, security schemes, and the standard error responses added to
//! every operation (so each endpoint documents the contract's error body for the errors it can
//! produce). `/openapi.json` serves it; a test snapshots it.

use utoipa::OpenApi as _;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr};

use crate::error::{ErrorBody, FieldError};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "JobWise API",
        description = "Master profiles, job search and tailored, truthful resumes and cover letters. \
            Errors always use the `ErrorBody` shape; every response carries `X-Request-Id`.",
        license(name = "MIT"),
    ),
    tags(
        (name = "auth", description = "Accounts, sessions and API keys"),
        (name = "profiles", description = "Master profiles: the whole career, versioned"),
        (name = "jobs", description = "Job catalog, your own postings and search"),
        (name = "saved-jobs", description = "Application tracking"),
        (name = "samples", description = "Writing samples and the style profile learned from them"),
        (name = "templates", description = "Document designs and their previews (public)"),
        (name = "operations", description = "Health and metrics"),
    ),
    components(schemas(ErrorBody, FieldError)),
)]
struct ApiDoc;

/// The document before routes are added.
pub fn base_document() -> OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .build(),
        ),
    );
    components.add_security_scheme(
        "api_key",
        SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
            "X-API-Key",
            "A personal API key from POST /api/v1/auth/api-keys",
        ))),
    );
    doc
}

/// Standard error responses: (status, component name, description).
const STANDARD_ERRORS: &[(&str, &str, &str)] = &[
    ("400", "MalformedJson", "The body is not valid JSON"),
    (
        "401",
        "Unauthorized",
        "Missing, invalid or expired credentials",
    ),
    ("404", "NotFound", "No such resource for this caller"),
    ("413", "PayloadTooLarge", "The body is over the size limit"),
    ("415", "UnsupportedMediaType", "The body is not JSON"),
    (
        "422",
        "ValidationError",
        "Invalid fields, listed in `details` with their paths",
    ),
    ("429", "RateLimited", "Too many requests; see `Retry-After`"),
    (
        "500",
        "InternalError",
        "Unexpected server error (details are logged, not shown)",
    ),
];

/// Adds the shared error responses to the components and to every operation that can
/// produce them.
pub fn finish_document(doc: &mut OpenApi) {
    let components = doc.components.get_or_insert_with(Default::default);
    for (_, name, description) in STANDARD_ERRORS {
        let response = ResponseBuilder::new()
            .description(*description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(RefOr::Ref(Ref::from_schema_name("ErrorBody"))))
                    .build(),
            )
            .build();
        components
            .responses
            .insert((*name).to_owned(), RefOr::T(response));
    }
    for (path, item) in doc.paths.paths.iter_mut() {
        let has_path_params = path.contains('{');
        let operations = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            let has_body = operation.request_body.is_some();
            let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            let public_ops = path == "/health" || path == "/metrics";
            for (status, name, _) in STANDARD_ERRORS {
                let applies = match *status {
                    "400" | "413" | "415" | "422" => has_body,
                    "401" => secured,
                    "404" => has_path_params,
                    "429" => secured || path.starts_with("/api/v1/auth/"),
                    "500" => !public_ops,
                    _ => false,
                } || (*status == "422"
                    && operation.parameters.as_ref().is_some_and(|p| !p.is_empty()));
                if applies && !operation.responses.responses.contains_key(*status) {
                    operation.responses.responses.insert(
                        (*status).to_owned(),
                        RefOr::Ref(Ref::from_response_name(*name)),
                    );
                }
            }
        }
    }
}
