//! The shape of a line: length in characters, words, script and how it ends.
//! Computed from bytes in one pass, so it costs about as much as reading the
//! line; no word lists, so it works the same in every language.

/// The measured shape of one trimmed line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Shape {
    /// Characters (Unicode scalar values).
    pub chars: u32,
    /// Space-separated words (1 for a line without spaces).
    pub words: u32,
    /// Characters of Chinese, Japanese or Korean script (3-byte UTF-8 in
    /// U+3000..U+9FFF and Hangul).
    pub cjk: u32,
    /// Ends like a sentence: `.`, `!`, `?`, `…`, `。`, `！`, `？` (before any
    /// closing quotes or brackets).
    pub sentence_end: bool,
    /// Ends with `:` or `;` (introduces what follows).
    pub colon_end: bool,
    /// ASCII digits.
    pub digits: u32,
    /// Sentence breaks inside the line (". " followed by more text, "。").
    pub inner_stops: u32,
    /// The first letter is upper case.
    pub upper_start: bool,
}

impl Shape {
    /// Length that counts a CJK character as about two Latin ones, so that
    /// thresholds in characters serve both scripts.
    pub(crate) fn weight(&self) -> u32 {
        self.chars + self.cjk
    }
}

/// Measures a trimmed line.
pub(crate) fn shape(line: &str) -> Shape {
    let bytes = line.as_bytes();
    let mut chars = 0u32;
    let mut spaces = 0u32;
    let mut cjk = 0u32;
    let mut digits = 0u32;
    let mut inner_stops = 0u32;
    let mut prev = 0u8;
    for &b in bytes {
        chars += u32::from((b & 0xC0) != 0x80);
        spaces += u32::from(b == b' ');
        cjk += u32::from((0xE3..=0xED).contains(&b));
        digits += u32::from(b.is_ascii_digit());
        inner_stops += u32::from(b == b' ' && matches!(prev, b'.' | b'!' | b'?'));
        prev = b;
    }
    // "。" is E3 80 82, "！" EF BC 81, "？" EF BC 9F.
    inner_stops += memchr::memmem::find_iter(bytes, "。".as_bytes()).count() as u32;
    let last = line
        .trim_end_matches([
            '"', '\'', '”', '’', '»', ')', ']', '）', '」', '』', '*', '_',
        ])
        .chars()
        .next_back();
    let sentence_end = matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？'));
    let colon_end = matches!(last, Some(':' | ';' | '：'));
    let upper_start = line
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    Shape {
        chars,
        words: spaces + 1,
        cjk,
        sentence_end,
        colon_end,
        digits,
        inner_stops,
        upper_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_latin_lines() {
        let s = shape("Putin called for stronger trade. Then he left.");
        assert_eq!(s.chars, 46);
        assert_eq!(s.words, 8);
        assert!(s.sentence_end, "ends with a period");
        assert_eq!(s.inner_stops, 1, "one stop inside");
        assert!(s.upper_start);
    }

    #[test]
    fn closing_quotes_do_not_hide_the_end() {
        assert!(
            shape("He said “no.”").sentence_end,
            "period inside closing quote"
        );
        assert!(!shape("Deep dives").sentence_end, "label");
        assert!(shape("as follows:").colon_end, "colon");
    }

    #[test]
    fn measures_cjk_lines() {
        let s = shape("市民可骑行四十公里。");
        assert_eq!(s.chars, 10);
        assert_eq!(s.cjk, 10, "the full stop is CJK punctuation too");
        assert!(s.sentence_end, "CJK full stop");
    }
}
