//! The phrase rules: one function per rule of `grammars/bulletin.ebnf`, each reading one phrase
//! of a sentence into a raw [`Item`]. `sentence` tries them in order at every position.

use std::str::FromStr;

use nom::Parser;
use nom::character::complete::{char, one_of};
use nom::combinator::{opt, recognize};

use super::lexicon::{Candidates, Cat, CatOrder, CatSet};
use super::normalize::{SkipBlanks, is_word_char, small_letter};
use super::quantity::{Unit, hours_count, level_range, lex, number, starts_digit, unit, value, ws};
use super::raw::{Directions, Intensities, Item, LevelKind, Raw};
use super::{Ctx, PResult, quantity};
use crate::bulletin::{Compass, CycloneCategory, HazardKind};

fn fail<T>() -> PResult<'static, T> {
    Err(nom::Err::Error(()))
}

/// One or more ASCII digits, as nom's `digit1`, counted on bytes: that one decodes each
/// character of the clocks' and dates' numbers (229.7k -> 228.8k instructions per typical
/// parse).
fn digit1(i: &str) -> PResult<'_, &str> {
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 {
        return fail();
    }
    Ok((i.get(n..).unwrap_or_default(), i.get(..n).unwrap_or_default()))
}

// sentence = { item } ;
pub fn sentence(cx: &Ctx<'_>, text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    sentence_into(cx, text, &mut out);
    out
}

/// [`sentence`] into a buffer the caller reuses (cleared first).
pub fn sentence_into(cx: &Ctx<'_>, text: &str, out: &mut Vec<Raw>) {
    out.clear();
    cx.stated_in_clause.set(false);
    let mut i = text;
    while let Ok((rest, ())) = ws(i) {
        i = rest;
        if i.is_empty() {
            break;
        }
        let start = cx.off(i);
        match item(cx, i) {
            // Every rule consumes at least one character, so the loop always ends.
            Ok((rest, it)) if rest.len() < i.len() => {
                // A clause ends at a comma or semicolon; a phenomenon or a reading says
                // something in it (qualifiers, places and topic words do not).
                match it {
                    Item::Comma | Item::Semicolon => cx.stated_in_clause.set(false),
                    ref x if x.produces_fact() => cx.stated_in_clause.set(true),
                    _ => {}
                }
                // The item ends where `rest` starts (an offset is where a slice starts, so trimming
                // the end of `rest` first, as this did, changed nothing and cost a search).
                out.push(Raw { start, end: cx.off(rest).max(start + 1), item: it });
                i = rest;
            }
            _ => {
                let (rest, _) = unknown_word(i);
                out.push(Raw { start, end: cx.off(rest), item: Item::Unknown });
                i = rest;
            }
        }
    }
}

// item = punctuation | boilerplate | risk_again | cause | clock | date | when_run | lat_lon | risk
//      | change | value | term | name ;
// Called from one place, `sentence_into`, and inlined there: as a function of its own its
// large result went through memory at every word (+3 % instructions).
#[inline(always)]
fn item<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    // A minus sign opens a value ("-0,5 độ C", "minus 1.5 degrees") where no number stands
    // right before it: after a number, "-" joins a range ("25-27"), and "17-5" is a date.
    // Not at the start of a line, where "-" is a list's bullet ("-20/01: Mưa nhỏ"), nor before a
    // date.
    let signed = quantity::minus(i)
        .is_some_and(|n| !n.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with('/'))
        && {
            let at = cx.off(i);
            at > 0 && cx.norm_text().as_bytes().get(at - 1).is_some_and(|&b| b == b' ' || b == b'(')
        };
    // (A signed value is read by the value rule below, its one caller: no rule before it
    // starts with "-", "minus" or "âm".)
    if !signed && let Ok(r) = punctuation(i) {
        return Ok(r);
    }
    // Each rule below starts with a digit or with a phrase of a known category (its FIRST
    // set): one look at the vocabulary here skips the rules that cannot start at `i`, instead
    // of letting each of them fail on its own (most words start none of them).
    let vocab = cx.vocab(i);
    let digit = i.as_bytes().first().is_some_and(u8::is_ascii_digit);
    // A value, a position and a change read a number: after words ("từ", "có thể", "khoảng")
    // only when a digit is still ahead in the sentence.
    let number_ahead = || digit || cx.digit_ahead(i);
    // The rules in order, each called directly (not through a table of functions, which kept
    // them from being inlined and asked every question before the first rule was tried).
    if vocab.may_start(CatSet::of(&[Cat::Boilerplate]))
        && let Ok(r) = boilerplate(cx, i)
    {
        return Ok(r);
    }
    if vocab.may_start(CatSet::of(&[Cat::Cause])) {
        if let Ok(r) = risk_again(cx, i) {
            return Ok(r);
        }
        if let Ok(r) = cause(cx, i) {
            return Ok(r);
        }
    }
    if digit {
        if let Ok(r) = clock(cx, i) {
            return Ok(r);
        }
        if let Ok(r) = date(cx, i) {
            return Ok(r);
        }
        if let Ok(r) = when_run(cx, i) {
            return Ok(r);
        }
    }
    if (digit || (vocab.may_start(CatSet::of(&[Cat::ValueHedge])) && number_ahead()))
        && cx.mentions_longitude()
        && let Ok(r) = lat_lon(cx, i)
    {
        return Ok(r);
    }
    if vocab.may_start(CatSet::of(&[Cat::RiskWord]))
        && let Ok(r) = risk(cx, i)
    {
        return Ok(r);
    }
    if vocab.may_start(CatSet::of(&[Cat::Change]))
        && number_ahead()
        && let Ok(r) = change(cx, i)
    {
        return Ok(r);
    }
    if (digit
        || signed
        || (vocab.may_start(CatSet::of(&[Cat::OpenMin, Cat::OpenMax, Cat::ValueHedge])) && number_ahead()))
        && let Ok((rest, v)) = value(cx, i)
    {
        // "2-4 degrees higher than forecast": a difference, which is no reading.
        // (A departure from the average or another day is in degrees: "cao hơn TBNN 0,5-1 độ C",
        // "cao hơn hôm qua 2 độ", "thấp hơn khoảng 7 độ so với ngày hôm trước".)
        if compared(rest)
            || (v.unit == Unit::Celsius
                && cx.mentions_comparison()
                && (compared_before(cx, i) || compared_after(cx, i, rest)))
        {
            return Ok((rest, Item::Change));
        }
        return Ok((rest, Item::Value(v)));
    }
    if let Ok(r) = term(cx, vocab, i) {
        return Ok(r);
    }
    name(cx, i)
}

/// Whether the likelihood word "may" at `i` (`rest` after it) names the month: after "in",
/// "of", "early", "mid", "late", "since", "until" or "from", before a day ("May 5"), or
/// capitalised after a word.
fn month_may(cx: &Ctx<'_>, i: &str, rest: &str) -> bool {
    const BEFORE_MONTH: [&str; 8] = ["in", "of", "early", "mid", "late", "since", "until", "from"];
    if cx.lang != crate::bulletin::Language::En
        || !i.skip_blanks().starts_with("may")
        || rest.len() + 3 != i.skip_blanks().len()
    {
        return false;
    }
    let before = cx.word_before(i);
    // A capital "May" after other words of its sentence is the month too ("the hottest May in
    // …"), unless the words around it are all capitalised ("Heavy Rain May Cause Floods").
    let next = rest.skip_blanks();
    let title = next.starts_with(char::is_alphabetic) && cx.is_capitalised(cx.off(next));
    BEFORE_MONTH.contains(&before)
        || next.starts_with(|c: char| c.is_ascii_digit())
        || (cx.is_capitalised(cx.off(i.skip_blanks())) && !title && before.ends_with(char::is_alphanumeric))
}

/// Whether an English "in …" at `i` follows a verb of being ("will be", "is", "remains"): then
/// it says what the place is in, not the condition of another fact.
fn copula_before(cx: &Ctx<'_>, i: &str) -> bool {
    const COPULAS: [&str; 10] =
        ["be", "is", "are", "was", "were", "been", "remain", "remains", "remained", "stays"];
    if !i.skip_blanks().starts_with("in ") {
        return false;
    }
    COPULAS.contains(&cx.word_before(i))
}

/// Whether the text after a value compares it with another ("higher than forecast", "lower
/// than normal"): the value is then a difference, which is no reading.
fn compared(rest: &str) -> bool {
    let rest = rest.skip_blanks();
    // Asked after every value: the first letter settles most.
    if !rest.as_bytes().first().is_some_and(|b| COMPARATIVE_STARTS.contains(b)) {
        return false;
    }
    COMPARATIVES.iter().any(|c| {
        rest.strip_prefix(c).is_some_and(|after| {
            // "above the (multi-year) average", not "above the level of 3".
            !c.ends_with("the")
                || after
                    .split(['.', ',', ';'])
                    .next()
                    .is_some_and(|t| t.contains("average") || t.contains("normal"))
        })
    })
}

/// What [`compared`] looks for after a value, and their first letters (tested to agree).
const COMPARATIVES: [&str; 12] = [
    "higher than",
    "lower than",
    "warmer than",
    "colder than",
    "cooler than",
    "hotter than",
    "above normal",
    "below normal",
    "above average",
    "below average",
    "above the",
    "below the",
];
const COMPARATIVE_STARTS: &[u8] = b"hlwcab";

