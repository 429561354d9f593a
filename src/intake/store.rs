//! Object storage for the intake: S3 (or an S3-compatible store through
//! `--s3-endpoint`) and `file://` directories, through `object_store`.
//!
//! A document goes to `documents/{uuid}{ext}` with the pipeline's content
//! type and metadata (INTAKE.md). Small files are one PUT, like the Python
//! importer; large ones stream from disk in multipart uploads, so memory per
//! upload stays bounded whatever the file size. A PUT replaces an object
//! whole, so repeating an upload (a re-run after a crash) still leaves one
//! object with the same content.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Result;
use bytes::{Bytes, BytesMut};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjPath;
use object_store::{
    Attribute, Attributes, BackoffConfig, ClientOptions, ObjectStore, PutMultipartOptions,
    PutOptions, PutPayload, RetryConfig, WriteMultipart,
};
use tokio::io::AsyncReadExt;

use super::IntakeSettings;
use crate::error::LdpError;

/// Files up to this size are one PUT (the pipeline's importer uses one
/// PutObject); larger ones are multipart.
pub const SINGLE_PUT_MAX: u64 = 16 << 20;
/// Multipart part size (S3's minimum is 5 MiB).
pub const PART_SIZE: usize = 8 << 20;
/// Parts of one upload in flight: memory per upload is about
/// `(PARTS_IN_FLIGHT + 1) * PART_SIZE`.
const PARTS_IN_FLIGHT: usize = 2;

/// How a failure of the store should be treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// The bucket (or directory) does not exist: a usage error.
    Missing,
    /// Refused, DNS, TLS, timeout or credentials: the store is unreachable.
    Unreachable,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    S3,
    Local,
}

/// The object metadata the pipeline sets on each document.
#[derive(Debug, Clone)]
pub struct Meta {
    pub original_filename: String,
    pub document_uuid: String,
    pub content_type: String,
}

