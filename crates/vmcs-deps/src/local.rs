//! Pan-authored package knowledge and requests: the plain structs and their JSON readers.
//!
//! A compiled profile describes software no index has under `/software/knowledge/<name>`
//! and the wanted software under `/software/packages/<name>`. The readers take the
//! profile's JSON form (`serde_json::Value`); the pan XML form is turned into the same
//! value by [`crate::panxml`].

use crate::error::DepsError;
use crate::index::Span;
use crate::load::add_provide;
use crate::relation::{self, Dep, OldOps};
use crate::universe::{Universe, VerId, VersionRec};
use crate::version::{self, Relation};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// Where a package comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A Debian archive, through apt.
    Apt,
    /// An ISO image (Pan knowledge).
    Iso,
    /// A directory (Pan knowledge).
    Dir,
    /// Already installed in the base system (`--base`).
    Base,
}

impl Source {
    /// Parses `apt`, `iso` or `dir` (the sources Pan knowledge may name).
    pub fn parse(s: &str) -> Option<Source> {
        Some(match s {
            "apt" => Source::Apt,
            "iso" => Source::Iso,
            "dir" => Source::Dir,
            _ => return None,
        })
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Apt => "apt",
            Source::Iso => "iso",
            Source::Dir => "dir",
            Source::Base => "base",
        })
    }
}

/// A relation written in Pan: `{ name, relation?, version? }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalRelation {
    pub name: String,
    /// The relation and version; a version without a relation means `>=`.
    pub constraint: Option<(Relation, String)>,
}

impl LocalRelation {
    /// The relation as a dependency alternative.
    pub fn as_dep(&self) -> Dep<'_> {
        Dep {
            name: &self.name,
            arch_qual: None,
            constraint: self.constraint.as_ref().map(|(r, v)| (*r, v.as_str())),
        }
    }
}

/// Software described in Pan (`/software/knowledge/<name>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalPackage {
    pub name: String,
    pub version: String,
    pub source: Source,
    pub requires: Vec<LocalRelation>,
    pub provides: Vec<String>,
    pub conflicts: Vec<LocalRelation>,
    /// The command that installs it.
    pub install: Option<String>,
}

/// A request for software (`/software/packages/<name>` or a command-line spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    pub name: String,
    pub constraint: Option<(Relation, String)>,
    pub source: Option<Source>,
    /// The architecture qualifier of `name:arch`, as apt-get accepts it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arch: Option<String>,
    /// The target release of `name/release` (a suite, codename or release version).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
}

impl Request {
    /// A request for the candidate version of `name`.
    pub fn new(name: &str) -> Request {
        Request {
            name: name.to_string(),
            constraint: None,
            source: None,
            arch: None,
            release: None,
        }
    }

    /// Parses a spec as apt-get does: `name`, `name=1.0`, `name:amd64`, `name/bookworm`,
    /// `name:amd64=1.0`; also `name (>= 1.0)` and `name>=1.0`.
    pub fn parse(spec: &str) -> Result<Request, DepsError> {
        let bad = |m: &str| DepsError::BadTarget {
            target: spec.to_string(),
            message: m.to_string(),
        };
        let s = spec.trim();
        if s.is_empty() {
            return Err(bad("empty package spec"));
        }
        if s.contains('(') {
            let groups =
                relation::parse_relations(s, "any", OldOps::Strict).map_err(|e| bad(&e.message))?;
            return match groups.as_slice() {
                [g] if g.len() == 1 => Ok(Request {
                    constraint: g[0].constraint.map(|(r, v)| (r, v.to_string())),
                    arch: g[0].arch_qual.map(str::to_string),
                    ..Request::new(g[0].name)
                }),
                _ => Err(bad("expected one package, without alternatives")),
            };
        }
        let cut = s.find(['<', '>', '=', '/']).unwrap_or(s.len());
        let (head, rest) = s.split_at(cut);
        let (name, arch) = match head.split_once(':') {
            Some((n, a)) => (n.trim(), Some(a.trim())),
            None => (head.trim(), None),
        };
        let word_ok = |w: &str| {
            !w.is_empty() && !w.contains(|c: char| c.is_whitespace() || ",|:!()[]".contains(c))
        };
        if !word_ok(name) {
            return Err(bad("expected one package name"));
        }
        if arch.is_some_and(|a| !word_ok(a)) {
            return Err(bad(
                "expected an architecture after `:` (as in `curl:amd64`)",
            ));
        }
        let mut req = Request {
            arch: arch.map(str::to_string),
            ..Request::new(name)
        };
        if let Some(rel) = rest.strip_prefix('/') {
            let rel = rel.trim();
            if !word_ok(rel) || rel.contains('/') {
                return Err(bad("expected a release after `/` (as in `curl/bookworm`)"));
            }
            req.release = Some(rel.to_string());
        } else if !rest.is_empty() {
            let op_len = rest.find(|c| !"<>=".contains(c)).unwrap_or(rest.len());
            let rel = Relation::parse(&rest[..op_len])
                .ok_or_else(|| bad(&format!("unknown relation `{}`", &rest[..op_len])))?;
            let ver = rest[op_len..].trim();
            if ver.is_empty() {
                return Err(bad("expected `name=version`"));
            }
            version::check(ver).map_err(|p| bad(&p.to_string()))?;
            req.constraint = Some((rel, ver.to_string()));
        }
        Ok(req)
    }
}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if let Some(a) = &self.arch {
            write!(f, ":{a}")?;
        }
        if let Some(r) = &self.release {
            write!(f, "/{r}")?;
        }
        if let Some((r, v)) = &self.constraint {
            write!(f, " ({r} {v})")?;
        }
        Ok(())
    }
}

