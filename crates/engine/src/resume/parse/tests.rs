//! Parser fixtures: small résumés in the common layouts, each checked field by field.

use super::*;

fn fixture(name: &str) -> ParsedResume {
    let text = match name {
        "title_case" => include_str!("../../../tests/fixtures/resumes/title_case.txt"),
        "caps_company_first" => {
            include_str!("../../../tests/fixtures/resumes/caps_company_first.txt")
        }
        "title_at_company" => include_str!("../../../tests/fixtures/resumes/title_at_company.txt"),
        "dates_first" => include_str!("../../../tests/fixtures/resumes/dates_first.txt"),
        other => panic!("no fixture {other}"),
    };
    parse_resume_text(text)
}

/// Each job's title and employer, in order.
fn titles_and_employers(p: &Profile) -> Vec<(&str, &str)> {
    p.experiences
        .iter()
        .map(|e| (e.title.as_str(), e.company.as_str()))
        .collect()
}

/// Each job's employer and place, in order.
fn employers_and_places(p: &Profile) -> Vec<(&str, Option<&str>)> {
    p.experiences
        .iter()
        .map(|e| (e.company.as_str(), e.location.as_deref()))
        .collect()
}

fn jobs(p: &Profile) -> Vec<(&str, &str, &str, Option<&str>, bool)> {
    p.experiences
        .iter()
        .map(|e| {
            (
                e.title.as_str(),
                e.company.as_str(),
                e.start_date.as_str(),
                e.end_date.as_deref(),
                e.is_current,
            )
        })
        .collect()
}

#[test]
fn one_line_entries_with_bars() {
    let r = fixture("title_case");
    let p = &r.profile;
    let info = &p.personal_info;
    assert_eq!(info.full_name, "Maria Gonzalez");
    assert_eq!(info.email, "maria.gonzalez@example.com");
    assert_eq!(info.phone.as_deref(), Some("(415) 555-0142"));
    assert_eq!(info.location.as_deref(), Some("San Francisco, CA"));
    assert_eq!(
        info.linkedin.as_deref(),
        Some("https://linkedin.com/in/mariagonzalez")
    );
    assert_eq!(info.github.as_deref(), Some("https://github.com/mgonzalez"));
    assert!(
        p.professional_summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Backend engineer with nine years"))
    );
    assert_eq!(
        jobs(p),
        [
            ("Senior Backend Engineer", "Stripe", "2020-03", None, true),
            (
                "Software Engineer",
                "Flexport",
                "2016-01",
                Some("2020-02"),
                false
            ),
        ]
    );
    assert_eq!(
        p.experiences[0].location.as_deref(),
        Some("San Francisco, CA")
    );
    assert_eq!(p.experiences[0].achievements.len(), 2);
    assert_eq!(
        p.experiences[1].achievements,
        [
            "Built the customs filing pipeline handling 40,000 shipments a day and the alerting around it"
        ]
    );
    let edu = &p.education[0];
    assert_eq!(edu.institution, "University of California, Berkeley");
    assert_eq!(edu.degree, "B.S.");
    assert_eq!(edu.field_of_study.as_deref(), Some("Computer Science"));
    assert_eq!(
        (edu.start_date.as_deref(), edu.end_date.as_deref()),
        (Some("2011"), Some("2015"))
    );
    assert_eq!(
        p.skills.technical,
        ["Rust", "Go", "Python", "PostgreSQL", "Kafka", "Kubernetes"]
    );
    let cert = &p.skills.certifications[0];
    assert_eq!(
        (
            cert.name.as_str(),
            cert.issuer.as_str(),
            cert.date_obtained.as_deref()
        ),
        (
            "AWS Certified Solutions Architect",
            "Amazon Web Services",
            Some("2021")
        )
    );
    let langs: Vec<(&str, &str)> = p
        .skills
        .languages
        .iter()
        .map(|l| (l.name.as_str(), l.proficiency.as_str()))
        .collect();
    assert_eq!(langs, [("English", "native"), ("Spanish", "fluent")]);
}

