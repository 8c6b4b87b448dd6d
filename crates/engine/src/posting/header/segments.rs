//! The title line itself: its segments after a dash, a comma, "at" or a bracket, and what
//! each segment is (a place, an attribute, pay, a date, a grade, a gender marker, the
//! company, or part of the role).

use super::*;

/// A bracket of details after a role ("(C/C++, Yocto, hybrid model 3 days in office, Where:
/// Ruggell - Liechtenstein)"): more than five words, or a `Label:` inside. Returns the role
/// and the bracket's text.
pub(super) fn long_details_bracket(line: &str) -> Option<(&str, &str)> {
    // The last bracket, when it closes the line (or is left open by a cut).
    let open = line.rfind('(')?;
    let (head, rest) = (line[..open].trim(), &line[open + 1..]);
    let inner = match rest.split_once(')') {
        Some((inner, after)) if after.trim().is_empty() => inner,
        Some(_) => return None,
        None => rest,
    };
    let long = word_count(inner) > 5 || inner.contains(": ");
    (long && has_role_word(head) && !is_gender_marker(inner)).then_some((head, inner))
}

pub(super) fn apply_title_line(line: &str, header: &mut Header) {
    // "[São Paulo/Remoto] Designer na [Acme]": an issue board's tags, read first.
    let (line, tagged_company) = peel_leading_tags(line, header);
    apply_untagged_title_line(&line, header);
    if let Some(company) = tagged_company
        && (header.company.is_none() || header.tentative_company)
    {
        header.company = Some(company);
        header.tentative_company = false;
    }
}

/// `apply_title_line` on a line without leading tags.
fn apply_untagged_title_line(line: &str, header: &mut Header) {
    let cleaned = clean_title_text(line);
    let cleaned = match long_details_bracket(&cleaned) {
        Some((head, inner)) => {
            // "Where: Ruggell - Liechtenstein" names the place.
            if let Some((_, place)) = inner.split_once("Where:") {
                let place = place.split([',', ';']).next().unwrap_or("").trim();
                if !place.is_empty() && word_count(place) <= 6 {
                    header.location.get_or_insert_with(|| place.to_string());
                }
            }
            header.meta.push(inner.to_string());
            head.to_string()
        }
        None => cleaned,
    };
    if apply_hiring_sentence(&cleaned, header) {
        return;
    }
    let mut segments = split_segments(&cleaned);
    // "Senior ML Engineer – LLM & Reinforcement Learning (m/f/d)": a part that ends in a
    // gender marker is the end of the title, whatever the separator before it.
    if let Some(marked) = segments.iter().position(|s| {
        s.rfind('(')
            .is_some_and(|open| is_gender_marker(&s[open..]) && open > 0)
    }) && marked > 0
    {
        let joined = segments[..=marked].join(" – ");
        segments.splice(..=marked, [joined]);
    }
    let title_position = segments.iter().position(|s| has_role_word(s)).unwrap_or(0);
    // "Assistant Accountant General Job in Kenya", "Mechanical Engineer Jobs in Mumbai": a job
    // board's page title names the role, then the place.
    if let Some(segment) = segments.get_mut(title_position)
        && let Some((role, place)) = seo_job_in_place(segment)
    {
        header.location.get_or_insert(place);
        *segment = role;
    }
    // "Founding Engineer @ Conductor (San Francisco, ONSITE)": a company segment's known
    // parenthetical states the place and arrangement.
    let segments: Vec<String> = segments
        .iter()
        .enumerate()
        .map(|(index, segment)| {
            if index == title_position {
                segment.clone()
            } else {
                strip_known_parentheticals(segment, header)
            }
        })
        .collect();
    let mut unknown: Vec<&str> = Vec::new();
    for (index, segment) in segments.iter().enumerate() {
        if index != title_position && absorb_segment(segment, header) == Segment::Unknown {
            unknown.push(segment);
        }
    }
    let title = segments.get(title_position).map_or("", String::as_str);
    let title = strip_known_parentheticals(title, header);
    let title = strip_known_comma_tail(&title, header);
    let title = cut_pay_and_dates(&title, header);
    let (title, at_company) = split_at_company(&title);
    let title = strip_known_parentheticals(&title, header);
    // "Acme | Senior Engineer | Berlin" names the company before the title; "Senior Engineer
    // - Acme" after it.
    let before_title: Vec<&&str> = unknown
        .iter()
        .filter(|u| {
            segments
                .iter()
                .position(|s| s.as_str() == **u)
                .is_some_and(|p| p < title_position)
        })
        .collect();
    let segment_company = before_title
        .first()
        .copied()
        .or(unknown.last())
        .filter(|c| plausible_company(c))
        .map(|c| c.to_string());
    header.tentative_company = segment_company.is_some();
    header.tentative_before_title = !before_title.is_empty() && title_position > 0;
    // "Accountant | Nairobi | Accounting / Auditing": a part after a bar or a dot is a
    // category, never the title's own words; only a dash part goes back into the title.
    header.tentative_after_dash = [" - ", " – ", " — "]
        .iter()
        .any(|dash| cleaned.contains(dash))
        && !cleaned.contains('|')
        && !cleaned.contains('·');
    // "Acme Robotics - Senior Backend Engineer - Remote (US)": a name before the title on a
    // line that also states a place, pay or arrangement is the usual one-line header, not a
    // guess.
    if header.tentative_before_title && segments.len() >= 3 && segments.len() > unknown.len() + 1 {
        header.tentative_company = false;
    }
    header.company = segment_company.or(at_company);
    // "Pacific Horticulture College, Permaculture Instructor": the organisation, then the role.
    let title = match title.split_once(", ") {
        Some((head, tail))
            if organisation_shaped(head) && !has_role_word(head) && has_role_word(tail) =>
        {
            header
                .company
                .get_or_insert_with(|| head.trim().to_string());
            tail.to_string()
        }
        _ => title,
    };
    let title = collapse_ws(title.trim_end_matches([',', '-', '–', '|']));
    let title = first_of_role_list(&strip_tech_list(&title));
    header.title = (!title.is_empty()).then_some(title);
}

