//! The document level: lines, area headings, the issue time, labels, sentences, and the
//! unparsed residue with the coverage figure.
//!
//! Lines are read one at a time and normalised one at a time, so memory stays a small multiple
//! of the longest line, not of the input; an overlong line is cut at a blank, and a line wrapped
//! inside a sentence is read with the next.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone};

use super::build::Builder;
use super::lexicon::Cat;
use super::normalize::{
    Normalized, SkipBlanks, has_ascii_digit, has_bracket, is_blank, is_letter, is_upper, is_word_char,
};
use super::phrase;
use super::raw::Item;
use super::{Ctx, ParseOptions};
use crate::bulletin::{Area, Document, Language, SCHEMA, Section, Span, Unparsed};

/// The longest stretch normalised at once; longer lines are cut at a blank before it.
const MAX_CHUNK: usize = 64 * 1024;

// document = { line } ;
pub fn document(input: &str, language: Language, opts: &ParseOptions) -> Document {
    let mut b = Builder::new(input, language);
    // Sized for a dense bulletin (see `expected`) so that neither grows, and copies, in the loop.
    let mut covered: Vec<(usize, usize)> = Vec::with_capacity(expected(input.len()));
    let mut sections: Vec<(Option<Area>, usize, usize)> = vec![(None, 0, 0)]; // area, start, first fact
    let mut issued_at: Option<String> = None;
    let mut observed_inline = false; // the observed block's label had its text on its own line

    // One buffer for every line: allocated once, refilled per line.
    let mut buffer = Normalized::with_capacity(input.len().min(MAX_CHUNK));
    let mut items = Vec::new(); // one sentence's raw items, refilled per sentence
    for (start, line) in chunks(input) {
        buffer.reset(line, start);
        let norm = &buffer;
        let cx = Ctx::new(language, input, norm);
        let body = norm.text.trim_end();
        // Blank to its end once its end is trimmed: empty.
        if body.is_empty() {
            continue;
        }
        // issued_line = ? a line stating when the bulletin was issued ? ;
        if issued_at.is_none()
            && let Some(t) = issued_line(&cx, body, opts)
        {
            issued_at = Some(t);
            cover(&mut covered, start, start + line.len());
            continue;
        }
        let mut text = body;
        // label_line = [ bullet ] , section_label , ":" , [ rest ] ;
        if let Some((observed, rest)) = label(&cx, text) {
            b.observed_block = observed;
            observed_inline = observed && !rest.trim_blanks().is_empty();
            cover(&mut covered, norm.start(cx.off(text)), norm.end(cx.off(rest)));
            text = rest;
        }
        // heading = [ bullet ] , area_name , ":" | area_name_alone ;
        if let Some((name_a, name_b, rest)) = heading(&cx, text, &mut items) {
            let area = Area {
                name: cx.original(name_a, name_b).unwrap_or_default(),
                span: Span(norm.start(name_a), norm.end(name_b)),
            };
            cover(&mut covered, norm.start(cx.off(text)), norm.end(cx.off(rest)));
            sections.push((Some(area), norm.start(cx.off(text)), b.facts.len()));
            b.new_section();
            // An observed label with its text on its line ("Tình hình: Không khí lạnh …") said
            // what was observed there; the areas headed after it are forecast ("+ Bắc Vịnh Bắc
            // Bộ: …"). (A label alone on its line heads the observations listed under it.)
            if observed_inline {
                b.observed_block = false;
                observed_inline = false;
            }
            text = rest;
        }
        // Storm tables: cells end with "|", one cell a line or a whole row on one line; a row
        // starts with its time cell.
        let cell = text.trim_end().strip_suffix('|').map(str::trim_end);
        let cells = cell.is_some() || memchr::memchr(b'|', text.as_bytes()).is_some();
        if cells {
            let t = cell.unwrap_or(text);
            // The header row of a storm's forecast table, in Vietnamese or English.
            const HEADERS: [&str; 6] =
                ["vị trí", "cường độ", "thời điểm", "position", "strongest wind", "intensity"];
            if HEADERS.iter().any(|h| t.contains(h)) {
                b.storm_table = true;
            }
        } else if !text.trim_blanks().is_empty() {
            b.storm_table = false;
        }
        if let Some(c) = cell {
            text = c;
        }
        let row_start = cells && text.split('|').next().is_some_and(is_time_cell);
        // Covered items of this line, merged in normalised offsets while they follow each
        // other (as `cover` merges input offsets) and mapped back once per merged stretch.
        // The stretch is `from..to`; none yet while `from` is usize::MAX, which no item starts
        // at or after (plain numbers, not an Option, so that both stay in registers).
        let (mut from, mut to) = (usize::MAX, 0);
        let base = cx.off(text);
        for (n, sent) in sentences(text, |at| cx.is_capitalised(base + at)).enumerate() {
            phrase::sentence_into(&cx, sent, &mut items);
            let items = items.as_slice();
            // Only the row's first cell, its time, starts the row.
            let row_start = row_start && n == 0;
            let produced = b.sentence(norm, items, row_start);
            // A sentence with no fact is understood only when every word of it is known
            // ("Biển động nhẹ.", "Đêm gió giảm dần."); a bare name ("Hoàng Uyên") is not.
            let whole_known = || items.iter().all(|r| !matches!(r.item, Item::Unknown));
            let worded = || {
                items.iter().any(|r| {
                    !matches!(r.item, Item::Name)
                        && norm.text.get(r.start..r.end).is_some_and(|t| t.chars().any(is_letter))
                })
            };
            if produced == 0 && !row_start && !(whole_known() && worded()) {
                continue; // all of it stays unparsed
            }
            for r in items {
                if matches!(r.item, Item::Unknown) {
                    continue;
                }
                if r.start >= from && r.start <= to + 1 {
                    to = to.max(r.end);
                } else {
                    if from != usize::MAX {
                        cover(&mut covered, norm.start(from), norm.end(to));
                    }
                    (from, to) = (r.start, r.end);
                }
            }
        }
        if from != usize::MAX {
            cover(&mut covered, norm.start(from), norm.end(to));
        }
    }

    // Each section takes its facts off the end of the list, the last section first: the first
    // section keeps the list itself, so the facts of a one-section bulletin are not copied.
    let mut all = std::mem::take(&mut b.facts);
    if all.len() > MAX_EXPECTED {
        // A list that outgrew its first size doubled on the way: up to half of it is spare,
        // and the sections copied out of it would come on top of that (a 50 MB input).
        all.shrink_to_fit();
    }
    let mut out_sections = Vec::with_capacity(sections.len());
    let mut s_end = input.len();
    for (area, s_start, first) in sections.into_iter().rev() {
        let fs = if first == 0 {
            // The first section keeps what is left of the list: not the room of the others.
            let mut fs = std::mem::take(&mut all);
            if fs.capacity() > 2 * fs.len() + expected(0) {
                fs.shrink_to_fit();
            }
            fs
        } else {
            all.split_off(first.min(all.len()))
        };
        let end = input.get(..s_end).map_or(s_end, |t| t.trim_end().len()).max(s_start);
        s_end = s_start;
        if area.is_none() && fs.is_empty() {
            continue;
        }
        out_sections.push(Section { area, span: Span(s_start, end), facts: fs });
    }
    out_sections.reverse();

    let (unparsed, coverage) = residue(input, covered);
    Document { schema: SCHEMA.to_owned(), language, issued_at, sections: out_sections, unparsed, coverage }
}

