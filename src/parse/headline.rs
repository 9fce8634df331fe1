//! Choosing the headline: the title line of the article, not the site
//! name, a menu item or a teaser's headline.
//!
//! Candidates are the title-shaped lines in a window before the article's
//! extent (and its first few units). Each is scored by what many pages
//! share: it speaks of what the body speaks of (word overlap with the first
//! paragraphs, or shared characters for CJK), it has a headline's length, a
//! byline or date often follows it, the page repeats it (a breadcrumb, a
//! share text, a doubled title line), and it stands close to the body.
//! Lines that list short items (breadcrumbs, tags), carry a copyright sign,
//! end in a colon or, without such support, in a full stop cost. The
//! window bounds the scoring; the repetition check reads each line once
//! per candidate, linear in the page.

use crate::construct::name::name;
use crate::lexicon::is_cjk;

use super::classify::{Classified, Kind};
use super::structure::{AsIndex, Unit};
use wide::{i8x16, u8x16};

use super::swar::{ONES, in_range, load, load16};

/// Units looked at before the extent's first unit.
const LOOKBACK: usize = 60;
/// Units looked at from the extent's first unit on.
const LOOKAHEAD: usize = 3;
/// Units after the extent's start where a headline's recurrence is looked for.
const RECUR_AHEAD: usize = 20;
/// What an inner stop (an abbreviation, most often) costs a candidate.
const ABBREVIATION_COST: f32 = 0.5;
/// Lowest score a headline may have.
const MIN_SCORE: f32 = 0.8;
/// What a headline quoted in a longer line elsewhere in the page gains.
const CITED: f32 = 0.6;
/// Most bytes a line quoting a headline may add to it.
const CITED_EXTRA: usize = 200;
/// Bytes of body prose sampled for the overlap.
const SAMPLE_BYTES: usize = 3000;

/// Title-shaped: a headline's length, no sentence stops inside, not a
/// lexicon hit, not a list item.
///
/// Inlined: the lines after the article are asked it one by one, and
/// most fail its first tests.
#[inline]
pub(crate) fn title_shaped(c: &Classified<'_>) -> bool {
    title_shaped_but_stops(c) && c.shape.inner_stops == 0
}

/// [`title_shaped`] but for the inner-stop rule.
#[inline]
fn title_shaped_but_stops(c: &Classified<'_>) -> bool {
    title_shaped_but_end(c) && (!c.shape.sentence_end || c.text.ends_with(['?', '!', '？', '！']))
}

/// [`title_shaped`] but for the sentence-end and inner-stop rules.
fn title_shaped_but_end(c: &Classified<'_>) -> bool {
    let w = c.shape.weight();
    // The shape before the phrase: a heading's verdict measures its words.
    // The cheapest tests first.
    (10..=300).contains(&w)
        && (c.shape.words >= 2 || c.shape.cjk >= 4)
        && matches!(c.kind, Kind::Text | Kind::Heading { .. })
        && c.boilerplate_hit().is_none()
}

