//! Fuzz the alert rule language: any text either parses into a condition whose printed form
//! parses back to the same condition, or is rejected with a column inside the text (plus one
//! for "ends too early"). Never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match canhbao::alert::parse_rule(text) {
        Ok(expr) => {
            let printed = expr.to_string();
            let again = canhbao::alert::parse_rule(&printed)
                .unwrap_or_else(|e| panic!("{printed:?} (from {text:?}) does not parse: {e}"));
            assert_eq!(again.to_string(), printed, "printing is not stable for {text:?}");
        }
        Err(e) => {
            let chars = text.chars().count();
            assert!(e.column >= 1 && e.column <= chars + 1, "column {} of {chars} for {text:?}", e.column);
            assert!(!e.message.is_empty());
        }
    }
});
