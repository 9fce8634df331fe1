//! Stage 2: give every line a kind, its shape and its lexicon hit.
//!
//! The kind is chosen from the line's first bytes with a `match`, so most
//! lines (long prose) try no parser at all; the lexicon automaton runs once
//! over the whole text and its matches are dealt out to the lines they fall in.

use crate::CreditKind;
use crate::construct::{bullet, byline, credit, date, heading, link, shape};
use crate::lexicon::Lexicon;

use super::lines::split_each;
use super::swar::{find_each, in_range};
use crate::Span;

/// What a line is, from its own text alone. Only what the later stages
/// decide on is kept, and where a bullet's item or a credit's source
/// starts (in a byte: [`NOT_KEPT`] if past it, and the line is parsed
/// again); where a link's title starts is parsed again by whoever needs
/// it, so that a classified line stays small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Anything else: prose, titles, labels, menu items.
    Text,
    /// A list item (`construct::bullet`); its item starts at byte `at`.
    Bullet { ordered: bool, at: u8 },
    /// An image credit (`construct::credit`); its source starts at byte
    /// `at`.
    Credit { kind: CreditKind, at: u8 },
    /// An author line (`construct::byline`); `dated` if a date follows the
    /// names on the same line.
    Byline { dated: bool },
    /// A date line.
    Date { updated: bool },
    /// A Markdown heading (`construct::heading`).
    Heading { level: u8 },
    /// A line that is one Markdown link (`construct::link`). Braced like
    /// the others, so that every kind is matched as `Kind::X { .. }`.
    Link {},
}

/// The `at` of a [`Kind::Bullet`] or [`Kind::Credit`] whose part starts
/// further into the line than a byte holds.
pub(crate) const NOT_KEPT: u8 = u8::MAX;

/// `at` as a kind's offset: [`NOT_KEPT`] if a byte does not hold it.
fn kept(at: usize) -> u8 {
    u8::try_from(at)
        .ok()
        .filter(|&a| a != NOT_KEPT)
        .unwrap_or(NOT_KEPT)
}

/// The lexicon's verdict on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The strongest phrase found (strong beats weak; first wins a tie).
    pub phrase: u32,
    /// Bytes of the line covered by phrases, at most `u16::MAX`.
    pub covered: u16,
    pub strong: bool,
}

/// A line with everything the later stages need to know about it.
///
/// One of these lives for every non-blank line until the article is built,
/// so it is kept to 48 bytes (a page of one-word menu lines is about six
/// bytes a line): the text is the only pointer, the span is derived from it
/// ([`Classified::span`]) and the counts are narrow.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Classified<'a> {
    /// The line without leading and trailing white space (Unicode, zero-width
    /// spaces and the byte order mark included).
    pub text: &'a str,
    pub shape: shape::Shape,
    pub hit: Option<Hit>,
    pub kind: Kind,
    /// Blank lines directly before this one, at most `u8::MAX` (the stages
    /// ask only whether there are up to three).
    pub blanks_before: u8,
}

const _: () = assert!(std::mem::size_of::<Classified<'static>>() <= 48);

impl Classified<'_> {
    /// Text lines only.
    pub(crate) fn is_text(&self) -> bool {
        self.kind == Kind::Text
    }

    /// The part of `input` the line's element covers: the text and any
    /// non-ASCII white space around it.
    pub(crate) fn span(&self, input: &str) -> crate::Span {
        super::lines::span_of(input, self.text)
    }

    /// Offset of the text in `input`.
    pub(crate) fn text_at(&self, input: &str) -> usize {
        super::lines::offset_in(input, self.text)
    }

    /// The line is mostly lexicon phrase, or has a strong phrase and is short.
    ///
    /// Inlined: the later stages ask this of most lines many times, and
    /// most lines have no hit at all.
    #[inline]
    pub(crate) fn boilerplate_hit(&self) -> Option<Hit> {
        let hit = self.hit?;
        let (len, w) = match self.kind {
            Kind::Heading { .. } => heading_measure(self.text),
            _ => (self.text.len() as u32, self.shape.weight()),
        };
        let covered = u32::from(hit.covered);
        let decisive =
            (hit.strong && w <= 200) || covered * 2 >= len || (w <= 40 && covered * 4 >= len);
        decisive.then_some(hit)
    }
}

/// A Markdown heading is judged by its words, not its marks: as the same
/// words on a line of their own would be. Their length in bytes and weight.
#[cold]
#[inline(never)]
fn heading_measure(text: &str) -> (u32, u32) {
    let inner = heading::words(text);
    (inner.len() as u32, shape::shape(inner).weight())
}

