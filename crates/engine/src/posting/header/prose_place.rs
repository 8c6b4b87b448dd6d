//! Places named in prose: "based in Berlin", "duty station in Nairobi", "Remote (EU time
//! zones)", an employer "in Gansbaai" that is seeking, a place line near the top, and, as a
//! last resort, the city the text names most.

use super::*;
use crate::posting::text::{is_world_region, without_remote_brackets};
use crate::posting::{is_listed_city, is_listed_place_name};

const PLACE_NAME: &str =
    r"([A-Z][\w.'-]*(?:[ ]+[A-Z][\w.'-]*){0,2}(?:,[ ]*[A-Z][\w.'-]*(?:[ ]+[A-Z][\w.'-]*){0,2})?)";

static LOCATION_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:(?-u:\b)(based in|based at|located in|located at|relocation to|on-?site in|in-office in|offices? in|hybrid in|remote in|relocate to|duty station(?: will be)?(?: in| at| is)?|stationed in|stationed at|in our)[ ]+(?:the[ ]+)?){PLACE_NAME}"
    ))
    .expect("location regex is valid")
});

/// Triggers after which any capitalised name is taken as a place.
const STRONG_LOCATION_TRIGGERS: &[&str] = &[
    "based in",
    "based at",
    "located at",
    "located in",
    "on-site in",
    "onsite in",
    "office in",
    "stationed in",
    "stationed at",
];
static REMOTE_REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Fully\s+)?[Rr]emote\s*\(([^)\d]{2,40})\)")
        .expect("remote-region regex is valid")
});

/// Finds a location the text states: "based in Berlin", "On-site in
/// Munich, Germany", "Remote (EU time zones)".
pub(crate) fn location_from_text(text: &str) -> Option<String> {
    let stated = LOCATION_IN.captures_iter(text).find_map(|caps| {
        let trigger = fold(caps.get(1)?.as_str());
        let place = trim_place(caps.get(2)?.as_str());
        let strong =
            STRONG_LOCATION_TRIGGERS.contains(&trigger.as_str()) && word_count(&place) <= 3;
        (is_place(&place) || (strong && plausible_company(&place))).then_some(place)
    });
    stated
        .or_else(|| {
            let found = REMOTE_REGION.find(text)?;
            Some(collapse_ws(found.as_str()))
        })
        .or_else(|| place_of_the_employer_seeking(text))
        .or_else(|| place_after_in(text))
        .or_else(|| turkish_locative_place(text))
}

/// "Ankara'daki ofislerinde", "İzmir’de ikamet eden": Turkish writes "in" as a suffix after an
/// apostrophe (-da, -de, -ta, -te, and -daki "which is in"). The first such town the gazetteer
/// knows, as a last resort.
fn turkish_locative_place(text: &str) -> Option<String> {
    static LOCATIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}\p{N}_])(\p{Lu}\p{Ll}+)\s?['’](?:da|de|ta|te|daki|deki|taki|teki)(?:[^\p{L}\p{N}_]|$)")
            .expect("locative regex is valid")
    });
    LOCATIVE.captures_iter(text).find_map(|caps| {
        let town = caps.get(1)?.as_str();
        is_known_place(&fold(town)).then(|| town.to_string())
    })
}

/// "A private nature reserve in Gansbaai is seeking a …", "This restaurant in Somerset West
/// offers …": an opening sentence that puts the hiring employer in a place. Only the first
/// paragraph, and only when the verb says the employer is hiring or describes itself.
fn place_of_the_employer_seeking(text: &str) -> Option<String> {
    static SEEKING_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|[.!?][ ]+)(?i:an?|the|this|our)[ ][^.\n]{{0,60}}?(?-u:\b)in[ ]+(?:the[ ]+)?{PLACE_NAME}[ ]+(?:is[ ]+(?:seeking|looking|hiring|recruiting)|seeks|offers|requires|needs)(?-u:\b)"
        ))
        .expect("seeking-in regex is valid")
    });
    let first = text.trim_start().split("\n\n").next()?;
    let caps = SEEKING_IN.captures(first)?;
    let place = trim_place(caps.get(1)?.as_str());
    (word_count(&place) <= 4 && !has_role_word(&place)).then_some(place)
}

/// A line near the top that is only a place ("Lusaka", "Dublin, IE") when nothing else stated
/// the location: job pages put the place on a line of its own under the title. Only names the
/// gazetteer knows, or "City, Region" pairs.
pub(crate) fn place_line_near_top(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|line| matches!(line.kind, LineKind::Text(_) | LineKind::Bullet(_)))
        .take(8)
        .find_map(|line| {
            let text = match &line.kind {
                LineKind::Text(text) | LineKind::Bullet(text) => {
                    // "Vancouver Island, BC, Canada .": a stray full stop after the place.
                    collapse_ws(strip_decorations(text).trim_end_matches([' ', '.', ',', ';']))
                }
                _ => return None,
            };
            let folded = fold(&text);
            let known = is_known_place(&folded) || (text.contains(", ") && is_place(&text));
            if known
                && word_count(&text) <= 6
                && !folded.starts_with("remote")
                && !has_role_word(&text)
            {
                return Some(text);
            }
            leading_place_pair(&text)
        })
}

