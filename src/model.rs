//! The typed article: what [`parse`](crate::parse) returns.
//!
//! Text is borrowed from the input wherever it can be ([`Cow::Borrowed`]);
//! [`Article::into_owned`] detaches it for sending across threads or storing.
//!
//! **Whitespace.** An element's `text` is its source line with leading and
//! trailing white space (Unicode white space, zero-width spaces and the byte
//! order mark) removed. Fields that hold part of a line say so: a list
//! item's or bullet's text has no marker, a credit's `source` no `Photo:`
//! label, a byline that shares its line with a date stops before the date.
//! Scraped text puts one paragraph on a line, and so does the model: lines
//! are not joined (hard-wrapped dumps such as `lynx -dump` give one paragraph
//! per wrapped line). Slicing the input by an element's `span` always gives
//! text that contains the element's `text`; a boilerplate entry's `text` is
//! its whole span.

use std::borrow::Cow;

use crate::Span;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A piece of text and where it came from.
///
/// ```
/// let a = newsprint::parse("Trains run late again this winter\n\nThe first paragraph tells the story in full.").unwrap();
/// let h = a.headline.unwrap();
/// assert_eq!(h.text, "Trains run late again this winter");
/// assert_eq!((h.span.start, h.span.end), (0, 33));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Text<'a> {
    /// The text, whitespace-normalised as the [module docs](self) describe.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Cow<'a, str>,
    /// Where it is in the input.
    pub span: Span,
}

impl<'a> Text<'a> {
    /// Builds a text borrowing `text`.
    ///
    /// ```
    /// let t = newsprint::Text::new("hi", newsprint::Span::new(0, 2));
    /// assert_eq!(t.text, "hi");
    /// ```
    pub fn new(text: impl Into<Cow<'a, str>>, span: Span) -> Self {
        Text {
            text: text.into(),
            span,
        }
    }

    /// Detaches the text from the input.
    ///
    /// ```
    /// let owned: newsprint::Text<'static> = newsprint::Text::new("hi", newsprint::Span::new(0, 2)).into_owned();
    /// assert_eq!(owned.text, "hi");
    /// ```
    pub fn into_owned(self) -> Text<'static> {
        Text {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
        }
    }
}

/// The article found in a page's text.
///
/// Every non-blank byte of the input belongs to exactly one element: the
/// headline, standfirst, byline, dates, a body block, a section (with its
/// cards), or a [`Boilerplate`] entry.
///
/// ```
/// let text = "Harbour ferry returns after storm repairs\n\nBy Jane Roe\n\n\
/// The ferry sailed again on Monday after three weeks in dry dock.\n\
/// Passengers queued from dawn to be on the first crossing.\n\n\
/// This site uses cookies. By continuing to browse, you agree to our use of cookies.";
/// let a = newsprint::parse(text).unwrap();
/// assert_eq!(a.headline.as_ref().unwrap().text, "Harbour ferry returns after storm repairs");
/// assert_eq!(a.byline.as_ref().unwrap().text, "By Jane Roe");
/// assert_eq!(a.paragraphs().count(), 2);
/// assert_eq!(a.boilerplate[0].kind, newsprint::BoilerplateKind::CookieNotice);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Article<'a> {
    /// The article's title line, if one was found.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub headline: Option<Text<'a>>,
    /// A summary paragraph right under the headline, where the page has one.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub standfirst: Option<Text<'a>>,
    /// The author line, as written (`"By Jane Roe"`, `"Von Max Muster"`).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub byline: Option<Text<'a>>,
    /// The publication date line, as written.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub published: Option<Text<'a>>,
    /// An update date line (`"Updated: ..."`), as written.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub updated: Option<Text<'a>>,
    /// The article's own blocks, in order.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub body: Vec<Block<'a>>,
    /// Rails after (or around) the article: labels with their teaser cards.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub sections: Vec<Section<'a>>,
    /// What was stripped from the content, with its kind and rule, in input order.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub boilerplate: Vec<Boilerplate<'a>>,
}

