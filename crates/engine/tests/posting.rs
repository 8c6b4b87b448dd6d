//! Integration tests: realistic postings under `tests/fixtures/postings/`,
//! each checked field by field.

use jobwise_engine::{
    ExperienceLevel, JobType, ParsedPosting, Salary, SalaryPeriod, WorkArrangement, parse_posting,
};

macro_rules! fixture {
    ($name:literal) => {
        parse_posting(include_str!(concat!("fixtures/postings/", $name, ".txt")))
    };
}

fn salary(
    min: Option<i64>,
    max: Option<i64>,
    currency: &str,
    period: SalaryPeriod,
) -> Option<Salary> {
    Some(Salary {
        min,
        max,
        currency: currency.to_string(),
        period,
    })
}

fn yearly(min: i64, max: i64, currency: &str) -> Option<Salary> {
    salary(Some(min), Some(max), currency, SalaryPeriod::Year)
}

fn has(items: &[String], expected: &str) -> bool {
    items.iter().any(|item| item == expected)
}

/// Asserts the fields every fixture is checked on.
#[allow(clippy::too_many_arguments)]
fn assert_basics(
    posting: &ParsedPosting,
    title: Option<&str>,
    company: Option<&str>,
    location: Option<&str>,
    arrangement: Option<WorkArrangement>,
    job_type: Option<JobType>,
    level: Option<ExperienceLevel>,
) {
    assert_eq!(posting.title.as_deref(), title, "title");
    assert_eq!(posting.company.as_deref(), company, "company");
    assert_eq!(posting.location.as_deref(), location, "location");
    assert_eq!(posting.work_arrangement, arrangement, "work arrangement");
    assert_eq!(posting.job_type, job_type, "job type");
    assert_eq!(posting.experience_level, level, "experience level");
}

fn assert_counts(
    posting: &ParsedPosting,
    responsibilities: usize,
    requirements: usize,
    preferred: usize,
    benefits: usize,
) {
    assert_eq!(
        posting.responsibilities.len(),
        responsibilities,
        "responsibilities: {:?}",
        posting.responsibilities
    );
    assert_eq!(
        posting.requirements.len(),
        requirements,
        "requirements: {:?}",
        posting.requirements
    );
    assert_eq!(
        posting.preferred.len(),
        preferred,
        "preferred: {:?}",
        posting.preferred
    );
    assert_eq!(
        posting.benefits.len(),
        benefits,
        "benefits: {:?}",
        posting.benefits
    );
}

#[test]
fn job_board_backend_rust() {
    let p = fixture!("01_jobboard_backend_rust");
    assert_basics(
        &p,
        Some("Senior Backend Engineer (Rust)"),
        Some("Tidewater Analytics"),
        Some("Remote (US)"),
        Some(WorkArrangement::Remote),
        Some(JobType::FullTime),
        Some(ExperienceLevel::Senior),
    );
    assert_eq!(
        p.salary,
        yearly(120_000, 150_000, "USD"),
        "funding round must not be the salary"
    );
    assert_eq!(p.years_experience, Some(5));
    assert_counts(&p, 4, 4, 2, 4);
    assert!(has(
        &p.requirements,
        "Strong experience with Rust or C++ in production"
    ));
    assert!(has(&p.preferred, "Background in geospatial data"));
    assert!(has(&p.benefits, "401(k) with 4% match"));
    assert_eq!(
        p.application_url.as_deref(),
        Some("https://jobs.tidewater.example/backend-rust")
    );
    assert!(
        p.description
            .starts_with("Tidewater Analytics helps coastal cities")
    );
    assert_eq!(p.description.split("\n\n").count(), 2);
}

#[test]
fn careers_page_markdown() {
    let p = fixture!("02_careers_markdown");
    assert_basics(
        &p,
        Some("Frontend Developer"),
        Some("Klarblick"),
        Some("Berlin, Germany"),
        Some(WorkArrangement::Hybrid),
        Some(JobType::FullTime),
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.hybrid_days, Some(2));
    assert_eq!(
        p.salary,
        yearly(60_000, 60_000, "EUR"),
        "learning budget must not be the salary"
    );
    assert_counts(&p, 3, 2, 1, 3);
    assert!(has(
        &p.responsibilities,
        "Own our component library and its documentation"
    ));
    assert!(has(&p.preferred, "Fluent English; German is a plus"));
    assert!(has(
        &p.benefits,
        "BVG ticket and a yearly €1.000 learning budget"
    ));
    assert!(
        !p.description.contains("**"),
        "Markdown is cleaned from the description"
    );
    assert_eq!(
        p.application_url.as_deref(),
        Some("https://klarblick.example/careers/frontend")
    );
}

#[test]
fn recruiter_email() {
    let p = fixture!("03_recruiter_email");
    // "… a fast-growing digital clinic in London": the email states where the job is.
    assert_basics(
        &p,
        Some("Product Manager"),
        Some("Brightwell Health"),
        Some("London"),
        Some(WorkArrangement::Hybrid),
        None,
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.hybrid_days, Some(3));
    assert_eq!(p.salary, yearly(45_000, 55_000, "GBP"));
    assert_eq!(p.years_experience, Some(3));
    assert_counts(&p, 0, 2, 0, 0);
    assert!(has(
        &p.requirements,
        "Experience in healthcare or another regulated industry"
    ));
    assert!(
        !p.description.contains("Hi Jane"),
        "greeting is not description"
    );
    assert!(
        !p.description.contains("Tom Ridley"),
        "signature is not description"
    );
    assert!(
        !p.description.contains("Northstar"),
        "recruiter agency is not the company"
    );
    assert_eq!(
        p.application_url.as_deref(),
        Some("https://brightwell.example/jobs/pm-42")
    );
}

#[test]
fn linkedin_style_header_lines() {
    let p = fixture!("04_linkedin_style");
    assert_basics(
        &p,
        Some("Data Engineer"),
        Some("Quantico Labs"),
        Some("Amsterdam, Netherlands"),
        Some(WorkArrangement::Hybrid),
        Some(JobType::FullTime),
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.hybrid_days, None);
    assert_eq!(p.salary, None);
    assert_eq!(p.years_experience, Some(3));
    assert_counts(&p, 3, 4, 2, 0);
    assert!(has(&p.requirements, "Proficiency in SQL and Python"));
    assert!(has(&p.preferred, "Knowledge of energy markets"));
    assert!(!p.description.contains("#LI"), "hashtags are dropped");
    assert!(
        !p.description.contains("Mid-Senior"),
        "header lines are not description"
    );
}

#[test]
fn one_field_per_line() {
    let p = fixture!("05_fields_one_per_line");
    assert_basics(
        &p,
        Some("DevOps Engineer"),
        Some("Harbor & Finch Logistics"),
        Some("Chicago, IL"),
        Some(WorkArrangement::OnSite),
        Some(JobType::Contract),
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.salary, yearly(120_000, 150_000, "USD"));
    assert_eq!(p.years_experience, Some(4));
    assert_counts(&p, 3, 3, 0, 0);
    assert!(has(
        &p.responsibilities,
        "Build CI/CD pipelines with GitHub Actions"
    ));
    assert!(has(&p.requirements, "Terraform and Helm"));
    assert!(
        p.description
            .starts_with("Harbor & Finch runs warehouse software")
    );
    assert!(!p.description.contains("Start date"));
}

#[test]
fn plain_text_without_headings() {
    let p = fixture!("06_plain_no_headings");
    assert_basics(
        &p,
        Some("Junior QA Analyst"),
        Some("Fernhill Games"),
        Some("Manchester, UK"),
        Some(WorkArrangement::OnSite),
        Some(JobType::FullTime),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(p.years_experience, Some(1));
    assert_eq!(p.salary, None);
    assert_counts(&p, 3, 2, 1, 2);
    assert!(has(
        &p.responsibilities,
        "Write clear, reproducible bug reports in Jira"
    ));
    assert!(has(
        &p.requirements,
        "1-2 years of QA experience or a relevant degree"
    ));
    assert!(has(&p.preferred, "Experience with Appium is a plus"));
    assert!(has(&p.benefits, "Private health insurance"));
}

#[test]
fn indian_salary_and_numbered_items() {
    let p = fixture!("07_indian_salary");
    assert_basics(
        &p,
        Some("Senior Android Developer"),
        Some("Paywave Technologies"),
        Some("Bengaluru, India"),
        Some(WorkArrangement::OnSite),
        None,
        Some(ExperienceLevel::Senior),
    );
    assert_eq!(p.salary, yearly(1_800_000, 2_500_000, "INR"));
    assert_eq!(p.years_experience, Some(5));
    assert_counts(&p, 3, 3, 0, 0);
    assert!(has(
        &p.responsibilities,
        "Improve app startup time and reduce crash rates"
    ));
    assert!(has(
        &p.requirements,
        "Experience shipping apps with more than 1M installs"
    ));
}

#[test]
fn posting_without_company() {
    let p = fixture!("08_no_company");
    assert_basics(
        &p,
        Some("Financial Controller"),
        None,
        Some("Leeds"),
        None,
        Some(JobType::FullTime),
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.salary, yearly(65_000, 75_000, "GBP"));
    assert_eq!(p.years_experience, Some(4));
    assert_counts(&p, 3, 2, 1, 0);
    assert!(has(&p.requirements, "ACA, ACCA or CIMA qualified"));
    assert!(has(
        &p.preferred,
        "Strong Excel skills; experience with SAP is desirable"
    ));
}

#[test]
fn posting_without_title() {
    let p = fixture!("09_no_title");
    // No line reads like a title: the first short line is offered, with a warning to check it.
    assert!(p.title.is_some());
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].field, "title");
    assert_eq!(p.company, None);
    assert_eq!(
        p.salary,
        salary(Some(17), Some(17), "USD", SalaryPeriod::Hour)
    );
    assert!(p.description.contains("our little bakery"), "prose is kept");
    assert_counts(&p, 0, 0, 0, 0);
}

