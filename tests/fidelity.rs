//! ldp against keys exactly as the pipeline's own code was seen to write
//! them (its failed OCR poll, its permanent batch errors).

mod support;

use support::{LdpTarget, RedisServer, Target, random_uuid, shared_cluster, shared_standalone};

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

/// The per-chunk entity caches of `doc` as the pipeline writes them: two
/// through its chunk list (one of them `[]`), one only through its value;
/// and another document's. Returns (doc's keys, the other's key).
fn chunk_caches(t: &Target, doc: &str, other: &str) -> (Vec<String>, String) {
    let set = |k: &str, v: &str| {
        t.run_str(&["SET", k, v]);
    };
    let (c1, c2, c3) = (random_uuid(), random_uuid(), random_uuid());
    set(
        &format!("cache:doc:chunks:{doc}"),
        &format!(r#"[{{"chunk_uuid": "{c1}", "index": 0}}, {{"chunk_uuid": "{c2}", "index": 1}}]"#),
    );
    let mine = vec![
        format!("entity:chunk:{c1}:9f86d081"),
        format!("entity:chunk:{c2}:0a1b2c3d"),
        format!("entity:chunk:{c3}:deadbeef"),
    ];
    set(
        &mine[0],
        &format!(r#"[{{"text": "ACME", "document_uuid": "{doc}"}}]"#),
    );
    set(&mine[1], "[]");
    set(
        &mine[2],
        &format!(r#"[{{"text": "Smith", "document_uuid": "{doc}"}}]"#),
    );
    let theirs = format!("entity:chunk:{}:c0ffee00", random_uuid());
    set(
        &theirs,
        &format!(r#"[{{"text": "X", "document_uuid": "{other}"}}]"#),
    );
    (mine, theirs)
}

fn chunk_caches_belong_to_their_document(t: &Target) {
    let (doc, other) = (random_uuid(), random_uuid());
    let (mine, theirs) = chunk_caches(t, &doc, &other);
    let r = t.ldp(&["cache", "show", "--doc", &doc, "-o", "json"]).ok();
    r.stderr_has("2 found through the documents' chunk lists, 1 through their values");
    let j = r.json();
    let keys: Vec<&str> = j["documents"][0]["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key"].as_str().unwrap())
        .collect();
    for k in &mine {
        assert!(keys.contains(&k.as_str()), "{k} missing: {j}");
    }
    assert!(!keys.contains(&theirs.as_str()), "{j}");
    t.ldp(&["cache", "clear", "--doc", &doc, "--yes"]).ok();
    for k in &mine {
        assert!(!t.exists(k), "{k} should be gone");
    }
    assert!(t.exists(&theirs), "another document's cache stays");
}

#[test]
fn chunk_caches_belong_to_their_document_standalone() {
    let s = shared_standalone();
    chunk_caches_belong_to_their_document(&Target::One(s));
}

#[test]
fn chunk_caches_belong_to_their_document_on_a_cluster() {
    let c = shared_cluster();
    chunk_caches_belong_to_their_document(&Target::Cluster(c));
}

#[test]
fn keys_audit_warns_when_import_markers_can_be_evicted() {
    let s = RedisServer::start_with(&["--maxmemory-policy", "allkeys-lru"]);
    set(
        &s,
        "ldp:imported:3f1c9a52-6b0d-4e7a-8c21-9d4e5f6a7b80:abc",
        "task-1",
    );
    let r = s.ldp(&["keys", "audit", "-o", "json"]).ok();
    r.stderr_has("can be evicted").stderr_has("allkeys-lru");
    assert!(r.json()["eviction_risk"].is_string(), "{r}");
    // With a database configured its rows are the truth: no warning.
    s.ldp_cmd(&["keys", "audit"])
        .env("LDP_DATABASE_URL", "postgres://u@127.0.0.1:1/db")
        .ok()
        .stderr_lacks("can be evicted");
    // noeviction: no warning.
    let n = RedisServer::start();
    set(
        &n,
        "ldp:imported:3f1c9a52-6b0d-4e7a-8c21-9d4e5f6a7b80:abc",
        "task-1",
    );
    n.ldp(&["keys", "audit"])
        .ok()
        .stderr_lacks("can be evicted");
}