/// Whether the words before a value (in its sentence `cx`, the value at `i`) compare it with
/// the long-term average: "cao hơn trung bình nhiều năm (TBNN) cùng thời kỳ từ 0,5-1 độ C",
/// "thấp hơn TBNN 1-2 độ"; or with another day or year, named right before it: "cao hơn hôm qua
/// 2 độ", "cao hơn so với cùng kỳ năm ngoái 1,5 độ C". The value is then a difference.
fn compared_before(cx: &Ctx<'_>, i: &str) -> bool {
    let at = cx.off(i);
    let text = cx.norm_text();
    let mut from = at.saturating_sub(90);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..at).unwrap_or("");
    let clause = before.rsplit(['.', ';', ',']).next().unwrap_or("");
    let average = (clause.contains("hơn") || clause.contains("so với"))
        && super::LONG_TERM_AVERAGE.iter().any(|n| clause.contains(n));
    // The words between a comparing "hơn" and the value: what the value is compared with, when
    // they name a day or a year and no reading ("cao hơn hẳn hôm qua 3 độ", "thấp hơn những ngày
    // trước 2-3 độ"; "nóng hơn hôm qua với nền nhiệt 37 độ C", "cao hơn hôm qua ở mức 36-37 độ C",
    // "cao hơn hôm qua: phổ biến 37-39 độ C" name a reading).
    // The difference is the number itself, perhaps hedged ("2 độ", "chừng 2 độ").
    let mut amount = i.skip_blanks();
    while let Ok((r, _)) = quantity::lex(cx, Cat::ValueHedge, amount) {
        amount = r.skip_blanks();
    }
    // ("ở mức 36-37 độ C", "đạt 37 độ C": a hedge that names a reading.)
    let hedge = i.skip_blanks().get(..i.skip_blanks().len() - amount.len()).unwrap_or_default();
    let other_day = amount.starts_with(|c: char| c.is_ascii_digit())
        && !hedge.split_whitespace().any(|w| READING_WORDS.contains(&w))
        && clause.rsplit_once("hơn ").is_some_and(|(head, between)| {
            comparative(head)
                && COMPARED_WITH.iter().any(|w| between.contains(w))
                && between.split_whitespace().count() <= 6
                && !between.split_whitespace().any(|w| READING_WORDS.contains(&w) || w.ends_with(':'))
        });
    average || other_day
}

/// What a value is compared with when it is a difference: another day or year, or the
/// forecast ("cao hơn giá trị dự báo từ 3-5 độ C": the road surface is hotter than forecast).
const COMPARED_WITH: [&str; 8] =
    ["hôm qua", "hôm trước", "năm ngoái", "năm trước", "ngày trước", "cùng kỳ", "đêm qua", "dự báo"];

/// Words that, between "hơn" and a value, introduce a reading rather than a difference.
const READING_WORDS: [&str; 9] = ["nhiệt", "nền", "mức", "ở", "với", "là", "đạt", "phổ", "khi"];

/// Whether the text before a "hơn" ends in an adjective that compares ("cao hơn", "nóng hơn"),
/// not in a verb or a hedge ("lên hơn 40 độ", "có nơi hơn 40 độ": more than 40).
fn comparative(head: &str) -> bool {
    const ADJECTIVES: [&str; 8] = ["cao", "thấp", "nóng", "lạnh", "rét", "ấm", "mát", "oi"];
    // "ấm lên hơn", "hạ xuống thấp hơn": the adjective may take "lên"/"xuống".
    let head = head.trim_end();
    let head = head.strip_suffix(" lên").or_else(|| head.strip_suffix(" xuống")).unwrap_or(head);
    ADJECTIVES.contains(&head.rsplit(' ').next().unwrap_or_default())
}

/// Whether a value that a comparing "hơn" opens is compared with something named after it:
/// "thấp hơn khoảng 7 độ so với ngày hôm trước", "cao hơn 2 độ so với TBNN". (A value without
/// "hơn" before "so với" is a reading, "Hà Nội 35 độ, so với 33 độ hôm qua", and so is one after
/// "hơn" meaning "over", "lên hơn 40 độ C so với 38 độ C hôm qua".)
fn compared_after(cx: &Ctx<'_>, i: &str, rest: &str) -> bool {
    let value = i.get(..i.len() - rest.len()).unwrap_or_default();
    rest.skip_blanks().starts_with("so với")
        && value.find("hơn ").is_some_and(|n| {
            let at = cx.off(i) + n;
            comparative(cx.norm_text().get(..at).unwrap_or_default())
        })
}

// punctuation = "," | ";" | ? any other non-letter, non-digit character ? ;
fn punctuation(i: &str) -> PResult<'_, Item> {
    // Most items start with a letter or digit: told from the first byte.
    if i.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return fail();
    }
    let c = i.chars().next().ok_or(nom::Err::Error(()))?;
    let rest = i.get(c.len_utf8()..).unwrap_or("");
    match c {
        ',' => Ok((rest, Item::Comma)),
        ';' => Ok((rest, Item::Semicolon)),
        c if !is_word_char(c) && !matches!(c, '>' | '<' | '≥' | '≤' | '%') => Ok((rest, Item::Filler)),
        _ => fail(),
    }
}

/// A word the grammar does not know: letters and digits up to a blank or punctuation.
fn unknown_word(i: &str) -> (&str, &str) {
    // On bytes where they are ASCII or small Vietnamese letters, decoded otherwise.
    let bytes = i.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        let len = if b.is_ascii() {
            (b.is_ascii_alphanumeric() || b == b'\'' || b == b'.').then_some(1)
        } else {
            match small_letter(bytes.get(end..).unwrap_or_default()) {
                (len, true) => Some(len),
                _ => i
                    .get(end..)
                    .and_then(|t| t.chars().next())
                    .filter(|&c| is_word_char(c))
                    .map(char::len_utf8),
            }
        };
        let Some(len) = len else { break };
        end += len;
    }
    let end = end.max(i.chars().next().map_or(0, char::len_utf8));
    let end = if end == 0 { i.len() } else { end };
    (i.get(end..).unwrap_or(""), i.get(..end).unwrap_or(""))
}

// boilerplate = boilerplate_phrase , ? rest of sentence up to "but" / "nhưng" (or ";" after boilerplate of one clause; "," or a verb "có thể", "sẽ", "may", "will" after a threshold) ? ;
fn boilerplate<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (rest, v) = lex(cx, Cat::Boilerplate, i)?;
    // A contrast states something of its own: "… are unlikely to see rain, but the north will
    // have thunderstorms"; so does what follows ";" after boilerplate of one clause ("Bán kính
    // gió mạnh cấp 6 khoảng 100km; vùng biển phía Bắc có gió cấp 8").
    // A threshold ("khi nhiệt độ dưới 10 độ C", "when winds reach level 6") ends where what
    // happens then is said: "…, có thể xảy ra băng giá" is still a possible hazard.
    const THRESHOLD_ENDS: [&str; 8] = [",", ";", " có thể ", " sẽ ", " thì ", " may ", " will ", " can "];
    let ends: &[&str] = match v {
        "clause" => &[";"],
        "threshold" => &THRESHOLD_ENDS,
        _ => &[],
    };
    let stop = [" but ", ", but", " nhưng ", ", nhưng"].iter().chain(ends).filter_map(|w| rest.find(w)).min();
    // The empty rest is taken at the end of `i`, not a free-standing "": spans are measured
    // from where the rest starts.
    Ok((rest.get(stop.unwrap_or(rest.len())..).unwrap_or_default(), Item::Boilerplate))
}

// cause = cause_phrase , ? words up to "nên", "so", "," or ";" (after "chịu …": or a verb "là", "có", "sẽ") or the sentence end ? ;
fn cause<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (rest, _) = lex(cx, Cat::Cause, i)?;
    // A cause opening its clause ("Do ảnh hưởng của rãnh áp thấp có trục ở …, nên …") runs to
    // the comma or "nên". One after its subject ("vùng biển chịu ảnh hưởng của bão có gió mạnh
    // cấp 8", "khu vực chịu ảnh hưởng của bão là …; độ rủi ro thiên tai cấp 3") is a noun
    // phrase: it ends before the verb that follows it.
    let passive = i.skip_blanks().starts_with("chịu");
    let verbs: &[&str] = if passive { &[" là ", " có ", " sẽ "] } else { &[] };
    let stop = [",", ";", " nên ", " so "].iter().chain(verbs).filter_map(|w| rest.find(w)).min();
    let stop = stop.unwrap_or(rest.len());
    // "Do ảnh hưởng của không khí lạnh gió đông bắc cấp 3-4": with no comma, a wind with a
    // direction and a level is what the cause leads to, not part of it; so is a wind with a
    // direction at the start of the next line ("… ảnh hưởng đến Bắc Trung Bộ⏎gió chuyển hướng
    // đông bắc, trong đất liền cấp 2-3"), where a wrapped line was joined on.
    let base = cx.off(rest);
    let stop = rest
        .get(..stop)
        .unwrap_or_default()
        .match_indices(' ')
        .map(|(n, _)| n)
        .find(|&n| {
            // Not after a word that joins the cause to more of it ("kết hợp với⏎gió tây nam …").
            let joined =
                rest.get(..n).and_then(|t| t.rsplit(' ').next()).is_some_and(|w| CAUSE_JOINS.contains(&w));
            let line_starts = cx.breaks_line_at(base + n) && !joined;
            stated_wind(cx, rest.get(n..).unwrap_or_default(), !line_starts)
        })
        .unwrap_or(stop);
    let rest = rest.get(stop..).unwrap_or_default();
    let rest = rest.strip_prefix(" nên").unwrap_or(rest);
    Ok((rest, Item::Cause))
}

