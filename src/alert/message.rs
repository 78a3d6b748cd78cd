//! Alert messages: Telegram HTML, escaped, within Telegram's 4096 characters.
//!
//! One message per area and bulletin: the alerts most severe first, each with the source phrase
//! quoted, where it applies and the threshold crossed. A message too long for one Telegram
//! message is split between lines; no line holds an unclosed tag, so no split falls inside one.

use chrono::DateTime;

use super::engine::Alert;
use super::lifecycle::Change;
use super::ruleset::{Severity, Title};
use super::text::{self, ALL_CLEAR_ICON, texts};
use crate::bulletin::Language;

/// Telegram's limit on a message's length, in UTF-16 code units (what Telegram counts).
pub const TELEGRAM_LIMIT: usize = 4096;

/// The longest quote of source text kept in a message, in characters.
const QUOTE_LIMIT: usize = 300;
/// Quotes and places/times shown per alert; the rest is counted. With these caps no line of a
/// message comes near Telegram's limit.
const MAX_QUOTES: usize = 8;
const MAX_NOTES: usize = 6;

/// One change to tell a subscriber about.
#[derive(Debug, Clone, Copy)]
pub struct Notice<'a> {
    pub change: Change,
    pub severity: Severity,
    pub title: &'a Title,
    /// The alert in force; `None` for an all-clear.
    pub alert: Option<&'a Alert>,
}

/// Escapes text for Telegram's HTML parse mode.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn truncate(s: &str, chars: usize) -> String {
    if s.chars().count() <= chars {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(chars.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// "15:56 20/04/2018" (vi) or "20 Apr 2018 15:56" (en) from an RFC 3339 time; the text itself
/// when it is not one.
pub fn format_time(lang: Language, rfc3339: &str) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => match lang {
            Language::Vi => t.format("%H:%M %d/%m/%Y").to_string(),
            Language::En => t.format("%d %b %Y %H:%M").to_string(),
        },
        Err(_) => rfc3339.to_owned(),
    }
}

fn title(lang: Language, t: &Title) -> &str {
    match lang {
        Language::Vi => &t.vi,
        Language::En => &t.en,
    }
}

/// The lines of one alert.
fn alert_lines(lang: Language, n: &Notice<'_>, out: &mut Vec<String>) {
    let tx = texts(lang);
    let icon = if n.change == Change::AllClear { ALL_CLEAR_ICON } else { text::icon(n.severity) };
    out.push(format!(
        "{icon} <b>{}</b> — {} · <i>{}</i>",
        escape(title(lang, n.title)),
        escape(tx.severity(n.severity)),
        escape(tx.change(n.change))
    ));
    let Some(alert) = n.alert else { return };
    for q in alert.quotes.iter().take(MAX_QUOTES) {
        out.push(format!("«{}»", escape(&truncate(q, QUOTE_LIMIT))));
    }
    if alert.quotes.len() > MAX_QUOTES {
        out.push(format!("«…» (+{})", alert.quotes.len() - MAX_QUOTES));
    }
    let mut notes: Vec<String> = Vec::new();
    for e in &alert.evidence {
        if let Some(w) = e.where_.as_ref().or(e.place.as_ref()) {
            let w = format!("{} {}", tx.place, truncate(w, 80));
            if !notes.contains(&w) {
                notes.push(w);
            }
        }
        if let Some(w) = &e.when
            && !notes.contains(&truncate(w, 80))
        {
            notes.push(truncate(w, 80));
        }
    }
    if alert.evidence.iter().all(|e| e.possible) {
        notes.push(tx.possible.to_owned());
    }
    if notes.len() > MAX_NOTES {
        notes.truncate(MAX_NOTES);
        notes.push("…".to_owned());
    }
    if !notes.is_empty() {
        out.push(format!("<i>{}</i>", escape(&notes.join("; "))));
    }
    // The threshold crossed: the first comparison in the evidence.
    if let Some((path, op, threshold, value)) = alert.evidence.iter().find_map(|e| {
        let mut parts = e.test.splitn(3, ' ');
        let (path, op, threshold) = (parts.next()?, parts.next()?, parts.next()?);
        (op != "in").then_some((path, op, threshold, e.value.as_deref()))
    }) {
        let field = text::label(lang, text::field_label(path), path);
        let shown_op = match op {
            ">=" => "≥",
            "<=" => "≤",
            "!=" => "≠",
            "==" => "=",
            other => other,
        };
        let threshold = text::label(lang, text::value_label(path, threshold), threshold);
        let mut line = format!("{}: {field} {shown_op} {threshold}", tx.threshold);
        if let Some(v) = value {
            let v = text::label(lang, text::value_label(path, v), v);
            line.push_str(&format!(" ({}: {v})", tx.bulletin_says));
        }
        out.push(escape(&line));
    }
}