#[inline]
fn kind_of(text: &str, sh: &shape::Shape) -> Kind {
    let first = text.as_bytes().first().copied().unwrap_or(b' ');
    let short = sh.chars <= 160;
    // Most lines start with a letter, which begins none of the kinds
    // below: one table load rules them out, not a compare for each.
    if MARKED_FIRST
        .get(usize::from(first))
        .copied()
        .unwrap_or(false)
        && let Some(kind) = marked_kind(text, first, sh, short)
    {
        return kind;
    }
    if !short {
        return Kind::Text;
    }
    let bytes = text.as_bytes();
    // Most first letters begin no credit label and no byline prefix: one
    // table load skips both gates.
    if GATED_FIRST
        .get(usize::from(first))
        .copied()
        .unwrap_or(false)
    {
        let pairs = gate_pairs(bytes);
        if sh.chars <= 100
            && let Some(c) = gated(may_be_credit_of(bytes, pairs), || credit::credit(text))
        {
            return Kind::Credit {
                kind: c.kind,
                at: kept(c.source_at),
            };
        }
        if let Some(b) = gated(may_be_byline_of(bytes, pairs), || byline::byline(text)) {
            return Kind::Byline {
                dated: b.date_at.is_some(),
            };
        }
    } else {
        debug_assert!(
            !may_be_credit_of(bytes, gate_pairs(bytes))
                && !may_be_byline_of(bytes, gate_pairs(bytes)),
            "a first byte outside GATED_FIRST passed a gate"
        );
    }
    // A line that starts with a digit was tried as a date above.
    if sh.digits > 0
        && !first.is_ascii_digit()
        && let Some(d) = gated(few_spaces(sh) && may_hold_date(bytes, sh.digits), || {
            date::date_line_spaced(text, spaces(sh))
        })
    {
        return Kind::Date { updated: d.updated };
    }
    Kind::Text
}

/// The first bytes of the kinds [`marked_kind`] finds: `#` (a heading),
/// `[` (a link), a digit (a date), and a bullet's marker (`-`, `*`, `+`,
/// a digit, or the lead byte 0xC2 or 0xE2 of a multi-byte one).
const MARKED_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        // A const: an index out of bounds would fail the build.
        #[allow(clippy::indexing_slicing)]
        {
            t[c] = matches!(
                b,
                b'#' | b'[' | b'-' | b'*' | b'+' | b'0'..=b'9' | 0xC2 | 0xE2
            );
        }
        c += 1;
    }
    t
};

/// The first bytes that may begin a credit label or a byline prefix
/// ([`may_be_credit_of`], [`may_be_byline_of`]): the ASCII letters with a
/// row in [`GATE_PAIRS`], and `©`'s lead byte 0xC2 and `(` of `(c)`. A
/// line that starts with any other byte passes neither gate.
const GATED_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let a = (b | 0x20).wrapping_sub(b'a') as usize;
        // A const: an index out of bounds would fail the build.
        #[allow(clippy::indexing_slicing)]
        {
            t[c] = b == 0xC2 || b == b'(' || (a < 26 && GATE_PAIRS[a] != 0);
        }
        c += 1;
    }
    t
};

/// The kinds that a line's first byte marks ([`MARKED_FIRST`]), tried in
/// this order before the others: a heading, a link, a date that starts
/// with a number, a bullet. `first` is the line's first byte; `short`
/// that it has at most 160 characters.
#[inline(always)]
fn marked_kind(text: &str, first: u8, sh: &shape::Shape, short: bool) -> Option<Kind> {
    match first {
        b'#' => {
            if let Some(h) = heading::heading(text) {
                return Some(Kind::Heading { level: h.level });
            }
        }
        b'[' if link::link_line(text).is_some() => return Some(Kind::Link {}),
        _ => {}
    }
    // A line that starts with a number may be a date ("23. Juni 2016") before a list item.
    if first.is_ascii_digit()
        && short
        && let Some(d) = gated(
            few_spaces(sh) && may_hold_date(text.as_bytes(), sh.digits),
            || date::date_line_spaced(text, spaces(sh)),
        )
    {
        return Some(Kind::Date { updated: d.updated });
    }
    // Bullets: markers are ASCII punctuation, digits, or multi-byte symbols.
    if matches!(first, b'-' | b'*' | b'+' | b'0'..=b'9' | 0xC2 | 0xE2)
        && let Some(b) = bullet::bullet(text)
    {
        return Some(Kind::Bullet {
            ordered: b.ordered,
            at: kept(b.text_at),
        });
    }
    None
}

/// The spaces (` `) of a line of at most 160 characters, from its shape:
/// such a line has fewer than `u16::MAX` bytes, so its word count is
/// exact, one more than its spaces.
#[inline]
fn spaces(sh: &shape::Shape) -> usize {
    usize::from(sh.words).saturating_sub(1)
}

/// The line has no more spaces than a date line may
/// ([`date::MAX_SPACES`]): one compare, before the date prefilter's pass
/// over the line (most sentences with a number have more).
#[inline]
fn few_spaces(sh: &shape::Shape) -> bool {
    usize::from(sh.words) <= date::MAX_SPACES + 1
}

