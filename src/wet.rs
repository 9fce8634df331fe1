//! Reading Common Crawl WET files: the extracted text of crawled pages.
//!
//! A WET file is a WARC file whose records are `conversion` records (the
//! plain text of one page each), after one `warcinfo` record describing the
//! crawl. Each record is a version line, header lines, a blank line, a block
//! of exactly `Content-Length` bytes, and two line ends:
//!
//! ```text
//! WARC/1.0\r\n
//! WARC-Type: conversion\r\n
//! WARC-Target-URI: https://news.example/harbour-ferry\r\n
//! WARC-Date: 2024-05-18T09:15:00Z\r\n
//! WARC-Record-ID: <urn:uuid:0b6e3f7a-...>\r\n
//! WARC-Identified-Content-Language: eng\r\n
//! Content-Type: text/plain\r\n
//! Content-Length: 57\r\n
//! \r\n
//! Harbour ferry returns after storm repairs\nThe ferry ...\r\n
//! \r\n
//! ```
//!
//! Common Crawl gzips each record as its own gzip member, so a `.warc.wet.gz`
//! file is many gzip streams back to back; [`WetReader::open`] and
//! [`WetReader::detect`] read them all with `flate2`'s `MultiGzDecoder`.
//!
//! **Tolerance.** A record whose `Content-Length` is wrong, whose headers are
//! unusable, or which the input ends inside of, comes out of the iterator as
//! an `Err` item ([`WetError`]); the reader then resyncs on the next line
//! that starts with `WARC/1.`, looking inside the bad record's block too, so
//! the records after a bad one are not lost. A `Content-Length` is judged
//! wrong when the block it gives is not followed by the record's trailer
//! (CRLF CRLF; LF LF is accepted too) or the end of the input, or when the
//! block holds the start of another record (a blank line, a `WARC/1.x` line,
//! a header line). Bytes between records that are not a record are reported
//! once, as [`WetError::Garbage`]. Line ends may be CRLF or LF. Only an I/O
//! error (including a corrupt or truncated gzip stream, which cannot be
//! resynced) ends the iteration.
//!
//! ```
//! use newsprint::wet::WetReader;
//!
//! let wet = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n\
//!            WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://news.example/a\r\n\
//!            Content-Length: 12\r\n\r\nA page text.\r\n\r\n";
//! let pages: Vec<_> = WetReader::new(wet.as_bytes())
//!     .filter_map(Result::ok)
//!     .filter(|r| r.is_conversion())
//!     .collect();
//! assert_eq!(pages.len(), 1);
//! assert_eq!(pages[0].target_uri.as_deref(), Some("https://news.example/a"));
//! assert_eq!(pages[0].text().unwrap(), "A page text.");
//! ```

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::iter::FusedIterator;
use std::path::Path;

/// An iterator over the records of a WET (or any WARC) stream.
///
/// Yields every record, `warcinfo` included, in input order; keep the pages
/// with [`WetRecord::is_conversion`]. A malformed record yields an `Err`
/// item and iteration goes on with the next record (see the
/// [module docs](self)); after an I/O error the iterator ends.
///
/// ```
/// use newsprint::wet::{WetError, WetReader};
///
/// // The first record claims 999 bytes; the second still comes out.
/// let wet = "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 999\r\n\r\nshort\r\n\r\n\
///            WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 4\r\n\r\ngood\r\n\r\n";
/// let mut reader = WetReader::new(wet.as_bytes());
/// assert!(matches!(reader.next(), Some(Err(WetError::LengthMismatch { .. }))));
/// assert_eq!(reader.next().unwrap()?.body, b"good");
/// assert!(reader.next().is_none());
/// # Ok::<(), WetError>(())
/// ```
#[derive(Debug)]
pub struct WetReader<R> {
    input: Input<R>,
    max_record_bytes: u64,
    done: bool,
}

/// One WARC record, owned.
///
/// The headers a page pipeline needs are fields; every header is kept in
/// [`headers`](Self::headers). The block is kept as bytes, [`body`](Self::body),
/// because the WARC format does not promise UTF-8 (Common Crawl converts the
/// text of `conversion` records to UTF-8, but a damaged record may not be):
/// [`text`](Self::text) checks it, and [`Parser::parse_bytes`](crate::Parser::parse_bytes)
/// refuses invalid UTF-8 with the offset of the first bad byte.
///
/// ```
/// use newsprint::wet::WetReader;
///
/// let wet = "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://news.example/a\r\n\
///            WARC-Date: 2024-05-18T09:15:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
///            WARC-Identified-Content-Language: eng,deu\r\nContent-Length: 5\r\n\r\nHello\r\n\r\n";
/// let r = WetReader::new(wet.as_bytes()).next().unwrap()?;
/// assert_eq!(r.warc_type.as_deref(), Some("conversion"));
/// assert_eq!(r.date.as_deref(), Some("2024-05-18T09:15:00Z"));
/// assert_eq!(r.record_id.as_deref(), Some("<urn:uuid:1>"));
/// assert_eq!(r.languages().collect::<Vec<_>>(), ["eng", "deu"]);
/// assert_eq!((r.content_length, r.offset), (5, 0));
/// assert_eq!(r.header("content-length"), Some("5"));
/// # Ok::<(), newsprint::wet::WetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WetRecord {
    /// Byte offset of the record's `WARC/1.x` line in the (decompressed) stream.
    pub offset: u64,
    /// `WARC-Type`: `warcinfo`, `conversion`, ...
    pub warc_type: Option<String>,
    /// `WARC-Target-URI`: the page's URL.
    pub target_uri: Option<String>,
    /// `WARC-Date`, as written (ISO 8601, UTC).
    pub date: Option<String>,
    /// `WARC-Record-ID`, as written (`<urn:uuid:...>`).
    pub record_id: Option<String>,
    /// `WARC-Identified-Content-Language`, as written: ISO 639-3 codes
    /// separated by commas (`eng,deu`); see [`languages`](Self::languages).
    pub language: Option<String>,
    /// `Content-Length`: the length of [`body`](Self::body).
    pub content_length: u64,
    /// Every header, in order, as `(name, value)` with the value trimmed;
    /// bytes that are not UTF-8 are replaced by U+FFFD.
    pub headers: Vec<(String, String)>,
    /// The record's block: for a `conversion` record, the page's text.
    pub body: Vec<u8>,
}

