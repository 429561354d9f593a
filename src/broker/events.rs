//! Celery's worker events over kombu's Redis transport (WIRE.md §5): the
//! kombu message envelope every event and remote-control message travels
//! in, the `worker-online|heartbeat|offline` events a worker publishes on
//! the `celeryev` fanout exchange (pub/sub channels
//! `/{db}.celeryev/worker.*`), Celery's liveness rule, and a [`Listener`]
//! that PSUBSCRIBEs to them.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Context, Result};
use base64::Engine;
use futures_util::StreamExt;
use serde_json::{Value as Json, json};
use tokio::sync::mpsc;

use super::layout::BrokerLayout;
use crate::redis::Node;

/// A kombu message as it travels through Redis: headers and the decoded body.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub headers: Json,
    pub body: Json,
}

/// Decode kombu's JSON envelope: `body` is base64 of JSON when
/// `properties.body_encoding` says so (it always does on this transport),
/// else JSON text. None for anything that is not such an envelope.
pub fn decode_envelope(payload: &[u8]) -> Option<Envelope> {
    let v: Json = serde_json::from_slice(payload).ok()?;
    let raw = v.get("body")?;
    let body = match (raw, v["properties"]["body_encoding"].as_str()) {
        (Json::String(s), Some("base64")) => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(s.as_bytes())
                .ok()?;
            serde_json::from_slice(&bytes).ok()?
        }
        (Json::String(s), _) => serde_json::from_str(s).unwrap_or_else(|_| raw.clone()),
        (other, _) => other.clone(),
    };
    Some(Envelope {
        headers: v.get("headers").cloned().unwrap_or(Json::Null),
        body,
    })
}

/// A message for a fanout or direct exchange as kombu publishes it:
/// base64 JSON body, transient priority 0, a fresh delivery tag.
pub fn encode_envelope(body: &Json, headers: Json, exchange: &str, routing_key: &str) -> String {
    let body = base64::engine::general_purpose::STANDARD.encode(body.to_string());
    json!({
        "body": body,
        "content-encoding": "utf-8",
        "content-type": "application/json",
        "headers": headers,
        "properties": {
            "delivery_mode": 2,
            "delivery_info": {"exchange": exchange, "routing_key": routing_key},
            "priority": 0,
            "body_encoding": "base64",
            "delivery_tag": uuid::Uuid::new_v4().to_string(),
        },
    })
    .to_string()
}

/// The pub/sub channel of a fanout exchange: kombu's `fanout_prefix`
/// (`/{db}.`) and `fanout_patterns` (`/routing.key` appended), after the
/// `global_keyprefix`.
pub fn fanout_channel(
    layout: &BrokerLayout,
    db: i64,
    exchange: &str,
    routing_key: &str,
) -> Vec<u8> {
    let mut name = format!("/{db}.{exchange}");
    if !routing_key.is_empty() {
        name.push('/');
        name.push_str(routing_key);
    }
    layout.key(name.as_bytes())
}

/// The pattern that receives every worker event.
pub fn worker_events_pattern(layout: &BrokerLayout, db: i64) -> Vec<u8> {
    fanout_channel(layout, db, "celeryev", "worker.*")
}

/// Which worker event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Online,
    Heartbeat,
    Offline,
}

/// One worker event, decoded. Fields a heartbeat sent in answer to the
/// `heartbeat` control command lacks are None.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerEvent {
    pub kind: Kind,
    pub hostname: String,
    pub pid: Option<u64>,
    /// Seconds between heartbeats (`freq`, 2.0 by default).
    pub freq: f64,
    /// Tasks executing now.
    pub active: Option<u64>,
    /// Tasks taken since start.
    pub processed: Option<u64>,
    pub loadavg: Option<Vec<f64>>,
    pub sw_ver: Option<String>,
    /// The worker's own clock (epoch seconds).
    pub timestamp: Option<f64>,
}

/// Celery's default heartbeat interval.
pub const DEFAULT_FREQ: f64 = 2.0;

