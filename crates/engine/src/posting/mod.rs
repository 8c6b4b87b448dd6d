//! Parse a pasted job posting (job board, careers page, recruiter email,
//! LinkedIn, Markdown or plain text) into structured fields.
//!
//! The parser is deterministic and never invents data: the company, location
//! and salary are only filled in when the text states them.
//!
//! Pipeline: lines are classified (`lines`), the title line and metadata
//! lines under it are read (`header`), the body is split into sections and
//! items (`sections`), and attributes are detected preferring explicit
//! sources (`Key: value` fields, header segments) over the running text
//! (`attributes`, `salary`).
//!
//! Patterns here write word boundaries as `(?-u:\b)` (ASCII). A Unicode word boundary keeps
//! the regex crate's fast automaton from running on any text with a non-ASCII character, and real
//! postings nearly all have one (curly quotes, bullets, "é"); the scans then took half of the
//! parse. The two differ only beside a non-ASCII letter or digit, and the whole labelled corpus
//! parses identically either way.

pub(crate) mod attributes;
mod header;
mod lines;
mod names;
mod page_title;
mod salary;
pub mod schema_org;
mod sections;
mod text;
mod title;
#[doc(hidden)]
pub mod title_model;

pub use page_title::company_from_page_title;
pub use salary::{Salary, SalaryPeriod, parse_salary};
pub use schema_org::{SchemaNodes, decode_entities, posting_from_schema_org};
pub(crate) use text::{in_gazetteer, is_gazetteer_city, is_listed_city, is_listed_place_name};

use header::{
    Header, company_from_subject, company_from_text, header_from_title_text, location_from_text,
    read_header, title_from_text,
};
use lines::{FieldKey, Line, LineKind, classify_lines};
use regex::Regex;
use sections::collect_body;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Where the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkArrangement {
    /// Fully remote, remote-first.
    Remote,
    /// Part office, part remote.
    Hybrid,
    /// On-site / in office.
    OnSite,
}

/// The employment type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobType {
    /// Full-time or permanent.
    FullTime,
    /// Part-time.
    PartTime,
    /// Contract, fixed-term or contract-to-hire.
    Contract,
    /// Freelance.
    Freelance,
    /// Internship.
    Internship,
}

/// Seniority of the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExperienceLevel {
    /// Junior, graduate, intern, or 0–2 years asked.
    Entry,
    /// Mid-level, or 3–4 years asked.
    Mid,
    /// Senior, or 5+ years asked.
    Senior,
    /// Lead, staff or principal.
    Lead,
    /// Head of, director, VP, chief.
    Executive,
}

/// A job posting broken into fields. Optional fields are `None` when the
/// text does not state them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedPosting {
    /// Job title; `None` when no title can be found.
    pub title: Option<String>,
    /// Hiring company, only when the text names it.
    pub company: Option<String>,
    /// Location as written ("Berlin, Germany", "New York, NY", "Remote (US)").
    pub location: Option<String>,
    /// Remote, hybrid or on-site.
    pub work_arrangement: Option<WorkArrangement>,
    /// Office days per week for hybrid roles.
    pub hybrid_days: Option<u8>,
    /// Full-time, part-time, contract, freelance or internship.
    pub job_type: Option<JobType>,
    /// Seniority from title words, else years asked, else level wording.
    pub experience_level: Option<ExperienceLevel>,
    /// Minimum years of experience asked for.
    pub years_experience: Option<u8>,
    /// Pay, when stated with a currency.
    pub salary: Option<Salary>,
    /// Prose paragraphs (intro, about, role), separated by blank lines.
    pub description: String,
    /// What the person will do.
    pub responsibilities: Vec<String>,
    /// What the candidate must have.
    pub requirements: Vec<String>,
    /// Nice-to-haves.
    pub preferred: Vec<String>,
    /// Benefits and perks.
    pub benefits: Vec<String>,
    /// An http(s) URL, preferring one near "apply".
    pub application_url: Option<String>,
    /// `YYYY-MM-DD` the posting was published (structured data only).
    #[serde(default)]
    pub posted_date: Option<String>,
    /// `YYYY-MM-DD` the posting closes (structured data only).
    #[serde(default)]
    pub expires_date: Option<String>,
    /// Where the parser had to guess or leave something out, for the user to check.
    #[serde(default)]
    pub warnings: Vec<ParseWarning>,
}

/// A note on one parsed field: the parser guessed it, or left part of it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseWarning {
    /// The job field concerned (`title`, `requirements`, `salary_range`, …).
    pub field: String,
    /// What happened, in a sentence the user can act on.
    pub message: String,
}

