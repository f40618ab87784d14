//! The deb822 stanza scanner for `Packages` indexes and dpkg `status` files.
//!
//! It walks decompressed chunks once with `memchr`, recognises the fields vmcs needs by
//! length and first/last letter (one case-insensitive compare per line), and copies only
//! their values into a compact per-index arena (about a third of the index), handing out
//! byte ranges into it: no per-field allocation, and chunks can be reused as soon as they
//! are scanned. Lines are counted as they go, for errors.

use crate::error::DepsError;
use memchr::memchr;

/// The fields the scanner keeps; all others are skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Field {
    Package,
    Version,
    Architecture,
    PreDepends,
    Depends,
    Conflicts,
    Breaks,
    Recommends,
    Suggests,
    Replaces,
    Enhances,
    Provides,
    Essential,
    Important,
    Protected,
    Priority,
    MultiArch,
    Source,
    Section,
    InstalledSize,
    Filename,
    Status,
}

/// How many kinds of [`Field`] there are.
pub const FIELD_COUNT: usize = Field::Status as usize + 1;

impl Field {
    /// The canonical spelling.
    pub fn name(self) -> &'static str {
        match self {
            Field::Package => "Package",
            Field::Version => "Version",
            Field::Architecture => "Architecture",
            Field::PreDepends => "Pre-Depends",
            Field::Depends => "Depends",
            Field::Conflicts => "Conflicts",
            Field::Breaks => "Breaks",
            Field::Recommends => "Recommends",
            Field::Suggests => "Suggests",
            Field::Replaces => "Replaces",
            Field::Enhances => "Enhances",
            Field::Provides => "Provides",
            Field::Essential => "Essential",
            Field::Important => "Important",
            Field::Protected => "Protected",
            Field::Priority => "Priority",
            Field::MultiArch => "Multi-Arch",
            Field::Source => "Source",
            Field::Section => "Section",
            Field::InstalledSize => "Installed-Size",
            Field::Filename => "Filename",
            Field::Status => "Status",
        }
    }

    /// Recognises a field name (case-insensitively) with a single string compare.
    pub fn classify(key: &[u8]) -> Option<Field> {
        let (first, last) = match key {
            [f, .., l] => (f | 0x20, l | 0x20),
            _ => return None,
        };
        let cand = match (key.len(), first, last) {
            (7, b'p', b'e') => Field::Package,
            (7, b'v', b'n') => Field::Version,
            (12, b'a', b'e') => Field::Architecture,
            (11, b'p', b's') => Field::PreDepends,
            (7, b'd', b's') => Field::Depends,
            (9, b'c', b's') => Field::Conflicts,
            (6, b'b', b's') => Field::Breaks,
            (10, b'r', b's') => Field::Recommends,
            (8, b's', b's') => Field::Suggests,
            (8, b'r', b's') => Field::Replaces,
            (8, b'e', b's') => Field::Enhances,
            (8, b'p', b's') => Field::Provides,
            (9, b'e', b'l') => Field::Essential,
            (9, b'i', b't') => Field::Important,
            (9, b'p', b'd') => Field::Protected,
            (8, b'p', b'y') => Field::Priority,
            (10, b'm', b'h') => Field::MultiArch,
            (6, b's', b'e') => Field::Source,
            (7, b's', b'n') => Field::Section,
            (14, b'i', b'e') => Field::InstalledSize,
            (8, b'f', b'e') => Field::Filename,
            (6, b's', b's') => Field::Status,
            _ => return None,
        };
        cand.name()
            .as_bytes()
            .eq_ignore_ascii_case(key)
            .then_some(cand)
    }
}

/// A byte range `[start, end)` into an index buffer; `start == u32::MAX` means absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The absent span.
    pub const NONE: Span = Span {
        start: u32::MAX,
        end: u32::MAX,
    };

    /// Whether the field was present.
    pub fn is_some(self) -> bool {
        self.start != u32::MAX
    }

    /// The bytes of the span, empty when absent.
    pub fn get(self, buf: &[u8]) -> &[u8] {
        if self.is_some() {
            &buf[self.start as usize..self.end as usize]
        } else {
            &[]
        }
    }
}

