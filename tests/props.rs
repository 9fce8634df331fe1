//! Property tests: every input that can exist will reach the parser.
//!
//! Two sources of input: generated *pages* (headlines, paragraphs, bullets,
//! credits, doubled related lines, pull quotes, lexicon phrases, menus, cards,
//! blank runs, every line ending, tabs, BOM, zero-width and no-break spaces,
//! CJK, right-to-left text, combining marks, emoji) and arbitrary strings and
//! bytes. The properties:
//!
//! - parsing never panics, and refuses exactly the input the errors describe;
//! - every span is in bounds, on char boundaries, and its source contains the
//!   element's text; top-level spans are ordered and disjoint; nested spans
//!   lie inside their parent (`common::check` and [`nested`]);
//! - lossless: the non-blank lines rebuilt from the top-level spans are the
//!   input's non-blank lines ([`rebuilt_lines`]);
//! - deterministic: same input, same article, through every entry point;
//!   `into_owned` and a JSON round trip give an equal article;
//! - stable: parsing `to_text()` again gives the same headline and paragraphs.
//!
//! Cases per property: `PROPTEST_CASES` (CI sets 2000), 256 by default.
//! Failures are kept in `proptest-regressions/props.txt` and replayed first.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use newsprint::{Article, Block, BoilerplateKind, Error, Options, Parser, Span};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/props.txt",
        ))),
        ..ProptestConfig::with_cases(cases)
    }
}

// ---- the properties ----------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// Generated pages parse, keep every invariant and lose no line.
    #[test]
    fn pages_keep_the_invariants(page in page()) {
        let article = newsprint::parse(&page).unwrap();
        invariants(&page, &article)?;
    }

    /// Generated pages parse the same way every time, through every entry
    /// point, and survive `into_owned` and JSON unchanged.
    #[test]
    fn pages_parse_deterministically(page in page()) {
        deterministic(&page)?;
    }

    /// Rendering a page's article as text and parsing that again keeps its
    /// headline and body paragraphs.
    #[test]
    fn text_rendering_is_stable(page in page()) {
        let article = newsprint::parse(&page).unwrap();
        stable(&article)?;
    }

    /// Pages parsed with options switched off still keep every invariant.
    #[test]
    fn pages_keep_the_invariants_under_any_options(
        page in page(),
        (pull_quotes, related_links, cards) in any::<(bool, bool, bool)>(),
        disabled in 0..DISABLED.len(),
    ) {
        let parser = parser((pull_quotes, related_links, cards), disabled);
        let article = parser.parse(&page).unwrap();
        invariants(&page, &article)?;
    }

    /// Any string: never a panic, errors exactly for the input they describe,
    /// and every article keeps the invariants.
    #[test]
    fn any_string_keeps_the_invariants(s in any::<String>()) {
        any_text(&s)?;
    }

    /// Strings over the characters the recognisers care about, so that
    /// bullets, credits, quotes, links and line ends meet in every order.
    #[test]
    fn marker_soup_keeps_the_invariants(s in MARKER_SOUP) {
        any_text(&s)?;
        deterministic_if_ok(&s)?;
    }

    /// Any bytes: `parse_bytes` refuses invalid UTF-8 at the right offset and
    /// otherwise agrees with `parse`.
    #[test]
    fn any_bytes_are_refused_or_parsed(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let got = newsprint::parse_bytes(&bytes);
        let nul = bytes.iter().position(|&b| b == 0);
        match std::str::from_utf8(&bytes) {
            Ok(s) => prop_assert_eq!(got, newsprint::parse(s)),
            Err(e) => match (nul, got) {
                (Some(at), Err(Error::Binary { offset })) => prop_assert_eq!(offset, at),
                (None, Err(Error::InvalidUtf8 { offset })) => {
                    prop_assert_eq!(offset, e.valid_up_to());
                }
                (_, other) => prop_assert!(false, "invalid UTF-8 gave {:?}", other),
            },
        }
    }
}