impl ParseWarning {
    /// A warning on `field`.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        ParseWarning {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// Parses a pasted job posting. Never fails: unknown parts are `None`/empty.
pub fn parse_posting(text: &str) -> ParsedPosting {
    let normalized = text::normalize_input(text);
    let lines = classify_lines(&normalized);
    let fields = Fields::from_lines(&lines);
    let folded = text::fold(&normalized);
    let mut header = read_header(&lines, &folded);
    let body = collect_body(&lines, &header.consumed);
    merge_title_field(&fields, &mut header);

    // A "Title - X" guess gives X back to the title when a `Company:` field names the company.
    if fields.company.is_some() && header.tentative_company && !header.tentative_before_title {
        if let (Some(title), Some(previous)) = (header.title.as_mut(), header.company.take())
            && !header::is_site_name(&previous)
        {
            *title = format!("{title} - {previous}");
        }
        header.tentative_company = false;
    }
    // A "Title - X" guess (or a meta line's part after the place) is kept only when the text
    // confirms X as an organisation: a team or specialty name is never the company.
    if header.tentative_company
        && header.company.as_deref().is_some_and(|guess| {
            // "lemlist" on the company line and again in "lemlist is the …".
            let lower_case_brand = header::lower_case_brand(guess)
                && names::spoken_of_as_organisation(&normalized, guess);
            !lower_case_brand
                && !header::corroborated_company(guess, &header::stated_companies(&normalized))
        })
    {
        header::withdraw_tentative_company(&mut header);
    }
    let meta = fields.attribute_sources(&header);
    let mut warnings = Vec::new();
    // A header title with no role word in it ("Vidrovr Inc | US | Remote | Full-Time", "Our
    // Stack at Bound") gives way to a role the text names ("We're looking for a Sr. Software
    // Engineer to join Bound!").
    let title = match header.title.clone() {
        Some(found) if !text::has_role_word(&found) => title_from_text(&normalized)
            .filter(|named| text::has_role_word(named))
            .or(Some(found)),
        found => found,
    };
    // A French vacancy notice's set sentence names the post more fully than its heading
    // ("Avis de vacance d'un emploi de sous-directeur").
    let title = if title.as_deref().is_none_or(header::is_notice_heading) {
        header::official_notice_role(&normalized).or(title)
    } else {
        title
    };
    let title = title
        .or_else(|| header::title_from_role_list(&lines))
        // "- Lead Engineer: https://jobs.lever.co/…": a role listed with its link.
        .or_else(|| header::role_with_link(&lines))
        .or_else(|| title_from_text(&normalized))
        .or_else(|| {
            // A short line naming a role is the likeliest title; failing that, the role the
            // text keeps naming; failing that, the first short line.
            let line = header::best_title_candidate(&lines);
            let guess = match line {
                Some(line) if text::has_role_word(&line) => line,
                line => header::repeated_role_phrase(&normalized).or(line)?,
            };
            warnings.push(ParseWarning::new(
                "title",
                format!(
                    "no job title line was recognised; \"{guess}\" was taken as the title: check it"
                ),
            ));
            Some(guess)
        });
    if header.title.is_none()
        && let Some(title) = &title
    {
        header::read_lines_under(&lines, title, &mut header);
    }
    let work_arrangement = first_some(&meta, attributes::detect_arrangement)
        .or_else(|| attributes::detect_arrangement(&normalized));
    let hybrid_days = (work_arrangement == Some(WorkArrangement::Hybrid))
        .then(|| {
            first_some(&meta, attributes::detect_hybrid_days)
                .or_else(|| attributes::detect_hybrid_days(&normalized))
        })
        .flatten();
    let years_context = format!("{}\n{}", body.description, meta.join("\n"));
    let years_experience = attributes::detect_years(&body.requirements, &years_context);

    // "22/10/2025" on a stacked line is a date, never a place.
    let a_place = |place: &String| !names_no_place(place);
    let location = fields
        .location
        .clone()
        .filter(a_place)
        .or_else(|| header.location.clone().filter(a_place))
        .or_else(|| location_from_text(&normalized).filter(a_place))
        .or_else(|| header::place_line_near_top(&lines).filter(a_place));
    // "Enterprise Account Executive | DACH" over a "Munich" line, "Jobs in Germany" over
    // "• Berlin": a market region or a country gives way to the narrower place a line near the
    // top names.
    let location = match location {
        Some(found) if text::is_broad_place(&found) => header::place_line_near_top(&lines)
            .filter(|line| !text::is_broad_place(line) && text::fold(line) != text::fold(&found))
            // "Customer Success Manager, APAC" over "Remote (Australia)".
            .or_else(|| {
                text::is_world_region(&found)
                    .then(|| header::remote_region_near_top(&lines))
                    .flatten()
            })
            .or(Some(found)),
        other => other,
    };
    // Nothing states where the work is: the city the text names most is likelier than no place,
    // and the user is told to check it. Not for a remote job ("founders met in Lisbon"), and
    // the guess never decides which dollar the pay is in.
    let stated_location = location.clone();
    let location = location.or_else(|| {
        if work_arrangement == Some(WorkArrangement::Remote) {
            return None;
        }
        let city = header::city_named_most(&normalized)?;
        warnings.push(ParseWarning::new(
            "location",
            format!(
                "no place of work was stated; \"{city}\", the city the posting names, was taken: check it"
            ),
        ));
        Some(city)
    });
    let title = title
        .map(|title| without_place_suffix(title, location.as_deref()))
        .map(|title| without_page_name_suffix(title, &lines));
    // Which money a bare "$" is, decided before the pay is read, so that a period the posting
    // leaves unstated is the one that money is quoted per.
    let dollar = local_dollar(stated_location.as_deref(), &normalized, &folded);
    let read_pay = |text: &str| salary::parse_salary_in(text, dollar);
    let salary = first_some(&meta, read_pay)
        .or_else(|| read_pay(&normalized))
        .map(|salary| local_rupees(salary, &folded))
        .map(|salary| local_kroner(salary, &folded))
        .or_else(|| header_thousands(&normalized, stated_location.as_deref(), dollar));
    // A recruitment agency writing for a client it does not name: the agency is not the
    // employer, so only a labelled `Company:` field names one.
    let stock_phrase = header::recruiting_to_fill(&normalized);
    // "Build the Team That Builds the Future" under the title, "At BJAK, we believe …" in the
    // text: a slogan or greeting line the text never names again loses to the name the text
    // states.
    let stated = std::cell::OnceCell::new();
    let stated = || {
        stated
            .get_or_init(|| company_from_text(&normalized))
            .clone()
    };
    let corroborated = |line: &str| {
        let key = text::fold(line);
        !names::slogan_like(line)
            || stated().as_deref().is_none_or(|stated| {
                let stated = text::fold(stated);
                stated.contains(&key) || key.contains(&stated)
            })
            || text::whole_word_count(&folded, &key) >= 2
    };
    let read_company = || {
        header::company_from_logo(&lines)
            .or_else(|| {
                // A line under the title that only restates the title ("Clinical Nurse – Non-
                // Operating Room Recovery Unit") or is a date or an address is not a name.
                header.company.clone().filter(|c| {
                    !header::not_a_name(c)
                        && !restates_title(c, title.as_deref())
                        && corroborated(c)
                })
            })
            .or_else(|| header::official_notice_employer(&normalized))
            .or_else(|| body.about_company.clone())
            .or_else(stated)
            .or_else(|| {
                body.about_paragraph
                    .as_deref()
                    .and_then(company_from_subject)
            })
            .or_else(|| {
                // The opening paragraphs: "Saint Peter's is among the few hospitals …" may
                // follow a short unit or site line.
                body.description
                    .split("\n\n")
                    .take(6)
                    .find_map(company_from_subject)
            })
            .or_else(|| {
                (!stock_phrase)
                    .then(|| header::company_from_organisation_name(&normalized))
                    .flatten()
            })
            .or_else(|| {
                (!stock_phrase)
                    .then(|| names::repeated_name(&normalized, title.as_deref()))
                    .flatten()
            })
            .or_else(|| {
                (!stock_phrase)
                    .then(|| header::company_from_possessive(&normalized))
                    .flatten()
            })
            // "Plainfield Food Co-op Store Manager": the organisation in front of the role
            // (tidy_title then takes it off the title).
            .or_else(|| {
                (!stock_phrase)
                    .then(|| title.as_deref().and_then(header::organisation_before_role))
                    .flatten()
            })
    };
    // A labelled employer that is only an address or a date names nobody.
    // "Company: Jobgether (on behalf of a partner company)": a platform writing for an
    // employer it does not name; "Acme Staffing on behalf of Globex Ltd" names the employer.
    let labelled_company = fields
        .company
        .clone()
        .filter(|c| !header::not_a_name(c))
        .and_then(|c| match c.find("on behalf of ") {
            Some(at) => {
                let client = c[at + "on behalf of ".len()..].trim_end_matches(')').trim();
                header::plausible_company(client).then(|| client.to_string())
            }
            None => Some(c),
        });
    let labelled = labelled_company.is_some();
    let company = labelled_company.or_else(|| {
        if header::for_unnamed_client(&normalized)
            || (stock_phrase && header::presents_recruiter(&normalized))
        {
            None
        } else {
            // A short name the text also writes in full ("Demos" and "Demos Project") is
            // given in full; a labelled field is taken as written.
            read_company().map(|name| names::fuller_name(name, &normalized))
        }
    });
    // "A Regional Queensland Council is seeking …": a name the text itself introduces with
    // "a" describes an employer it does not name, unless a label names it ("Company Name
    // Government Post Graduate College" over "… offered in a Government Post Graduate College").
    let company = company
        .filter(|name| {
            (labelled && header::plausible_company(name)) || !described_not_named(name, &folded)
        })
        .map(|name| expand_acronym(name, &normalized));
    let tidied = title
        .clone()
        .map(|title| title::tidy_title(title, company.as_deref(), location.as_deref()));
    ParsedPosting {
        company,
        location,
        work_arrangement,
        hybrid_days,
        // The contract and level words the tidy pass takes off the title still count.
        job_type: detect_job_type(&meta, title.as_deref(), &normalized),
        experience_level: detect_level(title.as_deref(), years_experience, &meta, &normalized),
        years_experience,
        salary,
        description: body.description,
        responsibilities: body.responsibilities,
        requirements: body.requirements,
        preferred: body.preferred,
        benefits: body.benefits,
        application_url: attributes::detect_application_url(&normalized),
        title: tidied,
        posted_date: None,
        expires_date: None,
        warnings,
    }
}

/// `Key: value` fields found anywhere in the posting.
#[derive(Debug, Default)]
struct Fields {
    title: Option<String>,
    /// How many text lines come before the first `Title:` field.
    title_position: usize,
    company: Option<String>,
    location: Option<String>,
    /// Values of arrangement/type/salary/level fields, in order.
    attributes: Vec<String>,
}

impl Fields {
    fn from_lines(lines: &[Line]) -> Self {
        let mut fields = Fields::default();
        let mut position = 0;
        for line in lines {
            if line.kind != LineKind::Blank {
                position += 1;
            }
            let LineKind::Field { key, value } = &line.kind else {
                continue;
            };
            match key {
                FieldKey::Title => {
                    // "Role: You'll own the whole marketplace UX and …": a paragraph about the
                    // role, not its name.
                    let paragraph = text::word_count(value) > 12
                        || (text::word_count(value) > 6 && text::ends_like_sentence(value));
                    if fields.title.is_none() && !paragraph {
                        fields.title = Some(value.clone());
                        fields.title_position = position - 1;
                    }
                }
                FieldKey::Company => {
                    // "Company: Anterior builds AI for healthcare administration. …": a label
                    // over a paragraph names the company as its subject.
                    let paragraph = text::word_count(value) > 8
                        && (value.contains(". ") || text::ends_like_sentence(value));
                    let name = if paragraph {
                        header::company_from_subject(value)
                    } else {
                        Some(value.clone())
                    };
                    if let Some(name) = name {
                        fields.company.get_or_insert(name);
                    }
                }
                FieldKey::Location => {
                    // "Location: This is a remote position requiring …": a sentence under the
                    // label states the arrangement (kept for it) and at most names a place.
                    let sentence = text::word_count(value) > 8 && text::ends_like_sentence(value);
                    let place = if sentence {
                        header::location_from_text(value)
                    } else {
                        Some(location_value(value))
                    };
                    if let Some(place) = place {
                        fields.location.get_or_insert(place);
                    }
                    fields.attributes.push(value.clone());
                }
                FieldKey::Attribute => fields.attributes.push(value.clone()),
                FieldKey::Apply | FieldKey::Other => {}
            }
        }
        fields
    }

