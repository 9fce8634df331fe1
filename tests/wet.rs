//! The WET reader on files we write ourselves in the real format: WARC/1.0
//! records with CRLF header lines, a `warcinfo` record first, then
//! `conversion` records; gzipped one member per record as Common Crawl does.
#![cfg(feature = "wet")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::io::Write;
use std::path::PathBuf;

use newsprint::wet::{WetError, WetReader, WetRecord};
use proptest::prelude::*;

/// One record in the format of Common Crawl's WET files.
fn record(kind: &str, n: usize, body: &str) -> String {
    let extra = if kind == "conversion" {
        format!(
            "WARC-Target-URI: https://news.example/story/{n}\r\n\
             WARC-Refers-To: <urn:uuid:response-{n}>\r\n\
             WARC-Block-Digest: sha1:TESTDIGEST{n}\r\n\
             WARC-Identified-Content-Language: eng\r\n\
             Content-Type: text/plain\r\n"
        )
    } else {
        "WARC-Filename: CC-MAIN-example.warc.wet.gz\r\nContent-Type: application/warc-fields\r\n"
            .to_owned()
    };
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-05-18T09:{:02}:00Z\r\n\
         WARC-Record-ID: <urn:uuid:record-{n}>\r\n{extra}Content-Length: {}\r\n\r\n{body}\r\n\r\n",
        n % 60,
        body.len()
    )
}

fn warcinfo() -> String {
    record(
        "warcinfo",
        0,
        "Software-Info: newsprint-tests\r\nExtracted-Date: Sat, 18 May 2024 09:00:00 GMT\r\n\
         robots: checked via crawler-commons\r\nisPartOf: CC-MAIN-example\r\n\
         operator: Common Crawl Admin\r\ndescription: Wide crawl of the web\r\n\
         publisher: Common Crawl\r\n",
    )
}

/// A fictional news page, plain text with `\n` line ends as in WET files.
fn page(n: usize) -> String {
    format!(
        "Home\nNews\nSport\nCouncil approves new harbour plan number {n}\n\
         By Jane Roe\n18 May 2024\n\
         The council voted on Monday to approve plan {n} for the harbour after a long debate.\n\
         Residents had asked for the work to begin before the winter storms arrived again.\n\
         “We have waited long enough,” said one of the fishermen who use the harbour.\n\
         Copyright 2024 Example News. All rights reserved."
    )
}

/// A WET file: warcinfo, then one conversion record per body.
fn wet_file(bodies: &[String]) -> Vec<String> {
    let mut recs = vec![warcinfo()];
    recs.extend(
        bodies
            .iter()
            .enumerate()
            .map(|(i, b)| record("conversion", i + 1, b)),
    );
    recs
}

/// Each record its own gzip member, as in `.warc.wet.gz` files.
fn gzip_members(records: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(r.as_bytes()).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

/// Each item as `Ok(record id)` or `Err(kind)`.
fn outline<R: std::io::BufRead>(reader: WetReader<R>) -> Vec<Result<String, &'static str>> {
    reader
        .map(|r| match r {
            Ok(r) => Ok(r.record_id.unwrap_or_default()),
            Err(e) => Err(e.kind()),
        })
        .collect()
}

fn ids(ns: impl IntoIterator<Item = usize>) -> Vec<Result<String, &'static str>> {
    ns.into_iter()
        .map(|n| Ok(format!("<urn:uuid:record-{n}>")))
        .collect()
}

