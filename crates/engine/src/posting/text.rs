//! Small text helpers shared by the posting parser: normalisation, folding,
//! Markdown stripping, role-word and place detection.

use std::collections::HashSet;
use std::sync::LazyLock;

/// " date 2026-02-11 Servicearbetare/lokalvårdare": a saved page's date stamp before its first
/// line.
fn without_date_stamp(line: &str) -> &str {
    if !line.trim_start().starts_with("date ") {
        return line;
    }
    static STAMP: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
            .expect("date stamp regex is valid")
    });
    STAMP.find(line).map_or(line, |found| &line[found.end()..])
}

/// "Accounts Officer 266 views0 applications": a board's counters run into the title line.
fn without_counters(line: &str) -> &str {
    // "31 views", and "Stellenbosch, South Africa Posted on 21/01/2026", "Executive Director
    // Posted Sep 09", "Minot, United States Posted: March 13, 2024", "… posted an hour ago": a
    // posting date run onto the end of a line.
    static COUNTERS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)\s*\d+\s*views?\s*\d*\s*(?:applications?|applicants?)?\s*$|\s+posted:?\s+(?:on\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+\d{4})?|(?:\d+|an?)\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago|today|yesterday)\s*$")
            .expect("counters regex is valid")
    });
    match COUNTERS.find(line) {
        // "Date Posted: March 13, 2024": a label and its value, not a date run onto a line.
        Some(found)
            if found.as_str().contains(':')
                && line[..found.start()]
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| {
                        matches!(
                            fold(w).as_str(),
                            "date" | "job" | "originally" | "first" | "last" | "when"
                        )
                    }) =>
        {
            line
        }
        Some(found) if found.start() > 0 => &line[..found.start()],
        _ => line,
    }
}

/// "roomDar es Salaam", "business_centerFull Time": an icon font's ligature name copied in
/// front of the value it decorates.
fn without_icon_word(line: &str) -> &str {
    const ICONS: &[&str] = &[
        "business_center",
        "location_on",
        "attach_money",
        "calendar_today",
        "access_time",
        "room",
        "place",
        "work",
        "schedule",
        "event",
        "payments",
        "today",
    ];
    let trimmed = line.trim_start();
    ICONS
        .iter()
        .find_map(|icon| {
            let rest = trimmed.strip_prefix(icon)?;
            rest.starts_with(|c: char| c.is_uppercase()).then_some(rest)
        })
        .unwrap_or(line)
}

/// "Job PurposeThe Payroll Clerk will …": a section heading run into the first sentence when
/// the page was copied; split back into the heading and its text.
fn split_glued_heading(line: &str) -> Vec<&str> {
    const HEADINGS: &[&str] = &[
        "Job Purpose",
        "Job Description",
        "Job Summary",
        "Role Purpose",
        "Position Summary",
        "Role Summary",
        "About the Role",
        "About the Job",
        "Overview",
        "Description",
        "Summary",
    ];
    let trimmed = line.trim_start();
    HEADINGS
        .iter()
        .find_map(|heading| {
            let rest = trimmed.strip_prefix(heading)?;
            let mut chars = rest.chars();
            let glued = chars.next().is_some_and(char::is_uppercase)
                && chars.next().is_some_and(char::is_lowercase);
            glued.then(|| vec![&trimmed[..heading.len()], rest])
        })
        .unwrap_or_else(|| vec![line])
}

/// "60\\.000€ - 75\\.000€", "Full\\-time": a board's Markdown escapes, copied with the text; also
/// escapes escaped once more by a scraper's CSV ("₦300,000\\\\.00 \\\\- ₦400,000").
fn without_markdown_escapes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            let run = chars[i..].iter().take_while(|&&c| c == '\\').count();
            // One escape, or one escaped again; a longer run is kept as written.
            let escape = run <= 2
                && chars
                    .get(i + run)
                    .copied()
                    .is_some_and(is_markdown_escapable);
            if !escape {
                out.extend(&chars[i..i + run]);
            }
            i += run;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Punctuation that Markdown writers escape with a backslash.
fn is_markdown_escapable(c: char) -> bool {
    matches!(
        c,
        '.' | '-'
            | '*'
            | '_'
            | '#'
            | '+'
            | '!'
            | '('
            | ')'
            | '['
            | ']'
            | '&'
            | '|'
            | '`'
            | '{'
            | '}'
            | '<'
            | '>'
            | '~'
            | '$'
    )
}

/// Normalises line endings and invisible characters so later stages can work
/// line by line. Visible text is left untouched.
pub(crate) fn normalize_input(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let unified = without_markdown_escapes(&unified);
    let unified = strip_html_comments(&unified);
    let unified = unified
        .lines()
        .filter(|line| !is_board_chrome(line))
        .flat_map(split_glued_heading)
        .map(without_icon_word)
        .map(without_date_stamp)
        .map(without_counters)
        // "… perfect for individ... Show More": a collapsed teaser's button.
        .map(|line| {
            line.trim_end()
                .strip_suffix("Show More")
                .or_else(|| line.trim_end().strip_suffix("Show more"))
                .or_else(|| line.trim_end().strip_suffix("Read more"))
                .map_or(line, |rest| rest.trim_end().trim_end_matches(['.', '…']))
        })
        .collect::<Vec<_>>();
    let unified = join_split_brackets(unified).join("\n");
    // "London, , United Kingdom": a career site's empty region field.
    let unified = unified.replace(", , ", ", ");
    unified
        .chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
        .map(|c| match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
            '\t' => ' ',
            other => other,
        })
        .collect()
}

/// "SISTER IN CHARGE (THORNGROVE INFECTIOUS DISEASES" ⏎ "HOSPITAL) (GRADE 10)": a line
/// near the top whose bracket closes on the next line is one line that was wrapped.
fn join_split_brackets(lines: Vec<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let open = line.matches('(').count() > line.matches(')').count();
        if index < 15
            && open
            && let Some(next) = lines.get(index + 1)
            && !next.trim().is_empty()
            && next.trim().chars().count() <= 80
            && next.matches(')').count() > next.matches('(').count()
        {
            out.push(format!("{} {}", line.trim_end(), next.trim()));
            index += 2;
            continue;
        }
        out.push(line.to_string());
        index += 1;
    }
    out
}

