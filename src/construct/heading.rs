//! Markdown ATX headings, as Markdown scrapers write them.
//!
//! ```text
//! heading = "#"{1,6} ws+ text [ws+ "#"*]
//! ```

use crate::parse::lines::trim_char;

/// A recognised heading: its level and the byte range of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeadingLine {
    pub level: u8,
    pub text_at: usize,
    pub text_end: usize,
}

/// Recognises a whole trimmed line as a Markdown heading.
pub(crate) fn heading(line: &str) -> Option<HeadingLine> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = line.get(hashes..)?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    // Trimmed as a line is (zero-width spaces too), so that the heading's
    // text on a line of its own reads the same.
    let text = rest
        .trim_matches(trim_char)
        .trim_end_matches('#')
        .trim_end_matches(trim_char);
    if text.is_empty() {
        return None;
    }
    let text_at = line.len() - rest.trim_start_matches(trim_char).len();
    Some(HeadingLine {
        level: hashes as u8,
        text_at,
        text_end: text_at + text.len(),
    })
}

/// The words of a heading line: an ATX heading's text without its marks,
/// or the line itself (a setext heading's text line, or no heading).
pub(crate) fn words(line: &str) -> &str {
    heading(line)
        .and_then(|h| line.get(h.text_at..h.text_end))
        .unwrap_or(line)
}

/// Recognises a whole trimmed line as a setext underline: `=` (level 1) or
/// `-` (level 2), three or more, under the heading's text
/// (`Title` / `=====`). Markdown converters write headings so, and the
/// text renderer underlines the headline so.
///
/// Inlined: the classifier asks it of nearly every line, and its first
/// byte rules out all but a few without a call.
#[inline]
pub(crate) fn setext_underline(line: &str) -> Option<u8> {
    let level = match line.as_bytes().first()? {
        b'=' => 1,
        b'-' => 2,
        _ => return None,
    };
    let mark = if level == 1 { b'=' } else { b'-' };
    (line.len() >= 3 && line.bytes().all(|b| b == mark)).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            heading("## What happens next"),
            Some(HeadingLine {
                level: 2,
                text_at: 3,
                text_end: 20
            })
        );
        assert_eq!(
            heading("# Title #").map(|h| (h.text_at, h.text_end)),
            Some((2, 7)),
            "closing hashes"
        );
    }

    #[test]
    fn words_without_marks() {
        assert_eq!(words("## What happens next ##"), "What happens next");
        assert_eq!(words("What happens next"), "What happens next");
        assert_eq!(words("#hashtag"), "#hashtag");
    }

    #[test]
    fn setext_underlines() {
        assert_eq!(setext_underline("==="), Some(1));
        assert_eq!(setext_underline("-------"), Some(2));
        assert_eq!(setext_underline("=="), None, "too short");
        assert_eq!(setext_underline("=-="), None, "mixed marks");
        assert_eq!(setext_underline("=== x"), None, "text after");
    }

    #[test]
    fn not_headings() {
        assert_eq!(heading("#hashtag"), None, "no space");
        assert_eq!(heading("####### seven"), None, "too deep");
        assert_eq!(heading("# "), None, "empty");
    }
}