/// Adds a covered span, merging it into the previous one when only a blank separates them, so
/// the list grows with the number of unparsed gaps, not with the number of words.
fn cover(covered: &mut Vec<(usize, usize)>, a: usize, b: usize) {
    if let Some(last) = covered.last_mut()
        && a >= last.0
        && a <= last.1 + 1
    {
        last.1 = last.1.max(b);
        return;
    }
    covered.push((a, b));
}

/// Lines with their input offsets; a line longer than [`MAX_CHUNK`] is cut at a blank, and a
/// line wrapped inside a sentence is joined to what follows ([`wraps`]).
pub(super) fn chunks(input: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let rest = input.get(pos..)?;
        if rest.is_empty() {
            return None;
        }
        let line_end = |from: usize| {
            let tail = rest.as_bytes().get(from..).unwrap_or_default();
            memchr::memchr(b'\n', tail).map_or(rest.len(), |n| from + n + 1)
        };
        let mut line_end_at = line_end(0);
        // "Nhiệt độ thấp\nnhất: 25 độ": the next line goes on with the sentence.
        while line_end_at < rest.len()
            && let (Some(line), Some(next)) = (rest.get(..line_end_at), rest.get(line_end_at..))
            && wraps(line, next)
        {
            let next_end = line_end(line_end_at);
            if next_end > MAX_CHUNK {
                break;
            }
            line_end_at = next_end;
        }
        let mut end = line_end_at.min(MAX_CHUNK);
        if end < line_end_at {
            // Cut at the last blank before the limit, else at a char boundary.
            end = rest.get(..end).and_then(|s| s.rfind(' ')).map_or(end, |n| n + 1);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            if end == 0 {
                end = rest.char_indices().nth(1).map_or(rest.len(), |(n, _)| n);
            }
        }
        let start = pos;
        pos += end;
        let piece = rest.get(..end)?;
        Some((start, piece.trim_end_matches(['\n', '\r'])))
    })
}

/// Whether `line` was wrapped inside a sentence and goes on at the start of `next`: it ends in
/// a word or a comma, not in a sentence's or a label's end, and `next` starts with a small
/// letter (a new sentence, heading or bullet starts with a capital or a mark). A line ending in
/// a number (an issue time, "… 19/01/2024") or written as a title or in capitals (a heading
/// alone, "Phía Tây Bắc Bộ") is a line of its own.
fn wraps(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    // Asked at every line break: most lines end with a stop, and the next line is not read.
    let last = || line.chars().next_back();
    let first = || next.trim_start_matches([' ', '\t']).chars().next();
    let heading =
        || line.split_whitespace().filter(|w| w.starts_with(is_letter)).all(|w| w.starts_with(is_upper));
    last().is_some_and(|c| is_letter(c) || c == ',')
        && first().is_some_and(|c| is_letter(c) && c.is_lowercase())
        && !heading()
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 12] = ["tp", "tx", "tt", "q", "p", "h", "tr", "st", "ts", "ths", "pgs", "gs"];
/// Words that end in a full stop without ending a sentence when a number follows ("storm No. 8",
/// "min. 12 degrees, max. 19 degrees").
const NUMBER_ABBREVIATIONS: [&str; 4] = ["no", "nos", "min", "max"];

// sentences = sentence , { sentence_end , sentence } ;
// sentence_end = ( "." | "!" | "?" | "|" | "•" | "…" ) , ? not between digits, not in "TP.HCM", not "No." before a number ? ;
/// `capital(at)`: whether the input character behind offset `at` of `text` is a capital.
pub(super) fn sentences(text: &str, capital: impl Fn(usize) -> bool) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    // The next "!" or "?" at or after `at` (rare: searched for again only once passed).
    let mut marks = memchr::memchr2(b'!', b'?', bytes).unwrap_or(bytes.len());
    std::iter::from_fn(move || {
        // Only the ends are looked at closely; every other byte is passed over with memchr
        // ("•" and "…" are the ends outside ASCII, and their first byte starts no ASCII character).
        while at < bytes.len() {
            let rest = bytes.get(at..).unwrap_or_default();
            if marks < at {
                marks = memchr::memchr2(b'!', b'?', rest).map_or(bytes.len(), |n| at + n);
            }
            at = memchr::memchr3(b'.', b'|', 0xE2, rest).map_or(bytes.len(), |n| at + n).min(marks);
            let i = at;
            let (len, boundary) = match bytes.get(i) {
                Some(b'.') => (1, full_stop(text, start, i, &capital)),
                Some(b'!' | b'?' | b'|') => (1, true),
                Some(0xE2) if text.get(i..).is_some_and(|t| t.starts_with('•')) => ('•'.len_utf8(), true),
                // "… Hạ Lang 30,6mm… Dự báo trong những giờ tới": an ellipsis before a capital
                // ends a list and its sentence (what was measured is not what is forecast);
                // "Lai Châu, Sơn La… có mưa" goes on.
                Some(0xE2) if text.get(i..).is_some_and(|t| t.starts_with('…')) => {
                    let len = '…'.len_utf8();
                    let next = text.get(i + len..).map_or(0, |t| t.len() - t.trim_start().len());
                    (len, capital(i + len + next))
                }
                Some(_) => (1, false),
                None => break,
            };
            at += len;
            if boundary {
                let piece = text.get(start..i);
                start = at;
                if let Some(s) = piece
                    && !blank_piece(s)
                {
                    return Some(s);
                }
            }
        }
        let piece = text.get(start..).filter(|s| !blank_piece(s));
        start = bytes.len();
        piece
    })
}

