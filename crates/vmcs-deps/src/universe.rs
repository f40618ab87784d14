//! The universe of known packages: every index, the installed base and Pan knowledge.
//!
//! Names are interned (`u32` ids in first-seen order). Each version keeps byte ranges into
//! its index's decompressed buffer; relation fields are parsed only when the resolver
//! visits a version. `Provides` are parsed while loading, to index virtual packages.

use crate::error::DepsError;
use crate::index::{Field, Span};
use crate::local::LocalPackage;
use crate::relation::{self, OldOps, OrGroup};
use crate::version;
use indexmap::IndexSet;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// An interned package name.
pub type PkgId = u32;
/// One version of one package, from an index, the status file or Pan knowledge.
pub type VerId = u32;

pub(crate) const NONE: u32 = u32::MAX;
pub(crate) const LOCAL: u16 = u16::MAX;

/// Version flag: `Essential: yes`.
pub const ESSENTIAL: u8 = 1;
/// Version flag: `Important: yes` or `Protected: yes`.
pub const IMPORTANT: u8 = 2;
/// Version flag: installed (from a dpkg status file).
pub const INSTALLED: u8 = 4;
/// Version flag: installed and held (`hold ok installed`).
pub const HELD: u8 = 8;

/// A small, fast hasher for short names (FxHash).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hash builder used for name tables.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// What kind of file an index is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexKind {
    /// A `Packages` index: versions that can be installed.
    Packages,
    /// A dpkg `status` file: the installed base.
    Status,
}

/// A loaded index file.
#[derive(Debug)]
pub struct IndexData {
    /// A short name for messages (`bookworm/main`).
    pub label: String,
    /// The path or URL it came from.
    pub path: String,
    pub kind: IndexKind,
    /// How many stanzas were kept (for this architecture).
    pub packages: usize,
    /// apt's pin for the suite (500; 100 or 1 for `NotAutomatic` suites; 100 for the base).
    pub pin: i32,
    /// The suite's `Release` data, when apt keeps it beside the list.
    pub release: Option<crate::aptlists::ReleaseInfo>,
    pub(crate) buf: Vec<u8>,
}

/// One version. Spans point into the arena of `index`; `stanza` is the line the stanza
/// starts on (for Pan knowledge: spans point into `local_text` and `stanza` is the position
/// in `locals`).
#[derive(Debug, Clone)]
pub(crate) struct VersionRec {
    pub name: PkgId,
    pub next: VerId,
    pub index: u16,
    pub arch_all: bool,
    pub multi_arch: u8,
    pub priority: u8,
    pub flags: u8,
    pub stanza: u32,
    /// The line of each relation field, counted from `stanza` (the stanza's first line).
    pub rel_line: [u16; 9],
    pub installed_size: u32,
    pub version: Span,
    pub rel: [Span; 9],
    pub source: Span,
    pub section: Span,
    pub filename: Span,
}

/// A `Provides` entry: version `ver` provides the name, optionally at a version.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ProvideRec {
    pub ver: VerId,
    pub next: u32,
    pub version: Span,
}

/// Relation fields in the order apt reads them (and the order of [`VersionRec::rel`]).
pub(crate) const REL_FIELDS: [Field; 9] = [
    Field::PreDepends,
    Field::Depends,
    Field::Conflicts,
    Field::Breaks,
    Field::Recommends,
    Field::Suggests,
    Field::Replaces,
    Field::Enhances,
    Field::Provides,
];

/// Index into [`VersionRec::rel`] of a relation field.
pub(crate) fn rel_slot(f: Field) -> usize {
    REL_FIELDS.iter().position(|&x| x == f).unwrap_or(0)
}

/// Every package vmcs knows about, for one architecture.
#[derive(Debug)]
pub struct Universe {
    pub(crate) arch: String,
    pub(crate) names: IndexSet<Box<str>, FxBuild>,
    pub(crate) heads: Vec<VerId>,
    pub(crate) prov_heads: Vec<u32>,
    pub(crate) versions: Vec<VersionRec>,
    pub(crate) provides: Vec<ProvideRec>,
    pub(crate) indexes: Vec<IndexData>,
    pub(crate) locals: Vec<LocalPackage>,
    pub(crate) local_of: HashMap<PkgId, VerId, FxBuild>,
    pub(crate) local_text: String,
    pub(crate) installed: HashMap<PkgId, VerId, FxBuild>,
}

