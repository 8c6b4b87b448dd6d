//! Attribute detectors: work arrangement, hybrid office days, job type,
//! experience level, years of experience and the application URL.

use super::text::fold;
use super::{ExperienceLevel, JobType, WorkArrangement};
use regex::Regex;
use std::sync::LazyLock;

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("attribute regex is valid")
}

static HYBRID: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)(?-u:\b)hybrid(?-u:\b)"));
static REMOTE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:fully[- ]remote|remote[- ]first|100% remote|remote|work from home|wfh)(?-u:\b)",
    )
});
static ON_SITE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:on[- ]?site|in[- ]office|in the office|office[- ]based|in[- ]person)(?-u:\b)",
    )
});
static DAY_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(\d|one|two|three|four|five)\s*(?:(?:-|–|to|or)\s*(?:\d|one|two|three|four|five)\s*)?\+?\s*(?:days?|x)(?-u:\b)",
    )
});

/// Negations and qualifiers that cancel an arrangement cue right before it.
const CANCELLING_PREFIXES: &[&str] = &[
    "not ",
    "no ",
    "non-",
    "non ",
    "occasional ",
    "occasionally ",
    "quarterly ",
    "annual ",
    "optional ",
];

/// Detects the work arrangement: "hybrid" anywhere wins; otherwise the
/// earliest remote or on-site cue that is not negated ("not remote",
/// "occasional on-site visits").
pub(crate) fn detect_arrangement(text: &str) -> Option<WorkArrangement> {
    if HYBRID.is_match(text) {
        return Some(WorkArrangement::Hybrid);
    }
    let remote = first_uncancelled(&REMOTE, text);
    let on_site = first_uncancelled(&ON_SITE, text);
    match (remote, on_site) {
        (Some(r), Some(o)) if o < r => Some(WorkArrangement::OnSite),
        (Some(_), _) => Some(WorkArrangement::Remote),
        (None, Some(_)) => Some(WorkArrangement::OnSite),
        (None, None) => None,
    }
}

fn first_uncancelled(pattern: &Regex, text: &str) -> Option<usize> {
    pattern
        .find_iter(text)
        .find(|m| {
            let before = fold(&text[..m.start()]);
            !CANCELLING_PREFIXES.iter().any(|p| before.ends_with(p))
        })
        .map(|m| m.start())
}

/// Office days for a hybrid role: a day count shortly after "hybrid", or a
/// day count next to "in office" / "on-site" anywhere.
pub(crate) fn detect_hybrid_days(text: &str) -> Option<u8> {
    let after_hybrid = HYBRID.find_iter(text).find_map(|m| {
        let window: String = text[m.end()..].chars().take(60).collect();
        first_day_count(&window)
    });
    after_hybrid.or_else(|| office_day_count(text))
}

fn first_day_count(window: &str) -> Option<u8> {
    let caps = DAY_COUNT.captures(window)?;
    number_word(caps.get(1)?.as_str()).filter(|d| (1..=5).contains(d))
}

fn office_day_count(text: &str) -> Option<u8> {
    DAY_COUNT.captures_iter(text).find_map(|caps| {
        let whole = caps.get(0)?;
        let after: String = fold(&text[whole.end()..]).chars().take(35).collect();
        let before = fold(&text[..whole.start()]);
        let before: String = before
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let near_office = [
            "office",
            "on-site",
            "onsite",
            "on site",
            "in person",
            "in-person",
        ]
        .iter()
        .any(|w| after.contains(w) || before.contains(w));
        if near_office {
            number_word(caps.get(1)?.as_str()).filter(|d| (1..=5).contains(d))
        } else {
            None
        }
    })
}

fn number_word(word: &str) -> Option<u8> {
    match fold(word).as_str() {
        "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        digits => digits.parse().ok(),
    }
}

