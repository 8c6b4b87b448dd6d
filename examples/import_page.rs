//! Prints what the page importer reads from a saved job page: which reading won, the fields,
//! and the page's readable text. `cargo run --example import_page -- page.html`.

use jobwise::jobs::fetch::decode_page;
use jobwise::jobs::import::read_job_page;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: import_page <page.html>");
    let bytes = std::fs::read(&path).expect("the file can be read");
    let reading = read_job_page(&decode_page(&bytes, None));
    let p = &reading.parsed;
    println!("source:   {:?}", reading.source);
    println!("title:    {:?}", p.title);
    println!("company:  {:?}", p.company);
    println!("location: {:?}", p.location);
    println!("salary:   {:?}", p.salary);
    println!("type:     {:?}", p.job_type);
    println!("--- readable text ---\n{}", reading.text);
}
