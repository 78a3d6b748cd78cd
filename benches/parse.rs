//! Parser benchmarks (criterion).
//!
//! * `parse/<seed file name>`: each file of `seeds/*.txt`, throughput in bytes.
//! * `parse/typical_1_5kb`: the first ~1.5 KB of a national multi-area bulletin.
//! * `corpus_throughput/seeds_concatenated`: every seed concatenated into one input.
//! * `corpus_1_2kb/all_files`: the files of `../shared/corpus/texts` of 1-2 KB, one parse each
//!   per iteration (only when that directory exists; their number is printed).
//! * `corpus_1_2kb_each/<file>`: the same bulletins one by one, each parsed over and over; the
//!   median of their medians is printed at the end.
//! * `corpus_texts/all_files`: every file of `../shared/corpus/texts`, one parse each per
//!   iteration (only when that directory exists).
//! * `large_input_5mb/seeds_repeated`: ~5 MB made by repeating the seeds.
//!
//! Run: `cargo bench --bench parse -- --warm-up-time 1 --measurement-time 2`. Criterion prints
//! each benchmark's slope; the medians (the speed target's measure) are printed at the end.

#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use canhbao::{ParseOptions, parse};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group};

// The same allocator as the `canhbao` binary, so the figures are the binary's.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The seed that `parse/typical_1_5kb` is cut from.
const TYPICAL_SEED: &str = "010_national_multi_area.txt";
/// Target size of `parse/typical_1_5kb`, in bytes.
const TYPICAL_LEN: usize = 1500;
/// The sizes of `corpus_1_2kb`, in bytes.
const SIZED_MIN: usize = 1000;
const SIZED_MAX: usize = 2048;
/// The group of the 1-2 KB corpus bulletins benchmarked one by one.
const EACH_GROUP: &str = "corpus_1_2kb_each";
/// Target size of `large_input_5mb`, in bytes.
const LARGE_LEN: usize = 5 * 1024 * 1024;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_text(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("benches/parse.rs: cannot read {}: {err}", path.display());
            std::process::exit(1);
        }
    }
}

/// `(file name, contents)` of every `*.txt` file in `dir`, sorted by name.
fn read_txt_files(dir: &Path) -> Vec<(String, String)> {
    let entries = std::fs::read_dir(dir).expect("benches/parse.rs: cannot list the text directory");
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.expect("benches/parse.rs: cannot read a directory entry").path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let text = read_text(&path);
            (name, text)
        })
        .collect()
}

fn seeds() -> Vec<(String, String)> {
    let seeds = read_txt_files(&manifest_dir().join("seeds"));
    assert!(!seeds.is_empty(), "benches/parse.rs: seeds/*.txt is empty");
    seeds
}

fn concatenate(files: &[(String, String)]) -> String {
    let mut all = String::new();
    for (_, text) in files {
        all.push_str(text);
        if !all.ends_with('\n') {
            all.push('\n');
        }
        all.push('\n');
    }
    all
}

/// The first ~`len` bytes of `text`, cut back to a char boundary.
fn prefix(text: &str, len: usize) -> &str {
    let end = text.floor_char_boundary(len);
    text.get(..end).unwrap_or(text)
}

fn bytes(len: usize) -> Throughput {
    Throughput::Bytes(u64::try_from(len).unwrap_or(u64::MAX))
}

fn bench_parse(c: &mut Criterion) {
    let opts = ParseOptions::default();
    let seeds = seeds();

    let mut group = c.benchmark_group("parse");
    for (name, text) in &seeds {
        group.throughput(bytes(text.len()));
        group.bench_function(name.as_str(), |b| b.iter(|| parse(black_box(text), black_box(&opts))));
    }

    let source = seeds
        .iter()
        .find(|(name, text)| name == TYPICAL_SEED && text.len() >= TYPICAL_LEN)
        .map(|(_, text)| text.clone())
        .unwrap_or_else(|| concatenate(&seeds));
    let typical = prefix(&source, TYPICAL_LEN);
    group.throughput(bytes(typical.len()));
    group.bench_function("typical_1_5kb", |b| b.iter(|| parse(black_box(typical), black_box(&opts))));
    group.finish();
}

fn bench_corpus(c: &mut Criterion) {
    let opts = ParseOptions::default();
    let all = concatenate(&seeds());

    let mut group = c.benchmark_group("corpus_throughput");
    group.throughput(bytes(all.len()));
    group.bench_function("seeds_concatenated", |b| b.iter(|| parse(black_box(&all), black_box(&opts))));
    group.finish();

    let texts_dir = manifest_dir().join("../shared/corpus/texts");
    if !texts_dir.is_dir() {
        return;
    }
    let texts = read_txt_files(&texts_dir);
    if texts.is_empty() {
        return;
    }
    // The real bulletins the speed target speaks of (1-2 KB), parsed one after another: the
    // time per bulletin is this benchmark's time divided by their number (printed here), and
    // unlike `parse/typical_1_5kb` the branch predictor cannot learn one text by heart.
    let sized: Vec<&str> = texts
        .iter()
        .map(|(_, text)| text.as_str())
        .filter(|text| (SIZED_MIN..=SIZED_MAX).contains(&text.len()))
        .collect();
    if !sized.is_empty() {
        eprintln!("corpus_1_2kb/all_files: {} bulletins of 1-2 KB", sized.len());
        let mut group = c.benchmark_group("corpus_1_2kb");
        group.throughput(bytes(sized.iter().map(|text| text.len()).sum()));
        group.bench_function("all_files", |b| {
            b.iter(|| {
                for text in &sized {
                    black_box(parse(black_box(text), black_box(&opts)));
                }
            })
        });
        group.finish();
    }

    // The same bulletins one by one, each parsed over and over as `parse/typical_1_5kb` is:
    // the median of their medians (printed at the end) is the speed of a real 1-2 KB bulletin.
    let mut group = c.benchmark_group(EACH_GROUP);
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(500));
    for (name, text) in texts.iter().filter(|(_, text)| (SIZED_MIN..=SIZED_MAX).contains(&text.len())) {
        group.throughput(bytes(text.len()));
        group.bench_function(name.as_str(), |b| b.iter(|| parse(black_box(text), black_box(&opts))));
    }
    group.finish();

    let total: usize = texts.iter().map(|(_, text)| text.len()).sum();
    let mut group = c.benchmark_group("corpus_texts");
    group.throughput(bytes(total));
    group.bench_function("all_files", |b| {
        b.iter(|| {
            for (_, text) in &texts {
                black_box(parse(black_box(text), black_box(&opts)));
            }
        })
    });
    group.finish();
}