/// Why a record could not be read.
///
/// [`kind`](Self::kind) gives a short, stable name for batch output;
/// [`record_id`](Self::record_id) and [`target_uri`](Self::target_uri) say
/// which record it was, where its headers got that far.
///
/// ```
/// use newsprint::wet::{WetError, WetReader};
///
/// let wet = "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://news.example/a\r\n\r\nno length";
/// let err = WetReader::new(wet.as_bytes()).next().unwrap().unwrap_err();
/// assert_eq!(err.kind(), "bad_header");
/// assert_eq!(err.target_uri(), Some("https://news.example/a"));
/// assert_eq!(err.to_string(), "record at byte 0: no Content-Length header");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WetError {
    /// Reading the input failed (including a corrupt or truncated gzip
    /// stream); the iterator ends after this item.
    #[error("i/o error: {0}")]
    Io(#[from] io::Error),
    /// Bytes where a record should start that are not a `WARC/1.x` line;
    /// the reader skipped them, up to the next such line or the end.
    #[error("{skipped} bytes at byte {offset} are not a WARC record; skipped them")]
    Garbage {
        /// Where the skipped bytes start.
        offset: u64,
        /// How many bytes were skipped.
        skipped: u64,
    },
    /// A record whose headers cannot be used: no `Content-Length`, a value
    /// that is not a number, a line without a colon, a header section over 1 MiB.
    #[error("record at byte {offset}: {reason}")]
    BadHeader {
        /// Where the record starts.
        offset: u64,
        /// What is wrong, in words.
        reason: String,
        /// The record's `WARC-Record-ID`, if it was read.
        record_id: Option<String>,
        /// The record's `WARC-Target-URI`, if it was read.
        target_uri: Option<String>,
    },
    /// A record whose `Content-Length` is wrong: the next record does not
    /// start where the block should end.
    #[error(
        "record at byte {offset}: Content-Length {content_length} does not end the record; skipped to the next record"
    )]
    LengthMismatch {
        /// Where the record starts.
        offset: u64,
        /// The `Content-Length` the record claims.
        content_length: u64,
        /// The record's `WARC-Record-ID`, if it has one.
        record_id: Option<String>,
        /// The record's `WARC-Target-URI`, if it has one.
        target_uri: Option<String>,
    },
    /// The input ends inside a record.
    #[error("record at byte {offset} is truncated: the input ends {read} bytes into it")]
    Truncated {
        /// Where the record starts.
        offset: u64,
        /// How many bytes of the record there are.
        read: u64,
        /// The record's `WARC-Record-ID`, if it was read.
        record_id: Option<String>,
        /// The record's `WARC-Target-URI`, if it was read.
        target_uri: Option<String>,
    },
    /// A record whose `Content-Length` is over the reader's
    /// [`max_record_bytes`](WetReader::max_record_bytes); its block is skipped.
    #[error(
        "record at byte {offset}: Content-Length {content_length} is over the limit of {max} bytes"
    )]
    RecordTooLarge {
        /// Where the record starts.
        offset: u64,
        /// The `Content-Length` the record claims.
        content_length: u64,
        /// The limit in force.
        max: u64,
        /// The record's `WARC-Record-ID`, if it has one.
        record_id: Option<String>,
        /// The record's `WARC-Target-URI`, if it has one.
        target_uri: Option<String>,
    },
}

/// The default for [`WetReader::max_record_bytes`]: 64 MiB.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 << 20;

/// The longest header section read before a record is refused.
const MAX_HEADER_BYTES: usize = 1 << 20;

/// What every record's first line starts with.
const VERSION_PREFIX: &[u8] = b"WARC/1.";

impl<R: BufRead> WetReader<R> {
    /// Reads records from `reader`, which must give the decompressed stream
    /// (use [`detect`](WetReader::detect) or [`open`](WetReader::open) for
    /// gzipped input).
    ///
    /// ```
    /// let mut r = newsprint::wet::WetReader::new(&b""[..]);
    /// assert!(r.next().is_none());
    /// ```
    pub fn new(reader: R) -> Self {
        WetReader {
            input: Input::new(reader),
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            done: false,
        }
    }

    /// Sets the largest `Content-Length` read; a record that claims more is
    /// reported as [`WetError::RecordTooLarge`] and skipped without holding
    /// its block in memory. Default: [`DEFAULT_MAX_RECORD_BYTES`].
    ///
    /// ```
    /// use newsprint::wet::{WetError, WetReader};
    /// let wet = "WARC/1.0\r\nContent-Length: 11\r\n\r\nhello world\r\n\r\n";
    /// let mut r = WetReader::new(wet.as_bytes()).max_record_bytes(5);
    /// assert!(matches!(r.next(), Some(Err(WetError::RecordTooLarge { max: 5, .. }))));
    /// assert!(r.next().is_none());
    /// ```
    pub fn max_record_bytes(mut self, max: u64) -> Self {
        self.max_record_bytes = max;
        self
    }

    /// How many bytes of the (decompressed) stream have been read so far.
    ///
    /// ```
    /// let wet = "WARC/1.0\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n";
    /// let mut r = newsprint::wet::WetReader::new(wet.as_bytes());
    /// r.next();
    /// assert_eq!(r.offset(), wet.len() as u64);
    /// ```
    pub fn offset(&self) -> u64 {
        self.input.offset
    }
}

