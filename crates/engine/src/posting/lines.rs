//! Line classification: every line of a posting becomes a blank, a section
//! heading, a `Key: value` field, a bullet or plain text.

use regex::Regex;
use std::sync::LazyLock;

use super::text::{
    collapse_ws, ends_like_sentence, fold, is_all_caps, starts_uppercase, strip_decorations,
    strip_markdown, word_count,
};

/// The kind of section a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// Text before any heading.
    Intro,
    /// About the company.
    About,
    /// About the role / overview / job description.
    Role,
    Responsibilities,
    Requirements,
    Preferred,
    Benefits,
    /// A heading we do not recognise ("Tech stack:"); items are classified by wording.
    Unknown,
    /// How to apply, hiring process, EEO statements: not part of the posting body.
    Ignored,
}

impl Section {
    /// Sections whose lines are list items rather than prose.
    pub(crate) fn is_list(self) -> bool {
        matches!(
            self,
            Section::Responsibilities
                | Section::Requirements
                | Section::Preferred
                | Section::Benefits
        )
    }
}

/// A recognised `Key: value` metadata field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKey {
    Title,
    Company,
    Location,
    /// Arrangement, job type, salary, seniority: scanned first for those attributes.
    Attribute,
    /// Application link or instructions.
    Apply,
    /// Other metadata (start date, reports to, …): dropped from the body.
    Other,
}

/// A heading line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Heading {
    pub section: Section,
    /// Markdown, bold, all-caps or vocabulary headings; a weak heading is only
    /// a short line ending with ":".
    pub strong: bool,
    /// Text after "Heading: " on the same line.
    pub inline: Option<String>,
    /// Company named by an "About Acme" heading.
    pub company: Option<String>,
}

/// What a line is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LineKind {
    Blank,
    Heading(Heading),
    Field { key: FieldKey, value: String },
    Bullet(String),
    Text(String),
}

/// One classified line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The original line, trailing whitespace removed.
    pub raw: String,
    /// Leading spaces.
    pub indent: usize,
    pub kind: LineKind,
}

/// Classifies every line of normalised text.
pub(crate) fn classify_lines(text: &str) -> Vec<Line> {
    let mut lines: Vec<Line> = text.lines().map(classify_line).collect();
    join_stacked_fields(&mut lines);
    lines
}

/// Labels that job boards print on a line of their own with the value on the next line
/// ("Employer name" / "Leeds Teaching Hospitals", "Salary" / "£45,780 to £51,393 a year").
const STACKED_LABELS: &[&str] = &[
    "employer",
    "employer name",
    "company",
    "company name",
    "hiring organisation",
    "hiring organization",
    "organisation",
    "organization",
    "location",
    "locations",
    "job location",
    "work location",
    "hiring location",
    "duty station",
    "primary location",
    "base location",
    "town",
    "salary",
    "salary range",
    "pay",
    "pay range",
    "pay scale",
    "compensation",
    "contract",
    "contract type",
    "job type",
    "employment type",
    "working pattern",
    "job title",
    "city",
    "place of work",
    "wage",
    "pay rate",
    "hourly rate",
    "rate",
    "base salary",
    "remuneration",
    "closing date",
    "deadline",
    "deadline for applications",
    "application deadline",
    "date posted",
    "reference number",
    "job reference",
    // The same in other languages (each is also a `FIELD_KEYS` label).
    "titre",
    "poste",
    "intitulé du poste",
    "employeur",
    "entreprise",
    "institution",
    "lieu",
    "lieu de travail",
    "lieu d'affectation",
    "localisation",
    "salaire",
    "salaire annuel",
    "type de contrat",
    "cargo",
    "puesto",
    "empresa",
    "ubicación",
    "lugar de trabajo",
    "salario",
    "vaga",
    "local de trabalho",
    "salário",
    "functie",
    "standplaats",
    "organisatie",
    "salaris",
    "standort",
    "arbeitsort",
    "gehalt",
    "stilling",
    "arbejdssted",
    "arbeidssted",
    "должность",
    "компания",
    "работодатель",
    "город",
    "место работы",
    "зарплата",
    "посада",
    "місто",
    "職種",
    "勤務地",
    "給与",
    "雇用形態",
    "会社名",
    "직무",
    "모집분야",
    "근무지",
    "근무지역",
    "급여",
    "회사명",
    "职位名称",
    "公司名称",
    "工作地点",
    "薪资",
    "職位名稱",
    "公司名稱",
    "工作地點",
    "薪資",
];

/// Turns a stacked label and the short line under it into one `Key: value` field.
fn join_stacked_fields(lines: &mut [Line]) {
    for index in 0..lines.len() {
        let label = match &lines[index].kind {
            LineKind::Text(text) => fold(strip_decorations(&strip_markdown(text))),
            LineKind::Heading(_) => fold(strip_decorations(&strip_markdown(&lines[index].raw))),
            // "• Hiring location" / "Kigoma": a board's facts list, label and value stacked.
            LineKind::Bullet(text) if word_count(text) <= 3 => fold(strip_decorations(text)),
            _ => continue,
        };
        let label = label.trim_end_matches([':', '：']).trim().to_string();
        // "… from a recognised" ⏎ "institution;": the end of a wrapped sentence, not a label.
        let ends_sentence = lines[index].raw.trim_end().ends_with([';', ',', '.']);
        if ends_sentence || !STACKED_LABELS.contains(&label.as_str()) {
            continue;
        }
        // The value may sit a few blank lines down ("Job Title" ⏎ ⏎ ⏎ "Parks Maintenance Person").
        let Some(next) =
            (index + 1..lines.len().min(index + 5)).find(|&i| lines[i].kind != LineKind::Blank)
        else {
            continue;
        };
        // "Job Location" / "- South Africa -- Centurion": a one-item list is the value too;
        // "INSTITUTION" / "COUR DE JUSTICE": so is a capitalised line read as a heading that
        // names no section.
        let value = match &lines[next].kind {
            LineKind::Text(value) | LineKind::Bullet(value) => value.clone(),
            LineKind::Heading(heading)
                if heading.section == Section::Unknown && heading.inline.is_none() =>
            {
                strip_decorations(&strip_markdown(&lines[next].raw)).to_string()
            }
            _ => continue,
        };
        // "TITRE" ⏎ "INSTITUTION": an empty cell, the next label is no value.
        let value_label = fold(strip_decorations(&value));
        if STACKED_LABELS.contains(&value_label.trim_end_matches(':').trim()) {
            continue;
        }
        let value = &value;
        // "Duty Station" / "Salary:": the next line is another label, not the value.
        if word_count(value) > 15 || value.chars().count() > 150 || value.trim_end().ends_with(':')
        {
            continue;
        }
        let Some((key, value)) = parse_field(&format!("{label}: {value}")) else {
            continue;
        };
        lines[index].kind = LineKind::Field { key, value };
        lines[next].kind = LineKind::Blank;
    }
}

