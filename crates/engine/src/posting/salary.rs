//! Salary extraction: finds the most salary-like money amount or range in
//! free text ("$120k–$150k", "€55.000 – €70.000 per year", "₹18,00,000",
//! "$45/hour", "up to $200k", "from 70k EUR", …) and ignores money that is not
//! pay (funding rounds, learning budgets, stipends) and numbers without a
//! currency (years of experience, team sizes, "401(k)").

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A salary amount or range with its ISO 4217 currency and pay period.
///
/// A plain single amount sets both `min` and `max`; "up to X" sets only `max`;
/// "from X" / "starting at X" / "X+" sets only `min`. Amounts are rounded
/// to whole currency units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Salary {
    /// Lower bound in whole currency units, if stated.
    pub min: Option<i64>,
    /// Upper bound in whole currency units, if stated.
    pub max: Option<i64>,
    /// ISO 4217 code such as `USD`, `EUR`, `GBP`, `INR`.
    pub currency: String,
    /// The period the amount is paid per.
    pub period: SalaryPeriod,
}

/// The period a salary amount refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalaryPeriod {
    /// Per year (the default for large amounts).
    Year,
    /// Per month.
    Month,
    /// Per day (day rate).
    Day,
    /// Per hour (the default for amounts below 500).
    Hour,
}

/// One money-or-number token found in the text.
#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    value: f64,
    currency: Option<&'static str>,
    multiplier: Multiplier,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Multiplier {
    None,
    Thousand,
    /// Lakh (100,000), as in Indian pay: "₹12 LPA", "12-15 lakhs".
    Lakh,
    /// Millions/billions: funding and valuations, never salaries.
    Large,
}

/// A scored salary candidate (single amount or range).
#[derive(Debug)]
struct Candidate {
    salary: Salary,
    score: i32,
}

/// The ISO 4217 codes read as written before or after an amount ("USD 60/hour", "UGX
/// 86,951,739/= p.a"). Not PHP, which is more often the language ("PHP 8") than the peso, nor
/// COP, ARS, DOP or AOA, which English text uses for other things ("COP28"); those pesos come
/// from a "$" and the place.
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF", "SGD", "NZD", "JPY", "SEK", "NOK", "DKK",
    "PLN", "HKD", "ZAR", "KES", "NGN", "AED", "PKR", "UGX", "TZS", "ZMW", "MWK", "GHS", "RWF",
    "ETB", "BWP", "NAD", "LKR", "NPR", "BDT", "MYR", "IDR", "THB", "EGP", "MAD", "JMD", "TTD",
    "FJD", "BRL", "MXN", "CZK", "HUF", "RON", "SAR", "QAR", "CLP", "UYU", "GTQ", "HNL", "PYG",
    "XOF", "XAF", "MZN", "GNF", "HTG", "TND", "AFN", "RUB", "RUR", "UAH", "KZT",
];

/// More ISO codes, of moneys whose codes are rarer in postings (and "RMB"): read beside an
/// amount of 100 or more only (`needs_real_amount`). Codes that are English acronyms beside
/// numbers (SDG, BSD, CVE, SSP, CNY, KGS, AWG, CRC, STN, PEN, MNT) are left out.
const MORE_ISO_CODES: &[&str] = &[
    "TRY", "ILS", "KRW", "VND", "BGN", "HRK", "RSD", "ISK", "RMB", "TWD", "BHD", "KWD", "OMR",
    "JOD", "LBP", "IQD", "DZD", "XPF", "MUR", "SCR", "MVR", "KHR", "LAK", "MMK", "AZN", "BYN",
    "MDL", "MKD", "UZS", "VES", "PAB", "NIO", "BZD", "BBD", "XCD", "SRD", "GYD", "SLL", "SLE",
    "LRD", "GMD", "SZL", "LSL", "DJF", "KMF", "MGA", "BIF", "CDF", "XDR", "BND", "PGK", "SBD",
    "WST", "VUV",
];

/// Markers that stand for other things beside a small number ("R 4", "RM1 3BD" a Romford
/// postcode, "2 TL" team leads, "3 kr" a price, "BGN 5"): they count as money only beside an
/// amount of 100 or more, as pay in those moneys is.
fn needs_real_amount(marker: &str) -> bool {
    matches!(
        marker.trim_end_matches('.'),
        "R" | "RM" | "Rp" | "kr" | "TL" | "Ft" | "lei"
    ) || MORE_ISO_CODES.contains(&marker)
}

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    let codes = [ISO_CODES, MORE_ISO_CODES].concat().join("|");
    Regex::new(&format!(
        r"(?x)
        (?P<pre> US\$ | CA\$ | C\$ | AU\$ | A\$ | NZ\$ | S\$ | HK\$ | R\$ | J\$ | (?-u:\b)N\$ | \$ | € | £ | ₹ | ¥ | ₦ | ؋ | ₽ | ₴
               | ₱ | ₩ | ₪ | ₺ | ₡ | ₲ | GH₵ | ₵ | (?-u:\b)RM | (?-u:\b)Rp\.? | (?-u:\b)Rs\.?
               | (?-u:\b)Kshs?\.? | (?-u:\b)KShs?\.?
               | (?-u:\b)(?:{codes})
               | (?-u:\b)R )?
        \s?
        (?P<num> \d{{1,3}}(?:[\u{{20}}\u{{a0}}\u{{202f}}]\d{{3}})+(?:[.,]\d{{1,2}}|(?-u:\b)) | \d[\d.,]*\d | \d )
        (?: \s? (?P<mult> [kK] | [mM](?:n|illion)? | [bB](?:n|illion)? | [tT](?:n|rillion)? | LPA | (?i:lpa|lakhs?|lacs?|lakh) | L ) (?-u:\b) )?
        (?: \s? (?P<post> (?-u:\b)(?:{codes})(?-u:\b)
                        | (?-u:\b)K[Ss][Hh][Ss]?(?-u:\b) | € | £ | ₽ | ₴ | ₺ | ₫
                        | zł | Kč | лв\.? | (?-u:\b)(?:kr|Ft|lei|TL)(?-u:\b)\.?
                        | (?-u:\b)(?i:euros?|euroa|dollars?|pounds?)(?-u:\b)
                        | (?-u:\b)(?:eur|usd|gbp|chf|pln|sek|nok|dkk)(?-u:\b) ) )?
        ",
    ))
    .expect("amount regex is valid")
});

static RANGE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:/\s*|per\s+)(?:yr|year|hr|hour|mo|month|annum)\.?\s*(?:-|–|—|~|to)|(?:[,.]-|/-|/=)?\s*(?:-|–|—|~|to|and|through|thru|until|till|bis|tot|à|a|hasta|até|[-–—,]?\s*max(?:imum)?\s*:?))\s*$")
        .expect("range regex is valid")
});

static PERIOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)per\s+|/\s*|(?-u:\b)an?\s+|(?-u:\b)each\s+|(?-u:\b)pro\s+|(?-u:\b)par\s+|(?-u:\b)por\s+|(?-u:\b)al\s+)(hour|hr|h|day|month|mo|year|yr|annum|uur|stunde|heure|hora|maand|monat|mois|mes|jaar|jahr|an|año|ano)(?-u:\b)|(?-u:\b)(hourly|daily|monthly|annually|yearly|annual|pcm|p\.a\.?)|(?-i:(?-u:\b)(pm|p\.m\.))(?:[\s,;)]|$)|(?:^|[^\p{L}])(?:за|в|на)\s+(месяц|час|год|місяць|годину|рік)(?:[^\p{L}]|$)",
    )
    .expect("period regex is valid")
});

static PERIOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(hourly|per hour|day rate|daily rate|monthly|per month|annual|yearly|per year)(?-u:\b)",
    )
    .expect("period-before regex is valid")
});

/// Words on a salary's line that make it more likely to be the pay.
const SALARY_WORDS: &[&str] = &[
    "salary",
    "compensation",
    "pay",
    "base",
    "ote",
    "rate",
    "range",
    "earn",
    "remuneration",
    "wage",
    "package",
    "budget for this role",
];

/// Words right after an amount that mark it as something other than pay.
const NOT_PAY_AFTER: &[&str] = &[
    "budget",
    "stipend",
    "allowance",
    "reimburse",
    "credit",
    "grant",
    "towards",
    "toward",
    "contribution",
    "match",
    "voucher",
    "signing",
    "relocation",
    "in funding",
    "funding",
    "series",
    "valuation",
    "revenue",
    "arr",
    "raised",
    "seed",
    "investment",
    "in sales",
    "customers",
    "users",
];

/// Words shortly before an amount that mark it as something other than pay.
const NOT_PAY_BEFORE: &[&str] = &[
    "raised",
    "raising",
    "funding",
    "funded",
    "series",
    "valuation",
    "revenue",
    "arr ",
    "budget of",
    "stipend of",
    "allowance of",
    "worth",
    "investment",
    "backed",
    "grant of",
    "signing bonus",
    "bonus of",
    "relocation",
];

/// Finds the most salary-like amount or range in `text`.
///
/// Candidates need a currency marker (symbol or ISO code). They are scored:
/// +3 when the line mentions salary/compensation/pay/rate, +2 for a range,
/// +1 for a `k` multiplier, +1 for an explicit period. Amounts with an M/B
/// multiplier, or next to funding/budget/stipend wording, are discarded.
/// Ties go to the earliest candidate.
pub fn parse_salary(text: &str) -> Option<Salary> {
    parse_salary_in(text, "USD")
}

/// `parse_salary` where a bare "$" (or "dollars") is the money `dollar` names: the posting's
/// place decides it ("$410.000" in Chile is CLP), and a period left unstated is then the one
/// that money's amounts are quoted per (a month's pay for pesos).
pub(crate) fn parse_salary_in(text: &str, dollar: &'static str) -> Option<Salary> {
    let plain = without_scale_steps(text);
    let text = plain.as_ref();
    let tokens = scan_tokens(text, dollar);
    let mut best: Option<Candidate> = None;
    let mut index = 0;
    while index < tokens.len() {
        let (candidate, consumed) = candidate_at(text, &tokens, index);
        index += consumed;
        if let Some(candidate) = candidate {
            let better = best.as_ref().is_none_or(|b| candidate.score > b.score);
            if better {
                best = Some(candidate);
            }
        }
    }
    best.map(|b| b.salary).or_else(|| east_asian_salary(text))
}

/// "月給25万円～30万円", "年収400万円〜600万円", "時給1,200円", "연봉 3,000만원 ~ 4,000만원",
/// "月薪8000-12000元": pay written in Japanese, Korean or Chinese, where the currency follows the
/// amount (円, 원, 元) and 万, 萬 or 만 count ten thousands. Only a line that speaks of pay
/// (給与, 月給, 薪, 급여, 연봉 …) is read, so a company's capital ("資本金3,000万円") is not pay.
fn east_asian_salary(text: &str) -> Option<Salary> {
    static PAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?P<lo>\d[\d,]*(?:\.\d+)?)\s*(?P<lom>万|萬|만|千|천)?\s*(?P<locur>円|元|원|圓)?\s*(?:[~～〜\-–－至到]\s*(?P<hi>\d[\d,]*(?:\.\d+)?)\s*(?P<him>万|萬|만|千|천)?\s*(?P<hicur>円|元|원|圓))?",
        )
        .expect("east Asian pay regex is valid")
    });
    // Not "給" alone, which "交通費支給" (travel paid) holds too.
    const PAY_WORDS: &[&str] = &[
        "給与", "給料", "月給", "年収", "時給", "日給", "年俸", "薪", "収入", "報酬", "报酬",
        "工资", "待遇", "급여", "연봉", "월급", "시급", "임금", "보수",
    ];
    if !text.contains(['円', '元', '원', '圓']) {
        return None;
    }
    text.lines()
        .filter(|line| PAY_WORDS.iter().any(|word| line.contains(word)))
        .find_map(|line| {
            PAY.captures_iter(line).find_map(|caps| {
                let currency = caps.name("hicur").or_else(|| caps.name("locur"))?.as_str();
                let amount = |number: &str, multiplier: Option<regex::Match>| {
                    let value: f64 = number.replace(',', "").parse().ok()?;
                    let scale = match multiplier.map(|m| m.as_str()) {
                        Some("万" | "萬" | "만") => 10_000.0,
                        Some("千" | "천") => 1_000.0,
                        _ => 1.0,
                    };
                    Some(value * scale)
                };
                let hi_multiplier = caps.name("him");
                let mut min = amount(&caps["lo"], caps.name("lom").or(hi_multiplier))?;
                let max = match caps.name("hi") {
                    Some(hi) => amount(hi.as_str(), hi_multiplier)?,
                    None => min,
                };
                // "25～30万円": the lower bound shares the upper one's 万 only when it is written
                // without its own and is small beside it.
                if caps.name("lom").is_none() && caps.name("hi").is_some() && min > max {
                    min = amount(&caps["lo"], None)?;
                }
                if min <= 0.0 || min > max {
                    return None;
                }
                let code = match currency {
                    "円" => "JPY",
                    "원" => "KRW",
                    _ if [
                        "台湾",
                        "臺灣",
                        "台灣",
                        "台北",
                        "臺北",
                        "新台幣",
                        "新臺幣",
                        "NT$",
                    ]
                    .iter()
                    .any(|w| text.contains(w)) =>
                    {
                        "TWD"
                    }
                    _ => "CNY",
                };
                let before = &line[..caps.get(0).map_or(0, |m| m.start())];
                let after = &line[caps.get(0).map_or(0, |m| m.end())..];
                let period = east_asian_period(before, after, code, max)?;
                Some(Salary {
                    min: Some(round(min)),
                    max: Some(round(max)),
                    currency: code.to_string(),
                    period,
                })
            })
        })
}