/// One stanza: where it starts and the arena spans of its kept fields (values, trimmed).
#[derive(Debug, Clone)]
pub struct Stanza {
    /// The 1-based line of its first field.
    pub line: u32,
    /// Where its values start in the arena (everything after may be dropped).
    pub arena_start: u32,
    pub fields: [Span; FIELD_COUNT],
    /// The line of each kept field.
    pub lines: [u32; FIELD_COUNT],
}

impl Stanza {
    /// The value of a field, when present.
    pub fn get<'b>(&self, arena: &'b [u8], f: Field) -> Option<&'b [u8]> {
        let s = self.fields[f as usize];
        s.is_some().then(|| s.get(arena))
    }
}

/// The longest line the scanner accepts: Debian's longest lines are a few dozen KiB; a
/// file without line breaks (`/dev/zero`) stops here instead of filling memory.
pub const MAX_LINE: usize = 4 << 20;
/// The longest value of a kept field (continuation lines included).
pub const MAX_FIELD: usize = 16 << 20;

fn error_at(path: &str, line: u32, text: &[u8], message: String) -> DepsError {
    DepsError::malformed(path, line as usize, text, message)
}

fn too_long(path: &str, line: u32, text: &[u8], what: &str, max: usize) -> DepsError {
    error_at(
        path,
        line,
        text,
        format!(
            "{what} is longer than {} MiB; is this a Packages index?",
            max >> 20
        ),
    )
}

/// What a scanner calls with each complete stanza: the arena and the stanza. It may
/// truncate the arena back to `stanza.arena_start` to drop the stanza.
pub type OnStanza<'f> = dyn FnMut(&mut Vec<u8>, &Stanza) -> Result<(), DepsError> + 'f;

/// Scans every stanza of `buf` (a whole file), copying kept values into `arena`.
pub fn scan(
    buf: &[u8],
    path: &str,
    arena: &mut Vec<u8>,
    f: &mut OnStanza<'_>,
) -> Result<(), DepsError> {
    let mut sc = Scanner::new(path);
    sc.feed(buf, arena, f)?;
    sc.finish(arena, f)
}

/// A resumable stanza scanner: feed it chunks in order, it reports each stanza once the
/// stanza is complete (so decompression and parsing can overlap).
///
/// Errors: a line that is neither a continuation nor `Key: value`, a continuation line
/// before any field, and input that ends inside a line (truncated).
pub struct Scanner<'p> {
    path: &'p str,
    /// The number of the next line.
    line: u32,
    /// An incomplete line carried from the previous chunk.
    partial: Vec<u8>,
    st: Stanza,
    in_stanza: bool,
    /// The kept field a continuation line extends.
    current: Option<usize>,
    have_field: bool,
}

