//! Which facts concern which subscriber, and which rules they fire.
//!
//! A fact applies to the places its `where` names ("miền Tây") — a hazard "in thunderstorms"
//! to the places of the thunderstorms just before it; failing that, to its section's
//! area ("Nam Bộ:"); failing that, to the bulletin's stated area (the source's configured area,
//! or a place named in the bulletin's title line); failing that, to every subscriber of the
//! source. A subscriber is concerned when one of those places is their area, contains it, or
//! lies within it (see [`Gazetteer::concerns`]).
//!
//! Evaluating 100 000 subscriptions: subscriptions with the same area, sea option and overrides
//! see the same facts and the same rules, so each distinct combination is evaluated once and
//! shares its result.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::area::{AreaId, AreaKind, Gazetteer, fold};
use super::rule::{Expr, Hit};
use super::ruleset::{Override, OverrideError, Rule, RuleSet, Severity, Title};
use crate::bulletin::{Condition, Document, Fact, FactBody, HazardKind, Language, Span};

/// Where a fact applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The places named by the fact's `where`, its section or the bulletin.
    Places(Vec<AreaId>),
    /// Nowhere in particular: every subscriber of the source.
    Everywhere,
}

/// A fact with where it applies.
#[derive(Debug, Clone)]
pub struct Scoped<'d> {
    pub fact: &'d Fact,
    pub scope: Scope,
    /// The name the scope came from, as written ("miền Tây", "Nam Bộ"), if any.
    pub place: Option<&'d str>,
}

/// A fact the engine derives from stated ones, with where it applies.
#[derive(Debug, Clone)]
pub struct Derived<'d> {
    pub fact: Fact,
    pub scope: Scope,
    pub place: Option<&'d str>,
}

/// The daily mean temperature of a section: the middle of its lowest and highest, when both
/// are stated plainly (no place, coverage, or observation of their own) for the same places and
/// close together in the text.
fn daily_mean<'d>(input: &'d str, facts: &[Scoped<'d>]) -> Option<Derived<'d>> {
    use crate::bulletin::{Bound, Range};
    let plain = |s: &&Scoped<'d>, want: Bound| {
        matches!(&s.fact.body, FactBody::Temperature { bound: Some(b), .. } if *b == want)
            && s.fact.qualifiers.where_.is_none()
            && s.fact.qualifiers.coverage.is_none()
            && s.fact.qualifiers.observed.is_none()
    };
    let low = facts.iter().find(|s| plain(s, Bound::Low))?;
    let high = facts.iter().find(|s| plain(s, Bound::High) && s.scope == low.scope)?;
    let (FactBody::Temperature { celsius: l, .. }, FactBody::Temperature { celsius: h, .. }) =
        (&low.fact.body, &high.fact.body)
    else {
        return None;
    };
    let (a, b) =
        (low.fact.span.start().min(high.fact.span.start()), low.fact.span.end().max(high.fact.span.end()));
    if b - a > 300 {
        return None;
    }
    // One value, the middle: comparing the colder end of a range of means would call 14.5-16.5
    // rét đậm.
    let middle = (l.lower()? + l.upper()? + h.lower()? + h.upper()?) / 4.0;
    let mean = Range::single((middle * 10.0).round() / 10.0);
    let text = input.get(a..b)?.to_owned();
    let fact = Fact {
        body: FactBody::Temperature { bound: Some(Bound::Mean), celsius: mean },
        span: Span(a, b),
        text,
        qualifiers: crate::bulletin::Qualifiers {
            when: low.fact.qualifiers.when.clone(),
            ..Default::default()
        },
    };
    Some(Derived { fact, scope: low.scope.clone(), place: low.place })
}

/// A parsed bulletin prepared for evaluation.
#[derive(Debug)]
pub struct Bulletin<'d> {
    pub doc: &'d Document,
    pub input: &'d str,
    pub facts: Vec<Scoped<'d>>,
    /// Facts the rules may read that the bulletin states only in parts: the daily mean
    /// temperature of a section that gives its lowest and highest (the official criterion of
    /// rét đậm and rét hại is the daily mean). Not part of the parsed document.
    pub derived: Vec<Derived<'d>>,
    /// The bulletin's own area: configured for its source, or named in its title line.
    pub stated: Vec<AreaId>,
}