/// "Employer A-1 Facility Managers", "Location Parel, Mumbai", "Post Name Engineer": a copied
/// two-column table whose label and value lost the cell between them. Only short lines whose
/// value starts with a capital, and only labels that cannot start a sentence about the job.
fn parse_field_without_colon(line: &str) -> Option<(FieldKey, String)> {
    const LABELS: &[&str] = &[
        "employer name",
        "employer",
        "company name",
        "post name",
        "job title",
        "job locations",
        "job location",
        "location",
        // "• Standplaats Den Haag", "Lieu de travail Dakar".
        "standplaats",
        "standort",
        "arbeitsort",
        "lieu de travail",
        "ubicación",
        "local de trabalho",
        // "Modalidade de contratação PJ": how the post is contracted, under a Brazilian title.
        "modalidade de contratação",
        "modalidad de contratación",
    ];
    let trimmed = line.trim();
    if word_count(trimmed) > 10 {
        return None;
    }
    let folded = fold(trimmed);
    LABELS.iter().find_map(|label| {
        let rest = folded.strip_prefix(label)?.strip_prefix(' ')?;
        let value = trimmed[trimmed.len() - rest.len()..].trim();
        // "LOCATION OF POSITION", "Location Name Archstone Belltown": a longer label, not a
        // label and its value.
        if !value.starts_with(|c: char| c.is_uppercase())
            || ["of ", "for ", "and ", "type", "details", "name"]
                .iter()
                .any(|w| rest.starts_with(w))
        {
            return None;
        }
        field_key(label).map(|key| (key, value.to_string()))
    })
}

/// "Nairobi Available: Immediately": a copied table row runs the next label into the value;
/// the value ends before it.
fn cut_at_next_label(value: &str) -> String {
    static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+[A-Z][a-z]+(?:[ ][a-z]+)?:\s").expect("next-label regex is valid")
    });
    match NEXT_LABEL.find(value) {
        Some(found) if found.start() > 0 => value[..found.start()].trim().to_string(),
        _ => value.to_string(),
    }
}

fn classify_line(raw: &str) -> Line {
    let raw = raw.trim_end().to_string();
    let indent = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    let kind = if trimmed.is_empty() || strip_decorations(trimmed).is_empty() {
        LineKind::Blank
    } else if let Some(item) = strip_bullet(trimmed) {
        // "• Job Title: SDE 2" in a "Job Overview" box is a field, not a list item.
        match parse_field(item) {
            Some((key @ (FieldKey::Title | FieldKey::Company | FieldKey::Location), value)) => {
                LineKind::Field { key, value }
            }
            _ => LineKind::Bullet(item.to_string()),
        }
    } else if let Some((key, value)) = parse_field(trimmed) {
        LineKind::Field { key, value }
    } else if let Some(heading) = detect_heading(trimmed) {
        LineKind::Heading(heading)
    } else {
        LineKind::Text(trimmed.to_string())
    };
    Line { raw, indent, kind }
}

/// Returns the item text when the line starts with a bullet marker
/// (`-`, `•`, `*`, `·`, `1.`, `1)`, `a)`, emoji bullets…).
pub(crate) fn strip_bullet(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    let rest = &line[first.len_utf8()..];
    let item = match first {
        '-' | '*' | '+' if rest.starts_with(' ') => rest,
        '•' | '·' | '–' | '—' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '□' | '➤' | '►' | '▸' | '✓'
        | '✔' | '→' | '∙' => rest,
        c if c.is_ascii_digit() || c.is_ascii_lowercase() => return strip_enumerator(line),
        c if is_symbol_bullet(c) => rest,
        _ => return None,
    };
    let item = item.trim();
    (!item.is_empty()).then_some(item)
}

/// "1. text", "12) text", "a) text", "iv. text".
fn strip_enumerator(line: &str) -> Option<&str> {
    let marker_len = line.find(['.', ')'])?;
    let marker = &line[..marker_len];
    let numeric =
        !marker.is_empty() && marker.len() <= 2 && marker.chars().all(|c| c.is_ascii_digit());
    let lettered = marker.len() == 1 && line[marker_len..].starts_with(')');
    let roman =
        !marker.is_empty() && marker.len() <= 4 && marker.chars().all(|c| "ivx".contains(c));
    let rest = &line[marker_len + 1..];
    if (numeric || lettered || roman) && rest.starts_with(' ') && !rest.trim().is_empty() {
        Some(rest.trim())
    } else {
        None
    }
}

/// Emoji and pictographs used as bullets (✅, 🔹, 👉); not currency symbols
/// or typographic quotes.
fn is_symbol_bullet(c: char) -> bool {
    let code = c as u32;
    let currency = (0x20a0..=0x20cf).contains(&code);
    let quotes = (0x2018..=0x201f).contains(&code);
    code >= 0x2190 && !currency && !quotes && !c.is_alphanumeric()
}