/// Sets of kinds to switch off: each set compiles a lexicon, so there are few.
const DISABLED: &[&[BoilerplateKind]] = &[
    &[],
    &[BoilerplateKind::CookieNotice, BoilerplateKind::Media],
    &[
        BoilerplateKind::Navigation,
        BoilerplateKind::RelatedList,
        BoilerplateKind::Legal,
    ],
    &BoilerplateKind::ALL,
];

/// A parser for the options, compiled once per set of options.
fn parser(switches: (bool, bool, bool), disabled: usize) -> Parser {
    type Key = ((bool, bool, bool), usize);
    static PARSERS: OnceLock<Mutex<HashMap<Key, Parser>>> = OnceLock::new();
    let mut map = PARSERS.get_or_init(Mutex::default).lock().unwrap();
    map.entry((switches, disabled))
        .or_insert_with(|| {
            let mut o = Options::default();
            (o.pull_quotes, o.related_links, o.cards) = switches;
            o.disabled_kinds = DISABLED[disabled].to_vec();
            Parser::new(o)
        })
        .clone()
}

// ---- checks ------------------------------------------------------------------

fn invariants(input: &str, a: &Article<'_>) -> Result<(), TestCaseError> {
    if let Err(e) = common::check(input, a) {
        return Err(TestCaseError::fail(format!("{e}\ninput: {input:?}")));
    }
    if let Err(e) = nested(input, a) {
        return Err(TestCaseError::fail(format!("{e}\ninput: {input:?}")));
    }
    let want = nonblank_lines(input);
    let got = rebuilt_lines(input, a);
    prop_assert_eq!(
        got,
        want,
        "lines rebuilt from the spans differ from the input's"
    );
    Ok(())
}

fn any_text(s: &str) -> Result<(), TestCaseError> {
    match newsprint::parse(s) {
        Ok(a) => {
            prop_assert!(
                !s.is_empty() && !s.contains('\0') && !s.chars().all(blank_char),
                "refusable input was parsed: {s:?}"
            );
            invariants(s, &a)
        }
        Err(Error::Empty) => {
            prop_assert!(s.is_empty());
            Ok(())
        }
        Err(Error::Binary { offset }) => {
            prop_assert_eq!(Some(offset), s.find('\0'));
            Ok(())
        }
        Err(Error::Blank { len }) => {
            prop_assert_eq!(len, s.len());
            prop_assert!(s.chars().all(blank_char), "not blank: {s:?}");
            Ok(())
        }
        Err(e) => Err(TestCaseError::fail(format!(
            "unexpected error {e:?} for {s:?}"
        ))),
    }
}

fn deterministic_if_ok(s: &str) -> Result<(), TestCaseError> {
    if newsprint::parse(s).is_ok() {
        deterministic(s)?;
    }
    Ok(())
}

fn deterministic(input: &str) -> Result<(), TestCaseError> {
    let a = newsprint::parse(input).unwrap();
    prop_assert_eq!(
        &a,
        &newsprint::parse(input).unwrap(),
        "second parse differs"
    );
    prop_assert_eq!(&a, &newsprint::parse_bytes(input.as_bytes()).unwrap());
    prop_assert_eq!(
        &a,
        &newsprint::parse_with(input, &Options::default()).unwrap()
    );
    prop_assert_eq!(&a, &Parser::default().parse(input).unwrap());
    let json = serde_json::to_string(&a).unwrap();
    let back: Article<'_> = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(&back, &a, "JSON round trip");
    prop_assert_eq!(a.clone().into_owned(), a, "into_owned");
    Ok(())
}

fn stable(a: &Article<'_>) -> Result<(), TestCaseError> {
    if a.paragraphs().next().is_none() {
        // A headline alone (or nothing) is not an article: a lone line read
        // back is rightly not taken for a headline.
        return Ok(());
    }
    let text = a.to_text();
    let b = newsprint::parse(&text).unwrap();
    let head = |x: &Article<'_>| x.headline.as_ref().map(|t| t.text.to_string());
    prop_assert_eq!(head(&b), head(a), "headline changed; rendered:\n{}", text);
    // Plain text cannot mark a heading or a standfirst (the byline and the
    // related links that set one off are not rendered), so either may come
    // back as a paragraph: compare the text of all three together, in order.
    prop_assert_eq!(
        prose(&b),
        prose(a),
        "paragraphs changed; rendered:\n{}",
        text
    );
    Ok(())
}

