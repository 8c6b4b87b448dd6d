//! Markdown → plain text: keeps the words, drops the markup.
//!
//! Parsing is pulldown-cmark's (CommonMark plus tables, strikethrough and task lists), whose
//! work grows linearly with the input, so hostile markup (a megabyte of `[` or `**_`) costs no
//! more than prose. This module only walks its events: headings, code blocks, tables and
//! thematic breaks become their own paragraphs; emphasis and code spans keep their text; links
//! and images keep their text / alt text; bullet items start with `"• "` (nested ones
//! indented), ordered items keep their numbers; table cells are joined by a tab; HTML tags and
//! comments are dropped (`<br>` is a line break); reference definitions and task-list boxes
//! disappear; soft line breaks stay line breaks, and a blank line in the source between two
//! blocks stays a blank line.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::{Cancel, ExtractError, Ticker};

/// Markup characters (`[ ] * _ ~ \` < & \ !`) plus line breaks above which a Markdown file
/// is read as plain text. Each can become a node of the parser's tree (about 60 bytes, with
/// the tree's growth), so this keeps a file's parse within a few megabytes; a resume or a
/// letter has a few thousand.
pub const MAX_MARKDOWN_MARKUP: usize = 100_000;

/// Strips Markdown markup; the result still needs [`crate::normalize`]. Input with more than
/// [`MAX_MARKDOWN_MARKUP`] markup characters is returned as it is (plain text). Stops with
/// `Cancelled` when `cancel` says so.
pub(crate) fn strip(src: &str, cancel: &Cancel) -> Result<String, ExtractError> {
    let markup = src.bytes().filter(|b| b"[]*_~`<&\\!\n".contains(b)).count();
    if markup > MAX_MARKDOWN_MARKUP {
        return Ok(src.to_owned());
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut out = Writer {
        src,
        out: String::with_capacity(src.len()),
        last_block_end: 0,
        lists: Vec::new(),
        fresh_item: false,
        first_cell: true,
        in_html_comment: false,
        dropped_html: false,
        list_opened: false,
    };
    let mut ticker = Ticker::new(cancel);
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        ticker.tick()?;
        out.event(event, range);
    }
    Ok(out.out)
}

/// The output being built, and where the walk is.
struct Writer<'a> {
    src: &'a str,
    out: String,
    /// Where the last text ended in the source (to see whether a blank line separates it from
    /// the next block). Block ranges are not used: they include their line break, and a
    /// container's may include trailing blank lines.
    last_block_end: usize,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// An item's marker was written and nothing after it yet.
    fresh_item: bool,
    /// The next table cell is the first of its row.
    first_cell: bool,
    /// Inside an HTML comment that spans several HTML events.
    in_html_comment: bool,
    /// An HTML tag or comment was just dropped.
    dropped_html: bool,
    /// A list just started: its first item needs no separator of its own.
    list_opened: bool,
}

