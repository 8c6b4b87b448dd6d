//! Reading order for positioned text (a PDF page): finds a two-column layout by the vertical
//! gutter no text crosses, and returns the lines column by column, each with its left edge.

/// A run of text on one baseline, with its horizontal extent in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
}

/// One baseline of a page: its height on the page (larger is higher up, as in PDF), the font
/// size, and its runs from left to right (a wide gap between two runs starts a new one).
#[derive(Debug, Clone, PartialEq)]
pub struct PositionedLine {
    /// Baseline height (PDF user space: grows upwards).
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Runs of text, left to right.
    pub spans: Vec<Span>,
}

/// A page of positioned lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PositionedPage {
    /// Lines in the order the file draws them.
    pub lines: Vec<PositionedLine>,
}

/// A line of a résumé in reading order, as the parser consumes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// The text; runs on one baseline are joined with a tab.
    pub text: String,
    /// Left edge in points, when the source has positions.
    pub x: Option<f32>,
    /// Font size in points, when known.
    pub size: Option<f32>,
    /// A blank line (or a clearly larger gap) comes before this one.
    pub gap_before: bool,
    /// First line of a column (or page): what follows until the next heading is read like the
    /// top of a page (a sidebar or main column may start with the name, not a heading).
    pub column_start: bool,
}

impl SourceLine {
    /// A line without position.
    pub fn plain(text: impl Into<String>, gap_before: bool) -> Self {
        Self {
            text: text.into(),
            x: None,
            size: None,
            gap_before,
            column_start: false,
        }
    }
}

/// Lines of plain text (TXT, Markdown, DOCX): a blank line marks a gap.
pub fn text_lines(text: &str) -> Vec<SourceLine> {
    let mut out = Vec::new();
    let mut gap = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            gap = true;
            continue;
        }
        out.push(SourceLine::plain(line.trim_end(), gap));
        gap = false;
    }
    out
}

struct Placed {
    y: f32,
    size: f32,
    span: Span,
}

/// Puts positioned pages into reading order: on each page, full-width text above the columns
/// first, then each column top to bottom (the column that starts higher first). Runs of one
/// column that share a baseline stay one line, joined by a tab.
pub fn reading_order(pages: &[PositionedPage]) -> Vec<SourceLine> {
    let mut out = Vec::new();
    for page in pages {
        let placed: Vec<Placed> = page
            .lines
            .iter()
            .flat_map(|l| {
                l.spans.iter().map(|s| Placed {
                    y: l.y,
                    size: l.size,
                    span: s.clone(),
                })
            })
            .filter(|p| !p.span.text.trim().is_empty())
            .collect();
        if placed.is_empty() {
            continue;
        }
        match gutter(&placed) {
            Some(g) => {
                let crossing: Vec<&Placed> = placed
                    .iter()
                    .filter(|p| p.span.x0 < g && p.span.x1 > g)
                    .collect();
                let left: Vec<&Placed> = placed.iter().filter(|p| p.span.x1 <= g).collect();
                let right: Vec<&Placed> = placed.iter().filter(|p| p.span.x0 >= g).collect();
                let top = |ps: &[&Placed]| ps.iter().map(|p| p.y).fold(f32::MIN, f32::max);
                let mut groups = vec![left, right];
                groups.sort_by(|a, b| top(b).total_cmp(&top(a)));
                emit(&crossing, &mut out);
                for g in groups {
                    let start = out.len();
                    emit(&g, &mut out);
                    if let Some(first) = out.get_mut(start) {
                        first.column_start = true;
                    }
                }
            }
            None => {
                let all: Vec<&Placed> = placed.iter().collect();
                emit(&all, &mut out);
            }
        }
    }
    out
}

/// Joins runs into lines top to bottom, marking paragraph gaps.
fn emit(spans: &[&Placed], out: &mut Vec<SourceLine>) {
    let mut sorted: Vec<&&Placed> = spans.iter().collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.span.x0.total_cmp(&b.span.x0)));
    let mut rows: Vec<(f32, f32, Vec<&Placed>)> = Vec::new();
    for p in sorted {
        match rows.last_mut() {
            Some((y, size, row)) if (*y - p.y).abs() <= 0.4 * size.min(p.size) => {
                row.push(p);
                *size = size.max(p.size);
            }
            _ => rows.push((p.y, p.size, vec![p])),
        }
    }
    let mut pitches: Vec<f32> = rows
        .windows(2)
        .map(|w| w[0].0 - w[1].0)
        .filter(|g| *g > 0.0)
        .collect();
    pitches.sort_by(f32::total_cmp);
    let pitch = pitches.get(pitches.len() / 4).copied();
    let mut prev: Option<(f32, f32)> = None;
    for (y, size, mut row) in rows {
        row.sort_by(|a, b| a.span.x0.total_cmp(&b.span.x0));
        let text = row
            .iter()
            .map(|p| p.span.text.trim())
            .collect::<Vec<_>>()
            .join("\t");
        let gap_before = match (prev, pitch) {
            (Some((py, _)), Some(p)) => py - y > p * 1.35 + 0.5,
            (Some((py, ps)), None) => py - y > 1.8 * ps.max(size),
            (None, _) => true,
        };
        prev = Some((y, size));
        out.push(SourceLine {
            text,
            x: Some(row[0].span.x0),
            size: Some(size),
            gap_before,
            column_start: false,
        });
    }
}

