//! `ldp monitor clients`: every connection the servers hold (`CLIENT LIST`
//! on every primary, and on the broker when it is another server), grouped
//! by client host and by name/library, against the pipeline's pool size per
//! process and each server's `maxclients`. The parsing and grouping are
//! [`crate::redis::clients`]; this is the view.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use crate::commands::Ctx;
use crate::exit::Exit;
use crate::output::{self, Output, Report};
use crate::redis::clients::{self as cl, HostGroup, NodeClients};

/// Plain options of `monitor clients`.
#[derive(Debug, Clone)]
pub struct ClientsOptions {
    pub idle_over: Duration,
    /// Overrides the pipeline's REDIS_MAX_CONNECTIONS.
    pub pool_size: Option<u64>,
}

#[derive(Debug, Serialize)]
struct HostRow {
    #[serde(flatten)]
    group: HostGroup,
    /// More connections to one server than one process's pool allows.
    over_pool: bool,
}

#[derive(Debug, Serialize)]
struct NameRow {
    name: String,
    connections: u64,
    hosts: Vec<String>,
}

#[derive(Debug, Serialize)]
struct NodeRow {
    node: String,
    connections: u64,
    maxclients: Option<u64>,
    /// connections / maxclients, in percent.
    used_pct: Option<f64>,
}

#[derive(Debug, Serialize)]
struct ClientsReport {
    hosts: Vec<HostRow>,
    names: Vec<NameRow>,
    nodes: Vec<NodeRow>,
    total: u64,
    /// The servers' maxclients added up (None when a server did not say).
    maxclients: Option<u64>,
    pool_size: u64,
    /// The idle threshold, in seconds.
    idle_over: u64,
}

impl Report for ClientsReport {
    fn text(&self, out: &Output) -> String {
        let idle_head = format!("idle>{}", output::compact(self.idle_over));
        let mut t = out.table(&[
            "host", "conns", "of pool", &idle_head, "max idle", "blocked", "pubsub", "memory",
            "out buf", "oldest", "names",
        ]);
        // An address is an identifier, not a number: whole, left-aligned.
        t.whole(&[0]);
        for h in &self.hosts {
            let g = &h.group;
            let per = format!("{}/{}", g.max_per_node, self.pool_size);
            t.add_row(vec![
                g.host.clone(),
                out.count(g.connections),
                if h.over_pool && out.color {
                    console::style(per).red().bold().to_string()
                } else if h.over_pool {
                    format!("{per} !")
                } else {
                    per
                },
                out.count(g.idle_over),
                output::compact(g.idle_max),
                out.count(g.blocked),
                out.count(g.subscribed),
                out.bytes(g.tot_mem),
                out.bytes(g.omem),
                output::compact(g.age_max),
                if g.names.is_empty() {
                    "-".into()
                } else {
                    g.names.join(", ")
                },
            ]);
        }
        let mut text = format!("{t}\n");
        if out.aligned() && !self.names.is_empty() {
            let mut n = out.table(&["name", "conns", "hosts"]);
            for r in &self.names {
                n.add_row(vec![
                    r.name.clone(),
                    out.count(r.connections),
                    r.hosts.join(", "),
                ]);
            }
            text.push_str(&format!("\n{n}\n"));
        }
        let limit = match self.maxclients {
            Some(m) if m > 0 => format!(
                " of maxclients {} ({:.1}%)",
                output::thousands(m),
                self.total as f64 * 100.0 / m as f64
            ),
            _ => " (maxclients not available here)".into(),
        };
        let mut summary = format!(
            "{} connection(s) on {} server(s){limit}, ldp's own included; pool {} per process",
            output::thousands(self.total),
            self.nodes.len(),
            self.pool_size
        );
        let over: Vec<&str> = self
            .hosts
            .iter()
            .filter(|h| h.over_pool)
            .map(|h| h.group.host.as_str())
            .collect();
        if !over.is_empty() {
            summary.push_str(&format!(
                "; over one pool to a server: {} (several processes there, or a leak)",
                over.join(", ")
            ));
        }
        out.aside(&mut text, summary);
        text
    }
}

fn report(nodes: &[NodeClients], idle_over: Duration, pool_size: u64) -> ClientsReport {
    let idle = idle_over.as_secs();
    let hosts: Vec<HostRow> = cl::by_host(nodes, idle)
        .into_iter()
        .map(|g| HostRow {
            over_pool: g.max_per_node > pool_size,
            group: g,
        })
        .collect();
    let mut names: BTreeMap<String, NameRow> = BTreeMap::new();
    for c in nodes.iter().flat_map(|n| &n.clients) {
        if let Some(label) = cl::name_label(c) {
            let r = names.entry(label.clone()).or_insert_with(|| NameRow {
                name: label,
                connections: 0,
                hosts: Vec::new(),
            });
            r.connections += 1;
            if !r.hosts.contains(&c.host) {
                r.hosts.push(c.host.clone());
            }
        }
    }
    let node_rows: Vec<NodeRow> = nodes
        .iter()
        .map(|n| NodeRow {
            node: n.node.clone(),
            connections: n.clients.len() as u64,
            maxclients: n.maxclients,
            used_pct: n
                .maxclients
                .filter(|m| *m > 0)
                .map(|m| n.clients.len() as f64 * 100.0 / m as f64),
        })
        .collect();
    let maxclients = nodes.iter().map(|n| n.maxclients).sum::<Option<u64>>();
    ClientsReport {
        total: node_rows.iter().map(|n| n.connections).sum(),
        hosts,
        names: names.into_values().collect(),
        nodes: node_rows,
        maxclients,
        pool_size,
        idle_over: idle,
    }
}

/// `ldp monitor clients`.
pub async fn clients(ctx: &Ctx, o: ClientsOptions) -> Result<Exit> {
    let redis = ctx.redis().await?;
    let broker = if ctx.settings.broker.urls != ctx.settings.redis.urls {
        Some(ctx.broker().await?)
    } else {
        None
    };
    let mut deployments = vec![&redis];
    deployments.extend(broker.as_ref());
    let nodes = cl::gather(&deployments).await?;
    let pool = o.pool_size.unwrap_or(ctx.settings.pool_size);
    ctx.out.print(&report(&nodes, o.idle_over, pool))?;
    Ok(Exit::Ok)
}