/// Places named in the sentence of the input before a fact: from the last `.`, `;`, `:`, `|` or
/// line break before it to the fact ("From the night of November 18, the Gulf of Tonkin will
/// have northeast winds …, rough seas"), or else in the first sentence of its line. All of
/// them: a wider scope is the safe side.
fn clause_places(
    gaz: &Gazetteer,
    input: &str,
    fact: &Fact,
    lines: &mut HashMap<usize, Vec<AreaId>>,
) -> Vec<AreaId> {
    let start = fact.span.start();
    let before = input.get(..start).unwrap_or("");
    let from = before.rfind(['.', ';', ':', '\n', '|']).map_or(0, |n| n + 1);
    // A long stretch is narrative, not the fact's own sentence. A cause clause opening the
    // sentence names where the cause is, not the fact ("Do ảnh hưởng của không khí lạnh tràn
    // xuống Bắc Bộ, gió trên biển mạnh lên"): read after its comma.
    let sentence = match before.get(from..) {
        Some(clause) if !clause.trim().is_empty() && clause.len() <= 400 => {
            let folded = fold(clause);
            let clause = if CAUSE_OPENERS.iter().any(|c| folded.starts_with(c)) {
                clause.find(',').and_then(|n| clause.get(n + 1..)).unwrap_or("")
            } else {
                clause
            };
            gaz.mentions(clause)
        }
        _ => Vec::new(),
    };
    if !sentence.is_empty() {
        return sentence;
    }
    // Else the place that opens the fact's paragraph (line), which speaks for all of it:
    // "Phía Đông Bắc Bộ nhiều mây, có mưa vài nơi. Gió đông bắc cấp 2-3. …".
    // Every fact of a line asks the same: read the line's opening once.
    // Only a line that opens with its place labels the line: "HÀ NỘI (TTXVN) - … cho biết: trên
    // cả nước có mưa" is a dateline, and "Đài KTTV tỉnh Quảng Ninh cho biết" a source.
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let line = input.get(line_start..).unwrap_or("");
    let first = line.find(['.', ';', ':', '\n']).map_or(line, |n| line.get(..n).unwrap_or(""));
    if line_start + first.len() >= start || first.len() > 300 {
        return Vec::new();
    }
    lines
        .entry(line_start)
        .or_insert_with(|| {
            let folded = format!(" {} ", fold(first));
            let reported = REPORTING.iter().any(|w| folded.contains(&format!(" {w} ")));
            if reported || first.contains('(') {
                return Vec::new();
            }
            gaz.mentions(first.split(',').next().unwrap_or(""))
        })
        .clone()
}

/// Openings of a cause clause, folded.
const CAUSE_OPENERS: [&str; 7] = [
    "do ",
    "duoi tac dong",
    "chiu anh huong",
    "due to",
    "under the influence",
    "affected by",
    "influenced by",
];
/// Words of a line that reports a source rather than labelling a region, folded.
const REPORTING: [&str; 9] = [
    "cho biet",
    "dai kttv",
    "dai khi tuong",
    "trung tam",
    "ttxvn",
    "said",
    "reported",
    "according",
    "center",
];

/// Hazards that heavy rain causes.
const FLOOD_HAZARDS: [HazardKind; 3] =
    [HazardKind::FlashFlood, HazardKind::Landslide, HazardKind::Inundation];

/// The places of the causes seen so far in a section (its thunderstorms, its rain).
#[derive(Debug, Default)]
enum Cause<'d> {
    /// None yet.
    #[default]
    Unseen,
    /// Every one named its place: their union, and the first name as written.
    Placed(Vec<AreaId>, &'d str),
    /// One applied to the whole section.
    Section,
}

