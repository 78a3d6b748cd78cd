//! Numbers, ranges, units and levels: the quantities every phenomenon shares.
//!
//! Rules read normalised text (lower case, `-` for every dash, single spaces). Each function is
//! one rule of `grammars/bulletin.ebnf`, with its production quoted above it.

use nom::Parser;
use nom::combinator::opt;

use super::lexicon::{Candidates, Cat, CatOrder, CatSet};
use super::normalize::{SkipBlanks, is_word_char};
use super::{Ctx, PResult};
use crate::bulletin::Range;

/// The unit a value is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    None,
    Celsius,
    Percent,
    Mm,
    M,
    Cm,
    Km,
    Kmh,
    Ms,
}

/// A value as written: a range, its unit, and an accumulation period ("/24h").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    pub range: Range,
    pub unit: Unit,
    pub hours: Option<u32>,
}

/// Skips blanks (normalisation leaves single spaces). Every rule starts with it, so it looks
/// at bytes rather than going through a general combinator.
#[inline]
pub fn ws(i: &str) -> PResult<'_, ()> {
    let n = i.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    Ok((i.get(n..).unwrap_or(""), ()))
}

/// Whether `i` starts with an ASCII digit, told from its first byte (asked at most numbers
/// and words a rule passes, where a `char` pattern decoded the first character; with the
/// byte tests of `am_pm` and `number_unit`, 231.1k -> 230.4k instructions per typical parse).
#[inline(always)]
pub fn starts_digit(i: &str) -> bool {
    i.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Matches the longest phrase of `cat` after blanks.
pub fn lex<'a>(cx: &Ctx<'_>, cat: Cat, i: &'a str) -> PResult<'a, &'static str> {
    let (i, ()) = ws(i)?;
    match cx.longest(cat, i) {
        Some((v, rest)) => Ok((rest, v)),
        None => Err(nom::Err::Error(())),
    }
}

/// The longest number text that `number` reads: the digits, and a decimal part when one follows.
const MAX_NUMBER: usize = 12;

// number = digit , { digit } , [ ( "," | "." ) , digit , { digit } ] ;
pub fn number(i: &str) -> PResult<'_, f64> {
    let (i, ()) = ws(i)?;
    let bytes = i.as_bytes();
    // The whole part, its value read while its digits are counted (most numbers are whole:
    // one pass over their digits, where counting them and folding them again were two).
    // Wrapping: past twelve digits the number is refused below and its value not used.
    // (230.4k -> 229.7k instructions per typical parse.)
    let mut whole = 0u64;
    let mut int = 0;
    while let Some(d) = bytes.get(int).map(|b| b.wrapping_sub(b'0')).filter(|&d| d < 10) {
        whole = whole.wrapping_mul(10).wrapping_add(u64::from(d));
        int += 1;
    }
    if int == 0 {
        return Err(nom::Err::Error(()));
    }
    let frac = match bytes.get(int) {
        Some(b',' | b'.') => {
            bytes.get(int + 1..).map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count())
        }
        _ => 0,
    };
    if frac == 0 {
        // A whole number: its digits, exactly (twelve digits are far below 2^53).
        if int > MAX_NUMBER {
            return Err(nom::Err::Error(()));
        }
        return Ok((i.get(int..).unwrap_or(""), whole as f64));
    }
    let end = int + 1 + frac;
    if end > MAX_NUMBER {
        return Err(nom::Err::Error(()));
    }
    // A decimal comma reads as a point: "1,5" is 1.5. Four digits after a point are a
    // thousands separator nobody uses in bulletins; read them as a decimal all the same.
    let mut buf = [0u8; MAX_NUMBER];
    for (d, &s) in buf.iter_mut().zip(bytes.iter().take(end)) {
        *d = if s == b',' { b'.' } else { s };
    }
    let text = buf.get(..end).and_then(|b| std::str::from_utf8(b).ok()).ok_or(nom::Err::Error(()))?;
    let v: f64 = text.parse().map_err(|_| nom::Err::Error(()))?;
    Ok((i.get(end..).unwrap_or(""), v))
}

