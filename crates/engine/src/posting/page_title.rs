//! The employer a job page's `<title>` names, for pages read as text (no structured data).
//!
//! Careers sites title their job pages "Data Scientist :: Melio Consulting", "Sales and
//! Marketing Manager - MJD Interactive" or "Archstone - Job details"; boards write "Junior
//! DevOps Engineer at Werum IT Solutions - Stack Overflow" or put their own name first ("The
//! Hub | Audio Designer"). The title is split at its separators; the role, the site's generic
//! words and places are dropped, and a name counts only where it can be read without guessing:
//! after "at", or as the one name left that follows the role (or follows only generic words).

use super::header::plausible_company;

use super::text::{fold, has_role_word, is_place};

/// Words of a careers site's or a board's page title that name no employer.
const GENERIC: &[&str] = &[
    "careers",
    "career",
    "career site",
    "career opportunities",
    "jobs",
    "job",
    "job details",
    "job detail",
    "job description",
    "job offer",
    "job opening",
    "job openings",
    "vacancy",
    "vacancies",
    "open positions",
    "openings",
    "opportunities",
    "employment",
    "work with us",
    "join us",
    "join our team",
    "apply",
    "apply now",
    "home",
    "recruitment",
    "hiring",
];

/// The generic words that also come off the start of a title part ("Careers biicode").
const LEADING: &[&str] = &["careers", "career", "jobs"];

/// The separators page titles put between their parts.
const SEPARATORS: &[&str] = &[
    " | ", " :: ", " - ", " – ", " — ", " / ", " · ", " » ", " > ",
];

/// The employer a page's title names, where it should stand as the posting's company: when the
/// text read as the posting (`role` and `company` are what the parser found in it) names no
/// company but writes this name, or names a shorter form of it ("Melio" for "Melio
/// Consulting"). A name the text never writes may be a board's or a template's.
pub fn company_from_page_title(
    page_title: &str,
    role: Option<&str>,
    company: Option<&str>,
    text: &str,
) -> Option<String> {
    let named = named_in_page_title(page_title, role)?;
    let taken = match company {
        None => fold(text).contains(&fold(&named)),
        Some(short) => starts_with_word(&named, short),
    };
    taken.then_some(named)
}

/// The employer a page title names. `role` is the title the posting parser read, which the
/// page title usually repeats.
fn named_in_page_title(page_title: &str, role: Option<&str>) -> Option<String> {
    let page_title = page_title.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut parts = vec![page_title.as_str()];
    for separator in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
    }
    // "Junior DevOps Engineer at Werum IT Solutions": the employer after "at" (not "Work at
    // Home Agent", a role).
    let after_at = parts.iter().find_map(|part| {
        let (_, name) = part.rsplit_once(" at ")?;
        let name = name.trim();
        plausible_title_name(name).then_some(name)
    });
    if let Some(name) = after_at {
        return Some(name.to_string());
    }
    let is_role = |part: &str| {
        role.is_some_and(|role| {
            let (part, role) = (fold(part), fold(role));
            part.contains(&role) || role.contains(&part)
        })
    };
    let role_at = parts.iter().position(|part| is_role(part));
    let mut names = Vec::new();
    for (at, part) in parts.iter().enumerate() {
        let name = without_generic_words(part);
        if name.is_empty() || is_role(part) || is_place(name) {
            continue;
        }
        // A name before the role is the site's ("The Hub | Audio Designer"); a name with no
        // role in the title stands only before the site's generic words ("Archstone - Job
        // details").
        let placed = match role_at {
            Some(role_at) => at > role_at,
            None => parts[at + 1..]
                .iter()
                .all(|rest| without_generic_words(rest).is_empty()),
        };
        if !placed {
            return None;
        }
        names.push(name);
    }
    match names.as_slice() {
        [name] if plausible_title_name(name) => Some((*name).to_string()),
        _ => None,
    }
}

/// `plausible_company` and no role word, but a brand written in lower case ("biicode") passes:
/// a page title names the employer as the employer writes it.
fn plausible_title_name(name: &str) -> bool {
    if has_role_word(name) {
        return false;
    }
    let mut chars = name.chars();
    let capitalised: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    plausible_company(&capitalised)
}

