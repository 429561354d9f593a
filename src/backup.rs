//! The `--backup FILE` format: what a delete removed, key by key, as Redis
//! DUMP payloads, so `ldp keys restore` can put it back. Written and read as
//! a stream (one record at a time, never the whole keyspace in memory).
//!
//! The file is one gzip stream (fast level; gzip's CRC-32 catches a corrupt
//! file, and `zcat` can look inside). Uncompressed it holds, integers
//! big-endian:
//!
//! ```text
//! magic    "LDP-BACKUP\n" (11 bytes)
//! header   u32 length, then a JSON object (format, version, server, cluster,
//!          created, ldp_version, command)
//! record*  u8 1, u32 key length, key, u8 type length, type (ASCII),
//!          i64 remaining TTL in ms as of the dump (-1: none),
//!          u64 payload length, the DUMP payload
//! trailer  u8 0, u64 number of records
//! ```
//!
//! A file without its trailer (or whose count disagrees) is truncated: a
//! reader returns every record before the damage, then the error.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread::JoinHandle;

use anyhow::{Context, Result, anyhow};
use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};

/// The first bytes of every backup (after decompression).
pub const MAGIC: &[u8] = b"LDP-BACKUP\n";
/// The format's version; a reader refuses a newer one.
pub const VERSION: u32 = 1;
const RECORD: u8 = 1;
const TRAILER: u8 = 0;
/// A header larger than this is not one of ours.
const HEADER_MAX: u32 = 1 << 20;
/// Redis caps a key at 512 MiB.
const KEY_MAX: u32 = 512 << 20;

/// Who wrote a backup, from where, when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Header {
    /// Always "ldp-backup".
    pub format: String,
    pub version: u32,
    /// The server's redacted URL (never a password).
    pub server: String,
    pub cluster: bool,
    /// RFC 3339, UTC.
    pub created: String,
    pub ldp_version: String,
    /// The command that deleted the keys (`keys delete`).
    pub command: String,
}

impl Header {
    /// A header for a backup written now.
    pub fn new(server: &str, cluster: bool, command: &str) -> Header {
        Header {
            format: "ldp-backup".into(),
            version: VERSION,
            server: server.to_string(),
            cluster,
            created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ldp_version: env!("CARGO_PKG_VERSION").into(),
            command: command.to_string(),
        }
    }
}

/// The Redis type a DUMP payload holds, from its first byte (the RDB object
/// type): the same answer as TYPE, without a command per key.
pub fn payload_type(payload: &[u8]) -> &'static str {
    match payload.first() {
        Some(0) => "string",
        Some(1 | 10 | 14 | 18) => "list",
        Some(2 | 11 | 20) => "set",
        Some(3 | 5 | 12 | 17) => "zset",
        Some(4 | 9 | 13 | 16 | 22..=25) => "hash",
        Some(15 | 19 | 21) => "stream",
        Some(6 | 7) => "module",
        _ => "unknown",
    }
}

/// One deleted key as it was: DUMP's payload, its type and remaining TTL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub key: Vec<u8>,
    pub key_type: String,
    /// Milliseconds left when it was dumped; -1 when it had no expiry.
    pub pttl: i64,
    pub payload: Vec<u8>,
}

impl Record {
    /// A key as it was just before it was deleted: its type read from the
    /// payload, its remaining TTL with "none" (or nothing read) as -1.
    pub fn deleted(key: &[u8], pttl: Option<i64>, payload: Vec<u8>) -> Record {
        Record {
            key: key.to_vec(),
            key_type: payload_type(&payload).to_string(),
            pttl: pttl.filter(|t| *t >= 0).unwrap_or(-1),
            payload,
        }
    }
}

/// Writes a backup as records arrive. Records are serialized into chunks that
/// a thread of its own compresses and writes, so gzip never holds up the
/// deletes (at most `QUEUED` chunks wait). Dropped without
/// [`finish`](Self::finish) after an error, it still closes the file
/// properly when it holds records (each was deleted, so the file must say
/// so), and removes it when empty.
pub struct Writer {
    path: PathBuf,
    buf: Vec<u8>,
    tx: Option<SyncSender<Vec<u8>>>,
    worker: Option<JoinHandle<io::Result<()>>>,
    count: u64,
}

/// Bytes per chunk handed to the compressing thread.
const CHUNK: usize = 256 << 10;
/// Chunks waiting for it at most (bounds memory at a few MiB).
const QUEUED: usize = 64;

