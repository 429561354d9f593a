//! `ldp cache show|clear|families` and `ldp keys audit` against a keyspace
//! seeded the way the pipeline writes it, on standalone and on a cluster.

mod support;

use std::collections::{BTreeSet, HashSet};

use serde_json::Value as Json;
use support::{
    Ldp, LdpTarget, RedisServer, Target, ldp_run, random_uuid, shared_cluster, shared_standalone,
};

/// Seeding in the pipeline's shapes.
trait Seed {
    fn set(&self, key: &str, value: &str);
    fn set_bytes(&self, key: &str, value: &[u8]);
    fn hset(&self, key: &str, field: &str, value: &str);
    fn expire(&self, key: &str, secs: u64);
    fn sadd(&self, key: &str, member: &str);
}

impl Seed for Target<'_> {
    fn set(&self, key: &str, value: &str) {
        self.run_str(&["SET", key, value]);
    }
    fn set_bytes(&self, key: &str, value: &[u8]) {
        self.run(&[b"SET", key.as_bytes(), value]);
    }
    fn hset(&self, key: &str, field: &str, value: &str) {
        self.run_str(&["HSET", key, field, value]);
    }
    fn expire(&self, key: &str, secs: u64) {
        self.run_str(&["EXPIRE", key, &secs.to_string()]);
    }
    fn sadd(&self, key: &str, member: &str) {
        self.run_str(&["SADD", key, member]);
    }
}

/// Python's `json.dumps` of the pipeline's state value.
fn state_json(status: &str, project: &str) -> String {
    format!(
        "{{\"pipeline\": {{\"status\": \"{status}\", \"timestamp\": \"2026-11-25T10:00:00.123456\", \
         \"metadata\": {{\"project_uuid\": \"{project}\"}}}}, \"ocr\": {{\"status\": \"completed\", \
         \"timestamp\": \"2026-11-25T10:01:00\", \"metadata\": {{}}}}, \"last_update\": {{\"stage\": \
         \"pipeline\", \"status\": \"{status}\", \"timestamp\": \"2026-11-25T10:02:00\"}}}}"
    )
}

/// A document as the pipeline leaves it: derived caches (prefixed and legacy),
/// bookkeeping, and its batch keys. Returns (derived keys, bookkeeping keys).
fn seed_doc(t: &Target, doc: &str, project: &str, status: &str) -> (Vec<String>, Vec<String>) {
    let derived = support::seed::doc_derived_keys(doc);
    for k in &derived {
        t.set(k, "{\"text\": \"Lorem ipsum\", \"length\": 11}");
        t.expire(k, 3600);
    }
    let book = vec![
        format!("cache:doc:state:{doc}"),
        format!("doc:metadata:{doc}"),
        format!("doc:import:{doc}"),
        format!("cache:doc:lock:{doc}"),
        format!("batch:error:b-1:{doc}"),
    ];
    t.set(&book[0], &state_json(status, project));
    t.set(
        &book[1],
        &format!("{{\"project_uuid\": \"{project}\", \"file_path\": \"s3://b/{doc}.pdf\"}}"),
    );
    t.set(
        &book[2],
        &format!("{{\"document_uuid\": \"{doc}\", \"project_uuid\": \"{project}\"}}"),
    );
    t.set(&book[3], "0123456789abcdef0123456789abcdef");
    t.set(&book[4], "{\"error_type\": \"X\"}");
    (derived, book)
}

