//! `ldp import` with a database: the whole intake (upload to S3, register in
//! PostgreSQL, enqueue, update the row, doc:import) against real servers —
//! moto's S3 server (read back with boto3), PostgreSQL (read back with psql),
//! Redis, and an unmodified Celery worker of the pipeline's app.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::Value as Json;
use support::intake::{Postgres, shared_postgres, shared_s3};
use support::seed::{doc_uuid, sha256_hex};
use support::{Ldp, LdpTarget, RedisServer, Run};

const PROJECT: &str = "3f1c9a52-6b0d-4e7a-8c21-9d4e5f6a7b80";

/// One test's world: its own Redis, database and bucket on the shared servers.
struct World {
    redis: RedisServer,
    /// A PostgreSQL of the test's own (to stop it), else the shared one.
    own_pg: Option<Postgres>,
    db: String,
    bucket: String,
}

impl World {
    fn new(tag: &str) -> World {
        Self::with(tag, None)
    }

    fn with(tag: &str, own_pg: Option<Postgres>) -> World {
        let s3 = shared_s3();
        let bucket = format!("{tag}-{}", std::process::id());
        s3.create_bucket(&bucket);
        let db = own_pg
            .as_ref()
            .unwrap_or_else(|| shared_postgres())
            .create_db(&tag.replace('-', "_"), PROJECT);
        World {
            redis: RedisServer::start(),
            own_pg,
            db,
            bucket,
        }
    }

    fn pg(&self) -> &Postgres {
        self.own_pg.as_ref().unwrap_or_else(|| shared_postgres())
    }

    fn db_url(&self) -> String {
        self.pg().url(&self.db, "disable")
    }

    /// The intake's settings (the database URL from the environment, as
    /// the pipeline's .env would give it).
    fn env(&self) -> [(&'static str, String); 6] {
        [
            ("DATABASE_URL", self.db_url()),
            ("S3_PRIMARY_DOCUMENT_BUCKET", self.bucket.clone()),
            ("LDP_S3_ENDPOINT", shared_s3().endpoint()),
            ("AWS_ACCESS_KEY_ID", "testing".into()),
            ("AWS_SECRET_ACCESS_KEY", "testing".into()),
            ("S3_BUCKET_REGION", "us-east-1".into()),
        ]
    }

    /// `ldp import --project PROJECT args...` in this world.
    fn cmd(&self, args: &[&str]) -> Ldp {
        let mut c = self
            .redis
            .ldp_cmd(&["import", "--project", PROJECT])
            .args(args);
        for (k, v) in self.env() {
            c = c.env(k, v);
        }
        c
    }

    /// [`cmd`](Self::cmd) as a std process, to spawn and race.
    fn std_cmd(&self, args: &[&str]) -> Command {
        let mut c = self.redis.ldp_std();
        c.args(["import", "--project", PROJECT])
            .args(args)
            .envs(self.env());
        c
    }

    fn sql(&self, q: &str) -> Vec<Vec<String>> {
        self.pg().rows(&self.db, q)
    }

    fn objects(&self) -> (Vec<Json>, u64) {
        let d = shared_s3().dump(&self.bucket);
        (
            d["objects"].as_array().unwrap().clone(),
            d["uploads"].as_u64().unwrap(),
        )
    }

    /// Decoded task messages waiting in default's priority-5 list: (task id, kwargs).
    fn queued(&self) -> Vec<(String, Json)> {
        let items: Vec<Vec<u8>> = redis::cmd("LRANGE")
            .arg(b"default\x06\x163")
            .arg(0)
            .arg(-1)
            .query(&mut self.redis.client())
            .unwrap();
        items
            .iter()
            .map(|m| {
                let env: Json = serde_json::from_slice(m).unwrap();
                let body = base64::engine::general_purpose::STANDARD
                    .decode(env["body"].as_str().unwrap())
                    .unwrap();
                let body: Json = serde_json::from_slice(&body).unwrap();
                (
                    env["headers"]["id"].as_str().unwrap().to_string(),
                    body[1].clone(),
                )
            })
            .collect()
    }
}

fn files(dir: &Path, n: usize, size: usize, tag: &str) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let p = dir.join(format!("{tag}-{i:05}.pdf"));
            let mut data = format!("%PDF-1.4 {tag} {i}\n").into_bytes();
            data.resize(size.max(data.len()), b'.');
            std::fs::write(&p, data).unwrap();
            p
        })
        .collect()
}

