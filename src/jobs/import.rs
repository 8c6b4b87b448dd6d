//! Reading a job page (HTML) into a posting, for `POST /jobs/import`.
//!
//! In order of trust:
//! 1. schema.org `JobPosting` in JSON-LD (`<script type="application/ld+json">`), as job boards
//!    publish it for search engines: every block on the page, `@graph` documents and arrays;
//! 2. schema.org microdata (`itemscope itemtype=".../JobPosting"`), turned into the same JSON
//!    shape and read by the same mapping;
//! 3. the page's readable text (the `main`/`article` element when there is one, without
//!    navigation, headers with menus, footers, forms, scripts and styles) through the pasted
//!    posting parser.
//!
//! The HTML is parsed by html5ever (through `scraper`); nothing here uses regular expressions
//! on markup.

use super::model::ALWAYS_ACCEPTED_CHARS;
use jobwise_engine::{
    ParsedPosting, SchemaNodes, company_from_page_title, parse_posting, posting_from_schema_org,
};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::{Map, Value};

text_enum!(
    /// How an imported page was read.
    PageSource {
        /// schema.org `JobPosting` in JSON-LD.
        JsonLd = "json_ld",
        /// schema.org `JobPosting` microdata.
        Microdata = "microdata",
        /// The page's readable text, through the pasted-posting parser.
        HtmlText = "html_text",
    }
);

/// A page read into a posting.
#[derive(Debug, Clone)]
pub struct PageReading {
    /// The posting's fields.
    pub parsed: ParsedPosting,
    /// Which reading produced them.
    pub source: PageSource,
    /// The page's readable text (the description when the structured data has none).
    pub text: String,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selectors are valid")
}

/// Reads a job page. Structured data is used when it holds a `JobPosting` with a title;
/// otherwise the readable text is parsed.
pub fn read_job_page(html: &str) -> PageReading {
    let document = Html::parse_document(html);
    let text = readable_text(&document);
    if let Some(parsed) = from_json_ld(&document) {
        return PageReading {
            parsed,
            source: PageSource::JsonLd,
            text,
        };
    }
    if let Some(parsed) = from_microdata(&document) {
        return PageReading {
            parsed,
            source: PageSource::Microdata,
            text,
        };
    }
    let parsed = parse_posting(&text);
    // No title, in text too short to be accepted without one: the posting sits where chrome is
    // expected (a dialog, a form, an aside), so the whole page is read, chrome and all.
    let untitled = parsed.title.is_none() || parsed.warnings.iter().any(|w| w.field == "title");
    if untitled && text.chars().count() < ALWAYS_ACCEPTED_CHARS {
        let whole = element_text(document.root_element(), true);
        if whole.chars().count() > text.chars().count() {
            return PageReading {
                parsed: with_title_tag_company(parse_posting(&whole), &document, &whole),
                source: PageSource::HtmlText,
                text: whole,
            };
        }
    }
    PageReading {
        parsed: with_title_tag_company(parsed, &document, &text),
        source: PageSource::HtmlText,
        text,
    }
}

/// The employer the page's `<title>` names ("Data Scientist :: Melio Consulting"), where the
/// text named none but writes that name, or named it shorter (`company_from_page_title`).
fn with_title_tag_company(mut parsed: ParsedPosting, document: &Html, text: &str) -> ParsedPosting {
    if let Some(title) = document.select(&selector("head title")).next() {
        let page_title = title.text().collect::<String>();
        let role = parsed.title.as_deref();
        if let Some(named) =
            company_from_page_title(&page_title, role, parsed.company.as_deref(), text)
        {
            parsed.company = Some(named);
        }
    }
    parsed
}

fn from_json_ld(document: &Html) -> Option<ParsedPosting> {
    let blocks: Vec<Value> = document
        .select(&selector("script"))
        .filter(|script| {
            script.value().attr("type").is_some_and(|t| {
                t.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/ld+json")
            })
        })
        .filter_map(|script| {
            let raw: String = script.text().collect();
            let raw = raw.trim();
            let raw = raw
                .strip_prefix("<![CDATA[")
                .and_then(|r| r.strip_suffix("]]>"))
                .unwrap_or(raw);
            json_block(raw)
        })
        .collect();
    if blocks.is_empty() {
        return None;
    }
    let nodes = SchemaNodes::from_blocks(blocks);
    let job = nodes.job_posting()?;
    let description = job
        .get("description")
        .and_then(Value::as_str)
        .map(fragment_text)
        .unwrap_or_default();
    posting_from_schema_org(&nodes, job, &description)
}

