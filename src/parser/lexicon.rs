//! The vocabulary of the grammar, loaded from `grammars/*.tsv` (data, not match arms).
//!
//! Each entry is `category <TAB> value <TAB> phrase|phrase…`. A rule asks for the longest phrase
//! of one category (or of any of a set of categories) that stands at the current position as
//! whole words.
//!
//! The index is keyed by a phrase's first word, so that one hash lookup per position finds the
//! few phrases that can start there, whatever their category (the parser asks at every word).

use std::str::FromStr;

use rustc_hash::FxHashMap;
use std::sync::{LazyLock, OnceLock};

use strum::EnumString;

use std::hash::BuildHasher;

use super::normalize::{HIGH_BITS, Normalized, ascii_alnum_bytes, is_word_char, small_letter};

/// The categories of `grammars/*.tsv`; each is read by the rule of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumString, strum::EnumCount)]
#[strum(serialize_all = "snake_case")]
#[repr(u8)]
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
    Weekday,
    MonthName,
    CauseVerb,
    WhereTail,
    WhenPart,
    Trend,
    LowPressure,
}

/// A set of categories (one bit per [`Cat`]; there are at most 128, checked below).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CatSet(u128);

// `CatSet` and `CatOrder` give each category one bit / one slot of 128: a 129th category must
// fail the build, not wrap around onto category 0.
const _: () = assert!(<Cat as strum::EnumCount>::COUNT <= 128);

impl CatSet {
    pub const fn of(cats: &[Cat]) -> Self {
        let mut bits = 0u128;
        let mut n = 0;
        while n < cats.len() {
            // `cats[n]` is in bounds: `n < cats.len()` (const fn cannot use iterators).
            #[allow(clippy::indexing_slicing)]
            let cat = cats[n];
            bits |= 1 << cat as u8;
            n += 1;
        }
        CatSet(bits)
    }

    pub const fn with(self, cat: Cat) -> Self {
        CatSet(self.0 | (1 << cat as u8))
    }

    pub const fn without(self, cat: Cat) -> Self {
        CatSet(self.0 & !(1 << cat as u8))
    }

    pub const fn contains(self, cat: Cat) -> bool {
        self.0 & (1 << cat as u8) != 0
    }
}

#[derive(Debug, Clone)]
struct Entry {
    cat: Cat,
    phrase: String,
    value: &'static str,
    /// Whether the phrase must be followed by a word boundary (it ends in a letter or digit).
    bounded: bool,
    /// The phrase's first (up to) eight bytes, little-endian, and the mask of those bytes.
    head: u64,
    mask: u64,
}

impl Entry {
    fn new(cat: Cat, phrase: String, value: &'static str) -> Self {
        let bounded = phrase.chars().last().is_some_and(is_word_char);
        let b = phrase.as_bytes();
        let mask = if b.len() >= 8 { u64::MAX } else { (1u64 << (8 * b.len())) - 1 };
        let head = first8(b) & mask;
        Entry { cat, head, mask, phrase, value, bounded }
    }

    /// The rest of `i` after this phrase, when `i` starts with it as whole words.
    #[inline(always)]
    fn strip<'a>(&self, i: &'a str, i8: u64) -> Option<&'a str> {
        let (p, t) = (self.phrase.as_bytes(), i.as_bytes());
        // Phrases under one first word differ early: comparing the first eight bytes as one
        // number (`i8`, read once for all the candidates) settles most of them without a call
        // to compare slices.
        if t.len() < p.len() || i8 & self.mask != self.head {
            return None;
        }
        if p.len() > 8 && !same_past8(p, t) {
            return None;
        }
        let rest = i.get(p.len()..)?;
        (!self.bounded || !starts_word(rest)).then_some(rest)
    }
}

/// Whether `t` starts with `p`, which is longer than eight bytes, when their first eight bytes
/// are known to be the same and `t` is at least as long: the rest compared eight bytes at a
/// time, the last eight overlapping what was compared before. In place of the phrase's second
/// eight bytes kept in its entry and what was past sixteen compared as slices (a call to
/// `bcmp`): entries of 64 bytes instead of 80 (226.9k -> 223.8k instructions per typical parse).
#[inline(always)]
fn same_past8(p: &[u8], t: &[u8]) -> bool {
    let n = p.len();
    let word =
        |b: &[u8], at: usize| b.get(at..).and_then(<[u8]>::first_chunk::<8>).map(|c| u64::from_le_bytes(*c));
    let mut at = 8;
    while at + 8 < n {
        if word(p, at) != word(t, at) {
            return false;
        }
        at += 8;
    }
    word(p, n.saturating_sub(8)) == word(t, n.saturating_sub(8))
}