#[test]
fn hourly_contract_to_hire() {
    let p = fixture!("10_hourly_contract_to_hire");
    assert_basics(
        &p,
        Some("Salesforce Administrator"),
        Some("Bluepeak Credit Union"),
        Some("Denver, CO"),
        Some(WorkArrangement::Hybrid),
        Some(JobType::Contract),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(p.hybrid_days, Some(3));
    assert_eq!(
        p.salary,
        salary(Some(45), Some(45), "USD", SalaryPeriod::Hour)
    );
    assert_eq!(p.years_experience, Some(2));
    assert_counts(&p, 3, 3, 0, 0);
    assert!(has(
        &p.requirements,
        "Salesforce Administrator certification"
    ));
}

#[test]
fn part_time_hourly_range() {
    let p = fixture!("11_part_time_tutor");
    assert_basics(
        &p,
        Some("Math Tutor"),
        Some("Brightpath Tutoring"),
        Some("US"),
        Some(WorkArrangement::Remote),
        Some(JobType::PartTime),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(
        p.salary,
        salary(Some(30), Some(40), "USD", SalaryPeriod::Hour)
    );
    assert_eq!(
        p.years_experience,
        Some(1),
        "'10-15 hours per week' is not experience"
    );
    assert_counts(&p, 3, 3, 0, 0);
    assert!(has(
        &p.responsibilities,
        "Run one-on-one video sessions with students"
    ));
    assert!(has(
        &p.requirements,
        "A quiet workspace and reliable internet"
    ));
}

#[test]
fn internship() {
    let p = fixture!("12_internship");
    assert_basics(
        &p,
        Some("Software Engineering Intern, Summer 2025"),
        Some("Orbital Freight"),
        Some("San Francisco, CA"),
        Some(WorkArrangement::OnSite),
        Some(JobType::Internship),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(
        p.salary,
        salary(Some(48), Some(48), "USD", SalaryPeriod::Hour)
    );
    assert_eq!(p.years_experience, None);
    assert_counts(&p, 3, 3, 0, 3);
    assert!(has(&p.benefits, "Housing stipend"));
    assert!(
        !p.description.contains('|'),
        "header line is not description"
    );
}

#[test]
fn executive_with_funding_and_up_to_salary() {
    let p = fixture!("13_executive_head_of");
    assert_basics(
        &p,
        Some("Head of Engineering"),
        Some("Lumio Health"),
        Some("Remote (EU)"),
        Some(WorkArrangement::Remote),
        None,
        Some(ExperienceLevel::Executive),
    );
    assert_eq!(
        p.salary,
        salary(None, Some(200_000), "USD", SalaryPeriod::Year)
    );
    assert_eq!(p.years_experience, Some(10));
    assert_counts(&p, 4, 2, 1, 3);
    assert!(has(
        &p.preferred,
        "Experience in a regulated domain (medical devices, fintech) is a plus"
    ));
    assert_eq!(
        p.application_url.as_deref(),
        Some("https://lumio.example/careers/head-of-engineering")
    );
}

#[test]
fn european_range_on_site() {
    let p = fixture!("14_european_range_onsite");
    assert_basics(
        &p,
        Some("Mechanical Design Engineer"),
        Some("Vandermolen Robotics"),
        Some("Eindhoven, Netherlands"),
        Some(WorkArrangement::OnSite),
        None,
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.salary, yearly(55_000, 70_000, "EUR"));
    assert_counts(&p, 3, 3, 2, 4);
    assert!(has(
        &p.requirements,
        "MSc in Mechanical Engineering or equivalent"
    ));
    assert!(has(&p.preferred, "Dutch language skills"));
    assert!(has(&p.benefits, "Bicycle lease plan"));
}

#[test]
fn canadian_dollars_hybrid_three_days() {
    let p = fixture!("15_canadian_hybrid");
    assert_basics(
        &p,
        Some("Intermediate Full Stack Developer"),
        Some("Maplestack Software"),
        Some("Toronto, ON"),
        Some(WorkArrangement::Hybrid),
        None,
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.hybrid_days, Some(3));
    assert_eq!(p.salary, yearly(90_000, 110_000, "CAD"));
    assert_eq!(p.years_experience, Some(3));
    assert_counts(&p, 3, 3, 2, 3);
    assert!(has(&p.preferred, "French"));
    assert!(has(&p.benefits, "RRSP matching"));
}

#[test]
fn german_posting_salary_from() {
    let p = fixture!("16_german_from_eur");
    assert_basics(
        &p,
        Some("Senior Platform Engineer"),
        Some("Nordlicht Energie"),
        Some("Munich, Germany"),
        Some(WorkArrangement::Hybrid),
        Some(JobType::FullTime),
        Some(ExperienceLevel::Senior),
    );
    assert_eq!(p.hybrid_days, Some(2));
    assert_eq!(
        p.salary,
        salary(Some(70_000), None, "EUR", SalaryPeriod::Year)
    );
    assert_eq!(p.years_experience, Some(6));
    assert_counts(&p, 3, 2, 1, 4);
    assert!(has(&p.preferred, "Good English; German is nice to have"));
    assert!(has(
        &p.responsibilities,
        "Drive incident reviews and follow-ups"
    ));
}

#[test]
fn monthly_freelance_remote_eu() {
    let p = fixture!("17_monthly_remote_eu");
    assert_basics(
        &p,
        Some("Customer Success Manager"),
        Some("Weavely"),
        Some("Remote (EU time zones)"),
        Some(WorkArrangement::Remote),
        Some(JobType::Freelance),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(
        p.salary,
        salary(Some(4_500), Some(4_500), "EUR", SalaryPeriod::Month)
    );
    assert_counts(&p, 3, 3, 0, 0);
    assert!(has(&p.requirements, "Comfortable working async"));
    assert_eq!(
        p.application_url.as_deref(),
        Some("https://weavely.example/jobs/csm")
    );
}

#[test]
fn staff_level_with_k_usd_and_401k() {
    let p = fixture!("18_staff_k_usd");
    assert_basics(
        &p,
        Some("Staff Machine Learning Engineer"),
        Some("Cobalt Robotics"),
        Some("Boston, MA"),
        Some(WorkArrangement::OnSite),
        None,
        Some(ExperienceLevel::Lead),
    );
    assert_eq!(p.salary, yearly(120_000, 150_000, "USD"));
    assert_eq!(p.years_experience, Some(8));
    assert_counts(&p, 3, 3, 0, 3);
    assert!(has(&p.benefits, "16 weeks paid parental leave"));
    assert!(has(&p.responsibilities, "Mentor a team of 6 ML engineers"));
}

#[test]
fn inline_preferred_cues_in_one_list() {
    let p = fixture!("19_inline_preferred");
    assert_basics(
        &p,
        Some("Backend Developer (Go)"),
        Some("Stackline Payments"),
        Some("Lisbon, Portugal"),
        Some(WorkArrangement::Hybrid),
        None,
        Some(ExperienceLevel::Mid),
    );
    assert_eq!(p.salary, yearly(45_000, 60_000, "EUR"));
    assert_counts(&p, 0, 3, 4, 0);
    assert!(has(
        &p.requirements,
        "3+ years of backend development with Go"
    ));
    assert!(has(&p.preferred, "Kafka experience is a plus"));
    assert!(has(&p.preferred, "Knowledge of PCI-DSS (preferred)"));
    assert!(has(
        &p.preferred,
        "Ideally, you have worked in payments before"
    ));
    assert!(has(&p.preferred, "Portuguese (nice to have)"));
}

#[test]
fn numbered_lists_with_parentheses() {
    let p = fixture!("20_numbered_lists");
    assert_basics(
        &p,
        Some("Clinical Data Analyst"),
        Some("Meridian Research Partners"),
        Some("Raleigh, NC"),
        None,
        Some(JobType::FullTime),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(p.salary, None);
    assert_eq!(p.years_experience, Some(2));
    assert_counts(&p, 3, 3, 2, 2);
    assert!(has(
        &p.requirements,
        "Working knowledge of CDISC standards (SDTM, ADaM)"
    ));
    assert!(has(&p.preferred, "SAS Base certification"));
    assert!(has(&p.benefits, "Tuition reimbursement"));
}

#[test]
fn unicode_bullets_and_wrapped_lines() {
    let p = fixture!("21_unicode_bullets_wrapped");
    assert_basics(
        &p,
        Some("Senior iOS Engineer"),
        Some("Pocketmint"),
        Some("New York, NY"),
        Some(WorkArrangement::Hybrid),
        None,
        Some(ExperienceLevel::Senior),
    );
    assert_eq!(p.hybrid_days, Some(2));
    assert_eq!(p.salary, yearly(120_000, 150_000, "USD"));
    assert_counts(&p, 0, 3, 2, 3);
    assert!(has(
        &p.requirements,
        "5+ years building iOS apps with Swift, including at least one app you took from zero to the App Store"
    ));
    assert!(has(
        &p.requirements,
        "Comfort working closely with designers and giving thoughtful feedback on prototypes"
    ));
    assert!(has(&p.preferred, "Open-source contributions"));
    assert!(has(&p.benefits, "Top-of-the-line MacBook"));
}

#[test]
fn all_caps_headings_and_sign_on_bonus() {
    let p = fixture!("22_all_caps_headings");
    assert_basics(
        &p,
        Some("REGISTERED NURSE - ICU NIGHT SHIFT"),
        Some("St. Agnes Medical Center"),
        Some("Austin, TX"),
        Some(WorkArrangement::OnSite),
        None,
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(
        p.salary,
        yearly(95_000, 115_000, "USD"),
        "sign-on bonus is not the salary"
    );
    assert_eq!(p.years_experience, Some(2));
    assert_counts(&p, 3, 3, 0, 3);
    assert!(has(&p.requirements, "BLS and ACLS certification"));
    assert!(has(&p.benefits, "Sign-on bonus of $10,000"));
}

#[test]
fn swiss_francs_and_about_the_role() {
    let p = fixture!("23_swiss_chf");
    assert_basics(
        &p,
        Some("Lead Security Engineer"),
        Some("Alpenbank"),
        Some("Zurich, Switzerland"),
        Some(WorkArrangement::Hybrid),
        None,
        Some(ExperienceLevel::Lead),
    );
    assert_eq!(p.hybrid_days, Some(3));
    assert_eq!(p.salary, yearly(150_000, 175_000, "CHF"));
    assert_eq!(p.years_experience, Some(7));
    assert_counts(&p, 3, 3, 0, 0);
    assert!(has(&p.requirements, "Fluent German and English"));
    assert_eq!(
        p.description.split("\n\n").count(),
        2,
        "about + role paragraphs"
    );
}

#[test]
fn hiring_preamble_with_emoji() {
    let p = fixture!("24_we_are_hiring_preamble");
    assert_basics(
        &p,
        Some("Product Designer"),
        Some("Sprout & Stem"),
        None,
        Some(WorkArrangement::Remote),
        Some(JobType::FullTime),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(
        p.salary,
        yearly(45_000, 52_000, "GBP"),
        "home office budget is not the salary"
    );
    assert_counts(&p, 3, 3, 2, 3);
    assert!(has(
        &p.responsibilities,
        "Running usability tests with real customers"
    ));
    assert!(has(&p.preferred, "Illustration skills"));
    assert!(has(&p.benefits, "£500 home office budget"));
    assert!(
        !p.description.contains("hiring!"),
        "preamble is not description"
    );
}

#[test]
fn about_company_heading_part_time() {
    let p = fixture!("25_about_company_heading");
    assert_basics(
        &p,
        Some("Customer Support Specialist (German-speaking)"),
        Some("Fernweh Travel"),
        Some("Hamburg"),
        Some(WorkArrangement::Remote),
        Some(JobType::PartTime),
        None,
    );
    assert_eq!(p.salary, None);
    assert_eq!(p.years_experience, None);
    assert_counts(&p, 3, 2, 1, 2);
    assert!(has(
        &p.responsibilities,
        "Handle rebookings when ferries or flights change"
    ));
    assert!(has(
        &p.preferred,
        "Experience in customer service, ideally in travel"
    ));
    assert!(has(&p.benefits, "A yearly trip to Scandinavia on us"));
}

#[test]
fn company_pipe_title_pipe_location() {
    let p = fixture!("26_title_pipe_company");
    assert_basics(
        &p,
        Some("Junior Data Analyst"),
        Some("Greenline Transit"),
        Some("Seattle, WA"),
        Some(WorkArrangement::OnSite),
        Some(JobType::FullTime),
        Some(ExperienceLevel::Entry),
    );
    assert_eq!(p.salary, yearly(68_000, 82_000, "USD"));
    assert_eq!(p.years_experience, Some(0));
    assert_counts(&p, 3, 3, 2, 0);
    assert!(has(&p.requirements, "0-2 years of experience with SQL"));
    assert!(has(&p.preferred, "GIS experience"));
}

#[test]
fn empty_input_gives_empty_posting() {
    let p = parse_posting("");
    assert_eq!(p.title, None);
    assert_eq!(p.description, "");
    assert!(p.requirements.is_empty());
}

#[test]
fn windows_line_endings_and_bold_headings() {
    let text = "Site Reliability Engineer - Quillstone\r\n\r\n**Requirements:**\r\n- 4+ years running Linux in production\r\n- On-call experience\r\n\r\n**Benefits:**\r\n- 25 days PTO\r\n";
    let p = parse_posting(text);
    // Nothing in the text states "Quillstone" as an organisation: a "Title - X" part alone
    // may be a team or a specialty, so it stays in the title and the company is left empty.
    assert_eq!(
        p.title.as_deref(),
        Some("Site Reliability Engineer - Quillstone")
    );
    assert_eq!(p.company, None);
    assert_eq!(
        p.requirements,
        vec!["4+ years running Linux in production", "On-call experience"]
    );
    assert_eq!(p.benefits, vec!["25 days PTO"]);
    assert_eq!(p.experience_level, Some(ExperienceLevel::Mid));
}

#[test]
fn serde_uses_snake_case() {
    let p = fixture!("05_fields_one_per_line");
    let json = serde_json::to_value(&p).expect("serializes");
    assert_eq!(json["work_arrangement"], "on_site");
    assert_eq!(json["job_type"], "contract");
    assert_eq!(json["experience_level"], "mid");
    assert_eq!(json["salary"]["period"], "year");
    let back: ParsedPosting = serde_json::from_value(json).expect("deserializes");
    assert_eq!(back, p);
}

#[test]
fn parsing_is_deterministic() {
    let text = include_str!("fixtures/postings/21_unicode_bullets_wrapped.txt");
    assert_eq!(parse_posting(text), parse_posting(text));
}

#[test]
fn curly_apostrophe_hiring_prefix() {
    let p = parse_posting(
        "We\u{2019}re hiring: Senior Data Scientist \u{2013} Brightloop\n\nJoin Brightloop as our first data hire.",
    );
    assert_eq!(p.title.as_deref(), Some("Senior Data Scientist"));
    assert_eq!(p.company.as_deref(), Some("Brightloop"));
}

#[test]
fn every_prefix_and_suffix_of_fixtures_parses_without_panicking() {
    let fixtures = [
        include_str!("fixtures/postings/02_careers_markdown.txt"),
        include_str!("fixtures/postings/07_indian_salary.txt"),
        include_str!("fixtures/postings/21_unicode_bullets_wrapped.txt"),
        include_str!("fixtures/postings/24_we_are_hiring_preamble.txt"),
    ];
    for text in fixtures {
        for (index, _) in text.char_indices().step_by(9) {
            let _ = parse_posting(&text[..index]);
            let _ = parse_posting(&text[index..]);
        }
    }
}

/// The header conventions of real postings (issue 10): "Title - Team" over a company line and
/// a location line; one-line pipe headers; stacked labels; board chrome.
mod real_world_headers {
    use super::*;
    use jobwise_engine::parse_salary;

    #[test]
    fn header_pay_in_thousands_without_a_currency() {
        let p = parse_posting(
            "Carebrain | Full Stack Founding Engineer | ONSITE in San Francisco, CA | Full-Time | \
             150-180k salary + 1-2% equity\n\nWe build software for nurses.\n",
        );
        let salary = p.salary.expect("header pay is read");
        assert_eq!((salary.min, salary.max), (Some(150_000), Some(180_000)));
        assert_eq!(salary.currency, "USD");
        // A European place with no currency written anywhere: the currency is unknown.
        let p = parse_posting(
            "Acme | Backend Engineer | Berlin, Germany | 80-100k\n\nWe build payroll software.\n",
        );
        assert_eq!(p.salary, None);
        // The one sign the text uses decides it.
        let p = parse_posting(
            "Acme | Backend Engineer | Berlin, Germany | 80-100k\n\nWe raised €20M last year.\n",
        );
        assert_eq!(p.salary.map(|s| s.currency), Some("EUR".to_string()));
    }

    #[test]
    fn organisation_names_joined_by_and() {
        let p = parse_posting(
            "Public Health Nurse II\n\nThe Del Norte County Department of Health and Human \
             Services is recruiting for a nurse to serve families across the county.\n\n\
             Duties include home visits and clinics.\n",
        );
        // The whole name after "of", "and" included.
        assert!(
            p.company
                .as_deref()
                .is_some_and(|c| c.ends_with("Department of Health and Human Services")),
            "{:?}",
            p.company
        );
    }

    #[test]
    fn an_organisation_named_in_apposition() {
        let p = parse_posting(
            "General coordinator (head of mission) (F/M) – Nigeria\n\nFor more than 40 years, \
             Médecins du Monde, a campaigning medical organisation committed to international \
             solidarity, has been caring for the most vulnerable.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Médecins du Monde"));
    }

    #[test]
    fn a_facts_line_that_starts_with_the_place() {
        let p = parse_posting(
            "Manager, Employee and Labour Relations\n\n1 week ago\n\n\
             Toronto, Ontario, Canada Mount Sinai Hospital (Toronto), Sinai Health Full time\n\n\
             You will advise managers on labour relations.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Toronto, Ontario"));
    }

    #[test]
    fn career_site_place_lines() {
        // A market region in the title gives way to the city on the place line.
        let p = parse_posting(
            "Enterprise Account Executive | DACH\nDeepL\nMunich\n\nMeet DeepL\n\n\
             You will sell to large companies.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Munich"));
        // An empty region field and "Remote-" before the place.
        let p = parse_posting(
            "Backend Engineer - Contacts Team\nWise\nLondon, , United Kingdom\n\n\
             Wise is a global technology company.\n",
        );
        assert_eq!(p.location.as_deref(), Some("London, United Kingdom"));
        let p = parse_posting(
            "Enterprise Account Executive (SEA)\nUiPath\nRemote-Kuala Lumpur\n\n\
             Life at UiPath is good.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Kuala Lumpur"));
    }

    #[test]
    fn postcodes_say_which_dollar() {
        let p = parse_posting(
            "Heavy Duty Mechanic\nAcme Mining Ltd.\n1 North Ave, Flin Flon, MB R8A 1V9\n\n\
             Wage: $44.13 to $57.63 per hour\n\nWe keep the fleet running.\n",
        );
        assert_eq!(p.salary.map(|s| s.currency), Some("CAD".to_string()));
        let p = parse_posting(
            "Outdoor Worker\nShire of Example\nPort Campbell VIC 3268\n\n\
             Salary: $68,913 - $71,979 per annum\n\nWe look after the parks.\n",
        );
        assert_eq!(p.salary.map(|s| s.currency), Some("AUD".to_string()));
        // A US law and its year are no Australian postcode.
        let p = parse_posting(
            "Claims Analyst\nAcme Insurance\nAustin, TX\n\nSalary: $60,000 - $70,000 per year\n\n\
             We comply with the Americans with Disabilities ACT 1990.\n",
        );
        assert_eq!(p.salary.map(|s| s.currency), Some("USD".to_string()));
    }

    #[test]
    fn a_town_of_one_dollar_country_says_which_dollar() {
        let currency = |text: &str| parse_posting(text).salary.map(|s| s.currency);
        // Jamaica's Kingston is many times the size of any other.
        assert_eq!(
            currency(
                "Accounting Clerk\nAcme Holdings\nKingston\n\nSalary: $1,984,305 - $2,668,670 \
                 per annum\n\nWe keep the books.\n"
            ),
            Some("JMD".to_string())
        );
        assert_eq!(
            currency(
                "Outdoor Worker\nAcme Parks\nBallarat\n\nSalary: $68,913 - $71,979 per annum\n\n\
                 We look after the parks.\n"
            ),
            Some("AUD".to_string())
        );
        // A place written the US way stays in US dollars, whatever town it shares a name with.
        assert_eq!(
            currency(
                "Maintenance Worker\nAcme Works\nLocation: Victoria, MN\n\nPay: $24.70 - $37.05 \
                 per hour\n\nWe fix the roads.\n"
            ),
            Some("USD".to_string())
        );
    }

    #[test]
    fn kroner_follow_the_country_the_text_names() {
        let p = parse_posting(
            "Butikkmedarbeider\nAcme Sport AS\nOslo\n\nLønn: 35 000 kr per måned. Vi holder til \
             i Oslo sentrum.\n",
        );
        let salary = p.salary.expect("the pay is read");
        assert_eq!(salary.currency, "NOK");
        assert_eq!(salary.min, Some(35_000));
    }

    #[test]
    fn header_role_comes_from_the_text_when_the_header_names_none() {
        let p = parse_posting(
            "Bound | https://www.bound.co/ | London, UK | Full Time | Onsite / Remote\n\n\
             We're looking for a Sr. Software Engineer to join Bound!\n\nAbout Bound\n\n\
             Bound helps businesses eliminate foreign currency risk.\n\nOur Stack at Bound\n\n\
             We're mostly Java in the backend.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Sr. Software Engineer"));
        assert_eq!(p.company.as_deref(), Some("Bound"));
    }

    #[test]
    fn team_after_dash_is_not_the_company() {
        let p = parse_posting(
            "Data Scientist - Machine Learning\nDataTech Analytics\nNew York, NY | Hybrid\n\n\
             We build forecasting models for retailers.\n\nRequirements:\n- Python\n- SQL\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Data Scientist - Machine Learning")
        );
        assert_eq!(p.company.as_deref(), Some("DataTech Analytics"));
        assert_eq!(p.location.as_deref(), Some("New York, NY"));
        assert_eq!(p.work_arrangement, Some(WorkArrangement::Hybrid));
    }

    #[test]
    fn applicant_tracking_line_names_the_team_after_the_place() {
        let p = parse_posting(
            "Product Analyst\nSeattle · Business Analytics · Full-time · Hybrid\n\n\
             Who we are: a marketplace for pet care.\n\nRequirements:\n- SQL\n",
        );
        assert_eq!(p.title.as_deref(), Some("Product Analyst"));
        assert_eq!(p.company, None);
        assert_eq!(p.location.as_deref(), Some("Seattle"));
        assert_eq!(p.work_arrangement, Some(WorkArrangement::Hybrid));
    }

    #[test]
    fn dash_part_is_the_company_only_when_the_text_states_it() {
        // A team after the dash, the employer introduced in the body.
        let p = parse_posting(
            "Distinguished Engineer - Search\nUnited States\n\n\
             Northwind, the search company, helps everyone find answers. Northwind is a \
             distributed company.\n\nWhat you will do:\n- Lead the relevance roadmap\n",
        );
        assert_eq!(p.company.as_deref(), Some("Northwind"));
        assert_eq!(p.title.as_deref(), Some("Distinguished Engineer - Search"));
        // The employer after the dash, stated again in the body.
        let p = parse_posting(
            "Staff Engineer - Quillstone\n\nQuillstone is hiring a staff engineer to lead \
             our storage team.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Quillstone"));
        assert_eq!(p.title.as_deref(), Some("Staff Engineer"));
    }

    #[test]
    fn title_line_that_is_a_hiring_sentence() {
        let p = parse_posting(
            "Northwind Research is hiring Senior MLEs in Cambridge, MA (ONSITE).\n\n\
             We train forecasting models on public data.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Senior MLEs"));
        assert_eq!(p.company.as_deref(), Some("Northwind Research"));
        assert_eq!(p.location.as_deref(), Some("Cambridge, MA"));
        assert_eq!(p.work_arrangement, Some(WorkArrangement::OnSite));
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn organisation_named_by_its_shape_when_nothing_else_names_the_employer() {
        let p = parse_posting(
            "Physiotherapy Manager\n\nApplications are invited for the following position \
             within the physiotherapy department in the Northbay Hospital.\n\nDuties:\n- Lead the team\n",
        );
        assert_eq!(p.company.as_deref(), Some("Northbay Hospital"));
        // A department just before its organisation is part of it, and a name that goes on
        // ("… School Board") is not cut short.
        let p = parse_posting(
            "Lecturer in Data Science\n\nThe Department of Mathematics at Eastfield University \
             invites applications.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Eastfield University"));
        let p = parse_posting(
            "Lab Aide\n\nHourly rate set by the Watertown School Board for 2025.\n\nDuties:\n- Prepare the lab\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn organisation_that_opens_a_vacancy() {
        let p = parse_posting(
            "Laboratory Technical Officer [M/F] - 1 vacancy - LAB/TS_01/09/2019\n\n\
             The Northbay Centre for Marine Science (NCMS) opens a vacancy for a Laboratory \
             Technical Officer.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Laboratory Technical Officer"));
        assert_eq!(
            p.company.as_deref(),
            Some("Northbay Centre for Marine Science")
        );
    }

    #[test]
    fn place_above_the_title_and_station_labels() {
        let p = parse_posting(
            "San Jose\n\nElectrician I/II - Citywide\n\nSouth Bay\n\nMaintain the city's buildings.\n",
        );
        assert_eq!(p.location.as_deref(), Some("San Jose"));
        let p = parse_posting("HR Assistant\n\nDuty station: Pemba\n\nSupport recruitment.\n");
        assert_eq!(p.location.as_deref(), Some("Pemba"));
        let p = parse_posting(
            "Finance Officer\n\nThe university is based at Lanet, Nakuru County and trains officers.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Lanet, Nakuru County"));
    }

    #[test]
    fn labelled_title_cleans_a_wrapped_title_line() {
        let p = parse_posting(
            "Image with the words Assistant Laboratory Technician Vacancy\n\n\
             POSITION TITLE: Assistant Laboratory Technician\n\nJob Summary\n\nMaintain plant cultures.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Assistant Laboratory Technician"));
    }

    #[test]
    fn stacked_label_a_few_blank_lines_above_its_value_and_a_space_before_the_colon() {
        let p = parse_posting(
            "Skip to Main Content\n\nJob Title\n\n\nParks Maintenance Person\n\n\n\
             Company : Northbay Rural City Council\n\n\nLocation : Mildura, Victoria\n\nJob Description\n\nMow the parks.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Parks Maintenance Person"));
        assert_eq!(p.company.as_deref(), Some("Northbay Rural City Council"));
        assert_eq!(p.location.as_deref(), Some("Mildura, Victoria"));
    }

    #[test]
    fn prose_title_ends_after_its_role_word() {
        let p = parse_posting(
            "Finance and Accounting\n\nWe are seeking a Finance Assistant under the guidance of the \
             Finance Manager to keep our books.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Finance Assistant"));
        let p = parse_posting(
            "Kitchen\n\nWe are looking for a Chef de Partie to run our grill section.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Chef de Partie"));
    }

    #[test]
    fn pipe_header_without_a_role_names_the_company_and_leaves_the_role_to_the_text() {
        let p = parse_posting(
            "quillstone | Chicago, IL / Remote | Full-Time\n\nBuilding a runtime on Linux. We are \
             looking for Rust Developers with a deep interest in Linux internals.\n",
        );
        assert_eq!(p.company.as_deref(), Some("quillstone"));
        assert_eq!(p.title.as_deref(), Some("Rust Developers"));
        let p = parse_posting(
            "Northwind https://northwind.example | Multiple Engineering + Product Roles | Remote US | \
             Full Time\n\nWe are hiring a Full-Stack Software Engineer to build the member app.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Northwind"));
        assert_eq!(p.title.as_deref(), Some("Full-Stack Software Engineer"));
        let p = parse_posting(
            "Anterior (Series B) | Senior Member of Technical Staff | On-Site (New York, NY) | Full Time\n\nWe build tools.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Anterior"));
        assert_eq!(p.title.as_deref(), Some("Senior Member of Technical Staff"));
    }

    #[test]
    fn lines_under_a_title_found_below_the_page_opening() {
        let p = parse_posting(
            "An official website of the United States government, with jobs across the country and \
             seasonal work for everyone who wants it.\n\nOrchard Worker\n\nNorthwind Orchards, Inc.\n\n\
             Pasco, WA\n\nPick and pack apples.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Orchard Worker"));
        assert_eq!(p.company.as_deref(), Some("Northwind Orchards, Inc."));
        assert_eq!(p.location.as_deref(), Some("Pasco, WA"));
    }

    #[test]
    fn a_sentence_under_the_title_is_not_a_company_line() {
        let p = parse_posting(
            "Faculty of Practice in Data Science\n\nCleveland OH | Onsite\n\nTo view the complete job \
             description and apply, please visit\nhttps://jobs.example.edu/3954\n",
        );
        assert_ne!(
            p.company.as_deref(),
            Some("To view the complete job description and apply, please visit")
        );
    }

    #[test]
    fn first_item_of_the_open_roles_list_when_the_header_names_none() {
        let p = parse_posting(
            "Quillstone | San Francisco, CA | ONSITE\n\nWe model physical risk for homes.\n\n\
             Open Roles:\n\nMember of the Technical Staff, AI Harness (Full-time, Hybrid, $270-325k, \
             Offers Equity) - https://quillstone.example/careers\n",
        );
        assert_eq!(p.company.as_deref(), Some("Quillstone"));
        assert_eq!(
            p.title.as_deref(),
            Some("Member of the Technical Staff, AI Harness")
        );
    }

    #[test]
    fn labels_over_a_paragraph_and_labels_without_a_colon() {
        let p = parse_posting(
            "Northwind | Senior Engineer | Remote\n\nCompany: Northwind builds AI for clinics. We are 45 \
             people in New York.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Northwind"));
        let p = parse_posting(
            "Mechanical Engineer\n\nPost Name Engineer (Mechanical)\nEmployer A-1 Facility Managers\n\
             Location Parel, Mumbai\n\nMaintain the HVAC systems.\n",
        );
        assert_eq!(p.company.as_deref(), Some("A-1 Facility Managers"));
        assert_eq!(p.location.as_deref(), Some("Parel, Mumbai"));
        let p = parse_posting(
            "Outreach Coordinator\n\nLocation: This is a remote position requiring regular online \
             communication with our staff.\n\nSupport the campaign.\n",
        );
        assert_eq!(p.location, None);
    }

    #[test]
    fn careers_site_heading_names_the_employer() {
        let p = parse_posting(
            "Northwind Salmon Foundation Careers\nProject Coordinator\nhybrid\n\
             Vancouver Island, BC, Canada\n\nDescription\n\nCoordinate the restoration projects.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Project Coordinator"));
        assert_eq!(p.company.as_deref(), Some("Northwind Salmon Foundation"));
    }

    #[test]
    fn board_counters_and_eligibility_brackets_leave_the_title() {
        let p = parse_posting(
            "Accounts Officer 266 views0 applications\n\nThe Organisation\n\nKeep the accounts.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Accounts Officer"));
        let p = parse_posting(
            "Finance Assistant (Zambian Nationals Only)\n\nLusaka, Zambia\n\nKeep the books.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Finance Assistant"));
    }

    #[test]
    fn list_of_facts_under_the_title() {
        let p = parse_posting(
            "Maintenance Worker (Streets/Utilities)\n\n  • City of Arcata\n  • Arcata, California\n  \
             • Full Time\n\nMaintain streets and utilities.\n",
        );
        assert_eq!(p.company.as_deref(), Some("City of Arcata"));
        assert_eq!(p.location.as_deref(), Some("Arcata, California"));
    }

    #[test]
    fn company_first_dash_header_with_a_place() {
        let p = parse_posting(
            "Acme Robotics - Senior Backend Engineer - Remote (US)\n\nWe build warehouse robots.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Acme Robotics"));
        assert_eq!(p.title.as_deref(), Some("Senior Backend Engineer"));
        // Without a place, pay or arrangement on the line, the part before the title is only a
        // guess and needs the text's confirmation.
        let p = parse_posting(
            "Class A - Over The Road Truck Driver\n\nDrive long routes across the Midwest.\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn agency_writing_for_an_unnamed_client_names_no_company() {
        let p = parse_posting(
            "Harbourline Talent provides human resources solutions to growing firms.\n\
             We are recruiting to fill the position below:\nJob Title: Business Development Manager\n\
             Location: Ikeja, Lagos\n",
        );
        assert_eq!(p.title.as_deref(), Some("Business Development Manager"));
        assert_eq!(p.company, None);
        // A labelled company still names it.
        let p = parse_posting(
            "Bookkeeper\n\nCompany: Northwind Traders\n\nOur client is a growing retailer.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Northwind Traders"));
    }

    #[test]
    fn role_before_a_long_bracket_of_details() {
        let p = parse_posting(
            "Senior Embedded Software Engineer (C/C++, Yocto, Bare Metal, hybrid model 3 days in \
             office, 2 home office days, Where: Ruggell - Liechtenstein)\n\nGerman language skills needed!\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Senior Embedded Software Engineer")
        );
        assert_eq!(p.location.as_deref(), Some("Ruggell - Liechtenstein"));
    }

    #[test]
    fn prose_title_without_how_or_where_the_job_is_done() {
        let p = parse_posting(
            "Northwind Solutions is hiring a fully remote mid-level C#/.NET developer. We are \
             looking at an early September start date.\n\nRoss, Director of Software Development\n",
        );
        assert_eq!(p.title.as_deref(), Some("mid-level C#/.NET developer"));
        let p = parse_posting(
            "New AI startup. Looking for a Bay Area-based BD/operator.\n\nI'm a repeat founder.\n",
        );
        assert_eq!(p.title.as_deref(), Some("BD/operator"));
    }

    #[test]
    fn how_many_are_hired_is_not_part_of_the_title() {
        let p = parse_posting(
            "Northwind Security is a research firm in Brooklyn.\n\nWe're hiring 10-12 summer \
             interns to work on client projects.\n",
        );
        assert_eq!(p.title.as_deref(), Some("summer interns"));
        let p = parse_posting("3 Dossier Handlers for the renovation grant\n\nHandle the files.\n");
        assert_eq!(
            p.title.as_deref(),
            Some("Dossier Handlers for the renovation grant")
        );
    }

    #[test]
    fn grade_and_reference_after_the_role_are_cut() {
        let p = parse_posting(
            "ACCOUNTANT II, JOB GRADE - EACC 8 (1 POST), REF: EACC/FP/AII/4\n\nDuties:\n- Keep the ledgers\n",
        );
        assert_eq!(p.title.as_deref(), Some("ACCOUNTANT II"));
    }

    #[test]
    fn a_label_run_into_the_previous_value_ends_it() {
        let p = parse_posting(
            "Accountant\n\nLocation: Nairobi Available: Immediately\n\nKeep the books.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Nairobi"));
    }

    #[test]
    fn dash_separated_one_line_header() {
        let p = parse_posting(
            "Brightloop (Leeds/Bristol, UK) — Lead Full Stack Engineer — £85–120k + equity — Hybrid\n\n\
             Brightloop builds software for heat pump installers.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Brightloop"));
        assert_eq!(p.title.as_deref(), Some("Lead Full Stack Engineer"));
        assert_eq!(p.location.as_deref(), Some("Leeds/Bristol, UK"));
        assert_eq!(p.work_arrangement, Some(WorkArrangement::Hybrid));
        let salary = p.salary.expect("salary");
        assert_eq!((salary.min, salary.max), (Some(85_000), Some(120_000)));
    }

    #[test]
    fn copied_page_keeps_the_employer_logo_text() {
        let p = parse_posting(
            "Teacher for Estonian language\n\nPosted on 29/08/2024\n\nEcole Lumière logo\n\n\
             Ecole Lumière\n\nJob description\n\nA teacher is recruited for the secondary cycle.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Ecole Lumière"));
    }

    #[test]
    fn company_line_named_again_in_the_body() {
        let p = parse_posting(
            "Sales Representative\nHarbourline Trading Mall\nSales\n\n\
             Harbourline Trading Mall Ltd. runs an online market for local makers.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Harbourline Trading Mall"));
        // "Sales" is neither a known place nor stated as one.
        assert_eq!(p.location, None);
    }

    #[test]
    fn stacked_label_with_a_one_item_list_value() {
        let p = parse_posting(
            "Bookkeeper\n\nSalary\nZAR15,000 - ZAR20,000/month\n\nJob Location\n\
             - South Africa -- Gauteng -- Centurion\n\nJob Type\nPermanent\n\n\
             Qualifications:\n- Matric with Accounting\n",
        );
        assert_eq!(
            p.location.as_deref(),
            Some("South Africa -- Gauteng -- Centurion")
        );
        let salary = p.salary.expect("salary");
        assert_eq!((salary.min, salary.max), (Some(15_000), Some(20_000)));
        assert_eq!(salary.currency, "ZAR");
    }

    #[test]
    fn title_with_parenthesis_or_comma_then_company_and_location_lines() {
        let p = parse_posting(
            "Backend Engineer (Remote)\nNorthwind Traders\nAustin, Texas\n\nBuild APIs in Go.",
        );
        assert_eq!(p.title.as_deref(), Some("Backend Engineer"));
        assert_eq!(p.company.as_deref(), Some("Northwind Traders"));
        assert_eq!(p.location.as_deref(), Some("Austin, Texas"));
        assert_eq!(p.work_arrangement, Some(WorkArrangement::Remote));

        let p = parse_posting(
            "Product Designer, Growth\n\nNorthwind Ltd\nLeeds, West Yorkshire\nFull time\n\nDesign onboarding.",
        );
        assert_eq!(p.company.as_deref(), Some("Northwind Ltd"));
        assert_eq!(p.location.as_deref(), Some("Leeds, West Yorkshire"));
        assert_eq!(p.job_type, Some(JobType::FullTime));
    }

    #[test]
    fn hacker_news_one_line_header() {
        let p = parse_posting(
            "Cobalt Grid | Senior Platform Engineer | Chicago, IL | REMOTE | $150k–$180k | https://cobalt.example/jobs\n\n\
             We run the grid data platform.",
        );
        assert_eq!(p.title.as_deref(), Some("Senior Platform Engineer"));
        assert_eq!(p.company.as_deref(), Some("Cobalt Grid"));
        assert_eq!(p.location.as_deref(), Some("Chicago, IL"));
        assert_eq!(p.salary, yearly(150_000, 180_000, "USD"));

        // No role word in the role: company first, role second; the office from "ONSITE (…)".
        let p = parse_posting(
            "Val Town | https://val.town | Founding DevRel | ONSITE (Brooklyn) | Full-time\n\nWe build a platform.",
        );
        assert_eq!(p.title.as_deref(), Some("Founding DevRel"));
        assert_eq!(p.company.as_deref(), Some("Val Town"));
        assert_eq!(p.location.as_deref(), Some("Brooklyn"));
    }

    #[test]
    fn stacked_labels_and_board_chrome() {
        let p = parse_posting(
            "<!--StartFragment-->\nApply now\nSave job\nPosted 3 days ago\n\nStaff Nurse\n\nEmployer name\nLeeds Teaching Hospitals NHS Trust\n\
             Location\nLeeds\nSalary\n£45,780 - £51,393 per annum\nContract\nPermanent\n\n\
             Join our ward team caring for adults after surgery.\n\nAccept all cookies\n",
        );
        assert_eq!(p.title.as_deref(), Some("Staff Nurse"));
        assert_eq!(
            p.company.as_deref(),
            Some("Leeds Teaching Hospitals NHS Trust")
        );
        assert_eq!(p.location.as_deref(), Some("Leeds"));
        assert_eq!(p.salary, yearly(45_780, 51_393, "GBP"));
        assert_eq!(p.job_type, Some(JobType::FullTime));
        assert!(!p.description.contains("Apply now"));
        assert!(!p.description.contains("cookies"));
        assert!(!p.description.contains("StartFragment"));
    }

    #[test]
    fn salaries_from_many_countries() {
        let inr = parse_salary("CTC: ₹12 LPA").unwrap();
        assert_eq!((inr.min, inr.currency.as_str()), (Some(1_200_000), "INR"));
        let eur = parse_salary("Salary: €60k").unwrap();
        assert_eq!(
            (eur.min, eur.max, eur.currency.as_str()),
            (Some(60_000), Some(60_000), "EUR")
        );
        let hourly = parse_salary("Rate: USD 60/hour").unwrap();
        assert_eq!((hourly.min, hourly.period), (Some(60), SalaryPeriod::Hour));
        assert!(parse_salary("Salary: DOE").is_none());
        // A bare "$" in a Canadian posting is Canadian dollars.
        let p =
            parse_posting("Payroll Clerk\nMaple Foods Inc.\nToronto, Ontario\n\nPay: $25/hour\n");
        assert_eq!(p.salary.unwrap().currency, "CAD");
    }

    #[test]
    fn company_and_location_stay_null_when_not_named() {
        let p = parse_posting(
            "Warehouse Operative\n\nWe are looking for a warehouse operative to pick and pack orders on the night shift. \
             Forklift licence preferred.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Warehouse Operative"));
        assert_eq!(p.company, None);
        assert_eq!(p.location, None);
    }

    #[test]
    fn titles_from_pages_without_a_title_line() {
        // The role as the lower-case subject of its duties.
        let p = parse_posting(
            "An excellent opportunity to join our team of educators in Victoria!\n\nPosition Summary:\n\n\
             The preschool educator is responsible for providing daily care and education for the children \
             enrolled in the Preschool Program.\n\nEducation:\n\n  • Post-Secondary School, ECE/A at a minimum.\n\nOther\n\n  • References\n",
        );
        assert_eq!(p.title.as_deref(), Some("Preschool Educator"));
        // A level of schooling is not an employer.
        assert_eq!(p.company, None);
        // A bracketed unit stays with the subject's title.
        let p = parse_posting(
            "The Seasonal Operations Labourer (Parks) is required to perform labourer tasks in the Parks \
             Division of the Operations Department. Duties include the maintenance of the parks.\n\n\
             Successful candidates will have:\n- Completion of high school\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Seasonal Operations Labourer (Parks)")
        );
        // A specialty after a dash stays with the subject's title; a section heading above it is
        // no title.
        let p = parse_posting(
            "### Description\n\nThe Health Sciences Libraries seek a skilled librarian.\n\n\
             ### Responsibilities\n\nThe Medical Librarian - Podiatry will be responsible for a range \
             of information services.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Medical Librarian - Podiatry"));
        // "Applications are invited for the following posts in …: Title (grade) – Unit".
        let p = parse_posting(
            "Applications are invited for the following posts in the Ministry of Local Government: \
             Executive Secretary (OPS/SS 4) (non-vacant) – Central Administration\n\
             Salary range $2,190,302 – $2,945,712 per annum.\nJob Purpose\nReporting to the Permanent \
             Secretary, the incumbent manages the routine functions of the office.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Executive Secretary"));
    }

    #[test]
    fn logo_alt_text_is_not_the_title() {
        let p = parse_posting(
            "Logo for Primary School Teacher\n\nPrimary School Teacher\n\nBlue Gum Community School\n\
             Hornsby, NSW\nFull-time\n\nWe are on the lookout for an amazing Primary Teacher to join \
             our teaching team in Hornsby.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Primary School Teacher"));
        assert_eq!(p.company.as_deref(), Some("Blue Gum Community School"));
        let p = parse_posting(
            "Logo for Harbour Foods Ltd\n\nLine Cook\n\nAuckland\n\nWe need a line cook for our busy \
             kitchen, five shifts a week, evenings and weekends.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Line Cook"));
        assert_eq!(p.company.as_deref(), Some("Harbour Foods Ltd"));
    }

    #[test]
    fn stacked_board_headers_from_real_pages() {
        // A name above the title, a place run together with the job type under it, and a
        // stacked "Deadline for Applications" label whose value is a date, not a place.
        let p = parse_posting(
            "UNHCR\n\nAssociate Operations Officer\n\nKigali, Rwanda Full time\n\n\
             Deadline for Applications\n\nJanuary 1, 2026\n\nGrade\n\nNOB\n\n\
             The Associate Operations Officer normally works under the direct supervision of the Head of Office.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Associate Operations Officer"));
        assert_eq!(p.company.as_deref(), Some("UNHCR"));
        assert_eq!(p.location.as_deref(), Some("Kigali, Rwanda"));
        assert_eq!(p.job_type, Some(JobType::FullTime));
        // A banner line and an unknown `Label: value` line are neither company nor place.
        let p = parse_posting(
            "Deputy Sheriff\n\nVacancy Announcement\n\nAnnouncement Type:        External Agency\n\n\
             Reports to:\nOperationally to: Chief Deputy\n\nThis is an open and continuous advertisement \
             for certified officers.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Deputy Sheriff"));
        assert_eq!(p.company, None);
        assert_eq!(p.location, None);
    }

    #[test]
    fn brand_and_site_before_is_hiring() {
        let p = parse_posting(
            "Hotel Manager\n\nMandarin Oriental, Sanya is looking for a Hotel Manager to join our Executive \
             Leadership Team. We run hotels and resorts around the world.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Mandarin Oriental"));
        // A legal form after the comma stays part of the name.
        let p = parse_posting(
            "Bookkeeper\n\nHarbour Foods, Inc. is hiring a part-time bookkeeper for its Auckland office, \
             three days a week.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Harbour Foods, Inc."));
    }

    #[test]
    fn grades_and_board_suffixes_leave_the_title() {
        let p = parse_posting(
            "Legal Administrative Officer (MR-5)\n\nEmployer: Gauteng Provincial Legislature\n\
             Location: Gauteng\n\nJoin the legal team to support lawmaking and oversight.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Legal Administrative Officer"));
        let p = parse_posting(
            "Senior State Law Advisor: Legal Advisory Services Jobs\n\n  • Full Time\n\n\
             Mpumalanga Office of the Premier\n\nThe office is committed to five strategic goals.\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Senior State Law Advisor: Legal Advisory Services")
        );
        // A requisition number or an acronym of the role is no grade.
        let p = parse_posting(
            "Senior Cloud Infrastructure Engineer (SRE)\n\nAcme Corp\nBerlin, Germany\n\n\
             You will run our platform.\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Senior Cloud Infrastructure Engineer (SRE)")
        );
    }

    #[test]
    fn a_place_on_its_own_line_near_the_top() {
        let p = parse_posting(
            "2026 Ireland Project Management Career Path: Transport\nDublin, IE\n\
             Please note you may only submit one application for our graduate opportunities.\n\
             Join us as a Graduate Project Manager and help deliver projects that connect people.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Dublin, IE"));
        // A role with a state code after it is no place.
        let p = parse_posting(
            "Job Title\nAccounts Officer, CO\n\nThe Accounts Officer keeps the books of the country office and \
             reports to the finance manager every month.\n",
        );
        assert_eq!(p.location, None);
    }

    #[test]
    fn organisations_named_on_real_pages() {
        // An authority's name in capitals, and its full name with "of".
        let p = parse_posting(
            "This position is responsible for the daily delivery of documents within Kingston.\n\
             MARITIME AUTHORITY OF JAMAICA\nPosition: Driver, Level 2\n\nJOB PURPOSE\n\
             Under the general supervision of the Office Manager, the driver delivers mail for the Maritime \
             Authority of Jamaica.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Maritime Authority of Jamaica"));
        // A Dutch municipality.
        let p = parse_posting(
            "Medewerker Salarisadministratie\n36 Parttime Overheid Mbo\nBouw mee met gemeente Westland. \
             Gemeente Westland is met ruim 100.000 inwoners een van de grootste gemeenten in Nederland.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Gemeente Westland"));
        // "is actively recruiting", with a curly apostrophe in the name.
        let p = parse_posting(
            "Deputy Sheriff\n\nWalton County Sheriff’s Office is actively recruiting for the position of \
             Certified Deputy Sheriff. This is an open and continuous advertisement.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Walton County Sheriff’s Office"));
        // A short name in the bullet before the place bullet.
        let p = parse_posting(
            "Registered Nurse (RN) Per Diem - MedSurg\n\n  • MUSC\n  • Lancaster, South Carolina\n  • 02/16/2026\n\
             Full time\n\nJob Description\n\nThe Registered Nurse reports to the Nurse Manager.\n",
        );
        assert_eq!(p.company.as_deref(), Some("MUSC"));
        assert_eq!(p.location.as_deref(), Some("Lancaster, South Carolina"));
    }

    #[test]
    fn organisation_as_subject_after_an_opening_clause() {
        let p = parse_posting(
            "Join us as a\nMarket Coordinator!\nWith over 100 vendors, the Salt Spring Saturday Market is one of \
             the original outdoor markets in British Columbia.\n\nJob Description\nThe Market Coordinator \
             organises the Saturday Market.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Salt Spring Saturday Market"));
        let p = parse_posting(
            "About\nPosition: Nighttime Line Cook\nReports to: Executive Chef\nKnown for its innovative menu, \
             Marilena Café and Raw Bar in Victoria is an award-winning restaurant.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Marilena Café and Raw Bar"));
    }

    #[test]
    fn heading_glued_to_the_first_sentence() {
        let p = parse_posting(
            "Job PurposeThe Payroll Clerk will be responsible for assisting with the accurate and timely \
             processing of payroll for employees on a contract basis. The role requires attention to detail.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Payroll Clerk"));
    }

    #[test]
    fn titles_from_run_on_lines_and_role_lists() {
        // A first line that runs on into the description after a dash.
        let p = parse_posting(
            "Technical Product Marketer at Inferless.com - You will be taking care of all things content \
             marketing, SEO and Social Media. Understand the needs of our ideal customer.\n\
             At Inferless we are building a reliable Serverless GPU Inference for AI/ML Companies.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Technical Product Marketer"));
        assert_eq!(p.company.as_deref(), Some("Inferless.com"));
        // A dash inside a title line that does not run on stays in the title.
        let p = parse_posting(
            "Teacher (M/F/D) for Estonian language - Secondary cycle (5 periods/week - CDD 2 Years)\n\n\
             The school teaches Estonian to secondary pupils in Luxembourg.\n",
        );
        assert!(p.title.unwrap().contains("Secondary cycle"));
        // "Roles currently available:" before a list whose first item names the role.
        let p = parse_posting(
            "OpenRent | London, UK | Full-Time | ONSITE | https://www.openrent.co.uk\n\n\
             What sucked the last time you rented a flat? Come and fix it.\n\nRoles currently available:\n\n\
             - Senior Full-Stack Engineer | 110k+ (based on experience) + quarterly bonus\n\n\
             All roles visible here: https://www.openrent.co.uk/jobs\n",
        );
        assert_eq!(p.title.as_deref(), Some("Senior Full-Stack Engineer"));
    }

    #[test]
    fn board_titles_from_africa_and_the_caribbean() {
        // A unit of the organisation is not the title; the grade leaves the labelled one.
        let p = parse_posting(
            "\nCity of Mutare\nDUE: 28 MAR 2025\nCHAMBER SECRETARY’S DEPARTMENT\nVACANCY: LEGAL MANAGER GRADE 13\n\
             Applications are invited from suitably qualified persons to fill the vacant post of\nLEGAL MANAGER.\n",
        );
        assert_eq!(p.title.as_deref(), Some("LEGAL MANAGER"));
        // A post count in words and figures, and a vacancy number after dashes.
        let p = parse_posting(
            "ACCOUNTANT II – TWO HUNDRED AND FIFTY (250) POSTS – V/NO. 7/2021\n\n\
             Basic Salary Scale: Ksh.31,270 – Ksh.41,260 p.m. (CSG – 11)\n\nDuties include keeping the books.\n",
        );
        assert_eq!(p.title.as_deref(), Some("ACCOUNTANT II"));
        let p = parse_posting(
            "Project Officer (2 Positions)\n\nLilongwe\n\nThe organisation seeks two officers for its \
             water programme in the central region.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Project Officer"));
        // A labelled role right under the page's heading wins over the heading.
        let p = parse_posting(
            "Inter Aide Malawi\nInter Aide: Maintenance Project\nPOSITION: District project officer\n\
             Inter Aide began maintenance projects in 1991 as part of its WASH initiatives.\n",
        );
        assert_eq!(p.title.as_deref(), Some("District project officer"));
        // A French label; a date line is never the title.
        let p = parse_posting(
            "Titre du Poste : Assistant(e) Administratif(ve) et Financier(e) de projet\n\
             Lieu d'affectation : Dakar\n\nLe projet appuie les coopératives.\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Assistant(e) Administratif(ve) et Financier(e) de projet")
        );
        assert_eq!(p.location.as_deref(), Some("Dakar"));
        let p = parse_posting(
            "February 19, 2025\n\nOverview\n\nApplicants are invited to fill the following vacant position at \
             St. Jude Hospital: Medical Technologists \n\nQualifications and Experience\n",
        );
        assert_eq!(p.title.as_deref(), Some("Medical Technologists"));
    }

    #[test]
    fn stock_recruiting_phrase_names_the_employer_only_when_it_is_not_an_agency() {
        let p = parse_posting(
            "Graphics Designer – Individual Consultancy\n\nThe United Nations Development Programme (UNDP) is \
             the United Nations’ global development network.\n\nWe are recruiting to fill the position below:\n\n\
             Job Title: Graphics Designer\n\nLocation: Home Based, Nigeria\n",
        );
        assert_eq!(
            p.company.as_deref(),
            Some("United Nations Development Programme")
        );
        let p = parse_posting(
            "Elizabeth Maddeux provides a range of human resources solutions designed to empower your \
             workforce.\nWe are recruiting to fill the position below:\nJob Title: Business Development Manager\n\
             Location: Ikeja, Lagos\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn local_dollars_from_words_only_one_country_uses() {
        let p = parse_posting(
            "Station Electrician\n\nJoin the Australian Antarctic Program for a summer season.\n\n\
             Salary: $83,375 per annum plus allowances.\n",
        );
        assert_eq!(p.salary.unwrap().currency, "AUD");
        let p = parse_posting(
            "Driver, Level 2\n\nThe Maritime Authority of Jamaica needs a driver in Kingston.\n\n\
             Salary range: $1,550,136 – $2,084,761 per annum.\n",
        );
        assert_eq!(p.salary.unwrap().currency, "JMD");
        // A US posting that also names Canada keeps US dollars.
        let p = parse_posting(
            "Account Executive\n\nAcme Corp\n\nWe sell across the United States and Ontario. Full benefits \
             and a 401(k) match.\n\nPay: $90,000 - $110,000 per year.\n",
        );
        assert_eq!(p.salary.unwrap().currency, "USD");
    }

    #[test]
    fn a_repeated_title_line_and_french_place_labels() {
        let p = parse_posting(
            "Legal Affairs Officer - P3\n\nLegal Affairs Officer - P3\n\n\
             COMESA - Common Market for Eastern and Southern Africa\n\nLusaka, Zambia\n\nPURPOSE OF THE JOB\n\n\
             The officer advises the Secretariat on legal matters.\n",
        );
        assert_eq!(
            p.company.as_deref(),
            Some("COMESA - Common Market for Eastern and Southern Africa")
        );
        assert_eq!(p.location.as_deref(), Some("Lusaka, Zambia"));
        let p = parse_posting(
            "Assistant Administratif\n\nLieu du Travail : Sénégal\n\nLe projet appuie les coopératives agricoles.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Sénégal"));
    }

    #[test]
    fn more_currency_codes_but_not_a_programming_language() {
        let found = parse_salary("Salary: UGX 86,951,739/= p.a").unwrap();
        assert_eq!(
            (found.min, found.currency.as_str()),
            (Some(86_951_739), "UGX")
        );
        let found = parse_salary("Offer: 3,012,761 KSHS per annum").unwrap();
        assert_eq!(found.currency, "KES");
        let found = parse_salary("Kuukausipalkkasi tulee olemaan 4 000 – 6 000 euroa").unwrap();
        assert_eq!(
            (found.min, found.max, found.currency.as_str()),
            (Some(4000), Some(6000), "EUR")
        );
        let p = parse_posting(
            "Backend Engineer\n\nAcme Ltd\nLondon, UK\n\nWe use PHP 8 and Laravel 10 on a monolith \
             serving many customers every day.\n",
        );
        assert_eq!(p.salary, None);
    }

    #[test]
    fn a_turkish_locative_names_the_place() {
        let p = parse_posting(
            "Satış Danışmanı\n\nŞirketimizin Ankara'daki ofislerinde görev alacak çalışma \
             arkadaşları arıyoruz.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Ankara"));
        // Not an English possessive, nor a town the gazetteer does not know.
        let p = parse_posting("Sales Assistant\n\nJoin Acme's team at Bellamy'de shop today.\n");
        assert_eq!(p.location, None);
    }

    #[test]
    fn a_capitalised_at_splits_the_employer_off_the_title() {
        for header in [
            "Warehouse Supervisor At Acme Foods",
            "WAREHOUSE SUPERVISOR AT ACME FOODS",
        ] {
            let p = parse_posting(&format!(
                "{header}\n\n{header} 1 Position\nNairobi, Kenya\n\nWe are hiring a warehouse \
                 supervisor to run the night shift and keep stock records.\n"
            ));
            assert_eq!(
                p.title.as_deref().map(str::to_lowercase).as_deref(),
                Some("warehouse supervisor"),
                "{header}"
            );
            assert_eq!(
                p.company.as_deref().map(str::to_lowercase).as_deref(),
                Some("acme foods"),
                "{header}"
            );
        }
        // A board's headline: the month and the town after the employer go.
        let p = parse_posting(
            "Restaurant Manager (2 posts) Job Vacancy At Acme Hotels Arusha February 2026\n\n\
             We are hiring a restaurant manager to lead the dining room team.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Acme Hotels"));
        // "Air Tanzania" keeps its country: one word would be left.
        let p = parse_posting(
            "Cabin Crew Job Vacancy At Air Tanzania February 2026\n\n\
             We are hiring cabin crew to serve passengers on regional flights.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Air Tanzania"));
        // A word that only starts like a month is no month.
        let p = parse_posting(
            "Event Manager At Acme Marathon 2026\n\n\
             We are hiring an event manager for the race weekend.\n",
        );
        assert_ne!(p.company.as_deref(), Some("Acme"));
        // "at" inside a bracket or a set phrase names no employer.
        for line in [
            "Customer Service Representative (Work At Home)",
            "Tutor for At Risk Students",
            "ASSOCIATE ATTORNEY AT LAW",
        ] {
            let p = parse_posting(&format!(
                "{line}\n\nWe are hiring for this role on a permanent basis.\n"
            ));
            assert_eq!(p.company, None, "{line}");
        }
        // "Work At Home Agent" names no employer: what comes before "At" is no role.
        let p = parse_posting(
            "Work At Home Agent\n\nAnswer customer calls from home on a set schedule.\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn an_organisation_introducing_itself_in_other_languages_is_the_employer() {
        for (text, name) in [
            // "Elle recrute": the pronoun is no employer.
            (
                "Chargé de projet\n\nNordeau est l'agence régionale de l'eau. Elle recrute un \
                 chargé de projet pour ses programmes.\n",
                "Nordeau",
            ),
            (
                "Coordinador de proyecto\n\nAyuda Norte es una organización humanitaria que \
                 trabaja en la región.\n",
                "Ayuda Norte",
            ),
            (
                "Projektleiter\n\nWir suchen eine Projektleitung. Bergwerk Jugendhilfe ist ein \
                 gemeinnütziger Träger der Jugendhilfe.\n",
                "Bergwerk Jugendhilfe",
            ),
        ] {
            assert_eq!(parse_posting(text).company.as_deref(), Some(name), "{text}");
        }
        // A skill "is an asset": no organisation word follows.
        let p = parse_posting(
            "Chargé de projet\n\nNous cherchons un chargé de projet. Anglais est un atout pour \
             ce poste.\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn organisations_mentioned_in_passing_are_not_the_employer() {
        for passing in [
            "Requirements: Bachelor's degree from a Recognised University or College.",
            "E-Verify is used per Department of Homeland Security rules.",
            "Must hold a Food Safety Certificate issued by the Health Authority of the State.",
            "Candidates who studied at Harvard University are welcome, as are others.",
            "Benefits include a pension with Aviva Limited.",
            "Microsoft Excel is a must for this role.",
            "Python is a big plus.",
            "Requires a driver's license valid in the State of Maryland.",
            "Current licensure by the State of Mississippi is required.",
        ] {
            let p = parse_posting(&format!(
                "Warehouse Operative\n\nWe are looking for a warehouse operative to pick and pack \
                 orders on the night shift.\n\n{passing}\n"
            ));
            assert_eq!(p.company, None, "{passing}");
        }
        // A state that employs is the employer.
        let p = parse_posting(
            "Warehouse Operative\n\nWe are looking for a warehouse operative to pick and pack \
             orders on the night shift.\n\nAs an employee of the State of Tennessee, you will \
             enjoy great benefits.\n",
        );
        assert_eq!(p.company.as_deref(), Some("State of Tennessee"));
        // Named as the place of work, the same shape is the employer.
        let p = parse_posting(
            "Faculty of Practice in Data Science\n\nThe Department of Mathematics at John Carroll University \
             seeks a faculty member to teach data science.\n",
        );
        assert_eq!(p.company.as_deref(), Some("John Carroll University"));
    }

    #[test]
    fn a_salary_word_counts_in_the_amounts_own_sentence() {
        let p = parse_posting(
            "Chef de Partie\n\nIt is ideal if you speak Spanish. Salary of up to £27,000, depending on experience. \
             Apartments can be found nearby for 500 Euros per month.\n",
        );
        let salary = p.salary.unwrap();
        assert_eq!(
            (salary.max, salary.currency.as_str()),
            (Some(27_000), "GBP")
        );
        let p = parse_posting(
            "Maintenance Worker\n\nMaintenance Worker I: $43,454.35 - $55,459.98/year*. Starting salary is \
             typically at Step 1 of the Salary Scale ($20.89/hr).\n",
        );
        assert_eq!(p.salary.unwrap().min, Some(43_454));
    }

    #[test]
    fn hospitality_and_parish_titles() {
        let p = parse_posting(
            "Job Purpose:\nThe Chef de Partie is responsible for managing a specific section of the kitchen.\n\
             Key Responsibilities:\nOversee a section in the kitchen.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Chef de Partie"));
        let p = parse_posting(
            "Chef de Partie x4 - Summer 23/24\n\nKaiteriteri Beach Resort\nNelson, New Zealand\n\n\
             Join our kitchen brigade for the busy season.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Chef de Partie"));
        let p = parse_posting(
            "Parish Administrator Job Posting\n\nThe parish office needs an administrator three days a week \
             to keep records and answer the phone.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Parish Administrator"));
        // Education levels and regulations are not employers.
        let p = parse_posting(
            "Library Assistant\n\nRequired Education: Some College\n\nPositions are safety sensitive under \
             Department of Transportation (DOT) drug and alcohol regulations.\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn places_in_africa_and_asia() {
        let p = parse_posting(
            "Sales Representative (Anambra)\nNaijazone Online Shopping Mall\nSales\n\n\
             Job Description/Requirements\nSell our products to shops in the state.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Anambra"));
        let p = parse_posting(
            "Project Officer\n\nLilongwe\n\nThe organisation seeks an officer for its water programme.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Lilongwe"));
    }

    #[test]
    fn a_kind_of_organisation_without_its_name_is_no_company() {
        let p = parse_posting(
            "Finance and Accounts Officer\n\nUniversity is hiring an officer to keep the accounts of \
             its faculties and pay suppliers on time.\n",
        );
        assert_eq!(p.company, None);
    }
}