/// A company stated on a metadata line replaces a "Title - X" guess from
/// the title line; X then goes back into the title
/// ("REGISTERED NURSE - ICU NIGHT SHIFT").
pub(super) fn replace_tentative_company(company: &str, header: &mut Header) {
    let previous = header.company.replace(company.to_string());
    header.tentative_company = false;
    let Some(previous) = previous.filter(|_| !header.tentative_before_title) else {
        return;
    };
    let same = fold(&previous).contains(&fold(company)) || fold(company).contains(&fold(&previous));
    if let (false, false, Some(title)) = (same, is_site_name(&previous), header.title.as_mut()) {
        *title = format!("{title} - {previous}");
    }
}

/// "NEW HALL INDEPENDENT HOSPITAL", "ST DAVIDS", "Leeds": the site of a "Title - X" title is
/// the workplace, not part of the role.
pub(crate) fn is_site_name(text: &str) -> bool {
    const SITE_WORDS: &[&str] = &[
        "hospital",
        "centre",
        "center",
        "clinic",
        "campus",
        "site",
        "surgery",
        "home",
        "house",
        "infirmary",
        "hospice",
        "depot",
        "warehouse",
        "store",
        "branch",
    ];
    let folded = fold(text);
    let last = folded.split_whitespace().last().unwrap_or("");
    SITE_WORDS.contains(&last)
        || folded.starts_with("st ")
        || folded.starts_with("st. ")
        || is_place(text)
}

/// Classifies a segment and records its location/attribute in the header.
pub(super) fn absorb_segment(segment: &str, header: &mut Header) -> Segment {
    let classified = classify_segment(segment);
    if let Segment::Known {
        location,
        attribute,
    } = &classified
    {
        if let Some(location) = location {
            header.location.get_or_insert_with(|| location.clone());
        }
        if let Some(attribute) = attribute {
            header.meta.push(attribute.clone());
        }
    }
    classified
}

