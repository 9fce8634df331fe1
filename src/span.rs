//! Byte ranges into the input.

/// A half-open byte range `start..end` into the text that was parsed.
///
/// Every element of an [`Article`](crate::Article) carries one. Offsets are
/// bytes, not characters, and always fall on UTF-8 character boundaries, so
/// `&input[span.start..span.end]` is the element's source text.
///
/// ```
/// let text = "A headline for the test page\n\nFirst paragraph of the story, long enough to count.";
/// let article = newsprint::parse(text).unwrap();
/// let span = article.headline.as_ref().unwrap().span;
/// assert_eq!(&text[span.start..span.end], "A headline for the test page");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `end` is exclusive.
    ///
    /// ```
    /// let s = newsprint::Span::new(3, 7);
    /// assert_eq!(s.len(), 4);
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// assert_eq!(newsprint::Span::new(2, 2).len(), 0);
    /// ```
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    ///
    /// ```
    /// assert!(newsprint::Span::new(5, 5).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both `self` and `other`.
    ///
    /// ```
    /// use newsprint::Span;
    /// assert_eq!(Span::new(0, 3).cover(Span::new(8, 9)), Span::new(0, 9));
    /// ```
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// 1-based line and column (in characters) of `start` within `input`.
    ///
    /// Computed on demand: spans store only byte offsets.
    ///
    /// ```
    /// let text = "one\ntwo";
    /// assert_eq!(newsprint::Span::new(4, 7).line_col(text), (2, 1));
    /// ```
    pub fn line_col(&self, input: &str) -> (usize, usize) {
        let before = input.get(..self.start).unwrap_or(input);
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        (line, col)
    }
}