/// The messages telling a subscriber to `area` about `notices` from one bulletin, each within
/// [`TELEGRAM_LIMIT`]; none when there is nothing to tell.
pub fn render(lang: Language, area: &str, issued_at: Option<&str>, notices: &[Notice<'_>]) -> Vec<String> {
    if notices.is_empty() {
        return Vec::new();
    }
    let tx = texts(lang);
    let mut sorted: Vec<&Notice<'_>> = notices.iter().collect();
    // Alerts in force first, most severe first; all-clears last.
    sorted.sort_by_key(|n| (n.change == Change::AllClear, std::cmp::Reverse(n.severity)));
    let only_clear = sorted.iter().all(|n| n.change == Change::AllClear);
    let top = sorted.first().map_or(Severity::Info, |n| n.severity);
    let (icon, heading) =
        if only_clear { (ALL_CLEAR_ICON, tx.heading_all_clear) } else { (text::icon(top), tx.heading) };
    let mut header = vec![format!("{icon} <b>{} — {}</b>", escape(heading), escape(&truncate(area, 200)))];
    if let Some(t) = issued_at {
        header.push(escape(&format!("{} {}", tx.issued, format_time(lang, t))));
    }
    let mut body = Vec::new();
    for n in sorted {
        body.push(String::new());
        alert_lines(lang, n, &mut body);
    }
    split(&header, &body, tx.continued)
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Packs `body` lines after `header` into messages of at most [`TELEGRAM_LIMIT`] UTF-16 units,
/// splitting only between lines; a continuation repeats the header's first line, marked.
fn split(header: &[String], body: &[String], continued: &str) -> Vec<String> {
    let first = header.join("\n");
    let again = format!("{} {}", header.first().map_or("", String::as_str), escape(continued));
    let mut out = Vec::new();
    let mut cur = first;
    let mut has_body = false;
    for line in body {
        // Every line is far below the limit (quotes, places and names are truncated and
        // capped), so a line always fits in a fresh message; a line is never cut, since it
        // holds escaped text and tags.
        let line = line.clone();
        if utf16_len(&cur) + 1 + utf16_len(&line) > TELEGRAM_LIMIT && has_body {
            out.push(std::mem::replace(&mut cur, again.clone()));
            has_body = false;
            if line.is_empty() {
                continue;
            }
        }
        cur.push('\n');
        cur.push_str(&line);
        has_body |= !line.is_empty();
    }
    out.push(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alert::engine::Evidence;
    use crate::bulletin::Span;

    fn alert(quote: &str) -> Alert {
        Alert {
            rule: "rain_heavy".into(),
            severity: Severity::Warning,
            title: Title { vi: "Mưa to".into(), en: "Heavy rain".into() },
            criterion: None,
            condition: "rain.intensity >= heavy".into(),
            evidence: vec![Evidence {
                kind: "rain",
                test: "rain.intensity >= heavy".into(),
                value: Some("heavy".into()),
                text: quote.into(),
                span: Span(0, quote.len()),
                where_: Some("miền Tây".into()),
                place: None,
                when: None,
                possible: false,
            }],
            quotes: vec![quote.into()],
            magnitude: 2.0,
            magnitudes: Vec::new(),
            superseded_by: None,
        }
    }

    #[test]
    fn escapes_and_quotes() {
        let a = alert("mưa to <b> & \"x\"");
        let n = Notice { change: Change::New, severity: a.severity, title: &a.title, alert: Some(&a) };
        let m = render(Language::Vi, "Bạc Liêu", Some("2018-04-20T15:56:00+07:00"), &[n]);
        assert_eq!(m.len(), 1);
        let m = &m[0];
        assert!(m.contains("«mưa to &lt;b&gt; &amp; &quot;x&quot;»"), "{m}");
        assert!(m.contains("Bản tin lúc 15:56 20/04/2018"), "{m}");
        assert!(m.contains("tại miền Tây"), "{m}");
        assert!(m.contains("Ngưỡng: mưa ≥ to (bản tin: to)"), "{m}");
        let en = render(Language::En, "Bac Lieu", None, &[n]);
        assert!(en[0].contains("Heavy rain") && en[0].contains("Threshold: rain ≥ heavy"), "{}", en[0]);
    }

    #[test]
    fn places_and_quotes_are_capped_and_escaped_once() {
        let mut a = alert("mưa to");
        let e = a.evidence[0].clone();
        a.evidence = (0..40)
            .map(|n| Evidence { where_: Some(format!("nơi <{n}> & {}", "x".repeat(200))), ..e.clone() })
            .collect();
        a.quotes = (0..40).map(|n| format!("mưa to {n}")).collect();
        let n = Notice { change: Change::New, severity: a.severity, title: &a.title, alert: Some(&a) };
        let m = render(Language::Vi, "Việt Nam", None, &[n]).join("\n");
        assert_eq!(m.matches('«').count(), MAX_QUOTES + 1, "{m}");
        assert!(m.contains("(+32)"), "{m}");
        assert!(m.contains("&lt;0&gt; &amp;") && !m.contains("&amp;lt;") && !m.contains("&amp;amp;"), "{m}");
        assert!(m.lines().all(|l| l.chars().count() < 1000), "{m}");
    }

    #[test]
    fn long_messages_split_between_lines_within_the_limit() {
        let alerts: Vec<Alert> =
            (0..200).map(|n| alert(&format!("mưa to {n} {}", "ư".repeat(250)))).collect();
        let notices: Vec<Notice<'_>> = alerts
            .iter()
            .map(|a| Notice { change: Change::New, severity: a.severity, title: &a.title, alert: Some(a) })
            .collect();
        let msgs = render(Language::Vi, "Bạc Liêu", None, &notices);
        assert!(msgs.len() > 5, "{}", msgs.len());
        let mut quotes = 0;
        for m in &msgs {
            assert!(utf16_len(m) <= TELEGRAM_LIMIT);
            // Tags are balanced in every part.
            assert_eq!(m.matches("<b>").count(), m.matches("</b>").count());
            assert_eq!(m.matches("<i>").count(), m.matches("</i>").count());
            quotes += m.matches('«').count();
        }
        assert_eq!(quotes, 200, "no quote lost");
        assert!(msgs[1].contains("(tiếp)"));
    }
}
