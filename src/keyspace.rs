//! The key-family registry (one declarative description of the pipeline's
//! keys, embedded and overridable), glob escaping of user-given identifiers,
//! and which keys are protected from broad deletes.

use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::broker::BrokerLayout;
use crate::error::LdpError;
use crate::glob::glob_escape;

/// The registry shipped with ldp (KEYSPACE.md as data).
pub const EMBEDDED: &str = include_str!("keyspace.toml");

/// What a family is for; decides what `cache clear` and `keys delete` may touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Recomputed by the pipeline: safe to clear.
    Derived,
    /// Live pipeline state: cleared only when named.
    Bookkeeping,
    Batch,
    Metrics,
    RateLimit,
    Lock,
    /// The Celery broker's keys: never deleted by broad patterns.
    Broker,
    Result,
    Job,
    /// ldp's own keys under `ldp:`.
    Ldp,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Derived => "derived",
            Role::Bookkeeping => "bookkeeping",
            Role::Batch => "batch",
            Role::Metrics => "metrics",
            Role::RateLimit => "rate_limit",
            Role::Lock => "lock",
            Role::Broker => "broker",
            Role::Result => "result",
            Role::Job => "job",
            Role::Ldp => "ldp",
        }
    }
}

/// One piece of a compiled template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Lit(Vec<u8>),
    /// `{doc}`: a document UUID.
    Doc,
    /// `{name}`: one or more bytes.
    Hole(String),
    /// `*`: any bytes.
    Star,
}

/// A key template such as `cache:doc:entities:{doc}:{chunk}`.
#[derive(Debug, Clone)]
pub struct Template {
    pub text: String,
    pub legacy: bool,
    parts: Vec<Part>,
}