fn bench_large(c: &mut Criterion) {
    let opts = ParseOptions::default();
    let unit = concatenate(&seeds());
    let mut large = String::with_capacity(LARGE_LEN + unit.len());
    while large.len() < LARGE_LEN {
        large.push_str(&unit);
    }

    let mut group = c.benchmark_group("large_input_5mb");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(bytes(large.len()));
    group.bench_function("seeds_repeated", |b| b.iter(|| parse(black_box(&large), black_box(&opts))));
    group.finish();
}

fn config() -> Criterion {
    // Command-line options (`--warm-up-time`, `--measurement-time`) override these.
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_parse, bench_corpus, bench_large
}

// `criterion_main!` with a last step: criterion prints each benchmark's slope (or mean), while
// the speed target is a median, which it only writes to `estimates.json`; the medians of the
// benchmarks just run are printed from there.
fn main() {
    let started = SystemTime::now();
    benches();
    Criterion::default().configure_from_args().final_summary();
    print_medians(&criterion_dir(), started);
}

/// Where criterion writes its results: `$CRITERION_HOME`, else `criterion/` in cargo's target
/// directory (as criterion finds them; `target/` beside `Cargo.toml` unless `$CARGO_TARGET_DIR`).
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| manifest_dir().join("target"), PathBuf::from)
        .join("criterion")
}

/// Prints the median time per iteration (with its 95 % confidence interval) of every benchmark
/// whose estimates were written since `since`: none when the run only listed or tested them.
fn print_medians(dir: &Path, since: SystemTime) {
    let mut found = Vec::new();
    collect_estimates(dir, since, &mut found);
    if found.is_empty() {
        return;
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    println!("\nmedians (criterion's estimates.json; the speed target is a median):");
    let mut each = Vec::new();
    for (id, median, low, high) in found {
        if id.starts_with(EACH_GROUP) {
            each.push(median);
            continue;
        }
        println!("  {id:<40} median {} [{} {}]", human(median), human(low), human(high));
    }
    // One line for the bulletins benchmarked one by one: the median of their medians.
    each.sort_by(f64::total_cmp);
    let at = |q: usize| each.get((each.len() - 1) * q / 4).copied().unwrap_or(f64::NAN);
    if !each.is_empty() {
        println!(
            "  {:<40} median of {} medians {} (quartiles {} {}, max {})",
            format!("{EACH_GROUP}/*"),
            each.len(),
            human(at(2)),
            human(at(1)),
            human(at(3)),
            human(at(4))
        );
    }
}

/// `(full id, median, lower bound, upper bound)` in nanoseconds of each `new/estimates.json`
/// under `dir` written since `since`.
fn collect_estimates(dir: &Path, since: SystemTime, out: &mut Vec<(String, f64, f64, f64)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == "new") {
            if let Some(row) = read_median(&path, since) {
                out.push(row);
            }
        } else if path.is_dir() {
            collect_estimates(&path, since, out);
        }
    }
}

fn read_median(new: &Path, since: SystemTime) -> Option<(String, f64, f64, f64)> {
    let estimates = new.join("estimates.json");
    if std::fs::metadata(&estimates).and_then(|m| m.modified()).ok()? < since {
        return None;
    }
    let read = |p: PathBuf| -> Option<serde_json::Value> {
        serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()
    };
    let id = read(new.join("benchmark.json"))?.get("full_id")?.as_str()?.to_owned();
    let median = read(estimates)?.get("median")?.clone();
    let number = |v: Option<&serde_json::Value>| v.and_then(serde_json::Value::as_f64);
    let ci = median.get("confidence_interval");
    Some((
        id,
        number(median.get("point_estimate"))?,
        number(ci.and_then(|c| c.get("lower_bound")))?,
        number(ci.and_then(|c| c.get("upper_bound")))?,
    ))
}

/// Nanoseconds as criterion prints them: ns, µs, ms or s with four significant digits.
fn human(ns: f64) -> String {
    let (value, unit) = match ns {
        n if n < 1e3 => (n, "ns"),
        n if n < 1e6 => (n / 1e3, "µs"),
        n if n < 1e9 => (n / 1e6, "ms"),
        n => (n / 1e9, "s"),
    };
    let decimals = match value {
        v if v < 10.0 => 3,
        v if v < 100.0 => 2,
        _ => 1,
    };
    format!("{value:.decimals$} {unit}")
}
