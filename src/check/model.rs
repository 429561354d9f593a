//! The check model: a [`Check`] is one verdict (status, value, message), a
//! [`Perf`] one figure behind it (Nagios perfdata, a Prometheus sample), and
//! a [`CheckReport`] the whole run.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::exit::Status;

/// One performance datum (Nagios perfdata; Prometheus gauge).
#[derive(Debug, Clone, Serialize)]
pub struct Perf {
    pub label: String,
    pub value: f64,
    pub uom: &'static str,
    pub warn: Option<f64>,
    pub crit: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Prometheus metric name (without labels) and whether it is a counter.
    #[serde(skip)]
    pub metric: &'static str,
    #[serde(skip)]
    pub counter: bool,
    #[serde(skip)]
    pub labels: Vec<(&'static str, String)>,
}

impl Perf {
    pub fn gauge(metric: &'static str, label: String, value: f64, uom: &'static str) -> Perf {
        Perf {
            label,
            value,
            uom,
            warn: None,
            crit: None,
            min: None,
            max: None,
            metric,
            counter: false,
            labels: Vec::new(),
        }
    }
    pub fn thresholds(mut self, warn: Option<f64>, crit: Option<f64>) -> Perf {
        self.warn = warn;
        self.crit = crit;
        self
    }
    pub fn range(mut self, min: Option<f64>, max: Option<f64>) -> Perf {
        self.min = min;
        self.max = max;
        self
    }
    pub fn labelled(mut self, k: &'static str, v: &str) -> Perf {
        self.labels.push((k, v.to_string()));
        self
    }
    pub fn counter(mut self) -> Perf {
        self.counter = true;
        self
    }
}

/// One check's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// The Celery queue a `queues` check is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    pub status: Status,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// Why it is not OK (or what it found).
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub perfdata: Vec<Perf>,
    /// How to fix it (`ldp doctor`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Check {
    pub fn new(
        name: &'static str,
        node: Option<&str>,
        status: Status,
        value: String,
        message: String,
    ) -> Check {
        Check {
            name,
            node: node.map(str::to_string),
            queue: None,
            status,
            value,
            threshold: None,
            message,
            perfdata: Vec::new(),
            hint: None,
        }
    }
    /// How to fix what the check found.
    pub fn hint(mut self, h: impl Into<String>) -> Check {
        self.hint = Some(h.into());
        self
    }
    /// A check that could not run: UNKNOWN, with the error.
    pub fn failed(name: &'static str, e: &anyhow::Error) -> Check {
        Check::new(
            name,
            None,
            Status::Unknown,
            "?".into(),
            crate::error::one_line(e),
        )
    }
    pub fn about_queue(mut self, q: &str) -> Check {
        self.queue = Some(q.to_string());
        self
    }
    pub fn threshold(mut self, t: String) -> Check {
        self.threshold = Some(t);
        self
    }
    pub fn perf(mut self, p: Perf) -> Check {
        self.perfdata.push(p);
        self
    }
}

/// The whole health report.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub status: Status,
    pub target: String,
    pub checks: Vec<Check>,
    #[serde(skip)]
    pub elapsed: Duration,
}

impl CheckReport {
    /// The report of these checks: the worst status wins.
    pub fn of(target: String, checks: Vec<Check>, started: Instant) -> CheckReport {
        CheckReport {
            status: checks.iter().fold(Status::Ok, |s, c| s.worst(c.status)),
            target,
            checks,
            elapsed: started.elapsed(),
        }
    }

    pub fn summary(&self) -> String {
        let bad: Vec<String> = self
            .checks
            .iter()
            .filter(|c| c.status != Status::Ok)
            .map(|c| match &c.node {
                Some(n)
                    if self
                        .checks
                        .iter()
                        .any(|x| x.node.as_deref() != Some(n.as_str()) && x.node.is_some()) =>
                {
                    format!("{} on {n}: {}", c.name, c.message)
                }
                _ => format!("{}: {}", c.name, c.message),
            })
            .collect();
        if bad.is_empty() {
            format!("{} checks OK on {}", self.checks.len(), self.target)
        } else {
            bad.join("; ")
        }
    }
}

pub fn by_threshold(v: f64, warn: f64, crit: f64) -> Status {
    if v >= crit {
        Status::Critical
    } else if v >= warn {
        Status::Warning
    } else {
        Status::Ok
    }
}
