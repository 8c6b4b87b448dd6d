//! Word lists the résumé parser recognises: section headings and their synonyms, words that
//! make a phrase a job title, an organisation, a school or a degree, and places.

/// What a section of a résumé holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Contact details (two-column layouts put them under a heading).
    Contact,
    /// Summary, profile, objective.
    Summary,
    /// Jobs.
    Experience,
    /// Schools.
    Education,
    /// Skills.
    Skills,
    /// Projects.
    Projects,
    /// Certifications and licences.
    Certifications,
    /// Spoken languages.
    Languages,
    /// Anything else (awards, volunteering, interests…): read past, not imported.
    Other,
}

const HEADINGS: &[(&str, Section)] = &[
    ("contact", Section::Contact),
    ("contact information", Section::Contact),
    ("contact details", Section::Contact),
    ("contact info", Section::Contact),
    ("personal information", Section::Contact),
    ("personal details", Section::Contact),
    ("details", Section::Contact),
    ("links", Section::Contact),
    ("profiles", Section::Contact),
    ("social", Section::Contact),
    ("online", Section::Contact),
    ("summary", Section::Summary),
    ("professional summary", Section::Summary),
    ("career summary", Section::Summary),
    ("executive summary", Section::Summary),
    ("summary of qualifications", Section::Summary),
    ("profile", Section::Summary),
    ("professional profile", Section::Summary),
    ("personal profile", Section::Summary),
    ("career profile", Section::Summary),
    ("about", Section::Summary),
    ("about me", Section::Summary),
    ("objective", Section::Summary),
    ("career objective", Section::Summary),
    ("professional objective", Section::Summary),
    ("overview", Section::Summary),
    ("personal statement", Section::Summary),
    ("introduction", Section::Summary),
    ("bio", Section::Summary),
    ("experience", Section::Experience),
    ("work experience", Section::Experience),
    ("professional experience", Section::Experience),
    ("relevant experience", Section::Experience),
    ("work history", Section::Experience),
    ("employment", Section::Experience),
    ("employment history", Section::Experience),
    ("employment experience", Section::Experience),
    ("career history", Section::Experience),
    ("career", Section::Experience),
    ("career experience", Section::Experience),
    ("professional background", Section::Experience),
    ("professional history", Section::Experience),
    ("work", Section::Experience),
    ("positions", Section::Experience),
    ("positions held", Section::Experience),
    ("experience and employment", Section::Experience),
    ("industry experience", Section::Experience),
    ("technical experience", Section::Experience),
    ("teaching experience", Section::Experience),
    ("research experience", Section::Experience),
    ("clinical experience", Section::Experience),
    ("education", Section::Education),
    ("education and training", Section::Education),
    ("academic background", Section::Education),
    ("academic history", Section::Education),
    ("academics", Section::Education),
    ("academic qualifications", Section::Education),
    ("educational background", Section::Education),
    ("education history", Section::Education),
    ("qualifications", Section::Education),
    ("degrees", Section::Education),
    ("studies", Section::Education),
    ("skills", Section::Skills),
    ("technical skills", Section::Skills),
    ("key skills", Section::Skills),
    ("core skills", Section::Skills),
    ("core competencies", Section::Skills),
    ("competencies", Section::Skills),
    ("areas of expertise", Section::Skills),
    ("expertise", Section::Skills),
    ("skills and expertise", Section::Skills),
    ("skills and abilities", Section::Skills),
    ("skills and tools", Section::Skills),
    ("skills and technologies", Section::Skills),
    ("skills and competencies", Section::Skills),
    ("skill set", Section::Skills),
    ("skillset", Section::Skills),
    ("technologies", Section::Skills),
    ("tools", Section::Skills),
    ("tools and technologies", Section::Skills),
    ("tech stack", Section::Skills),
    ("technical proficiencies", Section::Skills),
    ("proficiencies", Section::Skills),
    ("abilities", Section::Skills),
    ("strengths", Section::Skills),
    ("projects", Section::Projects),
    ("personal projects", Section::Projects),
    ("selected projects", Section::Projects),
    ("key projects", Section::Projects),
    ("side projects", Section::Projects),
    ("academic projects", Section::Projects),
    ("notable projects", Section::Projects),
    ("open source", Section::Projects),
    ("open source projects", Section::Projects),
    ("open source contributions", Section::Projects),
    ("portfolio", Section::Projects),
    ("certifications", Section::Certifications),
    ("certification", Section::Certifications),
    ("certificates", Section::Certifications),
    ("certificate", Section::Certifications),
    ("licenses", Section::Certifications),
    ("licences", Section::Certifications),
    ("licenses and certifications", Section::Certifications),
    ("licences and certifications", Section::Certifications),
    ("certifications and licenses", Section::Certifications),
    ("certifications and licences", Section::Certifications),
    ("credentials", Section::Certifications),
    ("accreditations", Section::Certifications),
    ("professional certifications", Section::Certifications),
    ("courses and certifications", Section::Certifications),
    ("certifications and training", Section::Certifications),
    ("languages", Section::Languages),
    ("language", Section::Languages),
    ("language skills", Section::Languages),
    ("spoken languages", Section::Languages),
    ("foreign languages", Section::Languages),
    ("awards", Section::Other),
    ("honors", Section::Other),
    ("honours", Section::Other),
    ("awards and honors", Section::Other),
    ("honors and awards", Section::Other),
    ("awards and honours", Section::Other),
    ("honours and awards", Section::Other),
    ("achievements", Section::Other),
    ("accomplishments", Section::Other),
    ("publications", Section::Other),
    ("volunteer", Section::Other),
    ("volunteering", Section::Other),
    ("volunteer experience", Section::Other),
    ("volunteer work", Section::Other),
    ("community service", Section::Other),
    ("interests", Section::Other),
    ("hobbies", Section::Other),
    ("hobbies and interests", Section::Other),
    ("personal interests", Section::Other),
    ("references", Section::Other),
    ("activities", Section::Other),
    ("extracurricular activities", Section::Other),
    ("leadership", Section::Other),
    ("affiliations", Section::Other),
    ("memberships", Section::Other),
    ("professional memberships", Section::Other),
    ("professional affiliations", Section::Other),
    ("courses", Section::Other),
    ("coursework", Section::Other),
    ("relevant coursework", Section::Other),
    ("training", Section::Other),
    ("patents", Section::Other),
    ("presentations", Section::Other),
    ("talks", Section::Other),
    ("conferences", Section::Other),
    ("speaking", Section::Other),
    ("additional information", Section::Other),
    ("miscellaneous", Section::Other),
];