/// Everything the intake must leave for `docs` (path -> content): one object
/// per document with the right bytes and metadata, one complete row, one
/// queued or executed task whose id is the row's, one session per run.
fn assert_exactly_once(w: &World, docs: &BTreeMap<String, (PathBuf, Vec<u8>)>, queued: bool) {
    let (objects, open_uploads) = w.objects();
    assert_eq!(open_uploads, 0);
    let keys: BTreeSet<String> = objects
        .iter()
        .map(|o| o["key"].as_str().unwrap().to_string())
        .collect();
    let want: BTreeSet<String> = docs
        .iter()
        .map(|(u, (p, _))| {
            let ext = p
                .extension()
                .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
                .unwrap_or_default();
            format!("documents/{u}{ext}")
        })
        .collect();
    assert_eq!(keys, want, "one object per document, nothing else");
    for o in &objects {
        let key = o["key"].as_str().unwrap();
        let uuid = &key["documents/".len().."documents/".len() + 36];
        let (path, content) = &docs[uuid];
        assert_eq!(o["sha256"], sha256_hex(content), "{key}");
        assert_eq!(o["metadata"]["document-uuid"], uuid);
        // The name of a file with this content (duplicates: whichever came first).
        let name = o["metadata"]["original-filename"].as_str().unwrap();
        assert_eq!(
            &std::fs::read(path.parent().unwrap().join(name)).unwrap(),
            content
        );
        assert!(o["metadata"]["upload-timestamp"].is_string());
        assert_eq!(o["metadata"]["content-type"], o["content_type"]);
    }
    let rows = w.sql(
        "SELECT s.document_uuid, s.s3_key, s.s3_bucket, s.file_name, s.original_file_name, \
         s.project_fk_id = p.id, s.status, s.celery_task_id, s.file_size_bytes, s.file_path \
         FROM source_documents s JOIN projects p ON p.project_id = s.project_uuid ORDER BY 1",
    );
    assert_eq!(rows.len(), docs.len(), "one row per document");
    let mut task_of: BTreeMap<String, String> = BTreeMap::new();
    for r in &rows {
        let (path, content) = &docs[&r[0]];
        assert!(keys.contains(&r[1]), "{r:?}");
        assert_eq!(r[2], w.bucket);
        assert_eq!(r[3], r[4]);
        assert_eq!(
            &std::fs::read(path.parent().unwrap().join(&r[3])).unwrap(),
            content
        );
        assert_eq!(r[5], "t", "project_fk_id is the project's id");
        assert_eq!(r[6], "processing");
        assert!(!r[7].is_empty(), "celery_task_id set: {r:?}");
        assert_eq!(r[8], content.len().to_string());
        assert_eq!(r[9], format!("s3://{}/{}", w.bucket, r[1]));
        task_of.insert(r[0].clone(), r[7].clone());
    }
    if queued {
        let q = w.queued();
        assert_eq!(q.len(), docs.len(), "one task per document");
        let mut seen = BTreeSet::new();
        for (id, k) in &q {
            let u = k["document_uuid"].as_str().unwrap();
            assert!(seen.insert(u.to_string()), "{u} enqueued twice");
            assert_eq!(&task_of[u], id, "the row names the enqueued task");
            assert_eq!(
                k["file_path"],
                format!("s3://{}/{}", w.bucket, {
                    let r = rows.iter().find(|r| r[0] == u).unwrap();
                    r[1].clone()
                })
            );
        }
    }
}

use support::python::executed;