// The contract words of other languages: French (stagiaire, alternance, CDD, intérim, CDI,
// temps plein/partiel), Spanish (prácticas, pasantía, temporal, tiempo completo/parcial),
// Portuguese (estágio, temporário, tempo integral, meio período), Italian (tirocinio, tempo
// determinato/pieno/parziale), German (Praktikum, befristet, Vollzeit, Teilzeit), Dutch
// (tijdelijk, voltijd, deeltijd), Swedish (vikariat, heltid, deltid), Polish (staż, umowa
// zlecenie, pełny etat), Indonesian (magang) and Turkish (stajyer, tam zamanlı). CDI and CDD
// count only in a French phrase ("en CDI", "contrat CDD") or as the value itself ("CDD de 12
// mois"): "CDI Specialist" is an American clinical-documentation role.
static INTERNSHIP_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:internship|intern|stagiaire|alternance|alternant|pr[aá]cticas|pasant[ií]a|est[aá]gio|tirocinio|praktikum|praktikant|magang|stajyer)(?-u:\b)",
    )
});
static INTERNSHIP_STRICT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)internship(?-u:\b)|(?-u:\b)intern\s+(?:role|position)(?-u:\b)|(?-u:\b)(?:offre de stage|contrat d'alternance|contrato de pr[aá]cticas|vaga de est[aá]gio|praktikumsstelle)(?-u:\b)",
    )
});
static FREELANCE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?-u:\b)freelance(?-u:\b)|(?-u:\b)freelancer(?-u:\b)"));
static CONTRACT_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)contract(?:or)?(?-u:\b)|(?-u:\b)contract[- ]to[- ]hire(?-u:\b)|(?-u:\b)fixed[- ]term(?-u:\b)|(?-u:\b)temporary(?-u:\b)|(?-u:\b)casual(?-u:\b)|(?-u:\b)locum(?-u:\b)|(?-u:\b)maternity(?: leave)? cover(?-u:\b)|(?-u:\b)secondment(?-u:\b)|(?-u:\b)1099(?-u:\b)|(?-u:\b)(?:(?:en|un|contrat)\s+cdd|int[eé]rim|temporaire|contrat [aà] dur[eé]e d[eé]termin[eé]e|contrato temporal|contrato por obra|plazo fijo|tempor[aá]rio|prazo determinado|tempo determinato|befristet|tijdelijk|vikariat|visstidsanst[aä]llning|umowa zlecenie)(?-u:\b)|^\s*cdd\s*(?:$|[-–(,;/]|de\s|à\s)",
    )
});
static CONTRACT_STRICT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)contract[- ]to[- ]hire(?-u:\b)|(?-u:\b)contract\s+(?:role|position|basis|engagement|assignment|job|opportunity|gig)(?-u:\b)|(?-u:\b)(?:\d+|three|six|nine|twelve)[- ]months?\s+contract(?-u:\b)|\(contract\)|(?-u:\b)on\s+a\s+contract(?-u:\b)|(?-u:\b)as\s+an?\s+contractor(?-u:\b)|(?-u:\b)fixed[- ]term(?-u:\b)|(?-u:\b)(?:(?:en|un|contrat)\s+cdd|contrat [aà] dur[eé]e d[eé]termin[eé]e|contrato temporal|contrato por obra|prazo determinado|tempo determinato|befristet(?:e[rn]?)? (?:stelle|vertrag|anstellung)|vikariat|visstidsanst[aä]llning)(?-u:\b)",
    )
});
static PART_TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)part[- _]?time(?-u:\b)|(?-u:\b)(?:temps partiel|tiempo parcial|medio tiempo|media jornada|meio per[ií]odo|tempo parziale|teilzeit|deeltijd|deltid|niepe[lł]ny etat|yar[iı] zamanli)(?-u:\b)|(?-u:\b)yar[iı] zamanlı",
    )
});
static FULL_TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)full[- _]?time(?-u:\b)|(?-u:\b)fulltime(?-u:\b)|(?-u:\b)permanent(?-u:\b)|(?-u:\b)(?:(?:en|un|contrat|poste en)\s+cdi|temps plein|temps complet|tiempo completo|jornada completa|tempo integral|per[ií]odo integral|tempo pieno|vollzeit|voltijd|heltid|pe[lł]ny etat|tam zamanli)(?-u:\b)|(?-u:\b)tam zamanlı|^\s*cdi\s*(?:$|[-–(,;/]|de\s|à\s)",
    )
});

