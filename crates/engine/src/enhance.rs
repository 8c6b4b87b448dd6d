//! Offline suggestions for stronger profile wording (`POST /profiles/{id}/enhance`).
//!
//! Every rule rewrites wording only — it never adds a fact the profile does not state:
//!
//! 1. **Ownership openers to action verbs**: "Responsible for managing the team" → "Managed the
//!    team" (only for ownership cues — *responsible for*, *in charge of*, *tasked with*,
//!    *duties included* — followed by a verb in a known table; "Responsible for the budget" →
//!    "Owned the budget"). Weaker cues such as *helped* or *worked on* are left alone, since
//!    turning them into a stronger verb could overstate the person's part.
//! 2. **No first person in bullets**: "I led the migration" → "Led the migration"; a summary
//!    opening "I am a …" becomes "… " without the pronoun.
//! 3. **Filler trimmed**: *successfully*, *effectively*, *very*, *really*; *utilized* → *used*;
//!    *in order to* → *to*.
//! 4. **Quantify from the profile itself**: a bullet without a number gets the figure from a
//!    sentence of the same job's description that talks about the same thing (at least two
//!    shared content words) — the number is the profile's own.
//!
//! Suggestions are returned in profile order; nothing is applied.

use serde::{Deserialize, Serialize};

use crate::profile::Profile;

/// One suggested rewrite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// `professional_summary`, `experiences.description`, `experiences.achievements` or
    /// `projects.description`.
    pub field: String,
    /// The item: an experience or project id, `<experience_id>#<index>` for a bullet, none for
    /// the summary.
    pub item_id: Option<String>,
    /// The text as it is.
    pub original: String,
    /// The proposed text.
    pub suggested: String,
    /// Why, one sentence per rule applied.
    pub reason: String,
}

const OWNERSHIP_CUES: &[&str] = &[
    "responsible for",
    "in charge of",
    "tasked with",
    "duties included",
];

/// Gerund → past tense of verbs that commonly follow an ownership cue.
const VERBS: &[(&str, &str)] = &[
    ("administering", "Administered"),
    ("analysing", "Analysed"),
    ("analyzing", "Analyzed"),
    ("answering", "Answered"),
    ("assessing", "Assessed"),
    ("auditing", "Audited"),
    ("automating", "Automated"),
    ("budgeting", "Budgeted"),
    ("building", "Built"),
    ("conducting", "Conducted"),
    ("coordinating", "Coordinated"),
    ("creating", "Created"),
    ("delivering", "Delivered"),
    ("designing", "Designed"),
    ("developing", "Developed"),
    ("directing", "Directed"),
    ("documenting", "Documented"),
    ("drafting", "Drafted"),
    ("driving", "Drove"),
    ("educating", "Educated"),
    ("establishing", "Established"),
    ("executing", "Executed"),
    ("forecasting", "Forecast"),
    ("handling", "Handled"),
    ("hiring", "Hired"),
    ("implementing", "Implemented"),
    ("improving", "Improved"),
    ("instructing", "Instructed"),
    ("launching", "Launched"),
    ("leading", "Led"),
    ("maintaining", "Maintained"),
    ("managing", "Managed"),
    ("mentoring", "Mentored"),
    ("migrating", "Migrated"),
    ("monitoring", "Monitored"),
    ("negotiating", "Negotiated"),
    ("onboarding", "Onboarded"),
    ("operating", "Operated"),
    ("optimising", "Optimised"),
    ("optimizing", "Optimized"),
    ("organising", "Organised"),
    ("organizing", "Organized"),
    ("overseeing", "Oversaw"),
    ("owning", "Owned"),
    ("planning", "Planned"),
    ("preparing", "Prepared"),
    ("processing", "Processed"),
    ("producing", "Produced"),
    ("providing", "Provided"),
    ("reconciling", "Reconciled"),
    ("recruiting", "Recruited"),
    ("reporting", "Reported"),
    ("resolving", "Resolved"),
    ("reviewing", "Reviewed"),
    ("running", "Ran"),
    ("scheduling", "Scheduled"),
    ("selling", "Sold"),
    ("supervising", "Supervised"),
    ("supporting", "Supported"),
    ("teaching", "Taught"),
    ("testing", "Tested"),
    ("tracking", "Tracked"),
    ("training", "Trained"),
    ("writing", "Wrote"),
];

const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "that", "this", "their", "our", "your", "over",
    "across", "was", "were", "have", "has", "had", "team", "teams",
];

