//! A person's name on its own line, as under a pull quote.
//!
//! ```text
//! name = word (ws word){1,4} ["," ws role]
//! word = an upper-case letter then letters, "-", "'", "." | a particle (de, van, von, bin...)
//! ```
//! `Antony Blinken`, `Ursula von der Leyen`, `Elena Marsh, mayor`.

use crate::parse::swar::{in_range, load16};
use wide::i8x16;

const PARTICLES: &[&str] = &[
    "de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "el", "y", "ten",
    "ter",
];

/// Recognises a whole trimmed line as a person's name (with an optional role
/// after a comma).
///
/// Inlined: its callers ask it of many lines, and most fail the length or
/// the first byte.
#[inline]
pub(crate) fn name(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    // The first word starts upper case or is a particle (lower-case ASCII):
    // a line that starts with any other ASCII byte but a space is none.
    match line.as_bytes().first() {
        Some(&b)
            if b.is_ascii_uppercase()
                || !b.is_ascii()
                || b.is_ascii_whitespace()
                || b == 0x0B
                || PARTICLE_STARTS & (1 << b) != 0 => {}
        _ => return false,
    }
    name_from_start(line)
}

/// The first bytes of [`PARTICLES`], a bit each.
#[allow(clippy::indexing_slicing)] // `k < PARTICLES.len()`, and `get` is not const
const PARTICLE_STARTS: u128 = {
    let mut m = 0u128;
    let mut k = 0;
    while k < PARTICLES.len() {
        if let Some(&b) = PARTICLES[k].as_bytes().first() {
            m |= 1 << b;
        }
        k += 1;
    }
    m
};

/// [`name`] past its checks of the length and the first byte.
///
/// Only the first sixteen bytes' verdict here, which tells most lines:
/// the rest is [`name_past_start`]'s, apart, so that this one's body is
/// small and saves few registers.
fn name_from_start(line: &str) -> bool {
    start_verdict::<1>(line).unwrap_or_else(|| name_past_start(line))
}

/// [`name_from_start`] where the first sixteen bytes do not tell it.
#[inline(never)]
fn name_past_start(line: &str) -> bool {
    // A longer first word or more of them: thirty-two bytes.
    (line.len() > 16)
        .then(|| start_verdict::<2>(line))
        .flatten()
        .or_else(|| ascii_verdict(line))
        .unwrap_or_else(|| name_after_start(line))
}

/// The classes of the sixteen bytes of `b` from `at` (zeros past its end)
/// that [`start_verdict`] reads, byte `i` as bit `i`: white space, a
/// comma, a non-ASCII byte, an upper-case letter, and a letter or a mark
/// of a name's word. SSE2 compares and range tests ([`in_range`]).
#[inline(always)]
fn classes(b: &[u8], at: usize) -> [u64; 5] {
    let x = i8x16::from_ne_bytes(load16(b, at));
    let within = |y: i8x16, lo: u8, len: u8| u64::from(in_range(y, lo, len).to_bitmask());
    let eq = |c: u8| u64::from(x.simd_eq(i8x16::splat(c as i8)).to_bitmask());
    [
        eq(b' ') | within(x, b'\t', 5),
        eq(b','),
        // Zeros past the end have no sign bit.
        u64::from(x.to_bitmask()),
        within(x, b'A', 26),
        within(x | i8x16::splat(0x20), b'a', 26) | eq(b'-') | eq(b'\'') | eq(b'.'),
    ]
}

