#![allow(clippy::indexing_slicing, clippy::string_slice, clippy::unwrap_used)]
//! Score newsprint on a corpus of real pages rendered to text, in process.
//!
//! ```text
//! cargo run --release --example evaluate -- CORPUS [--renderer chromium] [--sources a,b]
//!                                           [--worst N] [--out rows.jsonl] [--split test|train|all]
//! ```
//! The corpus layout is `CORPUS/<source>/<id>/{text.<renderer>.txt, truth.json}`; the figures
//! are those of the shared `eval_corpus.py` (body F1 over 4-token shingles averaged over
//! pages, headline exact and close, must-contain / must-not-contain snippets, body prefix),
//! per source, followed by the pages with the worst scores so a developer sees what to fix.
//! `--split test` scores only the pages the line scorer was not trained on (see `train`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;

#[path = "common/metrics.rs"]
mod metrics;
#[path = "common/split.rs"]
mod split;
use metrics::{fold, headline_close, tokens};

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let t = tokens(text);
    let mut m = HashMap::new();
    let n = 4;
    let count = t.len().saturating_sub(n) + 1;
    for i in 0..count.max(1) {
        let end = (i + n).min(t.len());
        if i < end {
            *m.entry(t[i..end].to_vec()).or_insert(0) += 1;
        }
    }
    m
}

fn tp_fp_fn(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(truth), shingles(pred));
    let mut tp = 0usize;
    let mut fp = 0usize;
    let mut fneg = 0usize;
    for (k, &pv) in &p {
        let tv = t.get(k).copied().unwrap_or(0);
        tp += pv.min(tv);
        fp += pv.saturating_sub(tv);
    }
    for (k, &tv) in &t {
        fneg += tv.saturating_sub(p.get(k).copied().unwrap_or(0));
    }
    let s = (tp + fp + fneg) as f64;
    if s == 0.0 {
        (0.0, 0.0, 0.0)
    } else {
        (tp as f64 / s, fp as f64 / s, fneg as f64 / s)
    }
}

fn prf(rows: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let ps: Vec<f64> = rows
        .iter()
        .filter(|r| r.0 + r.1 > 0.0)
        .map(|&(tp, fp, fneg)| {
            if fp == 0.0 && fneg == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            }
        })
        .collect();
    let rs: Vec<f64> = rows
        .iter()
        .filter(|r| r.0 + r.2 > 0.0)
        .map(|&(tp, fp, fneg)| {
            if fp == 0.0 && fneg == 0.0 {
                1.0
            } else {
                tp / (tp + fneg)
            }
        })
        .collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn body_of(a: &newsprint::Article<'_>) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(s) = &a.standfirst {
        parts.push(&s.text);
    }
    for b in &a.body {
        match b {
            newsprint::Block::Paragraph(t) => parts.push(&t.text),
            newsprint::Block::Heading { text, .. } => parts.push(text),
            newsprint::Block::List { items, .. } => {
                parts.extend(items.iter().map(|i| i.text.as_ref()))
            }
            _ => {}
        }
    }
    parts.join("\n")
}

#[derive(Default)]
struct Row {
    source: String,
    id: String,
    f: Option<(f64, f64, f64)>,
    head: Option<(bool, bool)>,
    snip_in: Vec<bool>,
    snip_out: Vec<bool>,
    prefix: Option<bool>,
    error: bool,
    micros: u128,
    got_head: String,
    want_head: String,
}

impl Row {
    /// A page's badness, for the worst-pages list.
    fn badness(&self) -> f64 {
        let mut b = 0.0;
        if let Some((tp, fp, fneg)) = self.f {
            let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
            let r = if tp + fneg > 0.0 {
                tp / (tp + fneg)
            } else {
                0.0
            };
            b += 1.0
                - if p + r > 0.0 {
                    2.0 * p * r / (p + r)
                } else {
                    0.0
                };
        }
        b += self.snip_in.iter().filter(|x| !**x).count() as f64 * 0.5;
        b += self.snip_out.iter().filter(|x| !**x).count() as f64 * 0.5;
        if self.prefix == Some(false) {
            b += 1.0;
        }
        if self.head.is_some_and(|h| !h.1) {
            b += 0.5;
        }
        b
    }
}

