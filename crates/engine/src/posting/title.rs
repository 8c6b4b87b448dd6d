//! The last pass over a found title, once the company and the place are known: job boards and
//! employers wrap the role in words that are not part of it ("Full time Sous Chef", "Office
//! Manager at Apex Forte Professionals", "Deputy Director (Finance) Vacancies 2026 –
//! Parliament of Sri Lanka", "Construction PM - Charlottesville Job in Charlottesville").
//! Whatever the title came from (a header line, a `Job Title:` field, running text), the same
//! wrapping is taken off here.

use super::attributes::{detect_arrangement, detect_job_type_short};
use super::header::{GENDER_LETTER, first_role, is_attribute, organisation_shaped};
use super::text::{collapse_ws, fold, has_role_word, is_known_place};
use regex::Regex;
use std::sync::LazyLock;

/// A separator before a trailing part that may name the employer or the place.
static TAIL_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:at|for|with|in|en|à|em|sur|[-–—|@])\s+|\s*,\s+")
        .expect("tail regex is valid")
});

/// A post count after the role, whatever path the title came by: "Assistant Legal Officer
/// (2 Positions)".
static COUNT_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\(\s*\d{1,3}\s+(?:positions?|posts?|vacanc(?:y|ies)|openings?|postes?|plazas?|vagas?|puestos?|stellen)\s*\)$")
        .expect("count ending regex is valid")
});

/// A gender marker left at the end without brackets: "Architecte Infrastructure Azure H/F",
/// "Verkäufer m/w/d" (a bracketed one is taken off when the header is read).
static GENDER_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\s+\(?(?:{GENDER_LETTER}\s*/\s*){{1,3}}{GENDER_LETTER}\)?$"
    ))
    .expect("gender ending regex is valid")
});

/// A board's search-engine ending: "… Job in Charlottesville", "… Vacancies 2026",
/// "… Jobs".
static BOARD_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s+(?:jobs?|vacanc(?:y|ies))(?:\s+(?:in|at)\s+[^,;|()]{2,40})?(?:\s+(?:19|20)\d\d)?$",
    )
    .expect("board ending regex is valid")
});

/// LinkedIn's badge for a verified posting, copied with the title: "Specialty Nurse Educator -
/// Acute Care with verification".
static BADGE_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+with verification$").expect("badge ending regex is valid")
});

/// A page's section heading run onto the end of its title: "Lecturer (Computer Science) – Job
/// Overview" (a posting date run onto a line is cut when the text is read, `text::normalize_input`).
static SECTION_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s+[-–—|:]\s+(?:job\s+(?:overview|details|description|summary|posting|advert)|overview)$",
    )
    .expect("section ending regex is valid")
});

/// "NGO Federation of Nepal (NFN) Vacancy for Provincial Coordination Officer", "Vacancy for
/// the post of Accountant": a notice's heading before the role it advertises; "GOVERNMENT
/// POST: Pharmacist", "New position: Night Nurse", "POST 40/158: Deputy Director": a label
/// for the post (with its reference number) before a colon.
static LEAD_VACANCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:[^:;|]{0,80}\s)?(?:job\s+)?vacanc(?:y|ies)\s+(?:for|of)\s+(?:the\s+(?:post|position|role)s?\s+of\s+)?(?:an?\s+|the\s+)?|(?:[^:;|]{0,40}\s)?(?:post|position|vacancy|job|role|opening)(?:\s+(?:no\.?\s*)?[\w/.-]*\d[\w/.-]*)?\s*:\s+)")
        .expect("lead vacancy regex is valid")
});