impl Template {
    pub fn parse(text: &str, legacy: bool) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut lit = Vec::new();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'{' => {
                    let end = text[i..]
                        .find('}')
                        .map(|e| i + e)
                        .ok_or_else(|| format!("template '{text}': '{{' without '}}'"))?;
                    let name = &text[i + 1..end];
                    if name.is_empty()
                        || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
                    {
                        return Err(format!("template '{text}': bad placeholder '{{{name}}}'"));
                    }
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(if name == "doc" {
                        Part::Doc
                    } else {
                        Part::Hole(name.to_string())
                    });
                    i = end + 1;
                }
                b'*' => {
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(Part::Star);
                    i += 1;
                }
                b'}' | b'?' | b'[' | b']' | b'\\' => {
                    return Err(format!("template '{text}': unexpected '{}'", b[i] as char));
                }
                c => {
                    lit.push(c);
                    i += 1;
                }
            }
        }
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        if parts.is_empty() {
            return Err("empty template".into());
        }
        if parts.iter().filter(|p| **p == Part::Doc).count() > 1 {
            return Err(format!("template '{text}': more than one {{doc}}"));
        }
        Ok(Template {
            text: text.to_string(),
            legacy,
            parts,
        })
    }

    /// Whether the template names a document.
    /// A per-chunk key (`entity:chunk:{chunk}:...`): a document's through
    /// its chunk list or its value.
    pub fn per_chunk(&self) -> bool {
        self.parts.contains(&Part::Hole("chunk".to_string()))
    }

    pub fn has_doc(&self) -> bool {
        self.parts.contains(&Part::Doc)
    }

    /// The one key this template gives for a document, when it has no other holes.
    pub fn exact(&self, doc: &str) -> Option<Vec<u8>> {
        self.has_doc()
            .then(|| self.fill_exact(&[("doc", doc.as_bytes())]))
            .flatten()
    }

    /// A MATCH pattern: literals glob-escaped, `{doc}` as the escaped id (or
    /// `*` when `doc` is None), other holes as `*`.
    pub fn glob(&self, doc: Option<&str>) -> Vec<u8> {
        match doc {
            Some(d) => self.fill_glob(&[("doc", d.as_bytes())]),
            None => self.fill_glob(&[]),
        }
    }

    /// Match a key; on success, the document id it names (if the template has `{doc}`).
    pub fn matches<'k>(&self, key: &'k [u8]) -> Option<Option<&'k [u8]>> {
        let caps = self.captures(key)?;
        Some(caps.iter().find(|(n, _)| *n == "doc").map(|(_, v)| *v))
    }

    /// Match a key; on success, the bytes of every placeholder (`{doc}` included).
    pub fn captures<'k>(&self, key: &'k [u8]) -> Option<Vec<(&str, &'k [u8])>> {
        let mut caps = Vec::new();
        match_parts(&self.parts, key, 0, &mut caps).then_some(caps)
    }

    /// The bytes one named placeholder (`batch` for `{batch}`) matched.
    pub fn capture<'k>(&self, key: &'k [u8], name: &str) -> Option<&'k [u8]> {
        self.captures(key)?
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }

    /// The exact key with every placeholder filled in; `None` when one is not
    /// given (or the template has a `*`).
    pub fn fill_exact(&self, values: &[(&str, &[u8])]) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for p in &self.parts {
            match p {
                Part::Lit(l) => out.extend_from_slice(l),
                Part::Star => return None,
                Part::Doc => out.extend_from_slice(lookup(values, "doc")?),
                Part::Hole(n) => out.extend_from_slice(lookup(values, n)?),
            }
        }
        Some(out)
    }

    /// A MATCH pattern: literals and the given values glob-escaped, every
    /// other placeholder `*` (so a user's id can never widen the match).
    pub fn fill_glob(&self, values: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for p in &self.parts {
            let given = match p {
                Part::Lit(l) => {
                    out.extend_from_slice(&glob_escape(l));
                    continue;
                }
                Part::Star => None,
                Part::Doc => lookup(values, "doc"),
                Part::Hole(n) => lookup(values, n),
            };
            match given {
                Some(v) => out.extend_from_slice(&glob_escape(v)),
                None => out.push(b'*'),
            }
        }
        out
    }

    /// The literal bytes before the first placeholder (unescaped).
    pub fn literal_prefix(&self) -> &[u8] {
        self.prefix()
    }

    /// The literal text before the first hole: a cheap pre-filter.
    fn prefix(&self) -> &[u8] {
        match self.parts.first() {
            Some(Part::Lit(l)) => l,
            _ => b"",
        }
    }
}

fn lookup<'v>(values: &[(&str, &'v [u8])], name: &str) -> Option<&'v [u8]> {
    values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// Backtracking match; a placeholder's bytes are recorded only on the path
/// that succeeds (captures are pushed while unwinding a successful match).
fn match_parts<'k, 'p>(
    parts: &'p [Part],
    key: &'k [u8],
    at: usize,
    caps: &mut Vec<(&'p str, &'k [u8])>,
) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return at == key.len();
    };
    let tail = &key[at..];
    match first {
        Part::Lit(l) => tail.starts_with(l) && match_parts(rest, key, at + l.len(), caps),
        Part::Doc => {
            if tail.len() >= 36 && is_uuid(&tail[..36]) && match_parts(rest, key, at + 36, caps) {
                caps.push(("doc", &key[at..at + 36]));
                true
            } else {
                false
            }
        }
        Part::Star => {
            if rest.is_empty() {
                return true;
            }
            (at..=key.len()).any(|j| match_parts(rest, key, j, caps))
        }
        Part::Hole(name) => {
            if rest.is_empty() {
                if tail.is_empty() {
                    return false;
                }
                caps.push((name.as_str(), tail));
                return true;
            }
            for j in at + 1..=key.len() {
                if match_parts(rest, key, j, caps) {
                    caps.push((name.as_str(), &key[at..j]));
                    return true;
                }
            }
            false
        }
    }
}