/// Title notices, board codes and lines that are not names, met on copied job pages.
mod page_notices {
    use super::*;

    #[test]
    fn notice_words_around_the_title_are_dropped() {
        let body =
            "\n\nThe post holder will keep the project's records and report to the manager.\n";
        for (line, title) in [
            (
                "Open Position: Parish Administrator",
                "Parish Administrator",
            ),
            (
                "Vacancy Announcement: Project Officer - CLOSED",
                "Project Officer",
            ),
            ("Post of: Assistant Engineer", "Assistant Engineer"),
            (
                "Mathematics Teacher Job Opportunity - December 2025",
                "Mathematics Teacher",
            ),
            (
                "Teacher, Elementary Dual Language Spanish Immersion(100)(187",
                "Teacher, Elementary Dual Language Spanish Immersion",
            ),
            (
                "Sous Chef, £28,000 to £32,000 per annum plus Tronc",
                "Sous Chef",
            ),
        ] {
            let p = parse_posting(&format!("{line}{body}"));
            assert_eq!(p.title.as_deref(), Some(title), "{line}");
        }
    }

    #[test]
    fn an_employer_hiring_line_and_a_required_line_give_the_role() {
        let p = parse_posting(
            "HCP&R Hiring Part-Time Seasonal Maintenance Technicians\n\nMow, trim and keep the \
             park grounds tidy through the season.\n",
        );
        // "Part-Time" is the employment type, not part of the title.
        assert_eq!(p.title.as_deref(), Some("Seasonal Maintenance Technicians"));
        let p = parse_posting(
            "Sous Chef required for a busy gastro pub in Preston. We are looking for someone who \
             loves fresh food.\n\nYou will run the kitchen on the head chef's days off.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Sous Chef"));
    }

    #[test]
    fn a_vacancy_year_inside_the_title_is_dropped() {
        let p = parse_posting(
            "Deputy Director (Finance) Vacancies 2026\n\nApplications are invited from suitably \
             qualified persons for the post below.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Deputy Director (Finance)"));
    }

    #[test]
    fn a_part_of_a_city_after_the_title_is_the_location() {
        let p = parse_posting(
            "Sous Chef - Central London\n\nA busy brasserie needs a sous chef for its new site.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Sous Chef"));
        assert_eq!(p.location.as_deref(), Some("Central London"));
    }

    #[test]
    fn dates_addresses_counts_and_restated_titles_are_not_companies() {
        for second in [
            "Effective March 14, 2023",
            "260 Brays Landing Road",
            "5",
            "Regular > Regular Assignment",
            "Clinical Nurse – Recovery Unit",
        ] {
            let p = parse_posting(&format!(
                "Clinical Nurse - Recovery Unit\n{second}\n\nYou will care for patients after \
                 their procedures and work closely with the charge nurse.\n"
            ));
            assert_eq!(p.company, None, "{second}");
        }
    }

    #[test]
    fn a_church_society_or_resort_named_in_the_text_is_the_company() {
        let p = parse_posting(
            "Parish Administrator\n\nThe administrator provides support to all ministry \
             activities at Zion Episcopal Church and keeps its calendar.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Zion Episcopal Church"));
    }

    #[test]
    fn a_lower_case_role_accountable_to_someone_is_the_title() {
        let p = parse_posting(
            "Job description\nThe cleaner is accountable in the first instance to the practice \
             manager.\nDuties:\n1. Vacuum and wash all floors.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Cleaner"));
    }

    #[test]
    fn dutch_and_german_ranges_per_month() {
        let p = parse_posting(
            "Beleidsadviseur\n\nGemeente Utrecht zoekt een adviseur.\n\nSalaris: € 3.052 tot € 4.297 \
             per maand\n",
        );
        assert_eq!(
            p.salary,
            salary(Some(3052), Some(4297), "EUR", SalaryPeriod::Month)
        );
        let p = parse_posting(
            "Softwareentwickler\n\nGehalt: 4.000 € bis 5.000 € pro Monat\n\nDu entwickelst unsere \
             Plattform weiter.\n",
        );
        assert_eq!(
            p.salary,
            salary(Some(4000), Some(5000), "EUR", SalaryPeriod::Month)
        );
    }

    #[test]
    fn band_points_years_and_repeated_currency_in_ranges() {
        let p = parse_posting(
            "Clinical Nurse\n\nHourly breakdown of salary range:\nMinimum $32.69 - Midpoint $48.56 - \
             Maximum $64.42\n\nYou will care for patients after their procedures.\n",
        );
        assert_eq!(
            p.salary,
            salary(Some(33), Some(64), "USD", SalaryPeriod::Hour)
        );
        let p = parse_posting(
            "Cleaner\n\nHourly Wage: Grade 2, SCP 5-7 with effect from 01 March 2025 - £12.13 to \
             £12.33 gross per hour\n\nYou will keep the school clean.\n",
        );
        assert_eq!(
            p.salary,
            salary(Some(12), Some(12), "GBP", SalaryPeriod::Hour)
        );
        let p = parse_posting(
            "Accountant II\n\nBasic Salary Scale: Ksh.31,270 – Ksh.41,260 p.m. (CSG – 11)\n\nYou \
             will keep the books of the ministry.\n",
        );
        assert_eq!(
            p.salary,
            salary(Some(31270), Some(41260), "KES", SalaryPeriod::Month)
        );
    }

    #[test]
    fn australian_pay_words_make_a_bare_dollar_australian() {
        let p = parse_posting(
            "Graduate Engineer\n\nStrathpine, Qld\n\n$79,563pa + super\n\nJoin our graduate \
             program and rotate through our engineering teams.\n",
        );
        assert_eq!(p.salary.map(|s| s.currency).as_deref(), Some("AUD"));
        // A superannuation rate after the pay, with no place stated.
        let p = parse_posting(
            "Early Childhood Educator\n\nSalary: $61,200 - $64,900 per annum + 11.5% super\n\n\
             Join our centre team and plan play-based learning for the toddler room.\n",
        );
        assert_eq!(p.salary.map(|s| s.currency).as_deref(), Some("AUD"));
        // A percentage of supervision is no superannuation.
        let p = parse_posting(
            "Team Leader\n\nSalary: $61,200 - $64,900 per annum\n\nAbout 50% supervision of \
             the night crew and 50% hands-on work.\n",
        );
        assert_eq!(p.salary.map(|s| s.currency).as_deref(), Some("USD"));
    }

    #[test]
    fn a_place_in_the_opening_sentence_of_a_seeking_employer() {
        let p = parse_posting(
            "A private nature reserve in Gansbaai is seeking a dedicated Chef de Partie to run a \
             section of its kitchen.\n\nDuties include menu preparation.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Gansbaai"));
    }

    #[test]
    fn a_stacked_hiring_location_in_a_facts_list() {
        let p = parse_posting(
            "MEAL Officer\n\n  • Date posted\n\n    2025-02-03\n\n  • Hiring location\n\n    \
             Kigoma\n\nThe officer will support the programme's monitoring.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Kigoma"));
    }

    #[test]
    fn with_no_title_line_the_role_the_text_names_is_the_title() {
        let p = parse_posting(
            "Type of offer\nField post\nContract\nFixed term\n\nPlaced under the project manager, \
             the Support Functions Manager is responsible for the office's support functions.\n\n\
             He/she coordinates the planning of all projects. Our Support Functions Manager also \
             keeps the registers.\n",
        );
        // ", the Support Functions Manager is responsible for": the subject of its duties.
        assert_eq!(p.title.as_deref(), Some("Support Functions Manager"));
    }

    #[test]
    fn a_bullet_verb_is_not_a_guessed_role() {
        let p = parse_posting(
            "The successful candidate should:\n\n• Assist and support the Principal in running the \
             school day to day\n\n• Assist with timetabling and cover for absent staff members\n",
        );
        assert_ne!(p.title.as_deref(), Some("Assist"));
    }

    #[test]
    fn a_board_heading_named_by_its_domain_is_skipped_and_a_gender_marker_marks_the_title() {
        let p = parse_posting(
            "Stellenmarkt-direkt.de - Jobbörse, Stellenangebote, Jobs\n\nInhouse SAP HCM Key User \
             (m/w/d)\n\nFür ein führendes Unternehmen suchen wir einen Key-User SAP HCM in Vollzeit.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Inhouse SAP HCM Key User"));
        assert_eq!(p.company, None);
    }

    #[test]
    fn an_employer_situated_somewhere_is_seeking() {
        let p = parse_posting(
            "Montessori Life Primary situated in the capital city, Mbabane, is seeking an \
             innovative individual to take on a leadership role.\n\nThe Deputy Principal must be \
             able to step in for the Principal.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Montessori Life Primary"));
    }

    #[test]
    fn a_place_before_is_seeking_and_a_labelled_address_name_no_company() {
        let p = parse_posting(
            "Chef de Partie\n\nA private nature reserve in Gansbaai is seeking a dedicated Chef de \
             Partie to run a section of its kitchen.\n",
        );
        assert_eq!(p.company, None);
        let p = parse_posting(
            "Apple Harvesters\n\nEmployer: 260 Brays Landing Road\n\nThe worker will hand \
             harvest apples from a platform or a ladder.\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn hacker_news_headers_with_long_place_lists_asides_and_role_paragraphs() {
        let p = parse_posting(
            "RINSE | REMOTE or San Francisco, Los Angeles, Chicago, Boston, New York, or Washington \
             DC | Software Engineers | Full-Time | https://www.rinse.com\n\nRinse provides dry \
             cleaning and laundry delivery.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Software Engineers"));
        assert_eq!(p.company.as_deref(), Some("RINSE"));
        let p = parse_posting(
            "Nexvia | hybrid / onsite | Luxembourg, Luxembourg | Software engineer, senior, also \
             looking for an intern\n\nNexvia is a modern real estate agency.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Software engineer, senior"));
        let p = parse_posting(
            "Volition | Lead Engineer (Customer UX Owner) | $150K-$175K + equity | Full Time, Full \
             Remote US\n\nRole: You'll own the whole marketplace UX and work with the founders to \
             build out a lot of functionality.\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Lead Engineer (Customer UX Owner)")
        );
        let p = parse_posting(
            "Various vacancies for C++ Software Engineers in Switzerland.\n\nLocation: Heerbrugg, \
             Switzerland\nWe offer relocation support\n",
        );
        assert_eq!(p.title.as_deref(), Some("C++ Software Engineers"));
    }

    #[test]
    fn bands_codes_counts_and_blog_headings_around_titles() {
        let body = "\n\nYou will support the ward team and keep patient records up to date.\n";
        for (line, title) in [
            (
                "Band 2 Health Care Support Worker - Rolling",
                "Health Care Support Worker",
            ),
            (
                "Candidate Legal Practitioner (TB00159) x4 Positions",
                "Candidate Legal Practitioner",
            ),
            (
                "One thought on “CLEANER: SESSIONAL (X2 POSTS)",
                "CLEANER: SESSIONAL",
            ),
            (
                "Manager, Product, Bal Harbour\nChanel\nBal Harbour, FL",
                "Manager, Product",
            ),
        ] {
            let p = parse_posting(&format!("{line}{body}"));
            assert_eq!(p.title.as_deref(), Some(title), "{line}");
        }
    }

    #[test]
    fn unnamed_and_generic_organisations_are_no_company() {
        let p = parse_posting(
            "Manager of Works – Regional Queensland Council\n\nA Regional Queensland Council is \
             seeking an experienced Manager of Works to lead its civil works programme.\n",
        );
        assert_eq!(p.company, None);
        let p = parse_posting(
            "Communications Manager\n\nYou will report to the City Council and brief the County \
             Council on outreach.\n",
        );
        assert_eq!(p.company, None);
        let p = parse_posting(
            "Chef de Partie\nSummary\n\nCook and plate the starters section during service.\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn markdown_escapes_and_decimal_commas_in_pay() {
        let p = parse_posting(
            "Product Marketing Manager\n\n* Base Salary: 60\\.000€ - 75\\.000€ gross yearly\n\nYou \
             will own our positioning.\n",
        );
        assert_eq!(p.salary, yearly(60_000, 75_000, "EUR"));
        let p = parse_posting(
            "Teacher\n\n- Remuneration: R55 679,29pm (basic salary)\n\nYou will teach grade 4.\n",
        );
        assert_eq!(
            p.salary,
            salary(Some(55679), Some(55679), "ZAR", SalaryPeriod::Month)
        );
        let p = parse_posting(
            "Manager, Product\n\nThe anticipated base salary range for this position is $87,500 \
             through $120,000.\n",
        );
        assert_eq!(p.salary, yearly(87_500, 120_000, "USD"));
    }

    #[test]
    fn rupees_of_a_named_country_other_than_india() {
        let p = parse_posting(
            "Deputy Director (Finance)\n\nInstitution: Parliament of Sri Lanka\n\nSalary: Rs. \
             109,090 - 153,070 per month\n",
        );
        assert_eq!(p.salary.map(|s| s.currency).as_deref(), Some("LKR"));
    }

    #[test]
    fn labelled_details_are_not_titles_and_the_post_of_a_role_is_the_role() {
        let p = parse_posting(
            "Job ID: 54702\nDivision & Section: City Clerk’s Office, Toronto Elections\nWork \
             Location: 89 Northline Road, Toronto, ON\nReporting to the Operations Director, The \
             Manager of Communications & Outreach is part of a team that runs elections.\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Manager of Communications & Outreach")
        );
        let p = parse_posting(
            "NATIONAL INSTITUTE OF MENTAL HEALTH\n\nInvites applications for the post of Staff \
             Nurse;\n\nCandidates must hold a nursing degree.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Staff Nurse"));
    }

    #[test]
    fn companies_after_a_bullet_or_as_the_subject_of_exists_to() {
        let p = parse_posting(
            "Jobs in Germany\n\n  • Berlin\n\n  • At Paymentology, we’re redefining what’s possible \
             in payments.\n\nYou will run our card issuing platform.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Paymentology"));
        let p = parse_posting(
            "Senior Product Manager\n\nWork changed. Pay didn’t. Coverflex exists to make \
             compensation work for everyone.\n\nYou will own the benefits roadmap.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Coverflex"));
    }

    #[test]
    fn work_done_on_behalf_of_clients_is_not_an_agency_posting() {
        let p = parse_posting(
            "Call Center Agents\nProcera Group\nPietermaritzburg, KwaZulu-Natal\nPermanent\n\n\
             Purpose of the Job\n\n  • Ensure the effective collection of outstanding debt on \
             behalf of our client, in strict compliance with the law.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Procera Group"));
        let p = parse_posting(
            "Payroll Officer\n\nWe are recruiting on behalf of our client, a manufacturer in \
             Leeds, for a payroll officer.\n",
        );
        assert_eq!(p.company, None);
    }

    #[test]
    fn places_behind_icon_words_posting_dates_postal_codes_and_labels() {
        let p = parse_posting(
            "MEAL Officer\n\nroomDar es Salaam\n\nbusiness_centerFull Time\n\nThe officer will \
             track the programme's indicators.\n",
        );
        assert_eq!(p.location.as_deref(), Some("Dar es Salaam"));
        let p = parse_posting(
            "Creditors and Cashbook Clerk\nJob Description\nStellenbosch, South Africa Posted on \
             21/01/2026\n- Remuneration: market related\n",
        );
        assert_eq!(p.location.as_deref(), Some("Stellenbosch, South Africa"));
        let p = parse_posting(
            "Physiotherapist Staff Grade\n\nJob Locations IE-Louth-Drogheda\nID\n2026-4547\n\n\
             The provision of a quality physiotherapy service.\n",
        );
        assert_eq!(p.location.as_deref(), Some("IE-Louth-Drogheda"));
        assert_eq!(p.company, None);
    }

    #[test]
    fn organisations_before_roles_defined_acronyms_and_non_names() {
        let p = parse_posting(
            "Pacific Horticulture College, Permaculture Instructor\n\nTeach our permaculture design \
             course to adult learners.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Permaculture Instructor"));
        assert_eq!(p.company.as_deref(), Some("Pacific Horticulture College"));
        let p = parse_posting(
            "Library Assistant\nTPL\nToronto, ON\n\nToronto Public Library (TPL) is one of the \
             busiest urban library systems.\n",
        );
        assert_eq!(p.company.as_deref(), Some("Toronto Public Library"));
        for second in ["What", "BC", "PT-HHS-04", "Health Service"] {
            let p = parse_posting(&format!(
                "Horticulture Technician\n{second}\n\nLook after the college greenhouse and its \
                 plant collections.\n"
            ));
            assert_eq!(p.company, None, "{second}");
        }
    }

    #[test]
    fn titles_from_an_advertisement_sentence_or_a_role_that_must() {
        let p = parse_posting(
            "Location: Meyerton, South Africa\nCompany name: Midvaal Local Municipality\nThis \
             notice corrects the vacancy advertisement for Tractor Driver: Parks Section x 2, which \
             ends on 16 January 2025.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Tractor Driver"));
        let p = parse_posting(
            "Line cooks give guests the main reason for their visit: meals. The line cook must \
             prepare food accurately.\n- Prepare food following recipe cards\n",
        );
        assert_eq!(p.title.as_deref(), Some("Line Cook"));
        let p = parse_posting(
            "Application for Care Worker\n\nYou will support older people in their own homes.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Care Worker"));
    }
}

