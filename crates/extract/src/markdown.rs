//! Markdown → plain text: keeps the words, drops the markup.
//!
//! This is not a full CommonMark renderer; it handles what resumes and cover
//! letters use: ATX and setext headings (made their own paragraph), emphasis
//! (`*`, `_`, `~~`, matched as delimiter runs so `snake_case` and `5 * 3`
//! survive), code spans and fenced code blocks (content kept verbatim),
//! links and images (their text / alt text), autolinks, block quotes,
//! thematic breaks, pipe tables (cells joined by a tab), bullet lists (marker
//! becomes `"• "`), ordered lists (kept), task-list boxes, reference
//! definitions, HTML tags and comments, backslash escapes and common
//! character references.

/// Strips Markdown markup; the result still needs [`crate::normalize`].
pub(crate) fn strip(src: &str) -> String {
    let lines: Vec<&str> = src.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    // Whether the last pushed line is paragraph text a setext underline may
    // turn into a heading.
    let mut prev_is_text = false;

    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        i += 1;

        if let Some((fc, flen)) = fence {
            if closes_fence(raw, fc, flen) {
                fence = None;
                out.push(String::new());
            } else {
                out.push(raw.to_string());
            }
            prev_is_text = false;
            continue;
        }

        if in_comment {
            if let Some(end) = raw.find("-->") {
                in_comment = false;
                let rest = &raw[end + 3..];
                if !rest.trim().is_empty() {
                    out.push(inline(rest.trim_start()));
                }
            }
            continue;
        }

        // Block quotes: drop the markers and treat the rest as a line.
        let line = strip_quote_markers(raw);

        if let Some(f) = opens_fence(line) {
            fence = Some(f);
            out.push(String::new());
            prev_is_text = false;
            continue;
        }

        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.push(String::new());
            prev_is_text = false;
            continue;
        }

        // An HTML comment opening on this line and not closing on it.
        if let Some(start) = line.find("<!--")
            && !line[start + 4..].contains("-->")
        {
            in_comment = true;
            let before = &line[..start];
            if !before.trim().is_empty() {
                out.push(inline(before.trim()));
            }
            prev_is_text = false;
            continue;
        }

        if leading_spaces(line) <= 3 && is_setext_underline(trimmed) && prev_is_text {
            // The previous line was a heading: make it its own paragraph.
            let heading = out.pop().unwrap_or_default();
            out.push(String::new());
            out.push(heading);
            out.push(String::new());
            prev_is_text = false;
            continue;
        }

        if leading_spaces(line) <= 3 && (is_thematic_break(trimmed) || is_setext_underline(trimmed))
        {
            out.push(String::new());
            prev_is_text = false;
            continue;
        }

        if leading_spaces(line) <= 3 && is_reference_definition(trimmed) {
            prev_is_text = false;
            continue;
        }

        if let Some(heading) = atx_heading(line) {
            out.push(String::new());
            out.push(inline(heading));
            out.push(String::new());
            prev_is_text = false;
            continue;
        }

        // Pipe tables: a row followed by a delimiter row starts one; rows
        // continue until a blank line or a line without a pipe.
        if i < lines.len()
            && is_table_delimiter(strip_quote_markers(lines[i]))
            && trimmed.contains('|')
        {
            out.push(String::new());
            out.push(table_row(trimmed));
            i += 1; // the delimiter row
            while i < lines.len() {
                let row = strip_quote_markers(lines[i]).trim();
                if row.is_empty() || !row.contains('|') {
                    break;
                }
                out.push(table_row(row));
                i += 1;
            }
            out.push(String::new());
            prev_is_text = false;
            continue;
        }

        if let Some((indent, marker, rest)) = list_item(line) {
            let rest = strip_task_box(rest);
            let marker = match marker {
                ListMarker::Bullet => "• ".to_string(),
                ListMarker::Ordered(n) => format!("{n} "),
            };
            out.push(format!("{indent}{marker}{}", inline(rest)));
            prev_is_text = false;
            continue;
        }

        let mut text = inline(line.trim_start());
        // A trailing backslash is a hard line break, which a line already is.
        if text.ends_with('\\') && !text.ends_with("\\\\") {
            text.pop();
        }
        out.push(text);
        prev_is_text = true;
    }

    out.join("\n")
}

fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn strip_quote_markers(mut line: &str) -> &str {
    loop {
        let t = line.trim_start();
        if leading_spaces(line) <= 3
            && let Some(rest) = t.strip_prefix('>')
        {
            line = rest.strip_prefix(' ').unwrap_or(rest);
        } else {
            return line;
        }
    }
}

fn opens_fence(line: &str) -> Option<(char, usize)> {
    if leading_spaces(line) > 3 {
        return None;
    }
    let t = line.trim_start();
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.chars().take_while(|&x| x == c).count();
    // A backtick fence's info string cannot contain a backtick.
    if n >= 3 && !(c == '`' && t[n..].contains('`')) {
        Some((c, n))
    } else {
        None
    }
}

fn closes_fence(line: &str, c: char, len: usize) -> bool {
    if leading_spaces(line) > 3 {
        return false;
    }
    let t = line.trim();
    t.chars().count() >= len && t.chars().all(|x| x == c)
}

fn is_thematic_break(t: &str) -> bool {
    let Some(c) = t.chars().next() else {
        return false;
    };
    if !matches!(c, '-' | '*' | '_') {
        return false;
    }
    let mut n = 0;
    for x in t.chars() {
        if x == c {
            n += 1;
        } else if x != ' ' && x != '\t' {
            return false;
        }
    }
    n >= 3
}

