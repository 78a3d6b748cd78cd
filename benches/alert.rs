//! Alert engine benchmarks (criterion).
//!
//! * `alert/evaluate_100k_subscriptions`: the default rules for 100 000 subscriptions (every
//!   province and region of the gazetteer, 10 % of them with a threshold override) against one
//!   bulletin (the seed national multi-area fixture), including scoping its facts.
//! * `alert/evaluate_one_area`: the default rules for one area, no sharing.
//!
//! Run: `cargo bench --bench alert -- --warm-up-time 1 --measurement-time 3`.

#![allow(clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;

use canhbao::alert::area::{AreaKind, gazetteer};
use canhbao::alert::engine::{Bulletin, Subscription, evaluate, evaluate_all};
use canhbao::alert::{Literal, Override, RuleSet};
use canhbao::bulletin::Language;
use canhbao::{ParseOptions, parse};
use criterion::{Criterion, criterion_group, criterion_main};

// The same allocator as the `canhbao` binary, so the figures are the binary's.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SUBSCRIPTIONS: usize = 100_000;

fn bench_alert(c: &mut Criterion) {
    let gaz = gazetteer();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/010_national_multi_area.txt");
    let input = std::fs::read_to_string(path).expect("benches/alert.rs: cannot read the fixture");
    let doc = parse(&input, &ParseOptions::default());
    let rules = RuleSet::defaults();
    let areas: Vec<_> = gaz
        .iter()
        .filter(|&a| matches!(gaz.kind(a), AreaKind::Province | AreaKind::Province2025 | AreaKind::Region))
        .collect();
    assert!(!areas.is_empty(), "benches/alert.rs: empty gazetteer");
    let subs: Vec<Subscription> = (0..SUBSCRIPTIONS)
        .map(|n| Subscription {
            area: areas[n % areas.len()],
            lang: Language::Vi,
            overrides: if n % 10 == 0 {
                vec![Override {
                    rule: "wind_strong".into(),
                    value: Some(Literal::Number(5.0 + (n % 3) as f64)),
                    off: false,
                }]
            } else {
                Vec::new()
            },
            sea: n % 7 == 0,
        })
        .collect();

    let mut group = c.benchmark_group("alert");
    group.sample_size(10);
    group.bench_function("evaluate_100k_subscriptions", |b| {
        b.iter(|| {
            let bulletin = Bulletin::new(gaz, &doc, &input, None);
            black_box(evaluate_all(gaz, &bulletin, rules, black_box(&subs)))
        })
    });
    let bac_lieu = gaz.lookup("Bạc Liêu").expect("benches/alert.rs: no Bạc Liêu in the gazetteer");
    group.bench_function("evaluate_one_area", |b| {
        b.iter(|| {
            let bulletin = Bulletin::new(gaz, &doc, &input, None);
            let facts = bulletin.facts_for(gaz, bac_lieu, false);
            black_box(evaluate(&bulletin, rules, &facts))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_alert);
criterion_main!(benches);