/// Field keys and what they mean.
const FIELD_KEYS: &[(&str, FieldKey)] = &[
    ("job title", FieldKey::Title),
    // French, German, Spanish, Portuguese and Dutch labels.
    ("titre du poste", FieldKey::Title),
    ("intitulé du poste", FieldKey::Title),
    ("intitule du poste", FieldKey::Title),
    ("stellenbezeichnung", FieldKey::Title),
    ("puesto", FieldKey::Title),
    ("cargo", FieldKey::Title),
    ("functie", FieldKey::Title),
    ("employeur", FieldKey::Company),
    ("arbeitgeber", FieldKey::Company),
    ("empresa", FieldKey::Company),
    ("werkgever", FieldKey::Company),
    ("lieu", FieldKey::Location),
    ("lieu de travail", FieldKey::Location),
    ("lieu du travail", FieldKey::Location),
    ("lieu d'affectation", FieldKey::Location),
    ("arbeitsort", FieldKey::Location),
    ("ubicación", FieldKey::Location),
    ("ubicacion", FieldKey::Location),
    ("standplaats", FieldKey::Location),
    // More labels of boards in other languages: French, Spanish, Portuguese, Italian, German,
    // Dutch, Swedish, Polish, Indonesian and Turkish (written as the board writes them;
    // `parse_field` folds case).
    ("poste", FieldKey::Title),
    ("intitulé", FieldKey::Title),
    ("intitulé de poste", FieldKey::Title),
    ("titre", FieldKey::Title),
    ("titre de l'emploi", FieldKey::Title),
    ("emploi", FieldKey::Title),
    ("fonction", FieldKey::Title),
    ("poste à pourvoir", FieldKey::Title),
    ("nombre del cargo", FieldKey::Title),
    ("nombre del puesto", FieldKey::Title),
    ("título del puesto", FieldKey::Title),
    ("denominación del puesto", FieldKey::Title),
    ("vacante", FieldKey::Title),
    ("vaga", FieldKey::Title),
    ("função", FieldKey::Title),
    ("título da vaga", FieldKey::Title),
    ("posizione", FieldKey::Title),
    ("figura professionale", FieldKey::Title),
    ("profilo", FieldKey::Title),
    ("jobtitel", FieldKey::Title),
    ("stellentitel", FieldKey::Title),
    ("functietitel", FieldKey::Title),
    ("functienaam", FieldKey::Title),
    ("vacature", FieldKey::Title),
    ("befattning", FieldKey::Title),
    ("stanowisko", FieldKey::Title),
    ("posisi", FieldKey::Title),
    ("jabatan", FieldKey::Title),
    ("pozisyon", FieldKey::Title),
    // Italian, Danish, Norwegian, Finnish, Czech, Hungarian, Vietnamese, Russian, Ukrainian,
    // Arabic, Japanese, Korean and Chinese labels (as boards in those languages write them).
    ("ruolo", FieldKey::Title),
    ("stilling", FieldKey::Title),
    ("stillingstittel", FieldKey::Title),
    ("stillingsbetegnelse", FieldKey::Title),
    ("tehtävänimike", FieldKey::Title),
    ("pozice", FieldKey::Title),
    ("pracovní pozice", FieldKey::Title),
    ("munkakör", FieldKey::Title),
    ("vị trí", FieldKey::Title),
    ("vị trí tuyển dụng", FieldKey::Title),
    ("chức danh", FieldKey::Title),
    ("должность", FieldKey::Title),
    ("вакансия", FieldKey::Title),
    ("посада", FieldKey::Title),
    ("вакансія", FieldKey::Title),
    ("المسمى الوظيفي", FieldKey::Title),
    ("الوظيفة", FieldKey::Title),
    ("職種", FieldKey::Title),
    ("募集職種", FieldKey::Title),
    ("직무", FieldKey::Title),
    ("모집직종", FieldKey::Title),
    ("모집분야", FieldKey::Title),
    ("채용직무", FieldKey::Title),
    ("职位名称", FieldKey::Title),
    ("岗位名称", FieldKey::Title),
    ("招聘职位", FieldKey::Title),
    ("职位", FieldKey::Title),
    ("岗位", FieldKey::Title),
    ("職位名稱", FieldKey::Title),
    ("職缺名稱", FieldKey::Title),
    ("entreprise", FieldKey::Company),
    ("société", FieldKey::Company),
    ("organisme", FieldKey::Company),
    ("institution", FieldKey::Company),
    ("recruteur", FieldKey::Company),
    ("organización", FieldKey::Company),
    ("institución", FieldKey::Company),
    ("empleador", FieldKey::Company),
    ("entidad", FieldKey::Company),
    ("organismo", FieldKey::Company),
    ("empregador", FieldKey::Company),
    ("organização", FieldKey::Company),
    ("instituição", FieldKey::Company),
    ("azienda", FieldKey::Company),
    ("ente", FieldKey::Company),
    ("unternehmen", FieldKey::Company),
    ("firma", FieldKey::Company),
    ("organisatie", FieldKey::Company),
    ("bedrijf", FieldKey::Company),
    ("arbetsgivare", FieldKey::Company),
    ("pracodawca", FieldKey::Company),
    ("perusahaan", FieldKey::Company),
    ("şirket", FieldKey::Company),
    ("arbejdsgiver", FieldKey::Company),
    ("arbeidsgiver", FieldKey::Company),
    ("virksomhed", FieldKey::Company),
    ("työnantaja", FieldKey::Company),
    ("zaměstnavatel", FieldKey::Company),
    ("společnost", FieldKey::Company),
    ("munkáltató", FieldKey::Company),
    ("công ty", FieldKey::Company),
    ("tên công ty", FieldKey::Company),
    ("компания", FieldKey::Company),
    ("работодатель", FieldKey::Company),
    ("организация", FieldKey::Company),
    ("компанія", FieldKey::Company),
    ("роботодавець", FieldKey::Company),
    ("الشركة", FieldKey::Company),
    ("اسم الشركة", FieldKey::Company),
    ("会社名", FieldKey::Company),
    ("企業名", FieldKey::Company),
    ("社名", FieldKey::Company),
    ("회사명", FieldKey::Company),
    ("기업명", FieldKey::Company),
    ("公司名称", FieldKey::Company),
    ("招聘单位", FieldKey::Company),
    ("用人单位", FieldKey::Company),
    ("公司名稱", FieldKey::Company),
    ("localisation", FieldKey::Location),
    ("lieu du poste", FieldKey::Location),
    ("ville", FieldKey::Location),
    ("affectation", FieldKey::Location),
    ("poste basé à", FieldKey::Location),
    ("lugar", FieldKey::Location),
    ("lugar de trabajo", FieldKey::Location),
    ("ciudad", FieldKey::Location),
    ("localidad", FieldKey::Location),
    ("lugar de destino", FieldKey::Location),
    ("local", FieldKey::Location),
    ("local de trabalho", FieldKey::Location),
    ("localização", FieldKey::Location),
    ("cidade", FieldKey::Location),
    ("lotação", FieldKey::Location),
    ("sede", FieldKey::Location),
    ("sede di lavoro", FieldKey::Location),
    ("luogo di lavoro", FieldKey::Location),
    ("località", FieldKey::Location),
    ("standort", FieldKey::Location),
    ("einsatzort", FieldKey::Location),
    ("dienstort", FieldKey::Location),
    ("locatie", FieldKey::Location),
    ("werklocatie", FieldKey::Location),
    ("plaats", FieldKey::Location),
    ("ort", FieldKey::Location),
    ("placeringsort", FieldKey::Location),
    ("miejsce pracy", FieldKey::Location),
    ("lokalizacja", FieldKey::Location),
    ("lokasi", FieldKey::Location),
    ("penempatan", FieldKey::Location),
    ("konum", FieldKey::Location),
    ("şehir", FieldKey::Location),
    ("çalışma yeri", FieldKey::Location),
    ("arbejdssted", FieldKey::Location),
    ("arbeidssted", FieldKey::Location),
    ("arbetsort", FieldKey::Location),
    ("sijainti", FieldKey::Location),
    ("paikkakunta", FieldKey::Location),
    ("místo výkonu práce", FieldKey::Location),
    ("místo pracoviště", FieldKey::Location),
    ("lokalita", FieldKey::Location),
    ("munkavégzés helye", FieldKey::Location),
    ("địa điểm", FieldKey::Location),
    ("địa điểm làm việc", FieldKey::Location),
    ("nơi làm việc", FieldKey::Location),
    ("город", FieldKey::Location),
    ("место работы", FieldKey::Location),
    ("местоположение", FieldKey::Location),
    ("місто", FieldKey::Location),
    ("місце роботи", FieldKey::Location),
    ("الموقع", FieldKey::Location),
    ("مكان العمل", FieldKey::Location),
    ("المدينة", FieldKey::Location),
    ("勤務地", FieldKey::Location),
    ("勤務先", FieldKey::Location),
    ("就業場所", FieldKey::Location),
    ("근무지", FieldKey::Location),
    ("근무지역", FieldKey::Location),
    ("근무 지역", FieldKey::Location),
    ("근무장소", FieldKey::Location),
    ("工作地点", FieldKey::Location),
    ("上班地点", FieldKey::Location),
    ("工作地點", FieldKey::Location),
    ("上班地點", FieldKey::Location),
    ("salaire", FieldKey::Attribute),
    ("salaire annuel", FieldKey::Attribute),
    ("rémunération", FieldKey::Attribute),
    ("type de contrat", FieldKey::Attribute),
    ("contrat", FieldKey::Attribute),
    ("temps de travail", FieldKey::Attribute),
    ("salario", FieldKey::Attribute),
    ("sueldo", FieldKey::Attribute),
    ("remuneración", FieldKey::Attribute),
    ("tipo de contrato", FieldKey::Attribute),
    ("jornada", FieldKey::Attribute),
    ("renta", FieldKey::Attribute),
    ("salário", FieldKey::Attribute),
    ("remuneração", FieldKey::Attribute),
    ("regime de contratação", FieldKey::Attribute),
    ("retribuzione", FieldKey::Attribute),
    ("tipo di contratto", FieldKey::Attribute),
    ("gehalt", FieldKey::Attribute),
    ("vergütung", FieldKey::Attribute),
    ("anstellungsart", FieldKey::Attribute),
    ("arbeitszeit", FieldKey::Attribute),
    ("salaris", FieldKey::Attribute),
    ("dienstverband", FieldKey::Attribute),
    ("lön", FieldKey::Attribute),
    ("anställningsform", FieldKey::Attribute),
    ("omfattning", FieldKey::Attribute),
    ("wynagrodzenie", FieldKey::Attribute),
    ("rodzaj umowy", FieldKey::Attribute),
    ("gaji", FieldKey::Attribute),
    ("maaş", FieldKey::Attribute),
    ("modalidade", FieldKey::Attribute),
    ("modalidade de contratação", FieldKey::Attribute),
    ("modalidade de trabalho", FieldKey::Attribute),
    ("regime de trabalho", FieldKey::Attribute),
    ("modalidad", FieldKey::Attribute),
    ("modalidad de trabajo", FieldKey::Attribute),
    ("modalidad de contratación", FieldKey::Attribute),
    ("stipendio", FieldKey::Attribute),
    ("ral", FieldKey::Attribute),
    ("contratto", FieldKey::Attribute),
    ("løn", FieldKey::Attribute),
    ("lønn", FieldKey::Attribute),
    ("palkka", FieldKey::Attribute),
    ("mzda", FieldKey::Attribute),
    ("fizetés", FieldKey::Attribute),
    ("mức lương", FieldKey::Attribute),
    ("зарплата", FieldKey::Attribute),
    ("заработная плата", FieldKey::Attribute),
    ("оклад", FieldKey::Attribute),
    ("тип занятости", FieldKey::Attribute),
    ("занятость", FieldKey::Attribute),
    ("заробітна плата", FieldKey::Attribute),
    ("الراتب", FieldKey::Attribute),
    ("نوع الوظيفة", FieldKey::Attribute),
    ("給与", FieldKey::Attribute),
    ("給料", FieldKey::Attribute),
    ("雇用形態", FieldKey::Attribute),
    ("급여", FieldKey::Attribute),
    ("연봉", FieldKey::Attribute),
    ("고용형태", FieldKey::Attribute),
    ("근무형태", FieldKey::Attribute),
    ("薪资", FieldKey::Attribute),
    ("薪酬", FieldKey::Attribute),
    ("工资", FieldKey::Attribute),
    ("月薪", FieldKey::Attribute),
    ("薪資", FieldKey::Attribute),
    ("工作待遇", FieldKey::Attribute),
    ("date limite", FieldKey::Other),
    ("date limite de dépôt", FieldKey::Other),
    ("date limite pour postuler", FieldKey::Other),
    ("date de publication", FieldKey::Other),
    ("date de prise de fonction", FieldKey::Other),
    ("référence", FieldKey::Other),
    ("grade", FieldKey::Other),
    ("département", FieldKey::Other),
    ("direction", FieldKey::Other),
    ("supérieur hiérarchique", FieldKey::Other),
    ("durée", FieldKey::Other),
    ("durée du contrat", FieldKey::Other),
    ("fecha límite", FieldKey::Other),
    ("fecha de publicación", FieldKey::Other),
    ("fecha de cierre", FieldKey::Other),
    ("referencia", FieldKey::Other),
    ("departamento", FieldKey::Other),
    ("nivel de experiencia", FieldKey::Other),
    ("duración", FieldKey::Other),
    ("data limite", FieldKey::Other),
    ("prazo", FieldKey::Other),
    ("referência", FieldKey::Other),
    ("data de publicação", FieldKey::Other),
    ("bewerbungsfrist", FieldKey::Other),
    ("eintrittsdatum", FieldKey::Other),
    ("abteilung", FieldKey::Other),
    ("sluitingsdatum", FieldKey::Other),
    ("afdeling", FieldKey::Other),
    ("sista ansökningsdag", FieldKey::Other),
    ("designation", FieldKey::Title),
    ("post name", FieldKey::Title),
    ("post title", FieldKey::Title),
    ("name of post", FieldKey::Title),
    ("title", FieldKey::Title),
    ("position", FieldKey::Title),
    ("position title", FieldKey::Title),
    ("role", FieldKey::Title),
    ("job role", FieldKey::Title),
    ("job", FieldKey::Title),
    ("opening", FieldKey::Title),
    ("job opening", FieldKey::Title),
    ("vacancy", FieldKey::Title),
    ("employment opportunity", FieldKey::Title),
    ("job opportunity", FieldKey::Title),
    ("career opportunity", FieldKey::Title),
    ("new vacancy", FieldKey::Title),
    ("job vacancy", FieldKey::Title),
    ("we're hiring", FieldKey::Title),
    ("we are hiring", FieldKey::Title),
    ("now hiring", FieldKey::Title),
    ("hiring", FieldKey::Title),
    ("company", FieldKey::Company),
    ("company name", FieldKey::Company),
    ("employer", FieldKey::Company),
    ("employer name", FieldKey::Company),
    ("hiring organisation", FieldKey::Company),
    ("hiring organization", FieldKey::Company),
    ("organization", FieldKey::Company),
    ("organisation", FieldKey::Company),
    ("hiring company", FieldKey::Company),
    ("client", FieldKey::Company),
    ("location", FieldKey::Location),
    ("locations", FieldKey::Location),
    ("location(s)", FieldKey::Location),
    ("job location", FieldKey::Location),
    ("work location", FieldKey::Location),
    ("hiring location", FieldKey::Location),
    ("office", FieldKey::Location),
    ("office location", FieldKey::Location),
    ("based in", FieldKey::Location),
    ("city", FieldKey::Location),
    ("town", FieldKey::Location),
    ("base location", FieldKey::Location),
    ("duty station", FieldKey::Location),
    ("work site", FieldKey::Location),
    ("worksite", FieldKey::Location),
    ("centre", FieldKey::Location),
    ("center", FieldKey::Location),
    ("job locations", FieldKey::Location),
    ("primary location", FieldKey::Location),
    ("work arrangement", FieldKey::Attribute),
    ("workplace", FieldKey::Attribute),
    ("workplace type", FieldKey::Attribute),
    ("work model", FieldKey::Attribute),
    ("working model", FieldKey::Attribute),
    ("work mode", FieldKey::Attribute),
    ("work setup", FieldKey::Attribute),
    ("arrangement", FieldKey::Attribute),
    ("remote policy", FieldKey::Attribute),
    ("job type", FieldKey::Attribute),
    ("employment type", FieldKey::Attribute),
    ("employment", FieldKey::Attribute),
    ("type", FieldKey::Attribute),
    ("contract type", FieldKey::Attribute),
    ("contract", FieldKey::Attribute),
    ("working pattern", FieldKey::Attribute),
    ("pay scale", FieldKey::Attribute),
    ("salary/rate", FieldKey::Attribute),
    ("position type", FieldKey::Attribute),
    ("schedule", FieldKey::Attribute),
    ("hours", FieldKey::Attribute),
    ("salary", FieldKey::Attribute),
    ("salary range", FieldKey::Attribute),
    ("base salary", FieldKey::Attribute),
    ("compensation", FieldKey::Attribute),
    ("pay", FieldKey::Attribute),
    ("pay range", FieldKey::Attribute),
    ("rate", FieldKey::Attribute),
    ("wage", FieldKey::Attribute),
    ("pay rate", FieldKey::Attribute),
    ("place of work", FieldKey::Location),
    ("hourly rate", FieldKey::Attribute),
    ("day rate", FieldKey::Attribute),
    ("remuneration", FieldKey::Attribute),
    ("ote", FieldKey::Attribute),
    ("seniority", FieldKey::Attribute),
    ("seniority level", FieldKey::Attribute),
    ("level", FieldKey::Attribute),
    ("experience level", FieldKey::Attribute),
    ("career level", FieldKey::Attribute),
    ("apply", FieldKey::Apply),
    ("apply at", FieldKey::Apply),
    ("apply here", FieldKey::Apply),
    ("apply via", FieldKey::Apply),
    ("how to apply", FieldKey::Apply),
    ("to apply", FieldKey::Apply),
    ("application", FieldKey::Apply),
    ("application link", FieldKey::Apply),
    ("link", FieldKey::Apply),
    ("url", FieldKey::Apply),
    ("start date", FieldKey::Other),
    ("start", FieldKey::Other),
    ("reports to", FieldKey::Other),
    ("address", FieldKey::Other),
    ("placed on", FieldKey::Other),
    ("closes", FieldKey::Other),
    ("closing", FieldKey::Other),
    ("apply by", FieldKey::Other),
    ("expires", FieldKey::Other),
    ("expiry date", FieldKey::Other),
    ("posted on", FieldKey::Other),
    ("date placed", FieldKey::Other),
    ("reporting to", FieldKey::Other),
    ("team", FieldKey::Other),
    ("department", FieldKey::Other),
    ("deadline", FieldKey::Other),
    ("deadline for applications", FieldKey::Other),
    ("application deadline", FieldKey::Other),
    ("applications deadline", FieldKey::Other),
    ("closing date", FieldKey::Other),
    ("posted", FieldKey::Other),
    ("date posted", FieldKey::Other),
    ("job id", FieldKey::Other),
    ("reference number", FieldKey::Other),
    ("job reference", FieldKey::Other),
    ("req id", FieldKey::Other),
    ("reference", FieldKey::Other),
    ("industry", FieldKey::Other),
    ("duration", FieldKey::Other),
    ("visa sponsorship", FieldKey::Other),
    ("travel", FieldKey::Other),
];