/// The period of an East Asian amount: a word just before it ("月給", "年収", "時給", "연봉",
/// "月薪") or a "/月" after it, else what amounts of its size are quoted per. `None` for an
/// amount too small to be pay at all.
fn east_asian_period(before: &str, after: &str, code: &str, max: f64) -> Option<SalaryPeriod> {
    let near = tail_chars(before, 8);
    let head: String = after.chars().take(4).collect();
    let has = |words: &[&str]| words.iter().any(|w| near.contains(w) || head.contains(w));
    if has(&["時給", "时薪", "時薪", "시급", "/時", "/时", "/h"]) {
        return Some(SalaryPeriod::Hour);
    }
    if has(&["日給", "日薪", "일급", "/日"]) {
        return Some(SalaryPeriod::Day);
    }
    if has(&[
        "月給",
        "月収",
        "月薪",
        "月工资",
        "월급",
        "/月",
        "/월",
        "每月",
    ]) {
        return Some(SalaryPeriod::Month);
    }
    if has(&["年収", "年俸", "年薪", "연봉", "/年", "/년"]) {
        return Some(SalaryPeriod::Year);
    }
    // Japanese and Korean pay is quoted per hour, month or year by size; Chinese pay per month.
    let (hourly_below, monthly_below) = match code {
        "JPY" => (10_000.0, 1_000_000.0),
        "KRW" => (100_000.0, 10_000_000.0),
        _ => (500.0, 200_000.0),
    };
    if max < hourly_below / 20.0 {
        None
    } else if max < hourly_below {
        Some(SalaryPeriod::Hour)
    } else if max < monthly_below {
        Some(SalaryPeriod::Month)
    } else {
        Some(SalaryPeriod::Year)
    }
}

/// A public-service salary scale read as its bottom and top: "Ksh. 90,200 x 3,220 – 93,420 x
/// 4,520 – … – 124,630 p.m." → "Ksh. 90,200 – 124,630 p.m.", "Rs. 31,040 -10x445 -11x660 -
/// Rs. 57,550" → "Rs. 31,040 - Rs. 57,550", "Step 1: $60,928 - Step 30 Column VII: $128,902"
/// → "$60,928 - $128,902". Increments are only dropped on a line with two or more of them, so
/// "2 x 12-hour shifts" stays.
fn without_scale_steps(text: &str) -> std::borrow::Cow<'_, str> {
    static STEP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)step\s+\d{1,2}(?:\s+column\s+[ivx\d]+)?\s*:\s*")
            .expect("step regex is valid")
    });
    static INCREMENT_MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d\s*[x×]\s*\d").expect("increment regex is valid"));
    static AMOUNT_THEN_INCREMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d[\d,]{2,})\s+[x×]\s*\d[\d,]*").expect("increment regex is valid")
    });
    static COUNTED_INCREMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*[-–/]?\s*(?-u:\b)\d{1,2}\s*[x×]\s*\d[\d,]*")
            .expect("increment regex is valid")
    });
    static CHAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d[\d,]*(?:\.\d+)?)(?:\s*[-–]\s*\d[\d,]*(?:\.\d+)?){2,}")
            .expect("chain regex is valid")
    });
    // Most texts have neither; parse_salary runs on every header part, so skip the regexes
    // when a plain scan finds nothing to drop.
    let has_step = text.contains("Step") || text.contains("step") || text.contains("STEP");
    if !has_step && increments(text) < 2 {
        return std::borrow::Cow::Borrowed(text);
    }
    let text = STEP_LABEL.replace_all(text, "");
    if INCREMENT_MARK.find_iter(&text).nth(1).is_none() {
        return text;
    }
    text.split('\n')
        .map(|line| {
            if INCREMENT_MARK.find_iter(line).nth(1).is_none() {
                return line.to_string();
            }
            let line = AMOUNT_THEN_INCREMENT.replace_all(line, "$1");
            let line = COUNTED_INCREMENT.replace_all(&line, "");
            CHAIN
                .replace_all(&line, |caps: &regex::Captures| {
                    let whole = &caps[0];
                    let last = whole.rsplit(['-', '–']).next().unwrap_or(whole).trim();
                    format!("{} – {last}", &caps[1])
                })
                .into_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
        .into()
}

/// How many "3 x 220" / "10×445" marks the text has, counted without a regex.
fn increments(text: &str) -> usize {
    if !text.contains(['x', '×']) {
        return 0;
    }
    let chars: Vec<char> = text.chars().collect();
    let digit_at = |index: Option<usize>| {
        index
            .and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    chars
        .iter()
        .enumerate()
        .filter(|(at, c)| {
            if !matches!(c, 'x' | '×') {
                return false;
            }
            let before = chars[..*at].iter().rposition(|c| *c != ' ');
            let after = chars[at + 1..]
                .iter()
                .position(|c| *c != ' ')
                .map(|i| at + 1 + i);
            digit_at(before) && digit_at(after)
        })
        .count()
}

/// "150-180k salary + 1-2% equity", "230k + 0.8%", "$110k-180k" without its sign: a yearly
/// amount in thousands written with no currency, as Hacker News headers do. Only for one part of
/// a header line (the caller decides the currency); the part must start with the amount, so
/// "4000 clicks" or "series A, 20 people" are never read.
pub(crate) fn bare_thousands(segment: &str) -> Option<(i64, i64)> {
    static BARE_K: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^~?\s*(\d{2,3})(?:\.\d)?\s*k?\s*(?:[-–—]|to)\s*(\d{2,3})(?:\.\d)?\s*k(?-u:\b)|^~?\s*(\d{2,3})\s*k(?-u:\b)",
        )
        .expect("bare thousands regex is valid")
    });
    let caps = BARE_K.captures(segment.trim())?;
    let number = |index: usize| caps.get(index)?.as_str().parse::<i64>().ok();
    let (min, max) = match (number(1), number(2), number(3)) {
        (Some(min), Some(max), _) => (min, max),
        (_, _, Some(single)) => (single, single),
        _ => return None,
    };
    // Pay in thousands a year: "20k" to "900k", the lower end first.
    ((20..=900).contains(&min) && (min..=900).contains(&max)).then(|| (min * 1000, max * 1000))
}

/// Where the line holding `start..end` starts and ends.
fn line_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    (line_start, line_end)
}

/// Whether the line around `start..end` speaks of pay: a salary word, "LPA", "CTC" or a yearly
/// or monthly period.
fn line_speaks_of_pay(text: &str, start: usize, end: usize) -> bool {
    let (line_start, line_end) = line_bounds(text, start, end);
    let line = text[line_start..line_end].to_lowercase();
    SALARY_WORDS.iter().any(|w| contains_word(&line, w))
        || [
            "lpa",
            "ctc",
            "p.a",
            "pa",
            "per annum",
            "per month",
            "monthly",
            "annum",
        ]
        .iter()
        .any(|w| contains_word(&line, w))
}

