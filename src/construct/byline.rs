//! Author lines.
//!
//! ```text
//! byline = prefix ws* names [separator date]
//! prefix = "By" | "Von" | "Por" | "Par" | "Di" | "Door" | "Av" | "Autor:" | "Author:" ...
//! names  = an upper-case letter, then up to 80 characters of names, not a sentence
//! ```
//! `By Jane Roe and Tom Example`, `Von Max Mustermann`, `von David · 18. Oktober 2019`.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::tag_no_case,
    character::complete::{space0, space1},
};

use super::date::find_date;

/// A recognised byline: where the names start, and where a date on the
/// same line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BylineLine {
    pub names_at: usize,
    pub date_at: Option<usize>,
}

fn prefix(i: &str) -> IResult<&str, ()> {
    let (i, _) = alt((
        (
            alt((
                tag_no_case("written by"),
                tag_no_case("reporting by"),
                tag_no_case("by"),
                tag_no_case("von"),
                tag_no_case("por"),
                tag_no_case("par"),
                tag_no_case("di"),
                tag_no_case("door"),
                tag_no_case("av"),
                tag_no_case("przez"),
            )),
            space1,
        ),
        (
            alt((
                tag_no_case("authors:"),
                tag_no_case("author:"),
                tag_no_case("autorin:"),
                tag_no_case("autoren:"),
                tag_no_case("autor:"),
                tag_no_case("auteur:"),
                tag_no_case("autore:"),
                tag_no_case("text:"),
                tag_no_case("texto:"),
            )),
            space0,
        ),
    ))
    .parse_complete(i)?;
    Ok((i, ()))
}

/// The prefixes [`prefix`] takes before blanks, and those it takes before
/// a colon's optional blanks (the colon is part of them), in its order.
pub(crate) const SPACED: [&str; 10] = [
    "written by",
    "reporting by",
    "by",
    "von",
    "por",
    "par",
    "di",
    "door",
    "av",
    "przez",
];
const COLON: [&str; 9] = [
    "authors:", "author:", "autorin:", "autoren:", "autor:", "auteur:", "autore:", "text:",
    "texto:",
];

/// The longest prefix, in bytes.
const LONGEST_PREFIX: usize = 12;

/// [`prefix`] by bytes, where the bytes a prefix is compared with are ASCII
/// (`tag_no_case` then compares ASCII case-folded bytes; no other
/// character lower-cases to a letter of these prefixes): how many bytes the
/// prefix and its blanks take. As in the parser, the first prefix of the
/// first list that begins the line decides it, blanks or not. `None` for
/// no prefix; the parser decides lines with non-ASCII bytes near the start.
fn prefix_len(line: &str) -> Option<Option<usize>> {
    let b = line.as_bytes();
    if !b.get(..LONGEST_PREFIX).unwrap_or(b).is_ascii() {
        return None;
    }
    let blanks = |at: usize| {
        b.get(at..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count()
    };
    let starts = |t: &str| {
        b.get(..t.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(t.as_bytes()))
    };
    if let Some(t) = SPACED.iter().find(|t| starts(t)) {
        let n = blanks(t.len());
        if n > 0 {
            return Some(Some(t.len() + n));
        }
    }
    Some(
        COLON
            .iter()
            .find(|t| starts(t))
            .map(|t| t.len() + blanks(t.len())),
    )
}

/// Recognises a whole trimmed line as a byline.
pub(crate) fn byline(line: &str) -> Option<BylineLine> {
    if line.len() > 200 {
        return None;
    }
    let by_parser = || prefix(line).ok().map(|(rest, ())| line.len() - rest.len());
    let names_at = match prefix_len(line) {
        Some(fast) => {
            debug_assert_eq!(fast, by_parser(), "{line:?}");
            fast
        }
        None => by_parser(),
    }?;
    let rest = line.get(names_at..)?;
    let first = rest.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let date_at = find_date(rest).map(|(a, _)| names_at + a);
    let names = line.get(names_at..date_at.unwrap_or(line.len()))?;
    let names = names.trim_end_matches(|c: char| c.is_whitespace() || "·|,-–—•/".contains(c));
    let (chars, words, lower_words) = if names.is_ascii() {
        let counted = ascii_counts(names.as_bytes());
        debug_assert_eq!(counted, counts(names), "{names:?}");
        counted
    } else {
        counts(names)
    };
    if chars == 0 || chars > 100 || words > 14 {
        return None;
    }
    // A sentence, not a list of names: "By Monday the river had risen. Then..."
    if names.ends_with(['.', '!', '?']) && !names.ends_with(" Jr.") && words > 3 {
        return None;
    }
    if lower_words > 1 {
        return None;
    }
    Some(BylineLine { names_at, date_at })
}

/// The words that may stand in lower case among the names.
const LOWER_WORDS: [&str; 22] = [
    "and", "und", "y", "et", "e", "i", "en", "de", "van", "von", "der", "da", "di", "du", "la",
    "le", "bin", "al", "in", "for", "with", "mit",
];

/// The characters of `names`, its words (split at white space) and its
/// words that begin in lower case and are none of [`LOWER_WORDS`].
fn counts(names: &str) -> (usize, usize, usize) {
    let lower_words = names
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !LOWER_WORDS.contains(w))
        .count();
    (
        names.chars().count(),
        names.split_whitespace().count(),
        lower_words,
    )
}