/// Lower-cases, turns `&` into `and`, drops punctuation and a trailing colon.
pub fn heading_key(text: &str) -> String {
    let t = text.trim().trim_end_matches(':').replace('&', " and ");
    let mut out = String::new();
    for word in t
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// The section a heading line names (`WORK EXPERIENCE`, `Education:`, `Skills & Tools`),
/// else `None`. Letter-spaced capitals (`E X P E R I E N C E`) are read too.
pub fn section_of(line: &str) -> Option<Section> {
    let t = line.trim();
    // Headings start with a capital and do not end a sentence ("projects." is a wrapped line).
    if t.is_empty()
        || t.chars().count() > 48
        || t.ends_with(['.', ',', ';'])
        || !t.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let key = heading_key(t);
    if let Some((_, s)) = HEADINGS.iter().find(|(h, _)| *h == key) {
        return Some(*s);
    }
    // Letter-spaced capitals come out with stray spaces: "E X P E R I E N C E",
    // "EXP ERIENCE", "WORK EXP ERIENCE". Compare without spaces, for capitals only.
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) {
        let squeezed = key.replace(' ', "");
        return HEADINGS
            .iter()
            .find(|(h, _)| h.replace(' ', "") == squeezed)
            .map(|(_, s)| *s);
    }
    None
}