/// The x of a vertical gutter that splits the page into two real columns: in the middle 70 %
/// of the text's width, no more than a few runs cross it, and both sides hold a good share of
/// the lines.
fn gutter(placed: &[Placed]) -> Option<f32> {
    let min_x = placed.iter().map(|p| p.span.x0).fold(f32::MAX, f32::min);
    let max_x = placed.iter().map(|p| p.span.x1).fold(f32::MIN, f32::max);
    let width = max_x - min_x;
    if width < 100.0 || placed.len() < 12 {
        return None;
    }
    let steps = 140;
    let counts: Vec<(f32, usize)> = (0..=steps)
        .map(|i| {
            let x = min_x + width * (0.15 + 0.7 * i as f32 / steps as f32);
            let crossing = placed
                .iter()
                .filter(|p| p.span.x0 < x - 1.0 && p.span.x1 > x + 1.0)
                .count();
            (x, crossing)
        })
        .collect();
    let crossing = counts.iter().map(|c| c.1).min()?;
    // The middle of the widest run of positions with that few crossings.
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < counts.len() {
        if counts[i].1 != crossing {
            i += 1;
            continue;
        }
        let start = i;
        while i < counts.len() && counts[i].1 == crossing {
            i += 1;
        }
        if best.is_none_or(|(a, b)| i - start > b - a) {
            best = Some((start, i));
        }
    }
    let (a, b) = best?;
    let x = (counts[a].0 + counts[b - 1].0) / 2.0;
    let allowed = 3.max(placed.len() / 25);
    if crossing > allowed {
        return None;
    }
    // Both sides must look like columns of text, not a row of right-aligned dates: each holds
    // many runs, and the right side is not only short runs ending at the margin.
    let left: Vec<&Placed> = placed.iter().filter(|p| p.span.x1 <= x).collect();
    let right: Vec<&Placed> = placed.iter().filter(|p| p.span.x0 >= x).collect();
    let enough = |side: &[&Placed]| side.len() >= 6 && side.len() * 6 >= placed.len();
    if !enough(&left) || !enough(&right) {
        return None;
    }
    // A "column" made of dates (or any other short labels beside the text, like right-aligned
    // date ranges) is not a column of its own.
    let dated = |side: &[&Placed]| {
        side.iter()
            .filter(|p| crate::resume::dates::find_range(&p.span.text).is_some())
            .count()
    };
    if dated(&right) * 2 > right.len() || dated(&left) * 2 > left.len() {
        return None;
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, spans: &[(&str, f32, f32)]) -> PositionedLine {
        PositionedLine {
            y,
            size: 10.0,
            spans: spans
                .iter()
                .map(|(t, a, b)| Span {
                    text: (*t).into(),
                    x0: *a,
                    x1: *b,
                })
                .collect(),
        }
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut lines = vec![line(800.0, &[("Jane Doe", 50.0, 300.0)])];
        for i in 0..10 {
            let y = 760.0 - 14.0 * i as f32;
            lines.push(line(
                y,
                &[
                    (&format!("side {i}"), 50.0, 180.0),
                    (&format!("main {i} with a longer text"), 220.0, 540.0),
                ],
            ));
        }
        // The sidebar goes on alone for a while.
        for i in 10..14 {
            lines.push(line(
                760.0 - 14.0 * i as f32,
                &[(&format!("side {i}"), 50.0, 180.0)],
            ));
        }
        for i in 10..14 {
            lines.push(line(
                760.0 - 14.0 * (i + 6) as f32,
                &[(&format!("main {i} alone"), 220.0, 540.0)],
            ));
        }
        let out = reading_order(&[PositionedPage { lines }]);
        let texts: Vec<&str> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "Jane Doe");
        assert_eq!(texts[1], "side 0");
        assert_eq!(texts[15], "main 0 with a longer text");
        assert!(texts.iter().all(|t| !t.contains('\t')), "{texts:?}");
    }

    #[test]
    fn right_aligned_dates_are_not_a_column() {
        let mut lines = Vec::new();
        for i in 0..8 {
            let y = 760.0 - 40.0 * i as f32;
            lines.push(line(
                y,
                &[("Engineer", 50.0, 120.0), ("2019 – 2021", 480.0, 540.0)],
            ));
            lines.push(line(y - 14.0, &[("Acme | Berlin", 50.0, 140.0)]));
            lines.push(line(
                y - 28.0,
                &[(
                    "• Built a long thing that spans the page width",
                    50.0,
                    530.0,
                )],
            ));
        }
        let out = reading_order(&[PositionedPage { lines }]);
        assert_eq!(out[0].text, "Engineer\t2019 – 2021");
        assert_eq!(out[1].text, "Acme | Berlin");
    }
}
