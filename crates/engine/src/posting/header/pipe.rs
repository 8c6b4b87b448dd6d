//! One-line headers split by `|`, `—` or `--` (Hacker News "Who is hiring" comments and
//! boards that write `Company | Role | Location | REMOTE | $150k–$180k`): which part is the
//! company, the role, the place and the pay.

use super::*;

/// A one-line header of three or more `|`-separated parts, as on Hacker News "Who is hiring"
/// threads: `Company | Role | Location | REMOTE | $150k–$180k | https://…`. The company is
/// the first part when the role is not; links, attributes and places are recognised; the
/// role is the first part with a role word, else the first unknown part after the company.
pub(super) fn read_pipe_header(line: &str) -> Option<Header> {
    let plain = collapse_ws(strip_decorations(&strip_markdown(line)));
    // "Spruce (London, UK) — Lead Engineer — £85–120k — Hybrid" and "Acme -- Engineer --
    // onsite" are the same header with dashes: taken only when at least two such dashes
    // split the line and it also states a place, pay, arrangement or link.
    let dashed = !plain.contains('|')
        && [" — ", " -- "]
            .iter()
            .any(|dash| plain.matches(dash).count() >= 2);
    let dashes = plain.replace(" -- ", " — ");
    let parts: Vec<&str> = if dashed {
        dashes
            .split(" — ")
            // "Remote (EU) - https://acme.com": a link after a plain dash is a part too.
            .flat_map(|p| match p.split_once(" - ") {
                Some((head, link)) if link.contains("://") || link.starts_with("www.") => {
                    vec![head, link]
                }
                _ => vec![p],
            })
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        plain
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    };
    if dashed
        && !parts.iter().skip(1).any(|p| {
            p.contains("://")
                || matches!(classify_segment(p), Segment::Known { .. })
                || place_in_arrangement(p).is_some()
        })
    {
        return None;
    }
    // A header that runs on into the body (one long line): parts of more than twelve words
    // are body text.
    // A list of places ("REMOTE or San Francisco, Los Angeles, Chicago, Boston, New York, or
    // Washington DC") may be longer, but it is a list, not a sentence.
    let parts: Vec<&str> = parts
        .into_iter()
        .take_while(|p| {
            word_count(p) <= 12
                || (word_count(p) <= 25 && !p.contains(". ") && p.matches(',').count() >= 2)
        })
        .collect();
    if parts.len() < 3 {
        return None;
    }
    let mut header = Header::default();
    let mut unknown: Vec<(usize, &str)> = Vec::new();
    // The role is the first part after the first with a role word ("ChatGPT Writer | React
    // Dev" names a company first); the first part only when no other part has one.
    // "Snout https://snout.com/": a link written after the name is not part of it.
    let parts: Vec<String> = parts
        .iter()
        .map(|p| {
            p.split_whitespace()
                .filter(|w| !(w.contains("://") || w.starts_with("www.")))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    // "Virtasant (1099 contractor for a client of ours)": a bracket does not make a role, and
    // "Multiple Engineering + Product Roles" names none.
    let names_role =
        |p: &str| has_role_word(&strip_parentheticals_text(p)) && !names_several_roles(p);
    let title_at = parts
        .iter()
        .skip(1)
        .position(|p| names_role(p))
        .map(|p| p + 1)
        .or_else(|| names_role(parts[0]).then_some(0))
        .unwrap_or(usize::MAX);
    for (position, part) in parts.iter().enumerate() {
        let is_link =
            part.contains("://") || part.starts_with("www.") || (position > 0 && is_domain(part));
        if is_link {
            continue;
        }
        if position == title_at {
            header.title = Some(collapse_ws(part));
            continue;
        }
        match classify_segment(part) {
            Segment::Known {
                location,
                attribute,
            } => {
                if let Some(location) = location {
                    header.location.get_or_insert(location);
                }
                if let Some(attribute) = attribute {
                    header.meta.push(attribute);
                }
                if header.location.is_none()
                    && let Some(place) = place_in_arrangement(part)
                {
                    header.location = Some(place);
                }
            }
            Segment::Gender => {}
            Segment::Unknown => match place_in_arrangement(part) {
                Some(place) if header.location.is_none() && position > 0 => {
                    header.location = Some(place);
                }
                _ => unknown.push((position, part)),
            },
        }
    }
    let mut unknown = unknown.into_iter();
    if header.title.is_none() {
        // No part has a role word: the company comes first, the role second.
        let (first, second) = (unknown.next(), unknown.next());
        match (first, second) {
            (Some((0, company)), Some((_, title))) if !names_several_roles(title) => {
                header.company = Some(company_with_place(company, &mut header));
                header.title = Some(title.to_string());
            }
            // "yeet | Chicago, IL / Remote | Full-Time": the company, with the role left to the
            // text.
            (Some((0, company)), _)
                if plausible_pipe_company(&strip_parentheticals_text(company)) =>
            {
                header.company = Some(company_with_place(company, &mut header));
                return Some(header);
            }
            (Some((_, title)), _) => header.title = Some(title.to_string()),
            _ => return None,
        }
    } else if let Some((_, company)) = unknown.next().filter(|(_, c)| plausible_pipe_company(c)) {
        header.company = Some(company_with_place(company, &mut header));
    }
    let title = header.title.take().map(|t| {
        let t = cut_pay_and_dates(&t, &mut header);
        let t = strip_known_parentheticals(&t, &mut header);
        first_of_role_list(&strip_tech_list(&collapse_ws(&t)))
    });
    header.title = title.filter(|t| !t.is_empty());
    header.title.is_some().then_some(header)
}

/// "Spruce (London/Bristol, UK)": a header's company part that names its place in brackets;
/// the place becomes the location (when none is known yet) and the name the company.
fn company_with_place(part: &str, header: &mut Header) -> String {
    let (Some(open), true) = (part.find('('), part.ends_with(')')) else {
        return part.to_string();
    };
    let (name, inner) = (part[..open].trim(), part[open + 1..part.len() - 1].trim());
    let names_place = inner.split([',', '/', ';']).map(str::trim).any(is_place)
        || place_in_arrangement(inner).is_some();
    if name.is_empty() {
        return part.to_string();
    }
    // "Anterior (Sequoia-backed, Series B)", "Acme (YC W22)": a note about the company.
    if !names_place {
        return name.to_string();
    }
    if header.location.is_none() {
        header.location = place_in_arrangement(inner).or_else(|| Some(inner.to_string()));
    }
    name.to_string()
}

/// "Multiple Engineering + Product Roles", "Various positions", "Several roles": a header part
/// that names no single role.
fn names_several_roles(part: &str) -> bool {
    let folded = fold(part);
    let first = folded.split_whitespace().next().unwrap_or("");
    ["multiple", "various", "several", "many", "numerous"].contains(&first)
        || folded.ends_with(" roles")
        || folded.ends_with(" positions")
        || folded.ends_with(" openings")
}

/// "levels.fyi", "val.town": one word with a dot and a lowercase top-level domain.
pub(super) fn is_domain(part: &str) -> bool {
    !part.contains(' ')
        && part.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

fn plausible_pipe_company(text: &str) -> bool {
    let words = word_count(text);
    // "Unnamed AI research lab | ML research engineer | Zurich": a name withheld.
    let withheld = matches!(
        fold(text.split_whitespace().next().unwrap_or("")).as_str(),
        "unnamed" | "undisclosed" | "confidential" | "anonymous"
    );
    !withheld
        && (1..=6).contains(&words)
        && text.chars().count() <= 60
        && !NOT_COMPANIES.contains(&fold(text).as_str())
        && detect_arrangement(text).is_none()
        && parse_salary(text).is_none()
}

/// The office named in an arrangement phrase: "ONSITE (Brooklyn)" → Brooklyn, "Remote or
/// Hybrid Chicago" → Chicago, "Bregenz (AT) or remote in AT/DE" → Bregenz (AT). "Remote (EU)"
/// names no office.
pub(super) fn place_in_arrangement(part: &str) -> Option<String> {
    let folded_part = fold(part);
    let cue = detect_arrangement(part).is_some()
        || ["onsite", "on-site", "in office", "in-office", "based"]
            .iter()
            .any(|c| folded_part.contains(c));
    const ARRANGEMENT_WORDS: &[&str] = &[
        "remote",
        "onsite",
        "on-site",
        "on",
        "site",
        "hybrid",
        "in-office",
        "office",
        "in",
        "or",
        "and",
        "only",
        "fully",
        "partially",
        "/",
        "&",
        "-",
        "–",
        "based",
    ];
    for piece in part
        .split(" or ")
        .flat_map(|p| p.split(" / "))
        .map(str::trim)
    {
        let folded = fold(piece);
        if folded.starts_with("remote") {
            continue;
        }
        let (outer, inner) = match (piece.find('('), piece.rfind(')')) {
            (Some(open), Some(close)) if close > open => {
                (piece[..open].trim(), Some(piece[open + 1..close].trim()))
            }
            _ => (piece, None),
        };
        let outer_words: Vec<&str> = outer
            .split_whitespace()
            .filter(|w| !ARRANGEMENT_WORDS.contains(&fold(w).as_str()))
            .collect();
        let outer_is_arrangement = outer_words.is_empty();
        let candidate = if outer_is_arrangement {
            inner.map(str::to_string)
        } else if outer_words.len() == outer.split_whitespace().count() {
            Some(piece.to_string())
        } else {
            Some(outer_words.join(" "))
        };
        // "Cincinnati, OH (your choice).": the place without an aside or a full stop.
        let Some(candidate) = candidate.map(|c| {
            collapse_ws(strip_parentheticals_text(&c).trim_end_matches(['.', ',', ';', ' ']))
        }) else {
            continue;
        };
        // "stockholm ONSITE": a known place keeps the case it was typed in.
        let shaped = word_count(&candidate) <= 5
            && (starts_uppercase(&candidate) || is_place(&candidate))
            && !has_role_word(&candidate)
            && detect_job_type_short(&candidate).is_none()
            && parse_salary(&candidate).is_none();
        if shaped && (cue || is_place(&strip_parentheticals_text(&candidate))) {
            return Some(candidate);
        }
    }
    None
}