/// Words that make a phrase a job title.
const TITLE_WORDS: &[&str] = &[
    "engineer",
    "engineering",
    "developer",
    "programmer",
    "architect",
    "manager",
    "management",
    "director",
    "head",
    "lead",
    "leader",
    "chief",
    "officer",
    "president",
    "vp",
    "vice",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cio",
    "cmo",
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "partner",
    "principal",
    "analyst",
    "scientist",
    "researcher",
    "research",
    "consultant",
    "advisor",
    "adviser",
    "specialist",
    "designer",
    "administrator",
    "admin",
    "coordinator",
    "assistant",
    "associate",
    "intern",
    "internship",
    "trainee",
    "apprentice",
    "fellow",
    "postdoc",
    "postdoctoral",
    "professor",
    "lecturer",
    "teacher",
    "instructor",
    "tutor",
    "teaching",
    "student",
    "nurse",
    "physician",
    "doctor",
    "therapist",
    "pharmacist",
    "technician",
    "technologist",
    "accountant",
    "auditor",
    "controller",
    "bookkeeper",
    "clerk",
    "editor",
    "writer",
    "author",
    "journalist",
    "reporter",
    "producer",
    "artist",
    "photographer",
    "illustrator",
    "animator",
    "marketer",
    "strategist",
    "planner",
    "buyer",
    "recruiter",
    "representative",
    "rep",
    "agent",
    "executive",
    "supervisor",
    "foreman",
    "operator",
    "mechanic",
    "electrician",
    "driver",
    "cashier",
    "server",
    "chef",
    "cook",
    "barista",
    "attorney",
    "lawyer",
    "paralegal",
    "counsel",
    "secretary",
    "receptionist",
    "freelancer",
    "freelance",
    "contractor",
    "volunteer",
    "member",
    "chair",
    "chairman",
    "board",
    "maintainer",
    "contributor",
    "committer",
    "evangelist",
    "advocate",
    "sre",
    "devops",
    "qa",
    "tester",
    "sdet",
    "ux",
    "ui",
    "product",
    "owner",
    "scrum",
    "master",
    "mentor",
    "coach",
    "trainer",
    "organizer",
    "organiser",
    "staff",
    "senior",
    "sr",
    "junior",
    "jr",
    "full-stack",
    "fullstack",
    "frontend",
    "front-end",
    "backend",
    "back-end",
    "software",
    "web",
    "data",
    "hacker",
    "ninja",
    "guru",
    "evangelist",
    "entrepreneur",
    "creator",
    "ambassador",
    "handler",
    "worker",
    "helper",
    "aide",
    "caregiver",
    "paramedic",
    "surgeon",
    "dentist",
    "hygienist",
    "midwife",
    "pilot",
    "officer",
    "sergeant",
    "captain",
    "lieutenant",
    "soldier",
    "specialist",
    "generalist",
    "investigator",
    "inspector",
    "estimator",
    "surveyor",
    "drafter",
    "draftsman",
    "machinist",
    "welder",
    "carpenter",
    "plumber",
    "translator",
    "interpreter",
    "librarian",
    "curator",
    "archivist",
    "economist",
    "statistician",
    "mathematician",
    "physicist",
    "chemist",
    "biologist",
    "engineer",
    "sales",
    "salesperson",
    "storyteller",
    "copywriter",
    "ops",
    "it",
    "responsable",
    "développeur",
    "developpeur",
    "développeuse",
    "ingénieur",
    "ingenieur",
    "directeur",
    "directrice",
    "chef",
    "stagiaire",
    "chargé",
    "chargée",
    "analyste",
    "technicien",
    "gestionnaire",
    "architecte",
    "administrateur",
    "enseignant",
    "chercheur",
    "desarrollador",
    "desarrolladora",
    "ingeniero",
    "ingeniera",
    "jefe",
    "gerente",
    "analista",
    "director",
    "entwickler",
    "leiter",
    "berater",
    "werkstudent",
    "praktikant",
    "specjalista",
    "kierownik",
    "programista",
    "inżynier",
    "dyrektor",
    "starszy",
    "ekspert",
    "expert",
    "panelist",
    "reviewer",
    "judge",
    "speaker",
    "vývojář",
    "programátor",
    "ředitel",
    "vedoucí",
    "inženýr",
    "analytik",
    "konzultant",
    "specialista",
    "stážista",
    "softwareentwickler",
    "geschäftsführer",
    "entwicklerin",
    "programmierer",
    "projektleiter",
    "teamleiter",
    "sviluppatore",
    "ingegnere",
    "programador",
    "programadora",
    "consultor",
    "consultora",
    "becario",
    "pasante",
    "analityk",
    "tester",
    "testerka",
    "konsultant",
    "projektant",
    "sde",
    "swe",
    "mts",
    "scholar",
    "webmaster",
    "moderator",
    "docent",
    "assistente",
    "asistente",
    "stagiaire",
    "alternant",
    "apprenti",
];

