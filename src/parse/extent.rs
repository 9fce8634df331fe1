//! Stage 4: decide where the article is.
//!
//! Each unit gets a score from its shape: sentence-like prose counts for the
//! article (more the longer it is), short unpunctuated lines (menus, labels),
//! lexicon hits and teaser cards count against it. The article's extent is
//! the run of units with the largest total score (Kadane's maximum-sum
//! subarray: one pass, linear), so the decision rests on many lines together
//! rather than on any one line.

use super::classify::{Classified, Kind};
use super::structure::{AsIndex, Unit};
use crate::BoilerplateKind;
use crate::construct::name::name;
use crate::lexicon::Lexicon;

/// Score of a short line that opens a comment section or a list of other
/// stories: the article rarely goes on past one.
const END_MARKER: f32 = -12.0;

/// Score of a short line without sentence punctuation: a menu item, a label.
const SHORT: f32 = -1.0;

/// A line whose text occurs this often in the page is template chrome woven
/// through the content ("Show image", "Reply"): it neither makes nor breaks
/// the article.
pub(crate) const TEMPLATE_REPEATS: u32 = 3;

/// Share of the hand-written score in a line's score; the rest is the
/// learned scorer's. The mix keeps the learned scorer's precision and most
/// of the hand rules' recall (dev corpus: see the README's figures).
const HAND_SHARE: f32 = 0.2;

/// Line scores for the extent: the learned scorer's log-odds weighted by
/// the line's length, mixed with the hand-written score, with the
/// structural rules on top (end markers stay end markers; template lines
/// are neutral).
pub(crate) fn line_scores(
    lines: &[Classified<'_>],
    logits: &[f32],
    repeats: &[u32],
    lexicon: &Lexicon,
) -> Vec<f32> {
    // The length factors, fetched once for the page, not once a line.
    let lens = length_factors();
    // Lines left in the list a colon-ended line announces.
    let mut announced = 0usize;
    lines
        .iter()
        .zip(logits)
        .zip(repeats)
        .enumerate()
        // The closure owns the count: it stays in a register, not behind a
        // reference to the variable.
        .map(move |(i, ((c, &l), &r))| {
            let hand = line_score(c, lexicon);
            let w = c.shape.weight() as f32;
            let in_list = announced > 0 && w < 100.0 && c.hit.is_none();
            announced = if c.is_text()
                && c.shape.colon_end
                && w >= 60.0
                && c.shape.words >= 8
                && c.hit.is_none()
            {
                ANNOUNCED_ITEMS
            } else if in_list {
                announced - 1
            } else {
                0
            };
            let s = if hand == END_MARKER {
                END_MARKER
            } else if r >= TEMPLATE_REPEATS && w < 60.0 {
                0.0
            } else {
                let len = length_factor_in(lens, c.shape.weight());
                let s = (1.0 - HAND_SHARE) * l * len + HAND_SHARE * hand;
                // Items of a list without markers (innerText drops them).
                if in_list { s.max(LIST_ITEM) } else { s }
            };
            // Asked as the score is made: the box is found from the lines
            // after it, not from their scores.
            if s == END_MARKER && inline_related(lines, i, lexicon) {
                INLINE_RELATED
            } else {
                s
            }
        })
        .collect()
}

/// How much a line's log-odds count by its weight: longer lines count
/// more, within bounds.
#[inline]
fn length_factor(weight: u32) -> f32 {
    (super::features::ln_of(weight, 2) / 102f32.ln()).clamp(0.3, 2.0)
}

/// [`length_factor`] of `weight`, from `lens` ([`length_factors`]) where
/// it holds the weight.
#[inline(always)]
fn length_factor_in(lens: &[f32], weight: u32) -> f32 {
    match lens.get(weight as usize) {
        Some(&f) => f,
        None => length_factor(weight),
    }
}

/// Weights below this have their [`length_factor`] in [`length_factors`].
const LENGTH_TABLE: u32 = 4096;

/// [`length_factor`] of each weight below [`LENGTH_TABLE`], made once per
/// process by the same calls: a line's factor is then one load, not a check
/// of the logarithms' table, a division and a clamp.
fn length_factors() -> &'static [f32] {
    static LENS: std::sync::OnceLock<Vec<f32>> = std::sync::OnceLock::new();
    LENS.get_or_init(|| (0..LENGTH_TABLE).map(length_factor).collect())
}

/// Score of a "related articles" line that heads a box inside the article.
const INLINE_RELATED: f32 = -4.0;
/// Most teaser titles in a box inside the article.
const INLINE_TEASERS: usize = 3;

