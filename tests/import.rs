//! `ldp import` against real servers and an unmodified Celery 5 worker
//! running the pipeline's task names (tests/py/pipeline_app.py).

mod support;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::Value as Json;
use support::python::{executed, pipeline_worker};
use support::seed::{doc_uuid, llen};
use support::{LdpTarget, RedisServer, shared_cluster};

const PROJECT: &str = "7c2d4d62-4f5e-4e8a-9a51-6f0d2b9c1e11";

fn files(dir: &Path, n: usize, tag: &str) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let p = dir.join(format!("{tag}-{i:05}.pdf"));
            std::fs::write(&p, format!("%PDF-1.4 {tag} document {i}\n")).unwrap();
            p
        })
        .collect()
}

/// Every task envelope waiting in the lists, decoded: (task name, kwargs).
fn queued(s: &RedisServer, keys: &[&[u8]]) -> Vec<(String, Json)> {
    let mut out = Vec::new();
    let mut con = s.client();
    for k in keys {
        let items: Vec<Vec<u8>> = redis::cmd("LRANGE")
            .arg(*k)
            .arg(0)
            .arg(-1)
            .query(&mut con)
            .unwrap();
        for m in items {
            let env: Json = serde_json::from_slice(&m).unwrap();
            assert_eq!(env["properties"]["body_encoding"], "base64");
            let body = base64::engine::general_purpose::STANDARD
                .decode(env["body"].as_str().unwrap())
                .unwrap();
            let body: Json = serde_json::from_slice(&body).unwrap();
            out.push((
                env["headers"]["task"].as_str().unwrap().to_string(),
                body[1].clone(),
            ));
        }
    }
    out
}

#[test]
fn every_document_runs_exactly_once_with_the_right_kwargs() {
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    let paths = files(dir.path(), 5, "doc");
    std::fs::copy(&paths[0], dir.path().join("sub-copy.PDF")).unwrap();
    std::fs::write(dir.path().join("notes.xyz"), "not a document").unwrap();

    let r = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
            "--path-template",
            "s3://legal-docs/documents/{uuid}{ext}",
            "--batch-id",
            "run-1",
        ])
        .ok();
    let j = r.json();
    assert_eq!(j["new"], 5, "{j:#}");
    assert_eq!(j["duplicates"], 1);
    assert_eq!(j["skipped_by_filter"], 1);
    r.stderr_has("no database configured");
    // Priority 5 sits in kombu's step-3 list; nothing anywhere else.
    assert_eq!(llen(&mut s.client(), b"default\x06\x163"), 5);
    for k in [&b"default"[..], b"default\x06\x166", b"default\x06\x169"] {
        assert_eq!(llen(&mut s.client(), k), 0);
    }
    let mut expected: HashMap<String, PathBuf> = HashMap::new();
    for p in &paths {
        expected.insert(doc_uuid(PROJECT, &std::fs::read(p).unwrap()), p.clone());
    }
    let mut con = s.client();
    for uuid in expected.keys() {
        let rec: String = redis::cmd("GET")
            .arg(format!("doc:import:{uuid}"))
            .query(&mut con)
            .unwrap();
        let rec: Json = serde_json::from_str(&rec).unwrap();
        assert_eq!(rec["project_uuid"], PROJECT);
        assert_eq!(rec["import_session_uuid"], "run-1");
        assert_eq!(
            rec["s3_path"],
            format!("s3://legal-docs/documents/{uuid}.pdf")
        );
        let ttl: i64 = redis::cmd("TTL")
            .arg(format!("doc:import:{uuid}"))
            .query(&mut con)
            .unwrap();
        assert!((3500..=3600).contains(&ttl));
    }
    let members: BTreeSet<String> = redis::cmd("SMEMBERS")
        .arg(format!("ldp:project:{PROJECT}:docs"))
        .query(&mut con)
        .unwrap();
    assert_eq!(members, expected.keys().cloned().collect());
    let batch: HashMap<String, String> = redis::cmd("HGETALL")
        .arg("ldp:batch:run-1")
        .query(&mut con)
        .unwrap();
    assert_eq!(batch["project_uuid"], PROJECT);

    let w = pipeline_worker(&s.url(), &["default"]);
    let runs = executed(&s, 5, &w);
    assert_eq!(runs.len(), 5, "{runs:#?}");
    let mut seen = BTreeSet::new();
    for r in &runs {
        assert_eq!(r["task"], "scripts.pdf_tasks.process_pdf_document");
        assert_eq!(r["routing_key"], "default");
        assert_eq!(r["priority"], 5);
        let k = &r["kwargs"];
        let uuid = k["document_uuid"].as_str().unwrap().to_string();
        let path = &expected[&uuid];
        assert_eq!(
            k["file_path"],
            format!("s3://legal-docs/documents/{uuid}.pdf")
        );
        assert_eq!(k["project_uuid"], PROJECT);
        assert_eq!(k["document_metadata"]["documentId"], uuid.as_str());
        assert_eq!(
            k["document_metadata"]["name"],
            path.file_name().unwrap().to_str().unwrap()
        );
        assert_eq!(k["document_metadata"]["file_type"], "pdf");
        assert!(seen.insert(uuid), "a document ran twice");
    }

    // The same import again enqueues nothing, and nothing runs again.
    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
        ])
        .ok()
        .json();
    assert_eq!(j["new"], 0);
    assert_eq!(j["already_imported"], 5);
    assert_eq!(executed(&s, 5, &w).len(), 5);
}

