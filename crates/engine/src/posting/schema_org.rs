//! schema.org `JobPosting` (as published in JSON-LD or microdata for search engines) mapped to a
//! [`ParsedPosting`].
//!
//! The structured fields win: title, `hiringOrganization`, `jobLocation`, `jobLocationType`,
//! `applicantLocationRequirements`, `baseSalary`, `employmentType`, `datePosted` and
//! `validThrough` are read as published. The description (already converted from HTML to text
//! by the caller) goes through the text parser for the sections (requirements, preferred,
//! benefits), the years asked and the seniority wording.
//!
//! Node references (`{"@id": "…#org"}`) are resolved through the ids of every node on the page,
//! so `@graph` documents whose posting points at an `Organization` node elsewhere work.

use std::collections::HashMap;

use serde_json::Value;

use super::text::collapse_ws;
use super::{
    JobType, ParseWarning, ParsedPosting, Salary, SalaryPeriod, WorkArrangement, attributes,
    parse_posting, title,
};

/// Every node of a page's structured data, flattened out of `@graph` arrays and plain arrays,
/// with an index of the nodes that carry an `@id`.
#[derive(Debug, Default)]
pub struct SchemaNodes {
    nodes: Vec<Value>,
    by_id: HashMap<String, usize>,
}

impl SchemaNodes {
    /// Collects the nodes of several JSON-LD blocks (or microdata items turned into JSON).
    pub fn from_blocks<I: IntoIterator<Item = Value>>(blocks: I) -> Self {
        let mut collected = SchemaNodes::default();
        for block in blocks {
            collected.push_flattened(block, 0);
        }
        collected
    }

    fn push_flattened(&mut self, value: Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Array(items) => {
                for item in items {
                    self.push_flattened(item, depth + 1);
                }
            }
            Value::Object(mut object) => {
                if let Some(graph) = object.remove("@graph") {
                    self.push_flattened(graph, depth + 1);
                }
                if object.is_empty() {
                    return;
                }
                let node = Value::Object(object);
                if let Some(id) = node.get("@id").and_then(Value::as_str) {
                    self.by_id.insert(id.to_string(), self.nodes.len());
                }
                self.nodes.push(node);
            }
            _ => {}
        }
    }

    /// The first `JobPosting` node, if any.
    pub fn job_posting(&self) -> Option<&Value> {
        self.nodes.iter().find(|node| has_type(node, "JobPosting"))
    }

    /// Follows an `{"@id": …}` reference (a node with nothing but its id) to the full node.
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        let Some(object) = value.as_object() else {
            return value;
        };
        let is_reference = object.len() == 1 || (object.len() == 2 && object.contains_key("@type"));
        match object.get("@id").and_then(Value::as_str) {
            Some(id) if is_reference => self
                .by_id
                .get(id)
                .map_or(value, |&index| &self.nodes[index]),
            _ => value,
        }
    }
}

