//! Parse many pages: WET, JSONL or lists of paths in, one JSON object a line out.
//!
//! ```text
//! cargo run --release --example batch -- [OPTIONS] [INPUT...]
//!
//! INPUT   a WET file (.warc.wet, .warc.wet.gz, .wet, .warc[.gz]),
//!         a JSONL file (.jsonl, .ndjson, .json, optionally .gz) with a "text" field
//!         and optional "id" and "url" (or "metadata": {"url"}) fields,
//!         a path list (.paths, .txt, .lst, optionally .gz): one input path a line,
//!         or - for stdin (the default when no INPUT is given).
//!         Other names are recognised by their first bytes (gzip is always).
//!
//! --format auto|wet|jsonl|paths   format of the INPUTs given here (default auto:
//!                                 by name, then by the first bytes). Entries of a
//!                                 path list are always auto.
//! --threads N     parsing threads (default 0: all cores; 1 for one process per core)
//! --chunk N       records read ahead and parsed together (default 512)
//! --text          add "text": the clean article as plain text (for JSONL readers
//!                 such as datatrove that want a "text" field)
//! --quiet         no progress bar and no summary on stderr
//! ```
//!
//! Output, in input order: `{"id", "url", "article": {...}}` for a page, or
//! `{"id", "url", "error": {"kind", "message"}}` for input it refuses. Every
//! JSONL line in gives exactly one line out (a blank or malformed line gives
//! an error line), so the binary is a `RDD.pipe` / Hadoop Streaming filter.
//! WET `conversion` records give one line each; other records (`warcinfo`)
//! are skipped and counted. Error kinds are those of `newsprint::Error::kind`
//! and `newsprint::wet::WetError::kind`, plus `bad_json` and `missing_text`
//! for JSONL lines and `internal` for a page newsprint panicked on.
//!
//! A progress bar is drawn on stderr when it is a terminal; a summary line
//! (pages, errors, MB/s, pages/s) is always printed on stderr at the end.
//!
//! Exit status: 0 when it ran, even if records were refused; 1 when an input
//! could not be opened (the other inputs are still processed) or stdout
//! failed; 2 for unusable arguments.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsprint::wet::{WetError, WetReader};
use newsprint::{Article, Parser};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};

const USAGE: &str = "usage: batch [--format auto|wet|jsonl|paths] [--threads N] [--chunk N] [--text] [--quiet] [INPUT...|-]";

/// The most body bytes a chunk holds before it is sent, whatever its count.
const CHUNK_BYTES: usize = 8 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Wet,
    Jsonl,
    Paths,
}

struct Args {
    inputs: Vec<String>,
    format: Option<Format>,
    threads: usize,
    chunk: usize,
    text: bool,
    quiet: bool,
}

/// One record to parse, or one to report.
enum Item {
    Page {
        id: Value,
        url: Value,
        body: Vec<u8>,
    },
    Failed {
        id: Value,
        url: Value,
        kind: &'static str,
        message: String,
    },
}

