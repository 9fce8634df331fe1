//! Compact JSON for the example binaries: the bytes `serde_json::to_writer`
//! writes, about four times as fast on articles.
//!
//! serde_json escapes a string a byte at a time (a table load and a branch
//! each), which was a third of `examples/parse`'s instructions on a large
//! page, more than the parse's lexicon and line features together. Here a
//! string is searched sixteen bytes at a time for the bytes JSON escapes
//! (`"`, `\` and those below U+0020) and written in runs between them. The
//! rest of the format is serde_json's own: the same separators, escapes
//! (`\n`, `\u001f`, lower-case hex), `null` for `None` and units, enums as
//! serde_json writes them. Floats, which no article holds, are handed to
//! serde_json. `tests/json_writer.rs` compares the two writers' bytes on
//! every fixture and on generated strings.
#![allow(dead_code)]

use std::fmt::Display;
use std::io::Write;

use serde::Serialize;
use serde::ser::{self, Impossible};
use wide::u8x16;

/// Writes `value` as compact JSON to `out`, as `serde_json::to_writer`
/// would.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> std::io::Result<()> {
    let mut s = Json { out };
    value.serialize(&mut s).map_err(Error::into_io)
}

/// [`to_writer`] into a `String`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> std::io::Result<String> {
    let mut out = Vec::new();
    to_writer(&mut out, value)?;
    // Only valid UTF-8 goes in: strings whole or cut at ASCII bytes.
    String::from_utf8(out).map_err(std::io::Error::other)
}

/// A write or serialization error.
#[derive(Debug)]
pub struct Error(std::io::Error);

impl Error {
    fn into_io(self) -> std::io::Error {
        self.0
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(e)
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(std::io::Error::other(msg.to_string()))
    }
}

/// The serializer: a writer.
struct Json<W> {
    out: W,
}

/// Whether one of the sixteen bytes of `block` is a quote, a backslash or
/// below 0x20: three vector compares (SSE2 on x86-64, through `wide`).
#[inline(always)]
fn needs_escape(block: &[u8; 16]) -> bool {
    let v = u8x16::new(*block);
    let below = v.min(u8x16::splat(0x1F)).simd_eq(v);
    let marks = v.simd_eq(u8x16::splat(b'"')) | v.simd_eq(u8x16::splat(b'\\'));
    (below | marks).to_bitmask() != 0
}

/// The escape of byte `b`, or `None` if it is written as it is.
#[inline(always)]
fn escape(b: u8) -> Option<&'static [u8]> {
    match b {
        b'"' => Some(b"\\\""),
        b'\\' => Some(b"\\\\"),
        0x08 => Some(b"\\b"),
        0x0C => Some(b"\\f"),
        b'\n' => Some(b"\\n"),
        b'\r' => Some(b"\\r"),
        b'\t' => Some(b"\\t"),
        0..0x20 => Some(b"\\u00"),
        _ => None,
    }
}

impl<W: Write> Json<W> {
    fn raw(&mut self, b: &[u8]) -> Result<(), Error> {
        self.out.write_all(b).map_err(Error)
    }

    /// `s` quoted and escaped.
    fn string(&mut self, s: &str) -> Result<(), Error> {
        self.raw(b"\"")?;
        self.contents(s.as_bytes())?;
        self.raw(b"\"")
    }

    /// The bytes of a string (valid UTF-8), escaped. Blocks of sixteen
    /// bytes that need no escape (nearly all) are passed over with one test
    /// each; the bytes are written in runs between escapes.
    fn contents(&mut self, b: &[u8]) -> Result<(), Error> {
        let mut run = 0;
        let mut i = 0;
        while let Some(block) = b.get(i..).and_then(|t| t.first_chunk::<16>()) {
            if needs_escape(block) {
                run = self.escapes(b, run, i..i + 16)?;
            }
            i += 16;
        }
        // The last bytes: in the last sixteen (overlapping blocks already
        // passed), or padded with a byte that needs no escape.
        let tail = match b.last_chunk::<16>() {
            Some(block) => *block,
            None => {
                let mut block = [b'x'; 16];
                for (d, s) in block.iter_mut().zip(b) {
                    *d = *s;
                }
                block
            }
        };
        if i < b.len() && needs_escape(&tail) {
            run = self.escapes(b, run, i..b.len())?;
        }
        self.raw(b.get(run..).unwrap_or(&[]))
    }

