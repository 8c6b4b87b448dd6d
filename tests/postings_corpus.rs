//! Accuracy of the posting parser and the page importer on real postings nobody here wrote
//! (`tests/corpus/postings`, see its README for sources and licences).
//!
//! Every file goes through the routes' own functions: text through
//! `jobs::handlers::job_from_text` (what `POST /jobs {"text"}` runs), pages through
//! `read_job_page` and `posting_input` (what `POST /jobs/import` runs: parse, fit to the limits,
//! validate), so a "refusal" here is a 422 there. The report prints per-field accuracy for the
//! training split and for the holdout, which is never read while tuning: only its totals (also
//! per origin, as counts) are printed.
//!
//! The targets are title ≥ 97%, company ≥ 92% where named, company null ≥ 90% where
//! not named, location ≥ 88% where stated, salary ≥ 90% where stated, no refusal, and JSON-LD
//! pages exact for title, company and location. The test enforces no refusal and exact JSON-LD
//! on both splits; for the fields below their targets (see the README) it enforces the measured
//! level as a floor so that no change makes them worse. Raise the floors as the parser improves.
//!
//! Run `cargo test --test postings_corpus -- --nocapture` to see the table.

#[path = "corpus/postings/matching.rs"]
mod matching;
use matching::{norm, title_matches};
use std::path::Path;

use jobwise::jobs::fetch::decode_page;
use jobwise::jobs::handlers::{job_from_text, posting_input};
use jobwise::jobs::import::{PageSource, read_job_page};
use jobwise::jobs::model::{SalaryPeriod, WorkArrangement};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Label {
    file: String,
    format: String,
    /// What a built page was built from; `None` for a page saved as published.
    built_from: Option<String>,
    title: String,
    company: Option<String>,
    location: Option<String>,
    remote: bool,
    salary: Option<SalaryLabel>,
    employment_type: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SalaryLabel {
    min: f64,
    max: f64,
    currency: String,
    period: String,
}

/// Legal forms and articles that the same company is written with or without.
const LEGAL: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "corp",
    "corporation",
    "co",
    "the",
    "ag",
    "sa",
    "bv",
    "pty",
    "pvt",
    "llp",
];