#[test]
fn batch_mode_delivers_manifests_to_the_batch_tasks() {
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    let paths = files(dir.path(), 5, "b");
    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
            "--as-batch",
            "high",
            "--batch-size",
            "2",
            "--batch-id",
            "bb",
        ])
        .ok()
        .json();
    assert_eq!(j["new"], 5);
    assert_eq!(llen(&mut s.client(), b"batch.high\x06\x169"), 3);
    let w = pipeline_worker(&s.url(), &["batch.high"]);
    let runs = executed(&s, 3, &w);
    assert_eq!(runs.len(), 3);
    let mut docs = BTreeSet::new();
    for r in &runs {
        assert_eq!(r["task"], "scripts.batch_tasks.process_batch_high");
        assert_eq!(r["priority"], 9);
        let m = &r["kwargs"]["batch_manifest"];
        assert_eq!(m["project_uuid"], PROJECT);
        assert_eq!(m["options"], serde_json::json!({}));
        assert!(m["batch_id"].as_str().unwrap().starts_with("bb-"));
        for d in m["documents"].as_array().unwrap() {
            assert!(d["file_path"].as_str().unwrap().ends_with(".pdf"));
            assert!(docs.insert(d["document_uuid"].as_str().unwrap().to_string()));
        }
    }
    let want: BTreeSet<String> = paths
        .iter()
        .map(|p| doc_uuid(PROJECT, &std::fs::read(p).unwrap()))
        .collect();
    assert_eq!(docs, want);
    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
            "--as-batch",
            "high",
        ])
        .json();
    assert_eq!(j["new"], 0);
    assert_eq!(llen(&mut s.client(), b"batch.high\x06\x169"), 0);
}

#[test]
fn queue_and_priority_choose_the_list() {
    let s = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 2, "q");
    s.ldp(&[
        "import",
        "--project",
        PROJECT,
        "-o",
        "json",
        dir.path().to_str().unwrap(),
        "--queue",
        "ocr",
        "--priority",
        "9",
    ])
    .ok()
    .json();
    assert_eq!(llen(&mut s.client(), b"ocr\x06\x169"), 2);
    let other = tempfile::tempdir().unwrap();
    files(other.path(), 1, "q0");
    s.ldp(&[
        "import",
        "--project",
        PROJECT,
        "-o",
        "json",
        other.path().to_str().unwrap(),
        "--queue",
        "ocr",
        "--priority",
        "0",
    ])
    .json();
    assert_eq!(llen(&mut s.client(), b"ocr"), 1);
    let q = queued(&s, &[b"ocr"]);
    assert_eq!(q[0].0, "scripts.pdf_tasks.process_pdf_document");
    assert!(
        q[0].1["file_path"].as_str().unwrap().starts_with('/'),
        "the default file_path is absolute"
    );
}