/// The text of the standfirst and the body's paragraphs and headings, in
/// order: what the text renderer shows as paragraphs.
fn prose(a: &Article<'_>) -> Vec<String> {
    let body = a.body.iter().filter_map(|b| match b {
        Block::Paragraph(t) => Some(t.text.to_string()),
        Block::Heading { text, .. } => Some(text.to_string()),
        _ => None,
    });
    a.standfirst
        .iter()
        .map(|t| t.text.to_string())
        .chain(body)
        .collect()
}

/// The body, sections and boilerplate are each in input order, and nested
/// spans lie inside their parents, in order: list items in their list, cards
/// in their section, a card's credit, bullets and summary in it.
fn nested(input: &str, a: &Article<'_>) -> Result<(), String> {
    let inside = |child: Span, parent: Span, what: &str| {
        if child.start < parent.start || child.end > parent.end || child.start > child.end {
            Err(format!("{what} {child:?} outside its parent {parent:?}"))
        } else {
            Ok(())
        }
    };
    let ordered = |spans: &[Span], what: &str| {
        for w in spans.windows(2) {
            if w[1].start < w[0].end {
                return Err(format!("{what} spans out of order: {:?} {:?}", w[0], w[1]));
            }
        }
        Ok(())
    };
    // Each list of the article is in input order.
    ordered(&a.body.iter().map(Block::span).collect::<Vec<_>>(), "body")?;
    ordered(
        &a.sections.iter().map(|s| s.span).collect::<Vec<_>>(),
        "section",
    )?;
    ordered(
        &a.boilerplate.iter().map(|b| b.span).collect::<Vec<_>>(),
        "boilerplate",
    )?;
    for b in &a.body {
        if let Block::List { items, span, .. } = b {
            for it in items {
                inside(it.span, *span, "list item")?;
            }
            ordered(
                &items.iter().map(|t| t.span).collect::<Vec<_>>(),
                "list item",
            )?;
        }
    }
    for s in &a.sections {
        let mut cards = Vec::new();
        for c in &s.cards {
            inside(c.span, s.span, "card")?;
            cards.push(c.span);
            let mut parts: Vec<Span> = c.credit.iter().map(|cr| cr.span).collect();
            parts.extend(c.bullets.iter().chain(&c.summary).map(|t| t.span));
            for p in &parts {
                inside(*p, c.span, "card part")?;
            }
            let src = &input[c.span.start..c.span.end];
            if !src.contains(c.title.as_ref()) {
                return Err(format!("card source {src:?} lacks its title {:?}", c.title));
            }
        }
        ordered(&cards, "card")?;
    }
    Ok(())
}

/// White space as the model trims it: Unicode white space, zero-width
/// spaces and the byte order mark. Input of nothing else is refused as blank.
fn blank_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn trim_ascii(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_ascii() && ascii_space(c as u8))
}