/// Removes `<!--…-->` comments (clipboard markers such as `<!--StartFragment-->`).
fn strip_html_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whole lines that job boards put around a posting: buttons, dates, applicant counts and
/// cookie banners. Only a line that is nothing else is dropped.
pub(crate) fn is_board_chrome(line: &str) -> bool {
    const BUTTONS: &[&str] = &[
        "apply",
        "apply now",
        "easy apply",
        "quick apply",
        "apply for this job",
        "apply for this position",
        "apply on company website",
        "apply on company site",
        "save",
        "save job",
        "saved",
        "save this job",
        "share",
        "share job",
        "share this job",
        "report job",
        "report this job",
        "sign in",
        "sign in to apply",
        "back to jobs",
        "back to careers",
        "back to all jobs",
        "back to job search",
        "back to search results",
        "back to search",
        "view all jobs",
        "see all jobs",
        "show more",
        "show less",
        "see more",
        "see less",
        "print",
        "email job",
        "email this job",
        "follow",
        "promoted",
        "actively recruiting",
        "be an early applicant",
        "skip to main content",
        "aller au contenu principal",
        "aller au contenu",
        "passer au contenu principal",
        "zum inhalt springen",
        "naar de inhoud",
        "ir al contenido",
        "skip to content",
        "top of page",
        "back to top",
        "menu",
        "close",
        "new",
        "featured",
        "urgently hiring",
        "hiring multiple candidates",
        "job details",
        "accept",
        "accept all",
        "accept all cookies",
        "reject all",
        "cookie settings",
        "manage cookies",
        "got it",
        "careers",
        "jobs",
        "job overview",
        "job summary",
        "vacancy announcement",
        "job announcement",
        "vacancy notice",
        "job advertisement",
        "job advert",
        "sorry, this job is now closed",
        "this job is now closed",
        "this job has expired",
        "this job is no longer available",
        "this vacancy has now closed",
        "job closed",
        "no longer accepting applications",
        "applications closed",
        "job opportunities",
        "current vacancies",
        "vacancies",
        "current opportunities",
        "job search",
        "search jobs",
        "all jobs",
        // Site navigation copied with the page.
        "home",
        "recruiters",
        "employers",
        "for employers",
        "for recruiters",
        "job seekers",
        "for job seekers",
        "candidates",
        "post a job",
        "post a vacancy",
        "login",
        "log in",
        "register",
        "sign up",
        "create account",
        "my account",
        "about us",
        "contact us",
        "contact",
        "blog",
        "career advice",
        "find jobs",
        "find a job",
        "find your next job",
        "find your dream job",
        "browse jobs",
        "job alerts",
        "create job alert",
        "create a job alert",
        "upload your cv",
        "upload cv",
        "search",
        "have any questions?",
        "have any questions",
        "print this job",
        "view map",
        "get directions",
        "no results found",
        "copied!",
        "sponsored",
        // The same buttons and links in French, Spanish, Portuguese, German, Dutch and Italian.
        "postuler",
        "postuler maintenant",
        "postuler à cette offre",
        "espace membres",
        "espace candidat",
        "connexion",
        "se connecter",
        "inscription",
        "accueil",
        "offres d'emploi",
        "rechercher",
        "partager",
        "imprimer",
        "retour",
        "retour à la liste",
        "retour aux offres",
        "postular",
        "postularme",
        "aplicar",
        "inicio",
        "iniciar sesión",
        "registrarse",
        "buscar",
        "compartir",
        "ofertas de empleo",
        "empleos",
        "candidatar-se",
        "candidate-se",
        "início",
        "vagas",
        "compartilhar",
        "bewerben",
        "jetzt bewerben",
        "anmelden",
        "startseite",
        "suche",
        "teilen",
        "drucken",
        "stellenangebote",
        "solliciteren",
        "direct solliciteren",
        "inloggen",
        "zoeken",
        "delen",
        "vacatures",
        "candidati",
        "candidati ora",
        "accedi",
        "condividi",
        "offerte di lavoro",
        // Norwegian, Danish and Swedish: "You are here", vacancies, search, share, log in.
        "du er her",
        "du är här",
        "ledig stilling",
        "ledige stillinger",
        "lediga jobb",
        "ledige job",
        "søk",
        "søk på stillingen",
        "sök",
        "søg",
        "del",
        "dela",
        "skriv ut",
        "tilbake",
        "logg inn",
        "log ind",
        "logga in",
        "forside",
        "startsida",
    ];
    let folded = fold(strip_decorations(line.trim()))
        .trim_end_matches(['.', '!', ':'])
        .trim()
        .to_string();
    if folded.is_empty() {
        return false;
    }
    if BUTTONS.contains(&folded.as_str()) {
        return true;
    }
    let words = folded.split_whitespace().count();
    // "3.3", "4.2 ★": a board's rating of the employer, on a line of its own.
    let rating = folded.trim_end_matches(['★', '☆', ' ']).as_bytes();
    if let [whole, b'.', tenth] = rating
        && (b'1'..=b'5').contains(whole)
        && tenth.is_ascii_digit()
    {
        return true;
    }
    // "Skip to Job Description", "Skip to navigation": a screen reader's link.
    if words <= 5 && folded.starts_with("skip to ") {
        return true;
    }
    // An image's alt text naming the job ("Logo for Primary School Teacher"); a logo naming
    // an organisation is read for the company.
    let job_logo = words <= 10
        && ["logo for ", "logo of "]
            .iter()
            .find_map(|prefix| folded.strip_prefix(prefix))
            .is_some_and(has_role_word);
    if job_logo {
        return true;
    }
    let posted_ago = words <= 6
        && (folded.starts_with("posted ")
            || folded.starts_with("reposted ")
            || folded.starts_with("date posted")
            || folded.ends_with(" ago"))
        && (folded.contains(" ago")
            || folded.contains("today")
            || folded.contains("yesterday")
            || folded.contains("just now"));
    // "Posted on Feb. 24, 2026" on a line of its own.
    let dated = words <= 7
        && [
            "posted on ",
            "published on ",
            "publié le ",
            "mis en ligne le ",
            "publicado el ",
            "publicado em ",
            "veröffentlicht am ",
            "geplaatst op ",
            "pubblicato il ",
        ]
        .iter()
        .any(|lead| folded.starts_with(lead))
        && folded.chars().any(|c| c.is_ascii_digit());
    let applicants = words <= 8
        && (folded.contains("applicants") || folded.contains("clicked apply"))
        && folded.chars().any(|c| c.is_ascii_digit());
    let cookies = words <= 40
        && folded.contains("cookie")
        && [
            "we use",
            "this site uses",
            "this website uses",
            "accept",
            "consent",
        ]
        .iter()
        .any(|cue| folded.contains(cue));
    // "Home > Jobs > Finance > Payroll Officer", "Careers / Engineering / Backend".
    let crumbs = ['>', '»', '›']
        .iter()
        .map(|c| folded.matches(*c).count())
        .max()
        .unwrap_or(0);
    let breadcrumb = crumbs >= 2
        && folded
            .split(['>', '»', '›'])
            .all(|part| part.split_whitespace().count() <= 6);
    // "This job is no longer available.", "Sorry, this job is now closed": a closed posting's
    // banner.
    let closed = words <= 10
        && [
            "this job is no longer",
            "sorry, this job",
            "this job has expired",
            "this job has closed",
            "this vacancy has closed",
            "this vacancy is now closed",
            "this position has been filled",
            "this position is no longer",
        ]
        .iter()
        .any(|lead| folded.starts_with(lead));
    // "/ Analyst" over "/ Kyiv": a breadcrumb laid out one crumb to a line (a crumb is
    // capitalised; "/ month" under an amount is the pay's period).
    let crumb_line = words <= 6
        && folded.starts_with("/ ")
        && line
            .trim()
            .trim_start_matches(['/', ' '])
            .starts_with(|c: char| c.is_uppercase());
    // "See more DevOps and Sysadmin jobs →", "View all jobs at Acme".
    let more_jobs = words <= 8
        && [
            "see more ",
            "see all ",
            "view more ",
            "view all ",
            "browse more ",
        ]
        .iter()
        .any(|lead| folded.starts_with(lead))
        && (folded.ends_with(" jobs") || folded.contains(" jobs "));
    posted_ago || dated || applicants || cookies || breadcrumb || crumb_line || more_jobs || closed
}