/// Words that make a phrase an organisation.
const ORG_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "llc",
    "l.l.c.",
    "ltd",
    "ltd.",
    "limited",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "gmbh",
    "ag",
    "sa",
    "s.a.",
    "sas",
    "sarl",
    "bv",
    "b.v.",
    "nv",
    "plc",
    "pty",
    "pvt",
    "llp",
    "lp",
    "srl",
    "s.r.l.",
    "spa",
    "ab",
    "as",
    "oy",
    "kk",
    "group",
    "holdings",
    "labs",
    "lab",
    "laboratories",
    "technologies",
    "technology",
    "tech",
    "systems",
    "solutions",
    "software",
    "services",
    "consulting",
    "partners",
    "ventures",
    "capital",
    "bank",
    "agency",
    "studio",
    "studios",
    "media",
    "network",
    "networks",
    "foundation",
    "institute",
    "university",
    "college",
    "school",
    "hospital",
    "clinic",
    "center",
    "centre",
    "department",
    "ministry",
    "government",
    "council",
    "association",
    "society",
    "club",
    "enterprises",
    "industries",
    "international",
    "global",
    "digital",
    "interactive",
    "games",
    "entertainment",
    "health",
    "healthcare",
    "pharma",
    "pharmaceuticals",
    "bio",
    "energy",
    "motors",
    "airlines",
    "logistics",
    "retail",
    "store",
    "stores",
    "restaurant",
    "hotel",
    "press",
    "publishing",
    "magazine",
    "news",
    "times",
    "post",
    "journal",
    "project",
    "freelance",
    "self-employed",
    "startup",
    "platform",
    "cloud",
    "security",
    "analytics",
    "finance",
    "financial",
    "insurance",
    "investments",
    "realty",
    "properties",
    "llc.",
    "s.r.o.",
    "s.r.o",
    "sro",
    "a.s.",
    "sp.",
    "spółka",
    "d.o.o.",
    "d.o.o",
    "doo",
    "d.d.",
    "kft",
    "kft.",
    "zrt",
    "zrt.",
    "oü",
    "sia",
    "uab",
    "aps",
    "kg",
    "ohg",
    "e.v.",
    "s.l.",
    "sl",
    "ltda",
    "ltda.",
    "s.a.s.",
    "pte",
    "pty.",
    "ministerstwo",
    "ministère",
    "ministerio",
    "urząd",
    "universidad",
    "hochschule",
    "gruppe",
    "groupe",
    "grupo",
    "gesellschaft",
    "verein",
    "stiftung",
    "fundación",
    "fondation",
    "agence",
    "agencia",
    "société",
    "sociedad",
    "empresa",
    "studio",
    "collective",
    "cooperative",
    "coop",
];

/// Words of school names.
const SCHOOL_WORDS: &[&str] = &[
    "university",
    "universidad",
    "universidade",
    "universität",
    "universitat",
    "université",
    "universite",
    "università",
    "universiteit",
    "uniwersytet",
    "univ",
    "college",
    "institute",
    "institut",
    "instituto",
    "istituto",
    "school",
    "academy",
    "akademie",
    "academia",
    "polytechnic",
    "politecnico",
    "polytechnique",
    "hochschule",
    "fachhochschule",
    "école",
    "ecole",
    "escuela",
    "escola",
    "gymnasium",
    "lyceum",
    "lycée",
    "lycee",
    "seminary",
    "conservatory",
    "conservatoire",
    "bootcamp",
    "campus",
    "mit",
    "ucla",
    "nyu",
    "usc",
    "eth",
    "epfl",
    "kth",
    "tu",
    "coursera",
    "udacity",
    "udemy",
    "edx",
];