// range_sep = "-" | "đến" | "tới" | "to" | "and" ;
fn range_sep<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, ()> {
    let (i, ()) = ws(i)?;
    if let Some(rest) = i.strip_prefix('-') {
        return Ok((rest, ()));
    }
    let (i, _) = lex(cx, Cat::RainIntensityJoin, i)?;
    Ok((i, ()))
}

/// Whether `rest`, after a pair of numbers, says they go one each to things named before them.
fn respectively(rest: &str) -> bool {
    let rest = rest.skip_blanks();
    let rest = rest.strip_prefix(',').unwrap_or(rest).skip_blanks();
    rest.starts_with("respectively") || rest.starts_with("tương ứng")
}

// unit = deg_unit | percent_unit | speed_unit | mm_unit | cm_unit | km_unit | m_unit ;
pub fn unit<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Unit> {
    let (i, ()) = ws(i)?;
    // No unit but "%" starts with an ASCII mark (tested below): after most numbers that are
    // no reading by themselves ("25-27", "2-3,", "16/5") the vocabulary need not be asked.
    if i.as_bytes().first().is_some_and(|&b| b.is_ascii_punctuation() && b != b'%') {
        return Err(nom::Err::Error(()));
    }
    // Longest first across the unit categories ("km/h" before "km" before "m"), the first of
    // them on equal length: one pass over the phrases at `i` where a question per category
    // compared them seven times (231.3k -> 231.1k instructions per typical parse).
    let (cat, v, rest) = cx.vocab(i).longest_of(&UNITS, i).ok_or(nom::Err::Error(()))?;
    let u = match cat {
        Cat::SpeedUnit if v == "ms" => Unit::Ms,
        Cat::SpeedUnit => Unit::Kmh,
        Cat::DegUnit => Unit::Celsius,
        Cat::PercentUnit => Unit::Percent,
        Cat::MmUnit => Unit::Mm,
        Cat::CmUnit => Unit::Cm,
        Cat::KmUnit => Unit::Km,
        _ => Unit::M,
    };
    Ok((rest, u))
}

/// The categories of [`unit`], by priority on equal length.
static UNITS: CatOrder = CatOrder::new(&[
    Cat::SpeedUnit,
    Cat::DegUnit,
    Cat::PercentUnit,
    Cat::MmUnit,
    Cat::CmUnit,
    Cat::KmUnit,
    Cat::MUnit,
]);

// mangled_degree = digit , { digit } , "0c" ;  (* "200C" is 20 °C with the sign lost *)
fn mangled_degree(raw: f64, after: &str) -> Option<(f64, &str)> {
    let rest = after.strip_prefix('c')?;
    if rest.chars().next().is_some_and(is_word_char) {
        return None;
    }
    (raw.fract() == 0.0 && raw > 60.0 && (raw as i64) % 10 == 0).then_some((raw / 10.0, rest))
}

/// The end of a range "a-b0c" whose degree sign became a 0 ("3-50c", "1-30c"): `b` of two
/// digits (`mangled_degree` reads three), which divided by ten is at least `a`, a one-digit
/// start. `None` for any other range.
fn mangled_degree_after(a: f64, b: f64, after: &str) -> Option<(f64, &str)> {
    let rest = after.strip_prefix('c')?;
    let whole = |x: f64| x.fract() == 0.0;
    let fits = whole(a)
        && whole(b)
        && (0.0..10.0).contains(&a)
        && (10.0..=60.0).contains(&b)
        && (b as i64) % 10 == 0;
    (fits && b / 10.0 >= a && !rest.starts_with(is_word_char)).then_some((b / 10.0, rest))
}

