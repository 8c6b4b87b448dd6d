//! LinkedIn "Download your data" export → profile: `Profile.csv`, `Positions.csv`,
//! `Education.csv`, `Skills.csv`, `Email Addresses.csv`, `PhoneNumbers.csv` (`Phone
//! Numbers.csv` in older exports),
//! `Certifications.csv`, `Projects.csv` and `Languages.csv` (any may be missing; other files
//! are ignored). Columns are found by their header names, so their order does not matter;
//! dates such as `Jan 2020` are normalised.

use regex::Regex;
use std::sync::LazyLock;

use super::dates::{DateValue, parse_date};
use super::parse::{ParseNote, ParsedResume, fluency_level};
use crate::profile::{Certification, Education, Experience, Language, Profile, Project};

/// Reads RFC 4180 CSV: `,` separators, `"` quoting with `""` escapes, line breaks inside
/// quotes, `\r\n` or `\n` rows, an optional BOM. Blank rows are skipped.
pub fn read_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                if row.iter().any(|f| !f.trim().is_empty()) {
                    rows.push(std::mem::take(&mut row));
                } else {
                    row.clear();
                }
            }
            _ => field.push(c),
        }
    }
    row.push(field);
    if row.iter().any(|f| !f.trim().is_empty()) {
        rows.push(row);
    }
    rows
}

/// A CSV file as records keyed by header name (the first row naming one of `expected`; some
/// exports put notes above the header).
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(text: &str, expected: &str) -> Self {
        let mut rows = read_csv(text);
        let at = rows
            .iter()
            .position(|r| r.iter().any(|h| h.trim().eq_ignore_ascii_case(expected)))
            .unwrap_or(0);
        let mut rest = rows.split_off(at.min(rows.len()));
        if rest.is_empty() {
            return Self {
                header: Vec::new(),
                rows: Vec::new(),
            };
        }
        let header = rest
            .remove(0)
            .into_iter()
            .map(|h| h.trim().to_owned())
            .collect();
        Self { header, rows: rest }
    }

    fn get<'a>(&self, row: &'a [String], name: &str) -> Option<&'a str> {
        let i = self
            .header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))?;
        row.get(i).map(|v| v.trim()).filter(|v| !v.is_empty())
    }
}

fn date(value: Option<&str>, field: String, notes: &mut Vec<ParseNote>) -> (Option<String>, bool) {
    let Some(v) = value else {
        return (None, false);
    };
    match parse_date(v) {
        Some(DateValue::Date { iso, .. }) => (Some(iso), false),
        Some(DateValue::Present) => (None, true),
        None => {
            notes.push(ParseNote {
                field,
                message: format!("the date {v:?} could not be read"),
            });
            (None, false)
        }
    }
}

static URLS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://[^\s,\]]+").expect("valid url regex"));