impl<'p> Scanner<'p> {
    /// A scanner at the start of a file named `path`.
    pub fn new(path: &'p str) -> Scanner<'p> {
        Scanner {
            path,
            line: 1,
            partial: Vec::new(),
            st: Stanza {
                line: 0,
                arena_start: 0,
                fields: [Span::NONE; FIELD_COUNT],
                lines: [0; FIELD_COUNT],
            },
            in_stanza: false,
            current: None,
            have_field: false,
        }
    }

    /// Scans the next chunk of input.
    pub fn feed(
        &mut self,
        chunk: &[u8],
        arena: &mut Vec<u8>,
        f: &mut OnStanza<'_>,
    ) -> Result<(), DepsError> {
        let mut pos = 0;
        if !self.partial.is_empty() {
            let Some(i) = memchr(b'\n', chunk) else {
                self.keep_partial(chunk)?;
                return Ok(());
            };
            self.keep_partial(&chunk[..i])?;
            let mut line = std::mem::take(&mut self.partial);
            self.line(&line, arena, f)?;
            line.clear();
            self.partial = line;
            pos = i + 1;
        }
        while let Some(i) = memchr(b'\n', &chunk[pos..]) {
            if i > MAX_LINE {
                let text = &chunk[pos..pos + i];
                return Err(too_long(self.path, self.line, text, "the line", MAX_LINE));
            }
            self.line(&chunk[pos..pos + i], arena, f)?;
            pos += i + 1;
        }
        self.keep_partial(&chunk[pos..])?;
        if arena.len() >= u32::MAX as usize {
            return Err(DepsError::Io {
                path: self.path.to_string(),
                message: "index is too large".into(),
            });
        }
        Ok(())
    }

    /// Carries an incomplete line to the next chunk, within [`MAX_LINE`].
    fn keep_partial(&mut self, bytes: &[u8]) -> Result<(), DepsError> {
        if self.partial.len() + bytes.len() > MAX_LINE {
            let mut text = std::mem::take(&mut self.partial);
            text.extend_from_slice(&bytes[..bytes.len().min(256)]);
            return Err(too_long(self.path, self.line, &text, "the line", MAX_LINE));
        }
        self.partial.extend_from_slice(bytes);
        Ok(())
    }

    /// Ends the input: an unterminated last line is an error; the last stanza is reported.
    pub fn finish(&mut self, arena: &mut Vec<u8>, f: &mut OnStanza<'_>) -> Result<(), DepsError> {
        if !self.partial.is_empty() {
            return Err(error_at(
                self.path,
                self.line,
                &self.partial,
                "the index ends in the middle of a line (is it truncated?)".into(),
            ));
        }
        if self.in_stanza {
            self.in_stanza = false;
            f(arena, &self.st)?;
        }
        Ok(())
    }

    fn line(
        &mut self,
        mut line: &[u8],
        arena: &mut Vec<u8>,
        f: &mut OnStanza<'_>,
    ) -> Result<(), DepsError> {
        let no = self.line;
        self.line += 1;
        if let [rest @ .., b'\r'] = line {
            line = rest;
        }
        if line.is_empty() {
            if self.in_stanza {
                f(arena, &self.st)?;
                self.st.fields = [Span::NONE; FIELD_COUNT];
                self.in_stanza = false;
                self.current = None;
                self.have_field = false;
            }
        } else if line[0] == b' ' || line[0] == b'\t' {
            if !self.have_field {
                return Err(error_at(
                    self.path,
                    no,
                    line,
                    "continuation line outside a field".into(),
                ));
            }
            if let Some(i) = self.current {
                let text = trim(line);
                let have = self.st.fields[i]
                    .end
                    .saturating_sub(self.st.fields[i].start) as usize;
                if have + text.len() > MAX_FIELD {
                    return Err(too_long(self.path, no, line, "the field", MAX_FIELD));
                }
                if !text.is_empty() {
                    let field = &mut self.st.fields[i];
                    if field.start == field.end {
                        field.start = arena.len() as u32;
                    } else {
                        arena.push(b'\n');
                    }
                    arena.extend_from_slice(text);
                    field.end = arena.len() as u32;
                }
            }
        } else if line[0] == b'#' && !self.in_stanza {
            // Comment lines between stanzas (allowed in deb822 files written by hand).
        } else {
            let Some(colon) = line.iter().position(|&c| c == b':') else {
                return Err(error_at(
                    self.path,
                    no,
                    line,
                    format!(
                        "field without colon: `{}`",
                        String::from_utf8_lossy(&line[..line.len().min(60)])
                    ),
                ));
            };
            if !self.in_stanza {
                self.in_stanza = true;
                self.st.line = no;
                self.st.arena_start = arena.len() as u32;
            }
            self.have_field = true;
            self.current = Field::classify(&line[..colon]).map(|k| k as usize);
            if let Some(i) = self.current {
                let start = arena.len() as u32;
                arena.extend_from_slice(trim(&line[colon + 1..]));
                self.st.fields[i] = Span {
                    start,
                    end: arena.len() as u32,
                };
                self.st.lines[i] = no;
            }
        }
        Ok(())
    }
}

fn trim(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}

/// Reports a required field missing from a stanza.
pub fn missing_field(path: &str, arena: &[u8], st: &Stanza, field: Field) -> DepsError {
    let pkg = st.get(arena, Field::Package).unwrap_or(b"");
    let name = if pkg.is_empty() {
        String::new()
    } else {
        let pkg = String::from_utf8_lossy(pkg);
        format!(" (package `{}`)", crate::error::shorten(&pkg, 80))
    };
    let text = [b"Package: ", pkg].concat();
    error_at(
        path,
        st.line,
        &text,
        format!(
            "stanza has no `{}` field{name}; is the index truncated?",
            field.name()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str) -> Result<Vec<Vec<(Field, String)>>, DepsError> {
        // Feed in small chunks, so lines and stanzas cross chunk boundaries.
        let mut out = Vec::new();
        let mut arena = Vec::new();
        let mut sc = Scanner::new("t");
        let mut f = |arena: &mut Vec<u8>, st: &Stanza| {
            let mut fs = Vec::new();
            for (f, s) in ALL.iter().zip(st.fields) {
                if s.is_some() {
                    fs.push((*f, String::from_utf8_lossy(s.get(arena)).into()));
                }
            }
            out.push(fs);
            Ok(())
        };
        for chunk in text.as_bytes().chunks(7) {
            sc.feed(chunk, &mut arena, &mut f)?;
        }
        sc.finish(&mut arena, &mut f)?;
        Ok(out)
    }

    const ALL: [Field; FIELD_COUNT] = [
        Field::Package,
        Field::Version,
        Field::Architecture,
        Field::PreDepends,
        Field::Depends,
        Field::Conflicts,
        Field::Breaks,
        Field::Recommends,
        Field::Suggests,
        Field::Replaces,
        Field::Enhances,
        Field::Provides,
        Field::Essential,
        Field::Important,
        Field::Protected,
        Field::Priority,
        Field::MultiArch,
        Field::Source,
        Field::Section,
        Field::InstalledSize,
        Field::Filename,
        Field::Status,
    ];

    #[test]
    fn classify_knows_every_field_in_any_case() {
        for f in ALL {
            assert_eq!(Field::classify(f.name().as_bytes()), Some(f));
            let lower = f.name().to_lowercase();
            assert_eq!(Field::classify(lower.as_bytes()), Some(f));
        }
        for other in [
            "SHA256",
            "Description",
            "Maintainer",
            "Size",
            "Tag",
            "Homepage",
            "X",
        ] {
            assert_eq!(Field::classify(other.as_bytes()), None, "{other}");
        }
    }

    #[test]
    fn scans_stanzas_with_continuations_and_crlf() {
        let text = "Package: a\nVersion: 1.0\nDescription: x\n long\nDepends: b,\n c (>= 1)\n\n\r\nPackage: d\r\nversion:2  \r\n";
        let got = collect(text).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0][2], (Field::Depends, "b,\nc (>= 1)".to_string()));
        assert_eq!(got[1][1], (Field::Version, "2".to_string()));
    }

    #[test]
    fn errors_name_the_line() {
        let e = collect("Package: a\nVersion 1\n").unwrap_err();
        assert_eq!(e.code_str(), "vmcs::deps::malformed_index");
        assert!(e.to_string().starts_with("t:2: field without colon"), "{e}");
        let e = collect(" x\nPackage: a\n").unwrap_err();
        assert!(
            e.to_string().contains("t:1: continuation line outside"),
            "{e}"
        );
        let e = collect("Package: a\n\nPackage: b\nVersi").unwrap_err();
        assert!(
            e.to_string().contains("t:4: the index ends in the middle"),
            "{e}"
        );
    }
}
