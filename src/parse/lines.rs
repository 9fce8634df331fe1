//! Stage 1: split the input into lines with their byte offsets.
//!
//! One pass over `\n` and `\r` (sixteen-byte compares, `swar::find_each`:
//! a `memchr2` call a line cost some 70 instructions on lines of about 70
//! bytes);
//! `\r\n`, `\n` and a lone `\r` all end a line. Blank lines are counted,
//! not stored.

use wide::u8x16;

use super::swar::find_each;

use crate::Span;

/// One non-blank line, as the splitter hands it out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line without leading and trailing white space (Unicode, zero-width
    /// spaces and the byte order mark included).
    pub text: &'a str,
    /// Blank lines directly before this one.
    pub blanks_before: u32,
}

/// What the splitter keeps besides the lines it hands out.
#[derive(Debug, Default)]
pub(crate) struct Rest {
    /// Lines of invisible characters only (no-break or zero-width spaces).
    pub invisible: Vec<Span>,
    /// Blank lines after the last line.
    pub blanks_after: u32,
}

/// The lines of a text, collected (tests; the parser streams them with
/// [`split_each`]).
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct Lines<'a> {
    /// The non-blank lines, in order.
    pub lines: Vec<Line<'a>>,
    /// Lines of invisible characters only (no-break or zero-width spaces).
    pub invisible: Vec<Span>,
    /// Blank lines after the last line.
    pub blanks_after: u32,
}

/// ASCII white space, as `char::is_whitespace` has it among ASCII bytes.
#[inline]
pub(crate) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// White space as the model trims it.
pub(crate) fn trim_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `b` may start with a non-ASCII character of [`trim_char`]: its
/// UTF-8 bytes are one of these (U+0085, U+00A0, U+1680, U+2000 to U+200D,
/// U+2028, U+2029, U+202F, U+205F, U+2060, U+3000, U+FEFF; a test checks
/// every character). Lines that start with a bullet, a quote mark or a
/// copyright sign are not decoded.
#[inline]
fn trim_may_start(b: &[u8]) -> bool {
    matches!(
        b,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F | 0xA0, ..]
            | [0xE3, 0x80, 0x80, ..]
            | [0xEF, 0xBB, 0xBF, ..]
    )
}

/// Whether `b` may end with a non-ASCII character of [`trim_char`] (the
/// bytes of [`trim_may_start`], at the end).
#[inline]
fn trim_may_end(b: &[u8]) -> bool {
    matches!(
        b,
        [.., 0xC2, 0x85 | 0xA0]
            | [.., 0xE1, 0x9A, 0x80]
            | [.., 0xE2, 0x80, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF]
            | [.., 0xE2, 0x81, 0x9F | 0xA0]
            | [.., 0xE3, 0x80, 0x80]
            | [.., 0xEF, 0xBB, 0xBF]
    )
}

/// Offset of `text`, a slice of `input`, in `input`.
pub(crate) fn offset_in(input: &str, text: &str) -> usize {
    (text.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize)
}

/// The span a line's element covers: its text widened over the white space
/// the text was trimmed of, less the line's ASCII white space. Lines store
/// only their text; this gives back what the splitter saw. Linear in the
/// white space around the text.
pub(crate) fn span_of(input: &str, text: &str) -> Span {
    let start = offset_in(input, text);
    let end = start + text.len();
    // Nearly always only ASCII white space lies between the text and the
    // line's ends: the span is then the text.
    let bytes = input.as_bytes();
    // Most lines sit between line ends (or the text's ends): two loads.
    let line_end = |b: Option<&u8>| matches!(b, None | Some(b'\n' | b'\r'));
    if line_end(start.checked_sub(1).and_then(|p| bytes.get(p))) && line_end(bytes.get(end)) {
        return Span::new(start, end);
    }
    let inline_space = |b: &u8| matches!(b, b' ' | b'\t' | 0x0b | 0x0c);
    let before = bytes.get(..start).unwrap_or(&[]);
    let after = bytes.get(end..).unwrap_or(&[]);
    let ascii_stop = |b: Option<&u8>| b.is_none_or(u8::is_ascii);
    if ascii_stop(before.iter().rev().find(|b| !inline_space(b)))
        && ascii_stop(after.iter().find(|b| !inline_space(b)))
    {
        return Span::new(start, end);
    }
    span_around(input, start, end)
}

/// [`span_of`] for text with non-ASCII white space around it.
fn span_around(input: &str, start: usize, end: usize) -> Span {
    let in_line = |c: char| trim_char(c) && c != '\n' && c != '\r';
    let bytes = input.as_bytes();
    let mut a = input
        .get(..start)
        .map_or(start, |s| s.trim_end_matches(in_line).len());
    while a < start && bytes.get(a).copied().is_some_and(ascii_space) {
        a += 1;
    }
    let mut b = input
        .get(end..)
        .map_or(end, |s| input.len() - s.trim_start_matches(in_line).len());
    while b > end && bytes.get(b - 1).copied().is_some_and(ascii_space) {
        b -= 1;
    }
    Span::new(a, b)
}

/// Splits `input` into lines.
#[cfg(test)]
pub(crate) fn split<'a>(input: &'a str) -> Lines<'a> {
    let mut lines = Vec::new();
    let rest = split_each(input, |l| lines.push(l));
    Lines {
        lines,
        invisible: rest.invisible,
        blanks_after: rest.blanks_after,
    }
}

