//! `ldp queue peek QUEUE`: the next messages in the order workers will take
//! them, decoded. Read-only (LLEN, LRANGE): nothing is popped.

use anyhow::{Context, Result};
use serde::Serialize;

use super::{check_queue, lists};
use crate::broker::message::Message;
use crate::bytes;
use crate::commands::Ctx;
use crate::exit::Exit;
use crate::output::{Output, Report};

/// Plain options of `queue peek`.
#[derive(Debug, Clone)]
pub struct PeekOptions {
    pub queue: String,
    pub limit: usize,
}

/// One waiting message.
#[derive(Debug, Serialize)]
struct Waiting {
    /// 1 = the next a worker takes.
    position: usize,
    /// The priority list it waits in (its priority step).
    step: u8,
    key: String,
    #[serde(flatten)]
    message: Message,
}

#[derive(Debug, Serialize)]
struct PeekReport {
    queue: String,
    /// Ready messages in all the queue's priority lists.
    ready: u64,
    messages: Vec<Waiting>,
}

impl Report for PeekReport {
    fn text(&self, out: &Output) -> String {
        let mut s = String::new();
        out.aside(
            &mut s,
            format!(
                "{}: {} ready; the next {} in the order workers take them",
                self.queue,
                out.count(self.ready),
                self.messages.len()
            ),
        );
        if self.messages.is_empty() {
            return s;
        }
        // On a terminal narrower than a full row, the task id, project,
        // priority and eta give way (JSON and a pipe have every field), so
        // the task and the document stay whole on one line.
        let narrow = out.stdout_tty && out.width < 170;
        let headers: &[&str] = if narrow {
            &["#", "step", "task", "document", "retries"]
        } else {
            &[
                "#", "step", "task", "id", "document", "project", "priority", "retries", "eta",
            ]
        };
        let mut t = out.table(headers);
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        for w in &self.messages {
            let m = &w.message;
            let task = match (&m.task, &m.undecodable) {
                (Some(t), _) => t.clone(),
                (None, Some(why)) => format!("(undecodable: {why})"),
                (None, None) => "-".into(),
            };
            let document = match m.documents {
                Some(n) if n > 1 => format!("{} (+{} more)", dash(&m.document), n - 1),
                _ => dash(&m.document),
            };
            let retries = m.retries.map_or("-".into(), |r| r.to_string());
            t.add_row(if narrow {
                vec![
                    w.position.to_string(),
                    w.step.to_string(),
                    task,
                    document,
                    retries,
                ]
            } else {
                vec![
                    w.position.to_string(),
                    w.step.to_string(),
                    task,
                    dash(&m.id),
                    document,
                    dash(&m.project),
                    m.priority.map_or("-".into(), |p| p.to_string()),
                    retries,
                    dash(&m.eta),
                ]
            });
        }
        s.push_str(&format!("{t}\n"));
        s
    }
}

/// `ldp queue peek`.
pub async fn peek(ctx: &Ctx, o: PeekOptions) -> Result<Exit> {
    check_queue(&o.queue)?;
    let broker = ctx.broker().await?;
    let node = broker.node(0);
    let mut ready = 0u64;
    let mut messages = Vec::new();
    for (step, key) in lists(&ctx.settings.broker_layout, &o.queue) {
        let len: u64 = node
            .read(redis::cmd("LLEN").arg(&key))
            .await
            .with_context(|| format!("LLEN {}", bytes::escape(&key)))?;
        ready += len;
        let want = o.limit.saturating_sub(messages.len());
        if want == 0 || len == 0 {
            continue;
        }
        // The tail is served first: the last `want` items, tail first.
        let items: Vec<Vec<u8>> = node
            .read(redis::cmd("LRANGE").arg(&key).arg(-(want as i64)).arg(-1))
            .await
            .with_context(|| format!("LRANGE {}", bytes::escape(&key)))?;
        for raw in items.iter().rev() {
            messages.push(Waiting {
                position: messages.len() + 1,
                step,
                key: bytes::escape(&key),
                message: Message::decode(raw),
            });
        }
    }
    ctx.out.print(&PeekReport {
        queue: o.queue,
        ready,
        messages,
    })?;
    Ok(Exit::Ok)
}