/// A byline or date within five units after unit `k`.
fn meta_follows(units: &[Unit], lines: &[Classified<'_>], k: usize) -> bool {
    (1..=5).any(|d| match units.get(k + d) {
        Some(Unit::Line(j)) => lines
            .get(j.at())
            .is_some_and(|n| matches!(n.kind, Kind::Byline { .. } | Kind::Date { .. })),
        _ => false,
    })
}

/// Longest title that ends in a full stop.
const FULL_STOP_TITLE: u32 = 100;
/// What a full stop at the end costs a candidate.
const FULL_STOP_COST: f32 = 2.5;

/// Each ASCII byte lower-cased if it is a letter or a digit, else 0.
#[allow(clippy::indexing_slicing)] // `b < 128`, and `get_mut` is not const
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The case bit of every byte: an ASCII letter or digit with it set is
/// lower case (a digit has it already).
const LOWER: u64 = 0x20 * ONES;

/// The bits of the sixteen bytes of `b` from `at` (zeros past its end)
/// that are ASCII letters or digits, and those that are not ASCII, byte
/// `i` as bit `i`: two SSE2 range tests ([`in_range`]); a non-ASCII byte
/// with the case bit set is still no letter.
#[inline(always)]
fn word_lanes(b: &[u8], at: usize) -> (u32, u32) {
    word_lanes_of(load16(b, at))
}

/// [`word_lanes`] of sixteen bytes.
#[inline(always)]
fn word_lanes_of(bytes: [u8; 16]) -> (u32, u32) {
    let x = i8x16::from_ne_bytes(bytes);
    let l = x | i8x16::splat(0x20);
    let w = in_range(x, b'0', 10) | in_range(l, b'a', 26);
    (w.to_bitmask(), x.to_bitmask())
}

/// The forty-eight bytes of `b` from `at` as three sets of sixteen, if
/// `b` has that many there: [`each_token`]'s step reads them with one
/// bounds check, where three [`load16`]s check (and pad) one by one.
#[inline(always)]
fn lanes_at(b: &[u8], at: usize) -> Option<([u8; 16], [u8; 16], [u8; 16])> {
    let c = b.get(at..)?.first_chunk::<48>()?;
    let (c0, rest) = c.split_first_chunk::<16>()?;
    let (c1, rest) = rest.split_first_chunk::<16>()?;
    Some((*c0, *c1, *rest.first_chunk::<16>()?))
}

/// The murmur3 finaliser: a bijection on 64 bits that spreads every input
/// bit over the output.
#[inline]
fn mix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// A word's token, from the UTF-8 bytes of its lower-cased characters fed
/// in one by one: a word of at most eight bytes (most words) is those
/// bytes as a little-endian number, zero-padded, so two such never share a
/// token; a longer one is hashed, each eight bytes (the last ones
/// zero-padded) as such a number `c`, the state going `s -> mix(s ^ c)`
/// from 0. [`ascii_word`] gets the same token from a word's bytes in place.
#[derive(Default)]
struct Word {
    state: u64,
    /// Bytes not yet mixed in, the first lowest.
    acc: u64,
    /// How many bytes `acc` holds.
    fill: u32,
    /// Whether bytes were mixed in: the word is longer than eight.
    long: bool,
    /// Characters so far.
    chars: usize,
}

impl Word {
    /// One lower-case byte more; the eight before it are mixed in only now,
    /// so that the last eight or fewer are left to [`Word::end`].
    fn byte(&mut self, b: u8) {
        if self.fill == 8 {
            self.state = mix(self.state ^ self.acc);
            self.long = true;
            self.acc = 0;
            self.fill = 0;
        }
        self.acc |= u64::from(b) << (8 * self.fill);
        self.fill += 1;
    }

    /// One lower-case character more.
    fn char(&mut self, ch: char) {
        let mut buf = [0u8; 4];
        for &b in ch.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
        self.chars += 1;
    }

    /// Ends the word, its token given to `emit` if it has one: whether to
    /// go on, as `emit` tells.
    #[inline(always)]
    fn end_into(&mut self, emit: &mut impl FnMut(u64) -> bool) -> bool {
        self.end().is_none_or(emit)
    }

    /// Ends the word: its token if it has three characters or more.
    fn end(&mut self) -> Option<u64> {
        let t = (self.chars >= 3).then(|| {
            if self.long {
                mix(self.state ^ self.acc)
            } else {
                self.acc
            }
        });
        *self = Word::default();
        t
    }
}

/// The token [`Word`] gives the ASCII word `b[start..end]` (letters and
/// digits, `end > start`), lower-cased and read eight bytes at a time.
#[inline(always)]
fn ascii_word(b: &[u8], start: usize, end: usize) -> u64 {
    let keep = |n: usize| u64::MAX >> (64 - 8 * n);
    if end - start <= 8 {
        return (load(b, start) | LOWER) & keep(end - start);
    }
    let mut state = 0;
    let mut at = start;
    while end - at > 8 {
        state = mix(state ^ (load(b, at) | LOWER));
        at += 8;
    }
    mix(state ^ ((load(b, at) | LOWER) & keep(end - at)))
}

/// A CJK character's token: the character with a top byte (1) that no
/// word's token of eight bytes or fewer has.
fn cjk_token(ch: char) -> u64 {
    u64::from(ch) | 1 << 56
}

/// Lower-cased words of three letters or more, and CJK characters one by
/// one, as 64-bit tokens (see [`Word`]): no string is built.
fn tokens(text: &str, out: &mut Vec<u64>) {
    each_token(text, &Keys::ALL, |t| {
        out.push(t);
        true
    });
}

/// The first byte and length of the ASCII words of at most eight bytes
/// that may be wanted, one bit each: such a word's token is its bytes, so
/// a word whose bit is clear is not wanted and need not be read, hashed or
/// looked up. A longer word always passes. A byte for each first byte (five
/// of its bits tell the letters apart; a digit is its own), bit `n - 3`
/// for a length `n`: a word's test is a load of its byte, not a shift of
/// the index and a second one to find the word of bits.
#[derive(Clone, Copy)]
struct Keys([u8; 32]);

impl Keys {
    /// Every word passes.
    const ALL: Keys = Keys([u8::MAX; 32]);

    /// No word passes.
    const NONE: Keys = Keys([0; 32]);

    /// The bit of the token `t`, as if it were a word's bytes (a hash only
    /// sets a bit that no word needs).
    fn add(&mut self, t: u64) {
        let n = 8 - (t.leading_zeros() / 8) as usize;
        if n >= 3
            && let Some(w) = self.0.get_mut(usize::from(t as u8 & 31))
        {
            *w |= 1 << (n - 3);
        }
    }

    /// Whether the word `b[s..e]` (ASCII letters and digits, three bytes
    /// or more) may be wanted.
    #[inline(always)]
    fn pass(&self, b: &[u8], s: usize, e: usize) -> bool {
        let n = e - s;
        if n > 8 {
            return true;
        }
        let f = b.get(s).copied().unwrap_or(0);
        self.0
            .get(usize::from(f & 31))
            .is_some_and(|&w| w >> (n - 3) & 1 != 0)
    }
}

/// [`tokens`], each given to `emit` (which tells whether to go on), but for
/// ASCII words that `keys` does not pass. ASCII is read forty-eight bytes at a time: the bits
/// of three [`word_lanes`] give where words start and end, and a word of ASCII
/// letters and digits is read in place. Other characters go through
/// [`each_token_from`].
fn each_token(text: &str, keys: &Keys, mut emit: impl FnMut(u64) -> bool) {
    let b = text.as_bytes();
    let mut i = 0;
    // The start of the word open at `i`.
    let mut open: Option<usize> = None;
    while i < b.len() {
        // Forty-eight bytes a step (three sets of lanes): a third of the
        // steps for a line of prose (sixty-four read more past its end than
        // they save).
        let ((w0, n0), (w1, n1), (w2, n2)) = match lanes_at(b, i) {
            // Forty-eight bytes on: one bounds check for the three loads.
            Some((c0, c1, c2)) => (word_lanes_of(c0), word_lanes_of(c1), word_lanes_of(c2)),
            None => (
                word_lanes(b, i),
                word_lanes(b, i + 16),
                word_lanes(b, i + 32),
            ),
        };
        let (w, non_ascii) = (
            u64::from(w0) | u64::from(w1) << 16 | u64::from(w2) << 32,
            u64::from(n0) | u64::from(n1) << 16 | u64::from(n2) << 32,
        );
        // Whether the byte before `i` is a word's, in bit 0.
        let follows = (w << 1) | u64::from(open.is_some());
        // Only the bytes before the first non-ASCII one are read here: the
        // bits below its bit, all forty-eight if there is none.
        let upto = non_ascii.wrapping_sub(1) & !non_ascii & 0xFFFF_FFFF_FFFF;
        let mut starts = w & !follows & upto;
        let mut ends = !w & follows & upto;
        // The first end closes the open word; then starts and ends take turns.
        let byte = |m: u64| i + m.trailing_zeros() as usize;
        if let Some(s) = open
            && ends != 0
        {
            let e = byte(ends);
            ends &= ends - 1;
            if e - s >= 3 && keys.pass(b, s, e) && !emit(ascii_word(b, s, e)) {
                return;
            }
            open = None;
        }
        while starts != 0 {
            let s = byte(starts);
            starts &= starts - 1;
            if ends == 0 {
                open = Some(s);
                break;
            }
            let e = byte(ends);
            ends &= ends - 1;
            if e - s >= 3 && keys.pass(b, s, e) && !emit(ascii_word(b, s, e)) {
                return;
            }
        }
        if non_ascii == 0 {
            i += 48;
            continue;
        }
        // A non-ASCII character, which may go on the open word.
        let at = i + non_ascii.trailing_zeros() as usize;
        let mut word = Word::default();
        if let Some(s) = open.take() {
            for &c in b.get(s..at).unwrap_or(&[]) {
                word.byte(c | 0x20);
                word.chars += 1;
            }
        }
        match each_token_from(text, at, word, &mut emit) {
            Some(at) => i = at,
            None => return,
        }
    }
    if let Some(s) = open
        && b.len() - s >= 3
        && keys.pass(b, s, b.len())
    {
        emit(ascii_word(b, s, b.len()));
    }
}

/// [`each_token`] character by character from byte `i`, with the word so
/// far, until no word is open before an ASCII byte; where it stopped, or
/// `None` if `emit` asked it to.
fn each_token_from(
    text: &str,
    mut i: usize,
    mut word: Word,
    emit: &mut impl FnMut(u64) -> bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = |word: &mut Word, emit: &mut _| word.end_into(emit);
    loop {
        let Some(&b) = bytes.get(i) else {
            return end(&mut word, emit).then_some(i);
        };
        if let Some(&l) = ASCII_WORD.get(usize::from(b)) {
            if l != 0 && word.chars > 0 {
                word.byte(l);
                word.chars += 1;
                i += 1;
                continue;
            }
            return end(&mut word, emit).then_some(i);
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            return end(&mut word, emit).then_some(bytes.len());
        };
        i += ch.len_utf8();
        let go_on = if let Some(l) = common_lower(ch).and_then(char::from_u32) {
            word.char(l);
            true
        } else if common_non_word(ch) {
            end(&mut word, emit)
        } else if is_cjk(ch) {
            end(&mut word, emit) && emit(cjk_token(ch))
        } else if ch.is_alphanumeric() {
            for l in ch.to_lowercase() {
                word.char(l);
            }
            true
        } else {
            end(&mut word, emit)
        };
        if !go_on {
            return None;
        }
    }
}

/// The lower case of a Latin-1, Greek or Cyrillic letter (the blocks most
/// non-ASCII news text is written in), without the Unicode tables; `None`
/// for every other character. A test checks each against std.
#[inline]
fn common_lower(ch: char) -> Option<u32> {
    let u = u32::from(ch);
    match u {
        0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x410..=0x42F => Some(u + 0x20),
        0x400..=0x40F => Some(u + 0x50),
        0xDF..=0xF6 | 0xF8..=0xFF | 0x3B1..=0x3C9 | 0x430..=0x45F => Some(u),
        _ => None,
    }
}

/// Latin-1 signs, general punctuation (no-break space, `«`, `’`, `“`,
/// dashes), currency signs (`€`) and CJK punctuation (`、`, `。`): neither
/// letters nor digits, nor CJK, told without the Unicode tables. A test
/// checks each against std.
#[inline]
fn common_non_word(ch: char) -> bool {
    matches!(u32::from(ch),
        0x80..=0xA9 | 0xAB..=0xB1 | 0xB4 | 0xB6..=0xB8 | 0xBB | 0xBF | 0xD7 | 0xF7 | 0x2000..=0x206F
        | 0x20A0..=0x20CF | 0x3000..=0x3003)
}

/// A set of word hashes: open addressing in a fixed table, so that the
/// body's words need no sort. Holds at most [`WordSet::MAX`] words; the
/// rest of a sample that long is left out.
struct WordSet {
    slots: Vec<u64>,
    /// `slots` has `1 << bits` entries.
    bits: u32,
    len: usize,
    zero: bool,
}

impl WordSet {
    const BITS: u32 = 12;
    const MAX: usize = (1 << Self::BITS) / 4 * 3;

    /// A set for up to `MAX` words.
    #[cfg(test)]
    fn new() -> Self {
        Self::with_room(Self::MAX)
    }

    /// A set for the first `MAX` of `words` words: a table at most three
    /// quarters full, smaller than the largest for a short sample (fewer
    /// slots to clear; what it holds is the same).
    fn with_room(words: usize) -> Self {
        let need = words.min(Self::MAX) * 4 / 3 + 1;
        let bits = need
            .next_power_of_two()
            .trailing_zeros()
            .clamp(4, Self::BITS);
        WordSet {
            slots: vec![0; 1 << bits],
            bits,
            len: 0,
            zero: false,
        }
    }

    /// The slots to probe for `h`, in order (0 marks an empty slot).
    fn probe(&self, h: u64) -> impl Iterator<Item = usize> + use<> {
        let mask = (1usize << self.bits) - 1;
        let start = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize;
        (0..=mask).map(move |d| (start + d) & mask)
    }

    fn insert(&mut self, h: u64) {
        if h == 0 {
            self.zero = true;
            return;
        }
        if self.len >= Self::MAX {
            return;
        }
        for at in self.probe(h) {
            match self.slots.get_mut(at) {
                Some(s) if *s == h => return,
                Some(s) if *s == 0 => {
                    *s = h;
                    self.len += 1;
                    return;
                }
                _ => {}
            }
        }
    }

    fn contains(&self, h: u64) -> bool {
        if h == 0 {
            return self.zero;
        }
        for at in self.probe(h) {
            match self.slots.get(at) {
                Some(&s) if s == h => return true,
                Some(&0) | None => return false,
                _ => {}
            }
        }
        false
    }
}

/// The prose lines the body's words are sampled from: those of the extent
/// that are text and sentences (or long), up to the one that brings the
/// sample to [`SAMPLE_BYTES`].
fn sample<'l, 'a>(
    units: &'l [Unit],
    lines: &'l [Classified<'a>],
    first: usize,
    last: usize,
) -> impl Iterator<Item = &'a str> + use<'l, 'a> {
    let mut bytes = 0;
    units
        .get(first..=last)
        .unwrap_or(&[])
        .iter()
        .filter_map(|u| match u {
            Unit::Line(i) => lines
                .get(i.at())
                .filter(|c| c.is_text() && (c.shape.sentence_end || c.shape.weight() >= 80)),
            _ => None,
        })
        .map_while(move |c| {
            (bytes < SAMPLE_BYTES).then(|| {
                bytes += c.text.len();
                c.text
            })
        })
}

