//! PostgreSQL for the intake: the project, `source_documents` and
//! `import_sessions` (INTAKE.md), through tokio-postgres with rustls (ring).
//!
//! `sslmode` keeps libpq's meaning, which tokio-postgres does not know in
//! full: `require` encrypts without verifying the certificate (the pipeline's
//! SSH tunnel to localhost depends on that), `verify-ca` checks the chain,
//! `verify-full` the chain and the host name. Every write is idempotent on
//! `document_uuid` / `session_uuid`, so a re-run after a crash converges.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use serde_json::Value as Json;
use tokio_postgres::config::SslMode as PgSslMode;
use tokio_postgres::error::SqlState;
use uuid::Uuid;

use crate::error::LdpError;
use crate::redact::redact;
use crate::secret::Secret;

/// Rows per INSERT/UPDATE statement: big enough to amortise a round trip,
/// small enough to keep each statement's lock time short.
pub const ROWS_PER_STATEMENT: usize = 500;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// libpq's `sslmode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    pub fn parse(s: &str) -> Result<SslMode> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(LdpError::usage(format!(
                    "invalid sslmode '{other}' (disable, allow, prefer, require, verify-ca, verify-full)"
                )));
            }
        })
    }
}

/// A connection string split into what tokio-postgres understands and the
/// TLS settings it lacks.
#[derive(Debug)]
pub struct ConnSpec {
    pub config: tokio_postgres::Config,
    pub ssl: SslMode,
    /// `sslrootcert`: a PEM file, or `system`.
    pub root_cert: Option<String>,
    /// `host:port/db`, no secrets.
    pub label: String,
}

/// Parse a URL (`postgres://...`) or keyword/value string. Its own `sslmode`
/// wins; else `default_mode` (the pipeline's `DB_SSL_MODE`); else `fallback`.
pub fn parse(conn: &str, default_mode: Option<&str>, fallback: SslMode) -> Result<ConnSpec> {
    let bad = |e: &dyn std::fmt::Display| {
        LdpError::usage(format!("invalid database URL '{}': {e}", redact(conn)))
    };
    let mut ssl: Option<String> = None;
    let mut root_cert: Option<String> = None;
    let is_url = conn.starts_with("postgres://") || conn.starts_with("postgresql://");
    let cleaned = if is_url {
        match url::Url::parse(conn) {
            Ok(mut u) => {
                let mut keep: Vec<(String, String)> = Vec::new();
                for (k, v) in u.query_pairs() {
                    match k.as_ref() {
                        "sslmode" => ssl = Some(v.into_owned()),
                        "sslrootcert" => root_cert = Some(v.into_owned()),
                        "sslcert" | "sslkey" | "sslcrl" | "sslpassword" => {
                            return Err(LdpError::usage(format!(
                                "database URL: client certificates ({k}) are not supported"
                            )));
                        }
                        _ => keep.push((k.into_owned(), v.into_owned())),
                    }
                }
                if keep.is_empty() {
                    u.set_query(None);
                } else {
                    u.query_pairs_mut().clear().extend_pairs(keep);
                }
                u.to_string()
            }
            // Several hosts and other forms url cannot parse: tokio-postgres decides.
            Err(_) => conn.to_string(),
        }
    } else {
        let mut keep = Vec::new();
        for kv in split_keywords(conn) {
            match kv.split_once('=') {
                Some(("sslmode", v)) => ssl = Some(unquote(v)),
                Some(("sslrootcert", v)) => root_cert = Some(unquote(v)),
                _ => keep.push(kv),
            }
        }
        keep.join(" ")
    };
    let mut config = tokio_postgres::Config::from_str(&cleaned).map_err(|e| bad(&e))?;
    let mode = match ssl.as_deref().or(default_mode) {
        Some(m) => SslMode::parse(m)?,
        None => fallback,
    };
    config.ssl_mode(match mode {
        SslMode::Disable => PgSslMode::Disable,
        SslMode::Allow | SslMode::Prefer => PgSslMode::Prefer,
        _ => PgSslMode::Require,
    });
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("ldp");
    }
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            tokio_postgres::config::Host::Tcp(s) => s.clone(),
            tokio_postgres::config::Host::Unix(p) => p.display().to_string(),
        })
        .unwrap_or_else(|| "localhost".into());
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let label = format!(
        "{host}:{port}/{}",
        config
            .get_dbname()
            .or(config.get_user())
            .unwrap_or("postgres")
    );
    Ok(ConnSpec {
        config,
        ssl: mode,
        root_cert,
        label,
    })
}

