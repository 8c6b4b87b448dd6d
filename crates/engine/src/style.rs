//! Writing-style profile built from a user's own samples (past resumes,
//! cover letters). Every measure is a simple, documented count over the
//! samples, and the profile carries one plain-language sentence per measure
//! explaining how it was computed, so users can see why it says what it says.
//!
//! Text is split into sentences at `.`, `!`, `?` and line breaks (so each
//! bullet is a sentence). Words are runs of letters/digits, with inner
//! apostrophes and hyphens kept ("don't", "cross-functional"), compared in
//! lower case.

use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// The writing-style profile.
///
/// All measures are `None` (lists empty) when there are no samples or the samples contain no
/// words. (The field comments are the API's descriptions; rounding and limits are listed on
/// [`analyze_style`].)
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(description = "The writing-style profile.")
)]
pub struct StyleProfile {
    /// Samples analysed.
    pub sample_count: usize,
    /// Words analysed.
    pub word_count: usize,
    /// Words per sentence.
    pub avg_sentence_length: Option<f64>,
    /// 0 (casual) to 1 (formal).
    pub formality: Option<f64>,
    /// casual, neutral or formal.
    pub formality_label: Option<String>,
    /// Share of sentences in the first person.
    pub first_person_rate: Option<f64>,
    /// plain, moderate or advanced.
    pub vocabulary_level: Option<String>,
    /// Type-token ratio of the first 1,000 words.
    pub lexical_diversity: Option<f64>,
    /// confident, enthusiastic, professional, humble or warm.
    pub tone: Option<String>,
    /// Most frequent first words of sentences and bullets.
    pub common_openers: Vec<String>,
    /// Most frequent 2–3 word phrases used at least twice.
    pub favorite_phrases: Vec<String>,
    /// How each measure was computed from these samples.
    pub explanation: Vec<String>,
}

/// Builds a style profile from writing samples.
///
/// **Rounding and limits**: words per sentence to 1 decimal; formality, the first-person rate
/// (sentences using I/me/my) and lexical diversity (distinct words / words over the first 1000
/// words) to 2 decimals; openers are lower-cased, top 5; phrases top 8; one explanation
/// sentence per measure.
///
/// **Formality** starts at 0.50 and is adjusted by per-100-word rates,
/// then clamped to 0..1:
///
/// | signal | weight | cap |
/// |---|---|---|
/// | contractions ("I'm", "don't") | −0.06 each | −0.30 |
/// | exclamation marks | −0.10 each | −0.20 |
/// | casual markers (you/your, slang such as "awesome", "stuff", "gonna") | −0.03 each | −0.20 |
/// | long words (≥ 3 syllables): 1.5 × (share − 0.15) | | ±0.20 |
/// | formal markers (passive voice "was led", connectors "moreover", hedges "perhaps") | +0.05 each | +0.20 |
///
/// Labels: casual below 0.40, formal from 0.60, neutral in between.
///
/// **Vocabulary level**: "advanced" when the average word is ≥ 5.0 letters
/// and ≥ 18% of words have three or more syllables; "plain" when the
/// average is < 4.4 letters and < 10% are long; otherwise "moderate".
///
/// **Tone**: the cue-word group with the highest count wins (exclamation
/// marks count as enthusiastic cues); ties and an all-zero count resolve in
/// the order professional, confident, enthusiastic, warm, humble. The cue
/// lists are [`CONFIDENT_CUES`], [`ENTHUSIASTIC_CUES`],
/// [`PROFESSIONAL_CUES`], [`HUMBLE_CUES`] and [`WARM_CUES`].
///
/// **Openers** and **phrases** sort by count (descending), then phrase
/// length (longer first), then alphabetically. A 2-word phrase is dropped
/// when a kept 3-word phrase containing it has the same count.
pub fn analyze_style(samples: &[&str]) -> StyleProfile {
    let corpus = Corpus::from_samples(samples);
    if corpus.words().next().is_none() {
        return empty_profile(samples.len());
    }
    let counts = Counts::from_corpus(&corpus);
    let formality = Formality::from_counts(&counts);
    let vocabulary = vocabulary_level(&counts);
    let diversity = Diversity::from_corpus(&corpus);
    let tone = Tone::from_corpus(&corpus);
    let openers = common_openers(&corpus);
    let phrases = favorite_phrases(&corpus);

    let explanation = vec![
        summary_sentence(samples.len(), &counts),
        sentence_length_sentence(&counts),
        formality.explain(&counts),
        first_person_sentence(&counts),
        vocabulary_sentence(vocabulary, &counts),
        diversity.explain(),
        tone.explain(),
        ranked_sentence(
            "Common openers",
            "No sentence openers were found.",
            &openers,
        ),
        ranked_sentence(
            "Favorite phrases (2–3 words used at least twice)",
            "No 2–3 word phrase was used at least twice.",
            &phrases,
        ),
    ];
    StyleProfile {
        sample_count: samples.len(),
        word_count: counts.words,
        avg_sentence_length: Some(round_to(counts.avg_sentence_length(), 1)),
        formality: Some(formality.score),
        formality_label: Some(formality.label().to_string()),
        first_person_rate: Some(round_to(counts.first_person_rate(), 2)),
        vocabulary_level: Some(vocabulary.to_string()),
        lexical_diversity: Some(diversity.ratio),
        tone: Some(tone.winner.to_string()),
        common_openers: openers.into_iter().map(|(word, _)| word).collect(),
        favorite_phrases: phrases.into_iter().map(|(phrase, _)| phrase).collect(),
        explanation,
    }
}