/// Lower-cases and replaces typographic apostrophes/quotes, for matching only.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Collapses runs of whitespace to single spaces and trims the ends.
pub(crate) fn collapse_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes Markdown bold/underline markers (`**`, `__`) and leading `#`s.
pub(crate) fn strip_markdown(text: &str) -> String {
    let without_hashes = text.trim_start().trim_start_matches('#');
    collapse_ws(&without_hashes.replace("**", "").replace("__", ""))
}

/// Whether a character is decoration (emoji, dingbats, stray symbols) rather
/// than meaningful text at the edge of a line.
pub(crate) fn is_decoration(c: char) -> bool {
    if c.is_alphanumeric() {
        return false;
    }
    !matches!(
        c,
        '(' | ')'
            | '+'
            | '#'
            | '.'
            | '!'
            | '?'
            | '$'
            | '€'
            | '£'
            | '₹'
            | '¥'
            | '\''
            | '"'
            | '&'
            | '/'
    ) && !c.is_whitespace()
}

/// Trims decorations (emoji, bullets, `*`, `:`…) from both ends of a string.
pub(crate) fn strip_decorations(text: &str) -> &str {
    let start_trimmed =
        text.trim_start_matches(|c: char| is_decoration(c) || c.is_whitespace() || c == '#');
    start_trimmed.trim_end_matches(|c: char| is_decoration(c) || c.is_whitespace())
}

/// Splits text into lower-cased alphanumeric words (apostrophes kept inside).
pub(crate) fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '+' || c == '#'))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether the text (ignoring leading whitespace) starts with a lower-case letter.
pub(crate) fn starts_lowercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whether the first character is an upper-case letter or a digit.
pub(crate) fn starts_uppercase(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the text ends like a sentence (`.`, `!`, `?`).
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
    // "Maple Foods Inc." ends with an abbreviation, not a sentence.
    const ABBREVIATIONS: &[&str] = &[
        "inc.", "ltd.", "co.", "corp.", "llc.", "plc.", "s.a.", "b.v.", "n.v.", "pty.", "jr.",
        "u.s.", "u.k.", "d.c.", "bhd.", "pte.", "ltda.", "s.r.l.", "s.p.a.", "s.r.o.", "a.s.",
        "d.o.o.", "a.ş.", "tic.", "san.",
    ];
    let last = fold(trimmed.rsplit(' ').next().unwrap_or(""));
    trimmed.ends_with(['.', '!', '?']) && !ABBREVIATIONS.contains(&last.as_str())
}

/// Whether all letters are upper-case and there are at least three of them.
pub(crate) fn is_all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
}