impl<'d> Cause<'d> {
    fn add(&mut self, named: Option<(Vec<AreaId>, &'d str)>) {
        *self = match (std::mem::take(self), named) {
            (Cause::Section, _) | (_, None) => Cause::Section,
            (Cause::Unseen, Some((p, w))) => Cause::Placed(p, w),
            (Cause::Placed(mut p, w), Some((q, _))) => {
                p.extend(q);
                p.sort_unstable();
                p.dedup();
                Cause::Placed(p, w)
            }
        };
    }

    fn places(&self) -> Option<(Vec<AreaId>, &'d str)> {
        match self {
            Cause::Placed(p, w) => Some((p.clone(), *w)),
            _ => None,
        }
    }
}

/// Words that mark a title line ("BẢN TIN DỰ BÁO THỜI TIẾT TỈNH TRÀ VINH"), folded.
const TITLE_WORDS: &[&str] =
    &["du bao", "ban tin", "canh bao", "thoi tiet", "forecast", "bulletin", "warning"];

/// Places named in the bulletin's title: one of its first two lines that reads like a title
/// ("BẢN TIN DỰ BÁO THỜI TIẾT TỈNH TRÀ VINH"), not a labelled line of the body ("Dự báo: Ở
/// vùng biển …").
fn title_places(gaz: &Gazetteer, input: &str) -> Vec<AreaId> {
    for line in input.lines().filter(|l| !l.trim().is_empty()).take(2) {
        if line.contains(':') || line.len() > 200 {
            continue;
        }
        let folded = format!(" {} ", fold(line));
        if TITLE_WORDS.iter().any(|w| folded.contains(&format!(" {w} "))) {
            let places = gaz.mentions(line);
            if !places.is_empty() {
                return places;
            }
        }
    }
    Vec::new()
}

impl<'d> Bulletin<'d> {
    /// Scopes every fact of `doc` (parsed from `input`); `source_area` is the area configured
    /// for the bulletin's source, if any.
    pub fn new(gaz: &Gazetteer, doc: &'d Document, input: &'d str, source_area: Option<AreaId>) -> Self {
        let stated = match source_area {
            Some(a) => vec![a],
            None => title_places(gaz, input),
        };
        let mut facts = Vec::new();
        let mut lines: HashMap<usize, Vec<AreaId>> = HashMap::new();
        for section in &doc.sections {
            let section_places = section.area.as_ref().map(|a| (gaz.mentions(&a.name), a.name.as_str()));
            // Hazards follow their cause: "Trong cơn dông có khả năng xảy ra lốc, sét" happens
            // where the section's thunderstorms are, "mưa lớn có thể gây lũ quét" where its
            // rain is — when every such cause before it named its place.
            let mut storms = Cause::default();
            let mut rain = Cause::default();
            for fact in &section.facts {
                let from_where = fact.qualifiers.where_.as_deref().map(|w| (gaz.mentions(w), w));
                let cause = match &fact.body {
                    FactBody::Hazard { hazard, .. } if FLOOD_HAZARDS.contains(hazard) => rain.places(),
                    FactBody::Hazard { .. }
                        if fact.qualifiers.condition == Some(Condition::InThunderstorms) =>
                    {
                        storms.places()
                    }
                    _ => None,
                };
                // A place named earlier in the fact's own sentence, which the grammar did not
                // read as its `where` ("the Gulf of Tonkin will have northeast winds …").
                let mut clause =
                    || Some(clause_places(gaz, input, fact, &mut lines)).filter(|p| !p.is_empty());
                // Sentence and line places only stand in for a place nobody gave: not when the
                // fact names its own (one the gazetteer does not know, "trên biển"), nor under
                // a section heading that names one.
                let section_named = section_places.as_ref().is_some_and(|(p, _)| !p.is_empty());
                let unplaced = from_where.is_none() && !section_named;
                let (scope, place) = match (&from_where, cause, &section_places) {
                    (Some((p, w)), ..) if !p.is_empty() => (Scope::Places(p.clone()), Some(*w)),
                    (_, Some((p, w)), _) => (Scope::Places(p), Some(w)),
                    _ if unplaced && let Some(p) = clause() => (Scope::Places(p), None),
                    (_, _, Some((p, name))) if !p.is_empty() => (Scope::Places(p.clone()), Some(*name)),
                    _ if !stated.is_empty() => (Scope::Places(stated.clone()), None),
                    _ => (Scope::Everywhere, None),
                };
                let named = from_where.filter(|(p, _)| !p.is_empty());
                match &fact.body {
                    FactBody::Thunderstorm {} => storms.add(named),
                    FactBody::Rain { .. } | FactBody::Rainfall { .. } => rain.add(named),
                    _ => {}
                }
                facts.push(Scoped { fact, scope, place });
            }
        }
        // One daily mean per section, from the facts just scoped.
        let mut derived = Vec::new();
        let mut from = 0;
        for section in &doc.sections {
            let to = from + section.facts.len();
            if let Some(d) = facts.get(from..to).and_then(|f| daily_mean(input, f)) {
                derived.push(d);
            }
            from = to;
        }
        Bulletin { doc, input, facts, derived, stated }
    }