/// Records read together, with the input bytes they took.
#[derive(Default)]
struct Chunk {
    items: Vec<Item>,
    body_bytes: usize,
    /// Decompressed input bytes read for these records.
    bytes: u64,
    /// Records read but not output (WET records other than `conversion`).
    skipped: u64,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("batch: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("batch: cannot start {} threads: {e}", args.threads);
            return ExitCode::FAILURE;
        }
    };
    let progress = progress_bar(args.quiet);
    let start = Instant::now();

    // One thread reads and decompresses ahead while the pool parses; the
    // channel holds two chunks, so memory stays bounded whatever the input.
    let (tx, rx) = sync_channel::<Chunk>(2);
    let reader = {
        let progress = progress.clone();
        let (inputs, format, chunk) = (args.inputs.clone(), args.format, args.chunk);
        thread::spawn(move || {
            let mut r = Reader {
                tx,
                chunk: Chunk::default(),
                max_records: chunk,
                progress,
                failed_inputs: 0,
            };
            for input in &inputs {
                if r.input(input, format, false).is_err() {
                    break; // the main thread has stopped
                }
            }
            let _ = r.send();
            r.failed_inputs
        })
    };

    let parser = Parser::default();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let (mut pages, mut errors, mut skipped, mut bytes) = (0u64, 0u64, 0u64, 0u64);
    for chunk in rx.iter() {
        let lines: Vec<(String, bool)> = pool.install(|| {
            chunk
                .items
                .par_iter()
                .map(|item| render(&parser, item, args.text))
                .collect()
        });
        if let Err(e) = write(&mut out, &lines) {
            progress.finish_and_clear();
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS; // the reader of our output has gone
            }
            eprintln!("batch: cannot write to stdout: {e}");
            return ExitCode::FAILURE;
        }
        let ok = lines.iter().filter(|(_, ok)| *ok).count() as u64;
        pages += ok;
        errors += lines.len() as u64 - ok;
        skipped += chunk.skipped;
        bytes += chunk.bytes;
        progress.set_message(format!("{pages} pages, {errors} errors"));
    }
    drop(rx);
    let failed_inputs = reader.join().unwrap_or(1);
    progress.finish_and_clear();

    if !args.quiet {
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let mb = bytes as f64 / 1e6;
        eprintln!(
            "batch: {pages} pages, {errors} errors, {skipped} skipped records, {mb:.1} MB in {secs:.2} s: {:.1} MB/s, {:.0} pages/s, {} threads",
            mb / secs,
            pages as f64 / secs,
            pool.current_num_threads(),
        );
    }
    if failed_inputs > 0 {
        eprintln!("batch: {failed_inputs} input(s) could not be read");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write(out: &mut impl Write, lines: &[(String, bool)]) -> io::Result<()> {
    for (line, _) in lines {
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut a = Args {
        inputs: Vec::new(),
        format: None,
        threads: 0,
        chunk: 512,
        text: false,
        quiet: false,
    };
    let mut args = std::env::args().skip(1);
    let number = |v: Option<String>, what: &str| -> Result<usize, String> {
        v.as_deref()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("{what} needs a number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                a.format = match args.next().as_deref() {
                    Some("auto") => None,
                    Some("wet" | "warc") => Some(Format::Wet),
                    Some("jsonl" | "json" | "ndjson") => Some(Format::Jsonl),
                    Some("paths") => Some(Format::Paths),
                    other => return Err(format!("unknown format {other:?}")),
                }
            }
            "--threads" | "-j" => a.threads = number(args.next(), "--threads")?,
            "--chunk" => a.chunk = number(args.next(), "--chunk")?.max(1),
            "--text" => a.text = true,
            "--quiet" | "-q" => a.quiet = true,
            "-h" | "--help" => return Ok(None),
            "-" => a.inputs.push(arg),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ => a.inputs.push(arg),
        }
    }
    if a.inputs.is_empty() {
        a.inputs.push("-".to_owned());
    }
    Ok(Some(a))
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {bytes_per_sec} {msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// The output line for one record, and whether it is a page.
fn render(parser: &Parser, item: &Item, with_text: bool) -> (String, bool) {
    #[derive(Serialize)]
    struct Page<'a> {
        id: &'a Value,
        url: &'a Value,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        article: &'a Article<'a>,
    }
    #[derive(Serialize)]
    struct Failed<'a> {
        id: &'a Value,
        url: &'a Value,
        error: ErrorBody<'a>,
    }
    #[derive(Serialize)]
    struct ErrorBody<'a> {
        kind: &'a str,
        message: &'a str,
    }
    let failed = |id, url, kind, message: &str| {
        let line = serde_json::to_string(&Failed {
            id,
            url,
            error: ErrorBody { kind, message },
        });
        (line.unwrap_or_default() + "\n", false)
    };
    let (id, url, body) = match item {
        Item::Failed {
            id,
            url,
            kind,
            message,
        } => return failed(id, url, kind, message),
        Item::Page { id, url, body } => (id, url, body),
    };
    // A panic is a bug in newsprint; report it for this page and go on.
    let result = catch_unwind(AssertUnwindSafe(|| {
        parser.parse_bytes(body).map(|article| {
            let text = with_text.then(|| article.to_text());
            serde_json::to_string(&Page {
                id,
                url,
                text,
                article: &article,
            })
        })
    }));
    match result {
        Ok(Ok(Ok(line))) => (line + "\n", true),
        Ok(Ok(Err(e))) => failed(id, url, "internal", &format!("cannot write JSON: {e}")),
        Ok(Err(e)) => failed(id, url, e.kind(), &e.to_string()),
        Err(_) => failed(
            id,
            url,
            "internal",
            "newsprint panicked on this page (a bug)",
        ),
    }
}

