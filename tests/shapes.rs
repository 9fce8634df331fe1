//! What each fixture must show, stated directly (the snapshots pin the rest).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use newsprint::{Block, BoilerplateKind, CreditKind};

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn seedlike_page_has_every_shape() {
    let text = fixture("seedlike.txt");
    let a = newsprint::parse(&text).unwrap();
    assert!(
        a.headline
            .as_ref()
            .unwrap()
            .text
            .starts_with("‘Not another winter’"),
        "headline is the first line"
    );
    assert!(
        a.standfirst.is_some(),
        "the summary under the headline is the standfirst"
    );
    assert_eq!(
        a.paragraphs().count(),
        15,
        "15 body paragraphs besides the standfirst"
    );
    let kinds: Vec<&str> = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::RelatedLink { .. } => Some("related"),
            Block::PullQuote { .. } => Some("quote"),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        ["related", "quote", "related", "related"],
        "related links and the pull quote in place"
    );
    let quote = a.body.iter().find_map(|b| match b {
        Block::PullQuote { attribution, .. } => attribution.clone(),
        _ => None,
    });
    assert_eq!(quote.as_deref(), Some("Elena Marsh"));
    let titles: Vec<&str> = a.sections.iter().map(|s| s.title.as_ref()).collect();
    assert_eq!(
        titles,
        ["Morning Briefing", "In depth"],
        "rail labels are sections, not body"
    );
    let cards = &a.sections[1].cards;
    let shape: Vec<(usize, usize, CreditKind)> = cards
        .iter()
        .map(|c| {
            (
                c.bullets.len(),
                c.summary.len(),
                c.credit.as_ref().unwrap().kind,
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (2, 2, CreditKind::Illustration),
            (2, 2, CreditKind::Photo),
            (2, 1, CreditKind::Photo),
            (2, 1, CreditKind::Photo)
        ],
        "credits stand before their cards"
    );
    let bp: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(
        bp,
        [BoilerplateKind::Newsletter, BoilerplateKind::CookieNotice]
    );
}

#[test]
fn byline_and_dates_are_fields() {
    let text = fixture("byline_date.txt");
    let a = newsprint::parse(&text).unwrap();
    assert_eq!(
        a.byline.as_ref().unwrap().text,
        "By Jane Roe and Tom Example"
    );
    assert!(a.published.as_ref().unwrap().text.contains("18 May 2024"));
    assert!(a.updated.as_ref().unwrap().text.starts_with("Updated"));
    assert_eq!(a.paragraphs().count(), 8);
    assert_eq!(
        a.boilerplate[0].kind,
        BoilerplateKind::Navigation,
        "the menu before the headline"
    );
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Legal),
        "copyright footer"
    );
}

#[test]
fn standfirst_then_byline() {
    let text = fixture("standfirst.txt");
    let a = newsprint::parse(&text).unwrap();
    assert!(
        a.standfirst
            .as_ref()
            .unwrap()
            .text
            .starts_with("A year after")
    );
    assert_eq!(a.byline.as_ref().unwrap().text, "By Ana Lima");
    assert_eq!(a.paragraphs().count(), 6);
    assert!(
        a.boilerplate
            .iter()
            .all(|b| b.kind == BoilerplateKind::Subscription),
        "paywall prompts"
    );
}

#[test]
fn headings_and_lists_in_german() {
    let text = fixture("heading_list.txt");
    let a = newsprint::parse(&text).unwrap();
    assert_eq!(a.byline.as_ref().unwrap().text, "Von Max Mustermann");
    assert!(a.published.is_some(), "dotted date with time");
    let headings = a
        .body
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .count();
    let list_items: Vec<usize> = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::List { items, .. } => Some(items.len()),
            _ => None,
        })
        .collect();
    assert_eq!(headings, 2);
    assert_eq!(list_items, [4]);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::CookieNotice)
    );
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Newsletter)
    );
}

#[test]
fn rails_after_the_article_are_not_body() {
    let text = fixture("rails.txt");
    let a = newsprint::parse(&text).unwrap();
    assert_eq!(a.paragraphs().count(), 7);
    assert!(a.body.iter().all(|b| matches!(b, Block::Paragraph(_))));
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::RelatedList),
        "most read list"
    );
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Comments),
        "comment prompt"
    );
}

#[test]
fn chinese_page() {
    let text = fixture("cjk.txt");
    let a = newsprint::parse(&text).unwrap();
    assert!(a.headline.is_some());
    assert!(a.published.is_some(), "CJK date");
    assert_eq!(a.paragraphs().count(), 5, "paragraphs ending in 。");
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::RelatedList)
    );
}