/// Whether `i` starts with a letter or digit (`is_word_char` of its first character), told
/// from its first byte or two where they suffice: the bound of most phrases that match (a
/// decoded `char` there cost 239.8k -> 238.9k instructions per typical parse).
#[inline(always)]
fn starts_word(i: &str) -> bool {
    let b = i.as_bytes();
    match b.first() {
        None => false,
        Some(&x) if x.is_ascii() => ASCII_WORD_BYTE.get(usize::from(x)) == Some(&true),
        Some(_) => small_letter(b).1 || other_word_char(i, 0).is_some(),
    }
}

/// The first eight bytes of `b` as a little-endian number, zero-padded.
// Always inlined: left to the compiler, it was called out of line at some callers (0.6k
// instructions per typical parse).
#[inline(always)]
pub(crate) fn first8(b: &[u8]) -> u64 {
    match b.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        // Shifted in byte by byte: copying into a buffer and reading it back as a number
        // stalls on store forwarding (seen as a third of `Lexicon::at` in `perf`).
        // Under eight bytes (the end of a text): two overlapping reads of four, or three
        // bytes, in place of a loop over them (238.9k -> 238.4k instructions per typical parse).
        None => {
            let n = b.len();
            let last = n.saturating_sub(1);
            if n >= 4 {
                let lo = b.first_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
                let hi = b.last_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
                u64::from(lo) | u64::from(hi) << (8 * (n - 4))
            } else {
                let byte = |k: usize| b.get(k).map_or(0, |&x| u64::from(x) << (8 * k));
                byte(0) | byte(n / 2) | byte(last)
            }
        }
    }
}

/// A loaded vocabulary.
#[derive(Debug)]
pub struct Lexicon {
    /// Where the phrases filed under each first word are in `words`, by [`word_code`]. Kept
    /// apart from them so the table is small (16 bytes a slot): every position of the text is
    /// looked up, most words are in no phrase, and a miss then touches only this table.
    index: WordIndex,
    words: Vec<Words>,
    /// The phrases of a first word with many phrases, filed again under their first word and the
    /// start of their second ([`Pair`]), by [`pair_key`]: the common first words ("có", "trong", "the") head dozens of
    /// phrases each, and comparing them all at every such word was a fifth of a parse.
    pair_index: WordIndex,
    pairs: Vec<Pair>,
    /// The index (plus one, 0 for none) in `words` of each one-byte first word: marks are
    /// asked about after most values and phrases, and need no hashing.
    marks: [u32; 128],
    /// The phrases of a category ready to be searched for ([`Lexicon::mentions`]), and whether
    /// each must end at a word boundary: made the first time a category is asked about (one
    /// is), not for every phrase at load.
    by_cat: Vec<OnceLock<Vec<(memchr::memmem::Finder<'static>, bool)>>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        let by_cat = std::iter::repeat_with(OnceLock::new).take(<Cat as strum::EnumCount>::COUNT).collect();
        Lexicon {
            index: WordIndex::default(),
            words: Vec::new(),
            pair_index: WordIndex::default(),
            pairs: Vec::new(),
            marks: [0; 128],
            by_cat,
        }
    }
}

/// A hash table from [`word_code`]s to indices in [`Lexicon::words`], open-addressed: built
/// once, then only looked up, at every word of the text. A lookup is one multiplication and
/// (the table being at most half full) most often one slot read, where `FxHashMap`'s probing
/// of a group of sixteen slots and its checks took some fifteen instructions more.
#[derive(Debug, Default)]
struct WordIndex {
    /// `(code, index)`, or `(0, 0)` for an empty slot (no word's code is 0: the top byte holds
    /// the word's length or 0xFF); a power of two of them, at most half used.
    slots: Vec<(u64, u32)>,
    /// 64 less the number of bits of a slot's position: the position is the top bits of the
    /// code times [`WordIndex::MIX`].
    shift: u32,
}

impl WordIndex {
    /// An odd number with its bits spread (2^64 over the golden ratio): multiplied by it, every
    /// bit of a code reaches the top bits.
    const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

    fn new(codes: &FxHashMap<u64, u32>) -> Self {
        let len = (2 * codes.len()).next_power_of_two().max(2);
        let mut index = WordIndex { slots: vec![(0, 0); len], shift: 64 - len.trailing_zeros() };
        // In a fixed order, so that the table (and its probe lengths) is the same every run.
        let mut codes: Vec<(u64, u32)> = codes.iter().map(|(&c, &n)| (c, n)).collect();
        codes.sort_unstable();
        for (code, n) in codes {
            let mut at = index.home(code);
            while let Some(slot) = index.slots.get_mut(at) {
                if slot.0 == 0 {
                    *slot = (code, n);
                    break;
                }
                at = (at + 1) & (len - 1);
            }
        }
        index
    }

