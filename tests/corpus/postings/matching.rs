//! How a parsed title is compared with a label, shared by the corpus test
//! (`tests/postings_corpus.rs`) and the title-model trainer
//! (`crates/engine/examples/train_title_model.rs`), so that the trainer's right answers are the
//! ones the test counts. It lives beside the corpus, apart from the parser, so the metric does
//! not bend with the parser.

/// Lower case, letters and digits only, single spaces; dashes and quotes folded.
pub fn norm(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Without gender markers ("(m/f/d)", "(M/W/D)"), which some labels keep and the parser drops.
fn without_gender_marker(title: &str) -> String {
    let mut out = title.to_string();
    for marker in [
        "(m/f/d)",
        "(m/w/d)",
        "(w/m/d)",
        "(f/m/d)",
        "(m/f/x)",
        "(m/w/x)",
        "(all genders)",
        // French, Dutch and Polish forms.
        "(h/f)",
        "(f/h)",
        "(h/f/x)",
        "(f/h/x)",
        "(m/v)",
        "(m/v/x)",
        "(v/m)",
        "(k/m)",
        "(m/k)",
    ] {
        if let Some(at) = out.to_lowercase().find(marker) {
            out.replace_range(at..at + marker.len(), "");
        }
    }
    // The same markers unbracketed at the end ("ASSISTANT ADMINISTRATIF H/F").
    for marker in [" h/f", " f/h", " m/w/d", " m/f/d", " w/m/d", " m/v"] {
        if out.to_lowercase().trim_end().ends_with(marker) {
            let keep = out.trim_end().len() - marker.len();
            out.truncate(keep);
        }
    }
    out
}

pub fn title_matches(found: &str, truth: &str) -> bool {
    let (f, t) = (
        norm(&without_gender_marker(found)),
        norm(&without_gender_marker(truth)),
    );
    if f == t {
        return true;
    }
    // A title with a word of decoration more or less ("Senior Engineer" vs "Senior Engineer
    // II") still names the role; anything further is a miss.
    let (fw, tw) = (f.split(' ').count(), t.split(' ').count());
    (f.contains(&t) || t.contains(&f)) && fw.abs_diff(tw) <= 1
}