    /// The facts that concern a subscriber to `area`; with `sea`, also those for sea areas
    /// that face it.
    pub fn facts_for(&self, gaz: &Gazetteer, area: AreaId, sea: bool) -> Vec<&Fact> {
        let concerned = |scope: &Scope| match scope {
            Scope::Everywhere => true,
            Scope::Places(places) => places.iter().any(|&p| {
                gaz.concerns(p, area) || (sea && gaz.kind(p) == AreaKind::Sea && gaz.faces(p, area))
            }),
        };
        let stated = self.facts.iter().filter(|s| concerned(&s.scope)).map(|s| s.fact);
        let derived = self.derived.iter().filter(|d| concerned(&d.scope)).map(|d| &d.fact);
        stated.chain(derived).collect()
    }

    /// Every fact with where it applies: the stated ones, then the derived ones.
    pub fn scoped(&self) -> impl Iterator<Item = (&Fact, &Scope, Option<&'d str>)> {
        let stated = self.facts.iter().map(|s| (s.fact, &s.scope, s.place));
        stated.chain(self.derived.iter().map(|d| (&d.fact, &d.scope, d.place)))
    }

    /// The place a fact of this bulletin applies to, as written, if one was named.
    pub fn place_of(&self, fact: &Fact) -> Option<&'d str> {
        self.scoped().find(|(f, ..)| std::ptr::eq(*f, fact)).and_then(|(.., place)| place)
    }

    /// The source text of a span.
    fn slice(&self, span: Span) -> Option<&'d str> {
        self.input.get(span.start()..span.end())
    }

    /// The source phrases behind a set of facts: spans that follow each other with only a
    /// separator between them ("lốc", "sét", "gió giật mạnh" → "lốc, sét và gió giật mạnh") are
    /// quoted as one phrase.
    pub fn quotes(&self, facts: &[&Fact]) -> Vec<String> {
        let spans: Vec<(Span, &str)> = facts.iter().map(|f| (f.span, f.text.as_str())).collect();
        self.quote_spans(&spans)
    }

    /// [`Bulletin::quotes`] of facts given by span and text; the same phrase is quoted once.
    fn quote_spans(&self, facts: &[(Span, &str)]) -> Vec<String> {
        let mut spans: Vec<Span> = facts.iter().map(|f| f.0).collect();
        spans.sort_unstable();
        spans.dedup();
        let mut groups: Vec<Span> = Vec::new();
        for s in spans {
            if let Some(last) = groups.last_mut() {
                let gap =
                    if s.start() <= last.end() { Some("") } else { self.input.get(last.end()..s.start()) };
                if gap.is_some_and(is_separator) {
                    *last = Span(last.start(), last.end().max(s.end()));
                    continue;
                }
            }
            groups.push(s);
        }
        let by_span: HashMap<Span, &str> = facts.iter().copied().collect();
        let mut out: Vec<String> = Vec::new();
        for g in groups {
            let text = self.slice(g).or_else(|| by_span.get(&g).copied()).unwrap_or("");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !out.contains(&text) {
                out.push(text);
            }
        }
        out
    }
}

/// Whether the text between two facts only separates them in one phrase.
fn is_separator(gap: &str) -> bool {
    let words = ["và", "hoặc", "cùng", "kèm", "and", "or", "with", "có", "có thể"];
    let mut rest = gap.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
    if rest.chars().count() > 12 || rest.contains(['.', '\n', ':']) {
        return false;
    }
    while !rest.is_empty() {
        let Some(w) = words.iter().find(|w| rest.to_lowercase().starts_with(*w)) else { return false };
        rest = rest.get(w.len()..).unwrap_or("").trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    }
    true
}

/// What made a rule fire, one fact each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub kind: &'static str,
    /// The test the fact satisfied, as written in the rule (`wind.gust >= 8`).
    pub test: String,
    /// The fact's compared value (`9`, `heavy`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The fact's source text.
    pub text: String,
    pub span: Span,
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    pub where_: Option<String>,
    /// Where the fact applies when its own `where` does not say: the place of its section or
    /// of the thunderstorms it happens in ("miền Tây"), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Stated as possible ("có khả năng").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub possible: bool,
}

impl Evidence {
    fn from_hit(bulletin: &Bulletin<'_>, hit: &Hit<'_>) -> Self {
        let f = hit.fact;
        Evidence {
            place: if f.qualifiers.where_.is_none() { bulletin.place_of(f).map(str::to_owned) } else { None },
            kind: f.kind(),
            test: hit.test.clone(),
            value: hit.value.clone(),
            text: f.text.clone(),
            span: f.span,
            where_: f.qualifiers.where_.clone(),
            when: f.qualifiers.when.clone(),
            possible: f.qualifiers.likelihood.is_some(),
        }
    }
}