/// The input's non-blank lines, trimmed of ASCII white space, in order.
fn nonblank_lines(s: &str) -> Vec<String> {
    s.split(['\n', '\r'])
        .map(trim_ascii)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// The non-blank lines of a text rebuilt from the top-level spans alone:
/// each span's source, with the line breaks (and only the white space) of
/// the gaps between spans. A byte no span covers is missing from the result;
/// a byte two spans cover appears twice.
fn rebuilt_lines(input: &str, a: &Article<'_>) -> Vec<String> {
    let mut top: Vec<Span> = common::spans(a)
        .into_iter()
        .filter(|(_, top, _)| *top)
        .map(|(s, _, _)| s)
        .collect();
    top.sort();
    let mut out = String::new();
    let mut at = 0;
    let gap = |out: &mut String, g: &str| {
        for c in g.chars() {
            if c == '\n' || c == '\r' {
                out.push('\n');
            } else if c.is_ascii() && ascii_space(c as u8) {
                out.push(c);
            }
        }
    };
    for s in top {
        if s.start > at {
            gap(&mut out, &input[at..s.start]);
        }
        out.push_str(&input[s.start..s.end]);
        at = at.max(s.end);
    }
    gap(&mut out, &input[at..]);
    nonblank_lines(&out)
}

// ---- generated pages ---------------------------------------------------------

/// Characters the recognisers branch on, with line ends and odd spaces.
const MARKER_SOUP: &str = "[a-zA-Z0-9 .,:;!?'\"“”‘’•·–*+#=()\\[\\]/©\u{a0}\u{200b}\u{feff}\t\r\n\u{5d0}-\u{5d4}城市新闻。é\u{301}😀-]{0,300}";

const WORDS: &[&str] = &[
    "the",
    "river",
    "council",
    "said",
    "on",
    "Monday",
    "after",
    "three",
    "weeks",
    "of",
    "flood",
    "barrier",
    "mayor",
    "residents",
    "town",
    "officials",
    "money",
    "design",
    "water",
    "night",
    "school",
    "bridge",
    "train",
    "plan",
    "budget",
    "vote",
    "winter",
    "storm",
    "ferry",
    "harbour",
    "a",
    "in",
    "and",
    "to",
    "for",
    "with",
    "was",
    "by",
    "photo",
    "news",
    "cookies",
    "subscribe",
    "£21",
    "40cm",
    "2019",
    "9:15am",
    "18",
    "May",
    "2024",
];
const CJK: &[&str] = &[
    "城市",
    "新闻",
    "洪水",
    "市长说",
    "周一",
    "东京",
    "ニュース",
    "서울",
];
const RTL: &[&str] = &["שלום", "חדשות", "مرحبا", "أخبار", "הנהר"];
const EMOJI: &[&str] = &["🌊", "🚆", "👩‍👩‍👧", "🇬🇧", "✅"];
const COMBINING: &[&str] = &[
    "cafe\u{301}",
    "n\u{303}o",
    "a\u{308}\u{304}",
    "Z\u{335}\u{31b}",
];
const ODD: &[&str] = &[
    "a\u{200b}b",
    "x\u{a0}y",
    "\u{feff}",
    "\u{200d}",
    "\u{2060}word",
    "\u{202e}rtl\u{202c}",
    "\u{2028}",
    "\u{85}",
];
const SEPS: &[&str] = &[" ", " ", " ", " ", " ", "\t", "\u{a0}", "  ", "\u{200b} "];
const NAMES: &[&str] = &[
    "Elena Marsh",
    "Dev Hallam",
    "Priya Okafor",
    "Ruth Calder",
    "Ursula von der Leyen",
    "Jean-Luc Moreau, mayor",
    "Søren Ås",
];
const CREDITS: &[&str] = &[
    "Photo: Reuters",
    "Illustration: Mira Tollenaar",
    "Photograph: AP",
    "Image: Getty Images",
    "Foto: dpa",
    "Photo by Jane Roe",
    "© AFP",
    "Credit: handout",
];
const META: &[&str] = &[
    "By Jane Roe",
    "By Jane Roe and Sam Poe",
    "Von Max Muster",
    "Published: 9:15am, 18 May 2024",
    "Updated: 10:02am, 18 May 2024",
    "18 May 2024",
    "2024-05-18 09:15",
    "By Jane Roe, 18 May 2024",
];
const MENU: &[&str] = &[
    "Home", "World", "Business", "Sport", "Opinion", "Culture", "Menu", "Search", "Sign in",
];
const MARKERS: &[&str] = &[
    "• ", "  • ", "- ", "* ", "+ ", "1. ", "12) ", "– ", "·\u{a0}",
];

/// The lexicon's phrases, read from its data file.
fn phrases() -> Vec<&'static str> {
    include_str!("../src/lexicon/phrases.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(3))
        .collect()
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => select(WORDS),
        2 => select(CJK),
        2 => select(RTL),
        1 => select(EMOJI),
        1 => select(COMBINING),
        1 => select(ODD),
    ]
    .prop_map(String::from)
}

