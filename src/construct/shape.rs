//! The shape of a line: length in characters, words, script and how it ends.
//! Computed from bytes in one pass, so it costs about as much as reading the
//! line; no word lists, so it works the same in every language.

use wide::{i8x16, u8x16, u64x2};

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
    // The usual ends: an ASCII last byte that is not a closing mark, an
    // ASCII letter first; one table load each (`end_marks` tests the last
    // byte so too, but its loop in line here cost 0.13 M a pass more).
    let ascii_class = |b: Option<&u8>| b.and_then(|&b| ASCII_CLASS.get(usize::from(b))).copied();
    let (sentence_end, colon_end) = match ascii_class(bytes.last()) {
        Some(k) if k & CLOSER == 0 => (k & SENTENCE_END != 0, k & COLON_END != 0),
        _ => end_marks(bytes),
    };
    let (upper_start, caseless_start) = match ascii_class(bytes.first()) {
        Some(k) if k & LETTER != 0 => (k & UPPER != 0, false),
        _ => first_letter_case(line),
    };
    // Each count is at most the line's bytes (the words one more, the stops
    // and full stops distinct bytes), so on a line shorter than `u16::MAX`
    // bytes (all but a few) none saturates, and one test serves the three.
    let (words, digits, inner_stops) = if bytes.len() < usize::from(u16::MAX) {
        (c.spaces as u16 + 1, c.digits as u16, inner_stops as u16)
    } else {
        let sat = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
        (
            sat(c.spaces.saturating_add(1)),
            sat(c.digits),
            sat(inner_stops),
        )
    };
    Shape {
        chars: c.chars,
        words,
        cjk: c.cjk,
        sentence_end,
        colon_end,
        digits,
        inner_stops,
        upper_start,
        caseless_start,
    }
}

/// [`ASCII_CLASS`]: a sentence ends with the byte.
const SENTENCE_END: u8 = 1;
/// [`ASCII_CLASS`]: the byte ends a line that introduces what follows.
const COLON_END: u8 = 2;
/// [`ASCII_CLASS`]: one of the [`CLOSERS`].
const CLOSER: u8 = 4;
/// [`ASCII_CLASS`]: a letter.
const LETTER: u8 = 8;
/// [`ASCII_CLASS`]: an upper case letter.
const UPPER: u8 = 16;

/// What each ASCII byte says at an end of a line (the bits above), so that
/// the usual first and last bytes take a load, not a chain of compares.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut k = 0;
        if matches!(c, b'.' | b'!' | b'?') {
            k |= SENTENCE_END;
        }
        if matches!(c, b':' | b';') {
            k |= COLON_END;
        }
        if matches!(c, b'"' | b'\'' | b')' | b']' | b'*' | b'_') {
            k |= CLOSER;
        }
        if c.is_ascii_alphabetic() {
            k |= LETTER;
        }
        if c.is_ascii_uppercase() {
            k |= UPPER;
        }
        // `b < 128`, the length (const code has no `get_mut`).
        #[allow(clippy::indexing_slicing)]
        {
            t[b] = k;
        }
        b += 1;
    }
    t
};

/// Closing quotes, brackets and emphasis marks, which a sentence may end
/// before ([`end_marks`] reads them as bytes; the tests as characters).
#[cfg(test)]
const CLOSERS: [char; 12] = [
    '"', '\'', '”', '’', '»', ')', ']', '）', '」', '』', '*', '_',
];

