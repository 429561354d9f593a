//! The one output layer: commands hand it data, it decides how that looks
//! (table, plain lines, JSON, NDJSON), whether colour and progress are shown,
//! and it asks for confirmation. Nothing else writes to stdout.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::time::Duration;

use anyhow::Result;
use comfy_table::{Cell, ContentArrangement, Table};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::error::LdpError;

/// The output formats; which ones a command offers is its own business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Table,
    Json,
    Ndjson,
    Nagios,
    Prometheus,
}

impl OutputFormat {
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
            OutputFormat::Ndjson => "ndjson",
            OutputFormat::Nagios => "nagios",
            OutputFormat::Prometheus => "prometheus",
        }
    }
}

/// When to colour (`--color`); `NO_COLOR` turns `auto` off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What the terminal around us can do.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: OutputFormat,
    /// The user chose the format (as opposed to the default).
    pub explicit: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub stdin_tty: bool,
    pub color: bool,
    pub verbosity: i8,
    pub width: u16,
}

impl Output {
    pub fn new(format: Option<OutputFormat>, color: ColorWhen, verbosity: i8) -> Output {
        let stdout_tty = io::stdout().is_terminal();
        let color = match color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => stdout_tty,
        };
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color && io::stderr().is_terminal());
        // The terminal's real width; a pipe gets no table (see `Grid`).
        let width = console::Term::stdout()
            .size_checked()
            .map(|(_, w)| w)
            .unwrap_or(u16::MAX)
            .max(40);
        Output {
            format: format.unwrap_or(OutputFormat::Table),
            explicit: format.is_some(),
            stdout_tty,
            stderr_tty: io::stderr().is_terminal(),
            stdin_tty: io::stdin().is_terminal(),
            color,
            verbosity,
            width,
        }
    }

    /// Refuse (exit 2) a format the command does not produce.
    pub fn require(&self, command: &str, supported: &[OutputFormat]) -> Result<()> {
        if supported.contains(&self.format) {
            return Ok(());
        }
        let names: Vec<&str> = supported.iter().map(|f| f.name()).collect();
        Err(LdpError::usage(format!(
            "'{command}' does not support -o {} (supported: {})",
            self.format.name(),
            names.join(", ")
        )))
    }

    /// Whether prompts are possible (a person at a terminal).
    pub fn interactive(&self) -> bool {
        self.stdin_tty && self.stderr_tty
    }

    /// A note for the operator on stderr (suppressed by -q).
    pub fn note(&self, msg: impl AsRef<str>) {
        if self.verbosity >= 0 {
            eprintln!("ldp: {}", msg.as_ref());
        }
    }

    /// A warning on stderr (shown even with -q).
    pub fn warn(&self, msg: impl AsRef<str>) {
        let w = console::style("warning:").yellow().bold();
        eprintln!("ldp: {w} {}", msg.as_ref());
    }

    /// Diagnostics for -v.
    pub fn debug(&self, msg: impl AsRef<str>) {
        if self.verbosity > 0 {
            eprintln!("ldp: {}", msg.as_ref());
        }
    }

    /// A spinner with a counter on stderr, only on a terminal and not with -q.
    pub fn spinner(&self, what: &str) -> ProgressBar {
        if !self.stderr_tty || self.verbosity < 0 {
            return ProgressBar::hidden();
        }
        let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10));
        pb.set_style(
            ProgressStyle::with_template("{spinner} {msg} {human_pos} ({rate}, {elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner())
                .with_key("rate", whole_rate),
        );
        pb.set_message(what.to_string());
        pb.enable_steady_tick(Duration::from_millis(100));
        pb
    }

    /// A progress bar with rate and ETA on stderr, only on a terminal and not with -q.
    pub fn bar(&self, len: u64, what: &str) -> ProgressBar {
        if !self.stderr_tty || self.verbosity < 0 {
            return ProgressBar::hidden();
        }
        let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr_with_hz(10));
        pb.set_style(
            ProgressStyle::with_template(
                "{msg:11} [{bar:30}] {human_pos}/{human_len} ({rate}, ETA {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key("rate", whole_rate)
            .progress_chars("=> "),
        );
        pb.set_message(what.to_string());
        pb
    }

    /// A bar counting bytes, with rate and ETA; the message carries the
    /// file count. Only on a terminal and not with -q.
    pub fn bytes_bar(&self, total: u64, what: &str) -> ProgressBar {
        if !self.stderr_tty || self.verbosity < 0 {
            return ProgressBar::hidden();
        }
        let pb = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr_with_hz(10));
        pb.set_style(
            ProgressStyle::with_template(
                "{msg:24} [{bar:30}] {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, ETA {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        pb.set_message(what.to_string());
        pb
    }

    /// Ask yes/no on the terminal; default no.
    pub fn confirm(&self, prompt: &str) -> Result<bool> {
        Ok(dialoguer::Confirm::new()
            .with_prompt(prompt)
            .default(false)
            .interact()?)
    }

    /// Print a report in the chosen format.
    pub fn print(&self, report: &dyn Report) -> Result<()> {
        let stdout = io::stdout();
        let mut w = BufWriter::new(stdout.lock());
        match self.format {
            // Straight from the report to stdout: no copy of a large
            // report as a JSON tree first.
            OutputFormat::Json => {
                report.write_json(&mut w, true)?;
                writeln!(w)?;
            }
            OutputFormat::Ndjson => {
                report.write_json(&mut w, false)?;
                writeln!(w)?;
            }
            _ => w.write_all(report.text(self).as_bytes())?,
        }
        flush(w)
    }

    /// Write text that a command rendered itself (Nagios, Prometheus) to stdout.
    pub fn write_raw(&self, text: &str) -> Result<()> {
        write_stdout(text.as_bytes())
    }

    /// One frame of `--watch`. A table on a terminal is redrawn in place
    /// under `header`; in a pipe frames follow each other, each under its
    /// header line; JSON formats print the report as [`print`](Self::print)
    /// does (with NDJSON that is one line per refresh). Returns false once
    /// stdout has gone away (`| head`): the caller stops watching.
    pub fn refresh(&self, report: &dyn Report, header: &str) -> Result<bool> {
        let mut buf = Vec::new();
        match self.format {
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut buf, &report.json())?;
                buf.push(b'\n');
            }
            OutputFormat::Ndjson => {
                serde_json::to_writer(&mut buf, &report.json())?;
                buf.push(b'\n');
            }
            _ => {
                if self.stdout_tty {
                    // Cursor home, clear the screen: the new frame replaces the old.
                    buf.extend_from_slice(b"\x1b[H\x1b[2J");
                }
                buf.extend_from_slice(header.as_bytes());
                buf.push(b'\n');
                buf.extend_from_slice(report.text(self).as_bytes());
                if !self.stdout_tty {
                    buf.push(b'\n');
                }
            }
        }
        let mut w = io::stdout().lock();
        match w.write_all(&buf).and_then(|()| w.flush()) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// A table for this output: aligned to the terminal's width on a
    /// terminal (or with an explicit `-o table`), else one tab-separated
    /// record per line with no header. Identifier columns are never cut.
    pub fn table(&self, headers: &[&str]) -> Grid {
        Grid {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            whole: Vec::new(),
            aligned: self.stdout_tty || self.explicit,
            width: if self.stdout_tty {
                Some(self.width)
            } else {
                None
            },
            bold: self.color,
        }
    }

    /// Whether tables come out as aligned text (else tab-separated records).
    pub fn aligned(&self) -> bool {
        self.stdout_tty || self.explicit
    }

    /// A count for a cell: `1,234` in a table, `1234` in records.
    pub fn count(&self, n: u64) -> String {
        if self.aligned() {
            thousands(n)
        } else {
            n.to_string()
        }
    }

    /// A size for a cell: `1.5 KiB` in a table, bytes in records.
    pub fn bytes(&self, n: u64) -> String {
        if self.aligned() {
            human_bytes(n)
        } else {
            n.to_string()
        }
    }

    /// A line around the records (a heading, a total, "nothing matched"):
    /// with the table on a terminal it is part of the text; in a pipe it goes
    /// to stderr as a note, so stdout holds records only.
    pub fn aside(&self, text: &mut String, line: impl AsRef<str>) {
        if self.aligned() {
            text.push_str(line.as_ref());
            text.push('\n');
        } else {
            self.note(line);
        }
    }
}

