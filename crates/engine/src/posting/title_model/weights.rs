//! Weights of the model, one per trait in `FEATURE_NAMES` order. Written by
//! `cargo run -p jobwise-engine --example train_title_model -- --write` from the training
//! split; do not edit by hand.

// A fitted weight can come close to a named constant (0.3010 and log10 2).
#![allow(clippy::approx_constant)]

pub(super) const WEIGHTS: [f32; super::FEATURES] = [
    2.7066,  // no line (title only in the prose)
    0.7282,  // the header rules picked this line
    -0.1159, // first line
    0.0975,  // second line
    -0.3170, // third line
    -0.4682, // lines 4 to 6
    -0.9687, // lines 7 to 11
    -0.9537, // line 12 or later
    -1.6653, // log of position
    2.0739,  // names a role
    1.5023,  // reads like a title (rules)
    -0.0820, // one word
    0.4937,  // 2 to 4 words
    -1.2102, // 5 to 8 words
    -1.1042, // 9 to 12 words
    -0.8273, // 13 or more words
    0.1926,  // no lower-case word
    -0.0323, // 1 or 2 lower-case words
    -0.3518, // ends like a sentence
    0.6979,  // all capitals
    -0.2319, // has a digit
    1.8595,  // has a pipe
    -0.2679, // has a colon
    0.9253,  // a Title: field
    -0.9711, // a heading
    -1.2603, // a bullet
    -0.3397, // a place
    -0.1552, // a date
    -0.0444, // a greeting
    -0.1766, // a site heading
    0.3727,  // a link or an e-mail address
    -0.9076, // repeated as a line
    0.8980,  // named again in the text
    -0.0154, // next line is a place
    0.0546,  // next line is a name
    0.6951,  // after a blank line or at the top
    0.3493,  // a 'X is hiring' sentence
    -0.6791, // starts with a capital
    1.2131,  // money
    0.4382,  // gender marker
    0.1803,  // over 80 characters
    0.3290,  // most words capitalised
    -0.7950, // site navigation words
    -0.4343, // a separator (dash, pipe, at)
    0.0000,  // board chrome
    -1.0178, // a labelled detail
    0.6480,  // the first line that names a role
];
