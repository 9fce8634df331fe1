//! Stage 5: build the [`Article`] from the units and the article's extent.
//!
//! Inside the extent, units become the headline, standfirst, byline, dates
//! and body blocks; outside it, teaser cards become sections and everything
//! else becomes boilerplate with its kind and rule. Every line lands in
//! exactly one element.

use std::borrow::Cow;

use crate::Span;
use crate::lexicon::Lexicon;
use crate::model::{Article, Block, Boilerplate, BoilerplateKind, Card, Credit, Section, Text};

use super::classify::{Classification, Classified, Kind, NOT_KEPT};
use super::structure::{AsIndex, Unit};
use crate::construct::{bullet, byline, credit, heading, link};

/// Rule names of the structural rules.
pub(crate) mod rule {
    /// Lines before the article.
    pub const BEFORE: &str = "before-article";
    /// Lines after the article.
    pub const AFTER: &str = "after-article";
    /// Short lines between the headline and the body that are not meta lines.
    pub const BEFORE_BODY: &str = "between-headline-and-body";
    /// Headline-like lines after the article: lists of other stories.
    pub const HEADLINES_AFTER: &str = "headlines-after-article";
    /// Image credits no card takes.
    pub const CREDIT: &str = "credit-line";
    /// Lines of invisible characters.
    pub const INVISIBLE: &str = "invisible";
    /// The `=====` or `-----` line under a setext heading.
    pub const UNDERLINE: &str = "heading-underline";
    /// Doubled headline lines outside the article.
    pub const RELATED_OUTSIDE: &str = "related-outside-article";
    /// The second copy of a headline the page shows twice.
    pub const DOUBLED_HEADLINE: &str = "doubled-headline";
    /// Dates and bylines after the first.
    pub const EXTRA_META: &str = "extra-meta";
    /// Teaser titles under a "related articles" line inside the article.
    pub const RELATED_INSIDE: &str = "related-inside-article";
}

struct Builder<'a, 'l> {
    input: &'a str,
    lines: &'l [Classified<'a>],
    lexicon: &'l Lexicon,
    article: Article<'a>,
    /// The last boilerplate entry may still grow over the next lines.
    open: bool,
    /// How far [`Builder::related_near`] has read the units.
    related: RelatedScan,
}