#[test]
fn capitals_company_first_and_tabbed_dates() {
    let r = fixture("caps_company_first");
    let p = &r.profile;
    assert_eq!(p.personal_info.full_name, "JOHN O'REILLY");
    assert_eq!(p.personal_info.email, "john.oreilly@example.ie");
    assert_eq!(p.personal_info.phone.as_deref(), Some("+353 1 555 0199"));
    assert_eq!(p.personal_info.location.as_deref(), Some("Dublin, Ireland"));
    assert_eq!(
        jobs(p),
        [
            ("Management Consultant", "Accenture", "2018-09", None, true),
            (
                "Business Analyst",
                "Bank of Ireland",
                "2014-06",
                Some("2018-08"),
                false
            ),
        ]
    );
    let schools: Vec<(&str, &str)> = p
        .education
        .iter()
        .map(|e| (e.institution.as_str(), e.degree.as_str()))
        .collect();
    assert_eq!(
        schools,
        [
            (
                "Trinity College Dublin",
                "Master of Business Administration"
            ),
            ("University College Cork", "Bachelor of Commerce"),
        ]
    );
    assert_eq!(
        p.skills.technical,
        [
            "Stakeholder management",
            "Process design",
            "SQL",
            "Power BI"
        ]
    );
    assert_eq!(p.projects.len(), 1);
    assert_eq!(p.projects[0].name, "Open Banking Sandbox");
    assert_eq!(p.projects[0].technologies, ["Java", "Spring"]);
    assert!(p.projects[0].description.starts_with("A test harness"));
}

#[test]
fn title_at_company_with_place_and_parenthesised_dates() {
    let r = fixture("title_at_company");
    let p = &r.profile;
    assert_eq!(p.personal_info.full_name, "Priya Raman");
    assert_eq!(p.personal_info.phone.as_deref(), Some("+91 98450 12345"));
    assert_eq!(
        p.personal_info.location.as_deref(),
        Some("Bengaluru, India")
    );
    assert_eq!(
        jobs(p),
        [
            ("Lead Product Designer", "Swiggy", "2021", None, true),
            ("UX Designer", "Infosys", "2017", Some("2021"), false),
        ]
    );
    assert_eq!(p.experiences[0].location.as_deref(), Some("Bengaluru"));
    assert_eq!(p.education[0].institution, "National Institute of Design");
    assert_eq!(p.skills.languages.len(), 3);
    assert_eq!(p.skills.languages[2].proficiency.as_str(), "conversational");
}

#[test]
fn dates_on_their_own_line_before_the_entry() {
    let r = fixture("dates_first");
    let p = &r.profile;
    assert_eq!(p.personal_info.full_name, "Tomás Novák");
    assert_eq!(p.personal_info.phone.as_deref(), Some("+420 601 555 123"));
    assert_eq!(
        jobs(p),
        [
            ("Data Scientist", "Avast", "2019", None, true),
            (
                "Junior Analyst",
                "Česká spořitelna",
                "2015",
                Some("2019"),
                false
            ),
        ]
    );
    assert_eq!(
        p.experiences[0].description.as_deref(),
        Some("Built churn models for 400 million users.")
    );
    let e = &p.education[0];
    assert_eq!(e.institution, "Charles University");
    assert_eq!(e.degree, "Master of Science");
    assert_eq!(e.field_of_study.as_deref(), Some("Mathematics"));
}

