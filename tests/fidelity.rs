//! ldp against keys exactly as the pipeline's own code was seen to write
//! them (its failed OCR poll, its permanent batch errors).

mod support;

use support::{LdpTarget, RedisServer};

const DOC: &str = "3f1c9a52-6b0d-4e7a-8c21-9d4e5f6a7b80";
const BATCH: &str = "b7e1c2d3-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

fn set(s: &RedisServer, k: &str, v: &str) {
    let _: () = redis::cmd("SET")
        .arg(k)
        .arg(v)
        .query(&mut s.client())
        .unwrap();
}

/// A failed OCR poll: pipeline.status stays processing, the latest update
/// failed, batch recovery adds a permanent error. Its timestamp is old, so
/// a document truly in flight would be stuck.
fn failed_ocr(s: &RedisServer) {
    set(
        s,
        &format!("cache:doc:state:{DOC}"),
        r#"{"pipeline": {"status": "processing", "timestamp": "2026-01-01T00:00:00"},
            "ocr": {"status": "failed", "timestamp": "2026-01-01T00:00:00"},
            "last_update": {"stage": "ocr", "status": "failed", "timestamp": "2026-01-01T00:00:00"}}"#,
    );
    set(s, &format!("cache:doc:ocr:{DOC}"), r#"{"text": "partial"}"#);
    set(
        s,
        &format!("batch:document:{BATCH}:{DOC}"),
        r#"{"status": "processing"}"#,
    );
    set(
        s,
        &format!("batch:error:{BATCH}:{DOC}"),
        r#"{"error_type": "TextractError", "category": "permanent", "stage": "ocr"}"#,
    );
}

#[test]
fn a_failed_ocr_poll_counts_as_failed_everywhere() {
    let s = RedisServer::start();
    failed_ocr(&s);
    let j = s.ldp(&["batch", "show", BATCH, "-o", "json"]).ok().json();
    let d = &j["documents"][0];
    assert_eq!(d["state"], "failed", "{j}");
    assert_eq!(d["rule"], "last_update", "{j}");
    let j = s.ldp(&["batch", "list", "-o", "json"]).ok().json();
    assert_eq!(j[0]["actual"]["failed"], 1, "{j}");
    assert_eq!(j[0]["actual"]["in_flight"], 0, "{j}");
    // The table says which rule decided.
    s.ldp(&["batch", "show", BATCH, "-o", "table"])
        .ok()
        .stdout_has("failed (last_update.status)");

    // cache clear does not refuse it as in flight.
    let j = s
        .ldp(&["cache", "clear", "--doc", DOC, "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["deleted"], 1, "{j}");
    // monitor health --deep does not call it stuck.
    let j = s
        .ldp(&[
            "monitor", "health", "--deep", "--check", "stuck", "-o", "json",
        ])
        .json();
    let stuck = j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "stuck")
        .unwrap();
    assert_eq!(stuck["status"], "OK", "{j}");
}

#[test]
fn a_permanent_batch_error_alone_means_failed() {
    let s = RedisServer::start();
    set(
        &s,
        &format!("cache:doc:state:{DOC}"),
        r#"{"pipeline": {"status": "processing"}, "last_update": {"stage": "ocr", "status": "in_progress"}}"#,
    );
    set(&s, &format!("batch:document:{BATCH}:{DOC}"), "{}");
    set(
        &s,
        &format!("batch:error:{BATCH}:{DOC}"),
        r#"{"error_type": "X", "category": "permanent"}"#,
    );
    let j = s.ldp(&["batch", "show", BATCH, "-o", "json"]).ok().json();
    assert_eq!(j["documents"][0]["state"], "failed", "{j}");
    assert_eq!(j["documents"][0]["rule"], "permanent_error", "{j}");
}