impl<'a> Article<'a> {
    /// The body's paragraphs, in order.
    ///
    /// ```
    /// let a = newsprint::parse("Title of a short test story\n\nOne paragraph that says enough.\nAnother one that says more.").unwrap();
    /// let ps: Vec<_> = a.paragraphs().map(|p| p.text.as_ref()).collect();
    /// assert_eq!(ps, ["One paragraph that says enough.", "Another one that says more."]);
    /// ```
    pub fn paragraphs(&self) -> impl Iterator<Item = &Text<'a>> {
        self.body.iter().filter_map(|b| match b {
            Block::Paragraph(t) => Some(t),
            _ => None,
        })
    }

    /// Detaches the whole article from the input.
    ///
    /// ```
    /// fn keep(text: String) -> newsprint::Article<'static> {
    ///     newsprint::parse(&text).unwrap().into_owned()
    /// }
    /// assert!(keep("Short test headline here\n\nA body line that ends.".into()).headline.is_some());
    /// ```
    pub fn into_owned(self) -> Article<'static> {
        Article {
            headline: self.headline.map(Text::into_owned),
            standfirst: self.standfirst.map(Text::into_owned),
            byline: self.byline.map(Text::into_owned),
            published: self.published.map(Text::into_owned),
            updated: self.updated.map(Text::into_owned),
            body: self.body.into_iter().map(Block::into_owned).collect(),
            sections: self.sections.into_iter().map(Section::into_owned).collect(),
            boilerplate: self
                .boilerplate
                .into_iter()
                .map(Boilerplate::into_owned)
                .collect(),
        }
    }
}

/// One block of the article body.
///
/// In JSON a block is an object with a `"type"` field: `"paragraph"`,
/// `"heading"`, `"list"`, `"related_link"` or `"pull_quote"`.
///
/// ```
/// let text = "City opens new library branch downtown\n\n\
/// Doors opened at nine and the queue ran round the block.\n\n\n\
/// Council approves budget for new reading rooms\n\
/// Council approves budget for new reading rooms\n\n\
/// The mayor cut the ribbon herself and read the first story aloud.";
/// let a = newsprint::parse(text).unwrap();
/// // The first paragraph, set off by the related link, is the standfirst.
/// assert!(a.standfirst.is_some());
/// assert!(matches!(a.body[0], newsprint::Block::RelatedLink { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Block<'a> {
    /// A paragraph of prose.
    Paragraph(#[cfg_attr(feature = "serde", serde(borrow))] Text<'a>),
    /// A subheading inside the article.
    Heading {
        /// The heading text, without Markdown `#` marks.
        #[cfg_attr(feature = "serde", serde(borrow))]
        text: Cow<'a, str>,
        /// 1 for `#`, 2 for `##`...; 2 where the text gives no level.
        level: u8,
        /// Where it is in the input.
        span: Span,
    },
    /// A bulleted or numbered list.
    List {
        /// The items, without their bullet markers.
        #[cfg_attr(feature = "serde", serde(borrow))]
        items: Vec<Text<'a>>,
        /// True for `1.`-style numbered items.
        ordered: bool,
        /// Where the whole list is in the input.
        span: Span,
    },
    /// A link to another article, shown inline in the body (on scraped pages,
    /// the same headline line twice in a row).
    RelatedLink {
        /// The linked article's title.
        #[cfg_attr(feature = "serde", serde(borrow))]
        title: Cow<'a, str>,
        /// The link target, where the text carries one (Markdown links).
        #[cfg_attr(feature = "serde", serde(borrow))]
        url: Option<Cow<'a, str>>,
        /// Where both copies of the line are in the input.
        span: Span,
    },
    /// A quote pulled out of the body and set large, with who said it.
    PullQuote {
        /// The quote, without surrounding quote marks.
        #[cfg_attr(feature = "serde", serde(borrow))]
        text: Cow<'a, str>,
        /// The person quoted, where a name line follows the quote.
        #[cfg_attr(feature = "serde", serde(borrow))]
        attribution: Option<Cow<'a, str>>,
        /// Where the quote and its attribution are in the input.
        span: Span,
    },
}

impl<'a> Block<'a> {
    /// Where the block is in the input.
    ///
    /// ```
    /// let a = newsprint::parse("Headline of the page for tests\n\nA paragraph here, and done.").unwrap();
    /// assert_eq!(a.body[0].span().start, 32);
    /// ```
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(t) => t.span,
            Block::Heading { span, .. }
            | Block::List { span, .. }
            | Block::RelatedLink { span, .. }
            | Block::PullQuote { span, .. } => *span,
        }
    }

    /// Detaches the block from the input.
    ///
    /// ```
    /// let b = newsprint::Block::Paragraph(newsprint::Text::new("x", newsprint::Span::new(0, 1)));
    /// let owned: newsprint::Block<'static> = b.into_owned();
    /// assert_eq!(owned.span().end, 1);
    /// ```
    pub fn into_owned(self) -> Block<'static> {
        match self {
            Block::Paragraph(t) => Block::Paragraph(t.into_owned()),
            Block::Heading { text, level, span } => Block::Heading {
                text: own(text),
                level,
                span,
            },
            Block::List {
                items,
                ordered,
                span,
            } => Block::List {
                items: items.into_iter().map(Text::into_owned).collect(),
                ordered,
                span,
            },
            Block::RelatedLink { title, url, span } => Block::RelatedLink {
                title: own(title),
                url: url.map(own),
                span,
            },
            Block::PullQuote {
                text,
                attribution,
                span,
            } => Block::PullQuote {
                text: own(text),
                attribution: attribution.map(own),
                span,
            },
        }
    }
}

