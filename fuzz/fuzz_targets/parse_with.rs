//! `parse_with` with arbitrary options and text: never panics, refuses only
//! what it should, keeps the invariants, and agrees with a
//! [`Parser`](newsprint::Parser) built from the same options.
//!
//! A lexicon with user phrases or kinds switched off is compiled per set of
//! options, which costs far more than a parse: most inputs use one of a few
//! preset lexicons, compiled once and kept; one input in 64 brings its own
//! phrases and kinds.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use newsprint::{BoilerplateKind, Error, Options, Parser, Phrase};

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    /// Which lexicon: a preset, or (when below 4) the phrases and kinds below.
    lexicon: u8,
    phrases: Vec<(u8, bool, &'a str, &'a str)>,
    disabled: Vec<u8>,
    max_bytes: Option<u16>,
    pull_quotes: bool,
    related_links: bool,
    cards: bool,
    text: &'a str,
}

fn kind(k: u8) -> BoilerplateKind {
    let all = BoilerplateKind::ALL;
    all.get(usize::from(k) % all.len())
        .copied()
        .unwrap_or(BoilerplateKind::Other)
}

/// The preset lexicons: phrases and kinds switched off.
fn preset(n: u8, o: &mut Options) {
    use BoilerplateKind::*;
    match n % 6 {
        0 => {}
        1 => o.disabled_kinds = vec![CookieNotice, Navigation, RelatedList],
        2 => o.disabled_kinds = BoilerplateKind::ALL.to_vec(),
        3 => {
            o.extra_phrases
                .push(Phrase::new(Advertisement, "brought to you by"));
            o.extra_phrases
                .push(Phrase::new(RelatedList, "read more").weak().lang("en"));
            o.extra_phrases.push(Phrase::new(Other, "the"));
        }
        4 => {
            o.extra_phrases
                .push(Phrase::new(Subscription, "読者限定").lang("ja"));
            o.extra_phrases
                .push(Phrase::new(RelatedList, "à lire aussi").lang("fr"));
            o.extra_phrases.push(Phrase::new(Social, "👍 like").weak());
        }
        _ => {
            // The same phrase as a built-in one, under another kind, with
            // the built-in kind switched off.
            o.extra_phrases
                .push(Phrase::new(Legal, "accept all cookies"));
            o.extra_phrases.push(Phrase::new(Media, " "));
            o.disabled_kinds = vec![CookieNotice];
        }
    }
}

/// A parser per preset and switches, compiled once.
fn cached(o: &Options, key: (u8, bool, bool, bool)) -> Parser {
    static PARSERS: OnceLock<Mutex<HashMap<(u8, bool, bool, bool), Parser>>> = OnceLock::new();
    let mut map = PARSERS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    map.entry(key)
        .or_insert_with(|| Parser::new(o.clone()))
        .clone()
}

fuzz_target!(|input: Input<'_>| {
    let mut o = Options::default();
    o.pull_quotes = input.pull_quotes;
    o.related_links = input.related_links;
    o.cards = input.cards;
    let switches = (input.pull_quotes, input.related_links, input.cards);
    let got = if input.lexicon < 4 {
        for &(k, strong, text, lang) in input.phrases.iter().take(8) {
            let p = Phrase::new(kind(k), text).lang(lang);
            o.extra_phrases.push(if strong { p } else { p.weak() });
        }
        o.disabled_kinds = input.disabled.iter().take(16).map(|&k| kind(k)).collect();
        newsprint::parse_with(input.text, &o)
    } else if let Some(max) = input.max_bytes {
        // The size limit with the built-in lexicon (no compile needed).
        o.max_bytes = usize::from(max);
        let got = newsprint::parse_with(input.text, &o);
        assert_eq!(got, Parser::new(o.clone()).parse(input.text));
        if input.text.len() > o.max_bytes {
            assert_eq!(
                got,
                Err(Error::TooLarge {
                    len: input.text.len(),
                    max: o.max_bytes
                })
            );
        }
        got
    } else {
        let n = input.lexicon % 6;
        preset(n, &mut o);
        let parser = cached(&o, (n, switches.0, switches.1, switches.2));
        parser.parse(input.text)
    };
    let Ok(article) = got else { return };
    if let Err(e) = common::check(input.text, &article) {
        panic!("invariant broken: {e}");
    }
    let _ = article.to_text();
    let _ = article.to_markdown();
});