impl<'a, 'l> Builder<'a, 'l> {
    /// A builder with nothing built yet, over the classified `lines` of
    /// `input`.
    fn new(input: &'a str, lines: &'l [Classified<'a>], lexicon: &'l Lexicon) -> Self {
        Builder {
            input,
            lines,
            lexicon,
            article: Article::default(),
            open: false,
            related: RelatedScan::default(),
        }
    }
}

/// The units read for "related articles" lines, `from..upto`, and the last
/// of them that is one: [`teaser_in_box`] asks of the units in order, and
/// each is read once, not once for each of the lines under it.
#[derive(Default)]
struct RelatedScan {
    from: usize,
    upto: usize,
    last: Option<usize>,
    started: bool,
}

impl<'a> Builder<'a, '_> {
    fn line(&self, i: impl AsIndex) -> Option<&Classified<'a>> {
        self.lines.get(i.at())
    }

    fn text_of(&self, i: impl AsIndex) -> Option<Text<'a>> {
        let c = self.line(i)?;
        Some(Text::new(c.text, c.span(self.input)))
    }

    fn span_of(&self, first: impl AsIndex, last: impl AsIndex) -> Span {
        let a = self
            .line(first)
            .map_or(Span::default(), |c| c.span(self.input));
        let b = self.line(last).map_or(a, |c| c.span(self.input));
        a.cover(b)
    }

    /// Sets a piece aside, merging with the previous piece of the same kind
    /// and rule when nothing came between. Its text is left empty until
    /// [`Builder::texts`]: a run of lines merged one by one is sliced once.
    fn boilerplate(&mut self, kind: BoilerplateKind, rule: Cow<'a, str>, span: Span) {
        if !self.merge(kind, &rule, span) {
            self.push_aside(kind, rule, span);
        }
    }

    /// [`Builder::boilerplate`] for a built-in rule: no rule is built for a
    /// line that merges with the piece above.
    #[inline]
    fn aside(&mut self, kind: BoilerplateKind, rule: &'static str, span: Span) {
        if !self.merge(kind, rule, span) {
            self.push_aside(kind, Cow::Borrowed(rule), span);
        }
    }

    /// Whether the open piece, of `kind` and `rule`, took `span` in.
    #[inline(always)]
    fn merge(&mut self, kind: BoilerplateKind, rule: &str, span: Span) -> bool {
        if self.open
            && let Some(last) = self.article.boilerplate.last_mut()
            && last.kind == kind
            && same_text(&last.rule, rule)
        {
            last.span = last.span.cover(span);
            return true;
        }
        false
    }

    /// A new piece set aside, open to the next lines; its text is left to
    /// [`Builder::texts`].
    fn push_aside(&mut self, kind: BoilerplateKind, rule: Cow<'a, str>, span: Span) {
        self.article.boilerplate.push(Boilerplate {
            kind,
            text: Cow::Borrowed(""),
            rule,
            span,
        });
        self.open = true;
    }

    /// Gives each piece set aside the text of its span, once they are all
    /// placed.
    fn texts(&mut self) {
        let input = self.input;
        for p in &mut self.article.boilerplate {
            p.text = Cow::Borrowed(input.get(p.span.start..p.span.end).unwrap_or(""));
        }
    }

    fn content(&mut self, block: Block<'a>) {
        self.article.body.push(block);
        self.open = false;
    }

    /// The lexicon's kind and rule for a line, if the lexicon decides it.
    fn lexicon_verdict(&self, i: impl AsIndex) -> Option<(BoilerplateKind, Cow<'a, str>)> {
        let hit = self.line(i)?.boilerplate_hit()?;
        let meta = self.lexicon.meta(hit.phrase)?;
        Some((meta.kind, lexicon_rule(&meta.rule)))
    }

    /// Whether the line of unit `j` is a "related articles" line: the kind
    /// of the lexicon's verdict, its rule not taken.
    fn related_line(&self, units: &[Unit], j: usize) -> bool {
        matches!(units.get(j), Some(Unit::Line(i)) if self.line(*i).is_some_and(|l| {
            l.boilerplate_hit()
                .and_then(|h| self.lexicon.meta(h.phrase))
                .is_some_and(|m| m.kind == BoilerplateKind::RelatedList)
        }))
    }

    /// Whether a "related articles" line may stand among the
    /// [`BOX_TEASERS`] units before unit `k`: `false` only if none does.
    /// The units are read once, in order, as the body's lines ask.
    fn related_near(&mut self, units: &[Unit], k: usize) -> bool {
        let lo = k.saturating_sub(BOX_TEASERS);
        if !self.related.started {
            self.related = RelatedScan {
                from: lo,
                upto: lo,
                last: None,
                started: true,
            };
        }
        // Asked out of order: the scan cannot tell.
        if lo < self.related.from || k < self.related.upto {
            return true;
        }
        for j in self.related.upto..k {
            if self.related_line(units, j) {
                self.related.last = Some(j);
            }
        }
        self.related.upto = k;
        self.related.last.is_some_and(|j| j >= lo)
    }

    /// Sets aside a unit outside the article.
    fn outside(&mut self, u: Unit, fallback: BoilerplateKind, fallback_rule: &'static str) {
        match u {
            Unit::Line(i) => {
                let Some(c) = self.line(i) else { return };
                let span = c.span(self.input);
                // The lexicon's verdict, where it decides the line, is
                // that of the line's phrase, weak or not: the one looked up.
                // A built-in phrase's rule is borrowed as it is, as
                // [`Builder::weak_verdict`] would give it; a user phrase's
                // rule is copied.
                let lexicon = self.lexicon;
                let meta = match c.kind {
                    Kind::Credit { .. } => None,
                    _ => c.hit.and_then(|h| lexicon.meta(h.phrase)),
                };
                let (kind, rule) = match (meta, c.kind) {
                    (Some(m), _) => match &m.rule {
                        Cow::Borrowed(r) => (m.kind, *r),
                        Cow::Owned(r) => {
                            return self.boilerplate(m.kind, Cow::Owned(r.clone()), span);
                        }
                    },
                    (None, Kind::Credit { .. }) => (BoilerplateKind::CaptionCredit, rule::CREDIT),
                    (None, _) => (fallback, fallback_rule),
                };
                // Most lines out here merge with the piece above.
                self.aside(kind, rule, span);
            }
            Unit::Related { first, last } => {
                let span = self.span_of(first, last);
                self.aside(BoilerplateKind::RelatedList, rule::RELATED_OUTSIDE, span);
            }
            _ => {
                let span = self.span_of(u.first(), u.last());
                self.aside(fallback, fallback_rule, span);
            }
        }
    }

    /// Outside the article, even a weak phrase names the kind: the kind and
    /// rule of the line's phrase, what [`Builder::lexicon_verdict`] gives
    /// where it gives any (its hit is the line's phrase). What
    /// [`Builder::outside`] takes from a line, its rule borrowed where it
    /// can be: the reference its test compares with.
    #[cfg(test)]
    fn weak_verdict(&self, c: &Classified<'_>) -> Option<(BoilerplateKind, Cow<'a, str>)> {
        let hit = c.hit?;
        let meta = self.lexicon.meta(hit.phrase)?;
        Some((meta.kind, lexicon_rule(&meta.rule)))
    }

    fn card(&self, u: Unit) -> Option<Card<'a>> {
        let Unit::Card {
            credit,
            title,
            bullets_end,
            end,
        } = u
        else {
            return None;
        };
        let credit = u.credit().filter(|_| credit).and_then(|i| {
            let c = self.line(i)?;
            let (kind, at) = match c.kind {
                Kind::Credit { kind, at } if at != NOT_KEPT => (kind, usize::from(at)),
                _ => credit::credit(c.text).map(|f| (f.kind, f.source_at))?,
            };
            // The line's end is trimmed already: only its start is.
            let source = trim_start(c.text.get(at..)?);
            debug_assert_eq!(source, source.trim_end());
            Some(Credit {
                kind,
                source: Cow::Borrowed(source),
                span: c.span(self.input),
            })
        });
        // Room for every line, made once: a collect from a filter grows.
        let (bullets_from, summary_from) = ((title + 1).at(), bullets_end.at());
        let mut bullets = Vec::with_capacity(summary_from.saturating_sub(bullets_from));
        bullets.extend((bullets_from..summary_from).filter_map(|i| self.item(i).map(|(t, _)| t)));
        let mut summary = Vec::with_capacity(end.at().saturating_sub(summary_from));
        summary.extend((summary_from..end.at()).filter_map(|i| self.text_of(i)));
        Some(Card {
            title: Cow::Borrowed(self.line(title)?.text),
            bullets,
            summary,
            credit,
            span: self.span_of(u.first(), u.last()),
        })
    }

    /// A list item's text (without its marker) and whether it is numbered.
    fn item(&self, i: impl AsIndex) -> Option<(Text<'a>, bool)> {
        let c = self.line(i)?;
        let (ordered, at) = match c.kind {
            Kind::Bullet { ordered, at } if at != NOT_KEPT => (ordered, usize::from(at)),
            Kind::Bullet { .. } => bullet::bullet(c.text).map(|f| (f.ordered, f.text_at))?,
            _ => return None,
        };
        // The line's end is trimmed already: only its start is.
        let item = trim_start(c.text.get(at..)?);
        debug_assert_eq!(item, item.trim_end());
        Some((Text::new(item, c.span(self.input)), ordered))
    }

    fn list(&self, start: impl AsIndex, end: impl AsIndex) -> Block<'a> {
        let (start, end) = (start.at(), end.at());
        let mut ordered = false;
        // Room for every line, made once.
        let mut items = Vec::with_capacity(end.saturating_sub(start));
        items.extend((start..end).filter_map(|i| {
            let (item, o) = self.item(i)?;
            ordered |= o;
            Some(item)
        }));
        Block::List {
            items,
            ordered,
            span: self.span_of(start, end.saturating_sub(1)),
        }
    }
}

/// `s.trim_start()`, its ASCII white space skipped byte by byte: only a
/// non-ASCII character after it (rare after a list marker) is left to the
/// Unicode trim. A test compares the two.
#[inline]
fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let n = b
        .iter()
        .take_while(|&&c| super::lines::ascii_space(c))
        .count();
    let rest = s.get(n..).unwrap_or("");
    match rest.as_bytes().first() {
        Some(&c) if !c.is_ascii() => rest.trim_start(),
        _ => rest,
    }
}

/// `a == b`, settled without comparing bytes when both are the same slice
/// (rules are nearly always borrowed from the same static names).
#[inline]
fn same_text(a: &str, b: &str) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