/// An import of `dir` at 1500 documents/s, once more than 100 are queued;
/// its output captured or dropped.
fn import_under_way(
    s: &RedisServer,
    dir: &Path,
    extra: &[&str],
    capture: bool,
) -> std::process::Child {
    let io = || {
        if capture {
            Stdio::piped()
        } else {
            Stdio::null()
        }
    };
    let child = s
        .ldp_std()
        .args([
            "import",
            dir.to_str().unwrap(),
            "--project",
            PROJECT,
            "--rate",
            "1500",
        ])
        .args(extra)
        .stdout(io())
        .stderr(io())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while llen(&mut s.client(), b"default\x06\x163") <= 100 {
        assert!(Instant::now() < deadline, "the import never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

#[test]
fn kill_9_in_the_middle_then_a_rerun_gives_each_document_once() {
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    let n = 3000;
    files(dir.path(), n, "k");
    // Kill once some, but not all, documents are in.
    let mut child = import_under_way(&s, dir.path(), &["-q"], false);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // Redis may still be running what the killed client had sent; it frees
    // the client only once all of it ran. Wait for that, then count.
    support::wait_until(
        "the killed client to leave",
        Duration::from_secs(10),
        || {
            let list: String = redis::cmd("CLIENT")
                .arg("LIST")
                .query(&mut s.client())
                .unwrap();
            list.lines().count() == 1
        },
    );
    let partial = llen(&mut s.client(), b"default\x06\x163") as usize;
    assert!(partial > 0 && partial < n, "killed at {partial}");

    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
        ])
        .ok()
        .json();
    assert_eq!(
        j["new"].as_u64().unwrap() + j["already_imported"].as_u64().unwrap(),
        n as u64
    );
    assert_eq!(
        j["already_imported"].as_u64().unwrap(),
        partial as u64,
        "every marked document was enqueued"
    );
    let q = queued(&s, &[b"default\x06\x163"]);
    assert_eq!(q.len(), n);
    let uuids: BTreeSet<&str> = q
        .iter()
        .map(|(_, k)| k["document_uuid"].as_str().unwrap())
        .collect();
    assert_eq!(uuids.len(), n, "a document was enqueued twice");
}

#[test]
fn ctrl_c_in_the_middle_exits_130_and_a_rerun_gives_each_document_once() {
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    let n = 3000;
    files(dir.path(), n, "i");
    // Interrupt once some, but not all, documents are in.
    let child = import_under_way(&s, dir.path(), &["-o", "json"], true);
    let pid = child.id() as libc::pid_t;
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {stderr}");
    assert!(stderr.contains("interrupted"), "one line says so: {stderr}");
    let first: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let partial = llen(&mut s.client(), b"default\x06\x163") as usize;
    assert!(partial > 0 && partial < n, "interrupted at {partial}");
    // What was in flight was finished: the report counts exactly what is queued.
    assert_eq!(first["new"].as_u64().unwrap(), partial as u64, "{first}");

    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
        ])
        .ok()
        .json();
    assert_eq!(j["already_imported"].as_u64().unwrap(), partial as u64);
    assert_eq!(j["new"].as_u64().unwrap(), (n - partial) as u64);
    let q = queued(&s, &[b"default\x06\x163"]);
    assert_eq!(q.len(), n);
    let uuids: BTreeSet<&str> = q
        .iter()
        .map(|(_, k)| k["document_uuid"].as_str().unwrap())
        .collect();
    assert_eq!(uuids.len(), n, "a document was enqueued twice");
}

