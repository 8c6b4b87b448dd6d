//! Stage 3 — Document Generation, offline engine: builds the structured resume or cover letter
//! from the ranked profile (stage 2) within the length budget. Pure and deterministic.
//!
//! Every line is the profile's own wording or a composition of profile facts, and carries the
//! `source {kind, item_id, field}` it came from; `changed` is true when the words differ from
//! the profile. Rules:
//!
//! * **Own words**: every skill, title, employer and school is written as the person wrote
//!   it. The taxonomy matches and ranks; it does not rename. Where the posting writes the same
//!   skill as another alias of its taxonomy entry, the posting's form comes first with the
//!   person's beside it ("Amazon Web Services (AWS)"); equal up to case, the person's form
//!   alone; a narrower or broader entry name never replaces the person's term ("SOX
//!   Compliance" stays, "CCH" is not "CCH Axcess"; see `jobwise_engine::own_words`). A skill
//!   the profile only implies (a term found in a bullet, description or certification name)
//!   may rank and explain a match but is never listed as the person's skill, in a skills
//!   section, a summary or a letter.
//! * **Header**: the profile's contact details; the headline is the most recent job title.
//! * **Summary**: "<latest title> with <N>+ years of experience in <A>, skilled in <B>." N from
//!   the profile's dates; the skills are those the person lists that the posting asks for
//!   (required first, at most four), and a skill is named after "years of experience in" only
//!   when the dated roles that show it (title, description or a bullet) cover N years; the
//!   others follow "skilled in". Then up to two sentences of the profile's own summary that
//!   mention the posting's terms and are not in the first person.
//! * **Skills**: the person's technical and soft skills, job-relevant first (stage-2 score), in
//!   their own words (above); two spellings of one skill ("golang", "Go") once, the posting's
//!   spelling preferred. An asked-for term the person lists only among a project's
//!   technologies is added with that project as its source.
//! * **Experience**: reverse-chronological; at most N roles (the latest always kept, then the
//!   best scored); bullets by score, reworded by the enhance rules (which never add facts);
//!   a role without bullets uses the sentences of its description. Bullets over 220 characters
//!   are cut at their last clause boundary before 220. A required term the person does not
//!   list is shown in their own words instead: the bullet that shows it leads its role, or the
//!   description sentence that names it becomes the role's first bullet, or its project is
//!   listed.
//! * **Projects** with a score ≥ 25 (all with `comprehensive`), best first; education with the
//!   chosen entry first; certifications that have not expired; spoken languages.
//! * **Focus**: `focus_areas` and the taxonomy terms named in `custom_instructions` raise the
//!   items that mention them.
//! * **Letters**: greeting, an opening naming the role and company with the latest title, years
//!   and top listed skills (the summary's rule), one to three evidence paragraphs built from
//!   the best bullets (or projects), each naming the required skills it demonstrates that the
//!   person lists ("That work drew on …"), and a close; the tone picks the phrasing, the
//!   writing-style profile picks contractions (informal samples) and the sign-off.
//! * **Self-check**: `pipeline::draft_checked` validates each draft as stage 4 does and
//!   rebuilds or drops a statement it flags (`super::repair`), so a generation never fails on
//!   a sentence written here; the evaluation test insists that nothing needs repair.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jobwise_engine::profile::parse_date;
use jobwise_engine::{
    Category, CompiledProfile, ItemKind, JobAnalysis, Profile, RankedItem, StyleProfile, Taxonomy,
};
use jobwise_render::{
    Certification, CoverLetter, Education, Experience, Header, Language, Line, Link, Project,
    Recipient, Resume, Sender, SkillGroup,
};

use super::options::{LetterLength, ResumeLength, ResumeOptions, Tone};

/// What stage 3 reads besides the options.
#[derive(Debug, Clone, Copy)]
pub struct DraftInput<'a> {
    /// The master profile.
    pub profile: &'a Profile,
    /// Stage 1.
    pub analysis: &'a JobAnalysis,
    /// Stage 2.
    pub compiled: &'a CompiledProfile,
    /// The job's title as posted.
    pub job_title: &'a str,
    /// The employer, when the posting names one.
    pub company: Option<&'a str>,
    /// Writing style learned from the user's samples.
    pub style: Option<&'a StyleProfile>,
    /// Today as (year, month, day): the letter's date and "current" roles.
    pub today: (i32, u8, u8),
    /// The skills taxonomy.
    pub taxonomy: &'a Taxonomy,
}

/// Letter drafting options.
#[derive(Debug, Clone, Default)]
pub struct LetterDraftOptions {
    /// Phrasing.
    pub tone: Tone,
    /// Number of evidence paragraphs.
    pub length: LetterLength,
    /// Free instructions; offline only their taxonomy terms are used (as focus).
    pub custom_instructions: Option<String>,
}

/// How much of the profile a resume length allows before page fitting.
struct Budget {
    roles: usize,
    latest_bullets: usize,
    other_bullets: usize,
    projects: usize,
    skills: usize,
    certifications: usize,
    min_project_score: u8,
}

fn budget(length: ResumeLength) -> Budget {
    match length {
        ResumeLength::OnePage => Budget {
            roles: 4,
            latest_bullets: 4,
            other_bullets: 3,
            projects: 2,
            skills: 14,
            certifications: 3,
            min_project_score: 25,
        },
        ResumeLength::TwoPage => Budget {
            roles: 8,
            latest_bullets: 6,
            other_bullets: 4,
            projects: 4,
            skills: 24,
            certifications: 6,
            min_project_score: 25,
        },
        ResumeLength::Comprehensive => Budget {
            roles: usize::MAX,
            latest_bullets: usize::MAX,
            other_bullets: usize::MAX,
            projects: usize::MAX,
            skills: usize::MAX,
            certifications: usize::MAX,
            min_project_score: 0,
        },
    }
}

/// Longest bullet kept whole.
pub const MAX_BULLET_CHARS: usize = 220;

/// Item scores from stage 2, plus the focus boost.
struct Scores {
    by_id: HashMap<String, u8>,
}

/// Every ranked item of stage 2 (experiences, bullets, projects, skills, certifications).
pub fn ranked_items(compiled: &CompiledProfile) -> impl Iterator<Item = &RankedItem> {
    compiled
        .experiences
        .iter()
        .chain(&compiled.achievements)
        .chain(&compiled.projects)
        .chain(&compiled.skills)
        .chain(&compiled.certifications)
}

impl Scores {
    fn new(compiled: &CompiledProfile) -> Self {
        let mut by_id = HashMap::new();
        for item in ranked_items(compiled) {
            by_id.entry(item.item_id.clone()).or_insert(item.score);
        }
        Scores { by_id }
    }

    fn get(&self, id: &str) -> u8 {
        self.by_id.get(id).copied().unwrap_or(0)
    }
}

