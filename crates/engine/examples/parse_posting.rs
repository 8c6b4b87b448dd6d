//! Prints what the posting parser reads from a pasted posting on standard input:
//! `cargo run -p jobwise-engine --example parse_posting < posting.txt`.

use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("standard input is UTF-8 text");
    let parsed = jobwise_engine::parse_posting(&text);
    println!("title:    {:?}", parsed.title);
    println!("company:  {:?}", parsed.company);
    println!("location: {:?}", parsed.location);
    println!("arrangement: {:?}", parsed.work_arrangement);
    println!("job type: {:?}", parsed.job_type);
    println!("salary:   {:?}", parsed.salary);
    for warning in &parsed.warnings {
        println!("warning:  {warning:?}");
    }
}