/// A title part without the generic words at its end, and without "Careers" or "Jobs" at its
/// start ("Careers biicode" → "biicode"; "Home Depot" and "Employment Hero" stay); empty when
/// it holds nothing else.
fn without_generic_words(part: &str) -> &str {
    let mut rest = part.trim();
    loop {
        if GENERIC.iter().any(|word| rest.eq_ignore_ascii_case(word)) {
            return "";
        }
        let trimmed = GENERIC.iter().find_map(|word| {
            if LEADING.contains(word) && starts_with_word(rest, word) {
                Some(rest[word.len()..].trim())
            } else if ends_with_word(rest, word) {
                Some(rest[..rest.len() - word.len()].trim())
            } else {
                None
            }
        });
        match trimmed {
            Some(shorter) => rest = shorter,
            None => return rest,
        }
    }
}

/// Whether `text` starts with `word` (ASCII case ignored) and more words follow.
fn starts_with_word(text: &str, word: &str) -> bool {
    let n = word.len();
    text.len() > n
        && text.is_char_boundary(n)
        && text[..n].eq_ignore_ascii_case(word)
        && text[n..].starts_with(' ')
}

/// Whether `text` ends with `word` (ASCII case ignored) after other words.
fn ends_with_word(text: &str, word: &str) -> bool {
    let Some(cut) = text.len().checked_sub(word.len()).filter(|&cut| cut > 0) else {
        return false;
    };
    text.is_char_boundary(cut)
        && text[cut..].eq_ignore_ascii_case(word)
        && text[..cut].ends_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn careers_site_titles_name_the_employer() {
        for (page_title, role, employer) in [
            (
                "Data Scientist :: Melio Consulting",
                "Data Scientist",
                "Melio Consulting",
            ),
            ("Archstone - Job details", "Leasing Consultant", "Archstone"),
            (
                "Senior Software Engineer - Careers biicode",
                "Senior Software Engineer",
                "biicode",
            ),
            (
                "Junior DevOps Engineer at Werum IT Solutions - Stack Overflow",
                "Junior DevOps Engineer",
                "Werum IT Solutions",
            ),
        ] {
            assert_eq!(
                named_in_page_title(page_title, Some(role)).as_deref(),
                Some(employer),
                "{page_title}"
            );
        }
    }

    #[test]
    fn the_text_decides_whether_the_title_names_the_employer() {
        let title = "Data Scientist :: Melio Consulting";
        let role = Some("Data Scientist");
        // The text writes the name and named no company; or it named a shorter form.
        assert_eq!(
            company_from_page_title(title, role, None, "Clients of Melio Consulting").as_deref(),
            Some("Melio Consulting")
        );
        assert_eq!(
            company_from_page_title(title, role, Some("Melio"), "At Melio, we").as_deref(),
            Some("Melio Consulting")
        );
        // A name the text never writes, or another company the text named, stays out.
        assert_eq!(
            company_from_page_title(title, role, None, "We build models."),
            None
        );
        assert_eq!(
            company_from_page_title(title, role, Some("Acme"), "Melio Consulting and Acme"),
            None
        );
    }

    #[test]
    fn names_that_begin_with_generic_words_stay_whole() {
        assert_eq!(
            named_in_page_title("Cashier - Home Depot", Some("Cashier")).as_deref(),
            Some("Home Depot")
        );
        // A brand that is also a town of GeoNames is still an employer.
        assert_eq!(
            named_in_page_title("Senior Engineer at Toyota", Some("Senior Engineer")).as_deref(),
            Some("Toyota")
        );
        // A role with "at" in it gives way to the name after it.
        assert_eq!(
            named_in_page_title("Work at Home Agent - Acme Corp", Some("Work at Home Agent"))
                .as_deref(),
            Some("Acme Corp")
        );
    }

    #[test]
    fn a_board_name_or_a_place_is_no_employer() {
        // The board's name before the role; a place; two names left, of which the employer
        // would be a guess; the site's generic words alone.
        for (page_title, role) in [
            ("The Hub | Audio Designer", "Audio Designer"),
            ("Nurse - London", "Nurse"),
            ("Analyst - Acme Corp - JobBoard", "Analyst"),
            ("Careers | Job details", "Welder"),
        ] {
            assert_eq!(
                named_in_page_title(page_title, Some(role)),
                None,
                "{page_title}"
            );
        }
    }
}