/// Lower-cased focus words and phrases.
fn focus_terms(
    focus_areas: &[String],
    instructions: Option<&str>,
    taxonomy: &Taxonomy,
) -> Vec<String> {
    let mut out: Vec<String> = focus_areas
        .iter()
        .map(|f| f.trim().to_lowercase())
        .filter(|f| !f.is_empty())
        .collect();
    if let Some(text) = instructions {
        for m in taxonomy.find(text) {
            out.push(m.canonical.to_lowercase());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn mentions_focus(text: &str, focus: &[String], taxonomy: &Taxonomy) -> bool {
    if focus.is_empty() {
        return false;
    }
    let lower = text.to_lowercase();
    if focus.iter().any(|f| lower.contains(f.as_str())) {
        return true;
    }
    taxonomy
        .find(text)
        .iter()
        .any(|m| focus.contains(&m.canonical.to_lowercase()))
}

/// Sort key for reverse-chronological order: current roles first, then by end, then by start.
fn chrono_key(start: &str, end: Option<&str>, current: bool) -> (bool, i32, i32) {
    let month_index = |d: &str, default_month: u8| {
        parse_date(d).map_or(0, |(y, m)| y * 12 + i32::from(m.unwrap_or(default_month)))
    };
    let start_index = month_index(start, 1);
    let end_index = if current {
        i32::MAX
    } else {
        end.map_or(start_index, |e| month_index(e, 12))
    };
    (
        current || end.is_none() && start.is_empty(),
        end_index,
        start_index,
    )
}

/// Indexes of the profile's experiences, most recent first.
pub fn experiences_newest_first(profile: &Profile) -> Vec<usize> {
    let mut order: Vec<usize> = (0..profile.experiences.len()).collect();
    order.sort_by(|&a, &b| {
        let ea = &profile.experiences[a];
        let eb = &profile.experiences[b];
        let ka = chrono_key(&ea.start_date, ea.end_date.as_deref(), ea.is_current);
        let kb = chrono_key(&eb.start_date, eb.end_date.as_deref(), eb.is_current);
        kb.1.cmp(&ka.1).then(kb.2.cmp(&ka.2)).then(a.cmp(&b))
    });
    order
}

/// Whole years of experience as the documents state them (stage 2's figure, rounded down).
pub fn whole_years(compiled: &CompiledProfile) -> u32 {
    compiled.years_of_experience.max(0.0).floor() as u32
}

/// An asked-for term the profile has.
struct MetTerm {
    /// Canonical name.
    term: String,
    /// From the required list.
    required: bool,
    /// Taxonomy category; `None` when the term is not among the analysed keywords.
    category: Option<Category>,
    /// First evidence other than the summary: (item kind, item id).
    evidence: Option<(ItemKind, String)>,
}

/// Hard skills, tools and domains: the terms a skills section lists (soft skills, languages,
/// degrees and certifications are shown elsewhere).
fn is_hard_term(category: Option<Category>) -> bool {
    matches!(
        category,
        Some(Category::HardSkill | Category::Tool | Category::Domain)
    )
}

/// The asked-for terms the profile really has (met), required first.
fn met_terms(input: &DraftInput) -> Vec<MetTerm> {
    let mut out = Vec::new();
    for req in &input.compiled.requirements {
        if !req.met {
            continue;
        }
        let evidence = req
            .evidence
            .iter()
            .find(|e| e.item_kind != ItemKind::Summary)
            .map(|e| (e.item_kind, e.item_id.clone()));
        let category = input
            .analysis
            .required
            .iter()
            .chain(&input.analysis.preferred)
            .find(|k| k.term == req.requirement)
            .map(|k| k.category);
        out.push(MetTerm {
            term: req.requirement.clone(),
            required: req.required,
            category,
            evidence,
        });
    }
    out
}

/// A skill the person listed, as written: an entry of the technical or soft skills, or a
/// technology of a project.
struct Listed {
    /// As written (trimmed).
    form: String,
    /// The taxonomy entry the whole form names, if any.
    canonical: Option<String>,
    /// Where it is listed.
    source: jobwise_render::Source,
    /// `technical`, `soft` or `technologies`.
    field: &'static str,
    /// Order within its list.
    position: usize,
}

/// The person's own skill words, and how the posting names the same skills: every skill a
/// document lists comes from here (module docs, "Own words").
struct OwnWords<'a> {
    listed: Vec<Listed>,
    analysis: &'a JobAnalysis,
    taxonomy: &'a Taxonomy,
}

impl<'a> OwnWords<'a> {
    fn new(profile: &Profile, analysis: &'a JobAnalysis, taxonomy: &'a Taxonomy) -> Self {
        let mut listed = Vec::new();
        let canonical = |form: &str| taxonomy.canonical(form).map(|e| e.name.clone());
        for (field, list) in [
            ("technical", &profile.skills.technical),
            ("soft", &profile.skills.soft),
        ] {
            for (position, skill) in list.iter().enumerate() {
                let form = skill.trim();
                if form.is_empty() {
                    continue;
                }
                listed.push(Listed {
                    form: form.to_owned(),
                    canonical: canonical(form),
                    source: jobwise_render::Source {
                        kind: "skill".to_owned(),
                        item_id: form.to_owned(),
                        field: field.to_owned(),
                    },
                    field,
                    position,
                });
            }
        }
        for (index, project) in profile.projects.iter().enumerate() {
            for (i, technology) in project.technologies.iter().enumerate() {
                let form = technology.trim();
                if form.is_empty() {
                    continue;
                }
                listed.push(Listed {
                    form: form.to_owned(),
                    canonical: canonical(form),
                    source: jobwise_render::Source {
                        kind: "project".to_owned(),
                        item_id: project.id.clone(),
                        field: "technologies".to_owned(),
                    },
                    field: "technologies",
                    position: index * 100 + i,
                });
            }
        }
        OwnWords {
            listed,
            analysis,
            taxonomy,
        }
    }

    /// How the posting writes a taxonomy term (empty when it does not ask for it).
    fn posting_forms(&self, canonical: &str) -> Vec<String> {
        self.analysis
            .required
            .iter()
            .chain(&self.analysis.preferred)
            .filter(|k| k.term == canonical)
            .flat_map(|k| k.surface_forms.iter().cloned())
            .collect()
    }

    /// True when the posting writes `listed`'s term as the person does (up to case and word
    /// endings).
    fn posting_writes(&self, listed: &Listed) -> bool {
        listed.canonical.as_deref().is_some_and(|c| {
            self.posting_forms(c)
                .iter()
                .any(|f| jobwise_engine::own_words::same_wording(f, &listed.form))
        })
    }

    /// The document's text for a listed skill: the person's form, or "<posting alias>
    /// (<person's form>)".
    fn label(&self, listed: &Listed) -> String {
        match &listed.canonical {
            Some(c) => jobwise_engine::own_words::skill_label(
                &listed.form,
                &self.posting_forms(c),
                self.taxonomy,
            ),
            None => listed.form.clone(),
        }
    }

    /// The person's listed form of a taxonomy term: the one the posting writes the same way,
    /// else the first listed (technical, soft, then project technologies). `None` when the
    /// profile only implies the term (a bullet, a description, a certification name).
    fn for_term(&self, term: &str) -> Option<&Listed> {
        let mut matching = self
            .listed
            .iter()
            .filter(|l| l.canonical.as_deref() == Some(term));
        let first = matching.clone().next()?;
        Some(matching.find(|l| self.posting_writes(l)).unwrap_or(first))
    }
}

/// True when `text` contains `word` (case-insensitive) with no letter or digit on either side.
fn contains_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    if word.is_empty() {
        return false;
    }
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whole years covered by the dated roles that show a listed skill (its title, description
/// or a bullet names the skill's taxonomy term or the person's own form): what the dates
/// support for "N+ years of experience in <skill>".
fn years_showing(input: &DraftInput, listed: &Listed) -> u32 {
    let shows = |text: &str| {
        contains_word(text, &listed.form)
            || listed
                .canonical
                .as_deref()
                .is_some_and(|c| input.taxonomy.find(text).iter().any(|m| m.canonical == c))
    };
    let roles = input.profile.experiences.iter().filter(|e| {
        shows(&e.title)
            || e.description.as_deref().is_some_and(shows)
            || e.achievements.iter().any(|a| shows(a))
    });
    jobwise_engine::matching::experience_years(roles, (input.today.0, input.today.1))
        .max(0.0)
        .floor() as u32
}

/// The listed skills (own words) for the asked-for terms a summary or letter names: terms
/// the profile shows outside its summary, of the hard-skill, tool and domain categories,
/// that the person lists; each as (canonical term, document text, years the dates support).
fn named_skills(
    input: &DraftInput,
    own: &OwnWords,
    met: &[MetTerm],
    limit: usize,
) -> Vec<(String, String, u32)> {
    met.iter()
        .filter(|m| m.evidence.is_some() && is_hard_term(m.category))
        .filter_map(|m| {
            let listed = own.for_term(&m.term)?;
            Some((
                m.term.clone(),
                own.label(listed),
                years_showing(input, listed),
            ))
        })
        .take(limit)
        .collect()
}

/// "<who> with N+ years of experience[ in A and B][, skilled in C]": a skill is named with
/// the years only when the roles that show it cover them; the others are "skilled in". With
/// no years claim (`years` under 2) every skill is "skilled in".
fn experience_phrase(who: &str, years: Option<u32>, skills: &[(String, String, u32)]) -> String {
    let mut text = who.to_owned();
    let names = |list: Vec<&(String, String, u32)>| -> String {
        join_names(&list.into_iter().map(|s| s.1.clone()).collect::<Vec<_>>())
    };
    match years {
        Some(years) => {
            text.push_str(&format!(" with {years}+ years of experience"));
            let (dated, rest): (Vec<_>, Vec<_>) = skills.iter().partition(|s| s.2 >= years);
            if !dated.is_empty() {
                text.push_str(" in ");
                text.push_str(&names(dated));
            }
            if !rest.is_empty() {
                text.push_str(", skilled in ");
                text.push_str(&names(rest));
            }
        }
        None if !skills.is_empty() => {
            text.push_str(" skilled in ");
            text.push_str(&names(skills.iter().collect()));
        }
        None => {}
    }
    text
}

/// "a Nurse", "an Instructional Designer", "an SEO Specialist", "a University Lecturer": the
/// article by the sound of the first word (an acronym by its first letter's name).
fn with_article(title: &str) -> String {
    let first = title.split_whitespace().next().unwrap_or("");
    let letters: String = first.chars().filter(|c| c.is_alphanumeric()).collect();
    let lower = letters.to_lowercase();
    let acronym = letters.chars().count() >= 2 && letters.chars().all(|c| !c.is_lowercase());
    let vowel_sound = if acronym {
        lower.starts_with(['a', 'e', 'f', 'h', 'i', 'l', 'm', 'n', 'o', 'r', 's', 'x'])
    } else {
        lower.starts_with(['a', 'e', 'i', 'o', 'u'])
            && !["uni", "use", "usu", "eu", "one"]
                .iter()
                .any(|p| lower.starts_with(p))
            || ["hour", "honest", "honor", "honour", "heir"]
                .iter()
                .any(|p| lower.starts_with(p))
    };
    format!("{} {title}", if vowel_sound { "an" } else { "a" })
}

/// Joins names as "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Rewordings from the enhance rules, by (field, item id).
fn enhanced_wording(profile: &Profile) -> HashMap<(String, String), String> {
    jobwise_engine::suggest_improvements(profile)
        .into_iter()
        .filter_map(|s| Some(((s.field, s.item_id?), s.suggested)))
        .collect()
}

/// Cuts a long bullet at its last clause boundary before [`MAX_BULLET_CHARS`].
fn shorten(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= MAX_BULLET_CHARS {
        return text.to_owned();
    }
    let limit = text
        .char_indices()
        .nth(MAX_BULLET_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    let cut = ["; ", " – ", " — ", ", and ", ", which ", ", while ", ", "]
        .iter()
        .filter_map(|sep| head.rfind(sep))
        .filter(|&i| i >= 60)
        .max();
    match cut {
        Some(i) => head[..i].trim_end_matches([',', ';', ' ']).to_owned(),
        None => text.to_owned(),
    }
}

fn first_person(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| matches!(w, "I" | "I'm" | "I've" | "me" | "my" | "My" | "Me"))
}

/// Splits prose into sentences (on `. `, `! `, `? ` and line breaks), keeping abbreviations
/// ("e.g.", "Inc.", "St.") and initials ("J. Smith") inside their sentence.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            if !current.trim().is_empty() {
                out.push(current.trim().to_owned());
            }
            current.clear();
            continue;
        }
        current.push(c);
        let next = chars.get(i + 1).copied();
        if matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace) {
            // Keep abbreviations such as "e.g." and single initials together.
            let word = current.split_whitespace().last().unwrap_or("");
            let trimmed = word.trim_end_matches(['.', '!', '?']);
            // An initial ("J. Smith"), unless the next word is "I" ("Plan A. I chose it").
            let next_word: String = chars[i + 1..]
                .iter()
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| c.is_alphanumeric() || **c == '\'')
                .collect();
            let initial = trimmed.chars().count() == 1
                && trimmed.chars().all(char::is_uppercase)
                && trimmed != "I"
                && next_word != "I"
                && !next_word.starts_with("I'");
            let abbreviation = c == '.'
                && (trimmed.contains('.')
                    || initial
                    || matches!(
                        trimmed.to_lowercase().as_str(),
                        "etc"
                            | "vs"
                            | "inc"
                            | "ltd"
                            | "dr"
                            | "mr"
                            | "ms"
                            | "mrs"
                            | "jr"
                            | "sr"
                            | "st"
                            | "co"
                    ));
            if !abbreviation {
                out.push(current.trim().to_owned());
                current.clear();
            }
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