/// `n` words joined by mostly plain spaces.
fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec((word(), select(SEPS)), n).prop_map(|ws| {
        let mut s = String::new();
        for (k, (w, sep)) in ws.iter().enumerate() {
            if k > 0 {
                s.push_str(sep);
            }
            s.push_str(w);
        }
        s
    })
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

fn title() -> impl Strategy<Value = String> {
    words(4..12).prop_map(|s| capitalise(&s))
}

fn sentence() -> impl Strategy<Value = String> {
    (
        words(5..25),
        select(&[".", ".", ".", "?", "!", "。", ""][..]),
    )
        .prop_map(|(s, end)| capitalise(&s) + end)
}

/// Lines of a page piece; `""` is a blank line.
type Piece = Vec<String>;

fn paragraph() -> impl Strategy<Value = Piece> {
    (prop::collection::vec(sentence(), 1..5), any::<bool>()).prop_map(|(ss, wrapped)| {
        if wrapped {
            ss // hard-wrapped: one sentence a line
        } else {
            vec![ss.join(" ")]
        }
    })
}

fn piece() -> impl Strategy<Value = Piece> {
    let phrases = phrases();
    prop_oneof![
        3 => title().prop_map(|t| vec![t]),
        8 => paragraph(),
        2 => prop::collection::vec((select(MARKERS), words(2..10)), 1..6)
            .prop_map(|bs| bs.into_iter().map(|(m, w)| format!("{m}{w}")).collect()),
        1 => (select(CREDITS), any::<bool>()).prop_map(|(c, alone)| {
            if alone { vec![c.to_string()] } else { vec![c.to_string(), String::new()] }
        }),
        1 => select(META).prop_map(|m| vec![m.to_string()]),
        2 => (title(), any::<bool>()).prop_map(|(t, gap)| {
            // a doubled headline line: a related link
            if gap { vec![t.clone(), String::new(), t] } else { vec![t.clone(), t] }
        }),
        2 => (words(6..14), select(NAMES), words(0..6)).prop_map(|(q, who, more)| {
            // a pull quote, its name line, and the sentence again in the text
            vec![
                format!("“{}”", capitalise(&q)),
                String::new(),
                who.to_string(),
                format!("“{},” {} said {}.", capitalise(&q), who, more),
            ]
        }),
        2 => (select(phrases), any::<bool>(), words(0..4)).prop_map(|(p, cap, tail)| {
            let p = if cap { capitalise(p) } else { p.to_string() };
            vec![if tail.is_empty() { p } else { format!("{p} {tail}") }]
        }),
        1 => prop::collection::vec(select(MENU), 2..8)
            .prop_map(|m| m.into_iter().map(String::from).collect()),
        1 => (select(CREDITS), title(), prop::collection::vec(words(3..10), 1..4), sentence())
            .prop_map(|(c, t, bs, s)| {
                // a teaser card: credit, title, bullets, summary
                let mut v = vec![c.to_string(), String::new(), t, String::new()];
                for b in bs {
                    v.push(format!("  • {b}"));
                    v.push(String::new());
                }
                v.push(s);
                v
            }),
        1 => (1u8..4, words(2..8)).prop_map(|(n, t)| vec![format!("{} {t}", "#".repeat(n.into()))]),
        // a setext heading: a title underlined with `=` or `-`
        1 => (title(), select(&["===", "-----", "=================="][..]))
            .prop_map(|(t, u)| vec![t, u.to_string()]),
        1 => words(2..6).prop_map(|t| vec![format!("[{t}](https://example.org/a/1)")]),
        1 => any::<String>().prop_map(|s| vec![s.replace('\0', "")]),
    ]
}

