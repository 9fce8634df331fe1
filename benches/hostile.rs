//! Hostile inputs: the time curve of every shape of `tests/common` at
//! 1, 2 and 4 MiB (doubling the input should at most ~2.2x the time), and
//! the huge cases the issue names: a 50 MiB single line, a million blank
//! lines, a million identical lines, a million related-link or credit
//! lines, a million alternating quote and name lines, 100,000 bullets, a
//! million lines of boilerplate phrases and of menu items, 100,000 cards.
//!
//! ```text
//! cargo bench --bench hostile                         # criterion curves
//! HOSTILE_TABLE=1 cargo bench --bench hostile         # then a table: time, peak memory
//! HOSTILE_TABLE=only cargo bench --bench hostile      # the table alone
//! ```
//!
//! The table runs each case in a fresh process (this binary again) and
//! reports the best of a few parses and the growth of the peak resident
//! memory during one parse (Linux; `-` elsewhere).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::hostile::{self, SHAPES};
use criterion::{BenchmarkId, Criterion, Throughput};

const MIB: usize = 1 << 20;

/// The curves: every shape at 1, 2 and 4 MiB.
const CURVE_SIZES: [usize; 3] = [MIB, 2 * MIB, 4 * MIB];

/// The huge cases: shape, name, bytes (chosen to give the line counts named).
const HUGE: &[(&str, &str, usize)] = &[
    ("single-line", "50MiB single line", 50 * MIB),
    ("blank-lines", "1M blank lines", 1_750_000),
    ("identical-lines", "1M identical lines", 64_000_000),
    ("related-links", "1M related-link lines", 52_000_000),
    ("credits", "1M credit lines", 22_000_000),
    ("quote-name", "1M quote/name lines", 42_000_000),
    ("bullets", "100k bullets", 5_400_000),
    ("boilerplate", "1M boilerplate lines", 21_000_000),
    ("menu", "1M menu lines", 6_600_000),
    ("cards", "100k cards", 25_000_000),
];

const CHILD_ENV: &str = "NEWSPRINT_HOSTILE_MEASURE";

fn curves(c: &mut Criterion) {
    for shape in SHAPES {
        let mut g = c.benchmark_group(format!("hostile/{shape}"));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        for bytes in CURVE_SIZES {
            bench(&mut g, shape, &format!("{}MiB", bytes / MIB), bytes);
        }
        g.finish();
    }
}

fn huge(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile/huge");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(5));
    for &(shape, name, bytes) in HUGE {
        bench(&mut g, shape, name, bytes);
    }
    g.finish();
}

/// One benchmark; the page is built only if the benchmark runs (filters).
fn bench(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    shape: &str,
    name: &str,
    bytes: usize,
) {
    // `page` overshoots `bytes` by less than one repeated unit: close enough.
    g.throughput(Throughput::Bytes(bytes as u64));
    let mut input: Option<String> = None;
    g.bench_function(BenchmarkId::from_parameter(name), |b| {
        let input = input.get_or_insert_with(|| hostile::page(shape, bytes));
        b.iter(|| newsprint::parse(black_box(input)).map(|a| a.body.len()));
    });
}

/// One case in this process: the best of `runs` parses, and the peak memory
/// growth of the first.
fn measure(shape: &str, bytes: usize) {
    let input = hostile::page(shape, bytes);
    newsprint::parse("Warm up the lexicon\n\nAccept all cookies.").unwrap();
    let t = Instant::now();
    let (heap, peak) = hostile::peak_rss_growth(|| {
        let a = newsprint::parse(&input).unwrap();
        hostile::heap_bytes(&a)
    });
    let mut best = t.elapsed();
    let runs = if input.len() > 8 * MIB { 2 } else { 5 };
    for _ in 1..runs {
        let t = Instant::now();
        black_box(newsprint::parse(black_box(&input)).map(|a| a.body.len())).unwrap();
        best = best.min(t.elapsed());
    }
    let lines = input.bytes().filter(|&b| b == b'\n').count() + 1;
    println!(
        "MEASURE {} {} {} {} {heap}",
        input.len(),
        lines,
        best.as_nanos(),
        peak.map_or(-1, |p| p as i64)
    );
}

/// Runs `measure` in a fresh process and parses its report.
fn measured(shape: &str, bytes: usize) -> Option<(usize, usize, f64, Option<usize>, usize)> {
    let out = std::process::Command::new(std::env::current_exe().ok()?)
        .env(CHILD_ENV, format!("{shape}:{bytes}"))
        .output()
        .ok()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().find_map(|l| l.strip_prefix("MEASURE "))?;
    let f: Vec<i64> = line
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    Some((
        f[0] as usize,
        f[1] as usize,
        f[2] as f64 / 1e9,
        usize::try_from(f[3]).ok(),
        f[4] as usize,
    ))
}

fn human(bytes: usize) -> String {
    if bytes >= 10 * MIB {
        format!("{:.0} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{:.2} MiB", bytes as f64 / MIB as f64)
    }
}

/// The table: one row per case, with the time ratio to the previous size.
fn table() {
    println!(
        "\n| shape | case | input | lines | time | throughput | x time / x input | peak memory | peak / input | article heap |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut rows: Vec<(&str, String, usize)> = Vec::new();
    for shape in SHAPES {
        for bytes in CURVE_SIZES {
            rows.push((shape, format!("{} MiB", bytes / MIB), bytes));
        }
    }
    for &(shape, name, bytes) in HUGE {
        rows.push((shape, name.to_string(), bytes));
    }
    let mut prev: Option<(&str, usize, f64)> = None;
    for (shape, name, bytes) in rows {
        let Some((len, lines, secs, peak, heap)) = measured(shape, bytes) else {
            println!("| {shape} | {name} | failed |");
            continue;
        };
        let growth = match prev {
            Some((s, l, t)) if s == shape && len > l => {
                format!("{:.2} / {:.2}", secs / t, len as f64 / l as f64)
            }
            _ => String::new(),
        };
        prev = Some((shape, len, secs));
        let peak_s = peak.map_or("-".to_string(), human);
        let ratio = peak.map_or("-".to_string(), |p| format!("{:.1}", p as f64 / len as f64));
        println!(
            "| {shape} | {name} | {} | {lines} | {:.1} ms | {:.0} MiB/s | {growth} | {peak_s} | {ratio} | {} |",
            human(len),
            secs * 1e3,
            len as f64 / MIB as f64 / secs,
            human(heap),
        );
    }
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD_ENV) {
        let (shape, bytes) = spec.split_once(':').unwrap();
        measure(shape, bytes.parse().unwrap());
        return;
    }
    let mode = std::env::var("HOSTILE_TABLE").unwrap_or_default();
    if mode != "only" {
        let mut c = Criterion::default().configure_from_args();
        curves(&mut c);
        huge(&mut c);
        c.final_summary();
    }
    if !mode.is_empty() {
        table();
    }
}
