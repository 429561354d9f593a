//! The intake's building blocks against real servers: `ldp::intake::store`
//! against moto's S3 server (checked back with boto3), `ldp::intake::db`
//! against a throw-away PostgreSQL with TLS (checked back with psql).

mod support;

use std::path::Path;

use ldp::error::{Exit, exit_for, one_line};
use ldp::intake::IntakeSettings;
use ldp::intake::db::{Db, DocRow, RunInfo};
use ldp::intake::store::{Meta, SINGLE_PUT_MAX, Store};
use ldp::secret::Secret;
use support::LdpTarget;
use support::intake::{Postgres, shared_postgres, shared_s3};
use support::seed::sha256_hex;

const PROJECT: &str = "5b3c1f0e-8d2a-4c6b-9e1f-2a7d4c8b6e01";

fn s3_settings(bucket: &str, endpoint: &str) -> IntakeSettings {
    IntakeSettings {
        bucket: Some(bucket.into()),
        s3_endpoint: Some(endpoint.into()),
        region: Some("us-east-1".into()),
        aws_access_key_id: Some("testing".into()),
        aws_secret_access_key: Some(Secret::new("testing")),
        ..Default::default()
    }
}

fn meta(name: &str, uuid: &str) -> Meta {
    Meta {
        original_filename: name.into(),
        document_uuid: uuid.into(),
        content_type: ldp::intake::content_type(
            Path::new(name)
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or(""),
        )
        .into(),
    }
}

#[tokio::test]
async fn s3_uploads_carry_the_pipeline_metadata_and_stream_large_files() {
    let s3 = shared_s3();
    let _g = s3.guard();
    s3.create_bucket("intake-store");
    let store = Store::open(&s3_settings("intake-store", &s3.endpoint())).unwrap();
    store.check().await.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("Brief (final).PDF");
    std::fs::write(&small, b"%PDF-1.4 small").unwrap();
    let big_data: Vec<u8> = (0..SINGLE_PUT_MAX as usize + (9 << 20))
        .map(|i| (i * 7 % 253) as u8)
        .collect();
    let big = dir.path().join("scan.tiff");
    std::fs::write(&big, &big_data).unwrap();

    let n = store
        .upload(
            &small,
            "documents/u-small.pdf",
            &meta("Brief (final).PDF", "u-small"),
        )
        .await
        .unwrap();
    assert_eq!(n, 14);
    let n = store
        .upload(&big, "documents/u-big.tiff", &meta("scan.tiff", "u-big"))
        .await
        .unwrap();
    assert_eq!(n, big_data.len() as u64);
    // The same upload again replaces the object: still one object per key.
    store
        .upload(
            &small,
            "documents/u-small.pdf",
            &meta("Brief (final).PDF", "u-small"),
        )
        .await
        .unwrap();

    let dump = s3.dump("intake-store");
    assert_eq!(dump["uploads"], 0, "no multipart upload left open");
    let objects = dump["objects"].as_array().unwrap();
    assert_eq!(objects.len(), 2, "{dump:#}");
    let by_key = |k: &str| objects.iter().find(|o| o["key"] == k).unwrap();
    let o = by_key("documents/u-small.pdf");
    assert_eq!(o["sha256"], sha256_hex(b"%PDF-1.4 small"));
    assert_eq!(o["content_type"], "application/pdf");
    assert_eq!(o["metadata"]["original-filename"], "Brief (final).PDF");
    assert_eq!(o["metadata"]["document-uuid"], "u-small");
    assert_eq!(o["metadata"]["content-type"], "application/pdf");
    assert!(
        o["metadata"]["upload-timestamp"]
            .as_str()
            .unwrap()
            .starts_with("20"),
        "{o}"
    );
    let o = by_key("documents/u-big.tiff");
    assert_eq!(o["sha256"], sha256_hex(&big_data));
    assert_eq!(o["content_type"], "image/tiff");
    assert_eq!(o["metadata"]["document-uuid"], "u-big");
}

#[tokio::test]
async fn a_missing_bucket_is_a_usage_error_and_a_dead_endpoint_is_unreachable() {
    let s3 = shared_s3();
    let store = Store::open(&s3_settings("no-such-bucket", &s3.endpoint())).unwrap();
    let e = store.check().await.unwrap_err();
    assert_eq!(exit_for(&e), Exit::Usage, "{e:#}");
    assert!(one_line(&e).contains("no-such-bucket"), "{}", one_line(&e));

    let dead = format!("http://127.0.0.1:{}", support::free_port());
    let store = Store::open(&s3_settings("b", &dead)).unwrap();
    let t = std::time::Instant::now();
    let e = store.check().await.unwrap_err();
    assert_eq!(exit_for(&e), Exit::Unavailable, "{e:#}");
    let line = one_line(&e);
    assert!(line.contains(&dead) && line.contains("S3"), "{line}");
    assert!(!line.contains('\n'));
    assert!(
        t.elapsed().as_secs() < 20,
        "gave up after {:?}",
        t.elapsed()
    );
}