fn score_page(source: &str, dir: &Path, renderer: &str) -> Option<Row> {
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).ok()?).ok()?;
    let bytes = std::fs::read(dir.join(format!("text.{renderer}.txt"))).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut row = Row {
        source: source.into(),
        id: dir.file_name()?.to_string_lossy().into(),
        ..Row::default()
    };
    let t0 = Instant::now();
    let parsed = newsprint::parse(&text);
    row.micros = t0.elapsed().as_micros();
    let (body, head) = match &parsed {
        Ok(a) => (
            body_of(a),
            a.headline
                .as_ref()
                .map(|h| h.text.to_string())
                .unwrap_or_default(),
        ),
        Err(_) => {
            row.error = true;
            (String::new(), String::new())
        }
    };
    let s = |k: &str| truth.get(k).and_then(Value::as_str);
    let list = |k: &str| -> Vec<String> {
        truth
            .get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    match s("truth_body_level") {
        Some("full") if s("body").is_some() => {
            row.f = Some(tp_fp_fn(s("body").unwrap_or(""), &body))
        }
        Some("prefix") if s("body_prefix").is_some() => {
            let pre: Vec<String> = tokens(s("body_prefix").unwrap_or(""))
                .into_iter()
                .take(30)
                .collect();
            let got = tokens(&body);
            row.prefix = Some(got.len() >= pre.len() && got[..pre.len()] == pre[..]);
        }
        Some("snippets") => {
            let fb = fold(&body);
            row.snip_in = list("body_must_contain")
                .iter()
                .map(|x| fb.contains(&fold(x)))
                .collect();
            row.snip_out = list("body_must_not_contain")
                .iter()
                .map(|x| !fb.contains(&fold(x)))
                .collect();
        }
        _ => {}
    }
    if let Some(title) = s("title") {
        row.head = Some((fold(&head) == fold(title), headline_close(&head, title)));
        row.want_head = title.into();
    }
    row.got_head = head;
    Some(row)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut corpus: Option<PathBuf> = None;
    let mut renderer = "chromium".to_string();
    let mut sources: Vec<String> = Vec::new();
    let mut worst = 15usize;
    let mut out: Option<PathBuf> = None;
    let mut only: Option<bool> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => {
                only = match args.next().as_deref() {
                    Some("test") => Some(true),
                    Some("train") => Some(false),
                    _ => None,
                }
            }
            "--renderer" => renderer = args.next().unwrap_or(renderer),
            "--sources" => {
                sources = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(String::from)
                    .collect()
            }
            "--worst" => worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(worst),
            "--out" => out = args.next().map(PathBuf::from),
            _ => corpus = Some(PathBuf::from(a)),
        }
    }
    let Some(corpus) = corpus else {
        eprintln!(
            "usage: evaluate CORPUS [--renderer chromium] [--sources a,b] [--worst N] [--out rows.jsonl]"
        );
        std::process::exit(2);
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut srcs: Vec<_> = std::fs::read_dir(&corpus)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    srcs.sort();
    for sdir in srcs.iter().filter(|p| p.is_dir()) {
        let source = sdir
            .file_name()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if !sources.is_empty() && !sources.contains(&source) {
            continue;
        }
        let mut pages: Vec<_> = std::fs::read_dir(sdir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        pages.sort();
        rows.extend(
            pages
                .iter()
                .filter(|p| {
                    let id = p
                        .file_name()
                        .map(|s| s.to_string_lossy().to_string())
                        .unwrap_or_default();
                    only.is_none_or(|test| split::held_out(&source, &id) == test)
                })
                .filter_map(|p| score_page(&source, p, &renderer)),
        );
    }
    let mut by: Vec<(String, Vec<&Row>)> = Vec::new();
    for r in &rows {
        match by.iter_mut().find(|(s, _)| *s == r.source) {
            Some((_, v)) => v.push(r),
            None => by.push((r.source.clone(), vec![r])),
        }
    }
    by.push(("ALL".into(), rows.iter().collect()));
    println!(
        "{:<13}{:>5}{:>7}{:>7}{:>7}{:>7}{:>7}{:>8}{:>8}{:>8}{:>7}{:>9}",
        "source",
        "n",
        "F1",
        "P",
        "R",
        "head=",
        "head~",
        "snipIn",
        "snipOut",
        "prefix",
        "errors",
        "max_ms"
    );
    for (src, rs) in &by {
        let full: Vec<_> = rs.iter().filter_map(|r| r.f).collect();
        let (p, r, f1) = if full.is_empty() {
            (f64::NAN, f64::NAN, f64::NAN)
        } else {
            prf(&full)
        };
        let m = |xs: Vec<bool>| {
            if xs.is_empty() {
                "-".to_string()
            } else {
                format!(
                    "{:.3}",
                    xs.iter().filter(|x| **x).count() as f64 / xs.len() as f64
                )
            }
        };
        let he = m(rs.iter().filter_map(|r| r.head.map(|h| h.0)).collect());
        let hc = m(rs.iter().filter_map(|r| r.head.map(|h| h.1)).collect());
        let si = m(rs.iter().flat_map(|r| r.snip_in.clone()).collect());
        let so = m(rs.iter().flat_map(|r| r.snip_out.clone()).collect());
        let pf = m(rs.iter().filter_map(|r| r.prefix).collect());
        let errs = rs.iter().filter(|r| r.error).count();
        let max_ms = rs.iter().map(|r| r.micros).max().unwrap_or(0) as f64 / 1000.0;
        println!(
            "{src:<13}{:>5}{f1:>7.3}{p:>7.3}{r:>7.3}{he:>7}{hc:>7}{si:>8}{so:>8}{pf:>8}{errs:>7}{max_ms:>9.2}",
            rs.len()
        );
    }
    let mut ranked: Vec<&Row> = rows.iter().collect();
    ranked.sort_by(|a, b| b.badness().total_cmp(&a.badness()));
    println!("\nworst pages:");
    for r in ranked.iter().take(worst) {
        let f1 = r.f.map(|f| prf(&[f]).2);
        println!(
            "  {:.2} {}/{} f1={} in={}/{} out={}/{} prefix={:?} head={:?} want={:?}",
            r.badness(),
            r.source,
            r.id,
            f1.map_or("-".into(), |f| format!("{f:.2}")),
            r.snip_in.iter().filter(|x| **x).count(),
            r.snip_in.len(),
            r.snip_out.iter().filter(|x| **x).count(),
            r.snip_out.len(),
            r.prefix,
            r.got_head.chars().take(60).collect::<String>(),
            r.want_head.chars().take(60).collect::<String>()
        );
    }
    if let Some(out) = out {
        let lines: Vec<String> = rows
            .iter()
            .map(|r| {
                serde_json::json!({"source": r.source, "id": r.id, "f1": r.f.map(|f| prf(&[f]).2),
                    "head_close": r.head.map(|h| h.1), "snip_in": r.snip_in, "snip_out": r.snip_out,
                    "prefix": r.prefix, "error": r.error, "micros": r.micros as u64,
                    "got_head": r.got_head, "want_head": r.want_head})
                .to_string()
            })
            .collect();
        if let Err(e) = std::fs::write(&out, lines.join("\n") + "\n") {
            eprintln!("cannot write {}: {e}", out.display());
        }
    }
}