/// Nouns and titles that mark a phrase as a job title.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "dev",
    "swe",
    "sde",
    // Product or project manager; developer relations.
    "pm",
    "devrel",
    "designer",
    "manager",
    "analyst",
    "scientist",
    "architect",
    "administrator",
    "admin",
    "specialist",
    "consultant",
    "coordinator",
    "lead",
    "director",
    "officer",
    "representative",
    "rep",
    "associate",
    "assistant",
    "intern",
    "internship",
    "writer",
    "editor",
    "marketer",
    "recruiter",
    "accountant",
    "advisor",
    "adviser",
    "technician",
    "researcher",
    "strategist",
    "owner",
    "head",
    "vp",
    "president",
    "nurse",
    "teacher",
    "executive",
    "agent",
    "operator",
    "programmer",
    "tester",
    "sre",
    "devops",
    "qa",
    "copywriter",
    "producer",
    "generalist",
    "coach",
    "counsel",
    "lawyer",
    "paralegal",
    "clerk",
    "cashier",
    "driver",
    "chef",
    "cook",
    "barista",
    "mechanic",
    "electrician",
    "pharmacist",
    "physician",
    "therapist",
    "artist",
    "illustrator",
    "animator",
    "planner",
    "buyer",
    "controller",
    "auditor",
    "economist",
    "statistician",
    "supervisor",
    "trainer",
    "instructor",
    "tutor",
    "lecturer",
    "professor",
    "apprentice",
    "trainee",
    "graduate",
    "contractor",
    "freelancer",
    "cto",
    "cfo",
    "ceo",
    "coo",
    "cmo",
    "cpo",
    "ciso",
    "bookkeeper",
    "receptionist",
    "secretary",
    "partner",
    "principal",
    "staff",
    "translator",
    "photographer",
    "videographer",
    "support",
    "success",
    "sales",
    "hacker",
    "mathematician",
    "machinist",
    "welder",
    "carpenter",
    "plumber",
    "pilot",
    "worker",
    "laborer",
    "labourer",
    "housekeeper",
    "cleaner",
    "porter",
    "caretaker",
    "attendant",
    "aide",
    "steward",
    "waiter",
    "waitress",
    "bartender",
    "dishwasher",
    "baker",
    "butcher",
    "gardener",
    "groundskeeper",
    "custodian",
    "janitor",
    "guard",
    "firefighter",
    "paramedic",
    "midwife",
    "doctor",
    "surgeon",
    "dentist",
    "hygienist",
    "radiographer",
    "sonographer",
    "carer",
    "caregiver",
    "practitioner",
    "counsellor",
    "counselor",
    "fitter",
    "installer",
    "operative",
    "estimator",
    "surveyor",
    "inspector",
    "foreman",
    "superintendent",
    "dispatcher",
    "courier",
    "packer",
    "picker",
    "merchandiser",
    "hairdresser",
    "librarian",
    "archivist",
    "curator",
    "educator",
    "headteacher",
    "nanny",
    "registrar",
    "fellow",
    "handyman",
    "storekeeper",
    "valet",
    "concierge",
    // More role nouns met in real postings.
    "sourcer",
    "sister",
    "matron",
    "warden",
    "mle",
    "underwriter",
    "quant",
    "investigator",
    "adjuster",
    "appraiser",
    "assessor",
    "examiner",
    "actuary",
    "solicitor",
    "barrister",
    "attorney",
    "treasurer",
    "comptroller",
    "founder",
    "cofounder",
    "co-founder",
    "journalist",
    "reporter",
    "correspondent",
    "presenter",
    "moderator",
    "reviewer",
    "proofreader",
    "interpreter",
    "drafter",
    "draftsman",
    "draughtsman",
    "landscaper",
    "roofer",
    "mason",
    "bricklayer",
    "glazier",
    "painter",
    "decorator",
    "joiner",
    "assembler",
    "fabricator",
    "millwright",
    "rigger",
    "scaffolder",
    "lineman",
    "captain",
    "deckhand",
    "ranger",
    "constable",
    "detective",
    "deputy",
    "childminder",
    "chauffeur",
    "handler",
    "stocker",
    "teller",
    "mentor",
    "facilitator",
    "organizer",
    "organiser",
    "fundraiser",
    "campaigner",
    "advocate",
    "ambassador",
    "liaison",
    "navigator",
    "medic",
    "emt",
    "physio",
    "surgeon",
    "clinician",
    "dietitian",
    "veterinarian",
    "vet",
    "technologist",
    "negotiator",
    "realtor",
    "purchaser",
    "scheduler",
    "expeditor",
    "sommelier",
    "busser",
    "barback",
    "host",
    "hostess",
    "runner",
    "crew",
    "member",
    "postdoc",
    "scholar",
    "ceo",
    "chief",
    "expert",
    "champion",
    "sdr",
    "bdr",
    "csm",
    "tpm",
    // German, French, Dutch and Spanish role nouns.
    "entwickler",
    "ingenieur",
    "mitarbeiter",
    "sachbearbeiter",
    "leiter",
    "berater",
    "referent",
    "kaufmann",
    "kauffrau",
    "verkäufer",
    "erzieher",
    "lehrer",
    "pfleger",
    "fachkraft",
    "développeur",
    "developpeur",
    "ingénieur",
    "responsable",
    "technicien",
    "vendeur",
    "conseiller",
    "chargé",
    "medewerker",
    "consulent",
    "dossierbehandelaar",
    "behandelaar",
    "ontwikkelaar",
    "adviseur",
    "docent",
    "verpleegkundige",
    "monteur",
    "beheerder",
    "desarrollador",
    "ingeniero",
    "gerente",
    "analista",
    "asesor",
    "vendedor",
    "enfermero",
    "enfermera",
    // Role nouns of other languages, written without accents (`is_role_word` looks a word up
    // both as written and without its accents), with their feminine forms.
    // French.
    "coordinateur",
    "coordinatrice",
    "coordonnateur",
    "coordonnatrice",
    "directeur",
    "directrice",
    "administrateur",
    "administratrice",
    "assistante",
    "technicienne",
    "conseillere",
    "gestionnaire",
    "comptable",
    "juriste",
    "avocat",
    "avocate",
    "huissier",
    "greffier",
    "infirmier",
    "infirmiere",
    "medecin",
    "pharmacien",
    "pharmacienne",
    "enseignant",
    "enseignante",
    "formateur",
    "formatrice",
    "animateur",
    "animatrice",
    "educateur",
    "educatrice",
    "secretaire",
    "stagiaire",
    "cuisinier",
    "cuisiniere",
    "serveur",
    "serveuse",
    "vendeuse",
    "caissier",
    "caissiere",
    "magasinier",
    "ouvrier",
    "ouvriere",
    "operateur",
    "operatrice",
    "electricien",
    "mecanicien",
    "plombier",
    "soudeur",
    "menuisier",
    "jardinier",
    "gardien",
    "redacteur",
    "redactrice",
    "traducteur",
    "traductrice",
    "auditrice",
    "controleur",
    "analyste",
    "specialiste",
    "superviseur",
    "inspecteur",
    "inspectrice",
    "logisticien",
    "acheteur",
    "graphiste",
    "architecte",
    "archiviste",
    "bibliothecaire",
    "documentaliste",
    "psychologue",
    "epidemiologiste",
    "veterinaire",
    "statisticien",
    "tresorier",
    "receptionniste",
    "auxiliaire",
    "volontaire",
    "adjoint",
    "adjointe",
    // Written with their accents only: "charge", "attache" and "medica" are English words.
    "chargée",
    "attaché",
    "attachée",
    "médica",
    "delegue",
    "deleguee",
    "representant",
    "representante",
    // Spanish and Portuguese.
    "coordinador",
    "coordinadora",
    "coordenador",
    "coordenadora",
    "directora",
    "diretor",
    "diretora",
    "administrador",
    "administradora",
    "asistente",
    "assistente",
    "auxiliar",
    "tecnico",
    "tecnica",
    "especialista",
    "ingeniera",
    "engenheiro",
    "engenheira",
    "abogado",
    "abogada",
    "advogado",
    "advogada",
    "contador",
    "contadora",
    "contabilista",
    "enfermeiro",
    "enfermeira",
    "medico",
    "farmaceutico",
    "farmaceutica",
    "docente",
    "profesor",
    "profesora",
    "professora",
    "maestro",
    "maestra",
    "vendedora",
    "conductor",
    "chofer",
    "motorista",
    "operario",
    "operaria",
    "operador",
    "operadora",
    "jefe",
    "jefa",
    "encargado",
    "encargada",
    "asesora",
    "consultor",
    "consultora",
    "ejecutivo",
    "ejecutiva",
    "secretario",
    "secretaria",
    "recepcionista",
    "cajero",
    "cajera",
    "cocinero",
    "cocinera",
    "cozinheiro",
    "cozinheira",
    "mesero",
    "mesera",
    "camarero",
    "camarera",
    "programador",
    "programadora",
    "desarrolladora",
    "desenvolvedor",
    "disenador",
    "disenadora",
    "psicologo",
    "psicologa",
    "practicante",
    "becario",
    "becaria",
    "pasante",
    "estagiario",
    "estagiaria",
    "atendente",
    "arquiteto",
    "arquiteta",
    "arquitecto",
    "arquitecta",
    "electricista",
    "eletricista",
    "mecanico",
    "soldador",
    "carpintero",
    "carpinteiro",
    "repartidor",
    "investigador",
    "investigadora",
    "pesquisador",
    "periodista",
    "jornalista",
    "traductor",
    "tradutor",
    "gestor",
    "gestora",
    "nutricionista",
    "fisioterapeuta",
    // Italian.
    "addetto",
    "addetta",
    "impiegato",
    "impiegata",
    "istruttore",
    "funzionario",
    "funzionaria",
    "dirigente",
    "operatore",
    "collaboratore",
    "collaboratrice",
    "operaio",
    "operaia",
    "infermiere",
    "insegnante",
    "educatore",
    "autista",
    "magazziniere",
    "cuoco",
    "cameriere",
    "commesso",
    "commessa",
    "segretario",
    "segretaria",
    "contabile",
    "avvocato",
    "ingegnere",
    "sviluppatore",
    "programmatore",
    "progettista",
    "farmacista",
    "consulente",
    "coordinatore",
    "direttore",
    "direttrice",
    "venditore",
    "stagista",
    "tirocinante",
    // German and Dutch (compounds are caught by `ROLE_ENDINGS`).
    "elektriker",
    "elektroniker",
    "mechatroniker",
    "kassierer",
    "buchhalter",
    "architekt",
    "arzt",
    "apotheker",
    "leraar",
    "jurist",
    "stagiair",
    "secretaris",
    "boekhouder",
    "kok",
    "verkoper",
    "elektricien",
    "loodgieter",
    // Swedish, Polish and Turkish.
    "sjukskoterska",
    "underskoterska",
    "lakare",
    // Norwegian and Danish.
    "leiar",
    "sekretær",
    "sekreterare",
    "terapeut",
    "konsulent",
    "sykepleiar",
    "ingenior",
    "vikar",
    "renholder",
    "sjafor",
    "handlaggare",
    "ingenjor",
    "saljare",
    "konsult",
    "assistent",
    "ekonom",
    "rektor",
    "kock",
    "snickare",
    "specjalista",
    "specjalistka",
    "kierownik",
    "kierowca",
    "asystent",
    "asystentka",
    "ksiegowy",
    "ksiegowa",
    "elektryk",
    "spawacz",
    "magazynier",
    "pracownik",
    "pielegniarka",
    "lekarz",
    "nauczyciel",
    "programista",
    "inzynier",
    "doradca",
    "sprzedawca",
    "kucharz",
    "monter",
    "dyrektor",
    "koordynator",
    "analityk",
    "uzman",
    // Turkish compounds put the role noun in its possessive ("Muhasebe Uzmanı").
    "uzmani",
    "muduru",
    "muhendisi",
    "yoneticisi",
    "teknisyeni",
    "muhendis",
    "mudur",
    "sorumlu",
    "sorumlusu",
    "eleman",
    "elemani",
    "teknisyen",
    "sofor",
    "garson",
    "muhasebeci",
    "danisman",
    "danismani",
    "ogretmen",
    "hemsire",
    "temsilci",
    "temsilcisi",
    "yonetici",
    "stajyer",
    // Indonesian and Malay, Swahili.
    "dosen",
    "guru",
    "perawat",
    "bidan",
    "dokter",
    "akuntan",
    "kasir",
    "sopir",
    "pengemudi",
    "teknisi",
    "manajer",
    "asisten",
    "konsultan",
    "koordinator",
    "petugas",
    "pegawai",
    "pembantu",
    "afisa",
    "mhasibu",
    "dereva",
    "mwalimu",
    "walimu",
    "muuguzi",
    "wauguzi",
    "mpishi",
    "mlinzi",
    "katibu",
    "meneja",
    "mhandisi",
    "fundi",
    "msaidizi",
    "mkurugenzi",
    "mratibu",
    "mtaalamu",
    "watunza",
    "mtunza",
    // Vietnamese: the role's last syllable ("lập trình viên", "nhân viên", "chuyên viên").
    "viên",
    // Arabic.
    "فني",
    "مهندس",
    "محاسب",
    "مدير",
    "أخصائي",
    "مساعد",
    "سائق",
    "ممرض",
    "ممرضة",
    "معلم",
    "موظف",
    "مشرف",
    "مستشار",
    "طبيب",
    "باحث",
    "منسق",
    "مطور",
    "مصمم",
];