/// Whether a node's `@type` (a string or a list, with or without a schema.org prefix) is `name`.
fn has_type(node: &Value, name: &str) -> bool {
    let matches = |t: &Value| {
        t.as_str().is_some_and(|t| {
            t == name
                || t.rsplit(['/', ':', '#'])
                    .next()
                    .is_some_and(|last| last == name)
        })
    };
    match node.get("@type") {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// Maps a `JobPosting` node to a posting. `description_text` is the node's `description`
/// already converted from HTML to text (the engine does not parse HTML). Returns `None` when
/// the node has no usable title.
pub fn posting_from_schema_org(
    nodes: &SchemaNodes,
    job: &Value,
    description_text: &str,
) -> Option<ParsedPosting> {
    let title = text_of(nodes, job.get("title")).or_else(|| text_of(nodes, job.get("name")))?;
    let title = title::without_gender_marker(&decode_entities(&title));
    // The description is parsed for its sections; the title goes first so the text parser's
    // title-dependent rules (level from title words) see it.
    let mut parsed = parse_posting(&format!("{title}\n\n{description_text}"));
    let mut warnings = Vec::new();

    parsed.title = Some(title.clone());
    // Without a hiring organisation or a place in the structured data, what the description
    // text states (if anything) stands.
    if let Some(company) = job
        .get("hiringOrganization")
        .and_then(|org| organization_name(nodes, org))
    {
        parsed.company = Some(decode_entities(&company));
    }

    let remote = is_telecommute(job);
    let places = job
        .get("jobLocation")
        .map(|l| places(nodes, l))
        .unwrap_or_default();
    // A remote posting whose places are whole countries ("SK", "PT", … on a job open across
    // the EU) states where applicants may live, as `applicantLocationRequirements` does.
    let countries_only = remote && places.iter().all(|p| p.country_only);
    let places: Vec<String> = places.into_iter().map(|p| p.text).collect();
    if !places.is_empty() && !countries_only {
        parsed.location = Some(places.join("; "));
    } else if remote {
        // A remote posting states where applicants may live instead of an office.
        parsed.location = applicant_region(nodes, job)
            .or_else(|| (!places.is_empty()).then(|| format!("Remote ({})", places.join(", "))));
    }
    if remote {
        parsed.work_arrangement = Some(WorkArrangement::Remote);
    } else if !places.is_empty() && parsed.work_arrangement == Some(WorkArrangement::Remote) {
        // The structured data names an office and does not say TELECOMMUTE: a "remote" word in
        // the description (often "remote-friendly" or a perk) does not make it a remote job.
        parsed.work_arrangement = attributes::detect_arrangement(&title);
    }

    if let Some(salary) = job.get("baseSalary") {
        match salary_of(nodes, salary) {
            Ok(found) => parsed.salary = found.or(parsed.salary.take()),
            Err(message) => warnings.push(ParseWarning::new("salary_range", message)),
        }
    }
    if let Some(kind) = job.get("employmentType").and_then(employment_type) {
        parsed.job_type = Some(kind);
    }
    parsed.posted_date = job.get("datePosted").and_then(calendar_date);
    parsed.expires_date = job.get("validThrough").and_then(calendar_date);
    if let Some(url) = ["url", "sameAs"]
        .iter()
        .filter_map(|key| job.get(*key).and_then(Value::as_str))
        .find(|url| url.starts_with("https://") || url.starts_with("http://"))
    {
        parsed.application_url = Some(url.to_string());
    }
    parsed.warnings = warnings;
    Some(parsed)
}

/// A text value: a string, the first string of a list, or a node's `name`.
fn text_of(nodes: &SchemaNodes, value: Option<&Value>) -> Option<String> {
    let value = nodes.resolve(value?);
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => return items.iter().find_map(|i| text_of(nodes, Some(i))),
        Value::Object(o) => return text_of(nodes, o.get("name")),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let text = collapse_ws(&text);
    (!text.is_empty()).then_some(text)
}

fn organization_name(nodes: &SchemaNodes, org: &Value) -> Option<String> {
    match nodes.resolve(org) {
        Value::Array(items) => items.iter().find_map(|o| organization_name(nodes, o)),
        Value::Object(o) => {
            text_of(nodes, o.get("name")).or_else(|| text_of(nodes, o.get("legalName")))
        }
        other => text_of(nodes, Some(other)),
    }
}

fn is_telecommute(job: &Value) -> bool {
    let says = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s.to_ascii_uppercase().contains("TELECOMMUTE"))
    };
    match job.get("jobLocationType") {
        Some(Value::Array(items)) => items.iter().any(says),
        Some(v) => says(v),
        None => false,
    }
}

/// One `jobLocation` as text, and whether it names a country and nothing narrower.
struct Place {
    text: String,
    country_only: bool,
}

