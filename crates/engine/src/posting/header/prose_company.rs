//! Employers named in prose and links: "Acme is hiring" (or "Acme recrute", "Acme zoekt",
//! "Acme contrata"), "At Acme, we", "Join Acme", an
//! organisation's shape ("City of Arcata", "… Hospital"), a recruiter writing for an unnamed
//! client, and a name confirmed by the posting's own link.

use super::*;
use crate::posting::lines::strip_bullet;

pub(super) const COMPANY_NAME: &str = r"([A-Z][\w&'’.-]*(?:[ ]+(?:(?:(?:la|le|les|del|da|do|dos|das|di|della|van|von|der|den|et|y)[ ]+)?[A-Z][\w&'’.-]*|&|of|and|de|du|des|for|the)){0,5})";

static COMPANY_IS_HIRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b){COMPANY_NAME}(?:[ ]+[(\[][^)\]\n]{{1,40}}[)\]])?(?:,[^.;\n]{{3,160}}?,|[ ]+(?:situated|located|based)[ ]+in[^.;\n]{{3,80}}?,)?(?:[ ]+(?:is|are)[ ]+(?:currently[ ]+|now[ ]+|actively[ ]+)?(?:hiring|looking for|seeking|recruiting|searching for|growing|accepting applications|opens[ ]+an?[ ]+vacancy|invites[ ]+applications)|[ ]+(?:seeks|recrute|recrutent|contrata|zoekt|sucht|rekrutuje|poszukuje|søker|söker|søger|etsii|tuyển[ ]+dụng))(?:[^\p{{L}}\p{{N}}_]|$)"
    ))
    .expect("is-hiring regex is valid")
});
/// "Nå søker vi …", "Nu söker vi …", "Hvem søger vi?": the Nordic languages put the verb
/// second, so the word before "søker" is an adverb or a question word when a pronoun follows it.
fn nordic_inversion(text: &str, caps: &regex::Captures) -> bool {
    let Some(whole) = caps.get(0) else {
        return false;
    };
    let verb = whole
        .as_str()
        .trim_end_matches(|c: char| !c.is_alphabetic());
    if !["søker", "söker", "søger"]
        .iter()
        .any(|v| verb.ends_with(v))
    {
        return false;
    }
    let next = text[whole.end()..].split_whitespace().next().unwrap_or("");
    ["vi", "du", "dere", "ni", "jeg", "jag", "eg"].contains(&fold(next).as_str())
}

static COMPANY_AT_WE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)(?:^[ \t]*(?:[•*-][ ]*)?|[.!?][ ]+)At[ ]+{COMPANY_NAME}(?:[ ]+\([^)\n]{{1,20}}\))?,[ ]+(?:we|our|you)(?-u:\b)"
    ))
    .expect("at-we regex is valid")
});
static COMPANY_AFTER_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(\w+)[ ]+at[ ]+{COMPANY_NAME}")).expect("after-at regex is valid")
});
static COMPANY_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)[Jj]oin[ ]+(?:us[ ]+at[ ]+{COMPANY_NAME}|{COMPANY_NAME}[ ]+(?:as|and|in|to)(?-u:\b))"
    ))
    .expect("join regex is valid")
});

/// Words before "at Acme" that make "Acme" an employer.
const AT_COMPANY_CONTEXT: &[&str] = &[
    "role",
    "position",
    "opening",
    "opportunity",
    "job",
    "career",
    "careers",
    "team",
    "work",
    "working",
    "vacancy",
    "engineers",
    "colleagues",
    "benefits",
    "life",
];

/// "Mandarin Oriental, Sanya is looking for …": a place found where the name goes, written
/// after a name and a comma, is the site of that name; the name is the organisation. A legal
/// form found there ("Harbour Foods, Inc. is hiring") ends the name before it.
fn brand_before_place(text: &str, found: regex::Match) -> Option<String> {
    let legal_form = word_count(found.as_str()) == 1 && has_company_suffix(found.as_str());
    // A known place, or one word that is no legal form ("Sanya").
    let site = is_place(found.as_str()) || (word_count(found.as_str()) == 1 && !legal_form);
    if !site && !legal_form {
        return None;
    }
    let before = text[..found.start()].strip_suffix(", ")?;
    let line_start = before.rfind(['\n', '!', '?']).map_or(0, |at| at + 1);
    let name = before[line_start..].trim();
    let name = name.rsplit(". ").next().unwrap_or(name);
    let capitalised = !name.is_empty()
        && word_count(name) <= 5
        && name
            .split_whitespace()
            .all(|w| starts_uppercase(w) || matches!(w, "of" | "and" | "&" | "the" | "de"));
    if !capitalised || is_listed_place(name) || has_role_word(name) {
        return None;
    }
    Some(if legal_form {
        format!("{}, {}", name, found.as_str())
    } else {
        clean_company(name)
    })
}