/// A canonical UUID (8-4-4-4-12 hex, either case).
pub fn is_uuid(b: &[u8]) -> bool {
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// One key family of the registry.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub name: String,
    pub role: Role,
    /// The Redis type the pipeline writes (`any` when it varies).
    #[serde(rename = "type", default = "any_type")]
    pub key_type: String,
    pub templates: Vec<String>,
    /// Older, unprefixed forms of the same keys: read as a fallback, cleared too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legacy: Vec<String>,
    /// The pipeline always sets a TTL on these keys.
    #[serde(default)]
    pub expires: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ttl: String,
    /// Never deleted by broad patterns (besides the broker and ldp roles).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub protected: bool,
    /// Dot paths into the value that name the document's project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub project_paths: Vec<String>,
    /// Known values of placeholders, for families whose keys ldp builds
    /// rather than scans (the cache metrics' `kind` and `cache_type`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub values: std::collections::BTreeMap<String, Vec<String>>,
    /// Dot path into the value holding the pipeline status (the state family).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_path: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip)]
    compiled: Vec<Template>,
}

fn any_type() -> String {
    "any".into()
}

impl Family {
    fn compile(&mut self) -> Result<(), String> {
        if self.templates.is_empty() && self.legacy.is_empty() {
            return Err(format!("family '{}' has no templates", self.name));
        }
        let mut c = Vec::new();
        for t in &self.templates {
            c.push(Template::parse(t, false).map_err(|e| format!("family '{}': {e}", self.name))?);
        }
        for t in &self.legacy {
            c.push(Template::parse(t, true).map_err(|e| format!("family '{}': {e}", self.name))?);
        }
        self.compiled = c;
        Ok(())
    }

    /// Prefixed templates first, then legacy ones.
    pub fn compiled(&self) -> &[Template] {
        &self.compiled
    }

    /// Keys of this family belong to one document.
    pub fn per_doc(&self) -> bool {
        self.compiled.iter().any(|t| t.has_doc() || t.per_chunk())
    }

    pub fn is_protected(&self) -> bool {
        self.protected || matches!(self.role, Role::Broker | Role::Ldp)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    #[serde(default)]
    replace_defaults: bool,
    #[serde(default)]
    family: Vec<Family>,
}

/// Every key family, in match order.
#[derive(Debug, Clone)]
pub struct Registry {
    pub families: Vec<Family>,
}

impl Registry {
    /// The registry shipped with ldp.
    pub fn embedded() -> Registry {
        // The embedded file is ours and a unit test parses it; an error here is a build defect.
        Registry::parse(EMBEDDED, "the embedded registry", None)
            .expect("embedded keyspace.toml is valid")
    }

    fn parse(text: &str, origin: &str, base: Option<Registry>) -> Result<Registry> {
        let file: RegistryFile = toml::from_str(text)
            .map_err(|e| LdpError::usage(format!("{origin}: {}", e.message().trim())))?;
        let mut families = match base {
            Some(b) if !file.replace_defaults => b.families,
            _ => Vec::new(),
        };
        for mut f in file.family {
            f.compile()
                .map_err(|e| LdpError::usage(format!("{origin}: {e}")))?;
            match families.iter_mut().find(|x| x.name == f.name) {
                Some(slot) => *slot = f,
                None => families.push(f),
            }
        }
        Ok(Registry { families })
    }

    /// The embedded registry, extended or overridden by an operator's file.
    pub fn load(path: Option<&Path>) -> Result<Registry> {
        let base = Registry::embedded();
        let Some(p) = path else { return Ok(base) };
        let text = std::fs::read_to_string(p)
            .map_err(|e| LdpError::usage(format!("cannot read --keyspace {}: {e}", p.display())))?;
        Registry::parse(&text, &format!("--keyspace {}", p.display()), Some(base))
    }

    pub fn get(&self, name: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.name == name)
    }

