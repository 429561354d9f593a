//! A Celery protocol-v2 message as it sits in a kombu list or in `unacked`
//! (WIRE.md §2-3), decoded for reading: task, id, the document it is about,
//! priority, retries, eta. Decoding never fails the caller: what cannot be
//! read is reported as such.

use base64::Engine;
use serde::Serialize;
use serde_json::Value as Json;

/// What an operator needs to know of one message.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Message {
    /// `headers.task` (protocol v2), or `task` of a v1 body.
    pub task: Option<String>,
    pub id: Option<String>,
    /// `document_uuid` from the kwargs (or the first of a batch manifest).
    pub document: Option<String>,
    /// `project_uuid` from the kwargs (or the batch manifest).
    pub project: Option<String>,
    pub priority: Option<u64>,
    pub retries: Option<u64>,
    pub eta: Option<String>,
    /// Documents a batch task carries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<usize>,
    /// Why the message could not be read, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undecodable: Option<String>,
}

impl Message {
    /// Decode an envelope (the JSON kombu stores).
    pub fn decode(raw: &[u8]) -> Message {
        match serde_json::from_slice::<Json>(raw) {
            Ok(env) => Message::from_envelope(&env),
            Err(e) => Message::broken(format!("not JSON: {e}")),
        }
    }

    fn broken(why: String) -> Message {
        Message {
            task: None,
            id: None,
            document: None,
            project: None,
            priority: None,
            retries: None,
            eta: None,
            documents: None,
            undecodable: Some(why),
        }
    }

    pub fn from_envelope(env: &Json) -> Message {
        let headers = &env["headers"];
        let body = body(env);
        // Protocol v2: [args, kwargs, embed]; v1: {"task", "id", "kwargs", ...}.
        let kwargs = match &body {
            Some(Json::Array(a)) => a.get(1).cloned().unwrap_or(Json::Null),
            Some(b @ Json::Object(_)) => b["kwargs"].clone(),
            _ => Json::Null,
        };
        let text = |v: &Json| v.as_str().map(str::to_string);
        let from_v1 = |k: &str| body.as_ref().and_then(|b| text(&b[k]));
        let manifest = &kwargs["batch_manifest"];
        let docs = manifest["documents"].as_array();
        Message {
            task: text(&headers["task"]).or_else(|| from_v1("task")),
            id: text(&headers["id"]).or_else(|| from_v1("id")),
            document: text(&kwargs["document_uuid"]).or_else(|| {
                docs.and_then(|d| d.first())
                    .and_then(|d| text(&d["document_uuid"]))
            }),
            project: text(&kwargs["project_uuid"]).or_else(|| text(&manifest["project_uuid"])),
            priority: env["properties"]["priority"].as_u64(),
            retries: headers["retries"].as_u64(),
            eta: text(&headers["eta"]),
            documents: docs.map(Vec::len),
            undecodable: match body {
                None => Some("body is not base64 JSON".into()),
                Some(_) => None,
            },
        }
    }
}

/// The body, base64-decoded when `body_encoding` says so.
fn body(env: &Json) -> Option<Json> {
    let b = env["body"].as_str()?;
    if env["properties"]["body_encoding"] == "base64" {
        let bytes = base64::engine::general_purpose::STANDARD.decode(b).ok()?;
        serde_json::from_slice(&bytes).ok()
    } else {
        serde_json::from_str(b).ok()
    }
}

/// kombu's restore of an unacked message (`_do_restore_message`): marked
/// redelivered in its headers and delivery info, otherwise as it was.
pub fn redelivered(envelope: &Json) -> Json {
    let mut m = envelope.clone();
    if let Some(h) = m.get_mut("headers").and_then(Json::as_object_mut) {
        h.insert("redelivered".into(), Json::Bool(true));
    }
    if let Some(d) = m
        .get_mut("properties")
        .and_then(|p| p.get_mut("delivery_info"))
        .and_then(Json::as_object_mut)
    {
        d.insert("redelivered".into(), Json::Bool(true));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::task::Task;
    use serde_json::json;

    #[test]
    fn what_ldp_sends_reads_back() {
        let mut kwargs = serde_json::Map::new();
        kwargs.insert("document_uuid".into(), json!("d-1"));
        kwargs.insert("project_uuid".into(), json!("p-1"));
        let t = Task {
            name: "scripts.pdf_tasks.process_pdf_document".into(),
            id: "t-1".into(),
            kwargs,
            queue: "default".into(),
            priority: 5,
        };
        let m = Message::decode(t.envelope("ldp@h").as_bytes());
        assert_eq!(
            m.task.as_deref(),
            Some("scripts.pdf_tasks.process_pdf_document")
        );
        assert_eq!(m.id.as_deref(), Some("t-1"));
        assert_eq!(m.document.as_deref(), Some("d-1"));
        assert_eq!(m.project.as_deref(), Some("p-1"));
        assert_eq!(m.priority, Some(5));
        assert_eq!(m.retries, Some(0));
        assert!(m.undecodable.is_none());
        assert!(Message::decode(b"{nope").undecodable.is_some());
    }

    #[test]
    fn a_restored_message_is_marked_redelivered() {
        let env =
            json!({"headers": {"task": "x"}, "properties": {"delivery_info": {"exchange": ""}}});
        let r = redelivered(&env);
        assert_eq!(r["headers"]["redelivered"], true);
        assert_eq!(r["properties"]["delivery_info"]["redelivered"], true);
        assert_eq!(r["headers"]["task"], "x");
    }
}
