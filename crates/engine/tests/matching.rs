//! Integration tests for stages 1 and 2: three professions (a DevOps
//! engineer, a registered nurse, a financial analyst), each profile compiled
//! against each posting. Fixtures live under `tests/fixtures/matching/`.

use jobwise_engine::{
    CompiledProfile, JobAnalysis, JobPosting, Profile, RequirementMatch, Taxonomy, analyze_job,
    compile_profile, parse_posting,
};
use std::collections::BTreeSet;

const TODAY: (i32, u8) = (2025, 6);
const NAMES: [&str; 3] = ["devops", "nurse", "analyst"];

fn job_json(name: &str) -> &'static str {
    match name {
        "devops" => include_str!("fixtures/matching/job_devops.json"),
        "nurse" => include_str!("fixtures/matching/job_nurse.json"),
        _ => include_str!("fixtures/matching/job_analyst.json"),
    }
}

fn job(name: &str) -> JobPosting {
    serde_json::from_str(job_json(name)).expect("job fixture is valid JSON")
}

fn profile(name: &str) -> Profile {
    let text = match name {
        "devops" => include_str!("fixtures/matching/profile_devops.json"),
        "nurse" => include_str!("fixtures/matching/profile_nurse.json"),
        _ => include_str!("fixtures/matching/profile_analyst.json"),
    };
    serde_json::from_str(text).expect("profile fixture is valid JSON")
}

fn analyze(name: &str) -> JobAnalysis {
    analyze_job(&job(name), Taxonomy::shipped())
}

fn compile(profile_name: &str, job_name: &str) -> CompiledProfile {
    compile_profile(
        &profile(profile_name),
        &analyze(job_name),
        Taxonomy::shipped(),
        TODAY,
    )
}

fn requirement<'a>(compiled: &'a CompiledProfile, term: &str) -> &'a RequirementMatch {
    compiled
        .requirements
        .iter()
        .find(|r| r.requirement == term)
        .unwrap_or_else(|| panic!("{term} is a requirement"))
}

fn evidence_ids(requirement: &RequirementMatch) -> Vec<&str> {
    requirement
        .evidence
        .iter()
        .map(|e| e.item_id.as_str())
        .collect()
}

fn terms(analysis: &JobAnalysis) -> Vec<&str> {
    analysis
        .required
        .iter()
        .chain(&analysis.preferred)
        .map(|k| k.term.as_str())
        .collect()
}

/// Every (kind, id) a profile has.
fn profile_ids(profile: &Profile) -> BTreeSet<(String, String)> {
    let mut ids = BTreeSet::new();
    let mut add = |kind: &str, id: &str| ids.insert((kind.to_string(), id.to_string()));
    for e in &profile.experiences {
        add("experience", &e.id);
        for index in 0..e.achievements.len() {
            add("achievement", &format!("{}#{index}", e.id));
        }
    }
    for p in &profile.projects {
        add("project", &p.id);
    }
    for s in profile.skills.technical.iter().chain(&profile.skills.soft) {
        add("skill", s);
    }
    for l in &profile.skills.languages {
        add("skill", &l.name);
    }
    for c in &profile.skills.certifications {
        add("skill", &c.name);
        add("certification", &c.id);
    }
    for e in &profile.education {
        add("education", &e.id);
    }
    add("summary", "summary");
    ids
}

#[test]
fn each_profile_matches_its_own_posting_best() {
    for name in NAMES {
        let own = compile(name, name).match_percentage;
        assert!(own >= 70, "{name} matches its own posting at {own}%");
        for other in NAMES.iter().filter(|o| **o != name) {
            let theirs = compile(name, other).match_percentage;
            assert!(
                own > theirs + 40,
                "{name}: own posting {own}% vs {other} posting {theirs}%"
            );
            let intruder = compile(other, name).match_percentage;
            assert!(
                own > intruder + 40,
                "{name} posting: own profile {own}% vs {other} profile {intruder}%"
            );
        }
    }
}