/// Built-in rule names are `'static` and borrowed; a user phrase's rule is copied.
#[allow(clippy::ptr_arg)] // the Cow's variant is what matters
fn lexicon_rule<'a>(rule: &Cow<'static, str>) -> Cow<'a, str> {
    match rule {
        Cow::Borrowed(s) => Cow::Borrowed(s),
        Cow::Owned(s) => Cow::Owned(s.clone()),
    }
}

/// A short line that introduces the paragraphs after it.
fn is_heading_line(c: &Classified<'_>) -> bool {
    c.is_text()
        && !c.shape.sentence_end
        && !c.shape.colon_end
        && c.shape.weight() <= 100
        && c.shape.words <= 14
        && c.boilerplate_hit().is_none()
}

/// A line of prose: a paragraph.
#[inline]
fn is_prose(c: &Classified<'_>) -> bool {
    let w = c.shape.weight();
    c.is_text()
        && c.boilerplate_hit().is_none()
        && (c.shape.sentence_end || w >= 100 || (c.shape.colon_end && w >= 40))
}

/// Least weight of a paragraph that keeps the extent's start above a
/// headline found inside it.
const INTRO_MIN: u32 = 80;

/// Whether unit `k` is a paragraph of prose, not a tagline.
fn prose_unit(units: &[Unit], lines: &[Classified<'_>], k: usize) -> bool {
    matches!(units.get(k), Some(Unit::Line(i))
        if lines.get(i.at()).is_some_and(|c| is_prose(c) && c.shape.weight() >= INTRO_MIN))
}

/// A short label that names a rail of cards ("Deep dives").
fn is_label(c: &Classified<'_>) -> bool {
    c.is_text()
        && !c.shape.sentence_end
        && (2..=60).contains(&c.shape.weight())
        && c.boilerplate_hit().is_none()
}

/// Between the headline and the body's first prose, keep meta lines,
/// prose (but not a sentence of a few words: a button, a name under a
/// picture), related links and pull quotes; set the rest aside.
fn pre_body_keeps(b: &Builder<'_, '_>, u: Unit) -> bool {
    match u {
        Unit::Line(i) => b.line(i).is_some_and(|c| {
            matches!(
                c.kind,
                Kind::Byline { .. } | Kind::Date { .. } | Kind::Credit { .. }
            ) || (is_prose(c) && !(c.shape.weight() < HEAD_SHORT && c.shape.words <= BUTTON_WORDS))
        }),
        Unit::Related { .. } | Unit::PullQuote { .. } => true,
        _ => false,
    }
}

/// Fewest digits of a dateline (a date and a time).
const DATELINE_DIGITS: u16 = 6;
/// Least share of digits in a dateline, in percent of its characters.
const DATELINE_SHARE: u32 = 12;
/// Longest dateline.
const DATELINE_MAX: u32 = 150;

/// A line of many digits that does not end like a sentence: a dateline
/// the date parser did not take ("Site | 04.05.2015 at 13h36 | By ...").
fn dateline(c: &Classified<'_>) -> bool {
    !c.shape.sentence_end
        && c.shape.digits >= DATELINE_DIGITS
        && u32::from(c.shape.digits) * 100 >= DATELINE_SHARE * c.shape.chars
        && super::headline::dated(c.text)
        && c.shape.weight() <= DATELINE_MAX
}

/// Most words of a short sentence set aside before the body ("What's
/// this?", a name under a picture).
const BUTTON_WORDS: u16 = 2;

/// Most leading short lines the body sheds.
const HEAD_TRIM: usize = 4;
/// Weight (characters, CJK counted twice) under which a leading line is
/// too short to open an article's prose.
const HEAD_SHORT: u32 = 40;

/// Short lines at the start of the extent, before its first paragraph, are
/// captions, buttons and labels ("Print", a photo's subject): the body
/// starts at the first longer unit, as long as prose follows. A short
/// sentence of a few words may open the prose and stays.
fn trim_head(units: &[Unit], lines: &[Classified<'_>], first: usize, last: usize) -> usize {
    let mut a = first;
    while a < last && a < first + HEAD_TRIM {
        let short = match units.get(a) {
            Some(Unit::Line(i)) => lines.get(i.at()).is_some_and(|c| {
                c.is_text()
                    && ((c.shape.weight() < HEAD_SHORT
                        && (!c.shape.sentence_end || c.shape.words <= 3))
                        || dateline(c))
            }),
            _ => false,
        };
        if !short {
            break;
        }
        a += 1;
    }
    let prose_follows = units.get(a..=last).unwrap_or(&[]).iter().any(|u| match *u {
        Unit::Line(i) => lines.get(i.at()).is_some_and(is_prose),
        Unit::List { .. } => true,
        _ => false,
    });
    // A line that starts in lower case goes on with the sentence above it.
    let continues = match units.get(a) {
        Some(Unit::Line(i)) => lines.get(i.at()).is_some_and(|c| c.shape.lower_start()),
        _ => false,
    };
    if prose_follows && !continues {
        a
    } else {
        first
    }
}

/// Marks the labels that stand before each run of cards: up to four short
/// label lines directly before the run's first card. A page without cards
/// gets an empty list (no unit a label), not one the length of its units.
fn rail_labels(units: &[Unit], lines: &[Classified<'_>]) -> Vec<bool> {
    let mut label = Vec::new();
    for (k, u) in units.iter().enumerate() {
        let starts_run = matches!(u, Unit::Card { .. })
            && (k == 0 || !matches!(units.get(k - 1), Some(Unit::Card { .. })));
        if !starts_run {
            continue;
        }
        if label.is_empty() {
            label = vec![false; units.len()];
        }
        for j in (k.saturating_sub(4)..k).rev() {
            match units.get(j) {
                Some(Unit::Line(i))
                    if lines.get(i.at()).is_some_and(is_label)
                        && !label.get(j).copied().unwrap_or(true) =>
                {
                    if let Some(l) = label.get_mut(j) {
                        *l = true;
                    }
                }
                _ => break,
            }
        }
    }
    label
}

/// Most pieces set aside that [`assemble`] makes room for at once.
const SET_ASIDE_ROOM: usize = 64;

/// Builds the article.
pub(crate) fn assemble<'a>(
    input: &'a str,
    classification: &Classification<'a>,
    units: &[Unit],
    extent: Option<(usize, usize)>,
    clean: bool,
    lexicon: &Lexicon,
) -> Article<'a> {
    let lines = &classification.lines;
    let mut b = Builder::new(input, lines, lexicon);
    let labels = rail_labels(units, lines);
    let (head, first, last) = match extent {
        Some((first, last)) => {
            // A clean copy's headline is its first line, if that is an
            // underlined title or a title-shaped line before the rest.
            let head = if clean {
                (opens_with_heading(units, lines)
                    || super::headline::opens_with_title(units, lines, last))
                .then_some(0)
            } else {
                super::headline::find(units, lines, first, last)
            };
            // Prose in the extent before a headline found inside it is the
            // article's (an intro above a repeated title): it stays.
            let start = match head {
                Some(h) if h > first && (first..h).any(|k| prose_unit(units, lines, k)) => first,
                Some(h) => h,
                None => first,
            };
            (head, start, last)
        }
        None => (None, usize::MAX, 0),
    };
    // Room for what the units become, so that the lists do not grow by
    // doubling line by line: a block at most per unit of the extent, and
    // the pieces set aside (merged runs, most often fewer than the units
    // outside) up to a bound.
    let inside = if first <= last { last - first + 1 } else { 0 };
    b.article.body.reserve(inside.min(units.len()));
    b.article
        .boilerplate
        .reserve((units.len() - inside.min(units.len())).clamp(8, SET_ASIDE_ROOM));
    // Between the headline and the prose the extent starts with, only meta
    // lines and prose belong to the article.
    // A clean copy has no chrome to shed.
    let core = match extent {
        Some((f, _)) if clean => f,
        Some((f, l)) => trim_head(units, lines, f, l),
        None => usize::MAX,
    };
    let ext_first = extent.map_or(usize::MAX, |(f, _)| f);
    let mut section: Option<usize> = None;
    for (k, &u) in units.iter().enumerate() {
        let inside = k >= first && k <= last;
        if Some(k) == head {
            if let Unit::Line(i) | Unit::Related { first: i, .. } | Unit::PullQuote { quote: i, .. } =
                u
                && let Some(mut t) = b.text_of(i)
            {
                // A Markdown heading's text, without its marks.
                if let Some(c) = b.line(i)
                    && matches!(c.kind, Kind::Heading { .. })
                {
                    t.text = Cow::Borrowed(heading::words(c.text));
                }
                b.article.headline = Some(t);
                b.open = false;
            }
            // The line under a headline that was taken for a pull quote.
            if let Unit::PullQuote { name, .. } = u {
                if b.line(name).is_some_and(|c| {
                    matches!(c.kind, Kind::Byline { .. } | Kind::Date { .. }) || is_prose(c)
                }) {
                    body_line(&mut b, units, k, name.at(), head);
                } else {
                    b.outside(Unit::Line(name), BoilerplateKind::Other, rule::BEFORE_BODY);
                }
            }
            // The copy of a doubled headline.
            if let Unit::Related { first, last } = u
                && first < last
            {
                let span = b.span_of(first + 1, last);
                b.boilerplate(
                    BoilerplateKind::Other,
                    Cow::Borrowed(rule::DOUBLED_HEADLINE),
                    span,
                );
            }
            section = None;
            continue;
        }
        if inside {
            section = None;
            if k < core && (k >= ext_first || !pre_body_keeps(&b, u)) {
                b.outside(u, BoilerplateKind::Other, rule::BEFORE_BODY);
            } else {
                body_unit(&mut b, units, k, head);
            }
            continue;
        }
        // Outside the article: rails and boilerplate.
        if labels.get(k).copied().unwrap_or(false)
            && let Unit::Line(i) = u
            && let Some(c) = b.line(i)
        {
            b.article.sections.push(Section {
                title: Cow::Borrowed(c.text),
                span: c.span(b.input),
                cards: Vec::new(),
            });
            b.open = false;
            section = Some(b.article.sections.len() - 1);
            continue;
        }
        if matches!(u, Unit::Card { .. })
            && let Some(card) = b.card(u)
        {
            let target = match section {
                Some(s) => s,
                None => {
                    b.article.sections.push(Section {
                        title: Cow::Borrowed(""),
                        span: card.span,
                        cards: Vec::new(),
                    });
                    b.article.sections.len() - 1
                }
            };
            if let Some(s) = b.article.sections.get_mut(target) {
                s.span = s.span.cover(card.span);
                s.cards.push(card);
            }
            b.open = false;
            section = Some(target);
            continue;
        }
        section = None;
        if k < first {
            b.outside(u, BoilerplateKind::Navigation, rule::BEFORE);
        } else if let Unit::Line(i) = u
            && b.line(i).is_some_and(super::headline::title_shaped)
        {
            b.outside(u, BoilerplateKind::RelatedList, rule::HEADLINES_AFTER);
        } else {
            b.outside(u, BoilerplateKind::Footer, rule::AFTER);
        }
    }
    if head.is_none() && !clean {
        promote_opening_title(&mut b.article, lines, input);
    }
    b.texts();
    place_aside(
        &mut b.article,
        [
            (
                &classification.underlines[..],
                BoilerplateKind::Other,
                rule::UNDERLINE,
            ),
            (
                &classification.invisible[..],
                BoilerplateKind::Whitespace,
                rule::INVISIBLE,
            ),
        ],
        input,
    );
    b.article
}

/// An article with no headline and no byline or date whose first block is
/// a heading or a title-shaped line, with more after it, opens with its
/// headline: the line a clean copy of it would start with (and that such a
/// copy, parsed, takes for the headline).
fn promote_opening_title<'a>(article: &mut Article<'a>, lines: &[Classified<'a>], input: &'a str) {
    if article.byline.is_some() || article.published.is_some() || article.updated.is_some() {
        return;
    }
    // The first block a text rendering shows (it leaves out related links
    // and pull quotes), and more rendered after it.
    let rendered =
        |b: &Block<'_>| !matches!(b, Block::RelatedLink { .. } | Block::PullQuote { .. });
    let Some(k) = article.body.iter().position(rendered) else {
        return;
    };
    if !article.body.iter().skip(k + 1).any(rendered) {
        return;
    }
    let title = match article.body.get(k) {
        Some(Block::Heading { .. }) => true,
        Some(Block::Paragraph(p)) => {
            let at = lines.partition_point(|c| c.span(input).start < p.span.start);
            lines
                .get(at)
                .is_some_and(|c| c.span(input) == p.span && super::headline::title_shaped(c))
        }
        _ => false,
    };
    if !title {
        return;
    }
    match article.body.remove(k) {
        Block::Paragraph(t) => article.headline = Some(t),
        Block::Heading { text, span, .. } => article.headline = Some(Text { text, span }),
        _ => {}
    }
}

/// The text opens with a heading: Markdown's `#` or an underlined title.
fn opens_with_heading(units: &[Unit], lines: &[Classified<'_>]) -> bool {
    matches!(units.first(), Some(Unit::Line(i))
        if lines.get(i.at()).is_some_and(|c| matches!(c.kind, Kind::Heading { .. })))
}

/// One unit inside the article.
fn body_unit<'a>(b: &mut Builder<'a, '_>, units: &[Unit], k: usize, head: Option<usize>) {
    let Some(&u) = units.get(k) else { return };
    match u {
        Unit::Line(i) => body_line(b, units, k, i.at(), head),
        Unit::Related { first, last } => {
            let title = b.line(first).map_or("", |c| c.text);
            let span = b.span_of(first, last);
            b.content(Block::RelatedLink {
                title: Cow::Borrowed(title),
                url: None,
                span,
            });
        }
        Unit::PullQuote { quote, name } => {
            let text = b.line(quote).map_or("", |c| c.text);
            let text = text.trim_matches(quote_mark);
            let attribution = b.line(name).map(|c| Cow::Borrowed(c.text));
            let span = b.span_of(quote, name);
            b.content(Block::PullQuote {
                text: Cow::Borrowed(text),
                attribution,
                span,
            });
        }
        Unit::List { start, end } => {
            let list = b.list(start, end);
            b.content(list);
        }
        Unit::Card { .. } => {
            if let Some(card) = b.card(u) {
                b.article.sections.push(Section {
                    title: Cow::Borrowed(""),
                    span: card.span,
                    cards: vec![card],
                });
                b.open = false;
            }
        }
    }
}

/// A byline line split: the names, and where a date on the same line
/// starts (one parse of the line).
///
/// `dated` is what the classifier's parse of the line found: a line
/// without a date is not parsed again.
fn byline_parts(text: &str, dated: bool) -> (&str, Option<usize>) {
    let date_at = if dated {
        byline::byline(text).and_then(|found| found.date_at)
    } else {
        None
    };
    let names = text
        .get(..date_at.unwrap_or(text.len()))
        .unwrap_or(text)
        .trim_end_matches(|ch: char| ch.is_whitespace() || byline_sign(ch));
    (names, date_at)
}

/// A quote mark a pull quote's text is trimmed of: one of `“”"‘’'«»„`,
/// matched as characters rather than searched for in a string.
fn quote_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '«' | '»' | '„')
}