/// A "related articles" line followed by at most a few teaser titles and
/// then by prose again is a box inside the article, not its end.
fn inline_related(lines: &[Classified<'_>], i: usize, lexicon: &Lexicon) -> bool {
    let related = lines
        .get(i)
        .and_then(Classified::boilerplate_hit)
        .filter(|h| h.strong)
        .and_then(|h| lexicon.meta(h.phrase))
        .is_some_and(|m| m.kind == BoilerplateKind::RelatedList);
    if !related {
        return false;
    }
    for j in i + 1..=i + 1 + INLINE_TEASERS {
        let Some(c) = lines.get(j) else { return false };
        if !c.is_text() || c.boilerplate_hit().is_some() {
            return false;
        }
        if c.shape.sentence_end && c.shape.weight() >= 80 {
            // Prose again, and more after it.
            return lines
                .get(j + 1)
                .is_some_and(|n| n.is_text() && n.shape.sentence_end && n.shape.weight() >= 80);
        }
        if c.shape.weight() > 200 {
            return false;
        }
    }
    false
}

/// Most short lines a colon-ended line announces as its list.
const ANNOUNCED_ITEMS: usize = 12;
/// Least score of an announced list item.
const LIST_ITEM: f32 = 0.2;

/// Score of one line standing alone.
///
/// Inlined: [`line_scores`] asks it of every line.
#[inline]
pub(crate) fn line_score(c: &Classified<'_>, lexicon: &Lexicon) -> f32 {
    if let Some(hit) = c.boilerplate_hit() {
        let marker = c.shape.weight() <= 60
            && lexicon.meta(hit.phrase).is_some_and(|m| {
                matches!(
                    m.kind,
                    BoilerplateKind::Comments | BoilerplateKind::RelatedList
                )
            });
        return if marker {
            END_MARKER
        } else if hit.strong {
            -6.0
        } else {
            -4.0
        };
    }
    let w = c.shape.weight() as f32;
    // Text first, by one test: most lines are.
    if c.kind == Kind::Text {
        let weak_hit = if c.hit.is_some() { 1.0 } else { 0.0 };
        return if c.shape.sentence_end && w >= 50.0 {
            (2.0 + w / 40.0).min(14.0) - weak_hit
        } else if w >= 120.0 {
            (w / 60.0).min(8.0) - weak_hit
        } else if c.shape.sentence_end || c.shape.colon_end {
            0.5 - weak_hit
        } else if w < 30.0 {
            SHORT
        } else {
            -0.5
        };
    }
    match c.kind {
        Kind::Link { .. } => -1.0,
        Kind::Bullet { .. } => {
            if w >= 60.0 {
                1.0
            } else {
                -0.3
            }
        }
        // Text lines are scored above.
        Kind::Text
        | Kind::Credit { .. }
        | Kind::Byline { .. }
        | Kind::Date { .. }
        | Kind::Heading { .. } => 0.0,
    }
}

/// Score of a unit.
///
/// Not inlined: [`scan`]'s loop scores most units, lines with learned
/// scores, itself, and keeps its sums in registers around this call.
#[inline(never)]
pub(crate) fn unit_score(
    u: &Unit,
    lines: &[Classified<'_>],
    lexicon: &Lexicon,
    scores: &[f32],
) -> f32 {
    let line = |i: u32| match scores.get(i.at()) {
        Some(&s) => s,
        None => lines.get(i.at()).map_or(0.0, |c| line_score(c, lexicon)),
    };
    match *u {
        Unit::Line(i) => line(i),
        Unit::Related { .. } => 0.5,
        Unit::PullQuote { .. } => 1.0,
        Unit::Card { .. } => -25.0,
        Unit::List { start, end } => (start..end).map(line).sum(),
    }
}

/// The unit indices `first..=last` of the best-scoring run, if any run
/// scores above zero.
pub(crate) fn extent(
    units: &[Unit],
    lines: &[Classified<'_>],
    lexicon: &Lexicon,
    scores: &[f32],
) -> Option<(usize, usize)> {
    let Scan {
        prefix,
        anchors,
        mut best,
    } = scan(units, lines, lexicon, scores);
    if let Some((b, _, _)) = best
        && let Some((a_score, a, z)) = anchored(&prefix, &anchors)
        && a_score >= ANCHOR_SHARE * b
    {
        best = Some((a_score, a, z));
    }
    let best = best.map(|(_, a, b)| (a, trim_tail(units, lines, a, b)));
    let best = best.map(|(a, b)| (a, close_text(units, lines, b)));
    let best = best.map(|(a, b)| (a, trim_author_box(units, lines, a, b)));
    // A run without a sentence in it (a title alone) is a weak article.
    best.filter(|&(a, b)| has_prose(units, lines, a, b))
        .or_else(|| {
            // The learned scorer was trained on whole web pages; on a short
            // clean text (a paste, a test) it may find no run at all, where
            // the hand-written rules still see the prose.
            (!scores.is_empty())
                .then(|| extent(units, lines, lexicon, &[]))
                .flatten()
        })
        .or_else(|| lone_prose(units, lines))
        .or(best)
}

/// What [`extent`] learns in its one pass over the units.
struct Scan {
    /// Prefix sums of the unit scores: entry `k` is the sum of the scores
    /// of units `0..k` (the anchored runs' only use of the scores).
    prefix: Vec<f32>,
    /// The units that are anchors, ascending.
    anchors: Vec<usize>,
    /// The best run (Kadane's): its score, first and last unit.
    best: Option<(f32, usize, usize)>,
}

/// One pass over the units: each one's score, the prefix sums, the best
/// run and the anchors, without a list of the scores.
///
/// Most units are lines with learned scores: runs of them are summed by
/// [`scored_lines`], a loop without calls, and only the others (meta
/// lines, lists, cards, lines without a learned score) are scored here.
#[inline(never)]
fn scan(units: &[Unit], lines: &[Classified<'_>], lexicon: &Lexicon, scores: &[f32]) -> Scan {
    let mut prefix: Vec<f32> = Vec::with_capacity(units.len() + 1);
    prefix.push(0.0);
    // Most pages have one anchor or none: no allocation for none.
    let mut anchors: Vec<usize> = Vec::new();
    let mut run = Run {
        sum: 0.0,
        best_score: 0.0,
        best: None,
        run: 0.0,
        run_start: 0,
    };
    let mut k = 0;
    loop {
        k = scored_lines(&mut run, &mut prefix, units, lines, scores, k);
        let Some(u) = units.get(k) else { break };
        let s = match *u {
            Unit::Line(i) => {
                let line = lines.get(i.at());
                // A date or byline makes the one or two units before it
                // anchors if they are title lines: found from the meta
                // line, which is rare, rather than by asking every unit.
                if line.is_some_and(|c| matches!(c.kind, Kind::Byline { .. } | Kind::Date { .. })) {
                    add_anchors(&mut anchors, units, lines, k);
                }
                // `unit_score` of the line: its learned score, the rare
                // hand score (a page without learned scores) apart.
                match scores.get(i.at()) {
                    Some(&s) => s,
                    None => unit_score(u, lines, lexicon, scores),
                }
            }
            _ => unit_score(u, lines, lexicon, scores),
        };
        run.add(k, s, &mut prefix);
        k += 1;
    }
    Scan {
        prefix,
        anchors,
        best: run.best.map(|(a, z)| (run.best_score, a, z)),
    }
}

/// Kadane's state in [`scan`]: the sum of the scores so far, the best run
/// (its score, zero while there is none: a run must score above zero and
/// above the best so far) and the run that ends at the last unit.
#[derive(Clone, Copy)]
struct Run {
    sum: f32,
    best_score: f32,
    best: Option<(usize, usize)>,
    run: f32,
    run_start: usize,
}

impl Run {
    /// Unit `k`, of score `s`, after the units before it.
    #[inline(always)]
    fn add(&mut self, k: usize, s: f32, prefix: &mut Vec<f32>) {
        self.sum += s;
        prefix.push(self.sum);
        if self.run <= 0.0 {
            self.run = s;
            self.run_start = k;
        } else {
            self.run += s;
        }
        if self.run > self.best_score {
            self.best_score = self.run;
            self.best = Some((self.run_start, k));
        }
    }
}

/// [`scan`]'s step over the units from `from` on that are lines with a
/// learned score and neither a date nor a byline: where they end.
///
/// Not inlined, and without calls but the prefix list's rare growth: the
/// sums stay in registers, where in [`scan`]'s loop, around its calls,
/// they were kept on the stack.
#[inline(never)]
fn scored_lines(
    run: &mut Run,
    prefix: &mut Vec<f32>,
    units: &[Unit],
    lines: &[Classified<'_>],
    scores: &[f32],
    from: usize,
) -> usize {
    let mut r = *run;
    let mut k = from;
    while let Some(&Unit::Line(i)) = units.get(k) {
        let meta = lines
            .get(i.at())
            .is_some_and(|c| matches!(c.kind, Kind::Byline { .. } | Kind::Date { .. }));
        let Some(&s) = scores.get(i.at()) else { break };
        if meta {
            break;
        }
        r.add(k, s, prefix);
        k += 1;
    }
    *run = r;
    k
}

/// The one or two units before the meta line at unit `k` that are title
/// lines, as anchors after those found. Apart from [`scan`]'s loop, as
/// meta lines are rare: the loop keeps its state in registers.
#[inline(never)]
fn add_anchors(anchors: &mut Vec<usize>, units: &[Unit], lines: &[Classified<'_>], k: usize) {
    for a in k.saturating_sub(2)..k {
        if anchors.last().is_none_or(|&l| l < a) && anchor_line(units, lines, a) {
            anchors.push(a);
        }
    }
}

/// An anchored run may win with this share of the best run's score.
const ANCHOR_SHARE: f32 = 0.8;
/// Units after an anchor within which its run must start.
const ANCHOR_REACH: usize = 6;

/// Whether unit `k` is the title line of an *anchor* (when a byline or
/// date follows it within two units): a text line of moderate length, no
/// sentence and no page chrome.
fn anchor_line(units: &[Unit], lines: &[Classified<'_>], k: usize) -> bool {
    match units.get(k) {
        Some(Unit::Line(i)) => lines.get(i.at()).is_some_and(|c| {
            c.is_text()
                && (20..=200).contains(&c.shape.weight())
                && !c.shape.sentence_end
                && c.boilerplate_hit().is_none()
        }),
        _ => false,
    }
}

/// The best run that starts just after an *anchor* (a title line followed
/// by a byline or date, the surest sign of where an article begins), from
/// the prefix sums of the unit scores and the ascending anchors. For each
/// start the best end is where the prefix sum after it peaks: one walk from
/// the end keeps that peak (the suffix maximum) and scores each start
/// within [`ANCHOR_REACH`] after an anchor as it passes it. The best score
/// wins, the earliest start on a tie: the run that trying the starts in
/// order gives.
fn anchored(prefix: &[f32], anchors: &[usize]) -> Option<(f32, usize, usize)> {
    let n = prefix.len().checked_sub(1)?;
    // The highest prefix[j + 1] for j >= `folded`, with its j (the lowest j
    // on a tie).
    let mut peak = (f32::MIN, 0usize);
    let mut folded = n;
    let mut best: Option<(f32, usize, usize)> = None;
    for &a in anchors.iter().rev() {
        // Starts a later anchor's window already scored are not scored again.
        let top = (a + ANCHOR_REACH).min(folded.saturating_sub(1));
        for start in (a + 1..=top).rev() {
            // Fold the ends from `folded - 1` down to `start` into the peak.
            // The ends' highest sum first, then, if it reaches the peak,
            // the lowest end that has it: what folding them one by one
            // from the highest end gives.
            let ends = prefix.get(start + 1..=folded).unwrap_or(&[]);
            let high = ends.iter().copied().fold(f32::MIN, f32::max);
            if high >= peak.0
                && let Some(d) = ends.iter().position(|&p| p == high)
                && let Some(&p) = ends.get(d)
            {
                peak = (p, start + d);
            }
            folded = start;
            let score = peak.0 - prefix.get(start).copied().unwrap_or(0.0);
            if score > 0.0 && best.is_none_or(|(b, _, _)| score >= b) {
                best = Some((score, start, peak.1));
            }
        }
    }
    best
}

/// Whether units `a..=b` hold a line that ends like a sentence.
fn has_prose(units: &[Unit], lines: &[Classified<'_>], a: usize, b: usize) -> bool {
    units.get(a..=b).unwrap_or(&[]).iter().any(|u| match *u {
        Unit::Line(i) => lines
            .get(i.at())
            .is_some_and(|c| c.is_text() && (c.shape.sentence_end || c.shape.weight() >= 80)),
        Unit::List { .. } | Unit::PullQuote { .. } => true,
        _ => false,
    })
}

/// Prose units the article must have before a date or byline line ends it.
const PROSE_BEFORE_TAIL: usize = 3;
const _: () = assert!(PROSE_BEFORE_TAIL > 0);

/// A date or byline line in the last third of the extent, after the
/// article's prose has begun, opens what follows the article: comments,
/// teasers of other stories, an author box. The extent ends before it.
fn trim_tail(units: &[Unit], lines: &[Classified<'_>], first: usize, last: usize) -> usize {
    let kind = |u: &Unit| match *u {
        Unit::Line(i) => lines.get(i.at()).map(|c| c.kind),
        _ => None,
    };
    let meta = |u: &Unit| matches!(kind(u), Some(Kind::Date { .. } | Kind::Byline { .. }));
    let prose = |u: &Unit| match *u {
        Unit::Line(i) => lines
            .get(i.at())
            .is_some_and(|c| c.is_text() && c.shape.sentence_end && c.shape.weight() >= 50),
        _ => false,
    };
    let extent = units.get(first..=last).unwrap_or(&[]);
    // The tail starts after the article's first prose, in the last third:
    // only its dates and bylines are looked at.
    let Some(after_prose) = extent
        .iter()
        .enumerate()
        .filter(|(_, u)| prose(u))
        .nth(PROSE_BEFORE_TAIL - 1)
        .map(|(d, _)| d + 1)
    else {
        return last;
    };
    let last_third = ((last - first) * 2).div_ceil(3);
    for (d, u) in extent.iter().enumerate().skip(after_prose.max(last_third)) {
        match kind(u) {
            Some(Kind::Byline { .. }) => return (first + d).saturating_sub(1).max(first),
            Some(Kind::Date { .. }) => {
                // A lone date (a timeline's, a table's) inside the prose
                // does not end the article; a series of dates or bylines
                // (comments, teasers) does. The tail's first date with none
                // after it is the extent's last: nothing after it ends the
                // extent either.
                let series = extent.get(d + 1..).is_some_and(|r| r.iter().any(meta));
                return if series {
                    (first + d).saturating_sub(1).max(first)
                } else {
                    last
                };
            }
            _ => {}
        }
    }
    last
}

/// Most units an author box at the end of the extent spans after the name.
const AUTHOR_BOX: usize = 2;

/// An extent that ends in a person's name on its own line and a paragraph
/// about that person (it opens with the whole name, or goes on from it in lower
/// case) ends with an author box, not the article: the extent ends before
/// the name, and before a short label over it.
fn trim_author_box(units: &[Unit], lines: &[Classified<'_>], first: usize, last: usize) -> usize {
    let line_at = |k: usize| match units.get(k) {
        Some(Unit::Line(i)) => lines.get(i.at()),
        _ => None,
    };
    let Some(bio) = line_at(last) else {
        return last;
    };
    if !(bio.is_text() && bio.shape.weight() >= 60) {
        return last;
    }
    for k in (last.saturating_sub(AUTHOR_BOX)..last).rev() {
        let Some(c) = line_at(k) else { continue };
        if !(c.is_text() && c.shape.weight() <= 40 && name(c.text)) {
            continue;
        }
        let about = bio.text.starts_with(c.text) || bio.shape.lower_start();
        if !about {
            return last;
        }
        let mut end = k.saturating_sub(1);
        // A short label over the name ("About the author").
        if line_at(end)
            .is_some_and(|l| l.is_text() && l.shape.weight() <= 30 && !l.shape.sentence_end)
        {
            end = end.saturating_sub(1);
        }
        return if end >= first + PROSE_BEFORE_TAIL {
            end
        } else {
            last
        };
    }
    last
}

/// Most lines after the article that [`close_text`] gives to it.
const CLOSING_LINES: usize = 2;

/// A text that ends, a line or two after the article's last sentence, in
/// plain lines of words (no phrase of page chrome, no menu word, not said
/// twice) ends with the article's own closing lines: a clean text pasted or
/// rendered from an article, not a page with a footer. The extent takes them.
fn close_text(units: &[Unit], lines: &[Classified<'_>], last: usize) -> usize {
    let rest = units.get(last + 1..).unwrap_or(&[]);
    if rest.is_empty() || rest.len() > CLOSING_LINES {
        return last;
    }
    let ends_in_prose = matches!(units.get(last), Some(Unit::Line(i))
        if lines.get(i.at()).is_some_and(|c| c.is_text() && c.shape.sentence_end));
    let plain = |u: &Unit| match u {
        Unit::Line(i) => lines.get(i.at()).is_some_and(|c| {
            c.is_text()
                && c.boilerplate_hit().is_none()
                && c.shape.weight() >= 20
                && (c.shape.words >= 3 || c.shape.cjk >= 6)
        }),
        _ => false,
    };
    if ends_in_prose && rest.iter().all(plain) {
        units.len() - 1
    } else {
        last
    }
}

/// The units of a clean copy of an article, if the text is one: a text
/// with no page around it. Every line stands in a paragraph of its own (a
/// blank line before it; list items excepted); none is a phrase of page
/// chrome, a link or a credit; and it opens with an underlined title
/// (`=====`), has a sentence, a long line or a list, or is a line or two. Such a text (a copy-paste, or
/// newsprint's own [`to_text`](crate::Article::to_text) rendering) is all
/// article, and its units are read plainly: a title over a list is a
/// paragraph and a list, not a teaser card; the same line twice is two
/// paragraphs, not a doubled title; a list's items are its own. A page's
/// innerText never looks like this: its menus, labels and buttons stand on
/// lines of their own without a blank line between.
pub(crate) fn clean_copy(units: &[Unit], lines: &[Classified<'_>]) -> Option<Vec<Unit>> {
    let clean_line = |i: u32| {
        lines.get(i.at()).is_some_and(|c| {
            c.boilerplate_hit().is_none() && !matches!(c.kind, Kind::Link {} | Kind::Credit { .. })
        })
    };
    let apart = |i: u32| i == 0 || lines.get(i.at()).is_some_and(|c| c.blanks_before > 0);
    // An underlined title is the document's, whatever its words.
    let titled = matches!(units.first(), Some(Unit::Line(i))
        if lines.get(i.at()).is_some_and(|c| c.kind == Kind::Heading { level: 1 }));
    // Grown as it goes: most texts are pages, and fail at their first menu.
    let mut out = Vec::new();
    for (k, &u) in units.iter().enumerate() {
        let line = |i: u32| (k == 0 && titled) || (apart(i) && clean_line(i));
        match u {
            Unit::Line(i) => {
                if !line(i) {
                    return None;
                }
                out.push(u);
            }
            Unit::List { start, .. } => {
                if !apart(start) {
                    return None;
                }
                out.push(u);
            }
            Unit::Related { first, last } => {
                for i in first..=last {
                    if !line(i) {
                        return None;
                    }
                    out.push(Unit::Line(i));
                }
            }
            Unit::Card {
                credit: false,
                title,
                bullets_end,
                end,
            } => {
                if !line(title) {
                    return None;
                }
                out.push(Unit::Line(title));
                out.push(Unit::List {
                    start: title + 1,
                    end: bullets_end,
                });
                for i in bullets_end..end {
                    if !line(i) {
                        return None;
                    }
                    out.push(Unit::Line(i));
                }
            }
            Unit::Card { credit: true, .. } | Unit::PullQuote { .. } => return None,
        }
    }
    let prose = titled
        || out.iter().any(|u| match *u {
            Unit::Line(i) => lines.get(i.at()).is_some_and(|c| {
                c.is_text() && (c.shape.sentence_end || c.shape.weight() >= PROSE_WEIGHT)
            }),
            _ => true,
        });
    // A text of a line or two (bylines and dates aside) is those lines,
    // whatever they say.
    let meta = |u: &&Unit| matches!(*u, Unit::Line(i) if lines.get(i.at()).is_some_and(|c| matches!(c.kind, Kind::Byline { .. } | Kind::Date { .. })));
    (prose || out.iter().filter(|u| !meta(u)).count() <= 2).then_some(out)
}

/// Least weight of a line without a sentence end that still reads as prose.
const PROSE_WEIGHT: u32 = 80;

/// A page with no run above zero may still hold one line of prose (a page
/// that is a single paragraph): take the longest such line.
fn lone_prose(units: &[Unit], lines: &[Classified<'_>]) -> Option<(usize, usize)> {
    units
        .iter()
        .enumerate()
        .filter_map(|(k, u)| match u {
            Unit::Line(i) => lines.get(i.at()).map(|c| (k, c)),
            _ => None,
        })
        .filter(|(_, c)| c.is_text() && c.boilerplate_hit().is_none() && c.shape.weight() >= 60)
        .max_by_key(|(_, c)| c.shape.weight())
        .map(|(k, _)| (k, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;
    use crate::lexicon::Lexicon;
    use crate::parse::{classify::classify, features, structure::units};

    fn extent_lines(text: &str) -> Option<(usize, usize)> {
        let c = classify(text, Lexicon::builtin()).lines;
        let u = units(text, &c, Lexicon::builtin(), &Options::default());
        let repeats = features::repeats(&c);
        let logits: Vec<f32> = features::features(&c, &repeats, Lexicon::builtin())
            .iter()
            .map(features::logit)
            .collect();
        let scores = line_scores(&c, &logits, &repeats, Lexicon::builtin());
        extent(&u, &c, Lexicon::builtin(), &scores)
            .and_then(|(a, b)| Some((u.get(a)?.first(), u.get(b)?.last())))
    }

    fn clean(text: &str) -> Option<Vec<Unit>> {
        let c = classify(text, Lexicon::builtin()).lines;
        let u = units(text, &c, Lexicon::builtin(), &Options::default());
        clean_copy(&u, &c)
    }

    /// The anchored run as it was first written: every anchor's starts in
    /// order, each start's best end from a list of suffix maxima.
    fn anchored_by_index(prefix: &[f32], anchors: &[usize]) -> Option<(f32, usize, usize)> {
        let n = prefix.len() - 1;
        let mut best_end: Vec<(f32, usize)> = vec![(f32::MIN, 0); n + 1];
        for k in (0..n).rev() {
            let here = (prefix[k + 1], k);
            let next = best_end[k + 1];
            best_end[k] = if here.0 >= next.0 { here } else { next };
        }
        let mut best: Option<(f32, usize, usize)> = None;
        for &k in anchors {
            for start in k + 1..(k + 1 + ANCHOR_REACH).min(n) {
                let (peak, end) = best_end[start];
                let score = peak - prefix[start];
                if score > 0.0 && best.is_none_or(|(b, _, _)| score > b) {
                    best = Some((score, start, end));
                }
            }
        }
        best
    }

    #[test]
    fn anchored_runs_are_those_of_every_start_in_order() {
        // Ties of peaks and of runs, and windows that overlap.
        let lists: [&[f32]; 3] = [
            &[
                3.0, -1.0, -1.0, 2.0, 0.0, -5.0, 2.0, 1.0, 1.0, -0.5, 1.0, -1.0,
            ],
            &[
                1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0,
            ],
            &[
                -2.0, 0.0, 0.0, 1.0, 0.0, 0.0, -1.0, 1.0, 0.0, 2.0, -2.0, 2.0,
            ],
        ];
        for scores in lists {
            for len in 0..=scores.len() {
                let mut prefix = vec![0.0f32];
                for s in &scores[..len] {
                    prefix.push(prefix.last().unwrap() + s);
                }
                for set in 0..1u32 << len {
                    let anchors: Vec<usize> = (0..len).filter(|&k| set & (1 << k) != 0).collect();
                    assert_eq!(
                        anchored(&prefix, &anchors),
                        anchored_by_index(&prefix, &anchors),
                        "{:?} {anchors:?}",
                        &scores[..len]
                    );
                }
            }
        }
    }

    /// Pages of six lines, every mix of titles, bylines, dates, prose, menu
    /// words and list items, with their lines and units.
    fn mixed_pages(mut f: impl FnMut(&[Classified<'_>], &[Unit])) {
        let parts = [
            "Council votes on the new bridge plan",
            "By Jane Roe",
            "12 March 2021",
            "The council met on Monday and voted for the plan after a long debate.",
            "Home",
            "• A point of the list",
        ];
        for code in 0..parts.len().pow(6) {
            let mut page = String::new();
            let mut c = code;
            for _ in 0..6 {
                page.push_str(parts[c % parts.len()]);
                page.push('\n');
                c /= parts.len();
            }
            let lines = classify(&page, Lexicon::builtin()).lines;
            let u = units(&page, &lines, Lexicon::builtin(), &Options::default());
            f(&lines, &u);
        }
    }

    #[test]
    fn the_scan_finds_what_the_separate_passes_find() {
        let mut anchored_pages = 0;
        mixed_pages(|lines, u| {
            let line_at = |k: usize| match u.get(k) {
                Some(Unit::Line(i)) => lines.get(*i as usize),
                _ => None,
            };
            let is_meta = |k: usize| {
                line_at(k)
                    .is_some_and(|c| matches!(c.kind, Kind::Byline { .. } | Kind::Date { .. }))
            };
            let anchors: Vec<usize> = (0..u.len())
                .filter(|&k| {
                    line_at(k).is_some_and(|c| {
                        c.is_text()
                            && (20..=200).contains(&c.shape.weight())
                            && !c.shape.sentence_end
                            && c.boilerplate_hit().is_none()
                    }) && (1..=2).any(|d| is_meta(k + d))
                })
                .collect();
            // No learned scores, and learned scores for all lines but the
            // last few (the rest scored by hand), some of them negative.
            let learned: Vec<f32> = (0..lines.len().saturating_sub(3))
                .map(|i| ((i * 37 % 23) as f32 - 11.0) / 4.0)
                .collect();
            anchored_pages += usize::from(!anchors.is_empty());
            for scores in [&[][..], &learned[..]] {
                let unit_scores: Vec<f32> = u
                    .iter()
                    .map(|x| unit_score(x, lines, Lexicon::builtin(), scores))
                    .collect();
                let mut prefix = vec![0.0f32];
                for s in &unit_scores {
                    prefix.push(prefix.last().unwrap() + s);
                }
                let mut best: Option<(f32, usize, usize)> = None;
                let (mut run, mut run_start) = (0.0f32, 0);
                for (k, &s) in unit_scores.iter().enumerate() {
                    if run <= 0.0 {
                        (run, run_start) = (s, k);
                    } else {
                        run += s;
                    }
                    if run > 0.0 && best.is_none_or(|(b, _, _)| run > b) {
                        best = Some((run, run_start, k));
                    }
                }
                let got = scan(u, lines, Lexicon::builtin(), scores);
                assert_eq!(got.anchors, anchors, "{lines:?}");
                assert_eq!(got.prefix, prefix, "{lines:?}");
                assert_eq!(got.best, best, "{lines:?}");
            }
        });
        assert!(anchored_pages > 100, "{anchored_pages} pages with anchors");
    }

    #[test]
    fn the_tail_is_trimmed_as_with_the_last_meta_line_known() {
        // The rule as it was first written: the extent's last date or
        // byline found first.
        fn by_last_meta(
            units: &[Unit],
            lines: &[Classified<'_>],
            first: usize,
            last: usize,
        ) -> usize {
            let meta_at = |k: usize| match units.get(k) {
                Some(Unit::Line(i)) => lines.get(*i as usize).map(|c| c.kind),
                _ => None,
            };
            let last_meta = (first..=last)
                .rev()
                .find(|&k| matches!(meta_at(k), Some(Kind::Date { .. } | Kind::Byline { .. })));
            let mut prose = 0usize;
            for k in first..=last {
                let Some(Unit::Line(i)) = units.get(k) else {
                    continue;
                };
                let c = &lines[*i as usize];
                let tail = prose >= PROSE_BEFORE_TAIL && (k - first) * 3 >= (last - first) * 2;
                match c.kind {
                    Kind::Byline { .. } if tail => return k.saturating_sub(1).max(first),
                    Kind::Date { .. } if tail && last_meta.is_some_and(|m| m > k) => {
                        return k.saturating_sub(1).max(first);
                    }
                    Kind::Text if c.shape.sentence_end && c.shape.weight() >= 50 => prose += 1,
                    _ => {}
                }
            }
            last
        }
        let mut seen = 0;
        mixed_pages(|lines, u| {
            for first in 0..u.len() {
                for last in first..u.len() {
                    let want = by_last_meta(u, lines, first, last);
                    seen += usize::from(want != last);
                    assert_eq!(trim_tail(u, lines, first, last), want, "{lines:?}");
                }
            }
        });
        assert!(seen > 0, "some extents are trimmed");
    }

    /// [`line_scores`] as first written: the scores, then a second pass
    /// for the boxes inside the article.
    fn line_scores_in_two_passes(
        lines: &[Classified<'_>],
        logits: &[f32],
        repeats: &[u32],
        lexicon: &Lexicon,
    ) -> Vec<f32> {
        let mut announced = 0usize;
        let mut scores: Vec<f32> = lines
            .iter()
            .zip(logits)
            .zip(repeats)
            .map(|((c, &l), &r)| {
                let hand = line_score(c, lexicon);
                let w = c.shape.weight() as f32;
                let in_list = announced > 0 && w < 100.0 && c.hit.is_none();
                announced = if c.is_text()
                    && c.shape.colon_end
                    && w >= 60.0
                    && c.shape.words >= 8
                    && c.hit.is_none()
                {
                    ANNOUNCED_ITEMS
                } else if in_list {
                    announced - 1
                } else {
                    0
                };
                if hand == END_MARKER {
                    END_MARKER
                } else if r >= TEMPLATE_REPEATS && w < 60.0 {
                    0.0
                } else {
                    let len = (features::ln_of(c.shape.weight(), 2) / 102f32.ln()).clamp(0.3, 2.0);
                    let s = (1.0 - HAND_SHARE) * l * len + HAND_SHARE * hand;
                    if in_list { s.max(LIST_ITEM) } else { s }
                }
            })
            .collect();
        for (i, s) in scores.iter_mut().enumerate() {
            if *s == END_MARKER && inline_related(lines, i, lexicon) {
                *s = INLINE_RELATED;
            }
        }
        scores
    }

    #[test]
    fn length_factors_are_the_plain_formula() {
        // Every weight of the table, past its end and far out: the factor
        // looked up is the one the logarithm gives, bit for bit.
        let plain = |w: u32| ((2.0 + w as f32).ln() / 102f32.ln()).clamp(0.3, 2.0);
        let lens = length_factors();
        assert_eq!(lens.len(), LENGTH_TABLE as usize);
        for w in (0..LENGTH_TABLE + 64).chain([20_000, u32::MAX - 2]) {
            let looked_up = length_factor_in(lens, w);
            assert_eq!(looked_up.to_bits(), plain(w).to_bits(), "weight {w}");
        }
    }

    #[test]
    fn inline_boxes_are_found_as_the_scores_are_made() {
        let mut page = String::from("Home\nNews\nFerry returns after repairs\nBy Jane Roe\n");
        page.push_str(
            "These are the changes the owners made to the ferry this year:\nNew seats\nA lift\n",
        );
        for (k, box_lines) in [1usize, 3, 0, 2, 5, 1].into_iter().enumerate() {
            for p in 0..2 {
                page.push_str(&format!(
                    "Paragraph {k}.{p} of the story goes on about the ferry, its repairs and the people on it."
                ));
                page.push('\n');
            }
            page.push_str(if k % 3 == 2 {
                "Comments\n"
            } else {
                "Related articles\n"
            });
            for t in 0..box_lines {
                page.push_str(&format!("Teaser title number {t} of the box\n"));
            }
        }
        page.push_str("Most read\nAbout us\n");
        let lexicon = Lexicon::builtin();
        let c = classify(&page, lexicon).lines;
        let repeats = features::repeats(&c);
        let logits = features::logits(&c, &repeats, lexicon);
        let got = line_scores(&c, &logits, &repeats, lexicon);
        let want = line_scores_in_two_passes(&c, &logits, &repeats, lexicon);
        assert!(got.contains(&INLINE_RELATED), "a box inside the article");
        assert!(got.contains(&END_MARKER), "an end marker");
        let bits = |v: &[f32]| v.iter().map(|s| s.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&got), bits(&want));
    }

    #[test]
    fn a_clean_copy_is_told_from_a_page() {
        let copy = "Ferry returns after repairs\n\nBy Jane Roe\n\n\
The ferry sailed again on Monday after three months away.\n\n\
Fares stay the same until the end of the year.";
        assert!(clean(copy).is_some());
        // A menu's lines stand without blank lines between them.
        assert!(clean(&format!("Home\nNews\nSport\n\n{copy}")).is_none());
        // A phrase of page chrome.
        assert!(clean(&format!("{copy}\n\nAccept all cookies")).is_none());
        // Blank-separated short lines with nothing that reads as prose.
        assert!(clean("Home\n\nNews\n\nSport\n\nWeather").is_none());
    }

    #[test]
    fn a_clean_copy_reads_a_title_over_a_list_plainly() {
        let copy = "Three things changed at the pier\n\n\
• New lights\n• A wider ramp\n• A ticket machine\n\n\
The work took a year and finished ahead of the summer.";
        let u = clean(copy).expect("a clean copy");
        assert!(
            u.iter()
                .all(|u| matches!(u, Unit::Line(_) | Unit::List { .. })),
            "{u:?}"
        );
    }

    #[test]
    fn menus_around_prose_are_outside() {
        let text = "Home\nNews\nSport\nWeather\n\
The first paragraph of the story runs long enough to count as prose.\n\
The second paragraph adds more detail, as a second paragraph would do.\n\
About us\nContact\nJobs";
        assert_eq!(extent_lines(text), Some((4, 5)));
    }

    #[test]
    fn a_short_label_inside_prose_stays_inside() {
        let text = "A long opening paragraph that reads like an article paragraph should.\n\
What happens next\n\
A long closing paragraph that also reads like an article paragraph should.";
        assert_eq!(extent_lines(text), Some((0, 2)));
    }

    #[test]
    fn a_clean_text_keeps_its_closing_line() {
        // Long enough for the learned scorer, which cuts short last lines.
        let story = format!(
            "Ferry returns to the harbour after repairs\n\n{}\n\n",
            crate::parse::testing::FERRY_STORY
        );
        let text = format!("{story}Our reporters on the harbour front");
        assert_eq!(extent_lines(&text), Some((0, 11)), "a plain closing line");
        let footer = format!("{story}About us\nContact");
        assert_eq!(extent_lines(&footer), Some((0, 10)), "menu words are not");
    }

    #[test]
    fn a_lone_date_late_in_the_prose_does_not_end_it() {
        let p = "A paragraph of the story that runs long enough to count as prose here.";
        let text = format!("{p}\n{p}\n{p}\n{p}\n{p}\n12 March 2021\n{p}\n{p}");
        assert_eq!(extent_lines(&text), Some((0, 7)));
    }

    #[test]
    fn an_author_box_at_the_end_is_outside() {
        let story = "The ferry sailed again on Monday after three months in the dry dock, its owners said.\n\
Passengers queued from early morning, and the first crossing was full by nine.\n\
The repairs cost more than planned, because the hull needed new plates.\n\
The council paid part of the bill, which some members had opposed in the spring.\n\
The harbour master said the timetable would be back to normal within the week.\n";
        let text = format!(
            "{story}Jane Marsh\nJane Marsh writes about harbours, ferries and the people on them for the paper."
        );
        assert_eq!(extent_lines(&text), Some((0, 4)));
        let kept = format!(
            "{story}Our Findings\nOur work goes on with the last paragraph of the story, which is long."
        );
        assert_eq!(extent_lines(&kept), Some((0, 6)), "not about the name");
    }

    #[test]
    fn nothing_but_menus_has_no_extent() {
        assert_eq!(extent_lines("Home\nNews\nSport"), None);
    }
}