/// Whether the last character of a line's `bytes` before any closing
/// quotes, brackets and emphasis marks (`"`, `'`, `”`, `’`, `»`, `)`, `]`,
/// `）`, `」`, `』`, `*`, `_`) ends a sentence (`.`, `!`, `?`, `…`, `。`, `！`, `？`) and whether it
/// introduces what follows (`:`, `;`, `：`), read off the bytes: the
/// non-ASCII closers and marks are two or three bytes each, and in UTF-8
/// a line ends with one exactly when it ends with its bytes, so no
/// character is decoded. (The tests compare the characters.)
fn end_marks(bytes: &[u8]) -> (bool, bool) {
    let mut b = bytes;
    loop {
        match *b {
            [.., x] if x < 0x80 => {
                let k = ASCII_CLASS.get(usize::from(x)).copied().unwrap_or(0);
                if k & CLOSER == 0 {
                    return (k & SENTENCE_END != 0, k & COLON_END != 0);
                }
                b = b.get(..b.len() - 1).unwrap_or(&[]);
            }
            // `»`.
            [ref head @ .., 0xC2, 0xBB] => b = head,
            // `”`, `’`, `）`, `」`, `』`.
            [ref head @ .., 0xE2, 0x80, 0x9D | 0x99]
            | [ref head @ .., 0xEF, 0xBC, 0x89]
            | [ref head @ .., 0xE3, 0x80, 0x8D | 0x8F] => b = head,
            // `…`, `。`, `！`, `？`.
            [.., 0xE2, 0x80, 0xA6] | [.., 0xE3, 0x80, 0x82] | [.., 0xEF, 0xBC, 0x81 | 0x9F] => {
                return (true, false);
            }
            // `：`.
            [.., 0xEF, 0xBC, 0x9A] => return (false, true),
            _ => return (false, false),
        }
    }
}

/// The last character of `line` before any [`CLOSERS`]: a character at a
/// time from the end, without the generic pattern search ([`end_marks`]
/// as the tests check it).
#[cfg(test)]
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

/// Bytes per block of the vector loops.
const LANES: usize = 16;

/// Blocks counted in the lanes before they are summed: sixteen lanes of
/// fifteen sum to a byte (see [`sums`]). Lines of more blocks are summed
/// by [`wide_sums`], every [`LONG_GROUP`] blocks.
const GROUP: usize = 15;

/// Sixteen bytes in SSE2 lanes, signed: SSE2 compares only signed bytes.
/// A class of bytes is a compare mask (-1 in the lanes of the class), and
/// a count subtracts the masks.
type Block = i8x16;

/// Sixteen bytes of the line as a block.
#[inline(always)]
fn block(bytes: &[u8; LANES]) -> Block {
    u8x16::new(*bytes).cast_signed()
}

/// Sixteen bytes in a `u128` (byte `i` in bits `8 * i..`) as a block.
#[inline(always)]
fn block_of(b: u128) -> Block {
    wide::bytemuck::cast(u64x2::new([b as u64, (b >> 64) as u64]))
}

/// The bytes of a short line (at most sixteen) and zeros after them, as a
/// block, and the block one byte on: the padded load that the line
/// features use too, and a shift of it in the scalar registers (the
/// compiler makes a slow lane shuffle of [`one_on`] there).
#[inline(always)]
fn short_blocks(bytes: &[u8]) -> (Block, Block) {
    let b = crate::parse::swar::padded(bytes);
    (block_of(b), block_of(b >> 8))
}

/// The block one byte on: lane `i` is lane `i + 1` of `v`, and the last
/// lane 0 (one `psrldq`, not a second load).
#[inline(always)]
fn one_on(v: Block) -> Block {
    let a = v.to_array();
    Block::new(core::array::from_fn(|i| a.get(i + 1).copied().unwrap_or(0)))
}

/// The lane sums of four counts of at most [`GROUP`] a lane, so that a
/// sum of sixteen lanes fits a byte: lanes interleaved and added in bytes,
/// a tree of SSE2 unpacks and adds (the compiler makes a scalar loop of
/// the plain sums, and `wide` has no `psadbw`).
#[inline(always)]
fn sums(a: Block, b: Block, c: Block, d: Block) -> [u32; 4] {
    let (a, b, c, d) = (
        a.cast_unsigned(),
        b.cast_unsigned(),
        c.cast_unsigned(),
        d.cast_unsigned(),
    );
    // Lane pairs of `a` and `b`, of `c` and `d`: two lanes in each byte.
    let ab = u8x16::unpack_low(a, b) + u8x16::unpack_high(a, b);
    let cd = u8x16::unpack_low(c, d) + u8x16::unpack_high(c, d);
    // Quads `a c b d`, four lanes in each byte.
    let quads = u8x16::unpack_low(ab, cd) + u8x16::unpack_high(ab, cd);
    let q: u64x2 = wide::bytemuck::cast(quads);
    let halves: u8x16 = wide::bytemuck::cast(q.unpack_hi(q));
    let eight = quads + halves;
    let e: u64x2 = wide::bytemuck::cast(eight);
    let words: [u32; 4] =
        wide::bytemuck::cast(eight + wide::bytemuck::cast::<u64x2, u8x16>(e >> 32));
    let [a, c, b, d] = words[0].to_le_bytes();
    [a, b, c, d].map(u32::from)
}