/// Words of article prose: no phrase of page chrome among them.
fn prose_words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let plain: Vec<&str> = WORDS
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "cookies" | "subscribe" | "photo" | "news"))
        .collect();
    let word = prop_oneof![
        20 => select(plain),
        2 => select(CJK),
        2 => select(RTL),
        1 => select(EMOJI),
        1 => select(COMBINING),
    ];
    prop::collection::vec(word, n).prop_map(|ws| ws.join(" "))
}

/// A sentence of article prose that ends like one.
fn full_sentence() -> impl Strategy<Value = String> {
    (
        prose_words(6..25),
        select(&[".", ".", ".", "?", "!", "。"][..]),
    )
        .prop_map(|(s, end)| capitalise(&s) + end)
}

/// A clean article, as a copy-paste or the text renderer gives one: a
/// headline, maybe a byline and a date, then paragraphs of sentences with
/// an occasional subheading, blank lines between.
fn clean_article() -> impl Strategy<Value = String> {
    (
        prose_words(4..12).prop_map(|s| capitalise(&s)),
        prop::option::of(select(
            &["By Jane Roe", "By Jane Roe and Sam Poe", "Von Max Muster"][..],
        )),
        prop::option::of(select(
            &[
                "18 May 2024",
                "2024-05-18 09:15",
                "Published: 9:15am, 18 May 2024",
            ][..],
        )),
        prop::collection::vec(
            (
                prop::collection::vec(full_sentence(), 1..5),
                prop::option::weighted(0.15, prose_words(2..8).prop_map(|s| capitalise(&s))),
            ),
            2..12,
        ),
    )
        .prop_map(|(headline, byline, date, paragraphs)| {
            let mut blocks = vec![headline];
            blocks.extend(byline.map(String::from));
            blocks.extend(date.map(String::from));
            for (k, (sentences, heading)) in paragraphs.into_iter().enumerate() {
                if k > 0 {
                    blocks.extend(heading);
                }
                blocks.push(sentences.join(" "));
            }
            blocks.join("\n\n")
        })
}

/// Blank lines, some holding spaces, tabs or invisible characters.
const BLANKS: &[&str] = &[
    "",
    "",
    "",
    " ",
    "\t",
    "  \t ",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}\u{a0}",
];
const ENDS: &[&str] = &["\n", "\n", "\n", "\n", "\n", "\n", "\r\n", "\r\n", "\r"];

/// A page: pieces separated by blank runs, lines ended by `\n`, `\r\n` or a
/// lone `\r`, perhaps a BOM first and a trailing line end.
fn page() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((piece(), 0usize..4), 1..24),
        prop::collection::vec(
            (
                select(ENDS),
                select(BLANKS),
                select(&["", "", " ", "\t"][..]),
            ),
            1..64,
        ),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(pieces, style, bom, trailing)| {
            let mut lines: Vec<String> = Vec::new();
            for (k, (p, blanks)) in pieces.into_iter().enumerate() {
                if k > 0 {
                    lines.extend(std::iter::repeat_n(String::new(), blanks));
                }
                lines.extend(p);
            }
            let mut out = String::new();
            if bom {
                out.push('\u{feff}');
            }
            for (k, l) in lines.iter().enumerate() {
                let (end, blank, indent) = style[k % style.len()];
                if k > 0 {
                    out.push_str(end);
                }
                if l.is_empty() {
                    out.push_str(blank);
                } else {
                    out.push_str(indent);
                    out.push_str(l);
                }
            }
            if trailing {
                out.push('\n');
            }
            // A page of white space alone (zero-width and no-break spaces
            // included) is refused as blank: give it a word.
            if out.chars().all(|c| {
                c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
            }) {
                out.push_str("Text");
            }
            out
        })
}

// ---- fixed cases ---------------------------------------------------------------

/// The golden fixtures keep the same properties.
#[test]
fn fixtures_keep_the_properties() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let input = std::fs::read_to_string(&p).unwrap();
        let a = newsprint::parse(&input).unwrap();
        invariants(&input, &a).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        deterministic(&input).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        n += 1;
    }
    assert!(n >= 5, "fixtures found: {n}");
}

