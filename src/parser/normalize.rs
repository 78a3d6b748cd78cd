//! Normalisation before matching, with a map back to the input's byte offsets.
//!
//! The grammar matches lower-case NFC text with one kind of dash and single spaces. Every
//! normalised byte remembers the input offset of the character cluster it came from, so a span
//! found in the normalised text maps back to `[start, end)` in the input as given.

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::lexicon::first8;

/// Whether `c` is a letter, answered without the Unicode table lookup for ASCII and the Latin
/// blocks Vietnamese is written in (`None` elsewhere). The parser asks at every character, and
/// the table lookup was a quarter of the parse time. Those blocks hold no digits.
#[inline]
fn latin_letter(c: char) -> Option<bool> {
    match c {
        _ if c.is_ascii() => Some(c.is_ascii_alphabetic()),
        // Latin-1 Supplement letters to Latin Extended-B: all letters but × and ÷.
        '\u{C0}'..='\u{24F}' => Some(c != '×' && c != '÷'),
        // Latin Extended Additional (ạ … ỹ).
        '\u{1E00}'..='\u{1EFF}' => Some(true),
        _ => None,
    }
}

/// `char::is_alphanumeric` with the fast path of [`latin_letter`] (tested equal for every `char`).
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || latin_letter(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// `char::is_alphabetic` with the fast path of [`latin_letter`] (tested equal for every `char`).
#[inline]
pub fn is_letter(c: char) -> bool {
    latin_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// `str::trim_start` for normalised text, where a blank is nearly always one ASCII space.
pub trait SkipBlanks {
    /// The text after its leading white space, as `str::trim_start` gives it (tested equal).
    fn skip_blanks(&self) -> &str;

    /// The text after its leading ASCII spaces, as `trim_start_matches(' ')` gives it, on bytes.
    fn skip_spaces(&self) -> &str;

    /// The text without its leading and trailing white space, as `str::trim` gives it (tested
    /// equal).
    fn trim_blanks(&self) -> &str;
}

impl SkipBlanks for str {
    // The rules ask it at most words: spaces are passed over on bytes, and only a character
    // that may be other white space (a control byte or anything outside ASCII) sends the rest
    // through `trim_start`, whose generic search cost twice as much.
    #[inline]
    fn skip_blanks(&self) -> &str {
        let rest = self.skip_spaces();
        match rest.as_bytes().first() {
            // Every white-space character in ASCII is at or below the space.
            Some(&b) if b > b' ' && b.is_ascii() => rest,
            None => rest,
            Some(_) => rest.trim_start(),
        }
    }

    #[inline]
    fn skip_spaces(&self) -> &str {
        let n = self.bytes().take_while(|&b| b == b' ').count();
        self.get(n..).unwrap_or_default()
    }

    // Asked of every span copied out as a fact's text, place or time, which nearly always
    // starts and ends with a letter, a digit or a mark: when its first and last characters are
    // no blanks there is nothing to trim, told from their bytes (an ASCII byte above the
    // blank) or by decoding that one character, instead of the generic two-way search.
    #[inline]
    fn trim_blanks(&self) -> &str {
        let bytes = self.as_bytes();
        let first = match bytes.first() {
            Some(&b) if b.is_ascii() => b > b' ',
            _ => self.chars().next().is_some_and(|c| !is_blank(c)),
        };
        let last = || match bytes.last() {
            Some(&b) if b.is_ascii() => b > b' ',
            _ => self.chars().next_back().is_some_and(|c| !is_blank(c)),
        };
        if first && last() { self } else { self.trim() }
    }
}

/// `char::is_uppercase` without the Unicode table lookup for ASCII and Vietnamese letters
/// (tested equal for every `char`).
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match vietnamese_lower(c) {
        Some(l) => l != c,
        None => c.is_uppercase(),
    }
}

/// `char::is_whitespace` without the Unicode table lookup for letters (tested equal for every
/// `char`).
#[inline]
pub fn is_blank(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\x0b';
    }
    latin_letter(c) != Some(true) && c.is_whitespace()
}

/// The lower case of a Vietnamese letter without the Unicode table lookup, `None` for other
/// characters (tested against `char::to_lowercase`).
#[inline]
fn vietnamese_lower(c: char) -> Option<char> {
    let n = c as u32;
    let lower = match c {
        // Latin-1 capitals (À … Ý) are 0x20 below their small letters; × is no letter.
        'À'..='Þ' if c != '×' => n + 0x20,
        'ß'..='ÿ' if c != '÷' => n,
        // Vietnamese letters of Latin Extended Additional come in pairs: capital even, small odd.
        'Ạ'..='ỹ' => n | 1,
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' => n + 1,
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => n,
        'Ư' => n + 1,
        _ => return None,
    };
    char::from_u32(lower)
}