fn empty_profile(sample_count: usize) -> StyleProfile {
    let reason = if sample_count == 0 {
        "No samples were provided, so no style measures were computed."
    } else {
        "The samples contain no words, so no style measures were computed."
    };
    StyleProfile {
        sample_count,
        word_count: 0,
        avg_sentence_length: None,
        formality: None,
        formality_label: None,
        first_person_rate: None,
        vocabulary_level: None,
        lexical_diversity: None,
        tone: None,
        common_openers: Vec::new(),
        favorite_phrases: Vec::new(),
        explanation: vec![reason.to_string()],
    }
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

fn per_100(count: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        count as f64 * 100.0 / words as f64
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

// ---------------------------------------------------------------------------
// Tokenising

static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?]+(?:\s+|$)").expect("sentence regex is valid"));
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*").expect("word regex is valid")
});

/// Samples split into sentences of lower-cased words.
struct Corpus {
    sentences: Vec<Vec<String>>,
    exclamations: usize,
}

impl Corpus {
    fn from_samples(samples: &[&str]) -> Self {
        let sentences = samples
            .iter()
            .flat_map(|sample| sample.lines())
            .flat_map(|line| SENTENCE_END.split(line))
            .map(sentence_words)
            .filter(|words| !words.is_empty())
            .collect();
        let exclamations = samples.iter().map(|s| s.matches('!').count()).sum();
        Corpus {
            sentences,
            exclamations,
        }
    }

    fn words(&self) -> impl Iterator<Item = &String> {
        self.sentences.iter().flatten()
    }
}

fn sentence_words(sentence: &str) -> Vec<String> {
    WORD.find_iter(sentence)
        .map(|m| m.as_str().replace('’', "'").to_lowercase())
        .collect()
}

// ---------------------------------------------------------------------------
// Counts

/// Words that make a sentence first-person.
const FIRST_PERSON: &[&str] = &[
    "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll",
];

/// Informal words counted as casual markers, besides second-person pronouns.
const CASUAL_WORDS: &[&str] = &[
    "you", "your", "you're", "yours", "yourself", "hey", "hi", "awesome", "cool", "super", "stuff",
    "things", "gonna", "wanna", "kinda", "ok", "okay", "yeah", "lol", "totally", "pretty", "guys",
    "folks", "lots", "tons", "crazy", "huge",
];