/// The reading side: opens inputs, reads records, sends chunks.
struct Reader {
    tx: SyncSender<Chunk>,
    chunk: Chunk,
    max_records: usize,
    progress: ProgressBar,
    failed_inputs: usize,
}

/// The main thread stopped listening.
struct Stopped;

impl Reader {
    fn push(&mut self, item: Item) -> Result<(), Stopped> {
        if let Item::Page { body, .. } = &item {
            self.chunk.body_bytes += body.len();
        }
        self.chunk.items.push(item);
        if self.chunk.items.len() >= self.max_records || self.chunk.body_bytes >= CHUNK_BYTES {
            self.send()?;
        }
        Ok(())
    }

    fn send(&mut self) -> Result<(), Stopped> {
        let chunk = std::mem::take(&mut self.chunk);
        if chunk.items.is_empty() && chunk.skipped == 0 && chunk.bytes == 0 {
            return Ok(());
        }
        self.tx.send(chunk).map_err(|_| Stopped)
    }

    fn unreadable(&mut self, name: &str, e: &io::Error) {
        self.progress
            .suspend(|| eprintln!("batch: cannot read {name}: {e}"));
        self.failed_inputs += 1;
    }

    /// Reads one input; `listed` when it comes from a path list.
    fn input(&mut self, name: &str, format: Option<Format>, listed: bool) -> Result<(), Stopped> {
        let raw: Box<dyn Read> = if name == "-" {
            Box::new(self.progress.wrap_read(io::stdin()))
        } else {
            match File::open(name) {
                Ok(f) => {
                    if let Ok(m) = f.metadata() {
                        self.progress.inc_length(m.len());
                    }
                    Box::new(self.progress.wrap_read(f))
                }
                Err(e) => {
                    self.unreadable(name, &e);
                    return Ok(());
                }
            }
        };
        let (mut stream, first) = match open_stream(raw) {
            Ok(s) => s,
            Err(e) => {
                self.unreadable(name, &e);
                return Ok(());
            }
        };
        let format = format
            .or_else(|| format_by_name(name))
            .unwrap_or(match first {
                Some(b'W') => Format::Wet,
                Some(b'{') => Format::Jsonl,
                _ => Format::Paths,
            });
        let label = if name == "-" { "stdin" } else { name };
        match format {
            Format::Wet => self.wet(label, stream),
            Format::Jsonl => self.jsonl(label, &mut stream),
            Format::Paths if listed => {
                let e = io::Error::other("a path list inside a path list");
                self.unreadable(name, &e);
                Ok(())
            }
            Format::Paths => self.paths(label, &mut stream),
        }
    }

    fn wet(&mut self, name: &str, stream: Box<dyn BufRead>) -> Result<(), Stopped> {
        let mut reader = WetReader::new(stream);
        let mut last = 0;
        while let Some(record) = reader.next() {
            self.chunk.bytes += reader.offset().saturating_sub(last);
            last = reader.offset();
            let item = match record {
                Ok(r) if r.is_conversion() => Item::Page {
                    id: r.record_id.map_or(Value::Null, Value::String),
                    url: r.target_uri.map_or(Value::Null, Value::String),
                    body: r.body,
                },
                Ok(_) => {
                    self.chunk.skipped += 1;
                    continue;
                }
                Err(e) => wet_error(name, &e),
            };
            self.push(item)?;
        }
        Ok(())
    }