/// The length of the UTF-8 character `b` starts with (its first byte is not ASCII), and
/// whether it is a small Vietnamese letter, which normalisation leaves as it is: the
/// commonest non-ASCII character, told from its bytes without decoding it to a `char`
/// (tested against [`vietnamese_lower`]).
// Inlined at every caller: it sits in the byte loops of the normaliser and the vocabulary
// look-up, where a call per letter cost more than the test.
#[inline(always)]
pub(crate) fn small_letter(b: &[u8]) -> (usize, bool) {
    match *b {
        // U+0080 … U+07FF: "ß" … "ÿ" but "÷", and ă đ ĩ ũ ơ ư, all under leads C3 … C6.
        [lead @ 0xC2..=0xDF, next, ..] => {
            let word = SMALL_2.get(usize::from(lead.wrapping_sub(0xC3))).copied().unwrap_or(0);
            (2, word >> (next & 0x3F) & 1 == 1)
        }
        // U+1EA1 … U+1EF9, the odd ones: ạ … ỹ.
        [0xE1, mid @ (0xBA | 0xBB), last, ..] => {
            let word = SMALL_3.get(usize::from(mid - 0xBA)).copied().unwrap_or(0);
            (3, word >> (last & 0x3F) & 1 == 1)
        }
        [0xE0..=0xEF, ..] => (3, false),
        [0xF0..=0xF4, ..] => (4, false),
        _ => (2, false),
    }
}

/// The small letters of [`small_letter`] written with two bytes, lead C3 to C6: bit `next &
/// 0x3F` of the lead's word is set for each (one shift and test instead of range compares).
const SMALL_2: [u64; 4] = [
    // C3: U+00C0 … U+00FF, small from "ß" (U+00DF) on, but "÷" (U+00F7).
    (u64::MAX << 0x1F) & !(1 << 0x37),
    // C4: U+0100 … U+013F: ă (U+0103), đ (U+0111), ĩ (U+0129).
    1 << 0x03 | 1 << 0x11 | 1 << 0x29,
    // C5: U+0140 … U+017F: ũ (U+0169).
    1 << 0x29,
    // C6: U+0180 … U+01BF: ơ (U+01A1), ư (U+01B0).
    1 << 0x21 | 1 << 0x30,
];

/// The same for three bytes E1 BA and E1 BB (U+1E80 … U+1EFF): the odd code points from
/// U+1EA1 to U+1EF9.
const SMALL_3: [u64; 2] =
    [0xAAAA_AAAA_AAAA_AAAA & (u64::MAX << 0x21), 0xAAAA_AAAA_AAAA_AAAA & ((1 << 0x3A) - 1)];

/// Eight one-bits, one at the bottom of each byte, and eight at the top: for telling the bytes
/// of a `u64` apart eight at a time (SWAR).
pub(crate) const LOW_BITS: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `w` that are ASCII letters, each marked by its high bit: eight bytes told at
/// once instead of one by one (tested against `u8::is_ascii_alphabetic`).
#[inline]
pub(crate) fn ascii_letter_bytes(w: u64) -> u64 {
    // Setting 0x20 maps capitals onto small letters and nothing else onto them.
    let y = (w & !HIGH_BITS) | (LOW_BITS * 0x20);
    (at_least(y, b'a') & !at_least(y, b'z' + 1)) & !w & HIGH_BITS
}

/// The bytes of `w` that are ASCII letters or digits, as [`ascii_letter_bytes`] (tested against
/// `u8::is_ascii_alphanumeric`).
#[inline]
pub(crate) fn ascii_alnum_bytes(w: u64) -> u64 {
    ascii_digit_bytes(w) | ascii_letter_bytes(w)
}

/// The bytes of `w` that are ASCII digits, as [`ascii_letter_bytes`].
#[inline]
pub(crate) fn ascii_digit_bytes(w: u64) -> u64 {
    let x = w & !HIGH_BITS;
    at_least(x, b'0') & !at_least(x, b'9' + 1) & !w & HIGH_BITS
}

/// Whether `bytes` holds an ASCII digit, told eight bytes at a time (a byte loop that stops at
/// the first digit took eight instructions a byte: the heading test asks it of every line's
/// first stretch).
pub(crate) fn has_ascii_digit(bytes: &[u8]) -> bool {
    // Bytes past the text are read as 0, which is no digit.
    any_word(bytes, |w| ascii_digit_bytes(w) != 0)
}

/// Where the first ASCII digit of `bytes` is, found eight bytes at a time ([`Ctx::digit_ahead`]
/// reads on to the next digit, some forty bytes a search, and a byte loop was 2 % of a parse).
///
/// [`Ctx::digit_ahead`]: super::Ctx::digit_ahead
pub(crate) fn first_digit(bytes: &[u8]) -> Option<usize> {
    let (chunks, tail) = bytes.as_chunks::<8>();
    for (n, c) in chunks.iter().enumerate() {
        let digits = ascii_digit_bytes(u64::from_le_bytes(*c));
        if digits != 0 {
            return Some(n * 8 + (digits.trailing_zeros() / 8) as usize);
        }
    }
    tail.iter().position(u8::is_ascii_digit).map(|n| chunks.len() * 8 + n)
}

/// Whether `found` holds for one of the words of eight bytes of `bytes` (the last padded with
/// zeros): whole words are read without the test for a short one.
#[inline(always)]
fn any_word(bytes: &[u8], found: impl Fn(u64) -> bool) -> bool {
    let mut rest = bytes;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        if found(u64::from_le_bytes(*word)) {
            return true;
        }
        rest = tail;
    }
    !rest.is_empty() && found(first8(rest))
}

