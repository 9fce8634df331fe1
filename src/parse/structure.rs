//! Stage 3: group classified lines into units: single lines, related links
//! (a headline line doubled), pull quotes (a quote line and a name line,
//! the quote repeated elsewhere in the text), teaser cards (credit, title,
//! bullets, summary) and lists.
//!
//! One left-to-right walk; each unit looks at most a bounded number of lines
//! ahead, and pull quotes are confirmed by one skipping search over the text
//! (an automaton pass on a crafted page that defeats it).

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use crate::construct::name::name;
use crate::{BoilerplateKind, Options};

use super::classify::{Classified, Kind};
use crate::lexicon::Lexicon;

/// A group of consecutive lines: indices into the classified lines, as
/// `u32` so that a unit takes 16 bytes (there is one for nearly every line;
/// an input holds fewer than `u32::MAX` lines, see `parse::check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// One line, judged later.
    Line(u32),
    /// The same headline twice in a row.
    Related { first: u32, last: u32 },
    /// A quote line and its attribution line.
    PullQuote { quote: u32, name: u32 },
    /// A teaser card: `[credit] title bullet+ summary*`, lines `first..end`;
    /// with `credit`, the credit is the line before the title.
    Card {
        credit: bool,
        title: u32,
        bullets_end: u32,
        end: u32,
    },
    /// Consecutive list items, lines `start..end`.
    List { start: u32, end: u32 },
}

const _: () = assert!(std::mem::size_of::<Unit>() <= 16);

/// A line index as a unit holds it.
pub(crate) fn ix(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A line index, as `usize` or as a unit's `u32`.
pub(crate) trait AsIndex: Copy {
    /// The index as `usize`.
    fn at(self) -> usize;
}

impl AsIndex for usize {
    fn at(self) -> usize {
        self
    }
}

impl AsIndex for u32 {
    fn at(self) -> usize {
        self as usize
    }
}

impl<T: AsIndex> AsIndex for &T {
    fn at(self) -> usize {
        (*self).at()
    }
}

impl Unit {
    /// Index of the unit's first line.
    pub(crate) fn first(&self) -> usize {
        (match *self {
            Unit::Line(i) => i,
            Unit::Related { first, .. } => first,
            Unit::PullQuote { quote, .. } => quote,
            Unit::Card { credit, title, .. } => title - u32::from(credit),
            Unit::List { start, .. } => start,
        }) as usize
    }

    /// Index of the unit's last line.
    pub(crate) fn last(&self) -> usize {
        (match *self {
            Unit::Line(i) => i,
            Unit::Related { last, .. } => last,
            Unit::PullQuote { name, .. } => name,
            Unit::Card { end, .. } | Unit::List { end, .. } => end.saturating_sub(1),
        }) as usize
    }

    /// The card's credit line, if it has one.
    pub(crate) fn credit(&self) -> Option<usize> {
        match *self {
            Unit::Card {
                credit: true,
                title,
                ..
            } => Some(title.saturating_sub(1) as usize),
            _ => None,
        }
    }
}

/// Pull-quote candidates [`confirmed_quotes`] makes room for at its first.
const QUOTE_ROOM: usize = 8;

/// Most pull-quote candidates checked per text: bounds the automaton.
const MAX_QUOTE_CANDIDATES: usize = 256;
/// Most pull-quote candidates whose texts are told apart without a map:
/// each is compared with the distinct texts before it.
const FEW_QUOTES: usize = 16;
/// Most bullets a teaser card has.
const CARD_BULLETS: usize = 6;
/// Most summary lines a card takes.
const MAX_SUMMARY: usize = 6;

/// A phrase of page chrome (cookies, newsletters, paywalls, legal, apps,
/// comments), even a weak one, ends a card's summary: cards hold prose.
fn chrome(lexicon: &Lexicon, c: &Classified<'_>) -> bool {
    c.hit.is_some_and(|h| {
        lexicon.meta(h.phrase).is_some_and(|m| {
            matches!(
                m.kind,
                BoilerplateKind::CookieNotice
                    | BoilerplateKind::Newsletter
                    | BoilerplateKind::Subscription
                    | BoilerplateKind::Legal
                    | BoilerplateKind::AppPromo
                    | BoilerplateKind::Comments
            )
        })
    })
}

fn title_like(c: &Classified<'_>) -> bool {
    let w = c.shape.weight();
    c.is_text()
        && (10..=300).contains(&w)
        && (!c.shape.sentence_end || c.text.ends_with(['?', '!', '？', '！']))
        && c.boilerplate_hit().is_none()
}

/// The text of a quote line without its quote marks and final punctuation.
fn quote_core(text: &str) -> &str {
    text.trim_matches(quote_mark)
        .trim_end_matches(final_mark)
        .trim_matches(quote_mark)
}

/// A quote mark or a space, trimmed from a quote's ends: one of
/// `“”"‘’'«»„‚‹›` and the space, matched as characters, not looked up in a
/// string of them (a test checks the two agree).
fn quote_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‚' | '‹' | '›' | ' '
    )
}