/// A recruitment notice's wording before the role, in French, Spanish, Portuguese, Dutch,
/// German, Polish, the Nordic languages and Vietnamese: "Médecins du Monde recrute un
/// Coordinateur de Projets", "Vi søker en grupperådgiver", "Acme tuyển dụng lập trình Java",
/// "Recrutement d'un(e) assistant(e) …", "Contratación de un/a Técnico/a …", "Vaga de
/// Arquiteto(a)".
static RECRUIT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:[^:;|]{2,80}?\s+)?(?:recrute|recrutent|contrata|zoekt|sucht|rekrutuje|poszukuje|søker|søger|söker|etsii|tuyển\s+dụng|tuyển)|(?:avis de |annonce de |offre de |appel à candidatures? pour )?recrutement|contrataci[oó]n|convocatoria para|vaga de|vaga para|oferta de empleo:?|offre d'emploi:?|(?:processo seletivo|concurso p[uú]blico|concurso|proceso de selecci[oó]n)(?:\s+[[:alpha:]]+){0,2}?\s+para|un\s*/\s*une|un\s*\(\s*e\s*\)|un\s*/\s*a)\s+(?:(?:d['’]|l['’])\s*|(?:de|un\s*/\s*a|una?\s*/\s*una?|une?\s*/\s*une?|un\s*\(\s*e\s*\)|\(\s*e\s*\)|une|una|un|des|le|la|um|uma|een|eine?n?|ett|ei|et|en|\d{1,3})\s+)*",
    )
    .expect("recruit lead regex is valid")
});

/// A bracket that dates the post: "(start februari 2026)", "(Nafasi 10, Septemba 2025)".
static DATED_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?:[^()]{0,40}\s)?(?:19|20)\d\d\)$").expect("dated ending regex is valid")
});

/// The next field of a copied header run onto the role: "Statistical Science Associate Director
/// – Late Oncology Location: Cambridge or".
static LABEL_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:Location|LOCATION|Salary|SALARY|Closing [Dd]ate|Job [Tt]ype|Contract [Tt]ype|Reference|Ref\.?)\s*:(?:\s.*)?$")
        .expect("label ending regex is valid")
});

/// The hours of the post after the role: "Parish Administrator - 32 hrs / week", "Care
/// Assistant (30 hours)", "Cleaner, 20 hours per week"; or its share of a full post, as Nordic
/// boards write it: "grupperådgiver i 80% stilling", "Barnehagelærer 40 %".
static HOURS_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    let hours = r"\d{1,2}(?:[.,]\d{1,2})?\s*(?:hrs?|hours?)\.?(?:\s*(?:(?:/|per|a)\s*(?:week|wk|w)\.?|p/w|pw))?";
    let share = r"(?:i\s+)?\d{1,3}\s*%(?:\s*(?:stilling|stillingsbrøk|tjänst|tjeneste))?";
    Regex::new(&format!(
        r"(?i)(?:\s*[-–—|,]\s*{hours}|\s*\(\s*{hours}\s*\)|\s*[-–—,]?\s+{share}|\s*\(\s*{share}\s*\))$"
    ))
    .expect("hours ending regex is valid")
});

/// A closing bracket that holds nothing but the contract's or the arrangement's terms:
/// "JavaScript Developer ( Corp to Corp )", "Remote Nurse (FT)", "Analyst (Full Time /
/// Remote)", and the same terms in French, Spanish, Portuguese and German ("Ejecutivo
/// (PRESENCIAL)", "Chargé de projet (CDI)", "Analista (Remoto / CLT)", "Softwareentwickler
/// (Vollzeit)"); not "(Remote Sensing)" or "(Contract Law)", a specialty.
static TERMS_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    let term = r"(?:full[- ]?time|part[- ]?time|remote|hybrid|on-?site|contract|temporary|temp|permanent|fixed[- ]term|casual|locum|corp[- ]to[- ]corp|c2c|w2|1099|ft|pt|presencial|remot[oa]|h[ií]brid[oa]|hybride|teletrabajo|t[ée]l[ée]travail|pr[ée]sentiel|cdi|cdd|int[ée]rim|temps (?:plein|partiel)|tiempo (?:completo|parcial)|jornada (?:completa|parcial)|medio tiempo|tempo (?:integral|parcial)|meio per[ií]odo|clt|pj|vollzeit|teilzeit|befristet|unbefristet|home[- ]?office)";
    Regex::new(&format!(r"(?i)\s*\(\s*{term}(?:\s*[/,]\s*{term})*\s*\)$"))
        .expect("terms ending regex is valid")
});

