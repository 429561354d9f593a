//! The one generator of a pipeline-shaped keyspace: what `ldp sandbox` loads
//! and what the tests seed, so the README, the tests and the sandbox agree.
//!
//! It follows the keyspace the pipeline was seen to write (docs/keyspace.md):
//! documents in every stage (completed, completed under the legacy
//! unprefixed keys, in flight, stuck, failed OCR, queued), their derived
//! caches (OCR, chunks, per-chunk `entity:chunk:*` caches, mentions, ...),
//! the batches with the pipeline's miscounted progress, locks with and
//! without TTL, rate windows, cache metrics for the last hour, Celery
//! messages in kombu's priority lists and unacked ones, Celery results, and
//! the keys `ldp import` itself would have left.
//!
//! Generation is deterministic for a given [`Plan`] apart from the clock:
//! document `i` has the same UUID, project and stage whatever the number of
//! documents, so the README can name them. Values are Python's `json.dumps`
//! text (`", "` and `": "` separators), timestamps naive UTC ISO-8601.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::mpsc::SyncSender;

use redis::Cmd;
use serde::Serialize;
use serde_json::{Value as Json, json};
use sha2::Sha256;

use crate::broker::BrokerLayout;
use crate::broker::task::Task;

/// Documents per import run (and per pipeline batch): one full cycle of stages.
pub const RUN: usize = 20;
/// Import runs that were sent as pipeline batches (`import --as-batch`).
const PIPELINE_BATCHES: usize = 12;
/// The pipeline's lock timeout (redis-py Lock, 300 s default).
const LOCK_TTL_MS: u64 = 300_000;
/// The document bucket named in file paths.
const BUCKET: &str = "legal-docs-sandbox";
/// The cache types whose per-minute metrics are seeded.
const METRIC_TYPES: [&str; 4] = ["ocr", "chunks", "entities", "task"];
const HOUR: u64 = 3600;
const DAY: u64 = 86_400;

/// What a document is doing, by its index modulo [`RUN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Done; prefixed keys (`cache:doc:*`).
    Completed,
    /// Done by an older deployment: the unprefixed legacy keys.
    CompletedLegacy,
    /// Being processed now; its task is delivered and unacked.
    InFlight,
    /// In flight for hours: no update since (what `monitor health --deep` calls stuck).
    Stuck,
    /// A failed OCR poll: `pipeline.status` still says processing.
    FailedOcr,
    /// Enqueued, not started: its task waits in a priority list.
    Queued,
}

impl Stage {
    /// Every stage, in the order of a run.
    pub const ALL: [Stage; 6] = [
        Stage::Completed,
        Stage::CompletedLegacy,
        Stage::InFlight,
        Stage::Stuck,
        Stage::FailedOcr,
        Stage::Queued,
    ];

    /// The stage of document `i`.
    pub fn of(i: usize) -> Stage {
        match i % RUN {
            0..=11 => Stage::Completed,
            12 | 13 => Stage::CompletedLegacy,
            14 | 15 => Stage::InFlight,
            16 => Stage::Stuck,
            17 => Stage::FailedOcr,
            _ => Stage::Queued,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Stage::Completed => "completed",
            Stage::CompletedLegacy => "completed (legacy keys)",
            Stage::InFlight => "in flight",
            Stage::Stuck => "stuck",
            Stage::FailedOcr => "failed OCR",
            Stage::Queued => "queued",
        }
    }
}

/// How big a keyspace to generate.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub docs: usize,
    pub projects: usize,
    /// Unix time the keyspace is generated for.
    pub now: f64,
}

/// One command of the seed, keyed (a cluster sends it to the key's node).
#[derive(Debug, Clone)]
pub struct Op {
    /// The key registry's family of the key (counted once per key).
    pub family: &'static str,
    pub key: Vec<u8>,
    pub cmd: Cmd,
    /// Belongs on the Celery broker's Redis (queues, unacked, results,
    /// import markers): a separate server when the caches are a cluster.
    pub broker: bool,
    /// The index of the document the key belongs to (`cache show` lists
    /// it): its per-document families and its per-chunk entity caches.
    pub doc: Option<u32>,
}

/// A lock the sandbox's simulated workers keep renewing.
#[derive(Debug, Clone, Serialize)]
pub struct Held {
    pub key: String,
    pub token: String,
    pub ttl_ms: u64,
}

/// A rate-limit window the sandbox's simulated traffic keeps using.
#[derive(Debug, Clone, Serialize)]
pub struct Window {
    pub key: String,
    pub window_s: u64,
    /// Requests per minute of the simulated traffic.
    pub per_minute: u64,
}

/// Ids worth trying commands on.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Samples {
    pub project: String,
    pub completed: Option<String>,
    pub legacy: Option<String>,
    pub in_flight: Option<String>,
    pub failed_ocr: Option<String>,
    pub batch: Option<String>,
}

/// A generated keyspace: the commands and what they make.
#[derive(Debug, Clone)]
pub struct Seed {
    pub ops: Vec<Op>,
    /// Keys per family, as generated.
    pub families: BTreeMap<&'static str, u64>,
    /// Documents per stage.
    pub stages: BTreeMap<&'static str, u64>,
    pub projects: Vec<String>,
    pub batches: Vec<String>,
    pub samples: Samples,
    pub held: Vec<Held>,
    pub windows: Vec<Window>,
    /// The size of the per-minute cache metrics.
    pub metric_scale: u64,
}

/// redis-py's Lock extend script, keyed on the token (WIRE.md §4).
const RENEW: &str = concat!(
    "if redis.call('get', KEYS[1]) == ARGV[1] then ",
    "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
);

impl Seed {
    /// Every key, once.
    pub fn keys(&self) -> u64 {
        self.families.values().sum()
    }

    /// The keys of document `i` (by its index), as `cache show` lists them.
    pub fn doc_keys(&self, i: usize) -> std::collections::BTreeSet<Vec<u8>> {
        self.ops
            .iter()
            .filter(|o| o.doc == Some(i as u32))
            .map(|o| o.key.clone())
            .collect()
    }