/// Headers whose columns hold identifiers: never wrapped or cut.
const WHOLE: [&str; 11] = [
    "key", "pattern", "document", "batch", "id", "lock", "family", "name", "queue", "token",
    "started",
];

/// A table of strings that the output layer lays out: on a terminal with
/// aligned columns (numbers to the right, identifiers whole, the others
/// wrapping to fit the width), in a pipe as tab-separated records.
#[derive(Debug, Clone)]
pub struct Grid {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    whole: Vec<usize>,
    aligned: bool,
    width: Option<u16>,
    bold: bool,
}

impl Grid {
    pub fn add_row(&mut self, row: Vec<String>) -> &mut Self {
        self.rows.push(row);
        self
    }

    /// Keep these columns whole too (besides the identifier ones).
    pub fn whole(&mut self, cols: &[usize]) -> &mut Self {
        self.whole.extend_from_slice(cols);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn keep_whole(&self, i: usize) -> bool {
        self.whole.contains(&i)
            || self
                .headers
                .get(i)
                .is_some_and(|h| WHOLE.contains(&h.to_ascii_lowercase().as_str()))
    }

    /// A column is numeric when each of its cells starts with a digit (or is
    /// empty or "-"): counts, sizes, durations, percentages.
    fn numeric(&self, i: usize) -> bool {
        let mut any = false;
        for r in &self.rows {
            match r.get(i).map(|c| console::strip_ansi_codes(c)) {
                Some(c) if c.is_empty() || c == "-" => {}
                Some(c) if c.starts_with(|ch: char| ch.is_ascii_digit()) && !c.contains(", ") => {
                    any = true
                }
                _ => return false,
            }
        }
        any
    }

    /// Widest cell (or header) of column `i`, in terminal columns.
    fn natural(&self, i: usize) -> usize {
        let cell = |c: &str| {
            c.lines()
                .map(console::measure_text_width)
                .max()
                .unwrap_or(0)
        };
        self.rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|c| cell(c))
            .chain(self.headers.get(i).map(|h| h.len()))
            .max()
            .unwrap_or(0)
    }