fn company_key(name: &str) -> String {
    norm(name)
        .split(' ')
        .filter(|w| !LEGAL.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn company_matches(found: &str, truth: &str) -> bool {
    let (f, t) = (company_key(found), company_key(truth));
    !f.is_empty() && (f == t || (t.contains(&f) && f.len() * 2 >= t.len()) || f.contains(&t))
}

/// The place is found when the stated city (the first part of the label) is among the parts
/// found, or the whole label is.
fn location_matches(found: &str, truth: &str) -> bool {
    let (f, t) = (norm(found), norm(truth));
    if f.contains(&t) || (t.contains(&f) && !f.is_empty()) {
        return true;
    }
    let city = norm(truth.split([',', '(', ';', '/']).next().unwrap_or(""));
    !city.is_empty() && f.contains(&city)
}

/// "Remote", "Remote (US)": the arrangement written where a place goes.
fn remote_only(found: &str) -> bool {
    norm(found).starts_with("remote")
}

fn period_name(period: SalaryPeriod) -> &'static str {
    period.as_str()
}

#[derive(Default)]
struct Score {
    files: usize,
    title: (usize, usize),
    company: (usize, usize),
    company_null: (usize, usize),
    location: (usize, usize),
    /// Postings that state no place and got none (a remote-only "Remote (…)" counts as none).
    /// Reported, not a target: a place guessed where none is stated shows here.
    location_null: (usize, usize),
    salary: (usize, usize),
    remote: (usize, usize),
    employment_type: (usize, usize),
    refusals: Vec<String>,
    json_ld_pages: usize,
    json_ld_misses: Vec<String>,
    /// Saved real pages (not built) with JSON-LD whose title, company or place differ from the
    /// labels. The labels follow the page's visible text, and a page's JSON-LD can contradict
    /// it (an advertiser's address given as the job's place), so these are capped, not zero.
    json_ld_saved_misses: Vec<String>,
    misses: Vec<String>,
    /// Per origin (the file name's prefix: `hn`, `nhs`, `ats`, `page`…) and format: files and
    /// misses of title, company and location, so a weak origin shows without naming files.
    origins: std::collections::BTreeMap<String, [usize; 5]>,
}

fn tally(cell: &mut (usize, usize), ok: bool) {
    cell.1 += 1;
    if ok {
        cell.0 += 1;
    }
}

fn pct((ok, total): (usize, usize)) -> f64 {
    if total == 0 {
        100.0
    } else {
        100.0 * ok as f64 / total as f64
    }
}

fn score_split(dir: &Path) -> Score {
    let labels: Vec<Label> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("labels.json")).unwrap()).unwrap();
    let mut score = Score::default();
    for label in &labels {
        score.files += 1;
        // Pages are decoded as the URL import decodes them (a few older ones are not UTF-8).
        let bytes = std::fs::read(dir.join(&label.file)).unwrap();
        let raw = if label.format == "html" {
            decode_page(&bytes, None)
        } else {
            String::from_utf8(bytes).expect("text postings are UTF-8")
        };
        // The routes' own functions: `POST /jobs {"text"}` and `POST /jobs/import`.
        let (made, source, fallback_title) = if label.format == "html" {
            let read = read_job_page(&raw);
            let guessed = read.parsed.warnings.iter().any(|w| w.field == "title");
            (
                posting_input(read.parsed, &read.text, "html"),
                Some(read.source),
                guessed,
            )
        } else {
            let made = job_from_text(&raw);
            let guessed = made
                .as_ref()
                .is_ok_and(|(_, warnings)| warnings.iter().any(|w| w.field == "title"));
            (made, None, guessed)
        };
        let input = match made {
            Ok((input, _)) => input,
            Err(refused) => {
                score.refusals.push(format!("{}: {refused:?}", label.file));
                continue;
            }
        };
        let mut miss = |field: &str, found: String, truth: String| {
            score.misses.push(format!(
                "{} {field}: found {found:?}, truth {truth:?}",
                label.file
            ));
        };

        let origin = format!(
            "{}.{}",
            label.file.split(['-', '.']).next().unwrap_or(""),
            label.format
        );
        let company_ok = match (&label.company, &input.company) {
            (Some(truth), found) => found.as_deref().is_some_and(|f| company_matches(f, truth)),
            (None, found) => found.is_none(),
        };
        let location_ok = label.location.as_ref().is_none_or(|truth| {
            input
                .location
                .as_deref()
                .is_some_and(|f| location_matches(f, truth))
        });
        let cell = score.origins.entry(origin).or_default();
        cell[0] += 1;
        cell[1] += usize::from(!title_matches(&input.title, &label.title));
        cell[2] += usize::from(!company_ok);
        cell[3] += usize::from(!location_ok);
        cell[4] += usize::from(fallback_title);
        let title_ok = title_matches(&input.title, &label.title);
        if !title_ok {
            miss("title", input.title.clone(), label.title.clone());
        }
        tally(&mut score.title, title_ok);
        match (&label.company, &input.company) {
            (Some(truth), found) => {
                let ok = found.as_deref().is_some_and(|f| company_matches(f, truth));
                if !ok {
                    miss("company", format!("{found:?}"), truth.clone());
                }
                tally(&mut score.company, ok);
            }
            (None, found) => {
                if found.is_some() {
                    miss("company", format!("{found:?}"), "null".into());
                }
                tally(&mut score.company_null, found.is_none());
            }
        }
        if let Some(truth) = &label.location {
            let ok = input
                .location
                .as_deref()
                .is_some_and(|f| location_matches(f, truth));
            if !ok {
                miss("location", format!("{:?}", input.location), truth.clone());
            }
            tally(&mut score.location, ok);
        } else {
            let none = input
                .location
                .as_deref()
                .is_none_or(|found| label.remote && remote_only(found));
            if !none {
                miss("location", format!("{:?}", input.location), "null".into());
            }
            tally(&mut score.location_null, none);
        }
        if let Some(truth) = &label.salary {
            let ok = input.salary_range.as_ref().is_some_and(|s| {
                let close = |found: Option<i64>, want: f64| {
                    found.is_some_and(|f| (f as f64 - want).abs() <= want.abs() * 0.005 + 1.0)
                };
                s.currency == truth.currency
                    && period_name(s.period) == truth.period
                    && close(s.min.or(s.max), truth.min)
                    && close(s.max.or(s.min), truth.max)
            });
            if !ok {
                miss(
                    "salary",
                    format!("{:?}", input.salary_range),
                    format!("{truth:?}"),
                );
            }
            tally(&mut score.salary, ok);
        }
        let remote = input.is_remote() || input.work_arrangement == Some(WorkArrangement::Remote);
        tally(&mut score.remote, remote == label.remote);
        if let Some(truth) = &label.employment_type {
            tally(
                &mut score.employment_type,
                input.job_type.map(|t| t.as_str()) == Some(truth.as_str()),
            );
        }
        if source == Some(PageSource::JsonLd) {
            score.json_ld_pages += 1;
            // JobWise writes a remote posting's applicant regions as "Remote (…)"; the labels
            // write null for a posting without an office.
            let location = input.location.as_deref().filter(|l| {
                !(label.remote && label.location.is_none() && l.starts_with("Remote ("))
            });
            // The place is JSON-LD's address joined as published ("Kalubowila, Western, LK");
            // a saved real page is labelled from its visible text ("Kalubowila, Sri Lanka"),
            // which may write the region and country differently, so there the place (its
            // first part) must be the same; built pages must match whole.
            let first = |place: &str| norm(place.split(',').next().unwrap_or(""));
            let same_place = match (location, label.location.as_deref()) {
                (Some(found), Some(truth)) => {
                    norm(found) == norm(truth)
                        || (label.built_from.is_none() && first(found) == first(truth))
                }
                (found, truth) => found.is_none() && truth.is_none(),
            };
            let exact = norm(&input.title) == norm(&label.title)
                && input.company.as_deref().map(norm) == label.company.as_deref().map(norm)
                && same_place;
            if !exact && label.built_from.is_none() {
                score.json_ld_saved_misses.push(format!(
                    "{}: found ({:?}, {:?}, {:?})",
                    label.file, input.title, input.company, input.location
                ));
            } else if !exact {
                score.json_ld_misses.push(format!(
                    "{}: found ({:?}, {:?}, {:?})",
                    label.file, input.title, input.company, input.location
                ));
            }
        }
    }
    score
}

