//! Fuzz findings, kept fixed: every file in `tests/fuzz-regressions/` goes
//! through the checks of the `parse_bytes` and `json` fuzz targets, and the
//! `parse_with` findings are named tests below. See the README there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

/// What the `parse_bytes` and `json` targets check, for one input.
fn replay(bytes: &[u8]) -> Result<(), String> {
    let Ok(article) = newsprint::parse_bytes(bytes) else {
        return Ok(());
    };
    let text = std::str::from_utf8(bytes).map_err(|e| format!("parsed invalid UTF-8: {e}"))?;
    common::check(text, &article)?;
    if newsprint::parse_bytes(bytes).as_ref() != Ok(&article) {
        return Err("a second parse differs".into());
    }
    if article.clone().into_owned() != article {
        return Err("into_owned changed the article".into());
    }
    let _ = (article.to_text(), article.to_markdown());
    let json = serde_json::to_string(&article).map_err(|e| e.to_string())?;
    let back: newsprint::Article<'_> =
        serde_json::from_str(&json).map_err(|e| format!("JSON does not parse back: {e}"))?;
    if back != article {
        return Err("the JSON round trip changed the article".into());
    }
    Ok(())
}

#[test]
fn every_kept_input_passes_the_fuzz_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|f| f == "README.md") || !path.is_file() {
            continue;
        }
        n += 1;
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match std::panic::catch_unwind(|| replay(&bytes)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{name}: {e}")),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    eprintln!("{n} kept fuzz inputs replayed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The replay sees a broken invariant: it is not a test that cannot fail.
#[test]
fn replay_checks_what_the_targets_check() {
    assert!(replay(b"Headline of a test page\n\nA paragraph.").is_ok());
    assert!(replay(b"\xff").is_ok(), "refused input is fine");
    let page = "Headline of a test page\n\nThe first paragraph, which ends.";
    let mut a = newsprint::parse(page).unwrap();
    assert!(
        a.headline.is_some() && a.body.len() + a.boilerplate.len() > 0,
        "two elements: {a:?}"
    );
    a.headline.as_mut().unwrap().span = newsprint::Span::new(0, page.len());
    assert!(common::check(page, &a).is_err(), "overlap seen");
}
