//! panc's `pan` format: the profile as XML, byte-identical to what panc's SAX serializer writes.
//!
//! Layout: the XML declaration and the root `<nlist format="pan" name="profile">` on one line,
//! 4-space indentation, one element per value named after its type (`nlist`, `list`, `string`,
//! `long`, `double`, `boolean`), a `name` attribute for dict entries only, self-closing tags for
//! empty strings and resources. Escaping follows the JDK serializer: `<`, `>`, `&` as entities,
//! CR, DEL, C1 controls and characters outside the BMP as decimal references, the rest raw
//! UTF-8. A string holding a character XML 1.0 forbids is written as base64 of its UTF-8 bytes
//! (`encoding="base64"`, a newline after every 76 characters, as panc's `Base64` does).

use super::{as_lone_surrogate, push_java_utf8, push_spaces};
use crate::javafmt::{push_double, push_long};
use crate::value::Value;
use crate::walk::{walk, Flow, Name, Step};

/// Write `root` as panc's pan XML.
pub fn write_pan_xml(root: &Value, out: &mut Vec<u8>) {
    out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    elements(out, root);
    out.push(b'\n');
}

/// Undef and null never reach a finished profile; if they do, they are left out.
fn is_written(v: &Value) -> bool {
    !matches!(v, Value::Undef | Value::Null)
}

fn tag(v: &Value) -> &'static [u8] {
    match v {
        Value::Dict(_) => b"nlist",
        Value::List(_) => b"list",
        Value::Str(_) => b"string",
        Value::Long(_) => b"long",
        Value::Double(_) => b"double",
        Value::Bool(_) => b"boolean",
        Value::Undef | Value::Null => b"",
    }
}

fn elements(out: &mut Vec<u8>, root: &Value) {
    walk(root, |step| match step {
        Step::Enter {
            name, value, depth, ..
        } => {
            if !is_written(value) {
                return Flow::Over;
            }
            if depth > 0 {
                out.push(b'\n');
                push_spaces(out, 4 * depth);
            }
            let tag = tag(value);
            out.push(b'<');
            out.extend_from_slice(tag);
            match name {
                Name::Root => out.extend_from_slice(b" format=\"pan\" name=\"profile\""),
                Name::Key(k) => {
                    out.extend_from_slice(b" name=\"");
                    escape_attribute(out, k.as_str());
                    out.push(b'"');
                }
                Name::Index(_) => {}
            }
            let empty = match value {
                Value::Dict(d) => !d.values().any(is_written),
                Value::List(l) => !l.iter().any(is_written),
                Value::Str(s) => s.is_empty(),
                _ => false,
            };
            if empty {
                out.extend_from_slice(b"/>");
                return Flow::Over;
            }
            match value {
                Value::Dict(_) | Value::List(_) => {
                    out.push(b'>');
                    return Flow::Into;
                }
                Value::Str(s) => {
                    if is_valid_xml(s) {
                        out.push(b'>');
                        escape_text(out, s);
                    } else {
                        out.extend_from_slice(b" encoding=\"base64\">");
                        let mut bytes = Vec::with_capacity(s.len());
                        push_java_utf8(&mut bytes, s);
                        push_base64_lines(out, &bytes);
                    }
                }
                Value::Long(n) => {
                    out.push(b'>');
                    push_long(out, *n);
                }
                Value::Double(x) => {
                    out.push(b'>');
                    push_double(out, *x);
                }
                Value::Bool(b) => {
                    out.push(b'>');
                    out.extend_from_slice(if *b { b"true" } else { b"false" });
                }
                Value::Undef | Value::Null => unreachable!("not written"),
            }
            close(out, tag);
            Flow::Over
        }
        Step::Leave { value, depth, .. } => {
            out.push(b'\n');
            push_spaces(out, 4 * depth);
            close(out, tag(value));
            Flow::Over
        }
    });
}

fn close(out: &mut Vec<u8>, tag: &[u8]) {
    out.extend_from_slice(b"</");
    out.extend_from_slice(tag);
    out.push(b'>');
}

/// panc's `XMLFormatterUtils.isValidXMLString`: only tab, LF, CR, U+0020..U+D7FF,
/// U+E000..U+FFFD and U+10000..U+10FFFF (lone surrogates are not valid).
pub fn is_valid_xml(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| VALIDITY[c as usize] != 0) {
        i += off;
        match b[i] {
            // U+FFFE and U+FFFF encode as EF BF BE / EF BF BF.
            0xEF if b[i + 1] == 0xBF && b[i + 2] >= 0xBE => return false,
            // Lone-surrogate sentinels (U+10F800..) encode as F4 8F A0.. .
            0xF4 if b[i + 1] == 0x8F && b[i + 2] >= 0xA0 => return false,
            0xEF | 0xF4 => i += 1,
            _ => return false,
        }
    }
    true
}

/// Per byte: 0 fine, 1 a forbidden control character, 2 the lead of a sequence to check.
static VALIDITY: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = 1;
        i += 1;
    }
    t[b'\t' as usize] = 0;
    t[b'\n' as usize] = 0;
    t[b'\r' as usize] = 0;
    t[0xEF] = 2;
    t[0xF4] = 2;
    t
};