/// [`counts`] of ASCII `names` in one pass over the bytes: a character is
/// a byte, the white space is `\t`..=`\r` and the space (all of
/// `char::is_whitespace` that is ASCII), and a lower-case first letter is
/// an ASCII one.
fn ascii_counts(names: &[u8]) -> (usize, usize, usize) {
    let space = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    let (mut words, mut lower_words) = (0, 0);
    let mut at = 0;
    while let Some(&c) = names.get(at) {
        if space(c) {
            at += 1;
            continue;
        }
        let len = names
            .get(at..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&c| !space(c))
            .count();
        words += 1;
        if c.is_ascii_lowercase() {
            let w = names.get(at..at + len).unwrap_or(&[]);
            lower_words += usize::from(!LOWER_WORDS.iter().any(|l| l.as_bytes() == w));
        }
        at += len;
    }
    (names.len(), words, lower_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Jane Roe"),
            Some(BylineLine {
                names_at: 3,
                date_at: None
            })
        );
        assert!(
            byline("By Jane Roe and Tom Example").is_some(),
            "two authors"
        );
        assert!(byline("Von Max Mustermann").is_some(), "German");
        assert!(byline("Por Ana Lima").is_some(), "Spanish");
        assert!(byline("Autor: Jan Kowalski").is_some(), "label with colon");
        let b = byline("von David · 18. Oktober 2019");
        assert_eq!(
            b.and_then(|b| b.date_at),
            Some(13),
            "date on the same line (· is two bytes)"
        );
    }

    #[test]
    fn prefixes_by_bytes_as_by_the_parser() {
        let mut lines = Vec::new();
        for t in SPACED.iter().chain(&COLON) {
            for tail in ["", " ", "\t\tX", "x", " :", ": Y", "  Z"] {
                lines.push(format!("{t}{tail}"));
                lines.push(format!("{}{tail}", t.to_uppercase()));
            }
            lines.push(t[..t.len() - 1].to_string());
        }
        lines.extend(
            [
                "Dixon Lane",
                "Avery Jones",
                "Door X",
                "Para Ana",
                "Text:",
                "bY  Z",
            ]
            .map(String::from),
        );
        for line in &lines {
            let parsed = prefix(line).ok().map(|(rest, ())| line.len() - rest.len());
            assert_eq!(prefix_len(line), Some(parsed), "{line:?}");
        }
        assert_eq!(prefix_len("Von Emile"), Some(Some(4)));
        assert_eq!(prefix_len("Von Émile"), None, "non-ASCII near the start");
        assert_eq!(prefix_len("Führer"), None, "non-ASCII: the parser decides");
    }

    /// [`ascii_counts`] is [`counts`] on ASCII names: every ASCII byte
    /// between and inside words, the lower-case words and others.
    #[test]
    fn ascii_counts_are_the_plain_counts() {
        let mut lines: Vec<String> = Vec::new();
        for c in (0..0x80u8).map(char::from) {
            for w in ["and", "Jane", "roe", "de", "x", ""] {
                lines.push(format!("{w}{c}{w}"));
                lines.push(format!("{c}{w} Tom{c}"));
                lines.push(format!("Ann {w}{c}and van Roe"));
            }
        }
        for l in LOWER_WORDS {
            lines.push(format!("Jane {l} Roe"));
            lines.push(format!("Jane {l}x Roe {}", l.to_uppercase()));
        }
        for l in &lines {
            assert_eq!(ascii_counts(l.as_bytes()), counts(l), "{l:?}");
        }
    }

    #[test]
    fn not_bylines() {
        assert_eq!(
            byline("By continuing to use this site you agree"),
            None,
            "lower case after By"
        );
        assert_eq!(
            byline("By Monday the river had risen over the banks and into the square."),
            None,
            "a sentence"
        );
        assert_eq!(
            byline("Bystanders watched"),
            None,
            "no space after the prefix"
        );
    }
}
