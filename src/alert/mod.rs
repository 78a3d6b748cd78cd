//! The alert engine: from parsed bulletins to alerts. Pure logic: no Telegram, no tokio, no SQL,
//! so that the bot, the API and the CLI share it and it is tested exhaustively.
//!
//! - [`rule`]: the rule language (`wind.level >= 6 or wind.gust >= 8`), nom, `grammars/rules.ebnf`.
//! - [`ruleset`]: rules files (TOML), the default set of official criteria, overrides.
//! - [`area`]: the gazetteer (`grammars/gazetteer.tsv`): provinces old and new, regions, seas.
//! - [`engine`]: which facts concern which subscriber, which rules they fire.
//! - [`lifecycle`]: new, stronger, unchanged, gone; idempotent per bulletin.
//! - [`message`]: Telegram HTML messages within 4096 characters; [`text`]: every string.

pub mod area;
pub mod check;
pub mod engine;
pub mod lifecycle;
pub mod message;
pub mod rule;
pub mod ruleset;
pub mod text;

pub use rule::{Expr, Literal, RuleError, parse_rule};
pub use ruleset::{Override, OverrideError, Rule, RuleSet, RulesError, Severity, Title};

/// A number as people write it: no trailing ".0", a decimal point otherwise.
pub fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}
