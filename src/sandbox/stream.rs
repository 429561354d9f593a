//! Loading the seed while it is generated. The generator runs on a thread
//! of its own and hands over batches of ops; one writer packs them as RESP
//! into a buffer per server and writes each full buffer to a plain socket;
//! a reader per server reads and checks the replies. So the server parses
//! and stores one part while the next is generated, and nothing waits for
//! a round trip. Only for the sandbox's own servers (loopback, no password,
//! no TLS); the simulated pipeline's small writes go through [`super::load`].

use std::io::Write;
use std::net::{Shutdown, TcpStream};
use std::sync::mpsc::{Receiver, Sender, channel, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use redis::Value;

use super::seed::{Op, Plan, Seed};
use crate::error::LdpError;
use crate::redis::Redis;

/// Batches the generator may be ahead of the writer (memory stays bounded).
const AHEAD: usize = 16;
/// Bytes packed for one server before they are written.
const FLUSH: usize = 256 * 1024;
/// How long one read or write on a seeding socket may block.
const IO_TIMEOUT: Duration = Duration::from_secs(60);

/// One server being loaded: its socket, the bytes not written yet, and the
/// reader that checks its replies.
struct Dest {
    addr: String,
    label: String,
    sock: TcpStream,
    buf: Vec<u8>,
    /// Commands in `buf`.
    pending: usize,
    /// How many replies the reader is to read next.
    counts: Sender<usize>,
    reader: JoinHandle<Result<(), String>>,
}

impl Dest {
    fn open(addr: &str, label: &str) -> Result<Dest> {
        let sock = TcpStream::connect(addr)
            .with_context(|| format!("seeding {label}: cannot connect to {addr}"))?;
        sock.set_read_timeout(Some(IO_TIMEOUT))?;
        sock.set_write_timeout(Some(IO_TIMEOUT))?;
        let replies = sock.try_clone()?;
        let (counts, rx) = channel();
        let reader = std::thread::Builder::new()
            .name("seed-replies".into())
            .spawn(move || read_replies(replies, rx))
            .context("cannot start a thread")?;
        Ok(Dest {
            addr: addr.to_string(),
            label: label.to_string(),
            sock,
            buf: Vec::with_capacity(FLUSH + 64 * 1024),
            pending: 0,
            counts,
            reader,
        })
    }

    /// Write what is packed. The reader learns the count first, so it reads
    /// the replies while the rest is still being written.
    fn flush(&mut self) -> Result<()> {
        if self.pending == 0 {
            return Ok(());
        }
        // A reader that is gone has failed: finish() reports why.
        let _ = self.counts.send(self.pending);
        if let Err(e) = self.sock.write_all(&self.buf) {
            // The reader waits for replies that will never come: end it.
            let _ = self.sock.shutdown(Shutdown::Both);
            return Err(e).with_context(|| format!("seeding {}", self.label));
        }
        self.buf.clear();
        self.pending = 0;
        Ok(())
    }

    /// Write the rest and wait until every reply has been read and checked.
    fn finish(mut self) -> Result<()> {
        self.flush()?;
        drop(self.counts);
        match self.reader.join() {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(LdpError::Failed(format!("seeding {}: {e}", self.label)).into()),
            Err(_) => {
                Err(LdpError::Failed(format!("seeding {}: the reader died", self.label)).into())
            }
        }
    }
}

/// Read the replies the writer announces, until it hangs up: the first
/// error reply, or a broken connection, is the reader's error.
fn read_replies(mut sock: TcpStream, counts: Receiver<usize>) -> Result<(), String> {
    // The parser keeps what it read past one reply for the next.
    let mut parser = redis::Parser::new();
    let mut first_error = None;
    for n in counts {
        for _ in 0..n {
            match parser.parse_value(&mut sock) {
                Ok(Value::ServerError(e)) => {
                    first_error.get_or_insert_with(|| e.to_string());
                }
                Ok(_) => {}
                Err(e) => return Err(crate::redis::describe(&e)),
            }
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Generate `plan` and load it as it comes: the caches' ops into `main`,
/// the broker's into `broker`, each node of a cluster its own keys. Blocks
/// (run it on a blocking thread). Returns the seed (without its ops) and
/// how long the generator took.
pub fn generate_and_load(main: &Redis, broker: &Redis, plan: Plan) -> Result<(Seed, Duration)> {
    let mut dests: Vec<Dest> = Vec::new();
    // One connection per server, whichever deployment names it.
    let mut route = |r: &Redis| -> Result<Vec<usize>> {
        r.nodes()
            .iter()
            .map(|n| match dests.iter().position(|d| d.addr == n.addr) {
                Some(i) => Ok(i),
                None => {
                    dests.push(Dest::open(&n.addr, &n.label)?);
                    Ok(dests.len() - 1)
                }
            })
            .collect()
    };
    let to_main = route(main)?;
    let to_broker = route(broker)?;
    let (tx, rx) = sync_channel(AHEAD);
    let generator = std::thread::Builder::new()
        .name("seed".into())
        .spawn(move || {
            let t = Instant::now();
            let seed = plan.stream(tx);
            (seed, t.elapsed())
        })
        .context("cannot start a thread")?;
    // On an error `rx` is dropped here, which stops the generator's sending.
    let written = write_ops(rx, [main, broker], [&to_main, &to_broker], &mut dests);
    let generated = generator
        .join()
        .map_err(|_| LdpError::Failed("the seed generator died".into()));
    written?;
    for d in dests {
        d.finish()?;
    }
    Ok(generated?)
}

/// Pack every op into its server's buffer, writing each full buffer.
fn write_ops(
    rx: Receiver<Vec<Op>>,
    deployments: [&Redis; 2],
    routes: [&[usize]; 2],
    dests: &mut [Dest],
) -> Result<()> {
    for batch in rx {
        for op in batch {
            let side = usize::from(op.broker);
            let node = deployments[side].node_for(&op.key)?;
            let d = &mut dests[routes[side][node]];
            op.cmd.write_packed_command(&mut d.buf);
            d.pending += 1;
            if d.buf.len() >= FLUSH {
                d.flush()?;
            }
        }
    }
    Ok(())
}
