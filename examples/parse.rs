//! Parse one page of text and print the article.
//!
//! ```text
//! cargo run --example parse                      # the embedded sample page, as JSON
//! cargo run --example parse -- page.txt          # a file
//! cargo run --example parse -- - < page.txt      # stdin
//! cargo run --example parse -- page.txt --format text|markdown|json
//! ```
//! JSON is pretty-printed on a terminal and compact otherwise (`--pretty`
//! forces it). Input that newsprint refuses prints one line on stderr and
//! exits with status 1; bad arguments exit with status 2.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

/// Our own fictional page, written in the shapes real scraped pages take.
const SAMPLE: &str = include_str!("../tests/fixtures/seedlike.txt");

enum Format {
    Json,
    Text,
    Markdown,
}

fn usage() -> ExitCode {
    eprintln!("usage: parse [PATH|-] [--format json|text|markdown] [--pretty]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut path: Option<String> = None;
    let mut format = Format::Json;
    let mut pretty = std::io::stdout().is_terminal();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" | "-f" => {
                format = match args.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    Some("markdown" | "md") => Format::Markdown,
                    _ => return usage(),
                }
            }
            "--pretty" => pretty = true,
            "-h" | "--help" => {
                let _ = usage();
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(arg),
            _ => return usage(),
        }
    }
    let bytes: Vec<u8> = match path.as_deref() {
        None => SAMPLE.as_bytes().to_vec(),
        Some("-") => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!("error: cannot read stdin: {e}");
                return ExitCode::FAILURE;
            }
            buf
        }
        Some(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {p}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let article = match newsprint::parse_bytes(&bytes) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {}: {e}", path.as_deref().unwrap_or("sample"));
            return ExitCode::FAILURE;
        }
    };
    // JSON is streamed to stdout (no second copy of a large article in
    // memory); text and Markdown are rendered first.
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    let written = match format {
        Format::Json if pretty => {
            serde_json::to_writer_pretty(&mut out, &article).map_err(std::io::Error::from)
        }
        Format::Json => serde_json::to_writer(&mut out, &article).map_err(std::io::Error::from),
        Format::Text => out.write_all(article.to_text().as_bytes()),
        Format::Markdown => out.write_all(article.to_markdown().as_bytes()),
    };
    if written
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush())
        .is_err()
    {
        // A closed pipe (`| head`) is not an error worth a message.
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}