/// Maps the CSV files of a LinkedIn export (`(file name, text)`; only the base name counts)
/// to a profile.
pub fn from_linkedin(files: &[(String, String)]) -> ParsedResume {
    let find = |name: &str| {
        files
            .iter()
            .find(|(n, _)| {
                n.rsplit(['/', '\\'])
                    .next()
                    .is_some_and(|b| b.eq_ignore_ascii_case(name))
            })
            .map(|(_, t)| t.as_str())
    };
    let mut p = Profile::default();
    let mut notes = Vec::new();

    if let Some(text) = find("Profile.csv") {
        let t = Table::parse(text, "First Name");
        if let Some(r) = t.rows.first() {
            let name = [t.get(r, "First Name"), t.get(r, "Last Name")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            p.personal_info.full_name = name;
            p.professional_summary = t.get(r, "Summary").map(str::to_owned);
            p.personal_info.location = t
                .get(r, "Geo Location")
                .or_else(|| t.get(r, "Location"))
                .or_else(|| t.get(r, "Country"))
                .map(str::to_owned);
            if let Some(sites) = t.get(r, "Websites") {
                for m in URLS.find_iter(sites) {
                    let url = m.as_str().to_owned();
                    if url.contains("github.com") {
                        p.personal_info.github.get_or_insert(url);
                    } else {
                        p.personal_info.website.get_or_insert(url);
                    }
                }
            }
        }
    }
    if let Some(text) = find("Email Addresses.csv") {
        let t = Table::parse(text, "Email Address");
        let primary = t
            .rows
            .iter()
            .find(|r| {
                t.get(r, "Primary")
                    .is_some_and(|v| v.eq_ignore_ascii_case("yes"))
            })
            .or(t.rows.first());
        if let Some(email) = primary.and_then(|r| t.get(r, "Email Address")) {
            p.personal_info.email = email.to_owned();
        }
    }
    // `PhoneNumbers.csv` since about 2020; the 2018 export wrote `Phone Numbers.csv`.
    if let Some(text) = find("PhoneNumbers.csv").or_else(|| find("Phone Numbers.csv")) {
        let t = Table::parse(text, "Number");
        p.personal_info.phone = t
            .rows
            .iter()
            .find_map(|r| t.get(r, "Number"))
            .map(str::to_owned);
    }
    if let Some(text) = find("Positions.csv") {
        let t = Table::parse(text, "Company Name");
        for r in &t.rows {
            let i = p.experiences.len();
            let (start, _) = date(
                t.get(r, "Started On"),
                format!("experiences[{i}].start_date"),
                &mut notes,
            );
            let (end, present) = date(
                t.get(r, "Finished On"),
                format!("experiences[{i}].end_date"),
                &mut notes,
            );
            p.experiences.push(Experience {
                id: String::new(),
                title: t.get(r, "Title").unwrap_or_default().to_owned(),
                company: t.get(r, "Company Name").unwrap_or_default().to_owned(),
                location: t.get(r, "Location").map(str::to_owned),
                start_date: start.unwrap_or_default(),
                is_current: present || t.get(r, "Finished On").is_none(),
                end_date: end,
                description: t.get(r, "Description").map(str::to_owned),
                achievements: Vec::new(),
            });
        }
    }
    if let Some(text) = find("Education.csv") {
        let t = Table::parse(text, "School Name");
        for r in &t.rows {
            let i = p.education.len();
            let (start, _) = date(
                t.get(r, "Start Date"),
                format!("education[{i}].start_date"),
                &mut notes,
            );
            let (end, _) = date(
                t.get(r, "End Date"),
                format!("education[{i}].end_date"),
                &mut notes,
            );
            let honors = t
                .get(r, "Activities")
                .into_iter()
                .chain(t.get(r, "Notes"))
                .map(str::to_owned)
                .collect();
            p.education.push(Education {
                id: String::new(),
                institution: t.get(r, "School Name").unwrap_or_default().to_owned(),
                degree: t.get(r, "Degree Name").unwrap_or_default().to_owned(),
                field_of_study: t
                    .get(r, "Field Of Study")
                    .or_else(|| t.get(r, "Field of Study"))
                    .map(str::to_owned),
                start_date: start,
                end_date: end,
                gpa: None,
                honors,
            });
        }
    }
    if let Some(text) = find("Skills.csv") {
        let t = Table::parse(text, "Name");
        for r in &t.rows {
            if let Some(s) = t.get(r, "Name")
                && !p.skills.technical.iter().any(|x| x.eq_ignore_ascii_case(s))
            {
                p.skills.technical.push(s.to_owned());
            }
        }
    }
    if let Some(text) = find("Languages.csv") {
        let t = Table::parse(text, "Name");
        for r in &t.rows {
            if let Some(name) = t.get(r, "Name") {
                p.skills.languages.push(Language {
                    name: name.to_owned(),
                    proficiency: fluency_level(t.get(r, "Proficiency").unwrap_or("")),
                });
            }
        }
    }
    if let Some(text) = find("Certifications.csv") {
        let t = Table::parse(text, "Name");
        for r in &t.rows {
            let i = p.skills.certifications.len();
            let (obtained, _) = date(
                t.get(r, "Started On"),
                format!("skills.certifications[{i}].date_obtained"),
                &mut notes,
            );
            let (expiry, _) = date(
                t.get(r, "Finished On"),
                format!("skills.certifications[{i}].expiry_date"),
                &mut notes,
            );
            p.skills.certifications.push(Certification {
                id: String::new(),
                name: t.get(r, "Name").unwrap_or_default().to_owned(),
                issuer: t.get(r, "Authority").unwrap_or_default().to_owned(),
                date_obtained: obtained,
                expiry_date: expiry,
                credential_id: t.get(r, "License Number").map(str::to_owned),
                verification_url: t.get(r, "Url").map(str::to_owned),
            });
        }
    }
    if let Some(text) = find("Projects.csv") {
        let t = Table::parse(text, "Title");
        for r in &t.rows {
            let i = p.projects.len();
            let (start, _) = date(
                t.get(r, "Started On").or_else(|| t.get(r, "Start Date")),
                format!("projects[{i}].start_date"),
                &mut notes,
            );
            let (end, _) = date(
                t.get(r, "Finished On").or_else(|| t.get(r, "End Date")),
                format!("projects[{i}].end_date"),
                &mut notes,
            );
            p.projects.push(Project {
                id: String::new(),
                name: t.get(r, "Title").unwrap_or_default().to_owned(),
                description: t.get(r, "Description").unwrap_or_default().to_owned(),
                technologies: Vec::new(),
                url: t.get(r, "Url").map(str::to_owned),
                start_date: start,
                end_date: end,
            });
        }
    }
    if p.personal_info.full_name.is_empty() {
        notes.push(ParseNote {
            field: "personal_info.full_name".into(),
            message: "the export has no Profile.csv with a name".into(),
        });
    }
    ParsedResume { profile: p, notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_line_breaks() {
        let rows = read_csv("\u{feff}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n");
        assert_eq!(
            rows,
            vec![
                vec!["a", "b", "c"],
                vec!["x, y", "say \"hi\"", "two\nlines"]
            ]
        );
    }

    #[test]
    fn export_maps_every_file() {
        let files: Vec<(String, String)> = [
            ("Profile.csv", "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nAna,Souza,,,,Data Engineer,\"Builds pipelines.\",,,\"São Paulo, Brazil\",,\"[PERSONAL:https://ana.example.com,OTHER:https://github.com/anasouza]\",\n"),
            ("Email Addresses.csv", "Email Address,Confirmed,Primary,Updated On\nold@example.com,Yes,No,\nana@example.com,Yes,Yes,\n"),
            ("PhoneNumbers.csv", "Extension,Number,Type\n,+55 11 5555-0100,Mobile\n"),
            ("Positions.csv", "Company Name,Title,Description,Location,Started On,Finished On\nLoja Rápida,Senior Data Engineer,\"Owns the lakehouse.\",São Paulo,Mar 2021,\nBanco Azul,Data Engineer,,,Jan 2017,Feb 2021\n"),
            ("Education.csv", "School Name,Start Date,End Date,Notes,Degree Name,Activities\nUSP,2012,2016,,BSc Computer Science,Chess club\n"),
            ("Skills.csv", "Name\nSpark\nSQL\nspark\n"),
            ("Languages.csv", "Name,Proficiency\nPortuguese,Native or bilingual proficiency\nEnglish,Full professional proficiency\n"),
            ("Certifications.csv", "Name,Url,Authority,Started On,Finished On,License Number\nAWS Data Analytics,,Amazon Web Services,Jun 2022,,ABC-1\n"),
            ("Projects.csv", "Title,Description,Url,Started On,Finished On\nOpenETL,CDC connector,https://openetl.example,Jan 2020,Dec 2020\n"),
        ]
        .into_iter()
        .map(|(n, t)| (format!("Basic_LinkedInDataExport/{n}"), t.to_owned()))
        .collect();
        let parsed = from_linkedin(&files);
        let p = parsed.profile;
        assert_eq!(p.personal_info.full_name, "Ana Souza");
        assert_eq!(p.personal_info.email, "ana@example.com");
        assert_eq!(p.personal_info.phone.as_deref(), Some("+55 11 5555-0100"));
        assert_eq!(
            p.personal_info.location.as_deref(),
            Some("São Paulo, Brazil")
        );
        assert_eq!(
            p.personal_info.github.as_deref(),
            Some("https://github.com/anasouza")
        );
        assert_eq!(p.professional_summary.as_deref(), Some("Builds pipelines."));
        assert_eq!(p.experiences.len(), 2);
        assert_eq!(p.experiences[0].start_date, "2021-03");
        assert!(p.experiences[0].is_current);
        assert_eq!(p.experiences[1].end_date.as_deref(), Some("2021-02"));
        assert!(!p.experiences[1].is_current);
        assert_eq!(p.education[0].institution, "USP");
        assert_eq!(p.education[0].end_date.as_deref(), Some("2016"));
        assert_eq!(p.education[0].honors, ["Chess club"]);
        assert_eq!(p.skills.technical, ["Spark", "SQL"]);
        assert_eq!(p.skills.languages[0].proficiency.as_str(), "native");
        assert_eq!(p.skills.languages[1].proficiency.as_str(), "fluent");
        assert_eq!(p.skills.certifications[0].issuer, "Amazon Web Services");
        assert_eq!(
            p.skills.certifications[0].date_obtained.as_deref(),
            Some("2022-06")
        );
        assert_eq!(p.projects[0].end_date.as_deref(), Some("2020-12"));
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    }

    #[test]
    fn missing_files_are_fine() {
        let files = vec![(
            "Positions.csv".to_owned(),
            "Company Name,Title,Description,Location,Started On,Finished On\nAcme,Engineer,,,sometime,\n"
                .to_owned(),
        )];
        let parsed = from_linkedin(&files);
        assert_eq!(parsed.profile.experiences[0].company, "Acme");
        assert_eq!(parsed.profile.experiences[0].start_date, "");
        let fields: Vec<&str> = parsed.notes.iter().map(|n| n.field.as_str()).collect();
        assert_eq!(
            fields,
            ["experiences[0].start_date", "personal_info.full_name"]
        );
    }

    /// The 2018 export names the phone file `Phone Numbers.csv`; blank rows (`,,`) and a
    /// number written with a leading space, as real exports have them, still give the phone.
    #[test]
    fn phone_file_of_either_generation() {
        for name in ["Phone Numbers.csv", "PhoneNumbers.csv"] {
            let files = vec![(
                name.to_owned(),
                "Extension,Number,Type\n,,\n,,\n, +20 555 555 0100,\n,05555550100,Mobile\n"
                    .to_owned(),
            )];
            let p = from_linkedin(&files).profile;
            assert_eq!(
                p.personal_info.phone.as_deref(),
                Some("+20 555 555 0100"),
                "{name}"
            );
        }
    }
}