    /// What the simulated pipeline does between `last` and `now`: requests
    /// enter the rate windows (old ones are trimmed, the key re-expires),
    /// the current minute's cache metrics count on, and the workers renew
    /// the locks they hold (only while their token still holds them: a
    /// broken lock stays broken).
    pub fn tick(&self, last: f64, now: f64) -> Vec<Op> {
        let mut ops = Vec::new();
        let mut push = |family: &'static str, key: &str, cmd: Cmd| {
            ops.push(Op {
                family,
                key: key.as_bytes().to_vec(),
                cmd,
                broker: false,
                doc: None,
            })
        };
        for (n, w) in self.windows.iter().enumerate() {
            let due = |t: f64| (t * w.per_minute as f64 / 60.0).floor() as u64;
            let k = due(now).saturating_sub(due(last));
            let mut c = redis::cmd("ZREMRANGEBYSCORE");
            c.arg(&w.key)
                .arg("-inf")
                .arg(format!("({}", now - w.window_s as f64));
            push("rate_limit", &w.key, c);
            if k > 0 {
                let entries = window_entries(now.to_bits() ^ n as u64, last, now, k);
                let mut c = redis::cmd("ZADD");
                c.arg(&w.key);
                for (t, m) in &entries {
                    c.arg(*t).arg(m);
                }
                push("rate_limit", &w.key, c);
                // The newest request re-EXPIREd the key to the window.
                let newest = entries.iter().map(|(t, _)| *t).fold(last, f64::max);
                let mut c = redis::cmd("PEXPIREAT");
                c.arg(&w.key).arg(expiry_ms(newest, w.window_s));
                push("rate_limit", &w.key, c);
            }
        }
        let minute = (now / 60.0) as u64;
        for ct in METRIC_TYPES {
            let (h, m, s) = metric_counts(ct, minute, self.metric_scale);
            for (kind, per_min) in [("hits", h), ("misses", m), ("sets", s)] {
                let due = |t: f64| (t * per_min as f64 / 60.0).floor() as u64;
                let k = due(now).saturating_sub(due(last.max(minute as f64 * 60.0)));
                if k > 0 {
                    let key = metric_key(kind, ct, minute);
                    let mut c = redis::cmd("INCRBY");
                    c.arg(&key).arg(k);
                    push("cache_metrics", &key, c);
                    let mut c = redis::cmd("EXPIRE");
                    c.arg(&key).arg(HOUR);
                    push("cache_metrics", &key, c);
                }
            }
        }
        for h in &self.held {
            let mut c = redis::cmd("EVAL");
            c.arg(RENEW).arg(1).arg(&h.key).arg(&h.token).arg(h.ttl_ms);
            push("lock", &h.key, c);
        }
        ops
    }
}

// ----------------------------------------------------------------- helpers

/// Python's `json.dumps` text: `", "` between items and `": "` after keys.
pub fn py_json(v: &Json) -> String {
    struct Py;
    impl serde_json::ser::Formatter for Py {
        fn begin_array_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            if first { Ok(()) } else { w.write_all(b", ") }
        }
        fn begin_object_key<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            if first { Ok(()) } else { w.write_all(b", ") }
        }
        fn begin_object_value<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
        ) -> std::io::Result<()> {
            w.write_all(b": ")
        }
    }
    let mut buf = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Py);
    // Serializing a Value into memory cannot fail.
    let _ = v.serialize(&mut ser);
    String::from_utf8(buf).unwrap_or_default()
}

/// Python's naive UTC `datetime.isoformat()`: microseconds unless zero.
pub fn py_time(t: f64) -> String {
    let mut s = String::with_capacity(26);
    push_time(&mut s, t);
    s
}

/// [`py_time`], appended to `out`: the seed writes 200,000 stamps, and
/// formatting each through `format!` was a tenth of its time.
fn push_time(out: &mut String, t: f64) {
    let micros = (t * 1e6).round() as i64;
    let (secs, us) = (micros.div_euclid(1_000_000), micros.rem_euclid(1_000_000));
    let (y, m, d) = civil(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    let (hh, mm, ss) = (sod / 3600, sod % 3600 / 60, sod % 60);
    for (sep, n, width) in [
        ("", y, 4),
        ("-", m, 2),
        ("-", d, 2),
        ("T", hh, 2),
        (":", mm, 2),
        (":", ss, 2),
    ] {
        out.push_str(sep);
        push_padded(out, n, width);
    }
    if us != 0 {
        out.push('.');
        push_padded(out, us, 6);
    }
}

/// `n` zero-padded to `width` digits (`{n:0width$}` for n >= 0).
fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut b = itoa::Buffer::new();
    let digits = b.format(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// An integer in decimal, appended.
fn push_int(out: &mut String, n: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (Howard
/// Hinnant's `civil_from_days`): strftime is too slow for 100,000 stamps.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A JSON string literal (quoted, escaped).
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_q(&mut out, s);
    out
}

/// [`q`], appended: text needing no escapes (all the seed's) is copied as is.
fn push_q(out: &mut String, s: &str) {
    if s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.push_str(&serde_json::to_string(s).unwrap_or_default());
    } else {
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    push_hex(&mut out, bytes);
    out
}

/// Lower-case hex, appended.
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
}

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn uuid4(&mut self) -> String {
        let b = uuid::Builder::from_random_bytes(
            ((u128::from(self.next()) << 64) | u128::from(self.next())).to_be_bytes(),
        );
        let mut buf = [0u8; 36];
        b.into_uuid()
            .hyphenated()
            .encode_lower(&mut buf)
            .to_string()
    }
    /// redis-py's lock token: `uuid1().hex`, 32 lower-case hex digits.
    fn token(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        let mut s = String::with_capacity(32);
        push_hex(&mut s, &a.to_be_bytes());
        push_hex(&mut s, &b.to_be_bytes());
        s
    }
}

/// The UUID of sandbox project `j`.
pub fn project_uuid(j: usize) -> String {
    uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_OID,
        format!("ldp sandbox project {j}").as_bytes(),
    )
    .to_string()
}

/// The project of document `i` (each import run belongs to one project).
pub fn project_of(i: usize, projects: usize) -> usize {
    (i / RUN) % projects.max(1)
}

/// The SHA-256 of document `i`'s (imaginary) content.
fn content_sha(i: usize) -> String {
    let mut name = String::with_capacity(32);
    name.push_str("ldp sandbox document ");
    push_int(&mut name, i);
    hex(&<Sha256 as sha2::Digest>::digest(name.as_bytes()))
}

/// Document `i`'s UUID, derived as `ldp import` derives it: UUIDv5 of the
/// content's SHA-256 hex in the project's namespace.
pub fn doc_uuid(i: usize, projects: usize) -> String {
    let p = project_uuid(project_of(i, projects));
    let ns = uuid::Uuid::parse_str(&p).unwrap_or(uuid::Uuid::NAMESPACE_OID);
    uuid_v5(&ns, &content_sha(i))
}

/// A UUIDv5 as text (hyphenated, lower case).
fn uuid_v5(ns: &uuid::Uuid, name: &str) -> String {
    let mut buf = [0u8; 36];
    uuid::Uuid::new_v5(ns, name.as_bytes())
        .hyphenated()
        .encode_lower(&mut buf)
        .to_string()
}

/// The id of import run `j` (an `ldp:batch:{id}`, and a pipeline batch id
/// for the first runs).
pub fn batch_uuid(j: usize) -> String {
    uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_OID,
        format!("ldp sandbox batch {j}").as_bytes(),
    )
    .to_string()
}

const WORDS: [&str; 24] = [
    "agreement",
    "party",
    "hereinafter",
    "lessee",
    "plaintiff",
    "defendant",
    "court",
    "clause",
    "indemnify",
    "warranty",
    "termination",
    "jurisdiction",
    "pursuant",
    "section",
    "notice",
    "consideration",
    "breach",
    "remedy",
    "liability",
    "covenant",
    "exhibit",
    "deposition",
    "counsel",
    "witness",
];
const NAMES: [(&str, &str); 8] = [
    ("Acme Holdings LLC", "ORGANIZATION"),
    ("Jane Whitaker", "PERSON"),
    ("Superior Court of California", "COURT"),
    ("Blue River Logistics Inc.", "ORGANIZATION"),
    ("Samuel O'Neill", "PERSON"),
    ("County of Marin", "LOCATION"),
    ("Hartley & Stone LLP", "ORGANIZATION"),
    ("Maria Delgado", "PERSON"),
];