/// What the sections of a resume draft share: the inputs, the length budget, and how relevant
/// each profile item is (its stage-2 score, the options' focus, and whether it shows a
/// required term the person does not list).
struct ResumePlan<'a> {
    input: &'a DraftInput<'a>,
    budget: Budget,
    scores: Scores,
    focus: Vec<String>,
    /// Items whose own words show a required term the person does not list (they lead).
    put_forward: HashMap<String, u16>,
}

impl ResumePlan<'_> {
    /// Relevance from the stage-2 score and the focus (the skills section's).
    fn relevance(&self, id: &str, text: &str) -> u16 {
        u16::from(self.scores.get(id))
            + if mentions_focus(text, &self.focus, self.input.taxonomy) {
                15
            } else {
                0
            }
    }

    /// Relevance in the sections after the skills: items put forward lead.
    fn boost(&self, id: &str, text: &str) -> u16 {
        self.relevance(id, text) + self.put_forward.get(id).copied().unwrap_or(0)
    }
}

/// A scored line: (score, position in its source list, line); higher scores first, then the
/// source order.
type Scored<T> = (u16, usize, T);

fn by_score<T>(list: &mut [Scored<T>]) {
    list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
}

/// Builds the tailored resume.
/// Uses the options' length, focus areas and instructions (offline, only the taxonomy terms
/// the instructions name, as extra focus).
pub fn draft_resume(input: &DraftInput, options: &ResumeOptions) -> Resume {
    let profile = input.profile;
    let mut plan = ResumePlan {
        input,
        budget: budget(options.length),
        scores: Scores::new(input.compiled),
        focus: focus_terms(
            &options.focus_areas,
            options.custom_instructions.as_deref(),
            input.taxonomy,
        ),
        put_forward: HashMap::new(),
    };
    let newest = experiences_newest_first(profile);
    let met = met_terms(input);
    let own = OwnWords::new(profile, input.analysis, input.taxonomy);
    let summary = summary_line(input, &own, &met);
    let (skills, listed_terms) = resume_skills(&plan, &own, &met);
    let description_terms = put_forward(&mut plan, &met, &listed_terms);
    let roles = resume_roles(&plan, &newest);
    Resume {
        header: resume_header(profile, &newest),
        summary,
        skills,
        experience: resume_experience(&plan, &roles, &description_terms),
        projects: resume_projects(&plan),
        education: resume_education(input),
        certifications: resume_certifications(&plan),
        languages: resume_languages(profile),
        extra_sections: Vec::new(),
    }
}

/// Name, the latest title as headline, contact details and links.
fn resume_header(profile: &Profile, newest: &[usize]) -> Header {
    let info = &profile.personal_info;
    let mut links = Vec::new();
    for (label, url) in [
        ("LinkedIn", &info.linkedin),
        ("GitHub", &info.github),
        ("Website", &info.website),
    ] {
        if let Some(url) = url.as_deref().filter(|u| !u.trim().is_empty()) {
            links.push(Link {
                label: label.to_owned(),
                url: url.trim().to_owned(),
            });
        }
    }
    let latest = newest.first().map(|&i| &profile.experiences[i]);
    Header {
        full_name: info.full_name.trim().to_owned(),
        headline: latest.map(|e| e.title.trim().to_owned()),
        email: Some(info.email.trim().to_owned()).filter(|e| !e.is_empty()),
        phone: info.phone.clone().filter(|p| !p.trim().is_empty()),
        location: info.location.clone().filter(|l| !l.trim().is_empty()),
        links,
    }
}

/// The technical and soft skills kept so far, and which listed skill each entry is.
struct SkillLines<'o> {
    technical: Vec<Scored<Line>>,
    soft: Vec<Scored<Line>>,
    /// Kept entries: (group is technical, index in its group, listed skill).
    kept: Vec<(bool, usize, &'o Listed)>,
}

/// Skills: the person's technical and soft lists in their own words (with the posting's
/// alias beside a differently written one), best first; spellings of one skill listed twice
/// ("golang", "Go") once, the posting's spelling preferred. An asked-for term the person lists
/// only among a project's technologies is added with that project as its source. A term the
/// profile only implies (in a bullet) is never listed as a skill. Also returns the taxonomy
/// terms listed.
fn resume_skills(
    plan: &ResumePlan,
    own: &OwnWords,
    met: &[MetTerm],
) -> (Vec<SkillGroup>, BTreeSet<String>) {
    let mut lines = SkillLines {
        technical: Vec::new(),
        soft: Vec::new(),
        kept: Vec::new(),
    };
    listed_skills(plan, own, &mut lines);
    project_technology_skills(own, met, &mut lines);
    let listed_terms = lines
        .kept
        .iter()
        .filter_map(|(_, _, k)| k.canonical.clone())
        .collect();
    let groups = skill_groups(lines.technical, lines.soft, plan.budget.skills);
    (groups, listed_terms)
}

