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
use crate::construct::shape::Shape;
use crate::lexicon::Lexicon;

use super::classify::{Classified, Kind};
use super::swar::{find_each, padded, short_word, tail_keep};

use wide::bytemuck::cast;
use wide::{f32x8, i8x16, i16x8, u8x16};

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
    for_each_line(lines, repeats, |i, c, rings| {
        out.push(row(i, lines.len(), c, rings, lexicon));
    });
    out
}

/// The model's log-odds for every line: [`logit`] of its [`features`]
/// row, made without the row, and summed in another order. Each line's
/// own terms are summed once as the line comes ([`own_logit`]). The terms
/// of its neighbours are linear in their base measures, so each line's
/// base measures are weighted once into four numbers ([`Context`]): its
/// terms in the two windows and as the line before and after another. A
/// window's terms are then a difference of two running sums of those
/// numbers, not a mean of each measure weighted lane by lane. The sums
/// are kept in `f64`, so that a long page's running sums lose nothing a
/// window can see. A sum in another order may differ from the row's in
/// its last bits (the tests bound the difference), never in what the
/// extent makes of it on the development corpus.
pub(crate) fn logits(lines: &[Classified<'_>], repeats: &[u32], lexicon: &Lexicon) -> Vec<f32> {
    let n = lines.len();
    // Written by index, not pushed: a push keeps the vector's length and
    // capacity in memory across the call in the loop.
    let mut out = vec![0f32; n];
    // Rings, as in `for_each_line`: what line `k` keeps at `k % NEAR`, the
    // running sums of lines `0..k` at `k % RING`.
    let mut own = [0f32; NEAR];
    let mut terms = [Context::default(); NEAR];
    let mut sums = [[0f64; 2]; RING];
    let ln = ln_table();
    // Line `j - RADIUS - 1` first, from the rings as the lines before `j`
    // left them, then line `j` into the rings: so the window's bounds and
    // sums are made and used before the call of `text_stats`, not kept
    // across it (a dozen moves to the stack and back a line).
    for j in 0..=n + RADIUS {
        // Every line within RADIUS after line `i` is in the rings.
        if let Some(i) = j.checked_sub(RADIUS + 1) {
            if i >= n {
                break;
            }
            let term = |k: usize| terms.get(k % NEAR).copied().unwrap_or_default();
            let sum = |k: usize, w: usize| {
                sums.get(k % RING)
                    .and_then(|s| s.get(w))
                    .copied()
                    .unwrap_or(0.0)
            };
            // The mean of the terms of lines `i - r..=i + r` without line `i`.
            let window = |r: usize, w: usize, own: f64| {
                let lo = i.saturating_sub(r);
                let hi = (i + r + 1).min(n);
                match (hi - lo).saturating_sub(1) {
                    0 => 0.0,
                    // Through `i64` (the same value: a count of lines is far
                    // below `i64::MAX`): one signed conversion, where a `usize`
                    // takes a few instructions more.
                    count => (sum(hi, w) - sum(lo, w) - own) / count as i64 as f64,
                }
            };
            let me = term(i);
            // Lines before the first and after the last are 0.
            let prev = i.checked_sub(1).map_or(0.0, |p| term(p).prev);
            let next = if i + 1 < n { term(i + 1).next } else { 0.0 };
            let near = window(3, 0, me.w3) + window(10, 1, me.w10) + prev + next;
            // `i` through `i64` as `count` above.
            let position = i as i64 as f32 / n.max(1) as f32 * W.position;
            if let Some(o) = out.get_mut(i) {
                *o = own.get(i % NEAR).copied().unwrap_or_default() + (position + near as f32);
            }
        }
        if let Some(c) = lines.get(j) {
            let t = text_stats(c.text, &c.shape);
            let b = base_of(c, &t, repeats.get(j).copied().unwrap_or(1), ln);
            let k = Context::of(&b);
            let [s3, s10] = sums.get(j % RING).copied().unwrap_or_default();
            if let (Some(o), Some(ks), Some(ss)) = (
                own.get_mut(j % NEAR),
                terms.get_mut(j % NEAR),
                sums.get_mut((j + 1) % RING),
            ) {
                *o = own_logit(c, &t, &b, lexicon);
                *ks = k;
                *ss = [s3 + k.w3, s10 + k.w10];
            }
        }
    }
    out
}

/// A line's base measures weighted by what its neighbours' rows give
/// them: in a 3-line and a 10-line window around another line, and as the
/// line before or after it. [`logits`] sums these, not the measures.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    w3: f64,
    w10: f64,
    prev: f64,
    next: f64,
}

impl Context {
    /// The weighted sums of base measures `b`: the lanes whose weight is
    /// not 0 (a product with 0 is not folded away, as it might be a NaN).
    #[inline(always)]
    fn of(b: &[f32; 8]) -> Context {
        let [s, ln_w, short, hit, repeated, commas, _, _] = b.map(f64::from);
        let w = |w: [f32; 8]| w.map(f64::from);
        let [w3s, w3l, w3sh, w3h, _, w3c, _, _] = w(W.w3);
        let [w10s, w10l, w10sh, _, w10r, _, _, _] = w(W.w10);
        let [ps, _, psh, _, _, _, _, _] = w(W.prev);
        let [ns, _, nsh, _, _, _, _, _] = w(W.next);
        Context {
            w3: s * w3s + ln_w * w3l + short * w3sh + hit * w3h + commas * w3c,
            w10: s * w10s + ln_w * w10l + short * w10sh + repeated * w10r,
            prev: s * ps + short * psh,
            next: s * ns + short * nsh,
        }
    }
}

/// The base measures of line `c` (whose text stats are `t`, and whose
/// text occurs `repeats` times in the page) that the windows average, in
/// the lanes of [`Weights::w3`]; `ln` is [`ln_table`], which the caller
/// takes once for all lines.
#[inline(always)]
fn base_of(c: &Classified<'_>, t: &TextStats, repeats: u32, ln: &[f32]) -> [f32; 8] {
    let w = c.shape.weight() as f32;
    [
        f32::from(u8::from(c.shape.sentence_end)),
        ln_in(ln, c.shape.weight(), 1) / 6.0,
        f32::from(u8::from(w < 30.0)),
        f32::from(u8::from(c.boilerplate_hit().is_some())),
        f32::from(u8::from(repeats > 1)),
        t.commas,
        0.0,
        0.0,
    ]
}

/// Lanes of a line's base measures (see [`for_each_line`]): six used, two
/// zero, so that a window of them is one vector sum.
type Base = f32x8;

/// Per-line base measures that the windows average, their running sums
/// (`prefix[k]` sums lines `0..k`) and each line's text stats, for the
/// lines within `RADIUS` of the row being made: rings, so that the rows
/// cost no memory per line. Sums are taken lane by lane in the same order
/// as over whole arrays, so the values are the same.
struct Rings {
    base: [Base; NEAR],
    prefix: [Base; RING],
    stats: [TextStats; NEAR],
}

impl Rings {
    /// The base measures of line `k`.
    #[inline(always)]
    fn base(&self, k: usize) -> Base {
        self.base.get(k % NEAR).copied().unwrap_or_default()
    }