/// Formal connectors and hedges counted as formal markers.
const FORMAL_WORDS: &[&str] = &[
    "furthermore",
    "moreover",
    "therefore",
    "consequently",
    "additionally",
    "however",
    "thus",
    "hence",
    "accordingly",
    "regarding",
    "whereas",
    "nevertheless",
    "subsequently",
    "respectively",
    "herein",
    "notwithstanding",
    "perhaps",
    "somewhat",
    "arguably",
    "relatively",
    "generally",
    "typically",
    "potentially",
    "possibly",
];

/// Forms of "to be" that start a passive construction.
const BE_VERBS: &[&str] = &["is", "are", "was", "were", "been", "being", "be"];

/// Irregular past participles recognised in passive constructions.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "built", "written", "given", "made", "led", "known", "shown", "done", "chosen", "taken",
    "seen", "held", "brought", "taught", "sold", "run", "won", "awarded",
];

/// Contraction endings ("don't", "I'm", "we're"); "'s" counts only on
/// pronouns so possessives ("company's") are not contractions.
const CONTRACTION_ENDINGS: &[&str] = &["n't", "'re", "'ve", "'ll", "'d", "'m"];
const S_CONTRACTIONS: &[&str] = &[
    "it's", "that's", "there's", "here's", "what's", "let's", "who's", "he's", "she's",
];

/// Raw counts over the corpus.
struct Counts {
    words: usize,
    sentences: usize,
    letters: usize,
    long_words: usize,
    contractions: usize,
    casual: usize,
    formal: usize,
    exclamations: usize,
    first_person_sentences: usize,
}

impl Counts {
    fn from_corpus(corpus: &Corpus) -> Self {
        let words: Vec<&String> = corpus.words().collect();
        Counts {
            words: words.len(),
            sentences: corpus.sentences.len(),
            letters: words
                .iter()
                .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
                .sum(),
            long_words: words.iter().filter(|w| syllables(w) >= 3).count(),
            contractions: words.iter().filter(|w| is_contraction(w)).count(),
            casual: words
                .iter()
                .filter(|w| CASUAL_WORDS.contains(&w.as_str()))
                .count(),
            formal: count_formal_markers(corpus),
            exclamations: corpus.exclamations,
            first_person_sentences: corpus
                .sentences
                .iter()
                .filter(|s| s.iter().any(|w| FIRST_PERSON.contains(&w.as_str())))
                .count(),
        }
    }

    fn avg_sentence_length(&self) -> f64 {
        share(self.words, self.sentences)
    }

    fn first_person_rate(&self) -> f64 {
        share(self.first_person_sentences, self.sentences)
    }

    fn long_word_share(&self) -> f64 {
        share(self.long_words, self.words)
    }

    fn avg_word_length(&self) -> f64 {
        share(self.letters, self.words)
    }
}

fn is_contraction(word: &str) -> bool {
    CONTRACTION_ENDINGS.iter().any(|e| word.ends_with(e)) || S_CONTRACTIONS.contains(&word)
}

/// Formal connectors/hedges plus passive constructions ("was awarded",
/// "were migrated").
fn count_formal_markers(corpus: &Corpus) -> usize {
    corpus
        .sentences
        .iter()
        .map(|sentence| {
            let words_marked = sentence
                .iter()
                .filter(|w| FORMAL_WORDS.contains(&w.as_str()))
                .count();
            let passives = sentence
                .windows(2)
                .filter(|pair| BE_VERBS.contains(&pair[0].as_str()) && is_participle(&pair[1]))
                .count();
            words_marked + passives
        })
        .sum()
}

fn is_participle(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&word)
}

/// Estimated syllables: vowel groups, minus a silent final "e" and a
/// silent "-ed" ending.
fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_vowel = |c: char| "aeiouyàáâäèéêëìíîïòóôöùúûü".contains(c);
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let len = letters.len();
    if len > 3 && count > 1 {
        let last = letters[len - 1];
        let before = letters[len - 2];
        // "-le" after a consonant is its own syllable ("table").
        let syllabic_le = before == 'l' && !is_vowel(letters[len - 3]);
        let silent_e = last == 'e' && !is_vowel(before) && !syllabic_le;
        let silent_ed = last == 'd' && before == 'e' && !matches!(letters[len - 3], 't' | 'd');
        if silent_e || silent_ed {
            count -= 1;
        }
    }
    count.max(1)
}