    /// Writes the run of `b` from `run` up to each byte in `bytes` that
    /// needs an escape, and its escape; gives back where the next run
    /// starts.
    fn escapes(
        &mut self,
        b: &[u8],
        mut run: usize,
        bytes: std::ops::Range<usize>,
    ) -> Result<usize, Error> {
        for i in bytes {
            let c = b.get(i).copied().unwrap_or(0);
            let Some(e) = escape(c) else { continue };
            self.raw(b.get(run..i).unwrap_or(&[]))?;
            self.raw(e)?;
            if e == b"\\u00" {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let hex = |n: u8| HEX.get(usize::from(n & 15)).copied().unwrap_or(b'0');
                self.raw(&[hex(c >> 4), hex(c)])?;
            }
            run = i + 1;
        }
        Ok(run)
    }

    fn unsigned(&mut self, mut v: u64) -> Result<(), Error> {
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        loop {
            at -= 1;
            if let Some(d) = buf.get_mut(at) {
                *d = b'0' + (v % 10) as u8;
            }
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.raw(buf.get(at..).unwrap_or(&[]))
    }

    fn signed(&mut self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.raw(b"-")?;
        }
        self.unsigned(v.unsigned_abs())
    }

    /// A float, as serde_json writes it (no article holds one).
    fn float<T: Serialize>(&mut self, v: T) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, &v).map_err(|e| Error(e.into()))
    }
}

/// A sequence, map or struct being written: whether an element came yet.
struct Compound<'a, W> {
    json: &'a mut Json<W>,
    first: bool,
    /// `}` after the closing bracket: a variant's `{"name":…}`.
    variant: bool,
}

impl<W: Write> Compound<'_, W> {
    fn comma(&mut self) -> Result<(), Error> {
        if self.first {
            self.first = false;
            Ok(())
        } else {
            self.json.raw(b",")
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma()?;
        self.json.string(key)?;
        self.json.raw(b":")?;
        value.serialize(&mut *self.json)
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma()?;
        value.serialize(&mut *self.json)
    }

    fn close(self, bracket: &[u8]) -> Result<(), Error> {
        self.json.raw(bracket)?;
        if self.variant {
            self.json.raw(b"}")?;
        }
        Ok(())
    }
}

impl<'a, W: Write> ser::Serializer for &'a mut Json<W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, W>;
    type SerializeTuple = Compound<'a, W>;
    type SerializeTupleStruct = Compound<'a, W>;
    type SerializeTupleVariant = Compound<'a, W>;
    type SerializeMap = Compound<'a, W>;
    type SerializeStruct = Compound<'a, W>;
    type SerializeStructVariant = Compound<'a, W>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.raw(if v { b"true" } else { b"false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.signed(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.signed(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.signed(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.signed(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.unsigned(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.unsigned(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.unsigned(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.unsigned(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.raw(b"null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.raw(b"null")
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.raw(b"null")
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.raw(b"{")?;
        self.string(variant)?;
        self.raw(b":")?;
        value.serialize(&mut *self)?;
        self.raw(b"}")
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        self.raw(b"[")?;
        Ok(Compound {
            json: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, W>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.raw(b"{")?;
        self.string(variant)?;
        self.raw(b":[")?;
        Ok(Compound {
            json: self,
            first: true,
            variant: true,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        self.raw(b"{")?;
        Ok(Compound {
            json: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, W>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.raw(b"{")?;
        self.string(variant)?;
        self.raw(b":{")?;
        Ok(Compound {
            json: self,
            first: true,
            variant: true,
        })
    }
}

impl<W: Write> ser::SerializeSeq for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b"]")
    }
}

impl<W: Write> ser::SerializeTuple for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b"]")
    }
}

impl<W: Write> ser::SerializeTupleStruct for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b"]")
    }
}

impl<W: Write> ser::SerializeTupleVariant for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b"]")
    }
}

impl<W: Write> ser::SerializeMap for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma()?;
        key.serialize(Key(&mut *self.json))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.json.raw(b":")?;
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b"}")
    }
}

impl<W: Write> ser::SerializeStruct for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b"}")
    }
}

impl<W: Write> ser::SerializeStructVariant for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b"}")
    }
}

/// A map key: JSON keys are strings, so a string or a char is written as
/// one and an integer in quotes, as serde_json does; other keys are an
/// error.
struct Key<'a, W>(&'a mut Json<W>);

impl<W: Write> Key<'_, W> {
    fn quoted(self, v: impl Display) -> Result<(), Error> {
        self.0.string(&v.to_string())
    }
}

/// The error for a key JSON cannot hold.
fn bad_key() -> Error {
    ser::Error::custom("key must be a string")
}

impl<W: Write> ser::Serializer for Key<'_, W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.string(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(bad_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(bad_key())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(bad_key())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(bad_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(bad_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(bad_key())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(bad_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(bad_key())
    }
}