impl Writer<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                self.text(&text);
                self.last_block_end = range.end;
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.html(&html);
                self.last_block_end = range.end;
            }
            Event::SoftBreak | Event::HardBreak => self.out.push('\n'),
            Event::Rule => {
                self.out.push_str("\n\n");
                self.last_block_end = range.end;
            }
            Event::TaskListMarker(_) | Event::FootnoteReference(_) => {}
        }
    }

    fn text(&mut self, text: &str) {
        self.fresh_item = false;
        // `a <!-- x --> b` reads `a b`, not `a  b`.
        let text = if std::mem::take(&mut self.dropped_html) && self.out.ends_with(' ') {
            text.trim_start_matches(' ')
        } else {
            text
        };
        self.out.push_str(text);
    }

    /// Separates a new block from what came before: a blank line when the source has one
    /// between them (or the block always stands alone), else a line break; nothing right
    /// after an item's marker.
    fn separate(&mut self, start: usize, own_paragraph: bool) {
        if self.fresh_item {
            return;
        }
        let gap = self.src.get(self.last_block_end..start).unwrap_or("");
        // A blank line: a whitespace-only line between two line breaks of the gap.
        let mut lines = gap.split('\n').skip(1).peekable();
        let mut blank = own_paragraph;
        while let Some(line) = lines.next() {
            blank |= lines.peek().is_some() && line.trim().is_empty();
        }
        self.out.push_str(if blank { "\n\n" } else { "\n" });
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.separate(range.start, true),
            Tag::Heading { .. } | Tag::Table(_) | Tag::HtmlBlock | Tag::CodeBlock(_) => {
                self.separate(range.start, true)
            }
            Tag::BlockQuote(_) => self.separate(range.start, false),
            Tag::List(first) => {
                self.separate(range.start, false);
                self.lists.push(first);
                // The first item is separated by this.
                self.list_opened = true;
            }
            Tag::Item => {
                if !std::mem::take(&mut self.list_opened) {
                    self.separate(range.start, false);
                }
                let depth = self.lists.len().saturating_sub(1);
                self.out.push_str(&"  ".repeat(depth));
                match self.lists.last_mut() {
                    Some(Some(n)) => {
                        self.out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => self.out.push_str("• "),
                }
                self.fresh_item = true;
            }
            Tag::TableHead | Tag::TableRow => self.first_cell = true,
            Tag::TableCell => {
                if !self.first_cell {
                    self.out.push('\t');
                }
                self.first_cell = false;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Table | TagEnd::HtmlBlock => {
                self.out.push_str("\n\n");
            }
            TagEnd::TableHead | TagEnd::TableRow => self.out.push('\n'),
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Item => self.fresh_item = false,
            _ => {}
        }
    }

    /// HTML: comments and tags are dropped, `<br>` becomes a line break, text between tags is
    /// kept. One pass over the text; a comment may continue into the next HTML event.
    fn html(&mut self, html: &str) {
        let mut rest = html;
        while !rest.is_empty() {
            if self.in_html_comment {
                match rest.find("-->") {
                    Some(end) => {
                        self.in_html_comment = false;
                        self.dropped_html = true;
                        rest = &rest[end + 3..];
                    }
                    None => return,
                }
                continue;
            }
            let Some(open) = rest.find('<') else {
                self.text(rest.trim_end_matches('\n'));
                return;
            };
            if open > 0 {
                self.text(&rest[..open]);
            }
            let tag = &rest[open..];
            if let Some(after) = tag.strip_prefix("<!--") {
                self.in_html_comment = true;
                rest = after;
                continue;
            }
            match tag.find('>') {
                Some(close) => {
                    let name = tag[1..close]
                        .trim_start_matches('/')
                        .split(|c: char| c.is_whitespace() || c == '/')
                        .next()
                        .unwrap_or("");
                    if name.eq_ignore_ascii_case("br") {
                        self.out.push('\n');
                    } else {
                        self.dropped_html = true;
                    }
                    rest = &tag[close + 1..];
                }
                None => {
                    self.text(tag);
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> String {
        crate::normalize(&strip(md, &Cancel::new()).unwrap())
    }

    #[test]
    fn a_cancelled_handle_stops_the_walk() {
        let cancel = Cancel::new();
        cancel.cancel();
        let long = "word\n\n".repeat(5_000);
        assert_eq!(strip(&long, &cancel), Err(ExtractError::Cancelled));
        assert!(strip("short", &cancel).is_ok(), "checked every 1024 events");
    }

    #[test]
    fn emphasis_and_code() {
        assert_eq!(plain("**Led** a _team_ of ~~3~~ 4"), "Led a team of 3 4");
        assert_eq!(
            plain("snake_case_name and 5 * 3 = 15"),
            "snake_case_name and 5 * 3 = 15"
        );
        assert_eq!(plain("use `Vec<T>` and ``a ` b``"), "use Vec<T> and a ` b");
        assert_eq!(plain("***both***, *un*closed*"), "both, unclosed*");
        assert_eq!(plain(r"\*literal\* and C:\path"), r"*literal* and C:\path");
    }

    #[test]
    fn links_html_entities() {
        assert_eq!(
            plain("see [my *site*](https://x.dev \"t\") now"),
            "see my site now"
        );
        assert_eq!(
            plain("![logo](a.png) [ref][1] [plain] <https://a.b/c>\n\n[1]: https://x"),
            "logo ref [plain] https://a.b/c"
        );
        assert_eq!(
            plain("a<br/>b <span class=\"x\">c</span> 3 < 4 &amp; &#x41; &bogus;"),
            "a\nb c 3 < 4 & A &bogus;"
        );
    }

    #[test]
    fn blocks() {
        let md = "Title\n=====\nText *here*\n\n> quoted\n\n- [x] done\n  * nested\n3. third\n\n---\n```rust\nlet x_y = 1;\n```\n[1]: https://x\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n## Skills ##";
        assert_eq!(
            plain(md),
            "Title\n\nText here\n\nquoted\n\n• done\n  • nested\n3. third\n\nlet x_y = 1;\n\na\tb\n1\t2\n\nSkills"
        );
    }

    #[test]
    fn html_blocks_and_comments() {
        assert_eq!(
            plain(
                "Before\n\n<!-- a\nmulti-line note -->\nAfter <!-- inline --> text\n\n<div>\nkept <b>words</b>\n</div>"
            ),
            "Before\n\nAfter text\n\nkept words"
        );
    }
}