/// "City, Region, Country" for each `Place`, in the order posted, without repeated parts.
fn places(nodes: &SchemaNodes, value: &Value) -> Vec<Place> {
    let mut found: Vec<Place> = Vec::new();
    let items: Vec<&Value> = match nodes.resolve(value) {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for item in items {
        let place = nodes.resolve(item);
        let (text, country_only) = match place {
            Value::String(s) => (Some(collapse_ws(&decode_entities(s))), false),
            Value::Object(o) => match o.get("address").map(|a| nodes.resolve(a)) {
                Some(Value::String(s)) => (Some(collapse_ws(&decode_entities(s))), false),
                Some(address @ Value::Object(_)) => address_text(nodes, address),
                _ => (text_of(nodes, o.get("name")), false),
            },
            _ => (None, false),
        };
        if let Some(text) = text.filter(|t| !t.is_empty())
            && !found.iter().any(|p| p.text == text)
        {
            found.push(Place { text, country_only });
        }
    }
    found
}

/// The address's locality, region and country joined (the street line when it has none of
/// them), and whether the country is all it names. A part with no letter or digit ("-" for a
/// region the board leaves empty) is no part.
fn address_text(nodes: &SchemaNodes, address: &Value) -> (Option<String>, bool) {
    let mut parts: Vec<String> = Vec::new();
    let mut narrower = false;
    for key in ["addressLocality", "addressRegion", "addressCountry"] {
        let Some(part) = text_of(nodes, address.get(key))
            .map(|p| decode_entities(&p))
            .filter(|p| p.chars().any(char::is_alphanumeric))
        else {
            continue;
        };
        let duplicate = parts.iter().any(|p| p.eq_ignore_ascii_case(&part));
        if !duplicate {
            narrower |= key != "addressCountry";
            parts.push(part);
        }
    }
    if parts.is_empty() {
        // SuccessFactors career sites write the whole place into the street line ("Bangalore,
        // IN, 560066") and leave the other parts out; a street alone ("123 Main Street") is
        // no place to give.
        let street = text_of(nodes, address.get("streetAddress"))
            .map(|p| decode_entities(&p))
            .filter(|p| p.contains(',') && p.chars().any(char::is_alphabetic));
        return (street, false);
    }
    let country_only = !narrower;
    (Some(parts.join(", ")), country_only)
}

/// "Remote (United States)" from `applicantLocationRequirements`; "Remote" alone is not a
/// location, so nothing when the posting does not name a region.
fn applicant_region(nodes: &SchemaNodes, job: &Value) -> Option<String> {
    let value = job.get("applicantLocationRequirements")?;
    let regions: Vec<String> = match nodes.resolve(value) {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| text_of(nodes, Some(i)))
            .collect(),
        other => text_of(nodes, Some(other)).into_iter().collect(),
    };
    (!regions.is_empty()).then(|| format!("Remote ({})", regions.join(", ")))
}

/// `baseSalary` as a [`Salary`]: a `MonetaryAmount` whose `value` is a number or a
/// `QuantitativeValue` (`minValue`, `maxValue`, `value`, `unitText`). A period JobWise cannot
/// represent (a week) is an error message for the warnings, not a guess.
fn salary_of(nodes: &SchemaNodes, value: &Value) -> Result<Option<Salary>, String> {
    let amount = match nodes.resolve(value) {
        Value::Array(items) => match items.first() {
            Some(first) => nodes.resolve(first),
            None => return Ok(None),
        },
        other => other,
    };
    let Some(object) = amount.as_object() else {
        return Ok(None);
    };
    let Some(currency) = object
        .get("currency")
        .and_then(Value::as_str)
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
    else {
        return Ok(None);
    };
    let quantity = object.get("value").map(|v| nodes.resolve(v));
    let (min, max, unit) = match quantity {
        Some(Value::Object(q)) => (
            number(q.get("minValue")).or_else(|| number(q.get("value"))),
            number(q.get("maxValue")).or_else(|| number(q.get("value"))),
            q.get("unitText").and_then(Value::as_str),
        ),
        Some(single) => (number(Some(single)), number(Some(single)), None),
        None => (
            number(object.get("minValue")),
            number(object.get("maxValue")),
            None,
        ),
    };
    if min.is_none() && max.is_none() {
        return Ok(None);
    }
    let unit = unit
        .or_else(|| object.get("unitText").and_then(Value::as_str))
        .map(str::to_ascii_uppercase);
    let period = match unit.as_deref() {
        Some("HOUR") => SalaryPeriod::Hour,
        Some("DAY") => SalaryPeriod::Day,
        Some("MONTH") => SalaryPeriod::Month,
        Some("YEAR") => SalaryPeriod::Year,
        Some("WEEK") => {
            return Err(
                "the page states a weekly pay, which is not one of the supported periods \
                        (hour, day, month, year); it was left out"
                    .to_string(),
            );
        }
        // No unit: the text parser's rule (small amounts are hourly, large ones yearly).
        _ if max.or(min).is_some_and(|v| v < 500) => SalaryPeriod::Hour,
        _ => SalaryPeriod::Year,
    };
    Ok(Some(Salary {
        min,
        max,
        currency,
        period,
    }))
}