    /// The slot where `code` is looked for first.
    #[inline]
    fn home(&self, code: u64) -> usize {
        (code.wrapping_mul(Self::MIX) >> self.shift) as usize
    }

    /// The index filed under `code`, which is not 0.
    // Inlined at both lookups of `Lexicon::at` (a call was more than the probe itself).
    #[inline(always)]
    fn get(&self, code: u64) -> Option<u32> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = self.home(code);
        loop {
            let &(c, n) = self.slots.get(at & mask)?;
            if c == code {
                return Some(n);
            }
            if c == 0 {
                return None;
            }
            at += 1;
        }
    }
}

/// The phrases filed under one first word.
#[derive(Debug, Default)]
struct Words {
    /// The first word.
    key: String,
    /// Longest phrase first.
    entries: Vec<Entry>,
    /// The categories of `entries`.
    cats: CatSet,
    /// Whether the phrases of two words or more are filed again by their first word and the
    /// start of their second ([`Lexicon::pairs`]); then the start of a text's second word picks
    /// them, and a text whose second word starts none of them can only match `singles`.
    split: bool,
    /// The phrases of one word (longest first) and their categories.
    singles: Vec<Entry>,
    single_cats: CatSet,
    /// The first bytes of the second words of the pairs filed under this word, one bit each:
    /// a text whose second word starts with another byte has no pair to look up (a third of
    /// the split words, mostly before a comma, a stop or a number), and reading that word and
    /// looking it up is skipped.
    second_bytes: ByteSet,
}

/// A set of bytes, one bit each.
#[derive(Debug, Default, Clone, Copy)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn insert(&mut self, b: u8) {
        if let Some(w) = self.0.get_mut(usize::from(b >> 6)) {
            *w |= 1 << (b & 63);
        }
    }

    #[inline]
    fn contains(&self, b: u8) -> bool {
        self.0.get(usize::from(b >> 6)).is_some_and(|w| w >> (b & 63) & 1 == 1)
    }
}

/// The phrases whose first words are the same and whose second words start alike (see
/// [`second_start`]), with the phrases of the first word alone, which also stand before such a
/// second word; longest first.
#[derive(Debug)]
struct Pair {
    /// [`word_code`] of the first word, and [`second_start`] of the rest with whether a blank
    /// stands before it.
    first: u64,
    second: (u64, bool),
    entries: Vec<Entry>,
    cats: CatSet,
}

/// A first word with at least this many phrases has them filed by the start of their second
/// word too.
const SPLIT_AT: usize = 6;

/// The key a phrase is filed under and looked up by: its leading run of letters and digits, or
/// its first character when it starts with anything else. If text starts with a phrase as whole
/// words, the text's first word equals the phrase's, so one lookup finds every candidate.
fn first_word(i: &str) -> &str {
    i.get(..word_end(i, 0)).unwrap_or(i)
}

/// The length of [`first_word`] of `i`, whose first `from` bytes are known to be ASCII letters
/// or digits.
// Inlined into `Lexicon::at`, its one caller per position (a call was 13 instructions a word).
#[inline(always)]
fn word_end(i: &str, from: usize) -> usize {
    // ASCII bytes and small Vietnamese letters are told from their bytes, other characters
    // decoded.
    let bytes = i.as_bytes();
    let mut end = from;
    while let Some(&b) = bytes.get(end) {
        // One table load for an ASCII letter or digit, the byte the loop meets most (the
        // consonants after a Vietnamese vowel): two range tests were some five instructions
        // more a byte (241.5k -> 240.5k instructions per typical parse).
        if ASCII_WORD_BYTE.get(usize::from(b)) == Some(&true) {
            end += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        match small_letter(bytes.get(end..).unwrap_or_default()) {
            (len, true) => end += len,
            _ => match other_word_char(i, end) {
                Some(len) => end += len,
                None => break,
            },
        }
    }
    if end == 0 {
        // Not a word: the first character alone.
        end = i.chars().next().map_or(0, char::len_utf8);
    }
    end
}

/// Whether each byte is an ASCII letter or digit (none from 0x80 is).
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        // In bounds: `b < 256`, and below 256 it fits a `u8`.
        #[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
        {
            table[b] = (b as u8).is_ascii_alphanumeric();
        }
        b += 1;
    }
    table
};

/// The length of the character at byte `at` of `i` when it is a letter or digit (one that
/// [`small_letter`] does not tell from its bytes).
// Out of line and cold: such characters are rare in bulletins, and the decoding inlined into
// `Lexicon::at` cost every call (240.5k -> 239.8k instructions per typical parse out of line).
#[cold]
#[inline(never)]
fn other_word_char(i: &str, at: usize) -> Option<usize> {
    i.get(at..).and_then(|t| t.chars().next()).filter(|&c| is_word_char(c)).map(char::len_utf8)
}