    /// The column order: as given, unless the identifier columns alone leave
    /// the others too little room; then the key (or pattern) goes last, so a
    /// long key runs past the edge instead of squeezing the rest.
    fn order(&self) -> (Vec<usize>, bool) {
        let n = self.headers.len();
        let all: Vec<usize> = (0..n).collect();
        let Some(width) = self.width.map(usize::from) else {
            return (all, false);
        };
        let pad = 2 * n;
        let natural: usize = (0..n).map(|i| self.natural(i)).sum::<usize>() + pad;
        if natural <= width {
            return (all, false);
        }
        const MIN: usize = 8;
        let fixed: usize = (0..n)
            .map(|i| {
                if self.keep_whole(i) {
                    self.natural(i)
                } else {
                    self.natural(i).min(MIN)
                }
            })
            .sum::<usize>()
            + pad;
        if fixed <= width {
            return (all, true);
        }
        let key = |i: &usize| {
            matches!(
                self.headers[*i].to_ascii_lowercase().as_str(),
                "key" | "pattern" | "unknown pattern" | "biggest keys"
            )
        };
        let mut order: Vec<usize> = all.iter().copied().filter(|i| !key(i)).collect();
        order.extend(all.iter().copied().filter(key));
        (order, false)
    }

    fn render_aligned(&self) -> String {
        use comfy_table::{CellAlignment, ColumnConstraint};
        let (order, squeeze) = self.order();
        let mut t = Table::new();
        t.load_preset(comfy_table::presets::NOTHING);
        match (squeeze, self.width) {
            (true, Some(w)) => {
                t.set_content_arrangement(ContentArrangement::Dynamic);
                t.set_width(w);
            }
            _ => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        t.set_header(order.iter().map(|&i| {
            let c = Cell::new(self.headers[i].to_uppercase());
            if self.bold {
                c.add_attribute(comfy_table::Attribute::Bold)
            } else {
                c
            }
        }));
        for r in &self.rows {
            t.add_row(order.iter().map(|&i| r.get(i).cloned().unwrap_or_default()));
        }
        for (pos, &i) in order.iter().enumerate() {
            let whole = self.keep_whole(i);
            let numeric = !whole && self.numeric(i);
            if let Some(c) = t.column_mut(pos) {
                if whole {
                    c.set_constraint(ColumnConstraint::ContentWidth);
                }
                if numeric {
                    c.set_cell_alignment(CellAlignment::Right);
                }
            }
        }
        t.to_string()
    }

    /// One record per line, cells tab-separated; a cell's own tabs and line
    /// breaks become spaces and "; " so a record stays one line.
    fn render_records(&self) -> String {
        let mut s = String::new();
        for r in &self.rows {
            let cells: Vec<String> = r
                .iter()
                .map(|c| {
                    console::strip_ansi_codes(c)
                        .trim()
                        .replace('\t', " ")
                        .replace('\n', "; ")
                })
                .collect();
            s.push_str(&cells.join("\t"));
            s.push('\n');
        }
        s.pop();
        s
    }
}

impl std::fmt::Display for Grid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.aligned {
            f.write_str(&self.render_aligned())
        } else {
            f.write_str(&self.render_records())
        }
    }
}

