//! `ldp batch list|show` over batches seeded the way the pipeline (and ldp's
//! import) write them, in every value shape, with document states that
//! disagree with the pipeline's counters: ldp must report the states' truth.
//! On standalone and on a cluster.

mod support;

use serde_json::{Value as Json, json};
use support::{
    LdpTarget, RedisServer, Target, random_uuid, shared_cluster, shared_standalone, unique_prefix,
};

trait Seed {
    fn set(&self, key: &str, value: &Json);
}

impl Seed for Target<'_> {
    fn set(&self, key: &str, value: &Json) {
        self.run_str(&["SET", key, &value.to_string()]);
    }
}

/// The pipeline's state value (Python's json.dumps shape).
fn state(status: &str, stage: &str) -> Json {
    json!({
        "pipeline": {"status": status, "timestamp": "2026-11-25T10:00:00.123456", "metadata": {}},
        stage: {"status": status, "timestamp": "2026-11-25T10:01:00", "metadata": {}},
        "last_update": {"stage": stage, "status": status, "timestamp": "2026-11-25T10:02:00"}
    })
}

struct Seeded {
    cur: String,
    old: String,
    hash: String,
    imp: String,
    failed_doc: String,
}

/// Four batches: the current JSON field set, the older one, a hash, and an
/// ldp import batch that the pipeline also tracks. Every pipeline counter
/// says more is done than the states do.
fn seed(t: &Target) -> Seeded {
    let p = unique_prefix("batch");
    let (cur, old, hash, imp) = (
        format!("{p}cur"),
        format!("{p}old"),
        format!("{p}hash"),
        // ldp's own batch ids have no ':' (README): ldp:batch:{id}:* are its sub-keys.
        format!("{}-imp", p.trim_end_matches(':')),
    );
    let d: Vec<String> = (0..12).map(|_| random_uuid()).collect();

    // Current field set (JSON): says 4 of 4 completed, 0 failed.
    t.set(
        &format!("batch:progress:{cur}"),
        &json!({"status": "completed", "priority": "high", "total": 4, "completed": 4,
                "failed": 0, "started_at": "2026-11-25T10:00:00.123456",
                "last_updated": "2026-11-25T10:05:00", "failed_documents": [d[3]]}),
    );
    for (doc, st) in [(&d[0], "completed"), (&d[1], "submitted")] {
        t.set(
            &format!("batch:document:{cur}:{doc}"),
            &json!({"status": st, "updated_at": "2026-11-25T10:01:00"}),
        );
    }
    t.set(
        &format!("batch:error:{cur}:{}", d[2]),
        &json!({"error_type": "OCRError", "error_message": "Textract failed: InvalidS3ObjectException",
                "traceback": "Traceback (most recent call last):\n  File \"ocr.py\"", "stage": "ocr",
                "retry_count": 3, "last_attempt": "2026-11-25T10:03:00", "category": "permanent"}),
    );
    t.set(
        &format!("cache:doc:state:{}", d[0]),
        &state("completed", "relationships"),
    );
    // The legacy unprefixed state key, in flight.
    t.set(
        &format!("doc:state:{}", d[1]),
        &state("processing", "entity_extraction"),
    );
    // The hash form of the state, failed.
    t.run_str(&[
        "HSET",
        &format!("cache:doc:state:{}", d[2]),
        "pipeline",
        "{\"status\": \"failed\"}",
        "last_update",
        "{\"stage\": \"ocr\", \"status\": \"failed\"}",
    ]);
    // d[3]: named only by failed_documents, no state: not started.

    // Older field set (JSON): says 3 of 3 completed.
    t.set(
        &format!("batch:progress:{old}"),
        &json!({"batch_id": old, "total_documents": 3, "completed_documents": 3,
                "failed_documents": 0, "in_progress_documents": 0, "pending_documents": 0,
                "completion_percentage": 100.0, "started_at": "2026-11-24T09:00:00"}),
    );
    for doc in &d[4..7] {
        t.set(
            &format!("batch:document:{old}:{doc}"),
            &json!({"status": "completed", "updated_at": "2026-11-24T09:10:00"}),
        );
    }
    t.set(
        &format!("cache:doc:state:{}", d[4]),
        &state("starting", "pipeline"),
    );

    // A hash: says 2 of 2 completed, 0 failed.
    t.run_str(&[
        "HSET",
        &format!("batch:progress:{hash}"),
        "status",
        "completed",
        "priority",
        "normal",
        "total",
        "2",
        "completed",
        "2",
        "failed",
        "0",
        "started_at",
        "2026-11-23T08:00:00",
    ]);
    t.set(
        &format!("batch:document:{hash}:{}", d[7]),
        &json!({"status": "completed", "updated_at": "x"}),
    );
    t.set(
        &format!("batch:error:{hash}:{}", d[8]),
        &json!({"error_type": "LLMError", "error_message": "rate limited", "stage": "entity_extraction",
                "retry_count": 1, "last_attempt": "2026-11-23T08:05:00", "category": "transient"}),
    );
    t.set(
        &format!("cache:doc:state:{}", d[7]),
        &state("failed", "chunking"),
    );
    t.set(
        &format!("cache:doc:state:{}", d[8]),
        &state("completed", "relationships"),
    );

    // ldp's import batch, which the pipeline also tracks (says 0 of 3).
    t.run_str(&[
        "HSET",
        &format!("ldp:batch:{imp}"),
        "batch_id",
        &imp,
        "project_uuid",
        &d[11],
        "created_at",
        "2026-11-25T12:00:00Z",
        "documents",
        "3",
    ]);
    t.run_str(&[
        "SADD",
        &format!("ldp:batch:{imp}:docs"),
        &d[8],
        &d[9],
        &d[10],
    ]);
    t.set(
        &format!("batch:progress:{imp}"),
        &json!({"status": "processing", "total": 3, "completed": 0, "failed": 0,
                "started_at": "2026-11-25T12:00:01"}),
    );
    t.set(
        &format!("cache:doc:state:{}", d[9]),
        &state("processing", "ocr"),
    );

    Seeded {
        cur,
        old,
        hash,
        imp,
        failed_doc: d[2].clone(),
    }
}

