#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::needless_range_loop
)]
//! Train the learned line scorer on a corpus of real pages with ground truth.
//!
//! ```text
//! cargo run --release --example train -- CORPUS [--renderer chromium] [--write src/parse/weights.rs]
//! ```
//! Every non-blank line of each page's text gets a label from the page's truth where the truth
//! says something about it: a line inside the full body (or a body prefix) or holding a
//! must-contain snippet is content; a line holding a must-not-contain snippet, or (for full
//! bodies) absent from the body, is not. A logistic regression over the crate's line features
//! (`newsprint::__training`) is fitted by full-batch gradient descent (Adam, L2), each page
//! weighing the same. Pages whose `source/id` hashes to 0 mod 5 are held out: the figures
//! printed for them are on pages the model never saw, and `evaluate --split test` scores the
//! parser on the same pages. Deterministic: same corpus, same weights.

use std::path::{Path, PathBuf};

use newsprint::__training::{FEATURE_NAMES, FEATURES, line_features};
use serde_json::Value;

#[path = "common/split.rs"]
mod split;
use split::held_out;
#[path = "common/metrics.rs"]
mod metrics;
use metrics::fold;

struct Sample {
    x: [f32; FEATURES],
    y: f32,
    w: f32,
}

fn label_page(dir: &Path, renderer: &str) -> Option<Vec<Sample>> {
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).ok()?).ok()?;
    let text = std::fs::read_to_string(dir.join(format!("text.{renderer}.txt"))).ok()?;
    let s = |k: &str| truth.get(k).and_then(Value::as_str);
    let list = |k: &str| -> Vec<String> {
        truth
            .get(k)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(fold)).collect())
            .unwrap_or_default()
    };
    let level = s("truth_body_level")?;
    let full = if level == "full" {
        s("body").map(fold)
    } else {
        None
    };
    let prefix = if level == "prefix" {
        s("body_prefix").map(fold)
    } else {
        None
    };
    let must = list("body_must_contain");
    let mustnot = list("body_must_not_contain");
    let mut out = Vec::new();
    for (span, x) in line_features(&text) {
        let line = fold(text.get(span.start..span.end).unwrap_or(""));
        if line.is_empty() {
            continue;
        }
        let y = if let Some(body) = &full {
            Some(body.contains(&line))
        } else if let Some(pre) = &prefix {
            (line.chars().count() >= 20 && pre.contains(&line)).then_some(true)
        } else if must.iter().any(|m| line.contains(m.as_str())) {
            Some(true)
        } else if mustnot.iter().any(|m| line.contains(m.as_str())) {
            Some(false)
        } else {
            None
        };
        if let Some(y) = y {
            let w = (2.0 + line.chars().count() as f32).ln();
            out.push(Sample {
                x,
                y: f32::from(u8::from(y)),
                w,
            });
        }
    }
    let total: f32 = out.iter().map(|s| s.w).sum();
    if total > 0.0 {
        for s in &mut out {
            s.w /= total;
        }
    }
    Some(out)
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

fn report(name: &str, data: &[Sample], w: &[f32; FEATURES]) {
    let (mut loss, mut acc, mut tot) = (0.0f64, 0.0f64, 0.0f64);
    for s in data {
        let z: f32 = s.x.iter().zip(w).map(|(a, b)| a * b).sum();
        let p = sigmoid(z).clamp(1e-6, 1.0 - 1e-6);
        loss -= f64::from(s.w) * f64::from(if s.y > 0.5 { p.ln() } else { (1.0 - p).ln() });
        acc += f64::from(s.w) * f64::from(u8::from((p > 0.5) == (s.y > 0.5)));
        tot += f64::from(s.w);
    }
    println!(
        "{name}: lines {} weighted log-loss {:.4} weighted accuracy {:.4}",
        data.len(),
        loss / tot,
        acc / tot
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut corpus: Option<PathBuf> = None;
    let mut renderer = "chromium".to_string();
    let mut write: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--renderer" => renderer = args.next().unwrap_or(renderer),
            "--write" => write = args.next().map(PathBuf::from),
            _ => corpus = Some(PathBuf::from(a)),
        }
    }
    let Some(corpus) = corpus else {
        eprintln!("usage: train CORPUS [--renderer chromium] [--write src/parse/weights.rs]");
        std::process::exit(2);
    };
    let (mut train, mut test) = (Vec::new(), Vec::new());
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    sources.sort();
    for sdir in sources.iter().filter(|p| p.is_dir()) {
        let source = sdir
            .file_name()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut pages: Vec<PathBuf> = std::fs::read_dir(sdir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        pages.sort();
        for p in pages {
            let id = p
                .file_name()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            if let Some(samples) = label_page(&p, &renderer) {
                if held_out(&source, &id) {
                    test.extend(samples)
                } else {
                    train.extend(samples)
                }
            }
        }
    }
    // Full-batch Adam on the weighted log-loss with a small L2 penalty.
    let mut w = [0f32; FEATURES];
    let (mut m, mut v) = ([0f32; FEATURES], [0f32; FEATURES]);
    let (lr, b1, b2, l2) = (0.05f32, 0.9f32, 0.999f32, 1e-4f32);
    let total: f32 = train.iter().map(|s| s.w).sum();
    for step in 1..=1500 {
        let mut g = [0f32; FEATURES];
        for s in &train {
            let z: f32 = s.x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let e = (sigmoid(z) - s.y) * s.w;
            for (gj, xj) in g.iter_mut().zip(&s.x) {
                *gj += e * xj;
            }
        }
        for j in 0..FEATURES {
            let gj = g[j] / total + l2 * w[j];
            m[j] = b1 * m[j] + (1.0 - b1) * gj;
            v[j] = b2 * v[j] + (1.0 - b2) * gj * gj;
            let mh = m[j] / (1.0 - b1.powi(step));
            let vh = v[j] / (1.0 - b2.powi(step));
            w[j] -= lr * mh / (vh.sqrt() + 1e-8);
        }
    }
    report("train", &train, &w);
    report("held out", &test, &w);
    for (n, x) in FEATURE_NAMES.iter().zip(&w) {
        println!("  {n:<18} {x:>8.3}");
    }
    if let Some(path) = write {
        let body: Vec<String> = FEATURE_NAMES
            .iter()
            .zip(&w)
            .map(|(n, x)| format!("    {x:.6}, // {n}"))
            .collect();
        let src = format!(
            "//! Weights of the learned line scorer. Generated by\n//! `cargo run --release --example train -- CORPUS --write src/parse/weights.rs` on the development corpus;\n//! do not edit by hand.\n\n/// One weight per feature of `features::NAMES`.\n#[rustfmt::skip]\n#[allow(clippy::excessive_precision)]\npub(crate) const WEIGHTS: [f32; super::features::N] = [\n{}\n];\n",
            body.join("\n")
        );
        if let Err(e) = std::fs::write(&path, src) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
    }
}