pub(super) fn classify_segment(segment: &str) -> Segment {
    let segment = collapse_ws(segment.trim());
    if segment.is_empty() {
        return Segment::Unknown;
    }
    if is_gender_marker(&segment) {
        return Segment::Gender;
    }
    let attribute = is_attribute(&segment).then(|| segment.clone());
    let location = location_of_segment(&segment);
    if attribute.is_none() && location.is_none() {
        return Segment::Unknown;
    }
    Segment::Known {
        location,
        attribute,
    }
}

pub(crate) fn is_attribute(segment: &str) -> bool {
    let short = word_count(segment) <= 6;
    let folded = fold(segment);
    // "To start ASAP", "Immediate start": when, not who.
    if short && (folded.contains("asap") || folded.contains("immediate start")) {
        return true;
    }
    parse_salary(segment).is_some()
        || (short && detect_arrangement(segment).is_some())
        || (short && detect_job_type_short(segment).is_some())
        || matches!(fold(segment).as_str(), "online" | "virtual")
        || (short && level_from_phrase(segment).is_some())
}

/// "Berlin, Germany (Hybrid)" → "Berlin, Germany"; "Remote (US)" stays;
/// "On-site in Munich" → "Munich".
fn location_of_segment(segment: &str) -> Option<String> {
    let folded = fold(segment);
    // "Remote-Kuala Lumpur", "Remote - Poland": remote from a named place.
    if let Some(rest) = folded.strip_prefix("remote") {
        let place = rest.trim_start_matches([' ', '-', '–', ',', ':']);
        if place.len() < rest.len() && !place.is_empty() && is_place(place) {
            let at = segment.len() - place.len();
            return segment.get(at..).map(str::to_string);
        }
    }
    if (folded.starts_with("remote") || folded.starts_with("fully remote")) && segment.contains('(')
    {
        return Some(segment.to_string());
    }
    let without_parens = strip_parentheticals_text(segment);
    if is_place(&without_parens) {
        return Some(without_parens);
    }
    // "Satış Danışmanı - Ankara Geneli": Turkish boards' "the whole of" a city or region.
    if let Some(place) = without_parens.strip_suffix(" Geneli")
        && is_place(place)
    {
        return Some(place.to_string());
    }
    let (_, tail) = segment.rsplit_once(" in ")?;
    let tail = strip_parentheticals_text(tail);
    is_place(&tail).then_some(tail)
}

/// The letters of gender markers: m/w/d, m/f/x, h/f (French), m/v (Dutch), k/m (Polish).
pub(crate) const GENDER_LETTER: &str = "[mfwdxhvk]";

static GENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\(?\s*(?:(?:{GENDER_LETTER}|div)\s*/\s*){{1,3}}(?:{GENDER_LETTER}|div)\s*\)?$|^\(?\s*all genders?\s*\)?$"
    ))
    .expect("gender regex is valid")
});

pub(crate) fn is_gender_marker(text: &str) -> bool {
    GENDER.is_match(text.trim())
}

/// The first role of a list ("Robotics Engineer, Data Scientist", "Mobile Engineers, DevOps
/// Engineers and Engineering Managers"): split on ", ", " & " and " and " only when every
/// side names a role in two words or more, so "Head of Sales and Marketing" stays whole.
pub(super) fn first_of_role_list(title: &str) -> String {
    first_role(title, false)
}

/// `first_of_role_list`, and with `lenient` also a whole first role followed by any other role
/// after a plus or a comma ("Full-Stack Engineer + PM + DevOps/Infra", "Backend Engineers,
/// Frontend Engineers,"): the last pass over a finished title is lenient, the header reading
/// is not, as a part after a comma in a header line may still be the team.
pub(crate) fn first_role(title: &str, lenient: bool) -> String {
    // "Software engineer, senior, also looking for an intern": the first role, not the aside.
    if let Some(at) = fold(title).find(", also ")
        && title.is_char_boundary(at)
        && has_role_word(&title[..at])
    {
        return title[..at].trim().to_string();
    }
    for separator in [", ", " & ", " and ", " + "] {
        let sides: Vec<&str> = title.split(separator).map(str::trim).collect();
        if sides.len() < 2 {
            continue;
        }
        let all_roles = sides
            .iter()
            .all(|side| word_count(side) >= 2 && has_role_word(side) && starts_uppercase(side));
        // "Director of Sales, Marketing" names one role and stays whole.
        let first = sides[0];
        let first_leads = lenient
            && matches!(separator, ", " | " + ")
            && word_count(first) >= 2
            && has_role_word(first)
            && first.matches('(').count() == first.matches(')').count()
            && sides[1..].iter().any(|side| has_role_word(side));
        if all_roles || first_leads {
            return first.to_string();
        }
    }
    title.to_string()
}

