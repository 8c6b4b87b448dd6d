//! Item-level edits for clients that edit one card at a time: add (POST), replace (PUT) and
//! remove (DELETE) one experience, education entry, project or certification. Each edit is a
//! profile change (version + 1, history, `If-Match`) and answers with the new profile `ETag`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::model::{
    Certification, Education, Experience, ProfileContent, Project, certification_problems,
    education_problems, experience_problems, project_problems, valid_item_id,
};
use super::store;
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorBody, FieldError};
use crate::http::parse_path_id;
use crate::http::{AuthUser, IfMatch, ValidJson, Validate, etag};

/// A profile sub-item with a stable id.
pub trait ProfileItem: Serialize + DeserializeOwned + Clone + Send + 'static {
    /// Singular name for messages ("experience").
    const NAME: &'static str;
    /// URL segment ("experiences").
    const SEGMENT: &'static str;
    /// The item's id.
    fn id(&self) -> &str;
    /// Sets the item's id.
    fn set_id(&mut self, id: String);
    /// The list the item lives in.
    fn list(content: &mut ProfileContent) -> &mut Vec<Self>;
    /// Field problems, paths relative to the item.
    fn problems(&self) -> Vec<FieldError>;
}

macro_rules! profile_item {
    ($ty:ty, $name:literal, $segment:literal, $check:ident, |$c:ident| $list:expr) => {
        impl ProfileItem for $ty {
            const NAME: &'static str = $name;
            const SEGMENT: &'static str = $segment;
            fn id(&self) -> &str {
                &self.id
            }
            fn set_id(&mut self, id: String) {
                self.id = id;
            }
            fn list($c: &mut ProfileContent) -> &mut Vec<Self> {
                $list
            }
            fn problems(&self) -> Vec<FieldError> {
                let mut errors = Vec::new();
                $check(&mut errors, "", self);
                if !self.id.is_empty() && !valid_item_id(&self.id) {
                    errors.push(FieldError::new(
                        "id",
                        "ids are 1 to 64 letters, digits, '-' or '_'",
                    ));
                }
                errors
            }
        }

        impl Validate for $ty {
            fn validate(&self) -> Vec<FieldError> {
                ProfileItem::problems(self)
            }
        }
    };
}

profile_item!(
    Experience,
    "experience",
    "experiences",
    experience_problems,
    |c| &mut c.experiences
);
profile_item!(
    Education,
    "education entry",
    "education",
    education_problems,
    |c| &mut c.education
);
profile_item!(Project, "project", "projects", project_problems, |c| &mut c
    .projects);
profile_item!(
    Certification,
    "certification",
    "certifications",
    certification_problems,
    |c| &mut c.skills.certifications
);

fn item_response<T: ProfileItem>(
    status: StatusCode,
    profile_id: Uuid,
    version: i64,
    item: T,
) -> impl IntoResponse {
    let mut headers = HeaderMap::new();
    let (name, value) = etag(version);
    headers.insert(name, value.parse().expect("digits and quotes"));
    if status == StatusCode::CREATED {
        let location = format!("/api/v1/profiles/{profile_id}/{}/{}", T::SEGMENT, item.id());
        headers.insert(header::LOCATION, location.parse().expect("ascii path"));
    }
    (status, headers, Json(item))
}

/// Appends an item (keeping a client id when it is unique in the profile).
pub async fn create_item<T: ProfileItem>(
    state: AppState,
    user: AuthUser,
    profile_id: String,
    expected: Option<i64>,
    mut item: T,
) -> AppResult<impl IntoResponse> {
    let profile_id = parse_path_id(&profile_id, "profile")?;
    if item.id().is_empty() {
        item.set_id(Uuid::now_v7().to_string());
    }
    let (profile, item) = store::change(&state.db, user.id, profile_id, expected, move |content| {
        T::list(content).push(item.clone());
        Ok(item)
    })
    .await?;
    Ok(item_response(
        StatusCode::CREATED,
        profile.id,
        profile.version,
        item,
    ))
}

/// Replaces an item in place (its id and position stay).
pub async fn replace_item<T: ProfileItem>(
    state: AppState,
    user: AuthUser,
    (profile_id, item_id): (String, String),
    expected: Option<i64>,
    mut item: T,
) -> AppResult<impl IntoResponse> {
    let profile_id = parse_path_id(&profile_id, "profile")?;
    item.set_id(item_id.clone());
    let (profile, item) = store::change(&state.db, user.id, profile_id, expected, move |content| {
        let slot = T::list(content)
            .iter_mut()
            .find(|existing| existing.id() == item_id)
            .ok_or_else(|| AppError::not_found(T::NAME))?;
        *slot = item.clone();
        Ok(item)
    })
    .await?;
    Ok(item_response(
        StatusCode::OK,
        profile.id,
        profile.version,
        item,
    ))
}