/// Whether a piece between sentence ends is blank (`s.trim().is_empty()`, asked of every
/// sentence): trimmed from its start only, which answers the same at half the cost.
fn blank_piece(s: &str) -> bool {
    // Most pieces start with a letter after ASCII blanks: told by that byte, without decoding
    // characters. A byte above the blank and below 0x80 is no blank; nor is a character led by
    // a byte other than C2, E1, E2 or E3, which lead every blank outside ASCII.
    let lead = s.bytes().position(|b| b != b' ');
    match lead.and_then(|n| s.as_bytes().get(n)) {
        None => true,
        Some(&b) if (b > b' ' && b < 0x80) || (b >= 0x80 && !matches!(b, 0xC2 | 0xE1..=0xE3)) => false,
        Some(_) => s.trim_start().is_empty(),
    }
}

/// Whether the full stop at `i` ends a sentence that started at `start`: not between digits
/// ("3.5m"), not after an abbreviation ("tp.hcm", "tx. giá rai", "no. 8"); "dày đặc.miền trung"
/// is a missing blank after a full stop.
/// The clock's "a.m." and "p.m." end one only before a capital ("at 7 a.m., the storm" goes on;
/// `capital` as for [`sentences`]).
fn full_stop(text: &str, start: usize, i: usize, capital: &impl Fn(usize) -> bool) -> bool {
    let prev = text.get(..i).and_then(|t| t.chars().next_back());
    let next = text.get(i + 1..).and_then(|t| t.chars().next());
    let digits = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|x| x.is_ascii_digit());
    // The word before the stop, looked for only after a letter (most stops end a sentence
    // after a digit or a word that is no abbreviation, and this is asked at each).
    // The blank and the bracket are ASCII: found on bytes, without decoding characters.
    let word = || {
        let s = text.get(start..i).unwrap_or("");
        let from = s.bytes().rposition(|b| b == b' ' || b == b'(').map_or(0, |k| k + 1);
        s.get(from..).unwrap_or("")
    };
    let number_next =
        || text.get(i + 1..).is_some_and(|t| t.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    // Every abbreviation has three bytes at most: a word that fills the last four bytes before
    // the stop (most words) is none of them, and is not looked for.
    let short = || {
        let s = text.get(start..i).unwrap_or("").as_bytes();
        s.last_chunk::<4>().is_none_or(|last| last.iter().any(|&b| b == b' ' || b == b'('))
    };
    let abbrev = prev.is_some_and(is_letter) && short() && {
        let word = word();
        ABBREVIATIONS.contains(&word)
            || (NUMBER_ABBREVIATIONS.contains(&word) && number_next())
            || (matches!(word, "a" | "p") && next == Some('m'))
            || (matches!(word, "a.m" | "p.m") && {
                let after = text.get(i + 1..).unwrap_or_default();
                let blank = after.len() - after.trim_start().len();
                !after.trim_start().is_empty() && !capital(i + 1 + blank)
            })
    };
    !digits && !abbrev
}

/// Strips list bullets and emoji markers at the start of a line.
fn strip_bullet(text: &str) -> &str {
    text.trim_start_matches(|c: char| {
        c == ' '
            || c == '+'
            || c == '-'
            || c == '*'
            || c == '•'
            || c == '·'
            || c == '>'
            || (!c.is_ascii() && !is_word_char(c))
    })
}

/// Phenomena a label may name as its topic before its colon ([`label`]).
const LABEL_TOPICS: [&str; 2] = ["mưa", "rain"];

// label = [ bullet ] , section_label , [ time_or_place | label_topic ] , ":" ;
// (* time_or_place: "Forecast for today and tonight:", "Dự báo cho khu vực Hà Nội:";
//    label_topic: "Tình hình mưa:" *)
fn label<'a>(cx: &Ctx<'_>, text: &'a str) -> Option<(bool, &'a str)> {
    let t = strip_bullet(text);
    let (v, rest) = cx.longest(Cat::SectionLabel, t)?;
    let colon = rest.trim_start().strip_prefix(':').or_else(|| rest.trim_blanks().is_empty().then_some(rest));
    let rest = match colon {
        Some(r) => r,
        None => {
            let (between, after) = rest.split_once(':')?;
            // The label's topic, the bare noun of a phenomenon ("Tình hình mưa:", "Dự báo
            // mưa:"), names what the section is about; it states no fact.
            if LABEL_TOPICS.contains(&between.trim_blanks()) {
                return Some((v == "observed", after));
            }
            // A time or a place between the label and its colon ("Forecast for today and
            // tonight:", "Dự báo cho khu vực Hà Nội:"): read with what follows it, as its facts'
            // `when`, or as the heading of a section.
            let time = between.trim_start();
            let time = time.strip_prefix("for ").or_else(|| time.strip_prefix("cho ")).unwrap_or(time);
            let words = time.trim_end();
            if words.len() > 40 || words.bytes().any(|b| b.is_ascii_digit()) {
                return None;
            }
            let items = phrase::sentence(cx, words);
            let named = items.iter().any(|r| matches!(r.item, Item::When | Item::Where))
                && items
                    .iter()
                    .all(|r| matches!(r.item, Item::When | Item::Where | Item::Filler | Item::Name));
            if !named {
                return None;
            }
            // `time` is the end of `between`, which starts `rest`.
            rest.get(between.len() - time.len()..)?
        }
    };
    Some((v == "observed", rest))
}

