//! The listwise softmax fit shared by the title-line and company trainers: each example is
//! one posting's candidates (the first is the "none" option) with the right ones marked; the
//! loss is minus the log of the probability the model gives to the right ones together. Fitted
//! by full-batch Adam with a small L2 penalty; deterministic.

/// One posting's candidates (trait vectors) and which of them are right.
pub struct Example {
    pub features: Vec<Vec<f32>>,
    pub right: Vec<bool>,
}

const EPOCHS: usize = 600;
const LEARNING_RATE: f64 = 0.05;
const L2: f64 = 0.002;

/// Each candidate's score under `weights`.
pub fn scores(weights: &[f64], example: &Example) -> Vec<f64> {
    example
        .features
        .iter()
        .map(|f| {
            f.iter()
                .zip(weights)
                .map(|(f, w)| f64::from(*f) * w)
                .sum::<f64>()
        })
        .collect()
}

/// Fits the weights of `dimensions` traits to the examples.
pub fn train(examples: &[&Example], dimensions: usize) -> Vec<f64> {
    let mut weights = vec![0.0f64; dimensions];
    let (mut m, mut v) = (vec![0.0f64; dimensions], vec![0.0f64; dimensions]);
    let (beta1, beta2, eps) = (0.9f64, 0.999f64, 1e-8);
    for epoch in 1..=EPOCHS {
        let mut gradient = vec![0.0f64; dimensions];
        for example in examples {
            let s = scores(&weights, example);
            let top = s.iter().cloned().fold(f64::MIN, f64::max);
            let exp: Vec<f64> = s.iter().map(|x| (x - top).exp()).collect();
            let total: f64 = exp.iter().sum();
            let right_total: f64 = exp
                .iter()
                .zip(&example.right)
                .filter(|(_, r)| **r)
                .map(|(e, _)| e)
                .sum();
            for ((features, e), right) in example.features.iter().zip(&exp).zip(&example.right) {
                let p = e / total;
                let q = if *right { e / right_total } else { 0.0 };
                for (g, f) in gradient.iter_mut().zip(features.iter()) {
                    *g += (p - q) * f64::from(*f);
                }
            }
        }
        let n = examples.len().max(1) as f64;
        let correction1 = 1.0 - beta1.powi(epoch as i32);
        let correction2 = 1.0 - beta2.powi(epoch as i32);
        for (((w, g), m), v) in weights
            .iter_mut()
            .zip(&gradient)
            .zip(m.iter_mut())
            .zip(v.iter_mut())
        {
            let g = g / n + L2 * *w;
            *m = beta1 * *m + (1.0 - beta1) * g;
            *v = beta2 * *v + (1.0 - beta2) * g * g;
            *w -= LEARNING_RATE * (*m / correction1) / ((*v / correction2).sqrt() + eps);
        }
    }
    weights
}

/// The training split's labels and the text of each text posting.
pub fn training_postings() -> Vec<(serde_json::Value, String)> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus/postings/train");
    let labels: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("labels.json")).expect("train labels are readable"),
    )
    .expect("train labels are JSON");
    labels
        .into_iter()
        .filter(|label| label["format"] == "text")
        .map(|label| {
            let file = label["file"].as_str().expect("a file name").to_string();
            let raw = std::fs::read_to_string(dir.join(file)).expect("posting is readable");
            (label, raw)
        })
        .collect()
}

/// Writes a weights file for `module` (a path under `src/posting/`).
pub fn write_weights(module: &str, trainer: &str, names: &[&str], weights: &[f64]) {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/posting")
        .join(module)
        .join("weights.rs");
    let mut out = format!(
        "//! Weights of the model, one per trait in `FEATURE_NAMES` order. Written by\n//! `cargo \
         run -p jobwise-engine --example {trainer} -- --write` from the training\n//! split; do \
         not edit by hand.\n\n// A fitted weight can come close to a named constant (0.3010 and log10 2).\n#![allow(\
         clippy::approx_constant)]\n\npub(super) const WEIGHTS: [f32; super::FEATURES] = [\n"
    );
    // Laid out as rustfmt lays it out: the comments in one column.
    let values: Vec<String> = weights.iter().map(|w| format!("{w:.4},")).collect();
    let width = values.iter().map(String::len).max().unwrap_or(0);
    for (name, value) in names.iter().zip(&values) {
        out.push_str(&format!("    {value:<width$} // {name}\n"));
    }
    out.push_str("];\n");
    std::fs::write(&path, out).expect("weights.rs is writable");
    println!("wrote {}", path.display());
}
