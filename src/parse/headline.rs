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
pub(crate) fn title_shaped(c: &Classified<'_>) -> bool {
    title_shaped_but_stops(c) && c.shape.inner_stops == 0
}

/// [`title_shaped`] but for the inner-stop rule.
fn title_shaped_but_stops(c: &Classified<'_>) -> bool {
    title_shaped_but_end(c) && (!c.shape.sentence_end || c.text.ends_with(['?', '!', '？', '！']))
}

/// [`title_shaped`] but for the sentence-end and inner-stop rules.
fn title_shaped_but_end(c: &Classified<'_>) -> bool {
    let w = c.shape.weight();
    (c.is_text() || matches!(c.kind, Kind::Heading { .. }))
        && c.boilerplate_hit().is_none()
        && (10..=300).contains(&w)
        && (c.shape.words >= 2 || c.shape.cjk >= 4)
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

/// Lower-cased words of three letters or more, and CJK characters one by
/// one, as 64-bit hashes (FNV-1a of the lower-cased characters): no string
/// is built.
fn tokens(text: &str, out: &mut Vec<u64>) {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut n = 0usize;
    let push = |h: &mut u64, n: &mut usize, out: &mut Vec<u64>| {
        if *n >= 3 {
            out.push(*h);
        }
        *h = OFFSET;
        *n = 0;
    };
    // ASCII bytes one by one (the usual case), other characters decoded.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(&l) = ASCII_WORD.get(usize::from(b)) {
            if l != 0 {
                h = (h ^ u64::from(l)).wrapping_mul(PRIME);
                n += 1;
            } else {
                push(&mut h, &mut n, out);
            }
            i += 1;
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        if let Some(l) = common_lower(ch) {
            h = (h ^ u64::from(l)).wrapping_mul(PRIME);
            n += 1;
        } else if common_non_word(ch) {
            push(&mut h, &mut n, out);
        } else if is_cjk(ch) {
            push(&mut h, &mut n, out);
            out.push((OFFSET ^ u64::from(ch)).wrapping_mul(PRIME) ^ 0x5555);
        } else if ch.is_alphanumeric() {
            for l in ch.to_lowercase() {
                h = (h ^ u64::from(l)).wrapping_mul(PRIME);
                n += 1;
            }
        } else {
            push(&mut h, &mut n, out);
        }
    }
    push(&mut h, &mut n, out);
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

/// Latin-1 signs and general punctuation (no-break space, `«`, `’`, `“`,
/// dashes): neither letters nor digits, nor CJK. A test checks each
/// against std.
#[inline]
fn common_non_word(ch: char) -> bool {
    matches!(u32::from(ch),
        0x80..=0xA9 | 0xAB..=0xB1 | 0xB4 | 0xB6..=0xB8 | 0xBB | 0xBF | 0xD7 | 0xF7 | 0x2000..=0x206F)
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

/// The words of the first prose of the extent.
fn body_words(units: &[Unit], lines: &[Classified<'_>], first: usize, last: usize) -> WordSet {
    let mut toks = Vec::new();
    let mut bytes = 0;
    for u in units.get(first..=last).unwrap_or(&[]) {
        if let Unit::Line(i) = u
            && let Some(c) = lines.get(i.at())
            && c.is_text()
            && (c.shape.sentence_end || c.shape.weight() >= 80)
        {
            tokens(c.text, &mut toks);
            bytes += c.text.len();
            if bytes >= SAMPLE_BYTES {
                break;
            }
        }
    }
    // In the order they came, as inserted line by line.
    let mut set = WordSet::with_room(toks.len());
    for &t in &toks {
        set.insert(t);
    }
    set
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
    // The body's words, sampled when the first candidate needs them.
    let mut words = None;
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
    let mut toks = Vec::new();
    // The lines a headline may recur in, by their last byte.
    let mut ends: Vec<(u8, u32, &str)> = (lo..(first + RECUR_AHEAD).min(units.len()))
        .filter_map(|j| match units.get(j) {
            Some(Unit::Line(m)) => {
                let o = lines.get(m.at())?;
                Some((*o.text.as_bytes().last()?, u32::try_from(j).ok()?, o.text))
            }
            _ => None,
        })
        .collect();
    ends.sort_unstable_by_key(|e| e.0);
    let mut scores: Vec<Option<Score>> = (lo..hi)
        .map(|k| {
            // A one-unit extent is the article itself, not its headline.
            if k == first && first == last {
                return None;
            }
            score(units, lines, &mut words, &mut toks, &ends, (first, last), k)
        })
        .collect();
    // The best unit is the first of highest score, less its subtitle cost,
    // above `MIN_SCORE`. A unit's score is at most its upper bound, so the
    // units are taken by that bound, highest first, until no bound reaches
    // the best score found: whether the rest are cited is never looked up.
    let mut order: Vec<(f32, usize)> = scores
        .iter()
        .enumerate()
        .filter_map(|(d, s)| {
            s.map(|s| s.upper())
                .filter(|&u| u > MIN_SCORE)
                .map(|u| (u, lo + d))
        })
        .collect();
    order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut best: Option<(f32, usize)> = None;
    for (upper, k) in order {
        if best.is_some_and(|(b, _)| upper < b) {
            break;
        }
        let Some(sc) = resolve(&mut scores, lines, k - lo) else {
            continue;
        };
        let above = k
            .checked_sub(1)
            .and_then(|j| j.checked_sub(lo))
            .and_then(|d| resolve(&mut scores, lines, d));
        let sc = sc - subtitle_cost(units, lines, k, above);
        if sc > MIN_SCORE && best.is_none_or(|(b, kb)| sc > b || (sc >= b && k < kb)) {
            best = Some((sc, k));
        }
    }
    best.map(|(_, k)| k)
        .or_else(|| opening_title(units, lines, first, last))
        // A clean page (a copy-paste) starts with its headline.
        .or_else(|| (first <= LOOKAHEAD && opens_with_title(units, lines, last)).then_some(0))
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
    if w > tw && tw >= SUBTITLE_OF && c.text.contains([',', '，']) {
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
    let (mut seps, mut commas) = (0u32, 0u32);
    let mut copyright = false;
    for ch in text.chars() {
        match ch {
            '›' | '»' | '>' | '|' | '/' | '·' | '•' => seps += 1,
            ',' | '、' => commas += 1,
            '©' => copyright = true,
            _ => {}
        }
    }
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

/// The score of unit `k` as the headline, if it is a title-shaped line.
fn score(
    units: &[Unit],
    lines: &[Classified<'_>],
    words: &mut Option<WordSet>,
    toks: &mut Vec<u64>,
    ends: &[(u8, u32, &str)],
    (first, last): (usize, usize),
    k: usize,
) -> Option<Score> {
    // A headline doubled on the page (a visible and a hidden copy) is one
    // unit; one that recurs in the body with a line under it was taken for
    // a pull quote.
    let i = match units.get(k) {
        Some(Unit::Line(i) | Unit::Related { first: i, .. } | Unit::PullQuote { quote: i, .. }) => {
            *i
        }
        _ => return None,
    };
    let c = lines.get(i.at())?;
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
    toks.clear();
    tokens(text, toks);
    let overlap = if toks.is_empty() {
        0.0
    } else {
        let words = words.get_or_insert_with(|| body_words(units, lines, first, last));
        toks.iter().filter(|&&t| words.contains(t)).count() as f32 / toks.len() as f32
    };
    let w = c.shape.weight();
    let mut score = 3.0 * overlap;
    score += match w {
        25..=140 => 1.0,
        15..=24 | 141..=200 => 0.3,
        _ => -0.5,
    };
    if meta_follows(units, lines, k) {
        score += 1.5;
    }
    if name(c.text) {
        score -= 2.0;
    }
    if c.hit.is_some() {
        score -= 1.0;
    }
    if heading.is_none() && !c.shape.upper_start && c.shape.cjk == 0 {
        score -= 0.7;
    }
    if heading == Some(1) {
        score += H1_BONUS;
    }
    // Headlines recur: in breadcrumbs, teasers of the same story, share text.
    // Only lines with the same last byte can end with the line (a line's
    // text is never empty).
    let recurs = text.as_bytes().last().is_some_and(|&b| {
        let from = ends.partition_point(|e| e.0 < b);
        ends.get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|e| e.0 == b)
            .any(|&(_, j, o)| j as usize != k && o.len() >= text.len() && o.ends_with(text))
    });
    if recurs || matches!(units.get(k), Some(Unit::Related { .. })) {
        score += 1.0;
    }
    let rest = |cited: bool| {
        finish(
            units,
            lines,
            c,
            (first, k),
            (score, w),
            (recurs, cited),
            stops,
            full_stop,
        )
    };
    if recurs {
        return rest(false).map(Score::Exact);
    }
    // Whether the line is cited matters only if the score may pass
    // `MIN_SCORE` with it: a score at most that is as good as none (see
    // `find` and `subtitle_cost`), and the score grows with `cited`. So the
    // page is searched only for a candidate that may win, and only when
    // `find` needs to know.
    let with = rest(true).filter(|&s| s > MIN_SCORE)?;
    Some(Score::Open {
        without: rest(false),
        with,
        line: i,
    })
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

impl Score {
    /// The highest the score may be.
    fn upper(self) -> f32 {
        match self {
            Score::Exact(s) | Score::Open { with: s, .. } => s,
        }
    }
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
fn cited(lines: &[Classified<'_>], c: &Classified<'_>) -> bool {
    let n = c.text.len();
    let finder = memchr::memmem::Finder::new(c.text.as_bytes());
    lines.iter().any(|o| {
        let m = o.text.len();
        m > n && m <= n + CITED_EXTRA && finder.find(o.text.as_bytes()).is_some()
    })
}

/// The rest of [`score`], from the score so far, once it is known whether
/// the line recurs or is cited.
#[allow(clippy::too_many_arguments)]
fn finish(
    units: &[Unit],
    lines: &[Classified<'_>],
    c: &Classified<'_>,
    (first, k): (usize, usize),
    (mut score, w): (f32, u32),
    (recurs, cited): (bool, bool),
    stops: u16,
    full_stop: bool,
) -> Option<f32> {
    if cited {
        score += CITED;
    }
    score -= list_cost(c.text, u32::from(c.shape.words));
    // A link to the previous or next post ("← Older title", "Newer title →").
    if c.text.starts_with(['←', '→']) || c.text.ends_with(['←', '→']) {
        score -= NAV_COST;
    }
    // A short "A & B" line names a section ("Trends & Styling").
    if w < SECTION_LABEL && c.text.contains(" & ") {
        score -= SECTION_LABEL_COST;
    }
    if full_stop {
        // Before the article, next to a byline or date, or quoted elsewhere
        // in the page; not the article's own first short sentence.
        let meta_before = (1..=2).any(|d| match k.checked_sub(d).and_then(|j| units.get(j)) {
            Some(Unit::Line(j)) => lines
                .get(j.at())
                .is_some_and(|n| matches!(n.kind, Kind::Byline { .. } | Kind::Date { .. })),
            _ => false,
        });
        if !(k < first || meta_before || meta_follows(units, lines, k) || recurs || cited) {
            return None;
        }
        score -= FULL_STOP_COST;
    }
    // A line ending in a colon introduces what follows: a label.
    if c.shape.colon_end {
        score -= COLON_COST;
    }
    // A sentence taken for a pull quote recurs in the body: more often a
    // summary than the title.
    if matches!(units.get(k), Some(Unit::PullQuote { .. })) {
        score -= PULL_QUOTE_COST;
    }
    if stops > 0 {
        score -= ABBREVIATION_COST;
    }
    score -= 0.025 * first.abs_diff(k) as f32;
    if k >= first {
        score -= 0.3;
    }
    Some(score)
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
        for ch in ('\u{80}'..='\u{2100}').filter(|&c| super::common_non_word(c)) {
            assert!(
                !ch.is_alphanumeric() && !crate::lexicon::is_cjk(ch),
                "{ch:?} is no word character"
            );
            assert!(super::common_lower(ch).is_none(), "{ch:?} is no letter");
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

    #[test]
    fn a_lone_title_line_is_the_article_not_its_headline() {
        assert_eq!(headline("Ferry returns to the harbour after repairs"), None);
    }
}