/// A sentence of `words` words and a name, appended to `out`.
fn push_sentence(out: &mut String, rng: &mut Rng, words: usize) {
    let start = out.len();
    for k in 0..words {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    if out.len() > start {
        out.push(' ');
    }
    out.push_str(NAMES[rng.below(NAMES.len() as u64) as usize].0);
    if let Some(f) = out.get_mut(start..start + 1) {
        f.make_ascii_uppercase();
    }
    out.push('.');
}

// --------------------------------------------------------------- emitting

/// The families whose keys belong to one document.
const PER_DOC: [&str; 12] = [
    "ocr",
    "chunks",
    "entity_cache",
    "mentions",
    "canonical",
    "relationships",
    "state",
    "metadata",
    "import",
    "doc_lock",
    "batch_document",
    "batch_error",
];

struct Emit {
    ops: Vec<Op>,
    /// Where full batches of `ops` go while generating ([`Plan::stream`]);
    /// None once the receiver is gone (the load failed: the rest is dropped).
    sink: Option<SyncSender<Vec<Op>>>,
    streaming: bool,
    /// The broker's keys (queue lists, unacked, bindings): each counts once.
    broker_keys: BTreeSet<Vec<u8>>,
    families: BTreeMap<&'static str, u64>,
    /// The document being generated.
    doc: Option<u32>,
}

impl Emit {
    fn push(&mut self, family: &'static str, key: Vec<u8>, cmd: Cmd, broker: bool) {
        let doc = self.doc.filter(|_| PER_DOC.contains(&family));
        if family == "celery_broker" && !self.broker_keys.contains(&key) {
            self.broker_keys.insert(key.clone());
        }
        self.ops.push(Op {
            family,
            key,
            cmd,
            broker,
            doc,
        });
        if self.streaming && self.ops.len() >= BATCH {
            self.hand_over();
        }
    }

    /// Send the ops made so far to the sink (streaming only).
    fn hand_over(&mut self) {
        let batch = std::mem::replace(&mut self.ops, Vec::with_capacity(BATCH));
        if let Some(sink) = &self.sink
            && sink.send(batch).is_err()
        {
            self.sink = None;
        }
    }

    /// A new key of `family` (counted).
    fn count(&mut self, family: &'static str) {
        *self.families.entry(family).or_default() += 1;
    }

    /// `SET key value [EX ttl]`: a string key.
    fn set(&mut self, family: &'static str, key: &str, value: &str, ttl: Option<u64>) {
        self.set_on(family, key, value, ttl, false);
    }

    fn set_on(
        &mut self,
        family: &'static str,
        key: &str,
        value: &str,
        ttl: Option<u64>,
        broker: bool,
    ) {
        // Sized up front: growing the buffer as arguments came was a tenth
        // of the seed's time (the values are up to a few KiB).
        let mut c = Cmd::with_capacity(5, key.len() + value.len() + 64);
        c.arg("SET").arg(key).arg(value);
        if let Some(t) = ttl {
            c.arg("EX").arg(t.max(1));
        }
        self.count(family);
        self.push(family, key.as_bytes().to_vec(), c, broker);
    }

    fn json(&mut self, family: &'static str, key: &str, value: &Json, ttl: Option<u64>) {
        self.set(family, key, &py_json(value), ttl);
    }

    fn expire(&mut self, family: &'static str, key: &[u8], ttl: u64, broker: bool) {
        let mut c = redis::cmd("EXPIRE");
        c.arg(key).arg(ttl.max(1));
        self.push(family, key.to_vec(), c, broker);
    }
}

/// How long ago (seconds) document `i` was last updated, spread over the
/// last ten hours for finished documents (their 12 h caches still live).
fn age_of(i: usize, stage: Stage) -> f64 {
    let spread = (i as u64).wrapping_mul(2_654_435_761) % 1000;
    match stage {
        Stage::Completed | Stage::CompletedLegacy => 300.0 + spread as f64 * 35.7,
        Stage::InFlight => 20.0 + (spread % 240) as f64,
        Stage::Stuck => 2.0 * HOUR as f64 + (spread % 600) as f64,
        Stage::FailedOcr => 600.0 + spread as f64 * 9.3,
        Stage::Queued => 30.0 + (spread % 900) as f64,
    }
}

/// Remaining TTL of a key with `ttl` set `age` seconds ago.
fn left(ttl: u64, age: f64) -> u64 {
    (ttl as f64 - age).max(60.0) as u64
}

/// Everything about one document that several keys repeat.
struct Doc {
    i: usize,
    uuid: String,
    /// The SHA-256 hex of its content (its import marker is keyed on it).
    sha: String,
    project: String,
    stage: Stage,
    /// When its last update happened.
    at: f64,
    age: f64,
    name: String,
    file_path: String,
    task_id: String,
    run: usize,
}

// ------------------------------------------------------------- generation

/// Ops per batch handed over by [`Plan::stream`].
pub const BATCH: usize = 2048;

impl Plan {
    /// Generate the keyspace, every op in [`Seed::ops`].
    pub fn generate(&self) -> Seed {
        self.generate_into(Emit {
            ops: Vec::with_capacity(self.docs * 16 + 2000),
            sink: None,
            streaming: false,
            broker_keys: BTreeSet::new(),
            families: BTreeMap::new(),
            doc: None,
        })
    }

    /// Generate the keyspace and send its ops, in order, in batches of
    /// [`BATCH`] to `sink` as they are made (so they can be loaded while
    /// the rest is generated); the returned seed has no ops. When the
    /// receiver hangs up, the rest of the ops are dropped.
    pub fn stream(&self, sink: SyncSender<Vec<Op>>) -> Seed {
        self.generate_into(Emit {
            ops: Vec::with_capacity(BATCH),
            sink: Some(sink),
            streaming: true,
            broker_keys: BTreeSet::new(),
            families: BTreeMap::new(),
            doc: None,
        })
    }

    fn generate_into(&self, mut e: Emit) -> Seed {
        let docs = self.docs;
        let projects = self.projects.max(1);
        let now = self.now;
        let layout = BrokerLayout::default();
        let mut rng = Rng(0x1d9_5a4d_b0c5);
        let mut stages: BTreeMap<&'static str, u64> = BTreeMap::new();
        let mut held: Vec<Held> = Vec::new();
        let project_ids: Vec<String> = (0..projects).map(project_uuid).collect();
        let namespaces: Vec<uuid::Uuid> = project_ids
            .iter()
            .map(|p| uuid::Uuid::parse_str(p).unwrap_or(uuid::Uuid::NAMESPACE_OID))
            .collect();
        let runs = docs.div_ceil(RUN);
        let batch_ids: Vec<String> = (0..runs).map(batch_uuid).collect();
        let mut project_docs: Vec<Vec<String>> = vec![Vec::new(); projects];
        let mut run_docs: Vec<Vec<String>> = vec![Vec::new(); runs];
        let origin = "ldp@sandbox";

        for i in 0..docs {
            let stage = Stage::of(i);
            *stages.entry(stage.name()).or_default() += 1;
            let age = age_of(i, stage);
            let sha = content_sha(i);
            let d = Doc {
                i,
                uuid: uuid_v5(&namespaces[project_of(i, projects)], &sha),
                sha,
                project: project_ids[project_of(i, projects)].clone(),
                stage,
                at: now - age,
                age,
                name: format!("matter-{:04}-exhibit-{:03}.pdf", i / RUN, i % RUN),
                file_path: String::new(),
                task_id: rng.uuid4(),
                run: i / RUN,
            };
            let d = Doc {
                file_path: format!("s3://{BUCKET}/documents/{}.pdf", d.uuid),
                ..d
            };
            e.doc = Some(i as u32);
            project_docs[project_of(i, projects)].push(d.uuid.clone());
            run_docs[d.run].push(d.uuid.clone());
            // ldp import's persistent marker (on the broker, with the task).
            e.set_on(
                "ldp_imported",
                &format!("ldp:imported:{}:{}", d.project, d.sha),
                &d.task_id,
                None,
                true,
            );
            match stage {
                Stage::Completed | Stage::CompletedLegacy => {
                    completed(&mut e, &mut rng, &d);
                    result_ok(&mut e, &d);
                }
                Stage::InFlight | Stage::Stuck => {
                    in_flight(&mut e, &mut rng, &d, &mut held);
                    if stage == Stage::InFlight {
                        unacked(&mut e, &layout, &d, origin);
                    }
                }
                Stage::FailedOcr => failed_ocr(&mut e, &mut rng, &d),
                Stage::Queued => queued(&mut e, &layout, &d, origin),
            }
        }
        e.doc = None;

        // ldp import's index and batch records.
        for (j, members) in project_docs.iter().enumerate() {
            if !members.is_empty() {
                let key = format!("ldp:project:{}:docs", project_ids[j]);
                let mut c = redis::cmd("SADD");
                c.arg(&key).arg(members);
                e.count("ldp_project_docs");
                e.push("ldp_project_docs", key.into_bytes(), c, false);
            }
        }
        for (j, members) in run_docs.iter().enumerate() {
            import_run(&mut e, &d_run(j, projects, &batch_ids), members, now);
            if j < PIPELINE_BATCHES {
                pipeline_batch(&mut e, &mut rng, j, &batch_ids[j], docs, projects, now);
            }
        }

        unknown_state(&mut e, &mut rng, now);
        let named = named_locks(&mut e, &mut rng);
        held.extend(named);
        let windows = rate_windows(&mut e, &mut rng, now, docs);
        cache_metrics(&mut e, now, docs);
        bindings(&mut e, &layout);
        let n = e.broker_keys.len() as u64;
        e.families.insert("celery_broker", n);
        if e.streaming {
            e.hand_over();
        }

        let first = |s: Stage| {
            (0..docs)
                .find(|&i| Stage::of(i) == s)
                .map(|i| doc_uuid(i, projects))
        };
        Seed {
            ops: e.ops,
            families: e.families,
            stages,
            samples: Samples {
                project: project_ids[0].clone(),
                completed: first(Stage::Completed),
                legacy: first(Stage::CompletedLegacy),
                in_flight: first(Stage::InFlight),
                failed_ocr: first(Stage::FailedOcr),
                batch: batch_ids.first().cloned(),
            },
            projects: project_ids,
            batches: batch_ids,
            held,
            windows,
            metric_scale: metric_scale(docs),
        }
    }
}

/// The size of the cache metrics for `docs` documents.
fn metric_scale(docs: usize) -> u64 {
    (docs as u64 / 20).clamp(2, 200)
}

/// Import run `j`: its id and project.
struct RunInfo {
    id: String,
    project: String,
    lane: Option<&'static str>,
}

fn d_run(j: usize, projects: usize, ids: &[String]) -> RunInfo {
    RunInfo {
        id: ids[j].clone(),
        project: project_uuid(j % projects.max(1)),
        lane: (j < PIPELINE_BATCHES).then(|| lane(j)),
    }
}

/// The pipeline batch lane of run `j`.
fn lane(j: usize) -> &'static str {
    ["high", "normal", "low"][j % 3]
}