/// Two `--as-batch --batch-size 10` imports of the same files in opposite
/// orders, at once: each document exactly once, none skipped.
#[test]
fn concurrent_batch_imports_in_different_orders_enqueue_each_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let n = 2000;
    let paths = files(dir.path(), n, "c");
    let manifest = |name: &str, rev: bool| {
        let mut list: Vec<Json> = paths
            .iter()
            .map(|p| serde_json::json!({"path": p.file_name().unwrap().to_str().unwrap()}))
            .collect();
        if rev {
            list.reverse();
        }
        let m = dir.path().join(name);
        let body = serde_json::json!({"metadata": {"base_path": dir.path()}, "files": list});
        std::fs::write(&m, body.to_string()).unwrap();
        m
    };
    let (fwd, rev) = (manifest("fwd.json", false), manifest("rev.json", true));
    for round in 0..3 {
        let s = RedisServer::start();
        let _g = s.guard();
        let spawn = |m: &Path| {
            s.ldp_std()
                .args(["import", "--project", PROJECT, "--as-batch", "normal"])
                .args(["--batch-size", "10", "-o", "json", "--manifest"])
                .arg(m)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(&fwd), spawn(&rev));
        let mut reported = 0;
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let j: Json = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(
                j["new"].as_u64().unwrap() + j["already_imported"].as_u64().unwrap(),
                n as u64,
                "round {round}"
            );
            reported += j["new"].as_u64().unwrap();
        }
        let q = queued(&s, &[b"batch.normal\x06\x163", b"batch.normal"]);
        let mut docs = BTreeSet::new();
        for (_, k) in &q {
            for d in k["batch_manifest"]["documents"].as_array().unwrap() {
                let u = d["document_uuid"].as_str().unwrap().to_string();
                assert!(docs.insert(u), "round {round}: a document in two tasks");
            }
        }
        assert_eq!(docs.len(), n, "round {round}: every document enqueued");
        assert_eq!(reported, n as u64, "round {round}: the runs' counts add up");
    }
}

#[test]
fn re_runs_leave_one_batch_record_and_every_ldp_batch_key_expires() {
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 20, "r");
    // A duplicate file: counted once in the batch record.
    std::fs::copy(dir.path().join("r-00000.pdf"), dir.path().join("copy.pdf")).unwrap();
    for _ in 0..3 {
        s.ldp(&[
            "import",
            "--project",
            PROJECT,
            dir.path().to_str().unwrap(),
            "-q",
        ])
        .ok();
    }
    let mut con = s.client();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("ldp:batch:*")
        .query(&mut con)
        .unwrap();
    let records: Vec<&String> = keys.iter().filter(|k| !k.ends_with(":docs")).collect();
    assert_eq!(records.len(), 1, "one batch record: {keys:?}");
    let documents: String = redis::cmd("HGET")
        .arg(records[0])
        .arg("documents")
        .query(&mut con)
        .unwrap();
    assert_eq!(documents, "20", "the duplicate counts once");
    for k in &keys {
        let ttl: i64 = redis::cmd("TTL").arg(k).query(&mut con).unwrap();
        assert!(ttl > 29 * 86_400 && ttl <= 30 * 86_400, "{k}: ttl {ttl}");
    }
    // --batch-ttl sets it.
    files(dir.path(), 1, "late");
    s.ldp(&[
        "import",
        "--project",
        PROJECT,
        dir.path().to_str().unwrap(),
        "-q",
        "--batch-id",
        "short",
        "--batch-ttl",
        "2h",
    ])
    .ok();
    let ttl: i64 = redis::cmd("TTL")
        .arg("ldp:batch:short")
        .query(&mut con)
        .unwrap();
    assert!(ttl > 7000 && ttl <= 7200, "ttl {ttl}");
}