/// Words after which a cause goes on (with what it is joined to).
const CAUSE_JOINS: [&str; 7] = ["với", "và", "của", "cùng", "hợp", "with", "and"];

/// Whether a wind with a direction (and a level, when `with_level`) starts at `i`; not a
/// monsoon, which causes weather ("do ảnh hưởng của gió mùa đông bắc").
fn stated_wind(cx: &Ctx<'_>, i: &str, with_level: bool) -> bool {
    let (i, ()) = ws(i).unwrap_or((i, ()));
    cx.vocab(i).may_start(CatSet::of(&[Cat::WindWord]))
        && matches!(wind(cx, i), Ok((_, Item::Wind { monsoon: false, from, level, .. }))
            if !from.is_empty() && (level.is_some() || !with_level))
}

// clock = digit , [ digit ] , ( ( "h" | "giờ" | ":" ) , [ digit , digit , [ "'" | "phút" ] ] , [ "sáng" | "chiều" | "tối" | "am" | "pm" ] | am_pm ) , [ "/" , day , "/" , month ] , [ when_run ] ;
fn clock<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    use nom::bytes::complete::tag;
    let (i, ()) = ws(i)?;
    let (i, h) = digit1(i)?;
    if h.len() > 2 {
        return fail();
    }
    // "1pm", "7 a.m.": an hour alone.
    let i = match am_pm(i) {
        Ok((rest, ())) => rest,
        Err(_) => {
            let (i, sep) = nom::branch::alt((tag("h"), tag(" giờ"), tag("giờ"), tag(":"))).parse(i)?;
            // The minutes: right after a colon ("15:38"; "ngày 15: 38 độ C" is a day and a
            // value), after "h" or "giờ" maybe after a blank ("16h 30", "9 giờ 45 phút").
            let (i, minutes) = if sep == ":" {
                opt((digit1, opt(one_of("'’")))).map(|m| m.map(|(d, _)| d)).parse(i)?
            } else {
                opt((ws, digit1, opt(one_of("'’")), opt((ws, tag("phút")))))
                    .map(|m| m.map(|(_, d, _, _)| d))
                    .parse(i)?
            };
            // "16:" at the end is no time; "16:00" is one, also at the end of a sentence.
            if sep == ":" && minutes.is_none() && i.is_empty() {
                return fail();
            }
            if i.chars().next().is_some_and(is_word_char) {
                return fail();
            }
            i
        }
    };
    // A storm table's time cell: "13h/20/7".
    let (i, _) = opt((char('/'), digit1, char('/'), digit1)).parse(i)?;
    // The day after the hour is the same time: "4 am on November 10", "7 giờ ngày 26".
    match when_run(cx, i) {
        Ok((rest, Item::When)) => Ok((rest, Item::When)),
        _ => Ok((i, Item::When)),
    }
}

// am_pm = "am" | "pm" | "a.m." | "p.m." ;
// Asked after every number, and most are followed by neither: the first-letter test is inlined
// at the askers, the markers compared out of line (a call at every number was 0.3 % of a parse).
#[inline(always)]
pub(super) fn am_pm(i: &str) -> PResult<'_, ()> {
    let (i, ()) = ws(i)?;
    if !matches!(i.as_bytes().first(), Some(b'a' | b'p')) {
        return fail();
    }
    am_pm_marker(i)
}

/// [`am_pm`] after its first-letter test.
#[inline(never)]
fn am_pm_marker(i: &str) -> PResult<'_, ()> {
    use nom::bytes::complete::tag;
    let (i, _) = nom::branch::alt((tag("a.m."), tag("p.m."), tag("am"), tag("pm"))).parse(i)?;
    if i.starts_with(is_word_char) {
        return fail();
    }
    Ok((i, ()))
}

// date = day , "/" , month , [ "/" , year ] ;   (* "17-5" and "5.3" need a when word before them *)
fn date<'a>(_cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (i, ()) = ws(i)?;
    let (i, _) = recognize((digit1, char('/'), digit1, opt((char('/'), digit1)))).parse(i)?;
    Ok((i, Item::When))
}

/// A date after a when word: "ngày 17-5", "đêm 5.3", "(17/9/2015)".
fn date_after_when<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, ()> {
    let (i, ()) = ws(i)?;
    let (i, _) = opt(char('(')).parse(i)?;
    let (i, (first, days, month)) = (
        // "January 20th": an ordinal day.
        |i| {
            let (i, d) = digit1(i)?;
            let (i, _) = opt(nom::branch::alt((
                nom::bytes::complete::tag("st"),
                nom::bytes::complete::tag("nd"),
                nom::bytes::complete::tag("rd"),
                nom::bytes::complete::tag("th"),
            )))
            .parse(i)?;
            Ok((i, d))
        },
        opt((ws, char('-'), ws, digit1)),
        opt((one_of("/-."), digit1, opt((one_of("/-."), digit1)))),
    )
        .parse(i)?;
    // "ngày 17-5", "từ ngày 19-5", "ngày 10-11" are dates (a day, then a month); "ban ngày 22-24
    // độ", "ban ngày 10-12 độ" are ranges of values.
    if let (Some((_, _, _, second)), None) = (days, month) {
        let (d, m) = (first.parse::<u32>().unwrap_or(0), second.parse::<u32>().unwrap_or(0));
        if !((1..=12).contains(&m) && (1..=31).contains(&d)) || unit(cx, i).is_ok() {
            return fail();
        }
    }
    // A bare day ("ngày 20", "sáng 5") is a day of the month; "cả ngày khoảng 82%" is a value.
    if (days, month) == (None, None)
        && (!(1..=31).contains(&first.parse::<u32>().unwrap_or(0)) || unit(cx, i).is_ok())
    {
        return fail();
    }
    if let Some((_, m, _)) = month
        && m.parse::<u32>().map_or(true, |m| m == 0 || m > 12)
    {
        return fail();
    }
    let (i, _) = opt(char(')')).parse(i)?;
    if i.chars().next().is_some_and(is_word_char) {
        return fail();
    }
    Ok((i, ()))
}

// lat_lon = coordinate , [ deg_unit ] , lat_word , [ ";" | "," | "-" ] , [ filler ] , coordinate , [ deg_unit ] , lon_word ;
fn lat_lon<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let mut i = i;
    while let Ok((r, _)) = lex(cx, Cat::ValueHedge, i) {
        i = r;
    }
    let (i, lat) = coordinate(i)?;
    let (i, _) = degrees_and(cx, Cat::LatWord, i)?;
    let (i, ()) = ws(i)?;
    let (i, _) = opt(one_of(";,-")).parse(i)?;
    let (i, _) = opt(|i| lex(cx, Cat::Filler, i)).parse(i)?;
    let (i, lon) = coordinate(i)?;
    let (i, _) = degrees_and(cx, Cat::LonWord, i)?;
    Ok((i, Item::Position { lat, lon }))
}

/// A latitude or longitude word (`word`), perhaps after a degree unit: the word first, as it
/// may start with the unit ("17.2 degrees north" is the word "degrees north", where the unit
/// "degrees" would leave "north", no word by itself).
fn degrees_and<'a>(cx: &Ctx<'_>, word: Cat, i: &'a str) -> PResult<'a, &'static str> {
    lex(cx, word, i).or_else(|_| {
        let (i, _) = opt(|i| lex(cx, Cat::DegUnit, i)).parse(i)?;
        lex(cx, word, i)
    })
}

// coordinate = number , [ ", " , digit , [ digit ] ] ;  (* "20, 2 degrees": a decimal comma set apart *)
fn coordinate(i: &str) -> PResult<'_, f64> {
    let (i, whole) = number(i)?;
    // Only a whole number takes a spaced decimal part, and only when degrees or the latitude or
    // longitude word follow it (checked by `lat_lon`, which fails as a whole otherwise).
    if whole.fract() == 0.0
        && let Some(rest) = i.strip_prefix(", ")
        && let Ok((after, digits)) = digit1(rest)
        && digits.len() <= 2
        && !after.starts_with([',', '.'])
        && let Ok(frac) = digits.parse::<u8>()
    {
        let scale = if digits.len() == 1 { 10.0 } else { 100.0 };
        return Ok((after, whole + f64::from(frac) / scale));
    }
    Ok((i, whole))
}

