//! Free-form résumé dates: `2014`, `2014-05`, `05/2014`, `March 2014`, `Mar. '14`,
//! `March-24-2014`, `24 March 2014`, `Summer 2014`, and the open end of a range (`Present`,
//! `Ongoing`, `current`, `now`…), normalised to the profile's `YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`; plus finding a date range inside a line of text.

use regex::Regex;
use std::sync::LazyLock;

/// What a date text means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// A calendar date, normalised to `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date {
        /// The normalised form.
        iso: String,
        /// False when part of the text was not used (`Summer 2014` → `2014`).
        exact: bool,
    },
    /// The open end of a range: still going on.
    Present,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const PRESENT_WORDS: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "ongoing",
    "on-going",
    "today",
    "to date",
    "till date",
    "till now",
    "to present",
    "until now",
    "presente",
    "actual",
    "actualidad",
    "heute",
    "jetzt",
    "aujourd'hui",
    "atual",
    "atualmente",
    "hoy",
    "oggi",
    "in corso",
    "obecnie",
];

/// The month (1–12) an English month name or abbreviation stands for (`Sept`, `Sept.`).
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (0..12)
        .find(|&i| w == MONTHS[i] || w == full[i])
        .map(|i| i as u8 + 1)
}

fn valid_year(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

fn days_in(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn ymd(year: i32, month: Option<u8>, day: Option<u8>) -> Option<String> {
    if !valid_year(year) {
        return None;
    }
    match (month, day) {
        (None, _) => Some(format!("{year:04}")),
        (Some(m), _) if !(1..=12).contains(&m) => None,
        (Some(m), None) => Some(format!("{year:04}-{m:02}")),
        (Some(m), Some(d)) if d >= 1 && d <= days_in(year, m) => {
            Some(format!("{year:04}-{m:02}-{d:02}"))
        }
        (Some(_), Some(_)) => None,
    }
}

fn two_digit_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    // '98 is 1998, '14 is 2014.
    Some(if n >= 50 { 1900 + n } else { 2000 + n })
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:T.*)?$").expect("valid regex")
});
static NUMERIC_MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})[-/.](?:(\d{1,2})[-/.])?(\d{4})$").expect("valid regex")
});
static WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z]+\.?|'\d{2}|\d+(?:st|nd|rd|th)?").expect("valid regex"));
static ANY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(19\d{2}|20\d{2})(?-u:\b)").expect("valid regex"));

/// True for `Present`, `Ongoing`, `current`, `now`, `to date`… (any case).
pub fn is_present(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '.' || c == '(' || c == ')')
        .to_lowercase();
    PRESENT_WORDS.contains(&t.as_str())
}

/// Reads one date. `None` when the text has no recognisable date at all.
pub fn parse_date(text: &str) -> Option<DateValue> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if is_present(t) {
        return Some(DateValue::Present);
    }
    let exact = |iso: String| DateValue::Date { iso, exact: true };
    if let Some(c) = NUMERIC.captures(t) {
        let year: i32 = c[1].parse().ok()?;
        let month = c.get(2).and_then(|m| m.as_str().parse().ok());
        let day = c.get(3).and_then(|d| d.as_str().parse().ok());
        return ymd(year, month, day).map(exact);
    }
    if let Some(c) = NUMERIC_MONTH_FIRST.captures(t) {
        let year: i32 = c[3].parse().ok()?;
        let a: u8 = c[1].parse().ok()?;
        return match c.get(2).and_then(|d| d.as_str().parse::<u8>().ok()) {
            None => ymd(year, Some(a), None).map(exact),
            // 03/24/2014 (month first) unless the first number cannot be a month.
            Some(b) if a <= 12 => ymd(year, Some(a), Some(b)).map(exact),
            Some(b) => ymd(year, Some(b), Some(a)).map(exact),
        };
    }
    // Words: a month name, an optional day and a year in any order ("March 24, 2014",
    // "24 March 2014", "March-24-2014", "Mar '14").
    let mut month = None;
    let mut day = None;
    let mut year = None;
    let mut unused = false;
    for m in WORDS.find_iter(t) {
        let w = m.as_str();
        if let Some(y) = w.strip_prefix('\'') {
            year = year.or(two_digit_year(y));
        } else if w.chars().all(|c| c.is_ascii_digit()) && w.len() == 4 {
            if year.is_some() {
                return None;
            }
            year = w.parse().ok();
        } else if w.starts_with(|c: char| c.is_ascii_digit()) {
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            if day.is_some() || digits.len() > 2 {
                unused = true;
            } else {
                day = digits.parse::<u8>().ok();
            }
        } else if let Some(n) = month_number(w) {
            if month.is_some() {
                unused = true;
            } else {
                month = Some(n);
            }
        } else {
            unused = true;
        }
    }
    if let Some(y) = year
        && month.is_some()
        && !unused
    {
        return ymd(y, month, day).map(exact);
    }
    // Last resort: exactly one plausible year somewhere ("Summer 2014", "Q3 2019").
    let years: Vec<i32> = ANY_YEAR
        .find_iter(t)
        .filter_map(|m| m.as_str().parse().ok())
        .collect();
    if let [y] = years[..] {
        return ymd(y, month.filter(|_| !unused), None)
            .map(|iso| DateValue::Date { iso, exact: false });
    }
    None
}

