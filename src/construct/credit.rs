//! Image credit lines.
//!
//! ```text
//! credit = label ws* (":" | "/" | "by") ws* source
//! label  = "Photograph" | "Photo" | "Illustration" | "Image" | "Picture" | "Graphic"
//!        | "Video" | "Foto" | "Bild" | "Imagen" | "Grafik" | "Credit" | "Artwork" ...
//!        | "©" | "(c)"
//! source = 1..=80 characters, not a sentence
//! ```
//! `Photo: Reuters`, `Illustration: Lau Ka-kuen`, `Foto: dpa`, `© AFP`.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case},
    character::complete::space0,
    combinator::value,
};

use crate::CreditKind;

/// A recognised credit: its kind and the byte offset of the source within
/// the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CreditLine {
    pub kind: CreditKind,
    pub source_at: usize,
}

/// The labels in the order [`label_nom`] tries them.
const LABELS: [(&str, CreditKind); 18] = {
    use CreditKind::*;
    [
        ("photographs", Photo),
        ("photograph", Photo),
        ("photos", Photo),
        ("photo", Photo),
        ("picture", Photo),
        ("fotos", Photo),
        ("foto", Photo),
        ("fot.", Photo),
        ("illustration", Illustration),
        ("artwork", Illustration),
        ("images", Image),
        ("image", Image),
        ("bild", Image),
        ("imagen", Image),
        ("graphic", Graphic),
        ("grafik", Graphic),
        ("video", Video),
        ("credit", Other),
    ]
};

/// The longest label, in bytes.
const LONGEST_LABEL: usize = 12;

/// The label at the start of `i`. Where the bytes a label is compared with
/// are ASCII (the usual case), `tag_no_case` compares ASCII case-folded
/// bytes, so the labels are compared so, in the same order, without the
/// eighteen parsers; otherwise the parsers run.
///
/// Every label begins with an ASCII letter other than `k`, and the only
/// non-ASCII character that lower-cases to a single ASCII letter is the
/// Kelvin sign (to `k`): a line that begins with a non-ASCII character
/// (`©` footers) has no label, without the parsers.
fn label(i: &str) -> IResult<&str, CreditKind> {
    let b = i.as_bytes();
    let no_label = || {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )))
    };
    let Some(&first) = b.first() else {
        return no_label();
    };
    if first >= 0x80 {
        return no_label();
    }
    let head = folded_head(b);
    // A high bit in the first LONGEST_LABEL bytes: not all ASCII.
    if head & ASCII_HEAD != 0 {
        return label_nom(i);
    }
    for (&(tag, kind), &(word, mask)) in LABELS.iter().zip(&LABEL_WORDS) {
        // The first letters first: most labels differ there.
        if head as u8 == word as u8
            && (head ^ word) & mask == 0
            && let Some(rest) = i.get(tag.len()..)
        {
            return Ok((rest, kind));
        }
    }
    no_label()
}

/// The high bits of the first [`LONGEST_LABEL`] bytes of a [`folded_head`].
const ASCII_HEAD: u128 = (1u128 << (8 * LONGEST_LABEL)) / 0xFF * 0x80;

/// [`LABELS`] as [`tag_word`]s, for [`label`].
const LABEL_WORDS: [(u128, u128); 18] = {
    let mut w = [(0, 0); 18];
    let mut k = 0;
    while k < LABELS.len() {
        // Only ever evaluated at compile time, where an index out of
        // bounds would fail the build, not a parse.
        #[allow(clippy::indexing_slicing)]
        {
            w[k] = tag_word(LABELS[k].0);
        }
        k += 1;
    }
    w
};