fn is_setext_underline(t: &str) -> bool {
    !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

fn is_reference_definition(t: &str) -> bool {
    // `[label]: destination` (not a footnote body `[^1]: text`, which is words).
    let Some(rest) = t.strip_prefix('[') else {
        return false;
    };
    if rest.starts_with('^') {
        return false;
    }
    let Some(close) = rest.find("]:") else {
        return false;
    };
    let label = &rest[..close];
    let dest = rest[close + 2..].trim();
    !label.trim().is_empty() && !label.contains('[') && !dest.is_empty()
}

fn atx_heading(line: &str) -> Option<&str> {
    if leading_spaces(line) > 3 {
        return None;
    }
    let t = line.trim_start();
    let level = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &t[level..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let mut content = rest.trim();
    // Optional closing sequence: spaces then only `#`s.
    let without_hashes = content.trim_end_matches('#');
    if without_hashes.is_empty() {
        content = "";
    } else if without_hashes.ends_with([' ', '\t']) {
        content = without_hashes.trim_end();
    }
    Some(content)
}

fn is_table_delimiter(line: &str) -> bool {
    let t = line.trim();
    if !t.contains('-') {
        return false;
    }
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let cells: Vec<&str> = inner.split('|').collect();
    // One column only counts with outer pipes (`|---|`), else it is a rule.
    if cells.len() < 2 && !(t.starts_with('|') && t.ends_with('|') && t.len() > 1) {
        return false;
    }
    cells.iter().all(|cell| {
        let c = cell.trim();
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.chars().all(|x| x == '-')
    })
}

fn table_row(row: &str) -> String {
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = if row.ends_with('|') && !row.ends_with("\\|") {
        &row[..row.len() - 1]
    } else {
        row
    };
    // Split on pipes that are not escaped.
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cell.push('|');
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
        .iter()
        .map(|c| inline(c.trim()))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t")
}

enum ListMarker<'a> {
    Bullet,
    Ordered(&'a str),
}

fn list_item(line: &str) -> Option<(&str, ListMarker<'_>, &str)> {
    let indent_len = line.len() - line.trim_start().len();
    let (indent, t) = line.split_at(indent_len);
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '-' | '*' | '+') {
        let rest = &t[1..];
        if rest.starts_with([' ', '\t']) {
            return Some((indent, ListMarker::Bullet, rest.trim_start()));
        }
        return None;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let after = &t[digits..];
        if let Some(rest) = after.strip_prefix(['.', ')'])
            && rest.starts_with([' ', '\t'])
        {
            return Some((
                indent,
                ListMarker::Ordered(&t[..=digits]),
                rest.trim_start(),
            ));
        }
    }
    None
}

fn strip_task_box(rest: &str) -> &str {
    for b in ["[ ] ", "[x] ", "[X] "] {
        if let Some(r) = rest.strip_prefix(b) {
            return r.trim_start();
        }
    }
    rest
}

/// A piece of inline content before emphasis delimiters are resolved.
enum Piece {
    Text(String),
    Delim {
        ch: char,
        len: usize,
        open: bool,
        close: bool,
        matched: bool,
    },
}

/// Strips inline markup from one line (or one table cell / link text).
fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut text = String::new();
    let mut i = 0;

    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                match chars.get(i + 1) {
                    Some(&n) if n.is_ascii_punctuation() => text.push(n),
                    Some(&n) => {
                        text.push('\\');
                        text.push(n);
                    }
                    None => {} // hard line break
                }
                i += 2;
            }
            '`' => {
                let n = run_len(&chars, i, '`');
                if let Some(end) = find_backtick_close(&chars, i + n, n) {
                    let content: String = chars[i + n..end].iter().collect();
                    let content = content.replace('\n', " ");
                    let stripped = if content.len() >= 2
                        && content.starts_with(' ')
                        && content.ends_with(' ')
                        && !content.trim().is_empty()
                    {
                        &content[1..content.len() - 1]
                    } else {
                        &content[..]
                    };
                    text.push_str(stripped);
                    i = end + n;
                } else {
                    text.extend(std::iter::repeat_n('`', n));
                    i += n;
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((label, next)) = parse_link(&chars, i + 1) {
                    text.push_str(&inline(&label));
                    i = next;
                } else {
                    text.push('!');
                    i += 1;
                }
            }
            '[' => {
                if let Some((label, next)) = parse_link(&chars, i) {
                    text.push_str(&inline(&label));
                    i = next;
                } else {
                    text.push('[');
                    i += 1;
                }
            }
            '<' => {
                if let Some((replacement, next)) = angle(&chars, i) {
                    text.push_str(&replacement);
                    i = next;
                } else {
                    text.push('<');
                    i += 1;
                }
            }
            '&' => {
                if let Some((decoded, next)) = entity(&chars, i) {
                    text.push(decoded);
                    i = next;
                } else {
                    text.push('&');
                    i += 1;
                }
            }
            '*' | '_' | '~' => {
                let n = run_len(&chars, i, c);
                let prev = if i == 0 { None } else { Some(chars[i - 1]) };
                let next = chars.get(i + n).copied();
                let left = flanking(next, prev);
                let right = flanking(prev, next);
                let (open, close) = if c == '_' {
                    (
                        left && (!right || prev.is_some_and(is_punct)),
                        right && (!left || next.is_some_and(is_punct)),
                    )
                } else {
                    (left, right)
                };
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Delim {
                    ch: c,
                    len: n,
                    open,
                    close,
                    matched: false,
                });
                i += n;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }

    // Match closers with the nearest opener of the same character.
    let mut openers: Vec<usize> = Vec::new();
    for j in 0..pieces.len() {
        let (ch, open, close) = match pieces[j] {
            Piece::Delim {
                ch, open, close, ..
            } => (ch, open, close),
            Piece::Text(_) => continue,
        };
        if close
            && let Some(pos) = openers
                .iter()
                .rposition(|&k| matches!(pieces[k], Piece::Delim { ch: c, .. } if c == ch))
        {
            let k = openers[pos];
            openers.truncate(pos);
            for idx in [k, j] {
                if let Piece::Delim { matched, .. } = &mut pieces[idx] {
                    *matched = true;
                }
            }
            continue;
        }
        if open {
            openers.push(j);
        }
    }

    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(&t),
            Piece::Delim { matched: true, .. } => {}
            Piece::Delim { ch, len, .. } => out.extend(std::iter::repeat_n(ch, len)),
        }
    }
    out
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// CommonMark flanking: a run is left-flanking when `after` (the character
/// after it) is not whitespace and, if punctuation, `before` is whitespace or
/// punctuation. Right-flanking is the mirror image.
fn flanking(after: Option<char>, before: Option<char>) -> bool {
    match after {
        None => false,
        Some(a) if a.is_whitespace() => false,
        Some(a) if is_punct(a) => before.is_none_or(|b| b.is_whitespace() || is_punct(b)),
        Some(_) => true,
    }
}

fn run_len(chars: &[char], i: usize, c: char) -> usize {
    chars[i..].iter().take_while(|&&x| x == c).count()
}

fn find_backtick_close(chars: &[char], from: usize, n: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let m = run_len(chars, j, '`');
            if m == n {
                return Some(j);
            }
            j += m;
        } else {
            j += 1;
        }
    }
    None
}