fn scan_tokens(text: &str, dollar: &'static str) -> Vec<Token> {
    AMOUNT
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let value = parse_number(caps.name("num")?.as_str())?;
            // A bare "R" is the rand only before a real amount ("R11 500"), not "R 4"; the same
            // for the other markers `needs_real_amount` names.
            let pre = caps
                .name("pre")
                .filter(|m| !needs_real_amount(m.as_str()) || value >= 100.0)
                .map(|m| marker_code(m.as_str(), dollar));
            // "45 000 Kč": the koruna's sign, whose "K" the multiplier took for thousands.
            let koruna = caps.name("mult").filter(|m| {
                m.as_str().eq_ignore_ascii_case("k") && text[m.end()..].starts_with('č')
            });
            let post = match koruna {
                Some(_) => Some("CZK"),
                None => caps
                    .name("post")
                    .filter(|m| !needs_real_amount(m.as_str()) || value >= 100.0)
                    .map(|m| marker_code(m.as_str(), dollar)),
            };
            let multiplier = caps
                .name("mult")
                .filter(|_| koruna.is_none())
                .map_or(Multiplier::None, |m| multiplier_of(m.as_str()));
            // "Salary: 3-4 Lacs PA", "12 LPA": only rupees are counted in lakhs (not a bare
            // "L"), when the line speaks of pay ("trusted by 50 lakh farmers" is a count).
            let lakh_word = multiplier == Multiplier::Lakh
                && caps.name("mult").is_some_and(|m| m.as_str().len() > 1)
                && line_speaks_of_pay(text, whole.start(), whole.end());
            Some(Token {
                start: whole.start(),
                end: koruna.map_or(whole.end(), |k| k.end() + 'č'.len_utf8()),
                value,
                currency: post.or(pre).or(lakh_word.then_some("INR")),
                multiplier,
            })
        })
        .collect()
}

/// Builds the candidate starting at `tokens[index]`; returns it (if valid)
/// and how many tokens it used.
fn candidate_at(text: &str, tokens: &[Token], index: usize) -> (Option<Candidate>, usize) {
    let first = &tokens[index];
    // "APS4 - $76,887 - $83,480": a pay grade's number before an amount is no bound of a range;
    // the amounts after it may be one. Not "45 - £55,000", the thousands written once.
    if let Some(second) = tokens.get(index + 1)
        && first.currency.is_none()
        && first.multiplier == Multiplier::None
        && second.currency.is_some()
        && first.value < 100.0
        && second.value >= 1000.0
        && !(first.value * 1000.0 <= second.value && second.value <= first.value * 2000.0)
    {
        return (None, 1);
    }
    if let Some(second) = tokens.get(index + 1)
        && RANGE_SEPARATOR.is_match(&text[first.end..second.start])
    {
        return (range_candidate(text, tokens, index, index + 1), 2);
    }
    // "Minimum $32.69 - Midpoint $48.56 - Maximum $64.42": a band's three points.
    if let (Some(mid), Some(max)) = (tokens.get(index + 1), tokens.get(index + 2))
        && MIDPOINT.is_match(&text[first.end..mid.start])
        && MAXIMUM.is_match(&text[mid.end..max.start])
    {
        return (range_candidate(text, tokens, index, index + 2), 3);
    }
    (single_candidate(text, tokens, index), 1)
}

/// The text between a band's minimum and its midpoint ("- Midpoint", ", mid:").
static MIDPOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[-–—,;|]?\s*mid(?:point)?\s*:?\s*$").expect("midpoint regex is valid")
});
/// The text between a band's midpoint and its maximum ("- Maximum", ", max:").
static MAXIMUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[-–—,;|]?\s*max(?:imum)?\s*:?\s*$").expect("maximum regex is valid")
});

/// "01 March 2025 - £12.13": a year next to an amount is a date, not the other end of a range.
fn is_bare_year(text: &str, token: &Token) -> bool {
    token.currency.is_none()
        && token.multiplier == Multiplier::None
        && text[token.start..token.end].trim().len() == 4
        && (1990.0..=2100.0).contains(&token.value)
}

fn range_candidate(text: &str, tokens: &[Token], index: usize, last: usize) -> Option<Candidate> {
    let (low, high) = (&tokens[index], &tokens[last]);
    if low.multiplier == Multiplier::Large || high.multiplier == Multiplier::Large {
        return None;
    }
    if is_bare_year(text, low) || is_bare_year(text, high) {
        return None;
    }
    let currency = high.currency.or(low.currency)?;
    let low_value = scaled(low, high);
    let high_value = scaled(high, low);
    let (min, max) = if low_value <= high_value {
        (low_value, high_value)
    } else {
        (high_value, low_value)
    };
    // "$30-50,000": the thousands written once, on the upper bound.
    let min = if low.multiplier == Multiplier::None
        && min == low_value
        && min.fract() == 0.0
        && (1.0..1000.0).contains(&min)
        && max >= 10_000.0
        && min * 1000.0 <= max
        && min * 2000.0 >= max
    {
        min * 1000.0
    } else {
        min
    };
    let context = Context::around(text, tokens, index, last);
    if context.is_not_pay() {
        return None;
    }
    let uses_k = [low.multiplier, high.multiplier]
        .iter()
        .any(|m| matches!(m, Multiplier::Thousand | Multiplier::Lakh));
    let explicit_period = context.period();
    let period = explicit_period.unwrap_or_else(|| default_period(max, currency));
    let score =
        2 + context.salary_word_bonus() + i32::from(uses_k) + i32::from(explicit_period.is_some());
    Some(Candidate {
        salary: Salary {
            min: Some(round(min)),
            max: Some(round(max)),
            currency: currency.to_string(),
            period,
        },
        score,
    })
}

fn single_candidate(text: &str, tokens: &[Token], index: usize) -> Option<Candidate> {
    let token = &tokens[index];
    let currency = token.currency?;
    if token.multiplier == Multiplier::Large {
        return None;
    }
    let context = Context::around(text, tokens, index, index);
    if context.is_not_pay() {
        return None;
    }
    let value = scaled(token, token);
    let explicit_period = context.period();
    let period = explicit_period.unwrap_or_else(|| default_period(value, currency));
    let amount = Some(round(value));
    let (min, max) = match context.bound() {
        Bound::UpTo => (None, amount),
        Bound::From => (amount, None),
        Bound::Exact => (amount, amount),
    };
    let score = context.salary_word_bonus()
        + i32::from(matches!(
            token.multiplier,
            Multiplier::Thousand | Multiplier::Lakh
        ))
        + i32::from(explicit_period.is_some());
    Some(Candidate {
        salary: Salary {
            min,
            max,
            currency: currency.to_string(),
            period,
        },
        score,
    })
}

/// The token's value, borrowing the partner's `k` when the token has none
/// and is small ("120-150k").
fn scaled(token: &Token, partner: &Token) -> f64 {
    let multiplier = match token.multiplier {
        Multiplier::None if partner.multiplier == Multiplier::Thousand && token.value < 1000.0 => {
            Multiplier::Thousand
        }
        Multiplier::None if partner.multiplier == Multiplier::Lakh && token.value < 1000.0 => {
            Multiplier::Lakh
        }
        other => other,
    };
    match multiplier {
        Multiplier::Thousand => token.value * 1000.0,
        Multiplier::Lakh => token.value * 100_000.0,
        _ => token.value,
    }
}

fn round(value: f64) -> i64 {
    // Salary values are far below i64::MAX; `as` saturates anyway.
    value.round() as i64
}

