//! The examples' JSON writer (`examples/common/json.rs`) writes the bytes
//! `serde_json::to_string` writes (failures of the generated cases are kept
//! in `proptest-regressions/json_writer.txt`): on every fixture's article, on strings
//! with each ASCII byte at every offset of the sixteen-byte search, on every
//! shape of value serde has, and on generated text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../examples/common/json.rs"]
mod json;

#[path = "../benches/gen/mod.rs"]
mod corpus;

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde::Serialize;

/// Both writers' output for `value`, which must be equal.
fn same<T: Serialize + ?Sized>(value: &T) {
    let ours = json::to_string(value).unwrap();
    let theirs = serde_json::to_string(value).unwrap();
    assert_eq!(ours, theirs);
}

#[test]
fn fixtures_articles_are_written_as_serde_json_writes_them() {
    let mut seen = 0;
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let article = newsprint::parse(&text).unwrap();
            same(&article);
            seen += 1;
        }
    }
    assert!(seen >= 6, "only {seen} fixtures");
}

#[test]
fn generated_news_pages_articles_are_written_alike() {
    // The bench corpus's shapes: menus, notices in several languages,
    // curly quotes, CJK, Markdown, CRLF.
    for page in corpus::pages(11, 400_000) {
        if let Ok(article) = newsprint::parse(&page) {
            same(&article);
        }
    }
}

#[test]
fn every_ascii_byte_at_every_offset_is_escaped_alike() {
    for b in 0..0x80u8 {
        for at in 0..40 {
            for len in [at + 1, at + 3, at + 17, 40] {
                let mut s = vec![b'x'; len.max(at + 1)];
                if let Some(x) = s.get_mut(at) {
                    *x = b;
                }
                let s = String::from_utf8(s).unwrap();
                same(&s);
                // And beside other escapes and non-ASCII text.
                same(&format!("\"{s}é\\{s}\u{1f}"));
            }
        }
    }
    same("");
    same(&"\u{7f}\u{80}\u{2028}\u{10ffff}".repeat(5));
}

#[derive(Serialize)]
enum Shapes {
    Unit,
    Newtype(u8),
    Tuple(i32, String),
    Struct { a: Option<u8>, b: Vec<bool> },
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Tagged {
    Plain { n: u64 },
    Wrapped(Inner),
}

#[derive(Serialize)]
struct Inner {
    text: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
}

#[derive(Serialize)]
struct UnitStruct;

#[derive(Serialize)]
struct Newtype(char);

#[derive(Serialize)]
struct TupleStruct(i8, u16);

#[derive(Serialize)]
struct All {
    shapes: Vec<Shapes>,
    tagged: Vec<Tagged>,
    ints: (i8, i16, i32, i64, u8, u16, u32, u64),
    edges: [i64; 4],
    unit: (),
    unit_struct: UnitStruct,
    newtype: Newtype,
    tuple_struct: TupleStruct,
    bytes: serde_bytes_like::Bytes,
    string_keys: BTreeMap<String, u8>,
    int_keys: BTreeMap<i32, &'static str>,
    char_keys: BTreeMap<char, ()>,
    empty_map: BTreeMap<u8, u8>,
    empty_seq: Vec<u8>,
    none: Option<String>,
    some: Option<Option<()>>,
    float: f64,
}

/// A byte string serialized as bytes (`serialize_bytes`), without a crate
/// for it.
mod serde_bytes_like {
    pub struct Bytes(pub &'static [u8]);

    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
}

#[test]
fn every_shape_of_value_is_written_alike() {
    let all = All {
        shapes: vec![
            Shapes::Unit,
            Shapes::Newtype(7),
            Shapes::Tuple(-3, "t\"".into()),
            Shapes::Struct {
                a: None,
                b: vec![true, false],
            },
            Shapes::Struct {
                a: Some(255),
                b: vec![],
            },
        ],
        tagged: vec![
            Tagged::Plain { n: u64::MAX },
            Tagged::Wrapped(Inner {
                text: "in\nner",
                skipped: None,
            }),
            Tagged::Wrapped(Inner {
                text: "",
                skipped: Some(0),
            }),
        ],
        ints: (
            i8::MIN,
            i16::MIN,
            i32::MIN,
            i64::MIN,
            0,
            u16::MAX,
            u32::MAX,
            u64::MAX,
        ),
        edges: [0, -1, 9, -10],
        unit: (),
        unit_struct: UnitStruct,
        newtype: Newtype('\u{0}'),
        tuple_struct: TupleStruct(-1, 10),
        bytes: serde_bytes_like::Bytes(b"\x00\xff"),
        string_keys: [("a\tb".to_string(), 1), ("".to_string(), 2)].into(),
        int_keys: [(-5, "x"), (12, "y")].into(),
        char_keys: [('"', ()), ('é', ())].into(),
        empty_map: BTreeMap::new(),
        empty_seq: vec![],
        none: None,
        some: Some(None),
        float: 0.1,
    };
    same(&all);
}

proptest! {
    // Failures are kept beside the other properties' and replayed first.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/json_writer.txt",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_strings_are_escaped_alike(s in "(?s).{0,80}", ascii in "[\\x00-\\x7f]{0,40}") {
        same(&s);
        same(&ascii);
        same(&vec![s.clone(), ascii.clone()]);
    }

    #[test]
    fn generated_pages_articles_are_written_alike(
        lines in prop::collection::vec("[ -~\\t\u{e9}\u{201c}\u{201d}\\\\\"]{0,120}", 0..30),
    ) {
        let text = lines.join("\n");
        if let Ok(article) = newsprint::parse(&text) {
            same(&article);
        }
    }
}
