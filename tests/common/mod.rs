//! Invariants every parse must keep, shared by the golden, property and
//! regression tests.
#![allow(
    dead_code,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::panic
)]

use newsprint::{Article, Block, Span};

/// Every span of the article with a label, top-level ones flagged.
pub fn spans(a: &Article<'_>) -> Vec<(Span, bool, String)> {
    let mut out = Vec::new();
    for (name, t) in [
        ("headline", &a.headline),
        ("standfirst", &a.standfirst),
        ("byline", &a.byline),
        ("published", &a.published),
        ("updated", &a.updated),
    ] {
        if let Some(t) = t {
            out.push((t.span, true, format!("{name}:{}", t.text)));
        }
    }
    for b in &a.body {
        let text = match b {
            Block::Paragraph(t) => t.text.to_string(),
            Block::Heading { text, .. } | Block::PullQuote { text, .. } => text.to_string(),
            Block::RelatedLink { title, .. } => title.to_string(),
            Block::List { items, .. } => {
                for it in items {
                    out.push((it.span, false, format!("item:{}", it.text)));
                }
                String::new()
            }
            _ => String::new(),
        };
        out.push((b.span(), true, format!("block:{text}")));
    }
    for s in &a.sections {
        out.push((s.span, true, String::new()));
        for c in &s.cards {
            out.push((c.span, false, String::new()));
            if let Some(cr) = &c.credit {
                out.push((cr.span, false, format!("credit:{}", cr.source)));
            }
            for t in c.bullets.iter().chain(&c.summary) {
                out.push((t.span, false, format!("card:{}", t.text)));
            }
        }
    }
    for b in &a.boilerplate {
        out.push((b.span, true, format!("boilerplate:{}", b.text)));
    }
    out
}