/// `key=value` words, a quoted value ('a b') kept whole.
fn split_keywords(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quoted => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '\'' => {
                quoted = !quoted;
                cur.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn unquote(v: &str) -> String {
    v.trim_matches('\'').replace("\\'", "'")
}

/// Accepts any certificate but still checks the handshake's signatures:
/// libpq's `require` (and `prefer`), encryption without verification.
#[derive(Debug)]
struct NoVerify(Arc<CryptoProvider>);

impl ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// The chain must verify, the name need not: libpq's `verify-ca`.
#[derive(Debug)]
struct ChainOnly(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        use rustls::CertificateError as C;
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                C::NotValidForName | C::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            r => r,
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// Trust for `verify-ca`/`verify-full`: `sslrootcert` (a PEM file or
/// `system`), else `~/.postgresql/root.crt` as libpq reads it, else the
/// system's roots.
fn roots(root_cert: Option<&str>) -> Result<rustls::RootCertStore> {
    use rustls::pki_types::pem::PemObject;
    let mut store = rustls::RootCertStore::empty();
    let file: Option<PathBuf> = match root_cert {
        Some("system") => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME")
            .map(|h| PathBuf::from(h).join(".postgresql").join("root.crt"))
            .filter(|p| p.is_file()),
    };
    match file {
        Some(p) => {
            let certs = CertificateDer::pem_file_iter(&p)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| LdpError::usage(format!("sslrootcert {}: {e}", p.display())))?;
            let (added, _) = store.add_parsable_certificates(certs);
            if added == 0 {
                return Err(LdpError::usage(format!(
                    "sslrootcert {}: no certificate in it",
                    p.display()
                )));
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
        }
    }
    Ok(store)
}

fn tls_config(mode: SslMode, root_cert: Option<&str>) -> Result<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| LdpError::Failed(format!("TLS setup: {e}")))?;
    // libpq: with `require` and an explicit root certificate, verify the chain.
    let mode = match (mode, root_cert) {
        (SslMode::Require, Some(_)) => SslMode::VerifyCa,
        (m, _) => m,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match mode {
        SslMode::VerifyCa | SslMode::VerifyFull => {
            let v = rustls::client::WebPkiServerVerifier::builder_with_provider(
                Arc::new(roots(root_cert)?),
                provider,
            )
            .build()
            .map_err(|e| LdpError::usage(format!("sslrootcert: {e}")))?;
            if mode == SslMode::VerifyCa {
                Arc::new(ChainOnly(v))
            } else {
                v
            }
        }
        _ => Arc::new(NoVerify(provider)),
    };
    Ok(builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

/// The one line a server error reduces to: the server's own message and
/// SQLSTATE, else the error and its causes.
pub fn describe(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{} (SQLSTATE {})", db.message(), db.code().code());
    }
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        src = c.source();
    }
    s
}

/// A project as `projects` has it.
#[derive(Debug, Clone)]
pub struct Project {
    pub id: i64,
    pub uuid: Uuid,
}

/// One `source_documents` row to insert.
#[derive(Debug, Clone)]
pub struct DocRow {
    pub document_uuid: Uuid,
    pub file_name: String,
    pub original_file_path: String,
    pub file_path: String,
    pub file_type: String,
    pub detected_file_type: String,
    pub file_size_bytes: i64,
    pub s3_key: String,
}

/// What is common to every row of a run.
#[derive(Debug, Clone)]
pub struct RunInfo {
    pub project: Project,
    pub session: Uuid,
    pub bucket: String,
    pub region: Option<String>,
}

/// A connected client; the connection runs on its own task.
pub struct Db {
    client: tokio_postgres::Client,
    label: String,
}

/// The `sslmode` when neither the URL nor `DB_SSL_MODE` names one: the
/// pipeline's own `DATABASE_URL*` are used as the pipeline uses them
/// (`require`: its SSH tunnel to a TLS-only RDS); any other URL as libpq
/// would (`prefer`: TLS when the server offers it).
pub fn fallback_mode(source: &str) -> SslMode {
    if source.starts_with("DATABASE_URL") {
        SslMode::Require
    } else {
        SslMode::Prefer
    }
}

impl Db {
    /// Connect; refused, DNS, TLS and authentication failures are
    /// [`LdpError::Unreachable`] (exit 69), naming the server, never the password.
    pub async fn connect(url: &Secret, default_mode: Option<&str>, source: &str) -> Result<Db> {
        let spec = parse(url.expose(), default_mode, fallback_mode(source))?;
        let target = format!("PostgreSQL at {} (from {source})", spec.label);
        let unreachable = |e: &tokio_postgres::Error| -> anyhow::Error {
            LdpError::Unreachable {
                target: target.clone(),
                reason: describe(e),
            }
            .into()
        };
        let client = if spec.ssl == SslMode::Disable {
            let (client, conn) = spec
                .config
                .connect(tokio_postgres::NoTls)
                .await
                .map_err(|e| unreachable(&e))?;
            tokio::spawn(async move {
                let _ = conn.await;
            });
            client
        } else {
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(
                spec.ssl,
                spec.root_cert.as_deref(),
            )?);
            let (client, conn) = spec
                .config
                .connect(tls)
                .await
                .map_err(|e| unreachable(&e))?;
            tokio::spawn(async move {
                let _ = conn.await;
            });
            client
        };
        Ok(Db {
            client,
            label: spec.label,
        })
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    fn failed(&self, what: &str, e: &tokio_postgres::Error) -> anyhow::Error {
        LdpError::Failed(format!(
            "PostgreSQL {what} at {}: {}",
            self.label,
            describe(e)
        ))
        .into()
    }

    /// The project by its UUID (`projects.project_id`, or `project_uuid` in
    /// the older schema); a missing project is a usage error (exit 2).
    pub async fn project(&self, uuid: &Uuid) -> Result<Project> {
        let text = uuid.to_string();
        let mut last = None;
        for column in ["project_id", "project_uuid"] {
            let sql = format!(
                "SELECT id::bigint, {column}::text FROM projects WHERE {column}::text = $1"
            );
            match self.client.query_opt(&sql, &[&text]).await {
                Ok(Some(row)) => {
                    let id: i64 = row.try_get(0).map_err(|e| self.failed("projects", &e))?;
                    return Ok(Project { id, uuid: *uuid });
                }
                Ok(None) => {
                    return Err(LdpError::usage(format!(
                        "project {uuid} does not exist in PostgreSQL (projects.{column} at {}): create it first",
                        self.label
                    )));
                }
                Err(e) if e.code() == Some(&SqlState::UNDEFINED_COLUMN) => last = Some(e),
                Err(e) => return Err(self.failed("looking up the project", &e)),
            }
        }
        match last {
            Some(e) => Err(self.failed("looking up the project", &e)),
            None => Err(LdpError::Failed("projects: no usable column".into()).into()),
        }
    }

    /// Open (or reopen, for the same batch id) this run's `import_sessions` row.
    pub async fn start_session(
        &self,
        session: &Uuid,
        project: &Uuid,
        manifest: &Json,
        total: i64,
    ) -> Result<()> {
        self.client
            .execute(
                "INSERT INTO import_sessions (session_uuid, project_uuid, manifest_data, total_documents, status) \
                 VALUES ($1, $2, $3, $4::bigint, 'active') \
                 ON CONFLICT (session_uuid) DO UPDATE SET manifest_data = EXCLUDED.manifest_data, \
                 total_documents = EXCLUDED.total_documents, status = 'active', completed_at = NULL",
                &[session, project, manifest, &total],
            )
            .await
            .map_err(|e| self.failed("writing import_sessions", &e))?;
        Ok(())
    }

    /// Close the session with its totals.
    pub async fn finish_session(
        &self,
        session: &Uuid,
        total: i64,
        processed: i64,
        failed: i64,
        status: &str,
    ) -> Result<()> {
        self.client
            .execute(
                "UPDATE import_sessions SET total_documents = $2::bigint, processed_documents = $3::bigint, \
                 failed_documents = $4::bigint, status = $5, completed_at = now() WHERE session_uuid = $1",
                &[session, &total, &processed, &failed, &status],
            )
            .await
            .map_err(|e| self.failed("completing import_sessions", &e))?;
        Ok(())
    }

    /// Every document of a project, as `source_documents` lists them (by the
    /// project's UUID, or by its integer id through `project_fk_id`).
    pub async fn project_documents(&self, project: &str) -> Result<Vec<String>> {
        let rows = match project.parse::<i64>() {
            Ok(id) => self
                .client
                .query(
                    "SELECT document_uuid::text FROM source_documents WHERE project_fk_id::bigint = $1",
                    &[&id],
                )
                .await,
            Err(_) => self
                .client
                .query(
                    "SELECT document_uuid::text FROM source_documents WHERE project_uuid::text = $1",
                    &[&project],
                )
                .await,
        }
        .map_err(|e| self.failed("reading source_documents", &e))?;
        rows.iter()
            .map(|r| {
                r.try_get::<_, String>(0)
                    .map(|s| s.to_ascii_lowercase())
                    .map_err(|e| self.failed("reading source_documents", &e))
            })
            .collect()
    }

    /// What a retry needs of registered documents: uuid -> (file_path,
    /// project_uuid, file_name, detected_file_type).
    pub async fn document_paths(
        &self,
        uuids: &[Uuid],
    ) -> Result<std::collections::HashMap<String, [Option<String>; 4]>> {
        let rows = self
            .client
            .query(
                "SELECT document_uuid::text, file_path, project_uuid::text, file_name, \
                 detected_file_type FROM source_documents WHERE document_uuid = ANY($1)",
                &[&uuids],
            )
            .await
            .map_err(|e| self.failed("reading source_documents", &e))?;
        let mut out = std::collections::HashMap::new();
        for r in &rows {
            let get = |i: usize| r.try_get::<_, Option<String>>(i).ok().flatten();
            if let Some(u) = get(0) {
                out.insert(u.to_ascii_lowercase(), [get(1), get(2), get(3), get(4)]);
            }
        }
        Ok(out)
    }

    /// The documents registered under one import session.
    pub async fn session_documents(&self, session: &Uuid) -> Result<Vec<String>> {
        let rows = self
            .client
            .query(
                "SELECT document_uuid::text FROM source_documents WHERE import_session_id = $1",
                &[session],
            )
            .await
            .map_err(|e| self.failed("reading source_documents", &e))?;
        rows.iter()
            .map(|r| {
                r.try_get::<_, String>(0)
                    .map(|s| s.to_ascii_lowercase())
                    .map_err(|e| self.failed("reading source_documents", &e))
            })
            .collect()
    }

    /// Which of these documents already have a row: a row means its object
    /// was uploaded (rows are only inserted after the upload).
    pub async fn existing(&self, uuids: &[Uuid]) -> Result<std::collections::HashSet<Uuid>> {
        let mut out = std::collections::HashSet::new();
        for chunk in uuids.chunks(5000) {
            let rows = self
                .client
                .query(
                    "SELECT document_uuid FROM source_documents WHERE document_uuid = ANY($1)",
                    &[&chunk],
                )
                .await
                .map_err(|e| self.failed("reading source_documents", &e))?;
            for r in rows {
                out.insert(
                    r.try_get::<_, Uuid>(0)
                        .map_err(|e| self.failed("reading source_documents", &e))?,
                );
            }
        }
        Ok(out)
    }

    /// Insert rows, committed (autocommit) before anything is enqueued;
    /// those that exist are left alone. Returns the UUIDs inserted now.
    pub async fn insert_documents(&self, run: &RunInfo, rows: &[DocRow]) -> Result<Vec<Uuid>> {
        let mut inserted = Vec::new();
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let col = |f: fn(&DocRow) -> String| -> Vec<String> { chunk.iter().map(f).collect() };
            let uuids: Vec<Uuid> = chunk.iter().map(|r| r.document_uuid).collect();
            let names = col(|r| r.file_name.clone());
            let opaths = col(|r| r.original_file_path.clone());
            let fpaths = col(|r| r.file_path.clone());
            let ftypes = col(|r| r.file_type.clone());
            let dtypes = col(|r| r.detected_file_type.clone());
            let keys = col(|r| r.s3_key.clone());
            let sizes: Vec<i64> = chunk.iter().map(|r| r.file_size_bytes).collect();
            let rows = self
                .client
                .query(
                    "INSERT INTO source_documents (document_uuid, project_uuid, project_fk_id, import_session_id, \
                     file_name, original_file_name, original_file_path, file_path, file_type, detected_file_type, \
                     file_size_bytes, s3_key, s3_bucket, s3_region, status) \
                     SELECT d.u, $2, $3::bigint, $4, d.n, d.n, d.op, d.fp, d.ft, d.dt, d.sz, d.k, $5, $6, 'pending' \
                     FROM UNNEST($1::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[]) \
                     AS d(u, n, op, fp, ft, dt, sz, k) \
                     ON CONFLICT (document_uuid) DO NOTHING RETURNING document_uuid",
                    &[
                        &uuids,
                        &run.project.uuid,
                        &run.project.id,
                        &run.session,
                        &run.bucket,
                        &run.region,
                        &names,
                        &opaths,
                        &fpaths,
                        &ftypes,
                        &dtypes,
                        &sizes,
                        &keys,
                    ],
                )
                .await
                .map_err(|e| self.failed("inserting source_documents", &e))?;
            for r in rows {
                inserted.push(
                    r.try_get::<_, Uuid>(0)
                        .map_err(|e| self.failed("inserting source_documents", &e))?,
                );
            }
        }
        Ok(inserted)
    }

    /// After the enqueue: `celery_task_id` and `status = 'processing'`. A
    /// status the worker already moved on (anything but pending) is kept.
    /// Returns the rows changed.
    pub async fn mark_enqueued(&self, tasks: &[(Uuid, String)]) -> Result<u64> {
        let mut n = 0;
        for chunk in tasks.chunks(ROWS_PER_STATEMENT) {
            let uuids: Vec<Uuid> = chunk.iter().map(|t| t.0).collect();
            let ids: Vec<&str> = chunk.iter().map(|t| t.1.as_str()).collect();
            n += self
                .client
                .execute(
                    "UPDATE source_documents AS s SET celery_task_id = d.t, \
                     status = CASE WHEN s.status IS NULL OR s.status = 'pending' THEN 'processing' ELSE s.status END, \
                     updated_at = now() \
                     FROM UNNEST($1::uuid[], $2::text[]) AS d(u, t) \
                     WHERE s.document_uuid = d.u \
                     AND (s.celery_task_id IS DISTINCT FROM d.t OR s.status IS NULL OR s.status = 'pending')",
                    &[&uuids, &ids],
                )
                .await
                .map_err(|e| self.failed("updating source_documents", &e))?;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sslmode_is_taken_out_of_the_url() {
        let s = parse(
            "postgresql://u:pw@db.example:6543/legal?sslmode=verify-full&sslrootcert=/ca.pem&application_name=x",
            None,
            SslMode::Require,
        )
        .unwrap();
        assert_eq!(s.ssl, SslMode::VerifyFull);
        assert_eq!(s.root_cert.as_deref(), Some("/ca.pem"));
        assert_eq!(s.label, "db.example:6543/legal");
        assert_eq!(s.config.get_ssl_mode(), PgSslMode::Require);
        assert_eq!(s.config.get_application_name(), Some("x"));
        assert_eq!(s.config.get_password(), Some(&b"pw"[..]));
    }

    #[test]
    fn the_default_is_db_ssl_mode_then_by_source() {
        let bare = "postgres://u@h/db";
        let s = parse(bare, None, fallback_mode("DATABASE_URL_DIRECT")).unwrap();
        assert_eq!(s.ssl, SslMode::Require);
        // An operator's URL without sslmode: libpq's default.
        let s = parse(bare, None, fallback_mode("--database-url")).unwrap();
        assert_eq!(s.ssl, SslMode::Prefer);
        assert_eq!(s.config.get_ssl_mode(), PgSslMode::Prefer);
        let s = parse(bare, Some("disable"), SslMode::Require).unwrap();
        assert_eq!(s.ssl, SslMode::Disable);
        assert_eq!(s.config.get_ssl_mode(), PgSslMode::Disable);
        let s = parse(
            "postgres://u@h/db?sslmode=prefer",
            Some("disable"),
            SslMode::Require,
        )
        .unwrap();
        assert_eq!(s.ssl, SslMode::Prefer);
    }

    #[test]
    fn keyword_strings_work_too() {
        let s = parse(
            "host=h port=7 user=u password='a b' dbname=d sslmode=verify-ca",
            None,
            SslMode::Require,
        )
        .unwrap();
        assert_eq!(s.ssl, SslMode::VerifyCa);
        assert_eq!(s.config.get_password(), Some(&b"a b"[..]));
        assert_eq!(s.label, "h:7/d");
    }

    #[test]
    fn bad_values_are_usage_errors_without_the_password() {
        for bad in [
            "postgres://u:hunter2@h/db?sslmode=sometimes",
            "postgres://u:hunter2@h/db?sslcert=/c.pem",
            "postgres://u:hunter2@h/db?nosuchoption=1",
        ] {
            let e = parse(bad, None, SslMode::Require).unwrap_err();
            assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Usage);
            assert!(!crate::error::one_line(&e).contains("hunter2"), "{e}");
        }
    }

    #[test]
    fn tls_configs_build_for_every_mode() {
        for m in [
            SslMode::Prefer,
            SslMode::Require,
            SslMode::VerifyCa,
            SslMode::VerifyFull,
        ] {
            assert!(tls_config(m, Some("system")).is_ok(), "{m:?}");
        }
        assert!(tls_config(SslMode::VerifyFull, Some("/nonexistent/ca.pem")).is_err());
    }
}
