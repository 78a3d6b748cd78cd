//! Rule sets: the TOML files operators edit, the default set, and subscribers' overrides.
//!
//! ```toml
//! [[rule]]
//! id = "wind_strong"
//! severity = "warning"            # info | warning | danger
//! title = { vi = "Gió mạnh", en = "Strong wind" }
//! when = "wind.level >= 6 or wind.gust >= 8"
//! criterion = "QĐ 18/2021/QĐ-TTg: gió mạnh trên biển từ cấp 6, giật từ cấp 8"
//! # observed = true              # let facts that already happened fire (default: false)
//! # threshold = "wind.gust"      # the comparison an override changes (default: the first)
//! # supersedes = ["wind_light"]  # rules this one says it all for when both fire
//! ```

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::rule::{Expr, Literal, RuleError, override_threshold, parse_rule};

/// How serious an alert is; messages list the most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Danger,
}

/// A rule's title in each language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub vi: String,
    pub en: String,
}

/// One threshold rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub title: Title,
    /// The condition, parsed.
    pub when: Expr,
    /// Whether facts that already happened (`observed`) may fire it.
    pub observed: bool,
    /// The official criterion the rule implements, cited.
    pub criterion: Option<String>,
    /// The comparison an override changes (`wind.gust`); the first one when `None`.
    pub threshold: Option<String>,
    /// Rules this one says it all for when both fire (a higher tier of the same hazard).
    pub supersedes: Vec<String>,
}

/// An ordered set of rules with distinct ids.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    rule: Vec<RuleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: toml::Spanned<String>,
    severity: Severity,
    title: Title,
    when: toml::Spanned<String>,
    #[serde(default)]
    observed: bool,
    #[serde(default)]
    criterion: Option<String>,
    #[serde(default)]
    threshold: Option<String>,
    #[serde(default)]
    supersedes: Vec<String>,
}

/// A rules file that cannot be used, with where it went wrong.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("{origin}: {source}")]
    Toml {
        origin: String,
        #[source]
        source: toml::de::Error,
    },
    #[error("{origin}:{line}:{column}: rule `{id}`: {message}\n{pointer}")]
    Rule { origin: String, id: String, line: usize, column: usize, message: String, pointer: String },
    #[error("{origin}:{line}: rule id `{id}` is used twice")]
    Duplicate { origin: String, id: String, line: usize },
    #[error("{origin}: rule `{id}` supersedes `{missing}`, which is not a rule of the file")]
    Supersedes { origin: String, id: String, missing: String },
    #[error(
        "{origin}:{line}: rule `{id}`: `threshold = \"{threshold}\"` names no comparison of its condition"
    )]
    Threshold { origin: String, id: String, line: usize, threshold: String },
}

/// 1-based line and column of byte offset `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl RuleSet {
    /// Reads a rules file; `origin` names it in errors (a path).
    pub fn from_toml(text: &str, origin: &str) -> Result<RuleSet, RulesError> {
        let file: File =
            toml::from_str(text).map_err(|source| RulesError::Toml { origin: origin.to_owned(), source })?;
        let mut rules: Vec<Rule> = Vec::new();
        for def in file.rule {
            let id = def.id.get_ref().clone();
            let (id_line, _) = line_col(text, def.id.span().start);
            if rules.iter().any(|r| r.id == id) {
                return Err(RulesError::Duplicate { origin: origin.to_owned(), id, line: id_line });
            }
            let when = parse_rule(def.when.get_ref()).map_err(|e: RuleError| {
                // Find the rule text inside the TOML string as written (one- or multi-line,
                // basic or literal) to point into the file; a string with escapes cannot be
                // mapped character by character, so the error then points at the string.
                let rule_text = def.when.get_ref();
                let raw = text.get(def.when.span()).unwrap_or("");
                let byte = rule_text
                    .char_indices()
                    .nth(e.column.saturating_sub(1))
                    .map_or(rule_text.len(), |(n, _)| n);
                let at = match raw.find(rule_text.as_str()) {
                    Some(offset) => def.when.span().start + offset + byte,
                    None => def.when.span().start,
                };
                let (line, column) = line_col(text, at);
                RulesError::Rule {
                    origin: origin.to_owned(),
                    id: id.clone(),
                    line,
                    column,
                    pointer: e.pointer(rule_text),
                    message: e.message,
                }
            })?;
            if let Some(t) = &def.threshold
                && !when
                    .comparisons()
                    .iter()
                    .any(|c| matches!(c, Expr::Compare { path, .. } if &path.to_string() == t))
            {
                return Err(RulesError::Threshold {
                    origin: origin.to_owned(),
                    id,
                    line: id_line,
                    threshold: t.clone(),
                });
            }
            rules.push(Rule {
                id,
                severity: def.severity,
                title: def.title,
                when,
                observed: def.observed,
                criterion: def.criterion,
                threshold: def.threshold,
                supersedes: def.supersedes,
            });
        }
        for r in &rules {
            if let Some(missing) = r.supersedes.iter().find(|id| !rules.iter().any(|x| &x.id == *id)) {
                return Err(RulesError::Supersedes {
                    origin: origin.to_owned(),
                    id: r.id.clone(),
                    missing: missing.clone(),
                });
            }
        }
        Ok(RuleSet { rules })
    }

    /// The rules shipped in `grammars/default-rules.toml`: the official Vietnamese criteria.
    pub fn defaults() -> &'static RuleSet {
        static DEFAULTS: LazyLock<RuleSet> = LazyLock::new(|| {
            // Checked by a unit test; a broken file must not take a running service down.
            RuleSet::from_toml(DEFAULT_RULES, "grammars/default-rules.toml").unwrap_or_default()
        });
        &DEFAULTS
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The effective rules of a subscriber: these rules with `overrides` applied in order.
    pub fn with_overrides(&self, overrides: &[Override]) -> Result<RuleSet, OverrideError> {
        let mut out = self.clone();
        for o in overrides {
            let Some(pos) = out.rules.iter().position(|r| r.id == o.rule) else {
                return Err(OverrideError {
                    rule: o.rule.clone(),
                    message: "no rule has this id".to_owned(),
                });
            };
            if o.off {
                out.rules.remove(pos);
                continue;
            }
            if let (Some(value), Some(rule)) = (&o.value, out.rules.get_mut(pos)) {
                override_threshold(&mut rule.when, rule.threshold.as_deref(), value)
                    .map_err(|message| OverrideError { rule: o.rule.clone(), message })?;
            }
        }
        Ok(out)
    }
}