fn number(value: Option<&Value>) -> Option<i64> {
    let value = value?;
    let float = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().replace(',', "").parse::<f64>().ok()?,
        _ => return None,
    };
    (float.is_finite() && float >= 0.0).then(|| float.round() as i64)
}

/// `employmentType` (one value or a list) as a job type; the first one JobWise knows.
fn employment_type(value: &Value) -> Option<JobType> {
    let one = |v: &Value| {
        let folded = v
            .as_str()?
            .trim()
            .to_ascii_uppercase()
            .replace(['-', ' '], "_");
        match folded.as_str() {
            "FULL_TIME" | "FULLTIME" | "PERMANENT" => Some(JobType::FullTime),
            "PART_TIME" | "PARTTIME" => Some(JobType::PartTime),
            "CONTRACTOR" | "CONTRACT" | "TEMPORARY" | "TEMP" => Some(JobType::Contract),
            "INTERN" | "INTERNSHIP" => Some(JobType::Internship),
            "FREELANCE" | "FREELANCER" => Some(JobType::Freelance),
            _ => None,
        }
    };
    match value {
        Value::Array(items) => items.iter().find_map(one),
        other => one(other),
    }
}

/// The `YYYY-MM-DD` part of an ISO 8601 date or date-time.
fn calendar_date(value: &Value) -> Option<String> {
    let text = value.as_str()?.trim();
    let date = text.get(..10)?;
    let bytes = date.as_bytes();
    let shaped = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    shaped.then(|| date.to_string())
}