#[test]
fn positioned_two_column_page() {
    use crate::resume::layout::{PositionedLine, PositionedPage, Span, reading_order};
    let span = |t: &str, x0: f32, x1: f32| Span {
        text: t.into(),
        x0,
        x1,
    };
    let row = |y: f32, size: f32, spans: Vec<Span>| PositionedLine { y, size, spans };
    let mut lines = vec![row(800.0, 22.0, vec![span("Lena Fischer", 40.0, 200.0)])];
    let side = [
        "CONTACT",
        "lena@example.de",
        "+49 30 5555 0100",
        "Berlin, Germany",
        "SKILLS",
        "Kotlin, Swift",
        "EDUCATION",
        "TU Berlin",
        "MSc Computer Science",
        "2012 – 2014",
    ];
    let main = [
        "EXPERIENCE",
        "Mobile Lead\t2019 – Present",
        "N26",
        "• Shipped the card freeze feature to 7 million users",
        "Android Developer\t2014 – 2019",
        "Zalando",
        "• Rebuilt the catalogue screens",
    ];
    for (i, t) in side.iter().enumerate() {
        lines.push(row(
            760.0 - 14.0 * i as f32,
            10.0,
            vec![span(t, 40.0, 170.0)],
        ));
    }
    for (i, t) in main.iter().enumerate() {
        let y = 760.0 - 14.0 * i as f32;
        let spans = match t.split_once('\t') {
            Some((a, b)) => vec![span(a, 220.0, 320.0), span(b, 480.0, 550.0)],
            None => vec![span(t, 220.0, 540.0)],
        };
        match lines.iter_mut().find(|l| (l.y - y).abs() < 0.1) {
            Some(l) => l.spans.extend(spans),
            None => lines.push(row(y, 10.0, spans)),
        }
    }
    let parsed = parse_resume(&reading_order(&[PositionedPage { lines }]));
    let p = parsed.profile;
    assert_eq!(p.personal_info.full_name, "Lena Fischer");
    assert_eq!(p.personal_info.email, "lena@example.de");
    assert_eq!(p.personal_info.phone.as_deref(), Some("+49 30 5555 0100"));
    assert_eq!(
        jobs(&p),
        [
            ("Mobile Lead", "N26", "2019", None, true),
            ("Android Developer", "Zalando", "2014", Some("2019"), false),
        ]
    );
    assert_eq!(p.education[0].institution, "TU Berlin");
    assert_eq!(p.skills.technical, ["Kotlin", "Swift"]);
}

#[test]
fn no_sections_at_all_is_a_note_not_a_failure() {
    let r = parse_resume_text("Just a note\nwith two lines");
    assert!(r.profile.experiences.is_empty());
    assert!(r.notes.iter().any(|n| n.field == "experiences"));
}

#[test]
fn undated_entries_without_bullets_keep_their_shape() {
    let text = "Ada Brook\nada@example.com\n\nEXPERIENCE\nEngineer\nAcme\n2019 – 2020\n• Did things\n\
                Consultant\nBeta Corp\nAdvisor\nGamma Labs\nDeveloper\nDelta Inc\n2015 – 2017\n• Built stuff\n";
    let p = parse_resume_text(text).profile;
    let jobs: Vec<(&str, &str)> = p
        .experiences
        .iter()
        .map(|e| (e.title.as_str(), e.company.as_str()))
        .collect();
    assert_eq!(
        jobs,
        [
            ("Engineer", "Acme"),
            ("Consultant", "Beta Corp"),
            ("Advisor", "Gamma Labs"),
            ("Developer", "Delta Inc")
        ]
    );
    assert_eq!(p.experiences[1].start_date, "");
    assert_eq!(p.experiences[3].start_date, "2015");
}

/// A bar or dash inside parentheses is part of the name, not a separator between parts.
#[test]
fn separators_inside_parentheses_stay_in_the_name() {
    let parts: Vec<String> = split_head(
        "Android Engineer | Cloud Business Solutions ( CEBS | Matas ) | Remote",
        true,
        true,
    )
    .into_iter()
    .map(|p| p.text)
    .collect();
    assert_eq!(
        parts,
        [
            "Android Engineer",
            "Cloud Business Solutions ( CEBS | Matas )",
            "Remote"
        ]
    );
    // A date taken out of parentheses (replaced by a tab) still splits.
    let parts: Vec<String> = split_head("Designer at Acme, Pune (\t)", true, true)
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(parts, ["Designer", "Acme, Pune"]);
}

