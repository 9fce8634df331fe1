//! Line features for the learned line scorer.
//!
//! Each line becomes a fixed vector of numbers computed from its shape, its
//! kind, its lexicon hit, whether it repeats elsewhere in the page, and the
//! same measures averaged over its neighbours (prefix sums, so linear). A
//! logistic model over these (weights in `weights.rs`, trained by
//! `examples/train.rs` on the development corpus) gives the log-odds that a
//! line is article content; the extent stage sums them.

use std::collections::HashMap;

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
                (1.0 + w).ln() / 6.0,
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
    // Mean of measure `j` over lines i-r..=i+r, without line i.
    let window = |i: usize, r: usize, j: usize| -> f32 {
        debug_assert!(r <= RADIUS);
        let lo = i.saturating_sub(r);
        let hi = (i + r + 1).min(n);
        let sum = prefix
            .get(slot(hi))
            .and_then(|p| p.get(j))
            .copied()
            .unwrap_or(0.0)
            - prefix
                .get(slot(lo))
                .and_then(|p| p.get(j))
                .copied()
                .unwrap_or(0.0)
            - base
                .get(slot(i))
                .and_then(|b| b.get(j))
                .copied()
                .unwrap_or(0.0);
        let count = (hi - lo).saturating_sub(1);
        if count == 0 { 0.0 } else { sum / count as f32 }
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
            let chars = sh.chars.max(1) as f32;
            let kind = |k: bool| f32::from(u8::from(k));
            let hit_kind = c.hit.and_then(|h| lexicon.meta(h.phrase)).map(|m| m.kind);
            let group = |ks: &[BoilerplateKind]| kind(hit_kind.is_some_and(|k| ks.contains(&k)));
            let ln_w = (1.0 + w).ln() / 6.0;
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
                window(i, 3, 0),
                window(i, 3, 1),
                window(i, 3, 2),
                window(i, 3, 3),
                window(i, 10, 0),
                window(i, 10, 2),
                window(i, 10, 1),
                sentence * ln_w,
                at(i.checked_sub(1), 0),
                at(Some(i + 1).filter(|&j| j < n), 0),
                at(i.checked_sub(1), 2),
                at(Some(i + 1).filter(|&j| j < n), 2),
                window(i, 10, 4),
                t.commas,
                t.upper,
                t.separators,
                t.url_like,
                t.at_sign,
                t.word_len,
                t.quotes,
                t.starts_digit,
                t.ends_digit,
                window(i, 3, 5),
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
    // Branch-free counts the compiler vectorises.
    let (mut chars, mut upper, mut lower, mut commas, mut quotes, mut ats, mut spaces) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    for &c in b {
        chars += u32::from((c & 0xC0) != 0x80);
        upper += u32::from(c.wrapping_sub(b'A') < 26);
        lower += u32::from(c.wrapping_sub(b'a') < 26);
        commas += u32::from(c == b',');
        quotes += u32::from(c == b'"');
        ats += u32::from(c == b'@');
        spaces += u32::from(c == b' ');
    }
    let mut letters = upper + lower;
    let spaced = |at: usize, len: usize| {
        at.checked_sub(1).and_then(|p| b.get(p)) == Some(&b' ') && b.get(at + len) == Some(&b' ')
    };
    let mut sep = memchr::memchr3_iter(b'|', b'>', b'/', b).any(|at| spaced(at, 1));
    if !text.is_ascii() {
        for (at, ch) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            if ch.is_alphabetic() {
                letters += 1;
                upper += u32::from(ch.is_uppercase());
            }
            commas += u32::from(matches!(ch, '，' | '、'));
            quotes += u32::from(matches!(ch, '“' | '”' | '„' | '«' | '»' | '「' | '」'));
            sep |= matches!(ch, '»' | '›' | '•') && spaced(at, ch.len_utf8());
        }
    }
    // URLs and domains: "http…:", "www.", ".com", ".org", ".de/".
    let url = (memchr::memchr(b':', b).is_some() && memchr::memmem::find(b, b"http").is_some())
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

/// How many times each line's text occurs in the page (hash map: linear).
///
/// One hash per line: each distinct text gets a slot, each line remembers
/// its slot. The hasher is std's keyed SipHash: page text is untrusted, and
/// a predictable hash would let a crafted page make this quadratic.
pub(crate) fn repeats(lines: &[Classified<'_>]) -> Vec<u32> {
    let mut slot: HashMap<&str, u32> = HashMap::with_capacity(lines.len());
    let mut counts: Vec<u32> = Vec::new();
    let mut slots: Vec<u32> = lines
        .iter()
        .map(|c| {
            let next = u32::try_from(counts.len()).unwrap_or(u32::MAX);
            let s = *slot.entry(c.text).or_insert(next);
            if s == next {
                counts.push(0);
            }
            if let Some(n) = counts.get_mut(s as usize) {
                *n = n.saturating_add(1);
            }
            s
        })
        .collect();
    drop(slot);
    // Each line's slot becomes its slot's count, in place.
    for s in &mut slots {
        *s = counts.get(*s as usize).copied().unwrap_or(1);
    }
    slots
}

/// The model's log-odds that a line with features `x` is article content.
pub(crate) fn logit(x: &[f32; N]) -> f32 {
    x.iter()
        .zip(super::weights::WEIGHTS.iter())
        .map(|(a, b)| a * b)
        .sum()
}
