//! The lines under the title: "Acme · Berlin, Germany (Hybrid)", "Full-time · Mid-Senior
//! level", and stacked headers (title / employer / site / salary / contract).

use super::*;

/// Reads "Acme · Berlin, Germany (Hybrid)" and "Full-time · Mid-Senior
/// level" lines under the title. The first such line may name the company
/// in one segment that is not a place or attribute.
pub(super) fn read_meta_lines(lines: &[Line], start: usize, header: &mut Header) {
    let mut first = true;
    // Short lines right under the title that are neither a place nor an attribute: in a
    // stacked header ("Title / Company / Site / Salary / Full time") the company and the
    // location, in that order.
    let mut stacked: Vec<(usize, String)> = Vec::new();
    let mut known_lines = 0;
    let mut unknown_bullets = 0;
    let mut bullet_name: Option<String> = None;
    let mut known_after_stacked = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        let text = match &line.kind {
            // Blank lines are layout (a page's paragraphs come out one blank line apart).
            LineKind::Blank => continue,
            LineKind::Field {
                key: FieldKey::Company | FieldKey::Location | FieldKey::Attribute,
                ..
            } => {
                known_lines += 1;
                continue;
            }
            LineKind::Field { .. } => continue,
            LineKind::Text(text) => text.as_str(),
            LineKind::Heading(h) if h.section == Section::Unknown => line.raw.trim(),
            // "- Dublin, Ireland" / "- Full Time": a job board's facts as a short list.
            LineKind::Bullet(item) if word_count(item) <= 6 => {
                let had_place = header.location.is_some();
                if absorb_meta_line(item, false, header) {
                    header.consumed.push(index);
                    known_lines += 1;
                    // "• MUSC" ⏎ "• Lancaster, South Carolina": a short name in the bullet
                    // right before the place is the employer.
                    if !had_place
                        && header.location.is_some()
                        && (header.company.is_none() || header.tentative_company)
                        && let Some(name) = bullet_name.take()
                    {
                        replace_tentative_company(&name, header);
                    }
                    continue;
                }
                bullet_name = Some(item.trim().to_string()).filter(|name| {
                    (1..=4).contains(&word_count(name))
                        && starts_uppercase(name)
                        && !has_role_word(name)
                        && !is_place(name)
                        && plausible_company(name)
                });
                // "• City of Arcata" / "• Arcata, California": a short unknown fact may come
                // before the place; an organisation's name there is the employer.
                if header.company.is_none()
                    && (has_company_suffix(item) || organisation_shaped(item))
                    && plausible_company(item)
                {
                    header.company = Some(item.trim().to_string());
                    header.consumed.push(index);
                }
                unknown_bullets += 1;
                if unknown_bullets > 2 {
                    break;
                }
                continue;
            }
            _ => break,
        };
        // "Legal Affairs Officer - P3" twice: the page's heading and its title line.
        if repeats_title_line(lines, start, index) {
            header.consumed.push(index);
            continue;
        }
        // "at World Food Programme": a board's line naming the employer under the title.
        if first
            && stacked.is_empty()
            && (header.company.is_none() || header.tentative_company)
            && let Some(name) = employer_after_at(text)
        {
            replace_tentative_company(&name, header);
            header.consumed.push(index);
            known_lines += 1;
            first = false;
            continue;
        }
        if absorb_meta_line(text, first && stacked.is_empty(), header) {
            header.consumed.push(index);
            known_lines += 1;
            known_after_stacked |= !stacked.is_empty();
            first = false;
            continue;
        }
        // "Company / Site / £… / Full time / What We Do": once metadata has followed the
        // stacked lines, the next unknown line starts the body.
        if known_after_stacked {
            break;
        }
        let cleaned = collapse_ws(strip_decorations(&strip_markdown(text)));
        // "Announcement Type: External Agency": a label the parser does not know is a fact
        // about the job, never the employer's name or the place.
        let labelled = text.trim_end().ends_with(':')
            || cleaned
                .split_once(": ")
                .is_some_and(|(key, _)| word_count(key) <= 4);
        let short = word_count(&cleaned) <= 10
            && cleaned.chars().count() <= 100
            && !ends_like_sentence(&cleaned)
            && !labelled
            && !cleaned.contains("http");
        if short && stacked.len() < 2 {
            stacked.push((index, cleaned));
            first = false;
            continue;
        }
        break;
    }
    let recurs = stacked.first().is_some_and(|(index, name)| {
        lines[index + 1..]
            .iter()
            .any(|line| mentions(&line.raw, name))
    });
    // A brand written in lower case must be spoken of as an organisation further down.
    let brand = stacked.first().is_some_and(|(index, name)| {
        lower_case_brand(name)
            && lines[index + 1..]
                .iter()
                .any(|line| crate::posting::names::spoken_of_as_organisation(&line.raw, name))
    });
    resolve_stacked_lines(&stacked, known_lines, recurs, brand, header);
}