/// Job type from a short, explicit source (field value, title, header
/// segment). The most specific cue wins: Internship, Freelance, Contract,
/// Part-time, Full-time.
pub(crate) fn detect_job_type_short(text: &str) -> Option<JobType> {
    job_type_by_specificity(text, &INTERNSHIP_LOOSE, &CONTRACT_LOOSE)
}

/// Job type from the whole posting, using stricter patterns so that
/// "review contracts" or "mentor an intern" do not count.
pub(crate) fn detect_job_type_text(text: &str) -> Option<JobType> {
    job_type_by_specificity(text, &INTERNSHIP_STRICT, &CONTRACT_STRICT)
}

fn job_type_by_specificity(text: &str, internship: &Regex, contract: &Regex) -> Option<JobType> {
    let ordered: [(&Regex, JobType); 5] = [
        (internship, JobType::Internship),
        (&FREELANCE, JobType::Freelance),
        (contract, JobType::Contract),
        (&PART_TIME, JobType::PartTime),
        (&FULL_TIME, JobType::FullTime),
    ];
    ordered
        .iter()
        .find(|(pattern, _)| pattern.is_match(text))
        .map(|(_, job_type)| *job_type)
}

/// Seniority from title words; the most senior cue wins
/// ("Senior Director" is Executive, "Senior Staff Engineer" is Lead).
pub(crate) fn level_from_title(title: &str) -> Option<ExperienceLevel> {
    let folded = fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let executive = folded.contains("head of")
        || folded.contains("vice president")
        || [
            "director", "vp", "chief", "cto", "ceo", "cfo", "coo", "cmo", "cpo", "ciso", "svp",
            "evp",
        ]
        .iter()
        .any(|w| has(w));
    if executive {
        return Some(ExperienceLevel::Executive);
    }
    if ["lead", "staff", "principal"].iter().any(|w| has(w)) {
        return Some(ExperienceLevel::Lead);
    }
    if has("senior") || has("sr") {
        return Some(ExperienceLevel::Senior);
    }
    if has("mid") || has("intermediate") {
        return Some(ExperienceLevel::Mid);
    }
    let entry = [
        "junior",
        "jr",
        "graduate",
        "grad",
        "intern",
        "internship",
        "trainee",
        "apprentice",
        "entry",
    ];
    entry
        .iter()
        .any(|w| has(w))
        .then_some(ExperienceLevel::Entry)
}

/// Seniority from explicit level wording ("Entry level", "Mid-Senior level").
pub(crate) fn level_from_phrase(text: &str) -> Option<ExperienceLevel> {
    let folded = fold(text);
    let phrases: [(&str, ExperienceLevel); 7] = [
        ("mid-senior", ExperienceLevel::Senior),
        ("entry-level", ExperienceLevel::Entry),
        ("entry level", ExperienceLevel::Entry),
        ("mid-level", ExperienceLevel::Mid),
        ("mid level", ExperienceLevel::Mid),
        ("senior-level", ExperienceLevel::Senior),
        ("senior level", ExperienceLevel::Senior),
    ];
    phrases
        .iter()
        .find(|(p, _)| folded.contains(p))
        .map(|(_, level)| *level)
}

/// Seniority implied by years asked: 0–2 Entry, 3–4 Mid, 5+ Senior.
pub(crate) fn level_from_years(years: u8) -> ExperienceLevel {
    match years {
        0..=2 => ExperienceLevel::Entry,
        3..=4 => ExperienceLevel::Mid,
        _ => ExperienceLevel::Senior,
    }
}