    fn jsonl(&mut self, name: &str, stream: &mut dyn BufRead) -> Result<(), Stopped> {
        let mut line = Vec::new();
        let mut number = 0u64;
        loop {
            line.clear();
            match stream.read_until(b'\n', &mut line) {
                Ok(0) => return Ok(()),
                Ok(n) => self.chunk.bytes += n as u64,
                Err(e) => {
                    let message = format!("{name}: read error after line {number}: {e}");
                    return self.push(Item::Failed {
                        id: Value::Null,
                        url: Value::Null,
                        kind: "io",
                        message,
                    });
                }
            }
            number += 1;
            let text = line.strip_suffix(b"\n").unwrap_or(&line);
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            self.push(json_item(name, number, text))?;
        }
    }

    fn paths(&mut self, name: &str, stream: &mut dyn BufRead) -> Result<(), Stopped> {
        let mut list = String::new();
        if let Err(e) = stream.read_to_string(&mut list) {
            self.unreadable(name, &e);
            return Ok(());
        }
        self.chunk.bytes += list.len() as u64;
        for entry in list.lines().map(str::trim) {
            if entry.is_empty() || entry.starts_with('#') {
                continue;
            }
            let path = entry
                .strip_prefix("file://")
                .or_else(|| entry.strip_prefix("file:"))
                .unwrap_or(entry);
            self.input(path, None, true)?;
        }
        Ok(())
    }
}

/// The item for one JSONL line: a page, or why the line is refused.
fn json_item(name: &str, number: u64, line: &[u8]) -> Item {
    let failed = |id, url, kind, message: String| Item::Failed {
        id,
        url,
        kind,
        message: format!("{name}:{number}: {message}"),
    };
    let mut map: Map<String, Value> = match serde_json::from_slice(line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => {
            return failed(
                Value::Null,
                Value::Null,
                "bad_json",
                "not a JSON object".into(),
            );
        }
        Err(_) if line.iter().all(u8::is_ascii_whitespace) => {
            return failed(Value::Null, Value::Null, "bad_json", "empty line".into());
        }
        Err(e) => return failed(Value::Null, Value::Null, "bad_json", e.to_string()),
    };
    let id = map.remove("id").unwrap_or(Value::Null);
    let url = map
        .remove("url")
        .or_else(|| match map.get_mut("metadata") {
            Some(Value::Object(meta)) => meta.remove("url"),
            _ => None,
        })
        .unwrap_or(Value::Null);
    match map.remove("text") {
        Some(Value::String(text)) => Item::Page {
            id,
            url,
            body: text.into_bytes(),
        },
        Some(_) => failed(id, url, "missing_text", "\"text\" is not a string".into()),
        None => failed(id, url, "missing_text", "no \"text\" field".into()),
    }
}

fn wet_error(name: &str, e: &WetError) -> Item {
    let string = |s: Option<&str>| s.map_or(Value::Null, |s| Value::String(s.to_owned()));
    Item::Failed {
        id: string(e.record_id()),
        url: string(e.target_uri()),
        kind: e.kind(),
        message: format!("{name}: {e}"),
    }
}

/// The format a file's name says, if it says one (`.gz` aside).
fn format_by_name(name: &str) -> Option<Format> {
    if name == "-" {
        return None;
    }
    let file = Path::new(name).file_name()?.to_str()?.to_ascii_lowercase();
    let file = file.strip_suffix(".gz").unwrap_or(&file);
    let ext = file.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "wet" | "warc" => Some(Format::Wet),
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        "paths" | "txt" | "lst" => Some(Format::Paths),
        _ => None,
    }
}

/// The decompressed stream (gzip is recognised by its magic bytes) and its
/// first byte that is not white space, if any.
fn open_stream(mut raw: Box<dyn Read>) -> io::Result<(Box<dyn BufRead>, Option<u8>)> {
    let mut magic = Vec::with_capacity(2);
    (&mut raw).take(2).read_to_end(&mut magic)?;
    let gzip = magic == [0x1f, 0x8b];
    let chained = io::Cursor::new(magic).chain(raw);
    let mut stream: Box<dyn BufRead> = if gzip {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(chained),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, chained))
    };
    let first = stream
        .fill_buf()?
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace());
    Ok((stream, first))
}