/// A progress rate as a whole number per second (`12,345/s`).
fn whole_rate(state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write) {
    let _ = write!(w, "{}/s", thousands(state.per_sec().round() as u64));
}

/// Bytes to stdout, a closed pipe (`| head`) being no error.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match w.write_all(bytes) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
        r => r?,
    }
    flush(w)
}

/// Flush, treating a closed pipe (`| head`) as success.
pub fn flush<W: Write>(mut w: W) -> Result<()> {
    match w.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// A command's result: one JSON shape, one human rendering.
pub trait Report: erased::ToJson {
    fn text(&self, out: &Output) -> String;
}

/// Every serializable report is JSON-able through a `dyn Report`.
pub mod erased {
    pub trait ToJson {
        fn json(&self) -> serde_json::Value;
        /// Serialize to `w` without building a JSON tree first.
        fn write_json(&self, w: &mut dyn std::io::Write, pretty: bool) -> serde_json::Result<()>;
    }

    impl<T: serde::Serialize> ToJson for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or_default()
        }
        fn write_json(&self, w: &mut dyn std::io::Write, pretty: bool) -> serde_json::Result<()> {
            if pretty {
                serde_json::to_writer_pretty(w, self)
            } else {
                serde_json::to_writer(w, self)
            }
        }
    }
}

/// How a stream of rows is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamMode {
    /// The first column only, one per line (`redis-cli --scan` style).
    Lines,
    /// Tab-separated columns, for shell tools.
    Tsv,
    /// A table on a terminal, at most `limit` rows.
    Table {
        limit: usize,
    },
    JsonArray,
    Ndjson,
}

/// A row of a stream: JSON by serde, plain by its cells.
pub trait Row: Serialize {
    fn headers(&self) -> Vec<&'static str>;
    /// Machine-friendly cells (TSV); the first is the key.
    fn cells(&self) -> Vec<String>;
    /// Human cells (table).
    fn human_cells(&self) -> Vec<String> {
        self.cells()
    }
}

