//! `ldp doc retry` against the pipeline's own task names run by a real
//! Celery worker (tests/py/pipeline_app.py records what it ran).

mod support;

use std::collections::BTreeSet;

use serde_json::{Value as Json, json};
use support::python::{executed, pipeline_worker};
use support::seed::llen;
use support::{LdpTarget, RedisServer};

const PROJECT: &str = "5a0c6a1e-8f1e-4c2b-9d3a-1b2c3d4e5f60";
const FAILED_OCR: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const PERMANENT: &str = "aaaaaaaa-0000-4000-8000-000000000002";
const IN_FLIGHT: &str = "aaaaaaaa-0000-4000-8000-000000000003";
const DONE: &str = "aaaaaaaa-0000-4000-8000-000000000004";
const NOWHERE: &str = "aaaaaaaa-0000-4000-8000-000000000005";
const QUEUE: &[u8] = b"default\x06\x163";

fn set(s: &RedisServer, key: &str, v: Json) {
    let _: () = redis::cmd("SET")
        .arg(key)
        .arg(v.to_string())
        .query(&mut s.client())
        .unwrap();
}

fn now_naive() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    chrono::DateTime::from_timestamp(now, 0)
        .unwrap()
        .naive_utc()
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

/// The pipeline's keys for five documents, as its own code leaves them: a
/// failed OCR poll (still `processing`), a permanent batch error, one in
/// flight, one done, one failed with no file path anywhere.
fn seed(s: &RedisServer) {
    let ts = now_naive();
    let state = |status: &str, last: &str| {
        json!({"pipeline": {"status": status, "timestamp": ts, "metadata": {"project_uuid": PROJECT}},
               "last_update": {"stage": "ocr", "status": last, "timestamp": ts}})
    };
    set(
        s,
        &format!("cache:doc:state:{FAILED_OCR}"),
        state("processing", "failed"),
    );
    set(
        s,
        &format!("cache:doc:state:{PERMANENT}"),
        state("processing", "in_progress"),
    );
    set(
        s,
        &format!("batch:error:b1:{PERMANENT}"),
        json!({"category": "permanent", "error_type": "OCRError"}),
    );
    set(
        s,
        &format!("cache:doc:state:{IN_FLIGHT}"),
        state("processing", "in_progress"),
    );
    set(
        s,
        &format!("cache:doc:state:{DONE}"),
        state("completed", "completed"),
    );
    set(
        s,
        &format!("cache:doc:state:{NOWHERE}"),
        state("failed", "failed"),
    );
    for d in [FAILED_OCR, IN_FLIGHT, DONE] {
        set(
            s,
            &format!("doc:metadata:{d}"),
            json!({"project_uuid": PROJECT, "file_path": format!("s3://docs/documents/{d}.pdf"),
                   "document_metadata": {"name": "x.pdf"}}),
        );
    }
    set(
        s,
        &format!("doc:import:{PERMANENT}"),
        json!({"document_uuid": PERMANENT, "project_uuid": PROJECT,
               "s3_path": format!("s3://docs/documents/{PERMANENT}.tif")}),
    );
}