/// Endings of compound role nouns ("Softwareentwickler", "Beleidsmedewerker",
/// "Pflegefachkraft", "Backend-Engineer").
const ROLE_ENDINGS: &[&str] = &[
    "engineer",
    "developer",
    "entwickler",
    "ingenieur",
    "mitarbeiter",
    "leiter",
    "berater",
    "referent",
    "fachkraft",
    "medewerker",
    "ambtenaar",
    "adviseur",
    "ontwikkelaar",
    "monteur",
    "manager",
    "designer",
    "arbeiter",
    "fahrer",
    "helfer",
    "meister",
    "pfleger",
    "therapeut",
    "techniker",
    "leider",
    "kundige",
    "ledare",
    "arbetare",
    "larare",
    "bitrade",
    "skoterska",
    "skotare",
    "utvecklare",
    // Norwegian and Danish compounds ("prosjektleder", "barnehagelærer", "fagarbeider").
    "leder",
    "lærer",
    "arbeider",
    "arbejder",
    "pleier",
    "plejerske",
    "radgiver",
    "behandler",
    "utvikler",
    "udvikler",
    "pedagog",
    // Korean, Chinese and Japanese role endings (these scripts write compounds unspaced).
    "담당자",
    "개발자",
    "매니저",
    "엔지니어",
    "디자이너",
    "연구원",
    "간호사",
    "팀장",
    "사원",
    "직원",
    "강사",
    "교사",
    "상담사",
    "마케터",
    "기획자",
    "관리자",
    "전문가",
    "인턴",
    "工程师",
    "经理",
    "专员",
    "主管",
    "助理",
    "设计师",
    "总监",
    "会计",
    "教师",
    "护士",
    "医生",
    "司机",
    "厨师",
    "分析师",
    "顾问",
    "架构师",
    "程序员",
    "实习生",
    "文员",
    "技术员",
    "エンジニア",
    "マネージャー",
    "スタッフ",
    "デザイナー",
    "看護師",
    "薬剤師",
    "店長",
    "調理師",
    "ドライバー",
];

/// Whether any word of the phrase is a role noun (engineer, manager, …).
pub(crate) fn has_role_word(text: &str) -> bool {
    words(text).iter().any(|w| is_role_word(w))
}

/// `ROLE_WORDS` as a set: every word of every candidate line is looked up.
static ROLE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLE_WORDS.iter().copied().collect());

/// Whether a word ends like a compound role noun; the endings in other scripts are only tried
/// on words that are not ASCII.
fn has_role_ending(word: &str) -> bool {
    let ascii = word.is_ascii();
    ROLE_ENDINGS
        .iter()
        .any(|ending| (ascii <= ending.is_ascii()) && word.ends_with(ending))
}

fn is_role_word(word: &str) -> bool {
    // "Engineers", "MLE's": the plural (or the plural written with an apostrophe).
    let singular = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('s'))
        .unwrap_or(word);
    if ROLE_SET.contains(word)
        || ROLE_SET.contains(singular)
        || (word.len() > 5 && (word.ends_with("ist") || word.ends_with("ician")))
        || has_role_ending(word)
    {
        return true;
    }
    // "Técnico", "Ingénieure", "Köksbiträde": the same word without its accents; "Lehrerin",
    // "Referentin": the German feminine of a role noun.
    let accented = !word.is_ascii();
    let plain: std::borrow::Cow<str> = if accented {
        without_accents(word).into()
    } else {
        word.into()
    };
    if accented && (ROLE_SET.contains(&*plain) || has_role_ending(&plain)) {
        return true;
    }
    // "Ingénieure", "Consultante": the French feminine in -e.
    if plain
        .strip_suffix('e')
        .is_some_and(|stem| stem.len() > 4 && ROLE_SET.contains(stem))
    {
        return true;
    }
    plain
        .strip_suffix("in")
        .filter(|stem| stem.len() > 4 && (stem.ends_with("er") || stem.ends_with("ent")))
        .is_some_and(|stem| ROLE_SET.contains(stem) || has_role_ending(stem))
}