/// A document's chunks: `(chunk_uuid, start, end)` in its text.
fn chunks(rng: &mut Rng, text: &str) -> Vec<(String, usize, usize)> {
    let n = 3;
    let step = text.len().div_ceil(n);
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + step).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push((rng.uuid4(), start, end));
        start = end;
    }
    out
}

/// A document's OCR text: a few sentences.
fn ocr_text(rng: &mut Rng) -> String {
    let mut text = String::with_capacity(1024);
    for k in 0..6 {
        if k > 0 {
            text.push(' ');
        }
        let n = 8 + rng.below(10) as usize;
        push_sentence(&mut text, rng, n);
    }
    text
}

fn stage_entry(status: &str, at: f64, metadata: Json) -> Json {
    json!({"status": status, "timestamp": py_time(at), "metadata": metadata})
}

/// The OCR result, chunk list and per-chunk entity caches of a document,
/// as of `at`; returns the number of chunks. The values are written as
/// Python's json.dumps text directly, into one buffer each: no JSON tree
/// and no `format!` per value (10,000 documents are 100,000 values).
fn ocr_and_chunks(
    e: &mut Emit,
    rng: &mut Rng,
    d: &Doc,
    legacy: bool,
    with_entities: bool,
) -> usize {
    let text = ocr_text(rng);
    let prefix = if legacy { "doc:" } else { "cache:doc:" };
    let pages = 1 + rng.below(40);
    let mut v = String::with_capacity(text.len() + 256);
    v.push_str("{\"text\": ");
    push_q(&mut v, &text);
    v.push_str(", \"length\": ");
    push_int(&mut v, text.len());
    v.push_str(", \"extracted_at\": \"");
    push_time(&mut v, d.at - 120.0);
    v.push_str("\", \"method\": \"textract\", \"job_id\": \"");
    let job = rng.next().to_be_bytes();
    for _ in 0..4 {
        push_hex(&mut v, &job);
    }
    v.push_str("\", \"pages\": ");
    push_int(&mut v, pages);
    v.push_str(", \"confidence\": ");
    let _ = write!(v, "{}", (900 + rng.below(99)) as f64 / 1000.0);
    v.push('}');
    let key = format!("{prefix}ocr:{}", d.uuid);
    e.set("ocr", &key, &v, Some(left(7 * DAY, d.age + 120.0)));
    let cs = chunks(rng, &text);
    v.clear();
    v.push('[');
    for (n, (id, s, end)) in cs.iter().enumerate() {
        if n > 0 {
            v.push_str(", ");
        }
        v.push_str("{\"chunk_uuid\": \"");
        v.push_str(id);
        v.push_str("\", \"chunk_text\": ");
        push_q(&mut v, &text[*s..*end]);
        v.push_str(", \"chunk_index\": ");
        push_int(&mut v, n);
        v.push_str(", \"start_char\": ");
        push_int(&mut v, *s);
        v.push_str(", \"end_char\": ");
        push_int(&mut v, *end);
        v.push('}');
    }
    v.push(']');
    let key = format!("{prefix}chunks:{}", d.uuid);
    e.set("chunks", &key, &v, Some(left(DAY, d.age + 60.0)));
    if with_entities {
        for (n, (id, s, end)) in cs.iter().enumerate() {
            let t = &text[*s..*end];
            v.clear();
            v.push('[');
            // The last chunk of an even document has no entities: it caches [].
            if n != cs.len() - 1 || !d.i.is_multiple_of(2) {
                for (name, kind) in NAMES.iter().filter(|(name, _)| t.contains(name)) {
                    if v.len() > 1 {
                        v.push_str(", ");
                    }
                    v.push_str("{\"text\": ");
                    push_q(&mut v, name);
                    v.push_str(", \"entity_type\": \"");
                    v.push_str(kind);
                    v.push_str("\", \"confidence\": 0.95, \"document_uuid\": \"");
                    v.push_str(&d.uuid);
                    v.push_str("\", \"chunk_uuid\": \"");
                    v.push_str(id);
                    v.push_str("\"}");
                }
            }
            v.push(']');
            let mut key = String::with_capacity(64);
            key.push_str("entity:chunk:");
            key.push_str(id);
            key.push(':');
            let h = <md5::Md5 as md5::Digest>::digest(t.as_bytes());
            push_hex(&mut key, &h[..4]);
            e.set(
                "entity_cache",
                &key,
                &v,
                Some(left(12 * HOUR, d.age + 30.0)),
            );
        }
    }
    cs.len()
}