fn rows(n: usize) -> Vec<DocRow> {
    (0..n)
        .map(|i| {
            let u = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, format!("doc{i}").as_bytes());
            DocRow {
                document_uuid: u,
                file_name: format!("doc{i}.pdf"),
                original_file_path: format!("/in/doc{i}.pdf"),
                file_path: format!("s3://b/documents/{u}.pdf"),
                file_type: "pdf".into(),
                detected_file_type: "pdf".into(),
                file_size_bytes: 100 + i as i64,
                s3_key: format!("documents/{u}.pdf"),
            }
        })
        .collect()
}

#[tokio::test]
async fn rows_are_written_once_and_sessions_keep_totals() {
    let pg = shared_postgres();
    let _g = pg.guard();
    let db_name = pg.create_db("rows", PROJECT);
    let url = Secret::new(pg.url(&db_name, "disable"));
    let db = Db::connect(&url, None, "test").await.unwrap();
    let project_uuid = uuid::Uuid::parse_str(PROJECT).unwrap();
    let project = db.project(&project_uuid).await.unwrap();
    let session = uuid::Uuid::new_v4();
    db.start_session(
        &session,
        &project_uuid,
        &serde_json::json!({"tool": "test"}),
        1200,
    )
    .await
    .unwrap();
    let run = RunInfo {
        project: project.clone(),
        session,
        bucket: "b".into(),
        region: Some("us-east-2".into()),
    };
    let all = rows(1200);
    // A first, partial run; then everything: only the rest is inserted.
    assert_eq!(
        db.insert_documents(&run, &all[..700]).await.unwrap().len(),
        700
    );
    assert_eq!(db.insert_documents(&run, &all).await.unwrap().len(), 500);
    let uuids: Vec<uuid::Uuid> = all.iter().map(|r| r.document_uuid).collect();
    assert_eq!(db.existing(&uuids).await.unwrap().len(), 1200);
    let tasks: Vec<(uuid::Uuid, String)> = all
        .iter()
        .map(|r| (r.document_uuid, format!("task-{}", r.document_uuid)))
        .collect();
    // The worker got to one document first: its status is not set back.
    pg.psql(
        &db_name,
        &format!(
            "UPDATE source_documents SET status = 'completed' WHERE document_uuid = '{}'",
            all[0].document_uuid
        ),
    );
    assert_eq!(db.mark_enqueued(&tasks).await.unwrap(), 1200);
    assert_eq!(db.mark_enqueued(&tasks).await.unwrap(), 0, "idempotent");
    db.finish_session(&session, 1200, 1190, 10, "completed")
        .await
        .unwrap();

    let r = pg.rows(
        &db_name,
        "SELECT count(*), count(DISTINCT document_uuid), count(project_fk_id), count(file_name), \
         count(original_file_name), count(s3_key), count(s3_bucket), \
         count(*) FILTER (WHERE status = 'processing'), count(celery_task_id) FROM source_documents",
    );
    assert_eq!(
        r[0],
        [
            "1200", "1200", "1200", "1200", "1200", "1200", "1200", "1199", "1200"
        ]
    );
    let r = pg.rows(
        &db_name,
        &format!(
            "SELECT s.project_fk_id = p.id, s.s3_region, s.import_session_id::text, s.file_size_bytes \
             FROM source_documents s JOIN projects p ON p.project_id = s.project_uuid \
             WHERE s.document_uuid = '{}'",
            all[3].document_uuid
        ),
    );
    assert_eq!(
        r[0],
        ["t", "us-east-2", session.to_string().as_str(), "103"]
    );
    let r = pg.rows(
        &db_name,
        "SELECT total_documents, processed_documents, failed_documents, status, completed_at IS NOT NULL \
         FROM import_sessions",
    );
    assert_eq!(r, vec![vec!["1200", "1190", "10", "completed", "t"]]);
}

#[tokio::test]
async fn a_missing_project_is_a_usage_error_and_the_older_column_works() {
    let pg = shared_postgres();
    let db_name = pg.create_db("proj", PROJECT);
    let db = Db::connect(&Secret::new(pg.url(&db_name, "disable")), None, "test")
        .await
        .unwrap();
    let other = uuid::Uuid::new_v4();
    let e = db.project(&other).await.unwrap_err();
    assert_eq!(exit_for(&e), Exit::Usage);
    assert!(one_line(&e).contains(&other.to_string()));
    assert!(one_line(&e).contains("does not exist"));

    pg.psql(
        &db_name,
        "ALTER TABLE projects RENAME COLUMN project_id TO project_uuid",
    );
    let p = db
        .project(&uuid::Uuid::parse_str(PROJECT).unwrap())
        .await
        .unwrap();
    assert!(p.id > 0);
}