// ---------------------------------------------------------------------------
// Formality

/// The formality score and the per-100-word rates it came from.
struct Formality {
    score: f64,
    contractions: f64,
    exclamations: f64,
    casual: f64,
    formal: f64,
}

impl Formality {
    fn from_counts(counts: &Counts) -> Self {
        let contractions = per_100(counts.contractions, counts.words);
        let exclamations = per_100(counts.exclamations, counts.words);
        let casual = per_100(counts.casual, counts.words);
        let formal = per_100(counts.formal, counts.words);
        let long_words = (1.5 * (counts.long_word_share() - 0.15)).clamp(-0.20, 0.20);
        let raw = 0.50
            - (0.06 * contractions).min(0.30)
            - (0.10 * exclamations).min(0.20)
            - (0.03 * casual).min(0.20)
            + long_words
            + (0.05 * formal).min(0.20);
        Formality {
            score: round_to(raw.clamp(0.0, 1.0), 2),
            contractions,
            exclamations,
            casual,
            formal,
        }
    }

    fn label(&self) -> &'static str {
        if self.score < 0.40 {
            "casual"
        } else if self.score < 0.60 {
            "neutral"
        } else {
            "formal"
        }
    }

    fn explain(&self, counts: &Counts) -> String {
        format!(
            "Formality {:.2} ({}): starts at 0.50, lowered by {:.1} contractions, {:.1} exclamation marks and {:.1} casual markers (you/your, slang) per 100 words, adjusted for {:.0}% long words, raised by {:.1} formal markers (passive voice, formal connectors, hedges) per 100 words.",
            self.score,
            self.label(),
            self.contractions,
            self.exclamations,
            self.casual,
            counts.long_word_share() * 100.0,
            self.formal,
        )
    }
}

// ---------------------------------------------------------------------------
// Vocabulary and diversity

fn vocabulary_level(counts: &Counts) -> &'static str {
    let average = counts.avg_word_length();
    let long = counts.long_word_share();
    if average >= 5.0 && long >= 0.18 {
        "advanced"
    } else if average < 4.4 && long < 0.10 {
        "plain"
    } else {
        "moderate"
    }
}

fn vocabulary_sentence(level: &str, counts: &Counts) -> String {
    format!(
        "Vocabulary {level}: average word length {:.1} letters and {:.0}% of words with three or more syllables (advanced needs ≥ 5.0 letters and ≥ 18%, plain < 4.4 letters and < 10%).",
        counts.avg_word_length(),
        counts.long_word_share() * 100.0
    )
}

/// Type-token ratio over the first 1000 words.
struct Diversity {
    ratio: f64,
    distinct: usize,
    considered: usize,
}

impl Diversity {
    fn from_corpus(corpus: &Corpus) -> Self {
        let first: Vec<&String> = corpus.words().take(1000).collect();
        let distinct = first.iter().collect::<BTreeSet<_>>().len();
        Diversity {
            ratio: round_to(share(distinct, first.len()), 2),
            distinct,
            considered: first.len(),
        }
    }

    fn explain(&self) -> String {
        format!(
            "Lexical diversity {:.2}: {} distinct words among the first {} words.",
            self.ratio, self.distinct, self.considered
        )
    }
}

// ---------------------------------------------------------------------------
// Tone

