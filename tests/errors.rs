//! The input newsprint refuses: each typed error, through every entry point,
//! and the `parse` example's handling of it (one line on stderr, status 1).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use newsprint::{Error, Options, Parser};

/// Every entry point gives the same answer for `input`.
fn refused(input: &str) -> Error {
    let err = newsprint::parse(input).unwrap_err();
    assert_eq!(newsprint::parse_bytes(input.as_bytes()).unwrap_err(), err);
    assert_eq!(
        newsprint::parse_with(input, &Options::default()).unwrap_err(),
        err
    );
    assert_eq!(Parser::default().parse(input).unwrap_err(), err);
    err
}

#[test]
fn empty_input_is_refused() {
    let err = refused("");
    assert_eq!(err, Error::Empty);
    assert_eq!(err.kind(), "empty");
    assert_eq!(err.offset(), None);
    assert_eq!(err.to_string(), "input is empty");
}

#[test]
fn whitespace_only_input_is_refused_with_its_length() {
    for input in [
        " ",
        "\n",
        "\r\n",
        "\r",
        "\t \t",
        "\n\n\n\n",
        " \r\n\t\x0b\x0c ",
    ] {
        let err = refused(input);
        assert_eq!(err, Error::Blank { len: input.len() }, "for {input:?}");
        assert_eq!(err.kind(), "blank");
        assert_eq!(err.offset(), None);
    }
    let big = "\n".repeat(100_000);
    assert_eq!(
        refused(&big),
        Error::Blank { len: 100_000 },
        "many blank lines"
    );
    assert_eq!(
        refused("  \n").to_string(),
        "input is blank: 3 bytes of whitespace and no text"
    );
}

#[test]
fn invisible_only_input_is_refused_as_blank() {
    // No-break and zero-width spaces are white space too: a page of nothing
    // else has no text, and is refused like ASCII white space.
    for input in ["\u{a0}", "\u{200b}\n\u{feff}", " \u{2060} \n\u{3000}"] {
        assert_eq!(
            newsprint::parse(input).unwrap_err(),
            newsprint::Error::Blank { len: input.len() },
            "{input:?}"
        );
    }
}

#[test]
fn nul_bytes_are_refused_as_binary_with_the_first_offset() {
    for (input, at) in [
        ("\0", 0),
        ("a\0b", 1),
        ("Headline of a page\n\nBody text.\0\0", 30),
        ("\u{feff}\0", 3),
    ] {
        let err = refused(input);
        assert_eq!(err, Error::Binary { offset: at }, "for {input:?}");
        assert_eq!(err.kind(), "binary");
        assert_eq!(err.offset(), Some(at));
    }
    assert_eq!(
        refused("ab\0").to_string(),
        "input is binary: NUL byte at offset 2"
    );
    // Binary data that happens to be UTF-8-invalid too: the NUL check comes first.
    assert_eq!(
        newsprint::parse_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
        Error::Binary { offset: 8 }
    );
}

#[test]
fn invalid_utf8_is_refused_with_the_offset_of_the_first_bad_byte() {
    let cases: &[(&[u8], usize)] = &[
        (b"\xff", 0),
        (b"Head\xffline", 4),
        (b"abc\xc3", 3),                 // truncated two-byte sequence at the end
        (b"caf\xc3\xa9 \xe2\x82", 6),    // truncated three-byte sequence
        (b"ok \xc0\x80", 3),             // overlong encoding of NUL
        (b"ok \xed\xa0\x80", 3),         // UTF-16 surrogate
        (b"ok \xf4\x90\x80\x80", 3),     // above U+10FFFF
        (b"\xe2\x80\xa2 item\n\x80", 9), // lone continuation byte
        (b"Latin-1 page: caf\xe9 au lait", 17), // a page in the wrong encoding
    ];
    for &(bytes, at) in cases {
        let err = newsprint::parse_bytes(bytes).unwrap_err();
        assert_eq!(err, Error::InvalidUtf8 { offset: at }, "for {bytes:?}");
        assert_eq!(Parser::default().parse_bytes(bytes).unwrap_err(), err);
        assert_eq!(err.kind(), "invalid_utf8");
        assert_eq!(err.offset(), Some(at));
        assert_eq!(
            std::str::from_utf8(bytes).unwrap_err().valid_up_to(),
            at,
            "the offset is the valid prefix's length"
        );
    }
    assert_eq!(
        newsprint::parse_bytes(b"ok\xff").unwrap_err().to_string(),
        "input is not valid UTF-8 at byte offset 2"
    );
}