/// The title-line model reads past a page's chrome when the header rules stop at it.
mod title_model {
    use jobwise_engine::parse_posting;

    #[test]
    fn a_title_under_a_long_chrome_line_is_found_with_its_place() {
        let text = "Posted in News and events on 3 March 2025 by the webmaster\n\nStaff \
                    Nurse\nSt Mary's Hospital\nManchester\n\nWe are looking for a caring staff \
                    nurse to join our busy emergency team on days and nights. St Mary's \
                    Hospital is a teaching hospital.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Staff Nurse"));
        assert_eq!(parsed.location.as_deref(), Some("Manchester"));
        assert_eq!(parsed.company.as_deref(), Some("St Mary's Hospital"));
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }

    #[test]
    fn an_unconfirmed_caption_under_a_chrome_title_is_not_the_company() {
        let text = "Posted in News and events on 3 March 2025 by the webmaster\n\nStaff \
                    Nurse\nRead More About Us\nManchester\n\nWe are looking for a caring staff \
                    nurse to join our busy emergency team on days and nights.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Staff Nurse"));
        assert_ne!(parsed.company.as_deref(), Some("Read More About Us"));
    }
}

/// A stored page's own wrapping around the role: the site's name after it, a closing date in
/// brackets, and an employer named only by the shape of its name in the prose.
mod page_wrapping {
    use jobwise_engine::parse_posting;