/// A note on the hiring rather than the role, in a closing bracket or after a dash: a pool or
/// a post already filled ("Communication Advisor (Hiring Pool)", "Postdoctoral Fellow
/// (positions filled)"), several posts ("(several posts)", "(Multiple Openings)"), who may
/// apply ("– Internal Applicants Only", "(For independent contractors)"), a re-advertisement
/// or urgency, the experience asked ("(5+ years)", Korean "(3년 이상)"), a contract's length
/// in Korean ("(1년 계약직)") and cover for a leave ("(one year maternity cover)", Spanish
/// "Contador Auditor por reemplazo maternal"). Not a bare "Internal", which is a specialty
/// ("Auditor - Internal").
static NOTE_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    let note = r"(?:(?:hiring|talent|candidate|applicant|recruitment)\s+pool|evergreen|(?:(?:positions?|posts?|vacanc(?:y|ies)|roles?)\s+)?(?:now\s+)?filled|(?:several|multiple|various|numerous)\s+(?:positions|posts|openings|vacancies|roles|hires|opportunities)|(?:open\s+to\s+)?internal\s+(?:applicants|candidates|staff)(?:\s+only)?|internal\s+only|(?:for\s+)?independent\s+contractors?|re-?advertised|re-?advertisement|urgent(?:ly\s+hiring)?|immediate\s+start|\d{1,2}\s*\+\s*(?:years?|yrs?)(?:\s+(?:of\s+)?exp(?:erience)?\.?)?|(?:경력\s*)?\d{1,2}\s*년\s*(?:이상|차|계약직)|계약직|정규직|(?:(?:one|two|\d{1,2})[- ](?:years?|months?)\s+)?(?:fixed[- ]term\s+)?(?:maternity|paternity|parental)\s+(?:leave\s+)?(?:cover|replacement))";
    Regex::new(&format!(r"(?i)(?:\s*\(\s*{note}\s*\)|\s+[-–—]\s+{note}|\s+por\s+reemplazo(?:\s+(?:maternal|de\s+licencia|pre\s*y\s*post\s*natal|pre\s*natal|post\s*natal))?)$"))
        .expect("note ending regex is valid")
});

/// Where the post is based, run onto the role: "… communautaire, basé(e) à Ménaka", "…
/// Officer, based in Juba", "… con sede en Quito".
static BASED_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),?\s+(?:based|located|bas[ée]e?(?:\s*\(e\))?|basad[oa]|con sede|sediad[oa])\s+(?:in|à|a|en|em)\s+[^,;()]{2,60}$")
        .expect("based ending regex is valid")
});

/// Contract words a board puts before the role ("Full time Sous Chef", "Part-Time Library
/// Assistant", "Temporary Historic Resources Specialist"; the employment type is read from the
/// text separately), a button's "Apply for" run into it, and a hiring lead ("Hiring our next
/// Community Manager", "EMPLOYMENT OPPORTUNITY! Coordinator").
static LEAD_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:full[- ]?time|part[- ]?time|permanent|casual|temporary|fixed[- ]term|apply (?:now )?for(?: the)?|(?:employment|job|career) opportunity|(?:we'?re |we are |now )?hiring(?: (?:our|an?|the))?(?: (?:next|new|first))?)\s*[-–:!]?\s+")
        .expect("lead words regex is valid")
});