/// A JSON-LD block as JSON. Boards often leave raw line breaks and tabs inside the strings
/// (a description pasted as is), which strict JSON refuses and search engines accept: such a
/// block is read again with those characters escaped, so the description keeps its lines.
fn json_block(raw: &str) -> Option<Value> {
    serde_json::from_str(raw)
        .ok()
        .or_else(|| serde_json::from_str(&escape_controls_in_strings(raw)).ok())
}

/// `raw` with every control character inside a JSON string written as its escape.
fn escape_controls_in_strings(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    let (mut in_string, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_string && c.is_control() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                other => out.push_str(&format!("\\u{:04x}", u32::from(other))),
            }
            escaped = false;
            continue;
        }
        out.push(c);
        if escaped {
            escaped = false;
        } else if in_string && c == '\\' {
            escaped = true;
        } else if c == '"' {
            in_string = !in_string;
        }
    }
    out
}

fn from_microdata(document: &Html) -> Option<ParsedPosting> {
    let item = document
        .select(&selector("[itemscope][itemtype]"))
        .find(|e| {
            e.value()
                .attr("itemtype")
                .is_some_and(|t| t.split_whitespace().any(|t| t.ends_with("/JobPosting")))
        })?;
    let mut description = String::new();
    let json = microdata_item(item, &mut description, 0);
    let nodes = SchemaNodes::from_blocks([json]);
    let job = nodes.job_posting()?;
    posting_from_schema_org(&nodes, job, &description)
}

/// A microdata item as schema.org JSON: `@type` from `itemtype`, one key per `itemprop`
/// (repeated properties become lists), nested items as objects. The `description` property's
/// text (with its line structure) goes to `description`.
fn microdata_item(item: ElementRef<'_>, description: &mut String, depth: usize) -> Value {
    let mut object = Map::new();
    if let Some(kind) = item
        .value()
        .attr("itemtype")
        .and_then(|t| t.split_whitespace().next())
    {
        let short = kind.rsplit('/').next().unwrap_or(kind);
        object.insert("@type".into(), Value::String(short.to_string()));
    }
    collect_properties(item, &mut object, description, depth);
    Value::Object(object)
}

fn collect_properties(
    element: ElementRef<'_>,
    object: &mut Map<String, Value>,
    description: &mut String,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    for child in element.children().filter_map(ElementRef::wrap) {
        let props = child.value().attr("itemprop");
        let nested = child.value().attr("itemscope").is_some();
        if let Some(props) = props {
            let value = if nested {
                microdata_item(child, description, depth + 1)
            } else {
                Value::String(property_value(child))
            };
            for prop in props.split_whitespace() {
                if prop == "description" && !nested && description.is_empty() {
                    *description = element_text(child, false);
                }
                match object.get_mut(prop) {
                    Some(Value::Array(list)) => list.push(value.clone()),
                    Some(existing) => {
                        let first = existing.take();
                        *existing = Value::Array(vec![first, value.clone()]);
                    }
                    None => {
                        object.insert(prop.to_string(), value.clone());
                    }
                }
            }
        }
        if !nested {
            collect_properties(child, object, description, depth + 1);
        }
    }
}

fn property_value(element: ElementRef<'_>) -> String {
    let e = element.value();
    let attribute = match e.name() {
        "meta" => e.attr("content"),
        "a" | "link" | "area" => e.attr("href"),
        "img" | "audio" | "video" | "source" | "embed" | "iframe" => e.attr("src"),
        "time" => e.attr("datetime"),
        "data" | "meter" => e.attr("value"),
        _ => e.attr("content"),
    };
    match attribute {
        Some(value) => value.trim().to_string(),
        None => collapse(&element.text().collect::<String>()),
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An HTML fragment (a JSON-LD `description`) as text with its line structure. Descriptions
/// that are plain text with line breaks keep them.
pub fn fragment_text(html: &str) -> String {
    let decoded = jobwise_engine::decode_entities(html);
    if !decoded.contains('<') {
        return decoded;
    }
    let fragment = Html::parse_fragment(&decoded);
    element_text(fragment.root_element(), false)
}

/// Elements whose content is never posting text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button", "iframe",
    "select", "aside", "head", "title", "dialog",
];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "li",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "blockquote",
    "pre",
    "hr",
    "address",
    "figure",
    "figcaption",
    "details",
    "summary",
    "body",
];