/// The verdict of [`name_after_start`] where the line's first `16 *
/// CHUNKS` bytes tell it, `None` for the rest. Their bytes are classed by
/// [`classes`] and each word is found by its bits, not read byte by byte:
/// the words up to the first comma or non-ASCII byte (or the line's end)
/// that white space, that comma or the end closes are judged in order, as
/// [`ascii_verdict`] judges them, and the first that is no name's word (or
/// the sixth) says `Some(false)`. If all pass: a line of at most that many
/// ASCII bytes without a comma is a name if it has two to five words; a
/// comma after them leaves the role's test; a non-ASCII character that
/// starts a word after them is no name's if it is neither upper case nor
/// white space. Most lines asked (prose under a quote, titles, menu
/// items) are told by the first sixteen bytes.
fn start_verdict<const CHUNKS: usize>(line: &str) -> Option<bool> {
    let b = line.as_bytes();
    let width = 16 * CHUNKS;
    let n = b.len().min(width);
    let mut m = [0u64; 5];
    for chunk in 0..CHUNKS {
        for (all, lanes) in m.iter_mut().zip(classes(b, 16 * chunk)) {
            *all |= lanes << (16 * chunk);
        }
    }
    let [ws, comma, high, upper, word] = m;
    let valid = (1u64 << n) - 1;
    let (ws, comma) = (ws & valid, comma & valid);
    // Where the ASCII start ends: the first comma or non-ASCII byte.
    let stops = comma | high;
    let lim = if stops == 0 {
        n as u32
    } else {
        stops.trailing_zeros()
    };
    let before = (1u64 << lim) - 1;
    let at_comma = comma >> lim & 1 != 0;
    // The bytes that end a word the start judges.
    let mut closers = ws & before;
    if stops == 0 && b.len() <= width {
        closers |= 1 << n;
    } else if at_comma {
        closers |= 1 << lim;
    }
    let sep = ws | comma;
    let mut starts = !sep & ((sep << 1) | 1) & before;
    let mut words = 0;
    while starts != 0 {
        let s = starts.trailing_zeros();
        starts &= starts - 1;
        let after = closers & !((2u64 << s) - 1);
        if after == 0 {
            return None;
        }
        let e = after.trailing_zeros();
        words += 1;
        if words > 5 {
            return Some(false);
        }
        let ok = if upper >> s & 1 != 0 {
            // An upper-case letter, then letters and marks up to the end.
            let rest = ((1u64 << e) - 1) & !((2u64 << s) - 1);
            rest & !word == 0
        } else {
            // A particle has three bytes at most: a longer word is none,
            // told without a look at its bytes.
            e - s <= 3 && b.get(s as usize..e as usize).is_some_and(is_particle)
        };
        if !ok {
            return Some(false);
        }
    }
    let lim = lim as usize;
    if stops == 0 {
        // The whole line, if it is that short, is read.
        return (b.len() <= width).then_some((2..=5).contains(&words));
    }
    if at_comma {
        // Every word before the comma is read: the name's part is told.
        let role = line.get(lim + 1..).unwrap_or("").trim();
        return Some((2..=5).contains(&words) && role_ok(role));
    }
    // A non-ASCII character at a word's start (no word is open before it).
    if lim == 0 || sep >> (lim - 1) & 1 != 0 {
        let first = line.get(lim..).and_then(|r| r.chars().next());
        if first.is_some_and(|c| !c.is_whitespace() && !c.is_uppercase()) {
            return Some(false);
        }
    }
    None
}

/// [`name`] past its checks of the length, the first byte and the ASCII
/// start.
fn name_after_start(line: &str) -> bool {
    let (who, role) = match line.split_once(',') {
        Some((w, r)) => (w, Some(r.trim())),
        None => (line, None),
    };
    if role.is_some_and(|r| !role_ok(r)) {
        return false;
    }
    let words = if who.is_ascii() {
        ascii_words(who.as_bytes())
    } else {
        words(who)
    };
    words.is_some_and(|n| (2..=5).contains(&n))
}

/// A role after a name's comma, trimmed: not empty, at most 70 characters
/// (a role of at most 70 bytes has at most 70 characters).
fn role_ok(r: &str) -> bool {
    !(r.is_empty() || (r.len() > 70 && r.chars().count() > 70))
}

/// The verdict of [`name_after_start`] where the line's start tells it:
/// `Some(false)` at a word of the ASCII start (before the first comma and
/// the first non-ASCII byte) that is no name's, or at a word that starts
/// with a character neither upper case nor white space; `Some` of whether
/// there are two to five words for an ASCII line without a comma, read to
/// its end; `None` for the rest. Most lines (prose) fail at their second
/// word, and this reads no further. Each word judged here is one of the
/// words [`words`] reads too (the same white space bounds it), so its
/// verdict is theirs.
fn ascii_verdict(line: &str) -> Option<bool> {
    let bytes = line.as_bytes();
    let mut words = 0;
    let mut start = 0;
    for (p, &b) in bytes.iter().enumerate() {
        let end = matches!(b, b' ' | b'\t'..=b'\r' | b',');
        if !end {
            if b.is_ascii() {
                continue;
            }
            // A word that starts with this character is a particle (never:
            // they are ASCII) or starts upper case.
            let first = line.get(p..).and_then(|r| r.chars().next());
            if p == start && first.is_some_and(|c| !c.is_whitespace() && !c.is_uppercase()) {
                return Some(false);
            }
            return None;
        }
        if let Some(w) = bytes.get(start..p)
            && !w.is_empty()
        {
            words += 1;
            if words > 5 || !ascii_word_ok(w) {
                return Some(false);
            }
        }
        if b == b',' {
            return None;
        }
        start = p + 1;
    }
    // The whole line is ASCII words, without a comma: all its words are read.
    if let Some(w) = bytes.get(start..)
        && !w.is_empty()
    {
        words += 1;
        if words > 5 || !ascii_word_ok(w) {
            return Some(false);
        }
    }
    Some((2..=5).contains(&words))
}