/// Drops a trailing "(…)" list of technologies ("Senior Developer (Node.js / Laravel / React)").
pub(super) fn strip_tech_list(title: &str) -> String {
    let trimmed = title.trim();
    if !trimmed.ends_with(')') {
        return trimmed.to_string();
    }
    let Some(open) = trimmed.rfind('(') else {
        return trimmed.to_string();
    };
    let inner = &trimmed[open + 1..trimmed.len() - 1];
    let items = inner
        .split(['/', ',', '|'])
        .filter(|i| !i.trim().is_empty())
        .count();
    let head = trimmed[..open].trim();
    if items >= 3 && has_role_word(head) && !is_gender_marker(inner) {
        head.to_string()
    } else {
        trimmed.to_string()
    }
}

/// "Closing 12/03/2025", "Season is May 15 to October 12", "6/30": a bracket's date.
pub(super) fn states_a_date(inner: &str) -> bool {
    let numeric_date = inner.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.split(['/', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    }) || inner.split_whitespace().any(month_and_day);
    numeric_date
        || (inner.chars().any(|c| c.is_ascii_digit())
            && inner.split(|c: char| !c.is_alphabetic()).any(month_word))
}

/// "FSN-11", "GS-12", "APS 4", "P-3": a pay grade's code, every word of it capitals and
/// digits with a digit somewhere.
pub(super) fn is_grade_code(text: &str) -> bool {
    let words: Vec<&str> = text
        .split([' ', ';', ',', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && words.iter().all(|w| {
            w.len() <= 6
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        })
}

/// Cuts a title at a "(…)" group that states pay or dates ("Software Engineer (£80k) + 0.5%
/// equity", "Seasonal Laborer (Season is May 15, 2024 to October 12, 2024)"), or at a known
/// attribute group followed by prose ("Administrator (Permanent) For an IT specialist."); the
/// pay goes to the attributes.
pub(super) fn cut_pay_and_dates(title: &str, header: &mut Header) -> String {
    let mut search_from = 0;
    while let Some(offset) = title[search_from..].find('(') {
        let open = search_from + offset;
        let Some(close) = title[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &title[open + 1..close];
        let pay = parse_salary(inner).is_some();
        let dated = states_a_date(inner);
        let rest_words = word_count(&title[close + 1..]);
        let attribute_then_prose =
            rest_words >= 3 && matches!(classify_segment(inner), Segment::Known { .. });
        let head = title[..open].trim();
        if (pay || dated || attribute_then_prose) && has_role_word(head) {
            if pay || attribute_then_prose {
                header.meta.push(inner.to_string());
            }
            return head.to_string();
        }
        search_from = close + 1;
    }
    title.to_string()
}

/// "6/30", "30/6": a closing date written as a month and a day alone.
fn month_and_day(text: &str) -> bool {
    let Some((a, b)) = text.split_once('/') else {
        return false;
    };
    let number =
        |p: &str| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) && p != "0";
    if !(number(a) && number(b)) {
        return false;
    }
    let (a, b): (u32, u32) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
    (a <= 12 && (13..=31).contains(&b)) || (b <= 12 && (13..=31).contains(&a))
}

/// Drops trailing "(…)" groups that are gender markers, locations or
/// attributes, recording what they say.
pub(super) fn strip_known_parentheticals(title: &str, header: &mut Header) -> String {
    let mut current = title.trim().to_string();
    while current.ends_with(')') {
        let Some(open) = current.rfind('(') else {
            break;
        };
        let inner = current[open + 1..current.len() - 1].to_string();
        if !is_gender_marker(&inner) && !absorb_parenthetical(&inner, header) {
            break;
        }
        current = current[..open].trim_end().to_string();
    }
    current
}

/// The qualifier in `rest`, what a labelled title holds after the role read from it
/// (" – Practice Tutor", " (Primary School)", ": Communication and Marketing"), when it
/// narrows the role rather than stating a detail of the post: a place, an arrangement, the
/// contract, a grade, a gender marker or `company`.
pub(crate) fn role_qualifier<'a>(rest: &'a str, company: Option<&str>) -> Option<&'a str> {
    // A cut inside a word ("Nurse" from "Nursery Nurse") is no role read from the field.
    if rest.chars().next().is_none_or(char::is_alphanumeric) {
        return None;
    }
    let inner = rest
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | ','))
        .trim();
    let inner = match inner.strip_prefix('(') {
        Some(bracketed) => match bracketed.strip_suffix(')') {
            Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
            _ => return None,
        },
        None => inner,
    };
    if inner.is_empty() || word_count(inner) > 10 || is_gender_marker(inner) {
        return None;
    }
    let names_company = company.is_some_and(|c| fold(c) == fold(inner));
    let detail = absorb_parenthetical(inner, &mut Header::default())
        || parse_salary(inner).is_some()
        || states_a_date(inner)
        || is_grade_code(inner)
        || is_domain(&fold(inner));
    (!names_company && !detail && !is_site_name(inner)).then_some(inner)
}