/// Parses `Key: value` (also `**Key:** value`) when the key is known and
/// the value non-empty.
fn parse_field(line: &str) -> Option<(FieldKey, String)> {
    let plain = strip_markdown(line);
    let label = |text: &str| fold(strip_decorations(text.trim().trim_end_matches(':')));
    // "| Location | Fairfield, California |": a two-cell table row is a label and its value;
    // a table's header row ("| Job Title | Location |") names two labels and no value.
    let (key, value) = match table_row(&plain) {
        Some((_, value)) if field_key(&label(value)).is_some() => return None,
        Some(cells) => cells,
        // "勤務地：東京都港区": a full-width colon; "【勤務地】東京都港区（最寄駅：六本木）": a label
        // in lenticular brackets, before any colon in its value.
        None => match bracketed_label(&plain)
            .filter(|(key, _)| field_key(&label(key)).is_some())
            .or_else(|| plain.split_once([':', '：']))
        {
            Some(pair) => pair,
            None => return parse_field_without_colon(&plain),
        },
    };
    // "Company : Mildura Rural City Council": a space before the colon.
    let value = collapse_ws(value.trim());
    if value.is_empty() || value.starts_with("//") {
        return None;
    }
    field_key(&label(key)).map(|field| (field, cut_at_next_label(&value)))
}

