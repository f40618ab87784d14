//! Loading indexes into a [`Universe`]: streaming decompression, stanza records, provides.
//!
//! One thread decompresses into reused chunks while the caller's thread scans them and
//! turns each stanza into a version record; only the kept fields are copied (into the
//! index's arena). Stanzas for other architectures, and status entries that are not
//! `install ok installed`, are dropped as they come.

use crate::error::DepsError;
use crate::fetch;
use crate::index::{self, Field, Span};
use crate::relation::{self, Dep};
use crate::universe::{
    IndexData, IndexKind, ProvideRec, Universe, VerId, VersionRec, ESSENTIAL, HELD, IMPORTANT,
    INSTALLED, LOCAL, REL_FIELDS,
};
use crate::version;

impl Universe {
    /// Loads every index apt keeps in `lists` (normally `/var/lib/apt/lists`) for this
    /// universe's architecture, in apt's order; returns how many versions were loaded.
    pub fn load_apt_lists(&mut self, lists: &std::path::Path) -> Result<usize, DepsError> {
        let found = crate::apt_list_indexes(lists, &self.arch);
        if found.is_empty() {
            return Err(DepsError::NoIndex {
                where_: lists.display().to_string(),
            });
        }
        let mut n = 0;
        for path in &found {
            n += self.load_index(path)?;
        }
        Ok(n)
    }

    /// Loads a `Packages` index from a path or an `http://` URL (any supported compression).
    pub fn load_index(&mut self, spec: &str) -> Result<usize, DepsError> {
        let dec = fetch::open_source(spec)?;
        let n = self.load_stream(&index_label(spec), spec, dec, IndexKind::Packages)?;
        if !spec.contains("://") {
            self.set_pin(self.indexes.len() - 1, crate::aptlists::pin_for_list(spec));
            if let Some(i) = self.indexes.last_mut() {
                i.release = crate::aptlists::release_for_list(spec);
            }
        }
        Ok(n)
    }

    /// Sets the pin of a loaded index (see [`IndexData::pin`]).
    pub fn set_pin(&mut self, index: usize, pin: i32) {
        if let Some(i) = self.indexes.get_mut(index) {
            i.pin = pin;
        }
    }

    /// Loads a dpkg `status` file: packages whose status is `install ok installed` become
    /// the installed base, which satisfies dependencies and is never reinstalled.
    pub fn load_status(&mut self, path: &str) -> Result<usize, DepsError> {
        let dec = fetch::open_source(path)?;
        self.load_stream(&index_label(path), path, dec, IndexKind::Status)
    }

    /// Loads an index from a decoder: one thread decompresses while this one parses.
    pub fn load_stream(
        &mut self,
        label: &str,
        path: &str,
        mut dec: fetch::Decoder,
        kind: IndexKind,
    ) -> Result<usize, DepsError> {
        const CHUNK: usize = 256 << 10;
        let idx = self.check_index_room(path)?;
        let before = self.versions.len();
        self.versions.reserve(dec.size_hint / 900);
        self.names.reserve(dec.size_hint / 600);
        self.heads.reserve(dec.size_hint / 600);
        self.prov_heads.reserve(dec.size_hint / 600);
        let mut arena: Vec<u8> = Vec::with_capacity(dec.size_hint / 3 + 4096);
        let mut scanner = index::Scanner::new(path);
        let mut loader = Loader {
            u: self,
            path,
            idx,
            kind,
        };
        std::thread::scope(|s| -> Result<(), DepsError> {
            type Msg = Result<(Vec<u8>, usize), DepsError>;
            let (tx, rx) = std::sync::mpsc::sync_channel::<Msg>(4);
            let (back, spare) = std::sync::mpsc::channel::<Vec<u8>>();
            s.spawn(move || loop {
                let mut chunk = spare.try_recv().unwrap_or_else(|_| vec![0u8; CHUNK]);
                let got = dec.fill(&mut chunk).map(|n| (chunk, n));
                let done = got.as_ref().map_or(true, |(_, n)| *n == 0);
                if tx.send(got).is_err() || done {
                    break;
                }
            });
            for msg in rx {
                let (chunk, n) = msg?;
                if n == 0 {
                    break;
                }
                scanner.feed(&chunk[..n], &mut arena, &mut |a, st| loader.stanza(a, st))?;
                let _ = back.send(chunk);
            }
            scanner.finish(&mut arena, &mut |a, st| loader.stanza(a, st))
        })?;
        arena.shrink_to_fit();
        Ok(self.push_index(label, path, kind, before, arena))
    }