/// Blocks counted in the lanes of a long line before they are summed by
/// [`wide_sums`]: a lane holds up to 255, and the last block of the line
/// comes after the last group.
const LONG_GROUP: usize = 254;

/// [`sums`] of four counts of up to 255 a lane (a long line's
/// [`LONG_GROUP`] blocks and its last): each count's lanes added in pairs
/// as 16-bit lanes, those in pairs as 32-bit ones (`pmaddwd` by ones), and
/// the four counts' 32-bit lanes interleaved and added. A long line sums
/// its lanes once, not every [`GROUP`] blocks, for some twenty more
/// instructions than [`sums`].
#[inline(always)]
fn wide_sums(a: Block, b: Block, c: Block, d: Block) -> [u32; 4] {
    let ones = wide::i16x8::splat(1);
    let low = wide::u16x8::splat(0xFF);
    let pairs = |x: Block| -> wide::u32x4 {
        let w: wide::u16x8 = wide::bytemuck::cast(x);
        let s: wide::i16x8 = wide::bytemuck::cast((w >> 8) + (w & low));
        wide::bytemuck::cast(s.dot(ones))
    };
    let (a, b, c, d) = (pairs(a), pairs(b), pairs(c), pairs(d));
    // Lanes `a0+a2 b0+b2 a1+a3 b1+b3`, and the same of `c` and `d`.
    let ab: wide::u64x2 = wide::bytemuck::cast(a.unpack_lo(b) + a.unpack_hi(b));
    let cd: wide::u64x2 = wide::bytemuck::cast(c.unpack_lo(d) + c.unpack_hi(d));
    let lo: wide::u32x4 = wide::bytemuck::cast(ab.unpack_lo(cd));
    let hi: wide::u32x4 = wide::bytemuck::cast(ab.unpack_hi(cd));
    (lo + hi).to_array()
}

/// [`swar::tail_keep`](crate::parse::swar::tail_keep) as the lanes of a
/// block (-1 for the kept ones).
#[inline(always)]
fn tail_keep(rest: usize) -> Block {
    block(&crate::parse::swar::tail_keep(rest))
}

/// [`tail_keep`] of the last sixteen bytes of a line of `n > 16`: the
/// bytes after its whole blocks (1..=16 of them, as an index that needs no
/// bounds test).
#[inline(always)]
fn last_keep(n: usize) -> Block {
    tail_keep(((n - 1) & (LANES - 1)) + 1)
}

/// Per-lane counts of up to [`GROUP`] blocks.
///
/// A space is counted as the byte after a lane (`next`), where a stop
/// needs it too: one compare serves both. Characters are counted as the
/// bytes that are not UTF-8 continuation bytes. CJK lead bytes are not
/// counted here: only a line with a byte as high as a CJK lead byte
/// (`high`, one `pmaxub` a block) is counted again for them (Latin lines
/// never have one).
#[derive(Clone, Copy)]
struct Lanes {
    /// Spaces in the byte after each lane.
    spaces: Block,
    /// Bytes that are not ASCII digits (`counts` takes them from the
    /// lanes counted).
    not_digits: Block,
    stops: Block,
    /// Bytes that are not UTF-8 continuation bytes (0x80..=0xBF): the
    /// characters.
    chars: Block,
    /// The greatest byte of each lane, not cleared by a flush.
    high: u8x16,
}

impl Lanes {
    /// No blocks counted.
    const ZERO: Lanes = Lanes {
        spaces: Block::splat(0),
        not_digits: Block::splat(0),
        stops: Block::splat(0),
        chars: Block::splat(0),
        high: u8x16::splat(0),
    };

