//! The renderers of a [`CheckReport`]: the table, the Nagios plugin format
//! and the Prometheus text exposition (JSON is its `Serialize`).

use std::fmt::Write as _;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{
    DescriptorEncoder, EncodeMetric, MetricEncoder, prometheus_text,
};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::registry::Registry;

use super::model::{CheckReport, Perf};
use crate::exit::Status;
use crate::output::{Output, Report};

impl CheckReport {
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

    /// Prometheus text exposition (format 0.0.4, what node_exporter's
    /// textfile collector reads): `ldp_` names, a `ldp_health_status` gauge.
    pub fn prometheus(&self) -> String {
        let mut registry = Registry::default();
        registry.register_collector(Box::new(Exposition(self.families())));
        let mut s = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_text::encode(&mut s, &registry);
        s
    }

    /// The report as metric families, in output order: the overall status,
    /// one status per check, the perfdata by metric (first seen first), the
    /// run's duration.
    fn families(&self) -> Vec<Family> {
        let mut checks = Family::gauge(
            "ldp_health_check_status",
            "Status of one check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
        );
        for c in &self.checks {
            let mut labels = vec![("check", c.name.to_string())];
            labels.extend(c.node.clone().map(|n| ("node", n)));
            labels.extend(c.queue.clone().map(|q| ("queue", q)));
            checks.sample(labels, c.status.code().into());
        }
        let mut out = vec![
            Family::gauge(
                "ldp_health_status",
                "Overall health: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
            )
            .with(Vec::new(), self.status.code().into()),
            checks,
        ];
        let first = out.len();
        for p in self.checks.iter().flat_map(|c| &c.perfdata) {
            let family = match out[first..].iter().position(|f| f.metric == p.metric) {
                Some(i) => &mut out[first + i],
                None => {
                    out.push(Family::of(p));
                    out.last_mut().expect("just pushed")
                }
            };
            let value = match p.metric {
                "ldp_redis_ping_latency_seconds" => p.value / 1000.0,
                "ldp_redis_memory_used_ratio" => p.value / 100.0,
                _ => p.value,
            };
            family.sample(
                p.labels.iter().map(|(k, v)| (*k, v.clone())).collect(),
                value,
            );
        }
        out.push(
            Family::gauge("ldp_health_duration_seconds", "Time the health run took.")
                .with(Vec::new(), self.elapsed.as_secs_f64()),
        );
        out
    }
}