#[test]
fn the_intake_leaves_one_object_one_row_and_one_task_per_document() {
    let w = World::new("full");
    let _g = (
        w.redis.guard(),
        shared_postgres().guard(),
        shared_s3().guard(),
    );
    let dir = tempfile::tempdir().unwrap();
    let mut paths = files(dir.path(), 4, 3000, "doc");
    let upper = dir.path().join("Scan 2024.PDF");
    std::fs::write(&upper, b"%PDF-1.4 upper-case extension").unwrap();
    paths.push(upper);
    let docx = dir.path().join("memo.docx");
    std::fs::write(&docx, b"PK docx bytes").unwrap();
    paths.push(docx);
    std::fs::copy(&paths[0], dir.path().join("copy-of-doc.pdf")).unwrap();
    let docs: BTreeMap<String, (PathBuf, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let c = std::fs::read(p).unwrap();
            (doc_uuid(PROJECT, &c), (p.clone(), c))
        })
        .collect();

    let r = w
        .cmd(&[dir.path().to_str().unwrap(), "--batch-id", "run-1"])
        .args(["-o", "json"])
        .ok();
    let j = r.json();
    r.stderr_lacks("no database configured");
    let i = &j["intake"];
    assert_eq!(
        (
            &i["uploaded"],
            &i["registered"],
            &i["enqueued"],
            &i["updated"],
            &i["failed"]
        ),
        (&6.into(), &6.into(), &6.into(), &6.into(), &0.into()),
        "{j:#}"
    );
    assert_eq!(j["duplicates"], 1);
    assert_exactly_once(&w, &docs, true);
    let ct = w.objects().0;
    let ct_of = |suffix: &str| {
        ct.iter()
            .find(|o| o["key"].as_str().unwrap().ends_with(suffix))
            .unwrap()["content_type"]
            .clone()
    };
    assert_eq!(
        ct_of(".docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(ct_of(".pdf"), "application/pdf");
    // The doc:import record points at the object.
    let u = docs.keys().next().unwrap();
    let rec: String = redis::cmd("GET")
        .arg(format!("doc:import:{u}"))
        .query(&mut w.redis.client())
        .unwrap();
    let rec: Json = serde_json::from_str(&rec).unwrap();
    assert!(
        rec["s3_path"]
            .as_str()
            .unwrap()
            .starts_with(&format!("s3://{}/documents/{u}", w.bucket))
    );
    let session = i["session_uuid"].as_str().unwrap().to_string();
    let s = w.sql(&format!(
        "SELECT total_documents, processed_documents, failed_documents, status, completed_at IS NOT NULL, \
         project_uuid::text FROM import_sessions WHERE session_uuid = '{session}'"
    ));
    assert_eq!(s, vec![vec!["6", "6", "0", "completed", "t", PROJECT]]);
    assert_eq!(
        w.sql(&format!(
            "SELECT count(*) FROM source_documents WHERE import_session_id = '{session}'"
        )),
        vec![vec!["6"]]
    );

    // The unmodified worker runs each task once, with the S3 path.
    let mut worker = support::python::pipeline_worker(&w.redis.url(), &["default"]);
    let runs = executed(&w.redis, 6, &worker);
    worker.stop();
    assert_eq!(runs.len(), 6, "{runs:#?}");
    let task_of: BTreeMap<String, String> = w
        .sql("SELECT document_uuid, celery_task_id FROM source_documents")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let mut seen = BTreeSet::new();
    for r in &runs {
        let k = &r["kwargs"];
        let u = k["document_uuid"].as_str().unwrap().to_string();
        assert_eq!(r["id"], task_of[&u].as_str());
        assert!(
            k["file_path"]
                .as_str()
                .unwrap()
                .starts_with(&format!("s3://{}/documents/{u}.", w.bucket))
        );
        assert_eq!(k["project_uuid"], PROJECT);
        assert!(seen.insert(u), "a document ran twice");
    }

    // A second run (its own session) has nothing left to do.
    let j = w
        .cmd(&[dir.path().to_str().unwrap()])
        .args(["-o", "json"])
        .ok()
        .json();
    let i = &j["intake"];
    assert_eq!(
        (
            &i["uploaded"],
            &i["registered"],
            &i["enqueued"],
            &i["skipped"]
        ),
        (&0.into(), &0.into(), &0.into(), &6.into()),
        "{j:#}"
    );
    assert_eq!(
        w.sql(
            "SELECT count(*), count(*) FILTER (WHERE processed_documents = 6) FROM import_sessions"
        ),
        vec![vec!["2", "2"]]
    );
    let n: usize = redis::cmd("LLEN")
        .arg("ldp_test:executed")
        .query(&mut w.redis.client())
        .unwrap();
    assert_eq!(n, 6);
    assert_eq!(w.objects().0.len(), 6);
}

#[test]
fn kill_9_at_several_points_then_a_rerun_gives_exactly_once() {
    let w = World::new("kill");
    let _g = (w.redis.guard(), shared_postgres().guard());
    let dir = tempfile::tempdir().unwrap();
    let n = 300;
    let paths = files(dir.path(), n, 4096, "k");
    let docs: BTreeMap<String, (PathBuf, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let c = std::fs::read(p).unwrap();
            (doc_uuid(PROJECT, &c), (p.clone(), c))
        })
        .collect();
    let rows = || -> usize {
        w.sql("SELECT count(*) FROM source_documents")[0][0]
            .parse()
            .unwrap()
    };
    let queued = || -> usize {
        redis::cmd("LLEN")
            .arg(b"default\x06\x163")
            .query(&mut w.redis.client())
            .unwrap()
    };
    let updated = || -> usize {
        w.sql("SELECT count(*) FROM source_documents WHERE celery_task_id IS NOT NULL")[0][0]
            .parse()
            .unwrap()
    };
    // Three runs, each killed at a different point: once the first rows
    // exist (uploads and inserts in flight), then a third and two thirds
    // into the enqueues (row updates and doc:import in flight).
    type Reached<'a> = Box<dyn Fn() -> bool + 'a>;
    let points: [(&str, Reached); 3] = [
        ("rows exist", Box::new(|| rows() >= 20)),
        ("a third enqueued", Box::new(|| queued() >= n / 3)),
        ("two thirds enqueued", Box::new(|| queued() >= n * 2 / 3)),
    ];
    for (what, reached) in points {
        let mut child = w
            .std_cmd(&[
                dir.path().to_str().unwrap(),
                "--rate",
                "50",
                "--jobs",
                "4",
                "-q",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if reached() {
                break;
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("the import ended ({status}) before {what}");
            }
            assert!(Instant::now() < deadline, "never reached: {what}");
            std::thread::sleep(Duration::from_millis(10));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        assert!(queued() < n, "killed after everything was done ({what})");
    }
    let j = w
        .cmd(&[dir.path().to_str().unwrap()])
        .args(["-o", "json"])
        .ok()
        .json();
    assert_eq!(j["intake"]["failed"], 0);
    assert_exactly_once(&w, &docs, true);
    let s =
        w.sql("SELECT count(*), count(*) FILTER (WHERE status = 'completed') FROM import_sessions");
    assert_eq!(
        s,
        vec![vec!["4", "1"]],
        "one session per run, the killed ones left open"
    );

    // The narrowest window, between the enqueue and the row update, made
    // by hand: a re-run gives those rows the task that was enqueued.
    w.sql(
        "UPDATE source_documents SET celery_task_id = NULL, status = 'pending' \
         WHERE id IN (SELECT id FROM source_documents ORDER BY id LIMIT 25)",
    );
    let j = w
        .cmd(&[dir.path().to_str().unwrap()])
        .args(["-o", "json"])
        .ok()
        .json();
    assert_eq!(j["intake"]["updated"], 25, "{j:#}");
    assert_eq!(j["intake"]["enqueued"], 0);
    assert_eq!(updated(), n);
    assert_exactly_once(&w, &docs, true);
}

#[test]
fn a_missing_project_a_wrong_password_and_a_dead_s3_stop_before_writing() {
    let w = World::new("errors");
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 3, 100, "e");
    let path = dir.path().to_str().unwrap();
    let nothing_written = |w: &World| {
        assert_eq!(w.objects().0.len(), 0, "nothing uploaded");
        assert_eq!(
            w.sql("SELECT (SELECT count(*) FROM source_documents), (SELECT count(*) FROM import_sessions)"),
            vec![vec!["0", "0"]]
        );
        let n: i64 = redis::cmd("DBSIZE").query(&mut w.redis.client()).unwrap();
        assert_eq!(n, 0, "Redis untouched");
    };
    let one_line = |r: &Run| {
        assert_eq!(r.stderr.trim_end().lines().count(), 1, "one line:\n{r}");
    };

    // A project that does not exist: exit 2, named.
    let other = "00000000-1111-4222-8333-444444444444";
    let r = w
        .redis
        .ldp_cmd(&["import", path, "--project", other])
        .args(["--database-url", &w.db_url(), "--bucket", &w.bucket])
        .args(["--s3-endpoint", &shared_s3().endpoint()])
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .fails(2);
    one_line(&r);
    r.stderr_has(other).stderr_has("does not exist");
    nothing_written(&w);

    // A wrong database password: exit 69, the cause named, no password.
    let bad = w
        .db_url()
        .replace(shared_postgres().password(), "wrong-secret-pw");
    let r = w.cmd(&[path]).env("DATABASE_URL", &bad).fails(69);
    one_line(&r);
    r.stderr_has("password authentication failed")
        .stderr_has("DATABASE_URL")
        .stderr_lacks("wrong-secret-pw");
    nothing_written(&w);

    // An unreachable S3 endpoint: exit 69, the endpoint named.
    let dead = format!("http://127.0.0.1:{}", support::free_port());
    let r = w.cmd(&[path, "--s3-endpoint", &dead]).fails(69);
    one_line(&r);
    r.stderr_has("S3").stderr_has(&dead);
    nothing_written(&w);

    // A bucket that does not exist, or none at all: exit 2.
    let r = w.cmd(&[path, "--bucket", "no-such-bucket"]).fails(2);
    one_line(&r);
    r.stderr_has("no-such-bucket");
    let r = w
        .redis
        .ldp(&[
            "import",
            path,
            "--project",
            PROJECT,
            "--database-url",
            &w.db_url(),
        ])
        .fails(2);
    one_line(&r);
    r.stderr_has("bucket");
    // --bucket without a database is refused rather than half done.
    w.redis
        .ldp(&["import", path, "--project", PROJECT, "--bucket", &w.bucket])
        .fails(2);
    nothing_written(&w);

    // Fixed, the same command completes.
    let j = w.cmd(&[path]).args(["-o", "json"]).ok().json();
    assert_eq!(j["intake"]["enqueued"], 3);
}

#[test]
fn a_failed_upload_is_reported_the_rest_continue_and_a_rerun_completes() {
    // A file:// destination where one document's object path is blocked.
    let w = World::new("local");
    let dest = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let paths = files(dir.path(), 4, 500, "l");
    let blocked = doc_uuid(PROJECT, &std::fs::read(&paths[1]).unwrap());
    let blocker = dest.path().join("documents").join(format!("{blocked}.pdf"));
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    let url = format!("file://{}", dest.path().display());
    let args = [
        paths[0].to_str().unwrap(),
        paths[1].to_str().unwrap(),
        "/proc/self/mem",
        paths[2].to_str().unwrap(),
        paths[3].to_str().unwrap(),
        "--bucket",
        &url,
    ];
    let j = w.cmd(&args).args(["-o", "json"]).fails(1).json();
    assert_eq!(j["intake"]["failed"], 2, "{j:#}");
    assert_eq!(j["intake"]["enqueued"], 3);
    let failed: Vec<&Json> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 2);
    assert!(failed.iter().any(|d| d["file"] == "/proc/self/mem"));
    assert!(
        failed
            .iter()
            .any(|d| d["error"].as_str().unwrap_or_default().contains(&blocked)),
        "{failed:#?}"
    );
    assert_eq!(
        w.sql(&format!(
            "SELECT count(*), count(*) FILTER (WHERE document_uuid = '{blocked}') FROM source_documents"
        )),
        vec![vec!["3", "0"]],
        "no row for the document that is not uploaded"
    );
    // The text summary says so too.
    w.cmd(&args)
        .fails(1)
        .stdout_has("failed: /proc/self/mem")
        .stdout_has("intake ->");

    // Unblocked, a re-run completes exactly the missing one.
    std::fs::remove_dir_all(&blocker).unwrap();
    let j = w
        .cmd(
            &args[..2]
                .iter()
                .chain(&args[3..])
                .copied()
                .collect::<Vec<_>>(),
        )
        .args(["-o", "json"])
        .ok()
        .json();
    assert_eq!(j["intake"]["uploaded"], 1);
    assert_eq!(j["intake"]["enqueued"], 1);
    for p in &paths {
        let c = std::fs::read(p).unwrap();
        let obj = dest
            .path()
            .join("documents")
            .join(format!("{}.pdf", doc_uuid(PROJECT, &c)));
        assert_eq!(std::fs::read(&obj).unwrap(), c);
    }
    let r = w.sql(
        "SELECT count(*), count(DISTINCT celery_task_id), min(s3_bucket), min(file_path) LIKE '/%' FROM source_documents",
    );
    assert_eq!(r[0][..2], ["4", "4"]);
    assert_eq!(r[0][2], dest.path().display().to_string());
    assert_eq!(r[0][3], "t");
    assert_eq!(w.queued().len(), 4);
}

