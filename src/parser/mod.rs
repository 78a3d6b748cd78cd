//! The bulletin grammar: text in, [`Document`] out.
//!
//! Layers, from the text up: [`normalize`] (NFC, case, dashes, with a map back to input
//! offsets), [`lexicon`] (the vocabulary in `grammars/`), [`quantity`] (numbers, ranges, units,
//! levels), [`phrase`] (one function per phrase rule, producing the raw [`raw::Item`]s),
//! [`build`] (items to typed facts) and [`document`] (lines, headings, issue time, sentences,
//! unparsed residue, coverage). The grammar is written down in `grammars/bulletin.ebnf` with the
//! same rule names.

pub mod build;
pub mod document;
pub mod lexicon;
pub mod normalize;
pub mod phrase;
pub mod quantity;
pub mod raw;

use std::cell::Cell;

use chrono::{DateTime, FixedOffset, Utc};

use crate::bulletin::{Document, Language};
use lexicon::{Candidates, Cat, Lexicon};
use normalize::{Normalized, SkipBlanks, first_digit, is_upper};

/// The result type of every rule: the rest of the input and what was read. Rules fail with
/// `()`; the scanner recovers by skipping a word, so no richer error is needed inside.
pub type PResult<'a, T> = nom::IResult<&'a str, T, ()>;

/// Which grammar to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangChoice {
    #[default]
    Auto,
    Vi,
    En,
}

/// Options of a parse.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    pub lang: LangChoice,
    /// Reference time: dates without a year take its year.
    pub now: DateTime<FixedOffset>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self { lang: LangChoice::Auto, now: Utc::now().with_timezone(&vietnam()) }
    }
}

/// Vietnam's offset, +07:00, all year.
pub fn vietnam() -> FixedOffset {
    // 7 h is within the ±24 h FixedOffset accepts; the fallback is unreachable.
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| Utc::now().fixed_offset().timezone())
}

/// Input that cannot be parsed at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("input is not UTF-8: invalid byte at offset {offset}")]
    InvalidUtf8 { offset: usize },
}

/// Parses raw bytes: UTF-8 is required.
pub fn parse_bytes(input: &[u8], opts: &ParseOptions) -> Result<Document, ParseError> {
    let text = std::str::from_utf8(input).map_err(|e| ParseError::InvalidUtf8 { offset: e.valid_up_to() })?;
    Ok(parse(text, opts))
}

/// Parses one bulletin. Never panics; what it does not understand is in `unparsed`.
pub fn parse(input: &str, opts: &ParseOptions) -> Document {
    let language = match opts.lang {
        LangChoice::Vi => Language::Vi,
        LangChoice::En => Language::En,
        LangChoice::Auto => detect_language(input),
    };
    document::document(input, language, opts)
}

/// Vietnamese when enough letters carry Vietnamese diacritics; English otherwise.
///
/// Counted on bytes, 64 at a time (the count of a block is vector code): a letter is an ASCII
/// letter or a character starting with a byte C3–DF or E1 (U+00C0–U+07FF and U+1000–U+1FFF,
/// where Vietnamese's marked letters live, with Latin Extended Additional "ạ … ỹ" at E1 BA–BB),
/// and those are the marked ones. Decoding each character was 3 % of a parse.
pub fn detect_language(input: &str) -> Language {
    let mut letters = 0usize;
    let mut marked = 0usize;
    // The first 32 KiB decide: the answer of a longer text is its beginning's.
    for block in input.as_bytes().chunks(64).take(512) {
        let (ascii, wide) = block.iter().fold((0u32, 0u32), |(ascii, wide), &b| {
            let ascii_letter = (b | 0x20).wrapping_sub(b'a') < 26;
            let wide_letter = b.wrapping_sub(0xC3) <= 0xDF - 0xC3 || b == 0xE1;
            (ascii + u32::from(ascii_letter), wide + u32::from(wide_letter))
        });
        letters += (ascii + wide) as usize;
        marked += wide as usize;
        // Far from the threshold after a good sample: the rest will not change the answer
        // (Vietnamese prose runs near one marked letter in three, English near none).
        if letters >= 300 && (marked * 8 >= letters || marked * 200 <= letters) {
            break;
        }
    }
    // Vietnamese prose has a marked letter every few letters; an English text quoting a
    // place name ("Quảng Trị") has very few.
    if letters == 0 || marked * 25 >= letters { Language::Vi } else { Language::En }
}