/// The title without the board's and the employer's wrapping. Each step keeps a role word in
/// what remains (or, for a title with none such as "Construction PM", two words), so a title is
/// never cut down to a team or a place.
pub(crate) fn tidy_title(title: String, company: Option<&str>, location: Option<&str>) -> String {
    let mut current = title
        .trim_end_matches([',', ';', '-', '–', '|', '/', '+'])
        .trim()
        .to_string();
    // At most a few wrappings are stacked ("… Vacancies 2026 – Parliament of Sri Lanka").
    for _ in 0..4 {
        let next = without_ending(&current, &LABEL_ENDING)
            .or_else(|| without_ending(&current, &BADGE_ENDING))
            .or_else(|| without_ending(&current, &BOARD_ENDING))
            .or_else(|| without_ending(&current, &SECTION_ENDING))
            .or_else(|| without_ending(&current, &COUNT_ENDING))
            .or_else(|| without_ending(&current, &GENDER_ENDING))
            .or_else(|| without_ending(&current, &BASED_ENDING))
            .or_else(|| without_ending(&current, &HOURS_ENDING))
            .or_else(|| without_ending(&current, &TERMS_ENDING))
            .or_else(|| without_ending(&current, &NOTE_ENDING))
            .or_else(|| without_ending(&current, &DATED_ENDING))
            .or_else(|| without_named_tail(&current, company, location));
        match next {
            Some(next)
                if has_role_word(&next)
                    || (!has_role_word(&current) && next.split_whitespace().count() >= 2) =>
            {
                current = next
            }
            _ => break,
        }
    }
    let current = without_leading_company(&current, company);
    let current = without_vacancy_heading(&current);
    let current = first_role(&without_open_bracket(&without_asides(&current)), true);
    // "Temporary Fixed-Term Maintenance Worker": the words may be stacked.
    let mut current = current;
    while let Some(found) = LEAD_WORDS.find(&current) {
        let rest = current[found.end()..].trim();
        if !has_role_word(rest) {
            break;
        }
        current = rest.to_string();
    }
    current
}

/// "John Carroll University Faculty of Practice in Data Science": the employer's name run into
/// the front of the title.
fn without_leading_company(title: &str, company: Option<&str>) -> String {
    let Some(company) = company
        .map(str::trim)
        .filter(|c| c.split_whitespace().count() >= 2)
    else {
        return title.to_string();
    };
    let Some(rest) = title
        .get(..company.len())
        .filter(|head| fold(head) == fold(company))
        .map(|_| &title[company.len()..])
    else {
        return title.to_string();
    };
    let rest = rest.trim_start_matches([' ', '-', '–', ':', '|', ',']);
    // At a word boundary, with a role (or two words) left.
    let at_boundary = rest.len() < title.len() - company.len();
    if at_boundary && (has_role_word(rest) || rest.split_whitespace().count() >= 2) {
        rest.to_string()
    } else {
        title.to_string()
    }
}

/// "(1099 Contract) Nonprofit Salesforce Consultant": a leading bracket that states the
/// contract or the arrangement is an aside to the role (a closing one is `TERMS_ENDING`).
fn without_asides(title: &str) -> String {
    let mut current = title.trim();
    if let Some(rest) = current.strip_prefix('(')
        && let Some((inner, after)) = rest.split_once(')')
        && (detect_job_type_short(inner).is_some() || detect_arrangement(inner).is_some())
        && has_role_word(after)
    {
        current = after.trim();
    }
    current.to_string()
}

/// "Software Engineers (full-stack / product": a bracket the text never closes was cut off
/// with the rest of the line; what it held is not the role.
fn without_open_bracket(title: &str) -> String {
    let Some(open) = title.rfind('(') else {
        return title.to_string();
    };
    let head = title[..open].trim();
    if title[open..].contains(')') || !has_role_word(head) {
        return title.to_string();
    }
    head.to_string()
}

/// The title without a gender marker at its end ("Solution Engineer (M/F/X)"), for titles
/// that come from structured data rather than through [`tidy_title`].
pub(crate) fn without_gender_marker(title: &str) -> String {
    without_ending(title, &GENDER_ENDING).unwrap_or_else(|| title.to_string())
}

/// The title before `ending`, when it ends so and something is left.
fn without_ending(title: &str, ending: &Regex) -> Option<String> {
    let found = ending.find(title)?;
    let head = title[..found.start()].trim();
    (!head.is_empty()).then(|| head.to_string())
}