#[test]
fn a_database_outage_stops_cleanly_and_a_rerun_completes() {
    let mut w = World::with("outage", Some(Postgres::start()));
    let dir = tempfile::tempdir().unwrap();
    let n = 240;
    let paths = files(dir.path(), n, 2048, "o");
    let docs: BTreeMap<String, (PathBuf, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let c = std::fs::read(p).unwrap();
            (doc_uuid(PROJECT, &c), (p.clone(), c))
        })
        .collect();
    let child = w
        .std_cmd(&[dir.path().to_str().unwrap(), "--rate", "100", "-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while w.sql("SELECT count(*) FROM source_documents WHERE celery_task_id IS NOT NULL")[0][0]
        .parse::<usize>()
        .unwrap()
        < 50
    {
        assert!(Instant::now() < deadline, "the import never got going");
        std::thread::sleep(Duration::from_millis(10));
    }
    w.own_pg.as_mut().unwrap().stop();
    let j = Run::from_output(
        "import --rate 100 (spawned)",
        child.wait_with_output().unwrap(),
    )
    .fails(1)
    .json();
    let stopped = j["stopped"].as_str().unwrap_or_default();
    assert!(stopped.contains("PostgreSQL"), "{j:#}");
    assert!(stopped.contains("run the same import again"), "{stopped}");
    let partial = j["new"].as_u64().unwrap() as usize;
    assert!(partial < n, "{partial}");

    w.own_pg.as_mut().unwrap().restart();
    w.cmd(&[dir.path().to_str().unwrap()])
        .args(["-o", "json"])
        .ok()
        .json();
    assert_exactly_once(&w, &docs, true);
}

/// Documents an enqueue-only import marked never got their row and object
/// (their tasks failed): an intake of the same files registers them and
/// enqueues them again; a second intake then does nothing.
#[test]
fn an_intake_after_an_enqueue_only_import_enqueues_again() {
    let w = World::new("after-enqueue-only");
    let _g = w.redis.guard();
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), 3, 100, "eo");
    // Enqueue only: no database in the environment.
    w.redis
        .ldp_cmd(&["import", "--project", PROJECT, "-o", "json"])
        .path(dir.path())
        .ok();
    assert_eq!(w.queued().len(), 3);

    let j = w
        .cmd(&[dir.path().to_str().unwrap()])
        .args(["-o", "json"])
        .ok()
        .json();
    assert_eq!(j["new"], 3, "{j:#}");
    assert_eq!(w.queued().len(), 6, "each document enqueued again, once");
    assert_eq!(w.sql("SELECT count(*) FROM source_documents")[0][0], "3");

    let j = w
        .cmd(&[dir.path().to_str().unwrap()])
        .args(["-o", "json"])
        .ok()
        .json();
    assert_eq!(j["new"], 0, "{j:#}");
    assert_eq!(w.queued().len(), 6);
}