/// A document's entity mentions: `(name, type)`.
fn mentions(d: &Doc) -> &'static [(&'static str, &'static str)] {
    &NAMES[..2 + d.i % 4]
}

/// The start of one stage entry of a state value, appended: `{"status":
/// .., "timestamp": .., "metadata": ` (the caller writes the metadata and `}`).
fn push_stage(out: &mut String, status: &str, at: f64) {
    out.push_str("{\"status\": \"");
    out.push_str(status);
    out.push_str("\", \"timestamp\": \"");
    push_time(out, at);
    out.push_str("\", \"metadata\": ");
}

/// A finished document's state value: every stage completed.
fn completed_state(d: &Doc, chunks: usize, entities: usize) -> String {
    let t = |back: f64| d.at - back;
    let mut v = String::with_capacity(900);
    v.push_str("{\"pipeline\": ");
    push_stage(&mut v, "completed", t(0.0));
    v.push_str("{\"completed_at\": \"");
    push_time(&mut v, t(0.0));
    v.push_str("\"}}, \"ocr\": ");
    push_stage(&mut v, "completed", t(300.0));
    v.push_str("{\"method\": \"textract\"}}, \"chunking\": ");
    push_stage(&mut v, "completed", t(240.0));
    v.push_str("{\"chunk_count\": ");
    push_int(&mut v, chunks);
    v.push_str("}}, \"entity_extraction\": ");
    push_stage(&mut v, "completed", t(180.0));
    v.push_str("{\"entity_count\": ");
    push_int(&mut v, entities);
    v.push_str("}}, \"entity_resolution\": ");
    push_stage(&mut v, "completed", t(60.0));
    v.push_str("{}}, \"relationships\": ");
    push_stage(&mut v, "completed", t(1.5));
    v.push_str(concat!(
        "{}}, \"last_update\": {\"stage\": \"pipeline\", ",
        "\"status\": \"completed\", \"timestamp\": \""
    ));
    push_time(&mut v, t(0.0));
    v.push_str("\"}}");
    v
}

/// A JSON list of one object per mention: `{<name_field>: name,
/// "entity_type": type<rest>}`.
fn mention_list(m: &[(&str, &str)], name_field: &str, rest: &[&str]) -> String {
    let mut v = String::with_capacity(128 * m.len());
    v.push('[');
    for (n, (name, kind)) in m.iter().enumerate() {
        if n > 0 {
            v.push_str(", ");
        }
        v.push_str("{\"");
        v.push_str(name_field);
        v.push_str("\": ");
        push_q(&mut v, name);
        v.push_str(", \"entity_type\": \"");
        v.push_str(kind);
        v.push('"');
        for r in rest {
            v.push_str(r);
        }
        v.push('}');
    }
    v.push(']');
    v
}

/// A finished document (prefixed keys, or the legacy ones).
fn completed(e: &mut Emit, rng: &mut Rng, d: &Doc) {
    let legacy = d.stage == Stage::CompletedLegacy;
    let chunks = ocr_and_chunks(e, rng, d, legacy, true);
    let m = mentions(d);
    let state = completed_state(d, chunks, m.len());
    let prefix = if legacy { "doc:" } else { "cache:doc:" };
    let key = format!("{prefix}state:{}", d.uuid);
    e.set("state", &key, &state, Some(left(DAY, d.age)));
    e.set(
        "mentions",
        &format!("doc:entity_mentions:{}", d.uuid),
        &mention_list(
            m,
            "entity_text",
            &[", \"document_uuid\": \"", &d.uuid, "\""],
        ),
        Some(left(DAY, d.age + 180.0)),
    );
    e.set(
        "canonical",
        &format!("doc:canonical_entities:{}", d.uuid),
        &mention_list(m, "canonical_name", &[", \"mention_count\": 1"]),
        Some(left(DAY, d.age + 60.0)),
    );
    e.set(
        "relationships",
        &format!("doc:relationships:{}", d.uuid),
        RELATIONSHIPS.get_or_init(|| {
            format!(
                "[{{\"from\": {}, \"to\": {}, \"type\": \"REPRESENTED_BY\"}}]",
                q(NAMES[0].0),
                q(NAMES[1].0)
            )
        }),
        Some(left(DAY, d.age + 2.0)),
    );
}

/// Every finished document's relationships value (the same for all).
static RELATIONSHIPS: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The pipeline's own metadata of a document it is working on.
fn metadata(e: &mut Emit, d: &Doc, started: f64) {
    e.json(
        "metadata",
        &format!("doc:metadata:{}", d.uuid),
        &json!({"project_uuid": d.project,
                "document_metadata": {"name": d.name, "content_type": "application/pdf"},
                "file_path": d.file_path, "pipeline_started": py_time(started)}),
        Some(left(DAY, d.age)),
    );
}

