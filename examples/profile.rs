//! Parses the generated 5 MB bench corpus (`benches/gen`, seed 42) a given
//! number of times, for profilers that count a whole process, and prints
//! the parse's speed beside `str::lines()` over the same pages, measured in
//! the same run.
//!
//! ```text
//! cargo build --release --example profile
//! target/release/examples/profile 20
//! valgrind --tool=callgrind --toggle-collect='newsprint::parse' target/release/examples/profile 1
//! ```
//!
//! `--digest FILE [DIR]` instead writes one line per page (the bench
//! corpus, then every `text.*.txt` under `DIR`, such as the dev corpus): a
//! hash of the page's JSON article and its text rendering. Two builds that
//! write the same file give the same output on every page: a speed change
//! is checked with `cmp`.

#[path = "../benches/gen/mod.rs"]
mod corpus;

use std::hash::{Hash, Hasher};
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut rounds = 1usize;
    let mut digest: Option<(PathBuf, Option<PathBuf>)> = None;
    while let Some(a) = args.next() {
        if a == "--digest" {
            let Some(out) = args.next() else {
                eprintln!("usage: profile [ROUNDS] | profile --digest FILE [DIR]");
                std::process::exit(2);
            };
            digest = Some((out.into(), args.next().map(PathBuf::from)));
        } else if let Ok(n) = a.parse() {
            rounds = n;
        }
    }
    let pages = corpus::pages(42, 5 << 20);
    if let Some((out, dir)) = digest {
        write_digests(&pages, &out, dir.as_deref());
        return;
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let lines: usize = pages
        .iter()
        .map(|p| p.lines().filter(|l| !l.trim().is_empty()).count())
        .sum();
    let start = std::time::Instant::now();
    let mut sum = 0usize;
    // The fastest round too: on a shared machine, the one that load
    // touched least (alternate two builds' runs and compare these).
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let round = std::time::Instant::now();
        for p in &pages {
            sum += newsprint::parse(black_box(p)).map_or(0, |a| a.body.len() + a.boilerplate.len());
        }
        best = best.min(round.elapsed().as_secs_f64());
    }
    let secs = start.elapsed().as_secs_f64();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for p in &pages {
            sum += black_box(p).lines().map(str::len).sum::<usize>();
        }
    }
    let lines_secs = start.elapsed().as_secs_f64();
    let total = (bytes * rounds) as f64;
    eprintln!(
        "{} pages, {bytes} bytes, {lines} non-blank lines, {rounds} rounds: parse {:.1} MB/s, str::lines() {:.0} MB/s, \
         ratio 1/{:.1}; parse's best round {:.1} MB/s ({sum})",
        pages.len(),
        total / secs / 1e6,
        total / lines_secs / 1e6,
        secs / lines_secs,
        bytes as f64 / best / 1e6
    );
}

/// One line per page: its name and a hash of its JSON article and text.
fn write_digests(pages: &[String], out: &Path, dir: Option<&Path>) {
    let mut lines = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        lines.push(format!("bench/{i} {:016x}", digest(p)));
    }
    if let Some(dir) = dir {
        let mut files = Vec::new();
        walk(dir, &mut files);
        files.sort();
        for f in files {
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            let name = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
            lines.push(format!("{name} {:016x}", digest(&text)));
        }
    }
    let written = std::fs::File::create(out)
        .and_then(|mut f| lines.iter().try_for_each(|l| writeln!(f, "{l}")));
    match written {
        Ok(()) => eprintln!("{} pages digested into {}", lines.len(), out.display()),
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            std::process::exit(1);
        }
    }
}

fn digest(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match newsprint::parse(text) {
        Ok(a) => {
            serde_json::to_string(&a).unwrap_or_default().hash(&mut h);
            a.to_text().hash(&mut h);
        }
        Err(e) => e.to_string().hash(&mut h),
    }
    h.finish()
}

/// Every `text.*.txt` under `dir`.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("text.") && n.ends_with(".txt"))
        {
            out.push(p);
        }
    }
}