impl WetReader<Box<dyn BufRead + Send>> {
    /// Opens a WET file, decompressing it when its name ends in `.gz` or it
    /// starts with the gzip magic bytes.
    ///
    /// ```no_run
    /// for record in newsprint::wet::WetReader::open("CC-MAIN-example.warc.wet.gz")? {
    ///     match record {
    ///         Ok(r) if r.is_conversion() => println!("{:?}: {} bytes", r.target_uri, r.body.len()),
    ///         Ok(_) => {}
    ///         Err(e) => eprintln!("skipped: {e}"),
    ///     }
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn open(path: impl AsRef<Path>) -> io::Result<Self> {
        let path = path.as_ref();
        let gz_name = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
        let file = File::open(path)?;
        Self::detect_with(file, gz_name)
    }

    /// Reads a WET stream from `reader`, decompressing it when it starts
    /// with the gzip magic bytes (`1f 8b`). Reads the first two bytes now.
    ///
    /// ```
    /// use std::io::Write;
    /// let wet = "WARC/1.0\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n";
    /// let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    /// gz.write_all(wet.as_bytes())?;
    /// let gz = gz.finish()?;
    /// for input in [wet.as_bytes().to_vec(), gz] {
    ///     let mut r = newsprint::wet::WetReader::detect(std::io::Cursor::new(input))?;
    ///     assert_eq!(r.next().unwrap().unwrap().body, b"hi");
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn detect<R: Read + Send + 'static>(reader: R) -> io::Result<Self> {
        Self::detect_with(reader, false)
    }

    fn detect_with<R: Read + Send + 'static>(mut reader: R, gzip: bool) -> io::Result<Self> {
        let mut magic = [0u8; 2];
        let mut got = 0;
        while let Some(rest) = magic.get_mut(got..) {
            if rest.is_empty() {
                break;
            }
            match reader.read(rest) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let head = magic.get(..got).unwrap_or_default().to_vec();
        let gzip = gzip || head == [0x1f, 0x8b];
        let stream = io::Cursor::new(head).chain(reader);
        let inner: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::read::MultiGzDecoder::new(stream),
            ))
        } else {
            Box::new(BufReader::with_capacity(1 << 16, stream))
        };
        Ok(WetReader::new(inner))
    }
}

impl<R: BufRead> Iterator for WetReader<R> {
    type Item = Result<WetRecord, WetError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_record() {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                if matches!(e, WetError::Io(_)) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}

impl<R: BufRead> FusedIterator for WetReader<R> {}

impl WetRecord {
    /// Whether this is a `conversion` record: the text of one page.
    ///
    /// ```
    /// let wet = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    /// let r = newsprint::wet::WetReader::new(wet.as_bytes()).next().unwrap().unwrap();
    /// assert!(!r.is_conversion());
    /// ```
    pub fn is_conversion(&self) -> bool {
        self.warc_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("conversion"))
    }

    /// The block as text, if it is UTF-8.
    ///
    /// ```
    /// let wet = b"WARC/1.0\r\nContent-Length: 3\r\n\r\na\xffb\r\n\r\n";
    /// let r = newsprint::wet::WetReader::new(&wet[..]).next().unwrap().unwrap();
    /// assert_eq!(r.text().unwrap_err().valid_up_to(), 1);
    /// ```
    pub fn text(&self) -> Result<&str, std::str::Utf8Error> {
        std::str::from_utf8(&self.body)
    }

    /// The value of the first header named `name` (ASCII case-insensitive).
    ///
    /// ```
    /// let wet = "WARC/1.0\r\nWARC-Refers-To: <urn:uuid:2>\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    /// let r = newsprint::wet::WetReader::new(wet.as_bytes()).next().unwrap().unwrap();
    /// assert_eq!(r.header("warc-refers-to"), Some("<urn:uuid:2>"));
    /// assert_eq!(r.header("WARC-Date"), None);
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The languages of `WARC-Identified-Content-Language`, in order.
    ///
    /// ```
    /// let wet = "WARC/1.0\r\nWARC-Identified-Content-Language: fra, eng\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    /// let r = newsprint::wet::WetReader::new(wet.as_bytes()).next().unwrap().unwrap();
    /// assert_eq!(r.languages().collect::<Vec<_>>(), ["fra", "eng"]);
    /// ```
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.language
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|l| !l.is_empty())
    }
}