/// Writes rows to stdout as they come, with bounded memory (a table keeps at
/// most its limit).
pub struct RowWriter {
    mode: StreamMode,
    w: BufWriter<io::Stdout>,
    buf: Vec<u8>,
    rows: usize,
    table: Vec<Vec<String>>,
    headers: Vec<&'static str>,
    truncated: bool,
    closed: bool,
}

impl RowWriter {
    pub fn new(mode: StreamMode) -> RowWriter {
        RowWriter {
            mode,
            w: BufWriter::with_capacity(1 << 16, io::stdout()),
            buf: Vec::with_capacity(1 << 16),
            rows: 0,
            table: Vec::new(),
            headers: Vec::new(),
            truncated: false,
            closed: false,
        }
    }

    pub fn mode(&self) -> StreamMode {
        self.mode
    }

    /// Whether stdout went away (broken pipe): the producer should stop.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// The fast path for plain key lines.
    pub fn line(&mut self, key: &[u8]) -> Result<()> {
        crate::bytes::write_escaped(&mut self.buf, key);
        self.buf.push(b'\n');
        self.rows += 1;
        self.spill()
    }

    pub fn row<R: Row>(&mut self, row: &R) -> Result<()> {
        match self.mode {
            StreamMode::Lines => {
                let cells = row.cells();
                self.buf
                    .extend_from_slice(cells.first().map(String::as_bytes).unwrap_or_default());
                self.buf.push(b'\n');
            }
            StreamMode::Tsv => {
                self.buf
                    .extend_from_slice(row.cells().join("\t").as_bytes());
                self.buf.push(b'\n');
            }
            StreamMode::Ndjson => {
                serde_json::to_writer(&mut self.buf, row)?;
                self.buf.push(b'\n');
            }
            StreamMode::JsonArray => {
                self.buf
                    .extend_from_slice(if self.rows == 0 { b"[\n  " } else { b",\n  " });
                serde_json::to_writer(&mut self.buf, row)?;
            }
            StreamMode::Table { limit } => {
                if self.headers.is_empty() {
                    self.headers = row.headers();
                }
                if self.table.len() < limit {
                    self.table.push(row.human_cells());
                } else {
                    self.truncated = true;
                }
            }
        }
        self.rows += 1;
        self.spill()
    }

    fn spill(&mut self) -> Result<()> {
        if self.buf.len() >= 1 << 16 {
            self.write_buf()?;
        }
        Ok(())
    }

    fn write_buf(&mut self) -> Result<()> {
        if self.closed {
            self.buf.clear();
            return Ok(());
        }
        if let Err(e) = self.w.write_all(&self.buf) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                self.closed = true;
            } else {
                return Err(e.into());
            }
        }
        self.buf.clear();
        Ok(())
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Close the stream (the JSON array's bracket, the table) and flush.
    pub fn finish(mut self, out: &Output) -> Result<()> {
        match self.mode {
            StreamMode::JsonArray => {
                self.buf
                    .extend_from_slice(if self.rows == 0 { b"[]\n" } else { b"\n]\n" });
            }
            StreamMode::Table { limit } => {
                if !self.table.is_empty() {
                    let mut t = out.table(&self.headers);
                    for r in std::mem::take(&mut self.table) {
                        t.add_row(r);
                    }
                    self.buf.extend_from_slice(t.to_string().as_bytes());
                    self.buf.push(b'\n');
                }
                if self.truncated {
                    out.note(format!(
                        "showing the first {limit} of {} rows; use --limit, or -o ndjson for all",
                        self.rows
                    ));
                }
            }
            _ => {}
        }
        self.write_buf()?;
        if self.closed {
            return Ok(());
        }
        flush(self.w)
    }
}