/// The technical and soft skills as listed, one entry per skill.
fn listed_skills<'o>(plan: &ResumePlan, own: &'o OwnWords, lines: &mut SkillLines<'o>) {
    for listed in own.listed.iter().filter(|l| l.field != "technologies") {
        let lower = listed.form.to_lowercase();
        let duplicate = lines.kept.iter().position(|(_, _, k)| {
            k.form.to_lowercase() == lower
                || k.canonical.is_some()
                    && k.canonical == listed.canonical
                    && jobwise_engine::own_words::same_scope(&k.form, &listed.form)
        });
        let label = own.label(listed);
        let mut line = Line::sourced(
            label.clone(),
            "skill",
            listed.form.clone(),
            listed.source.field.clone(),
        );
        line.changed = label != listed.form;
        if let Some(at) = duplicate {
            // The posting's own spelling replaces an earlier spelling of the same skill.
            let (is_technical, index, earlier) = lines.kept[at];
            if own.posting_writes(listed) && !own.posting_writes(earlier) {
                let group = if is_technical {
                    &mut lines.technical
                } else {
                    &mut lines.soft
                };
                group[index].2 = line;
                lines.kept[at].2 = listed;
            }
            continue;
        }
        let is_technical = listed.field == "technical";
        let target = if is_technical {
            &mut lines.technical
        } else {
            &mut lines.soft
        };
        lines.kept.push((is_technical, target.len(), listed));
        target.push((plan.relevance(&listed.form, &label), listed.position, line));
    }
}

/// Asked-for hard skills the person lists only among a project's technologies.
fn project_technology_skills<'o>(own: &'o OwnWords, met: &[MetTerm], lines: &mut SkillLines<'o>) {
    for (position, m) in met.iter().enumerate() {
        let wanted = is_hard_term(m.category);
        if !wanted
            || m.evidence.is_none()
            || lines
                .kept
                .iter()
                .any(|(_, _, k)| k.canonical.as_deref() == Some(m.term.as_str()))
        {
            continue;
        }
        let Some(listed) = own
            .listed
            .iter()
            .find(|l| l.field == "technologies" && l.canonical.as_deref() == Some(m.term.as_str()))
        else {
            continue;
        };
        let label = own.label(listed);
        let score = if m.required { 70 } else { 45 };
        let line = Line {
            changed: label != listed.form,
            text: label,
            source: Some(listed.source.clone()),
        };
        lines.kept.push((true, lines.technical.len(), listed));
        lines.technical.push((score, 10_000 + position, line));
    }
}

/// The budget is shared: the best-scored skills of both groups are kept, so a required soft
/// skill is not crowded out by a long technical list.
fn skill_groups(
    technical: Vec<Scored<Line>>,
    soft: Vec<Scored<Line>>,
    budget: usize,
) -> Vec<SkillGroup> {
    let mut all: Vec<(u16, usize, bool)> = technical
        .iter()
        .map(|(score, position, _)| (*score, *position, true))
        .chain(
            soft.iter()
                .map(|(score, position, _)| (*score, *position, false)),
        )
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
    all.truncate(budget);
    let kept = |list: Vec<Scored<Line>>, technical: bool| -> Vec<Scored<Line>> {
        list.into_iter()
            .filter(|(score, position, _)| all.contains(&(*score, *position, technical)))
            .collect()
    };
    let (technical, soft) = (kept(technical, true), kept(soft, false));
    let mut skills = Vec::new();
    for (name, mut list) in [("Key skills", technical), ("Soft skills", soft)] {
        by_score(&mut list);
        let items: Vec<Line> = list.into_iter().map(|(_, _, l)| l).collect();
        if !items.is_empty() {
            skills.push(SkillGroup {
                name: name.to_owned(),
                items,
            });
        }
    }
    skills
}

/// A required term the person does not list (only implied) is not written as a skill; the
/// profile's own words that show it are put forward instead: its bullet leads its role
/// (recorded in the plan), or, for a role's description, the sentence that names it becomes
/// the role's first bullet (the returned terms by role id), or its project is listed.
fn put_forward(
    plan: &mut ResumePlan,
    met: &[MetTerm],
    listed_terms: &BTreeSet<String>,
) -> HashMap<String, Vec<String>> {
    let mut description_terms: HashMap<String, Vec<String>> = HashMap::new();
    for m in met
        .iter()
        .filter(|m| m.required && !listed_terms.contains(&m.term))
    {
        if !(is_hard_term(m.category) || m.category == Some(Category::SoftSkill)) {
            continue;
        }
        let Some(req) = plan
            .input
            .compiled
            .requirements
            .iter()
            .find(|r| r.requirement == m.term)
        else {
            continue;
        };
        // The first place that shows it: a bullet, then a role's own text, then a project.
        for kind in [
            ItemKind::Achievement,
            ItemKind::Experience,
            ItemKind::Project,
        ] {
            let Some(evidence) = req.evidence.iter().find(|e| e.item_kind == kind) else {
                continue;
            };
            match kind {
                ItemKind::Experience => description_terms
                    .entry(evidence.item_id.clone())
                    .or_default()
                    .push(m.term.clone()),
                _ => {
                    plan.put_forward.insert(evidence.item_id.clone(), 100);
                }
            }
            break;
        }
    }
    description_terms
}

/// The roles kept, reverse-chronological; the latest is always kept, the others by relevance.
fn resume_roles(plan: &ResumePlan, newest: &[usize]) -> Vec<usize> {
    let profile = plan.input.profile;
    if newest.len() <= plan.budget.roles {
        return newest.to_vec();
    }
    let latest = newest[0];
    let mut rest: Vec<usize> = newest[1..].to_vec();
    rest.sort_by(|&a, &b| {
        let ea = &profile.experiences[a];
        let eb = &profile.experiences[b];
        plan.boost(&eb.id, &eb.title)
            .cmp(&plan.boost(&ea.id, &ea.title))
            .then(
                newest
                    .iter()
                    .position(|&x| x == a)
                    .cmp(&newest.iter().position(|&x| x == b)),
            )
    });
    rest.truncate(plan.budget.roles - 1);
    newest
        .iter()
        .copied()
        .filter(|i| *i == latest || rest.contains(i))
        .collect()
}

/// Experience: the kept roles with their best bullets (more for the latest).
fn resume_experience(
    plan: &ResumePlan,
    roles: &[usize],
    description_terms: &HashMap<String, Vec<String>>,
) -> Vec<Experience> {
    let profile = plan.input.profile;
    let wording = enhanced_wording(profile);
    let mut experience = Vec::new();
    for (rank, &index) in roles.iter().enumerate() {
        let e = &profile.experiences[index];
        let limit = if rank == 0 {
            plan.budget.latest_bullets
        } else {
            plan.budget.other_bullets
        };
        let mut bullets = achievement_bullets(plan, e, &wording);
        if !bullets.is_empty()
            && let Some(terms) = description_terms.get(&e.id)
        {
            bullets.extend(naming_sentence(plan.input.taxonomy, e, terms));
        }
        if bullets.is_empty() {
            bullets = description_bullets(e);
        }
        by_score(&mut bullets);
        experience.push(Experience {
            title: Line::sourced(e.title.trim(), "experience", e.id.clone(), "title"),
            company: Line::sourced(e.company.trim(), "experience", e.id.clone(), "company"),
            location: e.location.clone().filter(|l| !l.trim().is_empty()),
            start_date: e.start_date.trim().to_owned(),
            end_date: if e.is_current {
                None
            } else {
                e.end_date.clone()
            },
            bullets: bullets.into_iter().take(limit).map(|(_, _, l)| l).collect(),
            source_id: e.id.clone(),
        });
    }
    experience
}

/// A role's achievements as bullets (in the enhanced wording, shortened), scored.
fn achievement_bullets(
    plan: &ResumePlan,
    e: &jobwise_engine::profile::Experience,
    wording: &HashMap<(String, String), String>,
) -> Vec<Scored<Line>> {
    let mut bullets = Vec::new();
    for (i, original) in e.achievements.iter().enumerate() {
        let id = format!("{}#{i}", e.id);
        let reworded = wording
            .get(&("experiences.achievements".to_owned(), id.clone()))
            .cloned()
            .unwrap_or_else(|| original.trim().to_owned());
        let text = shorten(&reworded);
        if text.is_empty() {
            continue;
        }
        let changed = text != original.trim();
        let mut line = Line::sourced(text, "achievement", id.clone(), "achievements");
        line.changed = changed;
        bullets.push((plan.boost(&id, original), i, line));
    }
    bullets
}