impl WetError {
    /// A short, stable, machine-readable name for the error's category:
    /// `"io"`, `"garbage"`, `"bad_header"`, `"length_mismatch"`,
    /// `"truncated"`, `"record_too_large"`. None is a name that
    /// [`Error::kind`](crate::Error::kind) uses.
    ///
    /// ```
    /// let err = newsprint::wet::WetReader::new(&b"not a record\n"[..]).next().unwrap().unwrap_err();
    /// assert_eq!(err.kind(), "garbage");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            WetError::Io(_) => "io",
            WetError::Garbage { .. } => "garbage",
            WetError::BadHeader { .. } => "bad_header",
            WetError::LengthMismatch { .. } => "length_mismatch",
            WetError::Truncated { .. } => "truncated",
            WetError::RecordTooLarge { .. } => "record_too_large",
        }
    }

    /// Where in the (decompressed) stream the bad record or bytes start;
    /// `None` for I/O errors.
    ///
    /// ```
    /// let err = newsprint::wet::WetReader::new(&b"\r\n\r\njunk\n"[..]).next().unwrap().unwrap_err();
    /// assert_eq!(err.offset(), Some(4));
    /// ```
    pub fn offset(&self) -> Option<u64> {
        match self {
            WetError::Io(_) => None,
            WetError::Garbage { offset, .. }
            | WetError::BadHeader { offset, .. }
            | WetError::LengthMismatch { offset, .. }
            | WetError::Truncated { offset, .. }
            | WetError::RecordTooLarge { offset, .. } => Some(*offset),
        }
    }

    /// The bad record's `WARC-Record-ID`, where it was read.
    ///
    /// ```
    /// let wet = "WARC/1.0\r\nWARC-Record-ID: <urn:uuid:9>\r\nContent-Length: 100\r\n\r\ncut off";
    /// let err = newsprint::wet::WetReader::new(wet.as_bytes()).next().unwrap().unwrap_err();
    /// assert_eq!((err.kind(), err.record_id()), ("truncated", Some("<urn:uuid:9>")));
    /// ```
    pub fn record_id(&self) -> Option<&str> {
        match self {
            WetError::BadHeader { record_id, .. }
            | WetError::LengthMismatch { record_id, .. }
            | WetError::Truncated { record_id, .. }
            | WetError::RecordTooLarge { record_id, .. } => record_id.as_deref(),
            WetError::Io(_) | WetError::Garbage { .. } => None,
        }
    }

    /// The bad record's `WARC-Target-URI`, where it was read.
    ///
    /// ```
    /// let wet = "WARC/1.0\r\nWARC-Target-URI: https://news.example/x\r\nContent-Length: 100\r\n\r\ncut off";
    /// let err = newsprint::wet::WetReader::new(wet.as_bytes()).next().unwrap().unwrap_err();
    /// assert_eq!(err.target_uri(), Some("https://news.example/x"));
    /// ```
    pub fn target_uri(&self) -> Option<&str> {
        match self {
            WetError::BadHeader { target_uri, .. }
            | WetError::LengthMismatch { target_uri, .. }
            | WetError::Truncated { target_uri, .. }
            | WetError::RecordTooLarge { target_uri, .. } => target_uri.as_deref(),
            WetError::Io(_) | WetError::Garbage { .. } => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Reading records.

/// The headers read so far, for naming the record in an error.
struct Head {
    offset: u64,
    headers: Vec<(String, String)>,
}

impl Head {
    fn record_id(&self) -> Option<String> {
        header(&self.headers, "WARC-Record-ID").map(str::to_owned)
    }

    fn target_uri(&self) -> Option<String> {
        header(&self.headers, "WARC-Target-URI").map(str::to_owned)
    }

    fn bad_header(&self, reason: String) -> WetError {
        WetError::BadHeader {
            offset: self.offset,
            reason,
            record_id: self.record_id(),
            target_uri: self.target_uri(),
        }
    }

    fn truncated(&self, end: u64) -> WetError {
        WetError::Truncated {
            offset: self.offset,
            read: end.saturating_sub(self.offset),
            record_id: self.record_id(),
            target_uri: self.target_uri(),
        }
    }
}

impl<R: BufRead> WetReader<R> {
    /// The next record, `Ok(None)` at the end of the input, or an error after
    /// which the input is positioned at the next record (or the end).
    fn read_record(&mut self) -> Result<Option<WetRecord>, WetError> {
        self.input.skip_newlines()?;
        let start = self.input.offset;
        let first = self.input.peek(VERSION_PREFIX.len())?;
        if first.is_empty() {
            return Ok(None);
        }
        if !first.starts_with(VERSION_PREFIX) {
            self.input.resync()?;
            return Err(WetError::Garbage {
                offset: start,
                skipped: self.input.offset.saturating_sub(start),
            });
        }
        let mut line = Vec::new();
        self.input.read_line(&mut line, MAX_HEADER_BYTES)?;
        let mut head = Head {
            offset: start,
            headers: Vec::new(),
        };
        let mut header_bytes = line.len();
        loop {
            line.clear();
            let budget = MAX_HEADER_BYTES.saturating_sub(header_bytes);
            let n = self.input.read_line(&mut line, budget)?;
            header_bytes += n;
            if !line.ends_with(b"\n") {
                if n < budget {
                    // The input ends inside the headers.
                    return Err(head.truncated(self.input.offset));
                }
                self.input.skip_line()?;
                self.input.resync()?;
                return Err(head.bad_header(format!(
                    "header section longer than {MAX_HEADER_BYTES} bytes"
                )));
            }
            let text = trim_line_end(&line);
            if text.is_empty() {
                break;
            }
            if matches!(text.first(), Some(b' ' | b'\t')) {
                // A folded continuation of the previous header's value.
                if let Some((_, value)) = head.headers.last_mut() {
                    value.push(' ');
                    value.push_str(String::from_utf8_lossy(text).trim());
                    continue;
                }
            }
            let Some(colon) = memchr::memchr(b':', text) else {
                self.input.resync()?;
                return Err(
                    head.bad_header(format!("header line without a colon: {:?}", preview(text)))
                );
            };
            let (name, value) = text.split_at(colon);
            let value = value.get(1..).unwrap_or_default();
            head.headers.push((
                String::from_utf8_lossy(name).trim().to_owned(),
                String::from_utf8_lossy(value).trim().to_owned(),
            ));
        }
        let content_length = match header(&head.headers, "Content-Length") {
            None => {
                self.input.resync()?;
                return Err(head.bad_header("no Content-Length header".to_owned()));
            }
            Some(v) => match v.parse::<u64>() {
                Ok(n) => n,
                Err(_) => {
                    let reason = format!(
                        "Content-Length is not a number: {:?}",
                        preview(v.as_bytes())
                    );
                    self.input.resync()?;
                    return Err(head.bad_header(reason));
                }
            },
        };
        if content_length > self.max_record_bytes {
            self.input.resync()?;
            return Err(WetError::RecordTooLarge {
                offset: start,
                content_length,
                max: self.max_record_bytes,
                record_id: head.record_id(),
                target_uri: head.target_uri(),
            });
        }
        let mut body = Vec::new();
        self.input.read_up_to(content_length, &mut body)?;
        let complete = body.len() as u64 == content_length;
        if complete {
            // The block must be followed by the record's trailer (CRLF CRLF,
            // or LF LF in files written with bare line feeds), or by the end
            // of the input (a final record without its trailer). Bytes after
            // a trailer that are not a record are reported as garbage by the
            // next call. A block that holds the start of another record is
            // wrong anyway: its length ran past the record's end.
            let next = self.input.peek(4)?;
            let trailer = if next.starts_with(b"\r\n\r\n") {
                Some(4)
            } else if next.starts_with(b"\n\n") {
                Some(2)
            } else if next.is_empty() {
                Some(0)
            } else {
                None
            };
            if let Some(n) = trailer.filter(|_| !holds_record(&body)) {
                self.input.skip(n)?;
                return Ok(Some(record(start, head.headers, content_length, body)));
            }
        }
        // The block does not end where the next record starts: look for it
        // from the start of the block, so a record the block swallowed is kept.
        let end = self.input.offset;
        self.input.unread(&body);
        let found = self.input.resync()?;
        if !complete && !found {
            return Err(head.truncated(end));
        }
        Err(WetError::LengthMismatch {
            offset: start,
            content_length,
            record_id: head.record_id(),
            target_uri: head.target_uri(),
        })
    }
}

fn record(
    offset: u64,
    headers: Vec<(String, String)>,
    content_length: u64,
    body: Vec<u8>,
) -> WetRecord {
    let get = |name| header(&headers, name).map(str::to_owned);
    WetRecord {
        offset,
        warc_type: get("WARC-Type"),
        target_uri: get("WARC-Target-URI"),
        date: get("WARC-Date"),
        record_id: get("WARC-Record-ID"),
        language: get("WARC-Identified-Content-Language"),
        content_length,
        headers,
        body,
    }
}

/// Whether `block` holds the start of another record: a blank line, then a
/// line that is exactly `WARC/1.<digits>`, then a header line. Page text
/// does not have that shape; a block whose `Content-Length` runs into the
/// next record does.
fn holds_record(block: &[u8]) -> bool {
    memchr::memmem::find_iter(block, b"\nWARC/1.").any(|i| {
        let before = block.get(..i).unwrap_or_default();
        let before = before.strip_suffix(b"\r").unwrap_or(before);
        if !before.ends_with(b"\n") {
            return false;
        }
        let rest = block
            .get(i + 1 + VERSION_PREFIX.len()..)
            .unwrap_or_default();
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let rest = rest.get(digits..).unwrap_or_default();
        let rest = rest.strip_prefix(b"\r").unwrap_or(rest);
        match rest.strip_prefix(b"\n") {
            Some(next) if digits > 0 => {
                let line = next.get(..memchr::memchr(b'\n', next).unwrap_or(next.len()));
                line.is_some_and(|l| memchr::memchr(b':', l).is_some())
            }
            _ => false,
        }
    })
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The start of a bad line, for an error message.
fn preview(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes.get(..60).unwrap_or(bytes));
    s.into_owned()
}

// ---------------------------------------------------------------------------
// The byte stream: a `BufRead` with bytes pushed back in front of it.

/// The input stream, with a buffer of bytes to read before `inner`: bytes
/// peeked ahead, and blocks given back for resyncing.
#[derive(Debug)]
struct Input<R> {
    inner: R,
    back: Vec<u8>,
    pos: usize,
    /// Bytes consumed since the start of the stream.
    offset: u64,
}

impl<R: BufRead> Input<R> {
    fn new(inner: R) -> Self {
        Input {
            inner,
            back: Vec::new(),
            pos: 0,
            offset: 0,
        }
    }

    /// The next buffered bytes (empty at the end of the input).
    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.back.len() {
            return Ok(self.back.get(self.pos..).unwrap_or_default());
        }
        if !self.back.is_empty() {
            self.back.clear();
            self.pos = 0;
        }
        fill_inner(&mut self.inner)
    }

    /// Marks `n` bytes of what [`fill`](Self::fill) returned as read.
    fn consume(&mut self, n: usize) {
        if self.pos < self.back.len() {
            self.pos = (self.pos + n).min(self.back.len());
        } else {
            self.inner.consume(n);
        }
        self.offset += n as u64;
    }

    /// The next `n` bytes without reading them (fewer at the end of the input).
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.back.len().saturating_sub(self.pos) < n {
            if self.pos > 0 {
                self.back.drain(..self.pos);
                self.pos = 0;
            }
            let need = n.saturating_sub(self.back.len());
            let buf = fill_inner(&mut self.inner)?;
            if buf.is_empty() {
                break;
            }
            let take = need.min(buf.len());
            self.back
                .extend_from_slice(buf.get(..take).unwrap_or_default());
            self.inner.consume(take);
        }
        let end = self.back.len().min(self.pos + n);
        Ok(self.back.get(self.pos..end).unwrap_or_default())
    }

    /// Puts `bytes` back in front of the stream.
    fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut back =
            Vec::with_capacity(bytes.len() + self.back.len() - self.pos.min(self.back.len()));
        back.extend_from_slice(bytes);
        back.extend_from_slice(self.back.get(self.pos..).unwrap_or_default());
        self.back = back;
        self.pos = 0;
        self.offset = self.offset.saturating_sub(bytes.len() as u64);
    }

    /// Appends the bytes up to and including the next `\n` to `out`, or at
    /// most `max` bytes; returns how many were appended.
    fn read_line(&mut self, out: &mut Vec<u8>, max: usize) -> io::Result<usize> {
        let mut total = 0;
        loop {
            let room = max.saturating_sub(total);
            let buf = self.fill()?;
            if buf.is_empty() || room == 0 {
                return Ok(total);
            }
            let buf = buf.get(..room.min(buf.len())).unwrap_or_default();
            let (n, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            out.extend_from_slice(buf.get(..n).unwrap_or_default());
            self.consume(n);
            total += n;
            if done {
                return Ok(total);
            }
        }
    }

    /// Skips the rest of the current line, its `\n` included.
    fn skip_line(&mut self) -> io::Result<()> {
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Ok(());
            }
            match memchr::memchr(b'\n', buf) {
                Some(i) => {
                    self.consume(i + 1);
                    return Ok(());
                }
                None => {
                    let n = buf.len();
                    self.consume(n);
                }
            }
        }
    }

    /// Skips `\r` and `\n` bytes.
    fn skip_newlines(&mut self) -> io::Result<()> {
        loop {
            let buf = self.fill()?;
            let n = buf
                .iter()
                .position(|b| !matches!(b, b'\r' | b'\n'))
                .unwrap_or(buf.len());
            let done = buf.is_empty() || n < buf.len();
            self.consume(n);
            if done {
                return Ok(());
            }
        }
    }

    /// Skips `n` bytes (fewer at the end of the input).
    fn skip(&mut self, n: usize) -> io::Result<()> {
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let take = left.min(buf.len());
            self.consume(take);
            left -= take;
        }
        Ok(())
    }

    /// Reads up to `n` bytes into `out` (fewer at the end of the input).
    fn read_up_to(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<()> {
        out.reserve(usize::try_from(n.min(1 << 20)).unwrap_or(0));
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let take = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
            out.extend_from_slice(buf.get(..take).unwrap_or_default());
            self.consume(take);
            left -= take as u64;
        }
        Ok(())
    }

    /// Skips whole lines until one starts with `WARC/1.` (left unread);
    /// returns whether one was found before the end of the input. Must be
    /// called at the start of a line.
    fn resync(&mut self) -> io::Result<bool> {
        loop {
            let head = self.peek(VERSION_PREFIX.len())?;
            if head.is_empty() {
                return Ok(false);
            }
            if head.starts_with(VERSION_PREFIX) {
                return Ok(true);
            }
            self.skip_line()?;
        }
    }
}