/// A sign a byline's names are trimmed of at their end: one of `·|,-–—•/`.
fn byline_sign(c: char) -> bool {
    matches!(c, '·' | '|' | ',' | '-' | '–' | '—' | '•' | '/')
}

fn body_line<'a>(b: &mut Builder<'a, '_>, units: &[Unit], k: usize, i: usize, head: Option<usize>) {
    let Some(&c) = b.line(i) else { return };
    let span = c.span(b.input);
    let text = c.text;
    if let Some((kind, rule)) = b.lexicon_verdict(i) {
        b.boilerplate(kind, rule, span);
        return;
    }
    match c.kind {
        Kind::Byline { dated } if b.article.byline.is_none() => {
            let (names, date_at) = byline_parts(text, dated);
            let cut = date_at.unwrap_or(text.len());
            let date_start = c.text_at(b.input) + cut;
            let byline_span = if date_at.is_some() {
                Span::new(span.start, date_start)
            } else {
                span
            };
            b.article.byline = Some(Text::new(names, byline_span));
            if date_at.is_some() {
                let date = text.get(cut..).unwrap_or("");
                let date_span = Span::new(date_start, span.end);
                if b.article.published.is_none() {
                    b.article.published = Some(Text::new(date, date_span));
                } else {
                    b.boilerplate(
                        BoilerplateKind::Other,
                        Cow::Borrowed(rule::EXTRA_META),
                        date_span,
                    );
                }
            }
            b.open = false;
        }
        // A byline after the first repeats it (an author box, a sticky
        // header): set aside like a second date.
        Kind::Byline { dated }
            if b.article
                .byline
                .as_ref()
                .is_some_and(|t| t.text == byline_parts(text, dated).0) =>
        {
            b.boilerplate(
                BoilerplateKind::Other,
                Cow::Borrowed(rule::EXTRA_META),
                span,
            );
        }
        Kind::Date { updated } => {
            let slot = if updated {
                &mut b.article.updated
            } else {
                &mut b.article.published
            };
            if slot.is_none() {
                *slot = Some(Text::new(text, span));
                b.open = false;
            } else {
                b.boilerplate(
                    BoilerplateKind::Other,
                    Cow::Borrowed(rule::EXTRA_META),
                    span,
                );
            }
        }
        Kind::Credit { .. } => b.boilerplate(
            BoilerplateKind::CaptionCredit,
            Cow::Borrowed(rule::CREDIT),
            span,
        ),
        Kind::Heading { level } => {
            b.content(Block::Heading {
                text: Cow::Borrowed(heading::words(text)),
                level,
                span,
            });
        }
        Kind::Link {} => {
            let found = link::link_line(text);
            let t = found
                .as_ref()
                .and_then(|l| text.get(l.title.0..l.title.1))
                .unwrap_or(text);
            let u = found
                .as_ref()
                .and_then(|l| text.get(l.url.0..l.url.1))
                .map(Cow::Borrowed);
            b.content(Block::RelatedLink {
                title: Cow::Borrowed(t),
                url: u,
                span,
            });
        }
        Kind::Bullet { .. } => {
            let list = b.list(i, i + 1);
            b.content(list);
        }
        Kind::Text if credit_shaped(&c) => b.boilerplate(
            BoilerplateKind::CaptionCredit,
            Cow::Borrowed(rule::CREDIT),
            span,
        ),
        Kind::Text if teaser_in_box(b, units, k, &c) => b.boilerplate(
            BoilerplateKind::RelatedList,
            Cow::Borrowed(rule::RELATED_INSIDE),
            span,
        ),
        Kind::Byline { .. } | Kind::Text => {
            // Asked only of a heading-shaped line: most lines are prose.
            let next_prose = || match units.get(k + 1) {
                Some(Unit::Line(j)) => b.line(j).is_some_and(is_prose),
                _ => false,
            };
            if b.article.body.is_empty()
                && b.article.standfirst.is_none()
                && is_standfirst(b, units, k, head, &c)
            {
                b.article.standfirst = Some(Text::new(text, span));
                b.open = false;
            } else if is_heading_line(&c) && !b.article.body.is_empty() && next_prose() {
                b.content(Block::Heading {
                    text: Cow::Borrowed(text),
                    level: 2,
                    span,
                });
            } else {
                b.content(Block::Paragraph(Text::new(text, span)));
            }
        }
    }
}

