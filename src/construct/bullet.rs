//! Bullet and numbered list items.
//!
//! ```text
//! bullet  = marker space+ item
//! marker  = "•" | "·" | "▪" | "●" | "◦" | "‣" | "–" | "-" | "*" | "+"
//!         | digit{1,3} ("." | ")")
//! ```
//! `  • Trip expected to be a show of...` and `3. Third item` are items;
//! `-5 degrees` and `2024. A year` are not (no space / too many digits after
//! a year-like number).

/// A recognised list item: whether it is numbered, and the byte offset of
/// the item's text within the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bullet {
    pub ordered: bool,
    pub text_at: usize,
}

/// The multi-byte markers of the grammar (the ASCII ones are matched
/// byte by byte).
const WIDE_MARKERS: [char; 7] = ['•', '·', '▪', '●', '◦', '‣', '–'];

/// Recognises a list item at the start of a trimmed line.
///
/// The grammar read byte by byte, since most lines tried (prose after a
/// digit or a curly quote) fail at the first or second byte; the test
/// checks it against the nom parsers it was written as. Inlined: the kinds
/// ask it of a fifth of the lines, and most of it is the call's own cost.
#[inline]
pub(crate) fn bullet(line: &str) -> Option<Bullet> {
    let b = line.as_bytes();
    let (marker, ordered) = match *b.first()? {
        b'-' | b'*' | b'+' => (1, false),
        b'0'..=b'9' => {
            // One to three digits, then `.` or `)`.
            let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.' | b')') => (digits + 1, true),
                _ => return None,
            }
        }
        x if x >= 0x80 => {
            let c = line.chars().next()?;
            if !WIDE_MARKERS.contains(&c) {
                return None;
            }
            (c.len_utf8(), false)
        }
        _ => return None,
    };
    // One or more spaces or tabs, or one no-break space.
    let blanks = b
        .get(marker..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    let rest = if blanks > 0 {
        line.get(marker + blanks..)?
    } else {
        line.get(marker..)?.strip_prefix('\u{a0}')?
    };
    // The item is what follows the white space; an ASCII byte that is
    // neither white space nor a control character starts it at once (most
    // items), without the Unicode trim.
    let item = match rest.as_bytes().first() {
        Some(0x21..=0x7E) => rest,
        _ => rest.trim_start(),
    };
    if item.is_empty() {
        return None;
    }
    Some(Bullet {
        ordered,
        text_at: line.len() - item.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::{
        IResult, Parser,
        branch::alt,
        bytes::complete::{tag, take_while_m_n},
        character::complete::{one_of, space1},
        combinator::{recognize, value},
    };

    fn marker(i: &str) -> IResult<&str, bool> {
        alt((
            value(false, one_of("•·▪●◦‣–-*+")),
            value(
                true,
                recognize((
                    take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
                    one_of(".)"),
                )),
            ),
        ))
        .parse_complete(i)
    }

    fn bullet_parser(i: &str) -> IResult<&str, bool> {
        let (rest, ordered) = marker(i)?;
        let (rest, _) = alt((space1, tag("\u{a0}"))).parse_complete(rest)?;
        Ok((rest, ordered))
    }

    /// The recogniser as first written, with the nom parsers.
    fn bullet_nom(line: &str) -> Option<Bullet> {
        let (rest, ordered) = bullet_parser(line).ok()?;
        let item = rest.trim_start();
        if item.is_empty() {
            return None;
        }
        Some(Bullet {
            ordered,
            text_at: line.len() - item.len(),
        })
    }

    #[test]
    fn bytes_match_the_parsers() {
        let mut lines: Vec<String> = Vec::new();
        let heads = [
            "•", "·", "▪", "●", "◦", "‣", "–", "-", "*", "+", "1.", "12)", "123.", "1234.", "12",
            "“", "—", "x", "", "9", "0)", "٣.",
        ];
        let gaps = [
            "",
            " ",
            "  ",
            "\t",
            " \t ",
            "\u{a0}",
            "\u{a0}\u{a0}",
            "\u{a0} ",
            "\u{2003}",
        ];
        let tails = ["", "item", " ", "\u{3000}", "\u{a0}x", "5 degrees"];
        for h in heads {
            for g in gaps {
                for t in tails {
                    lines.push(format!("{h}{g}{t}"));
                }
            }
        }
        // Every ASCII character first in the item (white space, control
        // characters and the rest, where the trim is skipped).
        for c in (0..0x80u8).map(char::from) {
            for h in ["-", "1.", "•"] {
                lines.push(format!("{h} {c}x"));
                lines.push(format!("{h}\t{c}"));
            }
        }
        for l in &lines {
            assert_eq!(bullet(l), bullet_nom(l), "{l:?}");
        }
    }

    #[test]
    fn bullets() {
        assert_eq!(
            bullet("• Trip expected"),
            Some(Bullet {
                ordered: false,
                text_at: 4
            }),
            "bullet dot is 3 bytes"
        );
        assert_eq!(
            bullet("* item").map(|b| b.text_at),
            Some(2),
            "markdown star"
        );
        assert_eq!(bullet("- item").map(|b| b.ordered), Some(false), "hyphen");
        assert_eq!(
            bullet("12. item").map(|b| b.ordered),
            Some(true),
            "numbered"
        );
        assert_eq!(
            bullet("3) item").map(|b| b.ordered),
            Some(true),
            "numbered with paren"
        );
    }

    #[test]
    fn not_bullets() {
        assert_eq!(
            bullet("-5 degrees overnight"),
            None,
            "no space after the hyphen"
        );
        assert_eq!(
            bullet("2024. A year"),
            None,
            "four digits is a year, not a number"
        );
        assert_eq!(bullet("•"), None, "a marker alone is no item");
        assert_eq!(bullet("Plain text"), None, "no marker");
    }
}