/// Cue words for a confident tone (ownership and results).
pub const CONFIDENT_CUES: &[&str] = &[
    "led",
    "delivered",
    "drove",
    "achieved",
    "built",
    "launched",
    "increased",
    "reduced",
    "improved",
    "proven",
    "successfully",
    "spearheaded",
    "owned",
    "exceeded",
    "expert",
    "accomplished",
    "transformed",
    "grew",
    "scaled",
    "won",
    "confident",
    "decisive",
];
/// Cue words for an enthusiastic tone (exclamation marks also count).
pub const ENTHUSIASTIC_CUES: &[&str] = &[
    "excited",
    "excitement",
    "passionate",
    "passion",
    "thrilled",
    "love",
    "loves",
    "loved",
    "eager",
    "delighted",
    "enthusiastic",
    "amazing",
    "fantastic",
    "awesome",
    "inspired",
    "energized",
    "incredible",
    "can't",
];
/// Cue words for a professional tone (process and responsibility).
pub const PROFESSIONAL_CUES: &[&str] = &[
    "experience",
    "responsible",
    "managed",
    "collaborated",
    "ensured",
    "stakeholders",
    "coordinated",
    "implemented",
    "professional",
    "expertise",
    "proficient",
    "objectives",
    "deliverables",
    "organization",
    "organisation",
    "requirements",
    "compliance",
    "strategic",
    "position",
    "qualifications",
];
/// Cue words for a humble tone (learning and gratitude).
pub const HUMBLE_CUES: &[&str] = &[
    "hope",
    "learned",
    "learning",
    "grateful",
    "helped",
    "contributed",
    "assisted",
    "try",
    "tried",
    "humbled",
    "appreciate",
    "fortunate",
    "lucky",
    "privileged",
    "modest",
    "grow",
];
/// Cue words for a warm tone (people and community).
pub const WARM_CUES: &[&str] = &[
    "team",
    "together",
    "people",
    "community",
    "care",
    "kind",
    "welcoming",
    "friendly",
    "colleagues",
    "thank",
    "thanks",
    "happy",
    "share",
    "enjoy",
    "support",
    "warm",
    "connect",
];

/// Tone groups in tie-break order.
const TONES: [(&str, &[&str]); 5] = [
    ("professional", PROFESSIONAL_CUES),
    ("confident", CONFIDENT_CUES),
    ("enthusiastic", ENTHUSIASTIC_CUES),
    ("warm", WARM_CUES),
    ("humble", HUMBLE_CUES),
];

/// Cue counts per tone and the winner.
struct Tone {
    counts: Vec<(&'static str, usize)>,
    winner: &'static str,
}

impl Tone {
    fn from_corpus(corpus: &Corpus) -> Self {
        let counts: Vec<(&'static str, usize)> = TONES
            .iter()
            .map(|(name, cues)| {
                let words = corpus
                    .words()
                    .filter(|w| cues.contains(&w.as_str()))
                    .count();
                let bonus = if *name == "enthusiastic" {
                    corpus.exclamations
                } else {
                    0
                };
                (*name, words + bonus)
            })
            .collect();
        let mut winner = TONES[0].0;
        let mut best = 0;
        for (name, count) in &counts {
            if *count > best {
                best = *count;
                winner = name;
            }
        }
        Tone { counts, winner }
    }

    fn explain(&self) -> String {
        let listed: Vec<String> = self
            .counts
            .iter()
            .map(|(name, count)| format!("{name} {count}"))
            .collect();
        format!(
            "Tone {}: the cue-word group with the most hits ({}; ties go to the first listed).",
            self.winner,
            listed.join(", ")
        )
    }
}

// ---------------------------------------------------------------------------
// Openers and phrases

/// Everyday words that cannot make a phrase on their own.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's", "this",
    "that", "these", "those", "i", "me", "my", "we", "our", "you", "your", "he", "she", "they",
    "them", "their", "his", "her", "have", "has", "had", "do", "does", "did", "will", "would",
    "can", "could", "should", "may", "might", "not", "no", "so", "if", "than", "then", "also",
    "into", "about", "over", "up", "out", "very", "just", "more", "most", "all", "any", "some",
    "such", "which", "who", "what", "when", "where", "how", "am", "i'm", "i've", "i'd", "i'll",
    "there", "here", "while",
];

/// Sorts (item, count) by count desc, word count desc, then alphabetically.
fn rank(counts: BTreeMap<String, usize>, minimum: usize, limit: usize) -> Vec<(String, usize)> {
    let mut ranked: Vec<(String, usize)> =
        counts.into_iter().filter(|(_, c)| *c >= minimum).collect();
    ranked.sort_by(|(a, ca), (b, cb)| {
        cb.cmp(ca)
            .then_with(|| b.split(' ').count().cmp(&a.split(' ').count()))
            .then_with(|| a.cmp(b))
    });
    ranked.truncate(limit);
    ranked
}

fn common_openers(corpus: &Corpus) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for sentence in &corpus.sentences {
        if let Some(first) = sentence.iter().find(|w| w.chars().any(char::is_alphabetic)) {
            *counts.entry(first.clone()).or_default() += 1;
        }
    }
    rank(counts, 1, 5)
}