    /// Counts one block; `next` is the block one byte further on (zeros
    /// past the end), for the spaces and the pairs.
    #[inline(always)]
    fn add(&mut self, b: Block, next: Block) {
        let space = next.simd_eq(b' ' as i8);
        self.spaces -= space;
        // The bytes before a space (zero, no stop, in the other lanes): the
        // last compare may take the register, where the byte itself is
        // still wanted below (one copy fewer a block).
        let before_space = b & space;
        let stop = before_space.simd_eq(b'.' as i8)
            | before_space.simd_eq(b'!' as i8)
            | before_space.simd_eq(b'?' as i8);
        self.stops -= stop;
        // `0..=9` moved to the ten least `i8` values: one signed compare,
        // `x > c`, which keeps the constant (`c > x` needs a copy of it).
        let shifted = b + Block::splat((0x80 - b'0') as i8);
        self.not_digits -= shifted.simd_gt(i8::MIN + 9);
        // Not a continuation byte: at least -0x40 as `i8`.
        self.chars -= b.simd_gt(-0x41);
        self.high = self.high.max(b.cast_unsigned());
    }

    /// Adds the counts to `into` (other bytes than digits to `digits`, to
    /// be taken from the lanes counted) and clears them.
    #[inline(always)]
    fn flush(&mut self, into: &mut Counts) {
        let counts = sums(self.spaces, self.not_digits, self.stops, self.chars);
        self.take(into, counts);
    }

    /// [`flush`](Self::flush) of up to 255 blocks a lane ([`wide_sums`]).
    #[inline(always)]
    fn flush_wide(&mut self, into: &mut Counts) {
        let counts = wide_sums(self.spaces, self.not_digits, self.stops, self.chars);
        self.take(into, counts);
    }

    /// Adds the lanes' sums (spaces, other bytes than digits, stops and
    /// characters) to `into` and clears the lanes.
    #[inline(always)]
    fn take(&mut self, into: &mut Counts, [spaces, not_digits, stops, chars]: [u32; 4]) {
        into.spaces += spaces;
        into.digits += not_digits;
        into.stops += stops;
        into.chars += chars;
        *self = Lanes {
            high: self.high,
            ..Lanes::ZERO
        };
    }

    /// A byte of the blocks is at least 0xE3, the least CJK lead byte.
    #[inline(always)]
    fn may_have_cjk(&self) -> bool {
        self.high.simd_gt(u8x16::splat(0xE2)).any()
    }
}

/// Lead byte of U+3000..U+DFFF (E3..=ED): CJK ideographs, kana, Hangul.
#[inline(always)]
fn is_cjk_lead(b: u8) -> bool {
    b.wrapping_sub(0xE3) <= 0xED - 0xE3
}

/// Counts in one pass: blocks of sixteen bytes in vector lanes, the last
/// few in the last sixteen bytes with the lanes before them zeroed; a
/// short line in one zero-padded block. A zero lane counts as a character
/// and not as a digit, and nothing else: the counts take those lanes off.
fn counts(bytes: &[u8]) -> Counts {
    let n = bytes.len();
    let mut out = Counts::default();
    let mut lanes = Lanes::ZERO;
    if n <= LANES {
        // A short line (menus are many of them): one block, zero-padded;
        // the next block is the same one byte on.
        let (b, next) = short_blocks(bytes);
        lanes.add(b, next);
        lanes.flush(&mut out);
        return finish(out, &lanes, LANES, bytes);
    }
    // The blocks that have a whole block one byte on: sixteen bytes of
    // `bytes` without its last byte and sixteen of it without its first:
    // fewer than GROUP of them (most lines) summed once by `sums`, more in
    // groups of LONG_GROUP summed by `wide_sums`.
    let (Some(head), Some(tail)) = (bytes.get(..n - 1), bytes.get(1..)) else {
        return out;
    };
    // The lanes counted: the line's bytes and the zero lanes.
    let counted = head.len() / LANES * LANES + LANES;
    if head.len() < LANES * GROUP {
        pairs_of(&mut lanes, head, tail);
        add_last(&mut lanes, bytes);
        lanes.flush(&mut out);
        // Each length its own end: the long lines' sums are not added
        // to these in one place after both.
        return finish(out, &lanes, counted, bytes);
    }
    // Groups of LONG_GROUP blocks (most long lines have one: no groups to
    // walk but the one).
    let mut start = 0;
    loop {
        let end = head.len().min(start + LANES * LONG_GROUP);
        let (Some(blocks), Some(nexts)) = (head.get(start..end), tail.get(start..end)) else {
            break;
        };
        pairs_of(&mut lanes, blocks, nexts);
        if end == head.len() {
            break;
        }
        lanes.flush_wide(&mut out);
        start = end;
    }
    add_last(&mut lanes, bytes);
    lanes.flush_wide(&mut out);
    finish(out, &lanes, counted, bytes)
}