/// "Remote (Australia)" on a line of its own near the top, naming a country or a city, not a
/// region of several countries.
pub(crate) fn remote_region_near_top(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|line| matches!(line.kind, LineKind::Text(_) | LineKind::Bullet(_)))
        .take(8)
        .find_map(|line| {
            let text = collapse_ws(strip_decorations(line.raw.trim()));
            let inner = without_remote_brackets(&text);
            (fold(&text).starts_with("remote (")
                && is_known_place(&inner)
                && !is_world_region(&inner))
            .then_some(text)
        })
}

/// "Toronto, Ontario, Canada Mount Sinai Hospital (Toronto), Sinai Health Full time": a board's
/// facts line that starts with the place, as "City, Region" of known places.
fn leading_place_pair(line: &str) -> Option<String> {
    let mut parts = line.split(", ");
    let (city, region) = (parts.next()?.trim(), parts.next()?.trim());
    let pair = format!("{city}, {region}");
    (word_count(city) <= 3
        && starts_uppercase(city)
        && is_known_place(&fold(city))
        && is_known_place(&fold(region))
        && !has_role_word(&pair))
    .then_some(pair)
}

static IN_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:in|at|near|ONSITE|Onsite|onsite)[ ]+(?:the[ ]+)?{PLACE_NAME}"
    ))
    .expect("in-place regex is valid")
});

/// A known place after a plain "in" near the top of the posting ("we're hiring our founding
/// engineer in NYC", "… in Cleveland OH"): only names the gazetteer knows or "City, ST" pairs,
/// and only in the first 600 characters, where a posting says where the job is.
fn place_after_in(text: &str) -> Option<String> {
    let head: String = text.chars().take(600).collect();
    IN_PLACE.captures_iter(&head).find_map(|caps| {
        let place = trim_place(caps.get(1)?.as_str());
        let known = is_known_place(&fold(&place))
            || (place.contains(',') && is_place(&place))
            || (!place.contains(',') && is_place(&place) && word_count(&place) >= 2);
        known.then_some(place)
    })
}

/// "Berlin Office" → "Berlin"; trims trailing words that are not part of
/// the place.
fn trim_place(place: &str) -> String {
    // "Brooklyn, NY. We are…": the place ends at the sentence.
    let place = place
        .split(". ")
        .next()
        .unwrap_or(place)
        .trim_end_matches('.');
    let mut words: Vec<&str> = place.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| ["office", "Office", "HQ", "Headquarters", "Area", "Metro"].contains(w))
    {
        words.pop();
    }
    words.join(" ").trim_end_matches([',', '.']).to_string()
}

/// Gazetteer cities whose names are also ordinary words or stand for something larger ("Nice
/// to have", "Reading and writing", "Essen" is food in German, "Victoria" the Australian
/// state), folded. Every entry is a gazetteer city (a test checks), so none of them is dead.
pub(super) const ORDINARY_WORD_CITIES: &[&str] = &["nice", "reading", "bath", "essen", "victoria"];

/// The city the text names most often (then first), from the hand-written list's cities only
/// (`is_listed_city`, not GeoNames' towns): a last resort when no label, header line or phrase
/// states the place ("Applications to the office in town … Leipzig … Leipzig"). A city counts
/// only when it ends its run of capitalised words ("Stadt Leipzig", "In Leeds"): "Boston
/// Consulting Group" and "Charlotte Evans" are no place, and "New York" is not York. Countries
/// and regions are not taken: a country named in passing (a nationality, a donor) says little
/// about where the job is.
pub(crate) fn city_named_most(text: &str) -> Option<String> {
    static CAPITALISED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)[A-Z][\w'’-]*(?:\.?[ ][A-Z][\w'’-]*)*")
            .expect("capitalised-run regex is valid")
    });
    let mut counts: Vec<(String, usize)> = Vec::new();
    for found in CAPITALISED.find_iter(text) {
        // "Berlin. Munich is our HQ": a full stop ends a run.
        for run in found.as_str().split(". ") {
            let run = run.trim_end_matches(['’', '\'']);
            let run = run
                .strip_suffix("’s")
                .or(run.strip_suffix("'s"))
                .unwrap_or(run);
            let Some(name) = city_ending(run) else {
                continue;
            };
            if name.chars().count() < 3 || ORDINARY_WORD_CITIES.contains(&fold(&name).as_str()) {
                continue;
            }
            match counts.iter_mut().find(|(known, _)| *known == name) {
                Some((_, count)) => *count += 1,
                None => counts.push((name, 1)),
            }
        }
    }
    let most = counts.iter().map(|(_, count)| *count).max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == most)
        .map(|(city, _)| city)
}

/// The listed city that ends a run of capitalised words ("Stadt Leipzig", "1011 PN
/// Amsterdam"), longest first; none when a longer known place ends it the same way ("New York"
/// is no York).
fn city_ending(run: &str) -> Option<String> {
    let words: Vec<&str> = run.split(' ').collect();
    for n in (1..=words.len()).rev() {
        let suffix = words[words.len() - n..].join(" ");
        if is_listed_city(&suffix) {
            return Some(suffix);
        }
        // A longer name of the hand-written list ("New York"); GeoNames' names ("East London")
        // do not hide a listed city.
        if is_listed_place_name(&suffix) {
            return None;
        }
    }
    None
}