/// Whether the name found at `start` follows "in"/"at"/"outside"/"near" or their equivalents in
/// other languages ("A private nature
/// reserve in Gansbaai is seeking", "A lodge outside Grahamstown is looking for": the place of
/// an unnamed employer) or an indefinite article ("A Regional
/// Queensland Council is seeking": a kind of employer, not its name).
fn unnamed_or_place(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    // "Unser Friseurunternehmen in Freiburg im Breisgau sucht": the German, Dutch, French,
    // Spanish and Portuguese "in" and "near" too.
    matches!(
        last,
        "in" | "at"
            | "a"
            | "an"
            | "A"
            | "An"
            | "outside"
            | "near"
            | "im"
            | "bei"
            | "nahe"
            | "te"
            | "à"
            | "en"
            | "em"
            | "no"
            | "na"
            | "près"
    )
}

/// Finds a company the text states: "Acme is hiring", "At Acme, we …",
/// "a role at Acme", "Join Acme as …". Never guesses otherwise.
pub(crate) fn company_from_text(text: &str) -> Option<String> {
    let patterns: [&LazyLock<Regex>; 4] = [
        &COMPANY_IS_HIRING,
        &COMPANY_AT_WE,
        &COMPANY_JOIN,
        &COMPANY_STARTED,
    ];
    let simple = patterns.iter().find_map(|pattern| {
        pattern
            .captures_iter(text)
            .filter_map(|caps| {
                let m = caps.iter().skip(1).flatten().next()?;
                if unnamed_or_place(text, m.start()) || nordic_inversion(text, &caps) {
                    return None;
                }
                Some(brand_before_place(text, m).unwrap_or_else(|| clean_company(m.as_str())))
            })
            .find(|name| plausible_company(name))
    });
    simple
        .or_else(|| company_after_at(text))
        .or_else(|| company_from_links(text))
}

static COMPANY_POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){COMPANY_NAME}['’]s[ ]+([a-z][a-z-]*)"))
        .expect("possessive regex is valid")
});

/// Possessors that are no employer, however they are written: degrees, licences, people
/// in general, words that open a sentence.
const GENERIC_POSSESSORS: &[&str] = &[
    "master",
    "masters",
    "bachelor",
    "bachelors",
    "doctor",
    "driver",
    "applicant",
    "candidate",
    "employee",
    "employer",
    "client",
    "customer",
    "today",
    "tomorrow",
    "world",
    "company",
    "organisation",
    "organization",
    "here",
    "there",
    "what",
    "that",
    "it",
    "let",
    "who",
    "god",
];

/// Possessors that name nobody when they stand alone ("Children’s services") but can end an
/// organisation's name ("Save the Children").
const GENERIC_ALONE: &[&str] = &[
    "team", "children", "women", "men", "people", "patient", "patients", "student", "students",
    "member", "members",
];

/// Kinds of organisation that "the" makes a common noun ("the Hospital", "the Council").
const ORGANISATION_NOUNS: &[&str] = &[
    "museum",
    "hospital",
    "council",
    "school",
    "company",
    "bank",
    "agency",
    "ministry",
    "department",
    "organisation",
    "organization",
    "university",
    "college",
    "office",
    "centre",
    "center",
    "unit",
    "board",
    "trust",
    "foundation",
    "club",
    "library",
    "church",
    "district",
    "city",
    "county",
    "state",
    "government",
    "authority",
    "commission",
    "programme",
    "program",
    "project",
    "team",
    "group",
    "firm",
    "business",
    "service",
    "society",
    "association",
];

/// Words after a possessive that make it a qualification, a document or an eponym, not an
/// employer's ("Master's degree", "Driver's licence", "Alzheimer’s disease").
const POSSESSED_DOCUMENTS: &[&str] = &[
    // "Alzheimer’s disease", "Down’s syndrome", "Murphy’s law", "Valentine’s Day".
    "disease",
    "syndrome",
    "law",
    "day",
    "degree",
    "degrees",
    "level",
    "licence",
    "license",
    "certificate",
    "diploma",
    "qualification",
];