/// Runs a recogniser only where its prefilter allows. The prefilters below
/// are necessary conditions read off the recognisers' grammars, so they
/// never change a result; debug builds (the tests) check that they hold.
#[inline]
fn gated<T>(pass: bool, recognise: impl Fn() -> Option<T>) -> Option<T> {
    if pass {
        recognise()
    } else {
        debug_assert!(recognise().is_none(), "a prefilter rejected a match");
        None
    }
}

/// Sets bit 5: `A`..`Z` become `a`..`z`; no other byte becomes a letter.
/// (Only ASCII letters, and the Kelvin sign, lower-case to ASCII letters,
/// so a case-insensitive ASCII tag needs these bytes.)
#[inline]
fn fold(b: u8) -> u8 {
    b | 0x20
}

/// `b` starts with `tag` (lower-case ASCII), ignoring ASCII case.
#[inline]
fn starts_with_tag(b: &[u8], tag: &[u8]) -> bool {
    b.get(..tag.len())
        .is_some_and(|head| head.iter().zip(tag).all(|(&c, &t)| fold(c) == t))
}

/// [`may_be_credit_of`] with the line's own pairs (tests).
#[cfg(test)]
fn may_be_credit(b: &[u8]) -> bool {
    may_be_credit_of(b, gate_pairs(b))
}

/// A credit label (`construct::credit`) starts the line: photo...,
/// picture, foto..., fot., illustration, artwork, image..., bild, graphic,
/// grafik, video, credit; or `©`, `(c)`. `pairs` are the line's
/// [`gate_pairs`]. Inlined: the first two letters rule out most lines at
/// once, without a call.
#[inline(always)]
fn may_be_credit_of(b: &[u8], pairs: u64) -> bool {
    if pairs & CREDIT_BIT == 0 {
        // The first byte (the caller's, in a register) before the second
        // is loaded: most lines start with a letter.
        let first = b.first().copied().unwrap_or(0);
        return matches!(first, 0xC2 | b'(')
            && match *b {
                [x, y, ..] => (x, y) == (0xC2, 0xA9) || (x == b'(' && fold(y) == b'c'),
                _ => false,
            };
    }
    credit_label(b)
}

/// Where [`gate_pairs`] has the credit gate's bit.
const CREDIT_BIT: u64 = 1;
/// Where [`gate_pairs`] has the byline gate's bit.
const BYLINE_BIT: u64 = 1 << 32;

/// Whether the first two bytes of `b` begin a credit label
/// ([`CREDIT_BIT`]) and a byline prefix ([`BYLINE_BIT`]): the two gates'
/// pair tables in one, so that the two letters are folded and looked up
/// once for both ([`date::ascii_pair_in`] of each table; a test checks).
#[inline(always)]
fn gate_pairs(b: &[u8]) -> u64 {
    let [x, y, ..] = *b else { return 0 };
    let Some((a, c)) = date::pair_at(x, y) else {
        return 0;
    };
    GATE_PAIRS
        .get(a)
        .map_or(0, |&p| (p >> c) & (CREDIT_BIT | BYLINE_BIT))
}

/// [`CREDIT_PAIRS`] in the low half of each entry, [`BYLINE_PAIRS`] in the
/// high half ([`gate_pairs`]).
const GATE_PAIRS: [u64; 26] = {
    let mut t = [0u64; 26];
    let mut k = 0;
    while k < 26 {
        // Only ever evaluated at compile time, where an index out of
        // bounds would fail the build, not a parse.
        #[allow(clippy::indexing_slicing)]
        {
            t[k] = CREDIT_PAIRS[k] as u64 | (BYLINE_PAIRS[k] as u64) << 32;
        }
        k += 1;
    }
    t
};

/// [`may_be_credit_of`] past the first two letters: one of the labels.
#[inline(never)]
fn credit_label(b: &[u8]) -> bool {
    CREDIT_LABELS
        .iter()
        .any(|l| starts_with_tag(b, l.as_bytes()))
}

/// The labels [`may_be_credit_of`] looks for (lower case).
const CREDIT_LABELS: [&str; 12] = [
    "photo",
    "picture",
    "foto",
    "fot.",
    "illustration",
    "artwork",
    "image",
    "bild",
    "graphic",
    "grafik",
    "video",
    "credit",
];
/// The first two letters of [`CREDIT_LABELS`].
const CREDIT_PAIRS: [u32; 26] = date::pairs_of(&[&CREDIT_LABELS]);

/// [`may_be_byline_of`] with the line's own pairs (tests).
#[cfg(test)]
fn may_be_byline(b: &[u8]) -> bool {
    may_be_byline_of(b, gate_pairs(b))
}

/// A byline prefix (`construct::byline`) starts the line: written by,
/// reporting by, by, von, por, par, di, door, av, przez, then a space or a
/// tab; or author..., autor..., auteur, text, texto, then a colon. `pairs`
/// are the line's [`gate_pairs`]. Inlined: the first two letters rule out
/// most lines at once, without a call.
#[inline(always)]
fn may_be_byline_of(b: &[u8], pairs: u64) -> bool {
    pairs & BYLINE_BIT != 0 && byline_label(b)
}