/// The text with its first letter in upper case (the rest as it is).
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Rule 1: ownership cue + gerund → past tense.
fn action_verb(text: &str) -> Option<String> {
    let body = text
        .strip_prefix("Was ")
        .or_else(|| text.strip_prefix("was "))
        .unwrap_or(text);
    for cue in OWNERSHIP_CUES {
        let Some(rest) = strip_prefix_ci(body, cue) else {
            continue;
        };
        let rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let (word, tail) = rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len()));
        if let Some((_, past)) = VERBS
            .iter()
            .find(|(gerund, _)| word.eq_ignore_ascii_case(gerund))
        {
            return Some(format!("{past}{tail}"));
        }
        if *cue == "responsible for" && !word.to_ascii_lowercase().ends_with("ing") {
            return Some(format!("Owned {rest}"));
        }
        return None;
    }
    None
}

/// Rule 2 (bullets): drop a leading "I ".
fn no_first_person(text: &str) -> Option<String> {
    let rest = text.strip_prefix("I ")?;
    let rest = rest.trim_start();
    let first = rest.split_whitespace().next()?;
    // "I am …", "I have …" do not read as a bullet once the pronoun goes; leave them.
    if ["am", "have", "was", "will", "would", "can"].contains(&first.to_ascii_lowercase().as_str())
    {
        return None;
    }
    Some(capitalize(rest))
}

/// Rule 2 (summary): "I am a backend engineer …" → "Backend engineer …".
fn summary_without_pronoun(text: &str) -> Option<String> {
    for prefix in ["I am an ", "I am a ", "I'm an ", "I'm a ", "I am ", "I'm "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return Some(capitalize(rest.trim_start()));
        }
    }
    None
}

/// Rule 3: filler words out.
fn trim_filler(text: &str) -> Option<String> {
    let mut out = text.to_owned();
    for (from, to) in [
        ("successfully ", ""),
        ("Successfully ", ""),
        ("effectively ", ""),
        ("Effectively ", ""),
        ("very ", ""),
        ("really ", ""),
        ("utilized ", "used "),
        ("Utilized ", "Used "),
        ("utilised ", "used "),
        ("Utilised ", "Used "),
        ("utilizing ", "using "),
        ("in order to ", "to "),
    ] {
        out = replace_words(&out, from, to);
    }
    let out = capitalize(out.trim());
    (out != text).then_some(out)
}

/// `text` with `from` replaced by `to` where `from` starts a word (so "very " goes from "very
/// large" but "delivery network" stays).
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices(from) {
        if at < copied
            || text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        out.push_str(&text[copied..at]);
        out.push_str(to);
        copied = at + from.len();
    }
    out.push_str(&text[copied..]);
    out
}

fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| {
            w.len() >= 4
                && !STOP_WORDS.contains(&w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
        })
        .collect()
}

/// Rule 4: the figure from the same job's description.
fn quantify(bullet: &str, description: Option<&str>) -> Option<String> {
    if bullet.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words = content_words(bullet);
    let sentence = description?
        .split(['.', ';', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()) && s.len() <= 160)
        .find(|s| {
            let theirs = content_words(s);
            words.iter().filter(|w| theirs.contains(w)).count() >= 2
        })?;
    let mut lowered = sentence.to_owned();
    if let Some(first) = lowered.get(..1)
        && !sentence.chars().nth(1).is_some_and(char::is_uppercase)
    {
        lowered = format!("{}{}", first.to_lowercase(), &lowered[1..]);
    }
    Some(format!("{} ({lowered})", bullet.trim_end_matches('.')))
}

fn improve(text: &str, is_bullet: bool, description: Option<&str>) -> Option<(String, String)> {
    let mut current = text.trim().to_owned();
    let mut reasons = Vec::new();
    if is_bullet {
        if let Some(next) = no_first_person(&current) {
            current = next;
            reasons.push("Resume bullets read better without \"I\".");
        }
        if let Some(next) = action_verb(&current) {
            current = next;
            reasons.push("Lead with an action verb instead of a duty (\"Responsible for …\").");
        }
    } else if let Some(next) = summary_without_pronoun(&current) {
        current = next;
        reasons.push("A summary reads stronger without the opening \"I am\".");
    }
    if let Some(next) = trim_filler(&current) {
        current = next;
        reasons.push("Filler words removed; the facts carry the sentence.");
    }
    if is_bullet && let Some(next) = quantify(&current, description) {
        current = next;
        reasons.push("Adds the figure your own description already gives.");
    }
    (current != text.trim()).then(|| (current, reasons.join(" ")))
}

