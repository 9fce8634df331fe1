//! Throughput of `newsprint::parse`, stated as a ratio to baselines measured
//! in the same run (shared machines are noisy; ratios are not).
//!
//! ```text
//! cargo bench --bench throughput                 # everything (about 3 minutes)
//! cargo bench --bench throughput -- corpus       # the 5 MB corpus group only
//! NEWSPRINT_BENCH_E2E=0 cargo bench --bench throughput   # skip the 100 MB example run
//! ```
//!
//! Groups:
//! - `throughput`: `parse/corpus_5mb` (every page of a generated 5 MB corpus,
//!   one `parse` call per page, as users call it), and over the same pages
//!   the baselines `lines/corpus_5mb` (`str::lines()`, summing lengths) and
//!   `memchr/corpus_5mb` (counting newlines with `memchr`).
//! - `large_page`: one generated page of 128 KiB, 1 MiB and 8 MiB, parsed
//!   and split with `str::lines()`: the same throughput at every size shows
//!   the parse is linear.
//! - `example`: `target/release/examples/parse FILE > /dev/null` on a
//!   generated 100 MB dump (parse plus JSON, end to end), if the example has
//!   been built (`cargo build --release --example parse`).
//!
//! After the groups it prints the ratio parse/lines twice: from criterion's
//! own estimates of this run, and from its own timing of alternating rounds
//! of the three loops (the minimum of each, so a burst of load on the
//! machine does not land on one side only), with pages/s and MB/s
//! (10^6 bytes; criterion prints MiB/s).

#[path = "gen/mod.rs"]
mod corpus;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

/// Seed of every generated input: the same bytes on every run.
const SEED: u64 = 42;
/// Size of the page-by-page corpus.
const CORPUS_BYTES: usize = 5 << 20;
/// Sizes of the single large pages.
const LARGE_PAGES: [usize; 3] = [128 << 10, 1 << 20, 8 << 20];
/// Size of the end-to-end input.
const E2E_BYTES: usize = 100 << 20;

/// Parses every page; returns something that depends on every article.
fn parse_pages(pages: &[String]) -> usize {
    pages
        .iter()
        .map(|p| newsprint::parse(black_box(p)).map_or(0, |a| a.body.len() + a.boilerplate.len()))
        .sum()
}

/// The `str::lines()` baseline: split every page, sum the line lengths.
fn lines_pages(pages: &[String]) -> usize {
    pages
        .iter()
        .map(|p| black_box(p).lines().map(str::len).sum::<usize>())
        .sum()
}

/// The memchr baseline: count the newlines of every page.
fn memchr_pages(pages: &[String]) -> usize {
    pages
        .iter()
        .map(|p| memchr::memchr_iter(b'\n', black_box(p).as_bytes()).count())
        .sum()
}

fn total_bytes(pages: &[String]) -> u64 {
    pages.iter().map(|p| p.len() as u64).sum()
}

/// `cargo bench` passes `--bench`; `cargo test --benches` does not, and then
/// criterion runs each routine once as a test: skip the extra reports.
fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn corpus_group(c: &mut Criterion) {
    let pages = corpus::pages(SEED, CORPUS_BYTES);
    let bytes = total_bytes(&pages);
    let mut g = c.benchmark_group("throughput");
    g.throughput(Throughput::Bytes(bytes))
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    g.bench_with_input(
        BenchmarkId::new("parse", "corpus_5mb"),
        &pages,
        |b, pages| b.iter(|| parse_pages(pages)),
    );
    g.bench_with_input(
        BenchmarkId::new("lines", "corpus_5mb"),
        &pages,
        |b, pages| b.iter(|| lines_pages(pages)),
    );
    g.bench_with_input(
        BenchmarkId::new("memchr", "corpus_5mb"),
        &pages,
        |b, pages| b.iter(|| memchr_pages(pages)),
    );
    g.finish();
    if benchmarking() {
        report_criterion(bytes, pages.len());
        report_rounds(&pages);
    }
}

fn large_page_group(c: &mut Criterion) {
    let mut g = c.benchmark_group("large_page");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for size in LARGE_PAGES {
        let mut rng = corpus::Rng::new(SEED ^ size as u64);
        let page = vec![corpus::page(&mut rng, size)];
        g.throughput(Throughput::Bytes(total_bytes(&page)));
        let label = format!("{}kib", size >> 10);
        g.bench_with_input(BenchmarkId::new("parse", &label), &page, |b, p| {
            b.iter(|| parse_pages(p))
        });
        g.bench_with_input(BenchmarkId::new("lines", &label), &page, |b, p| {
            b.iter(|| lines_pages(p))
        });
    }
    g.finish();
}