/// Counts the blocks of `blocks` (sixteen bytes of a line without its
/// last byte), each with the block one byte on in `nexts` (the line
/// without its first): two blocks a turn (the loop's own instructions are
/// an eighth of a block's), then the odd one, found by its offset (zipping
/// the iterators by `&mut`, to take their remainders, tested the end twice
/// a turn). The bytes after the whole blocks are left to [`add_last`].
#[inline(always)]
fn pairs_of(lanes: &mut Lanes, blocks: &[u8], nexts: &[u8]) {
    let twos = blocks.chunks_exact(2 * LANES);
    let next_twos = nexts.chunks_exact(2 * LANES);
    let odd_at = blocks.len() / (2 * LANES) * (2 * LANES);
    for (b, next) in twos.zip(next_twos) {
        let (Some(b0), Some(b1)) = (b.first_chunk(), b.last_chunk()) else {
            continue;
        };
        let (Some(n0), Some(n1)) = (next.first_chunk(), next.last_chunk()) else {
            continue;
        };
        lanes.add(block(b0), block(n0));
        lanes.add(block(b1), block(n1));
    }
    let odd = (
        blocks.get(odd_at..).and_then(|b| b.first_chunk()),
        nexts.get(odd_at..).and_then(|b| b.first_chunk()),
    );
    if let (Some(b), Some(next)) = odd {
        lanes.add(block(b), block(next));
    }
}

/// Counts the last 1..=16 bytes of a line of more than sixteen, after its
/// whole blocks ([`pairs_of`]): the last sixteen, the lanes counted
/// already zeroed; nothing follows the last byte.
#[inline(always)]
fn add_last(lanes: &mut Lanes, bytes: &[u8]) {
    if let Some(last) = bytes.last_chunk::<LANES>() {
        let keep = last_keep(bytes.len());
        let b = block(last);
        lanes.add(b & keep, one_on(b) & keep);
    }
}

/// The counts of `bytes` from the lanes' sums in `out` and the `counted`
/// lanes (the line's bytes and the zero lanes).
#[inline(always)]
fn finish(mut out: Counts, lanes: &Lanes, counted: usize, bytes: &[u8]) -> Counts {
    // Every byte is in a block: the first has no lane before it to count
    // it as a space.
    out.spaces += u32::from(bytes.first() == Some(&b' '));
    out.digits = (counted as u32).wrapping_sub(out.digits);
    out.chars = out.chars.wrapping_sub((counted - bytes.len()) as u32);
    if lanes.may_have_cjk() {
        (out.cjk, out.full_stops) = cjk_counts(bytes);
    }
    out
}