/// "【給与】月給25万円": a label in lenticular brackets at the start of the line, and the rest.
fn bracketed_label(line: &str) -> Option<(&str, &str)> {
    line.trim_start().strip_prefix('【')?.split_once('】')
}

/// The field a (folded) label names.
fn field_key(label: &str) -> Option<FieldKey> {
    FIELD_KEYS
        .iter()
        .find(|(key, _)| *key == label)
        .map(|(_, field)| *field)
}

/// The two cells of a Markdown or text table row, "| Key | Value |".
fn table_row(line: &str) -> Option<(&str, &str)> {
    let inner = line.trim().strip_prefix('|')?.trim_end();
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let (key, value) = inner.split_once('|')?;
    let (key, value) = (key.trim(), value.trim());
    (!key.is_empty() && !value.is_empty() && !value.contains('|')).then_some((key, value))
}

/// Exact heading texts (folded, without trailing ":").
const EXACT_HEADINGS: &[(&str, Section)] = &[
    ("about us", Section::About),
    // The same headings in French, Spanish, Portuguese, German, Dutch and Italian.
    ("description du poste", Section::Role),
    ("descriptif du poste", Section::Role),
    ("présentation du poste", Section::Role),
    ("le poste", Section::Role),
    ("contexte", Section::Role),
    ("descripción del puesto", Section::Role),
    ("descripción de la vacante", Section::Role),
    ("descrição da vaga", Section::Role),
    ("sobre a vaga", Section::Role),
    ("stellenbeschreibung", Section::Role),
    ("job-beschreibung", Section::Role),
    ("jobbeschreibung", Section::Role),
    ("ihre rolle", Section::Role),
    ("functieomschrijving", Section::Role),
    ("functie-omschrijving", Section::Role),
    ("functiebeschrijving", Section::Role),
    ("over de functie", Section::Role),
    ("de functie", Section::Role),
    ("descrizione del ruolo", Section::Role),
    ("il ruolo", Section::Role),
    ("qui sommes-nous", Section::About),
    ("à propos de nous", Section::About),
    ("l'entreprise", Section::About),
    ("quiénes somos", Section::About),
    ("sobre nosotros", Section::About),
    ("la empresa", Section::About),
    ("quem somos", Section::About),
    ("sobre nós", Section::About),
    ("a empresa", Section::About),
    ("über uns", Section::About),
    ("wer wir sind", Section::About),
    ("over ons", Section::About),
    ("wie zijn wij", Section::About),
    ("chi siamo", Section::About),
    ("missions", Section::Responsibilities),
    ("vos missions", Section::Responsibilities),
    ("missions principales", Section::Responsibilities),
    ("principales missions", Section::Responsibilities),
    ("activités", Section::Responsibilities),
    ("tâches", Section::Responsibilities),
    ("responsabilités", Section::Responsibilities),
    ("funciones", Section::Responsibilities),
    ("responsabilidades", Section::Responsibilities),
    ("tareas", Section::Responsibilities),
    ("principales funciones", Section::Responsibilities),
    ("atividades", Section::Responsibilities),
    ("atribuições", Section::Responsibilities),
    ("aufgaben", Section::Responsibilities),
    ("ihre aufgaben", Section::Responsibilities),
    ("deine aufgaben", Section::Responsibilities),
    ("taken", Section::Responsibilities),
    ("jouw taken", Section::Responsibilities),
    ("wat ga je doen", Section::Responsibilities),
    ("mansioni", Section::Responsibilities),
    ("compiti", Section::Responsibilities),
    ("profil", Section::Requirements),
    ("profil recherché", Section::Requirements),
    ("votre profil", Section::Requirements),
    ("compétences", Section::Requirements),
    ("qualifications requises", Section::Requirements),
    ("requisitos", Section::Requirements),
    ("perfil", Section::Requirements),
    ("perfil requerido", Section::Requirements),
    ("requisitos del puesto", Section::Requirements),
    ("ihr profil", Section::Requirements),
    ("dein profil", Section::Requirements),
    ("anforderungen", Section::Requirements),
    ("qualifikationen", Section::Requirements),
    ("functie-eisen", Section::Requirements),
    ("diplomavoorwaarden", Section::Requirements),
    ("wie ben jij", Section::Requirements),
    ("wat vragen wij", Section::Requirements),
    ("wat wij vragen", Section::Requirements),
    ("requisiti", Section::Requirements),
    ("competenze", Section::Requirements),
    ("atouts", Section::Preferred),
    ("deseable", Section::Preferred),
    ("diferenciais", Section::Preferred),
    ("wünschenswert", Section::Preferred),
    ("pluspunten", Section::Preferred),
    ("avantages", Section::Benefits),
    ("nous offrons", Section::Benefits),
    ("ce que nous offrons", Section::Benefits),
    ("beneficios", Section::Benefits),
    ("ofrecemos", Section::Benefits),
    ("benefícios", Section::Benefits),
    ("oferecemos", Section::Benefits),
    ("wir bieten", Section::Benefits),
    ("das bieten wir", Section::Benefits),
    ("wat bieden wij", Section::Benefits),
    ("wij bieden", Section::Benefits),
    ("aanbod", Section::Benefits),
    ("ons aanbod", Section::Benefits),
    ("arbeidsvoorwaarden", Section::Benefits),
    ("offriamo", Section::Benefits),
    ("cosa offriamo", Section::Benefits),
    ("comment postuler", Section::Ignored),
    ("pour postuler", Section::Ignored),
    ("cómo postular", Section::Ignored),
    ("como se candidatar", Section::Ignored),
    ("bewerbung", Section::Ignored),
    ("sollicitatie", Section::Ignored),
    ("come candidarsi", Section::Ignored),
    ("about the company", Section::About),
    ("who we are", Section::About),
    ("our company", Section::About),
    ("company overview", Section::About),
    ("the company", Section::About),
    ("our story", Section::About),
    ("our mission", Section::About),
    ("company description", Section::About),
    ("about the role", Section::Role),
    ("about the job", Section::Role),
    // The same headings in Norwegian, Danish and Swedish.
    ("om jobben", Section::Role),
    ("om stillingen", Section::Role),
    ("om stillinga", Section::Role),
    ("om jobbet", Section::Role),
    ("om tjänsten", Section::Role),
    ("om rollen", Section::Role),
    ("arbeidsoppgaver", Section::Responsibilities),
    ("arbeidsoppgåver", Section::Responsibilities),
    ("arbejdsopgaver", Section::Responsibilities),
    ("arbetsuppgifter", Section::Responsibilities),
    ("dine arbeidsoppgaver", Section::Responsibilities),
    ("dine opgaver", Section::Responsibilities),
    ("kvalifikasjoner", Section::Requirements),
    ("kvalifikasjonar", Section::Requirements),
    ("kvalifikationer", Section::Requirements),
    ("ønskede kvalifikasjoner", Section::Requirements),
    ("vi søker deg som", Section::Requirements),
    ("din profil", Section::Requirements),
    ("vi tilbyr", Section::Benefits),
    ("vi tilbyder", Section::Benefits),
    ("vi erbjuder", Section::Benefits),
    ("om oss", Section::About),
    ("om os", Section::About),
    ("om arbeidsgiveren", Section::About),
    ("om virksomheden", Section::About),
    ("om företaget", Section::About),
    ("om arbetsgivaren", Section::About),
    ("about the position", Section::Role),
    ("about this role", Section::Role),
    ("about the opportunity", Section::Role),
    ("about the team", Section::Role),
    ("the role", Section::Role),
    ("the job", Section::Role),
    ("the position", Section::Role),
    ("the opportunity", Section::Role),
    ("the team", Section::Role),
    ("your role", Section::Role),
    ("role", Section::Role),
    ("role overview", Section::Role),
    ("position overview", Section::Role),
    ("overview", Section::Role),
    ("summary", Section::Role),
    ("job summary", Section::Role),
    ("job purpose", Section::Role),
    ("purpose of the job", Section::Role),
    ("purpose of the role", Section::Role),
    ("role purpose", Section::Role),
    ("job description", Section::Role),
    ("description", Section::Role),
    ("role description", Section::Role),
    ("position summary", Section::Role),
    ("job posting", Section::Role),
    ("duties", Section::Responsibilities),
    ("job duties", Section::Responsibilities),
    ("your responsibilities", Section::Responsibilities),
    ("role responsibilities", Section::Responsibilities),
    ("your mission", Section::Responsibilities),
    ("your impact", Section::Responsibilities),
    ("your day-to-day", Section::Responsibilities),
    ("day-to-day", Section::Responsibilities),
    ("day to day", Section::Responsibilities),
    ("what you'll be doing", Section::Responsibilities),
    ("what you will be doing", Section::Responsibilities),
    ("what you'll work on", Section::Responsibilities),
    ("in this role you will", Section::Responsibilities),
    ("in this role, you will", Section::Responsibilities),
    ("in this role you'll", Section::Responsibilities),
    ("you will", Section::Responsibilities),
    ("you'll", Section::Responsibilities),
    ("your tasks", Section::Responsibilities),
    ("tasks", Section::Responsibilities),
    ("who you are", Section::Requirements),
    ("about you", Section::Requirements),
    ("you have", Section::Requirements),
    ("you are", Section::Requirements),
    ("you bring", Section::Requirements),
    ("you should have", Section::Requirements),
    ("what you bring", Section::Requirements),
    ("what you'll bring", Section::Requirements),
    ("what you will bring", Section::Requirements),
    ("what you need", Section::Requirements),
    ("what you'll need", Section::Requirements),
    ("what we need", Section::Requirements),
    ("your profile", Section::Requirements),
    ("profile", Section::Requirements),
    ("experience", Section::Requirements),
    ("the ideal candidate", Section::Requirements),
    ("ideal candidate", Section::Requirements),
    ("essential", Section::Requirements),
    ("essentials", Section::Requirements),
    ("job requirements", Section::Requirements),
    ("key requirements", Section::Requirements),
    ("minimum qualifications", Section::Requirements),
    ("basic qualifications", Section::Requirements),
    ("key qualifications", Section::Requirements),
    ("your skills", Section::Requirements),
    ("pluses", Section::Preferred),
    ("plus", Section::Preferred),
    ("desirable", Section::Preferred),
    ("desired", Section::Preferred),
    ("good to have", Section::Preferred),
    ("extra credit", Section::Preferred),
    ("even better if", Section::Preferred),
    ("even better if you have", Section::Preferred),
    ("it would be great if", Section::Preferred),
    ("ideally", Section::Preferred),
    ("ideally you have", Section::Preferred),
    ("why join us", Section::Benefits),
    ("why join", Section::Benefits),
    ("why work with us", Section::Benefits),
    ("why you'll love working here", Section::Benefits),
    ("why you'll love it here", Section::Benefits),
    ("what's in it for you", Section::Benefits),
    ("whats in it for you", Section::Benefits),
    ("we offer", Section::Benefits),
    ("what you'll get", Section::Benefits),
    ("what you get", Section::Benefits),
    ("our benefits", Section::Benefits),
    ("the perks", Section::Benefits),
    ("salary", Section::Ignored),
    ("salary range", Section::Ignored),
    ("base salary", Section::Ignored),
    ("pay", Section::Ignored),
    ("pay range", Section::Ignored),
    ("compensation", Section::Ignored),
    ("location", Section::Ignored),
    ("how to apply", Section::Ignored),
    ("to apply", Section::Ignored),
    ("application process", Section::Ignored),
    ("interview process", Section::Ignored),
    ("our hiring process", Section::Ignored),
    ("hiring process", Section::Ignored),
    ("equal opportunity", Section::Ignored),
    ("equal opportunity employer", Section::Ignored),
    ("eeo statement", Section::Ignored),
    ("diversity and inclusion", Section::Ignored),
    ("next steps", Section::Ignored),
];