/// An organisation the text speaks of as owning something ("Save the Children’s programme",
/// "in line with Expertise France’s rules"): a last resort when nothing states the employer.
/// Of several such names the one the text mentions most often wins, then the first.
pub(crate) fn company_from_possessive(text: &str) -> Option<String> {
    let folded = fold(text);
    let mut best: Option<(usize, String)> = None;
    for caps in COMPANY_POSSESSIVE.captures_iter(text) {
        let (Some(found), Some(next)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        if POSSESSED_DOCUMENTS.contains(&next.as_str()) || unnamed_or_place(text, found.start()) {
            continue;
        }
        // "backed by Ycombinator and Europe’s leading VCs": the possessive is the place's, the
        // last conjunct ("Marks and Spencer’s" stays whole).
        let name = match found.as_str().rsplit_once(" and ") {
            Some((_, last)) if is_place(last) => last,
            _ => found.as_str(),
        };
        let name = clean_company(name);
        let last = fold(name.split_whitespace().last().unwrap_or_default());
        let alone = word_count(&name) == 1;
        // "the Museum’s collections", "The Trust’s values", "Represent the Hospital’s
        // interests": a common noun the text refers back to.
        let common_noun = (alone
            && (text[..found.start()].ends_with("the ")
                || ORGANISATION_NOUNS.contains(&last.as_str())))
            || found
                .as_str()
                .rsplit_once(" the ")
                .is_some_and(|(_, noun)| {
                    word_count(noun) == 1 && ORGANISATION_NOUNS.contains(&fold(noun).as_str())
                });
        // "iv. Reporting and Accounting for Commission’s finances", "a) Review Kestrel’s
        // budget": a duty's capitalised opening words after a list marker, not a name.
        let line_start = text[..found.start()].rfind('\n').map_or(0, |at| at + 1);
        let line = &text[line_start..];
        // `strip_bullet` hands back a part of `text`: the item starts where the name does.
        let opens_item = strip_bullet(line.trim_start())
            .is_some_and(|item| std::ptr::eq(item.as_ptr(), text[found.start()..].as_ptr()));
        if GENERIC_POSSESSORS.contains(&last.as_str())
            || (alone && GENERIC_ALONE.contains(&last.as_str()))
            || common_noun
            || opens_item
        {
            continue;
        }
        if !plausible_company(&name) || has_role_word(&name) {
            continue;
        }
        let mentions = whole_word_count(&folded, &fold(&name));
        if best.as_ref().is_none_or(|(most, _)| mentions > *most) {
            best = Some((mentions, name));
        }
    }
    best.map(|(_, name)| name)
}

/// An organisation's name at the start of a title. Narrower than `ORGANISATION_NAME`: "School",
/// "Group", "Institute" and "Authority" also open roles ("School Social Worker", "Group Head"),
/// so only words that do not are taken here (with `ORGANISATION_NAME` "Job Opening Information
/// School Social Worker" named a company "Job Opening Information School").
static ORGANISATION_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][\w'’.&-]*[ ]+){1,5}?(?:Church|Hospital|University|College|Council|Museum|Library|Co-op|Co-operative|Cooperative|Foundation|Trust|Society|Association|Clinic|Academy|Ltd|Limited|Inc|LLC)(?-u:\b)")
        .expect("organisation-first regex is valid")
});

/// Words that open a role, not an organisation ("Senior School Teacher", "Head Librarian").
const ROLE_OPENERS: &[&str] = &[
    "senior",
    "junior",
    "lead",
    "head",
    "chief",
    "assistant",
    "deputy",
    "principal",
    "acting",
    "interim",
    "trainee",
    "graduate",
    "part",
    "full",
];

/// "Parkway Gardens United Presbyterian Church Part Time Organist", "Plainfield Food Co-op
/// Store Manager": an employer shaped like an organisation run into the front of the title,
/// when nothing else names the employer. The rest must name a role; a schooling level ("Primary
/// School Teacher") or a role's opening word ("Senior College Lecturer") is no employer.
pub(crate) fn organisation_before_role(title: &str) -> Option<String> {
    let found = ORGANISATION_FIRST.find(title)?;
    let name = found.as_str().trim();
    let rest = title[found.end()..].trim_start_matches([' ', '-', '–', ':', '|', ',']);
    let first = fold(name.split_whitespace().next().unwrap_or_default());
    let schooling = name
        .rsplit_once(' ')
        .is_some_and(|(level, _)| SCHOOLING_LEVELS.contains(&fold(level).as_str()));
    let named = word_count(name) >= 2
        && !ROLE_OPENERS.contains(&first.as_str())
        && !schooling
        && !has_role_word(name)
        && plausible_company(name);
    // "Micro Plus Trust Staff": one word after the name is more likely part of a programme's
    // name than a role.
    (named && rest.starts_with(char::is_uppercase) && word_count(rest) >= 2 && has_role_word(rest))
        .then(|| name.to_string())
}

/// "Enabel est l'agence belge de coopération …", "ZOA es una organización …", "Die Stiftung
/// ist ein Träger …": an organisation introducing itself in French, Spanish, Portuguese,
/// Italian, German or Dutch, where "is a" must lead to a word for an organisation within a
/// few words (a skill "est un atout" names none).
const OTHER_LANGUAGES_IS_A: &str = r"(?:est|es|é|è|ist|is)[ ]+(?:une?|una|uma|ein|eine|een|la|el|il|der|die|das|l['’])[ ]*(?:[\w'’-]+[ ]+){0,3}?(?:agence|agencia|agência|agenzia|organisation|organización|organização|organizzazione|organisatie|ONG|NGO|entreprise|empresa|azienda|société|sociedad|sociedade|società|Unternehmen|bedrijf|association|asociación|associação|associazione|vereniging|Verein|Verband|fondation|fundación|fundação|fondazione|Stiftung|stichting|institution|institución|instituição|istituzione|institut|instituto|istituto|groupe|grupo|gruppo|leader|líder|réseau|cabinet|hôpital|clinique|clínica|université|universidad|universidade|università|Hochschule|collectivité|commune|gemeente|municipalité|ayuntamiento|prefeitura|compagnie|compañía|companhia|banque|banco|banca|coopérative|cooperativa|Träger|Anbieter|Hersteller|Dienstleister)(?:[^\p{L}\p{N}_]|$)";

