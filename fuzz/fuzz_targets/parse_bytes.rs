//! `parse_bytes` on arbitrary bytes: never panics, and every article it
//! returns keeps the invariants (spans in bounds and on char boundaries,
//! top-level spans disjoint, every non-blank byte covered once), parses the
//! same way twice, and survives `into_owned` unchanged.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = newsprint::parse_bytes(data) else {
        return;
    };
    let text = std::str::from_utf8(data).unwrap();
    if let Err(e) = common::check(text, &article) {
        panic!("invariant broken: {e}");
    }
    let again = newsprint::parse_bytes(data).unwrap();
    assert_eq!(article, again, "parse is not deterministic");
    let _ = article.to_text();
    let _ = article.to_markdown();
    assert_eq!(
        article.clone().into_owned(),
        article,
        "into_owned changed the article"
    );
});