    #[test]
    fn the_site_name_after_a_restated_role_goes() {
        let text = "Research Technician - Lab Jobs Hub\n\nResearch Technician\n\nNorthfield \
                    University\n\nWe are looking for a research technician to run the \
                    sequencing core, keep the instruments calibrated and train new students.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Research Technician"));
        // Not without the role restated on its own line: "Nurse - Oncology" keeps its team.
        let text = "Staff Nurse - Oncology Ward\n\nNorthfield Hospital\n\nWe are looking for a \
                    staff nurse to care for patients on our oncology ward, days and nights.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Staff Nurse - Oncology Ward")
        );
    }

    #[test]
    fn a_closing_date_in_brackets_is_not_the_role() {
        let text = "Visiting Lecturer (7/15)\n\nThe department invites applications for a \
                    visiting lecturer in economics for the coming academic year, teaching \
                    two courses a term.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Visiting Lecturer")
        );
        // A bracket with a level in it is not a date.
        let text = "Engineer (2/3)\n\nWe are hiring an engineer to join the platform team and \
                    look after our build and release tooling for the whole company.\n";
        assert_eq!(parse_posting(text).title.as_deref(), Some("Engineer (2/3)"));
    }

    #[test]
    fn a_secretariat_or_an_embassy_named_in_the_prose_is_the_employer() {
        let text = "PROGRAMME OFFICER\n\nClosing date: 14 March 2026\n\nApplications are \
                    invited from suitably qualified nationals to fill the above position in the \
                    Pacific Islands Forum Secretariat, with the duty station in Suva.\n";
        assert_eq!(
            parse_posting(text).company.as_deref(),
            Some("Pacific Islands Forum Secretariat")
        );
    }

    #[test]
    fn a_labelled_title_keeps_the_words_that_narrow_the_role() {
        let text = "Careers at Northfield\nJob Title: Speech Therapist - Early Years Outreach\n\
                    Location: Leeds\n\nWe are looking for a speech therapist to work with \
                    nurseries and families across the city.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Speech Therapist - Early Years Outreach")
        );
        let text = "Job Title: Science Teacher (Secondary)\nLocation: Leeds\n\nWe are \
                    looking for a science teacher for years 7 to 11 from September.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Science Teacher (Secondary)")
        );
        // The team a title line put after a dash is part of the labelled role, not a company.
        let text = "Store Manager - Home Furnishings at Lakeside Staffing\n\nJob Title: Store \
                    Manager - Home Furnishings\nLocation: Leeds\n\nWe are looking for a store \
                    manager to run a busy shop floor and a team of twelve.\n";
        let parsed = parse_posting(text);
        assert_eq!(
            parsed.title.as_deref(),
            Some("Store Manager - Home Furnishings")
        );
        assert_ne!(
            parsed.company.as_deref(),
            Some("Home Furnishings at Lakeside Staffing")
        );
        // A detail of the post after the role is not part of it.
        let text = "Job Title: Science Teacher (Full-time)\nLocation: Leeds\n\nWe are \
                    looking for a science teacher for years 7 to 11 from September.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Science Teacher")
        );
    }
}