    /// Explicit sources for attributes, most explicit first: field values,
    /// then header segments.
    fn attribute_sources(&self, header: &Header) -> Vec<String> {
        self.attributes
            .iter()
            .chain(&header.meta)
            .cloned()
            .collect()
    }
}

/// A Canadian postal code ("R8A 1V9", "T2Z 4A2"), after a province code or a comma, written
/// in either case.
static CANADIAN_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:on|bc|ab|qc|mb|sk|ns|nb|nl|pe|yt|nt|nu)[ ]?|,[ ]?)[abceghj-nprstvxy]\d[a-z][ ]?\d[a-z]\d(?-u:\b)")
        .expect("postcode regex is valid")
});

/// An Australian state and postcode ("NSW 2170", "Vic 3268").
static AUSTRALIAN_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:NSW|VIC|Vic|QLD|Qld|WA|TAS|Tas|NT)[ ,]+[0-9]\d{3}(?-u:\b)")
        .expect("postcode regex is valid")
});

/// Canadian cities, in a stated place or anywhere in the text, mean Canadian dollars.
const CANADIAN_CITIES: &[&str] = &[
    "toronto",
    "vancouver",
    "montreal",
    "montréal",
    "calgary",
    "ottawa",
    "edmonton",
    "winnipeg",
];

