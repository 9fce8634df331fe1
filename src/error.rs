//! The input newsprint refuses, and why.

/// Why a text was refused.
///
/// Text has no syntax errors: any page yields an [`Article`](crate::Article),
/// perhaps a thin one. These errors are for input that is not a page of text
/// at all, or is larger than the caller allowed.
///
/// ```
/// assert!(matches!(newsprint::parse(""), Err(newsprint::Error::Empty)));
/// let err = newsprint::parse_bytes(b"ok\xff").unwrap_err();
/// assert_eq!(err.to_string(), "input is not valid UTF-8 at byte offset 2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input has no bytes.
    #[error("input is empty")]
    Empty,
    /// The input has bytes, but all of them are whitespace.
    #[error("input is blank: {len} bytes of whitespace and no text")]
    Blank {
        /// Length of the input in bytes.
        len: usize,
    },
    /// The input holds a NUL byte, so it is binary data, not page text.
    #[error("input is binary: NUL byte at offset {offset}")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The bytes given to [`parse_bytes`](crate::parse_bytes) are not UTF-8.
    #[error("input is not valid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not part of a valid UTF-8 sequence.
        offset: usize,
    },
    /// The input is longer than [`Options::max_bytes`](crate::Options::max_bytes).
    #[error("input is {len} bytes, over the limit of {max} bytes")]
    TooLarge {
        /// Length of the input in bytes.
        len: usize,
        /// The limit in force.
        max: usize,
    },
}

impl Error {
    /// A short, stable, machine-readable name for the error's category
    /// (`"empty"`, `"blank"`, `"binary"`, `"invalid_utf8"`, `"too_large"`),
    /// for logs and batch output.
    ///
    /// ```
    /// assert_eq!(newsprint::parse("  \n").unwrap_err().kind(), "blank");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Empty => "empty",
            Error::Blank { .. } => "blank",
            Error::Binary { .. } => "binary",
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::TooLarge { .. } => "too_large",
        }
    }

    /// The byte offset the error points at, where it has one.
    ///
    /// ```
    /// assert_eq!(newsprint::parse("a\0b").unwrap_err().offset(), Some(1));
    /// ```
    pub fn offset(&self) -> Option<usize> {
        match self {
            Error::Binary { offset } | Error::InvalidUtf8 { offset } => Some(*offset),
            _ => None,
        }
    }
}