/// A date range found in a line, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRange {
    /// Start date (normalised), if the range has one.
    pub start: Option<String>,
    /// End date (normalised); `None` with `current` for an open range, or when only one date
    /// was given.
    pub end: Option<String>,
    /// The range runs to the present.
    pub current: bool,
    /// Byte span of the range in the line.
    pub span: (usize, usize),
}

const MONTH_PATTERN: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// One date as résumés write it: a month and a year (either way round), a season and a year,
/// numeric dates, or a year alone.
fn date_pattern() -> String {
    format!(
        r"(?:{MONTH_PATTERN}\.?[\s\-]*(?:\d{{1,2}}(?:st|nd|rd|th)?,?[\s\-]+)?(?:'\d{{2}}|(?:19|20)\d{{2}})|(?:spring|summer|fall|autumn|winter)\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}},?\s+{MONTH_PATTERN}(?-u:\b)|\d{{1,2}}[/.](?:\d{{1,2}}[/.])?(?:19|20)\d{{2}}|(?:19|20)\d{{2}}[/.\-]\d{{1,2}}(?:[/.\-]\d{{1,2}})?|(?:19|20)\d{{2}})"
    )
}

/// `PRESENT_WORDS` as a pattern, longest first so "actualidad" is not read as "actual".
fn present_pattern() -> String {
    let mut words: Vec<&str> = PRESENT_WORDS.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect();
    format!("(?:{})", alternatives.join("|"))
}

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let (date, present) = (date_pattern(), present_pattern());
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<start>{date})(?:\s*(?:-|–|—|‒|―|~|→|(?-u:\b)to(?-u:\b)|(?-u:\b)until(?-u:\b)|(?-u:\b)till(?-u:\b)|(?-u:\b)through(?-u:\b)|(?-u:\b)thru(?-u:\b))\s*(?P<end>{date}|{present})(?-u:\b))?|(?-u:\b)(?P<since>since|from)\s+(?P<since_date>{date})"
    ))
    .expect("valid range regex")
});

fn iso(text: &str) -> Option<String> {
    match parse_date(text)? {
        DateValue::Date { iso, .. } => Some(iso),
        DateValue::Present => None,
    }
}