#[tokio::test]
async fn a_url_without_sslmode_behaves_as_libpq_unless_it_is_the_pipelines() {
    // A local server without TLS: an operator's URL without sslmode works
    // (libpq's prefer); the pipeline's own DATABASE_URL keeps require.
    let plain = Postgres::start_plain();
    let db_name = plain.create_db("plain", PROJECT);
    let bare = plain.url(&db_name, "x").replace("?sslmode=x", "");
    let db = Db::connect(&Secret::new(bare.clone()), None, "--database-url")
        .await
        .unwrap_or_else(|e| panic!("{}", one_line(&e)));
    db.project(&uuid::Uuid::parse_str(PROJECT).unwrap())
        .await
        .unwrap();
    let e = Db::connect(&Secret::new(bare.clone()), None, "DATABASE_URL")
        .await
        .err()
        .expect("require refuses a server without TLS");
    assert_eq!(exit_for(&e), Exit::Unavailable, "{}", one_line(&e));
    // DB_SSL_MODE applies to any URL without its own sslmode.
    Db::connect(&Secret::new(bare), Some("disable"), "DATABASE_URL")
        .await
        .unwrap();
    // With TLS offered, prefer takes it.
    let pg = shared_postgres();
    let tls_db = pg.create_db("prefer", PROJECT);
    let bare = pg.url(&tls_db, "x").replace("?sslmode=x", "");
    Db::connect(&Secret::new(bare), None, "--database-url")
        .await
        .unwrap_or_else(|e| panic!("{}", one_line(&e)));
}

#[tokio::test]
async fn sslmode_has_libpqs_meaning() {
    let pg = shared_postgres();
    let db_name = pg.create_db("tls", PROJECT);
    let ca = pg.ca_path().display().to_string();
    // require: encrypted, the (self-signed CA's) certificate not verified.
    let ok = |url: String| async move {
        let db = Db::connect(&Secret::new(url.clone()), None, "test")
            .await
            .unwrap_or_else(|e| panic!("{url}: {}", one_line(&e)));
        db.project(&uuid::Uuid::parse_str(PROJECT).unwrap())
            .await
            .unwrap();
    };
    ok(pg.url(&db_name, "require")).await;
    ok(format!(
        "{}&sslrootcert={ca}",
        pg.url(&db_name, "verify-full")
    ))
    .await;
    // DB_SSL_MODE applies when the URL has none.
    let bare = pg.url(&db_name, "x").replace("?sslmode=x", "");
    Db::connect(&Secret::new(bare.clone()), Some("require"), "test")
        .await
        .unwrap();
    // verify-ca checks the chain but not the name; verify-full both.
    let keyword = |mode: &str| {
        format!(
            "host=wrong.example hostaddr=127.0.0.1 port={} user=postgres password={} dbname={db_name} sslmode={mode} sslrootcert={ca}",
            pg.port(),
            pg.password()
        )
    };
    ok(keyword("verify-ca")).await;
    let e = Db::connect(&Secret::new(keyword("verify-full")), None, "test")
        .await
        .err()
        .expect("the name does not match");
    assert_eq!(exit_for(&e), Exit::Unavailable);
    // Without the CA (system roots), verification fails: exit 69, one line.
    let e = Db::connect(
        &Secret::new(pg.url(&db_name, "verify-full")),
        None,
        "DATABASE_URL",
    )
    .await
    .err()
    .expect("an unknown issuer");
    assert_eq!(exit_for(&e), Exit::Unavailable);
    let line = one_line(&e);
    assert!(
        line.contains("certificate") || line.contains("Unknown"),
        "{line}"
    );
    assert!(line.contains("DATABASE_URL"), "{line}");
    assert!(!line.contains(pg.password()), "{line}");
}

#[tokio::test]
async fn a_wrong_password_is_unreachable_and_never_printed() {
    let pg = shared_postgres();
    let url = pg
        .url("postgres", "disable")
        .replace(pg.password(), "not-the-password");
    let e = Db::connect(&Secret::new(url), None, "--database-url")
        .await
        .err()
        .expect("authentication fails");
    assert_eq!(exit_for(&e), Exit::Unavailable);
    let line = one_line(&e);
    assert!(line.contains("password authentication failed"), "{line}");
    assert!(!line.contains("not-the-password"), "{line}");

    let dead = format!(
        "postgresql://postgres:pw@127.0.0.1:{}/x?sslmode=disable",
        support::free_port()
    );
    let e = Db::connect(&Secret::new(dead), None, "test")
        .await
        .err()
        .expect("refused");
    assert_eq!(exit_for(&e), Exit::Unavailable);
    assert!(one_line(&e).contains("refused"), "{}", one_line(&e));
}