// number_unit = mangled_degree | [ minus ] , number , [ unit ] ;
fn number_unit<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, (f64, Unit)> {
    let (i, ()) = ws(i)?;
    // Most numbers start with their digit: the sign is looked for only before anything else.
    let signed = if starts_digit(i) { None } else { minus(i) };
    let (i, negative) = match signed {
        Some(rest) => (rest, true),
        None => (i, false),
    };
    let (rest, v) = number(i)?;
    let v = if cx.lang == crate::bulletin::Language::En { thousands(i, rest).unwrap_or(v) } else { v };
    let (i, v) = (rest, if negative { -v } else { v });
    if let Some((v, rest)) = mangled_degree(v, i) {
        return Ok((rest, (v, Unit::Celsius)));
    }
    // "24 giờ", "7h05", "1pm", "13:00" are times, not values.
    if super::phrase::am_pm(i).is_ok() || i.strip_prefix(':').is_some_and(starts_digit) {
        return Err(nom::Err::Error(()));
    }
    // Normalised text has single spaces: at most one to pass.
    let after = i.strip_prefix(' ').unwrap_or(i);
    // "10 ngày tới", "3 days", "in the past 30 years", "2 tuần": a count of days, weeks or
    // years is no value.
    let counted = || COUNTED.iter().find_map(|w| after.strip_prefix(w));
    if matches!(after.as_bytes().first(), Some(b'n' | b'd' | b'y' | b'w' | b't'))
        && counted().is_some_and(|r| !r.starts_with(is_word_char))
    {
        return Err(nom::Err::Error(()));
    }
    if i.starts_with('h') && !i.starts_with("ha") || after.starts_with("giờ") || after.starts_with("hour") {
        let unit_ok = unit(cx, i).is_ok_and(|(_, u)| u == Unit::Kmh);
        if !unit_ok {
            return Err(nom::Err::Error(()));
        }
    }
    match unit(cx, i) {
        Ok((rest, u)) => Ok((rest, (v, u))),
        Err(_) => Ok((i, (v, Unit::None))),
    }
}

/// What a number counts when it is no value ([`number_unit`]); longer words first.
const COUNTED: [&str; 9] = ["ngày", "days", "day", "năm", "years", "year", "tuần", "weeks", "week"];

// minus = "-" | "minus " | "âm " ;   (* before a digit: "-0,5 độ C", "minus 1.5 degrees" *)
/// The text after a minus sign that stands right before a digit.
// Asked at every item: its first byte settles most ("-", "m", and "â" of "âm").
#[inline(always)]
pub fn minus(i: &str) -> Option<&str> {
    if !matches!(i.as_bytes().first(), Some(b'-' | b'm' | 0xC3)) {
        return None;
    }
    let rest = i.strip_prefix('-').or_else(|| i.strip_prefix("minus ")).or_else(|| i.strip_prefix("âm "))?;
    starts_digit(rest).then_some(rest)
}

/// A number English writes with a thousands comma ("1,200 mm", "12,500"): `text` is where the
/// number starts and `rest` where it ended; `None` for any other number (Vietnamese writes a
/// decimal comma, "135,6mm", and is not asked).
fn thousands(text: &str, rest: &str) -> Option<f64> {
    let written = text.get(..text.len() - rest.len())?;
    let (high, low) = written.split_once(',')?;
    let grouped = (1..=3).contains(&high.len()) && !high.starts_with('0') && low.len() == 3;
    grouped.then(|| format!("{high}{low}").parse().ok()).flatten()
}