/// A document being processed (or stuck): partial caches, its metadata, a
/// processing lock while a worker has it.
fn in_flight(e: &mut Emit, rng: &mut Rng, d: &Doc, held: &mut Vec<Held>) {
    let started = d.at - 200.0;
    metadata(e, d, started);
    let mut state = serde_json::Map::new();
    state.insert(
        "pipeline".into(),
        stage_entry("processing", d.at, json!({"task_id": d.task_id})),
    );
    // Which stage it is at: OCR running, or past it.
    let current = if d.stage == Stage::Stuck {
        "chunking"
    } else if d.i % 40 < RUN {
        "ocr"
    } else {
        "entity_extraction"
    };
    if current == "ocr" {
        let job = hex(&rng.next().to_be_bytes()).repeat(4);
        e.json(
            "textract_job",
            &format!("textract:job_status:{job}"),
            &json!({"status": "IN_PROGRESS", "document_uuid": d.uuid, "started_at": py_time(d.at)}),
            Some(HOUR),
        );
    } else {
        state.insert(
            "ocr".into(),
            stage_entry("completed", d.at - 120.0, json!({"method": "textract"})),
        );
        let with_entities = current == "entity_extraction";
        let chunks = ocr_and_chunks(e, rng, d, false, with_entities);
        if with_entities {
            state.insert(
                "chunking".into(),
                stage_entry("completed", d.at - 60.0, json!({"chunk_count": chunks})),
            );
        }
    }
    state.insert(
        "last_update".into(),
        json!({"stage": current, "status": "in_progress", "timestamp": py_time(d.at)}),
    );
    state.insert(current.into(), stage_entry("in_progress", d.at, json!({})));
    e.json(
        "state",
        &format!("cache:doc:state:{}", d.uuid),
        &Json::Object(state),
        Some(left(DAY, d.age)),
    );
    if d.stage == Stage::InFlight {
        let key = format!("cache:doc:lock:{}", d.uuid);
        let token = rng.token();
        let mut c = redis::cmd("SET");
        c.arg(&key).arg(&token).arg("PX").arg(LOCK_TTL_MS);
        e.count("doc_lock");
        e.push("doc_lock", key.clone().into_bytes(), c, false);
        held.push(Held {
            key,
            token,
            ttl_ms: LOCK_TTL_MS,
        });
    }
}

/// A failed OCR poll: `pipeline.status` stays processing, the latest update
/// says the OCR failed; its task failed; batch recovery records a permanent
/// error (see [`pipeline_batch`]).
fn failed_ocr(e: &mut Emit, rng: &mut Rng, d: &Doc) {
    metadata(e, d, d.at - 400.0);
    let err = "Textract job failed: UnsupportedDocumentException: Request has unsupported document format";
    e.json(
        "state",
        &format!("cache:doc:state:{}", d.uuid),
        &json!({
            "pipeline": stage_entry("processing", d.at - 400.0, json!({"task_id": d.task_id})),
            "ocr": stage_entry("failed", d.at, json!({"error": err, "job_id": hex(&rng.next().to_be_bytes()).repeat(4)})),
            "last_update": {"stage": "ocr", "status": "failed", "timestamp": py_time(d.at)},
        }),
        Some(left(DAY, d.age)),
    );
    e.set_on(
        "celery_result",
        &format!("celery-task-meta-{}", d.task_id),
        &py_json(&json!({
            "status": "FAILURE",
            "result": {"exc_type": "RuntimeError", "exc_message": [err], "exc_module": "builtins"},
            "traceback": format!("Traceback (most recent call last):\n  File \"/app/scripts/pdf_tasks.py\", line 612, in poll_textract_job\n    raise RuntimeError(msg)\nRuntimeError: {err}\n"),
            "children": [], "date_done": py_time(d.at), "task_id": d.task_id,
        })),
        Some(left(7 * DAY, d.age)),
        true,
    );
}

/// The entry task of a document.
fn task(d: &Doc, queue: &str, priority: u8) -> Task {
    let mut kwargs = serde_json::Map::new();
    kwargs.insert("document_uuid".into(), json!(d.uuid));
    kwargs.insert("file_path".into(), json!(d.file_path));
    kwargs.insert("project_uuid".into(), json!(d.project));
    kwargs.insert(
        "document_metadata".into(),
        json!({"name": d.name, "import_batch": batch_uuid(d.run)}),
    );
    Task {
        name: "scripts.pdf_tasks.process_pdf_document".into(),
        id: d.task_id.clone(),
        kwargs,
        queue: queue.into(),
        priority,
    }
}

/// A queued document: `doc:import` and its task in a priority list. A high
/// lane's chord lands in `default\x06\x169`; the low lane's `send_task`
/// without a priority in the bare list; the rest at priority 5 (`\x06\x163`).
fn queued(e: &mut Emit, layout: &BrokerLayout, d: &Doc, origin: &str) {
    e.json(
        "import",
        &format!("doc:import:{}", d.uuid),
        &json!({"document_uuid": d.uuid, "project_uuid": d.project, "document_name": d.name,
                "document_type": "pdf", "s3_path": d.file_path, "file_size": 48_000 + d.i * 37,
                "import_session_uuid": batch_uuid(d.run), "processing_status": "queued", "metadata": {}}),
        Some(left(HOUR, d.age)),
    );
    let priority = match (d.run < PIPELINE_BATCHES).then(|| lane(d.run)) {
        Some("high") => 9,
        Some("low") => 0,
        _ => 5,
    };
    let t = task(d, "default", priority);
    let key = layout.publish_key("default", priority);
    let mut c = redis::cmd("LPUSH");
    c.arg(&key).arg(t.envelope(origin));
    e.push("celery_broker", key, c, true);
}

