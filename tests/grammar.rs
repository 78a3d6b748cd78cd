//! `grammars/bulletin.ebnf` and the rule functions say the same thing: every production quoted
//! above a function in `src/parser/` is a rule of the EBNF, under the same name, with the same
//! right-hand side.

use std::collections::BTreeMap;
use std::fs;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `name = …;` rules, comments stripped, whitespace squashed.
fn ebnf_rules() -> BTreeMap<String, String> {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/grammars/bulletin.ebnf")).unwrap();
    let mut out = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        let code = line.split("(*").next().unwrap_or("");
        if let Some((name, rhs)) = code.split_once(" = ") {
            if !name.starts_with(' ') && !name.is_empty() {
                current = Some((name.trim().to_owned(), rhs.to_owned()));
            }
        } else if let Some((_, rhs)) = current.as_mut() {
            rhs.push(' ');
            rhs.push_str(code);
        }
        if let Some((name, rhs)) = current.take_if(|(_, rhs)| rhs.trim_end().ends_with(';')) {
            out.insert(name, squash(rhs.trim_end().trim_end_matches(';')));
        }
    }
    out
}

#[test]
fn production_comments_are_ebnf_rules() {
    let rules = ebnf_rules();
    assert!(rules.len() > 30, "{} rules", rules.len());
    let mut errors = Vec::new();
    for file in ["quantity.rs", "phrase.rs", "document.rs"] {
        let path = format!("{}/src/parser/{file}", env!("CARGO_MANIFEST_DIR"));
        let src = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = src.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let Some(comment) = line.strip_prefix("// ") else { continue };
            let Some((name, rhs)) = comment.split_once(" = ") else { continue };
            if name.contains(' ') {
                continue;
            }
            // A production may continue on the next comment lines.
            let mut rhs = rhs.split("(*").next().unwrap_or("").to_owned();
            let mut k = n + 1;
            while !rhs.trim_end().ends_with(';') {
                let Some(next) = lines.get(k).and_then(|l| l.strip_prefix("// ")) else { break };
                rhs.push(' ');
                rhs.push_str(next.split("(*").next().unwrap_or(""));
                k += 1;
            }
            let rhs = squash(rhs.trim_end().trim_end_matches(';'));
            match rules.get(name) {
                None => {
                    errors.push(format!("{file}:{}: rule {name:?} is not in grammars/bulletin.ebnf", n + 1))
                }
                Some(rule) if rule != &rhs => {
                    errors.push(format!("{file}:{}: {name}\n  ebnf: {rule}\n  code: {rhs}", n + 1));
                }
                Some(_) => {}
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