// range = number_unit , [ range_sep , number_unit ] ;
pub fn range<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, (Range, Unit)> {
    let start = i;
    let (i, (a, ua)) = number_unit(cx, i)?;
    let Ok((after_sep, ())) = range_sep(cx, i) else {
        return Ok((i, (Range::single(a), ua)));
    };
    match number_unit(cx, after_sep) {
        // "40.5 and 39.8 degrees respectively", "210mm và 185mm tương ứng": two values, each of
        // its own place; the first takes the unit said after the second.
        Ok((rest, (_, ub))) if !i.skip_blanks().starts_with('-') && respectively(rest) => {
            let u = if ua == Unit::None { ub } else { ua };
            return Ok((i, (Range::single(a), u)));
        }
        Ok((rest, (b, ub))) => {
            // "3-50C" is 3 to 5 °C with the degree sign read as a 0 (as "18-200C" is 18 to 20):
            // no air temperature spans 3 to 50 degrees.
            if ub == Unit::None
                && let Some((b, rest)) = mangled_degree_after(a, b, rest)
            {
                return Ok((rest, (Range::new(Some(a), Some(b)), Unit::Celsius)));
            }
            // A range is written low to high; "17-5" is a date.
            if b < a {
                return Err(nom::Err::Error(()));
            }
            // "between 10km and 15km per hour": the speed unit at the end is the range's.
            if ub == ua || ua == Unit::None || ub == Unit::None || (ua, ub) == (Unit::Km, Unit::Kmh) {
                let u = if ub == Unit::None { ua } else { ub };
                return Ok((rest, (Range::new(Some(a.min(b)), Some(a.max(b))), u)));
            }
        }
        // "72 đến 120 giờ": a count of hours (the second number is refused as a time), of which
        // the first number is no value by itself.
        Err(_) if ua == Unit::None => {
            if hours_count(cx, start).is_ok_and(|(_, (_, span))| span) {
                return Err(nom::Err::Error(()));
            }
        }
        Err(_) => {}
    }
    Ok((i, (Range::single(a), ua)))
}

// hours_count = number , [ range_sep , number ] , ( "giờ" | "hours" ) ;
/// The last number of the count, and whether it is a span of two.
pub fn hours_count<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, (f64, bool)> {
    let (i, first) = number(i)?;
    let (i, second) = opt((|i| range_sep(cx, i), number)).parse(i)?;
    let (i, ()) = ws(i)?;
    let rest = i.strip_prefix("giờ").or_else(|| i.strip_prefix("hours")).ok_or(nom::Err::Error(()))?;
    if rest.chars().next().is_some_and(is_word_char) {
        return Err(nom::Err::Error(()));
    }
    Ok((rest, (second.map_or(first, |(_, n)| n), second.is_some())))
}

// per_hours = "/" , number , ( "h" | "giờ" ) ;
// Asked after every value, most of them followed by no "/": blanks and digits on bytes, where
// nom's `space0` and `take_while1` decoded characters (228.8k -> 228.3k instructions per typical
// parse).
fn per_hours(i: &str) -> PResult<'_, u32> {
    let (i, ()) = ws(i)?;
    let i = i.strip_prefix('/').ok_or(nom::Err::Error(()))?;
    let (i, ()) = ws(i)?;
    let digits = i.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Err(nom::Err::Error(()));
    }
    let (n, i) = i.split_at_checked(digits).ok_or(nom::Err::Error(()))?;
    let (i, ()) = ws(i)?;
    let i = i.strip_prefix("giờ").or_else(|| i.strip_prefix('h')).ok_or(nom::Err::Error(()))?;
    Ok((i, n.parse().map_err(|_| nom::Err::Error(()))?))
}

/// What may stand before a value's number, and after it.
const BEFORE_VALUE: CatSet = CatSet::of(&[Cat::OpenMin, Cat::OpenMax, Cat::ValueHedge]);
const AFTER_VALUE: CatSet = CatSet::of(&[Cat::OpenMinAfter, Cat::OpenMaxAfter]);