/// "Title | Title | Employer": two roles before the organisation make one title.
#[test]
fn two_roles_before_the_employer_are_one_title() {
    let text = "Experience\nSr. Android Engineer | Team Lead | VentureDive | 2021 – 2023\n\
                * Led the Android team.\nAndroid Engineer | Techless | 2019 – 2021\n\
                * Built the app.\n";
    let p = parse_resume_text(text).profile;
    assert_eq!(
        jobs(&p),
        [
            (
                "Sr. Android Engineer | Team Lead",
                "VentureDive",
                "2021",
                Some("2023"),
                false
            ),
            ("Android Engineer", "Techless", "2019", Some("2021"), false),
        ]
    );
}

/// A long line under an entry is its description even when it mentions a year or opens a
/// parenthesis it never closes (":("); the next entry is read on its own.
#[test]
fn long_lines_are_prose_and_take_no_next_line() {
    let text = "Experience\n\
        10/2017 – 04/2018\tCloud Engineer\n\
        \tNebulr, Melbourne, Australia\n\
        Moving clients to the cloud since 2017 - Automate, Ansible, Python, Lambda, AWS, git, Bash, \
        Boto3, API, Auto-scale, Test, Document :(, Bootstrap, Build, CloudFormation, Ops and some Dev, \
        Tinker then Fix, Collaborate and Preach\n\
        06/2017 – 09/2017\tCloud Operator\n\
        \tFinXL IT Professional Services, Melbourne, Australia\n\
        Worked on the cloud enablement project with the operations team at Telstra. Focused on AWS \
        with Azure also in scope, and on-boarding of applications.\n\
        03/2016 – 04/2017\tSystems Support Engineer\n\
        \tMunich Re, Melbourne, Australia\n";
    let p = parse_resume_text(text).profile;
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [
            ("Cloud Engineer", "Nebulr"),
            ("Cloud Operator", "FinXL IT Professional Services"),
            ("Systems Support Engineer", "Munich Re"),
        ]
    );
    assert!(
        p.experiences[1]
            .description
            .as_deref()
            .is_some_and(|d| d.contains("team at Telstra. Focused"))
    );
}

#[test]
fn sentence_breaks() {
    assert!(has_sentence_break("Worked at Telstra. Focused on AWS"));
    assert!(!has_sentence_break("Sr. Android Engineer at J. D. Power"));
}

/// A place-like word alone where the employer goes is the employer the person wrote
/// ("Remote" as a company), not the entry's place.
#[test]
fn place_word_in_the_employer_slot_is_the_employer() {
    let text = "Experience\n\
        04/2021 – 10/2023\tStaff Engineer\n\
        Remote\n\
        - Built the payments flow.\n\
        08/2019 – 03/2021\tDeveloper\n\
        Initech\n\
        - Shipped the shop.\n";
    let p = parse_resume_text(text).profile;
    let got: Vec<(&str, &str, Option<&str>)> = p
        .experiences
        .iter()
        .map(|e| (e.title.as_str(), e.company.as_str(), e.location.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Staff Engineer", "Remote", None),
            ("Developer", "Initech", None)
        ]
    );
}

/// "Freelance" after the title is the employer, and a dash inside an employer's name keeps
/// the name whole.
#[test]
fn self_employment_words_and_dashes_inside_employer_names() {
    let text = "Experience\n\
        Independent Consultant — Data Audits — Freelance | Paris, France | 2025 – Now\n\
        • Audited data chains.\n\
        News Producer — Channel Nine — Morning Desk | Lima, Peru | 2020 – 2024\n\
        • Produced the morning show.\n\
        Reporter — Channel Nine | Lima, Peru | 2018 – 2020\n\
        • Reported.\n";
    let p = parse_resume_text(text).profile;
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [
            ("Independent Consultant — Data Audits", "Freelance"),
            ("News Producer", "Channel Nine — Morning Desk"),
            ("Reporter", "Channel Nine"),
        ]
    );
}