static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)(?-u:\b)",
    )
});

/// Years of experience asked for in one piece of text ("5+ years",
/// "3-5 years" → 3, "at least 4 years"); the largest figure in the text.
pub(crate) fn years_in(text: &str) -> Option<u8> {
    YEARS
        .captures_iter(text)
        .filter(|caps| {
            let end = caps.get(0).map_or(0, |m| m.end());
            let after = fold(&text[end..]);
            !after.trim_start().starts_with("old") && !after.trim_start().starts_with("ago")
        })
        .filter_map(|caps| number_word(caps.get(1)?.as_str()))
        .filter(|years| *years <= 40)
        .max()
}

/// Years of experience: the largest figure among requirement items; if
/// none, the first sentence elsewhere that mentions experience.
pub(crate) fn detect_years(requirements: &[String], other_text: &str) -> Option<u8> {
    let from_items = requirements.iter().filter_map(|item| years_in(item)).max();
    from_items.or_else(|| {
        other_text
            .split(['.', '\n', ';'])
            .filter(|sentence| fold(sentence).contains("experience"))
            .find_map(years_in)
    })
}

static URL: LazyLock<Regex> = LazyLock::new(|| regex(r#"https?://[^\s<>()"'\]\[]+"#));

/// An http(s) URL, preferring one on or right after a line mentioning
/// "apply"/"application", then job-board looking links, then the first.
pub(crate) fn detect_application_url(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut best: Option<(i32, String)> = None;
    for (index, line) in lines.iter().enumerate() {
        for found in URL.find_iter(line) {
            let url = found
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '>']);
            let score = url_score(&lines, index, line, url);
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, url.to_string()));
            }
        }
    }
    best.map(|(_, url)| url)
}

