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
