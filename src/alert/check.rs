//! `canhbao check`: the operator's dry run. Which facts were found, where they apply, which rules
//! fired for which areas and why (value against threshold, the quoted text), and which rules did
//! not fire although a fact came near their threshold.

use std::fmt::Write as _;

use serde::Serialize;

use super::area::{AreaId, Gazetteer};
use super::engine::{Alert, Bulletin, NearMiss, Scope, evaluate, near_misses};
use super::lifecycle::Change;
use super::message::{Notice, render};
use super::ruleset::RuleSet;
use super::text::check as tx;
use crate::bulletin::{Document, Language};

/// One group of facts that apply to the same places, and what the rules made of them.
#[derive(Debug, Clone, Serialize)]
pub struct ScopeReport {
    /// The place as written in the bulletin ("miền Tây", "Nam Bộ"), or the subscriber's area.
    pub area: Option<String>,
    /// The gazetteer units it resolves to (ids); empty for "every subscriber of the source".
    pub places: Vec<String>,
    pub facts: Vec<FactLine>,
    pub fired: Vec<Alert>,
    pub near_misses: Vec<NearMiss>,
}

/// A fact, briefly.
#[derive(Debug, Clone, Serialize)]
pub struct FactLine {
    pub kind: &'static str,
    pub text: String,
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    pub where_: Option<String>,
}

/// The whole explanation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub issued_at: Option<String>,
    pub facts: usize,
    /// The bulletin's own area (configured or from its title line), as gazetteer ids.
    pub stated_area: Vec<String>,
    /// For `--area`: the subscriber's area; otherwise one report per group of places.
    pub scopes: Vec<ScopeReport>,
    /// For `--area`: the Telegram messages a new subscriber to it would get (HTML).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<String>,
}

/// Explains what `rules` make of `doc`, for a subscriber to `area`, or for every group of places
/// the bulletin speaks of.
pub fn check(
    gaz: &Gazetteer,
    doc: &Document,
    input: &str,
    rules: &RuleSet,
    area: Option<AreaId>,
    source_area: Option<AreaId>,
    lang: Language,
) -> Report {
    let bulletin = Bulletin::new(gaz, doc, input, source_area);
    let ids = |places: &[AreaId]| places.iter().map(|&p| gaz.id(p).to_owned()).collect::<Vec<_>>();
    let mut scopes = Vec::new();
    let report = |name: Option<String>, places: Vec<String>, facts: Vec<&crate::bulletin::Fact>| {
        let fired = evaluate(&bulletin, rules, &facts);
        let near = near_misses(rules, &facts, &fired);
        ScopeReport {
            area: name,
            places,
            facts: facts
                .iter()
                .map(|f| FactLine {
                    kind: f.kind(),
                    text: f.text.clone(),
                    where_: f.qualifiers.where_.clone(),
                })
                .collect(),
            fired,
            near_misses: near,
        }
    };
    match area {
        Some(a) => {
            let facts = bulletin.facts_for(gaz, a, false);
            scopes.push(report(Some(gaz.name(a).to_owned()), vec![gaz.id(a).to_owned()], facts));
        }
        None => {
            // Group facts by the places they apply to, in the order they first appear.
            let mut groups: Vec<(Option<String>, Scope, Vec<&crate::bulletin::Fact>)> = Vec::new();
            for (fact, scope, place) in bulletin.scoped() {
                // The place as written, or the gazetteer's names for a place found in the text.
                let name = place.map(str::to_owned).or_else(|| match scope {
                    Scope::Places(p) if !p.is_empty() => {
                        let mut names: Vec<&str> = Vec::new();
                        for &a in p {
                            if !names.contains(&gaz.name(a)) {
                                names.push(gaz.name(a));
                            }
                        }
                        let more = if names.len() > 4 { ", …" } else { "" };
                        names.truncate(4);
                        Some(names.join(", ") + more)
                    }
                    _ => None,
                });
                match groups.iter_mut().find(|(n, sc, _)| sc == scope && *n == name) {
                    Some(g) => g.2.push(fact),
                    None => groups.push((name, scope.clone(), vec![fact])),
                }
            }
            for (name, scope, facts) in groups {
                let places = match &scope {
                    Scope::Places(p) => ids(p),
                    Scope::Everywhere => Vec::new(),
                };
                scopes.push(report(name, places, facts));
            }
        }
    }
    // What a subscriber with no alert in force yet would be sent.
    let messages = match (area, scopes.first()) {
        (Some(a), Some(scope)) => {
            let notices: Vec<Notice<'_>> = scope
                .fired
                .iter()
                .filter(|al| al.superseded_by.is_none())
                .map(|al| Notice {
                    change: Change::New,
                    severity: al.severity,
                    title: &al.title,
                    alert: Some(al),
                })
                .collect();
            render(lang, gaz.name(a), doc.issued_at.as_deref(), &notices)
        }
        _ => Vec::new(),
    };
    Report {
        issued_at: doc.issued_at.clone(),
        facts: doc.facts().count(),
        stated_area: ids(&bulletin.stated),
        scopes,
        messages,
    }
}

impl Report {
    /// The report for people.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}: {}", tx::ISSUED, self.issued_at.as_deref().unwrap_or(tx::UNKNOWN));
        let _ = writeln!(out, "{}: {}", tx::FACTS, self.facts);
        if !self.stated_area.is_empty() {
            let _ = writeln!(out, "{}: {}", tx::STATED_AREA, self.stated_area.join(", "));
        }
        for s in &self.scopes {
            out.push('\n');
            let places = if s.places.is_empty() { tx::EVERYWHERE.to_owned() } else { s.places.join(", ") };
            let _ = writeln!(out, "== {} [{places}]", s.area.as_deref().unwrap_or(tx::NO_AREA));
            for f in &s.facts {
                let w = f.where_.as_deref().map(|w| format!(" ({w})")).unwrap_or_default();
                let _ = writeln!(out, "   {:<13} {}{w}", f.kind, f.text);
            }
            if s.fired.is_empty() {
                let _ = writeln!(out, "  {}", tx::NOTHING_FIRED);
            }
            for a in &s.fired {
                let sev: &str = match a.severity {
                    super::Severity::Info => "info",
                    super::Severity::Warning => "warning",
                    super::Severity::Danger => "danger",
                };
                let covered = a
                    .superseded_by
                    .as_deref()
                    .map(|by| format!(" ({} {by})", tx::COVERED_BY))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {} [{sev}] {} — {}{covered}", tx::FIRED, a.rule, a.title.vi);
                for e in &a.evidence {
                    let v = e.value.as_deref().map(|v| format!(" ({}: {v})", tx::VALUE)).unwrap_or_default();
                    let _ = writeln!(out, "      {}{v} ← «{}»", e.test, e.text);
                }
                for q in &a.quotes {
                    let _ = writeln!(out, "      {}: «{q}»", tx::QUOTE);
                }
            }
            for n in &s.near_misses {
                let v = n.value.as_deref().unwrap_or("?");
                let _ =
                    writeln!(out, "  {} {}: {} ({}: {v}) «{}»", tx::NEAR, n.rule, n.test, tx::VALUE, n.text);
            }
        }
        for (n, m) in self.messages.iter().enumerate() {
            let _ = writeln!(out, "\n-- {} {}/{} --\n{m}", tx::MESSAGE, n + 1, self.messages.len());
        }
        out
    }
}
