//! Whose words: how a document names a skill the person listed.
//!
//! The taxonomy matches and ranks; it does not rename. A document writes each skill as the
//! person wrote it. When the posting calls the same skill by another of the taxonomy's
//! spellings, the posting's form comes first with the person's beside it, so both the reader
//! and an applicant-tracking system see it: "Amazon Web Services (AWS)". Spellings equal up to
//! case and word endings ("financial model", "Financial modelling") are one form, the
//! person's.
//!
//! Two spellings of one taxonomy entry are the **same skill** unless the words of one are a
//! strict superset of the other's: the taxonomy files "SOX Compliance" under "SOX" and "CCH"
//! under "CCH Axcess", but those are a narrower or broader term, not another name, so the
//! person's form is written alone ("SOX Compliance" stays; "CCH" is never "CCH Axcess").
//! Abbreviations, numeronyms and vendor spellings ("AWS" / "Amazon Web Services", "k8s" /
//! "Kubernetes", "Postgres" / "PostgreSQL") share no such inclusion and are the same skill.

use std::collections::BTreeSet;

use crate::taxonomy::Taxonomy;

/// Lower-cased words of a skill name (letters and digits; everything else separates).
fn words(name: &str) -> BTreeSet<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of a skill name reduced to their stems, a final doubled letter collapsed
/// ("modelling" and "model" both give "model").
fn stems(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut stem: Vec<char> = crate::lexical::stem(&w.to_lowercase()).chars().collect();
            let n = stem.len();
            if n >= 4 && stem[n - 1] == stem[n - 2] && stem[n - 1].is_alphabetic() {
                stem.pop();
            }
            stem.into_iter().collect()
        })
        .collect()
}

/// True when `a` and `b` are one wording up to case and word endings ("Financial modelling",
/// "financial model"): the same form, so the person's is written alone.
pub fn same_wording(a: &str, b: &str) -> bool {
    let (a, b) = (stems(a), stems(b));
    !a.is_empty() && a == b
}

/// True when `a` and `b` name the same skill in different words: neither's words are a
/// strict superset of the other's ("AWS" / "Amazon Web Services": yes; "SOX Compliance" /
/// "SOX": no). Says nothing about whether they are aliases; see [`skill_label`].
pub fn same_scope(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let strict_superset =
        |x: &BTreeSet<String>, y: &BTreeSet<String>| x.len() > y.len() && x.is_superset(y);
    !strict_superset(&a, &b) && !strict_superset(&b, &a)
}

/// How a document writes the skill the person listed as `person`, given the forms in which
/// the posting asks for the same taxonomy term (`posting_forms`, as the posting wrote them):
///
/// * the person's form alone when the posting does not ask for it, writes it the same way up
///   to case and word endings ([`same_wording`]), or only in a narrower or broader term
///   ([`same_scope`]);
/// * otherwise "<posting form> (<person's form>)", taking the first posting form that is an
///   alias of the same entry and of the same scope (a form with capitals first, so "AWS"
///   rather than "aws"; a form the posting wrote all in lower case is written as the taxonomy
///   spells that same alias: "aws" → "AWS").
pub fn skill_label(person: &str, posting_forms: &[String], taxonomy: &Taxonomy) -> String {
    let person = person.trim();
    let Some(entry) = taxonomy.canonical(person) else {
        return person.to_owned();
    };
    if posting_forms.iter().any(|f| same_wording(f, person)) {
        return person.to_owned();
    }
    let mut candidates: Vec<&str> = posting_forms
        .iter()
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .filter(|f| taxonomy.canonical(f).is_some_and(|e| e.name == entry.name))
        .filter(|f| same_scope(f, person))
        .collect();
    candidates.sort_by_key(|f| !f.chars().any(char::is_uppercase));
    match candidates.first() {
        Some(form) => {
            // Prose in lower case ("aws", "project management") is written as the taxonomy
            // spells that same alias ("AWS", "Project Management").
            let spelled = if form.chars().any(char::is_uppercase) {
                None
            } else {
                std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .find(|a| a.eq_ignore_ascii_case(form))
            };
            format!("{} ({person})", spelled.map_or(*form, String::as_str))
        }
        None => person.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_alias_gets_the_postings_form_with_the_persons_beside_it() {
        let t = Taxonomy::shipped();
        assert_eq!(
            skill_label("AWS", &forms(&["Amazon Web Services"]), t),
            "Amazon Web Services (AWS)"
        );
        assert_eq!(
            skill_label("Amazon Web Services", &forms(&["aws", "AWS"]), t),
            "AWS (Amazon Web Services)"
        );
        assert_eq!(
            skill_label("k8s", &forms(&["Kubernetes"]), t),
            "Kubernetes (k8s)"
        );
        // Lower-case prose is written as the taxonomy spells that alias.
        assert_eq!(
            skill_label("Amazon Web Services", &forms(&["aws"]), t),
            "AWS (Amazon Web Services)"
        );
        assert_eq!(
            skill_label("Project coordination", &forms(&["project management"]), t),
            "Project Management (Project coordination)"
        );
    }

    #[test]
    fn the_same_form_up_to_case_is_the_persons() {
        let t = Taxonomy::shipped();
        assert_eq!(skill_label("aws", &forms(&["AWS"]), t), "aws");
        assert_eq!(
            skill_label("Financial modelling", &forms(&["financial model"]), t),
            "Financial modelling"
        );
        assert!(same_wording("Financial modelling", "financial model"));
        assert!(!same_wording("AWS", "Amazon Web Services"));
        assert_eq!(skill_label("AWS", &forms(&[]), t), "AWS");
        assert_eq!(
            skill_label(" Amazon Web Services ", &forms(&["amazon web services"]), t),
            "Amazon Web Services"
        );
    }

    #[test]
    fn a_narrower_or_broader_term_never_replaces_the_persons() {
        let t = Taxonomy::shipped();
        // The taxonomy files these under one entry; they are not the same skill.
        assert_eq!(t.canonical("SOX Compliance").unwrap().name, "SOX");
        assert_eq!(t.canonical("CCH").unwrap().name, "CCH Axcess");
        assert_eq!(
            skill_label("SOX Compliance", &forms(&["SOX"]), t),
            "SOX Compliance"
        );
        assert_eq!(skill_label("CCH", &forms(&["CCH Axcess"]), t), "CCH");
        assert_eq!(
            skill_label("Supply Chain", &forms(&["Supply Chain Management"]), t),
            "Supply Chain"
        );
        assert_eq!(
            skill_label("Compliance", &forms(&["Regulatory Compliance"]), t),
            "Compliance"
        );
        assert!(!same_scope("SOX Compliance", "SOX"));
        assert!(!same_scope("CCH", "CCH Axcess"));
        assert!(same_scope("AWS", "Amazon Web Services"));
        assert!(same_scope("Postgres", "PostgreSQL"));
    }

    #[test]
    fn a_form_outside_the_taxonomy_is_kept_as_written() {
        let t = Taxonomy::shipped();
        assert_eq!(
            skill_label("Weisman scoring rubric", &forms(&["Weisman"]), t),
            "Weisman scoring rubric"
        );
        // A different entry is not an alias.
        assert_eq!(skill_label("Rust", &forms(&["Go"]), t), "Rust");
    }
}