/// Records "(Remote, EU)", "(Berlin, Hybrid)", "(Contract)" when every
/// part is a location or attribute; returns whether it did.
pub(super) fn absorb_parenthetical(inner: &str, header: &mut Header) -> bool {
    let folded = fold(inner);
    // "(GRADE 10: – 1 POST)", "(Band 5)", "(2 posts)": the grade or the number of posts.
    let grade_or_posts = inner.chars().any(|c| c.is_ascii_digit())
        && folded.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "grade" | "band" | "post" | "posts" | "vacancy" | "vacancies"
            )
        });
    if grade_or_posts {
        header.meta.push(inner.to_string());
        return true;
    }
    // "(Zambian Nationals Only)", "(US only)": who may apply, not the role.
    if folded.ends_with(" only") && word_count(inner) <= 5 {
        header.meta.push(inner.to_string());
        return true;
    }
    // "(THORNGROVE INFECTIOUS DISEASES HOSPITAL)": the site is where the job is.
    if is_site_name(inner)
        && !is_place(inner)
        && detect_arrangement(inner).is_none()
        && !inner.contains(',')
        && word_count(inner) <= 6
        && !has_role_word(inner)
    {
        header.location.get_or_insert_with(|| collapse_ws(inner));
        return true;
    }
    let separated = inner
        .replace(" - ", ",")
        .replace(" – ", ",")
        .replace(" / ", ",");
    let parts: Vec<&str> = separated.split([',', ';']).map(str::trim).collect();
    let all_known = parts
        .iter()
        .all(|part| matches!(classify_segment(part), Segment::Known { .. }));
    if !all_known {
        return false;
    }
    let folded = fold(inner);
    if folded.starts_with("remote") && parts.len() > 1 {
        header
            .location
            .get_or_insert_with(|| format!("Remote ({})", parts[1..].join(", ")));
    }
    for part in parts {
        absorb_segment(part, header);
    }
    true
}

/// "Backend Engineer, Remote" → "Backend Engineer".
fn strip_known_comma_tail(title: &str, header: &mut Header) -> String {
    let mut current = title.to_string();
    while let Some((head, tail)) = current.rsplit_once(", ") {
        if matches!(classify_segment(tail), Segment::Unknown | Segment::Gender)
            || !has_role_word(head)
        {
            break;
        }
        absorb_segment(tail, header);
        current = head.to_string();
    }
    current
}