/// Finds the first date range (or single date) in `line`: `Jan 2020 – Present`,
/// `2016 - 2019`, `03/2015 to 06/2018`, `Since 2019`, `May 2014`. A lone year inside a longer
/// number is not a date.
pub fn find_range(line: &str) -> Option<FoundRange> {
    for c in RANGE.captures_iter(line) {
        let whole = c.get(0).expect("group 0");
        // A year glued to other digits or a currency sign is a number, not a date.
        let before = line[..whole.start()].chars().next_back();
        if before.is_some_and(|b| b.is_ascii_digit() || b == '$' || b == '€' || b == '£') {
            continue;
        }
        if let Some(d) = c.name("since_date") {
            return Some(FoundRange {
                start: iso(d.as_str()),
                end: None,
                current: true,
                span: (whole.start(), whole.end()),
            });
        }
        let start = c.name("start").map(|m| m.as_str()).unwrap_or_default();
        let Some(start_iso) = iso(start) else {
            continue;
        };
        let (end, current) = match c.name("end").map(|m| m.as_str()) {
            Some(e) if is_present(e) => (None, true),
            Some(e) => (iso(e), false),
            None => (None, false),
        };
        return Some(FoundRange {
            start: Some(start_iso),
            end,
            current,
            span: (whole.start(), whole.end()),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        match parse_date(s)? {
            DateValue::Date { iso, .. } => Some(iso),
            DateValue::Present => Some("present".into()),
        }
    }

    #[test]
    fn single_dates() {
        for (text, want) in [
            ("2014", "2014"),
            ("2014-05", "2014-05"),
            ("2014-5", "2014-05"),
            ("2014-05-03", "2014-05-03"),
            ("2014/05", "2014-05"),
            ("05/2014", "2014-05"),
            ("5.2014", "2014-05"),
            ("03/24/2014", "2014-03-24"),
            ("24/03/2014", "2014-03-24"),
            ("March 2014", "2014-03"),
            ("Mar. 2014", "2014-03"),
            ("Sept 2019", "2019-09"),
            ("march-24-2014", "2014-03-24"),
            ("March 24, 2014", "2014-03-24"),
            ("24 March 2014", "2014-03-24"),
            ("Mar '14", "2014-03"),
            ("Summer 2014", "2014"),
            ("2014-05-03T00:00:00Z", "2014-05-03"),
            ("Present", "present"),
            ("Ongoing", "present"),
            ("current", "present"),
            ("NOW", "present"),
        ] {
            assert_eq!(d(text).as_deref(), Some(want), "{text}");
        }
        for bad in ["", "soon", "2014-13", "February 30, 2014", "1850", "12345"] {
            assert_eq!(d(bad), None, "{bad}");
        }
        assert_eq!(
            parse_date("Summer 2014"),
            Some(DateValue::Date {
                iso: "2014".into(),
                exact: false
            })
        );
    }

    #[test]
    fn ranges_in_lines() {
        let r = find_range("Acme Corp | Jan 2020 – Present").unwrap();
        assert_eq!(
            (r.start.as_deref(), r.end.as_deref(), r.current),
            (Some("2020-01"), None, true)
        );
        assert_eq!(
            &"Acme Corp | Jan 2020 – Present"[r.span.0..r.span.1],
            "Jan 2020 – Present"
        );
        let r = find_range("Engineer, 2016 - 2019").unwrap();
        assert_eq!(
            (r.start.as_deref(), r.end.as_deref()),
            (Some("2016"), Some("2019"))
        );
        let r = find_range("03/2015 to 06/2018 Berlin").unwrap();
        assert_eq!(
            (r.start.as_deref(), r.end.as_deref()),
            (Some("2015-03"), Some("2018-06"))
        );
        let r = find_range("Since 2019").unwrap();
        assert!(r.current);
        let r = find_range("September 2012 — June 2016").unwrap();
        assert_eq!(r.end.as_deref(), Some("2016-06"));
        let r = find_range("Grew revenue by $2019").map(|r| r.start);
        assert_eq!(r, None);
        assert!(find_range("Led a team of 12 engineers").is_none());
        // The year first, then the month ("2012, October").
        let r = find_range("Visyon360\t2015, November – 2016, June").unwrap();
        assert_eq!(
            (r.start.as_deref(), r.end.as_deref()),
            (Some("2015-11"), Some("2016-06"))
        );
        let r = find_range("selbstständig\tJan 2019 — jetzt").unwrap();
        assert!(r.current);
        let r = find_range("2012 October – Present").unwrap();
        assert_eq!((r.start.as_deref(), r.current), (Some("2012-10"), true));
    }
}