/// A task a worker took and has not acked: in `unacked` and `unacked_index`.
fn unacked(e: &mut Emit, layout: &BrokerLayout, d: &Doc, origin: &str) {
    let env = task(d, "default", 5).envelope(origin);
    let parsed: Json = serde_json::from_str(&env).unwrap_or_default();
    let tag = parsed["properties"]["delivery_tag"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let value = py_json(&json!([parsed, "", "default"]));
    let key = layout.key(b"unacked");
    let mut c = redis::cmd("HSET");
    c.arg(&key).arg(&tag).arg(value);
    e.push("celery_broker", key, c, true);
    let key = layout.key(b"unacked_index");
    let mut c = redis::cmd("ZADD");
    c.arg(&key).arg(d.at - 180.0).arg(&tag);
    e.push("celery_broker", key, c, true);
}

/// A finished document's Celery result.
fn result_ok(e: &mut Emit, d: &Doc) {
    e.set_on(
        "celery_result",
        &format!("celery-task-meta-{}", d.task_id),
        &format!(
            concat!(
                "{{\"status\": \"SUCCESS\", \"result\": {{\"status\": \"completed\", \"document_uuid\": \"{}\"}}, ",
                "\"traceback\": null, \"children\": [], \"date_done\": \"{}\", \"task_id\": \"{}\"}}",
            ),
            d.uuid,
            py_time(d.at),
            d.task_id
        ),
        Some(left(7 * DAY, d.age)),
        true,
    );
}

/// ldp import's record of run `j`.
fn import_run(e: &mut Emit, r: &RunInfo, members: &[String], now: f64) {
    if members.is_empty() {
        return;
    }
    let age = 3.0 * HOUR as f64;
    let ttl = left(30 * DAY, age);
    let key = format!("ldp:batch:{}", r.id);
    let mut c = redis::cmd("HSET");
    c.arg(&key)
        .arg("batch_id")
        .arg(&r.id)
        .arg("project_uuid")
        .arg(&r.project)
        .arg("created_at")
        .arg(format!("{}Z", py_time((now - age).floor())))
        .arg("documents")
        .arg(members.len())
        .arg("queue")
        .arg(match r.lane {
            Some(l) => format!("batch.{l}"),
            None => "default".into(),
        })
        .arg("priority")
        .arg(match r.lane {
            Some("high") => 9,
            Some("low") => 1,
            _ => 5,
        });
    e.count("ldp_batch");
    e.push("ldp_batch", key.clone().into_bytes(), c, false);
    e.expire("ldp_batch", key.as_bytes(), ttl, false);
    let key = format!("ldp:batch:{}:docs", r.id);
    let mut c = redis::cmd("SADD");
    c.arg(&key).arg(members);
    e.count("ldp_batch_docs");
    e.push("ldp_batch_docs", key.clone().into_bytes(), c, false);
    e.expire("ldp_batch_docs", key.as_bytes(), ttl, false);
}

/// Run `j` sent as a pipeline batch: its miscounted progress (completed 0
/// whatever is done; a "completed" batch with nothing done; the older field
/// set), per-document entries of a high lane, permanent errors of its
/// failed documents, a pending chord.
fn pipeline_batch(
    e: &mut Emit,
    rng: &mut Rng,
    j: usize,
    id: &str,
    docs: usize,
    projects: usize,
    now: f64,
) {
    let range = j * RUN..((j + 1) * RUN).min(docs);
    let total = range.len();
    let started = now - 3.0 * HOUR as f64 + j as f64 * 60.0;
    let finished = range
        .clone()
        .filter(|&i| matches!(Stage::of(i), Stage::Completed | Stage::CompletedLegacy))
        .count();
    let progress = match lane(j) {
        "high" => json!({"status": "completed", "priority": "high", "total": total, "completed": 0,
                         "failed": 0, "started_at": py_time(started), "last_updated": py_time(now - 900.0),
                         "completed_at": py_time(now - 900.0)}),
        "normal" => {
            json!({"status": "processing", "priority": "normal", "total": total, "completed": 0,
                           "failed": finished, "started_at": py_time(started),
                           "last_updated": py_time(now - 600.0)})
        }
        _ => json!({"batch_id": id, "total_documents": total, "completed_documents": 0,
                    "failed_documents": finished, "in_progress_documents": total - finished,
                    "pending_documents": 0, "completion_percentage": 0.0,
                    "started_at": py_time(started), "last_updated": py_time(now - 1200.0)}),
    };
    e.json(
        "batch_progress",
        &format!("batch:progress:{id}"),
        &progress,
        Some(left(DAY, 900.0)),
    );
    for i in range {
        e.doc = Some(i as u32);
        let doc = doc_uuid(i, projects);
        let stage = Stage::of(i);
        if lane(j) == "high" {
            let status = match stage {
                Stage::Completed | Stage::CompletedLegacy => "completed",
                Stage::FailedOcr => "failed",
                Stage::InFlight | Stage::Stuck => "retrying",
                Stage::Queued => "submitted",
            };
            e.json(
                "batch_document",
                &format!("batch:document:{id}:{doc}"),
                &json!({"status": status, "updated_at": py_time(now - 600.0)}),
                Some(left(DAY, 600.0)),
            );
        }
        if stage == Stage::FailedOcr {
            e.json(
                "batch_error",
                &format!("batch:error:{id}:{doc}"),
                &json!({"error_type": "TextractError",
                        "error_message": "Textract job failed: UnsupportedDocumentException",
                        "traceback": "Traceback (most recent call last):\n  File \"/app/scripts/batch_recovery.py\", line 201, in recover\nTextractError: UnsupportedDocumentException\n",
                        "stage": "ocr", "retry_count": 3, "last_attempt": py_time(now - 700.0),
                        "category": "permanent"}),
                Some(left(7 * DAY, 700.0)),
            );
        }
    }
    e.doc = None;
    if lane(j) != "high" {
        // The batch's chord is still pending: Celery keeps its size.
        e.set_on(
            "celery_chord",
            &format!("celery-taskset-meta-{}.s", rng.uuid4()),
            &total.to_string(),
            Some(left(7 * DAY, now - started)),
            true,
        );
    }
}

/// The state a task wrote before it knew its document.
fn unknown_state(e: &mut Emit, rng: &mut Rng, now: f64) {
    let task = "scripts.pdf_tasks.process_pdf_document";
    let at = now - 1800.0;
    e.json(
        "state_unknown",
        "cache:doc:state:unknown",
        &json!({
            task: {"status": "failed", "timestamp": py_time(at),
                   "metadata": {"task_id": rng.uuid4(), "error": "No project_uuid found"}},
            "last_update": {"stage": task, "status": "failed", "timestamp": py_time(at)},
        }),
        Some(left(DAY, 1800.0)),
    );
}

/// Named locks: one held and renewed (redis-py), one held by
/// python-redis-lock (24-character id), one left without a TTL.
fn named_locks(e: &mut Emit, rng: &mut Rng) -> Vec<Held> {
    let mut held = Vec::new();
    let redis_py = rng.token();
    let b64 = {
        use base64::Engine;
        let bytes: Vec<u8> = (0..18).map(|_| rng.next() as u8).collect();
        base64::engine::general_purpose::STANDARD.encode(bytes)
    };
    for (name, token, ttl) in [
        ("lock:batch-recovery", redis_py, Some(LOCK_TTL_MS)),
        ("lock:openai-quota-refresh", b64, Some(60_000)),
        ("lock:reindex-projects", rng.token(), None),
    ] {
        let mut c = redis::cmd("SET");
        c.arg(name).arg(&token);
        if let Some(ms) = ttl {
            c.arg("PX").arg(ms);
            held.push(Held {
                key: name.into(),
                token: token.clone(),
                ttl_ms: ms,
            });
        }
        e.count("lock");
        e.push("lock", name.as_bytes().to_vec(), c, false);
    }
    held
}

/// Entries of a sliding window between `from` and `to`, as the pipeline
/// writes them (member = score = the request's time).
pub fn window_entries(rng_seed: u64, from: f64, to: f64, n: u64) -> Vec<(f64, String)> {
    let mut rng = Rng(rng_seed);
    (0..n)
        .map(|k| {
            let t = from + (to - from) * (k as f64 + rng.below(1000) as f64 / 1000.0) / n as f64;
            (t, format!("{t:.6}"))
        })
        .collect()
}

/// The rate windows: `rate:openai` (60 s) and `rate:textract` (60 s).
fn rate_windows(e: &mut Emit, rng: &mut Rng, now: f64, docs: usize) -> Vec<Window> {
    let busy = (docs as u64 / 5).clamp(8, 50);
    let windows = vec![
        Window {
            key: "rate:openai".into(),
            window_s: 60,
            per_minute: busy,
        },
        Window {
            key: "rate:textract".into(),
            window_s: 60,
            per_minute: (busy / 4).max(3),
        },
    ];
    for w in &windows {
        let entries = window_entries(rng.next(), now - w.window_s as f64 + 1.0, now, w.per_minute);
        let mut c = redis::cmd("ZADD");
        c.arg(&w.key);
        for (t, m) in &entries {
            c.arg(*t).arg(m);
        }
        e.count("rate_limit");
        e.push("rate_limit", w.key.clone().into_bytes(), c, false);
        let newest = entries.iter().map(|(t, _)| *t).fold(0.0, f64::max);
        // Absolute, so the time it takes to load does not stretch the window.
        let mut c = redis::cmd("PEXPIREAT");
        c.arg(&w.key).arg(expiry_ms(newest, w.window_s));
        e.push("rate_limit", w.key.clone().into_bytes(), c, false);
    }
    windows
}

/// When a window whose newest request came at `newest` expires (Unix ms).
fn expiry_ms(newest: f64, window_s: u64) -> u64 {
    ((newest + window_s as f64) * 1000.0) as u64
}

/// The key of a cache metric counter for epoch minute `minute`.
pub fn metric_key(kind: &str, cache_type: &str, minute: u64) -> String {
    format!("cache:metrics:{kind}:{cache_type}:{minute}")
}

/// Per-minute counters of one cache type: (hits, misses, sets).
pub fn metric_counts(cache_type: &str, minute: u64, scale: u64) -> (u64, u64, u64) {
    let wobble = (minute.wrapping_mul(2_654_435_761) >> 7) % 7;
    let base = scale + wobble;
    match cache_type {
        "ocr" => (base * 3, base / 2 + 1, base / 2 + 1),
        "chunks" => (base * 2, base / 3 + 1, base / 3 + 1),
        "entities" => (base * 5, base, base),
        _ => (base, base / 4 + 1, base / 4 + 1),
    }
}

/// The pipeline's cache metrics for the last hour (one counter per kind,
/// cache type and minute, each expiring an hour after its last INCR).
fn cache_metrics(e: &mut Emit, now: f64, docs: usize) {
    let scale = metric_scale(docs);
    let this = (now / 60.0) as u64;
    for minute in this.saturating_sub(59)..=this {
        let last_write = ((minute * 60 + 59) as f64).min(now);
        let ttl = left(HOUR, now - last_write);
        // The current minute has counted only its part so far.
        let part = ((now - (minute * 60) as f64) / 60.0).clamp(0.0, 1.0);
        for ct in METRIC_TYPES {
            let (h, m, s) = metric_counts(ct, minute, scale);
            for (kind, n) in [("hits", h), ("misses", m), ("sets", s)] {
                let n = ((n as f64 * part) as u64).max(1);
                e.set(
                    "cache_metrics",
                    &metric_key(kind, ct, minute),
                    &n.to_string(),
                    Some(ttl),
                );
            }
        }
    }
}

/// kombu's bindings of the pipeline's queues (Celery declares one per queue).
fn bindings(e: &mut Emit, layout: &BrokerLayout) {
    let sep = String::from_utf8_lossy(&layout.sep).into_owned();
    for q in &layout.queues {
        let key = layout.key(format!("_kombu.binding.{q}").as_bytes());
        let mut c = redis::cmd("SADD");
        c.arg(&key).arg(format!("{q}{sep}{sep}{q}"));
        e.push("celery_broker", key, c, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_json_and_times() {
        assert_eq!(
            py_json(&json!({"a": [1, 2], "b": {"c": null}})),
            r#"{"a": [1, 2], "b": {"c": null}}"#
        );
        assert_eq!(py_time(1_764_064_800.0), "2025-11-25T10:00:00");
        assert_eq!(py_time(1_764_064_800.123_456), "2025-11-25T10:00:00.123456");
    }

    #[test]
    fn times_agree_with_chrono() {
        for t in [0.0, 951_782_400.5, 1_709_164_800.25, 4_102_444_799.999_999] {
            let micros = (t * 1e6_f64).round() as i64;
            let dt = chrono::DateTime::from_timestamp_micros(micros).unwrap();
            let want = if micros % 1_000_000 == 0 {
                dt.format("%Y-%m-%dT%H:%M:%S").to_string()
            } else {
                dt.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
            };
            assert_eq!(py_time(t), want);
        }
    }

    #[test]
    fn every_json_value_parses_and_is_python_shaped() {
        let seed = Plan {
            docs: 40,
            projects: 2,
            now: 1_764_064_800.0,
        }
        .generate();
        let mut checked = 0;
        for op in &seed.ops {
            let args: Vec<&[u8]> = op
                .cmd
                .args_iter()
                .filter_map(|a| match a {
                    redis::Arg::Simple(b) => Some(b),
                    _ => None,
                })
                .collect();
            if args.first() != Some(&&b"SET"[..]) {
                continue;
            }
            let v = args[2];
            if v.first().is_some_and(|b| *b == b'{' || *b == b'[') {
                let j: Json = serde_json::from_slice(v)
                    .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(v)));
                assert_eq!(py_json(&j).len(), v.len(), "{}", String::from_utf8_lossy(v));
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked}");
    }

    /// The keyspace, byte for byte: a digest of every command in order (what
    /// it writes, on which side, for which document) and of the counts. A
    /// change to what the sandbox seeds must change this on purpose.
    #[test]
    fn the_keyspace_is_unchanged() {
        use sha2::Digest;
        let seed = Plan {
            docs: 1000,
            projects: 3,
            now: 1_764_064_800.25,
        }
        .generate();
        // Celery's delivery tags are random (uuid4 per message): named by
        // their order instead.
        let packed: Vec<String> = seed
            .ops
            .iter()
            .map(|op| String::from_utf8_lossy(&op.cmd.get_packed_command()).into_owned())
            .collect();
        let mut tags = Vec::new();
        for p in &packed {
            for marker in ["\"delivery_tag\": \"", "\"delivery_tag\":\""] {
                for (at, _) in p.match_indices(marker) {
                    let start = at + marker.len();
                    tags.push(p[start..start + 36].to_string());
                }
            }
        }
        assert_eq!(tags.len(), 100 + 100, "queued and in-flight tasks");
        let mut h = Sha256::new();
        for (op, p) in seed.ops.iter().zip(&packed) {
            let mut p = p.clone();
            for (n, t) in tags.iter().enumerate() {
                if p.contains(t.as_str()) {
                    p = p.replace(t.as_str(), &format!("tag-{n}"));
                }
            }
            h.update(op.family.as_bytes());
            h.update([u8::from(op.broker)]);
            h.update(op.doc.unwrap_or(u32::MAX).to_le_bytes());
            h.update(&op.key);
            h.update(p.as_bytes());
        }
        h.update(format!("{:?} {:?}", seed.families, seed.stages).as_bytes());
        h.update(serde_json::to_vec(&(&seed.held, &seed.windows, &seed.samples)).unwrap());
        let got = hex(&h.finalize());
        assert_eq!(
            got,
            "477953f561427a4903f2962c26f87801eefedddb3ff5dfee6d84b614c9b1a275"
        );
    }

    #[test]
    fn documents_are_stable_and_every_stage_is_there() {
        let a = Plan {
            docs: 40,
            projects: 3,
            now: 1_764_064_800.0,
        }
        .generate();
        let b = Plan {
            docs: 200,
            projects: 3,
            now: 1_764_064_900.0,
        }
        .generate();
        assert_eq!(a.samples.completed, b.samples.completed);
        assert_eq!(a.samples.failed_ocr, b.samples.failed_ocr);
        assert_eq!(a.stages.len(), 6, "{:?}", a.stages);
        assert_eq!(
            a.families["state"],
            40 - 4,
            "queued documents have no state yet"
        );
        assert_eq!(a.families["state_unknown"], 1);
        assert_eq!(a.families["lock"], 3);
        assert_eq!(a.families["rate_limit"], 2);
        assert_eq!(a.families["cache_metrics"], 60 * 4 * 3);
    }
}