#[test]
fn a_manifest_is_validated_completely_before_anything_is_written() {
    let s = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 2, "m");
    let m = dir.path().join("manifest.json");
    let dbsize = || -> i64 { redis::cmd("DBSIZE").query(&mut s.client()).unwrap() };

    std::fs::write(&m, "{\"files\": [").unwrap();
    let out = s
        .ldp_cmd(&["import", "--project", PROJECT, "--manifest"])
        .arg(&m)
        .fails(2);
    out.stderr_has("not JSON");

    let bad = serde_json::json!({
        "metadata": {"base_path": dir.path()},
        "files": [
            {"path": "m-00000.pdf", "detected_type": "pdf"},
            {"path": "missing.pdf"},
            {"path": "m-00001.pdf", "mime_type": 7},
            {"path": "m-00001.pdf", "metadata": {"x": {"__type__": "t", "__value__": 1}}},
            {"nopath": true}
        ]
    });
    std::fs::write(&m, bad.to_string()).unwrap();
    let out = s
        .ldp_cmd(&["import", "--project", PROJECT, "--manifest"])
        .arg(&m)
        .fails(2);
    let err = out.stderr.as_str();
    for want in [
        "files[1].path",
        "files[2].mime_type",
        "files[3].metadata",
        "files[4].path",
        "4 problem(s)",
    ] {
        assert!(err.contains(want), "{want} not in: {err}");
    }
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(dbsize(), 0, "Redis must be untouched");

    let good = serde_json::json!({
        "metadata": {"base_path": dir.path()},
        "files": [
            {"path": "m-00000.pdf", "detected_type": "pdf", "mime_type": "application/pdf", "metadata": {"custodian": "Smith"}},
            {"path": "m-00001.pdf"}
        ]
    });
    // The manifest from stdin.
    let out = s
        .ldp_cmd(&[
            "import",
            "--project",
            PROJECT,
            "--manifest",
            "-",
            "-o",
            "json",
        ])
        .stdin(good.to_string())
        .ok();
    let j = out.json();
    assert_eq!(j["new"], 2);
    let uuid = doc_uuid(
        PROJECT,
        &std::fs::read(dir.path().join("m-00000.pdf")).unwrap(),
    );
    let rec: String = redis::cmd("GET")
        .arg(format!("doc:import:{uuid}"))
        .query(&mut s.client())
        .unwrap();
    let rec: Json = serde_json::from_str(&rec).unwrap();
    assert_eq!(rec["metadata"]["custodian"], "Smith");
    assert_eq!(rec["metadata"]["mime_type"], "application/pdf");
}

#[test]
fn unreadable_files_are_reported_and_the_rest_continue() {
    let s = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let paths = files(dir.path(), 2, "u");
    // Reading /proc/self/mem from offset 0 fails (EIO), even as root.
    let args = [
        paths[0].to_str().unwrap(),
        "/proc/self/mem",
        paths[1].to_str().unwrap(),
    ];
    let j = s
        .ldp_cmd(&["import", "--project", PROJECT, "-o", "json"])
        .args([&args[..], &["--fail-fast"]].concat())
        .fails(1)
        .json();
    assert_eq!(j["new"], 0, "--fail-fast enqueues nothing");
    let j = s
        .ldp_cmd(&["import", "--project", PROJECT, "-o", "json"])
        .args(args)
        .fails(1)
        .json();
    assert_eq!(j["new"], 2);
    assert_eq!(j["failed"], 1);
    let failed: Vec<&Json> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "failed")
        .collect();
    assert_eq!(failed[0]["file"], "/proc/self/mem");
    s.ldp_cmd(&["import", "--project", PROJECT])
        .args(args)
        .run()
        .stdout_has("failed: /proc/self/mem");
}

#[test]
fn dry_runs_and_bad_flags_write_nothing() {
    let s = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 3, "d");
    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
            "--dry-run",
        ])
        .ok()
        .json();
    assert_eq!(j["new"], 3);
    assert!(
        j["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["status"] == "would_import")
    );
    for args in [
        vec!["import", dir.path().to_str().unwrap()],
        vec!["import", dir.path().to_str().unwrap(), "--project", "*"],
        vec!["import", dir.path().to_str().unwrap(), "--project", "42"],
        vec![
            "import",
            dir.path().to_str().unwrap(),
            "--project",
            PROJECT,
            "--priority",
            "12",
        ],
        vec![
            "import",
            dir.path().to_str().unwrap(),
            "--project",
            PROJECT,
            "--path-template",
            "{sha}",
        ],
        vec!["import", "/nonexistent/dir", "--project", PROJECT],
        vec![
            "import",
            dir.path().to_str().unwrap(),
            "--project",
            PROJECT,
            "--batch-id",
            "a b*",
        ],
    ] {
        s.ldp(&args).fails(2);
    }
    let n: i64 = redis::cmd("DBSIZE").query(&mut s.client()).unwrap();
    assert_eq!(n, 0);
}