/// The money a bare "$" is: the local one where the posting is in Canada, Australia, New
/// Zealand, Singapore, Hong Kong, Jamaica or a peso or real country (Chile, Colombia,
/// Argentina, Mexico, Brazil, Uruguay, the Dominican Republic), US dollars otherwise or when the
/// text says US dollars.
fn local_dollar(location: Option<&str>, text: &str, folded: &str) -> &'static str {
    if folded.contains("usd") || folded.contains("us$") || folded.contains("us dollar") {
        return "USD";
    }
    // "Flin Flon, MB R8A 1V9", "Strathpine QLD 4500": a Canadian postal code or an Australian
    // state with its postcode says which dollar, in the place or anywhere in the text.
    for place in [location.unwrap_or(""), text] {
        if CANADIAN_POSTCODE.is_match(place) {
            return "CAD";
        }
        if AUSTRALIAN_POSTCODE.is_match(place) {
            return "AUD";
        }
    }
    let Some(location) = location else {
        return dollars_from_text(folded);
    };
    const REGIONS: &[(&str, &[&str])] = &[
        (
            "CAD",
            &[
                "canada",
                "ontario",
                "british columbia",
                "alberta",
                "quebec",
                "québec",
                "manitoba",
                "saskatchewan",
                "nova scotia",
                "new brunswick",
            ],
        ),
        (
            "AUD",
            &[
                "australia",
                "new south wales",
                "queensland",
                "nsw",
                "vic",
                "qld",
                "sydney",
                "melbourne",
                "brisbane",
                "perth",
                "adelaide",
                "canberra",
                "tas",
                "tasmania",
                "northern territory",
                "western australia",
                "south australia",
            ],
        ),
        (
            "NZD",
            &["new zealand", "auckland", "wellington", "christchurch"],
        ),
        ("SGD", &["singapore"]),
        ("HKD", &["hong kong"]),
        // The peso and real countries, where "$" is the local money.
        ("CLP", &["chile", "santiago de chile"]),
        (
            "COP",
            &["colombia", "bogotá", "bogota", "medellín", "medellin"],
        ),
        ("ARS", &["argentina", "buenos aires"]),
        (
            "MXN",
            &[
                "mexico",
                "méxico",
                "cdmx",
                "ciudad de méxico",
                "mexico city",
            ],
        ),
        ("BRL", &["brazil", "brasil", "são paulo", "rio de janeiro"]),
        ("UYU", &["uruguay", "montevideo"]),
        (
            "DOP",
            &[
                "república dominicana",
                "dominican republic",
                "santo domingo",
            ],
        ),
        ("JMD", &["jamaica"]),
    ];
    // The parts, and a city written with its Australian or Canadian state's code and no comma
    // ("Brisbane QLD"; "Melbourne FL" stays one part).
    let mut parts: Vec<String> = Vec::new();
    for part in location.split([',', '(', ')', ';', '|']).map(str::trim) {
        parts.push(text::fold(part));
        if let Some((city, code)) = part.rsplit_once(' ')
            && [
                "QLD", "NSW", "VIC", "TAS", "ACT", "ON", "BC", "AB", "QC", "MB", "SK", "NS", "NB",
                "NL", "PE",
            ]
            .contains(&code)
        {
            parts.push(text::fold(city));
            parts.push(text::fold(code));
        }
    }
    // "Ballarat", "Kingston", "Puente Alto, Santiago": a town the generated gazetteer places in one
    // dollar country; not where the place is written the US way ("Victoria, MN").
    let by_town = || {
        if in_the_us(location) {
            return None;
        }
        parts.iter().find_map(|part| {
            let code = match text::place_country(part)? {
                "CA" => "CAD",
                "AU" => "AUD",
                "NZ" => "NZD",
                "SG" => "SGD",
                "HK" => "HKD",
                "JM" => "JMD",
                "CL" => "CLP",
                "CO" => "COP",
                "AR" => "ARS",
                "MX" => "MXN",
                "UY" => "UYU",
                "DO" => "DOP",
                "TT" => "TTD",
                "FJ" => "FJD",
                _ => return None,
            };
            Some(code)
        })
    };
    let found = REGIONS.iter().find(|(code, names)| {
        parts.iter().any(|p| {
            names.contains(&p.as_str()) || (*code == "CAD" && CANADIAN_CITIES.contains(&p.as_str()))
        }) || (names.contains(&"canada")
            && location.split(',').skip(1).any(|p| {
                ["ON", "BC", "AB", "QC", "MB", "SK", "NS", "NB", "NL", "PE"].contains(&p.trim())
            }))
    });
    match found {
        Some((code, _)) => code,
        // The text's words first: a town's name is weaker evidence than "superannuation".
        None => dollars_signalled(folded).or_else(by_town).unwrap_or("USD"),
    }
}

