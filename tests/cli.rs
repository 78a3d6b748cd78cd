//! The command as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn canhbao(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_canhbao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start canhbao: {e}"));
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin);
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("canhbao did not finish: {e}"))
}

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_a300d7ddb554e7bf.txt");
const MARINE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/030_marine_sea_areas.txt");

#[test]
fn parse_file_prints_one_json_line() {
    let out = canhbao(&["parse", SEED], b"");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    let doc: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap_or_default();
    assert_eq!(doc["schema"], "canhbao.bulletin/1");
    assert_eq!(doc["issued_at"], "2018-04-20T15:56:00+07:00");
}

#[test]
fn several_files_give_ndjson_in_order() {
    let out = canhbao(&["parse", SEED, MARINE, "-"], "Gió nhẹ.".as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["sections"][0]["facts"][0]["kind"], "wind");
}

#[test]
fn stdin_and_pretty() {
    let out = canhbao(&["parse", "--pretty"], "Độ ẩm từ 60 - 98%.".as_bytes());
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().count() > 5);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
    assert_eq!(doc["sections"][0]["facts"][0]["percent"]["max"], 98);
}

#[test]
fn invalid_utf8_exits_2_with_offset_and_no_output() {
    let out = canhbao(&["parse"], b"Gi\xc3\xb3 nh\xff\xfe");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("offset 7"), "{err}");
    assert_eq!(err.trim().lines().count(), 1);
}

#[test]
fn missing_file_is_named() {
    let out = canhbao(&["parse", "no/such/bulletin.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/bulletin.txt"));
}

#[test]
fn empty_input_is_an_empty_document() {
    let out = canhbao(&["parse"], b"");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["sections"], serde_json::json!([]));
    assert_eq!(doc["coverage"], 0);
}

#[test]
fn now_sets_the_year_of_dates_without_one() {
    let out = canhbao(
        &["parse", "--now", "2024-03-01T00:00:00+07:00"],
        "📍 Thời gian phát: 16h00 ngày 19/01\nGió nhẹ.".as_bytes(),
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["issued_at"], "2024-01-19T16:00:00+07:00");
}

#[test]
fn bad_now_is_a_usage_error() {
    let out = canhbao(&["parse", "--now", "yesterday"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RFC 3339"));
}

#[test]
fn schema_prints_json_schema() {
    let out = canhbao(&["schema"], b"");
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert!(schema["$schema"].is_string());
}

#[test]
fn lang_is_forced() {
    let out = canhbao(&["parse", "--lang", "en"], "Gió nhẹ.".as_bytes());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["language"], "en");
}
