//! `ldp monitor clients` and the `connections` health check: the totals and
//! groups match `CLIENT LIST` itself, on a standalone server and on every
//! primary of the 3-primary cluster.

mod support;

use std::time::Duration;

use serde_json::Value as Json;
use support::{LdpTarget, RedisServer, shared_cluster, shared_tls, wait_until};

/// `CLIENT LIST` through `c`, parsed into `key=value` maps.
fn client_list(c: &mut redis::Connection) -> Vec<std::collections::HashMap<String, String>> {
    let text: String = redis::cmd("CLIENT")
        .arg("LIST")
        .query(c)
        .expect("CLIENT LIST");
    text.lines()
        .map(|l| {
            l.split(' ')
                .filter_map(|f| f.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn named(c: &mut redis::Connection, name: &str) {
    redis::cmd("CLIENT")
        .arg("SETNAME")
        .arg(name)
        .query::<()>(c)
        .expect("CLIENT SETNAME");
}

#[test]
fn standalone_totals_and_groups_match_client_list() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut probe = s.client();
    // Three named connections, two blocked in BRPOP (as idle workers are), one subscriber.
    let mut held: Vec<redis::Connection> = (0..3)
        .map(|_| {
            let mut c = s.client();
            named(&mut c, "ingest");
            c
        })
        .collect();
    let mut blockers = Vec::new();
    for _ in 0..2 {
        let mut c = s.client();
        blockers.push(std::thread::spawn(move || {
            let _: Option<(String, String)> = redis::cmd("BRPOP")
                .arg("ldp-test-never")
                .arg(30)
                .query(&mut c)
                .expect("BRPOP");
        }));
    }
    let mut sub_conn = s.client();
    let mut sub = sub_conn.as_pubsub();
    sub.psubscribe("/0.celeryev/worker.*").expect("PSUBSCRIBE");
    wait_until("two clients blocked", Duration::from_secs(10), || {
        client_list(&mut probe)
            .iter()
            .filter(|c| c["flags"].contains('b'))
            .count()
            == 2
    });
    let truth = client_list(&mut probe);
    let j = s.ldp(&["monitor", "clients", "-o", "json"]).ok().json();
    // ldp's own connection is the one more.
    assert_eq!(j["total"], truth.len() + 1, "{j:#}");
    let nodes = j["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 1);
    assert_eq!(nodes[0]["connections"], truth.len() + 1);
    assert_eq!(j["maxclients"], 10000, "{j:#}");
    let hosts = j["hosts"].as_array().unwrap();
    assert_eq!(hosts.len(), 1, "all from 127.0.0.1: {j:#}");
    let h = &hosts[0];
    assert_eq!(h["host"], "127.0.0.1");
    assert_eq!(h["connections"], truth.len() + 1);
    assert_eq!(h["blocked"], 2, "{h:#}");
    assert_eq!(h["subscribed"], 1, "{h:#}");
    assert_eq!(h["over_pool"], false);
    let ingest = j["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == "ingest")
        .unwrap_or_else(|| panic!("no 'ingest' group: {j:#}"));
    assert_eq!(ingest["connections"], 3);
    // A pool of 2 per process: this host holds more.
    let j = s
        .ldp(&["monitor", "clients", "-o", "json", "--pool-size", "2"])
        .ok()
        .json();
    assert_eq!(j["hosts"][0]["over_pool"], true, "{j:#}");
    // The health check says so, naming the host; a roomy pool is OK.
    let r = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "json",
            "--check",
            "connections",
            "--pool-size",
            "2",
        ])
        .fails(1);
    let c = &r.json()["checks"][0];
    assert_eq!(c["status"], "WARNING", "{c:#}");
    assert!(
        c["message"]
            .as_str()
            .unwrap()
            .contains("host 127.0.0.1 holds"),
        "{c:#}"
    );
    let prom = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "prometheus",
            "--check",
            "connections",
        ])
        .ok();
    assert!(
        prom.stdout
            .contains("ldp_clients_connections{host=\"127.0.0.1\"} "),
        "{}",
        prom.stdout
    );
    // In a pipe: one record per host, no header.
    let tsv = s.ldp(&["monitor", "clients"]).ok();
    assert_eq!(tsv.lines().len(), 1, "{}", tsv.stdout);
    assert!(
        tsv.first_line().starts_with("127.0.0.1\t"),
        "{}",
        tsv.stdout
    );
    held.clear();
    drop(sub);
    for _ in 0..2 {
        redis::cmd("LPUSH")
            .arg("ldp-test-never")
            .arg("x")
            .query::<()>(&mut probe)
            .expect("LPUSH");
    }
    for b in blockers {
        b.join().expect("BRPOP thread");
    }
}

#[test]
fn cluster_totals_match_client_list_on_every_primary() {
    let c = shared_cluster();
    let _g = c.guard();
    let mut probes: Vec<redis::Connection> = (0..c.len()).map(|i| c.node(i).client()).collect();
    let truth: Vec<usize> = probes.iter_mut().map(|p| client_list(p).len()).collect();
    let j: Json = c.ldp(&["monitor", "clients", "-o", "json"]).ok().json();
    let nodes = j["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3, "every primary: {j:#}");
    for (i, p) in c.ports().iter().enumerate() {
        let n = nodes
            .iter()
            .find(|n| n["node"].as_str().unwrap().ends_with(&format!(":{p}")))
            .unwrap_or_else(|| panic!("no node :{p} in {j:#}"));
        // ldp holds one connection to each primary.
        assert_eq!(n["connections"], truth[i] + 1, "node :{p}: {j:#}");
    }
    assert_eq!(j["total"], truth.iter().sum::<usize>() + 3, "{j:#}");
    let per_host: u64 = j["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["connections"].as_u64().unwrap())
        .sum();
    assert_eq!(j["total"], per_host);
}

#[test]
fn tls_and_an_acl_user_for_clients_and_the_workers_request() {
    let t = shared_tls();
    let _g = t.guard();
    let j = t
        .ldp(&["monitor", "clients", "-o", "json"])
        .ok()
        .never_shows(t.password())
        .json();
    assert!(j["total"].as_u64().is_some_and(|n| n >= 1), "{j:#}");
    assert_eq!(j["hosts"][0]["host"], "127.0.0.1");
    // No worker: an empty list at once; the events subscription and the
    // request's script run over TLS as the ACL user, and nothing is left.
    let r = t.ldp(&["monitor", "workers", "-o", "json"]).ok();
    r.never_shows(t.password()).stderr_lacks("warning");
    assert_eq!(r.json(), serde_json::json!([]));
    let n: u64 = redis::cmd("EXISTS")
        .arg("_kombu.binding.reply.celery.pidbox")
        .query(&mut t.client())
        .expect("EXISTS");
    assert_eq!(n, 0);
}