/// Suggestions for a profile, in profile order.
pub fn suggest_improvements(profile: &Profile) -> Vec<Suggestion> {
    let mut out = Vec::new();
    if let Some(summary) = &profile.professional_summary
        && let Some((suggested, reason)) = improve(summary, false, None)
    {
        out.push(Suggestion {
            field: "professional_summary".into(),
            item_id: None,
            original: summary.clone(),
            suggested,
            reason,
        });
    }
    for exp in &profile.experiences {
        if let Some(description) = &exp.description
            && let Some((suggested, reason)) = improve(description, false, None)
        {
            out.push(Suggestion {
                field: "experiences.description".into(),
                item_id: Some(exp.id.clone()),
                original: description.clone(),
                suggested,
                reason,
            });
        }
        for (i, bullet) in exp.achievements.iter().enumerate() {
            if let Some((suggested, reason)) = improve(bullet, true, exp.description.as_deref()) {
                out.push(Suggestion {
                    field: "experiences.achievements".into(),
                    item_id: Some(format!("{}#{i}", exp.id)),
                    original: bullet.clone(),
                    suggested,
                    reason,
                });
            }
        }
    }
    for project in &profile.projects {
        if let Some((suggested, reason)) = improve(&project.description, false, None) {
            out.push(Suggestion {
                field: "projects.description".into(),
                item_id: Some(project.id.clone()),
                original: project.description.clone(),
                suggested,
                reason,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ownership_cues_become_action_verbs() {
        assert_eq!(
            action_verb("Responsible for managing a team of 6").as_deref(),
            Some("Managed a team of 6")
        );
        assert_eq!(
            action_verb("Was in charge of leading the audit").as_deref(),
            Some("Led the audit")
        );
        assert_eq!(
            action_verb("Responsible for the Q3 budget").as_deref(),
            Some("Owned the Q3 budget")
        );
        assert_eq!(
            action_verb("Helped with onboarding"),
            None,
            "weak cues are not upgraded"
        );
        assert_eq!(
            action_verb("Responsible for juggling things"),
            None,
            "unknown verbs are left alone"
        );
        assert_eq!(action_verb("Built the API"), None);
    }

    #[test]
    fn pronouns_filler_and_figures() {
        assert_eq!(
            no_first_person("I led the migration").as_deref(),
            Some("Led the migration")
        );
        assert_eq!(no_first_person("I am proud of it"), None);
        assert_eq!(
            summary_without_pronoun("I am a nurse with 8 years in ICU").as_deref(),
            Some("Nurse with 8 years in ICU")
        );
        assert_eq!(
            trim_filler("Successfully utilized Python in order to automate reports").as_deref(),
            Some("Used Python to automate reports")
        );
        assert_eq!(
            quantify(
                "Led the warehouse migration",
                Some("Moved to a new site. The warehouse migration covered 14,000 pallets.")
            )
            .as_deref(),
            Some("Led the warehouse migration (the warehouse migration covered 14,000 pallets)")
        );
        assert_eq!(
            quantify("Cut costs by 20%", Some("Saved 5 hours")),
            None,
            "already has a number"
        );
        assert_eq!(
            quantify("Led hiring", Some("Opened 3 stores")),
            None,
            "unrelated figure"
        );
    }

    #[test]
    fn filler_is_trimmed_only_as_a_whole_word() {
        // "delivery network" once lost its "very ": "delinetwork".
        assert_eq!(
            trim_filler("Launched a delivery network; on-time delivery reached 96%"),
            None
        );
        assert_eq!(
            trim_filler("Ran a very large and really busy unit").as_deref(),
            Some("Ran a large and busy unit")
        );
    }

    #[test]
    fn suggestions_name_items_and_never_add_numbers_from_nowhere() {
        let profile: Profile = serde_json::from_value(serde_json::json!({
            "personal_info": {"full_name": "A", "email": "a@example.com"},
            "professional_summary": "I am a payroll specialist.",
            "experiences": [{"id": "e1", "title": "Payroll Lead", "company": "Acme", "start_date": "2020",
                "description": "Ran payroll for 1,200 employees in 4 countries.",
                "achievements": ["Responsible for managing payroll for employees", "Cut errors by 30%"]}]
        }))
        .unwrap();
        let suggestions = suggest_improvements(&profile);
        assert_eq!(suggestions.len(), 2);
        assert_eq!(suggestions[0].field, "professional_summary");
        assert_eq!(suggestions[0].suggested, "Payroll specialist.");
        assert_eq!(suggestions[1].item_id.as_deref(), Some("e1#0"));
        assert_eq!(
            suggestions[1].suggested,
            "Managed payroll for employees (ran payroll for 1,200 employees in 4 countries)"
        );
        for s in &suggestions {
            let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
            let source = format!(
                "{} {:?} {:?}",
                s.original, profile.experiences[0].description, profile.professional_summary
            );
            assert!(digits(&s.suggested).chars().all(|d| source.contains(d)));
        }
    }
}