/// Heading starts that open a section even with a few more words
/// ("Requirements & Skills", "Preferred Qualifications").
const PREFIX_HEADINGS: &[(&str, Section)] = &[
    ("nice to have", Section::Preferred),
    ("nice-to-have", Section::Preferred),
    ("nice to haves", Section::Preferred),
    ("bonus", Section::Preferred),
    ("preferred", Section::Preferred),
    ("desired", Section::Preferred),
    ("benefits", Section::Benefits),
    ("perks", Section::Benefits),
    ("what we offer", Section::Benefits),
    ("compensation", Section::Benefits),
    ("responsibilities", Section::Responsibilities),
    ("key responsibilities", Section::Responsibilities),
    ("main responsibilities", Section::Responsibilities),
    ("what you'll do", Section::Responsibilities),
    ("what you will do", Section::Responsibilities),
    ("what you'll be doing", Section::Responsibilities),
    ("requirements", Section::Requirements),
    ("required", Section::Requirements),
    ("qualifications", Section::Requirements),
    ("must have", Section::Requirements),
    ("must-have", Section::Requirements),
    ("what we're looking for", Section::Requirements),
    ("what we are looking for", Section::Requirements),
    ("who we're looking for", Section::Requirements),
    ("skills", Section::Requirements),
    ("about the role", Section::Role),
];