/// One ASCII word of a name: a particle or an upper-case letter then
/// letters, `-`, `'` or `.`.
fn ascii_word_ok(w: &[u8]) -> bool {
    let [first, rest @ ..] = w else { return true };
    // A particle is lower case: an upper-case word is none.
    if !first.is_ascii_uppercase() {
        return is_particle(w);
    }
    rest.iter()
        .all(|&c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'\'' | b'.'))
}

/// One of [`PARTICLES`], matched by length and bytes (a test checks the
/// two lists are one).
fn is_particle(w: &[u8]) -> bool {
    matches!(
        w,
        b"de"
            | b"da"
            | b"del"
            | b"der"
            | b"di"
            | b"du"
            | b"la"
            | b"le"
            | b"van"
            | b"von"
            | b"bin"
            | b"al"
            | b"el"
            | b"y"
            | b"ten"
            | b"ter"
    )
}

/// The words of a name: at most five, each a particle or an upper-case
/// letter then letters, `-`, `'`, `’` or `.`; `None` if any is not.
fn words(who: &str) -> Option<u32> {
    let mut words = 0;
    for w in who.split_whitespace() {
        words += 1;
        // A sixth word makes it no name, whatever it is.
        if words > 5 {
            return None;
        }
        // A particle is lower case: an upper-case word is none.
        let mut cs = w.chars();
        if !cs.next().is_some_and(char::is_uppercase) {
            if PARTICLES.contains(&w) {
                continue;
            }
            return None;
        }
        if !cs.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')) {
            return None;
        }
    }
    Some(words)
}

