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
        let width = console::Term::stdout()
            .size_checked()
            .map(|(_, w)| w)
            .unwrap_or(100)
            .clamp(40, 100);
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
        let names: Vec<String> = supported.iter().map(|f| format_name(*f)).collect();
        Err(LdpError::usage(format!(
            "'{command}' does not support -o {} (supported: {})",
            format_name(self.format),
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
            ProgressStyle::with_template("{spinner} {msg} {human_pos} ({per_sec}, {elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
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
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{}/s", thousands(state.per_sec().round() as u64));
                },
            )
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
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut w, &report.json())?;
                writeln!(w)?;
            }
            OutputFormat::Ndjson => {
                serde_json::to_writer(&mut w, &report.json())?;
                writeln!(w)?;
            }
            _ => w.write_all(report.text(self).as_bytes())?,
        }
        flush(w)
    }

    /// Write text that a command rendered itself (Nagios, Prometheus) to stdout.
    pub fn write_raw(&self, text: &str) -> Result<()> {
        let stdout = io::stdout();
        let mut w = BufWriter::new(stdout.lock());
        match w.write_all(text.as_bytes()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            r => r?,
        }
        flush(w)
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

    /// A table sized for this terminal (at most 100 columns).
    pub fn table(&self, headers: &[&str]) -> Table {
        let mut t = Table::new();
        t.load_preset(comfy_table::presets::NOTHING);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_width(self.width);
        t.set_header(headers.iter().map(|h| {
            let c = Cell::new(h.to_uppercase());
            if self.color {
                c.add_attribute(comfy_table::Attribute::Bold)
            } else {
                c
            }
        }));
        t
    }
}

/// Flush, treating a closed pipe (`| head`) as success.
pub fn flush<W: Write>(mut w: W) -> Result<()> {
    match w.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

pub fn format_name(f: OutputFormat) -> String {
    f.name().to_string()
}

/// A command's result: one JSON shape, one human rendering.
pub trait Report {
    fn json(&self) -> serde_json::Value;
    fn text(&self, out: &Output) -> String;
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

/// Seconds for people: `3m 2s`, `450ms`; "-" for none.
pub fn human_secs(secs: Option<f64>) -> String {
    match secs {
        None => "-".into(),
        Some(s) if !s.is_finite() => "-".into(),
        Some(s) if s < 1.0 => format!("{}ms", (s.max(0.0) * 1000.0).round() as u64),
        Some(s) => humantime::format_duration(Duration::from_secs(s.round() as u64)).to_string(),
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
        Some(ms) => {
            let secs = (ms as u64).div_ceil(1000);
            humantime::format_duration(Duration::from_secs(secs)).to_string()
        }
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
        assert_eq!(human_ttl(Some(61_000)), "1m 1s");
    }
}