// value = { value_hedge } , [ open_min | open_max ] , { value_hedge } , range ,
//         [ open_min_after | open_max_after ] , [ per_hours ] ;
pub fn value<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Value> {
    let (mut i, ()) = ws(i)?;
    let mut open: Option<bool> = None; // Some(true): open above, Some(false): open below
    for _ in 0..6 {
        // One look at the vocabulary for the three questions asked here.
        let (j, ()) = ws(i)?;
        // The number itself: no hedge starts with a digit, and the vocabulary there need not
        // be looked up.
        if starts_digit(j) {
            break;
        }
        let vocab = cx.vocab(j);
        if !vocab.may_start(BEFORE_VALUE) {
            break;
        }
        if let Some((_, r)) = vocab.longest(Cat::OpenMin, j) {
            open = Some(true);
            i = r;
        } else if let Some((_, r)) = vocab.longest(Cat::OpenMax, j) {
            open = Some(false);
            i = r;
        } else if let Some((_, r)) = vocab.longest(Cat::ValueHedge, j) {
            i = r;
        } else {
            break;
        }
    }
    let (mut i, (mut r, u)) = range(cx, i)?;
    // The vocabulary after the value, asked once for the open bound here and the latitude and
    // longitude words below (`lex` would ask again at the same position for each).
    let after = ws(i)?.0;
    let vocab = cx.vocab(after);
    // "35 degrees or above"; but "37-40 degrees and above 41 degrees" names another value after
    // "and above", which opens that one, not this.
    let number_next = |rest: &str| starts_digit(rest.skip_blanks());
    let mut opened = false;
    if vocab.may_start(AFTER_VALUE) {
        if let Some((_, rest)) = vocab.longest(Cat::OpenMinAfter, after)
            && !number_next(rest)
        {
            open = Some(true);
            (i, opened) = (rest, true);
        } else if let Some((_, rest)) = vocab.longest(Cat::OpenMaxAfter, after)
            && !number_next(rest)
        {
            open = Some(false);
            (i, opened) = (rest, true);
        }
    }
    match open {
        Some(true) => r = Range::new(r.min, None),
        Some(false) => r = Range::new(None, r.max),
        None => {}
    }
    let (i, hours) = opt(per_hours).parse(i)?;
    // "(82.4 degrees Fahrenheit)", "(54 F)": the same reading again in Fahrenheit, no value.
    if matches!(u, Unit::Celsius | Unit::None) && fahrenheit(i) {
        return Err(nom::Err::Error(()));
    }
    // "18-21 độ vĩ bắc" is a latitude, not a temperature; so is "latitude 18.0 degrees north;"
    // (degrees and a compass point closing the phrase). Where neither an open bound nor a
    // period was read, `i` is still `after` and its vocabulary is the one looked up above.
    if u == Unit::Celsius {
        let (j, ()) = ws(i)?;
        let vocab = if opened || hours.is_some() { cx.vocab(j) } else { vocab };
        if vocab.longest(Cat::LatWord, j).is_some()
            || vocab.longest(Cat::LonWord, j).is_some()
            || compass_closes(vocab, j)
        {
            return Err(nom::Err::Error(()));
        }
    }
    Ok((i, Value { range: r, unit: u, hours }))
}

/// Whether `i` starts with a Fahrenheit sign: "fahrenheit", "°f", "f" as a word.
fn fahrenheit(i: &str) -> bool {
    let t = i.skip_blanks();
    let t = t.strip_prefix('°').unwrap_or(t);
    t.strip_prefix("fahrenheit").or_else(|| t.strip_prefix('f')).is_some_and(|r| !r.starts_with(is_word_char))
}

/// Whether `i` is a compass point and then the end of the phrase: punctuation or the end of
/// the text ("… 18.0 degrees north;"), not a region ("độ bắc bộ").
/// `vocab` is what the vocabulary has at `i`, which starts past the blanks.
fn compass_closes(vocab: Candidates<'_>, i: &str) -> bool {
    vocab.longest(Cat::Direction, i).is_some_and(|(_, rest)| !rest.skip_blanks().starts_with(is_word_char))
}

