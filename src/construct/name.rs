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
        if words > 5 {
            return None;
        }
        let [first, rest @ ..] = w else { continue };
        // A particle is lower case: an upper-case word is none.
        if !first.is_ascii_uppercase() {
            if PARTICLES.iter().any(|p| p.as_bytes() == w) {
                continue;
            }
            return None;
        }
        if !rest
            .iter()
            .all(|&c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'\'' | b'.'))
        {
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