/// Removes an item.
pub async fn delete_item<T: ProfileItem>(
    state: AppState,
    user: AuthUser,
    (profile_id, item_id): (String, String),
    expected: Option<i64>,
) -> AppResult<impl IntoResponse> {
    let profile_id = parse_path_id(&profile_id, "profile")?;
    let (profile, ()) = store::change(&state.db, user.id, profile_id, expected, move |content| {
        let list = T::list(content);
        let before = list.len();
        list.retain(|existing| existing.id() != item_id);
        if list.len() == before {
            return Err(AppError::not_found(T::NAME));
        }
        Ok(())
    })
    .await?;
    let (name, value) = etag(profile.version);
    Ok((StatusCode::NO_CONTENT, [(name, value)]))
}

macro_rules! item_handlers {
    ($ty:ty, $segment:literal, $list_path:literal, $item_path:literal, $create:ident, $replace:ident, $delete:ident) => {
        #[doc = concat!("Add one item to `", $segment, "`.")]
        #[utoipa::path(post, path = $list_path, tag = "profiles", request_body = $ty,
            params(("id" = Uuid, Path, description = "Profile id"),
                ("If-Match" = Option<String>, Header, description = "Expected profile version")),
            security(("bearer" = []), ("api_key" = [])),
            responses((status = 201, description = "Added; the profile's new version is in ETag", body = $ty,
                    headers(("Location" = String, description = "URL of the item"), ("ETag" = String, description = "New profile version"))),
                (status = 412, description = "Stale If-Match", body = ErrorBody)))]
        pub async fn $create(
            State(state): State<AppState>,
            user: AuthUser,
            Path(id): Path<String>,
            IfMatch(expected): IfMatch,
            ValidJson(item): ValidJson<$ty>,
        ) -> AppResult<impl IntoResponse> {
            create_item::<$ty>(state, user, id, expected, item).await
        }

        #[doc = concat!("Replace one item of `", $segment, "`.")]
        #[utoipa::path(put, path = $item_path, tag = "profiles", request_body = $ty,
            params(("id" = Uuid, Path, description = "Profile id"), ("item_id" = String, Path, description = "Item id"),
                ("If-Match" = Option<String>, Header, description = "Expected profile version")),
            security(("bearer" = []), ("api_key" = [])),
            responses((status = 200, description = "Replaced; the profile's new version is in ETag", body = $ty),
                (status = 412, description = "Stale If-Match", body = ErrorBody)))]
        pub async fn $replace(
            State(state): State<AppState>,
            user: AuthUser,
            Path(ids): Path<(String, String)>,
            IfMatch(expected): IfMatch,
            ValidJson(item): ValidJson<$ty>,
        ) -> AppResult<impl IntoResponse> {
            replace_item::<$ty>(state, user, ids, expected, item).await
        }

        #[doc = concat!("Remove one item of `", $segment, "`.")]
        #[utoipa::path(delete, path = $item_path, tag = "profiles",
            params(("id" = Uuid, Path, description = "Profile id"), ("item_id" = String, Path, description = "Item id"),
                ("If-Match" = Option<String>, Header, description = "Expected profile version")),
            security(("bearer" = []), ("api_key" = [])),
            responses((status = 204, description = "Removed; the profile's new version is in ETag"),
                (status = 412, description = "Stale If-Match", body = ErrorBody)))]
        pub async fn $delete(
            State(state): State<AppState>,
            user: AuthUser,
            Path(ids): Path<(String, String)>,
            IfMatch(expected): IfMatch,
        ) -> AppResult<impl IntoResponse> {
            delete_item::<$ty>(state, user, ids, expected).await
        }
    };
}

item_handlers!(
    Experience,
    "experiences",
    "/{id}/experiences",
    "/{id}/experiences/{item_id}",
    create_experience,
    replace_experience,
    delete_experience
);
item_handlers!(
    Education,
    "education",
    "/{id}/education",
    "/{id}/education/{item_id}",
    create_education,
    replace_education,
    delete_education
);
item_handlers!(
    Project,
    "projects",
    "/{id}/projects",
    "/{id}/projects/{item_id}",
    create_project,
    replace_project,
    delete_project
);
item_handlers!(
    Certification,
    "certifications",
    "/{id}/certifications",
    "/{id}/certifications/{item_id}",
    create_certification,
    replace_certification,
    delete_certification
);