impl Universe {
    /// An empty universe for `arch` (a Debian architecture such as `amd64`).
    pub fn new(arch: &str) -> Universe {
        Universe {
            arch: arch.to_string(),
            names: IndexSet::default(),
            heads: Vec::new(),
            prov_heads: Vec::new(),
            versions: Vec::new(),
            provides: Vec::new(),
            indexes: Vec::new(),
            locals: Vec::new(),
            local_of: HashMap::default(),
            local_text: String::new(),
            installed: HashMap::default(),
        }
    }

    /// The target architecture.
    pub fn arch(&self) -> &str {
        &self.arch
    }

    /// The loaded indexes, in load order.
    pub fn indexes(&self) -> &[IndexData] {
        &self.indexes
    }

    /// How many package names are known (real and virtual).
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// How many versions are known.
    pub fn version_count(&self) -> usize {
        self.versions.len()
    }

    /// Interns a name, returning its id.
    pub(crate) fn intern(&mut self, name: &str) -> PkgId {
        if let Some(i) = self.names.get_index_of(name) {
            return i as PkgId;
        }
        let (i, _) = self.names.insert_full(name.into());
        self.heads.push(NONE);
        self.prov_heads.push(NONE);
        i as PkgId
    }

    /// Interns a name that is probably new (a stanza's own name): one hash when it is.
    pub(crate) fn intern_new(&mut self, name: &str) -> PkgId {
        let (i, new) = self.names.insert_full(name.into());
        if new {
            self.heads.push(NONE);
            self.prov_heads.push(NONE);
        }
        i as PkgId
    }

    /// The id of a name, if any index or knowledge mentions it.
    pub fn find(&self, name: &str) -> Option<PkgId> {
        self.names.get_index_of(name).map(|i| i as PkgId)
    }

    /// The text of a name id.
    pub fn name(&self, id: PkgId) -> &str {
        &self.names[id as usize]
    }

