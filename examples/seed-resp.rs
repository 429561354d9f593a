//! The sandbox's keyspace as raw RESP on stdout, for `redis-cli --pipe`
//! (bench/sandbox.sh times it as the server's floor):
//! `cargo run --release --example seed-resp -- DOCS [PROJECTS]`. Every
//! command, the broker's too, for one standalone server; stderr gets the
//! number of commands and of keys.

use std::io::Write;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let docs: usize = args.next().unwrap_or_else(|| "10000".into()).parse()?;
    let projects: usize = args.next().unwrap_or_else(|| "3".into()).parse()?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs_f64();
    let seed = ldp::sandbox::seed::Plan {
        docs,
        projects,
        now,
    }
    .generate();
    let mut buf = Vec::with_capacity(64 << 20);
    for op in &seed.ops {
        op.cmd.write_packed_command(&mut buf);
    }
    std::io::stdout().lock().write_all(&buf)?;
    eprintln!("commands={} keys={}", seed.ops.len(), seed.keys());
    Ok(())
}