/// Two intakes of the same files at once: each object is uploaded once (the
/// other run waits for its row instead of sending it again), and every
/// document still ends with one object, one row and one task.
#[test]
fn two_concurrent_intakes_upload_each_object_once() {
    let w = World::new("race");
    let _g = (
        w.redis.guard(),
        shared_postgres().guard(),
        shared_s3().guard(),
    );
    let dir = tempfile::tempdir().unwrap();
    let n = 300;
    let docs: BTreeMap<String, (PathBuf, Vec<u8>)> = files(dir.path(), n, 2000, "race")
        .iter()
        .map(|p| {
            let c = std::fs::read(p).unwrap();
            (doc_uuid(PROJECT, &c), (p.clone(), c))
        })
        .collect();
    let spawn = || {
        w.std_cmd(&[dir.path().to_str().unwrap(), "-o", "json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let mut uploaded = 0;
    for (name, child) in [("first", a), ("second", b)] {
        let j = Run::from_output(name, child.wait_with_output().unwrap())
            .ok()
            .json();
        assert_eq!(j["failed"], 0, "{j:#}");
        uploaded += j["intake"]["uploaded"].as_u64().unwrap();
    }
    assert_eq!(uploaded, n as u64, "each object uploaded by one run only");
    // What the S3 server received: one PUT per object.
    let puts = shared_s3()
        .log()
        .lines()
        .filter(|l| l.contains(&format!("PUT /{}/documents/", w.bucket)))
        .count();
    assert_eq!(
        puts, n,
        "PUTs of this bucket's objects in the S3 server's log"
    );
    assert_exactly_once(&w, &docs, true);
    let mut con = w.redis.client();
    let claims: Vec<redis::RedisResult<String>> =
        redis::Commands::scan_match(&mut con, "ldp:uploading:*")
            .unwrap()
            .collect();
    assert!(claims.is_empty(), "claims given back: {claims:?}");
}