/// [`may_be_byline_of`] past the first two letters: one of the prefixes.
#[inline(never)]
fn byline_label(b: &[u8]) -> bool {
    byline::SPACED
        .iter()
        .map(|t| t.as_bytes())
        .any(|t| starts_with_tag(b, t) && matches!(b.get(t.len()), Some(b' ' | b'\t')))
        || (BYLINE_COLON
            .iter()
            .any(|t| starts_with_tag(b, t.as_bytes()))
            && b.contains(&b':'))
}

/// The byline labels that a colon follows ([`may_be_byline_of`]; lower case).
const BYLINE_COLON: [&str; 4] = ["author", "autor", "auteur", "text"];
/// The first two letters of the byline prefixes.
const BYLINE_PAIRS: [u32; 26] = date::pairs_of(&[&byline::SPACED, &BYLINE_COLON]);

/// What every date line of `construct::date` holds, read off its
/// grammars: a year (a run of exactly four digits from 19 or 20: `iso`,
/// `cjk`, `dmy`, `mdy`), a digit, `.` or `/`, one or two digits and `.` or
/// `/` (`numeric`), a digit, `:` or `.` and two digits (the time a
/// "Published"/"Updated" line may have instead of a date), or a number
/// after `vor`, `hace` or `il y a` and blanks, or before blanks, a word,
/// blanks and `ago` (`relative`). Looked for run by run of digits, the
/// digits found by vector compares (32 bytes a step, not a byte at a time:
/// most bytes of a line are not digits), so a line without digits costs
/// one pass; `digits` is how many the line holds (the shape's count:
/// `u16::MAX` if it may be more), so the search stops at the last run,
/// not at the end of the line.
fn may_hold_date(b: &[u8], digits: u16) -> bool {
    let mut left = if digits == u16::MAX {
        usize::MAX
    } else {
        usize::from(digits)
    };
    // The run of digits being read: its start and length.
    let (mut start, mut run) = (0usize, 0usize);
    let found = find_each(
        b,
        |v| in_range(v.cast_signed(), b'0', 10).cast_unsigned(),
        |at| {
            if run > 0 && start + run == at {
                run += 1;
            } else {
                if run > 0 && run_holds_date(b, start, run) {
                    return Some(true);
                }
                (start, run) = (at, 1);
            }
            left -= 1;
            // The line's last digit: its run is whole.
            (left == 0).then(|| run_holds_date(b, start, run))
        },
    );
    found.unwrap_or_else(|| run > 0 && run_holds_date(b, start, run))
}

/// The run of `run` digits at `start` in `b` (a whole run: no digit
/// before or after it) is part of what [`may_hold_date`] looks for.
fn run_holds_date(b: &[u8], start: usize, run: usize) -> bool {
    if date::year_run(b, start, run) {
        return true;
    }
    // After the run's last digit.
    let after = b.get(start + run..).unwrap_or(&[]);
    match *after {
        [b':' | b'.', d, e, ..] if d.is_ascii_digit() && e.is_ascii_digit() => return true,
        [b'.' | b'/', d, e, ..] if d.is_ascii_digit() && matches!(e, b'.' | b'/') => {
            return true;
        }
        [b'.' | b'/', d, e, f, ..]
            if d.is_ascii_digit() && e.is_ascii_digit() && matches!(f, b'.' | b'/') =>
        {
            return true;
        }
        _ => {}
    }
    relative_around(b.get(..start).unwrap_or(&[]), after)
}

fn is_blank(c: &u8) -> bool {
    *c == b' ' || *c == b'\t'
}

/// A number of a relative date sits between `before` and `after`:
/// `before` ends with `vor`, `hace` or `il y a` and blanks, or `after`
/// starts with blanks, a word, blanks and `ago`. Each scan stops at the
/// first byte that does not fit, and a word is scanned from the one number
/// right before it, so the scans stay linear in the line.
fn relative_around(before: &[u8], after: &[u8]) -> bool {
    // Each side wants a blank next to the number first: most numbers have
    // none on one side, and that side's words are not compared.
    let blanks = before.iter().rev().take_while(|c| is_blank(c)).count();
    if blanks > 0 {
        let head = before.get(..before.len() - blanks).unwrap_or(&[]);
        let word_before = [&b"vor"[..], b"hace", b"il y a"].iter().any(|w| {
            head.len() >= w.len()
                && head
                    .get(head.len() - w.len()..)
                    .is_some_and(|tail| starts_with_tag(tail, w))
        });
        if word_before {
            return true;
        }
    }
    let gap = after.iter().take_while(|c| is_blank(c)).count();
    if gap == 0 {
        return false;
    }
    let rest = after.get(gap..).unwrap_or(&[]);
    let word = rest.iter().take_while(|c| !is_blank(c)).count();
    let rest = rest.get(word..).unwrap_or(&[]);
    let gap2 = rest.iter().take_while(|c| is_blank(c)).count();
    word > 0
        && gap2 > 0
        && rest
            .get(gap2..)
            .is_some_and(|tail| starts_with_tag(tail, b"ago"))
}