/// The CJK lead bytes ([`is_cjk_lead`]) of `bytes` and its "。" (E3 80 82):
/// blocks of sixteen bytes in vector lanes with the two blocks one and two
/// bytes on, the last ones in the last sixteen bytes (the lanes counted
/// already zeroed), as in [`counts`].
#[inline(never)]
fn cjk_counts(bytes: &[u8]) -> (u32, u32) {
    let n = bytes.len();
    let (mut leads, mut stops) = (Block::splat(0), Block::splat(0));
    let add = |leads: &mut Block, stops: &mut Block, x: Block, y: Block, z: Block| {
        // E3..=ED moved to the eleven least `i8` values.
        let shifted = x + Block::splat(0x80u8.wrapping_sub(0xE3) as i8);
        *leads -= shifted.simd_lt(i8::MIN + 11);
        *stops -= x.simd_eq(0xE3u8 as i8) & y.simd_eq(0x80u8 as i8) & z.simd_eq(0x82u8 as i8);
    };
    if n <= LANES {
        let b = crate::parse::swar::padded(bytes);
        add(
            &mut leads,
            &mut stops,
            block_of(b),
            block_of(b >> 8),
            block_of(b >> 16),
        );
        let [leads, stops, ..] = sums(leads, stops, Block::splat(0), Block::splat(0));
        return (leads, stops);
    }
    let (mut lead_count, mut stop_count) = (0, 0);
    // Bytes `whole..` are left for the last sixteen.
    let mut whole = 0;
    // Lanes of up to LONG_GROUP blocks and the last: summed by `sums` where
    // they hold at most GROUP, by `wide_sums` where they may hold more.
    let few = n - 2 < LANES * GROUP;
    if let (Some(b0), Some(b1), Some(b2)) =
        (bytes.get(..n - 2), bytes.get(1..n - 1), bytes.get(2..))
    {
        // Groups of LONG_GROUP blocks (most lines have one: no groups to
        // walk but the one).
        let mut start = 0;
        loop {
            let end = b0.len().min(start + LANES * LONG_GROUP);
            let (Some(g0), Some(g1), Some(g2)) =
                (b0.get(start..end), b1.get(start..end), b2.get(start..end))
            else {
                break;
            };
            let blocks = g0
                .chunks_exact(LANES)
                .zip(g1.chunks_exact(LANES))
                .zip(g2.chunks_exact(LANES));
            for ((x, y), z) in blocks {
                if let (Some(x), Some(y), Some(z)) =
                    (x.first_chunk(), y.first_chunk(), z.first_chunk())
                {
                    add(&mut leads, &mut stops, block(x), block(y), block(z));
                }
            }
            whole = start + g0.len() / LANES * LANES;
            if end == b0.len() {
                break;
            }
            let [l, s, ..] = wide_sums(leads, stops, Block::splat(0), Block::splat(0));
            lead_count += l;
            stop_count += s;
            (leads, stops) = (Block::splat(0), Block::splat(0));
            start = end;
        }
    }
    // The last n - whole bytes (2..=17): the last sixteen, and the one
    // before them when there are seventeen.
    if n - whole > LANES {
        let at = n - LANES - 1;
        let x = bytes.get(at).copied().unwrap_or(0);
        lead_count += u32::from(is_cjk_lead(x));
        stop_count += u32::from(bytes.get(at..at + 3) == Some(&[0xE3, 0x80, 0x82]));
    }
    if let Some(last) = bytes.last_chunk::<LANES>() {
        let x = block(last);
        let y = one_on(x);
        add(
            &mut leads,
            &mut stops,
            x & tail_keep(n - whole),
            y,
            one_on(y),
        );
    }
    let zero = Block::splat(0);
    let [l, s, ..] = if few {
        sums(leads, stops, zero, zero)
    } else {
        wide_sums(leads, stops, zero, zero)
    };
    (lead_count + l, stop_count + s)
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

    /// [`end_marks`] is the test of the last character before the
    /// closers: every closer, mark and a few others, in every order of two
    /// or three, after a letter, a CJK character or nothing.
    #[test]
    fn end_marks_are_those_of_the_last_unclosed_character() {
        let chars = [
            '"', '\'', '”', '’', '»', ')', ']', '）', '」', '』', '*', '_', '.', '!', '?', '…',
            '。', '！', '？', ':', ';', '：', 'a', '市', '“', '‘', '«', '(', ' ', '-', '\u{2027}',
            '\u{201E}', '\u{FF1B}', '\u{FF0E}', '\u{3001}', 'é', '\u{bb}', '\u{ab}',
        ];
        let plain = |line: &str| {
            let last = last_unclosed(line);
            (
                matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？')),
                matches!(last, Some(':' | ';' | '：')),
            )
        };
        for start in ["", "x", "市"] {
            for &a in &chars {
                for &b in &chars {
                    for c in chars.iter().copied().map(Some).chain([None]) {
                        let mut line = format!("{start}{a}{b}");
                        line.extend(c);
                        assert_eq!(end_marks(line.as_bytes()), plain(&line), "{line:?}");
                    }
                }
            }
        }
        assert_eq!(end_marks(b""), (false, false));
    }

    #[test]
    fn ascii_classes_are_the_plain_tests() {
        for b in 0..=255u8 {
            let k = ASCII_CLASS.get(usize::from(b)).copied();
            assert_eq!(k.is_some(), b.is_ascii(), "{b:#x}");
            let k = k.unwrap_or(0);
            let c = char::from(b);
            let plain = [
                matches!(c, '.' | '!' | '?'),
                matches!(c, ':' | ';'),
                b.is_ascii() && CLOSERS.contains(&c),
                b.is_ascii_alphabetic(),
                b.is_ascii_uppercase(),
            ];
            let bits = [SENTENCE_END, COLON_END, CLOSER, LETTER, UPPER].map(|m| k & m != 0);
            assert_eq!(bits, plain, "{b:#x}");
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
        let c = naive_bytes(line.as_bytes());
        assert_eq!(c.full_stops, line.matches('。').count() as u32);
        c
    }

    /// [`naive`] of bytes that need not be UTF-8: "。" is its three bytes.
    fn naive_bytes(bytes: &[u8]) -> Counts {
        let mut c = Counts::default();
        let mut prev = 0u8;
        for &b in bytes {
            c.chars += u32::from((b & 0xC0) != 0x80);
            c.spaces += u32::from(b == b' ');
            c.cjk += u32::from((0xE3..=0xED).contains(&b));
            c.digits += u32::from(b.is_ascii_digit());
            c.stops += u32::from(b == b' ' && matches!(prev, b'.' | b'!' | b'?'));
            prev = b;
        }
        c.full_stops = bytes
            .windows(3)
            .filter(|w| w == &[0xE3, 0x80, 0x82])
            .count() as u32;
        c
    }

    #[test]
    fn vector_counts_match_the_byte_loop() {
        let unit = "Rates rose. Then 12 fell! 市民可骑行。 Why? ";
        for n in 0..80 {
            // Every length around the block size.
            let line: String = unit.chars().cycle().take(n).collect();
            assert_eq!(counts(line.as_bytes()), naive(&line), "{n} chars");
        }
        let long = unit.repeat(200);
        assert_eq!(counts(long.as_bytes()), naive(&long), "long line");
        let spaces = ". ".repeat(3000);
        assert_eq!(counts(spaces.as_bytes()), naive(&spaces), "lanes full");
        // Around whole groups of blocks (240 bytes), where the lanes are
        // summed before the last block.
        for k in [1, 2, 3, 17] {
            for n in LANES * GROUP * k - 18..LANES * GROUP * k + 18 {
                let line: String = ". 9".chars().cycle().take(n).collect();
                assert_eq!(counts(line.as_bytes()), naive(&line), "{n} bytes");
            }
        }
        // "。" at every offset of the blocks and across whole groups.
        for n in (0..120).chain(150..170).chain(1740..1780) {
            let line: String = "市。a".chars().cycle().take(n).collect();
            assert_eq!(counts(line.as_bytes()), naive(&line), "{n} CJK chars");
        }
    }

    #[test]
    fn vector_counts_match_the_byte_loop_on_every_byte() {
        // Every byte value in every lane (not UTF-8: the byte counts do not
        // need it), at lengths around the block size and the groups.
        let all: Vec<u8> = (0..=255u8).cycle().take(256 * 3 + 40).collect();
        for start in 0..17 {
            for len in (0..40).chain([239, 240, 241, 255, 256, 257, 300, 481]) {
                let Some(b) = all.get(start..start + len) else {
                    continue;
                };
                assert_eq!(counts(b), naive_bytes(b), "{len} bytes from {start}");
            }
        }
        // Every lane a CJK lead byte (or "。"), so that the lead and full
        // stop lanes fill up: around where the sums need more than a byte
        // and around a whole long group.
        for n in (200..300).chain(4040..4110) {
            let leads = vec![0xE3; n];
            assert_eq!(counts(&leads), naive_bytes(&leads), "{n} lead bytes");
            let stops: Vec<u8> = [0xE3, 0x80, 0x82].into_iter().cycle().take(n).collect();
            assert_eq!(
                counts(&stops),
                naive_bytes(&stops),
                "{n} bytes of full stops"
            );
        }
        // The bytes every count looks at, mixed (a fixed generator), so
        // that stops, "。" and their parts fall at every offset: every
        // length up to past two groups.
        let mix = [
            b' ', b'.', b'!', b'?', b'0', b'9', b'a', 0xE3, 0x80, 0x82, 0xED, 0xEE, 0xC3, 0xBF,
            0x00, 0xFF, b'/', b':',
        ];
        let mut state = 12345u32;
        let mut bytes = Vec::new();
        for i in 0..700 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let pick = (state >> 16) as usize % (mix.len() + 3);
            // Now and then a whole "。" or ". ".
            match (pick, mix.get(pick)) {
                (_, Some(&b)) => bytes.push(b),
                (p, None) if p % 2 == 0 => bytes.extend([0xE3, 0x80, 0x82]),
                _ => bytes.extend(if i % 3 == 0 { *b"? " } else { *b". " }),
            }
        }
        for start in 0..4 {
            for len in 0..600 {
                let Some(b) = bytes.get(start..start + len) else {
                    continue;
                };
                assert_eq!(counts(b), naive_bytes(b), "{len} mixed bytes from {start}");
            }
        }
    }

    #[test]
    fn narrow_counts_saturate_as_the_plain_ones() {
        // Around `u16::MAX` bytes, where the shape stops taking the counts
        // as they come: spaces, digits and stops in every byte.
        for unit in [" ", "1", ". ", "9 ", "市。"] {
            for n in [65_533, 65_534, 65_535, 65_536, 65_537, 140_000] {
                let line: String = unit.chars().cycle().take(n).collect();
                let s = shape(&line);
                let c = naive(&line);
                let sat = |n: u32| u16::try_from(n).unwrap_or(u16::MAX);
                let stops = c.stops + if c.cjk > 0 { c.full_stops } else { 0 };
                assert_eq!(s.words, sat(c.spaces.saturating_add(1)), "{unit:?} {n}");
                assert_eq!(s.digits, sat(c.digits), "{unit:?} {n}");
                assert_eq!(s.inner_stops, sat(stops), "{unit:?} {n}");
            }
        }
    }

    #[test]
    fn lane_sums_are_the_plain_sums() {
        // Lanes of up to GROUP in every position of the four counts.
        for seed in 0..200u32 {
            let lanes: [[i8; LANES]; 4] = core::array::from_fn(|k| {
                core::array::from_fn(|i| {
                    let x = seed
                        .wrapping_mul(31)
                        .wrapping_add((k * 16 + i) as u32 * 7919);
                    ((x ^ (x >> 5)) % (GROUP as u32 + 1)) as i8
                })
            });
            let plain = lanes.map(|l| l.iter().map(|&x| x as u32).sum::<u32>());
            let [a, b, c, d] = lanes.map(Block::new);
            assert_eq!(sums(a, b, c, d), plain, "seed {seed}");
        }
        let full = Block::splat(GROUP as i8);
        assert_eq!(sums(full, full, full, full), [240; 4]);
    }

    #[test]
    fn wide_lane_sums_are_the_plain_sums() {
        // Lanes of any byte value in every position of the four counts.
        for seed in 0..500u32 {
            let lanes: [[u8; LANES]; 4] = core::array::from_fn(|k| {
                core::array::from_fn(|i| {
                    let x = seed
                        .wrapping_mul(2_654_435_761)
                        .wrapping_add((k * 16 + i) as u32 * 7919);
                    (x ^ (x >> 13) ^ (x >> 24)) as u8
                })
            });
            let plain = lanes.map(|l| l.iter().map(|&x| u32::from(x)).sum::<u32>());
            let [a, b, c, d] = lanes.map(|l| u8x16::new(l).cast_signed());
            assert_eq!(wide_sums(a, b, c, d), plain, "seed {seed}");
        }
        let full = Block::splat(-1);
        assert_eq!(wide_sums(full, full, full, full), [255 * 16; 4]);
    }

    #[test]
    fn long_lines_count_across_their_groups() {
        // Around whole long groups (254 blocks), with lanes that fill to
        // 255: spaces and stops in every other lane, characters in all.
        for k in [1, 2] {
            let at = LANES * LONG_GROUP * k;
            for n in at - 20..at + 40 {
                for unit in [". ", "! 9", "市。 "] {
                    let line: String = unit.chars().cycle().take(n).collect();
                    assert_eq!(counts(line.as_bytes()), naive(&line), "{unit:?} {n}");
                }
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