#[test]
fn evidence_points_at_real_items_with_text_from_the_profile() {
    for profile_name in NAMES {
        let profile = profile(profile_name);
        let ids = profile_ids(&profile);
        let raw = serde_json::to_string(&profile).expect("serializes");
        for job_name in NAMES {
            let compiled = compile(profile_name, job_name);
            for requirement in &compiled.requirements {
                for evidence in &requirement.evidence {
                    let key = (
                        evidence.item_kind.as_str().to_string(),
                        evidence.item_id.clone(),
                    );
                    assert!(ids.contains(&key), "{profile_name}/{job_name}: {key:?}");
                    assert!(
                        raw.contains(&evidence.text),
                        "evidence text {:?} is written in the profile",
                        evidence.text
                    );
                }
                assert!(!(requirement.met && requirement.satisfied_by.is_some()));
            }
        }
    }
}

#[test]
fn devops_profile_against_devops_posting() {
    let compiled = compile("devops", "devops");
    let kubernetes = requirement(&compiled, "Kubernetes");
    assert!(kubernetes.met && kubernetes.required);
    let ids = evidence_ids(kubernetes);
    assert!(ids.contains(&"exp-parcelly"), "{ids:?}");
    assert!(ids.contains(&"proj-kubecost"), "{ids:?}");
    assert_eq!(
        kubernetes.evidence[0].text, "k8s",
        "as written in the profile"
    );

    let postgres = requirement(&compiled, "PostgreSQL");
    assert!(postgres.met && !postgres.required);
    assert_eq!(postgres.evidence[0].item_id, "Postgres");

    assert!(evidence_ids(requirement(&compiled, "Prometheus")).contains(&"exp-parcelly#2"));
    assert!(evidence_ids(requirement(&compiled, "Ansible")).contains(&"exp-kestrel#0"));
    assert!(requirement(&compiled, "Computer Science Degree").met);

    // "Python or Go": both present here; "GitHub Actions, Jenkins or GitLab CI".
    let gitlab = requirement(&compiled, "GitLab CI");
    assert!(!gitlab.met);
    assert_eq!(gitlab.satisfied_by.as_deref(), Some("GitHub Actions"));

    for missing in ["Terraform", "Infrastructure as Code", "Argo CD"] {
        assert!(
            compiled.missing_keywords.iter().any(|m| m == missing),
            "{missing} in {:?}",
            compiled.missing_keywords
        );
    }
    for present in ["Kubernetes", "Docker", "GitLab CI", "Helm", "Go"] {
        assert!(!compiled.missing_keywords.iter().any(|m| m == present));
    }
    let required_flags: Vec<bool> = compiled
        .missing_keywords
        .iter()
        .map(|m| requirement(&compiled, m).required)
        .collect();
    assert!(
        required_flags.windows(2).all(|w| w[0] >= w[1]),
        "required keywords come first: {:?}",
        compiled.missing_keywords
    );

    assert_eq!(compiled.experiences[0].item_id, "exp-parcelly");
    assert_eq!(compiled.experiences[2].item_id, "exp-brightline");
    assert!(
        compiled.experiences[0]
            .reasons
            .iter()
            .any(|r| r == "title similar to Senior DevOps Engineer")
    );
    assert!(
        compiled.experiences[0]
            .reasons
            .contains(&"recent (current role)".to_string())
    );
    assert_eq!(compiled.achievements.len(), 9);
    assert_eq!(compiled.projects[0].item_id, "proj-kubecost");
    assert_eq!(compiled.certifications[0].item_id, "cert-cka");
    assert!(
        compiled.certifications[1]
            .reasons
            .contains(&"expired 2023-11".to_string())
    );
    assert_eq!(compiled.education.as_deref(), Some("edu-leeds"));
    assert_eq!(compiled.years_of_experience, 9.8);
    assert!(
        compiled
            .emphasis
            .iter()
            .any(|e| e.starts_with("Lead with your") && e.ends_with("work at Parcelly"))
    );
    assert!(compiled.emphasis.iter().any(|e| e.contains("Terraform")));
}

