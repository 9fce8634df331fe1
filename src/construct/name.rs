//! A person's name on its own line, as under a pull quote.
//!
//! ```text
//! name = word (ws word){1,4} ["," ws role]
//! word = an upper-case letter then letters, "-", "'", "." | a particle (de, van, von, bin...)
//! ```
//! `Antony Blinken`, `Ursula von der Leyen`, `Elena Marsh, mayor`.

const PARTICLES: &[&str] = &[
    "de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "el", "y", "ten",
    "ter",
];

/// Recognises a whole trimmed line as a person's name (with an optional role
/// after a comma).
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
                || PARTICLES.iter().any(|p| p.as_bytes().first() == Some(&b)) => {}
        _ => return false,
    }
    !ascii_prefix_fails(line.as_bytes()) && name_after_start(line)
}

/// [`name`] past its checks of the length and the first byte.
fn name_after_start(line: &str) -> bool {
    let (who, role) = match line.split_once(',') {
        Some((w, r)) => (w, Some(r.trim())),
        None => (line, None),
    };
    // A role of at most 70 bytes has at most 70 characters.
    if role.is_some_and(|r| r.is_empty() || (r.len() > 70 && r.chars().count() > 70)) {
        return false;
    }
    let words = if who.is_ascii() {
        ascii_words(who.as_bytes())
    } else {
        words(who)
    };
    words.is_some_and(|n| (2..=5).contains(&n))
}

/// Whether a word of the line's ASCII start (before its first comma and its
/// first non-ASCII byte) makes it no name, as [`ascii_words`] judges words:
/// most lines (prose) fail at their second word, and this reads no further.
/// Such a word is one of the words [`words`] reads too (the same white space
/// bounds it), so its verdict is theirs.
fn ascii_prefix_fails(line: &[u8]) -> bool {
    let mut words = 0;
    let mut start = 0;
    for (p, &b) in line.iter().enumerate() {
        let end = matches!(b, b' ' | b'\t'..=b'\r' | b',');
        if !end {
            if b.is_ascii() {
                continue;
            }
            return false;
        }
        if let Some(w) = line.get(start..p)
            && !w.is_empty()
        {
            words += 1;
            if words > 5 || !ascii_word_ok(w) {
                return true;
            }
        }
        if b == b',' {
            return false;
        }
        start = p + 1;
    }
    false
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
    fn the_ascii_start_rejects_only_what_the_words_reject() {
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
            "Anna", "berg", "de", ",", " ", "\t", "é", "Ö", "2", "O'N", "-",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        lines.push(format!("A{a}{b}{c}{d}"));
                        lines.push(format!("Anna {a}{b} {c}{d}"));
                    }
                }
            }
        }
        for line in &lines {
            if ascii_prefix_fails(line.as_bytes()) {
                assert!(!name_after_start(line), "{line:?} is a name");
            }
        }
        assert!(ascii_prefix_fails(b"The council met"));
        assert!(!ascii_prefix_fails(b"Anna Berg"));
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
