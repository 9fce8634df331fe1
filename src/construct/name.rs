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
    let mut words = 0;
    for w in who.split_whitespace() {
        words += 1;
        // A sixth word makes it no name, whatever it is.
        if words > 5 {
            return false;
        }
        if PARTICLES.contains(&w) {
            continue;
        }
        let mut cs = w.chars();
        if !cs.next().is_some_and(char::is_uppercase) {
            return false;
        }
        if !cs.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')) {
            return false;
        }
    }
    (2..=5).contains(&words)
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
