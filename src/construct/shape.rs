//! The shape of a line: length in characters, words, script and how it ends.
//! Computed from bytes in one pass, so it costs about as much as reading the
//! line; no word lists, so it works the same in every language.

/// The measured shape of one trimmed line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Shape {
    /// Characters (Unicode scalar values).
    pub chars: u32,
    /// Space-separated words (1 for a line without spaces), at most
    /// `u16::MAX`: the counts below saturate so that a classified line stays
    /// small (see `parse::classify::Classified`).
    pub words: u16,
    /// Characters of Chinese, Japanese or Korean script (3-byte UTF-8 in
    /// U+3000..U+9FFF and Hangul).
    pub cjk: u32,
    /// Ends like a sentence: `.`, `!`, `?`, `…`, `。`, `！`, `？` (before any
    /// closing quotes or brackets).
    pub sentence_end: bool,
    /// Ends with `:` or `;` (introduces what follows).
    pub colon_end: bool,
    /// ASCII digits, at most `u16::MAX`.
    pub digits: u16,
    /// Sentence breaks inside the line (". " followed by more text, "。").
    /// At most `u16::MAX`.
    pub inner_stops: u16,
    /// The first letter is upper case.
    pub upper_start: bool,
    /// The first letter has no case (Arabic, Hebrew, Hangul, Thai, CJK...).
    pub caseless_start: bool,
}

impl Shape {
    /// Length that counts a CJK character as about two Latin ones, so that
    /// thresholds in characters serve both scripts.
    pub(crate) fn weight(&self) -> u32 {
        self.chars + self.cjk
    }

    /// The line starts in lower case: it goes on from the line above, or
    /// it is not a title. A script without case (Arabic, Hangul, CJK) never
    /// does.
    pub(crate) fn lower_start(&self) -> bool {
        !self.upper_start && !self.caseless_start && self.cjk == 0
    }
}

/// Measures a trimmed line.
pub(crate) fn shape(line: &str) -> Shape {
    let bytes = line.as_bytes();
    let c = counts(bytes);
    let mut inner_stops = c.stops;
    // "。" is E3 80 82, so only where CJK lead bytes are (counted with
    // them); "！" is EF BC 81, "？" EF BC 9F.
    if c.cjk > 0 {
        inner_stops += c.full_stops;
    }
    let last = match bytes.last() {
        // The usual case: an ASCII last byte that is not a closing mark.
        Some(&b) if b.is_ascii() && !matches!(b, b'"' | b'\'' | b')' | b']' | b'*' | b'_') => {
            Some(char::from(b))
        }
        _ => last_unclosed(line),
    };
    let sentence_end = matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？'));
    let colon_end = matches!(last, Some(':' | ';' | '：'));
    let (upper_start, caseless_start) = match bytes.first() {
        // The usual case: an ASCII letter first.
        Some(b) if b.is_ascii_alphabetic() => (b.is_ascii_uppercase(), false),
        _ => first_letter_case(line),
    };
    let sat = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
    Shape {
        chars: c.chars,
        words: sat(c.spaces.saturating_add(1)),
        cjk: c.cjk,
        sentence_end,
        colon_end,
        digits: sat(c.digits),
        inner_stops: sat(inner_stops),
        upper_start,
        caseless_start,
    }
}

/// Closing quotes, brackets and emphasis marks, which a sentence may end
/// before.
const CLOSERS: [char; 12] = [
    '"', '\'', '”', '’', '»', ')', ']', '）', '」', '』', '*', '_',
];

/// The last character of `line` before any [`CLOSERS`]: a character at a
/// time from the end, without the generic pattern search.
fn last_unclosed(line: &str) -> Option<char> {
    let mut rest = line;
    loop {
        let c = rest.chars().next_back()?;
        if !CLOSERS.contains(&c) {
            return Some(c);
        }
        rest = rest.get(..rest.len() - c.len_utf8()).unwrap_or("");
    }
}