/// Punctuation that ends a quote's sentence: one of `.,;:!?…`.
fn final_mark(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…')
}

/// The quote text of quote line `q`, if it and the line `n` under it may
/// be a pull quote and its attribution.
fn pull_quote_core<'a>(q: &Classified<'a>, n: &Classified<'_>) -> Option<&'a str> {
    let candidate = q.is_text()
        && (20..=300).contains(&q.shape.chars)
        && q.shape.words >= 4
        && n.is_text()
        && n.blanks_before <= 2
        && name(n.text);
    if !candidate {
        return None;
    }
    let core = quote_core(q.text);
    (core.len() >= 15).then_some(core)
}

/// Indices of quote lines whose text appears again elsewhere in the input.
fn confirmed_quotes(input: &str, lines: &[Classified<'_>]) -> Vec<usize> {
    // The candidate lines with their quote texts.
    let mut candidates: Vec<(usize, &str)> = Vec::new();
    for (i, (q, n)) in lines.iter().zip(lines.get(1..).unwrap_or(&[])).enumerate() {
        if let Some(core) = pull_quote_core(q, n) {
            if candidates.is_empty() {
                candidates.reserve_exact(QUOTE_ROOM);
            }
            candidates.push((i, core));
            if candidates.len() == MAX_QUOTE_CANDIDATES {
                break;
            }
        }
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    // Distinct quote texts, each with the candidate lines that carry it (a
    // chain from `first_owner` through `next_owner`, ended by `usize::MAX`):
    // a page of a thousand identical quote lines searches for one pattern.
    // A few texts are told apart one by one, more through a map.
    let mut patterns: Vec<&str> = Vec::with_capacity(candidates.len());
    let mut first_owner: Vec<usize> = Vec::with_capacity(candidates.len());
    let mut next_owner = vec![usize::MAX; candidates.len()];
    let mut index: Option<HashMap<&str, usize>> =
        (candidates.len() > FEW_QUOTES).then(HashMap::new);
    for (k, &(_, core)) in candidates.iter().enumerate() {
        let known = match &index {
            Some(map) => map.get(core).copied(),
            None => patterns.iter().position(|&q| q == core),
        };
        let p = known.unwrap_or_else(|| {
            patterns.push(core);
            first_owner.push(usize::MAX);
            if let Some(map) = &mut index {
                map.insert(core, patterns.len() - 1);
            }
            patterns.len() - 1
        });
        if let (Some(head), Some(next)) = (first_owner.get_mut(p), next_owner.get_mut(k)) {
            *next = *head;
            *head = k;
        }
    }
    let span_of = |k: usize| {
        candidates
            .get(k)
            .and_then(|&(i, _)| lines.get(i))
            .map(|c| c.span(input))
    };
    let mut confirmed = vec![false; candidates.len()];
    let mut open = patterns.len();
    // One occurrence of pattern `p` at `start..end`: it confirms every owner
    // whose own line it is not in. Returns whether `p` is now settled.
    let seen = |p: usize, start: usize, end: usize, confirmed: &mut Vec<bool>| -> bool {
        let mut all = true;
        let mut k = first_owner.get(p).copied().unwrap_or(usize::MAX);
        while let Some(c) = confirmed.get_mut(k) {
            let own = span_of(k).is_some_and(|s| start >= s.start && end <= s.end);
            *c |= !own;
            all &= *c;
            k = next_owner.get(k).copied().unwrap_or(usize::MAX);
        }
        all
    };
    // One skipping search for every quote at once, whatever their number.
    if !skip_search(input.as_bytes(), &patterns, |p, start, end| {
        seen(p, start, end, &mut confirmed)
    }) && let Ok(ac) = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .build(&patterns)
    {
        // The skipping search gave up (a crafted page): its findings stand,
        // the automaton looks for the rest.
        let mut settled = vec![false; patterns.len()];
        for m in ac.find_overlapping_iter(input) {
            let p = m.pattern().as_usize();
            if settled.get(p) == Some(&false) && seen(p, m.start(), m.end(), &mut confirmed) {
                if let Some(s) = settled.get_mut(p) {
                    *s = true;
                }
                open -= 1;
                if open == 0 {
                    break;
                }
            }
        }
    }
    candidates
        .into_iter()
        .zip(confirmed)
        .filter_map(|((i, _), c)| c.then_some(i))
        .collect()
}

/// Bytes of a block of the skipping search.
const BLOCK: usize = 2;
/// Bytes compared per byte of input before the skipping search gives up.
const VERIFY_BUDGET: usize = 8;

/// Finds the occurrences of `patterns` (each at least 8 bytes long) in
/// `hay` with a multi-pattern Horspool search (Wu and Manber): a window as
/// long as the shortest pattern slides along the text by what its last two
/// bytes allow (by a table of hashed pairs: pairs that share a slot shift
/// by the lesser shift, never past an occurrence); where they end some
/// pattern's prefix, the patterns that start with the window's first eight
/// bytes are compared. `found(p, start,
/// end)` is told of each occurrence of a pattern not yet settled and says
/// whether it is settled now. Returns false, having found only some
/// occurrences, if the comparisons outgrow a budget linear in the text (a
/// crafted page): the caller then looks again with an automaton.
fn skip_search(
    hay: &[u8],
    patterns: &[&str],
    found: impl FnMut(usize, usize, usize) -> bool,
) -> bool {
    skip_search_within(hay, patterns, found).is_some()
}

fn skip_search_within(
    hay: &[u8],
    patterns: &[&str],
    mut found: impl FnMut(usize, usize, usize) -> bool,
) -> Option<()> {
    let m = patterns.iter().map(|p| p.len()).min()?;
    if m < 8 || patterns.len() >= u32::MAX as usize {
        return None;
    }
    let key = |b: &[u8]| -> u64 {
        b.get(..8)
            .and_then(|k| <[u8; 8]>::try_from(k).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let far = u8::try_from(m - BLOCK + 1).unwrap_or(u8::MAX);
    // A table of known size, on the stack: a masked slot needs no bounds
    // check, and the table no allocation.
    let mut shift = [far; SHIFT_SLOTS];
    let bits = (patterns.len() * 2)
        .next_power_of_two()
        .trailing_zeros()
        .max(4);
    let mask = (1usize << bits) - 1;
    let slot = |k: u64| (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
    // Heads of the chains of patterns by their first eight bytes, and the
    // chains' links; `u32::MAX` ends a chain.
    let mut heads: Vec<(u64, u32)> = vec![(0, u32::MAX); mask + 1];
    let mut next = vec![u32::MAX; patterns.len()];
    for (p, pat) in patterns.iter().enumerate() {
        let b = pat.as_bytes();
        // The blocks of the first `m` bytes, by pairs of bytes: block `w`
        // ends `m - BLOCK - w` bytes before the window's end.
        for (w, block) in b.get(..m).unwrap_or(b).windows(BLOCK).enumerate() {
            let &[x, y] = block else { continue };
            let s = u8::try_from(m - BLOCK - w).unwrap_or(u8::MAX);
            if let Some(e) = shift.get_mut(pair_slot(x, y)) {
                *e = (*e).min(s);
            }
        }
        let k = key(b);
        let mut at = slot(k);
        loop {
            let h = heads.get_mut(at)?;
            if h.1 == u32::MAX {
                *h = (k, p as u32);
                break;
            }
            if h.0 == k {
                if let Some(n) = next.get_mut(p) {
                    *n = h.1;
                }
                h.1 = p as u32;
                break;
            }
            at = (at + 1) & mask;
        }
    }
    let mut settled = vec![false; patterns.len()];
    let mut open = patterns.len();
    let mut budget = hay
        .len()
        .saturating_mul(VERIFY_BUDGET)
        .saturating_add(1 << 16);
    // The end of the window.
    let mut e = m - 1;
    while open > 0 {
        // Slide by the shifts, reading the window's last two bytes with one
        // bounds check, to a window whose last two bytes may end a pattern.
        loop {
            let Some(&[a, b]) = hay.get(e - 1..=e) else {
                return Some(());
            };
            let s = shift.get(pair_slot(a, b)).copied().unwrap_or(1);
            if s == 0 {
                break;
            }
            e += usize::from(s);
        }
        let start = e + 1 - m;
        let k = key(hay.get(start..).unwrap_or(&[]));
        let mut at = slot(k);
        let mut p = loop {
            match heads.get(at) {
                Some(&(hk, hp)) if hp != u32::MAX && hk != k => at = (at + 1) & mask,
                Some(&(_, hp)) if hp != u32::MAX => break hp,
                _ => break u32::MAX,
            }
        };
        while p != u32::MAX {
            let pi = p as usize;
            let pat = patterns.get(pi).map_or(&[][..], |t| t.as_bytes());
            budget = budget.checked_sub(pat.len())?;
            if settled.get(pi) == Some(&false)
                && hay.get(start..start + pat.len()) == Some(pat)
                && found(pi, start, start + pat.len())
            {
                if let Some(x) = settled.get_mut(pi) {
                    *x = true;
                }
                open -= 1;
            }
            p = next.get(pi).copied().unwrap_or(u32::MAX);
        }
        e += 1;
    }
    Some(())
}

/// Slots of the skipping search's shift table: blocks share a slot (the
/// least shift of those that do), so that a page with one pull quote does
/// not clear a table of every byte pair (64 KiB). 2 KiB is what `memset`
/// fills with vector stores (a larger one it fills a byte at a time as far
/// as the instruction count goes), and a pair that starts with an ASCII
/// byte keeps the slot it had in a table of twice the size.
const SHIFT_SLOTS: usize = 1 << 11;

/// The slot of a block of the skipping search: the pair of bytes `a` then
/// `b`.
#[inline]
fn pair_slot(a: u8, b: u8) -> usize {
    ((usize::from(a) << 4) ^ usize::from(b)) & (SHIFT_SLOTS - 1)
}

fn related_at(lines: &[Classified<'_>], i: usize) -> bool {
    let (Some(a), Some(b)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    // A doubled line with a byline or date under it is the article's own
    // headline (rendered twice), not a link to another story.
    let meta_next = || {
        lines
            .get(i + 2)
            .is_some_and(|n| matches!(n.kind, Kind::Byline { .. } | Kind::Date { .. }))
    };
    // Text equality compares the lengths first: most pairs differ there.
    a.text == b.text
        && title_like(a)
        && (a.shape.words >= 3 || a.shape.cjk >= 6)
        && b.blanks_before <= 2
        && !meta_next()
}

fn is_bullet(lines: &[Classified<'_>], i: usize) -> bool {
    lines
        .get(i)
        .is_some_and(|c| matches!(c.kind, Kind::Bullet { .. }))
}

fn card_at(lexicon: &Lexicon, lines: &[Classified<'_>], i: usize) -> Option<Unit> {
    let first = lines.get(i)?;
    let (credit, title) = match first.kind {
        Kind::Credit { .. } => (true, i + 1),
        Kind::Text => (false, i),
        _ => return None,
    };
    // The bullet first: few lines have one under them, and it is one test.
    if !is_bullet(lines, title + 1) || !title_like(lines.get(title)?) {
        return None;
    }
    let mut j = title + 1;
    while is_bullet(lines, j) {
        j += 1;
    }
    // A teaser shows a few points; a long run of items is a list in the text.
    if j - (title + 1) > CARD_BULLETS {
        return None;
    }
    let mut k = j;
    while k < j + MAX_SUMMARY {
        let Some(c) = lines.get(k) else { break };
        let prose = c.shape.sentence_end || c.shape.weight() >= 80;
        if !c.is_text() || !prose || chrome(lexicon, c) || is_bullet(lines, k + 1) {
            break;
        }
        k += 1;
    }
    Some(Unit::Card {
        credit,
        title: ix(title),
        bullets_end: ix(j),
        end: ix(k),
    })
}

/// Groups the classified lines into units.
pub(crate) fn units(
    input: &str,
    lines: &[Classified<'_>],
    lexicon: &Lexicon,
    options: &Options,
) -> Vec<Unit> {
    let quotes = if options.pull_quotes {
        confirmed_quotes(input, lines)
    } else {
        Vec::new()
    };
    let mut pending = quotes.iter().copied();
    // The first confirmed quote line not before line `i`.
    let mut next_quote = pending.next().unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(lines.len());
    // Whether a card without a credit was made: only then may one be lone.
    let mut plain_card = false;
    let mut i = 0;
    while let Some(c) = lines.get(i) {
        while next_quote < i {
            next_quote = pending.next().unwrap_or(usize::MAX);
        }
        // Most lines are a unit of their own: a run of them is found by a
        // tight loop and added at once.
        let end = plain_run(lines, i, next_quote, options);
        if end > i {
            // The indices as `u32`s, converted once for the run: none
            // saturates if its end does not (a page of fewer than 2^32
            // lines, all but none).
            match (u32::try_from(i), u32::try_from(end)) {
                (Ok(a), Ok(b)) => out.extend((a..b).map(Unit::Line)),
                _ => out.extend((i..end).map(|j| Unit::Line(ix(j)))),
            }
            i = end;
            continue;
        }
        // The unit by the line's kind: a doubled headline and a card's
        // title are text lines (a card may open with a credit) and a list
        // opens with a bullet; the cheapest test of each goes first (the
        // same length, a bullet under the title).
        let unit = if next_quote == i {
            Unit::PullQuote {
                quote: ix(i),
                name: ix(i + 1),
            }
        } else {
            match c.kind {
                Kind::Text => {
                    let next = lines.get(i + 1);
                    let related = options.related_links
                        && next.is_some_and(|n| n.text.len() == c.text.len())
                        && related_at(lines, i);
                    if related {
                        Unit::Related {
                            first: ix(i),
                            last: ix(i + 1),
                        }
                    } else if options.cards
                        && next.is_some_and(|n| matches!(n.kind, Kind::Bullet { .. }))
                        && let Some(card) = card_at(lexicon, lines, i)
                    {
                        plain_card = true;
                        card
                    } else {
                        out.push(Unit::Line(ix(i)));
                        i += 1;
                        continue;
                    }
                }
                Kind::Credit { .. } if options.cards && is_bullet(lines, i + 2) => {
                    card_at(lexicon, lines, i).unwrap_or(Unit::Line(ix(i)))
                }
                Kind::Bullet { .. } => {
                    let mut end = i + 1;
                    while is_bullet(lines, end) {
                        end += 1;
                    }
                    Unit::List {
                        start: ix(i),
                        end: ix(end),
                    }
                }
                _ => {
                    out.push(Unit::Line(ix(i)));
                    i += 1;
                    continue;
                }
            }
        };
        i = unit.last() + 1;
        out.push(unit);
    }
    if plain_card {
        demote_lone_cards(out)
    } else {
        out
    }
}

/// The end of the run of lines from `from` (and before `stop`, a confirmed
/// quote line) that are surely units of their own: lines that neither open
/// a list nor pass the first test of a doubled headline (the same length
/// as the next line) or of a card (a bullet under the title). [`units`]
/// takes a line that passes a first test and fails the rest as a unit of its
/// own too.
fn plain_run(lines: &[Classified<'_>], from: usize, stop: usize, options: &Options) -> usize {
    let end = stop.min(lines.len());
    let mut j = from;
    while j < end {
        let Some(c) = lines.get(j) else { break };
        let plain = match c.kind {
            Kind::Text => !lines.get(j + 1).is_some_and(|n| {
                (options.related_links && n.text.len() == c.text.len())
                    || (options.cards && matches!(n.kind, Kind::Bullet { .. }))
            }),
            Kind::Credit { .. } => !(options.cards && is_bullet(lines, j + 2)),
            Kind::Bullet { .. } => false,
            _ => true,
        };
        if !plain {
            break;
        }
        j += 1;
    }
    j
}

/// A card with no credit and no card beside it is a heading with a list
/// (and paragraphs), not a teaser: take it apart again. Most pages have
/// none, and keep their units as they are.
fn demote_lone_cards(units: Vec<Unit>) -> Vec<Unit> {
    let is_card = |u: Option<&Unit>| matches!(u, Some(Unit::Card { .. }));
    let lone = |k: usize| {
        matches!(units.get(k), Some(Unit::Card { credit: false, .. }))
            && !(k > 0 && is_card(units.get(k - 1)))
            && !is_card(units.get(k + 1))
    };
    if !(0..units.len()).any(lone) {
        return units;
    }
    let mut out = Vec::with_capacity(units.len());
    for (k, u) in units.iter().enumerate() {
        let Unit::Card {
            credit: false,
            title,
            bullets_end,
            end,
        } = *u
        else {
            out.push(*u);
            continue;
        };
        let neighbour = (k > 0 && is_card(units.get(k - 1))) || is_card(units.get(k + 1));
        if neighbour {
            out.push(*u);
            continue;
        }
        out.push(Unit::Line(title));
        out.push(Unit::List {
            start: title + 1,
            end: bullets_end,
        });
        out.extend((bullets_end..end).map(Unit::Line));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::classify::classify;

    fn units_of(text: &str) -> Vec<Unit> {
        let c = classify(text, Lexicon::builtin()).lines;
        units(text, &c, Lexicon::builtin(), &Options::default())
    }

    /// The walk as it was first written: each unit tried in order of
    /// precedence at every line.
    fn units_in_order(
        input: &str,
        lines: &[Classified<'_>],
        lexicon: &Lexicon,
        options: &Options,
    ) -> Vec<Unit> {
        let quotes = if options.pull_quotes {
            confirmed_quotes(input, lines)
        } else {
            Vec::new()
        };
        let mut next_quote = quotes.iter().copied().peekable();
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            while next_quote.peek().is_some_and(|&q| q < i) {
                next_quote.next();
            }
            let unit = if next_quote.peek() == Some(&i) {
                Unit::PullQuote {
                    quote: ix(i),
                    name: ix(i + 1),
                }
            } else if options.related_links && related_at(lines, i) {
                Unit::Related {
                    first: ix(i),
                    last: ix(i + 1),
                }
            } else if let Some(card) = options.cards.then(|| card_at(lexicon, lines, i)).flatten() {
                card
            } else if is_bullet(lines, i) {
                let mut end = i + 1;
                while is_bullet(lines, end) {
                    end += 1;
                }
                Unit::List {
                    start: ix(i),
                    end: ix(end),
                }
            } else {
                Unit::Line(ix(i))
            };
            i = unit.last() + 1;
            out.push(unit);
        }
        demote_lone_cards(out)
    }

    #[test]
    fn the_walk_by_kind_makes_the_units_of_the_walk_in_order() {
        let parts = [
            "Photo: Reuters",
            "Card title for the rail",
            "  • First point",
            "A summary sentence of the card.",
            "By Jane Roe",
            "We will not wait another winter for the barrier",
            "Elena Marsh",
            "## A heading of the story",
            "[A link to elsewhere](https://example.com/a)",
        ];
        let tail =
            "\nLater she said: “We will not wait another winter for the barrier,” to cheers.";
        let options = [
            Options::default(),
            Options {
                cards: false,
                ..Options::default()
            },
            Options {
                related_links: false,
                pull_quotes: false,
                ..Options::default()
            },
        ];
        let lexicon = Lexicon::builtin();
        let mut kinds = [0usize; 5];
        for code in 0..parts.len().pow(5) {
            let mut page = String::new();
            let mut c = code;
            for _ in 0..5 {
                page.push_str(parts[c % parts.len()]);
                page.push('\n');
                c /= parts.len();
            }
            page.push_str(tail);
            let lines = classify(&page, lexicon).lines;
            for (o, options) in options.iter().enumerate() {
                if o > 0 && code % 7 != 0 {
                    continue;
                }
                let got = units(&page, &lines, lexicon, options);
                assert_eq!(
                    got,
                    units_in_order(&page, &lines, lexicon, options),
                    "{page:?}"
                );
                for u in &got {
                    kinds[match u {
                        Unit::Line(_) => 0,
                        Unit::Related { .. } => 1,
                        Unit::PullQuote { .. } => 2,
                        Unit::Card { .. } => 3,
                        Unit::List { .. } => 4,
                    }] += 1;
                }
            }
        }
        assert!(
            kinds.iter().all(|&n| n > 100),
            "every kind of unit: {kinds:?}"
        );
    }

    #[test]
    fn quote_marks_are_those_of_their_strings() {
        let marks = "“”\"‘’'«»„‚‹› ";
        let finals = ".,;:!?…";
        for c in (0..0x3100).filter_map(char::from_u32) {
            assert_eq!(quote_mark(c), marks.contains(c), "{c:?}");
            assert_eq!(final_mark(c), finals.contains(c), "{c:?}");
        }
    }

    #[test]
    fn doubled_headline_is_one_related_unit() {
        let u = units_of(
            "Intro line of the story here.\n\nCouncil votes on the new bridge plan\n\nCouncil votes on the new bridge plan\n\nMore.",
        );
        assert_eq!(u[1], Unit::Related { first: 1, last: 2 });
    }

    #[test]
    fn pull_quote_needs_its_sentence_elsewhere() {
        let text = "We will not wait another winter for the barrier\n\nElena Marsh\nLater she said: “We will not wait another winter for the barrier,” to cheers.";
        assert_eq!(units_of(text)[0], Unit::PullQuote { quote: 0, name: 1 });
        let alone =
            "We will not wait another winter for the barrier\n\nElena Marsh\nNothing repeats here.";
        assert_eq!(
            units_of(alone)[0],
            Unit::Line(0),
            "no repetition, no pull quote"
        );
    }

    #[test]
    fn quotes_are_confirmed_as_a_plain_search_confirms_them() {
        // Every candidate whose text occurs outside its own line, found
        // by searching the whole text for each.
        fn naive(input: &str, lines: &[Classified<'_>]) -> Vec<usize> {
            let mut candidates = Vec::new();
            for (i, (q, n)) in lines.iter().zip(&lines[1..]).enumerate() {
                if let Some(core) = pull_quote_core(q, n) {
                    candidates.push((i, core));
                }
            }
            candidates.truncate(MAX_QUOTE_CANDIDATES);
            candidates
                .into_iter()
                .filter(|&(i, core)| {
                    let own = lines[i].span(input);
                    memchr::memmem::find_iter(input.as_bytes(), core.as_bytes())
                        .any(|s| !(s >= own.start && s + core.len() <= own.end))
                })
                .map(|(i, _)| i)
                .collect()
        }
        for quotes in [1usize, 3, 15, 16, 17, 40, 300] {
            let mut page = String::new();
            for q in 0..quotes {
                // Some texts twice as quote lines, some repeated in the prose.
                let t = q % (quotes / 2 + 1);
                page.push_str(&format!(
                    "We will not wait another winter number {t} for the barrier\nElena Marsh\n"
                ));
                if q % 3 == 0 {
                    page.push_str(&format!(
                        "She said: We will not wait another winter number {t} for the barrier, to cheers.\n"
                    ));
                }
            }
            let lines = classify(&page, Lexicon::builtin()).lines;
            let want = naive(&page, &lines);
            assert!(
                !want.is_empty() && want.len() < quotes.max(2),
                "{quotes} quotes"
            );
            assert_eq!(confirmed_quotes(&page, &lines), want, "{quotes} quotes");
        }
    }

    #[test]
    fn skip_search_finds_every_occurrence() {
        let hay = b"xx the council voted on the bridge; the council voted again, and the council voted on the bridge once more";
        let pats = [
            "the council voted on",
            "council voted again",
            "the bridge once more",
            "not in the text at all",
        ];
        let mut got = Vec::new();
        assert!(skip_search(hay, &pats, |p, s, e| {
            got.push((p, s, e));
            false
        }));
        let mut want = Vec::new();
        for (p, pat) in pats.iter().enumerate() {
            for s in memchr::memmem::find_iter(hay, pat.as_bytes()) {
                want.push((p, s, s + pat.len()));
            }
        }
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want);
        // Settled patterns are not reported again.
        let mut n = 0;
        assert!(skip_search(hay, &pats, |_, _, _| {
            n += 1;
            true
        }));
        assert_eq!(n, 3);
    }

    /// A block's slot as first written: the two bytes of `b` ending at
    /// `q`, zero for a byte before the start.
    fn pair(b: &[u8], q: usize) -> usize {
        let byte = |i: usize| b.get(i).copied().map_or(0, usize::from);
        ((byte(q.wrapping_sub(1)) << 4) ^ byte(q)) & (SHIFT_SLOTS - 1)
    }

    #[test]
    fn a_pairs_slot_is_that_of_its_two_bytes() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                assert_eq!(pair_slot(a, b), pair(&[a, b], 1), "{a} {b}");
            }
        }
        // A pair that starts with an ASCII byte keeps the slot it had in a
        // table of twice the size.
        for a in 0..128u8 {
            for b in 0..=255u8 {
                let wide = ((usize::from(a) << 4) ^ usize::from(b)) & (2 * SHIFT_SLOTS - 1);
                assert_eq!(pair_slot(a, b), wide, "{a} {b}");
            }
        }
    }

    #[test]
    fn skip_search_gives_up_on_a_crafted_text() {
        let hay = vec![b'a'; 10_000];
        let long: Vec<String> = (0..200)
            .map(|i| format!("{}{i}{}", "a".repeat(100), "a".repeat(100)))
            .collect();
        let pats: Vec<&str> = long.iter().map(String::as_str).collect();
        assert!(!skip_search(&hay, &pats, |_, _, _| false));
    }

    #[test]
    fn cards_take_credit_title_bullets_summary() {
        let text = "Photo: Reuters\n\nCard title for the rail\n\n  • First point\n\n  • Second point\n\nA summary sentence of the card.\nPhoto: AFP\nNext card title here\n  • Point\nIts summary.";
        let u = units_of(text);
        assert_eq!(
            u[0],
            Unit::Card {
                credit: true,
                title: 1,
                bullets_end: 4,
                end: 5
            }
        );
        assert_eq!(
            u[1],
            Unit::Card {
                credit: true,
                title: 6,
                bullets_end: 8,
                end: 9
            }
        );
    }

    #[test]
    fn a_long_numbered_list_is_not_a_card() {
        let items: String = (1..=8)
            .map(|n| format!("{n}. Item number {n} of the list\n"))
            .collect();
        let text = format!("Why these ideas help you?\n{items}(@someone)\n{items}");
        let u = units_of(&text);
        assert!(!u.iter().any(|u| matches!(u, Unit::Card { .. })), "{u:?}");
    }

    #[test]
    fn lone_heading_with_list_is_not_a_card() {
        let u =
            units_of("What we know so far\n• One thing\n• Another thing\nThen the story goes on.");
        assert_eq!(
            u,
            [
                Unit::Line(0),
                Unit::List { start: 1, end: 3 },
                Unit::Line(3)
            ]
        );
    }
}
