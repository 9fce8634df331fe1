//! Line features for the learned line scorer.
//!
//! Each line becomes a fixed vector of numbers computed from its shape, its
//! kind, its lexicon hit, whether it repeats elsewhere in the page, and the
//! same measures averaged over its neighbours (prefix sums, so linear). A
//! logistic model over these (weights in `weights.rs`, trained by
//! `examples/train.rs` on the development corpus) gives the log-odds that a
//! line is article content; the extent stage sums them.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::BoilerplateKind;
use crate::lexicon::Lexicon;

use super::classify::{Classified, Kind};

/// Number of features per line.
pub(crate) const N: usize = 50;

/// Names of the features, in order (for the training report).
pub(crate) const NAMES: [&str; N] = [
    "bias",
    "ln_weight",
    "sentence_end",
    "colon_end",
    "words",
    "cjk_ratio",
    "digit_ratio",
    "inner_stops",
    "upper_start",
    "k_text",
    "k_bullet",
    "k_credit",
    "k_byline",
    "k_date",
    "k_heading",
    "k_link",
    "hit_strong",
    "hit_weak",
    "hit_decisive",
    "hit_chrome",
    "hit_nav",
    "hit_related",
    "blanks_before",
    "position",
    "repeated",
    "short",
    "long",
    "w3_sentence",
    "w3_ln_weight",
    "w3_short",
    "w3_hit",
    "w10_sentence",
    "w10_short",
    "w10_ln_weight",
    "sentence_x_weight",
    "prev_sentence",
    "next_sentence",
    "prev_short",
    "next_short",
    "w10_repeated",
    "commas",
    "upper_ratio",
    "separators",
    "url_like",
    "at_sign",
    "word_len",
    "quotes",
    "starts_digit",
    "ends_digit",
    "w3_commas",
];