fn url_score(lines: &[&str], index: usize, line: &str, url: &str) -> i32 {
    let mentions_apply = |l: &str| {
        let folded = fold(l);
        folded.contains("apply") || folded.contains("application")
    };
    let previous = index
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .copied()
        .unwrap_or("");
    let near_apply = mentions_apply(line) || mentions_apply(previous);
    let folded_url = fold(url);
    let job_link = [
        "apply",
        "job",
        "career",
        "greenhouse",
        "lever.co",
        "workable",
        "ashby",
        "recruitee",
    ]
    .iter()
    .any(|w| folded_url.contains(w));
    3 * i32::from(near_apply) + i32::from(job_link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrangement_cues() {
        assert_eq!(
            detect_arrangement("Fully remote"),
            Some(WorkArrangement::Remote)
        );
        assert_eq!(
            detect_arrangement("remote-first team"),
            Some(WorkArrangement::Remote)
        );
        assert_eq!(
            detect_arrangement("Remote (EU time zones)"),
            Some(WorkArrangement::Remote)
        );
        assert_eq!(
            detect_arrangement("Hybrid (2 days in office)"),
            Some(WorkArrangement::Hybrid)
        );
        assert_eq!(
            detect_arrangement("On-site in Berlin"),
            Some(WorkArrangement::OnSite)
        );
        assert_eq!(
            detect_arrangement("this is an onsite role"),
            Some(WorkArrangement::OnSite)
        );
        assert_eq!(
            detect_arrangement("5 days in office"),
            Some(WorkArrangement::OnSite)
        );
        assert_eq!(
            detect_arrangement("This role is not remote. On-site."),
            Some(WorkArrangement::OnSite)
        );
        assert_eq!(
            detect_arrangement("Remote with occasional on-site visits"),
            Some(WorkArrangement::Remote)
        );
        assert_eq!(detect_arrangement("We write Rust"), None);
    }

    #[test]
    fn hybrid_day_counts() {
        assert_eq!(detect_hybrid_days("Hybrid (2 days in office)"), Some(2));
        assert_eq!(detect_hybrid_days("hybrid – 3 days in office"), Some(3));
        assert_eq!(
            detect_hybrid_days("Hybrid: in the office two days a week"),
            Some(2)
        );
        assert_eq!(
            detect_hybrid_days("We're hybrid. Expect 3 days/week on-site."),
            Some(3)
        );
        assert_eq!(detect_hybrid_days("Hybrid"), None);
    }

    #[test]
    fn job_type_cues_in_other_languages() {
        for (text, want) in [
            ("CDI", JobType::FullTime),
            ("CDD de 12 mois", JobType::Contract),
            ("Poste en CDI à temps plein", JobType::FullTime),
            ("contrat à durée déterminée", JobType::Contract),
            ("Vollzeit", JobType::FullTime),
            ("tiempo parcial", JobType::PartTime),
            ("Tam zamanlı", JobType::FullTime),
            ("Yarı zamanlı", JobType::PartTime),
            ("Stagiaire", JobType::Internship),
        ] {
            assert_eq!(detect_job_type_short(text), Some(want), "{text}");
        }
        assert_eq!(detect_job_type_short("CDI Specialist"), None);
        assert_eq!(detect_job_type_text("Our CDI team reviews charts."), None);
    }

    #[test]
    fn job_type_cues() {
        assert_eq!(detect_job_type_short("Full-time"), Some(JobType::FullTime));
        assert_eq!(detect_job_type_short("Full time"), Some(JobType::FullTime));
        assert_eq!(detect_job_type_short("Part-time"), Some(JobType::PartTime));
        assert_eq!(
            detect_job_type_short("Contract-to-hire"),
            Some(JobType::Contract)
        );
        assert_eq!(detect_job_type_short("Contract"), Some(JobType::Contract));
        assert_eq!(detect_job_type_short("Freelance"), Some(JobType::Freelance));
        assert_eq!(
            detect_job_type_short("Internship"),
            Some(JobType::Internship)
        );
        assert_eq!(
            detect_job_type_short("Marketing Intern"),
            Some(JobType::Internship)
        );
        assert_eq!(
            detect_job_type_text("You will review vendor contracts"),
            None
        );
        assert_eq!(
            detect_job_type_text("a 6-month contract, full-time hours"),
            Some(JobType::Contract)
        );
    }

    #[test]
    fn title_levels() {
        assert_eq!(
            level_from_title("Junior Data Analyst"),
            Some(ExperienceLevel::Entry)
        );
        assert_eq!(
            level_from_title("Sr. Backend Engineer"),
            Some(ExperienceLevel::Senior)
        );
        assert_eq!(
            level_from_title("Staff Engineer"),
            Some(ExperienceLevel::Lead)
        );
        assert_eq!(
            level_from_title("Head of Marketing"),
            Some(ExperienceLevel::Executive)
        );
        assert_eq!(
            level_from_title("VP Engineering"),
            Some(ExperienceLevel::Executive)
        );
        assert_eq!(level_from_title("Software Engineer"), None);
    }

    #[test]
    fn years_forms() {
        assert_eq!(years_in("5+ years of experience"), Some(5));
        assert_eq!(years_in("3-5 years in backend roles"), Some(3));
        assert_eq!(years_in("at least 4 years with Go"), Some(4));
        assert_eq!(years_in("two years of agency experience"), Some(2));
        assert_eq!(years_in("a company 10 years old"), None);
    }

    #[test]
    fn application_url_prefers_apply() {
        let text = "Visit https://acme.io for more.\nApply here: https://jobs.acme.io/123";
        assert_eq!(
            detect_application_url(text).as_deref(),
            Some("https://jobs.acme.io/123")
        );
        assert_eq!(
            detect_application_url("See https://acme.io.").as_deref(),
            Some("https://acme.io")
        );
    }
}