/// The first sixteen bytes of `b` (zeros past its end) as a `u128`, byte
/// `i` in bits `8 * i..`, with the ASCII upper-case letters lower-cased
/// (bit 5 set; no other byte changes): a line starts with a lower-case
/// ASCII tag of up to sixteen bytes, ignoring ASCII case, exactly where
/// the tag's bytes are equal to these ([`tag_word`]). A tag has no zero
/// byte, so a line shorter than the tag never matches. Eight lanes at a
/// time: a byte below 0x80 is `A..=Z` when adding 0x80 - `A` sets its high
/// bit and adding 0x80 - `[` does not (no sum carries out of its byte).
#[inline]
pub(crate) fn folded_head(b: &[u8]) -> u128 {
    const ONES: u128 = u128::MAX / 0xFF;
    const HIGH: u128 = ONES * 0x80;
    let x = crate::parse::swar::padded(b.get(..16).unwrap_or(b));
    let low = x & !HIGH;
    let from_a = low.wrapping_add(ONES * u128::from(0x80 - b'A'));
    let past_z = low.wrapping_add(ONES * u128::from(0x80 - b'Z' - 1));
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// A lower-case ASCII tag of at most sixteen bytes as the bytes of a
/// [`folded_head`] and the mask of its lanes.
pub(crate) const fn tag_word(tag: &str) -> (u128, u128) {
    let t = tag.as_bytes();
    let (mut word, mut mask) = (0u128, 0u128);
    let mut i = 0;
    while i < t.len() && i < 16 {
        // Only ever evaluated at compile time (an index out of bounds
        // would fail the build).
        #[allow(clippy::indexing_slicing)]
        {
            word |= (t[i] as u128) << (8 * i);
        }
        mask |= 0xFF << (8 * i);
        i += 1;
    }
    (word, mask)
}

fn label_nom(i: &str) -> IResult<&str, CreditKind> {
    use CreditKind::*;
    alt((
        value(Photo, tag_no_case("photographs")),
        value(Photo, tag_no_case("photograph")),
        value(Photo, tag_no_case("photos")),
        value(Photo, tag_no_case("photo")),
        value(Photo, tag_no_case("picture")),
        value(Photo, tag_no_case("fotos")),
        value(Photo, tag_no_case("foto")),
        value(Photo, tag_no_case("fot.")),
        value(Illustration, tag_no_case("illustration")),
        value(Illustration, tag_no_case("artwork")),
        value(Image, tag_no_case("images")),
        value(Image, tag_no_case("image")),
        value(Image, tag_no_case("bild")),
        value(Image, tag_no_case("imagen")),
        value(Graphic, tag_no_case("graphic")),
        value(Graphic, tag_no_case("grafik")),
        value(Video, tag_no_case("video")),
        value(Other, tag_no_case("credit")),
    ))
    .parse_complete(i)
}

fn separator(i: &str) -> IResult<&str, ()> {
    let (i, _) = space0(i)?;
    let (i, _) = alt((tag(":"), tag("/"), tag_no_case("by "))).parse_complete(i)?;
    let (i, _) = space0(i)?;
    Ok((i, ()))
}

fn labelled(i: &str) -> IResult<&str, CreditKind> {
    let (i, kind) = label(i)?;
    let (i, _) = separator(i)?;
    Ok((i, kind))
}

fn copyright(i: &str) -> IResult<&str, CreditKind> {
    let (i, _) = alt((tag("©"), tag_no_case("(c)"))).parse_complete(i)?;
    let (i, _) = space0(i)?;
    Ok((i, CreditKind::Other))
}

/// The blanks (spaces and tabs: `space0`) that `b` starts with.
fn blanks(b: &[u8]) -> usize {
    b.iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

/// `alt((labelled, copyright))` by bytes: the separator (`:`, `/` or
/// `by ` in any ASCII case, which only ASCII letters lower-case to) and the
/// signs (`©`, `(c)`) are ASCII or fixed bytes, and blanks are spaces and
/// tabs, so the parsers' combinators are not needed past the label. A line
/// that starts with a label starts with neither sign, so the order of the
/// two does not matter. Tests and debug builds compare the parsers.
fn head(line: &str) -> Option<(&str, CreditKind)> {
    if let Ok((rest, kind)) = label(line) {
        let b = rest.as_bytes();
        let at = blanks(b);
        let sep = match b.get(at..).unwrap_or(&[]) {
            [b':' | b'/', ..] => 1,
            [x, y, b' ', ..] if x | 0x20 == b'b' && y | 0x20 == b'y' => 3,
            _ => return None,
        };
        return Some((after(rest, at + sep)?, kind));
    }
    let sign = match line.as_bytes() {
        [0xC2, 0xA9, ..] => 2,
        [b'(', c, b')', ..] if c | 0x20 == b'c' => 3,
        _ => return None,
    };
    Some((after(line, sign)?, CreditKind::Other))
}

/// `rest` past its first `at` bytes and the blanks after them.
fn after(rest: &str, at: usize) -> Option<&str> {
    let rest = rest.get(at..)?;
    rest.get(blanks(rest.as_bytes())..)
}

/// Recognises a whole trimmed line as an image credit.
pub(crate) fn credit(line: &str) -> Option<CreditLine> {
    if line.len() > 120 {
        return None;
    }
    let parsed = head(line);
    debug_assert_eq!(
        parsed,
        alt((labelled, copyright)).parse_complete(line).ok(),
        "{line:?}"
    );
    let (rest, kind) = parsed?;
    // The tests below all have to pass; the cheapest come first.
    let rest = rest.trim_start();
    let source = rest.trim_end();
    if source.is_empty() {
        return None;
    }
    // © lines with years and "All rights reserved" are legal footers, not credits.
    if kind == CreditKind::Other && source.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // At most 80 characters (a character is at least a byte).
    if source.len() > 80 && source.chars().count() > 80 {
        return None;
    }
    // A sentence is not a source: "Photo: the mayor opens the bridge."
    if source.ends_with('.') && source.split_whitespace().count() > 4 {
        return None;
    }
    Some(CreditLine {
        kind,
        source_at: line.len() - rest.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `line` and every prefix of it that ends on a character boundary.
    fn push_prefixes(lines: &mut Vec<String>, line: &str) {
        for n in 0..=line.len() {
            if let Some(p) = line.get(..n) {
                lines.push(p.to_string());
            }
        }
    }

    #[test]
    fn label_matches_the_parsers() {
        assert!(LABELS.iter().all(|(t, _)| t.len() <= LONGEST_LABEL));
        let mut lines: Vec<String> = Vec::new();
        for (t, _) in LABELS {
            for v in [
                t.to_string(),
                t.to_uppercase(),
                format!("{t}: x"),
                format!("x{t}"),
            ] {
                push_prefixes(&mut lines, &v);
            }
        }
        lines.extend(
            [
                "",
                "Foto: Müller",
                "FOTÖ",
                "Bïld: x",
                "crédit",
                "Ph",
                "© AFP",
                "©",
                "\u{212A}x",
                "\u{130}mage: x",
            ]
            .map(String::from),
        );
        for l in &lines {
            let fast = label(l).ok().map(|(r, k)| (r.len(), k));
            let nom = label_nom(l).ok().map(|(r, k)| (r.len(), k));
            assert_eq!(fast, nom, "{l:?}");
        }
    }

    /// [`folded_head`] is the plain lower-casing of the first sixteen
    /// bytes, on every byte value in every lane and at every length.
    #[test]
    fn folded_head_is_the_plain_fold() {
        let all: Vec<u8> = (0..=255u8).cycle().take(256 + 40).collect();
        for start in 0..256 {
            for len in 0..20 {
                let Some(b) = all.get(start..start + len) else {
                    continue;
                };
                let mut want = [0u8; 16];
                for (w, c) in want.iter_mut().zip(b) {
                    *w = c.to_ascii_lowercase();
                }
                assert_eq!(
                    folded_head(b),
                    u128::from_le_bytes(want),
                    "{len} bytes from {start}"
                );
            }
        }
        assert_eq!(ASCII_HEAD.to_le_bytes(), {
            let mut h = [0u8; 16];
            for x in h.iter_mut().take(LONGEST_LABEL) {
                *x = 0x80;
            }
            h
        });
    }

    /// What [`label`] assumes of a line that begins with a non-ASCII
    /// character, checked over every character.
    #[test]
    fn no_label_begins_with_a_non_ascii_character() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                assert!(
                    !l.is_ascii() || LABELS.iter().all(|(t, _)| !t.starts_with(l)),
                    "{c:?} lower-cases to a label's first letter"
                );
            }
        }
    }

    /// [`head`] is the parsers' `alt((labelled, copyright))`: every label
    /// and sign in both cases, with each separator and blanks around it,
    /// and their prefixes.
    #[test]
    fn head_matches_the_parsers() {
        let mut lines: Vec<String> = Vec::new();
        let starts = LABELS
            .iter()
            .flat_map(|(t, _)| [t.to_string(), t.to_uppercase()])
            .chain(["©", "(c)", "(C)", "(c", "c)", "( c)"].map(String::from));
        for start in starts {
            for sep in [
                ":", "/", "by ", "BY ", "bY ", "by", "by\t", "-", "", "|", " by ", "b y ",
            ] {
                for (pad, tail) in [("", ""), (" ", " AFP"), ("\t ", "x"), ("  ", " \t")] {
                    push_prefixes(&mut lines, &format!("{start}{pad}{sep}{pad}{tail}"));
                }
            }
        }
        lines.extend(
            [
                "",
                "Foto: Müller",
                "Bïld: x",
                "\u{212A}x",
                "©",
                "© ",
                "Photo\u{a0}: x",
            ]
            .map(String::from),
        );
        for l in &lines {
            let parsers = alt((labelled, copyright)).parse_complete(l.as_str()).ok();
            assert_eq!(head(l), parsers, "{l:?}");
        }
    }

    fn kind_source(line: &str) -> Option<(CreditKind, &str)> {
        credit(line).map(|c| (c.kind, line.get(c.source_at..).unwrap_or("")))
    }

    #[test]
    fn credits() {
        assert_eq!(
            kind_source("Photo: Reuters"),
            Some((CreditKind::Photo, "Reuters"))
        );
        assert_eq!(
            kind_source("Illustration: Lau Ka-kuen"),
            Some((CreditKind::Illustration, "Lau Ka-kuen"))
        );
        assert_eq!(
            kind_source("Photograph: AP"),
            Some((CreditKind::Photo, "AP")),
            "photograph before photo"
        );
        assert_eq!(
            kind_source("Image: Getty Images"),
            Some((CreditKind::Image, "Getty Images"))
        );
        assert_eq!(
            kind_source("Foto: dpa"),
            Some((CreditKind::Photo, "dpa")),
            "German"
        );
        assert_eq!(
            kind_source("Photo by Jane Roe"),
            Some((CreditKind::Photo, "Jane Roe")),
            "by form"
        );
        assert_eq!(
            kind_source("© AFP"),
            Some((CreditKind::Other, "AFP")),
            "copyright sign"
        );
    }

    #[test]
    fn not_credits() {
        assert_eq!(
            credit("Photographers gathered at the gate."),
            None,
            "no separator"
        );
        assert_eq!(credit("Photo:"), None, "no source");
        assert_eq!(
            credit("© 2024 Example Media Ltd. All rights reserved."),
            None,
            "legal line"
        );
        assert_eq!(
            credit("Image: the mayor opens the bridge over the river."),
            None,
            "a sentence"
        );
    }
}