/// Words that classify a clearly marked heading ("## Your Skillset:").
const CONTAINS_HEADINGS: &[(&str, Section)] = &[
    ("nice to have", Section::Preferred),
    ("bonus", Section::Preferred),
    ("preferred", Section::Preferred),
    ("benefit", Section::Benefits),
    ("perks", Section::Benefits),
    ("we offer", Section::Benefits),
    ("responsibilit", Section::Responsibilities),
    ("accountabilit", Section::Responsibilities),
    ("you'll do", Section::Responsibilities),
    ("you will do", Section::Responsibilities),
    ("duties", Section::Responsibilities),
    ("requirement", Section::Requirements),
    ("qualification", Section::Requirements),
    ("looking for", Section::Requirements),
    ("must have", Section::Requirements),
    ("skills", Section::Requirements),
    ("the role", Section::Role),
    ("overview", Section::Role),
    ("description", Section::Role),
    ("about us", Section::About),
    ("who we are", Section::About),
    ("apply", Section::Ignored),
    ("process", Section::Ignored),
];

/// "About …" headings that do not name the company.
const GENERIC_ABOUT: &[&str] = &[
    "us",
    "you",
    "me",
    "this",
    "the",
    "our",
    "your",
    "it",
    "nous",
    "nosotros",
    "nós",
    "nos",
    "uns",
    "el",
    "la",
    "le",
    "les",
    "l'entreprise",
    "die",
    "der",
    "das",
    "organização",
    "organización",
    "organisation",
    "organization",
    "empresa",
    "entreprise",
    "vaga",
    "poste",
    "puesto",
    "unternehmen",
    "stelle",
    "company",
    "role",
    "job",
    "position",
    "team",
];

/// Recognises a heading line and the section it opens.
pub(crate) fn detect_heading(line: &str) -> Option<Heading> {
    let markdown = line.starts_with('#');
    let plain = strip_markdown(line);
    let bold = line.trim_end_matches(':').trim_end().ends_with("**") && line.starts_with("**");
    let has_colon = plain.trim_end().ends_with(':');
    let core = collapse_ws(strip_decorations(plain.trim_end_matches([':', '?', '!'])));
    if core.is_empty() || core.chars().count() > 70 {
        return None;
    }
    let folded = fold(&core);
    let words = word_count(&core);
    let marked = markdown || bold || has_colon || is_all_caps(&core);

    if let Some(section) = vocabulary_section(&folded, words, marked) {
        return Some(heading(section, true));
    }
    if let Some(found) = about_company_heading(&core, words) {
        return Some(found);
    }
    if let Some(found) = inline_heading(&plain) {
        return Some(found);
    }
    let short = words <= 6 && !ends_like_sentence(&core) && !core.contains(',');
    if marked && short && starts_uppercase(&core) {
        let strong = markdown || bold || is_all_caps(&core);
        return Some(heading(Section::Unknown, strong));
    }
    None
}

fn heading(section: Section, strong: bool) -> Heading {
    Heading {
        section,
        strong,
        inline: None,
        company: None,
    }
}

/// Looks a folded heading up in the exact, prefix and (for marked lines)
/// contains vocabularies.
pub(crate) fn vocabulary_section(folded: &str, words: usize, marked: bool) -> Option<Section> {
    if let Some((_, section)) = EXACT_HEADINGS.iter().find(|(h, _)| *h == folded) {
        return Some(*section);
    }
    let prefixed = PREFIX_HEADINGS.iter().find(|(h, _)| {
        folded.strip_prefix(h).is_some_and(|rest| {
            rest.is_empty() || rest == "s" || rest.starts_with([' ', '(', '&', '/', ',', '-'])
        })
    });
    if let Some((_, section)) = prefixed
        && words <= 5
    {
        return Some(*section);
    }
    if marked && words <= 6 && !folded.ends_with('.') {
        return CONTAINS_HEADINGS
            .iter()
            .find(|(h, _)| folded.contains(h))
            .map(|(_, section)| *section);
    }
    None
}

/// "About Acme", "À propos de Solidarités International", "Sobre o GASPORTO" → About section
/// naming the company.
fn about_company_heading(core: &str, words: usize) -> Option<Heading> {
    const LEADS: &[&str] = &[
        "About ",
        "ABOUT ",
        "À propos de ",
        "A propos de ",
        "À PROPOS DE ",
        "Sobre o ",
        "Sobre a ",
        "SOBRE O ",
        "SOBRE A ",
        "Acerca de ",
        "Über ",
    ];
    let (lead, rest) = LEADS
        .iter()
        .find_map(|lead| core.strip_prefix(lead).map(|rest| (*lead, rest)))?;
    let first_word = fold(rest).split_whitespace().next()?.to_string();
    let named = rest.chars().next().is_some_and(char::is_uppercase);
    let lead_words = word_count(lead);
    if GENERIC_ABOUT.contains(&first_word.as_str())
        || words > 4 + lead_words
        || !named
        || ends_like_sentence(core)
    {
        return None;
    }
    let mut found = heading(Section::About, true);
    found.company = Some(rest.trim().to_string());
    Some(found)
}

