//! Celery protocol v2 task messages as kombu's Redis transport stores them
//! (WIRE.md §2): what `ldp import` LPUSHes so unmodified workers run it.

use base64::Engine;
use serde::Serialize;
use serde_json::{Value as Json, json};

use super::layout::BrokerLayout;

/// A task to publish.
#[derive(Debug, Clone)]
pub struct Task {
    pub name: String,
    pub id: String,
    pub kwargs: serde_json::Map<String, Json>,
    pub queue: String,
    pub priority: u8,
}

/// `ldp@<host>`, the `origin` header Celery fills with the sender's node name.
pub fn origin() -> String {
    format!("ldp@{}", crate::host::hostname())
}

/// Python-ish repr of the kwargs, for the `kwargsrepr` header (informational only).
fn kwargs_repr(kwargs: &serde_json::Map<String, Json>) -> String {
    let parts: Vec<String> = kwargs
        .iter()
        .map(|(k, v)| format!("'{k}': {}", serde_json::to_string(v).unwrap_or_default()))
        .collect();
    let s = format!("{{{}}}", parts.join(", "));
    // Celery truncates reprs too; keep the header small.
    if s.len() > 1024 {
        format!("{}...", &s[..s.floor_char_boundary(1021)])
    } else {
        s
    }
}

/// The envelope's shape, serialized directly (no intermediate JSON tree:
/// an import writes thousands of these).
#[derive(Serialize)]
struct Envelope<'a> {
    body: String,
    #[serde(rename = "content-encoding")]
    content_encoding: &'static str,
    #[serde(rename = "content-type")]
    content_type: &'static str,
    headers: Headers<'a>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Headers<'a> {
    lang: &'static str,
    task: &'a str,
    id: &'a str,
    shadow: Option<()>,
    eta: Option<()>,
    expires: Option<()>,
    group: Option<()>,
    group_index: Option<()>,
    retries: u32,
    timelimit: [Option<()>; 2],
    root_id: &'a str,
    parent_id: Option<()>,
    argsrepr: &'static str,
    kwargsrepr: String,
    origin: &'a str,
    ignore_result: bool,
    replaced_task_nesting: u32,
    stamped_headers: Option<()>,
    stamps: serde_json::Map<String, Json>,
}

#[derive(Serialize)]
struct Properties<'a> {
    correlation_id: &'a str,
    reply_to: &'static str,
    delivery_mode: u8,
    delivery_info: DeliveryInfo<'a>,
    priority: u8,
    body_encoding: &'static str,
    delivery_tag: String,
}

#[derive(Serialize)]
struct DeliveryInfo<'a> {
    exchange: &'static str,
    routing_key: &'a str,
}

impl Task {
    /// The envelope JSON. Every field a worker needs not to lose the message
    /// silently is set: base64 body, body_encoding, delivery_tag, exchange "",
    /// task, id, content-type.
    pub fn envelope(&self, origin: &str) -> String {
        let embed = json!({"callbacks": null, "errbacks": null, "chain": null, "chord": null});
        let body =
            serde_json::to_vec(&(&[] as &[Json; 0], &self.kwargs, &embed)).unwrap_or_default();
        let env = Envelope {
            body: base64::engine::general_purpose::STANDARD.encode(body),
            content_encoding: "utf-8",
            content_type: "application/json",
            headers: Headers {
                lang: "py",
                task: &self.name,
                id: &self.id,
                shadow: None,
                eta: None,
                expires: None,
                group: None,
                group_index: None,
                retries: 0,
                timelimit: [None, None],
                root_id: &self.id,
                parent_id: None,
                argsrepr: "()",
                kwargsrepr: kwargs_repr(&self.kwargs),
                origin,
                ignore_result: false,
                replaced_task_nesting: 0,
                stamped_headers: None,
                stamps: serde_json::Map::new(),
            },
            properties: Properties {
                correlation_id: &self.id,
                reply_to: "",
                delivery_mode: 2,
                delivery_info: DeliveryInfo {
                    exchange: "",
                    routing_key: &self.queue,
                },
                priority: self.priority,
                body_encoding: "base64",
                delivery_tag: uuid::Uuid::new_v4().to_string(),
            },
        };
        serde_json::to_string(&env).unwrap_or_default()
    }
}

impl BrokerLayout {
    /// The list a message of this priority goes to: the largest step <=
    /// priority (the bare queue for the lowest step).
    pub fn publish_key(&self, queue: &str, priority: u8) -> Vec<u8> {
        let step = self
            .steps
            .iter()
            .copied()
            .filter(|s| *s <= priority)
            .max()
            .unwrap_or(0);
        self.priority_key(queue, step)
    }
}

/// Whether a JSON value holds an object kombu would decode as a tagged value
/// (exactly the keys `__type__` and `__value__`), which must never be sent.
pub fn has_kombu_tag(v: &Json) -> bool {
    match v {
        Json::Object(m) => {
            (m.len() == 2 && m.contains_key("__type__") && m.contains_key("__value__"))
                || m.values().any(has_kombu_tag)
        }
        Json::Array(a) => a.iter().any(has_kombu_tag),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities_map_to_kombu_keys() {
        let l = BrokerLayout::default();
        assert_eq!(l.publish_key("default", 0), b"default".to_vec());
        assert_eq!(l.publish_key("default", 2), b"default".to_vec());
        assert_eq!(l.publish_key("default", 5), b"default\x06\x163".to_vec());
        assert_eq!(
            l.publish_key("batch.high", 9),
            b"batch.high\x06\x169".to_vec()
        );
        let colon = BrokerLayout {
            steps: (0..10).collect(),
            sep: b":".to_vec(),
            ..Default::default()
        };
        assert_eq!(colon.publish_key("ocr", 7), b"ocr:7".to_vec());
    }

    #[test]
    fn envelope_has_the_mandatory_fields() {
        let mut kwargs = serde_json::Map::new();
        kwargs.insert("document_uuid".into(), json!("d"));
        let t = Task {
            name: "x.y".into(),
            id: "id-1".into(),
            kwargs,
            queue: "default".into(),
            priority: 5,
        };
        let env: Json = serde_json::from_str(&t.envelope("ldp@h")).unwrap();
        assert_eq!(env["properties"]["body_encoding"], "base64");
        assert_eq!(env["properties"]["delivery_info"]["exchange"], "");
        assert_eq!(env["headers"]["task"], "x.y");
        assert_eq!(env["content-type"], "application/json");
        let body = base64::engine::general_purpose::STANDARD
            .decode(env["body"].as_str().unwrap())
            .unwrap();
        let body: Json = serde_json::from_slice(&body).unwrap();
        assert_eq!(body[1]["document_uuid"], "d");
        assert!(uuid::Uuid::parse_str(env["properties"]["delivery_tag"].as_str().unwrap()).is_ok());
    }

    #[test]
    fn kombu_tags_are_found() {
        assert!(has_kombu_tag(
            &json!({"a": [{"__type__": "x", "__value__": 1}]})
        ));
        assert!(!has_kombu_tag(&json!({"__type__": "x"})));
    }
}