/// Employers a posting only names in passing: no header line, no "is hiring" sentence.
mod employers_named_in_passing {
    use jobwise_engine::parse_posting;

    #[test]
    fn at_a_name_and_its_short_form_we() {
        let text = "Abortion Care RN\n\nAt Planned Parenthood North Central States (PPNCS), we \
                    believe all people deserve the right to make decisions about their bodies.\n\n\
                    You will care for patients in our clinics.\n";
        assert_eq!(
            parse_posting(text).company.as_deref(),
            Some("Planned Parenthood North Central States")
        );
    }

    #[test]
    fn an_organisation_introducing_itself_a_few_paragraphs_down() {
        let text = "Junior Marine Project Officer\n\nThe officer supports the marine team's \
                    fieldwork.\n\nShe or he reports to the programme lead.\n\nThe post is based \
                    in Tunis.\n\nApplications close on 30 May.\n\nWWF is one of the world's \
                    leading conservation organisations, working in more than 100 countries.\n";
        assert_eq!(parse_posting(text).company.as_deref(), Some("WWF"));
        // "There is a …" introduces nobody.
        let text = "Research Fellow\n\nCambridge\n\nApplications close soon.\n\nThe fellow \
                    joins a small group.\n\nThe post is for two years.\n\nThere is a strong \
                    tradition of research in the college.\n";
        assert_eq!(parse_posting(text).company, None);
    }

    #[test]
    fn an_organisation_owning_something_is_the_last_resort() {
        let text = "Finance Assistant\n\nResponsibilities\n\n- Keep the books in line with \
                    Tideway Relief’s financial rules.\n- Prepare the monthly reports for the \
                    country director and the auditors.\n\nRequirements\n\n- Two years of \
                    bookkeeping experience.\n";
        assert_eq!(
            parse_posting(text).company.as_deref(),
            Some("Tideway Relief")
        );
        // A degree written with a possessive names no employer.
        let text = "Finance Assistant\n\nResponsibilities\n\n- Keep the books and prepare \
                    the monthly reports for the director.\n\nRequirements\n\n- A \
                    Bachelor’s degree in accounting.\n- Two years of bookkeeping experience.\n";
        assert_eq!(parse_posting(text).company, None);
    }

    #[test]
    fn an_organisation_in_front_of_the_role_when_nothing_else_names_one() {
        let text = "Hillcrest Food Co-op Store Manager\n\nThe store manager runs the shop \
                    floor, orders stock from local farms and leads a team of nine.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.company.as_deref(), Some("Hillcrest Food Co-op"));
        assert_eq!(parsed.title.as_deref(), Some("Store Manager"));
        // A schooling level in front of the role is no employer.
        let text = "Primary School Teacher\n\nThe teacher plans lessons for a class of \
                    twenty-eight and works with the special needs coordinator.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.company, None);
        assert_eq!(parsed.title.as_deref(), Some("Primary School Teacher"));
    }

