//! Output writers for panc's `--formats`: pan XML, JSON, text, dep and dot, optionally gzipped.
//!
//! Every writer appends bytes to a `Vec<u8>` exactly as panc writes the file. Strings are
//! valid UTF-8; a lone UTF-16 surrogate (which Java strings can hold, e.g. after `substr`
//! splits an emoji) is carried as a private-use sentinel character (see [`lone_surrogate`]),
//! and every writer turns it into `?`, as Java's UTF-8 encoder does.

pub mod dep;
pub mod dot;
pub mod json;
pub mod json_reader;
pub mod text;
pub mod xml;

use std::fmt;
use std::io::Write;

pub use dep::{write_dep, DepKind, Dependency};
pub use dot::write_dot;
pub use json::write_json;
pub use text::write_text;
pub use xml::write_pan_xml;

use crate::value::Value;

/// The formats panc can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormatKind {
    /// Pan XML (`pan`, also accepted as `xml`).
    Pan,
    Json,
    Dep,
    Text,
    Dot,
}

/// One entry of `--formats`: a kind and whether the file is gzipped (`json.gz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Format {
    pub kind: FormatKind,
    pub gzip: bool,
}

/// An entry of `--formats` that panc does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown output format `{}` (known: pan, xml, json, dep, text, dot, each optionally .gz)", self.0)
    }
}

impl std::error::Error for UnknownFormat {}

impl Format {
    /// Parse one format name (case-insensitive, like panc): `pan`, `xml`, `json`, `dep`,
    /// `text`, `dot`, each optionally followed by `.gz`.
    pub fn parse(name: &str) -> Result<Format, UnknownFormat> {
        let lower = name.trim().to_ascii_lowercase();
        let (base, gzip) = match lower.strip_suffix(".gz") {
            Some(base) => (base, true),
            None => (lower.as_str(), false),
        };
        let kind = match base {
            "pan" | "xml" => FormatKind::Pan,
            "json" => FormatKind::Json,
            "dep" => FormatKind::Dep,
            "text" => FormatKind::Text,
            "dot" => FormatKind::Dot,
            _ => return Err(UnknownFormat(name.to_string())),
        };
        Ok(Format { kind, gzip })
    }

    /// Parse a comma-separated `--formats` value such as `pan,json.gz,dep`.
    pub fn parse_list(list: &str) -> Result<Vec<Format>, UnknownFormat> {
        list.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(Format::parse)
            .collect()
    }

    /// The file extension, without the dot: `xml`, `json`, `dep`, `txt`, `dot`, plus `.gz`.
    pub fn extension(self) -> &'static str {
        match (self.kind, self.gzip) {
            (FormatKind::Pan, false) => "xml",
            (FormatKind::Pan, true) => "xml.gz",
            (FormatKind::Json, false) => "json",
            (FormatKind::Json, true) => "json.gz",
            (FormatKind::Dep, false) => "dep",
            (FormatKind::Dep, true) => "dep.gz",
            (FormatKind::Text, false) => "txt",
            (FormatKind::Text, true) => "txt.gz",
            (FormatKind::Dot, false) => "dot",
            (FormatKind::Dot, true) => "dot.gz",
        }
    }

    /// Write the file contents for this format (gzipped when asked).
    pub fn write(self, root: &Value, deps: &[Dependency], out: &mut Vec<u8>) {
        if self.gzip {
            let mut plain = Vec::new();
            Format {
                gzip: false,
                ..self
            }
            .write(root, deps, &mut plain);
            out.extend_from_slice(&gzip(&plain));
            return;
        }
        match self.kind {
            FormatKind::Pan => write_pan_xml(root, out),
            FormatKind::Json => write_json(root, out),
            FormatKind::Dep => write_dep(deps, out),
            FormatKind::Text => write_text(root, out),
            FormatKind::Dot => write_dot(root, out),
        }
    }
}

/// Gzip `bytes` as Java's `GZIPOutputStream` frames them (mtime 0, default level).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::GzBuilder::new().mtime(0).operating_system(0).write(
        Vec::with_capacity(bytes.len() / 4 + 64),
        flate2::Compression::default(),
    );
    enc.write_all(bytes).expect("writing to a Vec");
    enc.finish().expect("writing to a Vec")
}

/// First code point of the sentinels standing for lone UTF-16 surrogates: the surrogate
/// `0xD800 + k` is carried as `U+10F800 + k` (the last 2048 code points of plane 16).
pub const LONE_SURROGATE_BASE: u32 = 0x10_F800;

/// The sentinel character that stands for a lone UTF-16 surrogate (`0xD800..=0xDFFF`).
pub fn lone_surrogate(unit: u16) -> char {
    debug_assert!((0xD800..=0xDFFF).contains(&unit));
    char::from_u32(LONE_SURROGATE_BASE + (unit as u32 & 0x7FF)).expect("valid code point")
}

/// The lone surrogate a sentinel character stands for, if it is one.
pub fn as_lone_surrogate(c: char) -> Option<u16> {
    let c = c as u32;
    (c >= LONE_SURROGATE_BASE).then(|| 0xD800 + (c - LONE_SURROGATE_BASE) as u16)
}

/// Whether `s` holds a lone-surrogate sentinel (cheap: looks for its UTF-8 lead bytes).
pub(crate) fn has_lone_surrogate(s: &str) -> bool {
    // U+10F800..=U+10FFFF encode as F4 8F (A0..=BF) xx.
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == 0xF4) {
        i += off;
        if b[i + 1] == 0x8F && b[i + 2] >= 0xA0 {
            return true;
        }
        i += 1;
    }
    false
}

/// Append `s` as Java's UTF-8 encoder writes it: lone surrogates become `?`.
pub(crate) fn push_java_utf8(out: &mut Vec<u8>, s: &str) {
    if !has_lone_surrogate(s) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    for c in s.chars() {
        if as_lone_surrogate(c).is_some() {
            out.push(b'?');
        } else {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

/// Spaces for indentation, sliced rather than pushed one by one.
const SPACES: &[u8; 256] = &[b' '; 256];

/// Append `n` spaces.
pub(crate) fn push_spaces(out: &mut Vec<u8>, mut n: usize) {
    while n > SPACES.len() {
        out.extend_from_slice(SPACES);
        n -= SPACES.len();
    }
    out.extend_from_slice(&SPACES[..n]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_like_panc() {
        let got = Format::parse_list("pan,json.gz,DEP,text,xml,dot").unwrap();
        let exts: Vec<&str> = got.iter().map(|f| f.extension()).collect();
        assert_eq!(exts, ["xml", "json.gz", "dep", "txt", "xml", "dot"]);
        assert_eq!(Format::parse("yaml"), Err(UnknownFormat("yaml".into())));
    }

    #[test]
    fn sentinels_round_trip() {
        for unit in [0xD800u16, 0xDBFF, 0xDC00, 0xDE00, 0xDFFF] {
            let c = lone_surrogate(unit);
            assert_eq!(as_lone_surrogate(c), Some(unit));
            assert!(has_lone_surrogate(&format!("a{c}b")));
        }
        assert_eq!(as_lone_surrogate('\u{1F600}'), None);
        assert!(!has_lone_surrogate("x\u{1F600}\u{10F7FF}"));
        let mut out = Vec::new();
        push_java_utf8(&mut out, &format!("{}x", lone_surrogate(0xDE00)));
        assert_eq!(out, b"?x");
    }

    #[test]
    fn gzip_round_trips() {
        use std::io::Read;
        let z = gzip(b"hello");
        let mut s = String::new();
        flate2::read::GzDecoder::new(&z[..])
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "hello");
    }
}