// heading = [ bullet ] , area_name , ":" | area_name_alone ;
// (* area_name: at most 14 words, no digits, names a place or a stretch "[từ] X đến Y";
//    area_name_alone: two or more words in capitals, or a title: "Phía Tây Bắc Bộ" *)
/// `items` is a buffer for the name's items.
fn heading<'a>(
    cx: &Ctx<'_>,
    text: &'a str,
    items: &mut Vec<super::raw::Raw>,
) -> Option<(usize, usize, &'a str)> {
    let t = strip_bullet(text);
    // The first colon outside parentheses: "KHU VỰC PHÍA TÂY (các huyện: Hiệp Hòa, Tân Yên):".
    // Brackets are balanced when as many open as close: counted in one pass (which the
    // compiler makes vector code) instead of one search for each kind, once there are any
    // (mostly none: told first on words of eight bytes, cheaper than setting up the vector
    // code for the few bytes before a heading's colon: 231.9k -> 231.6k instructions per
    // typical parse).
    let balanced = |s: &[u8]| {
        !has_bracket(s) || s.iter().map(|&c| i32::from(c == b'(') - i32::from(c == b')')).sum::<i32>() == 0
    };
    let colon = memchr::memchr_iter(b':', t.as_bytes())
        .find(|&n| balanced(t.as_bytes().get(..n).unwrap_or_default()));
    let (name, rest) = match colon {
        Some(n) => (t.get(..n)?, t.get(n + 1..)?),
        None => (t, ""),
    };
    let name_t = name.trim_end();
    if name_t.is_empty() || has_ascii_digit(name_t.as_bytes()) {
        return None;
    }
    // A heading names a place: it starts with an area word or a capitalised name, and is not a
    // label of a value ("Tầm nhìn xa:", "Sóng cao:").
    let starts_area = cx.longest(Cat::WhereHead, name_t).is_some()
        || cx.longest(Cat::Filler, name_t).is_some_and(|(_, r)| {
            let r = r.trim_start();
            r.is_empty() || cx.is_capitalised(cx.off(r)) || (r.starts_with('(') && titled_name(cx, name_t, r))
        });
    // A stretch heading starts with a capitalised name or "từ" (checked before reading the
    // name's words, which every short line would otherwise pay for).
    let may_stretch =
        cx.is_capitalised(cx.off(name_t)) || name_t.starts_with("từ ") || name_t.starts_with("from ");
    if !(starts_area || may_stretch) {
        return None;
    }
    // A heading starts with a capital: "nhất: 25 độ" is the end of a label cut by a line break.
    if cx
        .original_str(cx.off(name_t), cx.off(name_t) + name_t.len())
        .and_then(|t| t.chars().next())
        .is_some_and(|c| c.is_lowercase())
    {
        return None;
    }
    // Counted after the cheaper tests: most lines are sentences, not headings. The places a
    // heading lists in brackets do not count ("KHU VỰC PHÍA NAM (thành phố Hà Giang và các
    // huyện Bắc Quang, Quang Bình, Vị Xuyên, Bắc Mê)").
    let words = || count_words(name_t.split('(').next().unwrap_or(name_t), 15);
    // Fifteen words take 29 bytes at least: a shorter name (most are) is not counted here.
    if name_t.len() >= 29 && words() > 14 {
        return None;
    }
    if colon.is_none() {
        // A heading alone on its line: short, and all capitals or all names ("KHU VỰC PHÍA ĐÔNG",
        // "Phía Tây Bắc Bộ", "Vùng Giữa Biển Đông", "Thanh Hóa - Thừa Thiên Huế").
        let a = cx.off(name_t);
        let original = cx.original_str(a, a + name_t.len())?;
        let upper = original.chars().filter(|&c| is_letter(c)).all(is_upper);
        if !(upper || titled(original)) || words() < 2 {
            return None;
        }
    }
    // A stretch needs a joining word: without one the name's words are not read (most lines
    // starting with a capital are sentences, and were read twice).
    // ("-" is looked for in the whole name at once: a word holds it exactly when the name does.)
    if !starts_area
        && !name_t.as_bytes().contains(&b'-')
        && !name_t.split(' ').any(|w| STRETCH_JOINS.contains(&w))
    {
        return None;
    }
    phrase::sentence_into(cx, name_t, items);
    if !starts_area && !names_a_stretch(cx, name_t, items) {
        return None;
    }
    if starts_area || colon.is_none() {
        // Weather words in the name mean a sentence, not a heading.
        if items.iter().any(|r| !r.item.is_neutral() && !matches!(r.item, Item::Comma)) {
            return None;
        }
    }
    let a = cx.off(name_t);
    Some((a, a + name_t.len(), rest))
}

/// `s.split_whitespace().take(max).count()` on bytes (tested equal): a heading's words are
/// counted at each line that may be one, and splitting by decoded characters cost 30
/// instructions a character (232.1k -> 231.9k instructions per typical parse). A character is
/// a blank when it is one of the ASCII blanks or, led by C2, E2 or E3, decodes to one, or is
/// the ogham space mark (E1 9A 80): E1 leads most Vietnamese letters, and is told from its
/// bytes.
fn count_words(s: &str, max: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut n, mut i, mut after_blank) = (0, 0, true);
    while let Some(&b) = bytes.get(i) {
        let (len, blank) = match b {
            0..=0x7F => (1, b == b' ' || b.wrapping_sub(b'\t') <= b'\r' - b'\t'),
            0xC2 | 0xE2 | 0xE3 => {
                let c = s.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
                (c.len_utf8(), is_blank(c))
            }
            0xE1 => (3, bytes.get(i + 1..i + 3) == Some(&[0x9A, 0x80][..])),
            0xF0.. => (4, false),
            0xE0.. => (3, false),
            _ => (2, false),
        };
        if !blank && after_blank {
            if n == max {
                return n;
            }
            n += 1;
        }
        after_blank = blank;
        i += len;
    }
    n
}

/// Whether the words of `name` before `rest` are a name of two words or more, each capitalised:
/// "Bắc Biển Đông (bao gồm vùng biển đặc khu Hoàng Sa)" is an area with what it includes in
/// brackets, "Cụ thể (theo số liệu quan trắc)" is none.
fn titled_name(cx: &Ctx<'_>, name: &str, rest: &str) -> bool {
    let a = cx.off(name);
    let b = cx.off(rest);
    let words = cx.original_str(a, b).unwrap_or_default().split_whitespace().collect::<Vec<_>>();
    words.len() >= 2 && words.iter().all(|w| w.starts_with(is_upper))
}