    /// The means of the measures over lines `i - r..=i + r` (of `n`),
    /// without line `i`.
    #[inline(always)]
    fn window(&self, i: usize, r: usize, n: usize) -> Base {
        debug_assert!(r <= RADIUS);
        let lo = i.saturating_sub(r);
        let hi = (i + r + 1).min(n);
        let count = (hi - lo).saturating_sub(1);
        let (Some(&p_hi), Some(&p_lo), Some(&b)) = (
            self.prefix.get(hi % RING),
            self.prefix.get(lo % RING),
            self.base.get(i % NEAR),
        ) else {
            return Base::ZERO;
        };
        if count == 0 {
            return Base::ZERO;
        }
        (p_hi - p_lo - b) / Base::splat(count as f32)
    }
}

/// Fills the rings line by line and calls `f` with each line's index, the
/// line and the rings once every line within `RADIUS` after it is in them
/// (the feature rows; [`logits`] keeps rings of its own).
fn for_each_line<'a>(
    lines: &'a [Classified<'a>],
    repeats: &[u32],
    mut f: impl FnMut(usize, &'a Classified<'a>, &Rings),
) {
    let n = lines.len();
    let mut rings = Rings {
        base: [Base::ZERO; NEAR],
        prefix: [Base::ZERO; RING],
        stats: [TextStats::default(); NEAR],
    };
    let ln = ln_table();
    for j in 0..n + RADIUS {
        if let Some(c) = lines.get(j) {
            let t = text_stats(c.text, &c.shape);
            let b = base_of(c, &t, repeats.get(j).copied().unwrap_or(1), ln);
            let b = Base::from(b);
            let p = rings.prefix.get(j % RING).copied().unwrap_or_default();
            if let (Some(bs), Some(ps), Some(ks)) = (
                rings.base.get_mut(j % NEAR),
                rings.prefix.get_mut((j + 1) % RING),
                rings.stats.get_mut(j % NEAR),
            ) {
                *bs = b;
                *ps = p + b;
                *ks = t;
            }
        }
        // Every line within RADIUS after row `i` is in the rings now.
        let Some(i) = j.checked_sub(RADIUS) else {
            continue;
        };
        let Some(c) = lines.get(i) else { break };
        f(i, c, &rings);
    }
}
/// `ln(weight + plus)` as `(plus + weight as f32).ln()` gives it, from a
/// table for the weights of most lines: the same calls, made once per
/// process.
pub(crate) fn ln_of(weight: u32, plus: u8) -> f32 {
    ln_in(ln_table(), weight, plus)
}

/// The table behind [`ln_of`] (`ln k` at `k`), made once per process: the
/// loops over a page's lines take it once, not once a line.
fn ln_table() -> &'static [f32] {
    const TABLE: usize = 4096;
    static LN: OnceLock<Vec<f32>> = OnceLock::new();
    LN.get_or_init(|| (0..TABLE).map(|k| (k as f32).ln()).collect())
}

