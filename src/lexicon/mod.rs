//! The boilerplate lexicon: phrases per language and kind, as data, compiled
//! once into one Aho-Corasick automaton that runs over the whole text in a
//! single pass.
//!
//! The built-in phrases live in `phrases.tsv` beside this file
//! (`lang<TAB>kind<TAB>strong|weak<TAB>phrase`); users add their own through
//! [`Options::extra_phrases`](crate::Options::extra_phrases).

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::{BoilerplateKind, Options};

/// The built-in phrase table.
const PHRASES_TSV: &str = include_str!("phrases.tsv");

/// One row of the built-in table.
struct BuiltinPhrase {
    kind: BoilerplateKind,
    strong: bool,
    phrase: &'static str,
    /// `lexicon:LANG:PHRASE`, made once per process.
    rule: &'static str,
}

/// The built-in table, read once. The rule names are leaked once, so that
/// every article can borrow them for `'static` instead of copying.
fn builtin_phrases() -> &'static [BuiltinPhrase] {
    static TABLE: OnceLock<Vec<BuiltinPhrase>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PHRASES_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let (lang, kind, strength, phrase) =
                    (cols.next()?, cols.next()?, cols.next()?, cols.next()?);
                let kind = BoilerplateKind::from_name(kind.trim())?;
                let phrase = phrase.trim();
                let rule: &'static str =
                    Box::leak(format!("lexicon:{}:{phrase}", lang.trim()).into_boxed_str());
                Some(BuiltinPhrase {
                    kind,
                    strong: strength.trim() == "strong",
                    phrase,
                    rule,
                })
            })
            .collect()
    })
}

/// What a phrase of the automaton means.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMeta {
    pub kind: BoilerplateKind,
    pub strong: bool,
    /// `lexicon:LANG:PHRASE`.
    pub rule: Cow<'static, str>,
    /// The phrase starts / ends with a word character, so a match must sit on
    /// a word boundary there.
    pub word_start: bool,
    pub word_end: bool,
}

/// A compiled lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    automaton: Option<AhoCorasick>,
    meta: Vec<PhraseMeta>,
}

/// One phrase found in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub phrase: u32,
}

impl Lexicon {
    /// The built-in lexicon, compiled on first use and shared.
    pub(crate) fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::build(&Options::default()))
    }

    /// Compiles the built-in phrases plus the options' own, minus disabled kinds.
    pub(crate) fn build(options: &Options) -> Lexicon {
        let mut patterns: Vec<&str> = Vec::new();
        let mut meta = Vec::new();
        let mut add =
            |kind: BoilerplateKind, strong: bool, phrase: &'_ str, rule: Cow<'static, str>| {
                if phrase.is_empty() || options.disabled_kinds.contains(&kind) {
                    return None;
                }
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
                meta.push(PhraseMeta {
                    kind,
                    strong,
                    rule,
                    word_start: word(phrase.chars().next()),
                    word_end: word(phrase.chars().next_back()),
                });
                Some(())
            };
        for p in builtin_phrases() {
            if add(p.kind, p.strong, p.phrase, Cow::Borrowed(p.rule)).is_some() {
                patterns.push(p.phrase);
            }
        }
        for p in &options.extra_phrases {
            let phrase = p.text.trim();
            let rule = Cow::Owned(format!("lexicon:{}:{phrase}", p.lang));
            if add(p.kind, p.strong, phrase, rule).is_some() {
                patterns.push(phrase);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .or_else(|_| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
            })
            .ok();
        Lexicon { automaton, meta }
    }

    /// The meaning of phrase `i`.
    pub(crate) fn meta(&self, i: u32) -> Option<&PhraseMeta> {
        self.meta.get(i as usize)
    }

    /// Number of phrases.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.meta.len()
    }

    /// Every phrase occurrence in `text` that sits on word boundaries, in order.
    pub(crate) fn find_all<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Found> + 't {
        self.automaton
            .iter()
            .flat_map(move |ac| ac.find_iter(text))
            .filter_map(move |m| {
                let meta = self.meta.get(m.pattern().as_usize())?;
                let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
                let after = text.get(m.end()..).and_then(|s| s.chars().next());
                let wordy = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
                if (meta.word_start && wordy(before)) || (meta.word_end && wordy(after)) {
                    return None;
                }
                Some(Found {
                    start: m.start(),
                    end: m.end(),
                    phrase: m.pattern().as_u32(),
                })
            })
    }
}

/// Chinese, Japanese and Korean characters: no spaces between words, so no
/// word boundaries either.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_every_language() {
        let lex = Lexicon::builtin();
        assert!(
            lex.len() > 100,
            "built-in lexicon has {} phrases",
            lex.len()
        );
        for lang in [
            "en", "de", "fr", "es", "it", "pt", "nl", "pl", "zh", "ja", "ru",
        ] {
            let tag = format!("lexicon:{lang}:");
            assert!(
                lex.meta.iter().any(|m| m.rule.starts_with(&tag)),
                "no phrase for {lang}"
            );
        }
    }

    #[test]
    fn matches_on_word_boundaries_only() {
        let mut o = Options::default();
        o.extra_phrases
            .push(crate::Phrase::new(BoilerplateKind::Social, "zzshare"));
        let lex = Lexicon::build(&o);
        assert_eq!(lex.find_all("ZZSHARE this").count(), 1, "case-insensitive");
        assert_eq!(
            lex.find_all("azzshare").count(),
            0,
            "no match inside a word"
        );
    }

    #[test]
    fn disabled_kinds_drop_their_phrases() {
        let mut o = Options::default();
        o.disabled_kinds.push(BoilerplateKind::CookieNotice);
        let lex = Lexicon::build(&o);
        assert!(
            lex.meta
                .iter()
                .all(|m| m.kind != BoilerplateKind::CookieNotice)
        );
    }
}