fn clear_exactly_derived(t: &Target) {
    let p = random_uuid();
    let (a, b) = (random_uuid(), random_uuid());
    let (a_derived, a_book) = seed_doc(t, &a, &p, "completed");
    let (b_derived, b_book) = seed_doc(t, &b, &p, "completed");
    let unrelated = format!("unrelated:{}", random_uuid());
    t.set(&unrelated, "x");

    let j = t
        .ldp(&["cache", "clear", "--doc", &a, "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["deleted"], a_derived.len() as u64, "{j}");
    assert_eq!(j["keys"], a_derived.len() as u64, "{j}");
    assert_eq!(j["families"]["ocr"]["keys"], 2, "{j}");
    assert_eq!(j["families"]["chunk_entities"]["keys"], 3, "{j}");
    for k in &a_derived {
        assert!(!t.exists(k), "{k} should be gone");
    }
    for k in a_book.iter().chain(&b_derived).chain(&b_book) {
        assert!(t.exists(k), "{k} should remain");
    }
    assert!(t.exists(&unrelated));
}

#[test]
fn clear_removes_exactly_the_documents_derived_caches() {
    let s = shared_standalone();
    let _g = s.guard();
    clear_exactly_derived(&Target::One(s));
}

#[test]
fn clear_on_a_cluster() {
    let c = shared_cluster();
    let _g = c.guard();
    clear_exactly_derived(&Target::Cluster(c));
}

fn refusals_delete_nothing(t: &Target) {
    let p = random_uuid();
    let (a, busy, hashed) = (random_uuid(), random_uuid(), random_uuid());
    let (a_derived, _) = seed_doc(t, &a, &p, "completed");
    let (busy_derived, _) = seed_doc(t, &busy, &p, "processing");
    // The hash form of the state (one code path of the pipeline), in flight.
    let (hashed_derived, _) = seed_doc(t, &hashed, &p, "completed");
    t.run(&[b"DEL", format!("cache:doc:state:{hashed}").as_bytes()]);
    t.hset(
        &format!("doc:state:{hashed}"),
        "pipeline",
        "{\"status\": \"starting\", \"timestamp\": \"2026-11-25T10:00:00\"}",
    );

    let cases: Vec<Vec<&str>> = vec![
        vec!["cache", "clear", "--doc", "*", "--yes"],
        vec!["cache", "clear", "--doc", "abc*", "--yes"],
        vec!["cache", "clear", "--doc", &a, "--doc", "*", "--yes"],
        vec!["cache", "clear", "--project", "*", "--yes"],
        vec!["cache", "clear", "--project", "12*", "--yes"],
        vec!["cache", "clear", "--doc", &a],
        vec!["cache", "clear", "--doc", &busy, "--yes"],
        vec!["cache", "clear", "--doc", &hashed, "--yes"],
        vec!["cache", "clear", "--doc", &a, "--doc", &busy, "--yes"],
        vec!["cache", "clear", "--doc", &a, "--family", "nope", "--yes"],
        vec!["cache", "clear", "--doc", &a, "-o", "nagios", "--yes"],
    ];
    for args in &cases {
        let out = t.ldp(args).fails(2);
        assert_eq!(out.stderr_lines().len(), 1, "{out}");
    }
    // The in-flight refusal names the document.
    t.ldp(&["cache", "clear", "--doc", &busy, "--yes"])
        .fails(2)
        .stderr_has(&busy);

    // A dry run lists and deletes nothing.
    let j = t
        .ldp(&[
            "cache",
            "clear",
            "--doc",
            &a,
            "--doc",
            &busy,
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(j["dry_run"], true);
    assert_eq!(
        j["keys"],
        (a_derived.len() + busy_derived.len()) as u64,
        "{j}"
    );
    assert_eq!(j["deleted"], 0);
    assert_eq!(j["in_flight"].as_array().unwrap().len(), 1, "{j}");
    for k in a_derived.iter().chain(&busy_derived).chain(&hashed_derived) {
        assert!(t.exists(k), "{k} was deleted by a refused or dry-run clear");
    }

    // --force clears the in-flight documents.
    let j = t
        .ldp(&[
            "cache", "clear", "--doc", &busy, "--doc", &hashed, "--yes", "--force", "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(
        j["deleted"],
        (busy_derived.len() + hashed_derived.len()) as u64,
        "{j}"
    );
    assert!(!t.exists(&busy_derived[0]));
}

#[test]
fn refusals_and_dry_runs_delete_nothing() {
    let s = shared_standalone();
    let _g = s.guard();
    refusals_delete_nothing(&Target::One(s));
}

#[test]
fn refusals_and_dry_runs_delete_nothing_on_a_cluster() {
    let c = shared_cluster();
    let _g = c.guard();
    refusals_delete_nothing(&Target::Cluster(c));
}

fn project_clear(t: &Target) {
    let (p, q) = (random_uuid(), random_uuid());
    let docs: Vec<String> = (0..5).map(|_| random_uuid()).collect();
    let mut derived = Vec::new();
    for d in &docs {
        derived.push(seed_doc(t, d, &p, "completed").0);
    }
    // doc 0: found by metadata only; doc 1: by import only; doc 2: by state only;
    // doc 3: by ldp's index only; doc 4: every value names the project.
    for (i, d) in docs.iter().enumerate() {
        if i != 0 {
            t.set(
                &format!("doc:metadata:{d}"),
                &format!("{{\"project_uuid\": \"{q}\"}}"),
            );
        }
        if i != 1 {
            t.set(
                &format!("doc:import:{d}"),
                &format!("{{\"project_uuid\": \"{q}\"}}"),
            );
        }
        if i != 2 {
            t.set(
                &format!("cache:doc:state:{d}"),
                &state_json("completed", &q),
            );
        }
    }
    t.set(
        &format!("doc:metadata:{}", docs[4]),
        &format!("{{\"project_uuid\": \"{p}\"}}"),
    );
    t.sadd(&format!("ldp:project:{p}:docs"), &docs[3]);
    // A document of project q only.
    let other = random_uuid();
    let (other_derived, _) = seed_doc(t, &other, &q, "completed");
    for k in ["doc:metadata:", "doc:import:"] {
        t.set(
            &format!("{k}{other}"),
            &format!("{{\"project_uuid\": \"{q}\"}}"),
        );
    }

    let r = t
        .ldp(&["cache", "show", "--project", &p, "-o", "json"])
        .ok();
    // Where the documents came from, on stderr; Redis alone is said to miss
    // completed documents.
    r.stderr_has("in ldp's import index")
        .stderr_has("Redis alone")
        .stderr_has("--database-url");
    let j = r.json();
    let shown: BTreeSet<String> = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["document"].as_str().unwrap().to_string())
        .collect();
    let want: BTreeSet<String> = docs.iter().cloned().collect();
    assert_eq!(shown, want, "{j}");

    let j = t
        .ldp(&["cache", "clear", "--project", &p, "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["documents"], 5, "{j}");
    for k in derived.iter().flatten() {
        assert!(!t.exists(k), "{k} should be gone");
    }
    for k in &other_derived {
        assert!(t.exists(k), "{k} of another project should remain");
    }
}

#[test]
fn project_clear_finds_documents_every_way() {
    let s = shared_standalone();
    let _g = s.guard();
    project_clear(&Target::One(s));
}

#[test]
fn project_clear_on_a_cluster() {
    let c = shared_cluster();
    let _g = c.guard();
    project_clear(&Target::Cluster(c));
}

#[test]
fn named_families_and_docs_from() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let p = random_uuid();
    let (a, b) = (random_uuid(), random_uuid());
    let (a_derived, a_book) = seed_doc(&t, &a, &p, "completed");
    let (b_derived, _) = seed_doc(&t, &b, &p, "completed");
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("docs.txt");
    std::fs::write(&list, format!("# exported from PostgreSQL\n{a}\n\n{b}\n")).unwrap();
    let j = s
        .ldp_cmd(&["cache", "clear", "--docs-from"])
        .arg(&list)
        .args(["--family", "state,ocr", "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["families"]["state"]["keys"], 2, "{j}");
    assert_eq!(j["families"]["ocr"]["keys"], 4, "{j}");
    assert!(!t.exists(&a_book[0]), "state was named, so it goes");
    assert!(!t.exists(&a_derived[0]) && !t.exists(&a_derived[1]));
    assert!(t.exists(&a_derived[2]), "chunks were not named");
    assert!(t.exists(&b_derived[2]));
    assert!(t.exists(&a_book[1]), "metadata was not named");

    // A bad line is named, and nothing happens.
    std::fs::write(&list, format!("{b}\nnot-a-uuid\n")).unwrap();
    let out = s
        .ldp_cmd(&["cache", "clear", "--docs-from"])
        .arg(&list)
        .arg("--yes")
        .fails(2);
    out.stderr_has("line 2");
    assert!(t.exists(&b_derived[2]));

    // stdin works too.
    let j = s
        .ldp_cmd(&["cache", "clear", "--docs-from", "-", "--yes", "-o", "json"])
        .stdin(format!("{b}\n"))
        .ok()
        .json();
    assert_eq!(j["deleted"], (b_derived.len() - 2) as u64, "{j}");
}

#[test]
fn show_lists_every_family_with_status_and_values() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let p = random_uuid();
    let d = random_uuid();
    let (derived, book) = seed_doc(&t, &d, &p, "failed");
    // A pickle where JSON was expected.
    t.set_bytes(
        &format!("doc:cleaned_text:{d}"),
        b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00\x8c\x01x\x94.",
    );
    let j = s
        .ldp(&["cache", "show", "--doc", &d, "--values", "-o", "json"])
        .ok()
        .json();
    let doc = &j["documents"][0];
    assert_eq!(doc["document"], d.as_str());
    assert_eq!(doc["status"], "failed");
    assert_eq!(doc["in_flight"], false);
    let keys = doc["keys"].as_array().unwrap();
    let names: HashSet<String> = keys
        .iter()
        .map(|k| k["key"].as_str().unwrap().to_string())
        .collect();
    let want: HashSet<String> = derived
        .iter()
        .chain(&book)
        .cloned()
        .chain([format!("doc:cleaned_text:{d}")])
        .collect();
    assert_eq!(names, want);
    let legacy = keys
        .iter()
        .find(|k| k["key"] == format!("doc:ocr:{d}").as_str())
        .unwrap();
    assert_eq!(legacy["family"], "ocr");
    assert_eq!(legacy["legacy"], true);
    assert!(legacy["ttl"].as_f64().unwrap() > 3500.0);
    assert!(legacy["memory"].as_u64().unwrap() > 0);
    assert_eq!(legacy["value"]["length"], 11);
    let pickle = keys.iter().find(|k| k["family"] == "cleaned_text").unwrap();
    assert!(pickle["value"].is_null());
    assert_eq!(pickle["opaque_bytes"], 16);

    // The table form names the status and marks legacy keys; in a pipe the
    // heading is a note on stderr and the records carry the family.
    s.ldp(&["cache", "show", "--doc", &d, "-o", "table"])
        .ok()
        .stdout_has("status: failed")
        .stdout_has("ocr (legacy)");
    s.ldp(&["cache", "show", "--doc", &d])
        .ok()
        .stderr_has("status: failed")
        .stdout_has("\tocr (legacy)\t");
}

#[test]
fn families_are_listed_from_the_registry_and_extensible() {
    let j = ldp_run(&["cache", "families", "-o", "json"]).ok().json();
    let state = j
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "state")
        .unwrap();
    assert_eq!(state["role"], "bookkeeping");
    assert_eq!(state["legacy"][0], "doc:state:{doc}");

    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ks.toml");
    std::fs::write(
        &f,
        "[[family]]\nname = \"summary\"\nrole = \"derived\"\ntemplates = [\"cache:doc:summary:{doc}\"]\n",
    )
    .unwrap();
    // A new derived family is cleared with the others, without a new release.
    let s = shared_standalone();
    let t = Target::One(s);
    let d = random_uuid();
    let key = format!("cache:doc:summary:{d}");
    t.set(&key, "{}");
    let j = s
        .ldp_cmd(&["--keyspace"])
        .arg(&f)
        .args(["cache", "clear", "--doc", &d, "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["families"]["summary"]["keys"], 1, "{j}");
    assert!(!t.exists(&key));

    std::fs::write(&f, "[[family]]\nname = \"x\"\n").unwrap();
    Ldp::new()
        .arg("--keyspace")
        .arg(&f)
        .args(["cache", "families"])
        .fails(2);
}

#[test]
fn audit_flags_missing_ttls_and_fixes_them() {
    let s = RedisServer::start();
    let _g = s.guard();
    let t = Target::One(&s);
    let d = random_uuid();
    let p = random_uuid();
    seed_doc(&t, &d, &p, "completed"); // state, lock... have no TTL
    for i in 0..3 {
        t.set(&format!("mystery:{i}:thing"), "x");
    }
    t.set("rate:openai", "x");
    t.expire("rate:openai", 60);
    let j = s.ldp(&["keys", "audit", "-o", "json"]).ok().json();
    let fam = |name: &str| {
        j["families"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["family"] == name)
            .cloned()
            .unwrap_or(Json::Null)
    };
    assert_eq!(fam("ocr")["keys"], 2);
    assert_eq!(fam("ocr")["no_ttl"], 0);
    assert_eq!(fam("ocr")["flagged"], false);
    assert_eq!(fam("state")["no_ttl"], 1);
    assert_eq!(fam("state")["flagged"], true);
    assert_eq!(
        fam("metadata")["flagged"],
        false,
        "metadata may live without TTL"
    );
    assert_eq!(fam("rate_limit")["keys"], 1);
    assert_eq!(j["unknown"][0]["pattern"], "mystery:*:thing");
    assert_eq!(j["unknown"][0]["keys"], 3);
    assert_eq!(j["total_keys"], 19 + 3 + 1);

    // --fix-ttl: dry run changes nothing; off a terminal it needs --yes.
    let state = format!("cache:doc:state:{d}");
    let out = s
        .ldp(&[
            "keys",
            "audit",
            "--fix-ttl",
            "state",
            "--ttl",
            "24h",
            "--dry-run",
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(out.json()["fix_ttl"]["candidates"], 1);
    let ttl: i64 = redis::cmd("TTL")
        .arg(&state)
        .query(&mut s.client())
        .unwrap();
    assert_eq!(ttl, -1);
    s.ldp(&["keys", "audit", "--fix-ttl", "state", "--ttl", "24h"])
        .fails(2);
    let out = s
        .ldp(&[
            "keys",
            "audit",
            "--fix-ttl",
            "state",
            "--ttl",
            "24h",
            "--yes",
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(out.json()["fix_ttl"]["fixed"], 1);
    let ttl: i64 = redis::cmd("TTL")
        .arg(&state)
        .query(&mut s.client())
        .unwrap();
    assert!(ttl > 86_000, "{ttl}");
    s.ldp(&[
        "keys",
        "audit",
        "--fix-ttl",
        "celery_broker",
        "--ttl",
        "1h",
        "--yes",
    ])
    .fails(2);
}

#[test]
fn a_project_no_source_names_fails_and_says_where_to_look() {
    let s = shared_standalone();
    let nobody = "5d0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    for cmd in ["show", "clear"] {
        let r = s
            .ldp_cmd(&["cache", cmd, "--project", nobody])
            .args(if cmd == "clear" {
                &["--dry-run"][..]
            } else {
                &[][..]
            })
            .fails(1);
        r.stderr_has("no source names any document")
            .stderr_has("--database-url")
            .stderr_has(nobody);
    }
}

/// The keys the pipeline's own code was seen to write outside the tables:
/// the `unknown` state and Celery's chord bookkeeping belong to families.
#[test]
fn the_pipelines_stray_keys_belong_to_families() {
    let s = support::RedisServer::start();
    let mut c = s.client();
    for (k, v) in [
        (
            "cache:doc:state:unknown",
            "{\"pipeline\": {\"status\": \"failed\"}}",
        ),
        (
            "celery-taskset-meta-3f1c9a52-6b0d-4e7a-8c21-9d4e5f6a7b80.s",
            "4",
        ),
        (
            "celery-taskset-meta-3f1c9a52-6b0d-4e7a-8c21-9d4e5f6a7b80.j",
            "x",
        ),
    ] {
        let _: () = redis::cmd("SET")
            .arg(k)
            .arg(v)
            .arg("EX")
            .arg(3600)
            .query(&mut c)
            .unwrap();
    }
    let j = s.ldp(&["keys", "audit", "-o", "json"]).ok().json();
    assert_eq!(j["unknown_keys"], 0, "{j}");
}

/// A huge value is reported by its size unless --full: never read whole.
#[test]
fn a_huge_value_is_not_read_without_full() {
    let s = shared_standalone();
    let d = random_uuid();
    let big = format!("\"{}\"", "x".repeat(3 << 20));
    let _: () = redis::cmd("SET")
        .arg(format!("cache:doc:ocr:{d}"))
        .arg(&big)
        .query(&mut s.client())
        .unwrap();
    let j = s
        .ldp(&["cache", "show", "--doc", &d, "--values", "-o", "json"])
        .ok()
        .json();
    let k = &j["documents"][0]["keys"][0];
    assert_eq!(k["too_large_bytes"], big.len() as u64, "{k}");
    assert!(k.get("value").is_none(), "{k}");
    s.ldp(&["cache", "show", "--doc", &d, "--values", "-o", "table"])
        .ok()
        .stdout_has("--full reads it");
    let j = s
        .ldp(&[
            "cache", "show", "--doc", &d, "--values", "--full", "-o", "json",
        ])
        .ok()
        .json();
    let v = j["documents"][0]["keys"][0]["value"].as_str().unwrap();
    assert_eq!(v.len(), 3 << 20);
}