/// The line rebuilder sees a lost byte and a doubled one.
#[test]
fn rebuilt_lines_see_loss_and_doubling() {
    let input = "Headline of the test page here\n\nOne paragraph that ends.";
    let mut a = newsprint::parse(input).unwrap();
    assert_eq!(rebuilt_lines(input, &a), nonblank_lines(input));
    fn span<'x>(a: &'x mut Article<'_>) -> &'x mut Span {
        match a.body.first_mut() {
            Some(Block::Paragraph(t)) => &mut t.span,
            _ => panic!("a paragraph first"),
        }
    }
    span(&mut a).end -= 1;
    assert_ne!(
        rebuilt_lines(input, &a),
        nonblank_lines(input),
        "lost the final dot"
    );
    span(&mut a).end += 1;
    span(&mut a).start -= 3;
    assert_ne!(
        rebuilt_lines(input, &a),
        nonblank_lines(input),
        "doubled bytes"
    );
}

/// Minimal pages the stability property once failed on (shrunk by
/// proptest): each is parsed, rendered with `to_text` and parsed again, and
/// the headline and the prose must survive. The extent and headline used to
/// depend on lines the text renderer leaves out (bylines, related links,
/// pull quotes, Markdown heading marks) or on the page's last line; a
/// rendering is now read as the clean copy it is.
const FIXED: &[(&str, &str)] = &[
    (
        "a short paragraph under a byline and date is lost once they stand on lines of their own",
        "By Jane Roe, 18 May 2024\n\nThe the the the",
    ),
    (
        "a paragraph after a Markdown heading and a byline is cut once they are plain lines",
        "The the \u{2060}word river river river ニュース  barrier.\nThe Monday barrier Monday council cafe\u{301} the river.\nCafe\u{301} the flood river flood budget flood residents.\n# the the\nBy Jane Roe\nThe the the the the.",
    ),
    (
        "a paragraph after a Markdown heading, identical to the one before it, is cut as a footer",
        "The the the the the.\n# 城市 the\nThe the the the the.",
    ),
    (
        "a short last line kept as a paragraph is cut once it is the page's last line",
        "The the  river river council Monday the subscribe.\nSchool school  the חדשות river 市长说 the the the.\nThe council Monday the the flood cafe\u{301} the residents.\nThe the the the\nBy Jane Roe\nThe council flood officials  the \u{2060}word חדשות river.",
    ),
    (
        "a heading after a pull quote's paragraph is cut once the pull quote is gone",
        "The the the the\n“The the the the the the”\n\nElena Marsh\n“The the the the the the,” Elena Marsh said .\n# the the\nThe the the the\nThe the the the\nThe the the the",
    ),
    (
        "a repeated byline line is set aside, so it cannot come back as the byline",
        "The the the the\nThe the the the\nBy Jane Roe\nBy Jane Roe\nThe the the the the.",
    ),
    (
        "an article of one question-mark paragraph comes back with it as the headline",
        "• the the\n• the the\n• the the\n城市 the the the Monday the the。\nPhoto: Reuters\n\nThe the the the\n\n  • the the the\n\nCookies the the the river cafe\u{301} flood the the flood?\naccept all cookies",
    ),
    (
        "a Markdown heading before a menu is cut once it is the rendered page's last line",
        "• the the\n• the the\n• the the\n城市 the the the Monday the the。\n\n\n# after after  שלום שלום\nHome\nHome\nBusiness\nSport\nWorld\nOpinion\nCulture",
    ),
    (
        "a paragraph before a pull quote is cut once the pull quote is gone",
        "# after the\n\nThe  the the the the the. The the the the residents Monday  the  the\n“The Monday the 城市 river the”\n\nElena Marsh\n“The Monday the 城市 river the,” Elena Marsh said .",
    ),
    (
        "the headline changes once the byline under it is gone",
        "Residents and council 🌊\nBy Jane Roe\nThe the the the the?\nAnd council the the the.",
    ),
    (
        "the headline is lost once the image credits around it are gone",
        "The the the the\nThe the the the\nPhoto: Reuters\n\nThe the the the\nThe the the the\nResidents flood flood the river\nPhoto: Reuters\n\nCookies 城市 residents the the Monday the river the.",
    ),
];

