//! Trains the title-line model (`src/posting/title_model`) on the training split of the
//! labelled postings corpus and writes its weights.
//!
//! ```text
//! cargo run --release -p jobwise-engine --example train_title_model            # report only
//! cargo run --release -p jobwise-engine --example train_title_model -- --write # and write
//! ```
//!
//! Only `tests/corpus/postings/train/` is read; the holdout never takes part. For each text
//! posting, the candidate lines from which the header would read the labelled title (a word
//! of decoration more or less, as the corpus test counts it) are the right answers; a posting
//! with none has the "no line" option as its answer. Five-fold cross-validation over the
//! training split reports how often the chosen line is a right one, for several override
//! margins, beside how often the rules' own pick is.

#[path = "../../../tests/corpus/postings/matching.rs"]
mod matching;
#[path = "softmax/mod.rs"]
mod softmax;

use jobwise_engine::posting::title_model::{
    Candidate, FEATURE_NAMES, FEATURES, OVERRIDE_MARGIN, candidates_of, pick,
};
use matching::{norm, title_matches};
use softmax::{Example, train, training_postings};

const FOLDS: usize = 5;

fn examples() -> Vec<Example> {
    training_postings()
        .into_iter()
        .map(|(label, raw)| {
            let truth = label["title"].as_str().expect("a title");
            let candidates: Vec<Candidate> = candidates_of(&raw);
            let mut right: Vec<bool> = candidates
                .iter()
                .map(|c| {
                    c.line.is_some()
                        && !norm(&c.reading).is_empty()
                        && title_matches(&c.reading, truth)
                })
                .collect();
            if !right.iter().any(|r| *r) {
                // The first candidate is the "no line" option.
                right[0] = true;
            }
            Example {
                features: candidates.iter().map(|c| c.features.to_vec()).collect(),
                right,
            }
        })
        .collect()
}

fn ruled(example: &Example) -> Option<usize> {
    example.features.iter().position(|f| f[1] > 0.5)
}

/// The candidate the parser would use (`pick`): the model's top line, which must beat the
/// rules' own line by `margin`; its "no line" defers to the rules' pick when there is one.
fn chosen(weights: &[f64], example: &Example, margin: f32) -> usize {
    let scored: Vec<(Option<usize>, f32)> = softmax::scores(weights, example)
        .into_iter()
        .enumerate()
        .map(|(i, s)| ((i > 0).then_some(i), s as f32))
        .collect();
    let ruled = ruled(example);
    pick(&scored, ruled, margin).or(ruled).unwrap_or(0)
}

fn main() {
    let write = std::env::args().any(|a| a == "--write");
    let examples = examples();
    const MARGINS: [f32; 6] = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0];
    let (mut model_right, mut rules_right) = ([0usize; MARGINS.len()], 0);
    for fold in 0..FOLDS {
        let training: Vec<&Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, e)| e)
            .collect();
        let weights = train(&training, FEATURES);
        for (_, example) in examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS == fold)
        {
            for (right, margin) in model_right.iter_mut().zip(MARGINS) {
                *right += usize::from(example.right[chosen(&weights, example, margin)]);
            }
            rules_right += usize::from(example.right[ruled(example).unwrap_or(0)]);
        }
    }
    let total = examples.len();
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    println!(
        "{total} training postings (text); {FOLDS}-fold cross-validation, right line chosen: \
         rules alone {:.1}%",
        pct(rules_right)
    );
    for (right, margin) in model_right.iter().zip(MARGINS) {
        println!("  model, override margin {margin:.1}: {:.1}%", pct(*right));
    }
    let all: Vec<&Example> = examples.iter().collect();
    let weights = train(&all, FEATURES);
    let fitted = examples
        .iter()
        .filter(|e| e.right[chosen(&weights, e, OVERRIDE_MARGIN)])
        .count();
    println!(
        "fitted on all {total}, override margin {OVERRIDE_MARGIN:.1}: right line chosen {:.1}%",
        pct(fitted)
    );
    for (name, weight) in FEATURE_NAMES.iter().zip(&weights) {
        println!("{weight:>8.3}  {name}");
    }
    if write {
        softmax::write_weights("title_model", "train_title_model", FEATURE_NAMES, &weights);
    }
}