#[test]
fn input_over_max_bytes_is_refused() {
    let page = "Headline of the test page\n\nThe body.\n";
    assert_eq!(page.len(), 37);
    let mut o = Options::default();
    o.max_bytes = 40;
    assert!(newsprint::parse_with(page, &o).is_ok(), "under the limit");
    let at_limit = format!("{page}abc");
    assert!(
        newsprint::parse_with(&at_limit, &o).is_ok(),
        "exactly at the limit"
    );
    let over = format!("{page}abcd");
    let err = newsprint::parse_with(&over, &o).unwrap_err();
    assert_eq!(err, Error::TooLarge { len: 41, max: 40 });
    assert_eq!(err.kind(), "too_large");
    assert_eq!(err.offset(), None);
    assert_eq!(
        err.to_string(),
        "input is 41 bytes, over the limit of 40 bytes"
    );
    let parser = Parser::new(o.clone());
    assert_eq!(parser.parse(&over).unwrap_err(), err);
    assert_eq!(parser.parse_bytes(over.as_bytes()).unwrap_err(), err);
    // The size is checked before anything else: before UTF-8 and NUL checks.
    let mut bad = over.clone().into_bytes();
    bad[0] = 0xff;
    bad[1] = 0;
    assert_eq!(parser.parse_bytes(&bad).unwrap_err(), err);
    // A limit of zero still says an empty input is empty.
    o.max_bytes = 0;
    assert_eq!(newsprint::parse_with("", &o).unwrap_err(), Error::Empty);
    assert!(matches!(
        newsprint::parse_with("x", &o).unwrap_err(),
        Error::TooLarge { len: 1, max: 0 }
    ));
}

#[test]
fn default_limit_is_256_mib() {
    assert_eq!(Options::default().max_bytes, 256 << 20);
}

#[test]
fn errors_are_plain_values() {
    fn assert_error<E: std::error::Error + Send + Sync + Clone + PartialEq + 'static>() {}
    assert_error::<Error>();
    let all = [
        Error::Empty,
        Error::Blank { len: 1 },
        Error::Binary { offset: 0 },
        Error::InvalidUtf8 { offset: 0 },
        Error::TooLarge { len: 2, max: 1 },
    ];
    let mut kinds: Vec<&str> = all.iter().map(Error::kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), all.len(), "one kind per variant");
    for e in &all {
        let msg = e.to_string();
        assert!(
            msg.starts_with(char::is_lowercase),
            "lowercase message: {msg}"
        );
        assert!(
            !msg.ends_with(['.', '!', '\n']),
            "no trailing punctuation: {msg}"
        );
        assert!(!msg.contains('\n'), "one line: {msg}");
        assert!(std::error::Error::source(e).is_none());
    }
}

// ---- the `parse` example ----------------------------------------------------

/// The `parse` example, which `cargo test` builds beside this test binary.
#[cfg(feature = "serde")]
fn example() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/errors-<hash> → target/<profile>/examples/parse
    let dir = exe.parent().and_then(|d| d.parent()).unwrap();
    let bin = dir
        .join("examples")
        .join(format!("parse{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} not built (cargo test builds the examples)",
        bin.display()
    );
    bin
}

/// Runs the example on `input` given on stdin (`-`) and as a file.
#[cfg(feature = "serde")]
fn run_example(input: &[u8]) -> Vec<std::process::Output> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut outputs = Vec::new();
    let mut child = Command::new(example())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    outputs.push(child.wait_with_output().unwrap());

    let path = std::env::temp_dir().join(format!(
        "newsprint-errors-{}-{:x}.txt",
        std::process::id(),
        input
            .iter()
            .fold(0u64, |h, &b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
    ));
    std::fs::write(&path, input).unwrap();
    outputs.push(Command::new(example()).arg(&path).output().unwrap());
    let _ = std::fs::remove_file(&path);
    outputs
}

#[cfg(feature = "serde")]
#[test]
fn example_reports_a_refused_input_on_one_stderr_line_and_exits_1() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "input is empty"),
        (
            b" \n\t\r\n",
            "input is blank: 5 bytes of whitespace and no text",
        ),
        (b"Head\0line", "input is binary: NUL byte at offset 4"),
        (
            b"Headline\n\nBody \xff.",
            "input is not valid UTF-8 at byte offset 15",
        ),
    ];
    for &(input, message) in cases {
        for out in run_example(input) {
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{input:?}: stderr {stderr:?}");
            assert!(out.stdout.is_empty(), "{input:?}: nothing on stdout");
            assert_eq!(stderr.lines().count(), 1, "{input:?}: one line: {stderr:?}");
            assert!(stderr.ends_with('\n'), "{input:?}: a whole line");
            assert!(
                stderr.trim_end().ends_with(message),
                "{input:?}: {stderr:?} says {message:?}"
            );
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn example_parses_a_page_and_exits_0() {
    let page = b"Harbour ferry returns after storm repairs\n\nBy Jane Roe\n\n\
        The ferry sailed again on Monday after three weeks in dry dock.\n";
    for out in run_example(page) {
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert!(out.stderr.is_empty(), "{out:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            json["headline"]["text"],
            "Harbour ferry returns after storm repairs"
        );
    }
}

#[cfg(feature = "serde")]
#[test]
fn example_reports_a_missing_file_and_exits_1() {
    let out = std::process::Command::new(example())
        .arg("no/such/page.txt")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
}