/// A report whose records go out the moment each is decided, between a
/// head known at the start and a tail known only at the end, so a command
/// over a million inputs keeps nothing per input. With JSON it is one object
/// (`{head..., "<key>": [record, ...], tail...}`); with NDJSON one line per
/// record, then one line with head and tail; otherwise nothing is streamed
/// and the tail's text is printed at the end. Records are held back until
/// [`go_live`](Self::go_live), so a command that fails before it changes
/// anything leaves stdout empty.
pub struct RecordStream {
    json: Option<bool>,
    key: &'static str,
    head: serde_json::Map<String, serde_json::Value>,
    live: bool,
    buf: Vec<u8>,
    w: BufWriter<io::Stdout>,
    rows: usize,
    closed: bool,
    error: Option<io::Error>,
    /// When records last reached stdout: a slow run still shows its
    /// records within a second (and the first at once).
    flushed: Option<std::time::Instant>,
}

impl RecordStream {
    /// `head`: the fields known before the first record (a JSON object).
    pub fn new(out: &Output, key: &'static str, head: &impl Serialize) -> RecordStream {
        let head = match serde_json::to_value(head) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => serde_json::Map::new(),
        };
        RecordStream {
            json: match out.format {
                OutputFormat::Json => Some(true),
                OutputFormat::Ndjson => Some(false),
                _ => None,
            },
            key,
            head,
            live: false,
            buf: Vec::new(),
            w: BufWriter::with_capacity(1 << 16, io::stdout()),
            rows: 0,
            closed: false,
            error: None,
            flushed: None,
        }
    }

    /// Whether records are written at all (JSON or NDJSON).
    pub fn streams(&self) -> bool {
        self.json.is_some()
    }

    /// One record. A write error other than a closed pipe is kept and
    /// returned by [`finish`](Self::finish).
    pub fn push<R: Serialize>(&mut self, r: &R) {
        let Some(pretty) = self.json else { return };
        if pretty {
            self.buf.extend_from_slice(if self.rows == 0 {
                b"\n    "
            } else {
                b",\n    "
            });
        }
        if let Err(e) = serde_json::to_writer(&mut self.buf, r) {
            self.error.get_or_insert(e.into());
        }
        if !pretty {
            self.buf.push(b'\n');
        }
        self.rows += 1;
        let due = self
            .flushed
            .is_none_or(|t| t.elapsed() >= Duration::from_secs(1));
        if self.live && (due || self.buf.len() >= 1 << 16) {
            self.write_buf();
            if due {
                self.flushed = Some(std::time::Instant::now());
                if let Err(e) = self.w.flush()
                    && e.kind() != io::ErrorKind::BrokenPipe
                {
                    self.error.get_or_insert(e);
                }
            }
        }
    }

    /// From now on records are written as they come (with JSON, after the
    /// head).
    pub fn go_live(&mut self) {
        if self.live {
            return;
        }
        self.live = true;
        if self.json == Some(true) {
            let mut head = Vec::new();
            head.extend_from_slice(b"{");
            for (k, v) in &self.head {
                write_field(&mut head, k, v);
                head.push(b',');
            }
            head.extend_from_slice(format!("\n  {:?}: [", self.key).as_bytes());
            head.append(&mut self.buf);
            self.buf = head;
        }
        self.write_buf();
    }

    fn write_buf(&mut self) {
        if !self.closed
            && let Err(e) = self.w.write_all(&self.buf)
        {
            if e.kind() == io::ErrorKind::BrokenPipe {
                self.closed = true;
            } else {
                self.error.get_or_insert(e);
            }
        }
        self.buf.clear();
    }

    /// The end: the tail's fields (the head's are not repeated), or its text.
    pub fn finish(mut self, out: &Output, tail: &dyn Report) -> Result<()> {
        self.go_live();
        match self.json {
            None => self.buf.extend_from_slice(tail.text(out).as_bytes()),
            Some(pretty) => {
                let mut all = match tail.json() {
                    serde_json::Value::Object(m) => m,
                    _ => serde_json::Map::new(),
                };
                all.retain(|k, _| !self.head.contains_key(k) && k != self.key);
                if pretty {
                    self.buf
                        .extend_from_slice(if self.rows == 0 { b"]" } else { b"\n  ]" });
                    for (k, v) in &all {
                        self.buf.push(b',');
                        write_field(&mut self.buf, k, v);
                    }
                    self.buf.extend_from_slice(b"\n}\n");
                } else {
                    let mut line = self.head.clone();
                    line.extend(all);
                    serde_json::to_writer(&mut self.buf, &line)?;
                    self.buf.push(b'\n');
                }
            }
        }
        self.write_buf();
        if let Some(e) = self.error.take() {
            return Err(e.into());
        }
        if self.closed {
            return Ok(());
        }
        flush(self.w)
    }
}