// risk_again = ( "do" | "due to" ) , cause_text , [ ":" ] , level_word , number ;  (* after "; " in a risk's sentence *)
/// "Cấp độ rủi ro thiên tai do rét đậm, rét hại: cấp 1; do gió mạnh trên biển: cấp 2": a second
/// risk level of the same sentence, its risk word left out after the semicolon.
fn risk_again<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let at = cx.off(i);
    let before = cx.norm_text().get(..at).unwrap_or_default().trim_end();
    let Some(earlier) = before.strip_suffix(';') else { return fail() };
    if !earlier.rsplit('.').next().is_some_and(|s| cx.lex.mentions(Cat::RiskWord, s)) {
        return fail();
    }
    match risk_rest(cx, i)? {
        (rest, item @ Item::Risk { level: Some(_), .. }) => Ok((rest, item)),
        _ => fail(),
    }
}

// risk = risk_word , [ ( "do" | "due to" | "by" | "from" ) , cause_text ] , [ ":" | "là" | "ở mức" | verb ] , level_word , number ;
fn risk<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (i, _) = lex(cx, Cat::RiskWord, i)?;
    risk_rest(cx, i)
}

/// What follows a risk word (or stands for it, [`risk_again`]): the cause and the level.
fn risk_rest<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    // Look for the level within the next few words; what stands between is the cause.
    let mut j = i;
    let mut cause: Option<(usize, usize)> = None;
    let mut stated = false; // a verb that states the level was passed: the cause has ended
    for _ in 0..16 {
        let (k, ()) = ws(j)?;
        j = k;
        let level = (|s| risk_level(cx, s)).parse(j);
        if let Ok((rest, n)) = level {
            return Ok((rest, Item::Risk { level: Some(n), cause }));
        }
        if j.is_empty() || j.starts_with(['.', ';']) || j.starts_with(',') && cause.is_none() {
            break;
        }
        // Skip one word or mark; "do …", "due to …", "caused by …" start the cause, which
        // ends before a verb that states the level ("… and hail stands at level 1").
        let (mut rest, w) = unknown_word(j);
        if cause.is_none() && (w == "do" || w == "due" || w == "from" || w == "by") {
            // "due to strong winds": the cause is what follows "to".
            if w == "due"
                && let Some(r) = rest.skip_blanks().strip_prefix("to ")
            {
                rest = r;
            }
            let s = cx.off(rest);
            cause = Some((s, s));
        } else if RISK_VERBS.contains(&w) {
            stated = true;
        } else if let Some((s, _)) = cause
            && !stated
        {
            cause = Some((s, cx.off(rest)));
        }
        j = rest;
    }
    Ok((i, Item::Risk { level: None, cause: None }))
}

/// Verbs between a risk's cause and its level ("stands at level 1"), which end the cause.
const RISK_VERBS: [&str; 5] = ["is", "stands", "remains", "was", "reaches"];

// risk_level = [ ":" | "là" | "ở" | "is" ] , { level_word } , digit ;
fn risk_level<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, u8> {
    let (i, ()) = ws(i)?;
    let i = i.strip_prefix(':').unwrap_or(i);
    let (i, _) = opt(|i| lex(cx, Cat::ValueHedge, i)).parse(i)?;
    let (i, _) = lex(cx, Cat::LevelWord, i)?;
    let (i, _) = opt(|i| lex(cx, Cat::LevelWord, i)).parse(i)?;
    let (i, n) = number(i)?;
    if !(1.0..=5.0).contains(&n) || n.fract() != 0.0 {
        return fail();
    }
    Ok((i, n as u8))
}

// change = change_word , value ;   (* "giảm 3-5 độ": a change is no value; "drop to", "giảm còn", "fall below", "rose past" reach one *)
fn change<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (rest, _) = lex(cx, Cat::Change, i)?;
    // "drop to 14-15 degrees", "giảm còn 15 độ", "fall below 35 degrees", "giảm xuống dưới 10
    // độ": the value reached, not a change.
    let after = rest.skip_blanks();
    // "rose past 39C", "climbed above 40 degrees" reach an open value too ("tăng trên 2 độ",
    // "rose by over 2 degrees", "rose more than 2 degrees" are changes all the same, and "drop
    // past 10 degrees" is no value above 10).
    let word = i.skip_blanks().get(..i.skip_blanks().len() - rest.len()).unwrap_or_default();
    let rising = ["ris", "rose", "climb", "increas", "soar", "jump"].iter().any(|w| word.starts_with(w));
    if after.starts_with("to ")
        || after.starts_with("còn ")
        || lex(cx, Cat::OpenMax, after).is_ok()
        || (rising && !word.ends_with(" by") && (after.starts_with("past ") || after.starts_with("above ")))
    {
        return fail();
    }
    // "tăng lên 3-5m" is a later value, not a change; unless the sentence goes on to the value
    // reached or what it is compared with ("tăng lên 1 độ vào buổi trưa, lên mức 28 độ").
    if let Ok((r2, _)) = lex(cx, Cat::LevelKind, i)
        && r2.len() < rest.len()
    {
        let (after, _) = value(cx, r2)?;
        let reached = |w: &&str| {
            after.find(*w).and_then(|n| after.get(n + w.len()..)).is_some_and(|t| value(cx, t).is_ok())
        };
        if !REACHED.iter().any(reached) {
            return fail();
        }
        return Ok((after, Item::Change));
    }
    // "giảm nhanh xuống 10-12 độ C", "tăng đột ngột lên 40 độ C": down or up to the value
    // reached, as "giảm xuống 10-12 độ C" is.
    if let Some(to) = after.strip_prefix("xuống ").or_else(|| after.strip_prefix("lên ")) {
        // … unless what follows compares it: "giảm mạnh xuống khoảng 3-5 độ so với ngày hôm trước".
        return match value(cx, to) {
            Ok((rest, _)) if rest.skip_blanks().starts_with("so với") => Ok((rest, Item::Change)),
            _ => fail(),
        };
    }
    let (rest, v) = value(cx, rest)?;
    // "giảm 4-10km trong mưa": a visibility is not said to change by kilometres, so the distance
    // is the visibility reached, as after "giảm xuống" (and after a trend word: `term`).
    if v.unit == Unit::Km {
        return fail();
    }
    Ok((rest, Item::Change))
}

/// Words that state, with a value after them, the value a change reached later in its
/// sentence: the number of the change is then no value.
const REACHED: [&str; 4] = ["lên mức", "xuống mức", "xuống còn", "giảm còn"];

/// The categories a plain vocabulary phrase may belong to, by priority on equal length.
const TERMS: [Cat; 41] = [
    Cat::Condition,
    Cat::Likelihood,
    Cat::Coverage,
    Cat::Observed,
    Cat::NoRain,
    Cat::Thunderstorm,
    Cat::Hazard,
    Cat::RainForm,
    Cat::RainIntensity,
    Cat::SkyFewToClear,
    Cat::Sky,
    Cat::Heat,
    Cat::Cold,
    Cat::Fog,
    Cat::FogDenseAfter,
    Cat::SeaCalm,
    Cat::SeaState,
    Cat::CyclonePosition,
    Cat::CycloneStrength,
    Cat::CycloneWord,
    Cat::CycloneMove,
    Cat::CycloneSpeed,
    Cat::TempBound,
    Cat::TempWord,
    Cat::HumidityWord,
    Cat::RainfallWord,
    Cat::VisibilityWord,
    Cat::WavesWord,
    Cat::TideWord,
    Cat::WindWord,
    Cat::LevelKind,
    Cat::LevelWord,
    Cat::Exception,
    Cat::WhereHead,
    Cat::When,
    Cat::Trend,
    Cat::LowPressure,
    Cat::Filler,
    Cat::SectionLabel,
    Cat::IssuedLabel,
    Cat::HeadlinePrefix,
];

/// A capitalised word that starts one of these phrases is vocabulary, not part of a name; so
/// is a cause's "do" ("SỤT LÚN ĐẤT DO MƯA LỚN": the rain is the cause, not a name's last word).
const NAME_STOPS: CatSet = CatSet::of(&TERMS).without(Cat::Filler).without(Cat::WhereHead).with(Cat::Cause);

/// [`TERMS`] as a rank table.
static TERM_ORDER: CatOrder = CatOrder::new(&TERMS);

/// Whether a number or a speed word follows the direction at `i`, after a comma or not: only
/// then can a bare movement be there (a direction alone is asked about at every compass word of a text).
fn speed_follows(cx: &Ctx<'_>, i: &str) -> bool {
    cx.longest(Cat::Direction, i).is_some_and(|(_, rest)| {
        let t = rest.skip_blanks();
        let t = t.strip_prefix(',').unwrap_or(t).skip_blanks();
        starts_digit(t) || cx.longest(Cat::CycloneSpeed, t).is_some()
    })
}

/// The category a bare movement starts with.
const DIRECTIONS: CatSet = CatSet::of(&[Cat::Direction]);