/// How many of the bytes of `w` (up to eight) are ASCII letters or digits before the first
/// that is not.
#[inline]
fn ascii_word_run(w: u64) -> usize {
    ((!ascii_alnum_bytes(w) & HIGH_BITS).trailing_zeros() / 8) as usize
}

/// [`word_code`] of the first `len` (at most seven) bytes of `b`.
#[inline]
fn word_code_at(b: &[u8], len: usize) -> u64 {
    let mask = (1u64 << (8 * len)) - 1;
    (first8(b) & mask) | (len as u64) << 56
}

/// The number a first word is indexed by: its bytes with its length when it has at most
/// seven (most words; then the number is the word), else a hash of it, checked against the
/// word itself ([`Words::key`]) when found.
fn word_code(word: &str) -> u64 {
    let b = word.as_bytes();
    if b.len() <= 7 { word_code_at(b, b.len()) } else { rustc_hash::FxBuildHasher.hash_one(b) | 0xFF << 56 }
}

/// The key a [`Pair`] is filed under beside its first word: the ASCII letters and digits its
/// second word starts with (at most seven, with their number, as [`word_code`]), read from the
/// bytes after the first word and its blank. A phrase that matches a text as whole words
/// starts its second word with the same such bytes as the text (after them both have another
/// byte outside ASCII, or a byte that is no letter or digit, or they are cut at seven), so its
/// pair is the text's: the pair may hold phrases of other second words with that start, which
/// do not match, but never leaves out one that does. Eight bytes read and nothing decoded, where
/// reading the whole second word (to its end, decoding letters outside ASCII) and checking a
/// long one against its text cost more than the extra phrases compared (235.7k -> 229.7k
/// instructions per typical parse).
#[inline(always)]
fn second_start(b: &[u8]) -> u64 {
    let head = first8(b);
    // Bytes past the text, read as 0, are no letters or digits.
    let run = ascii_word_run(head).min(7);
    (head & ((1u64 << (8 * run)) - 1)) | (run as u64) << 56
}