/// Per byte: 1 when it needs escaping in text, 2 when only in attributes.
static SPECIAL: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'<' as usize] = 1;
    t[b'>' as usize] = 1;
    t[b'&' as usize] = 1;
    t[b'\r' as usize] = 1;
    t[0x7F] = 1;
    t[0xC2] = 1; // C1 controls are C2 80..C2 9F
    let mut i = 0xF0;
    while i < 0xF8 {
        t[i] = 1; // characters outside the BMP
        i += 1;
    }
    t[b'"' as usize] = 2;
    t[b'\n' as usize] = 2;
    t[b'\t' as usize] = 2;
    t
};

/// Escape character data as the JDK serializer does.
fn escape_text(out: &mut Vec<u8>, s: &str) {
    escape(out, s, 1);
}

/// Escape an attribute value as the JDK serializer does.
fn escape_attribute(out: &mut Vec<u8>, s: &str) {
    escape(out, s, 2);
}

/// Escape bytes whose [`SPECIAL`] class is non-zero and at most `level`.
fn escape(out: &mut Vec<u8>, s: &str, level: u8) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = bytes[i..]
        .iter()
        .position(|&c| SPECIAL[c as usize].wrapping_sub(1) < level)
    {
        i += off;
        let b = bytes[i];
        let (replacement, len): (&[u8], usize) = match b {
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'&' => (b"&amp;", 1),
            b'\r' => (b"&#13;", 1),
            0x7F => (b"&#127;", 1),
            b'"' => (b"&quot;", 1),
            b'\n' => (b"&#10;", 1),
            b'\t' => (b"&#9;", 1),
            0xC2 if bytes[i + 1] >= 0xA0 => {
                i += 2;
                continue;
            }
            _ => (b"", if b == 0xC2 { 2 } else { 4 }),
        };
        out.extend_from_slice(&bytes[start..i]);
        if replacement.is_empty() {
            // A C1 control or a character outside the BMP: a decimal reference.
            let c = s[i..].chars().next().expect("char boundary");
            let code = as_lone_surrogate(c).map_or(c as i64, |unit| unit as i64);
            out.extend_from_slice(b"&#");
            push_long(out, code);
            out.push(b';');
        } else {
            out.extend_from_slice(replacement);
        }
        i += len;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 as panc's `Base64.encodeBytes`: a `\n` after every 76 output characters (also at the
/// very end when the input length is a multiple of 57 bytes), `=` padding.
pub fn push_base64_lines(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut line = 0;
    let mut chunks = bytes.chunks_exact(3);
    for c in &mut chunks {
        let n = (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32;
        for shift in [18, 12, 6, 0] {
            out.push(BASE64_ALPHABET[(n >> shift & 0x3F) as usize]);
        }
        line += 4;
        if line == 76 {
            out.push(b'\n');
            line = 0;
        }
    }
    match *chunks.remainder() {
        [a] => {
            let n = (a as u32) << 16;
            out.extend_from_slice(&[
                BASE64_ALPHABET[(n >> 18) as usize],
                BASE64_ALPHABET[(n >> 12 & 0x3F) as usize],
            ]);
            out.extend_from_slice(b"==");
        }
        [a, b] => {
            let n = (a as u32) << 16 | (b as u32) << 8;
            for shift in [18, 12, 6] {
                out.push(BASE64_ALPHABET[(n >> shift & 0x3F) as usize]);
            }
            out.push(b'=');
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::lone_surrogate;

    fn text(s: &str) -> String {
        let mut out = Vec::new();
        escape_text(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_like_the_jdk_serializer() {
        for (input, expected) in [
            ("a<b>&c\"'", "a&lt;b&gt;&amp;c\"'"),
            ("cr\r\n\t", "cr&#13;\n\t"),
            ("\u{7F}\u{85}\u{9F}\u{A0}é", "&#127;&#133;&#159;\u{A0}é"),
            ("x\u{1F600}y", "x&#128512;y"),
            ("\u{2028}\u{FEFF}", "\u{2028}\u{FEFF}"),
        ] {
            assert_eq!(text(input), expected, "{input:?}");
        }
    }

    #[test]
    fn validity_like_panc() {
        assert!(is_valid_xml("tab\tnl\ncr\r\u{FFFD}\u{10000}"));
        for bad in ["\0", "\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"] {
            assert!(!is_valid_xml(bad), "{bad:?}");
        }
        assert!(!is_valid_xml(&format!("{}x", lone_surrogate(0xDE00))));
    }

    #[test]
    fn base64_breaks_lines_like_panc() {
        let mut out = Vec::new();
        push_base64_lines(&mut out, &[0u8; 57]);
        assert_eq!(out.len(), 77);
        assert_eq!(out[76], b'\n');
        out.clear();
        push_base64_lines(&mut out, b"?x");
        assert_eq!(out, b"P3g=");
    }
}
