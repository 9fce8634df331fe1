//! Stage 1: split the input into lines with their byte offsets.
//!
//! One pass with `memchr2` over `\n` and `\r`; `\r\n`, `\n` and a lone `\r`
//! all end a line. Blank lines are counted, not stored.

use memchr::memchr2_iter;

use crate::Span;

/// One non-blank line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line without leading and trailing white space (Unicode, zero-width
    /// spaces and the byte order mark included).
    pub text: &'a str,
    /// Offset of `text` in the input.
    pub text_at: usize,
    /// The line without leading and trailing ASCII white space: what the
    /// line's element must cover.
    pub span: Span,
    /// Blank lines directly before this one.
    pub blanks_before: u32,
}

/// The lines of a text.
#[derive(Debug, Default)]
pub(crate) struct Lines<'a> {
    /// The non-blank lines, in order.
    pub lines: Vec<Line<'a>>,
    /// Lines of invisible characters only (no-break or zero-width spaces).
    pub invisible: Vec<Span>,
    /// Blank lines after the last line.
    pub blanks_after: u32,
}

fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// White space as the model trims it.
pub(crate) fn trim_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Splits `input` into lines.
pub(crate) fn split<'a>(input: &'a str) -> Lines<'a> {
    let bytes = input.as_bytes();
    let mut out = Lines {
        lines: Vec::with_capacity(bytes.len() / 64 + 1),
        ..Lines::default()
    };
    let mut blanks = 0u32;
    let mut line_start = 0usize;
    let mut push = |start: usize, end: usize, out: &mut Lines<'a>| {
        let Some(raw) = bytes.get(start..end) else {
            return;
        };
        let Some(a) = raw.iter().position(|&b| !ascii_space(b)) else {
            blanks = blanks.saturating_add(1);
            return;
        };
        let b = raw
            .iter()
            .rposition(|&b| !ascii_space(b))
            .map_or(a, |b| b + 1);
        let span = Span::new(start + a, start + b);
        let Some(inner) = input.get(span.start..span.end) else {
            return;
        };
        // Only a non-ASCII character can be white space left at either end
        // (every ASCII one is `ascii_space`): most lines skip the decoding.
        let text = match inner.as_bytes().first() {
            Some(&b) if b >= 0x80 => inner.trim_start_matches(trim_char),
            _ => inner,
        };
        let text = match text.as_bytes().last() {
            Some(&b) if b >= 0x80 => text.trim_end_matches(trim_char),
            _ => text,
        };
        if text.is_empty() {
            out.invisible.push(span);
            blanks = blanks.saturating_add(1);
            return;
        }
        let text_at = span.start + (text.as_ptr() as usize - inner.as_ptr() as usize);
        out.lines.push(Line {
            text,
            text_at,
            span,
            blanks_before: blanks,
        });
        blanks = 0;
    };
    for pos in memchr2_iter(b'\n', b'\r', bytes) {
        if pos < line_start {
            continue; // the \n of a \r\n
        }
        push(line_start, pos, &mut out);
        line_start = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
    }
    push(line_start, bytes.len(), &mut out);
    out.blanks_after = blanks;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, u32)> {
        split(s)
            .lines
            .iter()
            .map(|l| (l.text, l.blanks_before))
            .collect()
    }

    #[test]
    fn splits_every_line_ending() {
        assert_eq!(
            texts("a\nb\r\nc\rd"),
            [("a", 0), ("b", 0), ("c", 0), ("d", 0)]
        );
        assert_eq!(
            texts("a\n\n\r\n  \nb"),
            [("a", 0), ("b", 3)],
            "blank lines counted"
        );
    }

    #[test]
    fn spans_cover_the_ascii_trimmed_line() {
        let s = "  \u{feff}Hello \t\n";
        let l = split(s).lines[0];
        assert_eq!(l.text, "Hello");
        assert_eq!(
            &s[l.span.start..l.span.end],
            "\u{feff}Hello",
            "BOM is inside the span"
        );
        assert_eq!(l.text_at, 5);
    }

    #[test]
    fn invisible_lines_are_kept_apart() {
        let s = "a\n\u{a0}\u{200b}\nb";
        let lines = split(s);
        assert_eq!(lines.invisible, [Span::new(2, 7)]);
        assert_eq!(
            lines.lines[1].blanks_before, 1,
            "counts as blank for grouping"
        );
    }

    #[test]
    fn empty_and_trailing() {
        assert!(split("").lines.is_empty());
        assert_eq!(split("a\n\n\n").blanks_after, 3);
    }
}