/// `[text](dest "title")`, `[text][ref]` or `[text][]` starting at `i` (the
/// `[`); returns the link text and the index after the link.
fn parse_link(chars: &[char], i: usize) -> Option<(String, usize)> {
    let close = matching(chars, i, '[', ']')?;
    let label: String = chars[i + 1..close].iter().collect();
    match chars.get(close + 1) {
        Some('(') => {
            let end = matching(chars, close + 1, '(', ')')?;
            Some((label, end + 1))
        }
        Some('[') => {
            let end = matching(chars, close + 1, '[', ']')?;
            Some((label, end + 1))
        }
        _ => None,
    }
}

/// Index of the bracket closing the one at `i`, honouring nesting and
/// backslash escapes.
fn matching(chars: &[char], i: usize, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = i;
    while j < chars.len() {
        let c = chars[j];
        if c == '\\' {
            j += 2;
            continue;
        }
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

/// Autolinks (`<https://…>`, `<me@x.org>`) keep their target; HTML tags and
/// comments are dropped (`<br>` becomes a line break).
fn angle(chars: &[char], i: usize) -> Option<(String, usize)> {
    let rest: String = chars[i..].iter().take(2048).collect();
    if rest.starts_with("<!--") {
        let end = rest.find("-->")?;
        let consumed = rest[..end + 3].chars().count();
        return Some((String::new(), i + consumed));
    }
    let close = rest.find('>')?;
    let inner = &rest[1..close];
    let consumed = rest[..=close].chars().count();
    if inner.is_empty() || inner.contains('<') || inner.contains('\n') {
        return None;
    }
    if !inner.contains(' ')
        && (inner.contains("://") || inner.starts_with("mailto:") || is_email(inner))
    {
        let target = inner.strip_prefix("mailto:").unwrap_or(inner);
        return Some((target.to_string(), i + consumed));
    }
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let tag: String = name
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let after = &name[tag.len()..];
    let valid_tag = tag.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && (after.is_empty() || after == "/" || after.starts_with([' ', '\t', '/']));
    if !valid_tag {
        return None;
    }
    let replacement = if tag.eq_ignore_ascii_case("br") {
        "\n"
    } else {
        ""
    };
    Some((replacement.to_string(), i + consumed))
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.contains('@'),
        None => false,
    }
}

/// `&name;`, `&#123;` or `&#x1F;` at `i`; returns the character and the index
/// after the `;`.
fn entity(chars: &[char], i: usize) -> Option<(char, usize)> {
    let end = chars[i..].iter().take(12).position(|&c| c == ';')? + i;
    let name: String = chars[i + 1..end].iter().collect();
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        match name.as_str() {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "bull" => '•',
            "middot" => '·',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "eacute" => 'é',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_and_code() {
        assert_eq!(inline("**Led** a _team_ of ~~3~~ 4"), "Led a team of 3 4");
        assert_eq!(
            inline("snake_case_name and 5 * 3 = 15"),
            "snake_case_name and 5 * 3 = 15"
        );
        assert_eq!(inline("use `Vec<T>` and ``a ` b``"), "use Vec<T> and a ` b");
        assert_eq!(inline("***both***, *un*closed*"), "both, unclosed*");
        assert_eq!(inline(r"\*literal\* and C:\path"), r"*literal* and C:\path");
    }

    #[test]
    fn links_html_entities() {
        assert_eq!(
            inline("see [my *site*](https://x.dev \"t\") now"),
            "see my site now"
        );
        assert_eq!(
            inline("![logo](a.png) [ref][1] [plain] <https://a.b/c>"),
            "logo ref [plain] https://a.b/c"
        );
        assert_eq!(
            inline("a<br/>b <span class=\"x\">c</span> 3 < 4 &amp; &#x41; &bogus;"),
            "a\nb c 3 < 4 & A &bogus;"
        );
    }

    #[test]
    fn blocks() {
        let md = "Title\n=====\nText *here*\n\n> quoted\n\n- [x] done\n  * nested\n3. third\n\n---\n```rust\nlet x_y = 1;\n```\n[1]: https://x\n| a | b |\n|---|:-:|\n| 1 | 2 |\n## Skills ##";
        assert_eq!(
            crate::normalize(&strip(md)),
            "Title\n\nText here\n\nquoted\n\n• done\n  • nested\n3. third\n\nlet x_y = 1;\n\na\tb\n1\t2\n\nSkills"
        );
    }
}