/// A rule that fired for an area, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    pub rule: String,
    pub severity: Severity,
    pub title: Title,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The rule's condition, as in effect (after overrides).
    pub condition: String,
    pub evidence: Vec<Evidence>,
    /// The source phrases quoted in messages.
    pub quotes: Vec<String>,
    /// The strongest evidence, past the threshold, relative to it.
    pub magnitude: f64,
    /// The same for each test of the rule that fired (`wind.gust >= 8` → 0.25): a higher value
    /// for a test later is an escalation, whatever the other tests do.
    pub magnitudes: Vec<(String, f64)>,
    /// A more severe rule that fired too and says it all ("heat_extreme" covers "heat"): the
    /// alert is in force but not told on its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
}

/// The facts that are not observations: the only ones rules see unless written for what
/// already happened (`observed = true`).
fn forecasts<'f>(facts: &[&'f Fact]) -> Vec<&'f Fact> {
    facts.iter().copied().filter(|f| f.qualifiers.observed != Some(true)).collect()
}

/// Evaluates `rules` over `facts` (those concerning one area): the alerts, most severe first.
pub fn evaluate(bulletin: &Bulletin<'_>, rules: &RuleSet, facts: &[&Fact]) -> Vec<Alert> {
    let forecast = forecasts(facts);
    let mut out = Vec::new();
    let mut hits = Vec::new();
    for rule in &rules.rules {
        hits.clear();
        // Facts that already happened fire only rules written for them.
        let seen = if rule.observed { facts } else { &forecast };
        if !rule.when.eval(seen, &mut hits) {
            continue;
        }
        out.push(alert(bulletin, rule, &hits));
    }
    // A fired rule that supersedes others ("heat_extreme" over "heat_severe" and "heat") keeps
    // them in force but silent.
    for rule in &rules.rules {
        if rule.supersedes.is_empty() || !out.iter().any(|a| a.rule == rule.id) {
            continue;
        }
        for a in out.iter_mut().filter(|a| rule.supersedes.contains(&a.rule)) {
            a.superseded_by.get_or_insert_with(|| rule.id.clone());
        }
    }
    // The covering alert quotes what the covered ones quoted too: "mưa vừa, mưa to" with
    // "có nơi mưa rất to".
    for n in 0..out.len() {
        let Some(id) = out.get(n).map(|a| a.rule.clone()) else { continue };
        let covered: Vec<(Span, String)> = out
            .iter()
            .filter(|a| a.superseded_by.as_deref() == Some(id.as_str()))
            .flat_map(|a| a.evidence.iter().map(|e| (e.span, e.text.clone())))
            .collect();
        if covered.is_empty() {
            continue;
        }
        if let Some(a) = out.get_mut(n) {
            let mut spans: Vec<(Span, &str)> = a.evidence.iter().map(|e| (e.span, e.text.as_str())).collect();
            spans.extend(covered.iter().map(|(s, t)| (*s, t.as_str())));
            a.quotes = bulletin.quote_spans(&spans);
        }
    }
    // Stable: rules of equal severity keep the order of the rules file.
    out.sort_by_key(|a| std::cmp::Reverse(a.severity));
    out
}

fn alert(bulletin: &Bulletin<'_>, rule: &Rule, hits: &[Hit<'_>]) -> Alert {
    let mut evidence: Vec<Evidence> = Vec::new();
    for h in hits {
        let e = Evidence::from_hit(bulletin, h);
        // One fact may satisfy several tests of a rule; it is evidence once.
        if !evidence.iter().any(|x| x.span == e.span && x.kind == e.kind) {
            evidence.push(e);
        }
    }
    evidence.sort_by_key(|e| e.span);
    let facts: Vec<&Fact> = hits.iter().map(|h| h.fact).collect();
    Alert {
        rule: rule.id.clone(),
        severity: rule.severity,
        title: rule.title.clone(),
        criterion: rule.criterion.clone(),
        condition: rule.when.to_string(),
        quotes: bulletin.quotes(&facts),
        magnitude: hits.iter().map(|h| h.magnitude).fold(0.0, f64::max),
        magnitudes: {
            let mut m: Vec<(String, f64)> = Vec::new();
            for h in hits {
                match m.iter_mut().find(|(t, _)| *t == h.test) {
                    Some((_, v)) => *v = v.max(h.magnitude),
                    None => m.push((h.test.clone(), h.magnitude)),
                }
            }
            m
        },
        superseded_by: None,
        evidence,
    }
}