fn example_group(c: &mut Criterion) {
    if !benchmarking() || std::env::var("NEWSPRINT_BENCH_E2E").is_ok_and(|v| v == "0") {
        return;
    }
    let Some(bin) = example_binary() else {
        println!(
            "example: skipped, build it first: cargo build --release --example parse \
             (looked beside this bench's executable)"
        );
        return;
    };
    let Some(file) = e2e_input() else {
        println!("example: skipped, cannot write the generated input");
        return;
    };
    let bytes = std::fs::metadata(&file).map_or(0, |m| m.len());
    let mut g = c.benchmark_group("example");
    g.throughput(Throughput::Bytes(bytes))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(20));
    g.bench_function("parse_json/dump_100mb", |b| {
        b.iter(|| {
            Command::new(&bin)
                .arg(&file)
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
    });
    g.finish();
    println!(
        "example: input {} ({bytes} bytes); peak memory: /usr/bin/time -v {} {} > /dev/null",
        file.display(),
        bin.display(),
        file.display()
    );
}

/// `target/release/examples/parse`, beside `target/release/deps/` where this
/// bench runs from.
fn example_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let bin = profile_dir
        .join("examples")
        .join(format!("parse{}", std::env::consts::EXE_SUFFIX));
    bin.is_file().then_some(bin)
}

/// The 100 MB dump (generated pages joined by blank lines), written once
/// into the target directory.
fn e2e_input() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let target = exe.parent()?.parent()?.parent()?;
    let path = target.join(format!("newsprint-bench-dump-{}mb.txt", E2E_BYTES >> 20));
    let fresh = std::fs::metadata(&path).is_ok_and(|m| m.len() >= E2E_BYTES as u64);
    if !fresh {
        let text = corpus::joined(&corpus::pages(SEED, E2E_BYTES));
        std::fs::write(&path, text).ok()?;
    }
    Some(path)
}

/// Criterion's mean time per iteration for `group/function/param` in this
/// run, from the estimates it writes.
fn criterion_mean(group: &str, function: &str, param: &str) -> Option<f64> {
    let dir = criterion_dir()?;
    let file = dir
        .join(group)
        .join(function)
        .join(param)
        .join("new")
        .join("estimates.json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    json.get("mean")?.get("point_estimate")?.as_f64()
}

/// Where criterion writes: `$CRITERION_HOME`, `$CARGO_TARGET_DIR/criterion`,
/// or `target/criterion` found from this bench's executable.
fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(Path::new(&target).join("criterion"));
    }
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

fn report_criterion(bytes: u64, pages: usize) {
    let mean = |f: &str| criterion_mean("throughput", f, "corpus_5mb");
    let (Some(parse), Some(lines), Some(mem)) = (mean("parse"), mean("lines"), mean("memchr"))
    else {
        println!("criterion estimates not found; see the figures above");
        return;
    };
    println!("\ncriterion, this run (mean time per pass over the corpus):");
    print_table(bytes, pages, parse * 1e-9, lines * 1e-9, mem * 1e-9);
}

/// Times the three loops in alternating rounds and keeps each one's best.
fn report_rounds(pages: &[String]) {
    const ROUNDS: usize = 15;
    let time = |f: &dyn Fn(&[String]) -> usize| {
        let t = Instant::now();
        black_box(f(pages));
        t.elapsed().as_secs_f64()
    };
    let (mut parse, mut lines, mut mem) = (f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..ROUNDS {
        parse = parse.min(time(&parse_pages));
        lines = lines.min(time(&lines_pages));
        mem = mem.min(time(&memchr_pages));
    }
    println!("\nalternating rounds, best of {ROUNDS} each:");
    print_table(total_bytes(pages), pages.len(), parse, lines, mem);
}

fn print_table(bytes: u64, pages: usize, parse: f64, lines: f64, mem: f64) {
    let row = |name: &str, secs: f64| {
        println!(
            "| {name:<16} | {:>9.1} | {:>11.0} | {:>9.3} |",
            bytes as f64 / secs / 1e6,
            pages as f64 / secs,
            lines / secs
        );
    };
    println!("| loop             |      MB/s |     pages/s | vs lines  |");
    println!("|------------------|-----------|-------------|-----------|");
    row("newsprint::parse", parse);
    row("str::lines()", lines);
    row("memchr newlines", mem);
    println!(
        "ratio parse/lines = {:.3} (1/{:.1}); {pages} pages, {bytes} bytes",
        lines / parse,
        parse / lines
    );
}

criterion_group!(benches, corpus_group, large_page_group, example_group);
criterion_main!(benches);