/// The text after a gust named after its level ("level 17 gusts", English), when no level of
/// its own follows ("level 8, gusts to level 10" is not one).
pub fn gust_after_level<'a>(cx: &Ctx<'_>, i: &'a str) -> Option<&'a str> {
    if !i.skip_blanks().starts_with("gust") {
        return None;
    }
    let (rest, kind) = lex(cx, Cat::LevelKind, i).ok()?;
    (kind == "gust" && level_range(cx, rest, false).is_err()).then_some(rest)
}

// level_range = [ level_word ] , [ open_min ] , [ level_word ] , number ,
//               [ ( range_sep | "," ) , [ level_word ] , number ] , [ open_min_after ] ;
pub fn level_range<'a>(cx: &Ctx<'_>, i: &'a str, need_word: bool) -> PResult<'a, Range> {
    let (mut i, ()) = ws(i)?;
    let mut open = false;
    let mut had_word = false;
    for _ in 0..3 {
        // Both words asked of one lookup; none at the number itself, where neither word
        // starts (tested; with the one below, 232.8k -> 231.3k instructions per typical parse).
        let (j, ()) = ws(i)?;
        if starts_digit(j) {
            break;
        }
        let vocab = cx.vocab(j);
        if let Some((_, r)) = vocab.longest(Cat::LevelWord, j) {
            had_word = true;
            i = r;
        } else if let Some((_, r)) = vocab.longest(Cat::OpenMin, j) {
            open = true;
            i = r;
        } else {
            break;
        }
    }
    if need_word && !had_word {
        return Err(nom::Err::Error(()));
    }
    let (mut i, a) = number(i)?;
    let time = i.starts_with('h') || i.skip_blanks().starts_with("giờ");
    if a > 20.0 || time || unit(cx, i).is_ok_and(|(_, u)| u != Unit::None) {
        return Err(nom::Err::Error(()));
    }
    let mut b = a;
    // "cấp 3- 4", "cấp 7 - cấp 8", "cấp 6, 7" (a comma only between consecutive levels).
    let second = |i: &'a str| -> PResult<'a, (f64, bool)> {
        let (i, ()) = ws(i)?;
        let (i, comma) =
            if let Some(r) = i.strip_prefix(',') { (r, true) } else { (range_sep(cx, i)?.0, false) };
        let (i, ()) = ws(i)?;
        // "cấp 7 - cấp 8": a level word before the second number (not looked for at the
        // number itself, "3- 4", where none starts).
        let i = if starts_digit(i) { i } else { lex(cx, Cat::LevelWord, i).map_or(i, |(r, _)| r) };
        let (i, n) = number(i)?;
        Ok((i, (n, comma)))
    };
    if let Ok((rest, (n, comma))) = second(i) {
        let ok = if comma { n > a && n - a <= 2.0 } else { n >= a && n <= 20.0 };
        let unit_after = unit(cx, rest).is_ok_and(|(_, u)| u != Unit::None);
        // Without a level word, two numbers with a unit after the second are a value: "Gió
        // Đông Bắc 3 - 4m/s" is a speed, not level 3.
        if unit_after && !had_word && !comma {
            return Err(nom::Err::Error(()));
        }
        // "level 5, level 7 gusts": the second level is the gust's.
        if ok && !unit_after && gust_after_level(cx, rest).is_none() {
            b = n;
            i = rest;
        }
    }
    if let Ok((rest, _)) = lex(cx, Cat::OpenMinAfter, i) {
        open = true;
        i = rest;
    }
    let r = if open { Range::new(Some(a), None) } else { Range::new(Some(a), Some(b)) };
    Ok((i, r))
}