fn default_period(amount: f64, currency: &str) -> SalaryPeriod {
    // Below what a year's pay in the currency can be, an amount with no period is a month's
    // ("Salarisniveau € 3.052,- tot € 4.297,-", "Rs. 44,900-1,42,400"); a month's pay is what
    // these places quote.
    let least_yearly = match currency {
        "USD" | "EUR" | "GBP" | "CHF" | "CAD" | "AUD" | "NZD" | "SGD" => 10_000.0,
        "ZAR" => 100_000.0,
        "INR" | "LKR" | "PKR" | "NPR" => 200_000.0,
        "KES" | "JMD" => 1_000_000.0,
        "BRL" => 40_000.0,
        "MXN" | "UYU" | "DOP" | "HNL" | "GTQ" => 100_000.0,
        "CLP" | "COP" | "ARS" | "PYG" | "XOF" | "XAF" | "GNF" => 10_000_000.0,
        // Pay quoted a month in central and eastern Europe, Scandinavia, Turkey and South-East
        // Asia: below these, an amount with no period is a month's.
        "PLN" | "BGN" | "RON" | "MYR" | "PEN" => 60_000.0,
        "SEK" | "NOK" | "DKK" | "ILS" => 150_000.0,
        "CZK" | "TRY" | "THB" | "PHP" | "UAH" | "BDT" | "EGP" => 300_000.0,
        "RUB" | "KZT" | "ISK" | "HUF" => 4_000_000.0,
        "IDR" => 100_000_000.0,
        "VND" => 200_000_000.0,
        _ => 0.0,
    };
    if amount < 500.0 {
        SalaryPeriod::Hour
    } else if amount < least_yearly {
        SalaryPeriod::Month
    } else {
        SalaryPeriod::Year
    }
}

/// Whether an amount is a bound ("up to", "from") or exact.
enum Bound {
    UpTo,
    From,
    Exact,
}

/// The text around a candidate: from the start of its line (or the previous
/// amount) to the end of its line (or the next amount).
struct Context<'a> {
    /// The line the amount stands in, lower case.
    line: String,
    /// The amount's sentence in that line, lower case.
    sentence: String,
    before: String,
    after: &'a str,
}

impl<'a> Context<'a> {
    fn around(text: &'a str, tokens: &[Token], first: usize, last: usize) -> Self {
        let start = tokens[first].start;
        let end = tokens[last].end;
        let (line_start, line_end) = line_bounds(text, start, end);
        let previous_end = first
            .checked_sub(1)
            .map_or(line_start, |p| tokens[p].end.clamp(line_start, start));
        let next_start = tokens
            .get(last + 1)
            .map_or(line_end, |n| n.start.clamp(end, line_end));
        // "Salary of up to £27,000, but … apartments for 500 Euros per month": in a paragraph,
        // only the amount's own sentence says what the amount is.
        let sentence_start = text[line_start..start]
            .rfind(". ")
            .map_or(line_start, |at| line_start + at + 2);
        let sentence_end = text[end..line_end]
            .find(". ")
            .map_or(line_end, |at| end + at + 1);
        Context {
            line: text[line_start..line_end].to_lowercase(),
            sentence: text[sentence_start..sentence_end].to_lowercase(),
            before: text[previous_end..start].to_lowercase(),
            after: &text[end..next_start],
        }
    }

    fn is_not_pay(&self) -> bool {
        let after = self.after.to_lowercase();
        let after_head: String = after.chars().take(40).collect();
        // "$83,375 per annum plus allowances": what the pay comes with is not what it is.
        let after_head = [" plus ", " + ", " and ", " with "]
            .iter()
            .filter_map(|w| after_head.find(w))
            .min()
            .map_or(after_head.as_str(), |cut| &after_head[..cut]);
        let before_tail: String = tail_chars(&self.before, 40);
        // "$4,595/Monthly (Budgeted Hiring Salary: …)": the budgeted salary is the pay.
        let budgeted_pay = ["budgeted salary", "budgeted hiring salary", "budgeted pay"]
            .iter()
            .any(|w| after_head.contains(w));
        NOT_PAY_AFTER
            .iter()
            .any(|w| contains_word(after_head, w) && !(*w == "budget" && budgeted_pay))
            || NOT_PAY_BEFORE.iter().any(|w| before_tail.contains(w))
    }

    /// A salary word in the amount's sentence counts fully; elsewhere on its line (a paragraph
    /// with other sentences) a little.
    fn salary_word_bonus(&self) -> i32 {
        let has = |text: &str| SALARY_WORDS.iter().any(|w| contains_word(text, w));
        if has(&self.sentence) {
            3
        } else if has(&self.line) {
            1
        } else {
            0
        }
    }

    fn period(&self) -> Option<SalaryPeriod> {
        let head: String = self.after.chars().take(30).collect();
        let after = PERIOD_AFTER.captures(&head).and_then(|caps| {
            let word = caps
                .get(1)
                .or_else(|| caps.get(2))
                .or_else(|| caps.get(3))
                .or_else(|| caps.get(4))?
                .as_str()
                .to_lowercase();
            period_from_word(&word)
        });
        after.or_else(|| {
            let caps = PERIOD_BEFORE.captures(&self.before)?;
            period_from_word(caps.get(1)?.as_str())
        })
    }

    fn bound(&self) -> Bound {
        let tail = tail_chars(&self.before, 16);
        let tail = tail.trim_end();
        let ends_with_any = |words: &[&str]| words.iter().any(|w| tail.ends_with(w));
        if ends_with_any(&["up to", "upto", "max", "max.", "maximum", "not exceeding"]) {
            Bound::UpTo
        } else if self.after.starts_with('+')
            || ends_with_any(&[
                "from",
                "starting at",
                "starting from",
                "min",
                "min.",
                "minimum",
                "at least",
            ])
        {
            Bound::From
        } else {
            Bound::Exact
        }
    }
}

fn period_from_word(word: &str) -> Option<SalaryPeriod> {
    let period = match word.trim() {
        "hour" | "hr" | "h" | "hourly" | "per hour" | "uur" | "stunde" | "heure" | "hora"
        | "час" | "годину" => SalaryPeriod::Hour,
        "day" | "daily" | "day rate" | "daily rate" => SalaryPeriod::Day,
        "month" | "mo" | "monthly" | "pcm" | "per month" | "pm" | "p.m." | "maand" | "monat"
        | "mois" | "mes" | "месяц" | "місяць" => SalaryPeriod::Month,
        "year" | "yr" | "annum" | "annually" | "yearly" | "annual" | "p.a." | "p.a"
        | "per year" | "jaar" | "jahr" | "an" | "año" | "ano" | "год" | "рік" => {
            SalaryPeriod::Year
        }
        _ => return None,
    };
    Some(period)
}

fn tail_chars(text: &str, count: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let skip = chars.len().saturating_sub(count);
    chars[skip..].iter().collect()
}

/// Whether `needle` occurs in `haystack` starting at a word boundary.
fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before_ok = haystack[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = haystack[i + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || needle.ends_with(' '));
        before_ok && (after_ok || needle.len() > 4)
    })
}

