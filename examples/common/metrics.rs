//! The scoring helpers of the shared `eval_corpus.py`, ported: Python's `\\w+` tokens,
//! whitespace-and-case folding, and the loose headline match.
#![allow(dead_code)]

use std::collections::HashMap;

pub fn tokens(s: &str) -> Vec<String> {
    // Python's \w+: Unicode letters, digits, marks and underscore.
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' || is_mark(c) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A | 0x102B..=0x103E)
}

pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn headline_close(got: &str, want: &str) -> bool {
    let (a, b) = (tokens(&fold(got)), tokens(&fold(want)));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let mut counts: HashMap<&String, usize> = HashMap::new();
    for t in long {
        *counts.entry(t).or_insert(0) += 1;
    }
    let mut common = 0;
    for t in short {
        if let Some(c) = counts.get_mut(t)
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    common as f64 >= 0.8 * short.len() as f64 && short.len() as f64 >= 0.5 * long.len() as f64
}