/// Words naming the long-term average a value is compared with: "cao hơn TBNN 0,5-1 độ C",
/// "thấp hơn trung bình nhiều năm", "so với cùng thời kỳ".
const LONG_TERM_AVERAGE: [&str; 4] = ["tbnn", "nhiều năm", "cùng kỳ", "cùng thời kỳ"];

/// Words that compare in Vietnamese: a line without them compares no value with another.
const COMPARING: [&str; 2] = ["hơn", "so với"];

/// Slots of [`Ctx`]'s vocabulary cache.
const CACHE_SLOTS: usize = 8;

/// What every rule can see: the vocabulary and the text being read.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub lex: &'static Lexicon,
    pub lang: Language,
    input: &'a str,
    norm: &'a Normalized,
    /// The vocabulary phrases at recently asked offsets of `norm.text`, direct-mapped by offset.
    /// Every rule tried at a position asks the vocabulary about that same position, so one
    /// lookup serves them all. Sound because `norm.text` does not change while `Ctx` borrows it,
    /// and only slices of it are cached (see [`Ctx::vocab`]).
    cache: [Cell<((usize, usize), Candidates<'static>)>; CACHE_SLOTS],
    /// `(from, at)`: the first ASCII digit of `norm.text` at or after offset `from` is at
    /// `at` (the text's length when there is none); see [`Ctx::digit_ahead`].
    next_digit: Cell<(usize, usize)>,
    /// Whether the line names a longitude anywhere (see [`Ctx::mentions_longitude`]).
    longitude: Cell<Option<bool>>,
    /// Whether the line has a word that compares (see [`Ctx::mentions_comparison`]).
    comparing: Cell<Option<bool>>,
    /// Whether a phrase that states something (not a place, time, filler or comma) was read
    /// in the current clause of the sentence being read: set by `phrase::sentence_into`.
    pub(crate) stated_in_clause: Cell<bool>,
}

impl<'a> Ctx<'a> {
    pub fn new(lang: Language, input: &'a str, norm: &'a Normalized) -> Self {
        let cache = std::array::from_fn(|_| Cell::new(((usize::MAX, 0), Candidates::default())));
        Self {
            lex: lexicon::lexicon(lang),
            lang,
            input,
            norm,
            cache,
            next_digit: Cell::new((usize::MAX, 0)),
            longitude: Cell::new(None),
            comparing: Cell::new(None),
            stated_in_clause: Cell::new(false),
        }
    }

    /// Whether a longitude word (`lon_word`) occurs anywhere in the line: a position ("20,4 độ
    /// vĩ bắc; 121,2 độ kinh đông") ends with one, so at the numbers of a line without one
    /// the rule is not tried. Found once per line.
    pub fn mentions_longitude(&self) -> bool {
        if let Some(known) = self.longitude.get() {
            return known;
        }
        let found = self.lex.mentions(Cat::LonWord, &self.norm.text);
        self.longitude.set(Some(found));
        found
    }

    /// Whether the line has a word that compares ([`COMPARING`]): only then are the words
    /// around a value looked at for a comparison with the long-term average or another day.
    /// Found once per line.
    pub fn mentions_comparison(&self) -> bool {
        if let Some(known) = self.comparing.get() {
            return known;
        }
        // Searchers built once: building one for each line cost more than the search.
        static WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
            std::sync::LazyLock::new(|| {
                COMPARING.map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            });
        let text = self.norm.text.as_bytes();
        let found = WORDS.iter().any(|f| f.find(text).is_some());
        self.comparing.set(Some(found));
        found
    }

    /// Whether `i` (a slice of the normalised text) holds an ASCII digit. Asked at most
    /// positions of a sentence while reading forward, so the next digit found is remembered
    /// and the text searched again only past it.
    pub fn digit_ahead(&self, i: &str) -> bool {
        let text = self.norm.text.as_bytes();
        let at = (i.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        if at > text.len() || text.len() - at < i.len() {
            return i.bytes().any(|b| b.is_ascii_digit());
        }
        let (from, mut next) = self.next_digit.get();
        if !(from <= at && at <= next) {
            next = text.get(at..).and_then(first_digit).map_or(text.len(), |n| at + n);
            self.next_digit.set((at, next));
        }
        next < at + i.len()
    }

    /// The vocabulary phrases that start at `i`.
    pub fn vocab(&self, i: &str) -> Candidates<'static> {
        // The end of a sentence, asked about after its last phrase: nothing starts there.
        if i.is_empty() {
            return Candidates::default();
        }
        let base = self.norm.text.as_ptr() as usize;
        let at = (i.as_ptr() as usize).wrapping_sub(base);
        // Only a slice of the normalised text is cached, keyed by where it starts and ends (a
        // phrase cannot match past the end of the slice, so the end matters); anything else
        // (a string built by a caller) is looked up without the cache.
        if at >= self.norm.text.len() || self.norm.text.len() - at < i.len() {
            return self.lex.at(i);
        }
        let key = (at, i.len());
        let slot = self.cache.get(at % CACHE_SLOTS);
        if let Some(slot) = slot
            && let (k, found) = slot.get()
            && k == key
        {
            return found;
        }
        let found = self.lex.at(i);
        if let Some(slot) = slot {
            slot.set((key, found));
        }
        found
    }

    /// The longest phrase of `cat` at the start of `i`, as whole words: `(value, rest)`.
    #[inline(always)]
    pub fn longest<'i>(&self, cat: Cat, i: &'i str) -> Option<(&'static str, &'i str)> {
        self.vocab(i).longest(cat, i)
    }

    /// Offset of `rest` (a slice of the normalised text) in the normalised text.
    pub fn off(&self, rest: &str) -> usize {
        (rest.as_ptr() as usize).saturating_sub(self.norm.text.as_ptr() as usize).min(self.norm.text.len())
    }

    /// Whether the input character behind normalised offset `i` is upper case.
    #[inline(always)]
    pub fn is_capitalised(&self, i: usize) -> bool {
        let at = self.norm.start(i);
        self.input.get(at..).and_then(|s| s.chars().next()).is_some_and(is_upper)
    }

    /// Whether the blank at normalised offset `i` was a line break in the input: a line
    /// wrapped inside a sentence, joined on (see `document::chunks`).
    pub fn breaks_line_at(&self, i: usize) -> bool {
        self.norm.text.as_bytes().get(i) == Some(&b' ')
            && matches!(self.input.as_bytes().get(self.norm.start(i)), Some(b'\n' | b'\r'))
    }

    /// The word of the normalised text right before `i` (a slice of it), past the blanks
    /// between; "" at the start.
    pub fn word_before(&self, i: &str) -> &'a str {
        let before = self.norm.text.get(..self.off(i.trim_start())).unwrap_or_default().trim_end();
        before.rsplit(' ').next().unwrap_or_default()
    }

    /// The normalised text being read.
    pub fn norm_text(&self) -> &'a str {
        &self.norm.text
    }

    /// The input text behind a normalised span.
    pub fn original(&self, a: usize, b: usize) -> Option<String> {
        self.original_str(a, b).map(str::to_owned)
    }

    /// [`Ctx::original`] without a copy.
    pub fn original_str(&self, a: usize, b: usize) -> Option<&'a str> {
        self.input.get(self.norm.start(a)..self.norm.end(b)).map(SkipBlanks::trim_blanks)
    }
}