/// The word with Latin letters' accents taken off ("técnico" → "tecnico", "öğretmen" →
/// "ogretmen"); other scripts are left as they are.
pub(crate) fn without_accents(word: &str) -> String {
    word.chars()
        .map(|c| crate::latin_base(c).unwrap_or(c))
        .collect()
}

/// The gazetteer's two files: `places.txt`, written by hand (regions, countries, states and the
/// cities met in postings), and `world_places.txt`, written by `scripts/build_gazetteer.py`
/// from GeoNames (towns of 15,000 people or more, and the first-level divisions of countries
/// with at least 20 such towns).
const GAZETTEER: [&str; 2] = [include_str!("places.txt"), include_str!("world_places.txt")];

/// The gazetteer's lines, both files, with their `#` headings; a name's country code after a
/// tab is left off (`PLACE_COUNTRIES` reads it).
fn gazetteer_lines() -> impl Iterator<Item = &'static str> {
    GAZETTEER.iter().flat_map(|file| {
        file.lines()
            .map(|line| line.split_once('\t').map_or(line, |(name, _)| name).trim())
    })
}

/// The country a generated gazetteer name stands for, where one does ("Kingston" → JM, as
/// Jamaica's is three times the size of any other Kingston), folded name → ISO code.
static PLACE_COUNTRIES: LazyLock<std::collections::HashMap<String, &'static str>> =
    LazyLock::new(|| {
        include_str!("world_places.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .map(|(name, country)| (fold(name.trim()), country.trim()))
            .collect()
    });

/// The ISO country code of a town or division the generated gazetteer names ("Ballarat" →
/// "AU"), when the name stands for one country.
pub(crate) fn place_country(name: &str) -> Option<&'static str> {
    PLACE_COUNTRIES.get(&fold(name.trim())).copied()
}

/// The names among gazetteer lines (not blank, not a `#` comment), folded.
fn folded_names<'a>(lines: impl Iterator<Item = &'a str>) -> HashSet<String> {
    lines
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(fold)
        .collect()
}

/// Countries, regions, states, provinces, counties and cities recognised as locations
/// (the gazetteer, folded).
static PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| folded_names(gazetteer_lines()));

/// Whether one name (folded) is a known place.
pub(crate) fn is_known_place(folded: &str) -> bool {
    PLACES.contains(folded)
}

/// Whether a name as written is in the gazetteer (countries, states, provinces, counties and
/// cities); shared with the résumé parser.
pub(crate) fn in_gazetteer(name: &str) -> bool {
    is_known_place(&fold(name.trim()))
}

/// The gazetteer's names under the `#` headings that `wanted` accepts.
fn places_under(wanted: impl Fn(&str) -> bool) -> HashSet<String> {
    let mut taking = false;
    let mut out = HashSet::new();
    for line in gazetteer_lines() {
        if let Some(comment) = line.strip_prefix('#') {
            // Every comment ends the block before it; the files' descriptions at their tops are
            // never wanted headings.
            taking = wanted(comment.trim());
        } else if taking && !line.is_empty() {
            out.insert(fold(line));
        }
    }
    out
}

/// The gazetteer's cities only (the lines under its `# cities…`, `# more cities` and
/// `# world towns` comments).
static CITY_PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    places_under(|heading| {
        heading.starts_with("cities")
            || heading.starts_with("more cities")
            || heading.starts_with("world towns")
    })
});

/// The gazetteer's regions and countries: its `# regions` block, and the lines
/// under `# countries` / `# more countries…`.
static BROAD_PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    places_under(|heading| {
        heading == "regions"
            || heading.starts_with("countries")
            || heading.starts_with("more countries")
    })
});

/// Whether a place is a country or a region of several ("Germany", "DACH", "Benelux",
/// "Remote (Europe)"), not a city or a state.
pub(crate) fn is_broad_place(name: &str) -> bool {
    BROAD_PLACES.contains(&without_remote_brackets(name))
}

/// The folded place, without the "Remote (…)" it may be written in.
pub(crate) fn without_remote_brackets(name: &str) -> String {
    let folded = fold(name.trim());
    folded
        .strip_prefix("remote (")
        .and_then(|rest| rest.strip_suffix(')'))
        .map_or_else(|| folded.clone(), str::to_string)
}

/// The gazetteer's regions of several countries ("EMEA", "APAC", "Europe"): its "# regions"
/// block.
static WORLD_REGIONS: LazyLock<HashSet<String>> =
    LazyLock::new(|| places_under(|heading| heading == "regions"));

/// Whether a place is a region of several countries ("APAC", "Remote (Europe)").
pub(crate) fn is_world_region(name: &str) -> bool {
    WORLD_REGIONS.contains(&without_remote_brackets(name))
}

/// Whether a name as written is a city in the gazetteer (not a country, state or county).
pub(crate) fn is_gazetteer_city(name: &str) -> bool {
    CITY_PLACES.contains(&fold(name.trim()))
}

/// The hand-written list's names (`places.txt`), without GeoNames' towns, folded.
static LISTED_PLACES: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded_names(include_str!("places.txt").lines()));

/// Whether a name as written is in the hand-written list (`places.txt`), of any kind.
pub(crate) fn is_listed_place_name(name: &str) -> bool {
    LISTED_PLACES.contains(&fold(name.trim()))
}

/// The hand-written list's cities only (`places.txt`), without GeoNames' towns.
static LISTED_CITY_PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    places_under(|heading| heading.starts_with("cities") || heading.starts_with("more cities"))
});

/// Whether a name as written is a city of the hand-written list: the cities met in postings,
/// checked to be no common name. A city guessed from prose alone must be one of them, since
/// GeoNames' towns include many surnames and brands ("Hamilton", "Goodyear").
pub(crate) fn is_listed_city(name: &str) -> bool {
    LISTED_CITY_PLACES.contains(&fold(name.trim()))
}

/// Whether a name holds a word for a kind of place ("Cook County", "Mason City", "Sun Valley"),
/// which keeps a role-like word in it ("cook", "mason") from making it a role.
pub(crate) fn has_place_kind_word(name: &str) -> bool {
    fold(name).split_whitespace().any(is_place_kind_word)
}

/// Whether a name ends in a word for a kind of place ("Cook County"; not "District Manager").
fn ends_in_place_kind_word(name: &str) -> bool {
    fold(name)
        .split_whitespace()
        .last()
        .is_some_and(is_place_kind_word)
}