/// The role after a notice's "… Vacancy for" heading or a "Government Post:" kind of label,
/// when what follows names a role.
fn without_vacancy_heading(title: &str) -> String {
    for lead in [&*LEAD_VACANCY, &*RECRUIT_LEAD] {
        if let Some(found) = lead.find(title)
            && has_role_word(&title[found.end()..])
        {
            return title[found.end()..].to_string();
        }
    }
    title.to_string()
}

/// "Office Manager at Apex Forte Professionals" → "Office Manager" when the company is Apex
/// Forte Professionals; "Nurse - Leeds" when the place is Leeds, United Kingdom; "Officer,
/// Eastern Cape Provincial Legislature" (a name shaped like an organisation's).
fn without_named_tail(
    title: &str,
    company: Option<&str>,
    location: Option<&str>,
) -> Option<String> {
    let separator = TAIL_SEPARATOR.find_iter(title).last()?;
    let (head, tail) = (
        title[..separator.start()].trim(),
        title[separator.end()..].trim(),
    );
    if head.is_empty() || tail.is_empty() || has_role_word(tail) {
        return None;
    }
    // "en Guinée", "à Dakar", "em Lisboa", "sur Casablanca": the French, Spanish and Portuguese
    // "in".
    let word = match fold(separator.as_str().trim()).as_str() {
        "en" | "à" | "em" | "sur" => "in".to_string(),
        other => other.to_string(),
    };
    let tail_key = name_key(tail);
    let names_company = company.is_some_and(|company| {
        let company_key = name_key(company);
        !company_key.is_empty()
            && (tail_key == company_key
                // "at Google" for "Google LLC"; "at Acme Robotics" for "Acme".
                || company_key.starts_with(&format!("{tail_key} "))
                || (matches!(word.as_str(), "at" | "@" | "for")
                    && tail_key.starts_with(&format!("{company_key} "))))
    });
    let names_place = !matches!(word.as_str(), "with" | "for")
        && (location.is_some_and(|location| {
            location
                .split([',', '(', ')', ';', '/'])
                .map(name_key)
                .any(|part| !part.is_empty() && part == tail_key)
                || name_key(location) == tail_key
        }) || (word != "at" && known_places(tail)));
    // "in" only ever introduces a place; "with" only a company. A short organisation-shaped
    // part after a dash is more often a unit ("Analyst - Risk Group") than the employer.
    let organisation = word != "in"
        && organisation_shaped(tail)
        && (tail.split_whitespace().count() >= 3 || matches!(word.as_str(), "at" | "for"));
    // "Physician - Synchronous Telehealth - 1099 / Remote": the contract or the arrangement.
    let attribute = matches!(word.as_str(), "-" | "–" | "—" | "|" | ",") && is_attribute(tail);
    let cut = match word.as_str() {
        "in" => names_place,
        "with" => names_company,
        _ => names_company || names_place || organisation || attribute,
    };
    cut.then(|| collapse_ws(head.trim_end_matches([',', '-', '–', '—', '|'])))
}