fn actions(j: &Json) -> Vec<(String, String)> {
    j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["document"].as_str().unwrap().to_string(),
                d["action"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn failed_documents_run_again_once_and_in_flight_ones_are_left_alone() {
    let s = RedisServer::start();
    let _g = s.guard();
    seed(&s);
    let dry = s
        .ldp(&["doc", "retry", "--failed", "--dry-run", "-o", "json"])
        .fails(1) // one failed document has no file path anywhere
        .json();
    assert_eq!(
        actions(&dry),
        vec![
            (FAILED_OCR.into(), "would_retry".into()),
            (PERMANENT.into(), "would_retry".into()),
            (NOWHERE.into(), "no_file_path".into()),
        ],
        "{dry:#}"
    );
    assert_eq!(
        llen(&mut s.client(), QUEUE),
        0,
        "a dry run enqueues nothing"
    );
    s.ldp(&["doc", "retry", "--failed"])
        .fails(2)
        .stderr_has("without --yes");
    let j = s
        .ldp(&[
            "doc",
            "retry",
            "--failed",
            "--project",
            PROJECT,
            "--since",
            "1h",
            "--yes",
            "-o",
            "json",
        ])
        .fails(1)
        .json();
    assert_eq!(j["retried"], 2, "{j:#}");
    let batch = j["batch_id"].as_str().unwrap().to_string();
    // A document in flight is refused, even when named.
    let named = s
        .ldp(&["doc", "retry", "--doc", IN_FLIGHT, "--yes", "-o", "json"])
        .fails(1)
        .json();
    assert_eq!(
        actions(&named),
        vec![(IN_FLIGHT.into(), "in_flight".into())]
    );
    assert_eq!(llen(&mut s.client(), QUEUE), 2, "two tasks, no more");

    let w = pipeline_worker(&s.url(), &["default"]);
    let runs = executed(&s, 2, &w);
    assert_eq!(runs.len(), 2, "each retried document ran once: {runs:#?}");
    let mut ran = BTreeSet::new();
    for r in &runs {
        assert_eq!(r["task"], "scripts.pdf_tasks.process_pdf_document");
        let k = &r["kwargs"];
        let d = k["document_uuid"].as_str().unwrap();
        assert_eq!(k["project_uuid"], PROJECT);
        let ext = if d == PERMANENT { "tif" } else { "pdf" };
        assert_eq!(
            k["file_path"],
            format!("s3://docs/documents/{d}.{ext}"),
            "{r}"
        );
        assert_eq!(k["document_metadata"]["documentId"], d);
        ran.insert(d.to_string());
    }
    assert_eq!(
        ran,
        BTreeSet::from([FAILED_OCR.to_string(), PERMANENT.to_string()])
    );
    // `ldp batch show` follows the retry.
    let shown = s.ldp(&["batch", "show", &batch, "-o", "json"]).json();
    let listed = shown.to_string();
    assert!(
        listed.contains(FAILED_OCR) && listed.contains(PERMANENT),
        "{shown:#}"
    );
    assert!(!listed.contains(IN_FLIGHT), "{shown:#}");
}

#[test]
fn bad_ids_and_flags_are_refused_before_anything_runs() {
    let s = RedisServer::start();
    s.ldp(&["doc", "retry", "--doc", "nope", "--yes"])
        .fails(2)
        .stderr_has("invalid document id 'nope'");
    s.ldp(&["doc", "retry", "--yes"]).fails(2);
    s.ldp(&["doc", "retry", "--doc", DONE, "--project", PROJECT, "--yes"])
        .fails(2);
    s.ldp(&["doc", "retry", "--failed", "--project", "x y", "--yes"])
        .fails(2)
        .stderr_has("invalid project id");
}

/// The caches on a 3-primary cluster, the broker on its own Redis: the
/// failed documents are found on every node, the tasks go to the broker and
/// the batch record to the cluster.
#[test]
fn on_a_cluster_with_the_broker_on_its_own_redis() {
    let c = support::shared_cluster();
    let broker = RedisServer::start();
    let _g = (c.guard(), broker.guard());
    // Documents of this test only (the cluster is shared): fresh UUIDs.
    let docs: Vec<String> = (0..6).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    let ts = now_naive();
    for d in &docs {
        let state =
            json!({"pipeline": {"status": "processing", "metadata": {"project_uuid": PROJECT}},
                           "last_update": {"stage": "ocr", "status": "failed", "timestamp": ts}})
            .to_string();
        let meta =
            json!({"project_uuid": PROJECT, "file_path": format!("s3://docs/documents/{d}.pdf")})
                .to_string();
        for (k, v) in [
            (format!("cache:doc:state:{d}"), state),
            (format!("doc:metadata:{d}"), meta),
        ] {
            c.exec(k.as_bytes(), &[b"SET", k.as_bytes(), v.as_bytes()]);
        }
    }
    let nodes: BTreeSet<usize> = docs
        .iter()
        .map(|d| c.node_for_key(format!("cache:doc:state:{d}").as_bytes()))
        .collect();
    assert!(nodes.len() > 1, "the states span several primaries");
    let args = ["--broker-url", &broker.url(), "doc", "retry", "--doc"];
    let list = docs.join(",");
    let dry = c
        .ldp(&[&args[..], &[list.as_str(), "--dry-run", "-o", "json"]].concat())
        .ok()
        .json();
    assert_eq!(dry["documents"].as_array().unwrap().len(), 6, "{dry:#}");
    assert_eq!(llen(&mut broker.client(), QUEUE), 0);
    let j = c
        .ldp(&[&args[..], &[list.as_str(), "--yes", "-o", "json"]].concat())
        .ok()
        .json();
    assert_eq!(j["retried"], 6, "{j:#}");
    assert_eq!(
        llen(&mut broker.client(), QUEUE),
        6,
        "the tasks are on the broker"
    );
    let record = format!("ldp:batch:{}", j["batch_id"].as_str().unwrap());
    assert_eq!(
        c.exec(
            record.as_bytes(),
            &[b"HGET", record.as_bytes(), b"documents"]
        ),
        redis::Value::BulkString(b"6".to_vec())
    );
}
