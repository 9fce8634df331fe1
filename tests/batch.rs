//! The `batch` example, run as a program: WET (plain and gzipped), JSONL and
//! path-list inputs, corrupted records, the `RDD.pipe` stdin→stdout contract,
//! and the README's "At crawl scale" recipes, run exactly as written there.
//!
//! The binary is built for this test's profile with `cargo build --example
//! batch` (a no-op when `cargo test` has built it already) and found beside
//! the test executable: `target/<profile>/examples/batch`.
//!
//! The scaling measurement is an ignored test:
//! `cargo test --release --test batch -- --ignored --nocapture scaling`.
#![cfg(all(feature = "serde", feature = "wet"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

/// The bench corpus generator (another target's code: its lints are its own).
#[allow(clippy::all)]
#[path = "../benches/gen/mod.rs"]
mod corpus;

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::{Value, json};

// The README's recipes, verbatim: `readme_shows_the_tested_recipes` checks
// that the README holds each of them, and the tests below run them.

/// A shell pipeline over a gzipped WET file.
const SHELL: &str = "zcat CC-MAIN-example.warc.wet.gz | batch - | jq -c 'select(.article) | {url, headline: .article.headline.text}'";
/// Files of different formats in one run.
const FILES: &str = "batch --threads 2 CC-MAIN-example.warc.wet.gz pages.jsonl.gz > articles.jsonl";
/// A file that lists the inputs.
const PATH_LIST: &str = "batch wet.paths > articles.jsonl";
/// Spark's `RDD.pipe` and Hadoop Streaming's `-mapper` command: JSONL lines in, as many out.
const PIPE: &str = "batch --format jsonl --threads 1 -";
/// cc-pyspark's pattern through `RDD.pipe`: an RDD of WET paths in, their pages out.
const PIPE_PATHS: &str = "batch --format paths --threads 1 -";
/// Output for datatrove's `JsonlReader` (or any JSONL reader).
const DATATROVE: &str = "mkdir -p articles && batch --text CC-MAIN-example.warc.wet.gz | gzip > articles/part-00000.jsonl.gz";

// ---------------------------------------------------------------------------
// Running the binary.