static COMPANY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)(?:^|[.!?][ ]+|,[ ]+(?:the[ ]+)?){COMPANY_NAME}(?:[ ]+\([^)\n]{{1,40}}\))?(?:[ ]+in[ ]+[A-Z][\w'’.-]*)?[ ]+(?:is[ ]+(?:a|an|the|building|creating|developing|among|one[ ]+of|on[ ]+a[ ]+mission)(?-u:\b)|was[ ]+founded(?-u:\b)|is[ ]+nestled(?-u:\b)|exists[ ]+to(?-u:\b)|(?:builds|helps|makes|runs|operates|designs|develops|creates|provides|offers|plans|connects|processes|powers|serves|sells|delivers|brings|turns|gives|lets|enables)(?-u:\b)|{OTHER_LANGUAGES_IS_A})"
    ))
    .expect("subject regex is valid")
});

static COMPANY_STARTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:{COMPANY_NAME}(?:[ ]+[(\[][^)\]\n]{{1,40}}[)\]])?[ ]+(?:opens|has[ ]+opened|announces|(?:currently[ ]+)?(?:has|have))[ ]+(?:an?[ ]+|\w+[ ]+\(\d+\)[ ]+|several[ ]+)?(?:(?:immediate|exciting|new)[ ]+)?(?:vacanc(?:y|ies)|openings?|positions?)(?-u:\b)|[Ff]ounded[ ]+in[ ]+\d{{4}},[ ]+{COMPANY_NAME}[ ]+(?:is|was|has)(?-u:\b)|(?:started|founded|co-founded|launched)[ ]+{COMPANY_NAME}[ ]+in[ ]+\d{{4}}|{COMPANY_NAME}[ ]+is[ ]+(?:an|a|proud[ ]+to[ ]+be[ ]+an?)[ ]+equal[ ]+opportunit|{COMPANY_NAME},[ ]+an?[ ]+(?:[\w-]+[ ]+){{0,3}}(?:organi[sz]ation|company|charity|non-?profit|NGO|firm|agency|foundation|start-?up|institution|network|association|society)(?-u:\b))"
    ))
    .expect("started regex is valid")
});

