//! A reusable parser that holds a compiled lexicon.

use std::borrow::Cow;

use crate::lexicon::Lexicon;
use crate::{Article, Error, Options, parse};

/// A parser with its options and lexicon compiled once, for parsing many
/// pages with the same non-default options.
///
/// [`parse_with`](crate::parse_with) compiles the lexicon on every call when
/// the options add phrases or switch kinds off; a `Parser` does it once.
/// It is `Send + Sync`: share one across threads.
///
/// ```
/// use newsprint::{BoilerplateKind, Options, Parser, Phrase};
/// let mut options = Options::default();
/// options.extra_phrases.push(Phrase::new(BoilerplateKind::Advertisement, "a word from our sponsor"));
/// let parser = Parser::new(options);
/// for page in ["First test headline here\n\nBody one.", "Second test headline here\n\nBody two."] {
///     assert!(parser.parse(page).unwrap().headline.is_some());
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    options: Options,
    lexicon: Cow<'static, Lexicon>,
}

impl Parser {
    /// Compiles `options` into a parser.
    ///
    /// ```
    /// let parser = newsprint::Parser::new(newsprint::Options::default());
    /// assert!(parser.parse("").is_err());
    /// ```
    pub fn new(options: Options) -> Self {
        let lexicon = if options.extra_phrases.is_empty() && options.disabled_kinds.is_empty() {
            Cow::Borrowed(Lexicon::builtin())
        } else {
            Cow::Owned(Lexicon::build(&options))
        };
        Parser { options, lexicon }
    }

    /// The options this parser was built with.
    ///
    /// ```
    /// let p = newsprint::Parser::default();
    /// assert!(p.options().pull_quotes);
    /// ```
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Parses one page of text.
    ///
    /// ```
    /// let a = newsprint::Parser::default().parse("Headline for the parser test\n\nBody.").unwrap();
    /// assert_eq!(a.headline.unwrap().text, "Headline for the parser test");
    /// ```
    pub fn parse<'a>(&self, text: &'a str) -> Result<Article<'a>, Error> {
        parse::check(text.as_bytes(), &self.options)?;
        parse::run(text, &self.options, &self.lexicon)
    }

    /// Parses bytes that should be UTF-8 text; refuses invalid UTF-8 with the
    /// offset of the first bad byte.
    ///
    /// ```
    /// let err = newsprint::Parser::default().parse_bytes(b"abc\xc3").unwrap_err();
    /// assert_eq!(err, newsprint::Error::InvalidUtf8 { offset: 3 });
    /// ```
    pub fn parse_bytes<'a>(&self, bytes: &'a [u8]) -> Result<Article<'a>, Error> {
        parse::check(bytes, &self.options)?;
        let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            offset: e.valid_up_to(),
        })?;
        parse::run(text, &self.options, &self.lexicon)
    }
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new(Options::default())
    }
}
