//! Markdown ATX headings, as Markdown scrapers write them.
//!
//! ```text
//! heading = "#"{1,6} ws+ text [ws+ "#"*]
//! ```

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
    let text = rest.trim().trim_end_matches('#').trim_end();
    if text.is_empty() {
        return None;
    }
    let text_at = line.len() - rest.trim_start().len();
    Some(HeadingLine {
        level: hashes as u8,
        text_at,
        text_end: text_at + text.len(),
    })
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
    fn not_headings() {
        assert_eq!(heading("#hashtag"), None, "no space");
        assert_eq!(heading("####### seven"), None, "too deep");
        assert_eq!(heading("# "), None, "empty");
    }
}