/// "Senior Engineer at Acme" → ("Senior Engineer", Some("Acme")); boards that capitalise every
/// word write "Legal Fellows At Equality Now", "SALES MANAGER AT ACME".
pub(super) fn split_at_company(title: &str) -> (String, Option<String>) {
    for separator in [" at ", " At ", " AT ", " @ "] {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        // "Chef vacancy at the Department of Economic Development".
        let tail = tail.trim();
        let tail = tail.strip_prefix("the ").unwrap_or(tail);
        let tail = without_place_and_month(tail);
        // "Customer Service Representative (Work At Home)", "Tutor for At Risk Students",
        // "Associate Attorney at Law": "at" inside a bracket or a set phrase names no employer.
        let open_bracket = head.matches('(').count() > head.matches(')').count();
        let set_phrase = tail
            .split_whitespace()
            .next()
            .is_some_and(|first| matches!(fold(first).as_str(), "home" | "law" | "risk"));
        let head = clean_title_text(head);
        if !open_bracket && !set_phrase && has_role_word(&head) && plausible_company(tail) {
            return (head, Some(tail.to_string()));
        }
    }
    (title.to_string(), None)
}

/// "Gran Melia Arusha February 2026" (a board's "Job Vacancy At …" headline): the employer
/// without the month and the town the board adds after it. Only after a month ("Royal London"
/// and "Bank of America" keep their places), and only when two words are left.
fn without_place_and_month(tail: &str) -> &str {
    let Some((head, year)) = tail.rsplit_once(' ') else {
        return tail;
    };
    let year = year.parse::<u16>().is_ok_and(|y| (1900..2100).contains(&y));
    let Some((name, month)) = head.trim_end().rsplit_once(' ') else {
        return tail;
    };
    if !year || !month_word(month.trim_end_matches(',')) {
        return tail;
    }
    let name = name.trim_end();
    // The town: the longest run of the last one to three words that is a known place, when a
    // name of two words or more is left before it ("Air Tanzania" stays whole).
    let mut cut = name;
    let mut rest = name;
    for _ in 0..3 {
        let Some((before, _)) = rest.rsplit_once(' ') else {
            break;
        };
        rest = before.trim_end();
        let dangling = rest.rsplit(' ').next().is_some_and(|last| {
            matches!(
                fold(last).as_str(),
                "of" | "de" | "and" | "&" | "the" | "for"
            )
        });
        if word_count(rest) >= 2 && !dangling && is_known_place(&fold(name[before.len()..].trim()))
        {
            cut = rest;
        }
    }
    cut
}

/// Text without any "(…)" groups.
pub(super) fn strip_parentheticals_text(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    collapse_ws(&out)
}

/// A dot between two letters is French inclusive writing ("Chargé·e", "Animateur·ice"), not a
/// separator: the dot separates only with a space on one side at least. An "@" after a space
/// separates with or without one after it ("Engineer @Acme"); an e-mail address has none before.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[|·•—–-]\s+|\s*\|\s*|\s+·\s*|\s*·\s+|\s*•\s*|\s+@\s*")
        .expect("separator regex is valid")
});
static ENDS_WITH_AMOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d[kK]?$").expect("amount-end regex is valid"));
static STARTS_WITH_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[$€£₹¥₦]|[A-Z]{2,3}\$?\s?\d|[A-Z][a-z]{1,3}\.?\s?\d|\d)")
        .expect("amount-start regex is valid")
});

/// Splits a header line on `|`, `·`, `•`, ` - `, ` – `, ` @ `, keeping
/// parentheses and salary ranges ("$120k - $150k") intact.
pub(super) fn split_segments(line: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut last = 0;
    for found in SEPARATOR.find_iter(line) {
        let before = &line[last..found.start()];
        let after = &line[found.end()..];
        let inside_parens = before.matches('(').count() > before.matches(')').count();
        let is_dash = found
            .as_str()
            .trim()
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—'));
        let in_range =
            is_dash && ENDS_WITH_AMOUNT.is_match(before) && STARTS_WITH_AMOUNT.is_match(after);
        if inside_parens || in_range {
            continue;
        }
        segments.push(before.trim().to_string());
        last = found.end();
    }
    segments.push(line[last..].trim().to_string());
    segments.retain(|s| !s.is_empty());
    segments
}