/// A rule that did not fire although a fact came close to its threshold (for `canhbao check`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearMiss {
    pub rule: String,
    pub test: String,
    pub value: Option<String>,
    pub text: String,
    pub span: Span,
}

/// The rules that did not fire but would have with a threshold one step looser (a tenth of the
/// threshold, at least 1, for numbers; one word for ordered vocabularies).
pub fn near_misses(rules: &RuleSet, facts: &[&Fact], fired: &[Alert]) -> Vec<NearMiss> {
    let forecast = forecasts(facts);
    let mut out = Vec::new();
    for rule in &rules.rules {
        if fired.iter().any(|a| a.rule == rule.id) {
            continue;
        }
        let seen = if rule.observed { facts } else { &forecast };
        for cmp in rule.when.comparisons() {
            let Some(loose) = cmp.loosened() else { continue };
            let mut hits = Vec::new();
            if loose.eval(seen, &mut hits) {
                for h in hits {
                    out.push(NearMiss {
                        rule: rule.id.clone(),
                        test: cmp.to_string(),
                        value: h.value,
                        text: h.fact.text.clone(),
                        span: h.fact.span,
                    });
                }
            }
        }
    }
    out
}

/// A subscriber's standing order: an area, a language and their changes to the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Subscription {
    pub area: AreaId,
    pub lang: Language,
    pub overrides: Vec<Override>,
    /// Also alert for sea areas off the subscriber's coast (fishermen).
    pub sea: bool,
}

/// One evaluation's alerts, shared by every subscription that sees the same facts and rules.
pub type Shared = Result<Arc<Vec<Alert>>, OverrideError>;

/// The alerts of every subscription for one bulletin, in the order of `subs`. Subscriptions
/// that see the same facts under the same rules share one evaluation (and one result).
pub fn evaluate_all(
    gaz: &Gazetteer,
    bulletin: &Bulletin<'_>,
    rules: &RuleSet,
    subs: &[Subscription],
) -> Vec<Shared> {
    let mut facts_by_area: HashMap<(AreaId, bool), Vec<&Fact>> = HashMap::new();
    // Overrides hold numbers (not hashable); their JSON text is the key ("" for none, the
    // common case, which allocates nothing).
    let mut by_key: HashMap<(AreaId, bool, String), Shared> = HashMap::new();
    let mut out = Vec::with_capacity(subs.len());
    for sub in subs {
        let overrides = if sub.overrides.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&sub.overrides).unwrap_or_default()
        };
        let key = (sub.area, sub.sea, overrides);
        let result = by_key
            .entry(key)
            .or_insert_with(|| {
                let facts = facts_by_area
                    .entry((sub.area, sub.sea))
                    .or_insert_with(|| bulletin.facts_for(gaz, sub.area, sub.sea));
                if sub.overrides.is_empty() {
                    return Ok(Arc::new(evaluate(bulletin, rules, facts)));
                }
                let effective = rules.with_overrides(&sub.overrides)?;
                Ok(Arc::new(evaluate(bulletin, &effective, facts)))
            })
            .clone();
        out.push(result);
    }
    out
}

impl Expr {
    /// This comparison with its threshold one step looser; `None` for other expressions.
    pub fn loosened(&self) -> Option<Expr> {
        use super::rule::{Literal, Op, Ty};
        let Expr::Compare { path, op, value } = self else { return None };
        let value = match (value, path.field.map(|f| f.ty)) {
            (Literal::Number(t), _) => {
                let step = (t.abs() * 0.1).max(1.0);
                match op {
                    Op::Ge | Op::Gt => Literal::Number(t - step),
                    Op::Le | Op::Lt => Literal::Number(t + step),
                    _ => return None,
                }
            }
            (Literal::Word(w), Some(Ty::Ordinal(names))) => {
                let n = names.iter().position(|x| x == w)?;
                let n = match op {
                    Op::Ge | Op::Gt => n.checked_sub(1)?,
                    Op::Le | Op::Lt => n + 1,
                    _ => return None,
                };
                Literal::Word((*names.get(n)?).to_owned())
            }
            _ => return None,
        };
        Some(Expr::Compare { path: *path, op: *op, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert!(is_separator(", "));
        assert!(is_separator(" và "));
        assert!(is_separator(", có "));
        assert!(!is_separator(". Gió "));
        assert!(!is_separator(" nhiệt độ "));
    }
}
