//! `grammars/bulletin.ebnf` and the rule functions say the same thing: every production quoted
//! above a function in `src/parser/` is a rule of the EBNF, under the same name, with the same
//! right-hand side.

use std::collections::BTreeMap;
use std::fs;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `name = …;` rules of `grammars/<file>`, comments stripped, whitespace squashed.
fn ebnf_rules(file: &str) -> BTreeMap<String, String> {
    let text = fs::read_to_string(format!("{}/grammars/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
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
    let rules = ebnf_rules("bulletin.ebnf");
    assert!(rules.len() > 30, "{} rules", rules.len());
    check(&rules, &["parser/quantity.rs", "parser/phrase.rs", "parser/document.rs"], "bulletin.ebnf");
}

#[test]
fn rule_language_comments_are_ebnf_rules() {
    let rules = ebnf_rules("rules.ebnf");
    assert!(rules.len() > 10, "{} rules", rules.len());
    check(&rules, &["alert/rule.rs"], "rules.ebnf");
}

/// Every production comment in `files` (under src/) is the rule of the same name in `ebnf`.
fn check(rules: &BTreeMap<String, String>, files: &[&str], ebnf: &str) {
    let mut errors = Vec::new();
    let mut seen = 0;
    for file in files {
        let path = format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR"));
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
                None => errors.push(format!("{file}:{}: rule {name:?} is not in grammars/{ebnf}", n + 1)),
                Some(rule) if rule != &rhs => {
                    errors.push(format!("{file}:{}: {name}\n  ebnf: {rule}\n  code: {rhs}", n + 1));
                }
                Some(_) => seen += 1,
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(seen >= 10, "only {seen} production comments found in {files:?}");
}