/// The page's readable text: the `main` (or `article`) element when there is one, else the
/// body, without navigation and page chrome.
fn readable_text(document: &Html) -> String {
    let root = ["main", "[role=main]", "article", "body"]
        .iter()
        .find_map(|css| document.select(&selector(css)).next())
        .unwrap_or_else(|| document.root_element());
    let text = element_text(root, false);
    // A theme that prints the post's heading in a page header above its `article`: the page's
    // one `h1`, when the text does not already hold it, leads the text.
    let h1 = selector("h1");
    let mut headings = document.select(&h1);
    if let (Some(heading), None) = (headings.next(), headings.next())
        && !root.select(&h1).any(|inner| inner.id() == heading.id())
        && !std::iter::once(heading)
            .chain(heading.ancestors().filter_map(ElementRef::wrap))
            .any(is_hidden)
        // A site's logo or its link home is no post's heading.
        && heading.select(&selector("img, a[href='/']")).next().is_none()
    {
        let heading = collapse(&element_text(heading, false));
        if !heading.is_empty() && !text.contains(&heading) {
            return format!("{heading}\n\n{text}");
        }
    }
    text
}

/// Text of an element with block elements on their own lines and list items as `- ` bullets.
fn element_text(element: ElementRef<'_>, keep_chrome: bool) -> String {
    let mut out = String::new();
    walk(element, &mut out, 0, keep_chrome);
    let lines: Vec<String> = out.lines().map(collapse).collect();
    // At most one blank line in a row.
    let mut text = String::new();
    let mut blank = true;
    for line in lines {
        if line.is_empty() {
            if !blank {
                text.push('\n');
            }
            blank = true;
        } else {
            text.push_str(&line);
            text.push('\n');
            blank = false;
        }
    }
    text.trim().to_string()
}

/// Whether a `<form>` holds the page's content: ASP.NET pages (Kenexa BrassRing, many public
/// recruitment systems) wrap the whole body in one form, around the page's heading or its
/// layout table. A search box, an apply form or a sign-in or "e-mail this job" dialog, with
/// inputs, labels and a paragraph of small print, is chrome.
fn wraps_content(form: ElementRef<'_>) -> bool {
    form.select(&selector("h1, h2, table, article, main"))
        .next()
        .is_some()
}

fn is_hidden(element: ElementRef<'_>) -> bool {
    let e = element.value();
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("role").is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo"))
        // A page header with a menu is site chrome; an article's own header is content.
        || (e.name() == "header" && element.select(&selector("nav, ul")).next().is_some())
}

/// Elements whose content is never text a reader sees.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title",
];