/// Every name the text states as an organisation ("Acme is hiring", "At Acme, we",
/// "Join Acme as", "Acme is a …" at a sentence start, "Founded in 2015, Acme is",
/// "started Acme in 2020", "Acme is an equal opportunity employer", "Acme, a campaigning
/// medical organisation"), in text order per
/// pattern. Used to confirm a name the header only suggests.
pub(crate) fn stated_companies(text: &str) -> Vec<String> {
    let patterns: [&LazyLock<Regex>; 5] = [
        &COMPANY_IS_HIRING,
        &COMPANY_AT_WE,
        &COMPANY_JOIN,
        &COMPANY_SUBJECT,
        &COMPANY_STARTED,
    ];
    let mut names: Vec<String> = Vec::new();
    for pattern in patterns {
        for caps in pattern.captures_iter(text) {
            let Some(found) = caps.iter().skip(1).flatten().next() else {
                continue;
            };
            if unnamed_or_place(text, found.start()) || nordic_inversion(text, &caps) {
                continue;
            }
            let name =
                brand_before_place(text, found).unwrap_or_else(|| clean_company(found.as_str()));
            if plausible_company(&name) && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Whether a name the header only suggests ("Title - X", a meta line's part after the place)
/// is the employer: it ends in a legal-form or sector word, or the text states it as an
/// organisation elsewhere. A team ("Search", "Business Analytics") is neither.
pub(crate) fn corroborated_company(guess: &str, stated: &[String]) -> bool {
    let key = fold(guess);
    has_company_suffix(guess)
        || organisation_shaped(guess)
        || stated.iter().any(|name| {
            let name = fold(name);
            name == key
                || name.starts_with(&format!("{key} "))
                || key.starts_with(&format!("{name} "))
        })
}

/// "County Government of Kitui", "St Mary's Hospital", "City of Arcata": the whole text has
/// the shape of an organisation's name.
pub(crate) fn organisation_shaped(text: &str) -> bool {
    let text = text.trim();
    [&*ORGANISATION_NAME, &*KIND_FIRST_NAME]
        .iter()
        .any(|shape| {
            shape
                .find(text)
                .is_some_and(|found| found.start() == 0 && found.end() == text.len())
        })
}

/// Drops a "Title - X" company guess that nothing confirms; X goes back into the title
/// unless it names the site ("Staff Nurse - St Davids").
pub(crate) fn withdraw_tentative_company(header: &mut Header) {
    let Some(previous) = header.company.take() else {
        return;
    };
    header.tentative_company = false;
    if header.tentative_before_title || !header.tentative_after_dash || is_site_name(&previous) {
        return;
    }
    // "Office Manager - Garment Production at Apex Forte Professionals": the part names the
    // team, then the employer after "at".
    let (previous, at_company) = split_at_company(&previous);
    if let Some(title) = header.title.as_mut()
        && !fold(title).contains(&fold(&previous))
    {
        *title = format!("{title} - {previous}");
    }
    header.company = at_company;
}

/// Organisations named by their kind first, as French, Spanish, Portuguese, Italian, Dutch and
/// Romanian write them: "Banco Central de Bolivia", "Ministère de l'Éducation Nationale",
/// "Prefeitura Municipal de Vitória". The name ends with its last capitalised word, which may end
/// in an accented letter, so no ASCII word boundary follows it (the greedy word class ends it).
/// Its words are Latin letters only: the Unicode word class made the lazy DFA rebuild its states
/// on most postings.
const KIND_FIRST_ORGANISATION: &str = r"(?:Ministère|Ministerio|Ministério|Ministerie|Ministero|Secretaría|Secretaria|Prefeitura(?:[ ]+Municipal)?|Mairie|Banco|Banque|Universidad|Université|Universidade|Università|Universiteit|Instituto|Fundación|Fundação|Fondation|Fondazione|Asociación|Associação|Agence|Agencia|Agência|Hôpital|Centre[ ]+Hospitalier|Complejo|Servicio|Serviço|Cámara|Câmara(?:[ ]+Municipal)?|Consejo|Conselho|Conseil|Dirección|Direção|Administración|Administração|Gobierno|Governo|Gouvernement|Fiscalía|Comisión|Comissão|Organización|Organização|Sociedad|Federación|Fédération|Provincie|Stichting|Vereniging|Spitalul)(?:[ ]+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ0-9'’.-]*){0,2}[ ]+(?:de|del|de[ ]+la|de[ ]+l['’]|des|du|da|do|das|dos|di|della|van|voor|pour|para)[ ]+(?:l['’])?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ0-9'’.-]*(?:[ ]+(?:(?:de|del|de[ ]+la|de[ ]+l['’]|des|du|da|do|das|dos|di|della|van|voor|en|y|et|e)[ ]+)?(?:l['’])?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ0-9'’.-]*){0,5}";

/// The other shapes: "City of Arcata", "Gemeente Kaprijke", "… Hospital", "… Authority of …";
/// each ends on an ASCII keyword or word, so an ASCII word boundary closes it.
const ORGANISATION_SHAPES: &str = r"(?:(?:County|City|State|Provincial|Municipal)[ ]+)?(?:City|Town|County|Borough|Village|Municipality|Department|Ministry|University|State|Government|Parliament)[ ]+of(?:[ ]+(?:the|and|for))?(?:[ ]+[A-Z][\w'’.-]*){1,4}(?:[ ]+(?:and|&)(?:[ ]+[A-Z][\w'’.-]*){1,3})?|(?:Gemeente|Stadt|Landkreis|Ayuntamiento[ ]+de|Municipalidad[ ]+de|Comune[ ]+di|Ville[ ]+de|Commune[ ]+de)[ ]+[A-Z][\w'’.-]*|(?:[A-Z][\w'’.&-]*[ ]+){1,4}(?:Authority|Commission)(?:[ ]+of(?:[ ]+the)?(?:[ ]+[A-Z][\w'’.-]*){1,3})?|(?:[A-Z][\w'’.&-]*[ ]+){1,4}(?:Hospital|University|College|Council|Academy|Institute|Trust|School|Clinic|Foundation|Legislature|Parliament|Nation|Church|Cathedral|Diocese|Society|Association|Library|Museum|Resort|Cooperative|Corporation|Secretariat|Embassy|Municipality|Kindergarten|Tribunal|Federation|Group|Ltd|Limited|Inc|LLC|GmbH|PLC|Plc)";

static ORGANISATION_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:{ORGANISATION_SHAPES})(?-u:\b)"))
        .expect("organisation regex is valid")
});

/// A regex of its own: it starts with literal words, so the regex crate skips ahead to them and
/// English text costs almost nothing.
static KIND_FIRST_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){KIND_FIRST_ORGANISATION}"))
        .expect("kind-first organisation regex is valid")
});

/// "Øygarden kommune", "Umeå kommun": a Nordic municipality, named before the word. A regex of
/// its own, since the name may start with a letter outside ASCII, where the ASCII word boundary
/// of `ORGANISATION_NAME` cannot open it; only run on text that has the word.
static MUNICIPALITY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\w'’.-]*[ ]+(?:kommune|kommun|Kommune|fylkeskommune)(?-u:\b)")
        .expect("municipality regex is valid")
});

/// Legal forms of Europe, Latin America and Malaysia that end a name ("Welzijnszorg vzw",
/// "Starke Demokratie e.V."), as written.
const LEGAL_FORM_ENDINGS: &str = r"(?:vzw|VZW|asbl|ASBL|e\.V|gGmbH|Ltda|LTDA|SARL|SRL|S\.r\.l|S\.p\.A|B\.V|N\.V|ApS|A/S|Oyj|Kft|s\.r\.o|d\.o\.o|Bhd)";

/// A legal form alone: the cheap test that decides whether `LEGAL_FORM_NAME` runs at all.
static LEGAL_FORM_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){LEGAL_FORM_ENDINGS}(?-u:\b)"))
        .expect("legal-form regex is valid")
});

/// Up to four capitalised words and the legal form that ends them.
static LEGAL_FORM_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:[A-Z][\w'’.&-]*[ ]+){{1,4}}{LEGAL_FORM_ENDINGS}(?-u:\b)"
    ))
    .expect("legal-form name regex is valid")
});