/// The name in an "at Chumbe Island Coral Park" or "@ Acme" line: capitalised words that are
/// neither a place nor a role.
fn employer_after_at(text: &str) -> Option<String> {
    let cleaned = collapse_ws(text.trim());
    let name = cleaned
        .strip_prefix("at ")
        .or_else(|| cleaned.strip_prefix("@ "))?;
    // "at Acme · Remote", "at Acme (YC S21)", "at Acme, Berlin": the name ends at a separator.
    let name = name
        .split([',', '·', '|', '(', '•'])
        .next()
        .and_then(|head| head.split(" - ").next())
        .unwrap_or(name)
        .trim();
    let shaped = (1..=8).contains(&word_count(name))
        && starts_uppercase(name)
        && !ends_like_sentence(name)
        && !name.contains(':');
    (shaped && !is_listed_place(name) && !has_role_word(name) && plausible_company(name))
        .then(|| name.to_string())
}

/// Whether `lines[index]` repeats the title line just above the metadata (`start - 1`), with
/// nothing between them.
fn repeats_title_line(lines: &[Line], start: usize, index: usize) -> bool {
    let Some(title_line) = start.checked_sub(1).and_then(|at| lines.get(at)) else {
        return false;
    };
    let nothing_between = lines[start..index]
        .iter()
        .all(|line| line.kind == LineKind::Blank);
    nothing_between && lines[index].raw.trim() == title_line.raw.trim()
}

/// Whether `text` names `name` as a whole word sequence, in the same letters and case
/// ("Naijazone Online Shopping Mall Ltd. operates …" names "Naijazone Online Shopping Mall").
fn mentions(text: &str, name: &str) -> bool {
    whole_word_count(text, name) > 0
}

/// "Ecole Européenne Luxembourg I logo": a copied page keeps the employer's logo as its
/// alternative text, on a line of its own near the top.
pub(crate) fn company_from_logo(lines: &[Line]) -> Option<String> {
    lines.iter().take(40).find_map(|line| {
        let text = line.raw.trim();
        let name = text
            .strip_suffix(" logo")
            .or_else(|| text.strip_suffix(" Logo"))
            .or_else(|| text.strip_prefix("Logo for "))
            .or_else(|| text.strip_prefix("Logo of "))?
            .trim();
        (plausible_company(name) && !has_role_word(name)).then(|| name.to_string())
    })
}

/// A site or place on a line of its own ("Harrogate District Hospital, Harrogate",
/// "GLOUCESTER", "Various Locations"): capitalised words, at most eight.
fn place_line(text: &str) -> bool {
    is_place(text)
        // "12 - Month Contract", "Full Time": the contract, not the place.
        || (!is_attribute(text)
            && word_count(text) <= 8
            && text.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || TITLE_CONNECTORS.contains(&w)
                    || w == "upon"
            }))
}

