//! Golden fixtures: every `tests/fixtures/*.txt` parses to the JSON beside
//! it (`*.json`). After an intended change, regenerate with
//! `NEWSPRINT_BLESS=1 cargo test --test golden` and review the diff.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

#[test]
fn fixtures_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let bless = std::env::var_os("NEWSPRINT_BLESS").is_some();
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    pages.sort();
    assert!(
        pages.len() >= 5,
        "at least five fixtures, found {}",
        pages.len()
    );
    let mut failures = Vec::new();
    for page in &pages {
        let input = std::fs::read_to_string(page).unwrap();
        let article = newsprint::parse(&input).unwrap();
        if let Err(e) = common::check(&input, &article) {
            failures.push(format!("{}: invariant broken: {e}", page.display()));
        }
        let got = serde_json::to_string_pretty(&article).unwrap() + "\n";
        let snap = page.with_extension("json");
        if bless {
            std::fs::write(&snap, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if got != want {
            failures.push(format!(
                "{}: output differs from {} (NEWSPRINT_BLESS=1 to regenerate)",
                page.display(),
                snap.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