fn favorite_phrases(corpus: &Corpus) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for sentence in &corpus.sentences {
        for size in [2, 3] {
            for window in sentence.windows(size) {
                if window.iter().all(|w| STOP_WORDS.contains(&w.as_str())) {
                    continue;
                }
                *counts.entry(window.join(" ")).or_default() += 1;
            }
        }
    }
    let repeated: BTreeMap<String, usize> = counts.into_iter().filter(|(_, c)| *c >= 2).collect();
    let kept: BTreeMap<String, usize> = repeated
        .iter()
        .filter(|(phrase, count)| !covered_by_longer(phrase, **count, &repeated))
        .map(|(phrase, count)| (phrase.clone(), *count))
        .collect();
    rank(kept, 2, 8)
}

/// Whether a 2-word phrase is part of a 3-word phrase used as often.
fn covered_by_longer(phrase: &str, count: usize, all: &BTreeMap<String, usize>) -> bool {
    phrase.split(' ').count() == 2
        && all.iter().any(|(longer, longer_count)| {
            *longer_count == count
                && longer.split(' ').count() == 3
                && (longer.starts_with(&format!("{phrase} "))
                    || longer.ends_with(&format!(" {phrase}")))
        })
}

// ---------------------------------------------------------------------------
// Explanations

fn summary_sentence(samples: usize, counts: &Counts) -> String {
    let noun = if samples == 1 { "sample" } else { "samples" };
    format!(
        "Analyzed {samples} {noun}: {} words in {} sentences or bullet points.",
        counts.words, counts.sentences
    )
}

fn sentence_length_sentence(counts: &Counts) -> String {
    format!(
        "Average sentence length {:.1} words ({} words / {} sentences).",
        counts.avg_sentence_length(),
        counts.words,
        counts.sentences
    )
}

fn first_person_sentence(counts: &Counts) -> String {
    format!(
        "First-person rate {:.2}: {} of {} sentences use I, me or my.",
        counts.first_person_rate(),
        counts.first_person_sentences,
        counts.sentences
    )
}