fn fold(s: &str) -> String {
    s.split(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    })
    .filter(|w| !w.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

/// Checks the lossless and span invariants; returns the first problem.
pub fn check(input: &str, a: &Article<'_>) -> Result<(), String> {
    let all = spans(a);
    for (s, _, what) in &all {
        if s.start > s.end || s.end > input.len() {
            return Err(format!("span {s:?} out of bounds ({what})"));
        }
        if !input.is_char_boundary(s.start) || !input.is_char_boundary(s.end) {
            return Err(format!("span {s:?} not on char boundaries ({what})"));
        }
        if let Some((_, text)) = what.split_once(':') {
            let src = fold(&input[s.start..s.end]);
            if !src.contains(&fold(text)) {
                return Err(format!(
                    "span {s:?} source {src:?} does not contain {text:?}"
                ));
            }
        }
    }
    let mut top: Vec<Span> = all
        .iter()
        .filter(|(_, t, _)| *t)
        .map(|(s, _, _)| *s)
        .collect();
    top.sort();
    for w in top.windows(2) {
        if w[1].start < w[0].end {
            return Err(format!(
                "top-level spans overlap: {:?} and {:?}",
                w[0], w[1]
            ));
        }
    }
    // Every byte that is not ASCII white space lies in exactly one top-level span.
    let mut covered = vec![0u8; input.len()];
    for s in &top {
        for c in &mut covered[s.start..s.end] {
            *c += 1;
        }
    }
    for (i, b) in input.bytes().enumerate() {
        let blank = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
        if !blank && covered[i] != 1 {
            let line_start = input[..i].rfind('\n').map_or(0, |p| p + 1);
            let line_end = input[i..].find('\n').map_or(input.len(), |p| i + p);
            return Err(format!(
                "byte {i} covered {} times, in line {:?}",
                covered[i],
                &input[line_start..line_end]
            ));
        }
    }
    Ok(())
}

/// Hostile inputs of a given size, shared by `tests/hostile.rs` and
/// `benches/hostile.rs`, and what a parse costs in memory.
pub mod hostile {
    use newsprint::{Article, Block};
    use std::borrow::Cow;

    /// Every shape [`page`] knows.
    pub const SHAPES: &[&str] = &[
        "single-line",
        "blank-lines",
        "identical-lines",
        "identical-titles",
        "related-links",
        "credits",
        "quote-name",
        "bullets",
        "boilerplate",
        "menu",
        "cards",
        "clean-copy",
    ];

    const PROSE: &[&str] = &[
        "The ferry sailed again on Monday after three weeks in dry dock.",
        "Passengers queued from dawn to be on the first crossing, and some brought flasks.",
        "This site uses cookies, and you can accept all cookies or manage them.",
        "Officials said the timetable would return to normal by the end of the month.",
    ];

    /// A page of `shape` of at least `bytes` bytes (a few more at most).
    ///
    /// - `single-line`: prose sentences, lexicon phrases among them, with no line end at all;
    /// - `blank-lines`: a headline, then blank lines (`\n`, ` \n`, `\r\n`, `\t\n`), then a paragraph;
    /// - `identical-lines`: one prose line, over and over;
    /// - `identical-titles`: one headline-like line, over and over (every pair doubled);
    /// - `related-links`: distinct headline lines, each doubled;
    /// - `credits`: image credit lines;
    /// - `quote-name`: the same quote line and name line, alternating (every quote confirmed);
    /// - `bullets`: a title and bullet items;
    /// - `boilerplate`: the lexicon's phrases, one a line;
    /// - `menu`: one-word menu lines;
    /// - `cards`: credit, title, two bullets and a summary, over and over;
    /// - `clean-copy`: an underlined title, then paragraphs and underlined
    ///   headings, each a paragraph of its own (read as a clean copy: all article).
    pub fn page(shape: &str, bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + 512);
        let phrases: Vec<&str> = include_str!("../../src/lexicon/phrases.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(3))
            .collect();
        let mut k = 0usize;
        if matches!(shape, "blank-lines" | "bullets") {
            out.push_str("Harbour ferry returns after storm repairs\n");
        }
        if shape == "clean-copy" {
            out.push_str("Harbour ferry returns after storm repairs\n=========================================\n\n");
        }
        const LAST: &str = "The ferry sailed again on Monday after three weeks in dry dock.\n";
        let tail = if shape == "blank-lines" {
            LAST.len()
        } else {
            0
        };
        while out.len() + tail < bytes {
            match shape {
                "single-line" => {
                    out.push_str(PROSE[k % PROSE.len()]);
                    out.push(' ');
                }
                "blank-lines" => out.push_str(["\n", " \n", "\r\n", "\t\n"][k % 4]),
                "identical-lines" => out.push_str(
                    "The ferry sailed again on Monday after three weeks in dry dock.\n",
                ),
                "identical-titles" => {
                    out.push_str("Council approves budget for new reading rooms\n");
                }
                "related-links" => {
                    let t = format!("Story {k} on the river barrier and what it costs");
                    out.push_str(&t);
                    out.push_str("\n\n");
                    out.push_str(&t);
                    out.push_str("\n\n");
                }
                "credits" => {
                    out.push_str(["Photo: Reuters\n", "Illustration: Mira Tollenaar\n"][k % 2]);
                }
                "quote-name" => out.push_str(
                    "\u{201c}We will not wait another winter for a barrier that was promised\u{201d}\nElena Marsh\n",
                ),
                "bullets" => {
                    out.push_str(&format!("  \u{2022} Point {k} about the flood barrier and its cost\n"));
                }
                "boilerplate" => {
                    out.push_str(phrases[k % phrases.len()]);
                    out.push('\n');
                }
                "menu" => {
                    out.push_str(["Home\n", "World\n", "Business\n", "Sport\n", "Opinion\n"][k % 5]);
                }
                "cards" => out.push_str(
                    "Photo: Reuters\n\nWhy the river keeps flooding and what a wall can do\n\n  \u{2022} Peak flows have risen since the early 2000s\n\n  \u{2022} Engineers say a wall would protect the centre\n\nThe river has always flooded, but the pattern has changed.\n\n",
                ),
                "clean-copy" => {
                    if k % 6 == 5 {
                        out.push_str(&format!("Part {k} of the repairs\n-----------------------\n\n"));
                    } else {
                        // The prose without the cookie sentence: a clean copy has no chrome.
                        out.push_str([PROSE[0], PROSE[1], PROSE[3]][k % 3]);
                        out.push_str("\n\n");
                    }
                }
                other => panic!("unknown hostile shape {other:?}"),
            }
            k += 1;
        }
        if shape == "blank-lines" {
            out.push_str(LAST);
        }
        out
    }

    /// Heap bytes an article holds: its vectors' capacity and its owned
    /// strings (borrowed text costs nothing).
    pub fn heap_bytes(a: &Article<'_>) -> usize {
        use std::mem::size_of;
        #[allow(clippy::ptr_arg)] // it is the `Cow` that is measured
        fn cow(c: &Cow<'_, str>) -> usize {
            match c {
                Cow::Owned(s) => s.capacity(),
                Cow::Borrowed(_) => 0,
            }
        }
        let texts = |v: &[newsprint::Text<'_>]| v.iter().map(|t| cow(&t.text)).sum::<usize>();
        let mut n = a.body.capacity() * size_of::<Block<'_>>()
            + a.sections.capacity() * size_of::<newsprint::Section<'_>>()
            + a.boilerplate.capacity() * size_of::<newsprint::Boilerplate<'_>>();
        for t in [
            &a.headline,
            &a.standfirst,
            &a.byline,
            &a.published,
            &a.updated,
        ]
        .into_iter()
        .flatten()
        {
            n += cow(&t.text);
        }
        for b in &a.body {
            n += match b {
                Block::Paragraph(t) => cow(&t.text),
                Block::Heading { text, .. } => cow(text),
                Block::List { items, .. } => {
                    items.capacity() * size_of::<newsprint::Text<'_>>() + texts(items)
                }
                Block::RelatedLink { title, url, .. } => cow(title) + url.as_ref().map_or(0, cow),
                Block::PullQuote {
                    text, attribution, ..
                } => cow(text) + attribution.as_ref().map_or(0, cow),
                _ => 0,
            };
        }
        for s in &a.sections {
            n += cow(&s.title) + s.cards.capacity() * size_of::<newsprint::Card<'_>>();
            for c in &s.cards {
                n += cow(&c.title)
                    + (c.bullets.capacity() + c.summary.capacity())
                        * size_of::<newsprint::Text<'_>>()
                    + texts(&c.bullets)
                    + texts(&c.summary)
                    + c.credit.as_ref().map_or(0, |cr| cow(&cr.source));
            }
        }
        for b in &a.boilerplate {
            n += cow(&b.text) + cow(&b.rule);
        }
        n
    }

    /// The growth of this process's peak resident memory while `f` runs, in
    /// bytes: the peak is reset first (`/proc/self/clear_refs`), then read
    /// from `/proc/self/status`. `None` where Linux's `/proc` is not there.
    /// Meaningful only in a process that runs nothing else meanwhile.
    pub fn peak_rss_growth<T>(f: impl FnOnce() -> T) -> (T, Option<usize>) {
        fn status(field: &str) -> Option<usize> {
            let s = std::fs::read_to_string("/proc/self/status").ok()?;
            let line = s.lines().find(|l| l.starts_with(field))?;
            let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        }
        let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let before = status("VmRSS:");
        let out = f();
        let peak = status("VmHWM:");
        let growth = match (reset, before, peak) {
            (true, Some(b), Some(p)) => Some(p.saturating_sub(b)),
            _ => None,
        };
        (out, growth)
    }
}

/// A scratch directory under the system temp dir, removed when dropped.
pub struct Scratch(std::path::PathBuf);

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh, empty scratch directory named after the test and the process.
pub fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("newsprint-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}