/// The key of a [`Pair`] in [`Lexicon::pair_index`]: never 0, which marks an empty slot.
fn pair_key(first: u64, (second, blank): (u64, bool)) -> u64 {
    let key = (first.wrapping_mul(WordIndex::MIX) ^ second).wrapping_mul(WordIndex::MIX) ^ u64::from(blank);
    if key == 0 { 1 } else { key }
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
        let mut index = FxHashMap::default();
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
                let key = first_word(&phrase);
                if key.is_empty() {
                    continue;
                }
                let next = u32::try_from(lex.words.len()).unwrap_or(u32::MAX);
                let slot = *index.entry(word_code(key)).or_insert(next);
                if slot == next {
                    lex.words.push(Words { key: key.to_owned(), ..Words::default() });
                }
                let Some(words) = lex.words.get_mut(slot as usize) else { continue };
                if words.key != key {
                    return Err(LexiconError {
                        line: n + 1,
                        message: format!("first word {key:?} collides with {:?}", words.key),
                    });
                }
                if words.entries.iter().any(|e| e.cat == cat && e.phrase == phrase) {
                    continue;
                }
                words.cats = words.cats.with(cat);
                words.entries.push(Entry::new(cat, phrase, value));
            }
        }
        // Stable: among phrases of equal length the file's order is kept.
        for words in &mut lex.words {
            words.entries.sort_by_key(|e| std::cmp::Reverse(e.phrase.len()));
        }
        lex.index = WordIndex::new(&index);
        let mut pair_codes: FxHashMap<u64, u32> = FxHashMap::default();
        for words in &mut lex.words {
            if words.entries.len() < SPLIT_AT
                || words.entries.iter().all(|e| e.phrase.len() == words.key.len())
            {
                continue;
            }
            words.split = true;
            let first = word_code(&words.key);
            let (singles, longer): (Vec<&Entry>, Vec<&Entry>) =
                words.entries.iter().partition(|e| e.phrase.len() == words.key.len());
            words.singles = singles.iter().map(|&e| e.clone()).collect();
            words.single_cats = singles.iter().fold(CatSet::default(), |c, e| c.with(e.cat));
            for e in longer {
                let Some(rest) = e.phrase.as_bytes().get(words.key.len()..) else { continue };
                let (rest, blank) = match rest {
                    [b' ', rest @ ..] => (rest, true),
                    _ => (rest, false),
                };
                let code = second_start(rest);
                let key = pair_key(first, (code, blank));
                if let Some(&b) = rest.first() {
                    words.second_bytes.insert(b);
                }
                let next = u32::try_from(lex.pairs.len()).unwrap_or(u32::MAX);
                let slot = *pair_codes.entry(key).or_insert(next);
                if slot == next {
                    lex.pairs.push(Pair {
                        first,
                        second: (code, blank),
                        entries: Vec::new(),
                        cats: CatSet::default(),
                    });
                }
                let Some(pair) = lex.pairs.get_mut(slot as usize) else { continue };
                if (pair.first, pair.second) != (first, (code, blank)) {
                    return Err(LexiconError {
                        line: 0,
                        message: format!("the pair key of {:?} collides with another pair's", e.phrase),
                    });
                }
                pair.entries.push(e.clone());
                pair.cats = pair.cats.with(e.cat);
            }
        }
        // Each pair also holds its first word's phrases of one word, in the order of length.
        for pair in &mut lex.pairs {
            let Some(words) = index.get(&pair.first).and_then(|&n| lex.words.get(n as usize)) else {
                continue;
            };
            pair.entries.extend(words.singles.iter().cloned());
            pair.entries.sort_by_key(|e| std::cmp::Reverse(e.phrase.len()));
            pair.cats = pair.entries.iter().fold(CatSet::default(), |c, e| c.with(e.cat));
        }
        lex.pair_index = WordIndex::new(&pair_codes);
        for (n, words) in lex.words.iter().enumerate() {
            if let [b] = *words.key.as_bytes()
                && let Some(slot) = lex.marks.get_mut(usize::from(b))
            {
                *slot = u32::try_from(n + 1).unwrap_or(0);
            }
        }
        Ok(lex)
    }

    /// The phrases that may start at `i`: those filed under its first word. Nothing is
    /// compared yet; each question compares only the phrases of the categories it asks about.
    pub fn at(&self, i: &str) -> Candidates<'_> {
        let bytes = i.as_bytes();
        let head = first8(bytes);
        // The letters and digits `i` starts with, found eight bytes at once: ASCII letters and
        // digits, and bytes outside ASCII, whose characters are then told by their lead bytes
        // (most are small Vietnamese letters). Most words end within eight bytes, and then
        // without a loop over their bytes: a byte loop from the first byte outside ASCII on
        // took some twenty instructions more a Vietnamese word (229.7k -> 226.9k instructions
        // per typical parse).
        let alnum = ascii_alnum_bytes(head);
        // Bytes past the text, read as 0, stop the run.
        let reach = ((!(alnum | head) & HIGH_BITS).trailing_zeros() / 8) as usize;
        if reach == 0 {
            // A mark ("-", "%", ":") is a first word by itself: looked up by its byte.
            let Some(&b) = bytes.first() else { return Candidates::default() };
            let n = self.marks.get(usize::from(b)).copied().unwrap_or(0);
            return match n.checked_sub(1).and_then(|n| self.words.get(n as usize)) {
                Some(w) => Candidates { entries: &w.entries, cats: w.cats },
                None => Candidates::default(),
            };
        }
        // Where a character has to be decoded, if one does.
        let decode_from = if reach < 8 {
            // The run ends within `head` at an ASCII byte or the end of the text, so each of
            // its characters is whole in it: a lead byte (11xxxxxx) starts each outside ASCII.
            let mut leads = head & (head << 1) & HIGH_BITS & ((1u64 << (8 * reach)) - 1);
            loop {
                if leads == 0 {
                    break None;
                }
                let k = (leads.trailing_zeros() / 8) as usize;
                // Read from `head`, where the character is whole.
                if !small_letter(&(head >> (8 * k)).to_le_bytes()).1 {
                    // Another letter or digit, or no word character.
                    break Some(k);
                }
                leads &= leads - 1;
            }
        } else {
            // A run of eight bytes or more.
            Some(ascii_word_run(head))
        };
        let len = match decode_from {
            None => reach,
            Some(from) => word_end(i, from),
        };
        // The code of the key read from `head`.
        let code = if len <= 7 {
            (head & ((1u64 << (8 * len)) - 1)) | (len as u64) << 56
        } else {
            word_code(i.get(..len).unwrap_or(i))
        };
        let w = match self.index.get(code).and_then(|n| self.words.get(n as usize)) {
            Some(w) if len <= 7 || w.key.as_bytes() == bytes.get(..len).unwrap_or(bytes) => w,
            _ => return Candidates::default(),
        };
        if !w.split {
            return Candidates { entries: &w.entries, cats: w.cats };
        }
        // The phrases that go on with the text's second word, else those of the first alone.
        let (from, blank) = match bytes.get(len) {
            Some(b' ') => (len + 1, true),
            _ => (len, false),
        };
        let rest = bytes.get(from..).unwrap_or_default();
        if !rest.first().is_some_and(|&b| w.second_bytes.contains(b)) {
            return Candidates { entries: &w.singles, cats: w.single_cats };
        }
        let second = (second_start(rest), blank);
        match self.pair_index.get(pair_key(code, second)).and_then(|n| self.pairs.get(n as usize)) {
            Some(p) if p.first == code && p.second == second => {
                Candidates { entries: &p.entries, cats: p.cats }
            }
            _ => Candidates { entries: &w.singles, cats: w.single_cats },
        }
    }

    /// The longest phrase of `cat` at the start of `i`, as whole words: `(value, rest)`.
    pub fn longest<'a>(&self, cat: Cat, i: &'a str) -> Option<(&'static str, &'a str)> {
        self.at(i).longest(cat, i)
    }

    /// Whether a phrase of `cat` occurs anywhere in `text` as [`Candidates::longest`] would
    /// match it (ending at a word boundary when it ends in a letter or digit; its start is not
    /// checked, as a match may follow a number: "115e"). `false` means no position of `text`
    /// starts such a phrase: a rule that needs one further on can give up early.
    pub fn mentions(&self, cat: Cat, text: &str) -> bool {
        let Some(list) = self.by_cat.get(cat as usize) else { return false };
        let list = list.get_or_init(|| {
            let entries: Vec<&Entry> =
                self.words.iter().flat_map(|w| &w.entries).filter(|e| e.cat == cat).collect();
            // A phrase that ends with another of the list is found wherever it is found, the
            // two ending alike and so bounded alike: only the shorter is searched for ("kinh
            // đông", not "độ kinh đông" too); of two equal phrases, the first.
            let redundant = |k: usize, p: &str| {
                entries.iter().enumerate().any(|(n, q)| {
                    n != k
                        && !q.phrase.is_empty()
                        && p.ends_with(&q.phrase)
                        && (q.phrase.len() < p.len() || n < k)
                })
            };
            entries
                .iter()
                .enumerate()
                .filter(|&(k, e)| !redundant(k, &e.phrase))
                .map(|(_, e)| (memchr::memmem::Finder::new(e.phrase.as_bytes()).into_owned(), e.bounded))
                .collect()
        });
        list.iter().any(|(finder, bounded)| found(finder, *bounded, text))
    }
}