/// Longest caption line a credit's shape marks.
const CAPTION_MAX: u32 = 250;
/// Longest credit in parentheses at a caption's end, in bytes.
const CREDIT_TAIL: usize = 80;

/// A caption or picture credit by its shape: a copyright sign, a closing
/// parenthesis that holds a label and a source ("(Photo: Agency)",
/// "(Quelle: A/B)"), or a few words with a slash before a space
/// ("AGENCY / NAME").
fn credit_shaped(c: &Classified<'_>) -> bool {
    let w = c.shape.weight();
    // Code ("x; // y") and addresses are not captions.
    if w > CAPTION_MAX || c.boilerplate_hit().is_some() {
        return false;
    }
    // A line's text is trimmed of more than white space already.
    let t = c.text;
    debug_assert_eq!(t, t.trim_end());
    let b = t.as_bytes();
    let short = w <= 50 && c.shape.words <= 6 && !c.shape.sentence_end && c.shape.digits == 0;
    // An ASCII line (as many characters as bytes) has no `©`: unless it
    // ends in `)` or has the short shape the last rule asks for, no sign
    // can make it a credit, and it is not searched.
    if c.shape.chars as usize == b.len() && !short && b.last() != Some(&b')') {
        return false;
    }
    // The signs found by their rarer byte (the `/`, the second of `©`) in
    // one `memchr2` pass rather than by string searches: `//` rules the
    // line out wherever it is, `©` marks it, `/ ` is kept for the last
    // rule. `©` is C2 A9: an A9 after a C2 is that character and no
    // other's part.
    let (mut copyright, mut slash_space) = (false, false);
    for p in memchr::memchr2_iter(b'/', 0xA9, b) {
        match (b.get(p), b.get(p + 1)) {
            (Some(b'/'), Some(b'/')) => return false,
            (Some(b'/'), Some(b' ')) => slash_space = true,
            (Some(0xA9), _) if p > 0 && b.get(p - 1) == Some(&0xC2) => copyright = true,
            _ => {}
        }
    }
    if copyright {
        return true;
    }
    if let Some(inner) = t.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && let Some(tail) = inner.get(open + 1..)
        && tail.len() <= CREDIT_TAIL
        && tail.contains([':', '/'])
        && tail.chars().any(char::is_alphabetic)
        && !tail.ends_with(['.', '!', '?'])
        && open > 0
    {
        return true;
    }
    short && slash_space
}

