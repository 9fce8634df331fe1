//! A line that is one Markdown link: `[title](url)`.

use nom::{
    IResult, Parser,
    bytes::complete::{is_not, tag},
    sequence::delimited,
};

use crate::parse::swar::find_each;
use wide::u8x16;

/// A recognised link line: byte ranges of the title and the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkLine {
    pub title: (usize, usize),
    pub url: (usize, usize),
}

fn link(i: &str) -> IResult<&str, (&str, &str)> {
    (
        delimited(tag("["), is_not("[]\n"), tag("]")),
        delimited(tag("("), is_not("() \n"), tag(")")),
    )
        .parse_complete(i)
}

/// [`link`] on bytes: the delimiters and stop characters are ASCII, so the
/// first stop byte is the first stop character, and `is_not` takes at
/// least one character up to it (all the rest when there is none, after
/// which the closing tag fails).
fn link_fast(i: &str) -> Option<(&str, (&str, &str))> {
    let b = i.as_bytes();
    if b.first() != Some(&b'[') {
        return None;
    }
    let title_end = b
        .get(1..)
        .and_then(|t| memchr::memchr3(b'[', b']', b'\n', t))
        .filter(|&n| n > 0)?
        + 1;
    if b.get(title_end) != Some(&b']') || b.get(title_end + 1) != Some(&b'(') {
        return None;
    }
    // The URL's first stop byte, by vector compares (a URL is some forty
    // bytes: not a compare of each against the four).
    let url = b.get(title_end + 2..)?;
    let url_end = find_each(
        url,
        |v| {
            v.simd_eq(u8x16::splat(b'('))
                | v.simd_eq(u8x16::splat(b')'))
                | v.simd_eq(u8x16::splat(b' '))
                | v.simd_eq(u8x16::splat(b'\n'))
        },
        Some,
    )
    .filter(|&n| n > 0)?
        + title_end
        + 2;
    if b.get(url_end) != Some(&b')') {
        return None;
    }
    Some((
        i.get(url_end + 1..)?,
        (i.get(1..title_end)?, i.get(title_end + 2..url_end)?),
    ))
}

/// Recognises a whole trimmed line as one Markdown link.
pub(crate) fn link_line(line: &str) -> Option<LinkLine> {
    let fast = link_fast(line);
    debug_assert_eq!(fast, link(line).ok(), "{line:?}");
    let (rest, (title, url)) = fast?;
    if !rest.trim().is_empty() || title.trim().is_empty() {
        return None;
    }
    let at = |s: &str| s.as_ptr() as usize - line.as_ptr() as usize;
    Some(LinkLine {
        title: (at(title), at(title) + title.len()),
        url: (at(url), at(url) + url.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        let l = link_line("[Ferry returns](https://example.org/ferry)");
        assert_eq!(
            l,
            Some(LinkLine {
                title: (1, 14),
                url: (16, 41)
            })
        );
    }

    #[test]
    fn fast_link_matches_the_parser() {
        for l in [
            "",
            "[",
            "[]",
            "[a]",
            "[a](",
            "[a]()",
            "[a](u)",
            "[a](u) x",
            "[a] (u)",
            "[[a](u)",
            "[a](u v)",
            "[a](u(v))",
            "[Ferry](x) and more",
            "[é](ü)",
            "[a\n](u)",
            "[a](u\n)",
            "[a](u)]",
            "x[a](u)",
        ] {
            assert_eq!(link_fast(l), link(l).ok(), "{l:?}");
        }
        // URLs of every length around the vector blocks, each stop byte
        // (or none) at their end, and what may follow.
        for n in 0..80 {
            let url: String = "ab/é.c?d=1".chars().cycle().take(n).collect();
            for stop in ["", "(", ")", " ", "\n", ")]"] {
                for after in ["", ")", "x)", " y"] {
                    let l = format!("[t]({url}{stop}{after}");
                    assert_eq!(link_fast(&l), link(&l).ok(), "{l:?}");
                }
            }
        }
    }

    #[test]
    fn not_links() {
        assert_eq!(
            link_line("[Ferry](x) and more"),
            None,
            "text after the link"
        );
        assert_eq!(link_line("Ferry returns"), None, "no brackets");
    }
}