/// Words of degree names.
const DEGREE_WORDS: &[&str] = &[
    "bachelor",
    "bachelors",
    "bachelor's",
    "master",
    "masters",
    "master's",
    "doctor",
    "doctorate",
    "doctoral",
    "phd",
    "ph.d",
    "ph.d.",
    "mba",
    "bsc",
    "b.sc",
    "b.sc.",
    "msc",
    "m.sc",
    "m.sc.",
    "ba",
    "b.a",
    "b.a.",
    "ma",
    "m.a",
    "m.a.",
    "bs",
    "b.s",
    "b.s.",
    "ms",
    "m.s",
    "m.s.",
    "beng",
    "b.eng",
    "b.eng.",
    "meng",
    "m.eng",
    "m.eng.",
    "btech",
    "b.tech",
    "b.tech.",
    "mtech",
    "m.tech",
    "m.tech.",
    "bba",
    "llb",
    "llm",
    "jd",
    "j.d.",
    "md",
    "m.d.",
    "associate",
    "associates",
    "associate's",
    "diploma",
    "certificate",
    "certification",
    "degree",
    "licence",
    "license",
    "licenciatura",
    "licenciado",
    "ingeniero",
    "ingeniería",
    "engineering",
    "graduate",
    "undergraduate",
    "postgraduate",
    "high",
    "ged",
    "a-levels",
    "gcse",
    "abitur",
    "baccalaureate",
    "hnd",
    "mres",
    "mphil",
    "dphil",
    "bfa",
    "mfa",
    "m.des",
    "b.des",
    "mdes",
    "bdes",
    "bcom",
    "mcom",
    "bca",
    "mca",
    "aas",
    "aa",
    "as",
    "minor",
    "major",
    "coursework",
    "course",
    "program",
    "programme",
    "exchange",
    "studies",
    "science",
    "arts",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '-')
                .to_lowercase()
        })
}

fn count(text: &str, list: &[&str]) -> usize {
    words(text)
        .filter(|w| list.contains(&w.as_str()) || list.contains(&w.trim_end_matches('.')))
        .count()
}

/// How much a phrase reads like a job title (0 = not at all).
pub fn title_score(text: &str) -> f32 {
    let n = count(text, TITLE_WORDS) as f32;
    let org = count(text, ORG_WORDS) as f32;
    // The last word is usually the role noun: "Senior Software Engineer".
    let last = words(text).last().unwrap_or_default();
    let bonus = if TITLE_WORDS.contains(&last.as_str()) {
        1.0
    } else {
        0.0
    };
    n + bonus - 0.5 * org
}

/// True when the phrase has a word that names an organisation ("Inc", "Labs", "Bank"…).
pub fn has_org_words(text: &str) -> bool {
    count(text, ORG_WORDS) > 0
}

/// How much a phrase reads like an organisation: organisation words, a web domain, and the
/// shape of brand names (a single word that is no role, `CamelCase`, capitals or digits inside
/// a word: "Stripe", "HubSpot", "IBM", "N26").
pub fn org_score(text: &str) -> f32 {
    let n = count(text, ORG_WORDS) as f32;
    let web = if text.contains(".com") || text.contains(".io") || text.contains(".org") {
        1.0
    } else {
        0.0
    };
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let is_role = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        TITLE_WORDS.contains(&w.as_str())
    };
    let brand = tokens.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let inner_capital =
            w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase);
        let all_capitals = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        let digit_inside =
            w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic);
        (inner_capital || all_capitals || digit_inside) && !is_role(w)
    });
    let single = tokens.len() == 1 && !is_role(tokens[0]);
    n + web + if brand { 0.5 } else { 0.0 } + if single { 0.5 } else { 0.0 }
}

/// How much a phrase reads like a school.
pub fn school_score(text: &str) -> f32 {
    let mut n = count(text, SCHOOL_WORDS) as f32;
    let lower = text.to_lowercase();
    if lower.contains("university") || lower.contains("college") || lower.contains("school of") {
        n += 1.0;
    }
    n
}

/// How much a phrase reads like a degree.
pub fn degree_score(text: &str) -> f32 {
    let n = count(text, DEGREE_WORDS) as f32;
    let lower = text.to_lowercase();
    let strong = [
        "bachelor",
        "master",
        "phd",
        "ph.d",
        "mba",
        "bsc",
        "msc",
        "diploma",
        "doctor",
        "associate",
        "b.s.",
        "m.s.",
        "b.a.",
        "m.a.",
        "degree",
    ];
    n + if strong.iter().any(|s| lower.contains(s)) {
        1.0
    } else {
        0.0
    }
}

const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "ON", "QC", "BC", "AB", "NSW", "VIC", "QLD", "UK", "US", "USA", "UAE",
];

const REMOTE: &[&str] = &[
    "remote",
    "hybrid",
    "worldwide",
    "anywhere",
    "on-site",
    "onsite",
    "remoto",
    "remota",
    "híbrido",
    "télétravail",
    "à distance",
    "homeoffice",
    "home office",
    "fernarbeit",
    "zdalnie",
    "op afstand",
    "remote position",
];