/// The ISO code a currency marker stands for, a bare dollar being `dollar`.
pub(crate) fn marker_code(marker: &str, dollar: &'static str) -> &'static str {
    if matches!(
        marker.to_lowercase().trim_end_matches('.'),
        "$" | "dollar" | "dollars"
    ) {
        dollar
    } else {
        currency_code(marker)
    }
}

/// The ISO code a currency marker stands for ("$" is US dollars until the place says otherwise).
pub(crate) fn currency_code(marker: &str) -> &'static str {
    match marker.to_lowercase().trim_end_matches('.') {
        "ca$" | "c$" => "CAD",
        "au$" | "a$" => "AUD",
        "nz$" => "NZD",
        "s$" => "SGD",
        "hk$" => "HKD",
        "r$" => "BRL",
        "j$" => "JMD",
        // "euroa": Finnish ("4 000 – 6 000 euroa").
        "€" | "euro" | "euros" | "euroa" => "EUR",
        "£" | "pound" | "pounds" => "GBP",
        "₹" | "rs" => "INR",
        "¥" => "JPY",
        "r" => "ZAR",
        "ksh" | "kshs" => "KES",
        "₦" => "NGN",
        "؋" => "AFN",
        "₽" | "rur" => "RUB",
        "₴" => "UAH",
        "n$" => "NAD",
        "₱" => "PHP",
        "₩" => "KRW",
        "₪" => "ILS",
        "₺" | "tl" => "TRY",
        "₡" => "CRC",
        "₲" => "PYG",
        "gh₵" | "₵" => "GHS",
        "rm" => "MYR",
        "rp" => "IDR",
        "₫" => "VND",
        "zł" => "PLN",
        "kč" => "CZK",
        "лв" => "BGN",
        "ft" => "HUF",
        "lei" => "RON",
        // Swedish until the text says Norwegian, Danish or Icelandic (`local_kroner`).
        "kr" => "SEK",
        "rmb" => "CNY",
        // The ISO codes themselves; "$", "dollar" and "US$" are read as US dollars until the
        // place or the text says otherwise.
        other => ISO_CODES
            .iter()
            .chain(MORE_ISO_CODES)
            .find(|code| code.eq_ignore_ascii_case(other))
            .copied()
            .unwrap_or("USD"),
    }
}

fn multiplier_of(marker: &str) -> Multiplier {
    let folded = marker.to_ascii_lowercase();
    if folded == "k" {
        Multiplier::Thousand
    } else if folded == "l"
        || folded == "lpa"
        || folded.starts_with("lakh")
        || folded.starts_with("lac")
    {
        Multiplier::Lakh
    } else {
        Multiplier::Large
    }
}

/// Parses "120,000", "60.000", "18,00,000", "45.50", "4,500" into a number.
fn parse_number(raw: &str) -> Option<f64> {
    // "11 500": a space (or no-break space) between groups of three digits.
    let raw: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let raw = raw.as_str();
    let has_comma = raw.contains(',');
    let has_dot = raw.contains('.');
    match (has_comma, has_dot) {
        (false, false) => raw.parse().ok(),
        (true, true) => parse_mixed_separators(raw),
        _ => parse_single_separator(raw, if has_comma { ',' } else { '.' }),
    }
}

/// Both separators present: the last one is the decimal separator.
fn parse_mixed_separators(raw: &str) -> Option<f64> {
    let last = raw.rfind([',', '.'])?;
    let integer: String = raw[..last].chars().filter(char::is_ascii_digit).collect();
    let fraction = &raw[last + 1..];
    format!("{integer}.{fraction}").parse().ok()
}