impl Writer {
    /// Create `path` (never overwriting: an existing file is an error of
    /// kind `AlreadyExists`) and write the header.
    pub fn create(path: &Path, header: &Header) -> io::Result<Writer> {
        let json = serde_json::to_vec(header).map_err(io::Error::other)?;
        let file = File::options().write(true).create_new(true).open(path)?;
        let (tx, rx) = sync_channel::<Vec<u8>>(QUEUED);
        let worker = std::thread::Builder::new()
            .name("ldp-backup".into())
            .spawn(move || {
                let mut enc = GzEncoder::new(BufWriter::new(file), Compression::fast());
                for chunk in rx {
                    enc.write_all(&chunk)?;
                }
                let file = enc.finish()?.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()
            })?;
        let mut buf = Vec::with_capacity(CHUNK + 1024);
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&(json.len() as u32).to_be_bytes());
        buf.extend_from_slice(&json);
        Ok(Writer {
            path: path.to_path_buf(),
            buf,
            tx: Some(tx),
            worker: Some(worker),
            count: 0,
        })
    }

    /// [`write`](Self::write), failing with what happened to the key the
    /// record saves (`what()`: "the lock is broken"), since it is gone
    /// already; `what` is only called on a failure.
    pub fn save(&mut self, r: &Record, what: impl FnOnce() -> String) -> Result<()> {
        self.write(r)
            .with_context(|| format!("writing the backup {} ({})", self.path().display(), what()))
    }

    /// Append one record.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        let ty = &r.key_type.as_bytes()[..r.key_type.len().min(255)];
        let b = &mut self.buf;
        b.push(RECORD);
        b.extend_from_slice(&(r.key.len() as u32).to_be_bytes());
        b.extend_from_slice(&r.key);
        b.push(ty.len() as u8);
        b.extend_from_slice(ty);
        b.extend_from_slice(&r.pttl.to_be_bytes());
        b.extend_from_slice(&(r.payload.len() as u64).to_be_bytes());
        b.extend_from_slice(&r.payload);
        self.count += 1;
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(())
    }

    /// Hand the chunk to the thread; if it stopped, its error.
    fn send(&mut self) -> io::Result<()> {
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK + 1024));
        let sent = match &self.tx {
            Some(tx) => tx.send(chunk).is_ok(),
            None => return Err(io::Error::other("the backup is already closed")),
        };
        if sent {
            return Ok(());
        }
        self.tx = None;
        Err(self
            .join()
            .err()
            .unwrap_or_else(|| io::Error::other("the backup writer stopped")))
    }

    /// Wait for the thread: its result.
    fn join(&mut self) -> io::Result<()> {
        match self.worker.take() {
            Some(w) => w
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the backup writer panicked"))),
            None => Ok(()),
        }
    }

    /// Records written so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write the trailer, flush and sync. Returns the number of records.
    pub fn finish(mut self) -> io::Result<u64> {
        self.close()?;
        Ok(self.count)
    }

    fn close(&mut self) -> io::Result<()> {
        if self.tx.is_none() {
            return self.join();
        }
        self.buf.push(TRAILER);
        self.buf.extend_from_slice(&self.count.to_be_bytes());
        self.send()?;
        self.tx = None; // the thread finishes the gzip stream and syncs
        self.join()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if self.tx.is_none() && self.worker.is_none() {
            return;
        }
        if self.count == 0 {
            self.tx = None;
            let _ = self.join();
            let _ = std::fs::remove_file(&self.path);
        } else {
            let _ = self.close();
        }
    }
}

/// Reads a backup record by record.
pub struct Reader {
    header: Header,
    input: MultiGzDecoder<BufReader<File>>,
    count: u64,
    done: bool,
}

/// Why a backup could not be read to its end.
#[derive(Debug)]
pub enum ReadError {
    /// Not a backup at all (no magic, bad header, newer version).
    NotABackup(String),
    /// Truncated or corrupt after `read` good records.
    Damaged { read: u64, reason: String },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotABackup(r) => write!(f, "not an ldp backup: {r}"),
            ReadError::Damaged { read, reason } => write!(
                f,
                "the backup is truncated or corrupt after {read} records ({reason})"
            ),
        }
    }
}