/// The description's first sentence that names one of `terms` (required terms the person does
/// not list), as a leading bullet.
fn naming_sentence(
    taxonomy: &Taxonomy,
    e: &jobwise_engine::profile::Experience,
    terms: &[String],
) -> Option<Scored<Line>> {
    let description = e.description.as_deref()?;
    for (i, sentence) in sentences(description).into_iter().enumerate() {
        let names = taxonomy
            .find(&sentence)
            .iter()
            .any(|m| terms.contains(&m.canonical));
        if !names || first_person(&sentence) || sentence.split_whitespace().count() < 3 {
            continue;
        }
        let text = shorten(sentence.trim_end_matches('.'));
        let mut line = Line::sourced(text, "experience", e.id.clone(), "description");
        line.changed = true;
        return Some((200, i, line));
    }
    None
}

/// A role without achievements: the sentences of its description as bullets.
fn description_bullets(e: &jobwise_engine::profile::Experience) -> Vec<Scored<Line>> {
    let mut bullets = Vec::new();
    let Some(description) = e.description.as_deref() else {
        return bullets;
    };
    for (i, sentence) in sentences(description).into_iter().enumerate() {
        if first_person(&sentence) || sentence.split_whitespace().count() < 3 {
            continue;
        }
        let text = shorten(sentence.trim_end_matches('.'));
        let changed = text != sentence;
        let mut line = Line::sourced(text, "experience", e.id.clone(), "description");
        line.changed = changed;
        bullets.push((0, i, line));
    }
    bullets
}

/// Projects: relevant ones, best first.
fn resume_projects(plan: &ResumePlan) -> Vec<Project> {
    let mut projects: Vec<Scored<Project>> = Vec::new();
    for (i, p) in plan.input.profile.projects.iter().enumerate() {
        let score = plan.boost(&p.id, &p.name);
        if plan.scores.get(&p.id) < plan.budget.min_project_score && score < 40 {
            continue;
        }
        let description = shorten(&p.description);
        let mut description_line =
            Line::sourced(description.clone(), "project", p.id.clone(), "description");
        description_line.changed = description != p.description.trim();
        projects.push((
            score,
            i,
            Project {
                name: Line::sourced(p.name.trim(), "project", p.id.clone(), "name"),
                description: description_line,
                technologies: p.technologies.clone(),
                url: p.url.clone().filter(|u| !u.trim().is_empty()),
                bullets: Vec::new(),
            },
        ));
    }
    by_score(&mut projects);
    projects
        .into_iter()
        .take(plan.budget.projects)
        .map(|(_, _, p)| p)
        .collect()
}

/// Education: the entry stage 2 chose first, then newest first.
fn resume_education(input: &DraftInput) -> Vec<Education> {
    let profile = input.profile;
    let mut education_order: Vec<usize> = (0..profile.education.len()).collect();
    education_order.sort_by(|&a, &b| {
        let chosen =
            |i: usize| input.compiled.education.as_deref() == Some(&profile.education[i].id);
        let end = |i: usize| {
            let e = &profile.education[i];
            e.end_date
                .as_deref()
                .or(e.start_date.as_deref())
                .and_then(parse_date)
                .map_or(0, |(y, m)| y * 12 + i32::from(m.unwrap_or(12)))
        };
        chosen(b)
            .cmp(&chosen(a))
            .then(end(b).cmp(&end(a)))
            .then(a.cmp(&b))
    });
    education_order
        .into_iter()
        .map(|i| education_entry(&profile.education[i]))
        .collect()
}

/// One degree with its honours and GPA as details.
fn education_entry(e: &jobwise_engine::profile::Education) -> Education {
    let mut details: Vec<Line> = e
        .honors
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| Line::sourced(h.trim(), "education", e.id.clone(), "honors"))
        .collect();
    if let Some(gpa) = e.gpa {
        details.push(Line {
            text: format!("GPA {}", format_gpa(gpa)),
            source: Some(jobwise_render::Source {
                kind: "education".to_owned(),
                item_id: e.id.clone(),
                field: "gpa".to_owned(),
            }),
            changed: true,
        });
    }
    Education {
        institution: e.institution.trim().to_owned(),
        degree: e.degree.trim().to_owned(),
        field_of_study: e.field_of_study.clone().filter(|f| !f.trim().is_empty()),
        start_date: e.start_date.clone().filter(|d| !d.trim().is_empty()),
        end_date: e.end_date.clone().filter(|d| !d.trim().is_empty()),
        details,
    }
}

/// Certifications that are still valid, best first.
fn resume_certifications(plan: &ResumePlan) -> Vec<Certification> {
    let today = (plan.input.today.0, plan.input.today.1);
    let mut certifications: Vec<Scored<Certification>> = plan
        .input
        .profile
        .skills
        .certifications
        .iter()
        .enumerate()
        .filter(|(_, c)| !expired(c.expiry_date.as_deref(), today))
        .map(|(i, c)| {
            (
                plan.boost(&c.id, &c.name),
                i,
                Certification {
                    name: c.name.trim().to_owned(),
                    issuer: c.issuer.trim().to_owned(),
                    date: c.date_obtained.clone().filter(|d| !d.trim().is_empty()),
                },
            )
        })
        .collect();
    by_score(&mut certifications);
    certifications
        .into_iter()
        .take(plan.budget.certifications)
        .map(|(_, _, c)| c)
        .collect()
}

/// Spoken languages with their proficiency, capitalised.
fn resume_languages(profile: &Profile) -> Vec<Language> {
    profile
        .skills
        .languages
        .iter()
        .filter(|l| !l.name.trim().is_empty())
        .map(|l| Language {
            name: l.name.trim().to_owned(),
            proficiency: jobwise_engine::enhance::capitalize(l.proficiency.as_str()),
        })
        .collect()
}