/// Decode a message received on a worker-event channel.
pub fn decode_worker_event(payload: &[u8]) -> Option<WorkerEvent> {
    let env = decode_envelope(payload)?;
    let b = &env.body;
    let kind = match b["type"].as_str()? {
        "worker-online" => Kind::Online,
        "worker-heartbeat" => Kind::Heartbeat,
        "worker-offline" => Kind::Offline,
        _ => return None,
    };
    let hostname = b["hostname"]
        .as_str()
        .or_else(|| env.headers["hostname"].as_str())?
        .to_string();
    Some(WorkerEvent {
        kind,
        hostname,
        pid: b["pid"].as_u64(),
        freq: b["freq"]
            .as_f64()
            .filter(|f| *f > 0.0)
            .unwrap_or(DEFAULT_FREQ),
        active: b["active"].as_u64(),
        processed: b["processed"].as_u64(),
        loadavg: b["loadavg"]
            .as_array()
            .map(|a| a.iter().filter_map(Json::as_f64).collect()),
        sw_ver: b["sw_ver"].as_str().map(str::to_string),
        timestamp: b["timestamp"].as_f64(),
    })
}

/// Celery's liveness rule (`celery/events/state.py`): a worker is alive
/// while `now < last event received + freq * 2`.
pub fn heartbeat_expires(last_received: f64, freq: f64) -> f64 {
    last_received + freq * 2.0
}

/// What the events said about one worker.
#[derive(Debug, Clone)]
pub struct Seen {
    /// When ldp received its last online or heartbeat event (epoch s).
    pub last_received: f64,
    pub freq: f64,
    /// Its last heartbeat's figures (or the online event's).
    pub last: WorkerEvent,
    /// Set by `worker-offline`, cleared by a later online or heartbeat.
    pub offline_at: Option<f64>,
}

impl Seen {
    /// Alive by Celery's rule, and not gone offline.
    pub fn alive(&self, now: f64) -> bool {
        self.offline_at.is_none() && now < heartbeat_expires(self.last_received, self.freq)
    }
}

/// Every worker the events spoke of, by hostname.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub workers: BTreeMap<String, Seen>,
}

impl Book {
    /// Take an event received at `at` (ldp's clock, as Celery uses the
    /// receiver's clock).
    pub fn record(&mut self, at: f64, ev: WorkerEvent) {
        match ev.kind {
            Kind::Offline => {
                if let Some(s) = self.workers.get_mut(&ev.hostname) {
                    s.offline_at = Some(at);
                } else {
                    self.workers.insert(
                        ev.hostname.clone(),
                        Seen {
                            last_received: at,
                            freq: ev.freq,
                            offline_at: Some(at),
                            last: ev,
                        },
                    );
                }
            }
            Kind::Online | Kind::Heartbeat => {
                let s = Seen {
                    last_received: at,
                    freq: ev.freq,
                    offline_at: None,
                    last: match self.workers.get(&ev.hostname) {
                        // A control-command heartbeat lacks the figures: keep the last ones.
                        Some(old) if ev.active.is_none() => WorkerEvent {
                            kind: ev.kind,
                            pid: ev.pid.or(old.last.pid),
                            timestamp: ev.timestamp,
                            ..old.last.clone()
                        },
                        _ => ev.clone(),
                    },
                };
                self.workers.insert(ev.hostname, s);
            }
        }
    }
}

/// A PSUBSCRIBE to the worker events; decoded events arrive with the time
/// ldp received them. Dropping it closes the subscription.
pub struct Listener {
    rx: mpsc::UnboundedReceiver<(f64, WorkerEvent)>,
    task: tokio::task::JoinHandle<()>,
}

impl Listener {
    /// Subscribe on `node` (the broker); returns once the server confirmed.
    pub async fn start(node: &Node, layout: &BrokerLayout, within: Duration) -> Result<Listener> {
        let mut ps = node.pubsub(within).await?;
        let pattern = worker_events_pattern(layout, node.db());
        tokio::time::timeout(within, ps.psubscribe(&pattern))
            .await
            .map_err(|_| anyhow::anyhow!("timed out"))
            .and_then(|r| r.map_err(anyhow::Error::new))
            .with_context(|| format!("PSUBSCRIBE to the worker events on {}", node.label))?;
        let (tx, rx) = mpsc::unbounded_channel();
        let task = tokio::spawn(async move {
            let mut stream = ps.into_on_message();
            while let Some(msg) = stream.next().await {
                if let Some(ev) = decode_worker_event(msg.get_payload_bytes())
                    && tx.send((crate::clock::unix_now(), ev)).is_err()
                {
                    return;
                }
            }
        });
        Ok(Listener { rx, task })
    }