/// "Requirements: 5+ years of Go" → Requirements heading with an inline item.
fn inline_heading(plain: &str) -> Option<Heading> {
    let (key, rest) = plain.split_once(':')?;
    let key_core = collapse_ws(strip_decorations(key));
    let folded = fold(&key_core);
    let section = vocabulary_section(&folded, word_count(&key_core), false)?;
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let mut found = heading(section, true);
    found.inline = Some(rest.to_string());
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section_of(line: &str) -> Option<Section> {
        detect_heading(line).map(|h| h.section)
    }

    #[test]
    fn every_stacked_label_is_a_field_label() {
        for label in STACKED_LABELS {
            assert!(
                FIELD_KEYS.iter().any(|(key, _)| key == label),
                "{label} is stacked but not a field label"
            );
        }
    }

    #[test]
    fn a_label_under_a_label_is_no_value() {
        let lines = classify_lines("TITRE\n\nINSTITUTION\n\nCOUR DE JUSTICE\n");
        let fields: Vec<(FieldKey, String)> = lines
            .iter()
            .filter_map(|line| match &line.kind {
                LineKind::Field { key, value } => Some((*key, value.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            fields,
            vec![(FieldKey::Company, "COUR DE JUSTICE".to_string())]
        );
    }

    #[test]
    fn detects_bullets() {
        assert_eq!(strip_bullet("- Rust"), Some("Rust"));
        assert_eq!(strip_bullet("•Rust"), Some("Rust"));
        assert_eq!(strip_bullet("* Rust"), Some("Rust"));
        assert_eq!(strip_bullet("· Rust"), Some("Rust"));
        assert_eq!(strip_bullet("1. Rust"), Some("Rust"));
        assert_eq!(strip_bullet("12) Rust"), Some("Rust"));
        assert_eq!(strip_bullet("✅ Rust"), Some("Rust"));
        assert_eq!(strip_bullet("**Requirements**"), None);
        assert_eq!(strip_bullet("5+ years of Rust"), None);
        assert_eq!(strip_bullet("€60.000"), None);
        assert_eq!(strip_bullet("-5 degrees"), None);
    }

    #[test]
    fn detects_headings_in_many_styles() {
        assert_eq!(section_of("Requirements"), Some(Section::Requirements));
        assert_eq!(section_of("REQUIREMENTS:"), Some(Section::Requirements));
        assert_eq!(
            section_of("## What you'll do"),
            Some(Section::Responsibilities)
        );
        assert_eq!(
            section_of("**What We’re Looking For**"),
            Some(Section::Requirements)
        );
        assert_eq!(section_of("Nice to have:"), Some(Section::Preferred));
        assert_eq!(section_of("Bonus points"), Some(Section::Preferred));
        assert_eq!(section_of("Nice-to-haves:"), Some(Section::Preferred));
        assert_eq!(section_of("Must-haves"), Some(Section::Requirements));
        assert_eq!(
            section_of("Preferred Qualifications"),
            Some(Section::Preferred)
        );
        assert_eq!(section_of("Perks & Benefits"), Some(Section::Benefits));
        assert_eq!(section_of("What we offer"), Some(Section::Benefits));
        assert_eq!(section_of("About us"), Some(Section::About));
        assert_eq!(section_of("Tech stack:"), Some(Section::Unknown));
        assert_eq!(section_of("We build tools for farmers."), None);
        assert_eq!(section_of("Strong communication skills"), None);
    }

    #[test]
    fn about_heading_names_company() {
        let heading = detect_heading("About Fernweh Travel").expect("heading");
        assert_eq!(heading.company.as_deref(), Some("Fernweh Travel"));
        for (line, company) in [
            (
                "À propos de Solidarités International (SI)",
                "Solidarités International (SI)",
            ),
            ("Sobre o GASPORTO", "GASPORTO"),
        ] {
            let heading = detect_heading(line).expect("heading");
            assert_eq!(heading.company.as_deref(), Some(company), "{line}");
        }
        for line in ["SOBRE A ORGANIZAÇÃO:", "À propos de nous", "Über uns"] {
            assert_eq!(detect_heading(line).and_then(|h| h.company), None, "{line}");
        }
        assert_eq!(
            detect_heading("About you").map(|h| h.section),
            Some(Section::Requirements)
        );
    }

    #[test]
    fn parses_fields() {
        assert_eq!(
            parse_field("Location: Berlin, Germany"),
            Some((FieldKey::Location, "Berlin, Germany".to_string()))
        );
        assert_eq!(
            parse_field("**Company:** Acme"),
            Some((FieldKey::Company, "Acme".to_string()))
        );
        assert_eq!(parse_field("Note: we sponsor visas"), None);
        assert_eq!(parse_field("Requirements:"), None);
        // A two-cell table row; a row of more cells, or an unknown label, is no field.
        assert_eq!(
            parse_field("| Location | Fairfield, California |"),
            Some((FieldKey::Location, "Fairfield, California".to_string()))
        );
        assert_eq!(parse_field("| Skill | Level | Years |"), None);
        assert_eq!(parse_field("| Job Title | Location |"), None);
        assert_eq!(parse_field("| Location | Base Salary |"), None);
        assert_eq!(parse_field("| Note | Visas sponsored |"), None);
        // A label that lost its colon, in Dutch.
        assert_eq!(
            parse_field("Standplaats Den Haag"),
            Some((FieldKey::Location, "Den Haag".to_string()))
        );
        assert_eq!(
            parse_field("Modalidade de contratação PJ"),
            Some((FieldKey::Attribute, "PJ".to_string()))
        );
    }

    #[test]
    fn labels_in_east_asian_and_cyrillic_scripts() {
        // A full-width colon, and a label in lenticular brackets (before a colon in its value).
        for (line, key, value) in [
            ("勤務地：東京都港区", FieldKey::Location, "東京都港区"),
            (
                "【会社名】株式会社サンプル",
                FieldKey::Company,
                "株式会社サンプル",
            ),
            ("근무지역: 서울", FieldKey::Location, "서울"),
            ("职位名称：数据分析师", FieldKey::Title, "数据分析师"),
            (
                "Работодатель: ООО Ромашка",
                FieldKey::Company,
                "ООО Ромашка",
            ),
            ("Arbeidssted: Bergen", FieldKey::Location, "Bergen"),
            (
                "【勤務地】東京都港区（最寄駅：六本木）",
                FieldKey::Location,
                "東京都港区（最寄駅：六本木）",
            ),
        ] {
            assert_eq!(parse_field(line), Some((key, value.to_string())), "{line}");
        }
        // A bracket that is no label is no field.
        assert_eq!(parse_field("【急募】営業スタッフ"), None);
        // Label over value, as Korean and Japanese pages print them.
        let lines = classify_lines("근무지\n서울 강남구\n\n給与\n月給25万円");
        assert!(
            matches!(&lines[0].kind, LineKind::Field { key: FieldKey::Location, value } if value == "서울 강남구")
        );
        assert!(
            matches!(&lines[3].kind, LineKind::Field { key: FieldKey::Attribute, value } if value == "月給25万円")
        );
    }
}