fn report(name: &str, s: &Score) {
    println!(
        "{name:<8} files {:>3} | title {:5.1}% | company {:5.1}% ({}) | company null {:5.1}% ({}) | location {:5.1}% ({}) | location null {:5.1}% ({}) | salary {:5.1}% ({}) | remote {:5.1}% | type {:5.1}% ({}) | refusals {} | json-ld pages {}, not exact {} (built) + {} (saved)",
        s.files,
        pct(s.title),
        pct(s.company),
        s.company.1,
        pct(s.company_null),
        s.company_null.1,
        pct(s.location),
        s.location.1,
        pct(s.location_null),
        s.location_null.1,
        pct(s.salary),
        s.salary.1,
        pct(s.remote),
        pct(s.employment_type),
        s.employment_type.1,
        s.refusals.len(),
        s.json_ld_pages,
        s.json_ld_misses.len(),
        s.json_ld_saved_misses.len(),
    );
    for (origin, [files, title, company, location, fallback]) in &s.origins {
        println!(
            "{name:<8}   {origin:<14} files {files:>3} | misses: title {title:>2}, company {company:>2}, location {location:>2} | no title line found {fallback:>2}"
        );
    }
}

/// Per-field floors in percent (title, company, company null, location, salary) and the number
/// of saved pages whose JSON-LD may differ from their labels.
struct Floors([f64; 5], usize);