    /// Every event received since the last call, into `book`; how many.
    pub fn drain_into(&mut self, book: &mut Book) -> usize {
        let mut n = 0;
        while let Ok((at, ev)) = self.rx.try_recv() {
            book.record(at, ev);
            n += 1;
        }
        n
    }

    /// Whether the subscription is still up.
    pub fn is_running(&self) -> bool {
        !self.task.is_finished()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heartbeat(host: &str, freq: Json, extra: Json) -> Vec<u8> {
        let mut body = json!({"hostname": host, "utcoffset": 0, "pid": 10904, "clock": 175,
            "freq": freq, "sw_ident": "py-celery", "sw_ver": "5.3.4", "sw_sys": "Linux",
            "timestamp": 1796338519.02, "type": "worker-heartbeat"});
        if let (Json::Object(b), Json::Object(e)) = (&mut body, extra) {
            b.extend(e);
        }
        encode_envelope(
            &body,
            json!({"hostname": host}),
            "celeryev",
            "worker.heartbeat",
        )
        .into_bytes()
    }

    #[test]
    fn decodes_heartbeats_with_and_without_figures() {
        let full = heartbeat(
            "w1@host-a",
            json!(2.0),
            json!({"active": 1, "processed": 7, "loadavg": [0.58, 0.72, 1.3]}),
        );
        let ev = decode_worker_event(&full).unwrap();
        assert_eq!(ev.kind, Kind::Heartbeat);
        assert_eq!(ev.hostname, "w1@host-a");
        assert_eq!((ev.active, ev.processed), (Some(1), Some(7)));
        assert_eq!(ev.freq, 2.0);
        // The control command's heartbeat: freq 5 as an int, no figures.
        let bare = decode_worker_event(&heartbeat("w1@host-a", json!(5), json!({}))).unwrap();
        assert_eq!((bare.freq, bare.active, &bare.loadavg), (5.0, None, &None));
        let mut book = Book::default();
        book.record(100.0, ev);
        book.record(101.0, bare);
        let s = &book.workers["w1@host-a"];
        assert_eq!(s.last.processed, Some(7), "figures kept");
        assert!(s.alive(110.9) && !s.alive(111.0), "freq 5: alive 10 s");
        assert!(decode_worker_event(b"not json").is_none());
    }

    #[test]
    fn offline_ends_it_at_once() {
        let mut book = Book::default();
        let on = decode_worker_event(&heartbeat("w@h", json!(2.0), json!({"active": 0}))).unwrap();
        book.record(10.0, on.clone());
        assert!(book.workers["w@h"].alive(13.9));
        assert!(!book.workers["w@h"].alive(14.0), "freq 2: 4 s");
        book.record(
            11.0,
            WorkerEvent {
                kind: Kind::Offline,
                ..on.clone()
            },
        );
        assert!(!book.workers["w@h"].alive(11.5));
        book.record(12.0, on);
        assert!(book.workers["w@h"].alive(12.5), "back online");
    }

    #[test]
    fn channels_follow_kombu() {
        let l = BrokerLayout::default();
        assert_eq!(
            worker_events_pattern(&l, 0),
            b"/0.celeryev/worker.*".to_vec()
        );
        assert_eq!(
            fanout_channel(&l, 3, "celery.pidbox", ""),
            b"/3.celery.pidbox".to_vec()
        );
        let p = BrokerLayout {
            prefix: b"pfx:".to_vec(),
            ..Default::default()
        };
        assert_eq!(
            fanout_channel(&p, 0, "celery.pidbox", ""),
            b"pfx:/0.celery.pidbox".to_vec()
        );
    }
}
