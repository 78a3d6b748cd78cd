//! The vocabulary of the grammar, loaded from `grammars/*.tsv` (data, not match arms).
//!
//! Each entry is `category <TAB> value <TAB> phrase|phrase…`. A rule asks for the longest phrase
//! of one category that stands at the current position as whole words.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::LazyLock;

use strum::EnumString;

use super::normalize::Normalized;

/// The categories of `grammars/*.tsv`; each is read by the rule of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Cat {
    Direction,
    WindWord,
    WindFiller,
    WindLight,
    LevelKind,
    LevelWord,
    SpeedUnit,
    TempWord,
    TempBound,
    HumidityWord,
    RainfallWord,
    VisibilityWord,
    WavesWord,
    TideWord,
    DegUnit,
    PercentUnit,
    MmUnit,
    MUnit,
    KmUnit,
    CmUnit,
    OpenMin,
    OpenMax,
    ValueHedge,
    OpenMinAfter,
    OpenMaxAfter,
    Change,
    RainForm,
    RainIntensity,
    RainIntensityJoin,
    NoRain,
    Thunderstorm,
    Hazard,
    Sky,
    SkyFewToClear,
    Heat,
    Cold,
    Fog,
    FogDenseAfter,
    SeaState,
    SeaCalm,
    RiskWord,
    CycloneWord,
    CyclonePosition,
    CycloneStrength,
    CycloneMove,
    CycloneSpeed,
    LatWord,
    LonWord,
    Coverage,
    Likelihood,
    Condition,
    Observed,
    Exception,
    WhereHead,
    When,
    Filler,
    Cause,
    Boilerplate,
    HeadlinePrefix,
    IssuedLabel,
    SectionLabel,
}

#[derive(Debug)]
struct Entry {
    phrase: String,
    value: &'static str,
    /// Whether the phrase must be followed by a word boundary (it ends in a letter or digit).
    bounded: bool,
}

/// A loaded vocabulary.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Entries by category and first character, longest phrase first.
    index: HashMap<(Cat, char), Vec<Entry>>,
}

/// A malformed vocabulary line; the embedded files are checked by a unit test.
#[derive(Debug, thiserror::Error)]
#[error("grammars vocabulary line {line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl Lexicon {
    /// Parses vocabulary text.
    pub fn from_tsv(text: &'static str) -> Result<Self, LexiconError> {
        let mut lex = Lexicon::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(cat), Some(value), Some(phrases)) = (cols.next(), cols.next(), cols.next()) else {
                return Err(LexiconError {
                    line: n + 1,
                    message: "expected three tab-separated columns".into(),
                });
            };
            let cat = Cat::from_str(cat)
                .map_err(|_| LexiconError { line: n + 1, message: format!("unknown category {cat:?}") })?;
            for phrase in phrases.split('|') {
                let phrase = Normalized::new(phrase.trim_matches(' '), 0).text;
                let Some(first) = phrase.chars().next() else { continue };
                let bounded = phrase.chars().last().is_some_and(char::is_alphanumeric);
                let list = lex.index.entry((cat, first)).or_default();
                if list.iter().any(|e| e.phrase == phrase) {
                    continue;
                }
                list.push(Entry { phrase, value, bounded });
            }
        }
        for list in lex.index.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.phrase.len()));
        }
        Ok(lex)
    }

    /// The longest phrase of `cat` at the start of `i`, as whole words: `(value, rest)`.
    pub fn longest<'a>(&self, cat: Cat, i: &'a str) -> Option<(&'static str, &'a str)> {
        let first = i.chars().next()?;
        let list = self.index.get(&(cat, first))?;
        for e in list {
            if let Some(rest) = i.strip_prefix(e.phrase.as_str())
                && (!e.bounded || !rest.chars().next().is_some_and(char::is_alphanumeric))
            {
                return Some((e.value, rest));
            }
        }
        None
    }
}

static VI: LazyLock<Lexicon> = LazyLock::new(|| load(include_str!("../../grammars/vi.tsv")));
static EN: LazyLock<Lexicon> = LazyLock::new(|| load(include_str!("../../grammars/en.tsv")));

fn load(text: &'static str) -> Lexicon {
    // The files are part of the build and checked by `tests::vocabularies_load`; a broken line
    // there must not take the parser down at run time, so fall back to what did load.
    Lexicon::from_tsv(text).unwrap_or_default()
}

/// The vocabulary of a language.
pub fn lexicon(lang: crate::bulletin::Language) -> &'static Lexicon {
    match lang {
        crate::bulletin::Language::Vi => &VI,
        crate::bulletin::Language::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_load() {
        for text in [include_str!("../../grammars/vi.tsv"), include_str!("../../grammars/en.tsv")] {
            if let Err(e) = Lexicon::from_tsv(text) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn longest_whole_word_match() {
        let lex = Lexicon::from_tsv("direction\tN\tbắc\ndirection\tNE\tđông bắc\ndirection\tE\tđông\n")
            .unwrap_or_default();
        assert_eq!(lex.longest(Cat::Direction, "đông bắc cấp 3"), Some(("NE", " cấp 3")));
        assert_eq!(lex.longest(Cat::Direction, "đông, bắc"), Some(("E", ", bắc")));
        assert_eq!(lex.longest(Cat::Direction, "bắcx"), None);
    }
}