impl Universe {
    /// Adds Pan knowledge. It shadows any index package of the same name: the local
    /// version becomes the only candidate for that name.
    pub fn add_local(&mut self, pkg: LocalPackage) -> Result<VerId, DepsError> {
        let bad_version = |v: &str, p: version::VersionProblem| DepsError::MalformedVersion {
            package: pkg.name.clone(),
            version: v.to_string(),
            message: p.to_string(),
        };
        version::check(&pkg.version).map_err(|p| bad_version(&pkg.version, p))?;
        for r in pkg.requires.iter().chain(&pkg.conflicts) {
            if let Some((_, v)) = &r.constraint {
                version::check(v).map_err(|p| bad_version(v, p))?;
            }
        }
        let id = self.intern(&pkg.name);
        let vid = self.versions.len() as VerId;
        let push = |u: &mut Universe, s: &str| {
            let start = u.local_text.len() as u32;
            u.local_text.push_str(s);
            Span {
                start,
                end: u.local_text.len() as u32,
            }
        };
        let version = push(self, &pkg.version);
        self.versions.push(VersionRec {
            name: id,
            next: self.heads[id as usize],
            index: u16::MAX,
            arch_all: false,
            multi_arch: 0,
            priority: 0,
            flags: 0,
            stanza: self.locals.len() as u32,
            rel_line: [0; 9],
            installed_size: 0,
            version,
            rel: [Span::NONE; 9],
            source: Span::NONE,
            section: Span::NONE,
            filename: Span::NONE,
        });
        self.heads[id as usize] = vid;
        for p in &pkg.provides {
            let deps = relation::parse_provides(p, "any").map_err(|e| DepsError::BadProfile {
                path: format!("/software/knowledge/{}/provides", pkg.name),
                message: format!("malformed provide `{p}`: {}", e.message),
            })?;
            for d in deps {
                let vspan = d.constraint.map(|(_, v)| push(self, v));
                add_provide(self, vid, &d, |_| vspan.unwrap_or(Span::NONE));
            }
        }
        self.local_of.insert(id, vid);
        self.locals.push(pkg);
        Ok(vid)
    }
}

/// Reverses pan's path escaping (`_2b` is `+`), for keys without a `name` field.
pub fn unescape(key: &str) -> String {
    let b = key.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'_'
            && i + 3 <= b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
        {
            let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(b[i + 1]) * 16 + hex(b[i + 2]));
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn at<'v>(profile: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(profile, |v, k| v.get(*k))
}

fn get_str(
    obj: &serde_json::Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<String>, DepsError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(DepsError::BadProfile {
            path: format!("{path}/{key}"),
            message: "expected a string".into(),
        }),
    }
}

fn constraint(
    obj: &serde_json::Map<String, Value>,
    path: &str,
) -> Result<Option<(Relation, String)>, DepsError> {
    let rel = get_str(obj, "relation", path)?;
    let ver = get_str(obj, "version", path)?;
    match (rel, ver) {
        (_, None) => Ok(None),
        (None, Some(v)) => Ok(Some((Relation::Ge, v))),
        (Some(r), Some(v)) => match Relation::parse(r.trim()) {
            Some(rel) => Ok(Some((rel, v))),
            None => Err(DepsError::BadProfile {
                path: format!("{path}/relation"),
                message: format!("unknown relation `{r}` (use <<, <=, =, >=, >>, <, >, ==)"),
            }),
        },
    }
}