/// A rail of the page (`"Deep dives"`, `"Most read"`) with its teaser cards;
/// a label with nothing under it is a section without cards.
///
/// ```
/// let a = newsprint::parse(include_str!("../tests/fixtures/seedlike.txt")).unwrap();
/// assert!(a.sections.iter().any(|s| !s.cards.is_empty()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Section<'a> {
    /// The rail's label.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub title: Cow<'a, str>,
    /// From the label to the end of its last card.
    pub span: Span,
    /// The cards under the label, in order.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub cards: Vec<Card<'a>>,
}

impl Section<'_> {
    /// Detaches the section from the input.
    ///
    /// ```
    /// let a = newsprint::parse(include_str!("../tests/fixtures/seedlike.txt")).unwrap();
    /// let s: Vec<newsprint::Section<'static>> = a.sections.into_iter().map(|s| s.into_owned()).collect();
    /// assert!(!s.is_empty());
    /// ```
    pub fn into_owned(self) -> Section<'static> {
        Section {
            title: own(self.title),
            span: self.span,
            cards: self.cards.into_iter().map(Card::into_owned).collect(),
        }
    }
}

/// A teaser for another story: its title, bullet summary, summary
/// paragraphs and image credit.
///
/// ```
/// let a = newsprint::parse(include_str!("../tests/fixtures/seedlike.txt")).unwrap();
/// let card = a.sections.iter().flat_map(|s| &s.cards).next().unwrap();
/// assert_eq!(card.bullets.len(), 2);
/// assert!(card.credit.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Card<'a> {
    /// The teased story's title.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub title: Cow<'a, str>,
    /// The bullet points, without their markers.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub bullets: Vec<Text<'a>>,
    /// The summary paragraphs.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub summary: Vec<Text<'a>>,
    /// The image credit; on scraped pages it stands *before* the card's title.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub credit: Option<Credit<'a>>,
    /// From the credit (or title) to the last summary line.
    pub span: Span,
}

impl Card<'_> {
    /// Detaches the card from the input.
    ///
    /// ```
    /// let a = newsprint::parse(include_str!("../tests/fixtures/seedlike.txt")).unwrap();
    /// let c = a.sections.into_iter().flat_map(|s| s.cards).next().unwrap().into_owned();
    /// assert!(!c.title.is_empty());
    /// ```
    pub fn into_owned(self) -> Card<'static> {
        Card {
            title: own(self.title),
            bullets: self.bullets.into_iter().map(Text::into_owned).collect(),
            summary: self.summary.into_iter().map(Text::into_owned).collect(),
            credit: self.credit.map(Credit::into_owned),
            span: self.span,
        }
    }
}

/// An image credit line such as `Photo: Reuters` or `Illustration: Lau Ka-kuen`.
///
/// ```
/// let a = newsprint::parse(include_str!("../tests/fixtures/seedlike.txt")).unwrap();
/// let credit = a.sections.iter().flat_map(|s| &s.cards).find_map(|c| c.credit.as_ref()).unwrap();
/// assert_eq!(credit.kind, newsprint::CreditKind::Illustration);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Credit<'a> {
    /// What kind of image is credited.
    pub kind: CreditKind,
    /// Who is credited (`"Reuters"`).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub source: Cow<'a, str>,
    /// The whole credit line.
    pub span: Span,
}

impl Credit<'_> {
    /// Detaches the credit from the input.
    ///
    /// ```
    /// let a = newsprint::parse(include_str!("../tests/fixtures/seedlike.txt")).unwrap();
    /// let c = a.sections.into_iter().flat_map(|s| s.cards).find_map(|c| c.credit).unwrap().into_owned();
    /// assert!(!c.source.is_empty());
    /// ```
    pub fn into_owned(self) -> Credit<'static> {
        Credit {
            kind: self.kind,
            source: own(self.source),
            span: self.span,
        }
    }
}

/// The kind of image an image credit names.
///
/// ```
/// assert_eq!(newsprint::CreditKind::Photo.as_str(), "photo");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CreditKind {
    /// `Photo:`, `Photograph:`, `Foto:`, `Picture:`.
    Photo,
    /// `Illustration:`, `Artwork:`.
    Illustration,
    /// `Image:`, `Bild:`, `Imagen:`.
    Image,
    /// `Graphic:`, `Grafik:`, `Chart:`.
    Graphic,
    /// `Video:`.
    Video,
    /// `Credit:`, `Source:`, `©`.
    Other,
}

impl CreditKind {
    /// The JSON name of the kind.
    ///
    /// ```
    /// assert_eq!(newsprint::CreditKind::Illustration.as_str(), "illustration");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            CreditKind::Photo => "photo",
            CreditKind::Illustration => "illustration",
            CreditKind::Image => "image",
            CreditKind::Graphic => "graphic",
            CreditKind::Video => "video",
            CreditKind::Other => "other",
        }
    }
}