/// The default rules file, embedded.
pub const DEFAULT_RULES: &str = include_str!("../../grammars/default-rules.toml");

/// A subscriber's change to one rule: a new threshold value, or the rule switched off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Literal>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub off: bool,
}

/// An override that does not fit the rule it names.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("rule `{rule}`: {message}")]
pub struct OverrideError {
    pub rule: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rules_load() {
        let set = RuleSet::from_toml(DEFAULT_RULES, "default").unwrap_or_else(|e| panic!("{e}"));
        assert!(set.rules.len() >= 15, "{}", set.rules.len());
        for r in &set.rules {
            assert!(r.criterion.is_some(), "rule {} cites no criterion", r.id);
        }
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = "[[rule]]\nid = \"a\"\nseverity = \"info\"\ntitle = { vi = \"x\", en = \"x\" }\nwhen = \"wind.levl >= 6\"\n";
        let err = RuleSet::from_toml(text, "rules.toml").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("rules.toml:5:14: rule `a`: `wind` has no field `levl`"), "{err}");
        let dup = format!("{text}{}", text.replace("levl", "level"));
        let dup = dup.replacen("levl", "level", 1);
        let err = RuleSet::from_toml(&dup, "r").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("used twice"), "{err}");
        let bad = text.replace("\"info\"", "\"urgent\"");
        let err = RuleSet::from_toml(&bad, "r").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("urgent"), "{err}");
    }

    #[test]
    fn errors_in_multi_line_strings_point_into_the_file() {
        let text = "[[rule]]\nid = \"a\"\nseverity = \"info\"\ntitle = { vi = \"x\", en = \"x\" }\nwhen = \"\"\"\nwind.level >= 6 or\n  wind.levl >= 8\"\"\"\n";
        let err = RuleSet::from_toml(text, "r").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("r:7:8: rule `a`: `wind` has no field `levl`"), "{err}");
    }

    #[test]
    fn overrides_change_a_threshold_or_switch_a_rule_off() {
        let set = RuleSet::defaults();
        let o = [Override { rule: "heat_severe".into(), value: Some(Literal::Number(36.0)), off: false }];
        let eff = set.with_overrides(&o).unwrap_or_else(|e| panic!("{e}"));
        let r = eff.get("heat_severe").map(|r| r.when.to_string()).unwrap_or_default();
        assert!(r.contains(">= 36"), "{r}");
        let off = [Override { rule: "thunderstorm".into(), value: None, off: true }];
        assert!(set.with_overrides(&off).is_ok_and(|s| s.get("thunderstorm").is_none()));
        let bad =
            [Override { rule: "heat_severe".into(), value: Some(Literal::Word("hot".into())), off: false }];
        assert!(set.with_overrides(&bad).is_err());
        let unknown = [Override { rule: "nope".into(), value: None, off: true }];
        assert!(set.with_overrides(&unknown).is_err());
    }
}
