//! What callers can change about a parse.

use crate::BoilerplateKind;

/// Settings for [`parse_with`](crate::parse_with) and [`Parser::new`](crate::Parser::new).
///
/// A plain struct with public fields: start from [`Options::default()`] and
/// change what you need.
///
/// ```
/// use newsprint::{BoilerplateKind, Options, Phrase};
/// let mut options = Options::default();
/// options.max_bytes = 1 << 20;
/// options.extra_phrases.push(Phrase::new(BoilerplateKind::Advertisement, "brought to you by"));
/// options.disabled_kinds.push(BoilerplateKind::Media);
/// let a = newsprint::parse_with("Headline for an options test\n\nThe body line.\n\nBrought to you by Acme", &options).unwrap();
/// assert_eq!(a.boilerplate[0].kind, BoilerplateKind::Advertisement);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Inputs longer than this many bytes are refused with
    /// [`Error::TooLarge`](crate::Error::TooLarge). Default: 256 MiB. The
    /// parser never takes more than [`MAX_INPUT`](crate::MAX_INPUT) bytes
    /// (4 GiB), whatever this says.
    pub max_bytes: usize,
    /// Phrases to add to the built-in boilerplate lexicon.
    pub extra_phrases: Vec<Phrase>,
    /// Kinds whose lexicon phrases are switched off: lines they would have
    /// caught are judged as content. Lines outside the article are still set
    /// aside, as [`BoilerplateKind::Other`] when their kind is switched off.
    pub disabled_kinds: Vec<BoilerplateKind>,
    /// Recognise pull quotes (a quote line, then a name line). Default: on.
    pub pull_quotes: bool,
    /// Recognise doubled headline lines as related links. Default: on.
    pub related_links: bool,
    /// Recognise rails of teaser cards after the article. Default: on.
    pub cards: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 256 << 20,
            extra_phrases: Vec::new(),
            disabled_kinds: Vec::new(),
            pull_quotes: true,
            related_links: true,
            cards: true,
        }
    }
}

/// A phrase for the boilerplate lexicon.
///
/// Matching is ASCII-case-insensitive and respects word boundaries. A
/// *strong* phrase removes a short line wherever it stands, even inside the
/// article; a weak one (the default for user phrases is strong) only counts
/// as evidence outside the article or on very short lines.
///
/// ```
/// use newsprint::{BoilerplateKind, Phrase};
/// let p = Phrase::new(BoilerplateKind::Newsletter, "get the briefing").weak().lang("en");
/// assert!(!p.strong);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Phrase {
    /// The kind of boilerplate the phrase signals.
    pub kind: BoilerplateKind,
    /// The phrase.
    pub text: String,
    /// Language tag, used in the rule name (`lexicon:LANG:PHRASE`). Default: `"user"`.
    pub lang: String,
    /// Whether the phrase alone proves a short line is boilerplate.
    pub strong: bool,
}

impl Phrase {
    /// A strong phrase of `kind` with language tag `user`.
    ///
    /// ```
    /// let p = newsprint::Phrase::new(newsprint::BoilerplateKind::Social, "clap for this");
    /// assert_eq!(p.lang, "user");
    /// ```
    pub fn new(kind: BoilerplateKind, text: impl Into<String>) -> Self {
        Phrase {
            kind,
            text: text.into(),
            lang: "user".into(),
            strong: true,
        }
    }

    /// Makes the phrase weak: evidence, not proof.
    ///
    /// ```
    /// assert!(!newsprint::Phrase::new(newsprint::BoilerplateKind::Social, "tweet").weak().strong);
    /// ```
    pub fn weak(mut self) -> Self {
        self.strong = false;
        self
    }

    /// Sets the language tag.
    ///
    /// ```
    /// assert_eq!(newsprint::Phrase::new(newsprint::BoilerplateKind::Legal, "impressum").lang("de").lang, "de");
    /// ```
    pub fn lang(mut self, lang: impl Into<String>) -> Self {
        self.lang = lang.into();
        self
    }
}