/// Adds a name found by another shape unless it overlaps one found before.
fn add_unless_overlapping<'t>(found: &mut Vec<regex::Match<'t>>, name: regex::Match<'t>) {
    if !found
        .iter()
        .any(|f| f.start() < name.end() && name.start() < f.end())
    {
        found.push(name);
    }
}

/// Every organisation-shaped name in `text`, in text order (a kind-first name overlapping an
/// earlier one is left out).
fn organisation_names(text: &str) -> Vec<regex::Match<'_>> {
    let mut found: Vec<regex::Match> = ORGANISATION_NAME.find_iter(text).collect();
    if LEGAL_FORM_WORD.is_match(text) {
        for name in LEGAL_FORM_NAME.find_iter(text) {
            add_unless_overlapping(&mut found, name);
        }
    }
    if text.contains("ommun") {
        for name in MUNICIPALITY_NAME.find_iter(text) {
            // "Vår kommune", "Denne kommunen": a possessive or a demonstrative, not a name.
            let first = fold(name.as_str().split(' ').next().unwrap_or(""));
            let determiner = [
                "vår", "din", "denne", "dette", "hver", "vores", "vor", "hela", "hele",
            ]
            .contains(&first.as_str());
            let in_word = text[..name.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if !determiner && !in_word {
                add_unless_overlapping(&mut found, name);
            }
        }
    }
    for name in KIND_FIRST_NAME.find_iter(text) {
        add_unless_overlapping(&mut found, name);
    }
    found.sort_by_key(regex::Match::start);
    found
}

/// Words before "School" that name a level of schooling (an education requirement), folded.
const SCHOOLING_LEVELS: &[&str] = &[
    "high",
    "secondary",
    "post-secondary",
    "postsecondary",
    "primary",
    "elementary",
    "middle",
    "grade",
    "graduate",
    "medical",
    "law",
    "nursing",
    "trade",
    "vocational",
    "junior high",
    "senior high",
];

/// The first organisation the text names by its shape: "City of Bulawayo", "Department of
/// Transport and Planning", "the Rotunda Hospital", "Acme Holdings Ltd". A last resort when
/// nothing states the employer, so only shapes that cannot be a role or a place.
pub(crate) fn company_from_organisation_name(text: &str) -> Option<String> {
    let head: String = text.chars().take(2500).collect();
    let matches = organisation_names(&head);
    matches.iter().enumerate().find_map(|(at, found)| {
        // "a degree from a Recognised University", "issued by the Health Authority", "per
        // Department of Homeland Security rules", "insurance with Aviva Limited": an
        // organisation the posting mentions in passing, not the employer.
        let window = head[..found.start()]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(at, _)| at);
        let before = fold(&head[window..found.start()]);
        let before = before.trim_end();
        // "… issued by the", not "… reissued by the".
        let ends_with_phrase = |phrase: &str| {
            before
                .strip_suffix(phrase)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        };
        let in_passing = [
            "from a",
            "from an",
            "from",
            "issued by",
            "issued by the",
            "per",
            "studied at",
            "graduate of",
            "graduated from",
            "accredited by",
            "recognised by",
            "recognized by",
            "registered with",
            "registered with the",
            "licensed by",
            "insurance with",
            "pension with",
            "under",
            // "on behalf of a Regional Queensland Council": an unnamed one.
            "a",
            "an",
        ]
        .iter()
        .any(|w| ends_with_phrase(w));
        let adjective_university =
            fold(found.as_str())
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    matches!(
                        w,
                        "recognised"
                            | "recognized"
                            | "accredited"
                            | "reputable"
                            | "reputed"
                            | "any"
                            | "some"
                    )
                });
        // "a licence valid in the State of Maryland", "licensure by the State of
        // Mississippi", "São Paulo, State of São Paulo, Brazil": a state as the law's or the
        // address's, not as the employer.
        let state_in_passing = fold(found.as_str()).starts_with("state of ")
            && ([
                "in the",
                "by the",
                "within the",
                "across the",
                "throughout the",
                "to the",
            ]
            .iter()
            .any(|w| ends_with_phrase(w))
                || before.ends_with(','));
        if in_passing || adjective_university || state_in_passing {
            return None;
        }
        // "The Department of Mathematics … at John Carroll University": a department named
        // just before its organisation is part of it.
        let part_of_next = found.as_str().starts_with("Department")
            && matches
                .get(at + 1)
                .is_some_and(|next| next.start() - found.end() <= 120);
        if part_of_next {
            return None;
        }
        // "Watertown School Board": the name goes on; a cut-off name is no name.
        let runs_on = head[found.end()..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
        if runs_on {
            return None;
        }
        let name = clean_company(found.as_str());
        // "Post-Secondary School", "High School": a level of schooling, not a school's name.
        let schooling = fold(&name)
            .strip_suffix(" school")
            .is_some_and(|level| SCHOOLING_LEVELS.contains(&level));
        // The shape makes it an organisation, whatever words it holds ("Town of Porter").
        (word_count(&name) >= 2 && !schooling && plausible_company(&name)).then_some(name)
    })
}