/// Most teaser titles under a "related articles" line inside the article.
const BOX_TEASERS: usize = 3;

/// A title-shaped line under a "related articles" line (with at most a few
/// such lines between) is a teaser of another story.
fn teaser_in_box(b: &mut Builder<'_, '_>, units: &[Unit], k: usize, c: &Classified<'_>) -> bool {
    // The shape first: most lines end like a sentence.
    let titleish = |c: &Classified<'_>| {
        c.is_text()
            && !c.shape.sentence_end
            && c.shape.weight() <= 200
            && c.boilerplate_hit().is_none()
    };
    if !titleish(c) || !b.related_near(units, k) {
        return false;
    }
    for j in (k.saturating_sub(BOX_TEASERS)..k).rev() {
        let Some(Unit::Line(i)) = units.get(j) else {
            return false;
        };
        let Some(l) = b.line(*i) else { return false };
        if b.related_line(units, j) {
            return true;
        }
        if !titleish(l) {
            return false;
        }
    }
    false
}

/// The first paragraph under the headline is a standfirst when something
/// other than a paragraph follows it (a related link, a byline or date, a
/// credit) or a wider gap does.
fn is_standfirst(
    b: &Builder<'_, '_>,
    units: &[Unit],
    k: usize,
    head: Option<usize>,
    c: &Classified<'_>,
) -> bool {
    let Some(h) = head else { return false };
    if !is_prose(c) || !(40..=700).contains(&c.shape.weight()) {
        return false;
    }
    // Only meta lines may stand between the headline and this line.
    let only_meta = (h + 1..k).all(|j| match units.get(j) {
        Some(Unit::Line(i)) => b.line(i).is_some_and(|l| {
            matches!(
                l.kind,
                Kind::Byline { .. } | Kind::Date { .. } | Kind::Credit { .. }
            )
        }),
        _ => false,
    });
    if !only_meta {
        return false;
    }
    match units.get(k + 1) {
        Some(Unit::Line(j)) => b.line(j).is_some_and(|n| {
            matches!(
                n.kind,
                Kind::Byline { .. } | Kind::Date { .. } | Kind::Credit { .. }
            ) || n.blanks_before >= 2
        }),
        Some(Unit::Related { .. } | Unit::PullQuote { .. } | Unit::Card { .. }) => true,
        _ => false,
    }
}