/// Whether a line reads as a title: no closing punctuation, and every word capitalised but the
/// words that join names and at most one other ("Khu vực Hà Nội", "Vùng biển Quảng Ninh").
fn titled(line: &str) -> bool {
    const JOINS: [&str; 8] = ["và", "đến", "tới", "từ", "and", "to", "of", "the"];
    if line.ends_with(['.', ',', ';', '!', '?']) {
        return false;
    }
    let small = line
        .split_whitespace()
        .filter(|w| w.starts_with(is_letter) && !w.starts_with(is_upper) && !JOINS.contains(w))
        .count();
    small <= 1
}

/// The words that join the two places of a stretch ([`names_a_stretch`]).
const STRETCH_JOINS: [&str; 4] = ["đến", "tới", "-", "to"];

/// "Thanh Hóa đến Thừa Thiên Huế", "Từ Đà Nẵng đến Bình Thuận", "Quảng Trị - Quảng Ngãi": a
/// stretch between two named places, which forecasts use as a region heading.
fn names_a_stretch(cx: &Ctx<'_>, name: &str, items: &[super::raw::Raw]) -> bool {
    let text = |r: &super::raw::Raw| cx_text(cx, r);
    const OPENS: [&str; 2] = ["từ", "from"];
    // The joining words read as fillers (or as time words) on their own: kept by their text.
    let mut kinds = items
        .iter()
        .filter(|r| {
            !matches!(r.item, Item::Filler) || OPENS.contains(&text(r)) || STRETCH_JOINS.contains(&text(r))
        })
        .peekable();
    if kinds.peek().is_some_and(|r| OPENS.contains(&text(r))) {
        kinds.next();
    }
    let seq: Vec<&super::raw::Raw> = kinds.collect();
    matches!(
        seq.as_slice(),
        [a, join, b] if a.item == Item::Name && b.item == Item::Name && STRETCH_JOINS.contains(&text(join))
    ) && !name.is_empty()
}

/// The normalised text of a raw item.
fn cx_text<'c>(cx: &Ctx<'c>, r: &super::raw::Raw) -> &'c str {
    cx.norm_text().get(r.start..r.end).unwrap_or("")
}

fn is_time_cell(text: &str) -> bool {
    let t = text.trim_blanks();
    !t.is_empty() && t.len() <= 24 && t.chars().next().is_some_and(|c| c.is_ascii_digit()) && !t.contains(' ')
}

// issued_line = [ issued_label , [ ":" ] ] , { word } , time , { word } , ( date | month_date )
//             | weekday , "," , ( date | month_date ) , "|" , time , [ zone ] ;
fn issued_line(cx: &Ctx<'_>, text: &str, opts: &ParseOptions) -> Option<String> {
    let t = strip_bullet(text);
    let labelled = cx.longest(Cat::IssuedLabel, t).is_some();
    let zoned = names_vietnam_zone(t);
    // A weekday opens the issue time only with its date right after it ("Thứ Sáu, 20/04/2018",
    // "Friday, November 18, 2024"): "Friday: Cloudy, … level 2-3" opens a day of a forecast.
    let after_weekday = cx.longest(Cat::Weekday, t).map(|(_, rest)| rest).or_else(|| {
        t.strip_prefix("chủ nhật")
            .or_else(|| t.strip_prefix("thứ ").map(|r| r.trim_start_matches(|c: char| c.is_alphanumeric())))
    });
    let weekday = after_weekday.is_some_and(|rest| {
        let rest = rest.trim_start_matches([',', ' ', '-', '(', '|']);
        let rest = rest.strip_prefix("ngày ").unwrap_or(rest);
        // "Friday, November 18, 2024: Cloudy, …", "Saturday 10 August:": a date heading the
        // day of a forecast.
        let heads_a_day = rest.contains(": ") || rest.trim_end().ends_with(':');
        !heads_a_day
            && (rest.starts_with(|c: char| c.is_ascii_digit()) || cx.longest(Cat::MonthName, rest).is_some())
    });
    if !(labelled || zoned || weekday) || t.len() > 160 {
        return None;
    }
    let date = find_date(t, opts).or_else(|| month_date(cx, t, opts))?;
    let time = find_time(t).unwrap_or(NaiveTime::MIN);
    let dt = super::vietnam().from_local_datetime(&date.and_time(time)).single()?;
    Some(dt.to_rfc3339())
}

/// Whether the text gives Vietnam's zone: "GMT+7", "GMT +7", "G4T+7" (a typo at a source).
/// Asked of every line until the issue time is found: one search for "+" instead of one per
/// spelling.
fn names_vietnam_zone(t: &str) -> bool {
    memchr::memchr_iter(b'+', t.as_bytes()).any(|k| {
        let before = t.as_bytes().get(..k).unwrap_or_default();
        t.as_bytes().get(k + 1) == Some(&b'7')
            && [&b"gmt"[..], b"gmt ", b"g4t"].iter().any(|zone| before.ends_with(zone))
    })
}