// term = ? the longest vocabulary phrase of any category in TERMS ? , ? its rule ? ;
/// `vocab` is what the vocabulary has at `i` (looked up once by `item`, the one caller).
fn term<'a>(cx: &Ctx<'_>, vocab: Candidates<'_>, i: &'a str) -> PResult<'a, Item> {
    let best = vocab.longest_of(&TERM_ORDER, i);
    if cx.lang == crate::bulletin::Language::En
        && (vocab.may_start(WIND_AFTER_DIRECTION) || LIGHT_BEFORE_DIRECTION.iter().any(|w| i.starts_with(w)))
        && let Ok(r) = wind_after_direction(cx, i)
    {
        return Ok(r);
    }
    // "Tây Tây Bắc, 20-25 km/h" (a storm table's cell): a direction and a speed are a movement.
    if vocab.may_start(DIRECTIONS)
        && speed_follows(cx, i)
        && let Ok((r, Item::Movement { toward, kmh: Some(kmh) })) = movement(cx, i)
        && !toward.is_empty()
    {
        return Ok((r, Item::Movement { toward, kmh: Some(kmh) }));
    }
    // "gió giật mạnh trên cấp 8": an open bound before a level word, not the place word "trên".
    if let Some((_, r)) = vocab.longest(Cat::OpenMin, i)
        && lex(cx, Cat::LevelWord, r).is_ok()
        && let Ok(r) = level(cx, vocab, i)
    {
        return Ok(r);
    }
    let (cat, v, rest) = best.ok_or(nom::Err::Error(()))?;
    // A region named after an area word is a place ("miền Tây", "vùng núi"), not filler.
    if cat == Cat::Filler
        && let Some((_, head_rest)) = vocab.longest(Cat::WhereHead, i)
        && let Ok((r, it)) = where_run(cx, head_rest)
        && r.len() <= rest.len()
    {
        return Ok((r, it));
    }
    let item = match cat {
        Cat::WindWord => return wind(cx, i),
        Cat::WindLight => return wind(cx, i).or(Ok((rest, Item::Filler))),
        Cat::LevelKind | Cat::LevelWord => {
            return level(cx, vocab, i).or_else(|_| {
                // "có gió giật mạnh" with no level after it is the strong-gusts hazard.
                let strong = (v == "gust")
                    .then(|| rest.skip_blanks().strip_prefix("mạnh"))
                    .flatten()
                    .filter(|after| !after.starts_with(is_word_char));
                // "Wind gusts of 60-70 km/h are possible": gusts with no level are the hazard.
                let wind_gusts = v == "gust" && i.skip_blanks().starts_with("wind gust");
                Ok(match strong {
                    Some(after) => (after, Item::Hazard(HazardKind::StrongGusts)),
                    None if wind_gusts => (rest, Item::Hazard(HazardKind::StrongGusts)),
                    None => (rest, Item::Filler),
                })
            });
        }
        Cat::CycloneWord => return cyclone_word(cx, i),
        Cat::CycloneMove | Cat::CycloneSpeed => return movement(cx, i).or(Ok((rest, Item::Filler))),
        // The longest phrase of the place and time words is the longest of all here, so `rest`
        // is where their rules' first phrase ends.
        Cat::WhereHead => return where_run(cx, rest),
        Cat::When => return when_run_at(cx, vocab, i),
        // "The North will be in heavy rain", "remains in foggy conditions": the state itself,
        // read on after "in" (English).
        Cat::Condition if cx.lang == crate::bulletin::Language::En && copula_before(cx, i) => {
            let after = i.skip_blanks().strip_prefix("in ").ok_or(nom::Err::Error(()))?;
            return Ok((after, Item::Filler));
        }
        Cat::Condition => Item::Condition(parse_enum(v)?),
        // "In May, temperatures rose …", "late May": the month, not the likelihood (English).
        Cat::Likelihood if month_may(cx, i, rest) => Item::When,
        Cat::Likelihood => Item::Likelihood,
        Cat::Coverage => Item::Coverage(parse_enum(v)?),
        Cat::Observed => Item::Observed,
        Cat::NoRain => Item::NoRain,
        Cat::Thunderstorm => Item::Thunderstorm,
        Cat::Hazard => Item::Hazard(parse_enum(v)?),
        Cat::RainForm | Cat::RainIntensity => return rain(cx, i),
        Cat::SkyFewToClear => Item::SkyFewToClear,
        Cat::Sky => Item::Sky(parse_enum(v)?),
        Cat::Heat => Item::Heat(parse_enum(v)?),
        Cat::Cold => Item::Cold(parse_enum(v)?),
        // "Mù Cang Chải": a capitalised "mù" before more capitalised words is a place's name.
        // (Vietnamese only: "FOG AND VISIBILITY BULLETIN" is a title in capitals.)
        Cat::Fog if cx.lang == crate::bulletin::Language::Vi && capitalised_name(cx, i, rest) => {
            return name(cx, i);
        }
        Cat::Fog => Item::Fog(parse_enum(v)?),
        Cat::FogDenseAfter => Item::FogDense,
        Cat::SeaState => Item::SeaState(parse_enum(v)?),
        Cat::CyclonePosition => Item::CyclonePosition(parse_enum(v).ok()),
        Cat::CycloneStrength => Item::CycloneStrength(parse_enum(v).ok()),
        Cat::TempBound => Item::Bound(parse_enum(v)?),
        Cat::TempWord => Item::TempWord,
        Cat::HumidityWord => Item::HumidityWord((v == "mean").then_some(crate::bulletin::Stat::Mean)),
        Cat::RainfallWord => Item::RainfallWord,
        Cat::VisibilityWord => Item::VisibilityWord,
        Cat::WavesWord => Item::WavesWord,
        Cat::TideWord => Item::TideWord,
        Cat::Exception => Item::Exception,
        Cat::Trend => {
            // "will decrease by 3-5 degrees", "sẽ tăng 2-3 độ": a trend with an amount is a
            // change, and the amount no value. Not in kilometres: a visibility "giảm 4-10km",
            // "decreasing 2-4km in rain" goes down to that distance (as in `change`).
            let amount = rest.skip_blanks();
            let amount = amount.strip_prefix("by ").unwrap_or(amount);
            if starts_digit(amount)
                && let Ok((r, q)) = value(cx, amount)
                && !matches!(q.unit, Unit::None | Unit::Km)
            {
                return Ok((r, Item::Change));
            }
            Item::Trend { grows: v == "grows" }
        }
        Cat::LowPressure => Item::LowPressure,
        _ => Item::Filler,
    };
    Ok((rest, item))
}

/// Whether the phrase from `i` to `rest` is capitalised in the input and a capitalised word
/// follows it: the start of a name ("Mù Cang Chải", "MÙ CANG CHẢI", "Mù Cả"), not the phrase. A
/// phrase of several words in capitals throughout is a title's ("TIN SƯƠNG MÙ SÁNG NGÀY 12"):
/// no place's name starts with "sương mù".
fn capitalised_name(cx: &Ctx<'_>, i: &str, rest: &str) -> bool {
    let next = rest.skip_spaces();
    let i = i.skip_spaces();
    let phrase = i.get(..i.len() - rest.len()).unwrap_or_default();
    let second = cx.off(i) + i.chars().next().map_or(0, char::len_utf8);
    let capitals = cx.is_capitalised(second);
    // In capitals throughout, a name goes on with a word that is no vocabulary ("MÙ CANG CHẢI",
    // "MÙ CẢ"), not with one that is ("CÓ MÙ VÀ SƯƠNG MÙ", "CÓ MÙ RẢI RÁC").
    cx.is_capitalised(cx.off(i))
        && (!capitals || (!phrase.contains(' ') && !cx.vocab(next).may_start(CatSet::of(&TERMS))))
        && next.starts_with(is_word_char)
        && cx.is_capitalised(cx.off(next))
}

fn parse_enum<T: FromStr>(v: &str) -> Result<T, nom::Err<()>> {
    T::from_str(v).map_err(|_| nom::Err::Error(()))
}

// direction_list = direction , { ( "đến" | "-" | "và" | "," | "chuyển" ) , direction } ;
pub fn direction_list<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Directions> {
    let (mut i, first) = lex(cx, Cat::Direction, i)?;
    let mut out = Directions::from_slice(&[parse_enum::<Compass>(first)?]);
    loop {
        let (j, ()) = ws(i)?;
        let j = j
            .strip_prefix('-')
            .or_else(|| j.strip_prefix(','))
            .or_else(|| lex(cx, Cat::RainIntensityJoin, j).ok().map(|(r, _)| r))
            .or_else(|| j.strip_prefix("chuyển").or_else(|| j.strip_prefix("or")));
        let Some(j) = j else { break };
        match lex(cx, Cat::Direction, j) {
            Ok((rest, d)) if out.len() < Directions::MAX => {
                let d: Compass = parse_enum(d)?;
                let comma = i.skip_blanks().starts_with(',');
                let dash = i.skip_blanks().starts_with('-');
                match out.last().and_then(|p| Compass::between(p, d)) {
                    // English translates one Vietnamese direction with two words; Vietnamese
                    // writes a point of the sixteen with a dash ("tây - tây bắc" is west-northwest).
                    Some(mid)
                        if (dash || comma && cx.lang == crate::bulletin::Language::En) && out.len() == 1 =>
                    {
                        out = Directions::from_slice(&[mid]);
                    }
                    _ => {
                        out.push(d);
                    }
                }
                i = rest;
            }
            _ => break,
        }
    }
    Ok((i, out))
}

/// What a step of [`wind`] can start with (besides a digit).
const WIND_STEPS: CatSet = CatSet::of(&[
    Cat::WindLight,
    Cat::Direction,
    Cat::LevelWord,
    Cat::OpenMin,
    Cat::LevelKind,
    Cat::WindFiller,
    Cat::WhereHead,
]);

