//! The pipeline's intake (INTAKE.md): what an import must leave in object
//! storage and PostgreSQL before a worker may see the task.
//!
//! [`store`] uploads a document to `documents/{uuid}{ext}` with the pipeline's
//! content type and metadata; [`db`] resolves the project and writes the
//! `source_documents` and `import_sessions` rows. Both are idempotent per
//! document (the key and `document_uuid` are derived from the content), so a
//! re-run after a crash converges instead of duplicating.

pub mod claim;
pub mod db;
pub mod stage;
pub mod store;

use crate::secret::Secret;

/// Where the intake goes, as merged by `config` (LDP_*, the pipeline's
/// variables, the profile) and completed by `ldp import`'s own flags.
#[derive(Debug, Clone, Default)]
pub struct IntakeSettings {
    /// A PostgreSQL URL (postgres://...) or keyword/value string.
    pub database_url: Option<Secret>,
    /// Which setting gave the URL, for messages (`--database-url`, `DATABASE_URL_DIRECT`, ...).
    pub database_source: Option<String>,
    /// The pipeline's `DB_SSL_MODE`: used when the URL has no `sslmode`.
    pub db_ssl_mode: Option<String>,
    /// `name`, `s3://name` or `file:///dir`.
    pub bucket: Option<String>,
    pub s3_endpoint: Option<String>,
    pub region: Option<String>,
    pub aws_access_key_id: Option<String>,
    pub aws_secret_access_key: Option<Secret>,
    pub aws_session_token: Option<Secret>,
}

/// The object key of a document: `documents/{uuid}{ext}`, the extension
/// lower-cased with its dot (INTAKE.md).
pub fn object_key(uuid: &str, ext: &str) -> String {
    format!("documents/{uuid}{}", ext.to_ascii_lowercase())
}

/// The content type the pipeline's importer sets for an extension (with or
/// without its dot); unknown types are `application/octet-stream`.
pub fn content_type(ext: &str) -> &'static str {
    match ext.trim_start_matches('.').to_ascii_lowercase().as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "txt" => "text/plain",
        "rtf" => "application/rtf",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "tif" | "tiff" => "image/tiff",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "heic" => "image/heic",
        "eml" => "message/rfc822",
        "msg" => "application/vnd.ms-outlook",
        "csv" => "text/csv",
        "html" | "htm" => "text/html",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_types_follow_the_pipeline() {
        assert_eq!(object_key("u-1", ".PDF"), "documents/u-1.pdf");
        assert_eq!(object_key("u-1", ""), "documents/u-1");
        assert_eq!(content_type(".pdf"), "application/pdf");
        assert_eq!(content_type("TIF"), "image/tiff");
        assert_eq!(content_type(".xyz"), "application/octet-stream");
    }
}