/// Whether `finder`'s phrase occurs in `text`, followed by a word boundary when `bounded`
/// (see [`Lexicon::mentions`]). Matches are tried where `find_iter` would give them, one
/// after the other without overlapping; each is searched for with `find`, which borrows the
/// searcher where an iterator copied it (a tenth of the search on a line of a bulletin).
fn found(finder: &memchr::memmem::Finder<'_>, bounded: bool, text: &str) -> bool {
    let len = finder.needle().len();
    let mut from = 0;
    while let Some(at) = text.as_bytes().get(from..).and_then(|t| finder.find(t)).map(|n| from + n) {
        let rest = text.get(at + len..).unwrap_or_default();
        if !bounded || !starts_word(rest) {
            return true;
        }
        from = at + len.max(1);
    }
    false
}

/// The vocabulary phrases filed under the first word of one position.
#[derive(Debug, Clone, Copy, Default)]
pub struct Candidates<'l> {
    /// Longest first; they share the position's first word, but need not match beyond it.
    entries: &'l [Entry],
    /// The categories of `entries` (of phrases that may match, not only of those that do).
    cats: CatSet,
}

impl Candidates<'_> {
    /// The longest phrase of `cat` at the start of `i` (the position these were found at).
    #[inline]
    pub fn longest<'a>(&self, cat: Cat, i: &'a str) -> Option<(&'static str, &'a str)> {
        // Most questions end here (no phrase of `cat` under this word): inlined at each asker.
        if !self.cats.contains(cat) {
            return None;
        }
        self.compare(cat, i)
    }

    /// The phrases of `cat` compared with `i`, longest first.
    #[inline(never)]
    fn compare<'a>(&self, cat: Cat, i: &'a str) -> Option<(&'static str, &'a str)> {
        let i8 = first8(i.as_bytes());
        self.entries.iter().filter(|e| e.cat == cat).find_map(|e| Some((e.value, e.strip(i, i8)?)))
    }

    /// Whether a phrase of a category in `cats` may start here: `false` is certain, `true`
    /// means the categories' phrases have to be compared (a rule's first-set test).
    pub fn may_start(&self, cats: CatSet) -> bool {
        self.cats.0 & cats.0 != 0
    }

    /// Whether a phrase of a category in `cats` does start at `i`.
    pub fn any(&self, cats: CatSet, i: &str) -> bool {
        self.may_start(cats) && {
            let i8 = first8(i.as_bytes());
            self.entries.iter().any(|e| cats.contains(e.cat) && e.strip(i, i8).is_some())
        }
    }

    /// The longest phrase at the start of `i` among the categories of `order`; on equal length
    /// the category listed first wins. `(category, value, rest)`.
    pub fn longest_of<'a>(&self, order: &CatOrder, i: &'a str) -> Option<(Cat, &'static str, &'a str)> {
        if !self.may_start(order.set) {
            return None;
        }
        let mut best: Option<(usize, u8, &Entry, &'a str)> = None;
        let i8 = first8(i.as_bytes());
        for e in self.entries {
            // Most phrases differ from the text in their first eight bytes: that test first,
            // before the category's rank is looked up.
            if i8 & e.mask != e.head {
                continue;
            }
            // Longest first: once a match is found, shorter phrases cannot beat it.
            if best.is_some_and(|(len, ..)| e.phrase.len() < len) {
                break;
            }
            let rank = order.rank(e.cat);
            if rank == CatOrder::ABSENT || best.is_some_and(|(_, r, ..)| rank >= r) {
                continue;
            }
            if let Some(rest) = e.strip(i, i8) {
                best = Some((e.phrase.len(), rank, e, rest));
            }
        }
        best.map(|(_, _, e, rest)| (e.cat, e.value, rest))
    }
}