/// A piece of the page that is not article content, kept aside.
///
/// ```
/// let a = newsprint::parse("Quiet night at the observatory\n\nStars came out at nine.\n\nAccept all cookies").unwrap();
/// let b = &a.boilerplate[0];
/// assert_eq!(b.kind, newsprint::BoilerplateKind::CookieNotice);
/// assert!(b.rule.starts_with("lexicon:"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Boilerplate<'a> {
    /// What kind of boilerplate it is.
    pub kind: BoilerplateKind,
    /// Its text: the covered lines, trimmed, joined by newlines.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Cow<'a, str>,
    /// The rule that caught it: `lexicon:LANG:PHRASE` for a phrase of the
    /// lexicon, or the name of a structural rule (`before-article`,
    /// `after-article`, `invisible`...).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub rule: Cow<'a, str>,
    /// Where it is in the input.
    pub span: Span,
}

impl Boilerplate<'_> {
    /// Detaches the entry from the input.
    ///
    /// ```
    /// let a = newsprint::parse("Quiet night at the observatory\n\nStars came out at nine.\n\nAccept all cookies").unwrap();
    /// let b = a.boilerplate.into_iter().next().unwrap().into_owned();
    /// assert_eq!(b.text, "Accept all cookies");
    /// ```
    pub fn into_owned(self) -> Boilerplate<'static> {
        Boilerplate {
            kind: self.kind,
            text: own(self.text),
            rule: own(self.rule),
            span: self.span,
        }
    }
}

/// The categories of boilerplate.
///
/// ```
/// use newsprint::BoilerplateKind;
/// assert_eq!(BoilerplateKind::from_name("cookie_notice"), Some(BoilerplateKind::CookieNotice));
/// assert_eq!(BoilerplateKind::Newsletter.as_str(), "newsletter");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// Cookie banners and consent prompts.
    CookieNotice,
    /// Newsletter promos and sign-up boxes.
    Newsletter,
    /// Paywalls, subscription offers, sign-in walls.
    Subscription,
    /// Advertisements and sponsored-content labels.
    Advertisement,
    /// Share and follow bars, social counters.
    Social,
    /// Menus, skip links, breadcrumbs, tag lists.
    Navigation,
    /// Lists of other stories: "Most read", "More from", "Read next".
    RelatedList,
    /// Comment prompts and comment sections.
    Comments,
    /// "Download our app" promos.
    AppPromo,
    /// Copyright lines, terms, privacy and imprint links.
    Legal,
    /// Media controls and labels: "Play video", durations, "Listen to this article".
    Media,
    /// An image caption or credit that no card takes.
    CaptionCredit,
    /// Page footers.
    Footer,
    /// Lines of invisible characters only (non-breaking or zero-width spaces).
    Whitespace,
    /// Anything else outside the article.
    Other,
}

impl BoilerplateKind {
    /// Every kind, in declaration order.
    pub const ALL: [BoilerplateKind; 15] = [
        BoilerplateKind::CookieNotice,
        BoilerplateKind::Newsletter,
        BoilerplateKind::Subscription,
        BoilerplateKind::Advertisement,
        BoilerplateKind::Social,
        BoilerplateKind::Navigation,
        BoilerplateKind::RelatedList,
        BoilerplateKind::Comments,
        BoilerplateKind::AppPromo,
        BoilerplateKind::Legal,
        BoilerplateKind::Media,
        BoilerplateKind::CaptionCredit,
        BoilerplateKind::Footer,
        BoilerplateKind::Whitespace,
        BoilerplateKind::Other,
    ];

    /// The JSON name of the kind (`"cookie_notice"`).
    ///
    /// ```
    /// assert_eq!(newsprint::BoilerplateKind::RelatedList.as_str(), "related_list");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::CookieNotice => "cookie_notice",
            BoilerplateKind::Newsletter => "newsletter",
            BoilerplateKind::Subscription => "subscription",
            BoilerplateKind::Advertisement => "advertisement",
            BoilerplateKind::Social => "social",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::RelatedList => "related_list",
            BoilerplateKind::Comments => "comments",
            BoilerplateKind::AppPromo => "app_promo",
            BoilerplateKind::Legal => "legal",
            BoilerplateKind::Media => "media",
            BoilerplateKind::CaptionCredit => "caption_credit",
            BoilerplateKind::Footer => "footer",
            BoilerplateKind::Whitespace => "whitespace",
            BoilerplateKind::Other => "other",
        }
    }

    /// The kind with JSON name `name`, if there is one.
    ///
    /// ```
    /// assert_eq!(newsprint::BoilerplateKind::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

fn own(c: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(c.into_owned())
}