// wind = wind_word , { wind_filler | where_head | direction_list | level_kind } ,
//        [ wind_light | [ "mạnh" ] , level_range ] ;
fn wind<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (mut i, kind) = lex(cx, Cat::WindWord, i).or(Ok::<_, nom::Err<()>>((i, "plain")))?;
    let monsoon = kind == "monsoon";
    let mut from = Directions::default();
    // "light winds": the English says the wind is light before naming it.
    let mut light = kind == "light";
    let mut level = None;
    let mut strong = false;
    let mut rises = false;
    let mut after_word = true; // a bare "3-4" is a level right after the wind or its direction
    // "Wind: NE, level 3-4", "Gió: Đông Bắc cấp 3": a label's colon after the wind word; not
    // before the wind named again ("Wind: northeast wind level 3-4" is read from its direction).
    if let Some(after) = ws(i)?.0.strip_prefix(':') {
        let again = lex(cx, Cat::WindWord, after).is_ok()
            || (cx.lang == crate::bulletin::Language::En && wind_after_direction(cx, after).is_ok());
        if !again {
            i = after;
        }
    }
    for _ in 0..10 {
        // Every step below starts with a phrase of these categories or a digit: where none
        // can start, the phrase has ended.
        // The step's phrases are all asked of this one lookup; a rule whose first phrase cannot
        // start here is not tried.
        let (j, ()) = ws(i)?;
        let vocab = cx.vocab(j);
        let digit = starts_digit(j);
        if !vocab.may_start(WIND_STEPS) && !digit {
            break;
        }
        if let Some((_, r)) = vocab.longest(Cat::WindLight, j) {
            light = true;
            i = r;
            break;
        }
        if from.is_empty()
            && vocab.may_start(DIRECTIONS)
            && let Ok((r, d)) = direction_list(cx, i)
        {
            from = d;
            i = r;
            after_word = true;
            continue;
        }
        if (digit || vocab.may_start(LEVEL_RANGE_STARTS))
            && let Ok((r, range)) = level_range(cx, i, !after_word)
        {
            level = Some(range);
            i = r;
            break;
        }
        if let Some((k, r)) = vocab.longest(Cat::LevelKind, j) {
            // Only the rising words read inside a wind phrase: "mạnh dần lên cấp 6".
            if k == "rise" {
                i = r;
                after_word = false;
                rises = true;
                continue;
            }
            break;
        }
        if let Some((w, r)) = vocab.longest(Cat::WindFiller, j) {
            strong |= i.skip_blanks().starts_with("mạnh") || w == "strong";
            after_word = i.skip_blanks().starts_with("mạnh") || i.skip_blanks().starts_with("strong");
            i = r;
            continue;
        }
        if let Some((_, r)) = vocab.longest(Cat::WhereHead, j) {
            // "trong đất liền", "vùng ven biển": a place inside the wind phrase, before its level
            // or its direction ("Gió trong đất liền chuyển hướng đông bắc cấp 2-3").
            // (A place of several words: after "ở" a region's name may start with a compass
            // word, "Gió ở Bắc Bộ chuyển hướng đông bắc".)
            let place = i.skip_blanks().get(..i.skip_blanks().len() - r.len()).unwrap_or_default();
            let direction_next = from.is_empty()
                && place.trim_end().contains(' ')
                && (lex(cx, Cat::Direction, r).is_ok()
                    || lex(cx, Cat::WindFiller, r).is_ok_and(|(r2, _)| lex(cx, Cat::Direction, r2).is_ok()));
            if starts_digit(r.skip_blanks()) || lex(cx, Cat::LevelWord, r).is_ok() || direction_next {
                i = r;
                after_word = false;
                continue;
            }
        }
        break;
    }
    Ok((i, Item::Wind { monsoon, from, light, level, strong, rises }))
}

/// What [`level_range`] starts with besides a digit.
const LEVEL_RANGE_STARTS: CatSet = CatSet::of(&[Cat::LevelWord, Cat::OpenMin]);

/// What [`wind_after_direction`] starts with.
const WIND_AFTER_DIRECTION: CatSet = CatSet::of(&[Cat::WindFiller, Cat::Direction]);

// wind_after_direction = [ "light" | "gentle" | "weak" ] , [ wind_filler ] , direction_list , wind_word , wind ;   (* English *)
fn wind_after_direction<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    // "light northeast winds", "a gentle southerly breeze": the wind is light before its
    // direction is named.
    let (i, ()) = ws(i)?;
    let (i, said_light) = match LIGHT_BEFORE_DIRECTION.iter().find_map(|w| i.strip_prefix(w)) {
        Some(rest) => (rest, true),
        None => (i, false),
    };
    let (i, _) = opt(|i| lex(cx, Cat::WindFiller, i)).parse(i)?;
    let (i, from) = direction_list(cx, i)?;
    let (i, _) = lex(cx, Cat::WindWord, i)?;
    let (i, item) = wind(cx, i)?;
    // A level given with it ("light northeast winds, level 2") says more than "light".
    let level_after = {
        let (j, ()) = ws(i)?;
        level_range(cx, j.strip_prefix(',').unwrap_or(j), true).is_ok()
    };
    match item {
        Item::Wind { monsoon, light, level, strong, rises, .. } => {
            let light = light || (said_light && level.is_none() && !level_after);
            Ok((i, Item::Wind { monsoon, from, light, level, strong, rises }))
        }
        other => Ok((i, other)),
    }
}

/// The words before a direction that make its wind light ([`wind_after_direction`]).
const LIGHT_BEFORE_DIRECTION: [&str; 3] = ["light ", "gentle ", "weak "];

// level = ( level_kind , [ "mạnh" ] , level_range ) | level_range_with_word ;
/// `vocab` is what the vocabulary has at `i`, past its blanks (looked up by `term`, the one
/// caller).
fn level<'a>(cx: &Ctx<'_>, vocab: Candidates<'_>, i: &'a str) -> PResult<'a, Item> {
    let (i, kind, vocab) = match vocab.longest(Cat::LevelKind, i) {
        Some((k, r)) => {
            let (r, ()) = ws(r)?;
            (r, k, cx.vocab(r))
        }
        None => (i, "plain", vocab),
    };
    let kind = match kind {
        "at_times" => LevelKind::AtTimes,
        "gust" => LevelKind::Gust,
        "later" => LevelKind::Later,
        "rise" => LevelKind::Rise,
        _ => LevelKind::Plain,
    };
    // A filler, then a kind word (each asked of the lookup at its position).
    let (i, vocab) = match vocab.longest(Cat::WindFiller, i) {
        Some((_, r)) => {
            let (r, ()) = ws(r)?;
            (r, cx.vocab(r))
        }
        None => (i, vocab),
    };
    let i = vocab.longest(Cat::LevelKind, i).map_or(i, |(_, r)| r);
    let need_word = matches!(kind, LevelKind::Plain | LevelKind::Rise | LevelKind::Later);
    let (i, range) = level_range(cx, i, need_word)?;
    // "reached level 17 gusts", "level 12 with level 15 gusts": the gust named after its level
    // (when no level of its own follows: "level 8, gusts to level 10").
    if matches!(kind, LevelKind::Plain | LevelKind::Rise)
        && let Some(r) = quantity::gust_after_level(cx, i)
    {
        return Ok((r, Item::Level { kind: LevelKind::Gust, range }));
    }
    Ok((i, Item::Level { kind, range }))
}

// cyclone_word = cyclone_category , [ "số" , number ] , [ name ] ;
fn cyclone_word<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let start = i.skip_blanks();
    let (i, cat) = lex(cx, Cat::CycloneWord, i)?;
    let category: CycloneCategory = parse_enum(cat)?;
    // "bão số 3": the vocabulary phrase may already hold "số" ("cơn bão số").
    let said_number =
        start.get(..start.len() - i.len()).is_some_and(|p| p.ends_with("số") || p.ends_with("no."));
    let (j, ()) = ws(i)?;
    let after = if said_number { Some(j) } else { j.strip_prefix("số").or_else(|| j.strip_prefix("no.")) };
    let (i, number_) = match after.map(number) {
        Some(Ok((r, n))) if n.fract() == 0.0 && n < 100.0 => (r, Some(n as u32)),
        _ => (j, None),
    };
    let (i, name) = match name_words(cx, i) {
        Some((r, s, e)) => (r, Some((s, e))),
        None => (i, None),
    };
    Ok((i, Item::CycloneWord { category, number: number_, name }))
}

