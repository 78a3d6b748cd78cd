#![allow(clippy::panic, clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

//! The integration tests, one binary. Modules:
//! - `corpus`: every fixture in `seeds/` → a JSON snapshot, validated against the schema; the
//!   seed document's facts checked one by one.
//! - `cli`: the `canhbao` command as a user runs it: NDJSON, exit codes, bad input.
//! - `grammar`: `grammars/bulletin.ebnf` states the same rules as the functions.
//! - `properties`: any input parses without panic, spans in bounds and on char boundaries; any
//!   rule text parses and prints back to itself, or is rejected at a column inside it.
//! - `alert`: the alert engine on bulletin fixtures: every default rule, areas, lifecycle, `check`.

mod alert;
mod cli;
mod corpus;
mod grammar;
mod properties;

use canhbao::ParseOptions;

/// A fixed reference time, so dates without a year give stable snapshots.
pub fn opts() -> ParseOptions {
    ParseOptions {
        now: chrono::DateTime::parse_from_rfc3339("2026-11-25T08:00:00+07:00").unwrap_or_default(),
        ..ParseOptions::default()
    }
}