/// Whether the first letter of `line` is upper case, and whether it has
/// no case. CJK ideographs (the first character of most Chinese and
/// Japanese lines) and general punctuation (curly quotes, dashes) are
/// answered without the Unicode tables; the test checks both ranges
/// against them.
fn first_letter_case(line: &str) -> (bool, bool) {
    for c in line.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                return (c.is_ascii_uppercase(), false);
            }
            continue;
        }
        if is_ideograph(c) {
            return (false, true);
        }
        if is_general_punctuation(c) {
            continue;
        }
        if c.is_alphabetic() {
            return (c.is_uppercase(), !c.is_uppercase() && !c.is_lowercase());
        }
    }
    (false, false)
}

/// CJK Unified Ideographs: letters without case.
fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// General Punctuation: no letters.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// The byte counts of a line.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    chars: u32,
    spaces: u32,
    cjk: u32,
    digits: u32,
    /// A space after `.`, `!` or `?`.
    stops: u32,
    /// "。" (E3 80 82): counted with `cjk`, in the lines that have CJK lead
    /// bytes.
    full_stops: u32,
}

/// Bytes per block of the vector loop.
const LANES: usize = 16;

/// Blocks counted in `u8` lanes before they are summed (so that a lane
/// cannot overflow).
const GROUP: usize = 255;

/// Per-lane counts of up to [`GROUP`] blocks.
///
/// A space is counted as the byte after a lane (`next`), where a stop
/// needs it too: one compare serves both. Characters are counted as the
/// bytes that are not UTF-8 continuation bytes. CJK lead bytes are not
/// counted here: only a line with continuation bytes is searched for its
/// greatest byte, and only one with a byte as high as a CJK lead byte is
/// counted again for them (Latin lines never have one).
#[derive(Default)]
struct Lanes {
    /// Spaces in the byte after each lane.
    spaces: [u8; LANES],
    /// Bytes that are not ASCII digits (`counts` takes them from the
    /// length).
    not_digits: [u8; LANES],
    stops: [u8; LANES],
    /// Bytes that are not UTF-8 continuation bytes (0x80..=0xBF): the
    /// characters.
    chars: [u8; LANES],
}

impl Lanes {
    /// Counts one block; `next` is the block one byte further on (zeros
    /// past the end), for the spaces and the pairs. Sixteen independent
    /// lanes: the compiler makes this vector code. Lanes where `keep` is 0
    /// are not counted.
    #[inline(always)]
    fn add(&mut self, block: &[u8; LANES], next: &[u8; LANES], keep: &[u8; LANES]) {
        let lanes = self
            .spaces
            .iter_mut()
            .zip(self.not_digits.iter_mut())
            .zip(self.stops.iter_mut())
            .zip(self.chars.iter_mut())
            .zip(block.iter().zip(next).zip(keep));
        for ((((s, d), t), c), ((&b, &n), &m)) in lanes {
            let space_after = u8::from(n == b' ') & m;
            *s += space_after;
            // `0..=9` moved to the ten least `i8` values: one signed
            // compare (SSE2 has no unsigned one), `x > c`, which keeps the
            // constant (`c > x` needs a copy of it).
            *d += u8::from((b.wrapping_add(0x80 - b'0') as i8) > i8::MIN + 9) & m;
            *t += space_after & u8::from(is_stop(b));
            *c += u8::from(is_char_start(b)) & m;
        }
    }

    /// Adds the lanes to `into` (other bytes than digits to `digits`, to
    /// be taken from the length) and clears them.
    #[inline(always)]
    fn flush(&mut self, into: &mut Counts) {
        let sum = |lanes: &[u8; LANES]| lanes.iter().map(|&x| u32::from(x)).sum::<u32>();
        into.spaces += sum(&self.spaces);
        into.digits += sum(&self.not_digits);
        into.stops += sum(&self.stops);
        into.chars += sum(&self.chars);
        *self = Lanes::default();
    }
}