#[test]
fn redis_refusing_writes_stops_cleanly_and_a_rerun_completes() {
    let s = RedisServer::start_with(&["--maxmemory", "3mb", "--maxmemory-policy", "noeviction"]);
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    let n = 2500;
    files(dir.path(), n, "oom");
    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
        ])
        .fails(1);
    // The reason is one line on stderr too, not only in the report.
    let j = j
        .stderr_has("import stopped after")
        .stderr_has("OOM")
        .json();
    let stopped = j["stopped"].as_str().unwrap_or_default();
    assert!(
        stopped.contains("OOM") || stopped.contains("refused"),
        "{j:#}"
    );
    let partial = j["new"].as_u64().unwrap();
    assert!(partial > 0 && partial < n as u64, "{partial}");
    assert_eq!(llen(&mut s.client(), b"default\x06\x163"), partial);

    redis::cmd("CONFIG")
        .arg("SET")
        .arg("maxmemory")
        .arg("0")
        .query::<()>(&mut s.client())
        .unwrap();
    let j = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
        ])
        .ok()
        .json();
    assert_eq!(j["new"].as_u64().unwrap(), n as u64 - partial);
    let q = queued(&s, &[b"default\x06\x163"]);
    let uuids: BTreeSet<&str> = q
        .iter()
        .map(|(_, k)| k["document_uuid"].as_str().unwrap())
        .collect();
    assert_eq!((q.len(), uuids.len()), (n, n));
}

#[test]
fn caches_on_a_cluster_with_the_broker_on_its_own_redis() {
    let c = shared_cluster();
    let _g = c.guard();
    let broker = RedisServer::start();
    let project = "0d2b9c1e-4f5e-4e8a-9a51-7c2d4d626f11";
    let dir = tempfile::tempdir().unwrap();
    let paths = files(dir.path(), 4, "c");
    let run = || {
        c.ldp_cmd(&["--broker-url", &broker.url(), "import"])
            .arg(dir.path())
            .args(["--project", project, "-o", "json"])
            .run()
    };
    let j = run().ok().json();
    assert_eq!(j["new"], 4);
    assert_eq!(llen(&mut broker.client(), b"default\x06\x163"), 4);
    for p in &paths {
        let uuid = doc_uuid(project, &std::fs::read(p).unwrap());
        let key = format!("doc:import:{uuid}");
        assert_eq!(
            c.exec(key.as_bytes(), &[b"EXISTS", key.as_bytes()]),
            redis::Value::Int(1)
        );
        // Delete one record, as a crash between the two servers would leave it...
        c.exec(key.as_bytes(), &[b"DEL", key.as_bytes()]);
    }
    // ...and a re-run completes them without enqueueing again.
    let j = run().json();
    assert_eq!(j["new"], 0);
    assert_eq!(llen(&mut broker.client(), b"default\x06\x163"), 4);
    for p in &paths {
        let key = format!(
            "doc:import:{}",
            doc_uuid(project, &std::fs::read(p).unwrap())
        );
        assert_eq!(
            c.exec(key.as_bytes(), &[b"EXISTS", key.as_bytes()]),
            redis::Value::Int(1)
        );
    }
    // The cluster itself cannot be the broker.
    c.ldp_cmd(&["import"])
        .arg(dir.path())
        .args(["--project", project])
        .fails(2);
}