/// Appends the text under `element`; `keep_chrome` keeps navigation, forms, footers and hidden
/// parts, leaving out only what is never read (`NEVER_TEXT`).
fn walk(element: ElementRef<'_>, out: &mut String, depth: usize, keep_chrome: bool) {
    if depth > 256 {
        return;
    }
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = e.name();
                let skipped = if keep_chrome {
                    NEVER_TEXT.contains(&name)
                } else if name == "form" {
                    !wraps_content(child)
                } else {
                    SKIPPED.contains(&name) || is_hidden(child)
                };
                if skipped {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                if name == "p" || name.starts_with('h') && name.len() == 2 {
                    out.push('\n');
                }
                if name == "li" {
                    out.push_str("- ");
                }
                if matches!(name, "td" | "th") {
                    out.push(' ');
                }
                walk(child, out, depth + 1, keep_chrome);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_over_the_page_text() {
        let page = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[]}
            </script><script type="application/ld+json">
            [{"@type":"Organization","name":"Ignored Corp"},
             {"@type":"JobPosting","title":"Payroll Officer","hiringOrganization":{"name":"Acme &amp; Sons"},
              "jobLocation":[{"@type":"Place","address":{"addressLocality":"Perth","addressRegion":"WA","addressCountry":"AU"}}],
              "description":"<p>Run payroll.</p><h3>Requirements</h3><ul><li>Payroll experience</li><li>Excel</li></ul>"}]
            </script></head><body><nav>Home Jobs</nav><h1>Something else</h1></body></html>"#;
        let read = read_job_page(page);
        assert_eq!(read.source, PageSource::JsonLd);
        assert_eq!(read.parsed.title.as_deref(), Some("Payroll Officer"));
        assert_eq!(read.parsed.company.as_deref(), Some("Acme & Sons"));
        assert_eq!(read.parsed.location.as_deref(), Some("Perth, WA, AU"));
        assert_eq!(
            read.parsed.requirements,
            vec!["Payroll experience", "Excel"]
        );
    }

    #[test]
    fn the_title_tag_names_the_employer_the_text_leaves_unnamed_or_shortens() {
        let page = |title: &str, body: &str| {
            format!(
                "<html><head><title>{title}</title></head><body><main><h1>Data Scientist</h1>\
                <p>{body}</p><h3>Requirements</h3><ul><li>Python</li><li>SQL</li></ul>\
                </main></body></html>"
            )
        };
        let body = "You will build forecasting models and explain them to clients. Clients of \
                    Melio Consulting range from retail to mining.";
        let read = read_job_page(&page("Data Scientist :: Melio Consulting", body));
        assert_eq!(read.parsed.company.as_deref(), Some("Melio Consulting"));
        // The text's shorter name gives way to the title's fuller one.
        let shorter = "At Melio, we build forecasting models and explain them to clients from \
                       retail to mining, and we train every analyst we hire.";
        let read = read_job_page(&page("Data Scientist :: Melio Consulting", shorter));
        assert_eq!(read.parsed.company.as_deref(), Some("Melio Consulting"));
        // A name the text never writes is no employer: it may be the board's.
        let unnamed = "You will build forecasting models for retail clients and explain them to \
                       their teams. The role offers remote work and training.";
        let read = read_job_page(&page("Data Scientist | JobBoard", unnamed));
        assert_eq!(read.parsed.company, None);
    }

    #[test]
    fn json_ld_with_raw_line_breaks_in_its_strings_is_still_read() {
        // As a remote-jobs board publishes it: the description's line breaks left raw.
        let page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\
            \"title\":\"DevOps Engineer\",\"hiringOrganization\":{\"name\":\"Bluelight\"},\
            \"description\":\"<p>Run clusters.</p>\n<p>Requirements</p>\n\t<ul><li>Kubernetes</li></ul>\"}\
            </script></head><body><p>See more DevOps jobs</p></body></html>";
        let read = read_job_page(page);
        assert_eq!(read.source, PageSource::JsonLd);
        assert_eq!(read.parsed.title.as_deref(), Some("DevOps Engineer"));
        assert_eq!(read.parsed.company.as_deref(), Some("Bluelight"));
        assert_eq!(read.parsed.requirements, vec!["Kubernetes"]);
        // Outside strings, control characters are layout and stay; inside, they are escaped.
        assert_eq!(
            escape_controls_in_strings("{\n\"a\": \"x\ny \\\" z\"}"),
            "{\n\"a\": \"x\\ny \\\" z\"}"
        );
    }

    #[test]
    fn a_form_wrapping_the_whole_page_is_read_and_a_search_form_is_not() {
        let page = r#"<html><body><form id="aspnetForm" method="post">
            <input type="hidden" name="__VIEWSTATE" value="x">
            <h1>Senior Maintenance Manager II</h1>
            <table><tr><td>Location</td><td>Seattle, Washington</td></tr></table>
            <p>Archstone is looking for a maintenance manager to run the repair team of a large
            apartment community and keep every building safe and in good order.</p>
            </form>
            <form action="/search"><label>Search jobs</label><input name="q"></form>
            <form action="/share"><h3>E-mail this job</h3><p>We process the address you
            enter to send the offer.</p><input name="to"></form>
            </body></html>"#;
        let read = read_job_page(page);
        assert!(
            read.text.contains("Senior Maintenance Manager II"),
            "{}",
            read.text
        );
        assert!(read.text.contains("Seattle, Washington"), "{}", read.text);
        assert!(!read.text.contains("Search jobs"), "{}", read.text);
        assert!(!read.text.contains("E-mail this job"), "{}", read.text);
    }

    #[test]
    fn a_page_whose_posting_sits_in_chrome_is_read_whole() {
        // A board that puts the whole posting in an aside next to a main column with no title.
        let page = r#"<html><body><main><p>Welcome</p></main>
            <aside><h2>Night Shift Security Officer</h2><p>Northgate Logistics is hiring a
            security officer for its Leeds warehouse. You will patrol the site, check deliveries
            and keep the logbook; we train you, pay weekly and provide the uniform.</p></aside>
            </body></html>"#;
        let read = read_job_page(page);
        assert!(
            read.text.contains("Night Shift Security Officer"),
            "{}",
            read.text
        );
        assert_eq!(
            read.parsed.title.as_deref(),
            Some("Night Shift Security Officer")
        );
    }

    #[test]
    fn microdata_is_read_into_the_same_shape() {
        let page = r#"<html><body><div itemscope itemtype="https://schema.org/JobPosting">
            <h1 itemprop="title">Registered Nurse</h1>
            <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
              <span itemprop="name">St Mary's Hospital</span></div>
            <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
              <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
                <span itemprop="addressLocality">Toronto</span>, <span itemprop="addressRegion">ON</span></div></div>
            <meta itemprop="employmentType" content="PART_TIME">
            <div itemprop="description"><p>Care for patients.</p><p>Requirements:</p><ul><li>RN licence</li></ul></div>
            </div></body></html>"#;
        let read = read_job_page(page);
        assert_eq!(read.source, PageSource::Microdata);
        assert_eq!(read.parsed.title.as_deref(), Some("Registered Nurse"));
        assert_eq!(read.parsed.company.as_deref(), Some("St Mary's Hospital"));
        assert_eq!(read.parsed.location.as_deref(), Some("Toronto, ON"));
        assert_eq!(
            read.parsed.job_type,
            Some(jobwise_engine::JobType::PartTime)
        );
        assert_eq!(read.parsed.requirements, vec!["RN licence"]);
    }

    #[test]
    fn plain_pages_are_read_as_text_without_chrome() {
        let page = r#"<html><head><title>Jobs</title><style>p{}</style></head><body>
            <header><nav><ul><li>Home</li><li>Careers</li></ul></nav></header>
            <main><h1>Senior Accountant</h1><p>Harbor Freight Tools</p><p>Calabasas, CA</p>
            <p>We are looking for a senior accountant to join our finance team and own the month-end close.</p>
            <h2>Requirements</h2><ul><li>CPA</li><li>5+ years of accounting</li></ul></main>
            <footer>© 2026 Cookie settings</footer><script>var x = 1;</script></body></html>"#;
        let read = read_job_page(page);
        assert_eq!(read.source, PageSource::HtmlText);
        assert!(!read.text.contains("var x"));
        assert!(!read.text.contains("Home"));
        assert!(read.text.starts_with("Senior Accountant"));
        assert_eq!(read.parsed.title.as_deref(), Some("Senior Accountant"));
        assert!(read.parsed.requirements.contains(&"CPA".to_string()));
    }

    #[test]
    fn the_page_heading_above_the_article_leads_the_text() {
        let page = r#"<html><body><div id="page-header"><h1><span>Sales and Marketing
            Manager</span></h1></div>
            <article><p>Full Time</p><p>MJD is growing and to keep up our momentum we are looking
            for a B2B agency sales &amp; marketing manager to work out of our San Diego office.</p>
            <p>Sales and marketing work hand-in-hand at MJD.</p></article></body></html>"#;
        let read = read_job_page(page);
        assert!(read.text.starts_with("Sales and Marketing Manager\n"));
        assert_eq!(
            read.parsed.title.as_deref(),
            Some("Sales and Marketing Manager")
        );
        // A site's link home or a hidden heading is not the post's.
        for heading in [
            r#"<h1><a href="/">Acme Careers</a></h1>"#,
            r#"<h1><img src="logo.png" alt="Acme">Acme Careers</h1>"#,
            "<h1 hidden>Acme Careers</h1>",
        ] {
            let page = format!(
                "<html><body><div>{heading}</div><main><p>Frontend Developer</p><p>We build web \
                 applications for banks and insurers and need a developer who knows Vue.js and \
                 TypeScript well.</p></main></body></html>"
            );
            let read = read_job_page(&page);
            assert!(read.text.starts_with("Frontend Developer"), "{heading}");
        }
        // A heading the text already holds is not repeated.
        let page = r#"<html><body><header><h1>Frontend Developer</h1></header>
            <main><p>Frontend Developer | Brno</p><p>We build web applications for banks and
            insurers and need a developer who knows Vue.js and TypeScript well.</p></main>
            </body></html>"#;
        let read = read_job_page(page);
        assert!(read.text.starts_with("Frontend Developer | Brno"));
    }
}