/// Lanes `16 - rest..16` set to 1, the others 0: which lanes of the last
/// sixteen bytes are the last `rest` (a load, not sixteen compares).
#[inline(always)]
fn tail_mask(rest: usize) -> [u8; LANES] {
    const RAMP: [u8; 2 * LANES] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1,
    ];
    RAMP.get(rest.min(LANES)..)
        .and_then(|r| r.first_chunk::<LANES>())
        .copied()
        .unwrap_or([1; LANES])
}

/// Lanes `0..len` set to 1, the others 0.
#[inline(always)]
fn head_mask(len: usize) -> [u8; LANES] {
    const RAMP: [u8; 2 * LANES] = [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0,
    ];
    RAMP.get(LANES - len.min(LANES)..)
        .and_then(|r| r.first_chunk::<LANES>())
        .copied()
        .unwrap_or([1; LANES])
}

/// Not a UTF-8 continuation byte (0x80..=0xBF).
#[inline(always)]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// Lead byte of U+3000..U+DFFF (E3..=ED): CJK ideographs, kana, Hangul.
#[inline(always)]
fn is_cjk_lead(b: u8) -> bool {
    b.wrapping_sub(0xE3) <= 0xED - 0xE3
}

#[inline(always)]
fn is_stop(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?')
}

/// Counts in one pass: blocks of sixteen bytes in vector lanes, the last
/// few in a block that overlaps the one before (masked); a short line in
/// one zero-padded block.
fn counts(bytes: &[u8]) -> Counts {
    let mut out = Counts::default();
    if bytes.len() <= LANES {
        // A short line (menus are many of them): one block, zero-padded,
        // its first lanes kept; the next block is the same one byte on.
        let block = crate::parse::swar::padded(bytes);
        let next = (block >> 8).to_le_bytes();
        let mut lanes = Lanes::default();
        lanes.add(&block.to_le_bytes(), &next, &head_mask(bytes.len()));
        lanes.flush(&mut out);
    } else {
        let mut lanes = Lanes::default();
        // The blocks that have a whole block one byte on: sixteen bytes of
        // `bytes` without its last byte and sixteen of it without its first,
        // in groups of GROUP blocks.
        let (Some(head), Some(tail)) = (bytes.get(..bytes.len() - 1), bytes.get(1..)) else {
            return out;
        };
        let pairs_of = |lanes: &mut Lanes, blocks: &[u8], nexts: &[u8]| {
            let pairs = blocks.chunks_exact(LANES).zip(nexts.chunks_exact(LANES));
            for (block, next) in pairs {
                if let (Some(block), Some(next)) = (block.first_chunk(), next.first_chunk()) {
                    lanes.add(block, next, &[1; LANES]);
                }
            }
        };
        // The last 1..=16 bytes: the last sixteen, counting the lanes not
        // yet counted; nothing follows the last byte.
        let last_block = |lanes: &mut Lanes, at: usize| {
            if let Some(last) = bytes.last_chunk::<LANES>() {
                // The same bytes one on: a shift, zero after the last.
                let next = (u128::from_le_bytes(*last) >> 8).to_le_bytes();
                lanes.add(last, &next, &tail_mask(bytes.len() - at));
            }
        };
        if head.len() < LANES * GROUP {
            // One group (most lines): no groups to walk, and the counts are
            // the lanes' sums (not added to counts of groups before).
            pairs_of(&mut lanes, head, tail);
            last_block(&mut lanes, head.len() / LANES * LANES);
            lanes.flush(&mut out);
        } else {
            // `at`: the bytes counted.
            let (mut start, mut at) = (0, 0);
            while start < head.len() {
                let end = (start + LANES * GROUP).min(head.len());
                let (Some(blocks), Some(nexts)) = (head.get(start..end), tail.get(start..end))
                else {
                    break;
                };
                pairs_of(&mut lanes, blocks, nexts);
                at += blocks.len() / LANES * LANES;
                if blocks.len() == LANES * GROUP {
                    lanes.flush(&mut out);
                }
                start = end;
            }
            last_block(&mut lanes, at);
            lanes.flush(&mut out);
        }
    }
    // Every byte is in a block: the first has no lane before it to count
    // it as a space.
    out.spaces += u32::from(bytes.first() == Some(&b' '));
    out.digits = (bytes.len() as u32).wrapping_sub(out.digits);
    let non_ascii = out.chars as usize != bytes.len();
    if non_ascii && bytes.iter().fold(0, |m, &b| m.max(b)) >= 0xE3 {
        (out.cjk, out.full_stops) = cjk_counts(bytes);
    }
    out
}

