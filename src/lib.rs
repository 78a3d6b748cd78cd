//! canhbao ("cảnh báo", alert) reads Vietnamese weather bulletins as they are written and turns
//! them into the structured JSON of the `canhbao.bulletin/1` contract.
//!
//! - [`bulletin`]: the domain types, which are the JSON contract.
//! - [`parser`]: the grammar (nom), from text to [`bulletin::Document`].

pub mod alert;
pub mod bulletin;
pub mod parser;

pub use bulletin::Document;
pub use parser::{LangChoice, ParseError, ParseOptions, parse, parse_bytes};
