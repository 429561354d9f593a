//! `CLIENT LIST`: every connection one server holds, parsed into plain
//! values (the server's `key=value` fields; unknown or missing ones default).

use anyhow::{Context, Result};

use super::Node;

/// One connection as `CLIENT LIST` describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Client {
    pub id: u64,
    /// `host:port` of the client (or a socket path).
    pub addr: String,
    /// The host part of `addr` (IPv6 without brackets).
    pub host: String,
    /// `CLIENT SETNAME`, empty when never set.
    pub name: String,
    /// `CLIENT SETINFO LIB-NAME` (Redis 7.2+), empty when not set.
    pub lib_name: String,
    pub lib_ver: String,
    /// Seconds since the connection opened.
    pub age: u64,
    /// Seconds since its last command.
    pub idle: u64,
    pub flags: String,
    pub db: i64,
    /// Channel, pattern and shard-channel subscriptions.
    pub sub: u64,
    pub psub: u64,
    pub ssub: u64,
    /// The last command (`brpop`, `client|list`, ...).
    pub cmd: String,
    /// Output-buffer memory, and all the memory the connection uses.
    pub omem: u64,
    pub tot_mem: u64,
    pub user: String,
}

impl Client {
    /// Blocked in a blocking command (BRPOP, BLPOP, XREAD BLOCK, WAIT ...).
    pub fn blocked(&self) -> bool {
        self.flags.contains('b')
    }

    /// In pub/sub mode (any subscription).
    pub fn subscribed(&self) -> bool {
        self.sub + self.psub + self.ssub > 0 || self.flags.contains('P')
    }

    /// A replica or the primary link, not an application client.
    pub fn replication(&self) -> bool {
        self.flags.contains('S') || self.flags.contains('M')
    }
}

/// The host of a client address: `10.0.0.5:51234` -> `10.0.0.5`,
/// `[::1]:6000` -> `::1`, a unix socket path stays whole.
pub fn host_of(addr: &str) -> String {
    match addr.rsplit_once(':') {
        Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) && !h.is_empty() => {
            h.trim_start_matches('[').trim_end_matches(']').to_string()
        }
        _ => addr.to_string(),
    }
}

/// Parse the text of `CLIENT LIST`: one connection per line, `key=value`
/// fields separated by spaces (values hold no spaces, except `name` which
/// Redis refuses to contain them).
pub fn parse(text: &str) -> Vec<Client> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(parse_line)
        .collect()
}

fn parse_line(line: &str) -> Client {
    let mut c = Client::default();
    let num = |v: &str| v.parse::<u64>().unwrap_or(0);
    for field in line.split(' ') {
        let Some((k, v)) = field.split_once('=') else {
            continue;
        };
        match k {
            "id" => c.id = num(v),
            "addr" => c.addr = v.to_string(),
            "name" => c.name = v.to_string(),
            "lib-name" => c.lib_name = v.to_string(),
            "lib-ver" => c.lib_ver = v.to_string(),
            "age" => c.age = num(v),
            "idle" => c.idle = num(v),
            "flags" => c.flags = v.to_string(),
            "db" => c.db = v.parse().unwrap_or(0),
            "sub" => c.sub = num(v),
            "psub" => c.psub = num(v),
            "ssub" => c.ssub = num(v),
            "cmd" => c.cmd = v.to_string(),
            "omem" => c.omem = num(v),
            "tot-mem" => c.tot_mem = num(v),
            "user" => c.user = v.to_string(),
            _ => {}
        }
    }
    c.host = host_of(&c.addr);
    c
}

/// One server's connections, with what identifies the server and its limit.
#[derive(Debug, Clone)]
pub struct NodeClients {
    /// `host:port` of the server.
    pub node: String,
    /// `run_id`: the same server reached under two URLs is listed once.
    pub run_id: String,
    /// `maxclients` (INFO clients, else CONFIG GET; None when both are refused).
    pub maxclients: Option<u64>,
    pub clients: Vec<Client>,
}

/// `CLIENT LIST` and the server's identity and `maxclients`, one pipelined
/// round trip (plus CONFIG GET where INFO lacks `maxclients`, before 7.0).
pub async fn node_clients(node: &Node) -> Result<NodeClients> {
    let mut p = redis::pipe();
    p.cmd("INFO")
        .arg("server")
        .cmd("INFO")
        .arg("clients")
        .cmd("CLIENT")
        .arg("LIST");
    let (server, info_clients, list): (String, String, String) = node
        .pipe_read(&p)
        .await
        .with_context(|| format!("CLIENT LIST on {}", node.label))?;
    let server = super::info::parse_info(&server);
    let info_clients = super::info::parse_info(&info_clients);
    let mut maxclients = super::info::num(&info_clients, "maxclients").map(|n| n as u64);
    if maxclients.is_none() {
        // Managed services may refuse CONFIG: then the limit is unknown.
        let got: Result<Vec<String>, _> = node
            .read(redis::cmd("CONFIG").arg("GET").arg("maxclients"))
            .await;
        maxclients = got.ok().and_then(|v| v.get(1).and_then(|n| n.parse().ok()));
    }
    Ok(NodeClients {
        node: node.addr.clone(),
        run_id: super::info::text(&server, "run_id")
            .unwrap_or_default()
            .to_string(),
        maxclients,
        clients: parse(&list),
    })
}