/// Categories in priority order, for [`Candidates::longest_of`].
#[derive(Debug)]
pub struct CatOrder {
    set: CatSet,
    /// The position of each category in the order, [`CatOrder::ABSENT`] when not in it.
    ranks: [u8; 128],
}

impl CatOrder {
    const ABSENT: u8 = u8::MAX;

    pub const fn new(order: &[Cat]) -> Self {
        let mut ranks = [Self::ABSENT; 128];
        let mut n = 0;
        while n < order.len() && n < 128 {
            // In bounds: `n < order.len()`, and a `Cat` is below 128 (checked above).
            #[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
            {
                ranks[order[n] as usize] = n as u8;
            }
            n += 1;
        }
        CatOrder { set: CatSet::of(order), ranks }
    }

    fn rank(&self, cat: Cat) -> u8 {
        self.ranks.get(cat as usize).copied().unwrap_or(Self::ABSENT)
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

    /// The phrases under the first word of `i` found without the fast paths: the word read
    /// character by character, and the words searched one by one.
    fn at_slowly<'l>(lex: &'l Lexicon, i: &str) -> Option<&'l Words> {
        let mut word: String = i.chars().take_while(|&c| is_word_char(c)).collect();
        if word.is_empty() {
            word = i.chars().take(1).collect();
        }
        lex.words.iter().find(|w| w.key == word)
    }

    #[test]
    fn at_finds_the_phrases_of_the_first_word() {
        let texts = [
            include_str!("../../seeds/010_national_multi_area.txt"),
            include_str!("../../seeds/080_english.txt"),
            include_str!("../../grammars/vi.tsv"),
            include_str!("../../grammars/en.tsv"),
            "a1b2c3d4e5f6 abcdefgh abcdefg nhiệtđộ x×y 1²3 ẞ • – mưa",
            "Đông ĐÔNG đÔng a–b ư°c mưa²x µm ªb ab”c “ả” ở,ở1 ạ-ạ tiếng…x ÷÷ ǅa ĳ aé",
        ];
        for lang in [crate::bulletin::Language::Vi, crate::bulletin::Language::En] {
            let lex = lexicon(lang);
            for text in texts {
                let text = Normalized::new(text, 0).text;
                for (at, _) in text.char_indices() {
                    let i = text.get(at..).unwrap_or_default();
                    // Up to the end of the text, and cut short inside and after a word.
                    for end in [i.len(), i.len().min(3), i.len().min(9)] {
                        let Some(i) = i.get(..end) else { continue };
                        // The fast lookup may leave out phrases that cannot match (those
                        // of another second word), never one that does, and keeps the order.
                        let fast = lex.at(i);
                        let matching = |entries: &[Entry]| -> Vec<String> {
                            let i8 = first8(i.as_bytes());
                            entries
                                .iter()
                                .filter(|e| e.strip(i, i8).is_some())
                                .map(|e| e.phrase.clone())
                                .collect()
                        };
                        match at_slowly(lex, i) {
                            Some(w) => {
                                assert_eq!(matching(fast.entries), matching(&w.entries), "{i:?}");
                                assert_eq!(fast.cats.0 & !w.cats.0, 0, "{i:?}");
                            }
                            None => assert!(fast.entries.is_empty(), "{i:?}"),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_common_first_word_offers_only_the_phrases_of_its_second() {
        let lex = Lexicon::from_tsv(
            "coverage\tlocal\tcó nơi\nrain_form\train\tcó mưa|có mưa rào\nlikelihood\t-\tcó khả năng|có thể|có\n",
        )
        .unwrap_or_default();
        fn phrases_of(lex: &Lexicon, i: &str) -> Vec<String> {
            lex.at(i).entries.iter().map(|e| e.phrase.clone()).collect()
        }
        let phrases = |i: &str| phrases_of(&lex, i);
        // Longest first, with the first word's phrase of one word last.
        assert_eq!(phrases("có mưa rào vài nơi"), ["có mưa rào", "có mưa", "có"]);
        assert_eq!(phrases("có nơi"), ["có nơi", "có"]);
        assert_eq!(phrases("có gió"), ["có"]);
        assert_eq!(phrases("có"), ["có"]);
        assert!(lex.at("có mưa").may_start(CatSet::of(&[Cat::RainForm])));
        assert!(!lex.at("có gió").may_start(CatSet::of(&[Cat::RainForm, Cat::Coverage])));
        assert_eq!(lex.longest(Cat::RainForm, "có mưa rào."), Some(("rain", ".")));
        // Second words that start alike share a pair: offered, compared, not matched.
        let lex = Lexicon::from_tsv("sky\tcloudy\tcó mây\nrain_form\train\tcó mưa\nlikelihood\t-\tcó\nhazard\t-\tcó sét\nfog\t-\tcó sương\ncoverage\tlocal\tcó nơi\n")
            .unwrap_or_default();
        assert_eq!(phrases_of(&lex, "có mưa"), ["có mây", "có mưa", "có"]);
        assert_eq!(lex.longest(Cat::Sky, "có mưa"), None);
        assert_eq!(lex.longest(Cat::RainForm, "có mưa"), Some(("rain", "")));
        assert_eq!(phrases_of(&lex, "có sương mù"), ["có sương", "có sét", "có"]);
    }

    #[test]
    fn first8_reads_short_texts_zero_padded() {
        let text = b"\x01\x82\x03\xF4\x05\x86\x07\x08\x09";
        for n in 0..=text.len() {
            let b = &text[..n];
            let slowly = b.iter().take(8).rev().fold(0, |w, &x| w << 8 | u64::from(x));
            assert_eq!(first8(b), slowly, "{n}");
        }
    }

    #[test]
    fn strip_is_starts_with_and_a_boundary() {
        let phrases =
            ["a", "mưa", "abcdefgh", "abcdefghi", "nhiệt độ cao", "có mưa rào và dông rải rác", "x-"];
        let texts = [
            "",
            "a",
            "ab",
            "mưa rào",
            "mưax",
            "abcdefgh",
            "abcdefghi",
            "abcdefghij",
            "abcdefghx",
            "nhiệt độ cao nhất",
            "nhiệt độ cao, 35",
            "nhiệt độ caz",
            "có mưa rào và dông rải rác.",
            "có mưa rào và dông rải ráx.",
            "có mưa rào và dông rảy rác",
            "có mưa rùo và dông rải rác",
            "có mưa rào vá dông rải rác",
            "cô mưa rào và dông rải rác",
            "x-y",
        ];
        for phrase in phrases {
            let e = Entry::new(Cat::Filler, phrase.to_owned(), "-");
            for text in texts {
                let slowly = text
                    .strip_prefix(phrase)
                    .filter(|rest| !e.bounded || !rest.chars().next().is_some_and(is_word_char));
                assert_eq!(e.strip(text, first8(text.as_bytes())), slowly, "{phrase:?} {text:?}");
            }
        }
    }

    #[test]
    fn mentions_needs_the_phrase_and_its_boundary() {
        let lex = Lexicon::from_tsv("lon_word\t-\tkinh đông|e\n").unwrap_or_default();
        assert!(lex.mentions(Cat::LonWord, "108,5 độ kinh đông."));
        assert!(lex.mentions(Cat::LonWord, "20n-115e"));
        assert!(!lex.mentions(Cat::LonWord, "nghi tin kinh đôngx ba"));
        assert!(!lex.mentions(Cat::Direction, "kinh đông"));
        // A phrase ending with another is searched for as the other: found and bounded alike.
        let lex = Lexicon::from_tsv("lon_word\t-\tđộ kinh đông|kinh đông\n").unwrap_or_default();
        assert!(lex.mentions(Cat::LonWord, "121 độ kinh đông;"));
        assert!(!lex.mentions(Cat::LonWord, "121 độ kinh đôngx"));
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