/// Whether `bytes` holds a bracket, "(" or ")", told eight bytes at a time as
/// [`has_ascii_digit`] (the heading test asks it before each colon of a line).
pub(crate) fn has_bracket(bytes: &[u8]) -> bool {
    // "(" and ")" differ in their lowest bit only: with it set, both read ")". Bytes past the
    // text are read as 0, which is none.
    any_word(bytes, |w| zero_bytes((w | LOW_BITS) ^ (LOW_BITS * u64::from(b')'))) != 0)
}

/// `x` (whose bytes are below 0x80) plus `0x80 - c` in every byte: a byte's high bit is set when
/// that byte of `x` is at least `c`. The byte is below 0x80 and what is added at most 0x80, so
/// nothing carries into the next byte.
#[inline]
fn at_least(x: u64, c: u8) -> u64 {
    x + LOW_BITS * u64::from(0x80 - c)
}

/// How many of the bytes of `w` (up to eight) [`Normalized::copy_simple`] copies as they stand
/// before the first it does not: ASCII other than a tab, and other than a space after a blank
/// (`blank`: the byte before `w` is one). Bytes past the text, read as 0, count as copied.
/// `TABS`: whether the text has a tab at all (most lines have none, and skip that test).
#[inline]
fn plain_ascii_bytes<const TABS: bool>(w: u64, blank: bool) -> usize {
    let spaces = zero_bytes(w ^ (LOW_BITS * u64::from(b' ')));
    let tabs = if TABS { zero_bytes(w ^ (LOW_BITS * u64::from(b'\t'))) } else { 0 };
    let after_blank = (spaces << 8) | (u64::from(blank) << 7);
    let stops = (w & HIGH_BITS) | tabs | (spaces & after_blank);
    (stops.trailing_zeros() / 8) as usize
}

/// How many bytes at the start of `bytes` are ASCII or small Vietnamese letters (see
/// [`small_letter`]). Read eight bytes at a time: only the characters outside ASCII are looked
/// at, found by their lead bytes (11xxxxxx; a continuation byte is 10xxxxxx, an ASCII one
/// 0xxxxxxx), so ASCII and the continuation bytes cost nothing each (Vietnamese text puts a
/// letter outside ASCII every few bytes, and stepping from one to the next was most of the
/// normaliser).
fn plain_prefix(bytes: &[u8]) -> usize {
    // Sixteen bytes at a time, of which the first eight are looked at: a character led in those
    // ends within the sixteen, and its bytes are read without bounds checks (a third of the
    // cost of each lead when read from the slice: 235.1k -> 232.8k instructions per typical
    // parse).
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let w = chunk.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
        let mut leads = w & (w << 1) & HIGH_BITS;
        while leads != 0 {
            // At most 8 (and 7 with a bit set): the bytes up to k + 2 are in the chunk.
            let k = (leads.trailing_zeros() / 8) as usize;
            let byte = |n: usize| chunk.get(k + n).copied().unwrap_or(0);
            if !small_bytes(byte(0), byte(1), byte(2)) {
                return i + k;
            }
            leads &= leads - 1;
        }
        i += 8;
    }
    // The last bytes: each lead read from the slice.
    while i < bytes.len() {
        // Bytes past the text, read as 0, lead nothing.
        let w = first8(bytes.get(i..).unwrap_or_default());
        // Bit 7 of each byte and bit 6 shifted up onto it: both set in a lead byte only.
        let mut leads = w & (w << 1) & HIGH_BITS;
        while leads != 0 {
            let k = i + (leads.trailing_zeros() / 8) as usize;
            if !small_letter(bytes.get(k..).unwrap_or_default()).1 {
                return k;
            }
            leads &= leads - 1;
        }
        i += 8;
    }
    bytes.len()
}

/// [`small_letter`]'s answer for a character led by `lead` with the bytes `b1` and `b2` after
/// it (those past its end may be anything).
#[inline(always)]
fn small_bytes(lead: u8, b1: u8, b2: u8) -> bool {
    // The byte whose row of SMALL holds the character, and the byte whose low six bits are
    // its place in the row: the lead and the next of two bytes, the second and third of E1 BA
    // and E1 BB (the rows do not overlap: BA and BB lead no character).
    let (row, place) = match lead {
        ..=0xDF => (lead, b1),
        0xE1 => (b1, b2),
        _ => return false,
    };
    SMALL.get(usize::from(row.wrapping_sub(0xBA))).is_some_and(|bits| bits >> (place & 0x3F) & 1 == 1)
}

/// The rows of [`small_bytes`] from BA to C6: [`SMALL_3`], none for BC to C2, [`SMALL_2`].
const SMALL: [u64; 13] =
    [SMALL_3[0], SMALL_3[1], 0, 0, 0, 0, 0, 0, 0, SMALL_2[0], SMALL_2[1], SMALL_2[2], SMALL_2[3]];