// movement = [ cyclone_move ] , [ ":" ] , [ direction_list ] , [ [ "," ] , [ cyclone_move ] , ( cyclone_speed , value | ? a value in km/h after a direction ? ) ] ;
fn movement<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (i, _) = opt(|i| lex(cx, Cat::CycloneMove, i)).parse(i)?;
    // "Hướng di chuyển: Tây Bắc": a label's colon.
    let (mut i, _) = opt((ws, char(':'))).parse(i)?;
    let mut toward = Directions::default();
    for _ in 0..3 {
        if let Ok((r, d)) = direction_list(cx, i) {
            toward = d;
            i = r;
            break;
        }
        match lex(cx, Cat::CycloneMove, i).or_else(|_| lex(cx, Cat::Filler, i)) {
            Ok((r, _)) if toward.is_empty() => i = r,
            _ => break,
        }
    }
    let mut kmh = None;
    let (j, _) = opt((ws, char(','))).parse(i)?;
    // "turn north, northeast, move at 10 to 15km per hour": the verb may come again before
    // the speed.
    let j = match lex(cx, Cat::CycloneMove, j) {
        Ok((r, _)) if !toward.is_empty() => r,
        _ => j,
    };
    // After a direction, a speed in km/h needs no speed word ("Tây Tây Bắc, 20-25 km/h").
    let speed = (|i| lex(cx, Cat::CycloneSpeed, i))
        .and_then_value(cx)
        .parse(j)
        .or_else(|e| if toward.is_empty() { Err(e) } else { value(cx, j).and_then(kmh_only) });
    if let Ok((r, v)) = speed
        && matches!(v.unit, Unit::Km | Unit::Kmh)
    {
        kmh = Some(v.range);
        i = r;
    }
    if toward.is_empty() && kmh.is_none() {
        return fail();
    }
    Ok((i, Item::Movement { toward, kmh }))
}

/// A value in km/h, else a failure.
fn kmh_only(found: (&str, super::quantity::Value)) -> PResult<'_, super::quantity::Value> {
    if found.1.unit == Unit::Kmh { Ok(found) } else { fail() }
}

trait AndThenValue<'a> {
    fn and_then_value(self, cx: &Ctx<'_>) -> impl FnMut(&'a str) -> PResult<'a, super::quantity::Value>;
}

impl<'a, F: FnMut(&'a str) -> PResult<'a, &'static str>> AndThenValue<'a> for F {
    fn and_then_value(mut self, cx: &Ctx<'_>) -> impl FnMut(&'a str) -> PResult<'a, super::quantity::Value> {
        move |i| {
            let (mut i, _) = self(i)?;
            // "với tốc độ khoảng", "mỗi giờ đi được khoảng": speed words may repeat.
            while let Ok((r, _)) = lex(cx, Cat::CycloneSpeed, i) {
                i = r;
            }
            value(cx, i)
        }
    }
}

/// What an intensity word may qualify instead of the rain before it ([`rain`]).
const OTHER_PHENOMENA: CatSet = CatSet::of(&[
    Cat::Fog,
    Cat::WindWord,
    Cat::Sky,
    Cat::Thunderstorm,
    Cat::Hazard,
    Cat::Heat,
    Cat::Cold,
    Cat::SeaState,
    Cat::WavesWord,
]);

// rain = rain_term , { rain_intensity_join , rain_term } ;
// rain_term = rain_form | rain_intensity ;
fn rain<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let mut form = None;
    let mut intensity = Intensities::default();
    let mut i = i;
    let mut first = true;
    loop {
        let f = cx.longest(Cat::RainForm, i.skip_blanks());
        let n = cx.longest(Cat::RainIntensity, i.skip_blanks());
        let (rest, is_form, v) = match (f, n) {
            (Some((fv, fr)), Some((nv, nr))) => {
                if nr.len() <= fr.len() {
                    (nr, false, nv)
                } else {
                    (fr, true, fv)
                }
            }
            (Some((fv, fr)), None) => (fr, true, fv),
            (None, Some((nv, nr))) => (nr, false, nv),
            (None, None) => break,
        };
        if is_form {
            form = Some(parse_enum(v)?);
        } else {
            // "mưa to" names the rain itself; a bare "to" only qualifies rain named before.
            let phrase = i.skip_blanks().get(..i.skip_blanks().len() - rest.len()).unwrap_or("");
            if form.is_none()
                && (phrase.starts_with("mưa") || phrase.contains("rain") || phrase.contains("downpour"))
            {
                form = Some(crate::bulletin::RainForm::Rain);
            }
            let it = parse_enum(v)?;
            intensity.insert(it);
            // "mưa rào nhẹ" is showers, light, and "mưa phùn nhẹ" drizzle, light: the form the
            // phrase starts with.
            if let Some((fv, _)) = cx.longest(Cat::RainForm, i.skip_blanks())
                && fv != "rain"
            {
                form = Some(parse_enum(fv)?);
            }
        }
        i = rest;
        first = false;
        // "heavy showers", "light drizzle": the form named after its intensity (English).
        if form.is_none()
            && !is_form
            && let Some((fv, fr)) = cx.longest(Cat::RainForm, i.skip_blanks())
        {
            form = Some(parse_enum(fv)?);
            i = fr;
        }
        // "mưa vừa đến mưa to", "mưa to đến rất to", "có mưa to".
        let j = lex(cx, Cat::RainIntensityJoin, i).map_or(i, |(j, _)| j).skip_blanks();
        let Some((_, after)) = cx.longest(Cat::RainIntensity, j) else { break };
        // "light rain and light fog": the intensity after the join is another phenomenon's.
        let (after, ()) = ws(after)?;
        if cx.vocab(after).longest_of(&TERM_ORDER, after).is_some_and(|(c, _, _)| OTHER_PHENOMENA.contains(c))
        {
            break;
        }
        i = j;
    }
    if first {
        return fail();
    }
    Ok((i, Item::Rain { form, intensity }))
}

// where_run = where_head , { where_head | direction | name_word , [ where_tail ] | connector , name_word | ( "và" | "and" ) , where_head } ;
/// `i` is where the run's first `where_head` ends: `term`, the one caller, has read it already.
fn where_run<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let mut i = i;
    // Where the run may end: not after a bare preposition it took in ("… Dak Lak in").
    let mut end = i;
    // Whether the run just took "và"/"and" in.
    let mut joined = false;
    // The name a connector was let in for (read to decide that): not read again at `i`.
    let mut named = None;
    for _ in 0..12 {
        if let Some((r, _, _)) = named.take().or_else(|| name_words(cx, i)) {
            // A region's name is often written with a small letter after the first word: "Tây
            // nguyên", "Nam bộ", "Trung Trung bộ".
            i = lex(cx, Cat::WhereTail, r).map_or(r, |(r, _)| r);
            end = i;
            joined = false;
            continue;
        }
        // One lookup for the place and compass words and, failing them, the connectors.
        let (j, ()) = ws(i)?;
        let vocab = cx.vocab(j);
        if let Some((_, r)) = vocab.longest(Cat::WhereHead, j).or_else(|| vocab.longest(Cat::Direction, j)) {
            let word = i.get(..i.len() - r.len()).unwrap_or("").trim();
            // Nor after a bare place word joined on ("ở Bắc Bộ và các tỉnh, thành …").
            let bare = PREPOSITIONS.contains(&word) || (joined && BARE_PLACE_WORDS.contains(&word));
            i = r;
            if !bare {
                end = i;
            }
            joined = false;
            continue;
        }
        // A connector joins two names: "từ Thanh Hóa đến Quảng Bình", "Sơn La, Điện Biên",
        // "the area from Quang Tri to Quang Ngai".
        let word = |w: &str| j.strip_prefix(w).filter(|r| r.starts_with(' '));
        let after = j
            .strip_prefix(',')
            .or_else(|| j.strip_prefix('-'))
            .or_else(|| word("và"))
            .or_else(|| word("đến"))
            .or_else(|| word("tới"))
            .or_else(|| word("từ"))
            .or_else(|| word("and"))
            .or_else(|| word("from"))
            .or_else(|| word("to"));
        // "và"/"and" also joins two areas: "the Northern midlands and mountains"; not after
        // something said in the clause, where the second area starts a clause of its own
        // ("Trời nắng nóng ở đồng bằng và vùng núi có mưa rào").
        let joins_areas = || {
            !cx.stated_in_clause.get()
                && word("và").or_else(|| word("and")).is_some_and(|a| lex(cx, Cat::WhereHead, a).is_ok())
        };
        match after.map(|a| (a, name_words(cx, a))) {
            Some((a, Some(name))) => {
                named = Some(name);
                i = a;
            }
            Some((a, None)) if joins_areas() => {
                i = a;
                joined = true;
            }
            _ => break,
        }
    }
    Ok((end, Item::Where))
}

/// Place words that only introduce a place: a place phrase does not end with one.
const PREPOSITIONS: &[&str] = &["in", "at", "on", "over", "across", "tại", "ở", "trên"];

/// Place words that name no place by themselves ("The area of high wind danger …", "ở các
/// vùng"): with a preposition or without, a place phrase that is only one of these is no place.
const BARE_PLACE_WORDS: &[&str] = &[
    "area",
    "areas",
    "the area",
    "the areas",
    "region",
    "regions",
    "province",
    "provinces",
    "city",
    "cities",
    "waters",
    "khu vực",
    "các khu vực",
    "vùng",
    "các vùng",
    "miền",
    "phía",
    "tỉnh",
    "các tỉnh",
    "huyện",
    "các huyện",
    "quận",
    "các quận",
];