/// The words of the first prose of the extent: the first [`WordSet::MAX`]
/// distinct ones of the sample.
fn body_words(units: &[Unit], lines: &[Classified<'_>], first: usize, last: usize) -> WordSet {
    let mut toks = Vec::new();
    for text in sample(units, lines, first, last) {
        tokens(text, &mut toks);
    }
    // In the order they came, as inserted line by line.
    let mut set = WordSet::with_room(toks.len());
    for &t in &toks {
        set.insert(t);
    }
    set
}

/// The candidates' tokens, and which of them [`body_words`] holds; found
/// by looking each word of the sample up here, so that the sample is read
/// but not stored, and no more of it once every token has been seen.
struct Wanted {
    /// Open addressing by the top bits of a token (a [`mix`] output, well
    /// spread), 0 for an empty slot; with the candidates that have it (bit
    /// `d` for the `d`th), and [`SEEN`] once the body has it.
    slots: Vec<(u64, u64)>,
    /// `slots` has `1 << (64 - shift)` entries, at least twice the tokens.
    shift: u32,
    /// The same for the token 0: its candidates (none if it is not wanted)
    /// and [`SEEN`].
    zero: u64,
    /// Distinct tokens wanted, and how many of them were seen.
    distinct: usize,
    seen: usize,
    /// The candidates with a token seen since `changed` was last cleared.
    changed: u64,
    /// A bit for each wanted token but 0, bit [`Wanted::filter_bit`] of its
    /// hash: most words of the body are not wanted, and most of those fail
    /// here, before a probe of `slots` (which takes two or three for a
    /// token not there).
    filter: [u64; 4],
    /// The wanted tokens' [`Keys`].
    keys: Keys,
    /// How many of each candidate's tokens, each repeat counted, the body
    /// has: the share [`Wanted::share`] finds, kept as tokens are seen.
    hits: [u32; 64],
    /// Each repeat of a token in a candidate, with the candidate's index.
    repeats: Vec<(u64, usize)>,
    /// Whether the tokens were marked from a whole [`body_words`] set (a
    /// long sample), not seen one by one: `hits` then counts none.
    by_set: bool,
}

/// Slots a [`Wanted`] table is cleared by at a time: a kilobyte.
const CLEAR_SLOTS: usize = 64;

/// A [`Wanted`] table of `n` empty slots, cleared [`CLEAR_SLOTS`] at a
/// time rather than by one `calloc`: `memset` fills 2 KiB or more (a table
/// of 128 slots or more, a page in three) a byte at a time as far as the
/// instruction count goes, a kilobyte with a few vector stores.
fn empty_slots(n: usize) -> Vec<(u64, u64)> {
    const EMPTY: [(u64, u64); CLEAR_SLOTS] = [(0, 0); CLEAR_SLOTS];
    let mut slots = Vec::with_capacity(n);
    while slots.len() < n {
        let k = (n - slots.len()).min(CLEAR_SLOTS);
        slots.extend_from_slice(EMPTY.get(..k).unwrap_or(&[]));
    }
    slots
}

/// The bit of a [`Wanted`] slot's candidates that marks the token seen:
/// no candidate has it, as the window holds fewer than 64 units.
const SEEN: u64 = 1 << 63;
const _: () = assert!(LOOKBACK + LOOKAHEAD < 64);

impl Wanted {
    /// The table for `n` tokens, each with the index of its candidate.
    fn new(n: usize, toks: impl Iterator<Item = (u64, usize)>) -> Self {
        let bits = (2 * n).next_power_of_two().trailing_zeros().max(3);
        let mut w = Wanted {
            slots: empty_slots(1 << bits),
            shift: 64 - bits,
            zero: 0,
            distinct: 0,
            seen: 0,
            changed: 0,
            filter: [0; 4],
            keys: Keys::NONE,
            hits: [0; 64],
            repeats: Vec::new(),
            by_set: false,
        };
        for (t, d) in toks {
            let bit = (1u64 << d) & !SEEN;
            if t == 0 {
                if w.zero & bit != 0 {
                    w.repeats.push((t, d));
                }
                w.distinct += usize::from(w.zero == 0);
                w.zero |= bit;
            } else {
                let f = Self::filter_bit(t);
                if let Some(word) = w.filter.get_mut(usize::from(f >> 6)) {
                    *word |= 1 << (f & 63);
                }
                w.keys.add(t);
                let (fresh, repeat) = w.slot(t).map_or((false, false), |s| {
                    let was = (s.0 == 0, s.1 & bit != 0);
                    *s = (t, s.1 | bit);
                    was
                });
                if repeat {
                    w.repeats.push((t, d));
                }
                w.distinct += usize::from(fresh);
            }
        }
        w
    }

    /// The hash of a token, whose top bits are its first slot.
    #[inline(always)]
    fn hash(t: u64) -> u64 {
        t.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The bit of `filter` for `t`: bits 48..56 of its hash, below those
    /// that choose its slot in a table of up to 256 slots (in a larger
    /// one the two overlap, and the filter passes a few more words).
    #[inline(always)]
    fn filter_bit(t: u64) -> u8 {
        (Self::hash(t) >> 48) as u8
    }

    /// The slot of `t` (not 0): the one holding it, else the empty one it
    /// would go in.
    #[inline]
    fn slot(&mut self, t: u64) -> Option<&mut (u64, u64)> {
        let mask = self.slots.len() - 1;
        let mut at = (Self::hash(t) >> self.shift) as usize;
        // The table is at most half full: the probe ends at an empty slot.
        loop {
            match self.slots.get(at) {
                Some(s) if s.0 == t || s.0 == 0 => break,
                Some(_) => at = (at + 1) & mask,
                None => return None,
            }
        }
        self.slots.get_mut(at)
    }

    /// The body has `t`: its candidates have changed, and their hits grow,
    /// if it is new; whether it is.
    #[inline(always)]
    fn see(&mut self, t: u64) -> bool {
        let s = if t == 0 {
            &mut self.zero
        } else {
            let f = Self::filter_bit(t);
            if self
                .filter
                .get(usize::from(f >> 6))
                .is_none_or(|word| word >> (f & 63) & 1 == 0)
            {
                return false;
            }
            match self.slot(t) {
                Some(s) if s.0 == t => &mut s.1,
                _ => return false,
            }
        };
        if *s == 0 || *s & SEEN != 0 {
            return false;
        }
        let candidates = *s;
        *s |= SEEN;
        self.hit(t, candidates);
        true
    }

    /// A token newly seen, `t`, and its candidates: their hits grow.
    #[inline(never)]
    fn hit(&mut self, t: u64, candidates: u64) {
        self.changed |= candidates;
        self.seen += 1;
        let mut m = candidates;
        while m != 0 {
            if let Some(h) = self.hits.get_mut(m.trailing_zeros() as usize) {
                *h += 1;
            }
            m &= m - 1;
        }
        for &(u, d) in &self.repeats {
            if u == t
                && let Some(h) = self.hits.get_mut(d)
            {
                *h += 1;
            }
        }
    }

    /// After a token newly seen: whether to read on, not if every token has
    /// been seen or `decided` names the headline (put in `found`).
    #[inline(never)]
    fn go_on(
        &mut self,
        decided: &mut impl FnMut(&mut Self) -> Option<usize>,
        found: &mut Option<usize>,
    ) -> bool {
        if self.seen == self.distinct {
            return false;
        }
        *found = decided(self);
        found.is_none()
    }

    /// Whether the body has the wanted token `t`.
    fn has(&self, t: u64) -> bool {
        if t == 0 {
            return self.zero & SEEN != 0;
        }
        let mask = self.slots.len() - 1;
        let mut at = (Self::hash(t) >> self.shift) as usize;
        loop {
            match self.slots.get(at) {
                Some(&(s, c)) if s == t => return c & SEEN != 0,
                Some(&(0, _)) | None => return false,
                Some(_) => at = (at + 1) & mask,
            }
        }
    }

    /// The share of `toks` (not empty), the `d`th candidate's, that the body
    /// has: its `hits`, kept as the tokens were seen, unless they were
    /// marked from a whole set.
    fn share(&self, d: usize, toks: &[u64]) -> f32 {
        let plain = || toks.iter().filter(|&&t| self.has(t)).count();
        let n = match self.hits.get(d) {
            Some(&h) if !self.by_set => {
                // The plain count, in tests and debug builds.
                if cfg!(any(test, debug_assertions)) {
                    assert_eq!(h as usize, plain(), "hits of candidate {d}");
                }
                h as usize
            }
            _ => plain(),
        };
        n as f32 / toks.len() as f32
    }

    /// Marks the wanted tokens that [`body_words`] holds, or enough of
    /// them for `decided` to name the unit that the rest cannot keep from
    /// being the headline (it is asked after each new token, and may clear
    /// `changed`); that unit, if it did. A sample of at
    /// most `3 * WordSet::MAX` bytes has at most `WordSet::MAX` words (a
    /// token takes three bytes or more, a CJK character three), so the set
    /// holds all of them: each word is looked up as it comes. A longer one
    /// is put in the set as [`body_words`] does, to keep its bound.
    fn find_in_body(
        &mut self,
        units: &[Unit],
        lines: &[Classified<'_>],
        (first, last): (usize, usize),
        mut decided: impl FnMut(&mut Self) -> Option<usize>,
    ) -> Option<usize> {
        let mut bytes = 0;
        for text in sample(units, lines, first, last) {
            bytes += text.len();
            if bytes > 3 * WordSet::MAX {
                let words = body_words(units, lines, first, last);
                for s in &mut self.slots {
                    if s.0 != 0 && words.contains(s.0) {
                        s.1 |= SEEN;
                    }
                }
                if self.zero != 0 && words.contains(0) {
                    self.zero |= SEEN;
                }
                self.by_set = true;
                return None;
            }
            // Asked after each new token, the rest of a line is often not
            // read at all.
            let keys = self.keys;
            let mut found = None;
            each_token(text, &keys, |t| {
                !self.see(t) || self.go_on(&mut decided, &mut found)
            });
            if found.is_some() || self.seen == self.distinct {
                return found;
            }
        }
        None
    }
}

/// Longest line ending in `!` or `?` that may still be a title.
const EXCLAIMED_TITLE: u32 = 120;

/// A line of prose that ends the headline search inside the extent; a
/// short exclamation or question is a title (a kicker), not prose.
fn is_prose_start(c: &Classified<'_>) -> bool {
    c.is_text()
        && c.shape.sentence_end
        && c.shape.weight() >= 50
        && !(c.shape.weight() <= EXCLAIMED_TITLE
            && c.text.trim_end().ends_with(['?', '!', '？', '！']))
}

/// The candidates' bounds, for telling the headline before the body is
/// read to its end. A unit's score at most is with every token in the body
/// and cited; at least, with the tokens seen so far, not cited, and at its
/// subtitle cost. Once one unit's least beats `MIN_SCORE` and every
/// other's most, it is the headline whatever the rest of the sample holds:
/// the sample is read no further, and that unit is the answer (the final
/// scores would make it so; see `decide`).
struct Race {
    /// Each candidate's most, and its subtitle cost: due only under a unit
    /// that may pass `MIN_SCORE`, a candidate, the one before in the list.
    /// The window holds fewer than 64 units.
    most: [f32; 64],
    costs: [f32; 64],
    /// The two highest of `most`.
    top: f32,
    second: f32,
}

impl Race {
    /// The bounds, `words` telling which candidates have tokens.
    fn new(
        units: &[Unit],
        lines: &[Classified<'_>],
        candidates: &[Candidate<'_>],
        words: impl Fn(&Candidate<'_>) -> bool,
    ) -> Self {
        let mut race = Race {
            most: [f32::NEG_INFINITY; 64],
            costs: [0.0; 64],
            top: f32::NEG_INFINITY,
            second: f32::NEG_INFINITY,
        };
        let mut above: Option<(usize, f32)> = None;
        for ((c, most), cost) in candidates.iter().zip(&mut race.most).zip(&mut race.costs) {
            let all = if words(c) { 1.0 } else { 0.0 };
            let m = c.value(all, !c.recurs).unwrap_or(f32::NEG_INFINITY);
            *most = m;
            if above.is_some_and(|(k, a)| k + 1 == c.k && a > MIN_SCORE) {
                *cost = subtitle_cost(units, lines, c.k, Some(f32::MAX));
            }
            above = Some((c.k, m));
            if m > race.top {
                race.second = race.top;
                race.top = m;
            } else if m > race.second {
                race.second = m;
            }
        }
        race
    }

    /// Whether the `d`th candidate's least, at this overlap, beats them all.
    fn wins(&self, candidates: &[Candidate<'_>], d: usize, overlap: f32) -> bool {
        match (candidates.get(d), self.most.get(d), self.costs.get(d)) {
            (Some(c), Some(&m), Some(&cost)) => {
                let others = if m >= self.top { self.second } else { self.top };
                c.value(overlap, false)
                    .is_some_and(|s| s - cost > MIN_SCORE && s - cost > others)
            }
            _ => false,
        }
    }

    /// The unit that wins with no token in the body.
    fn winner_at_zero(&self, candidates: &[Candidate<'_>]) -> Option<usize> {
        (0..candidates.len())
            .find(|&d| self.wins(candidates, d, 0.0))
            .and_then(|d| candidates.get(d))
            .map(|c| c.k)
    }
}

/// Candidates [`find`] makes room for at once.
const CANDIDATE_ROOM: usize = 8;

/// Unit index of the headline, given the extent `first..=last`.
pub(crate) fn find(
    units: &[Unit],
    lines: &[Classified<'_>],
    first: usize,
    last: usize,
) -> Option<usize> {
    // A text whose first line is title-shaped and runs straight into the
    // article (no menu, no chrome between) is a clean copy of it: that line
    // is the headline, whatever else looks like one further down.
    if first <= 1 && opens_with_title(units, lines, last) {
        return Some(0);
    }
    let lo = first.saturating_sub(LOOKBACK);
    let mut hi = (first + LOOKAHEAD).min(units.len());
    // Inside the extent, only lines up to its first prose.
    for k in first + 1..hi {
        if matches!(units.get(k - 1), Some(Unit::Line(p)) if lines.get(p.at()).is_some_and(is_prose_start))
        {
            hi = k;
            break;
        }
    }
    // The units whose shape may make them candidates, bit `k - lo` for
    // unit `k` (the window holds fewer than 64): the shape's cheap tests
    // here, before any call, as most units fail them.
    let shaped = (lo..hi)
        // A one-unit extent is the article itself, not its headline.
        .filter(|&k| !(k == first && first == last))
        .filter(|&k| title_unit(units, lines, k).is_some_and(|(_, c)| title_shaped_but_end(c)))
        .fold(0u64, |m, k| m | 1 << (k - lo));
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    if shaped != 0 {
        // The line ends only for a page with a unit of that shape.
        let ends = LineEnds::new(units, lines, first);
        // Room for a few, made once: a list grown from none starts at
        // four and grows on a page with more.
        candidates = Vec::with_capacity(CANDIDATE_ROOM);
        let mut m = shaped;
        while m != 0 {
            let k = lo + m.trailing_zeros() as usize;
            m &= m - 1;
            if let Some((i, c)) = title_unit(units, lines, k)
                && let Some(c) = candidate(units, lines, &ends, first, k, (i, c))
            {
                candidates.push(c);
            }
        }
    }
    // The headline is the unit of highest score less its subtitle cost,
    // the first of them, if that passes `MIN_SCORE`. Often the body's words
    // do not matter: one unit wins with none of them in the body even if
    // every candidate has words (which can only raise the others' most and
    // the subtitle costs), and no line is tokenised at all.
    let race = Race::new(units, lines, &candidates, |_| true);
    if let Some(k) = race.winner_at_zero(&candidates) {
        return Some(k);
    }
    // A token takes three bytes or more (a CJK character three): room for
    // every token, so that the buffer never grows.
    let mut toks = Vec::with_capacity(candidates.iter().map(|c| c.words.len() / 3).sum());
    for c in &mut candidates {
        let from = toks.len();
        tokens(c.words, &mut toks);
        c.toks = from..toks.len();
    }
    // The body's words matter only to the candidates whose score may pass
    // `MIN_SCORE`; the others' scores are as good as none (see `decide` and
    // `subtitle_cost`). A score is at most the first race's most, with every
    // token in the body and cited if that is looked up, as it grows with
    // both (f32 rounding keeps the order). Bit `d` for the `d`th candidate.
    let counts = candidates
        .iter()
        .zip(&race.most)
        .enumerate()
        .filter(|(_, (c, m))| !c.toks.is_empty() && **m > MIN_SCORE)
        .fold(0u64, |m, (d, _)| m | 1 << d);
    let counts_at = |d: usize| counts >> d & 1 != 0;
    let mut wanted = None;
    if counts != 0 {
        // The race again with the candidates that have no words, if any.
        let race = if candidates.iter().all(|c| !c.toks.is_empty()) {
            race
        } else {
            let race = Race::new(units, lines, &candidates, |c| !c.toks.is_empty());
            if let Some(k) = race.winner_at_zero(&candidates) {
                return Some(k);
            }
            race
        };
        let n = candidates
            .iter()
            .enumerate()
            .filter(|&(d, _)| counts_at(d))
            .map(|(_, c)| c.toks.len())
            .sum();
        let mut w = Wanted::new(
            n,
            candidates
                .iter()
                .enumerate()
                .filter(|&(d, _)| counts_at(d))
                .flat_map(|(d, c)| {
                    let t = toks.get(c.toks.clone()).unwrap_or(&[]);
                    t.iter().map(move |&t| (t, d))
                }),
        );
        // Only a candidate with a token newly seen can have begun to win
        // (a candidate that cannot pass has no token in `w`).
        let found = w.find_in_body(units, lines, (first, last), |w| {
            let mut changed = std::mem::take(&mut w.changed) & !SEEN;
            while changed != 0 {
                let d = changed.trailing_zeros() as usize;
                changed &= changed - 1;
                let c = candidates.get(d)?;
                let share = w
                    .hits
                    .get(d)
                    .map_or(0.0, |&h| h as f32 / c.toks.len() as f32);
                if race.wins(&candidates, d, share) {
                    return Some(c.k);
                }
            }
            None
        });
        if found.is_some() {
            return found;
        }
        wanted = Some(w);
    }
    let mut scores: Vec<Option<Score>> = vec![None; hi.saturating_sub(lo)];
    for (d, c) in candidates.iter().enumerate() {
        let overlap = match (&wanted, toks.get(c.toks.clone())) {
            (Some(w), Some(t)) if counts_at(d) => w.share(d, t),
            (_, Some([])) => 0.0,
            _ => continue,
        };
        if let Some(s) = scores.get_mut(c.k - lo) {
            *s = c.score(overlap);
        }
    }
    decide(units, lines, &mut scores, lo)
        .or_else(|| opening_title(units, lines, first, last))
        // A clean page (a copy-paste) starts with its headline.
        .or_else(|| (first <= LOOKAHEAD && opens_with_title(units, lines, last)).then_some(0))
}

/// The headline among the units `lo..` scored in `scores`: the first of
/// highest score less its subtitle cost, if that passes `MIN_SCORE`. A
/// unit's final score lies between its least (not cited, at the subtitle
/// cost if the unit above may pass `MIN_SCORE`) and its most (cited, at the
/// cost only if the unit above surely passes); once one unit's least beats
/// `MIN_SCORE` and every other's most, or no unit's most passes, that is
/// the answer, and only then is the page searched for the unit whose most
/// is highest being cited, until it is.
fn decide(
    units: &[Unit],
    lines: &[Classified<'_>],
    scores: &mut [Option<Score>],
    lo: usize,
) -> Option<usize> {
    // The window holds fewer than 64 units: a fixed array, not a list.
    let mut costs = [0.0f32; 64];
    for (d, (cost, s)) in costs.iter_mut().zip(scores.iter()).enumerate() {
        if s.is_some() {
            *cost = subtitle_cost(units, lines, lo + d, Some(f32::MAX));
        }
    }
    let bounds = |s: &Option<Score>| match *s {
        Some(Score::Exact(v)) => Some((v, v)),
        Some(Score::Open { without, with, .. }) => {
            Some((without.unwrap_or(f32::NEG_INFINITY), with))
        }
        None => None,
    };
    loop {
        // Each scored unit's least and most, after its subtitle cost.
        let mut finals: [(usize, f32, f32); 64] = [(0, 0.0, 0.0); 64];
        let mut n = 0;
        let mut above: Option<(f32, f32)> = None;
        for (d, (s, &cost)) in scores.iter().zip(&costs).enumerate() {
            let b = bounds(s);
            if let Some((least, most)) = b
                && let Some(slot) = finals.get_mut(n)
            {
                let may = above.is_some_and(|(_, m)| m > MIN_SCORE);
                let sure = above.is_some_and(|(l, _)| l > MIN_SCORE);
                *slot = (
                    d,
                    least - if may { cost } else { 0.0 },
                    most - if sure { cost } else { 0.0 },
                );
                n += 1;
            }
            above = b;
        }
        let finals = finals.get(..n).unwrap_or(&[]);
        if finals.iter().all(|&(_, _, most)| most <= MIN_SCORE) {
            return None;
        }
        let mut best: Option<(usize, f32)> = None;
        for &(d, least, _) in finals {
            if least > MIN_SCORE && best.is_none_or(|(_, b)| least > b) {
                best = Some((d, least));
            }
        }
        if let Some((a, least)) = best
            && finals
                .iter()
                .all(|&(d, _, most)| d == a || most < least || (most <= least && d > a))
        {
            return Some(lo + a);
        }
        // Not decided: some unit is not resolved yet (resolved, the least
        // and the most are one). The one whose most is highest is looked up.
        let open = scores
            .iter()
            .enumerate()
            .filter_map(|(d, s)| match *s {
                Some(Score::Open { with, .. }) => Some((d, with)),
                _ => None,
            })
            .fold(None, |m: Option<(usize, f32)>, (d, w)| {
                if m.is_none_or(|(_, mw)| w > mw) {
                    Some((d, w))
                } else {
                    m
                }
            });
        let (d, _) = open?;
        resolve(scores, lines, d);
    }
}

/// What a level-1 Markdown heading gains as a headline candidate.
const H1_BONUS: f32 = 2.0;

/// Least weight of a title that a longer line under it may be the subtitle of.
const SUBTITLE_OF: u32 = 25;
/// What a line costs that looks like the subtitle of the title above it.
const SUBTITLE_COST: f32 = 0.6;

/// Least weight of a title that a line of digits under it may be the dateline of.
const DATELINE_UNDER: u32 = 15;
/// Fewest digits of a dateline under a title (a date and a time).
const DATELINE_DIGITS: u16 = 6;
/// Least share of digits in a dateline, in percent of its characters.
const DATELINE_SHARE: u32 = 12;
/// What a line of many digits under a title candidate costs.
const DATELINE_COST: f32 = 1.5;

/// A date written with digits: digits joined by a dot, a slash or, for a
/// time, a colon ("04.05.2015", "5/4/15", "10:45"), or a CJK year
/// ("2018年").
pub(crate) fn dated(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).any(
        |w| matches!(w, [x, b'.' | b'/' | b':', y] if x.is_ascii_digit() && y.is_ascii_digit()),
    ) || text.contains("年")
}

/// The line of a unit that may be the headline.
fn title_line<'l, 'a>(
    units: &[Unit],
    lines: &'l [Classified<'a>],
    k: usize,
) -> Option<&'l Classified<'a>> {
    match units.get(k)? {
        Unit::Line(i) | Unit::Related { first: i, .. } | Unit::PullQuote { quote: i, .. } => {
            lines.get(i.at())
        }
        _ => None,
    }
}

/// A line right under a headline candidate, longer than it and with a
/// comma inside (a clause: a summary sentence), is more often that title's
/// subtitle than the title; one with many digits (a date and a time) is its
/// dateline: both cost. `above` is the score of the unit above.
fn subtitle_cost(units: &[Unit], lines: &[Classified<'_>], k: usize, above: Option<f32>) -> f32 {
    if !above.is_some_and(|s| s > MIN_SCORE) {
        return 0.0;
    }
    let (Some(c), Some(t)) = (
        title_line(units, lines, k),
        k.checked_sub(1).and_then(|j| title_line(units, lines, j)),
    ) else {
        return 0.0;
    };
    let (w, tw) = (c.shape.weight(), t.shape.weight());
    if w > tw && tw >= SUBTITLE_OF && has_comma(c.text) {
        SUBTITLE_COST
    } else if tw >= DATELINE_UNDER
        && c.shape.digits >= DATELINE_DIGITS
        && u32::from(c.shape.digits) * 100 >= DATELINE_SHARE * c.shape.chars
        && dated(c.text)
    {
        // A dateline the date parser did not take: a date, a time, a count.
        DATELINE_COST
    } else {
        0.0
    }
}

/// Whether `text` has a comma, `,` or the full-width `，` (U+FF0C, bytes
/// EF BC 8C): one `memchr2` pass for `,` and the full-width one's last
/// byte, not a decode of every character.
fn has_comma(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b',', 0x8C, b)
        .any(|p| b.get(p) == Some(&b',') || (p >= 2 && b.get(p - 2..p) == Some(&[0xEF, 0xBC])))
}

/// The text's first unit is a title-shaped line, and not all the article
/// there is (the extent ends at unit `last`).
pub(crate) fn opens_with_title(units: &[Unit], lines: &[Classified<'_>], last: usize) -> bool {
    last > 0
        && matches!(units.first(), Some(Unit::Line(i)) if lines.get(i.at()).is_some_and(title_shaped))
}

/// With no line scored as the headline, an article that opens with a
/// title-shaped line or a Markdown heading before more of it opens with its
/// headline: the line a copy of the article would start with.
fn opening_title(
    units: &[Unit],
    lines: &[Classified<'_>],
    first: usize,
    last: usize,
) -> Option<usize> {
    let Some(Unit::Line(i)) = units.get(first) else {
        return None;
    };
    let c = lines.get(i.at())?;
    let heading = matches!(c.kind, Kind::Heading { .. }) && c.boilerplate_hit().is_none();
    (first < last && (title_shaped(c) || heading)).then_some(first)
}

/// What a line that lists short items costs: tags ("Topics: a, b, c"),
/// a breadcrumb ("Home › News › Story"), a credit ("© Agency").
fn list_cost(text: &str, words: u32) -> f32 {
    let (seps, commas, copyright) = list_signs(text);
    let mut cost = 0.0;
    // Items of one or two words each.
    if (seps >= 2 && words <= 2 * (seps + 1)) || (commas >= 3 && 5 * words <= 8 * (commas + 1)) {
        cost += LIST_COST;
    }
    if copyright {
        cost += LIST_COST;
    }
    cost
}

/// How many separators (`›`, `»`, `>`, `|`, `/`, `·`, `•`) and commas (`,`,
/// `、`) `text` has, and whether a `©`: a character found by its UTF-8
/// bytes (which match nowhere but at that character).
fn list_signs(text: &str) -> (u32, u32, bool) {
    let b = text.as_bytes();
    // Sixteen bytes at a time, each kind of byte found by SSE2 compares and
    // counted by its bits; the lead bytes, rare, are looked at one by one.
    let (mut seps, mut commas, mut copyright) = (0, 0, false);
    let mut at = 0;
    while at < b.len() {
        let x = u8x16::new(load16(b, at));
        let eq = |c: u8| x.simd_eq(u8x16::splat(c));
        let (sep_bits, comma_bits) = (
            (eq(b'>') | eq(b'|') | eq(b'/')).to_bitmask(),
            eq(b',').to_bitmask(),
        );
        let (s, c) = two_counts(sep_bits | comma_bits << 16);
        seps += s;
        commas += c;
        let mut leads = (eq(0xC2) | eq(0xE2) | eq(0xE3)).to_bitmask();
        while leads != 0 {
            let p = at + leads.trailing_zeros() as usize;
            leads &= leads - 1;
            let next = |n: usize| b.get(p + 1..p + 1 + n).unwrap_or(&[]);
            match b.get(p) {
                Some(0xC2) => match next(1) {
                    [0xBB | 0xB7] => seps += 1,
                    [0xA9] => copyright = true,
                    _ => {}
                },
                Some(0xE2) if matches!(next(2), [0x80, 0xBA | 0xA2]) => seps += 1,
                Some(0xE3) if next(2) == [0x80, 0x81] => commas += 1,
                _ => {}
            }
        }
        at += 16;
    }
    (seps, commas, copyright)
}

/// The set bits of each sixteen-bit half of `x`, low half first: one
/// SWAR count for both (the target has no `popcnt`), each half's bytes
/// summed in its low byte.
#[inline(always)]
fn two_counts(x: u32) -> (u32, u32) {
    let x = x - ((x >> 1) & 0x5555_5555);
    let x = (x & 0x3333_3333) + ((x >> 2) & 0x3333_3333);
    let x = (x + (x >> 4)) & 0x0F0F_0F0F;
    let x = x + (x >> 8);
    (x & 0xFF, (x >> 16) & 0xFF)
}

/// [`list_signs`] byte by byte: the reference its test compares with.
#[cfg(test)]
fn list_signs_bytewise(text: &str) -> (u32, u32, bool) {
    let (mut seps, mut commas) = (0u32, 0u32);
    let mut copyright = false;
    let b = text.as_bytes();
    for (p, &c) in b.iter().enumerate() {
        let next = |n: usize| b.get(p + 1..p + 1 + n).unwrap_or(&[]);
        match c {
            b'>' | b'|' | b'/' => seps += 1,
            b',' => commas += 1,
            0xC2 => match next(1) {
                [0xBB | 0xB7] => seps += 1,
                [0xA9] => copyright = true,
                _ => {}
            },
            0xE2 if matches!(next(2), [0x80, 0xBA | 0xA2]) => seps += 1,
            0xE3 if next(2) == [0x80, 0x81] => commas += 1,
            _ => {}
        }
    }
    (seps, commas, copyright)
}

/// What a line ending in a colon costs as a headline.
const COLON_COST: f32 = 1.0;

/// What a pull-quote unit costs as a headline.
const PULL_QUOTE_COST: f32 = 1.5;

/// What a link to the previous or next post costs as a headline.
const NAV_COST: f32 = 1.0;
/// Weight under which an "A & B" line is a section's name.
const SECTION_LABEL: u32 = 30;
/// What a section's name costs as a headline.
const SECTION_LABEL_COST: f32 = 0.5;

/// What a list-shaped line costs as a headline.
const LIST_COST: f32 = 1.0;

/// A title-shaped unit's case as the headline: all that its score is made
/// of but its words' overlap with the body and whether it is cited.
struct Candidate<'a> {
    k: usize,
    /// The unit's line.
    line: u32,
    /// Its words (a heading's without its marks), and their tokens in the
    /// buffer `find` fills, once it needs them.
    words: &'a str,
    toks: std::ops::Range<usize>,
    /// What its length gives.
    length: f32,
    meta_follows: bool,
    name: bool,
    hit: bool,
    /// Neither a heading nor upper case at its start, nor CJK.
    lower_start: bool,
    h1: bool,
    /// Repeated in the page, whole, at the end of another line.
    recurs: bool,
    related: bool,
    list_cost: f32,
    nav: bool,
    section_label: bool,
    /// Ends in a full stop; with whether something other than a citation
    /// marks it as a title.
    full_stop: bool,
    marked: bool,
    colon_end: bool,
    pull_quote: bool,
    stops: u16,
    /// Distance to the extent's first unit, and whether it is inside it.
    distance: usize,
    inside: bool,
}

/// The line of unit `k` that may be a headline, with its index: a line, a
/// doubled headline's first (a headline doubled on the page, a visible and
/// a hidden copy, is one unit), a pull quote's quote (one that recurs in
/// the body with a line under it was taken for a pull quote).
#[inline(always)]
fn title_unit<'l, 'a>(
    units: &[Unit],
    lines: &'l [Classified<'a>],
    k: usize,
) -> Option<(u32, &'l Classified<'a>)> {
    match units.get(k)? {
        Unit::Line(i) | Unit::Related { first: i, .. } | Unit::PullQuote { quote: i, .. } => {
            Some((*i, lines.get(i.at())?))
        }
        _ => None,
    }
}

/// Unit `k` as a headline candidate, if it is a title-shaped line; its
/// tokens are left to `find`. `(i, c)` is the unit's line and its index
/// ([`title_unit`]), which `find` has found title-shaped but for its end
/// (the shape's cheap tests, which most units fail).
fn candidate<'a>(
    units: &[Unit],
    lines: &[Classified<'a>],
    ends: &LineEnds,
    first: usize,
    k: usize,
    (i, c): (u32, &Classified<'a>),
) -> Option<Candidate<'a>> {
    debug_assert!(title_shaped_but_end(c));
    // A stop after a number is an ordinal ("19. Jahrhundert"), not a
    // sentence's end.
    let stops = if c.shape.inner_stops > 0 {
        let t = c.text.as_bytes();
        // Each ". " (no two overlap) found by its full stop.
        let ordinals = memchr::memchr_iter(b'.', t)
            .filter(|&p| {
                t.get(p + 1) == Some(&b' ') && p > 0 && t.get(p - 1).is_some_and(u8::is_ascii_digit)
            })
            .count();
        c.shape
            .inner_stops
            .saturating_sub(u16::try_from(ordinals).unwrap_or(u16::MAX))
    } else {
        0
    };
    // One inner stop is allowed, at a cost: "St. Magdalener", "D.O.C. Rioja".
    let abbreviated = stops == 1 && c.shape.weight() <= 120;
    // A title may end in a full stop (an abbreviation, a house style), at
    // a cost and when something else marks it (see below); a longer line
    // that does is a sentence.
    let full_stop = c.shape.sentence_end
        && stops == 0
        && c.shape.weight() <= FULL_STOP_TITLE
        && c.text.trim_end().ends_with('.')
        && !c.text.trim_end().ends_with("..");
    let shaped = title_shaped_but_stops(c) || (full_stop && title_shaped_but_end(c));
    if !(shaped && (stops == 0 || abbreviated)) {
        return None;
    }

    // A Markdown heading is judged by its words; a page's one `#` heading
    // is most often its article's title.
    let heading = match c.kind {
        Kind::Heading { level } => Some(level),
        _ => None,
    };
    let text = match heading {
        Some(_) => crate::construct::heading::words(c.text),
        None => c.text,
    };
    let w = c.shape.weight();
    let meta_follows = meta_follows(units, lines, k);
    // Headlines recur: in breadcrumbs, teasers of the same story, share
    // text. Only lines with the same last byte can end with the line.
    let recurs = text.as_bytes().last().is_some_and(|&b| {
        ends.lines_ending_in(b, units, lines)
            .any(|(j, o)| j != k && o.text.ends_with(text))
    });
    // Before the article, next to a byline or date, or repeated in the
    // page; not the article's own first short sentence.
    let marked = full_stop
        && (k < first
            || (1..=2).any(|d| match k.checked_sub(d).and_then(|j| units.get(j)) {
                Some(Unit::Line(j)) => lines
                    .get(j.at())
                    .is_some_and(|n| matches!(n.kind, Kind::Byline { .. } | Kind::Date { .. })),
                _ => false,
            })
            || meta_follows
            || recurs);
    Some(Candidate {
        k,
        line: i,
        words: text,
        toks: 0..0,
        length: match w {
            25..=140 => 1.0,
            15..=24 | 141..=200 => 0.3,
            _ => -0.5,
        },
        meta_follows,
        name: name(c.text),
        hit: c.hit.is_some(),
        lower_start: heading.is_none() && !c.shape.upper_start && c.shape.cjk == 0,
        h1: heading == Some(1),
        recurs,
        related: matches!(units.get(k), Some(Unit::Related { .. })),
        list_cost: list_cost(c.text, u32::from(c.shape.words)),
        // A link to the previous or next post ("← Older title", "Newer title →").
        nav: c.text.starts_with(['←', '→']) || c.text.ends_with(['←', '→']),
        // A short "A & B" line names a section ("Trends & Styling").
        section_label: w < SECTION_LABEL && c.text.contains(" & "),
        full_stop,
        marked,
        // A line ending in a colon introduces what follows: a label.
        colon_end: c.shape.colon_end,
        // A sentence taken for a pull quote recurs in the body: more often a
        // summary than the title.
        pull_quote: matches!(units.get(k), Some(Unit::PullQuote { .. })),
        stops,
        distance: first.abs_diff(k),
        inside: k >= first,
    })
}

// [`LineEnds`] is read sixteen bytes at a time into a `u128`.
const _: () = assert!((LOOKBACK + RECUR_AHEAD).is_multiple_of(16) && LOOKBACK + RECUR_AHEAD < 128);

/// The last byte of each line unit where a headline's recurrence is looked
/// for (from [`LOOKBACK`] units before the extent's start to [`RECUR_AHEAD`]
/// after it), 0 for other units: read once for every candidate, and
/// searched with SSE2 compares. No line ends in 0 (the input has none).
struct LineEnds {
    /// The unit of `last[0]`.
    from: usize,
    last: [u8; LOOKBACK + RECUR_AHEAD],
    len: usize,
}

impl LineEnds {
    fn new(units: &[Unit], lines: &[Classified<'_>], first: usize) -> Self {
        let from = first.saturating_sub(LOOKBACK);
        let to = (first + RECUR_AHEAD).min(units.len());
        let window = units.get(from..to).unwrap_or(&[]);
        let mut last = [0; LOOKBACK + RECUR_AHEAD];
        for (slot, u) in last.iter_mut().zip(window) {
            if let Unit::Line(m) = u {
                *slot = lines
                    .get(m.at())
                    .and_then(|o| o.text.as_bytes().last().copied())
                    .unwrap_or(0);
            }
        }
        LineEnds {
            from,
            last,
            len: window.len().min(LOOKBACK + RECUR_AHEAD),
        }
    }

    /// Bit `d` for each unit `from + d` of the window whose line ends in
    /// `b` (not 0): five SSE2 compares of the eighty bytes, where a
    /// `memchr` pass costs its setup at each match.
    #[inline(always)]
    fn ending_in(&self, b: u8) -> u128 {
        let want = i8x16::splat(b as i8);
        let mut m = 0u128;
        for (c, chunk) in self.last.chunks_exact(16).enumerate() {
            let x = i8x16::from_ne_bytes(<[u8; 16]>::try_from(chunk).unwrap_or([0; 16]));
            m |= u128::from(x.simd_eq(want).to_bitmask()) << (16 * c);
        }
        // Slots past the window hold 0, which `b` is not; cut all the same.
        m & ((1u128 << self.len) - 1)
    }

    /// The line units of the window whose line ends in `b` (not 0), with
    /// their lines: in the window's order.
    fn lines_ending_in<'l, 'a>(
        &'l self,
        b: u8,
        units: &'l [Unit],
        lines: &'l [Classified<'a>],
    ) -> impl Iterator<Item = (usize, &'l Classified<'a>)> + use<'l, 'a> {
        let mut m = self.ending_in(b);
        let slots = std::iter::from_fn(move || {
            (m != 0).then(|| {
                let d = m.trailing_zeros() as usize;
                m &= m - 1;
                d
            })
        });
        slots.filter_map(move |d| {
            let j = self.from + d;
            match units.get(j) {
                Some(Unit::Line(m)) => lines.get(m.at()).map(|o| (j, o)),
                _ => None,
            }
        })
    }
}

impl Candidate<'_> {
    /// The score, given the share of its tokens that the body has and
    /// whether the line is cited; `None` for a full-stop line that nothing
    /// marks as a title.
    fn value(&self, overlap: f32, cited: bool) -> Option<f32> {
        let mut score = 3.0 * overlap;
        score += self.length;
        if self.meta_follows {
            score += 1.5;
        }
        if self.name {
            score -= 2.0;
        }
        if self.hit {
            score -= 1.0;
        }
        if self.lower_start {
            score -= 0.7;
        }
        if self.h1 {
            score += H1_BONUS;
        }
        if self.recurs || self.related {
            score += 1.0;
        }
        if cited {
            score += CITED;
        }
        score -= self.list_cost;
        if self.nav {
            score -= NAV_COST;
        }
        if self.section_label {
            score -= SECTION_LABEL_COST;
        }
        if self.full_stop {
            if !(self.marked || cited) {
                return None;
            }
            score -= FULL_STOP_COST;
        }
        if self.colon_end {
            score -= COLON_COST;
        }
        if self.pull_quote {
            score -= PULL_QUOTE_COST;
        }
        if self.stops > 0 {
            score -= ABBREVIATION_COST;
        }
        score -= 0.025 * self.distance as f32;
        if self.inside {
            score -= 0.3;
        }
        Some(score)
    }

    /// The score given the share of its tokens the body has.
    fn score(&self, overlap: f32) -> Option<Score> {
        if self.recurs {
            return self.value(overlap, false).map(Score::Exact);
        }
        // Whether the line is cited matters only if the score may pass
        // `MIN_SCORE` with it: a score at most that is as good as none (see
        // `find` and `subtitle_cost`), and the score grows with `cited`. So
        // the page is searched only for a candidate that may win, and only
        // when `find` needs to know.
        let with = self.value(overlap, true).filter(|&s| s > MIN_SCORE)?;
        Some(Score::Open {
            without: self.value(overlap, false),
            with,
            line: self.line,
        })
    }
}

/// A unit's score as a headline, or the two it may have.
#[derive(Debug, Clone, Copy)]
enum Score {
    Exact(f32),
    /// `with` if the line is cited elsewhere in the page, else `without`
    /// (which is at most `with`).
    Open {
        without: Option<f32>,
        with: f32,
        line: u32,
    },
}

/// The score at `d` in `scores`, settling whether its line is cited if it
/// is still open.
fn resolve(scores: &mut [Option<Score>], lines: &[Classified<'_>], d: usize) -> Option<f32> {
    let s = scores.get_mut(d)?;
    if let Some(Score::Open {
        without,
        with,
        line,
    }) = *s
    {
        let is_cited = lines.get(line.at()).is_some_and(|c| cited(lines, c));
        *s = if is_cited { Some(with) } else { without }.map(Score::Exact);
    }
    match *s {
        Some(Score::Exact(v)) => Some(v),
        _ => None,
    }
}

/// The line is quoted anywhere in the page, inside a longer line: a
/// breadcrumb, the page title with the site's name, a share text.
///
/// Each line of a fitting length is searched for the title's first byte
/// with `memchr`, the title compared where it is: for the few short lines
/// of a page, cheaper than setting up a substring searcher.
fn cited(lines: &[Classified<'_>], c: &Classified<'_>) -> bool {
    let t = c.text.as_bytes();
    let n = t.len();
    lines.iter().any(|o| {
        let (o, m) = (o.text.as_bytes(), o.text.len());
        // `n < m <= n + CITED_EXTRA` in one unsigned compare: most lines
        // of a page fail it.
        m.wrapping_sub(n + 1) < CITED_EXTRA
            && match t.first() {
                Some(&f) => memchr::memchr_iter(f, o.get(..=m - n).unwrap_or(&[]))
                    .any(|p| o.get(p..p + n) == Some(t)),
                None => true,
            }
    })
}

#[cfg(test)]
mod tests {
    fn headline(text: &str) -> Option<String> {
        crate::parse(text)
            .ok()?
            .headline
            .map(|h| h.text.to_string())
    }

    const BODY: &str = "The harbour board met on Tuesday to decide the future of the old ferry pier, which has stood empty for years.\n\n\
The pier will be rebuilt as a public walkway with benches, lights and a small kiosk, the board said after the vote.\n\n\
Work on the pier starts in spring and should end before the summer season, when the ferry crowds return to the harbour.\n";

    #[test]
    fn dates_written_with_digits() {
        assert!(super::dated("04.05.2015"), "day.month.year");
        assert!(super::dated("5/4/15"), "slashes");
        assert!(super::dated("2018年5月"), "a CJK year");
        assert!(super::dated("Monday, updated 10:45 (GMT+2)"), "a time");
        assert!(!super::dated("Ferry pier rebuilt in 2015"), "a year alone");
    }

    #[test]
    fn a_doubled_title_line_is_the_headline() {
        let text = format!(
            "Home\nNews\nSport\nHarbour board votes to rebuild the old ferry pier\nHarbour board votes to rebuild the old ferry pier\n\n{BODY}"
        );
        assert_eq!(
            headline(&text).as_deref(),
            Some("Harbour board votes to rebuild the old ferry pier")
        );
    }

    #[test]
    fn a_breadcrumb_loses_to_the_title_it_ends_with() {
        let text = format!(
            "Home › News › Harbour › Ferry pier rebuilt\nFerry pier will be rebuilt as a walkway\nBy Jane Doe\n\n{BODY}"
        );
        assert_eq!(
            headline(&text).as_deref(),
            Some("Ferry pier will be rebuilt as a walkway")
        );
    }

    #[test]
    fn a_subtitle_with_a_comma_loses_to_the_title_above_it() {
        let text = format!(
            "Home\nNews\nSport\nHarbour board backs the ferry pier plan\nThe old pier will become a walkway with benches, lights and a kiosk, the board says\nBy Jane Doe\n\n{BODY}"
        );
        assert_eq!(
            headline(&text).as_deref(),
            Some("Harbour board backs the ferry pier plan")
        );
    }

    #[test]
    fn lines_under_a_title_that_cost() {
        use crate::parse::classify::classify;
        use crate::parse::structure::Unit;
        let text = "Harbour board backs the ferry pier plan\n\
Harbour Daily | 04.05.2015 at 13h36 | Jane Doe\n\
The old pier will become a walkway with benches, lights and a kiosk, the board says\n\
Pier plan";
        let c = classify(text, crate::lexicon::Lexicon::builtin()).lines;
        let u = [
            Unit::Line(0),
            Unit::Line(1),
            Unit::Line(0),
            Unit::Line(2),
            Unit::Line(3),
        ];
        assert_eq!(
            super::subtitle_cost(&u, &c, 1, Some(2.0)),
            super::DATELINE_COST
        );
        assert_eq!(
            super::subtitle_cost(&u, &c, 3, Some(2.0)),
            super::SUBTITLE_COST
        );
        assert_eq!(
            super::subtitle_cost(&u, &c, 3, Some(0.5)),
            0.0,
            "no title above"
        );
        assert_eq!(
            super::subtitle_cost(&u, &c, 4, Some(2.0)),
            0.0,
            "a short line"
        );
    }

    #[test]
    fn post_links_and_section_names_are_not_the_headline() {
        let text = format!(
            "Home\nTrends & Styling\nHarbour board backs the ferry pier plan\n\n{BODY}\n← Harbour board pier vote delayed again"
        );
        assert_eq!(
            headline(&text).as_deref(),
            Some("Harbour board backs the ferry pier plan")
        );
        let text = format!(
            "Home\nNews\nHarbour board backs the ferry pier plan\nBy Jane Doe\n\n{BODY}\nThe pier board will vote on the ferry pier plan again \u{2192}\nBy Jane Doe"
        );
        assert_eq!(
            headline(&text).as_deref(),
            Some("Harbour board backs the ferry pier plan")
        );
    }

    #[test]
    fn list_signs_are_counted_as_characters() {
        for text in [
            "Home › News » Harbour > Pier | Ferry / Board · Vote • Now",
            "Tags: a, b、c、 d, © Agency",
            "Ferry → pier ‹ « ‚ „ ¢ ª ±",
            "",
        ] {
            let (mut seps, mut commas, mut copyright) = (0, 0, false);
            for ch in text.chars() {
                match ch {
                    '›' | '»' | '>' | '|' | '/' | '·' | '•' => seps += 1,
                    ',' | '、' => commas += 1,
                    '©' => copyright = true,
                    _ => {}
                }
            }
            assert_eq!(
                super::list_signs(text),
                (seps, commas, copyright),
                "{text:?}"
            );
        }
    }

    #[test]
    fn line_ends_find_the_lines_a_scan_of_the_window_finds() {
        use crate::parse::classify::classify;
        use crate::parse::structure::{AsIndex, Unit, ix};
        let text = "Pier plan\nThe pier plan\nBoard\n- a\n- b\nOld pier plan\nOn the pier plan\nx";
        let c = classify(text, crate::lexicon::Lexicon::builtin()).lines;
        let n = c.len();
        // Lines and other units, the window cut at either end.
        let mut units: Vec<Unit> = (0..n).map(|i| Unit::Line(ix(i))).collect();
        units.insert(
            3,
            Unit::List {
                start: ix(3),
                end: ix(5),
            },
        );
        for _ in 0..70 {
            units.push(Unit::Line(ix(n - 1)));
        }
        for first in [0, 2, 5, 40, 64, 75] {
            let ends = super::LineEnds::new(&units, &c, first);
            // The compares' bits are the slots a byte-by-byte scan finds,
            // for every byte value but 0, the window cut at any length.
            for len in [0, 1, 15, 16, 17, 33, 63, 64, 65, 79, 80] {
                let mut cut = super::LineEnds { len, ..ends };
                for (d, slot) in cut.last.iter_mut().enumerate() {
                    *slot = (d * 37 % 256) as u8;
                }
                for b in 1..=255u8 {
                    let want = (0..len)
                        .filter(|&d| cut.last.get(d) == Some(&b))
                        .fold(0u128, |m, d| m | 1 << d);
                    assert_eq!(cut.ending_in(b), want, "len {len}, byte {b}");
                }
            }
            for k in 0..units.len() {
                for t in ["plan", "pier plan", "x", "n", "a"] {
                    let b = *t.as_bytes().last().unwrap();
                    let scan = (first.saturating_sub(super::LOOKBACK)
                        ..(first + super::RECUR_AHEAD).min(units.len()))
                        .any(|j| {
                            j != k
                                && matches!(units.get(j), Some(Unit::Line(m)) if c.get(m.at()).is_some_and(|o| {
                                    o.text.as_bytes().last() == Some(&b) && o.text.ends_with(t)
                                }))
                        });
                    let found = ends
                        .lines_ending_in(b, &units, &c)
                        .any(|(j, o)| j != k && o.text.ends_with(t));
                    assert_eq!(found, scan, "first {first}, unit {k}, {t:?}");
                }
            }
        }
    }

    #[test]
    fn list_signs_by_lanes_are_the_signs_byte_by_byte() {
        let parts = [
            ">", "|", "/", ",", "›", "»", "·", "•", "©", "、", "é", "€", "a", " ", "\u{a0}", "…",
            "ã", "ⅰ",
        ];
        let mut texts = Vec::new();
        for a in parts {
            for b in parts {
                for c in parts {
                    texts.push(format!("{a}{b}{c}"));
                    // Each sign at every place in the sixteen lanes, and
                    // across their end.
                    for pad in [1, 7, 12, 13, 14, 15, 16, 29, 30, 31] {
                        texts.push(format!("{}{a}{b}{c}", "x".repeat(pad)));
                    }
                    texts.push(format!("Home {a}{b} news{c}{a} sport, x{b}{c}"));
                    texts.push(format!(
                        "{a}abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz{b}{c}"
                    ));
                }
            }
        }
        for t in &texts {
            assert_eq!(super::list_signs(t), super::list_signs_bytewise(t), "{t:?}");
        }
        assert_eq!(super::list_signs("Home › News › A, B © C"), (2, 1, true));
    }

    #[test]
    fn a_citation_is_found_as_a_substring_searcher_finds_it() {
        use crate::parse::classify::classify;
        let text = "Ferry pier rebuilt\nHome › Ferry pier rebuilt\nFerry pier rebuilt as a walkway\n\
FFerry pier rebuilt!\nFerry pier\nThe Ferry pier rebuilt, says the board of the harbour\nx\nFerry\nFerry pier rebuilt";
        let c = classify(text, crate::lexicon::Lexicon::builtin()).lines;
        let mut found = 0;
        for title in &c {
            let finder = memchr::memmem::Finder::new(title.text.as_bytes());
            let want = c.iter().any(|o| {
                let m = o.text.len();
                m > title.text.len()
                    && m <= title.text.len() + super::CITED_EXTRA
                    && finder.find(o.text.as_bytes()).is_some()
            });
            assert_eq!(super::cited(&c, title), want, "{:?}", title.text);
            found += usize::from(want);
        }
        assert!(found >= 3, "cited lines: {found}");
    }

    #[test]
    fn commas_are_found_as_a_character_search_finds_them() {
        let parts = ["a", ",", "，", "\u{FF0B}", "\u{8C}", "\u{30C}", "東", " "];
        let mut n = 0;
        for a in parts {
            for b in parts {
                for c in parts {
                    let t = format!("{a}{b}{c}");
                    assert_eq!(super::has_comma(&t), t.contains([',', '，']), "{t:?}");
                    n += usize::from(super::has_comma(&t));
                }
            }
        }
        assert!(n > 100, "texts with a comma: {n}");
    }

    #[test]
    fn empty_slots_are_a_zeroed_table() {
        for n in 0..=600 {
            assert_eq!(super::empty_slots(n), vec![(0, 0); n], "{n}");
        }
    }

    #[test]
    fn two_counts_are_the_halves_bits() {
        for lo in 0..=0xFFFFu32 {
            for hi in [
                0,
                1,
                0x8000,
                0xFFFF,
                lo,
                lo ^ 0xA5A5,
                lo.reverse_bits() >> 16,
            ] {
                assert_eq!(
                    super::two_counts(lo | hi << 16),
                    (lo.count_ones(), hi.count_ones()),
                    "{lo:#x} {hi:#x}"
                );
            }
        }
    }

    #[test]
    fn list_shapes_cost() {
        assert!(super::list_cost("Home › News › Harbour", 5) > 0.0);
        assert!(super::list_cost("Topics: pier, ferry, harbour, board", 5) > 0.0);
        assert!(super::list_cost("Pier rebuilt © Agency", 4) > 0.0);
        assert_eq!(
            super::list_cost("New year, new rules: what changes for the pier", 9),
            0.0
        );
    }

    #[test]
    fn an_opening_heading_is_the_headline_when_nothing_scores() {
        // Long enough for the learned scorer, which takes the heading in.
        let text = format!(
            "### Ferry returns after repairs\n\n{}\n\n\
             Timetables are posted at the terminal and on the harbour website.",
            crate::parse::testing::FERRY_STORY
        );
        assert_eq!(
            headline(&text).as_deref(),
            Some("Ferry returns after repairs")
        );
    }

    #[test]
    fn word_sets_hold_what_was_put_in() {
        let mut set = super::WordSet::new();
        for h in [0u64, 1, 42, u64::MAX, 1 << 63] {
            assert!(!set.contains(h), "{h} not yet in");
            set.insert(h);
            set.insert(h);
            assert!(set.contains(h), "{h} in");
        }
        assert_eq!(set.len, 4, "zero is kept apart, doubles once");
        for h in 100..100_000u64 {
            set.insert(h);
        }
        assert_eq!(set.len, super::WordSet::MAX, "full at its bound");
        assert!(set.contains(42) && !set.contains(200_000));
        for room in [0, 1, 5, 100, 2000, 3072, 5000] {
            let mut small = super::WordSet::with_room(room);
            for h in 1..=room as u64 {
                small.insert(h * 7919);
            }
            assert_eq!(
                small.len,
                room.min(super::WordSet::MAX),
                "{room} words held"
            );
            assert!(
                (1..=room as u64)
                    .all(|h| small.contains(h * 7919) == (h as usize <= super::WordSet::MAX))
            );
            assert!(!small.contains(3), "not put in");
        }
    }

    #[test]
    fn common_letters_lower_as_std_does() {
        for ch in ('\u{80}'..='\u{500}').filter(|&c| super::common_lower(c).is_some()) {
            let mut std = ch.to_lowercase();
            assert!(
                ch.is_alphanumeric() && !crate::lexicon::is_cjk(ch),
                "{ch:?} is a letter"
            );
            assert_eq!(
                (std.next().map(u32::from), std.next()),
                (super::common_lower(ch), None),
                "{ch:?} lowers to one character"
            );
        }
    }

    #[test]
    fn common_signs_are_no_word_characters() {
        for ch in ('\u{80}'..='\u{3100}').filter(|&c| super::common_non_word(c)) {
            assert!(
                !ch.is_alphanumeric() && !crate::lexicon::is_cjk(ch),
                "{ch:?} is no word character"
            );
            assert!(super::common_lower(ch).is_none(), "{ch:?} is no letter");
        }
    }

    #[test]
    fn word_lanes_are_the_bytes_one_by_one() {
        // Every byte value in every lane, among letters, digits, signs and
        // high bytes, and the text cut at every length (the padded load).
        for v in 0..=255u8 {
            for fill in [
                b'a', b'Z', b'5', b' ', b'@', b'[', b'`', b'{', 0x80, 0xC3, 0xFF,
            ] {
                for lane in 0..18 {
                    let mut bytes = [fill; 20];
                    if let Some(x) = bytes.get_mut(lane) {
                        *x = v;
                    }
                    for n in 0..=20 {
                        let b = bytes.get(..n).unwrap_or(&[]);
                        for at in [0, 1, 4] {
                            let (mut w, mut high) = (0u32, 0u32);
                            for d in 0..16 {
                                if let Some(&x) = b.get(at + d) {
                                    w |= u32::from(x.is_ascii_alphanumeric()) << d;
                                    high |= u32::from(x >= 0x80) << d;
                                }
                            }
                            assert_eq!(
                                super::word_lanes(b, at),
                                (w, high),
                                "{v:#x} in lane {lane} of {fill:#x}, {n} bytes from {at}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn tokens_fold_case_and_split_cjk() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        super::tokens("Ferry RETURNS to the Hafen, Überfahrt ok", &mut a);
        super::tokens("ferry returns to THE hafen überfahrt", &mut b);
        assert_eq!(
            a, b,
            "case and punctuation do not matter; short words are left out"
        );
        let mut c = Vec::new();
        super::tokens("東京の新聞", &mut c);
        assert_eq!(c.len(), 5, "one token a CJK character");
    }

    /// The tokens by the rule, character by character: each word's
    /// lower-cased UTF-8, as a number if eight bytes or fewer, else hashed.
    fn reference_tokens(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut word = String::new();
        let end = |word: &mut String, out: &mut Vec<u64>| {
            if word.chars().count() >= 3 {
                let b = word.as_bytes();
                let chunk = |c: &[u8]| c.iter().rev().fold(0u64, |a, &x| a << 8 | u64::from(x));
                out.push(if b.len() <= 8 {
                    chunk(b)
                } else {
                    b.chunks(8).fold(0, |s, c| super::mix(s ^ chunk(c)))
                });
            }
            word.clear();
        };
        for ch in text.chars() {
            if crate::lexicon::is_cjk(ch) {
                end(&mut word, &mut out);
                out.push(super::cjk_token(ch));
            } else if ch.is_alphanumeric() {
                word.extend(ch.to_lowercase());
            } else {
                end(&mut word, &mut out);
            }
        }
        end(&mut word, &mut out);
        out
    }

    #[test]
    fn tokens_read_eight_bytes_at_a_time_as_one_by_one() {
        let mut texts: Vec<String> = [
            "",
            "ab",
            "abc",
            "Harbour",
            "Harbours",
            "Harbourmaster",
            "Harbourmasters' ferry-pier, 2015: OK?",
            "über Überfahrt straße STRASSE naïve café",
            "abcdefg\u{e9}hij abcdefgh\u{e9} \u{212a}elvin Kelvin \u{130}stanbul",
            "Москва ΑΘΗΝΑ Αθήνα «quoted» \u{2019}tis it\u{2019}s",
            "東京の新聞 Tokyo東京news",
            "x\u{0}y\tz 1234567890123456789 a1b2c3d4e5f6",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Pseudo-random text over letters, digits, signs and other scripts,
        // for words across every eight-byte boundary.
        // ASCII text too, whose steps read all forty-eight bytes at once,
        // mostly letters for words across those steps' bounds.
        let mut seed = 42u64;
        for alphabet in ["aZ9 .,-'é€ßЖ東\u{212a}İ\n", "abcdefghijklmnoZ9 .-\n"] {
            let alphabet: Vec<char> = alphabet.chars().collect();
            for len in 0..200 {
                let t: String = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        let r = (seed >> 33) as usize;
                        alphabet.get(r % alphabet.len()).copied().unwrap_or(' ')
                    })
                    .collect();
                texts.push(t);
            }
        }
        for t in &texts {
            let mut got = Vec::new();
            super::tokens(t, &mut got);
            let all = reference_tokens(t);
            assert_eq!(got, all, "tokens of {t:?}");
            // Stopped after each token, on either path.
            for k in 0..all.len() {
                let mut first = Vec::new();
                super::each_token(t, &super::Keys::ALL, |w| {
                    first.push(w);
                    first.len() <= k
                });
                assert_eq!(first, all.get(..=k).unwrap_or(&[]), "{k} tokens of {t:?}");
            }
        }
    }

    #[test]
    fn keys_pass_every_wanted_word() {
        // Texts of words of every length over letters, digits and other
        // scripts; each text's tokens wanted in turn from a few, from other
        // texts, and as hashes of longer words.
        let alphabet: Vec<char> = "aeiouZ9 .,-é東\u{212a}".chars().collect();
        let mut seed = 7u64;
        let texts: Vec<String> = (0..300)
            .map(|len| {
                (0..len % 90)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        let r = (seed >> 33) as usize;
                        alphabet.get(r % alphabet.len()).copied().unwrap_or(' ')
                    })
                    .collect()
            })
            .collect();
        let mut hits = 0;
        for (n, t) in texts.iter().enumerate() {
            let mut all = Vec::new();
            super::tokens(t, &mut all);
            let mut wanted = Vec::new();
            for o in texts.iter().skip(n).step_by(37).take(3) {
                super::tokens(o, &mut wanted);
            }
            wanted.extend(all.iter().step_by(3).copied());
            let mut keys = super::Keys::NONE;
            for &w in &wanted {
                keys.add(w);
            }
            let mut passed = Vec::new();
            super::each_token(t, &keys, |w| {
                passed.push(w);
                true
            });
            let of = |v: &[u64]| -> Vec<u64> {
                v.iter().copied().filter(|w| wanted.contains(w)).collect()
            };
            assert_eq!(of(&passed), of(&all), "wanted words of {t:?}");
            assert!(passed.iter().all(|w| all.contains(w)), "{t:?}");
            hits += of(&all).len();
        }
        assert!(hits > 300, "{hits} wanted words found");
        // The keys do leave words out: with none, only the long ones pass.
        let (mut none, mut long) = (Vec::new(), Vec::new());
        super::each_token("The harbourmaster met the board", &super::Keys::NONE, |w| {
            none.push(w);
            true
        });
        super::tokens("harbourmaster", &mut long);
        assert_eq!(none, long);
    }

    #[test]
    fn hits_count_the_seen_tokens_as_the_table_has_them() {
        // Candidates' tokens with repeats, a shared token and the token 0;
        // the body's tokens seen one by one, wanted or not.
        let cands: [&[u64]; 4] = [&[5, 9, 5, 0, 12], &[9, 40, 40, 40], &[0, 0, 7], &[77]];
        let n = cands.iter().map(|c| c.len()).sum();
        let mut w = super::Wanted::new(
            n,
            cands
                .iter()
                .enumerate()
                .flat_map(|(d, c)| c.iter().map(move |&t| (t, d))),
        );
        assert_eq!(w.distinct, 7);
        for t in [3, 9, 9, 40, 1 << 60, 0, 5, 77, 12, 7, 0] {
            w.see(t);
            for (d, c) in cands.iter().enumerate() {
                let has = c.iter().filter(|&&t| w.has(t)).count();
                assert_eq!(w.hits.get(d).copied(), Some(has as u32), "{d} after {t}");
            }
        }
        assert_eq!(w.seen, w.distinct);
    }

    #[test]
    fn a_lone_title_line_is_the_article_not_its_headline() {
        assert_eq!(headline("Ferry returns to the harbour after repairs"), None);
    }
}