/// The bytes of `w` that are 0, each marked by its high bit. A byte's low seven bits plus 0x7F
/// set its high bit unless they are all 0, and carry into no other byte.
#[inline]
fn zero_bytes(w: u64) -> u64 {
    !((((w & !HIGH_BITS) + !HIGH_BITS) | w) | !HIGH_BITS)
}

/// A character that is NFC by itself and never combines with what follows it: ASCII, and the
/// precomposed Latin letters Vietnamese is written in.
#[inline]
fn is_nfc_char(c: char) -> bool {
    c.is_ascii() || matches!(c, '\u{A0}'..='\u{24F}' | '\u{1EA0}'..='\u{1EF9}')
}

/// What a character becomes before case folding: dashes one dash, blanks one space, curly
/// quotes straight ones; `None` for a zero-width character, which is dropped.
fn fold(c: char) -> Option<char> {
    Some(match c {
        // Dash variants: hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        // Blanks of every width become one space; runs fold where they are pushed.
        // A line break inside a stretch is a line wrapped in the middle of a sentence (see
        // `document::chunks`).
        '\t' | '\n' | '\r' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
        '\u{200b}' | '\u{feff}' => return None, // zero-width: drop
        '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        _ => c,
    })
}

/// The one character a non-ASCII `c` becomes when it keeps its length in bytes (a Vietnamese
/// capital's small letter, or `c` itself: a bullet, an emoji); `None` when normalising it
/// changes its length or folds it (dashes, blanks, quotes), so later bytes would move.
fn same_length_lower(c: char) -> Option<char> {
    if fold(c) != Some(c) {
        return None;
    }
    let l = match vietnamese_lower(c) {
        Some(l) => l,
        None => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => return None,
            }
        }
    };
    (l.len_utf8() == c.len_utf8()).then_some(l)
}

