//! Prints what the posting parser reads from a pasted posting on standard input:
//! `cargo run -p jobwise-engine --example parse_posting < posting.txt`.

use std::io::{Read, Write};

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("standard input is UTF-8 text");
    let parsed = jobwise_engine::parse_posting(&text);
    let mut report = format!(
        "title:    {:?}\ncompany:  {:?}\nlocation: {:?}\narrangement: {:?}\njob type: {:?}\nsalary:   {:?}\n",
        parsed.title,
        parsed.company,
        parsed.location,
        parsed.work_arrangement,
        parsed.job_type,
        parsed.salary
    );
    for warning in &parsed.warnings {
        report.push_str(&format!("warning:  {warning:?}\n"));
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(report.as_bytes());
}