/// The CJK lead bytes ([`is_cjk_lead`]) of `bytes` and its "。" (E3 80 82):
/// blocks of sixteen bytes in `u8` lanes with the two blocks one and two
/// bytes on, the last few bytes one at a time.
fn cjk_counts(bytes: &[u8]) -> (u32, u32) {
    let n = bytes.len();
    let (mut leads, mut stops) = (0u32, 0u32);
    let mut at = 0;
    if let (Some(b0), Some(b1), Some(b2)) = (
        bytes.get(..n.saturating_sub(2)),
        bytes.get(1..n.saturating_sub(1)),
        bytes.get(2..),
    ) {
        let groups = b0
            .chunks(LANES * GROUP)
            .zip(b1.chunks(LANES * GROUP))
            .zip(b2.chunks(LANES * GROUP));
        for ((g0, g1), g2) in groups {
            let (mut lead_lanes, mut stop_lanes) = ([0u8; LANES], [0u8; LANES]);
            let blocks = g0
                .chunks_exact(LANES)
                .zip(g1.chunks_exact(LANES))
                .zip(g2.chunks_exact(LANES));
            for ((c0, c1), c2) in blocks {
                let lanes = lead_lanes
                    .iter_mut()
                    .zip(stop_lanes.iter_mut())
                    .zip(c0.iter().zip(c1).zip(c2));
                for ((l, s), ((&x, &y), &z)) in lanes {
                    *l += u8::from(is_cjk_lead(x));
                    *s += u8::from(x == 0xE3) & u8::from(y == 0x80) & u8::from(z == 0x82);
                }
            }
            let sum = |lanes: &[u8; LANES]| lanes.iter().map(|&x| u32::from(x)).sum::<u32>();
            leads += sum(&lead_lanes);
            stops += sum(&stop_lanes);
            at += g0.len() / LANES * LANES;
        }
    }
    let rest = bytes.get(at..).unwrap_or(&[]);
    for (i, &x) in rest.iter().enumerate() {
        leads += u32::from(is_cjk_lead(x));
        stops += u32::from(x == 0xE3 && rest.get(i + 1..i + 3) == Some(&[0x80, 0x82]));
    }
    (leads, stops)
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
    fn only_a_cased_letter_starts_in_lower_case() {
        assert!(shape("goes on from the line above").lower_start());
        assert!(!shape("Starts a sentence").lower_start());
        assert!(!shape("«Ça commence»").lower_start(), "after a quote mark");
        let arabic = shape("قال المجلس البلدي إن العبارة ستعود");
        assert!(arabic.caseless_start, "Arabic has no case");
        assert!(!arabic.lower_start(), "so it never starts in lower case");
        assert!(
            !shape("항구 위원회가 결정했다").lower_start(),
            "nor does Hangul"
        );
    }

    #[test]
    fn last_unclosed_is_the_last_character_after_trimming() {
        for line in [
            "",
            "\"",
            "He said “no.”",
            "(ok)]*_",
            "「好。」",
            "『x』）",
            "’’’",
            "a»",
            "Straße",
            "„Zitat“",
            "* _ *",
        ] {
            assert_eq!(
                last_unclosed(line),
                line.trim_end_matches(CLOSERS).chars().next_back(),
                "{line:?}"
            );
        }
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

    /// The counts one byte at a time, as the first version made them.
    fn naive(line: &str) -> Counts {
        let mut c = Counts::default();
        let mut prev = 0u8;
        for &b in line.as_bytes() {
            c.chars += u32::from((b & 0xC0) != 0x80);
            c.spaces += u32::from(b == b' ');
            c.cjk += u32::from((0xE3..=0xED).contains(&b));
            c.digits += u32::from(b.is_ascii_digit());
            c.stops += u32::from(b == b' ' && matches!(prev, b'.' | b'!' | b'?'));
            prev = b;
        }
        c.full_stops = line.matches('。').count() as u32;
        c
    }

    #[test]
    fn vector_counts_match_the_byte_loop() {
        let unit = "Rates rose. Then 12 fell! 市民可骑行。 Why? ";
        for n in 0..80 {
            // Every length around the block size, and a line of over 255
            // blocks for the lane flush.
            let line: String = unit.chars().cycle().take(n).collect();
            assert_eq!(counts(line.as_bytes()), naive(&line), "{n} chars");
        }
        let long = unit.repeat(200);
        assert_eq!(counts(long.as_bytes()), naive(&long), "long line");
        let spaces = ". ".repeat(3000);
        assert_eq!(counts(spaces.as_bytes()), naive(&spaces), "lanes near 255");
        // Around whole groups of 255 blocks (4080 bytes), where the lanes
        // are flushed before the last block.
        for n in [4079, 4080, 4081, 4082, 4096, 4097, 8160, 8161, 8162] {
            let line: String = ". 9".chars().cycle().take(n).collect();
            assert_eq!(counts(line.as_bytes()), naive(&line), "{n} bytes");
        }
        // "。" at every offset of the blocks and across whole groups.
        for n in (0..60).chain(1740..1780) {
            let line: String = "市。a".chars().cycle().take(n).collect();
            assert_eq!(counts(line.as_bytes()), naive(&line), "{n} CJK chars");
        }
    }

    #[test]
    fn vector_counts_match_the_byte_loop_on_every_byte() {
        // Every byte value in every lane (not UTF-8: the byte counts do not
        // need it), at lengths around the block size.
        let all: Vec<u8> = (0..=255u8).cycle().take(256 * 3 + 40).collect();
        for start in 0..17 {
            for len in (0..40).chain([255, 256, 257, 300]) {
                let Some(b) = all.get(start..start + len) else {
                    continue;
                };
                let c = counts(b);
                let digits = b.iter().filter(|c| c.is_ascii_digit()).count() as u32;
                let chars = b.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32;
                let spaces = b.iter().filter(|&&c| c == b' ').count() as u32;
                let cjk = b.iter().filter(|c| (0xE3..=0xED).contains(*c)).count() as u32;
                assert_eq!(
                    (c.digits, c.chars, c.spaces, c.cjk),
                    (digits, chars, spaces, cjk),
                    "{len} bytes from {start}"
                );
            }
        }
    }

    #[test]
    fn fast_ranges_agree_with_the_unicode_tables() {
        for c in ('\u{4E00}'..='\u{9FFF}').filter(|&c| is_ideograph(c)) {
            assert!(
                c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase(),
                "{c:?}"
            );
        }
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| is_general_punctuation(c)) {
            assert!(!c.is_alphabetic(), "{c:?}");
        }
        for line in [
            "“Quote” he said",
            "— Ça va",
            "市民",
            "«Ça»",
            "123 go",
            "…",
            "‘x’",
            "ⁱx",
        ] {
            let plain = line
                .chars()
                .find(|c| c.is_alphabetic())
                .map_or((false, false), |c| {
                    (c.is_uppercase(), !c.is_uppercase() && !c.is_lowercase())
                });
            assert_eq!(first_letter_case(line), plain, "{line}");
        }
    }

    #[test]
    fn measures_cjk_lines() {
        let s = shape("市民可骑行四十公里。");
        assert_eq!(s.chars, 10);
        assert_eq!(s.cjk, 10, "the full stop is CJK punctuation too");
        assert!(s.sentence_end, "CJK full stop");
    }
}