/// "Employer, Town" where the town is in no word list: the town is the entry's place when
/// the section writes places after the employer's comma, and a town written before a known
/// region belongs to that place.
#[test]
fn unknown_town_after_the_employer_is_its_place() {
    let text = "Experience\n\
        01/2023 – 03/2024\tTech Lead\n\
        Globex, Smallville\n\
        - Led the team.\n\
        01/2021 – 12/2022\tDeveloper\n\
        Hooli\n\
        - Wrote code.\n\
        01/2019 – 12/2020\tConsultant\n\
        Initech, Berlin, Germany\n\
        - Advised clients.\n\
        01/2017 – 12/2018\tIntern\n\
        Vandelay, Shelbyville, Texas\n\
        - Learnt.\n";
    let p = parse_resume_text(text).profile;
    let got = employers_and_places(&p);
    assert_eq!(
        got,
        [
            ("Globex", Some("Smallville")),
            ("Hooli", None),
            ("Initech", Some("Berlin, Germany")),
            ("Vandelay", Some("Shelbyville, Texas")),
        ]
    );
    // A brand written in CamelCase after the comma is part of the name, not a place.
    assert!(!reads_as_place("EnterpriseAI"));
    assert!(reads_as_place("Melbourne CBD"));
}

/// Employer and dates on one line, the title below: an undated entry of that shape stays one
/// entry ("Freelance" / "Web developer"), it is not cut into two stray lines.
#[test]
fn undated_entries_keep_a_two_line_shape_with_dates_beside_the_employer() {
    let text = "EXPERIENCE\n\
        Acme Corp\tMar 2015 – Jan 2016\n\
        CEO\n\
        • Ran the company.\n\
        Beta Labs\tJan 2013 – Mar 2015\n\
        Frontend developer\n\
        • Built the front end.\n\
        Freelance\n\
        Web developer\n\
        Took on web design jobs, mockups and prototypes.\n\
        Gamma Studio\n\
        Intern\n\
        • Supported the web site.\n";
    let p = parse_resume_text(text).profile;
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [
            ("CEO", "Acme Corp"),
            ("Frontend developer", "Beta Labs"),
            ("Web developer", "Freelance"),
            ("Intern", "Gamma Studio"),
        ]
    );
}

#[test]
fn lower_case_employer_after_a_bullet_starts_the_next_entry() {
    // "ti&m AG" starts in lower case; with its dates set right (a tab) it is a head line,
    // not the rest of the bullet above it. A lower-case line without a tab still continues.
    let text = "EXPERIENCE\n\
        ti&m AG, Zurich, Switzerland\tOct 2025 – Present\n\
        Lead Software Engineer\n\
        • Modernized the onboarding platform to support identity checks and\n\
        liveness checks under current standards.\n\
        ti&m AG, Zurich, Switzerland\tApr 2024 – Present\n\
        Senior Software Engineer\n\
        • Set the frontend direction.\n";
    let p = parse_resume_text(text).profile;
    let got: Vec<(&str, &str, &str)> = p
        .experiences
        .iter()
        .map(|e| (e.title.as_str(), e.company.as_str(), e.start_date.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Lead Software Engineer", "ti&m AG", "2025-10"),
            ("Senior Software Engineer", "ti&m AG", "2024-04"),
        ]
    );
    assert_eq!(
        p.experiences[0].achievements,
        [
            "Modernized the onboarding platform to support identity checks and liveness checks under current standards."
        ]
    );
}

#[test]
fn dates_left_layout_with_employer_and_place_below_and_a_dated_aside() {
    // Dates on the left of the title; "Employer, Town, CC" below; a short line of text that
    // names dates in brackets is the entry's text, not another entry.
    let text = "Employment\n\
        10/2019 – 02/2020\tC and C++ professor\n\
        Epitech, Nancy, FR\n\
        Occasional trainer (October 2019 and January 2020)\n\
        - Support for students during their intensive training period\n\
        10/2017 – 03/2018\tPart-time web developer\n\
        BigInt, Nancy, FR\n\
        Backend web development\n\
        - Implement features on an API\n";
    let p = parse_resume_text(text).profile;
    let got: Vec<(&str, &str, Option<&str>)> = p
        .experiences
        .iter()
        .map(|e| (e.title.as_str(), e.company.as_str(), e.location.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("C and C++ professor", "Epitech", Some("Nancy, FR")),
            ("Part-time web developer", "BigInt", Some("Nancy, FR")),
        ]
    );
    assert_eq!(
        p.experiences[0].description.as_deref(),
        Some("Occasional trainer (October 2019 and January 2020)")
    );
}