    /// Every version of a package (index order reversed; Pan knowledge included).
    pub fn versions_of(&self, id: PkgId) -> impl Iterator<Item = VerId> + '_ {
        let mut v = self.heads.get(id as usize).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            (v != NONE).then(|| {
                let cur = v;
                v = self.versions[cur as usize].next;
                cur
            })
        })
    }

    /// Versions providing a name, with the provided version when the provide has one.
    pub fn providers_of(&self, id: PkgId) -> impl Iterator<Item = (VerId, Option<&str>)> + '_ {
        let mut p = self.prov_heads.get(id as usize).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            (p != NONE).then(|| {
                let rec = self.provides[p as usize];
                p = rec.next;
                let v = rec
                    .version
                    .is_some()
                    .then(|| self.text(rec.ver, rec.version));
                (rec.ver, v)
            })
        })
    }

    pub(crate) fn rec(&self, v: VerId) -> &VersionRec {
        &self.versions[v as usize]
    }

    /// The bytes a version's spans point into.
    fn buf_of(&self, v: VerId) -> &[u8] {
        let r = self.rec(v);
        if r.index == LOCAL {
            self.local_text.as_bytes()
        } else {
            &self.indexes[r.index as usize].buf
        }
    }

    /// Text of a span of version `v` (validated as UTF-8 when loaded).
    pub(crate) fn text(&self, v: VerId, s: Span) -> &str {
        std::str::from_utf8(s.get(self.buf_of(v))).unwrap_or("")
    }

    /// The package name of a version.
    pub fn ver_name(&self, v: VerId) -> &str {
        self.name(self.rec(v).name)
    }

    /// The version string of a version.
    pub fn ver_str(&self, v: VerId) -> &str {
        self.text(v, self.rec(v).version)
    }

    /// The Pan knowledge behind a version, when it is a local package.
    pub fn local(&self, v: VerId) -> Option<&LocalPackage> {
        let r = self.rec(v);
        (r.index == LOCAL).then(|| &self.locals[r.stanza as usize])
    }

    /// The index a version came from (`None` for Pan knowledge).
    pub fn index_of(&self, v: VerId) -> Option<&IndexData> {
        let r = self.rec(v);
        (r.index != LOCAL).then(|| &self.indexes[r.index as usize])
    }

    /// Whether a version can be downloaded (it comes from an index or Pan knowledge, not
    /// only from the installed base).
    pub fn downloadable(&self, v: VerId) -> bool {
        let r = self.rec(v);
        r.index == LOCAL || self.indexes[r.index as usize].kind == IndexKind::Packages
    }

    /// The highest version of a package from a release named `rel` (a suite such as
    /// `oldstable`, a codename such as `bookworm`, or a release version such as `12*`),
    /// as apt's `pkgVersionMatch` finds it for `apt-get install name/rel`.
    pub fn version_in_release(&self, id: PkgId, rel: &str) -> Option<VerId> {
        let mut all: Vec<VerId> = self
            .versions_of(id)
            .filter(|&v| self.rec(v).index != LOCAL)
            .collect();
        all.reverse();
        all.sort_by(|&a, &b| version::compare(self.ver_str(b), self.ver_str(a)));
        all.into_iter().find(|&v| {
            let r = self.rec(v);
            self.indexes[r.index as usize]
                .release
                .as_ref()
                .is_some_and(|info| info.matches(rel))
        })
    }

    /// Whether a version is installed in the base.
    pub fn is_installed(&self, v: VerId) -> bool {
        self.rec(v).flags & INSTALLED != 0
    }

    /// The installed base version of a package, if any.
    pub fn installed(&self, id: PkgId) -> Option<VerId> {
        self.installed.get(&id).copied()
    }

    /// `Filename`, `Section`, `Source` and `Installed-Size` of an index version.
    pub fn meta(&self, v: VerId) -> VersionMeta<'_> {
        let r = self.rec(v);
        let opt = |s: Span| {
            s.is_some()
                .then(|| self.text(v, s))
                .filter(|t| !t.is_empty())
        };
        VersionMeta {
            filename: opt(r.filename),
            section: opt(r.section),
            source: opt(r.source),
            installed_size_kib: r.installed_size,
            architecture: if r.arch_all { "all" } else { &self.arch },
            multi_arch: ["no", "same", "foreign", "allowed"][r.multi_arch as usize & 3],
            essential: r.flags & ESSENTIAL != 0,
            priority: ["", "required", "important", "standard", "optional", "extra"]
                [r.priority.min(5) as usize],
        }
    }

    /// The source package and its version (`Source: name (version)`; the package's own
    /// name and version when the field is absent or has no version).
    pub fn source_of(&self, v: VerId) -> (&str, &str) {
        let r = self.rec(v);
        let field = if r.source.is_some() {
            self.text(v, r.source).trim()
        } else {
            ""
        };
        let (name, ver) = match field.split_once('(') {
            Some((n, rest)) => (n.trim(), rest.trim_end_matches(')').trim()),
            None => (field, ""),
        };
        (
            if name.is_empty() {
                self.ver_name(v)
            } else {
                name
            },
            if ver.is_empty() { self.ver_str(v) } else { ver },
        )
    }

    /// The raw text of a relation field of a version ("" when absent).
    pub(crate) fn rel_text(&self, v: VerId, f: Field) -> &str {
        self.text(v, self.rec(v).rel[rel_slot(f)])
    }

    /// Parses a relation field of a version (`Depends`, `Pre-Depends`, `Conflicts`, ...).
    /// For Pan knowledge, `Depends` is its `requires` and `Conflicts` its `conflicts`.
    pub fn relations(&self, v: VerId, f: Field) -> Result<Vec<OrGroup<'_>>, DepsError> {
        if let Some(l) = self.local(v) {
            let list = match f {
                Field::Depends => &l.requires,
                Field::Conflicts => &l.conflicts,
                _ => return Ok(Vec::new()),
            };
            return Ok(list.iter().map(|r| vec![r.as_dep()]).collect());
        }
        let r = self.rec(v);
        let span = r.rel[rel_slot(f)];
        if !span.is_some() {
            return Ok(Vec::new());
        }
        let buf = self.buf_of(v);
        let raw = span.get(buf);
        let text = std::str::from_utf8(raw).map_err(|e| {
            self.relation_error(v, f, e.valid_up_to(), 1, "field is not valid UTF-8".into())
        })?;
        relation::parse_relations(text, &self.arch, OldOps::Dpkg)
            .map_err(|e| self.relation_error(v, f, e.offset, e.len, e.message))
    }

    fn relation_error(&self, v: VerId, f: Field, off: usize, len: usize, msg: String) -> DepsError {
        let r = self.rec(v);
        let span = r.rel[rel_slot(f)];
        let buf = self.buf_of(v);
        let text = String::from_utf8_lossy(span.get(buf)).into_owned();
        let ix = &self.indexes[r.index as usize];
        let inside = span.get(buf)[..off.min(span.get(buf).len())]
            .iter()
            .filter(|&&c| c == b'\n')
            .count();
        let line = r.stanza as usize + r.rel_line[rel_slot(f)] as usize + inside;
        DepsError::relation(&ix.path, line, f.name(), text, off, len, msg)
    }

    /// Parses every relation field of every version: a full check of the loaded indexes.
    pub fn validate(&self) -> Result<(), DepsError> {
        for v in 0..self.versions.len() as VerId {
            for f in REL_FIELDS {
                self.relations(v, f)?;
            }
        }
        Ok(())
    }

    /// The candidate version apt would pick: Pan knowledge first; else, walking versions from
    /// the highest down to the installed one (apt never downgrades), the one from the index
    /// with the highest pin (the installed base counts as pin 100; equal pins: the higher
    /// version, then the first loaded).
    pub fn candidate(&self, id: PkgId) -> Option<VerId> {
        if let Some(&v) = self.local_of.get(&id) {
            return Some(v);
        }
        let mut all: Vec<VerId> = self
            .versions_of(id)
            .filter(|&v| self.rec(v).index != LOCAL)
            .collect();
        if all.len() <= 1 {
            return all.first().copied();
        }
        all.reverse();
        all.sort_by(|&a, &b| version::compare(self.ver_str(b), self.ver_str(a)));
        let installed = self.installed(id);
        let mut best: Option<(i32, VerId)> = None;
        for v in all {
            let pin = self.indexes[self.rec(v).index as usize].pin;
            if best.is_none_or(|(p, _)| pin > p) {
                best = Some((pin, v));
            }
            if installed.is_some_and(|i| self.ver_str(i) == self.ver_str(v)) {
                break;
            }
        }
        best.map(|(_, v)| v)
    }

    /// apt's cache order for some names: the position where each is first mentioned when
    /// the indexes are read the way apt builds its cache (a stanza's own name, then its
    /// Pre-Depends, Depends, Conflicts, Breaks, Recommends, Suggests, Replaces, Enhances and
    /// Provides). apt numbers packages in that order and uses the numbers to break ties.
    /// Only the relative order matters; the scan stops once every name is found.
    pub(crate) fn first_mentions(&self, names: &[PkgId]) -> Vec<u64> {
        let want: Vec<&str> = names.iter().map(|&p| self.name(p)).collect();
        let finders: Vec<memchr::memmem::Finder<'_>> = want
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect();
        let mut found = vec![u64::MAX; names.len()];
        let mut left = names.len();
        let mut counter = 0u64;
        let mut see = |name: &str, found: &mut [u64], left: &mut usize| {
            counter += 1;
            for (i, w) in want.iter().enumerate() {
                if found[i] == u64::MAX && *w == name {
                    found[i] = counter;
                    *left -= 1;
                }
            }
        };
        for v in 0..self.versions.len() as VerId {
            let r = &self.versions[v as usize];
            if r.index == LOCAL {
                continue;
            }
            see(self.name(r.name), &mut found, &mut left);
            for f in REL_FIELDS {
                let text = self.rel_text(v, f);
                if text.is_empty()
                    || !finders
                        .iter()
                        .zip(&found)
                        .any(|(fi, &fd)| fd == u64::MAX && fi.find(text.as_bytes()).is_some())
                {
                    continue;
                }
                let Ok(groups) = relation::parse_relations(text, &self.arch, OldOps::Dpkg) else {
                    continue;
                };
                for d in groups.iter().flatten() {
                    if d.arch_qual != Some("any") {
                        see(d.name, &mut found, &mut left);
                    }
                }
            }
            if left == 0 {
                break;
            }
        }
        found
    }

    /// A short description of where candidates are looked for, for messages.
    pub fn where_label(&self) -> String {
        let labels: Vec<&str> = self
            .indexes
            .iter()
            .filter(|i| i.kind == IndexKind::Packages)
            .map(|i| i.label.as_str())
            .collect();
        let list = if labels.is_empty() {
            "no index".to_string()
        } else {
            labels.join(", ")
        };
        format!("{list} {}", self.arch)
    }
}

/// Descriptive fields of a version.
#[derive(Debug, Clone, Copy)]
pub struct VersionMeta<'a> {
    pub filename: Option<&'a str>,
    pub section: Option<&'a str>,
    pub source: Option<&'a str>,
    pub installed_size_kib: u32,
    pub architecture: &'a str,
    /// `no`, `same`, `foreign` or `allowed`.
    pub multi_arch: &'static str,
    pub essential: bool,
    /// `required` ... `extra`, or "" when the index gives none.
    pub priority: &'static str,
}