fn actual(j: &Json) -> [u64; 5] {
    let a = &j["actual"];
    ["documents", "done", "failed", "in_flight", "not_started"].map(|k| a[k].as_u64().unwrap())
}

fn list_and_show(t: &Target) {
    let s = seed(t);
    let j = t.ldp(&["batch", "list", "-o", "json"]).ok().json();
    let find = |id: &str| -> Json {
        j.as_array()
            .unwrap()
            .iter()
            .find(|b| b["batch"] == id)
            .unwrap_or_else(|| panic!("batch {id} not listed: {j}"))
            .clone()
    };

    let cur = find(&s.cur);
    assert_eq!(actual(&cur), [4, 1, 1, 1, 1], "{cur}");
    assert_eq!(cur["actual"]["progress"], 0.5);
    assert_eq!(
        cur["reported"]["completed"], 4,
        "the pipeline's own counter, shown as written"
    );
    assert_eq!(cur["reported"]["failed"], 0);
    assert_eq!(cur["reported"]["fields"], "current");
    assert_eq!(cur["reported"]["stored"], "json");
    assert_eq!(cur["sources"], json!(["pipeline"]));

    let old = find(&s.old);
    assert_eq!(actual(&old), [3, 0, 0, 1, 2], "{old}");
    assert_eq!(old["reported"]["fields"], "legacy");
    assert_eq!(old["reported"]["total"], 3);
    assert_eq!(old["reported"]["completed"], 3);
    assert_eq!(old["reported"]["completion_percentage"], 100.0);

    let hash = find(&s.hash);
    assert_eq!(actual(&hash), [2, 1, 1, 0, 0], "{hash}");
    assert_eq!(hash["actual"]["progress"], 1.0);
    assert_eq!(hash["reported"]["stored"], "hash");
    assert_eq!(hash["reported"]["total"], 2);
    assert_eq!(hash["reported"]["status"], "completed");

    let imp = find(&s.imp);
    assert_eq!(imp["sources"], json!(["pipeline", "ldp"]));
    assert_eq!(actual(&imp), [3, 1, 0, 1, 1], "{imp}");
    assert_eq!(imp["ldp"]["documents"], 3);
    assert_eq!(imp["ldp"]["stored"], "hash");
    assert_eq!(imp["reported"]["completed"], 0);
    assert_eq!(imp["unlisted"], 0);

    // show: each document's state and stage, and the errors.
    let j = t.ldp(&["batch", "show", &s.cur, "-o", "json"]).ok().json();
    assert_eq!(actual(&j), [4, 1, 1, 1, 1]);
    let docs = j["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    let states: Vec<&str> = docs.iter().map(|d| d["state"].as_str().unwrap()).collect();
    assert_eq!(
        states,
        ["failed", "in_flight", "not_started", "done"],
        "{j}"
    );
    assert_eq!(docs[1]["stage"], "entity_extraction");
    assert_eq!(docs[1]["stage_status"], "processing");
    assert_eq!(docs[1]["batch_status"], "submitted");
    assert_eq!(docs[0]["document"], s.failed_doc.as_str());
    assert_eq!(docs[0]["error"], "OCRError");
    assert_eq!(docs[0]["stage"], "ocr", "from the hash-form state");
    assert_eq!(docs[2]["sources"], json!(["progress"]));
    let errors = j["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["error_type"], "OCRError");
    assert_eq!(errors[0]["retry_count"], 3);
    assert_eq!(errors[0]["category"], "permanent");
    assert!(
        errors[0]["traceback"]
            .as_str()
            .unwrap()
            .starts_with("Traceback")
    );

    // The table: stages, the error, a percentage (no bar off a terminal).
    let out = t.ldp(&["batch", "show", &s.cur]).ok();
    for needle in [
        "entity_extraction",
        "OCRError",
        "1 done, 1 failed, 1 in flight, 1 not started",
        "completed: 4/4 (0 failed)",
        "progress: 50%",
        s.failed_doc.as_str(),
    ] {
        out.stdout_has(needle);
    }
    out.stdout_lacks("[#"); // no bar off a terminal
    let out = t.ldp(&["batch", "list"]).ok();
    for needle in [s.imp.as_str(), &s.cur, "33%", "50%", "100%"] {
        out.stdout_has(needle);
    }

    // The ldp-only view of the import batch, and a batch that does not exist.
    let j = t.ldp(&["batch", "show", &s.imp, "-o", "json"]).ok().json();
    let in_ldp = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["sources"].as_array().unwrap().contains(&json!("ldp")))
        .count();
    assert_eq!(in_ldp, 3);
    for missing in ["no-such-batch", "*", "t-batch-*"] {
        t.ldp(&["batch", "show", missing])
            .fails(1)
            .stderr_has("no batch");
    }
}

#[test]
fn batches_on_standalone() {
    let s = shared_standalone();
    let _g = s.guard();
    list_and_show(&Target::One(s));
}

#[test]
fn batches_on_a_cluster() {
    let c = shared_cluster();
    let _g = c.guard();
    list_and_show(&Target::Cluster(c));
}

#[test]
fn formats_and_empty() {
    let s = RedisServer::start();
    // In a pipe "nothing" is a note on stderr; stdout holds records only.
    s.ldp(&["batch", "list"])
        .ok()
        .stdout_empty()
        .stderr_has("no batches");
    let j = s.ldp(&["batch", "list", "-o", "json"]).ok().json();
    assert_eq!(j, json!([]));
    for fmt in ["nagios", "prometheus"] {
        for cmd in [&["batch", "list"][..], &["batch", "show", "x"]] {
            s.ldp_cmd(cmd).args(["-o", fmt]).fails(2);
        }
    }
}