fn relations(v: Option<&Value>, path: &str) -> Result<Vec<LocalRelation>, DepsError> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let list = v.as_array().ok_or_else(|| DepsError::BadProfile {
        path: path.to_string(),
        message: "expected a list".into(),
    })?;
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            let p = format!("{path}/{i}");
            let obj = item.as_object().ok_or_else(|| DepsError::BadProfile {
                path: p.clone(),
                message: "expected a dict with `name`".into(),
            })?;
            let name = get_str(obj, "name", &p)?.ok_or_else(|| DepsError::BadProfile {
                path: p.clone(),
                message: "missing `name`".into(),
            })?;
            Ok(LocalRelation {
                name,
                constraint: constraint(obj, &p)?,
            })
        })
        .collect()
}

fn dict<'v>(
    profile: &'v Value,
    path: &[&str],
) -> Result<Option<&'v serde_json::Map<String, Value>>, DepsError> {
    match at(profile, path) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => Ok(Some(m)),
        Some(_) => Err(DepsError::BadProfile {
            path: format!("/{}", path.join("/")),
            message: "expected a dict".into(),
        }),
    }
}

/// Reads `/software/knowledge` from a profile's JSON form (absent means none).
pub fn local_packages_from_json(profile: &Value) -> Result<Vec<LocalPackage>, DepsError> {
    let Some(map) = dict(profile, &["software", "knowledge"])? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (key, v) in map {
        let path = format!("/software/knowledge/{key}");
        let obj = v.as_object().ok_or_else(|| DepsError::BadProfile {
            path: path.clone(),
            message: "expected a dict".into(),
        })?;
        let name = get_str(obj, "name", &path)?.unwrap_or_else(|| unescape(key));
        let version = get_str(obj, "version", &path)?.ok_or_else(|| DepsError::BadProfile {
            path: path.clone(),
            message: "missing `version`".into(),
        })?;
        let src = get_str(obj, "source", &path)?.unwrap_or_else(|| "apt".into());
        let source = Source::parse(&src).ok_or_else(|| DepsError::BadProfile {
            path: format!("{path}/source"),
            message: format!("unknown source `{src}` (use apt, iso or dir)"),
        })?;
        let provides = match obj.get("provides") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .map(|p| p.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| DepsError::BadProfile {
                    path: format!("{path}/provides"),
                    message: "expected a list of strings".into(),
                })?,
            Some(_) => {
                return Err(DepsError::BadProfile {
                    path: format!("{path}/provides"),
                    message: "expected a list of strings".into(),
                })
            }
        };
        out.push(LocalPackage {
            name,
            version,
            source,
            requires: relations(obj.get("requires"), &format!("{path}/requires"))?,
            provides,
            conflicts: relations(obj.get("conflicts"), &format!("{path}/conflicts"))?,
            install: get_str(obj, "install", &path)?,
        });
    }
    Ok(out)
}

/// Reads `/software/packages` (a dict keyed by package name) from a profile's JSON form.
pub fn requests_from_json(profile: &Value) -> Result<Vec<Request>, DepsError> {
    let Some(map) = dict(profile, &["software", "packages"])? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (key, v) in map {
        let path = format!("/software/packages/{key}");
        let empty = serde_json::Map::new();
        let obj = match v {
            Value::Object(o) => o,
            Value::Null => &empty,
            _ => {
                return Err(DepsError::BadProfile {
                    path,
                    message: "expected a dict".into(),
                })
            }
        };
        let name = get_str(obj, "name", &path)?.unwrap_or_else(|| unescape(key));
        let source = match get_str(obj, "source", &path)? {
            None => None,
            Some(s) => Some(Source::parse(&s).ok_or_else(|| DepsError::BadProfile {
                path: format!("{path}/source"),
                message: format!("unknown source `{s}` (use apt, iso or dir)"),
            })?),
        };
        let constraint = constraint(obj, &path)?;
        if let Some((_, v)) = &constraint {
            version::check(v).map_err(|p| DepsError::BadProfile {
                path: format!("{path}/version"),
                message: p.to_string(),
            })?;
        }
        out.push(Request {
            constraint,
            source,
            ..Request::new(&name)
        });
    }
    Ok(out)
}