    fn check_index_room(&self, path: &str) -> Result<u16, DepsError> {
        let idx = self.indexes.len();
        if idx >= LOCAL as usize {
            return Err(DepsError::Io {
                path: path.to_string(),
                message: "too many indexes".into(),
            });
        }
        Ok(idx as u16)
    }

    fn push_index(
        &mut self,
        label: &str,
        path: &str,
        kind: IndexKind,
        before: usize,
        buf: Vec<u8>,
    ) -> usize {
        let packages = self.versions.len() - before;
        self.indexes.push(IndexData {
            label: label.to_string(),
            path: path.to_string(),
            kind,
            packages,
            pin: if kind == IndexKind::Status {
                100
            } else {
                crate::aptlists::DEFAULT_PIN
            },
            release: None,
            buf,
        });
        packages
    }

    /// Adds already-decompressed index text (kept fields are copied; `buf` is dropped).
    pub fn add_buffer(
        &mut self,
        label: &str,
        path: &str,
        buf: Vec<u8>,
        kind: IndexKind,
    ) -> Result<usize, DepsError> {
        let idx = self.check_index_room(path)?;
        let before = self.versions.len();
        let mut loader = Loader {
            u: self,
            path,
            idx,
            kind,
        };
        let mut arena = Vec::with_capacity(buf.len() / 3);
        index::scan(&buf, path, &mut arena, &mut |a, st| loader.stanza(a, st))?;
        Ok(self.push_index(label, path, kind, before, arena))
    }
}

/// Turns stanzas into version records.
struct Loader<'a> {
    u: &'a mut Universe,
    path: &'a str,
    idx: u16,
    kind: IndexKind,
}

