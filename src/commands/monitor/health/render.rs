//! The renderers of a [`HealthReport`]: the table, the Nagios plugin format
//! and the Prometheus text exposition (JSON is its `Serialize`).

use std::fmt::Write as _;

use super::Status;
use super::model::{HealthReport, Perf};
use crate::output::{Output, Report};

impl HealthReport {
    /// The Nagios plugin format: `LDP STATUS - summary | perfdata`, then one line per check.
    pub fn nagios(&self) -> String {
        let mut s = format!(
            "LDP {} - {}",
            self.status.name(),
            self.summary().replace('|', "/")
        );
        let perf: Vec<String> = self
            .checks
            .iter()
            .flat_map(|c| c.perfdata.iter().map(move |p| (c, p)))
            .map(|(c, p)| {
                let label = match &c.node {
                    Some(n) if self.multi_node() => format!("{}@{n}", p.label),
                    _ => p.label.clone(),
                };
                let f = |x: Option<f64>| x.map(fmt_num).unwrap_or_default();
                let mut d = format!(
                    "'{}'={}{};{};{};{};{}",
                    label.replace('\'', ""),
                    fmt_num(p.value),
                    p.uom,
                    f(p.warn),
                    f(p.crit),
                    f(p.min),
                    f(p.max)
                );
                while d.ends_with(';') {
                    d.pop();
                }
                d
            })
            .collect();
        if !perf.is_empty() {
            s.push_str(" | ");
            s.push_str(&perf.join(" "));
        }
        s.push('\n');
        for c in &self.checks {
            let _ = writeln!(
                s,
                "[{}] {}{}: {} ({})",
                c.status.name(),
                c.name,
                c.node
                    .as_ref()
                    .or(c.queue.as_ref())
                    .map(|n| format!(" {n}"))
                    .unwrap_or_default(),
                c.value,
                c.message.replace('|', "/")
            );
        }
        s
    }

    fn multi_node(&self) -> bool {
        let mut nodes: Vec<&str> = self
            .checks
            .iter()
            .filter_map(|c| c.node.as_deref())
            .collect();
        nodes.sort();
        nodes.dedup();
        nodes.len() > 1
    }

    /// Prometheus text exposition: `ldp_` names, a `ldp_health_status` gauge.
    pub fn prometheus(&self) -> String {
        let mut s = String::new();
        s.push_str(
            "# HELP ldp_health_status Overall health: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n",
        );
        s.push_str("# TYPE ldp_health_status gauge\n");
        let _ = writeln!(s, "ldp_health_status {}", self.status.code());
        s.push_str("# HELP ldp_health_check_status Status of one check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n");
        s.push_str("# TYPE ldp_health_check_status gauge\n");
        for c in &self.checks {
            let mut labels = vec![("check", c.name.to_string())];
            if let Some(n) = &c.node {
                labels.push(("node", n.clone()));
            }
            if let Some(q) = &c.queue {
                labels.push(("queue", q.clone()));
            }
            let _ = writeln!(
                s,
                "ldp_health_check_status{} {}",
                prom_labels(&labels),
                c.status.code()
            );
        }
        let mut by_metric: Vec<(&'static str, bool, Vec<&Perf>)> = Vec::new();
        for p in self.checks.iter().flat_map(|c| &c.perfdata) {
            match by_metric.iter_mut().find(|(m, _, _)| *m == p.metric) {
                Some((_, _, v)) => v.push(p),
                None => by_metric.push((p.metric, p.counter, vec![p])),
            }
        }
        for (metric, counter, perfs) in by_metric {
            let _ = writeln!(s, "# HELP {metric} {}", help_for(metric));
            let _ = writeln!(
                s,
                "# TYPE {metric} {}",
                if counter { "counter" } else { "gauge" }
            );
            for p in perfs {
                let labels: Vec<(&str, String)> =
                    p.labels.iter().map(|(k, v)| (*k, v.clone())).collect();
                let value = match metric {
                    "ldp_redis_ping_latency_seconds" => p.value / 1000.0,
                    "ldp_redis_memory_used_ratio" => p.value / 100.0,
                    _ => p.value,
                };
                let _ = writeln!(s, "{metric}{} {}", prom_labels(&labels), fmt_num(value));
            }
        }
        let _ = writeln!(
            s,
            "# HELP ldp_health_duration_seconds Time the health run took."
        );
        let _ = writeln!(s, "# TYPE ldp_health_duration_seconds gauge");
        let _ = writeln!(
            s,
            "ldp_health_duration_seconds {}",
            fmt_num(self.elapsed.as_secs_f64())
        );
        s
    }
}

fn help_for(metric: &str) -> &'static str {
    match metric {
        "ldp_redis_ping_latency_seconds" => "PING round trip (median of three).",
        "ldp_redis_memory_used_bytes" => "used_memory from INFO.",
        "ldp_redis_memory_used_ratio" => "used_memory / maxmemory.",
        "ldp_redis_evicted_keys_total" => "evicted_keys from INFO.",
        "ldp_redis_rejected_connections_total" => "rejected_connections from INFO.",
        "ldp_redis_mem_fragmentation_ratio" => "mem_fragmentation_ratio from INFO.",
        "ldp_redis_connected_clients" => "connected_clients from INFO.",
        "ldp_redis_blocked_clients" => "blocked_clients from INFO.",
        "ldp_redis_cluster_slots_ok" => "cluster_slots_ok from CLUSTER INFO.",
        "ldp_celery_queue_ready" => "Ready messages of a Celery queue (all priority lists).",
        "ldp_celery_unacked" => "Delivered, unacknowledged Celery messages.",
        "ldp_celery_unacked_overdue" => {
            "Unacked messages past the visibility timeout (to be redelivered)."
        }
        "ldp_locks_without_ttl" => "Locks that never expire.",
        "ldp_documents_stuck" => "Documents in flight for longer than --stuck-after.",
        _ => "ldp health figure.",
    }
}

fn prom_labels(labels: &[(&str, String)]) -> String {
    if labels.is_empty() {
        return String::new();
    }
    let inner: Vec<String> = labels
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}=\"{}\"",
                v.replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('\n', "\\n")
            )
        })
        .collect();
    format!("{{{}}}", inner.join(","))
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

impl Report for HealthReport {
    fn json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
    fn text(&self, out: &Output) -> String {
        let mut t = out.table(&["status", "check", "where", "value", "message"]);
        for c in &self.checks {
            let st = c.status.name();
            let st = if out.color {
                match c.status {
                    Status::Ok => console::style(st).green().to_string(),
                    Status::Warning => console::style(st).yellow().bold().to_string(),
                    Status::Critical => console::style(st).red().bold().to_string(),
                    Status::Unknown => console::style(st).magenta().to_string(),
                }
            } else {
                st.to_string()
            };
            t.add_row(vec![
                st,
                c.name.to_string(),
                c.node
                    .clone()
                    .or_else(|| c.queue.clone())
                    .unwrap_or_default(),
                c.value.clone(),
                c.message.clone(),
            ]);
        }
        format!("{t}\nLDP {} - {}\n", self.status.name(), self.summary())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(0.25), "0.25");
        assert_eq!(fmt_num(1.0 / 3.0), "0.333333");
    }
}