/// GPA as the profile gives it, without float noise ("3.8", "4").
pub fn format_gpa(gpa: f64) -> String {
    let text = format!("{:.2}", gpa);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn expired(expiry: Option<&str>, today: (i32, u8)) -> bool {
    expiry
        .and_then(parse_date)
        .is_some_and(|(y, m)| (y, m.unwrap_or(12)) < (today.0, today.1))
}

/// "Backend Engineer with 8+ years of experience in Rust, PostgreSQL and Kafka." plus the
/// profile's own relevant summary sentences.
fn summary_line(input: &DraftInput, own: &OwnWords, met: &[MetTerm]) -> Option<Line> {
    let profile = input.profile;
    let newest = experiences_newest_first(profile);
    let latest = newest.first().map(|&i| &profile.experiences[i]);
    let skills = named_skills(input, own, met, 4);
    let years = whole_years(input.compiled);
    let opening = match latest {
        Some(e) if years >= 2 => experience_phrase(e.title.trim(), Some(years), &skills),
        Some(e) => experience_phrase(e.title.trim(), None, &skills),
        None => match profile.education.first() {
            Some(ed) => {
                let field = ed
                    .field_of_study
                    .as_deref()
                    .filter(|f| !f.trim().is_empty())
                    .map(|f| format!(" in {}", f.trim()))
                    .unwrap_or_default();
                experience_phrase(
                    &format!("{}{field} candidate", ed.degree.trim()),
                    None,
                    &skills,
                )
            }
            None => String::new(),
        },
    };
    let mut parts: Vec<String> = Vec::new();
    if !opening.is_empty() {
        parts.push(format!("{opening}."));
    }
    if let Some(own) = profile.professional_summary.as_deref() {
        let asked: BTreeSet<String> = input
            .analysis
            .required
            .iter()
            .chain(&input.analysis.preferred)
            .map(|k| k.term.clone())
            .collect();
        let mut picked: Vec<(usize, usize, String)> = sentences(own)
            .into_iter()
            .enumerate()
            .filter(|(_, s)| !first_person(s) && s.split_whitespace().count() >= 4)
            .map(|(i, s)| {
                let hits = input
                    .taxonomy
                    .find(&s)
                    .iter()
                    .filter(|m| asked.contains(&m.canonical))
                    .count();
                (hits, i, s)
            })
            .filter(|(hits, ..)| *hits > 0)
            .collect();
        picked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        picked.truncate(2);
        picked.sort_by_key(|p| p.1);
        parts.extend(picked.into_iter().map(|(_, _, s)| s));
    }
    if parts.is_empty() {
        return None;
    }
    let text = parts.join(" ");
    let changed = profile.professional_summary.as_deref().map(str::trim) != Some(text.as_str());
    let mut line = Line::sourced(text, "profile", "summary", "professional_summary");
    line.changed = changed;
    Some(line)
}

/// A piece of evidence for a letter: text in the first person, where it came from.
struct Evidence {
    experience: Option<usize>,
    sentence: String,
    source: jobwise_render::Source,
    item_id: String,
}

/// Past-tense (or present) verbs a bullet may start with, beyond the regular "-ed" ones.
const IRREGULAR_VERBS: &[&str] = &[
    "built",
    "cut",
    "drove",
    "grew",
    "led",
    "made",
    "ran",
    "sold",
    "taught",
    "won",
    "wrote",
    "oversaw",
    "set",
    "began",
    "brought",
    "kept",
    "held",
    "took",
    "gave",
    "spoke",
    "found",
    "shipped",
    "own",
    "lead",
    "build",
    "run",
    "manage",
    "design",
    "develop",
    "teach",
    "write",
    "forecast",
    "spent",
    "met",
    "put",
    "rebuilt",
    "rewrote",
    "overhauled",
];

fn verb_first(text: &str) -> bool {
    let word = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    word.len() > 3 && word.ends_with("ed") || IRREGULAR_VERBS.contains(&word.as_str())
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second = text.chars().nth(1);
    if second.is_some_and(|c| c.is_uppercase()) {
        return text.to_owned(); // an acronym such as "AWS"
    }
    first.to_lowercase().chain(chars).collect()
}

fn end_sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// Builds the tailored cover letter.
pub fn draft_cover_letter(input: &DraftInput, options: &LetterDraftOptions) -> CoverLetter {
    let profile = input.profile;
    let info = &profile.personal_info;
    let voice = Voice {
        informal: input
            .style
            .and_then(|s| s.formality)
            .is_some_and(|f| f < 0.4),
    };
    let company_name = input
        .company
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    let company_ref = company_name
        .clone()
        .unwrap_or_else(|| "your company".to_owned());
    let paragraphs = letter_paragraphs(input, options, voice, &company_ref);
    let (year, month, day) = input.today;
    let closing = if voice.informal {
        "Best regards,"
    } else {
        "Sincerely,"
    };
    CoverLetter {
        sender: Sender {
            full_name: info.full_name.trim().to_owned(),
            email: Some(info.email.trim().to_owned()).filter(|e| !e.is_empty()),
            phone: info.phone.clone().filter(|p| !p.trim().is_empty()),
            location: info.location.clone().filter(|l| !l.trim().is_empty()),
        },
        // ISO; renderers show it as "30 November 2026".
        date: format!("{year:04}-{:02}-{day:02}", month.clamp(1, 12)),
        recipient: Recipient {
            company: company_name
                .clone()
                .unwrap_or_else(|| "Hiring Team".to_owned()),
            hiring_manager: None,
            address: None,
        },
        salutation: match &company_name {
            Some(c) => format!("Dear {c} Hiring Team,"),
            None => "Dear Hiring Manager,".to_owned(),
        },
        paragraphs,
        closing: closing.to_owned(),
        signature: info.full_name.trim().to_owned(),
    }
}

/// The letter's paragraphs: the opening, the evidence paragraphs the length asks for, the close.
fn letter_paragraphs(
    input: &DraftInput,
    options: &LetterDraftOptions,
    voice: Voice,
    company_ref: &str,
) -> Vec<Line> {
    let met = met_terms(input);
    let newest = experiences_newest_first(input.profile);
    let own = OwnWords::new(input.profile, input.analysis, input.taxonomy);
    let top_skills = named_skills(input, &own, &met, 2);

    let mut paragraphs = vec![letter_opening(
        input,
        options.tone,
        &newest,
        &top_skills,
        company_ref,
        voice,
    )];
    let evidence = letter_evidence(input, options, &newest);
    let paragraph_count = match options.length {
        LetterLength::Short => 1,
        LetterLength::Standard => 2,
        LetterLength::Detailed => 3,
    };
    let mut writer = EvidenceWriter {
        input,
        own: &own,
        evidence: &evidence,
        used: vec![false; evidence.len()],
        requirement_evidence: requirement_evidence(input, &met),
        mentioned_terms: top_skills.iter().map(|s| s.0.clone()).collect(),
        last_role: None,
    };
    for _ in 0..paragraph_count {
        let Some(paragraph) = writer.next_paragraph(voice) else {
            break;
        };
        paragraphs.push(paragraph);
    }
    paragraphs.push(Line {
        text: voice.contract(letter_close(options.tone, company_ref)),
        source: None,
        changed: true,
    });
    paragraphs
}

/// How the letter sounds: contractions when the person's samples are informal.
#[derive(Debug, Clone, Copy)]
struct Voice {
    informal: bool,
}

impl Voice {
    /// "I am" → "I'm" (and "I would", "I have") in an informal voice.
    fn contract(self, text: String) -> String {
        if self.informal {
            text.replace("I am ", "I'm ")
                .replace("I would ", "I'd ")
                .replace("I have ", "I've ")
        } else {
            text
        }
    }
}

/// Opening: the role, the company, who the writer is (skills in the person's words).
fn letter_opening(
    input: &DraftInput,
    tone: Tone,
    newest: &[usize],
    top_skills: &[(String, String, u32)],
    company_ref: &str,
    voice: Voice,
) -> Line {
    let profile = input.profile;
    let role = input.job_title.trim();
    let latest = newest.first().map(|&i| &profile.experiences[i]);
    let years = whole_years(input.compiled);
    let who_with_skills = match latest {
        Some(e) if years >= 2 => {
            experience_phrase(&with_article(e.title.trim()), Some(years), top_skills)
        }
        Some(e) if e.is_current => experience_phrase(
            &format!("{} at {}", with_article(e.title.trim()), e.company.trim()),
            None,
            top_skills,
        ),
        Some(e) => experience_phrase(
            &format!("a former {} at {}", e.title.trim(), e.company.trim()),
            None,
            top_skills,
        ),
        None => String::new(),
    };
    let first = match tone {
        Tone::Professional => {
            format!("I am writing to apply for the {role} position at {company_ref}.")
        }
        Tone::Enthusiastic => format!(
            "I was excited to see the {role} opening at {company_ref}, and I would love to join the team."
        ),
        Tone::Confident => format!(
            "I am applying for the {role} position at {company_ref}, and my record shows I can deliver what the role asks for."
        ),
        Tone::Humble => format!(
            "I would be grateful to be considered for the {role} position at {company_ref}."
        ),
    };
    let second = who_sentence(tone, &who_with_skills);
    let opening_source = match latest {
        Some(e) => jobwise_render::Source {
            kind: "experience".to_owned(),
            item_id: e.id.clone(),
            field: "title".to_owned(),
        },
        None => jobwise_render::Source {
            kind: "profile".to_owned(),
            item_id: "summary".to_owned(),
            field: "personal_info".to_owned(),
        },
    };
    Line {
        text: voice.contract(format!("{first}{second}")),
        source: Some(opening_source),
        changed: true,
    }
}

/// The opening's second sentence, saying who the writer is (empty without a role).
fn who_sentence(tone: Tone, who_with_skills: &str) -> String {
    if who_with_skills.is_empty() {
        return String::new();
    }
    match tone {
        Tone::Professional => format!(
            " As {who_with_skills}, I would bring directly relevant experience to your team."
        ),
        Tone::Enthusiastic => {
            format!(" As {who_with_skills}, I am eager to bring that experience to your team.")
        }
        Tone::Confident => {
            format!(" As {who_with_skills}, I am ready to contribute from the first week.")
        }
        Tone::Humble => {
            format!(" As {who_with_skills}, I hope my experience can be of use to your team.")
        }
    }
}

/// The closing paragraph.
fn letter_close(tone: Tone, company_ref: &str) -> String {
    match tone {
        Tone::Professional => format!(
            "I would welcome the opportunity to discuss how my experience could support {company_ref}. Thank you for your time and consideration."
        ),
        Tone::Enthusiastic => format!(
            "I would love to talk about how I could contribute to {company_ref}. Thank you so much for considering my application."
        ),
        Tone::Confident => format!(
            "I look forward to discussing the results I can bring to {company_ref}. Thank you for your consideration."
        ),
        Tone::Humble => format!(
            "I would be thankful for the chance to learn more about the role and {company_ref}. Thank you for your time."
        ),
    }
}

/// Evidence: the best bullets (focus first), then projects, then (only when there is neither)
/// role descriptions; best first.
fn letter_evidence(
    input: &DraftInput,
    options: &LetterDraftOptions,
    newest: &[usize],
) -> Vec<Scored<Evidence>> {
    let mut evidence = achievement_evidence(input, options, newest);
    let scores = Scores::new(input.compiled);
    for (i, p) in input.profile.projects.iter().enumerate() {
        let description = p.description.trim().trim_end_matches('.');
        if description.is_empty() || first_person(description) {
            continue;
        }
        evidence.push((
            scores.get(&p.id).into(),
            50_000 + i,
            Evidence {
                experience: None,
                sentence: format!(
                    "On my project {}: {}",
                    p.name.trim(),
                    lower_first(description)
                ),
                source: jobwise_render::Source {
                    kind: "project".to_owned(),
                    item_id: p.id.clone(),
                    field: "description".to_owned(),
                },
                item_id: p.id.clone(),
            },
        ));
    }
    if evidence.is_empty() {
        evidence = description_evidence(input.profile, newest);
    }
    by_score(&mut evidence);
    evidence
}

/// Every achievement (in the enhanced wording) not written in the first person, scored by
/// stage 2 and the instructions' focus.
fn achievement_evidence(
    input: &DraftInput,
    options: &LetterDraftOptions,
    newest: &[usize],
) -> Vec<Scored<Evidence>> {
    let profile = input.profile;
    let scores = Scores::new(input.compiled);
    let focus = focus_terms(&[], options.custom_instructions.as_deref(), input.taxonomy);
    let wording = enhanced_wording(profile);
    let mut evidence = Vec::new();
    for (order, &index) in newest.iter().enumerate() {
        let e = &profile.experiences[index];
        for (i, original) in e.achievements.iter().enumerate() {
            let id = format!("{}#{i}", e.id);
            let text = wording
                .get(&("experiences.achievements".to_owned(), id.clone()))
                .cloned()
                .unwrap_or_else(|| original.trim().to_owned());
            if text.is_empty() || first_person(&text) {
                continue;
            }
            let score = u16::from(scores.get(&id))
                + if mentions_focus(&text, &focus, input.taxonomy) {
                    15
                } else {
                    0
                };
            evidence.push((
                score,
                order * 100 + i,
                Evidence {
                    experience: Some(index),
                    sentence: text.trim().trim_end_matches('.').to_owned(),
                    source: jobwise_render::Source {
                        kind: "achievement".to_owned(),
                        item_id: id.clone(),
                        field: "achievements".to_owned(),
                    },
                    item_id: id,
                },
            ));
        }
    }
    evidence
}

/// Each role's first description sentence not in the first person.
fn description_evidence(profile: &Profile, newest: &[usize]) -> Vec<Scored<Evidence>> {
    let mut evidence = Vec::new();
    for (order, &index) in newest.iter().enumerate() {
        let e = &profile.experiences[index];
        if let Some(sentence) = e
            .description
            .as_deref()
            .and_then(|d| sentences(d).into_iter().find(|s| !first_person(s)))
        {
            evidence.push((
                0,
                order,
                Evidence {
                    experience: Some(index),
                    sentence: sentence.trim_end_matches('.').to_owned(),
                    source: jobwise_render::Source {
                        kind: "experience".to_owned(),
                        item_id: e.id.clone(),
                        field: "description".to_owned(),
                    },
                    item_id: e.id.clone(),
                },
            ));
        }
    }
    evidence
}

/// The items that show each required hard skill, by term.
fn requirement_evidence(input: &DraftInput, met: &[MetTerm]) -> BTreeMap<String, Vec<String>> {
    met.iter()
        .filter(|m| m.required && is_hard_term(m.category))
        .map(|MetTerm { term, .. }| {
            let ids = input
                .compiled
                .requirements
                .iter()
                .find(|r| &r.requirement == term)
                .map(|r| r.evidence.iter().map(|e| e.item_id.clone()).collect())
                .unwrap_or_default();
            (term.clone(), ids)
        })
        .collect()
}

/// Writes the evidence paragraphs one after another: each takes the best remaining piece and,
/// when it has a role, that role's next best piece, then names the required skills they show.
struct EvidenceWriter<'a> {
    input: &'a DraftInput<'a>,
    own: &'a OwnWords<'a>,
    evidence: &'a [Scored<Evidence>],
    used: Vec<bool>,
    requirement_evidence: BTreeMap<String, Vec<String>>,
    /// Skills the letter has named so far (each is named once).
    mentioned_terms: BTreeSet<String>,
    /// The role the previous sentence was about.
    last_role: Option<usize>,
}