/// [`words`] for ASCII text, byte by byte: the same white space (`\t` to
/// `\r` and the space), letters and marks.
fn ascii_words(who: &[u8]) -> Option<u32> {
    let mut words = 0;
    for w in who
        .split(|&b| matches!(b, b' ' | b'\t'..=b'\r'))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if words > 5 || !ascii_word_ok(w) {
            return None;
        }
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(name("Antony Blinken"), "two words");
        assert!(name("Ursula von der Leyen"), "particles");
        assert!(
            name("Elena Marsh, mayor of Harrowmere"),
            "role after a comma"
        );
        assert!(name("Jean-Luc O’Neill"), "hyphen and apostrophe");
        assert!(name("van der Berg Anna"), "a particle first");
        assert!(name("Élodie Durand"), "a non-ASCII capital first");
    }

    #[test]
    fn ascii_words_are_the_general_words() {
        for who in [
            "Antony Blinken",
            "Ursula von der Leyen",
            "  Anna\tBerg\x0bRoe\x0cLee\rMay\nKim ",
            "Jean-Luc O'Neill Jr.",
            "de la Cruz",
            "Anna",
            "",
            "A B C D E F",
            "Anna 2024",
            "Anna\x1fBerg",
            "Anna_Berg Roe",
            "anna Berg",
        ] {
            assert_eq!(
                ascii_words(who.as_bytes()),
                words(who),
                "same verdict on {who:?}"
            );
        }
    }

    #[test]
    fn the_ascii_start_judges_as_the_words_do() {
        let mut lines = vec![
            "Antony Blinken".to_string(),
            "Ursula von der Leyen, president".to_string(),
            "The council met on Monday".to_string(),
            "Anna Berg Roe Lee May Kim".to_string(),
            "Anna Berg Roe Lee May Kim, all".to_string(),
            "Anna Berg Roe Lee May, Kim".to_string(),
            "Anna\u{a0}berg Roe".to_string(),
            "Anna berg\u{a0}Roe".to_string(),
            "Élodie durand".to_string(),
            "Anna, mayor of the town".to_string(),
            "Anna 2024, mayor".to_string(),
            "Anna\x0bberg".to_string(),
            "Anna  \t berg ".to_string(),
            "de la Cruz".to_string(),
            "de la cruz Anna".to_string(),
            "Jean-Luc O’Neill".to_string(),
            "O’neill anna".to_string(),
            ", Anna".to_string(),
            "Anna,".to_string(),
            " anna Berg".to_string(),
        ];
        // Every short mix of name words, particles and signs.
        let parts = [
            "Anna", "berg", "de", ",", " ", "\t", "é", "Ö", "2", "O'N", "-", "“", "\u{a0}", "ß",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        lines.push(format!("A{a}{b}{c}{d}"));
                        lines.push(format!("Anna {a}{b} {c}{d}"));
                        lines.push(format!("{a}{b} {c}{d}"));
                        // Past the first sixteen bytes.
                        lines.push(format!("Annabelle Bergmann{a}{b} {c}{d} Roe"));
                    }
                }
            }
        }
        // Roles at the bounds of their length, in bytes and in characters.
        for role in [
            "x".repeat(70),
            "x".repeat(71),
            "é".repeat(36),
            "é".repeat(71),
            "\u{a0}".to_string(),
            " \t ".to_string(),
        ] {
            lines.push(format!("Anna Berg,{role}"));
            lines.push(format!("Anna, {role}"));
        }
        // Every character up to U+0250 and a few more, at the start, in a
        // word and between words.
        for ch in (0..0x250u32).chain([0x2019, 0x201C, 0x3000, 0x4E2D]) {
            let Some(ch) = char::from_u32(ch) else {
                continue;
            };
            for line in [
                format!("{ch}nna Berg"),
                format!("Anna B{ch}rg Roe"),
                format!("Anna{ch}berg Roe"),
                format!("Anna Berg{ch}"),
                format!("de{ch}la Cruz Anna"),
                format!("Anna Berg Roe Lee{ch}May Kim"),
            ] {
                lines.push(line);
            }
        }
        let mut told = 0;
        for line in &lines {
            if let Some(v) = ascii_verdict(line) {
                assert_eq!(v, name_after_start(line), "{line:?}");
            }
            if let Some(v) = start_verdict::<1>(line) {
                assert_eq!(v, name_after_start(line), "the start's verdict on {line:?}");
                told += 1;
            }
            if let Some(v) = start_verdict::<2>(line) {
                assert_eq!(v, name_after_start(line), "the wider verdict on {line:?}");
            }
            if line.len() <= 120 {
                assert_eq!(name_from_start(line), name_after_start(line), "{line:?}");
            }
        }
        assert!(told > lines.len() / 4, "told: {told} of {}", lines.len());
        assert_eq!(start_verdict::<1>("The council met on Monday"), Some(false));
        assert_eq!(start_verdict::<1>("A B C D E F"), Some(false));
        assert_eq!(start_verdict::<1>("Anna Berg"), Some(true));
        assert_eq!(start_verdict::<1>("Home"), Some(false));
        assert_eq!(start_verdict::<1>("Anna Berg, mayor"), Some(true));
        assert_eq!(start_verdict::<1>("Anna Berg, "), Some(false));
        assert_eq!(start_verdict::<1>("Anna berg, mayor"), Some(false));
        assert_eq!(start_verdict::<1>("“Anna Berg”"), Some(false));
        assert_eq!(start_verdict::<1>("Anna Élodie"), None);
        assert_eq!(start_verdict::<1>("Ursula von der Leyen"), None);
        assert_eq!(start_verdict::<2>("Ursula von der Leyen"), Some(true));
        assert_eq!(start_verdict::<2>("The Kingsreach Post"), Some(true));
        assert_eq!(
            start_verdict::<2>("The Kingsreach Post reports on"),
            Some(false)
        );
        assert_eq!(
            start_verdict::<2>("Annabelle Bergmann-Roe, mayor"),
            Some(true)
        );
        assert_eq!(ascii_verdict("The council met"), Some(false));
        assert_eq!(ascii_verdict("Anna Berg"), Some(true));
        assert_eq!(ascii_verdict("Anna Berg, mayor"), None);
        assert_eq!(ascii_verdict("“Anna Berg”"), Some(false));
        assert_eq!(ascii_verdict("Élodie Durand"), None);
    }

    #[test]
    fn particles_match_their_list() {
        for p in PARTICLES {
            assert!(is_particle(p.as_bytes()), "{p}");
        }
        let mut all = Vec::new();
        for a in b'a'..=b'z' {
            all.push(vec![a]);
            for b in b'a'..=b'z' {
                all.push(vec![a, b]);
                for c in b'a'..=b'z' {
                    all.push(vec![a, b, c]);
                }
            }
        }
        for w in all {
            let listed = PARTICLES.iter().any(|p| p.as_bytes() == w);
            assert_eq!(is_particle(&w), listed, "{w:?}");
        }
        for b in 0..128u8 {
            let starts = PARTICLES.iter().any(|p| p.as_bytes().first() == Some(&b));
            assert_eq!(PARTICLE_STARTS & (1 << b) != 0, starts, "{b}");
        }
    }

    #[test]
    fn not_names() {
        assert!(!name("Blinken"), "one word");
        assert!(!name("the top supplier"), "lower case");
        assert!(!name("Photo 2024"), "digits");
        assert!(!name("“Anna Berg”"), "a quote mark first");
        assert!(!name("2024 Anna Berg"), "a digit first");
        assert!(
            !name("We Will Not Wait Another Winter Ever"),
            "too many words"
        );
    }
}