/// One metric family: name, HELP text, type and its samples (labels, value).
#[derive(Debug)]
struct Family {
    metric: &'static str,
    help: &'static str,
    counter: bool,
    samples: Vec<(Vec<(&'static str, String)>, f64)>,
}

impl Family {
    fn gauge(metric: &'static str, help: &'static str) -> Family {
        Family {
            metric,
            help,
            counter: false,
            samples: Vec::new(),
        }
    }

    /// The family a perfdata item belongs to.
    fn of(p: &Perf) -> Family {
        Family {
            counter: p.counter,
            ..Family::gauge(p.metric, help_for(p.metric))
        }
    }

    fn sample(&mut self, labels: Vec<(&'static str, String)>, value: f64) {
        self.samples.push((labels, value));
    }

    fn with(mut self, labels: Vec<(&'static str, String)>, value: f64) -> Family {
        self.sample(labels, value);
        self
    }
}

/// The families handed to prometheus-client's encoder, which writes the
/// HELP/TYPE lines, the names (a counter's `_total`) and escapes label values.
#[derive(Debug)]
struct Exposition(Vec<Family>);

impl Collector for Exposition {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        for f in &self.0 {
            // The encoder adds `_total` to a counter's name.
            let (name, kind) = match f.metric.strip_suffix("_total") {
                Some(base) if f.counter => (base, MetricType::Counter),
                _ => (f.metric, MetricType::Gauge),
            };
            let mut metric = encoder.encode_descriptor(name, f.help, None, kind)?;
            for (labels, value) in &f.samples {
                // An empty label set writes no braces.
                encode_value(metric.encode_family(labels)?, f.counter, *value)?;
            }
        }
        Ok(())
    }
}

/// A whole number as an integer, anything else to six decimals (as in the
/// Nagios perfdata), so the exposition carries no float noise.
fn encode_value(m: MetricEncoder, counter: bool, v: f64) -> Result<(), std::fmt::Error> {
    let v = round6(v);
    let whole = v.fract() == 0.0 && v.abs() < 9e18;
    match (counter, whole) {
        (true, true) if v >= 0.0 => ConstCounter::new(v as u64).encode(m),
        (true, _) => ConstCounter::new(round6(v)).encode(m),
        (false, true) => ConstGauge::new(v as i64).encode(m),
        (false, false) => ConstGauge::new(round6(v)).encode(m),
    }
}

/// Rounded to six decimals exactly as `fmt_num` prints it.
fn round6(v: f64) -> f64 {
    fmt_num(v).parse().unwrap_or(v)
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
        "ldp_workers_online" => "Celery workers that answered a remote-control request.",
        "ldp_clients_connections" => "Connections from one client host (CLIENT LIST, all nodes).",
        "ldp_locks_without_ttl" => "Locks that never expire.",
        "ldp_documents_stuck" => "Documents in flight for longer than --stuck-after.",
        _ => "ldp health figure.",
    }
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

impl Report for CheckReport {
    fn text(&self, out: &Output) -> String {
        // A hint column only when a check carries one (`ldp doctor`).
        let hints = self.checks.iter().any(|c| c.hint.is_some());
        let mut headers = vec!["status", "check", "where", "value", "message"];
        if hints {
            headers.push("hint");
        }
        let mut t = out.table(&headers);
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
            let mut row = vec![
                st,
                c.name.to_string(),
                c.node
                    .clone()
                    .or_else(|| c.queue.clone())
                    .unwrap_or_default(),
                c.value.clone(),
                c.message.clone(),
            ];
            if hints {
                row.push(c.hint.clone().unwrap_or_default());
            }
            t.add_row(row);
        }
        format!("{t}\nLDP {} - {}\n", self.status.name(), self.summary())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::check::{Check, Status};

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(0.25), "0.25");
        assert_eq!(fmt_num(1.0 / 3.0), "0.333333");
    }

    /// Every kind of sample the report makes (labels to escape, counters,
    /// tiny, huge, whole and fractional values), against the text the
    /// hand-written exposition printed before prometheus-client took over.
    fn fixture() -> CheckReport {
        let node = "we\"ird\\node\n1";
        // A check with one figure; `on` is (label, value) of its node or queue.
        let check = |name, st, on: Option<(&'static str, &str)>, metric, value| {
            let mut p = Perf::gauge(metric, String::new(), value, "");
            let mut c = Check::new(name, None, st, "x".into(), "m".into());
            match on {
                Some(("queue", q)) => c = c.about_queue(q),
                Some((_, n)) => c.node = Some(n.to_string()),
                None => {}
            }
            if let Some((k, v)) = on {
                p = p.labelled(k, v);
            }
            c.perf(p)
        };
        let n = Some(("node", node));
        let (b, c) = (Some(("node", "b:2")), Some(("node", "c:3")));
        let mut evictions = check(
            "evictions",
            Status::Ok,
            b,
            "ldp_redis_evicted_keys_total",
            12.0,
        );
        evictions.perfdata[0].counter = true;
        let mut none = check(
            "evictions",
            Status::Ok,
            c,
            "ldp_redis_evicted_keys_total",
            0.0,
        );
        none.perfdata[0].counter = true;
        let checks =
            vec![
                Check::new(
                    "reachable",
                    Some(node),
                    Status::Ok,
                    "up".into(),
                    "answers".into(),
                ),
                check(
                    "latency",
                    Status::Ok,
                    n,
                    "ldp_redis_ping_latency_seconds",
                    0.087345,
                ),
                check(
                    "memory",
                    Status::Warning,
                    n,
                    "ldp_redis_memory_used_bytes",
                    1154464.0,
                )
                .perf(
                    Perf::gauge("ldp_redis_memory_used_ratio", String::new(), 1.7203421, "%")
                        .labelled("node", node),
                ),
                evictions,
                check(
                    "fragmentation",
                    Status::Ok,
                    b,
                    "ldp_redis_mem_fragmentation_ratio",
                    7.26,
                ),
                none,
                check(
                    "clients",
                    Status::Ok,
                    c,
                    "ldp_redis_connected_clients",
                    3e15,
                ),
                check(
                    "blocked_clients",
                    Status::Ok,
                    c,
                    "ldp_redis_blocked_clients",
                    0.0000004,
                ),
                check(
                    "cluster",
                    Status::Critical,
                    None,
                    "ldp_redis_cluster_slots_ok",
                    16384.0,
                ),
                check(
                    "queues",
                    Status::Ok,
                    Some(("queue", "batch.high")),
                    "ldp_celery_queue_ready",
                    5.0,
                ),
                check(
                    "queues",
                    Status::Ok,
                    Some(("queue", "ocr")),
                    "ldp_celery_queue_ready",
                    0.0,
                ),
                check("unacked", Status::Unknown, None, "ldp_celery_unacked", 1.0).perf(
                    Perf::gauge("ldp_celery_unacked_overdue", String::new(), 0.0, ""),
                ),
                check("stuck", Status::Ok, None, "ldp_documents_stuck", 1.0 / 3.0),
                check("locks", Status::Ok, None, "ldp_locks_without_ttl", 0.000015),
            ];
        CheckReport {
            status: Status::Critical,
            target: "t".into(),
            checks,
            elapsed: Duration::from_micros(1_234_567),
        }
    }

    #[test]
    fn prometheus_exposition_is_unchanged() {
        assert_eq!(fixture().prometheus(), EXPECTED_PROMETHEUS);
    }

    const EXPECTED_PROMETHEUS: &str = r#"# HELP ldp_health_status Overall health: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
# TYPE ldp_health_status gauge
ldp_health_status 2
# HELP ldp_health_check_status Status of one check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
# TYPE ldp_health_check_status gauge
ldp_health_check_status{check="reachable",node="we\"ird\\node\n1"} 0
ldp_health_check_status{check="latency",node="we\"ird\\node\n1"} 0
ldp_health_check_status{check="memory",node="we\"ird\\node\n1"} 1
ldp_health_check_status{check="evictions",node="b:2"} 0
ldp_health_check_status{check="fragmentation",node="b:2"} 0
ldp_health_check_status{check="evictions",node="c:3"} 0
ldp_health_check_status{check="clients",node="c:3"} 0
ldp_health_check_status{check="blocked_clients",node="c:3"} 0
ldp_health_check_status{check="cluster"} 2
ldp_health_check_status{check="queues",queue="batch.high"} 0
ldp_health_check_status{check="queues",queue="ocr"} 0
ldp_health_check_status{check="unacked"} 3
ldp_health_check_status{check="stuck"} 0
ldp_health_check_status{check="locks"} 0
# HELP ldp_redis_ping_latency_seconds PING round trip (median of three).
# TYPE ldp_redis_ping_latency_seconds gauge
ldp_redis_ping_latency_seconds{node="we\"ird\\node\n1"} 0.000087
# HELP ldp_redis_memory_used_bytes used_memory from INFO.
# TYPE ldp_redis_memory_used_bytes gauge
ldp_redis_memory_used_bytes{node="we\"ird\\node\n1"} 1154464
# HELP ldp_redis_memory_used_ratio used_memory / maxmemory.
# TYPE ldp_redis_memory_used_ratio gauge
ldp_redis_memory_used_ratio{node="we\"ird\\node\n1"} 0.017203
# HELP ldp_redis_evicted_keys_total evicted_keys from INFO.
# TYPE ldp_redis_evicted_keys_total counter
ldp_redis_evicted_keys_total{node="b:2"} 12
ldp_redis_evicted_keys_total{node="c:3"} 0
# HELP ldp_redis_mem_fragmentation_ratio mem_fragmentation_ratio from INFO.
# TYPE ldp_redis_mem_fragmentation_ratio gauge
ldp_redis_mem_fragmentation_ratio{node="b:2"} 7.26
# HELP ldp_redis_connected_clients connected_clients from INFO.
# TYPE ldp_redis_connected_clients gauge
ldp_redis_connected_clients{node="c:3"} 3000000000000000
# HELP ldp_redis_blocked_clients blocked_clients from INFO.
# TYPE ldp_redis_blocked_clients gauge
ldp_redis_blocked_clients{node="c:3"} 0
# HELP ldp_redis_cluster_slots_ok cluster_slots_ok from CLUSTER INFO.
# TYPE ldp_redis_cluster_slots_ok gauge
ldp_redis_cluster_slots_ok 16384
# HELP ldp_celery_queue_ready Ready messages of a Celery queue (all priority lists).
# TYPE ldp_celery_queue_ready gauge
ldp_celery_queue_ready{queue="batch.high"} 5
ldp_celery_queue_ready{queue="ocr"} 0
# HELP ldp_celery_unacked Delivered, unacknowledged Celery messages.
# TYPE ldp_celery_unacked gauge
ldp_celery_unacked 1
# HELP ldp_celery_unacked_overdue Unacked messages past the visibility timeout (to be redelivered).
# TYPE ldp_celery_unacked_overdue gauge
ldp_celery_unacked_overdue 0
# HELP ldp_documents_stuck Documents in flight for longer than --stuck-after.
# TYPE ldp_documents_stuck gauge
ldp_documents_stuck 0.333333
# HELP ldp_locks_without_ttl Locks that never expire.
# TYPE ldp_locks_without_ttl gauge
ldp_locks_without_ttl 0.000015
# HELP ldp_health_duration_seconds Time the health run took.
# TYPE ldp_health_duration_seconds gauge
ldp_health_duration_seconds 1.234567
"#;
}
