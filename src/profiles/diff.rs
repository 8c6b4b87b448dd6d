//! Field-level differences between two versions of a profile, for `GET /profiles/{id}/history`.
//! Items are matched by id, so paths read `experiences[id=…].title`; lists of plain strings
//! (skills) are compared whole.

use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::model::ProfileContent;

/// One changed field.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, ToSchema)]
pub struct Change {
    /// Path of the field, e.g. `experiences[id=0193…].title` or `personal_info.email`.
    pub field: String,
    /// Value before (null when added): any JSON value (a string, a number, a list…).
    pub old_value: Value,
    /// Value after (null when removed): any JSON value.
    pub new_value: Value,
}

/// The changes that turn `old` into `new`, in document order.
pub fn diff(old: &ProfileContent, new: &ProfileContent) -> Vec<Change> {
    let old = serde_json::to_value(old).unwrap_or(Value::Null);
    let new = serde_json::to_value(new).unwrap_or(Value::Null);
    let mut changes = Vec::new();
    let get = |v: &Value, k: &str| v.get(k).cloned().unwrap_or(Value::Null);

    fields(
        &mut changes,
        "personal_info",
        &get(&old, "personal_info"),
        &get(&new, "personal_info"),
    );
    leaf(
        &mut changes,
        "professional_summary",
        get(&old, "professional_summary"),
        get(&new, "professional_summary"),
    );
    items(
        &mut changes,
        "experiences",
        &get(&old, "experiences"),
        &get(&new, "experiences"),
    );
    items(
        &mut changes,
        "education",
        &get(&old, "education"),
        &get(&new, "education"),
    );
    let (old_skills, new_skills) = (get(&old, "skills"), get(&new, "skills"));
    for list in ["technical", "soft", "languages"] {
        leaf(
            &mut changes,
            &format!("skills.{list}"),
            get(&old_skills, list),
            get(&new_skills, list),
        );
    }
    items(
        &mut changes,
        "skills.certifications",
        &get(&old_skills, "certifications"),
        &get(&new_skills, "certifications"),
    );
    items(
        &mut changes,
        "projects",
        &get(&old, "projects"),
        &get(&new, "projects"),
    );
    fields(
        &mut changes,
        "custom_fields",
        &get(&old, "custom_fields"),
        &get(&new, "custom_fields"),
    );
    changes
}

fn leaf(changes: &mut Vec<Change>, field: &str, old: Value, new: Value) {
    if old != new {
        changes.push(Change {
            field: field.to_owned(),
            old_value: old,
            new_value: new,
        });
    }
}

/// Compares two JSON objects key by key (keys of `new` first, then removed ones).
fn fields(changes: &mut Vec<Change>, prefix: &str, old: &Value, new: &Value) {
    let empty = Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    for (key, value) in new {
        leaf(
            changes,
            &format!("{prefix}.{key}"),
            old.get(key).cloned().unwrap_or(Value::Null),
            value.clone(),
        );
    }
    for (key, value) in old {
        if !new.contains_key(key) {
            leaf(
                changes,
                &format!("{prefix}.{key}"),
                value.clone(),
                Value::Null,
            );
        }
    }
}

/// Compares two arrays of items with an `id`: additions, removals, per-field edits and order.
fn items(changes: &mut Vec<Change>, prefix: &str, old: &Value, new: &Value) {
    let empty = Vec::new();
    let old = old.as_array().unwrap_or(&empty);
    let new = new.as_array().unwrap_or(&empty);
    let id_of = |v: &Value| {
        v.get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let find = |list: &Vec<Value>, id: &str| list.iter().find(|v| id_of(v) == id).cloned();
    for item in new {
        let id = id_of(item);
        let path = format!("{prefix}[id={id}]");
        match find(old, &id) {
            None => leaf(changes, &path, Value::Null, item.clone()),
            Some(before) => {
                let mut edited = Vec::new();
                fields(&mut edited, &path, &before, item);
                changes.extend(edited.into_iter().filter(|c| !c.field.ends_with(".id")));
            }
        }
    }
    for item in old {
        let id = id_of(item);
        if find(new, &id).is_none() {
            leaf(
                changes,
                &format!("{prefix}[id={id}]"),
                item.clone(),
                Value::Null,
            );
        }
    }
    let kept_old: Vec<String> = old
        .iter()
        .map(id_of)
        .filter(|id| new.iter().any(|v| id_of(v) == *id))
        .collect();
    let kept_new: Vec<String> = new
        .iter()
        .map(id_of)
        .filter(|id| old.iter().any(|v| id_of(v) == *id))
        .collect();
    if kept_old != kept_new {
        leaf(
            changes,
            &format!("{prefix}.order"),
            Value::from(kept_old),
            Value::from(kept_new),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::model::{Experience, PersonalInfo};

    fn base() -> ProfileContent {
        ProfileContent {
            personal_info: PersonalInfo {
                full_name: "Jane".into(),
                email: "j@example.com".into(),
                ..Default::default()
            },
            experiences: vec![Experience {
                id: "e1".into(),
                title: "Engineer".into(),
                company: "Acme".into(),
                start_date: "2020".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn field_paths_name_items_by_id() {
        let old = base();
        let mut new = base();
        new.personal_info.email = "jane@example.com".into();
        new.experiences[0].title = "Senior Engineer".into();
        new.skills.technical = vec!["Rust".into()];
        let changes = diff(&old, &new);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "personal_info.email",
                "experiences[id=e1].title",
                "skills.technical"
            ]
        );
        assert_eq!(changes[1].old_value, "Engineer");
        assert_eq!(changes[1].new_value, "Senior Engineer");
    }

    #[test]
    fn additions_removals_and_order() {
        let old = base();
        let mut new = base();
        let mut second = new.experiences[0].clone();
        second.id = "e2".into();
        new.experiences.insert(0, second);
        let fields: Vec<String> = diff(&old, &new).into_iter().map(|c| c.field).collect();
        assert_eq!(fields, ["experiences[id=e2]"]);
        let removed = diff(&new, &old);
        assert_eq!(removed[0].field, "experiences[id=e2]");
        assert_eq!(removed[0].new_value, Value::Null);
        let mut swapped = new.clone();
        swapped.experiences.reverse();
        assert_eq!(diff(&new, &swapped)[0].field, "experiences.order");
        assert!(diff(&old, &old).is_empty());
    }
}
