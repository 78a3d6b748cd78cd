//! Any input: no panic, spans in bounds and on char boundaries, text equal to the span.

use canhbao::{Document, parse};
use proptest::prelude::*;

use crate::opts;

fn check(input: &str, doc: &Document) {
    let ok = |a: usize, b: usize| {
        a <= b && b <= input.len() && input.is_char_boundary(a) && input.is_char_boundary(b)
    };
    for s in &doc.sections {
        assert!(ok(s.span.0, s.span.1), "section span {:?}", s.span);
        if let Some(a) = &s.area {
            assert!(ok(a.span.0, a.span.1));
        }
        for f in &s.facts {
            assert!(ok(f.span.0, f.span.1), "fact span {:?}", f.span);
            assert_eq!(input.get(f.span.0..f.span.1), Some(f.text.as_str()));
        }
    }
    for u in &doc.unparsed {
        assert!(ok(u.span.0, u.span.1));
        assert_eq!(input.get(u.span.0..u.span.1), Some(u.text.as_str()));
    }
    assert!((0.0..=1.0).contains(&doc.coverage));
    let json = serde_json::to_string(doc).unwrap_or_default();
    let back: Document = serde_json::from_str(&json).unwrap_or_else(|e| panic!("round trip: {e}\n{json}"));
    assert_eq!(serde_json::to_string(&back).unwrap_or_default(), json);
}

const WORDS: &[&str] = &[
    "Gió",
    "đông bắc",
    "đến",
    "bắc",
    "cấp",
    "3",
    "- 4",
    "giật",
    "có lúc",
    "7-8",
    ",",
    ".",
    ";",
    ":",
    "\n",
    "+ ",
    "Nhiệt độ",
    "thấp nhất",
    "cao nhất",
    "18-200C",
    "25 oC",
    "độ C",
    "trên",
    "dưới",
    "có nơi",
    "mưa",
    "mưa to",
    "rất to",
    "vừa",
    "dông",
    "lốc",
    "sét",
    "Độ ẩm",
    "60 - 98%",
    "Sóng cao",
    "1,5 - 3,0m",
    "biển động mạnh",
    "Tầm nhìn xa:",
    "Trên 10km",
    "bão",
    "số 3",
    "vị trí tâm bão",
    "17,0 độ Vĩ Bắc",
    "119,0 độ Kinh Đông",
    "di chuyển theo hướng",
    "Tây Tây Bắc",
    "mỗi giờ đi được",
    "15-20km",
    "Cấp độ rủi ro thiên tai",
    "cấp 2",
    "riêng",
    "vùng núi",
    "ven biển",
    "Thời gian phát: 16h00 ngày 19/01",
    "Thứ Sáu, 20/04/2018 | 15:56 G4T+7",
    "|",
    "📍",
    "–",
    "Mu\u{031b}a",
    "\u{a0}",
    "mm",
    "km/h",
    "(75-102km/h)",
    "rét đậm",
    "nắng nóng",
    "Hà Nội",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string(input in "\\PC{0,300}") {
        let doc = parse(&input, &opts());
        check(&input, &doc);
    }

    #[test]
    fn bulletin_like_strings(words in prop::collection::vec(prop::sample::select(WORDS), 0..60),
                             seps in prop::collection::vec(prop::sample::select(&[" ", "", "  ", "\n"][..]), 60)) {
        let mut input = String::new();
        for (w, s) in words.iter().zip(seps.iter()) {
            input.push_str(w);
            input.push_str(s);
        }
        let doc = parse(&input, &opts());
        check(&input, &doc);
    }
}

/// The invariant of the rule language (also the fuzz target `rules`): a rule either parses and
/// prints back to itself, or is rejected at a column inside the text.
fn check_rule(text: &str) {
    match canhbao::alert::parse_rule(text) {
        Ok(expr) => {
            let printed = expr.to_string();
            let again = canhbao::alert::parse_rule(&printed).unwrap_or_else(|e| panic!("{printed:?}: {e}"));
            assert_eq!(again.to_string(), printed);
        }
        Err(e) => {
            assert!(e.column >= 1 && e.column <= text.chars().count() + 1, "{text:?}: {e}");
        }
    }
}

const RULE_WORDS: &[&str] = &[
    "wind",
    ".",
    "level",
    "gust",
    "rain",
    "intensity",
    "heavy",
    "hazard",
    "in",
    "[",
    "]",
    ",",
    "tornado",
    "hail",
    ">=",
    "<",
    "==",
    "!=",
    "6",
    "2.5",
    "-1",
    "and",
    "or",
    "(",
    ")",
    "thunderstorm",
    "cyclone",
    "sea_state",
    "very_rough",
    "observed",
    "coverage",
    "widespread",
    "x",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_rule_text(text in "\\PC{0,80}") {
        check_rule(&text);
    }

    #[test]
    fn rule_like_texts(words in prop::collection::vec(prop::sample::select(RULE_WORDS), 0..14)) {
        check_rule(&words.join(" "));
        check_rule(&words.concat());
    }
}

#[test]
fn long_line_is_cut_without_losing_facts() {
    // One 200 KB line (no newline): chunking must keep spans right.
    let sentence = "Gió đông bắc cấp 3-4. ";
    let input = sentence.repeat(200_000 / sentence.len());
    let doc = parse(&input, &opts());
    check(&input, &doc);
    assert!(doc.facts().count() >= input.len() / sentence.len() - 4);
}

#[test]
fn repeated_phrases_without_full_stops_give_output_linear_in_the_input() {
    // Each of these, repeated along one line with no full stop, once made every fact's text
    // reach back to the start of the sentence (gigabytes of JSON for a megabyte of "cấp 6").
    for phrase in
        ["cấp 6 ", "gió cấp 6 ", "in the area ", "7 giờ ", "25 độ ", "mưa giảm dần ", "Sóng cao 2m "]
    {
        let input = phrase.repeat(20_000 / phrase.len());
        let doc = parse(&input, &opts());
        check(&input, &doc);
        let text: usize = doc.facts().map(|f| f.text.len()).sum();
        assert!(
            text <= 2 * input.len(),
            "{phrase:?}: {text} bytes of fact text for {} of input",
            input.len()
        );
    }
}