/// The classified lines of a text.
#[derive(Debug, Default)]
pub(crate) struct Classification<'a> {
    /// The non-blank lines, in order.
    pub lines: Vec<Classified<'a>>,
    /// Lines of invisible characters only (no-break or zero-width spaces).
    pub invisible: Vec<Span>,
    /// Setext underlines (`=====` under a title): the line above is a
    /// heading; the underline is not a line of its own.
    pub underlines: Vec<Span>,
}

/// Splits `input` into lines, classifies each as it comes, and deals the
/// lexicon's matches out to them.
pub(crate) fn classify<'a>(input: &'a str, lexicon: &Lexicon) -> Classification<'a> {
    // About a line per 64 bytes of news text; past that the vector grows.
    let mut out: Vec<Classified<'a>> = Vec::with_capacity(input.len() / 64 + 1);
    let mut underlines = Vec::new();
    let rest = split_each(input, |line| {
        // A setext underline right under a line (not a list item or a
        // heading) makes it a heading.
        if line.blanks_before == 0
            && let Some(level) = heading::setext_underline(line.text)
            && let Some(above) = out.last_mut()
            && !matches!(above.kind, Kind::Bullet { .. } | Kind::Heading { .. })
        {
            above.kind = Kind::Heading { level };
            underlines.push(super::lines::span_of(input, line.text));
            return;
        }
        let sh = shape::shape(line.text);
        out.push(Classified {
            text: line.text,
            kind: kind_of(line.text, &sh),
            shape: sh,
            hit: None,
            blanks_before: u8::try_from(line.blanks_before).unwrap_or(u8::MAX),
        });
    });
    let mut cursor = 0usize;
    let end_of = |c: &Classified<'_>| c.text_at(input) + c.text.len();
    for found in lexicon.find_all(input) {
        while out.get(cursor).is_some_and(|c| end_of(c) <= found.start) {
            cursor += 1;
        }
        let Some(c) = out.get_mut(cursor) else { break };
        if found.start < c.text_at(input) || found.end > end_of(c) {
            continue; // spans a line break
        }
        let strong = lexicon.meta(found.phrase).is_some_and(|m| m.strong);
        let len = u16::try_from(found.end - found.start).unwrap_or(u16::MAX);
        match &mut c.hit {
            Some(h) => {
                h.covered = h.covered.saturating_add(len);
                if strong && !h.strong {
                    h.phrase = found.phrase;
                    h.strong = true;
                }
            }
            None => {
                c.hit = Some(Hit {
                    phrase: found.phrase,
                    strong,
                    covered: len,
                })
            }
        }
    }
    Classification {
        lines: out,
        invisible: rest.invisible,
        underlines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pair tables of the credit and byline gates hold exactly the
    /// pairs the gates matched on, in every case, and nothing else.
    #[test]
    fn gate_pairs_are_the_labels_first_letters() {
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                let credit = matches!(
                    (fold(x), fold(y)),
                    (b'p', b'h' | b'i')
                        | (b'f', b'o')
                        | (b'i', b'l' | b'm')
                        | (b'a', b'r')
                        | (b'b', b'i')
                        | (b'g', b'r')
                        | (b'v', b'i')
                        | (b'c', b'r')
                );
                let byline = matches!(
                    (fold(x), fold(y)),
                    (b'w', b'r')
                        | (b'r', b'e')
                        | (b'b', b'y')
                        | (b'v', b'o')
                        | (b'p', b'o' | b'a' | b'r')
                        | (b'd', b'i' | b'o')
                        | (b'a', b'v' | b'u')
                        | (b't', b'e')
                );
                assert_eq!(date::ascii_pair_in(&CREDIT_PAIRS, x, y), credit, "{x} {y}");
                assert_eq!(date::ascii_pair_in(&BYLINE_PAIRS, x, y), byline, "{x} {y}");
                let both = gate_pairs(&[x, y]);
                assert_eq!(both & CREDIT_BIT != 0, credit, "{x} {y}");
                assert_eq!(both & BYLINE_BIT != 0, byline, "{x} {y}");
                assert_eq!(both & !(CREDIT_BIT | BYLINE_BIT), 0, "{x} {y}");
            }
        }
    }

    fn kinds(text: &str) -> Vec<Kind> {
        classify(text, Lexicon::builtin())
            .lines
            .iter()
            .map(|c| c.kind)
            .collect()
    }

    #[test]
    fn an_underline_makes_the_line_above_a_heading() {
        let text = "Ferry returns\n=============\n\nThe ferry sailed.\n\nNew timetable\n---\n\n===";
        let c = classify(text, Lexicon::builtin());
        let k: Vec<Kind> = c.lines.iter().map(|c| c.kind).collect();
        assert_eq!(
            k,
            [
                Kind::Heading { level: 1 },
                Kind::Text,
                Kind::Heading { level: 2 },
                // After a blank line it underlines nothing.
                Kind::Text
            ]
        );
        assert_eq!(c.underlines, [Span::new(14, 27), Span::new(62, 65)]);
    }

    #[test]
    fn offsets_past_a_byte_are_not_kept() {
        assert_eq!(kept(0), 0);
        assert_eq!(kept(254), 254);
        assert_eq!(kept(255), NOT_KEPT);
        assert_eq!(kept(100_000), NOT_KEPT);
    }

    /// [`kind_of`] as it was before [`MARKED_FIRST`]: each kind's first
    /// bytes compared in turn.
    fn kind_of_plain(text: &str, sh: &shape::Shape) -> Kind {
        let first = text.as_bytes().first().copied().unwrap_or(b' ');
        let short = sh.chars <= 160;
        match first {
            b'#' => {
                if let Some(h) = heading::heading(text) {
                    return Kind::Heading { level: h.level };
                }
            }
            b'[' if link::link_line(text).is_some() => return Kind::Link {},
            _ => {}
        }
        if first.is_ascii_digit()
            && short
            && let Some(d) = date::date_line_spaced(text, spaces(sh))
        {
            return Kind::Date { updated: d.updated };
        }
        if matches!(first, b'-' | b'*' | b'+' | b'0'..=b'9' | 0xC2 | 0xE2)
            && let Some(b) = bullet::bullet(text)
        {
            return Kind::Bullet {
                ordered: b.ordered,
                at: kept(b.text_at),
            };
        }
        if !short {
            return Kind::Text;
        }
        if sh.chars <= 100
            && let Some(c) = credit::credit(text)
        {
            return Kind::Credit {
                kind: c.kind,
                at: kept(c.source_at),
            };
        }
        if let Some(b) = byline::byline(text) {
            return Kind::Byline {
                dated: b.date_at.is_some(),
            };
        }
        if sh.digits > 0
            && !first.is_ascii_digit()
            && let Some(d) = date::date_line_spaced(text, spaces(sh))
        {
            return Kind::Date { updated: d.updated };
        }
        Kind::Text
    }

    /// [`GATED_FIRST`] holds every first byte that passes the credit or
    /// the byline gate: every pair of byte values before tails of each
    /// label, and the labels themselves pass with their first bytes marked.
    #[test]
    fn gated_first_bytes_keep_every_gate() {
        let tails: [&[u8]; 8] = [
            b"",
            b"hoto: x",
            b"oto: x",
            b" Jane",
            b"uthor: x",
            b"a",
            b"\xA9 x",
            b"c) x",
        ];
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                for tail in tails {
                    let mut b = vec![x, y];
                    b.extend_from_slice(tail);
                    for line in [&b[..1], &b[..]] {
                        let pass = may_be_credit(line) || may_be_byline(line);
                        assert!(
                            !pass || GATED_FIRST[usize::from(x)],
                            "{line:?} passes a gate"
                        );
                    }
                }
            }
        }
        for l in CREDIT_LABELS
            .iter()
            .chain(&byline::SPACED)
            .chain(&BYLINE_COLON)
        {
            let line = format!("{l} x:");
            assert!(
                may_be_credit(line.as_bytes()) || may_be_byline(line.as_bytes()),
                "{line}"
            );
            assert!(GATED_FIRST[usize::from(line.as_bytes()[0])], "{line}");
            let upper = line.to_uppercase();
            assert!(GATED_FIRST[usize::from(upper.as_bytes()[0])], "{upper}");
        }
        assert!(GATED_FIRST[0xC2] && GATED_FIRST[usize::from(b'(')]);
        assert!(!GATED_FIRST[usize::from(b'S')] && !GATED_FIRST[usize::from(b'1')]);
    }

    /// The first-byte table lets through every line whose kind its first
    /// byte marks: lines of every kind after every ASCII character and a
    /// character of every lead byte, and those kinds' lines on their own.
    #[test]
    fn marked_first_bytes_keep_every_kind() {
        let tails = [
            "",
            " Heading",
            "# Heading",
            "## Heading",
            "[Title](https://example.com/a)",
            "(https://example.com/a)",
            "8 May 2024",
            "23. Juni 2016",
            ". Juni 2016",
            "2024-05-18",
            "/05/2024",
            " hours ago",
            " item of a list",
            ". Numbered item",
            ") Numbered item",
            " Bullet item",
            "Photo: Reuters",
            "hoto: Reuters",
            "© Jane Roe",
            "By Jane Roe",
            "y Jane Roe",
            "Updated 12:46pm 24 January 2024",
            "May 25, 2019",
            "Plain text line.",
        ];
        let mut firsts: Vec<String> = (0x20..0x7Fu8).map(|b| char::from(b).to_string()).collect();
        firsts.extend(
            [
                '\u{A9}',
                '\u{B7}',
                '\u{E9}',
                '\u{2022}',
                '\u{2013}',
                '\u{2014}',
                '\u{201C}',
                '\u{25CF}',
                '\u{25AA}',
                '\u{2192}',
                '\u{5E02}',
                '\u{D55C}',
                '\u{FF11}',
                '\u{1F4F7}',
                '\u{3C9}',
                '\u{5D0}',
                '\u{627}',
            ]
            .map(String::from),
        );
        firsts.push(String::new());
        for first in &firsts {
            for tail in tails {
                let line = format!("{first}{tail}");
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let sh = shape::shape(line);
                assert_eq!(kind_of(line, &sh), kind_of_plain(line, &sh), "{line:?}");
            }
        }
    }

    #[test]
    fn kinds_from_first_bytes() {
        let k = kinds(
            "  • Bullet item\nPhoto: Reuters\nBy Jane Roe\n18 May 2024\n## Heading\n[T](u)\nPlain text line.",
        );
        assert_eq!(
            k[0],
            Kind::Bullet {
                ordered: false,
                at: 4
            },
            "bullet, its item after the marker's three bytes and a space"
        );
        assert!(
            matches!(
                k[1],
                Kind::Credit {
                    kind: CreditKind::Photo,
                    at: 7
                }
            ),
            "credit"
        );
        assert!(matches!(k[2], Kind::Byline { dated: false }), "byline");
        assert!(matches!(k[3], Kind::Date { updated: false }), "date");
        assert!(matches!(k[4], Kind::Heading { level: 2, .. }), "heading");
        assert!(matches!(k[5], Kind::Link { .. }), "link");
        assert_eq!(k[6], Kind::Text, "prose");
    }

    #[test]
    fn prefilters_pass_what_the_recognisers_take() {
        for line in [
            "Photo: Reuters",
            "Photograph: AP",
            "PHOTOS / Jane Roe",
            "Illustration: Lau Ka-kuen",
            "Image: Getty Images",
            "Foto: dpa",
            "Fot./PAP",
            "Bild: dpa",
            "Photo by Jane Roe",
            "Video: AFP",
            "Credit: Jane Roe",
            "© AFP",
            "(c) AFP",
        ] {
            assert!(credit::credit(line).is_some(), "{line} is a credit");
            assert!(
                may_be_credit(line.as_bytes()),
                "{line} passes the credit gate"
            );
        }
        for line in [
            "By Jane Roe",
            "by\tJane Roe",
            "Written by Jane Roe",
            "Reporting by Jane Roe; Editing by Tom Example",
            "Von Max Mustermann",
            "Por Ana Lima",
            "Par Jean Dupont",
            "Di Mario Rossi",
            "Door Jan Jansen",
            "Av Lars Holm",
            "Przez Jan Kowalski",
            "Autor: Jan Kowalski",
            "Author: Jane Roe",
            "Auteur: Jean Dupont",
            "Text: Max Mustermann",
            "von David · 18. Oktober 2019",
        ] {
            assert!(byline::byline(line).is_some(), "{line} is a byline");
            assert!(
                may_be_byline(line.as_bytes()),
                "{line} passes the byline gate"
            );
        }
        for line in [
            "Published: 9:15am, 18 May 2024",
            "Updated: 11:40am, 18 May 2024",
            "Updated 11:40am",
            "18.05.2024, 14:30 Uhr",
            "Thursday, May 18, 2024",
            "May 18, 2024",
            "2024-05-18T09:15",
            "2024年5月18日 09:15",
            "3 hours ago",
            "vor 2 Stunden",
            "hace 5 horas",
            "il y a 3 heures",
        ] {
            assert!(date::date_line(line).is_some(), "{line} is a date line");
            assert!(
                may_hold_date(line.as_bytes(), digits(line.as_bytes())),
                "{line} passes the date gate"
            );
        }
        assert!(!may_be_credit(b"For the third year running"), "prose");
        assert!(!may_be_byline(b"Bystanders watched"), "no space after By");
        assert!(
            !may_hold_date(b"Tickets cost 12 euros", 2),
            "no date anchor"
        );
    }

    /// The ASCII digits of `b`, as the shape counts them.
    fn digits(b: &[u8]) -> u16 {
        b.iter().filter(|c| c.is_ascii_digit()).count() as u16
    }

    /// The date prefilter in plain words: each pattern looked for at
    /// every offset.
    fn may_hold_date_plain(b: &[u8]) -> bool {
        let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let is = |i: usize, set: &[u8]| b.get(i).is_some_and(|c| set.contains(c));
        let year = (0..b.len()).any(|i| {
            (i == 0 || !digit(i - 1))
                && (i..i + 4).all(digit)
                && !digit(i + 4)
                && (b.get(i..i + 2) == Some(b"19") || b.get(i..i + 2) == Some(b"20"))
        });
        let numbers = (0..b.len()).any(|i| {
            digit(i)
                && ((is(i + 1, b":.") && digit(i + 2) && digit(i + 3))
                    || (is(i + 1, b"./") && digit(i + 2) && is(i + 3, b"./"))
                    || (is(i + 1, b"./") && digit(i + 2) && digit(i + 3) && is(i + 4, b"./")))
        });
        let word_at = |i: usize, w: &[u8]| {
            b.get(i..i + w.len())
                .is_some_and(|x| x.iter().zip(w).all(|(&c, &l)| fold(c) == l))
        };
        let blank_run = |mut j: usize| {
            let k = j;
            while is(j, b" \t") {
                j += 1;
            }
            (j > k).then_some(j)
        };
        let ago = (0..b.len()).any(|i| {
            let Some(j) = blank_run(i + 1).filter(|_| digit(i)) else {
                return false;
            };
            let mut k = j;
            while b.get(k).is_some_and(|c| !b" \t".contains(c)) {
                k += 1;
            }
            k > j && blank_run(k).is_some_and(|m| word_at(m, b"ago"))
        });
        let before_number = (0..b.len()).any(|i| {
            [&b"vor"[..], b"hace", b"il y a"]
                .iter()
                .any(|w| word_at(i, w) && blank_run(i + w.len()).is_some_and(digit))
        });
        year || numbers || ago || before_number
    }

    #[test]
    fn date_prefilter_is_the_plain_one() {
        for line in [
            "",
            "1",
            "12",
            "123",
            "1234",
            "2024",
            "1999",
            "1899",
            "20245",
            "a2024b",
            "12024",
            "12.",
            "12.3",
            "12.34",
            "1.2.",
            "1.23.",
            "1.234.",
            "1/2/",
            "12/34/5",
            ".3",
            "1/",
            "1/2",
            "9:",
            "9:1",
            "9:15",
            "9.15",
            "12 . 3",
            "1a2b3c4d",
            "Tickets cost 12 euros",
            "£86.8 million",
            "2 Stunden vor",
            "vor 2",
            "vor  2",
            "vor\t2",
            "vorx 2",
            "favor 3",
            "VOR 3",
            " AGO",
            "\tago",
            "ago",
            "Chicago 3",
            "3 hours ago",
            "3 HOURS\tAGO",
            "3hours ago",
            "3  ago",
            "3 x  ago",
            "3 días ago",
            "3 hours agony",
            "x 3 hours 4 ago",
            "hac",
            "HACE 5",
            "hace5",
            "il y 3",
            "IL Y A 3",
            "il  y a 3",
            "il y a3",
            "x1.2",
            "12:3x",
            "ab12/34cd",
            "äö 12.5 ü",
            "1.2.2024",
            "١٢٣٤",
        ] {
            let b = line.as_bytes();
            let plain = may_hold_date_plain(b);
            assert_eq!(
                may_hold_date(b, digits(b)),
                plain,
                "same verdict on {line:?}"
            );
            // Without the count (a saturated one), the search runs to the
            // end of the line.
            assert_eq!(may_hold_date(b, u16::MAX), plain, "{line:?} uncounted");
        }
    }

    /// The date prefilter against the plain one where its vector search
    /// turns: runs of digits and the patterns around them at every offset
    /// of the 32-byte steps and the last block, and mixed lines of the
    /// bytes the patterns look at (a fixed generator).
    #[test]
    fn date_prefilter_is_the_plain_one_at_every_offset() {
        let same = |b: &[u8]| {
            let plain = may_hold_date_plain(b);
            assert_eq!(may_hold_date(b, digits(b)), plain, "{b:?}");
            assert_eq!(may_hold_date(b, u16::MAX), plain, "{b:?} uncounted");
        };
        for piece in [
            "2024", "20245", "12.3.", "9:15", "12/34/", "1 x ago", "vor 3", "77", "1 2 3",
        ] {
            for before in 0..80 {
                for after in [0, 1, 2, 5, 16, 31] {
                    let line = format!("{}{piece}{}", "x".repeat(before), "y".repeat(after));
                    same(line.as_bytes());
                    // Two runs, the first of them no date.
                    let line = format!("{}5 {piece}{}", "x".repeat(before), " ".repeat(after));
                    same(line.as_bytes());
                }
            }
        }
        let mix = b"0123456789 .:/x\tagoAGOvrhceil ";
        let mut state = 2024u32;
        for n in 0..3000 {
            let len = n % 90;
            let line: Vec<u8> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    mix.get((state >> 16) as usize % mix.len())
                        .copied()
                        .unwrap_or(b'x')
                })
                .collect();
            same(&line);
        }
    }

    #[test]
    fn lexicon_hits_land_on_their_line() {
        let text = "A line about rivers.\nThis website uses cookies. By continuing to use this site, you accept our use of cookies.";
        let c = classify(text, Lexicon::builtin()).lines;
        assert!(c[0].hit.is_none(), "no phrase in the first line");
        let hit = c[1].boilerplate_hit().expect("cookie line is boilerplate");
        let kind = Lexicon::builtin().meta(hit.phrase).map(|m| m.kind);
        assert_eq!(kind, Some(crate::BoilerplateKind::CookieNotice));
    }
}