#[test]
fn plain_and_gzipped_files_give_the_same_records() {
    let dir = common::scratch("wet-files");
    let bodies: Vec<String> = (1..=20).map(page).collect();
    let recs = wet_file(&bodies);
    let plain = dir.join("CC-MAIN-example.warc.wet");
    let gz = dir.join("CC-MAIN-example.warc.wet.gz");
    let gz_no_ext = dir.join("CC-MAIN-example.bin");
    std::fs::write(&plain, recs.concat()).unwrap();
    std::fs::write(&gz, gzip_members(&recs)).unwrap();
    std::fs::write(&gz_no_ext, gzip_members(&recs)).unwrap();

    let read = |p: &PathBuf| -> Vec<WetRecord> {
        WetReader::open(p)
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let from_plain = read(&plain);
    assert_eq!(from_plain.len(), 21, "warcinfo and 20 conversions");
    assert_eq!(from_plain[0].warc_type.as_deref(), Some("warcinfo"));
    assert!(!from_plain[0].is_conversion());
    for (i, r) in from_plain.iter().skip(1).enumerate() {
        assert!(r.is_conversion());
        assert_eq!(
            r.text().unwrap(),
            bodies[i],
            "record {i}'s block, byte for byte"
        );
        assert_eq!(
            r.target_uri.as_deref(),
            Some(format!("https://news.example/story/{}", i + 1).as_str())
        );
        assert_eq!(r.language.as_deref(), Some("eng"));
        assert_eq!(r.content_length, bodies[i].len() as u64);
        assert!(r.date.as_deref().unwrap().starts_with("2024-05-18T09:"));
        assert_eq!(
            r.header("WARC-Refers-To"),
            Some(format!("<urn:uuid:response-{}>", i + 1).as_str())
        );
    }
    assert_eq!(read(&gz), from_plain, "gzip members, by extension");
    assert_eq!(read(&gz_no_ext), from_plain, "gzip members, by magic bytes");
}

#[test]
fn records_parse_into_articles() {
    let recs = wet_file(&[page(7)]);
    let parser = newsprint::Parser::default();
    let texts: Vec<String> = WetReader::new(recs.concat().as_bytes())
        .filter_map(Result::ok)
        .filter(WetRecord::is_conversion)
        .map(|r| {
            let a = parser.parse_bytes(&r.body).unwrap();
            a.headline.unwrap().text.into_owned()
        })
        .collect();
    assert_eq!(texts, ["Council approves new harbour plan number 7"]);
}

#[test]
fn corrupted_record_in_the_middle_keeps_the_records_after_it() {
    let bodies: Vec<String> = (1..=9).map(page).collect();
    let mut recs = wet_file(&bodies);
    let len = bodies[4].len();
    // Record 5 claims 40 bytes more than it has: its block would swallow the
    // start of record 6.
    recs[5] = recs[5].replace(
        &format!("Content-Length: {len}\r\n"),
        &format!("Content-Length: {}\r\n", len + 40),
    );
    let want: Vec<_> = ids(0..=4)
        .into_iter()
        .chain([Err("length_mismatch")])
        .chain(ids(6..=9))
        .collect();
    assert_eq!(outline(WetReader::new(recs.concat().as_bytes())), want);
    let gz = gzip_members(&recs);
    assert_eq!(
        outline(WetReader::detect(std::io::Cursor::new(gz)).unwrap()),
        want,
        "the same through gzip members"
    );

    // Too short a length, and a record whose header lost its Content-Length.
    let mut recs = wet_file(&bodies);
    recs[3] = recs[3].replace(&format!("Content-Length: {len}"), "Content-Length: 100");
    recs[6] = recs[6].replace("Content-Length:", "Content-Lenght:");
    let want: Vec<_> = ids(0..=2)
        .into_iter()
        .chain([Err("length_mismatch")])
        .chain(ids(4..=5))
        .chain([Err("bad_header")])
        .chain(ids(7..=9))
        .collect();
    assert_eq!(outline(WetReader::new(recs.concat().as_bytes())), want);
}

#[test]
fn corrupt_bytes_between_records_are_reported_once() {
    let bodies: Vec<String> = (1..=3).map(page).collect();
    let recs = wet_file(&bodies);
    let wet = format!(
        "{}{}\u{0}\u{1}binary junk\n{}{}",
        recs[0], recs[1], recs[2], recs[3]
    );
    let items: Vec<_> = WetReader::new(wet.as_bytes()).collect();
    assert_eq!(items.len(), 5);
    match &items[2] {
        Err(WetError::Garbage { offset, skipped }) => {
            assert_eq!(*offset, (recs[0].len() + recs[1].len()) as u64);
            assert_eq!(*skipped, 14);
        }
        other => panic!("expected garbage, got {other:?}"),
    }
    assert_eq!(
        items[4].as_ref().unwrap().record_id.as_deref(),
        Some("<urn:uuid:record-3>")
    );
}

#[test]
fn truncated_final_record_is_reported_plain_and_gzipped() {
    let bodies: Vec<String> = (1..=4).map(page).collect();
    let recs = wet_file(&bodies);
    let whole = recs.concat();
    let cut = &whole[..whole.len() - 100];
    let items: Vec<_> = WetReader::new(cut.as_bytes()).collect();
    assert_eq!(items.len(), 5);
    let err = items[4].as_ref().unwrap_err();
    assert_eq!(err.kind(), "truncated");
    assert_eq!(err.record_id(), Some("<urn:uuid:record-4>"));
    assert_eq!(err.target_uri(), Some("https://news.example/story/4"));

    let gz = gzip_members(&recs);
    let items: Vec<_> = WetReader::detect(std::io::Cursor::new(gz[..gz.len() - 30].to_vec()))
        .unwrap()
        .collect();
    assert_eq!(
        items.iter().filter(|r| r.is_ok()).count(),
        4,
        "warcinfo and records 1 to 3"
    );
    assert!(
        matches!(
            items.last(),
            Some(Err(WetError::Io(_) | WetError::Truncated { .. }))
        ),
        "a cut gzip stream is reported: {:?}",
        items.last()
    );
}

#[test]
fn open_reports_missing_files() {
    let err = WetReader::open("no/such/file.warc.wet.gz").err().unwrap();
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn error_messages_name_the_place() {
    let recs = wet_file(&[page(1)]);
    let bad = recs[1].replace("Content-Length: ", "Content-Length: x");
    let err = WetReader::new(bad.as_bytes()).next().unwrap().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "record at byte 0: Content-Length is not a number: \"x{}\"",
            page(1).len()
        )
    );
    let err: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(err);
    assert!(err.source().is_none());
}