/// Takes the stacked lines as company and location when the block is clearly a header: it
/// also holds an attribute line (salary, job type…), or its second line is a place, or the
/// company line ends in a legal-form or sector word.
/// A company line that the body names again ("Naijazone Online Shopping Mall" / … /
/// "Naijazone Online Shopping Mall Ltd. operates …") is evidence too, but then only a known
/// place is taken as the location.
fn resolve_stacked_lines(
    stacked: &[(usize, String)],
    known_lines: usize,
    recurs: bool,
    brand: bool,
    header: &mut Header,
) {
    let Some((company_index, company)) = stacked.first() else {
        return;
    };
    // "Office Manager ⏎ lemlist ⏎ Paris": a brand written in lower case counts when the text
    // names it again.
    let named = company_line(company) || brand;
    if !named || (header.company.is_some() && !header.tentative_company) {
        return;
    }
    let strong = known_lines > 0 || has_company_suffix(company);
    let location = stacked.get(1).filter(|(_, text)| {
        header.location.is_none()
            && if strong {
                place_line(text)
            } else {
                is_place(text)
            }
    });
    let evidence = strong || recurs || location.is_some_and(|(_, text)| is_place(text));
    if !evidence || (stacked.len() == 2 && location.is_none() && !recurs) {
        return;
    }
    replace_tentative_company(company, header);
    header.consumed.push(*company_index);
    if let Some((index, text)) = location {
        header.location = Some(text.clone());
        header.consumed.push(*index);
    }
}

/// "lemlist", "voize": one word in lower case, the way some companies write their name, that
/// is not a place (a role noun's ending is no sign here: "lemlist").
pub(crate) fn lower_case_brand(text: &str) -> bool {
    let word = text.trim();
    (3..=30).contains(&word.chars().count())
        && word.starts_with(|c: char| c.is_lowercase())
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        && !is_place(word)
}

/// "Kigali, Rwanda Full time": a board's place and job type run together without a
/// separator; given one ("Kigali, Rwanda | Full time") so each part is read.
fn split_glued_job_type(line: &str) -> String {
    const JOB_TYPES: &[&str] = &[
        " full time",
        " full-time",
        " part time",
        " part-time",
        " permanent",
        " temporary",
        " contract",
        " casual",
    ];
    let folded = line.to_lowercase();
    JOB_TYPES
        .iter()
        .find_map(|job_type| {
            let at = folded.strip_suffix(job_type)?.len();
            let place = line[..at].trim_end_matches([',', ' ']);
            is_place(place).then(|| format!("{place} | {}", line[at..].trim()))
        })
        .unwrap_or_else(|| line.to_string())
}

fn absorb_meta_line(text: &str, allow_company: bool, header: &mut Header) -> bool {
    let cleaned = collapse_ws(strip_decorations(&strip_markdown(text)));
    if cleaned.chars().count() > 100 || ends_like_sentence(&cleaned) {
        return false;
    }
    let cleaned = split_glued_job_type(&cleaned);
    let segments = split_segments(&cleaned);
    let classified: Vec<Segment> = segments.iter().map(|s| classify_segment(s)).collect();
    // "Luxury Lodge – Paterson, Eastern Cape": a description standing in for the employer's
    // name is neither the company nor a reason to reject the line.
    let is_descriptor =
        |s: &str| DESCRIPTORS.contains(&fold(s.split_whitespace().next().unwrap_or("")).as_str());
    let unknown: Vec<&String> = segments
        .iter()
        .zip(&classified)
        .filter(|(s, c)| **c == Segment::Unknown && !is_descriptor(s))
        .map(|(s, _)| s)
        .collect();
    let descriptors = segments
        .iter()
        .zip(&classified)
        .filter(|(s, c)| **c == Segment::Unknown && is_descriptor(s))
        .count();
    let known = classified.len() - unknown.len() - descriptors;
    // "Seattle · Business Analytics · Full-time · Hybrid" (the applicant-tracking page's
    // line): a part after the place is the team, never the company.
    let first_place = classified.iter().position(|c| {
        matches!(
            c,
            Segment::Known {
                location: Some(_),
                ..
            }
        )
    });
    let team_after_place = unknown.len() == 1
        && first_place.is_some_and(|place| {
            segments
                .iter()
                .position(|s| s == unknown[0])
                .is_some_and(|at| at > place)
        });
    if team_after_place && known > 0 {
        for segment in &segments {
            absorb_segment(segment, header);
        }
        return true;
    }
    let company_ok = allow_company
        && unknown.len() == 1
        && (header.company.is_none() || header.tentative_company)
        && unknown.iter().all(|c| plausible_company(c));
    if known == 0 || (!unknown.is_empty() && !company_ok) {
        return false;
    }
    for segment in &segments {
        absorb_segment(segment, header);
    }
    if let (true, Some(company)) = (company_ok, unknown.first()) {
        replace_tentative_company(company, header);
    }
    true
}