/// The connections of every node of these deployments (every primary of a
/// cluster; the broker when it is another server), all at once, each
/// server once.
pub async fn gather(deployments: &[&super::Redis]) -> Result<Vec<NodeClients>> {
    let nodes: Vec<&Node> = deployments.iter().flat_map(|r| r.nodes()).collect();
    let got = futures_util::future::join_all(nodes.into_iter().map(node_clients)).await;
    let mut out: Vec<NodeClients> = Vec::new();
    for g in got {
        let g = g?;
        if g.run_id.is_empty() || !out.iter().any(|o| o.run_id == g.run_id) {
            out.push(g);
        }
    }
    Ok(out)
}

/// The connections of one client host, over every node.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct HostGroup {
    pub host: String,
    pub connections: u64,
    /// Per server (`host:port`): this host's connections to it.
    pub per_node: std::collections::BTreeMap<String, u64>,
    /// The most this host holds to any one server: what one pool per
    /// process is judged against.
    pub max_per_node: u64,
    pub idle_max: u64,
    /// Connections idle longer than the threshold.
    pub idle_over: u64,
    pub blocked: u64,
    pub subscribed: u64,
    pub tot_mem: u64,
    pub omem: u64,
    pub age_max: u64,
    /// Distinct names and libraries its connections set.
    pub names: Vec<String>,
}

/// Group connections by client host (most connections first); `idle_over`
/// is the idle threshold in seconds.
pub fn by_host(nodes: &[NodeClients], idle_over: u64) -> Vec<HostGroup> {
    let mut map: std::collections::BTreeMap<String, HostGroup> = Default::default();
    for n in nodes {
        for c in &n.clients {
            let g = map.entry(c.host.clone()).or_insert_with(|| HostGroup {
                host: c.host.clone(),
                ..Default::default()
            });
            g.connections += 1;
            *g.per_node.entry(n.node.clone()).or_default() += 1;
            g.idle_max = g.idle_max.max(c.idle);
            g.idle_over += u64::from(c.idle > idle_over);
            g.blocked += u64::from(c.blocked());
            g.subscribed += u64::from(c.subscribed());
            g.tot_mem += c.tot_mem;
            g.omem += c.omem;
            g.age_max = g.age_max.max(c.age);
            if let Some(label) = name_label(c)
                && !g.names.contains(&label)
            {
                g.names.push(label);
            }
        }
    }
    let mut out: Vec<HostGroup> = map
        .into_values()
        .map(|mut g| {
            g.max_per_node = g.per_node.values().copied().max().unwrap_or(0);
            g.names.sort();
            g
        })
        .collect();
    out.sort_by(|a, b| b.connections.cmp(&a.connections).then(a.host.cmp(&b.host)));
    out
}

/// `name`, `name (lib ver)` or `(lib ver)`: None when neither is set.
pub fn name_label(c: &Client) -> Option<String> {
    let lib = if c.lib_name.is_empty() {
        String::new()
    } else if c.lib_ver.is_empty() {
        c.lib_name.clone()
    } else {
        format!("{} {}", c.lib_name, c.lib_ver)
    };
    match (c.name.is_empty(), lib.is_empty()) {
        (true, true) => None,
        (false, true) => Some(c.name.clone()),
        (true, false) => Some(format!("({lib})")),
        (false, false) => Some(format!("{} ({lib})", c.name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_redis_7_lines() {
        let text = "id=3 addr=127.0.0.1:52124 laddr=127.0.0.1:6379 fd=8 name= age=12 idle=1 \
                    flags=b db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=45 \
                    multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=2093 events=r \
                    cmd=brpop user=default redir=-1 resp=2\n\
                    id=4 addr=[::1]:40000 laddr=[::1]:6379 fd=9 name=ingest age=3 idle=3 flags=P \
                    db=0 sub=0 psub=2 ssub=0 omem=20 tot-mem=3000 cmd=psubscribe user=ops \
                    lib-name=redis-py lib-ver=5.0.1\n";
        let cs = parse(text);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].host, "127.0.0.1");
        assert!(cs[0].blocked() && !cs[0].subscribed());
        assert_eq!(cs[0].tot_mem, 2093);
        assert_eq!(cs[1].host, "::1");
        assert_eq!(cs[1].name, "ingest");
        assert_eq!(cs[1].lib_name, "redis-py");
        assert!(cs[1].subscribed() && !cs[1].blocked());
        assert_eq!(host_of("/tmp/redis.sock:0"), "/tmp/redis.sock");
        assert_eq!(host_of("weird"), "weird");
    }
}
