//! A line that is one Markdown link: `[title](url)`.

use nom::{
    IResult, Parser,
    bytes::complete::{is_not, tag},
    sequence::delimited,
};

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

/// Recognises a whole trimmed line as one Markdown link.
pub(crate) fn link_line(line: &str) -> Option<LinkLine> {
    let (rest, (title, url)) = link(line).ok()?;
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
    fn not_links() {
        assert_eq!(
            link_line("[Ferry](x) and more"),
            None,
            "text after the link"
        );
        assert_eq!(link_line("Ferry returns"), None, "no brackets");
    }
}