#[test]
fn long_title_wrapped_before_its_dates_is_one_title() {
    let text = "EXPERIENCE\n\
        Head of Software Engineering for Client Delivery and Head of\tJan 2026 – Present\n\
        Delivery Enablement\n\
        Sand Technologies\n\
        • Set the hiring bar.\n\
        Director of Engineering\tJan 2018 – Jul 2020\n\
        Driven\n\
        • Ran the teams.\n";
    let p = parse_resume_text(text).profile;
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [
            (
                "Head of Software Engineering for Client Delivery and Head of Delivery Enablement",
                "Sand Technologies"
            ),
            ("Director of Engineering", "Driven"),
        ]
    );
}

#[test]
fn at_inside_an_employer_name_and_a_wrapped_date_column() {
    // "at" inside the employer's name when the next line holds the role.
    let text = "EXPERIENCE\n\
        The Coding Bootcamp at UT Austin\tOct 2018 – Apr 2019\n\
        Teaching Assistant\n\
        • Helped students.\n\
        Tastemade, Inc.\tJan 2016 – Sep 2018\n\
        Marketing Coordinator\n\
        • Ran campaigns.\n";
    let p = parse_resume_text(text).profile;
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [
            ("Teaching Assistant", "The Coding Bootcamp at UT Austin"),
            ("Marketing Coordinator", "Tastemade, Inc."),
        ]
    );
    // A one-line "Title at Employer" head still splits.
    let p =
        parse_resume_text("EXPERIENCE\nSenior Engineer at Acme\tJan 2020 – Present\n• Built.\n")
            .profile;
    assert_eq!(
        (
            p.experiences[0].title.as_str(),
            p.experiences[0].company.as_str()
        ),
        ("Senior Engineer", "Acme")
    );
    // Dates written year first, wrapped in a narrow date column.
    let text = "Work History\n\
        2012, October – 2015,\tSoftware Engineer\n\
        September\n\
        Electronic Stars\n\
        - Built the backend.\n\
        2008, November – 2010,\tSoftware Engineer\n\
        November\n\
        Autoritat del Transport Metropolità de Barcelona (ATM)\n\
        - Built the planner.\n";
    let p = parse_resume_text(text).profile;
    let got: Vec<(&str, &str, &str, Option<&str>)> = p
        .experiences
        .iter()
        .map(|e| {
            (
                e.title.as_str(),
                e.company.as_str(),
                e.start_date.as_str(),
                e.end_date.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Software Engineer",
                "Electronic Stars",
                "2012-10",
                Some("2015-09")
            ),
            (
                "Software Engineer",
                "Autoritat del Transport Metropolità de Barcelona (ATM)",
                "2008-11",
                Some("2010-11")
            ),
        ]
    );
}

#[test]
fn names_and_prose_in_scripts_without_case_or_spaces() {
    let text = "王明海\n\
        iOS研发工程师\n\
        heminwmh@example.com | 555-5555-0119\n\
        Employment\n\
        04/2019 – 12/2024\tiOS 研发工程师\n\
        涂鸦智能(杭州涂鸦信息技术有限公司)\n\
        涂鸦智能是全球领先的云平台服务提供商，致力于构建智慧解决方案的开发者生态，赋能万物智能。\n\
        - 职责:Honda RoadSync 测试\n";
    let p = parse_resume_text(text).profile;
    assert_eq!(p.personal_info.full_name, "王明海");
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [("iOS 研发工程师", "涂鸦智能(杭州涂鸦信息技术有限公司)")]
    );
}

