//! What an import reads: the PATH arguments walked (or the pipeline's
//! manifest), validated before anything is written, and each file hashed.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use crate::broker::task::has_kombu_tag;
use crate::error::LdpError;

/// The pipeline's document types, when no --include says otherwise.
pub const DEFAULT_TYPES: [&str; 9] = [
    "pdf", "doc", "docx", "txt", "jpg", "jpeg", "png", "tiff", "tif",
];

/// One file to import, validated. Small on purpose (a path and, from a
/// manifest only, what it says beyond the path): an import holds one per
/// file for the whole run.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    extra: Option<Box<Extra>>,
}

/// What a manifest entry may say beyond the file's path.
#[derive(Debug, Clone, Default)]
struct Extra {
    name: Option<String>,
    /// Lower-case, without a dot.
    file_type: Option<String>,
    mime_type: Option<String>,
    metadata: Option<Json>,
}

impl Input {
    fn new(path: PathBuf) -> Input {
        Input { path, extra: None }
    }

    /// The file name (or the manifest's `name`).
    pub fn name(&self) -> String {
        match self.extra.as_ref().and_then(|e| e.name.as_ref()) {
            Some(n) => n.clone(),
            None => self
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// Lower-case, with its dot (`.pdf`), or empty.
    pub fn ext(&self) -> String {
        lower_ext(&self.path)
    }

    /// The extension without its dot (or the manifest's `detected_type`).
    pub fn file_type(&self) -> String {
        match self.extra.as_ref().and_then(|e| e.file_type.as_ref()) {
            Some(t) => t.clone(),
            None => self.ext().trim_start_matches('.').to_string(),
        }
    }

    pub fn mime_type(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|e| e.mime_type.as_deref())
    }

    pub fn metadata(&self) -> Option<&Json> {
        self.extra.as_ref().and_then(|e| e.metadata.as_ref())
    }
}

fn lower_ext(p: &Path) -> String {
    p.extension()
        .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
        .unwrap_or_default()
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Walk the PATH arguments: files as given, directories recursively,
/// filtered by --include/--exclude (or the pipeline's types).
pub fn walk(
    paths: &[PathBuf],
    include: &[String],
    exclude: &[String],
) -> Result<(Vec<Input>, usize)> {
    let build = |globs: &[String], what: &str| -> Result<Option<globset::GlobSet>> {
        if globs.is_empty() {
            return Ok(None);
        }
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            let glob = globset::GlobBuilder::new(g)
                .case_insensitive(true)
                .literal_separator(false)
                .build()
                .map_err(|e| LdpError::usage(format!("invalid --{what} '{g}': {e}")))?;
            b.add(glob);
        }
        Ok(Some(
            b.build()
                .map_err(|e| LdpError::usage(format!("--{what}: {e}")))?,
        ))
    };
    let inc = build(include, "include")?;
    let exc = build(exclude, "exclude")?;
    let wanted = |p: &Path| -> bool {
        let name = p.file_name().map(Path::new).unwrap_or(p);
        let hit = |set: &globset::GlobSet| set.is_match(p) || set.is_match(name);
        if exc.as_ref().is_some_and(hit) {
            return false;
        }
        match &inc {
            Some(set) => hit(set),
            None => DEFAULT_TYPES.contains(&lower_ext(p).trim_start_matches('.')),
        }
    };
    let mut out = Vec::new();
    let mut missing = Vec::new();
    let mut skipped = 0usize;
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                missing.push(format!("{}: {e}", p.display()));
                continue;
            }
        };
        if meta.is_dir() {
            // Unsorted: walkdir sorts by holding a whole directory's entries
            // (a 100,000-file folder at once); the inputs are sorted below.
            let first = out.len();
            for entry in walkdir::WalkDir::new(p).follow_links(true) {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        if wanted(e.path()) {
                            out.push(Input::new(absolute(e.path())));
                        } else {
                            skipped += 1;
                        }
                    }
                    Ok(_) => {}
                    // A dangling link or a link loop inside a directory is
                    // one unreadable file: reported as failed, the rest go on.
                    Err(e) => match e.path() {
                        Some(bad) if bad != p.as_path() && wanted(bad) => {
                            out.push(Input::new(absolute(bad)))
                        }
                        Some(bad) if bad != p.as_path() => skipped += 1,
                        _ => missing.push(format!("{}: {e}", p.display())),
                    },
                }
            }
            // Path order is component-wise: the order of a sorted walk.
            out[first..].sort_unstable_by(|a: &Input, b: &Input| a.path.cmp(&b.path));
        } else if wanted(p) || (include.is_empty() && exclude.is_empty()) {
            // A file named explicitly is imported whatever its type, unless excluded.
            out.push(Input::new(absolute(p)));
        } else {
            skipped += 1;
        }
    }
    if !missing.is_empty() {
        return Err(LdpError::usage(problems(
            "cannot read the inputs",
            &missing,
        )));
    }
    out.shrink_to_fit();
    Ok((out, skipped))
}