/// "Carebrain | Founding Engineer | San Francisco | 150-180k salary": a one-line header's pay in
/// thousands with no currency written. The currency is the one sign the text uses elsewhere
/// ("$1.4M in ARR"), or, with none, US dollars where the place is in the US or not stated; pay
/// in a European or other place with no sign stays unread.
fn header_thousands(text: &str, location: Option<&str>, dollar: &'static str) -> Option<Salary> {
    let header = text.lines().find(|line| !line.trim().is_empty())?;
    if header.matches('|').count() < 2 {
        return None;
    }
    let (min, max) = header.split('|').skip(1).find_map(salary::bare_thousands)?;
    let signs: Vec<&str> = ["$", "€", "£", "₹"]
        .into_iter()
        .filter(|sign| text.contains(sign))
        .map(|sign| salary::marker_code(sign, dollar))
        .collect();
    let currency = match signs.as_slice() {
        [code] => *code,
        [] if location.is_none_or(in_the_us) => dollar,
        _ => return None,
    };
    Some(Salary {
        min: Some(min),
        max: Some(max),
        currency: currency.to_string(),
        period: SalaryPeriod::Year,
    })
}

/// "San Francisco, CA", "NYC", "Remote (US)": a place written the US way.
fn in_the_us(location: &str) -> bool {
    let folded = text::fold(location);
    location
        .split([',', '(', ')', '/'])
        .map(str::trim)
        .any(|part| {
            text::is_us_state_code(part.split_whitespace().next().unwrap_or(""))
                && part.split_whitespace().count() <= 2
        })
        || [
            "us",
            "usa",
            "united states",
            "nyc",
            "sf",
            "sf bay area",
            "bay area",
            "new york",
            "san francisco",
        ]
        .iter()
        .any(|name| {
            folded
                .split([',', '(', ')', '/', '|'])
                .any(|part| part.trim() == *name)
        })
}

/// "Rs." and lakhs are read as Indian rupees unless the text names exactly one other rupee
/// country (Sri Lanka, Pakistan, Nepal, Mauritius) and nothing Indian (`₹`, INR, LPA, India):
/// Pakistan counts pay in lakhs too.
fn local_rupees(salary: Salary, folded: &str) -> Salary {
    let indian = ["₹", "inr", "lpa", "india"]
        .iter()
        .any(|w| folded.contains(w));
    if indian {
        return salary;
    }
    const SIGNALS: &[(&str, &[&str])] = &[
        ("LKR", &["sri lanka", "colombo"]),
        (
            "PKR",
            &[
                "pakistan",
                "lahore",
                "karachi",
                "islamabad",
                "rawalpindi",
                "peshawar",
            ],
        ),
        ("NPR", &["nepal", "kathmandu"]),
        ("MUR", &["mauritius"]),
    ];
    relabelled(salary, "INR", SIGNALS, folded)
}

/// "kr" is read as Swedish kronor unless the text names no SEK and exactly one other krone
/// country (Norway, Denmark, Iceland) by its name, its capital or its web domain.
fn local_kroner(salary: Salary, folded: &str) -> Salary {
    // "sek" as a word: the Norwegian "seks" (six) and "sekretær" are no code.
    if text::whole_word_count(folded, "sek") > 0 {
        return salary;
    }
    // Countries, capitals and domains; not the languages, which postings list together ("norsk,
    // svensk eller dansk").
    const SIGNALS: &[(&str, &[&str])] = &[
        (
            "NOK",
            &["norge", "norway", "oslo", "bergen", "trondheim", ".no/"],
        ),
        (
            "DKK",
            &[
                "danmark",
                "denmark",
                "københavn",
                "kobenhavn",
                "copenhagen",
                "aarhus",
                ".dk/",
            ],
        ),
        (
            "ISK",
            &["ísland", "iceland", "reykjavík", "reykjavik", ".is/"],
        ),
        (
            "SEK",
            &[
                "sverige",
                "sweden",
                "stockholm",
                "göteborg",
                "malmö",
                ".se/",
            ],
        ),
    ];
    relabelled(salary, "SEK", SIGNALS, folded)
}