impl Reader {
    /// Open a backup and read its header.
    pub fn open(path: &Path) -> Result<Reader> {
        let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let mut input = MultiGzDecoder::new(BufReader::new(file));
        let header = read_header(&mut input).map_err(|e| anyhow!(ReadError::NotABackup(e)))?;
        Ok(Reader {
            header,
            input,
            count: 0,
            done: false,
        })
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The next record; `None` after a complete file's trailer.
    pub fn next_record(&mut self) -> Option<Result<Record, ReadError>> {
        if self.done {
            return None;
        }
        match self.read_one() {
            Ok(Some(r)) => {
                self.count += 1;
                Some(Ok(r))
            }
            Ok(None) => {
                self.done = true;
                None
            }
            Err(reason) => {
                self.done = true;
                Some(Err(ReadError::Damaged {
                    read: self.count,
                    reason,
                }))
            }
        }
    }

    fn read_one(&mut self) -> Result<Option<Record>, String> {
        let inp = &mut self.input;
        match u8_of(inp)? {
            TRAILER => {
                let n = u64::from_be_bytes(array(inp)?);
                if n != self.count {
                    return Err(format!("the trailer counts {n} records"));
                }
                // Read to the end: gzip's CRC-32 is checked there.
                let mut rest = Vec::new();
                inp.read_to_end(&mut rest).map_err(describe)?;
                if !rest.is_empty() {
                    return Err("data after the trailer".into());
                }
                Ok(None)
            }
            RECORD => {
                let klen = u32::from_be_bytes(array(inp)?);
                if klen > KEY_MAX {
                    return Err(format!("a key length of {klen} bytes"));
                }
                let key = bytes_of(inp, u64::from(klen))?;
                let tlen = u8_of(inp)?;
                let key_type = String::from_utf8_lossy(&bytes_of(inp, u64::from(tlen))?).into();
                let pttl = i64::from_be_bytes(array(inp)?);
                let plen = u64::from_be_bytes(array(inp)?);
                let payload = bytes_of(inp, plen)?;
                Ok(Some(Record {
                    key,
                    key_type,
                    pttl,
                    payload,
                }))
            }
            other => Err(format!("unknown record tag {other}")),
        }
    }
}

fn read_header(inp: &mut impl Read) -> Result<Header, String> {
    let mut magic = [0u8; 11];
    if inp.read_exact(&mut magic).is_err() || magic != MAGIC {
        return Err("it does not start with the ldp backup magic".into());
    }
    let len = u32::from_be_bytes(array(inp)?);
    if len > HEADER_MAX {
        return Err(format!("a header of {len} bytes"));
    }
    let raw = bytes_of(inp, u64::from(len))?;
    let h: Header = serde_json::from_slice(&raw).map_err(|e| format!("bad header: {e}"))?;
    if h.format != "ldp-backup" || h.version > VERSION {
        return Err(format!(
            "format {} version {} (this ldp reads ldp-backup up to version {VERSION})",
            h.format, h.version
        ));
    }
    Ok(h)
}

fn describe(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        "the file ends mid-record".into()
    } else {
        e.to_string()
    }
}

fn u8_of(inp: &mut impl Read) -> Result<u8, String> {
    Ok(array::<1>(inp)?[0])
}

fn array<const N: usize>(inp: &mut impl Read) -> Result<[u8; N], String> {
    let mut b = [0u8; N];
    inp.read_exact(&mut b).map_err(describe)?;
    Ok(b)
}

/// Exactly `len` bytes, grown as they arrive (a corrupt length cannot make
/// it allocate more than the file holds).
fn bytes_of(inp: &mut impl Read, len: u64) -> Result<Vec<u8>, String> {
    let mut v = Vec::with_capacity(len.min(1 << 20) as usize);
    inp.take(len).read_to_end(&mut v).map_err(describe)?;
    if (v.len() as u64) < len {
        return Err(describe(io::ErrorKind::UnexpectedEof.into()));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(i: u32) -> Record {
        Record {
            key: [format!("k:{i}").as_bytes(), &[0, 0xff]].concat(),
            key_type: "string".into(),
            pttl: if i.is_multiple_of(2) {
                -1
            } else {
                i64::from(i) * 1000
            },
            payload: vec![i as u8; (i as usize) % 300],
        }
    }

    fn write(path: &Path, n: u32) {
        let mut w = Writer::create(path, &Header::new("redis://h:1", false, "keys delete"))
            .expect("create");
        for i in 0..n {
            w.write(&rec(i)).expect("write");
        }
        assert_eq!(w.finish().expect("finish"), u64::from(n));
    }

    fn read_all(path: &Path) -> (Vec<Record>, Option<String>) {
        let mut r = Reader::open(path).expect("open");
        assert_eq!(r.header().server, "redis://h:1");
        let mut out = Vec::new();
        while let Some(x) = r.next_record() {
            match x {
                Ok(rec) => out.push(rec),
                Err(e) => return (out, Some(e.to_string())),
            }
        }
        (out, None)
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("b");
        write(&p, 500);
        let (recs, err) = read_all(&p);
        assert_eq!(err, None);
        assert_eq!(recs, (0..500).map(rec).collect::<Vec<_>>());
    }

    #[test]
    fn never_overwrites() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("b");
        std::fs::write(&p, b"x").expect("write");
        let e = Writer::create(&p, &Header::new("s", false, "c"))
            .err()
            .expect("refused");
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
    }

    #[test]
    fn truncation_is_detected_after_the_readable_records() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("b");
        write(&p, 2000);
        let full = std::fs::read(&p).expect("read");
        std::fs::write(&p, &full[..full.len() * 2 / 3]).expect("cut");
        let (recs, err) = read_all(&p);
        let err = err.expect("detected");
        assert!(err.contains("truncated or corrupt after"), "{err}");
        assert!(!recs.is_empty() && recs.len() < 2000);
        assert_eq!(
            recs[..],
            (0..recs.len() as u32).map(rec).collect::<Vec<_>>()[..]
        );
    }

    #[test]
    fn an_empty_unfinished_writer_leaves_no_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("b");
        drop(Writer::create(&p, &Header::new("s", false, "c")).expect("create"));
        assert!(!p.exists());
    }
}