#[test]
fn a_dangling_link_or_a_link_loop_is_one_failed_file_and_the_rest_go_on() {
    let s = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 3, "l");
    std::os::unix::fs::symlink(dir.path().join("gone.pdf"), dir.path().join("dangling.pdf"))
        .unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub").join("loop")).unwrap();
    let r = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
        ])
        .fails(1);
    let j = r.json();
    assert_eq!(j["new"], 3, "{r}");
    assert!(j["failed"].as_u64().unwrap() >= 1, "{r}");
    let failed: Vec<&str> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "failed")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(failed.iter().any(|f| f.ends_with("dangling.pdf")), "{r}");
}

/// Scripts whose reply is lost to a timeout may have run: the report says
/// "unknown", never "not enqueued", and a re-run settles them exactly once.
#[test]
fn a_timeout_mid_import_reports_unknown_and_a_rerun_settles_it() {
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    let n = 3000;
    files(dir.path(), n, "t");
    let child = import_under_way(&s, dir.path(), &["-o", "json", "--timeout", "300ms"], true);
    // Writes wait 2 s: the pipelines in flight time out, then run.
    let _: () = redis::cmd("CLIENT")
        .arg("PAUSE")
        .arg(2000)
        .arg("WRITE")
        .query(&mut s.client())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let j: Json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert!(j["unknown"].as_u64().unwrap() > 0, "{j}");
    let sure = j["new"].as_u64().unwrap();
    // Once the pause is over the scripts that were sent have run.
    support::wait_until("the pause to end", Duration::from_secs(10), || {
        redis::cmd("SET")
            .arg("probe")
            .arg("1")
            .query::<()>(&mut s.client())
            .is_ok()
    });
    let queued_now = llen(&mut s.client(), b"default\x06\x163");
    assert!(queued_now >= sure, "{queued_now} < {sure}");
    let j2 = s
        .ldp(&[
            "import",
            "--project",
            PROJECT,
            "-o",
            "json",
            dir.path().to_str().unwrap(),
        ])
        .ok()
        .json();
    assert_eq!(j2["already_imported"].as_u64().unwrap(), queued_now, "{j2}");
    let q = queued(&s, &[b"default\x06\x163"]);
    let uuids: BTreeSet<&str> = q
        .iter()
        .map(|(_, k)| k["document_uuid"].as_str().unwrap())
        .collect();
    assert_eq!((q.len(), uuids.len()), (n, n), "each document exactly once");
}

/// Each file's entry is on stdout while the run goes on (memory stays flat:
/// nothing per file is kept for the end), and the report is complete.
#[test]
fn the_report_streams_each_file_as_it_is_decided() {
    use std::io::BufRead;
    let s = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 3, "stream");
    // --rate 0.5: one document every 2 s, so the run lasts at least 4 s
    // after its first document is enqueued.
    let mut child = s
        .ldp_std()
        .args(["import", dir.path().to_str().unwrap(), "--project", PROJECT])
        .args(["--rate", "0.5", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let first: Json = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    let first_seen = Instant::now();
    assert_eq!(first["status"], "new", "{first}");
    let rest: Vec<Json> = lines
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let ended = Instant::now();
    assert!(child.wait().unwrap().success());
    // Written only at the end, the first entry would come with the others.
    assert!(
        ended - first_seen >= Duration::from_secs(1),
        "the first entry came {:?} before the end",
        ended - first_seen
    );
    assert_eq!(rest.len(), 3, "two more files, then the summary: {rest:?}");
    let summary = &rest[2];
    assert_eq!(summary["new"], 3, "{summary}");
    assert_eq!(summary["files"], 3, "{summary}");
    assert!(summary.get("documents").is_none(), "{summary}");
    // -o json: one object, the same entries.
    let j = s
        .ldp_cmd(&["import", dir.path().to_str().unwrap(), "--project", PROJECT])
        .args(["-o", "json"])
        .ok()
        .json();
    assert_eq!(j["already_imported"], 3, "{j}");
    assert_eq!(j["documents"].as_array().unwrap().len(), 3, "{j}");
    assert_eq!(j["project"], PROJECT);
}
