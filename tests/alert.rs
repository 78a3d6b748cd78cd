//! The alert engine end to end: bulletins written as the services write them (fixtures in
//! `tests/fixtures/alert/`), parsed, scoped to a subscriber's area, evaluated against the default
//! rules, moved through the lifecycle and rendered; the rule semantics property-tested on random
//! facts; `evaluate_all` against one evaluation per subscription; `canhbao check` as a user runs it.

use std::collections::HashMap;
use std::process::{Command, Output, Stdio};

use canhbao::alert::area::{AreaId, gazetteer};
use canhbao::alert::engine::{Alert, Bulletin, Subscription, evaluate, evaluate_all};
use canhbao::alert::lifecycle::{self, AlertState, Change, Policy};
use canhbao::alert::message::{self, Notice, TELEGRAM_LIMIT};
use canhbao::alert::{Literal, Override, RuleSet};
use canhbao::bulletin::{
    Bound, ColdSeverity, Condition, Coverage, Cyclone, CycloneCategory, Document, Fact, FactBody, FogDensity,
    HazardKind, HeatSeverity, Intensity, Language, Likelihood, Qualifiers, RainForm, Range, SeaState, Span,
    Wind,
};
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

use crate::opts;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_a300d7ddb554e7bf.txt");

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/alert/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn area(name: &str) -> AreaId {
    gazetteer().lookup(name).unwrap_or_else(|e| panic!("{e}"))
}

/// What the default rules make of every fact of `text`, whatever area each applies to.
fn alerts_all(text: &str) -> Vec<Alert> {
    let doc = canhbao::parse(text, &opts());
    let bulletin = Bulletin::new(gazetteer(), &doc, text, None);
    let facts: Vec<&Fact> = bulletin.facts.iter().map(|s| s.fact).collect();
    evaluate(&bulletin, RuleSet::defaults(), &facts)
}

/// What the default rules make of `text` for a subscriber to `name`.
fn alerts_for(text: &str, name: &str, sea: bool) -> Vec<Alert> {
    let doc = canhbao::parse(text, &opts());
    let gaz = gazetteer();
    let bulletin = Bulletin::new(gaz, &doc, text, None);
    let facts = bulletin.facts_for(gaz, area(name), sea);
    evaluate(&bulletin, RuleSet::defaults(), &facts)
}

fn ids(alerts: &[Alert]) -> Vec<&str> {
    alerts.iter().map(|a| a.rule.as_str()).collect()
}

fn find<'a>(alerts: &'a [Alert], rule: &str) -> &'a Alert {
    alerts.iter().find(|a| a.rule == rule).unwrap_or_else(|| panic!("no {rule} alert in {:?}", ids(alerts)))
}