/// `\n  "key": value` for a pretty JSON object's field.
fn write_field(buf: &mut Vec<u8>, k: &str, v: &serde_json::Value) {
    buf.extend_from_slice(b"\n  ");
    let _ = serde_json::to_writer(&mut *buf, k);
    buf.extend_from_slice(b": ");
    let _ = serde_json::to_writer(&mut *buf, v);
}

/// A text progress bar `[###xx~~....]`: done `#`, failed `x`, in flight `~`,
/// the rest `.`; coloured when colour is on. Counts are scaled to `width`.
pub fn bar(out: &Output, done: u64, failed: u64, running: u64, total: u64, width: usize) -> String {
    if total == 0 {
        return format!("[{}]", ".".repeat(width));
    }
    let cells = |n: u64| ((n as f64 / total as f64) * width as f64).round() as usize;
    let d = cells(done).min(width);
    let f = cells(failed).min(width - d);
    let r = cells(running).min(width - d - f);
    let rest = width - d - f - r;
    let paint = |s: String, c: console::Color| {
        if out.color {
            console::style(s).fg(c).to_string()
        } else {
            s
        }
    };
    format!(
        "[{}{}{}{}]",
        paint("#".repeat(d), console::Color::Green),
        paint("x".repeat(f), console::Color::Red),
        paint("~".repeat(r), console::Color::Yellow),
        ".".repeat(rest)
    )
}

/// Seconds for people, compact: `450ms`, `59s`, `3m2s`, `23h59m`, `6d23h`; "-" for none.
pub fn human_secs(secs: Option<f64>) -> String {
    match secs {
        None => "-".into(),
        Some(s) if !s.is_finite() => "-".into(),
        Some(s) if s < 1.0 => format!("{}ms", (s.max(0.0) * 1000.0).round() as u64),
        Some(s) => compact(s.round() as u64),
    }
}

/// Whole seconds as the two largest units: `59s`, `3m2s`, `23h59m`, `6d23h`.
pub fn compact(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    let two = |a: u64, ua: &str, b: u64, ub: &str| {
        if b == 0 {
            format!("{a}{ua}")
        } else {
            format!("{a}{ua}{b}{ub}")
        }
    };
    if d > 0 {
        two(d, "d", h, "h")
    } else if h > 0 {
        two(h, "h", m, "m")
    } else if m > 0 {
        two(m, "m", s, "s")
    } else {
        format!("{s}s")
    }
}

/// Thousands separators for human output.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bytes as B, KiB, MiB, GiB.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// A TTL for people: "none" for no expiry, else a short duration.
pub fn human_ttl(ms: Option<i64>) -> String {
    match ms {
        None => "none".into(),
        Some(ms) if ms < 0 => "none".into(),
        Some(ms) => compact((ms as u64).div_ceil(1000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn humanises() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(100), "100");
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_ttl(None), "none");
        assert_eq!(human_ttl(Some(299_500)), "5m");
        assert_eq!(human_ttl(Some(61_000)), "1m1s");
        assert_eq!(human_ttl(Some(604_791_000)), "6d23h");
        assert_eq!(human_secs(Some(86_399.0)), "23h59m");
        assert_eq!(human_secs(Some(59.4)), "59s");
        assert_eq!(human_secs(Some(0.25)), "250ms");
    }
}