const COUNTRIES: &[&str] = &[
    "usa",
    "united states",
    "united kingdom",
    "england",
    "scotland",
    "ireland",
    "canada",
    "australia",
    "new zealand",
    "germany",
    "france",
    "spain",
    "portugal",
    "italy",
    "netherlands",
    "belgium",
    "switzerland",
    "austria",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "poland",
    "czech republic",
    "czechia",
    "hungary",
    "romania",
    "greece",
    "turkey",
    "israel",
    "india",
    "pakistan",
    "bangladesh",
    "china",
    "japan",
    "korea",
    "south korea",
    "singapore",
    "malaysia",
    "indonesia",
    "philippines",
    "vietnam",
    "thailand",
    "brazil",
    "argentina",
    "chile",
    "colombia",
    "mexico",
    "peru",
    "nigeria",
    "kenya",
    "south africa",
    "egypt",
    "ukraine",
    "russia",
    "estonia",
    "latvia",
    "lithuania",
    "serbia",
    "croatia",
    "slovenia",
    "bulgaria",
];

const CITIES: &[&str] = &[
    "new york",
    "san francisco",
    "london",
    "berlin",
    "paris",
    "amsterdam",
    "toronto",
    "seattle",
    "boston",
    "chicago",
    "los angeles",
    "austin",
    "sydney",
    "melbourne",
    "bangalore",
    "bengaluru",
    "mumbai",
    "delhi",
    "new delhi",
    "hyderabad",
    "pune",
    "chennai",
    "tokyo",
    "dublin",
    "madrid",
    "barcelona",
    "lisbon",
    "munich",
    "zurich",
    "stockholm",
    "oslo",
    "copenhagen",
    "helsinki",
    "warsaw",
    "prague",
    "vienna",
    "brussels",
    "montreal",
    "vancouver",
    "denver",
    "atlanta",
    "miami",
    "dallas",
    "houston",
    "portland",
    "philadelphia",
    "washington",
    "são paulo",
    "sao paulo",
    "rio de janeiro",
    "buenos aires",
    "mexico city",
    "bogotá",
    "bogota",
    "lagos",
    "nairobi",
    "cairo",
    "istanbul",
    "tel aviv",
    "dubai",
    "singapore",
    "hong kong",
    "shanghai",
    "beijing",
    "seoul",
    "kyiv",
    "kiev",
    "moscow",
    "cape town",
    "johannesburg",
    "auckland",
    "wellington",
    "silicon valley",
    "bay area",
    "palo alto",
    "mountain view",
    "cambridge",
    "oxford",
    "manchester",
    "edinburgh",
];

fn is_known(list: &[&str], text: &str) -> bool {
    list.contains(&text.trim().to_lowercase().as_str())
}

/// A region after a comma: a US state or other short upper-case code, or a country.
fn is_region(text: &str) -> bool {
    let t = text.trim();
    US_STATES.contains(&t)
        || is_known(COUNTRIES, t)
        || (t.len() <= 3 && t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase()))
}

fn plain_words(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.split_whitespace().count() <= 3
        && t.starts_with(|c: char| c.is_uppercase())
        && count(t, ORG_WORDS) == 0
        && title_score(t) <= 0.0
        && school_score(t) == 0.0
}

/// "Provincia de Buenos Aires" → "Buenos Aires": the administrative words before a place's name.
fn strip_admin_prefix(piece: &str) -> &str {
    const PREFIXES: &[&str] = &[
        "Ciudad de ",
        "Ciudad Autónoma de ",
        "Provincia de ",
        "Estado de ",
        "Comunidad de ",
        "Región de ",
        "Province of ",
        "State of ",
        "Greater ",
        "Ville de ",
        "Région ",
        "Comune di ",
        "Provincia di ",
        "Land ",
    ];
    PREFIXES
        .iter()
        .find_map(|p| piece.strip_prefix(p))
        .filter(|rest| rest.starts_with(|c: char| c.is_uppercase()))
        .unwrap_or(piece)
}