static UNNAMED_CLIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:our|a|the)[ ]+clients?(?:'s)?,?[ ]+(?:is|are|seeks?|requires?|reserves?|has|have|based|located|a[ ]+leading|an?[ ]+established)|for[ ]+(?:one[ ]+of[ ]+)?our[ ]+clients?|a[ ]+client[ ]+of[ ]+ours|confidential[ ]+client)(?-u:\b)",
    )
    .expect("unnamed-client regex is valid")
});

/// Whether a recruitment agency writes the posting for a client it does not name ("Our client
/// is a leading …", "on behalf of our client", "We are recruiting to fill the position
/// below"): then nothing in the text but a labelled company names the employer.
pub(crate) fn for_unnamed_client(text: &str) -> bool {
    // "We are recruiting on behalf of our client": only when the sentence is about hiring;
    // "collect outstanding debt on behalf of our client" describes the work.
    static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:recruit\w*|hiring|seek\w*|looking|search\w*|vacanc\w*|position|role|opportunity|appoint\w*)(?-u:\b)[^.\n]{0,80}?(?-u:\b)on[ ]+behalf[ ]+of[ ]+(?:our|a|one[ ]+of[ ]+our)[ ]+clients?(?-u:\b)|(?:^|[.\n]\s*)on[ ]+behalf[ ]+of[ ]+(?:our|a|one[ ]+of[ ]+our)[ ]+clients?(?-u:\b)",
        )
        .expect("on-behalf regex is valid")
    });
    UNNAMED_CLIENT.is_match(text) || ON_BEHALF.is_match(text)
}

/// "We are recruiting to fill the position below": a board's stock phrase, used by agencies for
/// unnamed clients and by employers alike. The employer counts only when the text states it
/// (a sentence or a label), never by the shape of a name alone.
pub(crate) fn recruiting_to_fill(text: &str) -> bool {
    fold(text).contains("recruiting to fill the position")
}

/// Whether the opening of the text presents a recruitment or HR-services firm ("provides a range
/// of human resources solutions"): with the stock phrase above, that firm writes for a client.
pub(crate) fn presents_recruiter(text: &str) -> bool {
    let head = fold(&text.chars().take(600).collect::<String>());
    [
        "human resource",
        "recruitment",
        "recruiting firm",
        "staffing",
        "hr solutions",
        "hr consult",
        "talent acquisition",
        "outsourcing",
        "headhunt",
        "executive search",
    ]
    .iter()
    .any(|w| head.contains(w))
}

/// A company introduced as the subject of a sentence in an "About"
/// paragraph or the opening paragraph: "Klarblick builds …",
/// "Alpenbank is a private bank …".
pub(crate) fn company_from_subject(paragraph: &str) -> Option<String> {
    COMPANY_SUBJECT
        .captures_iter(paragraph)
        .filter(|caps| !names_a_requirement(&paragraph[caps.get(0).map_or(0, |m| m.end())..]))
        .filter_map(|caps| caps.get(1).map(|m| clean_company(m.as_str())))
        .find(|name| plausible_company(name) && !has_role_word(name))
}

/// "Microsoft Excel is a must", "Python is a plus": a skill the posting asks for, not an
/// organisation introducing itself. `rest` is the text after "is a".
fn names_a_requirement(rest: &str) -> bool {
    let next = fold(rest.trim_start())
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or_default()
        .to_string();
    matches!(
        next.as_str(),
        "must"
            | "plus"
            | "bonus"
            | "requirement"
            | "prerequisite"
            | "priority"
            | "nice-to-have"
            | "big"
            | "strong"
            | "huge"
            | "definite"
            | "key"
            | "advantage"
            | "asset"
            | "necessity"
    )
}

fn company_after_at(text: &str) -> Option<String> {
    COMPANY_AFTER_AT.captures_iter(text).find_map(|caps| {
        let context = fold(caps.get(1)?.as_str());
        let name = clean_company(caps.get(2)?.as_str());
        let employer_context =
            AT_COMPANY_CONTEXT.contains(&context.as_str()) || has_role_word(&context);
        (employer_context && plausible_company(&name)).then_some(name)
    })
}

static LINK_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.|@)([a-z0-9.-]+\.[a-z]{2,})(?:/([A-Za-z0-9_-]+))?")
        .expect("link regex is valid")
});

/// Hosts that say nothing about the employer.
const GENERIC_HOSTS: &[&str] = &[
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "yahoo",
    "icloud",
    "proton",
    "protonmail",
    "github",
    "gitlab",
    "linkedin",
    "twitter",
    "x",
    "facebook",
    "instagram",
    "youtube",
    "google",
    "notion",
    "medium",
    "substack",
    "ycombinator",
    "wellfound",
    "angel",
    "indeed",
    "glassdoor",
    "example",
    "forms",
    "bit",
    "calendly",
    "typeform",
    "airtable",
    "wsj",
    "nytimes",
];