    #[test]
    fn an_acronym_between_the_name_and_its_verb() {
        let text = "Returning Officer\n\nThe Coastal Elections Office [CEO] is seeking \
                    expressions of interest from people able to run a polling station for \
                    the coming local elections.\n";
        assert_eq!(
            parse_posting(text).company.as_deref(),
            Some("Coastal Elections Office")
        );
    }
}

/// A place the posting names without stating it as the place of work.
mod places_named_in_passing {
    use jobwise_engine::parse_posting;

    #[test]
    fn the_city_the_text_names_is_taken_and_flagged() {
        let text = "Library Assistant\n\nThe assistant will run the lending desk, shelve \
                    returns and help visitors with the catalogue. Our branches serve Bristol \
                    and the villages around Bristol.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.location.as_deref(), Some("Bristol"));
        assert!(
            parsed
                .warnings
                .iter()
                .any(|w| w.field == "location" && w.message.contains("Bristol")),
            "{:?}",
            parsed.warnings
        );
        // A stated place needs no warning; no city at all leaves the place empty.
        let text = "Library Assistant\nLocation: Bristol\n\nThe assistant will run the \
                    lending desk, shelve returns and help visitors with the catalogue.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.location.as_deref(), Some("Bristol"));
        assert!(parsed.warnings.iter().all(|w| w.field != "location"));
        let text = "Library Assistant\n\nThe assistant will run the lending desk, shelve \
                    returns and help visitors with the catalogue at our main branch.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.location, None);
        assert!(parsed.warnings.iter().all(|w| w.field != "location"));
    }
}

/// Postings written in other languages: their labels, role nouns, recruitment wording,
/// organisation names, contract words and gender markers.
#[test]
fn postings_in_other_languages_are_read() {
    let body = "Vous assurerez le suivi des analyses, la gestion des stocks de réactifs et la \
                formation des équipes des centres de santé partenaires de la région.\n\n\
                Profil recherché\n- Diplôme de technicien de laboratoire\n- Trois ans d'expérience\n";
    let french = parse_posting(&format!(
        "Santé Solidaire recrute un(e) Technicien(ne) de Laboratoire, Nouakchott, Mauritanie\n\n\
         Type de contrat : CDD de 12 mois\n\n{body}"
    ));
    assert_eq!(
        french.title.as_deref(),
        Some("Technicien(ne) de Laboratoire")
    );
    assert_eq!(french.company.as_deref(), Some("Santé Solidaire"));
    assert_eq!(french.job_type, Some(JobType::Contract));
    // "Vos missions" and "Profil recherché" open the duties and the requirements, as
    // "Responsibilities" and "Requirements" would.
    let sections = parse_posting(
        "Chargé(e) de suivi évaluation\n\nLieu de travail : Dakar\n\nVos missions\n\
         - Concevoir le plan de suivi des projets\n- Former les équipes de terrain\n\n\
         Profil recherché\n- Master en statistique\n- Trois ans d'expérience en suivi de projets\n\n\
         Avantages\n- Assurance maladie\n",
    );
    assert!(
        has(&sections.responsibilities, "Former les équipes de terrain"),
        "{:?}",
        sections.responsibilities
    );
    assert!(
        has(&sections.requirements, "Master en statistique"),
        "{:?}",
        sections.requirements
    );
    assert!(
        has(&sections.benefits, "Assurance maladie"),
        "{:?}",
        sections.benefits
    );

    // A profile table copied cell by cell: each label on a line, its value under it.
    let stacked = parse_posting(&format!(
        "PROFIL DE POSTE\n\nTITRE\n\nHUISSIER\n\nINSTITUTION\n\nCOUR DE JUSTICE\n\n\
         LIEU D'AFFECTATION\n\nABUJA\n\n{body}"
    ));
    assert_eq!(stacked.title.as_deref(), Some("HUISSIER"));
    assert_eq!(stacked.company.as_deref(), Some("COUR DE JUSTICE"));
    assert_eq!(stacked.location.as_deref(), Some("ABUJA"));

    // An unbracketed gender marker and the contract after it are not the role.
    let marked = parse_posting(&format!(
        "Architecte Infrastructure Cloud H/F - CDI\n\nLieu : Lyon\n\n{body}"
    ));
    assert_eq!(
        marked.title.as_deref(),
        Some("Architecte Infrastructure Cloud")
    );
    assert_eq!(marked.job_type, Some(JobType::FullTime));

    // Spanish and Portuguese: an organisation named by its kind first, a "Vaga de" heading.
    let spanish = parse_posting(
        "Analista de Sistemas\n\nEl Banco Central de Honduras invita a profesionales a participar \
         en el proceso de selección para el puesto de Analista de Sistemas, con jornada completa \
         en la ciudad de Tegucigalpa. Requisitos: título universitario en informática y tres \
         años de experiencia en bases de datos.\n",
    );
    assert_eq!(spanish.title.as_deref(), Some("Analista de Sistemas"));
    assert_eq!(
        spanish.company.as_deref(),
        Some("Banco Central de Honduras")
    );
    assert_eq!(spanish.job_type, Some(JobType::FullTime));
    let portuguese = parse_posting(
        "Vaga de Analista de Dados\n\nEmpresa: Grupo Horizonte Logística\nLocal de trabalho: \
         Belo Horizonte\n\nBuscamos profissional para construir painéis, modelar dados de \
         entregas e apoiar as equipes de operação com análises semanais e indicadores.\n",
    );
    assert_eq!(portuguese.title.as_deref(), Some("Analista de Dados"));
    assert_eq!(
        portuguese.company.as_deref(),
        Some("Grupo Horizonte Logística")
    );
    assert_eq!(portuguese.location.as_deref(), Some("Belo Horizonte"));
}

/// "$" is the local money in the peso and real countries, and a peso amount large in dollars
/// is still a month's pay; "R$" is the Brazilian real.
#[test]
fn local_pesos_and_reais_are_read_from_the_place() {
    let chile = parse_posting(
        "Técnico en Enfermería\n\nUbicación: Curicó, Chile\nSueldo: $410.000 líquidos\n\n\
         Buscamos técnico en enfermería para turnos rotativos en un hogar de cuidado del adulto \
         mayor, con experiencia en atención directa y manejo de fichas clínicas.\n",
    );
    assert_eq!(
        chile.salary,
        Some(Salary {
            min: Some(410_000),
            max: Some(410_000),
            currency: "CLP".into(),
            period: SalaryPeriod::Month,
        })
    );
    let brazil = parse_posting(
        "FARMACÊUTICO\n\nPrefeitura Municipal de Vitória\nVencimento: R$ 2.134,62\n\n\
         Processo seletivo para contratação temporária de farmacêutico para as unidades de \
         saúde do município, com carga horária de 30 horas semanais.\n",
    );
    let salary = brazil.salary.expect("a salary");
    assert_eq!((salary.min, salary.currency.as_str()), (Some(2135), "BRL"));
}

/// What stands where a place goes but names none is not a location.
#[test]
fn placeholders_and_roles_are_not_places() {
    let body = "\n\nWe are a small team building tools for accountants. You will own our \
                onboarding flows, talk to customers every week and ship improvements daily.\n";
    for value in [
        "Worldwide",
        "One location",
        "Recruiting Coordinator",
        "2026-03-10 23:59:00",
    ] {
        let posting = parse_posting(&format!(
            "Customer Onboarding Specialist\nLedgerly\nLocation: {value}{body}"
        ));
        assert_eq!(posting.location, None, "{value}");
    }
    // A stacked header's place line says "Worldwide".
    let stacked = parse_posting(&format!(
        "Freelance Copywriter\nCoalition Technologies\nWorldwide\n$20k -$35k{body}"
    ));
    assert_eq!(stacked.location, None);
    let kept = parse_posting(&format!(
        "Customer Onboarding Specialist\nLedgerly\nLocation: Customer Support Centre, Leeds{body}"
    ));
    assert_eq!(
        kept.location.as_deref(),
        Some("Customer Support Centre, Leeds")
    );
}

/// English postings are not misread by the rules for other languages and currencies.
#[test]
fn rules_for_other_languages_leave_english_alone() {
    let cop = parse_posting(
        "Climate Policy Analyst\nGreen Futures Institute\nWashington, DC\n\nYou will brief our \
         team on outcomes of COP28 and prepare notes for COP29 negotiations, working with \
         partners across government and the private sector.\n",
    );
    assert_eq!(cop.salary, None);
    let county = parse_posting(
        "Eligibility Caseworker\nHealth and Family Services\nLocation: Cook County\n\nReview \
         applications for benefits, interview applicants and keep case files accurate and up \
         to date in line with state rules.\n",
    );
    assert_eq!(county.location.as_deref(), Some("Cook County"));
    let annual = parse_posting(
        "Gerente de Operaciones\n\nUbicación: Santiago, Chile\nRenta: $36.000.000 anuales\n\n\
         Lideramos la operación logística de la empresa y buscamos un gerente con diez años de \
         experiencia en cadenas de suministro y equipos grandes.\n",
    );
    let salary = annual.salary.expect("a salary");
    assert_eq!(
        (salary.currency.as_str(), salary.period),
        ("CLP", SalaryPeriod::Year)
    );
}

/// An employer the posting describes without naming is no company: a platform writing "on
/// behalf of a partner company", or a lodge placed "outside" a town.
#[test]
fn described_employers_are_not_named() {
    let platform = parse_posting(
        "Senior Data Engineer\nCompany: Jobgether (on behalf of a partner company)\nLocation: Lisbon, Portugal\n\n\
         You will build batch and streaming pipelines for a fast-growing logistics business.\n",
    );
    assert_eq!(platform.company, None);
    let agency = parse_posting(
        "Senior Data Engineer\nCompany: Acme Staffing on behalf of Globex Ltd\nLocation: Lisbon, Portugal\n\n\
         You will build batch and streaming pipelines for a fast-growing logistics business.\n",
    );
    assert_eq!(agency.company.as_deref(), Some("Globex Ltd"));
    let lodge = parse_posting(
        "Sous Chef\n\nA lodge outside Grahamstown is looking for a Sous Chef to join their team. \
         Must have a minimum of 2 years' sous chef experience in a 4* property.\n",
    );
    assert_eq!(lodge.company, None);
}

/// A brand written in lower case on the company line counts when the text names it again.
#[test]
fn a_lower_case_brand_on_the_company_line() {
    let p = parse_posting(
        "Office Manager\nlemlist\nParis\n\nAbout us\n\nlemlist is the sales engagement platform \
         that gives sales teams the unfair advantage they deserve.\n",
    );
    assert_eq!(p.company.as_deref(), Some("lemlist"));
    assert_eq!(p.location.as_deref(), Some("Paris"));
    // Named once only, a lower-case line is not taken for a name.
    let once = parse_posting(
        "Office Manager\nfriendly team\nParis\n\nAbout us\n\nWe are a sales engagement platform \
         that gives sales teams the unfair advantage they deserve.\n",
    );
    assert_eq!(once.company, None);
}

/// A careers page's title names a region of several countries; the line under it says which
/// country the remote job is open in. The "Back to Careers" link above is chrome.
#[test]
fn a_remote_country_line_narrows_a_world_region() {
    let p = parse_posting(
        "← Back to Careers\n\nCustomer Success Manager, APAC\n\nCustomer Success\n\n\
         Remote (Australia)\n\nFull Time\n\nApply\n\nAbout Vercel:\n\n\
         At Vercel, we believe that liberating the frontend unlocks creativity.\n",
    );
    assert_eq!(p.title.as_deref(), Some("Customer Success Manager"));
    assert_eq!(p.company.as_deref(), Some("Vercel"));
    assert_eq!(p.location.as_deref(), Some("Remote (Australia)"));
    // A country stays the place when the remote line names a region.
    let p = parse_posting(
        "Account Executive, Germany\n\nSales\n\nRemote (Europe)\n\nFull Time\n\n\
         We sell developer tools to companies across the region and need a closer.\n",
    );
    assert_eq!(p.location.as_deref(), Some("Germany"));
}

/// "The Dental Hygienist is to provide …" under an organisation's name: the role the duties
/// are written for is the title.
#[test]
fn the_role_a_duties_sentence_is_written_for() {
    let p = parse_posting(
        "Port Gamble S'Klallam Tribe\nThe Dental Hygienist is to provide dental hygiene services \
         to Community Health Center patients.\nDuties Include:\nPerforms complete oral prophylaxis.\n",
    );
    assert_eq!(p.title.as_deref(), Some("Dental Hygienist"));
}

/// Legal forms of other countries mark a company line as a name: "Sdn Bhd" (Malaysia),
/// "Pte Ltd" (Singapore), "Ltda" (Brazil, Colombia).
#[test]
fn legal_forms_of_other_countries_mark_a_company_line() {
    for name in [
        "Acme Trading Sdn Bhd",
        "Acme Logistics Pte",
        "Acme Serviços Ltda",
        // The abbreviation's full stop ends no sentence.
        "Experian Sdn. Bhd.",
        "Skamar Gayrimenkul A.Ş",
    ] {
        let p = parse_posting(&format!(
            "Accounts Executive\n{name}\n\nYou will manage collections for a portfolio of \
             enterprise accounts and reconcile payments.\n"
        ));
        assert_eq!(p.company.as_deref(), Some(name), "{name}");
    }
}

/// "Brisbane QLD" (a city and its state without a comma) says the "$" is Australian; "Perth
/// Amboy, NJ" stays American. LinkedIn's "with verification" badge is not part of the title.
#[test]
fn dollars_by_a_place_written_without_commas() {
    let body =
        "\n\nWe need friendly staff for weekend shifts at a busy venue in the city centre.\n";
    let au = parse_posting(&format!(
        "Bar staff wanted\nCHR Group\nBrisbane QLD\n$35 – $40 per hour{body}"
    ));
    assert_eq!(au.salary.map(|s| s.currency).as_deref(), Some("AUD"));
    for place in ["Perth Amboy, NJ", "Melbourne FL", "Brisbane CA"] {
        let us = parse_posting(&format!(
            "Bar staff wanted\nCHR Group\n{place}\n$15 – $18 per hour{body}"
        ));
        assert_eq!(
            us.salary.map(|s| s.currency).as_deref(),
            Some("USD"),
            "{place}"
        );
    }
    let badge = parse_posting(&format!(
        "Specialty Nurse Educator - Acute Care with verification\nHCA Healthcare\nRichmond, VA{body}"
    ));
    assert_eq!(
        badge.title.as_deref(),
        Some("Specialty Nurse Educator - Acute Care")
    );
}

/// A Hacker News header with no role in it: the role the text looks for, a short bracket and
/// all ("a senior Python (backend or systems programming) engineer").
#[test]
fn a_bracket_inside_the_role_the_text_looks_for() {
    let p = parse_posting(
        "Iterative.ai (Series A) | REMOTE, WORLDWIDE | FULL-TIME | OPEN-SOURCE\n\n\
         Developer tools for ML engineers.\n\n\
         We are looking for a senior Python (backend or systems programming) engineer:\n\n- Build things\n",
    );
    assert_eq!(
        p.title.as_deref(),
        Some("senior Python (backend or systems programming) engineer")
    );
    // Two adjectives joined by "and" before the role are not part of it.
    let r = parse_posting(
        "Acme | SaaS | Remote\n\nWe are looking for curious and motivated full-stack or back-end \
         engineers to help build our MVP.\n",
    );
    assert_eq!(r.title.as_deref(), Some("full-stack or back-end engineers"));
    // Also when the role's noun comes six words on.
    let r = parse_posting(
        "Location: Tanzania\nType: Full-time\nRole Summary\nWe are seeking a proactive and \
         dedicated Regional Vendor & Construction Project Manager to oversee suppliers.\n",
    );
    assert_eq!(
        r.title.as_deref(),
        Some("Regional Vendor & Construction Project Manager")
    );
    // A bracket after the role is not taken into it.
    let q = parse_posting(
        "Acme | Remote | Full-Time\n\nWe are looking for a Backend Engineer (Rust) to join us.\n",
    );
    assert_eq!(q.title.as_deref(), Some("Backend Engineer"));
}