/// [`ln_of`] with its table (`ln_table()`) at hand.
#[inline(always)]
fn ln_in(table: &[f32], weight: u32, plus: u8) -> f32 {
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
/// Ring size for `base` and `stats`, read only at the row's line and the
/// lines next to it, from `i - 1` to `i + RADIUS`: smaller rings, so that
/// making them for a page is a few stores (over 2 KiB, `memset` copies a
/// byte at a time as far as the instruction count goes).
const NEAR: usize = 16;
const _: () = assert!(NEAR > RADIUS + 1);

/// The lexicon kinds of the `hit_chrome`, `hit_nav` and `hit_related`
/// features.
const CHROME: [BoilerplateKind; 5] = [
    BoilerplateKind::CookieNotice,
    BoilerplateKind::Newsletter,
    BoilerplateKind::Subscription,
    BoilerplateKind::Legal,
    BoilerplateKind::AppPromo,
];
const NAV: [BoilerplateKind; 4] = [
    BoilerplateKind::Navigation,
    BoilerplateKind::Social,
    BoilerplateKind::Media,
    BoilerplateKind::Advertisement,
];
const RELATED: [BoilerplateKind; 2] = [BoilerplateKind::RelatedList, BoilerplateKind::Comments];

/// The feature row of line `i` (of `n`), from the rings around it.
fn row(i: usize, n: usize, c: &Classified<'_>, rings: &Rings, lexicon: &Lexicon) -> [f32; N] {
    let at = |i: Option<usize>, j: usize| -> f32 {
        i.map(|i| rings.base(i).to_array())
            .and_then(|b| b.get(j).copied())
            .unwrap_or(0.0)
    };
    let sh = &c.shape;
    let w = sh.weight() as f32;
    let w3 = rings.window(i, 3, n).to_array();
    let w10 = rings.window(i, 10, n).to_array();
    let chars = sh.chars.max(1) as f32;
    let kind = |k: bool| f32::from(u8::from(k));
    let hit_kind = c.hit.and_then(|h| lexicon.meta(h.phrase)).map(|m| m.kind);
    let group = |ks: &[BoilerplateKind]| kind(hit_kind.is_some_and(|k| ks.contains(&k)));
    let base = rings.base(i).to_array();
    let ln_w = base[1];
    let sentence = kind(sh.sentence_end);
    let t = rings.stats.get(i % NEAR).copied().unwrap_or_default();
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
        base[3],
        group(&CHROME),
        group(&NAV),
        group(&RELATED),
        (c.blanks_before.min(3) as f32) / 3.0,
        i as f32 / n.max(1) as f32,
        base[4],
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

/// The weights of [`row`]'s features, by name.
struct Weights {
    bias: f32,
    ln_weight: f32,
    sentence_end: f32,
    colon_end: f32,
    words: f32,
    cjk_ratio: f32,
    digit_ratio: f32,
    inner_stops: f32,
    upper_start: f32,
    kinds: [f32; 7],
    hit_strong: f32,
    hit_weak: f32,
    hit_decisive: f32,
    hit_chrome: f32,
    hit_nav: f32,
    hit_related: f32,
    blanks_before: f32,
    position: f32,
    repeated: f32,
    short: f32,
    long: f32,
    sentence_x_weight: f32,
    stats: [f32; 9],
    /// The weights of the 3-line window's lanes, of the 10-line window's,
    /// and of the lines before and after (a lane without a feature is 0).
    w3: [f32; 8],
    w10: [f32; 8],
    prev: [f32; 8],
    next: [f32; 8],
}

/// [`super::weights::WEIGHTS`] by name, in [`NAMES`]' order.
const W: Weights = {
    let [
        bias,
        ln_weight,
        sentence_end,
        colon_end,
        words,
        cjk_ratio,
        digit_ratio,
        inner_stops,
        upper_start,
        k_text,
        k_bullet,
        k_credit,
        k_byline,
        k_date,
        k_heading,
        k_link,
        hit_strong,
        hit_weak,
        hit_decisive,
        hit_chrome,
        hit_nav,
        hit_related,
        blanks_before,
        position,
        repeated,
        short,
        long,
        w3_sentence,
        w3_ln_weight,
        w3_short,
        w3_hit,
        w10_sentence,
        w10_short,
        w10_ln_weight,
        sentence_x_weight,
        prev_sentence,
        next_sentence,
        prev_short,
        next_short,
        w10_repeated,
        commas,
        upper_ratio,
        separators,
        url_like,
        at_sign,
        word_len,
        quotes,
        starts_digit,
        ends_digit,
        w3_commas,
    ] = super::weights::WEIGHTS;
    // Lanes as `for_each_line` fills the base measures: sentence end,
    // ln weight, short, decisive hit, repeated, commas.
    Weights {
        bias,
        ln_weight,
        sentence_end,
        colon_end,
        words,
        cjk_ratio,
        digit_ratio,
        inner_stops,
        upper_start,
        kinds: [
            k_text, k_bullet, k_credit, k_byline, k_date, k_heading, k_link,
        ],
        hit_strong,
        hit_weak,
        hit_decisive,
        hit_chrome,
        hit_nav,
        hit_related,
        blanks_before,
        position,
        repeated,
        short,
        long,
        sentence_x_weight,
        stats: [
            commas,
            upper_ratio,
            separators,
            url_like,
            at_sign,
            word_len,
            quotes,
            starts_digit,
            ends_digit,
        ],
        w3: [
            w3_sentence,
            w3_ln_weight,
            w3_short,
            w3_hit,
            0.0,
            w3_commas,
            0.0,
            0.0,
        ],
        w10: [
            w10_sentence,
            w10_ln_weight,
            w10_short,
            0.0,
            w10_repeated,
            0.0,
            0.0,
            0.0,
        ],
        prev: [prev_sentence, 0.0, prev_short, 0.0, 0.0, 0.0, 0.0, 0.0],
        next: [next_sentence, 0.0, next_short, 0.0, 0.0, 0.0, 0.0, 0.0],
    }
};

/// The terms of [`row`]'s features that depend on line `c` alone (its
/// text stats `t` and base measures `base`), the bias among them; the
/// position and the neighbours are [`logits`]'. A feature that is
/// 0 adds nothing, and one that is 1 adds its weight; the terms are summed
/// in two chains, so that each waits on fewer additions.
fn own_logit(c: &Classified<'_>, t: &TextStats, base: &[f32; 8], lexicon: &Lexicon) -> f32 {
    let flag = |on: bool, w: f32| if on { w } else { 0.0 };
    let sh = &c.shape;
    let w = sh.weight() as f32;
    let ln_w = base[1];
    let mut a = W.bias + ln_w * W.ln_weight;
    let mut b = flag(sh.sentence_end, W.sentence_end + ln_w * W.sentence_x_weight);
    a += flag(sh.colon_end, W.colon_end);
    b += (sh.words.min(60) as f32) / 60.0 * W.words;
    let chars = sh.chars.max(1) as f32;
    if sh.cjk != 0 {
        a += sh.cjk as f32 / chars * W.cjk_ratio;
    }
    if sh.digits != 0 {
        b += sh.digits as f32 / chars * W.digit_ratio;
    }
    if sh.inner_stops != 0 {
        a += (sh.inner_stops.min(5) as f32) / 5.0 * W.inner_stops;
    }
    b += flag(sh.upper_start, W.upper_start);
    // One kind a line.
    let kind = match c.kind {
        Kind::Text => 0,
        Kind::Bullet { .. } => 1,
        Kind::Credit { .. } => 2,
        Kind::Byline { .. } => 3,
        Kind::Date { .. } => 4,
        Kind::Heading { .. } => 5,
        Kind::Link { .. } => 6,
    };
    a += W.kinds.get(kind).copied().unwrap_or_default();
    if let Some(h) = c.hit {
        b += if h.strong { W.hit_strong } else { W.hit_weak };
        a += base[3] * W.hit_decisive;
        let kind = lexicon.meta(h.phrase).map(|m| m.kind);
        let group = |ks: &[BoilerplateKind]| kind.is_some_and(|k| ks.contains(&k));
        b += flag(group(&CHROME), W.hit_chrome);
        b += flag(group(&NAV), W.hit_nav);
        b += flag(group(&RELATED), W.hit_related);
    }
    if c.blanks_before != 0 {
        a += (c.blanks_before.min(3) as f32) / 3.0 * W.blanks_before;
    }
    b += base[4] * W.repeated;
    a += flag(w < 30.0, W.short);
    b += flag(w >= 200.0, W.long);
    let [
        commas,
        upper,
        separators,
        url_like,
        at_sign,
        word_len,
        quotes,
        starts,
        ends,
    ] = W.stats;
    a += t.commas * commas;
    b += t.upper * upper;
    a += t.separators * separators;
    b += t.url_like * url_like;
    a += t.at_sign * at_sign;
    b += t.word_len * word_len;
    a += t.quotes * quotes;
    b += t.starts_digit * starts;
    a += t.ends_digit * ends;
    a + b
}

/// 0.0 or 1.0 for `v`, made from the bits (a multiply whose result a store
/// takes from a general register) rather than by converting 0 or 1 to a
/// float in a vector register: fewer instructions, the same bits.
#[inline(always)]
fn unit(v: bool) -> f32 {
    f32::from_bits(u32::from(v) * 1.0f32.to_bits())
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

/// The text stats of a line whose shape is `shape`: the shape counted its
/// characters and spaces already, so only what it does not hold is counted
/// here.
fn text_stats(text: &str, shape: &Shape) -> TextStats {
    let b = text.as_bytes();
    let c = stat_counts(b);
    let has = |flag: u8| c.flags & flag != 0;
    let (mut letters, mut upper, mut commas, mut quotes) =
        (c.letters, c.upper, c.commas, has(FLAG_QUOTE));
    let mut sep = has(FLAG_MARK) && spaced_mark(b);
    // The shape's characters are the bytes that are not UTF-8 continuation
    // bytes: fewer of them than bytes, and the line has non-ASCII ones.
    let chars = shape.chars;
    if chars as usize != b.len() {
        let n = non_ascii(b);
        letters += n.letters;
        upper += n.upper;
        commas += n.commas;
        quotes |= n.quotes;
        sep |= n.sep;
    }
    // URLs and domains: "http…:", "www.", ".com", ".org", ".de/".
    let url = (has(FLAG_COLON) && http().find(b).is_some()) || (c.dots > 0 && url_dot(b, c.dots));
    // Spaces and one, as the shape counts its words (which saturate).
    let words = if shape.words < u16::MAX {
        u32::from(shape.words)
    } else {
        memchr::memchr_iter(b' ', b).count() as u32 + 1
    };
    TextStats {
        commas: (commas as f32 * 10.0 / chars.max(1) as f32).min(1.0),
        upper: upper as f32 / letters.max(1) as f32,
        separators: unit(sep),
        url_like: unit(url),
        // The flag's bit times the bits of 1.0 over it (exact: asserted
        // below): no test and shift.
        at_sign: f32::from_bits(
            u32::from(c.flags & FLAG_AT) * const { 1.0f32.to_bits() / FLAG_AT as u32 },
        ),
        word_len: (chars as f32 / words as f32 / 10.0).min(2.0),
        quotes: unit(quotes),
        starts_digit: unit(b.first().is_some_and(u8::is_ascii_digit)),
        ends_digit: unit(b.last().is_some_and(u8::is_ascii_digit)),
    }
}

/// Whether one of the `dots` dots of `b` ends "www" or starts ".com",
/// ".org" or ".de/". The dots are counted already, so the scan stops at
/// the last one, and a dot that ends the line (most sentences) is looked at
/// without a scan. The others are found sixteen bytes at a time by the sign
/// bits of a vector compare (a search per dot cost more than the dot).
fn url_dot(b: &[u8], dots: u32) -> bool {
    // The bytes next to the dot first (most dots end a word, or stand in a
    // number), then the four from the dot in one load and compare.
    let byte = |k: usize| b.get(k).copied().unwrap_or(0);
    let is_url = |at: usize| {
        let www = || {
            at.checked_sub(3)
                .is_some_and(|p| byte(p) == b'w' && byte(p + 1) == b'w')
        };
        (at > 0 && byte(at - 1) == b'w' && www())
            || match byte(at + 1) {
                b'c' | b'o' | b'd' => b
                    .get(at..)
                    .and_then(|s| s.first_chunk::<4>())
                    .is_some_and(|w| matches!(w, b".com" | b".org" | b".de/")),
                _ => false,
            }
    };
    let mut left = dots;
    let mut end = b.len();
    if b.last() == Some(&b'.') {
        end -= 1;
        if is_url(end) {
            return true;
        }
        left -= 1;
    }
    if left == 0 {
        return false;
    }
    let body = b.get(..end).unwrap_or(&[]);
    let dot = u8x16::splat(b'.');
    find_each(
        body,
        |v| v.simd_eq(dot),
        |at| {
            if is_url(at) {
                return Some(true);
            }
            left = left.saturating_sub(1);
            (left == 0).then_some(false)
        },
    )
    .unwrap_or(false)
}

/// Whether `|`, `>` or `/` stands between two spaces in `b` (a separator
/// of a breadcrumb or link row): the marks found by vector compares.
fn spaced_mark(b: &[u8]) -> bool {
    let spaced = |at: usize| {
        at.checked_sub(1).and_then(|p| b.get(p)) == Some(&b' ') && b.get(at + 1) == Some(&b' ')
    };
    let is = |v: u8x16, x: u8| v.simd_eq(u8x16::splat(x));
    find_each(
        b,
        |v| is(v, b'|') | is(v, b'>') | is(v, b'/'),
        |at| spaced(at).then_some(true),
    )
    .unwrap_or(false)
}

/// A searcher for "http", built once per process: building one is dearer
/// than most searches.
fn http() -> &'static memchr::memmem::Finder<'static> {
    static HTTP: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    HTTP.get_or_init(|| memchr::memmem::Finder::new(b"http"))
}

/// What [`text_stats`] counts of a line's non-ASCII characters.
#[derive(Debug, Default)]
struct NonAscii {
    letters: u32,
    upper: u32,
    commas: u32,
    quotes: bool,
    /// A [`SEP`] character between spaces.
    sep: bool,
}

impl NonAscii {
    /// Counts the character whose lead byte is at `at` in `b`.
    #[inline(always)]
    fn add(&mut self, b: &[u8], at: usize) {
        let k = class_at(b, at);
        // Most of them: kana and ideographs below U+5000.
        if k == ALPHA {
            self.letters += 1;
            return;
        }
        // Next most: dashes, single curly quotes, signs; then double curly
        // quotes.
        if k == 0 {
            return;
        }
        if k == QUOTE {
            self.quotes = true;
            return;
        }
        self.letters += u32::from(k & ALPHA);
        self.upper += u32::from((k & UPPER) >> 1);
        self.commas += u32::from((k & COMMA) >> 2);
        self.quotes |= k & QUOTE != 0;
        if k & SEP != 0 {
            let len = utf8_len(b.get(at).copied().unwrap_or(0));
            self.sep |= at.checked_sub(1).and_then(|p| b.get(p)) == Some(&b' ')
                && b.get(at + len) == Some(&b' ');
        }
    }
}

/// Counts the non-ASCII characters of `b` (valid UTF-8) in sixteen-byte
/// vector blocks, a block without a high byte skipped by its sign bits.
/// CJK ideographs from U+5000 (lead bytes E5..E9, most of Chinese and
/// Japanese text) are letters of no case and nothing else: they are counted
/// in vector lanes by their lead bytes; the other characters' lead bytes
/// are picked out of a bit mask and classed one by one.
fn non_ascii(b: &[u8]) -> NonAscii {
    let mut out = NonAscii::default();
    let mut ideographs = 0;
    let rest = b.len() % LANES;
    let body = b.get(..b.len() - rest).unwrap_or(&[]);
    // Groups of GROUP blocks (an even number), the lanes summed between
    // them; the last block counts in the lanes of the last group (at most
    // 255 blocks). Most lines are one group: the last, taken apart, so
    // that they pass no test for a group after it.
    let mut groups = body.chunks(LANES * GROUP);
    let last = groups.next_back();
    let mut at = 0;
    let mut lanes = u8x16::ZERO;
    for group in groups {
        lanes = group_leads(lanes, b, group, at, &mut out);
        at += group.len();
        ideographs += lane_sum(&lanes.to_array());
        lanes = u8x16::ZERO;
    }
    if let Some(group) = last {
        lanes = group_leads(lanes, b, group, at, &mut out);
        at += group.len();
    }
    if rest > 0 {
        let tail = b.get(at..).unwrap_or(&[]);
        lanes = Leads::of(u8x16::new(padded(tail).to_le_bytes())).add(lanes, b, at, &mut out);
    }
    out.letters += ideographs + lane_sum(&lanes.to_array());
    out
}

/// [`non_ascii`]'s count of one group of blocks, the bytes of `b` from
/// `at`: its ideographs added to `lanes`, its other non-ASCII characters
/// to `out`.
#[inline(always)]
fn group_leads(mut lanes: u8x16, b: &[u8], group: &[u8], at: usize, out: &mut NonAscii) -> u8x16 {
    let mut at = at;
    // Two blocks a step, skipped together while they are ASCII (most of a
    // line in a Latin script), then the one left.
    let mut pairs = group.chunks_exact(2 * LANES);
    for pair in pairs.by_ref() {
        if let (Some(x), Some(y)) = (pair.first_chunk::<LANES>(), pair.last_chunk::<LANES>()) {
            let (x, y) = (u8x16::new(*x), u8x16::new(*y));
            if (x | y).to_bitmask() != 0 {
                lanes = Leads::of(x).add(lanes, b, at, out);
                lanes = Leads::of(y).add(lanes, b, at + LANES, out);
            }
        }
        at += 2 * LANES;
    }
    if let Some(block) = pairs.remainder().first_chunk::<LANES>() {
        lanes = Leads::of(u8x16::new(*block)).add(lanes, b, at, out);
    }
    lanes
}

/// The high bytes of a sixteen-byte block of a line, for [`non_ascii`].
struct Leads {
    v: u8x16,
    /// The sign bits of the block's bytes.
    high: u32,
}

impl Leads {
    /// The block `v` and its sign bits (one instruction).
    #[inline(always)]
    fn of(v: u8x16) -> Leads {
        Leads {
            high: v.to_bitmask(),
            v,
        }
    }

    /// Adds the ideographs of the block (the bytes of `b` from `at`) to
    /// `lanes`, and the other non-ASCII characters that start in it to
    /// `out`.
    #[inline(always)]
    fn add(self, lanes: u8x16, b: &[u8], at: usize, out: &mut NonAscii) -> u8x16 {
        if self.high == 0 {
            return lanes;
        }
        let v = self.v.cast_signed();
        // Lead bytes (0b11xx_xxxx): the sign bits of the bytes and of the
        // bytes doubled.
        let leads = self.high & (v + v).to_bitmask();
        // E5..=E9 moved to the five least `i8` values: one signed compare.
        let ideographs =
            (v + i8x16::splat(0x80u8.wrapping_sub(0xE5) as i8)).simd_lt(i8x16::splat(i8::MIN + 5));
        let mut rest = leads & !ideographs.to_bitmask();
        while rest != 0 {
            out.add(b, at + rest.trailing_zeros() as usize);
            rest &= rest - 1;
        }
        // The all-ones lanes of the compare, subtracted: one a lead.
        lanes - ideographs.cast_unsigned()
    }
}

/// Bytes of the UTF-8 character that `lead` starts.
#[inline(always)]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// [`char_class`] of the character whose lead byte is at `i` in `b`
/// (valid UTF-8, not ASCII), with the classes of the characters Chinese,
/// Japanese and most news text holds first.
#[inline(always)]
fn class_at(b: &[u8], i: usize) -> u8 {
    let byte = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0));
    let cont = |k: usize| byte(k) & 0x3F;
    let code = match b.get(i..).and_then(|s| s.first_chunk::<3>()) {
        // U+2000..U+203F (E2 80 xx): the dashes, curly quotes and bullets
        // of most news text that is not ASCII, classed by the last byte
        // as `char_class` classes general punctuation, without the decoding
        // and the ranges before it.
        Some(&[0xE2, 0x80, c2]) => {
            return match c2 {
                0x9C..=0x9E => QUOTE,
                0xA2 | 0xBA => SEP,
                _ => 0,
            };
        }
        // Hiragana, katakana, and the ideographs below U+5000 (E4 xx:
        // U+4000..U+4FFF, without the hexagrams at E4 B7), the letters of
        // Chinese and Japanese text that the vector lanes leave: classed by
        // their bytes, without the decoding and the ranges below.
        Some(
            &([0xE3, 0x81, 0x81..=0xBF]
            | [0xE3, 0x82, 0x80..=0x96 | 0xA1..=0xBF]
            | [0xE3, 0x83, 0x80..=0xBA]
            | [0xE4, 0x80..=0xB6 | 0xB8..=0xBF, _]),
        ) => return ALPHA,
        // `，` and `、`, `。`: the commas and the full stop of CJK text.
        Some(&([0xEF, 0xBC, 0x8C] | [0xE3, 0x80, 0x81])) => return COMMA,
        Some(&[0xE3, 0x80, 0x82]) => return 0,
        // Three bytes (kana, CJK, punctuation): one bounds check.
        Some(&[lead @ 0xE0..=0xEF, c1, c2]) => {
            (u32::from(lead & 0x0F) << 12) | (u32::from(c1 & 0x3F) << 6) | u32::from(c2 & 0x3F)
        }
        _ => {
            let lead = byte(0);
            match lead {
                0..=0xDF => ((lead & 0x1F) << 6) | cont(1),
                0xE0..=0xEF => ((lead & 0x0F) << 12) | (cont(1) << 6) | cont(2),
                _ => ((lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            }
        }
    };
    match code {
        // CJK ideographs, hiragana, katakana.
        0x4E00..=0x9FFF | 0x3041..=0x3096 | 0x30A1..=0x30FA => ALPHA,
        0x3001 | 0xFF0C => COMMA,
        0x201C..=0x201E | 0x300C | 0x300D => QUOTE,
        0x2022 | 0x203A => SEP,
        // Dashes and single curly quotes; currency signs (€); 。.
        0x2010..=0x201B | 0x20A0..=0x20CF | 0x3002 => 0,
        // Two bytes: accented Latin letters, `«`, `»`, `£`, `©`.
        0x80..=0x17F => latin(code),
        _ => char::from_u32(code).map_or(0, char_class),
    }
}

/// [`char_class`] of the code points below U+0180 (Latin-1 and Latin
/// Extended-A, most of the letters of European text that are not ASCII),
/// without the Unicode tables: the test checks every one against std.
#[inline(always)]
fn latin(u: u32) -> u8 {
    let upper_if = |on: u32| ALPHA | ((on & 1) as u8 * UPPER);
    match u {
        0xAB => QUOTE,
        0xBB => QUOTE | SEP,
        // ª µ º are letters; C1 controls, other punctuation and signs.
        0xAA | 0xB5 | 0xBA => ALPHA,
        0..=0xBF | 0xD7 | 0xF7 => 0,
        0xC0..=0xDE => ALPHA | UPPER,
        0xDF..=0xFF => ALPHA,
        // Extended-A: pairs of an upper and a lower case letter, the upper
        // on the even code point but in two runs; ĸ has no upper case.
        0x139..=0x148 | 0x179..=0x17E => upper_if(u),
        0x138 => ALPHA,
        _ => upper_if(!u),
    }
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
    if u < 0x180 {
        return latin(u);
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
            // Latin Extended-B: letters only.
            0x180..=0x24F => ALPHA | (u8::from(ch.is_uppercase()) * UPPER),
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
    /// ASCII letters, upper and lower case.
    letters: u32,
    commas: u32,
    /// `.` bytes.
    dots: u32,
    /// Which of the [`FLAG_QUOTE`]… bytes occur.
    flags: u8,
}

/// `"`
const FLAG_QUOTE: u8 = 1;
/// `@`
const FLAG_AT: u8 = 2;
// `text_stats` makes `at_sign` as the bit times the bits of 1.0 over it.
const _: () = assert!(1.0f32.to_bits().is_multiple_of(FLAG_AT as u32));
/// `|`, `>` or `/`, or `<` or `~` ([`mark_like`]): the line is searched
/// for the marks.
const FLAG_MARK: u8 = 4;
/// `:`
const FLAG_COLON: u8 = 8;

/// `|` (0x7C), `>` (0x3E), `<` (0x3C), `~` (0x7E): the bytes that are
/// 0x3C without bits 6 and 1, one compare for four (`<` and `~` are rare
/// in text, and only send a line to the search for the marks); or `/`.
#[inline(always)]
fn mark_like(b: u8) -> bool {
    b & !0x42 == 0x3C || b == b'/'
}

/// The flags a byte sets (the tests' reference for the vector compares).
#[cfg(test)]
fn flags_of(b: u8) -> u8 {
    (u8::from(b == b'"') * FLAG_QUOTE)
        | (u8::from(b == b'@') * FLAG_AT)
        | (u8::from(mark_like(b)) * FLAG_MARK)
        | (u8::from(b == b':') * FLAG_COLON)
}

/// Bytes per block of the vector loop.
const LANES: usize = 16;

/// Blocks of [`stat_counts`] counted in `u8` lanes before they are summed,
/// and one more block, the last.
const GROUP: usize = 254;
// [`non_ascii`] takes a group's blocks two at a time.
const _: () = assert!(GROUP.is_multiple_of(2));

/// Per-lane counts of up to 255 blocks (a `u8` cannot overflow), and
/// whether each flag's bytes were seen in each lane (0xFF if so): one
/// lane set a flag, so that no bit of a flag has to be picked out of a
/// compare in the loop.
#[derive(Default)]
struct StatLanes {
    /// Bytes that are not upper case letters, and not lower case ones.
    not_upper: [u8; LANES],
    not_lower: [u8; LANES],
    commas: [u8; LANES],
    dots: [u8; LANES],
    /// [`FLAG_QUOTE`], [`FLAG_AT`], [`FLAG_MARK`], [`FLAG_COLON`] bytes.
    quote: [u8; LANES],
    at: [u8; LANES],
    mark: [u8; LANES],
    colon: [u8; LANES],
}

impl StatLanes {
    /// Counts one block in sixteen independent lanes (vector code).
    #[inline(always)]
    fn add(&mut self, block: &[u8; LANES]) {
        let lanes = self
            .not_upper
            .iter_mut()
            .zip(self.not_lower.iter_mut())
            .zip(self.commas.iter_mut())
            .zip(self.dots.iter_mut())
            .zip(block);
        for ((((u, l), k), d), &b) in lanes {
            // `A..=Z` moved to the 26 least `i8` values: one signed compare
            // (SSE2 has no unsigned one).
            // The bytes that are not counted: `x > c` keeps the constant
            // (`c > x` needs a copy of it), and the length gives the count.
            *u += u8::from((b.wrapping_add(0x80 - b'A') as i8) > i8::MIN + 25);
            *l += u8::from((b.wrapping_add(0x80 - b'a') as i8) > i8::MIN + 25);
            *k += u8::from(b == b',');
            *d += u8::from(b == b'.');
        }
        let flags = self
            .quote
            .iter_mut()
            .zip(self.at.iter_mut())
            .zip(self.mark.iter_mut())
            .zip(self.colon.iter_mut())
            .zip(block);
        for ((((q, a), k), c), &b) in flags {
            // A compare's all-ones lane, as it comes.
            let all = |on: bool| u8::from(on).wrapping_neg();
            *q |= all(b == b'"');
            *a |= all(b == b'@');
            *k |= all(mark_like(b));
            *c |= all(b == b':');
        }
    }

    #[inline(always)]
    fn flush(&mut self, into: &mut StatCounts) {
        // Not yet the counts: `stat_counts` takes them from the bytes.
        into.upper += lane_sum(&self.not_upper);
        into.letters += lane_sum(&self.not_lower);
        into.commas += lane_sum(&self.commas);
        into.dots += lane_sum(&self.dots);
        let [q, a, m, c] = [self.quote, self.at, self.mark, self.colon].map(u8x16::new);
        into.flags |= flag_bits(q, a, m, c);
        *self = StatLanes::default();
    }
}

/// The [`FLAG_QUOTE`]… bits of the lanes of the four flags' compares (0 or
/// 0xFF): the lanes packed into four bytes (a saturating pack of two bytes
/// is 0 only if both are), in the order of their bits, and one compare and
/// one sign-bit mask, not four.
#[inline(always)]
fn flag_bits(q: u8x16, a: u8x16, m: u8x16, c: u8x16) -> u8 {
    let pack = |x: u8x16, y: u8x16| -> u8x16 {
        let words: [i16x8; 2] = [cast(x), cast(y)];
        i8x16::from_i16x16_saturate(cast(words)).cast_unsigned()
    };
    let bytes = pack(pack(q, a), pack(m, c));
    let bytes = pack(bytes, bytes);
    let bytes = pack(bytes, bytes);
    const _: () = assert!(FLAG_QUOTE == 1 && FLAG_AT == 2 && FLAG_MARK == 4 && FLAG_COLON == 8);
    !bytes.simd_eq(u8x16::ZERO).to_bitmask() as u8 & 0xF
}

/// The sum of sixteen `u8` lanes. Inlined, the compiler makes it a few
/// vector instructions (SWAR sums by hand came out longer).
#[inline(always)]
fn lane_sum(lanes: &[u8; 16]) -> u32 {
    lanes.iter().map(|&x| u32::from(x)).sum()
}

/// The last `rest` bytes of `block` and zero bytes before them (which
/// count nothing): a load and an and, not a mask on every count.
#[inline(always)]
fn tail_of(block: &[u8; 16], rest: usize) -> [u8; 16] {
    let keep = tail_keep(rest);
    let mut out = *block;
    for (o, k) in out.iter_mut().zip(keep) {
        *o &= k;
    }
    out
}

/// The byte counts in one pass: blocks of sixteen bytes in vector lanes, the
/// last few in a block that overlaps the one before. A short line is one
/// block padded with zero bytes, which count nothing.
fn stat_counts(b: &[u8]) -> StatCounts {
    let mut out = StatCounts::default();
    let Some(last) = b.last_chunk::<LANES>() else {
        return short_counts(&[padded(b).to_le_bytes()]);
    };
    // Fewer than two blocks: the first and the rest padded (a third of
    // the lines that are not short), without the loop and the lane sums.
    if let (Some(first), Some(rest)) = (b.first_chunk::<LANES>(), b.get(LANES..))
        && rest.len() < LANES
    {
        return short_counts(&[*first, padded(rest).to_le_bytes()]);
    }
    let mut lanes = StatLanes::default();
    // Groups of GROUP blocks, the lanes flushed between them: the last
    // block counts in the same lanes as the last group, so a lane counts at
    // most 255 blocks.
    let rest = b.len() % LANES;
    let body = b.get(..b.len() - rest).unwrap_or(&[]);
    // From the last block to the first (the counts do not depend on the
    // order): the offset counts down to zero, so that the loop's step is an
    // add and a branch, without a compare with the end.
    let add_all = |lanes: &mut StatLanes, group: &[u8]| {
        for block in group.rchunks_exact(LANES) {
            if let Some(block) = block.first_chunk::<LANES>() {
                lanes.add(block);
            }
        }
    };
    if body.len() <= LANES * GROUP {
        // One group (most lines): no groups to count.
        add_all(&mut lanes, body);
    } else {
        let mut groups = body.chunks(LANES * GROUP);
        let last_group = groups.next_back();
        for group in groups {
            add_all(&mut lanes, group);
            lanes.flush(&mut out);
        }
        if let Some(group) = last_group {
            add_all(&mut lanes, group);
        }
    }
    if rest > 0 {
        // The last sixteen bytes, counting only the bytes not yet counted.
        lanes.add(&tail_of(last, rest));
    }
    lanes.flush(&mut out);
    // The bytes in the blocks counted (the last one has zero bytes before
    // its `rest`), less those that are not upper (lower) case letters.
    let counted = (body.len() + if rest > 0 { LANES } else { 0 }) as u32;
    out.upper = counted - out.upper;
    // `letters` holds the bytes that are not lower case letters so far.
    out.letters = out.upper + (counted - out.letters);
    out
}

/// [`stat_counts`] of `K` blocks (a short line and zero bytes): each lane
/// counts at most `K` of each, so two counts share a lane as `a + w * b`
/// with `w` the power of two above `16 K` (for two blocks 64: a lane at
/// most 130, summed to at most 2080), and two sums of lanes give the four
/// counts (a sum of sixteen lanes is at most `16 K`: below `w`) by a mask
/// and a shift, not a division.
#[inline(always)]
fn short_counts<const K: usize>(blocks: &[[u8; LANES]; K]) -> StatCounts {
    const { assert!(K <= 2) };
    let w = const { (LANES * K + 1).next_power_of_two() as u8 };
    let (mut letters, mut marks) = ([0u8; LANES], [0u8; LANES]);
    let mut flags = [u8x16::ZERO; 4];
    for block in blocks {
        let lanes = letters.iter_mut().zip(marks.iter_mut()).zip(block);
        for ((l, k), &b) in lanes {
            let upper = u8::from((b.wrapping_add(0x80 - b'A') as i8) < i8::MIN + 26);
            let letter = u8::from(((b | 0x20).wrapping_add(0x80 - b'a') as i8) < i8::MIN + 26);
            *l += upper + w * letter;
            *k += u8::from(b == b',') + w * u8::from(b == b'.');
        }
        let v = u8x16::new(*block);
        let is = |x: u8| v.simd_eq(u8x16::splat(x));
        let mark = (v & u8x16::splat(!0x42)).simd_eq(u8x16::splat(0x3C)) | is(b'/');
        for (f, m) in flags.iter_mut().zip([is(b'"'), is(b'@'), mark, is(b':')]) {
            *f |= m;
        }
    }
    let [q, a, m, c] = flags;
    let (l, k, w) = (lane_sum(&letters), lane_sum(&marks), u32::from(w));
    StatCounts {
        upper: l % w,
        letters: l / w,
        commas: k % w,
        dots: k / w,
        flags: flag_bits(q, a, m, c),
    }
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
    let key = move |t: &str| {
        let b = t.as_bytes();
        // Two two-byte loads (a line of one byte: that byte).
        let ends = match (b.first_chunk::<2>(), b.last_chunk::<2>()) {
            (Some(&first), Some(&last)) => {
                u64::from(u16::from_le_bytes(first)) | (u64::from(u16::from_le_bytes(last)) << 16)
            }
            _ => u64::from(b.first().copied().unwrap_or(0)),
        };
        let k = (b.len() as u64) ^ (ends << 32);
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - key_bits)) as usize
    };
    let mut by_key = vec![0u8; 1 << key_bits];
    // Lines not alone under their key, counted as they come: the second
    // line under a key brings the first one along.
    let mut hashed = 0usize;
    // Each line's key (below 2^24), later its entry: one vector, made in
    // the pass that counts the keys. Extended from the lines (the length
    // known: no capacity test a line, the length kept in a register), not
    // pushed in a loop, nor collected (that was not inlined, and kept the
    // count and the table in memory through its closure).
    let mut slots = Vec::with_capacity(lines.len());
    slots.extend(lines.iter().map(|c| {
        let k = key(c.text);
        if let Some(n) = by_key.get_mut(k) {
            // By the count before the line: what it adds to `hashed` (0 for
            // the first line under a key, 2 for the second, which brings the
            // first along, 1 for each after) and the count after it, which
            // stops at 2 (only whether it is 1 matters later). Two loads
            // from tables, not compares.
            const ADDS: [u8; 4] = [0, 2, 1, 1];
            const NEXT: [u8; 4] = [1, 2, 2, 2];
            let before = usize::from(*n & 3);
            hashed += usize::from(ADDS.get(before).copied().unwrap_or(1));
            *n = NEXT.get(before).copied().unwrap_or(2);
        }
        k as u32
    }));
    // At most half full.
    let bits = (hashed.max(1) * 2).next_power_of_two().trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut table = vec![u32::MAX; 1 << bits];
    // Each distinct text: its hash, its first line, how often it occurs.
    let mut entries: Vec<(u64, u32, u32)> = Vec::with_capacity(hashed);
    let mut overflow: HashMap<&str, u32> = HashMap::new();
    for (i, (slot_of, c)) in slots.iter_mut().zip(lines).enumerate() {
        if by_key.get(*slot_of as usize) == Some(&1) {
            *slot_of = u32::MAX;
            continue;
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
        *slot_of = id;
    }
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
    h = (h ^ short_word(words.remainder())).wrapping_mul(K);
    (h ^ (h >> 32)).wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

/// The model's log-odds that a line with features `x` is article content
/// (the tests' reference for [`logits`]).
#[cfg(test)]
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

    /// The logits are the rows' logits, up to the rounding of a sum in
    /// another order: a few units in the last place of the largest term.
    #[test]
    fn logits_are_the_logits_of_the_rows() {
        let fixtures = [
            include_str!("../../tests/fixtures/seedlike.txt"),
            include_str!("../../tests/fixtures/cjk.txt"),
            include_str!("../../tests/fixtures/rails.txt"),
            include_str!("../../tests/fixtures/byline_date.txt"),
            include_str!("../../tests/fixtures/standfirst.txt"),
            include_str!("../../tests/fixtures/heading_list.txt"),
        ];
        let all = fixtures.concat();
        for page in fixtures.iter().copied().chain([all.as_str()]) {
            let lexicon = Lexicon::builtin();
            let lines = super::super::classify::classify(page, lexicon).lines;
            let repeats = repeats(&lines);
            let rows = features(&lines, &repeats, lexicon);
            let got = logits(&lines, &repeats, lexicon);
            assert_eq!(got.len(), rows.len());
            for (k, (row, &l)) in rows.iter().zip(&got).enumerate() {
                let want = logit(row);
                let largest = row
                    .iter()
                    .zip(super::super::weights::WEIGHTS)
                    .map(|(x, w)| (x * w).abs())
                    .fold(0f32, f32::max);
                assert!(
                    (l - want).abs() <= 16.0 * f32::EPSILON * largest,
                    "line {k}: {l} against the row's {want}"
                );
            }
        }
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
    fn stat_counts_match_the_byte_loop_on_every_byte() {
        let naive = |b: &[u8]| StatCounts {
            upper: b.iter().filter(|c| c.is_ascii_uppercase()).count() as u32,
            letters: b.iter().filter(|c| c.is_ascii_alphabetic()).count() as u32,
            commas: b.iter().filter(|&&c| c == b',').count() as u32,
            dots: b.iter().filter(|&&c| c == b'.').count() as u32,
            flags: b.iter().fold(0, |f, &c| f | flags_of(c)),
        };
        // One byte in every block of a lane, across the lane flushes (the
        // last block counts in the same lanes as the group before it).
        for n in [
            4064, 4065, 4079, 4080, 4081, 4095, 4096, 4097, 8129, 8161, 8177,
        ] {
            for c in [b',', b'.', b'A', b'a', b'"', b'@', b'/', b':'] {
                let b = vec![c; n];
                assert_eq!(stat_counts(&b), naive(&b), "{n} bytes {c}");
            }
        }
        // Every byte value at every place of the one- and two-block lines,
        // and filling them (the most each shared lane of `short_counts`
        // holds).
        for c in 0..=255u8 {
            for len in 1..2 * LANES {
                let b = vec![c; len];
                assert_eq!(stat_counts(&b), naive(&b), "{c:#x} filling {len}");
                for at in [0, len / 2, len - 1] {
                    let mut b = vec![b'x'; len];
                    if let Some(x) = b.get_mut(at) {
                        *x = c;
                    }
                    assert_eq!(stat_counts(&b), naive(&b), "{c:#x} at {at} of {len}");
                }
            }
        }
        // Every byte value in every lane, at lengths around the block size
        // and over 255 blocks.
        let all: Vec<u8> = (0..=255u8).cycle().take(256 * 17 + 5).collect();
        for start in 0..17 {
            for len in (0..40).chain([255, 256, 4079, 4080, 4081, 4100]) {
                if let Some(b) = all.get(start..start + len) {
                    assert_eq!(stat_counts(b), naive(b), "{len} bytes from {start}");
                }
            }
        }
    }

    #[test]
    fn mark_like_is_the_marks_and_two_rare_bytes() {
        for b in 0..=255u8 {
            assert_eq!(
                mark_like(b),
                matches!(b, b'|' | b'>' | b'/' | b'<' | b'~'),
                "{b:#x}"
            );
        }
    }

    /// [`non_ascii`] character by character.
    fn plain_non_ascii(text: &str) -> (u32, u32, u32, bool, bool) {
        let b = text.as_bytes();
        let mut n = NonAscii::default();
        for (at, _) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            n.add(b, at);
        }
        (n.letters, n.upper, n.commas, n.quotes, n.sep)
    }

    #[test]
    fn non_ascii_matches_the_character_loop() {
        let of = |t: &str| {
            let n = non_ascii(t.as_bytes());
            (n.letters, n.upper, n.commas, n.quotes, n.sep)
        };
        // Every lead byte class at every offset of a block, and lines of
        // ideographs across the lane sums (254 blocks a group, and the last).
        let chars = [
            'é', 'Ä', '“', '»', '•', '，', '、', '「', '市', '中', 'あ', '€', '𝐀', 'Ω',
        ];
        for ch in chars {
            for pad in 0..40 {
                for tail in 0..20 {
                    let line = format!("{}{ch} {}", "a".repeat(pad), "b".repeat(tail));
                    assert_eq!(of(&line), plain_non_ascii(&line), "{line:?}");
                }
            }
            for n in [1000, 1354, 1355, 1356, 2710, 2711, 4000] {
                let line = ch.to_string().repeat(n);
                assert_eq!(of(&line), plain_non_ascii(&line), "{n} of {ch:?}");
            }
        }
        for n in [4063, 4064, 4065, 4080, 4081, 8128, 8200] {
            let line = format!("{}市", "x".repeat(n));
            assert_eq!(of(&line), plain_non_ascii(&line), "{n} bytes");
        }
    }

    #[test]
    fn url_dot_matches_every_dot_searched() {
        let plain = |b: &[u8]| {
            memchr::memchr_iter(b'.', b).any(|at| {
                let after = b.get(at + 1..).unwrap_or(&[]);
                at.checked_sub(3).and_then(|p| b.get(p..at)) == Some(b"www")
                    || after.starts_with(b"com")
                    || after.starts_with(b"org")
                    || after.starts_with(b"de/")
            })
        };
        let parts = [
            "www", ".", "com", "org", "de/", "de", "x", " ", "w", "..", "c",
        ];
        let mut lines: Vec<String> = Vec::new();
        for a in parts {
            for b in parts {
                for c in parts {
                    lines.push([a, b, c].concat());
                    lines.push([a, b, c, "."].concat());
                }
            }
        }
        lines.push("Ends like a sentence. And www.".to_string());
        // Dots at every offset of the sixteen-byte blocks and at the end.
        for pad in 0..40 {
            let x = "x".repeat(pad);
            for tail in ["com", "org", "de/", "de", "c", "o", "d", "x", "", "."] {
                lines.push(format!("{x}.{tail}"));
                lines.push(format!("{x}.{tail} and. {x}www.z."));
                lines.push(format!("a.b {x}www.{tail}"));
            }
        }
        lines.push(".".repeat(600));
        for line in &lines {
            let b = line.as_bytes();
            let dots = b.iter().filter(|&&c| c == b'.').count() as u32;
            if dots > 0 {
                assert_eq!(url_dot(b, dots), plain(b), "{line:?}");
            }
        }
    }

    #[test]
    fn spaced_mark_matches_the_search_on_every_byte() {
        let plain = |b: &[u8]| {
            memchr::memchr3_iter(b'|', b'>', b'/', b).any(|at| {
                at.checked_sub(1).and_then(|p| b.get(p)) == Some(&b' ')
                    && b.get(at + 1) == Some(&b' ')
            })
        };
        // Every byte between spaces, at every offset of the 32-byte steps
        // and of the last few bytes.
        for x in 0..=255u8 {
            for pad in 0..70 {
                for tail in [0, 1, 2, 17] {
                    let mut line = vec![b'a'; pad];
                    line.extend([b' ', x, b' ']);
                    line.extend(vec![b'z'; tail]);
                    assert_eq!(spaced_mark(&line), plain(&line), "{x:#x} at {pad}, {tail}");
                    // Unspaced: the byte and one space.
                    let mut line = vec![b'a'; pad];
                    line.extend([x, b' ']);
                    line.extend(vec![b'z'; tail]);
                    assert_eq!(spaced_mark(&line), plain(&line), "{x:#x} at {pad}, {tail}");
                }
            }
        }
        for line in ["", " ", "/", " / ", "a/b c|d e>f", "a | b", "x >", "> x"] {
            assert_eq!(
                spaced_mark(line.as_bytes()),
                plain(line.as_bytes()),
                "{line:?}"
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
    fn class_at_matches_char_class_on_every_character() {
        for ch in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let mut buf = [b'x'; 6];
            ch.encode_utf8(buf.get_mut(1..5).unwrap_or(&mut []));
            assert_eq!(class_at(&buf, 1), char_class(ch), "{ch:?}");
        }
    }

    #[test]
    fn text_stats_match_the_character_loop_on_every_character() {
        // Every character, in lines that mix them with ASCII words and
        // spaces, so that each lands at every offset of the eight-byte words.
        let mut line = String::new();
        for (k, ch) in ('\u{80}'..=char::MAX).enumerate() {
            line.push(ch);
            line.push_str(
                ["", " ", "a", " B ", "xy"]
                    .get(k % 5)
                    .copied()
                    .unwrap_or(""),
            );
            if k % 97 == 96 {
                let shape = crate::construct::shape::shape(&line);
                assert_eq!(
                    bits(&text_stats(&line, &shape)),
                    bits(&reference(&line)),
                    "{line:?}"
                );
                line.clear();
            }
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
        // Bytes that send a line to the search for marks but are none.
        lines.push("a < b ~ c and a longer tail".to_string());
        lines.push("a <| b ~/ c and a longer tail, a | b".to_string());
        for line in &lines {
            let shape = crate::construct::shape::shape(line);
            assert_eq!(
                bits(&text_stats(line, &shape)),
                bits(&reference(line)),
                "{line:?}"
            );
        }
    }
}