/// Whether a place phrase (normalised text) names no place: it is only a preposition, a bare
/// place word, or the two.
pub(super) fn bare_place(text: &str) -> bool {
    let t = text.trim_blanks();
    // The longest of them, "ở các khu vực", has 22 bytes: a longer phrase names a place.
    if t.len() > 24 {
        return false;
    }
    let t = PREPOSITIONS
        .iter()
        .find_map(|p| t.strip_prefix(p).filter(|r| r.is_empty() || r.starts_with(' ')))
        .map_or(t, str::trim_start);
    t.is_empty() || BARE_PLACE_WORDS.contains(&t)
}

// when_run = ( when_word | hours_count ) , { clock | date | when_word | hours_count | ( "và" | "and" | "of" ) , when_word } ;
fn when_run<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    let (i, ()) = ws(i)?;
    when_run_at(cx, cx.vocab(i), i)
}

/// [`when_run`] at `i`, past its blanks, where the vocabulary has `vocab`: the first `when`
/// phrase and its `when_part` are both asked of it.
fn when_run_at<'a>(cx: &Ctx<'_>, vocab: Candidates<'_>, i: &'a str) -> PResult<'a, Item> {
    // Whether the run names a time: words that only join or count times ("from", "to",
    // "đến", "hours", "ngày") do not by themselves ("is forecast to have", "in 24 hours").
    let (rest, mut names_time) = match vocab.longest(Cat::When, i) {
        Some((_, rest)) => (rest, !only_part_of_time(vocab, rest.len(), i)),
        // "vào 14 đến 16 giờ", "72 to 120 hours": a span of hours opens the run (a single count,
        // "24 giờ qua", is left to the vocabulary).
        None => match hours_count(cx, i)? {
            (rest, (last, true)) => (rest, hours_name_time(cx, last, rest)),
            _ => return fail(),
        },
    };
    let mut i = rest;
    for _ in 0..16 {
        // A clock before a bare day number: "đến 1 giờ ngày 9-12" is one o'clock.
        if let Ok((r, _)) = clock(cx, i) {
            i = r;
            names_time = true;
            continue;
        }
        if let Ok((r, ())) = date_after_when(cx, i) {
            i = r;
            names_time = true;
            continue;
        }
        let (j, ()) = ws(i)?;
        let vocab = cx.vocab(j);
        if let Some((_, r)) = vocab.longest(Cat::When, j) {
            names_time |= !only_part_of_time(vocab, r.len(), j);
            i = r;
            continue;
        }
        // "từ 72 đến 120 giờ tiếp theo": a count of hours is part of the run, and a time by
        // itself only when it can be hours of the clock ("khoảng từ 12-14 giờ").
        if let Ok((r, (last, _))) = hours_count(cx, i) {
            names_time |= hours_name_time(cx, last, r);
            i = r;
            continue;
        }
        if let Ok((r, _)) = date(cx, i) {
            i = r;
            names_time = true;
            continue;
        }
        // "chiều và đêm", "day and night", "the evening of January 20th".
        match j.strip_prefix("và").or_else(|| j.strip_prefix("and")).or_else(|| j.strip_prefix("of ")) {
            Some(a) if lex(cx, Cat::When, a).is_ok() => i = a,
            _ => break,
        }
    }
    Ok((i, if names_time { Item::When } else { Item::Filler }))
}

/// Whether a count of hours ending in `last`, followed by `rest`, names a time: hours of the
/// clock ("từ 12-14 giờ"), or hours counted from now ("24 đến 48 giờ tới", "72 hours next").
fn hours_name_time(cx: &Ctx<'_>, last: f64, rest: &str) -> bool {
    last <= 24.0 || lex(cx, Cat::When, rest).is_ok()
}

/// Whether the `when` phrase at `i` (past its blanks, where the vocabulary has `vocab`), which
/// leaves `rest_len` bytes, is a `when_part` word.
fn only_part_of_time(vocab: Candidates<'_>, rest_len: usize, i: &str) -> bool {
    vocab.longest(Cat::WhenPart, i).is_some_and(|(_, r)| r.len() == rest_len)
}

// name = name_word , { name_word } , [ where_tail ] ;   (* capitalised in the input: places, stations, storms *)
fn name<'a>(cx: &Ctx<'_>, i: &'a str) -> PResult<'a, Item> {
    match name_words(cx, i) {
        // "the Northeast region", "the Mekong Delta provinces": a name with a place word after
        // it is a place.
        Some((r, _, _)) => match lex(cx, Cat::WhereTail, r) {
            Ok((r, _)) => Ok((r, Item::Where)),
            Err(_) => Ok((r, Item::Name)),
        },
        None => fail(),
    }
}

/// A run of words capitalised in the input; returns the rest and the run's normalised span.
fn name_words<'a>(cx: &Ctx<'_>, i: &'a str) -> Option<(&'a str, usize, usize)> {
    let mut j = i.skip_spaces();
    let start = cx.off(j);
    let mut end = start;
    for _ in 0..6 {
        let k = j.skip_spaces();
        if !cx.is_capitalised(cx.off(k)) {
            break;
        }
        // A capitalised vocabulary phrase is not a name ("Gió", "Nhiệt độ" at a sentence start).
        if cx.vocab(k).any(NAME_STOPS, k) {
            break;
        }
        let (rest, w) = unknown_word(k);
        if w.is_empty() || starts_digit(w) {
            break;
        }
        j = rest;
        end = cx.off(rest);
    }
    (end > start).then_some((j, start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulletin::{Language, Range};
    use crate::parser::normalize::Normalized;

    fn items_in(lang: Language, text: &str) -> Vec<Item> {
        let norm = Normalized::new(text, 0);
        let cx = Ctx::new(lang, text, &norm);
        sentence(&cx, &norm.text).into_iter().map(|r| r.item).collect()
    }

    fn items(text: &str) -> Vec<Item> {
        items_in(Language::Vi, text)
    }

    #[test]
    fn wind_with_direction_range_and_level() {
        let it = items("Gió đông bắc đến bắc cấp 3- 4");
        assert_eq!(
            it,
            vec![Item::Wind {
                monsoon: false,
                from: Directions::from_slice(&[Compass::NE, Compass::N]),
                light: false,
                level: Some(Range::new(Some(3.0), Some(4.0))),
                strong: false,
                rises: false
            }]
        );
    }

    #[test]
    fn digit1_is_noms() {
        for t in ["", "a", "1", "12h", "2024/05", "٣", "５5", "9 giờ", "07:30"] {
            assert_eq!(digit1(t).ok(), nom::character::complete::digit1::<_, ()>(t).ok(), "{t:?}");
        }
    }

    #[test]
    fn comparatives_start_with_the_letters_asked_first() {
        for c in COMPARATIVES {
            assert!(c.as_bytes().first().is_some_and(|b| COMPARATIVE_STARTS.contains(b)), "{c}");
        }
    }

    #[test]
    fn wind_without_level_word() {
        let it = items("Gió Đông Bắc 3-4");
        assert!(matches!(&it[..], [Item::Wind { level: Some(r), .. }] if r.max == Some(4.0)));
    }

    #[test]
    fn movement_with_the_verb_again_before_its_speed() {
        let kmh = Some(Range::new(Some(10.0), Some(15.0)));
        let it = items_in(Language::En, "turn north, northeast, move at 10 to 15km per hour");
        assert_eq!(it, vec![Item::Movement { toward: Directions::from_slice(&[Compass::NNE]), kmh }]);
        let it = items_in(Language::En, "moving mainly northwest at 10 to 15km per hour");
        assert_eq!(it, vec![Item::Movement { toward: Directions::from_slice(&[Compass::NW]), kmh }]);
    }

    #[test]
    fn gust_open_level() {
        let it = items("giật trên cấp 6");
        assert_eq!(it, vec![Item::Level { kind: LevelKind::Gust, range: Range::new(Some(6.0), None) }]);
    }

    #[test]
    fn consecutive_levels_with_comma() {
        let it = items("cấp 6, 7");
        assert_eq!(it, vec![Item::Level { kind: LevelKind::Plain, range: Range::new(Some(6.0), Some(7.0)) }]);
    }

    #[test]
    fn rain_join() {
        let it = items("mưa vừa đến mưa to");
        assert!(matches!(&it[..], [Item::Rain { intensity, .. }] if intensity.len() == 2));
    }

    #[test]
    fn mangled_degrees() {
        let it = items("từ 18-200C");
        assert!(
            matches!(&it[..], [Item::Value(v)] if v.range == Range::new(Some(18.0), Some(20.0)) && v.unit == Unit::Celsius)
        );
    }

    #[test]
    fn lat_lon_position() {
        let it = items("20,4 độ vĩ bắc; 121,2 độ kinh đông");
        assert_eq!(it, vec![Item::Position { lat: 20.4, lon: 121.2 }]);
    }

    #[test]
    fn change_is_not_a_value() {
        assert_eq!(items("giảm 3-5 độ"), vec![Item::Change]);
    }

    #[test]
    fn risk_with_cause() {
        let it = items("Cấp độ rủi ro thiên tai do lốc, sét, mưa đá: cấp 1");
        assert!(matches!(&it[..], [Item::Risk { level: Some(1), cause: Some(_) }]));
    }

    #[test]
    fn thunderstorm_beats_rain() {
        assert_eq!(items("mưa dông"), vec![Item::Thunderstorm]);
        assert_eq!(items("mưa đá"), vec![Item::Hazard(crate::bulletin::HazardKind::Hail)]);
    }
}