fn is_place_kind_word(word: &str) -> bool {
    matches!(
        word,
        "county"
            | "city"
            | "town"
            | "village"
            | "district"
            | "region"
            | "province"
            | "state"
            | "island"
            | "borough"
            | "parish"
            | "park"
            | "township"
            | "valley"
            | "heights"
            | "springs"
            | "beach"
            | "falls"
            | "islands"
            | "bay"
            | "point"
            | "mount"
            | "lake"
    )
}

/// "92 - ANTONY", "75 - PARIS 08", "2A - AJACCIO": France Travail's way of writing the place, a
/// département's number and the commune in capitals (not "12 - Month Contract").
fn is_french_department_and_commune(text: &str) -> bool {
    static DEPARTMENT_COMMUNE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6]) - \p{Lu}[\p{Lu}'’ -]{1,40}(?: \d{2})?$",
        )
        .expect("department regex is valid")
    });
    DEPARTMENT_COMMUNE.is_match(text)
}

/// "Florianópolis-SC", "Vitória - ES", "Itapuã do Oeste – RO", "São Paulo/SP": a Brazilian city
/// and its state's code, when the city part names no role ("Vendedor - SP" is a role and a
/// state).
fn is_brazilian_city_and_state(text: &str) -> bool {
    static CITY_STATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^(\p{Lu}[\p{L}'’ ]{1,40}?)\s?[-–/]\s?(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)$")
            .expect("city-state regex is valid")
    });
    CITY_STATE
        .captures(text)
        .and_then(|caps| caps.get(1))
        .is_some_and(|city| !has_role_word(city.as_str()) && word_count(city.as_str()) <= 5)
}

/// Whether the text names a place: a known city/country/region, a "City, Region" pair, a
/// French département and commune or a Brazilian city and state.
pub(crate) fn is_place(text: &str) -> bool {
    place_with(text, is_known_place)
}

/// `is_place` with the hand-written list's names only (`places.txt`), not GeoNames' towns: for
/// vetoing an employer's name, since those towns include brands and first names ("Toyota",
/// "Nokia", "Anna"). "Bracknell" alone is a place to `is_place`, not to this.
pub(crate) fn is_listed_place(text: &str) -> bool {
    place_with(text, |folded| LISTED_PLACES.contains(folded))
}

/// Whether the text names a place, with `known` saying which single (folded) names are places.
fn place_with(text: &str, known: impl Fn(&str) -> bool) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.len() > 60 {
        return false;
    }
    let folded = fold(trimmed);
    if known(&folded)
        || is_french_department_and_commune(trimmed)
        || is_brazilian_city_and_state(trimmed)
    {
        return true;
    }
    // "Central London", "SW London", "Greater Manchester": a known place with the part of it.
    if let Some((area, place)) = folded.split_once(' ')
        && matches!(
            area,
            "central"
                | "north"
                | "south"
                | "east"
                | "west"
                | "greater"
                | "inner"
                | "outer"
                | "downtown"
                | "nw"
                | "ne"
                | "sw"
                | "se"
        )
        && known(place)
    {
        return true;
    }
    let mut parts: Vec<&str> = trimmed.split(',').map(str::trim).collect();
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    let postal_code = |p: &str| (4..=6).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit());
    // "San Francisco, California, United States, 94199": a postal code after the country.
    if parts.len() >= 3 && parts.last().is_some_and(|p| postal_code(p)) {
        parts.pop();
    }
    // "22145, Hamburg, DE": a postal code written before the town.
    if parts.len() >= 2 && postal_code(parts[0]) {
        parts.remove(0);
        if parts.len() == 1 {
            return known(&fold(parts[0]));
        }
    }
    // "Austin TX", "Cleveland OH": a place and a state code without a comma; "Konecta Chile SA"
    // ends in a legal form (sociedad anónima), not South Australia, unless the place is known.
    if parts.len() == 1
        && let Some((place, code)) = trimmed.rsplit_once(' ')
        && is_state_code(code)
        && (known(&fold(place)) || (is_place_name(place) && !super::header::is_legal_form(code)))
        && word_count(place) <= 3
    {
        return true;
    }
    // "Customer Success Manager, APAC", "Account Executive, Germany": a role before a country
    // or a region is a title; "Mentor, OH", "Head Office, Birmingham", "Cook County, IL" are
    // places.
    let role_part = parts
        .iter()
        .any(|p| has_role_word(p) && !known(&fold(p)) && !ends_in_place_kind_word(p));
    if role_part && parts.iter().skip(1).any(|p| is_broad_place(p)) {
        return false;
    }
    let known_part = parts.iter().any(|p| known(&fold(p)));
    let shaped_pair =
        parts.len() >= 2 && parts.len() <= 3 && parts.iter().all(|p| is_place_name(p));
    let has_code = parts.len() >= 2 && parts.last().is_some_and(|p| is_region_code(p));
    let coded_pair = parts.len() >= 2
        && parts.len() <= 3
        && parts[..parts.len() - 1].iter().all(|p| is_place_name(p))
        && has_code;
    (known_part && parts.iter().all(|p| is_place_name(p) || is_region_code(p)))
        || (shaped_pair && has_code)
        || coded_pair
}

/// US, Canadian and Australian state, province and territory codes.
/// US states, DC and Puerto Rico.
const US_STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR",
];

/// Canadian provinces and territories, Australian states and territories.
const OTHER_STATE_CODES: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT", "NSW", "VIC",
    "QLD", "SA", "TAS", "ACT",
];

pub(crate) fn is_state_code(word: &str) -> bool {
    US_STATE_CODES.contains(&word) || OTHER_STATE_CODES.contains(&word)
}

/// A US state's code only ("WA", which is also Western Australia's, counts).
pub(crate) fn is_us_state_code(word: &str) -> bool {
    US_STATE_CODES.contains(&word)
}