/// Text copied from a Markdown rendering keeps its escapes: "Tree Care Coordinator \| SE
/// Denver" is a title and its place.
#[test]
fn markdown_escaped_pipes_are_separators() {
    let p = parse_posting(
        "Tree Care Coordinator \\| SE Denver\n\n**Company:** The Davey Tree Expert Company\n\n\
         You will coordinate our crews and schedule pruning and removals across the metro area.\n",
    );
    assert_eq!(p.title.as_deref(), Some("Tree Care Coordinator"));
    assert_eq!(p.company.as_deref(), Some("The Davey Tree Expert Company"));
}

/// What the purpose of a role is for is not its name: "The Purpose of the Staff Nurse is to …".
#[test]
fn a_purpose_sentence_names_no_title() {
    let p = parse_posting(
        "Northfield Care Group\nThe Purpose of the Staff Nurse is to provide safe care to the \
         residents of our homes.\nDuties Include:\nAdminister medication.\n",
    );
    assert_ne!(p.title.as_deref(), Some("Purpose of the Staff Nurse"));
}

/// A role before a country is a title; role-like words in real places are places.
#[test]
fn role_like_words_in_places() {
    let body =
        "\n\nWe need friendly staff for weekend shifts at a busy venue in the city centre.\n";
    for place in ["Mentor, OH", "Head Office, Birmingham", "Cook County, IL"] {
        let p = parse_posting(&format!("Bar Supervisor\nNorthfield Inns\n{place}{body}"));
        assert_eq!(p.location.as_deref(), Some(place), "{place}");
    }
    // "Day Spa" ends a title line; it is no legal form (SpA is).
    let spa = parse_posting(&format!("Massage Therapist - Day Spa\nLeeds, UK{body}"));
    assert_ne!(spa.company.as_deref(), Some("Massage Therapist - Day Spa"));
}

/// A Hacker News header that names no role: the role listed with its link is the title, not
/// the company's aside.
#[test]
fn an_aside_is_no_title_and_a_role_with_its_link_is() {
    let p = parse_posting(
        "Project Healthy Minds (startupy mental health nonprofit) | Full-time | NYC | 5d/week in-office\n\n\
         We're looking for someone to lead our small-but-growing engineering team.\n\n\
         - Lead Engineer: https://jobs.lever.co/project-healthy-minds/5f1128c7\n",
    );
    assert_eq!(p.title.as_deref(), Some("Lead Engineer"));
    assert_eq!(p.company.as_deref(), Some("Project Healthy Minds"));
}

mod stacked_lines_that_name_no_employer {
    use jobwise_engine::{Salary, SalaryPeriod, parse_posting};

    #[test]
    fn a_schedule_or_pay_line_is_not_the_company() {
        let text = "An Taisce is seeking a\n\nEU LIFE Project Coordinator\n\nPart time - 3 days \
                    per week - 8 month contract\n\nReporting to - CEO\n\nThe coordinator runs \
                    the project's reporting and its partner meetings across Ireland.\n";
        assert_eq!(parse_posting(text).company.as_deref(), Some("An Taisce"));
        let text = "Senior Android Application Developer (Native)\nKabul\n؋90000 - ؋110000 \
                    monthly\nFixed-term\n\nBuild and ship our Android apps with the product \
                    team, review code and mentor two junior developers.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.company, None);
        assert_eq!(
            parsed.salary,
            Some(Salary {
                min: Some(90_000),
                max: Some(110_000),
                currency: "AFN".to_string(),
                period: SalaryPeriod::Month,
            })
        );
    }

    #[test]
    fn the_end_of_one_sentence_and_the_start_of_the_next_are_no_name() {
        let text = "SLAM Engineer\n\nYou would be researching SLAM algorithms that leverage \
                    low-cost cameras and IMU. We are looking for engineers who are leaders by \
                    nature and can deliver robust software.\n";
        assert_eq!(parse_posting(text).company, None);
    }

    #[test]
    fn an_arrangement_under_a_location_label_gives_way_to_the_place_line() {
        let text = "Payment Systems Specialist\nPoint West Credit Union\nPortland, OR\nWORK \
                    LOCATION: On-site (Hybrid may be reviewed after 6-month review in \
                    position)\n\nPerforms a variety of duties to ensure the payment systems of \
                    the credit union run smoothly.\n";
        assert_eq!(
            parse_posting(text).location.as_deref(),
            Some("Portland, OR")
        );
    }

    #[test]
    fn indeed_in_person_work_location_is_no_place() {
        let text = "Patient Care Coordinator\nSpecialty1 Partners\nSacramento, CA, US\n\nSchedule \
                    patients and keep the front desk running for our dental office.\n\nWork \
                    Location: In person\n";
        assert_eq!(
            parse_posting(text).location.as_deref(),
            Some("Sacramento, CA, US")
        );
    }

    #[test]
    fn a_location_name_label_is_not_a_label_and_its_value() {
        let text = "Senior Maintenance Manager II\n\nLocation Name Archstone Belltown\n\n\
                    Market Seattle\n\nKeep the community's buildings in good repair.\n";
        assert_eq!(parse_posting(text).location.as_deref(), Some("Seattle"));
    }

    #[test]
    fn a_labelled_company_the_text_also_calls_a_kind_of_employer() {
        let text = "Lecturer (Computer Science)\n\nThe posts are full-time teaching positions \
                    offered in a Government Post Graduate College located in Sialkot.\n\nField \
                    Details\nCompany Name Government Post Graduate College\nExperience 0–3 Years\n";
        assert_eq!(
            parse_posting(text).company.as_deref(),
            Some("Government Post Graduate College")
        );
        // A description in the label is still no name.
        let text = "Staff Nurse\n\nCompany: Leading Private Hospital\n\nJoin a Leading Private \
                    Hospital in the city centre as a staff nurse on the surgical ward.\n";
        assert_eq!(parse_posting(text).company, None);
    }

    #[test]
    fn a_contract_line_under_the_company_is_no_place() {
        let text = "Project Engineer\nHarbour Works Ltd\n12 - Month Contract\n\nYou will plan \
                    the works on the new quay.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.company.as_deref(), Some("Harbour Works Ltd"));
        assert_eq!(parsed.location, None);
    }

    #[test]
    fn a_glassdoor_rating_line_between_company_and_place() {
        let text = "Research Scientist\nRochester Regional Health\n3.3\nRochester, NY\n$38K-$84K \
                    (Glassdoor est.)\n\nSUMMARY\n\nRuns studies in the hospital's research \
                    unit.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.company.as_deref(), Some("Rochester Regional Health"));
        assert_eq!(parsed.location.as_deref(), Some("Rochester, NY"));
    }

    #[test]
    fn a_placeholder_place_with_a_trailing_comma_and_a_company_that_seeks() {
        let text = "Job title: Community Manager\nLocation: Global,\n\nHarbour Labs seeks a \
                    community manager to grow our network of researchers.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.location, None);
        assert_eq!(parsed.company.as_deref(), Some("Harbour Labs"));
    }

    #[test]
    fn markdown_escapes_escaped_twice_by_a_scraper() {
        let text = "Sales Representative\n\nPay: ₦300,000\\\\.00 \\\\- ₦400,000\\\\.00 per \
                    month\n\nVisit retailers in Lagos and grow the accounts you are given.\n";
        let parsed = parse_posting(text);
        assert_eq!(
            parsed.salary.map(|s| (s.min, s.max, s.period)),
            Some((Some(300_000), Some(400_000), SalaryPeriod::Month))
        );
    }
}

mod headlines_and_prose_titles {
    use jobwise_engine::parse_posting;

    #[test]
    fn a_role_and_its_gender_marker_lead_a_headline() {
        let text = "Kfz-Mechatroniker (m/w/d) für unser Fleet-Servicecenter in Neuwied gesucht!\n\
                    Roos Fleetservice GmbH\nNeuwied\n\nBei Roos Fleetservice GmbH sind wir mehr \
                    als nur ein Dienstleister im Bereich Fuhrparkmanagement.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Kfz-Mechatroniker"));
        assert_eq!(parsed.company.as_deref(), Some("Roos Fleetservice GmbH"));
        // A specialty after the marker belongs to the role.
        let text = "Teacher (M/F/D) for Estonian language - Secondary cycle\nEuropean School \
                    Luxembourg\n\nYou will teach Estonian to secondary pupils.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Teacher (M/F/D) for Estonian language - Secondary cycle")
        );
    }

    #[test]
    fn a_france_travail_header() {
        let text = "CAP petite enfance (H/F)\nPIROUETTE\n92 - ANTONY\nMensuel de 1790.00 Euros \
                    sur 12 mois\nCDI · Temps plein\n\nVous accueillez les enfants de la crèche \
                    et accompagnez leur journée.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("CAP petite enfance"));
        assert_eq!(parsed.company.as_deref(), Some("PIROUETTE"));
        assert_eq!(parsed.location.as_deref(), Some("92 - ANTONY"));
        let text = "Chef de l'atelier maçonnerie (H/F)\nCOMMUNE DE VERSAILLES\n78 - VERSAILLES\n\
                    Contrat à durée déterminée - 12 Mois\n\nEncadrement du personnel et \
                    évaluation des agents.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.company.as_deref(), Some("COMMUNE DE VERSAILLES"));
        assert_eq!(parsed.location.as_deref(), Some("78 - VERSAILLES"));
    }

    #[test]
    fn an_hh_ru_header_in_cyrillic() {
        let text = "Junior Data Scientist (Python, ML) / Дата-сайентист\nRubbles\nМосква\n80000 - \
                    100000 RUR (За месяц)\nПолная занятость\n\nМы ищем дата-сайентиста в команду \
                    машинного обучения.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.location.as_deref(), Some("Москва"));
        let salary = parsed.salary.expect("the pay line is read");
        assert_eq!(
            (salary.min, salary.max, salary.currency.as_str()),
            (Some(80_000), Some(100_000), "RUB")
        );
        assert_eq!(salary.period, jobwise_engine::SalaryPeriod::Month);
    }

    #[test]
    fn a_brazilian_city_and_state_under_the_company() {
        let text = "Vendedor PJ\nLOPES FLORIANOPOLIS\nFlorianópolis-SC\n\nEstamos em busca de um \
                    profissional talentoso para se juntar à nossa equipe.\nRegime: PJ\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.company.as_deref(), Some("LOPES FLORIANOPOLIS"));
        assert_eq!(parsed.location.as_deref(), Some("Florianópolis-SC"));
    }

    #[test]
    fn a_place_after_a_german_in_is_no_employer() {
        let text = "Friseur/in (M/W/D)\n\nVollzeit\n\nUnser renommiertes Friseurunternehmen in \
                    Freiburg im Breisgau (Güterbahnhof) sucht Verstärkung für unser Team.\n";
        assert_eq!(parse_posting(text).company, None);
    }

    #[test]
    fn join_a_named_team_as_a_role() {
        let text = "Be a part of a fast-paced culture in a startup-like environment inside one of \
                    the most successful organizations in Québec.\nJoin BRP's central Data & \
                    Analytics team (DNA) as an AI Product Owner and bring your analytical skills \
                    to our dynamic team.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("AI Product Owner")
        );
        // An unnamed "company" is no team, and "grow as a leader" names no role.
        let text = "Why work with us\n\nJoin a company where you can grow as a leader.\n\nWe \
                    sell garden furniture across the region.\n";
        assert_ne!(parse_posting(text).title.as_deref(), Some("leader"));
    }

    #[test]
    fn a_hiring_sentence_with_a_gender_marker_is_not_the_title_line() {
        let text = "Wir suchen eine Pflegefachkraft (m/w/d)\n\nPflegefachkraft (m/w/d)\n\n\
                    Klinikum Nord\n\nSie versorgen unsere Patientinnen und Patienten.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Pflegefachkraft")
        );
    }

    #[test]
    fn an_issue_boards_tags_give_the_place_and_the_employer() {
        let text = "[Curitiba/Remoto] Desenvolvedor Backend Pleno na [Pinheiral Tech]\n\n\
                    ## Sobre a vaga\nTrabalhamos com Python e Django em um time pequeno.\n\n\
                    ## Requisitos\n- Python\n- PostgreSQL\n\nContratação CLT.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Desenvolvedor Backend Pleno"));
        assert_eq!(parsed.company.as_deref(), Some("Pinheiral Tech"));
        assert_eq!(parsed.location.as_deref(), Some("Curitiba"));
        // A tag that is a contract term names no employer; "no Rio de Janeiro" is a place.
        let text = "[Remoto] Analista de Dados Sênior [CLT]\n\nBuscamos alguém para o time de \
                    dados.\n\nRequisitos: SQL e Python.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Analista de Dados Sênior"));
        assert_eq!(parsed.company, None);
    }

    #[test]
    fn a_norwegian_municipality_and_its_headings() {
        let text = "Du er her\n\nLedig stilling\n\nLillevik kommune\n\nRådgiver for kultur\n\n\
                    Om stillingen\nLillevik kommune har 9 000 innbyggere og en aktiv kulturskole. \
                    Vi søker en rådgiver som kan planlegge arrangementer.\n\nArbeidsoppgaver\n\
                    - Planlegge arrangementer\n- Følge opp lag og foreninger\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Rådgiver for kultur"));
        assert_eq!(parsed.company.as_deref(), Some("Lillevik kommune"));
    }

    #[test]
    fn a_vietnamese_recruitment_line() {
        let text = "[Hà Nội] - Song Han Soft tuyển dụng lập trình viên PHP\n\n\
                    Mô tả công việc\n- Phát triển website cho khách hàng.\n- Làm việc với \
                    Laravel và MySQL.\n\nQuyền lợi: lương tháng 13, bảo hiểm đầy đủ.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("lập trình viên PHP"));
        assert_eq!(parsed.company.as_deref(), Some("Song Han Soft"));
        assert_eq!(parsed.location.as_deref(), Some("Hà Nội"));
    }

    #[test]
    fn a_title_label_after_a_heading_on_the_same_line() {
        let text = "POSITION DESCRIPTION Position title: Records Officer\n\nReports to: Office \
                    Manager\n\nThe Records Officer keeps the archive in order and answers \
                    requests from the public.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Records Officer")
        );
    }

    #[test]
    fn a_name_ending_in_a_european_legal_form_is_an_employer() {
        let text = "Coördinator vrijwilligers\n\nHet Buurthuis Zonnewijzer vzw zoekt een \
                    coördinator die vrijwilligers begeleidt en activiteiten plant in de wijk.\n\n\
                    Taken\n- Vrijwilligers begeleiden\n- Activiteiten plannen\n";
        assert_eq!(
            parse_posting(text).company.as_deref(),
            Some("Het Buurthuis Zonnewijzer vzw")
        );
    }

    #[test]
    fn french_inclusive_writing_keeps_the_whole_title() {
        let text = "Animateur·rice jeunesse\n\nLa Maison des Jeunes de Saint-Gilles recrute un·e \
                    animateur·rice pour ses ateliers du mercredi et ses séjours d'été.\n";
        assert_eq!(
            parse_posting(text).title.as_deref(),
            Some("Animateur·rice jeunesse")
        );
    }

    #[test]
    fn a_turkish_boards_city_wide_suffix_is_the_place() {
        let text = "Satış Danışmanı - Antalya Geneli\n\nFirmamız için muhasebe uzmanı arıyoruz. \
                    Görevler: defter kayıtları, beyannameler ve raporlama.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Satış Danışmanı"));
        assert_eq!(parsed.location.as_deref(), Some("Antalya"));
    }

    #[test]
    fn a_nordic_share_of_a_post_and_a_vi_soker_lead_are_not_the_title() {
        let text = "Vi søker en sekretær i 60% stilling\n\nFjordvik idrettslag trenger en sekretær \
                    som kan føre regnskap og svare på henvendelser fra medlemmene.\n";
        assert_eq!(parse_posting(text).title.as_deref(), Some("sekretær"));
    }

    #[test]
    fn an_at_sign_before_the_employer_needs_no_space_after_it() {
        let text = "Engenheira de Dados @Lumen Analytics\n\nA Lumen Analytics procura uma pessoa \
                    para construir pipelines de dados em Python e Spark.\n";
        let parsed = parse_posting(text);
        assert_eq!(parsed.title.as_deref(), Some("Engenheira de Dados"));
        assert_eq!(parsed.company.as_deref(), Some("Lumen Analytics"));
    }

    #[test]
    fn a_nordic_adverb_before_the_verb_is_no_employer() {
        let text = "Prosjektkoordinator\n\nNå søker vi en prosjektkoordinator til et nytt \
                    prosjekt om friluftsliv for barn og unge i regionen.\n\nVår kommune har \
                    mange turstier.\n";
        assert_eq!(parse_posting(text).company, None);
    }
}