/// A character that is NFC by itself and is a starter (combining class 0): bullets, emoji
/// section markers, dashes and quotes. A line of starters that are each NFC is NFC (nothing
/// composes with a starter that follows it, nor reorders), so such characters keep a line on
/// the fast path; a combining mark or a character that may compose sends it to the slow one.
fn is_nfc_starter(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// An input offset as stored in the map (inputs past 4 GiB saturate; lines are read in chunks
/// far below that, but a whole input's offsets are not).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// A normalised stretch of the input.
#[derive(Debug, Default)]
pub struct Normalized {
    /// Lower-case, NFC, dashes folded to `-`, runs of blanks folded to one space.
    pub text: String,
    /// `map[i]` is the input offset that normalised byte `i` came from: of the byte itself
    /// when it was copied as it stands, of the character or cluster it was made from otherwise;
    /// `map[text.len()]` is the input offset just past the stretch. Only character boundaries of
    /// `text` are looked up. Empty while `identity` holds.
    map: Vec<u32>,
    /// Every byte of `text` stands where its input byte stood: normalised offset `i` is input
    /// offset `base + i`, and `map` is not written (most lines only lose their capitals, which
    /// keep their length; writing four bytes of map per byte was a tenth of the normaliser).
    identity: bool,
    /// The input offset of the stretch.
    base: usize,
}

impl Normalized {
    /// An empty buffer with room for a stretch of `len` bytes of text.
    pub fn with_capacity(len: usize) -> Self {
        Normalized {
            text: String::with_capacity(len),
            // Written only once a line leaves `identity`, which reserves it then.
            map: Vec::new(),
            identity: false,
            base: 0,
        }
    }

    /// Normalises `input[base..base + slice.len()]`, given as `slice`.
    pub fn new(slice: &str, base: usize) -> Self {
        let mut out = Normalized::default();
        out.reset(slice, base);
        out
    }

    /// Normalises `slice` (at input offset `base`) into this buffer, replacing what it held:
    /// the parser reads line after line through one buffer instead of allocating per line.
    pub fn reset(&mut self, slice: &str, base: usize) {
        self.text.clear();
        self.map.clear();
        self.identity = true;
        self.base = base;
        self.text.reserve(slice.len());
        // Text in ASCII and precomposed Vietnamese letters is NFC as it stands (tested): it is
        // copied in one pass over the bytes. At the first other character, start again and let
        // the Unicode quick check decide.
        if !self.copy_simple(slice, base) {
            self.text.clear();
            self.map.clear();
            self.identity = false;
            if is_nfc_quick(slice.chars()) == IsNormalized::Yes {
                for (i, c) in slice.char_indices() {
                    self.push_char(c, base + i);
                }
            } else {
                self.compose(slice, base);
            }
        }
        if !self.identity {
            self.map.push(u32::try_from(base + slice.len()).unwrap_or(u32::MAX));
        }
    }

    /// Writes the map of the text so far (all of it copied in place) and stops [`identity`]:
    /// called before the first change that moves a byte.
    ///
    /// [`identity`]: Normalized::identity
    fn leave_identity(&mut self) {
        if self.identity {
            self.identity = false;
            self.map.reserve(self.text.capacity() + 1);
            let len = self.text.len();
            self.copy_offsets(self.base, self.base + len);
        }
    }

    /// Maps the next normalised bytes to input offsets `a..b`, one each.
    fn copy_offsets(&mut self, a: usize, b: usize) {
        match (u32::try_from(a), u32::try_from(b)) {
            (Ok(start), Ok(end)) => self.map.extend(start..end),
            _ => self.map.extend((a..b).map(offset)),
        }
    }

    /// The fast path of [`Normalized::reset`]: `false` (and a partly filled buffer) at the
    /// first character that is not [`is_nfc_char`].
    ///
    /// Most bytes are copied as they stand (ASCII, a single blank, small Vietnamese letters):
    /// they are gathered into runs, each copied at once with its offsets, and ASCII capitals
    /// are lowered over the whole text at the end. Only blanks that fold and characters that
    /// change (capitals outside ASCII, dashes, quotes, odd blanks) are handled one by one.
    fn copy_simple(&mut self, slice: &str, base: usize) -> bool {
        let bytes = slice.as_bytes();
        // Line breaks are folded by the slow path: they are only inside a wrapped line. Tabs
        // and breaks are looked for in one search (a line has none of them, mostly), breaks
        // again after a tab (232.8k -> 232.1k instructions per typical parse).
        let tab = match memchr::memchr3(b'\t', b'\n', b'\r', bytes) {
            None => false,
            Some(k) if bytes.get(k) == Some(&b'\t') => {
                let after = bytes.get(k + 1..).unwrap_or_default();
                if memchr::memchr2(b'\n', b'\r', after).is_some() {
                    return false;
                }
                true
            }
            Some(_) => return false,
        };
        // Built once: building the searcher for each line cost more than the search.
        static TWO_BLANKS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  ").into_owned());
        if tab {
            self.copy_simple_with::<true>(slice, base)
        } else if TWO_BLANKS.find(bytes).is_some() {
            self.copy_simple_with::<false>(slice, base)
        } else {
            self.copy_plain(slice, base)
        }
    }

    /// [`Normalized::copy_simple`] of a text with no tab and no two ASCII blanks in a row (most
    /// lines). Every ASCII byte is then copied as it stands but a blank right after a blank,
    /// which can only come first or after a blank folded from a character outside ASCII: the
    /// bytes up to the next character other than ASCII or a small letter are passed over at
    /// once ([`plain_prefix`]), and only that character is looked at.
    fn copy_plain(&mut self, slice: &str, base: usize) -> bool {
        let bytes = slice.as_bytes();
        let mut run = 0; // start of the bytes waiting to be copied as they stand
        let mut i = 0;
        loop {
            // At the start, or right after a character handled below (nothing waits then).
            if run == i
                && bytes.get(i) == Some(&b' ')
                && self.text.as_bytes().last().is_none_or(|&l| l == b' ')
            {
                self.leave_identity();
                i += 1;
                run = i;
            }
            i += plain_prefix(bytes.get(i..).unwrap_or_default());
            let Some(c) = slice.get(i..).and_then(|s| s.chars().next()) else { break };
            if !self.copy_other(slice, base, run, i, c) {
                return false;
            }
            i += c.len_utf8();
            run = i;
        }
        self.copy_run(slice, base, run, bytes.len());
        self.text.make_ascii_lowercase();
        true
    }

    /// One character at byte `i` that the fast paths do not pass over (outside ASCII, no small
    /// letter): the run waiting since `run` is copied, then the character, in place when it
    /// keeps its length (a capital's small letter, a bullet) or through `push_other`. `false`
    /// when `c` may not be NFC as it stands: the caller gives up and the slow path starts again.
    #[inline(always)]
    fn copy_other(&mut self, slice: &str, base: usize, run: usize, i: usize, c: char) -> bool {
        if !is_nfc_char(c) && !is_nfc_starter(c) {
            return false;
        }
        self.copy_run(slice, base, run, i);
        match same_length_lower(c) {
            Some(l) if self.identity => self.text.push(l),
            _ => {
                self.leave_identity();
                self.push_other(c, base + i);
            }
        }
        true
    }

    /// [`Normalized::copy_simple`] of a text with tabs (`TABS`) or without.
    fn copy_simple_with<const TABS: bool>(&mut self, slice: &str, base: usize) -> bool {
        let bytes = slice.as_bytes();
        let mut run = 0; // start of the bytes waiting to be copied as they stand
        // Whether the text (with the waiting run) is empty or ends in a blank: a blank there
        // is dropped.
        let mut blank = self.text.as_bytes().last().is_none_or(|&l| l == b' ');
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                // Up to eight bytes copied as they stand (ASCII, and no tab nor blank after a
                // blank) found at once and left in the run: most bytes, told without a branch
                // on each.
                let plain = plain_ascii_bytes::<TABS>(first8(bytes.get(i..).unwrap_or_default()), blank);
                let plain = plain.min(bytes.len() - i);
                if plain > 0 {
                    i += plain;
                    blank = bytes.get(i - 1) == Some(&b' ');
                    continue;
                }
                match b {
                    b' ' if blank => {
                        self.copy_run(slice, base, run, i);
                        self.leave_identity();
                        run = i + 1;
                    }
                    b'\t' => {
                        self.copy_run(slice, base, run, i);
                        if blank {
                            self.leave_identity();
                        } else {
                            // A space in the tab's place: still in place.
                            self.text.push(' ');
                            if !self.identity {
                                self.map.push(offset(base + i));
                            }
                        }
                        run = i + 1;
                    }
                    _ => {}
                }
                blank = b == b' ' || b == b'\t';
                i += 1;
                continue;
            }
            let (len, small) = small_letter(bytes.get(i..).unwrap_or_default());
            if !small {
                let Some(c) = slice.get(i..).and_then(|s| s.chars().next()) else { return false };
                if !self.copy_other(slice, base, run, i, c) {
                    return false;
                }
                run = i + len;
                blank = self.text.as_bytes().last().is_none_or(|&l| l == b' ');
            } else {
                blank = false;
            }
            i += len;
        }
        self.copy_run(slice, base, run, bytes.len());
        self.text.make_ascii_lowercase();
        true
    }

    /// Copies `slice[a..b]` as it stands, each byte mapped to its own input offset.
    fn copy_run(&mut self, slice: &str, base: usize, a: usize, b: usize) {
        if let Some(run) = slice.get(a..b) {
            self.text.push_str(run);
            if !self.identity {
                self.copy_offsets(base + a, base + b);
            }
        }
    }

    /// The slow path: compose each cluster (a base and its combining marks) to NFC.
    fn compose(&mut self, slice: &str, base: usize) {
        let mut iter = slice.char_indices().peekable();
        let mut buf = String::new();
        while let Some((i, c)) = iter.next() {
            let at = base + i;
            buf.clear();
            buf.push(c);
            while let Some(&(_, m)) = iter.peek() {
                if !is_combining_mark(m) {
                    break;
                }
                buf.push(m);
                iter.next();
            }
            for composed in buf.nfc() {
                self.push_char(composed, at);
            }
        }
    }

    // Called for every character of the input: inlined into the copy loops.
    #[inline(always)]
    fn push_char(&mut self, c: char, at: usize) {
        // Most characters are ASCII other than a tab: lower-cased, blanks folded, nothing else.
        if c.is_ascii() && !matches!(c, '\t' | '\n' | '\r') {
            if c == ' ' && self.text.as_bytes().last().is_none_or(|&b| b == b' ') {
                return;
            }
            self.text.push(c.to_ascii_lowercase());
            self.map.push(u32::try_from(at).unwrap_or(u32::MAX));
            return;
        }
        self.push_other(c, at);
    }

    fn push_other(&mut self, c: char, at: usize) {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        let Some(folded) = fold(c) else { return };
        if folded == ' ' && (self.text.is_empty() || self.text.ends_with(' ')) {
            return;
        }
        if folded.is_ascii() {
            self.text.push(folded.to_ascii_lowercase());
            self.map.push(at);
            return;
        }
        if let Some(l) = vietnamese_lower(folded) {
            self.text.push(l);
            for _ in 0..l.len_utf8() {
                self.map.push(at);
            }
            return;
        }
        for l in folded.to_lowercase() {
            let before = self.text.len();
            self.text.push(l);
            for _ in before..self.text.len() {
                self.map.push(at);
            }
        }
    }

    /// The input offset of normalised offset `i` (a start).
    pub fn start(&self, i: usize) -> usize {
        // An offset inside a character counts as that character's start.
        let mut i = i.min(self.text.len());
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        if self.identity {
            return self.base + i;
        }
        self.map.get(i).or(self.map.last()).copied().unwrap_or(0) as usize
    }

    /// The input offset just past normalised offset `i - 1` (an end): the start of the next
    /// cluster, so an end never falls inside a character of the input.
    pub fn end(&self, i: usize) -> usize {
        // An offset inside a character counts as that character's end.
        let mut i = i.min(self.text.len());
        while !self.text.is_char_boundary(i) {
            i += 1;
        }
        if self.identity {
            // Each character stands alone where it stood: its end is the next one's start.
            return self.base + i;
        }
        if i == 0 {
            return self.start(0);
        }
        let last = self.start(i - 1);
        // Skip forward over bytes of the same cluster.
        let mut j = i;
        while j < self.map.len() && self.map.get(j).copied().unwrap_or(0) as usize == last {
            j += 1;
        }
        self.start(j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_prefix_stops_at_the_first_other_character() {
        // The characters `plain_prefix` passes over, told one by one.
        let by_chars = |s: &str| -> usize {
            s.chars()
                .take_while(|&c| c.is_ascii() || vietnamese_lower(c) == Some(c))
                .map(char::len_utf8)
                .sum()
        };
        let pool: Vec<char> = "aAz09 .:-\tđĐăĂơƠưƯạẠỹỸàÀßÿ÷éÉếŨĩ•…–°😀\u{a0}\u{300}ā".chars().collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed
            };
            let len = next() % 24;
            let s: String =
                (0..len).filter_map(|_| pool.get((next() % pool.len() as u64) as usize)).collect();
            assert_eq!(plain_prefix(s.as_bytes()), by_chars(&s), "{s:?}");
        }
    }

    #[test]
    fn digits_and_brackets_told_eight_bytes_at_a_time() {
        let bytes: Vec<u8> = (0..=255).collect();
        for a in 0..bytes.len() {
            for len in [0, 1, 7, 8, 9, 17] {
                let s = bytes.get(a..(a + len).min(bytes.len())).unwrap_or_default();
                assert_eq!(has_ascii_digit(s), s.iter().any(u8::is_ascii_digit), "{s:?}");
                assert_eq!(first_digit(s), s.iter().position(u8::is_ascii_digit), "{s:?}");
                assert_eq!(has_bracket(s), s.iter().any(|&b| b == b'(' || b == b')'), "{s:?}");
            }
        }
    }

    #[test]
    fn folds_case_dashes_and_blanks() {
        let n = Normalized::new("Gió  CẤP 3\u{2013}4", 0);
        assert_eq!(n.text, "gió cấp 3-4");
    }

    #[test]
    fn composes_decomposed_vietnamese_and_maps_back() {
        // "Mưa" with the hook written as a combining mark after "u".
        let input = "Mu\u{031b}a to";
        let n = Normalized::new(input, 10);
        assert_eq!(n.text, "mưa to");
        let to = n.text.find("to").unwrap_or(0);
        assert_eq!(n.start(to), 10 + input.find("to").unwrap_or(0));
        assert_eq!(n.end(n.text.len()), 10 + input.len());
        // "ư" composed from two input chars: its end is past the combining mark.
        assert_eq!(n.end(n.text.find('a').unwrap_or(0)), 10 + "Mu\u{031b}".len());
    }

    #[test]
    fn copied_and_changed_characters_map_back() {
        // Copied runs, a folded tab and blank run, a capital, a dash: every character boundary
        // of the text maps to the input character it came from, and an offset inside a
        // character counts as that character.
        let input = "Gió\tĐông  BẮC 3\u{2013}4 đều";
        let n = Normalized::new(input, 5);
        assert_eq!(n.text, "gió đông bắc 3-4 đều");
        let pairs = [("gió", "Gió"), ("đông", "Đông"), ("bắc", "BẮC"), ("-", "\u{2013}"), ("đều", "đều")];
        for (norm, orig) in pairs {
            let (a, b) = (n.text.find(norm).unwrap_or(0), input.find(orig).unwrap_or(0));
            assert_eq!(n.start(a), 5 + b, "{norm}");
            assert_eq!(n.end(a + norm.len()), 5 + b + orig.len(), "{norm}");
        }
        let d = n.text.find("đều").unwrap_or(0);
        assert_eq!(n.start(d + 1), n.start(d));
        assert_eq!(n.end(d + 1), n.end(d + "đ".len()));
    }

    /// The slow path's answer for NFC text: every character pushed one by one, with the map
    /// written for every byte.
    fn char_by_char(slice: &str, base: usize) -> Normalized {
        let mut n = Normalized::default();
        for (i, c) in slice.char_indices() {
            n.push_char(c, base + i);
        }
        n.map.push(offset(base + slice.len()));
        n
    }

    proptest::proptest! {
        #[test]
        fn in_place_lines_map_back_like_the_written_map(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Gió", " ", "  ", "\t", "ĐÔNG", "bắc", "Ư", "ỹ", "Ạ", "–", "\u{a0}", "•", "📍",
                "⚠\u{fe0f}", "\u{200b}", "’", "3", ".", "Ⱥ", "ẞ", "İ", "\u{1680}", "x",
            ]), 0..12),
            base in 0usize..100,
        ) {
            let line: String = parts.concat();
            let fast = Normalized::new(&line, base);
            let slow = char_by_char(&line, base);
            proptest::prop_assert_eq!(&fast.text, &slow.text);
            for i in 0..=fast.text.len() + 1 {
                proptest::prop_assert_eq!(fast.start(i), slow.start(i), "start({}) of {:?}", i, line);
                proptest::prop_assert_eq!(fast.end(i), slow.end(i), "end({}) of {:?}", i, line);
            }
        }
    }

    #[test]
    fn capitals_keep_a_line_in_place() {
        let n = Normalized::new("Gió ĐÔNG BẮC • cấp 3", 7);
        assert!(n.identity);
        assert_eq!(n.text, "gió đông bắc • cấp 3");
        let changed = Normalized::new("Gió  cấp 3–4", 7);
        assert!(!changed.identity);
    }

    #[test]
    fn ascii_byte_classes_agree_with_std() {
        // Every byte at every place among neighbours at the edges of the ranges tested.
        let others = [
            0x00, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xC3,
            0xFF,
        ];
        for b in 0..=255u8 {
            for place in 0..8 {
                for &other in &others {
                    let mut bytes = [other; 8];
                    bytes[place] = b;
                    let w = u64::from_le_bytes(bytes);
                    let (alnum, letter) = (ascii_alnum_bytes(w), ascii_letter_bytes(w));
                    for (n, &x) in bytes.iter().enumerate() {
                        assert_eq!(alnum >> (8 * n) & 0xFF == 0x80, x.is_ascii_alphanumeric(), "{bytes:?}");
                        assert_eq!(letter >> (8 * n) & 0xFF == 0x80, x.is_ascii_alphabetic(), "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn plain_ascii_bytes_agree_with_a_byte_by_byte_count() {
        // Every arrangement of eight bytes from those at the edges of what the count tells apart,
        // after a blank and not.
        let edges = [0x00, 0x08, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x41, 0x61, 0x7F, 0x80, 0xC3, 0xFF];
        let mut n = 0usize;
        while n < edges.len().pow(4) {
            let mut bytes = [b'a'; 8];
            for (k, slot) in bytes.iter_mut().enumerate().take(4) {
                *slot = edges[n / edges.len().pow(k as u32) % edges.len()];
            }
            // The four varied bytes at the start and, rotated, at the end.
            for bytes in [bytes, {
                let mut r = bytes;
                r.rotate_left(4);
                r
            }] {
                for blank in [false, true] {
                    let mut before = blank;
                    let slow = bytes
                        .iter()
                        .take_while(|&&b| {
                            let plain = b.is_ascii() && b != b'\t' && !(b == b' ' && before);
                            before = b == b' ';
                            plain
                        })
                        .count();
                    assert_eq!(
                        plain_ascii_bytes::<true>(u64::from_le_bytes(bytes), blank),
                        slow,
                        "{bytes:?} {blank}"
                    );
                    // Without a tab, the count that skips the tab test agrees.
                    if !bytes.contains(&b'\t') {
                        assert_eq!(plain_ascii_bytes::<false>(u64::from_le_bytes(bytes), blank), slow);
                    }
                }
            }
            n += 1;
        }
    }

    #[test]
    fn small_letters_from_three_bytes() {
        // Every character, with the bytes after it in the text and without (the end of the
        // text, read as 0).
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            for tail in [&b""[..], b"a", "\u{e0}ab".as_bytes()] {
                let text = [bytes, tail, &[0, 0]].concat();
                let (lead, b1, b2) = (text[0], text[1], text[2]);
                assert_eq!(small_bytes(lead, b1, b2), small_letter(&text).1, "{c:?} {tail:?}");
            }
        }
    }

    #[test]
    fn small_letters_from_bytes() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let (len, small) = small_letter(c.encode_utf8(&mut buf).as_bytes());
            assert_eq!(len, c.len_utf8(), "{c:?}");
            assert_eq!(small, vietnamese_lower(c) == Some(c), "{c:?}");
        }
    }

    #[test]
    fn fast_nfc_characters_are_nfc() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_nfc_char(c)) {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            // And nothing composes with a following ASCII letter or digit.
            let s: String = [c, 'a'].iter().collect();
            assert_eq!(s.nfc().collect::<String>(), s, "{c:?}");
        }
    }

    #[test]
    fn lines_with_symbols_stay_on_the_fast_path_and_agree_with_nfc() {
        // Emoji section markers, bullets and warning signs (with their variation selector)
        // keep a line on the fast path; the text is what NFC of the whole line gives.
        let mut fast = Normalized::default();
        assert!(fast.copy_simple("📍 Dự báo: • mưa ⚠️ lốc – gió", 0));
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_nfc_starter(c)) {
            let line: String = ['Ạ', c, 'ỹ', c, 'a', c, ' ', c].iter().collect();
            let mut fast = Normalized::default();
            assert!(fast.copy_simple(&line, 0), "{c:?}");
            let mut whole = Normalized::default();
            for (i, ch) in line.nfc().collect::<String>().char_indices() {
                whole.push_char(ch, i);
            }
            assert_eq!(fast.text, whole.text, "{c:?}");
            // A combining mark after it leaves the fast path.
            let marked: String = [c, '\u{301}'].iter().collect();
            assert!(!Normalized::default().copy_simple(&marked, 0), "{c:?}");
        }
    }

    #[test]
    fn skip_blanks_is_trim_start() {
        let mut texts: Vec<String> =
            ["", " ", "   a b", "  \u{a0}x", " \u{2028} y", "\t z", " \u{b}v", "đ", "  ở đây", " \u{1c}k"]
                .iter()
                .map(|t| (*t).to_owned())
                .collect();
        // Every character once after one and two spaces.
        texts.extend(
            (0..=0x3000u32).filter_map(char::from_u32).flat_map(|c| [format!(" {c}x"), format!("  {c}")]),
        );
        for t in &texts {
            assert_eq!(t.skip_blanks(), t.trim_start(), "{t:?}");
        }
    }

    #[test]
    fn trim_blanks_is_trim() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for t in [format!("{c}"), format!("{c}a{c}"), format!(" {c}"), format!("a{c}"), format!("{c}ạ b")]
            {
                assert_eq!(t.trim_blanks(), t.trim(), "{t:?}");
            }
        }
        assert_eq!("".trim_blanks(), "");
    }

    #[test]
    fn fast_paths_agree_with_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_blank(c), c.is_whitespace(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            if let Some(l) = vietnamese_lower(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
        // Every Vietnamese letter takes the fast path.
        for c in "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
            .chars()
        {
            if !c.is_ascii() {
                assert!(vietnamese_lower(c).is_some(), "{c:?}");
                assert!(c.to_uppercase().all(|u| vietnamese_lower(u).is_some()), "{c:?}");
            }
        }
    }
}
