//! The example's JSON output: the article serialises, and the JSON parses
//! back into an equal article (borrowing from the JSON where it can).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(article) = newsprint::parse(text) else {
        return;
    };
    let json = serde_json::to_string(&article).unwrap();
    let back: newsprint::Article<'_> = match serde_json::from_str(&json) {
        Ok(a) => a,
        Err(e) => panic!("JSON does not parse back: {e}\n{json}"),
    };
    assert_eq!(back, article, "JSON round trip changed the article");
    let pretty = serde_json::to_string_pretty(&article).unwrap();
    let value: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    let compact: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value, compact, "pretty and compact JSON differ");
});