/// Lines that are not lines of the article's own (lines of invisible
/// characters, setext underlines) become boilerplate of `kind`, unless a
/// piece around them already covers them (boilerplate merged across them).
fn place_aside<'a>(
    article: &mut Article<'a>,
    groups: [(&[Span], BoilerplateKind, &'static str); 2],
    input: &'a str,
) {
    if groups.iter().all(|(aside, ..)| aside.is_empty()) {
        return;
    }
    // The pieces placed so far, once: the groups are lines apart from
    // one another, so none covers another group's lines.
    let mut covers: Vec<Span> = article.body.iter().map(Block::span).collect();
    covers.extend(article.sections.iter().map(|s| s.span));
    covers.extend(article.boilerplate.iter().map(|b| b.span));
    covers.sort_unstable();
    for (aside, kind, rule) in groups {
        let mut j = 0;
        for &s in aside {
            while covers.get(j).is_some_and(|c| c.end <= s.start) {
                j += 1;
            }
            if covers
                .get(j)
                .is_some_and(|c| c.start <= s.start && c.end >= s.end)
            {
                continue;
            }
            article.boilerplate.push(Boilerplate {
                kind,
                text: Cow::Borrowed(input.get(s.start..s.end).unwrap_or("")),
                rule: Cow::Borrowed(rule),
                span: s,
            });
        }
    }
    article.boilerplate.sort_by_key(|b| b.span.start);
}

#[cfg(test)]
mod tests {
    use crate::parse::classify::classify;

    fn credit(line: &str) -> bool {
        let c = classify(line, crate::lexicon::Lexicon::builtin()).lines;
        c.first().is_some_and(super::credit_shaped)
    }

    #[test]
    fn a_clean_copy_is_all_article() {
        // Parsed, rendered and parsed again: the same article.
        let text = "Harbour ferry returns\n=====================\n\n\
By Jane Roe\n\n\
The ferry sailed again on Monday.\n\n\
Sport\n\nCulture\n\n\
Fares stay the same.";
        let a = crate::parse(text).unwrap();
        assert_eq!(a.headline.as_ref().unwrap().text, "Harbour ferry returns");
        assert_eq!(a.byline.as_ref().unwrap().text, "By Jane Roe");
        // Short lines that would be a page's menu are the copy's own.
        assert_eq!(a.body.len(), 4, "{a:?}");
        assert_eq!(a.boilerplate.len(), 1, "the underline: {:?}", a.boilerplate);
        let copy = a.to_text();
        let b = crate::parse(&copy).unwrap();
        assert_eq!(b.headline.map(|t| t.text), a.headline.map(|t| t.text));
        assert_eq!(b.byline.map(|t| t.text), a.byline.map(|t| t.text));
        assert_eq!(b.body.len(), a.body.len());
    }

    #[test]
    fn an_opening_title_with_no_headline_found_becomes_it() {
        let mut a = crate::Article::default();
        let text = "Harbour ferry returns\nThe ferry sailed again.";
        let lines = classify(text, crate::lexicon::Lexicon::builtin()).lines;
        a.body.push(crate::Block::Paragraph(crate::Text::new(
            "Harbour ferry returns",
            crate::Span::new(0, 21),
        )));
        a.body.push(crate::Block::Paragraph(crate::Text::new(
            "The ferry sailed again.",
            crate::Span::new(22, 45),
        )));
        let mut with_byline = a.clone();
        with_byline.byline = Some(crate::Text::new("By Jane Roe", crate::Span::new(0, 0)));
        super::promote_opening_title(&mut a, &lines, text);
        assert_eq!(a.headline.unwrap().text, "Harbour ferry returns");
        assert_eq!(a.body.len(), 1);
        // A byline would stand first in a copy: no headline then.
        super::promote_opening_title(&mut with_byline, &lines, text);
        assert!(with_byline.headline.is_none());
    }

    #[test]
    fn an_intro_is_a_paragraph_not_a_tagline() {
        let text = "I code stuff. I take photos.\nThe council met late on Monday and argued for hours about the ferry, the pier and the fees.";
        let c = classify(text, crate::lexicon::Lexicon::builtin()).lines;
        let u = [super::Unit::Line(0), super::Unit::Line(1)];
        assert!(!super::prose_unit(&u, &c, 0), "a tagline");
        assert!(super::prose_unit(&u, &c, 1), "a paragraph");
    }

    /// Where the body starts in a text of three lines, one unit each.
    fn trim_three(text: &str) -> usize {
        let c = classify(text, crate::lexicon::Lexicon::builtin()).lines;
        let u = [
            super::Unit::Line(0),
            super::Unit::Line(1),
            super::Unit::Line(2),
        ];
        super::trim_head(&u, &c, 0, 2)
    }

    #[test]
    fn a_dateline_does_not_open_the_body() {
        let text = "Harbour Daily | 04.05.2015 at 13h36 | Jane Doe\n\
The council met late on Monday and argued for hours about the ferry and the pier.\n\
The pier will be rebuilt as a public walkway with benches, lights and a kiosk.";
        assert_eq!(trim_three(text), 1);
    }

    #[test]
    fn a_dateline_in_a_script_without_case_does_not_open_the_body() {
        // A date with a time, then paragraphs in Arabic, which has no case:
        // the paragraph after the dateline does not go on from it.
        let text = "الاثنين، 12 آذار 2023، آخر تحديث 10:45 (بتوقيت المدينة)\n\
قال المجلس البلدي إن العبارة ستعود إلى الميناء بعد إصلاحات طويلة في الحوض الجاف.\n\
وأضاف أن الرصيف القديم سيصبح ممشى عاما فيه مقاعد وأضواء وكشك صغير.";
        assert_eq!(trim_three(text), 1);
    }

    #[test]
    fn credit_signs_are_found_as_a_string_search_finds_them() {
        // The shape test as written with string searches.
        fn reference(c: &crate::parse::classify::Classified<'_>) -> bool {
            let t = c.text.trim_end();
            let w = c.shape.weight();
            if w > super::CAPTION_MAX || c.boilerplate_hit().is_some() || t.contains("//") {
                return false;
            }
            if t.contains('©') {
                return true;
            }
            if let Some(inner) = t.strip_suffix(')')
                && let Some(open) = inner.rfind('(')
                && let Some(tail) = inner.get(open + 1..)
                && tail.len() <= super::CREDIT_TAIL
                && tail.contains([':', '/'])
                && tail.chars().any(char::is_alphabetic)
                && !tail.ends_with(['.', '!', '?'])
                && open > 0
            {
                return true;
            }
            w <= 50
                && c.shape.words <= 6
                && !c.shape.sentence_end
                && c.shape.digits == 0
                && t.contains("/ ")
        }
        let parts = [
            "/", " ", "©", "ª", "é", "Anna", "(", ")", ":", "/ ", "//", "2",
        ];
        let mut n = 0;
        for a in parts {
            for b in parts {
                for d in parts {
                    // Short lines, and longer ones that only a sign makes credits.
                    for line in [
                        format!("A{a}{b}{d}"),
                        format!("Pier {a}x{b}{d} end {a}"),
                        format!("The pier at dawn from the harbour wall {a}x{b}{d} end{a}"),
                        format!("The pier at dawn. {a}{b}{d}"),
                    ] {
                        let c = classify(&line, crate::lexicon::Lexicon::builtin()).lines;
                        if let Some(c) = c.first() {
                            assert_eq!(super::credit_shaped(c), reference(c), "{line:?}");
                            n += usize::from(reference(c));
                        }
                    }
                }
            }
        }
        assert!(n > 100, "credits among the lines: {n}");
    }

    #[test]
    fn a_lines_phrase_gives_the_lexicon_verdict_where_there_is_one() {
        let lexicon = crate::lexicon::Lexicon::builtin();
        let text = "Accept all cookies\n\
Sign up for our newsletter to get the best of the harbour news every morning in your inbox\n\
# Related articles\n\
Related articles\n\
Share this article\n\
Advertisement\n\
Read more: the ferry pier and the old harbour, where the council met on Monday\n\
The council met late on Monday.\n\
© 2024 Harbour Daily. All rights reserved.";
        let classification = classify(text, lexicon);
        let fresh = || super::Builder::new(text, &classification.lines, lexicon);
        let b = fresh();
        let mut hits = 0;
        for (i, c) in classification.lines.iter().enumerate() {
            // Where the lexicon decides a line, it gives the weak verdict.
            let both = b.lexicon_verdict(i).or_else(|| b.weak_verdict(c));
            assert_eq!(b.weak_verdict(c), both, "{:?}", c.text);
            hits += usize::from(b.lexicon_verdict(i).is_some());
            // Set aside outside the article, the line takes that verdict.
            let mut alone = fresh();
            alone.outside(
                super::Unit::Line(i as u32),
                crate::BoilerplateKind::Footer,
                super::rule::AFTER,
            );
            let piece = alone
                .article
                .boilerplate
                .first()
                .map(|p| (p.kind, p.rule.clone()));
            let want = match c.kind {
                crate::parse::classify::Kind::Credit { .. } => (
                    crate::BoilerplateKind::CaptionCredit,
                    std::borrow::Cow::Borrowed(super::rule::CREDIT),
                ),
                _ => b.weak_verdict(c).unwrap_or((
                    crate::BoilerplateKind::Footer,
                    std::borrow::Cow::Borrowed(super::rule::AFTER),
                )),
            };
            assert_eq!(piece, Some(want), "{:?}", c.text);
        }
        assert!(hits >= 3, "lines the lexicon decides: {hits}");
    }

    #[test]
    fn teasers_are_found_as_the_plain_loop_finds_them() {
        // The box test as written before the scan: each line looks back.
        fn reference(b: &super::Builder<'_, '_>, units: &[super::Unit], k: usize) -> bool {
            let titleish = |c: &crate::parse::classify::Classified<'_>| {
                c.is_text()
                    && !c.shape.sentence_end
                    && c.shape.weight() <= 200
                    && c.boilerplate_hit().is_none()
            };
            let Some(super::Unit::Line(i)) = units.get(k) else {
                return false;
            };
            if !b.line(*i).is_some_and(titleish) {
                return false;
            }
            for j in (k.saturating_sub(super::BOX_TEASERS)..k).rev() {
                let Some(super::Unit::Line(i)) = units.get(j) else {
                    return false;
                };
                let Some(l) = b.line(*i) else { return false };
                if l.boilerplate_hit()
                    .and_then(|h| b.lexicon.meta(h.phrase))
                    .is_some_and(|m| m.kind == crate::BoilerplateKind::RelatedList)
                {
                    return true;
                }
                if !titleish(l) {
                    return false;
                }
            }
            false
        }
        let lexicon = crate::lexicon::Lexicon::builtin();
        let text = "Harbour ferry returns to the old pier\n\
Related articles\n\
Council backs the pier plan\n\
Night buses run again\n\
Fares stay the same\n\
Fourth title under the box\n\
The council met late on Monday and argued for hours.\n\
A line without a stop\n\
Related articles\n\
One more title\n\
The ferry sailed again on Monday.\n\
Read more\n\
Last title here";
        let classification = classify(text, lexicon);
        let n = classification.lines.len();
        let units: Vec<super::Unit> = (0..n).map(|i| super::Unit::Line(i as u32)).collect();
        let builder = || super::Builder::new(text, &classification.lines, lexicon);
        let (mut forward, mut backward, mut skipping) = (builder(), builder(), builder());
        let mut teasers = 0;
        for k in 0..n {
            let c = classification.lines.get(k).unwrap();
            let want = reference(&forward, &units, k);
            assert_eq!(
                super::teaser_in_box(&mut forward, &units, k, c),
                want,
                "{k}"
            );
            teasers += usize::from(want);
        }
        for k in (0..n).rev().chain((0..n).step_by(3)) {
            let c = classification.lines.get(k).unwrap();
            let want = reference(&backward, &units, k);
            assert_eq!(
                super::teaser_in_box(&mut backward, &units, k, c),
                want,
                "{k}"
            );
        }
        for k in (1..n).step_by(2) {
            let c = classification.lines.get(k).unwrap();
            let want = reference(&skipping, &units, k);
            assert_eq!(
                super::teaser_in_box(&mut skipping, &units, k, c),
                want,
                "{k}"
            );
        }
        assert!(teasers >= 3, "teasers: {teasers}");
    }

    #[test]
    fn quote_marks_and_byline_signs_are_their_strings() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(super::quote_mark(c), "“”\"‘’'«»„".contains(c), "{c:?}");
            assert_eq!(super::byline_sign(c), "·|,-–—•/".contains(c), "{c:?}");
        }
    }

    #[test]
    fn a_byline_is_parsed_again_only_for_its_date() {
        let text = "By Jane Roe\nBy Jane Roe | 12 March 2024\nVon Max Muster, 3. Mai 2023, 10:45\n\
By Jane Roe and Ali Khan ·\nPor Ana Pérez - 12/03/2024";
        let lines = classify(text, crate::lexicon::Lexicon::builtin()).lines;
        let mut bylines = 0;
        for c in &lines {
            let crate::parse::classify::Kind::Byline { dated } = c.kind else {
                continue;
            };
            bylines += 1;
            // The parts as they were taken, with a parse of their own.
            let date_at = crate::construct::byline::byline(c.text).and_then(|f| f.date_at);
            let names = c
                .text
                .get(..date_at.unwrap_or(c.text.len()))
                .unwrap_or(c.text)
                .trim_end_matches(|ch: char| ch.is_whitespace() || "·|,-–—•/".contains(ch));
            assert_eq!(
                super::byline_parts(c.text, dated),
                (names, date_at),
                "{:?}",
                c.text
            );
        }
        assert!(bylines >= 4, "bylines: {bylines}");
    }

    #[test]
    fn credits_by_shape() {
        assert!(credit("The old pier at dawn © Jane Doe"));
        assert!(credit("The old pier at dawn. (Photo: Harbour Agency)"));
        assert!(credit("AGENCY / JANE DOE"));
        assert!(!credit("let x = 1; // a comment / not a credit"));
        assert!(!credit("cert = /etc/ssl/pier.pem"));
        assert!(!credit("The board voted (about 2/3 of members agreed.)"));
    }

    #[test]
    fn trim_start_is_std_trim_start() {
        let parts = [
            "", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\u{85}", "\u{a0}", "\u{2003}",
            "\u{3000}", "a", "é", "-", "東",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let t = format!("{a}{b}{c}x");
                    assert_eq!(super::trim_start(&t), t.trim_start(), "{t:?}");
                    assert_eq!(
                        super::trim_start(&t[..t.len() - 1]),
                        t[..t.len() - 1].trim_start()
                    );
                }
            }
        }
        for b in 0..=0x7fu8 {
            let t = format!("{}y", b as char);
            assert_eq!(super::trim_start(&t), t.trim_start(), "{b}");
        }
    }
}