/// A destination, opened.
#[derive(Clone)]
pub struct Store {
    inner: Arc<dyn ObjectStore>,
    pub kind: Kind,
    /// The bucket's name, or the directory of a `file://` destination.
    pub bucket: String,
    /// For messages: `S3 bucket 'b' at http://...` or `directory /x`.
    pub label: String,
    /// Who to blame when it cannot be reached.
    target: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// Non-ASCII or control characters in a metadata value, percent-encoded
/// (HTTP headers carry ASCII; S3 stores what it is sent).
fn header_safe(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if (0x20..0x7f).contains(&b) && b != b'%' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Store {
    /// Open the destination of `settings.bucket`: a bucket name, `s3://name`
    /// or `file:///dir`. Nothing is contacted yet (see [`Store::check`]).
    pub fn open(s: &IntakeSettings) -> Result<Store> {
        let dest = s.bucket.as_deref().unwrap_or_default().trim();
        if dest.is_empty() {
            return Err(LdpError::usage(
                "no bucket: give --bucket NAME (or s3://NAME, file:///DIR), or set S3_PRIMARY_DOCUMENT_BUCKET",
            ));
        }
        if let Some(rest) = dest.strip_prefix("file://") {
            let dir = PathBuf::from(rest);
            if !dir.is_absolute() {
                return Err(LdpError::usage(format!(
                    "invalid --bucket '{dest}': file:// needs an absolute path (file:///dir)"
                )));
            }
            if !dir.is_dir() {
                return Err(LdpError::usage(format!(
                    "the destination directory {} does not exist",
                    dir.display()
                )));
            }
            let fs = LocalFileSystem::new_with_prefix(&dir).map_err(|e| {
                LdpError::usage(format!("destination directory {}: {e}", dir.display()))
            })?;
            let label = format!("directory {}", dir.display());
            return Ok(Store {
                inner: Arc::new(fs),
                kind: Kind::Local,
                bucket: dir.display().to_string(),
                target: label.clone(),
                label,
            });
        }
        let name = dest
            .strip_prefix("s3://")
            .unwrap_or(dest)
            .trim_end_matches('/');
        if name.is_empty()
            || name.contains('/')
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
        {
            return Err(LdpError::usage(format!(
                "invalid bucket '{dest}': a bucket name (or s3://NAME, file:///DIR)"
            )));
        }
        // reqwest is built without a provider of its own: ring, process-wide.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let region = s.region.clone().unwrap_or_else(|| "us-east-1".into());
        let mut client = ClientOptions::new()
            .with_connect_timeout(Duration::from_secs(5))
            .with_timeout(Duration::from_secs(300));
        let mut b = AmazonS3Builder::from_env()
            .with_bucket_name(name)
            .with_region(&region)
            .with_retry(RetryConfig {
                backoff: BackoffConfig {
                    init_backoff: Duration::from_millis(100),
                    max_backoff: Duration::from_secs(2),
                    base: 2.0,
                },
                max_retries: 3,
                retry_timeout: Duration::from_secs(60),
            });
        let target = match &s.s3_endpoint {
            Some(ep) => {
                let u = url::Url::parse(ep)
                    .map_err(|e| LdpError::usage(format!("invalid --s3-endpoint '{ep}': {e}")))?;
                if !matches!(u.scheme(), "http" | "https") || !u.has_host() {
                    return Err(LdpError::usage(format!(
                        "invalid --s3-endpoint '{ep}': an http:// or https:// URL"
                    )));
                }
                if u.scheme() == "http" {
                    client = client.with_allow_http(true);
                }
                b = b.with_endpoint(ep.trim_end_matches('/'));
                format!("S3 at {}", ep.trim_end_matches('/'))
            }
            None => format!("S3 in {region}"),
        };
        if let (Some(id), Some(secret)) = (&s.aws_access_key_id, &s.aws_secret_access_key) {
            b = b
                .with_access_key_id(id)
                .with_secret_access_key(secret.expose());
            if let Some(t) = &s.aws_session_token {
                b = b.with_token(t.expose());
            }
        }
        let store = b
            .with_client_options(client)
            .build()
            .map_err(|e| LdpError::usage(format!("S3 settings: {e}")))?;
        Ok(Store {
            inner: Arc::new(store),
            kind: Kind::S3,
            bucket: name.to_string(),
            label: format!("bucket '{name}' ({target})"),
            target,
        })
    }

    /// What the workers are told (`file_path`): `s3://{bucket}/{key}`, or the
    /// object's path for a `file://` destination.
    pub fn file_path(&self, key: &str) -> String {
        match self.kind {
            Kind::S3 => format!("s3://{}/{key}", self.bucket),
            Kind::Local => Path::new(&self.bucket).join(key).display().to_string(),
        }
    }

    /// One cheap request before anything is written: a missing bucket is a
    /// usage error (exit 2); refused, DNS, TLS or bad credentials exit 69.
    pub async fn check(&self) -> Result<()> {
        let probe = ObjPath::from("documents/.ldp-check");
        match self.inner.list_with_delimiter(Some(&probe)).await {
            Ok(_) => Ok(()),
            Err(e) => Err(self.error(&e, "checking the bucket")),
        }
    }

    /// The error for a failed request, classified: missing bucket -> usage,
    /// unreachable -> exit 69, else a plain failure.
    pub fn error(&self, e: &object_store::Error, what: &str) -> anyhow::Error {
        match classify(e) {
            Class::Missing => LdpError::usage(format!(
                "{} does not exist (create it, or give another --bucket)",
                self.label
            )),
            Class::Unreachable => LdpError::Unreachable {
                target: self.target.clone(),
                reason: short(e),
            }
            .into(),
            Class::Other => LdpError::Failed(format!("{} {what}: {}", self.label, short(e))).into(),
        }
    }

    /// Upload `src` to `key`, streamed; returns the bytes sent. Errors are
    /// one line naming the file or the key.
    pub async fn upload(&self, src: &Path, key: &str, meta: &Meta) -> Result<u64, String> {
        let location = ObjPath::from(key);
        let mut file = tokio::fs::File::open(src)
            .await
            .map_err(|e| format!("cannot read {}: {e}", src.display()))?;
        let size = file
            .metadata()
            .await
            .map_err(|e| format!("cannot read {}: {e}", src.display()))?
            .len();
        let mut attrs = Attributes::new();
        if self.kind == Kind::S3 {
            // A file:// destination cannot hold metadata (INTAKE.md).
            let stamp = humantime::format_rfc3339_micros(SystemTime::now()).to_string();
            attrs.insert(Attribute::ContentType, meta.content_type.clone().into());
            for (k, v) in [
                ("original-filename", header_safe(&meta.original_filename)),
                ("document-uuid", meta.document_uuid.clone()),
                ("upload-timestamp", stamp),
                ("content-type", meta.content_type.clone()),
            ] {
                attrs.insert(Attribute::Metadata(k.into()), v.into());
            }
        }
        let failed = |e: &object_store::Error| format!("upload to {key}: {}", short(e));
        if size <= SINGLE_PUT_MAX {
            let mut buf = Vec::with_capacity(size as usize);
            file.read_to_end(&mut buf)
                .await
                .map_err(|e| format!("cannot read {}: {e}", src.display()))?;
            let n = buf.len() as u64;
            let opts = PutOptions {
                attributes: attrs,
                ..Default::default()
            };
            self.inner
                .put_opts(&location, PutPayload::from(Bytes::from(buf)), opts)
                .await
                .map_err(|e| failed(&e))?;
            return Ok(n);
        }
        let opts = PutMultipartOptions {
            attributes: attrs,
            ..Default::default()
        };
        let upload = self
            .inner
            .put_multipart_opts(&location, opts)
            .await
            .map_err(|e| failed(&e))?;
        let mut w = WriteMultipart::new_with_chunk_size(upload, PART_SIZE);
        let mut sent = 0u64;
        loop {
            let mut part = BytesMut::with_capacity(PART_SIZE);
            while part.len() < PART_SIZE {
                match file.read_buf(&mut part).await {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) => {
                        let _ = w.abort().await;
                        return Err(format!("cannot read {}: {e}", src.display()));
                    }
                }
            }
            if part.is_empty() {
                break;
            }
            sent += part.len() as u64;
            if let Err(e) = w.wait_for_capacity(PARTS_IN_FLIGHT).await {
                return Err(failed(&e));
            }
            w.put(part.freeze());
        }
        w.finish().await.map_err(|e| failed(&e))?;
        Ok(sent)
    }

    /// The store itself, for tests and tools that read back.
    pub fn inner(&self) -> &Arc<dyn ObjectStore> {
        &self.inner
    }
}

/// Walk the error's causes: a missing bucket, an unreachable store, or other.
pub fn classify(e: &object_store::Error) -> Class {
    match e {
        object_store::Error::NotFound { .. } => return Class::Missing,
        object_store::Error::PermissionDenied { .. }
        | object_store::Error::Unauthenticated { .. } => return Class::Unreachable,
        _ => {}
    }
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = src {
        if let Some(h) = c.downcast_ref::<object_store::client::HttpError>()
            && matches!(
                h.kind(),
                object_store::client::HttpErrorKind::Connect
                    | object_store::client::HttpErrorKind::Timeout
            )
        {
            return Class::Unreachable;
        }
        src = c.source();
    }
    // S3's error codes are only in the response body, which object_store
    // keeps in the error's text.
    let text = e.to_string();
    if text.contains("<Code>NoSuchBucket<") {
        return Class::Missing;
    }
    if [
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "ExpiredToken",
    ]
    .iter()
    .any(|c| text.contains(&format!("<Code>{c}<")))
    {
        return Class::Unreachable;
    }
    Class::Other
}

/// One short line for a store error: the HTTP status and S3's error code
/// and message, or the innermost cause of a transport error.
pub fn short(e: &object_store::Error) -> String {
    let text = e.to_string();
    let tag = |t: &str| -> Option<String> {
        let open = format!("<{t}>");
        let i = text.find(&open)? + open.len();
        let j = text[i..].find('<')?;
        Some(text[i..i + j].to_string())
    };
    let status = text.find("status code: ").map(|i| {
        let rest = &text[i + "status code: ".len()..];
        rest.split(':').next().unwrap_or(rest).trim().to_string()
    });
    match (status, tag("Code"), tag("Message")) {
        (Some(s), Some(c), Some(m)) => return format!("HTTP {s}: {c}: {m}"),
        (Some(s), Some(c), None) => return format!("HTTP {s}: {c}"),
        (Some(s), None, _) => return format!("HTTP {s}"),
        _ => {}
    }
    let mut deepest = text;
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        deepest = c.to_string();
        src = c.source();
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(bucket: &str) -> IntakeSettings {
        IntakeSettings {
            bucket: Some(bucket.into()),
            s3_endpoint: Some("http://127.0.0.1:1".into()),
            aws_access_key_id: Some("k".into()),
            aws_secret_access_key: Some(crate::secret::Secret::new("s")),
            ..Default::default()
        }
    }

    #[test]
    fn destinations_parse() {
        let s = Store::open(&settings("s3://legal-docs")).unwrap();
        assert_eq!((s.kind, s.bucket.as_str()), (Kind::S3, "legal-docs"));
        assert_eq!(
            s.file_path("documents/u.pdf"),
            "s3://legal-docs/documents/u.pdf"
        );
        let dir = tempfile::tempdir().unwrap();
        let url = format!("file://{}", dir.path().display());
        let l = Store::open(&settings(&url)).unwrap();
        assert_eq!(l.kind, Kind::Local);
        assert_eq!(
            l.file_path("documents/u.pdf"),
            dir.path().join("documents/u.pdf").display().to_string()
        );
        for bad in [
            "",
            "a/b",
            "file://relative",
            "file:///nonexistent/ldp-dir",
            "b*",
        ] {
            let e = Store::open(&settings(bad)).unwrap_err();
            assert_eq!(
                crate::error::exit_for(&e),
                crate::error::Exit::Usage,
                "{bad}"
            );
        }
    }

    #[test]
    fn metadata_values_are_header_safe() {
        assert_eq!(header_safe("a b.pdf"), "a b.pdf");
        assert_eq!(header_safe("Müller 100%.pdf"), "M%C3%BCller 100%25.pdf");
    }

    #[tokio::test]
    async fn local_uploads_stream_and_replace_whole() {
        let dir = tempfile::tempdir().unwrap();
        let src = tempfile::tempdir().unwrap();
        let store = Store::open(&settings(&format!("file://{}", dir.path().display()))).unwrap();
        store.check().await.unwrap();
        let meta = Meta {
            original_filename: "x.pdf".into(),
            document_uuid: "u".into(),
            content_type: "application/pdf".into(),
        };
        // Bigger than one PUT: multipart, several parts.
        let big: Vec<u8> = (0..(SINGLE_PUT_MAX as usize + PART_SIZE + 123))
            .map(|i| (i % 251) as u8)
            .collect();
        let p = src.path().join("big.pdf");
        std::fs::write(&p, &big).unwrap();
        let n = store.upload(&p, "documents/u.pdf", &meta).await.unwrap();
        assert_eq!(n, big.len() as u64);
        assert_eq!(
            std::fs::read(dir.path().join("documents/u.pdf")).unwrap(),
            big
        );
        // Again, smaller: one PUT replaces the object whole.
        std::fs::write(&p, b"small").unwrap();
        store.upload(&p, "documents/u.pdf", &meta).await.unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("documents/u.pdf")).unwrap(),
            b"small"
        );
        let e = store
            .upload(&src.path().join("missing.pdf"), "documents/m.pdf", &meta)
            .await
            .unwrap_err();
        assert!(
            e.contains("cannot read") && e.contains("missing.pdf"),
            "{e}"
        );
    }
}
