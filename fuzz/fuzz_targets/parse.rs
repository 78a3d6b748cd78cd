//! Fuzz target: `canhbao::parse_bytes` on arbitrary bytes.
//!
//! On `Ok(doc)` every span is in bounds and on char boundaries, fact and unparsed texts match
//! their spans, coverage is in `[0, 1]`, and the JSON form survives a round trip unchanged.
//! On `Err`, the input really is not UTF-8.

#![no_main]

use canhbao::bulletin::Span;
use canhbao::{Document, ParseOptions, parse_bytes};
use libfuzzer_sys::fuzz_target;

/// Checks that `span` is a valid `[start, end)` slice of `input` and returns that slice.
fn slice<'a>(input: &'a str, span: Span, what: &str) -> &'a str {
    let Span(start, end) = span;
    assert!(start <= end, "{what} span {span:?}: start > end");
    assert!(end <= input.len(), "{what} span {span:?}: end beyond input length {}", input.len());
    assert!(input.is_char_boundary(start), "{what} span {span:?}: start not on a char boundary");
    assert!(input.is_char_boundary(end), "{what} span {span:?}: end not on a char boundary");
    &input[start..end]
}

fuzz_target!(|data: &[u8]| {
    let opts = ParseOptions::default();
    let doc = match parse_bytes(data, &opts) {
        Ok(doc) => doc,
        Err(err) => {
            assert!(std::str::from_utf8(data).is_err(), "parse_bytes rejected valid UTF-8: {err}");
            return;
        }
    };
    let input = std::str::from_utf8(data).expect("parse_bytes accepted invalid UTF-8");

    for section in &doc.sections {
        slice(input, section.span, "section");
        if let Some(area) = &section.area {
            slice(input, area.span, "area");
        }
        for fact in &section.facts {
            let source = slice(input, fact.span, "fact");
            assert_eq!(fact.text, source, "fact text differs from input[{:?}]", fact.span);
        }
    }
    for unparsed in &doc.unparsed {
        let source = slice(input, unparsed.span, "unparsed");
        assert!(
            unparsed.text == source || unparsed.text == source.trim(),
            "unparsed text {:?} is neither input[{:?}] = {source:?} nor its trim",
            unparsed.text,
            unparsed.span,
        );
    }
    assert!((0.0..=1.0).contains(&doc.coverage), "coverage {} outside [0, 1]", doc.coverage);

    let json = serde_json::to_string(&doc).expect("document does not serialise");
    let back: Document = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("serialised document does not deserialise: {e}\n{json}"));
    let again = serde_json::to_string(&back).expect("deserialised document does not serialise");
    assert_eq!(json, again, "JSON round trip changed the document");
});
