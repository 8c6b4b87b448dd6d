//! Weights of the model, one per trait in `FEATURE_NAMES` order. Written by
//! `cargo run -p jobwise-engine --example train_title_model -- --write` from the training
//! split; do not edit by hand.

// A fitted weight can come close to a named constant (0.3010 and log10 2).
#![allow(clippy::approx_constant)]

pub(super) const WEIGHTS: [f32; super::FEATURES] = [
    2.6447,  // no line (title only in the prose)
    0.7557,  // the header rules picked this line
    -0.1561, // first line
    0.0674,  // second line
    -0.2788, // third line
    -0.4176, // lines 4 to 6
    -0.9133, // lines 7 to 11
    -0.9409, // line 12 or later
    -1.6474, // log of position
    2.0575,  // names a role
    1.4305,  // reads like a title (rules)
    -0.0757, // one word
    0.4781,  // 2 to 4 words
    -1.1540, // 5 to 8 words
    -1.1467, // 9 to 12 words
    -0.7596, // 13 or more words
    0.1057,  // no lower-case word
    -0.0480, // 1 or 2 lower-case words
    -0.3919, // ends like a sentence
    0.7299,  // all capitals
    -0.3450, // has a digit
    1.8597,  // has a pipe
    -0.3141, // has a colon
    0.9218,  // a Title: field
    -0.9223, // a heading
    -1.2341, // a bullet
    -0.4638, // a place
    -0.1332, // a date
    -0.0462, // a greeting
    -0.1908, // a site heading
    0.3865,  // a link or an e-mail address
    -0.8643, // repeated as a line
    0.9525,  // named again in the text
    0.1217,  // next line is a place
    0.0238,  // next line is a name
    0.6496,  // after a blank line or at the top
    0.3630,  // a 'X is hiring' sentence
    -0.6032, // starts with a capital
    1.2861,  // money
    0.4672,  // gender marker
    0.1131,  // over 80 characters
    0.3588,  // most words capitalised
    -0.7881, // site navigation words
    -0.3887, // a separator (dash, pipe, at)
    0.0000,  // board chrome
    -1.2237, // a labelled detail
    0.6642,  // the first line that names a role
];