fn ranked_sentence(label: &str, none: &str, ranked: &[(String, usize)]) -> String {
    if ranked.is_empty() {
        return none.to_string();
    }
    let listed: Vec<String> = ranked
        .iter()
        .map(|(item, count)| format!("\"{item}\" ({count})"))
        .collect();
    format!("{label}: {}.", listed.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASUAL: &str = "Hey! I'm super excited about this job, it's honestly awesome. \
        I've built tons of cool stuff and I'd love to help your team ship things fast! \
        You're gonna love working with me, I can't wait!";

    const FORMAL: &str = "I am writing to express my interest in the Senior Analyst position. \
        In my previous role, the quarterly reporting process was redesigned and subsequently \
        automated under my supervision. Furthermore, I coordinated deliverables across \
        international stakeholders, ensuring regulatory compliance. Consequently, operational \
        expenditure was reduced considerably.";

    #[test]
    fn empty_input_has_no_measures() {
        let profile = analyze_style(&[]);
        assert_eq!(profile.sample_count, 0);
        assert_eq!(profile.word_count, 0);
        assert_eq!(profile.avg_sentence_length, None);
        assert_eq!(profile.formality, None);
        assert_eq!(profile.formality_label, None);
        assert_eq!(profile.first_person_rate, None);
        assert_eq!(profile.vocabulary_level, None);
        assert_eq!(profile.lexical_diversity, None);
        assert_eq!(profile.tone, None);
        assert!(profile.common_openers.is_empty());
        assert!(profile.favorite_phrases.is_empty());
        assert_eq!(profile.explanation.len(), 1);
        assert!(profile.explanation[0].contains("No samples"));
    }

    #[test]
    fn blank_samples_count_but_have_no_measures() {
        let profile = analyze_style(&["", "   \n  "]);
        assert_eq!(profile.sample_count, 2);
        assert_eq!(profile.formality, None);
        assert!(profile.explanation[0].contains("no words"));
    }

    #[test]
    fn casual_sample_is_less_formal_than_formal_sample() {
        let casual = analyze_style(&[CASUAL]);
        let formal = analyze_style(&[FORMAL]);
        let casual_score = casual.formality.expect("casual score");
        let formal_score = formal.formality.expect("formal score");
        assert!(
            casual_score < formal_score,
            "{casual_score} vs {formal_score}"
        );
        assert_eq!(casual.formality_label.as_deref(), Some("casual"));
        assert_eq!(formal.formality_label.as_deref(), Some("formal"));
        assert_eq!(casual.tone.as_deref(), Some("enthusiastic"));
        assert_eq!(formal.vocabulary_level.as_deref(), Some("advanced"));
        assert_eq!(casual.vocabulary_level.as_deref(), Some("plain"));
    }

    #[test]
    fn first_person_rate_counts_sentences() {
        let profile = analyze_style(&[
            "I led the migration. The team shipped it. My manager approved. We celebrated.",
        ]);
        assert_eq!(profile.first_person_rate, Some(0.5));
        assert_eq!(profile.avg_sentence_length, Some(3.3));
        assert_eq!(profile.word_count, 13);
    }

    #[test]
    fn bullets_are_sentences_and_openers_are_ranked() {
        let resume = "- Led a team of five engineers\n- Led the payments migration\n- Built the billing API\n\
            - Built internal tools\n- Reduced costs by 30%\n- Designed the data model";
        let profile = analyze_style(&[resume]);
        assert_eq!(
            profile.common_openers,
            vec!["built", "led", "designed", "reduced"]
        );
    }

    #[test]
    fn favorite_phrases_are_repeated_and_deterministic() {
        let samples = [
            "I enjoy working with cross-functional teams. Working with cross-functional teams is what I do best.",
            "I partnered with data science. I partnered with data science again on pricing.",
        ];
        let profile = analyze_style(&samples);
        assert_eq!(
            profile.favorite_phrases,
            vec![
                "i partnered with",
                "partnered with data",
                "with cross-functional teams",
                "with data science",
                "working with cross-functional",
            ]
        );
        assert!(!profile.favorite_phrases.iter().any(|p| p == "i enjoy"));
    }

    #[test]
    fn identical_input_gives_identical_output() {
        let samples = [CASUAL, FORMAL];
        assert_eq!(analyze_style(&samples), analyze_style(&samples));
        let json = |p: &StyleProfile| format!("{p:?}");
        assert_eq!(
            json(&analyze_style(&samples)),
            json(&analyze_style(&samples))
        );
    }

    #[test]
    fn explanation_has_one_sentence_per_measure() {
        let profile = analyze_style(&[FORMAL]);
        assert_eq!(profile.explanation.len(), 9);
        assert!(
            profile
                .explanation
                .iter()
                .any(|s| s.starts_with("Formality "))
        );
        assert!(
            profile
                .explanation
                .iter()
                .any(|s| s.starts_with("Lexical diversity "))
        );
        assert!(profile.explanation.iter().all(|s| s.ends_with('.')));
    }

    #[test]
    fn syllable_estimates() {
        assert_eq!(syllables("led"), 1);
        assert_eq!(syllables("managed"), 2);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("delivered"), 3);
        assert_eq!(syllables("organization"), 5);
    }

    #[test]
    fn contractions_exclude_possessives() {
        assert!(is_contraction("don't"));
        assert!(is_contraction("i'm"));
        assert!(is_contraction("it's"));
        assert!(!is_contraction("company's"));
    }
}