/// `cache show|clear --project --database-url` take the project's documents
/// from `source_documents` too: here Redis has no value naming the project.
#[test]
fn cache_commands_list_a_projects_documents_from_postgresql() {
    let pg = shared_postgres();
    let _g = pg.guard();
    let redis = support::RedisServer::start();
    let db_name = pg.create_db("cache", PROJECT);
    let (a, b) = (support::random_uuid(), support::random_uuid());
    for d in [&a, &b] {
        pg.psql(
            &db_name,
            &format!(
                "INSERT INTO source_documents (document_uuid, project_uuid, project_fk_id, file_name, \
                 original_file_name, s3_key, s3_bucket) SELECT '{d}', project_id, id, 'f.pdf', 'f.pdf', \
                 'documents/{d}.pdf', 'b' FROM projects WHERE project_id = '{PROJECT}'"
            ),
        );
        let mut con = redis.client();
        redis::cmd("SET")
            .arg(format!("cache:doc:ocr:{d}"))
            .arg("{}")
            .query::<()>(&mut con)
            .unwrap();
    }
    let url = pg.url(&db_name, "disable");
    let show = |extra: &[&str]| -> serde_json::Value {
        redis
            .ldp_cmd(&["cache", "show", "--project", PROJECT, "-o", "json"])
            .args(extra)
            .ok()
            .json()
    };
    // Redis alone does not know them: exit 1, naming --database-url.
    redis
        .ldp_cmd(&["cache", "show", "--project", PROJECT, "-o", "json"])
        .fails(1)
        .stderr_has("--database-url");
    let j = show(&["--database-url", &url]);
    assert_eq!(j["totals"]["documents"], 2, "{j:#}");
    assert_eq!(j["totals"]["keys"], 2);
    // The integer project id works through project_fk_id.
    let id = pg.rows(&db_name, "SELECT id FROM projects")[0][0].clone();
    let j = redis
        .ldp(&[
            "cache",
            "clear",
            "--project",
            &id,
            "--database-url",
            &url,
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(j["deleted"], 2, "{j:#}");
    // A wrong password is unreachable (69), and the password is not printed.
    let bad = url.replace(pg.password(), "not-the-password");
    redis
        .ldp(&[
            "cache",
            "show",
            "--project",
            PROJECT,
            "--database-url",
            &bad,
        ])
        .fails(69)
        .stderr_lacks("not-the-password");
}

/// `batch show --database-url` adds the documents PostgreSQL registered under
/// the batch's import session to those Redis names.
#[test]
fn batch_show_lists_the_sessions_documents_from_postgresql() {
    let pg = shared_postgres();
    let _g = pg.guard();
    let redis = support::RedisServer::start();
    let db_name = pg.create_db("batch", PROJECT);
    let session = support::random_uuid();
    let (a, b) = (support::random_uuid(), support::random_uuid());
    for d in [&a, &b] {
        pg.psql(
            &db_name,
            &format!(
                "INSERT INTO source_documents (document_uuid, project_uuid, project_fk_id, import_session_id, \
                 file_name, original_file_name, s3_key, s3_bucket) SELECT '{d}', project_id, id, '{session}', \
                 'f.pdf', 'f.pdf', 'documents/{d}.pdf', 'b' FROM projects WHERE project_id = '{PROJECT}'"
            ),
        );
    }
    let mut con = redis.client();
    redis::cmd("HSET")
        .arg(format!("ldp:batch:{session}"))
        .arg("batch_id")
        .arg(&session)
        .arg("project_uuid")
        .arg(PROJECT)
        .arg("documents")
        .arg(2)
        .query::<()>(&mut con)
        .unwrap();
    redis::cmd("SADD")
        .arg(format!("ldp:batch:{session}:docs"))
        .arg(&a)
        .query::<()>(&mut con)
        .unwrap();
    let show = |extra: &[&str]| -> serde_json::Value {
        redis
            .ldp_cmd(&["batch", "show", &session, "-o", "json"])
            .args(extra)
            .ok()
            .json()
    };
    let docs = |j: &serde_json::Value| -> Vec<String> {
        let mut v: Vec<String> = j["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["document"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(docs(&show(&[])), vec![a.clone()]);
    let j = show(&["--database-url", &pg.url(&db_name, "disable")]);
    let mut want = vec![a.clone(), b.clone()];
    want.sort();
    assert_eq!(docs(&j), want, "{j:#}");
    let from_db = j["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == b.as_str())
        .unwrap();
    assert_eq!(from_db["sources"], serde_json::json!(["database"]));
}