/// One kind of separator: thousands grouping (including Indian lakh
/// grouping "18,00,000") when the last group has three digits, otherwise a
/// decimal separator ("45.50", "45,5").
fn parse_single_separator(raw: &str, separator: char) -> Option<f64> {
    let groups: Vec<&str> = raw.split(separator).collect();
    let (last, middle) = (groups.last()?, &groups[1..groups.len() - 1]);
    let is_grouping = last.len() == 3 && middle.iter().all(|g| g.len() == 2 || g.len() == 3);
    if is_grouping {
        return groups.concat().parse().ok();
    }
    if groups.len() == 2 && last.len() <= 2 {
        return format!("{}.{}", groups[0], last).parse().ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salary(
        min: Option<i64>,
        max: Option<i64>,
        currency: &str,
        period: SalaryPeriod,
    ) -> Option<Salary> {
        Some(Salary {
            min,
            max,
            currency: currency.to_string(),
            period,
        })
    }

    fn yearly(min: i64, max: i64, currency: &str) -> Option<Salary> {
        salary(Some(min), Some(max), currency, SalaryPeriod::Year)
    }

    #[test]
    fn currency_signs_of_other_countries() {
        use SalaryPeriod::{Month, Year};
        let cases = [
            (
                "Wynagrodzenie: 13 000 - 18 000 zł brutto",
                (13_000, 18_000, "PLN", Month),
            ),
            ("Mzda: 45 000 Kč měsíčně", (45_000, 45_000, "CZK", Month)),
            ("Заплата: 610 - 2050 лв.", (610, 2_050, "BGN", Month)),
            ("Salary: ₱25,000 - ₱30,000", (25_000, 30_000, "PHP", Month)),
            ("Salary: RM 4,500 - RM 6,000", (4_500, 6_000, "MYR", Month)),
            ("Gaji: Rp 8.000.000", (8_000_000, 8_000_000, "IDR", Month)),
            ("Lön: 32 000 kr", (32_000, 32_000, "SEK", Month)),
            ("Maaş: 45.000 TL", (45_000, 45_000, "TRY", Month)),
            (
                "Salary: TRY 900,000 per year",
                (900_000, 900_000, "TRY", Year),
            ),
            ("Bérezés: 650 000 Ft", (650_000, 650_000, "HUF", Month)),
            ("Salariu: 7.000 lei brut", (7_000, 7_000, "RON", Month)),
        ];
        for (text, (min, max, code, period)) in cases {
            assert_eq!(
                parse_salary(text),
                salary(Some(min), Some(max), code, period),
                "{text}"
            );
        }
        // Feet, team leads, a Romford postcode and a Canadian dollar sign are not these moneys.
        assert_eq!(parse_salary("a 6 ft fence"), None);
        assert_eq!(parse_salary("Hiring 2 TL for the night shift"), None);
        assert_eq!(parse_salary("Office: 1 Main Road, Romford RM1 3BD"), None);
        assert_eq!(
            parse_salary("Salary: CAN$85,000 per year").map(|s| s.currency),
            Some("USD".to_string())
        );
    }

    #[test]
    fn japanese_korean_and_chinese_pay() {
        use SalaryPeriod::{Hour, Month, Year};
        let cases = [
            (
                "給与：月給25万円～30万円",
                Some((250_000, 300_000, "JPY", Month)),
            ),
            (
                "【給与】年収400万円〜600万円（経験による）",
                Some((4_000_000, 6_000_000, "JPY", Year)),
            ),
            ("時給1,200円以上", Some((1_200, 1_200, "JPY", Hour))),
            (
                "급여: 연봉 3,000만원 ~ 4,000만원",
                Some((30_000_000, 40_000_000, "KRW", Year)),
            ),
            ("급여 시급 10,030원", Some((10_030, 10_030, "KRW", Hour))),
            (
                "薪资：月薪8000-12000元",
                Some((8_000, 12_000, "CNY", Month)),
            ),
            (
                "工作待遇：月薪 40,000~60,000元\n工作地點：台北市",
                Some((40_000, 60_000, "TWD", Month)),
            ),
            (
                "薪资 200000円～30万円",
                Some((200_000, 300_000, "JPY", Month)),
            ),
            // A company's capital, a price and an allowance are not pay; a backend (后台) is
            // no sign of Taiwan.
            ("資本金3,000万円", None),
            ("交通費 1,000円", None),
            ("交通費支給（月3万円まで）", None),
            (
                "后台开发工程师 月薪15000-25000元",
                Some((15_000, 25_000, "CNY", Month)),
            ),
        ];
        for (text, expected) in cases {
            let expected = expected
                .and_then(|(min, max, code, period)| salary(Some(min), Some(max), code, period));
            assert_eq!(parse_salary(text), expected, "{text}");
        }
    }

    #[test]
    fn public_service_salary_scales() {
        assert_eq!(
            parse_salary(
                "Salary Scale: Ksh. 90,200 x 3,220 – 93,420 x 4,520 – 97,940 x 4,920 – 124,630 p.m."
            ),
            salary(Some(90_200), Some(124_630), "KES", SalaryPeriod::Month)
        );
        assert_eq!(
            parse_salary("Salary Scale. Rs. 31,040 -10x445 -11x660 - 10x730 - Rs. 57,550 monthly")
                .map(|s| (s.min, s.max)),
            Some((Some(31_040), Some(57_550)))
        );
        assert_eq!(
            parse_salary("Step 1 Column 1: $60,928 - Step 30 Column VII: $128,902")
                .map(|s| (s.min, s.max)),
            Some((Some(60_928), Some(128_902)))
        );
        // A pay grade's number before the amount is not the range's lower bound.
        assert_eq!(
            parse_salary("Salary: APS4 - $76,887 - $83,480 p.a.").map(|s| (s.min, s.max)),
            Some((Some(76_887), Some(83_480)))
        );
        assert_eq!(
            parse_salary("Salary: 45 - £55,000 per annum").map(|s| (s.min, s.max)),
            Some((Some(45_000), Some(55_000)))
        );
        // "$5 - $50" with both amounts marked is a range however wide.
        assert_eq!(
            parse_salary("Tips: $5 - $150 per hour").map(|s| (s.min, s.max)),
            Some((Some(5), Some(150)))
        );
        // One "2 x 12" is a shift pattern, not a scale.
        assert_eq!(
            parse_salary("Pay: $25 - $30 per hour, 2 x 12-hour shifts").map(|s| (s.min, s.max)),
            Some((Some(25), Some(30)))
        );
    }

    #[test]
    fn bare_thousands_in_a_header_part() {
        use super::bare_thousands;
        assert_eq!(
            bare_thousands("150-180k salary + 1-2% equity"),
            Some((150_000, 180_000))
        );
        assert_eq!(bare_thousands("230k + 0.8%"), Some((230_000, 230_000)));
        assert_eq!(bare_thousands(" 120k to 140k"), Some((120_000, 140_000)));
        assert_eq!(bare_thousands("4000 clicks"), None);
        assert_eq!(bare_thousands("Series A, 20 people"), None);
        assert_eq!(bare_thousands("10k users"), None);
        assert_eq!(bare_thousands("200-100k"), None);
    }

    #[test]
    fn dollar_k_range_with_en_dash() {
        assert_eq!(parse_salary("$120k–$150k"), yearly(120_000, 150_000, "USD"));
    }

    #[test]
    fn dollar_upper_k_range_with_spaces() {
        assert_eq!(
            parse_salary("Salary: $120K - $150K"),
            yearly(120_000, 150_000, "USD")
        );
    }

    #[test]
    fn iso_prefix_range_per_year() {
        assert_eq!(
            parse_salary("USD 120,000 - 150,000 a year"),
            yearly(120_000, 150_000, "USD")
        );
    }

    #[test]
    fn european_thousands_dot_single() {
        assert_eq!(
            parse_salary("Gehalt: €60.000"),
            yearly(60_000, 60_000, "EUR")
        );
    }

    #[test]
    fn european_range_per_year() {
        assert_eq!(
            parse_salary("€55.000 – €70.000 per year"),
            yearly(55_000, 70_000, "EUR")
        );
    }

    #[test]
    fn pound_range_without_spaces() {
        assert_eq!(
            parse_salary("£45,000-£55,000"),
            yearly(45_000, 55_000, "GBP")
        );
    }

    #[test]
    fn canadian_dollars_with_to() {
        assert_eq!(
            parse_salary("CA$90,000 to CA$110,000"),
            yearly(90_000, 110_000, "CAD")
        );
    }

    #[test]
    fn indian_lakh_grouping() {
        assert_eq!(
            parse_salary("₹18,00,000 - ₹25,00,000"),
            yearly(1_800_000, 2_500_000, "INR")
        );
    }

    #[test]
    fn hourly_single_with_slash() {
        assert_eq!(
            parse_salary("$45/hour"),
            salary(Some(45), Some(45), "USD", SalaryPeriod::Hour)
        );
    }

    #[test]
    fn hourly_range_per_hour() {
        assert_eq!(
            parse_salary("$30 - $40 per hour"),
            salary(Some(30), Some(40), "USD", SalaryPeriod::Hour)
        );
    }

    #[test]
    fn per_month_written_pm_and_african_currencies() {
        let found = parse_salary("REMUNERATION: R9 920.54 pm (basic salary)").unwrap();
        assert_eq!(found.period, SalaryPeriod::Month);
        assert_eq!(found.currency, "ZAR");
        let found = parse_salary("Salary: Ksh. 90,200 - 124,630 per month").unwrap();
        assert_eq!((found.min, found.max), (Some(90_200), Some(124_630)));
        assert_eq!(found.currency, "KES");
        let found = parse_salary("Pay: ₦250,000 monthly").unwrap();
        assert_eq!(found.currency, "NGN");
    }

    #[test]
    fn roubles_and_hryvnias_and_their_periods() {
        assert_eq!(
            parse_salary("Salary: 80000 - 100000 RUR (За месяц)"),
            salary(Some(80_000), Some(100_000), "RUB", SalaryPeriod::Month)
        );
        assert_eq!(
            parse_salary("Зарплата: 120 000 ₽ в месяц"),
            salary(Some(120_000), Some(120_000), "RUB", SalaryPeriod::Month)
        );
        assert_eq!(
            parse_salary("Зарплата: 30000 ₴ на місяць"),
            salary(Some(30_000), Some(30_000), "UAH", SalaryPeriod::Month)
        );
        // "в часовом поясе" (in the time zone) is no hourly rate.
        assert_ne!(
            parse_salary("Зарплата: 120 000 ₽, работа в часовом поясе МСК").map(|s| s.period),
            Some(SalaryPeriod::Hour)
        );
    }

    #[test]
    fn a_period_after_each_bound() {
        assert_eq!(
            parse_salary("Salary: $75,000.00/yr - $85,000.00/yr"),
            yearly(75_000, 85_000, "USD")
        );
        assert_eq!(
            parse_salary("Pay: $20.00/hr - $25.00/hr"),
            salary(Some(20), Some(25), "USD", SalaryPeriod::Hour)
        );
        assert_eq!(
            parse_salary(
                "Salary Range: $4,595 - $6,694/Monthly (Budgeted Hiring Salary: $4,595/Monthly)"
            ),
            salary(Some(4_595), Some(6_694), "USD", SalaryPeriod::Month)
        );
        // A budget is still not pay, and a period does not join an amount to a bonus.
        assert_eq!(parse_salary("A travel budget of $2,000 per year"), None);
        assert_eq!(parse_salary("$3,000 budgeted per year for training"), None);
        assert_eq!(
            parse_salary("Pay: $22/hr and $1,500 sign-on bonus"),
            salary(Some(22), Some(22), "USD", SalaryPeriod::Hour)
        );
    }

    #[test]
    fn lakhs_afghanis_and_lower_case_codes() {
        // Only rupees are counted in lakhs, so the word says the currency.
        assert_eq!(
            parse_salary("Salary: 3-4 Lacs PA"),
            salary(Some(300_000), Some(400_000), "INR", SalaryPeriod::Year)
        );
        assert_eq!(
            parse_salary("CTC: 6 - 8 Lakhs per annum"),
            salary(Some(600_000), Some(800_000), "INR", SalaryPeriod::Year)
        );
        // A bare "L" is no currency, and lakhs that are no pay are a count.
        assert_eq!(parse_salary("Tank: 5L"), None);
        assert_eq!(parse_salary("Trusted by 50 lakh farmers"), None);
        assert_eq!(
            parse_salary("؋90000 - ؋110000 monthly"),
            salary(Some(90_000), Some(110_000), "AFN", SalaryPeriod::Month)
        );
        assert_eq!(
            parse_salary("Salary: 3,043 - 4,565 eur gross monthly"),
            salary(Some(3_043), Some(4_565), "EUR", SalaryPeriod::Month)
        );
    }

    #[test]
    fn market_sizes_are_not_pay() {
        assert_eq!(
            parse_salary("enterprises spend $120T+ per year globally, a $50B+ TAM"),
            None
        );
    }

    #[test]
    fn currency_code_written_against_the_amount() {
        let found = parse_salary("Salary ZAR15,000 - ZAR20,000/month").unwrap();
        assert_eq!((found.min, found.max), (Some(15000), Some(20000)));
        assert_eq!(found.currency, "ZAR");
        assert_eq!(found.period, SalaryPeriod::Month);
    }

    #[test]
    fn up_to_sets_only_max() {
        assert_eq!(
            parse_salary("We pay up to $200k"),
            salary(None, Some(200_000), "USD", SalaryPeriod::Year)
        );
    }

    #[test]
    fn from_sets_only_min_with_suffix_currency() {
        assert_eq!(
            parse_salary("Compensation from 70k EUR"),
            salary(Some(70_000), None, "EUR", SalaryPeriod::Year)
        );
    }

    #[test]
    fn trailing_plus_sets_only_min() {
        assert_eq!(
            parse_salary("$100k+ depending on experience"),
            salary(Some(100_000), None, "USD", SalaryPeriod::Year)
        );
    }

    #[test]
    fn day_rate_and_decimal_hourly_range() {
        assert_eq!(
            parse_salary("£300-£400 a day outside IR35"),
            salary(Some(300), Some(400), "GBP", SalaryPeriod::Day)
        );
        assert_eq!(
            parse_salary("Pay range: $25.50 - $32.00/hr"),
            salary(Some(26), Some(32), "USD", SalaryPeriod::Hour)
        );
    }

    #[test]
    fn shared_k_and_suffix_currency() {
        assert_eq!(
            parse_salary("120-150k USD"),
            yearly(120_000, 150_000, "USD")
        );
        assert_eq!(
            parse_salary("Salary range: $30-50,000 per year"),
            yearly(30_000, 50_000, "USD")
        );
        assert_eq!(
            parse_salary("$3-10,000 a month"),
            salary(Some(3), Some(10_000), "USD", SalaryPeriod::Month)
        );
    }

    #[test]
    fn monthly_with_iso_prefix() {
        assert_eq!(
            parse_salary("EUR 4,500 per month"),
            salary(Some(4_500), Some(4_500), "EUR", SalaryPeriod::Month)
        );
    }

    #[test]
    fn suffix_code_overrides_dollar_sign() {
        assert_eq!(
            parse_salary("$90,000 - $110,000 CAD"),
            yearly(90_000, 110_000, "CAD")
        );
    }

    #[test]
    fn decimal_hourly_rate() {
        assert_eq!(
            parse_salary("Hourly rate: $32.50"),
            salary(Some(33), Some(33), "USD", SalaryPeriod::Hour)
        );
    }

    #[test]
    fn ignores_years_of_experience_and_team_sizes() {
        assert_eq!(
            parse_salary("5+ years of experience, 3-5 years in fintech"),
            None
        );
        assert_eq!(
            parse_salary("You'll join a team of 12 engineers across 3 time zones"),
            None
        );
    }

    #[test]
    fn south_african_rand_with_space_groups() {
        let s = parse_salary("- R11 500 per month depending on experience.").unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str(), s.period),
            (Some(11500), Some(11500), "ZAR", SalaryPeriod::Month)
        );
        assert!(parse_salary("Proficiency in R 4 and Python").is_none());
    }

    #[test]
    fn ignores_401k() {
        assert_eq!(parse_salary("401(k) with 4% match and 25 days PTO"), None);
        assert_eq!(parse_salary("401k matching"), None);
    }

    #[test]
    fn ignores_funding_amounts() {
        assert_eq!(parse_salary("We just raised a $50M Series B"), None);
        assert_eq!(parse_salary("backed by $12 million in funding"), None);
        assert_eq!(parse_salary("We raised $8,000,000 last year"), None);
    }

    #[test]
    fn funding_next_to_salary_does_not_win() {
        assert_eq!(
            parse_salary("We raised a $50M Series B.\nSalary: $140k - $170k"),
            yearly(140_000, 170_000, "USD")
        );
    }

    #[test]
    fn ignores_budgets_and_stipends() {
        assert_eq!(parse_salary("€1.000 yearly learning budget"), None);
        assert_eq!(parse_salary("$500 home office stipend"), None);
    }

    #[test]
    fn prefers_salary_line_over_benefit_amounts() {
        let text = "Perks: $1,500 learning budget\nBase salary: £60,000 - £75,000";
        assert_eq!(parse_salary(text), yearly(60_000, 75_000, "GBP"));
    }

    #[test]
    fn parses_number_formats() {
        assert_eq!(parse_number("120,000"), Some(120_000.0));
        assert_eq!(parse_number("60.000"), Some(60_000.0));
        assert_eq!(parse_number("18,00,000"), Some(1_800_000.0));
        assert_eq!(parse_number("45.50"), Some(45.5));
        assert_eq!(parse_number("120,000.00"), Some(120_000.0));
        assert_eq!(parse_number("1.234,56"), Some(1234.56));
        assert_eq!(parse_number("1.2.3"), None);
    }
}