/// The findings fixed so far stay fixed.
#[test]
fn pages_once_unstable_are_stable() {
    for (what, page) in FIXED {
        let a = newsprint::parse(page).unwrap();
        invariants(page, &a).unwrap();
        stable(&a).unwrap_or_else(|e| panic!("{what}:\n  page {page:?}\n  {e}"));
    }
}

/// How often the stability property fails over generated pages, by what
/// changed: `cargo test --release --test props -- --ignored --nocapture stability_rate`.
#[test]
#[ignore = "a measurement, not a check: prints the failure rate of the stability property"]
fn stability_rate() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let n: usize = std::env::var("STABILITY_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let mut runner = TestRunner::deterministic();
    // STABILITY_CLEAN=1: over clean articles instead of whole pages.
    let strategy = if std::env::var("STABILITY_CLEAN").is_ok() {
        clean_article().boxed()
    } else {
        page().boxed()
    };
    let (mut tested, mut head, mut body) = (0, 0, 0);
    let mut shown = 0;
    let mut classes: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut rules: std::collections::BTreeMap<String, usize> = Default::default();
    for _ in 0..n {
        let page = strategy.new_tree(&mut runner).unwrap().current();
        let a = newsprint::parse(&page).unwrap();
        if a.paragraphs().next().is_none() {
            continue;
        }
        tested += 1;
        let text = a.to_text();
        let b = newsprint::parse(&text).unwrap();
        let h = |x: &Article<'_>| x.headline.as_ref().map(|t| t.text.to_string());
        let head_changed = h(&a) != h(&b);
        let body_changed = prose(&a) != prose(&b);
        head += usize::from(head_changed);
        body += usize::from(body_changed);
        if head_changed || body_changed {
            let (pa, pb) = (prose(&a), prose(&b));
            let class = if h(&a).is_none() && pb.first() == h(&b).as_ref() {
                "first paragraph became the headline"
            } else if head_changed {
                "headline changed"
            } else if pb.len() < pa.len() && pa.starts_with(&pb) {
                "paragraphs lost at the end"
            } else if pb.len() < pa.len() && pa.ends_with(&pb) {
                "paragraphs lost at the start"
            } else if pb.len() > pa.len() {
                "paragraphs gained"
            } else {
                "paragraphs changed"
            };
            *classes.entry(class).or_insert(0usize) += 1;
            if class == "paragraphs lost at the end" {
                let lost = pa.len() - pb.len();
                for bp in &b.boilerplate {
                    if pa
                        .iter()
                        .rev()
                        .take(lost)
                        .any(|p| bp.text.contains(p.as_str()))
                    {
                        *rules.entry(bp.rule.to_string()).or_insert(0usize) += 1;
                    }
                }
            }
        }
        if (head_changed || body_changed) && shown < 8 && std::env::var("STABILITY_SHOW").is_ok() {
            shown += 1;
            eprintln!(
                "--- head {:?} -> {:?}\n{}\n>>> prose {:?}\n<<< prose {:?}\n",
                h(&a),
                h(&b),
                a.to_text(),
                prose(&a),
                prose(&b)
            );
            for bp in &b.boilerplate {
                eprintln!("    set aside by {}: {:?}", bp.rule, bp.text);
            }
            if std::env::var("STABILITY_SHOW").is_ok_and(|v| v == "page") {
                eprintln!("    page {page:?}");
            }
        }
    }
    eprintln!("STABILITY pages={tested} headline_changed={head} prose_changed={body}");
    for (class, count) in classes {
        eprintln!("STABILITY {count:>5}  {class}");
    }
    for (rule, count) in rules {
        eprintln!("STABILITY lost at the end by {rule}: {count}");
    }
}
