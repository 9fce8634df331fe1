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

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{one_of, space1},
    combinator::{recognize, value},
};

/// A recognised list item: whether it is numbered, and the byte offset of
/// the item's text within the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bullet {
    pub ordered: bool,
    pub text_at: usize,
}

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

/// Recognises a list item at the start of a trimmed line.
pub(crate) fn bullet(line: &str) -> Option<Bullet> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
