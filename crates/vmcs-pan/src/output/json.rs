//! panc's `json` format, which is Gson's pretty printing (also what `json_encode` returns).
//!
//! Two-space indentation, `"key": value`, `[]`/`{}` for empty resources, no final newline.
//! Strings use Gson's HTML-safe escaping: `"` and `\` backslashed, `\b \f \t \n \r` short
//! forms, other controls as `\u00XX` (lowercase hex), `< > & = '` as `\u003c \u003e \u0026
//! \u003d \u0027`, U+2028/U+2029 escaped, everything else raw. Numbers use Java's `toString`,
//! so NaN and infinities come out bare, as Gson writes them in lenient mode.

use super::push_spaces;
use crate::javafmt::{push_double, push_long};
use crate::value::Value;
use crate::walk::{walk, Flow, Name, Step};

/// Write `root` as panc's JSON file (lone surrogates become `?`, as in the file panc writes).
pub fn write_json(root: &Value, out: &mut Vec<u8>) {
    value(out, root, true);
}

/// Gson's pretty JSON of `v` as a string, as `json_encode` returns it: lone surrogates are
/// kept (as sentinels). Undef and null are written `null`; callers reject undef first.
pub fn to_json_string(v: &Value) -> String {
    let mut out = Vec::new();
    value(&mut out, v, false);
    String::from_utf8(out).expect("the JSON writer writes UTF-8")
}

fn value(out: &mut Vec<u8>, root: &Value, file: bool) {
    walk(root, |step| match step {
        Step::Enter {
            name,
            value: v,
            depth,
            index,
        } => {
            if depth > 0 {
                if index > 0 {
                    out.push(b',');
                }
                out.push(b'\n');
                push_spaces(out, 2 * depth);
                if let Name::Key(k) = name {
                    string(out, k.as_str(), file);
                    out.extend_from_slice(b": ");
                }
            }
            match v {
                Value::Dict(d) if d.is_empty() => out.extend_from_slice(b"{}"),
                Value::List(l) if l.is_empty() => out.extend_from_slice(b"[]"),
                Value::Dict(_) => {
                    out.push(b'{');
                    return Flow::Into;
                }
                Value::List(_) => {
                    out.push(b'[');
                    return Flow::Into;
                }
                Value::Str(s) => string(out, s, file),
                Value::Long(n) => push_long(out, *n),
                Value::Double(x) => push_double(out, *x),
                Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
                Value::Undef | Value::Null => out.extend_from_slice(b"null"),
            }
            Flow::Over
        }
        Step::Leave {
            value: v, depth, ..
        } => {
            out.push(b'\n');
            push_spaces(out, 2 * depth);
            out.push(if matches!(v, Value::Dict(_)) {
                b'}'
            } else {
                b']'
            });
            Flow::Over
        }
    });
}

/// Gson's escape for each ASCII byte, or `None` when it is written as is.
fn ascii_escape(b: u8) -> Option<&'static [u8]> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    const fn table() -> [[u8; 6]; 32] {
        let mut t = [[0u8; 6]; 32];
        let mut i = 0;
        while i < 32 {
            t[i] = [b'\\', b'u', b'0', b'0', HEX[i >> 4], HEX[i & 15]];
            i += 1;
        }
        t
    }
    static CONTROLS: [[u8; 6]; 32] = table();
    Some(match b {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        0x0C => b"\\f",
        0..=0x1F => &CONTROLS[b as usize],
        b'<' => b"\\u003c",
        b'>' => b"\\u003e",
        b'&' => b"\\u0026",
        b'=' => b"\\u003d",
        b'\'' => b"\\u0027",
        _ => return None,
    })
}

/// Bytes that may need escaping: ASCII ones of [`ascii_escape`], the lead byte of U+2028 and
/// U+2029 (E2) and of the lone-surrogate sentinels (F4).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    let mut k = 0;
    let others = b"\"\\<>&='";
    while k < others.len() {
        t[others[k] as usize] = true;
        k += 1;
    }
    t[0xE2] = true;
    t[0xF4] = true;
    t
};

fn string(out: &mut Vec<u8>, s: &str, file: bool) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&c| SPECIAL[c as usize]) {
        i += off;
        let b = bytes[i];
        let (replacement, len): (&[u8], usize) = if b < 0x80 {
            (ascii_escape(b).expect("special ASCII"), 1)
        } else if b == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA8 {
            (b"\\u2028", 3)
        } else if b == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA9 {
            (b"\\u2029", 3)
        } else if file && b == 0xF4 && bytes[i + 1] == 0x8F && bytes[i + 2] >= 0xA0 {
            (b"?", 4)
        } else {
            i += 1;
            continue;
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(replacement);
        i += len;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::lone_surrogate;

    #[test]
    fn strings_escape_like_gson() {
        let s = "quote\" back\\ <tag> & = ' é \u{1} \n\u{8}\u{c}\t\r\u{7f}\u{2028}\u{2029}😀";
        let got = to_json_string(&Value::str(s));
        assert_eq!(
            got,
            "\"quote\\\" back\\\\ \\u003ctag\\u003e \\u0026 \\u003d \\u0027 é \\u0001 \\n\\b\\f\\t\\r\u{7f}\\u2028\\u2029😀\""
        );
    }

    #[test]
    fn lone_surrogates_are_question_marks_in_files_only() {
        let v = Value::string(format!("{}x", lone_surrogate(0xDE00)));
        let mut out = Vec::new();
        write_json(&v, &mut out);
        assert_eq!(out, b"\"?x\"");
        assert_eq!(
            to_json_string(&v),
            format!("\"{}x\"", lone_surrogate(0xDE00))
        );
    }
}