#[cfg(test)]
mod tests {
    /// `unit` skips the vocabulary at an ASCII mark other than "%": no unit may start with one.
    #[test]
    fn no_unit_starts_with_a_mark_but_percent() {
        const UNIT_CATS: [&str; 7] =
            ["speed_unit", "deg_unit", "percent_unit", "mm_unit", "cm_unit", "km_unit", "m_unit"];
        for text in [include_str!("../../grammars/vi.tsv"), include_str!("../../grammars/en.tsv")] {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let mut cols = line.split('\t');
                let (Some(cat), Some(_), Some(phrases)) = (cols.next(), cols.next(), cols.next()) else {
                    continue;
                };
                if UNIT_CATS.contains(&cat) {
                    // As the vocabulary is loaded: normalised ("–" is "-" then).
                    let mark = |p: &str| {
                        let p = crate::parser::normalize::Normalized::new(p.trim_matches(' '), 0).text;
                        p.starts_with(|c: char| c.is_ascii_punctuation() && c != '%')
                    };
                    assert!(!phrases.split('|').any(mark), "{line}");
                }
            }
        }
    }

    /// `number` as the grammar states it: the digits, a decimal part after "," or ".", read as
    /// text, no more than twelve characters.
    fn number_as_text(i: &str) -> Option<(&str, f64)> {
        let i = i.trim_start_matches([' ', '\t']);
        let int = i.bytes().take_while(u8::is_ascii_digit).count();
        let frac = match i.as_bytes().get(int) {
            Some(b',' | b'.') => i.bytes().skip(int + 1).take_while(u8::is_ascii_digit).count(),
            _ => 0,
        };
        let end = if frac > 0 { int + 1 + frac } else { int };
        if int == 0 || end > super::MAX_NUMBER {
            return None;
        }
        Some((&i[end..], i[..end].replace(',', ".").parse().ok()?))
    }

    #[test]
    fn number_reads_as_the_text_does() {
        let texts = [
            "",
            "x",
            " 25-27",
            "\t7h",
            "1,5 độ",
            "135,6mm",
            "3.",
            "3,a",
            "0",
            "007",
            "123456789012",
            "1234567890123",
            "12345678901,2",
            "1234567890,12",
            "99999999999999999999999",
            "20, 4",
            "5.25.3",
        ];
        for t in texts {
            assert_eq!(super::number(t).ok(), number_as_text(t), "{t:?}");
        }
    }

    #[test]
    fn per_hours_is_the_nom_rule() {
        use nom::Parser;
        use nom::character::complete::{char, space0};
        fn with_nom(i: &str) -> super::PResult<'_, u32> {
            let (i, _) = (space0, char('/'), space0).parse(i)?;
            let (i, n) = nom::bytes::complete::take_while1(|c: char| c.is_ascii_digit()).parse(i)?;
            let (i, ()) = super::ws(i)?;
            let i = i.strip_prefix("giờ").or_else(|| i.strip_prefix('h')).ok_or(nom::Err::Error(()))?;
            Ok((i, n.parse().map_err(|_| nom::Err::Error(()))?))
        }
        for t in ["", "/24h", " / 24 giờ", "\t/12h x", "/h", "/ 6", "24h", "/٣h", "/99999999999h", ", 5"] {
            assert_eq!(super::per_hours(t), with_nom(t), "{t:?}");
        }
    }

    #[test]
    fn starts_digit_is_the_char_test() {
        for t in ["", "0", "9x", "a1", "độ", "-5", " 5", "٣", "５", "/", ":"] {
            assert_eq!(super::starts_digit(t), t.starts_with(|c: char| c.is_ascii_digit()), "{t:?}");
        }
    }

    /// `value` and `level_range` skip the vocabulary at a digit: no phrase of the categories
    /// they look for there may start with one.
    #[test]
    fn no_hedge_starts_with_a_digit() {
        for text in [include_str!("../../grammars/vi.tsv"), include_str!("../../grammars/en.tsv")] {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let mut cols = line.split('\t');
                let (Some(cat), Some(_), Some(phrases)) = (cols.next(), cols.next(), cols.next()) else {
                    continue;
                };
                if matches!(cat, "open_min" | "open_max" | "value_hedge" | "level_word") {
                    assert!(
                        !phrases.split('|').any(|p| p.starts_with(|c: char| c.is_ascii_digit())),
                        "{line}"
                    );
                }
            }
        }
    }
}