/// `inner.fill_buf()`, retried when interrupted.
fn fill_inner<R: BufRead>(inner: &mut R) -> io::Result<&[u8]> {
    loop {
        match inner.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    inner.fill_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record in the real format: CRLF header lines, a blank line, the
    /// block, and two CRLFs.
    fn rec(kind: &str, uri: &str, id: &str, body: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2024-05-18T09:15:00Z\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
             WARC-Identified-Content-Language: eng\r\nContent-Type: text/plain\r\n\
             Content-Length: {}\r\n\r\n{body}\r\n\r\n",
            body.len()
        )
    }

    fn info() -> String {
        let fields = "software: newsprint-tests\r\nformat: WARC File Format 1.0\r\n";
        format!(
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2024-05-18T09:00:00Z\r\n\
             WARC-Filename: test.warc.wet.gz\r\nWARC-Record-ID: <urn:uuid:info>\r\n\
             Content-Type: application/warc-fields\r\nContent-Length: {}\r\n\r\n{fields}\r\n\r\n",
            fields.len()
        )
    }

    /// Each item as `Ok(id)` or `Err(kind)`.
    fn outline(input: &[u8]) -> Vec<Result<String, &'static str>> {
        WetReader::new(input)
            .map(|r| match r {
                Ok(r) => Ok(r.record_id.unwrap_or_default()),
                Err(e) => Err(e.kind()),
            })
            .collect()
    }

    fn ok(ids: &[&str]) -> Vec<Result<String, &'static str>> {
        ids.iter().map(|i| Ok(format!("<urn:uuid:{i}>"))).collect()
    }

    #[test]
    fn reads_warcinfo_then_conversion_records() {
        let wet = info()
            + &rec(
                "conversion",
                "https://a.example/1",
                "1",
                "First page\nline two",
            )
            + &rec("conversion", "https://a.example/2", "2", "Second");
        let recs: Vec<WetRecord> = WetReader::new(wet.as_bytes()).map(Result::unwrap).collect();
        assert_eq!(recs.len(), 3, "warcinfo and two conversions");
        assert!(!recs[0].is_conversion());
        assert_eq!(
            recs[0].text().unwrap(),
            "software: newsprint-tests\r\nformat: WARC File Format 1.0\r\n"
        );
        assert_eq!(
            recs[1].text().unwrap(),
            "First page\nline two",
            "block is exactly Content-Length bytes"
        );
        assert_eq!(recs[1].target_uri.as_deref(), Some("https://a.example/1"));
        assert_eq!(recs[1].language.as_deref(), Some("eng"));
        assert_eq!(
            recs[2].offset,
            (info().len()
                + rec(
                    "conversion",
                    "https://a.example/1",
                    "1",
                    "First page\nline two"
                )
                .len()) as u64,
            "offset of the WARC/1.0 line"
        );
    }

    #[test]
    fn empty_and_blank_input_have_no_records() {
        assert!(outline(b"").is_empty());
        assert!(outline(b"\r\n\r\n\n").is_empty());
    }

    #[test]
    fn block_may_contain_warc_lines_when_length_is_right() {
        let body = "About archives\nWARC/1.0\nis a format.";
        let wet = rec("conversion", "u", "1", body) + &rec("conversion", "u", "2", "x");
        assert_eq!(
            outline(wet.as_bytes()),
            ok(&["1", "2"]),
            "Content-Length is trusted when it is consistent"
        );
    }

    #[test]
    fn too_short_length_is_reported_and_next_record_kept() {
        let bad = rec("conversion", "u", "1", "Body of the page")
            .replace("Content-Length: 16", "Content-Length: 5");
        let wet = info() + &bad + &rec("conversion", "u", "2", "ok");
        assert_eq!(
            outline(wet.as_bytes()),
            vec![
                Ok("<urn:uuid:info>".into()),
                Err("length_mismatch"),
                Ok("<urn:uuid:2>".into())
            ]
        );
    }

    #[test]
    fn too_long_length_does_not_swallow_the_next_record() {
        let bad =
            rec("conversion", "u", "1", "Body").replace("Content-Length: 4", "Content-Length: 300");
        let wet =
            bad + &rec(
                "conversion",
                "u",
                "2",
                "A second page that is long enough to be swallowed whole by the bad length",
            ) + &rec("conversion", "u", "3", "third");
        assert_eq!(
            outline(wet.as_bytes()),
            vec![
                Err("length_mismatch"),
                Ok("<urn:uuid:2>".into()),
                Ok("<urn:uuid:3>".into())
            ]
        );
    }

    #[test]
    fn length_that_swallows_a_whole_record_is_a_mismatch() {
        let two = rec("conversion", "u", "2", "The second page");
        let three = rec("conversion", "u", "3", "third");
        // The bad length ends the block exactly where record 2's block ends:
        // the trailer after it looks right, but the block holds a record.
        let claimed = "Body\r\n\r\n".len() + two.len() - 4;
        let bad = rec("conversion", "u", "1", "Body")
            .replace("Content-Length: 4", &format!("Content-Length: {claimed}"));
        let wet = bad + &two + &three;
        assert_eq!(
            outline(wet.as_bytes()),
            vec![
                Err("length_mismatch"),
                Ok("<urn:uuid:2>".into()),
                Ok("<urn:uuid:3>".into())
            ]
        );
    }

    #[test]
    fn holds_record_needs_the_whole_shape() {
        assert!(holds_record(
            b"text\r\n\r\nWARC/1.0\r\nWARC-Type: conversion\r\n"
        ));
        assert!(holds_record(b"text\n\nWARC/1.1\nContent-Length: 3\n"));
        assert!(
            !holds_record(b"text\nWARC/1.0\nWARC-Type: x\n"),
            "no blank line before"
        );
        assert!(
            !holds_record(b"text\n\nWARC/1.1 is the current version.\nNext: more\n"),
            "not the whole line"
        );
        assert!(
            !holds_record(b"text\n\nWARC/1.0\nno header here\n"),
            "no header after"
        );
    }

    #[test]
    fn length_past_the_end_of_input_in_the_middle_is_a_mismatch() {
        let bad = rec("conversion", "u", "1", "Body")
            .replace("Content-Length: 4", "Content-Length: 99999");
        let wet = bad + &rec("conversion", "u", "2", "two");
        assert_eq!(
            outline(wet.as_bytes()),
            vec![Err("length_mismatch"), Ok("<urn:uuid:2>".into())]
        );
    }

    #[test]
    fn truncated_final_record_is_reported() {
        let last = rec(
            "conversion",
            "u",
            "2",
            "This page is cut off by the end of the file",
        );
        let wet = rec("conversion", "u", "1", "one") + last.get(..last.len() - 20).unwrap();
        let items: Vec<_> = WetReader::new(wet.as_bytes()).collect();
        assert_eq!(items.len(), 2);
        let err = items[1].as_ref().unwrap_err();
        assert_eq!(err.kind(), "truncated");
        assert_eq!(err.record_id(), Some("<urn:uuid:2>"));
        assert_eq!(
            err.offset(),
            Some(rec("conversion", "u", "1", "one").len() as u64)
        );
    }

    #[test]
    fn truncated_inside_headers_is_reported() {
        let wet = rec("conversion", "u", "1", "one") + "WARC/1.0\r\nWARC-Type: conv";
        assert_eq!(
            outline(wet.as_bytes()),
            vec![Ok("<urn:uuid:1>".into()), Err("truncated")]
        );
        let wet = rec("conversion", "u", "1", "one") + "WARC/1.";
        assert_eq!(
            outline(wet.as_bytes()),
            vec![Ok("<urn:uuid:1>".into()), Err("truncated")]
        );
    }

    #[test]
    fn lengths_that_run_into_the_trailer_are_mismatches() {
        for extra in 1..=4usize {
            let bad = rec("conversion", "u", "1", "Body").replace(
                "Content-Length: 4",
                &format!("Content-Length: {}", 4 + extra),
            );
            let wet = bad.clone() + &rec("conversion", "u", "2", "two");
            assert_eq!(
                outline(wet.as_bytes()),
                vec![Err("length_mismatch"), Ok("<urn:uuid:2>".into())],
                "{extra} bytes too many, in the middle"
            );
            if extra == 4 {
                continue; // the same bytes as a last record without its trailer
            }
            assert_eq!(
                outline(bad.as_bytes()),
                vec![Err("length_mismatch")],
                "{extra} bytes too many, at the end"
            );
        }
    }

    #[test]
    fn blank_lines_between_records_are_not_garbage() {
        let wet = rec("conversion", "u", "1", "one")
            + "\r\n\n\r\n"
            + &rec("conversion", "u", "2", "two")
            + "\n\n";
        assert_eq!(outline(wet.as_bytes()), ok(&["1", "2"]));
    }

    #[test]
    fn missing_trailer_on_last_record_is_accepted() {
        let wet = rec("conversion", "u", "1", "one");
        let wet = wet.strip_suffix("\r\n\r\n").unwrap();
        assert_eq!(outline(wet.as_bytes()), ok(&["1"]));
    }

    #[test]
    fn lf_only_records_are_read() {
        let wet = (rec("conversion", "u", "1", "one\ntwo") + &rec("conversion", "u", "2", "three"))
            .replace("\r\n", "\n");
        assert_eq!(outline(wet.as_bytes()), ok(&["1", "2"]));
    }

    #[test]
    fn garbage_between_records_is_skipped_once() {
        let wet = rec("conversion", "u", "1", "one")
            + "stray line\nanother\n"
            + &rec("conversion", "u", "2", "two");
        let items: Vec<_> = WetReader::new(wet.as_bytes()).collect();
        assert_eq!(items.len(), 3);
        match &items[1] {
            Err(WetError::Garbage { skipped, .. }) => assert_eq!(*skipped, 19),
            other => panic!("expected garbage, got {other:?}"),
        }
        assert!(items[2].is_ok());
    }

    #[test]
    fn bad_headers_are_reported_and_skipped() {
        let no_len =
            "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:x>\r\n\r\ntext\r\n\r\n";
        let bad_len = "WARC/1.0\r\nContent-Length: lots\r\n\r\ntext\r\n\r\n";
        let no_colon = "WARC/1.0\r\nthis is not a header\r\nContent-Length: 4\r\n\r\ntext\r\n\r\n";
        for bad in [no_len, bad_len, no_colon] {
            let wet =
                rec("conversion", "u", "1", "one") + bad + &rec("conversion", "u", "2", "two");
            assert_eq!(
                outline(wet.as_bytes()),
                vec![
                    Ok("<urn:uuid:1>".into()),
                    Err("bad_header"),
                    Ok("<urn:uuid:2>".into())
                ],
                "{bad:?}"
            );
        }
    }

    #[test]
    fn folded_header_values_are_joined() {
        let wet = "WARC/1.0\r\nWARC-Target-URI: https://a.example/\r\n  long-path\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
        let r = WetReader::new(wet.as_bytes()).next().unwrap().unwrap();
        assert_eq!(
            r.target_uri.as_deref(),
            Some("https://a.example/ long-path")
        );
    }

    #[test]
    fn huge_header_line_is_refused_without_unbounded_memory() {
        let long = "x".repeat(MAX_HEADER_BYTES + 10);
        let wet = format!("WARC/1.0\r\nX-Long: {long}\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
            + &rec("conversion", "u", "2", "two");
        assert_eq!(
            outline(wet.as_bytes()),
            vec![Err("bad_header"), Ok("<urn:uuid:2>".into())]
        );
    }

    #[test]
    fn record_too_large_is_skipped() {
        let wet =
            rec("conversion", "u", "1", &"a".repeat(100)) + &rec("conversion", "u", "2", "two");
        let items: Vec<_> = WetReader::new(wet.as_bytes())
            .max_record_bytes(50)
            .map(|r| r.map_err(|e| e.kind()))
            .collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].as_ref().unwrap_err(), &"record_too_large");
        assert_eq!(items[1].as_ref().unwrap().body, b"two");
    }

    #[test]
    fn non_utf8_body_is_kept_as_bytes() {
        let mut wet = b"WARC/1.0\r\nContent-Length: 3\r\n\r\n\xff\xfe\x00\r\n\r\n".to_vec();
        wet.extend_from_slice(rec("conversion", "u", "2", "two").as_bytes());
        let recs: Vec<_> = WetReader::new(&wet[..]).collect();
        assert_eq!(recs[0].as_ref().unwrap().body, b"\xff\xfe\x00");
        assert!(recs[1].is_ok());
    }

    #[test]
    fn offsets_count_every_byte() {
        let wet = info() + &rec("conversion", "u", "1", "one");
        let mut r = WetReader::new(wet.as_bytes());
        while r.next().is_some() {}
        assert_eq!(r.offset(), wet.len() as u64);
    }

    /// A reader that hands out one byte at a time: every boundary inside a
    /// header, the magic bytes and the trailer falls between two reads.
    struct Trickle(Vec<u8>, usize);
    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.get(self.1), buf.first_mut()) {
                (Some(b), Some(slot)) => {
                    *slot = *b;
                    self.1 += 1;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn one_byte_reads_give_the_same_records() {
        let bad =
            rec("conversion", "u", "1", "Body").replace("Content-Length: 4", "Content-Length: 60");
        let wet = info() + &bad + "junk\r\n" + &rec("conversion", "u", "2", "two");
        let whole = outline(wet.as_bytes());
        let trickled: Vec<_> =
            WetReader::new(BufReader::with_capacity(1, Trickle(wet.into_bytes(), 0)))
                .map(|r| {
                    r.map(|r| r.record_id.unwrap_or_default())
                        .map_err(|e| e.kind())
                })
                .collect();
        assert_eq!(trickled, whole);
        assert_eq!(whole.last(), Some(&Ok("<urn:uuid:2>".into())));
    }

    #[test]
    fn gzip_members_are_read_one_after_another() {
        use std::io::Write;
        let mut gz = Vec::new();
        for r in [
            info(),
            rec("conversion", "u", "1", "one"),
            rec("conversion", "u", "2", "two"),
        ] {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(r.as_bytes()).unwrap();
            gz.extend(e.finish().unwrap());
        }
        let items: Vec<_> = WetReader::detect(io::Cursor::new(gz.clone()))
            .unwrap()
            .map(|r| r.unwrap().record_id.unwrap())
            .collect();
        assert_eq!(items, ["<urn:uuid:info>", "<urn:uuid:1>", "<urn:uuid:2>"]);
        let cut = gz.get(..gz.len() - 10).unwrap().to_vec();
        let items: Vec<_> = WetReader::detect(io::Cursor::new(cut)).unwrap().collect();
        assert!(items.len() >= 3, "two whole records, then the error");
        assert!(items[1].is_ok());
        assert!(
            items.last().unwrap().is_err(),
            "a truncated gzip stream is reported"
        );
        let trickle = WetReader::detect(Trickle(gz, 0)).unwrap();
        assert_eq!(trickle.count(), 3, "magic bytes read one at a time");
    }
}