/// One way to damage one record.
#[derive(Debug, Clone)]
enum Damage {
    /// Replace its Content-Length.
    Length(u64),
    /// Overwrite bytes of it (never its final CRLF CRLF) with junk.
    Overwrite { at: usize, junk: Vec<u8> },
    /// Cut bytes out of it (never its final CRLF CRLF).
    Cut { at: usize, len: usize },
    /// Put junk lines after it.
    Garbage(Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    // Junk never holds a `W`, so it cannot spell a record's first line.
    let junk = proptest::collection::vec(
        prop_oneof![
            Just(b'\n'),
            Just(b'\r'),
            Just(b':'),
            Just(0u8),
            Just(0xff),
            b'a'..=b'z'
        ],
        1..60,
    );
    prop_oneof![
        (0u64..5000).prop_map(Damage::Length),
        (any::<usize>(), junk.clone()).prop_map(|(at, junk)| Damage::Overwrite { at, junk }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Damage::Cut { at, len }),
        junk.prop_map(|mut j| {
            j.push(b'\n');
            Damage::Garbage(j)
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever happens to one record, every other record comes out whole,
    /// in order, and the damage is reported rather than hidden.
    #[test]
    fn damage_to_one_record_spares_the_others(
        n in 2usize..8, which in any::<prop::sample::Index>(), d in damage(),
    ) {
        let bodies: Vec<String> = (1..=n).map(page).collect();
        let recs: Vec<Vec<u8>> = wet_file(&bodies).into_iter().map(String::into_bytes).collect();
        let victim = 1 + which.index(n);
        let mut bad = recs[victim].clone();
        let keep = bad.len() - 4; // the trailer stays
        match &d {
            Damage::Length(l) => {
                let len = bodies[victim - 1].len();
                let s = String::from_utf8(bad).unwrap().replace(
                    &format!("Content-Length: {len}\r\n"),
                    &format!("Content-Length: {l}\r\n"),
                );
                bad = s.into_bytes();
            }
            Damage::Overwrite { at, junk } => {
                let at = at % keep;
                for (i, b) in junk.iter().enumerate() {
                    if at + i < keep {
                        bad[at + i] = *b;
                    }
                }
            }
            Damage::Cut { at, len } => {
                let at = at % keep;
                let end = (at + len).min(keep);
                bad.drain(at..end);
            }
            Damage::Garbage(g) => bad.extend_from_slice(g),
        }
        let changed = bad != recs[victim];
        let mut wet = Vec::new();
        for (i, r) in recs.iter().enumerate() {
            wet.extend_from_slice(if i == victim { &bad } else { r });
        }
        let items: Vec<Result<WetRecord, WetError>> = WetReader::new(&wet[..]).collect();
        let good: Vec<&WetRecord> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
        let victim_start: usize = recs[..victim].iter().map(Vec::len).sum();
        let others: Vec<&&WetRecord> = good
            .iter()
            .filter(|r| r.offset != victim_start as u64)
            .collect();
        prop_assert_eq!(others.len(), n, "every undamaged record comes out: {:?}", items);
        for (k, r) in others.iter().enumerate() {
            let i = if k < victim { k } else { k + 1 };
            let want = if i == 0 { warcinfo_body() } else { bodies[i - 1].clone().into_bytes() };
            prop_assert_eq!(&r.body, &want, "record {} whole", i);
        }
        let junk = match &d {
            Damage::Length(_) => changed,
            Damage::Garbage(g) => g.iter().any(|b| !matches!(b, b'\r' | b'\n')),
            _ => false,
        };
        if junk {
            prop_assert!(items.iter().any(Result::is_err), "the damage is reported");
        }
    }

    /// Any bytes at all: no panic, the iteration ends, every byte is read.
    #[test]
    fn any_bytes_are_read_to_the_end(bytes in proptest::collection::vec(any::<u8>(), 0..400), prefix in 0usize..3) {
        let mut input = match prefix {
            0 => Vec::new(),
            1 => b"WARC/1.0\r\n".to_vec(),
            _ => b"WARC/1.0\r\nContent-Length: 20\r\n\r\n".to_vec(),
        };
        input.extend(bytes);
        let mut reader = WetReader::new(&input[..]);
        let mut count = 0;
        for item in reader.by_ref() {
            count += 1;
            prop_assert!(count <= input.len() + 1, "each item consumes input");
            if let Err(e) = item {
                prop_assert!(e.offset().unwrap() <= input.len() as u64);
            }
        }
        prop_assert_eq!(reader.offset(), input.len() as u64);
    }
}

fn warcinfo_body() -> Vec<u8> {
    let info = warcinfo();
    let start = info.find("\r\n\r\n").unwrap() + 4;
    info.as_bytes()[start..info.len() - 4].to_vec()
}