/// "Leeds", "Virginia or Maryland", "Lagos / Abuja": a known place, or known places joined by
/// "or", "and", "&" or "/".
fn known_places(text: &str) -> bool {
    let folded = fold(text);
    folded
        .split(" or ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(['&', '/']))
        .all(|part| is_known_place(part.trim()))
}

/// Folded, without punctuation and the legal forms a name is written with or without.
fn name_key(name: &str) -> String {
    const LEGAL: &[&str] = &[
        "inc",
        "llc",
        "ltd",
        "limited",
        "plc",
        "gmbh",
        "corp",
        "corporation",
        "co",
        "the",
        "ag",
        "sa",
        "bv",
        "pty",
        "pvt",
        "llp",
    ];
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LEGAL.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::tidy_title;

    fn tidy(title: &str, company: Option<&str>, location: Option<&str>) -> String {
        tidy_title(title.to_string(), company, location)
    }

    #[test]
    fn hiring_notes_after_the_role_go() {
        for (title, role) in [
            (
                "Communication Advisor (Hiring Pool)",
                "Communication Advisor",
            ),
            (
                "Postdoctoral Fellow Position (positions filled)",
                "Postdoctoral Fellow Position",
            ),
            (
                "Research Associate (Full-time/Part-time) (several posts)",
                "Research Associate",
            ),
            (
                "Second in Department – Maths – Internal Applicants Only",
                "Second in Department – Maths",
            ),
            (
                "Web Front-End Software Engineer (For independent contractors)",
                "Web Front-End Software Engineer",
            ),
            ("Backend Engineer (5+ years)", "Backend Engineer"),
            ("Care Assistant - Re-advertised", "Care Assistant"),
            ("데이터 엔지니어 (3년 이상)", "데이터 엔지니어"),
            ("마케팅 매니저 (1년 계약직)", "마케팅 매니저"),
            (
                "Teacher of Maths (one year maternity cover)",
                "Teacher of Maths",
            ),
            (
                "Marketing Manager - Maternity Leave Cover",
                "Marketing Manager",
            ),
            (
                "Contador Auditor por reemplazo maternal",
                "Contador Auditor",
            ),
        ] {
            assert_eq!(tidy(title, None, None), role, "{title}");
        }
        // A specialty stays.
        assert_eq!(tidy("Auditor - Internal", None, None), "Auditor - Internal");
        assert_eq!(
            tidy("Communications Officer (Internal)", None, None),
            "Communications Officer (Internal)"
        );
    }

    #[test]
    fn employer_after_at_or_dash_goes() {
        assert_eq!(
            tidy(
                "Office Manager - Garment Production at Apex Forte Professionals",
                Some("Apex Forte Professionals"),
                None
            ),
            "Office Manager - Garment Production"
        );
        assert_eq!(
            tidy(
                "EXECUTIVE SECRETARY FOR SOUTHERN AFRICAN CUSTOMS UNION",
                Some("Southern African Customs Union"),
                None
            ),
            "EXECUTIVE SECRETARY"
        );
        assert_eq!(
            tidy("Staff Accountant - Acme", Some("Acme Inc."), None),
            "Staff Accountant"
        );
    }

    #[test]
    fn board_endings_and_places_go() {
        assert_eq!(
            tidy(
                "Construction PM - Charlottesville Job in Charlottesville",
                None,
                Some("Charlottesville, VA")
            ),
            "Construction PM"
        );
        assert_eq!(
            tidy(
                "Deputy Director (Finance) Vacancies 2026 – Parliament of Sri Lanka",
                None,
                None
            ),
            "Deputy Director (Finance)"
        );
        assert_eq!(
            tidy(
                "Social Media & Marketing Officer, Eastern Cape Provincial Legislature",
                None,
                None
            ),
            "Social Media & Marketing Officer"
        );
    }

    #[test]
    fn contract_and_arrangement_tails_go() {
        assert_eq!(
            tidy(
                "Physician - Synchronous Telehealth - 1099 / Remote",
                None,
                None
            ),
            "Physician - Synchronous Telehealth"
        );
        assert_eq!(
            tidy("Backend Engineer, Full-time", None, None),
            "Backend Engineer"
        );
        for (title, role) in [
            (
                "Parish Administrator - 32 hrs / week",
                "Parish Administrator",
            ),
            ("Care Assistant (30 hours)", "Care Assistant"),
            ("Cleaner, 20 hours per week", "Cleaner"),
            ("Receptionist - 37.5 hrs pw", "Receptionist"),
        ] {
            assert_eq!(tidy(title, None, None), role);
        }
        for (title, role) in [
            (
                "JavaScript Developer ( Corp to Corp )",
                "JavaScript Developer",
            ),
            ("Registered Nurse (Full Time)", "Registered Nurse"),
            ("Remote Nurse (FT)", "Remote Nurse"),
            ("Data Analyst (Full Time / Remote)", "Data Analyst"),
            (
                "Ejecutivo Call Center (PRESENCIAL)",
                "Ejecutivo Call Center",
            ),
            ("Chargé de projet (CDI)", "Chargé de projet"),
            ("Analista de Dados (Remoto / CLT)", "Analista de Dados"),
            ("Softwareentwickler (Vollzeit)", "Softwareentwickler"),
        ] {
            assert_eq!(tidy(title, None, None), role);
        }
        assert_eq!(
            tidy(
                "Statistical Science Associate Director (Principal level) – Late Oncology \
                 Location: Cambridge or",
                None,
                None
            ),
            "Statistical Science Associate Director (Principal level) – Late Oncology"
        );
        assert_eq!(
            tidy("Hiring our next Community Manager", None, None),
            "Community Manager"
        );
        // A bracket that names the specialty stays.
        for title in [
            "Research Assistant (Forest Ecology)",
            "Software Engineer (Remote Sensing)",
            "Solicitor (Contract Law)",
            "Cloud Architect (Hybrid Cloud)",
            "Care Worker (Days, 30 hours)",
        ] {
            assert_eq!(tidy(title, None, None), title);
        }
        // Not a number that belongs to the role.
        assert_eq!(
            tidy("24 Hour Support Worker", None, None),
            "24 Hour Support Worker"
        );
    }

    #[test]
    fn notice_wording_in_other_languages_goes() {
        for (raw, want) in [
            (
                "POST 40/158: DEPUTY DIRECTOR: COMMUNICATIONS",
                "DEPUTY DIRECTOR: COMMUNICATIONS",
            ),
            (
                "Médecins du Monde recrute un Coordinateur de Projets",
                "Coordinateur de Projets",
            ),
            (
                "Recrutement d'un (e) assistant(e) comptable",
                "assistant(e) comptable",
            ),
            (
                "Vaga de Arquiteto(a) de Software",
                "Arquiteto(a) de Software",
            ),
            (
                "Contratación de un/a Técnico/a de campo",
                "Técnico/a de campo",
            ),
            (
                "Un /une Coordonnateur (trice) de projet en Guinée",
                "Coordonnateur (trice) de projet",
            ),
            ("Architecte Cloud H/F - CDI", "Architecte Cloud"),
            (
                "Recovery verpleegkundige (start februari 2026)",
                "Recovery verpleegkundige",
            ),
            (
                "Project Coordinator - Virginia or Maryland",
                "Project Coordinator",
            ),
            (
                "Assistant(e) en mobilisation communautaire, basé(e) à Ménaka",
                "Assistant(e) en mobilisation communautaire",
            ),
        ] {
            assert_eq!(tidy(raw, None, None), want, "{raw}");
        }
    }

    #[test]
    fn contract_words_before_the_role_go() {
        assert_eq!(tidy("Full time Sous Chef", None, None), "Sous Chef");
        assert_eq!(
            tidy("Temporary Fixed-Term Maintenance Worker", None, None),
            "Maintenance Worker"
        );
        assert_eq!(
            tidy("EMPLOYMENT OPPORTUNITY! Program Coordinator", None, None),
            "Program Coordinator"
        );
        assert_eq!(
            tidy("Permanent - Payroll Officer", None, None),
            "Payroll Officer"
        );
        assert_eq!(
            tidy("Part-Time Finance Administrator", None, None),
            "Finance Administrator"
        );
    }

    #[test]
    fn the_first_of_several_roles_leads() {
        assert_eq!(
            tidy("First Product Designer / UI Engineer", None, None),
            "First Product Designer / UI Engineer"
        );
        assert_eq!(
            tidy("Full-Stack Engineer + PM + DevOps/Infra", None, None),
            "Full-Stack Engineer"
        );
        assert_eq!(
            tidy("Backend Engineers, Frontend Engineers,", None, None),
            "Backend Engineers"
        );
        assert_eq!(
            tidy("Software Engineers (full-stack / product", None, None),
            "Software Engineers"
        );
        assert_eq!(
            tidy("Director of Sales & Marketing", None, None),
            "Director of Sales & Marketing"
        );
        assert_eq!(
            tidy("Research / Development Engineer", None, None),
            "Research / Development Engineer"
        );
    }

    #[test]
    fn the_employer_run_into_the_front_goes() {
        assert_eq!(
            tidy(
                "John Carroll University Faculty of Practice in Data Science",
                Some("John Carroll University"),
                None
            ),
            "Faculty of Practice in Data Science"
        );
        // A one-word company may be the first word of the role itself.
        assert_eq!(
            tidy("Design Engineer", Some("Design"), None),
            "Design Engineer"
        );
    }

    #[test]
    fn asides_go() {
        assert_eq!(
            tidy(
                "(1099 Contract) Nonprofit Salesforce Consultant: Enterprise Project Manager",
                None,
                None
            ),
            "Nonprofit Salesforce Consultant: Enterprise Project Manager"
        );
        // A bracket that is part of the role stays.
        assert_eq!(
            tidy("(Senior) Data Engineer", None, None),
            "(Senior) Data Engineer"
        );
    }

    #[test]
    fn teams_specialties_and_roles_stay() {
        // A team or a specialty after the dash is part of the title.
        assert_eq!(
            tidy(
                "Software Engineer - Payments",
                Some("Stripe"),
                Some("Dublin")
            ),
            "Software Engineer - Payments"
        );
        assert_eq!(
            tidy(
                "Registered Nurse - ICU Night Shift",
                Some("Mercy Health"),
                None
            ),
            "Registered Nurse - ICU Night Shift"
        );
        // Nothing is cut that would leave no role.
        assert_eq!(
            tidy("Head of Growth at Acme", Some("Acme"), None),
            "Head of Growth"
        );
        assert_eq!(tidy("Acme Jobs", Some("Acme"), None), "Acme Jobs");
        // "Contract Manager" is a role, not a contract word.
        assert_eq!(tidy("Contract Manager", None, None), "Contract Manager");
        // "for" before something that is not the employer stays.
        assert_eq!(
            tidy(
                "Teacher for Children with Special Needs",
                Some("Acme"),
                None
            ),
            "Teacher for Children with Special Needs"
        );
    }

    #[test]
    fn a_section_heading_after_the_role_goes() {
        assert_eq!(
            tidy("Biology Teacher – Job Details", None, None),
            "Biology Teacher"
        );
        assert_eq!(
            tidy("Data Analyst | Job Overview", None, None),
            "Data Analyst"
        );
        // Only after a separator: a role that begins with the word stays.
        assert_eq!(tidy("Overview Writer", None, None), "Overview Writer");
    }

    #[test]
    fn a_notice_heading_before_the_role_goes() {
        assert_eq!(
            tidy(
                "Lakeside District Council Vacancy for Finance Officer",
                None,
                None
            ),
            "Finance Officer"
        );
        assert_eq!(
            tidy("Job Vacancy for the Post of Accountant", None, None),
            "Accountant"
        );
        assert_eq!(
            tidy("Vacancies for Registered Nurses", None, None),
            "Registered Nurses"
        );
        // Not without a role after it.
        assert_eq!(
            tidy("Vacancy for Lakeside District", None, None),
            "Vacancy for Lakeside District"
        );
        // A post count after the role, and not a number that is part of it.
        assert_eq!(
            tidy("ASSISTANT LEGAL OFFICER (2 Positions)", None, None),
            "ASSISTANT LEGAL OFFICER"
        );
        assert_eq!(tidy("Staff Nurse (3 posts)", None, None), "Staff Nurse");
        assert_eq!(
            tidy("Educateurs du Préscolaire (807 Postes)", None, None),
            "Educateurs du Préscolaire"
        );
        assert_eq!(
            tidy("Chefs de Produits sur Casablanca", None, None),
            "Chefs de Produits"
        );
        assert_eq!(tidy("Engineer (2 years)", None, None), "Engineer (2 years)");
        // A label for the post before a colon.
        assert_eq!(
            tidy("GOVERNMENT POST: PHARMACIST", None, None),
            "PHARMACIST"
        );
        assert_eq!(tidy("New position: Night Nurse", None, None), "Night Nurse");
        assert_eq!(
            tidy("Nursing Post: Night Shift", None, None),
            "Nursing Post: Night Shift"
        );
    }
}