/// Splits `input` into lines and hands each non-blank one to `each`, in order.
pub(crate) fn split_each<'a>(input: &'a str, mut each: impl FnMut(Line<'a>)) -> Rest {
    let bytes = input.as_bytes();
    let mut out = Rest::default();
    let mut blanks = 0u32;
    let mut line_start = 0usize;
    let mut push = |start: usize, end: usize, out: &mut Rest| {
        let Some(raw) = bytes.get(start..end) else {
            return;
        };
        // Most lines start and end with a byte above the space: no search.
        let (a, b) = match (raw.first(), raw.last()) {
            (Some(&f), Some(&l)) if f > b' ' && l > b' ' => (0, raw.len()),
            _ => {
                let Some(a) = raw.iter().position(|&b| !ascii_space(b)) else {
                    blanks = blanks.saturating_add(1);
                    return;
                };
                let b = raw
                    .iter()
                    .rposition(|&b| !ascii_space(b))
                    .map_or(a, |b| b + 1);
                (a, b)
            }
        };
        let span = Span::new(start + a, start + b);
        let Some(inner) = input.get(span.start..span.end) else {
            return;
        };
        // Only a non-ASCII character can be white space left at either end
        // (every ASCII one is `ascii_space`): most lines skip the decoding.
        // Of those, only the few of `trim_char` (by their bytes) do.
        let high = |b: Option<&u8>| b.is_some_and(|&b| b >= 0x80);
        let text = if high(inner.as_bytes().first()) && trim_may_start(inner.as_bytes()) {
            inner.trim_start_matches(trim_char)
        } else {
            inner
        };
        let text = if high(text.as_bytes().last()) && trim_may_end(text.as_bytes()) {
            text.trim_end_matches(trim_char)
        } else {
            text
        };
        if text.is_empty() {
            out.invisible.push(span);
            blanks = blanks.saturating_add(1);
            return;
        }
        each(Line {
            text,
            blanks_before: blanks,
        });
        blanks = 0;
    };
    let (nl, cr) = (u8x16::splat(b'\n'), u8x16::splat(b'\r'));
    find_each(
        bytes,
        |v| v.simd_eq(nl) | v.simd_eq(cr),
        |pos| {
            // The \n of a \r\n ends nothing.
            if pos >= line_start {
                push(line_start, pos, &mut out);
                line_start = if bytes.get(pos) == Some(&b'\r') && bytes.get(pos + 1) == Some(&b'\n')
                {
                    pos + 2
                } else {
                    pos + 1
                };
            }
            None::<()>
        },
    );
    push(line_start, bytes.len(), &mut out);
    out.blanks_after = blanks;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_tests_see_every_trimmed_character() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let line = [b, b"x", b].concat();
            assert_eq!(trim_may_start(&line), trim_char(c), "{c:?}");
            assert_eq!(trim_may_end(&line), trim_char(c), "{c:?}");
        }
    }

    #[test]
    fn line_ends_are_every_cr_and_lf() {
        let ends = |b: &[u8]| {
            let (nl, cr) = (u8x16::splat(b'\n'), u8x16::splat(b'\r'));
            let mut got = Vec::new();
            find_each(
                b,
                |v| v.simd_eq(nl) | v.simd_eq(cr),
                |at| {
                    got.push(at);
                    None::<()>
                },
            );
            got
        };
        let mut text = Vec::new();
        for n in 0..300usize {
            text.extend(std::iter::repeat_n(b'a', n % 70));
            text.push(if n % 3 == 0 { b'\r' } else { b'\n' });
            text.extend(std::iter::repeat_n(b'\n', n % 2));
        }
        for len in 0..text.len() {
            let b = &text[..len];
            let want: Vec<usize> = memchr::memchr2_iter(b'\n', b'\r', b).collect();
            assert_eq!(ends(b), want, "{len}");
        }
        let every: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let want: Vec<usize> = memchr::memchr2_iter(b'\n', b'\r', &every).collect();
        assert_eq!(ends(&every), want);
    }

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
    fn spans_without_unicode_space_take_the_short_way() {
        let s = "Top\n  \tA line \x0c\r\n\u{a0}B\u{2003} \n \u{200b} C\u{feff}\n\x0bD\x0b\rE";
        for l in split(s).lines {
            let (start, end) = (offset_in(s, l.text), offset_in(s, l.text) + l.text.len());
            assert_eq!(
                span_of(s, l.text),
                span_around(s, start, end),
                "same span for {:?}",
                l.text
            );
        }
    }

    #[test]
    fn spans_cover_the_ascii_trimmed_line() {
        let s = "  \u{feff}Hello \t\n";
        let l = split(s).lines[0];
        assert_eq!(l.text, "Hello");
        let span = span_of(s, l.text);
        assert_eq!(
            &s[span.start..span.end],
            "\u{feff}Hello",
            "BOM is inside the span"
        );
        assert_eq!(offset_in(s, l.text), 5);
    }

    /// The span the splitter computes and the one `span_of` gives back are
    /// the same, whatever white space surrounds the text.
    #[test]
    fn spans_are_given_back_exactly() {
        let s = "a\n \u{a0} b \u{3000}\t\n\r\n\u{feff}c\u{200b}\n\t\u{2028} d \u{85}\r e\n\u{a0}\n\u{a0}\u{a0}f";
        let mut got = Vec::new();
        split_each(s, |l| {
            let span = span_of(s, l.text);
            got.push(&s[span.start..span.end]);
        });
        assert_eq!(
            got,
            [
                "a",
                "\u{a0} b \u{3000}",
                "\u{feff}c\u{200b}",
                "\u{2028} d \u{85}",
                "e",
                "\u{a0}\u{a0}f"
            ]
        );
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