/// Decodes the HTML entities that structured data often carries in its strings
/// (`&amp;`, `&#39;`, `&#x2013;`, `&nbsp;` …).
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &after[..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "pound" => Some('£'),
                "euro" => Some('€'),
                _ => {
                    let number = entity.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn posting(blocks: Vec<Value>) -> ParsedPosting {
        let nodes = SchemaNodes::from_blocks(blocks);
        let job = nodes.job_posting().expect("a JobPosting").clone();
        posting_from_schema_org(&nodes, &job, "Build things.\n\nRequirements:\n- Rust").unwrap()
    }

    #[test]
    fn reads_the_usual_fields() {
        let p = posting(vec![json!({
            "@context": "https://schema.org", "@type": "JobPosting",
            "title": "Staff Nurse &amp; Midwife",
            "hiringOrganization": {"@type": "Organization", "name": "Leeds Teaching Hospitals"},
            "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
                "addressLocality": "Leeds", "addressRegion": "West Yorkshire", "addressCountry": "GB"}},
            "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
                "value": {"@type": "QuantitativeValue", "minValue": 29970, "maxValue": 36483, "unitText": "YEAR"}},
            "employmentType": ["PART_TIME", "FULL_TIME"],
            "datePosted": "2026-10-01T09:00:00+01:00", "validThrough": "2026-11-01"
        })]);
        assert_eq!(p.title.as_deref(), Some("Staff Nurse & Midwife"));
        assert_eq!(p.company.as_deref(), Some("Leeds Teaching Hospitals"));
        assert_eq!(p.location.as_deref(), Some("Leeds, West Yorkshire, GB"));
        let s = p.salary.unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_str(), s.period),
            (Some(29970), Some(36483), "GBP", SalaryPeriod::Year)
        );
        assert_eq!(p.job_type, Some(JobType::PartTime));
        assert_eq!(p.posted_date.as_deref(), Some("2026-10-01"));
        assert_eq!(p.expires_date.as_deref(), Some("2026-11-01"));
        assert_eq!(p.requirements, vec!["Rust".to_string()]);
    }

    #[test]
    fn resolves_graph_references_and_remote_regions() {
        let p = posting(vec![json!({"@context": "https://schema.org", "@graph": [
            {"@type": "Organization", "@id": "https://x.example/#org", "name": "Northwind Labs"},
            {"@type": ["JobPosting"], "title": "Data Engineer",
             "hiringOrganization": {"@id": "https://x.example/#org"},
             "jobLocationType": "TELECOMMUTE",
             "applicantLocationRequirements": [{"@type": "Country", "name": "USA"}, {"@type": "Country", "name": "Canada"}],
             "baseSalary": {"currency": "USD", "value": {"value": 60, "unitText": "HOUR"}}}
        ]})]);
        assert_eq!(p.company.as_deref(), Some("Northwind Labs"));
        assert_eq!(p.location.as_deref(), Some("Remote (USA, Canada)"));
        assert_eq!(p.work_arrangement, Some(WorkArrangement::Remote));
        let s = p.salary.unwrap();
        assert_eq!(
            (s.min, s.max, s.period),
            (Some(60), Some(60), SalaryPeriod::Hour)
        );
    }

    #[test]
    fn remote_countries_are_where_applicants_live_and_empty_parts_are_dropped() {
        // A remote job "located" in each country it hires from (a board's EU-wide post).
        let p = posting(vec![
            json!({"@type": "JobPosting", "title": "DevOps Engineer",
            "jobLocationType": "TELECOMMUTE",
            "jobLocation": [
                {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "SK"}},
                {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "PT"}}]}),
        ]);
        assert_eq!(p.location.as_deref(), Some("Remote (SK, PT)"));
        // An office job in one country keeps its country as the place.
        let p = posting(vec![json!({"@type": "JobPosting", "title": "Clerk",
            "jobLocation": {"address": {"addressCountry": "DE"}}})]);
        assert_eq!(p.location.as_deref(), Some("DE"));
        // A remote job with a city is still that city.
        let p = posting(vec![json!({"@type": "JobPosting", "title": "Clerk",
            "jobLocationType": "TELECOMMUTE",
            "jobLocation": {"address": {"addressLocality": "Lyon", "addressCountry": "FR"}}})]);
        assert_eq!(p.location.as_deref(), Some("Lyon, FR"));
        // "-" for a region left empty, and a gender marker after the title.
        let p = posting(vec![
            json!({"@type": "JobPosting", "title": "Solution Engineer (M/F/X)",
            "jobLocation": {"address": {"addressLocality": "Leipzig", "addressRegion": "-",
                "addressCountry": "DE"}}}),
        ]);
        assert_eq!(p.location.as_deref(), Some("Leipzig, DE"));
        assert_eq!(p.title.as_deref(), Some("Solution Engineer"));
        // The whole place in the street line, as SuccessFactors career sites write it.
        let p = posting(vec![
            json!({"@type": "JobPosting", "title": "Developer Associate",
            "jobLocation": {"address": {"streetAddress": "Bangalore, IN, 560066"}}}),
        ]);
        assert_eq!(p.location.as_deref(), Some("Bangalore, IN, 560066"));
        let p = posting(vec![
            json!({"@type": "JobPosting", "title": "Developer Associate",
            "jobLocation": {"address": {"streetAddress": "123 Main Street"}}}),
        ]);
        assert_eq!(p.location, None);
    }

    #[test]
    fn weekly_pay_is_a_warning_not_a_guess() {
        let p = posting(vec![json!({"@type": "JobPosting", "title": "Chef",
            "baseSalary": {"currency": "AUD", "value": {"value": 1500, "unitText": "WEEK"}}})]);
        assert!(p.salary.is_none());
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].field, "salary_range");
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(
            decode_entities("R&amp;D &#8211; Q&#x26;A &nbsp;x & y"),
            "R&D – Q&A  x & y"
        );
    }
}