/// The first "d/m[/y]" (or "d-m-y", "d.m.y") in the text; a missing year comes from `now`.
///
/// Read on bytes, with no copy of the text: digits and separators are ASCII, and no byte of a
/// wider character is one, so a byte is a digit exactly where a character is.
fn find_date(t: &str, opts: &ParseOptions) -> Option<NaiveDate> {
    let bytes = t.as_bytes();
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    while i < bytes.len() {
        if digit_at(i) && (i == 0 || !digit_at(i - 1)) {
            // Day, month and year as they come: at most three numbers.
            let mut nums = [0u32; 3];
            let mut count = 0;
            let mut j = i;
            let mut sep_ok = true;
            while count < nums.len() && sep_ok {
                let s = j;
                while digit_at(j) {
                    j += 1;
                }
                *nums.get_mut(count)? = t.get(s..j)?.parse().ok()?;
                count += 1;
                sep_ok = matches!(bytes.get(j), Some(b'/' | b'-' | b'.')) && digit_at(j + 1);
                if sep_ok {
                    j += 1;
                }
            }
            if let [d, m, rest @ ..] = nums.get(..count)? {
                let y = rest
                    .first()
                    .map_or(opts.now.year(), |&y| if y < 100 { 2000 + y as i32 } else { y as i32 });
                if let Some(date) = NaiveDate::from_ymd_opt(y, *m, *d) {
                    return Some(date);
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

// month_date = month_name , day , [ ordinal ] , [ "," ] , [ year ]
//            | day , [ ordinal ] , month_name , [ "," ] , [ year ] ;
/// The first date written with a month name ("november 18, 2024", "18th nov 2024"); a missing
/// year comes from `now`.
fn month_date(cx: &Ctx<'_>, t: &str, opts: &ParseOptions) -> Option<NaiveDate> {
    let day_of = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = w.get(digits.len()..).unwrap_or("");
        if !["", "st", "nd", "rd", "th"].contains(&suffix) || digits.len() > 2 {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    };
    let year_of = |w: Option<&str>| -> Option<i32> {
        w.filter(|w| w.len() == 4).and_then(|w| w.parse().ok()).filter(|y| (1900..=2200).contains(y))
    };
    let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    for (n, w) in words.iter().enumerate() {
        let Some(month) = cx.longest(Cat::MonthName, w).and_then(|(m, _)| m.parse::<u32>().ok()) else {
            continue;
        };
        // "november 18, 2024" or "18 november 2024".
        let after = words.get(n + 1).and_then(|w| day_of(w)).map(|d| (d, words.get(n + 2)));
        // A number before "may" (or "march") is a day only with an ordinal or a year ("18th
        // may", "18 may 2024"): "level 7 may increase" is no date; "18 October" is one.
        let verb = matches!(*w, "may" | "march");
        let before = n
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .filter(|b| {
                !verb
                    || b.ends_with(|c: char| c.is_ascii_alphabetic())
                    || year_of(words.get(n + 1).copied()).is_some()
            })
            .and_then(|w| day_of(w))
            .map(|d| (d, words.get(n + 1)));
        if let Some((day, year)) = after.or(before) {
            let year = year_of(year.copied()).unwrap_or(opts.now.year());
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                return Some(date);
            }
        }
    }
    None
}

/// The first "15:56", "16h00", "15h30'", "09 giờ 45 phút" in the text.
///
/// Read on bytes, as [`find_date`]; the minutes are looked for in the twelve characters after
/// the hour.
fn find_time(t: &str) -> Option<NaiveTime> {
    let bytes = t.as_bytes();
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    for i in 0..bytes.len() {
        if !digit_at(i) || (i > 0 && digit_at(i - 1)) {
            continue;
        }
        let mut j = i;
        while digit_at(j) {
            j += 1;
        }
        let h: u32 = t.get(i..j)?.parse().ok()?;
        let tail = t.get(j..)?;
        // Most numbers are followed by none of the separators: told before the twelve
        // characters are counted off (each separator is shorter than twelve characters, so
        // it starts the twelve exactly when it starts the tail).
        if !(tail.starts_with([':', 'h']) || tail.starts_with(" giờ")) {
            continue;
        }
        let rest = tail.get(..tail.char_indices().nth(12).map_or(tail.len(), |(k, _)| k))?;
        let after = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('h'))
            .or_else(|| rest.strip_prefix(" giờ "))
            .or_else(|| rest.strip_prefix(" giờ"));
        let Some(after) = after else { continue };
        let mins = after.get(..after.bytes().take_while(u8::is_ascii_digit).count())?;
        let m: u32 = if mins.is_empty() { 0 } else { mins.parse().ok()? };
        if let Some(time) = NaiveTime::from_hms_opt(h, m, 0) {
            return Some(time);
        }
    }
    None
}

/// The unparsed stretches (the complement of what was covered, trimmed, merged) and coverage.
fn residue(input: &str, mut covered: Vec<(usize, usize)>) -> (Vec<Unparsed>, f64) {
    covered.sort_unstable();
    let mut out = Vec::new();
    let mut pos = 0usize;
    let mut uncovered_chars = 0usize;
    // Each gap is read as it is found: no list of them is built.
    for (a, b) in covered.iter().copied().chain(std::iter::once((input.len(), input.len()))) {
        let gap = pos;
        pos = pos.max(b);
        if a <= gap {
            continue;
        }
        let Some(text) = input.get(gap..a) else { continue };
        // Punctuation between understood phrases is understood too.
        if !text.chars().any(is_word_char) {
            continue;
        }
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        let (s, e) = (gap + lead, gap + lead + trimmed.len());
        uncovered_chars += trimmed.chars().filter(|&c| !is_blank(c)).count();
        out.push(Unparsed { span: Span(s, e), text: trimmed.to_owned() });
    }
    let total = non_blank_chars(input);
    let coverage = if total == 0 {
        0.0
    } else {
        ((total - uncovered_chars.min(total)) as f64 / total as f64 * 1000.0).round() / 1000.0
    };
    (out, coverage)
}

/// `s.chars().filter(|c| !c.is_whitespace()).count()` on bytes: the coverage figure counts
/// the whole input, and decoding every character (with a branch on each that Vietnamese text
/// makes unpredictable) was a twelfth of the parse. Characters are counted by their first
/// bytes in one branch-free pass; the few non-ASCII blanks, all starting with C2, E1 9A, E2 or
/// E3, are found with memchr and decoded.
fn non_blank_chars(s: &str) -> usize {
    let b = s.as_bytes();
    // Per byte: 1 for the first byte of a character that is no ASCII blank. Summed in u8 lanes
    // over chunks of at most 255 bytes, which the compiler turns into vector code. Chunks of
    // 224 bytes, seven times the 32 bytes of a step of that code, leave no bytes over for its
    // scalar tail but in the last (255 left 31 in each: 235.7k -> 235.1k instructions per
    // typical parse).
    let starts: usize = b
        .chunks(224)
        .map(|chunk| {
            let n: u8 = chunk
                .iter()
                .map(|&x| {
                    u8::from((x as i8) >= -0x40)
                        - u8::from(x == b' ' || x.wrapping_sub(b'\t') <= b'\r' - b'\t')
                })
                .fold(0u8, u8::wrapping_add);
            usize::from(n)
        })
        .sum();
    let decoded =
        |k: usize| s.get(k..).and_then(|t| t.chars().next()).is_some_and(|c| !c.is_ascii() && is_blank(c));
    let wide = memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b).filter(|&k| decoded(k)).count();
    // Built once: building the searcher for each text cost more than the search.
    static OGHAM: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{1680}".as_bytes()).into_owned());
    let ogham = OGHAM.find_iter(b).count();
    starts - wide - ogham
}

/// How many covered stretches, or facts, a text of `len` bytes may give (a capacity): the
/// densest texts of the corpus give one every 26 bytes. Sized for them, so that a bulletin's
/// facts are not copied to a bigger buffer halfway (a tenth of a parse's time when they were).
pub(super) fn expected(len: usize) -> usize {
    (len / 24).clamp(8, MAX_EXPECTED)
}

/// The largest capacity [`expected`] gives: a bigger input grows its lists as it goes.
const MAX_EXPECTED: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnam_zone_spellings() {
        for t in ["15:56 gmt+7", "(gmt+7)", "15h gmt +7", "g4t+7 |", "thứ sáu | gmt+7"] {
            assert!(names_vietnam_zone(t), "{t}");
        }
        for t in ["gmt+8", "gmt+", "+7 gmt", "gmt  +7", "mt+7", ""] {
            assert!(!names_vietnam_zone(t), "{t}");
        }
    }

    #[test]
    fn non_blank_characters_counted_on_bytes() {
        let blanks: String =
            (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        for s in ["", "  Mưa  to.\n", "a\u{a0}b\u{2003}c\u{3000}ạ\u{1680}", "Đông\tBắc\r\n•", blanks.as_str()]
        {
            assert_eq!(non_blank_chars(s), s.chars().filter(|c| !c.is_whitespace()).count(), "{s:?}");
        }
    }

    #[test]
    fn words_counted_on_bytes() {
        let blanks: String =
            (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        let mut texts: Vec<String> =
            ["", " ", "a", " a  b ", "Phía Tây Bắc Bộ", "x\u{1680}y\u{a0}z\u{3000}ạ", "\u{85}q\tr\x0bs\x1ct"]
                .iter()
                .map(|t| (*t).to_owned())
                .collect();
        // Every character between words, and as a word.
        texts.extend(
            (0..=0x10FFFF)
                .filter_map(char::from_u32)
                .step_by(3)
                .chain(blanks.chars())
                .map(|c| format!("ạ{c}b {c} {c}{c}")),
        );
        for t in &texts {
            for max in [0, 1, 2, 3, 15] {
                assert_eq!(count_words(t, max), t.split_whitespace().take(max).count(), "{t:?} {max}");
            }
        }
    }

    #[test]
    fn blank_pieces_told_by_their_first_byte() {
        let blanks: String =
            (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        for c in (0..=0x10FFFF).filter_map(char::from_u32).step_by(7).chain(blanks.chars()).chain(['a', '.'])
        {
            for s in [format!("{c}"), format!("  {c}x"), format!(" {c} "), format!("\u{a0}{c}")] {
                assert_eq!(blank_piece(&s), s.trim().is_empty(), "{s:?}");
            }
        }
        assert!(blank_piece("") && blank_piece("   ") && blank_piece(" \u{3000}\t"));
    }

    #[test]
    fn sentence_split_keeps_decimals_and_abbreviations() {
        let all = |t| sentences(t, |_| true).collect::<Vec<_>>();
        assert_eq!(all("sóng cao 3.5m. gió nhẹ"), vec!["sóng cao 3.5m", " gió nhẹ"]);
        assert_eq!(all("dày đặc.miền trung có mưa"), vec!["dày đặc", "miền trung có mưa"]);
        assert_eq!(all("tp.hcm có mưa").len(), 1);
        // "No." before a number numbers a storm; elsewhere it may end a sentence.
        assert_eq!(all("the center of storm no. 8 was at").len(), 1);
        assert_eq!(all("there is no. rain later").len(), 2);
        assert_eq!(
            all("mưa rào • gió nhẹ! trời nắng? | x."),
            vec!["mưa rào ", " gió nhẹ", " trời nắng", " x"]
        );
        assert_eq!(
            all("hạ lang 30,6mm… dự báo trong những giờ tới"),
            vec!["hạ lang 30,6mm", " dự báo trong những giờ tới"]
        );
    }

    #[test]
    fn a_phrase_taking_the_rest_of_its_sentence_covers_it() {
        // A cause ("ảnh hưởng …") and boilerplate ("đều có nguy cơ …") read to the end of their
        // sentence: nothing of it is left unparsed, least of all a word cut after its first
        // letter ("nh hưởng", "ều có").
        let opts = ParseOptions::default();
        let text = "Sau đó không khí lạnh ảnh hưởng đến các nơi khác ở Bắc Bộ. \
                    Tàu thuyền trên các khu vực trên đều có nguy cơ cao chịu tác động của gió mạnh.";
        let doc = document(text, Language::Vi, &opts);
        for u in &doc.unparsed {
            assert!(!u.text.starts_with("nh ") && !u.text.starts_with("ều"), "{:?}", u.text);
            let before = text.get(..u.span.0).and_then(|t| t.chars().next_back());
            assert!(!before.is_some_and(char::is_alphanumeric), "cut inside a word: {:?}", u.text);
        }
    }

    #[test]
    fn dates_and_times() {
        let opts = ParseOptions::default();
        assert_eq!(
            find_date("thứ sáu, 20/04/2018 | 15:56 g4t+7", &opts),
            NaiveDate::from_ymd_opt(2018, 4, 20)
        );
        assert_eq!(find_time("thứ sáu, 20/04/2018 | 15:56 g4t+7"), NaiveTime::from_hms_opt(15, 56, 0));
        assert_eq!(find_time("thời gian phát: 16h00 ngày 19/01"), NaiveTime::from_hms_opt(16, 0, 0));
    }

    #[test]
    fn a_line_wrapped_inside_a_sentence_is_read_on() {
        let text = "Gió nhẹ. Nhiệt độ thấp\r\nnhất: 25 độ; Nhiệt độ\ncao nhất: 31 độ.\n";
        let doc = crate::parser::parse(text, &ParseOptions::default());
        let temps: Vec<(Option<crate::bulletin::Bound>, &str)> = doc
            .facts()
            .filter_map(|f| match &f.body {
                crate::bulletin::FactBody::Temperature { bound, .. } => Some((*bound, f.text.as_str())),
                _ => None,
            })
            .collect();
        use crate::bulletin::Bound;
        assert_eq!(
            temps,
            [
                (Some(Bound::Low), "Nhiệt độ thấp\r\nnhất: 25 độ"),
                (Some(Bound::High), "Nhiệt độ\ncao nhất: 31 độ")
            ]
        );
        // Spans still point at the input.
        for f in doc.facts() {
            assert_eq!(text.get(f.span.0..f.span.1), Some(f.text.as_str()));
        }
        let en = ParseOptions { lang: crate::parser::LangChoice::En, ..ParseOptions::default() };
        let doc = crate::parser::parse("Tonight, light rain in the\n  northern mountains.\n", &en);
        let wheres: Vec<_> = doc.facts().map(|f| f.qualifiers.where_.clone()).collect();
        assert_eq!(wheres, [Some("in the\n  northern mountains".to_owned())]);
        // A line that ends its sentence, or a next line that starts with a capital or a mark,
        // is a line of its own.
        assert!(wraps("Nhiệt độ thấp", "nhất: 25 độ"));
        assert!(wraps("có mưa rào,", " rải rác"));
        assert!(!wraps("Gió nhẹ.", "nhiệt độ"));
        assert!(!wraps("Phía Tây Bắc Bộ:", "có mưa"));
        assert!(!wraps("Nhiệt độ", "Cao nhất: 31 độ"));
        assert!(!wraps("Nhiệt độ", "- cao nhất: 31 độ"));
        assert!(!wraps("", "nhất"));
        // An issue time or a heading alone is a line of its own.
        assert!(!wraps("Thời gian phát tin: 16h00 ngày 19/01/2024", "khu vực Hà Nội có mưa"));
        assert!(!wraps("Phía Tây Bắc Bộ", "có mưa rào"));
        assert!(!wraps("KHU VỰC PHÍA ĐÔNG", "có mưa rào"));
    }

    #[test]
    fn a_stretch_between_two_places_is_a_heading() {
        let text = "Phía Đông Bắc Bộ: Có mưa.\nThanh Hóa đến Thừa Thiên Huế: Ngày nắng nóng.\n\
                    Từ Đà Nẵng đến Bình Thuận: Ngày nắng.\nQuảng Trị - Quảng Ngãi: Có mưa.\n\
                    Ghi chú: xem thêm.\n";
        let doc = crate::parser::parse(text, &ParseOptions::default());
        let names: Vec<&str> =
            doc.sections.iter().filter_map(|s| s.area.as_ref()).map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Phía Đông Bắc Bộ",
                "Thanh Hóa đến Thừa Thiên Huế",
                "Từ Đà Nẵng đến Bình Thuận",
                "Quảng Trị - Quảng Ngãi"
            ]
        );
    }

    #[test]
    fn a_position_of_a_depression_is_a_depression() {
        let text = "Bão số 5 đã suy yếu. Hồi 07 giờ ngày 12/9, vị trí tâm áp thấp nhiệt đới ở vào khoảng \
                    15,2 độ Vĩ Bắc; 112,5 độ Kinh Đông. Sức gió mạnh nhất vùng gần tâm áp thấp nhiệt đới \
                    mạnh cấp 6, giật cấp 8.";
        let doc = crate::parser::parse(text, &ParseOptions::default());
        let cats: Vec<_> = doc
            .facts()
            .filter_map(|f| match &f.body {
                crate::bulletin::FactBody::Cyclone(c) if c.lat.is_some() => Some(c.category),
                _ => None,
            })
            .collect();
        assert_eq!(cats, [crate::bulletin::CycloneCategory::TropicalDepression]);
    }

    #[test]
    fn rain_named_as_a_cause_is_no_rain_fact() {
        let kinds = |t: &str| -> Vec<&'static str> {
            crate::parser::parse(t, &ParseOptions::default())
                .facts()
                .map(crate::bulletin::Fact::kind)
                .collect()
        };
        assert_eq!(kinds("Mưa lớn có khả năng gây lũ quét."), ["hazard"]);
        assert_eq!(kinds("Localized heavy rain can cause flash floods."), ["hazard"]);
        assert_eq!(kinds("Ngày mai có mưa to gây ngập úng."), ["rain", "hazard"]);
    }

    #[test]
    fn a_place_after_its_facts_qualifies_them() {
        let wheres = |t: &str| -> Vec<Option<String>> {
            crate::parser::parse(t, &ParseOptions::default())
                .facts()
                .map(|f| f.qualifiers.where_.clone())
                .collect()
        };
        let central = Some("in the Central Highlands and the South".to_owned());
        assert_eq!(wheres("Tonight, heavy rain in the Central Highlands and the South."), [central]);
        let mountains = Some("ở vùng núi".to_owned());
        assert_eq!(wheres("Có mưa rào và dông rải rác ở vùng núi."), [mountains.clone(), mountains]);
        // Only the facts of its clause; a bare head names nothing.
        let coast = Some("ven biển".to_owned());
        assert_eq!(wheres("Có thể gây lũ quét, ngập lụt ven biển."), [None, coast]);
        assert_eq!(wheres("Scattered showers over."), [None]);
        // A name with a place word after it is a place.
        let opts = ParseOptions { lang: crate::parser::LangChoice::En, ..ParseOptions::default() };
        let doc = crate::parser::parse("The Northeast region will have light rain.", &opts);
        let w: Vec<_> = doc.facts().map(|f| f.qualifiers.where_.clone()).collect();
        assert_eq!(w, [Some("Northeast region".to_owned())]);
    }

    #[test]
    fn english_month_dates() {
        let opts = ParseOptions::default();
        let norm = Normalized::new("", 0);
        let cx = Ctx::new(Language::En, "", &norm);
        let d = |t: &str| month_date(&cx, t, &opts);
        assert_eq!(d("monday, november 18, 2024 | 15:40"), NaiveDate::from_ymd_opt(2024, 11, 18));
        assert_eq!(d("updated: 07:15, 3rd jan 2025"), NaiveDate::from_ymd_opt(2025, 1, 3));
        assert_eq!(d("issued 31 february 2025"), None);
        assert_eq!(d("level 7 may increase"), None);
    }
}