#[test]
fn nurse_profile_against_nurse_posting() {
    let analysis = analyze("nurse");
    assert_eq!(analysis.years_experience, Some(2));
    assert_eq!(analysis.education.as_deref(), Some("bachelor"));
    let rn = analysis
        .required
        .iter()
        .find(|k| k.term == "Registered Nurse")
        .expect("RN required");
    assert!(rn.surface_forms.contains(&"RN license".to_string()));

    let compiled = compile("nurse", "nurse");
    let rn = requirement(&compiled, "Registered Nurse");
    assert!(rn.met);
    let ids = evidence_ids(rn);
    for id in ["exp-sthelena", "exp-sthelena#2", "cert-rn"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(
        evidence_ids(requirement(&compiled, "Bachelor of Science in Nursing")).contains(&"edu-up")
    );
    assert!(evidence_ids(requirement(&compiled, "BLS")).contains(&"cert-bls"));
    assert!(evidence_ids(requirement(&compiled, "ACLS")).contains(&"cert-acls"));
    assert!(evidence_ids(requirement(&compiled, "Epic")).contains(&"exp-sthelena#3"));
    assert!(evidence_ids(requirement(&compiled, "Critical Care")).contains(&"exp-sthelena"));
    assert!(compiled.missing_keywords.contains(&"CCRN".to_string()));
    assert!(
        !compiled
            .missing_keywords
            .contains(&"Registered Nurse".to_string())
    );
    assert_eq!(compiled.experiences[0].item_id, "exp-sthelena");
    assert_eq!(compiled.education.as_deref(), Some("edu-up"));
    assert_eq!(compiled.years_of_experience, 7.0);
    assert!(compiled.projects.is_empty());
}

#[test]
fn analyst_profile_against_analyst_posting() {
    let analysis = analyze("analyst");
    assert_eq!(analysis.years_experience, Some(3));
    assert_eq!(analysis.seniority.as_deref(), Some("mid"));
    let cpa = analysis
        .preferred
        .iter()
        .find(|k| k.term == "CPA")
        .expect("CPA preferred");
    assert_eq!(cpa.alternatives, ["CFA"]);

    let compiled = compile("analyst", "analyst");
    let cpa = requirement(&compiled, "CPA");
    assert!(cpa.met && !cpa.required);
    assert!(
        evidence_ids(cpa).contains(&"cert-cpa"),
        "Certified Public Accountant → CPA"
    );
    assert_eq!(
        requirement(&compiled, "CFA").satisfied_by.as_deref(),
        Some("CPA")
    );
    assert!(evidence_ids(requirement(&compiled, "Microsoft Excel")).contains(&"exp-cobalt#0"));
    assert!(evidence_ids(requirement(&compiled, "Variance Analysis")).contains(&"exp-cobalt#2"));
    let degree = requirement(&compiled, "Bachelor's Degree");
    assert!(degree.met, "an MBA and a BCom meet a bachelor's degree");
    assert_eq!(
        requirement(&compiled, "Economics").satisfied_by.as_deref(),
        Some("Accounting")
    );
    assert!(!compiled.missing_keywords.contains(&"Economics".to_string()));
    assert!(
        compiled
            .missing_keywords
            .contains(&"Pivot Tables".to_string())
    );
    assert_eq!(compiled.experiences[0].item_id, "exp-cobalt");
    assert_eq!(compiled.education.as_deref(), Some("edu-kellogg"));
    assert_eq!(compiled.years_of_experience, 6.0);
}

#[test]
fn false_friends_are_not_skills() {
    let taxonomy = Taxonomy::shipped();
    let devops = job("devops");
    let go_getter = devops
        .description
        .lines()
        .find(|line| line.contains("go-getter"))
        .expect("fixture mentions a go-getter");
    assert!(taxonomy.find(go_getter).iter().all(|m| m.canonical != "Go"));
    let go = analyze("devops")
        .required
        .into_iter()
        .find(|k| k.term == "Go")
        .expect("Go is asked for");
    assert_eq!(go.surface_forms, ["Go"]);

    let analyst = job("analyst");
    assert!(analyst.description.contains("R&D"));
    assert!(
        taxonomy
            .find(&analyst.description)
            .iter()
            .all(|m| m.canonical != "R")
    );
    for name in NAMES {
        assert!(!terms(&analyze(name)).contains(&"R"), "{name}");
    }
    assert!(!terms(&analyze("nurse")).contains(&"Go"));
}

#[test]
fn programming_names_survive_in_the_posting() {
    let taxonomy = Taxonomy::shipped();
    let found: Vec<String> = taxonomy
        .find(job_json("devops"))
        .into_iter()
        .map(|m| m.canonical)
        .collect();
    for term in [
        "C++",
        "C#",
        ".NET",
        "Node.js",
        "CI/CD",
        "TCP/IP",
        "Go",
        "Kubernetes",
    ] {
        assert!(found.iter().any(|t| t == term), "{term} in {found:?}");
    }
    let ci_cd = analyze("devops")
        .required
        .into_iter()
        .find(|k| k.term == "CI/CD")
        .expect("CI/CD required");
    assert_eq!(ci_cd.surface_forms, ["CI/CD pipelines"]);
}

#[test]
fn aliases_map_to_canonical_terms() {
    let taxonomy = Taxonomy::shipped();
    let canonical = |text: &str| -> Vec<String> {
        taxonomy
            .find(text)
            .into_iter()
            .map(|m| m.canonical)
            .collect()
    };
    assert_eq!(canonical("k8s"), ["Kubernetes"]);
    assert_eq!(canonical("Postgres,"), ["PostgreSQL"]);
    assert_eq!(canonical("JS"), ["JavaScript"]);
    assert_eq!(canonical("RN"), ["Registered Nurse"]);
    assert_eq!(canonical("CPA"), ["CPA"]);
    assert_eq!(canonical("Certified Public Accountant"), ["CPA"]);
    assert_eq!(canonical("search engine optimization"), ["SEO"]);

    let kubernetes = analyze("devops")
        .required
        .into_iter()
        .find(|k| k.term == "Kubernetes")
        .expect("Kubernetes required");
    assert_eq!(kubernetes.surface_forms, ["Kubernetes", "k8s"]);
}

#[test]
fn scores_are_bounded_and_every_item_is_ranked_once() {
    for profile_name in NAMES {
        let profile = profile(profile_name);
        for job_name in NAMES {
            let compiled = compile(profile_name, job_name);
            let bullets: usize = profile
                .experiences
                .iter()
                .map(|e| e.achievements.len())
                .sum();
            assert_eq!(compiled.experiences.len(), profile.experiences.len());
            assert_eq!(compiled.achievements.len(), bullets);
            assert_eq!(compiled.projects.len(), profile.projects.len());
            assert_eq!(
                compiled.certifications.len(),
                profile.skills.certifications.len()
            );
            for list in [
                &compiled.experiences,
                &compiled.achievements,
                &compiled.projects,
                &compiled.skills,
                &compiled.certifications,
            ] {
                assert!(list.iter().all(|item| item.score <= 100));
                assert!(list.windows(2).all(|w| w[0].score >= w[1].score));
                let unique: BTreeSet<&str> = list.iter().map(|i| i.item_id.as_str()).collect();
                assert_eq!(unique.len(), list.len());
            }
            assert!(compiled.match_percentage <= 100);
        }
    }
}

#[test]
fn identical_input_gives_identical_output() {
    for name in NAMES {
        assert_eq!(analyze(name), analyze(name));
        let first = compile(name, name);
        let second = compile(name, name);
        assert_eq!(first, second);
        assert_eq!(
            serde_json::to_string(&first).expect("serializes"),
            serde_json::to_string(&second).expect("serializes")
        );
        let roundtrip: CompiledProfile =
            serde_json::from_str(&serde_json::to_string(&first).expect("serializes"))
                .expect("deserializes");
        assert_eq!(roundtrip, first);
    }
    assert_eq!(analyze("devops").text_hash, analyze("devops").text_hash);
    assert_ne!(analyze("devops").text_hash, analyze("nurse").text_hash);
}

#[test]
fn pasted_posting_flows_into_analysis() {
    let posting = parse_posting(include_str!(
        "fixtures/postings/01_jobboard_backend_rust.txt"
    ));
    let job = JobPosting::from_parsed(posting).expect("the posting has a title");
    let analysis = analyze_job(&job, Taxonomy::shipped());
    let required: Vec<&str> = analysis.required.iter().map(|k| k.term.as_str()).collect();
    for term in ["Rust", "C++", "PostgreSQL", "Amazon Web Services"] {
        assert!(required.contains(&term), "{term} in {required:?}");
    }
    let preferred: Vec<&str> = analysis.preferred.iter().map(|k| k.term.as_str()).collect();
    assert!(preferred.contains(&"Apache Kafka"), "{preferred:?}");
    assert_eq!(analysis.years_experience, Some(5));
    assert_eq!(analysis.seniority.as_deref(), Some("senior"));
}