    /// The family a key belongs to, and the document it names: first match wins.
    pub fn classify<'k>(&self, key: &'k [u8]) -> Option<(usize, Option<&'k [u8]>)> {
        self.classify_template(key).map(|(i, _, d)| (i, d))
    }

    /// Like [`classify`](Self::classify), with the template that matched
    /// (which tells a legacy key from a prefixed one).
    pub fn classify_template<'k>(
        &self,
        key: &'k [u8],
    ) -> Option<(usize, &Template, Option<&'k [u8]>)> {
        for (i, f) in self.families.iter().enumerate() {
            for t in &f.compiled {
                if !key.starts_with(t.prefix()) {
                    continue;
                }
                if let Some(doc) = t.matches(key) {
                    return Some((i, t, doc));
                }
            }
        }
        None
    }

    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Family> {
        self.families.iter().filter(move |f| f.role == role)
    }
}

/// ldp's own keys live under this prefix.
pub const LDP_PREFIX: &[u8] = b"ldp:";

/// Keys that broad deletes skip unless told otherwise: the broker's (by its
/// layout and the registry), ldp's own, and families marked protected.
#[derive(Debug, Clone)]
pub struct Protection {
    pub broker: BrokerLayout,
    pub registry: Arc<Registry>,
}

impl Protection {
    pub fn new(registry: Arc<Registry>, broker: BrokerLayout) -> Protection {
        Protection { broker, registry }
    }

