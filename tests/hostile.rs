//! Hostile inputs within a memory budget, asserted by comparing sizes, not
//! by timing: for every shape of `common::hostile`, a page of 1 MiB and one
//! of 2 MiB are parsed, each in a fresh child process (this test binary run
//! again), which reports how far its peak resident memory grew during the
//! parse and how many heap bytes the article holds. Doubling the input must
//! at most ~2.2x both, and the peak must stay within a small multiple of the
//! input. Time curves are in `benches/hostile.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::hostile;

const SMALL: usize = 1 << 20;

/// Doubling the input may grow a measure at most this much...
const GROWTH: f64 = 2.2;
/// ...give or take this many bytes of allocator and page granularity.
const SLACK: usize = 512 << 10;
/// Peak memory during a parse, as a multiple of the input, at most.
const PEAK_PER_INPUT_BYTE: usize = 12;
/// Heap bytes of the article, as a multiple of the input, at most.
const HEAP_PER_INPUT_BYTE: usize = 6;

/// What one parse cost.
#[derive(Debug, Clone, Copy)]
struct Cost {
    input: usize,
    heap: usize,
    peak: Option<usize>,
}

const CHILD_ENV: &str = "NEWSPRINT_HOSTILE_CHILD";

/// The child side: with `NEWSPRINT_HOSTILE_CHILD=shape:bytes` set, parse one
/// page and print its cost; without it (a normal run), do nothing.
#[test]
fn child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (shape, bytes) = spec.split_once(':').unwrap();
    let input = hostile::page(shape, bytes.parse().unwrap());
    // Compile the built-in lexicon (once per process) outside the measure.
    newsprint::parse("Warm up the lexicon\n\nAccept all cookies.").unwrap();
    // Only the parse is measured: the invariant check after it builds
    // structures of its own.
    let (article, peak) = hostile::peak_rss_growth(|| newsprint::parse(&input).unwrap());
    common::check(&input, &article).unwrap();
    let heap = hostile::heap_bytes(&article);
    println!(
        "\nHOSTILE input={} heap={heap} peak={}",
        input.len(),
        peak.map_or(-1, |p| p as i64)
    );
}

/// Runs the child for `shape` at `bytes` and reads its report.
fn cost(shape: &str, bytes: usize) -> Cost {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, format!("{shape}:{bytes}"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{shape} at {bytes} bytes: child failed\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("HOSTILE ").map(|(_, r)| r))
        .unwrap_or_else(|| panic!("no report from the child:\n{stdout}"));
    let field = |name: &str| -> i64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .unwrap()
            .parse()
            .unwrap()
    };
    Cost {
        input: field("input") as usize,
        heap: field("heap") as usize,
        peak: usize::try_from(field("peak")).ok(),
    }
}

/// Checks one shape: 1 MiB, then 2 MiB.
fn linear(shape: &str) -> Vec<String> {
    let a = cost(shape, SMALL);
    let b = cost(shape, 2 * SMALL);
    eprintln!("{shape:>16}: {a:?} → {b:?}");
    let mut problems = Vec::new();
    let ratio = b.input as f64 / a.input as f64;
    let within = |x: usize, y: usize| y as f64 <= x as f64 * GROWTH * ratio / 2.0 + SLACK as f64;
    if !within(a.heap, b.heap) {
        problems.push(format!(
            "{shape}: article heap grew {} → {} bytes for input {} → {}",
            a.heap, b.heap, a.input, b.input
        ));
    }
    for c in [a, b] {
        if c.heap > HEAP_PER_INPUT_BYTE * c.input + SLACK {
            problems.push(format!(
                "{shape}: article holds {} heap bytes for {} input bytes",
                c.heap, c.input
            ));
        }
    }
    if let (Some(pa), Some(pb)) = (a.peak, b.peak) {
        if !within(pa, pb) {
            problems.push(format!(
                "{shape}: peak memory grew {pa} → {pb} bytes for input {} → {}",
                a.input, b.input
            ));
        }
        for (c, p) in [(a, pa), (b, pb)] {
            if p > PEAK_PER_INPUT_BYTE * c.input + SLACK {
                problems.push(format!(
                    "{shape}: peak memory {p} bytes for {} input bytes",
                    c.input
                ));
            }
        }
    }
    problems
}

macro_rules! shapes {
    ($($(#[$attr:meta])* $name:ident => $shape:literal,)*) => {
        $(
            #[test]
            $(#[$attr])*
            fn $name() {
                let problems = linear($shape);
                assert!(problems.is_empty(), "{}", problems.join("\n"));
            }
        )*

        #[test]
        fn every_shape_is_tested() {
            let tested = [$($shape),*];
            for s in hostile::SHAPES {
                assert!(tested.contains(s), "{s} has no test");
            }
        }
    };
}

shapes! {
    single_line => "single-line",
    blank_lines => "blank-lines",
    identical_lines => "identical-lines",
    identical_titles => "identical-titles",
    related_links => "related-links",
    credits => "credits",
    quote_name => "quote-name",
    bullets => "bullets",
    boilerplate => "boilerplate",
    menu => "menu",
    cards => "cards",
    clean_copy => "clean-copy",
}

/// The sizes the shapes produce are what the tests think they are.
#[test]
fn pages_have_the_size_asked_for() {
    for s in hostile::SHAPES {
        let p = hostile::page(s, 10_000);
        assert!(
            (10_000..10_300).contains(&p.len()),
            "{s}: {} bytes",
            p.len()
        );
        if *s == "single-line" {
            assert!(!p.contains('\n') && !p.contains('\r'), "one line");
        }
    }
}