impl Loader<'_> {
    fn stanza(&mut self, arena: &mut Vec<u8>, st: &index::Stanza) -> Result<(), DepsError> {
        if self.record(arena, st)? {
            Ok(())
        } else {
            arena.truncate(st.arena_start as usize);
            Ok(())
        }
    }

    /// Records one stanza; `false` when it is not for this universe (dropped).
    fn record(&mut self, buf: &[u8], st: &index::Stanza) -> Result<bool, DepsError> {
        let need = |f: Field| {
            st.get(buf, f)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| index::missing_field(self.path, buf, st, f))
        };
        let pkg = need(Field::Package)?;
        let mut held = false;
        if self.kind == IndexKind::Status {
            // `install ok installed`, or `hold ok installed` (held, but installed all the same).
            let status = st.get(buf, Field::Status).unwrap_or(b"");
            let words: Vec<&[u8]> = status
                .split(|c| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .collect();
            let installed = matches!(
                words.as_slice(),
                [b"install" | b"hold", b"ok", b"installed"]
            );
            if !installed {
                return Ok(false);
            }
            held = words.first() == Some(&&b"hold"[..]);
        }
        let arch = need(Field::Architecture)?;
        let arch_all = arch == b"all";
        if !arch_all && arch != self.u.arch.as_bytes() {
            return Ok(false);
        }
        let ver = need(Field::Version)?;
        let bad = |what: &str| {
            DepsError::malformed(
                self.path,
                st.line as usize,
                pkg,
                format!("{what} is not valid UTF-8"),
            )
        };
        let name = std::str::from_utf8(pkg).map_err(|_| bad("the package name"))?;
        let ver_txt = std::str::from_utf8(ver).map_err(|_| bad("the version"))?;
        if let Err(p) = version::check(ver_txt) {
            return Err(DepsError::MalformedVersion {
                package: crate::error::shorten(name, 80),
                version: crate::error::shorten(ver_txt, 80),
                message: format!("{p} ({}:{})", self.path, st.lines[Field::Version as usize]),
            });
        }
        let id = self.u.intern_new(name);
        let vid = self.u.versions.len() as VerId;
        let flag = |f: Field| {
            st.get(buf, f)
                .is_some_and(|v| v.eq_ignore_ascii_case(b"yes") || v.eq_ignore_ascii_case(b"true"))
        };
        let mut flags = 0;
        if flag(Field::Essential) {
            flags |= ESSENTIAL;
        }
        if flag(Field::Important) || flag(Field::Protected) {
            flags |= IMPORTANT;
        }
        if held {
            flags |= HELD;
        }
        if self.kind == IndexKind::Status {
            flags |= INSTALLED;
            self.u.installed.insert(id, vid);
        }
        let priority = match st.get(buf, Field::Priority) {
            None => 0,
            Some(p) => ["required", "important", "standard", "optional"]
                .iter()
                .position(|w| w.as_bytes().eq_ignore_ascii_case(p))
                .map_or(5, |i| i as u8 + 1),
        };
        let multi_arch = match st.get(buf, Field::MultiArch).unwrap_or(b"") {
            b"same" => 1,
            b"foreign" => 2,
            b"allowed" => 3,
            _ => 0,
        };
        let installed_size = st
            .get(buf, Field::InstalledSize)
            .and_then(|s| std::str::from_utf8(s).ok()?.parse().ok())
            .unwrap_or(0);
        let mut rel = [Span::NONE; 9];
        let mut rel_line = [0u16; 9];
        for (i, f) in REL_FIELDS.iter().enumerate() {
            rel[i] = st.fields[*f as usize];
            if rel[i].is_some() {
                let delta = st.lines[*f as usize].saturating_sub(st.line);
                rel_line[i] = delta.min(u16::MAX as u32) as u16;
            }
        }
        self.u.versions.push(VersionRec {
            name: id,
            next: self.u.heads[id as usize],
            index: self.idx,
            arch_all,
            multi_arch,
            priority,
            flags,
            stanza: st.line,
            rel_line,
            installed_size,
            version: st.fields[Field::Version as usize],
            rel,
            source: st.fields[Field::Source as usize],
            section: st.fields[Field::Section as usize],
            filename: st.fields[Field::Filename as usize],
        });
        self.u.heads[id as usize] = vid;
        if let Some(p) = st.get(buf, Field::Provides) {
            let text = std::str::from_utf8(p).map_err(|_| bad("the `Provides` field"))?;
            let line = st.lines[Field::Provides as usize] as usize;
            let provs = relation::parse_provides(text, &self.u.arch).map_err(|e| {
                let inside = text[..e.offset].matches('\n').count();
                DepsError::relation(
                    self.path,
                    line + inside,
                    "Provides",
                    text.to_string(),
                    e.offset,
                    e.len,
                    e.message.clone(),
                )
            })?;
            for d in provs {
                add_provide(self.u, vid, &d, |s| {
                    let off = s.as_ptr() as usize - buf.as_ptr() as usize;
                    Span {
                        start: off as u32,
                        end: (off + s.len()) as u32,
                    }
                });
            }
        }
        Ok(true)
    }
}

/// Records that `vid` provides `d.name` (at `d`'s `=` version, if any).
pub(crate) fn add_provide(
    u: &mut Universe,
    vid: VerId,
    d: &Dep<'_>,
    span_of: impl Fn(&str) -> Span,
) {
    let target = u.intern(d.name);
    let version = match d.constraint {
        Some((crate::Relation::Eq, v)) => span_of(v),
        _ => Span::NONE,
    };
    let pid = u.provides.len() as u32;
    u.provides.push(ProvideRec {
        ver: vid,
        next: u.prov_heads[target as usize],
        version,
    });
    u.prov_heads[target as usize] = pid;
}

/// A short label for an index path: `bookworm/main` for apt's list files, else the file name.
pub fn index_label(spec: &str) -> String {
    let file = spec.rsplit('/').next().unwrap_or(spec);
    if let Some(rest) = file.split_once("_dists_").map(|(_, r)| r) {
        let mut parts = rest.split('_');
        if let (Some(suite), Some(comp)) = (parts.next(), parts.next()) {
            return format!("{suite}/{comp}");
        }
    }
    if spec.contains("://") {
        return spec.to_string();
    }
    file.to_string()
}