#[test]
fn two_roles_with_a_brand_shaped_word_before_an_acronym_employer() {
    let text = "Experience\n\
        Researcher | C#/WPF Desktop Software Developer\n\
        RIVS\n\
        May 2017 – October 2021\n\
        Conducted research in X-ray fluorescence analysis.\n\
        Engineer\n\
        Ioffe Institut\n\
        October 2016 – May 2017\n\
        Built lab software.\n";
    let p = parse_resume_text(text).profile;
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [
            ("Researcher | C#/WPF Desktop Software Developer", "RIVS"),
            ("Engineer", "Ioffe Institut"),
        ]
    );
}

#[test]
fn heading_word_wrapped_under_a_bullet_stays_in_the_bullet() {
    let at = |text: &str, x: f32, gap: bool| SourceLine {
        text: text.into(),
        x: Some(x),
        size: Some(10.0),
        gap_before: gap,
        column_start: false,
    };
    let source = vec![
        at("Work History", 57.0, true),
        at(
            "07/2020 – 12/2025\tHead of Engineering & Platform",
            51.0,
            false,
        ),
        at("Sand Technologies, EnterpriseAI", 189.0, false),
        at(
            "- Supported the acquisition of ExploreAI's enterprise division with Sand",
            59.0,
            false,
        ),
        at("Technologies", 69.0, false),
        at("01/2018 – 07/2020\tDirector of Engineering", 51.0, false),
        at("Jemstep by Invesco", 189.0, false),
        at("- Led delivery teams across 3 continents", 59.0, false),
    ];
    let p = parse_resume(&source).profile;
    let got: Vec<&str> = p.experiences.iter().map(|e| e.company.as_str()).collect();
    assert_eq!(
        got,
        ["Sand Technologies, EnterpriseAI", "Jemstep by Invesco"]
    );
    assert_eq!(
        p.experiences[0].achievements,
        ["Supported the acquisition of ExploreAI's enterprise division with Sand Technologies"]
    );
}

#[test]
fn employer_wrapped_before_university_and_a_line_of_text_after_the_dates() {
    let text = "Experience\n\
        Research Assistant\n\
        Amrita Multi Modal Applications and Human Computer Interaction Lab, Amrita\n\
        University\n\
        December 2021 – March 2023\n\
        Research focused on Human Robot Interaction & AI\n\
        • Developed a social robot.\n\
        Technical Leader\n\
        CADD Centre\n\
        September 2016 – April 2017\n\
        • Led the training team.\n";
    let p = parse_resume_text(text).profile;
    let got = titles_and_employers(&p);
    assert_eq!(
        got,
        [
            (
                "Research Assistant",
                "Amrita Multi Modal Applications and Human Computer Interaction Lab, Amrita University"
            ),
            ("Technical Leader", "CADD Centre"),
        ]
    );
    assert_eq!(
        p.experiences[0].description.as_deref(),
        Some("Research focused on Human Robot Interaction & AI")
    );
}

#[test]
fn places_after_the_employer_in_many_forms() {
    let text = "Work History\n\
        01/2019 – Current\tLead Developer\n\
        Savoir Technologies, Inc, Remoto\n\
        - Built the platform.\n\
        03/2016 – 12/2018\tDeveloper\n\
        Lean Mind, Santa Cruz de Tenerife\n\
        - Built services.\n\
        01/2014 – 02/2016\tAccountant\n\
        OUMAL-KHER HOLDING, N'Djamena - Tchad\n\
        - Kept the books.\n";
    let p = parse_resume_text(text).profile;
    let got = employers_and_places(&p);
    assert_eq!(
        got,
        [
            ("Savoir Technologies, Inc", Some("Remoto")),
            ("Lean Mind", Some("Santa Cruz de Tenerife")),
            ("OUMAL-KHER HOLDING", Some("N'Djamena - Tchad")),
        ]
    );
}

#[test]
fn more_legal_forms_after_a_comma() {
    let text = "Work History\n\
        01/2021 – Current\tQuantitative Analyst\n\
        Wells Fargo Bank, N.A., San Francisco, CA\n\
        - Built credit models.\n";
    let p = parse_resume_text(text).profile;
    assert_eq!(
        employers_and_places(&p),
        [("Wells Fargo Bank, N.A.", Some("San Francisco, CA"))]
    );
}
