//! # newsprint
//!
//! Turns the *text* of a scraped news page — a browser's `innerText`, a
//! copy-paste, a crawler's text dump, a Markdown scrape — into a typed
//! [`Article`]: headline, standfirst, byline and dates, body blocks in order
//! (paragraphs, headings, lists, related links, pull quotes), sections of
//! teaser cards with their bullets and image credits, and the boilerplate
//! (cookie notices, newsletter promos, menus, paywalls...) set aside with its
//! [kind](BoilerplateKind) and the rule that caught it.
//!
//! Nothing is lost: every non-blank byte of the input belongs to exactly one
//! element, and every element carries its byte [`Span`] into the input.
//!
//! ```
//! let page = "\
//! Harbour ferry returns after storm repairs
//!
//! By Jane Roe
//! Published: 9:15am, 18 May 2024
//!
//! The ferry sailed again on Monday after three weeks in dry dock.
//! Passengers queued from dawn to be on the first crossing.
//!
//! This site uses cookies. By continuing to browse, you agree to our use of cookies.";
//!
//! let article = newsprint::parse(page)?;
//! assert_eq!(article.headline.unwrap().text, "Harbour ferry returns after storm repairs");
//! assert_eq!(article.byline.unwrap().text, "By Jane Roe");
//! assert_eq!(article.published.unwrap().text, "Published: 9:15am, 18 May 2024");
//! assert_eq!(article.body.len(), 2);
//! assert_eq!(article.boilerplate[0].kind, newsprint::BoilerplateKind::CookieNotice);
//! # Ok::<(), newsprint::Error>(())
//! ```
//!
//! ## How it works
//! Four stages, each linear in the input: split into lines with their
//! offsets (memchr), classify each line from its first bytes and its shape
//! (length in characters, sentence punctuation, script), group lines into
//! units (related links, pull quotes, cards, lists), then decide the
//! article's extent from the scores of many units together and assemble.
//! The boilerplate lexicon (phrases per language and kind, as data) is one
//! Aho-Corasick automaton run once over the text.
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for the model; the JSON
//!   field names are a stable contract (see the README).
//! - `wet` (default): [`wet::WetReader`], a reader for Common Crawl WET
//!   files (plain or gzipped), via `flate2`.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

mod construct;
mod error;
mod lexicon;
mod model;
mod options;
mod parse;
mod parser;
mod render;
mod span;
#[cfg(feature = "wet")]
pub mod wet;

pub use error::Error;
pub use model::{
    Article, Block, Boilerplate, BoilerplateKind, Card, Credit, CreditKind, Section, Text,
};
pub use options::{Options, Phrase};
pub use parser::Parser;
pub use span::Span;

/// The longest input any parse takes, in bytes: 4 GiB less one, so that
/// line numbers fit in 32 bits and a line costs the parser about 70 bytes
/// (see the README's robustness section). Longer inputs are refused with
/// [`Error::TooLarge`] even where [`Options::max_bytes`] allows them.
///
/// ```
/// assert_eq!(newsprint::MAX_INPUT, u32::MAX as usize);
/// ```
pub const MAX_INPUT: usize = u32::MAX as usize;

/// Parses the text of a page with the default [`Options`].
///
/// ```
/// let a = newsprint::parse("A headline of some length\n\nA paragraph.").unwrap();
/// assert_eq!(a.headline.unwrap().text, "A headline of some length");
/// ```
pub fn parse(text: &str) -> Result<Article<'_>, Error> {
    let options = Options::default();
    parse::check(text.as_bytes(), &options)?;
    parse::run(text, &options, lexicon::Lexicon::builtin())
}

/// Parses the text of a page with the given options.
///
/// Compiles the lexicon again when the options add phrases or switch kinds
/// off; build a [`Parser`] once to parse many pages with such options.
///
/// ```
/// let mut o = newsprint::Options::default();
/// o.pull_quotes = false;
/// assert!(newsprint::parse_with("Headline of the test page\n\nBody.", &o).is_ok());
/// ```
pub fn parse_with<'a>(text: &'a str, options: &Options) -> Result<Article<'a>, Error> {
    Parser::new(options.clone()).parse(text)
}

/// Parses bytes that should be UTF-8 text, with the default [`Options`].
///
/// ```
/// assert_eq!(
///     newsprint::parse_bytes(b"Head\xffline").unwrap_err(),
///     newsprint::Error::InvalidUtf8 { offset: 4 }
/// );
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Article<'_>, Error> {
    Parser::default().parse_bytes(bytes)
}

/// Internals exposed for the training example; not part of the API and
/// may change in any release.
#[doc(hidden)]
pub mod __training {
    /// Number of features per line.
    pub const FEATURES: usize = crate::parse::features::N;
    /// Names of the features, in order.
    pub const FEATURE_NAMES: [&str; FEATURES] = crate::parse::features::NAMES;

    /// Every non-blank line's span and feature vector.
    pub fn line_features(text: &str) -> Vec<(crate::Span, [f32; FEATURES])> {
        crate::parse::line_features(text)
    }
}

/// The README's examples, compiled and run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