/// True when a short phrase reads as a place: `San Francisco, CA`, `Berlin, Germany`,
/// `Austin, TX, USA`, `Remote`, `London`.
pub fn is_location(text: &str) -> bool {
    let t = text.trim().trim_matches(|c: char| c == '(' || c == ')');
    // "Newport News, VA - Remoto", "La Paz - Bolivia": a place with its country or the way of
    // working after a dash.
    if let Some((place, rest)) = t.rsplit_once(" - ") {
        // A country or a way of working after any plain name; a bare code ("GitHub - OSC")
        // only after a known place.
        let named = is_known(REMOTE, rest) || is_known(COUNTRIES, rest);
        if (named && (is_location(place) || plain_words(place)))
            || (is_region(rest) && is_location(place))
        {
            return true;
        }
    }
    // "Ciudad de Buenos Aires, Provincia de Buenos Aires": administrative words before a name.
    if t.split(", ")
        .any(|p| strip_admin_prefix(p).len() != p.len())
    {
        let plain: Vec<&str> = t.split(", ").map(strip_admin_prefix).collect();
        return is_location(&plain.join(", "));
    }
    if t.is_empty() || t.chars().count() > 60 || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if is_known(COUNTRIES, t)
        || is_known(CITIES, t)
        || is_known(REMOTE, t)
        || crate::posting::in_gazetteer(t)
    {
        return true;
    }
    let lower = t.to_lowercase();
    if lower.ends_with("(remote)") || lower.starts_with("remote") && lower.len() <= 20 {
        return true;
    }
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [city, region] => {
            let known_city = is_known(CITIES, city) || crate::posting::in_gazetteer(city);
            (is_region(region) && (known_city || plain_words(city)))
                || (known_city && plain_words(region))
        }
        [city, region, country] => {
            // An unknown first word needs a known region (not a city) after it: "West
            // Chester, Pennsylvania, US" is a place; "BigInt, Nancy, FR" and "Ezbeez, Metz, FR"
            // are employers in "Nancy, FR" and "Metz, FR".
            let known_region = is_region(region)
                || (crate::posting::in_gazetteer(region)
                    && !crate::posting::is_gazetteer_city(region)
                    && !is_known(CITIES, region));
            is_region(country)
                && (is_known(CITIES, city) || (plain_words(city) && known_region))
                && !is_known(COUNTRIES, city)
        }
        _ => lower
            .split(['/', '·'])
            .any(|p| matches!(p.trim(), "remote" | "hybrid")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_any_case() {
        assert_eq!(section_of("WORK EXPERIENCE"), Some(Section::Experience));
        assert_eq!(section_of("Education:"), Some(Section::Education));
        assert_eq!(section_of("Skills & Tools"), Some(Section::Skills));
        assert_eq!(
            section_of("Licenses & Certifications"),
            Some(Section::Certifications)
        );
        assert_eq!(section_of("E X P E R I E N C E"), Some(Section::Experience));
        assert_eq!(section_of("WORK EXP ERIENCE"), Some(Section::Experience));
        assert_eq!(section_of("Work Exp Erience"), None);
        assert_eq!(section_of("Volunteer"), Some(Section::Other));
        assert_eq!(section_of("Senior Engineer"), None);
        assert_eq!(section_of("projects."), None);
        assert_eq!(section_of("skills"), None);
    }

    #[test]
    fn scores_tell_titles_from_organisations() {
        assert!(title_score("Senior Software Engineer") > title_score("Acme Corp"));
        assert!(org_score("Acme Corp") > org_score("Senior Engineer"));
        assert!(school_score("University of Lisbon") > 0.0);
        assert!(degree_score("Bachelor of Science") > degree_score("University of Lisbon"));
        assert!(is_location("San Francisco, CA"));
        assert!(is_location("Berlin, Germany"));
        assert!(is_location("Remote"));
        assert!(!is_location("Acme Corp"));
        assert!(!is_location("Senior Engineer"));
        assert!(!is_location("Swiggy, Bengaluru"));
        assert!(is_location("West Chester, Pennsylvania, United States"));
        assert!(is_location("Austin, TX, USA"));
        assert!(!is_location("BigInt, Nancy, FR"));
        assert!(!is_location("Ezbeez, Metz, FR"));
        assert!(is_location(
            "Ciudad de Buenos Aires, Provincia de Buenos Aires"
        ));
        assert!(!is_location("University of California, Berkeley"));
    }
}