/// The features of every line (for training; parsing uses [`logits`]).
pub(crate) fn features(
    lines: &[Classified<'_>],
    repeats: &[u32],
    lexicon: &Lexicon,
) -> Vec<[f32; N]> {
    let mut out = Vec::with_capacity(lines.len());
    for_each_row(lines, repeats, lexicon, |row| out.push(*row));
    out
}

/// The model's log-odds for every line, without keeping the feature rows
/// (40 floats a line would be the largest allocation of a parse).
pub(crate) fn logits(lines: &[Classified<'_>], repeats: &[u32], lexicon: &Lexicon) -> Vec<f32> {
    let mut out = Vec::with_capacity(lines.len());
    for_each_row(lines, repeats, lexicon, |row| out.push(logit(row)));
    out
}

/// Computes each line's feature row in order and hands it to `f`.
fn for_each_row(
    lines: &[Classified<'_>],
    repeats: &[u32],
    lexicon: &Lexicon,
    mut f: impl FnMut(&[f32; N]),
) {
    let n = lines.len();
    // Per-line base measures that the windows average, their running sums
    // (`prefix[k]` sums lines `0..k`) and the text stats, for the lines
    // within `RADIUS` of the row being written: rings, so that the rows
    // cost no memory per line. Sums are taken in the same order as over
    // whole arrays, so the values are the same.
    let mut base = [[0f32; 6]; RING];
    let mut prefix = [[0f32; 6]; RING];
    let mut stats = [TextStats::default(); RING];
    let slot = |k: usize| k % RING;
    for j in 0..n + RADIUS {
        if let Some(c) = lines.get(j) {
            let t = text_stats(c.text);
            let w = c.shape.weight() as f32;
            let b = [
                f32::from(u8::from(c.shape.sentence_end)),
                ln_of(c.shape.weight(), 1) / 6.0,
                f32::from(u8::from(w < 30.0)),
                f32::from(u8::from(c.boilerplate_hit().is_some())),
                f32::from(u8::from(repeats.get(j).copied().unwrap_or(1) > 1)),
                t.commas,
            ];
            let p = prefix.get(slot(j)).copied().unwrap_or_default();
            let mut next = [0f32; 6];
            for ((o, pv), bv) in next.iter_mut().zip(p).zip(b) {
                *o = pv + bv;
            }
            if let (Some(bs), Some(ps), Some(ts)) = (
                base.get_mut(slot(j)),
                prefix.get_mut(slot(j + 1)),
                stats.get_mut(slot(j)),
            ) {
                *bs = b;
                *ps = next;
                *ts = t;
            }
        }
        // Every line within RADIUS after row `i` is in the rings now.
        let Some(i) = j.checked_sub(RADIUS) else {
            continue;
        };
        let Some(c) = lines.get(i) else { break };
        f(&row(i, n, c, &base, &prefix, &stats, lexicon));
    }
}

/// `ln(weight + plus)` as `(plus + weight as f32).ln()` gives it, from a
/// table for the weights of most lines: the same calls, made once per
/// process.
pub(crate) fn ln_of(weight: u32, plus: u8) -> f32 {
    const TABLE: usize = 4096;
    static LN: OnceLock<Vec<f32>> = OnceLock::new();
    let table = LN.get_or_init(|| (0..TABLE).map(|k| (k as f32).ln()).collect());
    match table.get(weight as usize + usize::from(plus)) {
        Some(&v) => v,
        None => (f32::from(plus) + weight as f32).ln(),
    }
}

/// The widest window the rows look at, in lines either side.
const RADIUS: usize = 10;
/// Ring size: holds `prefix` from `i - RADIUS` to `i + RADIUS + 1`.
const RING: usize = 32;
const _: () = assert!(RING > 2 * RADIUS + 1);

/// The feature row of line `i` (of `n`), from the rings around it.
fn row(
    i: usize,
    n: usize,
    c: &Classified<'_>,
    base: &[[f32; 6]; RING],
    prefix: &[[f32; 6]; RING],
    stats: &[TextStats; RING],
    lexicon: &Lexicon,
) -> [f32; N] {
    let slot = |k: usize| k % RING;
    // Means of the measures over lines i-r..=i+r, without line i.
    let window = |i: usize, r: usize| -> [f32; 6] {
        debug_assert!(r <= RADIUS);
        let lo = i.saturating_sub(r);
        let hi = (i + r + 1).min(n);
        let count = (hi - lo).saturating_sub(1);
        let (Some(p_hi), Some(p_lo), Some(b)) = (
            prefix.get(slot(hi)),
            prefix.get(slot(lo)),
            base.get(slot(i)),
        ) else {
            return [0.0; 6];
        };
        let mut out = [0.0; 6];
        for (((o, h), l), v) in out.iter_mut().zip(p_hi).zip(p_lo).zip(b) {
            let sum = h - l - v;
            *o = if count == 0 { 0.0 } else { sum / count as f32 };
        }
        out
    };
    let at = |i: Option<usize>, j: usize| -> f32 {
        i.and_then(|i| base.get(slot(i)))
            .and_then(|b| b.get(j))
            .copied()
            .unwrap_or(0.0)
    };
    {
        {
            let sh = &c.shape;
            let w = sh.weight() as f32;
            let w3 = window(i, 3);
            let w10 = window(i, 10);
            let chars = sh.chars.max(1) as f32;
            let kind = |k: bool| f32::from(u8::from(k));
            let hit_kind = c.hit.and_then(|h| lexicon.meta(h.phrase)).map(|m| m.kind);
            let group = |ks: &[BoilerplateKind]| kind(hit_kind.is_some_and(|k| ks.contains(&k)));
            // The same value as `base[i][1]`.
            let ln_w = base.get(slot(i)).map_or(0.0, |b| b[1]);
            let sentence = kind(sh.sentence_end);
            let t = stats.get(slot(i)).copied().unwrap_or_default();
            [
                1.0,
                ln_w,
                sentence,
                kind(sh.colon_end),
                (sh.words.min(60) as f32) / 60.0,
                sh.cjk as f32 / chars,
                sh.digits as f32 / chars,
                (sh.inner_stops.min(5) as f32) / 5.0,
                kind(sh.upper_start),
                kind(c.kind == Kind::Text),
                kind(matches!(c.kind, Kind::Bullet { .. })),
                kind(matches!(c.kind, Kind::Credit { .. })),
                kind(matches!(c.kind, Kind::Byline { .. })),
                kind(matches!(c.kind, Kind::Date { .. })),
                kind(matches!(c.kind, Kind::Heading { .. })),
                kind(matches!(c.kind, Kind::Link { .. })),
                kind(c.hit.is_some_and(|h| h.strong)),
                kind(c.hit.is_some_and(|h| !h.strong)),
                kind(c.boilerplate_hit().is_some()),
                group(&[
                    BoilerplateKind::CookieNotice,
                    BoilerplateKind::Newsletter,
                    BoilerplateKind::Subscription,
                    BoilerplateKind::Legal,
                    BoilerplateKind::AppPromo,
                ]),
                group(&[
                    BoilerplateKind::Navigation,
                    BoilerplateKind::Social,
                    BoilerplateKind::Media,
                    BoilerplateKind::Advertisement,
                ]),
                group(&[BoilerplateKind::RelatedList, BoilerplateKind::Comments]),
                (c.blanks_before.min(3) as f32) / 3.0,
                i as f32 / n.max(1) as f32,
                at(Some(i), 4),
                kind(w < 30.0),
                kind(w >= 200.0),
                w3[0],
                w3[1],
                w3[2],
                w3[3],
                w10[0],
                w10[2],
                w10[1],
                sentence * ln_w,
                at(i.checked_sub(1), 0),
                at(Some(i + 1).filter(|&j| j < n), 0),
                at(i.checked_sub(1), 2),
                at(Some(i + 1).filter(|&j| j < n), 2),
                w10[4],
                t.commas,
                t.upper,
                t.separators,
                t.url_like,
                t.at_sign,
                t.word_len,
                t.quotes,
                t.starts_digit,
                t.ends_digit,
                w3[5],
            ]
        }
    }
}

/// Cheap counts over a line's bytes and characters.
#[derive(Debug, Clone, Copy, Default)]
struct TextStats {
    /// Commas per 10 characters (prose has them, menus do not).
    commas: f32,
    /// Share of letters that are upper case.
    upper: f32,
    /// Has `|`, `»`, `›`, `•` or `/` between words (breadcrumbs, link rows).
    separators: f32,
    /// Looks like it holds a URL or domain.
    url_like: f32,
    /// Has an `@` (e-mail, handle).
    at_sign: f32,
    /// Mean word length in characters, over 10.
    word_len: f32,
    /// Has quotation marks (reported speech is prose).
    quotes: f32,
    starts_digit: f32,
    ends_digit: f32,
}

fn text_stats(text: &str) -> TextStats {
    let b = text.as_bytes();
    let c = stat_counts(b);
    let has = |flag: u8| c.flags & flag != 0;
    let (mut letters, mut upper, mut commas, mut quotes) =
        (c.upper + c.lower, c.upper, c.commas, has(FLAG_QUOTE));
    let spaced = |at: usize, len: usize| {
        at.checked_sub(1).and_then(|p| b.get(p)) == Some(&b' ') && b.get(at + len) == Some(&b' ')
    };
    let mut sep =
        has(FLAG_MARK) && memchr::memchr3_iter(b'|', b'>', b'/', b).any(|at| spaced(at, 1));
    // Characters: bytes that are not UTF-8 continuation bytes.
    let mut chars = b.len() as u32;
    if has(FLAG_HIGH) {
        chars -= non_ascii(text, |at, ch| {
            let k = char_class(ch);
            letters += u32::from(k & ALPHA);
            upper += u32::from((k & UPPER) >> 1);
            commas += u32::from((k & COMMA) >> 2);
            quotes |= k & QUOTE != 0;
            sep |= k & SEP != 0 && spaced(at, ch.len_utf8());
        });
    }
    // URLs and domains: "http…:", "www.", ".com", ".org", ".de/".
    let url = (has(FLAG_COLON) && memchr::memmem::find(b, b"http").is_some())
        || (has(FLAG_DOT)
            && memchr::memchr_iter(b'.', b).any(|at| {
                let after = b.get(at + 1..).unwrap_or(&[]);
                at.checked_sub(3).and_then(|p| b.get(p..at)) == Some(b"www")
                    || after.starts_with(b"com")
                    || after.starts_with(b"org")
                    || after.starts_with(b"de/")
            }));
    let words = c.spaces + 1;
    let f = |v: bool| f32::from(u8::from(v));
    TextStats {
        commas: (commas as f32 * 10.0 / chars.max(1) as f32).min(1.0),
        upper: upper as f32 / letters.max(1) as f32,
        separators: f(sep),
        url_like: f(url),
        at_sign: f(has(FLAG_AT)),
        word_len: (chars as f32 / words as f32 / 10.0).min(2.0),
        quotes: f(quotes),
        starts_digit: f(b.first().is_some_and(u8::is_ascii_digit)),
        ends_digit: f(b.last().is_some_and(u8::is_ascii_digit)),
    }
}

/// Calls `f` with the offset and value of every non-ASCII character of
/// `text`, skipping ASCII eight bytes at a time; returns the number of UTF-8
/// continuation bytes.
#[inline(always)]
fn non_ascii(text: &str, mut f: impl FnMut(usize, char)) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    // `i` is a lead byte of valid UTF-8: its continuation bytes follow.
    let mut decode = |i: usize| {
        let cont = |k: usize| u32::from(bytes.get(i + k).map_or(0, |&b| b & 0x3F));
        let lead = u32::from(bytes.get(i).copied().unwrap_or(0));
        let code = match lead {
            0..=0xDF => ((lead & 0x1F) << 6) | cont(1),
            0xE0..=0xEF => ((lead & 0x0F) << 12) | (cont(1) << 6) | cont(2),
            _ => ((lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
        };
        if let Some(ch) = char::from_u32(code) {
            f(i, ch);
        }
    };
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    let mut continuation = 0;
    for word in words.by_ref() {
        let w = word
            .first_chunk::<8>()
            .map_or(0, |w| u64::from_le_bytes(*w));
        let high = w & HIGH;
        if high != 0 {
            // Lead bytes (0b11xx_xxxx) as bit 7 of each byte.
            let mut leads = high & (w << 1);
            continuation += high.count_ones() - leads.count_ones();
            while leads != 0 {
                decode(at + (leads.trailing_zeros() / 8) as usize);
                leads &= leads - 1;
            }
        }
        at += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        continuation += u32::from(b & 0xC0 == 0x80);
        if b >= 0xC0 {
            decode(at + i);
        }
    }
    continuation
}

/// [`char_class`]: alphabetic.
const ALPHA: u8 = 1;
/// Alphabetic and upper case.
const UPPER: u8 = 2;
/// `，` or `、`.
const COMMA: u8 = 4;
/// `“` `”` `„` `«` `»` `「` `」`.
const QUOTE: u8 = 8;
/// `»` `›` `•` (a separator between spaces).
const SEP: u8 = 16;

/// What [`text_stats`] counts of a non-ASCII character, as [`ALPHA`]…
/// bits, without the Unicode tables for the blocks news text is mostly made
/// of, tested in order of how often news text holds them (a test checks
/// every character against std and the lists above).
#[inline]
fn char_class(ch: char) -> u8 {
    let u = u32::from(ch);
    let table = || {
        let alpha = ch.is_alphabetic();
        u8::from(alpha) | (u8::from(alpha && ch.is_uppercase()) * UPPER)
    };
    if u < 0x100 {
        return match u {
            0xAB => QUOTE,
            0xBB => QUOTE | SEP,
            // ª µ º are letters; C1 controls, other punctuation and signs.
            0xAA | 0xB5 | 0xBA => ALPHA,
            0..=0xBF | 0xD7 | 0xF7 => 0,
            0xC0..=0xDE => ALPHA | UPPER,
            _ => ALPHA,
        };
    }
    // General punctuation: dashes, curly quotes, ellipsis, spaces.
    if (0x2000..=0x206F).contains(&u) {
        return match u {
            0x201C..=0x201E => QUOTE,
            0x2022 | 0x203A => SEP,
            _ => 0,
        };
    }
    if u < 0x2000 {
        return match u {
            // Latin Extended-A and -B: letters only.
            0x100..=0x24F => ALPHA | (u8::from(ch.is_uppercase()) * UPPER),
            // Greek and Cyrillic letters.
            0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x400..=0x42F => ALPHA | UPPER,
            0x3B1..=0x3C9 | 0x430..=0x45F => ALPHA,
            0x460..=0x481 | 0x48A..=0x52F => ALPHA | (u8::from(ch.is_uppercase()) * UPPER),
            // Arabic and Thai letters.
            0x620..=0x64A | 0xE01..=0xE30 => ALPHA,
            _ => table(),
        };
    }
    match u {
        // Kana, CJK ideographs, Hangul syllables.
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => ALPHA,
        0x3001 | 0xFF0C => COMMA,
        0x300C | 0x300D => QUOTE,
        // CJK punctuation (。), full-width forms (！？), box drawing.
        0x3002..=0x3004 | 0x3008..=0x3020 | 0xFF01..=0xFF20 | 0x2500..=0x257F => 0,
        _ => table(),
    }
}

/// Byte counts of a line for [`text_stats`].
#[derive(Debug, Default, PartialEq, Eq)]
struct StatCounts {
    upper: u32,
    lower: u32,
    commas: u32,
    spaces: u32,
    /// Which of the [`FLAG_QUOTE`]… bytes occur.
    flags: u8,
}

/// `"`
const FLAG_QUOTE: u8 = 1;
/// `@`
const FLAG_AT: u8 = 2;
/// `|`, `>` or `/`
const FLAG_MARK: u8 = 4;
/// `.`
const FLAG_DOT: u8 = 8;
/// `:`
const FLAG_COLON: u8 = 16;
/// A byte of a non-ASCII character (its own bit 7).
const FLAG_HIGH: u8 = 0x80;

/// The flags a byte sets.
#[inline(always)]
fn flags_of(b: u8) -> u8 {
    (u8::from(b == b'"') * FLAG_QUOTE)
        | (u8::from(b == b'@') * FLAG_AT)
        | (u8::from(b == b'|' || b == b'>' || b == b'/') * FLAG_MARK)
        | (u8::from(b == b'.') * FLAG_DOT)
        | (u8::from(b == b':') * FLAG_COLON)
        | (b & FLAG_HIGH)
}

/// Bytes per block of the vector loop.
const LANES: usize = 16;

/// Per-lane counts of up to 255 blocks (a `u8` cannot overflow), and the
/// flags seen in each lane.
#[derive(Default)]
struct StatLanes {
    upper: [u8; LANES],
    lower: [u8; LANES],
    commas: [u8; LANES],
    spaces: [u8; LANES],
    flags: [u8; LANES],
}

impl StatLanes {
    /// Counts one block in sixteen independent lanes (vector code). Lanes
    /// where `keep` is 0 are not counted.
    #[inline(always)]
    fn add(&mut self, block: &[u8; LANES], keep: &[u8; LANES]) {
        let lanes = self
            .upper
            .iter_mut()
            .zip(self.lower.iter_mut())
            .zip(self.commas.iter_mut())
            .zip(self.spaces.iter_mut())
            .zip(self.flags.iter_mut())
            .zip(block.iter().zip(keep));
        for (((((u, l), k), s), f), (&b, &m)) in lanes {
            *u += u8::from(b.wrapping_sub(b'A') < 26) & m;
            *l += u8::from(b.wrapping_sub(b'a') < 26) & m;
            *k += u8::from(b == b',') & m;
            *s += u8::from(b == b' ') & m;
            *f |= flags_of(b) & m.wrapping_neg();
        }
    }

    #[inline(always)]
    fn flush(&mut self, into: &mut StatCounts) {
        into.upper += lane_sum(&self.upper);
        into.lower += lane_sum(&self.lower);
        into.commas += lane_sum(&self.commas);
        into.spaces += lane_sum(&self.spaces);
        into.flags |= self.flags.iter().fold(0, |a, &f| a | f);
        *self = StatLanes::default();
    }
}

/// The sum of sixteen `u8` lanes. Inlined, the compiler makes it a few
/// vector instructions (SWAR sums by hand came out longer).
#[inline(always)]
fn lane_sum(lanes: &[u8; 16]) -> u32 {
    lanes.iter().map(|&x| u32::from(x)).sum()
}

/// Lanes `16 - rest..16` set to 1, the others 0: which lanes of the last
/// sixteen bytes are the last `rest` (a load, not sixteen compares).
#[inline(always)]
fn tail_mask(rest: usize) -> [u8; 16] {
    const RAMP: [u8; 32] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1,
    ];
    RAMP.get(rest.min(16)..)
        .and_then(|r| r.first_chunk::<16>())
        .copied()
        .unwrap_or([1; 16])
}

/// The byte counts in one pass: blocks of sixteen bytes in vector lanes, the
/// last few in a block that overlaps the one before.
fn stat_counts(b: &[u8]) -> StatCounts {
    let mut out = StatCounts::default();
    let Some(last) = b.last_chunk::<LANES>() else {
        // A short line: one block, the line at its end.
        let mut block = [0u8; LANES];
        if let Some(dst) = block.get_mut(LANES - b.len()..) {
            for (d, &c) in dst.iter_mut().zip(b) {
                *d = c;
            }
        }
        let mut lanes = StatLanes::default();
        lanes.add(&block, &tail_mask(b.len()));
        lanes.flush(&mut out);
        return out;
    };
    let mut blocks = b.chunks_exact(LANES);
    let mut lanes = StatLanes::default();
    let mut n = 0u32;
    for block in blocks.by_ref() {
        if let Some(block) = block.first_chunk::<LANES>() {
            lanes.add(block, &[1; LANES]);
        }
        n += 1;
        if n == 255 {
            lanes.flush(&mut out);
            n = 0;
        }
    }
    let rest = blocks.remainder().len();
    if rest > 0 {
        // The last sixteen bytes, counting only the lanes not yet counted.
        let keep = tail_mask(rest);
        lanes.add(last, &keep);
    }
    lanes.flush(&mut out);
    out
}

/// How many times each line's text occurs in the page (hash table: linear).
///
/// Lines are first counted in a small table by a cheap key; a line alone
/// under its key occurs once and is never hashed (most paragraphs). The
/// others go into an open-addressing table by a fast hash of their whole
/// text, at most [`PROBES`] slots from where they hash to: page text is
/// untrusted, and a predictable hash would let a crafted page make long
/// runs of slots; a text that finds no place within that many goes to a
/// map with std's keyed SipHash instead. So a crafted page makes the two
/// tables useless, not the count quadratic. Each distinct text gets an
/// entry, each line remembers its entry.
pub(crate) fn repeats(lines: &[Classified<'_>]) -> Vec<u32> {
    repeats_probing(lines, PROBES)
}

/// [`repeats`], looking `probes` slots far (the tests force the map).
fn repeats_probing(lines: &[Classified<'_>], probes: usize) -> Vec<u32> {
    // Lines counted by a cheap key (length, first and last two bytes): equal
    // texts have equal keys, so a line alone under its key occurs once. The
    // table has about eight slots a line.
    let key_bits = (lines.len().max(1) * 8)
        .next_power_of_two()
        .trailing_zeros()
        .clamp(8, 24);
    let key = |t: &str| {
        let b = t.as_bytes();
        let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
        let n = b.len();
        let k = (n as u64)
            ^ (at(0) << 32)
            ^ (at(1) << 40)
            ^ (at(n.wrapping_sub(2)) << 48)
            ^ (at(n.wrapping_sub(1)) << 56);
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - key_bits)) as usize
    };
    let mut by_key = vec![0u8; 1 << key_bits];
    // Lines not alone under their key, counted as they come: the second
    // line under a key brings the first one along.
    let mut hashed = 0usize;
    for c in lines {
        if let Some(n) = by_key.get_mut(key(c.text)) {
            hashed += match *n {
                0 => 0,
                1 => 2,
                _ => 1,
            };
            *n = n.saturating_add(1);
        }
    }
    let alone = |t: &str| by_key.get(key(t)).is_some_and(|&n| n == 1);
    // At most half full.
    let bits = (hashed.max(1) * 2).next_power_of_two().trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut table = vec![u32::MAX; 1 << bits];
    // Each distinct text: its hash, its first line, how often it occurs.
    let mut entries: Vec<(u64, u32, u32)> = Vec::new();
    let mut overflow: HashMap<&str, u32> = HashMap::new();
    let mut slots: Vec<u32> = lines
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if alone(c.text) {
                return u32::MAX;
            }
            let h = text_hash(c.text.as_bytes());
            let next = u32::try_from(entries.len()).unwrap_or(u32::MAX - 1);
            let mut at = (h >> (64 - bits.max(1))) as usize & mask;
            let mut id = None;
            for _ in 0..probes {
                let Some(slot) = table.get_mut(at) else { break };
                if *slot == u32::MAX {
                    *slot = next;
                    id = Some(next);
                    break;
                }
                if entries.get(*slot as usize).is_some_and(|&(eh, first, _)| {
                    eh == h && lines.get(first as usize).is_some_and(|f| f.text == c.text)
                }) {
                    id = Some(*slot);
                    break;
                }
                at = (at + 1) & mask;
            }
            let id = id.unwrap_or_else(|| *overflow.entry(c.text).or_insert(next));
            if id == next {
                entries.push((h, u32::try_from(i).unwrap_or(u32::MAX), 0));
            }
            if let Some((_, _, n)) = entries.get_mut(id as usize) {
                *n = n.saturating_add(1);
            }
            id
        })
        .collect();
    drop((table, overflow, by_key));
    // Each line's entry becomes its entry's count, in place.
    for s in &mut slots {
        *s = entries.get(*s as usize).map_or(1, |e| e.2);
    }
    slots
}

/// Slots a text is looked for from where it hashes to in [`repeats`].
const PROBES: usize = 32;

/// A fast hash of a line's bytes, eight at a time (not keyed: see
/// [`repeats`] for why that is safe).
fn text_hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut words = b.chunks_exact(8);
    for w in words.by_ref() {
        let w = w.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    let mut last = [0u8; 8];
    for (d, s) in last.iter_mut().zip(words.remainder()) {
        *d = *s;
    }
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    (h ^ (h >> 32)).wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

/// The model's log-odds that a line with features `x` is article content.
pub(crate) fn logit(x: &[f32; N]) -> f32 {
    // `sum()` in the same order (a float sum starts at -0.0), ten products
    // a step so the compiler unrolls it.
    let (xs, ws) = (x.chunks_exact(10), super::weights::WEIGHTS.chunks_exact(10));
    let (x_rest, w_rest) = (xs.remainder(), ws.remainder());
    let mut acc = -0.0f32;
    for (xs, ws) in xs.zip(ws) {
        for (a, b) in xs.iter().zip(ws) {
            acc += a * b;
        }
    }
    for (a, b) in x_rest.iter().zip(w_rest) {
        acc += a * b;
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first version of [`text_stats`], character by character.
    fn reference(text: &str) -> TextStats {
        let b = text.as_bytes();
        let (mut chars, mut upper, mut lower, mut commas, mut quotes, mut ats, mut spaces) =
            (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
        for &c in b {
            chars += u32::from((c & 0xC0) != 0x80);
            upper += u32::from(c.is_ascii_uppercase());
            lower += u32::from(c.is_ascii_lowercase());
            commas += u32::from(c == b',');
            quotes += u32::from(c == b'"');
            ats += u32::from(c == b'@');
            spaces += u32::from(c == b' ');
        }
        let mut letters = upper + lower;
        let spaced = |at: usize, len: usize| {
            at.checked_sub(1).and_then(|p| b.get(p)) == Some(&b' ')
                && b.get(at + len) == Some(&b' ')
        };
        let mut sep = memchr::memchr3_iter(b'|', b'>', b'/', b).any(|at| spaced(at, 1));
        for (at, ch) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            if ch.is_alphabetic() {
                letters += 1;
                upper += u32::from(ch.is_uppercase());
            }
            commas += u32::from(matches!(ch, '，' | '、'));
            quotes += u32::from(matches!(ch, '“' | '”' | '„' | '«' | '»' | '「' | '」'));
            sep |= matches!(ch, '»' | '›' | '•') && spaced(at, ch.len_utf8());
        }
        let url = (b.contains(&b':') && memchr::memmem::find(b, b"http").is_some())
            || memchr::memchr_iter(b'.', b).any(|at| {
                let after = b.get(at + 1..).unwrap_or(&[]);
                at.checked_sub(3).and_then(|p| b.get(p..at)) == Some(b"www")
                    || after.starts_with(b"com")
                    || after.starts_with(b"org")
                    || after.starts_with(b"de/")
            });
        let words = spaces + 1;
        let f = |v: bool| f32::from(u8::from(v));
        TextStats {
            commas: (commas as f32 * 10.0 / chars.max(1) as f32).min(1.0),
            upper: upper as f32 / letters.max(1) as f32,
            separators: f(sep),
            url_like: f(url),
            at_sign: f(ats > 0),
            word_len: (chars as f32 / words as f32 / 10.0).min(2.0),
            quotes: f(quotes > 0),
            starts_digit: f(b.first().is_some_and(u8::is_ascii_digit)),
            ends_digit: f(b.last().is_some_and(u8::is_ascii_digit)),
        }
    }

    fn bits(t: &TextStats) -> [u32; 9] {
        [
            t.commas,
            t.upper,
            t.separators,
            t.url_like,
            t.at_sign,
            t.word_len,
            t.quotes,
            t.starts_digit,
            t.ends_digit,
        ]
        .map(f32::to_bits)
    }

    #[test]
    fn logit_is_the_plain_sum() {
        let mut x = [0f32; N];
        for (i, v) in x.iter_mut().enumerate() {
            *v = (i as f32 * 0.37).sin() * 3.0;
        }
        let plain: f32 = x
            .iter()
            .zip(super::super::weights::WEIGHTS.iter())
            .map(|(a, b)| a * b)
            .sum();
        assert_eq!(logit(&x).to_bits(), plain.to_bits());
    }

    #[test]
    fn ln_of_is_the_plain_ln() {
        for w in (0..5000u32).chain([u32::MAX - 2, 1 << 24, (1 << 24) + 1]) {
            for plus in [1u8, 2] {
                let w_f = w as f32;
                assert_eq!(
                    ln_of(w, plus).to_bits(),
                    (f32::from(plus) + w_f).ln().to_bits(),
                    "ln({plus} + {w})"
                );
            }
        }
    }

    #[test]
    fn repeats_count_every_text() {
        let long = "x".repeat(5000);
        let page = format!(
            "Home\nNews\nHome\nA paragraph of some length.\nNews\nSport\n{long}\n{long}\ny{long}\nA paragraph of some length."
        );
        let classified = super::super::classify::classify(&page, Lexicon::builtin()).lines;
        let texts: Vec<&str> = classified.iter().map(|c| c.text).collect();
        let naive: Vec<u32> = texts
            .iter()
            .map(|t| texts.iter().filter(|u| *u == t).count() as u32)
            .collect();
        assert_eq!(repeats(&classified), naive);
    }

    #[test]
    fn repeats_count_the_same_through_table_and_map() {
        // Menus, doubled lines and texts that share a cheap key.
        let mut page = String::new();
        for i in 0..3000u32 {
            let line = match i % 7 {
                0 => format!("Menu item {}", i % 40),
                1 => format!("A{}Z", i % 300),
                2 => format!("Story number {i} of the page, told once."),
                3 => "Share".to_string(),
                _ => format!("x{}y", i % 11),
            };
            page.push_str(&line);
            page.push('\n');
        }
        let classified = super::super::classify::classify(&page, Lexicon::builtin()).lines;
        let texts: Vec<&str> = classified.iter().map(|c| c.text).collect();
        let naive: Vec<u32> = texts
            .iter()
            .map(|t| texts.iter().filter(|u| *u == t).count() as u32)
            .collect();
        for probes in [0, 1, 2, PROBES] {
            assert_eq!(
                repeats_probing(&classified, probes),
                naive,
                "{probes} probes"
            );
        }
    }

    #[test]
    fn char_class_matches_std_on_every_character() {
        for ch in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let alpha = ch.is_alphabetic();
            let want = u8::from(alpha)
                | (u8::from(alpha && ch.is_uppercase()) * UPPER)
                | (u8::from(matches!(ch, '，' | '、')) * COMMA)
                | (u8::from(matches!(ch, '“' | '”' | '„' | '«' | '»' | '「' | '」')) * QUOTE)
                | (u8::from(matches!(ch, '»' | '›' | '•')) * SEP);
            assert_eq!(char_class(ch), want, "{ch:?}");
        }
    }

    #[test]
    fn text_stats_match_the_character_loop() {
        let fixtures = [
            include_str!("../../tests/fixtures/seedlike.txt"),
            include_str!("../../tests/fixtures/cjk.txt"),
            include_str!("../../tests/fixtures/rails.txt"),
            include_str!("../../tests/fixtures/byline_date.txt"),
            include_str!("../../tests/fixtures/standfirst.txt"),
            include_str!("../../tests/fixtures/heading_list.txt"),
        ];
        let unit = "Home | News › Welt » Ärger, “Zitat”: www.x.de/a @me 市民、可骑行，「好」。 Ωμέγα • ÉTÉ 12/3 > x. ";
        let mut lines: Vec<String> = fixtures
            .iter()
            .flat_map(|f| f.lines())
            .map(str::to_owned)
            .collect();
        for n in 0..unit.chars().count() {
            for skip in [0, 3, 17] {
                lines.push(unit.chars().skip(skip).take(n).collect());
            }
        }
        lines.push(unit.repeat(300));
        lines.push("http: ".repeat(900));
        for line in &lines {
            assert_eq!(bits(&text_stats(line)), bits(&reference(line)), "{line:?}");
        }
    }
}