    /// Why a key is protected, or `None`.
    pub fn reason(&self, key: &[u8]) -> Option<&'static str> {
        if key.starts_with(LDP_PREFIX) {
            return Some("ldp");
        }
        if self.broker.is_broker_key(key) {
            return Some("celery broker");
        }
        match self.registry.classify(key) {
            Some((i, _)) if self.registry.families[i].is_protected() => {
                Some(self.registry.families[i].role.name())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_shape() {
        assert!(is_uuid(b"0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab"));
        assert!(!is_uuid(b"0b6f1c3e-2a4b-4c5d-8e9f-0123456789a"));
        assert!(!is_uuid(b"0b6f1c3e+2a4b-4c5d-8e9f-0123456789ab"));
    }

    #[test]
    fn protection() {
        let p = Protection::new(Arc::new(Registry::embedded()), BrokerLayout::default());
        assert_eq!(p.reason(b"ldp:imported:x"), Some("ldp"));
        assert_eq!(p.reason(b"default\x06\x163"), Some("celery broker"));
        assert_eq!(p.reason(b"doc:state:1"), None);
        assert!(p.reason(b"unacked_mutex").is_some());
        assert!(p.reason(b"_kombu.binding.celery").is_some());
    }

    const DOC: &str = "0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab";

    #[test]
    fn embedded_registry_parses_and_classifies() {
        let r = Registry::embedded();
        let fam = |k: &str| {
            r.classify(k.as_bytes()).map(|(i, d)| {
                (
                    r.families[i].name.as_str(),
                    d.map(|d| String::from_utf8_lossy(d).into_owned()),
                )
            })
        };
        let d = Some(DOC.to_string());
        assert_eq!(
            fam(&format!("cache:doc:state:{DOC}")),
            Some(("state", d.clone()))
        );
        assert_eq!(fam(&format!("doc:state:{DOC}")), Some(("state", d.clone())));
        assert_eq!(
            fam(&format!("doc:chunks_list:{DOC}")),
            Some(("chunks", d.clone()))
        );
        assert_eq!(
            fam(&format!("cache:doc:entities:{DOC}:c1")),
            Some(("chunk_entities", d.clone()))
        );
        assert_eq!(
            fam(&format!("emb:doc:{DOC}:3")),
            Some(("embeddings", d.clone()))
        );
        assert_eq!(
            fam(&format!("batch:error:b1:{DOC}")),
            Some(("batch_error", d.clone()))
        );
        assert_eq!(
            fam("cache:metrics:hits:ocr:29000000"),
            Some(("cache_metrics", None))
        );
        assert_eq!(fam("lock:nightly"), Some(("lock", None)));
        assert_eq!(fam("celery-task-meta-abc"), Some(("celery_result", None)));
        assert_eq!(
            fam("celery-taskset-meta-0b6f1c3e.s"),
            Some(("celery_chord", None))
        );
        assert_eq!(
            fam("cache:doc:state:unknown"),
            Some(("state_unknown", None))
        );
        // {doc} only matches a UUID; unknown keys belong to no family.
        assert_eq!(fam("doc:state:not-a-uuid"), None);
        assert_eq!(fam("something:else"), None);
        let names: std::collections::HashSet<&str> =
            r.families.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names.len(), r.families.len(), "family names are unique");
    }

    #[test]
    fn templates_give_exact_keys_and_escaped_globs() {
        let t = Template::parse("cache:doc:entities:{doc}:{chunk}", false).unwrap();
        assert_eq!(t.exact(DOC), None);
        assert_eq!(
            t.glob(Some(DOC)),
            format!("cache:doc:entities:{DOC}:*").into_bytes()
        );
        let t = Template::parse("cache:doc:state:{doc}", false).unwrap();
        assert_eq!(
            t.exact(DOC),
            Some(format!("cache:doc:state:{DOC}").into_bytes())
        );
        let t = Template::parse("weird[x]:{doc}", false);
        assert!(t.is_err());
        let t = Template::parse("a-b:{doc}", false).unwrap();
        assert_eq!(t.glob(None), b"a-b:*".to_vec());
    }

    #[test]
    fn named_placeholders_capture_and_fill() {
        let t = Template::parse("batch:error:{batch}:{doc}", false).unwrap();
        let key = format!("batch:error:b:1:{DOC}");
        assert_eq!(t.capture(key.as_bytes(), "batch"), Some(&b"b:1"[..]));
        assert_eq!(t.capture(key.as_bytes(), "doc"), Some(DOC.as_bytes()));
        assert_eq!(t.matches(key.as_bytes()), Some(Some(DOC.as_bytes())));
        assert_eq!(t.capture(b"batch:error:b1:not-a-uuid", "batch"), None);
        assert_eq!(t.fill_exact(&[("batch", b"b1")]), None);
        assert_eq!(
            t.fill_exact(&[("batch", b"b1"), ("doc", DOC.as_bytes())]),
            Some(format!("batch:error:b1:{DOC}").into_bytes())
        );
        // A user's id is escaped: '*' cannot widen the match.
        assert_eq!(
            t.fill_glob(&[("batch", b"b*")]),
            b"batch:error:b\\*:*".to_vec()
        );
        let p = Template::parse("batch:progress:{batch}", false).unwrap();
        assert_eq!(p.capture(b"batch:progress:x", "batch"), Some(&b"x"[..]));
        assert_eq!(p.capture(b"batch:progress:", "batch"), None);
        assert_eq!(p.literal_prefix(), b"batch:progress:");
        let s = Template::parse("ldp:batch:{batch}:*", false).unwrap();
        assert_eq!(s.fill_exact(&[("batch", b"x")]), None);
    }

    #[test]
    fn operator_file_extends_and_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("ks.toml");
        std::fs::write(
            &f,
            "[[family]]\nname = \"summary\"\nrole = \"derived\"\ntemplates = [\"cache:doc:summary:{doc}\"]\n\n[[family]]\nname = \"ocr\"\nrole = \"bookkeeping\"\ntemplates = [\"ocr2:{doc}\"]\n",
        )
        .unwrap();
        let r = Registry::load(Some(&f)).unwrap();
        assert_eq!(r.get("summary").unwrap().role, Role::Derived);
        assert_eq!(r.get("ocr").unwrap().role, Role::Bookkeeping);
        assert_eq!(r.families.len(), Registry::embedded().families.len() + 1);
        std::fs::write(
            &f,
            "[[family]]\nname = \"x\"\nrole = \"nope\"\ntemplates = [\"x\"]\n",
        )
        .unwrap();
        let e = Registry::load(Some(&f)).unwrap_err();
        assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Usage);
    }
}