/// The raw items the grammar reads in each sentence of `input`, a blank line after each
/// sentence: what `canhbao trace` prints to explain a parse. Lines and sentences are cut as the
/// parse cuts them (a wrapped line is read on, "." ends a sentence); a line's label, heading and
/// table pipes are read as items here, where the parse takes them off first.
pub fn trace(input: &str, lang: Language) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (start, line) in document::chunks(input) {
        let norm = Normalized::new(line, start);
        let cx = Ctx::new(lang, input, &norm);
        for sent in document::sentences(&norm.text, |at| cx.is_capitalised(at)) {
            let items = phrase::sentence(&cx, sent);
            for r in items {
                let text = norm.text.get(r.start..r.end).unwrap_or("");
                let _ = writeln!(out, "{:>5}-{:<5} {:<40} {:?}", r.start, r.end, text, r.item);
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn trace_cuts_sentences_and_lines_as_the_parse_does() {
        let out = trace(
            "Mây đối lưu phát triển trên khu vực tỉnh Điện Biên. Vùng núi có dông.\nNhiệt độ thấp\nnhất: 25 độ.\n",
            Language::Vi,
        );
        let sentences: Vec<&str> = out.split("\n\n").filter(|s| !s.trim().is_empty()).collect();
        assert_eq!(sentences.len(), 3, "{out}");
        assert!(out.contains("trên khu vực tỉnh điện biên ") && !out.contains("điện biên. vùng"), "{out}");
        // The wrapped line is one sentence, its bound before its value.
        let last = sentences.last().copied().unwrap_or_default();
        assert!(last.contains("Bound(Low)") && last.contains("Value("), "{out}");
    }

    #[test]
    fn first_digit_is_the_byte_search() {
        let texts =
            ["", "5", "abc", "gió cấp 3-4", "nhiệt độ 25-27", "xyz:/;<=>?@09", "ÿ\u{80}0", "a\u{FF39}9 9"];
        for t in texts {
            for from in 0..=t.len() {
                let b = t.as_bytes().get(from..).unwrap_or_default();
                assert_eq!(first_digit(b), b.iter().position(u8::is_ascii_digit), "{t:?} {from}");
            }
        }
        // Every pair of byte values, at every place of an eight-byte word and across two.
        for v in 0..=255u8 {
            for w in 0..=255u8 {
                for at in [0, 3, 6, 7, 9] {
                    let mut b = [b'x'; 17];
                    b[at] = v;
                    b[at + 1] = w;
                    assert_eq!(first_digit(&b), b.iter().position(u8::is_ascii_digit), "{v} {w} {at}");
                }
            }
        }
    }

    #[test]
    fn language_from_the_letters() {
        let vi = include_str!("../../seeds/010_national_multi_area.txt");
        let en = include_str!("../../seeds/080_english.txt");
        assert_eq!(detect_language(vi), Language::Vi);
        assert_eq!(detect_language(en), Language::En);
        // Decomposed Vietnamese ("u" and a combining horn) is Vietnamese all the same.
        let nfd: String = vi.nfd().collect();
        assert_eq!(detect_language(&nfd), Language::Vi);
        // English naming Vietnamese places now and then is English.
        let places = "Heavy rain is forecast for Quảng Trị and Đà Nẵng tonight, with 100-200 mm of \
                      rain in the mountains and a risk of flash floods and landslides in the \
                      provinces of the central region over the coming days. Northeast winds of \
                      level 5 are expected in the Gulf of Tonkin, gusting to level 7.";
        assert_eq!(detect_language(places), Language::En);
        // No letters at all: the default grammar.
        assert_eq!(detect_language("12-15 / 20:30 |"), Language::Vi);
        assert_eq!(detect_language(""), Language::Vi);
    }
}