impl EvidenceWriter<'_> {
    /// The next paragraph; `None` when the evidence is used up.
    fn next_paragraph(&mut self, voice: Voice) -> Option<Line> {
        let pieces = self.take_pieces()?;
        let mut text = String::new();
        for (n, &piece) in pieces.iter().enumerate() {
            let sentence = self.sentence(n, &self.evidence[piece].2);
            self.last_role = self.evidence[piece].2.experience.or(self.last_role);
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&sentence);
        }
        text.push_str(&self.skills_shown(&pieces));
        Some(Line {
            text: voice.contract(text),
            source: Some(self.evidence[pieces[0]].2.source.clone()),
            changed: true,
        })
    }

    /// The best unused piece and, when it has a role, that role's next best one.
    fn take_pieces(&mut self) -> Option<Vec<usize>> {
        let first_index = self.used.iter().position(|u| !u)?;
        self.used[first_index] = true;
        let lead = &self.evidence[first_index].2;
        let mut pieces = vec![first_index];
        if lead.experience.is_some()
            && let Some(second_index) = (0..self.evidence.len())
                .find(|&j| !self.used[j] && self.evidence[j].2.experience == lead.experience)
        {
            self.used[second_index] = true;
            pieces.push(second_index);
        }
        Some(pieces)
    }

    /// The `n`-th sentence of a paragraph, introducing its role when it leads.
    fn sentence(&self, n: usize, ev: &Evidence) -> String {
        let verb = verb_first(&ev.sentence);
        match (n, ev.experience) {
            _ if ev.source.kind == "project" => end_sentence(&ev.sentence),
            (0, Some(index)) => {
                let e = &self.input.profile.experiences[index];
                let (title, company) = (e.title.trim(), e.company.trim());
                let again = self.last_role == Some(index);
                match (verb, again) {
                    (true, false) => end_sentence(&format!(
                        "As {title} at {company}, I {}",
                        lower_first(&ev.sentence)
                    )),
                    (true, true) => end_sentence(&format!(
                        "In the same role, I {}",
                        lower_first(&ev.sentence)
                    )),
                    (false, false) => end_sentence(&format!(
                        "One highlight from my time at {company} as {title}: {}",
                        lower_first(&ev.sentence)
                    )),
                    (false, true) => end_sentence(&format!(
                        "Another highlight from that role: {}",
                        lower_first(&ev.sentence)
                    )),
                }
            }
            _ if verb => end_sentence(&format!("I also {}", lower_first(&ev.sentence))),
            _ => end_sentence(&format!("Another: {}", lower_first(&ev.sentence))),
        }
    }

    /// Names the required skills this evidence demonstrates (empty when none is new). Only
    /// skills the person lists, in their words; an implied one is not named.
    fn skills_shown(&mut self, pieces: &[usize]) -> String {
        let ids: BTreeSet<&str> = pieces
            .iter()
            .map(|&p| self.evidence[p].2.item_id.as_str())
            .collect();
        let shown: Vec<(String, String)> = self
            .requirement_evidence
            .iter()
            .filter(|(term, items)| {
                !self.mentioned_terms.contains(*term)
                    && items.iter().any(|i| ids.contains(i.as_str()))
            })
            .filter_map(|(term, _)| Some((term.clone(), self.own.label(self.own.for_term(term)?))))
            .take(3)
            .collect();
        if shown.is_empty() {
            return String::new();
        }
        let labels: Vec<String> = shown.iter().map(|s| s.1.clone()).collect();
        self.mentioned_terms.extend(shown.into_iter().map(|s| s.0));
        format!(
            " That work drew on {}, which this role calls for.",
            join_names(&labels)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobwise_render::Document;

    use crate::generation::testing::{Run, job};

    const ACCOUNTANT: &str = r#"{
        "personal_info": {"full_name": "Maeve Doyle", "email": "maeve@example.com", "location": "Cork"},
        "experiences": [
            {
                "id": "exp-1", "title": "Senior Accountant", "company": "Harrow Pike",
                "start_date": "2017-03", "is_current": true,
                "achievements": [
                    "Coordinated on-call teams for the month-end close in Excel",
                    "Ran statutory audits for 14 subsidiaries",
                    "Built supply chain analytics reports for the COO",
                    "Led DNT compliance reviews across 4 business units"
                ]
            },
            {
                "id": "exp-2", "title": "Staff Accountant", "company": "Brightwell Partners",
                "start_date": "2014-09", "end_date": "2017-02",
                "achievements": [
                    "Prepared tax returns in CCH for 120 clients, reconciled in Excel",
                    "Moved the ledger archive to AWS"
                ]
            }
        ],
        "skills": {
            "technical": ["SOX Compliance", "CCH", "AWS", "Excel"],
            "soft": ["Attention to detail"]
        }
    }"#;

    /// The issue's examples: the posting's taxonomy names for what the person wrote.
    fn accountant() -> Run {
        Run::new(
            ACCOUNTANT,
            job(
                "Senior Accountant",
                Some("Quarry Lane"),
                &[
                    "SOX",
                    "CCH Axcess",
                    "Amazon Web Services",
                    "Incident Management",
                    "External Audit",
                    "Supply Chain Management",
                    "Regulatory Compliance",
                    "Excel",
                ],
            ),
        )
    }

    fn skill_items(resume: &Resume) -> Vec<String> {
        resume
            .skills
            .iter()
            .flat_map(|g| g.items.iter().map(|l| l.text.clone()))
            .collect()
    }

    #[test]
    fn skills_are_listed_in_the_persons_words() {
        let run = accountant();
        let drafts = run.drafts();
        let Document::Resume(resume) = &drafts[0] else {
            panic!("the first draft is the resume");
        };
        let items = skill_items(resume);
        for expected in [
            "SOX Compliance",
            "CCH",
            "Amazon Web Services (AWS)",
            "Excel",
        ] {
            assert!(
                items.iter().any(|i| i == expected),
                "{expected} in {items:?}"
            );
        }
        // Nothing re-labelled, nothing inferred from a bullet.
        assert_eq!(items.len(), 5, "{items:?}");
        for document in &drafts {
            let text = jobwise_render::render_text(document);
            for never in [
                "CCH Axcess",
                "Incident Management",
                "External Audit",
                "Supply Chain Management",
                "Regulatory Compliance",
            ] {
                assert!(!text.contains(never), "{never} in:\n{text}");
            }
            assert!(
                !text.replace("SOX Compliance", "").contains("SOX"),
                "SOX alone in:\n{text}"
            );
            assert_eq!(run.factuality(document), Vec::<String>::new());
        }
    }

    #[test]
    fn the_years_claim_names_only_listed_skills_the_dates_support() {
        let run = accountant();
        let drafts = run.drafts();
        let Document::Resume(resume) = &drafts[0] else {
            panic!("the first draft is the resume");
        };
        let summary = &resume.summary.as_ref().expect("a summary").text;
        // 2014-09 to 2026-11: 12 years, and Excel is in both roles; AWS only in the first.
        assert!(
            summary.starts_with(
                "Senior Accountant with 12+ years of experience in Excel, skilled in "
            ),
            "{summary}"
        );
        let (_, rest) = summary.split_once(", skilled in ").unwrap();
        for name in rest
            .trim_end_matches('.')
            .split(", ")
            .flat_map(|n| n.split(" and "))
        {
            assert!(
                ["SOX Compliance", "CCH", "Amazon Web Services (AWS)"].contains(&name),
                "{name} in {summary}"
            );
        }
        let Document::CoverLetter(letter) = &drafts[1] else {
            panic!("the second draft is the letter");
        };
        // The letter's two top skills: neither is shown for 12 years by the dated roles.
        let opening = &letter.paragraphs[0].text;
        assert!(
            opening.contains(
                "As a Senior Accountant with 12+ years of experience, skilled in Amazon Web Services (AWS) and CCH, "
            ),
            "{opening}"
        );
    }

    #[test]
    fn one_skill_spelled_twice_is_listed_once_in_the_postings_spelling() {
        let profile = r#"{
            "personal_info": {"full_name": "Ana Ruiz", "email": "ana@example.com"},
            "experiences": [{"id": "exp-1", "title": "Backend Engineer", "company": "Tidewell",
                "start_date": "2020-01", "is_current": true,
                "achievements": ["Built the billing service in Go"]}],
            "skills": {"technical": ["golang", "SOX", "Go", "SOX Compliance", "postgres"]}
        }"#;
        let run = Run::new(
            profile,
            job(
                "Backend Engineer",
                Some("Quarry Lane"),
                &["Go", "PostgreSQL", "SOX"],
            ),
        );
        let drafts = run.drafts();
        let Document::Resume(resume) = &drafts[0] else {
            panic!("the first draft is the resume");
        };
        let mut items = skill_items(resume);
        items.sort();
        assert_eq!(
            items,
            vec!["Go", "PostgreSQL (postgres)", "SOX", "SOX Compliance"]
        );
    }

    #[test]
    fn sentences_keep_initials_but_not_a_capitalised_word() {
        assert_eq!(
            sentences("Worked with J. Smith on it. I led it."),
            vec!["Worked with J. Smith on it.", "I led it."]
        );
        assert_eq!(
            sentences("Raised satisfaction with Weisman Scores. I also led rounding."),
            vec![
                "Raised satisfaction with Weisman Scores.",
                "I also led rounding."
            ]
        );
        assert_eq!(
            sentences("Plan A. I chose it."),
            vec!["Plan A.", "I chose it."]
        );
    }

    #[test]
    fn shorten_cuts_at_a_clause_boundary() {
        let long = format!(
            "Rebuilt the nightly settlement pipeline for 40 partner banks in Rust, {}; which also removed manual reconciliation",
            "cutting processing from six hours to forty minutes and retiring three legacy cron servers that nobody could patch any more without downtime"
        );
        assert!(long.chars().count() > MAX_BULLET_CHARS);
        let short = shorten(&long);
        assert!(short.chars().count() <= MAX_BULLET_CHARS, "{short}");
        assert!(long.starts_with(&short));
        assert_eq!(shorten("  Led a team of 5.  "), "Led a team of 5.");
    }

    #[test]
    fn sentences_keep_abbreviations() {
        assert_eq!(
            sentences("Built tools, e.g. a CLI. Shipped it! Done"),
            vec!["Built tools, e.g. a CLI.", "Shipped it!", "Done"]
        );
    }

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Led the team"), "led the team");
        assert_eq!(lower_first("AWS migration"), "AWS migration");
        assert!(verb_first("Reduced costs by 20%"));
        assert!(verb_first("Led a team"));
        assert!(!verb_first("Team lead for 5 engineers"));
    }

    #[test]
    fn titles_take_the_article_of_their_sound() {
        assert_eq!(with_article("Registered Nurse"), "a Registered Nurse");
        assert_eq!(
            with_article("Instructional Designer"),
            "an Instructional Designer"
        );
        assert_eq!(with_article("SEO Specialist"), "an SEO Specialist");
        assert_eq!(
            with_article("HR Business Partner"),
            "an HR Business Partner"
        );
        assert_eq!(with_article("SVP, Supply Chain"), "an SVP, Supply Chain");
        assert_eq!(with_article("UX Designer"), "a UX Designer");
        assert_eq!(with_article("University Lecturer"), "a University Lecturer");
        assert_eq!(with_article("Operations Manager"), "an Operations Manager");
    }

    #[test]
    fn names_join_with_and() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_names(&names(&[])), "");
        assert_eq!(join_names(&names(&["Rust"])), "Rust");
        assert_eq!(
            join_names(&names(&["Rust", "Go", "SQL"])),
            "Rust, Go and SQL"
        );
        assert_eq!(format_gpa(3.80), "3.8");
        assert_eq!(format_gpa(4.0), "4");
    }
}