/// Training split: the measured level, rounded down. The floors are lowered when postings from
/// origins never seen join the corpus (they score lower until rules that fit them are written)
/// and raised as the parser improves; the corpus README's "Split" keeps the history. One saved
/// page of batch s12c (a remote-jobs board) gives the company's own address as the JSON-LD
/// `jobLocation` of a job its text says is open in the USA only.
const TRAIN_FLOORS: Floors = Floors([85.0, 78.0, 83.0, 84.0, 85.0], 1);
/// Holdout: the measured level, rounded down, held the same way. Saved pages' JSON-LD may
/// contradict the visible text the labels follow (an agency named as the hiring organisation
/// where the text names no client, a company address as the place of a remote job, a legal name
/// where the text uses a short one, a title with the employer's name in it): the gatherers of
/// batches s11d, s12c, s12f and s16e noted such pages, and seven are in the holdout, which is
/// not read. The number is a ceiling, held like the
/// fields' floors: JSON-LD import itself is held exact by the built pages and the unit tests.
const HOLDOUT_FLOORS: Floors = Floors([76.0, 68.0, 79.0, 79.0, 80.0], 7);

/// The missed targets; the holdout's are counted without naming files or values, so a failure
/// does not show what the holdout contains.
fn check_targets(name: &str, s: &Score, floors: &Floors, details: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let mut target = |field: &str, value: f64, min: f64| {
        if value < min {
            failures.push(format!("{name}: {field} {value:.1}% < {min}%"));
        }
    };
    let [title, company, company_null, location, salary] = floors.0;
    target("title", pct(s.title), title);
    target("company", pct(s.company), company);
    target("company null", pct(s.company_null), company_null);
    target("location", pct(s.location), location);
    target("salary", pct(s.salary), salary);
    if s.json_ld_saved_misses.len() > floors.1 {
        failures.push(format!(
            "{name}: {} saved pages' JSON-LD differ from their labels (at most {})",
            s.json_ld_saved_misses.len(),
            floors.1
        ));
    }
    if details {
        if s.json_ld_saved_misses.len() > floors.1 {
            for miss in &s.json_ld_saved_misses {
                failures.push(format!("{name}: saved page's JSON-LD: {miss}"));
            }
        }
        for refusal in &s.refusals {
            failures.push(format!("{name}: refused {refusal}"));
        }
        for miss in &s.json_ld_misses {
            failures.push(format!("{name}: JSON-LD page not exact: {miss}"));
        }
    } else {
        if !s.refusals.is_empty() {
            failures.push(format!("{name}: {} refusals", s.refusals.len()));
        }
        if !s.json_ld_misses.is_empty() {
            failures.push(format!(
                "{name}: {} JSON-LD pages not exact",
                s.json_ld_misses.len()
            ));
        }
    }
    failures
}

#[test]
fn posting_corpus_accuracy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/postings");
    let train = score_split(&root.join("train"));
    let holdout = score_split(&root.join("holdout"));
    // Only the training split's misses are printed: the holdout is measured, not read.
    for miss in &train.misses {
        println!("train miss: {miss}");
    }
    report("train", &train);
    report("holdout", &holdout);
    // `JOBWISE_POSTINGS_UNSEEN=<dir>` (a folder with files and a `labels.json`) measures a new
    // batch before it is merged, aggregates only, so its first-contact figures can be kept.
    if let Ok(dir) = std::env::var("JOBWISE_POSTINGS_UNSEEN") {
        report("unseen", &score_split(Path::new(&dir)));
    }
    let mut failures = check_targets("train", &train, &TRAIN_FLOORS, true);
    failures.extend(check_targets("holdout", &holdout, &HOLDOUT_FLOORS, false));
    assert!(
        failures.is_empty(),
        "targets missed:\n{}",
        failures.join("\n")
    );
}