/// A salary read in `shared` (a sign several countries use: "Rs.", "kr") in the one country's
/// money whose words the text uses, if exactly one country's do.
fn relabelled(
    mut salary: Salary,
    shared: &str,
    signals: &[(&'static str, &[&str])],
    folded: &str,
) -> Salary {
    if salary.currency == shared
        && let Some(code) = only_signalled(signals, folded)
    {
        salary.currency = code.to_string();
    }
    salary
}

/// The one currency whose words the (folded) text uses, when exactly one currency's do.
fn only_signalled(signals: &[(&'static str, &[&str])], folded: &str) -> Option<&'static str> {
    let mut found = signals
        .iter()
        .filter(|(_, words)| words.iter().any(|w| folded.contains(w)))
        .map(|(code, _)| *code);
    let first = found.next()?;
    // A currency may have several word lists; only another currency's words spoil it.
    found.all(|code| code == first).then_some(first)
}

/// The local dollar when no stated place decides it: words only one dollar country uses
/// ("superannuation", "KiwiSaver", an address under `.gov.au`), when exactly one country's
/// words appear.
fn dollars_from_text(folded: &str) -> &'static str {
    dollars_signalled(folded).unwrap_or("USD")
}

/// The dollar the text's words point to, if exactly one country's words appear.
fn dollars_signalled(folded: &str) -> Option<&'static str> {
    // Only words a posting for another country would not use: "US or Canada" and "remote in
    // Australia" say where applicants may live, not which dollar is paid.
    // US words are listed too: a US posting that also names another country stays in USD.
    const SIGNALS: &[(&str, &[&str])] = &[
        (
            "AUD",
            &[
                "superannuation",
                ".com.au",
                ".gov.au",
                ".org.au",
                ".edu.au",
                "new south wales",
                "queensland",
                "western australia",
                "tasmania",
                "australian government",
                "australian antarctic",
                // "$79,563pa + super", "Strathpine, Qld", "Shire Council".
                "+ super",
                "+super",
                "plus super",
                // "+ 9.5% super", "plus 11.5% superannuation".
                "% super ",
                "% super,",
                "% super.",
                "% super\n",
                " qld ",
                " qld,",
                " nsw ",
                " nsw,",
                "shire council",
            ],
        ),
        ("NZD", &["kiwisaver", ".co.nz", ".govt.nz", "new zealand"]),
        (
            "CAD",
            &[
                "british columbia",
                "ontario",
                "alberta",
                "saskatchewan",
                "manitoba",
                "nova scotia",
                "new brunswick",
                "newfoundland",
                ".gc.ca",
                "canadian",
            ],
        ),
        ("JMD", &["jamaica"]),
        ("HKD", &["hong kong"]),
        ("SGD", &["singapore"]),
        ("USD", &["united states", "u.s.", ", usa", "401(k)", "401k"]),
    ];
    let signals: Vec<(&'static str, &[&str])> = SIGNALS
        .iter()
        .copied()
        .chain([("CAD", CANADIAN_CITIES)])
        .collect();
    only_signalled(&signals, folded)
}

/// "Worldwide", "One location", "On-site", "Medewerker Terugvordering": what stands where a place
/// goes but names none (an applicant's range, a board's placeholder, the arrangement, the role
/// itself).
fn names_no_place(value: &str) -> bool {
    let folded = text::fold(value.trim().trim_end_matches(['.', ',', ';']));
    let placeholder = matches!(
        folded.as_str(),
        "worldwide"
            | "anywhere"
            | "global"
            | "globally"
            | "fully remote"
            | "one location"
            | "tbd"
            | "tba"
            | "n/a"
            // "WORK LOCATION: On-site (Hybrid may be reviewed …)": the arrangement, no place.
            | "on-site"
            | "onsite"
            | "on site"
            | "in office"
            | "in-office"
            | "in person"
            | "in-person"
            | "hybrid"
    );
    let known_place = value
        .split([',', '(', ')', ';', '/', '|', '-'])
        .any(|part| text::is_known_place(&text::fold(part.trim())));
    // "IT - Technical Support C26086, Warwick": a department and a site, kept; "Cook County",
    // "Mason City": a role noun in a place's name.
    let place_kind = text::has_place_kind_word(value);
    // "2026-03-10 23:59:00" under a "Job Location:" label: a date, in a table whose values
    // slipped a row.
    let no_letters = value.chars().filter(|c| c.is_alphabetic()).count() < 2;
    placeholder
        || no_letters
        || (text::has_role_word(value) && !value.contains(',') && !known_place && !place_kind)
}

/// "Berlin, Germany (Hybrid)" → "Berlin, Germany"; other values verbatim.
fn location_value(value: &str) -> String {
    let trimmed = value.trim();
    let Some(open) = trimmed.rfind('(') else {
        return trimmed.to_string();
    };
    let inner = trimmed[open..].trim_matches(['(', ')']);
    let is_attribute = attributes::detect_arrangement(inner).is_some()
        || attributes::detect_job_type_short(inner).is_some();
    let head = trimmed[..open].trim();
    if trimmed.ends_with(')') && is_attribute && !head.is_empty() && text::fold(head) != "remote" {
        head.to_string()
    } else {
        trimmed.to_string()
    }
}

/// "Manager, Product, Bal Harbour" with the location "Bal Harbour, FL": the title without the
/// place it ends in, after a comma or a dash, when that place is where the job is.
fn without_place_suffix(title: String, location: Option<&str>) -> String {
    let Some(city) = location
        .and_then(|l| l.split([',', '(', ';', '/']).next())
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return title;
    };
    for separator in [", ", " - ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && text::fold(tail.trim()) == text::fold(city)
            && text::has_role_word(head)
        {
            return head.trim().to_string();
        }
    }
    title
}

/// "Postdoctoral Research Associate - Tenders Global" above a line that reads "Postdoctoral
/// Research Associate": a page's own title, the role and the site's name, over the role's
/// heading. The role is the heading's.
fn without_page_name_suffix(title: String, lines: &[Line]) -> String {
    for separator in [" - ", " – ", " — ", " | "] {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        let head_key = text::fold(head.trim());
        let restated = lines
            .iter()
            .filter(|line| line.kind != LineKind::Blank)
            .take(15)
            .any(|line| text::fold(line.raw.trim()) == head_key);
        if restated && !text::has_role_word(tail) && text::has_role_word(head) {
            return head.trim().to_string();
        }
    }
    title
}

/// "TPL" when the text defines it, "Toronto Public Library (TPL)": the name in full. Only an
/// all-capitals short name, and only the capitalised words just before "(TPL)" whose initials
/// spell it (with "of", "and", "for", "the", "&" between them).
fn expand_acronym(name: String, text: &str) -> String {
    let letters: Vec<char> = name.chars().collect();
    if !(2..=6).contains(&letters.len()) || !letters.iter().all(char::is_ascii_uppercase) {
        return name;
    }
    let marker = format!("({name})");
    for (at, _) in text.match_indices(&marker) {
        let mut taken: Vec<&str> = Vec::new();
        // Each word's initial, or all of an upper-case word's letters ("BC Museums
        // Association (BCMA)"), read from the end.
        let mut initials: Vec<char> = Vec::new();
        for word in text[..at].split_whitespace().rev() {
            if initials.len() >= letters.len() {
                break;
            }
            // "Institute for Human Rights and Development in Africa (IHRDA)".
            if matches!(
                word,
                "of" | "and" | "for" | "the" | "&" | "in" | "on" | "de" | "du" | "des" | "la"
            ) && !initials.is_empty()
            {
                taken.push(word);
                continue;
            }
            if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
                break;
            }
            // "BC" gives two letters; "AUTHORITY" in "KENYA REVENUE AUTHORITY (KRA)" gives one.
            let capitals =
                (2..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase());
            if capitals {
                initials.extend(word.chars().rev());
            } else {
                initials.extend(word.chars().next());
            }
            taken.push(word);
        }
        initials.reverse();
        taken.reverse();
        if initials == letters {
            return taken.join(" ");
        }
    }
    name
}

/// Whether the (folded) text introduces `name`, a name ending in a kind of organisation
/// ("Regional Queensland Council", "Leading Private Hospital"), with an indefinite article.
fn described_not_named(name: &str, folded: &str) -> bool {
    const KINDS: &[&str] = &[
        "council",
        "hospital",
        "school",
        "college",
        "university",
        "bank",
        "agency",
        "firm",
        "company",
        "practice",
        "clinic",
        "charity",
        "trust",
        "group",
        "organisation",
        "organization",
    ];
    let folded_name = text::fold(name);
    let kind = folded_name
        .split_whitespace()
        .last()
        .is_some_and(|w| KINDS.contains(&w));
    if !kind || text::word_count(name) < 2 {
        return false;
    }
    [" a ", " an ", "\na ", "\nan "]
        .iter()
        .any(|article| folded.contains(&format!("{article}{folded_name}")))
        || folded.starts_with(&format!("a {folded_name}"))
        || folded.starts_with(&format!("an {folded_name}"))
}

/// Whether every word of `text` (of three letters or more) is a word of the title.
fn restates_title(text: &str, title: Option<&str>) -> bool {
    let Some(title) = title else {
        return false;
    };
    let title_words: Vec<String> = text::fold(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_string)
        .collect();
    let folded = text::fold(text);
    let mut words = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .peekable();
    words.peek().is_some() && words.all(|w| title_words.iter().any(|t| t == w))
}

/// Uses a `Title:` field when the header did not yield a title, taking
/// company/location/attributes from it as well.
fn merge_title_field(fields: &Fields, header: &mut Header) {
    // "Image with the words Assistant Laboratory Technician Vacancy" over "POSITION TITLE:
    // Assistant Laboratory Technician": the labelled title is the same role, without the
    // page's wrapping.
    if let (Some(found), Some(field)) = (header.title.as_mut(), &fields.title) {
        let field = text::collapse_ws(field);
        // "Senior Physiotherapist" read from "Job Title: Senior Physiotherapist – Practice
        // Tutor in MSK", "Mathematics Teacher" from "Mathematics Teacher (Primary School)": a
        // labelled title is the whole role; only a part that states a detail (a place, the
        // contract, a grade, the employer) is not.
        if let Some(qualifier) = field
            .strip_prefix(found.as_str())
            .and_then(|rest| header::role_qualifier(rest, header.company.as_deref()))
        {
            // A guess split off the role at a dash is part of the labelled role now, or else
            // stays a guess at the company that never goes back into the title.
            let (qualifier, guess) = (
                text::fold(qualifier),
                header
                    .company
                    .as_deref()
                    .map(text::fold)
                    .unwrap_or_default(),
            );
            if header.tentative_company
                && !guess.is_empty()
                && (qualifier.contains(&guess) || guess.contains(&qualifier))
            {
                header.company = None;
                header.tentative_company = false;
            }
            header.tentative_after_dash = false;
            *found = field;
            return;
        }
        let (found_folded, field_folded) = (text::fold(found), text::fold(&field));
        if field_folded.len() >= 4
            && found_folded.len() > field_folded.len()
            && found_folded.contains(&field_folded)
        {
            *found = field;
            return;
        }
        // "Inter Aide Malawi" over "POSITION: District project officer": a first line that
        // shares no word with the labelled role is the page's heading, not the title.
        let shared = found_folded
            .split_whitespace()
            .any(|w| w.len() > 2 && field_folded.split_whitespace().any(|f| f == w));
        if !shared && fields.title_position < 6 && text::has_role_word(&field) {
            let parsed = header_from_title_text(&field);
            if let Some(title) = parsed.title {
                *found = title;
            }
        }
        return;
    }
    if header.title.is_some() {
        return;
    }
    let Some(title) = &fields.title else {
        return;
    };
    let parsed = header_from_title_text(title);
    header.title = parsed.title;
    if header.company.is_none() {
        header.company = parsed.company;
    }
    if header.location.is_none() {
        header.location = parsed.location;
    }
    header.meta.extend(parsed.meta);
}

fn first_some<T>(sources: &[String], detect: impl Fn(&str) -> Option<T>) -> Option<T> {
    sources.iter().find_map(|source| detect(source))
}

fn detect_job_type(meta: &[String], title: Option<&str>, text: &str) -> Option<JobType> {
    first_some(meta, attributes::detect_job_type_short)
        .or_else(|| title.and_then(attributes::detect_job_type_short))
        .or_else(|| attributes::detect_job_type_text(text))
}

fn detect_level(
    title: Option<&str>,
    years: Option<u8>,
    meta: &[String],
    text: &str,
) -> Option<ExperienceLevel> {
    title
        .and_then(attributes::level_from_title)
        .or_else(|| years.map(attributes::level_from_years))
        .or_else(|| first_some(meta, attributes::level_from_phrase))
        .or_else(|| attributes::level_from_phrase(text))
}

#[cfg(test)]
mod tests {
    use super::{expand_acronym, parse_posting};

    #[test]
    fn a_french_vacancy_notice_names_its_post_and_employer_in_set_sentences() {
        let notice = "Avis de vacance d'un emploi de sous-directeur\n\
                      JO du 15 février 2020\n\n\
                      Un emploi de sous-directeur est susceptible d'être prochainement vacant \
                      au ministère de la culture. Le titulaire de cet emploi exerce les \
                      fonctions de sous-directeur des archives et du patrimoine. Cet emploi \
                      est localisé à Paris.\n";
        let parsed = parse_posting(notice);
        assert_eq!(
            parsed.title.as_deref(),
            Some("Sous-directeur des archives et du patrimoine")
        );
        assert_eq!(parsed.company.as_deref(), Some("Ministère de la culture"));
        let dated = "JORF n°0001 du 2 janvier 2025\n\n\
                     Un emploi d'expert de haut niveau sera vacant à compter du 1er mars 2025 \
                     à la direction du budget, direction d'administration centrale. Le \
                     titulaire de l'emploi exercera en tant qu'adjoint au chef de service \
                     auprès du directeur.\n";
        let parsed = parse_posting(dated);
        assert_eq!(parsed.title.as_deref(), Some("Adjoint au chef de service"));
        assert_eq!(parsed.company.as_deref(), Some("Direction du budget"));
        // A ministry's name goes on past a comma; a clause after the post comes off; the set
        // sentence may be wrapped.
        let wrapped = "Avis de vacance d'un emploi de sous-directeur\n\n\
                       Un emploi de sous-directeur est vacant au ministère du travail, de la \
                       santé et des solidarités. Le titulaire de l'emploi\nexercera les \
                       fonctions de sous-directeur des achats, placé sous l'autorité du \
                       directeur.\n";
        let parsed = parse_posting(wrapped);
        assert_eq!(parsed.title.as_deref(), Some("Sous-directeur des achats"));
        assert_eq!(
            parsed.company.as_deref(),
            Some("Ministère du travail, de la santé et des solidarités")
        );
        // A posting's own title line is not replaced.
        let titled = "Chef de projet\nLe titulaire de l'emploi exercera les fonctions de chef \
                      de projet numérique.\n";
        assert_eq!(
            parse_posting(titled).title.as_deref(),
            Some("Chef de projet")
        );
    }

    #[test]
    fn acronyms_are_expanded_from_the_name_before_them() {
        let text = "The Institute for Human Rights and Development in Africa (IHRDA) seeks a \
                    lawyer. The BC Museums Association (BCMA) office is in Victoria.";
        assert_eq!(
            expand_acronym("IHRDA".into(), text),
            "Institute for Human Rights and Development in Africa"
        );
        assert_eq!(
            expand_acronym("BCMA".into(), text),
            "BC Museums Association"
        );
        assert_eq!(expand_acronym("WFP".into(), text), "WFP");
        assert_eq!(
            expand_acronym(
                "KRA".into(),
                "The KENYA REVENUE AUTHORITY (KRA) invites applications"
            ),
            "KENYA REVENUE AUTHORITY"
        );
    }

    #[test]
    fn patterns_use_ascii_word_boundaries() {
        // See the module documentation: a Unicode word boundary slows every scan of real text.
        let unicode_boundary = ["\\", "b"].concat();
        for (name, source) in [
            ("mod.rs", include_str!("mod.rs")),
            ("attributes.rs", include_str!("attributes.rs")),
            ("header/mod.rs", include_str!("header/mod.rs")),
            (
                "header/company_names.rs",
                include_str!("header/company_names.rs"),
            ),
            (
                "header/prose_company.rs",
                include_str!("header/prose_company.rs"),
            ),
            (
                "header/prose_place.rs",
                include_str!("header/prose_place.rs"),
            ),
            (
                "header/prose_title.rs",
                include_str!("header/prose_title.rs"),
            ),
            ("header/pipe.rs", include_str!("header/pipe.rs")),
            ("header/segments.rs", include_str!("header/segments.rs")),
            ("header/meta_lines.rs", include_str!("header/meta_lines.rs")),
            ("lines.rs", include_str!("lines.rs")),
            ("names.rs", include_str!("names.rs")),
            ("salary.rs", include_str!("salary.rs")),
            ("sections.rs", include_str!("sections.rs")),
            ("text.rs", include_str!("text.rs")),
            ("title.rs", include_str!("title.rs")),
            ("title_model/mod.rs", include_str!("title_model/mod.rs")),
            // The résumé reader's patterns scan whole documents too.
            ("../resume/dates.rs", include_str!("../resume/dates.rs")),
            ("../resume/parse.rs", include_str!("../resume/parse.rs")),
        ] {
            for (at, _) in source.match_indices(&unicode_boundary) {
                assert!(
                    source[..at].ends_with("(?-u:"),
                    "{name}: a Unicode word boundary at byte {at}"
                );
            }
        }
    }
}