/// Applicant-tracking hosts whose first path segment (or subdomain) is the employer's slug.
const ATS_HOSTS: &[&str] = &[
    "greenhouse",
    "lever",
    "ashbyhq",
    "workable",
    "recruitee",
    "bamboohr",
    "breezy",
    "teamtailor",
    "applytojob",
    "smartrecruiters",
    "personio",
    "jobvite",
    "workday",
    "myworkdayjobs",
    "rippling",
    "dover",
    "pinpointhq",
];

/// A company confirmed by a link: the employer's name written in the text whose letters are
/// the link's domain or applicant-tracking slug ("Qualcomm" and `qualcomm.com`, "Lightdash"
/// and `jobs.lever.co/lightdash`). A domain alone never names the company.
pub(super) fn company_from_links(text: &str) -> Option<String> {
    let mut slugs: Vec<String> = Vec::new();
    for caps in LINK_HOST.captures_iter(text) {
        let host = caps[1].to_ascii_lowercase();
        let labels: Vec<&str> = host.split('.').collect();
        let is_ats = labels.iter().any(|l| ATS_HOSTS.contains(l));
        let slug = if is_ats {
            // jobs.lever.co/acme, boards.greenhouse.io/acme; or acme.recruitee.com.
            let shared_host = ATS_HOSTS.contains(&labels[0])
                || ["jobs", "boards", "apply", "careers", "job-boards"].contains(&labels[0]);
            match (shared_host, caps.get(2)) {
                (true, Some(path)) => path.as_str().to_string(),
                (true, None) => continue,
                (false, _) => labels[0].to_string(),
            }
        } else {
            // The registrable name: the label before the public suffix ("acme" in
            // careers.acme.co.uk, "reef-technologies" in reef-technologies.com).
            let named: Vec<&str> = labels
                .iter()
                .copied()
                .filter(|l| {
                    ![
                        "co", "com", "org", "net", "ac", "gov", "www", "careers", "jobs", "mail",
                    ]
                    .contains(l)
                })
                .collect();
            match named.len() {
                0 => continue,
                1 => named[0].to_string(),
                n => named[n - 2].to_string(),
            }
        };
        let slug: String = slug
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if slug.len() >= 3 && !GENERIC_HOSTS.contains(&slug.as_str()) && !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    if slugs.is_empty() {
        return None;
    }
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)[A-Z][\w&.'-]*(?:[ ]+[A-Z][\w&.'-]*){0,3}")
            .expect("name regex is valid")
    });
    for found in NAME.find_iter(text) {
        let words: Vec<&str> = found.as_str().split_whitespace().collect();
        // Every prefix of the capitalised run ("Qualcomm Technologies" → "Qualcomm").
        for end in (1..=words.len()).rev() {
            let candidate = words[..end].join(" ");
            let letters: String = candidate
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            if slugs.contains(&letters) && plausible_company(&candidate) {
                return Some(clean_company(&candidate));
            }
        }
    }
    None
}

/// Trims possessives and trailing punctuation from a company name.
pub(super) fn clean_company(name: &str) -> String {
    let trimmed = name.trim().trim_end_matches(['.', ',', '\'']);
    let trimmed = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("’s"))
        .unwrap_or(trimmed);
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let leading_generic = ["We", "Our", "The", "This", "At", "Here", "Today", "Now"];
    let start = usize::from(words.len() > 1 && leading_generic.contains(&words[0]));
    // "Acme for the": connectors only join words inside a name.
    let mut end = words.len();
    while end > start + 1 && ["of", "and", "de", "for", "the", "&"].contains(&words[end - 1]) {
        end -= 1;
    }
    words[start..end].join(" ")
}

/// The employer of a French public-service vacancy notice, in its set opening: "Un emploi de
/// sous-directeur est susceptible d'être vacant au ministère des armées", "… sera vacant à
/// compter du 13 mai 2024 à la direction de l'information légale et administrative (DILA),
/// direction d'administration centrale …". The ministry or directorate named, its first letter
/// capitalised; an "au sein des ministères sociaux" names no single employer.
pub(crate) fn official_notice_employer(text: &str) -> Option<String> {
    static VACANT_AT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)emploi\s[^.;\n]{0,80}?(?:est|sera)\s+(?:susceptible\s+d['’]\s*être\s+)?(?:prochainement\s+)?vacante?\s+(?:à\s+compter\s+du\s+[^,.;\n]{3,30}?\s+)?(?:au|à\s+la|à\s+l['’]\s*)\s*((?:ministère|direction|secrétariat|délégation|inspection|agence|commissariat|préfecture|office|institut|conseil|cour|centre)\s(?:[^,.;\n]|,\s+(?:de|du|des|d['’]))+)")
            .expect("notice employer regex is valid")
    });
    // The name runs to the sentence's end or a comma that does not go on with "de …", less
    // what places it ("placée sous l'autorité …", "au sein du …", "auprès de …").
    static PLACED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+(?:placée?s?|située?s?|rattachée?s?|au\s+sein|auprès)\s")
            .expect("placed regex is valid")
    });
    let name = VACANT_AT.captures(text)?.get(1)?.as_str();
    let name = PLACED
        .find(name)
        .map_or(name, |found| &name[..found.start()]);
    Some(crate::enhance::capitalize(name.trim()))
}