fn problems(what: &str, list: &[String]) -> String {
    let shown: Vec<&str> = list.iter().take(10).map(String::as_str).collect();
    let more = if list.len() > 10 {
        format!("; and {} more", list.len() - 10)
    } else {
        String::new()
    };
    format!(
        "{what} ({} problem(s)): {}{more}",
        list.len(),
        shown.join("; ")
    )
}

/// Read and validate the pipeline's manifest completely: a syntax error, a
/// missing file or a bad field is a usage error listing every problem.
pub fn read_manifest(path: &Path) -> Result<Vec<Input>> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| LdpError::usage(format!("cannot read the manifest from stdin: {e}")))?;
        s
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            LdpError::usage(format!("cannot read --manifest {}: {e}", path.display()))
        })?
    };
    let m: Json = serde_json::from_str(&text)
        .map_err(|e| LdpError::usage(format!("--manifest {}: not JSON: {e}", path.display())))?;
    let mut bad = Vec::new();
    let base = match m.pointer("/metadata/base_path") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => Some(PathBuf::from(s)),
        Some(_) => {
            bad.push("metadata.base_path: not a string".to_string());
            None
        }
    };
    let files = match m.get("files") {
        Some(Json::Array(a)) if !a.is_empty() => a.clone(),
        Some(Json::Array(_)) => {
            bad.push("files: empty".into());
            Vec::new()
        }
        _ => {
            bad.push("files: missing or not an array".into());
            Vec::new()
        }
    };
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let at = |field: &str| format!("files[{i}].{field}");
        let Some(obj) = f.as_object() else {
            bad.push(format!("files[{i}]: not an object"));
            continue;
        };
        let rel = match obj.get("path") {
            Some(Json::String(s)) if !s.is_empty() => PathBuf::from(s),
            _ => {
                bad.push(format!("{}: missing or not a string", at("path")));
                continue;
            }
        };
        let full = match (&base, rel.is_absolute()) {
            (Some(b), false) => b.join(&rel),
            _ => rel.clone(),
        };
        let mut ok = true;
        for field in ["detected_type", "mime_type", "name"] {
            if let Some(v) = obj.get(field)
                && !v.is_string()
                && !v.is_null()
            {
                bad.push(format!("{}: not a string", at(field)));
                ok = false;
            }
        }
        let metadata = match obj.get("metadata") {
            None | Some(Json::Null) => None,
            Some(v @ Json::Object(_)) => {
                if has_kombu_tag(v) {
                    bad.push(format!(
                        "{}: holds a {{__type__, __value__}} object kombu would decode",
                        at("metadata")
                    ));
                    ok = false;
                }
                Some(v.clone())
            }
            Some(_) => {
                bad.push(format!("{}: not an object", at("metadata")));
                ok = false;
                None
            }
        };
        match std::fs::metadata(&full) {
            Ok(md) if md.is_file() => {}
            Ok(_) => {
                bad.push(format!("{}: {} is not a file", at("path"), full.display()));
                ok = false;
            }
            Err(e) => {
                bad.push(format!("{}: {}: {e}", at("path"), full.display()));
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        let text = |field: &str| obj.get(field).and_then(|v| v.as_str()).map(str::to_string);
        let extra = Extra {
            name: text("name"),
            file_type: text("detected_type")
                .map(|t| t.trim_start_matches('.').to_ascii_lowercase()),
            mime_type: text("mime_type"),
            metadata,
        };
        let mut input = Input::new(absolute(&full));
        input.extra = Some(Box::new(extra));
        out.push(input);
    }
    if !bad.is_empty() {
        return Err(LdpError::usage(problems(
            &format!("invalid manifest {}", path.display()),
            &bad,
        )));
    }
    Ok(out)
}