/// The `batch` example's binary, built for the profile this test runs in.
fn batch() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        // target/<profile>/deps/batch-<hash>
        let profile_dir = exe.parent().unwrap().parent().unwrap().to_path_buf();
        let profile = profile_dir
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .args(["build", "--quiet", "--example", "batch", "--manifest-path"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
        match profile.as_str() {
            "debug" => {}
            "release" => {
                cargo.arg("--release");
            }
            other => {
                cargo.args(["--profile", other]);
            }
        }
        if let Some(target_dir) = profile_dir.parent()
            && target_dir.join("CACHEDIR.TAG").exists()
        {
            cargo.arg("--target-dir").arg(target_dir);
        }
        let status = cargo.status().expect("cannot run cargo");
        assert!(status.success(), "cargo build --example batch failed");
        let bin = profile_dir
            .join("examples")
            .join(format!("batch{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.is_file(), "no binary at {}", bin.display());
        bin
    })
}

/// Runs `batch ARGS` in `dir`, with `stdin` written from another thread.
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(batch())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Runs a README recipe with `sh -c`, `batch` on the PATH, in `dir`.
fn shell(dir: &Path, recipe: &str) -> Output {
    let examples = batch().parent().unwrap();
    let path = std::env::join_paths(std::iter::once(examples.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(recipe)
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{recipe}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn has(program: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

// ---------------------------------------------------------------------------
// Test data: WET records in the real format, JSONL lines, pages.

/// A fictional news page, plain text with `\n` line ends as in WET files.
fn page(n: usize) -> String {
    format!(
        "Home\nNews\nSport\nCouncil approves new harbour plan number {n}\n\
         By Jane Roe\n18 May 2024\n\
         The council voted on Monday to approve plan {n} for the harbour after a long debate.\n\
         Residents had asked for the work to begin before the winter storms arrived again.\n\
         Copyright 2024 Example News. All rights reserved."
    )
}

fn headline(n: usize) -> String {
    format!("Council approves new harbour plan number {n}")
}

fn record_id(n: usize) -> String {
    format!("<urn:uuid:00000000-0000-4000-8000-{n:012}>")
}

fn url(n: usize) -> String {
    format!("https://news.example/story/{n}")
}

/// One record in the format of Common Crawl's WET files.
fn record(kind: &str, n: usize, body: &str) -> String {
    let extra = if kind == "conversion" {
        format!(
            "WARC-Target-URI: {}\r\nWARC-Refers-To: <urn:uuid:response-{n}>\r\n\
             WARC-Block-Digest: sha1:TESTDIGEST{n}\r\n\
             WARC-Identified-Content-Language: eng\r\nContent-Type: text/plain\r\n",
            url(n)
        )
    } else {
        "WARC-Filename: CC-MAIN-example.warc.wet.gz\r\nContent-Type: application/warc-fields\r\n"
            .to_owned()
    };
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-05-18T09:15:00Z\r\n\
         WARC-Record-ID: {}\r\n{extra}Content-Length: {}\r\n\r\n{body}\r\n\r\n",
        record_id(n),
        body.len()
    )
}

/// A WET file's records: warcinfo, then conversion records 1..=n.
fn wet_records(n: usize) -> Vec<String> {
    let info = "Software-Info: newsprint-tests\r\nisPartOf: CC-MAIN-example\r\n\
                description: Wide crawl of the web\r\npublisher: Common Crawl\r\n";
    std::iter::once(record("warcinfo", 0, info))
        .chain((1..=n).map(|i| record("conversion", i, &page(i))))
        .collect()
}

/// Each record its own gzip member, as in `.warc.wet.gz` files.
fn gzip_members(records: &[String]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r.as_bytes())).collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// `{"id", "url", "text"}` lines for pages `from..to`.
fn jsonl(from: usize, to: usize) -> String {
    (from..to)
        .map(|n| {
            json!({"id": format!("page-{n}"), "url": url(n), "text": page(n)}).to_string() + "\n"
        })
        .collect()
}

/// Checks a page line: its id, url and headline.
fn assert_page(line: &Value, id: &str, url: &str, n: usize) {
    assert_eq!(line["id"], id, "{line}");
    assert_eq!(line["url"], url, "{line}");
    assert_eq!(
        line["article"]["headline"]["text"],
        headline(n),
        "page {n}: {line}"
    );
    assert!(line.get("error").is_none());
}

fn assert_error(line: &Value, kind: &str) {
    assert_eq!(line["error"]["kind"], kind, "{line}");
    assert!(line["error"]["message"].is_string(), "{line}");
    assert!(line.get("article").is_none(), "{line}");
}

// ---------------------------------------------------------------------------
// Formats.

#[test]
fn wet_plain_and_gzipped_with_a_corrupted_record_in_the_middle() {
    let dir = common::scratch("batch-wet");
    let mut recs = wet_records(12);
    // Record 6 claims 40 bytes more than it has: read as written, its block
    // would swallow the start of record 7.
    let len = page(6).len();
    recs[6] = recs[6].replace(
        &format!("Content-Length: {len}\r\n"),
        &format!("Content-Length: {}\r\n", len + 40),
    );
    std::fs::write(dir.join("bad.warc.wet"), recs.concat()).unwrap();
    std::fs::write(dir.join("bad.warc.wet.gz"), gzip_members(&recs)).unwrap();
    for file in ["bad.warc.wet", "bad.warc.wet.gz"] {
        let out = run(&dir, &[file], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let lines = json_lines(&out.stdout);
        assert_eq!(
            lines.len(),
            12,
            "{file}: one line per conversion record, warcinfo skipped"
        );
        for (i, line) in lines.iter().enumerate() {
            let n = i + 1;
            if n == 6 {
                assert_error(line, "length_mismatch");
                assert_eq!(line["id"], record_id(6), "the bad record is named");
                assert_eq!(line["url"], url(6));
            } else {
                assert_page(line, &record_id(n), &url(n), n);
            }
        }
        assert!(
            stderr(&out).contains("batch: 11 pages, 1 errors, 1 skipped records"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn truncated_final_record_is_reported_plain_and_gzipped() {
    let dir = common::scratch("batch-truncated");
    let recs = wet_records(5);
    let whole = recs.concat();
    std::fs::write(dir.join("cut.warc.wet"), &whole[..whole.len() - 60]).unwrap();
    let gz = gzip_members(&recs);
    std::fs::write(dir.join("cut.warc.wet.gz"), &gz[..gz.len() - 30]).unwrap();
    for (file, kinds) in [
        ("cut.warc.wet", &["truncated"][..]),
        ("cut.warc.wet.gz", &["truncated", "io"][..]),
    ] {
        let out = run(&dir, &[file], b"");
        assert!(
            out.status.success(),
            "{file}: a bad record is not a failure"
        );
        let lines = json_lines(&out.stdout);
        for (i, line) in lines.iter().take(4).enumerate() {
            assert_page(line, &record_id(i + 1), &url(i + 1), i + 1);
        }
        let last = lines.last().unwrap();
        assert!(
            kinds.contains(&last["error"]["kind"].as_str().unwrap()),
            "{file}: {last}"
        );
    }
}

#[test]
fn jsonl_plain_and_gzipped() {
    let dir = common::scratch("batch-jsonl");
    let mut input = jsonl(1, 4);
    input.push_str(r#"{"id": 7, "metadata": {"url": "https://news.example/dt"}, "text": "Harbour ferry returns after storm repairs\n\nThe ferry sailed again on Monday after three weeks in dry dock."}"#);
    input.push('\n');
    input.push_str("{\"text\": \"   \"}\r\n"); // blank text, CRLF line end
    input.push_str("{\"id\": \"no-text\"}\n");
    input.push_str("[1, 2]\n");
    input.push('\n');
    input.push_str("{\"id\": \"nul\", \"text\": \"a\\u0000b\"}\n");
    input.push_str(&jsonl(4, 6)); // last line without a line end
    let input = input.trim_end_matches('\n').to_owned();
    std::fs::write(dir.join("pages.jsonl"), &input).unwrap();
    std::fs::write(dir.join("pages.jsonl.gz"), gzip(input.as_bytes())).unwrap();
    let mut outputs = Vec::new();
    for file in ["pages.jsonl", "pages.jsonl.gz"] {
        let out = run(&dir, &[file], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let lines = json_lines(&out.stdout);
        assert_eq!(lines.len(), 11, "{file}: one line out per line in");
        for n in 1..4 {
            assert_page(&lines[n - 1], &format!("page-{n}"), &url(n), n);
        }
        assert_eq!(lines[3]["id"], 7, "ids keep their JSON type");
        assert_eq!(
            lines[3]["url"], "https://news.example/dt",
            "datatrove's metadata.url"
        );
        assert_eq!(
            lines[3]["article"]["headline"]["text"],
            "Harbour ferry returns after storm repairs"
        );
        assert_error(&lines[4], "blank");
        assert_eq!(lines[4]["id"], Value::Null);
        assert_error(&lines[5], "missing_text");
        assert_eq!(lines[5]["id"], "no-text");
        assert_error(&lines[6], "bad_json");
        assert_error(&lines[7], "bad_json");
        assert_error(&lines[8], "binary");
        assert_eq!(lines[8]["id"], "nul");
        for n in 4..6 {
            assert_page(&lines[n + 5], &format!("page-{n}"), &url(n), n);
        }
        outputs.push(out.stdout);
    }
    let messages = |b: &[u8]| -> Vec<Value> {
        json_lines(b)
            .into_iter()
            .map(|mut l| {
                if let Some(e) = l.get_mut("error") {
                    e["message"] = Value::Null; // they name the file
                }
                l
            })
            .collect()
    };
    assert_eq!(messages(&outputs[0]), messages(&outputs[1]));
}

#[test]
fn path_lists_from_a_file_and_from_stdin() {
    let dir = common::scratch("batch-paths");
    std::fs::write(dir.join("a.warc.wet.gz"), gzip_members(&wet_records(3))).unwrap();
    std::fs::write(dir.join("b.jsonl"), jsonl(10, 12)).unwrap();
    let abs = dir.join("b.jsonl");
    let list = format!(
        "# pages to parse\na.warc.wet.gz\n\nfile:{}\n",
        abs.display()
    );
    std::fs::write(dir.join("inputs.paths"), &list).unwrap();
    let from_file = run(&dir, &["inputs.paths"], b"");
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    let lines = json_lines(&from_file.stdout);
    assert_eq!(lines.len(), 5);
    for n in 1..=3 {
        assert_page(&lines[n - 1], &record_id(n), &url(n), n);
    }
    assert_page(&lines[3], "page-10", &url(10), 10);
    assert_page(&lines[4], "page-11", &url(11), 11);

    let from_stdin = run(&dir, &["--format", "paths", "-"], list.as_bytes());
    assert!(from_stdin.status.success());
    assert_eq!(from_stdin.stdout, from_file.stdout);

    // A listed file that cannot be read: the others are still processed,
    // and the exit status says so.
    let out = run(
        &dir,
        &["--format", "paths", "-"],
        b"missing.warc.wet.gz\na.warc.wet.gz\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out.stdout).len(), 3);
    assert!(stderr(&out).contains("cannot read missing.warc.wet.gz"));
}

#[test]
fn format_is_sniffed_on_stdin_and_forced_by_the_flag() {
    let dir = common::scratch("batch-sniff");
    let wet = wet_records(2).concat();
    for input in [wet.as_bytes().to_vec(), gzip(wet.as_bytes())] {
        let out = run(&dir, &["-"], &input);
        assert!(out.status.success());
        let lines = json_lines(&out.stdout);
        assert_eq!(lines.len(), 2);
        assert_page(&lines[1], &record_id(2), &url(2), 2);
    }
    let out = run(&dir, &[], jsonl(1, 3).as_bytes());
    assert_eq!(json_lines(&out.stdout).len(), 2, "no INPUT means stdin");
    // A file whose name says nothing, read as the flag says.
    std::fs::write(dir.join("dump.data"), jsonl(1, 2)).unwrap();
    let out = run(&dir, &["--format", "jsonl", "dump.data"], b"");
    assert_page(&json_lines(&out.stdout)[0], "page-1", &url(1), 1);
}

#[test]
fn empty_inputs_give_no_lines() {
    let dir = common::scratch("batch-empty");
    std::fs::write(dir.join("empty.warc.wet"), "").unwrap();
    std::fs::write(dir.join("empty.jsonl.gz"), gzip(b"")).unwrap();
    for args in [
        &["empty.warc.wet"][..],
        &["empty.jsonl.gz"],
        &["--format", "jsonl", "-"],
    ] {
        let out = run(&dir, args, b"");
        assert!(out.status.success(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            stderr(&out).contains("batch: 0 pages, 0 errors"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn arguments_and_exit_status() {
    let dir = common::scratch("batch-args");
    for bad in [
        &["--bogus"][..],
        &["--threads"],
        &["--threads", "x"],
        &["--format", "xml"],
    ] {
        let out = run(&dir, bad, b"");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&out).contains("usage: batch"));
    }
    let out = run(&dir, &["--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: batch"));

    std::fs::write(dir.join("ok.jsonl"), jsonl(1, 3)).unwrap();
    let out = run(&dir, &["no-such.jsonl", "ok.jsonl"], b"");
    assert_eq!(out.status.code(), Some(1), "an unreadable input file");
    assert_eq!(
        json_lines(&out.stdout).len(),
        2,
        "the readable one is still processed"
    );
    assert!(stderr(&out).contains("cannot read no-such.jsonl"));

    let out = run(&dir, &["--quiet", "ok.jsonl"], b"");
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "--quiet: {}", stderr(&out));
}

#[test]
fn thread_count_and_chunk_size_do_not_change_the_output() {
    let dir = common::scratch("batch-threads");
    let mut lines: Vec<String> = jsonl(0, 700).lines().map(str::to_owned).collect();
    lines.insert(350, "not json".to_owned());
    let input = lines.join("\n") + "\n";
    let outputs: Vec<Vec<u8>> = [
        &["--threads", "1"][..],
        &["--threads", "2", "--chunk", "7"],
        &["--chunk", "1"],
    ]
    .iter()
    .map(|flags| {
        let mut args = flags.to_vec();
        args.extend(["--format", "jsonl", "-"]);
        let out = run(&dir, &args, input.as_bytes());
        assert!(out.status.success());
        out.stdout
    })
    .collect();
    assert_eq!(json_lines(&outputs[0]).len(), 701);
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn text_flag_adds_the_clean_article() {
    let dir = common::scratch("batch-text");
    let out = run(
        &dir,
        &["--text", "--format", "jsonl", "-"],
        jsonl(3, 4).as_bytes(),
    );
    let line = &json_lines(&out.stdout)[0];
    let text = line["text"].as_str().unwrap();
    // The headline, underlined.
    assert!(text.starts_with(&format!("{}\n===", headline(3))), "{text}");
    assert!(line["article"].is_object());
    let out = run(&dir, &["--format", "jsonl", "-"], jsonl(3, 4).as_bytes());
    assert!(json_lines(&out.stdout)[0].get("text").is_none());
}

// ---------------------------------------------------------------------------
// The RDD.pipe contract and the README's recipes.

/// Spark's `RDD.pipe(command)`: split the command on white space, start it,
/// write each element and a line end to its stdin from another thread, close
/// stdin, and read stdout line by line as the new elements. The contract: one
/// JSON document a line in, one out, same order, same count, bad lines too.
#[test]
fn rdd_pipe_contract() {
    let dir = common::scratch("batch-pipe");
    let mut elements: Vec<String> = jsonl(0, 1200).lines().map(str::to_owned).collect();
    for (at, bad) in [
        (3, "not json"),
        (500, ""),
        (501, r#"{"id": "blank", "text": " \n "}"#),
        (777, r#"{"id": "no-text", "url": "https://news.example/x"}"#),
    ] {
        elements.insert(at, bad.to_owned());
    }
    let tokens: Vec<&str> = PIPE.split_whitespace().collect();
    assert_eq!(tokens[0], "batch");
    let mut child = Command::new(batch())
        .args(&tokens[1..])
        .current_dir(&*dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feed = elements.clone();
    let writer = std::thread::spawn(move || {
        for e in &feed {
            stdin.write_all(e.as_bytes()).unwrap();
            stdin.write_all(b"\n").unwrap();
        }
        // dropping stdin closes it, as the pipe's writer thread does
    });
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let out: Vec<String> = stdout.lines().map(Result::unwrap).collect();
    writer.join().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
    assert_eq!(out.len(), elements.len(), "same count");
    let mut pages = 0;
    for (i, (inp, outp)) in elements.iter().zip(&out).enumerate() {
        let o: Value = serde_json::from_str(outp).unwrap();
        // Hadoop's TextOutputFormat may add a tab after a line with no key/value
        // separator; JSON readers take it as white space.
        let tabbed: Value = serde_json::from_str(&format!("{outp}\t")).unwrap();
        assert_eq!(tabbed, o);
        assert!(!outp.contains('\t'), "no raw tab in a line");
        match serde_json::from_str::<Value>(inp) {
            Ok(v) if v["text"].as_str().is_some_and(|t| !t.trim().is_empty()) => {
                assert_eq!(o["id"], v["id"], "same order, at line {i}");
                assert_eq!(o["url"], v["url"]);
                assert!(o["article"]["headline"].is_object(), "{outp}");
                pages += 1;
            }
            Ok(v) => {
                assert_eq!(o["id"], v["id"], "line {i}");
                assert!(o["error"]["kind"].is_string(), "{outp}");
            }
            Err(_) => assert_error(&o, "bad_json"),
        }
    }
    assert_eq!(pages, 1200);
}

#[test]
fn cc_pyspark_paths_through_pipe() {
    let dir = common::scratch("batch-pipe-paths");
    std::fs::write(dir.join("x.warc.wet.gz"), gzip_members(&wet_records(4))).unwrap();
    std::fs::write(dir.join("y.warc.wet"), wet_records(2).concat()).unwrap();
    let tokens: Vec<&str> = PIPE_PATHS.split_whitespace().collect();
    let out = run(&dir, &tokens[1..], b"x.warc.wet.gz\ny.warc.wet\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 6);
    assert_page(&lines[3], &record_id(4), &url(4), 4);
    assert_page(&lines[5], &record_id(2), &url(2), 2);
}

/// The files the recipes name, in `dir`.
fn recipe_inputs(dir: &Path) {
    let mut recs = wet_records(8);
    recs[4] = recs[4].replace("Content-Length: ", "Content-Length: x"); // one bad record
    std::fs::write(dir.join("CC-MAIN-example.warc.wet.gz"), gzip_members(&recs)).unwrap();
    std::fs::write(dir.join("pages.jsonl.gz"), gzip(jsonl(20, 23).as_bytes())).unwrap();
    std::fs::write(
        dir.join("wet.paths"),
        "CC-MAIN-example.warc.wet.gz\npages.jsonl.gz\n",
    )
    .unwrap();
}

#[test]
fn readme_shows_the_tested_recipes() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## At crawl scale").expect("README section")..];
    for recipe in [
        SHELL.to_owned(),
        FILES.to_owned(),
        PATH_LIST.to_owned(),
        DATATROVE.to_owned(),
        format!(".pipe(\"{PIPE}\")"),
        format!("-mapper \"{PIPE}\""),
        format!(".pipe(\"{PIPE_PATHS}\")"),
    ] {
        assert!(section.contains(&recipe), "README lacks: {recipe}");
    }
}

#[test]
fn recipe_shell_pipeline() {
    if !has("zcat") || !has("jq") {
        eprintln!("skipped: zcat or jq is not installed");
        return;
    }
    let dir = common::scratch("batch-recipe-shell");
    recipe_inputs(&dir);
    let out = shell(&dir, SHELL);
    let lines = json_lines(&out.stdout);
    let want: Vec<Value> = (1..=8)
        .filter(|&n| n != 4)
        .map(|n| json!({"url": url(n), "headline": headline(n)}))
        .collect();
    assert_eq!(lines, want);
}

#[test]
fn recipe_files_and_path_list() {
    let dir = common::scratch("batch-recipe-files");
    recipe_inputs(&dir);
    shell(&dir, FILES);
    let files = std::fs::read(dir.join("articles.jsonl")).unwrap();
    let lines = json_lines(&files);
    assert_eq!(lines.len(), 8 + 3);
    assert_error(&lines[3], "bad_header");
    assert_eq!(lines[3]["id"], record_id(4));
    assert_page(&lines[8], "page-20", &url(20), 20);

    std::fs::remove_file(dir.join("articles.jsonl")).unwrap();
    shell(&dir, PATH_LIST);
    let listed = std::fs::read(dir.join("articles.jsonl")).unwrap();
    assert_eq!(listed, files, "a path list gives what the files give");
}

/// datatrove's `JsonlReader` with its default adapter: `text` and `id` are
/// popped, the rest goes to metadata, and lines without text are skipped.
#[test]
fn recipe_datatrove_reader() {
    if !has("gzip") {
        eprintln!("skipped: gzip is not installed");
        return;
    }
    let dir = common::scratch("batch-recipe-datatrove");
    recipe_inputs(&dir);
    shell(&dir, DATATROVE);
    let gz = std::fs::read(dir.join("articles/part-00000.jsonl.gz")).unwrap();
    let mut docs = Vec::new();
    for mut data in json_lines(&gunzip(&gz)) {
        let map = data.as_object_mut().unwrap();
        let text = map.remove("text").unwrap_or(Value::String(String::new()));
        if text.as_str().is_none_or(str::is_empty) {
            continue;
        }
        let id = map.remove("id").unwrap();
        docs.push((id, text, Value::Object(map.clone())));
    }
    assert_eq!(docs.len(), 7, "the bad record has no text and is skipped");
    let (id, text, metadata) = &docs[0];
    assert_eq!(id, &json!(record_id(1)));
    assert!(text.as_str().unwrap().starts_with(&headline(1)));
    assert_eq!(metadata["url"], url(1));
    assert!(metadata["article"]["body"].is_array());
}

// ---------------------------------------------------------------------------
// Scaling.

/// Writes a WET file of at least `bytes` bytes from the bench corpus
/// generator: a warcinfo record, then one conversion record per page.
fn write_scaling_wet(path: &Path, bytes: u64) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut written = 0u64;
    let mut n = 0;
    let info = record("warcinfo", 0, "Software-Info: newsprint scaling test\r\n");
    out.write_all(info.as_bytes()).unwrap();
    written += info.len() as u64;
    for seed in 1u64.. {
        for p in corpus::pages(seed, 8 << 20) {
            n += 1;
            let r = record("conversion", n, &p);
            out.write_all(r.as_bytes()).unwrap();
            written += r.len() as u64;
        }
        if written >= bytes {
            break;
        }
    }
    out.flush().unwrap();
}

/// pages/s and MB/s on 1 and 2 threads over a generated WET file of at least
/// 200 MB (`NEWSPRINT_SCALING_MB` to change it), kept in the temp directory
/// between runs; peak memory from `/usr/bin/time -v` where it is installed.
#[test]
#[ignore = "slow: cargo test --release --test batch -- --ignored --nocapture scaling"]
fn scaling_on_a_generated_wet_file() {
    let mb: u64 = std::env::var("NEWSPRINT_SCALING_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let path = std::env::temp_dir().join(format!("newsprint-scaling-{mb}mb.warc.wet"));
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size < mb * 1_000_000 {
        eprintln!("writing {}", path.display());
        write_scaling_wet(&path, mb * 1_000_000);
    }
    let size = std::fs::metadata(&path).unwrap().len();
    if !batch().to_string_lossy().contains("release") {
        eprintln!("warning: not a release build; run with --release for figures");
    }
    println!("file: {} ({:.1} MB)", path.display(), size as f64 / 1e6);

    // The reader alone, in this process: what parsing has to keep up with.
    let start = std::time::Instant::now();
    let records = newsprint::wet::WetReader::open(&path).unwrap().count();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "WetReader alone: {records} records in {secs:.2} s: {:.0} MB/s",
        size as f64 / 1e6 / secs
    );

    let runs: usize = std::env::var("NEWSPRINT_SCALING_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let time = Path::new("/usr/bin/time");
    // Runs alternate between 1 and 2 threads, so that other work on the
    // machine slows both alike; the figures are medians, with the best run.
    let mut results: [Vec<(f64, f64, f64)>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..runs.max(1) {
        for (slot, threads) in ["1", "2"].into_iter().enumerate() {
            let mut cmd = if time.exists() {
                let mut c = Command::new(time);
                c.arg("-v").arg(batch());
                c
            } else {
                Command::new(batch())
            };
            let out = cmd
                .args(["--threads", threads])
                .arg(&path)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .output()
                .unwrap();
            assert!(out.status.success());
            let err = stderr(&out);
            let field = |name: &str| -> String {
                err.lines()
                    .find_map(|l| l.trim().strip_prefix(name))
                    .unwrap_or("n/a")
                    .trim()
                    .to_owned()
            };
            let summary = field("batch: ");
            let figure = |unit: &str| -> f64 {
                summary
                    .split([',', ':'])
                    .find_map(|p| p.trim().strip_suffix(unit))
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            let rss_kb: f64 = field("Maximum resident set size (kbytes): ")
                .parse()
                .unwrap_or(0.0);
            println!(
                "  --threads {threads}: {summary}; peak RSS {:.0} MB, user {} s, system {} s, CPU {}",
                rss_kb / 1024.0,
                field("User time (seconds): "),
                field("System time (seconds): "),
                field("Percent of CPU this job got: "),
            );
            results[slot].push((figure(" pages/s"), figure(" MB/s"), rss_kb / 1024.0));
        }
    }
    let mut medians = Vec::new();
    for (slot, runs) in results.iter_mut().enumerate() {
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (pages, mbs, _) = runs[runs.len() / 2];
        let (best_pages, best_mbs, _) = runs[runs.len() - 1];
        let rss = runs.iter().map(|r| r.2).fold(0.0, f64::max);
        println!(
            "{} thread(s): median {pages:.0} pages/s, {mbs:.1} MB/s; best {best_pages:.0} pages/s, {best_mbs:.1} MB/s; peak RSS {rss:.0} MB",
            slot + 1
        );
        medians.push(pages);
    }
    println!(
        "speedup 2 threads / 1 thread (medians): {:.2}x",
        medians[1] / medians[0]
    );
}
