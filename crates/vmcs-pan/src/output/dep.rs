//! panc's `dep` format: one line per dependency of the object, `name TYPE file:DIR/`.
//!
//! `name` is the template name (`a/b`) or the data file name (`data/f.txt`), `DIR` the load
//! path directory it was found in, written as Java's `File.toURI().toASCIIString()` does
//! (percent-encoded, trailing slash). Things looked up but not found have no location:
//! `nothere ABSENT_SOURCE ` with the trailing space. Lines are sorted like panc's
//! `SourceFile.compareTo` (name, then type, then directory); duplicates are kept.

use std::cmp::Ordering;
use std::path::PathBuf;

use crate::value::java_cmp;

/// What kind of file a dependency is (`SourceType` in panc; declaration order is sort order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DepKind {
    /// A `.pan` template.
    Pan,
    /// A `.tpl` template.
    Tpl,
    /// A data file read with `file_contents` / `file_exists`.
    Text,
    /// A template looked up but not found.
    AbsentSource,
    /// A data file looked up but not found.
    AbsentText,
}

impl DepKind {
    /// The name panc writes.
    pub fn name(self) -> &'static str {
        match self {
            DepKind::Pan => "PAN",
            DepKind::Tpl => "TPL",
            DepKind::Text => "TEXT",
            DepKind::AbsentSource => "ABSENT_SOURCE",
            DepKind::AbsentText => "ABSENT_TEXT",
        }
    }
}

/// One dependency of a compiled object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// Template name (`a/b`) or data file name relative to the load path (`data/f.txt`).
    pub name: String,
    pub kind: DepKind,
    /// The absolute load-path directory the file was found in; `None` for absent ones.
    pub dir: Option<PathBuf>,
}

impl Dependency {
    fn cmp_java(&self, other: &Dependency) -> Ordering {
        java_cmp(&self.name, &other.name)
            .then(self.kind.cmp(&other.kind))
            .then_with(|| match (&self.dir, &other.dir) {
                (Some(a), Some(b)) => java_cmp(&a.to_string_lossy(), &b.to_string_lossy()),
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
            })
    }
}

/// Write the dependency lines, sorted as panc sorts them.
pub fn write_dep(deps: &[Dependency], out: &mut Vec<u8>) {
    let mut sorted: Vec<&Dependency> = deps.iter().collect();
    sorted.sort_by(|a, b| a.cmp_java(b));
    for d in sorted {
        out.extend_from_slice(d.name.as_bytes());
        out.push(b' ');
        out.extend_from_slice(d.kind.name().as_bytes());
        out.push(b' ');
        if let Some(dir) = &d.dir {
            push_file_uri(out, &dir.to_string_lossy());
        }
        out.push(b'\n');
    }
}

/// `new File(dir).toURI().toASCIIString()` for a directory: `file:` + the percent-encoded
/// absolute path + `/` (a relative directory is taken from the current one).
fn push_file_uri(out: &mut Vec<u8>, dir: &str) {
    let absolute;
    let dir = if dir.starts_with('/') {
        dir
    } else {
        absolute = std::path::absolute(dir)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| format!("/{dir}"));
        &absolute
    };
    out.extend_from_slice(b"file:");
    for &b in dir.as_bytes() {
        // java.net.URI path characters: alphanumerics, marks `-_.!~*'()`, and `:@&=+$,;/`.
        let allowed = b.is_ascii_alphanumeric() || b"-_.!~*'():@&=+$,;/".contains(&b);
        if allowed {
            out.push(b);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.extend_from_slice(&[b'%', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
        }
    }
    if !dir.ends_with('/') {
        out.push(b'/');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dep(name: &str, kind: DepKind, dir: Option<&str>) -> Dependency {
        Dependency {
            name: name.into(),
            kind,
            dir: dir.map(PathBuf::from),
        }
    }

    #[test]
    fn sorted_lines_like_panc() {
        let deps = [
            dep("st", DepKind::Pan, Some("/c")),
            dep("not_there", DepKind::AbsentSource, None),
            dep("absent.txt", DepKind::AbsentText, None),
            dep("a", DepKind::Pan, Some("/c")),
            dep("ns/b", DepKind::Pan, Some("/c d/é")),
            dep("f.txt", DepKind::Text, Some("/c/files/")),
            dep("a", DepKind::Pan, Some("/c")),
        ];
        let mut out = Vec::new();
        write_dep(&deps, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a PAN file:/c/\na PAN file:/c/\nabsent.txt ABSENT_TEXT \nf.txt TEXT file:/c/files/\n\
not_there ABSENT_SOURCE \nns/b PAN file:/c%20d/%C3%A9/\nst PAN file:/c/\n"
        );
    }
}