/// Evidence and quotes are the bulletin's own words, at their spans.
fn check_evidence(text: &str, alerts: &[Alert]) {
    for a in alerts {
        assert!(!a.evidence.is_empty(), "{}: no evidence", a.rule);
        assert!(!a.quotes.is_empty(), "{}: nothing quoted", a.rule);
        for e in &a.evidence {
            assert_eq!(text.get(e.span.0..e.span.1), Some(e.text.as_str()), "{}: evidence span", a.rule);
        }
        for q in &a.quotes {
            assert!(text.contains(q.as_str()), "{}: quote «{q}» is not in the text", a.rule);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Every default rule: a bulletin on which it fires and one just below its threshold.

/// `(rule, fixture on which it fires, fixture just below its threshold)`. A rule may have several
/// rows, one per way of firing it.
const TABLE: &[(&str, &str, &str)] = &[
    ("wind_strong", "wind_strong_fire", "wind_strong_below"),
    ("wind_strong", "wind_strong_gust_fire", "wind_strong_below"),
    // "gió giật mạnh cấp 8-9" in thunderstorms; without a level it is no strong wind.
    ("wind_strong", "wind_strong_hazard_level", "thunderstorm_hazards_fire"),
    ("wind_very_strong", "wind_very_strong_fire", "wind_very_strong_below"),
    ("tropical_depression", "tropical_depression_fire", "tropical_depression_below"),
    ("storm", "storm_fire", "storm_below"),
    ("rain_heavy", "rain_heavy_fire", "rain_heavy_below"),
    ("rain_heavy", "rain_heavy_mm", "rain_heavy_mm_below"),
    ("rain_very_heavy", "rain_very_heavy_fire", "rain_very_heavy_below"),
    ("rain_very_heavy", "rain_very_heavy_mm", "rain_very_heavy_below"),
    ("thunderstorm_hazards", "thunderstorm_hazards_fire", "thunderstorm_hazards_below"),
    ("thunderstorm", "thunderstorm_fire", "thunderstorm_below"),
    ("flood_landslide", "flood_landslide_fire", "flood_landslide_below"),
    ("storm_surge", "storm_surge_fire", "storm_surge_below"),
    ("frost", "frost_fire", "frost_below"),
    ("heat", "heat_fire", "heat_below"),
    ("heat_severe", "heat_severe_fire", "heat_severe_below"),
    ("heat_extreme", "heat_extreme_fire", "heat_extreme_below"),
    // What was observed yesterday is no forecast.
    ("heat_extreme", "heat_extreme_fire", "heat_extreme_observed"),
    ("cold_severe", "cold_severe_fire", "cold_severe_below"),
    ("cold_damaging", "cold_damaging_fire", "cold_damaging_below"),
    ("rough_sea", "rough_sea_fire", "rough_sea_below"),
    ("dense_fog", "dense_fog_fire", "dense_fog_below"),
    ("risk_level", "risk_level_fire", "risk_level_below"),
    ("risk_level_high", "risk_level_high_fire", "risk_level_high_below"),
];

/// Exactly the alerts each fixture gives, in the engine's order: most severe first, then the
/// order of the rules file.
const EXPECTED: &[(&str, &[&str])] = &[
    ("wind_strong_fire", &["wind_strong"]),
    ("wind_strong_below", &[]),
    ("wind_strong_gust_fire", &["wind_strong"]),
    ("wind_strong_hazard_level", &["wind_strong", "thunderstorm_hazards", "thunderstorm"]),
    ("wind_very_strong_fire", &["wind_very_strong", "wind_strong", "rough_sea"]),
    ("wind_very_strong_below", &["wind_strong"]),
    ("tropical_depression_fire", &["tropical_depression"]),
    ("tropical_depression_below", &[]),
    ("storm_fire", &["storm"]),
    ("storm_below", &["tropical_depression"]),
    ("rain_heavy_fire", &["rain_heavy"]),
    ("rain_heavy_below", &[]),
    ("rain_heavy_mm", &["rain_heavy", "thunderstorm"]),
    ("rain_heavy_mm_below", &[]),
    ("rain_very_heavy_fire", &["rain_very_heavy", "rain_heavy"]),
    ("rain_very_heavy_below", &["rain_heavy"]),
    ("rain_very_heavy_mm", &["rain_very_heavy", "rain_heavy"]),
    ("thunderstorm_hazards_fire", &["thunderstorm_hazards", "thunderstorm"]),
    ("thunderstorm_hazards_below", &["thunderstorm"]),
    ("thunderstorm_fire", &["thunderstorm"]),
    ("thunderstorm_below", &[]),
    // "Mưa lớn có khả năng gây …" names the rain as a cause: no rain fact, no rain alert.
    ("flood_landslide_fire", &["flood_landslide"]),
    ("flood_landslide_below", &["rain_heavy"]),
    ("storm_surge_fire", &["storm_surge"]),
    ("storm_surge_below", &[]),
    ("frost_fire", &["frost"]),
    ("frost_below", &[]),
    ("heat_fire", &["heat"]),
    ("heat_below", &[]),
    ("heat_severe_fire", &["heat_severe", "heat"]),
    ("heat_severe_below", &["heat"]),
    ("heat_extreme_fire", &["heat_extreme", "heat_severe", "heat"]),
    ("heat_extreme_below", &["heat_severe", "heat"]),
    ("heat_extreme_observed", &[]),
    ("cold_severe_fire", &["cold_severe"]),
    ("cold_severe_below", &[]),
    ("cold_damaging_fire", &["cold_damaging", "cold_severe"]),
    ("cold_damaging_below", &["cold_severe"]),
    ("rough_sea_fire", &["rough_sea"]),
    ("rough_sea_below", &[]),
    ("dense_fog_fire", &["dense_fog"]),
    ("dense_fog_below", &[]),
    ("risk_level_fire", &["risk_level"]),
    ("risk_level_below", &[]),
    ("risk_level_high_fire", &["risk_level_high", "risk_level"]),
    ("risk_level_high_below", &["risk_level"]),
];

#[test]
fn every_default_rule_fires_on_its_fixture_and_not_just_below() {
    let mut failures = Vec::new();
    for &(rule, fires, below) in TABLE {
        let text = fixture(fires);
        let alerts = alerts_all(&text);
        if !ids(&alerts).contains(&rule) {
            failures.push(format!("{rule} does not fire on {fires}: {:?}\n  {}", ids(&alerts), text.trim()));
        }
        check_evidence(&text, &alerts);
        let text = fixture(below);
        let alerts = alerts_all(&text);
        if ids(&alerts).contains(&rule) {
            failures.push(format!("{rule} fires on {below}: {:?}\n  {}", ids(&alerts), text.trim()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_fixture_gives_exactly_its_alerts() {
    let mut failures = Vec::new();
    for &(name, want) in EXPECTED {
        let text = fixture(name);
        let alerts = alerts_all(&text);
        if ids(&alerts) != want {
            failures.push(format!("{name}: got {:?}, want {want:?}\n  {}", ids(&alerts), text.trim()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_covers_every_default_rule() {
    let defaults = RuleSet::defaults();
    assert!(!defaults.rules.is_empty(), "the default rules did not load");
    for rule in &defaults.rules {
        assert!(
            TABLE.iter().any(|(id, ..)| *id == rule.id),
            "default rule `{}` has no row in the table of tests/alert.rs",
            rule.id
        );
    }
    for (id, fires, below) in TABLE {
        assert!(defaults.get(id).is_some(), "table row for unknown rule `{id}`");
        for name in [fires, below] {
            assert!(EXPECTED.iter().any(|(n, _)| n == name), "{name} has no expected alerts");
        }
    }
    for (name, want) in EXPECTED {
        for id in *want {
            assert!(defaults.get(id).is_some(), "{name}: unknown rule `{id}`");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The seed: a newspaper page whose last lines are the forecast.

#[test]
fn seed_alerts_a_bac_lieu_subscriber_and_renders() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let doc = canhbao::parse(&text, &opts());
    let gaz = gazetteer();
    let bulletin = Bulletin::new(gaz, &doc, &text, None);
    let facts = bulletin.facts_for(gaz, area("Bạc Liêu"), false);
    let alerts = evaluate(&bulletin, RuleSet::defaults(), &facts);
    check_evidence(&text, &alerts);

    let th = find(&alerts, "thunderstorm_hazards");
    // It covers the thunderstorm alert (quoted too, first in the text).
    assert_eq!(th.quotes, vec!["dông".to_owned(), "lốc, sét và gió giật mạnh".to_owned()]);
    assert_eq!(find(&alerts, "thunderstorm").superseded_by.as_deref(), Some("thunderstorm_hazards"));
    let rain = find(&alerts, "rain_heavy");
    assert!(!rain.evidence.is_empty());
    for e in &rain.evidence {
        assert_eq!(e.where_.as_deref(), Some("miền Tây"), "{e:?}");
    }

    // Hà Nội is not in the west: the heavy rain is not theirs, nor the hazards of the
    // thunderstorms that the bulletin places in the west.
    let hanoi = bulletin.facts_for(gaz, area("Hà Nội"), false);
    let hanoi = evaluate(&bulletin, RuleSet::defaults(), &hanoi);
    assert!(!ids(&hanoi).contains(&"rain_heavy"), "{:?}", ids(&hanoi));
    assert!(!ids(&hanoi).contains(&"thunderstorm_hazards"), "{:?}", ids(&hanoi));

    // Heavy rain is told through the very heavy rain alert that covers it, with both quotes.
    assert_eq!(rain.superseded_by.as_deref(), Some("rain_very_heavy"));
    let very = find(&alerts, "rain_very_heavy");
    assert!(very.quotes.contains(&"mưa vừa, mưa to".to_owned()), "{:?}", very.quotes);
    let told: Vec<&Alert> = alerts.iter().filter(|a| a.superseded_by.is_none()).collect();
    let step = lifecycle::step(&[], &alerts, "seed", Utc::now(), Policy::default());
    assert_eq!(step.changes.len(), told.len());
    assert!(step.changes.iter().all(|(c, _)| *c == Change::New));
    let notices: Vec<Notice<'_>> = told
        .iter()
        .map(|a| Notice { change: Change::New, severity: a.severity, title: &a.title, alert: Some(a) })
        .collect();
    let msgs = message::render(Language::Vi, "Bạc Liêu", doc.issued_at.as_deref(), &notices);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    let m = &msgs[0];
    assert!(m.contains("«lốc, sét và gió giật mạnh»"), "{m}");
    assert!(m.contains("Bạc Liêu"), "{m}");
    assert!(m.contains("15:56 20/04/2018"), "{m}");
    assert!(m.encode_utf16().count() <= TELEGRAM_LIMIT, "{} UTF-16 units", m.encode_utf16().count());
}

// ---------------------------------------------------------------------------------------------
// 3. Areas: section headings and sea areas decide who is concerned.

#[test]
fn sections_reach_only_their_areas() {
    let text = fixture("areas_multi");
    let nam_bo_at = text.find("Nam Bộ:").unwrap();

    let bac_lieu = alerts_for(&text, "Bạc Liêu", false);
    assert_eq!(ids(&bac_lieu), ["rain_heavy", "thunderstorm_hazards", "thunderstorm"]);
    for a in &bac_lieu {
        for e in &a.evidence {
            assert!(e.span.0 > nam_bo_at, "{}: evidence «{}» is not from the Nam Bộ section", a.rule, e.text);
        }
    }
    let quotes = &find(&bac_lieu, "thunderstorm_hazards").quotes;
    assert!(quotes.contains(&"lốc, sét và gió giật mạnh".to_owned()), "{quotes:?}");

    let lao_cai = alerts_for(&text, "Lào Cai", false);
    assert_eq!(ids(&lao_cai), ["cold_damaging", "cold_severe"]);
    for a in &lao_cai {
        for e in &a.evidence {
            assert!(e.span.1 < nam_bo_at, "{}: evidence «{}» is from the Nam Bộ section", a.rule, e.text);
        }
    }

    // A region's subscriber gets its sections; the country's gets every section.
    assert_eq!(ids(&alerts_for(&text, "Nam Bộ", false)), ids(&bac_lieu));
    let all = alerts_for(&text, "Việt Nam", false);
    assert_eq!(ids(&all), ids(&alerts_all(&text)));
    for rule in ["cold_damaging", "rain_heavy", "thunderstorm_hazards"] {
        assert!(ids(&all).contains(&rule), "{rule}: {:?}", ids(&all));
    }
}

#[test]
fn sea_areas_reach_the_coast_they_name() {
    let two = fixture("marine_two_zones");
    let bac_lieu = alerts_for(&two, "Bạc Liêu", false);
    assert_eq!(ids(&bac_lieu), ["wind_strong"]);
    let wind = find(&bac_lieu, "wind_strong");
    assert_eq!(wind.evidence.len(), 1);
    assert_eq!(wind.evidence[0].text, "Gió tây nam cấp 6, giật cấp 8");
    // The same for a fisherman who also wants the sea off their coast.
    assert_eq!(ids(&alerts_for(&two, "Bạc Liêu", true)), ["wind_strong"]);

    let quang_ngai = alerts_for(&two, "Quảng Ngãi", false);
    assert_eq!(ids(&quang_ngai), ["wind_very_strong", "wind_strong", "rough_sea"]);
    for a in &quang_ngai {
        for e in &a.evidence {
            assert!(
                !e.text.contains("tây nam"),
                "{}: «{}» is the Cà Mau - Kiên Giang zone's",
                a.rule,
                e.text
            );
        }
    }

    let central = fixture("marine_central");
    assert_eq!(ids(&alerts_all(&central)), ["wind_strong"]);
    assert_eq!(ids(&alerts_for(&central, "Bạc Liêu", false)), Vec::<&str>::new());
    assert_eq!(ids(&alerts_for(&central, "Bạc Liêu", true)), Vec::<&str>::new());
    assert_eq!(ids(&alerts_for(&central, "Quảng Ngãi", false)), ["wind_strong"]);
}

// ---------------------------------------------------------------------------------------------
// 4. The lifecycle, driven by parsed bulletins.

fn at(hours: i64) -> DateTime<Utc> {
    DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_000) + Duration::hours(hours)
}

fn changes(step: &lifecycle::Step) -> Vec<(Change, &str)> {
    step.changes.iter().map(|(c, r)| (*c, r.as_str())).collect()
}

fn run(prev: &[AlertState], name: &str, hours: i64, policy: Policy) -> lifecycle::Step {
    // Parsed afresh each time, as a restarted service would.
    let alerts = alerts_for(&fixture(name), "Bạc Liêu", false);
    lifecycle::step(prev, &alerts, name, at(hours), policy)
}

#[test]
fn lifecycle_new_repeat_escalation_all_clear() {
    let policy = Policy { all_clear: true, ..Policy::default() };
    let s1 = run(&[], "lifecycle_1", 0, policy);
    assert_eq!(changes(&s1), [(Change::New, "wind_strong"), (Change::New, "rough_sea")]);

    // The same bulletin again: nothing to say, nothing changed.
    let again = run(&s1.states, "lifecycle_1", 1, policy);
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    assert_eq!(again.states, s1.states);

    // Stronger wind (cấp 7, giật cấp 9 after cấp 6, giật cấp 8); the sea is unchanged.
    let s2 = run(&s1.states, "lifecycle_2", 12, policy);
    assert_eq!(changes(&s2), [(Change::Escalation, "wind_strong")]);
    let again = run(&s2.states, "lifecycle_2", 13, policy);
    assert!(again.changes.is_empty(), "{:?}", again.changes);

    // The wind and the sea calm down: all clear, once.
    let s3 = run(&s2.states, "lifecycle_3", 24, policy);
    let mut got = changes(&s3);
    got.sort_by_key(|(_, r)| *r);
    assert_eq!(got, [(Change::AllClear, "rough_sea"), (Change::AllClear, "wind_strong")]);
    assert!(s3.states.iter().all(|s| !s.active));
    let again = run(&s3.states, "lifecycle_3", 25, policy);
    assert!(again.changes.is_empty(), "{:?}", again.changes);

    // Without all-clears: the alerts end silently.
    let quiet = run(&s2.states, "lifecycle_3", 24, Policy::default());
    assert!(quiet.changes.is_empty(), "{:?}", quiet.changes);
    assert!(quiet.states.iter().all(|s| !s.active));

    // And come back as new.
    let s4 = run(&s3.states, "lifecycle_1", 36, policy);
    assert_eq!(changes(&s4), [(Change::New, "wind_strong"), (Change::New, "rough_sea")]);
}

// ---------------------------------------------------------------------------------------------
// 5. Properties of the rule semantics, on random facts.

fn value(lo: f64, hi: f64, step: f64) -> impl Strategy<Value = f64> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = ((hi - lo) / step).round() as u32;
    (0..=n).prop_map(move |k| lo + f64::from(k) * step)
}

/// A range with either end possibly open (both open now and then: a fact without the value).
fn range(lo: f64, hi: f64, step: f64) -> impl Strategy<Value = Range> {
    (prop::option::weighted(0.9, value(lo, hi, step)), prop::option::weighted(0.7, value(lo, hi, step)))
        .prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => Range::new(Some(a.min(b)), Some(a.max(b))),
            (a, b) => Range::new(a, b),
        })
}

fn levels() -> impl Strategy<Value = Option<Range>> {
    prop::option::of(range(0.0, 17.0, 1.0))
}

fn wind() -> impl Strategy<Value = FactBody> {
    (levels(), levels(), levels(), levels(), prop::option::of(range(0.0, 200.0, 5.0))).prop_map(
        |(level, gust, at_times, later, speed_kmh)| {
            FactBody::Wind(Box::new(Wind { level, gust, at_times, later, speed_kmh, ..Wind::default() }))
        },
    )
}

fn cyclone() -> impl Strategy<Value = FactBody> {
    (
        prop::sample::select(
            &[CycloneCategory::TropicalDepression, CycloneCategory::Storm, CycloneCategory::SuperTyphoon][..],
        ),
        prop::option::of(1u32..15),
        levels(),
        levels(),
    )
        .prop_map(|(category, number, level, gust)| {
            FactBody::Cyclone(Box::new(Cyclone {
                category,
                number,
                name: None,
                at: None,
                lat: None,
                lon: None,
                level,
                gust,
                speed_kmh: None,
                moving: None,
            }))
        })
}

const INTENSITIES: &[Intensity] =
    &[Intensity::Light, Intensity::Moderate, Intensity::Heavy, Intensity::VeryHeavy];
const HAZARDS: &[HazardKind] = &[
    HazardKind::Tornado,
    HazardKind::Lightning,
    HazardKind::Hail,
    HazardKind::StrongGusts,
    HazardKind::FlashFlood,
    HazardKind::Landslide,
    HazardKind::Inundation,
    HazardKind::Frost,
    HazardKind::Ice,
    HazardKind::StormSurge,
    HazardKind::Squall,
];

fn body() -> impl Strategy<Value = FactBody> {
    prop_oneof![
        3 => wind(),
        2 => (
            prop::sample::select(&[RainForm::Rain, RainForm::Showers, RainForm::Drizzle, RainForm::StormRain][..]),
            prop::collection::vec(prop::sample::select(INTENSITIES), 0..3),
        )
            .prop_map(|(form, intensity)| FactBody::Rain { form, intensity }),
        2 => (range(0.0, 400.0, 5.0), prop::option::of(prop::sample::select(&[3u32, 6, 12, 24, 48][..])))
            .prop_map(|(mm, hours)| FactBody::Rainfall { mm, hours }),
        2 => (
            prop::option::of(prop::sample::select(&[Bound::Low, Bound::High, Bound::Mean][..])),
            range(-5.0, 45.0, 0.5),
        )
            .prop_map(|(bound, celsius)| FactBody::Temperature { bound, celsius }),
        2 => (prop::sample::select(HAZARDS), prop::option::of(range(4.0, 14.0, 1.0)))
            .prop_map(|(hazard, level)| FactBody::Hazard { hazard, level }),
        1 => range(0.0, 10.0, 0.25).prop_map(|m| FactBody::Waves { m }),
        1 => prop::sample::select(&[HeatSeverity::Hot, HeatSeverity::Severe, HeatSeverity::Extreme][..])
            .prop_map(|severity| FactBody::Heat { severity }),
        1 => prop::sample::select(
            &[ColdSeverity::Cool, ColdSeverity::Cold, ColdSeverity::Severe, ColdSeverity::Damaging][..]
        )
        .prop_map(|severity| FactBody::Cold { severity }),
        1 => Just(FactBody::Thunderstorm {}),
        1 => prop::sample::select(&[FogDensity::Mist, FogDensity::Fog, FogDensity::Dense][..])
            .prop_map(|density| FactBody::Fog { density }),
        1 => range(0.0, 20.0, 0.5).prop_map(|km| FactBody::Visibility { km }),
        1 => prop::sample::select(&[SeaState::Rough, SeaState::VeryRough, SeaState::High, SeaState::Phenomenal][..])
            .prop_map(|state| FactBody::SeaState { state }),
        1 => (1u8..=5).prop_map(|level| FactBody::Risk { level, cause: None }),
        1 => cyclone(),
        1 => range(0.0, 100.0, 5.0).prop_map(|percent| FactBody::Humidity { percent, stat: None }),
        1 => Just(FactBody::NoRain {}),
    ]
}

fn qualifiers() -> impl Strategy<Value = Qualifiers> {
    (
        prop::option::of(prop::sample::select(&["miền Tây", "vùng núi", "ven biển"][..])),
        prop::option::of(prop::sample::select(
            &[
                Coverage::Widespread,
                Coverage::ManyPlaces,
                Coverage::Scattered,
                Coverage::FewPlaces,
                Coverage::SomePlaces,
                Coverage::Local,
            ][..],
        )),
        prop::option::of(Just(Likelihood::Possible)),
        prop::option::of(prop::sample::select(
            &[Condition::InThunderstorms, Condition::InRain, Condition::InFog][..],
        )),
        prop::sample::select(&[None, Some(false), Some(true)][..]),
    )
        .prop_map(|(where_, coverage, likelihood, condition, observed)| Qualifiers {
            where_: where_.map(str::to_owned),
            when: None,
            coverage,
            likelihood,
            condition,
            observed,
        })
}

fn fact() -> impl Strategy<Value = Fact> {
    (body(), qualifiers()).prop_map(|(body, qualifiers)| Fact {
        body,
        span: Span(0, 1),
        text: "x".into(),
        qualifiers,
    })
}

/// The facts a rule sees: what already happened only for rules written for it (as the engine).
fn seen<'f>(rule: &canhbao::alert::Rule, facts: &[&'f Fact]) -> Vec<&'f Fact> {
    facts.iter().copied().filter(|f| rule.observed || f.qualifiers.observed != Some(true)).collect()
}

/// Whether the rule fires, and the strongest magnitude of its evidence.
fn fires(rule: &canhbao::alert::Rule, facts: &[&Fact]) -> Option<f64> {
    let mut hits = Vec::new();
    let facts = seen(rule, facts);
    rule.when
        .eval(&facts, &mut hits)
        .then(|| hits.iter().map(|h| h.magnitude).fold(f64::NEG_INFINITY, f64::max))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A rule never fires without a fact of a kind its condition names, and its evidence is only
    /// of those kinds.
    #[test]
    fn rules_need_a_fact_of_their_kinds(facts in prop::collection::vec(fact(), 0..12)) {
        let all: Vec<&Fact> = facts.iter().collect();
        for rule in &RuleSet::defaults().rules {
            let kinds = rule.when.kinds();
            prop_assert!(!kinds.is_empty(), "{}", rule.id);
            let mut hits = Vec::new();
            rule.when.eval(&seen(rule, &all), &mut hits);
            for h in &hits {
                prop_assert!(kinds.contains(&h.fact.kind()), "{}: evidence of kind {}", rule.id, h.fact.kind());
            }
            let others: Vec<&Fact> = all.iter().copied().filter(|f| !kinds.contains(&f.kind())).collect();
            let mut hits = Vec::new();
            prop_assert!(!rule.when.eval(&others, &mut hits), "{} fired without {:?}: {:?}", rule.id, kinds, others);
            prop_assert!(hits.is_empty());
        }
    }

    /// Adding a fact never turns a rule off, nor weakens it.
    #[test]
    fn rules_are_monotone(
        facts in prop::collection::vec(fact(), 0..10),
        extra in fact(),
        at in any::<prop::sample::Index>(),
    ) {
        let before: Vec<&Fact> = facts.iter().collect();
        let mut after = before.clone();
        after.insert(at.index(before.len() + 1), &extra);
        for rule in &RuleSet::defaults().rules {
            if let Some(m) = fires(rule, &before) {
                let now = fires(rule, &after);
                prop_assert!(now.is_some(), "{} stopped firing when {:?} was added", rule.id, extra);
                prop_assert!(now.unwrap_or(f64::NEG_INFINITY) >= m, "{}: magnitude {m} fell to {now:?}", rule.id);
            }
        }
    }

    /// The same through the engine: the alerts of F are among those of F plus a fact.
    #[test]
    fn engine_alerts_are_monotone(facts in prop::collection::vec(fact(), 0..10), extra in fact()) {
        let doc = Document::empty(Language::Vi);
        let bulletin = Bulletin::new(gazetteer(), &doc, "x", None);
        let before: Vec<&Fact> = facts.iter().collect();
        let mut after = before.clone();
        after.push(&extra);
        let a = evaluate(&bulletin, RuleSet::defaults(), &before);
        let b = evaluate(&bulletin, RuleSet::defaults(), &after);
        for alert in &a {
            let later = b.iter().find(|x| x.rule == alert.rule);
            prop_assert!(later.is_some(), "{} gone after adding {:?}", alert.rule, extra);
            prop_assert!(later.map_or(0.0, |l| l.magnitude) >= alert.magnitude);
        }
        // What already happened fires no rule written for forecasts (none of the defaults is).
        let forecast: Vec<&Fact> = after.iter().copied().filter(|f| f.qualifiers.observed != Some(true)).collect();
        let c = evaluate(&bulletin, RuleSet::defaults(), &forecast);
        prop_assert!(RuleSet::defaults().rules.iter().all(|r| !r.observed));
        prop_assert_eq!(ids(&b), ids(&c));
    }
}

/// The properties above say something only if random facts fire every rule now and then.
#[test]
fn random_facts_fire_every_default_rule() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = prop::collection::vec(fact(), 0..10);
    let mut fired = std::collections::HashSet::new();
    for _ in 0..256 {
        let facts = strategy.new_tree(&mut runner).unwrap().current();
        let refs: Vec<&Fact> = facts.iter().collect();
        for rule in &RuleSet::defaults().rules {
            if fires(rule, &refs).is_some() {
                fired.insert(rule.id.as_str());
            }
        }
    }
    for rule in &RuleSet::defaults().rules {
        assert!(fired.contains(rule.id.as_str()), "random facts never fire `{}`", rule.id);
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Many subscriptions at once.

#[test]
fn evaluate_all_equals_one_evaluation_per_subscription() {
    let text = fixture("national");
    let doc = canhbao::parse(&text, &opts());
    let gaz = gazetteer();
    let bulletin = Bulletin::new(gaz, &doc, &text, None);
    let rules = RuleSet::defaults();
    let areas: Vec<AreaId> = [
        "Bạc Liêu",
        "Lào Cai",
        "Hà Nội",
        "Điện Biên",
        "Cà Mau",
        "TP HCM",
        "Quảng Ngãi",
        "Đà Nẵng",
        "Kiên Giang",
        "Nam Bộ",
        "Quảng Ninh",
    ]
    .iter()
    .map(|n| area(n))
    .collect();
    let wind7 = Override { rule: "wind_strong".into(), value: Some(Literal::Number(7.0)), off: false };
    let no_thunder = Override { rule: "thunderstorm".into(), value: None, off: true };
    let heat33 = Override { rule: "heat_severe".into(), value: Some(Literal::Number(33.0)), off: false };
    let unknown = Override { rule: "no_such_rule".into(), value: None, off: true };
    let subs: Vec<Subscription> = (0..1000usize)
        .map(|i| Subscription {
            area: areas[i % areas.len()],
            lang: if i % 2 == 0 { Language::Vi } else { Language::En },
            overrides: match i % 10 {
                _ if i % 97 == 13 => vec![unknown.clone()],
                0 => vec![wind7.clone()],
                1 => vec![no_thunder.clone()],
                2 => vec![wind7.clone(), no_thunder.clone()],
                3 => vec![heat33.clone()],
                _ => Vec::new(),
            },
            sea: i % 3 == 0,
        })
        .collect();

    let all = evaluate_all(gaz, &bulletin, rules, &subs);
    assert_eq!(all.len(), subs.len());
    let mut errors = 0;
    let mut first: HashMap<(AreaId, bool, String), usize> = HashMap::new();
    for (i, (sub, got)) in subs.iter().zip(&all).enumerate() {
        let want = rules
            .with_overrides(&sub.overrides)
            .map(|eff| evaluate(&bulletin, &eff, &bulletin.facts_for(gaz, sub.area, sub.sea)));
        match (got, &want) {
            (Ok(g), Ok(w)) => assert_eq!(**g, *w, "subscription {i}: {sub:?}"),
            (Err(g), Err(w)) => {
                assert_eq!(g, w, "subscription {i}");
                errors += 1;
            }
            _ => panic!("subscription {i} {sub:?}: evaluate_all gave {got:?}, evaluate {want:?}"),
        }
        // Subscriptions that see the same facts under the same rules share one result.
        let key = (sub.area, sub.sea, serde_json::to_string(&sub.overrides).unwrap());
        let j = *first.entry(key).or_insert(i);
        if let (Ok(a), Ok(b)) = (&all[j], got) {
            assert!(std::sync::Arc::ptr_eq(a, b), "subscriptions {j} and {i} do not share their result");
        }
    }
    assert!(errors > 0, "no subscription had an unknown rule");

    // The overrides matter: Quảng Ninh's coast has "cấp 6, giật cấp 7" (Phía Đông Bắc Bộ).
    let quang_ninh = area("Quảng Ninh");
    let rules_of = |overrides: &[Override]| -> Vec<String> {
        let (i, _) = subs
            .iter()
            .enumerate()
            .find(|(_, s)| s.area == quang_ninh && s.overrides == overrides)
            .unwrap_or_else(|| panic!("no Quảng Ninh subscription with {overrides:?}"));
        all[i].as_ref().unwrap().iter().map(|a| a.rule.clone()).collect()
    };
    assert!(rules_of(&[]).contains(&"wind_strong".to_owned()), "{:?}", rules_of(&[]));
    let with_wind7 = rules_of(std::slice::from_ref(&wind7));
    assert!(!with_wind7.contains(&"wind_strong".to_owned()), "{with_wind7:?}");
    for (sub, got) in subs.iter().zip(&all) {
        if sub.overrides.contains(&no_thunder) {
            assert!(got.as_ref().unwrap().iter().all(|a| a.rule != "thunderstorm"));
        }
    }
    // A sea subscriber in Quảng Ngãi hears about Bắc Biển Đông; one on land does not.
    let quang_ngai = area("Quảng Ngãi");
    for (sub, got) in subs.iter().zip(&all) {
        if sub.area == quang_ngai && sub.overrides.is_empty() {
            let very = got.as_ref().unwrap().iter().any(|a| a.rule == "wind_very_strong");
            assert_eq!(very, sub.sea, "{sub:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 7. `canhbao check`.

fn canhbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canhbao"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run canhbao: {e}"))
}

#[test]
fn check_explains_the_seed_for_bac_lieu() {
    let out = canhbao(&["check", SEED, "--area", "Bạc Liêu"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("thunderstorm_hazards"), "{stdout}");
    assert!(stdout.contains("lốc, sét và gió giật mạnh"), "{stdout}");

    let out = canhbao(&["check", SEED, "--area", "Bạc Liêu", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fired = report["scopes"][0]["fired"].as_array().unwrap();
    let th = fired.iter().find(|a| a["rule"] == "thunderstorm_hazards").unwrap();
    // The hazards alert covers the thunderstorm alert, so it quotes the thunderstorm too.
    assert_eq!(th["quotes"], serde_json::json!(["dông", "lốc, sét và gió giật mạnh"]));
    assert!(fired.iter().any(|a| a["rule"] == "rain_heavy"));
}

#[test]
fn check_names_the_line_and_column_of_a_bad_rule() {
    let dir = std::env::temp_dir().join(format!("canhbao-alert-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad-rules.toml");
    let text = "# a rule with a misspelt field\n[[rule]]\nid = \"gio\"\nseverity = \"warning\"\n\
                title = { vi = \"Gió\", en = \"Wind\" }\nwhen = \"wind.level >= 6 or wind.gusst >= 8\"\n";
    std::fs::write(&path, text).unwrap();
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(n, l)| l.find("gusst").map(|c| (n + 1, l[..c].chars().count() + 1)))
        .unwrap();
    let path_s = path.to_string_lossy().into_owned();
    let out = canhbao(&["check", SEED, "--rules", &path_s]);
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains(&format!("{path_s}:{line}:{column}")), "want {line}:{column}: {stderr}");
    assert!(stderr.contains("gusst"), "{stderr}");
}

#[test]
fn check_suggests_an_area_for_a_typo() {
    let out = canhbao(&["check", SEED, "--area", "Bac Leu"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("Bạc Liêu"), "{stderr}");
}

/// An English bulletin: its places scope the alerts, and a Vietnamese subscriber reads them in
/// Vietnamese (an English one in English), with the English source phrase quoted.
#[test]
fn english_bulletin_alerts_in_the_subscribers_language() {
    let text = "Monday, November 18, 2024 | 15:40\n\
                From November 19 to 20, the area from Quang Tri to Quang Ngai will have moderate rain, \
                heavy rain, some places very heavy rain. During thunderstorms, there is a possibility of \
                tornadoes, lightning and strong gusts of wind.\n";
    let doc = canhbao::parse(text, &opts());
    assert_eq!(doc.language, Language::En);
    let gaz = gazetteer();
    let bulletin = Bulletin::new(gaz, &doc, text, None);
    let hanoi = evaluate(&bulletin, RuleSet::defaults(), &bulletin.facts_for(gaz, area("Hà Nội"), false));
    assert!(!ids(&hanoi).contains(&"rain_heavy"), "{:?}", ids(&hanoi));
    let danang = evaluate(&bulletin, RuleSet::defaults(), &bulletin.facts_for(gaz, area("Đà Nẵng"), false));
    assert!(ids(&danang).contains(&"rain_heavy"), "{:?}", ids(&danang));
    assert!(ids(&danang).contains(&"thunderstorm_hazards"), "{:?}", ids(&danang));
    let notices: Vec<Notice<'_>> = danang
        .iter()
        .map(|a| Notice { change: Change::New, severity: a.severity, title: &a.title, alert: Some(a) })
        .collect();
    let vi = message::render(Language::Vi, "Đà Nẵng", doc.issued_at.as_deref(), &notices).join("\n");
    assert!(vi.contains("Mưa to") && vi.contains("Bản tin lúc 15:40 18/11/2024"), "{vi}");
    assert!(vi.contains("«tornadoes, lightning and strong gusts of wind»"), "{vi}");
    let en = message::render(Language::En, "Da Nang", doc.issued_at.as_deref(), &notices).join("\n");
    assert!(en.contains("Heavy rain") && en.contains("18 Nov 2024 15:40"), "{en}");
}

/// A place named earlier in a fact's sentence scopes it when the grammar did not read it as the
/// fact's `where`: "the Gulf of Tonkin will have …" is for the gulf (and, for fishermen who asked
/// for sea areas, for the provinces on it), not for Hà Nội.
#[test]
fn a_place_earlier_in_the_sentence_scopes_its_facts() {
    let text = "From the night of November 18, the Gulf of Tonkin will have northeast winds of level 6, \
                gusts of level 8, rough seas, waves 2 - 3m high.\n";
    let doc = canhbao::parse(text, &opts());
    let gaz = gazetteer();
    let bulletin = Bulletin::new(gaz, &doc, text, None);
    let fired = |name: &str, sea: bool| {
        ids(&evaluate(&bulletin, RuleSet::defaults(), &bulletin.facts_for(gaz, area(name), sea)))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(fired("Vịnh Bắc Bộ", false).contains(&"wind_strong".to_owned()));
    assert!(fired("Hải Phòng", true).contains(&"wind_strong".to_owned()));
    assert!(fired("Hà Nội", false).is_empty(), "{:?}", fired("Hà Nội", false));
}

/// A place that opens a paragraph speaks for the paragraph's later sentences (national forecasts
/// written one region per line, without a colon).
#[test]
fn a_place_opening_a_line_scopes_the_line() {
    let text = "Phía Đông Bắc Bộ nhiều mây, có mưa vài nơi. Gió đông bắc cấp 6, giật cấp 8.\n\
                Nam Bộ ngày nắng, chiều tối có mưa rào. Gió tây nam cấp 2-3.\n";
    let doc = canhbao::parse(text, &opts());
    let gaz = gazetteer();
    let bulletin = Bulletin::new(gaz, &doc, text, None);
    let fired = |name: &str| {
        ids(&evaluate(&bulletin, RuleSet::defaults(), &bulletin.facts_for(gaz, area(name), false)))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(fired("Quảng Ninh").contains(&"wind_strong".to_owned()));
    assert!(!fired("Bạc Liêu").contains(&"wind_strong".to_owned()), "{:?}", fired("Bạc Liêu"));
}

/// Rét đậm / rét hại are defined by the daily mean temperature, which bulletins rarely state:
/// a section's lowest and highest give it (for the rules only; the document is unchanged).
#[test]
fn cold_from_the_daily_mean_of_lowest_and_highest() {
    let fired = |text: &str| {
        let doc = canhbao::parse(text, &opts());
        let gaz = gazetteer();
        let bulletin = Bulletin::new(gaz, &doc, text, None);
        let facts = bulletin.facts_for(gaz, area("Hà Nội"), false);
        assert_eq!(facts.len(), doc.facts().count() + bulletin.derived.len());
        ids(&evaluate(&bulletin, RuleSet::defaults(), &facts))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // Mean 12.25 °C.
    let cold = fired("Khu vực Hà Nội: Nhiệt độ thấp nhất 8-11 độ C, cao nhất 14-16 độ C.\n");
    assert!(
        cold.contains(&"cold_damaging".to_owned()) && cold.contains(&"cold_severe".to_owned()),
        "{cold:?}"
    );
    // Mean 14.5: rét đậm only.
    let cool = fired("Khu vực Hà Nội: Nhiệt độ thấp nhất 11-13 độ C, cao nhất 16-18 độ C.\n");
    assert_eq!(cool, ["cold_severe"]);
    // Mean 15.5 (14.5-16.5): the middle decides, no rét đậm.
    assert!(fired("Khu vực Hà Nội: Nhiệt độ thấp nhất 12-14 độ C, cao nhất 17-19 độ C.\n").is_empty());
    // Summer: nothing; a mountain exception is not the section's mean.
    assert!(
        fired("Khu vực Hà Nội: Nhiệt độ thấp nhất 25-27 độ C, cao nhất 33-35 độ C.\n")
            .iter()
            .all(|r| r != "cold_severe")
    );
    let mountains =
        fired("Khu vực Hà Nội: Nhiệt độ thấp nhất 16-18 độ C, vùng núi 8-10 độ C; cao nhất 20-22 độ C.\n");
    assert!(!mountains.contains(&"cold_severe".to_owned()), "{mountains:?}");
}