/// `{uuid}`, `{ext}`, `{name}`, `{project}`; anything else in braces is refused.
pub fn check_template(tpl: &str) -> Result<()> {
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        let end = rest[i..].find('}').ok_or_else(|| {
            LdpError::usage(format!(
                "invalid --path-template '{tpl}': '{{' without '}}'"
            ))
        })?;
        let name = &rest[i + 1..i + end];
        if !["uuid", "ext", "name", "project"].contains(&name) {
            return Err(LdpError::usage(format!(
                "invalid --path-template '{tpl}': unknown placeholder {{{name}}} (use {{uuid}}, {{ext}}, {{name}}, {{project}})"
            )));
        }
        rest = &rest[i + end + 1..];
    }
    Ok(())
}

pub fn render_path(tpl: Option<&str>, input: &Input, uuid: &str, project: &str) -> String {
    match tpl {
        None => input.path.to_string_lossy().into_owned(),
        Some(t) => t
            .replace("{uuid}", uuid)
            .replace("{ext}", &input.ext())
            .replace("{name}", &input.name())
            .replace("{project}", project),
    }
}

/// A SHA-256 digest, kept as its 32 bytes; hex only where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sha(pub [u8; 32]);

impl Sha {
    pub fn hex(&self) -> String {
        self.to_string()
    }
}

impl std::fmt::Display for Sha {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// SHA-256 of a file, streamed.
pub fn sha256_file(p: &Path) -> std::io::Result<(Sha, u64)> {
    let mut f = std::fs::File::open(p)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    Ok((Sha(h.finalize().into()), size))
}

/// A file's SHA-256 and size, or why it could not be read.
pub type Hashed = std::io::Result<(Sha, u64)>;

/// Hashes waiting for the run: a bound, so fast hashing of many small files
/// cannot pile up results faster than they are enqueued.
const HASHED_AHEAD: usize = 4096;

/// Hash files on `jobs` threads, sending each result as it is ready.
pub fn spawn_hashing(
    inputs: std::sync::Arc<Vec<Input>>,
    jobs: usize,
    fail_fast: bool,
) -> tokio::sync::mpsc::Receiver<(usize, Hashed)> {
    let (tx, rx) = tokio::sync::mpsc::channel(HASHED_AHEAD);
    let next = std::sync::Arc::new(AtomicUsize::new(0));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for _ in 0..jobs.max(1) {
        let (inputs, tx, next, stop) = (inputs.clone(), tx.clone(), next.clone(), stop.clone());
        std::thread::spawn(move || {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= inputs.len() {
                    return;
                }
                let r = if stop.load(Ordering::Relaxed) {
                    Err(std::io::Error::other("not hashed (stopped by --fail-fast)"))
                } else {
                    sha256_file(&inputs[i].path)
                };
                if r.is_err() && fail_fast {
                    stop.store(true, Ordering::Relaxed);
                }
                if tx.blocking_send((i, r)).is_err() {
                    return; // the import stopped listening
                }
            }
        });
    }
    rx
}