/// How often `word` stands in `haystack` as a whole word or phrase (no letter or digit on
/// either side).
pub(crate) fn whole_word_count(haystack: &str, word: &str) -> usize {
    haystack
        .match_indices(word)
        .filter(|(at, _)| {
            let before = haystack[..*at].chars().next_back();
            let after = haystack[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// A state or province code with an optional postal code ("NY", "TX 78701", "ON M5V 2T6"), or
/// a UK postcode ("LS1 4AP", "EC2A").
fn is_region_code(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let state = |w: &str| is_state_code(w);
    let zip = |w: &str| {
        let digits = w.split('-').next().unwrap_or("");
        digits.len() == 5 && digits.chars().all(|c| c.is_ascii_digit())
    };
    let uk_outward = |w: &str| {
        (2..=4).contains(&w.len())
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let uk_inward = |w: &str| {
        w.len() == 3
            && w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.chars().skip(1).all(|c| c.is_ascii_uppercase())
    };
    let canada_postal = |a: &str, b: &str| a.len() == 3 && b.len() == 3 && uk_outward(a);
    match words.as_slice() {
        [one] => state(one) || uk_outward(one),
        [a, b] => (state(a) && zip(b)) || (uk_outward(a) && uk_inward(b)),
        [a, b, c] => state(a) && canada_postal(b, c),
        _ => false,
    }
}

/// A capitalised name of at most four words, e.g. "New York" or "NY".
fn is_place_name(part: &str) -> bool {
    let count = part.split_whitespace().count();
    (1..=4).contains(&count)
        && part
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "of" || w == "am")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_pages_date_stamp_is_not_part_of_its_first_line() {
        assert_eq!(
            normalize_input(" date 2026-02-11 Servicearbetare - Mölndal\nText"),
            "Servicearbetare - Mölndal\nText"
        );
        assert_eq!(
            normalize_input("date 2019-02 Directeur pays"),
            "Directeur pays"
        );
        assert_eq!(
            normalize_input("Start date 2026-02-11 or later"),
            "Start date 2026-02-11 or later"
        );
    }

    #[test]
    fn board_chrome_in_other_languages_is_known() {
        for line in [
            "Postuler",
            "Espace membres",
            "Iniciar sesión",
            "Jetzt bewerben",
            "Direct solliciteren",
            "Publié le 10 mars 2020",
            "Publicado el 3 de mayo de 2025",
            "Sponsored",
            "Skip to Job Description",
            "top of page",
            "3.3",
            "4.2 ★",
        ] {
            assert!(is_board_chrome(line), "{line}");
        }
        assert!(!is_board_chrome("Chargé(e) de suivi évaluation"));
    }

    #[test]
    fn towns_of_the_world_gazetteer_are_places_but_english_words_are_not() {
        for place in [
            "Bracknell",
            "Mbabane",
            "Guadalajara, Jalisco",
            "Torquay",
            "Nakuru",
            "Gauteng",
        ] {
            assert!(is_place(place), "{place}");
        }
        assert!(is_gazetteer_city("Bicester"));
        // A company's legal form is no state code; a known town before it still is a place.
        assert!(!is_place("Konecta Chile SA"));
        assert!(is_place("Adelaide SA"));
        // GeoNames' towns are places, but not the hand-written list's, which vetoes employers'
        // names ("Toyota", "Nokia" are towns too).
        assert!(is_place("Toyota") && !is_listed_place("Toyota"));
        assert!(crate::posting::header::plausible_company("Nokia"));
        assert!(!is_broad_place("Gauteng"));
        // Towns named like English words stay out of the generated list.
        for word in ["Mobile", "Split", "Deal", "Police", "Orange"] {
            assert!(!is_place(word), "{word}");
        }
    }

    #[test]
    fn french_and_brazilian_place_lines() {
        for place in [
            "92 - ANTONY",
            "75 - PARIS 08",
            "Florianópolis-SC",
            "Vitória - ES",
        ] {
            assert!(is_place(place), "{place}");
        }
        for not_place in [
            "12 - Month Contract",
            "40 - Hours per week",
            "Vendedor - SP",
        ] {
            assert!(!is_place(not_place), "{not_place}");
        }
    }

    #[test]
    fn world_regions_are_regions_of_several_countries() {
        for region in ["APAC", "EMEA", "Remote (Europe)"] {
            assert!(is_world_region(region), "{region}");
        }
        for place in ["US", "UK", "Germany", "Remote (Australia)"] {
            assert!(!is_world_region(place), "{place}");
        }
        assert!(!is_place("Account Executive, Germany"));
        assert!(is_place("Mentor, OH"));
    }

    #[test]
    fn crumbs_and_more_jobs_links_are_chrome() {
        for line in [
            "This job is no longer available.",
            "Sorry, this job is now closed",
            "/ Analyst",
            "/ Київ",
            "See more DevOps and Sysadmin jobs→",
            "View all jobs at Acme",
        ] {
            assert!(is_board_chrome(line), "{line}");
        }
        // A pay period on the line under the amount is no crumb.
        for line in [
            "Analyst / Developer",
            "Marketing and Sales / Jobs Coordinator",
            "/ month",
        ] {
            assert!(!is_board_chrome(line), "{line}");
        }
    }

    #[test]
    fn role_nouns_of_other_languages_are_known() {
        for title in [
            "Técnico de Mantenimiento",
            "Ingénieure process",
            "Lehrerin für Mathematik",
            "Vikarierande köksbiträde",
            "Öğretmen",
            "AutoCAD开发工程师",
            "회계관리 담당자",
        ] {
            assert!(has_role_word(title), "{title}");
        }
        assert!(!has_role_word("Berlin"));
        assert!(!has_role_word("Montagnes du Jura"));
    }

    #[test]
    fn a_posting_date_run_onto_a_line_goes() {
        for (line, kept) in [
            ("Senior Accountant Posted Mar 14", "Senior Accountant"),
            (
                "Warehouse Supervisor posted 3 days ago",
                "Warehouse Supervisor",
            ),
            ("Cook posted an hour ago", "Cook"),
            (
                "Stellenbosch, South Africa Posted on 21/01/2026",
                "Stellenbosch, South Africa",
            ),
            (
                "Accounts Officer 266 views0 applications",
                "Accounts Officer",
            ),
            (
                "Minot, United States Posted: March 13, 2024",
                "Minot, United States",
            ),
            ("Kuala Lumpur Posted on 13 Feb 2017", "Kuala Lumpur"),
            ("Date Posted: March 13, 2024", "Date Posted: March 13, 2024"),
            // "Posted" must be followed by a date, and something must be left.
            ("Posted Content Moderator", "Posted Content Moderator"),
            ("Posted today", "Posted today"),
        ] {
            assert_eq!(without_counters(line), kept, "{line}");
        }
    }

    #[test]
    fn recognises_places() {
        assert!(is_place("Berlin, Germany"));
        assert!(is_place("New York, NY"));
        assert!(is_place("Austin, TX"));
        assert!(is_place("London"));
        assert!(!is_place("Acme Corp"));
        assert!(is_place("Austin, TX 78701"));
        assert!(is_place("Leeds, LS1 4AP"));
        assert!(is_place("Toronto, ON M5V 2T6"));
        assert!(is_place("Leeds, West Yorkshire"));
        assert!(!is_place("Sales, Marketing"));
        assert!(!is_place("Payments"));
    }

    #[test]
    fn finds_role_words() {
        assert!(has_role_word("Senior Backend Engineer"));
        assert!(has_role_word("Data Scientist"));
        assert!(has_role_word("Head of Growth"));
        assert!(!has_role_word("Acme Corp"));
        assert!(!has_role_word("Hi Jane"));
    }

    #[test]
    fn strips_decorations_but_keeps_symbols_that_matter() {
        assert_eq!(
            strip_decorations("🚀 Senior C++ Developer ✨"),
            "Senior C++ Developer"
        );
        assert_eq!(strip_decorations("**Requirements:**"), "Requirements");
    }
}
